//! SHACL-SPARQL: SPARQL-based constraints and constraint components.

use std::collections::{HashMap, HashSet};

use fair_graph::Graph;
use oxrdf::{Literal, NamedNode, NamedNodeRef, Term, Variable};
use spareval::{QueryEvaluator, QueryResults};

use super::dataset::GraphDataset;
use super::prebind::{bind, skolemize, unskolemize};
use spargebra::algebra::{Expression, GraphPattern};
use spargebra::{Query, SparqlParser};

use super::error::ShapesError;
use super::graph::{instances_of, invalid, objects, term_is_true};
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
    /// Whether the query can run once for all focus nodes (see [`is_batchable`]).
    pub(crate) batchable: bool,
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

/// What SPARQL queries of a shapes graph are parsed with besides their `sh:prefixes`.
#[derive(Debug, Default)]
pub(crate) struct Scope {
    /// The shapes graph's base IRI: a relative `sh:namespace` resolves against it.
    pub base: Option<oxiri::Iri<String>>,
    /// Prefixes every query may use unless its `sh:prefixes` declare the same prefix.
    pub defaults: Vec<(String, String)>,
}

impl Scope {
    /// `ns` resolved against the base when it is relative and there is a base.
    fn resolve(&self, ns: &str) -> String {
        match &self.base {
            Some(base) if oxiri::Iri::parse(ns).is_err() => base
                .resolve(ns)
                .map(oxiri::Iri::into_inner)
                .unwrap_or_else(|_| ns.to_owned()),
            _ => ns.to_owned(),
        }
    }
}

/// Collects the prefix declarations reachable from `node` through `sh:prefixes`, then the
/// scope's default prefixes that they do not declare. A relative `sh:namespace`
/// (rocrate-validator declares `ro:` as `"./"`) is resolved against the shapes graph's base
/// IRI; without a base it is left as written (and the SPARQL parser rejects it).
pub(crate) fn prefixes(
    graph: &Graph,
    scope: &Scope,
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
                    out.push((prefix.value().to_owned(), scope.resolve(ns.value())));
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
    let declared: HashSet<String> = out.iter().map(|(p, _)| p.clone()).collect();
    for (prefix, ns) in &scope.defaults {
        if !declared.contains(prefix) {
            out.push((prefix.clone(), scope.resolve(ns)));
        }
    }
    Ok(out)
}

pub(crate) fn literals(terms: Vec<Term>) -> Vec<Literal> {
    terms
        .into_iter()
        .filter_map(|t| match t {
            Term::Literal(l) => Some(l),
            _ => None,
        })
        .collect()
}

pub(crate) fn parse_query(
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
    let batchable = is_batchable(&query);
    Ok(Prepared {
        query,
        uses_shapes_graph: vars.contains("shapesGraph"),
        batchable,
    })
}

impl Prepared {
    /// Whether the query is a SELECT query.
    pub(crate) fn is_select(&self) -> bool {
        matches!(self.query, Query::Select { .. })
    }

    /// Whether the query is a CONSTRUCT query.
    pub(crate) fn is_construct(&self) -> bool {
        matches!(self.query, Query::Construct { .. })
    }
}

/// Whether a SELECT query gives, for every focus node, the same solutions when `$this` is left
/// unbound and the solutions are then filtered on `?this`, as when `$this` is pre-bound.
///
/// That holds (conservatively) when `$this` is projected and is bound by a triple or path pattern
/// of the top-level group, and every other mention of it is in a top-level FILTER without EXISTS.
/// Such queries run once per shape and data graph instead of once per focus node.
fn is_batchable(query: &Query) -> bool {
    let Query::Select { pattern, .. } = query else {
        return false;
    };
    let mut p = pattern;
    while let GraphPattern::Distinct { inner } | GraphPattern::Reduced { inner } = p {
        p = inner;
    }
    let GraphPattern::Project { inner, variables } = p else {
        return false;
    };
    if !variables.iter().any(|v| v.as_str() == "this") {
        return false;
    }
    // FILTERs of the top-level group apply after its triple patterns have bound `?this`.
    let mut p = &**inner;
    while let GraphPattern::Filter { expr, inner } = p {
        let text = expr.to_string();
        if text.contains("?this") && text.to_ascii_uppercase().contains("EXISTS") {
            return false;
        }
        p = inner;
    }
    let mut bound = false;
    top_level_ok(p, &mut bound) && bound
}

fn is_this(t: &spargebra::term::TermPattern) -> bool {
    matches!(t, spargebra::term::TermPattern::Variable(v) if v.as_str() == "this")
}

fn top_level_ok(p: &GraphPattern, bound: &mut bool) -> bool {
    match p {
        GraphPattern::Bgp { patterns } => {
            for t in patterns {
                if is_this(&t.subject) || is_this(&t.object) {
                    *bound = true;
                }
                if matches!(&t.predicate, spargebra::term::NamedNodePattern::Variable(v) if v.as_str() == "this")
                {
                    return false;
                }
            }
            true
        }
        GraphPattern::Path {
            subject, object, ..
        } => {
            if is_this(subject) || is_this(object) {
                *bound = true;
            }
            true
        }
        GraphPattern::Join { left, right } => {
            top_level_ok(left, bound) && top_level_ok(right, bound)
        }
        other => !other.to_string().contains("?this"),
    }
}

/// Rejects queries that the SHACL pre-binding rules forbid (SHACL §5.2.1).
fn check_prebinding(
    owner: &Term,
    query: &Query,
    prebound: &[&str],
) -> Result<HashSet<String>, ShapesError> {
    let pattern = match query {
        Query::Select { pattern, .. }
        | Query::Ask { pattern, .. }
        | Query::Construct { pattern, .. } => pattern,
        Query::Describe { .. } => {
            return Err(sparql_error(
                owner,
                "only SELECT, ASK and (in rules) CONSTRUCT queries are allowed",
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
    scope: &Scope,
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
    let prefixes = prefixes(graph, scope, shape, node)?;
    let query = parse_query(
        shape,
        select.value(),
        &prefixes,
        path,
        &["this", "shapesGraph", "currentShape"],
    )?;
    if !query.is_select() {
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
    scope: &Scope,
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
        prefixes: prefixes(graph, scope, component, node)?,
        messages: literals(objects(graph, node, v::MESSAGE)),
        node: node.clone(),
    })
}

pub(crate) fn local_name(iri: &str) -> &str {
    iri.rsplit(['#', '/', ':']).next().unwrap_or(iri)
}

/// Reads the `sh:ConstraintComponent`s of the shapes graph.
pub(crate) fn component_defs(
    graph: &Graph,
    scope: &Scope,
) -> Result<Vec<ComponentDef>, ShapesError> {
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
                .map(|t| validator_def(graph, scope, &node, t))
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
    if query.is_construct() {
        return Err(sparql_error(
            &validator.node,
            "a validator must hold a SELECT or ASK query",
        ));
    }
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

/// The outcome of running a validator query.
pub(crate) enum Outcome {
    /// Each solution as (variable name, value) pairs, blank nodes restored.
    Solutions(Vec<HashMap<String, Term>>),
    Boolean(bool),
    /// The triples of a CONSTRUCT query, blank nodes restored.
    Triples(Vec<oxrdf::Triple>),
}

/// Runs `query` on `dataset` with the given pre-bound variables.
pub(crate) fn run(
    query: &Prepared,
    dataset: GraphDataset<'_>,
    bindings: &[(Variable, Term)],
) -> Result<Outcome, String> {
    let map: HashMap<String, Term> = bindings
        .iter()
        .map(|(v, t)| (v.as_str().to_owned(), skolemize(t.clone())))
        .collect();
    let mut query = bind(&query.query, &map);
    meter(&mut query);
    let evaluator = QueryEvaluator::new()
        .with_custom_function(NamedNode::new_unchecked(STEP_FUNCTION), |_| {
            Some(Literal::from(true).into())
        });
    let budget = dataset.budget;
    match evaluator
        .prepare(&query)
        .execute(dataset)
        .map_err(|e| e.to_string())?
    {
        QueryResults::Solutions(solutions) => {
            let mut out = Vec::new();
            for solution in solutions {
                let solution = solution.map_err(|e| e.to_string())?;
                budget.spend(1).map_err(|e| e.to_string())?;
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
        // Only rules run CONSTRUCT queries, and the WebAssembly build compiles none.
        QueryResults::Graph(_) if cfg!(target_arch = "wasm32") => {
            Err("unexpected CONSTRUCT/DESCRIBE results".into())
        }
        QueryResults::Graph(triples) => {
            let mut out = Vec::new();
            for triple in triples {
                let triple = triple.map_err(|e| e.to_string())?;
                budget.spend(1).map_err(|e| e.to_string())?;
                let subject = match unskolemize(triple.subject.into()) {
                    Term::NamedNode(n) => oxrdf::NamedOrBlankNode::from(n),
                    Term::BlankNode(b) => b.into(),
                    other => return Err(format!("CONSTRUCT produced the subject {other}")),
                };
                out.push(oxrdf::Triple::new(
                    subject,
                    triple.predicate,
                    unskolemize(triple.object),
                ));
            }
            Ok(Outcome::Triples(out))
        }
    }
}

/// A function that does nothing; its result is handed to the dataset, which charges the step
/// budget (see [`meter`]).
const STEP_FUNCTION: &str = "urn:x-fairlint:step";

/// Makes the tuples entering an aggregate, `DISTINCT`, `REDUCED` or `ORDER BY` cost a step
/// each: spareval joins and counts tuples without asking the dataset for anything, so a
/// `COUNT(*)` over a cross product would otherwise run unmetered. The inner pattern of those
/// operators becomes `Extend(inner, ?fresh, <urn:x-fairlint:step>())`; the result of the call
/// is internalised by the dataset view, which charges the budget and fails once it is spent.
fn meter(query: &mut Query) {
    let mut counter = 0;
    match query {
        Query::Select { pattern, .. }
        | Query::Ask { pattern, .. }
        | Query::Construct { pattern, .. }
        | Query::Describe { pattern, .. } => meter_pattern(pattern, &mut counter),
    }
}

fn meter_pattern(p: &mut GraphPattern, counter: &mut usize) {
    match p {
        GraphPattern::Group { inner, .. } | GraphPattern::OrderBy { inner, .. } => {
            meter_pattern(inner, counter);
            metered(inner, counter);
        }
        GraphPattern::Distinct { inner } | GraphPattern::Reduced { inner } => {
            meter_pattern(inner, counter);
            match inner.as_mut() {
                GraphPattern::Project { inner, .. } => metered(inner, counter),
                _ => metered(inner, counter),
            }
        }
        GraphPattern::Join { left, right }
        | GraphPattern::Union { left, right }
        | GraphPattern::Minus { left, right }
        | GraphPattern::LeftJoin { left, right, .. } => {
            meter_pattern(left, counter);
            meter_pattern(right, counter);
        }
        GraphPattern::Filter { inner, .. }
        | GraphPattern::Graph { inner, .. }
        | GraphPattern::Extend { inner, .. }
        | GraphPattern::Project { inner, .. }
        | GraphPattern::Slice { inner, .. }
        | GraphPattern::Service { inner, .. } => meter_pattern(inner, counter),
        _ => {}
    }
}

fn metered(inner: &mut Box<GraphPattern>, counter: &mut usize) {
    *counter += 1;
    let pattern = std::mem::replace(
        inner.as_mut(),
        GraphPattern::Bgp {
            patterns: Vec::new(),
        },
    );
    **inner = GraphPattern::Extend {
        inner: Box::new(pattern),
        variable: Variable::new_unchecked(format!("fairlint_step_{counter}")),
        expression: Expression::FunctionCall(
            spargebra::algebra::Function::Custom(NamedNode::new_unchecked(STEP_FUNCTION)),
            Vec::new(),
        ),
    };
}

/// Solutions of a batched query, grouped by the value of `?this`.
pub(crate) type Batch = HashMap<Term, Vec<HashMap<String, Term>>>;

/// Runs a batchable query once with `$this` unbound (other variables pre-bound) and groups the
/// solutions by `?this`.
pub(crate) fn run_batch(
    query: &Prepared,
    dataset: GraphDataset<'_>,
    bindings: &[(Variable, Term)],
) -> Result<Batch, String> {
    let others: Vec<(Variable, Term)> = bindings
        .iter()
        .filter(|(v, _)| v.as_str() != "this")
        .cloned()
        .collect();
    let mut batch = Batch::new();
    if let Outcome::Solutions(solutions) = run(query, dataset, &others)? {
        for solution in solutions {
            if let Some(this) = solution.get("this").cloned() {
                batch.entry(this).or_default().push(solution);
            }
        }
    }
    Ok(batch)
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

#[cfg(test)]
mod tests;
