#!/usr/bin/env python3
"""Which Bioschemas profile family fairlint checks each Bioschemas example against.

Dev-only measurement (not part of the test suite): it needs the Bioschemas example markup in
``../shared/corpora/bioschemas-examples`` (``<Profile>/examples/<version>/<file>``), which is
not committed.

For every example file it runs ``CLI check --format ndjson`` (the CLI is a fairlint binary given
on the command line) and reads the profile(s) the record was checked against: the report's
``profile`` and, when several profiles apply, each entry of ``profiles``. An example is
*checked against its folder's family* when one of them belongs to the family its folder names
(``fairlint profiles --format json`` of the same binary gives each profile's family).

Prints a markdown table, one row per profile folder: the family, whether the CLI bundles it,
examples, readable ones (fairlint parsed them into at least one statement: not the invalid
JSON files, nor HTML pages whose markup is microdata / RDFa only), and how many readable ones were checked
against the family, by ``--before`` (another binary, or the JSON this script saved with
``--save``) and by ``CLI``.

    python3 scripts/bioschemas-coverage.py target/debug/fairlint \
        --before target/bioschemas/coverage-base.json --save target/bioschemas/coverage.json
"""

import argparse
import json
import os
import subprocess
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.join(HERE, "..", "..", "shared", "corpora", "bioschemas-examples")

# Folder names that are older names of a profile family.
FOLDER_FAMILY = {"Tool": "ComputationalTool", "BioSample": "Sample"}


def examples(corpus):
    """(folder, relative path) of every example file under a profile folder."""
    found = []
    for root, _dirs, files in os.walk(corpus):
        for name in files:
            path = os.path.join(root, name)
            rel = os.path.relpath(path, corpus)
            parts = rel.split(os.sep)
            if len(parts) < 2:
                continue  # top-level files (README, index.tsv, ExperimentTemplate.jsonld)
            found.append((parts[0], rel))
    return sorted(found)


def families(cli):
    out = subprocess.run([cli, "profiles", "--format", "json"], check=True,
                         capture_output=True, text=True).stdout
    return {p["id"]: p["family"] for p in json.loads(out)}


def run(cli, corpus):
    """{relative path: [profile families checked] or None when unreadable}."""
    fam = families(cli)
    files = examples(corpus)
    paths = [os.path.join(corpus, rel) for _f, rel in files]
    proc = subprocess.run([cli, "check", "--format", "ndjson", "--no-progress", "-j", "1",
                           "--fail-on", "never", *paths],
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1, 2):
        sys.exit(f"{cli} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    result = {}
    for line in proc.stdout.splitlines():
        if not line.strip():
            continue
        report = json.loads(line)
        rel = os.path.relpath(report["input"], corpus)
        if "error" in report or report["document"]["triples"] == 0:
            result[rel] = None  # not parsed, or no statements (e.g. microdata-only HTML)
            continue
        ids = [report["profile"]["id"]] + [p["id"] for p in report.get("profiles", [])]
        result[rel] = sorted({fam.get(i, "") for i in ids} - {""})
    missing = [rel for _f, rel in files if rel not in result]
    if missing:
        sys.exit(f"no report for {missing}")
    return {"bundled_families": sorted(set(fam.values()) - {""}), "checked": result}


def load(spec, corpus):
    if spec.endswith(".json"):
        with open(spec, encoding="utf-8") as f:
            return json.load(f)
    return run(spec, corpus)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("cli", help="fairlint binary (or a JSON file saved by --save)")
    ap.add_argument("--before", help="fairlint binary, or JSON saved by --save, to compare with")
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--save", help="write this run's results as JSON")
    args = ap.parse_args()
    corpus = os.path.abspath(args.corpus)
    if not os.path.isdir(corpus):
        sys.exit(f"no corpus at {corpus}")
    after = load(args.cli, corpus)
    if args.save:
        with open(args.save, "w", encoding="utf-8") as f:
            json.dump(after, f, indent=1, sort_keys=True)
    before = load(args.before, corpus) if args.before else None

    rows = defaultdict(lambda: {"examples": 0, "readable": 0, "before": 0, "after": 0,
                                "misses": []})
    for folder, rel in examples(corpus):
        family = FOLDER_FAMILY.get(folder, folder)
        row = rows[folder]
        row["family"] = family
        row["examples"] += 1
        checked = after["checked"].get(rel)
        if checked is None:
            continue
        row["readable"] += 1
        if family in checked:
            row["after"] += 1
        else:
            row["misses"].append(f"{rel} ({', '.join(checked) or 'core'})")
        if before is not None and family in (before["checked"].get(rel) or []):
            row["before"] += 1

    bundled = set(after["bundled_families"])
    cols = ["folder", "family", "bundled", "examples", "readable"]
    cols += (["before", "after"] if before else ["checked against the family"])
    print("| " + " | ".join(cols) + " |")
    print("|" + "---|" * len(cols))
    totals = defaultdict(int)
    for folder in sorted(rows):
        r = rows[folder]
        cells = [folder, r["family"], "yes" if r["family"] in bundled else "no",
                 str(r["examples"]), str(r["readable"])]
        cells += ([str(r["before"]), str(r["after"])] if before else [str(r["after"])])
        print("| " + " | ".join(cells) + " |")
        if r["family"] in bundled:
            for k in ("examples", "readable", "before", "after"):
                totals[k] += r[k]
    cells = ["**bundled families**", "", "", str(totals["examples"]), str(totals["readable"])]
    cells += ([str(totals["before"]), str(totals["after"])] if before else [str(totals["after"])])
    print("| " + " | ".join(cells) + " |")
    misses = [m for folder in sorted(rows) if rows[folder]["family"] in bundled
              for m in rows[folder]["misses"]]
    print()
    if misses:
        print("Readable examples of a bundled family not checked against it (checked against):")
        for m in misses:
            print(f"- {m}")
    else:
        print("Every readable example of a bundled family is checked against it.")


if __name__ == "__main__":
    main()
