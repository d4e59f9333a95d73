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

# Installs without Rust: the release abi3 wheel, as users get it, installed into a fresh venv
# whose PATH has no cargo, rustc or rustup, and the same tests run against it. The release build
# reuses target/release between runs (cargo's incremental cache), so a re-run only relinks.
step "Python: release abi3 wheel (maturin build --release)"
TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$PWD/$TARGET_DIR" ;; esac
WHEELS="$TARGET_DIR/wheels-release"
rm -rf "$WHEELS"
.venv/bin/maturin build --release --quiet --manifest-path bindings-python/Cargo.toml --out "$WHEELS"
shopt -s nullglob
wheels=("$WHEELS"/fairlint-*-abi3-*.whl)
shopt -u nullglob
if [ "${#wheels[@]}" -ne 1 ]; then
    echo "expected one abi3 wheel in $WHEELS, found: ${wheels[*]:-none}" >&2
    exit 1
fi
WHEEL="${wheels[0]}"
echo "wheel: $(basename "$WHEEL") ($(du -k "$WHEEL" | cut -f1) KiB)"

step "Python: the wheel in a fresh venv with no Rust toolchain on PATH, and the tests against it"
NORUST_PATH=""
IFS=: read -r -a path_dirs <<<"$PATH"
for d in "${path_dirs[@]}"; do
    [ -n "$d" ] || continue
    if [ -e "$d/cargo" ] || [ -e "$d/rustc" ] || [ -e "$d/rustup" ]; then
        continue
    fi
    NORUST_PATH="${NORUST_PATH:+$NORUST_PATH:}$d"
done
NORUST_VENV="$TARGET_DIR/wheel-venv"
rm -rf "$NORUST_VENV"
python3 -m venv "$NORUST_VENV"
NORUST_PATH="$NORUST_VENV/bin:$NORUST_PATH"
norust() {
    env -u CARGO_HOME -u RUSTUP_HOME -u CARGO -u RUSTC PATH="$NORUST_PATH" VIRTUAL_ENV="$NORUST_VENV" "$@"
}
# A toolchain on PATH would let a source build hide a broken wheel: make sure there is none.
norust python -c 'import shutil, sys
found = [t for t in ("cargo", "rustc", "rustup") if shutil.which(t)]
sys.exit(f"a Rust toolchain is on PATH: {found}" if found else 0)'
# With the Spark extra's pinned packages, so fairlint.spark and the README's Spark example run
# against the wheel too.
# (pyspark is published as a pure-Python source distribution only, hence its own install.)
norust python -m pip install --quiet --disable-pip-version-check --only-binary=:all: \
    "$WHEEL" "pytest==${PYTEST_VERSION}"
norust python -m pip install --quiet --disable-pip-version-check "${SPARK_PIP_PINS[@]}"
(
    cd "$TARGET_DIR"   # away from the source tree, so `import fairlint` can only be the wheel
    norust python -c 'import fairlint, sys
where = fairlint.__file__
assert where.startswith(sys.prefix), f"fairlint imported from {where}, not the venv {sys.prefix}"
print("fairlint", fairlint.__version__, "from", where)'
)
ROOT="$PWD"
(
    cd "$TARGET_DIR"
    FAIRLINT_CLI="$TARGET_DIR/debug/fairlint" FAIRLINT_REQUIRE_SPARK=1 SPARK_LOCAL_IP=127.0.0.1 \
        PYSPARK_PYTHON="$NORUST_VENV/bin/python" \
        norust python -m pytest "$ROOT/bindings-python/tests" -q -p no:cacheprovider
)
