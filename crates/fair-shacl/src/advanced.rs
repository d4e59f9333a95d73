//! SHACL Advanced Features (<https://www.w3.org/TR/shacl-af/>), compiled: SPARQL-based
//! targets (`sh:SPARQLTarget`, `sh:SPARQLTargetType`), rules (`sh:TripleRule`,
//! `sh:SPARQLRule`, with `sh:condition`, `sh:order`, `sh:deactivated`) and the node
//! expressions of triple rules. `rules.rs` runs the rules.

use std::collections::HashMap;

use fair_graph::Graph;
use oxrdf::{Term, Variable};

use super::error::ShapesError;
use super::graph::{invalid, objects, term_is_true};
use super::path::{read_list, Path};
use super::sparql::{self, Prepared, Scope};
use super::vocab as v;

/// A SPARQL-based target: the bindings of `?this` of a SELECT query, with the parameters of a
/// custom target type pre-bound.
#[derive(Debug)]
pub(crate) struct SparqlTarget {
    /// The `sh:target` node.
    pub node: Term,
    pub query: Prepared,
    pub bindings: Vec<(Variable, Term)>,
}

/// A node expression (SHACL-AF §8).
#[derive(Debug)]
pub(crate) enum NodeExpr {
    /// `sh:this`: the focus node.
    This,
    /// An IRI or literal.
    Constant(Term),
    /// `[ sh:path p ; sh:nodes e ]`: the values of the path from each node of `e` (default
    /// `sh:this`).
    Path(Path, Option<Box<NodeExpr>>),
    /// `[ sh:filterShape s ; sh:nodes e ]`: the nodes of `e` that conform to shape `s`.
    FilterShape(usize, Box<NodeExpr>),
    /// `[ sh:intersection ( e1 e2 … ) ]`.
    Intersection(Vec<NodeExpr>),
    /// `[ sh:union ( e1 e2 … ) ]`.
    Union(Vec<NodeExpr>),
}

/// What a rule does.
#[derive(Debug)]
pub(crate) enum RuleKind {
    /// `sh:TripleRule`: the triples of the product of the three node expressions.
    Triple {
        subject: NodeExpr,
        predicate: NodeExpr,
        object: NodeExpr,
    },
    /// `sh:SPARQLRule`: the triples of each CONSTRUCT query, `$this` pre-bound.
    Sparql(Vec<Prepared>),
}

/// A compiled `sh:rule`.
#[derive(Debug)]
pub(crate) struct Rule {
    /// The rule node.
    pub node: Term,
    pub order: f64,
    /// Shapes a focus node must conform to for the rule to apply to it.
    pub conditions: Vec<usize>,
    pub kind: RuleKind,
}

/// The rules of one shape, in execution order.
#[derive(Debug)]
pub(crate) struct ShapeRules {
    pub shape: usize,
    pub order: f64,
    pub rules: Vec<Rule>,
}

/// An error for an Advanced Features construct that the engine does not run.
fn unsupported(shape: &Term, node: &Term, message: impl Into<String>) -> ShapesError {
    ShapesError::Unsupported {
        shape: shape.to_string(),
        node: node.to_string(),
        message: message.into(),
    }
}

fn one(
    graph: &Graph,
    shape: &Term,
    node: &Term,
    p: oxrdf::NamedNodeRef<'_>,
) -> Result<Term, ShapesError> {
    match objects(graph, node, p).as_slice() {
        [t] => Ok(t.clone()),
        _ => Err(invalid(shape, p, format!("{node} needs exactly one {p}"))),
    }
}

/// `sh:order`: a number (default 0).
fn order(graph: &Graph, shape: &Term, node: &Term) -> Result<f64, ShapesError> {
    match objects(graph, node, v::ORDER).as_slice() {
        [] => Ok(0.0),
        [Term::Literal(l)] => l
            .value()
            .parse::<f64>()
            .map_err(|_| invalid(shape, v::ORDER, format!("{l} is not a number"))),
        _ => Err(invalid(
            shape,
            v::ORDER,
            format!("{node} needs one numeric sh:order"),
        )),
    }
}

fn has_type(graph: &Graph, node: &Term, class: oxrdf::NamedNodeRef<'_>) -> bool {
    objects(graph, node, v::RDF_TYPE)
        .iter()
        .any(|t| *t == Term::from(class.into_owned()))
}

/// The error for an Advanced Features target or rule in the WebAssembly build, which leaves
/// them out to stay within the package's size budget (about 15 KB gzipped).
fn not_in_wasm(shape: &Term, node: &Term) -> ShapesError {
    unsupported(
        shape,
        node,
        "SHACL Advanced Features targets and rules are not in the WebAssembly build",
    )
}

/// The `sh:target` values of `shape`.
pub(crate) fn compile_targets(
    graph: &Graph,
    scope: &Scope,
    shape: &Term,
) -> Result<Vec<SparqlTarget>, ShapesError> {
    let mut out = Vec::new();
    for node in objects(graph, shape, v::TARGET) {
        if cfg!(target_arch = "wasm32") {
            return Err(not_in_wasm(shape, &node));
        }
        let (definition, bindings) = if has_type(graph, &node, v::SPARQL_TARGET)
            || !objects(graph, &node, v::SELECT).is_empty()
        {
            (node.clone(), Vec::new())
        } else {
            let types = objects(graph, &node, v::RDF_TYPE);
            let Some(kind) = types
                .iter()
                .find(|t| has_type(graph, t, v::SPARQL_TARGET_TYPE))
                .cloned()
            else {
                return Err(unsupported(
                    shape,
                    &node,
                    "sh:target is neither a sh:SPARQLTarget nor of a sh:SPARQLTargetType",
                ));
            };
            let mut bindings = Vec::new();
            for p in objects(graph, &kind, v::PARAMETER) {
                let Term::NamedNode(path) = one(graph, &kind, &p, v::PATH)? else {
                    return Err(invalid(
                        &kind,
                        v::PARAMETER,
                        format!("{p} needs one IRI sh:path"),
                    ));
                };
                let optional = objects(graph, &p, v::OPTIONAL).iter().any(term_is_true);
                let values = objects(graph, &node, path.as_ref());
                let var = Variable::new(sparql::local_name(path.as_str()))
                    .map_err(|e| invalid(&kind, v::PARAMETER, e.to_string()))?;
                match values.as_slice() {
                    [value] => bindings.push((var, value.clone())),
                    [] if optional => {}
                    _ => {
                        return Err(invalid(
                            shape,
                            v::TARGET,
                            format!("{node} needs exactly one value for the parameter {path}"),
                        ))
                    }
                }
            }
            (kind, bindings)
        };
        let select = one(graph, shape, &definition, v::SELECT)?;
        let Term::Literal(select) = select else {
            return Err(invalid(
                shape,
                v::SELECT,
                format!("{definition}: sh:select is not a string"),
            ));
        };
        let prefixes = sparql::prefixes(graph, scope, shape, &definition)?;
        let mut prebound = vec!["shapesGraph", "currentShape"];
        prebound.extend(bindings.iter().map(|(v, _)| v.as_str()));
        let query = sparql::parse_query(shape, select.value(), &prefixes, None, &prebound)?;
        if !query.is_select() {
            return Err(invalid(
                shape,
                v::SELECT,
                "a SPARQL target needs a SELECT query",
            ));
        }
        out.push(SparqlTarget {
            node,
            query,
            bindings,
        });
    }
    Ok(out)
}

/// Compiles a node expression.
fn node_expr(
    graph: &Graph,
    index: &HashMap<Term, usize>,
    shape: &Term,
    node: &Term,
    depth: usize,
) -> Result<NodeExpr, ShapesError> {
    if depth > 32 {
        return Err(unsupported(
            shape,
            node,
            "node expression nested too deeply",
        ));
    }
    let sub = |n: &Term| node_expr(graph, index, shape, n, depth + 1);
    let nodes = |n: &Term| -> Result<Option<Box<NodeExpr>>, ShapesError> {
        match objects(graph, n, v::NODES).as_slice() {
            [] => Ok(None),
            [e] => Ok(Some(Box::new(sub(e)?))),
            _ => Err(invalid(
                shape,
                v::NODES,
                format!("{n} has more than one sh:nodes"),
            )),
        }
    };
    let list_of = |n: &Term, p| -> Result<Vec<NodeExpr>, ShapesError> {
        let head = one(graph, shape, n, p)?;
        read_list(graph, head.as_ref())
            .map_err(|m| invalid(shape, p, m))?
            .iter()
            .map(sub)
            .collect()
    };
    // IRIs and literals are constants (SHACL-AF §8.1); only blank nodes are expressions.
    match node {
        Term::NamedNode(n) if n.as_ref() == v::THIS => return Ok(NodeExpr::This),
        Term::NamedNode(_) | Term::Literal(_) => return Ok(NodeExpr::Constant(node.clone())),
        _ => {}
    }
    if !objects(graph, node, v::PATH).is_empty() {
        let p = one(graph, shape, node, v::PATH)?;
        let path =
            Path::from_graph(graph, p.as_ref()).map_err(|message| ShapesError::MalformedPath {
                shape: shape.to_string(),
                message,
            })?;
        return Ok(NodeExpr::Path(path, nodes(node)?));
    }
    if !objects(graph, node, v::FILTER_SHAPE).is_empty() {
        let s = one(graph, shape, node, v::FILTER_SHAPE)?;
        let Some(&s) = index.get(&s) else {
            return Err(invalid(
                shape,
                v::FILTER_SHAPE,
                format!("{s} is not a shape"),
            ));
        };
        let inner = nodes(node)?.unwrap_or_else(|| Box::new(NodeExpr::This));
        return Ok(NodeExpr::FilterShape(s, inner));
    }
    if !objects(graph, node, v::INTERSECTION).is_empty() {
        return Ok(NodeExpr::Intersection(list_of(node, v::INTERSECTION)?));
    }
    if !objects(graph, node, v::UNION).is_empty() {
        return Ok(NodeExpr::Union(list_of(node, v::UNION)?));
    }
    Err(unsupported(
        shape,
        node,
        "unsupported node expression (supported: sh:this, IRIs, literals, sh:path with \
         sh:nodes, sh:filterShape, sh:intersection, sh:union)",
    ))
}

/// The `sh:rule`s of `shape` that are not deactivated, sorted by `sh:order`.
pub(crate) fn compile_rules(
    graph: &Graph,
    scope: &Scope,
    index: &HashMap<Term, usize>,
    shape: &Term,
) -> Result<Option<ShapeRules>, ShapesError> {
    let mut rules = Vec::new();
    let mut nodes = objects(graph, shape, v::RULE);
    nodes.sort_by_cached_key(ToString::to_string);
    for node in nodes {
        if objects(graph, &node, v::DEACTIVATED)
            .iter()
            .any(term_is_true)
        {
            continue;
        }
        if cfg!(target_arch = "wasm32") {
            return Err(not_in_wasm(shape, &node));
        }
        let triple = has_type(graph, &node, v::TRIPLE_RULE);
        let sparql = has_type(graph, &node, v::SPARQL_RULE);
        let kind = match (triple, sparql) {
            (true, false) => RuleKind::Triple {
                subject: node_expr(
                    graph,
                    index,
                    shape,
                    &one(graph, shape, &node, v::SUBJECT)?,
                    0,
                )?,
                predicate: node_expr(
                    graph,
                    index,
                    shape,
                    &one(graph, shape, &node, v::PREDICATE)?,
                    0,
                )?,
                object: node_expr(
                    graph,
                    index,
                    shape,
                    &one(graph, shape, &node, v::OBJECT)?,
                    0,
                )?,
            },
            (false, true) => {
                let prefixes = sparql::prefixes(graph, scope, shape, &node)?;
                let mut queries = Vec::new();
                for c in objects(graph, &node, v::CONSTRUCT) {
                    let Term::Literal(text) = c else {
                        return Err(invalid(shape, v::CONSTRUCT, format!("{c} is not a string")));
                    };
                    let query = sparql::parse_query(
                        shape,
                        text.value(),
                        &prefixes,
                        None,
                        &["this", "shapesGraph", "currentShape"],
                    )?;
                    if !query.is_construct() {
                        return Err(invalid(
                            shape,
                            v::CONSTRUCT,
                            "sh:construct needs a CONSTRUCT query",
                        ));
                    }
                    queries.push(query);
                }
                if queries.is_empty() {
                    return Err(invalid(
                        shape,
                        v::CONSTRUCT,
                        format!("{node} has no sh:construct"),
                    ));
                }
                RuleKind::Sparql(queries)
            }
            (true, true) => {
                return Err(invalid(
                    shape,
                    v::RULE,
                    format!("{node} is both a sh:TripleRule and a sh:SPARQLRule"),
                ))
            }
            (false, false) => {
                return Err(unsupported(
                    shape,
                    &node,
                    "rule is neither a sh:TripleRule nor a sh:SPARQLRule",
                ))
            }
        };
        let mut conditions = Vec::new();
        for c in objects(graph, &node, v::CONDITION) {
            let Some(&i) = index.get(&c) else {
                return Err(invalid(shape, v::CONDITION, format!("{c} is not a shape")));
            };
            conditions.push(i);
        }
        rules.push(Rule {
            order: order(graph, shape, &node)?,
            node,
            conditions,
            kind,
        });
    }
    if rules.is_empty() {
        return Ok(None);
    }
    // Stable: rules of equal order keep the order of their node labels.
    rules.sort_by(|a, b| a.order.total_cmp(&b.order));
    let Some(&i) = index.get(shape) else {
        return Err(invalid(
            shape,
            v::RULE,
            "the owner of sh:rule is not a shape",
        ));
    };
    Ok(Some(ShapeRules {
        shape: i,
        order: order(graph, shape, shape)?,
        rules,
    }))
}
