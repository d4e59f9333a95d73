//! EDAM checks (I101–I104) against the bundled EDAM release.
//!
//! *What it checks*: every EDAM term in a record, in any spelling
//! (`http(s)://edamontology.org/topic_0091`, `EDAM:topic_0091`, `edam:topic_0091`, as an IRI or
//! a string): the term exists (I101); it is from the branch the property expects —
//! `applicationSubCategory` → Topic, `featureList` → Operation, `FormalParameter`
//! `additionalType` → Data, `encodingFormat` → Format, Bioschemas `input`/`output` → Data or
//! Format (I102); it is not obsolete, else its replacement (`replacedBy`, or `consider`) is
//! given (I103); a `DefinedTerm`-like node's `name` matches the term's preferred label, not a
//! synonym or another label (I104).
//!
//! *Why it matters*: I2 — (meta)data use vocabularies that follow the FAIR principles. Tools and
//! data are found by EDAM annotations only when the terms are current and in the right branch.
//!
//! *Fix safety*: display only.

use crate::pass::{CheckContext, Pass};
use crate::refdata::{self, Branch};
use crate::sink::FindingSink;
use crate::vocab;
use fair_graph::Graph;
use oxrdf::TermRef;
use serde_json::json;

crate::registry::rules! {
    EDAM_UNKNOWN_TERM = "I101" {
        slug: "edam-unknown-term",
        principle: I2,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "'{term}' is not a term of EDAM",
        fix: "Use an existing EDAM concept (search https://edamontology.github.io/edam-browser/) and write it as http://edamontology.org/<branch>_<number>",
        summary: "EDAM terms exist in the bundled EDAM release.",
    }
    EDAM_WRONG_BRANCH = "I102" {
        slug: "edam-wrong-branch",
        principle: I2,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "{property} expects a term from EDAM's {expected} branch, but {term} ('{label}') is from the {branch} branch",
        fix: "Replace {term} with an EDAM {expected} concept",
        summary: "EDAM terms come from the branch their property expects (topic, operation, data, format).",
    }
    EDAM_OBSOLETE_TERM = "I103" {
        slug: "edam-obsolete-term",
        principle: I2,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "EDAM term {term} ('{label}') is obsolete",
        fix: "Replace it with {replacement}",
        summary: "EDAM terms are not obsolete.",
    }
    EDAM_LABEL_MISMATCH = "I104" {
        slug: "edam-label-mismatch",
        principle: I2,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The name '{name}' given for {term} is not its EDAM label '{label}' ({kind})",
        fix: "Use the preferred label '{label}' as the name of {term}, or check that the term is the one meant",
        summary: "A node naming an EDAM term uses the term's preferred label.",
    }
}

const EDAM_NS: &str = "http://edamontology.org/";

/// The EDAM id (`topic_0091`) in an IRI or string, if it is written as an EDAM term.
pub fn parse(value: &str) -> Option<&str> {
    let v = value.trim();
    let local = v
        .strip_prefix("http://edamontology.org/")
        .or_else(|| v.strip_prefix("https://edamontology.org/"))
        .or_else(|| v.strip_prefix("http://www.edamontology.org/"))
        .or_else(|| v.strip_prefix("https://www.edamontology.org/"))
        .or_else(|| v.strip_prefix("EDAM:"))
        .or_else(|| v.strip_prefix("edam:"))?;
    let local = local.trim_end_matches('/');
    (!local.is_empty() && !local.contains(['/', '#', ' '])).then_some(local)
}

/// Branches the property accepts (`None`: any).
fn expected(predicate: &str, subject_types: &[&str]) -> Option<&'static [Branch]> {
    let local = predicate
        .strip_prefix(vocab::SCHEMA)
        .or_else(|| predicate.strip_prefix("http://bioschemas.org/"))
        .or_else(|| predicate.strip_prefix("https://bioschemas.org/"))?;
    match local {
        "applicationSubCategory" => Some(&[Branch::Topic]),
        "featureList" => Some(&[Branch::Operation]),
        "encodingFormat" => Some(&[Branch::Format]),
        "input" | "output" => Some(&[Branch::Data, Branch::Format]),
        "additionalType" if subject_types.iter().any(|t| t.ends_with("FormalParameter")) => {
            Some(&[Branch::Data])
        }
        _ => None,
    }
}

fn term_text(term: TermRef<'_>) -> Option<&str> {
    match term {
        TermRef::NamedNode(n) => Some(n.as_str()),
        TermRef::Literal(l) => Some(l.value()),
        _ => None,
    }
}

fn iri(id: &str) -> String {
    format!("{EDAM_NS}{id}")
}

pub fn check(graph: &Graph, sink: &mut FindingSink<'_>) {
    let data = refdata::get();
    let rdf_type = oxrdf::NamedNodeRef::new_unchecked(vocab::RDF_TYPE);
    for t in graph.iter() {
        let Some(text) = term_text(t.object) else {
            continue;
        };
        let Some(id) = parse(text) else {
            continue;
        };
        // Written out only for a finding: most EDAM terms of a record are fine.
        let focus = || t.subject.to_string();
        let path = || format!("<{}>", t.predicate.as_str());
        let value = || t.object.to_string();
        let Some(term) = data.edam.get(id) else {
            sink.report(EDAM_UNKNOWN_TERM)
                .focus(focus())
                .path(path())
                .value(value())
                .context(json!({ "term": text }))
                .emit();
            continue;
        };
        if term.obsolete {
            let replaced: Vec<String> = term.replaced_by().map(iri).collect();
            let consider: Vec<String> = term.consider().map(iri).collect();
            let replacement = if !replaced.is_empty() {
                replaced.join(" or ")
            } else if !consider.is_empty() {
                format!("one of {}", consider.join(", "))
            } else {
                "a current EDAM term".to_owned()
            };
            sink.report(EDAM_OBSOLETE_TERM)
                .focus(focus())
                .path(path())
                .value(value())
                .context(
                    json!({ "term": iri(id), "label": term.label, "replaced_by": replaced,
                        "consider": consider, "replacement": replacement }),
                )
                .emit();
        }
        let types: Vec<&str> = graph
            .objects_for_subject_predicate(t.subject, rdf_type)
            .filter_map(|o| match o {
                TermRef::NamedNode(n) => Some(n.as_str()),
                _ => None,
            })
            .collect();
        if let (Some(allowed), Some(branch)) =
            (expected(t.predicate.as_str(), &types), Branch::of(id))
        {
            if !allowed.contains(&branch) {
                let names: Vec<&str> = allowed.iter().map(|b| b.name()).collect();
                sink.report(EDAM_WRONG_BRANCH).focus(focus()).path(path()).value(value()).context(json!({ "term": iri(id), "label": term.label,
                            "branch": if term.identifier { "Identifier (Data)" } else { branch.name() },
                            "expected": names.join(" or "),
                            "property": t.predicate.as_str().rsplit(['/', '#']).next().unwrap_or("") })).emit();
            }
        }
    }
    labels(graph, sink);
}

/// I104: a node naming an EDAM term whose `name` is not the term's preferred label.
fn labels(graph: &Graph, sink: &mut FindingSink<'_>) {
    let data = refdata::get();
    let name_predicates = [
        format!("{}name", vocab::SCHEMA),
        "http://www.w3.org/2000/01/rdf-schema#label".to_owned(),
    ];
    let id_predicates = [
        format!("{}termCode", vocab::SCHEMA),
        format!("{}url", vocab::SCHEMA),
        format!("{}sameAs", vocab::SCHEMA),
        format!("{}identifier", vocab::SCHEMA),
    ];
    let mut seen = std::collections::BTreeSet::new();
    for t in graph.iter() {
        if !name_predicates.iter().any(|p| p == t.predicate.as_str()) {
            continue;
        }
        let TermRef::Literal(name) = t.object else {
            continue;
        };
        let subject = t.subject;
        let mut ids: Vec<&str> = Vec::new();
        if let oxrdf::NamedOrBlankNodeRef::NamedNode(n) = subject {
            ids.extend(parse(n.as_str()));
        }
        for p in &id_predicates {
            for o in
                graph.objects_for_subject_predicate(subject, oxrdf::NamedNodeRef::new_unchecked(p))
            {
                if let Some(text) = term_text(o) {
                    ids.extend(parse(text).or_else(|| {
                        (p.ends_with("termCode") && Branch::of(text).is_some()).then_some(text)
                    }));
                }
            }
        }
        for id in ids {
            let Some(term) = data.edam.get(id) else {
                continue;
            };
            if term.obsolete {
                continue;
            }
            let given = name.value().trim();
            if given.eq_ignore_ascii_case(term.label) {
                continue;
            }
            let kind = if term.synonyms().any(|s| s.eq_ignore_ascii_case(given)) {
                "synonym"
            } else {
                "different"
            };
            if !seen.insert((subject.to_string(), id.to_owned(), given.to_owned())) {
                continue;
            }
            sink.report(EDAM_LABEL_MISMATCH)
                .focus(subject.to_string())
                .path(format!("<{}>", t.predicate.as_str()))
                .value(t.object.to_string())
                .context(
                    json!({ "term": iri(id), "name": given, "label": term.label, "kind": kind }),
                )
                .emit();
        }
    }
}

/// The EDAM checks as a pass.
pub struct Edam;

impl Pass for Edam {
    fn run(&self, cx: &CheckContext<'_>, sink: &mut FindingSink<'_>) {
        check(cx.doc.graph(), sink);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings() {
        for v in [
            "http://edamontology.org/topic_0091",
            "https://edamontology.org/topic_0091",
            "EDAM:topic_0091",
            "edam:topic_0091",
        ] {
            assert_eq!(parse(v), Some("topic_0091"), "{v}");
        }
        assert_eq!(parse("https://example.org/topic_0091"), None);
    }

    #[test]
    fn reference_data() {
        let d = refdata::get();
        // operation_3202 (obsolete in EDAM 1.25, listed in the bio.tools index).
        let t = d.edam.get("operation_3202").unwrap();
        assert!(t.obsolete);
        assert!(t.replaced_by().chain(t.consider()).next().is_some());
        let t = d.edam.get("format_1929").unwrap();
        assert_eq!(t.label, "FASTA");
        assert_eq!(Branch::of("format_1929"), Some(Branch::Format));
    }
}
