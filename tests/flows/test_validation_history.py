"""Validation that stays: raw.validation_results keeps every run's results, and each run
writes GX Data Docs beside the warehouse (<warehouse folder>/data_docs/index.html)."""
from __future__ import annotations

import pytest

from flows.etl import kzwatch_etl
from kzwatch import data_docs, validate
from tests.helpers import query

pytestmark = pytest.mark.usefixtures("prefect_harness")


def run(corpus, warehouse) -> dict:
    return kzwatch_etl(documents=str(corpus), warehouse_file=str(warehouse), keep=2)


def test_validation_results_keep_history_and_data_docs_show_the_run(corpus, tmp_path):
    wh = tmp_path / "wh" / "kzwatch.duckdb"
    first = run(corpus, wh)
    index = wh.parent / "data_docs" / "index.html"
    assert index == data_docs.site_dir(wh) / "index.html" and index.is_file()
    first_docs = index.read_text(encoding="utf-8")
    validated = [t for (t,) in query(
        wh, "select distinct \"table\" from raw.validation_results where run_id = ? "
            "and checked > 0 order by 1", [first["run_id"]])]
    assert len(validated) >= 3, validated  # the samples have surveys, cases, statistics...
    for table in validated:
        assert f"kzwatch.{table}" in first_docs, table
        pages = list((wh.parent / "data_docs" / "validations" / "kzwatch" / table).rglob(
            "*.html"))
        assert len(pages) == 1 and first["run_id"] in str(pages[0]), pages
    assert first["run_id"] in first_docs

    second = run(corpus, wh)  # unchanged documents: nothing validated, history kept
    assert second["documents_unchanged"] == first["documents_new"]
    rows = dict(query(wh, "select run_id, count(*) from raw.validation_results group by 1"))
    n_rules = sum(len(rules) for rules in validate.RULES.values())
    assert rows == {first["run_id"]: n_rules, second["run_id"]: n_rules}
    assert query(wh, "select sum(checked), bool_and(success) from raw.validation_results "
                     "where run_id = ?", [second["run_id"]]) == [(0, True)]
    assert query(wh, "select sum(checked) from raw.validation_results where run_id = ?",
                 [first["run_id"]])[0][0] > 0
    # the unchanged run validated nothing: the site still shows the last validation
    assert index.read_text(encoding="utf-8") == first_docs
    assert not [w for w in second["warnings"] if "Data Docs" in w]


def test_validation_data_docs_failure_only_warns(corpus, tmp_path):
    wh = tmp_path / "kzwatch.duckdb"
    (tmp_path / "data_docs").write_text("a file where the site's folder would go")
    summary = run(corpus, wh)
    assert summary["documents_new"] == 5 and sum(summary["rows_loaded"].values()) > 0
    assert [w for w in summary["warnings"] if w.startswith("Data Docs were not written")]
    assert query(wh, "select count(*) from raw.validation_results where run_id = ?",
                 [summary["run_id"]])[0][0] > 0


def test_data_docs_are_rendered_after_the_run_by_a_detached_process(corpus, tmp_path,
                                                                     monkeypatch):
    """The default: the run leaves its results pending and returns; a renderer of its own
    (python -m kzwatch.data_docs) draws them, and a later run reports a renderer's failure."""
    monkeypatch.setenv("KZWATCH_DATA_DOCS", "background")
    wh = tmp_path / "wh" / "kzwatch.duckdb"
    site = data_docs.site_dir(wh)
    summary = run(corpus, wh)
    assert data_docs.wait_until_rendered(site, timeout=120)
    html = (site / "index.html").read_text(encoding="utf-8")
    assert summary["run_id"] in html and "kzwatch.case_mentions" in html
    assert not list((site / ".pending").glob("*.json"))

    # a renderer that cannot draw (a pending run whose results GX cannot read) leaves an
    # error, which the next run that validates rows reports as a warning
    (site / ".pending" / "20000101T000000000000Z.json").write_text(
        '{"run_id": "20000101T000000000000Z", "run_time": "2000-01-01T00:00:00+00:00", '
        '"results": [{"suite_name": "kzwatch.statistics"}]}', encoding="utf-8")
    assert data_docs.main([str(site)]) == 1
    (corpus / "new.txt").write_text("On 3 March 2021 about 200 people rallied in Almaty.",
                                    encoding="utf-8")
    second = run(corpus, wh)
    assert [w for w in second["warnings"]
            if w.startswith("Data Docs of run 20000101T000000000000Z were not written")]
    assert data_docs.wait_until_rendered(site, timeout=120)
    assert second["run_id"] in (site / "index.html").read_text(encoding="utf-8")
