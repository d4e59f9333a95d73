//! Text RDF formats: Turtle, TriG, N-Triples, N-Quads (fed line by line so every triple gets
//! the line it was read on) and RDF/XML.

use crate::document::Collector;
use crate::error::{Limit, LimitError, Location, ParseError, ValidateError};
use crate::format::Format;
use crate::position::line_column;
use oxrdf::{GraphName, Quad};
use oxttl::{NQuadsParser, NTriplesParser, TriGParser, TurtleParser, TurtleSyntaxError};
use std::collections::HashMap;

/// A low-level oxttl parser fed incrementally, yielding quads.
trait Incremental {
    fn feed(&mut self, bytes: &[u8]);
    fn end(&mut self);
    fn is_end(&self) -> bool;
    fn next_quad(&mut self) -> Option<Result<Quad, TurtleSyntaxError>>;
}

macro_rules! incremental {
    ($ty:ty, $conv:expr) => {
        impl Incremental for $ty {
            fn feed(&mut self, bytes: &[u8]) {
                self.extend_from_slice(bytes)
            }
            fn end(&mut self) {
                <$ty>::end(self)
            }
            fn is_end(&self) -> bool {
                <$ty>::is_end(self)
            }
            fn next_quad(&mut self) -> Option<Result<Quad, TurtleSyntaxError>> {
                self.parse_next().map(|r| r.map($conv))
            }
        }
    };
}

incremental!(oxttl::turtle::LowLevelTurtleParser, |t: oxrdf::Triple| t
    .in_graph(GraphName::DefaultGraph));
incremental!(
    oxttl::ntriples::LowLevelNTriplesParser,
    |t: oxrdf::Triple| t.in_graph(GraphName::DefaultGraph)
);
incremental!(oxttl::trig::LowLevelTriGParser, |q: Quad| q);
incremental!(oxttl::nquads::LowLevelNQuadsParser, |q: Quad| q);

fn syntax_error(format: Format, e: &TurtleSyntaxError) -> ValidateError {
    let start = e.location().start;
    ParseError::new(
        format,
        e.message().to_owned(),
        Some(Location::line_column(start.line + 1, start.column + 1)),
    )
    .into()
}

/// Parses a Turtle-family document.
pub(crate) fn parse_line_based(
    text: &str,
    format: Format,
    base: &str,
    collector: &mut Collector,
) -> Result<(), ValidateError> {
    let mut parser: Box<dyn Incremental> = match format {
        Format::Turtle => Box::new(
            TurtleParser::new()
                .with_base_iri(base)
                .unwrap_or_else(|_| TurtleParser::new())
                .low_level(),
        ),
        Format::TriG => Box::new(
            TriGParser::new()
                .with_base_iri(base)
                .unwrap_or_else(|_| TriGParser::new())
                .low_level(),
        ),
        Format::NTriples => Box::new(NTriplesParser::new().low_level()),
        _ => Box::new(NQuadsParser::new().low_level()),
    };
    let mut lines = text.split_inclusive('\n');
    let mut line_no: u64 = 0;
    while !parser.is_end() {
        match lines.next() {
            Some(line) => {
                line_no += 1;
                parser.feed(line.as_bytes());
            }
            None => parser.end(),
        }
        while let Some(result) = parser.next_quad() {
            let quad = result.map_err(|e| syntax_error(format, &e))?;
            collector.add(quad, Some(Location::line_column(line_no.max(1), 1)))?;
        }
    }
    Ok(())
}

/// Parses RDF/XML; each triple is located at the parser's position when it was produced.
/// Entities declared in the document type are expanded by the parser, so their expansion is
/// first bounded by `max_bytes` (see [`entity_expansion`]).
pub(crate) fn parse_rdfxml(
    text: &str,
    base: &str,
    max_bytes: usize,
    collector: &mut Collector,
) -> Result<(), ValidateError> {
    if let Some(offset) = entity_expansion(text, max_bytes as u64) {
        let (line, column) = line_column(text.as_bytes(), offset);
        return Err(LimitError {
            limit: Limit::InputBytes,
            max: max_bytes as u64,
            location: Some(Location::line_column(line, column)),
        }
        .into());
    }
    let parser = oxrdfxml::RdfXmlParser::new();
    let parser = parser.clone().with_base_iri(base).unwrap_or(parser);
    let mut iter = parser.for_slice(text.as_bytes());
    loop {
        let position = iter.buffer_position() as usize;
        let Some(result) = iter.next() else { break };
        let after = iter.buffer_position() as usize;
        match result {
            Ok(triple) => {
                let (line, column) = line_column(text.as_bytes(), after.max(position));
                collector.add(
                    triple.in_graph(GraphName::DefaultGraph),
                    Some(Location::line_column(line, column)),
                )?;
            }
            Err(e) => {
                let (line, column) = line_column(text.as_bytes(), after);
                let message = if text.contains(RDF_NS) {
                    e.to_string()
                } else {
                    format!(
                        "not RDF/XML: the document never declares the RDF namespace <{RDF_NS}>{} ({e})",
                        root_element(text).map(|r| format!("; its root element is <{r}>")).unwrap_or_default()
                    )
                };
                return Err(ParseError::new(
                    Format::RdfXml,
                    message,
                    Some(Location::line_column(line, column)),
                )
                .into());
            }
        }
    }
    Ok(())
}

const RDF_NS: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

/// Bounds the expansion of internal `<!ENTITY name "value">` declarations ("billion laughs").
///
/// oxrdfxml expands every declaration eagerly (entities used in later declarations included)
/// and every reference in the document; external entities (`SYSTEM`, `PUBLIC`) are refused by
/// the parser itself. This scan reads the declarations the way oxrdfxml does (the text between
/// one `<` and the next), computes each entity's expanded length without building it, and adds
/// up what the parser would build: every declaration's value plus every reference to a
/// declared entity. Returns the byte offset of the declaration or reference at which that
/// total passes `max`. Linear in the input.
fn entity_expansion(text: &str, max: u64) -> Option<usize> {
    if !text.contains("<!ENTITY") {
        return None;
    }
    let mut sizes: HashMap<&str, u64> = HashMap::new();
    let mut total = 0u64;
    let mut offset = 0usize;
    for piece in text.split('<') {
        let at = offset.saturating_sub(1);
        offset += piece.len() + 1;
        let Some(decl) = piece.strip_prefix("!ENTITY") else {
            continue;
        };
        let decl = decl.trim_start();
        let decl = decl.strip_prefix('%').unwrap_or(decl).trim_start();
        let Some((name, value)) = decl.split_once(|c: char| c.is_ascii_whitespace()) else {
            continue;
        };
        let Some((value, _)) = value
            .trim_start()
            .strip_prefix('"')
            .and_then(|v| v.split_once('"'))
        else {
            continue;
        };
        let size = expanded_len(value, &sizes);
        total = total.saturating_add(size);
        if total > max {
            return Some(at);
        }
        sizes.insert(name, size);
    }
    let mut found = None;
    for_each_reference(text, |at, name| {
        if let Some(size) = sizes.get(name) {
            total = total.saturating_add(*size);
            if total > max && found.is_none() {
                found = Some(at);
            }
        }
    });
    found
}

/// Calls `f(offset, name)` for every `&name;` in `text` (a name holds no `&`), in one pass.
fn for_each_reference<'t>(text: &'t str, mut f: impl FnMut(usize, &'t str)) {
    let mut open = None;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'&' => open = Some(i),
            b';' => {
                if let Some(amp) = open.take() {
                    if let Some(name) = text.get(amp + 1..i) {
                        f(amp, name);
                    }
                }
            }
            _ => {}
        }
    }
}

/// The length of an entity value once the entities it refers to are expanded.
fn expanded_len(value: &str, sizes: &HashMap<&str, u64>) -> u64 {
    let mut len = value.len() as u64;
    for_each_reference(value, |_, name| {
        if let Some(size) = sizes.get(name) {
            // `&name;` (name + 2 bytes) becomes the entity's text.
            len = len
                .saturating_sub(name.len() as u64 + 2)
                .saturating_add(*size);
        }
    });
    len
}

/// The name of the first element of an XML document.
fn root_element(text: &str) -> Option<&str> {
    let mut rest = text;
    loop {
        let start = rest.find('<')?;
        rest = rest.get(start + 1..)?;
        if rest.starts_with('?') || rest.starts_with('!') {
            continue;
        }
        let end = rest.find(|c: char| c.is_whitespace() || c == '>' || c == '/')?;
        return rest.get(..end);
    }
}
