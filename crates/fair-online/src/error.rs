//! Every way a fetch can fail, typed: the CLI reports them as `fetch_error` (exit 2).

/// Why a fetch failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FetchErrorKind {
    /// No answer within the per-request timeout (or the record's total time ran out).
    #[error("timed out after {0} ms")]
    Timeout(u64),
    /// The record's total time (`--record-timeout`) ran out.
    #[error("the record's total time of {0} ms ran out")]
    Deadline(u64),
    /// The server answered with a status that is not success.
    #[error("HTTP status {0}")]
    Status(u16),
    /// The (decompressed) body is larger than `max_input_bytes`.
    #[error("body larger than {0} bytes (after decompression)")]
    TooLarge(usize),
    /// More redirects than allowed.
    #[error("more than {0} redirects")]
    TooManyRedirects(usize),
    /// A redirect back to a URL already visited.
    #[error("redirect loop back to {0}")]
    RedirectLoop(String),
    /// A private, loopback, link-local or unspecified address, not permitted by
    /// `--allow-host`.
    #[error("refused: {0} (private, loopback, link-local and unspecified addresses are refused; --allow-host HOST permits one)")]
    Refused(String),
    /// Not an http(s) URL or a known PID.
    #[error("not an http(s) URL or a known persistent identifier: {0}")]
    InvalidUrl(String),
    /// `--offline-from-cache` and the answer is not in the cache.
    #[error("not in the cache (--offline-from-cache)")]
    NotCached,
    /// The host name did not resolve.
    #[error("host not found")]
    HostNotFound,
    /// Connection, TLS or protocol failure.
    #[error("{0}")]
    Transport(String),
}

impl FetchErrorKind {
    /// A short machine-readable name (`timeout`, `status`, `too_large`, ...).
    pub fn name(&self) -> &'static str {
        match self {
            FetchErrorKind::Timeout(_) => "timeout",
            FetchErrorKind::Deadline(_) => "deadline",
            FetchErrorKind::Status(_) => "status",
            FetchErrorKind::TooLarge(_) => "too_large",
            FetchErrorKind::TooManyRedirects(_) => "too_many_redirects",
            FetchErrorKind::RedirectLoop(_) => "redirect_loop",
            FetchErrorKind::Refused(_) => "refused_address",
            FetchErrorKind::InvalidUrl(_) => "invalid_url",
            FetchErrorKind::NotCached => "not_cached",
            FetchErrorKind::HostNotFound => "host_not_found",
            FetchErrorKind::Transport(_) => "transport",
        }
    }
}

/// A failed fetch: the URL and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot fetch {url}: {kind} [{}]", kind.name())]
pub struct FetchError {
    /// The URL requested.
    pub url: String,
    /// Why it failed.
    pub kind: FetchErrorKind,
}

impl FetchError {
    pub(crate) fn new(url: impl Into<String>, kind: FetchErrorKind) -> Self {
        Self {
            url: url.into(),
            kind,
        }
    }

    /// The HTTP status, when the failure is one.
    pub fn status(&self) -> Option<u16> {
        match self.kind {
            FetchErrorKind::Status(s) => Some(s),
            _ => None,
        }
    }
}

/// Why an online record could not be checked.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OnlineError {
    /// The record could not be fetched.
    #[error(transparent)]
    Fetch(#[from] FetchError),
    /// It was fetched but could not be read (parse error, limits).
    #[error(transparent)]
    Validate(#[from] fair_core::ValidateError),
    /// Every answer was fetched, but none is a record in a format fairlint reads.
    #[error("no metadata record found: {0}")]
    NoRecord(String),
}

impl OnlineError {
    /// The error code: `fetch_error`, or the validation error's code.
    pub fn code(&self) -> &'static str {
        match self {
            OnlineError::Fetch(_) => "fetch_error",
            OnlineError::Validate(e) => e.code(),
            OnlineError::NoRecord(_) => "no_record",
        }
    }
}
