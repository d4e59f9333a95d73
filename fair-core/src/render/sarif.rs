//! SARIF 2.1.0: the report as a static-analysis log, for code-scanning tools (GitHub, GitLab,
//! IDEs). `rules[]` lists every code of the registry plus any other code the report uses (codes
//! of user shapes), each with its documentation page (see `documentation`).

use super::Entry;
use crate::finding::{Finding, Severity};
use crate::report::Report;
use crate::rules;
use serde_json::{json, Map, Value};

/// The SARIF 2.1.0 JSON schema the output conforms to.
pub const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Puts a rule's documentation page in its descriptor: as `helpUri` when `url` is absolute
/// (SARIF 2.1.0 3.49.12 wants an absolute URI there), else, while the pages are a path in
/// fairlint's repository (`docs/site/src/rules/<CODE>.md`), as `properties.documentation`.
fn documentation(descriptor: &mut Value, url: &str) {
    let Value::Object(d) = descriptor else {
        return;
    };
    if url.starts_with("https://") || url.starts_with("http://") {
        d.insert("helpUri".to_owned(), Value::String(url.to_owned()));
    } else if let Some(Value::Object(properties)) = d.get_mut("properties") {
        properties.insert("documentation".to_owned(), Value::String(url.to_owned()));
    }
}

/// The report as a SARIF 2.1.0 log (pretty-printed JSON with a final newline). Deterministic:
/// rules in registry order, then other codes in order of first use; results in report order.
pub fn sarif(report: &Report) -> String {
    sarif_batch(&[Entry::Report(report)])
}

/// A batch as one SARIF 2.1.0 log with one run: every input an artifact (in entry order), the
/// results of all reports in entry order, each pointing at its input's artifact; an input that
/// could not be checked is a `toolExecutionNotifications` entry of the run's invocation (which
/// is then not `executionSuccessful`).
pub fn sarif_batch(entries: &[Entry<'_>]) -> String {
    let mut rule_ids: Vec<String> = rules::all().iter().map(|r| r.code.to_owned()).collect();
    let mut descriptors: Vec<Value> = rules::all()
        .iter()
        .map(|r| {
            let mut descriptor = json!({
                "id": r.code,
                "name": r.slug,
                "shortDescription": { "text": r.summary },
                "help": { "text": r.fix },
                "defaultConfiguration": { "level": level(r.severity) },
                "properties": {
                    "principle": r.principle.name(),
                    "status": r.status,
                    "since": r.since,
                },
            });
            documentation(&mut descriptor, &rules::docs_url(r.code));
            descriptor
        })
        .collect();
    let mut artifacts = Vec::new();
    // Each result is pretty-printed as soon as it is made, so a large batch never holds every
    // result as a JSON tree; they are spliced into the log at the end (see `splice_results`).
    let mut results: Vec<String> = Vec::new();
    let mut notifications = Vec::new();
    for entry in entries {
        // Every named input is an artifact; a report without a name has none.
        let artifact = match entry {
            Entry::Report(Report { input: None, .. }) => None,
            _ => {
                artifacts.push(json!({ "location": { "uri": uri_reference(entry.input()) } }));
                Some(artifacts.len() - 1)
            }
        };
        match entry {
            Entry::Report(report) => {
                for f in &report.findings {
                    if !rule_ids.contains(&f.code) {
                        rule_ids.push(f.code.clone());
                        descriptors.push(user_rule(f));
                    }
                    let index = rule_ids.iter().position(|id| *id == f.code).unwrap_or(0);
                    let value = result(report, f, index, artifact);
                    results.push(serde_json::to_string_pretty(&value).unwrap_or_default());
                }
            }
            Entry::Failed {
                input,
                code,
                message,
                location,
            } => {
                let mut physical = Map::new();
                physical.insert(
                    "artifactLocation".to_owned(),
                    json!({ "uri": uri_reference(input), "index": artifact }),
                );
                if let Some(line) = location.and_then(|l| l.line) {
                    let mut region = json!({ "startLine": line });
                    if let (Some(column), Value::Object(r)) =
                        (location.and_then(|l| l.column), &mut region)
                    {
                        r.insert("startColumn".to_owned(), json!(column));
                    }
                    physical.insert("region".to_owned(), region);
                }
                let mut notification = json!({
                    "level": "error",
                    "message": { "text": format!("{input}: cannot check: {message}") },
                    "descriptor": { "id": code },
                    "locations": [{ "physicalLocation": physical }],
                });
                if let (Some(pointer), Value::Object(n)) =
                    (location.and_then(|l| l.pointer.as_ref()), &mut notification)
                {
                    n.insert("properties".to_owned(), json!({ "pointer": pointer }));
                }
                notifications.push(notification);
            }
        }
    }
    let version = env!("CARGO_PKG_VERSION");
    let mut invocation = json!({ "executionSuccessful": notifications.is_empty() });
    if !notifications.is_empty() {
        if let Value::Object(i) = &mut invocation {
            i.insert(
                "toolExecutionNotifications".to_owned(),
                Value::Array(notifications),
            );
        }
    }
    let mut run = json!({
        "tool": {
            "driver": {
                "name": "fairlint",
                "version": version,
                "semanticVersion": version,
                "rules": descriptors,
            }
        },
        "invocations": [invocation],
        "columnKind": "unicodeCodePoints",
        "results": [],
    });
    // One report: its facts as the run's properties (as before batches).
    if let [Entry::Report(report)] = entries {
        if let Value::Object(r) = &mut run {
            r.insert(
                "properties".to_owned(),
                json!({
                    "schema_version": report.schema_version,
                    "profile": report.profile,
                    "conforms": report.conforms,
                    "truncated": report.truncated,
                    "document": report.document,
                }),
            );
        }
    }
    if !artifacts.is_empty() {
        if let Value::Object(r) = &mut run {
            r.insert("artifacts".to_owned(), Value::Array(artifacts));
        }
    }
    let log = json!({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [run],
    });
    let mut out = splice_results(
        &serde_json::to_string_pretty(&log).unwrap_or_default(),
        &results,
    );
    out.push('\n');
    out
}

/// The log with `results` (each pretty-printed on its own) in place of the run's empty
/// `"results": []`. Pretty-printing nests by indenting every line, and JSON strings hold no
/// raw line breaks, so indenting each result's lines by its depth (8 spaces) gives the bytes
/// pretty-printing the whole log would.
fn splice_results(log: &str, results: &[String]) -> String {
    const EMPTY: &str = "\"results\": []";
    let Some(at) = log.find(EMPTY) else {
        return log.to_owned();
    };
    if results.is_empty() {
        return log.to_owned();
    }
    let mut out =
        String::with_capacity(log.len() + results.iter().map(|r| r.len() + 64).sum::<usize>());
    out.push_str(&log[..at]);
    out.push_str("\"results\": [\n");
    for (i, r) in results.iter().enumerate() {
        for (j, line) in r.lines().enumerate() {
            if j > 0 {
                out.push('\n');
            }
            out.push_str("        ");
            out.push_str(line);
        }
        out.push_str(if i + 1 < results.len() { ",\n" } else { "\n" });
    }
    out.push_str("      ]");
    out.push_str(&log[at + EMPTY.len()..]);
    out
}

/// The descriptor of a code outside the registry (a user shape's).
fn user_rule(f: &Finding) -> Value {
    let mut descriptor = json!({
        "id": f.code,
        "shortDescription": { "text": format!("Code {} (not in fairlint's registry: a user shape)", f.code) },
        "defaultConfiguration": { "level": level(f.severity) },
        "properties": { "principle": f.principle.name() },
    });
    documentation(&mut descriptor, &f.url);
    if let Value::Object(d) = &mut descriptor {
        if let Some(shape) = &f.source.shape {
            d.insert("name".to_owned(), Value::String(shape.clone()));
        }
    }
    descriptor
}

/// An input name as a URI reference: a URL stays as it is; in a file path, characters a URI
/// cannot hold (spaces, `%`, `#`, `?`, non-ASCII, a `:` that would read as a scheme) are
/// percent-encoded.
fn uri_reference(name: &str) -> String {
    if name.starts_with("http://") || name.starts_with("https://") {
        return name.to_owned();
    }
    let mut out = String::with_capacity(name.len());
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=@".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn result(report: &Report, f: &Finding, rule_index: usize, artifact: Option<usize>) -> Value {
    let mut location = Map::new();
    if let Some(loc) = &f.location {
        if let Some(line) = loc.line {
            let mut region = Map::new();
            region.insert("startLine".to_owned(), json!(line));
            if let Some(column) = loc.column {
                region.insert("startColumn".to_owned(), json!(column));
            }
            let artifact = match (&report.input, artifact) {
                (Some(input), Some(index)) => {
                    json!({ "uri": uri_reference(input), "index": index })
                }
                _ => json!({ "description": { "text": "the validated input" } }),
            };
            location.insert(
                "physicalLocation".to_owned(),
                json!({ "artifactLocation": artifact, "region": region }),
            );
        }
    }
    // No line (JSON formats): the named input as a whole, so code-scanning tools can file the
    // result under its file; the JSON Pointer below says where in it.
    if let (None, Some(input), Some(index)) =
        (location.get("physicalLocation"), &report.input, artifact)
    {
        location.insert(
            "physicalLocation".to_owned(),
            json!({ "artifactLocation": { "uri": uri_reference(input), "index": index } }),
        );
    }
    let mut logical = Vec::new();
    if let Some(pointer) = f.location.as_ref().and_then(|l| l.pointer.as_ref()) {
        logical.push(json!({
            "name": if pointer.is_empty() { "JSON root" } else { pointer.as_str() },
            "fullyQualifiedName": pointer,
            "kind": "object",
        }));
    }
    if let Some(focus) = &f.focus_node {
        logical.push(json!({ "name": focus, "fullyQualifiedName": focus, "kind": "resource" }));
    }
    if !logical.is_empty() {
        location.insert("logicalLocations".to_owned(), Value::Array(logical));
    }
    let mut properties = Map::new();
    properties.insert("principle".to_owned(), json!(f.principle.name()));
    properties.insert("severity".to_owned(), json!(f.severity));
    for (key, value) in [
        ("focus_node", &f.focus_node),
        ("path", &f.path),
        ("value", &f.value),
    ] {
        if let Some(v) = value {
            properties.insert(key.to_owned(), json!(v));
        }
    }
    if !f.context.is_empty() {
        properties.insert("context".to_owned(), json!(f.context));
    }
    if let Some(fix) = &f.fix {
        properties.insert("fix".to_owned(), json!(fix));
    }
    properties.insert("source".to_owned(), json!(f.source));
    if let Some(block) = f.location.as_ref().and_then(|l| l.block) {
        properties.insert("script_block".to_owned(), json!(block));
    }
    let mut result = json!({
        "ruleId": f.code,
        "ruleIndex": rule_index,
        "level": level(f.severity),
        "message": { "text": f.message },
        "properties": properties,
    });
    if !location.is_empty() {
        if let Value::Object(r) = &mut result {
            r.insert(
                "locations".to_owned(),
                Value::Array(vec![Value::Object(location)]),
            );
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Engine, Format};

    fn log(bytes: &[u8], format: Format, name: Option<&str>) -> Value {
        let engine = Engine::builder().profile("core").build().unwrap();
        let report = engine.check(bytes, Some(format), name).unwrap();
        serde_json::from_str(&sarif(&report)).unwrap()
    }

    #[test]
    fn spliced_results_are_what_pretty_printing_the_whole_log_gives() {
        let json = br#"{"@context": "https://schema.org/", "@type": "Dataset", "@id": "https://example.org/x", "bsc:input": "y", "author": "z"}"#;
        let engine = Engine::builder().profile("core").build().unwrap();
        let mut report = engine.check(json, Some(Format::JsonLd), None).unwrap();
        report.set_input("a b.json");
        let text = sarif(&report);
        let value: Value = serde_json::from_str(&text).unwrap();
        assert!(value["runs"][0]["results"].as_array().unwrap().len() > 1);
        let mut whole = serde_json::to_string_pretty(&value).unwrap();
        whole.push('\n');
        assert_eq!(text, whole);
    }

    #[test]
    fn structure_of_a_sarif_log() {
        let ttl = b"@prefix schema: <http://schema.org/> .\n\n<https://example.org/ds/1> a schema:Dataset ;\n  schema:name \"x\" .\n";
        let log = log(ttl, Format::Turtle, Some("record.ttl"));
        assert_eq!(log["version"], "2.1.0");
        assert_eq!(log["$schema"], SARIF_SCHEMA);
        let runs = log["runs"].as_array().unwrap();
        assert_eq!(runs.len(), 1);
        let run = &runs[0];
        assert_eq!(run["tool"]["driver"]["name"], "fairlint");
        let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
        // Every registry code is a rule, with its documentation page: a path in the
        // repository, so not a helpUri (SARIF wants an absolute URI there).
        for (i, r) in rules::all().iter().enumerate() {
            assert_eq!(rules[i]["id"], r.code);
            assert_eq!(
                rules[i]["properties"]["documentation"],
                format!("docs/site/src/rules/{}.md", r.code)
            );
            assert!(rules[i].get("helpUri").is_none());
            assert!(rules[i]["shortDescription"]["text"].is_string());
        }
        assert_eq!(run["artifacts"][0]["location"]["uri"], "record.ttl");
        let results = run["results"].as_array().unwrap();
        assert_eq!(results.len(), 1, "{results:?}");
        let r = &results[0];
        assert_eq!(r["ruleId"], "R001");
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], "R001");
        assert_eq!(r["level"], "warning");
        assert!(r["message"]["text"].as_str().unwrap().len() > 3);
        let physical = &r["locations"][0]["physicalLocation"];
        assert_eq!(physical["artifactLocation"]["uri"], "record.ttl");
        assert_eq!(physical["region"]["startLine"], 3);
        let logical = r["locations"][0]["logicalLocations"].as_array().unwrap();
        assert!(logical
            .iter()
            .any(|l| l["fullyQualifiedName"] == "<https://example.org/ds/1>"));
    }

    #[test]
    fn json_pointer_is_a_logical_location_and_levels_map() {
        let json = br#"{"@context": "https://schema.org/", "@type": "Dataset", "@id": "https://example.org/x", "bsc:input": "y", "author": "z"}"#;
        let log = log(json, Format::JsonLd, None);
        let run = &log["runs"][0];
        assert!(run.get("artifacts").is_none());
        let results = run["results"].as_array().unwrap();
        assert!(!results.is_empty());
        for r in results {
            assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap()));
            let locations = r["locations"].as_array().unwrap();
            let logical = locations[0]["logicalLocations"].as_array().unwrap();
            assert!(logical.iter().any(|l| l["fullyQualifiedName"]
                .as_str()
                .is_some_and(|p| p.is_empty() || p.starts_with('/'))));
            // No line for JSON-LD and no input name: no physical location at all.
            assert!(locations[0].get("physicalLocation").is_none());
        }
    }
}
