//! SHACL-SPARQL: SPARQL-based constraints (`sh:sparql`) and SPARQL-based constraint components
//! (ASK and SELECT validators), with pre-binding, per-shape batches and the step budget.

use std::collections::HashMap;

use oxrdf::{Literal, NamedNode, NamedNodeRef, Term, Variable};

use super::super::dataset::GraphDataset;
use super::super::path::Path;
use super::super::results::ValidationResult;
use super::super::sparql::{self, Outcome, SHAPES_GRAPH_IRI};
use super::super::vocab as v;
use super::{Focus, Validator};

impl Validator<'_> {
    fn dataset(&self) -> GraphDataset<'_> {
        GraphDataset {
            data: self.data,
            shapes: self
                .shapes
                .shapes_graph
                .as_ref()
                .map(|g| (g, &self.shapes.shapes_graph_name)),
            budget: self.budget,
        }
    }

    /// The focus nodes of a SPARQL-based target: the values of `?this`, in solution order.
    pub(super) fn sparql_target(
        &self,
        shape: &super::Shape,
        t: &super::super::advanced::SparqlTarget,
    ) -> Result<Vec<Term>, String> {
        let mut bindings = vec![
            (
                Variable::new_unchecked("shapesGraph"),
                NamedNode::new_unchecked(SHAPES_GRAPH_IRI).into(),
            ),
            (Variable::new_unchecked("currentShape"), shape.id.clone()),
        ];
        bindings.extend(t.bindings.iter().cloned());
        let outcome = sparql::run(&t.query, self.dataset(), &bindings)
            .map_err(|e| format!("target {}: {e}", t.node))?;
        match outcome {
            Outcome::Solutions(solutions) => Ok(solutions
                .into_iter()
                .filter_map(|mut s| s.remove("this"))
                .collect()),
            _ => Ok(Vec::new()),
        }
    }

    /// The triples of a CONSTRUCT query of a rule for one focus node.
    pub(crate) fn construct(
        &self,
        shape: &super::Shape,
        query: &sparql::Prepared,
        focus: &Term,
    ) -> Result<Vec<oxrdf::Triple>, String> {
        let bindings = vec![
            (Variable::new_unchecked("this"), focus.clone()),
            (
                Variable::new_unchecked("shapesGraph"),
                NamedNode::new_unchecked(SHAPES_GRAPH_IRI).into(),
            ),
            (Variable::new_unchecked("currentShape"), shape.id.clone()),
        ];
        match sparql::run(query, self.dataset(), &bindings)? {
            Outcome::Triples(triples) => Ok(triples),
            _ => Ok(Vec::new()),
        }
    }

    fn base_bindings(f: Focus<'_>) -> Vec<(Variable, Term)> {
        vec![
            (Variable::new_unchecked("this"), f.node.clone()),
            (
                Variable::new_unchecked("shapesGraph"),
                NamedNode::new_unchecked(SHAPES_GRAPH_IRI).into(),
            ),
            (Variable::new_unchecked("currentShape"), f.shape.id.clone()),
        ]
    }

    fn solution_results(
        f: Focus<'_>,
        solutions: Vec<HashMap<String, Term>>,
        messages: &[Literal],
        component: NamedNodeRef<'_>,
        source_constraint: Option<&Term>,
        bindings: &[(Variable, Term)],
        out: &mut Vec<ValidationResult>,
    ) {
        let shape = f.shape;
        for solution in solutions {
            let failed = solution
                .get("failure")
                .is_some_and(|t| matches!(t, Term::Literal(l) if l.value() == "true"));
            let this = solution
                .get("this")
                .cloned()
                .unwrap_or_else(|| f.node.clone());
            let path = match solution.get("path") {
                Some(Term::NamedNode(p)) => Some(Path::Predicate(p.clone())),
                _ => shape.path.clone(),
            };
            let value = match solution.get("value") {
                Some(t) => Some(t.clone()),
                None if shape.path.is_none() => Some(this.clone()),
                None => None,
            };
            let lookup = |name: &str| -> Option<Term> {
                solution.get(name).cloned().or_else(|| {
                    bindings
                        .iter()
                        .find(|(v, _)| v.as_str() == name)
                        .map(|(_, t)| t.clone())
                })
            };
            let msgs: Vec<Literal> = if failed {
                // `?failure true`: the validation could not be carried out. Reported as a
                // result (never silently dropped) with an explanatory message.
                vec![Literal::new_simple_literal(
                    "SPARQL validator reported a failure (?failure = true)",
                )]
            } else if let Some(Term::Literal(m)) = solution.get("message") {
                vec![m.clone()]
            } else if messages.is_empty() {
                shape.messages.clone()
            } else {
                messages
                    .iter()
                    .map(|m| sparql::substitute_message(m, &lookup))
                    .collect()
            };
            out.push(ValidationResult {
                focus_node: this,
                path,
                value,
                source_shape: shape.id.clone(),
                source_constraint_component: component.into_owned(),
                source_constraint: source_constraint.cloned(),
                severity: shape.severity.clone(),
                messages: msgs,
            });
        }
    }

    /// Runs a SELECT query for one focus node, from the per-shape batch when possible.
    fn select(
        &mut self,
        key: (usize, usize),
        query: &sparql::Prepared,
        bindings: &[(Variable, Term)],
        focus: &Term,
    ) -> Result<Outcome, String> {
        if !query.batchable {
            return sparql::run(query, self.dataset(), bindings);
        }
        if !self.batches.contains_key(&key) {
            let batch = sparql::run_batch(query, self.dataset(), bindings);
            self.batches.insert(key, batch);
        }
        match self.batches.get(&key) {
            Some(Ok(batch)) => Ok(Outcome::Solutions(
                batch.get(focus).cloned().unwrap_or_default(),
            )),
            Some(Err(e)) => Err(e.clone()),
            None => sparql::run(query, self.dataset(), bindings),
        }
    }

    /// `sh:sparql`: one result per solution of the SELECT query.
    pub(super) fn check_sparql(
        &mut self,
        key: (usize, usize),
        f: Focus<'_>,
        c: &sparql::SparqlConstraint,
        out: &mut Vec<ValidationResult>,
    ) {
        let bindings = Self::base_bindings(f);
        let outcome = self.select(key, &c.query, &bindings, f.node);
        match outcome {
            Ok(Outcome::Solutions(solutions)) => Self::solution_results(
                f,
                solutions,
                &c.messages,
                v::SPARQL_CC,
                Some(&c.node),
                &bindings,
                out,
            ),
            Ok(Outcome::Boolean(_) | Outcome::Triples(_)) => {}
            Err(message) => out.push(f.failure(v::SPARQL_CC, &message)),
        }
    }

    /// A SPARQL-based constraint component: an ASK validator per value node, or a SELECT
    /// validator per focus node.
    pub(super) fn check_component(
        &mut self,
        key: (usize, usize),
        f: Focus<'_>,
        c: &sparql::ComponentConstraint,
        out: &mut Vec<ValidationResult>,
    ) {
        let mut bindings = Self::base_bindings(f);
        bindings.extend(c.bindings.iter().cloned());
        if c.ask {
            self.check_ask_component(f, c, &bindings, out);
            return;
        }
        match self.select(key, &c.query, &bindings, f.node) {
            Ok(Outcome::Solutions(solutions)) => Self::solution_results(
                f,
                solutions,
                &c.messages,
                c.component.as_ref(),
                None,
                &bindings,
                out,
            ),
            Ok(Outcome::Boolean(_) | Outcome::Triples(_)) => {}
            Err(message) => out.push(f.failure(c.component.as_ref(), &message)),
        }
    }

    /// An ASK validator: a result for each value node for which the query is not true.
    fn check_ask_component(
        &self,
        f: Focus<'_>,
        c: &sparql::ComponentConstraint,
        bindings: &[(Variable, Term)],
        out: &mut Vec<ValidationResult>,
    ) {
        for value in f.values {
            let mut b = bindings.to_vec();
            b.push((Variable::new_unchecked("value"), value.clone()));
            match sparql::run(&c.query, self.dataset(), &b) {
                Ok(Outcome::Boolean(true)) => {}
                Ok(_) => {
                    let lookup = |name: &str| -> Option<Term> {
                        b.iter()
                            .find(|(v, _)| v.as_str() == name)
                            .map(|(_, t)| t.clone())
                    };
                    let mut r = f.result(Some(value.clone()), c.component.as_ref());
                    if !c.messages.is_empty() {
                        r.messages = c
                            .messages
                            .iter()
                            .map(|m| sparql::substitute_message(m, &lookup))
                            .collect();
                    }
                    out.push(r);
                }
                Err(message) => out.push(f.failure(c.component.as_ref(), &message)),
            }
        }
    }
}

impl Focus<'_> {
    /// The result for a SPARQL query that failed (or ran out of steps).
    fn failure(&self, component: NamedNodeRef<'_>, message: &str) -> ValidationResult {
        let mut r = self.result(None, component);
        r.messages = vec![Literal::new_simple_literal(format!(
            "SPARQL evaluation failed: {message}"
        ))];
        r
    }
}
