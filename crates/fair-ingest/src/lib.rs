//! fairlint's ingestion layer: from bytes to a [`Document`] (an RDF graph plus a map back to
//! the source text).
//!
//! - Detection ([`DetectFormat`]): the format from a media type, a file extension or the
//!   content, asking each reader whether the bytes look like its format.
//! - Readers: JSON-LD (with the bundled contexts, [`bundled_contexts`], and an optional
//!   [`Resolver`] for others), JSON-LD in HTML pages, Turtle / TriG / N-Triples / N-Quads,
//!   RDF/XML, and the crosswalks of plain metadata formats to schema.org (bio.tools JSON,
//!   DataCite JSON and XML), which validate the record against its JSON Schema first and leave
//!   the violations in [`Document::ingest_findings`].
//! - Every triple is located ([`SourceMap`]): line and column, JSON Pointer, script block.
//!
//! Depends on `fair-model` and `fair-refdata` (the SPDX list, to crosswalk licence ids) in the
//! workspace; nothing here knows the rules, the profiles or the report.
#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::print_stdout, clippy::print_stderr))]

mod base;
#[doc(hidden)]
pub mod contexts;
#[doc(hidden)]
pub mod crosswalk;
#[doc(hidden)]
pub mod document;
mod format;
mod html;
mod jsonld;
mod position;
mod rdf_text;
mod resolve;
#[doc(hidden)]
pub mod sourcemap;

use fair_model::{error, vocab};
mod limits {
    pub use fair_model::Limits;
}

pub use base::{file_base_iri, DEFAULT_BASE_IRI};
pub use contexts::{bundled as bundled_contexts, BundledContext, UserContexts};
pub use document::{Document, DocumentInfo, JsonSource, ParseOptions, SchemaOrgNamespace};
pub use format::{detect, sniff, DetectFormat};
pub use resolve::{NoResolver, Resolver};
pub use sourcemap::SourceMap;

/// Where JSON `text` first nests deeper than `max` (line, column), if it does: the check the
/// readers make before parsing, for callers that accept JSON documents (user contexts).
pub fn json_depth_exceeded(text: &str, max: usize) -> Option<(u64, u64)> {
    jsonld::depth_exceeded(text, max)
}
