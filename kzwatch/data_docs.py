"""GX Data Docs of a run's validation: a static site beside the warehouse
(`<warehouse folder>/data_docs/index.html`) showing the run's results and the suites.

Rendering needs Great Expectations: 2.8 s of CPU to import and 0.3 s to draw, which a run
should not wait for. So by default (setting `data_docs = "background"`) a run writes its
results as a pending file in the site's `.pending/` folder and starts a detached process
(`python -m kzwatch.data_docs SITE`) that renders the newest pending run and exits; the run
goes on at once. `"inline"` renders in the run's own process (the tests do, so that a test
process imports GX once); `"off"` writes nothing.

Renderers take a lock on the site, so two runs in a row end with the later run's pages. A
renderer that fails leaves `<run_id>.error` beside the pending files; the next run reports
it as a warning and removes it.
"""
from __future__ import annotations

import fcntl
import json
import logging
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from kzwatch import background

log = logging.getLogger(__name__)

DATA_DOCS_DIR = "data_docs"
SITE_NAME = "kzwatch"
PENDING = ".pending"
MODES = ("background", "inline", "off")
_RENDER_LOCK = threading.Lock()  # one GX context per process: one render at a time


def site_dir(warehouse: Path) -> Path:
    """Where a warehouse's Data Docs live: `<warehouse folder>/data_docs/` (index.html)."""
    return Path(warehouse).parent / DATA_DOCS_DIR


def render(folder: Path, suite_results: list[dict], run_id: str,
           run_time: datetime | None = None) -> Path:
    """Render a run's suite results (kzwatch.validate's `docs_result`, GX's JSON form) into
    `folder` with GX's site builder; return its index.html. The site shows this run only:
    pages of earlier runs are removed (their numbers stay in raw.validation_results)."""
    from great_expectations.core import (
        ExpectationSuiteValidationResult,
        ExpectationValidationResult,
    )
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
        ValidationResultIdentifier,
    )
    from great_expectations.expectations.expectation_configuration import (
        ExpectationConfiguration,
    )

    from kzwatch.validate import build_suite, gx_context

    folder = Path(folder)
    ctx, _ = gx_context()
    when = run_time or datetime.now(UTC)
    with _RENDER_LOCK:
        folder.mkdir(parents=True, exist_ok=True)
        ctx.variables.data_docs_sites = {SITE_NAME: {
            "class_name": "SiteBuilder", "show_how_to_buttons": False,
            "store_backend": {"class_name": "TupleFilesystemStoreBackend",
                              "base_directory": str(folder.resolve())},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"}}}
        for table in {r["suite_name"].removeprefix("kzwatch.") for r in suite_results}:
            ctx.suites.add_or_update(build_suite(table))  # the suites' own pages
        store = ctx.validation_results_store
        for key in store.list_keys():  # the context lives for the process: one run per site
            store.remove_key(key)
        for suite in suite_results:
            result = ExpectationSuiteValidationResult(
                success=suite["success"], suite_name=suite["suite_name"],
                statistics=suite["statistics"], meta=suite["meta"],
                results=[ExpectationValidationResult(
                    success=r["success"], result=r["result"],
                    expectation_config=ExpectationConfiguration(**r["expectation_config"]))
                    for r in suite["results"]])
            key = ValidationResultIdentifier(
                ExpectationSuiteIdentifier(suite["suite_name"]),
                RunIdentifier(run_name=run_id, run_time=when),
                suite["suite_name"].removeprefix("kzwatch."))
            store.set(key, result)
        ctx.build_data_docs(site_names=[SITE_NAME])
    return folder / "index.html"


def publish(folder: Path, suite_results: list[dict | None], run_id: str, run_time: datetime,
            mode: str = "background") -> tuple[Path | None, list[str]]:
    """Render a run's Data Docs as `mode` says; returns (the site's index.html, or None when
    off; warnings: renderings of earlier runs that failed). A run that validated no rows
    leaves an existing site as it is, showing the last validation that checked rows.
    Raises OSError when the site's folder cannot be written (the caller warns)."""
    if mode not in MODES:
        raise ValueError(f"data_docs must be one of {', '.join(MODES)}, not {mode!r}")
    folder = Path(folder)
    index = folder / "index.html"
    if mode == "off":
        return None, []
    pending = folder / PENDING
    pending.mkdir(parents=True, exist_ok=True)
    warnings = _collect_errors(pending)
    validated = [r for r in suite_results if r is not None]
    if not validated and index.exists():
        return index, warnings
    if mode == "inline":
        return render(folder, validated, run_id, run_time), warnings
    job = pending / f"{run_id}.json"
    tmp = job.with_suffix(".tmp")
    tmp.write_text(json.dumps({"run_id": run_id, "run_time": run_time.isoformat(),
                               "results": validated}, default=str), encoding="utf-8")
    tmp.replace(job)  # a renderer never reads a half-written job
    _start_renderer(folder)
    return index, warnings


def _start_renderer(folder: Path) -> None:
    background.start("kzwatch.data_docs", [str(folder)], folder / PENDING / "render.log")


def render_pending(folder: Path) -> Path | None:
    """Render the newest pending run of a site and drop the pending runs it supersedes;
    None when nothing is pending (another renderer took it). Holds the site's lock."""
    folder = Path(folder)
    pending = folder / PENDING
    with open(pending / "lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        jobs = []
        for path in pending.glob("*.json"):
            job = json.loads(path.read_text(encoding="utf-8"))
            jobs.append((job["run_time"], job["run_id"], path, job))
        if not jobs:
            return None
        jobs.sort(key=lambda j: j[:2])
        run_time, run_id, _, job = jobs[-1]
        try:
            index = render(folder, job["results"], run_id, datetime.fromisoformat(run_time))
        except Exception as exc:
            (pending / f"{run_id}.error").write_text(
                f"{type(exc).__name__}: {exc}", encoding="utf-8")
            raise
        finally:
            for *_, path, _ in jobs:
                path.unlink(missing_ok=True)
        return index


def _collect_errors(pending: Path) -> list[str]:
    warnings = []
    for path in sorted(pending.glob("*.error")):
        warnings.append(f"Data Docs of run {path.stem} were not written: "
                        f"{path.read_text(encoding='utf-8', errors='replace').strip()}")
        path.unlink(missing_ok=True)
    return warnings


def wait_until_rendered(folder: Path, timeout: float = 120.0) -> bool:
    """Whether the site's pending runs were all rendered (or failed) within `timeout` s."""
    deadline = time.monotonic() + timeout
    pending = Path(folder) / PENDING
    if not pending.is_dir():  # never rendered in the background: nothing to wait for
        return True
    while time.monotonic() < deadline:
        if not list(pending.glob("*.json")):
            with open(pending / "lock", "a") as lock:  # a renderer may still be writing
                fcntl.flock(lock, fcntl.LOCK_EX)
            return True
        time.sleep(0.1)
    return False


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m kzwatch.data_docs SITE_FOLDER", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.WARNING)
    try:
        index = render_pending(Path(args[0]))
    except Exception as exc:  # noqa: BLE001 - recorded as <run_id>.error for the next run
        print(f"Data Docs were not written: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    if index is not None:
        log.info("Data Docs: %s", index)
    return 0


if __name__ == "__main__":  # the detached renderer (background.start)
    background.lower_priority()
    sys.exit(main())
