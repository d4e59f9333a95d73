#!/usr/bin/env bash
# Online mode: wall time per record against a local HTTP server on 127.0.0.1 (started by the
# test harness; nothing leaves the machine), cold (empty cache) and cached, with the default
# per-host pacing and without it. One engine, one client, in process (release build).
#   scripts/bench-online.sh [N]     N records per series (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
FAIRLINT_BENCH_N="${1:-20}" \
    cargo test --quiet --release -p fair-cli --test online -- --ignored --nocapture --exact timing
