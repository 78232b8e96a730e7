"""The run's staging area (kzwatch.staging): finished batches' rows on disk as Parquet, read
back exactly as the DataFrame of all rows would have been, in batch order, and removed."""
from __future__ import annotations

import copy
from datetime import UTC, datetime

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from flows.etl import rows_frame
from kzwatch import pipeline, staging, warehouse
from models.records import RECORD_MODELS
from models.tables import documents as documents_table
from tests.faults.common import COURT, CPI

RUN = "20261205T101500123456Z"


def case_row(record_id, **values) -> dict:
    """A case_mentions row as extraction gives it: every column, None where not stated."""
    row = dict.fromkeys(staging.table_columns("case_mentions"))
    row.update(record_id=record_id, document_id="d1", source_name="a.txt", evidence="x",
               evidence_start=0, evidence_end=1, person_name="A. B.", case_no=1, charges=[],
               _evidence_grounded=True)
    row.update(values)
    return row


def batch(rows: dict[str, list[dict]], documents=None) -> pipeline.ExtractedBatch:
    return pipeline.ExtractedBatch(documents or [], {t: rows.get(t, []) for t in RECORD_MODELS},
                                   ["a warning"])


def assert_same(frame: pd.DataFrame, expected: pd.DataFrame) -> None:
    """Equal, dtypes included, and cell by cell of the same Python type (lists stay lists)."""
    pd.testing.assert_frame_equal(frame, expected, check_exact=True)
    for col in expected.columns:
        for got, want in zip(frame[col], expected[col], strict=True):
            assert type(got) is type(want), (col, got, want)


def test_rows_of_all_batches_come_back_as_one_frame_with_the_same_types(tmp_path):
    batches = [
        # an integer column, and a list column with only empty lists, a boolean with a null
        [case_row("r1", sentence_months=12, amount_kzt=5, in_absentia=None),
         case_row("r2", sentence_months=None, amount_kzt=None, in_absentia=True)],
        # a column null in every row of the batch; a float where batch 1 had an integer
        [case_row("r3", sentence_months=None, amount_kzt=2.5, charges=["bribery", "fraud"],
                  status=None, in_absentia=False)],
        [case_row("r4", sentence_months=36, amount_kzt=1e15, region="Almaty", charges=["fraud"],
                  in_absentia=None, _evidence_grounded=False)],
    ]
    expected = rows_frame("case_mentions", [r for rows in batches for r in copy.deepcopy(rows)])
    for no, rows in enumerate(batches, 1):
        staging.stage_batch(tmp_path, no, batch({"case_mentions": rows}))
    assert_same(staging.read_table(tmp_path, "case_mentions"), expected)
    for path in staging.staged_files(tmp_path, "case_mentions"):  # each file as pq reads it
        whole, plain = staging._read_file(path), pq.read_table(path)
        assert whole.equals(plain) and whole.schema.equals(plain.schema, check_metadata=True)


def test_extracted_documents_round_trip_with_texts(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "court.txt").write_text(COURT * 2, encoding="utf-8")
    (folder / "cpi.txt").write_text(CPI, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    extracted = [pipeline.extract_documents(folder, [name], 10**6, RUN)
                 for name in ("court.txt", "cpi.txt", "empty.txt")]
    before = copy.deepcopy(extracted)
    documents = [d for b in before for d in b.documents]
    texts = pipeline.take_texts(documents)
    stage = tmp_path / "stage"
    staged = [staging.stage_batch(stage, no, b) for no, b in enumerate(extracted, 1)]
    assert [d for s in staged for d in s.documents] == documents  # without their texts
    assert all(pipeline.TEXT_KEY not in d for s in staged for d in s.documents)
    assert staged[0].warnings == before[0].warnings and staged[2].rows[staging.TEXTS] == 0
    assert staged[0].rows["case_mentions"] > 0 and staged[1].rows["indicators"] > 0
    for table in RECORD_MODELS:
        expected = rows_frame(table, [r for b in before for r in b.rows[table]])
        assert_same(staging.read_table(stage, table), expected)
    assert_same(staging.read_table(stage, staging.TEXTS),
                pd.DataFrame(texts, columns=staging.TEXT_COLUMNS))
    assert list(staging.read_table(stage, staging.TEXTS)["text"]) == [COURT * 2, CPI]


def test_listing_page_articles_are_staged_as_parts(tmp_path):
    parts = [{"source_name": "list.html", "document_id": "d1", "part_no": n, "start": 10 * n,
              "end": 10 * n + 9, "title": f"Headline {n}", "published_on": None,
              "published_on_source": None} for n in (1, 2)]
    doc = {"source_name": "list.html", "document_id": "d1", pipeline.TEXT_KEY: "text",
           pipeline.PARTS_KEY: copy.deepcopy(parts)}
    summary = staging.stage_batch(tmp_path, 1, batch({}, [doc]))
    assert summary.documents == [{"source_name": "list.html", "document_id": "d1"}]
    assert summary.rows[staging.PARTS] == 2
    assert_same(staging.read_table(tmp_path, staging.PARTS),
                pd.DataFrame(parts, columns=pipeline.PART_COLUMNS))


def test_batches_staged_out_of_order_read_back_in_batch_order(tmp_path):
    for no in (10, 2, 1, 3):  # as they finish; 10 after 2 and 3 (names are zero-padded)
        staging.stage_batch(tmp_path, no, batch({"case_mentions": [case_row(f"b{no}-1"),
                                                                   case_row(f"b{no}-2")]}))
    frame = staging.read_table(tmp_path, "case_mentions")
    assert list(frame["record_id"]) == ["b1-1", "b1-2", "b2-1", "b2-2", "b3-1", "b3-2",
                                        "b10-1", "b10-2"]


def test_an_empty_table_comes_back_with_its_columns(tmp_path):
    summary = staging.stage_batch(tmp_path, 1, batch({}))
    assert summary.files == [] and set(summary.rows.values()) == {0}
    for table in [*RECORD_MODELS, staging.TEXTS, staging.PARTS]:
        frame = staging.read_table(tmp_path, table)
        assert frame.empty and list(frame.columns) == staging.table_columns(table)
    assert_same(staging.read_table(tmp_path, "statistics"), rows_frame("statistics", []))
    assert staging.read_table(tmp_path / "never-made", "statistics").empty


def test_a_snapshot_loads_the_staged_rows_that_passed(tmp_path):
    stage = staging.staging_dir(tmp_path / "kz.duckdb", RUN)
    rows = [case_row("r1", charges=["bribery"], sentence_months=12),
            case_row("r2", sentence_months=None), case_row("r3", amount_kzt=2.5)]
    doc = {"source_name": "a.txt", "document_id": "d1", pipeline.TEXT_KEY: "x"}
    staging.stage_batch(stage, 1, batch({"case_mentions": rows[:1]}, [doc]))
    staging.stage_batch(stage, 2, batch({"case_mentions": rows[1:]}))
    now = datetime.now(UTC)
    docs = pd.DataFrame([{"source_name": "a.txt", "document_id": "d1", "status": "loaded"}],
                        columns=[c.name for c in documents_table.columns])
    quarantined = pd.DataFrame([{"table_name": "case_mentions", "rule_code": "X",
                                 "reason": "r", "source_name": "a.txt", "document_id": "d1",
                                 "record_id": "r2", "record": "{}"}])
    changes = warehouse.SnapshotChanges(
        run_id=RUN, documents=docs, drop_sources=[], rows={}, quarantined=quarantined,
        validation=pd.DataFrame(), staged=stage, passed={"case_mentions": 2, "statistics": 0},
        run_row={"run_id": RUN, "started_at": now, "ended_at": now, "outcome": "completed"})
    wh = tmp_path / "kz.duckdb"
    target = warehouse.build_snapshot(wh, changes)
    assert changes.rows_loaded == {"case_mentions": 2, "statistics": 0}
    con = duckdb.connect(str(target), read_only=True)
    try:
        assert con.execute("select record_id, charges, sentence_months, amount_kzt "
                           "from core.case_mentions").fetchall() == [
            ("r1", ["bribery"], 12, None), ("r3", [], None, 2.5)]
        assert con.execute("select source_name, text from raw.document_texts").fetchall() == [
            ("a.txt", "x")]
    finally:
        con.close()
        warehouse.remove_snapshot(wh, RUN)
    changes.passed["case_mentions"] = 3  # not what the staged rows give: the load stops
    with pytest.raises(RuntimeError, match="2 staged rows to load, but 3 passed"):
        warehouse.build_snapshot(wh, changes)
    assert not warehouse.snapshot_path(wh, RUN).exists()


def test_remove_takes_the_whole_folder(tmp_path):
    stage = staging.staging_dir(tmp_path / "kz.duckdb", RUN)
    assert stage == tmp_path / f".kz.duckdb.{RUN}.staging"
    staging.stage_batch(stage, 1, batch({"case_mentions": [case_row("r1")]}))
    assert staging.staged_files(stage, "case_mentions")
    assert staging.remove(stage) and not stage.exists()
    assert staging.remove(stage)  # already gone: nothing to do


def test_stale_folders_of_killed_runs_go_and_nothing_else(tmp_path):
    wh = tmp_path / "kz.duckdb"
    ours = staging.staging_dir(wh, RUN)
    killed = [staging.staging_dir(wh, "20261204T070000000001Z"),
              staging.staging_dir(wh, "20261203T070000000002Z")]
    others = [staging.staging_dir(tmp_path / "other.duckdb", "20261204T070000000003Z"),
              staging.staging_dir(tmp_path / "kz.duckdb.x.duckdb", "20261204T070000000004Z"),
              tmp_path / ".kz.duckdb.not-a-run.staging"]
    for folder in [ours, *killed, *others]:
        staging.stage_batch(folder, 1, batch({"statistics": []}, [
            {"source_name": "a.txt", pipeline.TEXT_KEY: "x"}]))
    assert staging.remove_stale(wh, RUN) == sorted(killed)
    assert ours.exists() and all(p.exists() for p in others)
    assert not any(p.exists() for p in killed)
    assert staging.remove_stale(wh, RUN) == []


def test_loading_keeps_batch_and_row_order_around_the_quarantined_rows(tmp_path):
    # twelve batches (so "batch-000010" sorts after "batch-000009"), enough rows for DuckDB to
    # run the quarantine's anti-join in parallel, and a column whose type varies by batch
    batches = [[case_row(f"b{no}-{i}", amount_kzt=(i if no % 2 else i + 0.5),
                         sentence_months=None if no == 3 else i)
                for i in range(400)] for no in range(1, 13)]
    batches[4].insert(9, case_row(None))  # a row without a record_id never passes
    for no, rows in enumerate(batches, 1):
        staging.stage_batch(tmp_path / "stage", no, batch({"case_mentions": rows}))
    quarantined = {f"b{no}-{i}" for no in range(1, 13) for i in range(0, 400, 7)}
    expected = [(r["record_id"], float(r["amount_kzt"]), r["sentence_months"])
                for rows in batches for r in rows
                if r["record_id"] is not None and r["record_id"] not in quarantined]
    engine = warehouse._engine(tmp_path / "kz.duckdb")
    try:
        with engine.begin() as conn:
            for schema in warehouse.SCHEMA_COMMENTS:
                conn.exec_driver_sql(f"create schema if not exists {schema}")
            warehouse.metadata.create_all(conn)
            loaded = warehouse._insert_staged(conn, "core.case_mentions", tmp_path / "stage",
                                              "case_mentions", exclude_ids=[*quarantined, None])
            got = conn.exec_driver_sql("select record_id, amount_kzt, sentence_months "
                                       "from core.case_mentions").fetchall()
    finally:
        engine.dispose()
    assert loaded == len(expected) == 12 * 400 - len(quarantined)
    assert [tuple(r) for r in got] == expected


@pytest.mark.parametrize("folder", ["x[ab]", "x*", "x?"])
def test_a_folder_named_like_a_glob_loads_its_own_files_only(tmp_path, folder):
    # DuckDB's readers expand globs: "x[ab]/..." would read "xa/...", "x*" every sibling
    ours, sibling = tmp_path / folder / "stage", tmp_path / "xa" / "stage"
    staging.stage_batch(ours, 1, batch({"case_mentions": [case_row("ours")]}))
    staging.stage_batch(sibling, 1, batch({"case_mentions": [case_row("sibling")]}))
    engine = warehouse._engine(tmp_path / "kz.duckdb")
    try:
        with engine.begin() as conn:
            for schema in warehouse.SCHEMA_COMMENTS:
                conn.exec_driver_sql(f"create schema if not exists {schema}")
            warehouse.metadata.create_all(conn)
            for exclude in (None, ["gone"]):
                conn.exec_driver_sql("delete from core.case_mentions")
                assert warehouse._insert_staged(conn, "core.case_mentions", ours,
                                                "case_mentions", exclude_ids=exclude) == 1
                assert conn.exec_driver_sql("select record_id from core.case_mentions"
                                            ).fetchall() == [("ours",)]
    finally:
        engine.dispose()
