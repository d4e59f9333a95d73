#![doc = include_str!("../README.md")]
#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::print_stdout, clippy::print_stderr))]

#[cfg(test)]
mod crosswalk_tests;
mod engine;
use fair_ingest::{contexts, crosswalk, document, sourcemap};
mod error;
#[cfg(feature = "fingerprint")]
mod fingerprint;
mod fix;
/// The data model ([`fair_model`]) under its former module paths.
mod finding {
    pub use fair_model::{Applicability, Finding, FindingSource, Fix, Letter, Principle, Severity};
}
/// Format detection ([`fair_ingest`]) under its former module path.
mod format {
    pub use fair_ingest::DetectFormat;
    pub use fair_model::{Detection, Format};
}
mod limits {
    pub use fair_model::{Limits, MAX_JSON_DEPTH_SETTING};
}
pub use fair_rules::profiles;
pub mod online;
pub mod render;
mod report;
#[cfg(feature = "sophia")]
mod sophia;
/// The rule registry ([`fair_rules`]): every code fairlint can report, with its meaning.
pub mod rules {
    pub use fair_rules::fixes::{fixability, FIXABLE};
    pub use fair_rules::site;
    pub use fair_rules::{
        all, docs_url, example, examples, indicator_docs_url, rocrate, rule, Example, Rule, Status,
        DOCS_BASE, INDICATOR_DOCS_BASE,
    };
}
pub use fair_model::vocab;
pub use fair_rules::scoring;
/// The standalone SHACL engine ([`fair_shacl`]), re-exported under its former path.
pub use fair_shacl as shacl;

pub use contexts::{bundled as bundled_contexts, BundledContext};
pub use document::{Document, DocumentInfo, ParseOptions, SchemaOrgNamespace};
pub use engine::{Config, Engine, EngineBuilder, InputOptions, ValidateOptions};
pub use error::{
    BuildError, ConfigError, Limit, LimitError, Location, ParseError, ResolveError, ValidateError,
};
pub use fair_ingest::{file_base_iri, NoResolver, Resolver, DEFAULT_BASE_IRI};
pub use fair_model::{Edit, EditTarget, Payload};
pub use fair_model::{FingerprintError, FingerprintFailure};
pub use finding::{Applicability, Finding, FindingSource, Fix, Letter, Principle, Severity};
#[cfg(feature = "fingerprint")]
pub use fingerprint::{fingerprint, DEPTH_FACTOR, PERMUTATION_LIMIT};
pub use fix::{AppliedFix, FixOptions, FixResult, SkippedFix};
pub use format::{DetectFormat, Detection, Format};
pub use limits::Limits;
pub use report::{Counts, ProfileInfo, ProfileSelection, Report, Resource, Scores, SCHEMA_VERSION};
pub use sourcemap::SourceMap;
