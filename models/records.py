"""Pydantic models of the contract tables (../shared/spec/records.md), one per table.

Parsers build these; `extra="forbid"` makes a misspelt field an error at the parser, not a
silent NULL in the warehouse. Vocabulary checks live in the Great Expectations suites
(kzwatch/validate.py) so that a bad value is quarantined with a rule code rather than
raised here.
"""
from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")

    table: ClassVar[str]
    # fields that identify a record within its document (record_id = hash(checksum, key))
    natural_key: ClassVar[tuple[str, ...]]

    source_name: str
    evidence: str = Field(min_length=1)
    evidence_start: int = Field(ge=0)
    evidence_end: int = Field(ge=0)
    part_no: int | None = None  # the article of a listing page the record was read from


class CaseMention(Record):
    table = "case_mentions"
    natural_key = ("person_name", "case_no")

    person_name: str
    case_no: int = 1  # 1, 2, … when one person has several distinct cases in one document
    person_id: str | None = None  # filled by person resolution across documents
    position: str | None = None
    region: str | None = None
    charges: list[str] = Field(default_factory=list)
    amount_kzt: float | None = None
    amount_usd: float | None = None
    amount_kind: str | None = None
    detained_on: str | None = None
    verdict_on: str | None = None
    sentence_type: str | None = None
    sentence_months: int | None = None
    in_absentia: bool | None = None
    status: str | None = None


class ProtestEvent(Record):
    table = "protest_events"
    natural_key = ("event_date", "location")

    event_date: str
    location: str
    region: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    event_type: str
    sub_event_type: str | None = None
    participants: int | None = None
    killed: int | None = None
    injured: int | None = None
    detained: int | None = None
    description: str | None = None


class SurveyResult(Record):
    table = "survey_results"
    natural_key = ("survey_id", "question_no", "option_no")

    survey_id: str
    question_no: int
    question_text: str | None = None
    option_no: int
    option_text: str
    responses: int | None = None
    pct_reported: float | None = None
    n_respondents: int | None = None


class Statistic(Record):
    table = "statistics"
    natural_key = ("subject", "metric", "value", "period", "location")

    subject: str
    metric: str
    value: float
    unit: str | None = None
    period: str | None = None
    location: str | None = None


class Indicator(Record):
    table = "indicators"
    natural_key = ("indicator", "entity", "period")

    indicator: str
    entity: str
    period: str | None = None
    value: float | None = None
    unit: str | None = None
    rank: int | None = None
    rank_of: int | None = None


RECORD_MODELS: dict[str, type[Record]] = {
    m.table: m for m in (CaseMention, ProtestEvent, SurveyResult, Statistic, Indicator)
}
