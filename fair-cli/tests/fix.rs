//! `fairlint fix` and `fairlint check --fix`: the fixed document on stdout, `--write` in place,
//! `--diff`, `--unsafe-fixes`, exit codes as `check` on the result, idempotence.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use std::path::Path;

fn fairlint() -> Command {
    Command::cargo_bin("fairlint").unwrap()
}

const RECORD: &str = "{\r\n\t\"@context\": \"https://schema.org/\",\r\n\t\"@type\": \"Dataset\",\r\n\
    \t\"dct:conformsTo\": {\"@id\": \"https://example.org/profile\"},\r\n\t\"name\": \"x\",\r\n\t\"license\": \"GPL-3.0\",\r\n\t\"creater\": \"Jane Doe\"\r\n}\r\n";
const FIXED: &str = "{\r\n\t\"@context\": \"https://schema.org/\",\r\n\t\"@type\": \"Dataset\",\r\n\
    \t\"dct:conformsTo\": {\"@id\": \"https://example.org/profile\"},\r\n\t\"name\": \"x\",\r\n\t\"license\": \"https://spdx.org/licenses/GPL-3.0-only\",\r\n\t\"creater\": \"Jane Doe\"\r\n}\r\n";

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn one_input_prints_the_fixed_document() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "r.jsonld", RECORD);
    let out = fairlint()
        .args(["fix", "--profile", "core", "--fail-on", "never"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), FIXED);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("fixed R010 at /license: 'GPL-3.0' -> 'GPL-3.0-only'"),
        "{err}"
    );
    assert!(err.contains("not fixed I121 at /creater (unsafe)"), "{err}");
    // The file is untouched.
    assert_eq!(std::fs::read_to_string(&path).unwrap(), RECORD);
}

#[test]
fn standard_input_is_fixed_too() {
    let out = fairlint()
        .args(["fix", "--profile", "core", "--fail-on", "never", "-"])
        .write_stdin(RECORD)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), FIXED);
}

#[test]
fn write_fixes_in_place_and_twice_equals_once() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.jsonld", RECORD);
    let b = write(dir.path(), "b.jsonld", &RECORD.replace("GPL-3.0", "MIT"));
    let out = fairlint()
        .args(["fix", "--write", "--profile", "core", "--fail-on", "never"])
        .args([&a, &b])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read_to_string(&a).unwrap(), FIXED);
    assert_eq!(
        std::fs::read_to_string(&b).unwrap(),
        FIXED.replace("GPL-3.0-only", "MIT")
    );
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("fairlint: 3 fixes applied, 2 fixable findings left"));
    let before = std::fs::read(&a).unwrap();
    fairlint()
        .args(["fix", "--write", "--profile", "core", "--fail-on", "never"])
        .arg(&a)
        .assert()
        .success();
    assert_eq!(std::fs::read(&a).unwrap(), before);
}

#[test]
fn unsafe_fixes_rename_the_property() {
    let out = fairlint()
        .args([
            "fix",
            "--unsafe-fixes",
            "--profile",
            "core",
            "--fail-on",
            "never",
            "-",
        ])
        .write_stdin(RECORD)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        FIXED.replace("\"creater\"", "\"creator\"")
    );
}

#[test]
fn diff_shows_the_change_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "r.jsonld", &RECORD.replace("\r\n", "\n"));
    let out = fairlint()
        .args(["fix", "--diff", "--profile", "core"])
        .arg(&path)
        .output()
        .unwrap();
    let diff = String::from_utf8(out.stdout).unwrap();
    assert!(diff.contains("-\t\"license\": \"GPL-3.0\",\n+\t\"license\": \"https://spdx.org/licenses/GPL-3.0-only\",\n"), "{diff}");
    assert!(diff.starts_with("--- a/"), "{diff}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        RECORD.replace("\r\n", "\n")
    );
    // Exit code as `check` on the fixed text: the I121 warning is left, errors are not.
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn exit_codes_follow_the_fixed_document() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "r.jsonld", RECORD);
    // The I121 warning stays (its fix is unsafe): --fail-on warning fails.
    fairlint()
        .args(["fix", "--diff", "--profile", "core", "--fail-on", "warning"])
        .arg(&path)
        .assert()
        .code(1);
    fairlint()
        .args([
            "fix",
            "--diff",
            "--unsafe-fixes",
            "--profile",
            "core",
            "--fail-on",
            "info",
        ])
        .arg(&path)
        .assert()
        .code(0);
    // Several inputs need --write or --diff; unreadable input is exit 2.
    fairlint()
        .args(["fix", "--profile", "core"])
        .args([&path, &path])
        .assert()
        .code(2);
    fairlint()
        .args(["fix", "--profile", "core", "-"])
        .write_stdin("{\"@context\": ")
        .assert()
        .code(2);
}

#[test]
fn check_fix_writes_then_checks() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "r.jsonld", RECORD);
    let out = fairlint()
        .args([
            "check",
            "--fix",
            "--profile",
            "core",
            "--format",
            "json",
            "--fail-on",
            "never",
        ])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), FIXED);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert!(
        !codes.contains(&"R010") && !codes.contains(&"R013"),
        "{codes:?}"
    );
    assert!(codes.contains(&"I121"), "{codes:?}");
}

#[test]
fn rules_say_which_codes_are_fixable() {
    let out = fairlint()
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    let rules: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rule = |code: &str| {
        rules
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["code"] == code)
            .unwrap()
            .clone()
    };
    assert_eq!(rule("R010")["fixable"]["applicability"], "safe");
    assert_eq!(rule("I121")["fixable"]["applicability"], "unsafe");
    assert!(rule("R001")["fixable"].is_null());
    let text = fairlint().arg("rules").output().unwrap().stdout;
    assert!(String::from_utf8(text).unwrap().contains(
        "fixable (safe, `fairlint fix`): replaces the deprecated SPDX id with its successor"
    ));
}
