//! Reading the shapes graph: the helpers that compilation (`compile.rs`) and the SHACL-SPARQL
//! compiler (`sparql.rs`) share. Both import them from here, so `compile` calls into `sparql`
//! and `sparql` never calls back.

use fair_graph::Graph;
use oxrdf::{NamedNodeRef, Term, TermRef};

use super::error::ShapesError;
use super::path::as_subject;
use super::vocab as v;

/// The objects of `s p ?o` in `graph` (none when `s` cannot be a subject).
pub(crate) fn objects(graph: &Graph, s: &Term, p: NamedNodeRef<'_>) -> Vec<Term> {
    match as_subject(s) {
        Some(s) => graph
            .objects_for_subject_predicate(s, p)
            .map(TermRef::into_owned)
            .collect(),
        None => Vec::new(),
    }
}

/// The error for a shape whose `parameter` has an unusable value.
pub(crate) fn invalid(
    shape: &Term,
    parameter: NamedNodeRef<'_>,
    message: impl Into<String>,
) -> ShapesError {
    ShapesError::InvalidParameter {
        shape: shape.to_string(),
        parameter: parameter.to_string(),
        message: message.into(),
    }
}

/// SHACL instances of `class` in `graph` (through `rdf:type/rdfs:subClassOf*`).
pub(crate) fn instances_of(graph: &Graph, class: NamedNodeRef<'_>) -> Vec<Term> {
    let mut classes: Vec<Term> = vec![class.into_owned().into()];
    let mut i = 0;
    while let Some(c) = classes.get(i).cloned() {
        i += 1;
        for s in graph.subjects_for_predicate_object(v::RDFS_SUB_CLASS_OF, &c) {
            let s: Term = s.into_owned().into();
            if !classes.contains(&s) {
                classes.push(s);
            }
        }
    }
    let mut out = Vec::new();
    for c in &classes {
        for s in graph.subjects_for_predicate_object(v::RDF_TYPE, c) {
            let s: Term = s.into_owned().into();
            if !out.contains(&s) {
                out.push(s);
            }
        }
    }
    out
}

/// Whether `term` is the literal `true`.
pub(crate) fn term_is_true(term: &Term) -> bool {
    matches!(term, Term::Literal(l) if l.datatype() == v::XSD_BOOLEAN && l.value() == "true")
}
