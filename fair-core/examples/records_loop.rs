//! A profiling aid for the per-record cost (issue 18, "Batch"): checks every record under a
//! directory whose name ends with a suffix, ROUNDS times over, on one thread, and renders each
//! report as an NDJSON line as the CLI does. Run it under `perf record -g` or
//! `valgrind --tool=callgrind` (instruction counts do not depend on the machine's load), or
//! alone for the CPU time per record.
//!
//! `records_loop DIR [SUFFIX] [ROUNDS]` (suffix default `.bioschemas.jsonld`, 3 rounds);
//! `SUFFIX` `typical` takes the JSON-LD / JSON records of 3–10 KB, as `budgets` does. The
//! warm-up round (lazy shapes, first-use indexes) is not counted.
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    clippy::unwrap_used,
    clippy::expect_used
)]

#[path = "common/cpu.rs"]
mod cpu;

use std::path::{Path, PathBuf};

fn collect(dir: &Path, keep: &dyn Fn(&str, u64) -> bool, out: &mut Vec<(String, Vec<u8>)>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, keep, out);
        } else {
            let name = path.display().to_string();
            let size = path.metadata().unwrap().len();
            if keep(&name, size) {
                out.push((name, std::fs::read(&path).unwrap()));
            }
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = PathBuf::from(
        args.get(1)
            .expect("usage: records_loop DIR [SUFFIX] [ROUNDS]"),
    );
    let suffix = args
        .get(2)
        .map_or(".bioschemas.jsonld", String::as_str)
        .to_owned();
    let rounds: usize = args.get(3).map_or(3, |r| r.parse().unwrap());
    let mut records = Vec::new();
    if suffix == "typical" {
        collect(
            &dir,
            &|name, size| {
                (name.ends_with(".jsonld") || name.ends_with(".json"))
                    && (3 * 1024..=10 * 1024).contains(&size)
            },
            &mut records,
        );
    } else {
        collect(&dir, &|name, _| name.ends_with(&suffix), &mut records);
    }
    let engine = fair_core::Engine::new().unwrap();
    let mut checked = 0usize;
    let mut bytes_out = 0usize;
    let mut run = |count: bool| {
        for (name, bytes) in &records {
            if let Ok(report) = engine.check(bytes, None, Some(name)) {
                let line = fair_core::render::ndjson(&report);
                if count {
                    checked += 1;
                    bytes_out += line.len();
                }
                std::hint::black_box(line);
            }
        }
    };
    run(false);
    let c0 = cpu::thread_us();
    for _ in 0..rounds {
        run(true);
    }
    let us = cpu::thread_us() - c0;
    println!(
        "{} records × {rounds} rounds: {:.1} µs CPU per record ({:.0} records per CPU-second; \
         {} bytes of NDJSON per record)",
        records.len(),
        us / checked.max(1) as f64,
        checked as f64 / (us / 1e6),
        bytes_out / checked.max(1)
    );
}
