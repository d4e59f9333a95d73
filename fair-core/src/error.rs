//! Errors: "could not do the job". Invalid metadata is never an error; it is a finding. The
//! error types of one input are `fair-model`'s; building the engine can also fail on a shapes
//! graph, which is `fair-shacl`'s.

pub use fair_model::error::*;

/// The engine could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// A configuration value is not acceptable.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// A resource needed to build the engine could not be obtained.
    #[error(transparent)]
    Resolve(#[from] ResolveError),
    /// A shapes graph could not be parsed or compiled.
    #[error(transparent)]
    Shapes(#[from] fair_shacl::ShapesError),
}

impl BuildError {
    /// A stable machine-readable code: `config_error`, `resolve_error` or `shapes_error`.
    pub fn code(&self) -> &'static str {
        match self {
            BuildError::Config(_) => "config_error",
            BuildError::Resolve(_) => "resolve_error",
            BuildError::Shapes(_) => "shapes_error",
        }
    }
}
