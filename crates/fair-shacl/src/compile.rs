//! Compilation of a shapes graph into the engine's IR.
//!
//! `compile_shape` reads a shape's path, targets, severity and messages here, and its
//! constraint parameters family by family, one sub-module per family of SHACL constraint
//! components (in the order of the specification's sections): value type, cardinality, value
//! range, string-based, property pair, logical, shape-based, other, and SHACL-SPARQL.
//! `params` reads and type-checks parameter values for all of them.

mod cardinality;
mod logical;
mod other;
mod params;
mod property_pair;
mod shape_based;
mod sparql_based;
mod string_based;
mod value_range;
mod value_type;

use std::collections::{HashMap, HashSet};

use fair_graph::Graph;
use oxrdf::{Literal, NamedNode, Term};

use super::error::ShapesError;
use super::graph::instances_of;
use super::path::Path;
use super::sparql::{self, ComponentConstraint, SparqlConstraint};
use super::vocab as v;
use super::Severity;
use params::{iri, list, Params};

/// Node kinds of `sh:nodeKind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NodeKind {
    BlankNode,
    Iri,
    Literal,
    BlankNodeOrIri,
    BlankNodeOrLiteral,
    IriOrLiteral,
}

impl NodeKind {
    pub(crate) fn matches(self, term: &Term) -> bool {
        let (b, i, l) = match term {
            Term::BlankNode(_) => (true, false, false),
            Term::NamedNode(_) => (false, true, false),
            Term::Literal(_) => (false, false, true),
            #[allow(unreachable_patterns)]
            _ => (false, false, false),
        };
        match self {
            Self::BlankNode => b,
            Self::Iri => i,
            Self::Literal => l,
            Self::BlankNodeOrIri => b || i,
            Self::BlankNodeOrLiteral => b || l,
            Self::IriOrLiteral => i || l,
        }
    }
}

/// Which value-range component.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RangeKind {
    MinExclusive,
    MinInclusive,
    MaxExclusive,
    MaxInclusive,
}

/// Which property-pair component.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PairKind {
    Equals,
    Disjoint,
    LessThan,
    LessThanOrEquals,
}

/// A compiled constraint.
#[derive(Debug)]
pub(crate) enum Constraint {
    Class(Term),
    Datatype(NamedNode),
    NodeKind(NodeKind),
    MinCount(u64),
    MaxCount(u64),
    Range(RangeKind, Literal),
    MinLength(u64),
    MaxLength(u64),
    Pattern(super::pattern::Pattern),
    LanguageIn(Vec<String>),
    UniqueLang,
    Pair(PairKind, NamedNode),
    Not(usize),
    And(Vec<usize>),
    Or(Vec<usize>),
    Xone(Vec<usize>),
    Node(usize),
    Property(usize),
    Qualified {
        shape: usize,
        min: Option<u64>,
        max: Option<u64>,
        siblings: Vec<usize>,
    },
    Closed(HashSet<NamedNode>),
    HasValue(Term),
    In(Vec<Term>),
    Sparql(Box<SparqlConstraint>),
    Component(Box<ComponentConstraint>),
}

/// A target declaration.
#[derive(Debug)]
pub(crate) enum Target {
    Node(Term),
    Class(Term),
    SubjectsOf(NamedNode),
    ObjectsOf(NamedNode),
    /// `sh:target` (SHACL-AF): a `sh:SPARQLTarget` or a custom `sh:SPARQLTargetType`.
    Sparql(Box<super::advanced::SparqlTarget>),
}

/// A compiled shape.
#[derive(Debug)]
pub(crate) struct Shape {
    pub id: Term,
    pub path: Option<Path>,
    pub targets: Vec<Target>,
    pub deactivated: bool,
    pub severity: Severity,
    pub messages: Vec<Literal>,
    pub constraints: Vec<Constraint>,
}

/// The compiled shapes graph.
#[derive(Debug)]
pub(crate) struct CompiledShapes {
    pub shapes: Vec<Shape>,
    /// The shapes graph for SPARQL's `$shapesGraph` (only kept when a query uses it).
    pub shapes_graph: Option<Graph>,
    /// The IRI `$shapesGraph` is bound to.
    pub shapes_graph_name: NamedNode,
    pub uses_sparql: bool,
    /// The shapes that have rules, in execution order (`sh:order` of the shape, then label).
    pub rules: Vec<super::advanced::ShapeRules>,
}

pub(crate) struct Ctx<'a> {
    pub graph: &'a Graph,
    /// The base IRI and default prefixes of SPARQL queries.
    pub scope: &'a sparql::Scope,
    pub index: HashMap<Term, usize>,
    pub components: Vec<sparql::ComponentDef>,
    /// The members of the `sh:and` / `sh:or` / `sh:xone` lists, by head, as [`shape_nodes`]
    /// read them (the logical components read them again).
    pub lists: HashMap<Term, Vec<Term>>,
}

/// Collects every node that is a shape in `graph`, and the lists of shapes of `sh:and`,
/// `sh:or` and `sh:xone` by head.
#[allow(clippy::type_complexity)]
fn shape_nodes(graph: &Graph) -> Result<(Vec<Term>, HashMap<Term, Vec<Term>>), ShapesError> {
    let mut lists: HashMap<Term, Vec<Term>> = HashMap::new();
    let mut set: HashSet<Term> = HashSet::new();
    for class in [v::NODE_SHAPE, v::PROPERTY_SHAPE] {
        set.extend(instances_of(graph, class));
    }
    for p in [
        v::TARGET_NODE,
        v::TARGET_CLASS,
        v::TARGET_SUBJECTS_OF,
        v::TARGET_OBJECTS_OF,
        v::PATH,
        v::SPARQL,
        v::TARGET,
        v::RULE,
    ] {
        for t in graph.triples_for_predicate(p) {
            set.insert(t.subject.into_owned().into());
        }
    }
    for p in [
        v::NODE,
        v::PROPERTY,
        v::NOT,
        v::QUALIFIED_VALUE_SHAPE,
        v::CONDITION,
        v::FILTER_SHAPE,
    ] {
        for t in graph.triples_for_predicate(p) {
            set.insert(t.object.into_owned());
        }
    }
    for p in [v::AND, v::OR, v::XONE] {
        for t in graph.triples_for_predicate(p) {
            let head = t.object.into_owned();
            if lists.contains_key(&head) {
                continue;
            }
            let subject: Term = t.subject.into_owned().into();
            let members = list(graph, &subject, p, &head)?;
            set.extend(members.iter().cloned());
            lists.insert(head, members);
        }
    }
    let mut nodes: Vec<Term> = set.into_iter().collect();
    for node in &nodes {
        if let Term::Literal(_) = node {
            return Err(ShapesError::InvalidParameter {
                shape: node.to_string(),
                parameter: "shape reference".into(),
                message: "a literal cannot be a shape".into(),
            });
        }
    }
    nodes.sort_by_cached_key(ToString::to_string);
    Ok((nodes, lists))
}

pub(crate) fn compile(graph: &Graph, scope: &sparql::Scope) -> Result<CompiledShapes, ShapesError> {
    let (nodes, lists) = shape_nodes(graph)?;
    let index: HashMap<Term, usize> = nodes
        .iter()
        .cloned()
        .enumerate()
        .map(|(i, t)| (t, i))
        .collect();
    let components = sparql::component_defs(graph, scope)?;
    let ctx = Ctx {
        graph,
        scope,
        index,
        components,
        lists,
    };
    let mut shapes = Vec::with_capacity(nodes.len());
    let mut uses_sparql = false;
    for node in &nodes {
        let shape = compile_shape(&ctx, node)?;
        uses_sparql |= shape
            .constraints
            .iter()
            .any(|c| matches!(c, Constraint::Sparql(_) | Constraint::Component(_)));
        uses_sparql |= shape.targets.iter().any(|t| matches!(t, Target::Sparql(_)));
        shapes.push(shape);
    }
    let mut rules = Vec::new();
    // Only shapes with an `sh:rule` statement can have rules (one scan, not a lookup per shape).
    let with_rules: HashSet<Term> = graph
        .triples_for_predicate(v::RULE)
        .map(|t| t.subject.into_owned().into())
        .collect();
    for node in nodes.iter().filter(|n| with_rules.contains(*n)) {
        if let Some(r) = super::advanced::compile_rules(graph, scope, &ctx.index, node)? {
            uses_sparql |= r
                .rules
                .iter()
                .any(|r| matches!(r.kind, super::advanced::RuleKind::Sparql(_)));
            rules.push(r);
        }
    }
    // Stable: shapes of equal order keep the order of their labels.
    rules.sort_by(|a, b| a.order.total_cmp(&b.order));
    let uses_shapes_graph = shapes.iter().flat_map(|s| &s.constraints).any(|c| match c {
        Constraint::Sparql(c) => c.query.uses_shapes_graph,
        Constraint::Component(c) => c.query.uses_shapes_graph,
        _ => false,
    });
    let uses_shapes_graph = uses_shapes_graph
        || shapes.iter().flat_map(|s| &s.targets).any(|t| match t {
            Target::Sparql(t) => t.query.uses_shapes_graph,
            _ => false,
        })
        || rules.iter().flat_map(|r| &r.rules).any(|r| match &r.kind {
            super::advanced::RuleKind::Sparql(queries) => {
                queries.iter().any(|q| q.uses_shapes_graph)
            }
            super::advanced::RuleKind::Triple { .. } => false,
        });
    Ok(CompiledShapes {
        shapes,
        shapes_graph: uses_shapes_graph.then(|| graph.clone()),
        shapes_graph_name: NamedNode::new_unchecked(sparql::SHAPES_GRAPH_IRI),
        uses_sparql,
        rules,
    })
}

fn compile_shape(ctx: &Ctx<'_>, id: &Term) -> Result<Shape, ShapesError> {
    let mut params = Params::new(ctx, id);
    let path = compile_path(&params)?;
    params.path = path.as_ref();
    let targets = compile_targets(&params)?;
    let deactivated = params.any_true(v::DEACTIVATED)?;
    let severity = match params.vals(v::SEVERITY).first() {
        None => Severity::Violation,
        Some(t) => Severity::from_iri(&iri(id, v::SEVERITY, t)?),
    };
    let messages = params
        .vals(v::MESSAGE)
        .iter()
        .filter_map(|t| match t {
            Term::Literal(l) => Some(l.clone()),
            _ => None,
        })
        .collect();
    let constraints = compile_constraints(&params)?;
    Ok(Shape {
        id: id.clone(),
        path,
        targets,
        deactivated,
        severity,
        messages,
        constraints,
    })
}

/// The shape's constraints, family by family in the order of the SHACL specification (the
/// order of the constraints, and so of the first error reported, is part of the output).
fn compile_constraints(params: &Params<'_>) -> Result<Vec<Constraint>, ShapesError> {
    let mut constraints = Vec::new();
    let out = &mut constraints;
    value_type::compile(params, out)?;
    cardinality::compile(params, out)?;
    value_range::compile(params, out)?;
    string_based::compile(params, out)?;
    property_pair::compile(params, out)?;
    logical::compile(params, out)?;
    shape_based::compile(params, out)?;
    other::compile(params, out)?;
    sparql_based::compile(params, out)?;
    Ok(constraints)
}

/// The shape's `sh:path` (at most one).
fn compile_path(params: &Params<'_>) -> Result<Option<Path>, ShapesError> {
    let malformed = |message| ShapesError::MalformedPath {
        shape: params.id.to_string(),
        message,
    };
    match params.vals(v::PATH) {
        [] => Ok(None),
        [p] => Path::from_graph(params.graph(), p.as_ref())
            .map(Some)
            .map_err(malformed),
        _ => Err(malformed("a shape has at most one sh:path".into())),
    }
}

/// The shape's targets: `sh:targetNode`, `sh:targetClass`, `sh:targetSubjectsOf`,
/// `sh:targetObjectsOf`, and the implicit class target of a shape that is a class.
fn compile_targets(params: &Params<'_>) -> Result<Vec<Target>, ShapesError> {
    let (g, id) = (params.graph(), params.id);
    let mut targets = Vec::new();
    for t in params.vals(v::TARGET_NODE) {
        targets.push(Target::Node(t.clone()));
    }
    for t in params.vals(v::TARGET_CLASS) {
        targets.push(Target::Class(t.clone()));
    }
    for t in params.vals(v::TARGET_SUBJECTS_OF) {
        targets.push(Target::SubjectsOf(iri(id, v::TARGET_SUBJECTS_OF, t)?));
    }
    for t in params.vals(v::TARGET_OBJECTS_OF) {
        targets.push(Target::ObjectsOf(iri(id, v::TARGET_OBJECTS_OF, t)?));
    }
    if !params.vals(v::TARGET).is_empty() {
        for t in super::advanced::compile_targets(g, params.ctx.scope, id)? {
            targets.push(Target::Sparql(Box::new(t)));
        }
    }
    // The shape's own statements, already read: is it a class?
    let is_class = params.vals(v::RDF_TYPE).iter().any(|t| {
        matches!(t, Term::NamedNode(c) if c.as_ref() == v::RDFS_CLASS || c.as_ref() == v::OWL_CLASS)
    });
    if is_class {
        targets.push(Target::Class(id.clone()));
    }
    Ok(targets)
}
