//! SHACL-SPARQL: SPARQL-based constraints and constraint components.

use std::collections::{HashMap, HashSet};

use oxrdf::{Dataset, Graph, GraphName, Literal, NamedNode, NamedNodeRef, Quad, Term, Variable};
use spareval::{QueryEvaluator, QueryResults};

use super::prebind::{bind, skolemize, unskolemize};
use spargebra::algebra::{Expression, GraphPattern};
use spargebra::{Query, SparqlParser};

use super::compile::{instances_of, invalid, objects, term_is_true};
use super::error::ShapesError;
use super::path::Path;
use super::vocab as v;

/// The IRI under which the shapes graph is visible to SPARQL queries (`$shapesGraph`).
pub(crate) const SHAPES_GRAPH_IRI: &str = "urn:x-fairlint:shapes-graph";

/// A `sh:sparql` constraint, compiled for one shape.
#[derive(Debug)]
pub(crate) struct SparqlConstraint {
    pub node: Term,
    pub query: Prepared,
    pub messages: Vec<Literal>,
}

/// A SPARQL-based constraint component instantiated for one shape.
#[derive(Debug)]
pub(crate) struct ComponentConstraint {
    pub component: NamedNode,
    pub query: Prepared,
    pub ask: bool,
    pub bindings: Vec<(Variable, Term)>,
    pub messages: Vec<Literal>,
}

/// A parsed query and the variables it mentions (only those can be pre-bound).
#[derive(Debug, Clone)]
pub(crate) struct Prepared {
    query: Query,
    /// Whether the query mentions `$shapesGraph` (the shapes graph is then added to the dataset).
    pub(crate) uses_shapes_graph: bool,
}

#[derive(Debug)]
struct ValidatorDef {
    text: String,
    ask: bool,
    prefixes: Vec<(String, String)>,
    messages: Vec<Literal>,
    node: Term,
}

#[derive(Debug)]
struct Param {
    path: NamedNode,
    var: String,
    optional: bool,
}

/// A `sh:ConstraintComponent` declared in the shapes graph.
#[derive(Debug)]
pub(crate) struct ComponentDef {
    iri: NamedNode,
    params: Vec<Param>,
    validator: Option<ValidatorDef>,
    node_validator: Option<ValidatorDef>,
    property_validator: Option<ValidatorDef>,
}

fn sparql_error(shape: &Term, message: impl Into<String>) -> ShapesError {
    ShapesError::Sparql {
        shape: shape.to_string(),
        message: message.into(),
    }
}

/// Collects the prefix declarations reachable from `node` through `sh:prefixes`.
fn prefixes(
    graph: &Graph,
    owner: &Term,
    node: &Term,
) -> Result<Vec<(String, String)>, ShapesError> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let mut queue: Vec<Term> = objects(graph, node, v::PREFIXES);
    while let Some(p) = queue.pop() {
        if !seen.insert(p.clone()) {
            continue;
        }
        for decl in objects(graph, &p, v::DECLARE) {
            let prefix = objects(graph, &decl, v::PREFIX);
            let namespace = objects(graph, &decl, v::NAMESPACE);
            match (prefix.as_slice(), namespace.as_slice()) {
                ([Term::Literal(prefix)], [Term::Literal(ns)]) => {
                    out.push((prefix.value().to_owned(), ns.value().to_owned()));
                }
                ([Term::Literal(prefix)], [Term::NamedNode(ns)]) => {
                    out.push((prefix.value().to_owned(), ns.as_str().to_owned()));
                }
                _ => {
                    return Err(invalid(
                        owner,
                        v::DECLARE,
                        format!("{decl} must have exactly one sh:prefix and one sh:namespace"),
                    ))
                }
            }
        }
        queue.extend(objects(graph, &p, v::OWL_IMPORTS));
    }
    out.sort();
    out.dedup();
    Ok(out)
}

fn literals(terms: Vec<Term>) -> Vec<Literal> {
    terms
        .into_iter()
        .filter_map(|t| match t {
            Term::Literal(l) => Some(l),
            _ => None,
        })
        .collect()
}

fn parse_query(
    owner: &Term,
    text: &str,
    prefixes: &[(String, String)],
    path: Option<&Path>,
    prebound: &[&str],
) -> Result<Prepared, ShapesError> {
    let text = match path {
        Some(path) => text.replace("$PATH", &path.to_sparql()),
        None => text.to_owned(),
    };
    let mut parser = SparqlParser::new();
    for (prefix, ns) in prefixes {
        parser = parser
            .with_prefix(prefix.clone(), ns.clone())
            .map_err(|e| sparql_error(owner, format!("invalid namespace {ns:?}: {e}")))?;
    }
    let query = parser
        .parse_query(&text)
        .map_err(|e| sparql_error(owner, e.to_string()))?;
    let vars = check_prebinding(owner, &query, prebound)?;
    Ok(Prepared {
        query,
        uses_shapes_graph: vars.contains("shapesGraph"),
    })
}

/// Rejects queries that the SHACL pre-binding rules forbid (SHACL §5.2.1).
fn check_prebinding(
    owner: &Term,
    query: &Query,
    prebound: &[&str],
) -> Result<HashSet<String>, ShapesError> {
    let pattern = match query {
        Query::Select { pattern, .. } | Query::Ask { pattern, .. } => pattern,
        _ => {
            return Err(sparql_error(
                owner,
                "only SELECT and ASK queries are allowed",
            ))
        }
    };
    let mut mentioned = HashSet::new();
    collect_vars(pattern, &mut mentioned);
    let prebound: Vec<&str> = prebound
        .iter()
        .copied()
        .filter(|v| mentioned.contains(*v))
        .collect();
    let mut top = pattern;
    // Skip the solution modifiers and the projection of the query itself.
    loop {
        top = match top {
            GraphPattern::Distinct { inner }
            | GraphPattern::Reduced { inner }
            | GraphPattern::Slice { inner, .. }
            | GraphPattern::OrderBy { inner, .. } => inner,
            GraphPattern::Project { inner, .. } => {
                top = inner;
                break;
            }
            _ => break,
        };
    }
    walk(owner, top, &prebound)?;
    Ok(mentioned)
}

fn collect_vars(p: &GraphPattern, out: &mut HashSet<String>) {
    let text = p.to_string();
    // Variables appear as `?name` in the algebra's SPARQL-like serialization.
    let bytes: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        if bytes.get(i) == Some(&'?') {
            let mut j = i + 1;
            let mut name = String::new();
            while let Some(c) = bytes.get(j) {
                if c.is_alphanumeric() || *c == '_' {
                    name.push(*c);
                    j += 1;
                } else {
                    break;
                }
            }
            if !name.is_empty() {
                out.insert(name);
            }
            i = j;
        } else {
            i += 1;
        }
    }
}

fn walk(owner: &Term, p: &GraphPattern, prebound: &[&str]) -> Result<(), ShapesError> {
    match p {
        GraphPattern::Minus { .. } => Err(sparql_error(
            owner,
            "MINUS is not allowed with pre-bound variables",
        )),
        GraphPattern::Values { .. } => Err(sparql_error(
            owner,
            "VALUES is not allowed with pre-bound variables",
        )),
        GraphPattern::Service { .. } => Err(sparql_error(
            owner,
            "SERVICE is not allowed with pre-bound variables",
        )),
        GraphPattern::Extend {
            inner,
            variable,
            expression,
        } => {
            if prebound.contains(&variable.as_str()) || is_prebound_name(variable.as_str()) {
                return Err(sparql_error(
                    owner,
                    format!("AS ?{} binds a pre-bound variable", variable.as_str()),
                ));
            }
            walk_expr(owner, expression, prebound)?;
            walk(owner, inner, prebound)
        }
        GraphPattern::Project { inner, variables } => {
            for var in prebound {
                if !variables.iter().any(|v| v.as_str() == *var) {
                    return Err(sparql_error(
                        owner,
                        format!("sub-query does not project the pre-bound variable ${var}"),
                    ));
                }
            }
            walk(owner, inner, prebound)
        }
        GraphPattern::Join { left, right } | GraphPattern::Union { left, right } => {
            walk(owner, left, prebound)?;
            walk(owner, right, prebound)
        }
        GraphPattern::LeftJoin {
            left,
            right,
            expression,
        } => {
            walk(owner, left, prebound)?;
            walk(owner, right, prebound)?;
            if let Some(e) = expression {
                walk_expr(owner, e, prebound)?;
            }
            Ok(())
        }
        GraphPattern::Filter { expr, inner } => {
            walk_expr(owner, expr, prebound)?;
            walk(owner, inner, prebound)
        }
        GraphPattern::Graph { inner, .. }
        | GraphPattern::Distinct { inner }
        | GraphPattern::Reduced { inner }
        | GraphPattern::Slice { inner, .. }
        | GraphPattern::OrderBy { inner, .. }
        | GraphPattern::Group { inner, .. } => walk(owner, inner, prebound),
        _ => Ok(()),
    }
}

fn is_prebound_name(name: &str) -> bool {
    matches!(name, "this" | "shapesGraph" | "currentShape")
}

fn walk_expr(owner: &Term, e: &Expression, prebound: &[&str]) -> Result<(), ShapesError> {
    match e {
        Expression::Exists(p) => walk(owner, p, prebound),
        Expression::Or(a, b)
        | Expression::And(a, b)
        | Expression::Equal(a, b)
        | Expression::SameTerm(a, b)
        | Expression::Greater(a, b)
        | Expression::GreaterOrEqual(a, b)
        | Expression::Less(a, b)
        | Expression::LessOrEqual(a, b)
        | Expression::Add(a, b)
        | Expression::Subtract(a, b)
        | Expression::Multiply(a, b)
        | Expression::Divide(a, b) => {
            walk_expr(owner, a, prebound)?;
            walk_expr(owner, b, prebound)
        }
        Expression::Not(a) | Expression::UnaryPlus(a) | Expression::UnaryMinus(a) => {
            walk_expr(owner, a, prebound)
        }
        Expression::If(a, b, c) => {
            walk_expr(owner, a, prebound)?;
            walk_expr(owner, b, prebound)?;
            walk_expr(owner, c, prebound)
        }
        Expression::In(a, list) => {
            walk_expr(owner, a, prebound)?;
            list.iter().try_for_each(|x| walk_expr(owner, x, prebound))
        }
        Expression::Coalesce(list) | Expression::FunctionCall(_, list) => {
            list.iter().try_for_each(|x| walk_expr(owner, x, prebound))
        }
        _ => Ok(()),
    }
}

/// Compiles a `sh:sparql` constraint of `shape`; `None` when it is deactivated.
pub(crate) fn compile_sparql_constraint(
    graph: &Graph,
    shape: &Term,
    path: Option<&Path>,
    node: &Term,
) -> Result<Option<SparqlConstraint>, ShapesError> {
    for d in objects(graph, node, v::DEACTIVATED) {
        if term_is_true(&d) {
            return Ok(None);
        }
    }
    let select = objects(graph, node, v::SELECT);
    let [Term::Literal(select)] = select.as_slice() else {
        return Err(invalid(
            shape,
            v::SELECT,
            format!("{node} needs exactly one sh:select string"),
        ));
    };
    let prefixes = prefixes(graph, shape, node)?;
    let query = parse_query(
        shape,
        select.value(),
        &prefixes,
        path,
        &["this", "shapesGraph", "currentShape"],
    )?;
    if !matches!(query.query, Query::Select { .. }) {
        return Err(sparql_error(shape, "sh:select must hold a SELECT query"));
    }
    Ok(Some(SparqlConstraint {
        node: node.clone(),
        query,
        messages: literals(objects(graph, node, v::MESSAGE)),
    }))
}

fn validator_def(
    graph: &Graph,
    component: &Term,
    node: &Term,
) -> Result<ValidatorDef, ShapesError> {
    let select = objects(graph, node, v::SELECT);
    let ask = objects(graph, node, v::ASK);
    let (text, is_ask) = match (select.as_slice(), ask.as_slice()) {
        ([Term::Literal(s)], []) => (s.value().to_owned(), false),
        ([], [Term::Literal(a)]) => (a.value().to_owned(), true),
        _ => {
            return Err(sparql_error(
                component,
                format!("validator {node} needs exactly one sh:select or sh:ask"),
            ))
        }
    };
    Ok(ValidatorDef {
        text,
        ask: is_ask,
        prefixes: prefixes(graph, component, node)?,
        messages: literals(objects(graph, node, v::MESSAGE)),
        node: node.clone(),
    })
}

fn local_name(iri: &str) -> &str {
    iri.rsplit(['#', '/', ':']).next().unwrap_or(iri)
}

/// Reads the `sh:ConstraintComponent`s of the shapes graph.
pub(crate) fn component_defs(graph: &Graph) -> Result<Vec<ComponentDef>, ShapesError> {
    let mut defs = Vec::new();
    let mut nodes: Vec<Term> = instances_of(graph, v::CONSTRAINT_COMPONENT);
    nodes.sort_by_cached_key(ToString::to_string);
    for node in nodes {
        let Term::NamedNode(iri) = &node else {
            continue;
        };
        if iri.as_str().starts_with(v::SH) {
            continue;
        }
        let mut params = Vec::new();
        for p in objects(graph, &node, v::PARAMETER) {
            let path = match objects(graph, &p, v::PATH).as_slice() {
                [Term::NamedNode(path)] => path.clone(),
                _ => {
                    return Err(invalid(
                        &node,
                        v::PARAMETER,
                        format!("{p} needs one IRI sh:path"),
                    ))
                }
            };
            let optional = objects(graph, &p, v::OPTIONAL).iter().any(term_is_true);
            let var = local_name(path.as_str()).to_owned();
            params.push(Param {
                path,
                var,
                optional,
            });
        }
        let get = |p: NamedNodeRef<'_>| -> Result<Option<ValidatorDef>, ShapesError> {
            objects(graph, &node, p)
                .first()
                .map(|t| validator_def(graph, &node, t))
                .transpose()
        };
        defs.push(ComponentDef {
            iri: iri.clone(),
            params,
            validator: get(v::VALIDATOR)?,
            node_validator: get(v::NODE_VALIDATOR)?,
            property_validator: get(v::PROPERTY_VALIDATOR)?,
        });
    }
    Ok(defs)
}

/// Instantiates `def` for `shape` if the shape has values for all mandatory parameters.
pub(crate) fn compile_component(
    graph: &Graph,
    def: &ComponentDef,
    shape: &Term,
    path: Option<&Path>,
) -> Result<Vec<ComponentConstraint>, ShapesError> {
    let mut per_param: Vec<(&Param, Vec<Term>)> = Vec::new();
    for p in &def.params {
        let values = objects(graph, shape, p.path.as_ref());
        if values.is_empty() {
            if p.optional {
                continue;
            }
            return Ok(Vec::new());
        }
        per_param.push((p, values));
    }
    if per_param.is_empty() {
        return Ok(Vec::new());
    }
    let validator = if path.is_some() {
        def.property_validator.as_ref().or(def.validator.as_ref())
    } else {
        def.node_validator.as_ref().or(def.validator.as_ref())
    };
    let Some(validator) = validator else {
        return Ok(Vec::new());
    };
    let mut prebound: Vec<&str> = vec!["this", "shapesGraph", "currentShape"];
    if validator.ask {
        prebound.push("value");
    }
    for (p, _) in &per_param {
        prebound.push(&p.var);
    }
    let query = parse_query(
        &validator.node,
        &validator.text,
        &validator.prefixes,
        path,
        &prebound,
    )?;
    // Cartesian product of the parameter values.
    let mut combos: Vec<Vec<(Variable, Term)>> = vec![Vec::new()];
    for (p, values) in &per_param {
        let var = Variable::new(p.var.clone())
            .map_err(|e| sparql_error(&def.iri.clone().into(), e.to_string()))?;
        let mut next = Vec::new();
        for combo in &combos {
            for value in values {
                let mut c = combo.clone();
                c.push((var.clone(), value.clone()));
                next.push(c);
            }
        }
        combos = next;
    }
    let mut messages = validator.messages.clone();
    if messages.is_empty() {
        messages = literals(objects(graph, &def.iri.clone().into(), v::MESSAGE));
    }
    Ok(combos
        .into_iter()
        .map(|bindings| ComponentConstraint {
            component: def.iri.clone(),
            query: query.clone(),
            ask: validator.ask,
            bindings,
            messages: messages.clone(),
        })
        .collect())
}

/// Builds the SPARQL dataset: the data graph as default graph, the shapes graph as a named graph.
pub(crate) fn dataset(data: &Graph, shapes: &[Quad]) -> Dataset {
    let mut ds = Dataset::new();
    for t in data {
        ds.insert(&skolem_quad(t, GraphName::DefaultGraph));
    }
    for q in shapes {
        ds.insert(q);
    }
    ds
}

/// The shapes graph as skolemized quads in the `$shapesGraph` named graph.
pub(crate) fn shapes_quads(shapes: &Graph) -> Vec<Quad> {
    let g = GraphName::NamedNode(NamedNode::new_unchecked(SHAPES_GRAPH_IRI));
    shapes.iter().map(|t| skolem_quad(t, g.clone())).collect()
}

fn skolem_quad(t: oxrdf::TripleRef<'_>, graph: GraphName) -> Quad {
    let subject = match skolemize(Term::from(t.subject.into_owned())) {
        Term::NamedNode(n) => oxrdf::NamedOrBlankNode::from(n),
        Term::BlankNode(b) => b.into(),
        _ => oxrdf::NamedOrBlankNode::from(NamedNode::new_unchecked(SHAPES_GRAPH_IRI)),
    };
    Quad::new(
        subject,
        t.predicate.into_owned(),
        skolemize(t.object.into_owned()),
        graph,
    )
}

/// The outcome of running a validator query.
pub(crate) enum Outcome {
    /// Each solution as (variable name, value) pairs, blank nodes restored.
    Solutions(Vec<HashMap<String, Term>>),
    Boolean(bool),
}

/// Runs `query` on `dataset` with the given pre-bound variables.
pub(crate) fn run(
    query: &Prepared,
    dataset: &Dataset,
    bindings: &[(Variable, Term)],
) -> Result<Outcome, String> {
    let map: HashMap<String, Term> = bindings
        .iter()
        .map(|(v, t)| (v.as_str().to_owned(), skolemize(t.clone())))
        .collect();
    let query = bind(&query.query, &map);
    let evaluator = QueryEvaluator::new();
    match evaluator
        .prepare(&query)
        .execute(dataset)
        .map_err(|e| e.to_string())?
    {
        QueryResults::Solutions(solutions) => {
            let mut out = Vec::new();
            for solution in solutions {
                let solution = solution.map_err(|e| e.to_string())?;
                out.push(
                    solution
                        .iter()
                        .map(|(v, t)| (v.as_str().to_owned(), unskolemize(t.clone())))
                        .collect(),
                );
            }
            Ok(Outcome::Solutions(out))
        }
        QueryResults::Boolean(b) => Ok(Outcome::Boolean(b)),
        QueryResults::Graph(_) => Err("unexpected CONSTRUCT/DESCRIBE results".into()),
    }
}

/// Substitutes `{?var}` and `{$var}` in a message with the bindings.
pub(crate) fn substitute_message(
    message: &Literal,
    lookup: &dyn Fn(&str) -> Option<Term>,
) -> Literal {
    let text = message.value();
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let (before, after) = rest.split_at(start);
        out.push_str(before);
        let inner = after.get(1..).unwrap_or("");
        let replaced = inner.find('}').and_then(|end| {
            let name = inner.get(..end)?;
            let var = name.strip_prefix('?').or_else(|| name.strip_prefix('$'))?;
            let term = lookup(var)?;
            let value = match term {
                Term::Literal(l) => l.value().to_owned(),
                Term::NamedNode(n) => n.as_str().to_owned(),
                other => other.to_string(),
            };
            Some((value, end))
        });
        match replaced {
            Some((value, end)) => {
                out.push_str(&value);
                rest = inner.get(end + 1..).unwrap_or("");
            }
            None => {
                out.push('{');
                rest = inner;
            }
        }
    }
    out.push_str(rest);
    match message.language() {
        Some(lang) => Literal::new_language_tagged_literal_unchecked(out, lang),
        None => Literal::new_simple_literal(out),
    }
}
