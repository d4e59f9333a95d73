#!/usr/bin/env bash
# Peak RSS of fairlint: the CLI batch over the whole corpora tree, the 1M-triple case, and
# batches of 1k / 10k / 50k records to show batch memory stays flat (bench/memory.py).
# Runs ~2 min (--quick: 1k / 10k only). Not part of CI.
#
# Usage: scripts/bench-memory.sh [--quick] [--write-docs]
# Environment: FAIRLINT_CORPORA (default ../shared/corpora), CARGO_TARGET_DIR (default target).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/bench-env.sh
source scripts/bench-env.sh

cargo build --quiet --release -p fair-cli -p fair-core --example shacl_bench
"$BENCH_PY" bench/memory.py --cli "$TARGET_DIR/release/fairlint" \
    --shacl-bench "$TARGET_DIR/release/examples/shacl_bench" --corpora "$CORPORA" "$@"
