//! SHACL property paths: parsing from the shapes graph, evaluation, rendering.

use std::collections::HashSet;
use std::fmt;

use fair_graph::Graph;
use oxrdf::{BlankNode, NamedNode, NamedOrBlankNodeRef, Term, TermRef, Triple};

use super::vocab as v;

/// Maximum nesting depth of a path (guards against cyclic blank-node structures).
const MAX_PATH_DEPTH: usize = 64;

/// A SHACL property path.
///
/// `Display` renders it in SPARQL 1.1 property-path syntax, e.g. `^<http://ex/p>/<http://ex/q>*`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Path {
    /// A predicate path: an IRI.
    Predicate(NamedNode),
    /// `sh:inversePath`.
    Inverse(Box<Path>),
    /// A sequence path (an RDF list of paths).
    Sequence(Vec<Path>),
    /// `sh:alternativePath`.
    Alternative(Vec<Path>),
    /// `sh:zeroOrMorePath`.
    ZeroOrMore(Box<Path>),
    /// `sh:oneOrMorePath`.
    OneOrMore(Box<Path>),
    /// `sh:zeroOrOnePath`.
    ZeroOrOne(Box<Path>),
}

/// Reads a well-formed RDF list starting at `head`.
///
/// Walks the list without copying its nodes; a list cannot be longer than the graph has
/// triples (every node has its own `rdf:first`), so a walk that goes on longer is a cycle, which
/// [`cyclic_list_node`] then names.
pub(crate) fn read_list<'a>(graph: &'a Graph, head: TermRef<'a>) -> Result<Vec<Term>, String> {
    let mut items = Vec::new();
    let mut node = head;
    let mut steps = 0usize;
    loop {
        if node == TermRef::from(v::RDF_NIL) {
            return Ok(items);
        }
        steps += 1;
        if steps > graph.len() + 1 {
            return Err(format!(
                "RDF list {} is cyclic",
                cyclic_list_node(graph, head)
            ));
        }
        let Some(subject) = subject_ref(node) else {
            return Err(format!("{node} is not a well-formed RDF list"));
        };
        let mut firsts = graph.objects_for_subject_predicate(subject, v::RDF_FIRST);
        let mut rests = graph.objects_for_subject_predicate(subject, v::RDF_REST);
        match (firsts.next(), firsts.next(), rests.next(), rests.next()) {
            (Some(first), None, Some(rest), None) => {
                items.push(first.into_owned());
                node = rest;
            }
            _ => {
                return Err(format!(
                    "{node} is not a well-formed RDF list (needs exactly one rdf:first and one rdf:rest)"
                ))
            }
        }
    }
}

/// The first node a walk of the cyclic list at `head` meets twice.
fn cyclic_list_node(graph: &Graph, head: TermRef<'_>) -> Term {
    let mut seen: HashSet<Term> = HashSet::new();
    let mut node = head;
    while seen.insert(node.into_owned()) {
        let next =
            subject_ref(node).and_then(|s| graph.object_for_subject_predicate(s, v::RDF_REST));
        match next {
            Some(next) => node = next,
            None => break,
        }
    }
    node.into_owned()
}

/// The term as a subject, when it can be one.
pub(crate) fn as_subject(term: &Term) -> Option<NamedOrBlankNodeRef<'_>> {
    subject_ref(term.as_ref())
}

/// The borrowed term as a subject, when it can be one.
fn subject_ref(term: TermRef<'_>) -> Option<NamedOrBlankNodeRef<'_>> {
    match term {
        TermRef::NamedNode(n) => Some(n.into()),
        TermRef::BlankNode(b) => Some(b.into()),
        #[allow(unreachable_patterns)]
        _ => None,
    }
}

impl Path {
    /// Parses the SHACL path structure rooted at `node` in `graph`.
    pub fn from_graph(graph: &Graph, node: TermRef<'_>) -> Result<Self, String> {
        Self::parse(graph, node, 0)
    }

    fn parse(graph: &Graph, node: TermRef<'_>, depth: usize) -> Result<Self, String> {
        if depth > MAX_PATH_DEPTH {
            return Err("path is nested too deeply (cyclic?)".into());
        }
        let owned = node.into_owned();
        let subject = match &owned {
            Term::NamedNode(n) => return Ok(Self::Predicate(n.clone())),
            Term::BlankNode(b) => NamedOrBlankNodeRef::from(b),
            other => return Err(format!("{other} is not a valid path")),
        };
        if graph
            .object_for_subject_predicate(subject, v::RDF_FIRST)
            .is_some()
        {
            let items = read_list(graph, node)?;
            if items.len() < 2 {
                return Err(format!(
                    "sequence path {owned} must have at least two members"
                ));
            }
            return items
                .iter()
                .map(|i| Self::parse(graph, i.as_ref(), depth + 1))
                .collect::<Result<Vec<_>, _>>()
                .map(Self::Sequence);
        }
        let mut found = Vec::new();
        for triple in graph.triples_for_subject(subject) {
            let p = triple.predicate;
            if p == v::INVERSE_PATH
                || p == v::ALTERNATIVE_PATH
                || p == v::ZERO_OR_MORE_PATH
                || p == v::ONE_OR_MORE_PATH
                || p == v::ZERO_OR_ONE_PATH
            {
                found.push((p.into_owned(), triple.object.into_owned()));
            }
        }
        let [(p, o)] = found.as_slice() else {
            return Err(format!(
                "{owned} is not a well-formed path (needs exactly one of sh:inversePath, sh:alternativePath, sh:zeroOrMorePath, sh:oneOrMorePath, sh:zeroOrOnePath, or an RDF list)"
            ));
        };
        if p.as_ref() == v::ALTERNATIVE_PATH {
            let items = read_list(graph, o.as_ref())?;
            if items.len() < 2 {
                return Err(format!(
                    "alternative path {owned} must have at least two members"
                ));
            }
            return items
                .iter()
                .map(|i| Self::parse(graph, i.as_ref(), depth + 1))
                .collect::<Result<Vec<_>, _>>()
                .map(Self::Alternative);
        }
        let inner = Box::new(Self::parse(graph, o.as_ref(), depth + 1)?);
        Ok(if p.as_ref() == v::INVERSE_PATH {
            Self::Inverse(inner)
        } else if p.as_ref() == v::ZERO_OR_MORE_PATH {
            Self::ZeroOrMore(inner)
        } else if p.as_ref() == v::ONE_OR_MORE_PATH {
            Self::OneOrMore(inner)
        } else {
            Self::ZeroOrOne(inner)
        })
    }

    /// The predicate IRI when this is a plain predicate path.
    pub fn as_predicate(&self) -> Option<&NamedNode> {
        match self {
            Self::Predicate(p) => Some(p),
            _ => None,
        }
    }

    /// Renders the path in SPARQL 1.1 property-path syntax.
    pub fn to_sparql(&self) -> String {
        self.to_string()
    }

    fn is_primary(&self) -> bool {
        matches!(self, Self::Predicate(_))
    }

    /// Values reached from `node` through this path in `graph` (no duplicates, stable order).
    pub fn evaluate(&self, graph: &Graph, node: &Term) -> Vec<Term> {
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        self.eval_into(graph, node, false, &mut |t| {
            if seen.insert(t.clone()) {
                out.push(t);
            }
        });
        out
    }

    fn eval_vec(&self, graph: &Graph, node: &Term, inverse: bool) -> Vec<Term> {
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        self.eval_into(graph, node, inverse, &mut |t| {
            if seen.insert(t.clone()) {
                out.push(t);
            }
        });
        out
    }

    fn eval_into(&self, graph: &Graph, node: &Term, inverse: bool, emit: &mut dyn FnMut(Term)) {
        match self {
            Self::Predicate(p) => {
                if inverse {
                    for s in graph.subjects_for_predicate_object(p, node) {
                        emit(s.into_owned().into());
                    }
                } else if let Some(s) = as_subject(node) {
                    for o in graph.objects_for_subject_predicate(s, p) {
                        emit(o.into_owned());
                    }
                }
            }
            Self::Inverse(inner) => inner.eval_into(graph, node, !inverse, emit),
            Self::Sequence(items) => {
                let mut current = vec![node.clone()];
                let ordered: Vec<&Path> = if inverse {
                    items.iter().rev().collect()
                } else {
                    items.iter().collect()
                };
                for item in ordered {
                    let mut next = Vec::new();
                    let mut seen = HashSet::new();
                    for n in &current {
                        for t in item.eval_vec(graph, n, inverse) {
                            if seen.insert(t.clone()) {
                                next.push(t);
                            }
                        }
                    }
                    current = next;
                }
                for t in current {
                    emit(t);
                }
            }
            Self::Alternative(items) => {
                for item in items {
                    item.eval_into(graph, node, inverse, emit);
                }
            }
            Self::ZeroOrOne(inner) => {
                emit(node.clone());
                inner.eval_into(graph, node, inverse, emit);
            }
            Self::ZeroOrMore(inner) | Self::OneOrMore(inner) => {
                let mut seen: HashSet<Term> = HashSet::new();
                let mut queue = Vec::new();
                if matches!(self, Self::ZeroOrMore(_)) {
                    seen.insert(node.clone());
                    emit(node.clone());
                }
                queue.push(node.clone());
                while let Some(n) = queue.pop() {
                    for t in inner.eval_vec(graph, &n, inverse) {
                        if seen.insert(t.clone()) {
                            emit(t.clone());
                            queue.push(t);
                        }
                    }
                }
            }
        }
    }

    /// Writes this path as SHACL RDF into `graph`, returning the path node.
    pub(crate) fn write_rdf(
        &self,
        graph: &mut Vec<Triple>,
        fresh: &mut dyn FnMut() -> BlankNode,
    ) -> Term {
        match self {
            Self::Predicate(p) => p.clone().into(),
            Self::Sequence(items) => write_list(graph, items, fresh),
            Self::Alternative(items) => {
                let node = fresh();
                let list = write_list(graph, items, fresh);
                graph.push(Triple::new(node.clone(), v::ALTERNATIVE_PATH, list));
                node.into()
            }
            Self::Inverse(inner)
            | Self::ZeroOrMore(inner)
            | Self::OneOrMore(inner)
            | Self::ZeroOrOne(inner) => {
                let predicate = match self {
                    Self::Inverse(_) => v::INVERSE_PATH,
                    Self::ZeroOrMore(_) => v::ZERO_OR_MORE_PATH,
                    Self::OneOrMore(_) => v::ONE_OR_MORE_PATH,
                    _ => v::ZERO_OR_ONE_PATH,
                };
                let node = fresh();
                let value = inner.write_rdf(graph, fresh);
                graph.push(Triple::new(node.clone(), predicate, value));
                node.into()
            }
        }
    }
}

fn write_list(
    graph: &mut Vec<Triple>,
    items: &[Path],
    fresh: &mut dyn FnMut() -> BlankNode,
) -> Term {
    let mut cells = Vec::new();
    for item in items {
        let cell = fresh();
        let value = item.write_rdf(graph, fresh);
        graph.push(Triple::new(cell.clone(), v::RDF_FIRST, value));
        cells.push(cell);
    }
    let mut next: Term = v::RDF_NIL.into_owned().into();
    for cell in cells.into_iter().rev() {
        graph.push(Triple::new(cell.clone(), v::RDF_REST, next));
        next = cell.into();
    }
    next
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn sub(f: &mut fmt::Formatter<'_>, p: &Path) -> fmt::Result {
            if p.is_primary() {
                write!(f, "{p}")
            } else {
                write!(f, "({p})")
            }
        }
        match self {
            Self::Predicate(p) => write!(f, "{p}"),
            Self::Inverse(inner) => {
                f.write_str("^")?;
                sub(f, inner)
            }
            Self::Sequence(items) | Self::Alternative(items) => {
                let sep = if matches!(self, Self::Sequence(_)) {
                    "/"
                } else {
                    "|"
                };
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(sep)?;
                    }
                    sub(f, item)?;
                }
                Ok(())
            }
            Self::ZeroOrMore(inner) => {
                sub(f, inner)?;
                f.write_str("*")
            }
            Self::OneOrMore(inner) => {
                sub(f, inner)?;
                f.write_str("+")
            }
            Self::ZeroOrOne(inner) => {
                sub(f, inner)?;
                f.write_str("?")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use oxrdf::NamedNodeRef;

    #[test]
    fn lists_are_read_and_cycles_named() {
        let mut graph = Graph::new();
        for t in oxttl::TurtleParser::new().for_slice(
            b"@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n\
              <http://ex/l> <http://ex/p> ( 1 2 3 ) .\n\
              <http://ex/a> rdf:first 1 ; rdf:rest <http://ex/b> .\n\
              <http://ex/b> rdf:first 2 ; rdf:rest <http://ex/c> .\n\
              <http://ex/c> rdf:first 3 ; rdf:rest <http://ex/b> .\n\
              <http://ex/d> rdf:first 1 , 2 ; rdf:rest rdf:nil .\n",
        ) {
            graph.insert(&t.unwrap());
        }
        let head = graph
            .object_for_subject_predicate(
                NamedNodeRef::new_unchecked("http://ex/l"),
                NamedNodeRef::new_unchecked("http://ex/p"),
            )
            .unwrap();
        let items: Vec<String> = read_list(&graph, head)
            .unwrap()
            .iter()
            .map(|t| t.to_string())
            .collect();
        assert_eq!(items.len(), 3);
        assert!(items[0].starts_with("\"1\""), "{items:?}");
        let cyclic = NamedNodeRef::new_unchecked("http://ex/a");
        assert_eq!(
            read_list(&graph, cyclic.into()).unwrap_err(),
            "RDF list <http://ex/b> is cyclic"
        );
        let two_firsts = NamedNodeRef::new_unchecked("http://ex/d");
        assert!(read_list(&graph, two_firsts.into())
            .unwrap_err()
            .contains("needs exactly one rdf:first"));
    }

    #[test]
    fn renders_sparql_syntax() {
        let p = |s: &str| Path::Predicate(NamedNode::new_unchecked(format!("http://ex/{s}")));
        let path = Path::Sequence(vec![
            Path::Inverse(Box::new(p("a"))),
            Path::ZeroOrMore(Box::new(Path::Alternative(vec![p("b"), p("c")]))),
        ]);
        assert_eq!(
            path.to_sparql(),
            "(^<http://ex/a>)/((<http://ex/b>|<http://ex/c>)*)"
        );
    }
}
