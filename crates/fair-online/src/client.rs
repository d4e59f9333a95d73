//! The bounded HTTP client: one request at a time under a deadline, redirects followed by hand
//! (each hop recorded, loops detected, the SSRF guard asked again for every connection),
//! retries for 429/503, bodies capped after decompression, and the cache.

use crate::cache;
use crate::error::{FetchError, FetchErrorKind};
use crate::guard::{self, GuardResolver, REFUSED};
use crate::harvest::HarvestFetch;
use crate::options::OnlineOptions;
use std::collections::HashMap;
use std::io::Read;
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

/// How much of a body is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyLimit {
    /// A document: a body over this many bytes (after decompression) is a `too_large` error.
    Cap(usize),
    /// A probe (does the URL answer?): at most this many bytes are read, the rest left unread.
    Probe(usize),
}

impl BodyLimit {
    fn bytes(self) -> usize {
        match self {
            BodyLimit::Cap(n) | BodyLimit::Probe(n) => n,
        }
    }

    /// The cache key's suffix: a probe's truncated body never stands for a document.
    fn cache_accept(self, accept: &str) -> String {
        match self {
            BodyLimit::Cap(_) => accept.to_owned(),
            BodyLimit::Probe(_) => format!("{accept}\nprobe"),
        }
    }
}

/// One HTTP answer (a single hop).
#[derive(Debug, Clone)]
pub struct Answer {
    /// The URL requested.
    pub url: String,
    /// The status.
    pub status: u16,
    /// The `Content-Type` without parameters, lower case.
    pub media_type: Option<String>,
    /// The `Location` header.
    pub location: Option<String>,
    /// The `Link` headers.
    pub links: Vec<String>,
    /// `Retry-After` in seconds.
    pub retry_after: Option<u64>,
    /// The (decompressed) body; for a probe, its first bytes.
    pub body: Vec<u8>,
    /// Answered from the cache.
    pub cached: bool,
}

impl Answer {
    /// A 2xx status.
    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }

    fn record(&self, route: &str) -> HarvestFetch {
        HarvestFetch {
            url: self.url.clone(),
            status: Some(self.status),
            media_type: self.media_type.clone(),
            bytes: self.body.len() as u64,
            route: route.to_owned(),
            cached: self.cached,
            error: None,
            message: None,
        }
    }
}

/// A record's time budget.
#[derive(Debug, Clone, Copy)]
pub struct Deadline {
    end: Instant,
    total: Duration,
}

impl Deadline {
    /// A budget of `total` from now.
    pub fn after(total: Duration) -> Self {
        Self {
            end: Instant::now() + total,
            total,
        }
    }

    /// Time left.
    pub fn remaining(&self) -> Duration {
        self.end.saturating_duration_since(Instant::now())
    }
}

/// Requests in flight and the last request's time, per host.
#[derive(Default)]
struct Hosts {
    state: Mutex<HashMap<String, (usize, Option<Instant>)>>,
    freed: Condvar,
}

/// Holds a host slot; frees it on drop.
struct Slot<'a> {
    hosts: &'a Hosts,
    host: String,
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        if let Ok(mut state) = self.hosts.state.lock() {
            if let Some(entry) = state.get_mut(&self.host) {
                entry.0 = entry.0.saturating_sub(1);
            }
        }
        self.hosts.freed.notify_all();
    }
}

impl Hosts {
    /// Waits (within `deadline`) for a free slot on `host` and for the interval since the last
    /// request there.
    fn acquire(
        &self,
        host: &str,
        max: usize,
        interval: Duration,
        deadline: Deadline,
        url: &str,
    ) -> Result<Slot<'_>, FetchError> {
        let out_of_time = || {
            FetchError::new(
                url,
                FetchErrorKind::Deadline(deadline.total.as_millis() as u64),
            )
        };
        let mut state = self.state.lock().map_err(|_| out_of_time())?;
        loop {
            let entry = state.entry(host.to_owned()).or_insert((0, None));
            let wait = entry
                .1
                .map(|last| interval.saturating_sub(last.elapsed()))
                .unwrap_or_default();
            if entry.0 < max.max(1) && wait.is_zero() {
                entry.0 += 1;
                entry.1 = Some(Instant::now());
                return Ok(Slot {
                    hosts: self,
                    host: host.to_owned(),
                });
            }
            let remaining = deadline.remaining();
            if remaining.is_zero() {
                return Err(out_of_time());
            }
            let pause = if wait.is_zero() {
                remaining
            } else {
                wait.min(remaining)
            };
            state = self
                .freed
                .wait_timeout(state, pause)
                .map_err(|_| out_of_time())?
                .0;
        }
    }
}

/// The HTTP client of the online layer. Share one per run (`Arc`): it holds the connection
/// pool and the per-host limits.
pub struct Fetcher {
    agent: ureq::Agent,
    options: OnlineOptions,
    hosts: Hosts,
}

impl std::fmt::Debug for Fetcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fetcher")
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

/// A fetch's full path: every hop and the final answer.
#[derive(Debug)]
pub struct Followed {
    /// The final answer (not a redirect).
    pub answer: Answer,
    /// Every hop, the final one included.
    pub hops: Vec<HarvestFetch>,
    /// The `Link` headers of every hop, in order.
    pub links: Vec<String>,
}

impl Fetcher {
    /// A client with `options`.
    pub fn new(options: OnlineOptions) -> Self {
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .user_agent(options.user_agent.as_str())
            .timeout_global(Some(options.timeout))
            .build();
        let agent = ureq::Agent::with_parts(
            config,
            ureq::unversioned::transport::DefaultConnector::default(),
            GuardResolver::new(&options.allow_hosts),
        );
        Self {
            agent,
            options,
            hosts: Hosts::default(),
        }
    }

    /// The options.
    pub fn options(&self) -> &OnlineOptions {
        &self.options
    }

    /// One request (no redirect followed), from the cache when it can, with retries for
    /// 429/503.
    pub fn get_once(
        &self,
        url: &str,
        accept: &str,
        limit: BodyLimit,
        deadline: Deadline,
    ) -> Result<Answer, FetchError> {
        let key = limit.cache_accept(accept);
        if let Some(dir) = &self.options.cache_dir {
            let ttl = (!self.options.offline_from_cache).then_some(self.options.cache_ttl);
            if let Some(hit) = cache::get(dir, url, &key, ttl) {
                return Ok(hit);
            }
        }
        if self.options.offline_from_cache {
            return Err(FetchError::new(url, FetchErrorKind::NotCached));
        }
        let mut attempt = 0;
        loop {
            let answer = self.request(url, accept, limit, deadline)?;
            let retryable = matches!(answer.status, 429 | 503);
            if !retryable || attempt >= self.options.max_retries {
                if let Some(dir) = &self.options.cache_dir {
                    if !retryable {
                        cache::put(dir, &key, &answer);
                    }
                }
                return Ok(answer);
            }
            let backoff = Duration::from_millis(250 << attempt.min(6));
            let wait = answer
                .retry_after
                .map(Duration::from_secs)
                .unwrap_or(backoff)
                .min(self.options.max_retry_wait);
            if wait >= deadline.remaining() {
                return Ok(answer);
            }
            std::thread::sleep(wait);
            attempt += 1;
        }
    }

    fn request(
        &self,
        url: &str,
        accept: &str,
        limit: BodyLimit,
        deadline: Deadline,
    ) -> Result<Answer, FetchError> {
        let uri: ureq::http::Uri = url
            .parse()
            .map_err(|_| FetchError::new(url, FetchErrorKind::InvalidUrl(url.to_owned())))?;
        if !matches!(uri.scheme_str(), Some("http" | "https")) || uri.host().is_none() {
            return Err(FetchError::new(
                url,
                FetchErrorKind::InvalidUrl(url.to_owned()),
            ));
        }
        let remaining = deadline.remaining();
        if remaining.is_zero() {
            return Err(FetchError::new(
                url,
                FetchErrorKind::Deadline(deadline.total.as_millis() as u64),
            ));
        }
        let timeout = self.options.timeout.min(remaining);
        let _slot = self.hosts.acquire(
            &guard::host_of(&uri),
            self.options.per_host_concurrency,
            self.options.per_host_interval,
            deadline,
            url,
        )?;
        let timed_out =
            || FetchError::new(url, FetchErrorKind::Timeout(timeout.as_millis() as u64));
        let response = self
            .agent
            .get(url)
            .header("Accept", accept)
            .config()
            .timeout_global(Some(timeout))
            .build()
            .call()
            .map_err(|e| map_error(url, e, timeout))?;
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let media_type = header("content-type").map(|ct| {
            ct.split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase()
        });
        let location = header("location");
        let retry_after = header("retry-after").and_then(|v| v.trim().parse::<u64>().ok());
        let links: Vec<String> = response
            .headers()
            .get_all("link")
            .iter()
            .filter_map(|v| v.to_str().ok().map(str::to_owned))
            .collect();
        let status = response.status().as_u16();
        let mut body = Vec::new();
        let max_bytes = limit.bytes();
        // The reader decompresses gzip; `take` caps the decompressed bytes (a gzip bomb stops
        // at the cap plus one, however small the compressed body).
        let mut reader = response
            .into_body()
            .into_reader()
            .take(max_bytes as u64 + 1);
        reader.read_to_end(&mut body).map_err(|e| {
            if e.kind() == std::io::ErrorKind::TimedOut || e.to_string().contains("imeout") {
                timed_out()
            } else {
                FetchError::new(url, FetchErrorKind::Transport(e.to_string()))
            }
        })?;
        if body.len() > max_bytes {
            match limit {
                BodyLimit::Cap(_) => {
                    return Err(FetchError::new(url, FetchErrorKind::TooLarge(max_bytes)))
                }
                BodyLimit::Probe(_) => body.truncate(max_bytes),
            }
        }
        Ok(Answer {
            url: url.to_owned(),
            status,
            media_type,
            location,
            links,
            retry_after,
            body,
            cached: false,
        })
    }

    /// Fetches `url`, following redirects (at most `max_redirects`, loops refused); every hop
    /// is recorded with `route` (`redirect` for the hops after the first). A failed fetch is
    /// recorded in `log` too.
    pub fn follow(
        &self,
        url: &str,
        accept: &str,
        route: &str,
        limit: BodyLimit,
        deadline: Deadline,
        log: &mut Vec<HarvestFetch>,
    ) -> Result<Followed, FetchError> {
        let mut current = url.to_owned();
        let mut seen = vec![current.clone()];
        let mut hops = Vec::new();
        let mut links = Vec::new();
        let mut hop_route = route.to_owned();
        loop {
            let answer = match self.get_once(&current, accept, limit, deadline) {
                Ok(a) => a,
                Err(e) => {
                    log.push(HarvestFetch::failed(&current, &hop_route, &e.kind));
                    return Err(e);
                }
            };
            let fetch = answer.record(&hop_route);
            log.push(fetch.clone());
            hops.push(fetch);
            links.extend(answer.links.iter().cloned());
            let redirect = matches!(answer.status, 301 | 302 | 303 | 307 | 308);
            let Some(location) = answer.location.as_deref().filter(|_| redirect) else {
                return Ok(Followed {
                    answer,
                    hops,
                    links,
                });
            };
            let next = resolve_iri(&current, location).ok_or_else(|| {
                FetchError::new(&current, FetchErrorKind::InvalidUrl(location.to_owned()))
            })?;
            let failure = if seen.contains(&next) {
                Some(FetchErrorKind::RedirectLoop(next.clone()))
            } else if seen.len() > self.options.max_redirects {
                Some(FetchErrorKind::TooManyRedirects(self.options.max_redirects))
            } else {
                None
            };
            if let Some(kind) = failure {
                log.push(HarvestFetch::failed(&next, "redirect", &kind));
                return Err(FetchError::new(url, kind));
            }
            seen.push(next.clone());
            current = next;
            hop_route = "redirect".to_owned();
        }
    }
}

/// `reference` resolved against `base` (RFC 3986), without the fragment.
pub(crate) fn resolve_iri(base: &str, reference: &str) -> Option<String> {
    let base = oxiri::Iri::parse(base.to_owned()).ok()?;
    let iri = base.resolve(reference.trim()).ok()?.into_inner();
    Some(match iri.split_once('#') {
        Some((before, _)) => before.to_owned(),
        None => iri,
    })
}

fn map_error(url: &str, e: ureq::Error, timeout: Duration) -> FetchError {
    let kind = match e {
        ureq::Error::Timeout(_) => FetchErrorKind::Timeout(timeout.as_millis() as u64),
        ureq::Error::HostNotFound => FetchErrorKind::HostNotFound,
        ureq::Error::Io(io) => {
            let text = io.to_string();
            if let Some(rest) = text.strip_prefix(REFUSED) {
                FetchErrorKind::Refused(rest.to_owned())
            } else if io.kind() == std::io::ErrorKind::TimedOut {
                FetchErrorKind::Timeout(timeout.as_millis() as u64)
            } else {
                FetchErrorKind::Transport(text)
            }
        }
        other => {
            let text = other.to_string();
            match text.find(REFUSED) {
                Some(i) => FetchErrorKind::Refused(text[i + REFUSED.len()..].to_owned()),
                None => FetchErrorKind::Transport(text),
            }
        }
    };
    FetchError::new(url, kind)
}
