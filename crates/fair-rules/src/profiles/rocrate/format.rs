//! The form of the RO-Crate metadata file as written: rocrate-validator's Python checks
//! `must/0_file_descriptor_format.py` (1.1, 1.2), `1.3/must/0_file_descriptor_context.py`,
//! `should/3_entity_property_compact_representation_*.py` and 1.1's
//! `should/2_root_data_entity_relative_uri.py`. They read the JSON, not the graph: a
//! flattened, compacted JSON-LD document whose `@graph` entities each have an `@id` and an
//! `@type`. Findings are located at the JSON Pointer of the offending entity or key. A
//! document that is not JSON-LD text (Turtle, RDF/XML, an HTML page) has no such form and is
//! not checked here.

use super::*;
use fair_ingest::JsonSource;
use fair_model::Location;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};

/// JSON-LD keywords the compaction check accepts as keys (rocrate-validator's
/// `_COMPACTION_KEYWORDS`).
const COMPACTION_KEYWORDS: &[&str] = &["@id", "@type", "@context", "@value", "@language"];

/// Characters a simple term definition's IRI must end with to serve as a JSON-LD 1.1 prefix.
const GEN_DELIMS: &[char] = &[':', '/', '?', '#', '[', ']', '@'];

/// `key` escaped as a JSON Pointer reference token (RFC 6901).
pub(super) fn token(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// The graph nodes by the JSON Pointer of the `@graph` entity (`/@graph/N`) that describes
/// them, from where the source map places their keys.
fn nodes_by_pointer(doc: &Document) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for (node, keys) in doc.source_map().json_keys() {
        for (_, location) in keys {
            let Some(rest) = location
                .pointer
                .as_deref()
                .and_then(|p| p.strip_prefix("/@graph/"))
            else {
                continue;
            };
            let index = rest.split('/').next().unwrap_or(rest);
            out.entry(format!("/@graph/{index}"))
                .or_insert_with(|| node.to_owned());
        }
    }
    out
}

/// What the form checks need: the JSON, the focus of each `@graph` entity, the descriptor's
/// focus for document-level findings.
struct Form<'d> {
    json: &'d JsonSource,
    nodes: HashMap<String, String>,
    fallback: String,
}

impl Form<'_> {
    /// The focus of the `@graph` entity at index `i`: its graph node, else its `@id` as
    /// written, else the descriptor.
    fn focus(&self, i: usize, entity: &Value) -> String {
        self.nodes
            .get(&format!("/@graph/{i}"))
            .cloned()
            .or_else(|| {
                entity
                    .get("@id")
                    .and_then(Value::as_str)
                    .map(|id| format!("<{id}>"))
            })
            .unwrap_or_else(|| self.fallback.clone())
    }
}

/// A short rendering of an entity for messages: its `@id`, else its `name`, else its index.
fn label(i: usize, entity: &Value) -> String {
    entity
        .get("@id")
        .and_then(Value::as_str)
        .or_else(|| entity.get("name").and_then(Value::as_str))
        .map(str::to_owned)
        .unwrap_or_else(|| format!("@graph[{i}]"))
}

/// Runs the form checks of RO-Crate `c.version` on `doc`. `md_focus` is the descriptor's
/// focus (document-level findings), `conforms_minor` the RO-Crate 1.x minor version the
/// descriptor's conformsTo names, if any.
pub(super) fn check_format(
    c: &mut Checker<'_, '_>,
    doc: &Document,
    md_focus: &str,
    conforms_minor: Option<u32>,
) {
    let Some(json) = doc.json() else {
        return;
    };
    let form = Form {
        json,
        nodes: nodes_by_pointer(doc),
        fallback: md_focus.to_owned(),
    };
    let Value::Object(top) = &json.value else {
        return;
    };
    check_context(c, &form, top, conforms_minor);
    let Some(Value::Array(graph)) = top.get("@graph") else {
        c.fail_at(
            Failure {
                code: ROCRATE_NOT_FLATTENED,
                severity: Severity::Error,
                principle: Principle::I1,
                name: "FileDescriptorFlattened",
                focus: form.fallback.clone(),
                predicate: None,
                value: None,
                message: "the metadata file must be flattened JSON-LD, a top-level object whose @graph array holds the entities".to_owned(),
                fix: "Write the metadata file as {\"@context\": ..., \"@graph\": [...]}, one node object per entity".to_owned(),
            },
            Some(Location::pointer("")),
        );
        return;
    };
    for (i, entity) in graph.iter().enumerate() {
        let pointer = format!("/@graph/{i}");
        let focus = form.focus(i, entity);
        check_flat(c, &focus, entity, &pointer, true);
        if let Value::Object(map) = entity {
            for (key, code, name, what) in [
                (
                    "@id",
                    ROCRATE_ENTITY_NO_ID,
                    "FileDescriptorEntityId",
                    "an @id",
                ),
                (
                    "@type",
                    ROCRATE_ENTITY_NO_TYPE,
                    "FileDescriptorEntityType",
                    "an @type",
                ),
            ] {
                if !map.contains_key(key) {
                    c.fail_at(
                        Failure {
                            code,
                            severity: Severity::Error,
                            principle: Principle::I1,
                            name,
                            focus: focus.clone(),
                            predicate: None,
                            value: None,
                            message: format!(
                                "every entity of @graph must have {what} (entity {} has none)",
                                label(i, entity)
                            ),
                            fix: format!("Give the entity {what}"),
                        },
                        Some(Location::pointer(pointer.clone())),
                    );
                }
            }
            check_singleton_arrays(c, top.get("@context"), &focus, map, &pointer);
            if c.version != "1.1" {
                check_subject_keywords(c, &focus, map, &pointer);
            }
        }
    }
    if c.version != "1.1" {
        check_unique_ids(c, &form, graph);
        super::data_entity::check_data_entities(c, doc, &|i, e| form.focus(i, e));
    }
    check_compaction(c, &form, graph);
    if c.version == "1.1" {
        check_root_dot(c, &form, graph);
    }
}

/// `@context` is present (1.1, 1.2, 1.3) and references the RO-Crate context of the version
/// the descriptor conforms to (1.2: `https://w3id.org/ro/crate/1.2/context`; 1.3:
/// `.../1.3/context`).
fn check_context(
    c: &mut Checker<'_, '_>,
    form: &Form<'_>,
    top: &Map<String, Value>,
    conforms_minor: Option<u32>,
) {
    let Some(context) = top.get("@context") else {
        c.fail_at(
            Failure {
                code: ROCRATE_NO_CONTEXT,
                severity: Severity::Error,
                principle: Principle::I1,
                name: "FileDescriptorContext",
                focus: form.fallback.clone(),
                predicate: None,
                value: None,
                message: "the metadata file does not contain a @context".to_owned(),
                fix: format!(
                    "Add \"@context\": \"https://w3id.org/ro/crate/{}/context\"",
                    c.version
                ),
            },
            Some(Location::pointer("")),
        );
        return;
    };
    if c.version == "1.1" {
        return;
    }
    let minor = conforms_minor.filter(|m| *m >= 2).unwrap_or(2);
    let expected = format!("https://w3id.org/ro/crate/1.{minor}/context");
    let found = match context {
        Value::String(s) => *s == expected,
        Value::Array(items) => items.iter().any(|v| v.as_str() == Some(expected.as_str())),
        _ => false,
    };
    if !found {
        c.fail_at(
            Failure {
                code: ROCRATE_CONTEXT_NOT_ROCRATE,
                severity: Severity::Error,
                principle: Principle::I1,
                name: "FileDescriptorRoCrateContext",
                focus: form.fallback.clone(),
                predicate: None,
                value: None,
                message: format!(
                    "the metadata file's @context does not reference the required context \"{expected}\""
                ),
                fix: format!("Use \"@context\": \"{expected}\" (or a list that holds it)"),
            },
            Some(Location::pointer("/@context")),
        );
    }
}

/// Flattened form: below an entity of `@graph`, every object is a reference `{"@id": ...}`
/// (nothing else) or a valid value object (rocrate-validator's `_is_entity_flat`).
fn check_flat(c: &mut Checker<'_, '_>, focus: &str, value: &Value, pointer: &str, first: bool) {
    match value {
        Value::Object(map) if first => {
            for (k, v) in map {
                check_flat(c, focus, v, &format!("{pointer}/{}", token(k)), false);
            }
        }
        Value::Object(map) => check_nested_object(c, focus, map, pointer),
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                check_flat(c, focus, v, &format!("{pointer}/{i}"), false);
            }
        }
        _ => {}
    }
}

fn check_nested_object(
    c: &mut Checker<'_, '_>,
    focus: &str,
    map: &Map<String, Value>,
    pointer: &str,
) {
    // A value object: the JSON-LD reader has already refused the invalid ones (@id with
    // @value, @language with @type or with a non-string @value) as a parse error.
    if map.contains_key("@value") {
        return;
    }
    if !map.contains_key("@id") || map.len() > 1 {
        c.fail_at(
            Failure {
                code: ROCRATE_NOT_FLATTENED,
                severity: Severity::Error,
                principle: Principle::I1,
                name: "FileDescriptorFlattened",
                focus: focus.to_owned(),
                predicate: None,
                value: Some(format!("\"{pointer}\"")),
                message: "the metadata file must be flattened JSON-LD: a nested object must be a reference with only an @id, not a node object with its own properties".to_owned(),
                fix: "Move the nested entity to @graph with its own @id and refer to it as {\"@id\": \"...\"}".to_owned(),
            },
            Some(Location::pointer(pointer.to_owned())),
        );
    }
}

/// The terms the document's own `@context` objects define with an `@set` or `@list`
/// container (rocrate-validator's `_context_containers`: later definitions override).
fn array_containers(context: Option<&Value>, out: &mut BTreeMap<String, bool>) {
    match context {
        Some(Value::Array(items)) => {
            for item in items {
                array_containers(Some(item), out);
            }
        }
        Some(Value::Object(map)) => {
            for (term, definition) in map.iter().filter(|(t, _)| !t.starts_with('@')) {
                let keeps = match definition.get("@container") {
                    Some(Value::String(s)) => s == "@set" || s == "@list",
                    Some(Value::Array(items)) => items
                        .iter()
                        .any(|v| matches!(v.as_str(), Some("@set" | "@list"))),
                    _ => false,
                };
                out.insert(term.clone(), keeps);
            }
        }
        _ => {}
    }
}

/// SHOULD: a property with one value is written as the value, not a one-element array
/// (unless the term has an `@set` / `@list` container).
fn check_singleton_arrays(
    c: &mut Checker<'_, '_>,
    context: Option<&Value>,
    focus: &str,
    entity: &Map<String, Value>,
    pointer: &str,
) {
    let mut containers = BTreeMap::new();
    array_containers(context, &mut containers);
    for (key, value) in entity.iter().filter(|(k, _)| !k.starts_with('@')) {
        if matches!(value, Value::Array(items) if items.len() == 1)
            && !containers.get(key).copied().unwrap_or(false)
        {
            c.fail_at(
                Failure {
                    code: ROCRATE_SINGLETON_ARRAY,
                    severity: Severity::Warning,
                    principle: Principle::I1,
                    name: "EntityPropertyCompactRepresentation",
                    focus: focus.to_owned(),
                    predicate: None,
                    value: Some(format!("\"{key}\"")),
                    message: format!(
                        "property \"{key}\" should be written as a single value, not a one-element array"
                    ),
                    fix: format!("Write \"{key}\": VALUE instead of \"{key}\": [VALUE]"),
                },
                Some(Location::pointer(format!("{pointer}/{}", token(key)))),
            );
        }
    }
}

/// 1.2 MUST: subjects are given with schema.org `about`, keywords with `keywords` (not
/// `subject`, `dct:subject`, `dcterms:subject` or `keyword`).
fn check_subject_keywords(
    c: &mut Checker<'_, '_>,
    focus: &str,
    entity: &Map<String, Value>,
    pointer: &str,
) {
    for key in ["subject", "dct:subject", "dcterms:subject", "keyword"] {
        if entity.contains_key(key) {
            let instead = if key == "keyword" {
                "keywords"
            } else {
                "about"
            };
            c.fail_at(
                Failure {
                    code: ROCRATE_SUBJECT_KEYWORDS,
                    severity: Severity::Error,
                    principle: Principle::I2,
                    name: "FileDescriptorSubjectKeywords",
                    focus: focus.to_owned(),
                    predicate: None,
                    value: Some(format!("\"{key}\"")),
                    message: format!("the entity must use schema.org '{instead}', not '{key}'"),
                    fix: format!("Rename \"{key}\" to \"{instead}\""),
                },
                Some(Location::pointer(format!("{pointer}/{}", token(key)))),
            );
        }
    }
}

/// 1.2 MUST: no two entities of `@graph` have the same `@id`.
fn check_unique_ids(c: &mut Checker<'_, '_>, form: &Form<'_>, graph: &[Value]) {
    let mut seen: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, entity) in graph.iter().enumerate() {
        if let Some(id) = entity.get("@id").and_then(Value::as_str) {
            seen.entry(id).or_default().push(i);
        }
    }
    for (id, at) in seen.into_iter().filter(|(_, at)| at.len() > 1) {
        for &i in &at[1..] {
            c.fail_at(
                Failure {
                    code: ROCRATE_DUPLICATE_ID,
                    severity: Severity::Error,
                    principle: Principle::I1,
                    name: "FileDescriptorUniqueIdentifiers",
                    focus: form.focus(i, &graph[i]),
                    predicate: None,
                    value: Some(format!("\"{id}\"")),
                    message: format!(
                        "the @id \"{id}\" is used by {} entities of @graph; each entity must have its own",
                        at.len()
                    ),
                    fix: "Merge the entities that share the @id into one, or give each its own @id".to_owned(),
                },
                Some(Location::pointer(format!("/@graph/{i}/@id"))),
            );
        }
    }
}

/// Whether `key` is a compact IRI the context allows (rocrate-validator's `_is_compact_iri`:
/// JSON-LD 1.0 policy unless the context says `"@version": 1.1`).
fn is_compact_iri(json: &JsonSource, definitions: &Map<String, Value>, key: &str) -> bool {
    let Some((prefix, suffix)) = key.split_once(':') else {
        return false;
    };
    if prefix == "_" || suffix.starts_with("//") {
        return false;
    }
    let Some(iri) = json.mapped_iri(prefix) else {
        return false;
    };
    if definitions.get("@version").and_then(Value::as_f64) != Some(1.1) {
        return true;
    }
    match definitions.get(prefix) {
        Some(Value::Object(d)) => d.get("@prefix") == Some(&Value::Bool(true)),
        _ => iri.ends_with(GEN_DELIMS),
    }
}

/// Compacted form: every key below `@graph` is a keyword, a term of the context or an
/// allowed compact IRI, not a full IRI or an undefined name (rocrate-validator's
/// `find_unexpected_compaction_keys`). One finding per key, at its first occurrence, with
/// the number of occurrences.
fn check_compaction(c: &mut Checker<'_, '_>, form: &Form<'_>, graph: &[Value]) {
    let Some(definitions) = &form.json.definitions else {
        return;
    };
    // key -> (occurrences, pointer of the first, index of its @graph entity)
    let mut unexpected: BTreeMap<String, (usize, String, usize)> = BTreeMap::new();
    let mut visit = |value: &Value, pointer: String, entity: usize| {
        let mut stack = vec![(value, pointer)];
        while let Some((value, pointer)) = stack.pop() {
            match value {
                Value::Array(items) => {
                    for (i, v) in items.iter().enumerate().rev() {
                        stack.push((v, format!("{pointer}/{i}")));
                    }
                }
                Value::Object(map) => {
                    let mut children = Vec::new();
                    for (key, item) in map {
                        let at = format!("{pointer}/{}", token(key));
                        let defined = match definitions.get(key) {
                            None | Some(Value::Null) => false,
                            Some(Value::Object(d)) => d.get("@id") != Some(&Value::Null),
                            Some(_) => true,
                        };
                        if !COMPACTION_KEYWORDS.contains(&key.as_str())
                            && !defined
                            && (definitions.contains_key(key)
                                || !is_compact_iri(form.json, definitions, key))
                        {
                            let e =
                                unexpected
                                    .entry(key.clone())
                                    .or_insert((0, at.clone(), entity));
                            e.0 += 1;
                        }
                        if key != "@context" && key != "@value" {
                            children.push((item, at));
                        }
                    }
                    stack.extend(children.into_iter().rev());
                }
                _ => {}
            }
        }
    };
    for (i, entity) in graph.iter().enumerate() {
        visit(entity, format!("/@graph/{i}"), i);
    }
    for (key, (count, pointer, entity)) in unexpected {
        let times = if count == 1 {
            "once".to_owned()
        } else {
            format!("{count} times")
        };
        let message = if key.starts_with("http") {
            format!("the metadata file must be compacted JSON-LD: the IRI \"{key}\" is used as a key ({times}) although the @context maps no term or compact IRI to it")
        } else {
            format!("the metadata file must be compacted JSON-LD: the key \"{key}\" (used {times}) is not a term or compact IRI defined by the @context")
        };
        c.fail_at(
            Failure {
                code: ROCRATE_NOT_COMPACTED,
                severity: Severity::Error,
                principle: Principle::I1,
                name: "FileDescriptorCompacted",
                focus: form.focus(entity, &graph[entity]),
                predicate: None,
                value: Some(format!("\"{}\"", key.replace('\\', "\\\\").replace('"', "\\\""))),
                message,
                fix: "Use the RO-Crate context's term for the property, or define the term in an extra @context object".to_owned(),
            },
            Some(Location::pointer(pointer)),
        );
    }
}

/// 1.1 SHOULD: the root data entity is written `"./"` (the descriptor's `about` as written).
fn check_root_dot(c: &mut Checker<'_, '_>, form: &Form<'_>, graph: &[Value]) {
    let descriptor = graph.iter().enumerate().find(|(_, e)| {
        e.get("@id").and_then(Value::as_str).is_some_and(|id| {
            id == "ro-crate-metadata.json"
                || is_descriptor_iri(id, true)
                || id == "ro-crate-metadata.jsonld"
        })
    });
    let Some((i, md)) = descriptor else {
        return;
    };
    let about = match md.get("about") {
        Some(Value::Array(items)) if items.len() == 1 => &items[0],
        Some(v) => v,
        None => return,
    };
    let Some(id) = about.get("@id").and_then(Value::as_str) else {
        return;
    };
    if id != "./" {
        c.fail_at(
            Failure {
                code: ROCRATE_ROOT_ID_NOT_DOT,
                severity: Severity::Warning,
                principle: Principle::F1,
                name: "RootDataEntityRelativeUri",
                focus: form.focus(i, md),
                predicate: Some(ABOUT),
                value: Some(format!("\"{id}\"")),
                message: format!(
                    "the root data entity should be denoted by the string \"./\" (it is \"{id}\")"
                ),
                fix: "Use \"./\" as the root data entity's @id and in the descriptor's about"
                    .to_owned(),
            },
            Some(Location::pointer(format!("/@graph/{i}/about"))),
        );
    }
}

#[cfg(test)]
pub(super) mod tests {
    use crate::sink::FindingSink;
    use crate::subject::Subject;
    use fair_ingest::Document;
    use fair_model::{Format, Severity};
    use std::collections::BTreeMap;

    /// The (code, severity, JSON pointer) of each finding the RO-Crate `version` checks give
    /// on `json`.
    pub(in crate::profiles::rocrate) fn findings(
        json: &str,
        version: &'static str,
    ) -> Vec<(String, Severity, Option<String>)> {
        let doc = Document::parse(json.as_bytes(), Format::JsonLd).expect("test crate parses");
        let subject = Subject::of(&doc);
        let severity = BTreeMap::new();
        let mut sink = FindingSink::new(&doc, &severity, &[], true);
        super::super::check(&doc, &subject, version, None, &mut sink);
        let (found, _) = sink.finish(usize::MAX);
        found
            .into_iter()
            .map(|f| (f.code, f.severity, f.location.and_then(|l| l.pointer)))
            .collect()
    }

    /// The findings of `code` only.
    pub(in crate::profiles::rocrate) fn of(
        json: &str,
        version: &'static str,
        code: &str,
    ) -> Vec<(Severity, Option<String>)> {
        findings(json, version)
            .into_iter()
            .filter(|(c, _, _)| c == code)
            .map(|(_, s, p)| (s, p))
            .collect()
    }

    /// A crate that meets the RO-Crate `version` requirements, with `extra` entities appended
    /// to its @graph and `root` properties added to its root data entity.
    pub(in crate::profiles::rocrate) fn crate_with(
        version: &str,
        root: &str,
        extra: &str,
    ) -> String {
        format!(
            r#"{{"@context": "https://w3id.org/ro/crate/{version}/context", "@graph": [
  {{"@id": "ro-crate-metadata.json", "@type": "CreativeWork",
    "conformsTo": {{"@id": "https://w3id.org/ro/crate/{version}"}}, "about": {{"@id": "./"}}}},
  {{"@id": "./", "@type": "Dataset", "name": "Example", "description": "An example crate",
    "datePublished": "2024-05-31", "license": {{"@id": "https://spdx.org/licenses/MIT"}},
    "author": {{"@id": "https://orcid.org/0000-0002-1825-0097"}},
    "publisher": {{"@id": "https://ror.org/000000000"}}{root}}},
  {{"@id": "https://spdx.org/licenses/MIT", "@type": "CreativeWork", "name": "MIT License",
    "description": "The MIT licence"}},
  {{"@id": "https://orcid.org/0000-0002-1825-0097", "@type": "Person", "name": "Josiah Carberry"}},
  {{"@id": "https://ror.org/000000000", "@type": "Organization", "name": "Example University"}}{extra}
]}}"#
        )
    }

    const NEW: &[&str] = &[
        "I230", "I231", "I233", "I234", "I235", "I236", "I237", "I238", "I239", "F131", "R160",
        "R161", "R162",
    ];

    fn new_codes(json: &str, version: &'static str) -> Vec<String> {
        findings(json, version)
            .into_iter()
            .map(|(c, _, _)| c)
            .filter(|c| NEW.contains(&c.as_str()))
            .collect()
    }

    #[test]
    fn a_well_formed_crate_has_no_form_findings() {
        for version in ["1.1", "1.2"] {
            assert_eq!(
                new_codes(&crate_with(version, "", ""), version),
                Vec::<String>::new(),
                "{version}"
            );
        }
    }

    #[test]
    fn no_context() {
        let json = crate_with("1.1", "", "").replacen(
            r#""@context": "https://w3id.org/ro/crate/1.1/context", "#,
            "",
            1,
        );
        // Without a context nothing expands: only the document-level finding is reported
        // by the form checks.
        let got = findings(&json, "1.1");
        assert!(
            got.iter()
                .any(|(c, s, p)| c == "I230" && *s == Severity::Error && p.as_deref() == Some("")),
            "{got:?}"
        );
    }

    #[test]
    fn rocrate_context_required_from_1_2() {
        let json = crate_with("1.2", "", "").replace(
            r#""@context": "https://w3id.org/ro/crate/1.2/context""#,
            r#""@context": ["https://w3id.org/ro/crate/1.1/context", {"conformsTo": {"@id": "http://purl.org/dc/terms/conformsTo", "@type": "@id"}}]"#,
        );
        assert_eq!(
            of(&json, "1.2", "I237"),
            vec![(Severity::Error, Some("/@context".to_owned()))]
        );
        // 1.1 does not require a particular context.
        assert!(of(&json, "1.1", "I237").is_empty());
        let listed = crate_with("1.2", "", "").replace(
            r#""@context": "https://w3id.org/ro/crate/1.2/context""#,
            r#""@context": ["https://w3id.org/ro/crate/1.2/context", {"ex": "https://example.org/"}]"#,
        );
        assert!(of(&listed, "1.2", "I237").is_empty());
    }

    #[test]
    fn nested_node_objects_are_not_flattened() {
        let json = crate_with(
            "1.1",
            r#", "creator": {"@id": "ent-alice", "name": "Alice"}, "funder": [{"name": "ERC"}]"#,
            "",
        );
        let mut got = of(&json, "1.1", "I231");
        got.sort_by(|a, b| a.1.cmp(&b.1));
        assert_eq!(
            got,
            vec![
                (Severity::Error, Some("/@graph/1/creator".to_owned())),
                (Severity::Error, Some("/@graph/1/funder/0".to_owned())),
            ]
        );
    }

    #[test]
    fn value_objects_are_flat() {
        let json = crate_with(
            "1.1",
            r#", "alternateName": {"@value": "ok", "@language": "en"}"#,
            "",
        );
        assert!(of(&json, "1.1", "I231").is_empty());
        // The JSON-LD reader refuses an invalid value object before any check runs.
        let bad = crate_with(
            "1.1",
            r#", "identifier": {"@id": "ent-x", "@value": "x"}"#,
            "",
        );
        assert!(Document::parse(bad.as_bytes(), Format::JsonLd).is_err());
    }

    #[test]
    fn entities_need_id_and_type() {
        let json = crate_with(
            "1.1",
            "",
            r#", {"@type": "Person", "name": "Anonymous"}, {"@id": "ent-untyped", "name": "Untyped"}"#,
        );
        assert_eq!(
            of(&json, "1.1", "I233"),
            vec![(Severity::Error, Some("/@graph/5".to_owned()))]
        );
        assert_eq!(
            of(&json, "1.1", "I234"),
            vec![(Severity::Error, Some("/@graph/6".to_owned()))]
        );
    }

    #[test]
    fn compaction() {
        let json = crate_with(
            "1.1",
            r#", "http://schema.org/keywords": "a", "undefinedTerm": "b", "schema:citation": {"@id": "https://doi.org/10.1/x"}"#,
            r#", {"@id": "ent-p", "@type": "Person", "http://schema.org/keywords": "c", "dct:title": "d"}"#,
        );
        let got = of(&json, "1.1", "I235");
        // The full IRI twice (one finding, at the first), the undefined term; schema: and
        // dct: are prefixes the RO-Crate 1.1 context defines.
        assert_eq!(
            got,
            vec![
                (
                    Severity::Error,
                    Some("/@graph/1/http:~1~1schema.org~1keywords".to_owned())
                ),
                (Severity::Error, Some("/@graph/1/undefinedTerm".to_owned())),
            ],
        );
        // A term the document's own context defines is compacted.
        let local = crate_with("1.1", r#", "ex:thing": "x", "thing": "y""#, "").replace(
            r#""@context": "https://w3id.org/ro/crate/1.1/context""#,
            r#""@context": ["https://w3id.org/ro/crate/1.1/context", {"ex": "https://example.org/", "thing": "https://example.org/thing"}]"#,
        );
        assert!(of(&local, "1.1", "I235").is_empty());
        // A referenced context whose own @context is a list (the Workflow Run terms import
        // RO-Crate 1.1): its terms count, and a full IRI key is still reported.
        let listed = crate_with(
            "1.1",
            r##", "resourceUsage": {"@id": "#ru"}, "https://schema.org/name": "x""##,
            "",
        )
        .replace(
            r#""@context": "https://w3id.org/ro/crate/1.1/context""#,
            r#""@context": ["https://w3id.org/ro/crate/1.1/context", "https://w3id.org/ro/terms/workflow-run/context"]"#,
        );
        assert_eq!(
            of(&listed, "1.1", "I235"),
            vec![(
                Severity::Error,
                Some("/@graph/1/https:~1~1schema.org~1name".to_owned())
            )],
        );
    }

    #[test]
    fn compact_iri_needs_a_prefix_in_json_ld_1_1() {
        let json = crate_with("1.2", r#", "ex:thing": "x""#, "").replace(
            r#""@context": "https://w3id.org/ro/crate/1.2/context""#,
            r#""@context": ["https://w3id.org/ro/crate/1.2/context", {"@version": 1.1, "ex": {"@id": "https://example.org/"}}]"#,
        );
        assert_eq!(of(&json, "1.2", "I235").len(), 1);
        let allowed = json.replace(
            r#"{"@id": "https://example.org/"}"#,
            r#"{"@id": "https://example.org/", "@prefix": true}"#,
        );
        assert!(of(&allowed, "1.2", "I235").is_empty());
    }

    #[test]
    fn singleton_arrays() {
        let json = crate_with(
            "1.2",
            r#", "keywords": ["one"], "hasPart": [], "about": [{"@id": "ent-a"}, {"@id": "ent-b"}]"#,
            "",
        );
        assert_eq!(
            of(&json, "1.2", "I236"),
            vec![(Severity::Warning, Some("/@graph/1/keywords".to_owned()))]
        );
        let set = json.replace(
            r#""@context": "https://w3id.org/ro/crate/1.2/context""#,
            r#""@context": ["https://w3id.org/ro/crate/1.2/context", {"keywords": {"@id": "http://schema.org/keywords", "@container": "@set"}}]"#,
        );
        assert!(of(&set, "1.2", "I236").is_empty());
    }

    #[test]
    fn duplicate_ids_from_1_2() {
        let json = crate_with(
            "1.2",
            "",
            r#", {"@id": "ent-p", "@type": "Person", "name": "A"}, {"@id": "ent-p", "@type": "Person", "name": "B"}"#,
        );
        assert_eq!(
            of(&json, "1.2", "I238"),
            vec![(Severity::Error, Some("/@graph/6/@id".to_owned()))]
        );
        assert!(of(&json, "1.1", "I238").is_empty());
    }

    #[test]
    fn subject_and_keyword_from_1_2() {
        let json = crate_with(
            "1.2",
            "",
            r#", {"@id": "ent-d", "@type": "CreativeWork", "keyword": "x", "dct:subject": "y"}"#,
        );
        let mut got = of(&json, "1.2", "I239");
        got.sort_by(|a, b| a.1.cmp(&b.1));
        assert_eq!(
            got,
            vec![
                (Severity::Error, Some("/@graph/5/dct:subject".to_owned())),
                (Severity::Error, Some("/@graph/5/keyword".to_owned())),
            ]
        );
        assert!(of(&json, "1.1", "I239").is_empty());
    }

    #[test]
    fn root_written_dot_slash_in_1_1() {
        let json = crate_with("1.1", "", "")
            .replace(r#"{"@id": "./"}"#, r#"{"@id": "crate/"}"#)
            .replace(r#""@id": "./""#, r#""@id": "crate/""#);
        assert_eq!(
            of(&json, "1.1", "F131"),
            vec![(Severity::Warning, Some("/@graph/0/about".to_owned()))]
        );
        assert!(of(&json, "1.2", "F131").is_empty());
        assert!(of(&crate_with("1.1", "", ""), "1.1", "F131").is_empty());
    }
}
