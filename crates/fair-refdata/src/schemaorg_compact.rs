//! The schema.org context's compact form (see build.rs): `\x01T\x03` stands for
//! `"T":{"@id":"schema:T"}` and `\x02T\x03` for `"T":{"@id":"schema:T","@type":"@id"}`.
//! Shared by the build script (which checks that expanding its compact form gives the file
//! back) and the library (which expands the embedded form on first use).

pub const PLAIN_MID: &str = "\":{\"@id\":\"schema:";

/// Writes `\x01T\x03` back as `"T":{"@id":"schema:T"}` and `\x02T\x03` as
/// `"T":{"@id":"schema:T","@type":"@id"}` (the inverse of `compact` in build.rs).
pub fn expand(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 3);
    let mut rest = compact;
    while let Some(at) = rest.find(['\u{1}', '\u{2}']) {
        out.push_str(rest.get(..at).unwrap_or(""));
        let typed = rest.get(at..).is_some_and(|r| r.starts_with('\u{2}'));
        let body = rest.get(at + 1..).unwrap_or("");
        let end = body.find('\u{3}').unwrap_or(body.len());
        let term = body.get(..end).unwrap_or("");
        out.push('"');
        out.push_str(term);
        out.push_str(PLAIN_MID);
        out.push_str(term);
        out.push_str(if typed {
            "\",\"@type\":\"@id\"}"
        } else {
            "\"}"
        });
        rest = body.get(end + 1..).unwrap_or("");
    }
    out.push_str(rest);
    out
}
