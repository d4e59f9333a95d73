//! fairlint's side of `bench/compare.py`: times its SHACL engine on N-Triples files and prints
//! the results as JSON, so the other engines can be run on the very same files and shapes and
//! their results compared before any time is quoted.
//!
//! `shacl_bench SHAPES.ttl ROUNDS BUDGET_S PATH...` (a directory PATH stands for its `*.nt`
//! files, sorted) → one JSON object on stdout:
//! `{"engine", "version", "build_ms", "inputs": [{"name", "triples", "rounds", "parse_us",
//! "validate_us", "total_us", "parse_cpu_us", "validate_cpu_us", "total_cpu_us",
//! "results": [[focus, path, component, severity, value], ...]}]}`.
//! `*_cpu_us` are CPU times of the (single) thread (Linux `CLOCK_THREAD_CPUTIME_ID`), which
//! stay meaningful on a machine shared with other work, where wall times do not.
//!
//! Per input: parse the N-Triples into fairlint's `Document` (its real ingestion path: line
//! tracking, blank-node relabelling, schema.org normalisation), then validate the graph with
//! the compiled shapes (built once, as an `Engine` does). Each time is the median over the
//! rounds; `BUDGET_S` seconds are shared by the inputs, and an input stops being repeated once
//! its rounds have taken its share (at least one round always runs). Size limits are lifted:
//! the scale series goes to 1M triples.
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    clippy::unwrap_used,
    clippy::expect_used
)]

#[path = "common/cpu.rs"]
mod cpu;

use cpu::thread_us as cpu_us;
use fair_core::shacl::{Severity, Shapes};
use fair_core::{Document, Format, ParseOptions};
use std::path::PathBuf;
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

fn severity(s: &Severity) -> String {
    match s {
        Severity::Violation => "Violation".to_owned(),
        Severity::Warning => "Warning".to_owned(),
        Severity::Info => "Info".to_owned(),
        Severity::Other(iri) => iri.as_str().to_owned(),
    }
}

fn inputs(paths: &[String]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for p in paths {
        let path = PathBuf::from(p);
        if path.is_dir() {
            let mut dir: Vec<_> = std::fs::read_dir(&path)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "nt"))
                .collect();
            dir.sort();
            files.extend(dir);
        } else {
            files.push(path);
        }
    }
    files
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 5 {
        eprintln!("usage: shacl_bench SHAPES.ttl ROUNDS BUDGET_S PATH...");
        std::process::exit(2);
    }
    let shapes_text = std::fs::read_to_string(&args[1]).unwrap();
    let rounds: usize = args[2].parse().unwrap();
    let budget: f64 = args[3].parse().unwrap();
    let mut options = ParseOptions::default();
    options.limits.max_input_bytes = usize::MAX;
    options.limits.max_triples = usize::MAX;

    let mut builds = Vec::new();
    let mut shapes = None;
    for _ in 0..rounds.max(1) {
        let start = Instant::now();
        shapes = Some(Shapes::parse_turtle(&shapes_text, None).unwrap());
        builds.push(start.elapsed().as_secs_f64() * 1e3);
    }
    let shapes = shapes.unwrap();

    let files = inputs(&args[4..]);
    let budget = budget / files.len().max(1) as f64;
    let mut out = Vec::new();
    for file in files {
        let bytes = std::fs::read(&file).unwrap();
        let (mut parse, mut validate, mut total) = (Vec::new(), Vec::new(), Vec::new());
        let (mut parse_cpu, mut validate_cpu, mut total_cpu) = (Vec::new(), Vec::new(), Vec::new());
        let mut last = None;
        let started = Instant::now();
        while parse.is_empty() || (parse.len() < rounds && started.elapsed().as_secs_f64() < budget)
        {
            let (c0, t0) = (cpu_us(), Instant::now());
            let doc = Document::parse_with(&bytes, Format::NTriples, &options).unwrap();
            let (c1, t1) = (cpu_us(), Instant::now());
            let report = shapes.validate(doc.graph());
            let (c2, t2) = (cpu_us(), Instant::now());
            parse.push((t1 - t0).as_secs_f64() * 1e6);
            validate.push((t2 - t1).as_secs_f64() * 1e6);
            total.push((t2 - t0).as_secs_f64() * 1e6);
            parse_cpu.push(c1 - c0);
            validate_cpu.push(c2 - c1);
            total_cpu.push(c2 - c0);
            last = Some((report, doc.graph().len()));
        }
        let (report, triples) = last.unwrap();
        let results: Vec<_> = report
            .results
            .iter()
            .map(|r| {
                serde_json::json!([
                    r.focus_node.to_string(),
                    r.path.as_ref().map(|p| p.to_sparql()),
                    r.source_constraint_component.as_str(),
                    severity(&r.severity),
                    r.value.as_ref().map(|v| v.to_string()),
                ])
            })
            .collect();
        out.push(serde_json::json!({
            "name": file.file_name().unwrap().to_string_lossy(),
            "triples": triples,
            "rounds": parse.len(),
            "parse_us": median(parse),
            "validate_us": median(validate),
            "total_us": median(total),
            "parse_cpu_us": median(parse_cpu),
            "validate_cpu_us": median(validate_cpu),
            "total_cpu_us": median(total_cpu),
            "results": results,
        }));
    }
    println!(
        "{}",
        serde_json::json!({
            "engine": "fairlint",
            "version": env!("CARGO_PKG_VERSION"),
            "build_ms": median(builds),
            "inputs": out,
        })
    );
}
