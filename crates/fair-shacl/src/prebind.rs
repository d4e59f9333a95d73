//! SHACL pre-binding (SHACL §5.2.1 and Appendix A): every occurrence of a pre-bound variable in
//! the query algebra is replaced by its value before evaluation.
//!
//! Blank nodes cannot be constants in SPARQL patterns, so the SPARQL dataset uses skolem IRIs for
//! blank nodes ([`skolemize`]) and results are mapped back ([`unskolemize`]).

use std::collections::HashMap;

use oxrdf::{BlankNode, Literal, NamedNode, Term};
use spargebra::algebra::{AggregateExpression, Expression, GraphPattern, OrderExpression};
use spargebra::term::{NamedNodePattern, TermPattern};
use spargebra::Query;

/// Prefix of the skolem IRIs standing for blank nodes inside SPARQL evaluation.
const SKOLEM: &str = "urn:x-fairlint:skolem:";

/// The term with blank nodes replaced by skolem IRIs.
pub(crate) fn skolemize(term: Term) -> Term {
    match term {
        Term::BlankNode(b) => NamedNode::new_unchecked(format!("{SKOLEM}{}", b.as_str())).into(),
        other => other,
    }
}

/// The term with skolem IRIs mapped back to blank nodes.
pub(crate) fn unskolemize(term: Term) -> Term {
    match term {
        Term::NamedNode(n) => match n.as_str().strip_prefix(SKOLEM) {
            Some(id) => BlankNode::new_unchecked(id).into(),
            None => n.into(),
        },
        other => other,
    }
}

type Bindings = HashMap<String, Term>;

/// Returns a copy of `query` with the bound variables replaced by their (skolemized) values.
pub(crate) fn bind(query: &Query, bindings: &Bindings) -> Query {
    let mut query = query.clone();
    match &mut query {
        Query::Select { pattern, .. }
        | Query::Ask { pattern, .. }
        | Query::Describe { pattern, .. } => graph_pattern(pattern, bindings),
        Query::Construct {
            template, pattern, ..
        } => {
            // A rule's CONSTRUCT template uses `$this` too.
            for t in template {
                term_pattern(&mut t.subject, bindings);
                named_node_pattern(&mut t.predicate, bindings);
                term_pattern(&mut t.object, bindings);
            }
            graph_pattern(pattern, bindings);
        }
    }
    query
}

fn term_pattern(tp: &mut TermPattern, b: &Bindings) {
    if let TermPattern::Variable(v) = tp {
        match b.get(v.as_str()) {
            Some(Term::NamedNode(n)) => *tp = TermPattern::NamedNode(n.clone()),
            Some(Term::Literal(l)) => *tp = TermPattern::Literal(l.clone()),
            _ => {}
        }
    }
}

fn named_node_pattern(np: &mut NamedNodePattern, b: &Bindings) {
    if let NamedNodePattern::Variable(v) = np {
        if let Some(Term::NamedNode(n)) = b.get(v.as_str()) {
            *np = NamedNodePattern::NamedNode(n.clone());
        }
    }
}

fn expression(e: &mut Expression, b: &Bindings) {
    match e {
        Expression::Variable(v) => match b.get(v.as_str()) {
            Some(Term::NamedNode(n)) => *e = Expression::NamedNode(n.clone()),
            Some(Term::Literal(l)) => *e = Expression::Literal(l.clone()),
            _ => {}
        },
        Expression::Bound(v) if b.contains_key(v.as_str()) => {
            *e = Expression::Literal(Literal::from(true));
        }
        Expression::Or(x, y)
        | Expression::And(x, y)
        | Expression::Equal(x, y)
        | Expression::SameTerm(x, y)
        | Expression::Greater(x, y)
        | Expression::GreaterOrEqual(x, y)
        | Expression::Less(x, y)
        | Expression::LessOrEqual(x, y)
        | Expression::Add(x, y)
        | Expression::Subtract(x, y)
        | Expression::Multiply(x, y)
        | Expression::Divide(x, y) => {
            expression(x, b);
            expression(y, b);
        }
        Expression::UnaryPlus(x) | Expression::UnaryMinus(x) | Expression::Not(x) => {
            expression(x, b);
        }
        Expression::In(x, list) => {
            expression(x, b);
            list.iter_mut().for_each(|i| expression(i, b));
        }
        Expression::If(x, y, z) => {
            expression(x, b);
            expression(y, b);
            expression(z, b);
        }
        Expression::Coalesce(list) | Expression::FunctionCall(_, list) => {
            list.iter_mut().for_each(|i| expression(i, b));
        }
        Expression::Exists(p) => graph_pattern(p, b),
        _ => {}
    }
}

fn graph_pattern(p: &mut GraphPattern, b: &Bindings) {
    match p {
        GraphPattern::Bgp { patterns } => {
            for t in patterns {
                term_pattern(&mut t.subject, b);
                named_node_pattern(&mut t.predicate, b);
                term_pattern(&mut t.object, b);
            }
        }
        GraphPattern::Path {
            subject, object, ..
        } => {
            term_pattern(subject, b);
            term_pattern(object, b);
        }
        GraphPattern::Join { left, right }
        | GraphPattern::Union { left, right }
        | GraphPattern::Minus { left, right } => {
            graph_pattern(left, b);
            graph_pattern(right, b);
        }
        GraphPattern::LeftJoin {
            left,
            right,
            expression: e,
        } => {
            graph_pattern(left, b);
            graph_pattern(right, b);
            if let Some(e) = e {
                expression(e, b);
            }
        }
        GraphPattern::Filter { expr, inner } => {
            expression(expr, b);
            graph_pattern(inner, b);
        }
        GraphPattern::Graph { name, inner } | GraphPattern::Service { name, inner, .. } => {
            named_node_pattern(name, b);
            graph_pattern(inner, b);
        }
        GraphPattern::Extend {
            inner,
            expression: e,
            ..
        } => {
            graph_pattern(inner, b);
            expression(e, b);
        }
        GraphPattern::OrderBy {
            inner,
            expression: list,
        } => {
            graph_pattern(inner, b);
            for o in list {
                match o {
                    OrderExpression::Asc(e) | OrderExpression::Desc(e) => expression(e, b),
                }
            }
        }
        GraphPattern::Project { inner, variables } => {
            variables.retain(|v| !b.contains_key(v.as_str()));
            graph_pattern(inner, b);
        }
        GraphPattern::Distinct { inner }
        | GraphPattern::Reduced { inner }
        | GraphPattern::Slice { inner, .. } => graph_pattern(inner, b),
        GraphPattern::Group {
            inner,
            variables,
            aggregates,
        } => {
            variables.retain(|v| !b.contains_key(v.as_str()));
            for (_, agg) in aggregates {
                if let AggregateExpression::FunctionCall { expr, .. } = agg {
                    expression(expr, b);
                }
            }
            graph_pattern(inner, b);
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use spargebra::SparqlParser;

    #[test]
    fn replaces_variables_everywhere() {
        let q = SparqlParser::new()
            .parse_query(
                "SELECT $this WHERE { { FILTER ($this = <http://ex/a>) } FILTER bound($this) }",
            )
            .unwrap();
        let mut b = Bindings::new();
        b.insert(
            "this".into(),
            NamedNode::new_unchecked("http://ex/a").into(),
        );
        let bound = bind(&q, &b).to_string();
        assert!(!bound.contains("?this"), "{bound}");
    }
}
