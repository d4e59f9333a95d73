#!/usr/bin/env python3
"""Extracts what fairlint's generated Bioschemas shapes need from the Bioschemas profile
definitions into one compact, committed file: shapes/bioschemas/profiles.json.

Input (directory argument, default ../shared/vocab/bioschemas-profiles relative to the repository
root): the JSON-LD profile documents of github.com/BioSchemas/specifications at commit
4133b87d321c308d58d952e28fa839dca2810cf7 (2025-03-28), files `<Profile>/jsonld/<Profile>_v<version>.json`,
stored flat as `release/<file>` (latest release of each profile) and `draft/<file>` (latest draft).
Each holds an `@graph` node whose `$validation` is a JSON Schema (draft-07) with `required`
(minimum), `recommended` and `optional` property lists, property definitions (types, formats,
`$ref`s to `definitions`, enums, controlled vocabularies) and `owl:cardinality` (one / many).
The specification is (c) Bioschemas, CC BY-SA 4.0; so is the extract.

Output: per profile version its family, version, status, target types and, per property, its
marginality (m / r / o), cardinality (1 / n) and the kinds of value the schema allows, in the
schema's order: text, url, date, datetime, number, integer, boolean, `enum:<a>|<b>`,
`vocab:<IRI of the controlled vocabulary's root term>` (EDAM branches) and `class:<Type>`
(schema.org type, or `bioschemas:<Type>` for Bioschemas' own). The sha256 of every input file is
recorded. The crate fair-rules (src/profiles/bioschemas.rs) turns the extract into SHACL.

Standard library only, deterministic. `--check` compares a fresh extract with the committed one
byte for byte and exits 1 when they differ (needs the input directory, so it is not part of the
fresh-clone test suite).
"""
import argparse
import hashlib
import json
import os
import sys

COMMIT = "4133b87d321c308d58d952e28fa839dca2810cf7"
REPO = "https://github.com/BioSchemas/specifications"

# (family, file version, status, noun phrase of the messages ("a dataset should have ..."),
# target types as full IRIs).
S = "http://schema.org/"


def bio(t):
    return ["https://bioschemas.org/" + t, "http://bioschemas.org/" + t, S + t]


PROFILES = [
    ("ChemicalSubstance", "0.4-RELEASE", "release", "a chemical substance", bio("ChemicalSubstance")),
    ("ComputationalTool", "1.0-RELEASE", "release", "a tool",
     [S + "SoftwareApplication", S + "WebApplication", S + "MobileApplication"]),
    ("ComputationalTool", "1.1-DRAFT", "draft", "a tool",
     [S + "SoftwareApplication", S + "WebApplication", S + "MobileApplication"]),
    ("ComputationalWorkflow", "1.0-RELEASE", "release", "a workflow", bio("ComputationalWorkflow")),
    ("ComputationalWorkflow", "1.1-DRAFT", "draft", "a workflow", bio("ComputationalWorkflow")),
    ("Course", "1.0-RELEASE", "release", "a course", [S + "Course"]),
    ("CourseInstance", "1.0-RELEASE", "release", "a course instance", [S + "CourseInstance"]),
    ("DataCatalog", "0.3-RELEASE-2019_07_01", "release", "a data catalogue", [S + "DataCatalog"]),
    ("DataCatalog", "0.4-DRAFT", "draft", "a data catalogue", [S + "DataCatalog"]),
    ("Dataset", "1.0-RELEASE", "release", "a dataset", [S + "Dataset"]),
    ("Dataset", "1.1-DRAFT", "draft", "a dataset", [S + "Dataset"]),
    ("FormalParameter", "1.0-RELEASE", "release", "a formal parameter", bio("FormalParameter")),
    ("Gene", "1.0-RELEASE", "release", "a gene", bio("Gene")),
    ("MolecularEntity", "0.5-RELEASE", "release", "a molecular entity", bio("MolecularEntity")),
    ("Protein", "0.11-RELEASE", "release", "a protein", bio("Protein")),
    ("Protein", "0.12-DRAFT", "draft", "a protein", bio("Protein")),
    ("Sample", "0.2-RELEASE-2018_11_10", "release", "a sample", bio("BioSample") + bio("Sample")),
    ("Sample", "0.3-DRAFT", "draft", "a sample", bio("BioSample") + bio("Sample")),
    ("Taxon", "1.0-RELEASE", "release", "a taxon", bio("Taxon")),
    ("TaxonName", "1.0-RELEASE", "release", "a taxon name", bio("TaxonName")),
    ("TrainingMaterial", "1.0-RELEASE", "release", "training material", [S + "LearningResource"]),
    ("TrainingMaterial", "1.1-DRAFT", "draft", "training material", [S + "LearningResource"]),
]


def class_name(t):
    """`schema:X` / `X` -> `X`; any `bioschemas*:X` prefix -> `bioschemas:X`."""
    if ":" in t:
        prefix, local = t.split(":", 1)
        return local if prefix == "schema" else "bioschemas:" + local
    return t


def kinds(x, defs, out):
    """Appends the value kinds of schema `x` to `out` (in order, without repeats)."""

    def add(k):
        if k not in out:
            out.append(k)

    if not isinstance(x, dict):
        raise ValueError("schema is not an object: %r" % (x,))
    if "$ref" in x:
        name = x["$ref"].rsplit("/", 1)[-1]
        if name not in defs:
            raise ValueError("unknown definition " + x["$ref"])
        return kinds(defs[name], defs, out)
    if "anyOf" in x or "oneOf" in x:
        for y in x.get("anyOf", []) + x.get("oneOf", []):
            kinds(y, defs, out)
        return out
    vocab = x.get("vocabulary")
    if vocab:
        for root in vocab.get("children_of", []):
            add("vocab:" + root)
        return out
    if "@type" in x:
        add("class:" + class_name(x["@type"]))
        return out
    t = x.get("type")
    if t == "array":
        return kinds(x.get("items", {}), defs, out)
    if "enum" in x:
        add("enum:" + "|".join(x["enum"]))
    elif t == "string":
        add({"uri": "url", "date": "date", "date-time": "datetime", None: "text"}[x.get("format")])
    elif t in ("number", "integer", "boolean"):
        add(t)
    else:
        raise ValueError("unsupported schema: %s" % json.dumps(x)[:200])
    return out


def extract(root):
    inputs, profiles = [], []
    for family, version, status, noun, targets in PROFILES:
        rel = "%s/%s_v%s.json" % (status, family, version)
        path = os.path.join(root, rel)
        with open(path, "rb") as f:
            raw = f.read()
        inputs.append({
            "file": rel,
            "upstream": "%s/jsonld/%s_v%s.json" % (family, family, version),
            "sha256": hashlib.sha256(raw).hexdigest(),
        })
        node = json.loads(raw)["@graph"][0]
        v = node["$validation"]
        marg = {}
        for key, m in (("required", "m"), ("recommended", "r"), ("optional", "o")):
            for p in v.get(key, []):
                marg.setdefault(p, m)
        props = []
        for name, schema in v["properties"].items():
            if name not in marg:
                raise ValueError("%s: property %s has no marginality" % (rel, name))
            card = {"one": "1", "many": "n"}[schema.get("owl:cardinality", "many")]
            props.append([name, marg[name], card, kinds(schema, v.get("definitions", {}), [])])
        missing = sorted(set(marg) - set(v["properties"]))
        release, _, dated = version.partition("-RELEASE-")
        profiles.append({
            "family": family,
            "version": version,
            "release": release + "-RELEASE" if dated else version,
            "status": status,
            "noun": noun,
            "targets": targets,
            "listed_without_definition": missing,
            "properties": props,
        })
    return inputs, profiles


def render(inputs, profiles):
    head = {
        "about": "Bioschemas profile definitions extracted for fairlint's generated SHACL shapes "
                 "(scripts/import-bioschemas-profiles.py); generated, do not edit",
        "source": REPO,
        "commit": COMMIT,
        "licence": "CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/), (c) Bioschemas",
        "inputs": inputs,
    }
    lines = ["{"]
    for k, val in head.items():
        if k == "inputs":
            lines.append('"inputs": [')
            lines.append(",\n".join(json.dumps(i, sort_keys=True) for i in val))
            lines.append("],")
        else:
            lines.append("%s: %s," % (json.dumps(k), json.dumps(val)))
    lines.append('"profiles": [')
    blocks = []
    for p in profiles:
        hdr = {k: p[k] for k in p if k != "properties"}
        body = ",\n".join("  " + json.dumps(prop) for prop in p["properties"])
        blocks.append(json.dumps(hdr, sort_keys=True)[:-1] + ', "properties": [\n' + body + "\n]}")
    lines.append(",\n".join(blocks))
    lines.append("]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("input", nargs="?",
                    default=os.path.join(repo, "..", "shared", "vocab", "bioschemas-profiles"))
    ap.add_argument("--output", default=os.path.join(repo, "shapes", "bioschemas", "profiles.json"))
    ap.add_argument("--check", action="store_true",
                    help="compare with the committed extract instead of writing it")
    args = ap.parse_args()
    text = render(*extract(args.input))
    json.loads(text)
    if args.check:
        with open(args.output, encoding="utf-8") as f:
            if f.read() != text:
                print("%s is stale: run scripts/import-bioschemas-profiles.py" % args.output,
                      file=sys.stderr)
                return 1
        print("%s is up to date" % args.output)
        return 0
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(text)
    print("wrote %s (%d profiles, %d bytes)" % (args.output, len(PROFILES), len(text.encode())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
