//! The bounds of the online layer, each with a default that keeps a run short.

use std::path::PathBuf;
use std::time::Duration;

/// Default per-request timeout (`--timeout`).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);
/// Default total time for one record: harvest, signposting and every check (`--record-timeout`).
pub const DEFAULT_RECORD_TIMEOUT: Duration = Duration::from_secs(60);
/// Default maximum redirects per fetch.
pub const DEFAULT_MAX_REDIRECTS: usize = 10;
/// Default retries after a 429 or 503.
pub const DEFAULT_MAX_RETRIES: u32 = 2;
/// Longest wait a `Retry-After` may ask for (longer asks are cut to this).
pub const DEFAULT_MAX_RETRY_WAIT: Duration = Duration::from_secs(5);
/// Default simultaneous requests to one host.
pub const DEFAULT_PER_HOST_CONCURRENCY: usize = 2;
/// Default least interval between two requests to one host.
pub const DEFAULT_PER_HOST_INTERVAL: Duration = Duration::from_millis(100);
/// Default cache lifetime (`--cache-ttl`).
pub const DEFAULT_CACHE_TTL: Duration = Duration::from_secs(24 * 3600);
/// Default DOI resolver (`--resolver-base`).
pub const DEFAULT_RESOLVER_BASE: &str = "https://doi.org/";
/// Default Handle resolver.
pub const DEFAULT_HANDLE_BASE: &str = "https://hdl.handle.net/";
/// Most `url`/`contentUrl`/`license` URLs probed per record, each kind.
pub const MAX_PROBES: usize = 3;
/// Bytes of a probed URL's body read (a data file is not downloaded).
pub const PROBE_BYTES: usize = 64 * 1024;

/// The online layer's options.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct OnlineOptions {
    /// Per-request timeout (connect, headers and body).
    pub timeout: Duration,
    /// Total time for one record.
    pub record_timeout: Duration,
    /// Largest body read, after decompression (the engine's `max_input_bytes`).
    pub max_bytes: usize,
    /// Maximum redirects per fetch.
    pub max_redirects: usize,
    /// Retries after 429/503.
    pub max_retries: u32,
    /// Longest `Retry-After` honoured.
    pub max_retry_wait: Duration,
    /// Hosts allowed although they resolve to private, loopback or link-local addresses.
    pub allow_hosts: Vec<String>,
    /// The `User-Agent` header.
    pub user_agent: String,
    /// DOI resolver base (`doi:10.x/y` → `{base}10.x/y`).
    pub resolver_base: String,
    /// Handle resolver base (`hdl:…`).
    pub handle_base: String,
    /// On-disk cache of answers.
    pub cache_dir: Option<PathBuf>,
    /// How long a cached answer is fresh.
    pub cache_ttl: Duration,
    /// Answer from the cache only; never touch the network.
    pub offline_from_cache: bool,
    /// Simultaneous requests per host.
    pub per_host_concurrency: usize,
    /// Least interval between requests to one host.
    pub per_host_interval: Duration,
    /// Leave run-dependent facts (fetch times) out of the report.
    pub deterministic: bool,
}

impl Default for OnlineOptions {
    fn default() -> Self {
        Self {
            timeout: DEFAULT_TIMEOUT,
            record_timeout: DEFAULT_RECORD_TIMEOUT,
            max_bytes: fair_core::Limits::default().max_input_bytes,
            max_redirects: DEFAULT_MAX_REDIRECTS,
            max_retries: DEFAULT_MAX_RETRIES,
            max_retry_wait: DEFAULT_MAX_RETRY_WAIT,
            allow_hosts: Vec::new(),
            user_agent: format!(
                "fairlint/{} (+https://example.invalid/fairlint; FAIR metadata checker)",
                env!("CARGO_PKG_VERSION")
            ),
            resolver_base: DEFAULT_RESOLVER_BASE.to_owned(),
            handle_base: DEFAULT_HANDLE_BASE.to_owned(),
            cache_dir: None,
            cache_ttl: DEFAULT_CACHE_TTL,
            offline_from_cache: false,
            per_host_concurrency: DEFAULT_PER_HOST_CONCURRENCY,
            per_host_interval: DEFAULT_PER_HOST_INTERVAL,
            deterministic: false,
        }
    }
}
