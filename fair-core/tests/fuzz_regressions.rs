//! Fuzz regression inputs: every file in `fuzz/regressions/<target>/` goes through the same
//! entry point as the cargo-fuzz target of that name (`fuzz/fuzz_targets/<target>.rs`) and must
//! end in `Ok` or a typed error: no panic, no stack overflow, no hang (60 s per input).
//!
//! Add a crash input found by fuzzing as `fuzz/regressions/<target>/<short-name>` (small files
//! only), fix the bug, and this test keeps it fixed. An unknown target directory fails the
//! test, so an input cannot be skipped silently.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fair_core::{Engine, Format};
use std::path::{Path, PathBuf};
use std::sync::{mpsc, OnceLock};
use std::time::Duration;

/// The record the `shapes` target validates with a fuzzed shapes graph.
const SHAPES_RECORD: &[u8] = b"@prefix schema: <http://schema.org/> .\n<https://example.org/x> a schema:Dataset ; schema:name \"x\" .\n";

fn default_engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new().expect("default engine builds"))
}

/// Runs one input through `target`'s entry point; `Err` names an unknown target.
fn run_target(target: &str, data: &[u8]) -> Result<(), String> {
    if let Some(format) = target.strip_prefix("parse_") {
        let format =
            Format::from_name(format).ok_or_else(|| format!("unknown fuzz target {target}"))?;
        let _ = fair_core::Document::parse(data, format);
        return Ok(());
    }
    match target {
        "shapes" => {
            let built = Engine::builder()
                .profile("core")
                .shapes("fuzz.ttl", data.to_vec(), Format::Turtle)
                .build();
            if let Ok(engine) = built {
                let _ = engine.check(SHAPES_RECORD, Some(Format::Turtle), None);
            }
        }
        "validate" => {
            if let Ok(report) = default_engine().check(data, None, None) {
                let _ = fair_core::render::json(&report);
                let _ = fair_core::render::text(&report);
            }
        }
        _ => return Err(format!("unknown fuzz target {target}")),
    }
    Ok(())
}

fn regressions_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/regressions")
}

fn inputs() -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for dir in std::fs::read_dir(regressions_dir()).expect("fuzz/regressions exists") {
        let dir = dir.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        let target = dir.file_name().unwrap().to_string_lossy().into_owned();
        for file in std::fs::read_dir(&dir).unwrap() {
            let file = file.unwrap().path();
            if file.is_file() && file.file_name().is_some_and(|n| n != "README.md") {
                out.push((target.clone(), file));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_regression_input_ends_in_ok_or_a_typed_error() {
    let inputs = inputs();
    assert!(!inputs.is_empty(), "no inputs under fuzz/regressions");
    let mut failures = Vec::new();
    for (target, path) in &inputs {
        let data = std::fs::read(path).unwrap();
        let (tx, rx) = mpsc::channel();
        let target_name = target.clone();
        let handle = std::thread::Builder::new()
            .stack_size(2 * 1024 * 1024)
            .spawn(move || {
                let _ = tx.send(run_target(&target_name, &data));
            })
            .unwrap();
        match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(Ok(())) => {
                let _ = handle.join();
            }
            Ok(Err(message)) => failures.push(format!("{}: {message}", path.display())),
            Err(mpsc::RecvTimeoutError::Timeout) => {
                failures.push(format!("{}: no result within 60 s", path.display()))
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                failures.push(format!("{}: panicked", path.display()))
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} regression inputs failed:\n{}",
        failures.len(),
        inputs.len(),
        failures.join("\n")
    );
    eprintln!(
        "fuzz regressions: {} inputs, all Ok or typed errors",
        inputs.len()
    );
}

#[test]
fn every_regression_directory_names_a_fuzz_target() {
    let targets =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/Cargo.toml"))
            .unwrap();
    for dir in std::fs::read_dir(regressions_dir()).unwrap() {
        let dir = dir.unwrap().path();
        if dir.is_dir() {
            let name = dir.file_name().unwrap().to_string_lossy().into_owned();
            assert!(
                targets.contains(&format!("name = \"{name}\"")),
                "fuzz/regressions/{name} is not a target in fuzz/Cargo.toml"
            );
            assert!(run_target(&name, b"").is_ok(), "{name}");
        }
    }
}
