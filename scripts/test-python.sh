#!/usr/bin/env bash
# Python: a venv with pinned maturin, pytest and mypy; the binding built into it; its tests
# (shared vectors, byte-identical JSON with the Rust CLI, API, errors, threads, batches, README,
# doctests), `mypy --strict` on a sample using the API, and `mypy.stubtest` on the stubs.
# fairlint.spark's tests run Spark local[2]: Java from Debian (scripts/lib/ensure-java.sh) and the
# pinned pyspark, pyarrow and pandas (scripts/lib/spark-versions.sh) from PyPI; they fail, not
# skip, when either is missing (FAIRLINT_REQUIRE_SPARK=1).
set -euo pipefail
cd "$(dirname "$0")/.."
MATURIN_VERSION=1.16.0
PYTEST_VERSION=8.4.2
MYPY_VERSION=1.18.2
# shellcheck source=scripts/lib/spark-versions.sh
source scripts/lib/spark-versions.sh
step() { printf '\n==> %s\n' "$*"; }
# fair-rules embeds rocrate-validator's profiles (fetched, not committed); a no-op once present.
bash scripts/import-rocrate-profiles.sh

step "Python: venv with maturin ${MATURIN_VERSION}, pytest ${PYTEST_VERSION}, mypy ${MYPY_VERSION}"
if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
.venv/bin/pip install --quiet --disable-pip-version-check \
    "maturin==${MATURIN_VERSION}" "pytest==${PYTEST_VERSION}" "mypy==${MYPY_VERSION}"

step "Python: Spark (pyspark ${PYSPARK_VERSION}, pyarrow ${PYARROW_VERSION}, pandas ${PANDAS_VERSION}) and Java"
.venv/bin/pip install --quiet --disable-pip-version-check "${SPARK_PIP_PINS[@]}"
bash scripts/lib/ensure-java.sh

step "Python: build the binding into the venv"
VIRTUAL_ENV="$PWD/.venv" PATH="$PWD/.venv/bin:$PATH" \
    .venv/bin/maturin develop --quiet --manifest-path bindings-python/Cargo.toml

step "Python: tests"
cargo build --quiet -p fair-cli   # the cross-face tests compare with the CLI's bytes
FAIRLINT_CLI="${CARGO_TARGET_DIR:-$PWD/target}/debug/fairlint" FAIRLINT_REQUIRE_SPARK=1 \
    SPARK_LOCAL_IP=127.0.0.1 PYSPARK_PYTHON="$PWD/.venv/bin/python" .venv/bin/python -m pytest bindings-python/tests -q -p no:cacheprovider

step "Python: mypy --strict on a sample using the API, stubtest on the stubs"
export MYPY_CACHE_DIR="$PWD/.venv/.mypy_cache"
.venv/bin/python -m mypy --strict bindings-python/tests/typing_sample.py \
    bindings-python/python/fairlint/spark.py bindings-python/tests/typing_sample_spark.py
.venv/bin/python -m mypy.stubtest fairlint._fairlint --allowlist bindings-python/stubtest-allowlist.txt
