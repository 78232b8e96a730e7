"""kzwatch.text.numbers: NUMBER_RE asks its lookbehind ("no word before") before the
first-character guard, not after it; the old pattern, kept here, finds the same spans and
groups, on the sample documents and on generated text, at every start and end tried."""
from __future__ import annotations

import random
import re
from pathlib import Path

from kzwatch.text import numbers as nu
from kzwatch.text.patterns import guarded

SAMPLES = Path(__file__).resolve().parents[2] / "seeds" / "documents"

_OLD = guarded(re.compile(
    rf"(?<![\w.,\-]){nu._START}(?:(?P<qual>{nu._QUAL})\s+)?(?:(?P<lead>from|between)\s+)?"
    rf"(?P<low>{nu._ONE})"
    rf"(?:\s*(?P<joiner>-|–|—|to|and)\s*(?P<high>{nu._ONE}))?"
    rf"(?![\w]|,\d|\.\d)",
    re.IGNORECASE))


def _matches(pattern, text: str, pos: int = 0, end: int | None = None) -> list:
    end = len(text) if end is None else end
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text, pos, end)]


def _texts() -> list[str]:
    lines = [line for p in sorted(SAMPLES.glob("*.txt"))
             for line in p.read_text(encoding="utf-8").splitlines()]
    rng = random.Random(21)
    words = [*nu.QUALIFIERS, "from", "between", *nu.UNITS, *nu.SCALES, "a", "an", "and", "to",
             "the", "x", "A", "One", "TEN", "\u017fix", "\u212aM", "\u0130n", "\u0131n", "1,200",
             "3.5", "5 300", "42", "\u0663", "-", "\u2013", ",", ".", "_", "(", "ab", "up"]
    seps = [" ", "", "-", ", ", "\n", ".", "_"]
    return lines + ["".join(rng.choice(words) + rng.choice(seps)
                            for _ in range(rng.randint(1, 12))) for _ in range(6000)]


def test_number_pattern_matches_as_the_old_one():
    seen = 0
    for text in _texts():
        got = _matches(nu.NUMBER_RE, text)
        assert got == _matches(_OLD, text), text
        seen += len(got)
        for pos, end in ((1, len(text)), (0, len(text) // 2), (3, len(text) - 2)):
            if 0 <= pos <= end:
                assert _matches(nu.NUMBER_RE, text, pos, end) == _matches(_OLD, text, pos, end)
    assert seen > 2000
