//! Adversarial inputs (issue 8): every case must end in a typed error with its location, or in a
//! bounded, documented result — never a hang, a panic, a stack overflow or unbounded memory.
//! Every input is generated here; nothing large is committed. The limits are documented in
//! `docs/limits.md`.
//!
//! Each case runs on its own thread with the default 2 MiB stack (debug build, so deeper frames
//! than a release build) and a wall-clock bound, so a hang fails the test instead of blocking CI.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fair_core::shacl::ShapesError;
use fair_core::{
    BuildError, Engine, Format, Limit, Limits, Report, ResolveError, Resolver, ValidateError,
};
use std::collections::HashMap;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Runs `f` on a fresh thread with the default stack; fails if it takes longer than `secs`.
fn bounded<T: Send + 'static>(secs: u64, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || {
            let _ = tx.send(f());
        })
        .unwrap();
    match rx.recv_timeout(Duration::from_secs(secs)) {
        Ok(v) => v,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("did not finish within {secs} s"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("the case panicked"),
    }
}

fn engine() -> Engine {
    Engine::builder().profile("core").build().unwrap()
}

fn engine_with(limits: Limits) -> Engine {
    Engine::builder()
        .profile("core")
        .limits(limits)
        .build()
        .unwrap()
}

fn check(engine: &Engine, bytes: &[u8], format: Format) -> Result<Report, ValidateError> {
    engine.check(bytes, Some(format), None)
}

fn limit_error(result: Result<Report, ValidateError>, limit: Limit) -> fair_core::LimitError {
    match result {
        Err(ValidateError::LimitExceeded(e)) => {
            assert_eq!(e.limit(), limit, "{e}");
            e
        }
        Err(other) => panic!("expected a {limit:?} limit error, got {other}"),
        Ok(r) => panic!(
            "expected a {limit:?} limit error, got a report ({} triples)",
            r.document.triples
        ),
    }
}

fn parse_error(result: Result<Report, ValidateError>) -> fair_core::ParseError {
    match result {
        Err(ValidateError::Parse(e)) => e,
        Err(other) => panic!("expected a parse error, got {other}"),
        Ok(_) => panic!("expected a parse error, got a report"),
    }
}

fn resolve_error(result: Result<Report, ValidateError>) -> ResolveError {
    match result {
        Err(ValidateError::Resolve(e)) => e,
        Err(other) => panic!("expected a resolve error, got {other}"),
        Ok(_) => panic!("expected a resolve error, got a report"),
    }
}

const SCHEMA_CONTEXT: &str = r#""@context": "https://schema.org/""#;

// ---------------------------------------------------------------------------------------------
// Deeply nested JSON
// ---------------------------------------------------------------------------------------------

fn nested_arrays(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

fn nested_objects(depth: usize) -> String {
    let mut s = String::with_capacity(depth * 8);
    for _ in 0..depth {
        s.push_str("{\"a\":");
    }
    s.push('1');
    s.push_str(&"}".repeat(depth));
    s
}

#[test]
fn json_nested_100k_levels_is_a_depth_limit_error() {
    bounded(60, || {
        let engine = engine();
        for text in [nested_arrays(100_000), nested_objects(100_000)] {
            let e = limit_error(
                check(&engine, text.as_bytes(), Format::JsonLd),
                Limit::JsonDepth,
            );
            assert_eq!(e.max(), 128);
            let at = e.location().unwrap();
            assert_eq!(at.line, Some(1));
            // The 129th opening bracket: column 129 for arrays, 5 * 128 + 1 for objects.
            assert!(matches!(at.column, Some(129) | Some(641)), "{at:?}");
        }
    });
}

#[test]
fn json_nesting_at_the_largest_depth_setting_does_not_overflow_the_stack() {
    // max_json_depth may be set up to 256; a document that deep must still parse (or fail
    // with a typed error) on a 2 MiB stack, through serde_json, the source-map walk and the
    // JSON-LD processor.
    bounded(60, || {
        let mut limits = Limits::default();
        limits.max_json_depth = 256;
        let engine = engine_with(limits);
        let depth = 256 - 2;
        let mut doc = format!("{{{SCHEMA_CONTEXT}, \"@id\": \"https://example.org/0\", ");
        let mut close = String::new();
        for i in 1..depth {
            doc.push_str(&format!(
                "\"knows\": {{\"@id\": \"https://example.org/{i}\", "
            ));
            close.push('}');
        }
        doc.push_str("\"name\": \"leaf\"}");
        doc.push_str(&close);
        let report = check(&engine, doc.as_bytes(), Format::JsonLd).unwrap();
        assert!(report.document.triples >= depth - 1);
        // Arrays that deep hold no node, but every layer is walked.
        let arrays = format!(
            "{{{SCHEMA_CONTEXT}, \"@id\": \"https://example.org/x\", \"name\": {}}}",
            nested_arrays(depth - 1).replacen("[]", "[\"leaf\"]", 1)
        );
        match check(&engine, arrays.as_bytes(), Format::JsonLd) {
            Ok(_) | Err(ValidateError::Parse(_)) => {}
            Err(e) => panic!("unexpected {e}"),
        }
    });
}

#[test]
fn json_nested_inside_an_html_block_is_located_in_the_page() {
    bounded(60, || {
        let page = format!(
            "<!doctype html>\n<html><head>\n<script type=\"application/ld+json\">{}</script>\n</head></html>",
            nested_arrays(100_000)
        );
        let e = limit_error(
            check(&engine(), page.as_bytes(), Format::Html),
            Limit::JsonDepth,
        );
        let at = e.location().unwrap();
        assert_eq!(at.block, Some(0));
        assert_eq!(at.line, Some(3));
        // The block's text starts at column 36; its 129th bracket is 128 columns later.
        assert_eq!(at.column, Some(36 + 128));
    });
}

#[test]
fn json_nested_in_biotools_and_datacite_records_is_a_depth_limit_error() {
    bounded(60, || {
        let engine = engine();
        let deep = format!("{{\"name\": {}}}", nested_arrays(100_000));
        for format in [Format::BioTools, Format::DataCite] {
            let e = limit_error(check(&engine, deep.as_bytes(), format), Limit::JsonDepth);
            let at = e.location().unwrap();
            assert_eq!((at.line, at.column), (Some(1), Some(9 + 128)), "{format}");
        }
        // DataCite XML nests elements, not JSON: deep nesting is a parse error or a record
        // without the expected fields, never a stack overflow; entities are not expanded.
        let xml = format!(
            "<resource xmlns=\"http://datacite.org/schema/kernel-4\">{}{}</resource>",
            "<titles>".repeat(100_000),
            "</titles>".repeat(100_000)
        );
        let _ = check(&engine, xml.as_bytes(), Format::DataCite);
        let laughs = billion_laughs()
            .replace("rdf:RDF [", "resource [")
            .replace("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:schema=\"http://schema.org/\">", "<resource xmlns=\"http://datacite.org/schema/kernel-4\"><titles><title>&lol9;</title></titles>")
            .replace("</rdf:RDF>", "</resource>");
        match check(&engine, laughs.as_bytes(), Format::DataCite) {
            Ok(report) => assert!(fair_core::render::json(&report).len() < 1024 * 1024),
            Err(e) => assert!(matches!(e.code(), "parse_error" | "limit_exceeded"), "{e}"),
        }
    });
}

#[test]
fn json_nested_in_a_resolved_context_is_refused() {
    // A context handed back by a resolver is JSON too: its nesting is bounded the same way.
    bounded(60, || {
        let deep = format!("{{\"@context\": {{\"x\": {}}}}}", nested_objects(50_000));
        let engine = Engine::builder()
            .profile("core")
            .resolver(MapResolver::new(&[("https://example.org/deep", &deep)]))
            .build()
            .unwrap();
        let doc = r#"{"@context": "https://example.org/deep", "@id": "https://example.org/x", "https://schema.org/name": "x"}"#;
        match check(&engine, doc.as_bytes(), Format::JsonLd) {
            Err(ValidateError::LimitExceeded(e)) => {
                assert_eq!(e.limit(), Limit::JsonDepth);
                assert_eq!(e.location().unwrap().pointer.as_deref(), Some("/@context"));
            }
            Err(ValidateError::Resolve(e)) => {
                assert_eq!(e.location().unwrap().pointer.as_deref(), Some("/@context"))
            }
            other => panic!("expected a typed error, got {other:?}"),
        }
    });
}

// ---------------------------------------------------------------------------------------------
// Huge inputs and literals
// ---------------------------------------------------------------------------------------------

#[test]
fn a_15_mb_literal_is_checked_in_bounded_time() {
    let report = bounded(120, || {
        let big = "a".repeat(15 * 1024 * 1024);
        let doc = format!(
            "{{{SCHEMA_CONTEXT}, \"@id\": \"https://example.org/x\", \"@type\": \"Dataset\", \"description\": \"{big}\"}}"
        );
        check(&engine(), doc.as_bytes(), Format::JsonLd).unwrap()
    });
    assert!(report.document.triples >= 2);
}

#[test]
fn input_past_max_input_bytes_is_refused_before_parsing() {
    bounded(60, || {
        let engine = engine();
        let limit = Limits::default().max_input_bytes;
        // Not even valid: the size is checked first, whatever the content.
        let big = vec![b'x'; limit + 1];
        for format in [Format::JsonLd, Format::Turtle, Format::RdfXml, Format::Html] {
            let e = limit_error(check(&engine, &big, format), Limit::InputBytes);
            assert_eq!(e.max(), limit as u64);
        }
        // Format detection is not asked to read it either.
        let e = limit_error(engine.check(&big, None, None), Limit::InputBytes);
        assert_eq!(e.max(), limit as u64);
    });
}

#[test]
fn a_10_mb_iri_in_turtle_is_checked_in_bounded_time() {
    bounded(120, || {
        let iri = format!("https://example.org/{}", "a".repeat(10 * 1024 * 1024));
        let doc = format!("<{iri}> a <http://schema.org/Dataset> .\n");
        let report = check(&engine(), doc.as_bytes(), Format::Turtle).unwrap();
        assert_eq!(report.document.triples, 1);
    });
}

#[test]
fn a_million_prefix_declarations_are_bounded() {
    bounded(300, || {
        let mut doc = String::new();
        for i in 0..1_000_000 {
            doc.push_str(&format!("@prefix p{i}: <https://example.org/{i}/> .\n"));
        }
        doc.push_str("p7:x a <http://schema.org/Dataset> .\n");
        // Over the default input limit: refused at once.
        limit_error(
            check(&engine(), doc.as_bytes(), Format::Turtle),
            Limit::InputBytes,
        );
        // With the limit raised, parsed in bounded time.
        let mut limits = Limits::default();
        limits.max_input_bytes = 64 * 1024 * 1024;
        let report = check(&engine_with(limits), doc.as_bytes(), Format::Turtle).unwrap();
        assert_eq!(report.document.triples, 1);
    });
}

#[test]
fn max_triples_is_a_located_limit_error_in_every_format() {
    bounded(60, || {
        let mut limits = Limits::default();
        limits.max_triples = 100;
        let engine = engine_with(limits);
        let mut nt = String::new();
        for i in 0..200 {
            nt.push_str(&format!(
                "<https://example.org/s> <https://example.org/p> \"{i}\" .\n"
            ));
        }
        for format in [Format::NTriples, Format::Turtle] {
            let e = limit_error(check(&engine, nt.as_bytes(), format), Limit::Triples);
            assert_eq!(e.max(), 100);
            assert_eq!(e.location().unwrap().line, Some(101), "{format}");
        }
        let nq = nt.replace(" .\n", " <https://example.org/g> .\n");
        for format in [Format::NQuads, Format::TriG] {
            let text = if format == Format::TriG {
                format!("<https://example.org/g> {{\n{nt}}}\n")
            } else {
                nq.clone()
            };
            let e = limit_error(check(&engine, text.as_bytes(), format), Limit::Triples);
            assert!(e.location().is_some(), "{format}");
        }
        let values: Vec<String> = (0..200).map(|i| format!("\"{i}\"")).collect();
        let jsonld = format!(
            "{{\"@id\": \"https://example.org/s\", \"https://example.org/p\": [{}]}}",
            values.join(",")
        );
        limit_error(
            check(&engine, jsonld.as_bytes(), Format::JsonLd),
            Limit::Triples,
        );
        let rdfxml = format!(
            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"https://example.org/\"><rdf:Description rdf:about=\"https://example.org/s\">{}</rdf:Description></rdf:RDF>",
            (0..200).map(|i| format!("<ex:p>{i}</ex:p>")).collect::<String>()
        );
        let e = limit_error(
            check(&engine, rdfxml.as_bytes(), Format::RdfXml),
            Limit::Triples,
        );
        assert!(e.location().is_some());
    });
}

// ---------------------------------------------------------------------------------------------
// JSON-LD contexts: remote, recursive, deeply scoped, large
// ---------------------------------------------------------------------------------------------

/// Serves fixed documents by IRI and refuses the rest (like the default resolver).
struct MapResolver(HashMap<String, String>);

impl MapResolver {
    fn new(docs: &[(&str, &str)]) -> Self {
        Self(
            docs.iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        )
    }
}

impl Resolver for MapResolver {
    fn resolve(&self, iri: &str) -> Result<Vec<u8>, ResolveError> {
        self.0
            .get(iri)
            .map(|s| s.clone().into_bytes())
            .ok_or_else(|| ResolveError::new(iri, "not in the test's map"))
    }
}

fn engine_resolving(docs: &[(&str, &str)]) -> Engine {
    Engine::builder()
        .profile("core")
        .resolver(MapResolver::new(docs))
        .build()
        .unwrap()
}

#[test]
fn remote_contexts_are_resolve_errors_with_their_pointer() {
    bounded(60, || {
        let engine = engine();
        let cases = [
            (
                r#"{"@context": "https://example.org/remote.jsonld", "name": "x"}"#,
                "/@context",
            ),
            (
                r#"{"@context": ["https://schema.org/", "https://example.org/remote.jsonld"], "name": "x"}"#,
                "/@context/1",
            ),
            (
                r#"{"@context": {"@import": "https://example.org/remote.jsonld"}, "name": "x"}"#,
                "/@context/@import",
            ),
            (
                r#"{"@context": {"p": {"@id": "https://example.org/p", "@context": "https://example.org/remote.jsonld"}}, "p": {"name": "x"}}"#,
                "/@context/p/@context",
            ),
            (
                r#"{"@id": "https://example.org/x", "https://example.org/p": {"@context": "https://example.org/remote.jsonld", "name": "x"}}"#,
                "/https:~1~1example.org~1p/@context",
            ),
        ];
        for (doc, pointer) in cases {
            let e = resolve_error(check(&engine, doc.as_bytes(), Format::JsonLd));
            assert_eq!(e.iri(), "https://example.org/remote.jsonld");
            assert_eq!(
                e.location().and_then(|l| l.pointer.as_deref()),
                Some(pointer),
                "{doc}"
            );
        }
    });
}

#[test]
fn self_referencing_and_mutually_recursive_contexts_terminate() {
    bounded(60, || {
        let a = r#"{"@context": "https://example.org/a"}"#;
        let b_to_c = r#"{"@context": "https://example.org/c"}"#;
        let c_to_b = r#"{"@context": "https://example.org/b"}"#;
        let import_self = r#"{"@context": {"@import": "https://example.org/i", "name": "https://schema.org/name"}}"#;
        let engine = engine_resolving(&[
            ("https://example.org/a", a),
            ("https://example.org/b", b_to_c),
            ("https://example.org/c", c_to_b),
            ("https://example.org/i", import_self),
        ]);
        for iri in [
            "https://example.org/a",
            "https://example.org/b",
            "https://example.org/i",
        ] {
            let doc =
                format!(r#"{{"@context": "{iri}", "@id": "https://example.org/x", "name": "x"}}"#);
            match check(&engine, doc.as_bytes(), Format::JsonLd) {
                // JSON-LD 1.1: "recursive context inclusion" / "invalid context entry".
                Err(ValidateError::Parse(e)) => assert!(!e.message().is_empty()),
                Err(ValidateError::Resolve(e)) => {
                    assert!(e.location().is_some(), "{e}")
                }
                other => panic!("{iri}: expected a typed error, got {other:?}"),
            }
        }
    });
}

#[test]
fn a_long_chain_of_remote_contexts_is_cut_with_its_pointer() {
    bounded(60, || {
        let docs: Vec<(String, String)> = (0..50)
            .map(|i| {
                (
                    format!("https://example.org/c{i}"),
                    format!(r#"{{"@context": "https://example.org/c{}"}}"#, i + 1),
                )
            })
            .collect();
        let refs: Vec<(&str, &str)> = docs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let engine = engine_resolving(&refs);
        let doc = r#"{"@id": "https://example.org/x", "@context": "https://example.org/c0"}"#;
        let e = resolve_error(check(&engine, doc.as_bytes(), Format::JsonLd));
        assert_eq!(
            e.location().and_then(|l| l.pointer.as_deref()),
            Some("/@context")
        );
    });
}

#[test]
fn deeply_nested_scoped_contexts_are_bounded() {
    bounded(60, || {
        // Each level: a term whose scoped context defines the next level's term. The processor
        // copies the active context per level, so nesting is bounded at 16 (a fuzzing build
        // timed out on 40).
        let scoped = |levels: usize| {
            let mut ctx = String::from("{\"name\": \"https://schema.org/name\"}");
            for i in (0..levels).rev() {
                ctx = format!(
                    "{{\"t{i}\": {{\"@id\": \"https://example.org/t{i}\", \"@context\": {ctx}}}}}"
                );
            }
            let mut body = String::from("{\"name\": \"leaf\"}");
            for i in (1..levels).rev() {
                body = format!("{{\"t{i}\": {body}}}");
            }
            format!("{{\"@context\": {ctx}, \"@id\": \"https://example.org/x\", \"t0\": {body}}}")
        };
        let report = check(&engine(), scoped(15).as_bytes(), Format::JsonLd).unwrap();
        assert!(report.document.triples >= 15);
        let e = parse_error(check(&engine(), scoped(40).as_bytes(), Format::JsonLd));
        let expected: String = (0..16).fold(String::from("/@context"), |acc, i| {
            format!("{acc}/t{i}/@context")
        });
        assert_eq!(
            e.location().unwrap().pointer.as_deref(),
            Some(expected.as_str()),
            "{e}"
        );
        // A scoped context that re-applies itself at every level of a deep document.
        let recursive = format!(
            "{{\"@context\": {{\"@vocab\": \"https://example.org/\", \"n\": {{\"@id\": \"https://example.org/n\", \"@context\": {{\"n\": {{\"@id\": \"https://example.org/n\"}}}}}}}}, \"@id\": \"https://example.org/x\", \"n\": {}}}",
            (0..60).fold(String::from("{\"v\": 1}"), |acc, _| format!("{{\"n\": {acc}}}"))
        );
        let report = check(&engine(), recursive.as_bytes(), Format::JsonLd).unwrap();
        assert!(report.document.triples >= 60);
    });
}

#[test]
fn a_context_with_thousands_of_terms_is_checked_in_bounded_time() {
    bounded(60, || {
        let terms: Vec<String> = (0..5000)
            .map(|i| format!("\"t{i}\": \"https://example.org/t{i}\""))
            .collect();
        let values: Vec<String> = (0..5000).map(|i| format!("\"t{i}\": {i}")).collect();
        let doc = format!(
            "{{\"@context\": {{{}}}, \"@id\": \"https://example.org/x\", {}}}",
            terms.join(", "),
            values.join(", ")
        );
        let started = Instant::now();
        let report = check(&engine(), doc.as_bytes(), Format::JsonLd).unwrap();
        assert_eq!(report.document.triples, 5000);
        assert!(started.elapsed() < Duration::from_secs(30));
    });
}

// ---------------------------------------------------------------------------------------------
// RDF/XML entities
// ---------------------------------------------------------------------------------------------

fn billion_laughs() -> String {
    let mut dtd = String::from("<!ENTITY lol0 \"lollollollollollollollollollol\">\n");
    for i in 1..10 {
        let refs = format!("&lol{};", i - 1).repeat(10);
        dtd.push_str(&format!("<!ENTITY lol{i} \"{refs}\">\n"));
    }
    format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [\n{dtd}]>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:schema=\"http://schema.org/\">\n<rdf:Description rdf:about=\"https://example.org/x\"><schema:name>&lol9;</schema:name></rdf:Description>\n</rdf:RDF>\n"
    )
}

#[test]
fn rdfxml_entity_expansion_is_a_located_limit_error() {
    bounded(60, || {
        // lol0 is 30 bytes and each next entity ten times the previous one: lol6 (3e7 bytes,
        // line 9) is the first to take the expansion past max_input_bytes (16 MiB).
        let e = limit_error(
            check(&engine(), billion_laughs().as_bytes(), Format::RdfXml),
            Limit::InputBytes,
        );
        assert_eq!(e.location().unwrap().line, Some(9), "{e}");
        // Many references to one modest entity add up the same way.
        let mut limits = Limits::default();
        limits.max_input_bytes = 1024 * 1024;
        let chunk = "x".repeat(1000);
        let body = "&big;".repeat(2000);
        let doc = format!(
            "<!DOCTYPE rdf:RDF [\n<!ENTITY big \"{chunk}\">\n]>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:s=\"http://schema.org/\">\n<rdf:Description rdf:about=\"https://example.org/x\"><s:name>{body}</s:name></rdf:Description></rdf:RDF>"
        );
        let e = limit_error(
            check(&engine_with(limits), doc.as_bytes(), Format::RdfXml),
            Limit::InputBytes,
        );
        assert_eq!(e.location().unwrap().line, Some(5), "{e}");
        // Ordinary entity use (namespace abbreviations) is unaffected.
        let doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [\n<!ENTITY ex \"https://example.org/\">\n<!ENTITY s \"http://schema.org/\">\n]>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:s=\"&s;\">\n<s:Dataset rdf:about=\"&ex;ds\"><s:name>a &amp; b</s:name></s:Dataset></rdf:RDF>\n";
        let report = check(&engine(), doc.as_bytes(), Format::RdfXml).unwrap();
        assert_eq!(report.document.triples, 2);
        let json = fair_core::render::json(&report);
        assert!(json.contains("https://example.org/ds"), "{json}");
    });
}

#[test]
fn rdfxml_external_entities_are_never_read() {
    bounded(60, || {
        let doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [\n<!ENTITY xxe SYSTEM \"file:///etc/hostname\">\n]>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:schema=\"http://schema.org/\">\n<rdf:Description rdf:about=\"https://example.org/x\"><schema:name>&xxe;</schema:name></rdf:Description>\n</rdf:RDF>\n";
        let hostname = std::fs::read_to_string("/etc/hostname").unwrap_or_default();
        match check(&engine(), doc.as_bytes(), Format::RdfXml) {
            // oxrdfxml refuses SYSTEM / PUBLIC entities where they are declared (line 3).
            Err(ValidateError::Parse(e)) => {
                let at = e.location().unwrap();
                assert!(matches!(at.line, Some(3..=4)), "{e}");
                assert!(e.message().contains("ENTITY"), "{e}");
            }
            Err(e) => panic!("unexpected {e}"),
            Ok(report) => {
                let json = fair_core::render::json(&report);
                let host = hostname.trim();
                assert!(host.is_empty() || !json.contains(host), "{json}");
            }
        }
    });
}

// ---------------------------------------------------------------------------------------------
// Invalid UTF-8
// ---------------------------------------------------------------------------------------------

#[test]
fn invalid_utf8_is_a_located_parse_error_in_every_format() {
    bounded(60, || {
        let engine = engine();
        let samples: [(Format, &[u8], &[u8]); 9] = [
            (
                Format::JsonLd,
                b"{\n  \"@id\": \"https://example.org/x\",\n  \"https://schema.org/name\": \"a",
                b"\"\n}\n",
            ),
            (
                Format::Turtle,
                b"@prefix s: <http://schema.org/> .\n\n<https://example.org/x> s:name \"a",
                b"\" .\n",
            ),
            (
                Format::TriG,
                b"@prefix s: <http://schema.org/> .\n\n<https://example.org/x> s:name \"a",
                b"\" .\n",
            ),
            (
                Format::NTriples,
                b"<https://example.org/x> <http://schema.org/a> \"b\" .\n\n<https://example.org/x> <http://schema.org/name> \"a",
                b"\" .\n",
            ),
            (
                Format::NQuads,
                b"<https://example.org/x> <http://schema.org/a> \"b\" .\n\n<https://example.org/x> <http://schema.org/name> \"a",
                b"\" .\n",
            ),
            (
                Format::RdfXml,
                b"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n\n<rdf:Description rdf:about=\"https://example.org/x\"><a",
                b"/></rdf:Description></rdf:RDF>\n",
            ),
            (
                Format::BioTools,
                b"{\n  \"name\": \"a",
                b"\"\n}\n",
            ),
            (
                Format::DataCite,
                b"{\n  \"titles\": [{\"title\": \"a",
                b"\"}]\n}\n",
            ),
            (
                Format::Html,
                b"<html>\n<script type=\"application/ld+json\">\n{\"name\": \"a",
                b"\"}</script></html>\n",
            ),
        ];
        for (format, before, after) in samples {
            for bad in [&[0xFFu8][..], &[0xC3], &[0xED, 0xA0, 0x80]] {
                let mut bytes = before.to_vec();
                bytes.extend_from_slice(bad);
                bytes.extend_from_slice(after);
                let e = parse_error(check(&engine, &bytes, format));
                let at = e.location().unwrap_or_else(|| panic!("{format}: {e}"));
                let line = before.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
                let column = before.len()
                    - before
                        .iter()
                        .rposition(|&b| b == b'\n')
                        .map_or(0, |p| p + 1)
                    + 1;
                assert_eq!(at.line, Some(line), "{format}: {e}");
                assert_eq!(at.column, Some(column as u64), "{format}: {e}");
                assert!(e.message().contains("UTF-8"), "{format}: {e}");
            }
        }
        // Detection from content alone must not choke either.
        let e = engine
            .check(&[0xFF, 0xFE, b'{', b'}'], None, None)
            .unwrap_err();
        assert_eq!(e.code(), "parse_error");
    });
}

// ---------------------------------------------------------------------------------------------
// Shapes: cyclic lists, recursion, regular expressions, SPARQL
// ---------------------------------------------------------------------------------------------

const SHAPE_PREFIXES: &str = "@prefix sh: <http://www.w3.org/ns/shacl#> .\n\
    @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n\
    @prefix ex: <https://example.org/> .\n";

fn engine_with_shapes(shapes: &str, limits: Limits) -> Result<Engine, BuildError> {
    Engine::builder()
        .profile("core")
        .limits(limits)
        .shapes(
            "adversarial.ttl",
            format!("{SHAPE_PREFIXES}{shapes}").into_bytes(),
            Format::Turtle,
        )
        .build()
}

fn shapes_error(result: Result<Engine, BuildError>) -> ShapesError {
    match result {
        Err(BuildError::Shapes(e)) => e,
        Err(other) => panic!("expected a shapes error, got {other}"),
        Ok(_) => panic!("expected a shapes error, got an engine"),
    }
}

#[test]
fn cyclic_lists_in_shapes_are_shapes_errors() {
    bounded(60, || {
        for (parameter, first) in [
            ("sh:in", "ex:a"),
            (
                "sh:or",
                "[ sh:datatype <http://www.w3.org/2001/XMLSchema#string> ]",
            ),
            ("sh:and", "[ sh:minLength 1 ]"),
            ("sh:xone", "[ sh:minLength 1 ]"),
            ("sh:languageIn", "\"en\""),
            ("sh:ignoredProperties", "ex:p"),
        ] {
            let ttl = format!(
                "ex:S a sh:NodeShape ; sh:targetClass ex:T ; sh:closed true ; {parameter} _:l1 .\n\
                 _:l1 rdf:first {first} ; rdf:rest _:l2 .\n\
                 _:l2 rdf:first {first} ; rdf:rest _:l1 .\n"
            );
            let e = shapes_error(engine_with_shapes(&ttl, Limits::default()));
            assert_eq!(
                e.shape(),
                Some("<https://example.org/S>"),
                "{parameter}: {e}"
            );
        }
        // A cyclic sequence path.
        let e = shapes_error(engine_with_shapes(
            "ex:S a sh:PropertyShape ; sh:targetClass ex:T ; sh:path _:p1 ; sh:minCount 1 .\n\
             _:p1 rdf:first ex:p ; rdf:rest _:p2 .\n_:p2 rdf:first ex:q ; rdf:rest _:p1 .\n",
            Limits::default(),
        ));
        assert!(e.shape().is_some(), "{e}");
    });
}

#[test]
fn cyclic_lists_in_data_terminate() {
    bounded(60, || {
        let engine = engine_with_shapes(
            "ex:S a sh:NodeShape ; sh:targetSubjectsOf ex:list ;\n\
               sh:property [ sh:path ( ex:list [ sh:zeroOrMorePath rdf:rest ] rdf:first ) ; sh:datatype <http://www.w3.org/2001/XMLSchema#integer> ] .",
            Limits::default(),
        )
        .unwrap();
        let data = "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n\
            <https://example.org/x> a <http://schema.org/Dataset> ; <https://example.org/list> _:l1 ;\n\
              <http://schema.org/keywords> _:l1 .\n\
            _:l1 rdf:first 1 ; rdf:rest _:l2 .\n_:l2 rdf:first \"two\" ; rdf:rest _:l3 .\n\
            _:l3 rdf:first 3 ; rdf:rest _:l1 .\n";
        let report = check(&engine, data.as_bytes(), Format::Turtle).unwrap();
        let x000: Vec<_> = report
            .findings()
            .iter()
            .filter(|f| f.code == "X000")
            .collect();
        assert_eq!(x000.len(), 1, "{x000:?}");
        assert_eq!(x000[0].value.as_deref(), Some("\"two\""));
    });
}

#[test]
fn recursive_user_shapes_are_bounded() {
    bounded(120, || {
        let engine = engine_with_shapes(
            "ex:S a sh:NodeShape ; sh:targetSubjectsOf ex:next ;\n\
               sh:property [ sh:path ex:next ; sh:node ex:S ] ;\n\
               sh:property [ sh:path ex:next ; sh:minCount 1 ] .\n\
             ex:A a sh:NodeShape ; sh:targetNode ex:n0 ; sh:and ( ex:A ex:S ) ; sh:or ( ex:A ) .",
            Limits::default(),
        )
        .unwrap();
        let mut data = String::new();
        for i in 0..3000 {
            data.push_str(&format!(
                "<https://example.org/n{i}> <https://example.org/next> <https://example.org/n{}> .\n",
                i + 1
            ));
        }
        data.push_str(
            "<https://example.org/n3000> <https://example.org/next> <https://example.org/n0> .\n",
        );
        let report = check(&engine, data.as_bytes(), Format::NTriples).unwrap();
        assert!(report.findings().iter().all(|f| f.code != "X000"));
    });
}

#[test]
fn catastrophic_patterns_run_in_linear_time() {
    bounded(60, || {
        let engine = engine_with_shapes(
            "ex:S a sh:NodeShape ; sh:targetSubjectsOf ex:v ;\n\
               sh:property [ sh:path ex:v ; sh:pattern \"^(a+)+$\" ] ;\n\
               sh:property [ sh:path ex:w ; sh:pattern \"^(a|aa)*c$\" ; sh:flags \"i\" ] .",
            Limits::default(),
        )
        .unwrap();
        let value = format!("{}b", "a".repeat(200_000));
        let data = format!(
            "<https://example.org/x> <https://example.org/v> \"{value}\" .\n\
             <https://example.org/x> <https://example.org/w> \"{value}\" .\n"
        );
        let started = Instant::now();
        let report = check(&engine, data.as_bytes(), Format::NTriples).unwrap();
        assert_eq!(
            report
                .findings()
                .iter()
                .filter(|f| f.code == "X000")
                .count(),
            2
        );
        assert!(started.elapsed() < Duration::from_secs(30));
    });
}

#[test]
fn huge_patterns_are_size_limited_shapes_errors() {
    bounded(60, || {
        for pattern in [
            "a{1000}{1000}",
            "(\\\\w{500}){500}",
            "[\\\\p{L}\\\\p{N}]{100000}",
        ] {
            let e = shapes_error(engine_with_shapes(
                &format!(
                    "ex:S a sh:NodeShape ; sh:targetSubjectsOf ex:v ; sh:property [ sh:path ex:v ; sh:pattern \"{pattern}\" ] ."
                ),
                Limits::default(),
            ));
            assert!(
                matches!(e, ShapesError::InvalidParameter { .. }),
                "{pattern}: {e}"
            );
            assert!(e.to_string().contains("pattern"), "{e}");
        }
    });
}

fn triples(n: usize) -> String {
    let mut data = String::with_capacity(n * 80);
    for i in 0..n {
        data.push_str(&format!(
            "<https://example.org/s{}> <https://example.org/p{}> \"{i}\" .\n",
            i % 100,
            i % 7
        ));
    }
    data
}

const CROSS_PRODUCT: &str = "ex:S a sh:NodeShape ; sh:targetNode ex:s1 ;\n\
    sh:sparql [ sh:select \"SELECT $this WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }\" ] .";

#[test]
fn sparql_cross_product_stops_at_the_step_budget() {
    let (report, elapsed) = bounded(120, || {
        let engine = engine_with_shapes(CROSS_PRODUCT, Limits::default()).unwrap();
        let data = triples(10_000);
        let started = Instant::now();
        let report = check(&engine, data.as_bytes(), Format::NTriples).unwrap();
        (report, started.elapsed())
    });
    let stopped: Vec<_> = report
        .findings()
        .iter()
        .filter(|f| f.code == "X000" && f.message.contains("max_sparql_steps"))
        .collect();
    assert_eq!(stopped.len(), 1, "{:?}", report.findings());
    assert_eq!(
        stopped[0].focus_node.as_deref(),
        Some("<https://example.org/s1>")
    );
    assert!(!report.conforms());
    assert!(elapsed < Duration::from_secs(60), "{elapsed:?}");
}

#[test]
fn sparql_step_budget_is_configurable_and_covers_filters_and_aggregates() {
    bounded(120, || {
        let data = triples(2_000);
        for query in [
            // Joins whose solutions are all filtered out.
            "SELECT $this WHERE { ?a ?b ?c . ?d ?e ?f . FILTER (STR(?c) = CONCAT(STR(?f), \\\"x\\\")) }",
            // Property paths over everything.
            "SELECT $this WHERE { ?a (<https://example.org/p1>|!<https://example.org/p1>)* ?b . ?b ?c ?d }",
            // Aggregates over a cross product.
            "SELECT $this (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f } GROUP BY $this",
            // DISTINCT over one.
            "SELECT DISTINCT $this WHERE { ?a ?b ?c . ?d ?e ?f }",
        ] {
            let shapes = format!(
                "ex:S a sh:NodeShape ; sh:targetNode ex:s1 ; sh:sparql [ sh:select \"{query}\" ] ."
            );
            let mut limits = Limits::default();
            limits.max_sparql_steps = 100_000;
            let engine = engine_with_shapes(&shapes, limits).unwrap();
            let started = Instant::now();
            let report = check(&engine, data.as_bytes(), Format::NTriples).unwrap();
            assert!(
                report
                    .findings()
                    .iter()
                    .any(|f| f.code == "X000" && f.message.contains("max_sparql_steps")),
                "{query}: {:?}",
                report.findings()
            );
            assert!(started.elapsed() < Duration::from_secs(30), "{query}");
        }
        // A query within budget is unaffected.
        let engine = engine_with_shapes(
            "ex:S a sh:NodeShape ; sh:targetNode ex:s1 ; sh:sparql [ sh:select \"SELECT $this WHERE { $this ?p ?o . FILTER (?o = \\\"never\\\") }\" ] .",
            Limits::default(),
        )
        .unwrap();
        let report = check(&engine, data.as_bytes(), Format::NTriples).unwrap();
        assert!(report.findings().iter().all(|f| f.code != "X000"));
    });
}

// ---------------------------------------------------------------------------------------------
// Many findings
// ---------------------------------------------------------------------------------------------

#[test]
fn a_hundred_thousand_findings_are_truncated_at_max_findings() {
    let report = bounded(300, || {
        let engine =
            engine_with_shapes("ex:S a sh:NodeShape ; sh:targetSubjectsOf ex:p ; sh:property [ sh:path ex:p ; sh:maxCount 0 ] .", Limits::default())
                .unwrap();
        let mut data = String::with_capacity(100_000 * 60);
        for i in 0..100_000 {
            data.push_str(&format!(
                "<https://example.org/{i}> <https://example.org/p> \"v\" .\n"
            ));
        }
        check(&engine, data.as_bytes(), Format::NTriples).unwrap()
    });
    assert!(report.truncated());
    assert_eq!(report.findings().len(), Limits::default().max_findings);
    let json: serde_json::Value = serde_json::from_str(&fair_core::render::json(&report)).unwrap();
    assert_eq!(json["truncated"], true);
}
