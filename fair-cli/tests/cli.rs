//! End-to-end tests of the `fairlint` binary: exit codes, batches, formats, stdin.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use serde_json::Value;
use std::path::PathBuf;

fn vectors() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../test-vectors/cases")
}

fn fairlint() -> Command {
    Command::cargo_bin("fairlint").unwrap()
}

#[test]
fn clean_record_exits_zero() {
    // Pinned to the core profile: the record is a Dataset, which would select the Bioschemas
    // Dataset profile and its recommended-property warnings.
    let out = fairlint()
        .args(["check", "--profile", "core"])
        .arg(vectors().join("jsonld/dataset-complete.jsonld"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("no findings"), "{text}");
}

#[test]
fn fail_on_threshold_controls_exit_code() {
    let record = vectors().join("jsonld/no-conforms-to.jsonld");
    // R001 is a warning: not a failure by default...
    fairlint()
        .args(["check", "--profile", "core"])
        .arg(&record)
        .assert()
        .code(0);
    // ...but it is with --fail-on warning.
    fairlint()
        .args(["check", "--profile", "core", "--fail-on", "warning"])
        .arg(&record)
        .assert()
        .code(1);
    // Errors fail by default.
    fairlint()
        .arg("check")
        .arg(vectors().join("jsonld/untyped.jsonld"))
        .assert()
        .code(1);
    fairlint()
        .args(["check", "--fail-on", "never"])
        .arg(vectors().join("jsonld/untyped.jsonld"))
        .assert()
        .code(0);
}

#[test]
fn batch_reports_bad_file_and_carries_on() {
    let out = fairlint()
        .args(["check", "--format", "ndjson", "--profile", "core"])
        .arg(vectors().join("jsonld/dataset-complete.jsonld"))
        .arg(vectors().join("errors/bad.ttl"))
        .arg(vectors().join("does-not-exist.jsonld"))
        .arg(vectors().join("turtle/complete.ttl"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4, "one line per input, in input order");
    assert_eq!(lines[0]["conforms"], true);
    assert_eq!(lines[1]["error"]["code"], "parse_error");
    assert_eq!(lines[1]["error"]["location"]["line"], 4);
    assert_eq!(lines[2]["error"]["code"], "io_error");
    assert_eq!(lines[3]["conforms"], true);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("bad.ttl"), "{stderr}");
    assert!(stderr.contains("checked 4 inputs"), "{stderr}");
}

#[test]
fn directories_are_walked_in_sorted_order() {
    let out = fairlint()
        .args(["check", "--format", "json", "--fail-on", "never"])
        .arg(vectors().join("jsonld"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let reports: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = reports
        .iter()
        .map(|r| r["input"].as_str().unwrap())
        .collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    assert_eq!(names, sorted);
    assert_eq!(reports.len(), 11);
}

#[test]
fn parallel_batch_output_is_identical_to_serial() {
    let run = |jobs: &str| {
        fairlint()
            .args([
                "check",
                "--format",
                "ndjson",
                "--fail-on",
                "never",
                "-j",
                jobs,
            ])
            .arg(vectors())
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(run("1"), run("2"));
}

#[test]
fn stdin_with_explicit_format() {
    let ttl = std::fs::read(vectors().join("turtle/untyped.ttl")).unwrap();
    let out = fairlint()
        .args(["check", "-", "--input-format", "turtle", "--format", "json"])
        .write_stdin(ttl)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["input"], "<stdin>");
    assert_eq!(report["findings"][0]["code"], "I002");
}

#[test]
fn usage_errors_exit_two() {
    fairlint().assert().code(2);
    fairlint()
        .args(["check", "--input-format", "yaml", "x.json"])
        .assert()
        .code(2);
    fairlint()
        .args(["check", "--profile", "nope"])
        .arg(vectors().join("turtle/complete.ttl"))
        .assert()
        .code(2);
}

#[test]
fn lists_profiles_and_rules() {
    let out = fairlint()
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let rules: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(rules.iter().any(|r| r["code"] == "R001"));
    // Every code comes with its principle, indicators and a real example finding.
    for r in &rules {
        assert!(r["principle"].is_string(), "{r}");
        assert!(r["indicators"].is_array(), "{r}");
        let example = &r["example"];
        assert!(
            example["message"].as_str().is_some_and(|m| !m.is_empty()),
            "{r}"
        );
        assert!(
            vectors()
                .join("..")
                .join(example["input"].as_str().unwrap())
                .is_file(),
            "{r}"
        );
    }
    let r001 = rules.iter().find(|r| r["code"] == "R001").unwrap();
    assert!(r001["example"]["message"]
        .as_str()
        .unwrap()
        .contains("dct:conformsTo"));
    let out = fairlint().arg("profiles").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("core"));
    // Every Bioschemas profile version the specification marks as latest release or draft.
    for id in [
        "bioschemas-chemicalsubstance-0.4",
        "bioschemas-computationaltool-1.0",
        "bioschemas-computationaltool-1.1",
        "bioschemas-computationalworkflow-1.0",
        "bioschemas-computationalworkflow-1.1",
        "bioschemas-course-1.0",
        "bioschemas-courseinstance-1.0",
        "bioschemas-datacatalog-0.3",
        "bioschemas-datacatalog-0.4",
        "bioschemas-dataset-1.0",
        "bioschemas-dataset-1.1",
        "bioschemas-formalparameter-1.0",
        "bioschemas-gene-1.0",
        "bioschemas-molecularentity-0.5",
        "bioschemas-protein-0.11",
        "bioschemas-protein-0.12",
        "bioschemas-sample-0.2",
        "bioschemas-sample-0.3",
        "bioschemas-taxon-1.0",
        "bioschemas-taxonname-1.0",
        "bioschemas-trainingmaterial-1.0",
        "bioschemas-trainingmaterial-1.1",
    ] {
        assert!(text.contains(id), "{id} not listed: {text}");
    }
    let out = fairlint()
        .args(["profiles", "--format", "json"])
        .output()
        .unwrap();
    let listed: Value = serde_json::from_slice(&out.stdout).unwrap();
    let bioschemas = listed
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["id"].as_str().unwrap().starts_with("bioschemas-"))
        .count();
    assert_eq!(bioschemas, 22, "{listed}");
}

#[test]
fn text_output_groups_findings_with_fixes() {
    let out = fairlint()
        .arg("check")
        .arg(vectors().join("jsonld/undefined-prefix.jsonld"))
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Interoperable (2)"), "{text}");
    assert!(text.contains("fix: "), "{text}");
    assert!(text.contains("at /bsc:input"), "{text}");
    assert!(
        !text.contains('\u{1b}'),
        "no escape codes when not a terminal"
    );
}

#[test]
fn user_shapes_and_shacl_report() {
    let shapes = vectors().join("shapes/dataset-shapes.ttl");
    let out = fairlint()
        .args(["check", "--format", "json", "--profile", "core", "--shapes"])
        .arg(&shapes)
        .arg(vectors().join("turtle/name-not-string.ttl"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "F101 is an error");
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["findings"][0]["code"], "F101");

    let out = fairlint()
        .args(["check", "--format", "shacl", "--shapes"])
        .arg(&shapes)
        .arg(vectors().join("turtle/name-not-string.ttl"))
        .output()
        .unwrap();
    let turtle = String::from_utf8(out.stdout).unwrap();
    assert!(turtle.contains("sh:ValidationReport"), "{turtle}");
    assert!(turtle.contains("sh:conforms false"), "{turtle}");
    assert!(
        turtle.contains("sh:DatatypeConstraintComponent"),
        "{turtle}"
    );
}

#[test]
fn ill_formed_shapes_exit_two_without_report() {
    let out = fairlint()
        .args(["check", "--format", "shacl", "--shapes"])
        .arg(vectors().join("shapes/bad-shapes.ttl"))
        .arg(vectors().join("turtle/complete.ttl"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "no report");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("minCount") && stderr.contains("bad-shapes.ttl"),
        "{stderr}"
    );
    // --format shacl without shapes is a usage error.
    fairlint()
        .args(["check", "--format", "shacl"])
        .arg(vectors().join("turtle/complete.ttl"))
        .assert()
        .code(2);
}

#[test]
fn closed_pipe_ends_quietly() {
    use std::process::{Command as Std, Stdio};
    let vector = vectors().join("cases/jsonld/dataset-complete.jsonld");
    for args in [
        vec!["rules"],
        vec!["profiles", "--format", "json"],
        vec!["check", "--format", "json", vector.to_str().unwrap()],
    ] {
        // stdout is a pipe whose reader is already gone, as in `fairlint rules | head -0`.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = Std::new(env!("CARGO_BIN_EXE_fairlint"))
            .args(&args)
            .stdout(writer)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
    }
}

/// Relative IRIs resolve against each file's location as given, in data (Turtle and RO-Crate
/// JSON-LD) and in `--shapes`; the working directory never appears; `--base-iri` overrides for
/// data only; standard input resolves against `file:///`.
#[test]
fn relative_iris_resolve_against_each_files_location_as_given() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("my data/crate")).unwrap();
    let data = "@prefix ex: <http://example.org/> .\n<> a ex:Doc ; ex:part <#p> .\n";
    let shapes =
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n@prefix ex: <http://example.org/> .\n\
                  <#DocShape> a sh:NodeShape ; sh:targetClass ex:Doc ; sh:property <#title> .\n\
                  <#title> sh:path ex:title ; sh:minCount 1 .\n";
    std::fs::write(dir.path().join("my data/d.ttl"), data).unwrap();
    std::fs::write(dir.path().join("shapes.ttl"), shapes).unwrap();
    let crate_json = r#"{"@context": "https://w3id.org/ro/crate/1.1/context", "@graph": [
        {"@id": "ro-crate-metadata.json", "@type": "CreativeWork", "about": {"@id": "./"},
         "conformsTo": {"@id": "https://w3id.org/ro/crate/1.1"}},
        {"@id": "./", "@type": "Dataset", "hasPart": [{"@id": "data.txt"}]},
        {"@id": "data.txt", "@type": "File"}]}"#;
    std::fs::write(
        dir.path().join("my data/crate/ro-crate-metadata.json"),
        crate_json,
    )
    .unwrap();
    let shacl = |args: &[&str]| -> String {
        let out = fairlint()
            .current_dir(dir.path())
            .args(["check", "--format", "shacl", "--fail-on", "never"])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let cwd = dir.path().to_str().unwrap().to_owned();

    let report = shacl(&["my data/d.ttl", "--shapes", "shapes.ttl"]);
    assert!(
        report.contains("sh:focusNode <file:%2E/my%20data/d.ttl>"),
        "{report}"
    );
    assert!(
        report.contains("sh:sourceShape <file:%2E/shapes.ttl#title>"),
        "{report}"
    );
    assert!(!report.contains(&cwd), "{report}");
    // `./` changes nothing.
    assert_eq!(
        report,
        shacl(&["./my data/d.ttl", "--shapes", "./shapes.ttl"])
    );

    let absolute = dir.path().join("my data/d.ttl");
    let report = shacl(&[absolute.to_str().unwrap(), "--shapes", "shapes.ttl"]);
    let expected = format!("sh:focusNode <file://{}/my%20data/d.ttl>", cwd);
    assert!(report.contains(&expected), "{report}");

    let report = shacl(&[
        "my data/d.ttl",
        "--shapes",
        "shapes.ttl",
        "--base-iri",
        "https://example.org/records/",
    ]);
    // `<>` is the base itself; the shapes keep their own base.
    assert!(
        report.contains("sh:focusNode <https://example.org/records/>"),
        "{report}"
    );
    assert!(
        report.contains("sh:sourceShape <file:%2E/shapes.ttl#title>"),
        "{report}"
    );

    let out = fairlint()
        .current_dir(dir.path())
        .args([
            "check",
            "-",
            "--input-format",
            "turtle",
            "--format",
            "shacl",
        ])
        .args(["--fail-on", "never", "--shapes", "shapes.ttl"])
        .write_stdin(data)
        .output()
        .unwrap();
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(report.contains("sh:focusNode <file:///>"), "{report}");

    // An RO-Crate checked from inside the crate and from above: the root data entity is the
    // crate directory, the data entity is in it.
    for (cwd, path, root) in [
        ("my data/crate", "ro-crate-metadata.json", "file:%2E/"),
        (
            ".",
            "my data/crate/ro-crate-metadata.json",
            "file:%2E/my%20data/crate/",
        ),
    ] {
        let out = fairlint()
            .current_dir(dir.path().join(cwd))
            .args(["check", "--format", "json", "--fail-on", "never", path])
            .output()
            .unwrap();
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        let profile = report["profile"]["id"].as_str().unwrap();
        assert!(profile.contains("crate"), "{profile}");
        let text = report.to_string();
        assert!(text.contains(&format!("<{root}>")), "{root}: {text}");
        assert!(!text.contains(&cwd_string(dir.path())), "{text}");
    }
}

fn cwd_string(p: &std::path::Path) -> String {
    p.to_str().unwrap().to_owned()
}

#[test]
fn user_context_files() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("record.jsonld");
    std::fs::write(
        &record,
        r#"{"@context": "https://example.org/ctx", "@type": "Thing", "title": "x"}"#,
    )
    .unwrap();
    let ctx = dir.path().join("ctx.jsonld");
    std::fs::write(
        &ctx,
        r#"{"@context": {"@vocab": "http://example.org/terms#"}}"#,
    )
    .unwrap();
    // Without --context the record cannot be read.
    let out = fairlint()
        .args(["check", "--format", "json", "--fail-on", "never"])
        .arg(&record)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("resolve_error"), "{stdout}");
    let out = fairlint()
        .args([
            "check",
            "--format",
            "json",
            "--fail-on",
            "never",
            "--context",
        ])
        .arg(format!("https://example.org/ctx={}", ctx.display()))
        .arg(&record)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("user context https://example.org/ctx"),
        "{stdout}"
    );
    // A missing file and a file that is not JSON are CLI errors naming the file.
    for (file, says) in [
        (
            dir.path().join("missing.jsonld"),
            "cannot read context file",
        ),
        (record.with_extension("txt"), "is not valid JSON"),
    ] {
        if says.contains("JSON") {
            std::fs::write(&file, "{not json").unwrap();
        }
        let out = fairlint()
            .args(["check", "--context"])
            .arg(format!("https://example.org/ctx={}", file.display()))
            .arg(&record)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            stderr.contains(says) && stderr.contains(&file.display().to_string()),
            "{stderr}"
        );
    }
    // Not IRI=FILE: a usage error.
    fairlint()
        .args(["check", "--context", "no-equals-sign"])
        .arg(&record)
        .assert()
        .code(2);
}
