"""Runs the shared test vectors (test-vectors/manifest.json) through the Python binding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import fairlint

VECTORS = Path(__file__).resolve().parents[2] / "test-vectors"
MANIFEST = json.loads((VECTORS / "manifest.json").read_text())["vectors"]


def matches(expected, actual) -> bool:
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(
            k in actual and matches(v, actual[k]) for k, v in expected.items()
        )
    return expected == actual


# Vectors this binding cannot run yet, each with the reason.
SKIP = {
    "shapes-user-shapes-findings": "user shapes are not exposed by the Python binding yet",
    "shapes-datatype-violation": "user shapes are not exposed by the Python binding yet",
    "error-ill-formed-shapes": "user shapes are not exposed by the Python binding yet",
}


@pytest.mark.parametrize("vector", MANIFEST, ids=[v["id"] for v in MANIFEST])
def test_vector(vector):
    if vector["id"] in SKIP:
        pytest.skip(SKIP[vector["id"]])
    assert "shapes" not in vector, "a vector with shapes must be in SKIP until the binding has them"
    expect = vector["expect"]
    options = vector.get("options")
    data = (VECTORS / vector["input"]).read_bytes()
    try:
        engine = fairlint.Engine(options=json.dumps(options) if options else None)
        text = data.decode("utf-8")
        report = json.loads(engine.validate_json(text, vector.get("format")))
    except (ValueError, UnicodeDecodeError):
        assert "error" in expect, f"unexpected error for {vector['id']}"
        return
    assert "error" not in expect, f"expected {expect['error']}, got a report"
    if "conforms" in expect:
        assert report["conforms"] == expect["conforms"]
    for key in ("document", "profile", "counts"):
        if key in expect:
            assert matches(expect[key], report[key]), (key, report[key])
    if "findings" in expect:
        actual = list(report["findings"])
        assert len(actual) == len(expect["findings"]), actual
        for e in expect["findings"]:
            hit = next((a for a in actual if matches(e, a)), None)
            assert hit is not None, (e, actual)
            actual.remove(hit)


def test_report_is_identical_to_rust_cli(tmp_path):
    """The Python face returns the very bytes the Rust core renders (compared via the CLI)."""
    import shutil
    import subprocess

    cli = Path(__file__).resolve().parents[2] / "target" / "debug" / "fairlint"
    if not cli.exists():
        cli = shutil.which("fairlint")
    assert cli, "build the CLI first (cargo build -p fair-cli)"
    record = VECTORS / "cases" / "jsonld" / "undefined-prefix.jsonld"
    rust = json.loads(
        subprocess.run(
            [str(cli), "check", "--format", "json", "-", "--input-format", "jsonld", "--fail-on", "never"],
            input=record.read_bytes(),
            capture_output=True,
            check=True,
        ).stdout
    )
    rust.pop("input")
    python = json.loads(fairlint.Engine().validate_json(record.read_text(), "jsonld"))
    assert python == rust
