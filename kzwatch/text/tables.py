"""Helpers for tables printed in text: lines with offsets, numbers, periods, garbled cells.

PDF extraction breaks tables in predictable ways: a cell wraps onto several lines ("2011\\n2012"
is one period), empty cells vanish so a row prints fewer values than there are columns, and
row labels wrap word by word. These helpers read those forms; the extractors decide what a
table means.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from kzwatch.text.lexicon import lexicon

YEAR = r"(?:19|20)\d\d"
_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:[.,]\d+)?$")


@dataclass(frozen=True)
class Line:
    """One line of the cleaned text with its half-open span."""

    start: int
    end: int
    text: str


def lines_of(text: str) -> list[Line]:
    """Lines of `text` with their spans (blank lines kept, so paragraph breaks are visible)."""
    return list(_lines_of(text))


# Memoised: the table readers of several families split the same text. Safe: a pure function
# of the string; a Line is frozen and callers get a copy of the tuple.
@lru_cache(maxsize=64)
def _lines_of(text: str) -> tuple[Line, ...]:
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return tuple(out)


def parse_number(token: str) -> float | None:
    """A printed number: thousands commas ("1,100") or a decimal comma ("62,1")."""
    token = token.strip()
    if not _NUMBER.match(token):
        return None
    if re.fullmatch(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?", token):
        return float(token.replace(",", ""))
    return float(token.replace(",", "."))


# number words are the language's (kzwatch/lang/en/lexicon.yaml), not a copy of them
_LEX = lexicon("en")
_UNITS = {w: v for w, v in _LEX.number_words.items() if v < 20}
_TENS = {w: v for w, v in _LEX.number_words.items() if v >= 20}
_SCALES = {w: int(v) for w, v in _LEX.scale_words.items() if v in (100, 1000, 1_000_000)}
_NUMBER_WORD = "|".join(sorted([*_UNITS, *_TENS, *_SCALES], key=len, reverse=True))
NUMBER_WORDS = rf"(?:(?:{_NUMBER_WORD})(?:[\s-]+(?:and[\s-]+)?(?:{_NUMBER_WORD}))*)"


def words_to_int(text: str) -> int | None:
    """'One hundred twenty four' -> 124; None when a word is not a number word."""
    total = current = 0
    seen = False
    for word in re.split(r"[\s-]+", text.lower().strip()):
        if word == "and" or not word:
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in _SCALES:
            total += max(current, 1) * _SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def closest(word: str, vocabulary: list[str], cutoff: float = 0.8) -> str | None:
    """The vocabulary entry most like `word` (case-insensitive), if similar enough.

    Reads misspellings the way a reader does ("Ukrainaians" -> "Ukrainians") without a list of
    known typos.
    """
    best, best_score = None, cutoff
    low = word.lower()
    for entry in vocabulary:
        score = SequenceMatcher(None, low, entry.lower()).ratio()
        if score >= best_score:
            best, best_score = entry, score
    return best


# ---- periods in a table header -------------------------------------------------------------

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9,
          "x": 10, "xi": 11, "xii": 12}
_MONTHS = {name[:3]: number for name, number in _LEX.months.items()}
_SUB_YEAR = {(1, 6): "H1", (7, 12): "H2", (1, 3): "Q1", (4, 6): "Q2", (7, 9): "Q3",
             (10, 12): "Q4"}


def _month(token: str) -> int | None:
    token = token.lower().strip(".")
    if token in _ROMAN:
        return _ROMAN[token]
    return _MONTHS.get(token[:3]) if token[:3] in _MONTHS else None


def sub_year(qualifier: str) -> str | None:
    """'(I VI)', '(I-VI)', '(Jan-Jun)', 'H1' -> 'H1'; None when the qualifier is not a span."""
    q = qualifier.strip("() ").lower()
    if re.fullmatch(r"h[12]|q[1-4]", q):
        return q.upper()
    if re.fullmatch(r"(?:1st|first) half", q):
        return "H1"
    if re.fullmatch(r"(?:2nd|second) half", q):
        return "H2"
    parts = [p for p in re.split(r"[\s\-–—/]+", q) if p]
    if len(parts) != 2:
        return None
    first, last = _month(parts[0]), _month(parts[1])
    return _SUB_YEAR.get((first, last)) if first and last else None


@dataclass(frozen=True)
class YearToken:
    """A year printed in a header; `line` tells wrapped cells apart from neighbouring cells."""

    year: int
    line: int
    end_year: int | None = None  # a span printed whole, e.g. "2011-2012"
    qualifier: str | None = None  # H1, Q3, ...


@dataclass(frozen=True)
class Period:
    start: int
    end: int
    qualifier: str | None = None

    def label(self) -> str:
        if self.qualifier:
            return f"{self.start}-{self.qualifier}"
        return str(self.start) if self.start == self.end else f"{self.start}-{self.end}"


def group_periods(tokens: list[YearToken], n_columns: int) -> list[Period] | None:
    """Read header years as `n_columns` periods, joining cells that wrapped over two lines.

    A wrapped cell shows as consecutive years on different lines ("2011" / "2012"). The joins
    are chosen so that the periods run forward without overlap (a lone year may not repeat a
    year already covered); when no reading, or more than one, gives `n_columns` periods the
    header is ambiguous and None is returned.
    """
    readings: list[list[Period]] = []

    def walk(i: int, acc: list[Period]) -> None:
        if len(readings) > 1 or len(acc) > n_columns:
            return
        if i == len(tokens):
            if len(acc) == n_columns:
                readings.append(list(acc))
            return
        tok = tokens[i]
        options = [(Period(tok.year, tok.end_year or tok.year, tok.qualifier), i + 1)]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (tok.end_year is None and tok.qualifier is None and nxt is not None
                and nxt.end_year is None and nxt.year == tok.year + 1 and nxt.line != tok.line):
            options.append((Period(tok.year, nxt.year, nxt.qualifier), i + 2))
        for period, j in options:
            if acc and not _follows(acc[-1], period):
                continue
            walk(j, [*acc, period])

    walk(0, [])
    return readings[0] if len(readings) == 1 else None


def _follows(prev: Period, cur: Period) -> bool:
    if prev.start == prev.end == cur.start == cur.end and prev.qualifier and cur.qualifier:
        # "2015 H1" then "2015 H2": parts of one year, in order
        months = {q: span for span, q in _SUB_YEAR.items()}
        a, b = months.get(prev.qualifier), months.get(cur.qualifier)
        return bool(a and b and b[0] > a[1])
    if cur.start == cur.end and not cur.qualifier:
        return cur.start > prev.end
    return cur.start >= prev.end and cur.end > prev.start


# ---- cells lost from a row of shares -------------------------------------------------------

def place_by_sum(values: list[float], expected: list[float | None],
                 tolerance: float = 3.0) -> list[float | None] | None:
    """Put a short row's values into the columns where they fit the other rows' arithmetic.

    `expected[c]` is what column c must hold for its shares to add up (100 minus the other
    rows); the values keep their printed order. Returns the row with None in the columns left
    empty, or None when some value fits no column within `tolerance` points.
    """
    n, k = len(expected), len(values)
    if k > n:
        return None
    inf = float("inf")
    # cost[i][j]: best cost placing the first i values into the first j columns
    cost = [[inf] * (n + 1) for _ in range(k + 1)]
    choice = [[False] * (n + 1) for _ in range(k + 1)]
    for j in range(n + 1):
        cost[0][j] = 0.0
    for i in range(1, k + 1):
        for j in range(i, n + 1):
            skip = cost[i][j - 1]
            exp = expected[j - 1]
            take = cost[i - 1][j - 1] + abs(values[i - 1] - exp) if exp is not None else inf
            if take <= skip:
                cost[i][j], choice[i][j] = take, True
            else:
                cost[i][j] = skip
    if cost[k][n] == inf:
        return None
    placed: list[float | None] = [None] * n
    i, j = k, n
    while i > 0:
        if choice[i][j]:
            placed[j - 1] = values[i - 1]
            i -= 1
        j -= 1
    for col, value in enumerate(placed):
        exp = expected[col]
        if value is not None and (exp is None or abs(value - exp) > tolerance):
            return None
    return placed


# ---- grids of shares: statements by answer columns, one cell per line or one row per line ----

_CELL_NUMBER = re.compile(r"^\d{1,3}(?:[.,]\d{1,2})?$")
_COLUMN_CLOSE = re.compile(r"^(?P<head>.*?)\s*\(?%\)?$")
_STUB_HEADER = re.compile(r"^(?:№|No\.?|#|N)?\s*(?:statements?|questions?|items?|indicators?|"
                          r"answers?)?$", re.IGNORECASE)
_GRID_CAPTION = re.compile(r"^(?:table|figure|fig\.|chart)\s*\d", re.IGNORECASE)
_ROW_OF_SHARES = re.compile(
    r"^(?P<label>.*?[^\d\s.,%|])[\s|]+(?P<nums>\d{1,3}(?:[.,]\d{1,2})?%?(?:[\s|]+\d{1,3}"
    r"(?:[.,]\d{1,2})?%?){1,9})[\s|]*$")


@dataclass
class GridRow:
    """One row of a grid: its label (wrapped lines joined), printed number, values."""

    label: str
    values: list[float]
    first_line: int
    last_line: int
    number: int | None = None


@dataclass
class Grid:
    columns: list[str]  # column heads; empty when the header could not be split
    rows: list[GridRow]
    first_line: int  # the header's first line
    last_line: int


def _is_cell_number(text: str) -> bool:
    return bool(_CELL_NUMBER.match(text.strip()))


def cell_grid(lines: list[Line], i: int, max_label_lines: int = 8) -> Grid | None:
    """A table whose cells PDF extraction put one per line, read from its header at line i.

    The header's column heads each close with a "(%)" line ("Strongly" / "agree" / "(%)");
    then each row is an optional row number, its label over one or more lines, and exactly
    as many numbers as there are columns. A lone number inside a label (a page number the
    extraction dropped there) is not a cell. Returns None unless at least two rows read.
    """
    columns: list[str] = []
    words: list[str] = []
    j = i
    while j < len(lines):
        text = lines[j].text.strip()
        if not text or _is_cell_number(text):
            break
        close = _COLUMN_CLOSE.match(text) if ("%" in text) else None
        if close:
            head = " ".join([*words, close["head"]]).strip()
            if head:
                columns.append(head)
            words = []
        elif _STUB_HEADER.match(text) or _GRID_CAPTION.match(text):
            words = []  # the caption above and the stub column's head are not answer columns
        else:
            words.append(text)
        if len(words) > 4:
            return None
        j += 1
    if len(columns) < 2 or words:
        return None
    k = len(columns)
    rows: list[GridRow] = []
    label: list[str] = []
    numbers: list[float] = []
    number: int | None = None
    start = j
    while j < len(lines):
        text = lines[j].text.strip()
        if not text:
            if label or numbers:
                break
            j += 1
            continue
        if _is_cell_number(text):
            value = float(text.replace(",", "."))
            if not label and not numbers and value.is_integer() and int(value) == len(rows) + 1:
                number, start = int(value), j
            elif label:
                numbers.append(value)
                if len(numbers) == k:
                    rows.append(GridRow(" ".join(label), numbers, start, j, number))
                    label, numbers, number, start = [], [], None, j + 1
            j += 1
            continue
        if numbers:  # numbers inside a label: a page number, not cells
            numbers = []
        if len(text) > 80 or len(label) >= max_label_lines:
            break
        label.append(text)
        j += 1
    if len(rows) < 2:
        return None
    return Grid(columns, rows, i, rows[-1].last_line)


_DIGIT_ANY = re.compile(r"\d")  # compiled once: asked of every line


def row_grid(lines: list[Line], i: int) -> Grid | None:
    """A table of one row per line, each row a label then the same count (two or more) of
    shares, under a header line at i that has no figures. Column heads are not split (a
    head may be several words), so `columns` is empty."""
    header = lines[i].text.strip() if i < len(lines) else ""
    if not header or _DIGIT_ANY.search(header) or len(header.split()) < 2:
        return None
    rows: list[GridRow] = []
    j = i + 1
    while j < len(lines):
        m = _ROW_OF_SHARES.match(lines[j].text.strip())
        if not m:
            break
        values = [float(v.rstrip("%").replace(",", ".")) for v in re.split(r"[\s|]+", m["nums"])]
        if rows and len(values) != len(rows[0].values):
            break
        rows.append(GridRow(m["label"].strip(" |"), values, j, j))
        j += 1
    if len(rows) < 3 or any(v > 100 for r in rows for v in r.values):
        return None
    return Grid([], rows, i, rows[-1].last_line)


def sums_to_hundred(values: list[float], tolerance: float = 1.5) -> bool:
    return abs(sum(values) - 100) <= tolerance


# ---- rows stacked one cell per line: option, then count, then percent ---------------------

_STACKED_COUNT = re.compile(r"^\d{1,3}(?:[ ,]\d{3})*$|^\d+$")
_STACKED_PCT = re.compile(r"^(?P<pct>\d{1,3}(?:[.,]\d{1,2})?)\s*%$")


@dataclass
class StackedRow:
    label: str
    count: int | None
    pct: float | None
    first_line: int
    last_line: int


def stacked_rows(lines: list[Line], i: int, max_label_lines: int = 4) -> list[StackedRow]:
    """Options of a table whose cells extraction put one per line, from line i on: each
    option is its text (one or more lines), then its count line and/or its percent line
    ("Yes" / "120" / "40%"). All options must print the same figures. Stops at the first
    line that fits no option; returns [] unless two options read."""
    rows: list[StackedRow] = []
    shape: tuple[bool, bool] | None = None
    j = i
    while j < len(lines):
        label: list[str] = []
        first = j
        while j < len(lines) and lines[j].text.strip() and not _STACKED_COUNT.match(
                lines[j].text.strip()) and not _STACKED_PCT.match(lines[j].text.strip()):
            label.append(lines[j].text.strip())
            j += 1
            if len(label) > max_label_lines:
                return rows if len(rows) >= 2 else []
        count = pct = None
        if label and j < len(lines) and _STACKED_COUNT.match(lines[j].text.strip()):
            count = int(re.sub(r"[ ,]", "", lines[j].text.strip()))
            j += 1
        if label and j < len(lines) and _STACKED_PCT.match(lines[j].text.strip()):
            pct = float(_STACKED_PCT.match(lines[j].text.strip())["pct"].replace(",", "."))
            j += 1
        if not label or (count is None and pct is None) or (
                shape is not None and shape != (count is not None, pct is not None)):
            break
        shape = (count is not None, pct is not None)
        rows.append(StackedRow(" ".join(label), count, pct, first, j - 1))
        while j < len(lines) and not lines[j].text.strip() and j + 1 < len(lines) and \
                lines[j + 1].text.strip():
            j += 1  # one blank line between options
    return rows if len(rows) >= 2 else []
