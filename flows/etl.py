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
from prefect import flow, get_client, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.exceptions import TerminationSignal
from prefect.futures import as_completed
from prefect.runtime import flow_run, task_run
from prefect.task_runners import ThreadPoolTaskRunner

from kzwatch import data_docs, pipeline, reading, report, staging, validate, warehouse
from kzwatch.settings import get_settings
from models.records import RECORD_MODELS
from models.tables import documents as documents_table


def _batches(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


FLOW_WORKERS = max(1, os.cpu_count() or 1)  # threads, each driving one extraction process
BATCHES_PER_WORKER = 4  # enough that the workers finish together when documents differ in size


def extraction_batch_size(documents: int, most: int, workers: int) -> int:
    """Documents per extraction task: about BATCHES_PER_WORKER batches per worker, so every
    core has work until the end, but never more than `most` (KZWATCH_BATCH_SIZE). Fewer,
    larger tasks keep Prefect's cost per task (its API calls, state changes and logs, tens of
    milliseconds in the flow process and the server) small against the work of a task."""
    return max(1, min(most, -(-documents // (BATCHES_PER_WORKER * max(1, workers)))))


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
    # no cache keys: a run reads what changed (kzwatch.pipeline.make_plan), and hashing a
    # task's inputs (ten thousand rows) for a key nobody uses costs seconds
    options: dict = {"timeout_seconds": timeout, "cache_policy": NO_CACHE}
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


def rows_frame(table: str, rows: list[dict]) -> pd.DataFrame:
    """A table's extracted rows as the DataFrame validation checks (contract columns, then
    `_evidence_grounded`); a run reads the same frame back from its staging folder
    (kzwatch.staging.read_table)."""
    return pd.DataFrame(rows, columns=staging.table_columns(table))


@task(name="validate", task_run_name="validate-{table}")
def validate_rows(table: str, frame: pd.DataFrame) -> validate.ValidationOutcome:
    """A DataFrame, not a list of row dicts: Prefect walks list and dict parameters looking
    for futures (seconds for ten thousand rows) but passes a DataFrame as it is."""
    return validate.validate_table(table, frame)


@task(name="prepare-snapshot", task_run_name="prepare-snapshot")
def prepare_snapshot(warehouse_path: Path, run_id: str) -> None:
    """The snapshot's copy, schemas, reference tables, views and comments, made beside
    validation (kzwatch.warehouse.prepare_snapshot). When it cannot be made (a full disk), the
    load does this part itself (it finds no prepared file) and reports what stops it."""
    try:
        warehouse.prepare_snapshot(warehouse_path, run_id)
    except OSError as exc:
        get_run_logger().info("snapshot not prepared beside validation (the load will): %s",
                              exc)


@task(name="load", task_run_name="load")
def load(warehouse_path: Path, changes: warehouse.SnapshotChanges) -> Path:
    return warehouse.build_snapshot(warehouse_path, changes)


@task(name="report", task_run_name="report ({mode})")
def write_report(warehouse_path: Path, run_id: str, mode: str = "inline") -> Path:
    """The static HTML report of the published snapshot, beside it (kzwatch.report): built
    here (`inline`) or by a detached process started here (`background`)."""
    if mode == "background":
        return report.start_background(warehouse_path, run_id)
    return report.build_report(warehouse_path)


@task(name="publish", task_run_name="publish")
def publish(target: Path, warehouse_path: Path, keep: int, run_id: str,
            failed_log_bytes: int | None = None) -> list[str]:
    return warehouse.publish(target, warehouse_path, keep, run_id, failed_log_bytes)


class BatchFailed(RuntimeError):
    """A batch task failed: the run stops before anything is published."""


class StagingFailed(RuntimeError):
    """A finished batch's rows could not be written to the staging folder (a full disk):
    the run stops before anything is published."""


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


def write_data_docs(settings, wh: Path, outcomes: list[validate.ValidationOutcome],
                    run_id: str, when: datetime, warn) -> Path | None:
    """GX Data Docs of the run's validation in <warehouse folder>/data_docs/ (index.html),
    rendered in a detached process by default (kzwatch.data_docs). They are a view of
    raw.validation_results: failing to write them only warns."""
    t0 = time.perf_counter()
    try:
        index, earlier = data_docs.publish(data_docs.site_dir(wh),
                                           [o.docs_result for o in outcomes], run_id, when,
                                           settings.data_docs)
    except Exception as exc:  # noqa: BLE001 - never fail a run over its Data Docs
        warn(f"Data Docs were not written: {type(exc).__name__}: {exc}")
        return None
    for message in earlier:
        warn(message)
    if index is not None:
        get_run_logger().info("Data Docs: %s (%s, %.2f s)", index, settings.data_docs,
                              time.perf_counter() - t0)
    return index


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
      task_runner=ThreadPoolTaskRunner(max_workers=FLOW_WORKERS))
def kzwatch_etl(documents: str | None = None, warehouse_file: str | None = None,
                keep: int | None = None, allow_mass_removal: bool | None = None) -> dict:
    """Build and publish a validated warehouse snapshot from a folder of documents."""
    settings = get_settings(documents=documents, warehouse=warehouse_file, keep=keep,
                            allow_mass_removal=allow_mass_removal)
    run_id, started = new_run_id(), datetime.now(UTC)
    folder, wh = Path(settings.documents), Path(settings.warehouse)
    staging.use_system_allocator()  # staged tables read back don't stay in Arrow's pool
    # the flow run is tagged, its task runs are not: Prefect asks the server for concurrency
    # slots of every tag a task run carries before starting it, and those calls (queued
    # behind the run's logs and events) held extraction batches back by up to 2 s each: about
    # 3 s of the 10 s a 960-document build took
    labels = run_tags(folder, wh)
    _update_flow_run(get_run_logger(), tags=sorted({*(flow_run.tags or []), *labels}))
    with _signals_noted() as received:
        try:
            preflight(folder, wh)
            with warehouse.run_lock(wh):  # a second run stops here at once (WarehouseBusy)
                try:
                    _remove_stale_staging(wh, run_id)
                    return _run(settings, run_id, started)
                finally:
                    warehouse.remove_snapshot(wh, run_id)  # no-op once published
                    _remove_staging(wh, run_id)
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


def _remove_stale_staging(wh: Path, run_id: str) -> None:
    """Staging folders that killed runs left (the run lock is held: none is in use)."""
    for path in staging.remove_stale(wh, run_id):
        get_run_logger().info("removed %s, left by a run that was killed", path.name)


def _remove_staging(wh: Path, run_id: str) -> None:
    """The run's staging folder goes when it ends, published or failed; failing to remove it
    only warns (the next run removes it)."""
    path = staging.staging_dir(wh, run_id)
    if not staging.remove(path):
        get_run_logger().warning("could not remove the staging folder %s; the next run will",
                                 path)


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


def extract_all(settings, folder: Path, batches: list[list[str]], run_id: str,
                stage: Path) -> list[staging.StagedBatch]:
    """Every batch submitted to the flow's task runner at once. Each batch's rows are written
    to the run's staging folder `stage` as soon as it finishes, in whatever order the batches
    finish, and dropped from memory (kzwatch.staging): the flow keeps the small summaries,
    returned in batch order, and reads the rows back in batch order (the files are named by
    batch number), so the run's rows come out the same every time.

    A failed batch fails the run, and so does a staging folder that can't be written (a full
    disk); the batches not started yet are not started at all."""
    futures = {extract_batch.with_options(**task_options(settings, io=True, documents=len(b)))
               .submit(folder, b, settings.max_document_bytes, run_id,
                       settings.document_timeout_seconds or None, batch=no): no
               for no, b in enumerate(batches, 1)}
    staged: dict[int, staging.StagedBatch] = {}
    try:
        for future in as_completed(list(futures)):
            no = futures[future]
            label = f"extract-batch-{no} ({_batch_label(batches[no - 1])})"
            try:
                result = future.result()
            except Exception as exc:
                raise BatchFailed(f"{label} failed, nothing was published: "
                                  f"{type(exc).__name__}: {exc}") from exc
            staged[no] = stage_batch(stage, no, result, label)
    except BaseException:
        for other in futures:
            getattr(other, "wrapped_future", other).cancel()
        raise
    finally:
        pipeline.WORKERS.close()  # the extraction processes kept between this run's batches
    return [staged[no] for no in sorted(staged)]


def stage_batch(stage: Path, no: int, result: pipeline.ExtractedBatch,
                label: str) -> staging.StagedBatch:
    """Write a finished batch's rows to the staging folder and drop them from memory (the
    batch object itself may stay referenced by its Prefect future: its rows are emptied)."""
    try:
        summary = staging.stage_batch(stage, no, result)
    except OSError as exc:
        raise StagingFailed(f"the rows of {label} could not be written to the staging "
                            f"folder {stage}, nothing was published: "
                            f"{exc.strerror or exc}") from exc
    finally:
        result.rows.clear()
    return summary


@flow(name="kzwatch-extract-on-dask", flow_run_name="extract on dask · {run_id}")
def extract_on_dask(folder: Path, batches: list[list[str]], run_id: str, stage: Path
                    ) -> list[staging.StagedBatch]:
    """The extraction batches on a Dask cluster (a subflow with prefect-dask's task runner;
    the settings come from the environment, as the parent run's do). The results come back
    to this process, which stages them as they arrive, as on threads."""
    return extract_all(get_settings(), folder, batches, run_id, stage)


def use_dask(settings) -> bool:
    """Dask when asked for (`KZWATCH_ENGINE=dask`) or when a cluster is named
    (`KZWATCH_DASK_ADDRESS`). The default engine is the flow's thread pool over the budgeted
    extraction processes: on this 2-core machine a local Dask cluster costs seconds to start
    and a run of 80 documents takes several times longer (benchmarks/README.md)."""
    return settings.engine == "dask" or bool(settings.dask_address)


def extraction_workers(settings) -> int:
    """How many batches extract at once: the flow's threads, or the local Dask cluster's
    workers (KZWATCH_DASK_WORKERS, else one per core)."""
    if not use_dask(settings):
        return FLOW_WORKERS
    return settings.dask_workers or os.cpu_count() or 1


def dask_runner(settings):
    """prefect-dask's runner: the cluster at KZWATCH_DASK_ADDRESS, else a local cluster of one
    single-threaded worker process per core (KZWATCH_DASK_WORKERS), reporting to this run's
    Prefect API (a worker would otherwise start a temporary server of its own)."""
    import dask
    from prefect_dask import DaskTaskRunner

    if settings.dask_address:
        return DaskTaskRunner(address=settings.dask_address)
    # a worker process starts the budgeted extraction processes: it may not be a daemon
    dask.config.set({"distributed.worker.daemon": False})
    logging.getLogger("distributed").setLevel(logging.WARNING)  # not a line per worker event
    with get_client(sync_client=True) as client:
        api_url = str(client.api_url)
    return DaskTaskRunner(cluster_kwargs={
        "n_workers": extraction_workers(settings), "threads_per_worker": 1,
        "processes": True, "dashboard_address": ":0",
        "env": {"PREFECT_API_URL": api_url,
                **{k: os.environ[k] for k in ("PREFECT_HOME",) if k in os.environ}}})


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
    name = run_name(flow_run.scheduled_start_time or started, plan, settings.timezone)
    _update_flow_run(logger, name=name)
    logger.info("flow run renamed %r", name)
    for note in plan.notes():
        warn(note)
    pipeline.check_removals(plan, previous, settings.max_removed_share,
                            settings.allow_mass_removal)

    by_name = {fp.source_name: fp for fp in prints}
    doc_rows: list[dict] = []
    stage = staging.staging_dir(wh, run_id)  # removed by kzwatch_etl when the run ends
    batches = _batches(plan.extract, extraction_batch_size(
        len(plan.extract), settings.batch_size, extraction_workers(settings)))
    if batches and use_dask(settings):
        staged = extract_on_dask.with_options(task_runner=dask_runner(settings))(
            folder, batches, run_id, stage)
    else:
        staged = extract_all(settings, folder, batches, run_id, stage)
    for batch in staged:
        doc_rows += batch.documents
        warnings += batch.warnings
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

    # the snapshot's part that needs no rows is made while they are validated (DuckDB and
    # the copy of the published file leave the GIL to the validation)
    # (no time limit: Prefect could not enforce one in a worker thread, and says so)
    prepared = prepare_snapshot.with_options(
        **{**task_options(settings, io=False), "timeout_seconds": None}).submit(wh, run_id)
    try:
        outcomes, passed = validate_staged(settings, stage)
    finally:
        prepared.wait()  # never left writing when the run ends (its file is removed then)
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
                                        drop, {}, quarantined, validation, run_row,
                                        staged=stage, passed=passed)
    target = load.with_options(**io)(wh, changes)
    for message in changes.warnings:
        warn(message)
    for message in publish.with_options(**io)(target, wh, settings.keep, run_id,
                                              changes.failed_log_bytes):
        warn(message)
    # the Data Docs show the published validation results; drawn once the snapshot is
    # published, their process's start (GX's imports) does not take a core from the load
    write_data_docs(settings, wh, list(outcomes.values()), run_id, started, warn)
    for message in report.take_errors(wh):
        warn(message)
    report_page = None
    if settings.report != "off" and (plan.extract or plan.removed
                                     or not report_index(wh).exists()):
        try:  # the report is a view of what was published: failing to write it only warns
            report_page = write_report.with_options(**task_options(settings, io=False))(
                wh, run_id, settings.report)
        except Exception as exc:  # noqa: BLE001
            warn(f"the HTML report was not written: {type(exc).__name__}: {exc}")

    summary = {"run_id": run_id, "warehouse": str(wh), **{k: run_row[k] for k in (
        "documents_seen", "documents_new", "documents_changed", "documents_removed",
        "documents_unchanged", "documents_failed", "rows_quarantined")},
        "rows_loaded": changes.rows_loaded, "warnings": warnings,
        "seconds": round(time.perf_counter() - t0, 2), "plan": plan.summary(),
        "report": report_page and {"page": str(report_page), "mode": settings.report}}
    _publish_artifacts(summary, validation, plan, wh, quarantined)
    logger.info("published %s: %s; rows loaded %s; %d quarantined", wh, plan.summary(),
                changes.rows_loaded, len(quarantined))
    return summary


def validate_staged(settings, stage: Path
                    ) -> tuple[dict[str, validate.ValidationOutcome], dict[str, int]]:
    """Validate the staged rows one table at a time (the `validate_rows` task gets the table's
    DataFrame, read back from the staging folder). Returns the outcomes, without their passed
    rows, and how many rows of each table passed: loading reads those rows from the staging
    folder (warehouse.SnapshotChanges.staged), so only one table's rows are ever in memory."""
    check = validate_rows.with_options(**task_options(settings, io=False))
    outcomes, passed = {}, {}
    for table in RECORD_MODELS:
        outcome = outcomes[table] = check(table, staging.read_table(stage, table))
        passed[table] = len(outcome.passed)
        outcome.passed = outcome.passed.iloc[:0]
    return outcomes, passed


def report_index(wh: Path) -> Path:
    """The static HTML report's page (`kzwatch report` writes it beside the warehouse)."""
    return report.report_dir(wh) / "index.html"


def _md(value) -> str:
    """A value for a markdown table cell (one line, no column breaks)."""
    return " ".join(str(value).split()).replace("|", "\\|")


def _published_facts(wh: Path) -> dict:
    """What the published snapshot holds that an operator looks at next: findings by kind
    (when mart.findings exists), quarantined rows per table, the documents that failed and
    why. A snapshot that cannot be read gives {"error": ...}: an artifact never fails a run."""
    try:
        con = warehouse.connect_readonly(wh)
    except Exception as exc:  # noqa: BLE001
        return {"error": f"{type(exc).__name__}: {exc}"}
    try:
        has_findings = con.execute(
            "select count(*) from duckdb_views() where database_name = ? and "
            "schema_name = 'mart' and view_name = 'findings'",
            [warehouse.ALIAS]).fetchone()[0] > 0
        findings = con.execute("select kind, count(*) from mart.findings group by kind "
                               "order by kind").fetchall() if has_findings else None
        quarantine = dict(con.execute("select table_name, count(*) from core.quarantine "
                                      "group by table_name").fetchall())
        failed = con.execute("select source_name, coalesce(reason, '') from raw.documents "
                             "where status = 'error' order by source_name").fetchall()
    except Exception as exc:  # noqa: BLE001
        return {"error": f"{type(exc).__name__}: {exc}"}
    finally:
        con.close()
    return {"findings": findings, "quarantine": quarantine, "failed": failed}


def _file_link(label: str, path: Path, how: str) -> str:
    if path.is_file():
        return f"- {label}: [{path}]({path.resolve().as_uri()})"
    return f"- {label}: not built ({how})"


def _report_link(wh: Path) -> str:
    page = report_index(wh)
    if report.building(wh):
        return (f"- HTML report: [{page}]({page.resolve().as_uri()}) "
                "(being rebuilt in the background)")
    return _file_link("HTML report", page, "`make report` or `kzwatch report`")


def run_summary_markdown(summary: dict, wh: Path, quarantined: pd.DataFrame) -> str:
    """The `kzwatch-run-summary` artifact: the run's counts, where to read on (HTML report,
    Data Docs), findings by kind, quarantined rows per table, failed documents with reasons."""
    wh = Path(wh)
    lines = [f"# kzwatch run {summary['run_id']}\n", f"**{_md(summary['plan'])}** — "
             f"warehouse `{wh}`\n", "| measure | value |", "|---|---|"]
    lines += [f"| {k.replace('_', ' ')} | {_md(v)} |" for k, v in summary.items()
              if k not in ("warnings", "rows_loaded", "plan", "run_id", "warehouse", "report")]
    lines += [f"| rows loaded: {t} | {n} |" for t, n in summary["rows_loaded"].items()]
    lines += ["", "## Read on\n",
              _report_link(wh),
              _file_link("Data Docs (validation)", data_docs.site_dir(wh) / "index.html",
                         "see the run's warnings"),
              "", "(file:// links: open them in a browser on the machine that ran the flow)\n"]
    facts = _published_facts(wh)
    if "error" in facts:
        lines.append(f"The published warehouse could not be read: {_md(facts['error'])}\n")
        return "\n".join(lines)
    lines.append("## Findings (mart.findings)\n")
    if facts["findings"] is None:
        lines.append("mart.findings is not in this warehouse.\n")
    elif not facts["findings"]:
        lines.append("No findings.\n")
    else:
        lines += ["| kind | findings |", "|---|---|",
                  *(f"| {_md(k)} | {n} |" for k, n in facts["findings"]), ""]
    this_run = (quarantined["table_name"].value_counts().to_dict()
                if len(quarantined) and "table_name" in quarantined else {})
    lines.append("## Quarantined rows (core.quarantine)\n")
    tables = sorted(set(facts["quarantine"]) | set(this_run) | set(summary["rows_loaded"]))
    lines += ["| table | this run | in the warehouse |", "|---|---|---|",
              *(f"| {_md(t)} | {this_run.get(t, 0)} | {facts['quarantine'].get(t, 0)} |"
                for t in tables), ""]
    lines.append("## Documents that failed (raw.documents, status error)\n")
    if facts["failed"]:
        lines += ["| document | reason |", "|---|---|",
                  *(f"| `{_md(n)}` | {_md(r)} |" for n, r in facts["failed"])]
    else:
        lines.append("None.")
    return "\n".join(lines)


def _publish_artifacts(summary: dict, validation: pd.DataFrame, plan: pipeline.Plan,
                       wh: Path, quarantined: pd.DataFrame) -> None:
    create_markdown_artifact(key="kzwatch-run-summary",
                             markdown=run_summary_markdown(summary, wh, quarantined),
                             description="This run's counts; the report, Data Docs, findings, "
                                         "quarantine and failed documents of its snapshot")
    if len(validation):
        create_table_artifact(key="kzwatch-validation", table=validation.to_dict("records"),
                              description="Validation results of the GX suites' rules, one "
                                          "row per rule code")
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
