"""Per-triple cost of reading and core checks, 1k to 1M triples (docs/performance.md,
"Per-triple cost, 1k–1M").

Usage (normally through scripts/bench-scaling.sh):

    python3 bench/scaling.py --bin target/release/examples/scaling [--out DIR]
                             [--quick] [--rounds N] [--write-docs]

1. Generates the synthetic series of bench/compare.py (1k, 10k, 100k, 1M triples; to 100k with
   --quick) as N-Triples, and the same graphs as JSON-LD (`scaling to-jsonld`).
2. Times, per file, in one process (`scaling time`): the bare parser (oxttl / oxjsonld,
   triples counted), fairlint's `Document::parse_with`, and `Engine::check` with the `core`
   profile (reading, core checks, scoring, fingerprint, report rendered as JSON); median wall
   and CPU (thread) time over the rounds. Limits lifted.
3. Peak RSS of each stage at each size in a process of its own (`/usr/bin/time -v`).
4. Prints a Markdown table (µs per triple, ratios to the bare parser) and with --write-docs
   puts it between `<!-- scaling:begin -->` and `<!-- scaling:end -->` in
   docs/performance.md. Standard library only.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from compare import synthetic  # noqa: E402  (standard library only)
import docs_section  # noqa: E402

STAGES = ("raw", "parse", "check")


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def peak_rss_mb(cmd: list[str]) -> float:
    out = subprocess.run(["/usr/bin/time", "-v", *cmd], capture_output=True, text=True, check=True)
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", out.stderr)
    if not m:
        raise SystemExit(f"no peak RSS in /usr/bin/time's output for {cmd}")
    return int(m.group(1)) / 1024


def label(n: int) -> str:
    return f"{n // 1000}k" if n < 1_000_000 else "1M"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--out", default="target/bench-scaling")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--budget", type=float, default=240.0, help="seconds of timing per format")
    ap.add_argument("--write-docs", action="store_true")
    args = ap.parse_args()
    if not Path("/usr/bin/time").exists():
        raise SystemExit("/usr/bin/time is needed for peak RSS (Debian: apt-get install time)")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    sizes = [1_000, 10_000, 100_000] + ([] if args.quick else [1_000_000])
    files: dict[str, list[Path]] = {"N-Triples": [], "JSON-LD": []}
    for n in sizes:
        nt = out / f"synthetic-{n}.nt"
        if not nt.exists():
            synthetic(n, nt)
        jl = out / f"synthetic-{n}.jsonld"
        if not jl.exists() or jl.stat().st_mtime < nt.stat().st_mtime:
            subprocess.run([args.bin, "to-jsonld", str(nt), str(jl)], check=True)
        files["N-Triples"].append(nt)
        files["JSON-LD"].append(jl)

    started = datetime.datetime.now(datetime.timezone.utc)
    load_before = load()
    rows: dict[str, list[dict]] = {}
    for fmt, paths in files.items():
        print(f"timing {fmt} ...", file=sys.stderr)
        res = subprocess.run(
            [args.bin, "time", str(args.rounds), str(args.budget), *map(str, paths)],
            capture_output=True, text=True, check=True)
        rows[fmt] = [json.loads(line) for line in res.stdout.splitlines() if line.strip()]
        for r in rows[fmt]:
            r["load"] = load()
    print("peak RSS ...", file=sys.stderr)
    for fmt, paths in files.items():
        for r, path in zip(rows[fmt], paths):
            for stage in STAGES:
                r[f"{stage}_rss_mb"] = peak_rss_mb([args.bin, "once", stage, str(path)])
    load_after = load()
    (out / "scaling.json").write_text(json.dumps(rows, indent=1))

    def us(x: float, n: int) -> str:
        return f"{x / n:.2f}"

    lines = [
        f"Measured {started:%Y-%m-%d %H:%M} UTC on {platform.machine()}, {os.cpu_count()} cores, "
        f"Linux {platform.release()}; fairlint release build (`fair-core/examples/scaling.rs`). "
        f"Load average (1, 5, 15 min) {load_before} before and {load_after} after. "
        "Each figure is the median over the rounds (up to "
        f"{args.rounds}; 1M has fewer when the time budget ran out) of the thread's CPU time, "
        "in µs per triple; wall time in brackets. *raw*: the bare parser (oxttl for N-Triples, "
        "oxjsonld for JSON-LD) counting triples; *parse*: `Document::parse_with`; *check*: "
        "`Engine::check` with the `core` profile, no shapes (reading, core checks, scores, "
        "fingerprint, the report rendered as JSON). Limits lifted (`max_fingerprint_triples` "
        "and `max_findings` included), so every size does the same work per triple. Peak RSS: "
        "one run of the stage in a process of its own (`/usr/bin/time -v`).",
        "",
        "| input | triples | rounds | raw, µs/triple | parse, µs/triple | check, µs/triple "
        "| parse / raw | check / raw | peak RSS raw / parse / check | check, bytes per triple "
        "| load |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for fmt, rs in rows.items():
        for r, n in zip(rs, sizes):
            t = r["triples"]
            lines.append(
                f"| {fmt} {label(n)} | {t:,} | {r['rounds']} "
                f"| {us(r['raw_cpu_us'], t)} ({us(r['raw_us'], t)}) "
                f"| {us(r['parse_cpu_us'], t)} ({us(r['parse_us'], t)}) "
                f"| {us(r['check_cpu_us'], t)} ({us(r['check_us'], t)}) "
                f"| {r['parse_cpu_us'] / r['raw_cpu_us']:.1f}× "
                f"| {r['check_cpu_us'] / r['raw_cpu_us']:.1f}× "
                f"| {r['raw_rss_mb']:,.0f} / {r['parse_rss_mb']:,.0f} / {r['check_rss_mb']:,.0f} MB "
                f"| {r['check_rss_mb'] * 1024 * 1024 / t:,.0f} "
                f"| {r['load'].split()[0]} |")
    for fmt, rs in rows.items():
        first, last = rs[0], rs[-1]
        for stage in ("parse", "check"):
            a = first[f"{stage}_cpu_us"] / first["triples"]
            b = last[f"{stage}_cpu_us"] / last["triples"]
            lines.append("")
            lines.append(
                f"{fmt}, {stage}: {a:.2f} µs per triple at {label(sizes[0])}, {b:.2f} at "
                f"{label(sizes[-1])} ({(b / a - 1) * 100:+.0f} %).")
    lines.append("")
    lines.append("Reproduce with `bash scripts/bench-scaling.sh`.")
    table = "\n".join(lines) + "\n"
    (out / "scaling.md").write_text(table)
    print(table)
    if args.write_docs:
        docs_section.replace("scaling", table)


if __name__ == "__main__":
    main()
