"""Percentages as news and reports print them, read into values with their spans.

    find_percentages("46% said yes, while thirty-one percent said no")
        -> [Percent(value=46.0, ...), Percent(value=31.0, ...)]

Forms read: "46%", "46 %", "46.5 per cent", "62,1 percent", number words ("Eighty-seven
percent"), a bare number sharing the sign of the next one ("58 and 63.4 percent", "64% and
61%"), and the bounds and ranges around them, reported in `qualifier`:

- "exact"; a bound from the lexicon right before it ("more than 40%" -> "more_than");
- "range" for either end of "84-88 percent" or "between 48% and 81%";
- "threshold" for "70% or above", "50 percent or more";
- "from" for the start of a change "from 63% to 48%" (the end reads as exact).

"percentage points" are differences, not shares: never read. A percentage printed inside a
word ("5%-growth") is still read; what it counts is the caller's business.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kzwatch.text.lexicon import alternation, lexicon
from kzwatch.text.patterns import guarded

_LEX = lexicon("en")
_UNIT_WORDS = alternation([w for w, v in _LEX.number_words.items() if v < 100])
_WORD_NUMBER = rf"(?:(?:{_UNIT_WORDS})(?:[\s-]+(?:{_UNIT_WORDS}))?)"
_DIGITS = r"\d{1,3}(?:[.,]\d{1,2})?"
_SIGN = r"(?:%|\s*per\s*cent\b|\s*percent\b(?!age)|\s*pct\b)"
PERCENT_RE = guarded(re.compile(
    rf"(?<![\w.,])(?P<num>{_DIGITS}|{_WORD_NUMBER})(?P<sign>\s?%|\s*per\s*cent\b|"
    rf"\s*percent\b(?!age)|\s*pct\b)",
    re.IGNORECASE))
# what every sign above holds, matched as the pattern matches it (case ignored): "%", the
# "cent" of "per cent" and "percent", or "pct"
_SIGN_HINT = guarded(re.compile(r"%|cent|pct", re.IGNORECASE))
# a bare number coordinated with the percentage after it: "58 and 63.4 percent"
_SHARED = re.compile(
    rf"(?<![\w.,%])(?<!aged )(?<!to )(?<!from )(?P<num>{_DIGITS})\s+(?:and|an|or)\s+$",
    re.IGNORECASE)
_RANGE_BEFORE = re.compile(rf"(?<![\w.,])({_DIGITS})\s*(?:-|–|—|to)\s*$")
# "from 63% to 48%": the first is where a change started
_FROM_BEFORE = re.compile(r"\bfrom\s*$", re.IGNORECASE)
_TO_AFTER = re.compile(rf"\s*(?:to|-|–)\s*(?:{_DIGITS})\s*{_SIGN}", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s*$", re.IGNORECASE)
_BETWEEN_AND = re.compile(rf"\s*(?:and|-|–)\s*(?:{_DIGITS})\s*{_SIGN}", re.IGNORECASE)
_THRESHOLD_AFTER = re.compile(r"\s*(?:or|and)\s+(?:above|more|higher|over|below|less|lower)\b",
                              re.IGNORECASE)
_BOUNDS = sorted(_LEX.bounds, key=len, reverse=True)
_BOUND_BEFORE = guarded(re.compile(rf"\b(?P<bound>{'|'.join(re.escape(b) for b in _BOUNDS)})\s*$",
                           re.IGNORECASE))
_NUMBER_WORD_VALUES = {w.lower(): v for w, v in _LEX.number_words.items()}


@dataclass(frozen=True)
class Percent:
    start: int
    end: int
    value: float
    qualifier: str = "exact"  # exact, a bound (more_than, ...), range, threshold
    text: str = ""
    bound: str = ""  # the bound's words as printed, lower case ("above", "more than")


def _value(token: str) -> float | None:
    token = token.strip()
    if token[:1].isdigit():
        return float(token.replace(",", "."))
    total = 0
    for word in re.split(r"[\s-]+", token.lower()):
        if word not in _NUMBER_WORD_VALUES:
            return None
        total += _NUMBER_WORD_VALUES[word]
    return float(total)


def may_hold_percentages(text: str, start: int = 0, end: int | None = None) -> bool:
    """False where `find_percentages` finds none in text[start:end] for want of a sign (the
    hint has no anchor nor lookaround: a span's match is the whole text's)."""
    return _SIGN_HINT.search(text, start, len(text) if end is None else end) is not None


def find_percentages(text: str, start: int = 0, end: int | None = None) -> list[Percent]:
    """Every percentage in text[start:end] with absolute spans, in order of appearance."""
    end = len(text) if end is None else end
    out: list[Percent] = []
    if not may_hold_percentages(text, start, end):
        return out  # no sign, no percentage (most sentences): the pattern is not run
    for m in PERCENT_RE.finditer(text, start, end):
        value = _value(m["num"])
        if value is None or value > 1000:
            continue
        before = text[max(start, m.start() - 40):m.start()]
        qualifier = "exact"
        bound = _BOUND_BEFORE.search(before)
        bound_words = bound["bound"].lower() if bound else ""
        if bound:
            qualifier = _LEX.bounds[bound_words]
        if _RANGE_BEFORE.search(before) or (_BETWEEN.search(before) and _BETWEEN_AND.match(
                text, m.end(), min(end, m.end() + 20))):
            qualifier = "range"
        elif out and out[-1].qualifier == "range" and re.fullmatch(
                r"\s*(?:and|-|–|—|to)\s*", text[out[-1].end:m.start()]):
            qualifier = "range"  # the high end of "between 48% and 81%"
        if _FROM_BEFORE.search(before) and _TO_AFTER.match(text, m.end(), min(end, m.end() + 20)):
            qualifier = "from"
        if _THRESHOLD_AFTER.match(text, m.end(), min(end, m.end() + 20)):
            qualifier = "threshold"
        shared = _SHARED.search(before)
        if shared and qualifier == "exact" and not (out and out[-1].end > m.start() - len(
                before) + shared.start()):
            s = m.start() - len(before) + shared.start("num")
            out.append(Percent(s, s + len(shared["num"]), float(shared["num"].replace(",", ".")),
                               "exact", shared["num"]))
        out.append(Percent(m.start(), m.end(), value, qualifier, m.group(0), bound_words))
    return out
