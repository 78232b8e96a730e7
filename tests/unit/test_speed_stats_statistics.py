"""Speed changes of kzwatch.extract.statistics and kzwatch.text.patterns that must change no
answer: a pattern compiled without its literal prefilter, the pre-checks that skip a pattern
where what each of its matches holds is absent, and the case-sensitive first-character guard
of a case-insensitive pattern that opens with "(?-i:...)"."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from kzwatch.extract import statistics as st
from kzwatch.text.patterns import guarded, rx

SAMPLES = Path(__file__).resolve().parents[2] / "seeds" / "documents"


def _lines() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    return [line for text in texts for line in text.splitlines() if line.strip()]


def _random_texts(words: list[str], n: int, seed: int = 5) -> list[str]:
    rng = random.Random(seed)
    seps = [" ", "  ", "\n", ", ", ". ", "", "-", " (", "("]
    return ["".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randint(1, 10)))
            for _ in range(n)]


def test_such_matches_as_the_prefiltered_pattern_it_replaced():
    before = rx(r"\s+such (cases|crimes|offen[cs]es|incidents|violations|complaints|appeals)\b")
    words = ["such", "SUCH", "Such", "cases", "crimes", "offences", "offenses", "incidents",
             "violations", "complaints", "appeals", "cased", "352", "\u017fuch", "su ch"]
    texts = _lines()[::3] + _random_texts(words, 1500)
    for text in texts:
        for pos in range(len(text) + 1):
            got, want = st._SUCH.match(text, pos), before.match(text, pos)
            assert (got and (got.span(), got.groups())) == \
                (want and (want.span(), want.groups())), (text, pos)


@pytest.mark.parametrize("pattern", ["_HALF", "_SAME_PERIOD"])
def test_every_half_year_match_holds_a_year(pattern):
    """`_halves` skips a sentence where `_YEAR_DIGITS` finds nothing: exact only if every
    match of both patterns holds what it finds."""
    extra = ["the first half of 2024", "January-June 2024", "H1, 2023", "2024-H2", "2024H1",
             "the same period of 2023", "same period last year, 2022", "July to December, 2021",
             "2nd half of the year 2019", "H\u0663 2020"]
    seen = 0
    for text in _lines() + extra:
        for m in getattr(st, pattern).finditer(text):
            assert st._YEAR_DIGITS.search(m.group(0)), m.group(0)
            seen += 1
    assert seen >= 2


def test_every_place_paren_match_holds_its_bracket():
    words = ["Almaty", "Astana", "city", "region", "(", "( ", "11 people", "Nur-Sultan", "Shu"]
    for text in _lines() + _random_texts(words, 1500):
        for m in st._PLACE_PAREN.finditer(text):
            assert "(" in m.group(0)


def test_case_sensitive_first_character_guard_matches_as_the_pattern():
    source = r"\b(?-i:[A-Z][a-z’'-]+),\s*#N#\s*,"
    bare = re.compile(source, re.IGNORECASE)
    fast = guarded(bare)
    assert "(?=(?-i:[A-Z]))" in getattr(fast, "regex", fast).pattern
    words = ["Yessenov", "yessenov", "YESSENOV", "#N#", "#n#", ",", "\u212aelvin", "\u0130lyas",
             "o'Neil", "Zh’anna", "a", "B"]
    for text in _lines()[::3] + _random_texts(words, 3000):
        got = [(m.span(), m.group(0)) for m in fast.finditer(text)]
        assert got == [(m.span(), m.group(0)) for m in bare.finditer(text)], text
