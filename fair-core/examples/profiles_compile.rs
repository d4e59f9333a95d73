//! A profiling aid for engine construction: compiles every bundled SHACL profile the way the
//! engine does for a profile's first record (`ShapeSet::build` of the profile's shapes source:
//! for a Bioschemas profile the Turtle generated from the embedded extract), ROUNDS times over
//! (default 1), and prints the CPU time of each pass and, on the last pass, of each profile (what
//! the first record that selects it pays, the engine compiling lazily). Run it under
//! `valgrind --tool=callgrind` for instruction counts, which the machine's load does not
//! change.
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    clippy::unwrap_used,
    clippy::expect_used
)]

#[path = "common/cpu.rs"]
mod cpu;

use fair_core::profiles::shacl::{profile_shapes_source, ShapeSet};

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .map_or(1, |r| r.parse().expect("usage: profiles_compile [ROUNDS]"));
    for round in 0..rounds {
        let c0 = cpu::thread_us();
        let mut compiled = 0;
        let mut each = Vec::new();
        for p in fair_core::profiles::PROFILES.iter() {
            let Some(source) = profile_shapes_source(p) else {
                continue;
            };
            let t0 = cpu::thread_us();
            std::hint::black_box(ShapeSet::build(&[source]).unwrap());
            each.push((p.id, (cpu::thread_us() - t0) / 1e3));
            compiled += 1;
        }
        if round + 1 == rounds {
            for (id, ms) in &each {
                println!("  {id}: {ms:.2} ms CPU");
            }
        }
        println!(
            "round {round}: {compiled} profiles compiled in {:.1} ms CPU",
            (cpu::thread_us() - c0) / 1e3
        );
    }
}
