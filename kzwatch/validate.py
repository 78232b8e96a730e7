"""Great Expectations suites, built in code, one per contract table.

GX 1.24 cannot validate DuckDB tables through its SQL datasource here, so each batch's pandas
DataFrame is validated in an ephemeral context *before* loading. Every expectation carries a
rule code in its meta; a row that fails any expectation goes to core.quarantine with that
code instead of into its table. Thresholds and vocabularies live in this module, in one place.
"""
from __future__ import annotations

import json
import logging
import math
import re
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

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


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


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


_CONTEXT_LOCK = threading.Lock()


def _context():
    """The ephemeral GX context and its pandas source, built once (also from a warm-up
    thread: the lock keeps it to one build)."""
    with _CONTEXT_LOCK:
        return _build_context()


_WARM_UP: list[threading.Thread] = []


def warm_up_in_background() -> threading.Thread:
    """Import Great Expectations and build its context in a thread: 2-3 s of imports that
    then overlap other work (the CLI: the Prefect server's start; a flow: the extraction)
    instead of following it. Started once per process."""
    if _WARM_UP:
        return _WARM_UP[0]

    def warm() -> None:
        try:
            _context()
        except Exception:  # noqa: BLE001 - validation builds it again and reports the error
            log.debug("GX warm-up failed", exc_info=True)

    thread = threading.Thread(target=warm, name="kzwatch-gx-warm-up", daemon=True)
    _WARM_UP.append(thread)
    thread.start()
    return thread


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

    _context()  # GX wants an active context before suites are built
    suite = gx.ExpectationSuite(name=f"kzwatch.{table}")
    for rule in RULES[table]:
        cls = getattr(gx.expectations, rule.expectation)
        suite.add_expectation(cls(column=rule.column, **rule.kwargs,
                                  meta={"rule_code": rule.code, "description": rule.description}))
    return suite


@dataclass
class ValidationOutcome:
    table: str
    passed: pd.DataFrame
    quarantined: pd.DataFrame  # columns: table_name, rule_code, reason, source_name, record
    results: list[dict]        # one per rule: code, description, success, unexpected count
    gx_result: object | None = None  # GX's ExpectationSuiteValidationResult (for Data Docs)


def validate_table(table: str, df: pd.DataFrame) -> ValidationOutcome:
    """Validate one table's batch; split it into passing rows and quarantined rows."""
    if df.empty:  # nothing to check: every rule holds on 0 rows (no GX needed, nor imported)
        derived = [c for c in df.columns if c.startswith("_")]
        return ValidationOutcome(table, df.drop(columns=derived), _empty_quarantine(),
                                 empty_results(table))
    ctx, datasource = _context()
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
    failing: dict[int, list[tuple[str, str]]] = {}
    results = []
    for res in result.results:
        meta = res.expectation_config.meta or {}
        bad = res.result.get("unexpected_index_list") or []
        for idx in bad:
            failing.setdefault(int(idx), []).append(
                (meta.get("rule_code"), meta.get("description")))
        results.append({"table": table, "rule_code": meta.get("rule_code"),
                        "expectation": res.expectation_config.type,
                        "column": res.expectation_config.kwargs.get("column"),
                        "success": bool(res.success), "unexpected": len(bad),
                        "checked": int(res.result.get("element_count") or len(checked))})
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
    return ValidationOutcome(table, passed, quarantined, results, result)


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


# --- Data Docs -----------------------------------------------------------------------------

DATA_DOCS_DIR = "data_docs"
DATA_DOCS_SITE = "kzwatch"
_DOCS_LOCK = threading.Lock()


def data_docs_dir(warehouse: Path) -> Path:
    """Where a warehouse's Data Docs live: `<warehouse folder>/data_docs/` (index.html)."""
    return Path(warehouse).parent / DATA_DOCS_DIR


def write_data_docs(folder: Path, outcomes, run_id: str,
                    run_time: datetime | None = None) -> Path:
    """Render the GX Data Docs of a run's validation into `folder` (a static site: open
    `folder/index.html`); return that index.html.

    The site shows this run's validation results and the suites they used, one page each;
    pages of earlier runs are removed (their numbers stay in raw.validation_results).
    A run that validated no rows (nothing new or changed) leaves an existing site as it is,
    so it keeps showing the last validation that checked rows, and does not import GX for it.
    Costs about 0.3 s for the five tables of the samples (GX is imported by then)."""
    folder = Path(folder)
    index = folder / "index.html"
    validated = [o for o in outcomes if o.gx_result is not None]
    if not validated and index.exists():
        return index
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
        ValidationResultIdentifier,
    )

    ctx, _ = _context()
    when = run_time or datetime.now(UTC)
    with _DOCS_LOCK:
        folder.mkdir(parents=True, exist_ok=True)
        ctx.variables.data_docs_sites = {DATA_DOCS_SITE: {
            "class_name": "SiteBuilder", "show_how_to_buttons": False,
            "store_backend": {"class_name": "TupleFilesystemStoreBackend",
                              "base_directory": str(folder.resolve())},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"}}}
        store = ctx.validation_results_store
        for key in store.list_keys():  # the context lives for the process: one run per site
            store.remove_key(key)
        for outcome in validated:
            suite = outcome.gx_result.suite_name
            key = ValidationResultIdentifier(ExpectationSuiteIdentifier(suite),
                                             RunIdentifier(run_name=run_id, run_time=when),
                                             outcome.table)
            store.set(key, outcome.gx_result)
        ctx.build_data_docs(site_names=[DATA_DOCS_SITE])
    return index


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
