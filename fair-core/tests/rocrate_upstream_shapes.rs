//! What fairlint's SHACL engine makes of rocrate-validator's shapes: every profile of the pinned
//! wheel (fetched byte for byte into `shapes/rocrate-validator/profiles/<profile>/` by
//! `scripts/import-rocrate-profiles.sh`).
//!
//! These shapes need SHACL Advanced Features (`sh:SPARQLTarget`, `sh:TripleRule` with
//! `sh:condition`, `sh:order`), ECMAScript regular expressions (back-references `\3`, look-ahead
//! `(?!`) and a relative `sh:namespace` (`ro:` is `"./"`), all of which the engine now runs.
//! fairlint still checks RO-Crate with native rules (`rules::rocrate`); this test pins that
//! the upstream shapes compile and their rules run, so they can be run by a profile.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fair_core::shacl::{CompileOptions, Shapes};
use fair_graph::Graph;
use std::path::{Path, PathBuf};

/// The base IRI the shapes are parsed with (rocrate-validator loads them from files).
const BASE: &str = "file:///crate/";

/// The prefixes rocrate-validator 0.13.0 injects into every `sh:select` query that declares
/// none (`requirements/shacl/validator.py`, `_inject_default_prefixes`); several shapes rely
/// on them.
const DEFAULT_PREFIXES: &[(&str, &str)] = &[
    ("schema", "http://schema.org/"),
    ("bioschemas", "https://bioschemas.org/"),
    (
        "bioschemas-cw",
        "https://bioschemas.org/ComputationalWorkflow#",
    ),
    ("wfrun", "https://w3id.org/ro/terms/workflow-run#"),
    ("codemeta", "https://codemeta.github.io/terms/"),
    ("rocrate", "https://w3id.org/ro/crate/1.2/"),
    (
        "ro-crate",
        "https://github.com/crs4/rocrate-validator/profiles/ro-crate/",
    ),
    ("ro", "./"),
    ("dct", "http://purl.org/dc/terms/"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
];

/// rdflib's core namespace bindings, which pySHACL's queries can use on any graph.
const RDFLIB_PREFIXES: &[(&str, &str)] = &[
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("xml", "http://www.w3.org/XML/1998/namespace"),
];

/// Compiles a profile as rocrate-validator runs it through pySHACL: the shapes files'
/// `@prefix` lines and rdflib's bindings are the graph's namespaces, which rdflib lets queries
/// use; the injected block comes last so that it wins.
fn compile(
    graph: &Graph,
    file_prefixes: &[(String, String)],
) -> Result<Shapes, fair_core::shacl::ShapesError> {
    let mut options = CompileOptions::new().with_base(BASE);
    for (prefix, ns) in file_prefixes {
        options = options.with_default_prefix(prefix, ns);
    }
    for (prefix, ns) in RDFLIB_PREFIXES.iter().chain(DEFAULT_PREFIXES) {
        options = options.with_default_prefix(prefix, ns);
    }
    Shapes::from_graph_with_options(graph, &options)
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shapes/rocrate-validator/profiles")
}

fn ttl_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            ttl_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "ttl") {
            out.push(path);
        }
    }
}

fn add_dir(
    dir: &Path,
    graph: &mut Graph,
    text: &mut String,
    prefixes: &mut Vec<(String, String)>,
    used: &mut Vec<PathBuf>,
) {
    let mut files = Vec::new();
    ttl_files(dir, &mut files);
    files.sort();
    for file in files {
        let ttl = std::fs::read_to_string(&file).unwrap();
        let mut parser = oxttl::TurtleParser::new()
            .with_base_iri(BASE)
            .unwrap()
            .for_slice(ttl.as_bytes());
        for t in parser.by_ref() {
            graph.insert(&t.unwrap_or_else(|e| panic!("{}: {e}", file.display())));
        }
        let mut declared: Vec<(String, String)> = parser
            .prefixes()
            .map(|(p, ns)| (p.to_owned(), ns.to_owned()))
            .collect();
        declared.sort();
        prefixes.extend(declared);
        text.push_str(&ttl);
        used.push(file);
    }
}

/// The profile directories: `ro-crate/<version>` and every other profile.
fn profiles() -> Vec<PathBuf> {
    let root = root();
    assert!(
        root.join("ro-crate/1.1").is_dir(),
        "shapes missing; run scripts/import-rocrate-profiles.sh"
    );
    let mut out = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    entries.sort();
    for dir in entries {
        if dir.ends_with("ro-crate") {
            let mut versions: Vec<PathBuf> = std::fs::read_dir(&dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.is_dir())
                .collect();
            versions.sort();
            out.extend(versions);
        } else {
            out.push(dir);
        }
    }
    out
}

/// One profile's shapes graph, as rocrate-validator composes it: its own files plus those of
/// the RO-Crate version it is a (transitive) profile of (they hold the SPARQL prefix
/// declarations, `ro-crate:sparqlPrefixes`).
fn profile_graph(dir: &Path, used: &mut Vec<PathBuf>) -> (Graph, String, Vec<(String, String)>) {
    let mut graph = Graph::new();
    let mut text = String::new();
    let mut prefixes = Vec::new();
    add_dir(dir, &mut graph, &mut text, &mut prefixes, used);
    if !dir.parent().is_some_and(|p| p.ends_with("ro-crate")) {
        let profile = std::fs::read_to_string(dir.join("profile.ttl")).unwrap();
        let version = ["1.3", "1.2", "1.1"]
            .into_iter()
            .find(|v| profile.contains(&format!("<https://w3id.org/ro/crate/{v}>")))
            .unwrap_or_else(|| panic!("{}: no RO-Crate version", dir.display()));
        let mut parent_files = Vec::new();
        add_dir(
            &root().join("ro-crate").join(version),
            &mut graph,
            &mut String::new(),
            &mut prefixes,
            &mut parent_files,
        );
    }
    (graph, text, prefixes)
}

#[test]
fn every_upstream_profile_compiles_and_its_rules_run() {
    let mut used = Vec::new();
    let mut compiled = 0;
    let mut with_rules = 0;
    for dir in profiles() {
        let name = dir.strip_prefix(root()).unwrap().display().to_string();
        let (graph, text, prefixes) = profile_graph(&dir, &mut used);
        let shapes =
            compile(&graph, &prefixes).unwrap_or_else(|e| panic!("{name}: does not compile: {e}"));
        assert!(!shapes.is_empty(), "{name}: no shapes");
        compiled += 1;
        if text.contains("sh:rule") {
            assert!(shapes.has_rules(), "{name}: rules not compiled");
            with_rules += 1;
        }
    }
    // Every .ttl file of the wheel was part of one profile that compiled.
    let mut all = Vec::new();
    ttl_files(&root(), &mut all);
    used.sort();
    all.sort();
    assert_eq!(used, all);
    assert!(all.len() > 100, "{} files", all.len());
    assert_eq!(compiled, 9, "ro-crate 1.1, 1.2, 1.3 and six other profiles");
    assert!(with_rules >= 3, "{with_rules} profiles with rules");
    println!(
        "rocrate-validator shapes: {} files, {compiled} profiles compile, {with_rules} with rules",
        all.len()
    );
}

#[test]
fn ro_crate_rules_infer_the_root_data_entity_and_patterns_run() {
    for version in ["1.1", "1.2"] {
        let (graph, text, prefixes) =
            profile_graph(&root().join("ro-crate").join(version), &mut Vec::new());
        // The features that used to stop compilation are there.
        assert!(text.contains("sh:SPARQLTarget"), "{version}");
        assert!(text.contains("sh:TripleRule"), "{version}");
        assert!(text.contains("\\\\3") || text.contains("\\3"), "{version}");
        let shapes = compile(&graph, &prefixes).unwrap();
        assert!(shapes.len() > 50, "{version}: {} shapes", shapes.len());
        // A minimal crate: the metadata descriptor and its root data entity.
        let data = r#"@prefix schema: <http://schema.org/> .
            <file:///crate/ro-crate-metadata.json> a schema:CreativeWork ;
                <http://purl.org/dc/terms/conformsTo> <https://w3id.org/ro/crate/1.1> ;
                schema:about <file:///crate/> .
            <file:///crate/> a schema:Dataset ; schema:name "x" ."#;
        let mut g = Graph::new();
        for t in oxttl::TurtleParser::new().for_slice(data.as_bytes()) {
            g.insert(&t.unwrap());
        }
        let before = g.len();
        let added = shapes
            .infer(&mut g, fair_core::shacl::DEFAULT_MAX_SPARQL_STEPS)
            .unwrap_or_else(|e| panic!("{version}: {e}"));
        assert!(added > 0, "{version}: no triple inferred");
        assert_eq!(g.len(), before + added);
        let typed = |class: &str| {
            g.subjects_for_predicate_object(
                oxrdf::vocab::rdf::TYPE,
                oxrdf::NamedNodeRef::new_unchecked(class),
            )
            .count()
        };
        let ns = if version == "1.1" {
            "https://github.com/crs4/rocrate-validator/profiles/ro-crate/"
        } else {
            "https://github.com/crs4/rocrate-validator/profiles/ro-crate-1.2/"
        };
        assert_eq!(typed(&format!("{ns}RootDataEntity")), 1, "{version}");
        assert_eq!(
            typed(&format!("{ns}ROCrateMetadataFileDescriptor")),
            1,
            "{version}"
        );
        // Validation runs (rules first) and reports: the minimal crate lacks required fields.
        let report = shapes.validate(&g);
        assert!(!report.conforms, "{version}");
    }
}
