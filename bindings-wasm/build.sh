#!/usr/bin/env bash
# Builds the npm package `fairlint` into bindings-wasm/pkg/ and the validator page's assets into
# bindings-wasm/www/ (vendor/ and examples/, both generated and gitignored).
#
#   bash bindings-wasm/build.sh            # release build (profile wasm-release) + wasm-opt -Oz
#   FAIRLINT_WASM_PROFILE=dev bash bindings-wasm/build.sh   # quick unoptimised build
#
# Tools, all from registries (wasm-pack and similar download binaries and cannot be used):
# - wasm-bindgen-cli, pinned to the exact wasm-bindgen version of Cargo.toml; taken from PATH when
#   the version matches, else installed once with `cargo install` into
#   ${FAIRLINT_TOOLS:-~/.cache/fairlint-tools}/wasm-bindgen-<version> (outside the work tree, so a
#   fresh clone reuses it).
# - wasm-opt from the npm package `binaryen` pinned in bindings-wasm/package-lock.json
#   (`npm ci` in bindings-wasm), else a wasm-opt on PATH; skipped with a note if neither works.
#   Its output is cached by input hash in ${FAIRLINT_TOOLS:-~/.cache/fairlint-tools}/wasm-opt-cache.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
WB_VERSION="0.2.130"
PROFILE="${FAIRLINT_WASM_PROFILE:-wasm-release}"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$ROOT/$TARGET_DIR" ;; esac
PKG="$HERE/pkg"
WWW="$HERE/www"

say() { printf '[build.sh] %s\n' "$*" >&2; }

# --- wasm-bindgen-cli ---------------------------------------------------------------------------
find_wasm_bindgen() {
  if command -v wasm-bindgen >/dev/null 2>&1 &&
    [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $WB_VERSION" ]; then
    command -v wasm-bindgen
    return
  fi
  local root="${FAIRLINT_TOOLS:-$HOME/.cache/fairlint-tools}/wasm-bindgen-$WB_VERSION"
  if [ -x "$root/bin/wasm-bindgen" ] &&
    [ "$("$root/bin/wasm-bindgen" --version 2>/dev/null)" = "wasm-bindgen $WB_VERSION" ]; then
    echo "$root/bin/wasm-bindgen"
    return
  fi
  say "installing wasm-bindgen-cli $WB_VERSION into $root (once; takes a few minutes)"
  # --locked first; the registry mirror here lacks one crate version of the upstream lock file
  # (webpki-roots 1.0.11), so fall back to a fresh resolution of the same wasm-bindgen-cli.
  CARGO_TARGET_DIR="$TARGET_DIR/wasm-bindgen-cli" \
    cargo install --quiet --locked wasm-bindgen-cli --version "$WB_VERSION" --root "$root" >&2 ||
    CARGO_TARGET_DIR="$TARGET_DIR/wasm-bindgen-cli" \
      cargo install --quiet wasm-bindgen-cli --version "$WB_VERSION" --root "$root" >&2
  echo "$root/bin/wasm-bindgen"
}

find_wasm_opt() {
  local candidate
  for candidate in "$HERE/node_modules/.bin/wasm-opt" "$(command -v wasm-opt 2>/dev/null || true)"; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    if "$candidate" --version >/dev/null 2>&1; then
      echo "$candidate"
      return
    fi
  done
}

WASM_BINDGEN="$(find_wasm_bindgen)"

# --- cargo build --------------------------------------------------------------------------------
if command -v rustup >/dev/null 2>&1 && ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown >&2
fi
say "cargo build --profile $PROFILE --target wasm32-unknown-unknown -p bindings-wasm"
(cd "$ROOT" && cargo build --quiet --profile "$PROFILE" --target wasm32-unknown-unknown -p bindings-wasm)
case "$PROFILE" in dev) OUT_PROFILE=debug ;; *) OUT_PROFILE="$PROFILE" ;; esac
RAW_WASM="$TARGET_DIR/wasm32-unknown-unknown/$OUT_PROFILE/bindings_wasm.wasm"

# --- wasm-bindgen -> pkg/ -----------------------------------------------------------------------
rm -rf "$PKG"
mkdir -p "$PKG"
"$WASM_BINDGEN" --target web --out-dir "$PKG" --out-name fairlint_wasm "$RAW_WASM"

# --- wasm-opt -----------------------------------------------------------------------------------
WASM="$PKG/fairlint_wasm_bg.wasm"
if [ "$PROFILE" != dev ]; then
  # wasm-opt (binaryen.js) takes minutes: its output is cached by the input's hash, outside the
  # work tree so that fresh clones reuse it.
  CACHE="${FAIRLINT_TOOLS:-$HOME/.cache/fairlint-tools}/wasm-opt-cache"
  KEY="$(sha256sum "$WASM" | cut -d' ' -f1)-converge"
  WASM_OPT="$(find_wasm_opt)"
  if [ -f "$CACHE/$KEY.wasm" ]; then
    say "wasm-opt -Oz: cached ($CACHE/$KEY.wasm)"
    cp "$CACHE/$KEY.wasm" "$WASM"
  elif [ -n "$WASM_OPT" ]; then
    say "$WASM_OPT -Oz --converge ($("$WASM_OPT" --version))"
    # The features rustc enables by default for wasm32-unknown-unknown.
    # --converge repeats the passes while they still shrink the module (~4 KB gzip).
    "$WASM_OPT" -Oz --converge --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      -o "$WASM.opt" "$WASM"
    mkdir -p "$CACHE"
    cp "$WASM.opt" "$CACHE/$KEY.wasm"
    (cd "$CACHE" && ls -t | tail -n +4 | xargs -r rm -f) # keep the 3 newest
    mv "$WASM.opt" "$WASM"
  else
    say "note: no working wasm-opt (run 'npm ci' in bindings-wasm for the pinned npm 'binaryen'); skipping -Oz"
  fi
fi

# --- package layout -----------------------------------------------------------------------------
SNIPPET="$(cd "$PKG" && ls -d snippets/*/js/errors.js)"
VERSION="$(sed -n 's/^version = "\(.*\)"/\1/p' "$ROOT/Cargo.toml" | head -n 1)"
sed "s#__ERRORS__#./$SNIPPET#" "$HERE/js/errors-entry.js" >"$PKG/errors.js"
cp "$HERE/js/index.js" "$HERE/js/node.js" "$HERE/js/fairlint.d.ts" "$HERE/js/README.md" "$PKG/"
rm -f "$PKG/.gitignore"
sed "s#__VERSION__#$VERSION#" "$HERE/js/package.json" >"$PKG/package.json"

# --- validator page assets ----------------------------------------------------------------------
rm -rf "$WWW/vendor" "$WWW/examples"
mkdir -p "$WWW/vendor" "$WWW/examples"
cp -r "$PKG" "$WWW/vendor/fairlint"
node "$HERE/www/make-examples.mjs" "$ROOT" "$WWW/examples"

RAW_SIZE=$(wc -c <"$WASM")
GZ_SIZE=$(gzip -9 -c "$WASM" | wc -c)
say "package: $PKG (fairlint $VERSION); fairlint_wasm_bg.wasm $RAW_SIZE bytes raw, $GZ_SIZE bytes gzip -9"
