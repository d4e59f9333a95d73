//! Shape-based constraint components: `sh:node`, `sh:property`, `sh:qualifiedValueShape` (with
//! `sh:qualifiedMinCount`, `sh:qualifiedMaxCount`, `sh:qualifiedValueShapesDisjoint`).

use oxrdf::Term;

use super::super::error::ShapesError;
use super::super::graph::{invalid, objects};
use super::super::vocab as v;
use super::params::Params;
use super::Constraint;

pub(super) fn compile(s: &Params<'_>, out: &mut Vec<Constraint>) -> Result<(), ShapesError> {
    for t in s.vals(v::NODE) {
        out.push(Constraint::Node(s.shape_ref(v::NODE, t)?));
    }
    for t in s.vals(v::PROPERTY) {
        let target = s.shape_ref(v::PROPERTY, t)?;
        if objects(s.graph(), t, v::PATH).is_empty() {
            return Err(invalid(s.id, v::PROPERTY, format!("{t} has no sh:path")));
        }
        out.push(Constraint::Property(target));
    }
    qualified(s, out)
}

fn qualified(s: &Params<'_>, out: &mut Vec<Constraint>) -> Result<(), ShapesError> {
    let qvs = s.vals(v::QUALIFIED_VALUE_SHAPE);
    if qvs.is_empty() {
        return Ok(());
    }
    let min = s.optional_integer(v::QUALIFIED_MIN_COUNT)?;
    let max = s.optional_integer(v::QUALIFIED_MAX_COUNT)?;
    let disjoint = s.any_true(v::QUALIFIED_VALUE_SHAPES_DISJOINT)?;
    for q in qvs {
        let shape = s.shape_ref(v::QUALIFIED_VALUE_SHAPE, q)?;
        let siblings = if disjoint {
            sibling_shapes(s, shape)
        } else {
            Vec::new()
        };
        if min.is_some() || max.is_some() {
            out.push(Constraint::Qualified {
                shape,
                min,
                max,
                siblings,
            });
        }
    }
    Ok(())
}

/// Sibling shapes of qualified value shape `shape`: the qualified value shapes of the other
/// property shapes of every shape that has this property shape as a `sh:property`.
fn sibling_shapes(s: &Params<'_>, shape: usize) -> Vec<usize> {
    let (g, id) = (s.graph(), s.id);
    let parents: Vec<Term> = g
        .subjects_for_predicate_object(v::PROPERTY, id)
        .map(|s| s.into_owned().into())
        .collect();
    let mut siblings = Vec::new();
    for parent in parents {
        for sibling in objects(g, &parent, v::PROPERTY) {
            if &sibling == id {
                continue;
            }
            for sq in objects(g, &sibling, v::QUALIFIED_VALUE_SHAPE) {
                if let Some(&i) = s.ctx.index.get(&sq) {
                    if i != shape && !siblings.contains(&i) {
                        siblings.push(i);
                    }
                }
            }
        }
    }
    siblings
}
