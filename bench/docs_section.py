"""Replaces one generated section of docs/performance.md (between `<!-- NAME:begin -->` and
`<!-- NAME:end -->`) with the contents of a file.

Usage: python bench/docs_section.py NAME FILE
"""

from __future__ import annotations

import sys
from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "performance.md"


def replace(name: str, body: str) -> None:
    text = DOC.read_text()
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    if begin not in text or end not in text:
        raise SystemExit(f"{DOC} has no {begin} ... {end} section")
    i, j = text.index(begin) + len(begin), text.index(end)
    DOC.write_text(text[:i] + "\n" + body.rstrip("\n") + "\n" + text[j:])


if __name__ == "__main__":
    replace(sys.argv[1], Path(sys.argv[2]).read_text())
