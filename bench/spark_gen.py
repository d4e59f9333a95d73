"""Generates a repository of N bio.tools records for the scale benchmark (scripts/bench-spark.sh).

Usage: python bench/spark_gen.py --corpora DIR --n N --out DIR

The records are the corpus's bio.tools tool descriptions (``biotools/tools/*/*.biotools.json``,
bio.tools API JSON) and their Bioschemas exports (``*.bioschemas.jsonld``, JSON-LD), taken in
turn, each given a fresh identifier so no two records describe the same tool: record ``k`` of
tool ``t`` is ``t-g<k>`` (``biotoolsID``, ``biotoolsCURIE``; the JSON-LD ``@id``
``https://bio.tools/t-g<k>``). Each record is written compactly (one line) twice, so both faces
read the same bytes:

  OUT/files/<k // 1000>/<k>.json[ld]  one file per record, for ``fairlint check OUT/files``
  OUT/records.jsonl                   one record per line, for Spark's ``read.text``

OUT/done.json records N and the byte counts; a second run with the same N does nothing.
Deterministic: the same corpora and N give the same bytes.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path
from typing import Any


def sources(corpora: Path) -> list[tuple[str, str, dict[str, Any]]]:
    """(tool id, kind, parsed record) for every bio.tools and Bioschemas record, sorted."""
    out = []
    for path in sorted((corpora / "biotools" / "tools").glob("*/*")):
        tool = path.parent.name
        if path.name.endswith(".biotools.json"):
            out.append((tool, "biotools", json.loads(path.read_text(encoding="utf-8"))))
        elif path.name.endswith(".bioschemas.jsonld"):
            out.append((tool, "bioschemas", json.loads(path.read_text(encoding="utf-8"))))
    if not out:
        raise SystemExit(f"no bio.tools records under {corpora / 'biotools'}")
    return out


def fresh(tool: str, kind: str, record: dict[str, Any], k: int) -> dict[str, Any]:
    """The record with the fresh identifier ``tool-g<k>``."""
    new_id = f"{tool}-g{k}"
    rec = dict(record)
    if kind == "biotools":
        rec["biotoolsID"] = new_id
        rec["biotoolsCURIE"] = f"biotools:{new_id}"
    else:
        rec["@id"] = f"https://bio.tools/{new_id}"
    return rec


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", type=Path, required=True)
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    done = args.out / "done.json"
    if done.exists() and json.loads(done.read_text()).get("n") == args.n:
        print(f"reusing {args.n:,} records in {args.out}", file=sys.stderr)
        return 0
    if args.out.exists():
        shutil.rmtree(args.out)
    files = args.out / "files"
    files.mkdir(parents=True)
    recs = sources(args.corpora)
    total = 0
    kinds = {"biotools": 0, "bioschemas": 0}
    with open(args.out / "records.jsonl", "w", encoding="utf-8", newline="\n") as lines:
        for k in range(args.n):
            tool, kind, record = recs[k % len(recs)]
            text = json.dumps(fresh(tool, kind, record, k), ensure_ascii=False, separators=(",", ":"))
            lines.write(text)
            lines.write("\n")
            shard = files / f"{k // 1000:04d}"
            if k % 1000 == 0:
                shard.mkdir()
            ext = "json" if kind == "biotools" else "jsonld"
            (shard / f"{k:07d}.{ext}").write_text(text, encoding="utf-8")
            total += len(text.encode("utf-8"))
            kinds[kind] += 1
    done.write_text(json.dumps({"n": args.n, "bytes": total, "kinds": kinds, "sources": len(recs)}))
    print(f"wrote {args.n:,} records ({total / 1e6:.0f} MB, {kinds}) to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
