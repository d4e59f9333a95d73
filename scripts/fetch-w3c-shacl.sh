#!/usr/bin/env bash
# Fetch the W3C SHACL test suite (data-shapes-test-suite) for crates/fair-shacl/tests/w3c_shacl.rs.
#
# The suite is taken from the pinned pySHACL source distribution on PyPI, which carries an
# unmodified-layout copy under test/resources/sht_tests/ (core/, sparql/, manifest.ttl).
# The sdist's sha256 is hard-coded; a mismatch aborts.  Output: target/w3c-shacl/ (gitignored).
#
# Usage:   scripts/fetch-w3c-shacl.sh        (from anywhere in the repo)
# Needs:   bash, python3 with pip, sha256sum, tar; network access to PyPI only.
# Idempotent: does nothing when the extracted suite of this version is already present.
#
# Note: pySHACL's copy differs from the W3C repository in three places: it lists
# sparql/component/nodeValidator-001.ttl in the sparql/component manifest (W3C does not), it
# changes one literal in core/property/or-datatypes-001.ttl, and it has whitespace-only changes.
set -euo pipefail

PYSHACL_VERSION=0.30.1
PYSHACL_FILE="pyshacl-${PYSHACL_VERSION}.tar.gz"
PYSHACL_SHA256=df712ac961b1ee7bcf0b27fa71ecab7785a135b2af69783ce30cb05fe41bcaf5

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$repo_root/target/w3c-shacl"
stamp="$out/.source"
expected_stamp="pyshacl==${PYSHACL_VERSION} sha256=${PYSHACL_SHA256}"

if [[ -f "$stamp" && "$(cat "$stamp")" == "$expected_stamp" && -f "$out/manifest.ttl" ]]; then
    echo "W3C SHACL suite already present in $out ($expected_stamp)"
    exit 0
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/fairlint-w3c-shacl.XXXXXX")"
trap 'rm -rf "$work"' EXIT

python3 -m pip download --quiet --no-deps --no-binary :all: \
    "pyshacl==${PYSHACL_VERSION}" -d "$work"

archive="$work/$PYSHACL_FILE"
[[ -f "$archive" ]] || { echo "error: pip did not produce $PYSHACL_FILE" >&2; exit 1; }
actual="$(sha256sum "$archive" | cut -d' ' -f1)"
if [[ "$actual" != "$PYSHACL_SHA256" ]]; then
    echo "error: sha256 mismatch for $PYSHACL_FILE: expected $PYSHACL_SHA256, got $actual" >&2
    exit 1
fi

tar -xzf "$archive" -C "$work" "pyshacl-${PYSHACL_VERSION}/test/resources/sht_tests"
rm -rf "$out"
mkdir -p "$(dirname "$out")"
mv "$work/pyshacl-${PYSHACL_VERSION}/test/resources/sht_tests" "$out"
echo "$expected_stamp" > "$stamp"
echo "W3C SHACL suite extracted to $out ($expected_stamp)"
