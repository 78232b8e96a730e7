"""The `kzwatch-etl` flow: discover -> read -> clean -> extract -> validate -> load -> publish.

Tasks are thin wrappers around kzwatch.* and work on batches of documents (per-task overhead
is milliseconds; thousands of task runs would swamp the server).
"""
from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.runtime import flow_run

from kzwatch import pipeline, reading, validate, warehouse
from kzwatch.settings import get_settings
from models.records import RECORD_MODELS
from models.tables import CONTRACT_TABLES
from models.tables import documents as documents_table


def _batches(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


@task(name="discover")
def discover(folder: Path, patterns: tuple[str, ...]) -> list[str]:
    return reading.discover(folder, patterns)


@task(name="fingerprint-batch")
def fingerprint_batch(folder: Path, names: list[str], max_bytes: int) -> list[pipeline.Fingerprint]:
    return [pipeline.fingerprint(folder, name, max_bytes) for name in names]


@task(name="read-clean-extract-batch")
def extract_batch(folder: Path, names: list[str], max_bytes: int,
                  run_id: str) -> pipeline.ExtractedBatch:
    batch = pipeline.extract_documents(folder, names, max_bytes, run_id)
    logger = get_run_logger()
    for warning in batch.warnings:
        logger.warning(warning)
    return batch


@task(name="validate")
def validate_rows(table: str, rows: list[dict]) -> validate.ValidationOutcome:
    columns = [c.name for c in CONTRACT_TABLES[table].columns] + ["_evidence_grounded"]
    df = pd.DataFrame(rows, columns=columns)
    return validate.validate_table(table, df)


@task(name="load")
def load(warehouse_path: Path, changes: warehouse.SnapshotChanges) -> Path:
    return warehouse.build_snapshot(warehouse_path, changes)


@task(name="publish")
def publish(target: Path, warehouse_path: Path, keep: int, run_id: str) -> None:
    warehouse.publish(target, warehouse_path, keep, run_id)


def new_run_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


@flow(name="kzwatch-etl", log_prints=True)
def kzwatch_etl(documents: str | None = None, warehouse_file: str | None = None,
                keep: int | None = None) -> dict:
    """Build and publish a validated warehouse snapshot from a folder of documents."""
    settings = get_settings(documents=documents, warehouse=warehouse_file, keep=keep)
    run_id, started = new_run_id(), datetime.now(UTC)
    try:
        return _run(settings, run_id, started)
    except Exception as exc:
        # the published snapshot is untouched; the next snapshot's raw.pipeline_runs says so
        warehouse.record_failed_run(Path(settings.warehouse), {
            "run_id": run_id, "flow_run_id": str(flow_run.get_id() or "") or None,
            "started_at": started.isoformat(), "ended_at": datetime.now(UTC).isoformat(),
            "outcome": f"failed: {type(exc).__name__}: {exc}"[:500]})
        raise


def _run(settings, run_id: str, started: datetime) -> dict:
    logger = get_run_logger()
    t0 = time.perf_counter()
    folder, wh = Path(settings.documents), Path(settings.warehouse)
    version = pipeline.parser_version()

    names = discover(folder, settings.patterns)
    prints = [fp for batch in _batches(names, max(settings.batch_size * 8, 1))
              for fp in fingerprint_batch(folder, batch, settings.max_document_bytes)]
    previous = warehouse.read_previous_documents(wh)
    plan = pipeline.make_plan(prints, previous, version)
    logger.info("plan: %s", plan.summary())

    by_name = {fp.source_name: fp for fp in prints}
    doc_rows: list[dict] = []
    rows: dict[str, list[dict]] = {t: [] for t in RECORD_MODELS}
    warnings: list[str] = []
    for batch in _batches(plan.extract, settings.batch_size):
        result = extract_batch(folder, batch, settings.max_document_bytes, run_id)
        doc_rows += result.documents
        warnings += result.warnings
        for table, recs in result.rows.items():
            rows[table] += recs
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

    outcomes = {t: validate_rows(t, recs) for t, recs in rows.items()}
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
                                        drop, passed, quarantined, validation, run_row)
    target = load(wh, changes)
    publish(target, wh, settings.keep, run_id)

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
