"""Speed change of kzwatch.extract.indicators that must change no answer: the page's date
(`document_dateline`, else the date it was published on) is found when a sentence first
needs it ("the index last year", a rate written out), not at the start of the passes that
read index prose and rates. Compared with finding it first, on the sample documents, the
rules' examples and made texts, dated and undated."""
from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from kzwatch.document import Document
from kzwatch.extract import indicators as ind

SAMPLES = Path(__file__).resolve().parents[2] / "seeds" / "documents"

MADE = [
    "ASTANA, March 5, 2024 (Kazinform) - Kazakhstan scored 39 points in the Corruption "
    "Perceptions Index last year, ranking 93rd.",
    "ASTANA, March 5, 2024 (Kazinform) - In the Corruption Perceptions Index this year, "
    "Kazakhstan scored 39 points and ranked 93rd.",
    "In the Corruption Perceptions Index last year, Kazakhstan scored 39 points.",
    "ASTANA, March 5, 2024 (Kazinform) - On March 7 the National Bank set the rate at 470.5 "
    "tenge per US dollar. The euro was quoted at 510 tenge.",
    "On March 7 the National Bank set the rate at 470.5 tenge per US dollar.",
    "In the 2020 Corruption Perceptions Index, Kazakhstan scored 38 points and ranked 94th.",
    "The weather in Astana was cold. Nothing else happened.",
]


def _eager(doc: Document):
    """`_dateline_of` as it was: the page's date found first."""
    found = ind.document_dateline(doc.text) or doc.published_on
    return lambda: found


def _docs() -> list[Document]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    texts += [ex.text for rule in ind._RULES.rules for ex in (*rule.examples, *rule.counter)]
    texts += MADE
    docs = [Document.plain(t) for t in texts]
    return docs + [dataclasses.replace(Document.plain(t), published_on=date(2026, 1, 10))
                   for t in texts]


def _records(doc: Document) -> list[dict]:
    return [r.model_dump() for r in ind.extract(doc)]


def test_the_date_found_when_needed_gives_what_it_gave_found_first(monkeypatch):
    docs = _docs()
    lazy = [_records(doc) for doc in docs]
    monkeypatch.setattr(ind, "_dateline_of", _eager)
    assert lazy == [_records(doc) for doc in docs]


def test_the_index_last_or_this_year_is_dated_by_the_dateline():
    [r] = ind.extract(Document.plain(MADE[0]))
    assert (r.indicator, r.period, r.value) == ("cpi_score", "2023", 39.0)
    [r] = ind.extract(Document.plain(MADE[1]))  # "this year"
    assert r.period == "2024"
    [r] = ind.extract(dataclasses.replace(Document.plain(MADE[2]), published_on=date(2026, 1, 10)))
    assert r.period == "2025"
    [r] = ind.extract(Document.plain(MADE[2]))
    assert r.period is None  # no date: no edition


def test_the_date_is_found_only_where_a_sentence_needs_it(monkeypatch):
    asked = []
    real = ind.document_dateline

    def counted(text: str, head_lines: int = 60):
        asked.append(text)
        return real(text, head_lines)

    monkeypatch.setattr(ind, "document_dateline", counted)
    ind.extract(Document.plain(MADE[5]))  # an index named, its year stated
    ind.extract(Document.plain(MADE[6]))  # neither an index nor a rate
    assert asked == []
    ind.extract(Document.plain(MADE[0]))  # "last year"
    ind.extract(Document.plain(MADE[3]))  # a rate, dated by the dateline: asked once
    assert asked == [MADE[0], MADE[3]]
