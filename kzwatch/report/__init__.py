"""`kzwatch report`: a static HTML site beside the warehouse that people look at.

Pages: overview (documents, records per family, findings, last run), cases, protests,
surveys, indicators, findings; and one evidence page per document, where each record's
evidence is a `<mark id=RECORD_ID>` at its offsets in the document's text
(raw.document_texts). Every number links to the evidence of the records behind it.

Why static SVG: charts are Altair (Vega-Lite) specs rendered to SVG at build time by
vl-convert-python, which bundles the Vega/Vega-Lite JavaScript in its wheel and runs it
offline. The pages therefore need no script, no CDN and no server: they open from file://
URLs, print, and can be mailed as a folder. The `href` channel turns a mark into an SVG
link to the record's evidence. (Altair's HTML output would load vega, vega-lite and
vega-embed from a CDN; no installed package ships those files for a page to load.)

A run rebuilds the report after it publishes (setting `report`): by default in a detached
process (`python -m kzwatch.report WAREHOUSE`, see `start_background`), because drawing the
charts takes seconds (vl-convert, 35-45 ms a chart, one at a time) and the user waits for the
warehouse, not for its report; `inline` builds it in the run, `off` not at all. A build holds
the site's lock (`.lock`), so a background build and `kzwatch report` never write the same
folder at once.
"""
from __future__ import annotations

import fcntl
import sys
import time
from pathlib import Path

from kzwatch import background

__all__ = ["build_report", "building", "report_dir", "start_background", "take_errors",
           "wait_until_built"]

MODES = ("background", "inline", "off")
LOCK = ".lock"
ERROR = ".error"          # why the last background build failed; the next run warns with it
PENDING = ".pending-"     # + run id: a run whose background build has not finished
BUILD_LOG = ".build.log"  # the last background build's stderr


def report_dir(warehouse: Path) -> Path:
    """Where the report of a warehouse goes by default: `report/` beside the file. (Here, not
    in `build`, so that a run linking the report does not import Altair.)"""
    return Path(warehouse).parent / "report"


def build_report(warehouse: Path, out_dir: Path | None = None) -> Path:
    """Write the site; return the path of its index.html (see kzwatch.report.build)."""
    from kzwatch.report.build import build_report as build

    if not Path(warehouse).is_file():  # before the folder and its lock are made for nothing
        raise FileNotFoundError(f"warehouse {warehouse} does not exist")
    out = Path(out_dir) if out_dir is not None else report_dir(warehouse)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / LOCK, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return build(warehouse, out)


def start_background(warehouse: Path, run_id: str) -> Path:
    """Mark `run_id`'s report as pending and start a detached build; return the index.html
    it will write (the previous report stays until then)."""
    out = report_dir(warehouse)
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{PENDING}{run_id}").touch()
    background.start("kzwatch.report", [str(warehouse)], out / BUILD_LOG)
    return out / "index.html"


def build_pending(warehouse: Path) -> Path | None:
    """The detached build: once it holds the lock, build from the warehouse as published now
    and clear the runs pending before it started (so of several runs in a row, the last
    build writes the report and the others find nothing to do); None when nothing was
    pending. A failure is left in `.error` for the next run."""
    out = report_dir(warehouse)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / LOCK, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        pending = list(out.glob(f"{PENDING}*"))
        if not pending:
            return None
        try:
            from kzwatch.report.build import build_report as build

            index = build(warehouse, out)
        except Exception as exc:
            (out / ERROR).write_text(f"{type(exc).__name__}: {exc}", encoding="utf-8")
            raise
        else:
            (out / ERROR).unlink(missing_ok=True)
        finally:
            for path in pending:
                path.unlink(missing_ok=True)
        return index


def take_errors(warehouse: Path) -> list[str]:
    """The failure of the last background build, as a warning for this run (and forgotten)."""
    path = report_dir(warehouse) / ERROR
    try:
        reason = path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return []
    path.unlink(missing_ok=True)
    return [f"the HTML report was not written after the previous run: {reason}"]


def building(warehouse: Path) -> bool:
    """Whether a background build of the report is pending or running."""
    return any(report_dir(warehouse).glob(f"{PENDING}*"))


def wait_until_built(warehouse: Path, timeout: float = 120.0) -> bool:
    """Whether every pending background build finished (or failed) within `timeout` s."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not building(warehouse):
            return True
        time.sleep(0.1)
    return False


def main(argv: list[str] | None = None) -> int:
    """`python -m kzwatch.report WAREHOUSE`: the detached build a run starts."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m kzwatch.report WAREHOUSE", file=sys.stderr)
        return 2
    try:
        build_pending(Path(args[0]))
    except Exception as exc:  # noqa: BLE001 - kept in .error for the next run
        print(f"the HTML report was not written: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return 0
