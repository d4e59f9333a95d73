"""The ``>>>`` examples of the package docstring and of the stubs' docstrings run."""

from __future__ import annotations

import ast
import doctest
from pathlib import Path

import fairlint

STUB = Path(fairlint.__file__).with_name("_fairlint.pyi")


def _docstrings() -> list[tuple[str, str]]:
    out = []
    for node in ast.walk(ast.parse(STUB.read_text())):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)):
            doc = ast.get_docstring(node)
            if doc and ">>>" in doc:
                out.append((getattr(node, "name", "module"), doc))
    return out


def test_package_docstring() -> None:
    results = doctest.testmod(fairlint, optionflags=doctest.ELLIPSIS)
    assert results.attempted > 0 and results.failed == 0


def test_stub_docstring_examples() -> None:
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for name, doc in _docstrings():
        runner.run(parser.get_doctest(doc, dict(vars(fairlint)), name, str(STUB), 0))
    results = runner.summarize(verbose=False)
    assert results.attempted >= 8 and results.failed == 0, results
