//! Criterion benchmarks of the public API, in two groups that are never mixed:
//! - `build/<what>`: engine construction (bundled profile; with the ComputationalTool shapes);
//! - `validate/<corpus>/<engine>`: parse + validate of every record of a corpus (per-record
//!   time = reported time / records; throughput is reported in records/s);
//! - `validate/size/<small|typical|large>`: all checks on one record: the smallest JSON-LD / JSON
//!   record of the corpora that fairlint can check, the one closest to 5 KB, and the largest
//!   (throughput in bytes/s);
//! - `fingerprint/<record>`: the graph fingerprint (RDFC-1.0 + SHA-256) of a parsed record
//!   alone (`only`), and parse + validate with it (`validate`) and without it (`validate-off`,
//!   `max_fingerprint_triples: 0`), on the typical record above (or the fingerprint test
//!   vector) and on a generated 100,000-triple graph (the default `max_fingerprint_triples`),
//!   every tenth triple's object a blank node.
//!
//! The corpus is the bio.tools Bioschemas JSON-LD records: `$FAIRLINT_CORPUS` or
//! `../shared/corpora/biotools` beside the repository. Without it, the JSON-LD test vectors are
//! used instead (and the group is named `validate/test-vectors`), so the benchmark always runs.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use fair_core::{Engine, Format, Limits};
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

fn fingerprint(c: &mut Criterion) {
    let engine = Engine::new().unwrap();
    let mut off_limits = Limits::default();
    off_limits.max_fingerprint_triples = 0;
    let off = Engine::builder().limits(off_limits).build().unwrap();
    let mut records: Vec<(String, String, Vec<u8>)> = sized_records(&engine)
        .into_iter()
        .filter(|(label, _, _)| *label == "typical")
        .map(|(_, path, bytes)| (format!("typical ({} B)", bytes.len()), path, bytes))
        .collect();
    if records.is_empty() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../test-vectors/cases/fingerprint/record.jsonld")
            .display()
            .to_string();
        let bytes = std::fs::read(&path).unwrap();
        records.push(("test-vector record.jsonld".to_owned(), path, bytes));
    }
    let mut large = String::new();
    for i in 0..10_000 {
        for p in 0..9 {
            large.push_str(&format!(
                "<https://example.org/r/{i}> <https://example.org/p{p}> \"value {i} {p}\" .\n"
            ));
        }
        large.push_str(&format!(
            "<https://example.org/r/{i}> <https://example.org/part> _:n{i} .\n"
        ));
    }
    let mut group = c.benchmark_group("fingerprint");
    group.sample_size(10);
    for (label, path, bytes) in &records {
        let doc = engine.load(bytes, None, Some(path)).unwrap();
        let limits = engine.config().limits;
        println!(
            "{label}: {} triples, {}",
            doc.info().triples,
            fair_core::fingerprint(&doc, &limits).unwrap()
        );
        group.bench_function(format!("{label}/only"), |b| {
            b.iter(|| std::hint::black_box(fair_core::fingerprint(&doc, &limits).unwrap()))
        });
        group.bench_function(format!("{label}/validate"), |b| {
            b.iter(|| std::hint::black_box(engine.check(bytes, None, Some(path)).unwrap()))
        });
        group.bench_function(format!("{label}/validate-off"), |b| {
            b.iter(|| std::hint::black_box(off.check(bytes, None, Some(path)).unwrap()))
        });
    }
    let doc = engine
        .load(large.as_bytes(), Some(Format::NTriples), None)
        .unwrap();
    assert_eq!(doc.info().triples, 100_000);
    let limits = engine.config().limits;
    group.bench_function("100000-triples/only", |b| {
        b.iter(|| std::hint::black_box(fair_core::fingerprint(&doc, &limits).unwrap()))
    });
    group.finish();
}

criterion_group!(benches, build, validate, sizes, fingerprint);
criterion_main!(benches);
