//! Base IRIs: where a document's relative IRIs (`<>`, `<#x>`, `"@id": "./"`) resolve.
//!
//! A file's relative IRIs resolve against the file's own location, as rdflib, Jena and pySHACL
//! do, but built from the path *as given*, so a report never contains the working directory:
//!
//! | path given                 | base IRI                                  |
//! |----------------------------|-------------------------------------------|
//! | `/data/crate/x.ttl`        | `file:///data/crate/x.ttl`                |
//! | `dir/x.ttl`, `./dir/x.ttl` | `file:%2E/dir/x.ttl` (a relative-path IRI) |
//! | `x.ttl`                    | `file:%2E/x.ttl`                          |
//! | `../x.ttl`                 | `file:%2E%2E/x.ttl`                       |
//! | `a b/ü.ttl`                | `file:%2E/a%20b/%C3%BC.ttl`               |
//! | `C:\d\x.ttl` (Windows)     | `file:///C:/d/x.ttl`                      |
//! | `\\host\share\x.ttl` (Windows) | `file://host/share/x.ttl`         |
//! | standard input, strings    | [`DEFAULT_BASE_IRI`] (`file:///`)         |
//!
//! - Paths are normalised lexically: `.` segments go, `a/..` cancels, `..` at the root of an
//!   absolute path goes. Separators are the platform's (`\` is one on Windows; on Unix it is a
//!   character of the file name and is encoded as `%5C`).
//! - Each segment keeps ASCII letters, digits and `-._~!$&'()*+,;=:@`; every other byte
//!   (space, `%`, `#`, `?`, non-ASCII UTF-8) is percent-encoded, as Python's `Path.as_uri()`.
//! - A relative path gives an IRI without authority whose path, percent-decoded, is the
//!   normalised path as given starting with `./` or `../`: `file:%2E/dir/x.ttl`. The leading
//!   `.` / `..` segments are written `%2E` / `%2E%2E` because RFC 3986 resolution (§5.2.4)
//!   removes literal dot segments at the start of a relative path: against `file:x.json`,
//!   `"@id": "./"` would resolve to `file:` (no trailing `/`, so no crate directory) and against
//!   `file:../x.ttl`, `<y.ttl>` to `file:y.ttl` while `<>` stays `file:../x.ttl`. Encoded, they
//!   are ordinary segments: `./` is `file:%2E/`, `<y.ttl>` is `file:%2E%2E/y.ttl`, and `<>` and
//!   `<x.ttl>` name the same IRI. A reference that climbs above the path as given
//!   (`<../../z>` against `file:%2E/dir/x.ttl`) loses the segments it climbs out of (`file:z`,
//!   per RFC 3986): it cannot be resolved without the working directory, which fairlint does
//!   not put in reports; give an absolute path or `--base-iri` for such files.

use std::path::{Component, Path};

/// The base IRI of an input without a location (standard input, a string, bytes): `file:///`.
pub const DEFAULT_BASE_IRI: &str = "file:///";

/// The base IRI of the file at `path`, as given (see the module documentation): absolute
/// paths become `file:///...` IRIs, relative paths relative-path `file:` IRIs without the
/// working directory. Always an absolute IRI that `oxiri` accepts.
pub fn file_base_iri(path: &Path) -> String {
    let mut authority: Option<String> = None;
    let mut drive: Option<String> = None;
    let mut absolute = false;
    // Segments after lexical normalisation; `leading_up` counts the `..` a relative path
    // starts with.
    let mut segments: Vec<String> = Vec::new();
    let mut leading_up = 0usize;
    for component in path.components() {
        match component {
            Component::Prefix(prefix) => {
                use std::path::Prefix;
                match prefix.kind() {
                    Prefix::Disk(d) | Prefix::VerbatimDisk(d) => {
                        drive = Some(format!("{}:", char::from(d).to_ascii_uppercase()));
                    }
                    Prefix::UNC(server, share) | Prefix::VerbatimUNC(server, share) => {
                        authority = Some(encode(server.as_encoded_bytes()));
                        drive = Some(encode(share.as_encoded_bytes()));
                    }
                    Prefix::DeviceNS(name) | Prefix::Verbatim(name) => {
                        drive = Some(encode(name.as_encoded_bytes()));
                    }
                }
                absolute = true;
            }
            Component::RootDir => absolute = true,
            Component::CurDir => {}
            Component::ParentDir => {
                if segments.pop().is_none() && !absolute {
                    leading_up += 1;
                }
            }
            Component::Normal(name) => segments.push(encode(name.as_encoded_bytes())),
        }
    }
    let mut iri = String::from("file:");
    if absolute {
        iri.push_str("//");
        if let Some(host) = &authority {
            iri.push_str(host);
        }
        if let Some(drive) = &drive {
            iri.push('/');
            iri.push_str(drive);
        }
        for s in &segments {
            iri.push('/');
            iri.push_str(s);
        }
        if segments.is_empty() && drive.is_none() {
            iri.push('/');
        }
        return iri;
    }
    if segments.is_empty() {
        // `.`, `..` or `a/..`: a directory, not a file; no location to speak of.
        return DEFAULT_BASE_IRI.to_owned();
    }
    let mut parts: Vec<&str> = if leading_up == 0 {
        vec!["%2E"]
    } else {
        std::iter::repeat_n("%2E%2E", leading_up).collect()
    };
    parts.extend(segments.iter().map(String::as_str));
    iri.push_str(&parts.join("/"));
    iri
}

/// Percent-encodes one path segment (see the module documentation).
fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for &b in bytes {
        if b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxiri::Iri;

    fn base(path: &str) -> String {
        let iri = file_base_iri(Path::new(path));
        assert!(Iri::parse(iri.as_str()).is_ok(), "{iri} is not absolute");
        iri
    }

    fn resolve(path: &str, reference: &str) -> String {
        let b = base(path);
        Iri::parse(b.as_str())
            .unwrap()
            .resolve(reference)
            .unwrap()
            .into_inner()
    }

    #[test]
    fn absolute_paths_become_file_iris() {
        assert_eq!(base("/data/x.ttl"), "file:///data/x.ttl");
        assert_eq!(base("/data/./a/../x.ttl"), "file:///data/x.ttl");
        assert_eq!(base("/../x.ttl"), "file:///x.ttl");
        assert_eq!(base("/"), "file:///");
        assert_eq!(resolve("/data/x.ttl", ""), "file:///data/x.ttl");
        assert_eq!(resolve("/data/x.ttl", "#a"), "file:///data/x.ttl#a");
        assert_eq!(resolve("/data/x.ttl", "./"), "file:///data/");
        assert_eq!(resolve("/data/x.ttl", "../y"), "file:///y");
    }

    #[test]
    fn relative_paths_do_not_name_the_working_directory() {
        assert_eq!(base("dir/x.ttl"), "file:%2E/dir/x.ttl");
        assert_eq!(base("./dir/x.ttl"), "file:%2E/dir/x.ttl");
        assert_eq!(base("x.ttl"), "file:%2E/x.ttl");
        assert_eq!(resolve("dir/x.ttl", ""), "file:%2E/dir/x.ttl");
        assert_eq!(resolve("dir/x.ttl", "#a"), "file:%2E/dir/x.ttl#a");
        assert_eq!(resolve("dir/x.ttl", "y.ttl"), "file:%2E/dir/y.ttl");
        assert_eq!(resolve("dir/x.ttl", "./"), "file:%2E/dir/");
        assert_eq!(resolve("dir/sub/x.ttl", "../y"), "file:%2E/dir/y");
        // Climbing above the path as given: RFC 3986 drops the segments climbed out of.
        assert_eq!(resolve("dir/x.ttl", "../../z"), "file:z");
        assert_eq!(base("."), DEFAULT_BASE_IRI);
        assert_eq!(base(".."), DEFAULT_BASE_IRI);
    }

    /// An RO-Crate checked from its own directory: the crate is `./`, a directory IRI, and
    /// `<>` and `<ro-crate-metadata.json>` are the same IRI.
    #[test]
    fn a_file_in_the_working_directory_has_a_directory() {
        let descriptor = "ro-crate-metadata.json";
        assert_eq!(resolve(descriptor, "./"), "file:%2E/");
        assert_eq!(resolve(descriptor, ""), resolve(descriptor, descriptor));
        assert_eq!(resolve(descriptor, "data.txt"), "file:%2E/data.txt");
    }

    /// `<>` and `<x.ttl>` name the same file `../x.ttl`: leading `..` are kept as `%2E%2E`.
    #[test]
    fn leading_parent_segments_survive_resolution() {
        assert_eq!(base("../x.ttl"), "file:%2E%2E/x.ttl");
        assert_eq!(base("../../c/d/../x.ttl"), "file:%2E%2E/%2E%2E/c/x.ttl");
        assert_eq!(resolve("../c/x.ttl", ""), resolve("../c/x.ttl", "x.ttl"));
        assert_eq!(resolve("../c/x.ttl", "./"), "file:%2E%2E/c/");
        assert_eq!(resolve("../c/x.ttl", "y.ttl"), "file:%2E%2E/c/y.ttl");
        assert_eq!(resolve("../c/d/x.ttl", "../y"), "file:%2E%2E/c/y");
    }

    #[test]
    fn segments_are_percent_encoded() {
        assert_eq!(base("a b/ü.ttl"), "file:%2E/a%20b/%C3%BC.ttl");
        assert_eq!(base("/t/50%#?.ttl"), "file:///t/50%25%23%3F.ttl");
        assert_eq!(base("/t/a:b@c(1).ttl"), "file:///t/a:b@c(1).ttl");
        assert_eq!(resolve("a b/x.ttl", "#f"), "file:%2E/a%20b/x.ttl#f");
    }

    #[cfg(unix)]
    #[test]
    fn a_backslash_is_a_file_name_character_on_unix() {
        assert_eq!(base("a\\b.ttl"), "file:%2E/a%5Cb.ttl");
    }

    #[cfg(windows)]
    #[test]
    fn windows_paths() {
        assert_eq!(base(r"C:\d\x.ttl"), "file:///C:/d/x.ttl");
        assert_eq!(base(r"dir\x.ttl"), "file:%2E/dir/x.ttl");
        assert_eq!(base(r"\\host\share\x.ttl"), "file://host/share/x.ttl");
    }

    /// Every reader resolves relative IRIs against the given base.
    #[test]
    fn every_syntax_resolves_against_the_base() {
        use crate::{Document, ParseOptions};
        use fair_model::Format;
        let ex = "http://example.org/";
        let inputs = [
            (Format::Turtle, format!("<#a> <{ex}p> <> .\n")),
            (Format::TriG, format!("<g> {{ <#a> <{ex}p> <> . }}\n")),
            (
                Format::RdfXml,
                format!("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"{ex}\"><rdf:Description rdf:about=\"#a\"><ex:p rdf:resource=\"\"/></rdf:Description></rdf:RDF>"),
            ),
            (
                Format::JsonLd,
                format!("{{\"@id\": \"#a\", \"{ex}p\": {{\"@id\": \"\"}}}}"),
            ),
            (
                Format::Html,
                format!("<html><script type=\"application/ld+json\">{{\"@id\": \"#a\", \"{ex}p\": {{\"@id\": \"\"}}}}</script></html>"),
            ),
        ];
        let base = file_base_iri(Path::new("dir/x"));
        for (format, text) in inputs {
            let options = ParseOptions {
                base_iri: Some(&base),
                ..Default::default()
            };
            let doc = Document::parse_with(text.as_bytes(), format, &options).unwrap();
            let t = doc.graph().iter().next().unwrap();
            assert_eq!(t.subject.to_string(), "<file:%2E/dir/x#a>", "{format}");
            assert_eq!(t.object.to_string(), "<file:%2E/dir/x>", "{format}");
        }
    }
}
