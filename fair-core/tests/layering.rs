//! The workspace's layers import one way (docs/architecture.md, "Layers"). Each library crate
//! may depend only on the workspace crates listed for it here; a dependency that runs back up
//! (or sideways into a face) fails this test, naming the crate and the manifest line.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

/// (crate directory, the workspace crates it may depend on, dev-dependencies included).
const LAYERS: &[(&str, &[&str])] = &[
    ("crates/fair-graph", &[]),
    ("crates/fair-model", &[]),
    ("crates/fair-refdata", &["fair-model"]),
    (
        "crates/fair-ingest",
        &["fair-graph", "fair-model", "fair-refdata"],
    ),
    (
        "crates/fair-rules",
        &[
            "fair-graph",
            "fair-model",
            "fair-refdata",
            "fair-ingest",
            "fair-shacl",
        ],
    ),
    ("crates/fair-shacl", &["fair-graph"]),
    (
        "fair-core",
        &[
            "fair-graph",
            "fair-model",
            "fair-refdata",
            "fair-ingest",
            "fair-rules",
            "fair-shacl",
        ],
    ),
    ("crates/fair-online", &["fair-core"]),
    ("fair-cli", &["fair-core", "fair-online"]),
    ("bindings-python", &["fair-core", "fair-online"]),
    ("bindings-wasm", &["fair-core"]),
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The workspace's crate names, from each member's `[package] name`.
fn workspace_crates() -> Vec<String> {
    LAYERS
        .iter()
        .map(|(dir, _)| {
            package_name(&std::fs::read_to_string(root().join(dir).join("Cargo.toml")).unwrap())
        })
        .collect()
}

fn package_name(manifest: &str) -> String {
    let mut in_package = false;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            in_package = line == "[package]";
        } else if in_package {
            if let Some(v) = line.strip_prefix("name") {
                return v
                    .trim_start()
                    .trim_start_matches('=')
                    .trim()
                    .trim_matches('"')
                    .to_owned();
            }
        }
    }
    panic!("no [package] name in manifest");
}

/// Every (dependency name, line) of every dependency table (`[dependencies]`,
/// `[dev-dependencies]`, `[build-dependencies]`, target-specific ones, `[dependencies.x]`).
fn dependencies(manifest: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut in_deps = false;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            let header = line.trim_matches(|c| c == '[' || c == ']');
            in_deps = false;
            for table in ["dependencies", "dev-dependencies", "build-dependencies"] {
                if header == table || header.ends_with(&format!(".{table}")) {
                    in_deps = true;
                } else if let Some(name) = header.strip_prefix(&format!("{table}.")) {
                    out.push((name.to_owned(), line.to_owned()));
                }
            }
        } else if in_deps && !line.is_empty() && !line.starts_with('#') {
            let name = line.split(['=', '.']).next().unwrap().trim();
            out.push((name.to_owned(), line.to_owned()));
        }
    }
    out
}

#[test]
fn imports_run_one_way() {
    let members = workspace_crates();
    assert!(members.contains(&"fair-shacl".to_owned()));
    let mut wrong = Vec::new();
    for (dir, allowed) in LAYERS {
        let manifest = std::fs::read_to_string(root().join(dir).join("Cargo.toml")).unwrap();
        for (dep, line) in dependencies(&manifest) {
            if members.contains(&dep) && !allowed.contains(&dep.as_str()) {
                wrong.push(format!(
                    "{dir}/Cargo.toml: `{line}` ({dep} is not below {dir})"
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "dependencies against the layering:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn every_workspace_member_has_a_layer() {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let members = manifest
        .lines()
        .find(|l| l.trim_start().starts_with("members"))
        .expect("workspace members");
    for member in members.split('"').skip(1).step_by(2) {
        assert!(
            LAYERS.iter().any(|(dir, _)| *dir == member),
            "workspace member {member} is missing from LAYERS in tests/layering.rs"
        );
    }
}

#[test]
fn the_parser_sees_every_kind_of_table() {
    let deps = dependencies(
        "[package]\nname = \"x\"\n[dependencies]\na.workspace = true\nb = \"1\"\n\
         [dev-dependencies]\nc = { path = \"..\" }\n[target.'cfg(unix)'.dependencies]\nd = \"1\"\n\
         [dependencies.e]\nversion = \"1\"\n[features]\nf = []\n",
    );
    let names: Vec<&str> = deps.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["a", "b", "c", "d", "e"]);
}

/// fair-model cannot name fair-shacl, so the default SPARQL step budget is written in both:
/// they must agree.
#[test]
fn the_model_default_sparql_budget_is_the_engines() {
    assert_eq!(
        fair_core::Limits::default().max_sparql_steps,
        fair_core::shacl::DEFAULT_MAX_SPARQL_STEPS
    );
}
