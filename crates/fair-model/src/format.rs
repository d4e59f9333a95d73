//! Input formats: their names, media types and file extensions. Detection from the content is
//! the ingestion's (`fair_core::DetectFormat`), which asks the readers.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A serialisation fairlint can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Format {
    /// JSON-LD 1.1 (`.jsonld`, `.json`).
    JsonLd,
    /// Turtle (`.ttl`).
    Turtle,
    /// TriG (`.trig`).
    TriG,
    /// N-Triples (`.nt`).
    NTriples,
    /// N-Quads (`.nq`).
    NQuads,
    /// RDF/XML (`.rdf`, `.owl`).
    RdfXml,
    /// An HTML page with one or more `<script type="application/ld+json">` blocks.
    Html,
    /// bio.tools JSON (biotoolsSchema): one tool, an array of tools or an API page
    /// (`.biotools.json`). Validated with its JSON Schema and crosswalked to schema.org.
    BioTools,
    /// DataCite metadata: DataCite JSON (REST API / Invenio form) or DataCite XML (kernel-4,
    /// kernel-3). Validated with the DataCite JSON Schema and crosswalked to schema.org.
    DataCite,
    /// Not a serialisation: an RDF graph handed to the engine in memory
    /// (`Engine::validate_graph`, feature `sophia`), with no source text to point into. Not an
    /// input format: absent from [`Format::ALL`] and never detected or named.
    Graph,
}

/// How a format was chosen for an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Detection {
    /// The caller named the format.
    Explicit,
    /// From the media type (for example an HTTP `Content-Type`).
    MediaType,
    /// From the file name's extension.
    Extension,
    /// From the first bytes of the content.
    Content,
}

impl Format {
    /// Every format, in a stable order.
    pub const ALL: [Format; 9] = [
        Format::JsonLd,
        Format::Turtle,
        Format::TriG,
        Format::NTriples,
        Format::NQuads,
        Format::RdfXml,
        Format::Html,
        Format::BioTools,
        Format::DataCite,
    ];

    /// The short name used on the command line and in the bindings (`jsonld`, `turtle`, ...).
    pub fn name(self) -> &'static str {
        match self {
            Format::JsonLd => "jsonld",
            Format::Turtle => "turtle",
            Format::TriG => "trig",
            Format::NTriples => "ntriples",
            Format::NQuads => "nquads",
            Format::RdfXml => "rdfxml",
            Format::Html => "html",
            Format::BioTools => "biotools",
            Format::DataCite => "datacite",
            Format::Graph => "graph",
        }
    }

    /// Parses a short name (`jsonld`, `ttl`, `nt`, ...), case-insensitively.
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name.trim().to_ascii_lowercase().as_str() {
            "jsonld" | "json-ld" | "json" => Format::JsonLd,
            "turtle" | "ttl" => Format::Turtle,
            "trig" => Format::TriG,
            "ntriples" | "n-triples" | "nt" => Format::NTriples,
            "nquads" | "n-quads" | "nq" => Format::NQuads,
            "rdfxml" | "rdf/xml" | "rdf" | "xml" | "owl" => Format::RdfXml,
            "html" | "htm" => Format::Html,
            "biotools" | "bio.tools" | "biotools-json" => Format::BioTools,
            "datacite" | "datacite-json" | "datacite-xml" => Format::DataCite,
            _ => return None,
        })
    }

    /// The format of a media type such as `text/turtle; charset=utf-8`.
    pub fn from_media_type(media_type: &str) -> Option<Self> {
        let essence = media_type
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        Some(match essence.as_str() {
            "application/ld+json" | "application/json" => Format::JsonLd,
            "text/turtle" | "application/x-turtle" => Format::Turtle,
            "application/trig" => Format::TriG,
            "application/n-triples" | "text/plain" => Format::NTriples,
            "application/n-quads" => Format::NQuads,
            "application/rdf+xml" | "application/xml" | "text/xml" => Format::RdfXml,
            "text/html" | "application/xhtml+xml" => Format::Html,
            "application/vnd.datacite.datacite+json" | "application/vnd.datacite.datacite+xml" => {
                Format::DataCite
            }
            _ => return None,
        })
    }

    /// The format of a file name or path, from its extension.
    pub fn from_extension(path: &str) -> Option<Self> {
        let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".biotools.json") {
            return Some(Format::BioTools);
        }
        if lower.ends_with(".datacite.json") || lower.ends_with(".datacite.xml") {
            return Some(Format::DataCite);
        }
        let (_, ext) = name.rsplit_once('.')?;
        Some(match ext.to_ascii_lowercase().as_str() {
            "jsonld" | "json" => Format::JsonLd,
            "ttl" | "turtle" => Format::Turtle,
            "trig" => Format::TriG,
            "nt" => Format::NTriples,
            "nq" => Format::NQuads,
            "rdf" | "owl" | "xml" => Format::RdfXml,
            "html" | "htm" | "xhtml" => Format::Html,
            _ => return None,
        })
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
