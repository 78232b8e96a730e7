"""The deployment as a person runs it: real server, real prefect.yaml, a process worker.

One module-scoped stack (server in a temp PREFECT_HOME, `prefect deploy --all`, one run of
kzwatch-etl/scheduled on a copy of seeds/documents into a temp warehouse), then checks through
the API. Loopback only; about a minute on 2 cores.
"""
from __future__ import annotations

import re
import shutil
from uuid import UUID

import duckdb
import pytest

from flows import stack

pytestmark = pytest.mark.slow

@pytest.fixture(scope="module")
def deployed_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("prefect-stack")
    documents, warehouse = root / "documents", root / "warehouse" / "kzwatch.duckdb"
    shutil.copytree(stack.PROJECT_DIR / "seeds" / "documents", documents)
    home = root / "prefect-home"
    with stack.prefect_server(home, timeout=90) as api_url:
        env = stack.stack_env(home)
        stack.deploy(api_url, stack.PROJECT_DIR, env)
        run_env = dict(env, KZWATCH_DOCUMENTS=str(documents), KZWATCH_WAREHOUSE=str(warehouse))
        flow_run_id = stack.run_deployment_once(api_url, env=run_env, timeout=150)
        yield api_url, UUID(flow_run_id), warehouse, home


@pytest.fixture
def client(deployed_run):
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with (temporary_settings(updates={PREFECT_API_URL: deployed_run[0]}),
          get_client(sync_client=True) as c):
        yield c


def _worker_log(deployed_run) -> str:
    log = deployed_run[3] / "worker.log"
    return log.read_text(errors="replace")[-4000:] if log.exists() else ""


def test_deployment_has_almaty_cron_schedule(client):
    dep = client.read_deployment_by_name(stack.DEPLOYMENT)
    assert dep.work_pool_name == stack.POOL
    schedules = [s.schedule for s in dep.schedules if s.active]
    assert [(s.cron, s.timezone) for s in schedules] == [("0 7 * * *", "Asia/Almaty")]


def test_deployment_runs_one_at_a_time(client):
    dep = client.read_deployment_by_name(stack.DEPLOYMENT)
    assert dep.global_concurrency_limit is not None, dep
    assert dep.global_concurrency_limit.limit == 1
    assert str(dep.concurrency_options.collision_strategy).endswith("ENQUEUE")


def test_flow_run_completed(client, deployed_run):
    run = client.read_flow_run(deployed_run[1])
    assert run.state is not None and run.state.is_completed(), (
        f"{run.state}\n{_worker_log(deployed_run)}")
    assert run.name.startswith("kzwatch ") and run.name.endswith(" · 5 new"), run.name
    assert run.deployment_id == client.read_deployment_by_name(stack.DEPLOYMENT).id


def test_flow_run_has_the_pipeline_task_runs(client, deployed_run):
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    runs = client.read_task_runs(
        flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[deployed_run[1]])))
    names = {r.name for r in runs}
    assert {"discover", "fingerprint-batch-1", "load", "publish",
            "validate-case_mentions"} <= names, names
    # the five samples are split so that every core has a batch: "extract-batch-2 (1 doc: x)"
    sizes = [int(re.match(r"extract-batch-\d+ \((\d+) docs?: ", n).group(1))
             for n in names if n.startswith("extract-batch-")]
    assert len(sizes) >= 2 and sum(sizes) == 5, names
    assert all(r.state and r.state.is_completed() for r in runs)
    # the tasks that touch the disk retry (KZWATCH_TASK_RETRIES, default 2); the others do not
    by_name = {r.name: r for r in runs}
    for name in ("discover", "fingerprint-batch-1", "load", "publish"):
        assert by_name[name].empirical_policy.retries == 2, name
    assert by_name["validate-case_mentions"].empirical_policy.retries == 0


def test_artifacts_and_warehouse(client, deployed_run):
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    _, flow_run_id, warehouse, _ = deployed_run
    assert warehouse.exists(), _worker_log(deployed_run)
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        documents = con.execute("select count(*) from raw.documents").fetchone()[0]
        validation_rows = con.execute("select count(*) from raw.validation_results").fetchone()[0]
    finally:
        con.close()
    assert documents == len(list((stack.PROJECT_DIR / "seeds" / "documents").iterdir()))

    artifacts = client.read_artifacts(
        flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])))
    keys = {a.key for a in artifacts}
    expected = {"kzwatch-run-summary", "kzwatch-whats-new"}
    if validation_rows:
        expected.add("kzwatch-validation")
    assert expected <= keys, keys


def test_pull_step_is_portable_and_deploying_again_updates_in_place(client, deployed_run):
    """The stored pull step keeps the placeholder (each worker resolves its own
    KZWATCH_PROJECT_DIR), and a second `make serve` deploy updates the same deployment."""
    before = client.read_deployment_by_name(stack.DEPLOYMENT)
    stored = repr(before.pull_steps)
    assert str(stack.PROJECT_DIR) not in stored, stored
    assert "${KZWATCH_PROJECT_DIR:?" in stored and "{{ project-dir.stdout }}" in stored, stored
    stack.deploy(deployed_run[0], stack.PROJECT_DIR, stack.stack_env(deployed_run[3]))
    after = client.read_deployment_by_name(stack.DEPLOYMENT)
    assert after.id == before.id and after.pull_steps == before.pull_steps
    assert after.global_concurrency_limit is not None
    assert after.global_concurrency_limit.limit == 1
    assert [d.name for d in client.read_deployments()] == ["scheduled"]
    assert [p.name for p in client.read_work_pools()] == [stack.POOL]
