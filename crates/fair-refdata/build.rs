//! Stores the bundled schema.org JSON-LD context compactly for embedding.
//!
//! 2,849 of its ~2,900 term definitions are `"T":{"@id":"schema:T"}` or
//! `"T":{"@id":"schema:T","@type":"@id"}`: each term written twice, which gzip does not fold
//! well (it cost ~9 KB of the gzipped WebAssembly package). They are stored as `\x01T\x03` and
//! `\x02T\x03` (control characters cannot occur raw in JSON text), and `schemaorg_context()`
//! writes them back on first use. The build fails unless writing back gives the file's exact
//! text, so what fair-ingest expands records with is byte for byte the pinned file.

use std::error::Error;
use std::path::PathBuf;

#[path = "src/schemaorg_compact.rs"]
mod schemaorg_compact;

use schemaorg_compact::{expand, PLAIN_MID};

const SOURCE: &str = "../fair-ingest/data/contexts/schemaorg.jsonld";

/// The compact form of `text`.
fn compact(text: &str) -> String {
    let mut out = String::with_capacity(text.len() / 2);
    let mut rest = text;
    while let Some(at) = rest.find('"') {
        out.push_str(&rest[..at]);
        let from = &rest[at..];
        if let Some((marker, len, term)) = definition(from) {
            out.push(marker);
            out.push_str(term);
            out.push('\u{3}');
            rest = &from[len..];
        } else {
            out.push('"');
            rest = &from[1..];
        }
    }
    out.push_str(rest);
    out
}

/// `("\x01" or "\x02", length, T)` when `s` starts with a self-named schema.org definition.
fn definition(s: &str) -> Option<(char, usize, &str)> {
    let body = s.strip_prefix('"')?;
    let term = &body[..body.find('"')?];
    if term.is_empty() || !term.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return None;
    }
    let after = body[term.len()..].strip_prefix(PLAIN_MID)?;
    let after = after.strip_prefix(term)?;
    let head = 1 + term.len() + PLAIN_MID.len() + term.len();
    if after.starts_with("\"}") {
        Some(('\u{1}', head + 2, term))
    } else if after.starts_with("\",\"@type\":\"@id\"}") {
        Some(('\u{2}', head + 16, term))
    } else {
        None
    }
}

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo:rerun-if-changed={SOURCE}");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/schemaorg_compact.rs");
    let text = std::fs::read_to_string(SOURCE)?;
    if text.contains(['\u{1}', '\u{2}', '\u{3}']) {
        return Err(format!("{SOURCE} holds a raw control character").into());
    }
    let small = compact(&text);
    if expand(&small) != text {
        return Err(format!("{SOURCE}: the compact form does not give the file back").into());
    }
    let out = PathBuf::from(std::env::var("OUT_DIR")?).join("schemaorg.compact");
    std::fs::write(out, small)?;
    Ok(())
}
