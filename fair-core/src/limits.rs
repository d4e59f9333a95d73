//! Configurable limits on what one input may hold.

use serde::{Deserialize, Serialize};

/// The largest nesting depth fairlint accepts as a `max_json_depth` setting (parsing is
/// recursive, so the limit itself is bounded to keep the stack safe).
pub const MAX_JSON_DEPTH_SETTING: usize = 1024;

/// Limits on one input. Going over one is a [`crate::LimitError`], never a hang or a crash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct Limits {
    /// Largest input in bytes (default 16 MiB).
    pub max_input_bytes: usize,
    /// Deepest JSON nesting of arrays and objects (default 128).
    pub max_json_depth: usize,
    /// Most triples (quads) in one input (default 1,000,000).
    pub max_triples: usize,
    /// Most findings in one report; past it the report is marked truncated (default 10,000).
    pub max_findings: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_input_bytes: 16 * 1024 * 1024,
            max_json_depth: 128,
            max_triples: 1_000_000,
            max_findings: 10_000,
        }
    }
}
