//! Evaluation of compiled shapes against a data graph.
//!
//! This file finds the focus nodes, evaluates a shape's path and runs its constraints
//! (`Validator::check`, a dispatch on the constraint); each family of constraint components is
//! checked by its own sub-module, in the order of the SHACL specification's sections: value
//! type, cardinality, value range, string-based, property pair, logical, shape-based, other,
//! and SHACL-SPARQL.

mod cardinality;
mod logical;
mod other;
mod property_pair;
mod shape_based;
mod sparql_based;
mod string_based;
mod value_range;
mod value_type;

use std::collections::{HashMap, HashSet};

use fair_graph::Graph;
use oxrdf::{NamedNode, NamedNodeRef, Term, TermRef};

use super::dataset::Budget;

use super::compile::{CompiledShapes, Constraint, Shape, Target};
use super::path::as_subject;
use super::results::{ValidationReport, ValidationResult};
use super::sparql;
use super::vocab as v;

/// Maximum nesting of shape-based constraints (`sh:node`, `sh:and`, …) before a node is assumed
/// to conform.
const MAX_DEPTH: usize = 64;

pub(crate) struct Validator<'a> {
    shapes: &'a CompiledShapes,
    data: &'a Graph,
    /// (shape, focus) pairs being checked for conformance (recursion guard).
    stack: Vec<(usize, Term)>,
    /// Memoised conformance results.
    memo: HashMap<(usize, Term), bool>,
    /// Results of batched SPARQL queries per (shape, constraint).
    batches: HashMap<(usize, usize), Result<sparql::Batch, String>>,
    /// Evaluation steps left for SPARQL queries (shared with the rules run before).
    budget: &'a Budget,
}

/// Validates `data`; `results` holds results found before (rules that failed) and is sorted
/// with the new ones.
pub(crate) fn validate(
    shapes: &CompiledShapes,
    data: &Graph,
    budget: &Budget,
    mut results: Vec<ValidationResult>,
) -> ValidationReport {
    let mut validator = Validator::new(shapes, data, budget);
    for (i, shape) in shapes.shapes.iter().enumerate() {
        if shape.deactivated || shape.targets.is_empty() {
            continue;
        }
        match validator.focus_nodes(shape) {
            Ok(focus_nodes) => {
                for focus in focus_nodes {
                    validator.validate_shape(i, &focus, &mut results);
                }
            }
            Err(message) => results.push(target_failure(shape, &message)),
        }
    }
    results.sort_by_cached_key(ValidationResult::sort_key);
    ValidationReport {
        conforms: results.is_empty(),
        results,
    }
}

/// The result for a SPARQL target that failed: reported on the shape (there is no focus node),
/// so a stopped target is never a silent pass.
fn target_failure(shape: &Shape, message: &str) -> ValidationResult {
    ValidationResult {
        focus_node: shape.id.clone(),
        path: None,
        value: None,
        source_shape: shape.id.clone(),
        source_constraint_component: v::SPARQL_CC.into_owned(),
        source_constraint: None,
        severity: shape.severity.clone(),
        messages: vec![oxrdf::Literal::new_simple_literal(format!(
            "SPARQL target failed: {message}"
        ))],
    }
}

fn push_unique(out: &mut Vec<Term>, seen: &mut HashSet<Term>, t: Term) {
    if seen.insert(t.clone()) {
        out.push(t);
    }
}

impl<'a> Validator<'a> {
    pub(crate) fn new(shapes: &'a CompiledShapes, data: &'a Graph, budget: &'a Budget) -> Self {
        Validator {
            shapes,
            data,
            stack: Vec::new(),
            memo: HashMap::new(),
            batches: HashMap::new(),
            budget,
        }
    }
}

impl Validator<'_> {
    /// The data graph.
    pub(crate) fn data(&self) -> &Graph {
        self.data
    }

    /// The focus nodes of `shape`; `Err` when a SPARQL target failed.
    pub(crate) fn focus_nodes(&self, shape: &Shape) -> Result<Vec<Term>, String> {
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        for target in &shape.targets {
            match target {
                Target::Node(t) => push_unique(&mut out, &mut seen, t.clone()),
                Target::Class(c) => {
                    for class in self.subclasses(c) {
                        for s in self.data.subjects_for_predicate_object(v::RDF_TYPE, &class) {
                            push_unique(&mut out, &mut seen, s.into_owned().into());
                        }
                    }
                }
                Target::SubjectsOf(p) => {
                    for t in self.data.triples_for_predicate(p) {
                        push_unique(&mut out, &mut seen, t.subject.into_owned().into());
                    }
                }
                Target::ObjectsOf(p) => {
                    for t in self.data.triples_for_predicate(p) {
                        push_unique(&mut out, &mut seen, t.object.into_owned());
                    }
                }
                // Never compiled in the WebAssembly build (see `advanced::not_in_wasm`).
                Target::Sparql(_) if cfg!(target_arch = "wasm32") => {}
                Target::Sparql(t) => {
                    for node in self.sparql_target(shape, t)? {
                        push_unique(&mut out, &mut seen, node);
                    }
                }
            }
        }
        Ok(out)
    }

    /// `class` and all its transitive subclasses in the data graph.
    fn subclasses(&self, class: &Term) -> Vec<Term> {
        let mut out = vec![class.clone()];
        let mut seen: HashSet<Term> = out.iter().cloned().collect();
        let mut i = 0;
        while let Some(c) = out.get(i).cloned() {
            i += 1;
            for s in self
                .data
                .subjects_for_predicate_object(v::RDFS_SUB_CLASS_OF, &c)
            {
                let s: Term = s.into_owned().into();
                if seen.insert(s.clone()) {
                    out.push(s);
                }
            }
        }
        out
    }

    /// Whether `node` is a SHACL instance of `class` in the data graph.
    fn is_instance_of(&self, node: &Term, class: &Term) -> bool {
        let Some(s) = as_subject(node) else {
            return false;
        };
        let mut queue: Vec<Term> = self
            .data
            .objects_for_subject_predicate(s, v::RDF_TYPE)
            .map(TermRef::into_owned)
            .collect();
        let mut seen: HashSet<Term> = queue.iter().cloned().collect();
        while let Some(c) = queue.pop() {
            if &c == class {
                return true;
            }
            if let Some(cs) = as_subject(&c) {
                for sup in self
                    .data
                    .objects_for_subject_predicate(cs, v::RDFS_SUB_CLASS_OF)
                {
                    let sup = sup.into_owned();
                    if seen.insert(sup.clone()) {
                        queue.push(sup);
                    }
                }
            }
        }
        false
    }

    fn values_of(&self, node: &Term, p: &NamedNode) -> Vec<Term> {
        match as_subject(node) {
            Some(s) => self
                .data
                .objects_for_subject_predicate(s, p)
                .map(TermRef::into_owned)
                .collect(),
            None => Vec::new(),
        }
    }

    /// Whether `node` conforms to shape `shape` (bounded recursion, memoised).
    pub(crate) fn conforms(&mut self, shape: usize, node: &Term) -> bool {
        let key = (shape, node.clone());
        if let Some(&c) = self.memo.get(&key) {
            return c;
        }
        if self.stack.contains(&key) || self.stack.len() >= MAX_DEPTH {
            return true;
        }
        self.stack.push(key.clone());
        let mut results = Vec::new();
        self.validate_shape(shape, node, &mut results);
        self.stack.pop();
        let conforms = results.is_empty();
        if self.stack.is_empty() {
            self.memo.insert(key, conforms);
        }
        conforms
    }

    fn validate_shape(&mut self, index: usize, focus: &Term, out: &mut Vec<ValidationResult>) {
        let shapes = self.shapes;
        let Some(shape) = shapes.shapes.get(index) else {
            return;
        };
        if shape.deactivated {
            return;
        }
        let values = match &shape.path {
            Some(path) => path.evaluate(self.data, focus),
            None => vec![focus.clone()],
        };
        let f = Focus {
            shape,
            node: focus,
            values: &values,
        };
        for (ci, constraint) in shape.constraints.iter().enumerate() {
            self.check((index, ci), f, constraint, out);
        }
    }

    /// Checks `constraint` (number `key.1` of shape `key.0`) for one focus node.
    fn check(
        &mut self,
        key: (usize, usize),
        f: Focus<'_>,
        constraint: &Constraint,
        out: &mut Vec<ValidationResult>,
    ) {
        match constraint {
            Constraint::Class(class) => self.check_class(f, class, out),
            Constraint::Datatype(dt) => value_type::datatype(f, dt, out),
            Constraint::NodeKind(kind) => value_type::node_kind(f, *kind, out),
            Constraint::MinCount(n) => cardinality::min_count(f, *n, out),
            Constraint::MaxCount(n) => cardinality::max_count(f, *n, out),
            Constraint::Range(kind, bound) => value_range::range(f, *kind, bound, out),
            Constraint::MinLength(n) => string_based::min_length(f, *n, out),
            Constraint::MaxLength(n) => string_based::max_length(f, *n, out),
            Constraint::Pattern(re) => string_based::pattern(f, re, out),
            Constraint::LanguageIn(ranges) => string_based::language_in(f, ranges, out),
            Constraint::UniqueLang => string_based::unique_lang(f, out),
            Constraint::Pair(kind, p) => self.check_pair(f, *kind, p, out),
            Constraint::Not(s) => self.check_not(f, *s, out),
            Constraint::And(members) => self.check_and(f, members, out),
            Constraint::Or(members) => self.check_or(f, members, out),
            Constraint::Xone(members) => self.check_xone(f, members, out),
            Constraint::Node(s) => self.check_node(f, *s, out),
            Constraint::Property(s) => self.check_property(f, *s, out),
            Constraint::Qualified {
                shape,
                min,
                max,
                siblings,
            } => self.check_qualified(f, *shape, *min, *max, siblings, out),
            Constraint::Closed(allowed) => self.check_closed(f, allowed, out),
            Constraint::HasValue(expected) => other::has_value(f, expected, out),
            Constraint::In(list) => other::in_list(f, list, out),
            Constraint::Sparql(c) => self.check_sparql(key, f, c, out),
            Constraint::Component(c) => self.check_component(key, f, c, out),
        }
    }
}

/// What a constraint is checked against: the shape, one focus node and its value nodes.
#[derive(Clone, Copy)]
struct Focus<'s> {
    shape: &'s Shape,
    node: &'s Term,
    values: &'s [Term],
}

impl Focus<'_> {
    /// A result of the shape for the focus node.
    fn result(&self, value: Option<Term>, component: NamedNodeRef<'_>) -> ValidationResult {
        let shape = self.shape;
        ValidationResult {
            focus_node: self.node.clone(),
            path: shape.path.clone(),
            value,
            source_shape: shape.id.clone(),
            source_constraint_component: component.into_owned(),
            source_constraint: None,
            severity: shape.severity.clone(),
            messages: shape.messages.clone(),
        }
    }

    /// One result per value node that is not `ok`, in the order of the value nodes.
    fn each(
        &self,
        out: &mut Vec<ValidationResult>,
        component: NamedNodeRef<'_>,
        ok: impl Fn(&Term) -> bool,
    ) {
        for value in self.values {
            if !ok(value) {
                out.push(self.result(Some(value.clone()), component));
            }
        }
    }
}
