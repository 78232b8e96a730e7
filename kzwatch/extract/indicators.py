"""Values of published indices and statistical tables: one record per (indicator, entity, period).

Read from four forms:
- year-column tables (a header of years, rows of a label and one value per year), including
  the PDF-garbled kind: wrapped period cells, word-per-line labels, rows missing empty cells
  (placed by the rule that a period's shares sum to ~100);
- index prose: "a score of 39 out of 100 ... 93rd place out of 180 countries", lists such as
  "Uzbekistan (33); Azerbaijan (23, 154th place)" under a named index and year;
- totals in prose: "1053 peaceful assemblies were held ... from 2010 to 2020";
- currency tickers: "KZT/USD = 0.00204 0%" (one record per pair however often it repeats).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from kzwatch.document import Document
from kzwatch.text.dates import document_dateline, find_dates
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
COUNTRIES = sorted(["Afghanistan", "Albania", "Algeria", "Andorra", "Angola", "Argentina",
                     "Armenia", "Australia", "Austria", "Azerbaijan", "Bahrain", "Bangladesh",
                     "Belarus", "Belgium", "Bhutan", "Bolivia", "Botswana", "Brazil", "Bulgaria",
                     "Cambodia", "Cameroon", "Canada", "Chad", "Chile", "China", "Colombia",
                     "Croatia", "Cuba", "Cyprus", "Czechia", "Denmark", "Ecuador", "Egypt",
                     "Estonia", "Ethiopia", "Finland", "France", "Georgia", "Germany", "Ghana",
                     "Greece", "Hungary", "Iceland", "India", "Indonesia", "Iran", "Iraq",
                     "Ireland", "Israel", "Italy", "Japan", "Jordan", "Kazakhstan", "Kenya",
                     "Kosovo", "Kuwait", "Kyrgyzstan", "Laos", "Latvia", "Lebanon", "Libya",
                     "Lithuania", "Luxembourg", "Malaysia", "Mali", "Malta", "Mexico", "Moldova",
                     "Mongolia", "Montenegro", "Morocco", "Myanmar", "Nepal", "Netherlands",
                     "Nicaragua", "Niger", "Nigeria", "Norway", "Oman", "Pakistan", "Panama",
                     "Paraguay", "Peru", "Philippines", "Poland", "Portugal", "Qatar", "Romania",
                     "Russia", "Rwanda", "Serbia", "Singapore", "Slovakia", "Slovenia", "Somalia",
                     "Spain", "Sudan", "Sweden", "Switzerland", "Syria", "Taiwan", "Tajikistan",
                     "Tanzania", "Thailand", "Tunisia", "Turkey", "Turkmenistan", "Uganda",
                     "Ukraine", "Uruguay", "Uzbekistan", "Venezuela", "Vietnam", "Yemen", "Zambia",
                     "Zimbabwe",
                     "Russian Federation", "United States", "United Kingdom", "South Korea",
                     "North Korea", "New Zealand", "Saudi Arabia", "South Africa",
                     "United Arab Emirates", "Kyrgyz Republic", "Bosnia and Herzegovina",
                     "North Macedonia", "Sri Lanka", "Czech Republic"])
_COUNTRY_NAMES = "|".join(sorted((re.escape(c) for c in COUNTRIES), key=len, reverse=True))
_COUNTRY = re.compile(rf"\b(?:{_COUNTRY_NAMES})\b")
ETHNONYMS = ["Kazakhs", "Russians", "Ukrainians", "Germans", "Uzbeks", "Uyghurs", "Tatars",
             "Belarusians", "Koreans", "Azerbaijanis", "Turks", "Poles", "Dungans", "Kyrgyz",
             "Chechens", "Bashkirs", "Moldovans", "Tajiks", "Greeks", "Armenians", "Jews",
             "Kurds", "Chinese", "Others"]

# ---- index prose ---------------------------------------------------------------------------
_CPI = re.compile(r"Corruption Perceptions? Index|\bCPI\b|Transparency International",
                  re.IGNORECASE)
_EGOV = re.compile(r"\bE-?government (?:Development )?(?:Index|Survey|ranking|rating)|\bEGDI\b",
                   re.IGNORECASE)
# another index or ranking named: the context of the one before ends
_ANY_INDEX = re.compile(r"\b(?:Index|ranking|rating)\b", re.IGNORECASE)
_CONTEXT_SENTENCES = 5  # sentences without a score after which an index's context ends
_EARLIER_YEAR = re.compile(r"\b(?:a|one) year (?:earlier|before|ago)\b|\bthe (?:previous|"
                           r"preceding) year\b|\blast year\b", re.IGNORECASE)
_INDEX_YEAR = re.compile(
    rf"(?:Index|CPI|EGDI|Survey|ranking|report)\)?(?:\s+(?:for|of|in))?[\s-]+(?P<y>{YEAR})\b"
    rf"|\b(?P<y2>{YEAR})\s+(?:Corruption Perceptions? Index|CPI|E-?government|edition|"
    r"ranking|rating|index|report)", re.IGNORECASE)
_SCORE = re.compile(
    r"\bscore of (?P<a>\d{1,3})(?:\s*points?)?(?:\s*(?:out of|/)\s*100)?"
    r"|\bscored (?P<b>\d{1,3})(?: points?)?(?: out of 100)?"
    r"|\b(?P<c>\d{1,3}) (?:points? )?out of 100\b"
    r"|\bscore (?:was|is|stood at|rose to|fell to|dropped to|improved to|reached) (?P<d>\d{1,3})\b"
    r"|\b(?:received|gained|earned|got|scoring|had|has) (?P<e>\d{1,3}) points\b"
    r"|\b(?:rose|fell|dropped|climbed|slipped|improved|declined|moved up|moved down|returned) "
    r"to (?P<f>\d{1,3}) points?\b", re.IGNORECASE)
_RANK = re.compile(
    r"\b(?P<r>\d{1,3})(?:st|nd|rd|th)\s+(?:place|position|spot|rank)"
    r"(?:\s+(?:out of|among|of)\s+(?P<of>\d{2,3}))?"
    r"|\b(?:ranked|ranks|placed|(?=(?:came|finished)\s+\d{1,3}(?:st|nd|rd|th)\b)\w+)\s+"
    r"(?:[A-Z][\w-]+\s+)?(?:at\s+)?(?P<r2>\d{1,3})(?:st|nd|rd|th)?"
    r"(?:\s+(?:place|position))?(?:\s+(?:out of|among|of)\s+(?P<of2>\d{2,3}))?"
    r"|\b(?P<r3>\d{1,3})(?:st|nd|rd|th)\s+(?:out of|among)\s+(?P<of3>\d{2,3})", re.IGNORECASE)
_OUT_OF = re.compile(r"\b(?:out of|among|of)\s+(?P<of>\d{2,3})\s+(?:countries|states|nations|"
                     r"(?:UN\s+)?member\s+states)", re.IGNORECASE)
_LISTED = re.compile(rf"\b(?P<country>{_COUNTRY_NAMES})\s*\((?P<score>\d{{1,3}})"
                     r"(?:\s*,\s*(?P<rank>\d{1,3})(?:st|nd|rd|th)\s*(?:place|position)?)?\)")

# ---- totals, tickers -----------------------------------------------------------------------
_ASSEMBLY_TOTAL = [
    re.compile(rf"(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+)\s+(?:peaceful\s+)?assemblies\b[^.;]{{0,80}}?"
               rf"\b(?:from|between)\s+(?P<a>{YEAR})\s+(?:to|and|through|until)\s+(?P<b>{YEAR})",
               re.IGNORECASE),
    re.compile(rf"\b(?:from|between)\s+(?P<a>{YEAR})\s+(?:to|and|through|until)\s+(?P<b>{YEAR})"
               rf",?\s+(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+)\s+(?:peaceful\s+)?assemblies\b",
               re.IGNORECASE),
]
# one year: "In 2021, 312 peaceful assemblies were held", "312 rallies took place in 2021"
_ASSEMBLY_YEAR = [
    re.compile(rf"(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+)\s+(?:peaceful\s+)?assemblies\b[^.;\d]{{0,60}}?"
               rf"\b(?:in|during)\s+(?P<y>{YEAR})(?:\s*[-–]\s*(?P<y2>{YEAR}))?\b",
               re.IGNORECASE),
    re.compile(rf"\b(?:In|During)\s+(?P<y>{YEAR}),?\s+(?:[\w-]+\s+){{0,4}}?"
               rf"(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+)\s+(?:peaceful\s+)?assemblies\b"),
]
# exchange rates in prose, three forms: "470.5 tenge per US dollar"; "the euro was quoted at
# 540 tenge", "the Russian ruble at 5.29 tenge"; "compared with 454 tenge on …" (same currency)
_CURRENCY_NAMES = {"dollar": "USD", "euro": "EUR", "rouble": "RUB", "ruble": "RUB",
                   "yuan": "CNY", "pound": "GBP"}
_CURRENCY = r"(?P<currency>dollar|euro|rouble|ruble|yuan|pound)s?"
_RATE = r"(?P<rate>\d{1,4}(?:[.,]\d{1,4})?)\s+(?:tenge|KZT)\b"
_FX_PROSE = [
    re.compile(_RATE + r"\s+(?:per|to\s+the|to\s+one|for\s+(?:one|a|1)|against\s+the)\s+"
               r"(?:US\s+|U\.S\.\s+|American\s+|Russian\s+|Chinese\s+|British\s+)?"
               + _CURRENCY + r"\b", re.IGNORECASE),
    re.compile(r"\b" + _CURRENCY + r"\s+(?:(?:was|were|is|stood|closed|traded|quoted|set|fixed|"
               r"rose|fell|weakened|strengthened)\s+){0,2}(?:at|to)\s+" + _RATE, re.IGNORECASE),
    re.compile(r"\b(?:compared\s+(?:with|to)|against|versus|up\s+from|down\s+from)\s+" + _RATE,
               re.IGNORECASE),
    # the wire agencies' aside: "($1 = 511.20 tenge)", "(1 euro = 540 tenge)"
    re.compile(r"\(\s*(?:\$\s*1|1\s+(?:US\s+)?" + _CURRENCY + r"|1\s+USD)\s*=\s*" + _RATE,
               re.IGNORECASE),
]


# "KZT/USD = 0.00204", "USD/KZT 447.85   EUR/KZT 486.10" (a pair of ISO codes, then its rate)
_TICKER = re.compile(r"\b(?P<pair>[A-Z]{3}\s*/\s*[A-Z]{3})(?:\s*[=:]\s*|[ \t]+)"
                     r"(?P<rate>\d+(?:\.\d+)?)(?![\d.,]*\s*(?:%|per\b|million|billion))"
                     r"(?P<rest>(?:(?![A-Z]{3}\s*/\s*[A-Z]{3})[^\n])*)")  # up to the next pair
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]
_DATE = re.compile(rf"\b(?P<d>\d{{1,2}})\s+(?P<m>{'|'.join(_MONTHS)})\s+(?P<y>{YEAR})\b"
                   rf"|\b(?P<d2>\d{{2}})\.(?P<m2>\d{{2}})\.(?P<y2>{YEAR})\b")

# ---- year-column tables --------------------------------------------------------------------
_YEAR_TOKEN = re.compile(rf"^(?P<a>{YEAR})(?:\s*[-–]\s*(?P<b>{YEAR}))?$")
_VALUES = re.compile(r"^(?P<label>[^\d]*?)\s*(?P<values>(?:[-+]?\d[\d,.]*\s*%?\s*)+)$")
_SHARE_KINDS = ["political", "economic", "social"]
_ASSEMBLY_WORDS = re.compile(r"assembl|rall(?:y|ies)|protest|demonstration|picket", re.IGNORECASE)
_ETHNIC_WORDS = re.compile(r"ethnic|nationalit|national composition|population", re.IGNORECASE)


def extract(doc: Document) -> list[Indicator]:
    """All indicator values the document prints, first mention kept per (indicator, entity,
    period)."""
    found = [*_from_tables(doc), *_from_index_prose(doc), *_from_totals(doc),
             *_from_tickers(doc), *_from_prose_rates(doc)]
    seen: set[tuple] = set()
    out = []
    for record in found:
        if record is None:
            continue
        key = (record.indicator, record.entity, record.period)
        if key not in seen:
            seen.add(key)
            out.append(record)
    return out


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


def _header_line(text: str, index: int, continuation: bool,
                 open_paren: bool = False) -> tuple[str, list] | None:
    """(label, tokens) when the line holds only years and period qualifiers after a label.

    A qualifier is parenthesised ("(I-VI)"), possibly over several lines ("(I" / "VI)");
    `open_paren` says a parenthesis opened on an earlier header line is still open.
    """
    words = text.split()
    label: list[str] = []
    if not continuation:
        while words and not _YEAR_TOKEN.match(words[0]) and re.fullmatch(r"[A-Za-z]+", words[0]):
            label.append(words.pop(0))
        if not words or not _YEAR_TOKEN.match(words[0]):
            return None
    tokens: list = []
    in_parens = continuation and open_paren
    for word in words:
        match = _YEAR_TOKEN.match(word)
        if match and not in_parens:
            tokens.append(YearToken(int(match["a"]), index,
                                    int(match["b"]) if match["b"] else None))
        elif (word.startswith("(") or in_parens) and re.fullmatch(r"\(?[\w.–-]{1,12}\)?", word):
            tokens.append(word)
            in_parens = not word.endswith(")")
        else:
            return None
    if not tokens or (not continuation and len(tokens) < 2 and label):
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
            open_paren = isinstance(raw[-1], str) and not raw[-1].endswith(")")
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
                  re.findall(r"[-+]?\d[\d,.]*\s*%?", match["values"])] if match else []
        if match and values and None not in values:
            label = " ".join([*(p.text.strip() for p in pending), match["label"].strip()]).strip()
            if not re.search(r"[A-Za-z]", label):
                break
            start = pending[0].start if pending else lines[j].start
            block.rows.append(_Row(label, values, "%" in match["values"], start, lines[j].end))
            pending = []
        elif not re.search(r"\d", text) and len(text.split()) <= 4 and len(pending) < 6:
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
    if _CPI.search(index_text) or _EGOV.search(index_text):
        return _index_table(doc, block, labels, caption, index_text)
    out: list[Indicator | None] = []
    # a country ("Russia") is not an ethnic group ("Russians"), however alike the words
    ethnic = [None if _COUNTRY.fullmatch(r.label) else closest(r.label, ETHNONYMS)
              for r in block.rows]
    is_ethnic = sum(e is not None for e in ethnic) >= 3 or bool(
        _ETHNIC_WORDS.search(block.header_label + " " + caption))
    entity_match = _COUNTRY.search(caption)
    home = entity_match.group(0) if entity_match else HOME
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
    indicator = "cpi_score" if _CPI.search(index_text) else "egov_rank"
    full = [r for r in block.rows if len(r.values) == len(labels)]
    out: list[Indicator | None] = []
    for row in (r for r in full if _COUNTRY.fullmatch(r.label)):
        for period, v in zip(labels, row.values, strict=False):
            is_rank = indicator == "egov_rank"
            if is_rank and v != int(v):
                break
            out.append(_record(doc, (row.start, row.end), indicator=indicator,
                               entity=_canonical_country(row.label), period=period, value=v,
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
    where = _COUNTRY.search(f"{caption} {block.header_label}")
    entity = _canonical_country(where.group(0)) if where else HOME
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

@dataclass
class _IndexContext:
    indicator: str
    year: str | None
    rank_of: int | None
    remaining: int  # sentences it still applies to


def _from_index_prose(doc: Document) -> list[Indicator | None]:
    text = doc.text
    out: list[Indicator | None] = []
    context: _IndexContext | None = None
    last_country: str | None = None
    for start, end in sentences(text):
        sentence = text[start:end].replace("\n", " ")  # wrapped lines read as one (same length)
        named = "cpi_score" if _CPI.search(sentence) else (
            "egov_rank" if _EGOV.search(sentence) else None)
        if named:
            year = _index_year(sentence)
            out_of = _OUT_OF.search(sentence)
            same = context if context and context.indicator == named else None
            # the organisation named again ("Transparency International Kazakhstan said")
            # keeps the year and scale already given
            context = _IndexContext(named, year or (same and same.year),
                                    int(out_of["of"]) if out_of else same and same.rank_of,
                                    _CONTEXT_SENTENCES)
            out += _index_statement(doc, start, sentence, context, last_country)
        elif context is not None and context.remaining > 0 and not (
                _ANY_INDEX.search(sentence) and not _LISTED.search(sentence)):
            # a sentence further on about the same index: "A year earlier the country scored
            # 39 points", "Uzbekistan scored 32 points (121st place), Kyrgyzstan 25 (146th)"
            here = replace(context, year=_shifted_year(sentence, context.year))
            found = _index_statement(doc, start, sentence, here, last_country) if (
                _SCORE.search(sentence) or _RANK.search(sentence)) else _listed_scores(
                doc, start, sentence, here)
            out += found
            context.remaining = _CONTEXT_SENTENCES if found else context.remaining - 1
        else:
            context = None
        countries = _COUNTRY.findall(sentence)
        last_country = countries[-1] if countries else last_country
    return out


def _index_year(sentence: str) -> str | None:
    match = _INDEX_YEAR.search(sentence)
    if match:
        return match["y"] or match["y2"]
    years = [m for m in re.finditer(YEAR, sentence)
             if not re.search(r"since\s*$", sentence[:m.start()])]
    return years[0].group(0) if len(years) == 1 else None


def _index_statement(doc: Document, start: int, sentence: str, context: _IndexContext,
                     last_country: str | None) -> list[Indicator | None]:
    """'<Country> ... a score of 39 out of 100 ... 93rd place out of 180 countries'."""
    score = _SCORE.search(sentence) if context.indicator == "cpi_score" else None
    rank = _RANK.search(sentence)
    listed = _listed_scores(doc, start, sentence, context)
    if not score and not rank:
        return listed
    anchor = min(m.start() for m in (score, rank) if m)
    before = _COUNTRY.findall(sentence[:anchor])
    inside = _COUNTRY.findall(sentence[anchor:max(m.end() for m in (score, rank) if m)])
    entity = before[-1] if before else inside[0] if inside else last_country  # "ranked Armenia"
    if entity is None:
        return listed
    rank_no = _first_int(rank, "r", "r2", "r3")
    rank_of = _first_int(rank, "of", "of2", "of3") or context.rank_of
    if context.indicator == "egov_rank":
        if rank_no is None:
            return []
        value, unit = float(rank_no), "rank"
    else:
        value = float(_first_int(score, "a", "b", "c", "d", "e", "f")) if score else None
        unit = "score" if score else None
    entity = _canonical_country(entity)
    others = _further_scores(doc, start, sentence, score.end(), context) if score else []
    if any(r and r.entity == entity for r in listed):  # "Russia (28, 137th place)" says it all
        return [*listed, *others]
    others += _earlier_ranks(doc, start, sentence, context, entity)
    return [_record(doc, (start, start + len(sentence)), indicator=context.indicator,
                    entity=entity, period=context.year, value=value, unit=unit, rank=rank_no,
                    rank_of=rank_of if rank_no else None),
            *(r for r in [*listed, *others]
              if r and (r.entity, r.period) != (entity, context.year))]


_FURTHER_SCORE = re.compile(
    rf"(?:^|[,;]|\band\b|\bwhile\b|\bwhereas\b)\s*(?P<country>{_COUNTRY_NAMES})\s+"
    r"(?:(?:has|had|received|got|scored|with)\s+)?(?P<score>\d{1,3})(?:\s+points?)?"
    r"(?:\s*\((?P<rank>\d{1,3})(?:st|nd|rd|th)(?:\s+(?:place|position))?\)"  # "25 (146th)"
    r"|\s+and\s+(?:came|placed|ranked|finished|was)\s+(?P<rank2>\d{1,3})(?:st|nd|rd|th))?"
    r"(?=\s*(?:[,;.]|\band\b|$))")


def _further_scores(doc: Document, start: int, sentence: str, after: int,
                    context: _IndexContext) -> list[Indicator | None]:
    """'Kyrgyzstan received 27 points, Uzbekistan 28 and Tajikistan 25': the list that follows
    a first score in the same sentence."""
    return [_record(doc, (start, start + len(sentence)), indicator="cpi_score",
                    entity=_canonical_country(m["country"]), period=context.year,
                    value=float(m["score"]), unit="score",
                    rank=int(m["rank"] or m["rank2"]) if m["rank"] or m["rank2"] else None,
                    rank_of=context.rank_of if m["rank"] or m["rank2"] else None)
            for m in _FURTHER_SCORE.finditer(sentence, after)]


# "placed 24th, up from 28th in the previous survey in 2022": the earlier edition's rank
_EARLIER_RANK = re.compile(
    rf"\b(?:up|down|climbing|rising|falling|dropping)\s+from\s+(?P<r>\d{{1,3}})(?:st|nd|rd|th)"
    rf"(?:\s+(?:place|position))?[^.;\d]{{0,40}}?\b(?:in|of)\s+(?P<y>{YEAR})\b", re.IGNORECASE)


_EARLIER_SCORE = re.compile(
    rf"\((?:up\s+from\s+|down\s+from\s+|compared\s+with\s+)?(?P<s>\d{{1,3}})\s+points?\s+"
    rf"in\s+(?P<y>{YEAR})\)", re.IGNORECASE)


def _earlier_ranks(doc: Document, start: int, sentence: str, context: _IndexContext,
                   entity: str) -> list[Indicator | None]:
    """Earlier editions the sentence compares with: "up from 28th in 2022", "(39 points in
    2023)"."""
    out = []
    if context.indicator == "cpi_score":
        out += [_record(doc, (start, start + len(sentence)), indicator="cpi_score",
                        entity=entity, period=m["y"], value=float(m["s"]), unit="score",
                        rank=None, rank_of=None) for m in _EARLIER_SCORE.finditer(sentence)]
    for m in _EARLIER_RANK.finditer(sentence):
        rank = int(m["r"])
        value, unit = (float(rank), "rank") if context.indicator == "egov_rank" else (None, None)
        out.append(_record(doc, (start, start + len(sentence)), indicator=context.indicator,
                           entity=entity, period=m["y"], value=value, unit=unit, rank=rank,
                           rank_of=context.rank_of))
    return out


def _shifted_year(sentence: str, year: str | None) -> str | None:
    """The index year a later sentence speaks of: its own year, or "a year earlier"."""
    own = re.findall(rf"\b(?:in|for)\s+({YEAR})\b", sentence)
    if len(set(own)) == 1:
        return own[0]
    if year and year.isdigit() and _EARLIER_YEAR.search(sentence):
        return str(int(year) - 1)
    return year


def _first_int(match: re.Match | None, *groups: str) -> int | None:
    values = [match[g] for g in groups if match and match[g]]
    return int(values[0]) if values else None


def _listed_scores(doc: Document, start: int, sentence: str,
                   context: _IndexContext) -> list[Indicator | None]:
    """'Uzbekistan (33); Azerbaijan (23, 154th place)' under an index named just before."""
    if context.indicator != "cpi_score":
        return []
    out = []
    for match in _LISTED.finditer(sentence):
        rank = int(match["rank"]) if match["rank"] else None
        out.append(_record(doc, (start, start + len(sentence)), indicator="cpi_score",
                           entity=_canonical_country(match["country"]), period=context.year,
                           value=float(match["score"]), unit="score", rank=rank,
                           rank_of=context.rank_of if rank else None))
    return out


def _canonical_country(name: str) -> str:
    return {"Russian Federation": "Russia", "Kyrgyz Republic": "Kyrgyzstan",
            "Czech Republic": "Czechia"}.get(name, name)


def _from_totals(doc: Document) -> list[Indicator | None]:
    """'1053 peaceful assemblies were held in Kazakhstan from 2010 to 2020'."""
    out = []
    for pattern in _ASSEMBLY_TOTAL:
        for match in pattern.finditer(doc.text):
            s_start, s_end = doc.sentence_span(match.start())
            country = _COUNTRY.search(doc.text, s_start, s_end)
            out.append(_record(doc, (s_start, s_end), indicator="peaceful_assemblies",
                               entity=country.group(0) if country else HOME,
                               period=f"{match['a']}-{match['b']}",
                               value=parse_number(match["n"]), unit="count"))
    for pattern in _ASSEMBLY_YEAR:
        for match in pattern.finditer(doc.text):
            s_start, s_end = doc.sentence_span(match.start())
            country = _COUNTRY.search(doc.text, s_start, s_end)
            out.append(_record(doc, (s_start, s_end), indicator="peaceful_assemblies",
                               entity=country.group(0) if country else HOME,
                               period="-".join(filter(None, (match["y"],
                                                             match.groupdict().get("y2")))),
                               value=parse_number(match["n"]), unit="count"))
            # "…, compared with 987 in 2023": the same count for another year
            for earlier in _COMPARED_YEAR.finditer(doc.text, match.end(), s_end):
                out.append(_record(doc, (s_start, s_end), indicator="peaceful_assemblies",
                                   entity=country.group(0) if country else HOME,
                                   period=earlier["y"], value=parse_number(earlier["n"]),
                                   unit="count"))
    return out + _assembly_shares(doc, out)


_COMPARED_YEAR = re.compile(
    rf"\b(?:compared\s+(?:with|to)|against|up\s+from|down\s+from|versus)\s+"
    rf"(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+)\s+(?:\w+\s+){{0,2}}?(?:in|a year earlier in)\s+"
    rf"(?P<y>{YEAR})\b", re.IGNORECASE)
# "social issues accounted for 61 percent of the rallies, economic demands for 27 percent"
_SHARE_KIND = re.compile(
    r"\b(?P<kind>social|economic|political|socio-economic)\b[^.;%\d]{0,90}?"
    r"\b(?:for|made\s+up|constituted|represented|comprised|amounted\s+to|were|was)\s+"
    r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|over\s+)?"
    r"(?P<pct>\d{1,2}(?:[.,]\d)?)\s*(?:%|percent\b|per\s+cent\b)", re.IGNORECASE)
_ASSEMBLY_NOUN = re.compile(r"\b(?:rall(?:y|ies)|assemblies|protests|demonstrations|pickets)\b",
                            re.IGNORECASE)


def _assembly_shares(doc: Document, counts: list[Indicator | None]) -> list[Indicator | None]:
    """Shares of assemblies by the kind of demand, stated in prose for one year."""
    out = []
    for start, end in sentences(doc.text):
        sentence = doc.text[start:end]
        if not _ASSEMBLY_NOUN.search(sentence):
            continue
        years = set(re.findall(rf"\b{YEAR}\b", sentence))
        known = [c.period for c in counts if c and c.evidence_start is not None and
                 doc.to_original(start, end)[0] >= c.evidence_start]
        period = years.pop() if len(years) == 1 else (known[-1] if known else None)
        for m in _SHARE_KIND.finditer(sentence):
            kind = "economic" if m["kind"].lower() == "socio-economic" else m["kind"].lower()
            out.append(_record(doc, (start, end), indicator=f"assemblies_share_{kind}",
                               entity=HOME, period=period, value=parse_number(m["pct"]),
                               unit="percent"))
    return out


def _from_prose_rates(doc: Document) -> list[Indicator | None]:
    """Rates written out, as tickers write the pair (USD/KZT = tenge per dollar). A rate is
    dated by a date right after it ("… on January 31, 2024"), else by the sentence's first
    date that no other rate claims; a bare "January 31" only against the dateline's year."""
    dateline = document_dateline(doc.text)
    found: list[tuple[int, int, str | None, float, int, int]] = []
    for pattern in _FX_PROSE:
        for match in pattern.finditer(doc.text):
            found.append((match.start(), match.end(), match.groupdict().get("currency"),
                          parse_number(match["rate"].replace(",", ".")),
                          *doc.sentence_span(match.start())))
    out = []
    last_currency: dict[int, str] = {}  # sentence start -> currency of its last rate
    quoted: list[tuple[int, str | None]] = []  # (sentence end, date of its first rate)
    opened: set[int] = set()
    for start, end, currency, value, s_start, s_end in sorted(set(found)):
        if currency is None and doc.text[start:start + 3].replace(" ", "").startswith("($"):
            currency = "dollar"
        currency = currency.lower() if currency else last_currency.get(s_start)
        if currency is None or any(a <= start < b for a, b, *_ in found if (a, b) != (start, end)
                                   and a < start):
            continue  # a rate already read by a longer form, or a currency never named
        last_currency[s_start] = currency
        dates = find_dates(doc.text[s_start:s_end], dateline=dateline)
        after = [d for d in dates if 0 <= d.start - (end - s_start) <= 6]
        free = [d for d in dates if d.end <= start - s_start]
        date = (after or free or [None])[0]
        period = date.iso if date else None
        if not dates and quoted and s_start - quoted[-1][0] <= 2:
            period = quoted[-1][1]  # "The euro was quoted at …": the day of the rates just given
        if s_start not in opened:
            opened.add(s_start)
            quoted.append((s_end, period))
        out.append(_record(doc, (s_start, s_end), indicator="fx_rate",
                           entity=f"{_CURRENCY_NAMES[currency]}/KZT",
                           period=period, value=value, unit="rate"))
    return out


def _from_tickers(doc: Document) -> list[Indicator | None]:
    """'KZT/USD = 0.00204 0%': one rate per currency pair; dated only by a date on its line."""
    out = []
    for match in _TICKER.finditer(doc.text):
        date = _DATE.search(match["rest"])
        if date and date["m2"] and not 1 <= int(date["m2"]) <= 12:
            date = None
        out.append(_record(doc, (match.start(), match.end("rate")), indicator="fx_rate",
                           entity=re.sub(r"\s+", "", match["pair"]),
                           period=_iso(date) if date else None,
                           value=float(match["rate"]), unit="rate"))
    return out


def _iso(date: re.Match) -> str:
    if date["y"]:
        return f"{date['y']}-{_MONTHS.index(date['m']) + 1:02d}-{int(date['d']):02d}"
    return f"{date['y2']}-{date['m2']}-{date['d2']}"
