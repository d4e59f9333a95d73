//! JSON-LD 1.1 ingestion: offline contexts, JSON Pointer source map, deterministic output.
//!
//! To map graph nodes back to the JSON, every node object gets a marker property
//! (`urn:x-fairlint:source-pointer`) naming its position before the document goes to the
//! JSON-LD processor (oxjsonld); the marker triples are taken out again and turned into the
//! source map. If the marked document does not parse (a marker landed in a language or index
//! map, say), the original document is parsed instead, without a source map.

use crate::contexts;
use crate::document::{Collector, ParseOptions};
use crate::error::{Limit, LimitError, Location, ParseError, ResolveError, ValidateError};
use crate::format::Format;
use crate::vocab;
use fair_model::RawFinding;
use oxiri::Iri;
use oxjsonld::{JsonLdParser, JsonLdRemoteDocument};
use oxrdf::{NamedOrBlankNode, Quad, Term};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

/// Where a script block starts in an HTML page: (block index, line, column).
type BlockStart = (usize, u64, u64);

/// What the contexts a document refers to were read as: the names of the bundled (and
/// user-supplied) contexts, and a finding per moving alias (I006), first reference only.
#[derive(Debug, Default)]
pub(crate) struct ContextsUsed {
    pub names: BTreeSet<String>,
    pub aliases: BTreeMap<String, RawFinding>,
}

impl ContextsUsed {
    /// The alias findings, in alias order.
    pub fn into_parts(self) -> (Vec<String>, Vec<RawFinding>) {
        (
            self.names.into_iter().collect(),
            self.aliases.into_values().collect(),
        )
    }
}

/// Parses one JSON-LD document (or HTML script block) into `collector`.
pub(crate) fn parse(
    text: &str,
    base: &str,
    options: &ParseOptions<'_>,
    collector: &mut Collector,
    scope: usize,
    block_at: Option<(u64, u64)>,
    contexts_used: &mut ContextsUsed,
) -> Result<Option<crate::document::JsonSource>, ValidateError> {
    let block: Option<BlockStart> = block_at.map(|(l, c)| (scope, l, c));
    let format = if block.is_some() {
        Format::Html
    } else {
        Format::JsonLd
    };
    let place = |location: Location| match block {
        Some((b, l, c)) => location.in_block(b, l, c),
        None => location,
    };

    let value = parse_json(text, format, options.limits.max_json_depth, place)?;

    if let Some(pointer) = context_nesting_exceeded(&value, &mut String::new(), 0) {
        return Err(ParseError::new(
            format,
            format!(
                "contexts nest more than {MAX_CONTEXT_NESTING} levels deep (a context inside a \
                 term definition or node object inside a context ...); fairlint's bound, as \
                 each level copies every enclosing context"
            ),
            Some(place(Location::pointer(pointer))),
        )
        .into());
    }
    let loaded =
        load_contexts(&value, base, options, contexts_used, &place).map_err(|e| match e {
            ValidateError::Resolve(e) => {
                let location = e.location().cloned().map(place);
                ValidateError::Resolve(e.at(location))
            }
            ValidateError::LimitExceeded(mut e) => {
                e.location = e.location.map(place);
                ValidateError::LimitExceeded(e)
            }
            other => other,
        })?;
    let loaded = Arc::new(loaded);

    // First try with source markers; fall back to the document as written.
    let mut marked = value.clone();
    let mut nodes = Vec::new();
    mark_nodes(&mut marked, &mut String::new(), &mut nodes, false);
    let marked_text = serde_json::to_string(&marked).unwrap_or_default();
    // Freed as soon as they are used, not at the end: on a large document each is several
    // times the input's size, and the graph is built after them.
    drop(marked);
    let attempt = run_parser(
        &marked_text,
        base,
        &loaded,
        options.limits.max_triples,
        true,
    );
    drop(marked_text);
    let (quads, markers) = match attempt {
        Ok(Parsed {
            quads,
            markers,
            json_literal_marked: false,
        }) => (quads, markers),
        _ => {
            let plain = serde_json::to_string(&value).unwrap_or_default();
            match run_parser(&plain, base, &loaded, options.limits.max_triples, false) {
                Ok(parsed) => (parsed.quads, Vec::new()),
                Err(ParserFailure::Limit) => {
                    return Err(collector.limit_error(None).into());
                }
                Err(ParserFailure::Syntax(message)) => {
                    return Err(ParseError::new(format, message, None).into());
                }
            }
        }
    };

    collector.set_scope(scope);
    for quad in quads {
        collector.add(quad, None)?;
    }
    for (subject, index) in markers {
        let Some(node) = nodes.get(index) else {
            continue;
        };
        let subject = match subject {
            NamedOrBlankNode::BlankNode(b) => collector.bnode(&b).to_string(),
            NamedOrBlankNode::NamedNode(n) => canonical_named(n.as_str()),
        };
        let keys = node
            .keys
            .iter()
            .map(|(k, p)| (k.clone(), place(Location::pointer(p.clone()))))
            .collect::<Vec<_>>();
        collector.source.record_json_node(
            subject,
            place(Location::pointer(node.pointer.clone())),
            keys,
            node.id.clone(),
        );
    }
    if block.is_some() {
        return Ok(None);
    }
    let definitions = compaction_definitions(value.get("@context"), base, &loaded);
    Ok(Some(crate::document::JsonSource { value, definitions }))
}

/// The term definitions of the top-level `@context` `context`, merged the way
/// rocrate-validator's `resolve_compaction_context` merges them: in order, `null` resets, a
/// referenced context (from `loaded`, keyed by normalised URL) contributes its own `@context`
/// (an object, or a list of contexts merged the same way), and a definition whose IRI goes
/// through a defined prefix is stored expanded. `None` when a referenced context is not a JSON
/// object with an `@context` object or list (or nests in a cycle).
fn compaction_definitions(
    context: Option<&Value>,
    base: &str,
    loaded: &HashMap<String, Vec<u8>>,
) -> Option<serde_json::Map<String, Value>> {
    fn apply(
        source: &Value,
        base: &str,
        loaded: &HashMap<String, Vec<u8>>,
        stack: &mut Vec<String>,
        out: &mut serde_json::Map<String, Value>,
    ) -> Option<()> {
        match source {
            Value::Null => out.clear(),
            Value::Array(items) => {
                for item in items {
                    apply(item, base, loaded, stack, out)?;
                }
            }
            Value::String(url) => {
                let absolute = Iri::parse(base.to_owned())
                    .ok()
                    .and_then(|b| b.resolve(url).ok())
                    .map(|i| i.into_inner())
                    .unwrap_or_else(|| url.clone());
                if stack.contains(&absolute) || stack.len() > 8 {
                    return None;
                }
                let bytes = loaded.get(&contexts::normalise_url(&absolute))?;
                let doc: Value = serde_json::from_slice(bytes).ok()?;
                // An object, or a list that imports others (the Workflow Run terms context
                // lists the RO-Crate 1.1 context before its own terms).
                let inner = doc.get("@context")?;
                if !inner.is_object() && !inner.is_array() {
                    return None;
                }
                stack.push(absolute.clone());
                apply(inner, &absolute, loaded, stack, out)?;
                stack.pop();
            }
            Value::Object(map) => {
                for (term, definition) in map {
                    out.insert(term.clone(), definition.clone());
                }
                for (term, definition) in map {
                    if let Some(iri) = mapped_iri(term, out, &mut Vec::new()) {
                        let frozen = match definition {
                            Value::Object(d) => {
                                let mut d = d.clone();
                                d.insert("@id".to_owned(), Value::String(iri));
                                Value::Object(d)
                            }
                            _ => Value::String(iri),
                        };
                        out.insert(term.clone(), frozen);
                    }
                }
            }
            _ => return None,
        }
        Some(())
    }
    let mut out = serde_json::Map::new();
    if let Some(context) = context {
        apply(context, base, loaded, &mut Vec::new(), &mut out)?;
    }
    Some(out)
}

/// The IRI `term` maps to in `definitions`, through other defined prefixes, without cycles
/// (rocrate-validator's `_mapped_iri`): `None` for keywords, blank nodes and terms that map to
/// no absolute IRI.
pub(crate) fn mapped_iri(
    term: &str,
    definitions: &serde_json::Map<String, Value>,
    seen: &mut Vec<String>,
) -> Option<String> {
    if seen.iter().any(|s| s == term) {
        return None;
    }
    let iri = match definitions.get(term)? {
        Value::String(s) => s.as_str(),
        Value::Object(d) => d.get("@id")?.as_str()?,
        _ => return None,
    };
    if iri.starts_with('@') || iri.starts_with("_:") {
        return None;
    }
    seen.push(term.to_owned());
    match iri.split_once(':') {
        Some((prefix, suffix)) if definitions.contains_key(prefix) && !suffix.starts_with("//") => {
            mapped_iri(prefix, definitions, seen).map(|ns| ns + suffix)
        }
        Some(_) => Some(iri.to_owned()),
        None if definitions.contains_key(iri) => mapped_iri(iri, definitions, seen),
        None => None,
    }
}

/// Parses JSON text with the nesting depth checked first (`max_depth`), reporting syntax errors
/// and the depth limit with their line and column, passed through `place` (HTML blocks).
pub(crate) fn parse_json(
    text: &str,
    format: Format,
    max_depth: usize,
    place: impl Fn(Location) -> Location,
) -> Result<Value, ValidateError> {
    if let Some((line, column)) = depth_exceeded(text, max_depth) {
        return Err(LimitError {
            limit: Limit::JsonDepth,
            max: max_depth as u64,
            location: Some(place(Location::line_column(line, column))),
        }
        .into());
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    deserializer.disable_recursion_limit();
    let value = Value::deserialize(&mut deserializer).and_then(|v| {
        deserializer.end()?;
        Ok(v)
    });
    value.map_err(|e| {
        ParseError::new(
            format,
            json_error_message(&e),
            Some(place(Location::line_column(
                e.line().max(1) as u64,
                e.column().max(1) as u64,
            ))),
        )
        .into()
    })
}

fn canonical_named(iri: &str) -> String {
    match iri.strip_prefix(vocab::SCHEMA_HTTPS) {
        Some(rest) => format!("<{}{rest}>", vocab::SCHEMA),
        None => format!("<{iri}>"),
    }
}

fn json_error_message(e: &serde_json::Error) -> String {
    // serde_json appends " at line L column C"; the location is carried separately.
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text.get(..i).unwrap_or(&text).to_owned(),
        None => text,
    }
}

/// A node object found in the JSON: its pointer and its property keys with their pointers.
struct JsonNode {
    pointer: String,
    keys: Vec<(String, String)>,
    /// Its `@id` as written (before resolution against the base).
    id: Option<String>,
}

fn escape_pointer_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Adds the marker property to every node object, recording where each one is.
fn mark_nodes(value: &mut Value, pointer: &mut String, nodes: &mut Vec<JsonNode>, _in_list: bool) {
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&i.to_string());
                mark_nodes(item, pointer, nodes, false);
                pointer.truncate(len);
            }
        }
        Value::Object(map) => {
            if map.contains_key("@value") {
                return;
            }
            let container_only = map.contains_key("@list")
                || map.contains_key("@set")
                || (map.contains_key("@graph")
                    && !map.contains_key("@id")
                    && !map.contains_key("id"));
            let mut keys = Vec::new();
            for (key, child) in map.iter_mut() {
                if key == "@context" {
                    continue;
                }
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&escape_pointer_token(key));
                let empty = match &*child {
                    Value::Null => true,
                    Value::Array(items) => items.is_empty(),
                    _ => false,
                };
                if !empty && (key == "@type" || key == "type" || !key.starts_with('@')) {
                    keys.push((key.clone(), pointer.clone()));
                }
                let descend = matches!(
                    key.as_str(),
                    "@list" | "@set" | "@graph" | "@included" | "@nest" | "@reverse"
                ) || !key.starts_with('@');
                if descend {
                    if key == "@reverse" {
                        if let Value::Object(rev) = child {
                            for (rkey, rval) in rev.iter_mut() {
                                let l2 = pointer.len();
                                pointer.push('/');
                                pointer.push_str(&escape_pointer_token(rkey));
                                mark_nodes(rval, pointer, nodes, false);
                                pointer.truncate(l2);
                            }
                        }
                    } else {
                        mark_nodes(child, pointer, nodes, false);
                    }
                }
                pointer.truncate(len);
            }
            if !container_only {
                let index = nodes.len();
                let id = map
                    .get("@id")
                    .or_else(|| map.get("id"))
                    .and_then(Value::as_str)
                    .map(str::to_owned);
                nodes.push(JsonNode {
                    pointer: pointer.clone(),
                    keys,
                    id,
                });
                map.insert(
                    vocab::SOURCE_POINTER.to_owned(),
                    Value::from(index.to_string()),
                );
            }
        }
        _ => {}
    }
}

struct Parsed {
    quads: Vec<Quad>,
    markers: Vec<(NamedOrBlankNode, usize)>,
    json_literal_marked: bool,
}

enum ParserFailure {
    Syntax(String),
    Limit,
}

fn run_parser(
    text: &str,
    base: &str,
    loaded: &Arc<HashMap<String, Vec<u8>>>,
    max_triples: usize,
    marked: bool,
) -> Result<Parsed, ParserFailure> {
    let parser = JsonLdParser::new();
    let parser = match parser.clone().with_base_iri(base) {
        Ok(p) => p,
        Err(_) => parser,
    };
    let docs = Arc::clone(loaded);
    let iter = parser
        .for_slice(text)
        .with_load_document_callback(move |url, _| {
            let key = contexts::normalise_url(url);
            match docs.get(&key) {
                Some(bytes) => Ok(JsonLdRemoteDocument {
                    document: bytes.clone(),
                    document_url: url.to_owned(),
                }),
                None => Err(format!("context {url} is not available offline").into()),
            }
        });
    let mut out = Parsed {
        quads: Vec::new(),
        markers: Vec::new(),
        json_literal_marked: false,
    };
    for quad in iter {
        let quad = quad.map_err(|e| ParserFailure::Syntax(e.to_string()))?;
        if marked && quad.predicate.as_str() == vocab::SOURCE_POINTER {
            if let Term::Literal(l) = &quad.object {
                if let Ok(index) = l.value().parse::<usize>() {
                    out.markers.push((quad.subject, index));
                }
            }
            continue;
        }
        if marked {
            if let Term::Literal(l) = &quad.object {
                if l.datatype().as_str() == vocab::RDF_JSON
                    && l.value().contains(vocab::SOURCE_POINTER)
                {
                    out.json_literal_marked = true;
                }
            }
        }
        out.quads.push(quad);
        if out.quads.len() > max_triples.saturating_mul(2).max(16) {
            return Err(ParserFailure::Limit);
        }
    }
    Ok(out)
}

/// Finds every context the document refers to by IRI and loads it: bundled first, then the
/// resolver. Returns the loaded documents keyed by normalised URL, or the failure located at
/// the JSON Pointer of the reference.
fn load_contexts(
    value: &Value,
    base: &str,
    options: &ParseOptions<'_>,
    contexts_used: &mut ContextsUsed,
    place: &dyn Fn(Location) -> Location,
) -> Result<HashMap<String, Vec<u8>>, ValidateError> {
    let mut refs = Vec::new();
    context_refs(value, &mut String::new(), false, &mut refs);
    let base_iri = Iri::parse(base.to_owned()).ok();
    let mut loaded: HashMap<String, Vec<u8>> = HashMap::new();
    let mut used_terms = None;
    let mut queue: Vec<(String, Option<String>, usize)> = refs
        .into_iter()
        .map(|(url, pointer)| (url, Some(pointer), 0))
        .collect();
    while let Some((url, pointer, depth)) = queue.pop() {
        let absolute = match &base_iri {
            Some(b) => b
                .resolve(&url)
                .map(|i| i.into_inner())
                .unwrap_or(url.clone()),
            None => url.clone(),
        };
        let key = contexts::normalise_url(&absolute);
        if loaded.contains_key(&key) {
            continue;
        }
        if depth > 8 {
            return Err(
                ResolveError::new(absolute, "contexts nest more than 8 levels deep")
                    .at(pointer.map(Location::pointer))
                    .into(),
            );
        }
        let user = options.user_contexts.and_then(|u| u.get(&absolute));
        let bundled = match user {
            Some(_) => None,
            None => contexts::lookup_alias(&absolute),
        };
        let bytes = if let Some((bundled, alias)) = bundled {
            contexts_used.names.insert(bundled.name.to_owned());
            if let Some(alias) = alias {
                contexts_used
                    .aliases
                    .entry(alias.iri.clone())
                    .or_insert_with(|| {
                        alias_finding(&url, alias, bundled, pointer.as_deref(), place)
                    });
            }
            let terms = used_terms.get_or_insert_with(|| contexts::used_terms(value));
            bundled.pruned(terms)
        } else {
            let bytes = match user {
                Some(text) => {
                    contexts_used
                        .names
                        .insert(format!("user context {absolute}"));
                    text.as_bytes().to_vec()
                }
                None => options
                    .resolver
                    .resolve(&absolute)
                    .map_err(|e| e.at(pointer.clone().map(Location::pointer)))?,
            };
            // A resolved context goes to the JSON-LD processor, which recurses per nesting
            // level: it is held to the same depth limit as the document, located at the
            // reference.
            let text = String::from_utf8_lossy(&bytes);
            if depth_exceeded(&text, options.limits.max_json_depth).is_some() {
                return Err(LimitError {
                    limit: Limit::JsonDepth,
                    max: options.limits.max_json_depth as u64,
                    location: pointer.map(Location::pointer),
                }
                .into());
            }
            bytes
        };
        // Contexts may themselves refer to contexts (`@import`, scoped contexts).
        if let Ok(inner) = serde_json::from_slice::<Value>(&bytes) {
            let mut nested = Vec::new();
            context_refs(&inner, &mut String::new(), false, &mut nested);
            for (u, _) in nested {
                queue.push((u, pointer.clone(), depth + 1));
            }
        }
        loaded.insert(key, bytes);
    }
    Ok(loaded)
}

/// I006: `url` (as written, at `pointer`) is a moving alias read as `bundled`.
fn alias_finding(
    url: &str,
    alias: &contexts::Alias,
    bundled: &contexts::BundledContext,
    pointer: Option<&str>,
    place: &dyn Fn(Location) -> Location,
) -> RawFinding {
    let mut f = RawFinding::new(contexts::MOVING_CONTEXT_ALIAS);
    f.value = Some(url.to_owned());
    f.context = serde_json::json!({
        "alias": url,
        "release": alias.release,
        "context": bundled.name,
        "release_iri": bundled.urls.first().map(String::as_str).unwrap_or_default(),
    });
    f.location = pointer.map(|p| place(Location::pointer(p)));
    f
}

/// Collects IRI references to contexts: string values of `@context` (or items of an
/// `@context` array) anywhere, and `@import` inside contexts.
fn context_refs(
    value: &Value,
    pointer: &mut String,
    in_context: bool,
    out: &mut Vec<(String, String)>,
) {
    match value {
        Value::String(s) if in_context => out.push((s.clone(), pointer.clone())),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&i.to_string());
                context_refs(item, pointer, in_context, out);
                pointer.truncate(len);
            }
        }
        Value::Object(map) => walk_object(map, pointer, in_context, out),
        _ => {}
    }
}

fn walk_object(
    map: &Map<String, Value>,
    pointer: &mut String,
    in_context: bool,
    out: &mut Vec<(String, String)>,
) {
    for (key, child) in map {
        let len = pointer.len();
        pointer.push('/');
        pointer.push_str(&escape_pointer_token(key));
        if key == "@context" {
            context_refs(child, pointer, true, out);
        } else if in_context && key == "@import" {
            if let Value::String(s) = child {
                out.push((s.clone(), pointer.clone()));
            }
        } else if let Value::Object(_) | Value::Array(_) = child {
            // Inside a context, only nested `@context` keys (scoped contexts) hold references.
            context_refs(child, pointer, false, out);
        }
        pointer.truncate(len);
    }
}

/// How many `@context` entries may enclose one another (scoped contexts in term definitions,
/// embedded contexts in node objects). The JSON-LD processor copies the active context at every
/// level, so the cost grows much faster than the nesting: 40 nested scoped contexts took over
/// 10 s in a fuzzing build (docs/limits.md).
const MAX_CONTEXT_NESTING: usize = 16;

/// The JSON Pointer of the first `@context` nested more than [`MAX_CONTEXT_NESTING`] deep.
fn context_nesting_exceeded(value: &Value, pointer: &mut String, level: usize) -> Option<String> {
    match value {
        Value::Array(items) => items.iter().enumerate().find_map(|(i, item)| {
            let len = pointer.len();
            pointer.push('/');
            pointer.push_str(&i.to_string());
            let found = context_nesting_exceeded(item, pointer, level);
            pointer.truncate(len);
            found
        }),
        Value::Object(map) => map.iter().find_map(|(key, child)| {
            let len = pointer.len();
            pointer.push('/');
            pointer.push_str(&escape_pointer_token(key));
            let found = if key == "@context" {
                if level + 1 > MAX_CONTEXT_NESTING {
                    Some(pointer.clone())
                } else {
                    context_nesting_exceeded(child, pointer, level + 1)
                }
            } else {
                context_nesting_exceeded(child, pointer, level)
            };
            pointer.truncate(len);
            found
        }),
        _ => None,
    }
}

/// The first `"` or `\` in `bytes`.
#[cfg(not(target_arch = "wasm32"))]
fn quote_or_backslash(bytes: &[u8]) -> Option<usize> {
    memchr::memchr2(b'"', b'\\', bytes)
}

/// The first `"` or `\` in `bytes` (without `memchr` in the WebAssembly package).
#[cfg(target_arch = "wasm32")]
fn quote_or_backslash(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|b| *b == b'"' || *b == b'\\')
}

/// Returns the line and column where JSON nesting first goes deeper than `max` (the column
/// counts characters). Scans bytes: the structural characters are ASCII, and no byte of a
/// multi-byte UTF-8 character is; string contents are skipped to their next `"` or `\` with
/// `memchr` natively (most of a record's bytes are in strings); the position is worked out only when
/// there is one to report (every JSON input is scanned).
pub(crate) fn depth_exceeded(text: &str, max: usize) -> Option<(u64, u64)> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut at = 0usize;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'"' => {
                // To the closing quote; a backslash escapes the byte after it.
                at += 1;
                loop {
                    let rest = bytes.get(at..).unwrap_or_default();
                    let found = quote_or_backslash(rest)?;
                    let quote = rest.get(found) == Some(&b'"');
                    at += found + if quote { 1 } else { 2 };
                    if quote {
                        break;
                    }
                }
                continue;
            }
            b'{' | b'[' => {
                depth += 1;
                if depth > max {
                    let before = text.get(..at).unwrap_or_default();
                    let line_start = before.rfind('\n').map_or(0, |n| n + 1);
                    let line = before.bytes().filter(|b| *b == b'\n').count() + 1;
                    let column = text
                        .get(line_start..=at)
                        .unwrap_or_default()
                        .chars()
                        .count();
                    return Some((line as u64, column as u64));
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
        at += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_scanner_ignores_strings() {
        assert_eq!(depth_exceeded(r#"{"a": "[[[[[["}"#, 2), None);
        assert_eq!(depth_exceeded("[[[\n[]]]]", 3), Some((2, 1)));
        // Columns count characters; an escaped quote does not end a string.
        assert_eq!(depth_exceeded(r#"{"é\"[": [["#, 2), Some((1, 11)));
        assert_eq!(
            depth_exceeded("[\n \"ü\", [\n  \"ä\", [1]]]", 2),
            Some((3, 8))
        );
    }

    /// The scanner as it was (character by character, counting as it goes), to compare with.
    fn depth_exceeded_by_characters(text: &str, max: usize) -> Option<(u64, u64)> {
        let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
        let (mut line, mut column) = (1u64, 0u64);
        for c in text.chars() {
            if c == '\n' {
                line += 1;
                column = 0;
            } else {
                column += 1;
            }
            if in_string {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == '"' {
                    in_string = false;
                }
                continue;
            }
            match c {
                '"' => in_string = true,
                '{' | '[' => {
                    depth += 1;
                    if depth > max {
                        return Some((line, column));
                    }
                }
                '}' | ']' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        None
    }

    #[test]
    fn depth_scanner_matches_the_character_scan() {
        let inputs = [
            r#"{"a": {"b": [1, {"c": "[{"}]}}"#,
            r#"{"a\"[": [[[["#,
            "[\"\\\\\", [[\"\\\"\", [[",
            "{\"é\\ü\": [\n\t[\"ß\", [\"\u{1F600}\", [[]]]]]}",
            "[\"unterminated [[[[",
            "[\"backslash at the end \\",
            "\n\n  [[\n[ [\"x\"] ]]",
            "",
        ];
        for text in inputs {
            for max in 0..6 {
                assert_eq!(
                    depth_exceeded(text, max),
                    depth_exceeded_by_characters(text, max),
                    "{text:?} at {max}"
                );
            }
        }
    }

    #[test]
    fn pointer_tokens_are_escaped() {
        assert_eq!(escape_pointer_token("a/b~c"), "a~1b~0c");
    }
}
