#!/usr/bin/env bash
# Per-triple cost of reading and core checks from 1k to 1M triples, N-Triples and JSON-LD:
# the bare parser (oxttl / oxjsonld), `Document::parse_with`, `Engine::check` with the `core`
# profile, and peak RSS per size (bench/scaling.py, fair-core/examples/scaling.rs).
# Runs ~5 min on the busy 2-core machine (--quick: to 100k, ~1 min). Not part of CI.
#
# Usage: scripts/bench-scaling.sh [--quick] [--rounds N] [--write-docs]
# Environment: CARGO_TARGET_DIR (default target). Needs python3 and /usr/bin/time (Debian
# package `time`); no venv, no corpora.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET_DIR=${CARGO_TARGET_DIR:-target}
if [ ! -x /usr/bin/time ]; then
    echo "/usr/bin/time is needed for peak RSS (Debian: apt-get install time)" >&2
    exit 2
fi
nice -n 10 cargo build --quiet --release -p fair-core --example scaling
python3 bench/scaling.py --bin "$TARGET_DIR/release/examples/scaling" \
    --out "$TARGET_DIR/bench-scaling" "$@"
