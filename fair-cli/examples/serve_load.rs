//! Load client for `fairlint serve` (driven by `scripts/bench-serve.sh`): N clients send M
//! requests in all over the test vectors, each answer compared with the CLI's
//! `fairlint check --format json` output for the same bytes (the `input` field aside), the
//! service's resident memory sampled from `/metrics` as it goes. Prints requests/s, p50/p99
//! latency and the memory samples; exits 1 on any error or wrong report.
//!
//! ```text
//! cargo run --release -p fair-cli --example serve_load -- \
//!     --addr 127.0.0.1:PORT --cli target/release/fairlint [--clients 32] [--requests 10000]
//! ```
//!
//! Loopback only: the address must be 127.0.0.1 or ::1.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

struct Case {
    id: String,
    bytes: Vec<u8>,
    query: Vec<(&'static str, String)>,
    status: u16,
    report: Value,
}

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn without_input(mut v: Value) -> Value {
    if let Some(m) = v.as_object_mut() {
        m.remove("input");
    }
    v
}

/// The vectors the default service can be compared on (no engine options beyond the
/// profile), with the CLI's answer for each.
fn cases(root: &Path, cli: &Path) -> Vec<Case> {
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("manifest.json")).unwrap())
            .unwrap();
    let mut cases = Vec::new();
    for v in manifest["vectors"].as_array().unwrap() {
        let options = v.get("options").and_then(Value::as_object);
        let extra = options.is_some_and(|o| o.keys().any(|k| k != "profile"));
        if extra
            || ["shapes", "ontologies", "payload"]
                .iter()
                .any(|k| v.get(k).is_some())
        {
            continue;
        }
        let profile = options
            .and_then(|o| o.get("profile"))
            .and_then(Value::as_str);
        if profile == Some("no-such-profile") {
            continue;
        }
        let bytes = std::fs::read(root.join(v["input"].as_str().unwrap())).unwrap();
        let mut query = Vec::new();
        let mut cli_args: Vec<String> = vec!["check".into(), "--format".into(), "json".into()];
        if let Some(p) = profile {
            query.push(("profile", p.to_owned()));
            cli_args.extend(["--profile".into(), p.into()]);
        }
        if let Some(f) = v.get("format").and_then(Value::as_str) {
            query.push(("format", f.to_owned()));
            cli_args.extend(["--input-format".into(), f.into()]);
        }
        cli_args.push("-".into());
        let mut child = Command::new(cli)
            .args(&cli_args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(&bytes).unwrap();
        let out = child.wait_with_output().unwrap();
        let report = without_input(serde_json::from_slice(&out.stdout).unwrap());
        let status = if report.get("error").is_some() {
            422
        } else {
            200
        };
        cases.push(Case {
            id: v["id"].as_str().unwrap().to_owned(),
            bytes,
            query,
            status,
            report,
        });
    }
    cases
}

fn resident_bytes(agent: &ureq::Agent, base: &str) -> Option<u64> {
    let text = agent
        .get(format!("{base}/metrics"))
        .call()
        .ok()?
        .body_mut()
        .read_to_string()
        .ok()?;
    text.lines()
        .find_map(|l| l.strip_prefix("process_resident_memory_bytes "))
        .and_then(|n| n.trim().parse().ok())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let addr = arg(&args, "--addr").expect("--addr 127.0.0.1:PORT");
    assert!(
        addr.starts_with("127.0.0.1:") || addr.starts_with("[::1]:"),
        "loopback addresses only: {addr}"
    );
    let cli = PathBuf::from(arg(&args, "--cli").expect("--cli path/to/fairlint"));
    let clients: usize = arg(&args, "--clients").map_or(32, |n| n.parse().unwrap());
    let total: usize = arg(&args, "--requests").map_or(10_000, |n| n.parse().unwrap());
    let root = arg(&args, "--vectors").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../test-vectors"),
        PathBuf::from,
    );
    let base = format!("http://{addr}");
    let cases = cases(&root, &cli);
    eprintln!(
        "{} vectors, expected answers from {}",
        cases.len(),
        cli.display()
    );

    let next = AtomicUsize::new(0);
    let wrong = AtomicUsize::new(0);
    let latencies = Mutex::new(Vec::with_capacity(total));
    let memory = Mutex::new(Vec::new());
    let started = Instant::now();
    std::thread::scope(|scope| {
        for _ in 0..clients {
            scope.spawn(|| {
                let agent: ureq::Agent = ureq::Agent::config_builder()
                    .http_status_as_error(false)
                    .timeout_global(Some(Duration::from_secs(60)))
                    .build()
                    .into();
                let mut mine = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= total {
                        break;
                    }
                    let case = &cases[i % cases.len()];
                    let mut req = agent.post(format!("{base}/v1/check"));
                    for (k, v) in &case.query {
                        req = req.query(*k, v);
                    }
                    let t = Instant::now();
                    let outcome = req.send(&case.bytes[..]).and_then(|mut r| {
                        let status = r.status().as_u16();
                        r.body_mut().read_to_string().map(|b| (status, b))
                    });
                    mine.push(t.elapsed());
                    let right = match &outcome {
                        Ok((status, body)) => {
                            *status == case.status
                                && serde_json::from_str::<Value>(body)
                                    .is_ok_and(|v| v == case.report)
                        }
                        Err(_) => false,
                    };
                    if !right && wrong.fetch_add(1, Ordering::Relaxed) < 5 {
                        eprintln!("wrong answer for {}: {:?}", case.id, outcome.map(|o| o.0));
                    }
                    if i.is_multiple_of(1000) {
                        if let Some(rss) = resident_bytes(&agent, &base) {
                            memory.lock().unwrap().push((i, rss));
                        }
                    }
                }
                latencies.lock().unwrap().extend(mine);
            });
        }
    });
    let elapsed = started.elapsed();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    if let Some(rss) = resident_bytes(&agent, &base) {
        memory.lock().unwrap().push((total, rss));
    }
    let mut latencies = latencies.into_inner().unwrap();
    latencies.sort();
    let pct = |p: f64| {
        latencies
            .get(((latencies.len() as f64 * p).ceil() as usize).saturating_sub(1))
            .copied()
            .unwrap_or_default()
    };
    let mut memory = memory.into_inner().unwrap();
    memory.sort();
    let wrong = wrong.into_inner();
    println!(
        "{total} requests, {clients} clients, {} vectors: {:.1} s, {:.0} requests/s; latency p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms; wrong or failed: {wrong}",
        cases.len(),
        elapsed.as_secs_f64(),
        total as f64 / elapsed.as_secs_f64(),
        pct(0.50).as_secs_f64() * 1e3,
        pct(0.99).as_secs_f64() * 1e3,
        latencies.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
    );
    let samples: Vec<String> = memory
        .iter()
        .map(|(i, rss)| format!("{i}:{:.1}", *rss as f64 / 1048576.0))
        .collect();
    println!("service RSS (MiB) after request n: {}", samples.join(" "));
    if wrong > 0 {
        std::process::exit(1);
    }
}
