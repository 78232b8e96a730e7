"""`kzwatch run` with no Prefect server configured: the CLI's own temporary server
(kzwatch.prefect_api) takes the run's logs and events, and is gone when the CLI exits."""
from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path

import duckdb
import psutil

PROJECT = Path(__file__).resolve().parents[2]


def _servers_of(home: Path) -> list[psutil.Process]:
    found = []
    for proc in psutil.process_iter(["cmdline"]):
        try:
            if "prefect.server.api.server:create_app" in " ".join(proc.info["cmdline"] or []) \
                    and proc.environ().get("PREFECT_HOME") == str(home):
                found.append(proc)
        except psutil.Error:
            continue
    return found


def test_run_without_a_server_starts_and_stops_its_own(tmp_path):
    home = tmp_path / "prefect-home"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(home), KZWATCH_REPORT="false")
    wh = tmp_path / "wh" / "kzwatch.duckdb"
    done = subprocess.run([str(PROJECT / ".venv/bin/kzwatch"), "run", "--documents",
                           str(PROJECT / "seeds/documents"), "--warehouse", str(wh)],
                          env=env, capture_output=True, text=True, timeout=600,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "published" in done.stderr + done.stdout
    # the server outlived the flow until Prefect's workers had sent their logs and events
    assert "Error logging to API" not in done.stderr
    assert "connection attempts failed" not in done.stderr.lower()
    assert _servers_of(home) == []
    # the run reported to that server: its database under PREFECT_HOME has the flow run
    assert (home / "prefect.db").exists()
    with sqlite3.connect(home / "prefect.db") as db:  # the last log line got there too
        assert db.execute("select count(*) from log where message like '%Finished in state "
                          "Completed%' and flow_run_id is not null and task_run_id is null"
                          ).fetchone()[0] == 1
        # every task run was recorded, in its final state, before the server stopped
        states = dict(db.execute("select name, state_type from task_run").fetchall())
    assert states and set(states.values()) == {"COMPLETED"}, states
    assert {"discover", "prepare-snapshot", "load", "publish"} <= set(states)
    assert sum(name.startswith("extract-batch-") for name in states) == \
        len(list((PROJECT / "seeds/documents").iterdir()))
    # the CLI skips Python's final teardown (kzwatch.cli.exit_promptly): nothing was left open
    assert not wh.with_name(wh.name + ".wal").exists()
    con = duckdb.connect(str(wh), read_only=True)
    try:
        assert con.execute("select count(*) from raw.documents").fetchone()[0] == \
            len(list((PROJECT / "seeds/documents").iterdir()))
    finally:
        con.close()
