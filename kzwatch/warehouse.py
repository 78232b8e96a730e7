"""Build a warehouse snapshot in a new file and publish it with an atomic rename.

DuckDB allows one writer or many readers per file, never both, so a run never writes the
published file: it copies it (or starts empty), applies the run's changes to the copy through
SQLAlchemy (duckdb-engine), checkpoints, and os.replace()s it over the published name.
Readers that have the old file open keep their snapshot; new connections see the new one;
a run killed at any point leaves the published file as it was.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd
from sqlalchemy import create_engine, text

from kzwatch.reference import REFERENCE_DIR
from models.tables import (
    CONTRACT_TABLES,
    SCHEMA_COMMENTS,
    documents,
    metadata,
    person_merges,
    persons,
    quarantine,
)

log = logging.getLogger(__name__)
SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
REFERENCE_TABLES = {"regions": "regions.csv", "places": "places.csv",
                    "fx_rates": "fx_rates.csv", "person_aliases": "person_aliases.csv"}


def read_previous_documents(warehouse: Path) -> pd.DataFrame:
    """raw.documents of the published snapshot (empty frame when there is none)."""
    cols = [c.name for c in documents.columns]
    if not Path(warehouse).exists():
        return pd.DataFrame(columns=cols)
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(f"select {', '.join(cols)} from raw.documents").df()
    except duckdb.CatalogException:
        return pd.DataFrame(columns=cols)
    finally:
        con.close()


@dataclass
class SnapshotChanges:
    run_id: str
    documents: pd.DataFrame                    # the complete raw.documents of the new snapshot
    drop_sources: list[str]                    # source_names whose rows go (changed/removed/...)
    rows: dict[str, pd.DataFrame]              # validated rows to insert, per contract table
    quarantined: pd.DataFrame
    validation: pd.DataFrame
    run_row: dict
    rows_loaded: dict[str, int] = field(default_factory=dict)
    failed_runs: list[str] = field(default_factory=list)  # JSON lines of runs that failed


def failed_runs_log(warehouse: Path) -> Path:
    return warehouse.with_name(f".{warehouse.name}.failed-runs.jsonl")


def record_failed_run(warehouse: Path, run: dict) -> None:
    """A failed run can't write the snapshot; the next published one records it."""
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    with failed_runs_log(warehouse).open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(run, default=str) + "\n")


def snapshot_path(warehouse: Path, run_id: str) -> Path:
    return warehouse.with_name(f".{warehouse.name}.{run_id}.building")


def build_snapshot(warehouse: Path, changes: SnapshotChanges) -> Path:
    """Write the new snapshot next to the published file; return its path (not yet published)."""
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    target = snapshot_path(warehouse, changes.run_id)
    log_file = failed_runs_log(warehouse)
    if log_file.exists():
        changes.failed_runs = log_file.read_text(encoding="utf-8").splitlines()
    for stale in warehouse.parent.glob(f".{warehouse.name}.*.building*"):
        stale.unlink()  # left by a killed run
    if warehouse.exists():
        shutil.copyfile(warehouse, target)
    engine = create_engine(f"duckdb:///{target}")
    try:
        with engine.begin() as conn:
            for schema in SCHEMA_COMMENTS:
                conn.execute(text(f"create schema if not exists {schema}"))
            metadata.create_all(conn)
            _apply_changes(conn, changes)
            _resolve_persons(conn)
            _load_reference(conn)
            _apply_sql_files(conn)
            _comment_everything(conn)
        with engine.connect() as conn:
            conn.execute(text("checkpoint"))
    finally:
        engine.dispose()
    return target


def publish(target: Path, warehouse: Path, keep: int, run_id: str) -> None:
    """Atomically replace the published file; keep the last `keep` snapshots in history/."""
    if warehouse.exists() and keep > 0:
        history = warehouse.parent / "history"
        history.mkdir(exist_ok=True)
        os.link(warehouse, history / f"{warehouse.stem}.{run_id}{warehouse.suffix}")
        for old in sorted(history.glob(f"{warehouse.stem}.*{warehouse.suffix}"))[:-keep]:
            old.unlink()
    os.replace(target, warehouse)
    _fsync_dir(warehouse.parent)
    failed_runs_log(warehouse).unlink(missing_ok=True)  # now recorded in raw.pipeline_runs


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _bulk_insert(conn, table: str, df: pd.DataFrame) -> int:
    """Insert a whole DataFrame in one statement (DuckDB scans it through Arrow)."""
    if df is None or df.empty:
        return 0
    raw = conn.connection.driver_connection
    view = f"_load_{table.replace('.', '_')}"
    raw.register(view, df)
    try:
        conn.execute(text(f"insert into {table} by name select * from {view}"))
    finally:
        raw.unregister(view)
    return len(df)


def _apply_changes(conn, ch: SnapshotChanges) -> None:
    if ch.drop_sources:
        drop = pd.DataFrame({"source_name": pd.Series(sorted(set(ch.drop_sources)), dtype=str)})
        raw = conn.connection.driver_connection
        raw.register("_drop_sources", drop)
        for name in [*CONTRACT_TABLES, "quarantine"]:
            conn.execute(text(f"delete from core.{name} where source_name in "
                              "(select source_name from _drop_sources)"))
        raw.unregister("_drop_sources")
    for name, df in ch.rows.items():
        ch.rows_loaded[name] = _bulk_insert(conn, f"core.{name}", df)
    q = ch.quarantined.assign(run_id=ch.run_id) if len(ch.quarantined) else ch.quarantined
    _bulk_insert(conn, f"core.{quarantine.name}", q)
    conn.execute(text("delete from raw.documents"))
    _bulk_insert(conn, "raw.documents", ch.documents)
    conn.execute(text("delete from raw.validation_results"))
    _bulk_insert(conn, "raw.validation_results", ch.validation)
    run = dict(ch.run_row, rows_loaded=json.dumps(ch.rows_loaded, sort_keys=True))
    failed = [json.loads(line) for line in ch.failed_runs]
    runs = pd.DataFrame([*failed, run])
    for col in ("started_at", "ended_at"):
        runs[col] = pd.to_datetime(runs[col], utc=True)
    _bulk_insert(conn, "raw.pipeline_runs", runs)


def _resolve_persons(conn) -> None:
    """Re-resolve people over every case mention (cheap: one row per mention)."""
    try:
        from kzwatch.persons import resolve_persons
    except ImportError:
        return
    mentions = conn.execute(text(
        "select record_id, source_name, person_name from core.case_mentions "
        "order by source_name, record_id")).mappings().all()
    conn.execute(text(f"delete from core.{persons.name}"))
    conn.execute(text(f"delete from core.{person_merges.name}"))
    if not mentions:
        return
    assignments, people, merges = resolve_persons(pd.DataFrame(mentions))
    _bulk_insert(conn, "core.persons", people)
    _bulk_insert(conn, "core.person_merges", merges)
    raw = conn.connection.driver_connection
    raw.register("_assign", assignments[["record_id", "person_id"]])
    conn.execute(text("update core.case_mentions m set person_id = a.person_id "
                      "from _assign a where a.record_id = m.record_id"))
    raw.unregister("_assign")


def _load_reference(conn) -> None:
    raw = conn.connection.driver_connection
    for table, csv_name in REFERENCE_TABLES.items():
        path = REFERENCE_DIR / csv_name
        if path.exists():
            raw.execute(f"create or replace table ref.{table} as "
                        f"select * from read_csv('{path.as_posix()}', header=true)")
            raw.execute(f"comment on table ref.{table} is "
                        f"'Reference data loaded from seeds/reference/{csv_name}'")


def _apply_sql_files(conn) -> None:
    """Views from sql/, applied in file-name order (staging before summaries)."""
    raw = conn.connection.driver_connection
    for path in sorted(SQL_DIR.glob("*.sql")):
        raw.execute(path.read_text(encoding="utf-8"))


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _comment_everything(conn) -> None:
    raw = conn.connection.driver_connection  # DuckDB has no COMMENT ON SCHEMA: see README
    for table in metadata.sorted_tables:
        name = f"{table.schema}.{table.name}"
        if table.comment:
            raw.execute(f"comment on table {name} is {_quote(table.comment)}")
        for col in table.columns:
            if col.comment:
                raw.execute(f'comment on column {name}."{col.name}" is {_quote(col.comment)}')
