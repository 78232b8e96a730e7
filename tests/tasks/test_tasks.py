"""Task bodies called through `.fn`: no Prefect run needed."""
import pytest

from flows.etl import discover, extract_batch, fingerprint_batch, validate_rows


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
    out = validate_rows.fn(table, [])
    assert out.passed.empty and out.quarantined.empty
