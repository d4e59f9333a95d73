//! `Engine::validate_graph` (feature `sophia`): a sophia graph gives the report its Turtle text
//! gives, but for the locations (a graph has no source text), the format (`graph`) and blank
//! node labels (they follow the graph's iteration order, not the text's).
#![cfg(feature = "sophia")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fair_core::{Engine, Format, Report};
use serde_json::Value;
use sophia_api::source::TripleSource;
use sophia_api::term::{IriRef, SimpleTerm};
use sophia_inmem::graph::LightGraph;
use std::path::{Path, PathBuf};

fn turtle_vectors() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "ttl") {
                out.push(path);
            }
        }
    }
    let cases = Path::new(env!("CARGO_MANIFEST_DIR")).join("../test-vectors/cases");
    let mut out = Vec::new();
    walk(&cases, &mut out);
    // errors/: not Turtle; shapes/: shapes graphs, not records.
    out.retain(|p| !p.starts_with(cases.join("errors")) && !p.starts_with(cases.join("shapes")));
    out.sort();
    out
}

/// A blank node label `_:b12` anywhere in a string becomes `_:b`.
fn unlabel(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("_:b") {
        out.push_str(&rest[..i + 3]);
        rest = rest[i + 3..].trim_start_matches(|c: char| c.is_ascii_digit());
    }
    out.push_str(rest);
    out
}

/// The findings without their locations, blank node labels removed, sorted.
fn findings(report: &Report) -> Vec<String> {
    let mut out: Vec<String> = report
        .findings()
        .iter()
        .map(|f| {
            let mut v = serde_json::to_value(f).unwrap();
            v.as_object_mut().unwrap().remove("location");
            unlabel(&v.to_string())
        })
        .collect();
    out.sort();
    out
}

fn value(report: &Report) -> Value {
    serde_json::from_str(&fair_core::render::json(report)).unwrap()
}

#[test]
fn a_sophia_graph_gives_the_findings_of_its_turtle_text() {
    let engine = Engine::new().unwrap();
    let vectors = turtle_vectors();
    assert!(vectors.len() >= 20, "{vectors:?}");
    let mut with_findings = 0;
    let mut fingerprints = 0;
    for path in &vectors {
        let text = std::fs::read_to_string(path).unwrap();
        let from_text = engine.validate_str(&text, Some(Format::Turtle)).unwrap();
        let graph: LightGraph = sophia_turtle::parser::turtle::parse_str(&text)
            .collect_triples()
            .unwrap();
        let from_graph = engine.validate_graph(&graph).unwrap();
        let name = path.display();
        assert_eq!(findings(&from_graph), findings(&from_text), "{name}");
        let (g, t) = (value(&from_graph), value(&from_text));
        for key in ["conforms", "counts", "scores", "profile"] {
            assert_eq!(g[key], t[key], "{name}: {key}");
        }
        assert_eq!(g["document"]["format"], "graph");
        assert_eq!(g["document"]["triples"], t["document"]["triples"], "{name}");
        // The canonical form does not depend on the parser or the blank node labels.
        for key in ["fingerprint", "fingerprint_error"] {
            assert_eq!(g["document"][key], t["document"][key], "{name}: {key}");
        }
        if t["document"]["fingerprint"].is_string() {
            fingerprints += 1;
        }
        // No source text: nothing to point into.
        assert!(from_graph.findings().iter().all(|f| f.location.is_none()));
        if !from_text.findings().is_empty() {
            with_findings += 1;
        }
    }
    assert!(with_findings >= 20, "{with_findings} vectors had findings");
    // All but blank-node-poison.ttl.
    assert_eq!(fingerprints, vectors.len() - 1);
}

#[test]
fn relative_iris_resolve_against_the_configured_base() {
    let text = "<> a <http://schema.org/Dataset> ; <http://schema.org/name> \"x\" .\n";
    let iri = |s: &'static str| SimpleTerm::Iri(IriRef::new_unchecked(s.into()));
    let name = SimpleTerm::LiteralDatatype(
        "x".into(),
        IriRef::new_unchecked("http://www.w3.org/2001/XMLSchema#string".into()),
    );
    let graph = vec![
        [
            iri(""),
            iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
            iri("http://schema.org/Dataset"),
        ],
        [iri(""), iri("http://schema.org/name"), name],
    ];
    let engine = Engine::new().unwrap();
    let report = engine.validate_graph(&graph).unwrap();
    let from_text = engine.validate_str(text, Some(Format::Turtle)).unwrap();
    assert_eq!(findings(&report), findings(&from_text));
    assert!(report
        .findings()
        .iter()
        .any(|f| f.focus_node.as_deref() == Some("<file:///>")));
    let config = fair_core::Config::from_json(r#"{"base_iri": "https://example.org/r/"}"#).unwrap();
    let report = Engine::builder()
        .config(config)
        .build()
        .unwrap()
        .validate_graph(&graph)
        .unwrap();
    assert!(report
        .findings()
        .iter()
        .any(|f| f.focus_node.as_deref() == Some("<https://example.org/r/>")));
}

#[test]
fn a_triple_that_is_not_rdf_is_a_parse_error() {
    let lit = SimpleTerm::LiteralDatatype(
        "x".into(),
        IriRef::new_unchecked("http://www.w3.org/2001/XMLSchema#string".into()),
    );
    let iri = |s: &'static str| SimpleTerm::Iri(IriRef::new_unchecked(s.into()));
    let graph = vec![
        [
            iri("https://example.org/a"),
            iri("http://schema.org/name"),
            lit.clone(),
        ],
        [
            lit,
            iri("http://schema.org/name"),
            iri("https://example.org/a"),
        ],
    ];
    let err = Engine::new().unwrap().validate_graph(&graph).unwrap_err();
    assert_eq!(err.code(), "parse_error");
    let message = err.to_string();
    assert!(
        message.contains("triple 1") && message.contains("a literal"),
        "{message}"
    );
}

#[test]
fn the_triple_limit_applies() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../test-vectors/cases/fingerprint/record.ttl"),
    )
    .unwrap();
    let graph: LightGraph = sophia_turtle::parser::turtle::parse_str(&text)
        .collect_triples()
        .unwrap();
    let mut limits = fair_core::Limits::default();
    limits.max_triples = 5;
    let engine = Engine::builder().limits(limits).build().unwrap();
    assert_eq!(
        engine.validate_graph(&graph).unwrap_err().code(),
        "limit_exceeded"
    );
}
