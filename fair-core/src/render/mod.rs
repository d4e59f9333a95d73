//! Report renderers. Pure: each returns a `String`.

mod sarif;
mod shacl_turtle;
mod text;

pub use sarif::{sarif, SARIF_SCHEMA};
pub use shacl_turtle::shacl;
pub use text::text;

use crate::report::Report;

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
