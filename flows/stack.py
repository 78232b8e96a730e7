"""A real, throw-away Prefect stack for tests and scripts: server, deployment, one worker run.

Everything runs as subprocesses of the project's own `prefect` CLI, bound to 127.0.0.1, with
its own PREFECT_HOME (embedded SQLite) and telemetry off. `deploy` does what `make serve`
does with the real prefect.yaml; `run_deployment_once` triggers the deployment and runs a
process worker until that flow run has finished.
"""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
PREFECT = str(Path(sys.executable).with_name("prefect"))
POOL = "kzwatch-process"
DEPLOYMENT = "kzwatch-etl/scheduled"
QUIET = {"PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stack_env(home: Path, api_url: str | None = None, **extra: str) -> dict[str, str]:
    """os.environ with this stack's PREFECT_HOME, API url, telemetry off and `extra` on top."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(QUIET, PREFECT_HOME=str(home), KZWATCH_PROJECT_DIR=str(PROJECT_DIR))
    if api_url:
        env["PREFECT_API_URL"] = api_url
    env.update(extra)
    return env


def _stop(proc: subprocess.Popen, grace: float = 15) -> None:
    """Terminate the process group started with start_new_session=True; kill it if it lingers."""
    if proc.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 5)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(wait)
            return
        except subprocess.TimeoutExpired:
            continue


def _tail(path: Path, n: int = 40) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-n:]) if path.exists() else ""


@contextmanager
def prefect_server(home: Path, port: int | None = None, timeout: float = 90) -> Iterator[str]:
    """Run `prefect server start` on 127.0.0.1; yield its API url once /api/health answers."""
    home = Path(home)
    home.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    log = home / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([PREFECT, "server", "start", "--host", "127.0.0.1",
                                 "--port", str(port)], stdout=out,
                                env=stack_env(home, PREFECT_UI_API_URL=api_url),  # UI's API
                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True)
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"prefect server exited with {proc.returncode}:\n{_tail(log)}")
            try:
                with urllib.request.urlopen(f"{api_url}/health", timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"prefect server not healthy after {timeout} s:\n{_tail(log)}")
            time.sleep(0.5)
        yield api_url
    finally:
        _stop(proc)


def _prefect(args: list[str], env: dict[str, str], timeout: float,
             cwd: Path = PROJECT_DIR) -> str:
    res = subprocess.run([PREFECT, *args], check=False, env=env, cwd=cwd, capture_output=True,
                         text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    if res.returncode:
        raise RuntimeError(f"prefect {' '.join(args)} failed ({res.returncode}):\n"
                           f"{res.stdout[-3000:]}\n{res.stderr[-3000:]}")
    return res.stdout


def deploy(api_url: str, project_dir: Path, env: dict[str, str], timeout: float = 120) -> str:
    """`make serve` without the worker: create the process pool, deploy the real prefect.yaml.

    `env` is a stack_env(home); KZWATCH_PROJECT_DIR is set to `project_dir` (the pull step).
    """
    env = dict(env, PREFECT_API_URL=api_url, KZWATCH_PROJECT_DIR=str(project_dir))
    _prefect(["work-pool", "create", POOL, "--type", "process", "--overwrite"], env, 60,
             project_dir)
    return _prefect(["--no-prompt", "deploy", "--all"], env, timeout, project_dir)


def run_deployment_once(api_url: str, deployment: str = DEPLOYMENT, *, env: dict[str, str],
                        timeout: float = 180) -> str:
    """Trigger `deployment`, run a worker until that run has finished; return the flow run id.

    `env` is a stack_env(home, KZWATCH_DOCUMENTS=..., KZWATCH_WAREHOUSE=...): the worker gets
    it and the process worker passes it on to the flow run. The worker logs to
    $PREFECT_HOME/worker.log.
    """
    env = dict(env, PREFECT_API_URL=api_url)
    out = _prefect(["deployment", "run", deployment], env, 60)
    match = re.search(r"UUID:\s*([0-9a-f-]{36})", out)
    if not match:
        raise RuntimeError(f"no flow run id in `prefect deployment run` output:\n{out}")
    log = Path(env["PREFECT_HOME"]) / "worker.log"
    with log.open("ab") as fh:
        worker = subprocess.Popen([PREFECT, "worker", "start", "--pool", POOL, "--run-once",
                                   "--limit", "1"], env=env, cwd=PROJECT_DIR, stdout=fh,
                                  stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                  start_new_session=True)
    try:
        worker.wait(timeout)
    except subprocess.TimeoutExpired:
        raise TimeoutError(f"worker still running after {timeout} s:\n{_tail(log)}") from None
    finally:
        _stop(worker)
    return match.group(1)
