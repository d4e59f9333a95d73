//! Criterion benchmarks of the public API, in two groups that are never mixed:
//! - `build/<what>`: engine construction (bundled profile; with the ComputationalTool shapes);
//! - `validate/<corpus>/<engine>`: parse + validate of every record of a corpus (per-record
//!   time = reported time / records; throughput is reported in records/s);
//! - `validate/size/<small|typical|large>`: all checks on one record: the smallest JSON-LD / JSON
//!   record of the corpora that fairlint can check, the one closest to 5 KB, and the largest
//!   (throughput in bytes/s).
//!
//! The corpus is the bio.tools Bioschemas JSON-LD records: `$FAIRLINT_CORPUS` or
//! `../shared/corpora/biotools` beside the repository. Without it, the JSON-LD test vectors are
//! used instead (and the group is named `validate/test-vectors`), so the benchmark always runs.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use fair_core::{Engine, Format};
use std::path::{Path, PathBuf};

const SHAPES: &str = include_str!("shapes/computational-tool.ttl");

fn collect(dir: &Path, suffix: &str, out: &mut Vec<(String, Vec<u8>)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, suffix, out);
        } else if path.to_string_lossy().ends_with(suffix) {
            out.push((path.display().to_string(), std::fs::read(&path).unwrap()));
        }
    }
}

fn corpus() -> (&'static str, Vec<(String, Vec<u8>)>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let dir = std::env::var_os("FAIRLINT_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/corpora/biotools"));
    let mut records = Vec::new();
    collect(&dir, ".bioschemas.jsonld", &mut records);
    if !records.is_empty() {
        return ("biotools", records);
    }
    collect(&root.join("test-vectors/cases/jsonld"), "", &mut records);
    ("test-vectors", records)
}

fn shapes_engine() -> Engine {
    Engine::builder()
        .shapes("computational-tool.ttl", SHAPES, Format::Turtle)
        .build()
        .unwrap()
}

fn build(c: &mut Criterion) {
    let mut group = c.benchmark_group("build");
    group.bench_function("core", |b| b.iter(|| Engine::new().unwrap()));
    group.bench_function("computational-tool-shapes", |b| b.iter(shapes_engine));
    group.finish();
}

fn validate(c: &mut Criterion) {
    let (name, records) = corpus();
    let mut group = c.benchmark_group(format!("validate/{name}"));
    group.throughput(Throughput::Elements(records.len() as u64));
    group.sample_size(20);
    for (engine_name, engine) in [
        ("core", Engine::new().unwrap()),
        ("computational-tool-shapes", shapes_engine()),
    ] {
        group.bench_function(engine_name, |b| {
            b.iter(|| {
                for (path, bytes) in &records {
                    let report = engine.check(bytes, None, Some(path)).unwrap();
                    std::hint::black_box(report);
                }
            })
        });
    }
    group.finish();
}

/// The smallest, closest-to-5-KB and largest JSON-LD / JSON records under `../shared/corpora`
/// (or `$FAIRLINT_CORPORA`) that the default engine can check.
fn sized_records(engine: &Engine) -> Vec<(&'static str, String, Vec<u8>)> {
    let root = std::env::var_os("FAIRLINT_CORPORA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpora"));
    let mut all = Vec::new();
    collect(&root, ".jsonld", &mut all);
    collect(&root, ".json", &mut all);
    all.retain(|(path, bytes)| engine.check(bytes, None, Some(path)).is_ok());
    if all.is_empty() {
        return Vec::new();
    }
    all.sort_by_key(|(_, bytes)| bytes.len());
    let typical = all
        .iter()
        .min_by_key(|(_, bytes)| bytes.len().abs_diff(5 * 1024))
        .unwrap()
        .clone();
    let small = all.first().unwrap().clone();
    let large = all.last().unwrap().clone();
    vec![
        ("small", small.0, small.1),
        ("typical", typical.0, typical.1),
        ("large", large.0, large.1),
    ]
}

fn sizes(c: &mut Criterion) {
    let engine = Engine::new().unwrap();
    let mut group = c.benchmark_group("validate/size");
    for (label, path, bytes) in sized_records(&engine) {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(format!("{label} ({} B)", bytes.len()), |b| {
            b.iter(|| std::hint::black_box(engine.check(&bytes, None, Some(&path)).unwrap()))
        });
    }
    group.finish();
}

criterion_group!(benches, build, validate, sizes);
criterion_main!(benches);
