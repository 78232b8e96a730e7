"""Speed change of kzwatch.extract.statistics that must change no answer (round g): a sentence
read while no figure was told lately (`_stale`) is not read for numbers when it holds none of
the words every way to a figure needs (`_may_count`: `_COUNT_WORDS`, a sum of money with a
word that makes it a figure, `_MONEY_WORDS`, a percentage in a passage on corruption or with
a word that makes it a figure in its sentence or its whole, `_PERCENT_WORDS`). Compared with the
reader that reads every sentence's numbers (the gate made to let every sentence through) on
the shipped documents, the rules' examples and sentences made at the gate's edge: each with
the one word that makes its figure, and the same without it (no figure, and no word)."""
from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from kzwatch.cleaning import clean
from kzwatch.document import Document
from kzwatch.extract import statistics as st
from kzwatch.text.numbers import find_numbers
from kzwatch.text.patterns import pooled_words
from kzwatch.text.segment import narrative_sentences
from kzwatch.text.structure import publication_date
from tests.helpers import corpus_texts

# (with the word, without it): a figure where no figure was told before, and none
EDGE = [
    ("Police were there.\nDeaths: 6\n", "Police were there.\nVisits: 6\n"),  # a label
    ("Police said 40 protesters gathered.", "Police said 40 cars gathered."),  # a noun
    ("Police were sent to Almaty. The unrest cost 5 billion tenge in damage.",
     "Police were sent to Almaty. The unrest cost 5 billion in damage."),  # money, and
    ("Police were sent to Almaty. The unrest cost 5 billion tenge in damage.",
     "Police were sent to Almaty. The unrest cost 5 billion tenge in all."),  # what it is
    ("Police were sent to Almaty. Assets worth $ 500,000 were seized.",
     "Police were sent to Almaty. Houses worth $ 500,000 were sold."),
    ("Police in Almaty (12) were sanctioned; penalties were imposed in Almaty (11), "
     "Astana (8).", "Police in Almaty (12) were seen; visits were made in Almaty (11), "
     "Astana (8)."),  # a place's "(" after `_IMPOSED`
    ("Police put the number of participants at 25,000.",
     "Police put the size of crowds at 25,000."),  # "number"
    ("Police detained 45 people.", "Police saw 45 people."),  # a `before` rule
    ("Police said 30 volunteers took part.", "Police said 30 guests took part."),
    ("Police said the riots damaged 12 houses.", "Police said the storm hit 12 houses."),
    ("Police registered 34 labour conflicts.", "Police saw 34 labour conflicts."),  # a tally
    ("Police refused 58 of the 141 notifications submitted.",
     "Police saw 58 of the 141 notifications submitted."),  # a decision
    ("Police said 7 people were killed.", "Police said 7 people were seen."),  # a participle
    # a percentage: its whole ("these men"), a passage on corruption, a whole past the end of
    # its sentence
    ("Police said 58% of these men left.", "Police said 58% of men left."),
    ("Police said 58 per cent of these men left.", "Police said 58 per cent of men left."),
    ("Bribery is rife. Police said 58% and 21% respectively.",
     "Traffic is heavy. Police said 58% and 21% respectively."),
    ("Police said that 58%\n\nof these men left.", "Police said that 58%\n\nof men left."),
]
# read on whatever their words: a recent figure ("Another 12 in Almaty"), "such" after one,
# a lower case that cannot be trusted ("ı", "İ"), the Kelvin sign read as "k" in "KZT"
MADE = [
    "Police detained 45 people. Of them, 12 were women. Then 9 more in Astana.",
    "Police detained 45 people. They saw much. It rained. Another 12 in Almaty.",
    "Police opened 12 criminal cases. Later they counted 352 such cases.",
    "Police saw 40 protesters in Kırgız. Another 12 were detained.",
    "Police saw 40 protesters in İzmir. Another 12 were detained.",
    "The unrest cost 5 billion \u212aZT in damage, police said.",
    "In 2023 the agency registered 1,234 corruption offences. Of these, 118 were bribes. "
    "The report has 40 pages. In 2024 it was 1,300 and 20% more.",
]


def _texts() -> list[tuple[str, str]]:
    out = corpus_texts()
    out += [("rule.txt", ex.text) for rule in st._PACK.rules
            for ex in (*rule.examples, *rule.counter)]
    return out + [(f"made{i}.txt", t) for i, t in enumerate(
        [*MADE, *(t for pair in EDGE for t in pair)])]


def _docs() -> list[Document]:
    docs = [clean(text, name, published_on=publication_date(text)) for name, text in _texts()]
    docs += [Document.plain(t) for t in MADE]
    return docs + [dataclasses.replace(Document.plain(t), published_on=date(2022, 1, 12))
                   for t in MADE]


def _records(doc: Document, monkeypatch, gated: bool) -> list[dict]:
    with monkeypatch.context() as m:
        if not gated:
            m.setattr(st, "_may_count", lambda *args: True)
        return [r.model_dump() for r in st.extract(doc)]


def test_the_gate_is_made_of_every_path_words():
    assert st._COUNT_WORDS is not None and st._COUNT_CUE is not None
    for word in ("number", "such", "volunteer", "deaths", "detained", "penalties"):
        assert any(w in word for w in st._COUNT_WORDS), word
    percent, share, whole = st._PERCENT_WORDS
    assert set(percent) == {"%", "cent"} and not set(percent) & set(st._COUNT_WORDS)
    assert {"offen", "demonstrations"} <= set(share) and {"them", "which"} <= set(whole)
    money, context = st._MONEY_WORDS
    assert {"$", "₸", "tenge", "usd", "dollars", "kzt"} <= set(money)
    assert {"damage", "losses", "recovered", "assets" if "assets" in context else "state"} \
        <= set(context)
    assert not {"$", "₸", "tenge"} & set(st._COUNT_WORDS)
    assert pooled_words(("a",), st._SUCH) is None  # a pattern without words: no gate at all


def test_records_are_those_of_the_reader_of_every_sentence(monkeypatch):
    gated_some = False
    for doc in _docs():
        assert _records(doc, monkeypatch, True) == _records(doc, monkeypatch, False), \
            doc.source_name
        gated_some = gated_some or not all(_may_count(doc.text, s, e, False)
                                            for s, e in narrative_sentences(doc.text))
    assert gated_some


def _may_count(text: str, s: int, e: int, corruption: bool) -> bool:
    """`_may_count` as `read` asks it."""
    return st._may_count(text[s:e], text[e:e + st._WHOLE_REACH], lambda: corruption)


def test_no_number_of_a_sentence_without_the_words_is_a_figure_while_none_is_recent():
    """The gate's claim, asked of every sentence of the documents it turns away, whatever the
    passage (on corruption as the gate was told, on unrest or not) and however stale the last
    figure."""
    turned = 0
    for doc in _docs():
        text = doc.text
        for idx, (s, e) in enumerate(narrative_sentences(text)):
            for corruption in (False, True):
                if _may_count(text, s, e, corruption):
                    continue
                for num in find_numbers(text, s, e):
                    turned += 1
                    for last in (None, (idx - 3, "killed", "persons"),
                                 (idx - 5, "other", "cases")):
                        assert st._stale(last, idx)
                        for unrest in (False, True):
                            try:
                                got = st._figure(doc, s, e, num, {}, 2024, 2023, last, idx,
                                                 corruption=corruption, unrest=unrest)
                            except (ValueError, KeyError, IndexError, OverflowError):
                                pytest.fail(f"raised: {text[s:e]!r}")
                            assert got is None, (text[s:e], num)
    assert turned > 100


@pytest.mark.parametrize("with_word, without", EDGE)
def test_the_gate_at_its_edge(with_word, without, monkeypatch):
    doc, bare = Document.plain(with_word), Document.plain(without)
    assert _records(doc, monkeypatch, False)  # a figure, where none was told before it
    assert _records(doc, monkeypatch, True) == _records(doc, monkeypatch, False)
    assert not _records(bare, monkeypatch, False)
    assert not any(_may_count(bare.text, s, e, False) for s, e in narrative_sentences(bare.text))


def test_a_percentage_is_read_with_the_words_past_its_sentence():
    text = "Police said that 58%\n\nof these men left."
    (s, e), _ = narrative_sentences(text)
    assert "%" in text[s:e] and "these" not in text[s:e]
    assert _may_count(text, s, e, False) and not st._may_count(text[s:e], "", lambda: False)
    assert st._may_count(text[s:e], "", lambda: True)  # in a passage on corruption
    assert st._may_count(text[s:e])  # (asked without what a percentage needs: read)


@pytest.mark.parametrize("sentence", ["Police saw 40 protesters in Kırgız.",
                                      "Police saw 40 cars in İzmir."])
def test_a_lower_case_not_trusted_is_read(sentence):
    assert st._may_count(sentence)


def test_a_recent_figure_is_read_on_whatever_the_words(monkeypatch):
    doc = Document.plain(MADE[0])
    got = _records(doc, monkeypatch, True)
    assert [r["value"] for r in got][:2] == [45.0, 12.0]
    assert not st._may_count("Of them, 12 were women.")
