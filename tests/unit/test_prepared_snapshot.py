"""The snapshot's part that needs no rows (copy, schemas, reference tables, views, comments) is
made beside validation (warehouse.prepare_snapshot); the load takes it up. The result must be
the snapshot a load alone builds, and a retried load must not apply its rows twice."""
from __future__ import annotations

from datetime import UTC, datetime

import duckdb
import pandas as pd

from kzwatch import staging, warehouse
from models.tables import documents as documents_table
from tests.unit.test_staging import batch, case_row

CATALOG = {
    "views": "select schema_name, view_name, sql, comment from duckdb_views() "
             "where not internal order by all",
    "tables": "select schema_name, table_name, comment from duckdb_tables() order by all",
    "columns": "select schema_name, table_name, column_name, data_type, comment "
               "from duckdb_columns() order by all",
    "rows": "select record_id, person_name from core.case_mentions order by all",
    "documents": "select source_name, status from raw.documents order by all",
    "texts": "select source_name, text from raw.document_texts order by all",
}


def changes_for(tmp_path, run_id: str) -> warehouse.SnapshotChanges:
    """One document with two case rows, staged as a run stages them."""
    stage = staging.staging_dir(tmp_path / "kz.duckdb", run_id)
    doc = {"source_name": "a.txt", "document_id": "d1", "_text": "x"}
    staging.stage_batch(stage, 1, batch({"case_mentions": [case_row("r1"), case_row("r2")]},
                                        [doc]))
    now = datetime.now(UTC)
    docs = pd.DataFrame([{"source_name": "a.txt", "document_id": "d1", "status": "loaded"}],
                        columns=[c.name for c in documents_table.columns])
    return warehouse.SnapshotChanges(
        run_id=run_id, documents=docs, drop_sources=[], rows={}, quarantined=pd.DataFrame(),
        validation=pd.DataFrame(), staged=stage, passed={"case_mentions": 2},
        run_row={"run_id": run_id, "started_at": now, "ended_at": now, "outcome": "completed"})


def contents(path) -> dict:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {k: con.execute(q).fetchall() for k, q in CATALOG.items()}
    finally:
        con.close()


def test_a_prepared_snapshot_loads_into_the_snapshot_a_load_alone_builds(tmp_path):
    alone = tmp_path / "alone" / "kz.duckdb"
    alone.parent.mkdir()
    built_alone = warehouse.build_snapshot(alone, changes_for(tmp_path / "alone", "r1"))

    wh = tmp_path / "kz.duckdb"
    prepared = warehouse.prepare_snapshot(wh, "r1")
    assert prepared == warehouse.prepared_path(wh, "r1") and prepared.exists()
    assert contents(prepared)["rows"] == []  # no rows yet: only the shape
    target = warehouse.build_snapshot(wh, changes_for(tmp_path, "r1"))
    assert not prepared.exists()  # taken up by the load
    got = contents(target)
    assert got == contents(built_alone)
    assert len(got["views"]) > 10 and len(got["rows"]) == 2


def test_a_retried_load_starts_again_from_the_published_file(tmp_path):
    wh = tmp_path / "kz.duckdb"
    warehouse.prepare_snapshot(wh, "r1")
    changes = changes_for(tmp_path, "r1")
    warehouse.build_snapshot(wh, changes)
    # the attempt failed after the build (an I/O error): the task runs it again
    target = warehouse.build_snapshot(wh, changes)
    assert contents(target)["rows"] == [("r1", "A. B."), ("r2", "A. B.")]


def test_leftovers_of_killed_runs_go_and_a_failed_run_leaves_nothing(tmp_path):
    wh = tmp_path / "kz.duckdb"
    stale = [warehouse.prepared_path(wh, "r0"), warehouse.snapshot_path(wh, "r0"),
             tmp_path / ".kz.duckdb.r0.prepared.wal"]
    for path in stale:
        path.write_bytes(b"cut by kill -9")
    other = tmp_path / ".other.duckdb.r0.prepared"  # another warehouse's: not ours to remove
    other.write_bytes(b"x")
    prepared = warehouse.prepare_snapshot(wh, "r1")
    assert not any(p.exists() for p in stale) and other.exists()
    warehouse.remove_snapshot(wh, "r1")  # what a run that fails after preparing does
    assert not prepared.exists()
