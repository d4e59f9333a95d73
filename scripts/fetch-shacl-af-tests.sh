#!/usr/bin/env bash
# Fetch the SHACL Advanced Features tests (TopBraid/DASH test cases for sh:target, rules, node
# expressions and SPARQL functions) for crates/fair-shacl/tests/shacl_af.rs.
#
# They come from the pinned pySHACL source distribution on PyPI (the same artifact as
# scripts/fetch-w3c-shacl.sh), which carries them under test/resources/dash_tests/{target,
# rules,expression,function}/. The sdist's sha256 is hard-coded; a mismatch aborts.
# Output: target/shacl-af-tests/ (gitignored), files unchanged.
#
# Usage:   scripts/fetch-shacl-af-tests.sh        (from anywhere in the repo)
# Needs:   bash, python3 with pip, sha256sum, tar; network access to PyPI only.
# Idempotent: does nothing when the extracted tests of this version are already present.
set -euo pipefail

PYSHACL_VERSION=0.30.1
PYSHACL_FILE="pyshacl-${PYSHACL_VERSION}.tar.gz"
PYSHACL_SHA256=df712ac961b1ee7bcf0b27fa71ecab7785a135b2af69783ce30cb05fe41bcaf5

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$repo_root/target/shacl-af-tests"
stamp="$out/.source"
expected_stamp="pyshacl==${PYSHACL_VERSION} sha256=${PYSHACL_SHA256}"

if [[ -f "$stamp" && "$(cat "$stamp")" == "$expected_stamp" && -d "$out/rules" ]]; then
    echo "SHACL-AF tests already present in $out ($expected_stamp)"
    exit 0
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/fairlint-shacl-af.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# log, verify_sha256, fetch_pypi, fetch_npm
# shellcheck source=lib/fetch.sh
source "$repo_root/scripts/lib/fetch.sh"

archive="$(fetch_pypi pyshacl "$PYSHACL_VERSION" "$PYSHACL_FILE" "$PYSHACL_SHA256" sdist)"

dash="pyshacl-${PYSHACL_VERSION}/test/resources/dash_tests"
tar -xzf "$archive" -C "$work" "$dash/target" "$dash/rules" "$dash/expression" "$dash/function"
rm -rf "$out"
mkdir -p "$(dirname "$out")"
mv "$work/$dash" "$out"
echo "$expected_stamp" > "$stamp"
echo "SHACL-AF tests extracted to $out ($expected_stamp)"
