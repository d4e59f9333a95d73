//! Licence checks (R010–R013) against the bundled SPDX License List.
//!
//! *What it checks*: values of `schema:license`, `dct:license`, `cc:license` and
//! `schema:conditionsOfAccess`-free licence properties. SPDX identifiers and expressions
//! (`MIT`, `GPL-2.0-or-later WITH Classpath-exception-2.0`), SPDX URLs
//! (`https://spdx.org/licenses/MIT`, `.html`, `.json`) and Creative Commons URLs (any version,
//! with or without `legalcode`, http or https, trailing slash) are understood and mapped to
//! SPDX. Deprecated SPDX ids are reported with their replacement (R010); SPDX URLs naming no
//! SPDX licence (R012); free text such as "Freeware" or "Other" is not machine-readable (R011);
//! a valid SPDX id written as a bare string gets its resolvable URL (R013, info).
//!
//! *Why it matters*: R1.1 — (meta)data are released with a clear and accessible data usage
//! licence. Only a licence a machine can identify can be acted on.
//!
//! *Fix safety*: display only.

use crate::pass::{CheckContext, Pass};
use crate::refdata;

crate::registry::rules! {
    DEPRECATED_SPDX_LICENCE = "R010" {
        slug: "deprecated-spdx-licence",
        principle: R1_1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "Licence '{licence}' uses the deprecated SPDX id {id}",
        fix: "Use {replacement} (https://spdx.org/licenses/)",
        summary: "Licences do not use deprecated SPDX identifiers.",
    }
    LICENCE_NOT_MACHINE_READABLE = "R011" {
        slug: "licence-not-machine-readable",
        principle: R1_1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "Licence '{licence}' is free text, not an SPDX identifier, SPDX expression or licence URL",
        fix: "Give the licence as an SPDX URL such as https://spdx.org/licenses/CC-BY-4.0 (see https://spdx.org/licenses/), or the URL of the licence text",
        summary: "Licences are machine-readable: SPDX identifiers, expressions or licence URLs.",
    }
    UNKNOWN_SPDX_LICENCE = "R012" {
        slug: "unknown-spdx-licence",
        principle: R1_1,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "'{licence}' names '{id}', which is not in the SPDX License List",
        fix: "Use an identifier from https://spdx.org/licenses/ (identifiers are case-sensitive in URLs)",
        summary: "SPDX licence URLs name licences of the SPDX License List.",
    }
    LICENCE_NOT_A_URL = "R013" {
        slug: "licence-not-a-url",
        principle: R1_1,
        severity: Info,
        status: Preview,
        since: "0.1.0",
        message: "Licence '{licence}' is an SPDX expression written as a string, not a resolvable URL",
        fix: "Write it as {url}",
        summary: "SPDX licences are given as resolvable URLs.",
    }
}

/// The outcome of checking one licence value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Licence {
    /// Machine-readable; `spdx` when it maps to SPDX.
    Ok { spdx: Option<String> },
    /// A valid SPDX expression written as a bare string; `url` is its resolvable form.
    BareSpdx { url: String },
    /// A deprecated SPDX id.
    Deprecated { id: String, replacement: String },
    /// An SPDX URL / id-like token that names no SPDX licence.
    UnknownSpdx { id: String },
    /// Free text.
    NotMachineReadable,
}

/// Replacements for deprecated SPDX ids that are not just `-only` / `-or-later`.
const REPLACEMENTS: &[(&str, &str)] = &[
    ("BSD-2-Clause-FreeBSD", "BSD-2-Clause-Views"),
    ("BSD-2-Clause-NetBSD", "BSD-2-Clause"),
    ("bzip2-1.0.5", "bzip2-1.0.6"),
    ("eCos-2.0", "GPL-2.0-or-later WITH eCos-exception-2.0"),
    (
        "GPL-2.0-with-autoconf-exception",
        "GPL-2.0-only WITH Autoconf-exception-2.0",
    ),
    (
        "GPL-2.0-with-bison-exception",
        "GPL-2.0-or-later WITH Bison-exception-2.2",
    ),
    (
        "GPL-2.0-with-classpath-exception",
        "GPL-2.0-only WITH Classpath-exception-2.0",
    ),
    (
        "GPL-2.0-with-font-exception",
        "GPL-2.0-only WITH Font-exception-2.0",
    ),
    (
        "GPL-2.0-with-GCC-exception",
        "GPL-2.0-or-later WITH GCC-exception-2.0",
    ),
    (
        "GPL-3.0-with-autoconf-exception",
        "GPL-3.0-only WITH Autoconf-exception-3.0",
    ),
    (
        "GPL-3.0-with-GCC-exception",
        "GPL-3.0-only WITH GCC-exception-3.1",
    ),
    ("Net-SNMP", "HPND AND BSD-3-Clause AND MIT-CMU"),
    ("Nunit", "zlib-acknowledgement"),
    ("StandardML-NJ", "SMLNJ"),
    ("wxWindows", "GPL-2.0-or-later WITH WxWindows-exception-3.1"),
];

/// `GPL-2.0+`-style ids: SPDX deprecated them for `-or-later` (the npm id list leaves them
/// out, so they are recognised here).
fn deprecated_plus(id: &str) -> Option<Licence> {
    let base = id.strip_suffix('+')?;
    let data = refdata::get();
    let (base, _) = data.spdx(base)?;
    let or_later = format!("{base}-or-later");
    data.spdx(&or_later).map(|_| Licence::Deprecated {
        id: format!("{base}+"),
        replacement: or_later,
    })
}

/// The replacement of a deprecated SPDX id.
pub fn replacement(id: &str) -> String {
    if let Some((_, r)) = REPLACEMENTS.iter().find(|(d, _)| *d == id) {
        return (*r).to_owned();
    }
    let data = refdata::get();
    let base = id.trim_end_matches('+');
    let or_later = format!("{base}-or-later");
    let only = format!("{base}-only");
    if id.ends_with('+') && data.spdx(&or_later).is_some() {
        return or_later;
    }
    if data.spdx(&only).is_some() && data.spdx(&or_later).is_some() {
        return format!("{only} or {or_later}");
    }
    "a current SPDX id (see https://spdx.org/licenses/)".to_owned()
}

/// Maps a Creative Commons URL path (after `creativecommons.org/`) to an SPDX id.
fn creative_commons(path: &str) -> Option<String> {
    let parts: Vec<&str> = path
        .split('/')
        .filter(|p| !p.is_empty())
        .take_while(|p| !p.starts_with("legalcode") && !p.starts_with("deed"))
        .collect();
    match parts.as_slice() {
        ["publicdomain", "zero", "1.0", ..] => Some("CC0-1.0".to_owned()),
        ["publicdomain", "mark", "1.0", ..] => Some("CC-PDM-1.0".to_owned()),
        ["licenses", code, version, rest @ ..] => {
            let mut id = format!("CC-{}-{}", code.to_ascii_uppercase(), version);
            if let Some(j) = rest.first() {
                id = format!("{id}-{}", j.to_ascii_uppercase());
            }
            let data = refdata::get();
            // Ports SPDX does not list still name the licence; fall back to the unported id.
            data.spdx(&id)
                .or_else(|| data.spdx(&format!("CC-{}-{}", code.to_ascii_uppercase(), version)))
                .map(|(id, _)| id.to_owned())
                .or(Some(id))
        }
        _ => None,
    }
}

/// Checks an SPDX expression; `Ok(ids)` or the first problem.
fn expression(text: &str) -> Result<Vec<&'static str>, Licence> {
    let data = refdata::get();
    let spaced = text.replace('(', " ( ").replace(')', " ) ");
    let mut ids = Vec::new();
    let mut after_with = false;
    let mut expect_id = true;
    for token in spaced.split_whitespace() {
        match token {
            "(" | ")" => continue,
            "AND" | "OR" | "and" | "or" if !expect_id => {
                expect_id = true;
                continue;
            }
            "WITH" | "with" if !expect_id => {
                after_with = true;
                expect_id = true;
                continue;
            }
            _ => {}
        }
        if !expect_id {
            return Err(Licence::NotMachineReadable);
        }
        expect_id = false;
        if after_with {
            after_with = false;
            if data.spdx_exception(token).is_none() {
                return Err(Licence::NotMachineReadable);
            }
            continue;
        }
        let base = token.strip_prefix("LicenseRef-").map(|_| token);
        if base.is_some() {
            continue;
        }
        match data.spdx(token) {
            Some((id, true)) => {
                return Err(Licence::Deprecated {
                    id: id.to_owned(),
                    replacement: replacement(id),
                })
            }
            Some((id, false)) => ids.push(id),
            None if deprecated_plus(token).is_some() => {
                return Err(deprecated_plus(token).unwrap_or(Licence::NotMachineReadable))
            }
            None => match data.spdx(token.trim_end_matches('+')) {
                Some((id, false)) if token.ends_with('+') => ids.push(id),
                _ => return Err(Licence::NotMachineReadable),
            },
        }
    }
    if expect_id || ids.is_empty() && !text.contains("LicenseRef-") {
        return Err(Licence::NotMachineReadable);
    }
    Ok(ids)
}

/// Checks a licence value (an IRI or a literal's text).
pub fn check(value: &str) -> Licence {
    let v = value.trim();
    let data = refdata::get();
    if let Some(rest) = v
        .strip_prefix("https://")
        .or_else(|| v.strip_prefix("http://"))
    {
        let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
        let host = host.to_ascii_lowercase();
        let host = host.strip_prefix("www.").unwrap_or(&host);
        let path = path.split(['?', '#']).next().unwrap_or("");
        match host {
            "spdx.org" => {
                let Some(id) = path.strip_prefix("licenses/") else {
                    return Licence::Ok { spdx: None };
                };
                let id = id.trim_end_matches('/');
                let id = id
                    .strip_suffix(".html")
                    .or_else(|| id.strip_suffix(".json"))
                    .unwrap_or(id);
                if let Some(d) = deprecated_plus(id) {
                    return d;
                }
                return match data.spdx(id).or_else(|| data.spdx_exception(id)) {
                    Some((id, true)) => Licence::Deprecated {
                        id: id.to_owned(),
                        replacement: replacement(id),
                    },
                    Some((id, false)) => Licence::Ok {
                        spdx: Some(id.to_owned()),
                    },
                    None => Licence::UnknownSpdx { id: id.to_owned() },
                };
            }
            "creativecommons.org" => {
                // Other creativecommons.org pages (e.g. the CC0 overview) are still links a
                // reader can follow; only licence deeds map to SPDX.
                return Licence::Ok {
                    spdx: creative_commons(path),
                };
            }
            "opensource.org" => {
                let id = path
                    .trim_end_matches('/')
                    .rsplit('/')
                    .next()
                    .unwrap_or("")
                    .trim_end_matches(".php")
                    .trim_end_matches("-license");
                return Licence::Ok {
                    spdx: data.spdx(id).map(|(id, _)| id.to_owned()),
                };
            }
            _ => return Licence::Ok { spdx: None },
        }
    }
    if v.contains("://") || v.starts_with("urn:") {
        return Licence::Ok { spdx: None };
    }
    match expression(v) {
        Ok(ids) => {
            let url = if ids.len() == 1 && !v.contains(' ') {
                format!(
                    "https://spdx.org/licenses/{}",
                    ids.first().copied().unwrap_or(v)
                )
            } else {
                v.to_owned()
            };
            Licence::BareSpdx { url }
        }
        Err(e) => e,
    }
}

/// Licence properties.
const LICENCE_PROPERTIES: &[&str] = &[
    "http://schema.org/license",
    "http://purl.org/dc/terms/license",
    "http://creativecommons.org/ns#license",
    "http://www.w3.org/1999/xhtml/vocab#license",
];

pub fn check_graph(doc: &crate::document::Document, sink: &mut crate::sink::FindingSink<'_>) {
    let graph = doc.graph();
    use oxrdf::TermRef;
    use serde_json::json;
    for t in graph.iter() {
        if !LICENCE_PROPERTIES.contains(&t.predicate.as_str()) {
            continue;
        }
        let text = match t.object {
            // "license": "MIT" under a context that makes license IRI-valued resolves against
            // the document's base: judge what the record wrote.
            TermRef::NamedNode(n) => doc.written_reference(n.as_str()).to_owned(),
            TermRef::Literal(l) => l.value().to_owned(),
            // A licence node (CreativeWork): judged by its url / identifier / name.
            TermRef::BlankNode(b) => {
                let described = ["url", "identifier", "sameAs", "name"]
                    .iter()
                    .find_map(|p| {
                        let p = oxrdf::NamedNodeRef::new_unchecked(match *p {
                            "url" => "http://schema.org/url",
                            "identifier" => "http://schema.org/identifier",
                            "sameAs" => "http://schema.org/sameAs",
                            _ => "http://schema.org/name",
                        });
                        // With several values, the least in code point order.
                        graph
                            .objects_for_subject_predicate(b, p)
                            .filter_map(|o| match o {
                                TermRef::NamedNode(n) => Some(n.as_str()),
                                TermRef::Literal(l) => Some(l.value()),
                                _ => None,
                            })
                            .min()
                            .map(str::to_owned)
                    });
                match described {
                    Some(d) => d,
                    None => continue,
                }
            }
        };
        let focus = Some(t.subject.to_string());
        let path = Some(format!("<{}>", t.predicate.as_str()));
        let value = Some(t.object.to_string());
        match check(&text) {
            Licence::Ok { .. } => {}
            Licence::BareSpdx { url } => sink
                .report(LICENCE_NOT_A_URL)
                .focus(focus)
                .path(path)
                .value(value)
                .context(json!({ "licence": text, "url": url }))
                .emit(),
            Licence::Deprecated { id, replacement } => sink
                .report(DEPRECATED_SPDX_LICENCE)
                .focus(focus)
                .path(path)
                .value(value)
                .context(json!({ "licence": text, "id": id, "replacement": replacement }))
                .emit(),
            Licence::UnknownSpdx { id } => sink
                .report(UNKNOWN_SPDX_LICENCE)
                .focus(focus)
                .path(path)
                .value(value)
                .context(json!({ "licence": text, "id": id }))
                .emit(),
            Licence::NotMachineReadable => sink
                .report(LICENCE_NOT_MACHINE_READABLE)
                .focus(focus)
                .path(path)
                .value(value)
                .context(json!({ "licence": text }))
                .emit(),
        }
    }
}

/// The licence checks as a pass.
pub struct Licences;

impl Pass for Licences {
    fn run(&self, cx: &CheckContext<'_>, sink: &mut crate::sink::FindingSink<'_>) {
        check_graph(cx.doc, sink);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spdx_ids_and_urls() {
        for v in [
            "https://spdx.org/licenses/MIT",
            "https://spdx.org/licenses/Apache-2.0.html",
            "http://spdx.org/licenses/CC-BY-4.0.json",
            "https://spdx.org/licenses/GPL-3.0-or-later",
        ] {
            assert!(matches!(check(v), Licence::Ok { spdx: Some(_) }), "{v}");
        }
        assert_eq!(
            check("MIT"),
            Licence::BareSpdx {
                url: "https://spdx.org/licenses/MIT".into()
            }
        );
        assert!(matches!(
            check("GPL-2.0-or-later WITH Classpath-exception-2.0"),
            Licence::BareSpdx { .. }
        ));
        assert!(matches!(
            check("(MIT OR Apache-2.0)"),
            Licence::BareSpdx { .. }
        ));
        assert_eq!(
            check("https://spdx.org/licenses/MTI"),
            Licence::UnknownSpdx { id: "MTI".into() }
        );
    }

    #[test]
    fn deprecated() {
        assert_eq!(
            check("GPL-3.0"),
            Licence::Deprecated {
                id: "GPL-3.0".into(),
                replacement: "GPL-3.0-only or GPL-3.0-or-later".into()
            }
        );
        assert_eq!(
            check("https://spdx.org/licenses/GPL-2.0+"),
            Licence::Deprecated {
                id: "GPL-2.0+".into(),
                replacement: "GPL-2.0-or-later".into()
            }
        );
        assert!(matches!(check("LGPL-3.0"), Licence::Deprecated { .. }));
    }

    #[test]
    fn creative_commons_urls() {
        for (url, id) in [
            ("https://creativecommons.org/licenses/by/4.0/", "CC-BY-4.0"),
            ("http://creativecommons.org/licenses/by/4.0", "CC-BY-4.0"),
            (
                "https://creativecommons.org/licenses/by-sa/4.0/legalcode",
                "CC-BY-SA-4.0",
            ),
            (
                "https://creativecommons.org/licenses/by-nc-nd/3.0/de/",
                "CC-BY-NC-ND-3.0-DE",
            ),
            ("https://creativecommons.org/licenses/by/2.5/", "CC-BY-2.5"),
            (
                "https://creativecommons.org/publicdomain/zero/1.0/",
                "CC0-1.0",
            ),
            (
                "http://creativecommons.org/publicdomain/zero/1.0/legalcode",
                "CC0-1.0",
            ),
        ] {
            assert_eq!(
                check(url),
                Licence::Ok {
                    spdx: Some(id.into())
                },
                "{url}"
            );
        }
    }

    #[test]
    fn free_text() {
        for v in [
            "Freeware",
            "Other",
            "Proprietary",
            "Not licensed",
            "see LICENSE file",
            "MIT OR",
            "",
        ] {
            assert_eq!(check(v), Licence::NotMachineReadable, "{v}");
        }
    }
}
