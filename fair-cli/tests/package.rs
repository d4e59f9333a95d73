//! RO-Crate packages end to end: crate directories and zips (the descriptor found, the payload
//! checked: A130), and the zip bounds (zip slip, entry count, compression ratio).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use serde_json::Value;
use std::io::Write;
use std::path::Path;
use zip::write::SimpleFileOptions;

fn fairlint() -> Command {
    Command::cargo_bin("fairlint").unwrap()
}

/// An RO-Crate 1.1 descriptor with no finding when its payload holds `parts` (the `@id`s as
/// written): `hasPart` lists them, each a File, or a Dataset when it ends in `/`.
fn descriptor(parts: &[&str]) -> String {
    let mut graph = vec![
        serde_json::json!({"@id": "ro-crate-metadata.json", "@type": "CreativeWork",
            "conformsTo": {"@id": "https://w3id.org/ro/crate/1.1"}, "about": {"@id": "./"}}),
        serde_json::json!({"@id": "./", "@type": "Dataset", "name": "Sample crate",
            "description": "A crate for tests", "datePublished": "2024-05-31",
            "license": {"@id": "https://spdx.org/licenses/MIT"},
            "author": {"@id": "https://orcid.org/0000-0002-1825-0097"},
            "hasPart": parts.iter().map(|p| serde_json::json!({"@id": p})).collect::<Vec<_>>()}),
        serde_json::json!({"@id": "https://spdx.org/licenses/MIT", "@type": "CreativeWork",
            "name": "MIT License", "description": "A permissive licence"}),
        serde_json::json!({"@id": "https://orcid.org/0000-0002-1825-0097", "@type": "Person",
            "name": "Josiah Carberry"}),
    ];
    for p in parts {
        let kind = if p.ends_with('/') { "Dataset" } else { "File" };
        graph.push(serde_json::json!({"@id": p, "@type": kind, "name": p}));
    }
    serde_json::to_string_pretty(&serde_json::json!({
        "@context": "https://w3id.org/ro/crate/1.1/context",
        "@graph": graph,
    }))
    .unwrap()
}

const PARTS: &[&str] = &["data.csv", "my%20file.txt", "results/", "results/table.tsv"];

/// A crate directory in `dir`: the descriptor of [`PARTS`] plus the payload `files`
/// (directories end in `/`).
fn crate_dir(dir: &Path, files: &[&str]) {
    std::fs::write(dir.join("ro-crate-metadata.json"), descriptor(PARTS)).unwrap();
    for f in files {
        let path = dir.join(f);
        if f.ends_with('/') {
            std::fs::create_dir_all(path).unwrap();
        } else {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x\n").unwrap();
        }
    }
}

/// A zip at `path` of `(name, bytes)` entries (names ending in `/` are directories), deflated.
fn zip_file(path: &Path, entries: &[(&str, &[u8])]) {
    let mut w = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        if let Some(dir) = name.strip_suffix('/') {
            w.add_directory(dir, options).unwrap();
        } else {
            w.start_file(*name, options).unwrap();
            w.write_all(bytes).unwrap();
        }
    }
    w.finish().unwrap();
}

/// `fairlint check -f json` of `args`: the exit code and the JSON output.
fn check(args: &[&Path]) -> (i32, Value) {
    let out = fairlint()
        .args(["check", "-f", "json", "--no-progress"])
        .args(args)
        .output()
        .unwrap();
    let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code().unwrap(), json)
}

/// The A130 findings of a report: (focus node, JSON pointer).
fn missing(report: &Value) -> Vec<(String, String)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "A130")
        .map(|f| {
            assert_eq!(f["severity"], "error");
            (
                f["focus_node"].as_str().unwrap().to_owned(),
                f["location"]["pointer"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

const ALL: &[&str] = &["data.csv", "my file.txt", "results/table.tsv"];

#[test]
fn crate_directory_with_its_payload_has_no_finding() {
    let dir = tempfile::tempdir().unwrap();
    crate_dir(dir.path(), ALL);
    let (code, report) = check(&[dir.path()]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["findings"], serde_json::json!([]), "{report:#}");
    assert_eq!(report["profile"]["id"], "ro-crate-1.1");
    let name = dir.path().join("ro-crate-metadata.json");
    assert_eq!(report["input"], name.display().to_string());
}

#[test]
fn crate_directory_missing_files_are_findings_at_their_id() {
    let dir = tempfile::tempdir().unwrap();
    // No "my file.txt", and results/ only as an empty directory: both present then, except the
    // table inside.
    crate_dir(dir.path(), &["data.csv", "results/"]);
    let (code, report) = check(&[dir.path()]);
    assert_eq!(code, 1, "{report:#}");
    // @graph: descriptor, root, licence, author, then PARTS in order (4, 5, 6, 7).
    assert_eq!(
        missing(&report),
        [
            (
                format!("<{}my%20file.txt>", root_iri(dir.path())),
                "/@graph/5/@id".to_owned()
            ),
            (
                format!("<{}results/table.tsv>", root_iri(dir.path())),
                "/@graph/7/@id".to_owned()
            ),
        ]
    );
    let message = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "A130")
        .unwrap()["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(message.contains("'my file.txt'"), "{message}");
}

#[test]
fn directory_data_entity_must_be_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    // "results" is a file, not the directory results/ the Dataset names.
    crate_dir(dir.path(), &["data.csv", "my file.txt", "results"]);
    std::fs::write(
        dir.path().join("ro-crate-metadata.json"),
        descriptor(&["data.csv", "my%20file.txt", "results/"]),
    )
    .unwrap();
    let (_, report) = check(&[dir.path()]);
    assert_eq!(
        missing(&report),
        [(
            format!("<{}results/>", root_iri(dir.path())),
            "/@graph/6/@id".to_owned()
        )]
    );
}

#[test]
fn bare_descriptor_has_no_payload_check() {
    let dir = tempfile::tempdir().unwrap();
    crate_dir(dir.path(), &[]);
    let (code, report) = check(&[&dir.path().join("ro-crate-metadata.json")]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["findings"], serde_json::json!([]));
}

#[test]
fn legacy_descriptor_name_in_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    crate_dir(dir.path(), &["data.csv"]);
    std::fs::rename(
        dir.path().join("ro-crate-metadata.json"),
        dir.path().join("ro-crate-metadata.jsonld"),
    )
    .unwrap();
    let (_, report) = check(&[dir.path()]);
    let name = dir.path().join("ro-crate-metadata.jsonld");
    assert_eq!(report["input"], name.display().to_string());
    // my file.txt, results/ and results/table.tsv.
    assert_eq!(missing(&report).len(), 3, "{report:#}");
}

#[test]
fn zip_crate_at_the_root_or_in_one_folder() {
    let dir = tempfile::tempdir().unwrap();
    let desc = descriptor(PARTS);
    let root = dir.path().join("root.zip");
    zip_file(
        &root,
        &[
            ("ro-crate-metadata.json", desc.as_bytes()),
            ("data.csv", b"a,b\n"),
            ("my file.txt", b"x"),
            // No directory entry for results/: the file implies it.
            ("results/table.tsv", b"x"),
        ],
    );
    let (code, report) = check(&[&root]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["findings"], serde_json::json!([]), "{report:#}");
    assert_eq!(
        report["input"],
        format!("{}!/ro-crate-metadata.json", root.display())
    );

    let nested = dir.path().join("nested.zip");
    zip_file(
        &nested,
        &[
            ("crate/", b""),
            ("crate/ro-crate-metadata.json", desc.as_bytes()),
            ("crate/data.csv", b"a,b\n"),
            ("crate/results/", b""),
        ],
    );
    let (code, report) = check(&[&nested]);
    assert_eq!(code, 1, "{report:#}");
    assert_eq!(
        report["input"],
        format!("{}!/crate/ro-crate-metadata.json", nested.display())
    );
    assert_eq!(
        missing(&report),
        [
            (
                format!("<{}my%20file.txt>", root_iri(&nested)),
                "/@graph/5/@id".to_owned()
            ),
            (
                format!("<{}results/table.tsv>", root_iri(&nested)),
                "/@graph/7/@id".to_owned()
            ),
        ]
    );
}

/// `fairlint check` of several inputs, the refused zip among them: (exit code, its JSON
/// failure, how many reports the batch gave).
fn refused(zip: &Path) -> (i32, Value, usize) {
    let dir = zip.parent().unwrap();
    let good = dir.join("good");
    std::fs::create_dir(&good).unwrap();
    crate_dir(&good, ALL);
    let (code, out) = check(&[zip, &good]);
    let items = out.as_array().unwrap();
    let reports = items.iter().filter(|i| i.get("findings").is_some()).count();
    (code, items[0].clone(), reports)
}

#[test]
fn zip_slip_is_refused_and_the_batch_carries_on() {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("slip.zip");
    let desc = descriptor(&[]);
    zip_file(
        &zip,
        &[
            ("ro-crate-metadata.json", desc.as_bytes()),
            ("../outside.txt", b"x"),
        ],
    );
    let (code, failure, reports) = refused(&zip);
    assert_eq!(code, 2);
    assert_eq!(reports, 1);
    assert_eq!(failure["error"]["code"], "package_error", "{failure:#}");
    assert_eq!(failure["input"], zip.display().to_string());
    let message = failure["error"]["message"].as_str().unwrap();
    assert!(message.contains("'../outside.txt'"), "{message}");

    let abs = dir.path().join("abs.zip");
    zip_file(
        &abs,
        &[
            ("ro-crate-metadata.json", desc.as_bytes()),
            ("/etc/x", b"x"),
        ],
    );
    let (code, report) = check(&[&abs]);
    assert_eq!(code, 2);
    assert!(report["error"]["message"]
        .as_str()
        .unwrap()
        .contains("'/etc/x' has an absolute path"));
}

#[test]
fn zip_with_too_many_entries_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("many.zip");
    let mut w = zip::ZipWriter::new(std::fs::File::create(&zip).unwrap());
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    w.start_file("ro-crate-metadata.json", options).unwrap();
    w.write_all(descriptor(&[]).as_bytes()).unwrap();
    for i in 0..100_000 {
        w.start_file(format!("f{i}"), options).unwrap();
    }
    w.finish().unwrap();
    let (code, failure, reports) = refused(&zip);
    assert_eq!(code, 2);
    assert_eq!(reports, 1);
    let message = failure["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("100001 entries, more than the limit of 100000"),
        "{message}"
    );
}

#[test]
fn zip_bomb_entry_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("bomb.zip");
    let zeros = vec![0u8; 8 * 1024 * 1024];
    zip_file(
        &zip,
        &[
            ("ro-crate-metadata.json", descriptor(&[]).as_bytes()),
            ("zeros.bin", &zeros),
        ],
    );
    let (code, failure, reports) = refused(&zip);
    assert_eq!(code, 2);
    assert_eq!(reports, 1);
    let message = failure["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("'zeros.bin' expands 8388608 bytes") && message.contains("zip bomb"),
        "{message}"
    );
}

#[test]
fn zip_descriptor_larger_than_the_input_limit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("big.zip");
    let desc = descriptor(PARTS);
    zip_file(&zip, &[("ro-crate-metadata.json", desc.as_bytes())]);
    let config = dir.path().join("config.json");
    std::fs::write(&config, r#"{"limits": {"max_input_bytes": 100}}"#).unwrap();
    let out = fairlint()
        .args(["check", "-f", "json", "--config"])
        .arg(&config)
        .arg(&zip)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let failure: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(failure["error"]["code"], "limit_exceeded", "{failure:#}");
}

#[test]
fn zip_without_a_descriptor_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("plain.zip");
    zip_file(&zip, &[("a/x.txt", b"x"), ("b/y.txt", b"y")]);
    let (code, failure) = check(&[&zip]);
    assert_eq!(code, 2);
    assert_eq!(failure["error"]["code"], "package_error");
}

#[test]
fn directory_that_is_not_a_crate_is_walked_as_before() {
    let dir = tempfile::tempdir().unwrap();
    // A crate one level down is not a package when walked: its files are inputs like others.
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    crate_dir(&sub, &[]);
    std::fs::write(
        dir.path().join("a.jsonld"),
        r#"{"@context": "https://schema.org/", "@type": "Dataset", "name": "a"}"#,
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not metadata").unwrap();
    let (_, out) = check(&[dir.path()]);
    let inputs: Vec<String> = out
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["input"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        inputs,
        [
            dir.path().join("a.jsonld").display().to_string(),
            sub.join("ro-crate-metadata.json").display().to_string(),
        ]
    );
    // No payload, so no payload check for the walked descriptor.
    assert!(missing(&out.as_array().unwrap()[1]).is_empty());
}

/// The IRI of a crate's root as the CLI resolves it: the crate directory (a zip stands for it),
/// from the absolute path the test passed.
fn root_iri(p: &std::path::Path) -> String {
    format!("file://{}/", p.display())
}

/// A crate directory named by a relative path resolves against that path once (the root data
/// entity is `file:%2E/<dir>/`, not `<dir>/<dir>/`), and a `#` identifier typed File is a
/// contextual entity of the descriptor, not a data entity: neither missing from the payload
/// nor required in `hasPart` (rocrate-validator's valid crate `rocrate-with-value-objects`).
#[test]
fn relative_crate_directory_and_local_file_entities() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("crate-a");
    std::fs::create_dir(&root).unwrap();
    crate_dir(&root, &["my file.txt", "results/table.tsv"]);
    let text = std::fs::read_to_string(root.join("ro-crate-metadata.json")).unwrap();
    let mut doc: Value = serde_json::from_str(&text).unwrap();
    doc["@graph"].as_array_mut().unwrap().push(
        serde_json::json!({"@id": "#notADataEntity", "@type": "File", "name": "a local entity"}),
    );
    std::fs::write(root.join("ro-crate-metadata.json"), doc.to_string()).unwrap();
    let out = fairlint()
        .current_dir(dir.path())
        .args(["check", "-f", "json", "--no-progress", "crate-a"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        missing(&report),
        vec![(
            "<file:%2E/crate-a/data.csv>".to_owned(),
            "/@graph/4/@id".to_owned()
        )],
        "{report:#}"
    );
    let codes: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["A130"], "{report:#}");
}
