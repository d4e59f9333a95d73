//! HTML landing pages: every `<script type="application/ld+json">` block, with where it starts.

use crate::position::line_column;

/// One JSON-LD script block of a page.
pub(crate) struct ScriptBlock<'a> {
    /// The block's text.
    pub text: &'a str,
    /// 1-based line of the block's first character in the page.
    pub line: u64,
    /// 1-based column of the block's first character.
    pub column: u64,
}

/// Finds the JSON-LD script blocks of an HTML page, in document order.
pub(crate) fn script_blocks(page: &str) -> Vec<ScriptBlock<'_>> {
    let Ok(dom) = tl::parse(page, tl::ParserOptions::default()) else {
        return Vec::new();
    };
    let parser = dom.parser();
    let mut blocks = Vec::new();
    let Some(scripts) = dom.query_selector("script") else {
        return blocks;
    };
    for handle in scripts {
        let Some(tag) = handle.get(parser).and_then(|n| n.as_tag()) else {
            continue;
        };
        let is_jsonld = tag
            .attributes()
            .get("type")
            .flatten()
            .map(|t| t.as_utf8_str().trim().to_ascii_lowercase())
            .is_some_and(|t| t.split(';').next().map(str::trim) == Some("application/ld+json"));
        if !is_jsonld {
            continue;
        }
        let (start, end) = tag.boundaries(parser);
        let Some(outer) = page.get(start..=end.min(page.len().saturating_sub(1))) else {
            continue;
        };
        let Some(open_end) = outer.find('>') else {
            continue;
        };
        let close = outer.rfind("</").unwrap_or(outer.len());
        let Some(text) = outer.get(open_end + 1..close.max(open_end + 1)) else {
            continue;
        };
        let offset = start + open_end + 1;
        let (line, column) = line_column(page.as_bytes(), offset);
        blocks.push(ScriptBlock { text, line, column });
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_blocks_with_positions() {
        let page = "<html><head>\n<script type=\"application/ld+json\">{\"a\":1}</script>\n<script>var x;</script><script type='application/ld+json'>\n[]</script></head></html>";
        let blocks = script_blocks(page);
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].text, "{\"a\":1}");
        assert_eq!((blocks[0].line, blocks[0].column), (2, 36));
        assert_eq!(blocks[1].text, "\n[]");
    }
}
