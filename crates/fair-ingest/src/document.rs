//! Parsed input: an RDF graph plus a source map back to the user's text.

use crate::contexts::UserContexts;
use crate::error::{Limit, LimitError, Location, ParseError, ValidateError};
use crate::format::Format;
use crate::limits::Limits;
use crate::position::line_column;
use crate::resolve::{NoResolver, Resolver};
use crate::sourcemap::{SourceMap, SourceMapBuilder};
use crate::vocab;
use fair_graph::Graph;
use oxrdf::{BlankNode, Literal, NamedNode, NamedOrBlankNode, Quad, Term, Triple};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

/// Options for [`Document::parse_with`].
#[derive(Clone, Copy)]
pub struct ParseOptions<'a> {
    /// Size limits.
    pub limits: Limits,
    /// Base IRI for relative IRIs (default [`crate::DEFAULT_BASE_IRI`], `file:///`; a file's
    /// own is [`crate::file_base_iri`]).
    pub base_iri: Option<&'a str>,
    /// Where contexts that fairlint does not bundle come from (default: nowhere).
    pub resolver: &'a dyn Resolver,
    /// Context documents supplied by the user, which win over the bundled ones.
    pub user_contexts: Option<&'a UserContexts>,
}

impl Default for ParseOptions<'_> {
    fn default() -> Self {
        Self {
            limits: Limits::default(),
            base_iri: None,
            resolver: &NoResolver,
            user_contexts: None,
        }
    }
}

/// Which schema.org namespace spelling a document uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SchemaOrgNamespace {
    /// `http://schema.org/` only.
    Http,
    /// `https://schema.org/` only.
    Https,
    /// Both spellings.
    Mixed,
}

/// Facts about a parsed document, reported alongside the findings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct DocumentInfo {
    /// The format it was parsed as.
    pub format: Format,
    /// Number of distinct triples (all graphs merged).
    pub triples: usize,
    /// Number of named graphs merged into the data graph.
    pub named_graphs: usize,
    /// Which schema.org spelling the input used, if any. Downstream both are the same
    /// vocabulary: the graph is normalised to `http://schema.org/`.
    pub schema_org: Option<SchemaOrgNamespace>,
    /// The bundled JSON-LD contexts the input referred to.
    pub contexts: Vec<String>,
    /// For HTML pages: how many JSON-LD script blocks were found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub script_blocks: Option<usize>,
    /// For bio.tools and DataCite records: the schema the record was validated against before
    /// it was crosswalked to schema.org.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The graph's fingerprint, `sha256:` and the hex SHA-256 of its RDFC-1.0 canonical
    /// N-Quads: the same graph in any syntax (blank node labels, order, prefixes, schema.org
    /// spelling aside) has the same fingerprint. Filled in by validation (`fair-core` with its
    /// feature `fingerprint`, on except in the WebAssembly package); `None` before, and when it
    /// could not be computed ([`DocumentInfo::fingerprint_error`] says why).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
    /// Why there is no fingerprint, when there is none after validation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fingerprint_error: Option<fair_model::FingerprintError>,
}

/// One parsed input: its data graph (all named graphs merged, blank nodes labelled `b0`, `b1`,
/// ... in order of appearance, schema.org normalised to `http://schema.org/`) and a map back to
/// the source text.
#[derive(Debug, Clone)]
pub struct Document {
    graph: Graph,
    info: DocumentInfo,
    source_map: SourceMap,
    /// Findings of the reading itself: a moving context alias (I006); for bio.tools and
    /// DataCite records, the schema violations found before the crosswalk (R301 / R302).
    ingest_findings: Vec<fair_model::RawFinding>,
    /// The base IRI relative IRIs resolved against.
    base_iri: String,
    /// For a JSON-LD document (not an HTML page): the JSON as written, for checks of its form.
    json: Option<std::sync::Arc<JsonSource>>,
}

/// A JSON-LD document as written, for checks of its form (flattened, compacted) that the
/// graph cannot show.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct JsonSource {
    /// The JSON value.
    pub value: serde_json::Value,
    /// The term definitions of its top-level `@context`, merged in order the way
    /// rocrate-validator's compaction check merges them (later contexts override earlier
    /// ones, `null` resets, a term's IRI given through a prefix is expanded when defined);
    /// referenced contexts as fairlint loaded them (bundled contexts pruned to the terms the
    /// document uses). `None` when a referenced context could not be read as JSON.
    pub definitions: Option<serde_json::Map<String, serde_json::Value>>,
}

impl JsonSource {
    /// The IRI `term` maps to through [`JsonSource::definitions`] (through other defined
    /// prefixes, without cycles); `None` for keywords, blank nodes and unmapped terms.
    pub fn mapped_iri(&self, term: &str) -> Option<String> {
        crate::jsonld::mapped_iri(term, self.definitions.as_ref()?, &mut Vec::new())
    }
}

impl Document {
    /// Parses `bytes` as `format` with default options (offline, default limits).
    pub fn parse(bytes: &[u8], format: Format) -> Result<Self, ValidateError> {
        Self::parse_with(bytes, format, &ParseOptions::default())
    }

    /// Parses `bytes` as `format`.
    pub fn parse_with(
        bytes: &[u8],
        format: Format,
        options: &ParseOptions<'_>,
    ) -> Result<Self, ValidateError> {
        if bytes.len() > options.limits.max_input_bytes {
            return Err(LimitError {
                limit: Limit::InputBytes,
                max: options.limits.max_input_bytes as u64,
                location: None,
            }
            .into());
        }
        let text = std::str::from_utf8(bytes).map_err(|e| {
            let (line, column) = line_column(bytes, e.valid_up_to());
            ParseError::new(
                format,
                "input is not valid UTF-8",
                Some(Location::line_column(line, column)),
            )
        })?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let base = options.base_iri.unwrap_or(crate::DEFAULT_BASE_IRI);
        let mut collector = Collector::new(options.limits.max_triples);
        let mut contexts_used = crate::jsonld::ContextsUsed::default();
        let mut script_blocks = None;
        let mut crosswalked = None;
        let mut json = None;
        match format {
            Format::JsonLd => {
                json = crate::jsonld::parse(
                    text,
                    base,
                    options,
                    &mut collector,
                    0,
                    None,
                    &mut contexts_used,
                )?;
            }
            Format::Html => {
                let blocks = crate::html::script_blocks(text);
                script_blocks = Some(blocks.len());
                for (index, block) in blocks.iter().enumerate() {
                    crate::jsonld::parse(
                        block.text,
                        base,
                        options,
                        &mut collector,
                        index,
                        Some((block.line, block.column)),
                        &mut contexts_used,
                    )?;
                }
            }
            Format::Turtle | Format::TriG | Format::NTriples | Format::NQuads => {
                crate::rdf_text::parse_line_based(text, format, base, &mut collector)?;
            }
            Format::RdfXml => crate::rdf_text::parse_rdfxml(
                text,
                base,
                options.limits.max_input_bytes,
                &mut collector,
            )?,
            Format::BioTools => {
                crosswalked = Some(crate::crosswalk::biotools::parse(
                    text,
                    options,
                    &mut collector,
                )?);
            }
            Format::DataCite => {
                crosswalked = Some(crate::crosswalk::datacite::parse(
                    text,
                    options,
                    &mut collector,
                )?);
            }
            // `Format` is `#[non_exhaustive]` in fair-model: a format added there before it has
            // a reader here is a typed error, not a panic.
            other => {
                return Err(ParseError::new(
                    other,
                    format!("this build of fairlint has no reader for {other}"),
                    None,
                )
                .into())
            }
        }
        let (contexts_used, alias_findings) = contexts_used.into_parts();
        let mut doc = collector.finish(format, contexts_used, script_blocks);
        doc.base_iri = base.to_owned();
        doc.ingest_findings = alias_findings;
        doc.json = json.map(std::sync::Arc::new);
        if let Some(crosswalked) = crosswalked {
            doc.ingest_findings
                .extend(crate::crosswalk::findings(&crosswalked));
            doc.info.schema = Some(crosswalked.schema);
        }
        Ok(doc)
    }

    /// A document of quads held in memory rather than read from text (an RDF graph a caller
    /// built): every quad goes through the same collection as a parsed input's (named graphs
    /// merged, blank nodes relabelled `b0`, `b1`, ... in order of appearance, schema.org
    /// normalised, `max_triples` enforced), and the document has no source map. `format` is
    /// what the report names ([`Format::Graph`] for a graph handed over in memory); relative
    /// IRIs must be resolved by the caller against `options.base_iri`, which the document
    /// records.
    pub fn from_quads(
        quads: impl IntoIterator<Item = Quad>,
        format: Format,
        options: &ParseOptions<'_>,
    ) -> Result<Self, ValidateError> {
        let mut collector = Collector::new(options.limits.max_triples);
        for quad in quads {
            collector.add(quad, None)?;
        }
        let mut doc = collector.finish(format, Vec::new(), None);
        doc.base_iri = options
            .base_iri
            .unwrap_or(crate::DEFAULT_BASE_IRI)
            .to_owned();
        Ok(doc)
    }

    /// What reading the input found wrong before any check ran (a crosswalked record's schema
    /// violations), for the rules to report.
    pub fn ingest_findings(&self) -> &[fair_model::RawFinding] {
        &self.ingest_findings
    }

    /// When the document's format is crosswalked and has no field that becomes the schema.org
    /// property `predicate` (a full IRI): the fix of a finding that the property is missing
    /// ("DataCite metadata has no field for schema:…").
    pub fn no_field_fix(&self, predicate: &str) -> Option<String> {
        crate::crosswalk::no_field_fix(self.info.format, predicate)
    }

    /// The base IRI the input's relative IRIs resolved against.
    pub fn base_iri(&self) -> &str {
        &self.base_iri
    }

    /// What the record wrote for `iri` when it is a relative reference resolved against a
    /// base fairlint made up (a `file:` base: [`crate::DEFAULT_BASE_IRI`] or the file's
    /// location): `"license": "MIT"` under a context that makes `license` IRI-valued becomes
    /// `<file:///MIT>` (or `<file:%2E/dir/MIT>` next to `dir/x.json`), and the checks judge
    /// `MIT`. Any other IRI, and every IRI under a base the user gave, is returned as is.
    pub fn written_reference<'a>(&self, iri: &'a str) -> &'a str {
        if !self.base_iri.starts_with("file:") {
            return iri;
        }
        let directory = match self.base_iri.rfind('/') {
            Some(i) => &self.base_iri[..=i],
            None => return iri,
        };
        iri.strip_prefix(directory).unwrap_or(iri)
    }

    /// The data graph.
    pub fn graph(&self) -> &Graph {
        &self.graph
    }

    /// Facts about the input.
    pub fn info(&self) -> &DocumentInfo {
        &self.info
    }

    /// The format the input was parsed as.
    pub fn format(&self) -> Format {
        self.info.format
    }

    /// For a JSON-LD document: the JSON as written and its context's term definitions.
    pub fn json(&self) -> Option<&JsonSource> {
        self.json.as_deref()
    }

    /// The map from graph nodes back to the source text.
    pub fn source_map(&self) -> &SourceMap {
        &self.source_map
    }

    /// Where `node` (in N-Triples syntax, e.g. `<https://bio.tools/x>` or `_:b0`) and, if
    /// given, its property `predicate` (an IRI) appear in the source.
    pub fn locate(&self, node: &str, predicate: Option<&str>) -> Option<&Location> {
        self.source_map.locate(node, predicate)
    }
}

/// Receives quads from any parser: merges graphs, relabels blank nodes deterministically,
/// normalises schema.org, enforces the triple limit and records source locations.
pub(crate) struct Collector {
    graph: Graph,
    max_triples: usize,
    /// Per scope: original label -> canonical blank node.
    bnodes: Vec<HashMap<String, BlankNode>>,
    /// How many canonical blank nodes were handed out.
    bnode_count: usize,
    named_graphs: BTreeSet<String>,
    http_schema: bool,
    https_schema: bool,
    pub(crate) source: SourceMapBuilder,
    scope: usize,
    /// The subject of the last triple added and its N-Triples form.
    last_subject: Option<(NamedOrBlankNode, String)>,
    /// The named graph of the last quad added (as read, before relabelling).
    last_graph: Option<oxrdf::GraphName>,
}

impl Collector {
    fn new(max_triples: usize) -> Self {
        Self {
            graph: Graph::new(),
            max_triples,
            bnodes: Vec::new(),
            bnode_count: 0,
            named_graphs: BTreeSet::new(),
            http_schema: false,
            https_schema: false,
            source: SourceMapBuilder::default(),
            scope: 0,
            last_subject: None,
            last_graph: None,
        }
    }

    /// Blank node labels from different scopes (HTML script blocks) never merge.
    pub(crate) fn set_scope(&mut self, scope: usize) {
        self.scope = scope;
        // A blank graph name of another scope is another graph.
        self.last_graph = None;
    }

    pub(crate) fn limit_error(&self, location: Option<Location>) -> LimitError {
        LimitError {
            limit: Limit::Triples,
            max: self.max_triples as u64,
            location,
        }
    }

    /// The canonical form of a blank node of the current scope.
    pub(crate) fn bnode(&mut self, node: &BlankNode) -> BlankNode {
        if self.bnodes.len() <= self.scope {
            self.bnodes.resize_with(self.scope + 1, HashMap::new);
        }
        let Some(scope) = self.bnodes.get_mut(self.scope) else {
            return node.clone();
        };
        if let Some(b) = scope.get(node.as_str()) {
            return b.clone();
        }
        let b = BlankNode::new_unchecked(format!("b{}", self.bnode_count));
        self.bnode_count += 1;
        scope.insert(node.as_str().to_owned(), b.clone());
        b
    }

    fn subject(&mut self, s: NamedOrBlankNode) -> NamedOrBlankNode {
        match s {
            NamedOrBlankNode::NamedNode(n) => NamedOrBlankNode::NamedNode(self.named(n)),
            NamedOrBlankNode::BlankNode(b) => NamedOrBlankNode::BlankNode(self.bnode(&b)),
        }
    }

    fn named(&mut self, n: NamedNode) -> NamedNode {
        if let Some(rest) = n.as_str().strip_prefix(vocab::SCHEMA_HTTPS) {
            self.https_schema = true;
            return NamedNode::new_unchecked(format!("{}{rest}", vocab::SCHEMA));
        }
        if n.as_str().starts_with(vocab::SCHEMA) {
            self.http_schema = true;
        }
        n
    }

    fn term(&mut self, t: Term) -> Term {
        match t {
            Term::NamedNode(n) => Term::NamedNode(self.named(n)),
            Term::BlankNode(b) => Term::BlankNode(self.bnode(&b)),
            Term::Literal(l) => {
                if let Some(rest) = l.datatype().as_str().strip_prefix(vocab::SCHEMA_HTTPS) {
                    self.https_schema = true;
                    let dt = NamedNode::new_unchecked(format!("{}{rest}", vocab::SCHEMA));
                    Term::Literal(Literal::new_typed_literal(l.value(), dt))
                } else {
                    Term::Literal(l)
                }
            }
            #[allow(unreachable_patterns)]
            other => other,
        }
    }

    /// Adds a quad; `location` is where it was read, when known.
    pub(crate) fn add(
        &mut self,
        quad: Quad,
        location: Option<Location>,
    ) -> Result<Triple, LimitError> {
        // Quads of a graph come one after another: its name is written once per run.
        if quad.graph_name != oxrdf::GraphName::DefaultGraph
            && self.last_graph.as_ref() != Some(&quad.graph_name)
        {
            if let oxrdf::GraphName::NamedNode(g) = &quad.graph_name {
                self.named_graphs.insert(g.to_string());
            } else if let oxrdf::GraphName::BlankNode(g) = &quad.graph_name {
                let g = self.bnode(g);
                self.named_graphs.insert(g.to_string());
            }
            self.last_graph = Some(quad.graph_name.clone());
        }
        let triple = Triple::new(
            self.subject(quad.subject),
            self.named(quad.predicate),
            self.term(quad.object),
        );
        if self.graph.insert(&triple) && self.graph.len() > self.max_triples {
            return Err(self.limit_error(location));
        }
        if let Some(location) = location {
            // Readers give a subject's triples one after another: its N-Triples form is
            // written once per run, not once per triple.
            if self
                .last_subject
                .as_ref()
                .is_none_or(|(node, _)| *node != triple.subject)
            {
                self.last_subject = Some((triple.subject.clone(), triple.subject.to_string()));
            }
            if let Some((_, subject)) = &self.last_subject {
                self.source
                    .record(subject, Some(triple.predicate.as_str()), location);
            }
        }
        Ok(triple)
    }

    fn finish(
        mut self,
        format: Format,
        contexts: Vec<String>,
        script_blocks: Option<usize>,
    ) -> Document {
        // The triples sorted once, the set that deduplicated them while reading dropped.
        self.graph.freeze();
        let schema_org = match (self.http_schema, self.https_schema) {
            (true, true) => Some(SchemaOrgNamespace::Mixed),
            (true, false) => Some(SchemaOrgNamespace::Http),
            (false, true) => Some(SchemaOrgNamespace::Https),
            (false, false) => None,
        };
        Document {
            info: DocumentInfo {
                format,
                triples: self.graph.len(),
                named_graphs: self.named_graphs.len(),
                schema_org,
                contexts,
                script_blocks,
                schema: None,
                fingerprint: None,
                fingerprint_error: None,
            },
            graph: self.graph,
            source_map: self.source.finish(),
            ingest_findings: Vec::new(),
            base_iri: String::new(),
            json: None,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]
    use super::*;

    /// Named graphs are counted once each, however their quads interleave; a blank graph name
    /// is a graph too; the data graph merges them all, duplicates once.
    #[test]
    fn named_graphs_are_counted_once_each() {
        let nq = "<https://e.org/s> <https://e.org/p> \"1\" <https://e.org/g1> .\n\
                  <https://e.org/s> <https://e.org/p> \"2\" <https://e.org/g1> .\n\
                  <https://e.org/s> <https://e.org/p> \"1\" <https://e.org/g2> .\n\
                  <https://e.org/s> <https://e.org/p> \"3\" <https://e.org/g1> .\n\
                  <https://e.org/s> <https://e.org/p> \"4\" _:g .\n\
                  <https://e.org/s> <https://e.org/p> \"5\" .\n\
                  <https://e.org/s> <https://e.org/p> \"4\" _:g .\n";
        let doc = Document::parse(nq.as_bytes(), Format::NQuads).unwrap();
        assert_eq!(doc.info().named_graphs, 3);
        assert_eq!(doc.info().triples, 5);
        assert_eq!(doc.graph().len(), 5);
    }

    /// The triple limit counts distinct triples and stops at the first one over it.
    #[test]
    fn the_triple_limit_counts_distinct_triples() {
        let mut nt = String::new();
        for i in 0..4 {
            nt.push_str(&format!("<https://e.org/s> <https://e.org/p> \"{i}\" .\n"));
            nt.push_str(&format!("<https://e.org/s> <https://e.org/p> \"{i}\" .\n"));
        }
        let mut options = ParseOptions::default();
        options.limits.max_triples = 4;
        let doc = Document::parse_with(nt.as_bytes(), Format::NTriples, &options).unwrap();
        assert_eq!(doc.graph().len(), 4);
        options.limits.max_triples = 3;
        let Err(ValidateError::LimitExceeded(e)) =
            Document::parse_with(nt.as_bytes(), Format::NTriples, &options)
        else {
            panic!("no limit error");
        };
        assert_eq!(e.location.and_then(|l| l.line), Some(7));
    }
}
