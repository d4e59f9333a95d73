//! An RO-Crate is scored on its root data entity, with what its metadata descriptor states.

use fair_core::scoring::Status;
use fair_core::{Engine, Format};

#[test]
fn a_crate_is_scored_on_its_root_data_entity() {
    let engine = Engine::builder().build().expect("default engine builds");
    let crate_ = r#"{"@context": "https://w3id.org/ro/crate/1.1/context", "@graph": [
        {"@id": "ro-crate-metadata.json", "@type": "CreativeWork", "about": {"@id": "./"},
         "conformsTo": {"@id": "https://w3id.org/ro/crate/1.1"}},
        {"@id": "./", "@type": "Dataset", "name": "Soil cores",
         "identifier": "https://doi.org/10.5072/soil", "datePublished": "2024-01-01",
         "description": "Moisture of 120 soil cores.", "license": "CC-BY-4.0"}]}"#;
    let report = engine
        .validate_str(crate_, Some(Format::JsonLd))
        .expect("validates");
    let status = |id: &str| {
        report
            .indicators
            .iter()
            .find(|i| i.id == id)
            .map(|i| i.status)
    };
    // The DOI is on the root data entity, not on the descriptor.
    assert_eq!(status("RDA-F1-01M"), Some(Status::Pass));
    // The profile is stated by the descriptor, which is about the root.
    assert_eq!(status("RDA-R1.3-02M"), Some(Status::Pass));
    assert_eq!(report.profile.id, "ro-crate-1.1");
}
