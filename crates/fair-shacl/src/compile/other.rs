//! Other constraint components: `sh:closed` (with `sh:ignoredProperties`), `sh:hasValue`,
//! `sh:in`.

use std::collections::HashSet;

use oxrdf::Term;

use super::super::error::ShapesError;
use super::super::graph::objects;
use super::super::vocab as v;
use super::params::{boolean, iri, Params};
use super::Constraint;

pub(super) fn compile(s: &Params<'_>, out: &mut Vec<Constraint>) -> Result<(), ShapesError> {
    for t in s.vals(v::CLOSED) {
        if boolean(s.id, v::CLOSED, t)? {
            out.push(Constraint::Closed(allowed_properties(s)?));
        }
    }
    for t in s.vals(v::HAS_VALUE) {
        out.push(Constraint::HasValue(t.clone()));
    }
    for t in s.vals(v::IN) {
        out.push(Constraint::In(s.list(v::IN, t)?));
    }
    Ok(())
}

/// The properties a closed shape allows: the predicate paths of its property shapes and its
/// `sh:ignoredProperties`.
fn allowed_properties(s: &Params<'_>) -> Result<HashSet<oxrdf::NamedNode>, ShapesError> {
    let mut allowed = HashSet::new();
    for ps in s.vals(v::PROPERTY) {
        for p in objects(s.graph(), ps, v::PATH) {
            if let Term::NamedNode(n) = p {
                allowed.insert(n);
            }
        }
    }
    for ignored in s.vals(v::IGNORED_PROPERTIES) {
        for p in s.list(v::IGNORED_PROPERTIES, ignored)? {
            allowed.insert(iri(s.id, v::IGNORED_PROPERTIES, &p)?);
        }
    }
    Ok(allowed)
}
