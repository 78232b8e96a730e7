"""Bad input an operator will meet (issue 10 items 3, 4, 6, 8, 10a, 11d; issue 8 item 5):
real FIFOs, real file names with bad bytes, real permissions, real child processes."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import pytest

from kzwatch import pipeline
from tests.conftest import PROJECT
from tests.faults.common import (
    COURT,
    KAZAKH,
    RUSSIAN,
    big_document,
    cli_env,
    run_cli,
    small_corpus,
)
from tests.helpers import query

# --- item 3: a symlink to a FIFO must not hang the run ---------------------------------------

FIFO_PROBE = """
import json, sys
from kzwatch.pipeline import fingerprint
from kzwatch.reading import discover, read_document
folder = sys.argv[1]
names = discover(folder, ("*.txt",))
print(json.dumps({"names": names,
                  "fingerprint": [fingerprint(folder, n, 10**6).error for n in names],
                  "read": [read_document(folder, n, 10**6).reason for n in names]}))
"""


def test_symlink_to_a_fifo_is_refused_without_blocking(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    os.mkfifo(docs / "p.fifo")
    os.symlink("p.fifo", docs / "y.txt")
    os.mkfifo(docs / "plain-fifo.txt")  # a FIFO under a document's name, no link
    (docs / "ok.txt").write_text(COURT)
    # in a child process: on a blocking open the test fails by timeout instead of hanging
    res = subprocess.run([sys.executable, "-c", FIFO_PROBE, str(docs)], capture_output=True,
                         text=True, timeout=60, cwd=PROJECT)
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert out["names"] == ["ok.txt", "plain-fifo.txt", "y.txt"]
    fp = dict(zip(out["names"], out["fingerprint"], strict=True))
    read = dict(zip(out["names"], out["read"], strict=True))
    assert fp["ok.txt"] is None
    for name in ("y.txt", "plain-fifo.txt"):
        assert "not a regular file" in fp[name] and "FIFO" in fp[name]
        assert "not a regular file" in read[name]


# --- item 6: a few bad bytes in UTF-8 text ---------------------------------------------------
# (the decoding matrix is in tests/unit/test_reading.py; here the reason reaches the warehouse)


# --- item 8: a per-document time budget --------------------------------------------------------

def catastrophic_regex() -> None:
    """Exponential backtracking inside the C regex engine: runs for ever."""
    re.match(r"(a+)+$", "a" * 64 + "b")


def test_budget_interrupts_a_regex_that_never_ends_and_the_worker_goes_on():
    with pipeline.BudgetedWorker() as worker:
        t0 = time.monotonic()
        with pytest.raises(pipeline.DocumentTimeout):
            worker.call(catastrophic_regex, (), 1.0)
        assert time.monotonic() - t0 < 30
        assert worker.call(len, ("abc",), 30) == 3  # a fresh child took over


def job(kind: str, value: int) -> int:
    """One job of a worker's run: a result, an exception, a death or a hang, by `kind`."""
    if kind == "raise":
        raise ValueError(f"bad {value}")
    if kind == "die":
        os._exit(3)
    if kind == "hang":
        catastrophic_regex()
    return value * 10


def test_queued_jobs_keep_their_order_and_budgets_through_failures():
    # the jobs queued behind one that hangs or kills the child never started: each runs once,
    # in a fresh child, and every job's outcome comes back in order
    jobs = [("ok", 1), ("hang", 2), ("ok", 3), ("raise", 4), ("ok", 5), ("die", 6), ("ok", 7),
            ("ok", 8), ("hang", 9)]
    with pipeline.BudgetedWorker() as worker:
        t0 = time.monotonic()
        out = list(worker.map(job, jobs, 2.0))
        assert time.monotonic() - t0 < 60
    assert [r for r, _ in out] == [10, None, 30, None, 50, None, 70, 80, None]
    failures = [type(f).__name__ if f else None for _, f in out]
    assert failures == [None, "DocumentTimeout", None, "WorkerFailed", None, "WorkerFailed",
                        None, None, "DocumentTimeout"]
    assert "ValueError: bad 4" in str(out[3][1]) and "exit code 3" in str(out[5][1])


def test_an_extraction_process_is_born_with_its_rule_packs_set_apart_from_the_collector():
    import gc

    with pipeline.BudgetedWorker() as worker:
        frozen = worker.call(gc.get_freeze_count, (), 60)
    assert frozen > 10_000  # the warmed-up extractors' objects (kzwatch.warmup)


def test_queued_job_budget_counts_from_when_the_child_takes_it_up():
    # three jobs of 0.8 s under a 1.5 s budget: the second and third wait in the pipe while
    # the first runs, yet none times out (each budget starts when the one before it ends)
    with pipeline.BudgetedWorker() as worker:
        out = list(worker.map(time.sleep, [(0.8,), (0.8,), (0.8,)], 1.5))
    assert out == [(None, None)] * 3


def test_batches_lease_one_extraction_process_and_retire_it():
    pool = pipeline.WorkerPool()
    pool.RETIRE_AFTER = 4
    jobs = [("ok", n) for n in range(3)]
    with pool.lease() as worker:
        assert [r for r, _ in worker.map(job, jobs, 30)] == [0, 10, 20]
        first = worker._proc.pid
    with pool.lease() as again:  # the next batch: the same process, given back idle
        assert again is worker and again._proc.pid == first
        list(again.map(job, jobs, 30))
    with pool.lease() as fresh:  # the one before read 6 documents (> 4): retired, closed
        assert fresh is not worker and not worker.alive
        list(fresh.map(job, jobs[:1], 30))
    with pytest.raises(KeyboardInterrupt):
        with pool.lease() as interrupted:
            assert interrupted is fresh
            raise KeyboardInterrupt  # a batch that fails: its process is killed, not kept
    assert not fresh.alive
    with pool.lease() as last:
        list(last.map(job, jobs[:1], 30))
    assert last.alive
    pool.close()  # the run's end: the idle ones go
    assert not last.alive


def test_document_over_budget_is_an_error_row_and_the_batch_goes_on(tmp_path):
    docs = small_corpus(tmp_path / "docs")
    big_document(docs / "big.txt")
    names = ["big.txt", "court.txt", "cpi.txt"]
    t0 = time.monotonic()
    batch = pipeline.extract_documents(docs, names, 20_000_000, "run-1", timeout=5.0)
    assert time.monotonic() - t0 < 90
    rows = {d["source_name"]: d for d in batch.documents}
    big = rows["big.txt"]
    assert big["status"] == "error" and big["reason"].startswith("timeout:")
    assert "KZWATCH_DOCUMENT_TIMEOUT_SECONDS" in big["reason"]
    assert big["checksum"] and big["size_bytes"] == (docs / "big.txt").stat().st_size
    assert rows["court.txt"]["status"] == rows["cpi.txt"]["status"] == "loaded"
    assert any(w.startswith("big.txt: timeout") for w in batch.warnings)
    # a timeout is retried when the parser code changes, not on every run
    prev = pd.DataFrame([{k: big[k] for k in ("source_name", "checksum", "status", "reason",
                                              "parser_version")}])
    fp = pipeline.Fingerprint("big.txt", big["checksum"], big["size_bytes"])
    assert pipeline.make_plan([fp], prev, big["parser_version"]).unchanged == ["big.txt"]
    assert pipeline.make_plan([fp], prev, "new-code").extract == ["big.txt"]


@pytest.mark.usefixtures("prefect_harness")
def test_kzwatch_run_records_a_document_over_budget_and_publishes(tmp_path):
    docs = small_corpus(tmp_path / "docs")
    big_document(docs / "big.txt")
    wh = tmp_path / "wh" / "kzwatch.duckdb"
    env = cli_env(tmp_path, KZWATCH_DOCUMENT_TIMEOUT_SECONDS="5")
    res, _ = run_cli(["--documents", str(docs), "--warehouse", str(wh)], env, timeout=240)
    assert res.returncode == 0, res.stderr[-3000:]
    docs_rows = dict((r[0], r[1:]) for r in query(
        wh, "select source_name, status, reason from raw.documents"))
    assert docs_rows["big.txt"][0] == "error" and docs_rows["big.txt"][1].startswith("timeout")
    assert docs_rows["court.txt"][0] == "loaded"
    assert "warning: big.txt: timeout" in res.stdout


# --- issue 8 item 5: the language of each document --------------------------------------------

def test_language_is_detected_and_a_language_without_rule_pack_says_so(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "en.txt").write_text(COURT)
    (docs / "ru.txt").write_text(RUSSIAN * 2)
    (docs / "kk.txt").write_text(KAZAKH * 2)
    (docs / "numbers.txt").write_text("12 345 — 67%\n")
    batch = pipeline.extract_documents(docs, ["en.txt", "ru.txt", "kk.txt", "numbers.txt"],
                              1_000_000, "run-1")
    rows = {d["source_name"]: d for d in batch.documents}
    assert {n: r["language"] for n, r in rows.items()} == {
        "en.txt": "en", "ru.txt": "ru", "kk.txt": "kk", "numbers.txt": "und"}
    for lang in ("ru", "kk"):
        row = rows[f"{lang}.txt"]
        assert row["status"] == "loaded"
        assert row["reason"] == f"language {lang}: no rule pack; no records extracted"
        assert f"{lang}.txt: language {lang}: no rule pack; no records extracted" in batch.warnings
    assert "language" not in (rows["en.txt"]["reason"] or "")
    assert all(r["source_name"] not in ("ru.txt", "kk.txt")
               for recs in batch.rows.values() for r in recs)


# --- items 4, 11d and the language column, through the flow -------------------------------------

@pytest.mark.usefixtures("prefect_harness")
def test_bad_file_name_loads_escaped_and_failures_are_said_every_run(tmp_path):
    from flows.etl import kzwatch_etl

    docs = small_corpus(tmp_path / "docs")
    (docs / os.fsdecode(b"bad\xffname.txt")).write_text(COURT)
    (docs / "ru.txt").write_text(RUSSIAN)
    (docs / "empty.txt").write_bytes(b"")
    wh = tmp_path / "kzwatch.duckdb"
    first = kzwatch_etl(documents=str(docs), warehouse_file=str(wh), keep=1)
    rows = dict((r[0], r[1:]) for r in query(
        wh, "select source_name, status, reason, language from raw.documents"))
    escaped = "bad\\xffname.txt"
    assert rows[escaped][0] == "loaded" and "not valid UTF-8" in rows[escaped][1]
    assert rows["ru.txt"] == ("loaded", "language ru: no rule pack; no records extracted", "ru")
    assert rows["court.txt"][2] == "en" and rows["empty.txt"][2] is None
    assert any("not valid UTF-8" in w for w in first["warnings"])
    comment = query(wh, "select comment from duckdb_columns() where schema_name = 'raw' and "
                        "table_name = 'documents' and column_name = 'language'")
    assert comment and "Detected language" in comment[0][0]
    for _ in range(2):  # every later run still says what is failing
        again = kzwatch_etl(documents=str(docs), warehouse_file=str(wh), keep=1)
        assert again["plan"].startswith("0 new, 0 changed, 0 removed, 5 unchanged")
        assert any(w.startswith("1 document still failing") and "empty.txt" in w
                   for w in again["warnings"]), again["warnings"]


# --- item 10a: a sub-folder that can't be read ----------------------------------------------

UNREADABLE_PROBE = """
import json, sys
import pandas as pd
from kzwatch.pipeline import fingerprint, make_plan
from kzwatch.reading import discover_all
folder = sys.argv[1]
found = discover_all(folder, ("*.txt",))
prints = [fingerprint(folder, n, 10**6) for n in found.names]
previous = pd.DataFrame([(n, "h", "loaded", "v") for n in ("a.txt", "sub/b.txt", "gone.txt")],
                        columns=["source_name", "checksum", "status", "parser_version"])
plan = make_plan(prints, previous, "v", found.unreadable)
print(json.dumps({"names": found.names, "unreadable": found.unreadable,
                  "removed": plan.removed, "unlisted": plan.unlisted, "notes": plan.notes()}))
"""


def test_unreadable_subfolder_is_reported_and_its_documents_are_kept():
    root = Path(tempfile.mkdtemp(prefix="kzwatch-unreadable-"))
    out = {}
    try:
        docs = root / "docs"
        (docs / "sub").mkdir(parents=True)
        (docs / "a.txt").write_text(COURT)
        (docs / "sub" / "b.txt").write_text(COURT)
        (docs / "sub").chmod(0o000)
        # root reads any folder: the probe runs without the capabilities that let it
        prefix = []
        if os.geteuid() == 0:
            setpriv = shutil.which("setpriv")
            if not setpriv:
                pytest.skip("running as root without setpriv: can't make a folder unreadable")
            caps = "-dac_override,-dac_read_search"
            prefix = [setpriv, f"--bounding-set={caps}", f"--inh-caps={caps}", "--"]
        res = subprocess.run([*prefix, sys.executable, "-c", UNREADABLE_PROBE, str(docs)],
                             capture_output=True, text=True, timeout=120, cwd=PROJECT)
        assert res.returncode == 0, res.stderr[-3000:]
        out = json.loads(res.stdout)
    finally:
        (root / "docs" / "sub").chmod(0o755)
        shutil.rmtree(root, ignore_errors=True)
    assert out["names"] == ["a.txt"]
    assert list(out["unreadable"]) == ["sub"]
    assert out["removed"] == ["gone.txt"] and out["unlisted"] == ["sub/b.txt"]
    assert any("could not be read" in n and "sub/b.txt" in n for n in out["notes"])
