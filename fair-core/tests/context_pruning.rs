//! Bundled contexts are pruned to the terms a document can use before JSON-LD expansion (see
//! `BundledContext::pruned`). This checks that pruning never changes the graph: each document
//! is parsed once normally and once with the context served whole through a resolver.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fair_core::{bundled_contexts, Document, Format, ParseOptions, ResolveError, Resolver};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

/// Serves every bundled context, whole, under `https://unpruned.invalid/<n>`.
struct Whole;

impl Resolver for Whole {
    fn resolve(&self, iri: &str) -> Result<Vec<u8>, ResolveError> {
        let n: usize = iri
            .strip_prefix("https://unpruned.invalid/")
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| ResolveError::new(iri, "not a test context"))?;
        Ok(bundled_contexts()[n].text().as_bytes().to_vec())
    }
}

fn triples(doc: &Document) -> BTreeSet<String> {
    doc.graph().iter().map(|t| t.to_string()).collect()
}

/// Rewrites every reference to a bundled context (in `@context` values) to its unpruned alias.
fn unbundle(text: &str) -> String {
    fn alias(url: &str) -> Option<String> {
        bundled_contexts()
            .iter()
            .position(|c| c.urls.iter().any(|u| u == url))
            .map(|n| format!("https://unpruned.invalid/{n}"))
    }
    fn walk(value: &mut Value) {
        match value {
            Value::Object(map) => {
                for (k, v) in map.iter_mut() {
                    if k == "@context" {
                        match v {
                            Value::String(s) => {
                                if let Some(a) = alias(s) {
                                    *s = a;
                                }
                            }
                            Value::Array(items) => {
                                for item in items {
                                    if let Value::String(s) = item {
                                        if let Some(a) = alias(s) {
                                            *s = a;
                                        }
                                    }
                                }
                            }
                            _ => {}
                        }
                    } else {
                        walk(v);
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(walk),
            _ => {}
        }
    }
    let mut value: Value = serde_json::from_str(text).unwrap();
    walk(&mut value);
    serde_json::to_string(&value).unwrap()
}

fn check(text: &str, name: &str) -> bool {
    let pruned = match Document::parse(text.as_bytes(), Format::JsonLd) {
        Ok(doc) => doc,
        Err(_) => return false,
    };
    let unbundled = unbundle(text);
    if !unbundled.contains("unpruned.invalid") {
        return false;
    }
    let options = ParseOptions {
        resolver: &Whole,
        ..ParseOptions::default()
    };
    let whole = Document::parse_with(unbundled.as_bytes(), Format::JsonLd, &options)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(
        triples(&pruned),
        triples(&whole),
        "{name}: pruning changed the graph"
    );
    true
}

#[test]
fn pruning_preserves_graphs_of_test_vectors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../test-vectors/cases/jsonld");
    let mut compared = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        if check(&text, &path.display().to_string()) {
            compared += 1;
        }
    }
    assert!(compared >= 5, "only {compared} documents compared");
}

#[test]
fn pruning_keeps_prefix_closure_and_coercions() {
    // `url` is @id-coerced in the schema.org context, `schema:` and `dct:` prefixes come from
    // it, and a @type-scoped value uses a compact IRI.
    let doc = r#"{
      "@context": "https://schema.org/",
      "@type": "schema:Dataset",
      "@id": "https://example.org/x",
      "url": "https://example.org/x.html",
      "dct:conformsTo": {"@id": "https://bioschemas.org/profiles/Dataset/1.1-DRAFT"},
      "dateModified": "2024-01-01",
      "author": {"@type": "Person", "name": "A", "sameAs": "https://orcid.org/0000-0002-1825-0097"}
    }"#;
    assert!(check(doc, "inline"));
    let rocrate = r#"{
      "@context": ["https://w3id.org/ro/crate/1.1/context", {"ex": "https://example.org/terms#"}],
      "@graph": [
        {"@id": "ro-crate-metadata.json", "@type": "CreativeWork", "about": {"@id": "./"},
         "conformsTo": {"@id": "https://w3id.org/ro/crate/1.1"}},
        {"@id": "./", "@type": "Dataset", "hasPart": [{"@id": "data.csv"}], "ex:note": "x"},
        {"@id": "data.csv", "@type": "File", "encodingFormat": "text/csv"}
      ]
    }"#;
    assert!(check(rocrate, "rocrate"));
}

/// Development check over a whole corpus: `FAIRLINT_CORPUS=../shared/corpora cargo test
/// --test context_pruning -- --ignored`.
#[test]
#[ignore = "needs FAIRLINT_CORPUS pointing at a directory of JSON-LD records"]
fn pruning_preserves_graphs_of_corpus() {
    let dir = std::env::var("FAIRLINT_CORPUS").expect("set FAIRLINT_CORPUS");
    let mut stack = vec![std::path::PathBuf::from(dir)];
    let (mut compared, mut skipped) = (0, 0);
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            for e in std::fs::read_dir(&p).unwrap() {
                stack.push(e.unwrap().path());
            }
        } else if p.extension().is_some_and(|e| e == "json" || e == "jsonld") {
            let Ok(text) = std::fs::read_to_string(&p) else {
                continue;
            };
            if serde_json::from_str::<Value>(&text).is_err() {
                continue;
            }
            if check(&text, &p.display().to_string()) {
                compared += 1;
            } else {
                skipped += 1;
            }
        }
    }
    println!("context pruning: {compared} documents compared, {skipped} without a bundled context or not parseable");
    assert!(compared > 0);
}
