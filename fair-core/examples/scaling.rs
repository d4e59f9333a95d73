//! Per-triple cost of reading and core checks from 1k to 1M triples (`bench/scaling.py`,
//! `scripts/bench-scaling.sh`; docs/performance.md, "Per-triple cost, 1k–1M").
//!
//! - `scaling time ROUNDS BUDGET_S FILE...`: per file (`*.nt` N-Triples, `*.jsonld` JSON-LD),
//!   one JSON object per line on stdout with the median wall and CPU (thread) time, in µs, of
//!   - `raw`: the bare parser counting triples (oxttl's `NTriplesParser`, oxjsonld's
//!     `JsonLdParser`): the floor any reader of the file pays;
//!   - `parse`: fairlint's `Document::parse_with` (limits lifted);
//!   - `check`: `Engine::check` with the `core` profile and no shapes (reading, every core
//!     check, scoring, the fingerprint, the report) plus the report rendered as JSON.
//!
//!   Rounds alternate the three stages; a file stops repeating once `BUDGET_S` / files is spent
//!   (at least one round always runs). Limits are lifted, `max_fingerprint_triples` and `max_findings` included,
//!   so every size does the same work per triple.
//! - `scaling once STAGE FILE`: one run of one stage (`raw`, `parse`, `check`), for peak RSS
//!   from `/usr/bin/time -v` in a process of its own.
//! - `scaling to-jsonld IN.nt OUT.jsonld`: the same graph as JSON-LD (oxjsonld's serializer,
//!   `schema:` prefix), for the JSON-LD series.
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    clippy::unwrap_used,
    clippy::expect_used
)]

#[path = "common/cpu.rs"]
mod cpu;

use cpu::thread_us as cpu_us;
use fair_core::{Document, Engine, Format, Limits, ParseOptions};
use std::time::Instant;

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    }
}

fn limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_input_bytes = usize::MAX;
    limits.max_triples = usize::MAX;
    limits.max_fingerprint_triples = usize::MAX;
    limits.max_findings = usize::MAX;
    limits
}

fn format_of(path: &str) -> Format {
    if path.ends_with(".jsonld") {
        Format::JsonLd
    } else {
        Format::NTriples
    }
}

/// The bare parser: triples counted, nothing kept.
fn raw(bytes: &[u8], format: Format) -> usize {
    let mut n = 0;
    match format {
        Format::JsonLd => {
            for quad in oxjsonld::JsonLdParser::new().for_slice(bytes) {
                quad.unwrap();
                n += 1;
            }
        }
        _ => {
            for triple in oxttl::NTriplesParser::new().for_slice(bytes) {
                triple.unwrap();
                n += 1;
            }
        }
    }
    n
}

fn parse(bytes: &[u8], format: Format) -> usize {
    let options = ParseOptions {
        limits: limits(),
        ..ParseOptions::default()
    };
    Document::parse_with(bytes, format, &options)
        .unwrap()
        .graph()
        .len()
}

fn check(engine: &Engine, bytes: &[u8], format: Format) -> usize {
    let report = engine.check(bytes, Some(format), None).unwrap();
    let json = serde_json::to_string(&report).unwrap();
    std::hint::black_box(json.len());
    report.findings.len()
}

fn engine() -> Engine {
    Engine::builder()
        .profile("core")
        .limits(limits())
        .build()
        .unwrap()
}

fn time(rounds: usize, budget: f64, files: &[String]) {
    let engine = engine();
    let budget = budget / files.len().max(1) as f64;
    for file in files {
        let bytes = std::fs::read(file).unwrap();
        let format = format_of(file);
        let mut wall: [Vec<f64>; 3] = Default::default();
        let mut cpu: [Vec<f64>; 3] = Default::default();
        let (mut triples, mut raw_triples, mut findings) = (0, 0, 0);
        let started = Instant::now();
        while wall[0].is_empty()
            || (wall[0].len() < rounds && started.elapsed().as_secs_f64() < budget)
        {
            for stage in 0..3 {
                let (c0, t0) = (cpu_us(), Instant::now());
                match stage {
                    0 => raw_triples = raw(&bytes, format),
                    1 => triples = parse(&bytes, format),
                    _ => findings = check(&engine, &bytes, format),
                }
                let (c1, t1) = (cpu_us(), Instant::now());
                wall[stage].push((t1 - t0).as_secs_f64() * 1e6);
                cpu[stage].push(c1 - c0);
            }
        }
        let rounds = wall[0].len();
        let [raw_w, parse_w, check_w] = wall.map(median);
        let [raw_c, parse_c, check_c] = cpu.map(median);
        println!(
            "{}",
            serde_json::json!({
                "file": file,
                "format": format.to_string(),
                "bytes": bytes.len(),
                "raw_triples": raw_triples,
                "triples": triples,
                "findings": findings,
                "rounds": rounds,
                "raw_us": raw_w, "parse_us": parse_w, "check_us": check_w,
                "raw_cpu_us": raw_c, "parse_cpu_us": parse_c, "check_cpu_us": check_c,
            })
        );
    }
}

fn to_jsonld(input: &str, output: &str) {
    let bytes = std::fs::read(input).unwrap();
    let out = std::io::BufWriter::new(std::fs::File::create(output).unwrap());
    let mut writer = oxjsonld::JsonLdSerializer::new()
        .with_prefix("schema", "http://schema.org/")
        .unwrap()
        .for_writer(out);
    for triple in oxttl::NTriplesParser::new().for_slice(&bytes) {
        writer
            .serialize_quad(&triple.unwrap().in_graph(oxrdf::GraphName::DefaultGraph))
            .unwrap();
    }
    writer.finish().unwrap();
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("time") if args.len() >= 5 => time(
            args[2].parse().unwrap(),
            args[3].parse().unwrap(),
            &args[4..],
        ),
        Some("once") if args.len() == 4 => {
            let bytes = std::fs::read(&args[3]).unwrap();
            let format = format_of(&args[3]);
            let n = match args[2].as_str() {
                "raw" => raw(&bytes, format),
                "parse" => parse(&bytes, format),
                "check" => check(&engine(), &bytes, format),
                other => {
                    eprintln!("unknown stage {other} (raw, parse, check)");
                    std::process::exit(2);
                }
            };
            println!("{n}");
        }
        Some("to-jsonld") if args.len() == 4 => to_jsonld(&args[2], &args[3]),
        _ => {
            eprintln!(
                "usage: scaling time ROUNDS BUDGET_S FILE... | once raw|parse|check FILE | to-jsonld IN.nt OUT.jsonld"
            );
            std::process::exit(2);
        }
    }
}
