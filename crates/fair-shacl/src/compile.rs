//! Compilation of a shapes graph into the engine's IR.

use std::collections::{HashMap, HashSet};

use oxrdf::{Graph, Literal, NamedNode, NamedNodeRef, Term};
use regex::Regex;

use super::error::ShapesError;
use super::graph::{instances_of, invalid, objects};
use super::path::{as_subject, read_list, Path};
use super::sparql::{self, ComponentConstraint, SparqlConstraint};
use super::vocab as v;
use super::Severity;

/// Size limit of a compiled `sh:pattern` regular expression (bytes).
const REGEX_SIZE_LIMIT: usize = 1 << 20;

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
    Pattern(Regex),
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
}

pub(crate) struct Ctx<'a> {
    pub graph: &'a Graph,
    pub index: HashMap<Term, usize>,
    pub components: Vec<sparql::ComponentDef>,
}

fn boolean(shape: &Term, p: NamedNodeRef<'_>, term: &Term) -> Result<bool, ShapesError> {
    match term {
        Term::Literal(l) if l.datatype() == v::XSD_BOOLEAN => match l.value() {
            // Only the canonical `true` activates a constraint (W3C test uniqueLang-002).
            "true" => Ok(true),
            "false" | "0" | "1" => Ok(false),
            other => Err(invalid(shape, p, format!("{other:?} is not a boolean"))),
        },
        other => Err(invalid(
            shape,
            p,
            format!("{other} is not an xsd:boolean literal"),
        )),
    }
}

fn non_negative_integer(
    shape: &Term,
    p: NamedNodeRef<'_>,
    term: &Term,
) -> Result<u64, ShapesError> {
    if let Term::Literal(l) = term {
        let is_int_type = l
            .datatype()
            .as_str()
            .strip_prefix(v::XSD)
            .is_some_and(|local| {
                matches!(
                    local,
                    "integer"
                        | "nonNegativeInteger"
                        | "positiveInteger"
                        | "long"
                        | "int"
                        | "short"
                        | "byte"
                        | "unsignedLong"
                        | "unsignedInt"
                        | "unsignedShort"
                        | "unsignedByte"
                )
            });
        if is_int_type {
            let value = l.value().strip_prefix('+').unwrap_or(l.value());
            if let Ok(n) = value.parse::<u64>() {
                return Ok(n);
            }
        }
    }
    Err(invalid(
        shape,
        p,
        format!("{term} is not a non-negative xsd:integer"),
    ))
}

fn iri(shape: &Term, p: NamedNodeRef<'_>, term: &Term) -> Result<NamedNode, ShapesError> {
    match term {
        Term::NamedNode(n) => Ok(n.clone()),
        other => Err(invalid(shape, p, format!("{other} is not an IRI"))),
    }
}

fn string<'t>(shape: &Term, p: NamedNodeRef<'_>, term: &'t Term) -> Result<&'t str, ShapesError> {
    match term {
        Term::Literal(l) if l.language().is_none() => Ok(l.value()),
        other => Err(invalid(
            shape,
            p,
            format!("{other} is not a string literal"),
        )),
    }
}

fn list(
    graph: &Graph,
    shape: &Term,
    p: NamedNodeRef<'_>,
    head: &Term,
) -> Result<Vec<Term>, ShapesError> {
    read_list(graph, head.as_ref()).map_err(|m| invalid(shape, p, m))
}

impl Ctx<'_> {
    fn shape_ref(
        &self,
        shape: &Term,
        p: NamedNodeRef<'_>,
        term: &Term,
    ) -> Result<usize, ShapesError> {
        self.index
            .get(term)
            .copied()
            .ok_or_else(|| invalid(shape, p, format!("{term} is not a shape")))
    }
}

/// Collects every node that is a shape in `graph`.
fn shape_nodes(graph: &Graph) -> Result<Vec<Term>, ShapesError> {
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
    ] {
        for t in graph.triples_for_predicate(p) {
            set.insert(t.subject.into_owned().into());
        }
    }
    for p in [v::NODE, v::PROPERTY, v::NOT, v::QUALIFIED_VALUE_SHAPE] {
        for t in graph.triples_for_predicate(p) {
            set.insert(t.object.into_owned());
        }
    }
    for p in [v::AND, v::OR, v::XONE] {
        for t in graph.triples_for_predicate(p) {
            let subject: Term = t.subject.into_owned().into();
            for member in list(graph, &subject, p, &t.object.into_owned())? {
                set.insert(member);
            }
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
    Ok(nodes)
}

pub(crate) fn compile(graph: &Graph) -> Result<CompiledShapes, ShapesError> {
    let nodes = shape_nodes(graph)?;
    let index: HashMap<Term, usize> = nodes
        .iter()
        .cloned()
        .enumerate()
        .map(|(i, t)| (t, i))
        .collect();
    let components = sparql::component_defs(graph)?;
    let ctx = Ctx {
        graph,
        index,
        components,
    };
    let mut shapes = Vec::with_capacity(nodes.len());
    let mut uses_sparql = false;
    for node in &nodes {
        let shape = compile_shape(&ctx, node)?;
        uses_sparql |= shape
            .constraints
            .iter()
            .any(|c| matches!(c, Constraint::Sparql(_) | Constraint::Component(_)));
        shapes.push(shape);
    }
    let uses_shapes_graph = shapes.iter().flat_map(|s| &s.constraints).any(|c| match c {
        Constraint::Sparql(c) => c.query.uses_shapes_graph,
        Constraint::Component(c) => c.query.uses_shapes_graph,
        _ => false,
    });
    Ok(CompiledShapes {
        shapes,
        shapes_graph: uses_shapes_graph.then(|| graph.clone()),
        shapes_graph_name: NamedNode::new_unchecked(sparql::SHAPES_GRAPH_IRI),
        uses_sparql,
    })
}

fn compile_shape(ctx: &Ctx<'_>, id: &Term) -> Result<Shape, ShapesError> {
    let g = ctx.graph;
    // One scan of the shape's statements instead of one graph lookup per SHACL parameter
    // (about forty of them): this made compiling the bundled profiles several times faster.
    let mut by_predicate: std::collections::HashMap<&str, Vec<Term>> =
        std::collections::HashMap::new();
    if let Some(s) = as_subject(id) {
        for t in g.triples_for_subject(s) {
            by_predicate
                .entry(t.predicate.as_str())
                .or_default()
                .push(t.object.into_owned());
        }
    }
    let vals = |p: NamedNodeRef<'_>| by_predicate.get(p.as_str()).cloned().unwrap_or_default();

    let path =
        match vals(v::PATH).as_slice() {
            [] => None,
            [p] => Some(Path::from_graph(g, p.as_ref()).map_err(|message| {
                ShapesError::MalformedPath {
                    shape: id.to_string(),
                    message,
                }
            })?),
            _ => {
                return Err(ShapesError::MalformedPath {
                    shape: id.to_string(),
                    message: "a shape has at most one sh:path".into(),
                })
            }
        };

    let mut targets = Vec::new();
    for t in vals(v::TARGET_NODE) {
        targets.push(Target::Node(t));
    }
    for t in vals(v::TARGET_CLASS) {
        targets.push(Target::Class(t));
    }
    for t in vals(v::TARGET_SUBJECTS_OF) {
        targets.push(Target::SubjectsOf(iri(id, v::TARGET_SUBJECTS_OF, &t)?));
    }
    for t in vals(v::TARGET_OBJECTS_OF) {
        targets.push(Target::ObjectsOf(iri(id, v::TARGET_OBJECTS_OF, &t)?));
    }
    if let Some(s) = as_subject(id) {
        let is_class = g.contains(oxrdf::TripleRef::new(s, v::RDF_TYPE, v::RDFS_CLASS))
            || g.contains(oxrdf::TripleRef::new(s, v::RDF_TYPE, v::OWL_CLASS));
        if is_class {
            targets.push(Target::Class(id.clone()));
        }
    }

    let mut deactivated = false;
    for t in vals(v::DEACTIVATED) {
        deactivated |= boolean(id, v::DEACTIVATED, &t)?;
    }
    let severity = match vals(v::SEVERITY).first() {
        None => Severity::Violation,
        Some(t) => Severity::from_iri(&iri(id, v::SEVERITY, t)?),
    };
    let messages = vals(v::MESSAGE)
        .into_iter()
        .filter_map(|t| match t {
            Term::Literal(l) => Some(l),
            _ => None,
        })
        .collect();

    let mut constraints = Vec::new();
    for t in vals(v::CLASS) {
        match t {
            Term::Literal(_) => {
                return Err(invalid(
                    id,
                    v::CLASS,
                    format!("{t} is not an IRI or blank node"),
                ))
            }
            t => constraints.push(Constraint::Class(t)),
        }
    }
    for t in vals(v::DATATYPE) {
        constraints.push(Constraint::Datatype(iri(id, v::DATATYPE, &t)?));
    }
    for t in vals(v::NODE_KIND) {
        let kind = match &t {
            Term::NamedNode(n) if n.as_ref() == v::BLANK_NODE => NodeKind::BlankNode,
            Term::NamedNode(n) if n.as_ref() == v::IRI => NodeKind::Iri,
            Term::NamedNode(n) if n.as_ref() == v::LITERAL => NodeKind::Literal,
            Term::NamedNode(n) if n.as_ref() == v::BLANK_NODE_OR_IRI => NodeKind::BlankNodeOrIri,
            Term::NamedNode(n) if n.as_ref() == v::BLANK_NODE_OR_LITERAL => NodeKind::BlankNodeOrLiteral,
            Term::NamedNode(n) if n.as_ref() == v::IRI_OR_LITERAL => NodeKind::IriOrLiteral,
            other => {
                return Err(invalid(
                    id,
                    v::NODE_KIND,
                    format!("{other} is not one of sh:BlankNode, sh:IRI, sh:Literal, sh:BlankNodeOrIRI, sh:BlankNodeOrLiteral, sh:IRIOrLiteral"),
                ))
            }
        };
        constraints.push(Constraint::NodeKind(kind));
    }
    if path.is_some() {
        for t in vals(v::MIN_COUNT) {
            constraints.push(Constraint::MinCount(non_negative_integer(
                id,
                v::MIN_COUNT,
                &t,
            )?));
        }
        for t in vals(v::MAX_COUNT) {
            constraints.push(Constraint::MaxCount(non_negative_integer(
                id,
                v::MAX_COUNT,
                &t,
            )?));
        }
    } else {
        for p in [v::MIN_COUNT, v::MAX_COUNT] {
            if let Some(t) = vals(p).first() {
                non_negative_integer(id, p, t)?;
            }
        }
    }
    for (p, kind) in [
        (v::MIN_EXCLUSIVE, RangeKind::MinExclusive),
        (v::MIN_INCLUSIVE, RangeKind::MinInclusive),
        (v::MAX_EXCLUSIVE, RangeKind::MaxExclusive),
        (v::MAX_INCLUSIVE, RangeKind::MaxInclusive),
    ] {
        for t in vals(p) {
            match t {
                Term::Literal(l) => constraints.push(Constraint::Range(kind, l)),
                other => return Err(invalid(id, p, format!("{other} is not a literal"))),
            }
        }
    }
    for t in vals(v::MIN_LENGTH) {
        constraints.push(Constraint::MinLength(non_negative_integer(
            id,
            v::MIN_LENGTH,
            &t,
        )?));
    }
    for t in vals(v::MAX_LENGTH) {
        constraints.push(Constraint::MaxLength(non_negative_integer(
            id,
            v::MAX_LENGTH,
            &t,
        )?));
    }
    let flags = match vals(v::FLAGS).as_slice() {
        [] => None,
        [f] => Some(string(id, v::FLAGS, f)?.to_owned()),
        _ => {
            return Err(invalid(
                id,
                v::FLAGS,
                "at most one sh:flags value is allowed",
            ))
        }
    };
    for t in vals(v::PATTERN) {
        let pattern = string(id, v::PATTERN, &t)?;
        constraints.push(Constraint::Pattern(build_regex(
            id,
            pattern,
            flags.as_deref(),
        )?));
    }
    for t in vals(v::LANGUAGE_IN) {
        let tags = list(g, id, v::LANGUAGE_IN, &t)?
            .iter()
            .map(|t| string(id, v::LANGUAGE_IN, t).map(str::to_ascii_lowercase))
            .collect::<Result<Vec<_>, _>>()?;
        constraints.push(Constraint::LanguageIn(tags));
    }
    for t in vals(v::UNIQUE_LANG) {
        if boolean(id, v::UNIQUE_LANG, &t)? && path.is_some() {
            constraints.push(Constraint::UniqueLang);
        }
    }
    for (p, kind) in [
        (v::EQUALS, PairKind::Equals),
        (v::DISJOINT, PairKind::Disjoint),
        (v::LESS_THAN, PairKind::LessThan),
        (v::LESS_THAN_OR_EQUALS, PairKind::LessThanOrEquals),
    ] {
        for t in vals(p) {
            constraints.push(Constraint::Pair(kind, iri(id, p, &t)?));
        }
    }
    for t in vals(v::NOT) {
        constraints.push(Constraint::Not(ctx.shape_ref(id, v::NOT, &t)?));
    }
    for (p, make) in [
        (v::AND, Constraint::And as fn(Vec<usize>) -> Constraint),
        (v::OR, Constraint::Or),
        (v::XONE, Constraint::Xone),
    ] {
        for t in vals(p) {
            let members = list(g, id, p, &t)?
                .iter()
                .map(|m| ctx.shape_ref(id, p, m))
                .collect::<Result<Vec<_>, _>>()?;
            constraints.push(make(members));
        }
    }
    for t in vals(v::NODE) {
        constraints.push(Constraint::Node(ctx.shape_ref(id, v::NODE, &t)?));
    }
    for t in vals(v::PROPERTY) {
        let target = ctx.shape_ref(id, v::PROPERTY, &t)?;
        if objects(g, &t, v::PATH).is_empty() {
            return Err(invalid(id, v::PROPERTY, format!("{t} has no sh:path")));
        }
        constraints.push(Constraint::Property(target));
    }
    compile_qualified(ctx, id, &mut constraints)?;
    for t in vals(v::CLOSED) {
        if boolean(id, v::CLOSED, &t)? {
            let mut allowed = HashSet::new();
            for ps in vals(v::PROPERTY) {
                for p in objects(g, &ps, v::PATH) {
                    if let Term::NamedNode(n) = p {
                        allowed.insert(n);
                    }
                }
            }
            for ignored in vals(v::IGNORED_PROPERTIES) {
                for p in list(g, id, v::IGNORED_PROPERTIES, &ignored)? {
                    allowed.insert(iri(id, v::IGNORED_PROPERTIES, &p)?);
                }
            }
            constraints.push(Constraint::Closed(allowed));
        }
    }
    for t in vals(v::HAS_VALUE) {
        constraints.push(Constraint::HasValue(t));
    }
    for t in vals(v::IN) {
        constraints.push(Constraint::In(list(g, id, v::IN, &t)?));
    }
    for t in vals(v::SPARQL) {
        if let Some(c) = sparql::compile_sparql_constraint(g, id, path.as_ref(), &t)? {
            constraints.push(Constraint::Sparql(Box::new(c)));
        }
    }
    for def in &ctx.components {
        for c in sparql::compile_component(g, def, id, path.as_ref())? {
            constraints.push(Constraint::Component(Box::new(c)));
        }
    }

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

fn compile_qualified(
    ctx: &Ctx<'_>,
    id: &Term,
    constraints: &mut Vec<Constraint>,
) -> Result<(), ShapesError> {
    let g = ctx.graph;
    let qvs = objects(g, id, v::QUALIFIED_VALUE_SHAPE);
    if qvs.is_empty() {
        return Ok(());
    }
    let min = objects(g, id, v::QUALIFIED_MIN_COUNT)
        .first()
        .map(|t| non_negative_integer(id, v::QUALIFIED_MIN_COUNT, t))
        .transpose()?;
    let max = objects(g, id, v::QUALIFIED_MAX_COUNT)
        .first()
        .map(|t| non_negative_integer(id, v::QUALIFIED_MAX_COUNT, t))
        .transpose()?;
    let mut disjoint = false;
    for t in objects(g, id, v::QUALIFIED_VALUE_SHAPES_DISJOINT) {
        disjoint |= boolean(id, v::QUALIFIED_VALUE_SHAPES_DISJOINT, &t)?;
    }
    for q in qvs {
        let shape = ctx.shape_ref(id, v::QUALIFIED_VALUE_SHAPE, &q)?;
        let mut siblings = Vec::new();
        if disjoint {
            // Sibling shapes: qualified value shapes of the other property shapes of every
            // shape that has this property shape as a sh:property.
            let parents: Vec<Term> = g
                .subjects_for_predicate_object(v::PROPERTY, id)
                .map(|s| s.into_owned().into())
                .collect();
            for parent in parents {
                for sibling in objects(g, &parent, v::PROPERTY) {
                    if &sibling == id {
                        continue;
                    }
                    for sq in objects(g, &sibling, v::QUALIFIED_VALUE_SHAPE) {
                        if let Some(&i) = ctx.index.get(&sq) {
                            if i != shape && !siblings.contains(&i) {
                                siblings.push(i);
                            }
                        }
                    }
                }
            }
        }
        if min.is_some() || max.is_some() {
            constraints.push(Constraint::Qualified {
                shape,
                min,
                max,
                siblings,
            });
        }
    }
    Ok(())
}

fn build_regex(shape: &Term, pattern: &str, flags: Option<&str>) -> Result<Regex, ShapesError> {
    let mut builder = regex::RegexBuilder::new(pattern);
    builder
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(REGEX_SIZE_LIMIT);
    for flag in flags.unwrap_or("").chars() {
        match flag {
            'i' => builder.case_insensitive(true),
            'm' => builder.multi_line(true),
            's' => builder.dot_matches_new_line(true),
            'x' => builder.ignore_whitespace(true),
            'q' => {
                builder = regex::RegexBuilder::new(&regex::escape(pattern));
                builder.size_limit(REGEX_SIZE_LIMIT)
            }
            other => {
                return Err(invalid(
                    shape,
                    v::FLAGS,
                    format!("unsupported regex flag {other:?}"),
                ))
            }
        };
    }
    builder.build().map_err(|e| {
        invalid(
            shape,
            v::PATTERN,
            format!("invalid regular expression {pattern:?}: {e}"),
        )
    })
}
