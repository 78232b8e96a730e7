"""Speed changes of kzwatch.extract.indicators that must change no answer (round g):
- a sentence of an index's passage is read for figures and coverage only where it holds a
  digit, or a word of a `value` rule that needs none (`_may_have_figures`, `requires_digit`,
  `_FIGURE_WORDS`); one without is counted down as the loop counts a sentence without
  figures;
- a document none of whose sentences names an index that is read has no index prose read
  (`_reads_an_index`).
Compared with the readers that ask every sentence (the gates made to let everything through)
on the shipped documents, the rules' examples and texts made at the gates' edges."""
from __future__ import annotations

import random
import re

import pytest

from kzwatch.cleaning import clean
from kzwatch.document import Document
from kzwatch.extract import indicators as ind
from kzwatch.text.patterns import pooled_words, requires_digit, rx
from kzwatch.text.segment import sentences
from kzwatch.text.structure import publication_date
from tests.helpers import corpus_texts

MADE = [
    # an ordinal word and no digit: read
    "The Corruption Perceptions Index placed Kazakhstan 94th. It ranked first in the region.",
    "The Corruption Perceptions Index placed Kazakhstan 94th. It ranked fırst in the region.",
    # a coverage holds a digit
    "The Corruption Perceptions Index ranks 180 countries. Kazakhstan placed 94th.",
    # sentences without figures count the passage down, its first one too: four of them,
    # then five (the passage is over)
    "The Corruption Perceptions Index was out. It was long. It was read. It was cited. "
    "Kazakhstan scored 34 points.",
    "The Corruption Perceptions Index was out. It was long. It was read. It was cited. "
    "It was debated. Kazakhstan scored 34 points.",
    # digits beyond ASCII are digits
    "The 2019 Corruption Perceptions Index gave Kazakhstan \u0663\u0664 points.",
    # "the index last year": an edition asked of a sentence without digits
    "The index last year ranked Kazakhstan. It got 39 points in the Corruption Perceptions "
    "Index.",
    # an index named that is not read ("other"), and none at all
    "The Press Freedom Index placed Kazakhstan 134th with 54 points.",
    "The government said 40 points of the plan were done.",
]


def _texts() -> list[tuple[str, str]]:
    out = corpus_texts()
    out += [("rule.txt", ex.text) for rule in ind._RULES.rules
            for ex in (*rule.examples, *rule.counter)]
    return out + [(f"made{i}.txt", t) for i, t in enumerate(MADE)]


def _docs() -> list[Document]:
    return [clean(text, name, published_on=publication_date(text)) for name, text in _texts()]


def _records(doc: Document, monkeypatch, gated: bool) -> list[dict]:
    with monkeypatch.context() as m:
        if not gated:
            m.setattr(ind, "_may_have_figures", lambda sentence: True)
            m.setattr(ind, "_reads_an_index", lambda indexes: True)
        return [r.model_dump() for r in ind.extract(doc)]


def test_records_are_those_of_the_readers_of_every_sentence(monkeypatch):
    for doc in _docs():
        assert _records(doc, monkeypatch, True) == _records(doc, monkeypatch, False), \
            doc.source_name


@pytest.mark.parametrize("text", MADE)
def test_made_texts(text, monkeypatch):
    doc = Document.plain(text)
    assert _records(doc, monkeypatch, True) == _records(doc, monkeypatch, False)


def test_the_countdown_of_sentences_without_figures():
    four, five = (ind.extract(Document.plain(t)) for t in MADE[3:5])
    assert [(r.entity, r.value) for r in four] == [("Kazakhstan", 34.0)]
    assert five == []


@pytest.mark.parametrize("pattern, needs", [
    (r"\d+", True), (r"a(?P<n>\d{1,3})b", True), (r"(?:x\d|y\d\d)", True),
    (r"(?:\d|x)", False), (r"(?:\d+)?", False), (r"\d*", False), (r"[\d,]", False),
    (r"(?=\d)", False), (r"(?!\d)x", False), (r"first|\d", False),
])
def test_requires_digit(pattern, needs):
    assert requires_digit(re.compile(pattern)) is needs
    assert requires_digit(rx(pattern)) is needs  # (a guard or a prefilter around it)


def test_the_figure_words_are_those_of_the_rules_that_need_no_digit():
    free = [r for r in ind._RULES.of_kind("value") if not requires_digit(r.regex)]
    assert free and all(requires_digit(r.regex) for r in ind._RULES.of_kind("coverage"))
    assert ind._FIGURE_WORDS == pooled_words(*(r.regex for r in free))
    assert {"first", "twelfth"} <= set(ind._FIGURE_WORDS)
    # every other value rule holds a digit in each match: none on the rules' own examples
    for rule in ind._RULES.of_kind("value"):
        if rule in free:
            continue
        for ex in (*rule.examples, *rule.counter):
            for m in rule.regex.finditer(ex.text):
                assert re.search(r"\d", m.group()), (rule.id, m.group())


def test_no_figure_nor_coverage_in_a_sentence_the_gate_turns_away():
    turned = 0
    for _, text in _texts():
        for s, e in sentences(text):
            sentence = text[s:e].replace("\n", " ")
            if ind._may_have_figures(sentence):
                continue
            turned += 1
            for indicator in ("cpi_score", "egov_rank", "other"):
                assert ind._figures(sentence, indicator) == [], sentence
            assert ind._RULES.matches("coverage", sentence) == []
    assert turned > 100
    assert ind._may_have_figures("It ranked first.") and ind._may_have_figures("It got ٣٤.")
    assert ind._may_have_figures("It ranked fırst.")  # (read as "first", as the rule does)
    assert not ind._may_have_figures("It ranked high.")


# --- a header line of a year-column table is split into words only where it opens with its
# label and a year token (`_HEADER_START`)

_EVERY_LINE = re.compile("")


def _header(text: str, gated: bool, monkeypatch):
    with monkeypatch.context() as m:
        if not gated:
            m.setattr(ind, "_HEADER_START", _EVERY_LINE)
        return ind._header_line(text, 0, continuation=False)


def test_header_lines_are_those_of_the_reader_of_every_line(monkeypatch):
    lines = {line.strip() for _, text in _texts() for line in text.split("\n")}
    headers = 0
    for line in lines:
        got = _header(line, True, monkeypatch)
        assert got == _header(line, False, monkeypatch), line
        headers += got is not None
    assert headers > 5


def test_header_lines_at_the_edge(monkeypatch):
    pieces = ["2019", "2020", "1999", "2019-2020", "2019–2020", "2019 - 2020", "20\u0661\u0662",
              "Period", "Indicator", "years", "Table1", "H1", "(I-VI)", "(I", "VI)", "12",
              "2019,", "a", " ", "\t", "\u00a0", "\u2003", "-", "–", "x2019", "20199"]
    rnd = random.Random(7)
    found = 0
    for _ in range(20000):
        line = " ".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 5))).strip()
        got = _header(line, True, monkeypatch)
        assert got == _header(line, False, monkeypatch), line
        found += got is not None
    assert found > 1000
