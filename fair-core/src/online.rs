//! What an online check needs from the core and gives back to it, as data: the core does no
//! I/O. The online layer (`crates/fair-online`, never a dependency of the WebAssembly
//! package) asks [`crate::Engine::online_targets`] which URLs a record names, fetches them under its
//! bounds, and hands the outcomes back through [`Report::apply_online`], which moves the
//! indicators that need the network from `not_assessed` to pass or fail with evidence. The
//! harvest log itself is the online layer's (it is not part of [`Report`]).

use crate::document::Document;
use crate::report::Report;
use fair_model::vocab;
pub use fair_rules::scoring::{OnlineOutcome, ONLINE_CHECKS};
use fair_rules::Subject;
use oxrdf::{NamedNodeRef, NamedOrBlankNodeRef, TermRef};

/// The URLs a record names that an online check probes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct OnlineTargets {
    /// The main resource's IRI, when it is an http(s) IRI.
    pub main: Option<String>,
    /// `schema:url` values of the main resource (its landing page).
    pub urls: Vec<String>,
    /// `schema:contentUrl` values of the main resource and of its `schema:distribution`s
    /// (the data object).
    pub content_urls: Vec<String>,
    /// `schema:license` values that are http(s) URLs.
    pub licenses: Vec<String>,
}

impl Report {
    /// Applies online check outcomes to the indicators: each outcome's indicator that the
    /// offline assessment left `not_assessed` becomes pass or fail with the outcome's
    /// evidence; scores and fixes are recomputed. Findings are untouched, so an online report
    /// keeps every offline outcome.
    pub fn apply_online(&mut self, outcomes: &[OnlineOutcome]) {
        if let Some((scores, top_fixes)) =
            fair_rules::scoring::apply_online(&mut self.indicators, outcomes, &self.findings)
        {
            self.scores = scores;
            self.top_fixes = top_fixes;
        }
    }
}

impl crate::Engine {
    /// The URLs `doc` names that an online check probes (pure: reads the graph only).
    pub fn online_targets(&self, doc: &Document) -> OnlineTargets {
        online_targets(doc)
    }
}

fn is_http(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://")
}

/// See [`crate::Engine::online_targets`].
pub fn online_targets(doc: &Document) -> OnlineTargets {
    let graph = doc.graph();
    let subject = Subject::of(doc);
    let Some(main) = subject.node() else {
        return OnlineTargets::default();
    };
    let values = |node: NamedOrBlankNodeRef<'_>, local: &str| -> Vec<String> {
        let mut out = Vec::new();
        for ns in [vocab::SCHEMA, vocab::SCHEMA_HTTPS] {
            let iri = format!("{ns}{local}");
            for o in graph.objects_for_subject_predicate(node, NamedNodeRef::new_unchecked(&iri)) {
                let v = match o {
                    TermRef::NamedNode(n) => n.as_str().to_owned(),
                    TermRef::Literal(l) => l.value().trim().to_owned(),
                    _ => continue,
                };
                if is_http(&v) && !out.contains(&v) {
                    out.push(v);
                }
            }
        }
        out.sort();
        out
    };
    let main_ref = main.as_ref();
    let mut content_urls = values(main_ref, "contentUrl");
    for ns in [vocab::SCHEMA, vocab::SCHEMA_HTTPS] {
        let iri = format!("{ns}distribution");
        for o in graph.objects_for_subject_predicate(main_ref, NamedNodeRef::new_unchecked(&iri)) {
            let node = match o {
                TermRef::NamedNode(n) => NamedOrBlankNodeRef::NamedNode(n),
                TermRef::BlankNode(b) => NamedOrBlankNodeRef::BlankNode(b),
                _ => continue,
            };
            for v in values(node, "contentUrl") {
                if !content_urls.contains(&v) {
                    content_urls.push(v);
                }
            }
        }
    }
    content_urls.sort();
    let main_iri = match main_ref {
        NamedOrBlankNodeRef::NamedNode(n) if is_http(n.as_str()) => Some(n.as_str().to_owned()),
        _ => None,
    };
    OnlineTargets {
        main: main_iri,
        urls: values(main_ref, "url"),
        content_urls,
        licenses: values(main_ref, "license"),
    }
}
