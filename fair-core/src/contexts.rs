//! JSON-LD contexts bundled with fairlint, so documents parse offline. The files, where they
//! come from and how to regenerate them are in `fair-core/data/contexts/PROVENANCE.md`.

use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

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
    /// The context document.
    pub text: &'static str,
}

#[derive(Deserialize)]
struct IndexEntry {
    file: String,
    urls: Vec<String>,
    name: String,
    version: String,
    source: String,
}

const INDEX: &str = include_str!("../data/contexts/index.json");

/// (file name, content) of every bundled context file.
const FILES: &[(&str, &str)] = &[
    (
        "schemaorg.jsonld",
        include_str!("../data/contexts/schemaorg.jsonld"),
    ),
    (
        "rocrate-1.1.jsonld",
        include_str!("../data/contexts/rocrate-1.1.jsonld"),
    ),
    (
        "rocrate-1.2.jsonld",
        include_str!("../data/contexts/rocrate-1.2.jsonld"),
    ),
    (
        "rocrate-1.3.jsonld",
        include_str!("../data/contexts/rocrate-1.3.jsonld"),
    ),
    (
        "codemeta-2.0.jsonld",
        include_str!("../data/contexts/codemeta-2.0.jsonld"),
    ),
    (
        "codemeta-3.0.jsonld",
        include_str!("../data/contexts/codemeta-3.0.jsonld"),
    ),
];

struct Table {
    contexts: Vec<BundledContext>,
    by_url: HashMap<String, usize>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let entries: Vec<IndexEntry> = serde_json::from_str(INDEX).unwrap_or_default();
        let mut contexts = Vec::new();
        let mut by_url = HashMap::new();
        for entry in entries {
            let Some((_, text)) = FILES.iter().find(|(f, _)| *f == entry.file) else {
                continue;
            };
            let index = contexts.len();
            for url in &entry.urls {
                by_url.insert(normalise_url(url), index);
            }
            contexts.push(BundledContext {
                name: Box::leak(entry.name.into_boxed_str()),
                version: entry.version,
                source: entry.source,
                urls: entry.urls,
                text,
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
    let t = table();
    t.by_url
        .get(&normalise_url(url))
        .and_then(|&i| t.contexts.get(i))
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
            let v: serde_json::Value = serde_json::from_str(c.text).expect(c.name);
            assert!(v.get("@context").is_some(), "{} has no @context", c.name);
        }
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
