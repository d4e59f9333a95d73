//! Format detection: the caller's name for it, then the media type, then the file extension,
//! then the content (asking the DataCite and bio.tools readers whether a document is theirs).
//! The [`Format`] enum itself is a plain type of `fair-model`.

use crate::crosswalk;
pub use fair_model::{Detection, Format};

/// Detection of an input's [`Format`], as associated functions of [`Format`]
/// (`Format::detect(..)`, `Format::sniff(..)`): the enum lives in `fair-model`, which knows no
/// reader, so detection is added here.
pub trait DetectFormat {
    /// See [`sniff`].
    fn sniff(bytes: &[u8]) -> Option<Format>;
    /// See [`detect`].
    fn detect(
        explicit: Option<Format>,
        media_type: Option<&str>,
        path: Option<&str>,
        bytes: &[u8],
    ) -> Option<(Format, Detection)>;
}

impl DetectFormat for Format {
    fn sniff(bytes: &[u8]) -> Option<Format> {
        sniff(bytes)
    }

    fn detect(
        explicit: Option<Format>,
        media_type: Option<&str>,
        path: Option<&str>,
        bytes: &[u8],
    ) -> Option<(Format, Detection)> {
        detect(explicit, media_type, path, bytes)
    }
}

/// Guesses the format from the content: JSON is JSON-LD unless it is plainly bio.tools
/// JSON (a tool with `biotoolsID` / `biotoolsCURIE`, a list of them, an API page) or
/// DataCite JSON (`types.resourceTypeGeneral`, a DataCite `schemaVersion`, the REST API's
/// `data.attributes`), and has no `@context`; XML is RDF/XML unless its root element is
/// DataCite's `resource`.
pub fn sniff(bytes: &[u8]) -> Option<Format> {
    let text = String::from_utf8_lossy(bytes.get(..bytes.len().min(4096))?);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    let lower = text.to_ascii_lowercase();
    if text.starts_with('{') || text.starts_with('[') {
        return Some(sniff_json(bytes));
    }
    if crosswalk::datacite::looks_like_xml(text) {
        return Some(Format::DataCite);
    }
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
        return Some(Format::Html);
    }
    if lower.starts_with('<') && !lower.starts_with("<http") && !lower.starts_with("<urn") {
        // An XML prolog or element: RDF/XML unless it is plainly an HTML page.
        if lower.contains("<html") || lower.contains("application/ld+json") {
            return Some(Format::Html);
        }
        return Some(Format::RdfXml);
    }
    if lower.starts_with("@prefix")
        || lower.starts_with("@base")
        || lower.starts_with("prefix")
        || lower.starts_with("base")
    {
        return Some(if has_graph_block(text) {
            Format::TriG
        } else {
            Format::Turtle
        });
    }
    // Line-based formats: look at the first statement.
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))?;
    if first.starts_with('<') || first.starts_with("_:") {
        let terms = count_terms(first);
        return Some(if terms >= 4 {
            Format::NQuads
        } else if first.ends_with('.') && terms == 3 {
            Format::NTriples
        } else {
            Format::Turtle
        });
    }
    if first.starts_with('#') || first.contains(':') {
        return Some(Format::Turtle);
    }
    None
}

/// Chooses the format of an input: explicit name, then media type, then extension, then
/// content. Returns `None` when nothing matches.
pub fn detect(
    explicit: Option<Format>,
    media_type: Option<&str>,
    path: Option<&str>,
    bytes: &[u8],
) -> Option<(Format, Detection)> {
    if let Some(format) = explicit {
        return Some((format, Detection::Explicit));
    }
    if let Some(format) = media_type.and_then(Format::from_media_type) {
        return Some((format, Detection::MediaType));
    }
    if let Some(format) = path.and_then(Format::from_extension) {
        // `.xml` and `.json` are generic: confirm from the content when it disagrees.
        // (`.biotools.json` and `.datacite.json` / `.xml` are not.)
        let generic = matches!(format, Format::JsonLd | Format::RdfXml)
            && path.is_some_and(|p| {
                let p = p.to_ascii_lowercase();
                p.ends_with(".xml") || p.ends_with(".json")
            });
        if generic {
            if let Some(sniffed) = sniff(bytes) {
                return Some((sniffed, Detection::Content));
            }
        }
        return Some((format, Detection::Extension));
    }
    sniff(bytes).map(|f| (f, Detection::Content))
}

/// JSON-LD, bio.tools JSON or DataCite JSON (see [`Format::sniff`]). The whole text is parsed
/// only when it mentions a key of the plain formats and no `@context`.
fn sniff_json(bytes: &[u8]) -> Format {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Format::JsonLd;
    };
    let candidate = !text.contains("\"@context\"")
        && [
            "\"biotools",
            "resourceTypeGeneral",
            "resource-type-general",
            "\"attributes\"",
            "datacite.org/schema/kernel-",
        ]
        .iter()
        .any(|k| text.contains(k));
    if !candidate {
        return Format::JsonLd;
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let Ok(value) = <serde_json::Value as serde::Deserialize>::deserialize(&mut deserializer)
    else {
        return Format::JsonLd;
    };
    if crosswalk::biotools::looks_like(&value) {
        Format::BioTools
    } else if crosswalk::datacite::looks_like(&value) {
        Format::DataCite
    } else {
        Format::JsonLd
    }
}

fn has_graph_block(text: &str) -> bool {
    text.lines().any(|line| {
        let l = line.trim();
        (l.starts_with("GRAPH") || l.starts_with("graph"))
            || (l.ends_with('{') && !l.starts_with('#') && !l.contains('"'))
    })
}

/// Counts the RDF terms at the start of an N-Triples/N-Quads line (IRIs, blank nodes, literals).
fn count_terms(line: &str) -> usize {
    let mut count = 0;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '<' => {
                count += 1;
                for c in chars.by_ref() {
                    if c == '>' {
                        break;
                    }
                }
            }
            '"' => {
                count += 1;
                let mut escaped = false;
                for c in chars.by_ref() {
                    if escaped {
                        escaped = false;
                    } else if c == '\\' {
                        escaped = true;
                    } else if c == '"' {
                        break;
                    }
                }
                // Skip a language tag or datatype.
                while let Some(&n) = chars.peek() {
                    if n == ' ' || n == '\t' {
                        break;
                    }
                    if n == '<' {
                        chars.next();
                        for c in chars.by_ref() {
                            if c == '>' {
                                break;
                            }
                        }
                        break;
                    }
                    chars.next();
                }
            }
            '_' if chars.peek() == Some(&':') => {
                count += 1;
                while let Some(&n) = chars.peek() {
                    if n == ' ' || n == '\t' {
                        break;
                    }
                    chars.next();
                }
            }
            _ => {}
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for f in Format::ALL {
            assert_eq!(Format::from_name(f.name()), Some(f));
        }
    }

    #[test]
    fn sniffs_content() {
        assert_eq!(Format::sniff(b"  {\"@context\": {}}"), Some(Format::JsonLd));
        assert_eq!(
            Format::sniff(b"@prefix ex: <http://e/> ."),
            Some(Format::Turtle)
        );
        assert_eq!(
            Format::sniff(b"<http://a> <http://b> <http://c> ."),
            Some(Format::NTriples)
        );
        assert_eq!(
            Format::sniff(b"<http://a> <http://b> \"x\"@en <http://g> ."),
            Some(Format::NQuads)
        );
        assert_eq!(
            Format::sniff(b"<?xml version=\"1.0\"?><rdf:RDF/>"),
            Some(Format::RdfXml)
        );
        assert_eq!(
            Format::sniff(b"<!DOCTYPE html><html></html>"),
            Some(Format::Html)
        );
        assert_eq!(
            Format::sniff(b"@prefix ex: <http://e/> .\nex:g {\n ex:a ex:b ex:c .\n}"),
            Some(Format::TriG)
        );
    }

    #[test]
    fn detection_order() {
        let ttl = b"@prefix ex: <http://e/> .";
        assert_eq!(
            Format::detect(
                Some(Format::NQuads),
                Some("text/turtle"),
                Some("a.ttl"),
                ttl
            ),
            Some((Format::NQuads, Detection::Explicit))
        );
        assert_eq!(
            Format::detect(None, Some("application/ld+json"), Some("a.ttl"), ttl),
            Some((Format::JsonLd, Detection::MediaType))
        );
        assert_eq!(
            Format::detect(None, None, Some("dir/a.ttl"), b"{}"),
            Some((Format::Turtle, Detection::Extension))
        );
        assert_eq!(
            Format::detect(None, None, Some("a.json"), ttl),
            Some((Format::Turtle, Detection::Content))
        );
        assert_eq!(Format::detect(None, None, None, b"   "), None);
        assert_eq!(
            Format::detect(None, None, Some("tools/abc.biotools.json"), b"{}"),
            Some((Format::BioTools, Detection::Extension))
        );
        assert_eq!(
            Format::detect(None, None, Some("a.json"), br#"{"biotoolsID": "abc"}"#),
            Some((Format::BioTools, Detection::Content))
        );
    }

    #[test]
    fn sniffs_plain_metadata_formats() {
        assert_eq!(
            Format::sniff(br#"{"biotoolsID": "abc", "name": "ABC"}"#),
            Some(Format::BioTools)
        );
        assert_eq!(
            Format::sniff(br#"{"count": 1, "list": [{"biotoolsID": "abc"}]}"#),
            Some(Format::BioTools)
        );
        assert_eq!(
            Format::sniff(br#"{"types": {"resourceTypeGeneral": "Dataset"}, "titles": []}"#),
            Some(Format::DataCite)
        );
        assert_eq!(
            Format::sniff(br#"{"data": {"id": "10.5072/x", "type": "dois", "attributes": {}}}"#),
            Some(Format::DataCite)
        );
        assert_eq!(
            Format::sniff(br#"{"@context": "https://schema.org/", "biotoolsID": "abc"}"#),
            Some(Format::JsonLd)
        );
        assert_eq!(
            Format::sniff(b"<?xml version=\"1.0\"?>\n<resource xmlns=\"http://datacite.org/schema/kernel-4\"/>"),
            Some(Format::DataCite)
        );
        assert_eq!(
            Format::sniff(b"<rdf:RDF xmlns:rdf=\"x\"/>"),
            Some(Format::RdfXml)
        );
    }
}
