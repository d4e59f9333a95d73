//! Cardinality constraint components: `sh:minCount`, `sh:maxCount`.

use super::super::results::ValidationResult;
use super::super::vocab as v;
use super::Focus;

/// `sh:minCount`: at least `n` value nodes.
pub(super) fn min_count(f: Focus<'_>, n: u64, out: &mut Vec<ValidationResult>) {
    if (f.values.len() as u64) < n {
        out.push(f.result(None, v::MIN_COUNT_CC));
    }
}

/// `sh:maxCount`: at most `n` value nodes.
pub(super) fn max_count(f: Focus<'_>, n: u64, out: &mut Vec<ValidationResult>) {
    if (f.values.len() as u64) > n {
        out.push(f.result(None, v::MAX_COUNT_CC));
    }
}
