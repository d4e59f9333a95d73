//! Identifier checks (F010–F014): DOI, ORCID, ISNI, ROR, Handle, ARK, PURL, w3id, URN, UUID,
//! RRID, bio.tools IDs, identifiers.org / Bioregistry CURIEs and URIs.
//!
//! *What it checks*: values of identifier-bearing properties (`schema:identifier`,
//! `schema:sameAs`, `schema:citation`, `dct:identifier`, ...) and every IRI in the record whose
//! host is a known identifier resolver (`doi.org`, `orcid.org`, `ror.org`, ...). Each value is
//! recognised as one scheme, then checked: syntax, check digits (ORCID / ISNI: ISO 7064
//! Mod 11-2; ROR: ISO 7064 Mod 97-10), Bioregistry prefix known, local ID matching the prefix's
//! pattern, deprecated prefixes.
//!
//! *Why it matters*: F1 — (meta)data are assigned a globally unique and persistent identifier.
//! A mistyped identifier does not resolve, so the link is lost.
//!
//! *How to fix*: every finding carries the preferred resolvable form (`context.preferred`).
//! *Fix safety*: display only.

crate::registry::rules! {
    INVALID_IDENTIFIER = "F010" {
        slug: "invalid-identifier",
        principle: F1,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "'{identifier}' is not a valid {scheme}: {reason}",
        fix: "Correct the {scheme} against its source record; its resolvable form looks like {form}",
        summary: "Identifiers recognised as DOI, ORCID, ISNI, ROR, Handle, ARK, PURL, w3id, URN, UUID, RRID or bio.tools ID are well formed, with valid check characters.",
    }
    IDENTIFIER_NOT_RESOLVABLE_FORM = "F011" {
        slug: "identifier-not-resolvable-form",
        principle: F1,
        severity: Info,
        status: Preview,
        since: "0.1.0",
        message: "{scheme} '{identifier}' is valid but not written in its resolvable form",
        fix: "Write it as {preferred}",
        summary: "Valid identifiers are written as resolvable HTTPS URIs (https://doi.org/..., https://orcid.org/...).",
    }
    UNKNOWN_IDENTIFIER_PREFIX = "F012" {
        slug: "unknown-identifier-prefix",
        principle: F1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "'{identifier}' uses the prefix '{prefix}', which the Bioregistry does not know",
        fix: "Use a prefix registered in the Bioregistry (https://bioregistry.io) or write the identifier as a full resolvable URI",
        summary: "CURIEs and identifiers.org / Bioregistry URIs use a registered prefix.",
    }
    IDENTIFIER_PATTERN_MISMATCH = "F013" {
        slug: "identifier-pattern-mismatch",
        principle: F1,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "Local identifier '{local_id}' in '{identifier}' does not match the pattern {pattern} of prefix '{prefix}'",
        fix: "Check the identifier against its source; identifiers of '{prefix}' match {pattern}",
        summary: "The local part of a CURIE matches its Bioregistry prefix's pattern.",
    }
    DEPRECATED_IDENTIFIER_PREFIX = "F014" {
        slug: "deprecated-identifier-prefix",
        principle: F1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "'{identifier}' uses the prefix '{prefix}', which the Bioregistry marks deprecated",
        fix: "Use an identifier from the resource that replaced '{prefix}'; the Bioregistry form is {preferred}",
        summary: "CURIEs do not use deprecated Bioregistry prefixes.",
    }
}

/// The outcome of recognising and checking one value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    /// Valid; `preferred` is set when the value is not written in its resolvable form.
    Valid {
        scheme: &'static str,
        preferred: Option<String>,
    },
    /// Recognised as `scheme` but malformed.
    Invalid {
        scheme: &'static str,
        reason: String,
        /// The expected shape, e.g. `https://orcid.org/0000-0000-0000-0000`.
        form: &'static str,
    },
    /// A CURIE / identifiers.org URI whose prefix Bioregistry does not know.
    UnknownPrefix { prefix: String },
    /// The local ID does not match the prefix's pattern.
    PatternMismatch {
        prefix: &'static str,
        local_id: String,
        pattern: &'static str,
    },
    /// A prefix Bioregistry marks deprecated.
    DeprecatedPrefix {
        prefix: &'static str,
        preferred: String,
    },
}

mod schemes;

use crate::pass::{CheckContext, Pass};
use crate::sink::FindingSink;
use oxrdf::{NamedNodeRef, TermRef};
use schemes::ror;
pub use schemes::{check_iri, check_value, mod11_2};
use serde_json::json;

/// Properties whose values are identifiers (literal values are checked in every form,
/// CURIEs included).
const IDENTIFIER_PROPERTIES: &[&str] = &[
    "http://schema.org/identifier",
    "http://schema.org/sameAs",
    "http://schema.org/citation",
    "http://schema.org/url",
    "http://schema.org/mainEntityOfPage",
    "http://purl.org/dc/terms/identifier",
    "http://purl.org/dc/elements/1.1/identifier",
    "http://purl.org/dc/terms/references",
    "http://www.w3.org/2002/07/owl#sameAs",
    "http://www.w3.org/ns/adms#identifier",
];

fn emit(
    sink: &mut FindingSink<'_>,
    check: Check,
    text: &str,
    focus: String,
    path: Option<String>,
    value: Option<String>,
) {
    let (code, context) = match check {
        Check::Valid {
            preferred: None, ..
        } => return,
        Check::Valid {
            scheme,
            preferred: Some(preferred),
        } => (
            IDENTIFIER_NOT_RESOLVABLE_FORM,
            json!({ "scheme": scheme, "identifier": text, "preferred": preferred }),
        ),
        Check::Invalid {
            scheme,
            reason,
            form,
        } => (
            INVALID_IDENTIFIER,
            json!({ "scheme": scheme, "identifier": text, "reason": reason, "form": form }),
        ),
        Check::UnknownPrefix { prefix } => (
            UNKNOWN_IDENTIFIER_PREFIX,
            json!({ "identifier": text, "prefix": prefix }),
        ),
        Check::PatternMismatch {
            prefix,
            local_id,
            pattern,
        } => (
            IDENTIFIER_PATTERN_MISMATCH,
            json!({ "identifier": text, "prefix": prefix, "local_id": local_id, "pattern": pattern }),
        ),
        Check::DeprecatedPrefix { prefix, preferred } => (
            DEPRECATED_IDENTIFIER_PREFIX,
            json!({ "identifier": text, "prefix": prefix, "preferred": preferred }),
        ),
    };
    sink.report(code)
        .focus(focus)
        .path(path)
        .value(value)
        .context(context)
        .emit();
}

/// Scheme hints of `schema:PropertyValue` `propertyID`s.
fn hinted(property_id: &str, value: &str) -> Option<Check> {
    let hint = property_id.trim().to_ascii_lowercase();
    let prefix = match hint.as_str() {
        "doi" => "doi:",
        "orcid" => "orcid:",
        "handle" | "hdl" => "hdl:",
        "rrid" if !value.to_ascii_lowercase().starts_with("rrid:") => "RRID:",
        "biotools" | "bio.tools" => "biotools:",
        "isni" => "ISNI ",
        _ => "",
    };
    let lower = value.to_ascii_lowercase();
    if prefix.is_empty()
        || lower.starts_with("http")
        || lower.starts_with(prefix.to_ascii_lowercase().trim())
    {
        return check_value(value);
    }
    if hint == "ror" {
        return ror(value, value.trim());
    }
    check_value(&format!("{prefix}{value}"))
}

pub fn check(doc: &crate::document::Document, sink: &mut FindingSink<'_>) {
    let graph = doc.graph();
    // The graph iterates subject by subject, so a subject is looked up once per run of its
    // triples, not once per triple.
    let mut seen_subjects = std::collections::HashSet::new();
    let mut last_subject = None;
    let property_id = NamedNodeRef::new_unchecked("http://schema.org/propertyID");
    let schema_value = "http://schema.org/value";
    for t in graph.iter() {
        if let oxrdf::NamedOrBlankNodeRef::NamedNode(s) = t.subject {
            if last_subject != Some(s.as_str()) {
                last_subject = Some(s.as_str());
                if seen_subjects.insert(s.as_str()) {
                    if let Some(c) = check_iri(s.as_str()) {
                        emit(sink, c, s.as_str(), t.subject.to_string(), None, None);
                    }
                }
            }
        }
        let predicate = t.predicate.as_str();
        // The finding's focus, path and value, written out only for a finding: most triples
        // have none, and three strings per triple were a tenth of the core checks' time.
        let parts = || {
            (
                t.subject.to_string(),
                Some(format!("<{predicate}>")),
                Some(t.object.to_string()),
            )
        };
        let identifier_property = IDENTIFIER_PROPERTIES.contains(&predicate);
        match t.object {
            // A node described in the record is checked once, as a subject.
            TermRef::NamedNode(n)
                if n.as_str().starts_with("http")
                    && graph.triples_for_subject(n).next().is_some() => {}
            TermRef::NamedNode(n) => {
                let text = n.as_str();
                let c = if identifier_property {
                    check_value(doc.written_reference(text))
                } else {
                    check_iri(text)
                };
                if let Some(c) = c {
                    let (focus, path, value) = parts();
                    emit(sink, c, doc.written_reference(text), focus, path, value);
                }
            }
            TermRef::Literal(l) if identifier_property => {
                if let Some(c) = check_value(l.value()) {
                    let (focus, path, value) = parts();
                    emit(sink, c, l.value(), focus, path, value);
                }
            }
            TermRef::Literal(l) if predicate == schema_value => {
                // With several, the least in code point order: not the graph's order.
                let hint = graph
                    .objects_for_subject_predicate(t.subject, property_id)
                    .filter_map(|o| match o {
                        TermRef::Literal(h) => Some(h.value()),
                        _ => None,
                    })
                    .min()
                    .map(str::to_owned);
                if let Some(c) = hint.and_then(|h| hinted(&h, l.value())) {
                    let (focus, path, value) = parts();
                    emit(sink, c, l.value(), focus, path, value);
                }
            }
            _ => {}
        }
    }
}

/// The identifier checks as a pass.
pub struct Identifiers;

impl Pass for Identifiers {
    fn run(&self, cx: &CheckContext<'_>, sink: &mut FindingSink<'_>) {
        check(cx.doc, sink);
    }
}

#[cfg(test)]
mod tests;
