//! The checks as passes: one calling convention, one table.
//!
//! Every rule family that runs on the whole record implements [`Pass`]; [`PASSES`] lists them
//! in the order the engine runs them. A new family is one new file (its `rules!` block, its
//! checks and its `Pass` impl) plus one line here and one in `registry::FAMILIES`. The
//! profile's own checks (SHACL shapes or the native RO-Crate rules) run after the passes,
//! through [`crate::profiles::run`].

use crate::document::Document;
use crate::ontology::Ontology;
use crate::profiles::shacl::ShapeSet;
use crate::profiles::Profile;
use crate::sink::FindingSink;
use crate::subject::Subject;

/// What every check can see: the record, its main resource, the profile it is checked against
/// and what the engine was built with.
pub struct CheckContext<'a> {
    /// The record.
    pub doc: &'a Document,
    /// Its main resource.
    pub subject: &'a Subject,
    /// The profile it is checked against.
    pub profile: &'static Profile,
    /// The engine's user ontologies.
    pub ontologies: &'a [Ontology],
    /// The engine's user shapes.
    pub shapes: Option<&'a ShapeSet>,
    /// The SPARQL budget of one validation.
    pub max_sparql_steps: u64,
    /// The files and directories beside the record, for an RO-Crate package (a directory or
    /// a zip); `None` for a bare record, and then nothing is checked against a payload.
    pub payload: Option<&'a fair_model::Payload>,
}

/// A pass over the record: reports what it finds into the sink.
pub trait Pass {
    /// Runs the pass.
    fn run(&self, cx: &CheckContext<'_>, sink: &mut FindingSink<'_>);
}

/// Every pass, in the order the engine runs it.
pub const PASSES: &[&dyn Pass] = &[
    &crate::structural::Structural,
    &crate::crosswalk::Crosswalk,
    &crate::identifiers::Identifiers,
    &crate::edam::Edam,
    &crate::schemaorg::SchemaOrg,
    &crate::licences::Licences,
    &crate::ontology::Ontologies,
    &crate::profiles::shacl::UserShapes,
];
