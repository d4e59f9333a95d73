//! The JSON text of a record as written: every string and key with its byte range, so that a
//! fix edits one token and leaves every other byte (indentation, key order, line endings,
//! escapes) as it was.

use fair_model::{Edit, EditTarget};

/// A string token: its byte range (quotes included), its decoded value and whether it is a key.
#[derive(Debug)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub value: String,
}

/// A JSON value with the tokens it is written with.
#[derive(Debug)]
pub(crate) enum Node {
    Str(Token),
    Object(Vec<(Token, Node)>),
    Array(Vec<Node>),
    Other,
}

/// Parses `text` (a BOM is skipped); `None` when it is not JSON, or nests deeper than
/// `max_depth`.
pub(crate) fn parse(text: &str, max_depth: usize) -> Option<Node> {
    let mut p = Parser {
        b: text.as_bytes(),
        s: text,
        i: if text.starts_with('\u{feff}') { 3 } else { 0 },
        depth: 0,
        max_depth,
    };
    let node = p.value()?;
    p.ws();
    (p.i == p.b.len()).then_some(node)
}

struct Parser<'a> {
    b: &'a [u8],
    s: &'a str,
    i: usize,
    depth: usize,
    max_depth: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while matches!(self.b.get(self.i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn value(&mut self) -> Option<Node> {
        self.ws();
        match *self.b.get(self.i)? {
            b'"' => self.string().map(Node::Str),
            b'{' => {
                self.enter()?;
                self.i += 1;
                let mut entries = Vec::new();
                self.ws();
                if self.b.get(self.i) == Some(&b'}') {
                    self.i += 1;
                } else {
                    loop {
                        self.ws();
                        if self.b.get(self.i) != Some(&b'"') {
                            return None;
                        }
                        let key = self.string()?;
                        self.ws();
                        if self.b.get(self.i) != Some(&b':') {
                            return None;
                        }
                        self.i += 1;
                        let value = self.value()?;
                        entries.push((key, value));
                        self.ws();
                        match self.b.get(self.i)? {
                            b',' => self.i += 1,
                            b'}' => {
                                self.i += 1;
                                break;
                            }
                            _ => return None,
                        }
                    }
                }
                self.depth -= 1;
                Some(Node::Object(entries))
            }
            b'[' => {
                self.enter()?;
                self.i += 1;
                let mut items = Vec::new();
                self.ws();
                if self.b.get(self.i) == Some(&b']') {
                    self.i += 1;
                } else {
                    loop {
                        items.push(self.value()?);
                        self.ws();
                        match self.b.get(self.i)? {
                            b',' => self.i += 1,
                            b']' => {
                                self.i += 1;
                                break;
                            }
                            _ => return None,
                        }
                    }
                }
                self.depth -= 1;
                Some(Node::Array(items))
            }
            _ => {
                // A number, true, false or null: up to the next delimiter. (The engine has
                // read the text as JSON before a fix is placed; this reader only needs the
                // spans.)
                let start = self.i;
                while self.b.get(self.i).is_some_and(|c| {
                    !matches!(c, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
                }) {
                    self.i += 1;
                }
                (self.i > start).then_some(Node::Other)
            }
        }
    }

    fn enter(&mut self) -> Option<()> {
        self.depth += 1;
        (self.depth <= self.max_depth).then_some(())
    }

    fn string(&mut self) -> Option<Token> {
        let start = self.i;
        self.i += 1;
        while let Some(&c) = self.b.get(self.i) {
            match c {
                b'"' => {
                    self.i += 1;
                    let raw = self.s.get(start..self.i)?;
                    // Decoded as a `Value` (the instantiation the readers already use: a
                    // separate `String` one would add to the WebAssembly package).
                    let serde_json::Value::String(value) =
                        serde_json::from_str::<serde_json::Value>(raw).ok()?
                    else {
                        return None;
                    };
                    return Some(Token {
                        start,
                        end: self.i,
                        value,
                    });
                }
                b'\\' => self.i += 2,
                _ => self.i += 1,
            }
        }
        None
    }
}

impl Node {
    /// The node at JSON Pointer `pointer`, with its ancestors: `[root, ..., node]`.
    pub(crate) fn path<'a>(&'a self, pointer: &str) -> Option<Vec<PathStep<'a>>> {
        let mut steps = vec![PathStep {
            node: self,
            key: None,
        }];
        if pointer.is_empty() {
            return Some(steps);
        }
        for segment in pointer.strip_prefix('/')?.split('/') {
            let segment = segment.replace("~1", "/").replace("~0", "~");
            let here = steps.last()?.node;
            let step = match here {
                Node::Object(entries) => {
                    let (key, node) = entries.iter().rev().find(|(k, _)| k.value == segment)?;
                    PathStep {
                        node,
                        key: Some(key),
                    }
                }
                Node::Array(items) => PathStep {
                    node: items.get(segment.parse::<usize>().ok()?)?,
                    key: None,
                },
                _ => return None,
            };
            steps.push(step);
        }
        Some(steps)
    }

    fn strings<'a>(&'a self, out: &mut Vec<&'a Token>) {
        match self {
            Node::Str(t) => out.push(t),
            Node::Object(entries) => entries.iter().for_each(|(_, v)| v.strings(out)),
            Node::Array(items) => items.iter().for_each(|v| v.strings(out)),
            Node::Other => {}
        }
    }

    fn keys<'a>(&'a self, out: &mut Vec<(&'a Token, &'a [(Token, Node)])>) {
        match self {
            Node::Object(entries) => {
                for (k, v) in entries {
                    out.push((k, entries));
                    v.keys(out);
                }
            }
            Node::Array(items) => items.iter().for_each(|v| v.keys(out)),
            _ => {}
        }
    }
}

/// One step of a pointer: the node, and the key it is under (in an object).
pub(crate) struct PathStep<'a> {
    pub node: &'a Node,
    pub key: Option<&'a Token>,
}

/// A byte range of the text and what replaces it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Replacement {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Where `edit` applies in `root`, near `pointer` (the finding's location): the tokens it
/// rewrites. It looks in the node at the pointer first (every match there), then in its parent
/// and grandparent (one match only, so that a wider search never guesses); without a pointer,
/// in the whole document (one match only).
pub(crate) fn place(
    root: &Node,
    style: Style,
    pointer: Option<&str>,
    edit: &Edit,
) -> Result<Vec<Replacement>, &'static str> {
    let steps = match pointer {
        Some(p) => root.path(p).ok_or("its location is not in the JSON text")?,
        None => vec![PathStep {
            node: root,
            key: None,
        }],
    };
    let exact = pointer.is_some();
    for (level, step) in steps.iter().rev().enumerate().take(3) {
        let unique = level > 0 || !exact;
        let found = match edit.target {
            EditTarget::Value => {
                let mut strings = Vec::new();
                step.node.strings(&mut strings);
                strings
                    .into_iter()
                    .filter_map(|t| {
                        rewrite(&t.value, edit).map(|new| Replacement {
                            start: t.start,
                            end: t.end,
                            text: encode(&new, style),
                        })
                    })
                    .collect::<Vec<_>>()
            }
            EditTarget::Key => {
                let mut keys = Vec::new();
                // The key the pointer ends at, then the keys inside the node.
                if level == 0 {
                    if let (Some(key), Some(parent)) = (step.key, steps.iter().rev().nth(1)) {
                        if let Node::Object(entries) = parent.node {
                            keys.push((key, &entries[..]));
                        }
                    }
                }
                if keys.is_empty() {
                    step.node.keys(&mut keys);
                }
                let mut found = Vec::new();
                for (t, siblings) in keys {
                    let Some(new) = rewrite(&t.value, edit) else {
                        continue;
                    };
                    if siblings.iter().any(|(k, _)| k.value == new) {
                        return Err("the object already has the suggested key");
                    }
                    found.push(Replacement {
                        start: t.start,
                        end: t.end,
                        text: encode(&new, style),
                    });
                }
                found
            }
        };
        match found.len() {
            0 => continue,
            1 => return Ok(found),
            _ if !unique => return Ok(found),
            _ => return Err("the text to replace is not unique near the finding's location"),
        }
    }
    Err("the text to replace is not at the finding's location")
}

/// `value` with `edit` applied, or `None` when it does not match.
fn rewrite(value: &str, edit: &Edit) -> Option<String> {
    if !edit.within {
        return (value == edit.find).then(|| edit.replace.clone());
    }
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    let mut matched = false;
    let mut prev: Option<char> = None;
    while let Some(i) = rest.find(&edit.find) {
        let before = rest[..i].chars().next_back().or(prev);
        let after = &rest[i + edit.find.len()..];
        let bounded = before.is_none_or(|c| !id_char(c))
            && (after.chars().next().is_none_or(|c| !id_char(c))
                || [".html", ".json"].iter().any(|s| after.starts_with(s)));
        let cut = i + edit.find.len();
        out.push_str(&rest[..i]);
        if bounded {
            out.push_str(&edit.replace);
            matched = true;
        } else {
            out.push_str(&edit.find);
        }
        prev = rest[..cut].chars().next_back();
        rest = &rest[cut..];
    }
    out.push_str(rest);
    matched.then_some(out)
}

/// Characters that continue an identifier token (SPDX ids, EDAM local ids, schema.org names:
/// all ASCII).
fn id_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '+')
}

/// How the document writes its strings: `\/` for slashes, `\uXXXX` for non-ASCII.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Style {
    escaped_slash: bool,
    ascii: bool,
}

impl Style {
    /// The style of `text`: slashes escaped when it escapes any, non-ASCII escaped when it
    /// escapes some and writes none raw.
    pub(crate) fn of(text: &str) -> Self {
        Self {
            escaped_slash: text.contains("\\/"),
            ascii: text.is_ascii() && text.contains("\\u"),
        }
    }
}

/// `value` as a JSON string token written in `style`.
pub(crate) fn encode(value: &str, style: Style) -> String {
    let json = serde_json::to_string(value).unwrap_or_else(|_| format!("\"{value}\""));
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '/' if style.escaped_slash => out.push_str("\\/"),
            c if style.ascii && !c.is_ascii() => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(find: &str, replace: &str, within: bool) -> Edit {
        Edit {
            target: EditTarget::Value,
            find: find.into(),
            replace: replace.into(),
            within,
        }
    }

    #[test]
    fn tokens_and_boundaries() {
        let e = edit("GPL-3.0", "GPL-3.0-only", true);
        assert_eq!(rewrite("GPL-3.0", &e).as_deref(), Some("GPL-3.0-only"));
        assert_eq!(
            rewrite("https://spdx.org/licenses/GPL-3.0.html", &e).as_deref(),
            Some("https://spdx.org/licenses/GPL-3.0-only.html")
        );
        assert_eq!(
            rewrite("GPL-3.0 OR MIT", &e).as_deref(),
            Some("GPL-3.0-only OR MIT")
        );
        assert_eq!(rewrite("GPL-3.0-or-later", &e), None);
        assert_eq!(rewrite("LGPL-3.0", &e), None);
        assert_eq!(rewrite("x", &edit("x", "y", false)).as_deref(), Some("y"));
        assert_eq!(rewrite("xx", &edit("x", "y", false)), None);
    }

    #[test]
    fn encoding_keeps_the_document_style() {
        let escaped = Style::of("{\"a\": \"x\\/y\", \"b\": \"\\u00e8\"}");
        assert_eq!(encode("a/é", escaped), "\"a\\/\\u00e9\"");
        assert_eq!(encode("😀", escaped), "\"\\ud83d\\ude00\"");
        let plain = Style::of("{\"a\": \"x/y è\"}");
        assert_eq!(encode("a/é", plain), "\"a/é\"");
    }

    #[test]
    fn pointers_and_placement() {
        let text = "{\"a\": [\"x\", {\"b\": \"GPL-3.0\"}], \"c\": \"GPL-3.0\"}";
        let root = parse(text, 64).unwrap();
        let e = edit("GPL-3.0", "GPL-3.0-only", false);
        let r = place(&root, Style::of(text), Some("/a/1/b"), &e).unwrap();
        assert_eq!(r.len(), 1);
        assert_eq!(&text[r[0].start..r[0].end], "\"GPL-3.0\"");
        assert!(r[0].start < text.find("\"c\"").unwrap());
        // Widening to the parent needs a unique match; the whole document has two.
        assert!(place(&root, Style::of(text), None, &e).is_err());
        assert!(parse("{\"a\": }", 64).is_none());
        assert!(parse("[[[1]]]", 2).is_none());
    }
}
