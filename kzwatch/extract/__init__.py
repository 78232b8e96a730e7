"""Extractors: one module per record family, each a pure function `extract(doc) -> list[Record]`.

They read a cleaned `Document` and cite evidence through `doc.cite(start, end)`. No Prefect,
no database: the flow (flows/etl.py) wraps them in batched tasks.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable

from kzwatch.document import Document
from models.records import Record

Extractor = Callable[[Document], list[Record]]


# the module of each record family, by the contract table it fills (names, so that a process
# that only starts extraction processes, the CLI, need not import and compile them)
FAMILIES = {
    "survey_results": "kzwatch.extract.surveys",
    "indicators": "kzwatch.extract.indicators",
    "case_mentions": "kzwatch.extract.cases",
    "protest_events": "kzwatch.extract.protests",
    "statistics": "kzwatch.extract.statistics",
}


def registry() -> dict[str, Extractor]:
    """Extractor of each record family, by the contract table it fills."""
    return {table: importlib.import_module(module).extract for table, module in FAMILIES.items()}


_EVENT_COUNTS = ("participants", "killed", "injured", "detained")


def reconcile(found: dict[str, list[Record]]) -> dict[str, list[Record]]:
    """One document's records across families, made consistent: a count that an event row
    carries for its place and day (ACLED's unit) is that event's field, not also a statistic,
    whether the statistic repeats the day and place or leaves them out. Figures for a whole
    country or for no single event stay statistics."""
    from kzwatch.extract.statistics import repeats_event_count

    events = found.get("protest_events", [])
    counts = {(e.event_date, e.location, metric, float(getattr(e, metric)))
              for e in events for metric in _EVENT_COUNTS if getattr(e, metric) is not None}
    if not counts or "statistics" not in found:
        return found
    kept = [s for s in found["statistics"] if not repeats_event_count(s, counts)]
    return {**found, "statistics": kept}
