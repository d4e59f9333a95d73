//! Which profile a record is checked against: the caller's, else the first `dct:conformsTo`
//! naming a bundled profile (or a family fairlint bundles), else a profile's JSON-LD context
//! (CodeMeta, RO-Crate), else the main resource's type, else `core`.

use super::{by_conforms_to, by_context, by_types, default_profile, Profile};
use crate::document::Document;
use crate::subject::Subject;
use crate::vocab;
use serde::Serialize;

/// How the profile was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProfileSelection {
    /// Named by the caller.
    Explicit,
    /// From the record's `dct:conformsTo`.
    ConformsTo,
    /// From the record's types or JSON shape.
    Type,
    /// Nothing else applied.
    Default,
}

/// The profile `doc` is checked against, and how it was chosen; `explicit` is the caller's.
pub fn select(
    doc: &Document,
    subject: &Subject,
    explicit: Option<&'static Profile>,
) -> (&'static Profile, ProfileSelection) {
    if let Some(p) = explicit {
        return (p, ProfileSelection::Explicit);
    }
    // The main resource's claims first, then the others in a deterministic order.
    let main = subject.typed().map(ToString::to_string);
    let mut claimed: Vec<(String, String)> = conforms_to_values(doc).collect();
    claimed.sort_by_key(|(subject, iri)| {
        (Some(subject) != main.as_ref(), subject.clone(), iri.clone())
    });
    let mut named = claimed.iter().filter_map(|(_, iri)| by_conforms_to(iri));
    if let Some(first) = named.next() {
        // An RO-Crate names its spec version on the descriptor and its profiles (Workflow
        // RO-Crate, Process Run Crate, ...) on the root: the most specific one (the one that
        // inherits the most) is checked, with everything it inherits.
        let best = named
            .filter(|p| {
                matches!(first.native, super::Native::RoCrate(_))
                    && matches!(p.native, super::Native::RoCrate(_))
            })
            .fold(first, |best, p| {
                if p.upstream.len() > best.upstream.len() {
                    p
                } else {
                    best
                }
            });
        return (best, ProfileSelection::ConformsTo);
    }
    // A bundled context that names its profile (CodeMeta, RO-Crate) counts as the record's shape.
    if let Some(p) = by_context(doc.info().contexts.iter().map(String::as_str)) {
        return (p, ProfileSelection::Type);
    }
    if let Some(p) = by_types(subject.types().iter().map(String::as_str)) {
        return (p, ProfileSelection::Type);
    }
    if let Some(p) = uncontexted_rocrate(doc) {
        return (p, ProfileSelection::ConformsTo);
    }
    (default_profile(), ProfileSelection::Default)
}

/// An RO-Crate metadata file without `@context` has no graph to claim anything in: its
/// descriptor (the `@graph` entity `ro-crate-metadata.json`) states `conformsTo` only as
/// written. That claim selects the RO-Crate profile, whose checks report the missing context.
fn uncontexted_rocrate(doc: &Document) -> Option<&'static Profile> {
    let top = doc.json()?.value.as_object()?;
    if top.contains_key("@context") {
        return None;
    }
    top.get("@graph")?
        .as_array()?
        .iter()
        .filter(|e| {
            e.get("@id")
                .and_then(serde_json::Value::as_str)
                .is_some_and(|id| {
                    id.ends_with("ro-crate-metadata.json")
                        || id.ends_with("ro-crate-metadata.jsonld")
                })
        })
        .flat_map(|e| match e.get("conformsTo") {
            Some(serde_json::Value::Array(items)) => items.iter().collect::<Vec<_>>(),
            Some(v) => vec![v],
            None => Vec::new(),
        })
        .filter_map(|v| v.get("@id").or(Some(v)).and_then(serde_json::Value::as_str))
        .find_map(by_conforms_to)
}

/// `(subject, profile IRI)` of every `dct:conformsTo` / `schema:conformsTo` statement.
pub(super) fn conforms_to_values(doc: &Document) -> impl Iterator<Item = (String, String)> + '_ {
    let graph = doc.graph();
    [vocab::DCT_CONFORMS_TO, vocab::SCHEMA_CONFORMS_TO]
        .into_iter()
        .flat_map(move |predicate| {
            graph.triples_for_predicate(oxrdf::NamedNodeRef::new_unchecked(predicate))
        })
        .filter_map(|t| {
            let iri = match t.object {
                oxrdf::TermRef::NamedNode(n) => n.as_str().to_owned(),
                oxrdf::TermRef::Literal(l) => l.value().to_owned(),
                _ => return None,
            };
            Some((t.subject.to_string(), iri))
        })
}

#[cfg(test)]
mod uncontexted_tests {
    use super::{select, ProfileSelection};
    use crate::subject::Subject;
    use fair_ingest::Document;
    use fair_model::Format;

    fn selected(json: &str) -> (&'static str, ProfileSelection) {
        let doc = Document::parse(json.as_bytes(), Format::JsonLd).expect("parses");
        let (p, by) = select(&doc, &Subject::of(&doc), None);
        (p.id, by)
    }

    #[test]
    fn an_rocrate_without_context_is_selected_by_its_descriptor_as_written() {
        let json = r#"{"@graph": [{"@id": "ro-crate-metadata.json", "@type": "CreativeWork",
            "conformsTo": {"@id": "https://w3id.org/ro/crate/1.1"}, "about": {"@id": "./"}}]}"#;
        assert_eq!(
            selected(json),
            ("ro-crate-1.1", ProfileSelection::ConformsTo)
        );
        // With a context the graph's claims decide; without a descriptor claim, the default.
        let other = r#"{"@graph": [{"@id": "record.json", "conformsTo": {"@id": "https://w3id.org/ro/crate/1.1"}}]}"#;
        assert_ne!(selected(other).0, "ro-crate-1.1");
    }
}
