"""Cleaning: PDF artefacts and page furniture go, offsets still point into the original."""
import re

import pytest

from kzwatch.cleaning import clean


def squash(s):
    return re.sub(r"\s+", " ", s).strip()


def test_pdf_double_spacing_and_nbsp_are_normalised():
    original = "".join(f"Line\u00a0 number  {i} of the text. \n\n" for i in range(12))
    doc = clean(original)
    assert doc.text.splitlines()[0] == "Line number 0 of the text."
    assert "\n\n" not in doc.text  # single blank lines were spacing, not paragraphs


def test_cited_span_is_verbatim_in_original():
    original = "Header\n\nThe court  sentenced\u00a0him to seven years.\n\nNext line here.\n" * 1
    doc = clean(original)
    start = doc.text.index("The court")
    end = doc.text.index("years.") + len("years.")
    ev = doc.cite(start, end)
    assert original[ev["evidence_start"]:ev["evidence_end"]] == ev["evidence"]
    assert squash(ev["evidence"]) == "The court sentenced him to seven years."


def test_repeated_ticker_block_is_kept_once():
    ticker = "• AAA/USD = 0.011 0%\n• BBB/USD = 0.002 0%\n• CCC/USD = 0.105 -0.09%\n"
    doc = clean(ticker * 6 + "1 March 2030\nBody text follows here.\n")
    assert doc.text.count("AAA/USD") == 1
    assert doc.text.count("CCC/USD") == 1
    assert "Body text follows here." in doc.text


def test_repeated_headline_and_teasers_go_but_short_table_rows_stay():
    headline = "Minister detained on suspicion of taking a large bribe in the capital"
    text = "\n".join([headline, "First paragraph of the story.", "Read More: other news",
                      "Your option. 9 7.3 %", "Answer Choices Responses Ratio",
                      "Your option. 9 7.3 %", headline, "Last paragraph.",
                      "https://example.org/a/b", "12 See the survey results, question 3."])
    doc = clean(text)
    assert doc.text.count(headline) == 1
    assert "Read More" not in doc.text
    assert doc.text.count("Your option. 9 7.3 %") == 2
    assert "https://" not in doc.text
    assert "See the survey results" not in doc.text


@pytest.mark.parametrize("original", ["", "\n\n", "one line", "a\r\nb\r\n"])
def test_offsets_cover_every_character(original):
    doc = clean(original)
    assert len(doc.offsets) == len(doc.text) + 1
    for i, ch in enumerate(doc.text):
        if not ch.isspace():
            assert original[doc.offsets[i]] == ch


def test_invisible_characters_and_html_entities_of_scraped_pages():
    original = ("The cor\u00adruption case &amp; the akim\u200bat&#8217;s funds:&nbsp;5&nbsp;"
                "million tenge.\n")
    doc = clean(original)
    assert doc.text == "The corruption case & the akimat’s funds: 5 million tenge."
    start = doc.text.index("akimat")
    cited = doc.cite(start, start + len("akimat’s"))
    assert cited["evidence"] == "akim\u200bat&#8217;s"  # evidence stays verbatim


def test_unknown_entity_like_text_is_kept():
    assert clean("AT&T; R&D &unknownthing; costs\n").text == "AT&T; R&D &unknownthing; costs"


def test_paragraphs_of_one_long_line_each_keep_their_breaks():
    paragraph = ("This paragraph is a single long line, as web pages and word processors save "
                 "text, and it goes on well past the width of any printed page {}.")
    original = "\n\n".join(paragraph.format(i) for i in range(12)) + "\n"
    doc = clean(original)
    assert doc.text.count("\n\n") == 11
