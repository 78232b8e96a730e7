"""Survey results printed as tables: one record per answer option.

The form read here is the questionnaire table: a question (often numbered, often wrapped), an
optional column header ("Answer Choices Responses Ratio", "Answer | Responses | %", "Number of
mentions"), then one row per option whose text may wrap over several lines and whose last line
ends with the figures (count and percent, count only, or percent only). Every row of one table
must have the same figures, so prose that merely contains percentages never reads as a table.

Polls reported in prose are read too, in their usual phrasings: "1,100 citizens were polled,
and 36% of them are convinced that “…”", "the option “X” was chosen by 20%", "59% believe
that …". A percentage that repeats the document's own survey table (or carries "(77
responses)") is the author discussing that table, not another poll.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from kzwatch.document import Document
from kzwatch.text.segment import sentences
from kzwatch.text.tables import NUMBER_WORDS, YEAR, Line, lines_of, parse_number, words_to_int
from models.records import SurveyResult

_QUESTION = re.compile(r"^(?:Q(?:uestion)?\s*)?(\d{1,2})\s*[.):]\s+(\S.*)$")
_COLUMN_WORD = re.compile(
    r"\b(?:responses?|respondents|ratio|percent(?:age)?|share|count|number of|mentions|votes|"
    r"answers?)\b|%"
    r"|(?-i:\bN\b)", re.IGNORECASE)
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

_SURVEY_WORD = re.compile(r"\b(?:survey\w*|poll\w*|questionnaire|respondents?|interview\w*)\b",
                          re.IGNORECASE)
_N_STATED = [
    re.compile(r"\b[Nn]\s*=\s*(?P<n>\d{1,3}(?:,\d{3})+|\d+)"),
    re.compile(rf"(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+|{NUMBER_WORDS})\s+(?:[\w'’-]+\s+){{0,8}}?"
               r"(?:took part|participated|were (?:polled|surveyed|interviewed|questioned)|"
               r"responded|answered)", re.IGNORECASE),
    re.compile(r"\b(?:polled|surveyed|interviewed|questioned|sample of|survey of|poll of|among)\s+"
               r"(?:some\s+|about\s+|over\s+)?(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+"
               r"(?:[\w'’-]+\s+){0,3}?(?:respondents|people|citizens|persons|residents|adults|"
               r"participants|voters|students|Kazakhstanis)", re.IGNORECASE),
    re.compile(r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+respondents\b", re.IGNORECASE),
]


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
    lines = lines_of(doc.text)
    tables = _tables(lines)
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
    out += _prose_results(doc, _prose_statements(doc.text, table_pcts), used_ids, spans)
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

def _is_header(text: str) -> bool:
    """A column header: two or more column words, no figures, not a question."""
    return (len({w.lower() for w in _COLUMN_WORD.findall(text)}) >= 2
            and not re.search(r"\d", text) and not text.rstrip().endswith("?")
            and len(text.split()) <= 12)


def _tables(lines: list[Line]) -> list[_Table]:
    tables: list[_Table] = []
    columns, after_table = "count", -10  # the last header's columns, where its table ended
    i = 0
    while i < len(lines):
        text = lines[i].text.strip()
        header, first_row = _header_at(lines, i)
        found: list[_Table] = []
        if _TRAILING_HEADER.match(text) and "?" in _question_up_to(lines, i)[2]:
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


def _header_at(lines: list[Line], i: int) -> tuple[str | None, int]:
    """The column header starting at line i (it may wrap: "... Number of" / "mentions") and
    the index of the line after it."""
    first_row = i + 1
    while first_row < len(lines) and _HEADER_TAIL.match(lines[first_row].text.strip()):
        first_row += 1
    header = " ".join(ln.text.strip() for ln in lines[i:first_row])
    if _is_header(header) and _COLUMN_WORD.search(lines[i].text):
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
                number = re.match(r"(\d{1,2})[.):]?\s+(?=\D)", joined)
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
    return [t for t in tables if len(t.rows) >= 2 and _plausible(t.rows)]


def _row_match(text: str, shape: str | None,
               columns: str) -> tuple[re.Match | None, str | None]:
    bare = {"pct": ["bare_pct"], "both": ["count_bare_pct", "count"],
            "groups": ["breakdown"]}.get(columns, ["count"])
    forms = [shape] if shape else ["count_pct", "pct_count", "pct", *bare]
    for form in forms:
        match = _ROW_FORMS[form].match(text)
        if match:
            return match, form
    return None, None


def _ends_with_figure(option: str) -> bool:
    return bool(re.search(r"[\d%]\W*$", option))


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
        question = re.sub(r"^[\"“«](.+?\?)[\"”»]", r"\1", " ".join(back))  # a quoted caption
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
        return stated[0] if len(set(stated)) == 1 else None
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

_PROSE_PCT = re.compile(
    r"(?<![\d.,])(?P<pct>\d{1,3}(?:[.,]\d{1,2})?)\s*(?:%|percent\b|per cent\b)")
_OPINION = re.compile(
    r"^\s*(?:of\s+[^,;%]{1,60}?\s+)?(?:also\s+|still\s+)?"
    r"(?P<verb>believed?|think|thought|say|said|considere?d?|(?:dis)?agreed?|supported|support|"
    r"opposed?|trusted|trust|wanted|want|feel|felt|preferred|prefer|expected|expect|"
    r"(?:dis)?approved?|(?:are|were) (?:convinced|sure|confident)|perceive(?: it| this)? as|"
    r"see(?: it)? as|named|chose|answered)\b(?:\s+that)?(?:\s+(?P<clause>.+))?$",
    re.IGNORECASE | re.DOTALL)
# "46% said it had decreased, 31% said it had not changed": answers, not separate opinions
_ANSWERING = re.compile(r"said|say|answered|replied|chose|named", re.IGNORECASE)
_CONTRAST_LINK = re.compile(r"\b(?:while|whereas|but|against|compared (?:to|with)|versus|"
                            r"as opposed to)\b", re.IGNORECASE)
# a verb that is a whole answer when nothing follows it: "18% agreed and 49% disagreed"
_BARE_ANSWER = re.compile(r"(?:dis)?agreed?|(?:dis)?approved?|supported|support|opposed?",
                          re.IGNORECASE)
# "the share of people ready to take part in a rally rose to 41%"
_SHARE_OF = re.compile(
    r"\b(?:the\s+)?(?:share|proportion|percentage|number)\s+of\s+(?:people|respondents|citizens|"
    r"those|residents|Kazakhstanis|young people|adults|voters)\s+(?:who\s+(?:are\s+|were\s+)?)?"
    r"(?P<option>[^,;%]{3,120}?)\s+(?:has\s+|had\s+)?(?:rose|risen|fell|fallen|grew|grown|"
    r"increased|decreased|dropped|declined|climbed|reached|was|is|stood at|amounted to)"
    r"(?:\s+(?:to|at))?\s*$", re.IGNORECASE)
# verbs that are the answer itself, unlike verbs of saying or believing
_ACTION_VERB = re.compile(r"support|oppose|trust|want|prefer", re.IGNORECASE)
_CHOSEN = re.compile(
    r"(?:option|answer)?\s*[“\"«](?P<option>[^”\"»]{3,200})[”\"»]\s+was\s+"
    r"(?:chosen|selected|named|picked|supported)\s+by\s*$", re.IGNORECASE)
_SUBGROUP = re.compile(r"\bamong\s+(?:the\s+)?(?P<group>[\w\s-]{3,60}?"
                       r"(?:respondents|participants|voters|people|citizens|youth))\b",
                       re.IGNORECASE)
_ASKED = re.compile(r"\b(?:when\s+)?asked\s+(?P<q>(?:whether|if|what|which|how|who|why|about)\b"
                    r"[^,;:]{3,200}?)\s*[,;:]", re.IGNORECASE)
_QUOTED = re.compile(r"[“\"«](?P<q>[^”\"»]{3,200})(?:[”\"»]|$)")
_ATTRIBUTION = re.compile(r",?\s+(?:according to|as (?:reported|shown) by|(?:the )?(?:poll|survey|"
                          r"study) (?:found|shows|showed))\b", re.IGNORECASE)
_OWN_COUNT = re.compile(r"^\s*\(\s*\d+\s+(?:responses?|answers?|votes?|people|persons)",
                        re.IGNORECASE)


@dataclass
class _Statement:
    option: str
    pct: float
    group: str | None
    quoted: bool
    sentence: int
    start: int
    end: int
    n: int | None
    contrast: bool = False  # "…, while 31% do not": another answer to the same question
    question: str | None = None  # "Asked whether …," before the figures


def _prose_statements(text: str, table_pcts: set[float]) -> list[_Statement]:
    """'36% of them are convinced that "…"', 'the option "X" was chosen by 20%' and the like."""
    out: list[_Statement] = []
    spans = sentences(text)
    sizes = [_stated_in(text[start:end]) for start, end in spans]
    for index, (start, end) in enumerate(spans):
        sentence = text[start:end]
        matches = list(_PROSE_PCT.finditer(sentence))
        group = None
        opened = len(out)  # statements of this sentence start here
        for k, match in enumerate(matches):
            pct = parse_number(match["pct"])
            seg_start = matches[k - 1].end() if k else 0
            seg_end = matches[k + 1].start() if k + 1 < len(matches) else len(sentence)
            pre, post = sentence[seg_start:match.start()], sentence[match.end():seg_end]
            if pct is None or _OWN_COUNT.match(post) or pct in table_pcts:
                continue
            subgroup = _SUBGROUP.search(pre)
            group = subgroup["group"].strip() if subgroup else group
            option, quoted = _prose_option(pre, post)
            contrast = False
            if option is None and subgroup and out and out[-1].sentence >= index - 1:
                option, quoted = out[-1].option, out[-1].quoted
            if option is None and len(out) > opened:
                option, contrast = _contrast_option(post), True
            # "…, while 27% said …", "18% agreed and 49% disagreed": a contrast or a short
            # answer joins the answers of one question
            said = _OPINION.match(post.split(";")[0])
            contrast = contrast or (len(out) > opened and option is not None and (
                bool(_CONTRAST_LINK.search(pre)) or len(option.split()) <= 3 or bool(
                    said and _ANSWERING.fullmatch(said["verb"]))))
            if option is None:
                continue
            n = _sample_size(sizes, index, spans, text) if group is None else None
            asked = _ASKED.search(sentence, 0, matches[0].start())
            out.append(_Statement(_squash(option), pct, group and _squash(group), quoted, index,
                                  start + seg_start, start + seg_end, n, contrast,
                                  asked and _squash(asked["q"])))
    return out


def _sample_size(sizes: list[int | None], index: int, spans: list[tuple[int, int]],
                 text: str) -> int | None:
    """The sample size stated in this sentence or the one before; else in the next one when
    that sentence only describes the survey ("The survey of 1,500 adults was held in May")."""
    for i in (index, index - 1):
        if 0 <= i < len(sizes) and sizes[i]:
            return sizes[i]
    after = index + 1
    if after < len(sizes) and sizes[after] and not _PROSE_PCT.search(text[slice(*spans[after])]):
        return sizes[after]
    return None


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _stated_in(sentence: str) -> int | None:
    if not _SURVEY_WORD.search(sentence):
        return None
    for pattern in _N_STATED:
        match = pattern.search(sentence)
        if match:
            raw = match["n"]
            n = parse_number(raw) if raw[0].isdigit() else words_to_int(raw)
            if n and n >= 10 and not re.fullmatch(YEAR, raw):
                return int(n)
    return None


_ANSWER_VERB = re.compile(
    r"^(?:do|does|did|don[’']t|doesn[’']t|are|were|is|was|could|can|cannot|can[’']t|would|will|"
    r"have|has|had|found|find|said|say|(?:dis)?agreed?|opposed?|supported|support|trust|"
    r"distrust|(?:dis)?approved?|remain|remained|refused|declined|chose|named|prefer|want|expect|hold|held|"
    r"answered|replied|gave|not|no|never|neither|either|are not|were not)\b", re.IGNORECASE)
_OF_THEM = re.compile(r"^\s*(?:of\s+(?:them|those\s+\w+|the\s+respondents|respondents)\s*,?)?\s*",
                      re.IGNORECASE)


def _contrast_option(post: str) -> str | None:
    """The short answer after a further percentage of the same sentence: "…, 31% do not and"."""
    clause = _OF_THEM.sub("", post.replace("\n", " "))
    clause = re.split(r"[,;:()]|\s+(?:and|while|whereas|but|with)\s+|\.\s|\.$", clause)[0]
    clause = clause.strip(" .“”\"")
    words = clause.split()
    if not 1 <= len(words) <= 12 or re.search(r"\d", clause) or not _ANSWER_VERB.match(clause):
        return None
    return clause


def _prose_option(pre: str, post: str) -> tuple[str | None, bool]:
    """The answer a percentage belongs to: a quoted option, else the clause of opinion."""
    chosen = _CHOSEN.search(pre)
    if chosen:
        return chosen["option"].strip(), True
    share = _SHARE_OF.search(pre.replace("\n", " "))
    if share:
        return share["option"].strip(), False
    opinion = _OPINION.match(post.split(";")[0])  # "49% disagreed; the rest had no opinion"
    if not opinion:
        return None, False
    clause = opinion["clause"] or ""
    if _BARE_ANSWER.fullmatch(opinion["verb"]) and not re.sub(
            r"\b(?:and|while|whereas|but)\b|[\s,;.]", "", clause):
        return opinion["verb"], False
    if _ACTION_VERB.fullmatch(opinion["verb"]) and not re.match(r"that\b", post.split(
            opinion["verb"], 1)[-1].strip(), re.IGNORECASE):
        clause = f"{opinion['verb']} {clause}"  # "support the reform" is the answer, verb and all
    quoted = _QUOTED.search(clause)
    if quoted:
        return quoted["q"].strip(" .,;"), True
    clause = _ATTRIBUTION.split(clause.replace("\n", " "))[0]
    clause = re.split(r",\s*(?:while|whereas|but)\b", clause)[0]  # "…, while the remaining"
    clause = re.sub(r"[\s,;]*(?:and|while|whereas|but)?[\s,;]*$", "", clause)
    clause = clause.strip(" .,;:“”\"")
    # "said yes" is a whole answer; after other verbs one word is usually a fragment
    fewest = 1 if re.fullmatch(r"say|said|answered", opinion["verb"], re.IGNORECASE) else 2
    return (clause, False) if fewest <= len(clause.split()) <= 40 else (None, False)


_ORG = r"(?P<org>(?:[A-Z][\w’'&-]+\s+){0,4}[A-Z][\w’'&-]+)"
_POLLSTER = [
    # "Demoscope conducted a survey"
    re.compile(_ORG + r"\s+(?:has\s+)?(?:conducted|carried out|published|released|ran)\s+"
               r"(?:a|an|the|its)\s+(?:\w+\s+)?(?:survey|poll|study)"),
    # "a poll by the Demoscope bureau", "a survey conducted by the Friedrich Ebert Foundation"
    re.compile(r"\b(?:survey|poll|study)\s+(?:\w+\s+)?(?:by|of|from)\s+(?:the\s+)?" + _ORG),
]


def _prose_results(doc: Document, statements: list[_Statement], used_ids: Counter,
                   spans: list[tuple[int, int, str]]) -> list[_Placed]:
    """Statements in consecutive sentences form one poll; a question ends where the answers
    stop being alternatives (quoted options) or the subgroup changes. A poll reported between
    the tables of a survey is part of that survey."""
    out: list[_Placed] = []
    sentence_spans = sentences(doc.text)
    polls: list[list[_Statement]] = []
    for st in statements:
        if polls and st.sentence - polls[-1][-1].sentence <= 1:
            polls[-1].append(st)
        else:
            polls.append([st])
    for index, poll in enumerate(polls):
        inside = [sid for start, end, sid in spans if start <= poll[0].start <= end]
        survey_id = inside[0] if inside else _poll_id(doc.text, sentence_spans,
                                                      poll[0].sentence, used_ids)
        question_no, option_no, prev = 0, 0, None
        for st in poll:
            # contrasted shares in one sentence answer one question ("42% would not, while 27%
            # would"); otherwise only quoted options continue a question ('36% … "X". 13% … "Y"')
            same_question = prev is not None and st.group == prev.group and \
                st.option != prev.option and (st.contrast and st.sentence == prev.sentence or
                                              st.quoted and prev.quoted)
            if same_question:
                option_no += 1
            else:
                question_no, option_no = question_no + 1, 1
                position = st.start
            out.append(_Placed(_result(
                source_name=doc.source_name, **doc.cite(st.start, st.end), survey_id=survey_id,
                question_no=question_no, question_text=st.group or st.question,
                option_no=option_no, option_text=st.option, responses=None,
                pct_reported=st.pct, n_respondents=st.n), position, ("prose", index, question_no)))
            prev = st
    return out


def _result(**fields) -> SurveyResult | None:
    """A record, or None when the parsed row breaks the contract (skipped, never raised)."""
    try:
        return SurveyResult(**fields)
    except ValueError:
        return None


def _poll_id(text: str, spans: list[tuple[int, int]], sentence: int, used: Counter) -> str:
    """A slug of the pollster named just before the results, else a numbered 'poll'."""
    for start, end in reversed(spans[max(0, sentence - 2):sentence + 1]):
        match = next(filter(None, (p.search(text, start, end) for p in _POLLSTER)), None)
        if match:
            words = re.findall(r"[a-z0-9]+", match["org"].lower())
            slug = "-".join(words[-3:]) or "poll"
            break
    else:
        slug = "poll"
    used[slug] += 1
    return slug if used[slug] == 1 else f"{slug}-{used[slug]}"
