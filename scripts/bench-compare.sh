#!/usr/bin/env bash
# fairlint against pySHACL and pyrudof on identical shapes and data, results checked equal
# before any time is quoted (bench/compare.py says how). Not part of CI: it takes ~15 min
# (--quick: ~3 min).
#
# Usage: scripts/bench-compare.sh [--quick] [--write-docs] [other bench/compare.py options]
#   --write-docs  replace the generated section of docs/performance.md and docs/performance.png
# Environment: FAIRLINT_CORPORA (default ../shared/corpora), CARGO_TARGET_DIR (default target).
# Output: target/bench-compare/ (compare.md, compare.json, performance.png, the N-Triples inputs).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/bench-env.sh
source scripts/bench-env.sh

cargo build --quiet --release -p fair-core --example shacl_bench --example to_ntriples
"$BENCH_PY" bench/compare.py \
    --fairlint "$TARGET_DIR/release/examples/shacl_bench" \
    --to-ntriples "$TARGET_DIR/release/examples/to_ntriples" \
    --corpora "$CORPORA" "$@"
