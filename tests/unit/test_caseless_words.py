"""A case-insensitive pattern matches "Aprıl" (dotless i), "Auguſt" (long s) and "APRİL"
(dotted capital I) as the English words; str.lower() does not make them the ASCII keys of the
lexicon. Looking such a word up must not fail the extractor (it did, with a KeyError)."""
from __future__ import annotations

import pytest

from kzwatch.cleaning import clean
from kzwatch.pipeline import extract_document
from kzwatch.text.dates import document_dateline, find_dates
from kzwatch.text.lexicon import caseless, lexicon


def test_caseless_gives_the_ascii_key():
    assert caseless("Aprıl") == caseless("APRİL") == caseless("april") == "april"
    assert caseless("Auguſt") == "august" and caseless("Frıday") == "friday"
    assert lexicon("en").month("Aprıl.") == 4


@pytest.mark.parametrize("text", [
    "Astana, Aprıl 5, 2021\n\nThe court in Almaty sentenced the former akim to five years.",
    "ASTANA, APRİL 5, 2021\n\nOn Frıday the court sentenced the former akim to five years.",
    "Astana, April 5, 2021\n\nIn the ſecond quarter of 2015 the agency opened 120 corruption "
    "cases; laſt year it fined officials three mıllion tenge.",
])
def test_odd_letters_in_words_do_not_fail_an_extractor(text):
    found = extract_document(clean(text, "odd.txt"))
    assert found.failures == []


def test_a_dateline_month_with_a_dotless_i_is_read():
    assert str(document_dateline("Astana, Aprıl 5, 2021\n\nText.")) == "2021-04-05"
    assert [d.iso for d in find_dates("on 5 Auguſt 2020", ref_year=2021)] == ["2020-08-05"]
