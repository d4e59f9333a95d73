#!/usr/bin/env bash
# Fetch rocrate-validator's RO-Crate profiles (PyPI roc-validator, Apache-2.0) from the pinned
# registry wheel into shapes/rocrate-validator/profiles/. They are upstream files, unchanged, so
# they are not committed (.gitignore): fair-rules' build.rs embeds them and stops with a message
# naming this script when they are missing; the test scripts and the README's first command run
# it. PROVENANCE.md (the pin: every file's size and sha256) and LICENSE are committed.
#
# Every profile's SHACL files (`must/`, `should/`, `may/`), `ontology.ttl` and `profile.ttl` are
# copied byte for byte; the package's Python checks are not (fairlint implements them as native
# rules, see docs/architecture.md). PROVENANCE.md lists each file with its size and sha256, and
# fair-rules' test `upstream_files_match_provenance` checks the embedded files against it.
#
# fair-core/tests/rocrate_upstream_shapes.rs runs fairlint's SHACL engine on every profile.
#
# Usage:   scripts/import-rocrate-profiles.sh   (from anywhere in the repo)
# Needs:   bash, python3, pip, sha256sum; network access to PyPI only (the first time).
# Idempotent: does nothing when every file PROVENANCE.md lists is present with its sha256.
# Output is byte-identical on every run.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out_dir="$repo_root/shapes/rocrate-validator"

ROC_VALIDATOR_VER=0.13.0
ROC_VALIDATOR_FILE=roc_validator-0.13.0-py3-none-any.whl
ROC_VALIDATOR_SHA=1d27d8f62f376d8c0ee3701a433acbf27355e1f42748e1c5aeb1bd0b9e10e9ac

if python3 - "$out_dir" <<'PY'
import hashlib, os, re, sys
out = sys.argv[1]
try:
    rows = re.findall(r"^\| `([^`]+)` \| \d+ \| `([0-9a-f]{64})` \|$",
                      open(os.path.join(out, "PROVENANCE.md"), encoding="utf-8").read(), re.M)
    ok = bool(rows) and all(
        hashlib.sha256(open(os.path.join(out, "profiles", rel), "rb").read()).hexdigest() == digest
        for rel, digest in rows)
except OSError:
    ok = False
sys.exit(0 if ok else 1)
PY
then
    echo "rocrate-validator $ROC_VALIDATOR_VER profiles already present in $out_dir/profiles"
    exit 0
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/fairlint-rocprofiles.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# shellcheck source=lib/fetch.sh
source "$repo_root/scripts/lib/fetch.sh"
whl="$(fetch_pypi roc-validator "$ROC_VALIDATOR_VER" "$ROC_VALIDATOR_FILE" "$ROC_VALIDATOR_SHA")"

rm -rf "$out_dir/profiles"
mkdir -p "$out_dir"
python3 - "$whl" "$out_dir" "$ROC_VALIDATOR_VER" "$ROC_VALIDATOR_SHA" <<'PY'
import hashlib, os, sys, zipfile

whl, out, ver, sha = sys.argv[1:]
z = zipfile.ZipFile(whl)
prefix = "rocrate_validator/profiles/"
files = []
for name in sorted(z.namelist()):
    if not name.startswith(prefix) or not name.endswith(".ttl"):
        continue
    rel = name[len(prefix):]
    data = z.read(name)
    dst = os.path.join(out, "profiles", rel)
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    with open(dst, "wb") as f:
        f.write(data)
    files.append((rel, len(data), hashlib.sha256(data).hexdigest()))
licence = [n for n in z.namelist() if n.endswith("dist-info/licenses/LICENSE") or n == "LICENSE"]
if not licence:
    sys.exit("no LICENSE in the wheel")
with open(os.path.join(out, "LICENSE"), "wb") as f:
    f.write(z.read(sorted(licence)[0]))
lines = [
    "# Provenance: rocrate-validator's RO-Crate profiles",
    "",
    f"- Source: PyPI `roc-validator=={ver}` (`roc_validator-{ver}-py3-none-any.whl`, sha256 `{sha}`),",
    "  the crs4/rocrate-validator project (https://github.com/crs4/rocrate-validator).",
    "- Files: `rocrate_validator/profiles/**/*.ttl` as `profiles/**`, copied unchanged by",
    "  `scripts/import-rocrate-profiles.sh` (rerun it to regenerate; the output is byte-identical).",
    "  Folders `must/`, `should/`, `may/` are rocrate-validator's requirement levels; fairlint",
    "  reports them as error / warning / info. The package's Python checks are not copied: fairlint",
    "  implements them as native rules (docs/architecture.md, \"RO-Crate family\").",
    "- Licence: Apache-2.0, (c) CRS4; `LICENSE` is the package's licence file.",
    "",
    "| file | bytes | sha256 |",
    "|---|---|---|",
]
lines += [f"| `{rel}` | {size} | `{digest}` |" for rel, size, digest in files]
with open(os.path.join(out, "PROVENANCE.md"), "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
print(f"ok  {len(files)} files -> {out}", file=sys.stderr)
PY
