"""Runs fairlint's SHACL engine and pySHACL on the same shapes and the same N-Triples files,
checks that both report the same results, then compares their times.

Usage: python bench/pyshacl_compare.py SHAPES.ttl NT_DIR SHACL_BENCH_BINARY [ROUNDS]

Both sides are timed end to end per record: parse the record's N-Triples, validate it against
the shapes graph (fairlint: shapes compiled once, as its Engine does; pySHACL: shapes graph
parsed once and passed to every validate() call, as a batch user would). Median of ROUNDS runs
per record (default 5), then the median over records.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pyshacl
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import SH, XSD


def term(t) -> str | None:
    """N-Triples form, with blank nodes anonymised so the two engines' labels compare."""
    if t is None:
        return None
    if isinstance(t, BNode):
        return "_:"
    if isinstance(t, Literal) and t.datatype in (None, XSD.string) and t.language is None:
        return Literal(str(t)).n3()
    return t.n3()


def normalise_fairlint(value: str | None) -> str | None:
    if value is None:
        return None
    if value.startswith("_:"):
        return "_:"
    return value.replace('^^<http://www.w3.org/2001/XMLSchema#string>', "")


def pyshacl_results(report: Graph, name: str) -> list[tuple]:
    out = []
    for r in report.subjects(predicate=SH.sourceConstraintComponent):
        path = report.value(r, SH.resultPath)
        out.append(
            (
                name,
                term(report.value(r, SH.focusNode)),
                term(path) if isinstance(path, URIRef) else (None if path is None else "complex"),
                str(report.value(r, SH.sourceConstraintComponent)),
                term(report.value(r, SH.value)),
            )
        )
    return out


def main() -> int:
    shapes_path, nt_dir, binary = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    files = sorted(nt_dir.glob("*.nt"))
    if not files:
        print(f"no .nt files in {nt_dir}", file=sys.stderr)
        return 2

    # fairlint
    fl = json.loads(subprocess.run([binary, shapes_path, str(nt_dir), str(rounds)], check=True,
                                   capture_output=True, text=True).stdout)
    fl_results = Counter(
        (r[0], normalise_fairlint(r[1]), r[2] if r[2] is None or r[2].startswith("<") else "complex",
         r[3], normalise_fairlint(r[4]))
        for r in fl["results"]
    )

    # pySHACL
    shapes = Graph().parse(shapes_path, format="turtle")
    py_results: Counter = Counter()
    py_times = []
    for f in files:
        text = f.read_text()
        per = []
        report = None
        for _ in range(rounds):
            start = time.perf_counter()
            data = Graph().parse(data=text, format="nt")
            _, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none",
                                            abort_on_first=False, meta_shacl=False, advanced=False)
            per.append((time.perf_counter() - start) * 1e6)
        py_times.append(statistics.median(per))
        py_results.update(pyshacl_results(report, f.name))

    if fl_results != py_results:
        only_fl = fl_results - py_results
        only_py = py_results - fl_results
        print("RESULTS DIFFER", file=sys.stderr)
        for r in list(only_fl.elements())[:20]:
            print("  only fairlint:", r, file=sys.stderr)
        for r in list(only_py.elements())[:20]:
            print("  only pySHACL: ", r, file=sys.stderr)
        return 1

    fl_median = statistics.median(fl["per_record_us"])
    py_median = statistics.median(py_times)
    fl_total = sum(fl["per_record_us"]) / 1e3
    py_total = sum(py_times) / 1e3
    print(f"records: {len(files)}; results: {sum(fl_results.values())} (identical in both engines)")
    print()
    print("| engine | shapes build | per record (median) | all records (sum of medians) |")
    print("|---|---|---|---|")
    print(f"| fairlint | {fl['build_ms']:.3f} ms | {fl_median:.1f} µs | {fl_total:.1f} ms |")
    print(f"| pySHACL {pyshacl.__version__} | (per call) | {py_median:.1f} µs | {py_total:.1f} ms |")
    print()
    print(f"speed-up (per-record median): {py_median / fl_median:.0f}x; (total): {py_total / fl_total:.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
