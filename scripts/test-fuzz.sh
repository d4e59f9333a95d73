#!/usr/bin/env bash
# Fuzz smoke for CI: every cargo-fuzz target in fuzz/Cargo.toml runs for a short time, seeded
# from the test vectors (scripts/fuzz-seed.sh) and the committed regression inputs
# (fuzz/regressions/<target>/). Any crash, timeout (-timeout, seconds per input) or memory blow-up
# (-rss_limit_mb) fails the run and prints the input that caused it.
#
# Needs a nightly toolchain (cargo-fuzz builds with sanitizers); installs the pinned cargo-fuzz
# into ~/.cargo/bin once. Without nightly it stops with an error: the smoke is never skipped
# silently.
#
#   FUZZ_SECONDS=20           time per target
#   FUZZ_TARGET_DIR=fuzz/target  where the fuzz build goes (separate from the workspace build)
#   FUZZ_TARGETS="a b"        only these targets
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
CARGO_FUZZ_VERSION=0.13.2
seconds=${FUZZ_SECONDS:-20}
target_dir=${FUZZ_TARGET_DIR:-fuzz/target}
step() { printf '\n==> %s\n' "$*"; }
# fair-rules embeds rocrate-validator's profiles (fetched, not committed); a no-op once present.
bash scripts/import-rocrate-profiles.sh
started=$SECONDS

if ! cargo +nightly --version >/dev/null 2>&1; then
    cat >&2 <<'EOF'

!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
!!! fuzz smoke NOT RUN: no nightly Rust toolchain (`cargo +nightly` fails).                    !!!
!!! Install it with `rustup toolchain install nightly`, then rerun scripts/test-fuzz.sh.       !!!
!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
EOF
    exit 1
fi

step "cargo-fuzz $CARGO_FUZZ_VERSION"
if [ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
    cargo install --locked "cargo-fuzz@$CARGO_FUZZ_VERSION"
fi
cargo fuzz --version

step "seed corpora"
bash scripts/fuzz-seed.sh

targets=${FUZZ_TARGETS:-$(cargo +nightly fuzz list --fuzz-dir fuzz)}
[ -n "$targets" ] || { echo "no fuzz targets found in fuzz/Cargo.toml" >&2; exit 1; }

step "build every fuzz target (nightly, sanitizers; target dir $target_dir)"
build_started=$SECONDS
cargo +nightly fuzz build --fuzz-dir fuzz --target-dir "$target_dir"
echo "fuzz build took $((SECONDS - build_started)) s"

failed=()
logs=$(mktemp -d)
for t in $targets; do
    step "fuzz $t for $seconds s"
    mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t"
    corpora=("fuzz/corpus/$t")
    if [ -d "fuzz/regressions/$t" ]; then corpora+=("fuzz/regressions/$t"); fi
    # Artifacts from an earlier run are not this run's failures.
    rm -f "fuzz/artifacts/$t"/crash-* "fuzz/artifacts/$t"/timeout-* "fuzz/artifacts/$t"/oom-* \
        "fuzz/artifacts/$t"/leak-* "fuzz/artifacts/$t"/slow-unit-*
    if cargo +nightly fuzz run --fuzz-dir fuzz --target-dir "$target_dir" "$t" "${corpora[@]}" -- \
        -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        >"$logs/$t.log" 2>&1; then
        grep -E "^stat::number_of_executed_units|^#[0-9]+.*DONE" "$logs/$t.log" | tail -2 || true
    else
        failed+=("$t")
        echo "!!! $t FAILED; last lines of its log:" >&2
        tail -40 "$logs/$t.log" >&2
        for a in "fuzz/artifacts/$t"/*; do
            [ -f "$a" ] || continue
            echo "--- artifact $a ($(wc -c <"$a") bytes), base64:" >&2
            base64 "$a" | head -c 4000 >&2
            echo >&2
        done
    fi
done

printf '\n==> fuzz smoke: %s targets, %s s each, %s s in all\n' \
    "$(echo "$targets" | wc -w)" "$seconds" "$((SECONDS - started))"
if [ ${#failed[@]} -gt 0 ]; then
    echo "!!! fuzz smoke failed for: ${failed[*]} (inputs in fuzz/artifacts/<target>/; add them to fuzz/regressions/<target>/ once fixed)" >&2
    exit 1
fi
