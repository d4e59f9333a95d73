//! Report renderers. Pure: each returns a `String`.

pub mod ftr;
mod github;
mod junit;
mod sarif;
mod shacl_turtle;
mod text;

pub use github::github;
pub use junit::junit;
pub use sarif::{sarif, sarif_batch, SARIF_SCHEMA};
pub use shacl_turtle::shacl;
pub use text::text;

use crate::report::Report;
use crate::Location;

/// One input of a batch, for the renderers that write a whole batch as one document (SARIF,
/// JUnit, GitHub annotations, FTR): its report, or why it could not be checked.
#[derive(Debug, Clone, Copy)]
pub enum Entry<'a> {
    /// The input was checked.
    Report(&'a Report),
    /// The input could not be read, fetched or parsed.
    Failed {
        /// Its name.
        input: &'a str,
        /// The error code (`parse_error`, `io_error`, `fetch_error`, ...).
        code: &'a str,
        /// What went wrong.
        message: &'a str,
        /// Where in the input, if known.
        location: Option<&'a Location>,
    },
}

impl Entry<'_> {
    /// The input's name (`-` for a report without one).
    pub fn input(&self) -> &str {
        match self {
            Entry::Report(r) => r.input.as_deref().unwrap_or("-"),
            Entry::Failed { input, .. } => input,
        }
    }
}

/// The JSON report, pretty-printed with two-space indentation and a final newline.
pub fn json(report: &Report) -> String {
    let mut out = serde_json::to_string_pretty(report).unwrap_or_default();
    out.push('\n');
    out
}

/// The report as one line of JSON (for NDJSON batches), with a final newline.
pub fn ndjson(report: &Report) -> String {
    let mut out = serde_json::to_string(report).unwrap_or_default();
    out.push('\n');
    out
}
