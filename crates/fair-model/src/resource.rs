//! The reference resources a report names (ontologies, shapes, identifier registries, licence
//! lists), each with its version.

use serde::Serialize;

/// A bundled resource and its version, listed in every report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Resource {
    /// What it is.
    pub name: String,
    /// Its version.
    pub version: String,
    /// Where fairlint's copy comes from.
    pub source: String,
}
