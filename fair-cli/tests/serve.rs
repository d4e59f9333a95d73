//! `fairlint serve` end to end: the built binary started on a loopback port (port 0, the
//! address read from its first line of output), driven by a blocking HTTP client and, where
//! the test needs a slow or malformed client, by raw TCP. Reports are compared with the
//! CLI's `fairlint check --format json` output for the same bytes (the `input` field aside).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::Value;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_fairlint");

fn test_vectors() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../test-vectors")
}

/// A running `fairlint serve`, killed when dropped (unless it has exited).
struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(args: &[&str]) -> Server {
        Self::try_start(args).unwrap_or_else(|(code, err)| panic!("serve exited {code:?}: {err}"))
    }

    /// Starts the server; `Err` with its exit code and standard error if it exits instead.
    fn try_start(args: &[&str]) -> Result<Server, (Option<i32>, String)> {
        let mut child = Command::new(BIN)
            .args(["serve", "--host", "127.0.0.1", "--port", "0"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        match line
            .trim()
            .strip_prefix("fairlint serve: listening on http://")
        {
            Some(addr) => Ok(Server {
                addr: addr.to_owned(),
                child,
            }),
            None => {
                let status = child.wait().unwrap();
                let mut err = String::new();
                child
                    .stderr
                    .take()
                    .unwrap()
                    .read_to_string(&mut err)
                    .unwrap();
                Err((status.code(), err))
            }
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    fn connect(&self) -> TcpStream {
        let s = TcpStream::connect(&self.addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        s
    }

    /// Waits (bounded) until `/metrics` shows `busy` checks in flight.
    fn wait_checks_in_flight(&self, busy: usize) {
        let want = format!("\nfairlint_checks_in_flight {busy}\n");
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let (_, text) = get(&self.url("/metrics"));
            if text.contains(&want) {
                return;
            }
            assert!(Instant::now() < deadline, "never {busy} in flight: {text}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .into()
}

/// A response: status, headers we look at, body.
struct Answer {
    status: u16,
    content_type: String,
    retry_after: Option<String>,
    body: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

fn post(
    agent: &ureq::Agent,
    url: &str,
    query: &[(&str, &str)],
    headers: &[(&str, &str)],
    body: &[u8],
) -> Answer {
    let mut req = agent.post(url);
    for (k, v) in query {
        req = req.query(*k, *v);
    }
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let mut resp = req.send(body).unwrap();
    let header = |name: &str| {
        resp.headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
    };
    let content_type = header("content-type").unwrap_or_default();
    let retry_after = header("retry-after");
    Answer {
        status: resp.status().as_u16(),
        content_type,
        retry_after,
        body: resp
            .body_mut()
            .with_config()
            .limit(64 << 20)
            .read_to_string()
            .unwrap(),
    }
}

fn get(url: &str) -> (u16, String) {
    let mut resp = agent().get(url).call().unwrap();
    (
        resp.status().as_u16(),
        resp.body_mut().read_to_string().unwrap(),
    )
}

fn without_input(mut v: Value) -> Value {
    if let Some(map) = v.as_object_mut() {
        map.remove("input");
    }
    v
}

/// `fairlint check --format json ARGS -` on `bytes`: exit code, stdout, stderr.
fn cli_check(args: &[String], bytes: &[u8]) -> (Option<i32>, String, String) {
    cli_check_input(args, "-", bytes)
}

/// `fairlint check --format json ARGS INPUT`, `stdin` on standard input.
fn cli_check_input(args: &[String], input: &str, stdin: &[u8]) -> (Option<i32>, String, String) {
    let mut child = Command::new(BIN)
        .args(["check", "--format", "json", "--no-progress"])
        .args(args)
        .arg(input)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// One vector of test-vectors/manifest.json.
struct Vector {
    id: String,
    input: PathBuf,
    format: Option<String>,
    profile: Option<String>,
    /// Engine options beside the profile (a `--config` for CLI and service alike).
    config: Option<Value>,
    shapes: Vec<PathBuf>,
    /// An RO-Crate package's files: sent as a zip (CLI and service alike).
    payload: Option<Vec<String>>,
    /// The manifest's expectations.
    expect: Value,
    /// Needs what neither the CLI nor the service takes: ontologies.
    unsupported: bool,
}

fn vectors() -> Vec<Vector> {
    let root = test_vectors();
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("manifest.json")).unwrap())
            .unwrap();
    manifest["vectors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            let mut options = v.get("options").cloned().unwrap_or(Value::Null);
            let profile = options
                .as_object_mut()
                .and_then(|o| o.remove("profile"))
                .map(|p| p.as_str().unwrap().to_owned());
            let config = options
                .as_object()
                .filter(|o| !o.is_empty())
                .map(|_| options.clone());
            let paths = |key: &str| -> Vec<PathBuf> {
                v.get(key)
                    .and_then(Value::as_array)
                    .map(|a| a.iter().map(|p| root.join(p.as_str().unwrap())).collect())
                    .unwrap_or_default()
            };
            Vector {
                id: v["id"].as_str().unwrap().to_owned(),
                input: root.join(v["input"].as_str().unwrap()),
                format: v.get("format").map(|f| f.as_str().unwrap().to_owned()),
                profile,
                config,
                shapes: paths("shapes"),
                payload: v
                    .get("payload")
                    .and_then(Value::as_array)
                    .map(|a| a.iter().map(|p| p.as_str().unwrap().to_owned()).collect()),
                expect: v["expect"].clone(),
                unsupported: v.get("ontologies").is_some(),
            }
        })
        .collect()
}

/// The engine-wide options of a vector: its `--config` (written to `dir`) and `--shapes`.
fn engine_args(v: &Vector, dir: &Path) -> Vec<String> {
    let mut args = Vec::new();
    if let Some(config) = &v.config {
        let path = dir.join(format!("{}.json", v.id));
        std::fs::write(&path, config.to_string()).unwrap();
        args.push("--config".to_owned());
        args.push(path.display().to_string());
    }
    for s in &v.shapes {
        args.push("--shapes".to_owned());
        args.push(s.display().to_string());
    }
    args
}

/// Every vector the CLI can check from standard input gives the same report (or the same
/// typed error) from `POST /v1/check` on a service started with the same engine options; then
/// 32 clients send 320 requests over them at once and every answer is checked again.
#[test]
fn reports_equal_the_clis_for_every_test_vector() {
    let dir = tempfile::tempdir().unwrap();
    let all = vectors();
    // One service per distinct set of engine options.
    let mut groups: BTreeMap<Vec<String>, Vec<&Vector>> = BTreeMap::new();
    let mut unsupported = Vec::new();
    for v in &all {
        if v.unsupported {
            unsupported.push(v.id.as_str());
            continue;
        }
        // Each vector with options has its own config file, hence its own service.
        let key = engine_args(v, dir.path());
        groups.entry(key).or_default().push(v);
    }
    let agent = agent();
    let mut compared = 0;
    // What the default service answers, for the concurrent round below.
    let mut default_answers: Vec<(&Vector, u16, Value)> = Vec::new();
    for (args, vectors) in &groups {
        let arg_refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let server = match Server::try_start(&arg_refs) {
            Ok(s) => s,
            Err((code, err)) => {
                // An engine that cannot be built (ill-formed shapes): the CLI fails the same.
                for v in vectors {
                    let (cli_code, _, cli_err) = cli_check(args, &std::fs::read(&v.input).unwrap());
                    assert_eq!((code, cli_code), (Some(2), Some(2)), "{}", v.id);
                    assert!(
                        err.contains("shapes") && cli_err.contains("shapes"),
                        "{}: {err} / {cli_err}",
                        v.id
                    );
                    compared += 1;
                }
                continue;
            }
        };
        for v in vectors {
            if let Some(payload) = &v.payload {
                compare_package(&server, v, payload, dir.path());
                compared += 1;
                continue;
            }
            let bytes = std::fs::read(&v.input).unwrap();
            let mut cli_args = args.clone();
            let mut query = Vec::new();
            if let Some(p) = &v.profile {
                cli_args.extend(["--profile".to_owned(), p.clone()]);
                query.push(("profile", p.as_str()));
            }
            if let Some(f) = &v.format {
                cli_args.extend(["--input-format".to_owned(), f.clone()]);
                query.push(("format", f.as_str()));
            }
            let (cli_code, stdout, stderr) = cli_check(&cli_args, &bytes);
            let answer = post(&agent, &server.url("/v1/check"), &query, &[], &bytes);
            if stdout.trim().is_empty() {
                // The CLI refused to start (an unknown profile): the service says why, typed.
                assert_eq!(cli_code, Some(2), "{}: {stderr}", v.id);
                assert_eq!(answer.status, 400, "{}: {}", v.id, answer.body);
                let error = &answer.json()["error"];
                assert_eq!(error["code"], "config_error", "{}", v.id);
                let message = error["message"].as_str().unwrap();
                let quoted = message.split('\'').nth(1).unwrap();
                assert!(
                    stderr.contains(&format!("unknown profile '{quoted}'")),
                    "{stderr}"
                );
                compared += 1;
                continue;
            }
            let cli = without_input(serde_json::from_str(&stdout).unwrap());
            if cli.get("error").is_some() {
                assert_eq!(cli_code, Some(2), "{}", v.id);
                if cli["error"]["code"] == "limit_exceeded"
                    && v.config
                        .as_ref()
                        .is_some_and(|c| c["limits"].get("max_input_bytes").is_some())
                {
                    // The service's body bound is max_input_bytes: 413 before parsing.
                    assert_eq!(answer.status, 413, "{}: {}", v.id, answer.body);
                    assert_eq!(answer.json()["error"]["code"], "limit_exceeded");
                } else {
                    assert_eq!(answer.status, 422, "{}: {}", v.id, answer.body);
                    assert_eq!(answer.json(), cli, "{}", v.id);
                }
            } else {
                assert_eq!(answer.status, 200, "{}: {}", v.id, answer.body);
                assert!(answer.content_type.starts_with("application/json"));
                assert_eq!(answer.json(), cli, "{}", v.id);
            }
            if args.is_empty() {
                default_answers.push((v, answer.status, answer.json()));
            }
            compared += 1;
        }
        if args.is_empty() {
            concurrent_round(&server, &default_answers);
        }
    }
    eprintln!(
        "compared {compared} of {} vectors with the CLI; not compared (ontologies, which neither the CLI nor the service takes): {}",
        all.len(),
        unsupported.join(", ")
    );
    assert_eq!(compared + unsupported.len(), all.len());
    assert_eq!(unsupported.len(), 2, "{unsupported:?}");
}

/// An RO-Crate vector with a payload: its files zipped, the zip checked by the CLI (with the
/// default base, as the service's body) and sent to the service as `application/zip`.
fn compare_package(server: &Server, v: &Vector, payload: &[String], dir: &Path) {
    let zip_path = dir.join(format!("{}.zip", v.id));
    let mut w = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    for name in payload {
        w.start_file(name.as_str(), options).unwrap();
        if name == "ro-crate-metadata.json" {
            w.write_all(&std::fs::read(&v.input).unwrap()).unwrap();
        } else {
            w.write_all(b"data\n").unwrap();
        }
    }
    w.finish().unwrap();
    let mut args = vec!["--base-iri".to_owned(), "file:///".to_owned()];
    let mut query = Vec::new();
    if let Some(p) = &v.profile {
        args.extend(["--profile".to_owned(), p.clone()]);
        query.push(("profile", p.as_str()));
    }
    let (_, stdout, stderr) = cli_check_input(&args, zip_path.to_str().unwrap(), b"");
    let cli = without_input(
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{}: {e}: {stderr}", v.id)),
    );
    let answer = post(
        &agent(),
        &server.url("/v1/check"),
        &query,
        &[("Content-Type", "application/zip")],
        &std::fs::read(&zip_path).unwrap(),
    );
    assert_eq!(answer.status, 200, "{}: {}", v.id, answer.body);
    let report = answer.json();
    assert_eq!(report, cli, "{}", v.id);
    // And as the manifest says: the missing files are A130 errors.
    assert_eq!(report["conforms"], v.expect["conforms"], "{}", v.id);
    let a130 = |findings: &Value| {
        findings
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["code"] == "A130")
            .count()
    };
    assert_eq!(
        a130(&report["findings"]),
        a130(&v.expect["findings"]),
        "{}: {report}",
        v.id
    );
}

/// 32 clients, 10 requests each, round-robin over the vectors: every answer as before.
fn concurrent_round(server: &Server, expected: &[(&Vector, u16, Value)]) {
    assert!(expected.len() > 100, "{}", expected.len());
    type Request = (Vec<u8>, Option<String>, Option<String>, u16, Value);
    let requests: Vec<Request> = expected
        .iter()
        .map(|(v, status, json)| {
            (
                std::fs::read(&v.input).unwrap(),
                v.profile.clone(),
                v.format.clone(),
                *status,
                json.clone(),
            )
        })
        .collect();
    let url = server.url("/v1/check");
    std::thread::scope(|scope| {
        for client in 0..32 {
            let (requests, url) = (&requests, &url);
            scope.spawn(move || {
                let agent = agent();
                for i in 0..10 {
                    let (bytes, profile, format, status, json) =
                        &requests[(client * 10 + i) % requests.len()];
                    let mut query = Vec::new();
                    if let Some(p) = profile {
                        query.push(("profile", p.as_str()));
                    }
                    if let Some(f) = format {
                        query.push(("format", f.as_str()));
                    }
                    let answer = post(&agent, url, &query, &[], bytes);
                    assert_eq!(answer.status, *status, "{}", answer.body);
                    assert_eq!(&answer.json(), json);
                }
            });
        }
    });
}

fn case(path: &str) -> Vec<u8> {
    std::fs::read(test_vectors().join("cases").join(path)).unwrap()
}

#[test]
fn malformed_record_is_422_with_the_typed_error_and_its_location() {
    let server = Server::start(&[]);
    let agent = agent();
    let answer = post(
        &agent,
        &server.url("/v1/check"),
        &[],
        &[("Content-Type", "application/ld+json")],
        &case("errors/bad-json.jsonld"),
    );
    assert_eq!(answer.status, 422, "{}", answer.body);
    let json = answer.json();
    assert_eq!(json["error"]["code"], "parse_error");
    assert_eq!(json["error"]["location"]["line"], 5);
    assert_eq!(json["error"]["location"]["column"], 1);
    assert!(json.get("input").is_none());
    // A JSON pointer, for a context the engine cannot resolve offline.
    let answer = post(
        &agent,
        &server.url("/v1/check"),
        &[],
        &[],
        &case("errors/unknown-context.jsonld"),
    );
    assert_eq!(answer.status, 422, "{}", answer.body);
    assert_eq!(answer.json()["error"]["code"], "resolve_error");
    assert_eq!(answer.json()["error"]["location"]["pointer"], "/@context/1");
    // A body said to be a zip that is not one.
    let answer = post(
        &agent,
        &server.url("/v1/check"),
        &[],
        &[("Content-Type", "application/zip")],
        b"PK not really",
    );
    assert_eq!(answer.status, 422, "{}", answer.body);
    assert_eq!(answer.json()["error"]["code"], "package_error");
}

#[test]
fn content_type_and_format_choose_the_parser() {
    let server = Server::start(&[]);
    let agent = agent();
    let url = server.url("/v1/check");
    let turtle = case("turtle/complete.ttl");
    let ok = post(
        &agent,
        &url,
        &[],
        &[("Content-Type", "text/turtle")],
        &turtle,
    );
    assert_eq!(ok.status, 200, "{}", ok.body);
    assert_eq!(ok.json()["document"]["format"], "turtle");
    // Told it is RDF/XML, the service reads it as RDF/XML: a parse error.
    let wrong = post(
        &agent,
        &url,
        &[],
        &[("Content-Type", "application/rdf+xml")],
        &turtle,
    );
    assert_eq!(wrong.status, 422, "{}", wrong.body);
    assert_eq!(wrong.json()["error"]["code"], "parse_error");
    // ?format= wins over Content-Type.
    let ok = post(
        &agent,
        &url,
        &[("format", "turtle")],
        &[("Content-Type", "application/rdf+xml")],
        &turtle,
    );
    assert_eq!(ok.status, 200, "{}", ok.body);
    let unsupported = post(&agent, &url, &[], &[("Content-Type", "image/png")], &turtle);
    assert_eq!(unsupported.status, 415);
    assert_eq!(
        unsupported.json()["error"]["code"],
        "unsupported_media_type"
    );
    let unknown = post(&agent, &url, &[("format", "yaml")], &[], &turtle);
    assert_eq!(unknown.status, 400);
    assert_eq!(unknown.json()["error"]["code"], "usage_error");
    let extra = post(&agent, &url, &[("nope", "1")], &[], &turtle);
    assert_eq!(extra.status, 400, "{}", extra.body);
}

#[test]
fn accept_selects_sarif_text_and_shacl_turtle() {
    let shapes = test_vectors().join("cases/shapes/dataset-shapes.ttl");
    let server = Server::start(&["--shapes", shapes.to_str().unwrap()]);
    let agent = agent();
    let url = server.url("/v1/check");
    let record = case("jsonld/no-conforms-to.jsonld");
    let core = [("profile", "core")];
    let report = post(&agent, &url, &core, &[], &record).json();
    let findings = report["findings"].as_array().unwrap().len();
    assert!(findings >= 2, "{report}");

    let sarif = post(
        &agent,
        &url,
        &core,
        &[("Accept", "application/sarif+json")],
        &record,
    );
    assert_eq!(sarif.status, 200);
    assert_eq!(sarif.content_type, "application/sarif+json");
    let sarif = sarif.json();
    assert_eq!(sarif["version"], "2.1.0");
    assert_eq!(
        sarif["runs"][0]["results"].as_array().unwrap().len(),
        findings
    );

    let turtle = post(&agent, &url, &core, &[("Accept", "text/turtle")], &record);
    assert_eq!(turtle.status, 200, "{}", turtle.body);
    assert!(turtle.content_type.starts_with("text/turtle"));
    let mut cli = Command::new(BIN)
        .args([
            "check",
            "--format",
            "shacl",
            "--profile",
            "core",
            "--shapes",
        ])
        .arg(&shapes)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    cli.stdin.take().unwrap().write_all(&record).unwrap();
    let cli = cli.wait_with_output().unwrap();
    assert_eq!(turtle.body, String::from_utf8(cli.stdout).unwrap());

    // FAIR Test Results: the bytes of `fairlint check --format ftr` / `ftr-jsonld` on the record.
    for (accept, format) in [
        ("text/turtle; profile=\"https://w3id.org/ftr#\"", "ftr"),
        (
            "application/ld+json; profile=\"https://w3id.org/ftr#\"",
            "ftr-jsonld",
        ),
    ] {
        let ftr = post(&agent, &url, &core, &[("Accept", accept)], &record);
        assert_eq!(ftr.status, 200, "{}", ftr.body);
        assert!(
            ftr.content_type.contains("w3id.org/ftr#"),
            "{}",
            ftr.content_type
        );
        let mut cli = Command::new(BIN)
            .args(["check", "--format", format, "--profile", "core", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        cli.stdin.take().unwrap().write_all(&record).unwrap();
        let cli = cli.wait_with_output().unwrap();
        // The input's name aside, as for JSON: the CLI names standard input `<stdin>`, the
        // service's report has no input name (`-`).
        let cli = String::from_utf8(cli.stdout)
            .unwrap()
            .replace("<stdin>", "-");
        assert_eq!(ftr.body, cli, "{accept}");
    }

    let text = post(
        &agent,
        &url,
        &core,
        &[("Accept", "text/html;q=0.9, text/plain")],
        &record,
    );
    assert_eq!(text.status, 200);
    assert!(text.body.contains("R001"), "{}", text.body);

    let none = post(&agent, &url, &core, &[("Accept", "image/png")], &record);
    assert_eq!(none.status, 406);
    assert_eq!(none.json()["error"]["code"], "not_acceptable");
}

#[test]
fn shacl_turtle_needs_shapes() {
    let server = Server::start(&[]);
    let answer = post(
        &agent(),
        &server.url("/v1/check"),
        &[],
        &[("Accept", "text/turtle")],
        &case("turtle/complete.ttl"),
    );
    assert_eq!(answer.status, 406, "{}", answer.body);
    assert!(answer.body.contains("--shapes"), "{}", answer.body);
}

/// Reads the whole HTTP/1.1 response from a raw connection (the server closes it or sends
/// `Content-Length` bytes); returns the status and the text.
fn read_response(stream: &mut TcpStream) -> (u16, String) {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        match stream.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(e) if buf.is_empty() => panic!("no response: {e}"),
            Err(_) => break,
        }
        let text = String::from_utf8_lossy(&buf);
        if let Some((head, body)) = text.split_once("\r\n\r\n") {
            let length = head
                .lines()
                .find_map(|l| {
                    l.to_ascii_lowercase()
                        .strip_prefix("content-length:")
                        .map(|n| n.trim().parse::<usize>().unwrap())
                })
                .unwrap_or(usize::MAX);
            if body.len() >= length {
                break;
            }
        }
    }
    let text = String::from_utf8_lossy(&buf).into_owned();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("not an HTTP response: {text:?}"));
    (status, text)
}

#[test]
fn oversize_bodies_are_413_without_being_read() {
    let server = Server::start(&["--max-input-bytes", "1000"]);
    // Declared too large: answered from the header, with no body sent at all.
    let mut s = server.connect();
    s.write_all(
        b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/ld+json\r\nContent-Length: 1000000000\r\n\r\n",
    )
    .unwrap();
    let (status, text) = read_response(&mut s);
    assert_eq!(status, 413, "{text}");
    assert!(text.contains("\"limit_exceeded\""), "{text}");
    // Chunked, with no length given: refused once the bytes pass the bound, the rest never
    // sent.
    let mut s = server.connect();
    s.write_all(b"POST /v1/check HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
        .unwrap();
    let chunk = format!("258\r\n{}\r\n", " ".repeat(600));
    s.write_all(chunk.as_bytes()).unwrap();
    s.write_all(chunk.as_bytes()).unwrap();
    let (status, text) = read_response(&mut s);
    assert_eq!(status, 413, "{text}");
    // At the bound exactly: checked.
    let mut record = case("turtle/complete.ttl");
    record.resize(1000, b'\n');
    let answer = post(
        &agent(),
        &server.url("/v1/check"),
        &[],
        &[("Content-Type", "text/turtle")],
        &record,
    );
    assert_eq!(answer.status, 200, "{}", answer.body);
}

#[test]
fn slow_clients_time_out() {
    let server = Server::start(&["--request-timeout", "1"]);
    // A body that never finishes: 408.
    let mut s = server.connect();
    s.write_all(b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{")
        .unwrap();
    let started = Instant::now();
    let (status, text) = read_response(&mut s);
    assert_eq!(status, 408, "{text}");
    assert!(started.elapsed() < Duration::from_secs(10));
    // Headers that never finish: the connection is closed.
    let mut s = server.connect();
    s.write_all(b"POST /v1/check HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    let started = Instant::now();
    let mut rest = Vec::new();
    let _ = s.read_to_end(&mut rest);
    assert!(started.elapsed() < Duration::from_secs(10));
    // The service is still there.
    assert_eq!(get(&server.url("/healthz")).0, 200);
}

/// The first `held` bytes of `record` sent as a POST /v1/check with its full length declared:
/// the request stays in flight until the rest is sent.
fn start_slow_request(server: &Server, record: &[u8], held: usize) -> TcpStream {
    let mut s = server.connect();
    write!(
        s,
        "POST /v1/check?profile=core HTTP/1.1\r\nHost: x\r\nContent-Type: text/turtle\r\nContent-Length: {}\r\n\r\n",
        record.len()
    )
    .unwrap();
    s.write_all(&record[..held]).unwrap();
    s
}

#[test]
fn beyond_the_concurrency_limit_is_503_with_retry_after() {
    let server = Server::start(&["--max-concurrency", "1"]);
    let record = case("turtle/complete.ttl");
    let mut slow = start_slow_request(&server, &record, 10);
    server.wait_checks_in_flight(1);
    let agent = agent();
    let busy = post(&agent, &server.url("/v1/check"), &[], &[], &record);
    assert_eq!(busy.status, 503, "{}", busy.body);
    assert_eq!(busy.retry_after.as_deref(), Some("1"));
    assert_eq!(busy.json()["error"]["code"], "busy");
    // The endpoints that check nothing still answer.
    assert_eq!(get(&server.url("/healthz")).0, 200);
    slow.write_all(&record[10..]).unwrap();
    let (status, text) = read_response(&mut slow);
    assert_eq!(status, 200, "{text}");
    server.wait_checks_in_flight(0);
    let again = post(&agent, &server.url("/v1/check"), &[], &[], &record);
    assert_eq!(again.status, 200, "{}", again.body);
    let (_, metrics) = get(&server.url("/metrics"));
    assert!(
        metrics.contains("fairlint_http_requests_total{route=\"/v1/check\",status=\"503\"} 1\n"),
        "{metrics}"
    );
}

#[test]
fn sigterm_lets_the_request_in_flight_finish_then_exits_zero() {
    let mut server = Server::start(&[]);
    let record = case("turtle/complete.ttl");
    let mut slow = start_slow_request(&server, &record, 10);
    server.wait_checks_in_flight(1);
    let killed = Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    // No new connections once it is shutting down.
    let deadline = Instant::now() + Duration::from_secs(10);
    while TcpStream::connect(&server.addr).is_ok() {
        assert!(Instant::now() < deadline, "still accepting after SIGTERM");
        std::thread::sleep(Duration::from_millis(20));
    }
    // Long enough for a service that did not wait for its requests to have gone.
    std::thread::sleep(Duration::from_millis(500));
    assert!(
        server.child.try_wait().unwrap().is_none(),
        "exited with a request in flight"
    );
    slow.write_all(&record[10..]).unwrap();
    let (status, text) = read_response(&mut slow);
    assert_eq!(status, 200, "{text}");
    let body = text.split_once("\r\n\r\n").unwrap().1;
    let report: Value = serde_json::from_str(body).unwrap();
    assert_eq!(report["conforms"], true, "{report}");
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "still running after SIGTERM");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0));
}

#[test]
fn fix_answers_as_fairlint_fix() {
    let server = Server::start(&[]);
    let record = "{\"@context\": \"https://schema.org/\", \"@type\": \"Dataset\", \"dct:conformsTo\": {\"@id\": \"https://example.org/profile\"}, \"name\": \"x\", \"license\": \"GPL-3.0\", \"creater\": \"Jane Doe\"}\n";
    let agent = agent();
    let answer = post(
        &agent,
        &server.url("/v1/fix"),
        &[("profile", "core")],
        &[],
        record.as_bytes(),
    );
    assert_eq!(answer.status, 200, "{}", answer.body);
    let result = answer.json();
    let mut cli = Command::new(BIN)
        .args(["fix", "--profile", "core", "--fail-on", "never", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    cli.stdin
        .take()
        .unwrap()
        .write_all(record.as_bytes())
        .unwrap();
    let cli = String::from_utf8(cli.wait_with_output().unwrap().stdout).unwrap();
    assert_eq!(result["text"], cli.as_str());
    assert!(cli.contains("GPL-3.0-only"), "{cli}");
    assert_eq!(result["applied"][0]["code"], "R010", "{result}");
    assert_eq!(result["skipped"][0]["code"], "I121", "{result}");
    // Unsafe fixes too: the property is renamed.
    let answer = post(
        &agent,
        &server.url("/v1/fix"),
        &[("profile", "core"), ("unsafe", "true")],
        &[],
        record.as_bytes(),
    );
    assert!(answer.json()["text"]
        .as_str()
        .unwrap()
        .contains("\"creator\""));
    let bad = post(
        &agent,
        &server.url("/v1/fix"),
        &[],
        &[],
        &case("errors/bad-json.jsonld"),
    );
    assert_eq!(bad.status, 422);
    assert_eq!(bad.json()["error"]["code"], "parse_error");
}

#[test]
fn profiles_rules_health_and_metrics() {
    let server = Server::start(&[]);
    let cli_json = |args: &[&str]| -> Value {
        let out = Command::new(BIN).args(args).output().unwrap();
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let (status, profiles) = get(&server.url("/v1/profiles"));
    assert_eq!(status, 200);
    assert_eq!(
        serde_json::from_str::<Value>(&profiles).unwrap(),
        cli_json(&["profiles", "--format", "json"])
    );
    let (status, rules) = get(&server.url("/v1/rules"));
    assert_eq!(status, 200);
    assert_eq!(
        serde_json::from_str::<Value>(&rules).unwrap(),
        cli_json(&["rules", "--format", "json"])
    );
    let (status, health) = get(&server.url("/healthz"));
    assert_eq!(status, 200);
    assert_eq!(
        serde_json::from_str::<Value>(&health).unwrap()["status"],
        "ok"
    );
    let agent = agent();
    let url = server.url("/v1/check");
    post(&agent, &url, &[], &[], &case("turtle/complete.ttl"));
    post(&agent, &url, &[], &[], &case("errors/bad.ttl"));
    let (status, metrics) = get(&server.url("/metrics"));
    assert_eq!(status, 200);
    for line in [
        "fairlint_http_requests_total{route=\"/v1/check\",status=\"200\"} 1\n",
        "fairlint_http_requests_total{route=\"/v1/check\",status=\"422\"} 1\n",
        "fairlint_http_requests_total{route=\"/healthz\",status=\"200\"} 1\n",
        "fairlint_http_request_duration_seconds_count{route=\"/v1/check\"} 2\n",
        "fairlint_records_total{outcome=\"error\"} 1\n",
        "fairlint_max_concurrency 64\n",
        "# TYPE process_resident_memory_bytes gauge\n",
    ] {
        assert!(metrics.contains(line), "{line} not in {metrics}");
    }
}

#[test]
fn online_checks_are_off_unless_asked_and_private_addresses_stay_refused() {
    let agent = agent();
    let offline = Server::start(&[]);
    let answer = post(
        &agent,
        &offline.url("/v1/check"),
        &[("url", "https://example.org/record")],
        &[],
        b"",
    );
    assert_eq!(answer.status, 403, "{}", answer.body);
    assert_eq!(answer.json()["error"]["code"], "online_disabled");
    drop(offline);
    let online = Server::start(&["--online"]);
    // The service's own address: loopback, refused before any connection is made.
    let target = online.url("/healthz");
    let answer = post(
        &agent,
        &online.url("/v1/check"),
        &[("url", &target)],
        &[],
        b"",
    );
    assert_eq!(answer.status, 422, "{}", answer.body);
    let error = &answer.json()["error"];
    assert_eq!(error["code"], "fetch_error");
    assert_eq!(error["kind"], "refused_address", "{error}");
    let (_, metrics) = get(&online.url("/metrics"));
    assert!(
        !metrics.contains("route=\"/healthz\""),
        "the service fetched its own health endpoint: {metrics}"
    );
}

/// The OpenAPI document and the router agree: every operation it lists answers (not 404 or
/// 405), nothing else does, and it carries the running version.
#[test]
fn openapi_document_matches_the_routes() {
    let server = Server::start(&[]);
    let (status, text) = get(&server.url("/openapi.json"));
    assert_eq!(status, 200);
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    assert_eq!(doc["info"]["version"], env!("CARGO_PKG_VERSION"));
    let paths = doc["paths"].as_object().unwrap();
    let mut operations = Vec::new();
    for (path, item) in paths {
        for method in item.as_object().unwrap().keys() {
            operations.push(format!("{} {path}", method.to_uppercase()));
        }
    }
    operations.sort();
    assert_eq!(
        operations,
        [
            "GET /healthz",
            "GET /metrics",
            "GET /openapi.json",
            "GET /v1/profiles",
            "GET /v1/rules",
            "POST /v1/check",
            "POST /v1/fix",
        ]
    );
    let agent = agent();
    let record = case("turtle/complete.ttl");
    for op in &operations {
        let (method, path) = op.split_once(' ').unwrap();
        let status = if method == "GET" {
            get(&server.url(path)).0
        } else {
            post(&agent, &server.url(path), &[], &[], &record).status
        };
        assert_eq!(status, 200, "{op}");
        // The other method is not allowed, typed.
        let other = if method == "GET" {
            post(&agent, &server.url(path), &[], &[], b"").status
        } else {
            get(&server.url(path)).0
        };
        assert_eq!(other, 405, "{op}");
    }
    let (status, text) = get(&server.url("/v1/nope"));
    assert_eq!(status, 404);
    assert!(text.contains("\"not_found\""), "{text}");
    // Each documented status of an operation is one the handlers give.
    let documented: Vec<&str> = doc["paths"]["/v1/check"]["post"]["responses"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    for status in [
        "200", "400", "403", "406", "408", "413", "415", "422", "503",
    ] {
        assert!(documented.contains(&status), "{status} not documented");
    }
}

/// The signal handlers are in place before the address is printed: SIGTERM at once is still a
/// graceful stop.
#[test]
fn sigterm_right_after_start_exits_zero() {
    let mut server = Server::start(&[]);
    let killed = Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "still running after SIGTERM");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0), "{status:?}");
}
