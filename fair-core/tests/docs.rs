//! Generated documentation must match its source: `docs/scoring.md` from the indicator
//! catalogue. `FAIRLINT_UPDATE_DOCS=1 cargo test -p fair-core --test docs` regenerates it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

#[test]
fn scoring_docs_are_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/scoring.md");
    let generated = fair_core::scoring::scoring_docs();
    assert!(generated.contains("RDA-R1.3-02D"));
    if std::env::var_os("FAIRLINT_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/scoring.md is stale: run `FAIRLINT_UPDATE_DOCS=1 cargo test -p fair-core --test docs`"
    );
}
