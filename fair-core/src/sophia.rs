//! sophia graphs into the engine's graph (feature `sophia`): [`crate::Engine::validate_graph`].

use crate::document::{Document, ParseOptions};
use crate::error::{ParseError, ValidateError};
use crate::format::Format;
use crate::limits::Limits;
use oxrdf::{BlankNode, GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use sophia_api::graph::Graph;
use sophia_api::term::TermKind;
use sophia_api::triple::Triple as _;

/// The document of `graph`'s triples, relative IRIs resolved against `base`.
pub(crate) fn document<G: Graph>(
    graph: &G,
    base: &str,
    limits: Limits,
) -> Result<Document, ValidateError> {
    let base_iri =
        oxiri::Iri::parse(base.to_owned()).map_err(|e| error(format!("base IRI: {e}")))?;
    let mut failure = None;
    let quads = graph.triples().enumerate().map_while(|(index, triple)| {
        let converted = triple
            .map_err(|e| format!("the graph failed: {e}"))
            .and_then(|t| {
                Ok(Quad::new(
                    subject(t.s(), &base_iri)?,
                    named(t.p(), &base_iri)?,
                    object(t.o(), &base_iri)?,
                    GraphName::DefaultGraph,
                ))
            });
        match converted {
            Ok(quad) => Some(quad),
            Err(message) => {
                failure = Some(error(format!("triple {index}: {message}")));
                None
            }
        }
    });
    let options = ParseOptions {
        limits,
        base_iri: Some(base),
        ..ParseOptions::default()
    };
    let doc = Document::from_quads(quads, Format::Graph, &options);
    match failure {
        Some(e) => Err(e),
        None => doc,
    }
}

fn error(message: String) -> ValidateError {
    ValidateError::Parse(ParseError::new(Format::Graph, message, None))
}

fn named<T: sophia_api::term::Term>(t: T, base: &oxiri::Iri<String>) -> Result<NamedNode, String> {
    match t.iri() {
        Some(iri) => {
            let resolved = base
                .resolve(iri.as_str())
                .map_err(|e| format!("<{}> is not an IRI: {e}", iri.as_str()))?;
            Ok(NamedNode::new_unchecked(resolved.into_inner()))
        }
        None => Err(format!("{} where an IRI must be", kind(t.kind()))),
    }
}

fn blank<T: sophia_api::term::Term>(t: &T) -> Option<Result<BlankNode, String>> {
    t.bnode_id().map(|id| {
        BlankNode::new(id.as_str())
            .map_err(|e| format!("_:{} is not a blank node label: {e}", id.as_str()))
    })
}

fn subject<T: sophia_api::term::Term>(
    t: T,
    base: &oxiri::Iri<String>,
) -> Result<NamedOrBlankNode, String> {
    match blank(&t) {
        Some(b) => b.map(NamedOrBlankNode::BlankNode),
        None => named(t, base).map(NamedOrBlankNode::NamedNode),
    }
}

fn object<T: sophia_api::term::Term>(t: T, base: &oxiri::Iri<String>) -> Result<Term, String> {
    match t.kind() {
        TermKind::BlankNode => match blank(&t) {
            Some(b) => b.map(Term::BlankNode),
            None => Err("a blank node without a label".to_owned()),
        },
        TermKind::Literal => {
            let Some(lexical) = t.lexical_form() else {
                return Err("a literal without a lexical form".to_owned());
            };
            if t.base_direction().is_some() {
                return Err(format!(
                    "\"{}\" has a base direction (RDF 1.2), which fairlint does not read",
                    &*lexical
                ));
            }
            match t.language_tag() {
                Some(tag) => Literal::new_language_tagged_literal(&*lexical, tag.as_str())
                    .map(Term::Literal)
                    .map_err(|e| format!("@{} is not a language tag: {e}", tag.as_str())),
                None => {
                    let datatype = match t.datatype() {
                        Some(dt) => NamedNode::new(dt.as_str())
                            .map_err(|e| format!("<{}> is not an IRI: {e}", dt.as_str()))?,
                        None => return Err("a literal without a datatype".to_owned()),
                    };
                    Ok(Term::Literal(Literal::new_typed_literal(
                        &*lexical, datatype,
                    )))
                }
            }
        }
        _ => named(t, base).map(Term::NamedNode),
    }
}

fn kind(kind: TermKind) -> &'static str {
    match kind {
        TermKind::Iri => "an IRI",
        TermKind::BlankNode => "a blank node",
        TermKind::Literal => "a literal",
        TermKind::Triple => "a triple term (RDF 1.2)",
        TermKind::Variable => "a variable",
    }
}
