//! Configurable limits on what one input may hold.

use serde::{Deserialize, Serialize};

/// The largest nesting depth fairlint accepts as a `max_json_depth` setting. The JSON-LD
/// processor recurses once per nesting level (about 2 KB of stack per level in a release
/// build): 256 levels fit in a 1 MiB stack (WebAssembly's default), 512 do not.
pub const MAX_JSON_DEPTH_SETTING: usize = 256;

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
    /// Work budget for the SHACL-SPARQL constraints of one validation, in evaluation steps
    /// (a triple read from the data, a term handed to an expression, a solution produced;
    /// default 1,000,000). Spent, the constraint that ran out and every later SPARQL
    /// constraint of that validation give a result saying so: the report does not conform
    /// and is not silently partial.
    pub max_sparql_steps: u64,
    /// Most triples whose graph fingerprint (RDFC-1.0, SHA-256) a report gives (default
    /// 100,000). A larger graph is still validated; its report's `document.fingerprint` is
    /// `null` and `document.fingerprint_error` says why.
    pub max_fingerprint_triples: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_input_bytes: 16 * 1024 * 1024,
            max_json_depth: 128,
            max_triples: 1_000_000,
            max_findings: 10_000,
            // fair_shacl::DEFAULT_MAX_SPARQL_STEPS (fair-core/tests/layering.rs checks they agree).
            max_sparql_steps: 1_000_000,
            max_fingerprint_triples: 100_000,
        }
    }
}

impl Limits {
    /// `Err` when an input of `len` bytes is over `max_input_bytes`: checked before anything
    /// reads the input (format detection included).
    #[doc(hidden)]
    pub fn check_input_size(&self, len: usize) -> Result<(), crate::LimitError> {
        if len > self.max_input_bytes {
            Err(crate::LimitError {
                limit: crate::Limit::InputBytes,
                max: self.max_input_bytes as u64,
                location: None,
            })
        } else {
            Ok(())
        }
    }
}
