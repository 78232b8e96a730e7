"""The gates of surveys.extract: _tables is not run on a text with fewer than two lines that
end as a row does (_two_row_lines), _prose_statements not on one where find_percentages'
sign hint never matches, and it returns at once where no share is near a poll cue or reads
as people's opinion. The gated extractor answers as the full one (`_extract(doc,
gated=False)`) on the shipped corpora and on texts at each gate's edge, and each gate's
test counts the lines (finds the shares) the readers themselves test."""
from __future__ import annotations

import random

import pytest

from kzwatch.cleaning import clean
from kzwatch.extract import surveys as S
from kzwatch.text.percentages import find_percentages, may_hold_percentages
from kzwatch.text.segment import sentences
from kzwatch.text.tables import lines_of
from tests.helpers import cleaned_documents, dumped

SURVEY = "Survey of 1,000 respondents, 2023\n\nDo you trust the police?\n"
# (text, records expected)
EDGE = [
    (SURVEY + "Yes 420 42%\nNo 580 58%\n", True),                    # two row lines
    (SURVEY + "Yes | 420 | 42% |\nNo | 580 | 58% |\n", True),        # bars after the figures
    (SURVEY + "Yes\u00a0420\u00a042%\u2003\nNo\u00a0580\u00a058%\r\n", True),  # odd spaces
    ("Do you trust the police?\nAnswer | Responses\nYes | 420\nNo | 580\n", True),  # no sign
    ("Do you trust the police?\nYes 420 42%\nNo, not at all.\n", False),  # one row line
    (SURVEY + "Yes 42% (420)\nNo 58% (580)\n", True),               # ")" ends the rows
    # shares in prose: "%", "per cent", "percent", "pct"; and none
    ("In a poll of 1,200 respondents, 42% said they trust the police, while 51% said they "
     "do not.", True),
    ("In a poll of 1,200 respondents, 42 per cent said they trust the police, while 51 per "
     "cent said they do not.", True),
    ("In a poll of 1,200 respondents, forty-two percent said they trust the police, while "
     "fifty-one percent said they do not.", True),
    ("In a poll of 1,200 respondents, 42 pct said they trust the police, while 51 pct said "
     "they do not.", True),
    ("In a poll of 1,200 respondents, most said they trust the police.", False),
    # shares with no poll cue near: only a share of people holding an opinion is read
    ("Inflation reached 12% in May. Prices rose 5% in June.", False),
    ("64% of students believe that exams are fair.", True),
    ("Inflation reached 12% in May. 64% of students believe that exams are fair.", True),
    ("64 students believe that exams are fair, 12% more than last year.", False),
    # a cue thirteen sentences before the shares: outside its zone
    ("A survey was held. " + "Nothing happened. " * 12 + "Yes got 42% and no got 58%.", False),
    ("A survey was held. " + "Nothing happened. " * 10 + "Yes got 42% and no got 58%.", True),
    ("", False),
]

# lines at the edge of _ROW_END: what follows the last figure, sign or bracket
LINES = ["Yes 42", "Yes 42 ", "Yes 42 |", "Yes 42 | |", "Yes 42|x", "Yes 42%", "Yes (42)",
         "Yes 42.", "Yes 42)", "Yes ٤٢", "Yes 42\u00a0", "Yes 42\u2003|\u3000", "Yes 42\r",
         "Yes 42\x0c", "Yes 42\x1c", "Yes 42\u2028", "42", "%", ")", "|", " ", "", "Yes",
         "Yes 42 x", "(12) Yes", "Yes 42\x0b|", "Yes 42\x85"]


_docs = cleaned_documents
_dump = dumped


def _row_lines(text: str) -> int:
    """Lines whose stripped text _row_match would look at further (the former test)."""
    return sum(1 for line in lines_of(text) if S._ROW_END.search(line.text.strip()))


def test_gated_extract_as_the_full_one_on_the_corpora():
    no_rows = no_sign = 0
    for doc in _docs():
        assert _dump(S.extract(doc)) == _dump(S._extract(doc, gated=False)), doc.source_name
        assert S._two_row_lines(doc.text) == (_row_lines(doc.text) >= 2), doc.source_name
        if not S._two_row_lines(doc.text):
            no_rows += 1
            assert S._tables(lines_of(doc.text)) == [], doc.source_name
        if not may_hold_percentages(doc.text):
            no_sign += 1
            assert S._prose_statements(doc.text, set()) == [], doc.source_name
    assert no_rows >= 10 and no_sign >= 10  # 25 and 17 in the shipped corpora alone


@pytest.mark.parametrize(("text", "has_records"), EDGE)
def test_gated_extract_at_the_edge(text, has_records):
    doc = clean(text, "edge.txt")
    full = S._extract(doc, gated=False)
    assert bool(full) == has_records
    assert _dump(S.extract(doc)) == _dump(full)


def test_row_lines_as_the_readers_count_them():
    rng = random.Random(11)
    texts = ["\n".join(pair) for pair in zip(LINES, LINES[1:] + LINES[:1], strict=True)]
    texts += ["\n".join(rng.choice(LINES) for _ in range(rng.randint(0, 4)))
              for _ in range(3000)]
    texts += [t for t, _ in EDGE]
    closes = opens = 0
    for text in texts:
        assert S._two_row_lines(text) == (_row_lines(text) >= 2), repr(text)
        closes += not S._two_row_lines(text)
        opens += S._two_row_lines(text)
        if not S._two_row_lines(text):
            assert S._tables(lines_of(text)) == [], repr(text)
    assert closes >= 100 and opens >= 100


def test_prose_gate_as_the_full_read(monkeypatch):
    """_prose_statements with its gate answers as without it, on the corpora and the edge
    texts; and it does return early on some (shares, but no cue near and no opinion)."""
    docs = list(_docs()) + [clean(text, "edge.txt") for text, _ in EDGE]
    read_on = []  # _paragraphs is asked right after the gate: by the texts read on
    paragraphs = S._paragraphs
    monkeypatch.setattr(S, "_paragraphs", lambda text: read_on.append(text) or paragraphs(text))
    early = 0
    for doc in docs:
        full = S._prose_statements(doc.text, set(), gated=False)
        read_on.clear()
        assert S._prose_statements(doc.text, set()) == full, doc.source_name
        if not read_on and any(find_percentages(doc.text, s, e) for s, e in
                               sentences(doc.text)):
            early += 1  # shares, none near a cue or read as an opinion
    assert early >= 10  # 14 in the shipped corpora and edge texts alone


def test_no_sign_no_share():
    """Where the sign hint does not match the text, no sentence has a share."""
    for doc in _docs():
        if may_hold_percentages(doc.text):
            continue
        assert all(not find_percentages(doc.text, s, e) for s, e in sentences(doc.text))
