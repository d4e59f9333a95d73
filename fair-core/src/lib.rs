#![doc = include_str!("../README.md")]
#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::print_stdout, clippy::print_stderr))]

mod contexts;
mod crosswalk;
mod document;
mod engine;
mod error;
/// The data model ([`fair_model`]) under its former module paths.
mod finding {
    pub use fair_model::{
        Applicability, Finding, FindingParts, FindingSource, Fix, Letter, Principle, Severity,
    };
}
mod format;
mod html;
mod jsonld;
mod limits {
    pub use fair_model::{Limits, MAX_JSON_DEPTH_SETTING};
}
mod position;
pub mod profiles;
use fair_refdata as refdata;
pub mod render;
mod report;
mod resolve;
pub mod rules;
pub mod scoring;
/// The standalone SHACL engine ([`fair_shacl`]), re-exported under its former path.
pub use fair_shacl as shacl;
mod sourcemap;
mod text;
pub use fair_model::vocab;

pub use contexts::{bundled as bundled_contexts, BundledContext};
pub use document::{Document, DocumentInfo, ParseOptions, SchemaOrgNamespace};
pub use engine::{Config, Engine, EngineBuilder};
pub use error::{
    BuildError, ConfigError, Limit, LimitError, Location, ParseError, ResolveError, ValidateError,
};
pub use finding::{Applicability, Finding, FindingSource, Fix, Letter, Principle, Severity};
pub use format::{DetectFormat, Detection, Format};
pub use limits::Limits;
pub use report::{Counts, ProfileInfo, ProfileSelection, Report, Resource, Scores, SCHEMA_VERSION};
pub use resolve::{NoResolver, Resolver};
pub use sourcemap::SourceMap;
