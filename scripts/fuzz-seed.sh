#!/usr/bin/env bash
# Seeds each fuzz target's corpus from the shared test vectors (and examples/).
set -euo pipefail
cd "$(dirname "$0")/.."
seed() { # target, file patterns...
    local target=$1; shift
    mkdir -p "fuzz/corpus/$target"
    for f in "$@"; do [ -f "$f" ] && cp "$f" "fuzz/corpus/$target/"; done
    return 0
}
shopt -s nullglob globstar
seed parse_jsonld test-vectors/cases/**/*.json test-vectors/cases/**/*.jsonld examples/*.jsonld
seed parse_turtle test-vectors/cases/**/*.ttl shapes/**/*.ttl
seed parse_trig test-vectors/cases/**/*.trig
seed parse_ntriples test-vectors/cases/**/*.nt
seed parse_nquads test-vectors/cases/**/*.nq
seed parse_rdfxml test-vectors/cases/**/*.rdf
seed parse_html test-vectors/cases/**/*.html
seed parse_biotools test-vectors/cases/biotools/*.json
seed parse_datacite test-vectors/cases/datacite/*.json test-vectors/cases/datacite/*.xml
seed shapes test-vectors/cases/shapes/*.ttl shapes/**/*.ttl
seed validate test-vectors/cases/**/*.* examples/*
for d in fuzz/corpus/*; do echo "$(ls "$d" | wc -l) seeds in $d"; done
