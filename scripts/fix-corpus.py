#!/usr/bin/env python3
"""Autofix over a corpus: copies the corpora to a scratch folder, checks every metadata file,
runs `fairlint fix --write` on the copy, checks again and fixes a second time, then prints

- how many findings had a safe fix, and how many of them `fix --write` removed;
- every error or warning finding that is new after the fix (the acceptance wants none): one
  at a code, focus node and path that had fewer such findings before;
- every file that parsed before and does not parse after;
- every file the second `fix --write` changed (fixing twice must equal fixing once).

    python3 scripts/fix-corpus.py [--fairlint target/release/fairlint] [CORPORA]

CORPORA defaults to ../shared/corpora. Exits 1 when any of the last three lists is not empty.
Needs only the Python standard library.
"""
from __future__ import annotations

import argparse
import collections
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SUFFIXES = {".json", ".jsonld", ".ttl", ".xml", ".html", ".nt", ".nq", ".rdf", ".trig"}
SKIP_NAMES = {"README.md", "index.tsv", "LICENSE", "LICENSE.txt", "NOTICE"}


def files_under(root: Path) -> list[Path]:
    return sorted(
        f for f in root.rglob("*") if f.is_file() and f.suffix in SUFFIXES and f.name not in SKIP_NAMES
    )


def check(fairlint: str, root: Path, files: list[Path]) -> dict[str, dict]:
    """Report (or failure) per file, by path relative to `root`."""
    out: dict[str, dict] = {}
    for i in range(0, len(files), 200):
        chunk = files[i : i + 200]
        run = subprocess.run(
            [fairlint, "check", "--format", "ndjson", "--fail-on", "never", "--no-progress", *map(str, chunk)],
            capture_output=True,
            text=True,
        )
        for line in run.stdout.splitlines():
            rec = json.loads(line)
            if "input" in rec and ("findings" in rec or "error" in rec):
                out[str(Path(rec["input"]).relative_to(root))] = rec
    return out


def key(f: dict) -> tuple:
    return (f["code"], f.get("focus_node"), f.get("path"), f.get("value"))


def place(f: dict) -> tuple:
    return (f["code"], f.get("focus_node"), f.get("path"))


def digest(files: list[Path]) -> dict[Path, str]:
    return {f: hashlib.sha256(f.read_bytes()).hexdigest() for f in files}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fairlint", default="target/release/fairlint")
    ap.add_argument("corpora", nargs="?", default="../shared/corpora")
    ap.add_argument("-v", action="store_true", help="list the safe-fix findings left")
    args = ap.parse_args()
    fairlint = str(Path(args.fairlint).resolve())
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "corpora"
        shutil.copytree(args.corpora, root)
        files = files_under(root)
        before = check(fairlint, root, files)
        fixable = collections.Counter()
        for rec in before.values():
            for f in rec.get("findings", []):
                fix = f.get("fix") or {}
                if fix.get("applicability") == "safe" and fix.get("edits"):
                    fixable[f["code"]] += 1
        for i in range(0, len(files), 200):
            subprocess.run(
                [fairlint, "fix", "--write", "--fail-on", "never", *map(str, files[i : i + 200])],
                capture_output=True,
            )
        after = check(fairlint, root, files)
        once = digest(files)
        for i in range(0, len(files), 200):
            subprocess.run(
                [fairlint, "fix", "--write", "--fail-on", "never", *map(str, files[i : i + 200])],
                capture_output=True,
            )
        twice = digest(files)

        removed = collections.Counter()
        new: list[str] = []
        broken: list[str] = []
        left: list[str] = []
        changed_files = 0
        for name, rec in before.items():
            if "findings" not in rec:
                continue
            rec2 = after.get(name, {})
            if "findings" not in rec2:
                broken.append(f"{name}: {rec2.get('error', 'no report')}")
                continue
            keys_after = {key(f) for f in rec2["findings"]}
            keys_before = {key(f) for f in rec["findings"]}
            if keys_after != keys_before:
                changed_files += 1
            for f in rec["findings"]:
                fix = f.get("fix") or {}
                if fix.get("applicability") == "safe" and fix.get("edits"):
                    if key(f) not in keys_after:
                        removed[f["code"]] += 1
                    else:
                        left.append(f"{name}: {f['code']} {f.get('value') or ''} at {(f.get('location') or {}).get('pointer')}")
            # New: an error or warning at a (code, focus node, path) that had fewer of them
            # before (a finding whose value the fix rewrote is the same finding).
            places = collections.Counter(place(f) for f in rec["findings"] if f["severity"] in ("error", "warning"))
            for f in rec2["findings"]:
                if f["severity"] not in ("error", "warning"):
                    continue
                if places[place(f)] > 0:
                    places[place(f)] -= 1
                else:
                    new.append(f"{name}: new {f['severity']} {f['code']} {f.get('value') or ''} {f['message']}")
        not_idempotent = [str(f.relative_to(root)) for f in files if once[f] != twice[f]]

    print(f"files checked: {len(before)} ({sum('findings' in r for r in before.values())} parsed)")
    print(f"findings with a safe fix: {sum(fixable.values())}  {dict(sorted(fixable.items()))}")
    print(f"removed by fix --write:   {sum(removed.values())}  {dict(sorted(removed.items()))}")
    print(f"files whose findings changed: {changed_files}")
    print(f"safe-fix findings left (fix not placed, or undone because it did harm): {len(left)}")
    for line in left[: 40 if "-v" in sys.argv else 0]:
        print("  " + line)
    print(f"new error/warning findings: {len(new)}")
    for line in new:
        print("  " + line)
    print(f"files that no longer parse: {len(broken)}")
    for line in broken:
        print("  " + line)
    print(f"files changed by a second fix: {len(not_idempotent)}")
    for line in not_idempotent:
        print("  " + line)
    return 1 if new or broken or not_idempotent else 0


if __name__ == "__main__":
    sys.exit(main())
