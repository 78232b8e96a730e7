"""The vectorised checks of kzwatch.validate find exactly the rows Great Expectations' own
validation finds, rule by rule, on frames built to break every rule of every table (missing
values, duplicates, values outside sets and ranges, lengths, regexes, mixed dtypes)."""
from __future__ import annotations

import random

import pandas as pd
import pytest

from kzwatch import staging, validate, vocab

TABLES = sorted(validate.RULES)


def _good_value(rule: validate.Rule):
    kw = rule.kwargs
    if rule.expectation == "ExpectColumnValuesToBeInSet":
        return kw["value_set"][0]
    if rule.expectation == "ExpectColumnValuesToBeBetween":
        return kw["min_value"]
    if rule.expectation == "ExpectColumnValueLengthsToBeBetween":
        return "x" * kw["min_value"]
    if rule.expectation == "ExpectColumnValuesToMatchRegex":
        return "2022-01"
    return f"{rule.column}-value"


def _bad_values(rule: validate.Rule) -> list:
    kw = rule.kwargs
    if rule.expectation == "ExpectColumnValuesToNotBeNull":
        return [None]
    if rule.expectation == "ExpectColumnValuesToBeInSet":
        return ["no-such-value", False]
    if rule.expectation == "ExpectColumnValuesToBeBetween":
        return [kw["min_value"] - 1, kw["max_value"] * 10 + 1]
    if rule.expectation == "ExpectColumnValueLengthsToBeBetween":
        return ["", "x" * (kw["max_value"] + 1)]
    if rule.expectation == "ExpectColumnValuesToMatchRegex":
        return ["2022/01", "22-01-2022", "year 2022"]
    return []  # uniqueness: broken by sharing another row's value


def _good_row(table: str) -> dict:
    row = dict.fromkeys(staging.table_columns(table))
    for rule in validate.RULES[table]:
        if not rule.column.startswith("_"):
            row[rule.column] = _good_value(rule)
    row.update(_evidence_grounded=True, evidence="a passage")
    if table == "case_mentions":
        row["charges"] = sorted(vocab.CHARGES)[:1]
    if table == "indicators":
        row.update(unit="percent", value=50.0)
    return row


def _breaking_rows(table: str) -> list[dict]:
    """One row per way of breaking each rule, beside a good one."""
    good = _good_row(table)
    rows = [dict(good, record_id="r0")]

    def add(**changes) -> None:
        rows.append({**good, "record_id": f"r{len(rows)}", **changes})

    for rule in validate.RULES[table]:
        if rule.column == "_charges_valid":
            add(charges=["jaywalking"])
        elif rule.column == "_share_in_range":
            add(value=150.0)
        elif rule.expectation == "ExpectColumnValuesToBeUnique":
            add(record_id="r0")
        else:
            for bad in _bad_values(rule):
                add(**{rule.column: bad})
    return rows


def _random_rows(table: str, seed: int, n: int = 60) -> list[dict]:
    """Rows whose every ruled column is good, missing or broken at random."""
    rng = random.Random(seed)
    good = _good_row(table)
    rows = []
    for _ in range(n):
        row = dict(good, record_id=f"r{rng.randrange(n)}")
        for rule in validate.RULES[table]:
            if rule.column.startswith("_") or rule.column == "record_id":
                continue
            choice = rng.random()
            if choice < 0.15:
                row[rule.column] = None
            elif choice < 0.3 and _bad_values(rule):
                row[rule.column] = rng.choice(_bad_values(rule))
        row["_evidence_grounded"] = rng.random() > 0.1
        rows.append(row)
    return rows


def _assert_same_as_gx(table: str, frame: pd.DataFrame) -> None:
    checked = validate.add_derived_columns(table, frame.reset_index(drop=True))
    ours = {rule.code: validate.check_rule(rule, checked) for rule in validate.RULES[table]}
    theirs = validate.gx_unexpected(table, frame)
    assert sorted(theirs) == sorted(ours)
    for code, gx in theirs.items():
        assert not gx["exception"], (table, code)
        check = ours[code]
        assert (check.success, check.element_count, check.unexpected_index) == (
            gx["success"], gx["element_count"], gx["unexpected_index"]), (table, code)


@pytest.mark.parametrize("table", TABLES)
def test_checks_find_the_rows_gx_finds_for_every_broken_rule(table):
    rows = _breaking_rows(table)
    frame = pd.DataFrame(rows, columns=staging.table_columns(table))
    _assert_same_as_gx(table, frame)
    # and the frame does break every rule, so the comparison covered each one
    failed = {r["rule_code"] for r in validate.validate_table(table, frame).results
              if not r["success"]}
    assert failed == {rule.code for rule in validate.RULES[table]}


@pytest.mark.parametrize("table", TABLES)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_checks_find_the_rows_gx_finds_on_random_rows(table, seed):
    frame = pd.DataFrame(_random_rows(table, seed), columns=staging.table_columns(table))
    _assert_same_as_gx(table, frame)


@pytest.mark.parametrize("table", TABLES)
def test_checks_agree_with_gx_on_typed_columns_and_all_missing_ones(table):
    """Numbers as float64 with NaN (as the staged Parquet gives them), and columns where every
    value is missing (object dtype)."""
    rows = _random_rows(table, 7, n=30)
    frame = pd.DataFrame(rows, columns=staging.table_columns(table))
    for rule in validate.RULES[table]:
        if rule.expectation == "ExpectColumnValuesToBeBetween":
            frame[rule.column] = pd.to_numeric(frame[rule.column], errors="coerce")
    _assert_same_as_gx(table, frame)
    optional = [r.column for r in validate.RULES[table]
                if r.expectation not in ("ExpectColumnValuesToNotBeNull",
                                         "ExpectColumnValuesToBeUnique")
                and not r.column.startswith("_") and r.column != "evidence"]
    _assert_same_as_gx(table, frame.assign(**dict.fromkeys(optional)))


def test_docs_result_counts_as_gx_does():
    rows = _breaking_rows("statistics")
    frame = pd.DataFrame(rows, columns=staging.table_columns("statistics"))
    out = validate.validate_table("statistics", frame)
    by_code = {r["expectation_config"]["meta"]["rule_code"]: r
               for r in out.docs_result["results"]}
    metric = by_code["STAT-001"]["result"]
    assert metric["unexpected_count"] == 2 and metric["partial_unexpected_list"] == [
        "no-such-value", False]
    stats = out.docs_result["statistics"]
    assert stats["evaluated_expectations"] == len(validate.RULES["statistics"])
    assert stats["unsuccessful_expectations"] == len(validate.RULES["statistics"])
