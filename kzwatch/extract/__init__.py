"""Extractors: one module per record family, each a pure function `extract(doc) -> list[Record]`.

They read a cleaned `Document` and cite evidence through `doc.cite(start, end)`. No Prefect,
no database: the flow (flows/etl.py) wraps them in batched tasks.
"""
from __future__ import annotations

from collections.abc import Callable

from kzwatch.document import Document
from models.records import Record

Extractor = Callable[[Document], list[Record]]


def registry() -> dict[str, Extractor]:
    """Extractor of each record family, by the contract table it fills."""
    from kzwatch.extract import cases, indicators, protests, statistics, surveys

    return {
        "survey_results": surveys.extract,
        "indicators": indicators.extract,
        "case_mentions": cases.extract,
        "protest_events": protests.extract,
        "statistics": statistics.extract,
    }
