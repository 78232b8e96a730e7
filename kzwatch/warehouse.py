"""Build a warehouse snapshot in a new file and publish it with an atomic rename.

DuckDB allows one writer or many readers per file, never both, so a run never writes the
published file: it copies it (or starts empty), applies the run's changes to the copy through
SQLAlchemy (duckdb-engine), checkpoints, and os.replace()s it over the published name.
Readers that have the old file open keep their snapshot; new connections see the new one;
a run killed at any point leaves the published file as it was.
"""
from __future__ import annotations

import fcntl
import glob
import json
import logging
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd
from sqlalchemy import create_engine, event, text
from sqlalchemy.pool import StaticPool
from sqlalchemy.schema import CreateIndex, CreateTable

from kzwatch.reference import REFERENCE_DIR
from kzwatch.runlock import WarehouseBusy, lock_path, run_lock  # noqa: F401 - part of this module's interface
from models.tables import (
    CONTRACT_TABLES,
    SCHEMA_COMMENTS,
    documents,
    metadata,
    person_merges,
    persons,
    pipeline_runs,
    quarantine,
)

log = logging.getLogger(__name__)
SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
REFERENCE_TABLES = {"regions": "regions.csv", "places": "places.csv",
                    "fx_rates": "fx_rates.csv", "person_aliases": "person_aliases.csv"}
# Every file is attached under this name: DuckDB names a database after its file, and a file
# called ref.duckdb (or raw, core, staging, mart) would make "ref.regions" ambiguous.
ALIAS = "kzwatch"
SCHEMA_NAMES = frozenset(SCHEMA_COMMENTS)


def _attach_sql(path: Path, read_only: bool) -> str:
    return f"attach {_quote(str(path))} as {ALIAS}{' (read_only)' if read_only else ''}"


def bound_memory(con) -> None:
    """Keep DuckDB's memory to KZWATCH_DUCKDB_MEMORY_LIMIT: past it a join spills to a
    temporary folder (a view that pairs the same statistic across thousands of documents
    otherwise takes gigabytes). No progress bar on the run's output."""
    from kzwatch.settings import get_settings

    spill = Path(tempfile.gettempdir()) / "kzwatch-duckdb"
    con.execute(f"set memory_limit = {_quote(get_settings().duckdb_memory_limit)}")
    con.execute(f"set temp_directory = {_quote(str(spill))}")
    con.execute("set enable_progress_bar = false")


def connect_readonly(warehouse: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection with the warehouse attached as `kzwatch` and in use."""
    con = duckdb.connect()
    try:
        bound_memory(con)
        con.execute(_attach_sql(warehouse, read_only=True))
        con.execute(f"use {ALIAS}")
    except BaseException:
        con.close()
        raise
    return con


def read_previous_documents(warehouse: Path) -> pd.DataFrame:
    """raw.documents of the published snapshot (empty frame when there is none); columns added
    since the snapshot was written come back as NULL."""
    cols = [c.name for c in documents.columns]
    if not Path(warehouse).exists():
        return pd.DataFrame(columns=cols)
    con = connect_readonly(warehouse)
    try:
        have = {r[0] for r in con.execute(
            "select column_name from duckdb_columns() where database_name = ? and "
            "schema_name = 'raw' and table_name = 'documents'", [ALIAS]).fetchall()}
        if not have:
            return pd.DataFrame(columns=cols)
        df = con.execute(f"select {', '.join(c for c in cols if c in have)} "
                         "from raw.documents").df()
        for col in cols:
            if col not in df:
                df[col] = None
        return df[cols]
    finally:
        con.close()


@dataclass
class SnapshotChanges:
    """What a run changes. The validated rows come either as DataFrames (`rows`) or from the
    run's staging folder (`staged`, kzwatch.staging): then every staged row of a table in
    `passed` is loaded but the quarantined ones, and so are the staged texts and articles.

    Loading from the staging folder rather than from the validated DataFrames: DuckDB
    streams the Parquet files into the snapshot, so the flow process never
    holds a table's validated rows, nor the documents' texts, while the snapshot is built
    (the DataFrames would all wait in memory for the load task). The rows are the ones
    validation saw: the same files, read in the same order with the same types; the count
    loaded per table is checked against the count that passed."""
    run_id: str
    documents: pd.DataFrame                    # the complete raw.documents of the new snapshot
    drop_sources: list[str]                    # source_names whose rows go (changed/removed/...)
    rows: dict[str, pd.DataFrame]              # validated rows to insert, per contract table
    quarantined: pd.DataFrame
    validation: pd.DataFrame
    run_row: dict
    rows_loaded: dict[str, int] = field(default_factory=dict)
    failed_runs: list[dict] = field(default_factory=list)  # runs that failed since the last one
    failed_log_bytes: int = 0                  # how much of the failed-runs log they came from
    warnings: list[str] = field(default_factory=list)
    texts: pd.DataFrame | None = None          # raw.document_texts rows of the documents read
    parts: pd.DataFrame | None = None          # raw.document_parts rows of the documents read
    staged: Path | None = None                 # the run's staging folder (rows, texts, parts)
    passed: dict[str, int] = field(default_factory=dict)  # staged: rows that passed, per table


# --- what a crashed read-write client leaves ---------------------------------------------

def wal_path(database: Path) -> Path:
    return database.with_name(database.name + ".wal")


def writer_holds(database: Path) -> bool:
    """True when a process has the DuckDB file open read-write (it holds a write lock)."""
    try:
        fd = os.open(database, os.O_RDONLY)
    except FileNotFoundError:
        return False
    try:
        fcntl.lockf(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return True
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


def set_aside_wal(warehouse: Path, run_id: str) -> str | None:
    """Move a write-ahead log left next to the published file out of the way; say so.

    A WAL belongs to one database file: a read-write client that crashed leaves one, and
    DuckDB would replay it onto whatever file later carries the name, that is onto every new
    snapshot (rows vanish, the client's edits come back). A snapshot is built from the
    published file alone, so the WAL is moved to .<name>.wal.<run>.stale for inspection.
    A client holding the file read-write (WAL or not yet) is reported instead (WarehouseBusy):
    read-only readers don't count."""
    wal = wal_path(warehouse)
    if writer_holds(warehouse):  # its WAL, now or later, would land on the new snapshot
        raise WarehouseBusy(f"a read-write client has {warehouse} open: close it; open the "
                            "warehouse read-only (duckdb -readonly)")
    if not wal.exists():
        return None
    stale = warehouse.with_name(f".{warehouse.name}.wal.{run_id}.stale")
    os.replace(wal, stale)
    message = (f"found {wal.name} ({wal_stat_size(stale)} bytes) left by a read-write client "
               f"that did not close: its changes are not in the published snapshot and would "
               f"have been replayed onto new ones; moved to {stale.name}")
    log.warning(message)
    return message


def wal_stat_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


# --- failed runs, recorded by the next snapshot ------------------------------------------

def failed_runs_log(warehouse: Path) -> Path:
    return warehouse.with_name(f".{warehouse.name}.failed-runs.jsonl")


def record_failed_run(warehouse: Path, run: dict) -> None:
    """A failed run can't write the snapshot; the next published one records it. One write()
    of one line in append mode; a line left unfinished by a crash is closed first."""
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    line = (json.dumps(run, default=str, sort_keys=True) + "\n").encode("utf-8")
    fd = os.open(failed_runs_log(warehouse), os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        size = os.fstat(fd).st_size
        if size and os.pread(fd, 1, size - 1) != b"\n":
            line = b"\n" + line
        os.write(fd, line)
    finally:
        os.close(fd)


_RUN_FIELDS = {c.name for c in pipeline_runs.columns}


def read_failed_runs(warehouse: Path) -> tuple[list[dict], int, list[str]]:
    """(runs, bytes read, warnings). A damaged line (a write cut by a kill or a full disk) is
    skipped with a warning instead of failing every later run."""
    path = failed_runs_log(warehouse)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return [], 0, []
    runs, warnings, seen = [], [], set()
    for no, line in enumerate(data.decode("utf-8", "replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            run = json.loads(line)
            if not isinstance(run, dict) or not run.get("run_id"):
                raise ValueError("not a run record")
        except ValueError as exc:
            warnings.append(f"{path.name} line {no} is damaged and was skipped "
                            f"({str(exc)[:80]}): {line[:80]!r}")
            log.warning(warnings[-1])
            continue
        if run["run_id"] not in seen:
            seen.add(run["run_id"])
            runs.append({k: v for k, v in run.items() if k in _RUN_FIELDS})
    return runs, len(data), warnings


def _forget_failed_runs(warehouse: Path, consumed: int) -> None:
    """Drop the first `consumed` bytes of the log (now in raw.pipeline_runs), keeping lines a
    concurrent failing run appended after they were read."""
    path = failed_runs_log(warehouse)
    try:
        rest = path.read_bytes()[consumed:]
    except FileNotFoundError:
        return
    if not rest.strip():
        path.unlink(missing_ok=True)
        return
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(rest)
    os.replace(tmp, path)


# --- build and publish ---------------------------------------------------------------------

def snapshot_path(warehouse: Path, run_id: str) -> Path:
    return warehouse.with_name(f".{warehouse.name}.{run_id}.building")


def prepared_path(warehouse: Path, run_id: str) -> Path:
    """Where `prepare_snapshot` leaves a run's snapshot until the load takes it."""
    return warehouse.with_name(f".{warehouse.name}.{run_id}.prepared")


def remove_snapshot(warehouse: Path, run_id: str) -> None:
    """Remove a run's half-built file and its WAL (a failed or interrupted run cleans up)."""
    for target in (snapshot_path(warehouse, run_id), prepared_path(warehouse, run_id)):
        for path in (target, wal_path(target)):
            path.unlink(missing_ok=True)


def _engine(path: Path):
    """SQLAlchemy engine on one DuckDB connection with `path` attached as `kzwatch`."""
    engine = create_engine("duckdb:///:memory:", poolclass=StaticPool)

    @event.listens_for(engine, "connect")
    def _attach(dbapi_conn, _record):
        bound_memory(dbapi_conn)
        # the checkpoint tries FSST on every string segment and, on these tables (evidence,
        # texts, names), keeps it for about one in three hundred: trying costs 60 % of a
        # snapshot's checkpoint (0.08 -> 0.03 s at 960 documents), the file is as large
        dbapi_conn.execute("set disabled_compression_methods = 'fsst'")
        dbapi_conn.execute(_attach_sql(path, read_only=False))
        dbapi_conn.execute(f"use {ALIAS}")

    return engine


def prepare_snapshot(warehouse: Path, run_id: str) -> Path:
    """The part of the run's snapshot that does not depend on its rows, made while they are
    validated: a copy of the published file with this version's schemas, tables, columns,
    reference tables, views and comments (every statement of them idempotent), checkpointed.
    `build_snapshot` takes it up; on any failure nothing is left and the load does it all."""
    target = prepared_path(warehouse, run_id)
    try:
        _copy_and_shape(warehouse, target)
    except BaseException:
        for path in (target, wal_path(target)):
            path.unlink(missing_ok=True)
        raise
    return target


def _copy_and_shape(warehouse: Path, target: Path) -> None:
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    name = glob.escape(warehouse.name)
    for pattern in (f".{name}.*.building*", f".{name}.*.prepared*"):
        for stale in warehouse.parent.glob(pattern):
            stale.unlink()  # left by a killed run or a failed attempt (only the lock holder
            # gets here), the target's own included: it is made again from the published file
    if warehouse.exists():
        shutil.copyfile(warehouse, target)
    engine = _engine(target)
    try:
        with engine.begin() as conn:
            for schema in SCHEMA_COMMENTS:
                conn.execute(text(f"create schema if not exists {schema}"))
            _create_missing_tables(conn)
            _add_missing_columns(conn)
            _load_reference(conn)
            _apply_sql_files(conn)
            _comment_everything(conn)
        with engine.connect() as conn:
            conn.execute(text(f"checkpoint {ALIAS}"))
    finally:
        engine.dispose()


def build_snapshot(warehouse: Path, changes: SnapshotChanges) -> Path:
    """Write the new snapshot next to the published file; return its path (not yet published).
    Starts from the run's prepared snapshot when `prepare_snapshot` made one (taken by a
    rename, so a retried load starts again from the published file), else copies and shapes
    the published file itself; then applies the run's rows. On any failure (a full disk...)
    the half-built file and its WAL are removed."""
    target = snapshot_path(warehouse, changes.run_id)
    prepared = prepared_path(warehouse, changes.run_id)
    changes.failed_runs, changes.failed_log_bytes, warned = read_failed_runs(warehouse)
    changes.warnings += [w for w in warned if w not in changes.warnings]  # a retried load
    try:
        if prepared.exists() and not wal_path(prepared).exists():
            os.replace(prepared, target)
        else:
            _copy_and_shape(warehouse, target)
        engine = _engine(target)
        try:
            with engine.begin() as conn:
                mentions_before = _mentions_fingerprint(conn)
                _apply_changes(conn, changes)
                _drop_orphans(conn)
                if _mentions_fingerprint(conn) != mentions_before or _has_unresolved(conn):
                    _resolve_persons(conn)  # else the copied snapshot's people still hold
            with engine.connect() as conn:
                conn.execute(text(f"checkpoint {ALIAS}"))
        finally:
            engine.dispose()
    except BaseException:
        remove_snapshot(warehouse, changes.run_id)
        raise
    return target


def publish(target: Path, warehouse: Path, keep: int, run_id: str,
            failed_log_bytes: int | None = None) -> list[str]:
    """Atomically replace the published file; keep the last `keep` snapshots in history/.
    Returns warnings (a WAL that appeared next to the published file during the run).
    Safe to retry (a Prefect task retry): an attempt that failed after the rename only
    finishes the steps after it; a history link made by an earlier attempt is kept."""
    warnings = []
    if not target.exists() and published_by(warehouse, run_id):
        _fsync_dir(warehouse.parent)
        _finish_failed_runs_log(warehouse, failed_log_bytes)
        return warnings
    linked = warehouse.parent / "history" / f"{warehouse.stem}.{run_id}{warehouse.suffix}"
    if warehouse.exists() and keep > 0 and not linked.exists():
        history = warehouse.parent / "history"
        history.mkdir(exist_ok=True)
        os.link(warehouse, linked)
        for old in sorted(history.glob(f"{warehouse.stem}.*{warehouse.suffix}"))[:-keep]:
            old.unlink()
    wal_path(target).unlink(missing_ok=True)  # checkpointed and detached: nothing in it
    try:
        stale = set_aside_wal(warehouse, run_id)  # never leave a WAL of another file beside it
    except WarehouseBusy as exc:  # a client opened it read-write during the run: a failure
        raise RuntimeError(f"not published: {exc}") from None
    if stale:
        warnings.append(stale)
    os.replace(target, warehouse)
    _fsync_dir(warehouse.parent)
    _finish_failed_runs_log(warehouse, failed_log_bytes)
    return warnings


def _finish_failed_runs_log(warehouse: Path, failed_log_bytes: int | None) -> None:
    if failed_log_bytes is None:
        failed_runs_log(warehouse).unlink(missing_ok=True)
    else:
        _forget_failed_runs(warehouse, failed_log_bytes)  # now in raw.pipeline_runs


def published_by(warehouse: Path, run_id: str) -> bool:
    """Whether the published file is the snapshot of run `run_id`."""
    if not warehouse.exists():
        return False
    try:
        con = connect_readonly(warehouse)
    except duckdb.Error:
        return False
    try:
        return con.execute("select count(*) from raw.pipeline_runs where run_id = ?",
                           [run_id]).fetchone()[0] > 0
    except duckdb.Error:
        return False
    finally:
        con.close()


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


def _insert_staged(conn, table: str, folder: Path, name: str, exclude_ids=None) -> int:
    """Insert a staged table (kzwatch.staging) into `table` in batch order (its files are
    named by batch); rows whose record_id is in `exclude_ids` (quarantined), or null, are left
    out: what validation passed. DuckDB reads the Parquet files itself (streamed, both cores):
    three times faster than scanning them through Arrow in Python. `union_by_name` unifies
    the files' types as kzwatch.staging.read_table does for validation (an integer column
    with a float in one batch is a float column; a column empty in a batch takes the others'
    type), and the insert casts to the table's types either way."""
    from kzwatch import staging

    files = staging.staged_files(folder, name)
    if not files:
        return 0
    raw = conn.connection.driver_connection
    columns = ", ".join(f'"{c}"' for c in staging.load_columns(name))
    excluded = None if exclude_ids is None else sorted(
        {i for i in exclude_ids if isinstance(i, str)})
    source, where, order = "read_parquet(?, union_by_name = true)", "", ""
    view = f"_excluded_{name}"
    if excluded is not None:
        where = " where record_id is not null"
    if excluded:
        # `not in (select ...)` is a hash join, which does not keep the rows' order: they are
        # put back in file (batch) order, then row order
        source = ("read_parquet(?, union_by_name = true, filename = true, "
                  "file_row_number = true)")
        where += f" and record_id not in (select record_id from {view})"
        order = " order by filename, file_row_number"
        raw.register(view, pd.DataFrame({"record_id": pd.Series(excluded, dtype="string")}))
    try:
        return raw.execute(f"insert into {table} by name select {columns} from {source}"
                           f"{where}{order}", [[literal_path(f) for f in files]]).fetchone()[0]
    finally:
        if excluded:
            raw.unregister(view)


def _apply_changes(conn, ch: SnapshotChanges) -> None:
    if ch.drop_sources:
        drop = pd.DataFrame({"source_name": pd.Series(sorted(set(ch.drop_sources)), dtype=str)})
        raw = conn.connection.driver_connection
        raw.register("_drop_sources", drop)
        for name in [*CONTRACT_TABLES, "quarantine"]:
            conn.execute(text(f"delete from core.{name} where source_name in "
                              "(select source_name from _drop_sources)"))
        for name in ("raw.document_texts", "raw.document_parts"):
            conn.execute(text(f"delete from {name} where source_name in "
                              "(select source_name from _drop_sources)"))
        raw.unregister("_drop_sources")
    for name, df in ch.rows.items():
        ch.rows_loaded[name] = _bulk_insert(conn, f"core.{name}", df)
    for name, expected in ch.passed.items():
        if ch.staged is None:
            raise ValueError("SnapshotChanges.passed needs the staging folder (staged)")
        quarantined = ch.quarantined
        ids = (quarantined.loc[quarantined["table_name"] == name, "record_id"]
               if len(quarantined) else [])
        loaded = _insert_staged(conn, f"core.{name}", ch.staged, name, exclude_ids=ids)
        if loaded != expected:  # the staged rows are not the ones validation passed
            raise RuntimeError(f"core.{name}: {loaded} staged rows to load, but {expected} "
                               "passed validation")
        ch.rows_loaded[name] = loaded
    q = ch.quarantined.assign(run_id=ch.run_id) if len(ch.quarantined) else ch.quarantined
    _bulk_insert(conn, f"core.{quarantine.name}", q)
    for name, df in (("document_texts", ch.texts), ("document_parts", ch.parts)):
        if df is None and ch.staged is not None:
            _insert_staged(conn, f"raw.{name}", ch.staged, name)  # staging.TEXTS, PARTS
        else:
            _bulk_insert(conn, f"raw.{name}", df)
    conn.execute(text("delete from raw.documents"))
    _bulk_insert(conn, "raw.documents", ch.documents)
    # history: the snapshot is a copy of the published file, so earlier runs' results stay;
    # only this run's own rows are replaced (a retried load inserts them once)
    conn.execute(text("delete from raw.validation_results where run_id = :run_id"),
                 {"run_id": ch.run_id})
    _bulk_insert(conn, "raw.validation_results", ch.validation)
    run = dict(ch.run_row, rows_loaded=json.dumps(ch.rows_loaded, sort_keys=True))
    known = {r[0] for r in conn.execute(text("select run_id from raw.pipeline_runs"))}
    failed = [r for r in ch.failed_runs if r["run_id"] not in known | {run["run_id"]}]
    runs = pd.DataFrame([*failed, run])
    for col in ("started_at", "ended_at"):
        runs[col] = pd.to_datetime(runs[col], utc=True)
    _bulk_insert(conn, "raw.pipeline_runs", runs)


def _add_missing_columns(conn) -> None:
    """A snapshot written by an older version gets the columns added since (NULL)."""
    have = {(r[0], r[1], r[2]) for r in conn.execute(text(
        "select schema_name, table_name, column_name from duckdb_columns() "
        "where database_name = current_database()"))}
    for table in metadata.sorted_tables:
        for col in table.columns:
            if (table.schema, table.name, col.name) not in have:
                kind = col.type.compile(dialect=conn.dialect)
                conn.execute(text(f'alter table {table.schema}.{table.name} '
                                  f'add column "{col.name}" {kind}'))


def _drop_orphans(conn) -> None:
    """Rows whose document raw.documents does not list as loaded go: whatever left them (an
    interrupted or concurrent run of an older version), a snapshot has none."""
    for name in [*(f"core.{t}" for t in CONTRACT_TABLES), f"core.{quarantine.name}",
                 "raw.document_texts", "raw.document_parts"]:
        conn.execute(text(
            f"delete from {name} where source_name is null or source_name not in "
            "(select source_name from raw.documents where status = 'loaded')"))


def _mentions_fingerprint(conn) -> tuple:
    """How many case mentions the snapshot holds, and a hash of their ids and names: people are
    resolved again only when it changes (an unchanged re-run of 10,000 documents skips it)."""
    return tuple(conn.execute(text(
        "select count(*), coalesce(sum(hash(record_id, person_name)), 0) "
        "from core.case_mentions")).one())


def _has_unresolved(conn) -> bool:
    return bool(conn.execute(text(
        "select count(*) from core.case_mentions where person_id is null")).scalar())


def _resolve_persons(conn) -> None:
    """Re-resolve people over every case mention. The costly part, scoring pairs of names, is
    paid only for names not scored before: the candidate pairs of the last resolution are kept
    in raw.person_name_pairs (over the names of raw.person_names_scored), so a changed document
    costs its new names against all, not the square of all names. A warehouse without them
    (older, or emptied) scores every name once; the result is the same either way."""
    try:
        from kzwatch.persons import resolve_persons_incremental
    except ImportError:
        return
    raw = conn.connection.driver_connection
    mentions = raw.execute("select record_id, source_name, person_name from core.case_mentions "
                           "order by source_name, record_id").df()
    scored, pairs = _person_name_pairs(conn)
    for name in (f"core.{persons.name}", f"core.{person_merges.name}", *_PERSON_PAIR_TABLES):
        conn.execute(text(f"delete from {name}"))
    if mentions.empty:
        return
    assignments, people, merges, scored, pairs = resolve_persons_incremental(
        mentions, scored, pairs)
    _bulk_insert(conn, "core.persons", people)
    _bulk_insert(conn, "core.person_merges", merges)
    _bulk_insert(conn, "raw.person_names_scored", scored)
    _bulk_insert(conn, "raw.person_name_pairs", pairs)
    raw.register("_assign", assignments[["record_id", "person_id"]])
    conn.execute(text("update core.case_mentions m set person_id = a.person_id "
                      "from _assign a where a.record_id = m.record_id "
                      "and m.person_id is distinct from a.person_id"))
    raw.unregister("_assign")


_PERSON_PAIR_TABLES = ("raw.person_names_scored", "raw.person_name_pairs")


def _person_name_pairs(conn) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(names scored, their candidate pairs) as the last resolution left them."""
    raw = conn.connection.driver_connection
    scored = raw.execute("select person_name, scorer_version "
                         "from raw.person_names_scored").df()
    pairs = raw.execute("select stage, name_a, name_b, score from raw.person_name_pairs").df()
    return scored, pairs


def _load_reference(conn) -> None:
    raw = conn.connection.driver_connection
    for table, csv_name in REFERENCE_TABLES.items():
        path = REFERENCE_DIR / csv_name
        if path.exists():
            raw.execute(f"create or replace table ref.{table} as "
                        f"select * from read_csv({_quote(literal_path(path))}, header=true)")
            raw.execute(f"comment on table ref.{table} is "
                        f"'Reference data loaded from seeds/reference/{csv_name}'")


def _apply_sql_files(conn) -> None:
    """Views from sql/, applied in file-name order (staging before summaries)."""
    raw = conn.connection.driver_connection
    for path in sorted(SQL_DIR.glob("*.sql")):
        raw.execute(path.read_text(encoding="utf-8"))


def literal_path(path: Path) -> str:
    """A file path as DuckDB's file readers take it literally: they expand `*`, `?` and
    `[...]` as a glob (a folder named "[2024]" would read "2", "0" or "4"), so each of those
    characters is written as a one-character class that holds only itself."""
    return re.sub(r"[*?\[]", lambda m: f"[{m.group()}]", Path(path).as_posix())


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _create_missing_tables(conn) -> None:
    """The models' tables (and indexes) a snapshot lacks, created by one DuckDB script of the
    statements SQLAlchemy compiles: `metadata.create_all` ran them one at a time, each with a
    COMMENT per column (190 statements, 0.1 s of a run); `_comment_everything` writes those."""
    raw = conn.connection.driver_connection
    have = set(raw.execute("select schema_name, table_name from duckdb_tables() "
                           "where database_name = current_database()").fetchall())
    script = []
    for table in metadata.sorted_tables:
        if (table.schema, table.name) not in have:
            script.append(CreateTable(table).compile(dialect=conn.dialect))
            script += [CreateIndex(index).compile(dialect=conn.dialect)
                       for index in table.indexes]
    if script:
        raw.execute(";\n".join(str(ddl).strip() for ddl in script))


def _comment_everything(conn) -> None:
    """Every table and column of the models carries its comment. Only the comments that
    differ are written, in one script (a copied snapshot has those of the version that wrote
    it): each is a catalog change of its own."""
    raw = conn.connection.driver_connection  # DuckDB has no COMMENT ON SCHEMA: see README
    have = dict(((s, t, None), c) for s, t, c in raw.execute(
        "select schema_name, table_name, comment from duckdb_tables() "
        "where database_name = current_database()").fetchall())
    have.update(((s, t, c), k) for s, t, c, k in raw.execute(
        "select schema_name, table_name, column_name, comment from duckdb_columns() "
        "where database_name = current_database()").fetchall())
    script = []
    for table in metadata.sorted_tables:
        name = f"{table.schema}.{table.name}"
        if table.comment and have.get((table.schema, table.name, None)) != table.comment:
            script.append(f"comment on table {name} is {_quote(table.comment)}")
        script += [f'comment on column {name}."{col.name}" is {_quote(col.comment)}'
                   for col in table.columns
                   if col.comment and have.get((table.schema, table.name, col.name)) != col.comment]
    if script:
        raw.execute(";\n".join(script))
