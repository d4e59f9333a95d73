//! Value type constraint components: `sh:class`, `sh:datatype`, `sh:nodeKind`.

use super::super::error::ShapesError;
use super::super::graph::invalid;
use super::super::vocab as v;
use super::params::{iri, Params};
use super::{Constraint, NodeKind};
use oxrdf::Term;

pub(super) fn compile(s: &Params<'_>, out: &mut Vec<Constraint>) -> Result<(), ShapesError> {
    let id = s.id;
    for t in s.vals(v::CLASS) {
        match t {
            Term::Literal(_) => {
                return Err(invalid(
                    id,
                    v::CLASS,
                    format!("{t} is not an IRI or blank node"),
                ))
            }
            t => out.push(Constraint::Class(t.clone())),
        }
    }
    for t in s.vals(v::DATATYPE) {
        out.push(Constraint::Datatype(iri(id, v::DATATYPE, t)?));
    }
    for t in s.vals(v::NODE_KIND) {
        out.push(Constraint::NodeKind(node_kind(id, t)?));
    }
    Ok(())
}

fn node_kind(id: &Term, t: &Term) -> Result<NodeKind, ShapesError> {
    Ok(match t {
        Term::NamedNode(n) if n.as_ref() == v::BLANK_NODE => NodeKind::BlankNode,
        Term::NamedNode(n) if n.as_ref() == v::IRI => NodeKind::Iri,
        Term::NamedNode(n) if n.as_ref() == v::LITERAL => NodeKind::Literal,
        Term::NamedNode(n) if n.as_ref() == v::BLANK_NODE_OR_IRI => NodeKind::BlankNodeOrIri,
        Term::NamedNode(n) if n.as_ref() == v::BLANK_NODE_OR_LITERAL => {
            NodeKind::BlankNodeOrLiteral
        }
        Term::NamedNode(n) if n.as_ref() == v::IRI_OR_LITERAL => NodeKind::IriOrLiteral,
        other => {
            return Err(invalid(
                id,
                v::NODE_KIND,
                format!(
                    "{other} is not one of sh:BlankNode, sh:IRI, sh:Literal, sh:BlankNodeOrIRI, \
                     sh:BlankNodeOrLiteral, sh:IRIOrLiteral"
                ),
            ))
        }
    })
}
