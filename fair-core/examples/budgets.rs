//! Measures the native budgets of DESIGN.md §7 and prints them as Markdown table rows
//! (`scripts/bench-budgets.sh` adds the CLI's batch rate and writes docs/performance.md).
//!
//! `budgets CORPORA_DIR [ROUNDS]` (the `../shared/corpora` tree: `biotools/` and the others):
//! - engine construction: the first `Engine::new()` in the process (indexes every bundled
//!   vocabulary), plus parsing and compiling every bundled profile's shapes (the engine does
//!   that lazily, once per process, for the first record of each profile); and a later build;
//! - one typical record: every JSON-LD / JSON record of 3–10 KB in the corpora that fairlint
//!   can check, all checks (`Engine::check`: parse, profile selection, SHACL profile,
//!   identifiers, vocabularies, licences, scoring), the median over ROUNDS runs per record
//!   after one warm-up, then the median (and 90th percentile) over the records; the same for
//!   the bio.tools Bioschemas records (0.6–3 KB);
//! - batch: the bio.tools records in memory (the Bioschemas JSON-LD exports, and the bio.tools
//!   JSON records), checked on 2 threads (records taken from a shared counter), records per
//!   second, best and median of ROUNDS passes.
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

#[path = "common/cpu.rs"]
mod cpu;

use fair_core::Engine;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

type Record = (String, Vec<u8>);

fn collect(dir: &Path, keep: &dyn Fn(&str, usize) -> bool, out: &mut Vec<Record>) {
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
            let size = path.metadata().unwrap().len() as usize;
            if keep(&name, size) {
                out.push((name, std::fs::read(&path).unwrap()));
            }
        }
    }
}

/// Each checkable record's median time over the rounds, in ms, sorted: (wall, thread CPU).
fn per_record(engine: &Engine, records: &[Record], rounds: usize) -> (Vec<f64>, Vec<f64>) {
    let (mut wall, mut cpu) = (Vec::new(), Vec::new());
    for (name, bytes) in records {
        if engine.check(bytes, None, Some(name)).is_err() {
            continue; // a record fairlint cannot read (bad JSON upstream) is no typical record
        }
        let (mut w, mut c) = (Vec::new(), Vec::new());
        for _ in 0..rounds {
            let (c0, start) = (cpu::thread_us(), Instant::now());
            let report = engine.check(bytes, None, Some(name));
            w.push(start.elapsed().as_secs_f64() * 1e3);
            c.push((cpu::thread_us() - c0) / 1e3);
            std::hint::black_box(report.unwrap());
        }
        wall.push(median(w));
        cpu.push(median(c));
    }
    wall.sort_by(f64::total_cmp);
    cpu.sort_by(f64::total_cmp);
    (wall, cpu)
}

/// Per pass on 2 threads, sorted: records per second of wall time, and the rate 2 otherwise
/// idle cores would reach at the process CPU time the pass took (records / (CPU s / 2)).
fn batch(engine: &Engine, records: &[Record], rounds: usize) -> (Vec<f64>, Vec<f64>) {
    let (mut rates, mut cpu_rates) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        let next = AtomicUsize::new(0);
        let (c0, start) = (cpu::process_us(), Instant::now());
        std::thread::scope(|s| {
            for _ in 0..2 {
                s.spawn(|| loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some((name, bytes)) = records.get(i) else {
                        break;
                    };
                    // A record that cannot be read counts: the batch reports it and goes on.
                    let _ = std::hint::black_box(engine.check(bytes, None, Some(name)));
                });
            }
        });
        rates.push(records.len() as f64 / start.elapsed().as_secs_f64());
        cpu_rates.push(records.len() as f64 / ((cpu::process_us() - c0) / 1e6 / 2.0));
    }
    rates.sort_by(f64::total_cmp);
    cpu_rates.sort_by(f64::total_cmp);
    (rates, cpu_rates)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    percentile(&xs, 0.5)
}

fn row(what: &str, budget: &str, measured: String, met: bool) {
    println!(
        "| {what} | {budget} | {measured} | {} |",
        if met { "met" } else { "**not met**" }
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = PathBuf::from(args.get(1).expect("usage: budgets CORPUS_DIR [ROUNDS]"));
    let rounds: usize = args.get(2).map_or(5, |r| r.parse().unwrap());

    // Engine construction.
    let (c0, start) = (cpu::thread_us(), Instant::now());
    let engine = Engine::new().unwrap();
    let first = start.elapsed().as_secs_f64() * 1e3;
    let (c1, start) = (cpu::thread_us(), Instant::now());
    // Every SHACL profile: Turtle files (DCAT-AP, CodeMeta) and the Bioschemas profiles
    // generated from the embedded extract (written as Turtle, then parsed and compiled), each
    // as the engine compiles it for the profile's first record (`ShapeSet::build`).
    for p in fair_core::profiles::PROFILES.iter() {
        if let Some(source) = fair_core::profiles::shacl::profile_shapes_source(p) {
            std::hint::black_box(fair_core::profiles::shacl::ShapeSet::build(&[source]).unwrap());
        }
    }
    let profiles = start.elapsed().as_secs_f64() * 1e3;
    let build_cpu = (cpu::thread_us() - c0) / 1e3;
    let profiles_cpu = (cpu::thread_us() - c1) / 1e3;
    let later = median(
        (0..rounds.max(5))
            .map(|_| {
                let start = Instant::now();
                Engine::new().unwrap();
                start.elapsed().as_secs_f64() * 1e3
            })
            .collect(),
    );

    // Records.
    let is_json = |name: &str| name.ends_with(".jsonld") || name.ends_with(".json");
    let mut typical = Vec::new();
    collect(
        &dir,
        &|name, size| is_json(name) && (3 * 1024..=10 * 1024).contains(&size),
        &mut typical,
    );
    let mut bioschemas = Vec::new();
    collect(
        &dir.join("biotools"),
        &|name, _| name.ends_with(".bioschemas.jsonld"),
        &mut bioschemas,
    );
    let mut biotools_json = Vec::new();
    collect(
        &dir.join("biotools"),
        &|name, _| name.ends_with(".biotools.json"),
        &mut biotools_json,
    );
    assert!(
        !typical.is_empty() && !bioschemas.is_empty(),
        "no records under {}",
        dir.display()
    );
    let (typical_times, typical_cpu) = per_record(&engine, &typical, rounds);
    let record_median = percentile(&typical_times, 0.5);
    let (small_times, _) = per_record(&engine, &bioschemas, rounds);
    let (rates, cpu_rates) = batch(&engine, &bioschemas, rounds);
    let best = rates[rates.len() - 1];
    let (json_rates, _) = batch(&engine, &biotools_json, rounds);

    row(
        "engine construction, all bundled profiles and vocabularies (native)",
        "≤ 20 ms",
        format!(
            "{:.1} ms wall, {build_cpu:.1} ms CPU: first `Engine::new()` {first:.1} ms + all {} \
             profiles' shapes parsed and compiled {profiles:.1} ms ({profiles_cpu:.1} ms CPU; the \
             engine does this lazily, per profile, for its first record); a later build \
             {later:.3} ms",
            first + profiles,
            fair_core::profiles::PROFILES
                .iter()
                .filter(|p| !p.shapes_turtle().is_empty())
                .count()
        ),
        first + profiles <= 20.0,
    );
    row(
        "one typical record (3–10 KB JSON-LD), all checks, median (native)",
        "≤ 0.5 ms",
        format!(
            "{record_median:.3} ms wall, {:.3} ms CPU (90th percentile {:.3} ms; the {} JSON-LD \
             / JSON records of 3–10 KB in the corpora that fairlint can read, median of {rounds} \
             runs each); bio.tools Bioschemas records (0.6–3 KB): {:.3} ms",
            percentile(&typical_cpu, 0.5),
            percentile(&typical_times, 0.9),
            typical_times.len(),
            percentile(&small_times, 0.5),
        ),
        record_median <= 0.5,
    );
    row(
        "batch, 2 threads, bio.tools corpus, in memory",
        "≥ 4,000 records/s",
        format!(
            "{best:.0} records/s best, {:.0} median ({} Bioschemas JSON-LD records, {rounds} \
             passes); at the CPU time they took, 2 idle cores: {:.0} records/s; bio.tools JSON \
             ({} records, crosswalked): {:.0} records/s best",
            percentile(&rates, 0.5),
            bioschemas.len(),
            cpu_rates[cpu_rates.len() - 1],
            biotools_json.len(),
            json_rates[json_rates.len() - 1],
        ),
        best >= 4000.0,
    );
}
