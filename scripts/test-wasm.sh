#!/usr/bin/env bash
# WebAssembly / JavaScript face: installs what its tests need (Debian's chromium, the npm
# packages pinned in bindings-wasm/package-lock.json, the pinned wasm-bindgen-cli), builds the
# npm package (bindings-wasm/build.sh), then runs against the BUILT package:
#   - the shared test vectors and API tests on Node (node --test), every report compared with
#     the Rust CLI's JSON report for the same input;
#   - the TypeScript declarations, type-checked with tsc against a usage example;
#   - the package's gzipped size against its budget (DESIGN.md section 7);
#   - the validator page end to end in headless Chromium (playwright-core), which also prints
#     engine construction and per-record validation times and saves target/e2e/validator.png.
# Idempotent; re-runs skip installs that are already in place.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
ROOT="$PWD"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$ROOT/$TARGET_DIR" ;; esac
step() { printf '\n==> %s\n' "$*"; }
# fair-rules embeds rocrate-validator's profiles (fetched, not committed); a no-op once present.
bash scripts/import-rocrate-profiles.sh

step "Chromium (Debian package) for the browser test"
if [ ! -x /usr/bin/chromium ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium
fi
/usr/bin/chromium --version

step "npm packages (bindings-wasm/package-lock.json)"
LOCK_SUM="$(sha256sum bindings-wasm/package-lock.json | cut -d' ' -f1)"
if [ "$(cat bindings-wasm/node_modules/.fairlint-lock 2>/dev/null || true)" != "$LOCK_SUM" ]; then
  (cd bindings-wasm && npm ci --no-audit --no-fund)
  echo "$LOCK_SUM" >bindings-wasm/node_modules/.fairlint-lock
else
  echo "up to date"
fi

step "build the npm package (bindings-wasm/build.sh)"
bash bindings-wasm/build.sh

step "size: the WebAssembly package within its budget (DESIGN.md section 7: <= 1.5 MB gzipped)"
WASM_BUDGET=1500000
WASM_GZ=$(gzip -9 -c bindings-wasm/pkg/fairlint_wasm_bg.wasm | wc -c)
echo "fairlint_wasm_bg.wasm: $WASM_GZ bytes gzip -9 (budget $WASM_BUDGET, margin $((WASM_BUDGET - WASM_GZ)))"
if [ "$WASM_GZ" -gt "$WASM_BUDGET" ]; then
  echo "the WebAssembly package is over its size budget" >&2
  exit 1
fi

step "the fairlint CLI, for the Rust side of the report comparison"
cargo build --quiet -p fair-cli
export FAIRLINT_BIN="$TARGET_DIR/debug/fairlint"

step "Node: shared test vectors and API tests against bindings-wasm/pkg"
(cd bindings-wasm && node --test tests/vectors.test.mjs tests/api.test.mjs tests/adversarial.test.mjs)

step "TypeScript: the package's declarations type-check (tsc --strict)"
(cd bindings-wasm && node_modules/.bin/tsc -p tests/types/tsconfig.json && echo "types ok")

step "browser: the validator page in headless Chromium"
(cd bindings-wasm && E2E_OUT="$TARGET_DIR/e2e" node --test tests/e2e/validator.e2e.mjs)
echo "screenshot: $TARGET_DIR/e2e/validator.png"

step "npm: pack the package, install the tarball into a scratch project offline, use it from Node"
# What users get from `npm install fairlint`: the tarball `npm pack` makes of bindings-wasm/pkg.
# It has no dependencies, so the install needs no registry (--offline makes sure of that).
PACKED="$TARGET_DIR/npm-installed"
rm -rf "$PACKED"
mkdir -p "$PACKED/project"
TARBALL="$(cd bindings-wasm/pkg && npm pack --silent --pack-destination "$PACKED" | tail -n 1)"
echo "tarball: $TARBALL ($(du -k "$PACKED/$TARBALL" | cut -f1) KiB)"
(
  cd "$PACKED/project"
  printf '{ "name": "fairlint-install-check", "private": true, "type": "module" }\n' >package.json
  npm install --offline --no-audit --no-fund --loglevel=error "$PACKED/$TARBALL"
  cp "$ROOT/bindings-wasm/tests/installed/installed.test.mjs" .
  FAIRLINT_ROOT="$ROOT" node --test installed.test.mjs
)
