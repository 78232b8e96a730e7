"""Validation rules as data, one list per contract table, checked on each table's batch
before loading; the Great Expectations suites are built from the same rules.

Every rule carries a code; a row that fails any rule goes to core.quarantine with that code
instead of into its table. The rules are checked by vectorised pandas functions that keep
GX's semantics (see "the checks" below: GX's own validation costs seconds per run and is
the tests' reference); GX renders their results as Data Docs (kzwatch.data_docs).
Thresholds and vocabularies live in this module, in one place.
"""
from __future__ import annotations

import json
import logging
import math
import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from kzwatch import vocab

log = logging.getLogger(__name__)

EVIDENCE_MAX_CHARS = 600
PERCENT_RANGE = (0, 100)
ISO_PARTIAL_DATE = r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$"
PERIOD_PATTERN = r"^\d{4}(?:-\d{2}(?:-\d{2})?|-\d{4}|-H[12]|-Q[1-4])?$"
MAX_PLAUSIBLE_COUNT = 10_000_000  # persons/cases: more than this is a parsing error
MAX_SENTENCE_MONTHS = 600


@dataclass(frozen=True)
class Rule:
    code: str
    expectation: str  # GX expectation class name
    column: str
    kwargs: dict = field(default_factory=dict)
    description: str = ""


def _common(key_columns: tuple[str, ...]) -> list[Rule]:
    rules = [Rule(f"KEY-{i + 1:03d}", "ExpectColumnValuesToNotBeNull", col,
                  description=f"{col} is present")
             for i, col in enumerate(("record_id", "document_id", "source_name", *key_columns))]
    rules.append(Rule("KEY-000", "ExpectColumnValuesToBeUnique", "record_id",
                      description="record_id is unique within the batch"))
    rules += [
        Rule("EVID-001", "ExpectColumnValuesToNotBeNull", "evidence",
             description="every record cites its evidence"),
        Rule("EVID-002", "ExpectColumnValueLengthsToBeBetween", "evidence",
             {"min_value": 1, "max_value": EVIDENCE_MAX_CHARS},
             f"evidence is 1..{EVIDENCE_MAX_CHARS} characters"),
        Rule("EVID-003", "ExpectColumnValuesToBeInSet", "_evidence_grounded", {"value_set": [True]},
             "evidence occurs verbatim (whitespace-collapsed) in the document"),
    ]
    return rules


def _in_set(code: str, column: str, values) -> Rule:
    return Rule(code, "ExpectColumnValuesToBeInSet", column, {"value_set": sorted(values)},
                f"{column} is in the contract vocabulary")


def _between(code: str, column: str, lo, hi) -> Rule:
    return Rule(code, "ExpectColumnValuesToBeBetween", column,
                {"min_value": lo, "max_value": hi}, f"{column} is within [{lo}, {hi}]")


def _matches(code: str, column: str, pattern: str) -> Rule:
    return Rule(code, "ExpectColumnValuesToMatchRegex", column, {"regex": pattern},
                f"{column} matches {pattern}")


RULES: dict[str, list[Rule]] = {
    "survey_results": _common(("survey_id", "question_no", "option_no", "option_text")) + [
        _between("SURV-001", "pct_reported", *PERCENT_RANGE),
        _between("SURV-002", "responses", 0, MAX_PLAUSIBLE_COUNT),
        _between("SURV-003", "n_respondents", 1, MAX_PLAUSIBLE_COUNT),
        _between("SURV-004", "option_no", 1, 1000),
    ],
    "indicators": _common(("indicator", "entity")) + [
        _in_set("IND-001", "indicator", vocab.INDICATORS),
        _in_set("IND-002", "unit", vocab.INDICATOR_UNITS),
        _between("IND-003", "rank", 1, 100_000),
        _between("IND-004", "rank_of", 1, 100_000),
        _matches("IND-005", "period", PERIOD_PATTERN),
        Rule("IND-006", "ExpectColumnValuesToBeInSet", "_share_in_range", {"value_set": [True]},
             "percent values are within [0, 100]"),
    ],
    "case_mentions": _common(("person_name",)) + [
        _in_set("CASE-001", "region", vocab.REGIONS),
        _in_set("CASE-002", "sentence_type", vocab.SENTENCE_TYPES),
        _in_set("CASE-003", "status", vocab.STATUSES),
        _in_set("CASE-004", "amount_kind", vocab.AMOUNT_KINDS),
        _matches("CASE-005", "detained_on", ISO_PARTIAL_DATE),
        _matches("CASE-006", "verdict_on", ISO_PARTIAL_DATE),
        _between("CASE-007", "sentence_months", 0, MAX_SENTENCE_MONTHS),
        _between("CASE-008", "amount_kzt", 0, 1e15),
        _between("CASE-009", "amount_usd", 0, 1e13),
        Rule("CASE-010", "ExpectColumnValuesToBeInSet", "_charges_valid", {"value_set": [True]},
             "every charge is in the contract vocabulary"),
    ],
    "protest_events": _common(("event_date", "location", "event_type")) + [
        _matches("EVT-001", "event_date", ISO_PARTIAL_DATE),
        _in_set("EVT-002", "region", vocab.REGIONS),
        _in_set("EVT-003", "event_type", vocab.EVENT_TYPES),
        _in_set("EVT-004", "sub_event_type", vocab.SUB_EVENT_TYPES),
        *[_between(f"EVT-{5 + i:03d}", col, 0, MAX_PLAUSIBLE_COUNT)
          for i, col in enumerate(("participants", "killed", "injured", "detained"))],
    ],
    "statistics": _common(("subject", "metric", "value")) + [
        _in_set("STAT-001", "metric", vocab.METRICS),
        _between("STAT-002", "value", 0, 1e15),
        _matches("STAT-003", "period", PERIOD_PATTERN),
    ],
}


def add_derived_columns(table: str, df: pd.DataFrame) -> pd.DataFrame:
    """Columns some rules need that GX can't compute itself (list vocabularies, ranges).

    `_evidence_grounded` comes with the rows: the extract step computes it while it still
    holds the document's text (kzwatch.pipeline), so texts never travel to validation.
    """
    df = df.copy()
    if "_evidence_grounded" not in df:
        df["_evidence_grounded"] = False
    if table == "case_mentions":
        df["_charges_valid"] = [all(c in vocab.CHARGES for c in (charges or []))
                                for charges in df["charges"]]
    if table == "indicators":
        df["_share_in_range"] = [
            not (unit == "percent" and value is not None and not (0 <= value <= 100))
            for unit, value in zip(df["unit"], df["value"], strict=True)]
    return df


# --- the checks: each expectation type as a vectorised pandas function ---------------------
#
# GX 1.24 validates a pandas frame through its whole metric machinery: 1.3 s for a
# 1,000-document run, plus 2.8 s of CPU to import it (scipy.stats among it). The six
# expectation types the rules use are one pandas expression each, so a run checks its rows
# with these and keeps GX for what only GX does: the suites and the Data Docs
# (kzwatch.data_docs renders this module's results through GX's site builder). The
# functions keep GX's semantics, which tests/unit/test_validate_gx.py checks against GX's own
# validation on the same frames (`gx_unexpected`): "missing" means None, NaN or NaT; every
# expectation but the null check ignores missing values; a duplicated value makes every row
# holding it unexpected; a regex is searched for (re.search), not matched whole.


def _numbers(values: pd.Series) -> pd.Series:
    return values if values.dtype.kind in "iufb" else values.astype(float)


def _unexpected_null(column: pd.Series, present: pd.Series, kw: dict) -> pd.Series:
    return ~present


def _unexpected_duplicate(column: pd.Series, present: pd.Series, kw: dict) -> pd.Series:
    return present & column.duplicated(keep=False)


def _unexpected_outside_set(column: pd.Series, present: pd.Series, kw: dict) -> pd.Series:
    return present & ~column.isin(kw["value_set"])


def _unexpected_outside_range(column: pd.Series, present: pd.Series, kw: dict) -> pd.Series:
    values = _numbers(column[present])
    inside = values.between(kw["min_value"], kw["max_value"], inclusive="both")
    return present & ~inside.reindex(column.index, fill_value=True)


def _unexpected_length(column: pd.Series, present: pd.Series, kw: dict) -> pd.Series:
    lengths = column[present].astype(str).str.len()
    inside = lengths.between(kw["min_value"], kw["max_value"], inclusive="both")
    return present & ~inside.reindex(column.index, fill_value=True)


def _unexpected_mismatch(column: pd.Series, present: pd.Series, kw: dict) -> pd.Series:
    found = column[present].astype(str).str.contains(kw["regex"], regex=True)
    return present & ~found.reindex(column.index, fill_value=True)


# expectation class -> (function of the rows it finds unexpected, whether missing values count)
CHECKS = {
    "ExpectColumnValuesToNotBeNull": (_unexpected_null, True),
    "ExpectColumnValuesToBeUnique": (_unexpected_duplicate, False),
    "ExpectColumnValuesToBeInSet": (_unexpected_outside_set, False),
    "ExpectColumnValuesToBeBetween": (_unexpected_outside_range, False),
    "ExpectColumnValueLengthsToBeBetween": (_unexpected_length, False),
    "ExpectColumnValuesToMatchRegex": (_unexpected_mismatch, False),
}
PARTIAL_UNEXPECTED = 20  # values of each failing rule shown in the Data Docs, as GX keeps


@dataclass
class RuleCheck:
    """One rule checked on one batch: which rows it found unexpected, in GX's terms."""
    rule: Rule
    element_count: int
    missing_count: int
    unexpected_index: list[int]
    partial_unexpected: list

    @property
    def success(self) -> bool:
        return not self.unexpected_index


def check_rule(rule: Rule, df: pd.DataFrame) -> RuleCheck:
    """`rule` on the frame's rows (a RangeIndex): the unexpected rows' positions."""
    unexpected_of, counts_missing = CHECKS[rule.expectation]
    column = df[rule.column]
    present = column.notna()
    bad = unexpected_of(column, present, rule.kwargs)
    index = [int(i) for i in df.index[bad.to_numpy(dtype=bool)]]
    sample = [_plain(v) for v in column.loc[index[:PARTIAL_UNEXPECTED]]]
    return RuleCheck(rule, len(df), 0 if counts_missing else int((~present).sum()), index,
                     sample)


def docs_result(table: str, checks: list[RuleCheck]) -> dict:
    """The checks of one batch as GX's ExpectationSuiteValidationResult, in its JSON form
    ("SUMMARY" result format), for kzwatch.data_docs to render."""
    results = []
    for check in checks:
        rule, n, missing = check.rule, check.element_count, check.missing_count
        bad = len(check.unexpected_index)
        counts = {}
        for value in check.partial_unexpected:
            key = json.dumps(value, sort_keys=True, default=str)
            counts.setdefault(key, {"value": value, "count": 0})["count"] += 1
        result = {"element_count": n, "unexpected_count": bad,
                  "unexpected_percent": 100.0 * bad / (n - missing) if n - missing else None,
                  "partial_unexpected_list": check.partial_unexpected,
                  "partial_unexpected_counts": sorted(counts.values(),
                                                      key=lambda c: -c["count"]),
                  "partial_unexpected_index_list": check.unexpected_index[:PARTIAL_UNEXPECTED]}
        if CHECKS[rule.expectation][1] is False:
            result.update(missing_count=missing,
                          missing_percent=100.0 * missing / n if n else None,
                          unexpected_percent_total=100.0 * bad / n if n else None,
                          unexpected_percent_nonmissing=result["unexpected_percent"])
        results.append({
            "success": check.success, "result": result,
            "expectation_config": {"type": _snake(rule.expectation),
                                   "kwargs": {"column": rule.column, **rule.kwargs},
                                   "meta": {"rule_code": rule.code,
                                            "description": rule.description}}})
    passed = sum(r["success"] for r in results)
    return {"success": passed == len(results), "suite_name": f"kzwatch.{table}",
            "results": results,
            "statistics": {"evaluated_expectations": len(results),
                           "successful_expectations": passed,
                           "unsuccessful_expectations": len(results) - passed,
                           "success_percent": 100.0 * passed / len(results) if results else None},
            "meta": {"validated_by": "kzwatch.validate (vectorised checks of the GX suite)"}}


@dataclass
class ValidationOutcome:
    table: str
    passed: pd.DataFrame
    quarantined: pd.DataFrame  # columns: table_name, rule_code, reason, source_name, record
    results: list[dict]        # one per rule: code, description, success, unexpected count
    docs_result: dict | None = None  # the suite's result in GX's JSON form (for Data Docs)


def validate_table(table: str, df: pd.DataFrame) -> ValidationOutcome:
    """Validate one table's batch; split it into passing rows and quarantined rows."""
    if df.empty:  # nothing to check: every rule holds on 0 rows
        derived = [c for c in df.columns if c.startswith("_")]
        return ValidationOutcome(table, df.drop(columns=derived), _empty_quarantine(),
                                 empty_results(table))
    checked = add_derived_columns(table, df.reset_index(drop=True))
    checks = [check_rule(rule, checked) for rule in RULES[table]]
    failing: dict[int, list[tuple[str, str]]] = {}
    results = []
    for check in checks:
        for idx in check.unexpected_index:
            failing.setdefault(idx, []).append((check.rule.code, check.rule.description))
        results.append({"table": table, "rule_code": check.rule.code,
                        "expectation": _snake(check.rule.expectation),
                        "column": check.rule.column, "success": check.success,
                        "unexpected": len(check.unexpected_index),
                        "checked": check.element_count})
    keep_cols = [c for c in df.columns if not c.startswith("_")]
    quarantine_rows = []
    for idx, failures in sorted(failing.items()):
        row = checked.loc[idx, keep_cols].to_dict()
        quarantine_rows.append({
            "table_name": table, "rule_code": ",".join(sorted({c for c, _ in failures})),
            "reason": "; ".join(sorted({d for _, d in failures})),
            "source_name": row.get("source_name"), "document_id": row.get("document_id"),
            "record_id": row.get("record_id"),
            "record": record_json(row)})
        log.warning("quarantined %s row from %s: %s", table, row.get("source_name"),
                    quarantine_rows[-1]["reason"])
    passed = checked.drop(index=list(failing))[keep_cols].reset_index(drop=True)
    quarantined = pd.DataFrame(quarantine_rows) if quarantine_rows else _empty_quarantine()
    return ValidationOutcome(table, passed, quarantined, results, docs_result(table, checks))


def _snake(name: str) -> str:
    """GX's expectation type of a class name: ExpectColumnValuesToBeInSet ->
    expect_column_values_to_be_in_set."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def empty_results(table: str) -> list[dict]:
    """The results of validating an empty batch of `table`: each rule checked 0 rows and held,
    so raw.validation_results has a row per (run, expectation) in every run, unchanged ones
    too."""
    return [{"table": table, "rule_code": rule.code, "expectation": _snake(rule.expectation),
             "column": rule.column, "success": True, "unexpected": 0, "checked": 0}
            for rule in RULES[table]]


# --- Great Expectations: the suites, and GX's own validation as the checks' reference -------

_CONTEXT_LOCK = threading.Lock()


def gx_context():
    """The ephemeral GX context and its pandas source, built once per process (imports GX)."""
    with _CONTEXT_LOCK:
        return _build_context()


@lru_cache(maxsize=1)
def _build_context():
    import great_expectations as gx

    ctx = gx.get_context(mode="ephemeral")
    try:
        from great_expectations.data_context.types.base import ProgressBarsConfig

        ctx.variables.progress_bars = ProgressBarsConfig(globally=False)
    except Exception:  # noqa: BLE001 - cosmetic only
        pass
    return ctx, ctx.data_sources.add_pandas("kzwatch_batches")


def build_suite(table: str):
    """The GX ExpectationSuite of one table, from RULES."""
    import great_expectations as gx

    gx_context()  # GX wants an active context before suites are built
    suite = gx.ExpectationSuite(name=f"kzwatch.{table}")
    for rule in RULES[table]:
        cls = getattr(gx.expectations, rule.expectation)
        suite.add_expectation(cls(column=rule.column, **rule.kwargs,
                                  meta={"rule_code": rule.code, "description": rule.description}))
    return suite


def gx_unexpected(table: str, df: pd.DataFrame) -> dict[str, dict]:
    """GX's own validation of a batch with the table's suite: per rule code, its success,
    element count and unexpected row positions. The reference the vectorised checks are
    tested against; a run does not call it."""
    ctx, datasource = gx_context()
    checked = add_derived_columns(table, df.reset_index(drop=True))
    name = f"{table}_{id(checked)}"
    asset = datasource.add_dataframe_asset(name)
    try:
        batch = asset.add_batch_definition_whole_dataframe("all").get_batch(
            batch_parameters={"dataframe": checked})
        suite = ctx.suites.add_or_update(build_suite(table))
        result = batch.validate(suite, result_format={"result_format": "COMPLETE"})
    finally:
        datasource.delete_asset(name)
    return {res.expectation_config.meta["rule_code"]: {
        "success": bool(res.success),
        "element_count": res.result.get("element_count"),
        "unexpected_index": sorted(int(i) for i in res.result.get("unexpected_index_list")
                                   or []),
        "exception": res.exception_info.get("raised_exception")
        if isinstance(res.exception_info, dict) else None}
        for res in result.results}


def _plain(value):
    """A cell as JSON knows it: NaN, NA and NaT are null, numpy scalars and arrays plain."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple) or type(value).__name__ == "ndarray":
        return [_plain(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        value = value.item()  # numpy scalar -> Python
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value if isinstance(value, str | int | bool) else str(value)


def record_json(row: dict) -> str:
    """A quarantined record as valid, deterministic JSON: keys sorted, missing values null
    (never NaN, whatever dtype pandas gave the column), integral floats as written."""
    return json.dumps(_plain(row), sort_keys=True, ensure_ascii=False, allow_nan=False)


def _empty_quarantine() -> pd.DataFrame:
    return pd.DataFrame(columns=["table_name", "rule_code", "reason", "source_name",
                                 "document_id", "record_id", "record"])
