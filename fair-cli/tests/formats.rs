//! The CI output formats on the shared test vectors (`test-vectors/manifest.json`), checked as
//! one batch with a broken input added: SARIF against the official OASIS SARIF 2.1.0 schema
//! (fetched by `scripts/fetch-sarif-schema.sh`), JUnit parsed as XML, GitHub annotations
//! counted against the findings, FAIR Test Results parsed back as Turtle and JSON-LD. Also
//! `--min-score`, the batch summary table and `fairlint rules CODE` / `--format ftr`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn fairlint() -> Command {
    Command::cargo_bin("fairlint").unwrap()
}

/// Every input of the manifest (deduplicated, in manifest order), then a file that is not
/// JSON, which cannot be checked.
fn batch(dir: &Path) -> Vec<String> {
    let manifest: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("test-vectors/manifest.json")).unwrap(),
    )
    .unwrap();
    let mut inputs: Vec<String> = Vec::new();
    for v in manifest["vectors"].as_array().unwrap() {
        let path = root()
            .join("test-vectors")
            .join(v["input"].as_str().unwrap())
            .display()
            .to_string();
        if !inputs.contains(&path) {
            inputs.push(path);
        }
    }
    assert!(inputs.len() > 100, "{} vectors", inputs.len());
    let broken = dir.join("broken record.json");
    std::fs::write(
        &broken,
        "{\"@context\": \"https://schema.org/\", \"name\": ",
    )
    .unwrap();
    inputs.push(broken.display().to_string());
    inputs
}

struct Run {
    stdout: String,
    stderr: String,
    code: Option<i32>,
}

fn check(format: &str, inputs: &[String], extra: &[&str]) -> Run {
    let out = fairlint()
        .args(["check", "--no-progress", "-j", "2", "--format", format])
        .args(extra)
        .args(inputs)
        .output()
        .unwrap();
    Run {
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
        code: out.status.code(),
    }
}

/// The batch's reports and failures, from NDJSON: (input, finding count, severities) per
/// checked input, and the names of the inputs that could not be checked.
struct Expected {
    reports: Vec<(String, Vec<String>)>,
    failed: Vec<String>,
}

fn expected(inputs: &[String]) -> Expected {
    let run = check("ndjson", inputs, &["--fail-on", "never"]);
    let mut e = Expected {
        reports: Vec::new(),
        failed: Vec::new(),
    };
    for line in run.stdout.lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        if v.get("error").is_some() {
            e.failed.push(v["input"].as_str().unwrap().to_owned());
        } else {
            let severities = v["findings"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["severity"].as_str().unwrap().to_owned())
                .collect();
            e.reports
                .push((v["input"].as_str().unwrap().to_owned(), severities));
        }
    }
    assert_eq!(e.reports.len() + e.failed.len(), inputs.len());
    assert!(!e.failed.is_empty(), "the broken input is a failure");
    e
}

fn findings(e: &Expected) -> usize {
    e.reports.iter().map(|(_, s)| s.len()).sum()
}

#[test]
fn sarif_batch_is_valid_against_the_official_schema() {
    let path = root().join("target/sarif-schema/sarif-schema-2.1.0.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "SARIF 2.1.0 schema not found at {} ({e}): run `scripts/fetch-sarif-schema.sh` first",
            path.display()
        )
    }))
    .unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let inputs = batch(dir.path());
    let e = expected(&inputs);
    let run = check("sarif", &inputs, &["--fail-on", "never"]);
    assert_eq!(run.code, Some(2), "an input could not be checked");
    let log: Value = serde_json::from_str(&run.stdout).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .take(10)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "not valid SARIF 2.1.0: {errors:#?}");
    let runs = log["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1, "one run for the batch");
    let run0 = &runs[0];
    assert_eq!(run0["results"].as_array().unwrap().len(), findings(&e));
    assert_eq!(
        run0["artifacts"].as_array().unwrap().len(),
        inputs.len(),
        "every input is an artifact"
    );
    let invocation = &run0["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notes.len(), e.failed.len());
    assert!(notes.iter().any(|n| n["message"]["text"]
        .as_str()
        .unwrap()
        .contains("broken record.json")));
    // The schema does bite: a result with an unknown level is refused.
    let mut bad = log.clone();
    bad["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&bad));
    // Each result points at its input's artifact, with a line or a pointer.
    let artifacts = run0["artifacts"].as_array().unwrap();
    let (mut located, mut with_line, mut with_pointer) = (0, 0, 0);
    for r in run0["results"].as_array().unwrap() {
        let loc = &r["locations"][0];
        if let Some(physical) = loc.get("physicalLocation") {
            let index = physical["artifactLocation"]["index"].as_u64().unwrap() as usize;
            assert_eq!(
                artifacts[index]["location"]["uri"],
                physical["artifactLocation"]["uri"]
            );
            // A line (and column), or the whole file, with a JSON Pointer as logical location
            // when the finding has one.
            match physical.get("region") {
                Some(region) => {
                    assert!(region["startLine"].as_u64().unwrap() >= 1);
                    with_line += 1;
                }
                None => {
                    if loc["logicalLocations"]
                        .as_array()
                        .is_some_and(|l| l.iter().any(|l| l["kind"] == "object"))
                    {
                        with_pointer += 1;
                    }
                }
            }
            located += 1;
        }
    }
    assert_eq!(located, findings(&e), "every result has its input's file");
    assert!(
        with_line > 0 && with_pointer > 0,
        "{with_line} {with_pointer}"
    );
}

#[test]
fn junit_parses_with_a_testcase_per_input() {
    use quick_xml::events::Event;
    let dir = tempfile::tempdir().unwrap();
    let inputs = batch(dir.path());
    let e = expected(&inputs);
    let run = check("junit", &inputs, &["--fail-on", "warning"]);
    let mut reader = quick_xml::Reader::from_str(&run.stdout);
    let (mut cases, mut failures, mut errors, mut suites) = (0, 0, 0, 0);
    loop {
        match reader.read_event().unwrap_or_else(|err| {
            panic!(
                "not XML at {}: {err}\n{}",
                reader.buffer_position(),
                run.stdout
            )
        }) {
            Event::Start(t) | Event::Empty(t) => match t.name().as_ref() {
                b"testsuite" => suites += 1,
                b"testcase" => cases += 1,
                b"failure" => failures += 1,
                b"error" => errors += 1,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(suites, 1);
    assert_eq!(cases, inputs.len());
    let failing = e
        .reports
        .iter()
        .filter(|(_, s)| s.iter().any(|s| s == "warning" || s == "error"))
        .count();
    assert!(failing > 0);
    assert_eq!(failures, failing);
    assert_eq!(errors, e.failed.len());
    assert!(run.stdout.contains(&format!("failures=\"{failing}\"")));
}

#[test]
fn github_annotations_match_the_findings() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = batch(dir.path());
    let e = expected(&inputs);
    let run = check("github", &inputs, &["--fail-on", "never"]);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(lines.iter().all(|l| l.starts_with("::error ")
        || l.starts_with("::warning ")
        || l.starts_with("::notice ")));
    assert_eq!(lines.len(), findings(&e) + e.failed.len());
    let count = |level: &str| {
        lines
            .iter()
            .filter(|l| l.starts_with(&format!("::{level} ")))
            .count()
    };
    let severity = |s: &str| {
        e.reports
            .iter()
            .flat_map(|(_, v)| v)
            .filter(|v| *v == s)
            .count()
    };
    assert_eq!(count("warning"), severity("warning"));
    assert_eq!(count("notice"), severity("info"));
    assert_eq!(count("error"), severity("error") + e.failed.len());
    // Properties and messages are escaped: one command per line, `title=CODE` present.
    for l in &lines {
        let (props, _) = l[2..].split_once("::").unwrap();
        assert!(props.contains(" file=") && props.contains(",title="), "{l}");
    }
    assert!(lines
        .iter()
        .any(|l| l.contains(",line=") && l.contains(",col=")));
}

fn parse_turtle(text: &str) -> oxrdf::Graph {
    let mut g = oxrdf::Graph::new();
    for t in oxttl::TurtleParser::new().for_slice(text.as_bytes()) {
        g.insert(&t.unwrap());
    }
    g
}

fn instances(g: &oxrdf::Graph, class: &str) -> usize {
    g.subjects_for_predicate_object(
        oxrdf::vocab::rdf::TYPE,
        oxrdf::NamedNodeRef::new(class).unwrap(),
    )
    .count()
}

#[test]
fn ftr_has_a_result_set_per_input_in_turtle_and_json_ld() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = batch(dir.path());
    let run = check("ftr", &inputs, &[]);
    let g = parse_turtle(&run.stdout);
    assert_eq!(
        instances(&g, "https://w3id.org/ftr#TestResultSet"),
        inputs.len()
    );
    let results = instances(&g, "https://w3id.org/ftr#TestResult");
    assert_eq!(results % inputs.len(), 0, "as many results in every set");
    assert!(results >= inputs.len() * 10);
    // Every result has a prov:value among FTR's and a test under the default base.
    let value = oxrdf::NamedNodeRef::new("http://www.w3.org/ns/prov#value").unwrap();
    let mut values = std::collections::BTreeSet::new();
    for t in g.triples_for_predicate(value) {
        values.insert(t.object.to_string());
    }
    assert!(
        values
            .iter()
            .all(|v| ["\"pass\"", "\"fail\"", "\"indeterminate\""].contains(&v.as_str())),
        "{values:?}"
    );
    assert!(values.contains("\"pass\"") && values.contains("\"fail\""));
    assert!(run.stdout.contains("<urn:fairlint:test/RDA-F1-01M>"));
    assert!(instances(&g, "http://www.w3.org/ns/dqv#QualityMeasurement") > 0);

    // The same graph in JSON-LD, with --ftr-base moving the test IRIs.
    let run_ld = check(
        "ftr-jsonld",
        &inputs,
        &["--ftr-base", "https://example.org/fairlint/"],
    );
    let mut ld = oxrdf::Graph::new();
    for q in oxjsonld::JsonLdParser::new().for_slice(run_ld.stdout.as_bytes()) {
        ld.insert(q.unwrap().as_ref());
    }
    assert_eq!(ld.len(), g.len());
    assert_eq!(
        instances(&ld, "https://w3id.org/ftr#TestResultSet"),
        inputs.len()
    );
    assert!(run_ld
        .stdout
        .contains("https://example.org/fairlint/test/RDA-F1-01M"));
    // Deterministic.
    assert_eq!(check("ftr", &inputs, &[]).stdout, run.stdout);
}

#[test]
fn bad_ftr_base_is_a_usage_error() {
    let out = fairlint()
        .args([
            "check",
            "--format",
            "ftr",
            "--ftr-base",
            "not an iri",
            "x.json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--ftr-base"));
}

fn record(name: &str) -> String {
    root()
        .join("test-vectors/cases")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn min_score_fails_below_and_passes_above() {
    let input = record("jsonld/dataset-complete.jsonld");
    let json = check("json", std::slice::from_ref(&input), &["--profile", "core"]);
    let report: Value = serde_json::from_str(&json.stdout).unwrap();
    let total = report["scores"]["total"].as_f64().unwrap();
    let f = report["scores"]["F"].as_f64().unwrap();
    assert!(total < 100.0, "{total}");
    let above = format!("{}", (total + 1.0).min(100.0));
    let run = check(
        "text",
        std::slice::from_ref(&input),
        &["--profile", "core", "--min-score", &above],
    );
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains("score below --min-score: total"),
        "{}",
        run.stderr
    );
    let below = format!("F={},total={}", (f - 1.0).max(0.0), (total - 1.0).max(0.0));
    let run = check(
        "text",
        std::slice::from_ref(&input),
        &["--profile", "core", "--min-score", &below],
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    for bad in ["F=", "Q=50", "101", "F=50,F=60", "abc"] {
        let out = fairlint()
            .args(["check", "--min-score", bad])
            .arg(&input)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("invalid value") && err.contains("--min-score"),
            "{bad}: {err}"
        );
    }
}

#[test]
fn text_batch_ends_with_a_summary_table() {
    let inputs = [
        record("jsonld/dataset-complete.jsonld"),
        record("jsonld/no-conforms-to.jsonld"),
    ];
    let run = check(
        "text",
        &inputs,
        &["--profile", "core", "--fail-on", "warning"],
    );
    let out = &run.stdout;
    let table = &out[out.find("Summary\n").expect(out)..];
    assert!(table.contains("inputs          2"), "{table}");
    assert!(table.contains("pass            1"), "{table}");
    assert!(table.contains("fail            1"), "{table}");
    assert!(table.contains("mean scores     F "), "{table}");
    assert!(table.contains("frequent codes  R001 ×1"), "{table}");
}

#[test]
fn rules_code_prints_one_page() {
    let out = fairlint().args(["rules", "f010"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    for section in [
        "F010 ",
        "\nWhat\n",
        "\nWhy\n",
        "\nExample finding\n",
        "\nFix\n",
        "\nFixable\n",
        "RDA-F1-01M",
    ] {
        assert!(text.contains(section), "{section}: {text}");
    }
    let out = fairlint()
        .args(["rules", "F010", "--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["code"], "F010");
    assert!(v["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i == "RDA-F1-01M"));
    let out = fairlint().args(["rules", "Z999"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown code 'Z999'"));
}

#[test]
fn rules_format_ftr_describes_every_test() {
    let out = fairlint()
        .args(["rules", "--format", "ftr"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let g = parse_turtle(&String::from_utf8(out.stdout).unwrap());
    let tests = instances(&g, "https://w3id.org/ftr#Test");
    assert!(tests >= 10, "{tests}");
    let description = oxrdf::NamedNodeRef::new("http://purl.org/dc/terms/description").unwrap();
    for test in g.subjects_for_predicate_object(
        oxrdf::vocab::rdf::TYPE,
        oxrdf::NamedNodeRef::new("https://w3id.org/ftr#Test").unwrap(),
    ) {
        assert!(g.object_for_subject_predicate(test, description).is_some());
    }
    // With a code: the tests of the indicators it fails.
    let out = fairlint()
        .args(["rules", "F010", "--format", "ftr"])
        .output()
        .unwrap();
    let g = parse_turtle(&String::from_utf8(out.stdout).unwrap());
    let some = instances(&g, "https://w3id.org/ftr#Test");
    assert!(some >= 1 && some < tests, "{some}");
}
