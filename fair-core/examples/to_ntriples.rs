//! Writes the data graph fairlint reads from each input file as N-Triples (one `.nt` per input)
//! into an output directory, so other tools can be run on exactly the same triples.
//!
//! `to_ntriples OUT_DIR FILE...`
#![allow(clippy::print_stdout, clippy::print_stderr, clippy::unwrap_used)]

use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let out = std::path::Path::new(&args[1]);
    std::fs::create_dir_all(out).unwrap();
    let engine = fair_core::Engine::new().unwrap();
    let mut written = 0;
    for path in &args[2..] {
        let bytes = std::fs::read(path).unwrap();
        let doc = match engine.load(&bytes, None, Some(path)) {
            Ok(doc) => doc,
            Err(e) => {
                eprintln!("skipped {path}: {e}");
                continue;
            }
        };
        let name = std::path::Path::new(path)
            .file_name()
            .unwrap()
            .to_string_lossy();
        let mut file = std::fs::File::create(out.join(format!("{name}.nt"))).unwrap();
        let mut lines: Vec<String> = doc.graph().iter().map(|t| format!("{t} .\n")).collect();
        lines.sort();
        for line in lines {
            file.write_all(line.as_bytes()).unwrap();
        }
        written += 1;
    }
    println!("{written} files written to {}", out.display());
}
