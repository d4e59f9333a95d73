//! Value range constraint components: `sh:minExclusive`, `sh:minInclusive`, `sh:maxExclusive`,
//! `sh:maxInclusive`.

use oxrdf::Term;

use super::super::error::ShapesError;
use super::super::graph::invalid;
use super::super::vocab as v;
use super::params::Params;
use super::{Constraint, RangeKind};

pub(super) fn compile(s: &Params<'_>, out: &mut Vec<Constraint>) -> Result<(), ShapesError> {
    for (p, kind) in [
        (v::MIN_EXCLUSIVE, RangeKind::MinExclusive),
        (v::MIN_INCLUSIVE, RangeKind::MinInclusive),
        (v::MAX_EXCLUSIVE, RangeKind::MaxExclusive),
        (v::MAX_INCLUSIVE, RangeKind::MaxInclusive),
    ] {
        for t in s.vals(p) {
            match t {
                Term::Literal(l) => out.push(Constraint::Range(kind, l.clone())),
                other => return Err(invalid(s.id, p, format!("{other} is not a literal"))),
            }
        }
    }
    Ok(())
}
