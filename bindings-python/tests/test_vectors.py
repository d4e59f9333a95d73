"""Runs the shared test vectors (test-vectors/manifest.json) through the Python binding, and
checks that every non-error vector gives the very JSON bytes of the Rust CLI."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

import fairlint

from conftest import VECTORS

MANIFEST = json.loads((VECTORS / "manifest.json").read_text())["vectors"]


# Vectors this binding cannot run, each with the reason. Empty: it runs them all.
SKIP: dict[str, str] = {}

ERROR_CLASSES = {
    "parse_error": fairlint.ParseError,
    "limit_exceeded": fairlint.LimitError,
    "resolve_error": fairlint.ResolveError,
    "config_error": fairlint.ConfigError,
    "shapes_error": fairlint.ShapesError,
}


def matches(expected, actual) -> bool:
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(
            k in actual and matches(v, actual[k]) for k, v in expected.items()
        )
    return expected == actual


_ENGINES: dict[str, fairlint.Engine] = {}


def engine_for(vector) -> fairlint.Engine:
    """One engine per distinct (shapes, ontologies, options): build once, validate many."""
    key = json.dumps([vector.get(k) for k in ("shapes", "ontologies", "options")], sort_keys=True)
    if key not in _ENGINES:
        shapes = [VECTORS / s for s in vector.get("shapes", [])]
        ontologies = [VECTORS / s for s in vector.get("ontologies", [])]
        _ENGINES[key] = fairlint.Engine(
            shapes=shapes or None, ontologies=ontologies or None, options=vector.get("options")
        )
    return _ENGINES[key]


def run(vector) -> fairlint.Report:
    # The vectors' expected IRIs resolve against the default base, as fair-core's vector test
    # reads them (a path alone would resolve against the file's location).
    return engine_for(vector).validate(
        VECTORS / vector["input"],
        vector.get("format"),
        base_iri="file:///",
        payload=vector.get("payload"),
    )


@pytest.mark.parametrize("vector", MANIFEST, ids=[v["id"] for v in MANIFEST])
def test_vector(vector):
    if vector["id"] in SKIP:
        pytest.skip(SKIP[vector["id"]])
    expect = vector["expect"]
    if "error" in expect:
        cls = ERROR_CLASSES[expect["error"]]
        with pytest.raises(fairlint.FairlintError) as info:
            run(vector)
        err = info.value
        assert isinstance(err, cls), (type(err), expect["error"])
        assert err.code == expect["error"]
        for key, value in expect.get("location", {}).items():
            assert getattr(err, key) == value, (key, getattr(err, key), value)
        return
    report = run(vector)
    actual_dict = report.to_dict()
    if "conforms" in expect:
        assert report.conforms == expect["conforms"]
    for key in ("document", "profile", "profiles", "counts"):
        if key in expect:
            assert matches(expect[key], actual_dict[key]), (key, actual_dict[key])
    if "scores" in expect:
        assert matches(expect["scores"], report.scores), report.scores
    for e in expect.get("indicators", []):  # listed indicators only, by id
        hit = next((a for a in actual_dict["indicators"] if a["id"] == e["id"]), None)
        assert hit is not None and matches(e, hit), (e, hit)
    if "findings" in expect:
        actual = [f.to_dict() for f in report.findings]
        assert actual == actual_dict["findings"]
        assert len(actual) == len(expect["findings"]), actual
        for e in expect["findings"]:
            hit = next((a for a in actual if matches(e, a)), None)
            assert hit is not None, (e, actual)
            actual.remove(hit)


NON_ERROR = [v for v in MANIFEST if "error" not in v["expect"] and v["id"] not in SKIP]

# The CLI has no option for user ontologies, and lists a payload only for a crate directory or
# zip (not for a bare descriptor): those vectors cannot be compared with it.
CLI_SKIP = {v["id"]: "the CLI has no --ontology option" for v in NON_ERROR if v.get("ontologies")}
CLI_SKIP |= {
    v["id"]: "the CLI lists a payload only for a crate directory or zip"
    for v in NON_ERROR
    if v.get("payload") is not None
}


@pytest.mark.parametrize("vector", NON_ERROR, ids=[v["id"] for v in NON_ERROR])
def test_report_json_is_identical_to_rust(vector, cli: Path, tmp_path: Path):
    """`Report.to_json()` gives the bytes the Rust CLI prints for the same file and options."""
    if vector["id"] in CLI_SKIP:
        pytest.skip(CLI_SKIP[vector["id"]])
    path = VECTORS / vector["input"]
    args = [str(cli), "check", "--format", "json", "--fail-on", "never", str(path)]
    if vector.get("format"):
        args += ["--input-format", vector["format"]]
    for s in vector.get("shapes", []):
        args += ["--shapes", str(VECTORS / s)]
    if vector.get("options"):
        config = tmp_path / "options.json"
        config.write_text(json.dumps(vector["options"]))
        args += ["--config", str(config)]
    rust = subprocess.run(args, capture_output=True, check=True).stdout.decode("utf-8")
    python = engine_for(vector).validate(path, vector.get("format")).to_json()
    assert python == rust
