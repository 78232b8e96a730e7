"""The kzwatch-etl flow for real: Prefect test harness, real DuckDB files, real GX suites."""
from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from prefect.settings import PREFECT_API_URL

from flows.etl import kzwatch_etl
from kzwatch import staging, warehouse
from tests.conftest import PROJECT
from tests.faults.common import small_corpus
from tests.helpers import query, table_contents

pytestmark = pytest.mark.usefixtures("prefect_harness")
RUSSIAN = ("Суд приговорил бывшего акима области к семи годам лишения свободы "
           "за получение взятки в особо крупном размере.\n")


def run(corpus: Path, warehouse: Path) -> dict:
    return kzwatch_etl(documents=str(corpus), warehouse_file=str(warehouse), keep=2)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_rerun_on_unchanged_folder_is_identical_and_says_so(corpus, tmp_path):
    wh = tmp_path / "wh" / "kzwatch.duckdb"
    first = run(corpus, wh)
    assert first["documents_new"] == 5 and sum(first["rows_loaded"].values()) > 0
    before = table_contents(wh)
    second = run(corpus, wh)
    assert second["plan"].startswith("0 new, 0 changed, 0 removed, 5 unchanged")
    assert sum(second["rows_loaded"].values()) == 0
    assert table_contents(wh) == before
    runs = query(wh, "select documents_unchanged, outcome from raw.pipeline_runs "
                     "order by started_at")
    assert runs == [(0, "completed"), (5, "completed")]
    assert len(list((wh.parent / "history").glob("*.duckdb"))) == 1


def test_changed_document_replaces_only_its_rows_and_deleted_rows_go(corpus, tmp_path):
    wh = tmp_path / "kzwatch.duckdb"
    run(corpus, wh)
    before = query(wh, "select source_name, count(*) from core.survey_results group by 1")
    thesis = max(corpus.iterdir(), key=lambda p: p.stat().st_size)
    other = sorted(p for p in corpus.iterdir() if p != thesis)[0]
    with thesis.open("a", encoding="utf-8") as fh:
        fh.write("\nAppended line.\n")
    other.unlink()
    summary = run(corpus, wh)
    assert (summary["documents_changed"], summary["documents_removed"]) == (1, 1)
    assert summary["documents_unchanged"] == 3
    after = query(wh, "select source_name, count(*) from core.survey_results group by 1")
    assert after == before  # the thesis re-extracted to the same survey rows
    for table in ("case_mentions", "survey_results", "indicators", "statistics"):
        assert query(wh, f"select count(*) from core.{table} where source_name = ?",
                     [other.name]) == [(0,)]
    assert query(wh, "select count(*) from raw.documents where source_name = ?",
                 [other.name]) == [(0,)]


def test_bad_inputs_are_recorded_and_the_run_keeps_what_was_loaded(corpus, tmp_path):
    wh = tmp_path / "kzwatch.duckdb"
    run(corpus, wh)
    loaded_before = table_contents(wh)
    sample = sorted(corpus.iterdir())[0]
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(4096))
    (corpus / "russian-cp1251.txt").write_bytes(RUSSIAN.encode("cp1251"))
    (corpus / "utf16.txt").write_bytes(b"\xff\xfe" + RUSSIAN.encode("utf-16-le"))
    (corpus / "half-written.txt").write_bytes(RUSSIAN.encode("utf-8")[:-3])
    (corpus / "huge.txt").write_bytes(b"word " * 10_000_000)  # 50 MB
    (corpus / "copy of sample.txt").write_bytes(sample.read_bytes())
    (corpus / "Документ с пробелами.txt").write_text(RUSSIAN, encoding="utf-8")
    outside = tmp_path / "outside.txt"
    outside.write_text("private")
    os.symlink(outside, corpus / "link.txt")

    summary = run(corpus, wh)
    docs = dict((r[0], r[1:]) for r in query(
        wh, "select source_name, status, reason, encoding, duplicate_of from raw.documents"))
    assert docs["empty.txt"][:2] == ("error", "empty file")
    assert docs["picture.txt"][0] == "error" and "PNG" in docs["picture.txt"][1]
    assert docs["huge.txt"][0] == "error" and "too large" in docs["huge.txt"][1]
    assert docs["link.txt"][0] == "error" and "outside" in docs["link.txt"][1]
    assert docs["russian-cp1251.txt"][0] == "loaded" and docs["russian-cp1251.txt"][2] == "cp1251"
    assert docs["utf16.txt"][0] == "loaded" and docs["utf16.txt"][2] == "utf-16"
    assert docs["half-written.txt"][0] == "loaded" and "truncated" in docs["half-written.txt"][1]
    assert docs["Документ с пробелами.txt"][0] == "loaded"
    assert docs["copy of sample.txt"][0] == "duplicate"
    assert docs["copy of sample.txt"][3] == sample.name
    assert summary["documents_failed"] == 4
    assert {w.split(":")[0] for w in summary["warnings"]} >= {
        "empty.txt", "picture.txt", "huge.txt", "link.txt", "half-written.txt"}
    # nothing already loaded was lost, and the duplicate's rows are not loaded twice
    assert table_contents(wh) == loaded_before


def test_reader_keeps_its_snapshot_while_a_run_publishes(corpus, tmp_path):
    wh = tmp_path / "kzwatch.duckdb"
    run(corpus, wh)
    reader = subprocess.Popen(
        [sys.executable, "-c", (
            "import duckdb, sys\n"
            f"con = duckdb.connect({str(wh)!r}, read_only=True)\n"
            "q = 'select count(*) from raw.pipeline_runs'\n"
            "print(con.execute(q).fetchone()[0], flush=True)\n"
            "sys.stdin.readline()\n"
            "print(con.execute(q).fetchone()[0], flush=True)\n")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "1"
        summary = run(corpus, wh)  # a writer would fail with "Could not set lock on file"
        assert summary["documents_unchanged"] == 5
        out, _ = reader.communicate("go\n", timeout=60)
    finally:
        reader.kill()
    assert out.strip() == "1"  # the open reader still sees its snapshot
    assert query(wh, "select count(*) from raw.pipeline_runs") == [(2,)]


def test_run_killed_mid_load_leaves_published_file_and_next_run_converges(corpus, tmp_path):
    wh = tmp_path / "kzwatch.duckdb"
    reference = tmp_path / "reference.duckdb"
    run(corpus, wh)
    published = sha(wh)
    thesis = max(corpus.iterdir(), key=lambda p: p.stat().st_size)
    with thesis.open("a", encoding="utf-8") as fh:
        fh.write("\nA new line makes this a changed document.\n")
    # The killed run reports to the harness's server: a temporary server of its own would make
    # the test depend on how fast Prefect starts one on a busy machine.
    env = dict(os.environ, PREFECT_HOME=str(tmp_path / "prefect-home"),
               PREFECT_API_URL=PREFECT_API_URL.value())
    log = tmp_path / "killed-run.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([str(PROJECT / ".venv/bin/kzwatch"), "run", "--documents",
                                 str(corpus), "--warehouse", str(wh)], env=env,
                                start_new_session=True, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list(tmp_path.glob(".kzwatch.duckdb.*.building")):
        assert proc.poll() is None, f"run ended before it started loading:\n{log.read_text()}"
        time.sleep(0.005)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert sha(wh) == published
    assert query(wh, "select count(*) from raw.pipeline_runs") == [(1,)]
    run(corpus, wh)
    run(corpus, reference)
    assert table_contents(wh) == table_contents(reference)
    assert not list(tmp_path.glob(".kzwatch.duckdb.*.building"))


def test_a_failed_run_is_recorded_by_the_next_published_snapshot(corpus, tmp_path):
    wh = tmp_path / "kzwatch.duckdb"
    with pytest.raises(FileNotFoundError):
        run(tmp_path / "no-such-folder", wh)
    assert not wh.exists()
    run(corpus, wh)
    outcomes = query(wh, "select outcome from raw.pipeline_runs order by started_at")
    assert outcomes[0][0].startswith("failed: FileNotFoundError") and outcomes[1][0] == "completed"


def test_the_staging_folder_goes_after_a_run_failed_or_not(tmp_path, monkeypatch):
    """Batches' rows wait in .<warehouse>.<run>.staging/ until loaded (kzwatch.staging): it
    goes when the run ends, and one a killed run left goes with the next run."""
    docs, wh = small_corpus(tmp_path / "docs"), tmp_path / "kzwatch.duckdb"
    killed = staging.staging_dir(wh, "20261201T070000000000Z")
    (killed / "statistics").mkdir(parents=True)
    (killed / "statistics" / "batch-000001.parquet").write_bytes(b"cut by kill -9")
    staged = []

    def failing_build(path, changes):  # the load fails after every batch was staged
        staged.extend(sorted(p.name for p in changes.staged.iterdir()))
        raise RuntimeError("injected load failure")

    monkeypatch.setattr(warehouse, "build_snapshot", failing_build)
    with pytest.raises(RuntimeError, match="injected load failure"):
        run(docs, wh)
    assert "document_texts" in staged and "case_mentions" in staged
    assert not list(tmp_path.glob(".kzwatch.duckdb.*.staging")) and not wh.exists()
    monkeypatch.undo()
    summary = run(docs, wh)
    assert summary["rows_loaded"]["case_mentions"] > 0
    assert not list(tmp_path.glob(".kzwatch.duckdb.*.staging"))
