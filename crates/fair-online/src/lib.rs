//! fairlint's opt-in online layer: check a published record by URL, DOI or Handle.
//!
//! [`check_online`] harvests the record (content negotiation, FAIR Signposting `Link` headers
//! and HTML `<link>`s, JSON-LD embedded in the landing page, redirects), checks it with the
//! engine exactly as offline, then runs the online checks
//! ([`fair_core::online::ONLINE_CHECKS`]) and moves the indicators they assess from
//! `not_assessed` to pass or fail. Every request goes through one [`Fetcher`]: per-request and
//! per-record time limits, a body cap after decompression, at most N redirects with loop
//! detection, bounded retries for 429/503 honouring `Retry-After`, per-host concurrency and
//! pacing, an SSRF guard on every resolved address, and an on-disk cache.
//!
//! The core (`fair-core`) does no I/O and the WebAssembly package never depends on this crate.

mod cache;
mod client;
mod context;
mod error;
mod guard;
mod harvest;
mod options;
pub mod signpost;

pub use client::{Answer, BodyLimit, Deadline, Fetcher, Followed};
pub use context::ContextResolver;
pub use error::{FetchError, FetchErrorKind, OnlineError};
pub use guard::is_forbidden;
pub use harvest::{
    check_online, expand_input, is_remote_input, Harvest, HarvestFetch, OnlineCheck, OnlineReport,
    Volatile, ACCEPT_RECORD,
};
pub use options::*;
