//! The rule registry: every code fairlint can report, with its meaning. Codes are never reused
//! or renumbered; removed codes stay with status `Removed`.
//!
//! Each rule family declares its rules next to its checks with `rules!`: a typed
//! [`fair_model::Code`] constant per rule (what the checks report) and the family's `RULES` slice (what the
//! code means). [`FAMILIES`] joins the families; [`all`] is every rule in code order, and
//! `fairlint rules`, the SARIF rule table and the rule docs are generated from it. Adding a
//! family is one new file with a `rules!` block plus one line in [`FAMILIES`].

use crate::finding::{Principle, Severity};
use serde::Serialize;
use std::sync::OnceLock;

/// Lifecycle of a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// New; its behaviour may still change.
    Preview,
    /// Settled.
    Stable,
    /// Still reported, to be removed.
    Deprecated,
    /// No longer reported; kept so the code is never reused.
    Removed,
}

/// What a code means.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Rule {
    /// Stable code: FAIR letter + 3 digits.
    pub code: &'static str,
    /// Kebab-case name.
    pub slug: &'static str,
    /// The FAIR principle it bears on.
    pub principle: Principle,
    /// Default severity (configurable per code).
    pub severity: Severity,
    /// Lifecycle status.
    pub status: Status,
    /// First fairlint version that reports it.
    pub since: &'static str,
    /// Message template; `{name}` placeholders are filled from the finding's context.
    pub message: &'static str,
    /// How to fix it.
    pub fix: &'static str,
    /// One line on what it checks.
    pub summary: &'static str,
}

/// What the sink needs of a rule at run time: the part of [`Rule`] without its documentation
/// (status, version, summary). Kept apart so that a build that never lists the rules (the
/// WebAssembly package) does not embed their documentation.
#[derive(Debug, Clone, Copy)]
pub struct Template {
    /// Stable code.
    pub code: &'static str,
    /// Kebab-case name.
    pub slug: &'static str,
    /// The FAIR principle it bears on.
    pub principle: Principle,
    /// Default severity.
    pub severity: Severity,
    /// Message template.
    pub message: &'static str,
    /// Fix template.
    pub fix: &'static str,
}

/// Base of the rule documentation pages: the folder of the documentation site's generated rule
/// pages (`docs/site/src/rules/`, see [`crate::site`]), as a path relative to the repository
/// root until the site is hosted. A finding's `url` is [`docs_url`] of its code.
pub const DOCS_BASE: &str = "docs/site/src/rules/";

/// Base of the indicator documentation pages (`docs/site/src/indicators/`), relative to the
/// repository root like [`DOCS_BASE`]; [`indicator_docs_url`] names one page.
pub const INDICATOR_DOCS_BASE: &str = "docs/site/src/indicators/";

/// The documentation page of rule `code`: `docs/site/src/rules/<CODE>.md`.
pub fn docs_url(code: &str) -> String {
    format!("{DOCS_BASE}{code}.md")
}

/// The documentation page of RDA indicator `id` (the published description of the FAIR Test
/// Results test of that name): `docs/site/src/indicators/<ID>.md`.
pub fn indicator_docs_url(id: &str) -> String {
    format!("{INDICATOR_DOCS_BASE}{id}.md")
}

/// Declares a rule family's rules: for each, a public [`fair_model::Code`] constant documented by its
/// summary; and the family's `RULES` slice (the whole metadata, for listings and docs) and
/// `TEMPLATES` slice (what reporting needs), in the order written (code order).
///
/// ```text
/// crate::registry::rules! {
///     NO_STATEMENTS = "I001" {
///         slug: "no-statements", principle: I1, severity: Error, status: Preview,
///         since: "0.1.0", message: "…{format}…", fix: "…", summary: "…",
///     }
/// }
/// ```
macro_rules! rules {
    ($(
        $name:ident = $code:literal {
            slug: $slug:literal,
            principle: $principle:ident,
            severity: $severity:ident,
            status: $status:ident,
            since: $since:literal,
            message: $message:literal,
            fix: $fix:literal,
            summary: $summary:literal $(,)?
        }
    )*) => {
        $(
            #[doc = concat!("`", $code, "` ", $slug, ": ", $summary)]
            pub const $name: fair_model::Code = fair_model::Code::new($code);
        )*

        /// This family's rules, in code order.
        pub const RULES: &[$crate::registry::Rule] = &[$(
            $crate::registry::Rule {
                code: $code,
                slug: $slug,
                principle: fair_model::Principle::$principle,
                severity: fair_model::Severity::$severity,
                status: $crate::registry::Status::$status,
                since: $since,
                message: $message,
                fix: $fix,
                summary: $summary,
            },
        )*];

        /// This family's rules as the sink needs them, in code order.
        pub const TEMPLATES: &[$crate::registry::Template] = &[$(
            $crate::registry::Template {
                code: $code,
                slug: $slug,
                principle: fair_model::Principle::$principle,
                severity: fair_model::Severity::$severity,
                message: $message,
                fix: $fix,
            },
        )*];
    };
}
pub(crate) use rules;

/// Every rule family's rules. A new family adds its `RULES` here and its `TEMPLATES` to
/// [`TEMPLATE_FAMILIES`].
pub const FAMILIES: &[&[Rule]] = &[
    crate::structural::RULES,
    crate::identifiers::RULES,
    crate::edam::RULES,
    crate::ontology::RULES,
    crate::schemaorg::RULES,
    crate::licences::RULES,
    crate::crosswalk::RULES,
    crate::shapes::RULES,
    crate::profiles::rocrate::RULES,
];

/// Every rule family's templates, in the order of [`FAMILIES`] (a test checks they agree).
pub const TEMPLATE_FAMILIES: &[&[Template]] = &[
    crate::structural::TEMPLATES,
    crate::identifiers::TEMPLATES,
    crate::edam::TEMPLATES,
    crate::ontology::TEMPLATES,
    crate::schemaorg::TEMPLATES,
    crate::licences::TEMPLATES,
    crate::crosswalk::TEMPLATES,
    crate::shapes::TEMPLATES,
    crate::profiles::rocrate::TEMPLATES,
];

/// The families' slices, each in code order (a test checks it), merged into one in code order.
/// A merge rather than a sort keeps a sort implementation out of the WebAssembly build.
fn merged<T: Copy>(families: &[&'static [T]], code: impl Fn(&T) -> &'static str) -> Vec<T> {
    let mut rest: Vec<&[T]> = families.to_vec();
    let mut all = Vec::with_capacity(rest.iter().map(|f| f.len()).sum());
    while let Some(family) = rest
        .iter_mut()
        .filter(|f| !f.is_empty())
        .min_by_key(|f| f.first().map(&code))
    {
        if let Some((first, tail)) = family.split_first() {
            all.push(*first);
            *family = tail;
        }
    }
    all
}

fn find<T>(all: &'static [T], code: &str, key: impl Fn(&T) -> &'static str) -> Option<&'static T> {
    all.binary_search_by(|r| key(r).cmp(code))
        .ok()
        .and_then(|i| all.get(i))
}

/// Every rule, ordered by code.
pub fn all() -> &'static [Rule] {
    static ALL: OnceLock<Vec<Rule>> = OnceLock::new();
    ALL.get_or_init(|| merged(FAMILIES, |r| r.code))
}

/// The rule for `code`.
pub fn rule(code: &str) -> Option<&'static Rule> {
    find(all(), code, |r| r.code)
}

/// The template of the rule `code` (see [`Template`]); `None` for a code no family declares.
pub fn template(code: &str) -> Option<&'static Template> {
    static ALL: OnceLock<Vec<Template>> = OnceLock::new();
    find(
        ALL.get_or_init(|| merged(TEMPLATE_FAMILIES, |t| t.code)),
        code,
        |t| t.code,
    )
}

/// Fills `{name}` placeholders from `context`.
pub fn render_message(
    template: &str,
    context: &std::collections::BTreeMap<String, serde_json::Value>,
) -> String {
    let mut out = template.to_owned();
    for (key, value) in context {
        let text = match value {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        out = out.replace(&format!("{{{key}}}"), &text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_family_lists_its_rules_in_code_order() {
        for family in FAMILIES {
            assert!(
                family.windows(2).all(|w| w[0].code < w[1].code),
                "{:?}",
                family.iter().map(|r| r.code).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn templates_are_the_rules_without_their_docs() {
        assert_eq!(FAMILIES.len(), TEMPLATE_FAMILIES.len());
        for (rules, templates) in FAMILIES.iter().zip(TEMPLATE_FAMILIES) {
            assert_eq!(rules.len(), templates.len());
            for (r, t) in rules.iter().zip(templates.iter()) {
                assert_eq!(
                    (r.code, r.slug, r.principle, r.severity, r.message, r.fix),
                    (t.code, t.slug, t.principle, t.severity, t.message, t.fix)
                );
            }
        }
        for r in all() {
            assert_eq!(template(r.code).map(|t| t.code), Some(r.code));
        }
        assert!(template("F999").is_none());
    }

    #[test]
    fn every_code_finds_its_rule() {
        for r in all() {
            assert_eq!(rule(r.code).map(|f| f.slug), Some(r.slug));
        }
        assert!(rule("F999").is_none());
        assert_eq!(
            rule(crate::structural::NO_STATEMENTS.as_str()).map(|r| r.code),
            Some("I001")
        );
    }

    #[test]
    fn codes_are_unique_sorted_and_well_formed() {
        let codes: Vec<_> = all().iter().map(|r| r.code).collect();
        assert_eq!(codes.len(), 136);
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted);
        for r in all() {
            let mut chars = r.code.chars();
            let letter = chars.next().unwrap();
            if letter != 'X' {
                assert_eq!(
                    format!("{:?}", r.principle.letter()),
                    letter.to_string(),
                    "{}",
                    r.code
                );
            }
            assert!(
                chars.all(|c| c.is_ascii_digit()) && r.code.len() == 4,
                "{}",
                r.code
            );
            assert!(r.slug.chars().all(|c| c.is_ascii_lowercase() || c == '-'));
        }
    }
}
