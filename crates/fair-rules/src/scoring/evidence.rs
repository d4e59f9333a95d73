//! The data-driven tests of the indicator catalogue (`Test`): what the record shows about each
//! indicator once no finding has failed it.

use super::{Context, Status, Test};
use crate::finding::Severity;
use crate::vocab;
use fair_graph::Graph;
use oxrdf::{NamedOrBlankNode, TermRef};

/// The outcome of `test` on the record, with the reason when it is not a plain pass or fail.
pub(super) fn evidence(test: &Test, cx: &Context<'_>) -> (Status, Option<String>) {
    let graph = cx.doc.graph();
    let Some(main) = cx.main.as_ref() else {
        return without_main(test, graph);
    };
    let main = Main {
        node: main,
        statements: &cx.statements,
    };
    match test {
        Test::NotAssessed { .. } | Test::NotApplicable { .. } => (Status::NotAssessed, None),
        Test::Statements => pass(!graph.is_empty()),
        Test::Typed => pass(main.is_typed()),
        Test::PersistentIdentifier { properties } => {
            pass(main.has_persistent_identifier(properties))
        }
        Test::UniqueIdentifier { properties } => pass(main.has_unique_identifier(properties)),
        Test::MinProperties { min, properties } => pass(main.own_properties(properties) >= *min),
        Test::AnyProperty { properties } => pass(!main.values(properties).is_empty()),
        Test::AnyLink { properties } => pass(main.values(properties).into_iter().any(is_link)),
        Test::VocabularyTerms { namespaces } => pass(uses_vocabulary_terms(graph, namespaces)),
        Test::NamespaceProperties { namespaces } => {
            pass(uses_namespace_properties(graph, namespaces))
        }
        Test::ProfileConformance => profile_conformance(cx),
    }
}

/// Passes when `ok`, else fails; no reason either way.
fn pass(ok: bool) -> (Status, Option<String>) {
    (if ok { Status::Pass } else { Status::Fail }, None)
}

/// A document without a main resource: only `statements` can pass.
fn without_main(test: &Test, graph: &Graph) -> (Status, Option<String>) {
    match test {
        Test::Statements => pass(!graph.is_empty()),
        Test::Typed => pass(false),
        _ => (
            Status::Fail,
            Some("the document describes no resource to assess".to_owned()),
        ),
    }
}

/// The record's main resource, with its statements and those of what describes it (see
/// `Context::statements`).
struct Main<'a> {
    node: &'a NamedOrBlankNode,
    statements: &'a [(usize, &'a str, TermRef<'a>)],
}

impl<'a> Main<'a> {
    /// The values of `properties` on the main resource and on its describers (in no
    /// particular order: every caller asks whether there is one, or one of a kind).
    fn values(&self, properties: &[String]) -> Vec<TermRef<'a>> {
        self.statements
            .iter()
            .filter(|(_, p, _)| properties.iter().any(|q| q == p))
            .map(|&(_, _, o)| o)
            .collect()
    }

    /// Whether the main resource itself has a value of `property`.
    fn has(&self, property: &str) -> bool {
        self.statements
            .iter()
            .any(|&(s, p, _)| s == 0 && p == property)
    }

    /// `typed`: the main resource has an `rdf:type`.
    fn is_typed(&self) -> bool {
        self.has(vocab::RDF_TYPE)
    }

    /// `persistent_identifier`: its IRI or a value of one of `properties` is persistent.
    fn has_persistent_identifier(&self, properties: &[String]) -> bool {
        let own = match self.node {
            NamedOrBlankNode::NamedNode(n) => is_persistent(n.as_str()),
            NamedOrBlankNode::BlankNode(_) => false,
        };
        own || self
            .values(properties)
            .iter()
            .any(|v| is_persistent(term_text(*v)))
    }

    /// `unique_identifier`: it has a global IRI or one of `properties`.
    fn has_unique_identifier(&self, properties: &[String]) -> bool {
        let own = match self.node {
            NamedOrBlankNode::NamedNode(n) => is_global_iri(n.as_str()),
            NamedOrBlankNode::BlankNode(_) => false,
        };
        own || !self.values(properties).is_empty()
    }

    /// `min_properties`: how many of `properties` the main resource itself has.
    fn own_properties(&self, properties: &[String]) -> usize {
        properties.iter().filter(|p| self.has(p)).count()
    }
}

/// `any_link`: a value that is a global IRI, or a literal holding an absolute http(s) URL.
fn is_link(v: TermRef<'_>) -> bool {
    match v {
        TermRef::NamedNode(n) => is_global_iri(n.as_str()),
        TermRef::Literal(l) => {
            let s = l.value().trim();
            (s.starts_with("https://") || s.starts_with("http://")) && !s.contains(' ')
        }
        _ => false,
    }
}

/// `vocabulary_terms`: some object IRI of the document is in one of `namespaces`.
fn uses_vocabulary_terms(graph: &Graph, namespaces: &[String]) -> bool {
    graph.iter().any(|t| match t.object {
        TermRef::NamedNode(n) => namespaces
            .iter()
            .any(|ns| n.as_str().starts_with(ns.as_str())),
        _ => false,
    })
}

/// `namespace_properties`: some predicate of the document is in one of `namespaces`.
fn uses_namespace_properties(graph: &Graph, namespaces: &[String]) -> bool {
    graph.iter().any(|t| {
        namespaces
            .iter()
            .any(|ns| t.predicate.as_str().starts_with(ns.as_str()))
    })
}

/// `profile_conformance`: a community profile was checked and its shapes report no error;
/// indeterminate when only `core` ran.
fn profile_conformance(cx: &Context<'_>) -> (Status, Option<String>) {
    if !cx.community_profile {
        return (
            Status::Indeterminate,
            Some(
                "no community profile applies to this record (only the core checks ran)".to_owned(),
            ),
        );
    }
    pass(
        !cx.findings
            .iter()
            .any(|f| f.severity == Severity::Error && f.source.shape.is_some()),
    )
}

fn term_text(t: TermRef<'_>) -> &str {
    match t {
        TermRef::NamedNode(n) => n.as_str(),
        TermRef::Literal(l) => l.value(),
        _ => "",
    }
}

/// An absolute IRI that identifies something globally (not a file path fairlint invented as a
/// base for relative references).
fn is_global_iri(iri: &str) -> bool {
    !iri.starts_with("file:") && iri.contains(':')
}

/// DOI, Handle, ARK, PURL, w3id, identifiers.org / n2t resolvers and URN:NBN, in URI or
/// prefixed form.
pub fn is_persistent(value: &str) -> bool {
    let v = value.trim().to_ascii_lowercase();
    let v = v
        .strip_prefix("https://")
        .or_else(|| v.strip_prefix("http://"))
        .unwrap_or(&v);
    const RESOLVERS: &[&str] = &[
        "doi.org/10.",
        "dx.doi.org/10.",
        "hdl.handle.net/",
        "n2t.net/",
        "identifiers.org/",
        "purl.org/",
        "purl.obolibrary.org/",
        "w3id.org/",
        "nbn-resolving.org/",
        "arks.org/ark:",
    ];
    RESOLVERS.iter().any(|r| v.starts_with(r))
        || v.starts_with("doi:10.")
        || v.starts_with("10.") && v.contains('/')
        || v.starts_with("hdl:")
        || v.starts_with("ark:/")
        || v.starts_with("urn:nbn:")
}
