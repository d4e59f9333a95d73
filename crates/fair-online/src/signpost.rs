//! FAIR Signposting: typed links in HTTP `Link` headers (RFC 8288) and HTML `<link>` elements.

use crate::client::resolve_iri;
use serde::Serialize;

/// A FAIR Signposting link seen while harvesting (`Link` header or HTML `<link>`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignpostLink {
    /// The relation (`describedby`, `cite-as`, `item`, `license`, `type`, `author`).
    pub rel: String,
    /// The target, resolved against the page's URL.
    pub href: String,
    /// The advertised media type, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
}

/// The relations FAIR Signposting defines that fairlint records.
pub const RELATIONS: [&str; 6] = [
    "describedby",
    "cite-as",
    "item",
    "license",
    "type",
    "author",
];

/// The signposting links of `Link` header values, resolved against `base`.
pub fn from_headers(values: &[String], base: &str) -> Vec<SignpostLink> {
    let mut out = Vec::new();
    for value in values {
        for part in split_links(value) {
            let Some((target, params)) = part.trim().split_once('>') else {
                continue;
            };
            let Some(target) = target.trim().strip_prefix('<') else {
                continue;
            };
            let mut rel = None;
            let mut media_type = None;
            for param in params.split(';') {
                let Some((k, v)) = param.split_once('=') else {
                    continue;
                };
                let v = v.trim().trim_matches('"').to_owned();
                match k.trim().to_ascii_lowercase().as_str() {
                    "rel" => rel = Some(v),
                    "type" => media_type = Some(v),
                    _ => {}
                }
            }
            push(&mut out, rel.as_deref(), target, media_type, base);
        }
    }
    out
}

/// Splits a `Link` header at the commas between links (not those inside `<…>` or quotes).
fn split_links(value: &str) -> Vec<&str> {
    let (mut parts, mut start, mut in_angle, mut in_quote) = (Vec::new(), 0, false, false);
    for (i, c) in value.char_indices() {
        match c {
            '<' if !in_quote => in_angle = true,
            '>' if !in_quote => in_angle = false,
            '"' if !in_angle => in_quote = !in_quote,
            ',' if !in_angle && !in_quote => {
                parts.push(&value[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&value[start..]);
    parts
}

fn push(
    out: &mut Vec<SignpostLink>,
    rel: Option<&str>,
    href: &str,
    media_type: Option<String>,
    base: &str,
) {
    let Some(rel) = rel else { return };
    let Some(href) = resolve_iri(base, href) else {
        return;
    };
    for r in rel.split_ascii_whitespace() {
        let r = r.to_ascii_lowercase();
        if RELATIONS.contains(&r.as_str()) {
            let link = SignpostLink {
                rel: r,
                href: href.clone(),
                media_type: media_type.clone(),
            };
            if !out.contains(&link) {
                out.push(link);
            }
        }
    }
}

/// The signposting `<link>` elements of an HTML page, resolved against `base`.
pub fn from_html(html: &str, base: &str) -> Vec<SignpostLink> {
    let mut out = Vec::new();
    let lower = html.to_ascii_lowercase();
    let mut at = 0;
    while let Some(i) = lower[at..].find("<link") {
        let start = at + i + 5;
        let Some(len) = lower[start..].find('>') else {
            break;
        };
        let tag = &html[start..start + len];
        let attr = |name: &str| attribute(tag, name);
        push(
            &mut out,
            attr("rel").as_deref(),
            &attr("href").unwrap_or_default(),
            attr("type"),
            base,
        );
        at = start + len;
    }
    out
}

/// The value of attribute `name` in the inside of a tag.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(name) {
        let pos = from + i;
        from = pos + name.len();
        let before_ok = pos == 0 || lower.as_bytes()[pos - 1].is_ascii_whitespace();
        let rest = tag[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let rest = rest[1..].trim_start();
        let value = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or_default(),
            _ => rest
                .split(|c: char| c.is_ascii_whitespace() || c == '/')
                .next()
                .unwrap_or_default(),
        };
        return Some(value.to_owned());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_headers() {
        let links = from_headers(
            &[r#"<meta.jsonld>; rel="describedby"; type="application/ld+json", <https://doi.org/10.1/x>; rel="cite-as", <https://x.org/a,b>; rel="item""#.to_owned()],
            "http://h/landing",
        );
        assert_eq!(links.len(), 3);
        assert_eq!(links[0].href, "http://h/meta.jsonld");
        assert_eq!(links[0].media_type.as_deref(), Some("application/ld+json"));
        assert_eq!(links[2].href, "https://x.org/a,b");
    }

    #[test]
    fn html_links() {
        let links = from_html(
            r#"<html><head><LINK rel="describedby" type='text/turtle' href="/m.ttl"><link rel=stylesheet href=x.css><link rel="license" href="https://spdx.org/licenses/MIT"/></head></html>"#,
            "http://h/p/landing",
        );
        assert_eq!(links.len(), 2);
        assert_eq!(links[0].href, "http://h/m.ttl");
        assert_eq!(links[0].media_type.as_deref(), Some("text/turtle"));
        assert_eq!(links[1].rel, "license");
    }
}
