//! schema.org vocabulary checks (I120, I121) against the bundled schema.org term list plus
//! Bioschemas' types and properties.
//!
//! *What it checks*: every class (`rdf:type` object) and property in the schema.org namespace
//! (`http://schema.org/`, `https://` is normalised to it) is a schema.org or Bioschemas term.
//! With the schema.org context, an unknown JSON key becomes a schema.org IRI through `@vocab`,
//! so this is where typos show: `licence` → did you mean `license`? `creater` → `creator`?
//!
//! *Why it matters*: I2 — (meta)data use vocabularies that follow the FAIR principles. A
//! property no vocabulary defines is ignored by every consumer.
//!
//! *Fix safety*: display only (the suggestion is the closest known term by edit distance).

use crate::pass::{CheckContext, Pass};
use crate::refdata::{self, TermKind};
use crate::sink::FindingSink;
use crate::vocab;
use fair_graph::Graph;
use oxrdf::TermRef;
use serde_json::json;
use std::collections::BTreeSet;

crate::registry::rules! {
    SCHEMAORG_UNKNOWN_CLASS = "I120" {
        slug: "schemaorg-unknown-class",
        principle: I2,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "schema.org has no type '{class}'",
        fix: "Did you mean {suggestion}?",
        summary: "Types in the schema.org namespace exist in schema.org or Bioschemas.",
    }
    SCHEMAORG_UNKNOWN_PROPERTY = "I121" {
        slug: "schemaorg-unknown-property",
        principle: I2,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "schema.org has no property '{property}'",
        fix: "Did you mean {suggestion}?",
        summary: "Properties in the schema.org namespace exist in schema.org or Bioschemas.",
    }
}

/// Levenshtein distance (case-insensitive).
#[cfg(test)]
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.to_lowercase().chars().collect();
    bounded_distance(&a, b, usize::MAX - 1, &mut Rows::default()).unwrap_or(usize::MAX)
}

/// The buffers of [`bounded_distance`], reused from one name to the next.
#[derive(Default)]
struct Rows {
    b: Vec<char>,
    prev: Vec<usize>,
    cur: Vec<usize>,
}

/// The Levenshtein distance between `a` (lower-cased characters) and `b` (lower-cased here),
/// or `None` as soon as it must exceed `limit`: a row's least value never decreases further
/// down, and the distance is at least the difference in length.
fn bounded_distance(a: &[char], b: &str, limit: usize, rows: &mut Rows) -> Option<usize> {
    let Rows { b: bc, prev, cur } = rows;
    bc.clear();
    if b.is_ascii() {
        bc.extend(b.bytes().map(|c| char::from(c.to_ascii_lowercase())));
    } else {
        bc.extend(b.to_lowercase().chars());
    }
    if a.len().abs_diff(bc.len()) > limit {
        return None;
    }
    prev.clear();
    prev.extend(0..=bc.len());
    cur.clear();
    cur.resize(bc.len() + 1, 0);
    for (i, ca) in a.iter().enumerate() {
        if let Some(c) = cur.first_mut() {
            *c = i + 1;
        }
        for (j, cb) in bc.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let del = prev.get(j + 1).copied().unwrap_or(usize::MAX) + 1;
            let ins = cur.get(j).copied().unwrap_or(usize::MAX) + 1;
            let sub = prev.get(j).copied().unwrap_or(usize::MAX) + cost;
            if let Some(c) = cur.get_mut(j + 1) {
                *c = del.min(ins).min(sub);
            }
        }
        std::mem::swap(prev, cur);
        if prev.iter().min().is_some_and(|&m| m > limit) {
            return None;
        }
    }
    prev.last().copied()
}

/// The closest known term of `kind`, if close enough to be a typo (ties: the first in code
/// point order).
pub fn suggest(name: &str, kind: TermKind) -> Option<&'static str> {
    let limit = (name.chars().count() / 3).clamp(1, 3);
    let a: Vec<char> = name.to_lowercase().chars().collect();
    let mut rows = Rows::default();
    refdata::get()
        .schema_names(kind)
        .filter_map(|n| Some((bounded_distance(&a, n, limit, &mut rows)?, n)))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, n)| n)
}

fn known(name: &str) -> bool {
    refdata::get().schema_terms.contains_key(name)
}

pub fn check(graph: &Graph, sink: &mut FindingSink<'_>) {
    let rdf_type = oxrdf::NamedNodeRef::new_unchecked(vocab::RDF_TYPE);
    let mut reported = BTreeSet::new();
    for t in graph.iter() {
        if let Some(local) = t.predicate.as_str().strip_prefix(vocab::SCHEMA) {
            if !local.is_empty()
                && !known(local)
                && reported.insert((t.subject.to_string(), local.to_owned()))
            {
                let suggestion = suggest(local, TermKind::Property);
                sink.report(SCHEMAORG_UNKNOWN_PROPERTY).focus(t.subject.to_string()).path(format!("<{}>", t.predicate.as_str())).context(json!({ "property": local,
                            "suggestion": suggestion.map_or_else(
                                || "a schema.org property (https://schema.org/docs/full.html)".to_owned(),
                                |s| format!("'{s}'")) })).emit();
            }
        }
        if t.predicate == rdf_type {
            if let TermRef::NamedNode(class) = t.object {
                if let Some(local) = class.as_str().strip_prefix(vocab::SCHEMA) {
                    if !local.is_empty() && !known(local) {
                        let suggestion = suggest(local, TermKind::Class);
                        sink.report(SCHEMAORG_UNKNOWN_CLASS).focus(t.subject.to_string()).path(format!("<{}>", vocab::RDF_TYPE)).value(t.object.to_string()).context(json!({ "class": local,
                                    "suggestion": suggestion.map_or_else(
                                        || "a schema.org type (https://schema.org/docs/full.html)".to_owned(),
                                        |s| format!("'{s}'")) })).emit();
                    }
                }
            }
        }
    }
}

/// The schema.org vocabulary checks as a pass.
pub struct SchemaOrg;

impl Pass for SchemaOrg {
    fn run(&self, cx: &CheckContext<'_>, sink: &mut FindingSink<'_>) {
        check(cx.doc.graph(), sink);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        assert_eq!(suggest("licence", TermKind::Property), Some("license"));
        assert_eq!(suggest("creater", TermKind::Property), Some("creator"));
        assert_eq!(suggest("Datset", TermKind::Class), Some("Dataset"));
        assert_eq!(suggest("zzzzzzzzzzzz", TermKind::Property), None);
        assert!(known("ComputationalWorkflow"));
        assert!(known("license"));
        assert!(!known("licence"));
    }

    /// The bounded search gives what computing every distance in full gives.
    #[test]
    fn suggestions_match_the_full_search() {
        let full = |name: &str, kind: TermKind| {
            let limit = (name.chars().count() / 3).clamp(1, 3);
            refdata::get()
                .schema_names(kind)
                .map(|n| (distance(name, n), n))
                .filter(|(d, _)| *d <= limit)
                .min()
                .map(|(_, n)| n)
        };
        let names = [
            "licence",
            "creater",
            "Datset",
            "x",
            "ab",
            "nmae",
            "NAME",
            "authr",
            "identifer",
            "SoftwareAplication",
            "dateModifed",
            "İstanbul",
            "ΣοφίαΣ",
            "keywrds",
            "url2",
            "zzzzzzzzzzzz",
            "codeRepo",
            "programingLanguage",
            "Persn",
            "Organisation",
        ];
        for name in names {
            for kind in [TermKind::Property, TermKind::Class] {
                assert_eq!(suggest(name, kind), full(name, kind), "{name} {kind:?}");
            }
        }
    }

    #[test]
    fn edit_distance() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("Name", "name"), 0);
    }
}
