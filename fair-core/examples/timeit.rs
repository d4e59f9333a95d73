//! Times parse + validate of one file (a development aid; the benchmarks live in benches/).
#![allow(clippy::print_stdout, clippy::unwrap_used)]
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let engine = fair_core::Engine::new().unwrap();
    let n = 200;
    let start = std::time::Instant::now();
    for _ in 0..n {
        engine.check(&bytes, None, Some(&path)).unwrap();
    }
    println!(
        "{:.3} ms per record",
        start.elapsed().as_secs_f64() * 1000.0 / n as f64
    );
}
