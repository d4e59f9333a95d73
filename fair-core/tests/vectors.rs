//! Runs every shared test vector (`test-vectors/manifest.json`) through the Rust API, compares

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! the expected keys (never message text), validates every report against
//! `test-vectors/report.schema.json`, and checks reports are byte-identical on a second run.

use fair_core::{Config, DetectFormat, Engine, Format};
use serde_json::Value;
use std::path::PathBuf;

fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../test-vectors")
}

/// Whether `actual` has every key of `expected` with an equal value (recursively for objects).
fn matches(expected: &Value, actual: &Value) -> bool {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => e
            .iter()
            .all(|(k, v)| a.get(k).is_some_and(|av| matches(v, av))),
        _ => expected == actual,
    }
}

/// Every expected finding matches a distinct actual finding, and there are no others.
fn findings_match(expected: &[Value], actual: &[Value]) -> Result<(), String> {
    if expected.len() != actual.len() {
        return Err(format!(
            "expected {} findings, got {}: {}",
            expected.len(),
            actual.len(),
            serde_json::to_string_pretty(actual).unwrap()
        ));
    }
    let mut used = vec![false; actual.len()];
    for e in expected {
        let hit = actual
            .iter()
            .enumerate()
            .find(|(i, a)| !used[*i] && matches(e, a));
        match hit {
            Some((i, _)) => used[i] = true,
            None => {
                return Err(format!(
                    "no finding matches {e}; got {}",
                    serde_json::to_string_pretty(actual).unwrap()
                ))
            }
        }
    }
    Ok(())
}

/// Runs one vector; on success, the report's findings (empty when an error was expected).
/// A `{name}` placeholder left in a rendered message: the check did not give `name` in the
/// finding's context (a typo between the rule's template and its check).
fn unfilled_placeholder(text: &str) -> Option<&str> {
    text.match_indices('{').find_map(|(i, _)| {
        let rest = &text[i + 1..];
        let end = rest.find('}')?;
        let name = &rest[..end];
        (!name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            .then_some(name)
    })
}

fn run_vector(v: &Value, schema: &jsonschema::Validator) -> Result<Vec<Value>, String> {
    let input = v["input"].as_str().ok_or("vector without input")?;
    let bytes = std::fs::read(vectors_dir().join(input)).map_err(|e| format!("{input}: {e}"))?;
    let format = v
        .get("format")
        .and_then(Value::as_str)
        .map(|f| Format::from_name(f).ok_or(format!("unknown format {f}")))
        .transpose()?;
    let options = v
        .get("options")
        .cloned()
        .unwrap_or(Value::Object(Default::default()));
    let expect = &v["expect"];
    let mut builder = Engine::builder();
    for shapes in v
        .get("shapes")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let path = shapes.as_str().ok_or("shapes entries are paths")?;
        let bytes = std::fs::read(vectors_dir().join(path)).map_err(|e| format!("{path}: {e}"))?;
        builder = builder.shapes(path, bytes, Format::Turtle);
    }
    for ontology in v
        .get("ontologies")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let path = ontology.as_str().ok_or("ontologies entries are paths")?;
        let bytes = std::fs::read(vectors_dir().join(path)).map_err(|e| format!("{path}: {e}"))?;
        let format = Format::detect(None, None, Some(path), &bytes)
            .map(|(f, _)| f)
            .unwrap_or(Format::Turtle);
        builder = builder.ontology(path, bytes, format);
    }
    let engine = Config::from_json(&options.to_string())
        .map_err(fair_core::BuildError::from)
        .and_then(|c| builder.config(c).build());
    let engine = match engine {
        Ok(engine) => engine,
        Err(e) => {
            return match expect.get("error").and_then(Value::as_str) {
                Some(code) if code == e.code() => Ok(Vec::new()),
                _ => Err(format!("engine build failed: {e} [{}]", e.code())),
            }
        }
    };
    let file_name = input.rsplit('/').next();
    // An attached RO-Crate's payload listing, when the vector gives one.
    let options = match v.get("payload") {
        Some(p) => {
            let paths = p.as_array().ok_or("payload is an array of paths")?;
            let paths = paths
                .iter()
                .map(|p| p.as_str().ok_or("payload entries are strings"));
            let payload = paths.collect::<Result<fair_core::Payload, _>>()?;
            fair_core::ValidateOptions::default().payload(payload)
        }
        None => fair_core::ValidateOptions::default(),
    };
    let result = engine.check_with(&bytes, format, file_name, &options);
    match (result, expect.get("error")) {
        (Err(e), Some(code)) => {
            if code.as_str() != Some(e.code()) {
                return Err(format!("expected error {code}, got {} ({e})", e.code()));
            }
            if let Some(location) = expect.get("location") {
                let actual = serde_json::to_value(e.location()).unwrap();
                if !matches(location, &actual) {
                    return Err(format!(
                        "error location {actual} does not match {location} ({e})"
                    ));
                }
            }
            Ok(Vec::new())
        }
        (Err(e), None) => Err(format!("unexpected error [{}]: {e}", e.code())),
        (Ok(report), Some(code)) => Err(format!(
            "expected error {code}, got a report with {} findings",
            report.findings().len()
        )),
        (Ok(report), None) => {
            let json = fair_core::render::json(&report);
            let value: Value = serde_json::from_str(&json).unwrap();
            let errors: Vec<String> = schema
                .iter_errors(&value)
                .map(|e| format!("{e} at {}", e.instance_path()))
                .collect();
            if !errors.is_empty() {
                return Err(format!(
                    "report does not match report.schema.json: {errors:?}"
                ));
            }
            // Determinism: a second run gives the same bytes.
            let again = fair_core::render::json(
                &engine
                    .check_with(&bytes, format, file_name, &options)
                    .unwrap(),
            );
            if again != json {
                return Err("two runs gave different report bytes".into());
            }
            if let Some(conforms) = expect.get("conforms") {
                if &value["conforms"] != conforms {
                    return Err(format!(
                        "conforms: expected {conforms}, got {}",
                        value["conforms"]
                    ));
                }
            }
            // The graph fingerprint (feature `fingerprint`, on here): every report has it or
            // says why not.
            let document = &value["document"];
            if document.get("fingerprint").is_some() == document.get("fingerprint_error").is_some()
            {
                return Err(format!(
                    "document: expected one of fingerprint and fingerprint_error, got {document}"
                ));
            }
            for key in ["document", "profile", "profiles", "counts"] {
                if let Some(e) = expect.get(key) {
                    if !matches(e, &value[key]) {
                        return Err(format!("{key}: expected {e}, got {}", value[key]));
                    }
                }
            }
            if let Some(e) = expect.get("scores") {
                if !matches(e, &value["scores"]) {
                    return Err(format!("scores: expected {e}, got {}", value["scores"]));
                }
            }
            // Listed indicators only (by id); the others are not compared.
            if let Some(Value::Array(expected)) = expect.get("indicators") {
                let actual = value["indicators"].as_array().unwrap();
                for e in expected {
                    let hit = actual.iter().find(|a| a["id"] == e["id"]);
                    if !hit.is_some_and(|a| matches(e, a)) {
                        return Err(format!("indicator: expected {e}, got {hit:?}"));
                    }
                }
            }
            if let Some(Value::Array(expected)) = expect.get("findings") {
                findings_match(expected, value["findings"].as_array().unwrap())?;
            }
            for f in value["findings"].as_array().into_iter().flatten() {
                for text in [&f["message"], &f["fix"]["message"]] {
                    if let Some(name) = text.as_str().and_then(unfilled_placeholder) {
                        return Err(format!(
                            "{}: the template's {{{name}}} was not filled: {text}",
                            f["code"]
                        ));
                    }
                }
            }
            Ok(value["findings"].as_array().cloned().unwrap_or_default())
        }
    }
}

#[test]
fn shared_test_vectors() {
    let dir = vectors_dir();
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap();
    let schema_json: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("report.schema.json")).unwrap())
            .unwrap();
    let schema =
        jsonschema::validator_for(&schema_json).expect("report.schema.json is a valid schema");
    let vectors = manifest["vectors"].as_array().unwrap();
    let mut failures = Vec::new();
    let mut ids = std::collections::BTreeSet::new();
    let mut examples = Examples::default();
    for v in vectors {
        let id = v["id"].as_str().unwrap_or("?");
        assert!(ids.insert(id.to_owned()), "duplicate vector id {id}");
        match run_vector(v, &schema) {
            Ok(findings) => examples.add(v, &findings),
            Err(e) => failures.push(format!("{id}: {e}")),
        }
    }
    let passed = vectors.len() - failures.len();
    println!("test vectors: {passed}/{} passed", vectors.len());
    assert!(
        failures.is_empty(),
        "{} vector(s) failed:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    examples.check();
}

/// Collects one example finding per code for `data/rule-examples.json`: from the first vector
/// (in manifest order) that expects the code, else from the first that reports it.
#[derive(Default)]
struct Examples {
    expected: std::collections::BTreeMap<String, fair_core::rules::Example>,
    reported: std::collections::BTreeMap<String, fair_core::rules::Example>,
}

impl Examples {
    fn add(&mut self, vector: &Value, findings: &[Value]) {
        let expects = |code: &str| {
            vector["expect"]["findings"]
                .as_array()
                .is_some_and(|e| e.iter().any(|f| f["code"] == code))
        };
        for finding in findings {
            let code = finding["code"].as_str().unwrap().to_owned();
            let example = fair_core::rules::Example {
                vector: vector["id"].as_str().unwrap().to_owned(),
                input: vector["input"].as_str().unwrap().to_owned(),
                message: finding["message"].as_str().unwrap().to_owned(),
            };
            let into = if expects(&code) {
                &mut self.expected
            } else {
                &mut self.reported
            };
            into.entry(code).or_insert(example);
        }
    }

    /// Compares with the committed file (rewrites it with `FAIRLINT_UPDATE_DOCS=1`).
    fn check(mut self) {
        for (code, example) in std::mem::take(&mut self.reported) {
            self.expected.entry(code).or_insert(example);
        }
        let generated = serde_json::to_string_pretty(&self.expected).unwrap() + "\n";
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../crates/fair-rules/data/rule-examples.json");
        if std::env::var_os("FAIRLINT_UPDATE_DOCS").is_some() {
            std::fs::write(&path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "crates/fair-rules/data/rule-examples.json is stale: run `FAIRLINT_UPDATE_DOCS=1 cargo test -p fair-core --test vectors`"
        );
        let updated = std::env::var_os("FAIRLINT_UPDATE_DOCS").is_some();
        for rule in fair_core::rules::all() {
            // Just rewritten: this build still embeds the old file.
            if !updated {
                assert_eq!(
                    fair_core::rules::example(rule.code),
                    self.expected.get(rule.code),
                    "{}: the embedded example differs from the generated one",
                    rule.code
                );
            }
            assert!(
                self.expected.contains_key(rule.code),
                "no test vector reports {}",
                rule.code
            );
        }
    }
}

#[test]
fn every_rule_has_a_vector_expecting_it() {
    let manifest = std::fs::read_to_string(vectors_dir().join("manifest.json")).unwrap();
    for rule in fair_core::rules::all() {
        assert!(
            manifest.contains(&format!("\"code\": \"{}\"", rule.code)),
            "no test vector expects {}",
            rule.code
        );
    }
}
