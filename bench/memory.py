"""Peak memory (RSS, from /usr/bin/time) of fairlint, and whether batch memory stays flat.

Usage (normally through scripts/bench-memory.sh):

    python bench/memory.py --cli FAIRLINT --shacl-bench BIN --corpora DIR [--out DIR]
                           [--quick] [--write-docs]

Measures, each in a fresh process:
  1. the CLI batch over the whole corpora tree (`fairlint check CORPORA -j 2 --format ndjson`);
  2. the 1M-triple synthetic graph of bench/compare.py: SHACL Core shapes only (`shacl_bench`,
     parse + validate) and the CLI with all checks (limits raised by --config, the same shapes
     added with --shapes);
  3. batches of 1k, 10k and 50k records (10k with --quick): the bio.tools Bioschemas records
     replicated (hard links, else copies) into a temporary directory, checked by the CLI with
     -j 2. Flat memory means peak RSS does not grow with the record count.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import compare


def measure(cmd: list[str], stdout=subprocess.DEVNULL) -> tuple[float, float, int]:
    """(peak RSS in MB, wall seconds, exit code) of one command."""
    with tempfile.NamedTemporaryFile("r") as rss:
        load = os.getloadavg()[0]
        start = time.perf_counter()
        proc = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss.name, *cmd], check=False,
                              stdout=stdout,
                              stderr=subprocess.PIPE, text=True)
        wall = time.perf_counter() - start
        if proc.returncode not in (0, 1, 2):  # 1: findings, 2: some input could not be read
            raise SystemExit(f"{cmd[0]} failed ({proc.returncode}): {proc.stderr[-2000:]}")
        print(f"  {' '.join(cmd[:4])} ...: {wall:.1f} s, load {load:.2f}", file=sys.stderr)
        return int(rss.read().split()[-1]) / 1024, wall, proc.returncode


def replicate(records: list[Path], n: int, into: Path) -> None:
    into.mkdir(parents=True)
    for i in range(n):
        src = records[i % len(records)]
        dst = into / f"{i:06d}-{src.name}"
        try:
            os.link(src, dst)
        except OSError:
            shutil.copyfile(src, dst)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--shacl-bench", required=True)
    ap.add_argument("--corpora", required=True)
    ap.add_argument("--out", default=str(compare.REPO / "target" / "bench-memory"))
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--write-docs", action="store_true")
    args = ap.parse_args()
    out = Path(args.out)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    corpora = Path(args.corpora)
    rows = []
    load_before = " ".join(f"{x:.2f}" for x in os.getloadavg())

    # 1. The whole corpora tree.
    ndjson = out / "corpora.ndjson"
    with ndjson.open("w") as f:
        rss, wall, _ = measure([args.cli, "check", "-j", "2", "--format", "ndjson", "--fail-on",
                                "never", str(corpora)], stdout=f)
    n = sum(1 for _ in ndjson.open())
    rows.append(("CLI batch, the whole corpora tree (`fairlint check -j 2 --format ndjson`)",
                 f"{n:,} files", rss, wall))

    # 2. One million triples.
    big = out / "scale-1000000.nt"
    compare.synthetic(1_000_000, big)
    core = out / "core.ttl"
    compare.core_shapes(core)
    rss, wall, _ = measure([args.shacl_bench, str(core), "1", "0", str(big)])
    rows.append((("1M triples (N-Triples, 98 MB), SHACL Core shapes only: parse + validate "
                 "(`shacl_bench`)"), f"{compare.count_lines(big):,} triples", rss, wall))
    config = out / "limits.json"
    config.write_text(json.dumps({"limits": {"max_input_bytes": 1 << 30, "max_triples": 2_000_000,
                                             "max_findings": 1_000_000}}))
    rss, wall, _ = measure([args.cli, "check", "--config", str(config), "--shapes", str(core),
                            "--format", "json", "--fail-on", "never", str(big)])
    rows.append((("1M triples, CLI with all checks and the same shapes (`fairlint check --config "
                 "limits.json --shapes core.ttl`)"), "1 file", rss, wall))

    # 3. Flatness.
    records = sorted(corpora.glob("biotools/**/*.bioschemas.jsonld"))
    flat = []
    with tempfile.TemporaryDirectory(dir=out) as tmp:
        for size in [1_000, 10_000] + ([] if args.quick else [50_000]):
            d = Path(tmp) / f"b{size}"
            replicate(records, size, d)
            rss, wall, _ = measure([args.cli, "check", "-j", "2", "--format", "ndjson",
                                    "--fail-on", "never", str(d)])
            flat.append((size, rss, wall))
            rows.append((f"CLI batch of {size:,} bio.tools records (replicated), -j 2, NDJSON",
                         f"{size / wall:,.0f} records/s", rss, wall))
            shutil.rmtree(d)

    lines = ["| what | size / rate | peak RSS | wall |", "|---|---|---:|---:|"]
    lines += [f"| {w} | {s} | {r:,.0f} MB | {t:.1f} s |" for w, s, r, t in rows]
    growth = flat[-1][1] - flat[0][1]
    per_record_kb = growth * 1024 / (flat[-1][0] - flat[0][0])
    lines += [
        "",
        (f"Batch memory from {flat[0][0]:,} to {flat[-1][0]:,} records: {flat[0][1]:,.0f} MB → "
        f"{flat[-1][1]:,.0f} MB ({growth:+,.0f} MB, {per_record_kb:.2f} KB per extra record)."),
        "",
        (f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {os.cpu_count()} cores, "
        f"load average (1, 5, 15 min) {load_before} before; reproduce with "
        "`bash scripts/bench-memory.sh`."),
    ]
    md = "\n".join(lines) + "\n"
    (out / "memory.md").write_text(md)
    print(md)
    if args.write_docs:
        from docs_section import replace

        replace("memory", md)
    return 0


if __name__ == "__main__":
    sys.exit(main())
