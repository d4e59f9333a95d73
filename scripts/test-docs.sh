#!/usr/bin/env bash
# The documentation site (docs/site, mdBook): its generated pages are current (the fair-core
# docs test), it builds with the pinned mdbook, and no link inside it is broken.
#   mdbook: crates.io, pinned, `cargo install --locked` once into
#   ${FAIRLINT_TOOLS:-~/.cache/fairlint-tools}/mdbook-<version> (outside the work tree, so a
#   fresh clone reuses it); without its `serve`/`watch` features (not needed to build).
# The book is built into target/docs-site/ (open target/docs-site/index.html).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
ROOT="$PWD"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$ROOT/$TARGET_DIR" ;; esac
MDBOOK_VERSION=0.5.4
TOOLS="${FAIRLINT_TOOLS:-$HOME/.cache/fairlint-tools}"
step() { printf '\n==> %s\n' "$*"; }
bash scripts/import-rocrate-profiles.sh

step "mdbook ${MDBOOK_VERSION} (crates.io) in $TOOLS/mdbook-${MDBOOK_VERSION}"
MDBOOK="$TOOLS/mdbook-${MDBOOK_VERSION}/bin/mdbook"
if [ "$("$MDBOOK" --version 2>/dev/null || true)" != "mdbook v${MDBOOK_VERSION}" ]; then
  cargo install --locked --quiet "mdbook@${MDBOOK_VERSION}" --no-default-features --features search \
    --root "$TOOLS/mdbook-${MDBOOK_VERSION}"
fi
"$MDBOOK" --version

step "generated pages are current (rules, indicators, profiles, SUMMARY.md)"
cargo test --quiet -p fair-core --test docs

step "build the book"
OUT="$TARGET_DIR/docs-site"
rm -rf "$OUT"
"$MDBOOK" build docs/site -d "$OUT" 2>"$TARGET_DIR/docs-site.log" || {
  cat "$TARGET_DIR/docs-site.log" >&2
  exit 1
}
cat "$TARGET_DIR/docs-site.log"
# mdBook reports problems it can work around (a missing include, an unknown anchor) as warnings
# or errors in its log without failing: any of them fails the build here.
if grep -E "\b(WARN|ERROR)\b" "$TARGET_DIR/docs-site.log"; then
  echo "mdbook reported problems" >&2
  exit 1
fi
pages=$(find "$OUT" -name '*.html' | wc -l)
echo "built $pages HTML pages in $OUT"
[ -f "$OUT/rules/R010.html" ] && [ -f "$OUT/indicators/RDA-F1-01M.html" ] || {
  echo "the generated pages are missing from the build" >&2
  exit 1
}

step "no broken link inside the book"
python3 scripts/lib/check_links.py "$OUT"
