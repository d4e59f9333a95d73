//! Value range constraint components: `sh:minExclusive`, `sh:minInclusive`, `sh:maxExclusive`,
//! `sh:maxInclusive`.

use std::cmp::Ordering;

use oxrdf::{Literal, Term};

use super::super::compile::RangeKind;
use super::super::literal::compare_literals;
use super::super::results::ValidationResult;
use super::super::vocab as v;
use super::Focus;

/// Every value node is a literal that compares with `bound` as `kind` requires.
pub(super) fn range(
    f: Focus<'_>,
    kind: RangeKind,
    bound: &Literal,
    out: &mut Vec<ValidationResult>,
) {
    let (component, accept): (_, fn(Ordering) -> bool) = match kind {
        RangeKind::MinExclusive => (v::MIN_EXCLUSIVE_CC, |o| o == Ordering::Greater),
        RangeKind::MinInclusive => (v::MIN_INCLUSIVE_CC, |o| o != Ordering::Less),
        RangeKind::MaxExclusive => (v::MAX_EXCLUSIVE_CC, |o| o == Ordering::Less),
        RangeKind::MaxInclusive => (v::MAX_INCLUSIVE_CC, |o| o != Ordering::Greater),
    };
    f.each(out, component, |t| match t {
        Term::Literal(l) => compare_literals(l, bound).is_some_and(accept),
        _ => false,
    });
}
