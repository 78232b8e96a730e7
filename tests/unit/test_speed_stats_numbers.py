"""kzwatch.text.numbers: the lookahead on how a number can begin (`_START`) changes no match
of NUMBER_RE: the same spans and groups as the pattern without it, on the sample documents
and on random text made of the words numbers are written with."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from kzwatch.text import numbers

SAMPLES = Path(__file__).resolve().parents[2] / "seeds" / "documents"
_WITHOUT_START = re.compile(numbers.NUMBER_RE.pattern.replace(numbers._START, ""),
                            numbers.NUMBER_RE.flags)


def _matches(pattern: re.Pattern, text: str, pos: int = 0, end: int | None = None) -> list:
    end = len(text) if end is None else end
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text, pos, end)]


def _random_texts(n: int) -> list[str]:
    rng = random.Random(9)
    words = [*numbers.QUALIFIERS, "from", "between", *numbers.UNITS, *numbers.SCALES, "a", "an",
             "and", "to", "the", "as", "at", "an-", "A", "AN", "One", "TEN", "\u017fix", "\u212aM",
             "\u0130n", "\u0131n", "people", "1,200", "3.5", "5 300", "42", "7", "\u0663", "-",
             "\u2013", ",", ".", "(", "s", "aft", "abou", "up"]
    seps = [" ", "  ", "-", ", ", "\n", "", ". "]
    return ["".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randint(1, 12)))
            for _ in range(n)]


def test_start_guard_is_in_the_pattern():
    assert numbers._START in numbers.NUMBER_RE.pattern
    assert _WITHOUT_START.pattern != numbers.NUMBER_RE.pattern


@pytest.mark.parametrize("source", ["samples", "random"])
def test_number_pattern_matches_as_without_the_start_guard(source):
    if source == "samples":
        texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
        texts = [line for text in texts for line in text.splitlines()]
    else:
        texts = _random_texts(4000)
    seen = 0
    for text in texts:
        got = _matches(numbers.NUMBER_RE, text)
        assert got == _matches(_WITHOUT_START, text), text
        seen += len(got)
        # a span, and a match cut short (find_numbers re-reads "4 and 11" up to its first number)
        for pos, end in ((1, len(text)), (0, len(text) // 2), (2, len(text) - 3)):
            if 0 <= pos <= end:
                assert _matches(numbers.NUMBER_RE, text, pos, end) == \
                    _matches(_WITHOUT_START, text, pos, end), (text, pos, end)
    assert seen > 500


def test_find_numbers_reads_lone_articles_and_bounds_as_before():
    for text in ["a", "an", "a 5", "a to 5", "an estimated 40", "A MINIMUM OF 3", "at at least 2",
                 "as many as twenty-one", "about a thousand", "and 26 killed and 26 injured",
                 "aged 4 and 11", "up to 5,000", "approx. 12", "upwards of 300", "ten-fold"]:
        assert _matches(numbers.NUMBER_RE, text) == _matches(_WITHOUT_START, text), text
