//! The W3C SHACL suite through the command line, files as published: for every `sht:Validate`
//! case of the core and sparql manifests (fetched by `scripts/fetch-w3c-shacl.sh` into
//! `target/w3c-shacl/`), runs the built `fairlint check DATA --shapes SHAPES --format shacl`
//! on the suite's own files, which use `<>` and other relative IRIs and carry no `@base`, so
//! each file's relative IRIs must resolve against its location. Twice: with paths relative to
//! the suite directory (the working directory; base IRIs `file:%2E/core/...`) and with absolute
//! paths (`file:///.../core/...`). The expected reports are read from the manifests, parsed
//! with the same base mapping ([`fair_core::file_base_iri`]).
//!
//! Reports are compared as the suite defines and as `crates/fair-shacl/tests/w3c_shacl.rs`
//! does: `sh:conforms` plus the multiset of results (focus node, result path, value, source
//! shape, constraint component, severity). The CLI parses data and shapes separately and
//! relabels their blank nodes, so blank nodes are matched by a search for a consistent
//! mapping, one-to-one among data nodes (focus, value) and among shapes nodes (source shape).
//! A case that expects `sht:Failure` (ill-formed shapes) must end with the CLI's error exit (2)
//! and no report.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, HashMap};
use std::path::{Path as FsPath, PathBuf};
use std::process::Command;

use fair_core::shacl::{Graph, Path};
use oxrdf::{NamedNode, NamedNodeRef, NamedOrBlankNodeRef, Term, TermRef};

const MF: &str = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
const SHT: &str = "http://www.w3.org/ns/shacl-test#";
const SH: &str = "http://www.w3.org/ns/shacl#";
const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

fn iri(ns: &str, local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{ns}{local}"))
}

fn suite_dir() -> PathBuf {
    if let Ok(dir) = std::env::var("FAIRLINT_W3C_SHACL_DIR") {
        return PathBuf::from(dir);
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/w3c-shacl")
}

fn parse_turtle(text: &str, base: &str, what: &str) -> Graph {
    let mut g = Graph::new();
    for t in oxttl::TurtleParser::new()
        .with_base_iri(base)
        .unwrap()
        .for_slice(text.as_bytes())
    {
        g.insert(&t.unwrap_or_else(|e| panic!("parse {what}: {e}")));
    }
    g
}

fn objects(g: &Graph, s: &Term, p: &NamedNode) -> Vec<Term> {
    let s = match s {
        Term::NamedNode(n) => NamedOrBlankNodeRef::from(n),
        Term::BlankNode(b) => b.into(),
        _ => return Vec::new(),
    };
    g.objects_for_subject_predicate(s, p)
        .map(TermRef::into_owned)
        .collect()
}

fn one(g: &Graph, s: &Term, p: &str) -> Option<Term> {
    objects(g, s, &iri(SH, p)).pop()
}

fn list(g: &Graph, mut node: Term) -> Vec<Term> {
    let mut out = Vec::new();
    while let Some(f) = objects(g, &node, &iri(RDF, "first")).pop() {
        out.push(f);
        match objects(g, &node, &iri(RDF, "rest")).pop() {
            Some(r) => node = r,
            None => break,
        }
    }
    out
}

/// The manifests, parsed once each, keyed by file path relative to the suite directory.
struct Manifests {
    dir: PathBuf,
    absolute: bool,
    graphs: HashMap<String, Graph>,
}

impl Manifests {
    /// The file's path as the CLI is given it in this mode.
    fn arg(&self, rel: &str) -> PathBuf {
        if self.absolute {
            self.dir.join(rel)
        } else {
            PathBuf::from(rel)
        }
    }

    fn base(&self, rel: &str) -> String {
        fair_core::file_base_iri(&self.arg(rel))
    }

    fn graph(&mut self, rel: &str) -> &Graph {
        if !self.graphs.contains_key(rel) {
            let text = std::fs::read_to_string(self.dir.join(rel))
                .unwrap_or_else(|e| panic!("read {rel}: {e}"));
            let g = parse_turtle(&text, &self.base(rel), rel);
            self.graphs.insert(rel.to_owned(), g);
        }
        &self.graphs[rel]
    }

    /// The suite-relative path of a file IRI made by [`Manifests::base`].
    fn rel_of(&self, iri: &str) -> String {
        let root = self.base("manifest.ttl");
        let root = root.strip_suffix("manifest.ttl").unwrap();
        iri.strip_prefix(root)
            .unwrap_or_else(|| panic!("{iri} is not under {root}"))
            .to_owned()
    }
}

struct Case {
    id: String,
    category: String,
    data: String,
    shapes: String,
    manifest: String,
    result: Term,
}

fn collect(m: &mut Manifests, manifest: &str, cases: &mut Vec<Case>) {
    let g = m.graph(manifest).clone();
    let node: Term = NamedNode::new_unchecked(m.base(manifest)).into();
    for inc in objects(&g, &node, &iri(MF, "include")) {
        if let Term::NamedNode(n) = inc {
            let rel = m.rel_of(n.as_str());
            collect(m, &rel, cases);
        }
    }
    for entries in objects(&g, &node, &iri(MF, "entries")) {
        for entry in list(&g, entries) {
            let Term::NamedNode(entry_iri) = &entry else {
                continue;
            };
            let validate = iri(SHT, "Validate");
            let rdf_type =
                NamedNodeRef::new_unchecked("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
            if !g.contains(oxrdf::TripleRef::new(entry_iri, rdf_type, &validate)) {
                continue;
            }
            let action = objects(&g, &entry, &iri(MF, "action")).pop().unwrap();
            let data = objects(&g, &action, &iri(SHT, "dataGraph")).pop().unwrap();
            let shapes = objects(&g, &action, &iri(SHT, "shapesGraph"))
                .pop()
                .unwrap();
            let result = objects(&g, &entry, &iri(MF, "result")).pop().unwrap();
            let (Term::NamedNode(data), Term::NamedNode(shapes)) = (data, shapes) else {
                panic!("{entry_iri}: data and shapes graphs must be IRIs")
            };
            let root = m.base("manifest.ttl");
            let root = root.strip_suffix("manifest.ttl").unwrap_or(&root);
            let id = entry_iri
                .as_str()
                .strip_prefix(root)
                .unwrap_or(entry_iri.as_str())
                .to_owned();
            cases.push(Case {
                category: id.split('/').next().unwrap_or("").to_owned(),
                id,
                data: m.rel_of(data.as_str()),
                shapes: m.rel_of(shapes.as_str()),
                manifest: manifest.to_owned(),
                result,
            });
        }
    }
}

/// A result's key; blank nodes stay blank nodes, to be matched.
type Key = [Option<Term>; 6];

/// Positions in a key: which hold data nodes and which shapes nodes.
const DATA: [usize; 2] = [0, 2];
const SHAPES: [usize; 1] = [3];

fn path_term(g: &Graph, r: &Term) -> Option<Term> {
    one(g, r, "resultPath").map(|p| {
        let text = Path::from_graph(g, p.as_ref())
            .map_or_else(|e| format!("invalid: {e}"), |p| p.to_sparql());
        Term::Literal(oxrdf::Literal::new_simple_literal(text))
    })
}

/// `sh:conforms` and the results of the validation report in `g` whose node is `report`.
fn report_keys(g: &Graph, report: &Term) -> (bool, Vec<Key>) {
    let conforms = objects(g, report, &iri(SH, "conforms"))
        .iter()
        .any(|t| matches!(t, Term::Literal(l) if l.value() == "true"));
    let keys = objects(g, report, &iri(SH, "result"))
        .iter()
        .map(|r| {
            [
                one(g, r, "focusNode"),
                path_term(g, r),
                one(g, r, "value"),
                one(g, r, "sourceShape"),
                one(g, r, "sourceConstraintComponent"),
                one(g, r, "resultSeverity"),
            ]
        })
        .collect();
    (conforms, keys)
}

/// Blank node mappings actual → expected, for data nodes and shapes nodes.
#[derive(Clone, Default)]
struct Mapping {
    data: BTreeMap<String, String>,
    shapes: BTreeMap<String, String>,
}

impl Mapping {
    /// Extends the mapping so that `actual` matches `expected`, or `None`.
    fn unify(&self, actual: &Key, expected: &Key) -> Option<Mapping> {
        let mut m = self.clone();
        for i in 0..6 {
            match (&actual[i], &expected[i]) {
                (Some(Term::BlankNode(a)), Some(Term::BlankNode(e))) => {
                    let map = if SHAPES.contains(&i) {
                        &mut m.shapes
                    } else if DATA.contains(&i) {
                        &mut m.data
                    } else {
                        return None;
                    };
                    match map.get(a.as_str()) {
                        Some(bound) if bound != e.as_str() => return None,
                        Some(_) => {}
                        None => {
                            if map.values().any(|v| v == e.as_str()) {
                                return None;
                            }
                            map.insert(a.as_str().to_owned(), e.as_str().to_owned());
                        }
                    }
                }
                (a, e) if a == e => {}
                _ => return None,
            }
        }
        Some(m)
    }
}

/// Whether every actual result matches a distinct expected one under one blank node mapping.
fn matches(actual: &[Key], expected: &mut Vec<Option<Key>>, m: &Mapping) -> bool {
    let Some((first, rest)) = actual.split_first() else {
        return true;
    };
    for i in 0..expected.len() {
        let Some(e) = expected[i].clone() else {
            continue;
        };
        if let Some(next) = m.unify(first, &e) {
            expected[i] = None;
            if matches(rest, expected, &next) {
                return true;
            }
            expected[i] = Some(e);
        }
    }
    false
}

fn show(keys: &[Key]) -> String {
    let mut lines: Vec<String> = keys
        .iter()
        .map(|k| {
            let parts: Vec<String> = k
                .iter()
                .map(|t| {
                    t.as_ref()
                        .map_or_else(|| "-".to_owned(), ToString::to_string)
                })
                .collect();
            format!("      {}\n", parts.join("  "))
        })
        .collect();
    lines.sort();
    lines.concat()
}

/// Runs one case through the CLI; `Ok(())` when it passes, `Err(why)` otherwise.
fn run_case(m: &mut Manifests, case: &Case) -> Result<(), String> {
    let expect_failure = case.result == Term::from(iri(SHT, "Failure"));
    let out = Command::new(env!("CARGO_BIN_EXE_fairlint"))
        .current_dir(&m.dir)
        .arg("check")
        .arg(m.arg(&case.data))
        .arg("--shapes")
        .arg(m.arg(&case.shapes))
        .args(["--format", "shacl", "--fail-on", "never", "--no-progress"])
        .output()
        .map_err(|e| format!("    cannot run fairlint: {e}\n"))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    if expect_failure {
        return match out.status.code() {
            Some(2) if stdout.trim().is_empty() => Ok(()),
            code => Err(format!(
                "    expected a failure to load the shapes (exit 2), got exit {code:?}\n{stdout}\n"
            )),
        };
    }
    if out.status.code() != Some(0) {
        return Err(format!(
            "    exit {:?}: {stderr}{stdout}\n",
            out.status.code()
        ));
    }
    let actual_graph = parse_turtle(&stdout, "http://example.org/report", "the CLI's report");
    let report_type = iri(SH, "ValidationReport");
    let rdf_type = iri(RDF, "type");
    let reports: Vec<Term> = actual_graph
        .subjects_for_predicate_object(&rdf_type, &report_type)
        .map(|s| Term::from(s.into_owned()))
        .collect();
    let [report] = reports.as_slice() else {
        return Err(format!(
            "    expected one sh:ValidationReport, got {}\n",
            reports.len()
        ));
    };
    let actual = report_keys(&actual_graph, report);
    let manifest = m.graph(&case.manifest).clone();
    let expected = report_keys(&manifest, &case.result);
    let same_results = actual.1.len() == expected.1.len() && {
        let mut pool: Vec<Option<Key>> = expected.1.iter().cloned().map(Some).collect();
        matches(&actual.1, &mut pool, &Mapping::default())
    };
    if actual.0 == expected.0 && same_results {
        return Ok(());
    }
    Err(format!(
        "    conforms: expected {}, got {}\n    expected results:\n{}    actual results:\n{}",
        expected.0,
        actual.0,
        show(&expected.1),
        show(&actual.1)
    ))
}

/// Passed and total cases per category (`core`, `sparql`), and what went wrong.
struct Outcome {
    totals: BTreeMap<String, (usize, usize)>,
    problems: Vec<String>,
}

fn run_suite(dir: &FsPath, absolute: bool) -> Outcome {
    let mut m = Manifests {
        dir: dir.to_path_buf(),
        absolute,
        graphs: HashMap::new(),
    };
    let mut cases = Vec::new();
    collect(&mut m, "manifest.ttl", &mut cases);
    let mut totals: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut problems = Vec::new();
    for case in &cases {
        let entry = totals.entry(case.category.clone()).or_default();
        entry.1 += 1;
        match run_case(&mut m, case) {
            Ok(()) => entry.0 += 1,
            Err(why) => problems.push(format!("{}: FAILED\n{why}", case.id)),
        }
    }
    Outcome { totals, problems }
}

#[test]
fn w3c_shacl_suite_through_the_cli() {
    let dir = suite_dir();
    assert!(
        dir.join("manifest.ttl").is_file(),
        "W3C SHACL test suite not found at {}: run `scripts/fetch-w3c-shacl.sh` first",
        dir.display()
    );
    let dir = std::fs::canonicalize(&dir).unwrap();
    let mut failed = 0;
    for (absolute, mode) in [(false, "relative paths"), (true, "absolute paths")] {
        let Outcome { totals, problems } = run_suite(&dir, absolute);
        let passed: usize = totals.values().map(|t| t.0).sum();
        let total: usize = totals.values().map(|t| t.1).sum();
        for p in &problems {
            eprint!("{p}");
        }
        let (core, core_total) = totals.get("core").copied().unwrap_or_default();
        let (sparql, sparql_total) = totals.get("sparql").copied().unwrap_or_default();
        println!(
            "W3C SHACL through the CLI ({mode}): {passed}/{total} passed (core {core}/{core_total}, sparql {sparql}/{sparql_total})"
        );
        assert!(
            total > 100,
            "only {total} cases found under {}",
            dir.display()
        );
        failed += total - passed;
    }
    assert_eq!(
        failed, 0,
        "W3C SHACL cases failed through the CLI, see above"
    );
}
