"""Scale benchmark: one generated repository of N records (bench/spark_gen.py) through the CLI
and through fairlint.spark in Spark local mode; records/s, CPU time and peak memory.

Usage (normally through scripts/bench-spark.sh):

    python bench/spark_scale.py cli   --data DIR --cli FAIRLINT [--jobs 2] --results FILE
    python bench/spark_scale.py spark --data DIR [--master local[2]] --results FILE
    python bench/spark_scale.py docs  --results FILE [--write-docs docs/performance.md]

``cli`` runs ``fairlint check DATA/files --format ndjson -j JOBS`` (its NDJSON counted, not
kept) under /usr/bin/time: wall, user+system CPU, peak RSS. ``spark`` starts a session, reads
DATA/records.jsonl with ``read.text``, runs ``fairlint.spark.validate`` and aggregates every
report (count, errors, total report bytes) so all are computed; a sampler reads /proc every
0.25 s for the whole process tree (driver Python, the JVM, its Python workers): peak RSS of
the tree's sum and of each part, and CPU time per process (the last sample before it ends).
Each run appends one JSON object to FILE; ``docs`` turns the newest of each kind into the table
and projection of docs/performance.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

TICK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


def now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def append(results: Path, row: dict[str, Any]) -> None:
    results.parent.mkdir(parents=True, exist_ok=True)
    with open(results, "a", encoding="utf-8") as f:
        f.write(json.dumps(row) + "\n")
    print(json.dumps(row, indent=1), file=sys.stderr)


def data_facts(data: Path) -> dict[str, Any]:
    return json.loads((data / "done.json").read_text())


# ---------------------------------------------------------------- CLI


def run_cli(args: argparse.Namespace) -> int:
    facts = data_facts(args.data)
    with tempfile.NamedTemporaryFile("r") as tv:
        cmd = [
            "/usr/bin/time", "-v", "-o", tv.name,
            str(args.cli), "check", str(args.data / "files"), "--format", "ndjson",
            "-j", str(args.jobs), "--no-progress", "--fail-on", "never",
        ]
        load = os.getloadavg()
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE)
        lines = errors = out_bytes = 0
        assert proc.stdout is not None
        for line in proc.stdout:
            lines += 1
            out_bytes += len(line)
            if line.startswith(b'{"error"') or b'"error":{' in line[:200]:
                errors += 1
        rc = proc.wait()
        wall = time.perf_counter() - start
        timing = tv.read()
    if rc not in (0, 1, 2):
        raise SystemExit(f"fairlint check failed ({rc})")

    def field(name: str) -> str:
        m = re.search(rf"{re.escape(name)}: (.+)", timing)
        if not m:
            raise SystemExit(f"no {name!r} in /usr/bin/time -v output")
        return m.group(1).strip()

    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    append(args.results, {
        "kind": "cli", "n": facts["n"], "bytes": facts["bytes"], "jobs": args.jobs,
        "records_out": lines, "errors": errors, "report_bytes": out_bytes,
        "wall_s": wall, "cpu_s": cpu, "peak_rss_mb": int(field("Maximum resident set size (kbytes)")) / 1024,
        "load_before": load, "load_after": os.getloadavg(), "when": now(), "cores": os.cpu_count(),
    })
    return 0


# ---------------------------------------------------------------- Spark


class Sampler(threading.Thread):
    """Samples this process and all its descendants from /proc."""

    def __init__(self, interval: float = 0.25) -> None:
        super().__init__(daemon=True)
        self.interval = interval
        self.stop_event = threading.Event()
        self.peak_total = 0
        self.peak_jvm = 0
        self.peak_workers = 0
        self.peak_driver = 0
        self.cpu: dict[int, tuple[str, float]] = {}
        self.max_workers = 0

    def sample(self) -> None:
        me = os.getpid()
        procs: dict[int, tuple[int, str, int, float]] = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat", "rb") as f:
                    stat = f.read().decode("utf-8", "replace")
            except OSError:
                continue
            name = stat[stat.index("(") + 1 : stat.rindex(")")]
            rest = stat[stat.rindex(")") + 2 :].split()
            ppid = int(rest[1])
            cpu = (int(rest[11]) + int(rest[12])) / TICK
            rss = int(rest[21]) * PAGE
            procs[int(entry)] = (ppid, name, rss, cpu)
        tree = {me}
        changed = True
        while changed:
            changed = False
            for pid, (ppid, _, _, _) in procs.items():
                if ppid in tree and pid not in tree:
                    tree.add(pid)
                    changed = True
        total = jvm = workers = 0
        n_workers = 0
        for pid in tree:
            if pid not in procs:
                continue
            _, name, rss, cpu = procs[pid]
            total += rss
            if name == "java":
                jvm += rss
                role = "jvm"
            elif pid == me:
                self.peak_driver = max(self.peak_driver, rss)
                role = "driver"
            elif name.startswith("python"):
                workers += rss
                n_workers += 1
                role = "python workers"
            else:
                role = "other"
            self.cpu[pid] = (role, max(cpu, self.cpu.get(pid, ("", 0.0))[1]))
        self.peak_total = max(self.peak_total, total)
        self.peak_jvm = max(self.peak_jvm, jvm)
        self.peak_workers = max(self.peak_workers, workers)
        self.max_workers = max(self.max_workers, n_workers)

    def run(self) -> None:
        while not self.stop_event.is_set():
            self.sample()
            self.stop_event.wait(self.interval)

    def cpu_by_role(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for role, cpu in self.cpu.values():
            out[role] = out.get(role, 0.0) + cpu
        return out


def run_spark(args: argparse.Namespace) -> int:
    facts = data_facts(args.data)
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    from fairlint import spark as fls

    sampler = Sampler()
    sampler.start()
    load = os.getloadavg()
    start = time.perf_counter()
    session = (
        SparkSession.builder.master(args.master)
        .appName("fairlint-scale")
        .config("spark.driver.memory", args.driver_memory)
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        # Many partitions per task slot, so the last ones do not leave a core idle for long.
        .config("spark.sql.files.maxPartitionBytes", args.partition_bytes)
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    started = time.perf_counter()
    df = session.read.text(str(args.data / "records.jsonl"))
    partitions = df.rdd.getNumPartitions()
    checked = fls.validate(df, "value")
    row = checked.agg(
        F.count(F.lit(1)).alias("n"),
        F.count("error").alias("errors"),
        F.sum(F.length("report")).alias("report_bytes"),
    ).collect()[0]
    job = time.perf_counter() - started
    sampler.sample()
    session.stop()
    wall = time.perf_counter() - start
    sampler.stop_event.set()
    sampler.join()
    cpu = sampler.cpu_by_role()
    mb = 1024 * 1024
    append(args.results, {
        "kind": "spark", "master": args.master, "n": facts["n"], "bytes": facts["bytes"],
        "partitions": partitions, "records_out": row["n"], "errors": row["errors"],
        "report_bytes": row["report_bytes"], "wall_s": wall, "job_s": job,
        "startup_s": started - start, "cpu_s": sum(cpu.values()), "cpu_by_role": cpu,
        "peak_rss_mb": sampler.peak_total / mb, "peak_jvm_mb": sampler.peak_jvm / mb,
        "peak_workers_mb": sampler.peak_workers / mb, "peak_driver_mb": sampler.peak_driver / mb,
        "python_workers": sampler.max_workers, "driver_memory": args.driver_memory,
        "partition_bytes": args.partition_bytes,
        "load_before": load, "load_after": os.getloadavg(), "when": now(), "cores": os.cpu_count(),
    })
    return 0


# ---------------------------------------------------------------- docs

BEGIN, END = "<!-- spark:begin -->", "<!-- spark:end -->"


def docs(args: argparse.Namespace) -> int:
    rows = [json.loads(line) for line in args.results.read_text().splitlines() if line.strip()]
    latest: dict[str, dict[str, Any]] = {}
    for r in rows:
        latest[r["kind"]] = r
    if set(latest) != {"cli", "spark"}:
        raise SystemExit(f"need a cli and a spark run in {args.results}, have {sorted(latest)}")
    cli, sp = latest["cli"], latest["spark"]
    cores = 2  # -j 2 and local[2]
    out = [
        "| face | records | wall | records/s | records/s per core (wall) | CPU time | records per CPU-second | peak RSS |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for label, r, wall in (
        (f"CLI `fairlint check DIR --format ndjson -j {cli['jobs']}`", cli, cli["wall_s"]),
        (f"Spark `{sp['master']}`, `fairlint.spark.validate` ({sp['partitions']} partitions)", sp, sp["job_s"]),
    ):
        out.append(
            f"| {label} | {r['n']:,} ({r['bytes'] / 1e6:,.0f} MB) | {wall:,.0f} s | {r['n'] / wall:,.0f} "
            f"| {r['n'] / wall / cores:,.0f} | {r['cpu_s']:,.0f} s | {r['n'] / r['cpu_s']:,.0f} "
            f"| {r['peak_rss_mb']:,.0f} MB |"
        )
    cpu = sp["cpu_by_role"]
    out.append("")
    out.append(
        f"Spark's wall time is the job's (session start, {sp['startup_s']:.0f} s, excluded; "
        f"{sp['wall_s']:,.0f} s in all). Its CPU time is the whole process tree's: "
        + ", ".join(f"{k} {v:,.0f} s" for k, v in sorted(cpu.items()))
        + f". Peak RSS is the tree's sum ({sp['python_workers']} Python workers at most): "
        f"JVM {sp['peak_jvm_mb']:,.0f} MB (`spark.driver.memory={sp['driver_memory']}`), "
        f"Python workers {sp['peak_workers_mb']:,.0f} MB together, driver Python "
        f"{sp['peak_driver_mb']:,.0f} MB. Every record was checked in both: "
        f"{cli['records_out']:,} NDJSON lines from the CLI, {sp['records_out']:,} rows with "
        f"{sp['errors']:,} errors from Spark."
    )
    out.append("")
    out.append(
        f"Measured {sp['when']} (CLI {cli['when']}) on {cli['cores']} cores; load average (1, 5, 15 min) "
        f"before the CLI run {' '.join(f'{x:.2f}' for x in cli['load_before'])}, before the Spark run "
        f"{' '.join(f'{x:.2f}' for x in sp['load_before'])}; reproduce with "
        f"`FAIRLINT_BENCH_N={cli['n']} bash scripts/bench-spark.sh --write-docs`."
    )
    # The projection: from records per CPU-second (what a busy machine distorts least).
    rate = sp["n"] / sp["cpu_s"]
    cli_rate = cli["n"] / cli["cpu_s"]
    proj = [
        "",
        "Projection to a cluster, from Spark's records per CPU-second above (a dedicated core "
        "checks about that many records per second; the busy machine distorts CPU time far less "
        "than wall time):",
        "",
        "| records | CPU time at the Spark rate | 100 cores | 1,000 cores |",
        "|---:|---:|---:|---:|",
    ]
    for n in (10_000_000, 50_000_000, 100_000_000):
        core_h = n / rate / 3600
        proj.append(
            f"| {n:,} | {n:,} / {rate:,.0f} /s = {core_h:,.1f} core-hours "
            f"| {core_h / 100 * 60:,.1f} min | {core_h / 1000 * 60:,.2f} min |"
        )
    proj.append("")
    proj.append(
        f"(At the CLI's rate, {cli_rate:,.0f} records per CPU-second, 50M records are "
        f"{50_000_000 / cli_rate / 3600:,.1f} core-hours.) The projection assumes the work "
        f"scales linearly with cores. Nothing in the job stands in the way: records are "
        f"independent, there is no shuffle, each Python worker builds its engine once (a few "
        f"milliseconds), and the only fixed costs are session start ({sp['startup_s']:.0f} s "
        f"here) and one task per partition; but only 2 cores were measured, so it is "
        f"arithmetic, not an observation. It leaves out reading the input from storage and "
        f"writing the reports (Parquet, ~{sp['report_bytes'] / sp['n'] / 1024:.1f} KB of JSON per "
        f"record here), and it holds for records like these bio.tools ones "
        f"(~{sp['bytes'] / sp['n'] / 1024:.1f} KB each); larger or smaller records "
        f"(DataCite, BioSamples) scale it roughly with their size."
    )
    text = "\n".join(out + proj)
    print(text)
    if args.write_docs:
        doc = args.write_docs.read_text()
        if BEGIN not in doc or END not in doc:
            raise SystemExit(f"no {BEGIN} … {END} in {args.write_docs}")
        head, rest = doc.split(BEGIN, 1)
        _, tail = rest.split(END, 1)
        args.write_docs.write_text(f"{head}{BEGIN}\n{text}\n{END}{tail}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("cli")
    c.add_argument("--data", type=Path, required=True)
    c.add_argument("--cli", type=Path, required=True)
    c.add_argument("--jobs", type=int, default=2)
    c.add_argument("--results", type=Path, required=True)
    s = sub.add_parser("spark")
    s.add_argument("--data", type=Path, required=True)
    s.add_argument("--master", default="local[2]")
    s.add_argument("--driver-memory", default="1g")
    s.add_argument("--partition-bytes", default="16m")
    s.add_argument("--results", type=Path, required=True)
    d = sub.add_parser("docs")
    d.add_argument("--results", type=Path, required=True)
    d.add_argument("--write-docs", type=Path)
    args = ap.parse_args()
    return {"cli": run_cli, "spark": run_spark, "docs": docs}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
