"""``Engine.fix``: the fixed text byte for byte (tabs, CRLF, escaped slashes, non-ASCII), what
was applied and left, unsafe fixes only when asked, the same bytes as ``fairlint fix``, errors."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

import fairlint

RECORD = (
    '{\r\n\t"@context": "https:\\/\\/schema.org\\/",\r\n\t"@type": "Dataset",\r\n'
    '\t"name": "Caf\\u00e9",\r\n\t"license": "GPL-3.0",\r\n\t"creater": "Jane Doe",\r\n'
    '\t"about": {"@id": "http://edamontology.org/topic_0091", "name": "Bioinformatcs"}\r\n}\r\n'
)
FIXED = (
    RECORD.replace('"GPL-3.0"', '"https:\\/\\/spdx.org\\/licenses\\/GPL-3.0-only"')
    .replace('"Bioinformatcs"', '"Bioinformatics"')
)


@pytest.fixture(scope="module")
def engine() -> fairlint.Engine:
    return fairlint.Engine(profile="core")


def test_safe_fixes_keep_every_other_byte(engine: fairlint.Engine) -> None:
    result = engine.fix(RECORD)
    assert isinstance(result, fairlint.FixResult)
    assert result.text == FIXED
    assert result.changed
    assert sorted(f["code"] for f in result.applied) == ["I104", "R010", "R013"]
    r010 = next(f for f in result.applied if f["code"] == "R010")
    assert r010["applicability"] == "safe"
    assert r010["edits"] == [{"target": "value", "find": "GPL-3.0", "replace": "GPL-3.0-only", "within": True}]
    assert r010["location"] == {"pointer": "/license"}
    # The unsafe rename is left, and says why.
    assert [(s["code"], s["applicability"]) for s in result.skipped] == [("I121", "unsafe")]
    assert "--unsafe-fixes" in result.skipped[0]["reason"]
    # The report is the fixed text's.
    codes = [f.code for f in result.report.findings]
    assert "R010" not in codes and "I104" not in codes and "I121" in codes
    assert "<FixResult 3 applied, 1 left>" == repr(result)


def test_fixing_twice_equals_fixing_once(engine: fairlint.Engine) -> None:
    once = engine.fix(RECORD).text
    again = engine.fix(once)
    assert again.text == once
    assert not again.changed


def test_unsafe_fixes_when_asked(engine: fairlint.Engine) -> None:
    result = engine.fix(RECORD, unsafe=True)
    assert result.text == FIXED.replace('"creater"', '"creator"')
    assert result.skipped == []


def test_bytes_dict_and_path_sources(engine: fairlint.Engine, tmp_path: Path) -> None:
    assert engine.fix(RECORD.encode()).text == FIXED
    path = tmp_path / "r.jsonld"
    path.write_bytes(RECORD.encode())
    assert engine.fix(path).text == FIXED
    assert path.read_bytes() == RECORD.encode()  # read, never written
    # A dict is serialised first: the edit lands in that text.
    fixed = engine.fix({"@context": "https://schema.org/", "@type": "Dataset", "license": "GPL-3.0"})
    assert '"https://spdx.org/licenses/GPL-3.0-only"' in fixed.text


def test_biotools_json(engine: fairlint.Engine) -> None:
    record = '{\n\t"biotoolsID": "x", "name": "X", "description": "A tool.", "homepage": "https://example.org/x",\n\t"license": "GPL-3.0"\n}'
    result = engine.fix(record, format="biotools")
    assert result.text == record.replace('"GPL-3.0"', '"GPL-3.0-only"')


def test_other_formats_are_left_alone(engine: fairlint.Engine) -> None:
    ttl = '@prefix schema: <http://schema.org/> .\n<https://example.org/d> a schema:Dataset ; schema:license "GPL-3.0" .\n'
    result = engine.fix(ttl)
    assert result.text == ttl
    assert result.applied == []


def test_errors_are_typed(engine: fairlint.Engine) -> None:
    with pytest.raises(fairlint.ParseError) as e:
        engine.fix('{"@context": ')
    assert e.value.code == "parse_error"
    with pytest.raises(TypeError):
        engine.fix(12)  # type: ignore[arg-type]
    with pytest.raises(fairlint.ConfigError):
        engine.fix(RECORD, format="nope")


def test_same_bytes_as_the_cli(engine: fairlint.Engine, cli: Path, tmp_path: Path) -> None:
    path = tmp_path / "r.jsonld"
    path.write_bytes(RECORD.encode())
    out = subprocess.run(
        [cli, "fix", "--profile", "core", "--fail-on", "never", str(path)], capture_output=True, check=True
    ).stdout
    assert out.decode() == engine.fix(path).text
