"""Speed change of kzwatch.extract.statistics that must change no answer: a sentence's
period (its context for the figures after it) is worked out when a figure first asks for
it, not as the sentence is read. Compared with the reader as it was (every period worked
out at once) on the sample documents, the rules' examples and texts made to catch a period
read with what the reader knows later (the last year stated), and the cases that may raise
(worked out at once, so that the same sentence is skipped)."""
from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from kzwatch.document import Document
from kzwatch.extract import statistics as st

SAMPLES = Path(__file__).resolve().parents[2] / "seeds" / "documents"


class _Recording(st._Reader):
    made: list = []

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _Recording.made.append(self)


class _OldReader(_Recording):
    """`_Reader.read` as it was: the sentence's period worked out as the sentence is read."""

    def read(self, idx: int, s: int, e: int) -> None:
        text = self.doc.text
        sentence = text[s:e]
        episode = st._EPISODE.search(sentence)
        self.said[idx] = (sentence, episode is not None)
        for unasked in self.unasked.values():
            unasked.append(idx)
        self.mentions = [p for p in st.find_places(text, s, e)
                         if not p.is_region and not st.is_dateline(text, p.start)
                         and not st.is_source(text, p)]
        places = {p.place.name for p in self.mentions}
        if places:
            self.sentence_place = (idx, next(iter(places)) if len(places) == 1 else None)
        before = [c for c in self.history[-st._CONTEXT_SENTENCES:]
                  if c.index >= idx - st._CONTEXT_SENTENCES]
        block = next((b[2] for b in self.blocks if b[0] <= s < b[1]), None)
        self.history.append(st._Context(idx, st._episode_month(episode, self.years)
                                        or st._period(text, s, e, None, self.years,
                                                      self.last_year)
                                        or self._weekday(s, e)
                                        or (block.iso() if block else None)
                                        or st._next_day(sentence, before)))
        if self._lately("topic", idx, 6):
            for num in st.find_numbers(text, s, e):
                self._number(idx, s, e, num, places, before, sentence)
        self.prev_span = (idx, s, e)
        for ref in st.find_dates(text, s, e):
            if ref.year and ref.explicit_year and not st._COMPARED_YEAR.search(text, s, ref.start):
                self.last_year = ref.year


def _run(doc: Document, reader: type, monkeypatch) -> tuple[list, list]:
    """The records and the (index, period) of every sentence read (periods asked at the end)."""
    _Recording.made = []
    with monkeypatch.context() as m:
        m.setattr(st, "_Reader", reader)
        out = [r.model_dump() for r in st.extract(doc)]
    (done,) = _Recording.made
    return out, [(c.index, c.period) for c in done.history]


MADE = [
    # a bare month after a year stated in the same sentence: the month takes the year
    # stated before the sentence (2018), not the one it states (2020)
    "In 2018 the agency opened 12 cases. The 2020 review came out in March. "
    "Police detained 40 protesters at the rally.",
    "The 2019 report, issued in May, was short. Another 35 people were detained.",
    # the next day: worked out at once, from the days before
    "On 5 January 2022 protesters gathered in Almaty. The following day, 30 people were "
    "detained. Then 12 more were injured.",
    # a chronology: the day of its block
    "January 4\nProtesters gathered in Zhanaozen. Police detained 20 people.\n"
    "January 5\nThe rally grew. 45 people were detained in Aktau.\n\n"
    "In January 2022, 227 people were killed.",
    # an episode's month; a weekday against the dateline
    "ALMATY, January 10, 2022 (Kazinform) - On Tuesday police detained 50 protesters. "
    "The January unrest left 227 dead. Another 15 were detained.",
    "Since the beginning of the year, the agency registered 1,234 corruption offences. "
    "Of these, 118 were bribes. In the first half of 2023 it recovered 2 billion tenge.",
]


def _docs() -> list[Document]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    texts += [ex.text for rule in st._PACK.rules for ex in (*rule.examples, *rule.counter)]
    docs = [Document.plain(t) for t in [*texts, *MADE]]
    # dated pages: weekdays are read against the dateline
    docs += [dataclasses.replace(Document.plain(t), published_on=date(2022, 1, 12))
             for t in MADE]
    return docs


def test_periods_worked_out_when_asked_are_those_worked_out_at_once(monkeypatch):
    for doc in _docs():
        assert _run(doc, _Recording, monkeypatch) == _run(doc, _OldReader, monkeypatch), \
            doc.text[:80]


def test_a_period_is_read_with_the_last_year_stated_before_its_sentence(monkeypatch):
    _, periods = _run(Document.plain(MADE[0]), _Recording, monkeypatch)
    assert periods[1] == (1, "2018-03")  # not 2020-03, the year stated by the sentence itself


def test_most_periods_are_never_worked_out(monkeypatch):
    _Recording.made = []
    with monkeypatch.context() as m:
        m.setattr(st, "_Reader", _Recording)
        st.extract(Document.plain(MADE[0]))
    (reader,) = _Recording.made
    # the last sentence's period is asked by no figure after it
    assert reader.history[-1]._find is not None


@pytest.mark.parametrize("published_on, text", [
    # a weekday a week before a dateline in the first days of year 1: `date` overflows, the
    # sentence is skipped (its figure not read), as when its period was worked out at once
    (date(1, 1, 3), "On Friday police detained 40 protesters in Almaty. "
                    "Another 12 people were injured."),
    (date(9999, 12, 31), "On Friday, 40 protesters gathered. The next day 12 people were "
                       "detained."),
])
def test_a_period_that_raises_is_worked_out_at_once(published_on, text, monkeypatch):
    doc = dataclasses.replace(Document.plain(text), published_on=published_on)
    assert _run(doc, _Recording, monkeypatch) == _run(doc, _OldReader, monkeypatch)
