//! User-supplied ontologies (I110, I111): OWL / Turtle / RDF/XML (any RDF format fairlint
//! parses) or OBO, loaded once at engine build time with `fair_core::EngineBuilder::ontology`.
//!
//! *What it checks*: every IRI of a record in one of the ontology's namespaces is a term the
//! ontology declares (I110), and is not deprecated (`owl:deprecated true`, OBO `is_obsolete`),
//! in which case the replacement (`IAO:0100001` "term replaced by", `oboInOwl:replacedBy`,
//! `oboInOwl:consider`, `dcterms:isReplacedBy`, OBO `replaced_by` / `consider`) is given (I111).
//!
//! *Why it matters*: I2 — (meta)data use vocabularies that follow the FAIR principles.
//!
//! *Fix safety*: display only.

use crate::document::Document;
use crate::error::ConfigError;
use crate::format::Format;
use crate::pass::{CheckContext, Pass};
use crate::sink::FindingSink;
use fair_graph::Graph;
use oxrdf::TermRef;
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet, HashMap};

crate::registry::rules! {
    ONTOLOGY_UNKNOWN_TERM = "I110" {
        slug: "ontology-unknown-term",
        principle: I2,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "{term} is in the namespace of ontology {ontology} but is not one of its terms",
        fix: "Use a term the ontology {ontology} defines",
        summary: "IRIs in a user-supplied ontology's namespace are terms of that ontology.",
    }
    ONTOLOGY_OBSOLETE_TERM = "I111" {
        slug: "ontology-obsolete-term",
        principle: I2,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "{term} is deprecated in ontology {ontology}",
        fix: "Replace it with {replacement}",
        summary: "Terms of user-supplied ontologies are not deprecated.",
    }
}

const OWL: &str = "http://www.w3.org/2002/07/owl#";
const OBO: &str = "http://purl.obolibrary.org/obo/";
const DECLARING_TYPES: &[&str] = &[
    "http://www.w3.org/2002/07/owl#Class",
    "http://www.w3.org/2002/07/owl#ObjectProperty",
    "http://www.w3.org/2002/07/owl#DatatypeProperty",
    "http://www.w3.org/2002/07/owl#AnnotationProperty",
    "http://www.w3.org/2002/07/owl#NamedIndividual",
    "http://www.w3.org/2002/07/owl#DeprecatedClass",
    "http://www.w3.org/2000/01/rdf-schema#Class",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#Property",
    "http://www.w3.org/2004/02/skos/core#Concept",
];
const REPLACED_BY: &[&str] = &[
    "http://purl.obolibrary.org/obo/IAO_0100001",
    "http://www.geneontology.org/formats/oboInOwl#replacedBy",
    "http://purl.org/dc/terms/isReplacedBy",
];
const CONSIDER: &str = "http://www.geneontology.org/formats/oboInOwl#consider";

#[derive(Debug, Default, Clone)]
struct Term {
    deprecated: bool,
    replaced_by: Vec<String>,
    consider: Vec<String>,
}

/// A user ontology, indexed.
#[derive(Debug, Clone)]
pub struct Ontology {
    pub name: String,
    terms: HashMap<String, Term>,
    namespaces: Vec<String>,
}

/// Namespace of a term IRI: OBO-style `.../obo/GO_`, else up to the last `#` or `/`.
fn namespace(iri: &str) -> Option<&str> {
    if let Some(local) = iri.strip_prefix(OBO) {
        let end = local.find('_')?;
        return iri.get(..OBO.len() + end + 1);
    }
    let end = iri.rfind(['#', '/'])?;
    iri.get(..=end)
}

/// OBO `GO:0008150` → `http://purl.obolibrary.org/obo/GO_0008150` (IRIs are kept).
fn obo_iri(id: &str) -> String {
    let id = id.trim();
    if id.starts_with("http://") || id.starts_with("https://") {
        return id.to_owned();
    }
    match id.split_once(':') {
        Some((p, l)) => format!("{OBO}{p}_{l}"),
        None => format!("{OBO}{id}"),
    }
}

fn is_obo(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(bytes.get(..bytes.len().min(4096)).unwrap_or(bytes));
    head.starts_with("format-version:") || head.lines().any(|l| l.trim() == "[Term]")
}

impl Ontology {
    /// Parses an ontology (OBO is recognised by content, whatever `format` says); relative
    /// IRIs resolve against `base_iri` (`None`: [`fair_ingest::DEFAULT_BASE_IRI`]).
    pub fn parse(
        name: &str,
        bytes: &[u8],
        format: Format,
        base_iri: Option<&str>,
    ) -> Result<Self, ConfigError> {
        let terms = if is_obo(bytes) {
            Self::parse_obo(name, bytes)?
        } else {
            let options = fair_ingest::ParseOptions {
                base_iri,
                ..Default::default()
            };
            let doc = Document::parse_with(bytes, format, &options).map_err(|e| {
                ConfigError::new(
                    "ontology",
                    format!("{name}: cannot parse the ontology: {e}"),
                )
            })?;
            Self::from_graph(doc.graph())
        };
        if terms.is_empty() {
            return Err(ConfigError::new(
                "ontology",
                format!("{name}: no terms (owl:Class, properties, individuals, skos:Concept or OBO [Term])"),
            ));
        }
        // Namespaces holding at least 5% of the terms (so a few imported terms do not claim a
        // foreign namespace).
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for iri in terms.keys() {
            if let Some(ns) = namespace(iri) {
                *counts.entry(ns).or_default() += 1;
            }
        }
        let threshold = (terms.len() / 20).max(1);
        let namespaces = counts
            .into_iter()
            .filter(|(_, n)| *n >= threshold)
            .map(|(ns, _)| ns.to_owned())
            .collect();
        Ok(Self {
            name: name.to_owned(),
            terms,
            namespaces,
        })
    }

    fn from_graph(graph: &Graph) -> HashMap<String, Term> {
        let mut terms: HashMap<String, Term> = HashMap::new();
        for t in graph.iter() {
            let oxrdf::NamedOrBlankNodeRef::NamedNode(s) = t.subject else {
                continue;
            };
            let p = t.predicate.as_str();
            let object = match t.object {
                TermRef::NamedNode(n) => Some(n.as_str().to_owned()),
                TermRef::Literal(l) => Some(l.value().to_owned()),
                _ => None,
            };
            if p == crate::vocab::RDF_TYPE {
                if let Some(o) = &object {
                    if DECLARING_TYPES.contains(&o.as_str()) {
                        let term = terms.entry(s.as_str().to_owned()).or_default();
                        term.deprecated |= o.ends_with("DeprecatedClass");
                    }
                }
            } else if p == format!("{OWL}deprecated") {
                if object.as_deref().is_some_and(|o| o == "true" || o == "1") {
                    terms.entry(s.as_str().to_owned()).or_default().deprecated = true;
                }
            } else if REPLACED_BY.contains(&p) {
                if let Some(o) = object {
                    terms
                        .entry(s.as_str().to_owned())
                        .or_default()
                        .replaced_by
                        .push(obo_iri(&o));
                }
            } else if p == CONSIDER {
                if let Some(o) = object {
                    terms
                        .entry(s.as_str().to_owned())
                        .or_default()
                        .consider
                        .push(obo_iri(&o));
                }
            }
        }
        for term in terms.values_mut() {
            term.replaced_by.sort();
            term.consider.sort();
        }
        terms
    }

    fn parse_obo(name: &str, bytes: &[u8]) -> Result<HashMap<String, Term>, ConfigError> {
        let text = std::str::from_utf8(bytes).map_err(|e| {
            ConfigError::new("ontology", format!("{name}: OBO file is not UTF-8: {e}"))
        })?;
        let mut terms = HashMap::new();
        let mut current: Option<(String, Term)> = None;
        let mut in_term = false;
        let flush = |current: &mut Option<(String, Term)>, terms: &mut HashMap<String, Term>| {
            if let Some((id, term)) = current.take() {
                terms.insert(id, term);
            }
        };
        for line in text.lines() {
            let line = line.trim();
            if line.starts_with('[') {
                flush(&mut current, &mut terms);
                in_term = line == "[Term]" || line == "[Typedef]";
                continue;
            }
            if !in_term {
                continue;
            }
            let Some((tag, value)) = line.split_once(':') else {
                continue;
            };
            // Drop trailing modifiers and comments: `GO:0000001 ! name`, `{...}`.
            let value = value.split(" ! ").next().unwrap_or("").trim();
            let value = value.split(" {").next().unwrap_or("").trim();
            match tag.trim() {
                "id" => {
                    flush(&mut current, &mut terms);
                    current = Some((obo_iri(value), Term::default()));
                }
                "is_obsolete" => {
                    if let Some((_, t)) = current.as_mut() {
                        t.deprecated = value == "true";
                    }
                }
                "replaced_by" => {
                    if let Some((_, t)) = current.as_mut() {
                        t.replaced_by.push(obo_iri(value));
                    }
                }
                "consider" => {
                    if let Some((_, t)) = current.as_mut() {
                        t.consider.push(obo_iri(value));
                    }
                }
                _ => {}
            }
        }
        flush(&mut current, &mut terms);
        Ok(terms)
    }

    fn covers(&self, iri: &str) -> bool {
        namespace(iri).is_some_and(|ns| self.namespaces.iter().any(|n| n == ns))
    }
}

pub fn check(graph: &Graph, ontologies: &[Ontology], sink: &mut FindingSink<'_>) {
    if ontologies.is_empty() {
        return;
    }
    let mut reported = BTreeSet::new();
    for t in graph.iter() {
        let mut candidates: Vec<(&str, bool)> = vec![(t.predicate.as_str(), true)];
        if let TermRef::NamedNode(n) = t.object {
            candidates.push((n.as_str(), false));
        }
        for (iri, is_predicate) in candidates {
            for ont in ontologies.iter().filter(|o| o.covers(iri)) {
                let focus = t.subject.to_string();
                let path = format!("<{}>", t.predicate.as_str());
                let value = (!is_predicate).then(|| format!("<{iri}>"));
                if !reported.insert((focus.clone(), path.clone(), iri.to_owned())) {
                    continue;
                }
                match ont.terms.get(iri) {
                    None => sink
                        .report(ONTOLOGY_UNKNOWN_TERM)
                        .focus(focus)
                        .path(path)
                        .value(value)
                        .context(json!({ "term": iri, "ontology": ont.name }))
                        .emit(),
                    Some(term) if term.deprecated => {
                        let replacement = if !term.replaced_by.is_empty() {
                            term.replaced_by.join(" or ")
                        } else if !term.consider.is_empty() {
                            format!("one of {}", term.consider.join(", "))
                        } else {
                            "a current term".to_owned()
                        };
                        sink.report(ONTOLOGY_OBSOLETE_TERM)
                            .focus(focus)
                            .path(path)
                            .value(value)
                            .context(json!({ "term": iri, "ontology": ont.name,
                                    "replaced_by": term.replaced_by, "consider": term.consider,
                                    "replacement": replacement }))
                            .emit();
                    }
                    Some(_) => {}
                }
            }
        }
    }
}

/// The checks against the engine's user ontologies as a pass.
pub struct Ontologies;

impl Pass for Ontologies {
    fn run(&self, cx: &CheckContext<'_>, sink: &mut FindingSink<'_>) {
        check(cx.doc.graph(), cx.ontologies, sink);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OBO_TEXT: &str = "format-version: 1.2\nontology: go\n\n[Term]\nid: GO:0008150\nname: biological_process\n\n[Term]\nid: GO:0000004\nname: obsolete biological process\nis_obsolete: true\nconsider: GO:0008150 ! biological_process\n\n[Term]\nid: GO:0000005\nis_obsolete: true\nreplaced_by: GO:0008150\n";

    #[test]
    fn obo() {
        let o = Ontology::parse("go.obo", OBO_TEXT.as_bytes(), Format::Turtle, None).unwrap();
        assert_eq!(
            o.namespaces,
            vec!["http://purl.obolibrary.org/obo/GO_".to_owned()]
        );
        let t = o
            .terms
            .get("http://purl.obolibrary.org/obo/GO_0000005")
            .unwrap();
        assert!(t.deprecated);
        assert_eq!(
            t.replaced_by,
            vec!["http://purl.obolibrary.org/obo/GO_0008150".to_owned()]
        );
        assert!(o.covers("http://purl.obolibrary.org/obo/GO_9999999"));
        assert!(!o.covers("http://purl.obolibrary.org/obo/SO_0000001"));
    }

    #[test]
    fn turtle() {
        let ttl = r#"@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix ex: <https://example.org/onto#> .
@prefix obo: <http://purl.obolibrary.org/obo/> .
ex:A a owl:Class .
ex:B a owl:Class ; owl:deprecated true ; obo:IAO_0100001 ex:A .
"#;
        let o = Ontology::parse("ex.ttl", ttl.as_bytes(), Format::Turtle, None).unwrap();
        assert_eq!(o.namespaces, vec!["https://example.org/onto#".to_owned()]);
        let b = o.terms.get("https://example.org/onto#B").unwrap();
        assert!(b.deprecated);
        assert_eq!(b.replaced_by, vec!["https://example.org/onto#A".to_owned()]);
        assert!(Ontology::parse("empty.ttl", b"", Format::Turtle, None).is_err());
    }
}
