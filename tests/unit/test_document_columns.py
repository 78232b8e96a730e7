"""raw.documents' reading metadata (issue 11): a snapshot written before these columns gets
them (NULL), and the previous documents of such a snapshot read with them."""
from __future__ import annotations

import duckdb
from sqlalchemy import text

from kzwatch import warehouse
from kzwatch.pipeline import _row
from models.tables import documents, metadata

NEW = ("format", "extractor", "title", "published_on", "published_on_source", "site", "url",
       "pages")


def test_old_snapshot_gets_the_new_document_columns(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("create schema raw")
    con.execute("create table raw.documents (source_name varchar primary key, document_id "
                "varchar, checksum varchar, status varchar not null, reason varchar, "
                "duplicate_of varchar, size_bytes bigint, encoding varchar, n_chars integer, "
                "language varchar, parser_version varchar, loaded_run_id varchar)")
    con.execute("insert into raw.documents (source_name, status, checksum) "
                "values ('a.txt', 'loaded', 'h')")
    con.close()
    previous = warehouse.read_previous_documents(path)
    assert list(previous.columns) == [c.name for c in documents.columns]
    assert previous.loc[0, "format"] is None and previous.loc[0, "pages"] is None
    engine = warehouse._engine(path)
    try:
        with engine.begin() as conn:
            for schema in ("raw", "core", "ref", "staging", "mart"):
                conn.execute(text(f"create schema if not exists {schema}"))
            metadata.create_all(conn)
            warehouse._add_missing_columns(conn)
    finally:
        engine.dispose()
    con = duckdb.connect(str(path), read_only=True)
    try:
        cols = {r[0]: r[1] for r in con.execute(
            "select column_name, data_type from duckdb_columns() where schema_name = 'raw' "
            "and table_name = 'documents'").fetchall()}
        assert set(NEW) <= set(cols) and cols["pages"] == "INTEGER"
        assert con.execute("select status, format from raw.documents").fetchall() == [
            ("loaded", None)]
    finally:
        con.close()


def test_every_document_row_has_every_column_and_each_a_comment():
    row = _row("a.txt", "0" * 64, "loaded", "v", "run")
    assert set(row) == {c.name for c in documents.columns}
    assert all(documents.c[name].comment for name in NEW)
