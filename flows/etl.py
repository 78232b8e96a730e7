"""The `kzwatch-etl` flow: discover -> read -> clean -> extract -> validate -> load -> publish.

Tasks are thin wrappers around kzwatch.* and work on batches of documents (per-task overhead
is milliseconds; thousands of task runs would swamp the server).
"""
from __future__ import annotations

import logging
import os
import signal
import tempfile
import time
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from uuid import UUID
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pandas as pd
from prefect import flow, get_client, get_run_logger, tags, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.exceptions import TerminationSignal
from prefect.runtime import flow_run, task_run
from prefect.task_runners import ThreadPoolTaskRunner

from kzwatch import pipeline, reading, validate, warehouse
from kzwatch.settings import get_settings
from models.records import RECORD_MODELS
from models.tables import CONTRACT_TABLES
from models.tables import documents as documents_table


def _batches(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def _batch_label(names: list[str]) -> str:
    """`25 docs: a.txt … y.txt`: how many documents a batch holds, its first and last."""
    def short(name: str) -> str:
        return name if len(name) <= 40 else name[:39] + "…"
    if not names:
        return "0 docs"
    if len(names) == 1:
        return f"1 doc: {short(names[0])}"
    return f"{len(names)} docs: {short(names[0])} … {short(names[-1])}"


def _extract_run_name() -> str:
    params = task_run.parameters
    return f"extract-batch-{params.get('batch', 1)} ({_batch_label(params.get('names') or [])})"


def _retry_on_io_error(_task, _task_run, state) -> bool:
    """Retry a disk or network hiccup (OSError), not a bug, a bad plan or a time-out (a task
    that timed out would only time out again)."""
    exc = getattr(state, "data", None)
    return isinstance(exc, OSError) and not isinstance(exc, TimeoutError)


def task_options(settings, *, io: bool, documents: int = 0) -> dict:
    """Prefect options every task gets from the settings: a time limit and, for tasks that
    touch the disk, retries with exponential backoff on I/O errors.

    An extraction batch with per-document budgets gets no task time limit: each document is
    bounded in a child process that is killed when its budget runs out, which is what really
    stops a runaway regex; a Prefect limit on a task in a worker thread could not interrupt
    it (and Prefect warns so on every run)."""
    timeout = settings.task_timeout_seconds or None
    if documents and settings.document_timeout_seconds:
        timeout = None
    options: dict = {"timeout_seconds": timeout}
    if io:
        delay = settings.task_retry_delay_seconds
        options.update(retries=settings.task_retries,
                       retry_delay_seconds=[delay * 2 ** i for i in range(settings.task_retries)]
                       or 0,
                       retry_condition_fn=_retry_on_io_error)
    return options


@task(name="discover", task_run_name="discover")
def discover(folder: Path, patterns: tuple[str, ...]) -> reading.Discovery:
    return reading.discover_all(folder, patterns)


@task(name="fingerprint-batch", task_run_name="fingerprint-batch-{batch}")
def fingerprint_batch(folder: Path, names: list[str], max_bytes: int,
                      batch: int = 1) -> list[pipeline.Fingerprint]:
    return [pipeline.fingerprint(folder, name, max_bytes) for name in names]


@task(name="read-clean-extract-batch", task_run_name=_extract_run_name)
def extract_batch(folder: Path, names: list[str], max_bytes: int, run_id: str,
                  timeout: float | None = None, batch: int = 1) -> pipeline.ExtractedBatch:
    """`timeout`: seconds per document (a child process is killed past it; see
    kzwatch.pipeline.BudgetedWorker). `batch`: its number in the run (1, 2, ...)."""
    batch_out = pipeline.extract_documents(folder, names, max_bytes, run_id, timeout)
    logger = get_run_logger()
    for warning in batch_out.warnings:
        logger.warning(warning)
    return batch_out


@task(name="validate", task_run_name="validate-{table}")
def validate_rows(table: str, rows: list[dict]) -> validate.ValidationOutcome:
    columns = [c.name for c in CONTRACT_TABLES[table].columns] + ["_evidence_grounded"]
    df = pd.DataFrame(rows, columns=columns)
    return validate.validate_table(table, df)


@task(name="load", task_run_name="load")
def load(warehouse_path: Path, changes: warehouse.SnapshotChanges) -> Path:
    return warehouse.build_snapshot(warehouse_path, changes)


@task(name="publish", task_run_name="publish")
def publish(target: Path, warehouse_path: Path, keep: int, run_id: str,
            failed_log_bytes: int | None = None) -> list[str]:
    return warehouse.publish(target, warehouse_path, keep, run_id, failed_log_bytes)


class BatchFailed(RuntimeError):
    """A batch task failed: the run stops before anything is published."""


def run_name(when: datetime, plan: pipeline.Plan | None, tz: str) -> str:
    """`kzwatch 2026-12-04 07:00 · 3 new, 1 changed` (the time in `tz`)."""
    try:
        local = when.astimezone(ZoneInfo(tz))
    except (ZoneInfoNotFoundError, ValueError):
        local = when
    name = f"kzwatch {local:%Y-%m-%d %H:%M}"
    if plan is None:
        return name
    parts = [f"{len(items)} {label}" for label, items in (
        ("new", plan.new), ("changed", plan.changed), ("removed", plan.removed),
        ("failing", plan.errors)) if items]
    done = ", ".join(parts) if parts else f"no changes ({len(plan.unchanged)} unchanged)"
    return f"{name} · {done}"


def _initial_run_name() -> str:
    """The name until the plan is known; bad settings fail the run in its body, not here."""
    when = flow_run.scheduled_start_time or datetime.now(UTC)
    try:
        tz = get_settings().timezone
    except ValueError:
        tz = "UTC"
    return run_name(when, None, tz)


def _update_flow_run(logger, **fields) -> None:
    """Rename or re-tag the running flow run; an API hiccup here never fails the run."""
    run_id = flow_run.get_id()
    if not run_id:
        return
    try:
        with get_client(sync_client=True) as client:
            client.update_flow_run(UUID(str(run_id)), **fields)
    except Exception as exc:  # noqa: BLE001 - a name is not worth a failed run
        logger.warning("could not update the flow run (%s): %s", ", ".join(fields), exc)


def run_tags(folder: Path, wh: Path) -> list[str]:
    return [f"documents:{folder}", f"warehouse:{wh}"]


def new_run_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def preflight(folder: Path, wh: Path) -> None:
    """What can be known before any work: the folder is there and listable, the warehouse's
    folder takes a new file (a read-only mount is found now, not after the extraction)."""
    if not folder.is_dir():
        raise FileNotFoundError(f"documents folder {folder} does not exist")
    try:
        os.listdir(folder)
    except OSError as exc:
        raise PermissionError(f"documents folder {folder} cannot be read: "
                              f"{exc.strerror or exc}") from None
    if wh.is_dir():
        raise IsADirectoryError(f"warehouse {wh} is a directory; give a file name")
    try:
        wh.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=wh.parent) as fh:
            fh.write(b"x")
            fh.flush()
    except OSError as exc:
        raise PermissionError(f"warehouse folder {wh.parent} is not writable: "
                              f"{exc.strerror or exc}") from None


# Extraction batches run side by side, one per core: each batch's documents are extracted in a
# child process (kzwatch.pipeline.BudgetedWorker, for the time budget), so threads here only
# wait on those processes and the cores do the work.
@flow(name="kzwatch-etl", log_prints=True, flow_run_name=_initial_run_name,
      task_runner=ThreadPoolTaskRunner(max_workers=max(1, os.cpu_count() or 1)))
def kzwatch_etl(documents: str | None = None, warehouse_file: str | None = None,
                keep: int | None = None, allow_mass_removal: bool | None = None) -> dict:
    """Build and publish a validated warehouse snapshot from a folder of documents."""
    settings = get_settings(documents=documents, warehouse=warehouse_file, keep=keep,
                            allow_mass_removal=allow_mass_removal)
    run_id, started = new_run_id(), datetime.now(UTC)
    folder, wh = Path(settings.documents), Path(settings.warehouse)
    labels = run_tags(folder, wh)
    _update_flow_run(get_run_logger(), tags=sorted({*(flow_run.tags or []), *labels}))
    with _signals_noted() as received, tags(*labels):
        try:
            preflight(folder, wh)
            with warehouse.run_lock(wh):  # a second run stops here at once (WarehouseBusy)
                try:
                    return _run(settings, run_id, started)
                finally:
                    warehouse.remove_snapshot(wh, run_id)  # no-op once published
        except warehouse.WarehouseBusy:
            raise  # nothing was done: not a failed run of this warehouse
        except BaseException as exc:  # also Ctrl-C and SIGTERM (Prefect's TerminationSignal)
            # the published snapshot is untouched; the next snapshot's raw.pipeline_runs says so
            outcome = f"failed: {type(exc).__name__}: {exc}"
            if received:
                outcome = f"failed: interrupted by {signal.Signals(received[0]).name} ({outcome})"
            try:
                warehouse.record_failed_run(wh, {
                    "run_id": run_id, "flow_run_id": str(flow_run.get_id() or "") or None,
                    "started_at": started.isoformat(),
                    "ended_at": datetime.now(UTC).isoformat(), "outcome": outcome[:500]})
            except OSError as err:
                logging.getLogger(__name__).warning("could not record the failed run: %s", err)
            if received and not isinstance(exc, KeyboardInterrupt | TerminationSignal):
                # DuckDB turns a signal that lands inside a query into "Query interrupted":
                # give the caller the signal back
                if received[0] == signal.SIGINT:
                    raise KeyboardInterrupt from exc
                raise TerminationSignal(received[0]) from exc
            raise


@contextmanager
def _signals_noted():
    """Note SIGINT/SIGTERM as they arrive, then let the handler in place (Prefect's, Python's)
    act as usual. Only the main thread can set handlers; elsewhere nothing is noted."""
    received: list[int] = []
    previous = {}

    def note(signum, frame):
        handler = previous.get(signum)
        if handler == signal.SIG_IGN:  # started with the signal ignored (nohup, `&`): keep so
            return
        received.append(signum)
        if callable(handler):
            handler(signum, frame)
        raise KeyboardInterrupt if signum == signal.SIGINT else TerminationSignal(signum)

    try:
        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, note)
    except ValueError:  # not the main thread
        pass
    try:
        yield received
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _run(settings, run_id: str, started: datetime) -> dict:
    logger = get_run_logger()
    t0 = time.perf_counter()
    folder, wh = Path(settings.documents), Path(settings.warehouse)
    version = pipeline.parser_version()
    warnings: list[str] = []

    def warn(message: str) -> None:
        logger.warning(message)
        warnings.append(message)

    if wh.stem in warehouse.SCHEMA_NAMES:
        warn(f"{wh.name} is named like the schema {wh.stem}: open it in SQL clients under "
             f"another name (attach '{wh}' as kz (read_only); use kz)")
    stale_wal = warehouse.set_aside_wal(wh, run_id)
    if stale_wal:
        warn(stale_wal)
    io = task_options(settings, io=True)
    found = discover.with_options(**io)(folder, settings.patterns)
    for sub, why in found.unreadable.items():
        warn(f"folder {sub}/ could not be read ({why}): its documents were not looked at; "
             "those loaded before keep their rows")
    names = found.names
    prints = [fp for no, batch in enumerate(_batches(names, max(settings.batch_size * 8, 1)), 1)
              for fp in fingerprint_batch.with_options(**io)(
                  folder, batch, settings.max_document_bytes, batch=no)]
    previous = warehouse.read_previous_documents(wh)
    plan = pipeline.make_plan(prints, previous, version, found.unreadable)
    logger.info("plan: %s", plan.summary())
    if plan.extract:
        validate.warm_up_in_background()  # GX's imports overlap the extraction
    name = run_name(flow_run.scheduled_start_time or started, plan, settings.timezone)
    _update_flow_run(logger, name=name)
    logger.info("flow run renamed %r", name)
    for note in plan.notes():
        warn(note)
    pipeline.check_removals(plan, previous, settings.max_removed_share,
                            settings.allow_mass_removal)

    by_name = {fp.source_name: fp for fp in prints}
    doc_rows: list[dict] = []
    rows: dict[str, list[dict]] = {t: [] for t in RECORD_MODELS}
    batches = _batches(plan.extract, settings.batch_size)
    futures = [extract_batch.with_options(**task_options(settings, io=True, documents=len(b)))
               .submit(folder, b, settings.max_document_bytes, run_id,
                       settings.document_timeout_seconds or None, batch=no)
               for no, b in enumerate(batches, 1)]
    results = []
    for no, (batch, future) in enumerate(zip(batches, futures, strict=True), 1):
        try:  # in batch order, so the run's rows come out the same every time
            results.append(future.result())
        except Exception as exc:
            for other in futures:  # batches not started yet are not started at all
                getattr(other, "wrapped_future", other).cancel()
            raise BatchFailed(f"extract-batch-{no} ({_batch_label(batch)}) failed, nothing "
                              f"was published: {type(exc).__name__}: {exc}") from exc
    for result in results:
        doc_rows += result.documents
        warnings += result.warnings
        for table, recs in result.rows.items():
            rows[table] += recs
    texts = pd.DataFrame(pipeline.take_texts(doc_rows),
                         columns=["source_name", "document_id", "text"])
    for name, reason in plan.errors.items():
        logger.warning("%s: %s", name, reason)
        warnings.append(f"{name}: {reason}")
        doc_rows.append(pipeline.error_row(name, reason, by_name.get(name), version, run_id))
    for name, primary in plan.duplicates.items():
        logger.warning("%s: same content as %s, loaded once", name, primary)
        doc_rows.append(pipeline.duplicate_row(name, primary, by_name[name], version, run_id))
    kept = previous[previous["source_name"].isin(plan.unchanged)]
    all_docs = pd.concat([kept, pd.DataFrame(doc_rows, columns=previous.columns)],
                         ignore_index=True).sort_values("source_name", ignore_index=True)

    check = validate_rows.with_options(**task_options(settings, io=False))
    outcomes = {t: check(t, recs) for t, recs in rows.items()}
    passed = {t: o.passed for t, o in outcomes.items()}
    quarantined = pd.concat([o.quarantined for o in outcomes.values()], ignore_index=True)
    validation = pd.DataFrame([dict(r, run_id=run_id) for o in outcomes.values()
                               for r in o.results])
    drop = sorted(set(names) - set(plan.unchanged)) + plan.removed
    failed = int((all_docs["status"] == "error").sum())
    run_row = {"run_id": run_id, "flow_run_id": str(flow_run.get_id() or "") or None,
               "started_at": started, "ended_at": datetime.now(UTC),
               "documents_seen": len(names), "documents_new": len(plan.new),
               "documents_changed": len(plan.changed), "documents_removed": len(plan.removed),
               "documents_unchanged": len(plan.unchanged), "documents_failed": failed,
               "rows_quarantined": len(quarantined), "outcome": "completed"}
    changes = warehouse.SnapshotChanges(run_id, all_docs[[c.name for c in documents_table.columns]],
                                        drop, passed, quarantined, validation, run_row,
                                        texts=texts)
    target = load.with_options(**io)(wh, changes)
    for message in changes.warnings:
        warn(message)
    for message in publish.with_options(**io)(target, wh, settings.keep, run_id,
                                              changes.failed_log_bytes):
        warn(message)

    summary = {"run_id": run_id, "warehouse": str(wh), **{k: run_row[k] for k in (
        "documents_seen", "documents_new", "documents_changed", "documents_removed",
        "documents_unchanged", "documents_failed", "rows_quarantined")},
        "rows_loaded": changes.rows_loaded, "warnings": warnings,
        "seconds": round(time.perf_counter() - t0, 2), "plan": plan.summary()}
    _publish_artifacts(summary, validation, plan)
    logger.info("published %s: %s; rows loaded %s; %d quarantined", wh, plan.summary(),
                changes.rows_loaded, len(quarantined))
    return summary


def _publish_artifacts(summary: dict, validation: pd.DataFrame, plan: pipeline.Plan) -> None:
    table = [{"measure": k, "value": str(v)} for k, v in summary.items()
             if k not in ("warnings", "rows_loaded", "plan")]
    table += [{"measure": f"rows loaded: {t}", "value": str(n)}
              for t, n in summary["rows_loaded"].items()]
    create_table_artifact(key="kzwatch-run-summary", table=table,
                          description="Documents seen/changed and rows loaded in this run")
    if len(validation):
        create_table_artifact(key="kzwatch-validation", table=validation.to_dict("records"),
                              description="Great Expectations results, one row per rule code")
    lines = ["# What is new since the last run\n", f"**{plan.summary()}**\n"]
    for label, items in (("New documents", plan.new), ("Changed documents", plan.changed),
                         ("Removed documents", plan.removed)):
        if items:
            lines.append(f"## {label}\n" + "\n".join(f"- `{n}`" for n in items) + "\n")
    if summary["warnings"]:
        lines.append("## Warnings\n" + "\n".join(f"- {w}" for w in summary["warnings"]) + "\n")
    rows = summary["rows_loaded"]
    lines.append("## Rows loaded\n" + "\n".join(f"- {t}: {n}" for t, n in rows.items()))
    create_markdown_artifact(key="kzwatch-whats-new", markdown="\n".join(lines),
                             description="What this run changed")


if __name__ == "__main__":
    kzwatch_etl()
