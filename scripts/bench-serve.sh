#!/usr/bin/env bash
# Load test of `fairlint serve` (issue 19), loopback only: starts the release service on a
# free 127.0.0.1 port with -j JOBS (default 2), then fair-cli/examples/serve_load.rs sends
# REQUESTS (default 10,000) requests from CLIENTS (default 32) concurrent clients over the
# test vectors, checks every answer against `fairlint check --format json` for the same bytes,
# samples the service's RSS from /metrics, and prints requests/s and p50/p99 latency. Ends the
# service with SIGTERM and checks it exits 0. Not part of CI; bounded (count and time).
#
# Usage: scripts/bench-serve.sh [CLIENTS] [REQUESTS] [JOBS]
# Environment: CARGO_TARGET_DIR (default target).
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${1:-32}
REQUESTS=${2:-10000}
JOBS=${3:-2}
TARGET_DIR=${CARGO_TARGET_DIR:-target}

cargo build --quiet --release -p fair-cli --bin fairlint --example serve_load
OUT=$TARGET_DIR/bench-serve
mkdir -p "$OUT"
"$TARGET_DIR/release/fairlint" serve --host 127.0.0.1 --port 0 -j "$JOBS" \
    >"$OUT/serve.out" 2>"$OUT/serve.err" &
PID=$!
trap 'kill -TERM "$PID" 2>/dev/null || true' EXIT
ADDR=
for _ in $(seq 100); do
    ADDR=$(sed -n 's|^fairlint serve: listening on http://||p' "$OUT/serve.out")
    [ -n "$ADDR" ] && break
    sleep 0.1
done
if [ -z "$ADDR" ]; then
    echo "the service did not start:" >&2
    cat "$OUT/serve.err" >&2
    exit 2
fi
echo "fairlint serve on $ADDR (pid $PID, -j $JOBS, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
timeout 600 "$TARGET_DIR/release/examples/serve_load" --addr "$ADDR" \
    --cli "$TARGET_DIR/release/fairlint" --clients "$CLIENTS" --requests "$REQUESTS"
kill -TERM "$PID"
trap - EXIT
if wait "$PID"; then
    echo "service stopped on SIGTERM with exit 0; load after: $(cut -d' ' -f1-3 /proc/loadavg)"
else
    echo "service exited $? on SIGTERM" >&2
    exit 1
fi
