"""The run summary artifact leads on (issue 13): links to the HTML report and the Data Docs,
findings by kind, quarantined rows per table, failed documents with their reasons. Real runs
under the session harness; the artifact is read back through the Prefect client."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from prefect import get_client
from prefect.client.schemas.filters import (
    ArtifactFilter,
    ArtifactFilterKey,
    FlowRunFilter,
    FlowRunFilterId,
)

from flows.etl import kzwatch_etl, report_index
from kzwatch import data_docs
from kzwatch import report as html_report
from tests.helpers import query

pytestmark = pytest.mark.usefixtures("prefect_harness")


def summary_of(state) -> str:
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["kzwatch-run-summary"])),
            flow_run_filter=FlowRunFilter(
                id=FlowRunFilterId(any_=[state.state_details.flow_run_id])))
    assert len(artifacts) == 1, artifacts
    assert artifacts[0].type == "markdown"
    return artifacts[0].data


def test_the_run_summary_links_the_reports_and_lists_findings_quarantine_and_failures(
        corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("KZWATCH_MAX_DOCUMENT_BYTES", "400000")  # the samples are smaller
    monkeypatch.setenv("KZWATCH_REPORT", "false")  # the first run writes no HTML report
    (corpus / "zz_scan.txt").write_bytes(b"x" * 400_001)
    wh = tmp_path / "out" / "kzwatch.duckdb"
    state = kzwatch_etl(documents=str(corpus), warehouse_file=str(wh), return_state=True)
    assert state.is_completed(), state
    text = summary_of(state)

    assert "| documents seen | 6 |" in text and "| documents failed | 1 |" in text, text
    docs = data_docs.site_dir(wh) / "index.html"
    assert docs.is_file()
    assert f"- Data Docs (validation): [{docs}]({docs.resolve().as_uri()})" in text, text
    assert "- HTML report: not built (`make report` or `kzwatch report`)" in text, text

    findings = query(wh, "select kind, count(*) from mart.findings group by kind order by kind")
    assert findings, "the samples have findings"
    section = text.split("## Findings (mart.findings)")[1].split("## ")[0]
    assert re.findall(r"^\| (\w+) \| (\d+) \|$", section, re.M) == [
        (k, str(n)) for k, n in findings], section

    quarantine = dict(query(wh, "select table_name, count(*) from core.quarantine "
                                "group by table_name"))
    section = text.split("## Quarantined rows (core.quarantine)")[1].split("## ")[0]
    rows = {t: (int(a), int(b)) for t, a, b in
            re.findall(r"^\| (\w+) \| (\d+) \| (\d+) \|$", section, re.M)}
    assert {"case_mentions", "survey_results"} <= set(rows), section
    assert {t: b for t, (_, b) in rows.items() if b} == quarantine
    assert all(a == b for a, b in rows.values())  # first run: the run's are the warehouse's

    section = text.split("## Documents that failed")[1]
    assert "| `zz_scan.txt` | too large: 400001 bytes > limit" in section, section

    # a run that writes the report links it in its summary; nothing failed any more
    monkeypatch.setenv("KZWATCH_REPORT", "inline")
    report = report_index(wh)
    (corpus / "zz_scan.txt").unlink()
    again = summary_of(kzwatch_etl(documents=str(corpus), warehouse_file=str(wh),
                                   return_state=True))
    assert f"- HTML report: [{report}]({Path(report).resolve().as_uri()})" in again, again
    assert again.split("## Documents that failed")[1].strip().endswith("None."), again
    assert "Overview" in report.read_text(encoding="utf-8")


def test_the_report_is_built_after_the_run_by_a_detached_process(corpus, tmp_path, monkeypatch):
    """The default (KZWATCH_REPORT=background, also what `true` means): the run starts the
    build (python -m kzwatch.report) and returns; the summary says so; a build that fails
    leaves its reason, which the next run reports as a warning."""
    monkeypatch.setenv("KZWATCH_REPORT", "true")
    wh = tmp_path / "wh" / "kzwatch.duckdb"
    page = report_index(wh)
    state = kzwatch_etl(documents=str(corpus), warehouse_file=str(wh), return_state=True)
    summary = state.result()
    assert summary["report"] == {"page": str(page), "mode": "background"}
    text = summary_of(state)
    assert html_report.wait_until_built(wh, timeout=120)
    assert "Overview" in page.read_text(encoding="utf-8")
    assert f"- HTML report: [{page}]" in text, text
    assert not (page.parent / html_report.ERROR).exists()

    # a build that cannot write its pages (a folder where the overview page goes)
    page.unlink()
    page.mkdir()
    (corpus / "new.txt").write_text("On 3 March 2021 about 200 people rallied in Almaty.",
                                    encoding="utf-8")
    second = kzwatch_etl(documents=str(corpus), warehouse_file=str(wh))
    assert html_report.wait_until_built(wh, timeout=120)
    assert "IsADirectoryError" in (page.parent / html_report.ERROR).read_text(encoding="utf-8")
    assert not [w for w in second["warnings"] if "HTML report" in w]
    page.rmdir()
    (corpus / "new.txt").unlink()
    third = kzwatch_etl(documents=str(corpus), warehouse_file=str(wh))
    assert [w for w in third["warnings"]
            if w.startswith("the HTML report was not written after the previous run: "
                            "IsADirectoryError")], third["warnings"]
    assert html_report.wait_until_built(wh, timeout=120)
    assert "Overview" in page.read_text(encoding="utf-8")
