//! Embeds the bundled profiles' shapes (`shapes/{dcat-ap,codemeta}/*.ttl`) without
//! their full-line comments: the comments document the files for people (provenance, what each
//! shape follows) and are about a sixth of their size, which the WebAssembly package would
//! otherwise carry. Nothing else changes: a line is dropped only when its first non-blank
//! character is `#` and it is not inside a `"""` string, and a test
//! (`profiles::tests::embedded_shapes_are_the_files_without_comments`) checks that every
//! embedded file gives the same graph as the file itself.

use std::path::Path;

// The Bioschemas shapes are not embedded: they are generated at run time from
// shapes/bioschemas/profiles.json (src/profiles/bioschemas.rs).
const DIRS: &[&str] = &["dcat-ap", "codemeta"];

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
    bioschemas_extract(
        &shapes.join("bioschemas/profiles.json"),
        &Path::new(&std::env::var("OUT_DIR")?).join("bioschemas-profiles.json"),
    )?;
    upstream_rocrate(
        &shapes,
        &Path::new(&std::env::var("OUT_DIR")?).join("rocrate_upstream.rs"),
    )?;
    Ok(())
}

/// The Bioschemas extract as `src/profiles/bioschemas.rs` embeds it: its `profiles` array
/// only, without whitespace (the provenance, with a sha256 per input file, stays in the
/// committed file and the generated `.ttl` headers, out of the WebAssembly package).
fn bioschemas_extract(from: &Path, to: &Path) -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo:rerun-if-changed={}", from.display());
    let full: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(from)?)?;
    let profiles = full
        .get("profiles")
        .ok_or("shapes/bioschemas/profiles.json has no profiles")?;
    std::fs::write(to, serde_json::to_string(profiles)?)?;
    Ok(())
}

/// rocrate-validator's profiles (`shapes/rocrate-validator/profiles/<profile>/{must,should,may}/
/// *.ttl` and `<profile>/ontology.ttl`), without full-line comments, as a generated table
/// `UPSTREAM_FILES: &[UpstreamFile]` sorted by path. Empty when the `rocrate-validator`
/// feature is off (the WebAssembly package, see docs/architecture.md).
fn upstream_rocrate(shapes: &Path, table: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let root = shapes.join("rocrate-validator/profiles");
    println!("cargo:rerun-if-changed={}", root.display());
    let out = Path::new(&std::env::var("OUT_DIR")?).join("shapes/rocrate-validator");
    let mut files = Vec::new();
    if std::env::var_os("CARGO_FEATURE_ROCRATE_VALIDATOR").is_some() {
        if !root.is_dir() {
            return Err(format!(
                "{} is missing: run `bash scripts/import-rocrate-profiles.sh` (fetches the pinned \
                 roc-validator wheel from PyPI), or build without the `rocrate-validator` feature",
                root.display()
            )
            .into());
        }
        collect(&root, &root, &mut files)?;
    }
    files.sort();
    let mut code = String::from("pub(crate) static UPSTREAM_FILES: &[UpstreamFile] = &[\n");
    for rel in &files {
        let text = std::fs::read_to_string(root.join(rel))?;
        let dst = out.join(rel);
        std::fs::create_dir_all(dst.parent().ok_or("no parent")?)?;
        std::fs::write(&dst, strip_comments(&text))?;
        code.push_str(&format!(
            "    UpstreamFile {{ path: {rel:?}, text: include_str!({:?}) }},\n",
            dst.display().to_string()
        ));
    }
    code.push_str("];\n");
    std::fs::write(table, code)?;
    Ok(())
}

fn collect(
    root: &Path,
    dir: &Path,
    files: &mut Vec<String>,
) -> Result<(), Box<dyn std::error::Error>> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(root, &path, files)?;
        } else if path.extension().is_some_and(|e| e == "ttl")
            && path.file_name().is_some_and(|n| n != "profile.ttl")
        {
            let rel = path
                .strip_prefix(root)?
                .to_string_lossy()
                .replace('\\', "/");
            files.push(rel);
        }
    }
    Ok(())
}
