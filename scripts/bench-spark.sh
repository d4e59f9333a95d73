#!/usr/bin/env bash
# Scale benchmark (issue 18): a generated repository of FAIRLINT_BENCH_N records (default 1M;
# bio.tools records from the corpora with fresh identifiers, bench/spark_gen.py) checked by the
# CLI (`fairlint check DIR --format ndjson -j 2`) and by fairlint.spark in Spark local[2]:
# records/s, records per CPU-second, peak RSS. Not run in CI (minutes to an hour, needs the
# corpora and ~2 × 4 GB of disk per million records under target/bench-spark).
#
#   FAIRLINT_BENCH_N=20000 bash scripts/bench-spark.sh            # quick check of the set-up
#   bash scripts/bench-spark.sh --write-docs                      # 1M, table into performance.md
#   FAIRLINT_BENCH_PARTS=spark bash scripts/bench-spark.sh        # only one face (cli, spark)
#
# Needs Java (Debian: default-jre-headless) and the corpora (../shared/corpora or
# FAIRLINT_CORPORA). Python: a venv (FAIRLINT_BENCH_SPARK_VENV, default .venv-spark) with the
# pinned pyspark, pandas and pyarrow of scripts/test-python.sh and the binding built --release.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${FAIRLINT_BENCH_N:-1000000}
PARTS=${FAIRLINT_BENCH_PARTS:-cli,spark}
VENV=${FAIRLINT_BENCH_SPARK_VENV:-.venv-spark}
CORPORA=${FAIRLINT_CORPORA:-../shared/corpora}
TARGET_DIR=${CARGO_TARGET_DIR:-target}
OUT="$TARGET_DIR/bench-spark"
WRITE_DOCS=""
[ "${1:-}" = "--write-docs" ] && WRITE_DOCS="--write-docs docs/performance.md"
# shellcheck source=scripts/lib/spark-versions.sh
source scripts/lib/spark-versions.sh

if [ ! -d "$CORPORA/biotools" ]; then
    echo "no bio.tools corpus at $CORPORA/biotools (set FAIRLINT_CORPORA)" >&2
    exit 2
fi
if [ ! -x /usr/bin/time ]; then
    echo "/usr/bin/time is needed for peak RSS (Debian: apt-get install time)" >&2
    exit 2
fi
bash scripts/import-rocrate-profiles.sh
bash scripts/lib/ensure-java.sh

echo "==> release build: CLI and the Python binding (into $VENV)"
nice -n 10 cargo build --quiet --release -p fair-cli
if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV"; fi
"$VENV/bin/pip" install --quiet --disable-pip-version-check "maturin==${MATURIN_VERSION}" "${SPARK_PIP_PINS[@]}"
VIRTUAL_ENV="$PWD/$VENV" PATH="$PWD/$VENV/bin:$PATH" \
    nice -n 10 "$VENV/bin/maturin" develop --quiet --release --manifest-path bindings-python/Cargo.toml

echo "==> $N records from $CORPORA/biotools into $OUT/data"
"$VENV/bin/python" bench/spark_gen.py --corpora "$CORPORA" --n "$N" --out "$OUT/data"

RESULTS="$OUT/results-$N.jsonl"
case ",$PARTS," in *,cli,*)
    echo "==> CLI"
    "$VENV/bin/python" bench/spark_scale.py cli --data "$OUT/data" \
        --cli "$TARGET_DIR/release/fairlint" --jobs 2 --results "$RESULTS" ;;
esac
case ",$PARTS," in *,spark,*)
    echo "==> Spark local[2]"
    "$VENV/bin/python" bench/spark_scale.py spark --data "$OUT/data" --master 'local[2]' \
        --results "$RESULTS" ;;
esac
# shellcheck disable=SC2086
"$VENV/bin/python" bench/spark_scale.py docs --results "$RESULTS" $WRITE_DOCS
