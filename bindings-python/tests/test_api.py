"""The Python API: inputs, report and finding views, renderers, errors, threads, batches."""

from __future__ import annotations

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import fairlint

from conftest import VECTORS

RECORD = {"@context": "https://schema.org/", "@type": "Dataset", "@id": "https://example.org/x"}
UNDEFINED_PREFIX = VECTORS / "cases" / "jsonld" / "undefined-prefix.jsonld"
SHAPES = VECTORS / "cases" / "shapes" / "dataset-shapes.ttl"


@pytest.fixture(scope="module")
def engine() -> fairlint.Engine:
    return fairlint.Engine(profile="core")


# --- inputs -----------------------------------------------------------------------------------


def test_str_bytes_dict_and_path_give_the_same_findings(engine: fairlint.Engine) -> None:
    text = json.dumps(RECORD)
    reports = [
        engine.validate(text),
        engine.validate(text.encode()),
        engine.validate(bytearray(text.encode())),
        engine.validate(RECORD),
    ]
    dicts = [[f.to_dict() for f in r.findings] for r in reports]
    assert all(d == dicts[0] for d in dicts)
    assert [f.code for f in reports[0].findings] == ["R001"]
    assert all(r.input is None for r in reports)


def test_path_names_the_report_and_drives_format_detection(
    engine: fairlint.Engine, tmp_path: Path
) -> None:
    ttl = tmp_path / "record.ttl"
    ttl.write_text(
        "@prefix schema: <http://schema.org/> .\n<https://example.org/d> a schema:Dataset .\n"
    )
    report = engine.validate(ttl)
    assert report.input == str(ttl)
    assert report.document["format"] == "turtle"
    assert (report.findings[0].location or {}).get("line") == 2


def test_explicit_format(engine: fairlint.Engine) -> None:
    nt = "<https://example.org/d> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Dataset> .\n"
    assert engine.validate(nt, format="ntriples").document["format"] == "ntriples"
    with pytest.raises(fairlint.ConfigError, match="unknown format 'yaml'"):
        engine.validate(nt, format="yaml")


ROCRATE_PAYLOAD = VECTORS / "cases" / "profiles" / "ro-crate" / "payload-1.1.json"


def test_payload_lists_an_ro_crates_files() -> None:
    engine = fairlint.Engine()
    # No payload: a bare descriptor, no payload check.
    assert engine.validate(ROCRATE_PAYLOAD).conforms
    full = ["data.csv", "my file.txt", "results/table.tsv"]
    assert engine.validate(ROCRATE_PAYLOAD, payload=full).conforms
    report = engine.validate(
        ROCRATE_PAYLOAD, base_iri="file:///", payload=iter(["./data.csv", "results/"])
    )
    missing = [(f.code, f.focus_node, f.location["pointer"]) for f in report.findings]
    assert missing == [
        ("A130", "<file:///my%20file.txt>", "/@graph/5/@id"),
        ("A130", "<file:///results/table.tsv>", "/@graph/7/@id"),
    ]
    with pytest.raises(TypeError):
        engine.validate(ROCRATE_PAYLOAD, payload="data.csv")
    with pytest.raises(TypeError):
        engine.validate(ROCRATE_PAYLOAD, payload=[1])


def test_unsupported_source_type_is_a_type_error(engine: fairlint.Engine) -> None:
    with pytest.raises(TypeError, match="not int"):
        engine.validate(42)  # type: ignore[arg-type]


def test_missing_file_is_an_os_error(engine: fairlint.Engine, tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError) as info:
        engine.validate(tmp_path / "nope.jsonld")
    assert info.value.filename == str(tmp_path / "nope.jsonld")


# --- the report and its findings ----------------------------------------------------------


def test_report_attributes_come_from_the_core_json(engine: fairlint.Engine) -> None:
    report = engine.validate(UNDEFINED_PREFIX)
    d = json.loads(report.to_json())
    assert report.to_dict() == d
    assert report.scores == d["scores"]
    assert report.document == d["document"]
    assert report.profile == d["profile"]
    assert report.resources == d["resources"]
    assert report.counts == d["counts"]
    assert report.input == d["input"]
    assert report.schema_version == d["schema_version"]
    assert report.fairlint_version == fairlint.__version__ == d["fairlint_version"]
    assert report.conforms is d["conforms"] is False
    assert report.truncated is d["truncated"]
    assert report.has_errors is (d["counts"]["error"] > 0)
    assert [f.to_dict() for f in report.findings] == d["findings"]
    for f, fd in zip(report.findings, d["findings"]):
        assert f.code == fd["code"]
        assert f.severity.value == fd["severity"]
        assert f.principle == fd["principle"]
        assert (f.focus_node, f.path, f.value) == (fd["focus_node"], fd["path"], fd["value"])
        assert (f.context, f.message, f.url) == (fd["context"], fd["message"], fd["url"])
        assert (f.fix, f.source, f.location) == (fd["fix"], fd["source"], fd["location"])
    assert report.count(fairlint.Severity.WARNING) == d["counts"]["warning"]
    # Keys without a typed attribute (e.g. `indicators` once the core reports them) are still
    # reachable as attributes, straight from the core's JSON; nothing else is.
    for key in d:
        value = getattr(report, key)
        if key == "findings":
            value = [f.to_dict() for f in value]
        assert value == d[key], key
    assert hasattr(report, "indicators") == ("indicators" in d)
    with pytest.raises(AttributeError):
        report.no_such_key  # noqa: B018


def test_report_is_read_only(engine: fairlint.Engine) -> None:
    report = engine.validate(RECORD)
    with pytest.raises(AttributeError):
        report.conforms = True  # type: ignore[misc]
    with pytest.raises(AttributeError):
        report.findings[0].code = "X"  # type: ignore[misc]


def test_severity_is_ordered_and_named() -> None:
    S = fairlint.Severity
    assert S.INFO < S.WARNING < S.ERROR
    assert max([S.WARNING, S.ERROR, S.INFO]) is S.ERROR
    assert str(S.ERROR) == "error" and S.INFO.value == "info"
    assert {S.ERROR: 1}[S.ERROR] == 1
    assert S.ERROR == S.ERROR and S.ERROR != S.INFO


def test_options_dict_is_the_json_config() -> None:
    masked = fairlint.Engine(profile="core", options={"include_values": False, "ignore": ["I005"]})
    report = masked.validate(UNDEFINED_PREFIX)
    assert [(f.code, f.value) for f in report.findings] == [("I003", "***")]
    strict = fairlint.Engine(profile="core", options={"severity": {"I003": "error"}})
    assert strict.validate(UNDEFINED_PREFIX).has_errors
    limited = fairlint.Engine(profile="core", options={"limits": {"max_findings": 1}})
    assert limited.validate(UNDEFINED_PREFIX).truncated


def test_profile_argument_overrides_options() -> None:
    engine = fairlint.Engine(profile="core", options={"profile": "nope"})
    assert engine.validate(RECORD).profile["selected_by"] == "explicit"


def test_user_shapes_from_path_text_and_bytes() -> None:
    text = SHAPES.read_text()
    results = []
    for shapes in ([SHAPES], SHAPES, [text], [text.encode()]):
        report = fairlint.Engine(profile="core", shapes=shapes).validate(
            VECTORS / "cases" / "jsonld" / "no-conforms-to.jsonld"
        )
        results.append(sorted(f.code for f in report.findings))
    assert all(r == ["R001", "R101", "X000"] for r in results), results


# --- renderers ----------------------------------------------------------------------------


def test_sarif(engine: fairlint.Engine) -> None:
    report = engine.validate(UNDEFINED_PREFIX)
    log = json.loads(report.to_sarif())
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert len(run["results"]) == len(report.findings)
    for result, finding in zip(run["results"], report.findings):
        assert result["ruleId"] == finding.code
        assert ids[result["ruleIndex"]] == finding.code
        # The documentation page is a path in the repository (SARIF's helpUri must be absolute).
        assert rules[result["ruleIndex"]]["properties"]["documentation"] == finding.url
        assert finding.url == f"docs/site/src/rules/{finding.code}.md"
        assert result["level"] == {"error": "error", "warning": "warning", "info": "note"}[
            finding.severity.value
        ]
        logical = result["locations"][0]["logicalLocations"]
        assert logical[0]["fullyQualifiedName"] == finding.location["pointer"]


def test_shacl_report(engine: fairlint.Engine) -> None:
    report = engine.validate(UNDEFINED_PREFIX)
    ttl = report.to_shacl()
    assert "sh:ValidationReport" in ttl and "sh:conforms false" in ttl
    assert ttl.count("sh:ValidationResult") == len(report.findings)
    for f in report.findings:
        assert f'fair:code "{f.code}"' in ttl


def test_text(engine: fairlint.Engine) -> None:
    assert "R001" in engine.validate(RECORD).to_text()


# --- notebooks ----------------------------------------------------------------------------


def test_repr_html_escapes_and_shows_fixes(engine: fairlint.Engine) -> None:
    record = dict(RECORD, **{"@id": "https://example.org/a&b"})
    html = engine.validate(record)._repr_html_()
    # Focus nodes are N-Triples terms: <iri> must come out escaped, & too.
    assert "<https://" not in html and "&lt;https://example.org/a&amp;b&gt;" in html
    assert "<table>" in html and "R001" in html
    finding = engine.validate(record).findings[0]
    assert finding.fix is not None
    assert finding.fix["message"].replace('"', "&quot;").replace("'", "&#x27;")[:40] in html
    assert "No findings" in engine.validate(VECTORS / "cases" / "turtle" / "complete.ttl")._repr_html_()


def test_findings_table_rows_are_flat(engine: fairlint.Engine) -> None:
    report = engine.validate(UNDEFINED_PREFIX)
    rows = report.findings_table(pandas=False)
    assert len(rows) == len(report.findings)
    for row, f in zip(rows, report.findings):
        assert row["code"] == f.code and row["severity"] == f.severity.value
        assert row["fix"] == (f.fix or {}).get("message")
        assert row["pointer"] == (f.location or {}).get("pointer")
        assert row["input"] == str(UNDEFINED_PREFIX)
        assert all(not isinstance(v, (dict, list)) for v in row.values())


def test_findings_table_pandas(engine: fairlint.Engine) -> None:
    report = engine.validate(UNDEFINED_PREFIX)
    try:
        import pandas  # noqa: F401
    except ImportError:
        assert isinstance(report.findings_table(), list)
        with pytest.raises(ImportError):
            report.findings_table(pandas=True)
    else:  # pandas comes with the Spark test dependencies (scripts/test-python.sh)
        frame = report.findings_table()
        assert list(frame["code"]) == [f.code for f in report.findings]
        assert list(frame.columns) == list(report.findings_table(pandas=False)[0])
        assert len(frame) == len(report.findings)


# --- errors -------------------------------------------------------------------------------


def test_error_hierarchy() -> None:
    assert issubclass(fairlint.FairlintError, Exception)
    assert fairlint.FairError is fairlint.FairlintError
    for cls, builtin, code in [
        (fairlint.ParseError, ValueError, "parse_error"),
        (fairlint.ShapesError, ValueError, "shapes_error"),
        (fairlint.ConfigError, TypeError, "config_error"),
        (fairlint.ResolveError, OSError, "resolve_error"),
        (fairlint.LimitError, Exception, "limit_exceeded"),
    ]:
        assert issubclass(cls, fairlint.FairlintError) and issubclass(cls, builtin)
        assert cls.code == code and cls.__module__ == "fairlint"
    assert not issubclass(fairlint.LimitError, ValueError)


def test_parse_error_location(engine: fairlint.Engine) -> None:
    with pytest.raises(fairlint.ParseError) as info:
        engine.validate('{\n  "@context": "https://schema.org/",\n  "name": }')
    e = info.value
    assert (e.code, e.line, e.pointer, e.block) == ("parse_error", 3, None, None)
    assert e.column is not None and isinstance(e, ValueError)


def test_resolve_error_points_at_the_reference(engine: fairlint.Engine) -> None:
    with pytest.raises(fairlint.ResolveError) as info:
        engine.validate({"@context": "https://example.org/ctx.jsonld", "@type": "Dataset"})
    assert info.value.pointer == "/@context" and info.value.code == "resolve_error"


def test_limit_error() -> None:
    engine = fairlint.Engine(options={"limits": {"max_input_bytes": 10}})
    with pytest.raises(fairlint.LimitError) as info:
        engine.validate(RECORD)
    assert info.value.code == "limit_exceeded"


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"profile": "nope"}, "unknown profile"),
        ({"options": {"profil": "core"}}, "unknown field"),
        ({"options": {"limits": {"max_json_depth": 0}}}, "max_json_depth"),
        ({"options": {"ignore": ["NOPE"]}}, "unknown code"),
        ({"options": '{"profile": "core"}'}, "must be a dict"),
        ({"options": {"ignore": {1, 2}}}, "not JSON data"),
    ],
)
def test_config_errors(kwargs, message: str) -> None:
    with pytest.raises(fairlint.ConfigError, match=message) as info:
        fairlint.Engine(**kwargs)
    assert info.value.code == "config_error" and isinstance(info.value, TypeError)


def test_ontologies_from_path_text_and_bytes() -> None:
    obo = VECTORS / "cases" / "ontology" / "go-excerpt.obo"
    record = VECTORS / "cases" / "ontology" / "go-terms.jsonld"
    codes = []
    for ontologies in ([obo], obo, [obo.read_text()], [obo.read_bytes()]):
        report = fairlint.Engine(profile="core", ontologies=ontologies).validate(record)
        codes.append(sorted(f.code for f in report.findings if f.code.startswith("I11")))
    assert all(c == ["I110", "I111"] for c in codes), codes
    without = fairlint.Engine(profile="core", ontologies=[]).validate(record)
    assert not [f for f in without.findings if f.code in ("I110", "I111")]


def test_shapes_error() -> None:
    with pytest.raises(fairlint.ShapesError, match="bad-shapes.ttl") as info:
        fairlint.Engine(shapes=[VECTORS / "cases" / "shapes" / "bad-shapes.ttl"])
    assert info.value.code == "shapes_error" and isinstance(info.value, ValueError)
    with pytest.raises(fairlint.ShapesError, match=r"shapes\[0\]"):
        fairlint.Engine(shapes=["@prefix sh: <http://www.w3.org/ns/shacl#> . this is not turtle"])


# --- threads and batches ------------------------------------------------------------------


def test_many_threads_share_one_engine(engine: fairlint.Engine) -> None:
    inputs = [UNDEFINED_PREFIX, RECORD, VECTORS / "cases" / "turtle" / "complete.ttl"] * 40
    expected = [engine.validate(i).to_json() for i in inputs]
    barrier = threading.Barrier(8)

    def work(i: int) -> list[str]:
        barrier.wait()
        return [engine.validate(x).to_json() for x in inputs[i::8]]

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(work, range(8)))
    for i, chunk in enumerate(results):
        assert chunk == expected[i::8]


def test_validate_many_keeps_input_order_and_carries_on(engine: fairlint.Engine, tmp_path: Path) -> None:
    sources: list[object] = []
    for i in range(300):
        if i % 50 == 7:
            sources.append("{not json")
        elif i % 50 == 13:
            sources.append(tmp_path / f"missing-{i}.jsonld")
        else:
            sources.append(dict(RECORD, **{"@id": f"https://example.org/ds/{i}"}))
    results = list(engine.validate_many(iter(sources), workers=2))
    assert len(results) == len(sources)
    for i, r in enumerate(results):
        if i % 50 == 7:
            assert isinstance(r, fairlint.ValidationFailure)
            assert (r.index, r.code) == (i, "parse_error")
            assert isinstance(r.error, fairlint.ParseError) and r.location == {"line": 1, "column": 2}
            with pytest.raises(fairlint.ParseError):
                r.raise_error()
        elif i % 50 == 13:
            assert isinstance(r, fairlint.ValidationFailure)
            assert (r.index, r.code, r.input) == (i, "io_error", str(tmp_path / f"missing-{i}.jsonld"))
            assert isinstance(r.error, FileNotFoundError)
        else:
            assert isinstance(r, fairlint.Report)
            assert r.findings[0].focus_node == f"<https://example.org/ds/{i}>"


def test_validate_many_on_error_raise(engine: fairlint.Engine) -> None:
    it = engine.validate_many([RECORD, RECORD, "{bad", RECORD], on_error="raise")
    assert isinstance(next(it), fairlint.Report)
    assert isinstance(next(it), fairlint.Report)
    with pytest.raises(fairlint.ParseError):
        next(it)
    assert list(it) == []


def test_validate_many_arguments(engine: fairlint.Engine) -> None:
    assert list(engine.validate_many([])) == []
    with pytest.raises(fairlint.ConfigError):
        engine.validate_many([RECORD], on_error="ignore")  # type: ignore[arg-type]
    with pytest.raises(fairlint.ConfigError):
        engine.validate_many([RECORD], workers=0)
    with pytest.raises(TypeError, match="not int"):
        list(engine.validate_many([RECORD, 3]))  # type: ignore[list-item]
    nt = "<https://example.org/d> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Dataset> .\n"
    (report,) = engine.validate_many([nt], format="ntriples")
    assert isinstance(report, fairlint.Report) and report.document["format"] == "ntriples"


def test_validate_many_propagates_the_iterables_exception(engine: fairlint.Engine) -> None:
    def gen():
        yield RECORD
        raise RuntimeError("source broke")

    it = engine.validate_many(gen())
    assert isinstance(next(it), fairlint.Report)
    with pytest.raises(RuntimeError, match="source broke"):
        next(it)


def test_validate_many_matches_validate_and_is_not_slower(engine: fairlint.Engine) -> None:
    sources = [dict(RECORD, **{"@id": f"https://example.org/ds/{i}", "name": "x" * (i % 17)}) for i in range(400)]
    start = time.perf_counter()
    one_by_one = [engine.validate(s).to_json() for s in sources]
    sequential = time.perf_counter() - start
    start = time.perf_counter()
    batch = [r.to_json() for r in engine.validate_many(sources, workers=2)]  # type: ignore[union-attr]
    parallel = time.perf_counter() - start
    assert batch == one_by_one
    # Sanity, not a benchmark: the batch must not be much slower than one call at a time.
    assert parallel < sequential * 1.5 + 0.05, (parallel, sequential)


def test_validate_many_releases_the_gil(engine: fairlint.Engine) -> None:
    """Another Python thread keeps running while a batch is checked."""
    sources = [UNDEFINED_PREFIX.read_bytes()] * 600
    ticks = 0
    done = threading.Event()

    def ticker() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            time.sleep(0)

    t = threading.Thread(target=ticker)
    t.start()
    try:
        assert sum(1 for _ in engine.validate_many(sources, workers=1)) == 600
    finally:
        done.set()
        t.join()
    assert ticks > 10


def test_user_contexts_load_unbundled_ones_and_win_over_bundled() -> None:
    record = '{"@context": "https://example.org/ctx", "@type": "Thing", "title": "x"}'
    with pytest.raises(fairlint.ResolveError):
        fairlint.Engine().validate(record, format="jsonld")
    context = {"@context": {"@vocab": "http://example.org/terms#"}}
    for given in (context, json.dumps(context)):
        report = fairlint.Engine(contexts={"https://example.org/ctx": given}).validate(
            record, format="jsonld"
        )
        assert report.to_dict()["document"]["contexts"] == ["user context https://example.org/ctx"]
    # The same option through options=.
    engine = fairlint.Engine(options={"contexts": {"https://example.org/ctx": json.dumps(context)}})
    assert engine.validate(record, format="jsonld").to_dict()["document"]["triples"] == 2


def test_bad_user_contexts_are_config_errors_naming_the_iri() -> None:
    with pytest.raises(fairlint.ConfigError, match="https://example.org/bad"):
        fairlint.Engine(contexts={"https://example.org/bad": "{not json"})
    with pytest.raises(fairlint.ConfigError, match="https://example.org/bad"):
        fairlint.Engine(contexts={"https://example.org/bad": 3})
    with pytest.raises(fairlint.ConfigError, match="contexts"):
        fairlint.Engine(contexts=["https://example.org/bad"])
