//! Embeds the bundled profiles' shapes (`shapes/{bioschemas,dcat-ap,codemeta}/*.ttl`) without
//! their full-line comments: the comments document the files for people (provenance, what each
//! shape follows) and are about a sixth of their size, which the WebAssembly package would
//! otherwise carry. Nothing else changes: a line is dropped only when its first non-blank
//! character is `#` and it is not inside a `"""` string, and a test
//! (`profiles::tests::embedded_shapes_are_the_files_without_comments`) checks that every
//! embedded file gives the same graph as the file itself.

use std::path::Path;

const DIRS: &[&str] = &["bioschemas", "dcat-ap", "codemeta"];

fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_long_string = false;
    for line in text.split_inclusive('\n') {
        if !in_long_string && line.trim_start().starts_with('#') {
            continue;
        }
        if line.matches("\"\"\"").count() % 2 == 1 {
            in_long_string = !in_long_string;
        }
        out.push_str(line);
    }
    out
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let shapes = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shapes");
    let out = Path::new(&std::env::var("OUT_DIR")?).join("shapes");
    for dir in DIRS {
        let from = shapes.join(dir);
        println!("cargo:rerun-if-changed={}", from.display());
        std::fs::create_dir_all(out.join(dir))?;
        for entry in std::fs::read_dir(&from)? {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e == "ttl") {
                let text = std::fs::read_to_string(&path)?;
                let name = path.file_name().ok_or("shapes file without a name")?;
                std::fs::write(out.join(dir).join(name), strip_comments(&text))?;
            }
        }
    }
    Ok(())
}
