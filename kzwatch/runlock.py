"""One run at a time per warehouse: a flock on `.<name>.lock` beside it.

Its own light module (no pandas, DuckDB or SQLAlchemy), so the CLI can take the lock, and
answer "busy" at once, before the half second of importing kzwatch.warehouse.
"""
from __future__ import annotations

import fcntl
import json
import os
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path


class WarehouseBusy(RuntimeError):
    """Another run (or a read-write client) holds the warehouse."""


def lock_path(warehouse: Path) -> Path:
    return warehouse.with_name(f".{warehouse.name}.lock")


_HELD: dict[str, list] = {}  # lock file -> [fd, depth]: re-entrant within one process


@contextmanager
def run_lock(warehouse: Path):
    """Hold the warehouse's run lock (flock on .<name>.lock next to it) or raise WarehouseBusy
    at once with who holds it. The kernel drops the lock when its process ends, even by kill -9,
    so there is nothing stale to clean. Re-entrant within one process (the CLI takes it before
    Prefect starts, the flow again)."""
    warehouse = Path(warehouse)
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    path = lock_path(warehouse)
    key = str(path.resolve())
    if key in _HELD:
        _HELD[key][1] += 1
        try:
            yield
        finally:
            _HELD[key][1] -= 1
        return
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.pread(fd, 4096, 0).decode("utf-8", "replace")
        os.close(fd)
        try:
            info = json.loads(holder)
            who = f"pid {info.get('pid')}, started {info.get('started')}"
        except ValueError:
            who = "pid unknown"
        raise WarehouseBusy(f"another run holds the warehouse {warehouse} ({who})") from None
    except BaseException:
        os.close(fd)
        raise
    os.ftruncate(fd, 0)
    os.pwrite(fd, json.dumps({"pid": os.getpid(), "started": datetime.now(UTC).isoformat(
        timespec="seconds")}).encode(), 0)
    _HELD[key] = [fd, 1]
    try:
        yield
    finally:
        del _HELD[key]
        os.close(fd)  # releases the flock; the file stays (harmless, reused)
