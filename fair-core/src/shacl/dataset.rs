//! A zero-copy SPARQL dataset over the data graph (default graph) and, when a query needs it,
//! the shapes graph (named graph `$shapesGraph`). Blank nodes are exposed as skolem IRIs so that
//! pre-bound blank nodes can be constants in patterns (see `prebind`).

use std::convert::Infallible;

use oxrdf::{Graph, NamedNode, NamedOrBlankNodeRef, Term, TermRef, TripleRef};
use spareval::{InternalQuad, QueryableDataset};

use super::prebind::{skolemize, unskolemize};

/// The data graph plus (optionally) the shapes graph under `shapes_name`.
#[derive(Clone, Copy)]
pub(crate) struct GraphDataset<'a> {
    pub data: &'a Graph,
    pub shapes: Option<(&'a Graph, &'a NamedNode)>,
}

type Quad = InternalQuad<Term>;

fn matching(
    graph: &Graph,
    subject: Option<&Term>,
    predicate: Option<&Term>,
    object: Option<&Term>,
    graph_name: Option<&Term>,
    out: &mut Vec<Result<Quad, Infallible>>,
) {
    let subject = subject.map(|s| unskolemize(s.clone()));
    let object = object.map(|o| unskolemize(o.clone()));
    let predicate = match predicate {
        Some(Term::NamedNode(p)) => Some(p.clone()),
        Some(_) => return,
        None => None,
    };
    let push = |out: &mut Vec<Result<Quad, Infallible>>, t: TripleRef<'_>| {
        if predicate
            .as_ref()
            .is_some_and(|p| t.predicate != p.as_ref())
        {
            return;
        }
        if object.as_ref().is_some_and(|o| t.object != o.as_ref()) {
            return;
        }
        out.push(Ok(InternalQuad {
            subject: skolemize(t.subject.into_owned().into()),
            predicate: t.predicate.into_owned().into(),
            object: skolemize(t.object.into_owned()),
            graph_name: graph_name.cloned(),
        }));
    };
    match (&subject, &object, &predicate) {
        (Some(s), _, _) => {
            let s = match s {
                Term::NamedNode(n) => NamedOrBlankNodeRef::from(n),
                Term::BlankNode(b) => b.into(),
                _ => return,
            };
            for t in graph.triples_for_subject(s) {
                push(out, t);
            }
        }
        (None, Some(o), _) => {
            for t in graph.triples_for_object(TermRef::from(o)) {
                push(out, t);
            }
        }
        (None, None, Some(p)) => {
            for t in graph.triples_for_predicate(p) {
                push(out, t);
            }
        }
        (None, None, None) => {
            for t in graph {
                push(out, t);
            }
        }
    }
}

impl<'a> QueryableDataset<'a> for GraphDataset<'a> {
    type InternalTerm = Term;
    type Error = Infallible;

    fn internal_quads_for_pattern(
        &self,
        subject: Option<&Term>,
        predicate: Option<&Term>,
        object: Option<&Term>,
        graph_name: Option<Option<&Term>>,
    ) -> impl Iterator<Item = Result<Quad, Infallible>> + use<'a> {
        let mut out = Vec::new();
        match graph_name {
            Some(None) => matching(self.data, subject, predicate, object, None, &mut out),
            Some(Some(name)) => {
                if let Some((shapes, shapes_name)) = self.shapes {
                    if matches!(name, Term::NamedNode(n) if n == shapes_name) {
                        matching(shapes, subject, predicate, object, Some(name), &mut out);
                    }
                }
            }
            None => {
                if let Some((shapes, shapes_name)) = self.shapes {
                    let name = Term::from(shapes_name.clone());
                    matching(shapes, subject, predicate, object, Some(&name), &mut out);
                }
            }
        }
        out.into_iter()
    }

    fn internalize_term(&self, term: Term) -> Result<Term, Infallible> {
        Ok(term)
    }

    fn externalize_term(&self, term: Term) -> Result<Term, Infallible> {
        Ok(term)
    }
}
