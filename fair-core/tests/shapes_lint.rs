//! Lints every shapes file in `shapes/`: each shape that can produce a validation result (a
//! targeted node shape with its own constraints, and every property shape of a targeted node
//! shape) carries `fair:code` (registered in `rules::all()`), `sh:severity`, `sh:message`
//! with an `@en` text, `fair:fixHint` with an `@en` text and a valid `fair:principle`.
//! Also checks that every file compiles and that every file has the provenance header.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fair_core::shacl::Shapes;
use fair_graph::Graph;
use oxrdf::{NamedNodeRef, NamedOrBlankNode, Term, TermRef};
use std::path::{Path, PathBuf};

const SH: &str = "http://www.w3.org/ns/shacl#";
const FAIR: &str = "https://w3id.org/fairlint/ns#";

fn shapes_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            // rocrate-validator's profiles are upstream files, run unchanged (no fairlint
            // annotations; relative IRIs resolved against the crate): not linted here.
            if path.file_name().is_some_and(|n| n == "rocrate-validator") {
                continue;
            }
            shapes_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "ttl") {
            out.push(path);
        }
    }
}

fn iri(local: &str, ns: &str) -> String {
    format!("{ns}{local}")
}

fn objects(graph: &Graph, s: &NamedOrBlankNode, p: &str) -> Vec<Term> {
    graph
        .objects_for_subject_predicate(s, NamedNodeRef::new_unchecked(p))
        .map(TermRef::into_owned)
        .collect()
}

fn subject(term: &Term) -> Option<NamedOrBlankNode> {
    match term {
        Term::NamedNode(n) => Some(n.clone().into()),
        Term::BlankNode(b) => Some(b.clone().into()),
        _ => None,
    }
}

fn lint(graph: &Graph, shape: &NamedOrBlankNode, problems: &mut Vec<String>) {
    let name = shape.to_string();
    let code = objects(graph, shape, &iri("code", FAIR));
    match code.as_slice() {
        [Term::Literal(l)] => {
            if fair_core::rules::rule(l.value()).is_none() {
                problems.push(format!("{name}: fair:code {} is not registered", l.value()));
            }
        }
        _ => problems.push(format!("{name}: needs exactly one fair:code")),
    }
    if objects(graph, shape, &iri("severity", SH)).len() != 1 {
        problems.push(format!("{name}: needs one sh:severity"));
    }
    for (p, what) in [
        (iri("message", SH), "sh:message"),
        (iri("fixHint", FAIR), "fair:fixHint"),
    ] {
        let en = objects(graph, shape, &p)
            .iter()
            .any(|t| matches!(t, Term::Literal(l) if l.language() == Some("en")));
        if !en {
            problems.push(format!("{name}: needs {what} with an @en text"));
        }
    }
    let principle = objects(graph, shape, &iri("principle", FAIR));
    let ok = matches!(principle.as_slice(), [Term::Literal(l)] if [
        "F1", "F2", "F3", "F4", "A1", "A1.1", "A1.2", "A2", "I1", "I2", "I3", "R1", "R1.1", "R1.2",
        "R1.3"
    ]
    .contains(&l.value()));
    if !ok {
        problems.push(format!("{name}: needs one fair:principle (F1 ... R1.3)"));
    }
}

#[test]
fn every_shape_is_annotated() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shapes");
    let mut files = Vec::new();
    shapes_files(&root, &mut files);
    files.sort();
    assert!(
        !files.is_empty(),
        "no shapes files under {}",
        root.display()
    );
    let targets = [
        "targetClass",
        "targetNode",
        "targetSubjectsOf",
        "targetObjectsOf",
    ];
    // Parameters that make a node shape produce results of its own.
    let node_constraints = [
        "class",
        "datatype",
        "nodeKind",
        "minInclusive",
        "maxInclusive",
        "minExclusive",
        "maxExclusive",
        "minLength",
        "maxLength",
        "pattern",
        "languageIn",
        "in",
        "hasValue",
        "not",
        "and",
        "or",
        "xone",
        "node",
        "closed",
        "sparql",
        "equals",
        "disjoint",
    ];
    let mut problems = Vec::new();
    let mut checked = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let name = file.strip_prefix(&root).unwrap().display().to_string();
        if ["bioschemas/", "codemeta/", "dcat-ap/"]
            .iter()
            .any(|dir| name.starts_with(dir))
        {
            for header in ["# Profile:", "# Version:", "# Written from:", "# Licence:"] {
                if !text.contains(header) {
                    problems.push(format!("{name}: header lacks '{header}'"));
                }
            }
        }
        let mut graph = Graph::new();
        for t in oxttl::TurtleParser::new().for_slice(text.as_bytes()) {
            graph.insert(&t.unwrap_or_else(|e| panic!("{name}: {e}")));
        }
        if let Err(e) = Shapes::from_graph(&graph) {
            problems.push(format!("{name}: does not compile: {e}"));
            continue;
        }
        let mut shapes: Vec<NamedOrBlankNode> = Vec::new();
        for t in &targets {
            for triple in graph.triples_for_predicate(NamedNodeRef::new_unchecked(&iri(t, SH))) {
                shapes.push(triple.subject.into_owned());
            }
        }
        shapes.sort_by_key(ToString::to_string);
        shapes.dedup();
        for node in &shapes {
            let own = node_constraints
                .iter()
                .any(|c| !objects(&graph, node, &iri(c, SH)).is_empty());
            if own {
                lint(&graph, node, &mut problems);
                checked += 1;
            }
            for property in objects(&graph, node, &iri("property", SH)) {
                let property = subject(&property).unwrap();
                lint(&graph, &property, &mut problems);
                checked += 1;
            }
        }
        let with_path = graph
            .triples_for_predicate(NamedNodeRef::new_unchecked(&iri("path", SH)))
            .count();
        if shapes.is_empty() && with_path > 0 {
            problems.push(format!(
                "{name}: has property shapes but no targeted node shape"
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert!(checked > 0);
    println!(
        "{} shapes files, {checked} result-producing shapes linted",
        files.len()
    );
}
