"""Great Expectations suites: each rule has a code; a failing row is quarantined with it."""
import json

import pandas as pd
import pytest

from kzwatch.validate import RULES, build_suite, validate_table
from models.tables import CONTRACT_TABLES


def survey_row(**over):
    row = {"record_id": "r1", "document_id": "d1", "source_name": "a.txt", "evidence": "Yes 5 50 %",
           "evidence_start": 0, "evidence_end": 10, "survey_id": "s", "question_no": 1,
           "question_text": "Q?", "option_no": 1, "option_text": "Yes", "responses": 5,
           "pct_reported": 50.0, "n_respondents": 10, "_evidence_grounded": True}
    row.update(over)
    return row


def frame(table, rows):
    cols = [c.name for c in CONTRACT_TABLES[table].columns] + ["_evidence_grounded"]
    return pd.DataFrame(rows, columns=cols)


@pytest.mark.parametrize("table", sorted(RULES))
def test_every_rule_has_a_unique_code_and_builds(table):
    codes = [r.code for r in RULES[table]]
    assert len(codes) == len(set(codes))
    suite = build_suite(table)
    assert [e.meta["rule_code"] for e in suite.expectations] == codes


def test_good_rows_pass_and_bad_rows_are_quarantined_with_their_rule_code():
    rows = [survey_row(),
            survey_row(record_id="r2", option_no=2, pct_reported=150.0),
            survey_row(record_id="r3", option_no=3, _evidence_grounded=False),
            survey_row(record_id="r4", option_no=4, responses=-1)]
    out = validate_table("survey_results", frame("survey_results", rows))
    assert list(out.passed["record_id"]) == ["r1"]
    codes = dict(zip(out.quarantined["record_id"], out.quarantined["rule_code"], strict=True))
    assert codes == {"r2": "SURV-001", "r3": "EVID-003", "r4": "SURV-002"}
    assert json.loads(out.quarantined.iloc[0]["record"])["record_id"] == "r2"
    assert "_evidence_grounded" not in out.passed.columns
    failed = {r["rule_code"] for r in out.results if not r["success"]}
    assert failed == {"SURV-001", "EVID-003", "SURV-002"}


def test_vocabularies_are_enforced_for_indicators_and_case_charges():
    ind = frame("indicators", [{
        "record_id": "i1", "document_id": "d", "source_name": "a", "evidence": "x",
        "evidence_start": 0, "evidence_end": 1, "indicator": "gdp", "entity": "Kazakhstan",
        "period": "2023", "value": 1.0, "unit": "score", "_evidence_grounded": True}])
    assert validate_table("indicators", ind).quarantined["rule_code"].tolist() == ["IND-001"]
    case = frame("case_mentions", [{
        "record_id": "c1", "document_id": "d", "source_name": "a", "evidence": "x",
        "evidence_start": 0, "evidence_end": 1, "person_name": "A B", "case_no": 1,
        "charges": ["bribe_taking", "jaywalking"], "_evidence_grounded": True}])
    assert validate_table("case_mentions", case).quarantined["rule_code"].tolist() == ["CASE-010"]


def test_empty_batch_passes_through():
    out = validate_table("statistics", frame("statistics", []))
    assert out.passed.empty and out.quarantined.empty and out.docs_result is None
    # every rule is recorded as checked on 0 rows (raw.validation_results has each run's)
    assert [r["rule_code"] for r in out.results] == [r.code for r in RULES["statistics"]]
    assert {(r["success"], r["unexpected"], r["checked"]) for r in out.results} == {(True, 0, 0)}


def _strict_json(text):
    def refuse(constant):
        raise ValueError(f"not JSON: {constant}")
    return json.loads(text, parse_constant=refuse)


def test_quarantined_record_is_valid_deterministic_json_whatever_the_dtypes():
    bad = survey_row(record_id="r2", option_no=2, responses=-1, pct_reported=None,
                     question_text=None)
    # with a good row beside it pandas makes pct_reported float64 (NaN); alone, object (None)
    mixed = validate_table("survey_results", frame("survey_results", [survey_row(), bad]))
    alone = validate_table("survey_results", frame("survey_results", [bad]))
    records = [out.quarantined.set_index("record_id").loc["r2", "record"]
               for out in (mixed, alone)]
    assert records[0] == records[1]
    parsed = _strict_json(records[0])
    assert parsed["pct_reported"] is None and parsed["question_text"] is None
    assert parsed["responses"] == -1 and list(parsed) == sorted(parsed)


def test_a_misprinted_share_is_quarantined_not_its_whole_table_dropped(tmp_path):
    """A survey table with one share over 100 % ("150.0 %"): its rows are extracted, and
    validation quarantines that one with its rule code (issue 12: no silent drop)."""
    from kzwatch import pipeline

    (tmp_path / "poll.txt").write_text(
        "Annex. Poll results.\n\n1. Do you trust the courts?\nAnswer | Responses | %\n"
        "Fully | 30 | 150.0%\nPartly | 110 | 45.8%\nNot at all | 100 | 41.7%\n",
        encoding="utf-8")
    _, rows, _ = pipeline.extract_one(tmp_path, "poll.txt", 10**6, "run", "v")
    out = validate_table("survey_results", frame("survey_results", rows["survey_results"]))
    assert sorted(out.passed["option_text"]) == ["Not at all", "Partly"]
    assert list(out.quarantined["rule_code"].str.contains("SURV-001")) == [True]
    assert "Fully" in out.quarantined["record"].iloc[0]
