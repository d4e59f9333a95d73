//! `fairlint check --online` against a local HTTP server on 127.0.0.1 (never any other
//! address): harvest routes, Signposting, redirects and their loops, 404, a slow endpoint, an
//! over-size body, a gzip bomb, retries, the SSRF guard, the cache, and the online checks.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What the server answers.
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    delay: Duration,
}

fn answer(status: u16, media: &str, body: impl Into<Vec<u8>>) -> Answer {
    Answer {
        status,
        headers: vec![("Content-Type".into(), media.into())],
        body: body.into(),
        delay: Duration::ZERO,
    }
}

fn redirect(to: &str) -> Answer {
    Answer {
        status: 302,
        headers: vec![("Location".into(), to.into())],
        body: Vec::new(),
        delay: Duration::ZERO,
    }
}

/// A local server; every request is counted per path.
struct Server {
    port: u16,
    hits: Arc<Mutex<BTreeMap<String, usize>>>,
    total: Arc<AtomicUsize>,
}

impl Server {
    fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base())
    }

    fn hits(&self, path: &str) -> usize {
        self.hits.lock().unwrap().get(path).copied().unwrap_or(0)
    }
}

fn record(base: &str) -> String {
    format!(
        r#"{{
  "@context": "https://schema.org",
  "@type": "Dataset",
  "@id": "https://doi.org/10.1234/abc",
  "identifier": "https://doi.org/10.1234/abc",
  "name": "Ocean temperatures",
  "description": "Daily sea surface temperatures of the North Sea, 2001-2020, from buoys.",
  "url": "{base}/page",
  "license": "{base}/license",
  "keywords": ["ocean", "temperature"],
  "creator": {{"@type": "Person", "name": "Ada Lovelace"}},
  "datePublished": "2021-01-01",
  "distribution": {{"@type": "DataDownload", "contentUrl": "{base}/data.csv", "encodingFormat": "text/csv"}}
}}
"#
    )
}

fn page_with(script: &str, head: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html><head><title>Ocean temperatures</title>{head}\n<script type=\"application/ld+json\">\n{script}</script>\n</head><body><h1>Ocean temperatures</h1></body></html>\n"
    )
}

fn route(base: &str, path: &str, accept: &str, hits: usize) -> Answer {
    let rec = record(base);
    match path {
        // Content negotiation: JSON-LD when asked first, else the HTML page embedding it.
        "/record" if accept.starts_with("application/ld+json") => {
            answer(200, "application/ld+json", rec)
        }
        "/record" | "/page" | "/embedded" => answer(200, "text/html; charset=utf-8", page_with(&rec, "")),
        // Landing page with no embedded record: Signposting in the Link header and in HTML.
        "/signposted" => {
            let mut a = answer(
                200,
                "text/html",
                concat!(
                    "<!DOCTYPE html><html><head><link rel=\"cite-as\" href=\"https://doi.org/10.1234/abc\">",
                    "<link rel=\"item\" href=\"/data.csv\" type=\"text/csv\"></head><body>A dataset</body></html>"
                ),
            );
            a.headers.push((
                "Link".into(),
                "</meta.jsonld>; rel=\"describedby\"; type=\"application/ld+json\", </license>; rel=\"license\"".into(),
            ));
            a
        }
        "/meta.jsonld" => answer(200, "application/ld+json", rec),
        "/turtle" => answer(
            200,
            "text/turtle",
            format!(
                "@prefix s: <http://schema.org/> .\n<https://doi.org/10.1234/abc> a s:Dataset ;\n  s:name \"Ocean temperatures\" ;\n  s:url <{base}/page> .\n"
            ),
        ),
        "/datacite" => answer(
            200,
            "application/vnd.datacite.datacite+json",
            r#"{"doi": "10.1234/abc", "types": {"resourceTypeGeneral": "Dataset"}, "titles": [{"title": "Ocean temperatures"}], "creators": [{"name": "Lovelace, Ada"}], "publisher": "Sea Data", "publicationYear": "2021", "schemaVersion": "http://datacite.org/schema/kernel-4"}"#,
        ),
        "/doi/10.1234/abc" => redirect("/record"),
        "/hop1" => redirect(&format!("{base}/hop2")),
        "/hop2" => redirect("/record"),
        "/to-localhost" => redirect(&format!("{}/record", base.replace("127.0.0.1", "localhost"))),
        "/loop-a" => redirect("/loop-b"),
        "/loop-b" => redirect("/loop-a"),
        "/missing" | "/dead-data.csv" => answer(404, "text/plain", "not found"),
        "/slow" => Answer {
            delay: Duration::from_secs(5),
            ..answer(200, "application/ld+json", rec)
        },
        "/big" => answer(200, "application/ld+json", vec![b' '; 300_000]),
        "/bomb" => {
            let mut a = answer(200, "application/ld+json", gzip_bomb().to_vec());
            a.headers.push(("Content-Encoding".into(), "gzip".into()));
            a
        }
        "/busy" if hits == 1 => {
            let mut a = answer(503, "text/plain", "busy");
            a.headers.push(("Retry-After".into(), "1".into()));
            a
        }
        "/busy" => answer(200, "application/ld+json", rec),
        "/no-record" => answer(200, "image/png", vec![0x89, b'P', b'N', b'G']),
        "/data.csv" => answer(200, "text/csv", "day,temp\n2001-01-01,7.5\n"),
        "/license" => answer(200, "text/html", "<html><body>CC-BY-4.0</body></html>"),
        // A record whose data and licence are gone.
        "/broken" => answer(
            200,
            "application/ld+json",
            rec.replace("/data.csv", "/dead-data.csv")
                .replace("/license", "/missing")
                .replace("/page", "/missing"),
        ),
        // A record needing a remote context fairlint does not bundle.
        "/remote-context" => answer(
            200,
            "application/ld+json",
            format!(
                r#"{{"@context": "{base}/ctx.jsonld", "@id": "https://doi.org/10.1234/abc", "@type": "Dataset", "title": "Ocean temperatures", "url": "{base}/page"}}"#
            ),
        ),
        "/ctx.jsonld" => answer(
            200,
            "application/ld+json",
            r#"{"@context": {"@vocab": "http://schema.org/", "title": "http://schema.org/name", "url": {"@id": "http://schema.org/url", "@type": "@id"}}}"#,
        ),
        _ => answer(404, "text/plain", "no such path"),
    }
}

/// 16 MiB of spaces in about 16 KB of gzip, compressed once. Built before the server answers
/// anything (see `serve`): compressing it takes seconds in an unoptimised test build on a busy
/// machine, which must not count against the CLI's 1 s request timeout.
fn gzip_bomb() -> &'static [u8] {
    static BOMB: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    BOMB.get_or_init(|| {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&vec![b' '; 16 * 1024 * 1024]).unwrap();
        gz.finish().unwrap()
    })
}

fn serve() -> Server {
    gzip_bomb();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let hits = Arc::new(Mutex::new(BTreeMap::new()));
    let total = Arc::new(AtomicUsize::new(0));
    let (h, t) = (Arc::clone(&hits), Arc::clone(&total));
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let (h, t) = (Arc::clone(&h), Arc::clone(&t));
            std::thread::spawn(move || handle(stream, port, &h, &t));
        }
    });
    Server { port, hits, total }
}

fn handle(
    stream: TcpStream,
    port: u16,
    hits: &Mutex<BTreeMap<String, usize>>,
    total: &AtomicUsize,
) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let path = line.split_whitespace().nth(1).unwrap_or("/").to_owned();
        let mut accept = String::new();
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header).unwrap_or(0) == 0 {
                return;
            }
            if header.trim().is_empty() {
                break;
            }
            if let Some((k, v)) = header.split_once(':') {
                if k.eq_ignore_ascii_case("accept") {
                    accept = v.trim().to_owned();
                }
            }
        }
        let n = {
            let mut h = hits.lock().unwrap();
            let n = h.entry(path.clone()).or_insert(0);
            *n += 1;
            *n
        };
        total.fetch_add(1, Ordering::SeqCst);
        let a = route(&format!("http://127.0.0.1:{port}"), &path, &accept, n);
        std::thread::sleep(a.delay);
        let mut out = stream.try_clone().unwrap();
        let mut head = format!(
            "HTTP/1.1 {} X\r\nContent-Length: {}\r\n",
            a.status,
            a.body.len()
        );
        for (k, v) in &a.headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head.push_str("\r\n");
        if out.write_all(head.as_bytes()).is_err() || out.write_all(&a.body).is_err() {
            return;
        }
        let _ = out.flush();
    }
}

fn fairlint() -> Command {
    Command::cargo_bin("fairlint").unwrap()
}

/// `fairlint check --online` against `server`, JSON out, the server allowed.
fn online(server: &Server, extra: &[&str]) -> (Option<i32>, Value, String, Duration) {
    let resolver = server.url("/doi/");
    let mut cmd = fairlint();
    cmd.args([
        "check",
        "--online",
        "--allow-host",
        "127.0.0.1",
        "--resolver-base",
        &resolver,
        "--timeout",
        "1",
        "--format",
        "json",
        "--profile",
        "core",
    ])
    .args(extra)
    .timeout(Duration::from_secs(30));
    let started = Instant::now();
    let out = cmd.output().unwrap();
    let elapsed = started.elapsed();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let value = serde_json::from_str(&stdout).unwrap_or(Value::Null);
    (
        out.status.code(),
        value,
        String::from_utf8(out.stderr).unwrap(),
        elapsed,
    )
}

fn status_of<'a>(report: &'a Value, id: &str) -> &'a str {
    report["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .unwrap_or_else(|| panic!("no indicator {id}"))["status"]
        .as_str()
        .unwrap()
}

fn check<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["harvest"]["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["check"] == name)
        .unwrap_or_else(|| panic!("no check {name}: {report:#}"))
}

fn not_assessed(report: &Value) -> usize {
    report["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["status"] == "not_assessed")
        .count()
}

/// (code, severity, focus_node, path, value) of every finding.
fn finding_keys(report: &Value) -> Vec<String> {
    let mut keys: Vec<String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{} {} {} {} {}",
                f["code"], f["severity"], f["focus_node"], f["path"], f["value"]
            )
        })
        .collect();
    keys.sort();
    keys
}

fn fetch_error(value: &Value) -> (&str, &str) {
    let e = &value["error"];
    assert_eq!(e["code"], "fetch_error", "{value:#}");
    (e["kind"].as_str().unwrap(), e["url"].as_str().unwrap())
}

#[test]
fn url_input_is_refused_without_online() {
    let server = serve();
    let out = fairlint()
        .args(["check", &server.url("/record")])
        .timeout(Duration::from_secs(30))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("only with --online"), "{err}");
    for input in [
        "doi:10.1234/abc",
        "https://doi.org/10.1234/abc",
        "hdl:20.500/x",
    ] {
        fairlint()
            .args(["check", input])
            .timeout(Duration::from_secs(30))
            .assert()
            .code(2);
    }
    assert_eq!(server.total.load(Ordering::SeqCst), 0, "nothing is fetched");
}

#[test]
fn landing_page_record_gives_offline_findings_plus_online_checks() {
    let server = serve();
    // The landing page (HTML, embedded JSON-LD) checked online...
    let (code, on, err, _) = online(&server, &[&server.url("/embedded")]);
    assert!(code == Some(0) || code == Some(1), "{err}");
    assert_eq!(on["harvest"]["route"], "html_embedded");
    assert_eq!(on["harvest"]["checked_url"], server.url("/embedded"));
    // ...and the same record checked offline from a file.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("page.html");
    std::fs::write(&file, page_with(&record(&server.base()), "")).unwrap();
    let out = fairlint()
        .args(["check", "--format", "json", "--profile", "core"])
        .arg(&file)
        .output()
        .unwrap();
    let off: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(finding_keys(&on), finding_keys(&off));
    // The findings' locations are in the harvested document (same page, same lines).
    let lines = |r: &Value| -> Vec<Value> {
        r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["location"].clone())
            .collect()
    };
    assert_eq!(lines(&on), lines(&off));
    assert!(
        not_assessed(&on) + 5 <= not_assessed(&off),
        "online {} vs offline {}",
        not_assessed(&on),
        not_assessed(&off)
    );
    // Every indicator offline assessed keeps its outcome.
    for ind in off["indicators"].as_array().unwrap() {
        if ind["status"] != "not_assessed" {
            assert_eq!(status_of(&on, ind["id"].as_str().unwrap()), ind["status"]);
        }
    }
    for id in [
        "RDA-F4-01M",
        "RDA-A1-02M",
        "RDA-A1-03M",
        "RDA-A1-04M",
        "RDA-A1-03D",
        "RDA-A1.1-01D",
    ] {
        assert_eq!(status_of(&on, id), "pass", "{id}: {on:#}");
    }
    // Data over plain http: the HTTPS check fails, with evidence.
    assert_eq!(status_of(&on, "RDA-A1.2-01D"), "fail");
    assert!(check(&on, "data_https")["evidence"]
        .as_str()
        .unwrap()
        .contains("data.csv"));
    assert_eq!(check(&on, "license_resolves")["pass"], true);
    assert_eq!(server.hits("/data.csv"), 1);
    assert_eq!(server.hits("/license"), 1);
}

#[test]
fn content_negotiation_and_doi_through_the_resolver() {
    let server = serve();
    let (code, r, err, _) = online(&server, &["doi:10.1234/abc"]);
    assert!(code == Some(0) || code == Some(1), "{err}");
    let h = &r["harvest"];
    assert_eq!(h["start_url"], server.url("/doi/10.1234/abc"));
    assert_eq!(h["route"], "content_negotiation");
    assert_eq!(h["media_type"], "application/ld+json");
    assert_eq!(h["checked_url"], server.url("/record"));
    let fetches = h["fetches"].as_array().unwrap();
    assert_eq!(fetches[0]["status"], 302);
    assert_eq!(fetches[0]["route"], "input");
    assert_eq!(fetches[1]["route"], "redirect");
    assert!(fetches[1]["bytes"].as_u64().unwrap() > 100);
    assert_eq!(check(&r, "pid_resolves")["pass"], true);
    assert_eq!(status_of(&r, "RDA-A1-03M"), "pass");
    // The landing page is the record's schema:url, probed as HTML.
    assert_eq!(check(&r, "landing_page")["pass"], true);
    assert_eq!(server.hits("/page"), 1);
    // The same through https://doi.org/.
    let (_, r2, _, _) = online(&server, &["https://doi.org/10.1234/abc"]);
    assert_eq!(r2["harvest"]["checked_url"], server.url("/record"));
}

#[test]
fn signposting_describedby_is_followed() {
    let server = serve();
    let (code, r, err, _) = online(&server, &[&server.url("/signposted")]);
    assert!(code == Some(0) || code == Some(1), "{err}");
    let h = &r["harvest"];
    assert_eq!(h["route"], "signposting:describedby");
    assert_eq!(h["checked_url"], server.url("/meta.jsonld"));
    let rels: Vec<&str> = h["signposting"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["rel"].as_str().unwrap())
        .collect();
    for rel in ["describedby", "license", "cite-as", "item"] {
        assert!(rels.contains(&rel), "{rels:?}");
    }
    // cite-as is a doi.org DOI: resolved through --resolver-base.
    assert!(check(&r, "pid_resolves")["evidence"]
        .as_str()
        .unwrap()
        .contains("cite-as"));
    assert_eq!(check(&r, "pid_resolves")["pass"], true);
    assert_eq!(server.hits("/doi/10.1234/abc"), 1);
    assert_eq!(check(&r, "landing_page")["pass"], true);
}

#[test]
fn turtle_and_datacite_are_read() {
    let server = serve();
    let (_, t, err, _) = online(&server, &[&server.url("/turtle")]);
    assert_eq!(t["harvest"]["format"], "turtle", "{err}");
    let (_, d, err, _) = online(&server, &[&server.url("/datacite")]);
    assert_eq!(d["harvest"]["format"], "datacite", "{err}");
    // A DataCite record names no landing page and the URL gave none: A1-02M fails.
    assert_eq!(status_of(&d, "RDA-A1-02M"), "fail");
}

#[test]
fn dead_links_fail_their_indicators_with_evidence() {
    let server = serve();
    let (code, r, err, _) = online(&server, &[&server.url("/broken")]);
    assert!(code == Some(0) || code == Some(1), "{err}");
    assert_eq!(status_of(&r, "RDA-A1-03D"), "fail");
    assert_eq!(status_of(&r, "RDA-A1.1-01D"), "fail");
    assert_eq!(status_of(&r, "RDA-A1-02M"), "fail");
    assert_eq!(check(&r, "license_resolves")["pass"], false);
    let ind = r["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "RDA-A1-03D")
        .unwrap();
    assert!(ind["evidence"].as_str().unwrap().contains("404"), "{ind:#}");
}

#[test]
fn fetch_failures_are_typed_bounded_and_the_batch_carries_on() {
    let server = serve();
    let config = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(config.path(), r#"{"limits": {"max_input_bytes": 100000}}"#).unwrap();
    let cfg = config.path().to_str().unwrap().to_owned();
    let cases = [
        ("/missing", "status"),
        ("/loop-a", "redirect_loop"),
        ("/slow", "timeout"),
        ("/big", "too_large"),
        ("/bomb", "too_large"),
        ("/no-record", ""),
    ];
    let urls: Vec<String> = cases.iter().map(|(p, _)| server.url(p)).collect();
    let mut args: Vec<&str> = vec!["--config", &cfg];
    args.extend(urls.iter().map(String::as_str));
    args.push("/nonexistent/after.jsonld");
    let (code, v, err, elapsed) = online(&server, &args);
    assert_eq!(code, Some(2), "{err}");
    let reports = v.as_array().unwrap();
    assert_eq!(reports.len(), cases.len() + 1);
    for ((path, kind), report) in cases.iter().zip(reports) {
        if kind.is_empty() {
            assert_eq!(report["error"]["code"], "no_record", "{report:#}");
            continue;
        }
        let (k, url) = fetch_error(report);
        assert_eq!(k, *kind, "{path}: {report:#}");
        assert!(url.starts_with(&server.base()), "{url}");
        assert!(err.contains("[fetch_error]"), "{err}");
    }
    assert_eq!(reports[0]["error"]["status"], 404);
    // The batch went on to the local file after them.
    assert_eq!(reports[cases.len()]["error"]["code"], "io_error");
    // The slow endpoint took the 1 s timeout, not its 5 s.
    assert!(elapsed < Duration::from_secs(4), "{elapsed:?}");
    // The loop: two requests, then refused.
    assert_eq!(server.hits("/loop-a") + server.hits("/loop-b"), 2);
}

#[test]
fn too_many_redirects() {
    let server = serve();
    let (code, v, _, _) = online(&server, &["--max-redirects", "1", &server.url("/hop1")]);
    assert_eq!(code, Some(2));
    assert_eq!(fetch_error(&v).0, "too_many_redirects");
    let (_, ok, _, _) = online(&server, &["--max-redirects", "2", &server.url("/hop1")]);
    assert_eq!(ok["harvest"]["checked_url"], server.url("/record"));
}

#[test]
fn busy_server_is_retried_after_retry_after() {
    let server = serve();
    let (code, r, err, elapsed) = online(&server, &[&server.url("/busy")]);
    assert!(code == Some(0) || code == Some(1), "{err}");
    assert_eq!(server.hits("/busy"), 2);
    assert!(elapsed >= Duration::from_millis(900), "{elapsed:?}");
    assert_eq!(r["harvest"]["route"], "content_negotiation");
    // No retry allowed: the 503 is the answer.
    let server = serve();
    let (code, v, _, _) = online(&server, &["--max-retries", "0", &server.url("/busy")]);
    assert_eq!(code, Some(2));
    assert_eq!(v["error"]["status"], 503);
}

#[test]
fn loopback_is_refused_unless_allowed() {
    let server = serve();
    let out = fairlint()
        .args([
            "check",
            "--online",
            "--format",
            "json",
            &server.url("/record"),
        ])
        .timeout(Duration::from_secs(30))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(fetch_error(&v).0, "refused_address");
    assert_eq!(server.total.load(Ordering::SeqCst), 0);
    // A redirect from the allowed host to another name for loopback is refused at that hop,
    // before any request reaches it.
    let before = server.hits("/record");
    let (code, v, _, _) = online(&server, &[&server.url("/to-localhost")]);
    assert_eq!(code, Some(2));
    assert_eq!(fetch_error(&v).0, "refused_address");
    assert_eq!(server.hits("/record"), before);
}

#[test]
fn remote_context_is_fetched_online() {
    let server = serve();
    let (code, r, err, _) = online(&server, &[&server.url("/remote-context")]);
    assert!(code == Some(0) || code == Some(1), "{err}");
    let fetches = r["harvest"]["fetches"].as_array().unwrap();
    assert!(
        fetches
            .iter()
            .any(|f| f["route"] == "context" && f["url"] == server.url("/ctx.jsonld")),
        "{fetches:#?}"
    );
    // The context's term `title` became schema:name: no finding about a missing name.
    assert_eq!(check(&r, "landing_page")["pass"], true);
}

#[test]
fn cache_gives_byte_identical_reruns_and_works_offline() {
    let server = serve();
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().to_str().unwrap().to_owned();
    let args = ["--cache-dir", &cache, "--deterministic", "doi:10.1234/abc"];
    let run = |extra: &[&str]| {
        let resolver = server.url("/doi/");
        let out = fairlint()
            .args([
                "check",
                "--online",
                "--allow-host",
                "127.0.0.1",
                "--resolver-base",
                &resolver,
            ])
            .args(["--format", "json", "--profile", "core"])
            .args(extra)
            .timeout(Duration::from_secs(30))
            .output()
            .unwrap();
        (out.status.code(), out.stdout)
    };
    let (c1, cold) = run(&args);
    let requests = server.total.load(Ordering::SeqCst);
    assert!(requests >= 4, "{requests}");
    let (c2, warm) = run(&args);
    assert_eq!(c1, c2);
    assert_eq!(cold, warm, "a cached rerun gives the same bytes");
    assert_eq!(
        server.total.load(Ordering::SeqCst),
        requests,
        "all from the cache"
    );
    let mut offline = vec!["--offline-from-cache"];
    offline.extend(args);
    let (_, replay) = run(&offline);
    assert_eq!(cold, replay);
    // Not deterministic: the volatile field is there (and only there).
    let (_, volatile) = run(&args[..2]
        .iter()
        .chain(["doi:10.1234/abc"].iter())
        .copied()
        .collect::<Vec<_>>());
    let v: Value = serde_json::from_slice(&volatile).unwrap();
    assert!(v["harvest"]["volatile"]["cache_hits"].as_u64().unwrap() >= 4);
    let c: Value = serde_json::from_slice(&cold).unwrap();
    assert!(c["harvest"].get("volatile").is_none());
    // A record never fetched is not in the cache: a typed error, nothing fetched.
    let before = server.total.load(Ordering::SeqCst);
    let (code, out) = run(&[
        "--cache-dir",
        &cache,
        "--offline-from-cache",
        &server.url("/turtle"),
    ]);
    assert_eq!(code, Some(2));
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(fetch_error(&v).0, "not_cached");
    assert_eq!(server.total.load(Ordering::SeqCst), before);
}

/// Wall time per record online against the local server, in process (one engine, one
/// client), cold (empty cache) and cached, with the default per-host pacing and without it.
/// Run with `scripts/bench-online.sh [N]` (N records, default 20).
#[test]
#[ignore]
fn timing() {
    let server = serve();
    let dir = tempfile::tempdir().unwrap();
    let engine = fair_core::Engine::builder()
        .profile("core")
        .build()
        .unwrap();
    let n: usize = std::env::var("FAIRLINT_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20)
        .max(1);
    let median = |mut v: Vec<Duration>| {
        v.sort();
        v[v.len() / 2]
    };
    for pacing in [true, false] {
        let (mut cold, mut warm) = (Vec::new(), Vec::new());
        for i in 0..n {
            let mut o = fair_online::OnlineOptions::default();
            o.allow_hosts = vec!["127.0.0.1".into()];
            o.resolver_base = server.url("/doi/");
            o.cache_dir = Some(dir.path().join(format!("{pacing}-{i}")));
            if !pacing {
                o.per_host_interval = Duration::ZERO;
            }
            let fetcher = fair_online::Fetcher::new(o);
            let t = Instant::now();
            let r = fair_online::check_online(&engine, &fetcher, "doi:10.1234/abc").unwrap();
            cold.push(t.elapsed());
            assert_eq!(r.harvest.checks.len(), 8);
            let t = Instant::now();
            fair_online::check_online(&engine, &fetcher, "doi:10.1234/abc").unwrap();
            warm.push(t.elapsed());
        }
        println!(
            "per record, {} per-host pacing: cold median {:?} (min {:?}), cached median {:?} (min {:?})",
            if pacing { "default 100 ms" } else { "no" },
            median(cold.clone()),
            cold.iter().min().unwrap(),
            median(warm.clone()),
            warm.iter().min().unwrap(),
        );
    }
}
