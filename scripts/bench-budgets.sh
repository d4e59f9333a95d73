#!/usr/bin/env bash
# DESIGN.md §7 budgets, native: engine construction, one typical record with all checks, batch
# records/s on 2 threads (in memory, and through the CLI with -j 2 including file I/O and
# NDJSON output). Prints a Markdown table; --write-docs puts it into docs/performance.md.
# Runs ~1 min. Not part of CI. The machine's load average is printed with the table: rerun on
# a quiet machine before quoting the numbers.
#
# Usage: scripts/bench-budgets.sh [--write-docs] [ROUNDS]
# Environment: FAIRLINT_CORPORA (default ../shared/corpora), CARGO_TARGET_DIR (default target).
set -euo pipefail
cd "$(dirname "$0")/.."
WRITE_DOCS=0
if [ "${1:-}" = "--write-docs" ]; then WRITE_DOCS=1; shift; fi
ROUNDS=${1:-5}
# shellcheck source=scripts/bench-env.sh
source scripts/bench-env.sh

cargo build --quiet --release -p fair-core --example budgets
cargo build --quiet --release -p fair-cli --bin fairlint
OUT=target/bench-budgets
mkdir -p "$OUT"
TABLE="$OUT/budgets.md"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
{
    echo "| budget (DESIGN.md §7) | target | measured | |"
    echo "|---|---|---|---|"
    "$TARGET_DIR/release/examples/budgets" "$CORPORA" "$ROUNDS"
    # The CLI end to end: process start, engine build, reading the files, all checks, NDJSON.
    "$BENCH_PY" - "$TARGET_DIR/release/fairlint" "$CORPORA/biotools" "$ROUNDS" <<'PY'
import subprocess, sys, time
from pathlib import Path
cli, corpus, rounds = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
records = sorted(map(str, corpus.rglob("*.bioschemas.jsonld")))
rates = []
for _ in range(rounds):
    start = time.perf_counter()
    subprocess.run([cli, "check", "-j", "2", "--format", "ndjson", "--fail-on", "never", *records],
                   check=True, stdout=subprocess.DEVNULL)
    rates.append(len(records) / (time.perf_counter() - start))
best = max(rates)
print("| batch, 2 threads, bio.tools corpus, CLI `fairlint check -j 2 --format ndjson` (files, "
      f"whole process) | ≥ 4,000 records/s | {best:.0f} records/s best of {rounds} runs "
      f"({len(records)} records) | {'met' if best >= 4000 else '**not met**'} |")
PY
    echo
    echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($(uname -m)), load average" \
        "(1, 5, 15 min) $load_before before and $(cut -d' ' -f1-3 /proc/loadavg) after;" \
        "reproduce with \`bash scripts/bench-budgets.sh\`."
} | tee "$TABLE"
if [ "$WRITE_DOCS" = 1 ]; then "$BENCH_PY" bench/docs_section.py budgets "$TABLE"; fi
