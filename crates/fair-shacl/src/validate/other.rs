//! Other constraint components: `sh:closed`, `sh:hasValue`, `sh:in`.

use std::collections::HashSet;

use oxrdf::{NamedNode, Term};

use super::super::path::{as_subject, Path};
use super::super::results::ValidationResult;
use super::super::vocab as v;
use super::{Focus, Validator};

impl Validator<'_> {
    /// `sh:closed`: one result per statement of a value node whose predicate is not `allowed`
    /// (focus node: the value node; path: the predicate; value: the object).
    pub(super) fn check_closed(
        &self,
        f: Focus<'_>,
        allowed: &HashSet<NamedNode>,
        out: &mut Vec<ValidationResult>,
    ) {
        for t in f.values {
            let Some(s) = as_subject(t) else { continue };
            for triple in self.data.triples_for_subject(s) {
                let p = triple.predicate.into_owned();
                if !allowed.contains(&p) {
                    let mut r = f.result(Some(triple.object.into_owned()), v::CLOSED_CC);
                    r.path = Some(Path::Predicate(p));
                    r.focus_node = t.clone();
                    out.push(r);
                }
            }
        }
    }
}

/// `sh:hasValue`: `expected` is among the value nodes.
pub(super) fn has_value(f: Focus<'_>, expected: &Term, out: &mut Vec<ValidationResult>) {
    if !f.values.contains(expected) {
        out.push(f.result(None, v::HAS_VALUE_CC));
    }
}

/// `sh:in`: every value node is a member of `list`.
pub(super) fn in_list(f: Focus<'_>, list: &[Term], out: &mut Vec<ValidationResult>) {
    f.each(out, v::IN_CC, |t| list.contains(t));
}
