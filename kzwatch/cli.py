"""`kzwatch run`: build the warehouse from a folder of documents through the Prefect flow.
`kzwatch report`: write the static HTML report beside it (kzwatch/report).

Exit status: 0 published; 1 the run failed; 2 bad arguments (checked before Prefect starts);
3 another run (or a read-write client) holds the warehouse; 130 Ctrl-C; 143 SIGTERM. Every
failure ends with one `kzwatch:` line on stderr.
"""
from __future__ import annotations

import argparse
import atexit
import importlib
import os
import signal
import sys
import tempfile
import threading
from contextlib import nullcontext
from pathlib import Path

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
# Without a server, the CLI starts a temporary one (kzwatch.prefect_api); Prefect's 20 s default
# wait is too short for a first start (fresh database migrations) on a busy two-core machine.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")

EXIT_FAILED, EXIT_USAGE, EXIT_BUSY = 1, 2, 3
UNCHANGED = "the published warehouse is unchanged; the next run records this one as failed"


class Terminated(BaseException):
    """SIGTERM, turned into an exception so the run unwinds and cleans up like on Ctrl-C."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def _on_sigterm(signum, _frame):
    raise Terminated(signum)


def say(message: str) -> None:
    print(f"kzwatch: {message}".splitlines()[0], file=sys.stderr, flush=True)


def check_arguments(documents: Path, warehouse: Path, keep: int) -> str | None:
    """The reason the arguments can't work, or None; nothing here needs Prefect."""
    if keep < 0:
        return f"--keep must be 0 or more, not {keep}"
    if not documents.exists():
        return f"documents folder {documents} does not exist"
    if not documents.is_dir():
        return f"documents folder {documents} is not a folder"
    try:
        os.listdir(documents)
    except OSError as exc:
        return f"documents folder {documents} cannot be read: {exc.strerror or exc}"
    if warehouse.is_dir():
        return f"warehouse {warehouse} is a directory; give a file name"
    parent = warehouse.parent
    existing = next((p for p in [parent, *parent.parents] if p.exists()), None)
    if existing is not None and not existing.is_dir():
        return f"warehouse folder {parent}: {existing} is not a folder"
    try:
        parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=parent) as fh:
            fh.write(b"x")
            fh.flush()
    except OSError as exc:
        return f"warehouse folder {parent} is not writable: {exc.strerror or exc}"
    return None


def main(argv: list[str] | None = None) -> int:
    from kzwatch.settings import get_settings

    defaults = get_settings()
    parser = argparse.ArgumentParser(prog="kzwatch", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="build and publish the warehouse")
    run.add_argument("--documents", default=str(defaults.documents),
                     help="folder of documents (default: %(default)s; env KZWATCH_DOCUMENTS)")
    run.add_argument("--warehouse", default=str(defaults.warehouse),
                     help="DuckDB file to publish (default: %(default)s; env KZWATCH_WAREHOUSE)")
    run.add_argument("--keep", type=int, default=defaults.keep,
                     help="previous snapshots to keep in history/ (default: %(default)s)")
    run.add_argument("--allow-mass-removal", action="store_true",
                     default=defaults.allow_mass_removal,
                     help="remove more than KZWATCH_MAX_REMOVED_SHARE "
                          f"({100 * defaults.max_removed_share:.0f}%%) of the published "
                          "documents (an empty folder otherwise stops the run)")
    report = sub.add_parser("report", help="write the static HTML report of the warehouse")
    report.add_argument("--warehouse", default=str(defaults.warehouse),
                        help="DuckDB file to report on, opened read-only (default: %(default)s)")
    report.add_argument("--out", default=None,
                        help="folder for the site (default: report/ beside the warehouse)")
    args = parser.parse_args(argv)
    if args.command == "report":
        return report_command(Path(args.warehouse), Path(args.out) if args.out else None)
    documents, wh = Path(args.documents), Path(args.warehouse)
    problem = check_arguments(documents, wh, args.keep)
    if problem:
        say(problem)
        return EXIT_USAGE

    from kzwatch import prefect_api
    from kzwatch.runlock import WarehouseBusy, run_lock

    previous_term = signal.getsignal(signal.SIGTERM)
    server = None
    try:
        signal.signal(signal.SIGTERM, _on_sigterm)
        with run_lock(wh):  # held across the run: the flow takes it again
            if prefect_api.wants_temporary_server():
                # started before anything heavy is imported (kzwatch.runlock is light for
                # that), so the server boots while the imports below run
                server = prefect_api.TemporaryServer().start()
                os.environ["PREFECT_API_URL"] = server.api_url
            from kzwatch.pipeline import start_extraction_server

            # The extraction fork server (0.6 s of CPU to import and warm up) starts where it
            # overlaps other work without delaying what the run waits for: with an API already
            # up, now, beside the flow's imports; with a temporary server booting, after them
            # (a third process importing at once slowed that server's start: 0.4 s a run).
            if server is None:
                start_extraction_server()
            from flows.etl import kzwatch_etl

            if server is not None:
                start_extraction_server()
                _import_run_modules()
                server.wait(float(os.environ["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"]))

            with _no_heartbeats(server is not None):
                summary = kzwatch_etl(documents=args.documents, warehouse_file=args.warehouse,
                                      keep=args.keep, allow_mass_removal=args.allow_mass_removal)
    except WarehouseBusy as exc:
        say(str(exc))
        return EXIT_BUSY
    except BaseException as exc:  # the CLI's contract: one line, whatever happened
        if isinstance(exc, KeyboardInterrupt):
            say(f"interrupted (Ctrl-C): {UNCHANGED}")
            return 130
        if isinstance(exc, Terminated) or type(exc).__name__ == "TerminationSignal":
            say(f"terminated (SIGTERM): {UNCHANGED}")  # TerminationSignal: Prefect's form
            return 143
        if isinstance(exc, Exception):
            say(f"run failed: {type(exc).__name__}: {exc}")
            return EXIT_FAILED
        raise
    finally:
        signal.signal(signal.SIGTERM, previous_term)
    print(format_summary(summary))
    return 0


# Modules a run imports only once under way: Prefect's flow and task engines, its graph
# drawing (graphviz) and the encoder of flow parameters (fastapi), the DuckDB dialect of the
# load, people resolution, Arrow's datasets. Imported while the CLI waits for its temporary
# server instead, they leave the flow's critical path (0.45 s a run, measured).
RUN_MODULES = ("prefect.flow_engine", "prefect.task_engine", "prefect.utilities.visualization",
               "fastapi.encoders", "duckdb_engine", "kzwatch.persons", "pyarrow.dataset")


def _import_run_modules() -> None:
    for name in RUN_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:  # only a head start: a module gone in a newer release is skipped
            pass


def _no_heartbeats(temporary_server: bool):
    """No flow-run heartbeats when the run reports to the CLI's temporary server. Heartbeats
    let a server that outlives a run find it crashed; this one stops with the run. And the
    heartbeat thread sleeps in one-second steps that the end of the flow waits out (0.5 s on
    average, measured up to 0.7 s)."""
    if not temporary_server:
        return nullcontext()
    import prefect.settings

    return prefect.settings.temporary_settings(
        updates={prefect.settings.PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None})


def report_command(warehouse: Path, out: Path | None) -> int:
    """`kzwatch report`: build the static site and print the path of its index.html."""
    if not warehouse.is_file():
        say(f"warehouse {warehouse} does not exist: run `kzwatch run` first")
        return EXIT_USAGE
    if out is not None and out.exists() and not out.is_dir():
        say(f"--out {out} is not a folder")
        return EXIT_USAGE
    from kzwatch.report import build_report

    try:
        index = build_report(warehouse, out)
    except Exception as exc:  # the CLI's contract: one line
        say(f"report failed: {type(exc).__name__}: {exc}")
        return EXIT_FAILED
    print(index.resolve())
    return 0


def format_summary(summary: dict) -> str:
    rows = ", ".join(f"{t} {n}" for t, n in summary["rows_loaded"].items())
    lines = [f"kzwatch: published {summary['warehouse']} in {summary['seconds']} s",
             f"  documents: {summary['plan']}",
             f"  rows loaded: {rows or 'none'}; quarantined: {summary['rows_quarantined']}"]
    if summary.get("report"):
        page, mode = summary["report"]["page"], summary["report"]["mode"]
        lines.append(f"  report: {page}" + (" (being written in the background)"
                                            if mode == "background" else ""))
    lines += [f"  warning: {w}" for w in summary["warnings"][:20]]
    if len(summary["warnings"]) > 20:
        lines.append(f"  ... and {len(summary['warnings']) - 20} more warnings in the run log")
    return "\n".join(lines)


def entry() -> None:
    """The `kzwatch` command: `main()`, then `exit_promptly` with its status."""
    exit_promptly(main())


def exit_promptly(code: int) -> None:
    """Exit as Python does, minus its final teardown of every module's objects, which takes
    more than a second once a run has loaded Prefect, Great Expectations and pandas (measured
    here: 1.2 s of a 17 s build of 960 documents). Everything that matters has happened by
    then: threads that are not daemons are joined and the atexit handlers run, as at a normal
    exit (Prefect's log and event workers send what they hold, logging flushes, the temporary
    Prefect server is stopped, multiprocessing reaps its children); the warehouse was published
    and closed by the run."""
    threading._shutdown()  # what Python's exit does first: thread-exit hooks, joins
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more can be said
            pass
    os._exit(code)


if __name__ == "__main__":
    entry()
