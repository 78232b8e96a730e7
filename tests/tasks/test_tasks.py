"""Task bodies called through `.fn`: no Prefect run needed."""
import pytest

from flows.etl import (
    discover,
    extract_batch,
    extraction_batch_size,
    fingerprint_batch,
    rows_frame,
    validate_rows,
)


def test_discover_and_fingerprint(corpus):
    found = discover.fn(corpus, ("*.txt",))
    names = found.names
    assert len(names) == 5 and found.unreadable == {}
    prints = fingerprint_batch.fn(corpus, names, 10_000_000)
    assert all(fp.checksum and len(fp.checksum) == 64 and fp.error is None for fp in prints)


def test_extract_batch_records_a_vanished_file_and_goes_on(corpus, monkeypatch):
    import flows.etl

    monkeypatch.setattr(flows.etl, "get_run_logger", lambda: __import__("logging").getLogger())
    names = sorted(p.name for p in corpus.iterdir())[:2] + ["vanished.txt"]
    batch = extract_batch.fn(corpus, names, 10_000_000, "run-1")
    statuses = {d["source_name"]: d["status"] for d in batch.documents}
    assert statuses == {names[0]: "loaded", names[1]: "loaded", "vanished.txt": "error"}
    assert any("vanished.txt" in w for w in batch.warnings)
    for rows in batch.rows.values():
        for row in rows:
            assert row["record_id"] and row["document_id"] and row["_evidence_grounded"] is True


@pytest.mark.parametrize("table", ["survey_results", "indicators"])
def test_validate_rows_task_splits_rows(table):
    out = validate_rows.fn(table, rows_frame(table, []))
    assert out.passed.empty and out.quarantined.empty


@pytest.mark.parametrize(("documents", "most", "workers", "size"), [
    (960, 100, 2, 100),  # big: capped by KZWATCH_BATCH_SIZE
    (80, 100, 2, 10),    # 8 batches: four per core
    (5, 100, 2, 1),      # five samples: every core gets some
    (5, 2, 2, 1),
    (1, 100, 2, 1),
    (3000, 25, 8, 25),
])
def test_extraction_batches_keep_every_worker_busy(documents, most, workers, size):
    assert extraction_batch_size(documents, most, workers) == size
