//! The crosswalks seen through the engine: fixes for properties a format cannot hold, and the
//! field lists kept in step with what the crosswalks produce.

use crate::{vocab, Format};
use fair_ingest::crosswalk;

#[test]
fn missing_properties_the_format_cannot_hold_say_so() {
    let engine = crate::Engine::builder()
        .build()
        .expect("default engine builds");
    let datacite = r#"{"doi": "10.5072/x", "url": "https://example.org/x",
        "types": {"resourceTypeGeneral": "Dataset"},
        "creators": [{"name": "Doe, Jane"}], "titles": [{"title": "Reads"}],
        "publisher": {"name": "Example"}, "publicationYear": "2024",
        "schemaVersion": "http://datacite.org/schema/kernel-4"}"#;
    let report = engine
        .validate_str(datacite, Some(Format::DataCite))
        .expect("validates");
    let fix = |code: &str| {
        report
            .findings
            .iter()
            .find(|f| f.code == code)
            .and_then(|f| f.fix.as_ref())
            .map(|f| f.message.clone())
            .unwrap_or_default()
    };
    // measurementTechnique: no DataCite field; keywords: DataCite subjects.
    assert!(
        fix("R127").starts_with("DataCite metadata has no field for schema:measurementTechnique"),
        "{}",
        fix("R127")
    );
    assert!(!fix("F113").contains("no field"), "{}", fix("F113"));
    // The kernel-4 namespace is the record's stated standard: no R001.
    assert!(report.findings.iter().all(|f| f.code != "R001"));
    // The same gap in a JSON-LD record keeps the profile's own fix.
    let jsonld = r#"{"@context": "https://schema.org/", "@type": "Dataset",
        "@id": "https://doi.org/10.5072/x", "name": "Reads"}"#;
    let report = engine
        .validate_str(jsonld, Some(Format::JsonLd))
        .expect("validates");
    let r127 = report.findings.iter().find(|f| f.code == "R127");
    let message = r127
        .and_then(|f| f.fix.as_ref())
        .map(|f| f.message.as_str());
    assert!(
        message.is_some_and(|m| !m.contains("no field")),
        "{message:?}"
    );
}

#[test]
fn field_lists_name_every_property_the_crosswalks_produce() {
    let engine = crate::Engine::builder()
        .build()
        .expect("default engine builds");
    for (format, fields, text) in [
        (
            Format::DataCite,
            crosswalk::fields(Format::DataCite),
            include_str!("../../test-vectors/cases/datacite/complete.datacite.json"),
        ),
        (
            Format::BioTools,
            crosswalk::fields(Format::BioTools),
            include_str!("../../test-vectors/cases/biotools/complete.biotools.json"),
        ),
    ] {
        let doc = engine
            .load(text.as_bytes(), Some(format), None)
            .expect("loads");
        let subject = fair_rules::Subject::of(&doc);
        let main = subject.node().expect("has a main resource");
        for t in doc.graph().triples_for_subject(main.as_ref()) {
            if let Some(local) = t.predicate.as_str().strip_prefix(vocab::SCHEMA) {
                assert!(fields.contains(&local), "{format:?}: {local} is not listed");
            }
        }
    }
}
