//! SHACL-SPARQL: SPARQL-based constraints (`sh:sparql`) and the shape's uses of SPARQL-based
//! constraint components.

use super::super::error::ShapesError;
use super::super::sparql;
use super::super::vocab as v;
use super::params::Params;
use super::Constraint;

pub(super) fn compile(s: &Params<'_>, out: &mut Vec<Constraint>) -> Result<(), ShapesError> {
    let g = s.graph();
    for t in s.vals(v::SPARQL) {
        if let Some(c) = sparql::compile_sparql_constraint(g, s.ctx.scope, s.id, s.path, t)? {
            out.push(Constraint::Sparql(Box::new(c)));
        }
    }
    for def in &s.ctx.components {
        for c in sparql::compile_component(g, def, s.id, s.path)? {
            out.push(Constraint::Component(Box::new(c)));
        }
    }
    Ok(())
}
