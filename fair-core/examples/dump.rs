//! Parses a file and prints its triples and the located nodes (a development aid).
#![allow(clippy::print_stdout, clippy::unwrap_used)]
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    use fair_core::DetectFormat;
    let (format, _) = fair_core::Format::detect(None, None, Some(&path), &bytes).unwrap();
    match fair_core::Document::parse(&bytes, format) {
        Ok(doc) => {
            for t in doc.graph() {
                let loc = doc.locate(&t.subject.to_string(), Some(t.predicate.as_str()));
                println!(
                    "{t}    @ {}",
                    loc.map(|l| l.to_string()).unwrap_or_default()
                );
            }
            println!("{:?}", doc.info());
        }
        Err(e) => println!("error [{}]: {e}", e.code()),
    }
}
