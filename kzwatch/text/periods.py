"""Periods a figure is stated for, written as the contract writes them.

    find_periods(text, start=0, end=None) -> [PeriodMention(period, start, end)]

"in 2017" -> `2017`; "in 2014-2016", "from 2012 to 2018", "between January 2015 and
December 2016" -> `2015-2016`; "the third quarter of 2014", "Q3 2014", "July–September
2014" -> `2014-Q3`; "the first half of 2019", "2019 H1" -> `2019-H1` (a span of months that
is no quarter or half -> its year). Mentions do not overlap; the longest form wins. A year
inside a full date ("12 March 2021") is a date, not a period, and is skipped.
The pattern is built once at import from the lexicon's ordinals and months.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from kzwatch.text.lexicon import alternation, lexicon

_LEX = lexicon("en")
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_MONTH = (rf"(?:{alternation(_LEX.months, title=True)}|"
          rf"{alternation(_LEX.month_abbreviations, title=True)})\.?")
_ORDINAL = r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)"

_PERIOD = re.compile(
    # from 2012 to 2018 / between January 2015 and December 2016
    rf"\b(?:from|between)\s+(?:{_MONTH}\s+)?(?P<a>{_YEAR})\s+(?:to|and|through|until|till)\s+"
    rf"(?:{_MONTH}\s+)?(?P<b>{_YEAR})\b"
    # the third quarter of 2014 / the first half of 2019
    rf"|\b{_ORDINAL}\s+(?P<unit>quarter|half)\s+of\s+(?P<y>{_YEAR})\b"
    # July–September 2014 / January-June 2019: a quarter or a half when the months are one
    rf"|\b(?P<m1>{_MONTH})\s*[-–—]\s*(?P<m2>{_MONTH})\s+(?P<y4>{_YEAR})\b"
    # Q3 2014 / H1 2019 / 2019-H1 / 2014 Q3
    rf"|\b(?P<code>[HQ][1-4])\s+(?P<y2>{_YEAR})\b|\b(?P<y3>{_YEAR})\s*[-–]?\s*(?P<code2>[HQ][1-4])\b"
    # 2014-2016 / 2014–16
    rf"|\b(?P<c>{_YEAR})\s*[-–]\s*(?P<d>{_YEAR}|\d\d)\b(?![-–.\d])"
    # 2017
    rf"|(?<![\d./-])(?P<year>{_YEAR})(?![\d%]|[./-]\d)", re.IGNORECASE)
_DATE_BEFORE = re.compile(rf"(?:{_MONTH}\s+\d{{1,2}},?|\d{{1,2}}\s+{_MONTH}|{_MONTH})\s*$",
                          re.IGNORECASE)
_ORDINAL_NUMBER = {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_PARTS = {(1, 6): "H1", (7, 12): "H2", (1, 3): "Q1", (4, 6): "Q2", (7, 9): "Q3", (10, 12): "Q4"}


class PeriodMention(NamedTuple):
    period: str
    start: int
    end: int


def _ordinal(word: str) -> int | None:
    word = word.lower()
    return _ORDINAL_NUMBER.get(word) or _LEX.ordinals.get(word)


def find_periods(text: str, start: int = 0, end: int | None = None) -> list[PeriodMention]:
    """Every period named in text[start:end], in text order."""
    end = len(text) if end is None else end
    out = []
    for m in _PERIOD.finditer(text, start, end):
        g = m.groupdict()
        if g["a"]:
            period = f"{g['a']}-{g['b']}"
        elif g["unit"]:
            n = _ordinal(g["ord"])
            if n is None or (g["unit"].lower() == "half" and n > 2):
                continue
            period = f"{g['y']}-{'H' if g['unit'].lower() == 'half' else 'Q'}{n}"
        elif g["m1"]:
            span = (_LEX.month(g["m1"]), _LEX.month(g["m2"]))
            part = _PARTS.get(span)
            period = f"{g['y4']}-{part}" if part else g["y4"]
        elif g["code"] or g["code2"]:
            period = f"{g['y2'] or g['y3']}-{(g['code'] or g['code2']).upper()}"
        elif g["c"]:
            last = g["d"] if len(g["d"]) == 4 else g["c"][:2] + g["d"]
            if last <= g["c"]:
                continue
            period = f"{g['c']}-{last}"
        else:
            if _DATE_BEFORE.search(text, max(0, m.start() - 20), m.start()):
                continue  # the year of a date
            period = g["year"]
        out.append(PeriodMention(period, m.start(), m.end()))
    return out
