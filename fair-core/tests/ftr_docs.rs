//! `docs/ftr-tests.md`, the FAIR Test Results test descriptions, must match the indicator
//! catalogue. `FAIRLINT_UPDATE_DOCS=1 cargo test -p fair-core --test ftr_docs` regenerates it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

#[test]
fn ftr_test_docs_are_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/ftr-tests.md");
    let generated = fair_core::render::ftr::tests_markdown();
    let indicators = fair_core::scoring::catalogue().unwrap().indicators.len();
    assert_eq!(
        generated.matches("| `urn:fairlint:test/").count(),
        indicators,
        "one row per indicator"
    );
    if std::env::var_os("FAIRLINT_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/ftr-tests.md is stale: run `FAIRLINT_UPDATE_DOCS=1 cargo test -p fair-core --test ftr_docs`"
    );
}
