#!/usr/bin/env bash
# Python: a venv with pinned maturin and pytest, the binding built into it, its tests.
set -euo pipefail
cd "$(dirname "$0")/.."
MATURIN_VERSION=1.16.0
PYTEST_VERSION=8.4.2
step() { printf '\n==> %s\n' "$*"; }

step "Python: venv with maturin ${MATURIN_VERSION} and pytest ${PYTEST_VERSION}"
if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
.venv/bin/pip install --quiet --disable-pip-version-check "maturin==${MATURIN_VERSION}" "pytest==${PYTEST_VERSION}"

step "Python: build the binding into the venv"
VIRTUAL_ENV="$PWD/.venv" PATH="$PWD/.venv/bin:$PATH" \
    .venv/bin/maturin develop --quiet --manifest-path bindings-python/Cargo.toml

step "Python: tests"
cargo build --quiet -p fair-cli   # the cross-face test compares with the CLI's bytes
.venv/bin/python -m pytest bindings-python/tests -q
