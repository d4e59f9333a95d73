"""fairlint on Apache Spark: check a DataFrame column of records, one report per row.

::

    from fairlint import spark as fls

    df = session.read.text("records.jsonl")            # one record per line, column "value"
    checked = fls.validate(df, "value", format="biotools", options={"profile": "core"})
    checked.select("report", "error").show()
    fls.findings(checked).createOrReplaceTempView("findings")
    session.sql("SELECT code, count(*) FROM findings GROUP BY code").show()

:func:`validate` keeps every row, in order, and adds two columns:

``report`` (string)
    The record's JSON report, the very text of :meth:`fairlint.Report.to_json` (and of the
    CLI's ``--format json``); ``null`` when the record could not be checked.
``error`` (struct)
    ``null`` when the record was checked; else the typed error :meth:`fairlint.Engine.validate`
    raised for it: ``code`` (``parse_error``, ``limit_exceeded``, ``resolve_error``,
    ``config_error`` for an unknown format name, ``panic``, or ``null_record`` for a ``null``
    value), ``message``, and where known ``line``, ``column``, ``pointer`` and ``block``. A
    record that cannot be checked never fails the job.

How it runs: ``DataFrame.mapInArrow`` with a function that, for each Arrow batch of a
partition, checks the batch's records and yields the same rows (in slices of at most 500, which
bounds the report text a worker holds) with the two columns appended: one output row per input
row, in the same order, so the row count and the order within each
partition are those of the input, and the partitions stay as they were (a narrow
transformation: no shuffle). Every column of the DataFrame passes through Arrow, so its types
must be ones Spark converts to Arrow (all the usual SQL types; not user-defined types).

One :class:`fairlint.Engine` is built per Python worker process and options (a module-level
cache keyed by the options' canonical JSON) and reused for every batch and every task that
worker runs (Spark reuses Python workers, ``spark.python.worker.reuse``, by default); each
worker checks its records on one thread, Spark running one worker per task slot. The options
are first checked on the driver, so a bad option raises :class:`fairlint.ConfigError` there,
before any job.

Needs ``pyspark`` with its SQL extras (``pandas``, ``pyarrow``): ``pip install
fairlint[spark]``, and ``fairlint`` installed where the executors' Python runs.
"""

from __future__ import annotations

import functools
import json
import threading
from typing import Any, Dict, Iterator, List, Mapping, Optional, Tuple

import pyarrow as pa  # type: ignore[import-untyped]  # pyarrow ships no type information
from pyspark.sql import Column, DataFrame
from pyspark.sql import functions as F
from pyspark.sql.types import (
    ArrayType,
    BinaryType,
    IntegerType,
    StringType,
    StructField,
    StructType,
)

from . import ConfigError, Engine, FairlintError

__all__ = ["ERROR_TYPE", "FINDING_COLUMNS", "findings", "validate"]

#: The Spark type of the ``error`` column :func:`validate` adds.
ERROR_TYPE = StructType(
    [
        StructField("code", StringType(), False),
        StructField("message", StringType(), False),
        StructField("line", IntegerType(), True),
        StructField("column", IntegerType(), True),
        StructField("pointer", StringType(), True),
        StructField("block", IntegerType(), True),
    ]
)

_ERROR_ARROW = pa.struct(
    [
        pa.field("code", pa.string(), nullable=False),
        pa.field("message", pa.string(), nullable=False),
        pa.field("line", pa.int32()),
        pa.field("column", pa.int32()),
        pa.field("pointer", pa.string()),
        pa.field("block", pa.int32()),
    ]
)

# The part of the JSON report that findings() reads (the rest is ignored by from_json).
_FINDING_JSON = StructType(
    [
        StructField("code", StringType()),
        StructField("severity", StringType()),
        StructField("principle", StringType()),
        StructField("focus_node", StringType()),
        StructField("path", StringType()),
        StructField("value", StringType()),
        # An object in the JSON; a StringType field keeps its JSON text.
        StructField("context", StringType()),
        StructField("message", StringType()),
        StructField("url", StringType()),
        StructField(
            "fix",
            StructType(
                [StructField("message", StringType()), StructField("applicability", StringType())]
            ),
        ),
        StructField(
            "source",
            StructType(
                [
                    StructField("rule", StringType()),
                    StructField("shape", StringType()),
                    StructField("component", StringType()),
                ]
            ),
        ),
        StructField(
            "location",
            StructType(
                [
                    StructField("line", IntegerType()),
                    StructField("column", IntegerType()),
                    StructField("pointer", StringType()),
                    StructField("block", IntegerType()),
                ]
            ),
        ),
    ]
)
_REPORT_JSON = StructType([StructField("findings", ArrayType(_FINDING_JSON))])

#: The columns :func:`findings` adds, in order (as :meth:`fairlint.Report.findings_table`'s
#: keys, without ``input``, plus ``finding_index``, ``fix_applicability`` and ``context``).
FINDING_COLUMNS: Tuple[str, ...] = (
    "finding_index",
    "code",
    "severity",
    "principle",
    "focus_node",
    "path",
    "value",
    "message",
    "fix",
    "fix_applicability",
    "url",
    "line",
    "column",
    "pointer",
    "block",
    "rule",
    "shape",
    "component",
    "context",
)

# Rows checked per output batch (see _map_batches).
_CHUNK = 500

# One engine per (Python worker process, options).
_ENGINES: Dict[str, Engine] = {}
_ENGINES_LOCK = threading.Lock()


def _canonical(options: Optional[Mapping[str, Any]]) -> str:
    """The options as canonical JSON (the cache key, and what is shipped to the executors)."""
    if options is None:
        return "null"
    if not isinstance(options, Mapping):
        raise ConfigError(f"options must be a dict of engine options, not {type(options).__name__}")
    try:
        return json.dumps(options, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    except (TypeError, ValueError) as e:
        raise ConfigError(f"options are not JSON data: {e}") from e


def _engine(options_json: str) -> Engine:
    """This process's engine for ``options_json``, built on first use."""
    engine = _ENGINES.get(options_json)
    if engine is None:
        with _ENGINES_LOCK:
            engine = _ENGINES.get(options_json)
            if engine is None:
                options = json.loads(options_json)
                engine = Engine(options=options)
                _ENGINES[options_json] = engine
    return engine


def _error(code: str, message: str, err: Optional[FairlintError] = None) -> Dict[str, Any]:
    return {
        "code": code,
        "message": message,
        "line": getattr(err, "line", None),
        "column": getattr(err, "column", None),
        "pointer": getattr(err, "pointer", None),
        "block": getattr(err, "block", None),
    }


def _check(
    engine: Engine, record: Any, fmt: Optional[str]
) -> Tuple[Optional[str], Optional[Dict[str, Any]]]:
    """(report JSON, None) or (None, error) for one record."""
    if record is None:
        return None, _error("null_record", "the record is null")
    try:
        return engine.validate(record, fmt).to_json(), None
    except FairlintError as e:
        return None, _error(e.code, str(e), e)
    except BaseException as e:  # noqa: BLE001 - pyo3's PanicException is a BaseException
        if type(e).__name__ != "PanicException":
            raise
        return None, _error("panic", str(e))


def _map_batches(
    batches: Iterator[pa.RecordBatch],
    *,
    column: str,
    format: Optional[str],
    format_column: Optional[str],
    options_json: str,
) -> Iterator[pa.RecordBatch]:
    """The mapInArrow function: each batch back, in slices of at most ``_CHUNK`` rows, with
    ``report`` and ``error`` appended."""
    engine = _engine(options_json)
    for whole in batches:
        # Reports are often ten times the size of their records: slicing (zero-copy) bounds
        # the report text held at once, whatever spark.sql.execution.arrow.maxRecordsPerBatch.
        for start in range(0, whole.num_rows, _CHUNK):
            batch = whole.slice(start, _CHUNK)
            records = batch.column(column).to_pylist()
            if format_column is not None:
                formats: List[Optional[str]] = batch.column(format_column).to_pylist()
            else:
                formats = [format] * len(records)
            reports: List[Optional[str]] = []
            errors: List[Optional[Dict[str, Any]]] = []
            for record, fmt in zip(records, formats):
                report, error = _check(engine, record, fmt)
                reports.append(report)
                errors.append(error)
            arrays = batch.columns + [
                pa.array(reports, type=pa.string()),
                pa.array(errors, type=_ERROR_ARROW),
            ]
            names = batch.schema.names + ["report", "error"]
            yield pa.RecordBatch.from_arrays(arrays, names=names)


def _field(df: DataFrame, name: str, what: str) -> StructField:
    for field in df.schema.fields:
        if field.name == name:
            return field
    raise ConfigError(f"{what} {name!r} is not a column of the DataFrame ({', '.join(df.columns)})")


def validate(
    df: DataFrame,
    column: str,
    *,
    format: Optional[str] = None,
    format_column: Optional[str] = None,
    options: Optional[Mapping[str, Any]] = None,
) -> DataFrame:
    """Checks the records in ``df[column]``; returns ``df`` with ``report`` and ``error`` added.

    :param df: the DataFrame; its rows, their order and its partitions are kept.
    :param column: the column holding the records: ``string`` (the record's text) or
        ``binary`` (its bytes).
    :param format: the format of every record (``jsonld``, ``turtle``, ``biotools``,
        ``datacite``, ...; as :meth:`fairlint.Engine.validate`); default: detected per record.
    :param format_column: a ``string`` column holding each record's format instead (``null``:
        detected); an unknown name is that row's ``config_error``.
    :param options: engine options, as :class:`fairlint.Engine`'s ``options`` (``profile``,
        ``severity``, ``ignore``, ``limits``, ...).
    :returns: ``df`` with ``report`` (the JSON report text, ``null`` on error) and ``error``
        (:data:`ERROR_TYPE`, ``null`` when checked).
    :raises ConfigError: ``column`` or ``format_column`` is not a column or has the wrong type,
        ``format`` and ``format_column`` are both given, ``df`` already has a ``report`` or
        ``error`` column, or the options are not acceptable (checked on the driver).
    """
    field = _field(df, column, "column")
    if not isinstance(field.dataType, (StringType, BinaryType)):
        raise ConfigError(
            f"column {column!r} holds {field.dataType.simpleString()}, not string or binary records"
        )
    if format is not None and format_column is not None:
        raise ConfigError("give format or format_column, not both")
    if format_column is not None:
        fmt_field = _field(df, format_column, "format_column")
        if not isinstance(fmt_field.dataType, StringType):
            raise ConfigError(
                f"format_column {format_column!r} holds {fmt_field.dataType.simpleString()}, not string"
            )
    for added in ("report", "error"):
        if added in df.columns:
            raise ConfigError(f"the DataFrame already has a column {added!r}")
    options_json = _canonical(options)
    engine = _engine(options_json)  # raises ConfigError here, on the driver, for bad options
    if format is not None:
        # An unknown format name is an argument error, not a per-record one.
        try:
            engine.validate("", format)
        except ConfigError:
            raise
        except FairlintError:
            pass
    schema = StructType(
        list(df.schema.fields)
        + [StructField("report", StringType(), True), StructField("error", ERROR_TYPE, True)]
    )
    func = functools.partial(
        _map_batches,
        column=column,
        format=format,
        format_column=format_column,
        options_json=options_json,
    )
    return df.mapInArrow(func, schema)


def findings(df: DataFrame, report_column: str = "report") -> DataFrame:
    """One row per finding of the reports in ``df[report_column]`` (the output of
    :func:`validate`), flat, for SQL.

    The rows keep ``df``'s other columns (less ``report`` and ``error``), then
    :data:`FINDING_COLUMNS`: ``finding_index`` (its position in the report), ``code``,
    ``severity``, ``principle``, ``focus_node``, ``path``, ``value``, ``message``, ``fix`` (the
    fix's message), ``fix_applicability``, ``url``, ``line``, ``column``, ``pointer``,
    ``block``, ``rule``, ``shape``, ``component`` and ``context`` (the JSON text of the data
    the message was rendered from). Records without findings, and records that could not be
    checked, give no row. Runs in the JVM (``from_json``), no Python.

    :raises ConfigError: no ``report_column``, or another column has a finding column's name.
    """
    _field(df, report_column, "report_column")
    keep = [c for c in df.columns if c not in (report_column, "error")]
    clash = sorted(set(keep) & set(FINDING_COLUMNS))
    if clash:
        raise ConfigError(f"columns {clash} would clash with the findings' columns")
    parsed = F.from_json(F.col(report_column), _REPORT_JSON)
    exploded = df.select(
        *[F.col(c) for c in keep],
        F.posexplode(parsed.getField("findings")).alias("finding_index", "_finding"),
    )
    f = F.col("_finding")
    out: List[Column] = [F.col(c) for c in keep]
    out.append(F.col("finding_index"))
    for name in ("code", "severity", "principle", "focus_node", "path", "value", "message"):
        out.append(f.getField(name).alias(name))
    out.append(f.getField("fix").getField("message").alias("fix"))
    out.append(f.getField("fix").getField("applicability").alias("fix_applicability"))
    out.append(f.getField("url").alias("url"))
    for name in ("line", "column", "pointer", "block"):
        out.append(f.getField("location").getField(name).alias(name))
    for name in ("rule", "shape", "component"):
        out.append(f.getField("source").getField(name).alias(name))
    out.append(f.getField("context").alias("context"))
    return exploded.select(*out)
