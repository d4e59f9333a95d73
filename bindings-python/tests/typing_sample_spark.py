"""A sample using fairlint.spark; `mypy --strict` must accept it (scripts/test-python.sh)."""

from __future__ import annotations

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql.types import StructType

from fairlint import spark as fls


def audit(session: SparkSession, path: str) -> DataFrame:
    df = session.read.text(path)
    checked: DataFrame = fls.validate(df, "value", format="biotools", options={"profile": "core"})
    per_format = fls.validate(df, "value", format_column=None, options=None)
    failed: DataFrame = per_format.where("error IS NOT NULL")
    found: DataFrame = fls.findings(checked)
    return found.join(failed.select("value"), "value", "left_anti")


def columns() -> list[str]:
    error_type: StructType = fls.ERROR_TYPE
    return [f.name for f in error_type.fields] + list(fls.FINDING_COLUMNS)
