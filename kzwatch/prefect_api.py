"""The Prefect API a `kzwatch run` reports to: the one configured, else a temporary server
started by the CLI before anything imports Prefect.

Why not Prefect's own temporary server: Prefect starts it from the flow call, after the CLI has
imported Prefect and the flow (seconds), and it imports the whole server application
(`prefect.server.api.server`, about 3 s of CPU) into the client process only to launch a
subprocess. Started here, the same server (`uvicorn prefect.server.api.server:create_app`,
as Prefect runs it) boots while the CLI imports Prefect, the flow and Great Expectations, and
the client process never imports the server. Measured on the samples, whole command, report
off: 13.9 s with Prefect's own temporary server, 11.3 s with this one.

Nothing here imports Prefect: `PREFECT_API_URL` must be in the environment before Prefect reads
its settings.
"""
from __future__ import annotations

import atexit
import logging
import os
import socket
import subprocess
import sys
import time
import tomllib
import urllib.request
from pathlib import Path

log = logging.getLogger(__name__)

PORT_IN_USE = 3  # uvicorn's exit status when its port is taken


def _profiles_path() -> Path:
    if os.environ.get("PREFECT_PROFILES_PATH"):
        return Path(os.environ["PREFECT_PROFILES_PATH"]).expanduser()
    home = Path(os.environ.get("PREFECT_HOME") or "~/.prefect").expanduser()
    return home / "profiles.toml"


def configured_api_url() -> str | None:
    """PREFECT_API_URL from the environment, else from the active Prefect profile (as Prefect
    reads it: PREFECT_PROFILE, else the file's `active`); None when neither sets one. An
    unreadable profiles file counts as unset: Prefect then decides as it always does."""
    if os.environ.get("PREFECT_API_URL"):
        return os.environ["PREFECT_API_URL"]
    try:
        data = tomllib.loads(_profiles_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    name = os.environ.get("PREFECT_PROFILE") or data.get("active") or "ephemeral"
    profile = (data.get("profiles") or {}).get(name) or {}
    url = profile.get("PREFECT_API_URL") if isinstance(profile, dict) else None
    return str(url) if url else None


def free_port() -> int:
    """A port on 127.0.0.1 that is free now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def answers(api_url: str) -> bool:
    """True when the Prefect API at `api_url` says it is healthy."""
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=2) as resp:
            return resp.status == 200
    except OSError:
        return False


class TemporaryServer:
    """A Prefect server for one CLI run: started at once, waited for only when the flow is
    about to report (`wait`), stopped at exit (`stop`)."""

    def __init__(self) -> None:
        self.port = 0
        self.proc: subprocess.Popen | None = None

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def start(self) -> TemporaryServer:
        """Start the server and return at once. It is stopped when the process exits: atexit
        runs its handlers last-registered-first, so Prefect's log and event workers, registered
        later, send what they hold before the server goes."""
        if self.proc is None:
            atexit.register(self.stop)
        self.port = free_port()
        # Prefect's own temporary server: no UI, flagged ephemeral (its services adapt).
        # No block-type registration at its start: checking whether the registry changed
        # imports every installed Prefect collection (prefect-dask brings Dask), 0.3-0.6 s on
        # the run's critical path, and a run uses no blocks. A long-running server (`make
        # serve`) on the same database registers them when it starts. Not flagged "final"
        # (PREFECT__SERVER_FINAL), as Prefect flags its own: with FastAPI 0.137 and later all
        # the flag still does is a full garbage collection while the app is built (the routes
        # it was there to free are no longer copied), 0.2 s of the server's start, which is
        # the critical path of a run's first seconds (median 2.60 -> 2.38 s, six starts each).
        env = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1",
               "PREFECT_SERVER_REGISTER_BLOCKS_ON_START": "false",
               "PREFECT_SERVER_MEMOIZE_BLOCK_AUTO_REGISTRATION": "false"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--factory",
             "prefect.server.api.server:create_app", "--host", "127.0.0.1",
             "--port", str(self.port), "--log-level", "error", "--lifespan", "on"],
            env=env, stdin=subprocess.DEVNULL)
        log.info("starting a temporary Prefect server on %s", self.api_url)
        return self

    def wait(self, timeout: float) -> None:
        """Return once /api/health answers; raise RuntimeError if the server exits or is not
        up within `timeout` seconds (a taken port is retried on another one)."""
        deadline = time.monotonic() + timeout
        while True:
            code = self.proc.poll()
            if code == PORT_IN_USE:
                self.start()
                continue
            if code is not None:
                raise RuntimeError(f"the temporary Prefect server exited with status {code}")
            if answers(self.api_url):
                return
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"the temporary Prefect server did not answer in {timeout:g} s")
            time.sleep(0.05)

    def stop(self) -> None:
        """Terminate and reap the server (it finishes writing its database first); kill it
        if it lingers."""
        proc, self.proc = self.proc, None
        if proc is None or proc.poll() is not None:
            return
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def wants_temporary_server() -> bool:
    """True when no API is configured and Prefect would start a temporary server itself
    (PREFECT_SERVER_ALLOW_EPHEMERAL_MODE is not turned off in the environment)."""
    allowed = os.environ.get("PREFECT_SERVER_ALLOW_EPHEMERAL_MODE", "true").strip().lower()
    return configured_api_url() is None and allowed not in ("0", "false", "no", "off")
