//! A batch of 10,000 records with corrupt and adversarial files in the middle (docs/limits.md):
//! every other record is still checked, each bad one is reported with its path and a typed
//! error code, and the exit code is 2 ("an input could not be read or parsed").

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use serde_json::Value;
use std::time::Instant;

const RECORDS: usize = 10_000;

#[test]
fn ten_thousand_records_with_bad_files_in_the_middle() {
    let dir = tempfile::tempdir().unwrap();
    // Sorted names, so the batch order (and output order) is known.
    let name = |i: usize| format!("r{i:05}.ttl");
    for i in 0..RECORDS {
        let text = format!(
            "@prefix s: <http://schema.org/> .\n<https://example.org/ds/{i}> a s:Dataset ;\n  s:name \"Record {i}\" ;\n  s:identifier \"https://doi.org/10.5281/zenodo.{i}\" .\n"
        );
        std::fs::write(dir.path().join(name(i)), text).unwrap();
    }
    // The corrupt file: a syntax error on line 3. Then invalid UTF-8, and a record over the
    // triple limit set below.
    let corrupt = RECORDS / 2;
    std::fs::write(
        dir.path().join(name(corrupt)),
        "@prefix s: <http://schema.org/> .\n<https://example.org/x> a s:Dataset ;\n  s:name \"unterminated .\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join(name(corrupt + 1)),
        b"<https://example.org/x> <http://schema.org/name> \"\xff\" .\n",
    )
    .unwrap();
    let big: String = (0..50)
        .map(|i| format!("<https://example.org/x> <http://schema.org/keywords> \"k{i}\" .\n"))
        .collect();
    std::fs::write(dir.path().join(name(corrupt + 2)), big).unwrap();
    let config_dir = tempfile::tempdir().unwrap();
    let config = config_dir.path().join("config.json");
    std::fs::write(&config, r#"{"limits": {"max_triples": 40}}"#).unwrap();

    let started = Instant::now();
    let out = Command::cargo_bin("fairlint")
        .unwrap()
        .args([
            "check",
            "--format",
            "ndjson",
            "--profile",
            "core",
            "--fail-on",
            "never",
        ])
        .arg("--config")
        .arg(&config)
        .arg(dir.path())
        .output()
        .unwrap();
    let elapsed = started.elapsed();
    assert_eq!(
        out.status.code(),
        Some(2),
        "bad inputs make the exit code 2"
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), RECORDS, "one line per record");
    let path_of = |i: usize| dir.path().join(name(i)).display().to_string();
    let bad = corrupt..corrupt + 3;
    for (i, line) in lines.iter().enumerate() {
        // Full JSON parsing of 10,000 reports is slow in a debug build: the good ones are
        // checked by their input key and the absence of an error object.
        assert!(
            line.contains(&format!("\"input\":\"{}\"", path_of(i))),
            "line {i} is not {}: {}",
            path_of(i),
            &line[..line.len().min(300)]
        );
        assert_eq!(line.contains("\"error\":{"), bad.contains(&i), "{i}");
    }
    let error =
        |i: usize| -> Value { serde_json::from_str::<Value>(lines[i]).unwrap()["error"].clone() };
    let e = error(corrupt);
    assert_eq!(
        (e["code"].as_str(), e["location"]["line"].as_u64()),
        (Some("parse_error"), Some(3)),
        "{e}"
    );
    let e = error(corrupt + 1);
    assert_eq!(
        (e["code"].as_str(), e["location"]["line"].as_u64()),
        (Some("parse_error"), Some(1)),
        "{e}"
    );
    let e = error(corrupt + 2);
    assert_eq!(
        (e["code"].as_str(), e["location"]["line"].as_u64()),
        (Some("limit_exceeded"), Some(41)),
        "{e}"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    for i in corrupt..corrupt + 3 {
        assert!(
            stderr.contains(&path_of(i)),
            "stderr names {}: {stderr}",
            path_of(i)
        );
    }
    assert!(
        stderr.contains(&format!("checked {} inputs", lines.len())),
        "{stderr}"
    );
    eprintln!("batch of {RECORDS} records checked in {elapsed:?}");
}
