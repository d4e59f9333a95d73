//! Harvesting a published record and the online checks: what a record's URL, DOI or Handle
//! gives, which document is checked, and the [`Harvest`] log the report carries.

use crate::client::{BodyLimit, Deadline, Fetcher, Followed};
use crate::context;
use crate::error::{FetchError, FetchErrorKind, OnlineError};
use crate::options::{OnlineOptions, MAX_PROBES, PROBE_BYTES};
use crate::signpost::{self, SignpostLink};
use fair_core::online::{OnlineOutcome, ONLINE_CHECKS};
use fair_core::{DetectFormat, Engine, Format, InputOptions, Report};
use serde::Serialize;
use std::time::Instant;

/// The `Accept` header of a record request: JSON-LD first, then DataCite JSON, Turtle,
/// RDF/XML, N-Triples, and HTML (a landing page, perhaps with embedded JSON-LD and
/// Signposting links) last.
pub const ACCEPT_RECORD: &str = "application/ld+json, application/vnd.datacite.datacite+json;q=0.9, text/turtle;q=0.8, application/rdf+xml;q=0.7, application/n-triples;q=0.6, text/html;q=0.5, application/xhtml+xml;q=0.5, */*;q=0.1";
const ACCEPT_HTML: &str = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1";
const ACCEPT_ANY: &str = "*/*";

/// One HTTP exchange of a harvest (one hop of a redirect chain).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HarvestFetch {
    /// The URL requested.
    pub url: String,
    /// The HTTP status (absent when no answer came).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// The answer's media type, without parameters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    /// Body bytes read, after decompression (a probe reads only the first bytes).
    pub bytes: u64,
    /// Why it was fetched: `input`, `redirect`, `signposting:describedby`, `context`,
    /// `check:pid`, `check:landing_page`, `check:content_url`, `check:license`.
    pub route: String,
    /// Answered from the cache. Not in the report (a cold run and a cached one give the same
    /// report); counted in `volatile.cache_hits`.
    #[serde(skip)]
    pub cached: bool,
    /// The `fetch_error` kind when the fetch failed (`timeout`, `too_large`, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The failure in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

impl HarvestFetch {
    pub(crate) fn failed(url: &str, route: &str, kind: &FetchErrorKind) -> Self {
        Self {
            url: url.to_owned(),
            status: None,
            media_type: None,
            bytes: 0,
            route: route.to_owned(),
            cached: false,
            error: Some(kind.name().to_owned()),
            message: Some(kind.to_string()),
        }
    }
}

/// An online check's outcome, with the indicators it assessed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OnlineCheck {
    /// The check (see [`ONLINE_CHECKS`]).
    pub check: String,
    /// The indicators it assessed (empty: reported only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<String>,
    /// Whether it passed.
    pub pass: bool,
    /// What was seen.
    pub evidence: String,
}

/// Facts that change from run to run. Kept in this one field so that `--deterministic`
/// drops them and reruns are byte-identical.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Volatile {
    /// Wall time of the harvest, the check and the online checks, in milliseconds.
    pub elapsed_ms: u64,
    /// Answers taken from the cache (`--cache-dir`).
    pub cache_hits: usize,
}

/// How an online record was obtained and what the online checks saw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Harvest {
    /// What the user gave (`doi:10.…`, a URL).
    pub requested: String,
    /// The URL fetched first (a PID expanded through its resolver).
    pub start_url: String,
    /// The document checked: its URL (the findings' locations are in it).
    pub checked_url: String,
    /// How it was found: `content_negotiation`, `signposting:describedby`, `html_embedded`.
    pub route: String,
    /// Its media type, as served.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    /// The format it was read as.
    pub format: String,
    /// Every fetch, in order.
    pub fetches: Vec<HarvestFetch>,
    /// The Signposting links seen (`Link` headers and HTML `<link>`s of the first answer).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub signposting: Vec<SignpostLink>,
    /// The online checks.
    pub checks: Vec<OnlineCheck>,
    /// Run-dependent facts; absent with `--deterministic`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volatile: Option<Volatile>,
}

/// A report of a record checked online: the offline report of the harvested document with
/// the online indicators applied, and the harvest.
#[derive(Debug, Clone)]
pub struct OnlineReport {
    /// The report.
    pub report: Report,
    /// How the record was harvested.
    pub harvest: Harvest,
}

impl OnlineReport {
    fn value(&self) -> serde_json::Value {
        let mut value = serde_json::to_value(&self.report).unwrap_or_default();
        if let (Some(map), Ok(h)) = (value.as_object_mut(), serde_json::to_value(&self.harvest)) {
            map.insert("harvest".to_owned(), h);
        }
        value
    }

    /// The report as pretty JSON with a final newline: the offline report's keys, then
    /// `harvest`.
    pub fn json(&self) -> String {
        let mut out = serde_json::to_string_pretty(&self.value()).unwrap_or_default();
        out.push('\n');
        out
    }

    /// The report as one line of JSON with a final newline.
    pub fn ndjson(&self) -> String {
        let mut out = serde_json::to_string(&self.value()).unwrap_or_default();
        out.push('\n');
        out
    }

    /// The text report with a `Harvest` section.
    pub fn text(&self) -> String {
        use std::fmt::Write;
        let mut out = fair_core::render::text(&self.report);
        let h = &self.harvest;
        let _ = writeln!(
            out,
            "\nHarvest: {} checked {} ({}, {})",
            h.requested, h.checked_url, h.route, h.format
        );
        for f in &h.fetches {
            let status = f
                .status
                .map(|s| s.to_string())
                .unwrap_or_else(|| "-".into());
            let err = f
                .error
                .as_deref()
                .map(|e| format!(" [{e}]"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {status} {} ({}, {} B){err}",
                f.url, f.route, f.bytes
            );
        }
        for c in &h.checks {
            let mark = if c.pass { "pass" } else { "FAIL" };
            let _ = writeln!(out, "  {mark} {}: {}", c.check, c.evidence);
        }
        out
    }
}

/// Whether an input names a remote record (`http(s)://…`, `doi:…`, `hdl:…`), which only
/// `--online` checks.
pub fn is_remote_input(input: &str) -> bool {
    let lower = input.trim().to_ascii_lowercase();
    ["http://", "https://", "doi:", "hdl:"]
        .iter()
        .any(|p| lower.starts_with(p))
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    (s.len() >= prefix.len() && s.is_char_boundary(prefix.len()))
        .then(|| s.split_at(prefix.len()))
        .filter(|(head, _)| head.eq_ignore_ascii_case(prefix))
        .map(|(_, tail)| tail)
}

/// The URL an input is fetched from: a DOI (`doi:10.…`, `https://doi.org/10.…`) through the
/// DOI resolver base, a Handle (`hdl:…`, `https://hdl.handle.net/…`) through the Handle
/// resolver base, an http(s) URL as it is.
pub fn expand_input(input: &str, options: &OnlineOptions) -> Result<String, FetchError> {
    let input = input.trim();
    let invalid = || FetchError::new(input, FetchErrorKind::InvalidUrl(input.to_owned()));
    if let Some(doi) = strip_prefix_ci(input, "doi:") {
        let doi = doi.trim_start_matches('/');
        return if doi.starts_with("10.") {
            Ok(format!("{}{doi}", options.resolver_base))
        } else {
            Err(invalid())
        };
    }
    if let Some(handle) = strip_prefix_ci(input, "hdl:") {
        return if handle.is_empty() {
            Err(invalid())
        } else {
            Ok(format!("{}{handle}", options.handle_base))
        };
    }
    for scheme in ["https://", "http://"] {
        let Some(rest) = strip_prefix_ci(input, scheme) else {
            continue;
        };
        for host in ["doi.org/", "dx.doi.org/", "www.doi.org/"] {
            if let Some(doi) = strip_prefix_ci(rest, host).filter(|d| d.starts_with("10.")) {
                return Ok(format!("{}{doi}", options.resolver_base));
            }
        }
        if let Some(handle) = strip_prefix_ci(rest, "hdl.handle.net/").filter(|h| !h.is_empty()) {
            return Ok(format!("{}{handle}", options.handle_base));
        }
        return Ok(input.to_owned());
    }
    Err(invalid())
}

fn is_pid_input(input: &str) -> bool {
    let lower = input.trim().to_ascii_lowercase();
    lower.starts_with("doi:")
        || lower.starts_with("hdl:")
        || ["doi.org/", "dx.doi.org/", "www.doi.org/", "hdl.handle.net/"]
            .iter()
            .any(|h| {
                lower
                    .strip_prefix("https://")
                    .is_some_and(|r| r.starts_with(h))
                    || lower
                        .strip_prefix("http://")
                        .is_some_and(|r| r.starts_with(h))
            })
}

fn is_html(media_type: Option<&str>, body: &[u8]) -> bool {
    match media_type {
        Some(m) => m == "text/html" || m == "application/xhtml+xml",
        None => Format::sniff(body) == Some(Format::Html),
    }
}

/// The format a fetched body is read as: from its media type (plain `application/json` and
/// `text/plain` are sniffed, so DataCite JSON served as JSON is read as DataCite), then its
/// content.
fn detect(media_type: Option<&str>, body: &[u8]) -> Option<Format> {
    let media = media_type.filter(|m| !matches!(*m, "application/json" | "text/plain"));
    Format::detect(None, media, None, body).map(|(f, _)| f)
}

/// Rank of a `describedby` link's media type: JSON-LD first, DataCite, Turtle, RDF/XML.
fn rank(link: &SignpostLink) -> usize {
    match link
        .media_type
        .as_deref()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("application/ld+json") => 0,
        Some("application/vnd.datacite.datacite+json") => 1,
        Some("text/turtle") => 2,
        Some("application/rdf+xml") => 3,
        None => 5,
        Some(_) => 4,
    }
}

/// A document chosen for checking.
struct Chosen {
    url: String,
    route: &'static str,
    media_type: Option<String>,
    format: Format,
    body: Vec<u8>,
}

/// Harvests `requested` (a URL, `doi:…` or `hdl:…`), checks the record it gives with
/// `engine` as offline, and runs the online checks. A record that cannot be fetched is a
/// [`FetchError`]; one that cannot be read, the engine's error.
pub fn check_online(
    engine: &Engine,
    fetcher: &Fetcher,
    requested: &str,
) -> Result<OnlineReport, OnlineError> {
    let started = Instant::now();
    let options = fetcher.options();
    let deadline = Deadline::after(options.record_timeout);
    let cap = BodyLimit::Cap(
        options
            .max_bytes
            .min(engine.config().limits.max_input_bytes),
    );
    let _ = context::take_log();
    let start_url = expand_input(requested, options)?;
    let mut log = Vec::new();
    let first = fetcher.follow(&start_url, ACCEPT_RECORD, "input", cap, deadline, &mut log)?;
    let landing = first.answer.url.clone();
    if !first.answer.ok() {
        return Err(FetchError::new(&landing, FetchErrorKind::Status(first.answer.status)).into());
    }
    let first_media = first.answer.media_type.clone();
    let first_html = is_html(first_media.as_deref(), &first.answer.body);
    let mut signposting = signpost::from_headers(&first.links, &landing);
    if first_html {
        let page = String::from_utf8_lossy(&first.answer.body);
        for link in signpost::from_html(&page, &landing) {
            if !signposting.contains(&link) {
                signposting.push(link);
            }
        }
    }

    let mut chosen = None;
    if !first_html {
        if let Some(format) = detect(first_media.as_deref(), &first.answer.body) {
            chosen = Some(Chosen {
                url: landing.clone(),
                route: "content_negotiation",
                media_type: first_media.clone(),
                format,
                body: first.answer.body.clone(),
            });
        }
    }
    if chosen.is_none() {
        let mut described: Vec<&SignpostLink> = signposting
            .iter()
            .filter(|l| l.rel == "describedby")
            .collect();
        described.sort_by_key(|l| rank(l));
        for link in described.into_iter().take(MAX_PROBES) {
            let accept = link.media_type.as_deref().unwrap_or(ACCEPT_RECORD);
            let route = "signposting:describedby";
            let Ok(f) = fetcher.follow(&link.href, accept, route, cap, deadline, &mut log) else {
                continue;
            };
            let media = f.answer.media_type.clone();
            let format = (f.answer.ok() && !is_html(media.as_deref(), &f.answer.body))
                .then(|| detect(media.as_deref(), &f.answer.body))
                .flatten();
            if let Some(format) = format {
                chosen = Some(Chosen {
                    url: f.answer.url,
                    route,
                    media_type: media,
                    format,
                    body: f.answer.body,
                });
                break;
            }
        }
    }
    let chosen = match chosen {
        Some(c) => c,
        None if first_html => Chosen {
            url: landing.clone(),
            route: "html_embedded",
            media_type: first_media.clone(),
            format: Format::Html,
            body: first.answer.body.clone(),
        },
        None => {
            return Err(OnlineError::NoRecord(format!(
                "{landing} answered {} that is no metadata format fairlint reads, and no Signposting describedby link gave one",
                first_media.as_deref().unwrap_or("an untyped body")
            )))
        }
    };

    let input = InputOptions::new()
        .format(Some(chosen.format))
        .name(&chosen.url)
        .base_iri(&chosen.url);
    let doc = engine.load_input(&chosen.body, &input);
    log.extend(context::take_log());
    let doc = doc?;
    let mut report = engine.validate(&doc)?;
    report.set_input(requested);

    let targets = engine.online_targets(&doc);
    let mut probes = Probes {
        fetcher,
        deadline,
        log: &mut log,
    };
    let checks = run_checks(
        &mut probes,
        requested,
        &start_url,
        &first,
        first_html,
        &chosen,
        &signposting,
        &targets,
    );
    let outcomes: Vec<OnlineOutcome> = checks
        .iter()
        .flat_map(|c| {
            c.indicators.iter().map(|id| OnlineOutcome {
                indicator: id.clone(),
                pass: c.pass,
                evidence: format!("{}: {}", c.check, c.evidence),
            })
        })
        .collect();
    report.apply_online(&outcomes);
    let volatile = (!options.deterministic).then(|| Volatile {
        elapsed_ms: started.elapsed().as_millis() as u64,
        cache_hits: log.iter().filter(|f| f.cached).count(),
    });
    let harvest = Harvest {
        requested: requested.to_owned(),
        start_url,
        checked_url: chosen.url,
        route: chosen.route.to_owned(),
        media_type: chosen.media_type,
        format: chosen.format.name().to_owned(),
        fetches: log,
        signposting,
        checks,
        volatile,
    };
    Ok(OnlineReport { report, harvest })
}

/// Probing URLs for the checks, within the record's deadline, every fetch logged.
struct Probes<'a> {
    fetcher: &'a Fetcher,
    deadline: Deadline,
    log: &'a mut Vec<HarvestFetch>,
}

/// A probe's outcome in words and its final status.
struct Probe {
    status: Option<u16>,
    media_type: Option<String>,
    text: String,
}

impl Probes<'_> {
    fn probe(&mut self, url: &str, accept: &str, route: &str) -> Probe {
        let limit = BodyLimit::Probe(PROBE_BYTES);
        match self
            .fetcher
            .follow(url, accept, route, limit, self.deadline, self.log)
        {
            Ok(Followed { answer, .. }) => Probe {
                text: format!(
                    "{url} answered {}{}",
                    answer.status,
                    answer
                        .media_type
                        .as_deref()
                        .map(|m| format!(" {m}"))
                        .unwrap_or_default()
                ),
                status: Some(answer.status),
                media_type: answer.media_type,
            },
            Err(e) => Probe {
                status: None,
                media_type: None,
                text: format!("{url}: {} [{}]", e.kind, e.kind.name()),
            },
        }
    }
}

fn check(name: &str, pass: bool, evidence: String) -> OnlineCheck {
    let indicators = ONLINE_CHECKS
        .iter()
        .find(|c| c.check == name)
        .map(|c| c.indicators.iter().map(|s| (*s).to_owned()).collect())
        .unwrap_or_default();
    OnlineCheck {
        check: name.to_owned(),
        indicators,
        pass,
        evidence,
    }
}

fn ok(status: Option<u16>) -> bool {
    status.is_some_and(|s| (200..300).contains(&s))
}

#[allow(clippy::too_many_arguments)]
fn run_checks(
    probes: &mut Probes<'_>,
    requested: &str,
    start_url: &str,
    first: &Followed,
    first_html: bool,
    chosen: &Chosen,
    signposting: &[SignpostLink],
    targets: &fair_core::online::OnlineTargets,
) -> Vec<OnlineCheck> {
    let mut checks = Vec::new();
    let chain = first
        .hops
        .iter()
        .map(|h| h.url.as_str())
        .collect::<Vec<_>>()
        .join(" -> ");

    checks.push(check(
        "metadata_retrievable",
        true,
        format!(
            "{} {} gave a {} record{}",
            chosen.route.replace('_', " "),
            chosen.url,
            chosen.format.name(),
            chosen
                .media_type
                .as_deref()
                .map(|m| format!(" ({m})"))
                .unwrap_or_default()
        ),
    ));

    // The identifier: the PID given, else a cite-as link, else the main resource's IRI.
    let pid = if is_pid_input(requested) {
        Some((requested.to_owned(), None))
    } else if let Some(cite) = signposting.iter().find(|l| l.rel == "cite-as") {
        Some((cite.href.clone(), Some("cite-as")))
    } else {
        targets.main.clone().map(|m| (m, Some("main resource")))
    };
    checks.push(match pid {
        None => check(
            "pid_resolves",
            false,
            "the record names no resolvable identifier (no DOI or Handle given, no Signposting cite-as link, no http(s) IRI for the main resource)".to_owned(),
        ),
        Some((id, None)) => check(
            "pid_resolves",
            true,
            format!("{id} resolved: {chain} answered {}", first.answer.status),
        ),
        Some((id, Some(from))) => {
            let url = expand_input(&id, probes.fetcher.options()).unwrap_or_else(|_| id.clone());
            if url == start_url || url == first.answer.url {
                check(
                    "pid_resolves",
                    true,
                    format!("{id} ({from}) resolved: {chain} answered {}", first.answer.status),
                )
            } else {
                let p = probes.probe(&url, ACCEPT_RECORD, "check:pid");
                check("pid_resolves", ok(p.status), format!("{id} ({from}): {}", p.text))
            }
        }
    });

    checks.push(check(
        "metadata_protocol",
        true,
        format!(
            "{} over {} without authentication",
            chosen.url,
            if chosen.url.starts_with("https:") {
                "HTTPS"
            } else {
                "HTTP"
            }
        ),
    ));

    checks.push(if first_html {
        check(
            "landing_page",
            true,
            format!(
                "{} answered {} text/html",
                first.answer.url, first.answer.status
            ),
        )
    } else if targets.urls.is_empty() {
        check(
            "landing_page",
            false,
            format!(
                "{} answered {} and the record names no landing page (schema:url)",
                first.answer.url,
                first
                    .answer
                    .media_type
                    .as_deref()
                    .unwrap_or("an untyped body")
            ),
        )
    } else {
        let seen: Vec<Probe> = targets
            .urls
            .iter()
            .take(crate::options::MAX_PROBES)
            .map(|u| probes.probe(u, ACCEPT_HTML, "check:landing_page"))
            .collect();
        let pass = seen.iter().any(|p| {
            ok(p.status) && is_html(p.media_type.as_deref(), b"") && p.media_type.is_some()
        });
        let text: Vec<&str> = seen.iter().map(|p| p.text.as_str()).collect();
        check("landing_page", pass, text.join("; "))
    });

    let mut data: Vec<String> = targets.content_urls.clone();
    for link in signposting.iter().filter(|l| l.rel == "item") {
        if !data.contains(&link.href) {
            data.push(link.href.clone());
        }
    }
    if !data.is_empty() {
        let seen: Vec<Probe> = data
            .iter()
            .take(crate::options::MAX_PROBES)
            .map(|u| probes.probe(u, ACCEPT_ANY, "check:content_url"))
            .collect();
        let text = seen
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("; ");
        let reachable = seen
            .iter()
            .all(|p| ok(p.status) || matches!(p.status, Some(401 | 403)));
        let open = seen.iter().all(|p| ok(p.status));
        checks.push(check("content_url", reachable, text.clone()));
        checks.push(check("content_url_open", open, text));
        let plain: Vec<&str> = data
            .iter()
            .filter(|u| !u.to_ascii_lowercase().starts_with("https://"))
            .map(String::as_str)
            .collect();
        checks.push(check(
            "data_https",
            plain.is_empty(),
            if plain.is_empty() {
                format!("every data URL uses HTTPS ({})", data.join(", "))
            } else {
                format!("not HTTPS: {}", plain.join(", "))
            },
        ));
    }

    if !targets.licenses.is_empty() {
        let seen: Vec<Probe> = targets
            .licenses
            .iter()
            .take(crate::options::MAX_PROBES)
            .map(|u| probes.probe(u, ACCEPT_ANY, "check:license"))
            .collect();
        let pass = seen.iter().all(|p| ok(p.status));
        let text: Vec<&str> = seen.iter().map(|p| p.text.as_str()).collect();
        checks.push(check("license_resolves", pass, text.join("; ")));
    }
    checks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_expand_through_the_resolvers() {
        let o = OnlineOptions {
            resolver_base: "http://127.0.0.1:9/doi/".into(),
            handle_base: "http://127.0.0.1:9/hdl/".into(),
            ..OnlineOptions::default()
        };
        assert_eq!(
            expand_input("doi:10.1234/abc", &o).unwrap(),
            "http://127.0.0.1:9/doi/10.1234/abc"
        );
        assert_eq!(
            expand_input("https://doi.org/10.1234/abc", &o).unwrap(),
            "http://127.0.0.1:9/doi/10.1234/abc"
        );
        assert_eq!(
            expand_input("hdl:20.500/x", &o).unwrap(),
            "http://127.0.0.1:9/hdl/20.500/x"
        );
        assert_eq!(
            expand_input("https://example.org/x", &o).unwrap(),
            "https://example.org/x"
        );
        assert!(expand_input("doi:abc", &o).is_err());
        assert!(expand_input("ftp://x", &o).is_err());
        assert!(is_remote_input("DOI:10.1/x"));
        assert!(is_remote_input("https://x"));
        assert!(!is_remote_input("record.jsonld"));
        assert!(is_pid_input("https://doi.org/10.1/x"));
        assert!(!is_pid_input("https://example.org/10.1/x"));
    }
}
