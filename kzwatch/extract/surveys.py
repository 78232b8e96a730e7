"""Survey results: one record per answer option, from tables and from polls told in prose.

Tables. The questionnaire table: a question (often numbered, often wrapped), an optional
column header ("Answer Choices Responses Ratio", "Answer | Responses | %"), then one row per
option whose text may wrap and whose last line ends with the figures. Every row of one table
must have the same figures, so prose that merely contains percentages never reads as a table.
Grids are read too (kzwatch.text.tables): a Likert grid whose cells PDF extraction put one per
line (each statement a question, each answer column an option), a key-findings grid of
statements by populations (each cell a one-option question), and options stacked one cell
per line under their question ("Yes" / "120" / "40%").

Prose. A poll told in prose is read clause by clause (see the section comment below): each
percentage in a passage about a poll is matched to the answer its clause gives, answers are
grouped into questions (contrast, continuation, the don't-know answer, shares summing to 100,
nested parts, subgroups, multi-select cues), earlier waves printed for comparison become
surveys of their own, and a stated sample size is carried to the whole-sample questions. The
cue words are rules in kzwatch/rules/en/survey_results.yaml. A percentage that repeats the
document's own survey table (or a sum of two adjacent scale points) is the author discussing
that table, not another poll.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from kzwatch.document import Document
from kzwatch.rules import rule_pack
from kzwatch.text.coordination import distribute, pair_in_order, respectively_run, split_list
from kzwatch.text.lexicon import lexicon, squash
from kzwatch.text.patterns import guarded
from kzwatch.text.percentages import find_percentages, may_hold_percentages
from kzwatch.text.segment import is_citation, sentences
from kzwatch.text.tables import (
    NUMBER_WORDS,
    YEAR,
    Line,
    cell_grid,
    lines_of,
    parse_number,
    row_grid,
    stacked_rows,
    sums_to_hundred,
    words_to_int,
)
from models.records import SurveyResult

_QUESTION = re.compile(r"^(?:Q(?:uestion)?\s*)?(\d{1,2})\s*[.):]\s+(\S.*)$")
_COLUMN_WORD = guarded(re.compile(
    r"\b(?:responses?|respondents|ratio|percent(?:age)?|share|count|number of|mentions|votes|"
    r"answers?)\b|%"
    r"|(?-i:\bN\b)", re.IGNORECASE))
_HEADER_TAIL = re.compile(
    r"^(?:(?:number|of|mentions|responses?|count|ratio|percent(?:age)?|share|votes|%)\s*)+$",
    re.IGNORECASE)
_STOP_LINE = re.compile(r"^(?:tables?|figures?|fig\.|sources?|notes?|chart|appendix)\b",
                        re.IGNORECASE)
_SEP = r"[\s|:–—-]*"
_PCT = r"(?P<pct>\d{1,3}(?:[.,]\d{1,2})?)\s*%"
_COUNT = r"(?<![\d.,])(?P<count>\d{1,3}(?:,\d{3})+|\d{1,6})"
# the figures that close an option row, by table shape
_ROW_FORMS = {
    "count_pct": re.compile(rf"^(?P<text>.*?){_SEP}{_COUNT}[\s|]+{_PCT}[\s|]*$"),
    "pct_count": re.compile(rf"^(?P<text>.*?){_SEP}{_PCT}[\s|]*\(?{_COUNT}\)?[\s|]*$"),
    "pct": re.compile(rf"^(?P<text>.*?){_SEP}(?<![\d.,]){_PCT}[\s|]*$"),
    "count": re.compile(rf"^(?P<text>.*?){_SEP}{_COUNT}[\s|]*$"),
    # count and percent columns whose percents are printed without the sign ("Police | 312 | 52.0")
    "count_bare_pct": re.compile(rf"^(?P<text>.*?){_SEP}{_COUNT}[\s|]+(?<![\d.,])"
                                 r"(?P<pct>\d{1,3}(?:[.,]\d{1,2})?)[\s|]*$"),
    # a bare number under a percent-only header ("Answer | Share of respondents, %")
    "bare_pct": re.compile(rf"^(?P<text>.*?){_SEP}(?<![\d.,])(?P<pct>\d{{1,3}}(?:[.,]\d{{1,2}})?)"
                           r"[\s|]*$"),
    # percents by group under "Total  Men  Women": the first column is the whole sample's
    "breakdown": re.compile(rf"^(?P<text>.*?){_SEP}(?<![\d.,])(?P<pct>\d{{1,3}}(?:[.,]\d{{1,2}})?)"
                            r"(?:[\s|]+\d{1,3}(?:[.,]\d{1,2})?){1,8}[\s|]*$"),
}
# a header of respondent groups: "Total Men Women", "All 18-29 30-44 45+", "Urban Rural"
_GROUP_HEADER = re.compile(
    r"^(?:(?:total|all|overall|men|women|male|female|urban|rural|city|village|kazakh|russian|"
    r"\d{2}\s*[-–]\s*\d{2}|\d{2}\s*\+|\d{2}\s+and\s+(?:over|older))[\s|,]*){2,9}$",
    re.IGNORECASE)
# a header naming only a percent column: "%", "% of respondents", "Share, %"
_PCT_ONLY_HEADER = re.compile(r"^(?:%|percent(?:age)?|share,?\s*%?|%\s+of\s+respondents)$",
                              re.IGNORECASE)
# dot leaders between an option and its figure: "Courts ......... 41.7"
_LEADER = re.compile(r"\s*(?:\.{2,}|…+)[\s.…]*$")
_PERCENT_COLUMN = re.compile(r"%|percent|ratio|share", re.IGNORECASE)
# "Respondents" heads a count column; "% of respondents" / "share of respondents" does not
_COUNT_COLUMN = re.compile(r"responses|(?<!of )respondents|count|number|votes|mentions|"
                           r"(?-i:\bN\b)", re.IGNORECASE)
# a question line that ends with the column header: "… to a public official?    N    %"
_TRAILING_HEADER = re.compile(
    r"^(?P<body>.*?[?.)])\s+(?P<cols>(?:(?:(?-i:N)|%|number|count|responses|percent|share)"
    r"(?:\s+|$)){1,3})$", re.IGNORECASE)
# such a header's last column word ends the line: it is looked for in the line's last 12
# characters (the longest word has 9) before the whole line is read for a question
_COLUMNS_AT_END = re.compile(r"(?:(?-i:N)|%|number|count|responses|percent|share)\s*$",
                             re.IGNORECASE)
# a row that sums the others: its count is the question's respondents
_TOTAL_ROW = re.compile(r"^(?:total|all respondents|base|sum|итого)\b", re.IGNORECASE)
_CAPTION_N = re.compile(r"\b[Nn]\s*=\s*(?P<n>\d{1,3}(?:,\d{3})+|\d+)")
# "Table 3. Which …?" — a caption's label is not part of the question
_CAPTION = re.compile(r"^(?:table|figure|fig\.|chart|diagram)\s*\d+(?:\.\d+)*\s*[.:–—-]\s*",
                      re.IGNORECASE)
# a question may close with an instruction: "…? (multiple answers allowed)"
_ENDS_AS_QUESTION = re.compile(r"\?[\"”»']?\s*(?:\([^()]{1,80}\))?\s*$")
_BULLET = re.compile(r"^(?:[•◦▪▫·*►–—-]|[a-z]\)|\([a-z]\))\s+")
_MAX_WRAP = 6  # lines of one option's text before the table is deemed over
_SURVEY_GAP = 30  # lines of other text after which the next table belongs to another survey

# guarded (as _ASKED and _ANSWERED): most sentences lack their words, and are not searched
_SURVEY_WORD = guarded(re.compile(
    r"\b(?:survey\w*|poll\w*|questionnaire|respondents?|interview\w*)\b", re.IGNORECASE))
_N_STATED = [
    re.compile(r"\b[Nn]\s*=\s*(?P<n>\d{1,3}(?:,\d{3})+|\d+)"),
    re.compile(rf"(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+|{NUMBER_WORDS})\s+(?:[\w'’,-]+\s+){{0,16}}?"
               r"(?:took part|participated|were (?:polled|surveyed|interviewed|questioned)|"
               r"responded|answered|filled in|completed)", re.IGNORECASE),
    re.compile(r"\b(?:polled|surveyed|interviewed|questioned|among|(?:sample|survey|poll|study|"
               r"barometer) of)\s+"
               r"(?:some\s+|about\s+|over\s+)?(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+"
               r"(?:[\w'’-]+\s+){0,3}?(?:respondents|people|citizens|persons|residents|adults|"
               r"entrepreneurs|experts|households|teachers|parents|employees|"
               r"participants|voters|students|Kazakhstanis)", re.IGNORECASE),
    re.compile(r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+respondents\b", re.IGNORECASE),
]
# guarded: a sentence without the words of one is not searched with it
_N_STATED = [guarded(p) for p in _N_STATED]


@dataclass
class _Row:
    text: str
    start: int
    end: int
    count: int | None
    pct: float | None


@dataclass
class _Table:
    question_no: int | None
    question: str
    first_line: int  # index of the question's first line
    last_line: int  # index of the last row's line
    rows: list[_Row] = field(default_factory=list)
    n: int | None = None  # respondents printed for this question (a "Total" row, "n = …")


def extract(doc: Document) -> list[SurveyResult]:
    """Every option row of every questionnaire table, then poll results stated in prose."""
    return _extract(doc)


# Gates: necessary conditions, on the whole text, of what a reader can find, checked before
# it runs (`_extract(doc, gated=False)` runs them all).
# - _tables: every table it returns has two rows or more (_read_rows keeps no other), each
#   read from a line of its own whose stripped text _row_match took, so ends as _ROW_END
#   says (a figure, "%" or ")", then spaces or bars): with fewer than two such lines it finds
#   none. _ROW_LINE finds them in one search of the text, one match per such line (a match
#   ends its line), the same lines as _ROW_END on each line stripped (strip and \s agree
#   on what is a space; a line is what lines_of splits at "\n").
# - _prose_statements: a statement is read from a sentence with a share (find_percentages),
#   which finds none where may_hold_percentages says so of the whole text (a span's
#   sign is the whole text's): there are none, and it returns no statement. (And
#   _prose_statements has a gate of its own.)
_ROW_LINE = re.compile(r"[\d%)](?:[^\S\n]|\|)*$", re.MULTILINE)


def _two_row_lines(text: str) -> bool:
    found = _ROW_LINE.finditer(text)
    return next(found, None) is not None and next(found, None) is not None


def _extract(doc: Document, gated: bool = True) -> list[SurveyResult]:
    lines = lines_of(doc.text)
    tables = _tables(lines) if not gated or _two_row_lines(doc.text) else []
    if _SURVEY_WORD.search(doc.text):
        tables = sorted(tables + _grids(lines, tables), key=lambda t: t.first_line)
    stated = _stated_sizes(doc.text) if tables else []
    out: list[_Placed] = []
    used_ids: Counter[str] = Counter()
    spans: list[tuple[int, int, str]] = []  # unnumbered surveys' extents, for prose questions
    for survey in _surveys(tables):
        survey_id = _survey_id(doc.text, lines, survey, used_ids)
        survey_n = _survey_size(survey, stated)
        if not any(t.question_no for t in survey):
            spans.append((lines[survey[0].first_line].start, lines[survey[-1].last_line].end,
                          survey_id))
        for number, table in enumerate(survey, start=1):
            n = _question_size(table, survey_n)
            for option_no, row in enumerate(table.rows, start=1):
                out.append(_Placed(_result(
                    source_name=doc.source_name, **doc.cite(row.start, row.end),
                    survey_id=survey_id, question_no=table.question_no or number,
                    question_text=table.question or None, option_no=option_no,
                    option_text=row.text, responses=row.count, pct_reported=row.pct,
                    n_respondents=n), lines[table.first_line].start, ("table", number)))
    table_pcts = {r.pct for t in tables for r in t.rows if r.pct is not None}
    # prose restating a table collapses its scale: "agree" + "strongly agree"
    table_pcts |= {round(a.pct + b.pct, 1) for t in tables
                   for a, b in zip(t.rows, t.rows[1:], strict=False)
                   if a.pct is not None and b.pct is not None and len(t.rows) >= 4}
    statements = _prose_statements(doc.text, table_pcts, gated) \
        if not gated or may_hold_percentages(doc.text) else []
    out += _prose_results(doc, statements, used_ids, spans)
    return _in_order_of_appearance(out, {survey_id for _, _, survey_id in spans})


@dataclass
class _Placed:
    record: SurveyResult | None
    position: int  # where its question starts in the cleaned text
    question: tuple  # the question's identity within its survey


def _in_order_of_appearance(placed: list[_Placed], renumber: set[str]) -> list[SurveyResult]:
    """Records; in surveys whose questions carry no printed numbers and mix tables with
    questions reported in prose, questions are numbered in the order they appear."""
    firsts: dict[tuple, int] = {}
    for p in placed:
        if p.record is not None and p.record.survey_id in renumber:
            key = (p.record.survey_id, p.question)
            firsts[key] = min(firsts.get(key, p.position), p.position)
    numbers: dict[tuple, int] = {}
    for survey_id in renumber:
        keys = sorted((k for k in firsts if k[0] == survey_id), key=firsts.get)
        numbers.update({k: i for i, k in enumerate(keys, start=1)})
    out = []
    for p in placed:
        if p.record is None:
            continue
        key = (p.record.survey_id, p.question)
        out.append(p.record.model_copy(update={"question_no": numbers[key]})
                   if key in numbers else p.record)
    return out


# ---- finding tables ------------------------------------------------------------------------

_DIGIT = re.compile(r"\d")


def _is_header(text: str) -> bool:
    """A column header: two or more column words, no figures, not a question."""
    # the same pure tests, cheapest first: most lines are prose, longer than 12 words
    return (len(text.split()) <= 12 and not text.rstrip().endswith("?")
            and not _DIGIT.search(text)
            and len({w.lower() for w in _COLUMN_WORD.findall(text)}) >= 2)


def _tables(lines: list[Line]) -> list[_Table]:
    tables: list[_Table] = []
    columns, after_table = "count", -10  # the last header's columns, where its table ended
    i = 0
    while i < len(lines):
        text = lines[i].text.strip()
        header, first_row = _header_at(lines, i)
        found: list[_Table] = []
        if _COLUMNS_AT_END.search(text[-12:]) and _TRAILING_HEADER.match(text) and \
                "?" in _question_up_to(lines, i)[2]:
            cols = _TRAILING_HEADER.match(text)["cols"]
            has_pct, has_count = _PERCENT_COLUMN.search(cols), _COUNT_COLUMN.search(cols)
            columns = "pct" if has_pct and not has_count else "both" if has_pct else "count"
            found = _read_rows(lines, i + 1, need_pct=False, columns=columns)
            if found and not found[0].question:
                found[0].first_line, found[0].question_no, found[0].question = \
                    _question_up_to(lines, i)
        elif header:
            has_pct, has_count = _PERCENT_COLUMN.search(header), _COUNT_COLUMN.search(header)
            columns = "groups" if _GROUP_HEADER.match(header) else \
                "pct" if has_pct and not has_count else "both" if has_pct else "count"
            found = _read_rows(lines, first_row, need_pct=False, columns=columns)
            if found and not found[0].question:
                found[0].first_line, found[0].question_no, found[0].question = \
                    _question_before(lines, i)
        elif _ENDS_AS_QUESTION.search(text):
            # no header: only rows carrying a percent make it a table, unless the question
            # follows a table right away (the next question of it, under the same header)
            follows = i - after_table <= 4
            found = _read_rows(lines, i + 1, need_pct=not follows,
                               columns=columns if follows else "count")
            if found and not found[0].question:
                found[0].first_line, found[0].question_no, found[0].question = \
                    _question_before(lines, i + 1)
        found = [t for t in found if t.question]
        for table in found[:1]:  # "(percent of respondents; n = 1,184)" in the caption above
            caption = " ".join(ln.text for ln in lines[max(0, table.first_line - 3):
                                                         table.first_line])
            stated = _CAPTION_N.search(caption)
            if stated and table.n is None:
                table.n = int(parse_number(stated["n"]))
        if found:
            tables += found
            i = after_table = found[-1].last_line + 1
        else:
            i += 1
    return tables


def _grids(lines: list[Line], tables: list[_Table]) -> list[_Table]:
    """Grids of shares the row reader does not take: a Likert grid (statements by answer
    columns, one cell per line; each statement a question, each column an option) and a
    key-findings grid (statements by populations; each cell a one-option question)."""
    taken = [(t.first_line, t.last_line) for t in tables]
    out: list[_Table] = []
    i = 0
    while i < len(lines):
        if any(a <= i <= b for a, b in taken):
            i += 1
            continue
        stacked = _stacked_table(lines, i)
        if stacked is not None:
            out.append(stacked)
            i = stacked.last_line + 1
            continue
        grid = cell_grid(lines, i)
        if grid and all(sums_to_hundred(r.values) for r in grid.rows):
            for index, row in enumerate(grid.rows, start=1):
                start, end = lines[row.first_line].start, lines[row.last_line].end
                out.append(_Table(row.number or index, row.label, row.first_line, row.last_line,
                                  [_Row(column, start, end, None, value)
                                   for column, value in zip(grid.columns, row.values,
                                                            strict=True)]))
            i = grid.last_line + 1
            continue
        grid = row_grid(lines, i)
        # (the caption and the columns are read only for a grid: most lines have none)
        caption = " ".join(ln.text for ln in lines[max(0, i - 3):i + 1]) if grid else ""
        columns = list(zip(*(r.values for r in grid.rows), strict=True)) if grid else []
        if grid and "%" in caption and not any(sums_to_hundred(r.values) for r in grid.rows) \
                and not any(sums_to_hundred(list(c)) for c in columns):
            for row in grid.rows:
                line = lines[row.first_line]
                for column, value in enumerate(row.values, start=1):
                    out.append(_Table(None, f"{row.label} (column {column})", row.first_line,
                                      row.last_line, [_Row(row.label, line.start, line.end, None,
                                                           value)]))
            i = grid.last_line + 1
            continue
        i += 1
    return out


_CELL_HEAD = re.compile(r"(?:answer(?: options?)?|options?|responses?|number|count|n|%|"
                        r"percent(?:age)?|share|votes|respondents|ratio)", re.IGNORECASE)


def _stacked_table(lines: list[Line], i: int) -> _Table | None:
    """A question (line i ends it) whose options follow one cell per line: "Yes" / "120" /
    "40%" (a column header of its own lines, "Answer" / "Number" / "%", may come first)."""
    text = lines[i].text.strip()
    if not (_ENDS_AS_QUESTION.search(text) or _QUESTION.match(text) or _CAPTION.match(text)):
        return None
    j = i + 1
    while j < len(lines) and _CELL_HEAD.fullmatch(lines[j].text.strip()):
        j += 1
    rows = stacked_rows(lines, j)
    if not rows or not _plausible([_Row(r.label, 0, 0, r.count, r.pct) for r in rows]):
        return None
    first, number, question = _question_before(lines, i + 1)
    if not question and _CAPTION.match(text) and all(r.pct is not None for r in rows):
        first, question = i, _CAPTION.sub("", text)  # "Table 2. Trust in the police" heads it
    if not question:
        return None
    return _Table(number, question, first, rows[-1].last_line,
                  [_Row(r.label, lines[r.first_line].start, lines[r.last_line].end, r.count,
                        r.pct) for r in rows])


def _header_at(lines: list[Line], i: int) -> tuple[str | None, int]:
    """The column header starting at line i (it may wrap: "... Number of" / "mentions") and
    the index of the line after it."""
    first = lines[i].text
    # a header (_is_header) has at most 12 words and names a column on its first line: the
    # cheap tests, on that line, first (most lines are prose)
    if len(first.split()) <= 12 and _COLUMN_WORD.search(first):
        first_row = i + 1
        while first_row < len(lines) and _HEADER_TAIL.match(lines[first_row].text.strip()):
            first_row += 1
        header = " ".join(ln.text.strip() for ln in lines[i:first_row])
        if _is_header(header):
            return header, first_row
    text = lines[i].text.strip()
    if _GROUP_HEADER.match(text) or _PCT_ONLY_HEADER.match(text):
        return text, i + 1
    return None, i + 1


def _read_rows(lines: list[Line], i: int, need_pct: bool,
               columns: str = "count") -> list[_Table]:
    """Option rows from line i on, all of one shape; tables of fewer than two rows dropped.

    A question printed between rows ("1 How often have you … ?", wrapped, unpunctuated
    number) starts the next table of the same block. `columns`: what the header names. "pct"
    alone makes a bare number a percent; "both" makes the second of two bare numbers a percent.
    """
    shape: str | None = None
    tables: list[_Table] = []
    current = _Table(None, "", i, i - 1)
    pending: list[Line] = []
    pending_from = i
    while i < len(lines):
        line = lines[i]
        text = line.text.strip()
        if not text:
            i += 1
            continue
        if _QUESTION.match(text) or _STOP_LINE.match(text) or _header_at(lines, i)[0]:
            break
        match, form = _row_match(text, shape, columns)
        if match is None:
            last = current.rows[-1] if current.rows else None
            if current.question and not current.rows and not pending and re.fullmatch(
                    r"\([^()]{1,80}\)", text):  # "(several answers possible)" under it
                current.question, current.last_line = f"{current.question} {text}", i
                i += 1
                continue
            if last and not pending and text[0].islower() and not re.search(r"[.?!:]$",
                                                                             last.text):
                # the end of the option above, wrapped below its figures
                last.text, last.end, current.last_line = f"{last.text} {text}", line.end, i
                i += 1
                continue
            if not pending:
                pending_from = i
            pending.append(line)
            joined = " ".join(p.text.strip() for p in pending)
            if _ENDS_AS_QUESTION.search(joined) and len(pending) <= 4:
                if current.rows:
                    tables.append(current)
                number = _QUESTION_NUMBER.match(joined)
                current = _Table(int(number[1]) if number else None,
                                 joined[number.end():] if number else joined,
                                 pending_from, i)
                pending = []
                i += 1
                continue
            if len(pending) >= _MAX_WRAP or re.search(r"\d\s*%", text):
                break
            i += 1
            continue
        option = " ".join([*(p.text.strip() for p in pending),
                           _LEADER.sub("", match["text"]).strip(" |–—-:")])
        option = _BULLET.sub("", option).strip()
        if not re.search(r"[^\W\d_]", option) or (
                form in ("count", "bare_pct", "count_bare_pct", "breakdown")
                and _ends_with_figure(option)):
            break
        start = pending[0].start if pending else line.start
        count = match.groupdict().get("count")
        pct = match.groupdict().get("pct")
        if _TOTAL_ROW.match(option) and not pending:
            current.n = int(parse_number(count)) if count else current.n
            current.last_line, pending = i, []
            i += 1
            continue
        current.rows.append(_Row(option, start, line.end,
                                 int(parse_number(count)) if count else None,
                                 parse_number(pct) if pct else None))
        shape, pending, current.last_line = form, [], i
        i += 1
    if current.rows:
        tables.append(current)
    if need_pct and shape in (None, "count"):
        return []
    return [t for t in tables if len(t.rows) >= 2 and _plausible(_in_range(t.rows))]


def _in_range(rows: list[_Row]) -> list[_Row]:
    """The rows a table is judged by: all of them, or all but one misprinted share outside
    0-100 ("150.0 %"). That row is still extracted, and validation quarantines it with its
    reason (SURV-001) instead of the whole table vanishing without a word."""
    bad = [r for r in rows if r.pct is not None and not 0 <= r.pct <= 100]
    kept = [r for r in rows if r not in bad]
    return kept if len(bad) == 1 and len(kept) >= 2 else rows


# every row form ends with a figure: a digit or "%" (or the ")" closing a count), then
# spaces or bars; a line that does not (most prose) is no row of any form
_ROW_END = re.compile(r"[\d%)][\s|]*$")


def _row_match(text: str, shape: str | None,
               columns: str) -> tuple[re.Match | None, str | None]:
    if not _ROW_END.search(text):
        return None, None
    bare = {"pct": ["bare_pct"], "both": ["count_bare_pct", "count"],
            "groups": ["breakdown"]}.get(columns, ["count"])
    forms = [shape] if shape else ["count_pct", "pct_count", "pct", *bare]
    for form in forms:
        match = _ROW_FORMS[form].match(text)
        if match:
            return match, form
    return None, None


def _ends_with_figure(option: str) -> bool:
    return bool(_FIGURE_END.search(option))


def _plausible(rows: list[_Row]) -> bool:
    """Shares within 0-100; a count and its percent imply one respondent base."""
    if any(r.pct is not None and not 0 <= r.pct <= 100 for r in rows):
        return False
    bases = [r.count * 100 / r.pct for r in rows if r.count and r.pct and r.count >= 5]
    return not bases or max(bases) <= 1.2 * min(bases) + 2


def _question_up_to(lines: list[Line], i: int) -> tuple[int, int | None, str]:
    """The question that ends on line i, whose tail is the column header ("…? N %")."""
    body = _TRAILING_HEADER.match(lines[i].text.strip())["body"]
    back = [body]
    j = i
    while not _QUESTION.match(back[0]) and j > 0 and len(back) < 4:
        above = lines[j - 1].text.strip()
        if not above or re.search(r"[.!:)]$", above):
            break
        back.insert(0, above)
        j -= 1
    number = _QUESTION.match(back[0])
    if number:
        back[0] = number[2]
    return j, int(number[1]) if number else None, " ".join(back)


def _question_before(lines: list[Line], header: int) -> tuple[int, int | None, str]:
    """The question printed just above a table's header (or rows): number and joined text."""
    back = []
    j = header - 1
    if j > 0 and not lines[j].text.strip():
        j -= 1  # one blank line between a caption and its table
    while j >= 0 and len(back) < 4:
        text = _CAPTION.sub("", lines[j].text.strip())
        if not text:
            break
        back.insert(0, text)
        match = _QUESTION.match(text)
        if match:
            back[0] = match[2]
            return j, int(match[1]), " ".join(back)
        if j < header - 1 and re.search(r"[.!:]$", text):
            back.pop(0)
            break
        j -= 1
    if back and _ENDS_AS_QUESTION.search(back[-1]):
        question = _QUOTED_CAPTION.sub(r"\1", " ".join(back))  # a quoted caption
        return j + 1, None, question
    return header, None, ""


# ---- surveys and their respondents ---------------------------------------------------------

def _surveys(tables: list[_Table]) -> list[list[_Table]]:
    """Consecutive tables form one survey until numbering restarts or text intervenes."""
    groups: list[list[_Table]] = []
    for table in tables:
        prev = groups[-1][-1] if groups else None
        restart = table.question_no is not None and prev is not None and (
            prev.question_no is None or table.question_no <= prev.question_no)
        if prev is None or restart or table.first_line - prev.last_line > _SURVEY_GAP:
            groups.append([table])
        else:
            groups[-1].append(table)
    return groups


def _stated_sizes(text: str) -> list[int]:
    """Sample sizes stated in sentences about a survey ("124 citizens took part", "N = 1,000")."""
    sizes = []
    for start, end in sentences(text):
        sentence = text[start:end]
        if not _SURVEY_WORD.search(sentence):
            continue
        for pattern in _N_STATED:
            for match in pattern.finditer(sentence):
                raw = match["n"]
                n = parse_number(raw) if raw[0].isdigit() else words_to_int(raw)
                if n and n >= 10 and not re.fullmatch(YEAR, raw):
                    sizes.append(int(n))
    return sizes


def _fits(n: int, table: _Table) -> bool:
    rows = [r for r in table.rows if r.count is not None and r.pct is not None]
    return bool(rows) and all(abs(100 * r.count / n - r.pct) <= 0.6 for r in rows)


def _survey_size(survey: list[_Table], stated: list[int]) -> int | None:
    """The stated sample size that every question's counts and percents agree with."""
    priced = [t for t in survey if any(r.count is not None and r.pct for r in t.rows)]
    if not priced:
        return stated[0] if len(set(stated)) == 1 or (stated and all(
            len(t.rows) > 1 and not any(r.count for r in t.rows) for t in survey)) else None
    for n in stated:
        if all(_fits(n, t) for t in priced):
            return n
    derived = {_derived_size(t) for t in priced}
    return derived.pop() if len(derived) == 1 else None


def _derived_size(table: _Table) -> int | None:
    rows = [r for r in table.rows if r.count and r.pct]
    if not rows:
        return None
    best = max(rows, key=lambda r: r.count)
    return round(best.count * 100 / best.pct)


def _question_size(table: _Table, survey_n: int | None) -> int | None:
    if table.n is not None:
        return table.n
    if survey_n is not None and (_fits(survey_n, table) or _derived_size(table) is None):
        return survey_n
    return _derived_size(table)


def _survey_id(text: str, lines: list[Line], survey: list[_Table], used: Counter) -> str:
    """A slug from the heading above the survey and the year it concerns."""
    heading = ""
    j = survey[0].first_line - 1
    while j >= 0 and j >= survey[0].first_line - 3:
        candidate = lines[j].text.strip()
        if candidate and len(candidate.split()) <= 8:
            heading = candidate
            break
        j -= 1
    words = re.findall(r"[a-z]+", heading.lower())
    if not any(w.startswith(("survey", "poll", "questionnaire")) for w in words):
        words = ["survey"]
    body = " ".join(t.question + " " + " ".join(r.text for r in t.rows) for t in survey)
    years = re.findall(YEAR, heading + " " + body) or re.findall(YEAR, text)
    year = Counter(years).most_common(1)[0][0] if years else None
    slug = "-".join([*words[:4], *([year] if year else [])])
    used[slug] += 1
    return slug if used[slug] == 1 else f"{slug}-{used[slug]}"


# ---- poll results reported in prose --------------------------------------------------------
#
# A poll told in prose is read clause by clause. Each percentage is a share giving an answer
# when it sits in a passage about a poll (a `cue` rule nearby) and in one of the forms answers
# take: "46% (of respondents) take an interest …" (subject form), "curbing prices (54%)" (a
# list item), "the housing problem was named by 28%" (passive), "the supporters of change
# make up 47%" (share verb), or, after a first answer in a sentence, a gapped "38% China".
# Answers join one question while the sentence goes on, or the next sentence continues it
# (a continuation cue, the don't-know answer, or shares that still sum to at most 100); a
# subgroup ("among those aged 18-29") asks its question anew. The cue words are rules
# (kzwatch/rules/en/survey_results.yaml); the forms are the grammar of English clauses.

_PACK = rule_pack("survey_results")
# bounds that make a share a threshold ("above 70 percent"), not an answer's share
_THRESHOLDS = frozenset({"above", "exceeded", "exceeds", "exceed", "in excess of", "upwards of"})
_LEX = lexicon("en")
_ZONE_BEFORE, _ZONE_AFTER = 12, 2  # sentences around a poll cue whose shares may be answers
_POLL_GAP = 15  # sentences without answers after which a new poll begins
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# words that cannot open the verb phrase of an answer ("46% of the votes", "5% in 2019")
_NOT_VERB = frozenset(
    "of in on at for from to than the a an and or with per points point year years month "
    "increase rise growth decline level more less higher lower by as".split())
_CLAUSE_END = re.compile(
    r"[;:]|\s[–—]\s|[()]|\.(?:\s|$)|,\s*(?:while|whereas|but|compared|according|as|up from|down "
    r"from|against|with|which|although|though|followed by|including)\b"
    r"|,\s*(?:up|down)\b|,\s*(?:\w+\s+)?(?:percentage\s+)?points?\b|\s(?:compared (?:with|to)|"
    r"according to|up from|down from)\b|,\s*(?:and\s+)?(?:(?:only|just|another|a further)\s+)?"
    r"(?:every|the remaining|the rest)\b|\s+and\s+(?:every|the remaining|the rest|the other)\b",
    re.IGNORECASE)
# the run of separators is possessive (`++`): splitting it never lets the pattern match where
# the whole run does not, and trying every split is exponential ("x , , , , , , , y": minutes)
_TRAILING = re.compile(r"(?:[\s,;:–—-]++|\b(?:and|or|while|whereas|but|with|only|just|"
                       r"nearly|almost|about|some|around|roughly)\b)+$", re.IGNORECASE)
_LEADING = re.compile(r"^(?:[\s,;:–—)\-]+|(?:only|just|also|still|even|on the contrary|in turn|who|"
                      r"however|meanwhile|by contrast|in contrast|instead|and|or|but|while|"
                      r"whereas|then)\b,?)+", re.IGNORECASE)
_OF_GROUP = re.compile(r"\s*(?:of|among)\s+(?P<group>(?:[\w'’-]+\s+){0,6}?)", re.IGNORECASE)
_QUOTE = re.compile(r"[“\"«](?P<q>[^”\"»]{3,200})(?:[”\"»]|$)")
_PRONOUN = re.compile(r"(?:^|\s)(?:they|it|this|these|those|the figure|this figure|the share|"
                      r"this share|the number|that)$", re.IGNORECASE)
_SHARE_OF = re.compile(r"^(?:the\s+)?(?:share|proportion|percentage|number)\s+of\s+(?:the\s+)?"
                       r"(?:(?:people|respondents|citizens|those|residents|Kazakhstanis|adults|"
                       r"voters)\s+)?(?:who\s+(?:are\s+|were\s+)?)?", re.IGNORECASE)
_ASKED = guarded(re.compile(
    r"\b(?:when\s+)?asked\s+(?P<q>(?:whether|if|what|which|how|who|why|about)\b"
    r"[^,;:]{3,200}?)\s*[,;:]", re.IGNORECASE))
_OWN_COUNT = re.compile(r"^\s*\(\s*\d+\s+(?:responses?|answers?|votes?|people|persons)",
                        re.IGNORECASE)
_PASSIVE = re.compile(r"\b(?:is|are|was|were)\s+(?:most often\s+|also\s+)?(?P<verb>\w+ed|"
                      r"chosen|seen|given|spoken|thought|held)(?P<rest>(?:\s+[\w-]+){0,3}?)\s*$",
                      re.IGNORECASE)
# the holders of an opinion: "those who oppose", "supporters", "optimists", "people satisfied"
_HOLDERS = re.compile(r"\b(?:who|people|\w+(?:ers|ists|ents)|support|trust|approval|confidence|"
                      r"satisfaction|backing|opposition|disapproval|distrust)\b", re.IGNORECASE)
# what narrows a group of respondents: "aged 18 to 29", "under 25", "who chose Russian"
_GROUP_TAIL = re.compile(
    r"(?:\s+(?:aged\s+\d+(?:\s*(?:-|–|to|and)\s*(?:\d+|older|over|above))?(?:\s+and\s+(?:older|"
    r"over|above))?|(?:under|over|older than|younger than)\s+\d+|who\b[^,;.]*|(?:living in|from|in)"
    r"\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?))?")
_LIST_PASSIVE = re.compile(r"(?P<subject>.+?)\s+(?:is|are|was|were)\s+(?:\w+\s+)?\w+ed\b.*?\bby\s+"
                           r"(?P<by>(?:respondents|those|people|residents|citizens)\b.*)$",
                           re.IGNORECASE)
# "In 2019, …", "in the autumn of 2023, …", "in 2020 - 87.6%": the year an answer is told under
_YEAR_TOLD = re.compile(r"\b[Ii]n (?:the )?(?:(?:spring|summer|autumn|fall|winter|first half|"
                        r"second half|beginning|end|wave) of )?((?:19|20)\d\d)\b")
_OF_CASES = re.compile(r"\s*of\s+(?:the\s+)?(?:cases|instances|episodes)\b,?", re.IGNORECASE)
_IN_FAVOUR = re.compile(r"in favou?r\b", re.IGNORECASE)
_IN_PLACE = re.compile(r"\s*in\s+(?:the\s+)?(?P<place>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})\b,?")
# the subject a sentence gives figures for: "Support for membership fell …", "China is most
# often named as …"
_SUBJECT_OF = re.compile(
    r"(?:^|[:;]\s|,\s)(?:(?:in|among|across|between)\s[^,:;]{1,40},?\s)?"
    r"(?P<np>[a-z][\w ’'-]{1,60}?)\s+(?:(?:has|have|had)\s+)?(?:fell|fallen|rose|risen|grew|"
    r"grown|dropped|declined|slipped|increased|decreased|(?:is|are|was|were)\s+(?:also\s+|"
    r"most\s+often\s+)?named)\b", re.IGNORECASE)
# "(Kazakhstan 63%, Kyrgyzstan 93%)": a country's label right before its figure
_LABEL_BEFORE = re.compile(r"(?:\(|,)\s*(?P<place>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s+$")
# a group named by a plural noun or demonym, then the verb: "of Kazakhs support", "of parents
# want" (the respondent rules name the usual ones; this reads any plural group)
_PLURAL_GROUP = re.compile(r"(?!all\b|total\b)(?:the\s+)?(?:[\w'’-]+\s+){0,2}?[\w'’-]+s"
                           r"(?=\s+(?!(?:of|in|on|at|for|from|to|than|and|or|with|by|as|is|was|can|"
                           r"could|will|would|may|must|should)\b)[a-z])")
# "(43% each)": a share stated once for each of several groups
_EACH_SHARE = re.compile(r"\s*each\b", re.IGNORECASE)
# "from Mangystau, Pavlodar and Zhambyl regions": groups listed by name
_GROUP_LIST = re.compile(r"\b(?:from|in|among|of)\s+(?P<list>[A-Z][\w-]+(?:\s*,\s*[A-Z][\w-]+)*"
                         r",?\s+(?:and|or)\s+[A-Z][\w-]+)(?:\s+(?P<kind>regions|cities|oblasts|"
                         r"countries|districts|provinces))?")
_PAREN_OPEN = re.compile(r"\(\s*(?:some\s+|about\s+|almost\s+|nearly\s+)?$")


@dataclass
class _Statement:
    option: str | None
    pct: float
    group: str | None
    sentence: int
    paragraph: int
    start: int
    end: int
    form: str
    question: str | None = None  # "Asked whether …," before the figures
    continues: bool = False  # opened by a continuation cue
    component: bool = False  # a part of the answer before it ("Of these, 36%")
    undecided: bool = False
    multi: bool = False
    new_question: bool = False  # an "Asked …" cue between it and the statement before
    quoted: bool = False  # the answer is a quotation (an option as printed on the form)
    place: bool = False  # the subgroup is a country or town ("in Kyrgyzstan")
    sentence_total: float = 0.0  # the shares its sentence gives this group, summed
    wave: str | None = None  # an earlier wave's share ("up from 45% in 2019"): its year
    anchor: _Statement | None = None  # the current answer an earlier wave's share compares to
    k: int = -1  # the share's index in its sentence
    year: str | None = None  # the year its clause tells it under ("In 2019, 17% …")


# compiled once: tried for every share (around it) and every statement
_LEADING_PUNCT = re.compile(r"^[\s–—,:-]+")
_STOP = re.compile(r"[.;]\s")  # where a sentence or clause ends, within a share's left context
_BY_BEFORE = re.compile(r"\bby\s+(?:only\s+|just\s+|some\s+|about\s+|almost\s+|nearly\s+)?$")
_FOR_BEFORE = re.compile(r"\bfor\s*$")




@lru_cache(maxsize=1024)  # pure (the pack is frozen): a sentence is asked for a cue twice
def _has(kind: str, text: str) -> bool:
    return _PACK.first(kind, text) is not None


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n[ \t]*[-•–*][ \t]+[A-Z][\w ,&'’-]{0,40}(?=\n)")


def _paragraphs(text: str) -> list[int]:
    """Where paragraphs start: after a blank line or a bulleted heading ("- Free time")."""
    return [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]


def _prose_statements(text: str, table_pcts: set[float], gated: bool = True
                      ) -> list[_Statement]:
    """Every share in a passage about a poll that gives an answer, with that answer.

    `gated`: return at once when no share can give one (below); False reads every share."""
    spans = sentences(text)
    shares = [find_percentages(text, s, e) for s, e in spans]
    # only a sentence with shares states anything (the loop below skips the others), and it
    # asks only about the cues in its zone (_ZONE_BEFORE sentences before it to _ZONE_AFTER
    # after) and the multi-select cues from two sentences before it to one after (multi_at's
    # reach): no other sentence is tested for them
    with_shares = [i for i, pcts in enumerate(shares) if pcts]
    near_cue = {j for i in with_shares for j in range(i - _ZONE_BEFORE, i + _ZONE_AFTER + 1)}
    near_multi = {j for i in with_shares for j in range(i - 2, i + 2)}
    cues = [i for i, (s, e) in enumerate(spans) if i in near_cue and _has("cue", text[s:e])]
    if gated and not cues and not any(
            _opinion_of_people(text[p.end:pcts[k + 1].start if k + 1 < len(pcts) else e])
            for (_, e), pcts in zip(spans, shares, strict=True) for k, p in enumerate(pcts)):
        # A statement is kept (out.append, a pending group's, a shared "each") only after
        # its share passed the zone test below: in a cue's zone, or after a statement of
        # its own sentence, or (the sentence's first) read as a share of people holding an
        # opinion (_opinion_of_people of the text up to the next share). With no cue near
        # a share no sentence is in a zone, so where no share passes the opinion test no
        # sentence keeps its first statement, nor any other: _earlier_waves pairs a wave's
        # share only with a statement of its sentence. Nothing to return.
        return []
    breaks = _paragraphs(text)
    multi_at: set[int] = set()
    for i, (s, e) in enumerate(spans):
        if i not in near_multi or not _has("multi", text[s:e]):
            continue
        # the cue is told before or after the list it allows, within its paragraph
        multi_at |= {i + d for d in (0, -1, 1, 2) if 0 <= i + d < len(spans) and
                     bisect.bisect_right(breaks, spans[i][0]) ==
                     bisect.bisect_right(breaks, spans[i + d][0])}
    out: list[_Statement] = []
    last_wave: str | None = None
    title_end = text.find("\n")
    for index, (s, e) in enumerate(spans):
        pcts = shares[index]
        if not pcts:
            continue  # no share: nothing below is read or changed
        k = bisect.bisect_left(cues, index - _ZONE_BEFORE)  # cues are in order: no scan of
        in_zone = k < len(cues) and cues[k] <= index + _ZONE_AFTER  # them all per sentence
        paragraph = bisect.bisect_right(breaks, s)
        if _has("sample", text[s:e]) or is_citation(text[s:e]) or (
                _FOOTNOTE.match(text, s, e) and index not in cues):
            continue  # "58% of the respondents were women": who was asked, not what they said
        asked = _ASKED.search(text, s, e)
        opened = len(out)
        paired = _respectively(text, s, e, pcts, out[-1].option if out else None)
        pending: list = []
        waves: list = []
        wave_of = _waves_of(text, s, e, pcts)
        for k in wave_of:  # "from 82% to 78%", "two years earlier": the wave named just before
            if wave_of[k] == "earlier" and last_wave:
                wave_of[k] = last_wave
            last_wave = wave_of[k] if wave_of[k] != "earlier" else last_wave
        for k, p in enumerate(pcts):
            seg_start = pcts[k - 1].end if k else s
            seg_end = pcts[k + 1].start if k + 1 < len(pcts) else e
            pre, post = text[seg_start:p.start], text[p.end:seg_end]
            if p.qualifier in ("range", "threshold") or p.bound in _THRESHOLDS or \
                    p.value >= 100 or _OWN_COUNT.match(post) or p.value in table_pcts:
                continue
            wave = wave_of.get(k)
            if wave is not None and k not in paired:
                waves.append((k, p, wave, seg_start, seg_end))
                continue
            if p.qualifier == "from":
                continue
            if k not in paired and _not_answer(pre, post):
                continue
            prev = out[-1] if len(out) > opened else None
            if not in_zone and prev is None and not _opinion_of_people(post):
                continue  # outside a poll's passage only "64% of students believe …" reads
            shared = _EACH_SHARE.match(post) and _each(text[s:p.start])
            if _EACH_SHARE.match(post) and not shared:
                continue  # "(43% each)" of groups not read: no answer of its own
            if shared:  # "(43% each)": one share for each group of the list before it
                option, groups = shared
                for g in groups:
                    out.append(_Statement(option, p.value, g, index, paragraph, seg_start,
                                          seg_end, "subject"))
                    out[-1].k = k
                continue
            answer = paired.get(k) or _answer(pre, post, prev)
            if answer is None or (answer[0] is None and prev is None):
                answer = _told_of_subject(text, s, pcts, k, pre, post) or answer
            if answer is None:
                continue
            option, group, form = answer
            if form == "pending":
                pending.append((p, group, seg_start, seg_end))
                continue
            if option and out and group and group != out[-1].group and _PACK.first(
                    "proform", option):
                option = out[-1].option  # "…, while in Georgia 31% agree": the same answer
            if pending and option:
                # the groups named before share this answer: each is a question of its own
                own = _OF_GROUP.match(post)
                own_group = group or (squash(_named_of(post)) if own else None)
                for q, q_group, q_start, q_end in pending:
                    out.append(_Statement(option, q.value, q_group, index, paragraph, q_start,
                                          q_end, "subject"))
                group = own_group
                pending = []
            clause_pre = pre[-80:]
            st = _Statement(option, p.value, group, index, paragraph, seg_start, seg_end, form)
            st.k = k
            year = _YEAR_TOLD.findall(pre)
            st.year = year[-1] if year else (prev.year if prev and ";" not in pre else None)
            st.continues = (k == 0 and _has("continuation", pre)) or _has(
                "continuation", _LEADING_PUNCT.sub("", post))
            if st.group is None and prev is not None and prev.group and not _subgroup(pre):
                st.group = prev.group
            st.place = bool(st.group and re.fullmatch(r"(?:[A-Z][\w-]+\s?){1,3}", st.group))
            component = _PACK.first("component", clause_pre)
            # "take the opposite view: 19.4% …" breaks down the share just given
            st.component = bool(component and (prev or not component[1].group(0).startswith(
                ":"))) or bool(prev and prev.component and re.search(r"(?:,|\band)\s*$", pre)
                               and ")" not in pre)
            st.undecided = bool(option and _has("undecided", option))
            st.quoted = bool(_QUOTE.search(post[:200]) or _QUOTE.search(pre[-200:]))
            st.multi = index in multi_at
            if asked and (asked.start() >= seg_start and asked.start() < p.start):
                st.new_question = True
                st.question = squash(asked["q"])
            elif asked and asked.start() < p.start:
                st.question = squash(asked["q"])
            if option is None and group is None and prev is None:
                continue
            if option is None:
                option = prev.option if prev else (out[-1].option if out else None)
                if option is None:
                    continue
                st.option = option
            if 0 <= title_end and p.start < title_end:
                st.form = "title"
            out.append(st)
        out += _earlier_waves(waves, out[opened:])
    totals: Counter = Counter()
    for st in out:
        if st.wave is None:
            totals[(st.sentence, st.group)] += st.pct
    for st in out:
        st.sentence_total = totals[(st.sentence, st.group)]
    return _drop_title_repeats(out)


# "103 Kazahstancy bedneyut: …": a numbered footnote (its shares are the cited source's)
_FOOTNOTE = re.compile(r"\s*\d{1,3}\s+[A-Z][a-z]")
def _opinion_of_people(post: str) -> bool:
    """'64% of students believe that …': a share of people holding an opinion is a poll's."""
    post = post.replace("\n", " ")
    group = _named_of(post)
    if not group:
        return False
    rest = post[post.index(group) + len(group):].lstrip()
    hit = _PACK.first("saying", rest)
    return bool(hit and hit[1].start() == 0)


def _told_of_subject(text: str, s: int, pcts: list, k: int, pre: str, post: str
                     ) -> tuple[str, str | None, str] | None:
    """A share whose clause names no answer of its own but gives a country's or town's figure
    for the sentence's subject: "support … fell in Armenia (from 63% to 48%)", "China is most
    often named …: 29% in Kazakhstan", "Russia is named … (Kazakhstan 63%, …)"."""
    head = text[s:pcts[0].start].replace("\n", " ")
    subject = _SUBJECT_OF.search(head)
    if subject is None:
        return None
    option = _clean_np(_LEADING.sub("", subject["np"]))
    if option is None:
        return None
    place = _IN_PLACE.match(post)
    label = _LABEL_BEFORE.search(pre)
    group = place["place"] if place else label["place"] if label else _subgroup(pre)
    changed = k > 0 and pcts[k - 1].qualifier == "from"
    if group is None and changed:  # "fell in Moldova (from 58% to 41%)": the group before
        group = _subgroup(text[pcts[k - 2].end if k > 1 else s:pcts[k - 1].start])
    if group is None and not changed:
        return None
    return option, group, "subject"


def _each(head: str) -> tuple[str, list[str]] | None:
    """The answer and the groups of "respondents from A, B and C regions most often want X
    (43% each)": the groups listed, and what the clause after them says they answered."""
    m = _GROUP_LIST.search(head.replace("\n", " "))
    if m is None:
        return None
    kind = f" {m['kind'].rstrip('s')}" if m["kind"] else ""
    groups = [f"{g}{kind}" for g in split_list(m["list"])]
    option = _clause(re.sub(r"\(\s*$", "", head.replace("\n", " ")[m.end():]))
    if option:
        option = re.sub(r"^(?:most often|mostly|usually|more often)\s+", "", option)
    return (option, groups) if option and len(groups) >= 2 else None


def _respectively(text: str, s: int, e: int, pcts: list, last_option: str | None
                  ) -> dict[int, tuple[str | None, str | None, str]]:
    """Shares a "respectively" pairs with the items of a list before them: "they avoid
    alcohol and tobacco (58 and 63.4 percent respectively)" gives two answers; "among young
    people and among pensioners (64% and 61% correspondingly)" two subgroups giving the
    answer just reported."""
    run = respectively_run(text[s:e], [(p.start - s, p.end - s) for p in pcts])
    if not run:
        return {}
    first = run[0]
    phrase = text[pcts[first - 1].end if first else s:pcts[first].start].replace("\n", " ")
    phrase = re.sub(r"(?:\(|\bby)\s*$", "", phrase.rstrip()).strip()
    phrase = re.split(r"[.;:]\s|,\s*(?:while|whereas|but)\s", phrase)[-1]
    if re.search(r"\bamong\b", phrase, re.IGNORECASE):
        start = re.search(r"\bamong\b", phrase, re.IGNORECASE).start()
        groups = [re.sub(r"^among\s+", "", g, flags=re.IGNORECASE)
                  for g in split_list(phrase[start:])]
        paired = pair_in_order(run, groups)
        if paired is None or last_option is None:
            return {}
        return {k: (last_option, g, "gapped") for k, g in paired}
    cut = 0
    for _, m in _PACK.matches("respondent", phrase):
        cut = m.end()
    answer = _clean_np(phrase[cut:]) or ""
    for kind in ("saying", "choice"):
        hit = _PACK.first(kind, answer)
        if hit and hit[1].start() == 0:
            answer = answer[hit[1].end():]
    answer = re.sub(r"^(?:they|that)\s+", "", answer.strip())
    passive = _PASSIVE.search(answer)
    if passive:
        answer = answer[:passive.start()].strip()
    items = distribute(split_list(answer))
    paired = pair_in_order(run, items)
    if paired:
        return {k: (item, None, "list") for k, item in paired}
    if len(items) == 1 and items[0]:
        return {k: (items[0], None, "list") for k in run}
    return {}


def _wave(pre: str, post: str, p, before: str) -> str | None:
    """The year (or "earlier") of an earlier wave whose share this is, else None: "up from
    45% in 2019", "(8% in 2019)", "(two years earlier, 47%)", "from 63% to 48%"."""
    tail = _STOP.split(pre.replace("\n", " "))[-1][-90:]
    head = post.replace("\n", " ")[:40]
    hit = _PACK.first("wave_before", tail) or _PACK.first("wave_after", head)
    if hit is None and p.qualifier != "from":
        return None
    named = hit[1].groupdict().get("year") if hit else None
    years = re.findall(r"\b(?:19|20)\d\d\b", head[:20] if hit else before)
    return named or (years[0] if years else "earlier")


def _waves_of(text: str, s: int, e: int, pcts: list) -> dict[int, str]:
    """Earlier waves' shares of a sentence by index; "(48% and 45% in 2020)": the wave
    named after a run of shares in brackets is the whole run's."""
    out: dict[int, str] = {}
    for k, p in enumerate(pcts):
        seg_start = pcts[k - 1].end if k else s
        seg_end = pcts[k + 1].start if k + 1 < len(pcts) else e
        wave = _wave(text[seg_start:p.start], text[p.end:seg_end], p, text[s:p.start])
        if wave is None:
            continue
        out[k] = wave
        j = k
        while j > 0 and re.fullmatch(r"\s*(?:,|and)\s*", text[pcts[j - 1].end:pcts[j].start]):
            j -= 1
        if j < k and re.search(r"\(\s*$", text[pcts[j - 1].end if j else s:pcts[j].start]):
            out.update({i: wave for i in range(j, k)})
    return out


def _earlier_waves(waves: list, current: list[_Statement]) -> list[_Statement]:
    """Statements for earlier waves' shares, each giving the answer of the current share it
    is compared with (the next one for "from X% to Y%", else the one before; a run of
    shares in brackets pairs with the answers before it in order)."""
    out = []
    ks = [w[0] for w in waves]
    for k, p, wave, start, end in waves:
        after = [st for st in current if st.k > k]
        before = [st for st in current if st.k < k]
        run_start = k
        while run_start - 1 in ks:
            run_start -= 1
        run_end = k
        while run_end + 1 in ks:
            run_end += 1
        size = run_end - run_start + 1
        if size > 1 and len(before) >= size:
            before = before[:len(before) - (run_end - k)]
        anchor = (after[0] if after else None) if p.qualifier == "from" else (
            before[-1] if before else (after[0] if after else None))
        if anchor is None:
            continue
        st = _Statement(anchor.option, p.value, anchor.group, anchor.sentence,
                        anchor.paragraph, start, end, "wave")
        st.wave, st.anchor, st.k = wave, anchor, k
        out.append(st)
    return out


def _drop_title_repeats(statements: list[_Statement]) -> list[_Statement]:
    """A headline restating a share the body reports is not another answer."""
    body = {st.pct for st in statements if st.form != "title"}
    return [st for st in statements if st.form != "title" or st.pct not in body]


def _not_answer(pre: str, post: str) -> bool:
    """A `not_answer` rule holds in the words right before or right after the share (its
    patterns anchor themselves: `$` at the share's left, `^` at its right)."""
    tail = _STOP.split(pre.replace("\n", " "))[-1][-60:]
    head = post.replace("\n", " ")[:40]
    return any(rule.regex.search(tail) or rule.regex.search(head)
               for rule in _PACK.of_kind("not_answer")) or bool(
        _PACK.first("not_before", tail) or _PACK.first("not_after", head))


def _answer(pre: str, post: str, prev: _Statement | None
            ) -> tuple[str | None, str | None, str] | None:
    """(option, subgroup, form) of the share between `pre` and `post`, or None."""
    label = _LABEL_BEFORE.search(pre)
    group = _subgroup(pre) or (label["place"] if label else None)
    pre_flat = pre.replace("\n", " ")
    # a list item or a parenthesised share: "curbing prices (54%)", "every fifth respondent (21%)"
    if _PAREN_OPEN.search(pre_flat) and re.match(r"\s*\)", post):
        np = _tail_phrase(_PAREN_OPEN.sub("", pre_flat), items=True)
        body = re.sub(r"^\s*\)\s*", "", post)
        if not np or _ends_with_respondent(np):
            option = _clause(body)
            return (option, group, "subject") if option else None
        if _named_of(body) or _PLURAL_GROUP.match(re.sub(r"^\s*of\s+", "", body)) and \
                re.match(r"\s*of\s", body):
            return _answer("", body, prev)
        passive = _LIST_PASSIVE.match(np)
        if passive:
            return _clean_np(passive["subject"]), squash(passive["by"]), "list"
        option = _clean_np(np)
        return (option, None, "list") if option else None
    # "… was named by 28%", "… the quality of healthcare by 24%"
    by = _BY_BEFORE.search(pre_flat)
    if by:
        np = pre_flat[:by.start()]
        passive = _PASSIVE.search(np)
        verb = None
        if passive:
            verb = passive["verb"]
            np = np[:passive.start()]
        quoted = _QUOTE.search(_tail_phrase(np))
        if quoted:
            return squash(quoted["q"]).strip(" .,;"), group, "passive"
        subject = _clean_np(_tail_phrase(np))
        if subject is None:  # "…, in the north by just 21%": the answer before, another group
            return (None, group, "gapped") if prev is not None and group else None
        if verb and not _PACK.first("choice", verb + " x"):
            rest = (passive["rest"] or "").strip()
            return squash(f"{verb} {subject} {rest}"), group, "passive"
        return subject, group, "passive"
    # "the supporters of changes make up 47%", "the share of those who oppose … rose to 12%"
    share = _PACK.first("share_verb", pre_flat)
    if share and share[1].end() >= len(pre_flat.rstrip()) - 1 and _CLAUSE_END_AHEAD.match(post):
        np = _tail_phrase(pre_flat[:share[1].start()])
        holders = bool(_HOLDERS.search(np))
        if group and group in np:  # "Approval among men", "In Astana the share of optimists"
            before, after = np[:np.index(group)], np[np.index(group) + len(group):]
            before = re.split(r"\b(?:among|in|of|for)\b", before, maxsplit=1,
                              flags=re.IGNORECASE)[0]
            np = f"{before} {after}"
        np = _SHARE_OF.sub("", np.strip())
        np = _LEADING.sub("", np).strip()
        if _PRONOUN.search(np):
            return None, group, "share"
        if not holders:
            return None  # "the share of the population with low incomes was 4.3%": a statistic
        option = _clean_np(np)
        return (option, group, "share") if option else None
    if share and share[1].end() >= len(pre_flat.rstrip()) - 1:
        np = _SHARE_OF.sub("", _tail_phrase(pre_flat[:share[1].start()]).strip())
        if _PRONOUN.search(np.strip()):
            return None, group, "share"
    # "in 52% of cases the initiative comes from an official", "X start it in 36% of cases"
    cases = _OF_CASES.match(post)
    if cases and re.search(r"\bin\s*$", pre_flat):
        after = post[cases.end():]
        option = (_clause(after) if _WORD_AHEAD.match(after) else None) or _clean_np(
            _tail_phrase(_TRAILING_IN.sub("", pre_flat)))
        return (option, None, "cases") if option else None
    # the subject form: "46% (of respondents) take an interest in politics"; a share after a
    # preposition is an object ("enjoys the confidence of 66%"), not the subject
    # "Kazakh is the home language for 74% of respondents": the clause before is the answer
    held = _FOR_BEFORE.search(pre_flat)
    if held and prev is None and _named_of(post):
        np = _tail_phrase(pre_flat[:held.start()])
        if group and group in np:
            np = np[np.index(group) + len(group):]
        option = _clean_np(np)
        return (option, group, "subject") if option else None
    if held and prev is not None and not post.strip(" .,;"):
        return None, group, "gapped"  # "…, in cities for 47%"
    if prev is None and _PREPOSITION_END.search(pre_flat):
        return None
    body = post
    of = _OF_GROUP.match(body)
    if of:
        rest = body[of.end():]
        # the group runs up to the respondent noun that closes it
        found = next((m for _, m in _PACK.matches("respondent", of["group"] + rest[:80])), None)
        if found is None:
            found = _PLURAL_GROUP.match(of["group"] + rest[:80])  # "45% of Kazakhs support …"
        if found is None:
            return None
        phrase = (of["group"] + rest)
        cut = found.end()
        # "those who chose Russian", "those aged 55 and older": the group is the whole phrase
        tail = _GROUP_TAIL.match(phrase[cut:])
        named = squash(phrase[:cut + (tail.end() if tail else 0)])
        body = phrase[cut + (tail.end() if tail else 0):]
        whole = _PACK.first("whole_sample", named)
        if not (whole and whole[1].end() == len(named)) and (tail and tail.end() or
                                                             _GROUP_WORD.search(named)):
            group = named
    place = _IN_PLACE.match(body)
    if place and not of:
        group, body = place["place"], body[place.end():]
    if of and prev is None and _BARE_JOIN.fullmatch(body):
        return None, named, "pending"  # "37% of citizens and 46% of entrepreneurs think …"
    if prev is not None and _CONTRAST_AHEAD.match(body):
        body = ""  # "…, 36% in B, whereas …": the answer before, for another group
    body = _LEADING.sub("", body.replace("\n", " "))
    first = _WORD.match(body)
    if prev is None and not _IN_FAVOUR.match(body):
        if not first or first.group(0).lower() in _NOT_VERB or first.group(0)[0].isupper():
            return None
    option = _clause(body)
    if option is not None and prev is not None and _YEAR_OR_FIGURE.fullmatch(option):
        option = None  # "…, in 2019 - 79.8%": the same answer, another year
    if option is None:
        return (None, group, "gapped") if prev is not None and (group or not body.strip(
            " .,;")) else None
    return option, group, "subject" if prev is None else "gapped"


def _ends_with_respondent(np: str) -> bool:
    """'every fifth respondent', 'most of those polled': the phrase names who answered."""
    end = len(np.rstrip()) - 1
    return any(m.end() >= end for _, m in _PACK.matches("respondent", np))


def _named_of(post: str) -> str | None:
    """The group after a share: "of entrepreneurs consider …" -> "entrepreneurs"."""
    of = _OF_GROUP.match(post)
    if not of:
        return None
    phrase = of["group"] + post[of.end():]
    found = next((m for _, m in _PACK.matches("respondent", phrase[:120])), None)
    return phrase[:found.end()] if found else None


def _subgroup(pre: str) -> str | None:
    hits = _PACK.matches("subgroup", pre[-120:].replace("\n", " "))
    if not hits:
        return None
    hit = max(hits, key=lambda rm: rm[1].start())  # the group nearest the share
    group = hit[1].group("group")
    if not group or _LEX.month(group.split()[0]) or group.split()[0].lower() in _LEX.weekdays:
        return None  # "in October 2024": a date, not a place
    return squash(group).strip(" ,")


def _tail_phrase(text: str, items: bool = False) -> str:
    """The phrase right before a position: after the last clause break of `text`. A list
    item ("raising wages and pensions (49%)") keeps the "and" inside it."""
    parts = _CLAUSE_BREAK[items].split(text)
    tail = parts[-1].strip() if parts else ""
    return _LEADING_AND_OR.sub("", tail)


def _clean_np(np: str) -> str | None:
    np = _LEADING.sub("", np.strip())
    choice = _PACK.first("choice", np)
    if choice and choice[1].start() == 0:
        np = np[choice[1].end():]
    np = _TRAILING.sub("", np).strip(" .,;:“”\"")
    words = np.split()
    if not 1 <= len(words) <= 14 or re.search(r"\d{3,}", np):
        return None
    return np


def _clause(body: str) -> str | None:
    """The answer told after a share: up to the clause's end, without verbs of saying."""
    body = _LEADING.sub("", body.replace("\n", " ")).strip()
    end = _CLAUSE_END.search(body)
    clause = body[:end.start()] if end else body
    clause = _TRAILING.sub("", clause).strip(" .,;:")
    quoted = _QUOTE.search(clause)
    for kind in ("saying", "choice"):
        hit = _PACK.first(kind, clause)
        if hit and hit[1].start() == 0 and clause[hit[1].end():].strip():
            clause = clause[hit[1].end():].strip()
    if quoted:
        return squash(quoted["q"]).strip(" .,;")
    clause = clause.strip(" .,;:“”\"")
    words = clause.split()
    if not 1 <= len(words) <= 40:
        return None
    return clause


_EACH = re.compile(r"\b(?:in|for|of) each\b|\bper (?:country|region|city)\b", re.IGNORECASE)


def _sample_sizes(text: str) -> list[tuple[int, int, bool]]:
    """(sentence index, sample size, stated for each group) for every sentence that states a
    poll's size ("In each country 1,500 adults were interviewed": each group's size)."""
    out = []
    for index, (start, end) in enumerate(sentences(text)):
        n = _stated_in(text[start:end])
        if n:
            out.append((index, n, bool(_EACH.search(text, start, end))))
    return out


_ANSWERED = guarded(re.compile(r"\b(?:answered|filled in|completed) (?:the |a |our )?"
                               r"(?:questionnaires?|questions|forms?)\b", re.IGNORECASE))
_SIZE_REACH = 25  # sentences between a poll's answers and the sentence stating its size


def _stated_in(sentence: str) -> int | None:
    if not _has("cue", sentence) and not _ANSWERED.search(sentence):
        return None
    for pattern in _N_STATED:
        match = pattern.search(sentence)
        if match:
            raw = match["n"]
            before = sentence[max(0, match.start("n") - 12):match.start("n")].lower()
            if _APPROXIMATE_BEFORE.search(before):
                return None
            n = parse_number(raw) if raw[0].isdigit() else words_to_int(raw)
            if n and n >= 10 and not re.fullmatch(YEAR, raw):
                return int(n)
    return None


_ORG = r"(?P<org>(?:[A-Z][\w’'&-]+\s+){0,4}[A-Z][\w’'&-]+)"
# guarded: searched in the sentences before every poll answer, most without "survey", "poll"
# or "study"; the first would be tried at every character
_POLLSTER = [guarded(p) for p in (
    # "Demoscope conducted a survey"
    re.compile(_ORG + r"\s+(?:has\s+)?(?:conducted|carried out|published|released|ran|held)\s+"
               r"(?:a|an|the|its)\s+(?:\w+\s+)?(?:survey|poll|study)"),
    # "a poll by the Demoscope bureau", "a survey conducted by the Friedrich Ebert Foundation"
    re.compile(r"\b(?:survey|poll|study)\s+(?:\w+\s+)?(?:by|of|from)\s+(?:the\s+)?" + _ORG),
)]


def _pollster(text: str, start: int, end: int) -> str | None:
    match = next(filter(None, (p.search(text, start, end) for p in _POLLSTER)), None)
    if match is None:
        return None
    words = re.findall(r"[a-z0-9]+", match["org"].lower())
    return "-".join(words[-3:]) or None


def _prose_results(doc: Document, statements: list[_Statement], used_ids: Counter,
                   spans: list[tuple[int, int, str]]) -> list[_Placed]:
    """Statements grouped into polls and questions, numbered in order of appearance."""
    out: list[_Placed] = []
    text = doc.text
    waves = [st for st in statements if st.wave is not None]
    statements = [st for st in statements if st.wave is None]
    if not statements:
        return []  # no poll, so no wave compared with one of its answers (_wave_results)
    sentence_spans = sentences(text)
    sizes = _sample_sizes(text)
    asked_in: dict[int, tuple[str, int, int]] = {}  # id(statement) -> survey, question, poll
    polls: list[list[_Statement]] = []
    orgs: list[str | None] = []
    for st in statements:
        prev = polls[-1][-1] if polls else None
        org = None
        lo = prev.sentence + 1 if prev else max(0, st.sentence - 3)
        for i in range(lo, st.sentence + 1):
            org = _pollster(text, *sentence_spans[i]) or org
        if prev is None or st.sentence - prev.sentence > _POLL_GAP or (
                org is not None and org != orgs[-1]):
            if prev is None and org is None:
                for i in range(st.sentence - 1, max(-1, st.sentence - 6), -1):
                    org = _pollster(text, *sentence_spans[i])
                    if org:
                        break
            polls.append([st])
            orgs.append(org)
        else:
            polls[-1].append(st)
    for index, poll in enumerate(polls):
        inside = [sid for start, end, sid in spans if start <= poll[0].start <= end]
        # the findings told after a survey's tables, no other poll named: the same survey
        after_table = [sid for start, end, sid in spans if end < poll[0].start]
        if inside:
            survey_id = inside[0]
        elif after_table and orgs[index] is None:
            survey_id = after_table[-1]
        else:
            slug = orgs[index] or "poll"
            used_ids[slug] += 1
            survey_id = slug if used_ids[slug] == 1 else f"{slug}-{used_ids[slug]}"
        n, each = _poll_size(sizes, poll, polls[index - 1][-1].sentence if index else -1,
                       polls[index + 1][0].sentence if index + 1 < len(polls) else 10 ** 9)
        # answers told under an earlier year than the poll's latest ("In the first wave, in
        # 2017, 51% …; in the autumn of 2023, 36% …") are an earlier wave: a survey of its own
        years = {st.year for st in poll if st.year}
        if len(years) >= 2:
            latest = max(years)
            for year in sorted(years - {latest}):
                earlier = [st for st in poll if st.year == year]
                slug = f"{survey_id}-{year}"
                used_ids[slug] += 1
                out += _numbered(doc, earlier, slug if used_ids[slug] == 1 else
                                 f"{slug}-{used_ids[slug]}", None, False, ("year", index, year),
                                 {})
            poll = [st for st in poll if not st.year or st.year == latest]
        out += _numbered(doc, poll, survey_id, n, each, ("prose", index), asked_in)
    return out + _wave_results(doc, waves, asked_in, used_ids)


def _numbered(doc: Document, poll: list[_Statement], survey_id: str, n: int | None,
              each: bool, key: tuple, asked_in: dict) -> list[_Placed]:
    """One poll's statements as records, grouped into questions numbered in order."""
    out: list[_Placed] = []
    if not poll:
        return out
    index = key[1]
    question_no, option_no = 0, 0
    question: list[_Statement] = []
    position = poll[0].start
    for st in poll:
        if not question or not _same_question(question, st):
            question_no, option_no, question = question_no + 1, 0, []
            position = st.start
        option_no += 1
        question.append(st)
        asked_in[id(st)] = (survey_id, question_no, index)
        text_q = st.question
        if st.group:
            text_q = f"{text_q} ({st.group})" if text_q else st.group
        out.append(_Placed(_result(
            source_name=doc.source_name, **doc.cite(st.start, st.end), survey_id=survey_id,
            question_no=question_no, question_text=text_q or None,
            option_no=option_no, option_text=squash(st.option), responses=None,
            pct_reported=st.pct,
            n_respondents=None if (st.group and not (each and st.place)) or st.form == "cases"
            else n), position,
            (*key, question_no)))
    return out


def _wave_results(doc: Document, waves: list[_Statement],
                  asked_in: dict[int, tuple[str, int, int]], used_ids: Counter) -> list[_Placed]:
    """An earlier wave printed for comparison is a survey of its own: its questions are those
    of the current answers it is compared with, numbered in the order they appear."""
    out: list[_Placed] = []
    ids: dict[tuple[str, str], str] = {}
    numbers: dict[str, dict[int, int]] = {}
    options: Counter = Counter()
    for st in waves:
        if st.anchor is None or id(st.anchor) not in asked_in:
            continue
        survey, question, poll = asked_in[id(st.anchor)]
        key = (survey, st.wave)
        if key not in ids:
            slug = f"{survey}-{st.wave}"
            used_ids[slug] += 1
            ids[key] = slug if used_ids[slug] == 1 else f"{slug}-{used_ids[slug]}"
        survey_id = ids[key]
        order = numbers.setdefault(survey_id, {})
        number = order.setdefault(question, len(order) + 1)
        options[(survey_id, number)] += 1
        out.append(_Placed(_result(
            source_name=doc.source_name, **doc.cite(st.start, st.end), survey_id=survey_id,
            question_no=number, question_text=st.anchor.question or st.group,
            option_no=options[(survey_id, number)], option_text=squash(st.option),
            responses=None, pct_reported=st.pct, n_respondents=None), st.start,
            ("wave", poll, st.wave, number)))
    return out


def _poll_size(sizes: list[tuple[int, int, bool]], poll: list[_Statement], before: int,
               after: int) -> tuple[int | None, bool]:
    """The size stated for this poll (nearest before its first answer, after the poll before
    it; else the first stated after it, before the next poll) and whether it is each
    group's."""
    first = poll[0].sentence
    earlier = [(n, each) for i, n, each in sizes
               if max(before, first - _SIZE_REACH) < i <= first + 1]
    if earlier:
        return earlier[-1]
    later = [(n, each) for i, n, each in sizes
             if first < i < min(after, poll[-1].sentence + _SIZE_REACH)]
    return later[0] if later else (None, False)


def _same_question(question: list[_Statement], st: _Statement) -> bool:
    """Whether `st` answers the question its predecessors answer."""
    last = question[-1]
    if st.group != last.group or st.new_question:
        return False
    if last.undecided and not st.component and st.sentence != last.sentence:
        return False
    if st.option == last.option and not st.component:
        return False
    if st.component:
        parents = [i for i, q in enumerate(question) if not q.component]
        parent = question[parents[-1]] if parents else None
        parts = sum(q.pct for q in question[parents[-1] + 1:]) if parents else 0.0
        if parent is not None and parts + st.pct <= parent.pct + 0.5:
            return True
        st.component = False  # more than the share it would break down: an answer of its own
    multi = st.multi or question[0].multi
    if multi and st.sentence != last.sentence and st.form == "subject" and not st.continues:
        return False
    if multi and question[0].form in ("list", "passive") and st.form not in (
            "list", "passive", "gapped"):
        return False
    total = sum(q.pct for q in question if not q.component) + st.pct
    fits = total <= 101.5 or multi
    if st.sentence == last.sentence:
        return fits
    if st.sentence - last.sentence > 2:
        return False
    if st.continues or st.undecided or (st.quoted and last.quoted) or (
            st.form == last.form == "cases"):  # "in 52% of cases …. X start it in 36% of cases"
        return fits
    completes = 95 <= total - st.pct + (st.sentence_total or st.pct) <= 101.5
    if st.paragraph != last.paragraph:
        return completes and not multi
    return fits and (len(question) >= 2 or st.form == "passive" or completes) and not (
        st.form == "subject" and last.multi and not st.multi)


def _result(**fields) -> SurveyResult | None:
    """A record, or None when the parsed row breaks the contract (skipped, never raised)."""
    try:
        return SurveyResult(**fields)
    except ValueError:
        return None


# Patterns of the functions above, compiled once at import rather than at their first use in
# each extraction process (the fork server's warm-up sentence reaches few of them); each is the
# pattern and flags the call wrote inline.
_CLAUSE_BREAK = {  # by `items`: a list item keeps its "and" / "or"
    items: re.compile(r"[;:.]\s|[,()]\s*|\s[–—]\s|\b(?:" + ("" if items else "and|or|")
                      + r"while|whereas|but|followed by|such as|including|named|mentioned|"
                      r"listed|cited|chose|than|point(?:ed|s)? (?:to|at))\b")
    for items in (False, True)}
_LEADING_AND_OR = re.compile(r"^(?:and|or)\s+")
_QUOTED_CAPTION = re.compile(r"^[\"“«](.+?\?)[\"”»]")
_WORD_AHEAD = re.compile(r"\s*[\w“\"«]")
_TRAILING_IN = re.compile(r"\bin\s*$")
_PREPOSITION_END = re.compile(r"\b(?:of|for|to|with|from|at|on|than|among)\s*$")
_CLAUSE_END_AHEAD = re.compile(r"\s*(?:[.,;:()]|$|\s(?:while|whereas|but|and)\b)")
_QUESTION_NUMBER = re.compile(r"(\d{1,2})[.):]?\s+(?=\D)")
_APPROXIMATE_BEFORE = re.compile(
    r"\b(?:at least|more than|over|about|some|nearly|almost|up to)\s*$")
_YEAR_OR_FIGURE = re.compile(r"(?:in\s+)?(?:19|20)\d\d\W*|[\d\W]*")
_BARE_JOIN = re.compile(r"[\s,]*(?:and|or|as well as)?\s*")
_CONTRAST_AHEAD = re.compile(r"\s*,?\s*(?:while|whereas|but)\b")
_FIGURE_END = re.compile(r"[\d%]\W*$")
_GROUP_WORD = re.compile(r"\d|aged|under|over|older|younger|men|women|rural|urban")
