"""Docs for SQL users: every view of staging and mart, and every column of them, has a COMMENT
(what it means, its unit), so `duckdb_columns()`, DBeaver or harlequin explain them."""
from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime

import duckdb
import pandas as pd
import pytest

from kzwatch import warehouse
from models.tables import documents
from tests.conftest import PROJECT


def no_changes(run_id: str) -> warehouse.SnapshotChanges:
    """A run that read no documents."""
    now = datetime.now(UTC)
    return warehouse.SnapshotChanges(
        run_id=run_id, documents=pd.DataFrame(columns=[c.name for c in documents.columns]),
        drop_sources=[], rows={}, quarantined=pd.DataFrame(), validation=pd.DataFrame(),
        run_row={"run_id": run_id, "started_at": now, "ended_at": now, "outcome": "completed"})


@pytest.fixture(scope="module")
def empty_warehouse_file(tmp_path_factory):
    """A snapshot built from no documents: every table, reference table and view, no rows."""
    wh = tmp_path_factory.mktemp("wh") / "kzwatch.duckdb"
    target = warehouse.build_snapshot(wh, no_changes("r1"))
    warehouse.publish(target, wh, keep=0, run_id="r1")
    return wh


@pytest.fixture
def empty_warehouse(empty_warehouse_file):
    con = duckdb.connect(str(empty_warehouse_file), read_only=True)
    yield con
    con.close()


def test_every_staging_and_mart_column_has_a_comment(empty_warehouse):
    columns = empty_warehouse.execute(
        "select schema_name || '.' || table_name || '.' || column_name, comment "
        "from duckdb_columns() where schema_name in ('staging', 'mart') "
        "and table_name in (select view_name from duckdb_views() "
        "                   where schema_name in ('staging', 'mart'))").fetchall()
    assert len(columns) > 250  # all the views are there
    missing = sorted(name for name, comment in columns if not (comment or "").strip())
    assert missing == []


def test_every_staging_and_mart_view_has_a_comment(empty_warehouse):
    views = empty_warehouse.execute(
        "select schema_name || '.' || view_name, comment from duckdb_views() "
        "where schema_name in ('staging', 'mart')").fetchall()
    assert {"staging.stg_documents", "mart.findings", "mart.case_money_usd"} <= {
        v for v, _ in views}
    assert sorted(v for v, comment in views if not (comment or "").strip()) == []


def test_column_comments_of_views_work_in_this_duckdb(tmp_path):
    """COMMENT ON COLUMN of a view is kept in the file and shown by duckdb_columns()."""
    path = tmp_path / "c.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("create view v as select 1 as n")
        con.execute("comment on column v.n is 'one, in units'")
    with duckdb.connect(str(path), read_only=True) as con:
        assert con.execute("select comment from duckdb_columns() where table_name = 'v'"
                           ).fetchall() == [("one, in units",)]


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_sql_opens_the_warehouse_read_only_in_the_duckdb_cli_of_the_project(
        empty_warehouse_file):
    """`make sql` runs the duckdb CLI that `make setup` installed (duckdb-cli, same 1.5.x as
    the library), read-only: queries work, writes are refused. -o: no `uv sync` here."""
    sql = ("select version();\n"
           "select comment from duckdb_columns() where schema_name = 'mart' "
           "and table_name = 'case_money_usd' and column_name = 'usd_per_kzt';\n"
           "create table main.x (a integer);\n")
    done = subprocess.run(["make", "-s", "-o", ".venv/.synced", "sql",
                           f"WAREHOUSE={empty_warehouse_file}"],
                          cwd=PROJECT, input=sql, capture_output=True, text=True, timeout=60)
    assert f"v{duckdb.__version__}" in done.stdout, done.stdout + done.stderr
    assert "US dollars per 1 tenge" in done.stdout
    assert "read-only" in done.stderr
    missing = subprocess.run(["make", "-s", "-o", ".venv/.synced", "sql",
                              f"WAREHOUSE={empty_warehouse_file.parent / 'none.duckdb'}"],
                             cwd=PROJECT, capture_output=True, text=True, timeout=60)
    assert missing.returncode != 0 and "make run first" in missing.stderr


def test_every_model_comment_is_written_and_a_stale_one_is_rewritten(empty_warehouse_file,
                                                                     tmp_path):
    def comments(path):
        con = duckdb.connect(str(path), read_only=True)
        try:
            tables = {(s, t, None): c for s, t, c in con.execute(
                "select schema_name, table_name, comment from duckdb_tables()").fetchall()}
            return tables | {(s, t, c): k for s, t, c, k in con.execute(
                "select schema_name, table_name, column_name, comment "
                "from duckdb_columns()").fetchall()}
        finally:
            con.close()

    wanted = {(t.schema, t.name, None): t.comment for t in warehouse.metadata.sorted_tables
              if t.comment}
    wanted |= {(t.schema, t.name, c.name): c.comment for t in warehouse.metadata.sorted_tables
               for c in t.columns if c.comment}
    have = comments(empty_warehouse_file)
    assert {k: have.get(k) for k in wanted} == wanted
    # a snapshot written by a version whose comments differed
    wh = tmp_path / "kzwatch.duckdb"
    shutil.copyfile(empty_warehouse_file, wh)
    con = duckdb.connect(str(wh))
    con.execute("comment on table core.case_mentions is 'old words'")
    con.execute("comment on column core.statistics.value is null")
    con.close()
    target = warehouse.build_snapshot(wh, no_changes("r2"))
    try:
        have = comments(target)
        assert {k: have.get(k) for k in wanted} == wanted
    finally:
        warehouse.remove_snapshot(wh, "r2")


def test_a_table_an_older_snapshot_lacks_is_created_as_in_a_new_one(empty_warehouse_file,
                                                                    tmp_path):
    wh = tmp_path / "kzwatch.duckdb"
    shutil.copyfile(empty_warehouse_file, wh)
    con = duckdb.connect(str(wh))
    con.execute("drop table raw.person_name_pairs")
    con.close()
    target = warehouse.build_snapshot(wh, no_changes("r3"))
    query = ("select sql, comment from duckdb_tables() "
             "where schema_name = 'raw' and table_name = 'person_name_pairs'")
    try:
        new, fresh = (duckdb.connect(str(p), read_only=True) for p in (target,
                                                                       empty_warehouse_file))
        assert new.execute(query).fetchall() == fresh.execute(query).fetchall() != []
        new.close()
        fresh.close()
    finally:
        warehouse.remove_snapshot(wh, "r3")
