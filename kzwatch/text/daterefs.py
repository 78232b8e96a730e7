"""Dates of event narratives as references with offsets (`DateRef`), for chronologies and
reports where a day, a month or a span of years dates what happened.

- `find_date_refs(text, start, end)` -> every date expression in text[start:end] as a `DateRef`
  (year may be missing until resolved: "January 4");
- `month_years(text)` -> the year a document pairs with each month ("January 2022");
- `month_number(name)` -> 3 for "March", "Mar." or "mar".

Kept beside `kzwatch.text.dates` (which resolves one expression to an ISO string against a
dateline) because narratives need the unresolved parts: a day heading's month waits for the
year its chronology states. Both read months and number words from the one lexicon.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from kzwatch.text.lexicon import lexicon
from kzwatch.text.patterns import guarded

_LEX = lexicon("en")
MONTHS = {m.title(): n for m, n in _LEX.months.items()}
_ABBREVIATIONS = {m.title(): n for m, n in _LEX.month_abbreviations.items()}
_MON = "|".join(MONTHS)
# with a day, news style also abbreviates the month: "Jan. 5", "5 Dec 2021"
MONTH_DAY_ALTERNATION = "|".join([*MONTHS, *(rf"{a}\.?" for a in _ABBREVIATIONS)])

_YEAR = r"(?:19[4-9]\d|20[0-4]\d)"
# public names of the pieces other modules compose into their patterns
MONTH_ALTERNATION, MONTH_ABBREVIATIONS, YEAR_PATTERN = _MON, _ABBREVIATIONS, _YEAR
MONTH_NUMBERS = MONTHS  # "January" -> 1
DAY_PATTERN = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
# every match starts with a digit, a month's capital or "from"/"between": the lookahead lets
# the engine pass any other position at one test instead of trying each alternative (8x faster)
_DATE_FIRST = "".join(sorted({m[0] for m in [*MONTHS, *_ABBREVIATIONS]})) + "fFbB"
# and, past that one-class test, what the match opens with: a digit that follows no digit
# (inside a number every alternative fails: a lookbehind on digits or a \b between two),
# a month's first two letters (every name and abbreviation has three or more) or
# "from"/"between" and a space (a lower-case "f" or "b" opens nothing else): most such
# positions fail here, not in every alternative
_DATE_OPENING = "|".join([r"\d(?<!\d\d)", *sorted({m[:2] for m in [*MONTHS, *_ABBREVIATIONS]}),
                          r"(?i:from|between)\s"])
_DATE_RE = re.compile(
    rf"(?=[\d{_DATE_FIRST}])(?={_DATE_OPENING})(?:"
    # 06.03.2022 / 06/03/2022 (day first, as Kazakh and Russian agencies write) / 2022-03-06
    rf"(?P<num>(?<![\d.,/])(?:(?P<d5>[0-3]?\d)[./](?P<m5>[01]?\d)[./](?P<y5>{_YEAR})"
    rf"|(?P<y6>{_YEAR})-(?P<m6>[01]\d)-(?P<d6>[0-3]\d))(?![\d/]|\.\d))"
    # March 6, 2022 / January 3-7, 2022 / January 5
    rf"|(?P<mdy>\b(?P<m1>{MONTH_DAY_ALTERNATION})\s+(?P<d1>{DAY_PATTERN})(?:\s*(?:[-–]|and|to)\s*(?P<d1b>{DAY_PATTERN}))?\b"
    rf"(?:,?\s+(?P<y1>{_YEAR})\b)?)"
    # 6 March 2022 / 6th of March
    rf"|(?P<dmy>\b(?:(?P<d2a>{DAY_PATTERN})\s*(?:[-–]|and|to)\s*)?(?P<d2>{DAY_PATTERN})\s+(?:of\s+)?"
    rf"(?P<m2>{MONTH_DAY_ALTERNATION})(?!\w)(?:,?\s+(?P<y2>{_YEAR})\b)?)"
    # early January 2022 / January of 2002 / in December
    rf"|(?P<my>(?P<m3>{_MON})\b(?:,?\s+(?:of\s+)?(?P<y3>{_YEAR})\b)?)"
    # 2015-2020 / 20152020 (a dropped hyphen) / from 2018 to 2021
    rf"|(?P<span>(?<![\d,.])(?P<lead>(?i:from|between)\s+)?(?P<ya>{_YEAR})\s*"
    rf"(?P<join>[-–]|to|until|and)?\s*"
    # "between 2022 and mid-2025": the span reaches into its last year
    rf"(?:(?<=\s)(?i:mid|early|late)-?\s*)?(?P<yb>{_YEAR})(?![\d%]))"
    rf"|(?P<y>(?:(?<![\d,.\-/])|(?<=mid-))(?P<y4>{_YEAR})"
    rf"(?![\d%]|s\b|\s*(?:people|persons|citizens|cases)))"
    r")")


_MONTH_LEAD = re.compile(r"\b(?:in|since|by|until|during|early|late|mid|of|from|through|"
                         r"last|this|next|and|to)\s*-?\s*$", re.IGNORECASE)


def month_number(name: str) -> int:
    """'March' / 'Mar.' / 'Sept' -> 3 / 3 / 9."""
    return _LEX.month(name)


_NARRATIVE_YEAR = guarded(re.compile(
    rf"\b(?:in|of|since|from|to|until|by|during|after|before|early|late|mid|end of|the|"
    rf"{_MON}|\d{{1,2}},?)\s*-?\s*$", re.IGNORECASE))
RELATIVE_DAYS = guarded(re.compile(
    r"\b(?:(?P<n>a|one|two|three|four|five|six|seven|\d)\s+(?P<unit>days?|weeks?)\s+"
    r"(?P<dir>later|after|"
    r"before|earlier)|the\s+(?P<next>next|following)\s+day|the\s+day\s+(?P<prev>before)|"
    r"(?:the|that)\s+(?P<same>same)\s+day|(?P<that>that)\s+day(?!\s+(?:of|before|after)))\b",
    re.IGNORECASE))
SMALL_NUMBERS = {"a": 1, **{w: n for w, n in _LEX.number_words.items() if 0 < n < 8}}


@dataclass(frozen=True)
class DateRef:
    """A date written in the text; year may be missing ("January 4") until resolved."""
    start: int
    end: int
    year: int | None
    month: int | None = None
    day: int | None = None
    span: str | None = None  # "2015-2020" for a span of years
    explicit_year: bool = True

    def iso(self) -> str | None:
        if self.span:
            return self.span
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year}"
        if self.day is None:
            return f"{self.year}-{self.month:02d}"
        return f"{self.year}-{self.month:02d}-{self.day:02d}"

    def with_year(self, year: int | None) -> DateRef:
        return DateRef(self.start, self.end, year, self.month, self.day, self.span, False)

    def shifted(self, days: int) -> DateRef:
        if self.day is None or self.year is None:
            return self  # "the day before" a month-precision event stays in that month
        new = date(self.year, self.month, self.day) + timedelta(days=days)
        return DateRef(self.start, self.end, new.year, new.month, new.day, None, False)


def find_date_refs(text: str, start: int = 0, end: int | None = None) -> list[DateRef]:
    """Date expressions in text[start:end]; a bare year counts only in narrative position."""
    return list(_date_refs(text, start, len(text) if end is None else end))


# Memoised: every family reads the dates of the same sentences (and the whole text), often
# more than once. Safe: the refs are a pure function of (text, start, end), frozen, and kept
# as a tuple that callers get a copy of. The key holds the document's string, whose hash is
# computed once; the size covers the sentences of a long report across the five families.
@lru_cache(maxsize=4096)
def _date_refs(text: str, start: int, end: int) -> tuple[DateRef, ...]:
    out = []
    for m in _date_matches(text, start, end):
        try:
            if m.group("num"):
                y, mo, d = (m.group("y5"), m.group("m5"), m.group("d5")) if m.group("y5") \
                    else (m.group("y6"), m.group("m6"), m.group("d6"))
                if not 1 <= int(mo) <= 12:
                    continue
                ref = DateRef(m.start(), m.end(), int(y), int(mo), int(d))
            elif m.group("mdy"):
                y = m.group("y1")
                day = None if m.group("d1b") else int(re.sub(r"\D", "", m.group("d1")))
                ref = DateRef(m.start(), m.end(), int(y) if y else None,
                              month_number(m.group("m1")), day, None, bool(y))
            elif m.group("dmy"):
                y = m.group("y2")
                day = None if m.group("d2a") else int(re.sub(r"\D", "", m.group("d2")))
                ref = DateRef(m.start(), m.end(), int(y) if y else None,
                              month_number(m.group("m2")), day, None, bool(y))
            elif m.group("my"):
                if m.group("m3") == "May" and not m.group("y3") and \
                        not _MONTH_LEAD.search(text[max(0, m.start() - 12):m.start()]):
                    continue  # the modal verb ("In May," and "late May" are the month)
                y = m.group("y3")
                ref = DateRef(m.start(), m.end(), int(y) if y else None, MONTHS[m.group("m3")],
                              None, None, bool(y))
            elif m.group("span"):
                ya, yb = int(m.group("ya")), int(m.group("yb"))
                if (m.group("join") or "").lower() == "and" and not m.group("lead"):
                    # "in 2011 and 2016": two years, not a span
                    out.append(DateRef(m.start("ya"), m.end("ya"), ya))
                    out.append(DateRef(m.start("yb"), m.end("yb"), yb))
                    continue
                if not ya < yb <= ya + 30:
                    continue
                ref = DateRef(m.start(), m.end(), ya, span=f"{ya}-{yb}")
            else:
                before = text[max(0, m.start() - 14):m.start()]
                if not _NARRATIVE_YEAR.search(before):
                    continue  # a year in a table row or a citation, not a date of the text
                ref = DateRef(m.start(), m.end(), int(m.group("y4")))
            if ref.day is not None:
                date(ref.year or 2000, ref.month, ref.day)
        except ValueError:
            continue
        out.append(ref)
    return tuple(out)


def date_shapes(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of every day-precise date expression, whether or not the day exists: "29 February
    2023" and "31 February" are no dates (`find_date_refs` drops them), but their numbers are
    still parts of a date, never counts."""
    return list(_date_shapes(text, start, len(text) if end is None else end))


@lru_cache(maxsize=4096)  # as `_date_refs`: pure, and returned as copies
def _date_shapes(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in _date_matches(text, start, end)
                 if m.group("num") or m.group("mdy") or m.group("dmy"))


@lru_cache(maxsize=256)
def _date_matches(text: str, start: int, end: int) -> tuple[re.Match, ...]:
    """The date pattern's matches in a span, found once for `_date_refs` and `_date_shapes`
    (a sentence is asked for both). Matches are read-only; the text is held by the key."""
    if not _DATE_HINT.search(text, start, end):
        return ()
    return tuple(_DATE_RE.finditer(text, start, end))


# What every match of _DATE_RE holds: an ASCII digit (of a day or a year) or a month's full
# name as written (the one alternative without digits). A span with neither, most sentences,
# is not searched with the whole pattern, which tries its alternatives at every "f" and "b".
_DATE_HINT = guarded(re.compile(rf"[0-9]|{_MON}"))


def month_years(text: str) -> dict[int, int]:
    """For each month, the year the document most often writes with it ("January 2022")."""
    return dict(_month_years(text))


@lru_cache(maxsize=64)  # a pure function of the text (two families ask), returned as a copy
def _month_years(text: str) -> dict[int, int]:
    counts: dict[int, Counter] = {}
    for ref in _date_refs(text, 0, len(text)):
        if ref.month and ref.year and ref.explicit_year:
            counts.setdefault(ref.month, Counter())[ref.year] += 1
    return {m: c.most_common(1)[0][0] for m, c in counts.items()}
