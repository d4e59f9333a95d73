"""Checks every internal link of a built mdBook (for scripts/test-docs.sh).

Walks the HTML files under the build directory; for each `href` and `src` that is not an
absolute URL (`scheme:`), a protocol-relative `//host` or a mailto, resolves it against the
page, and checks the file exists in the build and, for `#fragment`s pointing into the book, that
the target page has an element with that id. mdBook's own theme files are included (they are
part of what is published). Prints the broken links and exits 1 when there is any.
"""

from __future__ import annotations

import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id":
                self.ids.add(value)
            elif name in ("href", "src") and tag != "base":
                self.links.append(value)


def parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    return parser


def main() -> int:
    root = Path(sys.argv[1]).resolve()
    pages = sorted(root.rglob("*.html"))
    if not pages:
        print(f"no HTML pages under {root}", file=sys.stderr)
        return 1
    parsed = {p: parse(p) for p in pages}
    broken: list[str] = []
    checked = 0
    for page, links in parsed.items():
        for link in links.links:
            parts = urlsplit(link)
            if parts.scheme or link.startswith("//") or not link.strip():
                continue
            checked += 1
            target = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(root)}: {link} (no {target})")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else parse(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{page.relative_to(root)}: {link} (no id '{parts.fragment}')")
    for b in broken:
        print(f"broken link: {b}", file=sys.stderr)
    print(f"links: {len(pages)} pages, {checked} internal links checked, {len(broken)} broken")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
