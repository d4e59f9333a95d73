//! Measures engine construction with all bundled vocabularies: the first build in a process
//! (which indexes the embedded reference data) and later builds.
//!
//! `cargo run --release -p fair-core --example vocab_build_time`
#![allow(clippy::unwrap_used, clippy::print_stdout)]

use std::time::Instant;

fn main() {
    let start = Instant::now();
    let engine = fair_core::Engine::new().unwrap();
    let cold = start.elapsed();
    let n = 200;
    let start = Instant::now();
    for _ in 0..n {
        let _ = fair_core::Engine::new().unwrap();
    }
    let warm = start.elapsed() / n;
    println!("engine build, first in process (indexes all vocabularies): {cold:?}");
    println!("engine build, later: {warm:?}");
    for r in engine.resources() {
        println!("  {} {} ({})", r.name, r.version, r.source);
    }
}
