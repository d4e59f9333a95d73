# Shared set-up of the benchmark scripts (sourced, not run): a venv with the pinned peers and
# plotting library, the corpora and the cargo target directory.
# shellcheck shell=bash
PYSHACL_VERSION=0.30.1
PYRUDOF_VERSION=0.3.35
MATPLOTLIB_VERSION=3.11.2
VENV=${FAIRLINT_BENCH_VENV:-.venv-bench}
CORPORA=${FAIRLINT_CORPORA:-../shared/corpora}
TARGET_DIR=${CARGO_TARGET_DIR:-target}
export TARGET_DIR CORPORA

if [ ! -d "$CORPORA" ]; then
    echo "no corpora at $CORPORA (set FAIRLINT_CORPORA)" >&2
    exit 2
fi
if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV"; fi
"$VENV/bin/pip" install --quiet --disable-pip-version-check \
    "pyshacl==${PYSHACL_VERSION}" "pyrudof==${PYRUDOF_VERSION}" "matplotlib==${MATPLOTLIB_VERSION}"
BENCH_PY="$VENV/bin/python"
if [ ! -x /usr/bin/time ]; then
    echo "/usr/bin/time is needed for peak RSS (Debian: apt-get install time)" >&2
    exit 2
fi
