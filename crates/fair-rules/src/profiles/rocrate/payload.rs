//! Payload existence: the local data entities of an attached crate (a directory or a zip)
//! are files and directories of its payload.
//!
//! rocrate-validator 0.13.0 `ro-crate/1.{1,2}/must/4_data_entity_metadata.py` ("Data Entity:
//! REQUIRED resource availability"): every File or Dataset entity whose `@id` is a relative
//! path MUST be present in the RO-Crate payload; web-based entities (absolute URIs, `file:`
//! ones included), local identifiers (`#...`) and absolute paths (`/...`) are not required
//! to be (for JSON-LD, the `@id` as written decides; see `SourceMap::written_id`). The check needs the
//! payload's listing, which the caller makes (the core does no I/O): without one (a bare
//! `ro-crate-metadata.json`, a detached crate) it does not run.

use super::*;
use fair_model::Payload;

const HAS_PART: &str = "http://schema.org/hasPart";
/// RO-Crate's `File` is `schema:MediaObject`.
const FILE: &str = "http://schema.org/MediaObject";

/// MUST: every local data entity (a File or Dataset, or anything the root data entity has as
/// `hasPart`, whose `@id` lies under the root's) exists in `payload`.
pub(super) fn check_payload(
    c: &mut Checker<'_, '_>,
    doc: &Document,
    root: NamedNodeRef<'_>,
    payload: &Payload,
) {
    let graph = doc.graph();
    let base = root.as_str();
    if !base.ends_with('/') {
        return;
    }
    let typed = [FILE, DATASET].into_iter().flat_map(|class| {
        graph.subjects_for_predicate_object(iri(vocab::RDF_TYPE), TermRef::NamedNode(iri(class)))
    });
    let parts = graph
        .objects_for_subject_predicate(NamedOrBlankNodeRef::NamedNode(root), iri(HAS_PART))
        .filter_map(|t| match t {
            TermRef::NamedNode(n) => Some(NamedOrBlankNodeRef::NamedNode(n)),
            _ => None,
        });
    let mut entities: Vec<NamedNodeRef<'_>> = typed
        .chain(parts)
        .filter_map(|s| match s {
            NamedOrBlankNodeRef::NamedNode(n) => Some(n),
            NamedOrBlankNodeRef::BlankNode(_) => None,
        })
        .filter(|n| !is_descriptor_iri(n.as_str(), true))
        .collect();
    entities.sort_by(|a, b| a.as_str().cmp(b.as_str()));
    entities.dedup();
    for entity in entities {
        // An absolute URI or an absolute path as written (`file:///data/x`, `/data/x`) is not
        // a payload path, even where it resolves under the root (the default base `file:///`).
        let written = doc.source_map().written_id(&entity.to_string());
        if written.is_some_and(|id| id.starts_with('/') || has_scheme(id)) {
            continue;
        }
        let Some(path) = local_path(base, entity.as_str()) else {
            continue;
        };
        let present = if path.ends_with('/') {
            payload.has_dir(&path)
        } else {
            payload.has_file(&path) || payload.has_dir(&path)
        };
        if present {
            continue;
        }
        let what = if path.ends_with('/') {
            "directory"
        } else {
            "file"
        };
        let location = id_location(doc, entity);
        c.fail_at(Failure {
            code: ROCRATE_DATA_ENTITY_NOT_IN_PAYLOAD,
            severity: Severity::Error,
            principle: Principle::A1,
            name: "DataEntityInPayload",
            focus: entity.to_string(),
            predicate: None,
            value: Some(entity.to_string()),
            message: format!(
                "the data entity's {what} '{path}' must be present in the crate's payload"
            ),
            fix: format!(
                "Add '{path}' to the crate (beside ro-crate-metadata.json), or give the entity a web address or a '#' local identifier if it is not part of the payload"
            ),
        }, location);
    }
}

/// Where `entity`'s `@id` is written: in the entity's own node object (the one that gives its
/// `@type`), else in the first reference to it; `None` (the source map's place) when the
/// document is not JSON.
fn id_location(doc: &Document, entity: NamedNodeRef<'_>) -> Option<fair_model::Location> {
    let node = entity.to_string();
    let mut location = doc.locate(&node, Some(vocab::RDF_TYPE))?.clone();
    let pointer = location.pointer.take()?;
    let object = pointer
        .strip_suffix("/@type")
        .or_else(|| pointer.strip_suffix("/type"))
        .unwrap_or(&pointer);
    location.pointer = Some(format!("{object}/@id"));
    Some(location)
}

/// The payload path `entity` names, percent-decoded, when it lies under the root `base` and is
/// a path (not the root itself, not a `#` local identifier, no query or fragment).
fn local_path(base: &str, entity: &str) -> Option<String> {
    let rest = entity.strip_prefix(base)?;
    if rest.is_empty() || rest.contains(['#', '?']) {
        return None;
    }
    Some(percent_decode(rest))
}

/// Whether `id` starts with a URI scheme (`file:`, `https:`, `doi:`), so is not a relative
/// reference.
fn has_scheme(id: &str) -> bool {
    id.split_once(':').is_some_and(|(scheme, _)| {
        scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

/// `%XX` escapes decoded as UTF-8 (the text as it is when they do not make UTF-8).
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = |j: usize| bytes.get(j).and_then(|h| (*h as char).to_digit(16));
        match (b, hex(i + 1), hex(i + 2)) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_owned())
}

#[cfg(test)]
mod tests {
    use super::{has_scheme, local_path, percent_decode};

    #[test]
    fn local_paths_under_the_root() {
        let base = "file:///";
        assert_eq!(
            local_path(base, "file:///a%20b.txt").as_deref(),
            Some("a b.txt")
        );
        assert_eq!(local_path(base, "file:///data/").as_deref(), Some("data/"));
        assert_eq!(local_path(base, "file:///"), None);
        assert_eq!(local_path(base, "file:///#local"), None);
        assert_eq!(local_path(base, "https://example.org/x.csv"), None);
        assert_eq!(percent_decode("%E2%9C%93%2"), "\u{2713}%2");
        assert_eq!(percent_decode("%FF"), "%FF");
        assert!(has_scheme("file:///tmp/x") && has_scheme("doi:10.1/x"));
        assert!(!has_scheme("data/a:b.csv") && !has_scheme("a b:c") && !has_scheme(":x"));
    }
}
