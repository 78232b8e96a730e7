"""Extraction on Dask (issue 9, item 2): with KZWATCH_ENGINE=dask the batches run in a
subflow on a real local cluster of two worker processes (prefect-dask), and the warehouse
holds the same rows as with the default engine."""
from __future__ import annotations

import pytest
from prefect import get_client
from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterParentFlowRunId

import flows.etl
from flows.etl import kzwatch_etl
from tests.helpers import table_contents

pytestmark = [pytest.mark.usefixtures("prefect_harness"), pytest.mark.slow]


def test_dask_engine_builds_the_same_warehouse_on_two_workers(corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("KZWATCH_BATCH_SIZE", "2")  # 5 samples: three batches, two workers
    monkeypatch.setattr(flows.etl, "BATCHES_PER_WORKER", 1)
    threads = tmp_path / "threads" / "kzwatch.duckdb"
    kzwatch_etl(documents=str(corpus), warehouse_file=str(threads))

    monkeypatch.setenv("KZWATCH_ENGINE", "dask")
    monkeypatch.setenv("KZWATCH_DASK_WORKERS", "2")
    on_dask = tmp_path / "dask" / "kzwatch.duckdb"
    state = kzwatch_etl(documents=str(corpus), warehouse_file=str(on_dask), return_state=True)
    assert state.is_completed(), state
    assert table_contents(on_dask) == table_contents(threads)

    with get_client(sync_client=True) as client:
        [sub] = client.read_flow_runs(flow_run_filter=FlowRunFilter(
            parent_flow_run_id=FlowRunFilterParentFlowRunId(
                any_=[state.state_details.flow_run_id])))
        assert sub.name.startswith("extract on dask · ") and sub.state.is_completed()
        tasks = client.read_task_runs(flow_run_filter=FlowRunFilter(id={"any_": [sub.id]}))
    names = sorted(t.name for t in tasks)
    assert [n.split(" ")[0] for n in names] == ["extract-batch-1", "extract-batch-2",
                                                "extract-batch-3"], names
    assert all(t.state.is_completed() for t in tasks)


def test_an_existing_cluster_at_dask_address_runs_the_batches(corpus, tmp_path, monkeypatch):
    """A cluster started elsewhere (its workers daemons, as Dask starts them by default): the
    documents are read there without a per-document budget, and the rows are the same."""
    from distributed import LocalCluster

    threads = tmp_path / "threads" / "kzwatch.duckdb"
    kzwatch_etl(documents=str(corpus), warehouse_file=str(threads))
    with get_client(sync_client=True) as client:
        api_url = str(client.api_url)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=":0", env={"PREFECT_API_URL": api_url}) as cluster:
        monkeypatch.setenv("KZWATCH_DASK_ADDRESS", cluster.scheduler_address)
        elsewhere = tmp_path / "elsewhere" / "kzwatch.duckdb"
        state = kzwatch_etl(documents=str(corpus), warehouse_file=str(elsewhere),
                            return_state=True)
    assert state.is_completed(), state
    assert table_contents(elsewhere) == table_contents(threads)
