#!/usr/bin/env bash
# Regenerate the bundled JSON-LD contexts in crates/fair-ingest/data/contexts/ from
# pinned packages on public registries (PyPI via pip, npm registry via npm).
#
# fairlint must never fetch a JSON-LD context from the network at run time, so
# the well-known contexts are vendored as files.  Every file is extracted from a
# pinned registry package whose sha256 is hard-coded below, then minified
# (compact JSON on one line, keys and values in their original order, no other
# change).  index.json (the IRI -> file routing table embedded by the Rust code)
# is written by this script too.  PROVENANCE.md documents every source.
#
# Usage:   scripts/import-contexts.sh            (from anywhere in the repo)
# Needs:   bash, python3 (>= 3.7), pip, npm, sha256sum, tar, network access to
#          the PyPI and npm registries only.
# Output is byte-identical on every run (no timestamps, stable key order).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out_dir="$repo_root/crates/fair-ingest/data/contexts"
mkdir -p "$out_dir"

work="$(mktemp -d "${TMPDIR:-/tmp}/fairlint-contexts.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# --------------------------------------------------------------------------
# Pinned sources: registry, name, version, exact artifact file name, sha256.
# --------------------------------------------------------------------------
SWH_INDEXER_VER=4.12.1
SWH_INDEXER_FILE=swh_indexer-4.12.1-py3-none-any.whl
SWH_INDEXER_SHA=c2679a6f67f2f828d951687ce420c915f1b7c668c557ea56401541a29a127b56

ROCRATE_11_VER=0.15.1
ROCRATE_11_FILE=rocrate-0.15.1-py3-none-any.whl
ROCRATE_11_SHA=fc04c1078774259ad8c70779c40acec14d80a8cf310db1e8f51ae65720c153fa

ROCRATE_13_VER=0.16.0
ROCRATE_13_FILE=rocrate-0.16.0-py3-none-any.whl
ROCRATE_13_SHA=1f5b4563833a166640f9e09596f8f88c9a5d8ea733bc96345e73466beae85eea

CODEMETAPY_VER=0.3.5
CODEMETAPY_FILE=CodeMetaPy-0.3.5.tar.gz
CODEMETAPY_SHA=0b32c91c3213015b817e657253c203ff2bbce8a27e85f751ca82958b8d9cc57f

NPM_ROCRATE_VER=3.7.2
NPM_ROCRATE_FILE=ro-crate-3.7.2.tgz
NPM_ROCRATE_SHA=ce9c6a34ed945e37e2a07310d8195241a0abc10029a440b0afdfd1a93131c40f

# log, verify_sha256, fetch_pypi, fetch_npm
# shellcheck source=lib/fetch.sh
source "$repo_root/scripts/lib/fetch.sh"

# extract ARCHIVE MEMBER -> writes member's bytes to stdout (zip/whl or tar.gz)
extract() {
  python3 - "$1" "$2" <<'PY'
import sys, tarfile, zipfile
archive, member = sys.argv[1], sys.argv[2]
if archive.endswith((".whl", ".zip")):
    data = zipfile.ZipFile(archive).read(member)
else:
    with tarfile.open(archive, "r:gz") as t:
        data = t.extractfile(member).read()
sys.stdout.buffer.write(data)
PY
}

# minify SRC DST: parse, reject duplicate keys, require a top-level "@context",
# write compact one-line JSON (original key order, UTF-8, trailing newline).
minify() {
  python3 - "$1" "$2" <<'PY'
import json, sys
src, dst = sys.argv[1], sys.argv[2]
def no_dups(pairs):
    keys = [k for k, _ in pairs]
    dups = {k for k in keys if keys.count(k) > 1}
    if dups:
        sys.exit(f"{src}: duplicate keys {sorted(dups)}")
    return dict(pairs)
with open(src, "rb") as f:
    doc = json.loads(f.read().decode("utf-8"), object_pairs_hook=no_dups)
if not isinstance(doc, dict) or not isinstance(doc.get("@context"), (dict, list)):
    sys.exit(f"{src}: no top-level \"@context\" object or array")
text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
with open(dst, "wb") as f:
    f.write(text.encode("utf-8") + b"\n")
PY
}

# install ARCHIVE MEMBER OUTNAME
install_context() {
  local raw="$work/raw-$3"
  extract "$1" "$2" >"$raw"
  minify "$raw" "$out_dir/$3"
  log "ok  $3  <-  $(basename "$1"):$2"
}

# --------------------------------------------------------------------------
# Download and verify.
# --------------------------------------------------------------------------
swh_whl="$(fetch_pypi swh.indexer "$SWH_INDEXER_VER" "$SWH_INDEXER_FILE" "$SWH_INDEXER_SHA" wheel)"
rc11_whl="$(fetch_pypi rocrate "$ROCRATE_11_VER" "$ROCRATE_11_FILE" "$ROCRATE_11_SHA" wheel)"
rc13_whl="$(fetch_pypi rocrate "$ROCRATE_13_VER" "$ROCRATE_13_FILE" "$ROCRATE_13_SHA" wheel)"
cmp_sdist="$(fetch_pypi CodeMetaPy "$CODEMETAPY_VER" "$CODEMETAPY_FILE" "$CODEMETAPY_SHA" sdist)"
npm_tgz="$(fetch_npm ro-crate "$NPM_ROCRATE_VER" "$NPM_ROCRATE_FILE" "$NPM_ROCRATE_SHA")"

# --------------------------------------------------------------------------
# Extract + minify.
# --------------------------------------------------------------------------
install_context "$swh_whl"   swh/indexer/data/schema.org/schemaorgcontext.jsonld  schemaorg.jsonld
install_context "$rc11_whl"  rocrate/data/ro-crate.jsonld                          rocrate-1.1.jsonld
install_context "$npm_tgz"   package/lib/context.json                              rocrate-1.2.jsonld
install_context "$rc13_whl"  rocrate/data/ro-crate.jsonld                          rocrate-1.3.jsonld
install_context "$cmp_sdist" CodeMetaPy-0.3.5/codemeta/schema/codemeta.jsonld     codemeta-2.0.jsonld
install_context "$swh_whl"   swh/indexer/data/codemeta/codemeta-3.0.jsonld         codemeta-3.0.jsonld

# Contexts no registry package ships, written from their published specifications (see
# PROVENANCE.md): committed under scripts/contexts-spec/, minified like the others.
spec_dir="$repo_root/scripts/contexts-spec"
for f in workflow-run.jsonld workflow-testing.jsonld ro-bundle.jsonld dcat-ap-3.0.0-examples.jsonld; do
  minify "$spec_dir/$f" "$out_dir/$f"
  log "ok  $f  <-  scripts/contexts-spec/$f (written from the specification)"
done

# Sanity checks on what the packages claim to be.
python3 - "$out_dir" <<'PY'
import json, sys, os
d = sys.argv[1]
def load(n):
    with open(os.path.join(d, n), encoding="utf-8") as f:
        return json.load(f)
for n, v in [("rocrate-1.1.jsonld", "1.1"), ("rocrate-1.2.jsonld", "1.2"), ("rocrate-1.3.jsonld", "1.3")]:
    j = load(n)
    want = f"https://w3id.org/ro/crate/{v}/context"
    assert j.get("@id") == want, (n, j.get("@id"))
s = load("schemaorg.jsonld")["@context"]
assert s.get("@vocab") == "http://schema.org/" and s.get("id") == "@id" and s.get("type") == "@type", "schema.org context"
for n in ("codemeta-2.0.jsonld", "codemeta-3.0.jsonld"):
    c = load(n)["@context"]
    assert c.get("schema") == "http://schema.org/" and c.get("codemeta") == "https://codemeta.github.io/terms/", n
c2, c3 = load("codemeta-2.0.jsonld")["@context"], load("codemeta-3.0.jsonld")["@context"]
assert "contIntegration" in c2 and "creator" in c2 and "continuousIntegration" not in c2, "codemeta 2.0 terms"
assert "continuousIntegration" in c3 and "hasSourceCode" in c3 and "contIntegration" not in c3, "codemeta 3.0 terms"
PY

# --------------------------------------------------------------------------
# RO-Crate 1.1 and 1.2 share most of their ~3,000 terms with 1.3: store them as their
# differences from 1.3 (rebuilt by crates/fair-ingest/src/contexts.rs on first use), checked here to
# rebuild the originals exactly.
# --------------------------------------------------------------------------
python3 - "$out_dir" "$spec_dir" <<'PY'
import json, os, sys
d = sys.argv[1]
def load(n):
    with open(os.path.join(d, n), encoding="utf-8") as f:
        return json.load(f)
base_name = "rocrate-1.3.jsonld"
base = load(base_name)["@context"]
# RO-Crate 1.0 (no registry package ships it): the schema.org term definitions of 1.1 plus the
# 1.0 context's own terms and prefixes (scripts/contexts-spec/rocrate-1.0.json), stored as its
# differences from 1.1.
spec_dir = sys.argv[2]
with open(os.path.join(spec_dir, "rocrate-1.0.json"), encoding="utf-8") as f:
    spec10 = json.load(f)
ctx11 = load("rocrate-1.1.jsonld")["@context"]
ctx10 = {k: x for k, x in ctx11.items() if isinstance(x, str) and x.startswith("http://schema.org/")}
ctx10.update(spec10["terms"])
patch10 = {
    "base": "rocrate-1.1.patch.json",
    "top": spec10["top"],
    "set": {k: x for k, x in ctx10.items() if ctx11.get(k, object()) != x},
    "remove": [k for k in ctx11 if k not in ctx10],
}
rebuilt = {k: x for k, x in ctx11.items() if k not in patch10["remove"]}
rebuilt.update(patch10["set"])
assert rebuilt == ctx10, "rocrate-1.0: patch does not rebuild it"
with open(os.path.join(d, "rocrate-1.0.patch.json"), "wb") as f:
    f.write(json.dumps(patch10, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n")
print(f"  rocrate-1.0.patch.json: {len(patch10['set'])} terms set, {len(patch10['remove'])} removed", file=sys.stderr)
for v in ("1.1", "1.2"):
    name = f"rocrate-{v}.jsonld"
    doc = load(name)
    ctx = doc["@context"]
    patch = {
        "base": base_name,
        "top": {k: x for k, x in doc.items() if k != "@context"},
        "set": {k: x for k, x in ctx.items() if base.get(k, object()) != x},
        "remove": [k for k in base if k not in ctx],
    }
    rebuilt = {k: x for k, x in base.items() if k not in patch["remove"]}
    rebuilt.update(patch["set"])
    assert rebuilt == ctx and dict(patch["top"], **{"@context": rebuilt}) == doc, f"{name}: patch does not rebuild it"
    with open(os.path.join(d, f"rocrate-{v}.patch.json"), "wb") as f:
        f.write(json.dumps(patch, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n")
    os.remove(os.path.join(d, name))
    print(f"  rocrate-{v}.patch.json: {len(patch['set'])} terms set, {len(patch['remove'])} removed", file=sys.stderr)
# RO-Crate 1.3 itself maps ~2,900 schema.org terms to their IRIs ("Dataset":
# "http://schema.org/Dataset"): store it as its differences from the terms of the bundled
# schema.org context mapped that way (`derive`), which saves ~22 KB of the gzipped WebAssembly
# package. 1.1 and 1.2 then name the 1.3 patch as their base.
doc13 = load(base_name)
schema = load("schemaorg.jsonld")["@context"]
derived = {k: "http://schema.org/" + k for k in schema if not k.startswith("@")}
ctx13 = doc13["@context"]
patch13 = {
    "base": "schemaorg.jsonld",
    "derive": "schema.org term IRIs",
    "top": {k: x for k, x in doc13.items() if k != "@context"},
    "set": {k: x for k, x in ctx13.items() if derived.get(k, object()) != x},
    "remove": [k for k in derived if k not in ctx13],
}
rebuilt = {k: x for k, x in derived.items() if k not in patch13["remove"]}
rebuilt.update(patch13["set"])
assert rebuilt == ctx13, "rocrate-1.3: patch does not rebuild it"
with open(os.path.join(d, "rocrate-1.3.patch.json"), "wb") as f:
    f.write(json.dumps(patch13, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n")
os.remove(os.path.join(d, base_name))
for v in ("1.1", "1.2"):
    n = os.path.join(d, f"rocrate-{v}.patch.json")
    patch = load(f"rocrate-{v}.patch.json")
    patch["base"] = "rocrate-1.3.patch.json"
    with open(n, "wb") as f:
        f.write(json.dumps(patch, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n")
print(f"  rocrate-1.3.patch.json: {len(patch13['set'])} terms set, {len(patch13['remove'])} removed", file=sys.stderr)
PY

# --------------------------------------------------------------------------
# index.json: IRI spellings -> bundled file (embedded by the Rust code).
# --------------------------------------------------------------------------
python3 - "$out_dir/index.json" \
  "PyPI swh.indexer $SWH_INDEXER_VER" "PyPI rocrate $ROCRATE_11_VER" \
  "npm ro-crate $NPM_ROCRATE_VER" "PyPI rocrate $ROCRATE_13_VER" \
  "PyPI CodeMetaPy $CODEMETAPY_VER" <<'PY'
import json, sys
dst, src_swh, src_rc11, src_npm, src_rc13, src_cmp = sys.argv[1:]

def both_schemes(urls):
    """http and https spelling of each URL; URLs that do not name a file
    (no .json/.jsonld ending) also with and without a trailing slash."""
    res = []
    for u in urls:
        for scheme in ("https://", "http://"):
            base = scheme + u
            variants = [base]
            if not base.endswith((".json", ".jsonld")):
                variants.append(base.rstrip("/") if base.endswith("/") else base + "/")
            for v in variants:
                if v not in res:
                    res.append(v)
    return res

def rocrate(v):
    return both_schemes([
        f"w3id.org/ro/crate/{v}/context",
        f"www.researchobject.org/ro-crate/specification/{v}/context.jsonld",
        f"www.researchobject.org/ro-crate/{v}/context.jsonld",
        f"researchobject.org/ro-crate/specification/{v}/context.jsonld",
        f"researchobject.org/ro-crate/{v}/context.jsonld",
        f"researchobject.github.io/ro-crate/{v}/context.jsonld",
    ])

def schemaorg_urls():
    res = []
    for host in ("schema.org", "www.schema.org"):
        res += both_schemes([host])
        res += both_schemes([f"{host}/docs/jsonldcontext.jsonld", f"{host}/docs/jsonldcontext.json"])
    return res

def codemeta2_urls():
    res = []
    for host in ("doi.org", "dx.doi.org"):
        for suffix in ("10.5063/schema/codemeta-2.0", "10.5063/SCHEMA/CODEMETA-2.0"):
            res += both_schemes([f"{host}/{suffix}"])
    res += both_schemes([
        "raw.githubusercontent.com/codemeta/codemeta/2.0/codemeta.jsonld",
        "purl.org/codemeta/2.0",
        "w3id.org/codemeta/2.0",
    ])
    return res

def codemeta3_urls():
    return both_schemes([
        "w3id.org/codemeta/3.0",
        "w3id.org/codemeta/v3.0",
        "raw.githubusercontent.com/codemeta/codemeta/3.0/codemeta.jsonld",
    ])

def plain(urls):
    """URLs of contexts written from a specification: http and https, with and without a
    trailing slash (file URLs as they are)."""
    return both_schemes(urls)

def alias(iri_path, release):
    """A moving alias (a draft or a branch) read as the release it stands for."""
    return {"iri": "https://" + iri_path, "release": release, "urls": both_schemes([iri_path])}

spec = "written from the specification (scripts/contexts-spec)"
index = [
    {"file": "schemaorg.jsonld", "urls": schemaorg_urls(),
     "name": "schema.org JSON-LD context", "version": "28.0", "source": src_swh},
    {"file": "rocrate-1.0.patch.json", "urls": rocrate("1.0"),
     "name": "RO-Crate 1.0 context", "version": "1.0", "source": spec},
    {"file": "rocrate-1.1.patch.json", "urls": rocrate("1.1"),
     "name": "RO-Crate 1.1 context", "version": "1.1", "source": src_rc11,
     "aliases": [alias("w3id.org/ro/crate/1.1-DRAFT/context", "RO-Crate 1.1")]},
    {"file": "rocrate-1.2.patch.json", "urls": rocrate("1.2"),
     "name": "RO-Crate 1.2 context", "version": "1.2", "source": src_npm,
     "aliases": [alias("w3id.org/ro/crate/1.2-DRAFT/context", "RO-Crate 1.2")]},
    {"file": "rocrate-1.3.patch.json", "urls": rocrate("1.3"),
     "name": "RO-Crate 1.3 context", "version": "1.3", "source": src_rc13,
     "aliases": [alias("w3id.org/ro/crate/1.3-DRAFT/context", "RO-Crate 1.3"),
                 alias("w3id.org/ro/crate/1.4-DRAFT/context", "RO-Crate 1.3")]},
    {"file": "codemeta-2.0.jsonld", "urls": codemeta2_urls(),
     "name": "CodeMeta 2.0 context", "version": "2.0", "source": src_cmp},
    {"file": "codemeta-3.0.jsonld", "urls": codemeta3_urls(),
     "name": "CodeMeta 3.0 context", "version": "3.0", "source": src_swh,
     "aliases": [alias("raw.githubusercontent.com/codemeta/codemeta/master/codemeta.jsonld", "CodeMeta 3.0")]},
    {"file": "workflow-run.jsonld",
     "urls": plain(["w3id.org/ro/terms/workflow-run", "w3id.org/ro/terms/workflow-run/context"]),
     "name": "Workflow Run Crate terms context", "version": "0.5", "source": spec},
    {"file": "workflow-testing.jsonld",
     "urls": plain(["w3id.org/ro/terms/test", "w3id.org/ro/terms/test/context"]),
     "name": "Workflow Testing RO-Crate terms context", "version": "0.1", "source": spec},
    {"file": "ro-bundle.jsonld",
     "urls": plain(["w3id.org/bundle/context",
                    "researchobject.github.io/specifications/bundle/context.json"]),
     "name": "Research Object Bundle context", "version": "1.0", "source": spec},
    {"file": "dcat-ap-3.0.0-examples.jsonld",
     "urls": plain(["semiceu.github.io/uri.semic.eu-generated/DCAT-AP/releases/3.0.0/html/examples/context.jsonld"]),
     "name": "DCAT-AP 3.0.0 examples context", "version": "3.0.0", "source": spec},
]
seen = {}
for e in index:
    for u in e["urls"] + [u for a in e.get("aliases", []) for u in a["urls"]]:
        assert u not in seen, f"{u} routed to both {seen[u]} and {e['file']}"
        seen[u] = e["file"]
with open(dst, "w", encoding="utf-8") as f:
    json.dump(index, f, ensure_ascii=False, indent=2)
    f.write("\n")
PY
log "ok  index.json"

(cd "$out_dir" && sha256sum -- *.jsonld *.patch.json index.json) >&2
