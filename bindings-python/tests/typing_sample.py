"""A sample using the public API; `mypy --strict` must accept it (scripts/test-python.sh)."""

from __future__ import annotations

import pathlib
from typing import TYPE_CHECKING, Any, Iterator, Union

import fairlint

if TYPE_CHECKING:
    from fairlint._fairlint import FindingDict, FindingRow


def summarise(report: fairlint.Report) -> dict[str, int]:
    counts: dict[str, int] = report.counts
    return counts


def errors(report: fairlint.Report) -> list[fairlint.Finding]:
    return [f for f in report.findings if f.severity >= fairlint.Severity.ERROR]


def first_dict(report: fairlint.Report) -> FindingDict | None:
    for f in report.findings:
        d: FindingDict = f.to_dict()
        return d
    return None


def rows(report: fairlint.Report) -> list[FindingRow]:
    return report.findings_table(pandas=False)


def batch(engine: fairlint.Engine, paths: list[pathlib.Path]) -> Iterator[fairlint.Report]:
    result: Union[fairlint.Report, fairlint.ValidationFailure]
    for result in engine.validate_many(paths, workers=2, on_error="return"):
        if isinstance(result, fairlint.ValidationFailure):
            code: str = result.code
            print(result.index, code, result.location)
            continue
        yield result


def main() -> None:
    engine = fairlint.Engine(profile="core", shapes=None, options={"include_values": False})
    record: dict[str, Any] = {"@context": "https://schema.org/", "@type": "Dataset"}
    report = engine.validate(record)
    report = engine.validate(pathlib.Path("examples/dataset.jsonld"), format="jsonld")
    report = engine.validate(b"{}")
    print(summarise(report), errors(report), first_dict(report), rows(report))
    text: str = report.to_json() + report.to_sarif() + report.to_shacl() + report.to_text()
    html: str = report._repr_html_()
    print(len(text), len(html), report.scores, report.resources, report.input)
    try:
        engine.validate("{")
    except fairlint.ParseError as e:
        line: int | None = e.line
        print(e.code, line, e.column, e.pointer, e.block)
    except fairlint.FairlintError as e:
        print(e.code)
    fixed: fairlint.FixResult = engine.fix('{"license": "GPL-3.0"}', unsafe=True)
    new_text: str = fixed.text
    print(new_text, fixed.changed, [f["code"] for f in fixed.applied], fixed.skipped, fixed.report.conforms)
    for r in batch(engine, [pathlib.Path("examples/tool.jsonld")]):
        print(r.conforms, r.has_errors, r.count(fairlint.Severity.WARNING))


if __name__ == "__main__":
    main()
