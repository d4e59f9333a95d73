//! Running SHACL rules (SHACL-AF §9) on a data graph, as pySHACL does with `advanced=True,
//! iterate_rules=True` (rocrate-validator's settings): shapes in `sh:order`, each shape's rules
//! in `sh:order`, repeated until a pass adds nothing; each rule is itself repeated until it
//! adds nothing. Both loops stop with an error after [`ITERATION_LIMIT`] passes (pySHACL's
//! limit), so a rule that keeps inventing blank nodes cannot hang.

use std::collections::HashSet;

use fair_graph::Graph;
use oxrdf::{NamedOrBlankNode, Term, Triple};

use super::advanced::{NodeExpr, Rule, RuleKind};
use super::compile::{CompiledShapes, Shape};
use super::dataset::Budget;
use super::validate::Validator;

/// Passes over one shape's rules, and over one rule, before rules are declared runaway.
pub(crate) const ITERATION_LIMIT: usize = 100;

/// A rule could not be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("shape {shape}: rule {rule}: {message}")]
pub struct RuleError {
    /// The shape that owns the rule (N-Triples syntax).
    pub shape: String,
    /// The rule node (N-Triples syntax).
    pub rule: String,
    /// What went wrong (a SPARQL error, the step budget, the iteration limit).
    pub message: String,
}

/// Applies the rules of `shapes` to `data`; the number of triples added, or the first error
/// (triples added before it stay in `data`).
pub(crate) fn apply(
    shapes: &CompiledShapes,
    data: &mut Graph,
    budget: &Budget,
) -> Result<usize, RuleError> {
    if cfg!(target_arch = "wasm32") {
        // Not compiled in the WebAssembly build (see `advanced::not_in_wasm`).
        return Ok(0);
    }
    let mut added = 0;
    for group in &shapes.rules {
        let Some(shape) = shapes.shapes.get(group.shape) else {
            continue;
        };
        if shape.deactivated {
            continue;
        }
        let mut passes = 0;
        loop {
            passes += 1;
            if passes > ITERATION_LIMIT {
                return Err(RuleError {
                    shape: shape.id.to_string(),
                    rule: group
                        .rules
                        .first()
                        .map(|r| r.node.to_string())
                        .unwrap_or_default(),
                    message: format!(
                        "the shape's rules still add triples after {ITERATION_LIMIT} passes"
                    ),
                });
            }
            let mut this_pass = 0;
            for rule in &group.rules {
                this_pass +=
                    apply_rule(shapes, shape, rule, data, budget).map_err(|message| RuleError {
                        shape: shape.id.to_string(),
                        rule: rule.node.to_string(),
                        message,
                    })?;
            }
            added += this_pass;
            if this_pass == 0 {
                break;
            }
        }
    }
    Ok(added)
}

/// Applies one rule until it adds nothing; the number of triples added.
fn apply_rule(
    shapes: &CompiledShapes,
    shape: &Shape,
    rule: &Rule,
    data: &mut Graph,
    budget: &Budget,
) -> Result<usize, String> {
    let mut added = 0;
    // The focus nodes and (for triple rules) the conditions are evaluated once per rule
    // application, as pySHACL does; a SPARQL rule re-checks its conditions on every pass.
    let mut applicable = applicable_nodes(shapes, shape, rule, data, budget)?;
    for pass in 0.. {
        if pass >= ITERATION_LIMIT {
            return Err(format!(
                "the rule still adds triples after {ITERATION_LIMIT} passes"
            ));
        }
        if pass > 0 && matches!(rule.kind, RuleKind::Sparql(_)) {
            applicable = applicable_nodes(shapes, shape, rule, data, budget)?;
        }
        let triples = {
            let mut validator = Validator::new(shapes, data, budget);
            let mut triples = Vec::new();
            for focus in &applicable {
                match &rule.kind {
                    RuleKind::Triple {
                        subject,
                        predicate,
                        object,
                    } => {
                        let s = evaluate(&mut validator, subject, focus);
                        let p = evaluate(&mut validator, predicate, focus);
                        let o = evaluate(&mut validator, object, focus);
                        for s in &s {
                            let s = match s {
                                Term::NamedNode(n) => NamedOrBlankNode::from(n.clone()),
                                Term::BlankNode(b) => b.clone().into(),
                                _ => continue,
                            };
                            for p in &p {
                                let Term::NamedNode(p) = p else {
                                    continue;
                                };
                                for o in &o {
                                    triples.push(Triple::new(s.clone(), p.clone(), o.clone()));
                                }
                            }
                        }
                    }
                    RuleKind::Sparql(queries) => {
                        for query in queries {
                            triples.extend(validator.construct(shape, query, focus)?);
                        }
                    }
                }
            }
            triples
        };
        let mut new = 0;
        for t in &triples {
            if data.insert(t) {
                new += 1;
            }
        }
        // The pass's triples sorted into the graph once, before the next pass reads it.
        data.freeze();
        added += new;
        if new == 0 {
            break;
        }
    }
    Ok(added)
}

/// The focus nodes of `shape` that conform to every condition of `rule`.
fn applicable_nodes(
    shapes: &CompiledShapes,
    shape: &Shape,
    rule: &Rule,
    data: &Graph,
    budget: &Budget,
) -> Result<Vec<Term>, String> {
    let mut validator = Validator::new(shapes, data, budget);
    let focus = validator.focus_nodes(shape)?;
    Ok(focus
        .into_iter()
        .filter(|node| rule.conditions.iter().all(|&c| validator.conforms(c, node)))
        .collect())
}

/// The nodes of a node expression for one focus node, without duplicates, in a stable order.
fn evaluate(validator: &mut Validator<'_>, expr: &NodeExpr, focus: &Term) -> Vec<Term> {
    let mut out = match expr {
        NodeExpr::This => vec![focus.clone()],
        NodeExpr::Constant(t) => vec![t.clone()],
        NodeExpr::Path(path, nodes) => {
            let starts = match nodes {
                Some(e) => evaluate(validator, e, focus),
                None => vec![focus.clone()],
            };
            starts
                .iter()
                .flat_map(|n| path.evaluate(validator.data(), n))
                .collect()
        }
        NodeExpr::FilterShape(shape, nodes) => evaluate(validator, nodes, focus)
            .into_iter()
            .filter(|n| validator.conforms(*shape, n))
            .collect(),
        NodeExpr::Union(members) => members
            .iter()
            .flat_map(|m| evaluate(validator, m, focus))
            .collect(),
        NodeExpr::Intersection(members) => {
            let mut iter = members.iter();
            let mut acc = match iter.next() {
                Some(first) => evaluate(validator, first, focus),
                None => Vec::new(),
            };
            for m in iter {
                let other: HashSet<Term> = evaluate(validator, m, focus).into_iter().collect();
                acc.retain(|t| other.contains(t));
            }
            acc
        }
    };
    let mut seen = HashSet::new();
    out.retain(|t| seen.insert(t.clone()));
    out
}
