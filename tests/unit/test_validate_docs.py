"""kzwatch.validate: results of empty batches, and GX Data Docs written as a static site."""
from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd

from kzwatch import data_docs, validate

STAT_ROWS = pd.DataFrame({
    "record_id": ["r1", "r2"], "document_id": ["d1", "d1"], "source_name": ["a.txt", "a.txt"],
    "subject": ["protesters", "officials"], "metric": ["detained", "no-such-metric"],
    "value": [12.0, 3.0], "period": ["2022", "2022-01"],
    "evidence": ["12 protesters were detained", "3 officials"], "_evidence_grounded": [True, True]})


def _key(rows):
    return sorted((r["rule_code"], r["expectation"], r["column"]) for r in rows)


def test_empty_batch_results_name_the_same_expectations_as_gx():
    checked = validate.validate_table("statistics", STAT_ROWS)
    empty = validate.validate_table("statistics", STAT_ROWS.iloc[:0])
    assert empty.docs_result is None and checked.docs_result is not None
    assert _key(empty.results) == _key(checked.results)
    assert {(r["success"], r["unexpected"], r["checked"]) for r in empty.results} == {(True, 0, 0)}
    assert len(checked.quarantined) == 1 and checked.quarantined["rule_code"][0] == "STAT-001"
    for table in validate.RULES:  # the snake_case names GX uses for every rule's class
        assert {r["expectation"] for r in validate.empty_results(table)} <= {
            "expect_column_values_to_not_be_null", "expect_column_values_to_be_unique",
            "expect_column_value_lengths_to_be_between", "expect_column_values_to_be_in_set",
            "expect_column_values_to_be_between", "expect_column_values_to_match_regex"}


def test_data_docs_show_the_last_run_that_validated_rows(tmp_path):
    site = data_docs.site_dir(tmp_path / "kzwatch.duckdb")
    assert site == tmp_path / "data_docs"
    outcome = validate.validate_table("statistics", STAT_ROWS)
    index, _ = data_docs.publish(site, [outcome.docs_result], "run-one",
                                 datetime(2026, 1, 1, tzinfo=UTC), "inline")
    assert index == site / "index.html"
    html = index.read_text(encoding="utf-8")
    assert "kzwatch.statistics" in html and "run-one" in html
    pages = list((site / "validations").rglob("*.html"))
    assert len(pages) == 1 and "run-one" in str(pages[0])
    assert "no-such-metric" in pages[0].read_text(encoding="utf-8")  # the failing value
    assert list((site / "expectations").rglob("statistics.html"))

    data_docs.publish(site, [outcome.docs_result], "run-two", datetime(2026, 1, 2, tzinfo=UTC),
                      "inline")
    html = index.read_text(encoding="utf-8")
    assert "run-two" in html and "run-one" not in html
    assert [p.parent.parent.name for p in (site / "validations").rglob("*.html")] == ["run-two"]

    empty = validate.validate_table("statistics", STAT_ROWS.iloc[:0])
    assert data_docs.publish(site, [empty.docs_result], "run-three",
                             datetime(2026, 1, 3, tzinfo=UTC), "inline") == (index, [])
    assert index.read_text(encoding="utf-8") == html  # nothing validated: the site stays
