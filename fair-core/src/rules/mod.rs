//! The rule registry: every code fairlint can report, with its meaning. Codes are never reused
//! or renumbered; removed codes stay here with status `Removed`.

pub(crate) mod shapes;
mod structural;

pub(crate) use structural::check as check_structure;

use crate::finding::{Principle, Severity};
use serde::Serialize;

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

/// Base of the rule documentation pages; a finding's `url` is this plus the code.
pub const DOCS_BASE: &str = "https://fairlint.readthedocs.io/en/latest/rules/";

/// Every rule, ordered by code.
pub const RULES: &[Rule] = &[
    Rule {
        code: "I001",
        slug: "no-statements",
        principle: Principle::I1,
        severity: Severity::Error,
        status: Status::Preview,
        since: "0.1.0",
        message: "The {format} input parsed but yields no RDF statements",
        fix: "Describe the record in a knowledge-representation language: for JSON, add a JSON-LD \"@context\" such as \"https://schema.org/\" so keys become properties",
        summary: "The document yields at least one RDF statement.",
    },
    Rule {
        code: "I002",
        slug: "no-typed-resource",
        principle: Principle::I1,
        severity: Severity::Error,
        status: Status::Preview,
        since: "0.1.0",
        message: "No resource in the document has a type ({triples} statements, none of them rdf:type)",
        fix: "Give the main resource a class from a shared vocabulary, e.g. \"@type\": \"Dataset\" or \"@type\": \"SoftwareApplication\" with the schema.org context",
        summary: "The document describes at least one typed resource.",
    },
    Rule {
        code: "I003",
        slug: "undefined-prefix",
        principle: Principle::I1,
        severity: Severity::Warning,
        status: Status::Preview,
        since: "0.1.0",
        message: "'{iri}' looks like a compact IRI whose prefix '{prefix}' is not defined, so it was read as an IRI with the unknown scheme '{prefix}:'",
        fix: "Declare the prefix in the JSON-LD @context (or with @prefix in Turtle), e.g. \"{prefix}\": \"http://...\", or write the full IRI",
        summary: "Properties and classes use IRIs with known schemes, not compact IRIs with undeclared prefixes.",
    },
    Rule {
        code: "I004",
        slug: "mixed-schema-org-namespaces",
        principle: Principle::I2,
        severity: Severity::Info,
        status: Status::Preview,
        since: "0.1.0",
        message: "The document mixes http://schema.org/ and https://schema.org/; fairlint treats them as one vocabulary",
        fix: "Use one spelling throughout; schema.org's own context uses http://schema.org/",
        summary: "schema.org terms are written with one namespace spelling.",
    },
    Rule {
        code: "I005",
        slug: "dropped-key",
        principle: Principle::I1,
        severity: Severity::Warning,
        status: Status::Preview,
        since: "0.1.0",
        message: "JSON key '{key}' produced no statement: JSON-LD processing dropped it and everything under it (the @context does not define it, or its value is not valid for the term, such as free text where an IRI is expected)",
        fix: "Define '{key}' in the @context (or use the schema.org context, \"@context\": \"https://schema.org/\"), and give it a value of the kind the term expects (a full IRI for IRI-valued terms such as license or url)",
        summary: "Every JSON key of a JSON-LD record yields statements; undefined keys and invalid values are silently dropped by JSON-LD processing.",
    },
    Rule {
        code: "R001",
        slug: "no-conforms-to",
        principle: Principle::R1_3,
        severity: Severity::Warning,
        status: Status::Preview,
        since: "0.1.0",
        message: "{focus} does not state which profile it conforms to (dct:conformsTo)",
        fix: "Add \"dct:conformsTo\": {\"@id\": \"https://bioschemas.org/profiles/Dataset/1.0-RELEASE\"} (the profile your record follows) to the main resource",
        summary: "The main resource states the community profile it claims to meet.",
    },
    Rule {
        code: "X000",
        slug: "shape-constraint",
        principle: Principle::R1_3,
        severity: Severity::Error,
        status: Status::Preview,
        since: "0.1.0",
        message: "{message}",
        fix: "Change the record so that it satisfies {component} of shape {shape}",
        summary: "A result of a user-supplied SHACL shape that names no fairlint code (fair:code).",
    },
];

/// The rule for `code`.
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.code == code)
}

/// Fills `{name}` placeholders from `context`.
pub(crate) fn render_message(
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
    fn codes_are_unique_sorted_and_well_formed() {
        let codes: Vec<_> = RULES.iter().map(|r| r.code).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted);
        for r in RULES {
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
