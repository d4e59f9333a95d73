//! A profiling aid for engine construction: compiles every bundled SHACL profile the way the
//! engine does for a profile's first record (`ShapeSet::build` of the profile's shapes source:
//! for a Bioschemas profile the Turtle generated from the embedded extract), ROUNDS times over
//! (default 1), and prints the CPU time of each pass. Run it under
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
        for p in fair_core::profiles::PROFILES.iter() {
            let Some(source) = profile_shapes_source(p) else {
                continue;
            };
            std::hint::black_box(ShapeSet::build(&[source]).unwrap());
            compiled += 1;
        }
        println!(
            "round {round}: {compiled} profiles compiled in {:.1} ms CPU",
            (cpu::thread_us() - c0) / 1e3
        );
    }
}
