//! Maps graph nodes and their properties back to where they are written in the input.

use crate::error::Location;
use std::collections::HashMap;

/// How a property was written, to match it against a predicate IRI.
#[derive(Debug, Clone, PartialEq, Eq)]
enum PropertyKey {
    /// A full predicate IRI (text formats).
    Iri(String),
    /// A JSON-LD key as written: a term (`name`), a compact IRI (`sc:name`) or an IRI.
    JsonKey(String),
}

impl PropertyKey {
    fn matches(&self, predicate: &str) -> bool {
        match self {
            PropertyKey::Iri(iri) => iri == predicate,
            PropertyKey::JsonKey(key) => {
                if key == predicate {
                    return true;
                }
                if key == "@type" || key == "type" {
                    return predicate == crate::vocab::RDF_TYPE;
                }
                let local = key.rsplit(':').next().unwrap_or(key);
                predicate
                    .strip_suffix(local)
                    .is_some_and(|ns| ns.ends_with(['/', '#', ':']))
            }
        }
    }
}

#[derive(Debug, Clone, Default)]
struct NodeEntry {
    location: Option<Location>,
    properties: Vec<(PropertyKey, Location)>,
    /// Where each value of a property is, when the parser knows (crosswalked formats):
    /// (predicate IRI, object in N-Triples syntax, location).
    values: Vec<(String, String, Location)>,
    /// JSON-LD: the node's `@id` as first written, before resolution against the base.
    written_id: Option<String>,
}

/// Node (N-Triples syntax) → where it is defined, and where each of its properties is.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    nodes: HashMap<String, NodeEntry>,
}

impl SourceMap {
    /// Where `node` and, if given, its `predicate` are written. Falls back to the node's own
    /// location when the property cannot be placed.
    pub fn locate(&self, node: &str, predicate: Option<&str>) -> Option<&Location> {
        let entry = self.nodes.get(node)?;
        if let Some(predicate) = predicate {
            if let Some((_, location)) = entry.properties.iter().find(|(k, _)| k.matches(predicate))
            {
                return Some(location);
            }
        }
        entry.location.as_ref()
    }

    /// Where the value `value` (N-Triples syntax) of `node`'s `predicate` is written, when the
    /// parser recorded values (bio.tools and DataCite records); else [`SourceMap::locate`].
    pub fn locate_value(&self, node: &str, predicate: &str, value: &str) -> Option<&Location> {
        self.nodes
            .get(node)
            .and_then(|entry| {
                entry
                    .values
                    .iter()
                    .find(|(p, v, _)| p == predicate && v == value)
                    .map(|(_, _, location)| location)
            })
            .or_else(|| self.locate(node, Some(predicate)))
    }

    /// A JSON-LD node's `@id` as written (`data/a.csv`, `/abs/path`, `file:///x`), before it
    /// was resolved against the base: `None` for other formats.
    pub fn written_id(&self, node: &str) -> Option<&str> {
        self.nodes.get(node)?.written_id.as_deref()
    }

    /// The JSON-LD keys written on each node object, with their locations (empty for
    /// text formats). Sorted by node for determinism.
    pub fn json_keys(&self) -> Vec<(&str, Vec<(&str, &Location)>)> {
        let mut out: Vec<_> = self
            .nodes
            .iter()
            .map(|(node, entry)| {
                let keys = entry
                    .properties
                    .iter()
                    .filter_map(|(k, l)| match k {
                        PropertyKey::JsonKey(key) => Some((key.as_str(), l)),
                        PropertyKey::Iri(_) => None,
                    })
                    .collect::<Vec<_>>();
                (node.as_str(), keys)
            })
            .filter(|(_, keys)| !keys.is_empty())
            .collect();
        out.sort_by(|a, b| a.0.cmp(b.0));
        out
    }

    /// Whether a JSON-LD key as written could have produced `predicate`.
    pub fn key_matches(key: &str, predicate: &str) -> bool {
        PropertyKey::JsonKey(key.to_owned()).matches(predicate)
    }

    /// How many nodes have a recorded location.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether nothing could be located.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }
}

/// Collects locations while parsing.
#[derive(Debug, Default)]
pub(crate) struct SourceMapBuilder {
    nodes: HashMap<String, NodeEntry>,
}

impl SourceMapBuilder {
    /// A triple of `node` with `predicate` was read at `location` (first one wins).
    pub(crate) fn record(&mut self, node: &str, predicate: Option<&str>, location: Location) {
        // One lookup for a node already seen (every triple of a subject but its first).
        let entry = match self.nodes.get_mut(node) {
            Some(entry) => entry,
            None => self.nodes.entry(node.to_owned()).or_default(),
        };
        if entry.location.is_none() {
            entry.location = Some(location.clone());
        }
        if let Some(p) = predicate {
            if !entry.properties.iter().any(|(k, _)| k.matches(p)) {
                entry
                    .properties
                    .push((PropertyKey::Iri(p.to_owned()), location));
            }
        }
    }

    /// The value `value` (N-Triples syntax) of `node`'s `predicate` was read at `location`
    /// (first one wins).
    pub(crate) fn record_value(
        &mut self,
        node: &str,
        predicate: &str,
        value: &str,
        location: Location,
    ) {
        let entry = self.nodes.entry(node.to_owned()).or_default();
        if !entry
            .values
            .iter()
            .any(|(p, v, _)| p == predicate && v == value)
        {
            entry
                .values
                .push((predicate.to_owned(), value.to_owned(), location));
        }
    }

    /// A JSON-LD node object for `node` is at `location`, with its keys at their pointers.
    pub(crate) fn record_json_node(
        &mut self,
        node: String,
        location: Location,
        keys: impl IntoIterator<Item = (String, Location)>,
        written_id: Option<String>,
    ) {
        let entry = self.nodes.entry(node).or_default();
        if entry.location.is_none() {
            entry.location = Some(location);
        }
        if entry.written_id.is_none() {
            entry.written_id = written_id;
        }
        for (key, location) in keys {
            entry.properties.push((PropertyKey::JsonKey(key), location));
        }
    }

    pub(crate) fn finish(self) -> SourceMap {
        SourceMap { nodes: self.nodes }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_keys_match_expanded_predicates() {
        let k = PropertyKey::JsonKey("sc:name".into());
        assert!(k.matches("http://schema.org/name"));
        assert!(!k.matches("http://schema.org/alternateName"));
        let k = PropertyKey::JsonKey("license".into());
        assert!(k.matches("http://schema.org/license"));
        let k = PropertyKey::JsonKey("@type".into());
        assert!(k.matches(crate::vocab::RDF_TYPE));
    }
}
