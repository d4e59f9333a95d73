//! Cardinality constraint components: `sh:minCount`, `sh:maxCount`.

use super::super::error::ShapesError;
use super::super::vocab as v;
use super::params::{non_negative_integer, Params};
use super::Constraint;

pub(super) fn compile(s: &Params<'_>, out: &mut Vec<Constraint>) -> Result<(), ShapesError> {
    for (p, make) in [
        (v::MIN_COUNT, Constraint::MinCount as fn(u64) -> Constraint),
        (v::MAX_COUNT, Constraint::MaxCount),
    ] {
        if s.path.is_some() {
            s.integers(p, make, out)?;
        } else if let Some(t) = s.vals(p).first() {
            // Counts do not apply to node shapes: the (first) value is only type-checked.
            non_negative_integer(s.id, p, t)?;
        }
    }
    Ok(())
}
