#!/usr/bin/env python3
"""Corpus run: checks every data file under a corpora folder with the fairlint CLI and prints a
Markdown report per source (top-level folder): how many inputs parsed, mean and quartiles of the
F/A/I/R/total scores, the most frequent findings, the profiles chosen, and the profile-detection
accuracy on records that declare dct:conformsTo.

    python3 scripts/corpus-report.py [--fairlint target/release/fairlint] [CORPORA]

CORPORA defaults to ../shared/corpora. Needs only the Python standard library.
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import statistics
import subprocess
import sys
from pathlib import Path

SKIP_NAMES = {"README.md", "index.tsv", "LICENSE", "LICENSE.txt", "NOTICE"}
CONFORMS_RE = re.compile(r'conformsTo"?\s*[:>]?\s*(?:\{\s*"@id"\s*:\s*)?[<"]([^">]+)[">]')
ID_RE = re.compile(r'"@id"\s*:\s*"([^"]+)"')


def declared_profiles(path: Path) -> set[str]:
    """IRIs a file names with (dct|schema):conformsTo, read from its text (any format)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return set()
    found: set[str] = set()
    for m in re.finditer(r"conformsTo", text):
        window = text[m.end() : m.end() + 400]
        # JSON-LD: a string, an {"@id": ...} object, or a list of either.
        head = window.lstrip()
        if head.startswith('"'):
            head = head[1:].lstrip()
        if head.startswith(":"):
            value = head[1:].lstrip()
            if value.startswith("["):
                value = value[: value.find("]") + 1] if "]" in value else value
                found.update(ID_RE.findall(value))
                found.update(s for s in re.findall(r'"([^"]+)"', value) if s != "@id" and ":" in s)
            elif value.startswith("{"):
                found.update(ID_RE.findall(value[: value.find("}") + 1]))
            elif value.startswith('"'):
                found.add(value[1 : value.find('"', 1)])
        else:  # Turtle-ish: conformsTo <iri>
            t = re.match(r"\s*<([^>]+)>", window)
            if t:
                found.add(t.group(1))
    return {f.rstrip("/") for f in found if f.startswith("http")}


METADATA_SUFFIXES = {".json", ".jsonld", ".ttl", ".rdf", ".xml", ".nt", ".nq", ".trig", ".html", ".owl"}
DESCRIPTORS = ("ro-crate-metadata.json", "ro-crate-metadata.jsonld")


def is_metadata(f: Path) -> bool:
    """A metadata record: not a README or index, and inside an RO-Crate only its descriptor."""
    if not f.is_file() or f.name in SKIP_NAMES or f.suffix not in METADATA_SUFFIXES:
        return False
    if f.name in DESCRIPTORS:
        return True
    return not any((d / name).exists() for d in f.parents for name in DESCRIPTORS)


def quartiles(xs: list[float]) -> tuple[float, float, float]:
    if len(xs) < 2:
        v = xs[0] if xs else float("nan")
        return v, v, v
    q = statistics.quantiles(xs, n=4, method="inclusive")
    return q[0], q[1], q[2]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpora", nargs="?", default="../shared/corpora")
    ap.add_argument("--fairlint", default="target/release/fairlint")
    ap.add_argument("--top", type=int, default=5)
    args = ap.parse_args()
    root = Path(args.corpora)
    profiles = json.loads(
        subprocess.run([args.fairlint, "profiles", "--format", "json"], check=True, capture_output=True).stdout
    )
    by_iri = {}
    for p in profiles:
        for iri in p.get("conforms_to", []):
            by_iri[iri.rstrip("/")] = p["id"]

    print("| source | inputs | parsed | rejected | F mean (Q1/Q2/Q3) | A mean (Q1/Q2/Q3) | I mean (Q1/Q2/Q3) | R mean (Q1/Q2/Q3) | total mean (Q1/Q2/Q3) |")
    print("|---|---|---|---|---|---|---|---|---|")
    details = []
    for source in sorted(d for d in root.iterdir() if d.is_dir()):
        files = sorted(f for f in source.rglob("*") if is_metadata(f))
        if not files:
            continue
        out = subprocess.run(
            [args.fairlint, "check", "--format", "ndjson", "--fail-on", "never", "--no-progress", *map(str, files)],
            capture_output=True, text=True,
        )
        reports = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
        ok = [r for r in reports if "scores" in r]
        errors = collections.Counter(r["error"]["code"] for r in reports if "error" in r)
        scores = {k: [r["scores"][k] for r in ok if r["scores"][k] is not None] for k in ("F", "A", "I", "R", "total")}
        cells = []
        for k in ("F", "A", "I", "R", "total"):
            xs = scores[k]
            if xs:
                q1, q2, q3 = quartiles(xs)
                cells.append(f"{statistics.fmean(xs):.1f} ({q1:.0f}/{q2:.0f}/{q3:.0f})")
            else:
                cells.append("–")
        print(f"| {source.name} | {len(reports)} | {len(ok)} | {len(reports) - len(ok)} | " + " | ".join(cells) + " |")

        codes = collections.Counter()
        for r in ok:
            codes.update({f["code"] for f in r["findings"]})
        chosen = collections.Counter(f'{r["profile"]["id"]} ({r["profile"]["selected_by"]})' for r in ok)
        levels = collections.Counter(r["profile"].get("level", "–") for r in ok)
        # Detection accuracy on records that declare a profile.
        declared_known = hit = declared_other = 0
        misses = []
        for r in ok:
            decl = declared_profiles(Path(r["input"]))
            if not decl:
                continue
            want = {by_iri[d] for d in decl if d in by_iri}
            if want:
                declared_known += 1
                if r["profile"]["id"] in want:
                    hit += 1
                else:
                    misses.append(f'{r["input"]}: declared {sorted(want)}, got {r["profile"]["id"]}')
            else:
                declared_other += 1
        details.append((source.name, codes, len(ok), chosen, levels, errors, declared_known, hit, declared_other, misses))

    for name, codes, n, chosen, levels, errors, known, hit, other, misses in details:
        print(f"\n**{name}**")
        if n:
            top = ", ".join(f"{c} ({k}/{n})" for c, k in codes.most_common(args.top))
            print(f"- most frequent findings (records with the code): {top}")
            print("- profiles chosen: " + ", ".join(f"{p} {k}" for p, k in chosen.most_common()))
            print("- level met: " + ", ".join(f"{lvl} {k}" for lvl, k in levels.most_common()))
        if errors:
            print("- rejected: " + ", ".join(f"{c} {k}" for c, k in errors.most_common()))
        acc = f"{hit}/{known}" if known else "–"
        print(f"- declare a bundled profile in conformsTo: {known}, detected correctly {acc}; declare another profile: {other}")
        for m in misses[:5]:
            print(f"  - miss: {m}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
