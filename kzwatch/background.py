"""Detached processes a run starts and does not wait for: the GX Data Docs renderer
(kzwatch.data_docs) and the HTML report's builder (kzwatch.report). Each is a view of what the
run published; the user waits for the warehouse, not for them.

`start` launches `python -m MODULE ARGS...` in its own session (it outlives the run and a
Ctrl-C of it), with this project importable and its stderr in `log`; the started process
calls `lower_priority` first, so it yields the CPU to the run still loading or to the next
run. Each module keeps its own lock and error file: those say what its jobs are.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
NICENESS = 10  # added to a detached process's nice value


def start(module: str, args: list[str], log: Path) -> None:
    """Start `python -m module *args` detached; its stderr goes to `log` (overwritten)."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        p for p in (str(PROJECT), os.environ.get("PYTHONPATH")) if p))
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "wb") as err:
        subprocess.Popen([sys.executable, "-m", module, *args],
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err,
                         cwd=PROJECT, env=env, start_new_session=True)


def lower_priority() -> None:
    """Called first by a detached process: run NICENESS below its parent's priority."""
    try:
        os.nice(NICENESS)
    except OSError:  # a sandbox that refuses: run at the run's priority
        pass
