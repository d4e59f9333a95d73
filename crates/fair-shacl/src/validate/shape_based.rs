//! Shape-based constraint components: `sh:node`, `sh:property`, `sh:qualifiedValueShape`.

use super::super::results::ValidationResult;
use super::super::vocab as v;
use super::{Focus, Validator, MAX_DEPTH};

impl Validator<'_> {
    /// `sh:node`: every value node conforms to shape `s`.
    pub(super) fn check_node(&mut self, f: Focus<'_>, s: usize, out: &mut Vec<ValidationResult>) {
        for t in f.values {
            if !self.conforms(s, t) {
                out.push(f.result(Some(t.clone()), v::NODE_CC));
            }
        }
    }

    /// `sh:property`: every value node is validated against property shape `s`, whose results
    /// are reported as they are.
    pub(super) fn check_property(
        &mut self,
        f: Focus<'_>,
        s: usize,
        out: &mut Vec<ValidationResult>,
    ) {
        for t in f.values {
            let key = (s, t.clone());
            if self.stack.contains(&key) || self.stack.len() >= MAX_DEPTH {
                continue;
            }
            self.stack.push(key);
            self.validate_shape(s, t, out);
            self.stack.pop();
        }
    }

    /// `sh:qualifiedValueShape`: the number of value nodes that conform to shape `q` (and to
    /// none of its `siblings`) is within `min` and `max`.
    pub(super) fn check_qualified(
        &mut self,
        f: Focus<'_>,
        q: usize,
        min: Option<u64>,
        max: Option<u64>,
        siblings: &[usize],
        out: &mut Vec<ValidationResult>,
    ) {
        let mut count = 0u64;
        for t in f.values {
            if self.conforms(q, t) && !siblings.iter().any(|s| self.conforms(*s, t)) {
                count += 1;
            }
        }
        if min.is_some_and(|m| count < m) {
            out.push(f.result(None, v::QUALIFIED_MIN_COUNT_CC));
        }
        if max.is_some_and(|m| count > m) {
            out.push(f.result(None, v::QUALIFIED_MAX_COUNT_CC));
        }
    }
}
