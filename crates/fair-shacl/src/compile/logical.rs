//! Logical constraint components: `sh:not`, `sh:and`, `sh:or`, `sh:xone`.

use super::super::error::ShapesError;
use super::super::vocab as v;
use super::params::Params;
use super::Constraint;

pub(super) fn compile(s: &Params<'_>, out: &mut Vec<Constraint>) -> Result<(), ShapesError> {
    for t in s.vals(v::NOT) {
        out.push(Constraint::Not(s.shape_ref(v::NOT, t)?));
    }
    for (p, make) in [
        (v::AND, Constraint::And as fn(Vec<usize>) -> Constraint),
        (v::OR, Constraint::Or),
        (v::XONE, Constraint::Xone),
    ] {
        for t in s.vals(p) {
            let members = s
                .list(p, t)?
                .iter()
                .map(|m| s.shape_ref(p, m))
                .collect::<Result<Vec<_>, _>>()?;
            out.push(make(members));
        }
    }
    Ok(())
}
