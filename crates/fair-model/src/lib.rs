//! fairlint's data model, the bottom layer of the workspace: what a check produces
//! ([`Finding`], [`Severity`], [`Principle`], [`Fix`]), where it points ([`Location`]), the
//! input formats ([`Format`], a plain enum; detection from content belongs to the ingestion),
//! the [`Limits`] on one input, the error types of one input, and the IRIs fairlint names
//! ([`vocab`]). It depends on no other crate of the workspace; `fair-core` re-exports all of it
//! under its former paths.

mod code;
pub mod error;
mod finding;
mod fingerprint;
mod format;
mod limits;
mod payload;
mod resource;
pub mod vocab;

pub use code::{Code, RawFinding};
pub use error::{
    ConfigError, Limit, LimitError, Location, ParseError, ResolveError, ValidateError,
};
pub use finding::{
    Applicability, Edit, EditTarget, Finding, FindingParts, FindingSource, Fix, Letter, Principle,
    Severity,
};
pub use fingerprint::{FingerprintError, FingerprintFailure};
pub use format::{Detection, Format};
pub use limits::{Limits, MAX_JSON_DEPTH_SETTING};
pub use payload::Payload;
pub use resource::Resource;
