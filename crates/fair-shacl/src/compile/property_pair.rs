//! Property pair constraint components: `sh:equals`, `sh:disjoint`, `sh:lessThan`,
//! `sh:lessThanOrEquals`.

use super::super::error::ShapesError;
use super::super::vocab as v;
use super::params::{iri, Params};
use super::{Constraint, PairKind};

pub(super) fn compile(s: &Params<'_>, out: &mut Vec<Constraint>) -> Result<(), ShapesError> {
    for (p, kind) in [
        (v::EQUALS, PairKind::Equals),
        (v::DISJOINT, PairKind::Disjoint),
        (v::LESS_THAN, PairKind::LessThan),
        (v::LESS_THAN_OR_EQUALS, PairKind::LessThanOrEquals),
    ] {
        for t in s.vals(p) {
            out.push(Constraint::Pair(kind, iri(s.id, p, t)?));
        }
    }
    Ok(())
}
