//! Value type constraint components: `sh:class`, `sh:datatype`, `sh:nodeKind`.

use oxrdf::{NamedNode, Term};

use super::super::compile::NodeKind;
use super::super::literal::is_well_formed;
use super::super::results::ValidationResult;
use super::super::vocab as v;
use super::{Focus, Validator};

impl Validator<'_> {
    /// `sh:class`: every value node is a SHACL instance of `class` in the data graph.
    pub(super) fn check_class(&self, f: Focus<'_>, class: &Term, out: &mut Vec<ValidationResult>) {
        f.each(out, v::CLASS_CC, |t| self.is_instance_of(t, class));
    }
}

/// `sh:datatype`: every value node is a well-formed literal of datatype `dt`.
pub(super) fn datatype(f: Focus<'_>, dt: &NamedNode, out: &mut Vec<ValidationResult>) {
    f.each(out, v::DATATYPE_CC, |t| match t {
        Term::Literal(l) => {
            if l.datatype() != dt.as_ref() {
                return false;
            }
            if dt.as_ref() == v::RDF_LANG_STRING {
                return l.language().is_some();
            }
            is_well_formed(l)
        }
        _ => false,
    });
}

/// `sh:nodeKind`: every value node is of node kind `kind`.
pub(super) fn node_kind(f: Focus<'_>, kind: NodeKind, out: &mut Vec<ValidationResult>) {
    f.each(out, v::NODE_KIND_CC, |t| kind.matches(t));
}
