//! Property pair constraint components: `sh:equals`, `sh:disjoint`, `sh:lessThan`,
//! `sh:lessThanOrEquals`.

use std::cmp::Ordering;

use oxrdf::NamedNode;

use super::super::compile::PairKind;
use super::super::literal::compare_terms;
use super::super::results::ValidationResult;
use super::super::vocab as v;
use super::{Focus, Validator};

impl Validator<'_> {
    /// Compares the value nodes with the values of `p` on the focus node.
    pub(super) fn check_pair(
        &self,
        f: Focus<'_>,
        kind: PairKind,
        p: &NamedNode,
        out: &mut Vec<ValidationResult>,
    ) {
        let others = self.values_of(f.node, p);
        match kind {
            PairKind::Equals => {
                for t in f.values {
                    if !others.contains(t) {
                        out.push(f.result(Some(t.clone()), v::EQUALS_CC));
                    }
                }
                for t in &others {
                    if !f.values.contains(t) {
                        out.push(f.result(Some(t.clone()), v::EQUALS_CC));
                    }
                }
            }
            PairKind::Disjoint => f.each(out, v::DISJOINT_CC, |t| !others.contains(t)),
            PairKind::LessThan | PairKind::LessThanOrEquals => {
                let (component, accept): (_, fn(Ordering) -> bool) = if kind == PairKind::LessThan {
                    (v::LESS_THAN_CC, |o| o == Ordering::Less)
                } else {
                    (v::LESS_THAN_OR_EQUALS_CC, |o| o != Ordering::Greater)
                };
                for t in f.values {
                    for o in &others {
                        if !compare_terms(t, o).is_some_and(accept) {
                            out.push(f.result(Some(t.clone()), component));
                        }
                    }
                }
            }
        }
    }
}
