//! Evaluation of compiled shapes against a data graph.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

use oxrdf::{Graph, Literal, NamedNode, NamedNodeRef, Term, TermRef, Variable};

use super::dataset::{Budget, GraphDataset};

use super::compile::{CompiledShapes, Constraint, PairKind, RangeKind, Shape, Target};
use super::literal::{compare_literals, compare_terms, is_well_formed};
use super::path::{as_subject, Path};
use super::report::{ValidationReport, ValidationResult};
use super::sparql::{self, Outcome, SHAPES_GRAPH_IRI};
use super::vocab as v;

/// Maximum nesting of shape-based constraints (`sh:node`, `sh:and`, …) before a node is assumed
/// to conform.
const MAX_DEPTH: usize = 64;

struct Validator<'a> {
    shapes: &'a CompiledShapes,
    data: &'a Graph,
    /// (shape, focus) pairs being checked for conformance (recursion guard).
    stack: Vec<(usize, Term)>,
    /// Memoised conformance results.
    memo: HashMap<(usize, Term), bool>,
    /// Results of batched SPARQL queries per (shape, constraint).
    batches: HashMap<(usize, usize), Result<sparql::Batch, String>>,
    /// Evaluation steps left for SPARQL queries.
    budget: Budget,
}

pub(crate) fn validate(
    shapes: &CompiledShapes,
    data: &Graph,
    max_sparql_steps: u64,
) -> ValidationReport {
    let mut validator = Validator {
        shapes,
        data,
        stack: Vec::new(),
        memo: HashMap::new(),
        batches: HashMap::new(),
        budget: Budget::new(max_sparql_steps),
    };
    let mut results = Vec::new();
    for (i, shape) in shapes.shapes.iter().enumerate() {
        if shape.deactivated || shape.targets.is_empty() {
            continue;
        }
        for focus in validator.focus_nodes(shape) {
            validator.validate_shape(i, &focus, &mut results);
        }
    }
    results.sort_by_cached_key(ValidationResult::sort_key);
    ValidationReport {
        conforms: results.is_empty(),
        results,
    }
}

fn push_unique(out: &mut Vec<Term>, seen: &mut HashSet<Term>, t: Term) {
    if seen.insert(t.clone()) {
        out.push(t);
    }
}

impl Validator<'_> {
    fn focus_nodes(&self, shape: &Shape) -> Vec<Term> {
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
            }
        }
        out
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
    fn conforms(&mut self, shape: usize, node: &Term) -> bool {
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
        for (ci, constraint) in shape.constraints.iter().enumerate() {
            self.check((index, ci), shape, constraint, focus, &values, out);
        }
    }

    fn result(
        shape: &Shape,
        focus: &Term,
        value: Option<Term>,
        component: NamedNodeRef<'_>,
    ) -> ValidationResult {
        ValidationResult {
            focus_node: focus.clone(),
            path: shape.path.clone(),
            value,
            source_shape: shape.id.clone(),
            source_constraint_component: component.into_owned(),
            source_constraint: None,
            severity: shape.severity.clone(),
            messages: shape.messages.clone(),
        }
    }

    #[allow(clippy::too_many_lines)]
    fn check(
        &mut self,
        key: (usize, usize),
        shape: &Shape,
        constraint: &Constraint,
        focus: &Term,
        values: &[Term],
        out: &mut Vec<ValidationResult>,
    ) {
        let each = |out: &mut Vec<ValidationResult>, component, ok: &dyn Fn(&Term) -> bool| {
            for value in values {
                if !ok(value) {
                    out.push(Self::result(shape, focus, Some(value.clone()), component));
                }
            }
        };
        match constraint {
            Constraint::Class(class) => {
                let this = &*self;
                each(out, v::CLASS_CC, &|t| this.is_instance_of(t, class));
            }
            Constraint::Datatype(dt) => each(out, v::DATATYPE_CC, &|t| match t {
                Term::Literal(l) => {
                    if l.datatype() != dt.as_ref() {
                        return false;
                    }
                    if dt.as_ref() == v::RDF_LANG_STRING {
                        return l.language().is_some();
                    }
                    is_well_formed(l)
                }
                _ => false,
            }),
            Constraint::NodeKind(kind) => each(out, v::NODE_KIND_CC, &|t| kind.matches(t)),
            Constraint::MinCount(n) => {
                if (values.len() as u64) < *n {
                    out.push(Self::result(shape, focus, None, v::MIN_COUNT_CC));
                }
            }
            Constraint::MaxCount(n) => {
                if (values.len() as u64) > *n {
                    out.push(Self::result(shape, focus, None, v::MAX_COUNT_CC));
                }
            }
            Constraint::Range(kind, bound) => {
                let (component, accept): (_, fn(Ordering) -> bool) = match kind {
                    RangeKind::MinExclusive => (v::MIN_EXCLUSIVE_CC, |o| o == Ordering::Greater),
                    RangeKind::MinInclusive => (v::MIN_INCLUSIVE_CC, |o| o != Ordering::Less),
                    RangeKind::MaxExclusive => (v::MAX_EXCLUSIVE_CC, |o| o == Ordering::Less),
                    RangeKind::MaxInclusive => (v::MAX_INCLUSIVE_CC, |o| o != Ordering::Greater),
                };
                each(out, component, &|t| match t {
                    Term::Literal(l) => compare_literals(l, bound).is_some_and(accept),
                    _ => false,
                });
            }
            Constraint::MinLength(n) => each(out, v::MIN_LENGTH_CC, &|t| {
                string_value(t).is_some_and(|s| s.chars().count() as u64 >= *n)
            }),
            Constraint::MaxLength(n) => each(out, v::MAX_LENGTH_CC, &|t| {
                string_value(t).is_some_and(|s| s.chars().count() as u64 <= *n)
            }),
            Constraint::Pattern(re) => each(out, v::PATTERN_CC, &|t| {
                string_value(t).is_some_and(|s| re.is_match(s))
            }),
            Constraint::LanguageIn(ranges) => each(out, v::LANGUAGE_IN_CC, &|t| match t {
                Term::Literal(l) => l
                    .language()
                    .is_some_and(|lang| ranges.iter().any(|r| lang_matches(lang, r))),
                _ => false,
            }),
            Constraint::UniqueLang => {
                let mut counts: Vec<(String, usize)> = Vec::new();
                for t in values {
                    if let Term::Literal(l) = t {
                        if let Some(lang) = l.language() {
                            let lang = lang.to_ascii_lowercase();
                            match counts.iter_mut().find(|(l, _)| *l == lang) {
                                Some((_, n)) => *n += 1,
                                None => counts.push((lang, 1)),
                            }
                        }
                    }
                }
                for (_, n) in counts {
                    if n > 1 {
                        out.push(Self::result(shape, focus, None, v::UNIQUE_LANG_CC));
                    }
                }
            }
            Constraint::Pair(kind, p) => {
                let others = self.values_of(focus, p);
                match kind {
                    PairKind::Equals => {
                        for t in values {
                            if !others.contains(t) {
                                out.push(Self::result(shape, focus, Some(t.clone()), v::EQUALS_CC));
                            }
                        }
                        for t in &others {
                            if !values.contains(t) {
                                out.push(Self::result(shape, focus, Some(t.clone()), v::EQUALS_CC));
                            }
                        }
                    }
                    PairKind::Disjoint => each(out, v::DISJOINT_CC, &|t| !others.contains(t)),
                    PairKind::LessThan | PairKind::LessThanOrEquals => {
                        let (component, accept): (_, fn(Ordering) -> bool) =
                            if *kind == PairKind::LessThan {
                                (v::LESS_THAN_CC, |o| o == Ordering::Less)
                            } else {
                                (v::LESS_THAN_OR_EQUALS_CC, |o| o != Ordering::Greater)
                            };
                        for t in values {
                            for o in &others {
                                if !compare_terms(t, o).is_some_and(accept) {
                                    out.push(Self::result(
                                        shape,
                                        focus,
                                        Some(t.clone()),
                                        component,
                                    ));
                                }
                            }
                        }
                    }
                }
            }
            Constraint::Not(s) => {
                for t in values {
                    if self.conforms(*s, t) {
                        out.push(Self::result(shape, focus, Some(t.clone()), v::NOT_CC));
                    }
                }
            }
            Constraint::And(members) => {
                for t in values {
                    if !members.iter().all(|m| self.conforms(*m, t)) {
                        out.push(Self::result(shape, focus, Some(t.clone()), v::AND_CC));
                    }
                }
            }
            Constraint::Or(members) => {
                for t in values {
                    if !members.iter().any(|m| self.conforms(*m, t)) {
                        out.push(Self::result(shape, focus, Some(t.clone()), v::OR_CC));
                    }
                }
            }
            Constraint::Xone(members) => {
                for t in values {
                    let n = members.iter().filter(|m| self.conforms(**m, t)).count();
                    if n != 1 {
                        out.push(Self::result(shape, focus, Some(t.clone()), v::XONE_CC));
                    }
                }
            }
            Constraint::Node(s) => {
                for t in values {
                    if !self.conforms(*s, t) {
                        out.push(Self::result(shape, focus, Some(t.clone()), v::NODE_CC));
                    }
                }
            }
            Constraint::Property(s) => {
                for t in values {
                    let key = (*s, t.clone());
                    if self.stack.contains(&key) || self.stack.len() >= MAX_DEPTH {
                        continue;
                    }
                    self.stack.push(key);
                    self.validate_shape(*s, t, out);
                    self.stack.pop();
                }
            }
            Constraint::Qualified {
                shape: q,
                min,
                max,
                siblings,
            } => {
                let mut count = 0u64;
                for t in values {
                    if self.conforms(*q, t) && !siblings.iter().any(|s| self.conforms(*s, t)) {
                        count += 1;
                    }
                }
                if min.is_some_and(|m| count < m) {
                    out.push(Self::result(shape, focus, None, v::QUALIFIED_MIN_COUNT_CC));
                }
                if max.is_some_and(|m| count > m) {
                    out.push(Self::result(shape, focus, None, v::QUALIFIED_MAX_COUNT_CC));
                }
            }
            Constraint::Closed(allowed) => {
                for t in values {
                    let Some(s) = as_subject(t) else { continue };
                    for triple in self.data.triples_for_subject(s) {
                        let p = triple.predicate.into_owned();
                        if !allowed.contains(&p) {
                            let mut r = Self::result(
                                shape,
                                focus,
                                Some(triple.object.into_owned()),
                                v::CLOSED_CC,
                            );
                            r.path = Some(Path::Predicate(p));
                            r.focus_node = t.clone();
                            out.push(r);
                        }
                    }
                }
            }
            Constraint::HasValue(expected) => {
                if !values.contains(expected) {
                    out.push(Self::result(shape, focus, None, v::HAS_VALUE_CC));
                }
            }
            Constraint::In(list) => each(out, v::IN_CC, &|t| list.contains(t)),
            Constraint::Sparql(c) => self.check_sparql(key, shape, c, focus, out),
            Constraint::Component(c) => self.check_component(key, shape, c, focus, values, out),
        }
    }

    fn dataset(&self) -> GraphDataset<'_> {
        GraphDataset {
            data: self.data,
            shapes: self
                .shapes
                .shapes_graph
                .as_ref()
                .map(|g| (g, &self.shapes.shapes_graph_name)),
            budget: &self.budget,
        }
    }

    fn base_bindings(shape: &Shape, focus: &Term) -> Vec<(Variable, Term)> {
        vec![
            (Variable::new_unchecked("this"), focus.clone()),
            (
                Variable::new_unchecked("shapesGraph"),
                NamedNode::new_unchecked(SHAPES_GRAPH_IRI).into(),
            ),
            (Variable::new_unchecked("currentShape"), shape.id.clone()),
        ]
    }

    #[allow(clippy::too_many_arguments)]
    fn solution_results(
        shape: &Shape,
        focus: &Term,
        solutions: Vec<HashMap<String, Term>>,
        messages: &[Literal],
        component: NamedNodeRef<'_>,
        source_constraint: Option<&Term>,
        bindings: &[(Variable, Term)],
        out: &mut Vec<ValidationResult>,
    ) {
        for solution in solutions {
            let failed = solution
                .get("failure")
                .is_some_and(|t| matches!(t, Term::Literal(l) if l.value() == "true"));
            let this = solution
                .get("this")
                .cloned()
                .unwrap_or_else(|| focus.clone());
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

    fn check_sparql(
        &mut self,
        key: (usize, usize),
        shape: &Shape,
        c: &sparql::SparqlConstraint,
        focus: &Term,
        out: &mut Vec<ValidationResult>,
    ) {
        let bindings = Self::base_bindings(shape, focus);
        let outcome = self.select(key, &c.query, &bindings, focus);
        match outcome {
            Ok(Outcome::Solutions(solutions)) => Self::solution_results(
                shape,
                focus,
                solutions,
                &c.messages,
                v::SPARQL_CC,
                Some(&c.node),
                &bindings,
                out,
            ),
            Ok(Outcome::Boolean(_)) => {}
            Err(message) => out.push(self.failure(shape, focus, v::SPARQL_CC, &message)),
        }
    }

    fn check_component(
        &mut self,
        key: (usize, usize),
        shape: &Shape,
        c: &sparql::ComponentConstraint,
        focus: &Term,
        values: &[Term],
        out: &mut Vec<ValidationResult>,
    ) {
        let mut bindings = Self::base_bindings(shape, focus);
        bindings.extend(c.bindings.iter().cloned());
        if c.ask {
            for value in values {
                let mut b = bindings.clone();
                b.push((Variable::new_unchecked("value"), value.clone()));
                match sparql::run(&c.query, self.dataset(), &b) {
                    Ok(Outcome::Boolean(true)) => {}
                    Ok(_) => {
                        let lookup = |name: &str| -> Option<Term> {
                            b.iter()
                                .find(|(v, _)| v.as_str() == name)
                                .map(|(_, t)| t.clone())
                        };
                        let mut r =
                            Self::result(shape, focus, Some(value.clone()), c.component.as_ref());
                        if !c.messages.is_empty() {
                            r.messages = c
                                .messages
                                .iter()
                                .map(|m| sparql::substitute_message(m, &lookup))
                                .collect();
                        }
                        out.push(r);
                    }
                    Err(message) => {
                        out.push(self.failure(shape, focus, c.component.as_ref(), &message))
                    }
                }
            }
        } else {
            match self.select(key, &c.query, &bindings, focus) {
                Ok(Outcome::Solutions(solutions)) => Self::solution_results(
                    shape,
                    focus,
                    solutions,
                    &c.messages,
                    c.component.as_ref(),
                    None,
                    &bindings,
                    out,
                ),
                Ok(Outcome::Boolean(_)) => {}
                Err(message) => {
                    out.push(self.failure(shape, focus, c.component.as_ref(), &message))
                }
            }
        }
    }

    fn failure(
        &self,
        shape: &Shape,
        focus: &Term,
        component: NamedNodeRef<'_>,
        message: &str,
    ) -> ValidationResult {
        let mut r = Self::result(shape, focus, None, component);
        r.messages = vec![Literal::new_simple_literal(format!(
            "SPARQL evaluation failed: {message}"
        ))];
        r
    }
}

/// The string value of an IRI or literal (`None` for blank nodes).
fn string_value(t: &Term) -> Option<&str> {
    match t {
        Term::NamedNode(n) => Some(n.as_str()),
        Term::Literal(l) => Some(l.value()),
        _ => None,
    }
}

/// SPARQL `langMatches` (basic filtering, RFC 4647 §3.3.1).
fn lang_matches(lang: &str, range: &str) -> bool {
    if range == "*" {
        return !lang.is_empty();
    }
    let lang = lang.to_ascii_lowercase();
    lang == range
        || lang
            .strip_prefix(range)
            .is_some_and(|rest| rest.starts_with('-'))
}
