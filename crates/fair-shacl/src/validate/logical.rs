//! Logical constraint components: `sh:not`, `sh:and`, `sh:or`, `sh:xone`.

use super::super::results::ValidationResult;
use super::super::vocab as v;
use super::{Focus, Validator};

impl Validator<'_> {
    /// `sh:not`: no value node conforms to shape `s`.
    pub(super) fn check_not(&mut self, f: Focus<'_>, s: usize, out: &mut Vec<ValidationResult>) {
        for t in f.values {
            if self.conforms(s, t) {
                out.push(f.result(Some(t.clone()), v::NOT_CC));
            }
        }
    }

    /// `sh:and`: every value node conforms to all `members`.
    pub(super) fn check_and(
        &mut self,
        f: Focus<'_>,
        members: &[usize],
        out: &mut Vec<ValidationResult>,
    ) {
        for t in f.values {
            if !members.iter().all(|m| self.conforms(*m, t)) {
                out.push(f.result(Some(t.clone()), v::AND_CC));
            }
        }
    }

    /// `sh:or`: every value node conforms to at least one of `members`.
    pub(super) fn check_or(
        &mut self,
        f: Focus<'_>,
        members: &[usize],
        out: &mut Vec<ValidationResult>,
    ) {
        for t in f.values {
            if !members.iter().any(|m| self.conforms(*m, t)) {
                out.push(f.result(Some(t.clone()), v::OR_CC));
            }
        }
    }

    /// `sh:xone`: every value node conforms to exactly one of `members`.
    pub(super) fn check_xone(
        &mut self,
        f: Focus<'_>,
        members: &[usize],
        out: &mut Vec<ValidationResult>,
    ) {
        for t in f.values {
            let n = members.iter().filter(|m| self.conforms(**m, t)).count();
            if n != 1 {
                out.push(f.result(Some(t.clone()), v::XONE_CC));
            }
        }
    }
}
