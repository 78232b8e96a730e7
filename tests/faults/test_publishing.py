"""Publishing under faults (issue 10 items 1, 2, 5, 9, 10b-d): real DuckDB files, a real
read-write client killed with SIGKILL, real concurrent processes, a real file-size limit."""
from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import resource
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from flows.etl import kzwatch_etl
from kzwatch import cli, pipeline, staging, warehouse
from tests.conftest import PROJECT
from tests.faults.common import COURT, KZWATCH, cli_env, last_line, run_cli, small_corpus
from tests.helpers import CORE_TABLES, query, table_contents

pytestmark = pytest.mark.usefixtures("prefect_harness")


def run(docs, wh, **kw) -> dict:
    return kzwatch_etl(documents=str(docs), warehouse_file=str(wh), keep=1, **kw)


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def documents_of(wh) -> list[tuple]:
    return query(wh, "select source_name, status, checksum from raw.documents order by 1")


# --- item 1: a stale WAL --------------------------------------------------------------------

CRASHING_CLIENT = """
import duckdb, sys, time
con = duckdb.connect(sys.argv[1])
con.execute("PRAGMA disable_checkpoint_on_shutdown")
con.execute("SET wal_autocheckpoint = '1TB'")
for table in sys.argv[2:]:
    con.execute(f"delete from {table}")
print("deleted", flush=True)
time.sleep(600)
"""


def test_stale_wal_of_a_crashed_client_is_set_aside_and_never_replayed(tmp_path):
    docs, wh = small_corpus(tmp_path / "docs"), tmp_path / "kz.duckdb"
    run(docs, wh)
    before, docs_before = table_contents(wh), documents_of(wh)
    tables = ["raw.documents", *(f"core.{t}" for t in CORE_TABLES)]
    client = subprocess.Popen([sys.executable, "-c", CRASHING_CLIENT, str(wh), *tables],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert client.stdout.readline().strip() == "deleted"
    finally:
        client.send_signal(signal.SIGKILL)
        client.wait(30)
    wal = wh.with_name(wh.name + ".wal")
    assert wal.exists()

    summary = run(docs, wh)
    assert not wal.exists()  # nothing left to replay onto the new snapshot
    assert list(tmp_path.glob(".kz.duckdb.wal.*.stale"))  # kept for inspection
    assert any("kz.duckdb.wal" in w and "read-write client" in w for w in summary["warnings"])
    assert summary["plan"].startswith("0 new, 0 changed, 0 removed, 2 unchanged")
    assert documents_of(wh) == docs_before and table_contents(wh) == before


@pytest.mark.parametrize("tables", [["raw.documents"], []], ids=["with-wal", "no-wal-yet"])
def test_a_live_read_write_client_stops_the_run_before_work(tmp_path, tables):
    docs, wh = small_corpus(tmp_path / "docs"), tmp_path / "kz.duckdb"
    run(docs, wh)
    published = sha(wh)
    client = subprocess.Popen([sys.executable, "-c", CRASHING_CLIENT, str(wh), *tables],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert client.stdout.readline().strip() == "deleted"
        with pytest.raises(Exception, match="a read-write client has .* open"):
            run(docs, wh)
        assert sha(wh) == published
        assert wh.with_name(wh.name + ".wal").exists() == bool(tables)
    finally:
        client.kill()
        client.wait(30)


# --- item 2: one run at a time ---------------------------------------------------------------

HOLDER = """
import sys, time
from pathlib import Path
from kzwatch import warehouse
with warehouse.run_lock(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(600)
"""


def hold_lock(wh):
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(wh)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, cwd=PROJECT)
    line = holder.stdout.readline().strip()
    assert line == "held", holder.stderr.read()
    return holder


def test_a_second_run_exits_at_once_naming_the_holder(tmp_path):
    docs, wh = small_corpus(tmp_path / "docs"), tmp_path / "kz.duckdb"
    holder = hold_lock(wh)
    try:
        res, seconds = run_cli(["--documents", str(docs), "--warehouse", str(wh)],
                               cli_env(tmp_path), timeout=120)
    finally:
        holder.kill()
        holder.wait(30)
    assert res.returncode == 3, res.stderr[-2000:]
    assert seconds < 30
    assert res.stderr.strip().count("\n") == 0, res.stderr
    assert res.stderr.startswith("kzwatch: another run holds the warehouse")
    assert f"(pid {holder.pid}, started " in res.stderr
    assert not wh.exists()


def test_a_refused_flow_run_leaves_the_holders_files_alone(tmp_path):
    docs, wh = small_corpus(tmp_path / "docs"), tmp_path / "kz.duckdb"
    run(docs, wh)
    building = warehouse.snapshot_path(wh, "20990101T000000000000Z")
    building.write_bytes(b"the holder's half-built snapshot")
    holder = hold_lock(wh)
    try:
        with pytest.raises(warehouse.WarehouseBusy, match=f"pid {holder.pid}"):
            run(docs, wh)
    finally:
        holder.kill()
        holder.wait(30)
    assert building.exists()  # the old code deleted it as "stale" and broke the holder
    assert not warehouse.failed_runs_log(wh).exists()
    building.unlink()
    assert run(docs, wh)["documents_unchanged"] == 2  # and the lock is free again


def test_rows_that_no_document_owns_are_dropped(tmp_path):
    docs, wh = small_corpus(tmp_path / "docs"), tmp_path / "kz.duckdb"
    run(docs, wh)
    con = duckdb.connect(str(wh))  # what an interrupted concurrent run left behind
    con.execute("insert into core.statistics (record_id, document_id, source_name, evidence) "
                "values ('orphan', 'd', 'elsewhere/ghost.txt', 'x')")
    con.execute("insert into core.quarantine (table_name, source_name, record) "
                "values ('statistics', 'elsewhere/ghost.txt', '{}')")
    con.close()
    run(docs, wh)
    for table in ("statistics", "quarantine"):
        assert query(wh, f"select count(*) from core.{table} where source_name = "
                         "'elsewhere/ghost.txt'") == [(0,)]


def test_a_failure_recorded_while_a_run_publishes_is_not_lost(tmp_path):
    wh = tmp_path / "kz.duckdb"
    first = {"run_id": "r1", "started_at": "2026-01-01T00:00:00+00:00",
             "ended_at": "2026-01-01T00:00:01+00:00", "outcome": "failed: X"}
    warehouse.record_failed_run(wh, first)
    runs, consumed, _ = warehouse.read_failed_runs(wh)  # the publishing run read the log
    assert [r["run_id"] for r in runs] == ["r1"]
    warehouse.record_failed_run(wh, dict(first, run_id="r2"))  # another run failed meanwhile
    target = tmp_path / "built.duckdb"
    duckdb.connect(str(target)).close()
    warehouse.publish(target, wh, 0, "r3", consumed)
    assert [r["run_id"] for r in warehouse.read_failed_runs(wh)[0]] == ["r2"]


# --- item 5: a damaged line in the failed-runs log --------------------------------------------

def test_a_damaged_failed_runs_line_is_skipped_with_a_warning(tmp_path):
    docs, wh = small_corpus(tmp_path / "docs"), tmp_path / "kz.duckdb"
    run(docs, wh)
    log = warehouse.failed_runs_log(wh)
    good = {"run_id": "20260101T000000000000Z", "started_at": "2026-01-01T00:00:00+00:00",
            "ended_at": "2026-01-01T00:00:05+00:00", "outcome": "failed: OSError: disk full"}
    log.write_text(json.dumps(good) + "\n" + '{"run_id": "2026010', encoding="utf-8")  # cut
    warehouse.record_failed_run(wh, dict(good, run_id="20260102T000000000000Z"))
    summary = run(docs, wh)
    assert any("damaged" in w and log.name in w for w in summary["warnings"])
    outcomes = dict(query(wh, "select run_id, outcome from raw.pipeline_runs"))
    assert outcomes["20260101T000000000000Z"] == outcomes["20260102T000000000000Z"] == (
        "failed: OSError: disk full")
    assert outcomes[summary["run_id"]] == "completed" and len(outcomes) == 4
    assert not log.exists()


# --- item 9: a warehouse file named like a schema ---------------------------------------------

@pytest.mark.parametrize("name", ["ref", "core"])
def test_a_warehouse_named_like_a_schema_builds_and_rebuilds(tmp_path, name):
    docs, wh = small_corpus(tmp_path / "docs"), tmp_path / f"{name}.duckdb"
    first = run(docs, wh)
    assert first["documents_new"] == 2
    assert any("named like the schema" in w for w in first["warnings"])
    second = run(docs, wh)  # reads the previous snapshot through the alias
    assert second["documents_unchanged"] == 2
    con = warehouse.connect_readonly(wh)
    try:
        assert con.execute("select count(*) from raw.documents").fetchone() == (2,)
        assert con.execute("select count(*) from ref.regions").fetchone()[0] > 0
        assert con.execute("select count(*) from mart.documents_overview").fetchone() == (2,)
    finally:
        con.close()


# --- item 10b: an empty or unmounted folder ---------------------------------------------------

def test_removing_most_documents_needs_allow_mass_removal(tmp_path):
    docs, wh = small_corpus(tmp_path / "docs"), tmp_path / "kz.duckdb"
    (docs / "third.txt").write_text("Kazakhstan ranked 93rd of 180 countries in 2023.\n")
    run(docs, wh)
    published = sha(wh)
    for path in docs.iterdir():
        path.unlink()  # the folder is empty, as an unmounted share looks
    with pytest.raises(pipeline.MassRemoval, match="refusing to remove 3 of 3 documents"):
        run(docs, wh)
    assert sha(wh) == published
    summary = run(docs, wh, allow_mass_removal=True)
    assert summary["documents_removed"] == 3
    assert query(wh, "select count(*) from raw.documents") == [(0,)]
    outcomes = [r[0] for r in query(wh, "select outcome from raw.pipeline_runs "
                                        "order by started_at")]
    assert outcomes[1].startswith("failed: MassRemoval") and outcomes[2] == "completed"


# --- item 10c: a failed build cleans up (the disk stays usable) --------------------------------

def _limit_file_size(limit: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past it fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def test_a_run_that_runs_out_of_space_leaves_no_building_file(tmp_path):
    docs, wh = small_corpus(tmp_path / "docs"), tmp_path / "wh" / "kz.duckdb"
    res, _ = run_cli(["--documents", str(docs), "--warehouse", str(wh)], cli_env(tmp_path),
                     timeout=240, preexec_fn=_limit_file_size(256 * 1024))
    assert res.returncode == 1, res.stdout[-2000:] + res.stderr[-2000:]
    assert last_line(res.stderr).startswith("kzwatch: run failed:")
    assert not wh.exists()
    leftovers = [p.name for p in wh.parent.iterdir() if "building" in p.name]
    assert leftovers == []
    runs, _, _ = warehouse.read_failed_runs(wh)
    assert len(runs) == 1 and runs[0]["outcome"].startswith("failed:")


def test_a_full_disk_while_staging_fails_the_run_in_one_line_and_publishes_nothing(
        tmp_path, monkeypatch, capsys):
    """Issue 9 item 3: a finished batch's rows go to the run's staging folder; a write that
    fails there (a full disk) fails the run before anything is published, says so in one
    line, and the staging folder goes."""
    docs, wh = small_corpus(tmp_path / "docs"), tmp_path / "kz.duckdb"
    run(docs, wh)
    published, loaded = sha(wh), table_contents(wh)
    (docs / "new.txt").write_text(COURT.replace("Serik Amanov", "Berik Omarov"),
                                  encoding="utf-8")
    real_write, written = staging.pq.write_table, []

    def full_disk(table, where, *args, **kwargs):
        if written:  # the first file is written, the second finds the disk full
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(where)
        return real_write(table, where, *args, **kwargs)

    monkeypatch.setattr(staging.pq, "write_table", full_disk)
    status = cli.main(["run", "--documents", str(docs), "--warehouse", str(wh)])
    assert status == 1
    assert re.fullmatch(
        r"kzwatch: run failed: StagingFailed: the rows of extract-batch-1 \(1 doc: new\.txt\) "
        rf"could not be written to the staging folder {re.escape(str(tmp_path))}/"
        r"\.kz\.duckdb\.\d{8}T\d{12}Z\.staging, nothing was published: "
        r"No space left on device", last_line(capsys.readouterr().err))
    assert sha(wh) == published and table_contents(wh) == loaded
    assert len(written) == 1 and ".staging" in str(written[0])
    assert not [p.name for p in tmp_path.iterdir() if ".staging" in p.name or "building" in p.name]
    runs, _, _ = warehouse.read_failed_runs(wh)
    assert len(runs) == 1 and runs[0]["outcome"].startswith("failed: StagingFailed: the rows")


# --- item 11c: SIGTERM and Ctrl-C --------------------------------------------------------------

@pytest.mark.parametrize("sig,status,word", [(signal.SIGTERM, 143, "terminated"),
                                             (signal.SIGINT, 130, "interrupted")])
def test_a_signalled_run_ends_with_one_line_a_record_and_no_building(tmp_path, sig, status,
                                                                     word):
    docs, wh = small_corpus(tmp_path / "docs"), tmp_path / "kz.duckdb"
    log = tmp_path / "run.log"
    with log.open("w") as err:
        proc = subprocess.Popen([KZWATCH, "run", "--documents", str(docs), "--warehouse",
                                 str(wh)], env=cli_env(tmp_path), stdout=subprocess.DEVNULL,
                                stderr=err, stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 180
        while not list(tmp_path.glob(".kz.duckdb.*.building")):
            assert proc.poll() is None, f"run ended before it built:\n{log.read_text()[-3000:]}"
            assert time.monotonic() < deadline, log.read_text()[-3000:]
            time.sleep(0.002)
        proc.send_signal(sig)  # to the process alone, as `kill PID` or a terminal would
        assert proc.wait(120) == status, log.read_text()[-3000:]
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert last_line(log.read_text()).startswith(f"kzwatch: {word}")
    assert not [p for p in tmp_path.iterdir() if "building" in p.name]
    assert not wh.exists()
    runs, _, _ = warehouse.read_failed_runs(wh)
    assert len(runs) == 1 and runs[0]["outcome"].startswith("failed:")


# --- a snapshot written before raw.documents.language existed ----------------------------------

def test_a_snapshot_from_before_the_language_column_is_upgraded(tmp_path):
    docs, wh = small_corpus(tmp_path / "docs"), tmp_path / "kz.duckdb"
    run(docs, wh)
    con = duckdb.connect(str(wh))
    con.execute("drop view if exists mart.documents_overview")
    con.execute("drop view if exists staging.stg_documents")
    con.execute("alter table raw.documents drop column language")
    con.close()
    (docs / "new.txt").write_text("Kazakhstan ranked 93rd of 180 countries in 2023.\n")
    summary = run(docs, wh)
    assert summary["documents_new"] == 1 and summary["documents_unchanged"] == 2
    assert dict(query(wh, "select source_name, language from raw.documents")) == {
        "court.txt": None, "cpi.txt": None, "new.txt": "en"}
