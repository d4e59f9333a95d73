//! A zero-copy SPARQL dataset over the data graph (default graph) and, when a query needs it,
//! the shapes graph (named graph `$shapesGraph`). Blank nodes are exposed as skolem IRIs so that
//! pre-bound blank nodes can be constants in patterns (see `prebind`).
//!
//! Every access is charged to a [`Budget`] of evaluation steps shared by all the SPARQL
//! queries of one validation: a triple examined, a term handed to or taken from the
//! evaluator. Once spent, every access fails with [`StepLimit`], which stops the query
//! (spareval has no clock; `std::time::Instant` panics on wasm32-unknown-unknown).

use std::cell::Cell;

use fair_graph::Graph;
use oxrdf::{NamedNode, NamedOrBlankNodeRef, Term, TermRef, TripleRef};
use spareval::{InternalQuad, QueryableDataset};

use super::prebind::{skolemize, unskolemize};

/// The data graph plus (optionally) the shapes graph under `shapes_name`.
#[derive(Clone, Copy)]
pub(crate) struct GraphDataset<'a> {
    pub data: &'a Graph,
    pub shapes: Option<(&'a Graph, &'a NamedNode)>,
    pub budget: &'a Budget,
}

/// The evaluation steps SPARQL queries may still take (`Limits::max_sparql_steps`).
#[derive(Debug)]
pub(crate) struct Budget {
    used: Cell<u64>,
    max: u64,
}

/// The step budget is spent.
#[derive(Debug, Clone, Copy, thiserror::Error)]
#[error("stopped after {0} evaluation steps (the max_sparql_steps limit)")]
pub(crate) struct StepLimit(pub u64);

impl Budget {
    pub(crate) fn new(max: u64) -> Self {
        Self {
            used: Cell::new(0),
            max,
        }
    }

    /// Takes `steps` from the budget, or fails when it is spent.
    pub(crate) fn spend(&self, steps: u64) -> Result<(), StepLimit> {
        let used = self.used.get().saturating_add(steps);
        self.used.set(used);
        if used > self.max {
            Err(StepLimit(self.max))
        } else {
            Ok(())
        }
    }
}

type Quad = InternalQuad<Term>;

fn matching(
    graph: &Graph,
    subject: Option<&Term>,
    predicate: Option<&Term>,
    object: Option<&Term>,
    graph_name: Option<&Term>,
    out: &mut Vec<Result<Quad, StepLimit>>,
) -> u64 {
    let mut examined = 0u64;
    let subject = subject.map(|s| unskolemize(s.clone()));
    let object = object.map(|o| unskolemize(o.clone()));
    let predicate = match predicate {
        Some(Term::NamedNode(p)) => Some(p.clone()),
        Some(_) => return 0,
        None => None,
    };
    let mut push = |out: &mut Vec<Result<Quad, StepLimit>>, t: TripleRef<'_>| {
        examined += 1;
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
                _ => return 0,
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
    examined
}

impl<'a> QueryableDataset<'a> for GraphDataset<'a> {
    type InternalTerm = Term;
    type Error = StepLimit;

    fn internal_quads_for_pattern(
        &self,
        subject: Option<&Term>,
        predicate: Option<&Term>,
        object: Option<&Term>,
        graph_name: Option<Option<&Term>>,
    ) -> impl Iterator<Item = Result<Quad, StepLimit>> + use<'a> {
        let mut out = Vec::new();
        let budget = self.budget;
        let mut examined = 0;
        match graph_name {
            Some(None) => {
                examined = matching(self.data, subject, predicate, object, None, &mut out);
            }
            Some(Some(name)) => {
                if let Some((shapes, shapes_name)) = self.shapes {
                    if matches!(name, Term::NamedNode(n) if n == shapes_name) {
                        examined =
                            matching(shapes, subject, predicate, object, Some(name), &mut out);
                    }
                }
            }
            None => {
                if let Some((shapes, shapes_name)) = self.shapes {
                    let name = Term::from(shapes_name.clone());
                    examined = matching(shapes, subject, predicate, object, Some(&name), &mut out);
                }
            }
        }
        // One step per call, one per triple examined (charged now), one per quad handed over.
        let upfront = budget.spend(1 + examined);
        upfront
            .err()
            .map(Err)
            .into_iter()
            .chain(out.into_iter().map(move |quad| {
                budget.spend(1)?;
                quad
            }))
    }

    fn internalize_term(&self, term: Term) -> Result<Term, StepLimit> {
        self.budget.spend(1)?;
        Ok(term)
    }

    fn externalize_term(&self, term: Term) -> Result<Term, StepLimit> {
        self.budget.spend(1)?;
        Ok(term)
    }
}
