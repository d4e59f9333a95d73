//! Why a record's graph fingerprint could not be computed.

use serde::Serialize;

/// Why a report has no graph fingerprint (`document.fingerprint` is `null`): the record was
/// still validated; only its canonical hash is missing. See `docs/architecture.md`, "Graph
/// fingerprint and sophia".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{message}")]
#[non_exhaustive]
pub struct FingerprintError {
    /// What stopped it.
    pub reason: FingerprintFailure,
    /// A sentence saying so, with the numbers.
    pub message: String,
}

/// The kinds of [`FingerprintError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FingerprintFailure {
    /// The graph has more triples than `max_fingerprint_triples`.
    TooManyTriples,
    /// RDFC-1.0 met blank nodes it could only tell apart by trying more permutations, or by
    /// recursing deeper, than its safeguards allow (a "poison" graph).
    TooComplex,
    /// The graph holds something RDFC-1.0 does not define (an RDF 1.2 triple term).
    Unsupported,
}

impl FingerprintError {
    /// An error of `reason` saying `message`.
    pub fn new(reason: FingerprintFailure, message: impl Into<String>) -> Self {
        Self {
            reason,
            message: message.into(),
        }
    }
}
