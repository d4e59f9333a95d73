#!/usr/bin/env bash
# Fetch the SHACL shapes of every rocrate-validator profile (PyPI roc-validator, Apache-2.0:
# ro-crate/1.1, 1.2, 1.3, workflow-ro-crate, workflow-run-crate, process-run-crate,
# provenance-run-crate, workflow-testing-ro-crate, isa-ro-crate; each profile's .ttl files and
# its profile.ttl) from a pinned registry package, byte for byte, into
# target/rocrate-validator-shapes/<profile>/ (the wheel's layout under rocrate_validator/profiles/;
# not committed: they are verbatim upstream files, not generated data).
#
# fairlint's RO-Crate profiles are native rules (fair-core/src/rules/rocrate.rs) written from
# these shapes and the RO-Crate specification; the shapes are the reference those rules follow,
# and fair-core/tests/rocrate_upstream_shapes.rs runs the engine on them. scripts/test-rust.sh
# calls this script before the tests.
#
# Usage:   scripts/import-shapes.sh            (from anywhere in the repo)
# Needs:   bash, python3, pip, sha256sum; network access to PyPI only.
# Idempotent: does nothing when this version is already present. Output is byte-identical on
# every run (files are copied unchanged, PROVENANCE.md is fixed text).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out_dir="$repo_root/target/rocrate-validator-shapes"

ROC_VALIDATOR_VER=0.13.0
ROC_VALIDATOR_FILE=roc_validator-0.13.0-py3-none-any.whl
ROC_VALIDATOR_SHA=1d27d8f62f376d8c0ee3701a433acbf27355e1f42748e1c5aeb1bd0b9e10e9ac

# Present when PROVENANCE.md names this wheel and the all-profiles layout (an older run copied
# only ro-crate/1.1 and 1.2, at the top level).
if grep -qs "sha256 \`$ROC_VALIDATOR_SHA\`" "$out_dir/PROVENANCE.md" \
    && grep -qs "^- Layout: all profiles" "$out_dir/PROVENANCE.md"; then
    echo "rocrate-validator $ROC_VALIDATOR_VER shapes already present in $out_dir"
    exit 0
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/fairlint-shapes.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# log, verify_sha256, fetch_pypi, fetch_npm
# shellcheck source=lib/fetch.sh
source "$repo_root/scripts/lib/fetch.sh"

whl="$(fetch_pypi roc-validator "$ROC_VALIDATOR_VER" "$ROC_VALIDATOR_FILE" "$ROC_VALIDATOR_SHA")"

rm -rf "$out_dir"
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
    dst = os.path.join(out, rel)
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
    "# Provenance: RO-Crate SHACL shapes of rocrate-validator",
    "",
    f"- Source: PyPI `roc-validator=={ver}` (`roc_validator-{ver}-py3-none-any.whl`, sha256 `{sha}`),",
    "  the crs4/rocrate-validator project (https://github.com/crs4/rocrate-validator).",
    "- Files: `rocrate_validator/profiles/**/*.ttl` (every profile, with its `profile.ttl`),",
    "  copied unchanged to `<profile>/...` by `scripts/import-shapes.sh` (rerun it to",
    "  regenerate; the output is byte-identical).",
    "- Layout: all profiles, as in the wheel (`ro-crate/1.1/`, `workflow-ro-crate/`, ...).",
    "  Folders `must/`, `should/`, `may/` are the requirement levels (MUST -> sh:Violation,",
    "  SHOULD -> sh:Warning, MAY -> sh:Info). The Python checks of the package are not copied.",
    "- Licence: Apache-2.0, (c) CRS4; `LICENSE` is the package's licence file.",
    "- Use in fairlint: the reference for the native RO-Crate rules in",
    "  `fair-core/src/rules/rocrate.rs` (metadata descriptor and root data entity). The",
    "  profiles do not run these shapes; `fair-core/tests/rocrate_upstream_shapes.rs` checks",
    "  that fairlint's SHACL engine compiles every profile (SHACL Advanced Features, ECMAScript",
    "  regular expressions) and runs their rules.",
    "",
    "| file | bytes | sha256 |",
    "|---|---|---|",
]
lines += [f"| `{rel}` | {size} | `{digest}` |" for rel, size, digest in files]
with open(os.path.join(out, "PROVENANCE.md"), "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
print(f"ok  {len(files)} shapes files -> {out}", file=sys.stderr)
PY
