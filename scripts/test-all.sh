#!/usr/bin/env bash
# The test command: installs what the tests need and runs every test. Each part is its own
# script so it can also be run alone:
#   scripts/test-rust.sh    fmt, clippy (native + wasm32), Rust tests incl. W3C SHACL and the
#                           shared test vectors, the CLI end to end, the wasm32 build
#   scripts/test-fuzz.sh    fuzz smoke: every cargo-fuzz target for 20 s (nightly toolchain,
#                           pinned cargo-fuzz), seeded from the vectors and fuzz/regressions
#   scripts/test-python.sh  venv with maturin + pytest, the Python binding and its tests, and the
#                           release abi3 wheel tested in a fresh venv with no Rust on PATH
#   scripts/test-wasm.sh    Chromium (apt), npm packages, pinned wasm-bindgen-cli, the npm
#                           package, its Node tests and the validator page in headless Chromium,
#                           and the npm pack tarball installed offline into a scratch project
#   scripts/test-docs.sh    pinned mdbook, the generated site pages current, the book built, its
#                           links checked
#   scripts/test-ecosystem.sh  pinned pre-commit running the hook on a scratch repository, the
#                           GitHub Action's structure, the man page rendered
# Needs a Rust toolchain (rustup; stable, plus nightly for the fuzz smoke), python3 with venv,
# Node 20 with npm, root for apt-get (or sudo), and the package registries the first time.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
bash scripts/test-rust.sh
bash scripts/test-fuzz.sh
bash scripts/test-python.sh
bash scripts/test-wasm.sh
bash scripts/test-docs.sh
bash scripts/test-ecosystem.sh
printf '\n==> all tests passed in %s s\n' "$((SECONDS - started))"
