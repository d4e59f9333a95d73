//! `docs/scoring.md`: the scoring method as Markdown, its tables generated from the catalogue.

use super::{catalogue, Catalogue, Priority, Test};
use std::fmt::Write;

/// The scoring method as Markdown, tables generated from the catalogue (`docs/scoring.md`).
pub fn scoring_docs() -> String {
    let Some(cat) = catalogue() else {
        return String::new();
    };
    let mut out = String::new();
    header(&mut out, cat);
    out.push_str(METHOD);
    weights(&mut out, cat);
    tests(&mut out);
    indicators(&mut out, cat);
    online(&mut out);
    out
}

/// The `## Online checks` section: what `--online` assesses that offline cannot.
fn online(out: &mut String) {
    out.push_str("\n## Online checks\n\n");
    out.push_str("With `fairlint check --online URL|doi:…|hdl:…` (crate `fair-online`; never in the core or the WebAssembly package) the record is harvested and checked as offline, then these checks run and move the indicators they name from `not_assessed` to `pass` or `fail`, each with its `evidence` (the URL fetched and its answer). Indicators assessed offline are never changed, so an online report has every offline finding and outcome. The report's `harvest` section lists every fetch and each check's outcome.\n\n");
    out.push_str("| check | indicators | passes when |\n|---|---|---|\n");
    for c in super::ONLINE_CHECKS {
        let ids = if c.indicators.is_empty() {
            "(reported only)".to_owned()
        } else {
            c.indicators.join(", ")
        };
        let _ = writeln!(out, "| `{}` | {} | {} |", c.check, ids, c.passes_when);
    }
    out.push_str("\nStill not assessed online: the indicators that need the deposited data object's content (RDA-A1-02D, RDA-A1-05D, I1-01D, I1-02D, I2-01D, I3-01D, I3-02D, R1.3-01D, R1.3-02D) and RDA-A2-01M (a repository policy).\n");
}

/// The title, the generated-file notice, the method's name and version and the indicators'
/// source.
fn header(out: &mut String, cat: &Catalogue) {
    let _ = writeln!(
        out,
        "# Scoring: how fairlint computes F, A, I, R and total\n"
    );
    let _ = writeln!(
        out,
        "<!-- Generated from crates/fair-rules/data/indicators.json by `scoring_docs()`; a test fails when this file is stale. Regenerate: `FAIRLINT_UPDATE_DOCS=1 cargo test -p fair-core --test docs`. -->\n"
    );
    let _ = writeln!(out, "Method: **{} {}**. Every report names the method and version that produced its scores (`scores.method`).\n", cat.method, cat.method_version);
    let _ = writeln!(out, "Indicators: {}.\n", cat.source);
}

/// The `## Method` section: how a record is assessed and scored.
const METHOD: &str = concat!(
    "## Method\n\n",
    "1. The record's **main resource** is found: a typed node no other statement points to (named nodes first, then N-Triples order); for an RO-Crate, the root data entity its metadata descriptor is about (the descriptor's own statements about it, such as `conformsTo`, count as the root's).\n",
    "2. Each of the 41 indicators is **assessed** and ends as `pass`, `fail`, `indeterminate`, `not_assessed` or `not_applicable`:\n",
    "   - `not_assessed`: the indicator needs the network (resolving identifiers, fetching the record) or the deposited data object. Offline these are never failed; they are listed in the report with the reason. `--online` assesses some of them (see *Online checks* below).\n",
    "   - otherwise the indicator **fails** if the report has a finding (warning or error) with one of its `fails_on` codes;\n",
    "   - else its **test** runs on the main resource (below) and gives `pass` or `fail` (`indeterminate` when the record does not let fairlint decide, e.g. R1.3-01M when no community profile applies).\n",
    "3. **Scores**: for each letter, the weighted share of its assessed indicators that pass, 0–100 with one decimal: `100 × Σ weight(pass) / Σ weight(pass or fail)`. `not_assessed`, `not_applicable` and `indeterminate` indicators are left out of the denominator (and listed). A letter with no assessed indicator has score `null`. The total uses all assessed indicators the same way.\n",
    "4. **Fix first** (`top_fixes`): the failed indicators of highest priority, at most three, one per principle, with the fix of the finding that failed them or the indicator's own advice.\n\n",
);

/// The `## Weights` table: each priority's weight and number of indicators.
fn weights(out: &mut String, cat: &Catalogue) {
    let _ = writeln!(
        out,
        "## Weights\n\n| priority | weight | indicators |\n|---|---|---|"
    );
    for (name, p, w) in [
        ("essential", Priority::Essential, cat.weights.essential),
        ("important", Priority::Important, cat.weights.important),
        ("useful", Priority::Useful, cat.weights.useful),
    ] {
        let n = cat.indicators.iter().filter(|i| i.priority == p).count();
        let _ = writeln!(out, "| {name} | {w} | {n} |");
    }
}

/// The `## Tests` table's rows: each test kind and when it passes.
const TESTS: &[(&str, &str)] = &[
    ("statements", "the document yields at least one RDF statement"),
    ("typed", "the main resource has an rdf:type"),
    ("persistent_identifier", "the main resource's IRI, or a value of one of the listed properties, is a DOI, Handle, ARK, PURL, w3id, identifiers.org/n2t or URN:NBN identifier"),
    ("unique_identifier", "the main resource has an absolute IRI (not a relative reference) or one of the listed identifier properties"),
    ("min_properties", "the main resource has at least `min` of the listed properties"),
    ("any_property", "the main resource has one of the listed properties"),
    ("any_link", "the main resource links to an IRI (or an absolute http(s) URL) through one of the listed properties"),
    ("vocabulary_terms", "some object IRI of the document is a term of one of the listed vocabularies (EDAM, OBO, identifiers.org, ...)"),
    ("namespace_properties", "some predicate of the document is in one of the listed namespaces"),
    ("profile_conformance", "a community profile (not only `core`) was checked and its shapes report no error; `indeterminate` when only `core` applies"),
    ("not_assessed", "never: needs the network or the data object (reason given)"),
];

/// The `## Tests` table.
fn tests(out: &mut String) {
    let _ = writeln!(out, "\n## Tests\n\n| test | passes when |\n|---|---|");
    for (kind, text) in TESTS {
        let _ = writeln!(out, "| `{kind}` | {text} |");
    }
}

/// The `## Indicators` table: one row per indicator, in catalogue order.
fn indicators(out: &mut String, cat: &Catalogue) {
    let _ = writeln!(
        out,
        "\n## Indicators\n\n| indicator | principle | priority | weight | F-UJI | assessed by | fails on |\n|---|---|---|---|---|---|---|"
    );
    for i in &cat.indicators {
        let _ = writeln!(
            out,
            "| {} {} | {} | {:?} | {} | {} | {} | {} |",
            i.id,
            i.description,
            i.principle,
            i.priority,
            cat.weights.of(i.priority),
            i.fuji.join(", "),
            assessed_by(&i.test),
            i.fails_on.join(", ")
        );
    }
}

/// The indicators table's "assessed by" cell for `test`.
fn assessed_by(test: &Test) -> String {
    match test {
        Test::NotAssessed { reason } => format!("not assessed: {reason}"),
        Test::NotApplicable { reason } => format!("not applicable: {reason}"),
        Test::MinProperties { min, properties } => {
            format!(
                "`min_properties` ({min} of {} properties)",
                properties.len()
            )
        }
        other => {
            let v = serde_json::to_value(other).unwrap_or_default();
            format!(
                "`{}`",
                v.get("kind").and_then(|k| k.as_str()).unwrap_or("?")
            )
        }
    }
}
