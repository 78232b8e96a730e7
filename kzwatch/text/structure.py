"""Structure of a document: where its report was filed and when, and how its narrative is laid
out (day-by-day chronologies, live-blog timed entries, entries by settlement).

- `is_dateline(text, pos)` -> a place name opening a news dateline ("ALMATY --");
- `publication_date(text)` -> the date a news page is published, if stated;
- `report_date(text)` -> the publication date, else the first full date of the opening lines;
- `weekday_dates(text, start, end, dateline)` -> "on Tuesday" resolved against the dateline;
- `recent_periods(text, start, end, dateline)` -> "last week", "last month" as a month;
- `news_day_dates(text, start, end, dateline)` -> "today", "yesterday" against the dateline;
- `chronology_blocks(text, years)` -> (start, end, day) blocks of a chronology by day headings
  ("January 4. Oil workers ...", "Wednesday, 9 October 2024" on its own line, timed entries);
- `settlement_entries(text, blocks)` -> (start, end, place) of paragraphs opening with a place
  heading ("Aktau. Police dispersed ...");
- `entry_place(text, start, end)` -> the place heading a paragraph, if any;
- `is_route(text, mention)` -> a town naming one end of a road ("the Taraz-Zhanatas highway").
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from kzwatch.text.daterefs import DAY_PATTERN, MONTH_DAY_ALTERNATION, DateRef
from kzwatch.text.daterefs import YEAR_PATTERN as _YEAR
from kzwatch.text.daterefs import find_date_refs as find_dates
from kzwatch.text.lexicon import alternation, caseless, lexicon
from kzwatch.text.patterns import guarded
from kzwatch.text.places import PlaceMention, find_places
from kzwatch.text.segment import is_citation

# "ALMATY --", "ASTANA, Jan 5 (Reuters) -": where the report was filed, not an event place
_WEEKDAY_NUMBERS = lexicon("en").weekdays  # "monday" -> 0, as date.weekday() counts
_WEEKDAY_NAMES = alternation(_WEEKDAY_NUMBERS, title=True)

_DATELINE = re.compile(r"^[A-Z][A-Z\-/ ]+(?=\s*(?:--|—|–|,|\())", re.MULTILINE)


def is_dateline(text: str, pos: int) -> bool:
    """True for a place name opening a news dateline ("ALMATY --"): where the report was
    filed, not where anything happened."""
    return bool(_DATELINE.match(text, pos))


# "the Taraz-Zhanatas highway", "the Almaty–Bishkek road": a route named after its ends
_ROUTE_AFTER = re.compile(r"\s*[-–—]\s*[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+(?:highway|road|motorway|"
                          r"railway|route|pipeline|gas pipeline|bridge|flight|train)\b")


# "Satpayev Avenue", "Abai Street": a street named after a person or a town
_STREET_AFTER = re.compile(r"\s+(?:Avenue|Street|St\.|Prospect|Prospekt|Boulevard|Lane|Highway|"
                           r"Road|Park|Microdistrict|Embankment)\b")


# "the Almaty–Tashkent highway": the second end of a route
_ROUTE_END_BEFORE = re.compile(r"[A-Z][\w-]*\s*[-–—]\s*$")
_ROAD_AFTER = re.compile(r"\s+(?:highway|road|motorway|railway|route|pipeline|gas pipeline|"
                         r"bridge|flight|train)\b")


def is_route(text: str, mention: PlaceMention) -> bool:
    """True for a place that only names one end of a road or railway, or names a street."""
    return bool(_ROUTE_AFTER.match(text, mention.end) or _STREET_AFTER.match(text, mention.end)
                or (_ROAD_AFTER.match(text, mention.end) and _ROUTE_END_BEFORE.search(
                    text, max(0, mention.start - 30), mention.start)))


# a line opening with a day: "January 4. Residents ...", "5 January 2022: Protesters ...",
# or a day alone on its line, weekday first or not: "Wednesday, 9 October 2024"
_HEADING = re.compile(
    r"(?m)^[ \t]*(?:[•·▪‣◦*][ \t]*)?"  # a bullet of a list chronology ("• November 12 - ...")
    rf"(?:(?i:{_WEEKDAY_NAMES}),?[ \t]+)?"
    rf"(?:(?i:{MONTH_DAY_ALTERNATION})\s+{DAY_PATTERN}|{DAY_PATTERN}\s+(?i:{MONTH_DAY_ALTERNATION}))(?:,?\s+{_YEAR})?"
    r"(?:\s*[.:–—-]\s+(?=\S)|[ \t]*$)")
_CHRONOLOGY_MAX = 3000


def _line_at(text: str, start: int) -> str:
    end = text.find("\n", start)
    return text[start:end if end != -1 else len(text)]


def _paragraph_end(text: str, pos: int) -> int:
    """End of the paragraph at or after pos (blank lines before it skipped)."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    para = text.find("\n\n", pos)
    return para if para != -1 else len(text)


# "09:40 – Ekibastuz.", "09.40 — Ekibastuz:", "09:40 Ekibastuz." (a colon time needs no dash)
# "09:40 – ", "09.40 — ", "09:40 ", "23:05. " (a time closed by a full stop)
_TIMESTAMP = re.compile(r"(?:[01]?\d|2[0-3])(?:[:.][0-5]\d\s*[–—-]|:[0-5]\d\.?)\s*")
_TIMESTAMP_LINE = re.compile(r"\n(?=(?:[01]?\d|2[0-3])(?:[:.][0-5]\d\s*[–—-]|:[0-5]\d\.?)\s)")


def timed_entry_at(text: str, pos: int) -> bool:
    """A live blog's timed entry opens at pos ("18:20 – The ministry says ...")."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return bool(_TIMED_LINE.match(text, pos) if pos == 0 or text[pos - 1] == "\n" else False)


def _entry_end(text: str, pos: int, end: int) -> int:
    """End of a paragraph, or of a live-blog entry: the next line opening with a time."""
    para_end = min(_paragraph_end(text, pos), end)
    stamp = _TIMESTAMP_LINE.search(text, pos + 1, para_end)
    return stamp.start() if stamp else para_end


def entry_place(text: str, start: int, end: int) -> PlaceMention | None:
    """The place a paragraph opens with as its heading: "Aktau. Police dispersed ...",
    "Zhanaozen (Mangystau region). About 400 residents ..." (a chronology by settlement),
    "09:40 – Ekibastuz. Around 120 residents ..." (a live blog's timed entry)."""
    while start < end and text[start].isspace():
        start += 1
    stamp = _TIMESTAMP.match(text, start, end)
    start = stamp.end() if stamp else start
    found = find_places(text, start, min(end, start + 60))
    if not found or found[0].start != start or found[0].is_region:
        return None
    if _ENTRY_HEAD.match(text, found[0].end):
        return found[0]
    return None


_ENTRY_HEAD = re.compile(r"(?:\s*\([^()\n]{1,40}\))?\s*[.:—–]\s")


def _last_entry_end(text: str, pos: int) -> int:
    """The last day of a chronology runs over its first paragraph and then over every
    paragraph that opens with a place heading."""
    end = _paragraph_end(text, pos)
    while end < len(text):
        nxt = _paragraph_end(text, end)
        if entry_place(text, end, nxt) is None:
            break
        end = nxt
    return end


def _section_end(text: str, pos: int) -> int:
    """A day heading on a line of its own heads every paragraph up to the next heading line
    ("National figures"): a short line that does not end a sentence."""
    end = _paragraph_end(text, pos)
    end = _paragraph_end(text, end) if not text[pos:end].strip() else end
    while end < len(text):
        nxt = _paragraph_end(text, end)
        line = text[end:nxt].strip()
        if not line or (len(line) < 60 and "\n" not in line and line[-1] not in ".!?\"'”"):
            break
        end = nxt
    return end


_TIMED_LINE = re.compile(r"(?m)^(?:[01]?\d|2[0-3])(?:[:.][0-5]\d\s*[–—-]|:[0-5]\d\.)\s")


def _timed_block(text: str) -> list[tuple[int, int, DateRef]]:
    """A live blog of one day (timed entries, no day headings): one block from its first timed
    entry to the paragraph after its last, on the last full date written before the first."""
    stamps = list(_TIMED_LINE.finditer(text))
    if len(stamps) < 2:
        return []
    days = [r for r in find_dates(text, 0, stamps[0].start()) if r.day and r.year]
    if not days:
        return []
    return [(stamps[0].start(), _paragraph_end(text, stamps[-1].start()), days[-1])]


_TITLE_YEAR = re.compile(rf"(?<![\d.,/-]){_YEAR}(?![\d.,/-]\d)")


def title_year(text: str, lines: int = 5) -> int | None:
    """The one year a document's heading lines state ("2018 in Kazakhstan", a date line "24
    марта 2023" in any language): the year of the months its body writes without one."""
    years: set[int] = set()
    seen = 0
    for line in text[:800].split("\n"):
        line = line.strip()
        if not line:
            continue
        seen += 1
        if seen > lines or len(line) >= 120:
            break
        years |= {int(m.group()) for m in _TITLE_YEAR.finditer(line)}
    return years.pop() if len(years) == 1 else None


def chronology_blocks(text: str, years: dict[int, int]) -> list[tuple[int, int, DateRef]]:
    """(start, end, day) blocks of a day-by-day chronology (two or more day headings).

    A block runs to the next heading (footnotes printed inside it included); the last one
    ends at the first paragraph break, and none runs longer than _CHRONOLOGY_MAX characters.
    """
    return list(_chronology_blocks(text, tuple(sorted(years.items()))))


# Memoised: two families ask for the blocks of the same document. Safe: a pure function of the
# text and the years (given as a tuple of items, hashable), its blocks tuples of immutables,
# returned as a copy.
@lru_cache(maxsize=64)
def _chronology_blocks(text: str, year_items: tuple[tuple[int, int], ...]
                       ) -> tuple[tuple[int, int, DateRef], ...]:
    years = dict(year_items)
    heads = [m for m in _HEADING.finditer(text) if not is_citation(_line_at(text, m.start()))]
    # a heading counts only beside another one: an entry of a run, not a stray dated line
    heads = [m for i, m in enumerate(heads)
             if (i and m.start() - heads[i - 1].start() < _CHRONOLOGY_MAX)
             or (i + 1 < len(heads) and heads[i + 1].start() - m.start() < _CHRONOLOGY_MAX)]
    if len(heads) < 2:
        return tuple(_timed_block(text))
    blocks = []
    for i, m in enumerate(heads):
        if i + 1 < len(heads):
            end = heads[i + 1].start()
        elif _line_at(text, m.start()).strip() == m.group(0).strip():
            end = _section_end(text, m.end())  # a heading on its own line heads a section
        else:
            end = _last_entry_end(text, m.end())
        end = min(end, m.start() + _CHRONOLOGY_MAX)
        # a heading in capitals reads as the same date in title case
        days = [r for r in find_dates(text[m.start():m.end()].title()) if r.day]
        if days:
            ref = days[0] if days[0].year else days[0].with_year(
                years.get(days[0].month, title_year(text)))
            if ref.year is not None:
                blocks.append((m.start(), end, ref))
    return tuple(blocks)


# "on Tuesday", "since Wednesday", "Tuesday's rally"
_WEEKDAY = guarded(re.compile(rf"\b(?i:on|last|this|since)\s+({_WEEKDAY_NAMES})\b|"
                              rf"\b({_WEEKDAY_NAMES})['’]s\b"))


# "ATYRAU, Kazakhstan, July 12, 2022 (AP) — ": the city, date and agency a report is filed
DATELINE_PREFIX = re.compile(r"[A-Z][A-Z\-. ]+,[^.;\n—–]{0,60}?(?:\([^)\n]{1,40}\)\s*)?"
                              r"(?:--|—|–|-)\s")


# Memoised, as the dateline it reads: several families and the pipeline ask. Safe: a pure
# function of the text, whose answer (a date or None) is immutable.
@lru_cache(maxsize=64)
def publication_date(text: str) -> date | None:
    """The date a news page is published (its dateline), if the dates module can tell,
    else a full date in an agency dateline opening one of its first lines."""
    try:
        from kzwatch.text.dates import document_dateline
        found = document_dateline(text)
    except Exception:  # noqa: BLE001 - an optional helper; no dateline is a safe answer
        found = None
    if found is not None:
        return found
    pos = 0
    for line in text[:3000].split("\n")[:10]:
        prefix = DATELINE_PREFIX.match(text, pos, pos + len(line))
        days = [r for r in find_dates(text, pos, prefix.end()) if r.day and r.year] \
            if prefix else []
        if days:
            return date(days[0].year, days[0].month, days[0].day)
        pos += len(line) + 1
    return None


@lru_cache(maxsize=64)  # as `publication_date`: pure, and a date is immutable
def report_date(text: str) -> date | None:
    """The day a report is set on, for resolving "on Saturday": its publication date, else
    the first full date written in its opening lines (a byline or a photo caption)."""
    found = publication_date(text)
    if found is not None:
        return found
    head = text[:1500].split("\n")[:15]
    days = [r for r in find_dates("\n".join(head)) if r.day and r.year and r.span is None]
    return date(days[0].year, days[0].month, days[0].day) if days else None


_AND_WEEKDAY = re.compile(rf"\s*(?:,|and|or|,\s*and)\s+({_WEEKDAY_NAMES})\b")


def weekday_dates(text: str, start: int, end: int, dateline: date | None) -> list[DateRef]:
    """"on Tuesday" in a news report: the latest such day on or before its dateline ("on
    Monday and Tuesday" gives both)."""
    if dateline is None:
        return []
    out = []
    for m in _WEEKDAY.finditer(text, start, end):
        names = [(m.start(), m.end(), m.group(1) or m.group(2))]
        more = _AND_WEEKDAY.match(text, m.end(), end)
        if more and m.group(1):
            names.append((more.start(1), more.end(1), more.group(1)))
        for a, b, name in names:
            back = (dateline.weekday() - _WEEKDAY_NUMBERS[caseless(name)]) % 7
            day = dateline - timedelta(days=back)
            out.append(DateRef(a, b, day.year, day.month, day.day, None, False))
    return out


# lower case: "Soltustik Today" is a name
# guarded: a sentence without these words is not searched
_NEWS_DAY = guarded(re.compile(
    r"\b(?:(?P<today>today|tonight|this morning|this afternoon|this evening)|"
    r"(?P<yesterday>yesterday|last night))\b"))


def news_day_dates(text: str, start: int, end: int, dateline: date | None) -> list[DateRef]:
    """"today", "yesterday", "last night" in a dated report: the dateline's day or the one
    before it."""
    if dateline is None:
        return []
    out = []
    for m in _NEWS_DAY.finditer(text, start, end):
        day = dateline - timedelta(days=1 if m.group("yesterday") else 0)
        out.append(DateRef(m.start(), m.end(), day.year, day.month, day.day, None, False))
    return out


_RECENT = guarded(re.compile(  # guarded: most sentences have neither word
    r"\b(?i:last|this|earlier this|late last) (?P<unit>week|weekend|month|year)\b"))


def recent_periods(text: str, start: int, end: int, dateline: date | None) -> list[DateRef]:
    """"last week", "last weekend", "last month" in a dated report, at month precision: the
    month of the day a week (or a month) before the dateline; "last year" as a year."""
    if dateline is None:
        return []
    out = []
    for m in _RECENT.finditer(text, start, end):
        if m.group("unit") == "year":
            year = dateline.year - ("last" in m.group(0).lower())
            out.append(DateRef(m.start(), m.end(), year, None, None, None, False))
            continue
        if m.group("unit") == "month":
            back = date(dateline.year - (dateline.month == 1), (dateline.month - 2) % 12 + 1, 1)
            if m.group(0).lower().startswith("this"):
                back = dateline
        else:
            back = dateline - timedelta(days=7 if "last" in m.group(0).lower() else 0)
        out.append(DateRef(m.start(), m.end(), back.year, back.month, None, None, False))
    return out


def _entries(text: str, blocks: list[tuple[int, int, DateRef]]
             ) -> list[tuple[int, int, PlaceMention]]:
    """(start, end, place) of the paragraphs of a chronology that open with a place heading."""
    out = []
    for start, end, _ in blocks:
        pos = start
        while pos < end:
            para_end = _entry_end(text, pos, end)
            mention = entry_place(text, pos, para_end)
            if mention is not None:
                out.append((mention.start, para_end, mention))
            pos = para_end + 1
    return out


def settlement_entries(text: str, blocks: list[tuple[int, int, DateRef]]
                       ) -> list[tuple[int, int, PlaceMention]]:
    """(start, end, place) of the chronology entries that open with a place heading."""
    return _entries(text, blocks)
