"""Shared fixtures: paths of the repository's test vectors and the Rust CLI to compare with."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VECTORS = ROOT / "test-vectors"


@pytest.fixture(scope="session")
def cli() -> Path:
    """The `fairlint` binary built from this tree (scripts/test-python.sh builds it)."""
    candidates = []
    if os.environ.get("FAIRLINT_CLI"):
        candidates.append(Path(os.environ["FAIRLINT_CLI"]))
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    candidates.append(target / "debug" / "fairlint")
    for c in candidates:
        if c.exists():
            return c
    found = shutil.which("fairlint")
    if not found:
        pytest.fail("build the CLI first (cargo build -p fair-cli) or set FAIRLINT_CLI")
    return Path(found)
