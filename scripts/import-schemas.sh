#!/usr/bin/env bash
# Regenerate the bundled JSON Schemas in crates/fair-ingest/data/schemas/ that come from registry
# packages (the DataCite JSON Schema), checking the pinned sha256 of each package.
#
# The bio.tools schema (biotools-3.3.0.schema.json) is written by hand from the
# biotoolsSchema 3.3.0 specification: no registry package ships biotoolsSchema's JSON
# Schema. See crates/fair-ingest/data/schemas/PROVENANCE.md.
#
# Usage:   scripts/import-schemas.sh            (from anywhere in the repo)
# Needs:   bash, python3, pip, sha256sum, network access to PyPI only.
# Output is byte-identical on every run (files copied verbatim).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out_dir="$repo_root/crates/fair-ingest/data/schemas"
mkdir -p "$out_dir"

work="$(mktemp -d "${TMPDIR:-/tmp}/fairlint-schemas.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# shellcheck source=lib/fetch.sh
source "$repo_root/scripts/lib/fetch.sh"

DATACITE_VER=1.4.1
DATACITE_FILE=datacite-1.4.1-py3-none-any.whl
DATACITE_SHA=782ca32fe423c66bc74d7b4ee39cb22190c128e1e61a188becda12fd6f91d23b

whl="$(fetch_pypi datacite "$DATACITE_VER" "$DATACITE_FILE" "$DATACITE_SHA")"

python3 - "$whl" "$out_dir" <<'PY'
import sys, zipfile
whl, out = sys.argv[1:]
with zipfile.ZipFile(whl) as z:
    # The wheel's licence must still be the one PROVENANCE.md records.
    meta = z.read("datacite-1.4.1.dist-info/METADATA").decode()
    assert "License-Expression: BSD-3-Clause" in meta, "datacite wheel licence changed"
    data = z.read("datacite/schemas/datacite-v4.5.json")
with open(f"{out}/datacite-v4.5.json", "wb") as f:
    f.write(data)
print(f"wrote {out}/datacite-v4.5.json ({len(data)} bytes)", file=sys.stderr)
PY
