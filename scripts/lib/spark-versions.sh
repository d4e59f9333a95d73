# Pinned versions for fairlint.spark's tests and benchmark (sourced by scripts/test-python.sh and
# scripts/bench-spark.sh). pyspark needs pandas and pyarrow for mapInArrow (its `sql` extra);
# pandas 2.x, as pyspark 4.0 is not tested with pandas 3.
# shellcheck shell=bash
MATURIN_VERSION=${MATURIN_VERSION:-1.16.0}
PYSPARK_VERSION=4.0.1
PYARROW_VERSION=21.0.0
PANDAS_VERSION=2.3.3
NUMPY_VERSION=2.4.6
SPARK_PIP_PINS=(
    "pyspark==${PYSPARK_VERSION}"
    "pyarrow==${PYARROW_VERSION}"
    "pandas==${PANDAS_VERSION}"
    "numpy==${NUMPY_VERSION}"
)
