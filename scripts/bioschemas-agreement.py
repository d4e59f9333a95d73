#!/usr/bin/env python3
"""Do fairlint's Bioschemas profiles and the Bioschemas site's own SHACL agree on which
minimum properties each Bioschemas example misses?

Dev-only measurement (not part of the test suite): it needs ``../shared`` (the examples in
``corpora/bioschemas-examples`` and the site's generated shapes
``vocab/bioschemas-profiles/site/bioschemas_profiles_shacl.ttl``, one node shape per profile,
at the version the site lists as latest).

For every readable example and every Bioschemas profile fairlint checks it against (the
report's ``profile`` and ``profiles``; the CLI is given on the command line, so this works with
whatever profiles it bundles):

- fairlint's missing minimum properties: its errors from that profile's shapes (shape IRI
  naming the profile's family and version number, ``…/Dataset-1.0-RELEASE#…``) with ``sh:MinCountConstraintComponent``, as
  (focus node, property);
- the site's: the same CLI run with ``--profile core --shapes <the site's node shape for that
  family>`` (fairlint's own SHACL engine, W3C suite 121/121), its ``sh:Violation`` minCount
  results, as (focus node, property).

Properties are compared by local name (the site's paths are ``sh:alternativePath`` of the http
and https schema.org IRIs). ``dcterms:conformsTo``, which the site requires of every profile
(a generator rule, not in the profiles' own minimum lists), is left out and counted apart.
A profile version the site does not publish (it has the latest one only) is listed, not
compared.

    python3 scripts/bioschemas-agreement.py target/debug/fairlint
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "shared")
DEFAULT_CORPUS = os.path.join(SHARED, "corpora", "bioschemas-examples")
DEFAULT_SITE = os.path.join(SHARED, "vocab", "bioschemas-profiles", "site",
                            "bioschemas_profiles_shacl.ttl")
MIN_COUNT = "sh:MinCountConstraintComponent"
CONFORMS_TO = "conformsTo"


def version_parts(version):
    """'0.3-RELEASE-2019_07_01' -> ('0.3', 'RELEASE'); '0.8_DRAFT-x' -> ('0.8', 'DRAFT')."""
    m = re.match(r"([0-9.]*)[-_]?([A-Za-z]*)", version)
    return (m.group(1).rstrip("."), m.group(2).upper()) if m else (version, "")


def site_shapes(path):
    """{family: (version, turtle text of that node shape with the file's prefixes)}.

    The site file is rdflib's Turtle serialisation: a prefix header, then one block per node
    shape (blank nodes and lists inline), blocks separated by a blank line."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    blocks = text.split("\n\n")
    header = "\n".join(line for line in blocks[0].splitlines() if line.startswith("@prefix"))
    shapes = {}
    for block in blocks:
        m = re.match(r"<https://bioschemas\.org/profiles/([^/>]+)/([^/>]+)> a sh:NodeShape",
                     block.strip())
        if m:
            shapes[m.group(1)] = (m.group(2), header + "\n\n" + block.strip() + "\n")
    return shapes


def local_name(path):
    """The local name of the first IRI in a SPARQL property path ('<http://schema.org/name>|…')."""
    m = re.search(r"<([^>]*)>", path or "")
    iri = m.group(1) if m else (path or "")
    return re.split(r"[/#]", iri.rstrip("/"))[-1]


def check(cli, files, extra):
    proc = subprocess.run([cli, "check", "--format", "ndjson", "--no-progress", "-j", "1",
                           "--fail-on", "never", *extra, *files],
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1, 2):
        sys.exit(f"{cli} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    reports = {}
    for line in proc.stdout.splitlines():
        if line.strip():
            r = json.loads(line)
            reports[r["input"]] = r
    return reports


def missing(findings, keep):
    """(focus node, property) of the minCount errors among findings that `keep` accepts."""
    out = set()
    for f in findings:
        ctx = f.get("context") or {}
        if f["severity"] == "error" and ctx.get("component") == MIN_COUNT and keep(f):
            out.add((f["focus_node"], local_name(f.get("path"))))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("cli", help="fairlint binary")
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--site-shacl", default=DEFAULT_SITE)
    args = ap.parse_args()
    corpus = os.path.abspath(args.corpus)
    if not (os.path.isdir(corpus) and os.path.isfile(args.site_shacl)):
        sys.exit("needs ../shared (the Bioschemas examples and the site's SHACL)")
    profiles = {p["id"]: p for p in json.loads(subprocess.run(
        [args.cli, "profiles", "--format", "json"], check=True, capture_output=True,
        text=True).stdout)}
    site = site_shapes(args.site_shacl)

    files = sorted(os.path.join(root, name)
                   for root, _d, names in os.walk(corpus) for name in names
                   if os.path.relpath(root, corpus) != ".")
    own = check(args.cli, files, [])
    # (file, profile id) pairs to compare, grouped by family for the site runs.
    wanted = defaultdict(list)
    for path, r in sorted(own.items()):
        if "error" in r or r["document"]["triples"] == 0:
            continue
        ids = [r["profile"]["id"]] + [p["id"] for p in r.get("profiles", [])[1:]]
        for pid in ids:
            if pid.startswith("bioschemas-"):
                wanted[profiles[pid]["family"]].append((path, pid))

    readable = sorted(path for path, r in own.items()
                      if "error" not in r and r["document"]["triples"] > 0)
    bundled = sorted({p["family"] for pid, p in profiles.items() if pid.startswith("bioschemas-")})
    # The site's shapes of every bundled family, run on every readable example.
    theirs = {}
    for family in bundled:
        if family not in site:
            continue
        with tempfile.NamedTemporaryFile("w", suffix=".ttl", delete=False,
                                         encoding="utf-8") as tmp:
            tmp.write(site[family][1])
        try:
            theirs[family] = check(args.cli, readable,
                                   ["--profile", "core", "--shapes", tmp.name])
        finally:
            os.unlink(tmp.name)

    def site_missing(family, path):
        found = missing(theirs[family][path]["findings"], lambda f: f["code"] == "X000")
        return ({(n, p) for n, p in found if p != CONFORMS_TO},
                any(p == CONFORMS_TO for _n, p in found))

    rows = []
    conforms_to_only = 0
    for family in sorted(wanted):
        pairs = wanted[family]
        if family not in site:
            for path, pid in pairs:
                rows.append((pid, path, "no site shape for the family", None, None))
            continue
        site_version = site[family][0]
        for path, pid in pairs:
            version = profiles[pid]["version"]
            if version_parts(version) != version_parts(site_version):
                rows.append((pid, path, f"site publishes {family} {site_version} only",
                             None, None))
                continue
            # The profile's shapes: their IRIs name the family and version number.
            tag = re.compile(re.escape(f"{family}-{version_parts(version)[0]}") + r"(?![0-9.])")
            ours = missing(own[path]["findings"],
                           lambda f: bool(tag.search((f.get("context") or {}).get("shape", ""))))
            site_set, conforms = site_missing(family, path)
            conforms_to_only += conforms
            rows.append((pid, path, "compared", ours, site_set))

    # Examples where the site's shapes of a bundled family find missing minimum properties but
    # fairlint does not check that family at all (the node is a reference, or the example is
    # checked against another family only).
    unchecked = []
    for family in sorted(theirs):
        checked_here = {path for path, _pid in wanted.get(family, [])}
        for path in readable:
            if path in checked_here:
                continue
            site_set, _ = site_missing(family, path)
            if site_set:
                unchecked.append((family, path, site_set))

    by_profile = defaultdict(list)
    for row in rows:
        by_profile[row[0]].append(row)
    print("| profile | examples | compared | agree | disagree | not compared |")
    print("|---|---|---|---|---|---|")
    for pid in sorted(by_profile):
        rs = by_profile[pid]
        compared = [r for r in rs if r[2] == "compared"]
        agree = [r for r in compared if r[3] == r[4]]
        print(f"| {pid} | {len(rs)} | {len(compared)} | {len(agree)} | "
              f"{len(compared) - len(agree)} | {len(rs) - len(compared)} |")
    print()
    print(f"Site results for dcterms:conformsTo (left out): in {conforms_to_only} compared "
          "example(s).")
    print()
    print("## Disagreements")
    for pid in sorted(by_profile):
        for _pid, path, status, ours, theirs in by_profile[pid]:
            rel = os.path.relpath(path, corpus)
            if status != "compared":
                print(f"- {pid} `{rel}`: not compared ({status})")
                continue
            if ours == theirs:
                continue
            print(f"- {pid} `{rel}`: fairlint only [{fmt(ours - theirs)}], "
                  f"site only [{fmt(theirs - ours)}], both [{fmt(ours & theirs)}]")
    print()
    print("## Site findings for a bundled family fairlint does not check in that example")
    for family, path, site_set in unchecked:
        print(f"- {family} `{os.path.relpath(path, corpus)}`: site [{fmt(site_set)}]")


def fmt(pairs):
    nodes = defaultdict(list)
    for n, p in sorted(pairs):
        nodes[n].append(p)
    return "; ".join(f"{n}: {', '.join(ps)}" for n, ps in nodes.items()) or "-"


if __name__ == "__main__":
    main()
