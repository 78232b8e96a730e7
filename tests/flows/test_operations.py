"""What an operator sees and relies on in the Prefect UI (issue 13): run and task names, tags,
retries, time limits, a failing batch. Real runs under the session harness, checked through
the Prefect client."""
from __future__ import annotations

import hashlib
import re
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from prefect import get_client
from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

import flows.etl
from flows.etl import kzwatch_etl, task_options
from kzwatch import pipeline, reading, warehouse
from kzwatch.settings import Settings
from models.records import RECORD_MODELS
from tests.helpers import query

pytestmark = pytest.mark.usefixtures("prefect_harness")


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch):
    monkeypatch.setenv("KZWATCH_TASK_RETRY_DELAY_SECONDS", "0")


def run(corpus: Path, wh: Path):
    """The flow's final state (it is not raised)."""
    return kzwatch_etl(documents=str(corpus), warehouse_file=str(wh), keep=2,
                       return_state=True)


def flow_run_of(state):
    with get_client(sync_client=True) as client:
        return client.read_flow_run(state.state_details.flow_run_id)


def task_runs_of(state) -> dict[str, object]:
    with get_client(sync_client=True) as client:
        runs = client.read_task_runs(flow_run_filter=FlowRunFilter(
            id=FlowRunFilterId(any_=[state.state_details.flow_run_id])))
    named = {r.name: r for r in runs}
    assert len(named) == len(runs), sorted(r.name for r in runs)  # no two runs share a name
    return named


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_flow_run_renamed_from_its_plan_and_every_task_run_named(corpus, tmp_path,
                                                                  monkeypatch):
    monkeypatch.setenv("KZWATCH_BATCH_SIZE", "2")
    monkeypatch.setattr(flows.etl, "BATCHES_PER_WORKER", 1)  # 2 + 2 + 1, not 1 doc each
    wh = tmp_path / "kzwatch.duckdb"
    state = run(corpus, wh)
    assert state.is_completed(), state
    fr = flow_run_of(state)
    when = fr.expected_start_time.astimezone(ZoneInfo("Asia/Almaty"))
    assert fr.name == f"kzwatch {when:%Y-%m-%d %H:%M} · 5 new"

    names = sorted(p.name for p in corpus.iterdir())
    tasks = task_runs_of(state)
    expected = {"discover", "fingerprint-batch-1", "prepare-snapshot", "load", "publish",
                f"extract-batch-1 (2 docs: {names[0]} … {names[1]})",
                f"extract-batch-2 (2 docs: {names[2]} … {names[3]})",
                f"extract-batch-3 (1 doc: {names[4]})",
                *(f"validate-{table}" for table in RECORD_MODELS)}
    assert set(tasks) == expected
    assert "validate-case_mentions" in tasks

    labels = {f"documents:{corpus}", f"warehouse:{wh}"}
    assert labels <= set(fr.tags)
    # task runs carry no tags: a tagged task run asks the server for concurrency slots first
    assert all(not t.tags for t in tasks.values())

    again = run(corpus, wh)
    assert flow_run_of(again).name.endswith(" · no changes (5 unchanged)")


def test_io_tasks_retry_with_backoff_and_the_others_do_not(corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("KZWATCH_TASK_RETRIES", "3")
    state = run(corpus, tmp_path / "kzwatch.duckdb")
    assert state.is_completed(), state
    tasks = task_runs_of(state)
    for name in ("discover", "fingerprint-batch-1", "load", "publish"):
        assert tasks[name].empirical_policy.retries == 3, name
    extract = next(t for n, t in tasks.items() if n.startswith("extract-batch-1 "))
    assert extract.empirical_policy.retries == 3
    assert tasks["validate-indicators"].empirical_policy.retries == 0
    options = task_options(Settings(task_retries=3, task_retry_delay_seconds=10), io=True)
    assert options["retry_delay_seconds"] == [10, 20, 40]


def test_a_retried_load_and_publish_publish_once(corpus, tmp_path, monkeypatch):
    """An I/O error after the build and after the rename: both tasks run again and the
    warehouse ends as if nothing had happened (one run recorded, one history link)."""
    wh = tmp_path / "kzwatch.duckdb"
    assert run(corpus, wh).is_completed()
    thesis = max(corpus.iterdir(), key=lambda p: p.stat().st_size)
    with thesis.open("a", encoding="utf-8") as fh:
        fh.write("\nA new line makes this a changed document.\n")
    real_build, real_publish = warehouse.build_snapshot, warehouse.publish
    calls = {"build": 0, "publish": 0}

    def flaky_build(*args, **kwargs):
        calls["build"] += 1
        target = real_build(*args, **kwargs)
        if calls["build"] == 1:
            raise OSError(5, "Input/output error (injected after the build)")
        return target

    def flaky_publish(*args, **kwargs):
        calls["publish"] += 1
        warnings = real_publish(*args, **kwargs)
        if calls["publish"] == 1:
            raise OSError(5, "Input/output error (injected after the rename)")
        return warnings

    monkeypatch.setattr(warehouse, "build_snapshot", flaky_build)
    monkeypatch.setattr(warehouse, "publish", flaky_publish)
    state = run(corpus, wh)
    assert state.is_completed(), state
    assert calls == {"build": 2, "publish": 2}
    tasks = task_runs_of(state)
    assert tasks["load"].run_count == 2 and tasks["publish"].run_count == 2
    assert query(wh, "select documents_changed, outcome from raw.pipeline_runs "
                     "order by started_at") == [(0, "completed"), (1, "completed")]
    assert len(list((tmp_path / "history").glob("*.duckdb"))) == 1
    assert not list(tmp_path.glob(".kzwatch.duckdb.*.building*"))


def test_a_failing_batch_fails_the_run_and_publishes_nothing(corpus, tmp_path, monkeypatch):
    wh = tmp_path / "kzwatch.duckdb"
    assert run(corpus, wh).is_completed()
    published = sha(wh)
    changed = sorted(corpus.iterdir())[:3]
    for path in changed:
        with path.open("a", encoding="utf-8") as fh:
            fh.write("\nA new line makes this a changed document.\n")
    real = pipeline.extract_documents

    def broken(folder, names, *args, **kwargs):
        if changed[1].name in names:
            raise ValueError("extractor bug (injected)")
        return real(folder, names, *args, **kwargs)

    monkeypatch.setattr(pipeline, "extract_documents", broken)
    monkeypatch.setenv("KZWATCH_BATCH_SIZE", "1")
    state = run(corpus, wh)
    assert state.is_failed(), state
    assert f"extract-batch-2 (1 doc: {changed[1].name}) failed" in state.message
    assert "nothing was published" in state.message
    tasks = task_runs_of(state)
    assert tasks[f"extract-batch-2 (1 doc: {changed[1].name})"].state.is_failed()
    assert tasks[f"extract-batch-2 (1 doc: {changed[1].name})"].run_count == 1  # a bug: no retry
    assert "load" not in tasks and "publish" not in tasks
    assert sha(wh) == published
    assert not list(tmp_path.glob(".kzwatch.duckdb.*.building*"))
    assert query(wh, "select count(*) from raw.pipeline_runs") == [(1,)]
    # the next run records the failure and publishes the three changes
    monkeypatch.setattr(pipeline, "extract_documents", real)
    assert run(corpus, wh).is_completed()
    outcomes = [r[0] for r in query(wh, "select outcome from raw.pipeline_runs "
                                        "order by started_at")]
    assert outcomes[1].startswith("failed: BatchFailed: extract-batch-2") and \
        outcomes[2] == "completed"


def test_the_settings_task_timeout_reaches_the_tasks(corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("KZWATCH_TASK_TIMEOUT_SECONDS", "2")
    real = reading.discover_all

    def hung(*args, **kwargs):  # a hung network mount
        for _ in range(1200):
            time.sleep(0.05)
        return real(*args, **kwargs)

    monkeypatch.setattr(reading, "discover_all", hung)
    wh = tmp_path / "kzwatch.duckdb"
    t0 = time.monotonic()
    state = run(corpus, wh)
    assert time.monotonic() - t0 < 40
    assert state.is_failed(), state
    discover = task_runs_of(state)["discover"]
    assert discover.state.name == "TimedOut" and discover.run_count == 1  # not retried
    assert re.search(r"timeout of 2(\.0)? second", discover.state.message), discover.state
    assert not wh.exists()


def test_an_extraction_batch_is_bounded_by_its_documents_budgets_not_a_task_timeout():
    settings = Settings(task_timeout_seconds=60, document_timeout_seconds=10)
    assert task_options(settings, io=True, documents=3)["timeout_seconds"] is None
    no_budget = Settings(task_timeout_seconds=60, document_timeout_seconds=0)
    assert task_options(no_budget, io=True, documents=3)["timeout_seconds"] == 60
    assert task_options(settings, io=False)["timeout_seconds"] == 60
    assert task_options(Settings(task_timeout_seconds=0), io=False)["timeout_seconds"] is None
    assert "retries" not in task_options(settings, io=False)
    assert flows.etl.run_name(
        __import__("datetime").datetime(2026, 12, 4, 1, 0, tzinfo=ZoneInfo("UTC")),
        None, "Asia/Almaty") == "kzwatch 2026-12-04 06:00"
