//! The rule registry: every code fairlint can report, with its meaning. Codes are never reused
//! or renumbered; removed codes stay here with status `Removed`.

mod edam;
mod identifiers;
mod licences;
pub(crate) mod ontology;
mod schemaorg;
pub(crate) mod shapes;
mod structural;

pub(crate) use structural::check as check_structure;

/// Vocabulary and identifier checks against the bundled reference data (identifiers, EDAM,
/// schema.org, licences) and the engine's user ontologies.
pub(crate) fn check_vocab(
    doc: &crate::document::Document,
    ontologies: &[ontology::Ontology],
    sink: &mut crate::report::FindingSink<'_>,
) {
    let graph = doc.graph();
    identifiers::check(graph, sink);
    edam::check(graph, sink);
    schemaorg::check(graph, sink);
    licences::check_graph(graph, sink);
    ontology::check(graph, ontologies, sink);
}

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
        code: "F010",
        slug: "invalid-identifier",
        principle: Principle::F1,
        severity: Severity::Error,
        status: Status::Preview,
        since: "0.1.0",
        message: "'{identifier}' is not a valid {scheme}: {reason}",
        fix: "Correct the {scheme} against its source record; its resolvable form looks like {form}",
        summary: "Identifiers recognised as DOI, ORCID, ISNI, ROR, Handle, ARK, PURL, w3id, URN, UUID, RRID or bio.tools ID are well formed, with valid check characters.",
    },
    Rule {
        code: "F011",
        slug: "identifier-not-resolvable-form",
        principle: Principle::F1,
        severity: Severity::Info,
        status: Status::Preview,
        since: "0.1.0",
        message: "{scheme} '{identifier}' is valid but not written in its resolvable form",
        fix: "Write it as {preferred}",
        summary: "Valid identifiers are written as resolvable HTTPS URIs (https://doi.org/..., https://orcid.org/...).",
    },
    Rule {
        code: "F012",
        slug: "unknown-identifier-prefix",
        principle: Principle::F1,
        severity: Severity::Warning,
        status: Status::Preview,
        since: "0.1.0",
        message: "'{identifier}' uses the prefix '{prefix}', which the Bioregistry does not know",
        fix: "Use a prefix registered in the Bioregistry (https://bioregistry.io) or write the identifier as a full resolvable URI",
        summary: "CURIEs and identifiers.org / Bioregistry URIs use a registered prefix.",
    },
    Rule {
        code: "F013",
        slug: "identifier-pattern-mismatch",
        principle: Principle::F1,
        severity: Severity::Error,
        status: Status::Preview,
        since: "0.1.0",
        message: "Local identifier '{local_id}' in '{identifier}' does not match the pattern {pattern} of prefix '{prefix}'",
        fix: "Check the identifier against its source; identifiers of '{prefix}' match {pattern}",
        summary: "The local part of a CURIE matches its Bioregistry prefix's pattern.",
    },
    Rule {
        code: "F014",
        slug: "deprecated-identifier-prefix",
        principle: Principle::F1,
        severity: Severity::Warning,
        status: Status::Preview,
        since: "0.1.0",
        message: "'{identifier}' uses the prefix '{prefix}', which the Bioregistry marks deprecated",
        fix: "Use an identifier from the resource that replaced '{prefix}'; the Bioregistry form is {preferred}",
        summary: "CURIEs do not use deprecated Bioregistry prefixes.",
    },
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
        code: "I101",
        slug: "edam-unknown-term",
        principle: Principle::I2,
        severity: Severity::Error,
        status: Status::Preview,
        since: "0.1.0",
        message: "'{term}' is not a term of EDAM",
        fix: "Use an existing EDAM concept (search https://edamontology.github.io/edam-browser/) and write it as http://edamontology.org/<branch>_<number>",
        summary: "EDAM terms exist in the bundled EDAM release.",
    },
    Rule {
        code: "I102",
        slug: "edam-wrong-branch",
        principle: Principle::I2,
        severity: Severity::Error,
        status: Status::Preview,
        since: "0.1.0",
        message: "{property} expects a term from EDAM's {expected} branch, but {term} ('{label}') is from the {branch} branch",
        fix: "Replace {term} with an EDAM {expected} concept",
        summary: "EDAM terms come from the branch their property expects (topic, operation, data, format).",
    },
    Rule {
        code: "I103",
        slug: "edam-obsolete-term",
        principle: Principle::I2,
        severity: Severity::Warning,
        status: Status::Preview,
        since: "0.1.0",
        message: "EDAM term {term} ('{label}') is obsolete",
        fix: "Replace it with {replacement}",
        summary: "EDAM terms are not obsolete.",
    },
    Rule {
        code: "I104",
        slug: "edam-label-mismatch",
        principle: Principle::I2,
        severity: Severity::Warning,
        status: Status::Preview,
        since: "0.1.0",
        message: "The name '{name}' given for {term} is not its EDAM label '{label}' ({kind})",
        fix: "Use the preferred label '{label}' as the name of {term}, or check that the term is the one meant",
        summary: "A node naming an EDAM term uses the term's preferred label.",
    },
    Rule {
        code: "I110",
        slug: "ontology-unknown-term",
        principle: Principle::I2,
        severity: Severity::Warning,
        status: Status::Preview,
        since: "0.1.0",
        message: "{term} is in the namespace of ontology {ontology} but is not one of its terms",
        fix: "Use a term the ontology {ontology} defines",
        summary: "IRIs in a user-supplied ontology's namespace are terms of that ontology.",
    },
    Rule {
        code: "I111",
        slug: "ontology-obsolete-term",
        principle: Principle::I2,
        severity: Severity::Warning,
        status: Status::Preview,
        since: "0.1.0",
        message: "{term} is deprecated in ontology {ontology}",
        fix: "Replace it with {replacement}",
        summary: "Terms of user-supplied ontologies are not deprecated.",
    },
    Rule {
        code: "I120",
        slug: "schemaorg-unknown-class",
        principle: Principle::I2,
        severity: Severity::Error,
        status: Status::Preview,
        since: "0.1.0",
        message: "schema.org has no type '{class}'",
        fix: "Did you mean {suggestion}?",
        summary: "Types in the schema.org namespace exist in schema.org or Bioschemas.",
    },
    Rule {
        code: "I121",
        slug: "schemaorg-unknown-property",
        principle: Principle::I2,
        severity: Severity::Warning,
        status: Status::Preview,
        since: "0.1.0",
        message: "schema.org has no property '{property}'",
        fix: "Did you mean {suggestion}?",
        summary: "Properties in the schema.org namespace exist in schema.org or Bioschemas.",
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
        code: "R010",
        slug: "deprecated-spdx-licence",
        principle: Principle::R1_1,
        severity: Severity::Warning,
        status: Status::Preview,
        since: "0.1.0",
        message: "Licence '{licence}' uses the deprecated SPDX id {id}",
        fix: "Use {replacement} (https://spdx.org/licenses/)",
        summary: "Licences do not use deprecated SPDX identifiers.",
    },
    Rule {
        code: "R011",
        slug: "licence-not-machine-readable",
        principle: Principle::R1_1,
        severity: Severity::Warning,
        status: Status::Preview,
        since: "0.1.0",
        message: "Licence '{licence}' is free text, not an SPDX identifier, SPDX expression or licence URL",
        fix: "Give the licence as an SPDX URL such as https://spdx.org/licenses/CC-BY-4.0 (see https://spdx.org/licenses/), or the URL of the licence text",
        summary: "Licences are machine-readable: SPDX identifiers, expressions or licence URLs.",
    },
    Rule {
        code: "R012",
        slug: "unknown-spdx-licence",
        principle: Principle::R1_1,
        severity: Severity::Error,
        status: Status::Preview,
        since: "0.1.0",
        message: "'{licence}' names '{id}', which is not in the SPDX License List",
        fix: "Use an identifier from https://spdx.org/licenses/ (identifiers are case-sensitive in URLs)",
        summary: "SPDX licence URLs name licences of the SPDX License List.",
    },
    Rule {
        code: "R013",
        slug: "licence-not-a-url",
        principle: Principle::R1_1,
        severity: Severity::Info,
        status: Status::Preview,
        since: "0.1.0",
        message: "Licence '{licence}' is an SPDX expression written as a string, not a resolvable URL",
        fix: "Write it as {url}",
        summary: "SPDX licences are given as resolvable URLs.",
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
