//! Times the compilation of every bundled SHACL profile: for a generated Bioschemas profile the
//! Turtle written from the embedded extract, then Turtle parse and SHACL compile.
#![allow(clippy::unwrap_used, clippy::print_stdout)]
use std::time::Instant;
fn main() {
    for p in fair_core::profiles::PROFILES.iter() {
        let t = Instant::now();
        let text = p.shapes_turtle();
        let generate = t.elapsed();
        if text.is_empty() {
            continue;
        }
        let t = Instant::now();
        let mut g = fair_graph::Graph::new();
        for tr in oxttl::TurtleParser::new().for_slice(text.as_bytes()) {
            g.insert(&tr.unwrap());
        }
        let parse = t.elapsed();
        let t = Instant::now();
        let _s = fair_core::shacl::Shapes::from_graph(&g).unwrap();
        println!(
            "{:40} generate {:?} parse {:?} compile {:?} ({} triples)",
            p.id,
            generate,
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
