//! Times the compilation of every bundled Bioschemas profile (Turtle parse + SHACL compile).
#![allow(clippy::unwrap_used, clippy::print_stdout)]
use std::time::Instant;
fn main() {
    for p in fair_core::profiles::PROFILES
        .iter()
        .filter(|p| !p.shapes.is_empty())
    {
        let t = Instant::now();
        let mut g = oxrdf::Graph::new();
        for tr in oxttl::TurtleParser::new().for_slice(p.shapes.as_bytes()) {
            g.insert(&tr.unwrap());
        }
        let parse = t.elapsed();
        let t = Instant::now();
        let _s = fair_core::shacl::Shapes::from_graph(&g).unwrap();
        println!(
            "{:40} parse {:?} compile {:?} ({} triples)",
            p.id,
            parse,
            t.elapsed(),
            g.len()
        );
    }
    let t = Instant::now();
    let _ = fair_core::Engine::new().unwrap();
    println!("engine (first) {:?}", t.elapsed());
    let t = Instant::now();
    let _ = fair_core::Engine::new().unwrap();
    println!("engine (second) {:?}", t.elapsed());
}
