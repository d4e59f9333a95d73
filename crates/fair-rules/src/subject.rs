//! The record's main resource, found once per document: what the structural checks, the
//! profile selection, the profile's focus, the RO-Crate checks and the scoring are about.

use crate::document::Document;
use crate::vocab;
use oxrdf::{NamedNodeRef, NamedOrBlankNode, TermRef};
use std::collections::{BTreeSet, HashSet};

/// The record's main resource and its types.
///
/// The main resource is a typed node that no other statement points to, preferring named nodes,
/// ties broken by N-Triples order so the choice is deterministic. For an RO-Crate it is not the
/// metadata descriptor (`…/ro-crate-metadata.json`, the file that describes the crate) but the
/// root data entity the descriptor is `about`. A record without any type still has a subject
/// for the checks that need one: the first subject no other statement points to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Subject {
    /// The typed main resource (`None` when no resource has a type).
    typed: Option<NamedOrBlankNode>,
    /// The typed main resource, else the untyped one.
    node: Option<NamedOrBlankNode>,
    /// The classes (IRIs) of the typed main resource.
    types: Vec<String>,
}

impl Subject {
    /// Finds the main resource of `doc`.
    pub fn of(doc: &Document) -> Self {
        let graph = doc.graph();
        let rdf_type = NamedNodeRef::new_unchecked(vocab::RDF_TYPE);
        let typed: BTreeSet<String> = graph
            .triples_for_predicate(rdf_type)
            .map(|t| t.subject.to_string())
            .collect();
        let typed_main = (!typed.is_empty()).then(|| main_resource(doc, &typed));
        let node = match &typed_main {
            Some(main) => parse_subject(main),
            None => {
                let subjects: BTreeSet<String> =
                    graph.iter().map(|t| t.subject.to_string()).collect();
                (!subjects.is_empty())
                    .then(|| main_resource(doc, &subjects))
                    .and_then(|main| parse_subject(&main))
            }
        };
        let types = typed_main
            .as_ref()
            .map(|main| {
                graph
                    .triples_for_predicate(rdf_type)
                    .filter(|t| t.subject.to_string() == *main)
                    .filter_map(|t| match t.object {
                        TermRef::NamedNode(c) => Some(c.as_str().to_owned()),
                        _ => None,
                    })
                    .collect()
            })
            .unwrap_or_default();
        Self {
            typed: typed_main.as_deref().and_then(parse_subject),
            node,
            types,
        }
    }

    /// The main resource: the typed one, else (a record without types) the first subject no
    /// other statement points to; `None` for an empty graph.
    pub fn node(&self) -> Option<&NamedOrBlankNode> {
        self.node.as_ref()
    }

    /// The typed main resource; `None` when no resource has a type.
    pub fn typed(&self) -> Option<&NamedOrBlankNode> {
        self.typed.as_ref()
    }

    /// The classes (IRIs) of the typed main resource.
    pub fn types(&self) -> &[String] {
        &self.types
    }
}

/// The main resource among `candidates` (N-Triples forms): not the object of another
/// statement, named nodes first, then N-Triples order; an RO-Crate descriptor gives way to the
/// root data entity it is about.
fn main_resource(doc: &Document, candidates: &BTreeSet<String>) -> String {
    // Nodes that are the object of another node's statement, each written out once (terms
    // compare as their written forms do: `<iri>` and `_:id` never meet).
    let objects: HashSet<TermRef<'_>> = doc
        .graph()
        .iter()
        .filter(|t| {
            matches!(t.object, TermRef::NamedNode(_) | TermRef::BlankNode(_))
                && t.object != TermRef::from(t.subject)
        })
        .map(|t| t.object)
        .collect();
    let referenced: HashSet<String> = objects.iter().map(ToString::to_string).collect();
    let mut roots: Vec<&String> = candidates
        .iter()
        .filter(|s| !referenced.contains(*s))
        .collect();
    if roots.is_empty() {
        roots = candidates.iter().collect();
    }
    roots.sort_by_key(|s| (s.starts_with("_:"), (*s).clone()));
    let main = roots.first().map(|s| (*s).clone()).unwrap_or_default();
    crate_root(doc, &main).unwrap_or(main)
}

/// For an RO-Crate metadata descriptor (`<.../ro-crate-metadata.json>`, or the 1.1 legacy
/// `.jsonld`), the typed resource it is `schema:about`.
fn crate_root(doc: &Document, node: &str) -> Option<String> {
    let iri = node.strip_prefix('<')?.strip_suffix('>')?;
    if !crate::profiles::rocrate::is_descriptor_iri(iri, true) {
        return None;
    }
    let graph = doc.graph();
    let rdf_type = oxrdf::NamedNodeRef::new_unchecked(vocab::RDF_TYPE);
    graph
        .objects_for_subject_predicate(
            oxrdf::NamedNodeRef::new_unchecked(iri),
            oxrdf::NamedNodeRef::new_unchecked(vocab::SCHEMA_ABOUT),
        )
        .filter_map(|o| match o {
            TermRef::NamedNode(n) => Some(oxrdf::NamedOrBlankNodeRef::from(n)),
            TermRef::BlankNode(b) => Some(b.into()),
            _ => None,
        })
        .filter(|o| {
            graph
                .triples_for_subject(*o)
                .any(|t| t.predicate == rdf_type)
        })
        .map(|o| o.to_string())
        .min()
}

/// A subject in N-Triples form (`<iri>`, `_:label`) as a node.
pub(crate) fn parse_subject(node: &str) -> Option<NamedOrBlankNode> {
    if let Some(label) = node.strip_prefix("_:") {
        return oxrdf::BlankNode::new(label).ok().map(Into::into);
    }
    let iri = node.strip_prefix('<')?.strip_suffix('>')?;
    Some(oxrdf::NamedNode::new_unchecked(iri).into())
}
