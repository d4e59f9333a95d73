#!/usr/bin/env python3
"""Writes a complete, a minimal and a broken test vector for every Bioschemas profile version of
the committed extract (shapes/bioschemas/profiles.json), with the results the specification
implies, into test-vectors/cases/profiles/generated/ and test-vectors/manifest.json.

Each record is a node of the profile's schema.org target type that names its profile in
dct:conformsTo (JSON-LD, but the last, Turtle):
- complete: every property of the profile (minimum, recommended, optional) with a value of the
  first kind its schema allows; expected: no finding, level optional;
- minimal: the minimum properties only; expected: one warning per recommended property (its
  "missing" code), level minimum (optional when the profile recommends nothing);
- broken: no property (but a value outside the controlled vocabulary or list of values where the
  profile restricts a property to one); expected: an error per minimum property, a warning per
  recommended one (their "missing" codes), the vocabulary results, level none;
- broken-values: every property with two wrong values (a node of an unknown type, a literal of
  an unknown datatype); expected: every cardinality-one (I201) and value-type shape fails
  (I202-I212 by the kinds the schema allows), level none.
With the vectors of the hand-written era, every shape of every profile fails in some vector
(fair-core/tests/profile_coverage.rs). Properties fairlint does not know as schema.org or
Bioschemas terms are expected to get the core check's I121.
The expected codes come from the extract and the code table below (the same codes as
crates/fair-rules/src/profiles/bioschemas.rs), not from running fairlint.

Standard library only, deterministic; rerun after changing the extract. The vectors it owns are
those whose id starts with `profile-gen-`; the others in the manifest are left as they are.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
VECTORS = os.path.join(ROOT, "test-vectors")
OUT = os.path.join(VECTORS, "cases", "profiles", "generated")

# Property-specific "missing" codes (crates/fair-rules/src/profiles/bioschemas.rs).
CODES = {
    "about": "F117", "abstract": "F118", "alternateName": "F115", "applicationCategory": "F120",
    "applicationSubCategory": "F121", "audience": "R138", "author": "R113", "citation": "R111",
    "competencyRequired": "R139", "contributor": "R114", "creativeWorkStatus": "R132",
    "creator": "R112", "dataset": "F123", "dateCreated": "R125", "datePublished": "R124",
    "description": "F111", "distribution": "A110", "documentation": "R133",
    "educationalLevel": "R140", "featureList": "F122", "funding": "R121", "hasPart": "R134",
    "identifier": "F112", "inLanguage": "R141", "includedInDataCatalog": "F119", "input": "R129",
    "isBasedOn": "R126", "keywords": "F113", "learningResourceType": "R142", "license": "R110",
    "maintainer": "R115", "measurementTechnique": "R127", "mentions": "F124", "name": "F110",
    "output": "R130", "producer": "R116", "programmingLanguage": "R131", "provider": "R119",
    "publisher": "R117", "runtimePlatform": "R135", "sameAs": "F116", "sdPublisher": "R118",
    "softwareRequirements": "R136", "softwareVersion": "R123", "sourceOrganization": "R120",
    "targetProduct": "R137", "teaches": "R143", "timeRequired": "R144", "url": "F114",
    "variableMeasured": "R128", "version": "R122", "taxonomicRange": "R155", "taxonRank": "R156",
}
MISSING = {"m": "R149", "r": "R154"}
EDAM_EXAMPLE = {"topic": "topic_0091", "operation": "operation_2403", "format": "format_1929",
                "data": "data_2044"}


def profile_id(p):
    return "bioschemas-%s-%s" % (p["family"].lower(), p["version"].split("-")[0])


def schema_type(p):
    for t in p["targets"]:
        if t.startswith("http://schema.org/"):
            return t[len("http://schema.org/"):]
    raise ValueError(p["family"])


def schema_context():
    """The bundled schema.org JSON-LD context's term definitions (the records use it)."""
    path = os.path.join(ROOT, "crates", "fair-ingest", "data", "contexts", "schemaorg.jsonld")
    with open(path, encoding="utf-8") as f:
        return json.load(f)["@context"]


CONTEXT = schema_context()


def bioschemas_terms():
    """Bioschemas' own terms fairlint knows (crates/fair-refdata/data/vocab/bioschemas-terms.tsv)."""
    path = os.path.join(ROOT, "crates", "fair-refdata", "data", "vocab", "bioschemas-terms.tsv")
    with open(path, encoding="utf-8") as f:
        return {l.split("\t")[0] for l in f if l.strip() and not l.startswith("#")}


KNOWN = set(CONTEXT) | bioschemas_terms()


def coerced(name):
    d = CONTEXT.get(name)
    return isinstance(d, dict) and d.get("@type") == "@id"


def value(p, name, kinds):
    """A value of the first kind (in a fixed preference) the property's schema allows."""
    base = "https://example.org/%s/" % profile_id(p)
    if name == "license" and "url" in kinds:
        return {"@id": "https://spdx.org/licenses/CC-BY-4.0"}
    if name == "identifier" and "url" in kinds:
        return "https://doi.org/10.5072/fairlint-%s" % profile_id(p)
    for k in kinds:
        if k.startswith("vocab:http://edamontology.org/"):
            branch = k.rsplit("/", 1)[1].split("_")[0]
            return {"@id": "http://edamontology.org/" + EDAM_EXAMPLE[branch]}
        if k.startswith("enum:"):
            return k[len("enum:"):].split("|")[0]
    order = ["url", "text", "date", "datetime", "class:DateTime", "number", "integer", "boolean",
             "class:Duration", "class:Thing"]
    for want in order:
        if want in kinds:
            return {
                # A string, even where the context makes the term's values IRIs.
                "text": {"@value": "Example %s" % name} if coerced(name) else "Example %s" % name,
                "url": {"@id": base + name},
                "date": "2024-05-31",
                "datetime": "2024-05-31T12:00:00Z",
                "class:DateTime": "2024-05-31",
                "number": 1.5,
                "integer": 2,
                "boolean": True,
                "class:Duration": "PT1H30M",
                "class:Thing": {"@id": base + "thing-" + name},
            }[want]
    targets = {t.rsplit("/", 1)[-1] for t in p["targets"]}
    for k in kinds:
        if k.startswith("class:"):
            t = k[len("class:"):].split(":")[-1]
            # A node of the profile's own target type would be checked against the profile
            # too, and a type schema.org lacks is a finding of its own: an IRI reference.
            if t in targets or t not in KNOWN:
                return {"@id": base + "node-" + name}
            return {"@type": t, "name": "Example %s" % t}
    raise ValueError("%s %s: no value kind" % (p["family"], name))


def bad_vocabulary_value(kinds):
    """A value outside the property's controlled vocabulary / list, if it has one."""
    for k in kinds:
        if k.startswith("vocab:http://edamontology.org/format_"):
            return {"@id": "https://example.org/not-an-edam-format"}
        if k.startswith("enum:"):
            return "not-a-listed-value"
    return None


def record(p, props, extra=None):
    node = {
        "@context": "https://schema.org/",
        "@type": schema_type(p),
        "@id": "https://example.org/%s/record" % profile_id(p),
        "dct:conformsTo": {"@id": "https://bioschemas.org/profiles/%s/%s" % (p["family"], p["version"])},
    }
    for name, _m, _card, kinds in props:
        node[name] = value(p, name, kinds)
    node.update(extra or {})
    return json.dumps(node, indent=2) + "\n"


def finding(code, severity, name):
    return {"code": code, "severity": severity, "path": "<http://schema.org/%s>" % name}


def missing(props, which):
    out = []
    for name, m, _card, _kinds in props:
        if m in which:
            out.append(finding(CODES.get(name, MISSING[m]), {"m": "error", "r": "warning"}[m], name))
    return out


def not_schema_org(props):
    """Properties neither the schema.org context nor fairlint's list of Bioschemas terms define
    (such as a Gene's hasStatus, Taxon's vernacularName from Darwin Core): the records name them
    in schema.org's namespace, which fairlint's core check I121 reports."""
    return [finding("I121", "warning", x[0]) for x in props if x[0] not in KNOWN]


SEVERITY = {"m": "error", "r": "warning", "o": "info"}


def type_code(kinds):
    """The code of the property's value-type shape and how many of the two wrong values
    (a node of an unknown type, a literal of an unknown datatype) it reports: the same reading
    of the value kinds as crates/fair-rules/src/profiles/bioschemas.rs."""
    lits, classes = [], False
    simple = {"text": "text", "url": "url", "date": "date", "datetime": "date",
              "class:DateTime": "date", "number": "number", "integer": "number",
              "boolean": "boolean", "class:Duration": "duration", "class:Thing": "entity"}
    for k in kinds:
        if k in simple:
            lit = simple[k]
        elif k.startswith("vocab:http://edamontology.org/"):
            lit = "edam:" + k.rsplit("/", 1)[1].split("_")[0]
        elif k.startswith("enum:"):
            lit = "enum"
        else:
            classes = True
            continue
        if lit not in lits:
            lits.append(lit)
    if any(l.startswith("edam:") for l in lits) and "url" in lits:
        lits.remove("url")
    codes = {"text": "I202", "url": "I203", "date": "I204", "boolean": "I208",
             "duration": "I209", "number": "I210", "entity": "I205", "edam:topic": "I206",
             "edam:operation": "I207"}
    if len(lits) == 1 and not classes:
        code = codes.get(lits[0], "I212")
    else:
        code = "I205"
    # An untyped-or-any node is accepted where the schema allows any entity (Thing).
    return code, 1 if "entity" in lits else 2


def broken_values(p):
    """A Turtle record giving every property two wrong values: every cardinality-one and
    value-type shape fails."""
    pid = profile_id(p)
    lines = [
        "# Generated by scripts/gen-bioschemas-vectors.py from shapes/bioschemas/profiles.json:",
        "# every property of %s with two values, a node of an unknown type and a literal of an" % pid,
        "# unknown datatype, so every cardinality and value-type shape fails.",
        "<https://example.org/broken/%s/record> a <http://schema.org/%s> ;" % (pid, schema_type(p)),
        "    <http://purl.org/dc/terms/conformsTo> <https://bioschemas.org/profiles/%s/%s> ;" % (p["family"], p["version"]),
    ]
    expected = []
    props = p["properties"]
    for i, (name, m, card, kinds) in enumerate(props):
        end = " ." if i == len(props) - 1 else " ;"
        lines.append("    <http://schema.org/%s> [ a <urn:x-fairlint-test:WrongType> ], "
                     "\"wrong\"^^<urn:x-fairlint-test:WrongDatatype>%s" % (name, end))
        if card == "1":
            expected.append(finding("I201", SEVERITY[m], name))
        code, n = type_code(kinds)
        expected += [finding(code, SEVERITY[m], name)] * n
        if name == "license":
            # fairlint's licence check: the literal "wrong" is free text, not an SPDX licence.
            expected.append({"code": "R011", "severity": "warning", "path": "<http://schema.org/license>"})
    expected += not_schema_org(props)
    return "\n".join(lines) + "\n", expected


def vectors(p):
    pid = profile_id(p)
    props = p["properties"]
    minimum = [x for x in props if x[1] == "m"]
    has_recommended = any(x[1] == "r" for x in props)
    out = []
    # complete
    out.append(("complete", record(p, props), {
        "conforms": not not_schema_org(props),
        "profile": {"id": pid, "selected_by": "conforms_to", "level": "optional"},
        "findings": not_schema_org(props),
    }, "every property of the profile with a value of a kind its schema allows: no finding, level optional"))
    # minimal
    expected = missing(props, "r") + not_schema_org(minimum)
    out.append(("minimal", record(p, minimum), {
        "conforms": not expected,
        "profile": {"id": pid, "selected_by": "conforms_to",
                    "level": "minimum" if has_recommended else "optional"},
        "findings": expected,
    }, "the minimum properties only: a warning per missing recommended property"))
    # broken
    extra, vocab = {}, []
    for name, m, _card, kinds in props:
        bad = bad_vocabulary_value(kinds)
        if bad is not None:
            extra[name] = bad
            vocab.append((name, m))
    expected = missing([x for x in props if x[0] not in extra], "mr")
    for name, m in vocab:
        expected.append(finding("I212", {"m": "error", "r": "warning", "o": "info"}[m], name))
    expected += not_schema_org([x for x in props if x[0] in extra])
    out.append(("broken", record(p, [], extra), {
        "conforms": False,
        "profile": {"id": pid, "selected_by": "conforms_to", "level": "none"},
        "findings": expected,
    }, "no property (a value outside the profile's vocabulary where it names one): an error per missing minimum property, a warning per missing recommended one"))
    body, expected = broken_values(p)
    out.append(("broken-values", body, {
        "conforms": False,
        "profile": {"id": pid, "selected_by": "conforms_to", "level": "none"},
        "findings": expected,
    }, "every property with two wrong values: every cardinality-one and value-type shape fails"))
    return out


def main():
    with open(os.path.join(ROOT, "shapes", "bioschemas", "profiles.json"), encoding="utf-8") as f:
        extract = json.load(f)
    os.makedirs(OUT, exist_ok=True)
    manifest_path = os.path.join(VECTORS, "manifest.json")
    with open(manifest_path, encoding="utf-8") as f:
        text = f.read()
    manifest = json.loads(text)
    kept = [v for v in manifest["vectors"] if not v["id"].startswith("profile-gen-")]
    new = []
    for p in extract["profiles"]:
        pid = profile_id(p)
        for kind, body, expect, what in vectors(p):
            ext = "ttl" if kind == "broken-values" else "jsonld"
            rel = "cases/profiles/generated/%s-%s.%s" % (pid, kind, ext)
            with open(os.path.join(VECTORS, rel), "w", encoding="utf-8") as f:
                f.write(body)
            new.append({
                "id": "profile-gen-%s-%s" % (pid, kind),
                "description": "Bioschemas %s %s, generated from the profile definition (scripts/gen-bioschemas-vectors.py): %s." % (p["family"], p["version"], what),
                "input": rel,
                "expect": expect,
            })
    # Only the generated entries change (one line each, at the end); the rest of the file is kept
    # byte for byte.
    lines = [l for l in text.split("\n") if not l.startswith('    {"id": "profile-gen-')]
    text = "\n".join(lines)
    end = "\n  ]\n}\n"
    if text.endswith("," + end):
        text = text[: -len("," + end)] + end
    assert text.endswith(end), "unexpected end of manifest.json"
    generated = ",\n".join("    " + json.dumps(v) for v in new)
    text = text[: -len(end)] + ",\n" + generated + end
    json.loads(text)
    with open(manifest_path, "w", encoding="utf-8") as f:
        f.write(text)
    print("%d generated vectors, %d in all" % (len(new), len(kept) + len(new)))


if __name__ == "__main__":
    main()
