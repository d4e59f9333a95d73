//! Generated documentation must match its source: `docs/scoring.md` from the indicator
//! catalogue, and the documentation site's generated pages (`docs/site/src/`) from the rule
//! registry, the examples, the fixes and the indicator and profile catalogues.
//! `FAIRLINT_UPDATE_DOCS=1 cargo test -p fair-core --test docs` regenerates them.
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

/// The documentation site's generated pages (`docs/site/src/`: a page per rule code and per
/// indicator, the indexes, the profiles page and SUMMARY.md) match the registry and the
/// catalogues, and the generated folders hold no other file (such as the page of a removed
/// code). `FAIRLINT_UPDATE_DOCS=1 cargo test -p fair-core --test docs` rewrites them.
#[test]
fn site_pages_are_up_to_date() {
    use fair_core::rules::site;
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let src = root.join(site::SITE_SRC);
    let pages = site::pages();
    assert_eq!(
        pages.len(),
        4 + fair_core::rules::all().len()
            + fair_core::scoring::catalogue().unwrap().indicators.len()
    );
    let update = std::env::var_os("FAIRLINT_UPDATE_DOCS").is_some();
    let mut stale = Vec::new();
    for page in &pages {
        let path = src.join(&page.path);
        if update {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &page.text).unwrap();
        }
        if std::fs::read_to_string(&path).ok().as_deref() != Some(page.text.as_str()) {
            stale.push(page.path.clone());
        }
    }
    for dir in site::GENERATED_DIRS {
        for entry in std::fs::read_dir(src.join(dir)).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            let path = format!("{dir}/{name}");
            if !pages.iter().any(|p| p.path == path) {
                if update {
                    std::fs::remove_file(src.join(&path)).unwrap();
                } else {
                    stale.push(format!("{path} (not generated: remove it)"));
                }
            }
        }
    }
    assert!(
        stale.is_empty(),
        "the documentation site's generated pages are stale: {stale:?}; run `{}`",
        site::REGENERATE
    );
    // The hand-written pages SUMMARY.md lists exist (mdBook would otherwise create them empty).
    for (_, path) in site::HAND_WRITTEN
        .iter()
        .chain(site::INCLUDED_DOCS)
        .chain(site::DESIGN_DOCS)
        .chain(&[("", "introduction.md")])
    {
        assert!(src.join(path).is_file(), "docs/site/src/{path} is missing");
    }
}

/// Every finding's `url` is the path of its page in the site, and that page exists.
#[test]
fn finding_urls_name_existing_pages() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for r in fair_core::rules::all() {
        let url = fair_core::rules::docs_url(r.code);
        assert_eq!(url, format!("docs/site/src/rules/{}.md", r.code));
        assert!(root.join(&url).is_file(), "{url} is missing");
    }
    for i in &fair_core::scoring::catalogue().unwrap().indicators {
        let url = fair_core::rules::indicator_docs_url(&i.id);
        assert!(root.join(&url).is_file(), "{url} is missing");
    }
    let engine = fair_core::Engine::builder().build().unwrap();
    let report = engine
        .check(
            br#"{"@context": "https://schema.org/", "@type": "Dataset", "license": "GPL-3.0"}"#,
            None,
            Some("x.jsonld"),
        )
        .unwrap();
    assert!(!report.findings.is_empty());
    for f in &report.findings {
        assert_eq!(f.url, fair_core::rules::docs_url(&f.code));
        assert!(root.join(&f.url).is_file(), "{}", f.url);
    }
}
