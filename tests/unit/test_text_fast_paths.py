"""Fast paths that must answer exactly as the plain code they stand in for (speed work,
issue 9): each is checked against the former pattern or call on random texts made of the
characters that matter to it, and on a few written cases."""
from __future__ import annotations

import random
import re

import pytest

from kzwatch.cleaning import _WS, _squash
from kzwatch.extract import cases
from kzwatch.text import money
from kzwatch.text.lexicon import squash


def _texts(chars: str, n: int = 20000, longest: int = 16, seed: int = 9):
    rnd = random.Random(seed)
    for _ in range(n):
        yield "".join(rnd.choice(chars) for _ in range(rnd.randint(0, longest)))


def test_squash_is_the_whitespace_sub():
    for text in _texts(" \t\u00a0\u2003\u3000\u202fab\n", longest=10):
        assert _squash(text) == _WS.sub(" ", text), repr(text)


def test_evidence_squash_is_the_whitespace_sub_stripped():
    # every character re's \s takes, in runs, at the ends and between words
    spaces = "".join(c for c in map(chr, range(0x3001)) if re.fullmatch(r"\s", c))
    assert len(spaces) > 20
    for text in _texts(spaces + "ab", n=5000, longest=8):
        assert squash(text) == re.sub(r"\s+", " ", text).strip(), repr(text)


_FOOTNOTE_BEFORE = re.compile(r"(?<=[a-z\"”’)][.;,:])(?<!\bNo\.)(?<!\bp\.)\d{1,3}(?=\s|$)")


def _unwrap_before(text: str) -> str:
    text = _FOOTNOTE_BEFORE.sub(lambda m: " " * len(m.group(0)), text)
    return cases._LINE_HYPHEN.sub(lambda m: m.group("rest") + " " * (
        len(m.group(0)) - len(m.group("rest"))), text)


@pytest.mark.parametrize("text", ["was detained.17 In May", "see No.5 and p.12 there",
                                  "arrest,3\nnext", "a.1234 b;12"])
def test_footnote_marks_blanked_as_before(text):
    assert cases._unwrap_pdf(text) == _unwrap_before(text)


def test_footnote_marks_random():
    for text in _texts('ab.;,:1234 \n"”’)No.p.x-'):
        assert cases._unwrap_pdf(text) == _unwrap_before(text), repr(text)


def test_heading_lines_as_before():
    before = re.compile(r"(?<=\n)[A-Z][^\n.!?;:,\"“”]{0,40}(?<![.!?;:,])(?=\n)")
    for text in _texts("\nAB ab.,;x\"“", longest=18):
        assert [(m.start(), m.group(0)) for m in before.finditer(text)] == \
            [(m.start(1), m.group(1)) for m in cases._HEADING_LINE.finditer(text)], repr(text)


def test_years_written_as_before():
    before = re.compile(r"(?<![\d.,/-])((?:19|20)\d\d)(?!\d)")
    for text in _texts("0129 .,/-\na", longest=14):
        assert [(m.span(), m.group(1)) for m in before.finditer(text)] == \
            [(m.span(), m.group(1)) for m in cases._YEAR_WRITTEN.finditer(text)], repr(text)


@pytest.mark.parametrize("text", [
    "a fine of 1,000,000 tenge", "$5 million", "USD 12 bn", "two million tenge", "KZT 500",
    "500 Tg. each", "12 American dollars", "₸ 300", "the tg was", "no money here, 5 million"])
def test_currency_hint_never_hides_an_amount(text):
    assert money.find_amounts(text) == [
        money.Amount(*a) for a in _amounts_unfiltered(text)]


def _amounts_unfiltered(text: str):
    hint = money._CURRENCY_HINT
    try:
        money._CURRENCY_HINT = re.compile("")  # matches everywhere: the check lets all through
        return [tuple(a) for a in money.find_amounts(text)]
    finally:
        money._CURRENCY_HINT = hint


def test_every_amount_has_the_hint():
    for text in _texts("12 ,.$₸USDKZTtengTgdollarsmbk", longest=14):
        if money._AMOUNT.search(text):
            assert money._CURRENCY_HINT.search(text), repr(text)


def _headline_before(text: str) -> bool:
    from kzwatch.text import names
    words = names._HEADLINE_WORD.findall(text)
    if len(words) < 4:
        return False
    content = [w for w in words if w.lower() not in names._SMALL and len(w) > 1]
    caps = sum(1 for w in content if w[0].isupper())
    if len(content) < 5:
        return False
    share = caps / len(content)
    return share == 1.0 or (share >= 0.85 and not text.rstrip().endswith("."))


def test_headline_as_before():
    from kzwatch.text.names import is_headline
    words = ["Court", "court", "Jails", "of", "the", "A", "a", "In", "X", "Almaty", "over",
             "5", "Bribe", "bribe", "Land", "’s", "Official"]
    rnd = random.Random(12)
    texts = ["Court Jails Land Official Over Bribe.", "Court Jails Land Official over Bribe.",
             "Court Jails Land Official Over Bribe Almaty Case Now", "The court jailed him."]
    for _ in range(20000):
        texts.append("".join(rnd.choice(words) + rnd.choice([" ", "", "-", ". ", " \n"])
                             for _ in range(rnd.randint(0, 12))) + rnd.choice(["", ".", ". "]))
    for text in texts:
        assert is_headline(text) == _headline_before(text), repr(text)


def test_column_header_as_before():
    from kzwatch.extract import surveys

    def before(text: str) -> bool:
        return (len({w.lower() for w in surveys._COLUMN_WORD.findall(text)}) >= 2
                and not re.search(r"\d", text) and not text.rstrip().endswith("?")
                and len(text.split()) <= 12)

    words = ["Responses", "share", "%", "N", "n", "count", "Votes", "5", "why", "?", "x"]
    rnd = random.Random(13)
    for _ in range(20000):
        text = "".join(rnd.choice(words) + rnd.choice([" ", "", "\t", " ? "])
                       for _ in range(rnd.randint(0, 16)))
        assert surveys._is_header(text) == before(text), repr(text)
