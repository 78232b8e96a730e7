"""The worker `make serve` runs stops cleanly on SIGTERM (issue 13): a real server, the real
prefect.yaml, the worker wrapper (python -m flows.stack worker). Idle, it exits 0 at once;
with a kzwatch-etl run in progress, the run ends Crashed (not "Running" for good) and records
its failure, then the worker exits 0. `make serve` itself, twice, under SIGTERM: one pool, one
deployment, one automation. About 1.5 minutes on 2 cores."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from uuid import UUID

import pytest

from flows import alerts, stack
from kzwatch.settings import Settings
from tests.integration.webhook import webhook_receiver

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def deployed(tmp_path_factory):
    root = tmp_path_factory.mktemp("worker-stop")
    home = root / "prefect-home"
    with stack.prefect_server(home) as api_url:
        env = stack.stack_env(home)
        stack.deploy(api_url, stack.PROJECT_DIR, env)
        yield api_url, root, env


@contextmanager
def api(api_url: str):
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with (temporary_settings(updates={PREFECT_API_URL: api_url}),
          get_client(sync_client=True) as client):
        yield client


def wait_for(predicate, timeout: float, what: str, log: Path | None = None):
    deadline = time.monotonic() + timeout
    while not (value := predicate()):
        if time.monotonic() > deadline:
            tail = log.read_text(errors="replace")[-3000:] if log and log.exists() else ""
            raise AssertionError(f"{what}: not after {timeout} s\n{tail}")
        time.sleep(0.2)
    return value


@contextmanager
def worker(env: dict[str, str], log: Path):
    """`python -m flows.stack worker --pool kzwatch-process` as `make serve` starts it."""
    with log.open("wb") as fh:
        proc = subprocess.Popen([sys.executable, "-m", "flows.stack", "worker", "--pool",
                                 stack.POOL], cwd=stack.PROJECT_DIR, env=env, stdout=fh,
                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True)
    try:
        wait_for(lambda: "started!" in log.read_text(errors="replace"), 90,
                 "worker started", log)
        yield proc
    finally:
        for pid in stack._children(proc.pid):  # never leave a worker behind a failed test
            os.kill(pid, signal.SIGKILL)
        stack._stop(proc, grace=1)


def stop(proc: subprocess.Popen) -> tuple[int, float]:
    children = stack._children(proc.pid)
    t0 = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    rc = proc.wait(60)
    took = time.monotonic() - t0
    assert not [p for p in children if stack._alive(p)], "the worker outlived its parent"
    return rc, took


def test_an_idle_worker_exits_at_once_with_status_0(deployed):
    api_url, root, env = deployed
    log = root / "idle-worker.log"
    with worker(dict(env, PREFECT_API_URL=api_url), log) as proc:
        rc, took = stop(proc)
    assert rc == 0, log.read_text()
    assert took < 5, took
    assert "stopped!" in log.read_text()


def test_a_run_in_progress_ends_crashed_and_recorded_then_the_worker_exits_0(deployed):
    """...and the Crashed run fires the failure alert."""
    api_url, root, env = deployed
    with webhook_receiver() as (url, received):
        with api(api_url):
            alerts.ensure_alert_automation(Settings(alert_webhook_url=url))
        flow_run_id, log, wh = _stop_a_busy_worker(api_url, root, env)
        _, alert = received.get(timeout=60)
    assert alert["subject"].endswith(" crashed") and str(flow_run_id) in alert["body"], alert
    with api(api_url) as client:
        run = client.read_flow_run(flow_run_id)
    assert run.state is not None and run.state.is_crashed(), (run.state, log.read_text())
    assert "termination signal" in (run.state.message or ""), run.state
    assert not wh.exists()  # nothing published; the next run records this one
    failed = [json.loads(line) for line in
              wh.with_name(f".{wh.name}.failed-runs.jsonl").read_text().splitlines()]
    assert [r["flow_run_id"] for r in failed] == [str(flow_run_id)]
    assert "interrupted by SIGTERM" in failed[0]["outcome"], failed
    text = log.read_text()
    assert "SIGTERM: stopping the flow runs in progress" in text and "stopped!" in text


def _stop_a_busy_worker(api_url, root, env):
    documents, wh = root / "documents", root / "warehouse" / "kzwatch.duckdb"
    shutil.copytree(stack.PROJECT_DIR / "seeds" / "documents", documents)
    run_env = dict(env, PREFECT_API_URL=api_url, KZWATCH_DOCUMENTS=str(documents),
                   KZWATCH_WAREHOUSE=str(wh))
    log = root / "busy-worker.log"
    with worker(run_env, log) as proc:
        out = stack._prefect(["deployment", "run", stack.DEPLOYMENT], run_env, 60)
        flow_run_id = UUID(out.split("UUID:")[1].split()[0])
        # well into the run: its plan is made (the flow renamed itself), extraction under way
        wait_for(lambda: " · 5 new" in log.read_text(errors="replace"), 90, "run planned", log)
        assert stack.flow_run_processes(stack._children(proc.pid)[0])
        rc, took = stop(proc)
    assert rc == 0, log.read_text()[-3000:]
    assert took < 20, took
    return flow_run_id, log, wh


def test_make_serve_twice_then_sigterm(deployed):
    """`make serve` as a person runs it (setup is not redone: the venv is shared), stopped
    by SIGTERM to its process group each time; the second leaves one of everything."""
    api_url, root, env = deployed
    port = api_url.split(":")[-1].split("/")[0]
    for attempt in (1, 2):
        log = root / f"make-serve-{attempt}.log"
        with log.open("wb") as fh:
            make = subprocess.Popen(["make", "--no-print-directory", "-o", ".venv/.synced",
                                     "serve", "HOST=127.0.0.1", f"PORT={port}"],
                                    cwd=stack.PROJECT_DIR, env=env, stdout=fh,
                                    stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                    start_new_session=True)
        try:
            wait_for(lambda log=log: "started!" in log.read_text(errors="replace"), 180,
                     "make serve's worker started", log)
            wrapper = stack._children(make.pid)  # `exec`: make -> python -m flows.stack
            processes = wrapper + [p for w in wrapper for p in stack._children(w)]
            assert len(processes) == 2, processes  # ... -> prefect worker start
            t0 = time.monotonic()
            os.killpg(make.pid, signal.SIGTERM)
            make.wait(30)
            took = time.monotonic() - t0
            assert not [p for p in processes if stack._alive(p)]
        finally:
            stack._stop(make, grace=1)
        text = log.read_text()
        assert took < 5, (took, text[-2000:])
        assert "stopped!" in text, text[-2000:]
        assert f"automation {alerts.AUTOMATION!r}" in text, text[-2000:]
    with api(api_url) as client:
        assert [a.name for a in client.read_automations()] == [alerts.AUTOMATION]
        assert [d.name for d in client.read_deployments()] == ["scheduled"]
        assert [p.name for p in client.read_work_pools()] == [stack.POOL]
