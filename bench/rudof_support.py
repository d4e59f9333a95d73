"""Which SHACL features does pyrudof support? Runs pyrudof on every `sht:Validate` case of the
W3C SHACL test suite (core and SPARQL) and compares its results with the expected report, so
the comparison in `bench/compare.py` can restrict its shapes to what all engines implement.

Usage: python bench/rudof_support.py [W3C_SUITE_DIR]   (default: target/w3c-shacl, fetched by
scripts/fetch-w3c-shacl.sh from the pinned pySHACL sdist)

Prints one line per test (pass / FAIL / ERROR and why), then a summary per test folder
(constraint family). A test passes when pyrudof's `conforms` matches and its results, as a
multiset of (focus, path, component, severity), equal the expected ones. Blank nodes compare as
"_:"; complex paths compare as "complex".
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

import pyrudof
from rdflib import RDF, BNode, Graph, Namespace, URIRef
from rdflib.namespace import SH

sys.path.insert(0, str(Path(__file__).resolve().parent))
from compare import norm_severity, norm_text_path, norm_text_term

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
SHT = Namespace("http://www.w3.org/ns/shacl-test#")


def norm_term(t) -> str:
    if isinstance(t, BNode):
        return "_:"
    return str(t)


def expected_results(g: Graph, report) -> Counter:
    out: Counter = Counter()
    for r in g.objects(report, SH.result):
        path = g.value(r, SH.resultPath)
        out[
            (
                norm_term(g.value(r, SH.focusNode)),
                None if path is None else (str(path) if isinstance(path, URIRef) else "complex"),
                str(g.value(r, SH.sourceConstraintComponent)),
                str(g.value(r, SH.resultSeverity)).rsplit("#", 1)[-1],
            )
        ] += 1
    return out


def rudof_results(report) -> Counter:
    out: Counter = Counter()
    for e in report:
        out[
            (
                norm_text_term(e.focus_node),
                norm_text_path(e.path),
                str(e.constraint_component),
                norm_severity(e.severity),
            )
        ] += 1
    return out


def tests(root: Path):
    """Yields (test file, test node, graph) for every sht:Validate case under root."""
    for f in sorted(root.rglob("*.ttl")):
        if f.name == "manifest.ttl":
            continue
        g = Graph()
        g.parse(f, format="turtle", publicID=f.as_uri())
        for t in g.subjects(RDF.type, SHT.Validate):
            yield f, t, g


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "target/w3c-shacl").resolve()
    if not root.is_dir():
        print(f"no W3C SHACL suite in {root} (run scripts/fetch-w3c-shacl.sh)", file=sys.stderr)
        return 2
    per_folder: dict[str, Counter] = defaultdict(Counter)
    for f, t, g in tests(root):
        folder = str(f.parent.relative_to(root))
        name = f"{folder}/{f.stem}"
        action = g.value(t, MF.action)
        data_ref = g.value(action, SHT.dataGraph)
        shapes_ref = g.value(action, SHT.shapesGraph)
        report = g.value(t, MF.result)
        if data_ref is None or shapes_ref is None or report is None:
            continue

        def load(ref) -> str:
            path = Path(str(ref).removeprefix("file://"))
            return path.read_text()

        rudof = pyrudof.Rudof(pyrudof.RudofConfig())
        try:
            # Relative IRIs resolve against the test file, as in the manifests.
            rudof.read_shacl(load(shapes_ref), pyrudof.ShaclFormat.Turtle, base=str(shapes_ref),
                             reader_mode=pyrudof.ReaderMode.Strict)
            rudof.read_data(load(data_ref), pyrudof.RDFFormat.Turtle, base=str(data_ref),
                            reader_mode=pyrudof.ReaderMode.Strict)
            got = rudof.validate_shacl()
        except Exception as e:  # noqa: BLE001 - any pyrudof failure is the finding here
            per_folder[folder]["error"] += 1
            print(f"ERROR {name}: {type(e).__name__}: {str(e).splitlines()[0][:120]}")
            continue
        conforms = g.value(report, SH.conforms)
        if conforms is None:  # a report without sh:conforms: a failure-expected case
            continue
        want_conforms = conforms.toPython()
        want = expected_results(g, report)
        have = rudof_results(got)
        if bool(got.conforms) == want_conforms and have == want:
            per_folder[folder]["pass"] += 1
            print(f"pass  {name}")
        else:
            per_folder[folder]["fail"] += 1
            missing = list((want - have).elements())[:2]
            extra = list((have - want).elements())[:2]
            print(f"FAIL  {name}: missing {missing} extra {extra}")
    print()
    print("| folder | pass | fail | error |")
    print("|---|---|---|---|")
    total: Counter = Counter()
    for folder, c in sorted(per_folder.items()):
        total.update(c)
        print(f"| {folder} | {c['pass']} | {c['fail']} | {c['error']} |")
    print(f"| all | {total['pass']} | {total['fail']} | {total['error']} |")
    print(f"pyrudof {pyrudof.__version__ if hasattr(pyrudof, '__version__') else '?'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
