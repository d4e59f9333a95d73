//! RO-Crate 1.2 `must/4_data_entity_metadata.py`, its metadata parts: a data entity's `@id`
//! as written is a URI reference relative to the crate root or an absolute URI
//! (`check_identifiers`), and its `citation` references a publication by absolute URI
//! (`check_citation`). The payload and web availability checks of that file are not here.

use super::*;
use fair_model::Location;
use serde_json::Value;

/// Whether `entity` (a `@graph` object) is a data entity: typed `File` or `Dataset`.
fn is_data_entity(entity: &Value) -> bool {
    let is = |t: &Value| matches!(t.as_str(), Some("File" | "Dataset"));
    match entity.get("@type") {
        Some(Value::Array(items)) => items.iter().any(is),
        Some(t) => is(t),
        None => false,
    }
}

/// Whether `s` starts with a URI scheme (`^[A-Za-z][A-Za-z0-9+.-]*:`).
fn has_scheme(s: &str) -> bool {
    let Some((scheme, _)) = s.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'))
}

/// What is wrong with a data entity's `@id` as written (rocrate-validator's
/// `_data_entity_path_error`), if anything.
fn path_error(id: &str) -> Option<&'static str> {
    if id.contains('\\') || id.contains(' ') {
        return Some("has an invalid @id; use URI-compatible paths");
    }
    let b = id.as_bytes();
    if b.len() >= 3 && b[0].is_ascii_alphabetic() && b[1] == b':' && b[2] == b'/' {
        return Some("has a Windows drive path; use a relative URI path or an absolute file URI");
    }
    if has_scheme(id) {
        let (scheme, rest) = id.split_once(':').unwrap_or((id, ""));
        // The path of file:rest: after an authority (//host) if any.
        let path = rest
            .strip_prefix("//")
            .map(|r| r.find('/').map_or("", |i| &r[i..]))
            .unwrap_or(rest);
        if scheme.eq_ignore_ascii_case("file") && !path.starts_with('/') {
            return Some(
                "has an invalid @id; the file URI path MUST be absolute (RFC 8089 section 2)",
            );
        }
        return None;
    }
    if id.starts_with("//") {
        return Some("has a network-path reference; use an absolute URI with a scheme or a path relative to the RO-Crate root");
    }
    if id.starts_with('/') {
        return Some("MUST use a relative @id within the RO-Crate root");
    }
    None
}

/// 1.2 MUST: data entity `@id`s and `citation`s, on the JSON as written.
pub(super) fn check_data_entities(
    c: &mut Checker<'_, '_>,
    doc: &Document,
    focus_of: &dyn Fn(usize, &Value) -> String,
) {
    let Some(Value::Array(graph)) = doc.json().and_then(|j| j.value.get("@graph")) else {
        return;
    };
    // The root data entity: what the descriptor is about, as written.
    let root = graph
        .iter()
        .find(|e| {
            e.get("@id")
                .and_then(Value::as_str)
                .is_some_and(|id| id.ends_with("ro-crate-metadata.json"))
        })
        .and_then(|d| d.get("about"))
        .and_then(|a| a.get("@id"))
        .and_then(Value::as_str);
    for (i, entity) in graph.iter().enumerate() {
        if !is_data_entity(entity) {
            continue;
        }
        let id = entity.get("@id").and_then(Value::as_str);
        if let Some(id) = id.filter(|id| Some(*id) != root && !id.starts_with('#')) {
            if let Some(error) = path_error(id) {
                c.fail_at(
                    Failure {
                        code: ROCRATE_DATA_ENTITY_ID,
                        severity: Severity::Error,
                        principle: Principle::F1,
                        name: "DataEntityIdentifier",
                        focus: focus_of(i, entity),
                        predicate: None,
                        value: Some(format!("\"{}\"", id.replace('\\', "\\\\").replace('"', "\\\""))),
                        message: format!("the data entity '{id}' {error}"),
                        fix: "Identify a file in the crate by its path relative to the crate root (e.g. \"data/reads.fastq\"), an outside resource by an absolute URI".to_owned(),
                    },
                    Some(Location::pointer(format!("/@graph/{i}/@id"))),
                );
            }
        }
        let citations = match entity.get("citation") {
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(k, v)| (format!("/{k}"), v))
                .collect(),
            Some(v) => vec![(String::new(), v)],
            None => Vec::new(),
        };
        for (suffix, citation) in citations {
            let target = citation
                .as_str()
                .or_else(|| citation.get("@id").and_then(Value::as_str));
            let problem = match target {
                None => Some("must reference a publication by its @id".to_owned()),
                Some(t) if !has_scheme(t) => Some(format!("must be an absolute URI (it is '{t}')")),
                Some(_) => None,
            };
            if let Some(problem) = problem {
                c.fail_at(
                    Failure {
                        code: ROCRATE_CITATION_NOT_URI,
                        severity: Severity::Error,
                        principle: Principle::R1_2,
                        name: "DataEntityCitation",
                        focus: focus_of(i, entity),
                        predicate: Some("http://schema.org/citation"),
                        value: Some(format!("\"/@graph/{i}/citation{suffix}\"")),
                        message: format!("the citation of data entity '{}' {problem}", id.unwrap_or("?")),
                        fix: "Cite the publication by its absolute URI: \"citation\": {\"@id\": \"https://doi.org/...\"}".to_owned(),
                    },
                    Some(Location::pointer(format!("/@graph/{i}/citation{suffix}"))),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::format::tests::{crate_with, of};
    use super::path_error;
    use fair_model::Severity;

    #[test]
    fn path_errors() {
        for (id, bad) in [
            ("data/reads.fastq", false),
            ("https://example.org/x.csv", false),
            ("file:///data/x.csv", false),
            ("file://host/data/x.csv", false),
            ("file:data/x.csv", true),
            ("/data/x.csv", true),
            ("//host/x.csv", true),
            ("C:/data/x.csv", true),
            ("data\\x.csv", true),
            ("my file.csv", true),
        ] {
            assert_eq!(path_error(id).is_some(), bad, "{id}");
        }
    }

    #[test]
    fn data_entity_ids_and_citations_from_1_2() {
        let extra = r#", {"@id": "/abs/data.csv", "@type": "File", "name": "abs"}, {"@id": "data.csv", "@type": "File", "name": "ok", "citation": ["https://doi.org/10.1/x", "see paper", {"@value": "x"}]}"#;
        let json = crate_with(
            "1.2",
            r#", "hasPart": [{"@id": "/abs/data.csv"}, {"@id": "data.csv"}]"#,
            extra,
        );
        assert_eq!(
            of(&json, "1.2", "I240"),
            vec![(Severity::Error, Some("/@graph/5/@id".to_owned()))]
        );
        let mut cites = of(&json, "1.2", "R163");
        cites.sort_by(|a, b| a.1.cmp(&b.1));
        assert_eq!(
            cites,
            vec![
                (Severity::Error, Some("/@graph/6/citation/1".to_owned())),
                (Severity::Error, Some("/@graph/6/citation/2".to_owned())),
            ]
        );
        assert!(of(&json, "1.1", "I240").is_empty());
        assert!(of(&json, "1.1", "R163").is_empty());
    }
}
