#!/usr/bin/env bash
# fairlint's SHACL engine against pySHACL on identical shapes and data (results checked equal
# first). Usage: scripts/bench-pyshacl.sh [CORPUS_DIR] [ROUNDS]
# CORPUS_DIR defaults to ../shared/corpora/biotools (the bio.tools Bioschemas JSON-LD records).
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${1:-../shared/corpora/biotools}
ROUNDS=${2:-5}
PYSHACL_VERSION=0.30.1
SHAPES=fair-core/benches/shapes/computational-tool.ttl
OUT=target/bench-pyshacl

if [ ! -x .venv-bench/bin/python ]; then python3 -m venv .venv-bench; fi
.venv-bench/bin/pip install --quiet --disable-pip-version-check "pyshacl==${PYSHACL_VERSION}"
cargo build --quiet --release -p fair-core --example shacl_bench --example to_ntriples
rm -rf "$OUT" && mkdir -p "$OUT"
find "$CORPUS" -name '*.bioschemas.jsonld' -print0 | sort -z \
    | xargs -0 target/release/examples/to_ntriples "$OUT/nt" >/dev/null
.venv-bench/bin/python bench/pyshacl_compare.py "$SHAPES" "$OUT/nt" target/release/examples/shacl_bench "$ROUNDS"
