//! The graph fingerprint of a report (`document.fingerprint`): the same record in JSON-LD,
//! Turtle and RDF/XML has the same one, a record with one triple changed has another, and a
//! graph RDFC-1.0 gives up on, or one over `max_fingerprint_triples`, has none with a typed
//! reason while it is still validated.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fair_core::{Engine, FingerprintFailure, Limits, Report};
use std::path::Path;

fn check(engine: &Engine, name: &str) -> Report {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../test-vectors/cases/fingerprint")
        .join(name);
    let bytes = std::fs::read(&path).unwrap();
    engine.check(&bytes, None, Some(name)).unwrap()
}

fn fingerprint(report: &Report) -> String {
    report
        .document
        .fingerprint
        .clone()
        .unwrap_or_else(|| panic!("no fingerprint: {:?}", report.document.fingerprint_error))
}

#[test]
fn twins_in_three_syntaxes_have_one_fingerprint_and_a_changed_triple_another() {
    let engine = Engine::new().unwrap();
    let jsonld = check(&engine, "record.jsonld");
    let turtle = check(&engine, "record.ttl");
    let rdfxml = check(&engine, "record.rdf");
    let changed = check(&engine, "one-triple-changed.ttl");
    // Really three syntaxes, and two schema.org spellings (normalised before the fingerprint).
    let formats: Vec<_> = [&jsonld, &turtle, &rdfxml]
        .iter()
        .map(|r| r.document.format.name())
        .collect();
    assert_eq!(formats, ["jsonld", "turtle", "rdfxml"]);
    assert_ne!(jsonld.document.schema_org, turtle.document.schema_org);
    assert_eq!(jsonld.document.triples, 16);
    assert_eq!(turtle.document.triples, 16);
    assert_eq!(rdfxml.document.triples, 16);
    assert_eq!(changed.document.triples, 16);

    let f = fingerprint(&jsonld);
    assert!(
        f.strip_prefix("sha256:")
            .is_some_and(|h| h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit())),
        "{f}"
    );
    assert_eq!(fingerprint(&turtle), f);
    assert_eq!(fingerprint(&rdfxml), f);
    assert_ne!(fingerprint(&changed), f);
    // Deterministic: the same bytes every run.
    assert_eq!(fingerprint(&check(&engine, "record.jsonld")), f);
}

#[test]
fn a_graph_rdfc_gives_up_on_is_validated_without_a_fingerprint() {
    let report = check(&Engine::new().unwrap(), "blank-node-poison.ttl");
    assert_eq!(report.document.fingerprint, None);
    let err = report.document.fingerprint_error.as_ref().unwrap();
    assert_eq!(err.reason, FingerprintFailure::TooComplex);
    assert!(err.message.contains("permutations"), "{}", err.message);
    // Validated as any record: its findings and scores are there.
    assert!(report.scores.total.is_some());
    let json: serde_json::Value = serde_json::from_str(&fair_core::render::json(&report)).unwrap();
    assert!(json["document"].get("fingerprint").is_none(), "{json}");
    assert_eq!(
        json["document"]["fingerprint_error"]["reason"],
        "too_complex"
    );
}

#[test]
fn over_max_fingerprint_triples_there_is_no_fingerprint() {
    let mut limits = Limits::default();
    limits.max_fingerprint_triples = 15;
    let engine = Engine::builder().limits(limits).build().unwrap();
    let report = check(&engine, "record.ttl");
    assert_eq!(report.document.fingerprint, None);
    let err = report.document.fingerprint_error.as_ref().unwrap();
    assert_eq!(err.reason, FingerprintFailure::TooManyTriples);
    assert_eq!(
        err.message,
        "the graph has 16 triples, more than max_fingerprint_triples (15)"
    );
    // The same findings as with the fingerprint.
    let full = check(&Engine::new().unwrap(), "record.ttl");
    assert_eq!(report.findings(), full.findings());
    limits.max_fingerprint_triples = 16;
    let engine = Engine::builder().limits(limits).build().unwrap();
    assert_eq!(
        check(&engine, "record.ttl").document.fingerprint,
        full.document.fingerprint
    );
}

#[test]
fn the_fingerprint_is_in_the_options_json() {
    let config =
        fair_core::Config::from_json(r#"{"limits": {"max_fingerprint_triples": 0}}"#).unwrap();
    let engine = Engine::builder().config(config).build().unwrap();
    let report = check(&engine, "record.jsonld");
    assert_eq!(
        report.document.fingerprint_error.unwrap().reason,
        FingerprintFailure::TooManyTriples
    );
}
