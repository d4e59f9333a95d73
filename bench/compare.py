"""fairlint against pySHACL and pyrudof on identical shapes and data, results checked first.

Usage (normally through scripts/bench-compare.sh, which builds fairlint and the venv):

    python bench/compare.py --fairlint BIN --to-ntriples BIN [--quick] [--out DIR]
                            [--corpora DIR] [--rounds N] [--cap SECONDS] [--write-docs]

Inputs, all as N-Triples written by fairlint's own reader (`to_ntriples`), so that every engine
reads exactly the same triples:
  - the bio.tools Bioschemas records (`biotools/**/*.bioschemas.jsonld`), per record and as one
    batch file;
  - the Bioschemas examples (`bioschemas-examples/`, the files fairlint can read), per record and
    as one batch;
  - a synthetic scale series (1k, 10k, 100k, 1M triples; 1k-100k with --quick), generated here
    deterministically: schema:Dataset and schema:SoftwareApplication nodes, about one in ten
    with a planted defect.
Shapes: `core` = the SHACL Core part of fair-core/benches/shapes/computational-tool.ttl plus
dataset.ttl (all three engines); `sparql` = computational-tool.ttl with its SHACL-SPARQL
constraint (all three too: pyrudof's SPARQL support is partial, but covers sh:sparql);
`profiles` = every generated Bioschemas profile (the 22 `shapes/bioschemas/*.ttl`, all versions
of every family) merged into one shapes graph, on the corpora and the synthetic series to 100k
(all three engines; SHACL Core only).

Every engine runs in its own process (peak RSS from /usr/bin/time) and times, per input file,
parse and validate separately; a time is the median over ROUNDS runs (an input stops repeating
once its runs took the per-input budget). Before a time is quoted, each engine's results are
compared with fairlint's as multisets of (input, focus, path, component, severity); values are
compared too and reported. An engine whose run for an input would exceed --cap seconds
(extrapolated from the previous size) is not run there, and the table says so.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHAPES_DIR = REPO / "fair-core" / "benches" / "shapes"
SH = "http://www.w3.org/ns/shacl#"

# ---------------------------------------------------------------------------------------------
# Normalised results: (focus, path, component, severity, value) with IRIs bare, blank nodes
# "_:", literals as their lexical form and complex paths as "complex".

_ESCAPES = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape(s: str) -> str:
    def repl(m: re.Match) -> str:
        e = m.group(1)
        if e[0] in "uU":
            return chr(int(e[1:], 16))
        return _ESCAPES.get(e, e)

    return re.sub(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", repl, s)


def norm_text_term(s) -> str | None:
    """A term written as N-Triples (fairlint) or in pyrudof's display form."""
    if s is None:
        return None
    s = str(s)
    if s.startswith("_:"):
        return "_:"
    if s.startswith("<") and s.endswith(">"):
        return s[1:-1]
    if s.startswith('"'):
        return _unescape(s[1 : s.rfind('"')])
    return s


def norm_text_path(p) -> str | None:
    if p is None:
        return None
    p = str(p).strip()
    if p.startswith("<") and p.endswith(">") and p.count("<") == 1:
        return p[1:-1]
    if re.fullmatch(r"[a-z][a-z0-9+.-]*:[^\s<>()|/^*+?!]*(/[^\s<>()|^*+?!]*)*", p) and "<" not in p:
        return p
    return "complex"


def norm_severity(s: str) -> str:
    return re.split(r"[#:/]", str(s))[-1].rstrip(")")


def norm_fairlint(r: list) -> tuple:
    focus, path, component, severity, value = r
    return (norm_text_term(focus), norm_text_path(path), component, norm_severity(severity),
            norm_text_term(value))


# ---------------------------------------------------------------------------------------------
# Engine runners (run in a child process: `compare.py _run ENGINE SHAPES ROUNDS BUDGET FILE...`)


def _files(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        out.extend(sorted(p.glob("*.nt")) if p.is_dir() else [p])
    return out


def _timed_rounds(rounds: int, budget: float, parse, validate):
    """Runs parse() then validate(parsed) until `rounds` runs or `budget` seconds.

    Returns the last validate() result, the number of runs and the medians in µs of the wall
    and the CPU times (process CPU time: it stays meaningful on a busy machine) of parse,
    validate and both."""
    times: list[list[float]] = [[] for _ in range(6)]
    started = time.perf_counter()
    out = None
    while not times[0] or (len(times[0]) < rounds and time.perf_counter() - started < budget):
        c0, t0 = time.process_time_ns(), time.perf_counter_ns()
        data = parse()
        c1, t1 = time.process_time_ns(), time.perf_counter_ns()
        out = validate(data)
        c2, t2 = time.process_time_ns(), time.perf_counter_ns()
        for i, x in enumerate((t1 - t0, t2 - t1, t2 - t0, c1 - c0, c2 - c1, c2 - c0)):
            times[i].append(x / 1e3)
        del data
    keys = ("parse_us", "validate_us", "total_us", "parse_cpu_us", "validate_cpu_us",
            "total_cpu_us")
    return out, len(times[0]), {k: statistics.median(v) for k, v in zip(keys, times)}


def run_pyshacl(shapes_path: str, rounds: int, budget: float, files: list[Path]) -> dict:
    import pyshacl
    from rdflib import RDF, BNode, Graph, Literal, URIRef
    from rdflib.namespace import SH as RSH

    def term(t):
        if t is None:
            return None
        if isinstance(t, BNode):
            return "_:"
        if isinstance(t, Literal):
            return str(t)
        return str(t)

    builds = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        shapes = Graph().parse(shapes_path, format="turtle")
        builds.append((time.perf_counter() - t0) * 1e3)
    inputs = []
    for f in files:
        text = f.read_text()

        def validate(data):
            return pyshacl.validate(data, shacl_graph=shapes, inference="none",
                                    abort_on_first=False, meta_shacl=False, advanced=False)

        out, n, medians = _timed_rounds(rounds, budget,
                                        lambda text=text: Graph().parse(data=text, format="nt"),
                                        validate)
        report = out[1]
        results = []
        # Top-level results only: pySHACL also writes the nested results of sh:node as
        # sh:detail, which the other engines (and the W3C reports) leave out.
        top = report.value(predicate=RDF.type, object=RSH.ValidationReport, any=False)
        for r in report.objects(top, RSH.result):
            path = report.value(r, RSH.resultPath)
            results.append([
                term(report.value(r, RSH.focusNode)),
                None if path is None else (str(path) if isinstance(path, URIRef) else "complex"),
                str(report.value(r, RSH.sourceConstraintComponent)),
                norm_severity(report.value(r, RSH.resultSeverity)),
                term(report.value(r, RSH.value)),
            ])
        inputs.append({"name": f.name, "rounds": n, **medians, "results": results})
    return {"engine": "pySHACL", "version": pyshacl.__version__,
            "build_ms": statistics.median(builds), "inputs": inputs}


def run_pyrudof(shapes_path: str, rounds: int, budget: float, files: list[Path]) -> dict:
    from importlib.metadata import version

    import pyrudof

    shapes_text = Path(shapes_path).read_text()
    builds = []
    rudof = pyrudof.Rudof(pyrudof.RudofConfig())
    for _ in range(rounds):
        t0 = time.perf_counter()
        rudof.reset_shacl()
        rudof.read_shacl(shapes_text, pyrudof.ShaclFormat.Turtle,
                         reader_mode=pyrudof.ReaderMode.Strict)
        builds.append((time.perf_counter() - t0) * 1e3)
    inputs = []
    for f in files:
        text = f.read_text()

        def parse(text=text):
            # merge=False replaces the previous input's triples. It must be given: without it
            # pyrudof 0.3.35 merges (its docstring says the default is False), so each record
            # would be validated together with all the earlier ones.
            rudof.read_data(text, pyrudof.RDFFormat.NTriples, reader_mode=pyrudof.ReaderMode.Strict,
                            merge=False)

        def validate(_):
            return rudof.validate_shacl(pyrudof.ShaclValidationMode.Native)

        report, n, medians = _timed_rounds(rounds, budget, parse, validate)
        results = [
            [norm_text_term(e.focus_node), norm_text_path(e.path), str(e.constraint_component),
             norm_severity(e.severity), norm_text_term(e.value)]
            for e in report
        ]
        inputs.append({"name": f.name, "rounds": n, **medians, "results": results})
    return {"engine": "pyrudof", "version": version("pyrudof"),
            "build_ms": statistics.median(builds), "inputs": inputs}


RUNNERS = {"pySHACL": run_pyshacl, "pyrudof": run_pyrudof}


# ---------------------------------------------------------------------------------------------
# Inputs


def write_batch(files: list[Path], out: Path) -> None:
    """Concatenates per-record N-Triples, renaming blank nodes per record so none merge."""
    bnode = re.compile(r"(^|\s)_:([A-Za-z0-9]+)(?=\s)")
    with out.open("w") as w:
        for i, f in enumerate(files):
            for line in f.read_text().splitlines(keepends=True):
                w.write(bnode.sub(lambda m, i=i: f"{m.group(1)}_:r{i}x{m.group(2)}", line))


SCHEMA = "http://schema.org/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
LICENSES = ["CC-BY-4.0", "CC0-1.0", "MIT", "Apache-2.0"]


def synthetic(n_triples: int, out: Path, seed: int = 8) -> None:
    """Writes about n_triples triples: Dataset and SoftwareApplication nodes (alternating), each
    ~12 triples, about one in ten with one planted defect picked at random (seeded)."""
    rng = random.Random(seed)
    lines: list[str] = []

    def t(s, p, o):
        lines.append(f"{s} <{SCHEMA}{p}> {o} .\n" if not p.startswith("http") else f"{s} <{p}> {o} .\n")

    def lit(v, dt=None, lang=None):
        v = v.replace("\\", "\\\\").replace('"', '\\"')
        return f'"{v}"' + (f"^^<{dt}>" if dt else "") + (f"@{lang}" if lang else "")

    i = 0
    while len(lines) < n_triples:
        defect = rng.randrange(10) if rng.random() < 0.1 else None
        s = f"<https://example.org/{'ds' if i % 2 == 0 else 'tool'}/{i}>"
        agent = f"_:a{i}"
        if i % 2 == 0:
            t(s, RDF_TYPE, f"<{SCHEMA}Dataset>")
            if defect != 0:
                t(s, "name", lit(f"Dataset number {i}"))
            if defect == 1:
                t(s, "name", lit(f"Second name of dataset {i}"))
            t(s, "description", lit("short" if defect == 2 else
                                    f"Measurements of sample {i} taken with protocol {i % 97}; "
                                    "raw and processed files."))
            t(s, "identifier", lit(f"doi:10.5281/{i}") if defect == 3
              else f"<https://doi.org/10.5281/zenodo.{100000 + i}>")
            t(s, "keywords", lit("genomics"))
            t(s, "keywords", lit(f"topic {i % 13}"))
            t(s, "license", f"<https://spdx.org/licenses/{'GPL-3.0' if defect == 4 else LICENSES[i % 4]}>")
            t(s, "creator", agent)
            t(agent, RDF_TYPE, f"<{SCHEMA}{'Person' if i % 3 else 'Organization'}>")
            if defect != 5:
                t(agent, "name", lit(f"Creator {i % 1000}"))
            t(s, "datePublished", lit("2021-03-04") if defect == 6
              else lit(f"20{10 + i % 14}-0{1 + i % 9}-1{i % 10}", f"{XSD}date"))
            t(s, "url", lit("example.org/landing") if defect == 7 else f"<https://example.org/landing/{i}>")
            if i % 5 == 0:
                t(s, "inLanguage", lit("xx" if defect == 8 else "en"))
        else:
            t(s, RDF_TYPE, f"<{SCHEMA}SoftwareApplication>")
            if defect != 0:
                t(s, "name", lit(f"tool{i}"))
            t(s, "description", lit("tiny" if defect == 2 else f"Aligns reads of kind {i % 31} fast."))
            t(s, "url", lit("ftp://example.org/tool") if defect == 7 else
              f"<http{'' if i % 7 == 0 else 's'}://example.org/tool/{i}>")
            if i % 4:
                t(s, "applicationCategory", lit("Command-line tool"))
            t(s, "applicationSubCategory", f"<http://edamontology.org/topic_{'12' if defect == 3 else 3000 + i % 300}>")
            t(s, "featureList", f"<http://edamontology.org/operation_{2000 + i % 500}>")
            t(s, "author", agent)
            if defect != 5:
                t(agent, RDF_TYPE, f"<{SCHEMA}Person>")
            if i % 3:
                t(s, "citation", f"<https://doi.org/10.1093/{i}>")
            t(s, "license", f"<https://spdx.org/licenses/{LICENSES[i % 4]}>")
            if defect == 1:
                t(s, "license", f"<https://spdx.org/licenses/{LICENSES[(i + 1) % 4]}>")
            if defect != 4:
                t(s, "softwareVersion", lit(f"1.{i % 10}"))
        i += 1
    out.write_text("".join(lines))


def core_shapes(out: Path) -> None:
    """computational-tool.ttl without its SHACL-SPARQL constraint, plus dataset.ttl."""
    from rdflib import Graph, Namespace

    shn = Namespace(SH)
    g = Graph().parse(SHAPES_DIR / "computational-tool.ttl", format="turtle")
    for s, o in list(g.subject_objects(shn.sparql)):
        g.remove((s, shn.sparql, o))
        for node in (o, g.value(o, shn.prefixes)):
            if node is not None:
                for d in list(g.objects(node, shn.declare)):
                    g.remove((d, None, None))
                g.remove((node, None, None))
    g.parse(SHAPES_DIR / "dataset.ttl", format="turtle")
    assert not list(g.subjects(shn.select, None)), "SPARQL left in the core shapes"
    g.serialize(out, format="turtle")


def profile_shapes(out: Path) -> int:
    """Every generated Bioschemas profile merged into one shapes graph (blank nodes kept apart).

    Returns the number of profiles merged."""
    from rdflib import Graph, Namespace

    shn = Namespace(SH)
    files = sorted((REPO / "shapes" / "bioschemas").glob("*.ttl"))
    assert files, "no generated Bioschemas shapes under shapes/bioschemas"
    g = Graph()
    for f in files:
        g.parse(f, format="turtle")
    assert not list(g.subjects(shn.select, None)), "SPARQL in the Bioschemas profiles"
    g.serialize(out, format="turtle")
    return len(files)


def count_lines(path: Path) -> int:
    with path.open("rb") as f:
        return sum(1 for line in f if line.strip())


# ---------------------------------------------------------------------------------------------
# Running and comparing


def run_engine(engine: str, args, shapes: Path, paths: list[Path], rounds: int, out: Path) -> dict:
    rss_file = out / "rss.txt"
    if engine == "fairlint":
        cmd = [args.fairlint, str(shapes), str(rounds), str(args.budget), *map(str, paths)]
    else:
        cmd = [sys.executable, __file__, "_run", engine, str(shapes), str(rounds), str(args.budget),
               *map(str, paths)]
    load = os.getloadavg()[0]
    started = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", str(rss_file), *cmd], check=False,
                          capture_output=True, text=True)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"{engine} failed on {paths[0]}...:\n{proc.stderr[-3000:]}")
    data = json.loads(proc.stdout)
    data["rss_mb"] = int(rss_file.read_text().split()[-1]) / 1024
    data["load"] = load
    data["wall_s"] = wall
    return data


def results(data: dict, with_value: bool) -> Counter:
    c: Counter = Counter()
    for inp in data["inputs"]:
        for r in inp["results"]:
            r = norm_fairlint(r) if data["engine"] == "fairlint" else tuple(r)
            c[(inp["name"], *r[: 5 if with_value else 4])] += 1
    return c


def agreement(a: dict, b: dict) -> tuple[bool, bool, str]:
    ra, rb = results(a, False), results(b, False)
    same = ra == rb
    same_values = results(a, True) == results(b, True)
    detail = ""
    if not same:
        only_a = list((ra - rb).elements())
        only_b = list((rb - ra).elements())
        detail = (f"{len(only_a)} only in {a['engine']}, {len(only_b)} only in {b['engine']}; "
                  f"e.g. {(only_a or only_b)[:2]}")
    elif not same_values:  # same results, some value written differently: say which
        va, vb = results(a, True), results(b, True)
        only_a, only_b = list((va - vb).elements()), list((vb - va).elements())
        detail = (f"values: {len(only_a)} differ; e.g. {a['engine']} {only_a[:2]}, "
                  f"{b['engine']} {only_b[:2]}")
    return same, same_values, detail


def fmt_time(us: float) -> str:
    if us >= 1e6:
        return f"{us / 1e6:.2f} s"
    if us >= 1e3:
        return f"{us / 1e3:.1f} ms"
    return f"{us:.0f} µs"


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "_run":
        engine, shapes, rounds, budget, *paths = sys.argv[2:]
        files = _files(paths)
        # The budget is for the whole set: a per-record corpus shares it among its records.
        print(json.dumps(RUNNERS[engine](shapes, int(rounds), float(budget) / len(files), files)))
        return 0

    ap = argparse.ArgumentParser()
    ap.add_argument("--fairlint", required=True, help="the shacl_bench example binary")
    ap.add_argument("--to-ntriples", required=True, help="the to_ntriples example binary")
    ap.add_argument("--corpora", default=str(REPO.parent / "shared" / "corpora"))
    ap.add_argument("--out", default=str(REPO / "target" / "bench-compare"))
    ap.add_argument("--quick", action="store_true", help="3 rounds, scale series up to 100k")
    ap.add_argument("--rounds", type=int, default=None, help="runs per input (default 5; 3 quick)")
    ap.add_argument("--budget", type=float, default=None,
                    help="seconds of repeated runs per input (default 60; 15 quick)")
    ap.add_argument("--cap", type=float, default=None,
                    help="skip an engine on an input predicted to take longer (s; default 300, 60 quick)")
    ap.add_argument("--write-docs", action="store_true", help="update docs/performance.md")
    args = ap.parse_args()
    rounds = args.rounds or (3 if args.quick else 5)
    args.budget = args.budget or (15.0 if args.quick else 60.0)
    cap = args.cap or (60.0 if args.quick else 300.0)
    sizes = [1_000, 10_000, 100_000] + ([] if args.quick else [1_000_000])
    out = Path(args.out)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    t_start = time.perf_counter()

    # Inputs.
    corpora = Path(args.corpora)
    sets: list[tuple[str, list[Path], bool]] = []  # (label, paths, per record?)
    for label, files in [
        ("bio.tools", sorted(corpora.glob("biotools/**/*.bioschemas.jsonld"))),
        ("Bioschemas examples", sorted(p for p in (corpora / "bioschemas-examples").rglob("*")
                                       if p.suffix in (".json", ".jsonld", ".html", ".ttl"))),
    ]:
        d = out / re.sub(r"\W+", "-", label.lower())
        proc = subprocess.run([args.to_ntriples, str(d), *map(str, files)], capture_output=True,
                              text=True, check=True)
        empty = [p for p in d.glob("*.nt") if p.stat().st_size == 0]
        for p in empty:  # nothing to validate (and pyrudof refuses empty input)
            p.unlink()
        nts = sorted(d.glob("*.nt"))
        skipped = proc.stderr.count("skipped")
        print(f"{label}: {len(nts)} of {len(files)} files read ({skipped} unreadable, "
              f"{len(empty)} without triples)", file=sys.stderr)
        batch = out / f"{d.name}-batch.nt"
        write_batch(nts, batch)
        sets.append((f"{label}, per record ({len(nts)})", [d], True))
        sets.append((f"{label}, one batch file", [batch], False))
    for n in sizes:
        p = out / f"scale-{n}.nt"
        synthetic(n, p)
        sets.append((f"synthetic {n // 1000}k" if n < 1_000_000 else "synthetic 1M", [p], False))
    core = out / "core.ttl"
    core_shapes(core)
    sparql = SHAPES_DIR / "computational-tool.ttl"
    profiles = out / "profiles.ttl"
    n_profiles = profile_shapes(profiles)
    print(f"profiles: {n_profiles} Bioschemas profiles in one shapes graph", file=sys.stderr)

    plan = [(label, paths, per, "core", core, ["fairlint", "pySHACL", "pyrudof"])
            for label, paths, per in sets]
    # pyrudof's SHACL-SPARQL support is partial (bench/rudof_support.py) but covers sh:sparql
    # constraints like this one, so it runs here too.
    plan += [(label, paths, per, "sparql", sparql, ["fairlint", "pySHACL", "pyrudof"])
             for label, paths, per in sets if label.startswith("bio.tools")]
    # Every Bioschemas profile as one shapes graph: the corpora and the series to 100k (the
    # 1M input would take pySHACL far past the cap).
    plan += [(label, paths, per, "profiles", profiles, ["fairlint", "pySHACL", "pyrudof"])
             for label, paths, per in sets if label != "synthetic 1M"]

    rows = []
    last_wall: dict[str, tuple[int, float]] = {}  # engine/shapes -> (triples, seconds per run)
    for label, paths, per, shapes_name, shapes, engines in plan:
        runs: dict[str, dict | None] = {}
        triples = sum(count_lines(f) for f in _files(list(map(str, paths))))
        for engine in engines:
            prev = last_wall.get(f"{engine}/{shapes_name}")
            # One run predicted from the previous (smaller) single-file input, linearly.
            if not per and prev and prev[1] * triples / prev[0] > cap:
                runs[engine] = None
                print(f"  {engine}: skipped on {label} (predicted {prev[1] * triples / prev[0]:.0f} s "
                      f"> cap {cap:.0f} s)", file=sys.stderr)
                continue
            data = run_engine(engine, args, shapes, paths, rounds, out)
            runs[engine] = data
            if not per:
                last_wall[f"{engine}/{shapes_name}"] = (triples, data["inputs"][0]["total_us"] / 1e6)
            print(f"  {label} [{shapes_name}] {engine}: {data['wall_s']:.1f} s wall, "
                  f"load {data['load']:.2f}", file=sys.stderr)
        fl = runs["fairlint"]
        assert fl is not None
        row = {"input": label, "shapes": shapes_name, "per_record": per, "triples": triples,
               "records": len(fl["inputs"]), "results": sum(len(i["results"]) for i in fl["inputs"]),
               "engines": {}}
        for engine, data in runs.items():
            if data is None:
                row["engines"][engine] = None
                continue
            same, same_values, detail = (True, True, "") if engine == "fairlint" else agreement(fl, data)
            ins = data["inputs"]
            row["engines"][engine] = {
                "version": data["version"], "build_ms": data["build_ms"],
                **{k: sum(i[k] for i in ins) for k in (
                    "total_us", "parse_us", "validate_us", "total_cpu_us", "parse_cpu_us",
                    "validate_cpu_us")},
                "per_record_us": statistics.median(i["total_us"] for i in ins),
                "per_record_cpu_us": statistics.median(i["total_cpu_us"] for i in ins),
                "rounds": min(i["rounds"] for i in ins),
                "results": sum(len(i["results"]) for i in ins),
                "same": same, "same_values": same_values, "detail": detail,
                "rss_mb": data["rss_mb"], "load": data["load"],
            }
            if not same:
                print(f"  RESULTS DIFFER ({engine} vs fairlint on {label}): {detail}", file=sys.stderr)
        rows.append(row)

    env = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()} "
                   f"{platform.release()}",
        "python": platform.python_version(),
        "versions": {e: d["version"] for row in rows for e, d in row["engines"].items() if d},
        "rounds": rounds, "budget_s": args.budget, "cap_s": cap, "quick": args.quick,
        "elapsed_s": time.perf_counter() - t_start,
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }
    (out / "compare.json").write_text(json.dumps({"env": env, "rows": rows}, indent=1))
    md = markdown(rows, env)
    (out / "compare.md").write_text(md)
    plot(rows, out / "performance.png")
    print(md)
    if args.write_docs:
        update_docs(md, out / "performance.png")
    return 0 if all(d is None or d["same"] for row in rows for d in row["engines"].values()) else 1


def markdown(rows: list[dict], env: dict) -> str:
    v = env["versions"]
    lines = [
        (f"Measured {env['date']} on {env['machine']} (Python {env['python']}); fairlint "
        f"{v.get('fairlint', '?')} (release build), pySHACL {v.get('pySHACL', '?')}, pyrudof "
        f"{v.get('pyrudof', '?')}. Median of {env['rounds']} runs per input (fewer where a row says "
        f"so: an input stops repeating after {env['budget_s']:.0f} s), load average (1 min) at the "
        f"start of each engine's run in the last column. Whole comparison: "
        f"{env['elapsed_s'] / 60:.1f} min{' (--quick)' if env['quick'] else ''}."),
        "",
        ("End to end = parse the N-Triples + validate, as wall time and as CPU time (the two "
        "agree on a quiet machine; on a busy one the CPU time is the one to trust, so the "
        "parse / validate split and the second ratio use it). Per-record rows give the sum over "
        "records of each record's median (the median record in brackets). Ratio = engine time "
        "/ fairlint time, both from the same run. *Results* is fairlint's count; *same* means "
        "the engine's results equal fairlint's as a multiset of (input, focus node, path, "
        "constraint component, severity) (✓✓: the values as well)."),
        "",
        ("| input | shapes | triples | results | engine | end to end, wall | end to end, CPU | "
        "parse, CPU | validate, CPU | ratio wall | ratio CPU | same | peak RSS | load |"),
        "|---|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---|---:|---:|",
    ]
    for row in rows:
        fl = row["engines"]["fairlint"]
        first = True
        for engine, d in row["engines"].items():
            head = (f"| {row['input']} | {row['shapes']} | {row['triples']:,} | {row['results']:,} "
                    if first else "| | | | ")
            first = False
            if d is None:
                lines.append(head + f"| {engine} | not run: predicted over the {env['cap_s']:.0f} s "
                                    "cap | | | | | | | | |")
                continue
            wall, cpu = fmt_time(d["total_us"]), fmt_time(d["total_cpu_us"])
            if row["per_record"]:
                wall += f" ({fmt_time(d['per_record_us'])})"
                cpu += f" ({fmt_time(d['per_record_cpu_us'])})"
            if d["rounds"] < env["rounds"]:
                wall += f" [{d['rounds']} run{'s' if d['rounds'] > 1 else ''}]"
            if engine == "fairlint":
                ratio_wall = ratio_cpu = "1"
            else:
                ratio_wall = f"{d['total_us'] / fl['total_us']:,.0f}×"
                ratio_cpu = f"{d['total_cpu_us'] / max(fl['total_cpu_us'], 1):,.0f}×"
            same = "—" if engine == "fairlint" else ("✓✓" if d["same_values"] else "✓" if d["same"]
                                                     else f"**no**: {d['detail'][:160]}")
            lines.append(head + f"| {engine} | {wall} | {cpu} | {fmt_time(d['parse_cpu_us'])} | "
                                f"{fmt_time(d['validate_cpu_us'])} | {ratio_wall} | {ratio_cpu} | "
                                f"{same} | {d['rss_mb']:,.0f} MB | {d['load']:.2f} |")
    return "\n".join(lines) + "\n"


def plot(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 3.8), dpi=80)
    for engine, marker in [("fairlint", "o"), ("pySHACL", "s"), ("pyrudof", "^")]:
        pts = sorted((r["triples"], r["engines"][engine]["total_cpu_us"] / 1e6) for r in rows
                     if r["input"].startswith("synthetic") and r["shapes"] == "core"
                     and r["engines"].get(engine))
        if pts:
            ax.plot(*zip(*pts), marker=marker, label=engine)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("triples (synthetic scale series)")
    ax.set_ylabel("parse + validate, CPU time (s)")
    ax.set_title("SHACL Core shapes, end to end, median of runs")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def update_docs(md: str, png: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from docs_section import replace

    replace("compare", md)
    shutil.copyfile(png, REPO / "docs" / "performance.png")


if __name__ == "__main__":
    sys.exit(main())
