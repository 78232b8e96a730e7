"""A real, throw-away Prefect stack for tests and scripts: server, deployment, one worker run.

Everything runs as subprocesses of the project's own `prefect` CLI, bound to 127.0.0.1, with
its own PREFECT_HOME (embedded SQLite) and telemetry off. `deploy` does what `make serve`
does with the real prefect.yaml; `run_deployment_once` triggers the deployment and runs a
process worker until that flow run has finished.

`python -m flows.stack worker --pool kzwatch-process` is the worker `make serve` runs:
`prefect worker start` under a parent that stops it cleanly on SIGTERM or Ctrl-C (see
`run_worker`).
"""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kzwatch.prefect_api import answers, free_port

PROJECT_DIR = Path(__file__).resolve().parent.parent
PREFECT = str(Path(sys.executable).with_name("prefect"))
POOL = "kzwatch-process"
DEPLOYMENT = "kzwatch-etl/scheduled"
QUIET = {"PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"}


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
                                env=stack_env(home, PREFECT_UI_API_URL=api_url,  # the UI's API
                                              # run pages linked from alerts
                                              PREFECT_UI_URL=api_url.removesuffix("/api")),
                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True)
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"prefect server exited with {proc.returncode}:\n{_tail(log)}")
            if answers(api_url):
                break
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


# --- the worker `make serve` runs ---------------------------------------------------------

def _children(pid: int) -> list[int]:
    """Direct children of `pid` (Linux /proc)."""
    kids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        if int(stat[1]) == pid and stat[0] != b"Z":
            kids.append(int(entry))
    return kids


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except OSError:
        return False


def flow_run_processes(worker_pid: int) -> list[int]:
    """The flow runs a process worker is running: its children that lead their own process
    group (Prefect starts each flow run that way)."""
    leaders = []
    for pid in _children(worker_pid):
        try:
            if os.getpgid(pid) == pid:
                leaders.append(pid)
        except ProcessLookupError:
            continue
    return leaders


def _die_with_parent() -> None:
    """In the child before exec: get SIGTERM if the wrapper dies (even by SIGKILL)."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def run_worker(args: list[str], grace: float = 30, stop_timeout: float = 10) -> int:
    """Run `prefect worker start ARGS` until SIGTERM, SIGINT or SIGHUP; return its status.

    Stopped as it is, Prefect's (3.8.8) worker exits at once and the flow run it runs dies with
    it without a word: that run stays "Running" in the UI and records nothing. So the
    worker runs in its own session (a terminal's Ctrl-C reaches only this parent), and on the
    first SIGTERM or SIGINT (or SIGHUP: the terminal closed) this parent
      1. sends SIGTERM to each flow run in progress (its process group, as Prefect's own
         graceful kill does): kzwatch-etl records the failed run, Prefect marks it Crashed
         ("Execution was aborted by a termination signal", which fires the alert), and the
         published warehouse stays as it was;
      2. waits for those runs to end, at most `grace` seconds;
      3. stops the worker (SIGTERM: it stops polling and says "stopped!"), at most
         `stop_timeout` seconds before SIGKILL.
    A second signal (a second later or more: `make` forwards a copy of the first at once)
    skips the wait. Returns the worker's status (0 after a clean stop).
    """
    worker = subprocess.Popen([PREFECT, "worker", "start", *args], start_new_session=True,
                              preexec_fn=_die_with_parent)
    signals: list[tuple[int, float]] = []

    def note(signum, _frame):
        signals.append((signum, time.monotonic()))

    def forced() -> bool:  # a second signal, not the copy `make` forwards of the first
        return any(at - signals[0][1] > 1 for _, at in signals[1:])

    previous = {sig: signal.signal(sig, note) for sig in (signal.SIGTERM, signal.SIGINT,
                                                          signal.SIGHUP)}
    try:
        while worker.poll() is None and not signals:
            time.sleep(0.2)
        if worker.poll() is not None:
            return worker.returncode
        name = signal.Signals(signals[0][0]).name
        print(f"kzwatch worker: {name}: stopping the flow runs in progress, then the worker",
              file=sys.stderr, flush=True)
        deadline = time.monotonic() + grace
        stopped: set[int] = set()
        while time.monotonic() < deadline and not forced():
            running = [p for p in flow_run_processes(worker.pid) if _alive(p)]
            for pid in running:
                if pid not in stopped:
                    stopped.add(pid)
                    try:
                        os.killpg(pid, signal.SIGTERM)
                    except ProcessLookupError:
                        pass
            if not running:
                break
            time.sleep(0.1)
        if worker.poll() is None:
            worker.send_signal(signal.SIGTERM)
        try:
            return worker.wait(stop_timeout)
        except subprocess.TimeoutExpired:
            worker.kill()
            return worker.wait()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] != "worker":
        print("usage: python -m flows.stack worker [prefect worker start options]",
              file=sys.stderr)
        return 2
    return run_worker(argv[1:])


if __name__ == "__main__":
    sys.exit(main())
