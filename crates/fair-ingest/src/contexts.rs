//! JSON-LD contexts bundled with fairlint, so documents parse offline. The files, where they
//! come from and how to regenerate them are in `data/contexts/PROVENANCE.md`.

use fair_model::Code;
use serde::Deserialize;
use serde_json::Value;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

/// I006: the document names a moving alias of a context (a draft, a branch), read as the
/// bundled release it stands for (registered with the rules' structural family).
pub const MOVING_CONTEXT_ALIAS: Code = Code::new("I006");

/// A moving alias of a bundled context: a draft or branch IRI whose content changes over time,
/// read as the bundled release it stands for.
#[derive(Debug, Clone, Deserialize)]
pub struct Alias {
    /// The alias as usually written, e.g. `https://w3id.org/ro/crate/1.2-DRAFT/context`.
    pub iri: String,
    /// The release it is read as, e.g. `RO-Crate 1.2`.
    pub release: String,
    /// Every spelling of the alias.
    pub urls: Vec<String>,
}

/// A bundled JSON-LD context.
#[derive(Debug, Clone)]
pub struct BundledContext {
    /// Human name, e.g. `RO-Crate 1.1 context`.
    pub name: &'static str,
    /// Version of the context.
    pub version: String,
    /// Where the bundled copy comes from (registry package and version).
    pub source: String,
    /// Every URL a document may use for it.
    pub urls: Vec<String>,
    /// Moving aliases (drafts, branches) read as this context.
    pub aliases: Vec<Alias>,
    /// The file as bundled: the context document, or (`*.patch.json`) its differences from
    /// another bundled context.
    stored: &'static str,
    /// Whether `stored` is a patch.
    patch: bool,
    /// The context document, rebuilt from its patch on first use.
    text: OnceLock<Cow<'static, str>>,
    /// The `@context` object, parsed on first use.
    parsed: OnceLock<Option<serde_json::Map<String, Value>>>,
}

impl BundledContext {
    /// The context document.
    pub fn text(&self) -> &str {
        self.text.get_or_init(|| {
            if self.patch {
                // The import script checked that the patch rebuilds the original; an unusable
                // one leaves the context empty (expansion then reports its terms as undefined).
                Cow::Owned(rebuild(self.stored).unwrap_or_default())
            } else {
                Cow::Borrowed(self.stored)
            }
        })
    }

    /// The context reduced to what a document can use: keyword entries, the terms named in
    /// `used` (see [`used_terms`]), and the prefixes those terms' definitions refer to,
    /// transitively. Expanding the document with it gives the same result as with the whole
    /// context, at a fraction of the cost (schema.org's context defines ~2,800 terms).
    pub(crate) fn pruned(&self, used: &HashSet<String>) -> Vec<u8> {
        let parsed = self
            .parsed
            .get_or_init(|| match serde_json::from_str::<Value>(self.text()) {
                Ok(Value::Object(mut doc)) => match doc.remove("@context") {
                    Some(Value::Object(ctx)) => Some(ctx),
                    _ => None,
                },
                _ => None,
            });
        let Some(ctx) = parsed else {
            return self.text().as_bytes().to_vec();
        };
        // Look the document's names up in the context (not the other way round: the context
        // has thousands of terms, a document a few dozen names).
        let mut keep: HashSet<&str> = ctx
            .keys()
            .filter(|k| k.starts_with('@'))
            .map(String::as_str)
            .collect();
        for name in used {
            if let Some((k, _)) = ctx.get_key_value(name.as_str()) {
                keep.insert(k.as_str());
            }
        }
        let mut frontier: Vec<&str> = keep.iter().copied().collect();
        while let Some(term) = frontier.pop() {
            let mut refs = Vec::new();
            if let Some(def) = ctx.get(term) {
                collect_prefixes(def, &mut refs);
            }
            for prefix in refs {
                if let Some((k, _)) = ctx.get_key_value(prefix) {
                    if keep.insert(k.as_str()) {
                        frontier.push(k.as_str());
                    }
                }
            }
        }
        let mut kept: Vec<&str> = keep.into_iter().collect();
        kept.sort_unstable_by_key(|k| (!k.starts_with('@'), *k));
        let pruned: serde_json::Map<String, Value> = kept
            .into_iter()
            .filter_map(|k| ctx.get(k).map(|v| (k.to_owned(), v.clone())))
            .collect();
        let mut doc = serde_json::Map::new();
        doc.insert("@context".to_owned(), Value::Object(pruned));
        serde_json::to_vec(&Value::Object(doc)).unwrap_or_else(|_| self.text().as_bytes().to_vec())
    }
}

/// Prefixes (the part before ':') of every string in a term definition.
fn collect_prefixes<'a>(value: &'a Value, out: &mut Vec<&'a str>) {
    match value {
        Value::String(s) => {
            if let Some((prefix, _)) = s.split_once(':') {
                out.push(prefix);
            }
            out.push(s);
        }
        Value::Array(items) => items.iter().for_each(|v| collect_prefixes(v, out)),
        Value::Object(map) => map.values().for_each(|v| collect_prefixes(v, out)),
        _ => {}
    }
}

/// Every name a document could use as a term: all keys, all strings, and the prefix of each
/// (the part before the first ':').
pub(crate) fn used_terms(value: &Value) -> HashSet<String> {
    fn add(s: &str, out: &mut HashSet<String>) {
        if let Some((prefix, _)) = s.split_once(':') {
            out.insert(prefix.to_owned());
        }
        out.insert(s.to_owned());
    }
    fn walk(value: &Value, out: &mut HashSet<String>) {
        match value {
            Value::String(s) => add(s, out),
            Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            Value::Object(map) => {
                for (k, v) in map {
                    add(k, out);
                    walk(v, out);
                }
            }
            _ => {}
        }
    }
    let mut out = HashSet::new();
    walk(value, &mut out);
    out
}

#[derive(Deserialize)]
struct IndexEntry {
    file: String,
    urls: Vec<String>,
    name: String,
    version: String,
    source: String,
    #[serde(default)]
    aliases: Vec<Alias>,
}

const INDEX: &str = include_str!("../data/contexts/index.json");

/// (file name, content) of every bundled context file. The content is a function so that the
/// schema.org context, bundled in fair-refdata (which also derives the schema.org term names
/// from it, and stores it compactly), is one copy in the binary.
/// A bundled context file's text.
type Text = fn() -> &'static str;

static FILES: &[(&str, Text)] = &[
    ("schemaorg.jsonld", fair_refdata::schemaorg_context),
    ("rocrate-1.0.patch.json", || {
        include_str!("../data/contexts/rocrate-1.0.patch.json")
    }),
    ("rocrate-1.1.patch.json", || {
        include_str!("../data/contexts/rocrate-1.1.patch.json")
    }),
    ("rocrate-1.2.patch.json", || {
        include_str!("../data/contexts/rocrate-1.2.patch.json")
    }),
    ("rocrate-1.3.patch.json", || {
        include_str!("../data/contexts/rocrate-1.3.patch.json")
    }),
    ("codemeta-2.0.jsonld", || {
        include_str!("../data/contexts/codemeta-2.0.jsonld")
    }),
    ("codemeta-3.0.jsonld", || {
        include_str!("../data/contexts/codemeta-3.0.jsonld")
    }),
    ("workflow-run.jsonld", || {
        include_str!("../data/contexts/workflow-run.jsonld")
    }),
    ("workflow-testing.jsonld", || {
        include_str!("../data/contexts/workflow-testing.jsonld")
    }),
    ("ro-bundle.jsonld", || {
        include_str!("../data/contexts/ro-bundle.jsonld")
    }),
    ("dcat-ap-3.0.0-examples.jsonld", || {
        include_str!("../data/contexts/dcat-ap-3.0.0-examples.jsonld")
    }),
];

/// A context stored as its differences from another bundled context: RO-Crate 1.1 and 1.2
/// share most of their ~3,000 terms with 1.3, and storing them whole cost ~45 KB of the
/// gzipped WebAssembly module. Written by `scripts/import-contexts.sh`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Patch {
    /// File name of the context it is based on.
    base: String,
    /// `"schema.org term IRIs"`: the base's terms, each mapped to its schema.org IRI
    /// (`"Dataset": "http://schema.org/Dataset"`), rather than the base's own definitions
    /// (RO-Crate 1.3 over the schema.org context).
    #[serde(default)]
    derive: Option<String>,
    /// The context document's top-level entries other than `@context`.
    top: serde_json::Map<String, Value>,
    /// Term definitions that differ from the base's, or that the base lacks.
    set: serde_json::Map<String, Value>,
    /// Terms of the base this context does not define.
    remove: Vec<String>,
}

/// The context document a patch describes. Its base may itself be a patch (RO-Crate 1.0 is
/// stored as its differences from 1.1), up to a few levels.
fn rebuild(patch: &str) -> Option<String> {
    rebuild_at(patch, 0)
}

fn rebuild_at(patch: &str, depth: usize) -> Option<String> {
    let patch: Patch = serde_json::from_str(patch).ok()?;
    let base = FILES.iter().find(|(f, _)| *f == patch.base)?.1();
    let base: Cow<'_, str> = if patch.base.ends_with(".patch.json") && depth < 4 {
        Cow::Owned(rebuild_at(base, depth + 1)?)
    } else {
        Cow::Borrowed(base)
    };
    let Value::Object(mut base) = serde_json::from_str(&base).ok()? else {
        return None;
    };
    let Some(Value::Object(mut context)) = base.remove("@context") else {
        return None;
    };
    match patch.derive.as_deref() {
        None => {}
        Some("schema.org term IRIs") => {
            context = context
                .keys()
                .filter(|k| !k.starts_with('@'))
                .map(|k| (k.clone(), Value::String(format!("http://schema.org/{k}"))))
                .collect();
        }
        Some(_) => return None,
    }
    for term in &patch.remove {
        context.shift_remove(term);
    }
    context.extend(patch.set);
    let mut doc = patch.top;
    doc.insert("@context".to_owned(), Value::Object(context));
    serde_json::to_string(&Value::Object(doc)).ok()
}

struct Table {
    contexts: Vec<BundledContext>,
    /// Normalised URL -> (context, alias of it the URL spells, if any).
    by_url: HashMap<String, (usize, Option<usize>)>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let entries: Vec<IndexEntry> = serde_json::from_str(INDEX).unwrap_or_default();
        let mut contexts = Vec::new();
        let mut by_url = HashMap::new();
        for entry in entries {
            let Some(text) = FILES
                .iter()
                .find(|(f, _)| *f == entry.file)
                .map(|(_, text)| text())
            else {
                continue;
            };
            let index = contexts.len();
            for url in &entry.urls {
                by_url.insert(normalise_url(url), (index, None));
            }
            for (a, alias) in entry.aliases.iter().enumerate() {
                for url in &alias.urls {
                    by_url.insert(normalise_url(url), (index, Some(a)));
                }
            }
            contexts.push(BundledContext {
                name: Box::leak(entry.name.into_boxed_str()),
                version: entry.version,
                source: entry.source,
                urls: entry.urls,
                aliases: entry.aliases,
                stored: text,
                patch: entry.file.ends_with(".patch.json"),
                text: OnceLock::new(),
                parsed: OnceLock::new(),
            });
        }
        Table { contexts, by_url }
    })
}

/// Every bundled context.
pub fn bundled() -> &'static [BundledContext] {
    &table().contexts
}

/// The bundled context for `url`, in any of its usual spellings (http or https, with or
/// without a trailing slash or fragment).
pub fn lookup(url: &str) -> Option<&'static BundledContext> {
    lookup_alias(url).map(|(c, _)| c)
}

/// Like [`lookup`], and when `url` is a moving alias of the context (a draft, a branch), the
/// alias.
pub fn lookup_alias(url: &str) -> Option<(&'static BundledContext, Option<&'static Alias>)> {
    let t = table();
    let &(i, alias) = t.by_url.get(&normalise_url(url))?;
    let context = t.contexts.get(i)?;
    Some((context, alias.and_then(|a| context.aliases.get(a))))
}

/// Context documents the user supplies for IRIs (`fairlint check --context IRI=FILE`, the
/// engine's `contexts` option). They win over the bundled contexts and the resolver, and are
/// looked up with the same spelling rules (scheme, trailing slash, fragment).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserContexts {
    by_url: BTreeMap<String, String>,
}

impl UserContexts {
    /// No user contexts.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds (or replaces) the context document `text` for `iri`.
    pub fn insert(&mut self, iri: &str, text: impl Into<String>) {
        self.by_url.insert(normalise_url(iri), text.into());
    }

    /// The document supplied for `url`, in any of its usual spellings.
    pub fn get(&self, url: &str) -> Option<&str> {
        self.by_url.get(&normalise_url(url)).map(String::as_str)
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.by_url.is_empty()
    }
}

/// The key a context URL is looked up by: no scheme, no fragment, no trailing slash.
pub(crate) fn normalise_url(url: &str) -> String {
    let url = url.trim();
    let url = url.split('#').next().unwrap_or(url);
    let url = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    url.trim_end_matches('/').to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_is_indexed_and_valid_json() {
        assert_eq!(bundled().len(), FILES.len());
        for c in bundled() {
            let v: serde_json::Value = serde_json::from_str(c.text()).expect(c.name);
            assert!(v.get("@context").is_some(), "{} has no @context", c.name);
        }
    }

    /// RO-Crate 1.1 and 1.2 are rebuilt from their patches against 1.3 with their own terms.
    #[test]
    fn patched_contexts_rebuild() {
        let context = |url: &str| -> serde_json::Map<String, Value> {
            let c = lookup(url).unwrap();
            assert_eq!(
                c.patch,
                url.contains("/1.0/")
                    || url.contains("/1.1/")
                    || url.contains("/1.2/")
                    || url.contains("/1.3/"),
                "{url}"
            );
            match serde_json::from_str::<Value>(c.text()).unwrap() {
                Value::Object(mut doc) => {
                    assert_eq!(doc["@id"], Value::from(url));
                    match doc.remove("@context") {
                        Some(Value::Object(ctx)) => ctx,
                        _ => panic!("{url}: no @context"),
                    }
                }
                _ => panic!("{url}: not an object"),
            }
        };
        let v10 = context("https://w3id.org/ro/crate/1.0/context");
        let v11 = context("https://w3id.org/ro/crate/1.1/context");
        let v12 = context("https://w3id.org/ro/crate/1.2/context");
        let v13 = context("https://w3id.org/ro/crate/1.3/context");
        assert_eq!(v11.len(), 2628);
        // 1.1.0 as packaged: `@label`, and pcdm's lower-case `object`.
        assert_eq!(v11["RepositoryObject"], "http://pcdm.org/models#object");
        assert!(v11.contains_key("@label") && !v13.contains_key("@label"));
        assert!(v12.len() < v13.len() && v11.len() < v12.len());
        assert_eq!(v11["Dataset"], v13["Dataset"]);
        // 1.0 is rebuilt from its patch over 1.1 (itself a patch over 1.3): the 1.0 terms,
        // none of 1.1's Bioschemas workflow terms.
        assert_eq!(v10["Workflow"], "http://purl.org/ro/wfdesc#Workflow");
        assert_eq!(v10["Dataset"], v11["Dataset"]);
        assert!(
            !v10.contains_key("ComputationalWorkflow") && v11.contains_key("ComputationalWorkflow")
        );
        assert_eq!(v10.len(), v11.len());
    }

    #[test]
    fn contexts_written_from_specifications() {
        for (url, term, iri) in [
            ("http://w3id.org/ro/terms/workflow-run/", "sha256", "https://w3id.org/ro/terms/workflow-run#sha256"),
            ("https://w3id.org/ro/terms/test", "TestSuite", "https://w3id.org/ro/terms/test#TestSuite"),
            ("https://w3id.org/bundle/context", "aggregates", ""),
            ("https://semiceu.github.io/uri.semic.eu-generated/DCAT-AP/releases/3.0.0/html/examples/context.jsonld", "dcat", "http://www.w3.org/ns/dcat#"),
        ] {
            let c = lookup(url).unwrap_or_else(|| panic!("{url} is not bundled"));
            let doc: Value = serde_json::from_str(c.text()).unwrap();
            let ctx = match &doc["@context"] {
                Value::Array(items) => items[1].clone(),
                other => other.clone(),
            };
            assert!(ctx.get(term).is_some(), "{url}: no {term}");
            if !iri.is_empty() {
                assert_eq!(ctx[term], iri, "{url}");
            }
        }
    }

    #[test]
    fn moving_aliases_name_their_release() {
        for (url, release, name) in [
            (
                "https://w3id.org/ro/crate/1.2-DRAFT/context",
                "RO-Crate 1.2",
                "RO-Crate 1.2 context",
            ),
            (
                "http://w3id.org/ro/crate/1.3-DRAFT/context/",
                "RO-Crate 1.3",
                "RO-Crate 1.3 context",
            ),
            (
                "https://raw.githubusercontent.com/codemeta/codemeta/master/codemeta.jsonld",
                "CodeMeta 3.0",
                "CodeMeta 3.0 context",
            ),
        ] {
            let (c, alias) = lookup_alias(url).unwrap_or_else(|| panic!("{url}"));
            assert_eq!(c.name, name);
            assert_eq!(alias.map(|a| a.release.as_str()), Some(release), "{url}");
        }
        let (_, alias) = lookup_alias("https://w3id.org/ro/crate/1.2/context").unwrap();
        assert!(alias.is_none());
    }

    #[test]
    fn user_contexts_match_any_spelling() {
        let mut user = UserContexts::new();
        assert!(user.is_empty());
        user.insert("https://example.org/ctx/", r#"{"@context": {}}"#);
        assert_eq!(
            user.get("http://example.org/ctx#x"),
            Some(r#"{"@context": {}}"#)
        );
        assert_eq!(user.get("https://example.org/other"), None);
    }

    #[test]
    fn schema_org_spellings() {
        for url in [
            "http://schema.org",
            "https://schema.org/",
            "http://schema.org/",
            "https://schema.org/docs/jsonldcontext.jsonld",
        ] {
            assert!(lookup(url).is_some(), "{url}");
        }
        assert!(lookup("https://example.org/context.jsonld").is_none());
    }
}
