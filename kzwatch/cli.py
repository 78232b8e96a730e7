"""`kzwatch run`: build the warehouse from a folder of documents through the Prefect flow."""
from __future__ import annotations

import argparse
import os
import sys

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
# Without a server, Prefect starts a temporary one; its 20 s default is too short for a
# first start (fresh database migrations) on a busy two-core machine.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")


def main(argv: list[str] | None = None) -> int:
    from kzwatch.settings import get_settings

    defaults = get_settings()
    parser = argparse.ArgumentParser(prog="kzwatch", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="build and publish the warehouse")
    run.add_argument("--documents", default=str(defaults.documents),
                     help="folder of documents (default: %(default)s; env KZWATCH_DOCUMENTS)")
    run.add_argument("--warehouse", default=str(defaults.warehouse),
                     help="DuckDB file to publish (default: %(default)s; env KZWATCH_WAREHOUSE)")
    run.add_argument("--keep", type=int, default=defaults.keep,
                     help="previous snapshots to keep in history/ (default: %(default)s)")
    args = parser.parse_args(argv)
    try:
        from flows.etl import kzwatch_etl

        summary = kzwatch_etl(documents=args.documents, warehouse_file=args.warehouse,
                              keep=args.keep)
    except Exception as exc:  # noqa: BLE001 - the CLI's contract is a one-line reason
        print(f"kzwatch: run failed: {type(exc).__name__}: {exc}".splitlines()[0], file=sys.stderr)
        return 1
    print(format_summary(summary))
    return 0


def format_summary(summary: dict) -> str:
    rows = ", ".join(f"{t} {n}" for t, n in summary["rows_loaded"].items())
    lines = [f"kzwatch: published {summary['warehouse']} in {summary['seconds']} s",
             f"  documents: {summary['plan']}",
             f"  rows loaded: {rows or 'none'}; quarantined: {summary['rows_quarantined']}"]
    lines += [f"  warning: {w}" for w in summary["warnings"][:20]]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
