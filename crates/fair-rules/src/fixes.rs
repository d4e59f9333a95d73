//! Machine-applicable fixes: for the codes whose finding has one right answer, the edit that
//! makes it (a deprecated SPDX id → its successor, an obsolete EDAM term → its replacement, an
//! identifier → its resolvable form, ...) and how safely it applies.
//!
//! The checks report what they found; this module turns a finding's context into [`Edit`]s.
//! Edits are written against the JSON text of the record (JSON-LD, bio.tools JSON, DataCite
//! JSON), located by the finding's JSON Pointer; for the other formats the advice stays
//! display-only. `fair-core`'s fixer applies them and re-checks the result.

use fair_ingest::Document;
use fair_model::{Applicability, Edit, EditTarget, Format};
use serde_json::Value;
use std::collections::BTreeMap;

/// Every code that can carry a machine-applicable fix, with the applicability it has when the
/// finding's values allow one (a finding may still be display-only: an obsolete term with two
/// replacements, an unknown property with no clear suggestion, a Turtle input).
pub const FIXABLE: &[(&str, Applicability)] = &[
    ("F011", Applicability::Safe),
    ("I006", Applicability::Safe),
    ("I103", Applicability::Safe),
    ("I104", Applicability::Safe),
    ("I111", Applicability::Safe),
    ("I120", Applicability::Unsafe),
    ("I121", Applicability::Unsafe),
    ("R010", Applicability::Safe),
    ("R013", Applicability::Safe),
];

/// What the fix of each code of [`FIXABLE`] does, for `fairlint rules` (apart from the table,
/// so that a build that never lists the rules does not embed it).
const WHAT: &[(&str, &str)] = &[
    ("F011", "rewrites the identifier in its resolvable form (unsafe when the identifier is the @id of a node the record describes or refers to twice)"),
    ("I006", "replaces the moving context alias with the released context's IRI"),
    ("I103", "replaces the obsolete EDAM term with its single replacedBy term"),
    ("I104", "replaces the name with the term's EDAM preferred label"),
    ("I111", "replaces the deprecated ontology term with its single replacement"),
    ("I120", "renames the unknown schema.org type to the one suggested"),
    ("I121", "renames the unknown schema.org property to the one suggested"),
    ("R010", "replaces the deprecated SPDX id with its successor"),
    ("R013", "writes the SPDX expression as its resolvable URL"),
];

/// The applicability of `code`'s fix, if it has one.
pub fn applicability(code: &str) -> Option<Applicability> {
    FIXABLE.iter().find(|(c, _)| *c == code).map(|(_, a)| *a)
}

/// How `code` can be fixed, if at all: its applicability and what the fix does.
pub fn fixability(code: &str) -> Option<(Applicability, &'static str)> {
    let what = WHAT.iter().find(|(c, _)| *c == code).map_or("", |(_, w)| w);
    applicability(code).map(|a| (a, what))
}

/// Whether fixes can be placed in `doc`'s text: the JSON formats. (DataCite XML parses as
/// [`Format::DataCite`] too; the fixer finds no JSON there and reports the fix unplaced.)
fn editable(doc: &Document) -> bool {
    matches!(
        doc.format(),
        Format::JsonLd | Format::BioTools | Format::DataCite
    )
}

fn text<'a>(context: &'a BTreeMap<String, Value>, key: &str) -> Option<&'a str> {
    context
        .get(key)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
}

fn value_edit(find: &str, replace: &str, within: bool) -> Option<Edit> {
    (find != replace).then(|| Edit {
        target: EditTarget::Value,
        find: find.to_owned(),
        replace: replace.to_owned(),
        within,
    })
}

/// The local part of an IRI: after its last `/`, `#` or `:`.
fn local_name(iri: &str) -> &str {
    iri.rsplit(['/', '#', ':']).next().unwrap_or(iri)
}

/// An SPDX id (no spaces, no operators): a replacement that fits wherever the old id stood,
/// in a bare string as in a URL.
fn single_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '+'))
}

/// `node` (N-Triples syntax) is a node whose identity a rewrite of one occurrence would change:
/// an IRI the record describes (the subject of statements) or refers to more than once.
fn shared_node(doc: &Document, node: Option<&str>) -> bool {
    let Some(iri) = node
        .and_then(|v| v.strip_prefix('<'))
        .and_then(|v| v.strip_suffix('>'))
    else {
        return false;
    };
    let node = oxrdf::NamedNodeRef::new_unchecked(iri);
    let graph = doc.graph();
    graph.triples_for_subject(node).next().is_some()
        || graph.triples_for_object(node).nth(1).is_some()
}

/// The machine-applicable fix of a finding of `code` with `context` (the values its message is
/// rendered from), `focus` and `value` (N-Triples syntax), on `doc`: its applicability and edits, or
/// `None` when the finding has no single right answer there.
pub fn fix_for(
    code: &str,
    context: &BTreeMap<String, Value>,
    focus: Option<&str>,
    value: Option<&str>,
    doc: &Document,
) -> Option<(Applicability, Vec<Edit>)> {
    if !editable(doc) {
        return None;
    }
    let mut applicability = applicability(code)?;
    let edit = match code {
        "R010" => {
            let id = text(context, "id")?;
            let mut replacement = text(context, "replacement")?;
            // `GPL-3.0` (no `+`) named the licence without "or any later version": its
            // mechanical successor is `GPL-3.0-only`; choosing `-or-later` is the author's call.
            if let Some(rest) = replacement.strip_prefix(id) {
                if rest.starts_with("-only or ") {
                    replacement = &replacement[..id.len() + "-only".len()];
                }
            }
            if !single_id(replacement) {
                return None;
            }
            value_edit(id, replacement, true)
        }
        "R013" => value_edit(text(context, "licence")?, text(context, "url")?, false),
        "F011" => {
            let identifier = text(context, "identifier")?;
            // The identifier is a value, or the IRI of the focus node itself.
            let own = focus.filter(|f| {
                f.strip_prefix('<')
                    .and_then(|f| f.strip_suffix('>'))
                    .is_some_and(|iri| iri == identifier)
            });
            let node = value.or(own);
            // (A crosswalked record writes the identifier once; its graph is built from it.)
            if doc.format() == Format::JsonLd && shared_node(doc, node) {
                applicability = Applicability::Unsafe;
            }
            value_edit(identifier, text(context, "preferred")?, false)
        }
        "I006" => value_edit(
            text(context, "alias")?,
            text(context, "release_iri")?,
            false,
        ),
        "I103" | "I111" => {
            let replaced: Vec<&str> = context
                .get("replaced_by")?
                .as_array()?
                .iter()
                .filter_map(Value::as_str)
                .collect();
            let [replacement] = replaced[..] else {
                return None;
            };
            let term = text(context, "term")?;
            // The term may be written in full, as a compact IRI or as its local id: replace
            // the local id where it stands (an ontology term is not a node of the record, so
            // renaming it keeps the description attached where it is written).
            value_edit(local_name(term), local_name(replacement), true).filter(|_| {
                replacement.strip_suffix(local_name(replacement))
                    == term.strip_suffix(local_name(term))
            })
        }
        "I104" => value_edit(text(context, "name")?, text(context, "label")?, false),
        "I120" | "I121" => {
            let written = text(context, if code == "I120" { "class" } else { "property" })?;
            let suggestion = text(context, "suggestion")?
                .strip_prefix('\'')?
                .strip_suffix('\'')?;
            let mut edit = value_edit(written, suggestion, true)?;
            if code == "I121" {
                edit.target = EditTarget::Key;
            }
            Some(edit)
        }
        _ => None,
    }?;
    Some((applicability, vec![edit]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fixable_code_is_a_rule() {
        for (code, _) in FIXABLE {
            assert!(crate::registry::rule(code).is_some(), "{code}");
            assert!(!fixability(code).unwrap().1.is_empty(), "{code}");
        }
        assert_eq!(FIXABLE.len(), WHAT.len());
    }

    #[test]
    fn ids_and_local_names() {
        assert!(single_id("GPL-3.0-only"));
        assert!(!single_id("GPL-2.0-or-later WITH WxWindows-exception-3.1"));
        assert_eq!(
            local_name("http://edamontology.org/topic_0091"),
            "topic_0091"
        );
        assert_eq!(local_name("edam:topic_0091"), "topic_0091");
    }
}
