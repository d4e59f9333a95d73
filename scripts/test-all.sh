#!/usr/bin/env bash
# Installs what the tests need and runs every test: Rust (unit, W3C SHACL conformance, shared
# test vectors, CLI end to end), wasm32 builds, Python (binding + shared vectors).
# Needs: a Rust toolchain (rustup), python3 with venv, network access to the package
# registries (crates.io, PyPI) the first time. Safe to run repeatedly.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
MATURIN_VERSION=1.16.0
PYTEST_VERSION=8.4.2

step() { printf '\n==> %s\n' "$*"; }
started=$SECONDS

step "toolchain: rustfmt, clippy, wasm32-unknown-unknown target"
rustup component add rustfmt clippy >/dev/null 2>&1 || true
rustup target add wasm32-unknown-unknown

step "reference data: W3C SHACL test suite from the pinned pyshacl sdist (PyPI)"
bash scripts/fetch-w3c-shacl.sh

step "format"
cargo fmt --all -- --check

step "clippy, native (all targets, warnings are errors)"
cargo clippy --workspace --all-targets -- -D warnings

step "clippy, wasm32-unknown-unknown (fair-core, bindings-wasm)"
cargo clippy -p fair-core -p bindings-wasm --target wasm32-unknown-unknown -- -D warnings

step "Rust tests (unit, doc, W3C SHACL, test vectors, CLI)"
cargo test --workspace --exclude bindings-python

step "fair-core builds for wasm32-unknown-unknown"
cargo build -p fair-core -p bindings-wasm --target wasm32-unknown-unknown

step "Python: venv with maturin and pytest, build the binding, run its tests"
if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
.venv/bin/pip install --quiet --disable-pip-version-check "maturin==${MATURIN_VERSION}" "pytest==${PYTEST_VERSION}"
VIRTUAL_ENV="$PWD/.venv" PATH="$PWD/.venv/bin:$PATH" \
    .venv/bin/maturin develop --quiet --manifest-path bindings-python/Cargo.toml
.venv/bin/python -m pytest bindings-python/tests -q

step "all tests passed in $((SECONDS - started)) s"
