"""Dates as texts about Kazakhstan write them, resolved to ISO partial dates.

Public API (also used by other extractors):
- `find_dates(text, ref_year=None, dateline=None)` -> every date expression with its span and
  ISO value (None when the text does not pin it);
- `parse_date(fragment, ref_year=None, dateline=None)` -> ISO partial date of the first date
  expression in `fragment`, or None;
- `document_dateline(text)` -> the publication date a news page states at its top;
- `document_year(text)` -> the year of that dateline (the year a bare "June 30" belongs to);
- `dateline_span(text)` -> where that dateline sits (its date is no event's date).

Precision is the text's: "June 30, 2021" -> 2021-06-30, "in April 2021" -> 2021-04,
"in 2021" -> 2021. A month or month-day without a year resolves against `ref_year` or the
dateline (the latest such date not after the dateline); a weekday ("on Friday") resolves only
against a dateline (the latest such weekday on or before it). Nothing pinned -> None.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from kzwatch.text.lexicon import alternation, caseless, lexicon

_LEX = lexicon("en")
MONTHS = {**_LEX.months, **_LEX.month_abbreviations}
WEEKDAYS = _LEX.weekdays

_MONTH = (rf"(?:{alternation(_LEX.months, title=True)}|"
          rf"{alternation(_LEX.month_abbreviations, title=True)})\.?")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_WEEKDAY = rf"(?:{alternation(_LEX.weekdays, title=True)})"

_PATTERNS = [
    # 30.06.2021 / 30/06/2021
    ("dmy_num", rf"\b(?P<d>[0-3]?\d)[./](?P<m>[01]?\d)[./](?P<y>{_YEAR})\b"),
    # 2021-06-30
    ("iso", rf"\b(?P<y>{_YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
    # June 30, 2021 / June 30th 2021 / June 30
    ("mdy", rf"\b(?P<mon>{_MONTH})\s+(?P<d>{_DAY})\b(?:,?\s+(?P<y>{_YEAR})\b)?(?!\s*(?:%|years?))"),
    # 30 June 2021 / 30th of June / 30 June
    ("dmy", rf"\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH})\b(?:,?\s+(?P<y>{_YEAR})\b)?"),
    # June 2021 / in April / early January 2022
    ("my", rf"\b(?P<mon>{_MONTH})\b(?:,?\s+(?:of\s+)?(?P<y>{_YEAR})\b)?"),
    # on Friday
    ("weekday", rf"\b(?:on|last|this)\s+(?P<wd>{_WEEKDAY})\b"),
    # in 2021 / 2021
    ("y", rf"(?<![\d.,/-])(?P<y>{_YEAR})(?![\d%])(?!\s*(?:people|persons|cases|tenge|KZT|USD))"),
]
# every match starts with a digit, or at a word's start with a month's first letter or
# "on"/"last"/"this" (a weekday): the lookahead passes any other position at one test
# instead of trying each pattern
_FIRST = "".join(sorted({m[0] for m in MONTHS})) + "olt"
_DATE_RE = re.compile(rf"(?=\d|\b[{_FIRST}])(?:"
                      + "|".join(f"(?P<{name}>{pattern.replace('(?P<', f'(?P<{name}_')})"
                                 for name, pattern in _PATTERNS) + ")", re.IGNORECASE)


class DateMention(NamedTuple):
    iso: str | None  # None when the expression is a date the text does not pin down
    start: int
    end: int
    explicit_year: bool


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def _resolve_year(month: int, day: int | None, ref_year: int | None,
                  dateline: date | None) -> int | None:
    """Year of a bare month (or month-day): the latest such date not after the dateline."""
    if dateline is not None:
        probe = date(dateline.year, month, min(day or 1, 28))
        return dateline.year if probe <= dateline else dateline.year - 1
    return ref_year


def _iso(y: int | None, m: int | None = None, d: int | None = None) -> str | None:
    if y is None:
        return None
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}" if _valid(y, m, d) else f"{y:04d}-{m:02d}"


def _groups(m: re.Match, kind: str) -> dict[str, str | None]:
    prefix = f"{kind}_"
    return {k[len(prefix):]: v for k, v in m.groupdict().items() if k.startswith(prefix)}


def _day(text: str | None) -> int | None:
    return int(re.sub(r"\D", "", text)) if text else None


# "last month", "earlier this year": dated only by the page's dateline
_RELATIVE = re.compile(r"\b(?P<which>last|this)\s+(?P<unit>month|year)\b", re.IGNORECASE)


_OF_YEAR = re.compile(r"\s*,?\s+(?:of\s+)?(?P<which>last|this|next)\s+year\b", re.IGNORECASE)


# "last week": the days seven to thirteen before the dateline, dated as precisely as they agree
_WEEK = re.compile(r"\b(?P<which>last|this|earlier\s+this)\s+week\b", re.IGNORECASE)


def _week(dateline: date, which: str) -> str | None:
    first, last = (13, 7) if which == "last" else (6, 0)
    a, b = dateline - timedelta(days=first), dateline - timedelta(days=last)
    if (a.year, a.month) == (b.year, b.month):
        return _iso(a.year, a.month)
    return _iso(a.year) if a.year == b.year else None


def _relative_dates(text: str, dateline: date) -> list[DateMention]:
    out = [DateMention(_week(dateline, m.group("which").lower()), m.start(), m.end(), False)
           for m in _WEEK.finditer(text)]
    for m in _RELATIVE.finditer(text):
        last = m.group("which").lower() == "last"
        if m.group("unit").lower() == "year":
            iso = _iso(dateline.year - (1 if last else 0))
        else:
            y, mo = (dateline.year, dateline.month - 1) if last else (dateline.year,
                                                                      dateline.month)
            y, mo = (y - 1, 12) if mo == 0 else (y, mo)
            iso = _iso(y, mo)
        out.append(DateMention(iso, m.start(), m.end(), False))
    return out


def find_dates(text: str, ref_year: int | None = None,
               dateline: date | None = None, relative: bool = False) -> list[DateMention]:
    """Every date expression in `text` with its ISO value at the precision the text gives.
    With `relative`, "last month" / "this year" are dates too (resolved against the dateline)."""
    return list(_find_dates(text, ref_year, dateline, relative))


# Memoised: the families read the dates of the same sentences. Safe: a pure function of its
# arguments (str, int, date, bool: all hashable and immutable), kept as a tuple of tuples that
# callers get a copy of. `typed`: a year given as 2021.0 is not the key of 2021.
@lru_cache(maxsize=4096, typed=True)
def _find_dates(text: str, ref_year: int | None, dateline: date | None,
                relative: bool) -> tuple[DateMention, ...]:
    out = _relative_dates(text, dateline) if relative and dateline else []
    for m in _DATE_RE.finditer(text):
        kind = m.lastgroup
        g = _groups(m, kind)
        year = int(g["y"]) if g.get("y") else None
        if kind in ("dmy_num", "iso"):
            month, day = int(g["m"]), int(g["d"])
            if not 1 <= month <= 12 or not _valid(year, month, day):
                continue
            out.append(DateMention(_iso(year, month, day), m.start(), m.end(), True))
        elif kind in ("mdy", "dmy", "my"):
            mon_word = caseless(g["mon"].rstrip("."))
            month = MONTHS.get(mon_word)
            if month is None or (mon_word == "may" and kind == "my" and year is None
                                 and not re.search(r"\b(?:in|since|until|by|of|early|late|mid)\s+$",
                                                   text[max(0, m.start() - 8):m.start()],
                                                   re.IGNORECASE)):
                continue  # the modal verb "may"
            day = _day(g.get("d"))
            explicit = year is not None
            end = m.end()
            which = _OF_YEAR.match(text, end) if year is None and dateline else None
            if which:  # "in July last year": the month of the year the dateline names
                shift = {"last": -1, "this": 0, "next": 1}[caseless(which.group("which"))]
                year, end = dateline.year + shift, which.end()
                out = [d for d in out if not m.end() <= d.start < end]
            if year is None:
                year = _resolve_year(month, day, ref_year, dateline)
            out.append(DateMention(_iso(year, month, day), m.start(), end, explicit))
        elif kind == "weekday":
            iso = None
            if dateline is not None:
                back = (dateline.weekday() - WEEKDAYS[caseless(g["wd"])]) % 7
                if back == 0 and m.group(0).lower().startswith("last"):
                    back = 7  # "last Tuesday" written on a Tuesday is a week earlier
                iso = (dateline - timedelta(days=back)).isoformat()
            out.append(DateMention(iso, m.start(), m.end(), False))
        elif kind == "y":
            out.append(DateMention(_iso(year), m.start(), m.end(), True))
    return tuple(sorted(out, key=lambda d: d.start))


def parse_date(fragment: str, ref_year: int | None = None,
               dateline: date | None = None) -> str | None:
    """ISO partial date of the first date in `fragment` ("On June 30" needs a year or dateline)."""
    found = find_dates(fragment, ref_year, dateline)
    return found[0].iso if found else None


# a byline source before the date: "Kursiv, 23 November 2023", "Tengrinews.kz | 5 May 2024"
_BYLINE_SOURCE = r"(?-i:[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}\s*[,|•–—]\s*)"
_DATELINE_LINE = re.compile(
    rf"^\s*{_BYLINE_SOURCE}?(?:(?:published|posted|updated|date)\s*:?\s*)?(?:{_WEEKDAY},?\s+)?"
    rf"(?:(?P<d1>{_DAY})\s+(?P<m1>{_MONTH}),?\s+(?P<y1>{_YEAR})"
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>{_DAY}),?\s+(?P<y2>{_YEAR})"
    rf"|(?P<d3>[0-3]?\d)\.(?P<m3>[01]\d)\.(?P<y3>{_YEAR}))"
    # a wire page's clock and zone, "11:37 AM GMT+5  Updated 2 hours ago"
    rf"(?:[,\s]+\d{{1,2}}:\d\d(?:\s*[AaPp][Mm])?(?:\s+(?-i:[A-Z]{{2,4}})(?:[+-]\d{{1,2}}"
    rf"(?::?\d\d)?)?)?)?(?:\s+(?:last\s+)?updated\b[^\n]{{0,40}})?\s*$", re.IGNORECASE)
# a byline that ends with the date: "By Aliya Nurova in Nation on 4 April 2024"
_BYLINE_ON = re.compile(
    rf"^\s*By\s+[^\n]{{2,80}}?\s+on\s+(?:(?P<d1>{_DAY})\s+(?P<m1>{_MONTH}),?\s+(?P<y1>{_YEAR})"
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>{_DAY}),?\s+(?P<y2>{_YEAR}))\s*$", re.IGNORECASE)
# "ASTANA, June 30, 2021 (Kazinform) -", "ATYRAU, Kazakhstan, July 12, 2022 (AP) —",
# "ASTANA. KAZINFORM – 5 February 2025."
_DATELINE_CITY = re.compile(
    rf"^[A-Z][A-Za-z\-\s]{{2,30}},\s+(?:[A-Z][A-Za-z\-\s]{{2,30}},\s+)?(?:(?P<m>{_MONTH})\s+(?P<d>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?"
    rf"|(?P<d2>{_DAY})\s+(?P<m2>{_MONTH})(?:\s+(?P<y2>{_YEAR}))?)\s*(?:\([^)]*\))?\s*[-–—]"
    # a press release: "(Berlin, 18 February 2025) –"
    rf"|^\([A-Z][A-Za-z\-\s]{{2,30}},\s+(?:(?P<m3>{_MONTH})\s+(?P<d3>{_DAY}),?\s+(?P<y3>{_YEAR})"
    rf"|(?P<d4>{_DAY})\s+(?P<m4>{_MONTH}),?\s+(?P<y4>{_YEAR}))\)\s*[-–—]"
    # Kazinform's house style: "ASTANA. KAZINFORM – 5 February 2025."
    rf"|^(?-i:[A-Z][A-Z\-]{{2,30}})\.\s+(?-i:[A-Z][A-Z\-]{{2,30}})\s*[-–—]\s*"
    rf"(?:(?P<d5>{_DAY})\s+(?P<m5>{_MONTH}),?\s+(?P<y5>{_YEAR})"
    rf"|(?P<m6>{_MONTH})\s+(?P<d6>{_DAY}),?\s+(?P<y6>{_YEAR}))\b")


_ISO_LEAD = re.compile(rf"^\s*(?:date|published|posted)\s*:?\s*(?P<y>{_YEAR})-(?P<m>[01]\d)-"
                       r"(?P<d>[0-3]\d)\b", re.IGNORECASE)


# Memoised: several families (and the pipeline) ask for a page's dateline. Safe: a pure
# function of the text, and the answer (a date and two offsets) is immutable.
@lru_cache(maxsize=64)
def _dateline(text: str, head_lines: int) -> tuple[date, int, int] | None:
    """The publication date near the top of a page, with the span of its dateline."""
    pos = 0
    seen = 0
    for line in text.splitlines(keepends=True):
        line_start, pos = pos, pos + len(line)
        if not line.strip():
            continue
        seen += 1
        if seen > head_lines:
            break
        iso = _ISO_LEAD.match(line)
        if iso and _valid(int(iso.group("y")), int(iso.group("m")), int(iso.group("d"))):
            # a crawled page's metadata: "date 2019-10-15 A fugitive former banker ..."
            return (date(int(iso.group("y")), int(iso.group("m")), int(iso.group("d"))),
                    line_start + iso.start("y"), line_start + iso.end())
        m = _DATELINE_LINE.match(line.rstrip("\r\n")) or _BYLINE_ON.match(line.rstrip("\r\n"))
        if m:
            g = m.groupdict()
            if g.get("y3"):
                y, mo, d = int(g["y3"]), int(g["m3"]), int(g["d3"])
            else:
                y = int(g["y1"] or g["y2"])
                mo = MONTHS[caseless((g["m1"] or g["m2"]).rstrip("."))]
                d = _day(g["d1"] or g["d2"])
            if _valid(y, mo, d):
                return date(y, mo, d), line_start, line_start + m.end()
        lead = len(line) - len(line.lstrip())
        m = _DATELINE_CITY.match(line.strip())
        alts = ("", "2", "3", "4", "5", "6")
        year = next((m.group(f"y{a}") for a in alts if m and m.group(f"y{a}")), None)
        if m and year:
            y = int(year)
            mo = MONTHS[caseless(next(m.group(f"m{a}") for a in alts if m.group(f"m{a}"))
                                 .rstrip("."))]
            d = _day(next(m.group(f"d{a}") for a in alts if m.group(f"d{a}")))
            if _valid(y, mo, d):
                return date(y, mo, d), line_start + lead, line_start + lead + m.end()
    return None


def document_dateline(text: str, head_lines: int = 60) -> date | None:
    """Publication date a news page prints near its top: a line that is only a date
    ("17 February 2026", "June 30, 2021", "30.06.2021", "Published: ...", "Kursiv, 5 May
    2024"), or an agency dateline ("ASTANA, June 30, 2021 (Kazinform) -")."""
    found = _dateline(text, head_lines)
    return found[0] if found else None


def dateline_span(text: str, head_lines: int = 60) -> tuple[int, int] | None:
    """Span of the dateline in `text`: its date is the publication's, not an event's."""
    found = _dateline(text, head_lines)
    return (found[1], found[2]) if found else None


def document_year(text: str) -> int | None:
    """Year a bare month-day in the document belongs to: the dateline's year, if any."""
    dateline = document_dateline(text)
    return dateline.year if dateline else None
