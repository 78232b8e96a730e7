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
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def parse_number(token: str) -> float | None:
    """A printed number: thousands commas ("1,100") or a decimal comma ("62,1")."""
    token = token.strip()
    if not _NUMBER.match(token):
        return None
    if re.fullmatch(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?", token):
        return float(token.replace(",", ""))
    return float(token.replace(",", "."))


_UNITS = {w: i for i, w in enumerate([
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen"])}
_TENS = {w: 10 * (i + 2) for i, w in enumerate(
    ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_NUMBER_WORD = "|".join([*_UNITS, *_TENS, *_SCALES])
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
_MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
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
