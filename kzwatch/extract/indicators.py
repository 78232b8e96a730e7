"""Values of published indices and statistical tables: one record per (indicator, entity, period).

Read from these forms (triggers, figures and their precedence are rules as data in
`kzwatch/rules/en/indicators.yaml`; countries, dates, periods and lists come from the
language layer `kzwatch/text/`):
- year-column tables (a header of years, rows of a label and one value per year), including
  the PDF-garbled kind: wrapped period cells ("2015" / "H1"), word-per-line labels, rows
  missing empty cells (placed by the rule that a period's shares sum to ~100); and a month
  table printed one cell a line;
- index prose, read as a frame per sentence: the countries named (coordinated runs as one
  group) and the figures printed ("placed 62nd with 47 points (46 in 2019)", "Georgia was
  45th with 56", "Kyrgyzstan is 124th, Uzbekistan 146th", "first and the 180th positions
  respectively"), each figure given to its country, dated by its own year or the edition's;
- counts and shares of peaceful assemblies in prose: "119 peaceful assemblies in 2017, 163 in
  2018 and 208 in the first half of 2019", "61% of the assemblies raised economic demands";
- exchange rates in prose ("the tenge weakened to 512.4 per dollar", "one dollar was worth
  452.21 tenge") and in tickers ("KZT/USD = 0.00204 0%", "USD 478.50 | EUR 520.10",
  "$ 506.73"), one record per pair however often a ticker repeats.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from kzwatch.document import Document
from kzwatch.rules import rule_pack
from kzwatch.text.coordination import RESPECTIVELY_WORD, VALUE_JOINT, pair_in_order, run_before
from kzwatch.text.countries import canonical_country, find_countries, is_country
from kzwatch.text.dates import document_dateline, find_dates
from kzwatch.text.lexicon import lexicon
from kzwatch.text.patterns import guarded, has_literal, lowered, pooled_words, requires_digit
from kzwatch.text.periods import find_periods
from kzwatch.text.segment import sentences
from kzwatch.text.tables import (
    YEAR,
    Line,
    YearToken,
    closest,
    group_periods,
    lines_of,
    parse_number,
    place_by_sum,
    sub_year,
)
from models.records import Indicator

HOME = "Kazakhstan"  # the corpus's subject: tables about "the country" without naming one
ETHNONYMS = ["Kazakhs", "Russians", "Ukrainians", "Germans", "Uzbeks", "Uyghurs", "Tatars",
             "Belarusians", "Koreans", "Azerbaijanis", "Turks", "Poles", "Dungans", "Kyrgyz",
             "Chechens", "Bashkirs", "Moldovans", "Tajiks", "Greeks", "Armenians", "Jews",
             "Kurds", "Chinese", "Others"]

# ---- year-column tables: row kinds ---------------------------------------------------------
_YEAR_TOKEN = re.compile(rf"^(?P<a>{YEAR})(?:\s*[-–]\s*(?P<b>{YEAR}))?$")
_VALUES = re.compile(r"^(?P<label>[^\d]*?)\s*(?P<values>(?:[-+]?\d[\d,.]*\s*%?\s*)+)$")
_SHARE_KINDS = ["political", "economic", "social"]
_ASSEMBLY_WORDS = re.compile(r"assembl|rall(?:y|ies)|protest|demonstration|picket", re.IGNORECASE)
_ETHNIC_WORDS = re.compile(r"ethnic|nationalit|national composition|population", re.IGNORECASE)


def extract(doc: Document) -> list[Indicator]:
    """All indicator values the document prints, first mention kept per (indicator, entity,
    period) and, for exchange rates, per value too (a page gives several rates of one day:
    the exchange's, the official one, the exchange offices')."""
    found = [*_from_tables(doc), *_from_month_rows(doc), *_from_index_prose(doc),
             *_from_totals(doc), *_from_tickers(doc), *_from_prose_rates(doc)]
    seen: set[tuple] = set()
    out = []
    for record in found:
        if record is None:
            continue
        key = (record.indicator, record.entity, record.period,
               record.value if record.indicator == "fx_rate" else None)  # rates of one day
        if key not in seen:
            seen.add(key)
            out.append(record)
    return out


def _dateline_of(doc: Document) -> Callable[[], date | None]:
    """The page's date (its dateline, else the date it was published on), found when first
    asked: most documents a pass reads have no sentence that needs it. The same as finding it
    first: `document_dateline` is a pure function of the text, and raises on none (it looks
    up the months it matched by `caseless`, and builds only valid dates)."""
    found: list[date | None] = []

    def dateline() -> date | None:
        if not found:
            found.append(document_dateline(doc.text) or doc.published_on)
        return found[0]
    return dateline


def _record(doc: Document, span: tuple[int, int], **fields) -> Indicator | None:
    """A record citing `span`, or None when the parse breaks the contract (skipped, not raised)."""
    try:
        return Indicator(source_name=doc.source_name, **doc.cite(*span), **fields)
    except ValueError:
        return None


# ---- tables --------------------------------------------------------------------------------

@dataclass
class _Row:
    label: str
    values: list[float]
    percent: bool
    start: int
    end: int


@dataclass
class _Block:
    """A header of periods and the rows printed under it."""

    tokens: list[YearToken]
    header_label: str
    first_line: int
    rows: list[_Row] = field(default_factory=list)


_HALF_OR_QUARTER = re.compile(r"[HQ][1-4]")
# compiled at import, not written inline (a pattern string is looked up in re's cache at each
# call, and compiled in the first document that needs it)
_QUALIFIER_WORD = re.compile(r"\(?[\w.–-]{1,12}\)?")
_CELL_VALUE = re.compile(r"[-+]?\d[\d,.]*\s*%?")
_LATIN = re.compile(r"[A-Za-z]")
_IN_YEAR = re.compile(rf"\b(?:in|for)\s+({YEAR})\b")
_TENGE = re.compile(r"\btenge\b", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
# a header's own label, after which one year may start a header wrapped over lines
_PERIOD_HEADER = re.compile(r"period|years?|months?|indicator", re.IGNORECASE)
_LETTERS = re.compile(r"[A-Za-z]+")
# how a header line opens (`_header_line`): its label, words of letters only, then a word that
# is a year token (`_YEAR_TOKEN`: a year, or two joined by a dash), as `str.split` cuts words
# (at what `\s` matches)
_HEADER_START = re.compile(rf"(?:[A-Za-z]+\s+)*{YEAR}(?:\s*[-–]\s*{YEAR})?(?!\S)")


def _header_line(text: str, index: int, continuation: bool,
                 open_paren: bool = False) -> tuple[str, list] | None:
    """(label, tokens) when the line holds only years and period qualifiers after a label.

    A qualifier is parenthesised ("(I-VI)"), possibly over several lines ("(I" / "VI)");
    `open_paren` says a parenthesis opened on an earlier header line is still open.
    """
    if not continuation and not _HEADER_START.match(text):
        return None  # (a line that is no label and a year: the words below not split)
    words = text.split()
    label: list[str] = []
    if not continuation:
        # the label: the words of letters before the first year (counted, not popped one by
        # one from the front of the line's words, which was quadratic in a line of prose)
        k = 0
        while k < len(words) and not _YEAR_TOKEN.match(words[k]) and _LETTERS.fullmatch(words[k]):
            k += 1
        label, words = words[:k], words[k:]
        if not words or not _YEAR_TOKEN.match(words[0]):
            return None
    tokens: list = []
    in_parens = continuation and open_paren
    for word in words:
        match = _YEAR_TOKEN.match(word)
        if match and not in_parens:
            tokens.append(YearToken(int(match["a"]), index,
                                    int(match["b"]) if match["b"] else None))
        elif (word.startswith("(") or in_parens) and _QUALIFIER_WORD.fullmatch(word):
            tokens.append(word)
            in_parens = not word.endswith(")")
        elif _HALF_OR_QUARTER.fullmatch(word) and (tokens or continuation):
            tokens.append(word)  # "2015" / "H1" wrapped one cell a line
        else:
            return None
    if not tokens or (not continuation and len(tokens) < 2 and label
                      and not _PERIOD_HEADER.fullmatch(" ".join(label))):
        return None
    return " ".join(label), tokens


def _attach_qualifiers(raw: list) -> list[YearToken] | None:
    """Fold qualifier fragments ('(I', 'VI)') into the year before them."""
    out: list[YearToken] = []
    fragments: list[str] = []
    for item in [*raw, None]:
        if isinstance(item, YearToken) or item is None:
            if fragments:
                if not out:
                    return None
                qualifier = sub_year(" ".join(fragments))
                if qualifier is None:
                    return None
                last = out[-1]
                out[-1] = YearToken(last.year, last.line, last.end_year, qualifier)
                fragments = []
            if item is not None:
                out.append(item)
        else:
            fragments.append(item)
    return out


def _blocks(lines: list[Line]) -> list[list[_Block]]:
    """Year-header tables, grouped when one header follows another's rows directly."""
    groups: list[list[_Block]] = []
    i = 0
    while i < len(lines):
        head = _header_line(lines[i].text.strip(), i, continuation=False)
        if head is None:
            i += 1
            continue
        label, raw = head
        j = i + 1
        while j < len(lines):
            open_paren = isinstance(raw[-1], str) and not raw[-1].endswith(")") and \
                not _HALF_OR_QUARTER.fullmatch(raw[-1])
            more = _header_line(lines[j].text.strip(), j, continuation=True,
                                open_paren=open_paren)
            if more is None:
                break
            raw += more[1]
            j += 1
        tokens = _attach_qualifiers(raw)
        if tokens is None or len(tokens) < 2:
            i += 1
            continue
        block = _Block(tokens, label, i)
        j = _read_rows(lines, j, block)
        if block.rows:
            previous = groups[-1][-1] if groups else None
            if previous is not None and previous.rows and previous.rows[-1].end >= \
                    lines[i].start - 1:
                groups[-1].append(block)
            else:
                groups.append([block])
        i = max(j, i + 1)
    return groups


def _read_rows(lines: list[Line], j: int, block: _Block) -> int:
    """Rows under a header: a label (possibly one word per line) then its values."""
    pending: list[Line] = []
    while j < len(lines):
        text = lines[j].text.strip()
        if not text or _header_line(text, j, continuation=False):
            break
        match = _VALUES.match(text)
        values = [parse_number(v.rstrip("%")) for v in
                  _CELL_VALUE.findall(match["values"])] if match else []
        if match and values and None not in values:
            label = " ".join([*(p.text.strip() for p in pending), match["label"].strip()]).strip()
            if not _LATIN.search(label):
                break
            start = pending[0].start if pending else lines[j].start
            block.rows.append(_Row(label, values, "%" in match["values"], start, lines[j].end))
            pending = []
        elif not _DIGIT.search(text) and len(text.split()) <= 4 and len(pending) < 6:
            pending.append(lines[j])
        else:
            break
        j += 1
    return j


def _from_tables(doc: Document) -> list[Indicator | None]:
    lines = lines_of(doc.text)
    out: list[Indicator | None] = []
    for group in _blocks(lines):
        first = group[0].first_line
        caption = " ".join(ln.text for ln in lines[max(0, first - 6):first])
        context = caption + " " + " ".join(r.label for b in group for r in b.rows)
        for block in group:
            out.extend(_read_block(doc, block, caption, context))
    return out


def _read_block(doc: Document, block: _Block, caption: str,
                context: str) -> list[Indicator | None]:
    columns = max(len(r.values) for r in block.rows)
    periods = group_periods(block.tokens, columns)
    if periods is None:
        return []
    labels = [p.label() for p in periods]
    index_text = " ".join([caption, block.header_label, *(r.label for r in block.rows)])
    if _index_of(index_text) in ("cpi_score", "egov_rank"):
        return _index_table(doc, block, labels, caption, index_text)
    out: list[Indicator | None] = []
    # a country ("Russia") is not an ethnic group ("Russians"), however alike the words
    ethnic = [None if is_country(r.label) else closest(r.label, ETHNONYMS)
              for r in block.rows]
    is_ethnic = sum(e is not None for e in ethnic) >= 3 or bool(
        _ETHNIC_WORDS.search(block.header_label + " " + caption))
    home = _first_country(caption) or HOME
    shares: dict[str, _Row] = {}
    for row, group_name in zip(block.rows, ethnic, strict=False):
        if group_name and is_ethnic and len(row.values) == columns and max(row.values) <= 100:
            out += [_record(doc, (row.start, row.end), indicator="population_share",
                            entity=group_name, period=period, value=value, unit="percent")
                    for period, value in zip(labels, row.values, strict=False)]
            continue
        kind = closest(row.label.split()[0], _SHARE_KINDS, 0.85) if row.label.split() else None
        if kind and _ASSEMBLY_WORDS.search(context) and (row.percent or max(row.values) <= 100):
            shares[kind] = row
        elif (_ASSEMBLY_WORDS.search(row.label) and not row.percent
              and len(row.values) == columns and all(v == int(v) for v in row.values)):
            out += [_record(doc, (row.start, row.end), indicator="peaceful_assemblies",
                            entity=home, period=period, value=value, unit="count")
                    for period, value in zip(labels, row.values, strict=False)]
    for kind, values in _placed_shares(shares, columns).items():
        row = shares[kind]
        out += [_record(doc, (row.start, row.end), indicator=f"assemblies_share_{kind}",
                        entity=home, period=period, value=value, unit="percent")
                for period, value in zip(labels, values, strict=False) if value is not None]
    return out


_SCORE_ROW = re.compile(r"score|points|\bCPI\b|index", re.IGNORECASE)
_RANK_ROW = re.compile(r"\brank|place|position", re.IGNORECASE)
_RANK_OF_ROW = re.compile(r"countries|out of|number of|states", re.IGNORECASE)


def _index_table(doc: Document, block: _Block, labels: list[str], caption: str,
                 index_text: str) -> list[Indicator | None]:
    """A CPI / e-government table: countries as rows, or one country's score / rank rows."""
    indicator = _index_of(index_text)
    full = [r for r in block.rows if len(r.values) == len(labels)]
    out: list[Indicator | None] = []
    for row in (r for r in full if is_country(r.label)):
        for period, v in zip(labels, row.values, strict=False):
            is_rank = indicator == "egov_rank"
            if is_rank and v != int(v):
                break
            out.append(_record(doc, (row.start, row.end), indicator=indicator,
                               entity=canonical_country(row.label), period=period, value=v,
                               unit="rank" if is_rank else "score",
                               rank=int(v) if is_rank else None))
    if out:
        return out
    score = next((r for r in full if _SCORE_ROW.search(r.label)
                  and not _RANK_ROW.search(r.label)), None)
    rank = next((r for r in full if _RANK_ROW.search(r.label)
                 and all(v == int(v) for v in r.values)), None)
    rank_of = next((r for r in full if _RANK_OF_ROW.search(r.label) and r is not rank), None)
    if rank is None and (score is None or indicator == "egov_rank"):
        return []
    entity = _first_country(f"{caption} {block.header_label}") or HOME
    used = [r for r in (score, rank, rank_of) if r is not None]
    span = (min(r.start for r in used), max(r.end for r in used))
    for c, period in enumerate(labels):
        rank_no = int(rank.values[c]) if rank else None
        if indicator == "egov_rank":
            value, unit = float(rank_no), "rank"
        else:
            value, unit = (score.values[c], "score") if score else (None, None)
        out.append(_record(doc, span, indicator=indicator, entity=entity, period=period,
                           value=value, unit=unit, rank=rank_no,
                           rank_of=int(rank_of.values[c]) if rank_of and rank_no else None))
    return out


def _from_month_rows(doc: Document) -> list[Indicator | None]:
    """A table of assemblies by month, as a crawl prints it one cell a line ("Month" /
    "Number of assemblies" / "July" / "21" / ...), or a month and its count a line. The year
    is the one the caption above states ("July–September 2014"), else the dateline's."""
    text = doc.text
    lines = [ln for ln in lines_of(text) if ln.text.strip()]
    out: list[Indicator | None] = []
    for i in range(len(lines) - 2):
        head = lines[i].text.strip()
        if not _MONTH_HEADER.fullmatch(head) or not _ASSEMBLY_WORDS.search(lines[i + 1].text) \
                or _DIGIT.search(lines[i + 1].text):
            continue
        caption = text[lines[max(0, i - 12)].start:lines[i].start]
        years = [p.period[:4] for p in find_periods(caption)]
        dateline = document_dateline(text) or doc.published_on
        year = years[-1] if years else (str(dateline.year) if dateline else None)
        if year is None:
            continue
        j = i + 2
        while j < len(lines):
            one = _MONTH_ROW.fullmatch(lines[j].text.strip())
            month = lexicon("en").month(one["m"]) if one else None
            if one and one["n"]:
                value, end, step = one["n"], lines[j].end, 1
            elif month and j + 1 < len(lines) and lines[j + 1].text.strip().isdigit():
                value, end, step = lines[j + 1].text.strip(), lines[j + 1].end, 2
            else:
                break
            if month is None:
                break
            out.append(_record(doc, (lines[j].start, end), indicator="peaceful_assemblies",
                               entity=HOME, period=f"{year}-{month:02d}",
                               value=float(value), unit="count"))
            j += step
    return out


_MONTH_HEADER = re.compile(r"months?", re.IGNORECASE)
_MONTH_ROW = re.compile(r"(?P<m>[A-Za-z]{3,9}\.?)(?:\s+(?P<n>\d{1,5}))?")


def _placed_shares(shares: dict[str, _Row], columns: int) -> dict[str, list[float | None]]:
    """Each share row spread over the columns; a short row is placed by the ~100% sums."""
    full = {k: r.values for k, r in shares.items() if len(r.values) == columns}
    placed: dict[str, list[float | None]] = dict(full)
    short = [k for k, r in shares.items() if len(r.values) < columns]
    if len(short) == 1 and len(full) == len(shares) - 1 and full:
        expected = [100 - sum(row[c] for row in full.values()) for c in range(columns)]
        row = place_by_sum(shares[short[0]].values, expected)
        if row is not None:
            placed[short[0]] = row
    return placed


# ---- prose ---------------------------------------------------------------------------------
# An index's figures in prose are read as a frame per sentence: the countries it names (a
# coordinated run "Uzbekistan and Tajikistan" is one group) and the figures it prints (rules
# `indicators.value.*`). A figure belongs to the group written last before it, else to the
# first group after it ("With 29 points, Kyrgyzstan ranked 132nd"), else to the country a
# pronoun refers back to ("the country", "its"). "respectively" pairs a run of figures with
# the countries before it in order. What follows a figure may date it ("(36 in 2017)",
# "from 113th a year earlier"); otherwise it is the sentence's year or the edition's.

_RULES = rule_pack("indicators")


@lru_cache(maxsize=4)
def _folded(text: str) -> str | None:
    """The text's lower case with a dotless "ı" read as "i" and a long "ſ" as "s", as a
    case-insensitive pattern reads them (they, "İ" and the Kelvin sign are the only characters
    beyond ASCII that such a pattern of ASCII letters matches); None where a character's
    lower case is longer ("İ"), which would shift every position after it."""
    low = text.lower()
    if len(low) != len(text):
        return None
    return low.replace("\u0131", "i").replace("\u017f", "s")


def _lower_for(words: tuple[str, ...], text: str) -> str | None:
    """The lower case to look for `words` in: `lowered`'s, or where that cannot be trusted
    (a report quoting one Turkish name with an "ı"), the folded one (`_folded`) when every
    word is ASCII: a word is then in it exactly where the text holds it, case aside, as a
    pattern reads it. One "ı" in a long report had every sentence of it asked of every rule,
    the rules' words looked for in each sentence's own lower case, rule after rule."""
    low = lowered(text)
    if low is None and all(word.isascii() for word in words):
        low = _folded(text)
    return low


def _absent(words: tuple[str, ...] | None, text: str) -> bool:
    """None of `words` (`pooled_words`) is in the text: their patterns match nowhere in it, nor in
    any part of it (a sentence, its line breaks made spaces or not), and a pass reading a
    document part by part for them can be skipped. Exact: the words are looked for in the
    text's lower case where `lowered` trusts it, and a part's lower case is then the text's
    own, character for character; a word with no space cannot span a line break."""
    if words is None:
        return False
    low = _lower_for(words, text)
    return low is not None and not has_literal(words, low)


def _spans_holding(words: tuple[str, ...] | None, text: str,
                   spans: list[tuple[int, int]]) -> list[bool]:
    """Per (start, end) span of the text, whether one of `words` (`pooled_words`) lies within it:
    where none does, their patterns match nowhere in the span (see `_absent`). The words are
    found once in the whole text, not looked for sentence by sentence, in the folded lower
    case (`_lower_for`) where `lowered` does not trust the text: the sentences of a long
    report with one "ı" in it are told apart too, rather than all asked of every rule."""
    return _spans_in(words, None if words is None else _lower_for(words, text), spans)


def _spans_in(words: tuple[str, ...] | None, low: str | None,
              spans: list[tuple[int, int]]) -> list[bool]:
    """Per span, whether one of `words` lies within it in `low`, the text's lower case (every
    span may, where there is none to trust)."""
    if low is None:
        return [True] * len(spans)
    found = []  # (start, end) of every occurrence of every word
    for word in words:
        at = low.find(word)
        while at != -1:
            found.append((at, at + len(word)))
            at = low.find(word, at + 1)
    found.sort()
    starts = [a for a, _ in found]
    out = []
    for start, end in spans:
        k = bisect_left(starts, start)
        while k < len(found) and found[k][0] < end and found[k][1] > end:
            k += 1  # an occurrence that starts inside and runs past the span's end
        out.append(k < len(found) and found[k][1] <= end)
    return out


def _kind_words(kind: str) -> tuple[str, ...] | None:
    return pooled_words(*(rule.regex for rule in _RULES.of_kind(kind)))


_INDEX_WORDS = _kind_words("index")
_COUNT_WORDS = _kind_words("assembly_count")
_FX_WORDS = _kind_words("fx_rate")
_ORDINALS = lexicon("en").ordinals
_CONTEXT_SENTENCES = 5  # sentences without a figure after which an index's context ends
_INDEX_YEAR = guarded(re.compile(
    rf"(?:Index|CPI|EGDI|Survey|ranking|report)\)?(?:\s+(?:for|of|in))?[\s-]+(?P<y>{YEAR})\b"
    rf"|\b(?P<y2>{YEAR})\s+(?:\w+\s+){{0,2}}?(?:Corruption Perceptions? Index|CPI|E-?government|"
    r"edition|ranking|rating|index|report)"
    rf"|\b(?:index|ranking|CPI)\b[^.;]{{0,60}}?\bfor\s+(?P<y3>{YEAR})\b"
    r"|\b(?:index|ranking|survey)\s+(?P<rel>last|this)\s+year\b", re.IGNORECASE))
_ANAPHOR = re.compile(r"\b(?:it|its|the (?:country|republic|state)|this country)\b",
                      re.IGNORECASE)
_GROUP_GAP = re.compile(r"(?:\s|,|&|\band\b|\bas well as\b|\bboth\b|\bthe\b)*", re.IGNORECASE)
_SHARED_WITH = re.compile(r"\s*(?:with|alongside)\s*$", re.IGNORECASE)
_COMPARED_WITH = re.compile(r"\b(?:than|unlike|behind|ahead\s+of|overtaking|compared\s+(?:with|to))"
                            r"\s+(?:the\s+)?$", re.IGNORECASE)
# "Kazakhstan's 39 points", "Kazakhstan's CPI score": the possessive owns the figure
_POSSESSIVE_OF = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?:\d|score|rank|result|place|position|"
                            r"rating)", re.IGNORECASE)


@dataclass
class _Figure:
    start: int
    end: int
    score: float | None = None
    rank: int | None = None
    rank_of: int | None = None
    year: str | None = None
    shift: int = 0
    role: str | None = None
    owners: list[str] = field(default_factory=list)
    dated_end: int = 0  # end of the words that date it


@dataclass
class _Group:
    names: list[str]
    start: int
    end: int


# A sentence of an index's passage has a figure (`_figures`: a `value` rule's match) or a
# coverage ("ranks 180 countries") only where it holds a digit, or one of the words of a
# `value` rule that needs none ("ranked first"): every match of the others holds a digit
# (`requires_digit`, read from the parsed pattern: a digit class the pattern cannot skip). A
# sentence with neither is one without figures (`_from_index_prose` counts it down, all it
# does with it): its rules are not run. A rule that needs no digit and has no words (None
# below) has every sentence read.
def _figure_words() -> tuple[str, ...] | None:
    """The words one of which a sentence without a digit needs for a figure (see above)."""
    if not all(requires_digit(rule.regex) for rule in _RULES.of_kind("coverage")):
        return None
    free = [rule.regex for rule in _RULES.of_kind("value") if not requires_digit(rule.regex)]
    return pooled_words(*free) if free else ()


_FIGURE_WORDS = _figure_words()


def _may_have_figures(sentence: str) -> bool:
    """Whether a sentence may hold an index's figure or coverage (see above)."""
    if _FIGURE_WORDS is None or _DIGIT.search(sentence):
        return True
    low = _lower_for(_FIGURE_WORDS, sentence)
    return low is None or has_literal(_FIGURE_WORDS, low)


def _index_of(sentence: str) -> str | None:
    """The index a sentence names: cpi_score, egov_rank, "other", or None."""
    hit = _RULES.first("index", sentence)
    if hit is None:
        return None
    rule, _ = hit
    return rule.sets.get("indicator") or "other"


def _int(text: str | None) -> int | None:
    return int(text) if text else None


def _figures(sentence: str, indicator: str) -> list[_Figure]:
    """The figures of an index in a sentence, left to right, overlaps resolved by priority."""
    found = []
    for rule, m in _RULES.matches("value", sentence):
        at = next((m.start(g) for g in ("n", "r", "w") if m.groupdict().get(g)), m.start())
        if _RULES.first("guard", sentence[:at], max(0, at - 40)):
            continue
        groups = m.groupdict()
        rank = _int(groups.get("r")) or (_ORDINALS.get(groups["w"].lower())
                                          if groups.get("w") else None)
        n = float(groups["n"]) if groups.get("n") else None
        fig = _Figure(m.start(), m.end(), rank=rank, rank_of=_int(groups.get("of")),
                      year=groups.get("y"), role=rule.sets.get("role"))
        if rule.sets.get("unit") == "score" or fig.role == "paren":
            fig.score = n  # a bare "(43)" is a score or a rank by context (_settle_parens)
        if fig.score is not None and fig.score > 100 and fig.role != "paren":
            continue  # no index this family reads scores above 100
        found.append((m.start(), -rule.priority, -(m.end() - m.start()), fig))
    out: list[_Figure] = []
    for *_, fig in sorted(found, key=lambda t: t[:3]):
        if out and fig.start < out[-1].end:
            continue
        out.append(fig)
    for fig in out:
        for rule in _RULES.of_kind("period"):
            m = rule.regex.match(sentence, fig.end)
            if m:
                fig.dated_end = m.end()
                fig.year = fig.year or m.groupdict().get("y")
                fig.shift = rule.sets.get("shift", 0) if not fig.year else 0
                break
    if indicator == "egov_rank":
        for fig in out:
            if fig.role == "paren" or (fig.rank is None and fig.score is not None):
                fig.rank, fig.score = (int(fig.score) if fig.role == "paren" else None), None
        out = [f for f in out if f.rank is not None]
    return out


def _settle_parens(sentence: str, figures: list[_Figure]) -> None:
    """'Ghana (43)': a rank where the same sentence prints ranks in parentheses or the number
    exceeds 100; a score printed right after a score is the earlier edition's ('56 (56)'
    after '47 points (46 in 2019)')."""
    ranks_in_parens = any(f.rank is not None and sentence[max(0, f.start - 1):f.start] == "("
                          for f in figures)
    paren_year = next((f.year for f in figures if f.year and sentence[f.start] == "("), None)
    for i, fig in enumerate(figures):
        if fig.role != "paren":
            continue
        before = figures[i - 1] if i else None
        if before is not None and before.score is not None and before.rank is None and \
                not sentence[before.end:fig.start].strip() and paren_year:
            fig.year = fig.year or paren_year
        elif ranks_in_parens or (fig.score or 0) > 100:
            fig.rank, fig.score = int(fig.score), None


def _groups(sentence: str, figures: list[_Figure]) -> list[_Group]:
    """Countries named, coordinated runs joined; a possessive counts only before a figure
    ("Kazakhstan's 39 points"), not in "Kazakhstan's neighbours"."""
    groups: list[_Group] = []
    for c in find_countries(sentence):
        if c.possessive and not _POSSESSIVE_OF.match(sentence, c.end + 2):
            continue
        if _COMPARED_WITH.search(sentence, max(0, c.start - 30), c.start):
            continue  # "scored higher than Kazakhstan": the country compared with
        last = groups[-1] if groups else None
        if last and _GROUP_GAP.fullmatch(sentence, last.end, c.start) and not any(
                last.end <= f.start < c.start for f in figures):
            if c.name not in last.names:
                last.names.append(c.name)
            last.end = c.end
        else:
            groups.append(_Group([c.name], c.start, c.end))
    return groups


def _elided(sentence: str, groups: list[_Group], figures: list[_Figure]) -> list[_Figure]:
    """'Kyrgyzstan received 27 points, Uzbekistan 28 and Tajikistan 25'."""
    if not any(f.score is not None for f in figures):
        return figures
    out = list(figures)
    for g in groups:
        for rule in _RULES.of_kind("after_country"):
            m = rule.regex.match(sentence, g.end)
            if m and not any(f.start <= m.start("n") < f.end for f in figures):
                out.append(_Figure(m.start("n"), m.end(), score=float(m["n"])))
                break
    return sorted(out, key=lambda f: f.start)


def _attach(sentence: str, groups: list[_Group], figures: list[_Figure],
            fallback: str | None) -> None:
    """Each figure's countries (see the section comment)."""
    paired: set[int] = set()
    spans = [(f.start, f.end) for f in figures]
    for resp in RESPECTIVELY_WORD.finditer(sentence):
        chain = run_before(sentence, spans, resp.start(), VALUE_JOINT)
        if len(chain) < 2:
            continue
        names: list[str] = []
        for g in groups:
            if g.end <= figures[chain[0]].start:
                names += [n for n in g.names if n not in names]
        if len(names) >= len(chain):  # the last countries named, in order
            for i, name in pair_in_order(chain, names[-len(chain):]):
                figures[i].owners = [name]
                paired.add(i)
    shared: list[tuple[_Group, _Figure]] = []
    for i, fig in enumerate(figures):
        if i in paired:
            continue
        before = [g for g in groups if g.end <= fig.start]
        after = [g for g in groups if g.start >= fig.end]
        if before:
            fig.owners = list(before[-1].names)
        elif after:
            fig.owners = list(after[0].names)
        elif fallback:
            fig.owners = [fallback]
        if fig.rank is not None:  # "shares 140th place with Honduras and Iran"
            for g in after[:1]:
                if _SHARED_WITH.match(sentence[fig.end:g.start]) and before:
                    shared.append((g, fig))
    for g, fig in shared:
        figures.append(_Figure(g.start, g.end, rank=fig.rank, rank_of=fig.rank_of,
                               year=fig.year, shift=fig.shift, owners=list(g.names)))


@dataclass
class _IndexRow:
    indicator: str
    entity: str
    period: str | None
    span: tuple[int, int]
    score: float | None = None
    rank: int | None = None
    rank_of: int | None = None  # stated with this rank


def _from_index_prose(doc: Document) -> list[Indicator | None]:
    text = doc.text
    if _absent(_INDEX_WORDS, text):
        return []  # no sentence names an index
    dateline = _dateline_of(doc)  # asked only by "the index last year" (`_stated_year`)
    bounds = sentences(text)
    # a sentence without the rules' words names no index: not asked
    may_name = _spans_holding(_INDEX_WORDS, text, bounds)
    indexes = [_index_of(text[s:e].replace("\n", " ")) if may else None
               for (s, e), may in zip(bounds, may_name, strict=True)]
    if not _reads_an_index(indexes):
        return []  # no passage of an index read below: no figure (nor edition) asked for
    spans = [(s, e, text[s:e].replace("\n", " ")) for s, e in bounds]
    named = [(index, sent) for index, (_, _, sent) in zip(indexes, spans, strict=True)]
    editions = _editions(named, dateline)
    rows: dict[tuple, _IndexRow] = {}
    coverage: dict[str, int] = {}  # indicator -> number of countries the index ranks
    by_period: dict[tuple[str, str | None], int] = {}
    indicator: str | None = None
    remaining = 0
    last_entity: str | None = None
    for (start, end, sentence), (index, _) in zip(spans, named, strict=True):
        if index == "other":
            continue
        if index is not None:
            indicator, remaining = index, _CONTEXT_SENTENCES
        if indicator is None or remaining <= 0:
            indicator = None
            continue
        if not _may_have_figures(sentence):
            remaining -= 1  # no figure, no coverage: all the loop below does with it
            continue
        figures = _figures(sentence, indicator)
        stated = _stated_year(sentence, dateline)
        own = _own_year(sentence, figures)
        year = stated or own or editions.get(indicator)
        for _, m in _RULES.matches("coverage", sentence):
            if not any(f.start <= m.start() < f.end or f.start <= m.start("of") < f.end
                       for f in figures):
                coverage.setdefault(indicator, int(m["of"]))
        if not figures:
            remaining -= 1
            continue
        remaining = _CONTEXT_SENTENCES
        _settle_parens(sentence, figures)
        groups = _groups(sentence, figures)
        figures = _elided(sentence, groups, figures)
        head = sentence[:min([f.start for f in figures] + [g.start for g in groups])]
        lead_shift = -1 if not (stated or own) and any(
            r.regex.search(head) and r.sets.get("shift") for r in _RULES.of_kind("period")) else 0
        fallback = (last_entity or HOME) if _ANAPHOR.search(sentence) else None
        _attach(sentence, groups, figures, fallback)
        stated_of = None
        for fig in figures:
            stated_of = fig.rank_of or stated_of
            period = fig.year or _shift(year, fig.shift or lead_shift)
            if fig.rank is not None and stated_of:
                by_period.setdefault((indicator, period), stated_of)
            for name in fig.owners:
                key = (indicator, name, period)
                row = rows.setdefault(key, _IndexRow(indicator, name, period, (start, end)))
                if row.score is None and fig.score is not None and indicator == "cpi_score":
                    row.score = fig.score
                if row.rank is None and fig.rank is not None:
                    row.rank = fig.rank
                    row.rank_of = stated_of if fig.rank is not None else None
        owners = [n for f in figures for n in f.owners]
        if owners:
            last_entity = owners[0]
    out = []
    for row in _dated(rows, editions):
        if row.score is None and row.rank is None:
            continue
        rank_of = (row.rank_of or by_period.get((row.indicator, row.period))
                   or coverage.get(row.indicator)) if row.rank is not None else None
        if row.indicator == "egov_rank":
            value, unit = (float(row.rank), "rank") if row.rank is not None else (None, None)
        else:
            value, unit = (row.score, "score") if row.score is not None else (None, None)
        out.append(_record(doc, row.span, indicator=row.indicator, entity=row.entity,
                           period=row.period, value=value, unit=unit, rank=row.rank,
                           rank_of=rank_of))
    return out


def _reads_an_index(indexes: list[str | None]) -> bool:
    """Whether a sentence names an index `_from_index_prose` reads ("other" is skipped, and
    with no index named no sentence after is read, nor an edition asked for)."""
    return any(index not in (None, "other") for index in indexes)


def _own_year(sentence: str, figures: list[_Figure]) -> str | None:
    """The one year a sentence dates itself by ("In the previous survey, issued in 2022"),
    not counting the years that date one of its figures ("(31 in 2017)")."""
    own = {m.group(1) for m in _IN_YEAR.finditer(sentence)
           if not any(f.start <= m.start() < max(f.end, f.dated_end) for f in figures)}
    return own.pop() if len(own) == 1 else None


def _stated_year(sentence: str, dateline: Callable[[], date | None]) -> str | None:
    """The edition a sentence names: "the 2013 edition", "CPI for 2018", "the index last year"
    (the year of the page's dateline, `_dateline_of`, asked only here)."""
    match = _INDEX_YEAR.search(sentence)
    if not match:
        return None
    if match["rel"]:
        day = dateline()
        return str(day.year - (match["rel"].lower() == "last")) if day else None
    return match["y"] or match["y2"] or match["y3"]


def _editions(named: list[tuple[str | None, str]],
              dateline: Callable[[], date | None]) -> dict[str, str]:
    """Per index, the edition the document is about: the first year stated for it ("the 2013
    edition", "CPI for 2018", "the index last year") in a sentence that names it or follows
    one that does. None stated: the figures stay undated unless their sentence dates them."""
    out: dict[str, str] = {}
    current, remaining = None, 0
    for index, sentence in named:
        if index in ("cpi_score", "egov_rank"):
            current, remaining = index, _CONTEXT_SENTENCES
        elif remaining <= 0 or index == "other":
            continue
        remaining -= 1
        year = _stated_year(sentence, dateline)
        if current and year and current not in out:
            out[current] = year
    return out


def _dated(rows: dict[tuple, _IndexRow], editions: dict[str, str]) -> list[_IndexRow]:
    """Rows whose period no sentence gave take the edition's, merged with its row."""
    out: dict[tuple, _IndexRow] = {}
    undated = []
    for key, row in rows.items():
        if row.period is None and editions.get(row.indicator):
            undated.append(row)
        else:
            out[key] = row
    for row in undated:
        row.period = editions[row.indicator]
        key = (row.indicator, row.entity, row.period)
        if key in out:
            have = out[key]
            have.score = have.score if have.score is not None else row.score
            if have.rank is None:
                have.rank, have.rank_of = row.rank, row.rank_of
        else:
            out[key] = row
    return list(out.values())


def _shift(year: str | None, shift: int) -> str | None:
    if shift and year and year.isdigit():
        return str(int(year) + shift)
    return year


def _first_country(text: str, start: int = 0, end: int | None = None) -> str | None:
    found = [c for c in find_countries(text, start, end) if not c.possessive]
    return found[0].name if found else None


def _from_totals(doc: Document) -> list[Indicator | None]:
    """Counts of peaceful assemblies in prose (rules `indicators.assembly_*`): '119 peaceful
    assemblies in 2017, 163 in 2018 and 208 in the first half of 2019', 'Between 2012 and
    2018, 845 peaceful assemblies took place'. A count is dated by the period after it in its
    clause, else by the last one before it in the sentence; undated counts are left out."""
    text = doc.text
    out = []
    # no sentence counts assemblies where the rules' words are absent from the text, nor a
    # sentence they are absent from (`_spans_holding`: found once in the text, not asked of
    # every sentence by each rule)
    spans = [] if _absent(_COUNT_WORDS, text) else sentences(text)
    for (s_start, s_end), may in zip(spans, _spans_holding(_COUNT_WORDS, text, spans),
                                     strict=True):
        if not may:
            continue
        hits = _RULES.matches("assembly_count", text, s_start, s_end)
        if not hits:
            continue
        periods = find_periods(text, s_start, s_end)
        entity = _first_country(text, s_start, s_end) or HOME
        for _, m in hits:
            if _RULES.first("assembly_part", text[m.end("n"):m.end("n") + 20]):
                continue
            period = _period_after(text, periods, m.end(), s_end)
            if period is None:
                before = [p for p in periods if p.end <= m.start()]
                period = before[-1] if before else None
            if period is None:
                continue
            out.append(_record(doc, (s_start, s_end), indicator="peaceful_assemblies",
                               entity=entity, period=period.period,
                               value=parse_number(m["n"]), unit="count"))
            pos = period.end if period.start >= m.end() else m.end()
            while True:  # the same count for further periods
                more = next((r.regex.match(text, pos) for r in _RULES.of_kind("assembly_more")
                             if r.regex.match(text, pos)), None)
                nxt = [p for p in periods if more and p.start == more.end()]
                if not more or not nxt:
                    break
                out.append(_record(doc, (s_start, s_end), indicator="peaceful_assemblies",
                                   entity=entity, period=nxt[0].period,
                                   value=parse_number(more["n"]), unit="count"))
                pos = nxt[0].end
    return out + _assembly_shares(doc, out)


_NUMBER_BETWEEN = re.compile(r"\d")
_CLAUSE_END = re.compile(r"[;:]|,\s+(?:while|whereas|but)\b")


def _period_after(text: str, periods: list, pos: int, end: int):
    """The first period after `pos` in its clause, with no other number in between."""
    for p in periods:
        if p.start >= pos:
            gap = text[pos:p.start]
            if p.start - pos <= 80 and not _NUMBER_BETWEEN.search(gap) and \
                    not _CLAUSE_END.search(gap):
                return p
            return None
    return None


_FRACTIONS = lexicon("en").fractions
# a share is "of the assemblies", and not a poll's ("of those surveyed")
# guarded: most sentences lack these words and are not searched
_SHARE_OF = guarded(re.compile(r"\bof\s+(?:the\s+|all\s+|these\s+)?(?:[\w-]+\s+)?(?:rall(?:y|ies)|"
                               r"assem-?\s*blies|protests|demonstrations|pickets|gatherings)\b",
                               re.IGNORECASE))
_SHARE_OF_WORDS = pooled_words(_SHARE_OF)
_POLLED = re.compile(r"\b(?:surveyed|respondents|polled|interviewed)\b", re.IGNORECASE)


def _assembly_shares(doc: Document, counts: list[Indicator | None]) -> list[Indicator | None]:
    """Shares of assemblies by the kind of demand, in prose. Each share is paired with a kind
    word: the one after it where the sentence puts the share first ("61% of the assemblies
    raised economic grievances"), the one before it where the kind comes first ("social
    issues accounted for 61 percent"). Dated by the sentence's one period, else by the last
    count given before it."""
    text = doc.text
    if _absent(_SHARE_OF_WORDS, text):
        return []  # no sentence tells a share "of the assemblies"
    out = []
    spans = sentences(text)
    for (start, end), may in zip(spans, _spans_holding(_SHARE_OF_WORDS, text, spans),
                                 strict=True):
        # (a sentence without the words of `_SHARE_OF` is not searched: it has no match)
        if not may or not _SHARE_OF.search(text, start, end) or \
                _POLLED.search(text, start, end):
            continue
        shares = [m for _, m in _RULES.matches("assembly_share", text, start, end)]
        kinds = [m for _, m in _RULES.matches("assembly_share_kind", text, start, end)]
        if not shares or not kinds or any(not text[shares[i].end():shares[i + 1].start()]
                                          .strip() for i in range(len(shares) - 1)):
            continue  # none, or a table row ("Political 21% 14% 9%"): read as a table
        own = {p.period for p in find_periods(text, start, end)}
        known = [c.period for c in counts if c and c.evidence_start is not None and
                 doc.to_original(start, end)[0] >= c.evidence_start]
        period = own.pop() if len(own) == 1 else (known[-1] if known else None)
        kind_first = kinds[0].start() < shares[0].start()
        for i, m in enumerate(shares):
            lo = shares[i - 1].end() if i else start
            hi = shares[i + 1].start() if i + 1 < len(shares) else end
            pick = ([k for k in kinds if lo <= k.start() < m.start()][-1:] if kind_first
                    else [k for k in kinds if m.end() <= k.start() < hi][:1])
            if not pick:
                continue
            kind = pick[0]["kind"].lower()
            kind = "economic" if kind == "socio-economic" else kind
            value = (parse_number(m["pct"]) if m.groupdict().get("pct")
                     else round(100 * _FRACTIONS[m["frac"].lower()], 1))
            out.append(_record(doc, (start, end), indicator=f"assemblies_share_{kind}",
                               entity=HOME, period=period, value=value, unit="percent"))
    return out


def _from_prose_rates(doc: Document) -> list[Indicator | None]:
    """Rates written out (rules `indicators.fx_rate.*`), as tickers write the pair (USD/KZT =
    tenge per dollar). The currency is the one written after the amount ("per $1"), else the
    last one named before it in the sentence. A rate is dated by a date right after it ("…
    on January 31, 2024"), else by the last date before it in the sentence that no other rate
    claimed; a bare "March 7" takes a year the sentence states before it, else the dateline's.
    An undated rate right after dated ones was quoted on the latest of their days."""
    text = doc.text
    if _absent(_FX_WORDS, text):
        return []  # no sentence writes a rate out
    dateline = _dateline_of(doc)  # asked only by a sentence that writes a rate out
    out = []
    days: list[str] = []  # the dates rates were given so far
    last_dated = -10  # index of the last sentence with a dated rate
    spans = sentences(text)
    may_rate = _spans_holding(_FX_WORDS, text, spans)
    for i, (s_start, s_end) in enumerate(spans):
        if not may_rate[i]:
            continue  # no rate is written out without the rules' words
        sentence = text[s_start:s_end]
        hits = _resolved(_RULES.matches("fx_rate", sentence))
        if not hits:
            continue
        dates = _sentence_dates(sentence, dateline())
        claimed: set[int] = set()
        dated_here = False
        previous: str | None = None  # the date of the sentence's last rate
        for rule, m in hits:
            if _RULES.first("fx_change", sentence, max(0, m.start("rate") - 40), m.start("rate")):
                continue
            if rule.id == "indicators.fx_rate.per_currency" and not _TENGE.search(sentence):
                continue
            code = _currency(m) or _currency_before(sentence, m.start())
            if code is None or code == "KZT":
                continue
            after = [d for d in dates if 0 <= d.start - m.end() <= 30 and d.iso
                     and not _AFTER_BREAK.search(sentence, m.end(), d.start)]
            before = [d for d in dates if d.end <= m.start() and d.iso and d.start not in claimed]
            date = (after or before[-1:] or [None])[0]
            if after:
                claimed.add(date.start)  # "compared with 454 tenge on March 3, 2025"
            if date is None and previous:
                period = previous  # "…, and the euro at 640 tenge": the same day
            elif date is not None:
                period = date.iso
                days.append(period)
                dated_here = True
            elif i - last_dated <= 2 and days:
                period = max(days)  # "The euro was quoted at …": the day just given
            else:
                period = None
            previous = period
            out.append(_record(doc, (s_start, s_end), indicator="fx_rate",
                               entity=f"{code}/KZT", period=period,
                               value=parse_number(m["rate"].replace(",", ".")), unit="rate"))
        if dated_here:
            last_dated = i
    return out


_AFTER_BREAK = re.compile(r"\d|[;(]|,\s+(?:which|while|when|after|and|but|the)\b")
_CURRENCY_CODES = {"dollar": "USD", "euro": "EUR", "rouble": "RUB", "ruble": "RUB",
                   "yuan": "CNY", "pound": "GBP", "$": "USD", "€": "EUR", "₽": "RUB",
                   "¥": "CNY", "£": "GBP", "usd": "USD", "eur": "EUR", "rub": "RUB",
                   "cny": "CNY", "gbp": "GBP", "kzt": "KZT"}


def _currency(m: re.Match) -> str | None:
    groups = m.groupdict()
    for name in ("currency", "symbol", "code"):
        if groups.get(name):
            return _CURRENCY_CODES.get(groups[name].lower())
    return None


def _currency_before(sentence: str, pos: int) -> str | None:
    named = [m for _, m in _RULES.matches("fx_currency", sentence, 0, pos)]
    return _currency(named[-1]) if named else None


def _resolved(hits: list[tuple]) -> list[tuple]:
    """Matches that do not overlap, the higher priority kept where they do."""
    out: list[tuple] = []
    for rule, m in sorted(hits, key=lambda rm: (rm[1].start(), -rm[0].priority)):
        if out and m.start() < out[-1][1].end():
            continue
        out.append((rule, m))
    return out


def _sentence_dates(sentence: str, dateline) -> list:
    """The sentence's dates; a month-day without a year takes a year the sentence states
    before it ("in the spring of 2022, when … on March 7")."""
    dates = find_dates(sentence, dateline=dateline)
    out = []
    for d in dates:
        if not d.explicit_year and d.iso:
            years = [y for y in dates if y.explicit_year and y.end <= d.start and y.iso
                     and len(y.iso) == 4]
            if years and years[-1].iso != d.iso[:4]:
                again = find_dates(sentence[d.start:d.end], ref_year=int(years[-1].iso))
                if again and again[0].iso:
                    d = d._replace(iso=again[0].iso)
        out.append(d)
    return out


def _from_tickers(doc: Document) -> list[Indicator | None]:
    """A site's rates line (rule `indicators.ticker.item`): 'KZT/USD = 0.00204 0%',
    'usd/kzt 448.12 eur/kzt 486.9', 'USD 501.92 ▲ | EUR 529.60 ▼', '$ 506.73' / '€ 548.91'
    one a line. One rate per currency pair however often the line repeats. A line is a ticker
    when little else is on it; a quote by code or symbol also needs another currency quoted
    on it or a line or two away. Dated by a date on its line, else by a rates header just
    above ("Currency rates from 14/03/2025"), else undated."""
    text = doc.text
    lines = lines_of(text)
    items: list[list[re.Match]] = [[] for _ in lines]
    tickerish = [False] * len(lines)
    quotes: list[tuple[int, list[re.Match]]] = []
    for i, line in enumerate(lines):
        if len(line.text) > 160:
            continue  # no ticker (its words need not be counted)
        if not _DIGIT.search(line.text):
            continue  # a quote needs its rate's digits: no ticker (the rule is not run)
        quotes.append((i, [m for _, m in _RULES.matches("ticker", line.text)]))
    if not any(found for _, found in quotes):
        return []  # no quote on any line: which lines look like tickers does not matter
    for i, found in quotes:
        line = lines[i]
        rest = line.text
        for m in reversed(found):
            rest = rest[:m.start()] + " " + rest[m.end():]
        if not found and not _DIGIT.search(rest):
            continue  # neither a quote nor a figure: no ticker, whatever its words
        words = len(_TICKER_WORD.findall(_TICKER_NOISE.sub(" ", rest)))
        tickerish[i] = words <= (6 if found else 3)
        items[i] = found if tickerish[i] else []
    out = []
    for i, found in enumerate(items):
        if not found:
            continue  # nothing quoted on the line: no neighbours or date to look up
        near = {_ticker_entity(m) for j in range(max(0, i - 3), min(len(lines), i + 4))
                for m in items[j]}
        period = _ticker_date(lines, tickerish, i)
        for m in found:
            if not m["pair"] and len(near) < 2:
                continue
            start = lines[i].start + m.start()
            out.append(_record(doc, (start, lines[i].start + m.end("rate")), indicator="fx_rate",
                               entity=_ticker_entity(m), period=period,
                               value=parse_number(m["rate"].replace(",", ".")), unit="rate"))
    return out


_TICKER_WORD = re.compile(r"[^\W\d_]{2,}")
_DIGIT = re.compile(r"\d")
# what a rates line carries besides its quotes: arrows, bars, changes, dates, its label
_TICKER_NOISE = guarded(re.compile(
    r"[▲▼↑↓|•·]|[-+]?\d+(?:[.,]\d+)?\s*%|\b\d{1,2}[./]\d{1,2}[./]\d{4}\b|"
    r"\b(?:KZT|NBK|rates?|currency|exchange|as of|from|official)\b", re.IGNORECASE))


def _ticker_entity(m: re.Match) -> str:
    if m["pair"]:
        return _SPACES.sub("", m["pair"]).upper()
    return f"{_CURRENCY_CODES.get((m['code'] or m['symbol']).lower(), m['code'])}/KZT"


def _ticker_date(lines: list[Line], tickerish: list[bool], i: int) -> str | None:
    """A full date on the quote's line, else on the rates header right above its block."""
    own = [d.iso for d in find_dates(lines[i].text) if d.iso and len(d.iso) == 10]
    if own:
        return own[0]
    j = i - 1
    while j >= 0 and i - j <= 8 and (tickerish[j] or not lines[j].text.strip()):
        if _RATES_HEADER.search(lines[j].text):
            break
        j -= 1
    if j >= 0 and _RATES_HEADER.search(lines[j].text):
        dates = [d.iso for d in find_dates(lines[j].text) if d.iso and len(d.iso) == 10]
        return dates[0] if dates else None
    return None


_RATES_HEADER = re.compile(r"\brates?\b", re.IGNORECASE)
