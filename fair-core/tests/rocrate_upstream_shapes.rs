//! What fairlint's SHACL engine makes of rocrate-validator's RO-Crate shapes
//! (fetched byte for byte into `target/rocrate-validator-shapes/` by `scripts/import-shapes.sh`).
//!
//! fairlint checks RO-Crate with native rules (`rules::rocrate`) because these shapes need what
//! the engine does not have: ECMAScript regular expressions (back-references, look-ahead) in
//! `sh:pattern`, and SHACL Advanced Features (`sh:SPARQLTarget`, `sh:TripleRule`) that the
//! engine does not run. This test pins that state: when the engine learns one of these, it
//! fails and the profile can be reconsidered.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fair_core::shacl::Shapes;
use oxrdf::Graph;
use std::path::{Path, PathBuf};

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

/// Every file of one version in one graph (the shapes share `prefixes.ttl`), relative IRIs
/// (`ro: <./>`) against a crate base, like rocrate-validator loads them.
fn version_graph(version: &str) -> (Graph, String) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../target/rocrate-validator-shapes")
        .join(version);
    let mut files = Vec::new();
    ttl_files(&root, &mut files);
    files.sort();
    assert!(
        files.len() > 10,
        "{version}: shapes missing; run scripts/import-shapes.sh"
    );
    let mut graph = Graph::new();
    let mut text = String::new();
    for file in &files {
        let ttl = std::fs::read_to_string(file).unwrap();
        let parser = oxttl::TurtleParser::new()
            .with_base_iri("file:///crate/")
            .unwrap();
        for t in parser.for_slice(ttl.as_bytes()) {
            graph.insert(&t.unwrap_or_else(|e| panic!("{}: {e}", file.display())));
        }
        text.push_str(&ttl);
    }
    (graph, text)
}

#[test]
fn upstream_shapes_need_features_the_engine_lacks() {
    for version in ["1.1", "1.2"] {
        let (graph, text) = version_graph(version);
        // Advanced Features the engine does not run: counted so the state is visible.
        assert!(text.contains("sh:SPARQLTarget"), "{version}");
        assert!(text.contains("sh:TripleRule"), "{version}");
        // Compiling is a typed error, never a panic: the ISO 8601 pattern uses
        // back-references (\3, \17) and the preview-exclusion pattern look-ahead, which the
        // `regex` crate rejects, and the SPARQL prefix declarations bind `ro` to the relative
        // namespace "./", which is not an IRI.
        let err = Shapes::from_graph(&graph).expect_err("upstream shapes compiled");
        let message = err.to_string();
        let known = (message.contains("sh#pattern") && message.contains("not supported"))
            || message.contains("invalid namespace \"./\"");
        assert!(known, "{version}: {message}");
        // With `ro` resolved against the crate base and without those patterns, they compile.
        let mut fixed = Graph::new();
        let base = oxrdf::Literal::new_typed_literal(
            "file:///crate/",
            oxrdf::NamedNode::new_unchecked("http://www.w3.org/2001/XMLSchema#anyURI"),
        );
        let pattern = oxrdf::NamedNodeRef::new_unchecked("http://www.w3.org/ns/shacl#pattern");
        let namespace = oxrdf::NamedNodeRef::new_unchecked("http://www.w3.org/ns/shacl#namespace");
        for t in &graph {
            let relative = t.predicate == namespace
                && matches!(t.object, oxrdf::TermRef::Literal(l) if l.value() == "./");
            let unsupported = t.predicate == pattern
                && matches!(t.object, oxrdf::TermRef::Literal(l)
                    if l.value().contains("\\3") || l.value().contains("(?!"));
            if relative {
                fixed.insert(oxrdf::TripleRef::new(t.subject, t.predicate, &base));
            } else if !unsupported {
                fixed.insert(t);
            }
        }
        let shapes = Shapes::from_graph(&fixed)
            .unwrap_or_else(|e| panic!("{version}: still does not compile: {e}"));
        assert!(shapes.len() > 50, "{version}: {} shapes", shapes.len());
    }
}
