//! Times the SHACL engine on N-Triples files and prints its results as JSON, for
//! `bench/pyshacl_compare.py` (which runs pySHACL on the very same files and shapes).
//!
//! `shacl_bench SHAPES.ttl DIR [ROUNDS]` → JSON on stdout:
//! `{"build_ms": .., "per_record_us": [median over rounds per record...], "results": [...]}`.
#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]

use fair_core::shacl::Shapes;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let shapes_text = std::fs::read_to_string(&args[1]).unwrap();
    let rounds: usize = args.get(3).map_or(5, |r| r.parse().unwrap());
    let mut files: Vec<_> = std::fs::read_dir(&args[2])
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "nt"))
        .collect();
    files.sort();

    let mut builds = Vec::new();
    let mut shapes = None;
    for _ in 0..rounds {
        let start = Instant::now();
        shapes = Some(Shapes::parse_turtle(&shapes_text, None).unwrap());
        builds.push(start.elapsed().as_secs_f64() * 1e3);
    }
    let shapes = shapes.unwrap();
    builds.sort_by(f64::total_cmp);

    let mut times = Vec::new();
    let mut results = Vec::new();
    for file in &files {
        let bytes = std::fs::read(file).unwrap();
        let mut per = Vec::new();
        let mut last = None;
        for _ in 0..rounds {
            // End to end: parse the N-Triples and validate, as pySHACL does.
            let start = Instant::now();
            let doc = fair_core::Document::parse(&bytes, fair_core::Format::NTriples).unwrap();
            let report = shapes.validate(doc.graph());
            per.push(start.elapsed().as_secs_f64() * 1e6);
            last = Some(report);
        }
        per.sort_by(f64::total_cmp);
        times.push(per[per.len() / 2]);
        for r in last.unwrap().results {
            results.push(serde_json::json!([
                file.file_name().unwrap().to_string_lossy(),
                r.focus_node.to_string(),
                r.path.map(|p| p.to_sparql()),
                r.source_constraint_component.as_str(),
                r.value.map(|v| v.to_string()),
            ]));
        }
    }
    println!(
        "{}",
        serde_json::json!({
            "build_ms": builds[builds.len() / 2],
            "per_record_us": times,
            "results": results,
        })
    );
}
