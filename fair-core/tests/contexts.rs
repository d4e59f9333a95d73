//! Bundled contexts written from specifications, moving aliases (I006) and user contexts.

use fair_core::{Config, Engine, Format};
use std::collections::BTreeMap;

const CRATE_12_DRAFT: &str = r##"{
  "@context": "https://w3id.org/ro/crate/1.2-DRAFT/context",
  "@graph": [
    {"@id": "ro-crate-metadata.json", "@type": "CreativeWork",
     "conformsTo": {"@id": "https://w3id.org/ro/crate/1.2"}, "about": {"@id": "./"}},
    {"@id": "./", "@type": "Dataset", "name": "A crate", "description": "Test crate",
     "datePublished": "2024-01-01", "license": {"@id": "https://spdx.org/licenses/CC0-1.0"}}
  ]
}"##;

fn with_contexts(contexts: BTreeMap<String, String>) -> Result<Engine, fair_core::BuildError> {
    let mut config = Config::default();
    config.contexts = contexts;
    Engine::builder().config(config).build()
}

#[test]
fn a_draft_alias_is_read_as_its_release_with_an_info_finding() {
    let report = Engine::new()
        .unwrap()
        .validate_str(CRATE_12_DRAFT, Some(Format::JsonLd))
        .unwrap();
    assert_eq!(report.document.contexts, ["RO-Crate 1.2 context"]);
    let alias: Vec<_> = report
        .findings()
        .iter()
        .filter(|f| f.code == "I006")
        .collect();
    assert_eq!(alias.len(), 1, "{:?}", report.findings());
    let f = alias[0];
    assert_eq!(f.severity, fair_core::Severity::Info);
    assert!(
        f.message
            .contains("https://w3id.org/ro/crate/1.2-DRAFT/context")
            && f.message.contains("RO-Crate 1.2 context"),
        "{}",
        f.message
    );
    let fix = serde_json::to_string(&f.fix).unwrap();
    assert!(
        fix.contains("https://w3id.org/ro/crate/1.2/context"),
        "{fix}"
    );
    // The release itself is no alias.
    let release = CRATE_12_DRAFT.replace("1.2-DRAFT/context", "1.2/context");
    let report = Engine::new()
        .unwrap()
        .validate_str(&release, Some(Format::JsonLd))
        .unwrap();
    assert!(report.findings().iter().all(|f| f.code != "I006"));
}

#[test]
fn workflow_run_and_testing_contexts_are_bundled() {
    let doc = r##"{
      "@context": ["https://w3id.org/ro/crate/1.1/context",
                   "https://w3id.org/ro/terms/workflow-run/context",
                   "https://w3id.org/ro/terms/test"],
      "@graph": [{"@id": "#suite", "@type": "TestSuite", "sha256": "abc",
                  "name": "suite"}]
    }"##;
    let report = Engine::new()
        .unwrap()
        .validate_str(doc, Some(Format::JsonLd))
        .unwrap();
    assert!(report.document.triples >= 3, "{:?}", report.document);
    assert!(report
        .document
        .contexts
        .iter()
        .any(|c| c == "Workflow Run Crate terms context"));
}

#[test]
fn a_user_context_is_used_and_wins_over_a_bundled_one() {
    let doc = r##"{"@context": "https://example.org/my-context", "@type": "Thing", "title": "x"}"##;
    // Not bundled: a resolve error.
    let err = Engine::new()
        .unwrap()
        .validate_str(doc, Some(Format::JsonLd))
        .unwrap_err();
    assert_eq!(err.code(), "resolve_error");
    let mut contexts = BTreeMap::new();
    contexts.insert(
        "https://example.org/my-context".to_owned(),
        r##"{"@context": {"@vocab": "http://example.org/terms#"}}"##.to_owned(),
    );
    let engine = with_contexts(contexts).unwrap();
    let report = engine.validate_str(doc, Some(Format::JsonLd)).unwrap();
    assert_eq!(report.document.triples, 2);
    assert_eq!(
        report.document.contexts,
        ["user context https://example.org/my-context"]
    );
    // A user context for a bundled IRI replaces the bundled one.
    let mut contexts = BTreeMap::new();
    contexts.insert(
        "http://schema.org/".to_owned(),
        r##"{"@context": {"@vocab": "http://example.org/mine#"}}"##.to_owned(),
    );
    let engine = with_contexts(contexts).unwrap();
    let schema_doc = r##"{"@context": "https://schema.org", "@type": "Dataset", "name": "x"}"##;
    let report = engine
        .validate_str(schema_doc, Some(Format::JsonLd))
        .unwrap();
    assert_eq!(
        report.document.contexts,
        ["user context https://schema.org"]
    );
    assert_eq!(report.document.schema_org, None);
}

#[test]
fn bad_user_contexts_are_config_errors_naming_the_iri() {
    for (iri, text, says) in [
        ("https://example.org/a", "{not json", "not valid JSON"),
        (
            "https://example.org/b",
            r##"{"terms": {}}"##,
            "\"@context\"",
        ),
        (
            "https://example.org/c",
            r##"{"@context": 3}"##,
            "must be an object",
        ),
        ("not an iri", r##"{"@context": {}}"##, "not an absolute IRI"),
    ] {
        let mut contexts = BTreeMap::new();
        contexts.insert(iri.to_owned(), text.to_owned());
        let Err(err) = with_contexts(contexts) else {
            panic!("{iri}: accepted");
        };
        let message = err.to_string();
        assert_eq!(err.code(), "config_error", "{message}");
        assert!(message.contains(iri) && message.contains(says), "{message}");
    }
}

#[test]
fn contexts_option_reads_from_json() {
    let config = Config::from_json(
        r##"{"contexts": {"https://example.org/ctx": "{\"@context\": {\"@vocab\": \"http://example.org/\"}}"}}"##,
    )
    .unwrap();
    assert_eq!(config.contexts.len(), 1);
}
