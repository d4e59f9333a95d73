//! fairlint's rules: the checks, the rule registry, the reference data they use, the profiles
//! (catalogue, selection, bundled SHACL shapes, the native RO-Crate profile) and the F/A/I/R
//! scoring.
//!
//! Depends on `fair-model`, `fair-refdata`, `fair-ingest` and `fair-shacl` in the workspace;
//! `fair-core` (the engine and the report) is built on it.
#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::print_stdout, clippy::print_stderr))]

#[doc(hidden)]
pub mod crosswalk;
#[doc(hidden)]
pub mod edam;
#[doc(hidden)]
pub mod examples;
pub mod fixes;
#[doc(hidden)]
pub mod identifiers;
#[doc(hidden)]
pub mod licences;
#[doc(hidden)]
pub mod ontology;
#[doc(hidden)]
pub mod pass;
pub mod profiles;
#[doc(hidden)]
pub mod registry;
#[doc(hidden)]
pub mod schemaorg;
pub mod scoring;
#[doc(hidden)]
pub mod shapes;
#[doc(hidden)]
pub mod sink;
pub mod site;
#[doc(hidden)]
pub mod structural;
mod subject;

use fair_ingest::document;
use fair_model::vocab;
use fair_refdata as refdata;
use fair_shacl as shacl;
mod finding {
    pub use fair_model::{Finding, Letter, Principle, Severity};
}
mod format {
    pub use fair_model::Format;
}
mod error {
    pub use fair_model::error::*;
}

pub use examples::{example, examples, Example};
pub use pass::{CheckContext, Pass, PASSES};
pub use profiles::rocrate;
pub use registry::{
    all, docs_url, indicator_docs_url, rule, Rule, Status, DOCS_BASE, INDICATOR_DOCS_BASE,
};
pub use subject::Subject;
