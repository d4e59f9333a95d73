"""fairlint.spark in Spark local mode (``local[2]``): reports identical to Engine.validate's,
typed errors in the row, row count and order kept, findings() flat for SQL.

Needs pyspark (with pandas and pyarrow) and Java. Without them these tests skip, unless
FAIRLINT_REQUIRE_SPARK=1 (scripts/test-python.sh sets it), when they fail instead.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections import defaultdict
from typing import Any, Iterator

import pytest

import fairlint

from conftest import VECTORS

REQUIRE = os.environ.get("FAIRLINT_REQUIRE_SPARK") == "1"


def _missing() -> str | None:
    try:
        import pyarrow  # noqa: F401
        import pandas  # noqa: F401
        import pyspark  # noqa: F401
    except ImportError as e:
        return f"pyspark, pandas or pyarrow missing: {e}"
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        return "no java on PATH and no JAVA_HOME"
    return None


MISSING = _missing()
if MISSING is not None:
    if REQUIRE:
        pytest.fail(f"FAIRLINT_REQUIRE_SPARK=1 but {MISSING}", pytrace=False)
    pytest.skip(MISSING, allow_module_level=True)

from pyspark.sql import Row, SparkSession  # noqa: E402
from pyspark.sql.types import BinaryType, LongType, StringType, StructField, StructType  # noqa: E402

from fairlint import spark as fls  # noqa: E402

MANIFEST = json.loads((VECTORS / "manifest.json").read_text())["vectors"]
MINIMAL = '{"@context": "https://schema.org/", "@type": "Dataset"}'
COMPLETE = (VECTORS / "cases/jsonld/dataset-complete.jsonld").read_text()


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    """One local[2] session for the module: small memory, no UI, loopback only."""
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("fairlint-test")
        .config("spark.driver.memory", "1g")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        # Small Arrow batches, so one partition is several batches.
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "3")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def records_df(spark: SparkSession, rows: list[tuple[Any, ...]], schema: StructType, partitions: int):
    rdd = spark.sparkContext.parallelize(rows, partitions)
    df = spark.createDataFrame(rdd, schema)
    assert df.rdd.getNumPartitions() == partitions
    return df


# Vectors spark.validate can run: no shapes, ontologies or payload (it takes engine options
# only), and no engine that fails to build (that is a driver-side ConfigError, tested below).
RUNNABLE = [
    v
    for v in MANIFEST
    if not {"shapes", "ontologies", "payload"} & set(v)
    and v["expect"].get("error") not in ("config_error", "shapes_error")
]


def test_vectors_identical_to_engine(spark: SparkSession) -> None:
    """Every runnable shared vector: the report column is Engine.validate(...).to_json()'s
    text, byte for byte; an error vector gives its typed error (code and location) in the row."""
    assert len(RUNNABLE) > 100
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for v in RUNNABLE:
        groups[json.dumps(v.get("options"), sort_keys=True)].append(v)
    schema = StructType(
        [
            StructField("id", StringType(), False),
            StructField("record", BinaryType(), False),
            StructField("fmt", StringType(), True),
        ]
    )
    checked = None
    for options_json, vectors in groups.items():
        rows = [(v["id"], (VECTORS / v["input"]).read_bytes(), v.get("format")) for v in vectors]
        df = records_df(spark, rows, schema, 1)  # one task per options group: Spark tasks are slow
        part = fls.validate(df, "record", format_column="fmt", options=json.loads(options_json))
        checked = part if checked is None else checked.unionByName(part)
    assert checked is not None
    got = {r["id"]: r for r in checked.select("id", "report", "error").collect()}
    assert sorted(got) == sorted(v["id"] for v in RUNNABLE)
    errors = 0
    for v in RUNNABLE:
        row = got[v["id"]]
        engine = fairlint.Engine(options=v.get("options"))
        data = (VECTORS / v["input"]).read_bytes()
        if "error" in v["expect"]:
            errors += 1
            assert row["report"] is None, v["id"]
            err = row["error"]
            assert err is not None, v["id"]
            assert err["code"] == v["expect"]["error"], (v["id"], err)
            for key, value in v["expect"].get("location", {}).items():
                assert err[key] == value, (v["id"], key, err)
            with pytest.raises(fairlint.FairlintError) as info:
                engine.validate(data, v.get("format"))
            assert err["message"] == str(info.value)
            assert (err["line"], err["column"], err["pointer"], err["block"]) == (
                info.value.line,
                info.value.column,
                info.value.pointer,
                info.value.block,
            )
        else:
            assert row["error"] is None, (v["id"], row["error"])
            assert row["report"] == engine.validate(data, v.get("format")).to_json(), v["id"]
    assert errors >= 10


def test_order_and_count_kept_across_partitions(spark: SparkSession) -> None:
    """Rows keep their count and order over 5 partitions of several Arrow batches each, other
    columns pass through, and a bad or null record in the middle fails neither the job nor its
    neighbours."""
    n = 40
    rows = []
    for i in range(n):
        if i % 13 == 5:
            record = "{bad json"
        elif i == 17:
            record = None
        else:
            record = COMPLETE if i % 2 else MINIMAL
        rows.append((i, record, f"tag{i}"))
    schema = StructType(
        [
            StructField("i", LongType(), False),
            StructField("record", StringType(), True),
            StructField("tag", StringType(), False),
        ]
    )
    df = records_df(spark, rows, schema, 5)
    out = fls.validate(df, "record", options={"profile": "core"})
    assert out.columns == ["i", "record", "tag", "report", "error"]
    assert out.rdd.getNumPartitions() == 5
    collected = out.collect()
    assert [r["i"] for r in collected] == list(range(n))
    assert [r["tag"] for r in collected] == [f"tag{i}" for i in range(n)]
    engine = fairlint.Engine(options={"profile": "core"})
    for r in collected:
        record = rows[r["i"]][1]
        if record is None:
            assert r["report"] is None
            assert r["error"]["code"] == "null_record"
        elif record == "{bad json":
            assert r["report"] is None
            assert r["error"].asDict() == {
                "code": "parse_error",
                "message": "invalid jsonld at 1:2: key must be a string",
                "line": 1,
                "column": 2,
                "pointer": None,
                "block": None,
            }
        else:
            assert r["error"] is None
            assert r["report"] == engine.validate(record).to_json()
    assert out.count() == n
    assert out.where("error IS NOT NULL").count() == sum(
        1 for _, rec, _ in rows if rec is None or rec == "{bad json"
    )


def test_large_arrow_batch_sliced_in_order(spark: SparkSession) -> None:
    """One Arrow batch larger than the slice fairlint.spark checks at a time (500 rows): the
    slices come back whole and in order."""
    n = 1234
    rows = [(i, "{bad json" if i % 7 == 3 else MINIMAL.replace("Dataset", f"Dataset{i % 3}")) for i in range(n)]
    schema = StructType([StructField("i", LongType(), False), StructField("record", StringType(), False)])
    key = "spark.sql.execution.arrow.maxRecordsPerBatch"
    before = spark.conf.get(key)
    spark.conf.set(key, "5000")
    try:
        collected = fls.validate(records_df(spark, rows, schema, 1), "record").collect()
    finally:
        spark.conf.set(key, before)
    engine = fairlint.Engine()
    expected = {k: engine.validate(MINIMAL.replace("Dataset", f"Dataset{k}")).to_json() for k in range(3)}
    assert [r["i"] for r in collected] == list(range(n))
    for r in collected:
        if r["i"] % 7 == 3:
            assert r["report"] is None and r["error"]["code"] == "parse_error"
        else:
            assert r["error"] is None and r["report"] == expected[r["i"] % 3], r["i"]


def test_format_argument_and_unknown_format_in_column(spark: SparkSession) -> None:
    turtle = "@prefix s: <https://schema.org/> . <https://example.org/d> a s:Dataset ."
    df = spark.createDataFrame(
        [Row(record=turtle, fmt="turtle"), Row(record=turtle, fmt="nonsense"), Row(record=MINIMAL, fmt=None)]
    )
    engine = fairlint.Engine()
    by_column = df.transform(lambda d: fls.validate(d, "record", format_column="fmt")).collect()
    assert by_column[0]["report"] == engine.validate(turtle, "turtle").to_json()
    assert by_column[1]["report"] is None
    assert by_column[1]["error"]["code"] == "config_error"
    assert "nonsense" in by_column[1]["error"]["message"]
    assert by_column[2]["report"] == engine.validate(MINIMAL).to_json()
    only_turtle = fls.validate(df.select("record").limit(1), "record", format="turtle").collect()
    assert only_turtle[0]["report"] == engine.validate(turtle, "turtle").to_json()


def test_argument_errors_raise_on_the_driver(spark: SparkSession) -> None:
    df = spark.createDataFrame([Row(record=MINIMAL, n=1)])
    with pytest.raises(fairlint.ConfigError, match="no-such-profile"):
        fls.validate(df, "record", options={"profile": "no-such-profile"})
    with pytest.raises(fairlint.ConfigError, match="not a column"):
        fls.validate(df, "nope")
    with pytest.raises(fairlint.ConfigError, match="not string or binary"):
        fls.validate(df, "n")
    with pytest.raises(fairlint.ConfigError):
        fls.validate(df, "record", format="nonsense")
    with pytest.raises(fairlint.ConfigError, match="not both"):
        fls.validate(df, "record", format="jsonld", format_column="record")
    with pytest.raises(fairlint.ConfigError, match="already has"):
        fls.validate(fls.validate(df, "record"), "record")


def test_findings_rows_match_findings_table(spark: SparkSession) -> None:
    """findings(): one row per finding (its count is the reports' total), the values of
    Report.findings_table, queryable with spark.sql."""
    inputs = [MINIMAL, COMPLETE, "{bad json"] + [
        (VECTORS / v["input"]).read_text(encoding="utf-8", errors="replace")
        for v in MANIFEST
        if v["id"] in ("jsonld-no-conforms-to", "jsonld-undefined-prefix-and-dropped-key", "jsonld-untyped")
    ]
    rows = [(i, rec) for i, rec in enumerate(inputs)]
    schema = StructType([StructField("i", LongType(), False), StructField("record", StringType(), False)])
    checked = fls.validate(records_df(spark, rows, schema, 2), "record", options={"profile": "core"})
    found = fls.findings(checked)
    assert found.columns == ["i", "record", *fls.FINDING_COLUMNS]
    engine = fairlint.Engine(options={"profile": "core"})
    expected = []
    total = 0
    for i, rec in rows:
        try:
            report = engine.validate(rec)
        except fairlint.FairlintError:
            continue
        total += len(report.findings)
        for k, (row, finding) in enumerate(zip(report.findings_table(pandas=False), report.findings)):
            fix = finding.fix
            expected.append(
                {
                    "i": i,
                    "finding_index": k,
                    **{key: value for key, value in row.items() if key != "input"},
                    "fix_applicability": fix["applicability"] if fix else None,
                    "context": finding.context,
                }
            )
    assert total >= 5
    got = []
    for r in found.orderBy("i", "finding_index").collect():
        d = r.asDict()
        del d["record"]
        d["context"] = json.loads(d["context"])
        got.append(d)
    assert got == expected
    assert found.count() == total

    found.createOrReplaceTempView("fairlint_findings")
    by_code = {
        r["code"]: r["n"]
        for r in spark.sql(
            "SELECT code, count(*) AS n FROM fairlint_findings GROUP BY code"
        ).collect()
    }
    counts: dict[str, int] = defaultdict(int)
    for e in expected:
        counts[e["code"]] += 1
    assert by_code == dict(counts)
    assert sum(by_code.values()) == total


def test_one_engine_per_worker_reused_across_jobs(spark: SparkSession) -> None:
    """Each Python worker that ran validate holds its engine afterwards, and a second job on
    the same options reuses it (the same object), not a new one."""
    options = {"profile": "core", "ignore": ["I005"]}
    key = fls._canonical(options)

    def probe(batches: Iterator[Any]) -> Iterator[Any]:
        # Nested, so cloudpickle ships it by value (the workers cannot import this module).
        import pyarrow as pa

        from fairlint import spark as worker_side

        for batch in batches:
            engine = worker_side._ENGINES.get(key)
            row = {"pid": os.getpid(), "engine": id(engine) if engine is not None else -1}
            yield pa.RecordBatch.from_pylist([row] * batch.num_rows)

    df = records_df(spark, [(i, MINIMAL) for i in range(8)], StructType(
        [StructField("i", LongType(), False), StructField("record", StringType(), False)]), 4)
    schema = "pid long, engine long"
    seen = []
    for _ in range(2):
        assert fls.validate(df, "record", options=options).count() == 8
        rows = df.mapInArrow(probe, schema).collect()
        seen.append({(r["pid"], r["engine"]) for r in rows})
    first = dict(seen[0])
    second = dict(seen[1])
    assert all(e != -1 for e in first.values()) and all(e != -1 for e in second.values())
    common = set(first) & set(second)
    assert common, (first, second)
    assert all(first[pid] == second[pid] for pid in common)


def test_engine_built_once_per_process() -> None:
    """The executor-side cache: one engine per options (canonical JSON), whatever the key order."""
    a = fls._engine(fls._canonical({"profile": "core", "ignore": ["R001"]}))
    b = fls._engine(fls._canonical({"ignore": ["R001"], "profile": "core"}))
    c = fls._engine(fls._canonical(None))
    assert a is b
    assert a is not c
    assert a.validate(MINIMAL).conforms
