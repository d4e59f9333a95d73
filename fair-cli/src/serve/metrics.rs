//! `GET /metrics`: Prometheus text exposition of the service's counters.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// Upper bounds of the latency histogram's buckets, in seconds.
const BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
];

#[derive(Default)]
pub struct Metrics {
    /// Requests answered, by (route, status).
    requests: Mutex<BTreeMap<(String, u16), u64>>,
    /// Latency per route.
    latency: Mutex<BTreeMap<String, Histogram>>,
    in_flight: AtomicU64,
    /// Reports produced, by whether the record conforms.
    conforming: AtomicU64,
    not_conforming: AtomicU64,
    /// Records that could not be checked (422).
    failed: AtomicU64,
}

pub struct InFlight<'a>(&'a AtomicU64);

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

#[derive(Default)]
struct Histogram {
    counts: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

impl Metrics {
    /// A request came in; it is in flight until the guard is dropped (answered, or the
    /// client went away).
    pub fn started(&self) -> InFlight<'_> {
        self.in_flight.fetch_add(1, Ordering::Relaxed);
        InFlight(&self.in_flight)
    }

    pub fn finished(&self, route: &str, status: u16, took: Duration) {
        if let Ok(mut requests) = self.requests.lock() {
            *requests.entry((route.to_owned(), status)).or_default() += 1;
        }
        if let Ok(mut latency) = self.latency.lock() {
            let h = latency.entry(route.to_owned()).or_default();
            let secs = took.as_secs_f64();
            for (bound, count) in BUCKETS.iter().zip(h.counts.iter_mut()) {
                if secs <= *bound {
                    *count += 1;
                }
            }
            h.count += 1;
            h.sum += secs;
        }
    }

    /// A report was produced (`conforms`) or the record could not be checked (`None`).
    pub fn checked(&self, conforms: Option<bool>) {
        match conforms {
            Some(true) => &self.conforming,
            Some(false) => &self.not_conforming,
            None => &self.failed,
        }
        .fetch_add(1, Ordering::Relaxed);
    }

    /// The exposition text; `busy` checks hold a permit out of `max`.
    pub fn render(&self, busy: usize, max: usize) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "# HELP fairlint_http_requests_total HTTP requests answered, by route and status.\n# TYPE fairlint_http_requests_total counter"
        );
        if let Ok(requests) = self.requests.lock() {
            for ((route, status), n) in requests.iter() {
                let _ = writeln!(
                    out,
                    "fairlint_http_requests_total{{route=\"{route}\",status=\"{status}\"}} {n}"
                );
            }
        }
        let _ = writeln!(
            out,
            "# HELP fairlint_http_request_duration_seconds Time from request to response, by route.\n# TYPE fairlint_http_request_duration_seconds histogram"
        );
        if let Ok(latency) = self.latency.lock() {
            for (route, h) in latency.iter() {
                for (bound, n) in BUCKETS.iter().zip(h.counts.iter()) {
                    let _ = writeln!(
                        out,
                        "fairlint_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{bound}\"}} {n}"
                    );
                }
                let _ = writeln!(
                    out,
                    "fairlint_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {}\nfairlint_http_request_duration_seconds_sum{{route=\"{route}\"}} {}\nfairlint_http_request_duration_seconds_count{{route=\"{route}\"}} {}",
                    h.count, h.sum, h.count
                );
            }
        }
        let _ = writeln!(
            out,
            "# HELP fairlint_http_requests_in_flight Requests being answered now.\n# TYPE fairlint_http_requests_in_flight gauge\nfairlint_http_requests_in_flight {}",
            self.in_flight.load(Ordering::Relaxed)
        );
        let _ = writeln!(
            out,
            "# HELP fairlint_checks_in_flight Checks running or waiting for a worker (at most fairlint_max_concurrency).\n# TYPE fairlint_checks_in_flight gauge\nfairlint_checks_in_flight {busy}\n# HELP fairlint_max_concurrency The concurrency limit (--max-concurrency).\n# TYPE fairlint_max_concurrency gauge\nfairlint_max_concurrency {max}"
        );
        let _ = writeln!(
            out,
            "# HELP fairlint_records_total Records checked, by outcome.\n# TYPE fairlint_records_total counter\nfairlint_records_total{{outcome=\"conforms\"}} {}\nfairlint_records_total{{outcome=\"findings\"}} {}\nfairlint_records_total{{outcome=\"error\"}} {}",
            self.conforming.load(Ordering::Relaxed),
            self.not_conforming.load(Ordering::Relaxed),
            self.failed.load(Ordering::Relaxed)
        );
        if let Some(rss) = resident_bytes() {
            let _ = writeln!(
                out,
                "# HELP process_resident_memory_bytes Resident memory size in bytes.\n# TYPE process_resident_memory_bytes gauge\nprocess_resident_memory_bytes {rss}"
            );
        }
        out
    }
}

/// The process's resident set size (Linux: `VmRSS` in `/proc/self/status`).
fn resident_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}
