//! Reading parameter values: a shape's statements grouped by predicate ([`Params`]) and the
//! typed readers (boolean, non-negative integer, IRI, string, list) every family uses.

use std::collections::HashMap;

use fair_graph::Graph;
use oxrdf::{NamedNode, NamedNodeRef, Term};

use super::super::error::ShapesError;
use super::super::graph::invalid;
use super::super::path::{as_subject, read_list, Path};
use super::super::vocab as v;
use super::{Constraint, Ctx};

/// The shape being compiled: its statements by predicate, read in one scan of the shapes graph
/// instead of one graph lookup per SHACL parameter (about forty of them): this made compiling
/// the bundled profiles several times faster.
pub(super) struct Params<'a> {
    pub ctx: &'a Ctx<'a>,
    pub id: &'a Term,
    /// The shape's `sh:path`, once compiled (`None` for node shapes).
    pub path: Option<&'a Path>,
    by_predicate: HashMap<&'a str, Vec<Term>>,
}

impl<'a> Params<'a> {
    pub fn new(ctx: &'a Ctx<'a>, id: &'a Term) -> Self {
        let mut by_predicate: HashMap<&'a str, Vec<Term>> = HashMap::new();
        if let Some(s) = as_subject(id) {
            for t in ctx.graph.triples_for_subject(s) {
                by_predicate
                    .entry(t.predicate.as_str())
                    .or_default()
                    .push(t.object.into_owned());
            }
        }
        Self {
            ctx,
            id,
            path: None,
            by_predicate,
        }
    }

    /// The shapes graph.
    pub fn graph(&self) -> &'a Graph {
        self.ctx.graph
    }

    /// The values of parameter `p` of this shape.
    pub fn vals(&self, p: NamedNodeRef<'_>) -> &[Term] {
        self.by_predicate.get(p.as_str()).map_or(&[], Vec::as_slice)
    }

    /// One constraint `make(n)` per value `n` of the non-negative integer parameter `p`.
    pub fn integers(
        &self,
        p: NamedNodeRef<'_>,
        make: fn(u64) -> Constraint,
        out: &mut Vec<Constraint>,
    ) -> Result<(), ShapesError> {
        for t in self.vals(p) {
            out.push(make(non_negative_integer(self.id, p, t)?));
        }
        Ok(())
    }

    /// The value of the optional non-negative integer parameter `p` (the first, if several).
    pub fn optional_integer(&self, p: NamedNodeRef<'_>) -> Result<Option<u64>, ShapesError> {
        self.vals(p)
            .first()
            .map(|t| non_negative_integer(self.id, p, t))
            .transpose()
    }

    /// Whether any value of the boolean parameter `p` is `true` (all must be booleans).
    pub fn any_true(&self, p: NamedNodeRef<'_>) -> Result<bool, ShapesError> {
        let mut any = false;
        for t in self.vals(p) {
            any |= boolean(self.id, p, t)?;
        }
        Ok(any)
    }

    /// The shape that `term`, a value of parameter `p`, refers to.
    pub fn shape_ref(&self, p: NamedNodeRef<'_>, term: &Term) -> Result<usize, ShapesError> {
        self.ctx
            .index
            .get(term)
            .copied()
            .ok_or_else(|| invalid(self.id, p, format!("{term} is not a shape")))
    }

    /// The members of the RDF list `head`, a value of parameter `p`.
    pub fn list(&self, p: NamedNodeRef<'_>, head: &Term) -> Result<Vec<Term>, ShapesError> {
        if let Some(members) = self.ctx.lists.get(head) {
            return Ok(members.clone());
        }
        list(self.ctx.graph, self.id, p, head)
    }
}

pub(super) fn boolean(shape: &Term, p: NamedNodeRef<'_>, term: &Term) -> Result<bool, ShapesError> {
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

pub(super) fn non_negative_integer(
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

pub(super) fn iri(
    shape: &Term,
    p: NamedNodeRef<'_>,
    term: &Term,
) -> Result<NamedNode, ShapesError> {
    match term {
        Term::NamedNode(n) => Ok(n.clone()),
        other => Err(invalid(shape, p, format!("{other} is not an IRI"))),
    }
}

pub(super) fn string<'t>(
    shape: &Term,
    p: NamedNodeRef<'_>,
    term: &'t Term,
) -> Result<&'t str, ShapesError> {
    match term {
        Term::Literal(l) if l.language().is_none() => Ok(l.value()),
        other => Err(invalid(
            shape,
            p,
            format!("{other} is not a string literal"),
        )),
    }
}

pub(super) fn list(
    graph: &Graph,
    shape: &Term,
    p: NamedNodeRef<'_>,
    head: &Term,
) -> Result<Vec<Term>, ShapesError> {
    read_list(graph, head.as_ref()).map_err(|m| invalid(shape, p, m))
}
