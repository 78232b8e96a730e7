"""Numbers as news and human-rights reports write them, read into values.

    parse_number("more than three thousand") -> (3000.0, "more_than")
    parse_number("4,404")                    -> (4404.0, "exact")
    parse_number("10 thousand")              -> (10000.0, "exact")
    parse_number("200-300")                  -> (200.0, "range")
    parse_number("up to 5,000")              -> (5000.0, "up_to")
    parse_number("hundreds")                 -> None   (a magnitude, not a number)

`find_numbers(text)` yields every number in a text with its span, so callers can look at the
words around it. A bound ("more than", "at least", "up to", "exceeded") is kept as the value
itself — the stated bound is ACLED's conservative reading — and reported in `qualifier`.
A range keeps its low end as `value` and its high end as `high`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kzwatch.text.lexicon import alternation, lexicon
from kzwatch.text.patterns import guarded

_LEX = lexicon("en")
UNITS = _LEX.number_words
SCALES = {**_LEX.scale_words, **_LEX.scale_abbreviations}
# qualifier phrase -> normalised qualifier; the phrase sits right before the number
QUALIFIERS = _LEX.bounds

_WORD = "|".join(sorted(UNITS, key=len, reverse=True))
_SCALE = alternation(_LEX.scale_words)
_SCALE_ABBR = alternation(_LEX.scale_abbreviations)
_WORD_RUN = (rf"(?:(?:an?|{_WORD})(?:[\s\-]+(?:and[\s\-]+)?(?:{_WORD}|{_SCALE})(?!s\b))*"
             rf"|(?:a|one)\s+(?:{_SCALE})(?!s\b))")
# "1 000 people" (a plain space between thousands, as translations from Russian write them)
# only before a word: "120 340 560" in a table row is three numbers
_SPACED = r"\d{1,3}(?: \d{3})+(?= [a-z])"
_DIGITS = (r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+|"
           rf"{_SPACED}|\d+(?:[.,]\d+)?")
_DIGITS_ALONE = _DIGITS.replace(_SPACED, r"\d{1,3}(?: \d{3})+")  # a number read on its own
# "on January 5 300 people": a day, then a number
_MONTH_BEFORE = re.compile(rf"\b(?:{alternation(_LEX.months, title=True)}|"
                           rf"{alternation(_LEX.month_abbreviations, title=True)})\.?\s*$")
_NUMERAL = (rf"(?:{_DIGITS})(?:\s*(?:{_SCALE}|{_SCALE_ABBR})\b(?!s\b))?(?:\s*(?:{_SCALE})\b)?")
_ONE = rf"(?:{_NUMERAL}|{_WORD_RUN})"
_QUAL = "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))


def _start_guard(starters) -> str:
    """A lookahead on how a match can begin: a digit, "a" or "an" as a word of its own, or the
    first three characters of one of `starters`, four after a word of two letters ("in e" of
    "in excess of": "in" alone is common), grouped by their first letter."""
    rests: dict[str, set[str]] = {"a": {r"(?!\w)", r"n(?!\w)"}}
    for word in starters:
        rests.setdefault(word[0], set()).add(re.escape(word[1:4] if word[2:3] == " " else
                                                       word[1:3]))
    return "(?=\\d|" + "|".join(f"{re.escape(first)}(?:{'|'.join(sorted(rest))})"
                                for first, rest in sorted(rests.items())) + ")"


# Every match begins with a qualifier, "from" / "between", a digit or a number word ("a",
# "an", "one", "twelve"): `_START` (implied by the pattern, so it changes no match) rejects at
# once the other words of a text, at which the alternations below try each of their ~70
# words in turn (under IGNORECASE the engine has no fast first-letter test for them).
_START = _start_guard([*QUALIFIERS, "from", "between", *UNITS])

_NUMBER_BODY = guarded(re.compile(
    rf"{_START}(?:(?P<qual>{_QUAL})\s+)?(?:(?P<lead>from|between)\s+)?"
    rf"(?P<low>{_ONE})"
    rf"(?:\s*(?P<joiner>-|–|—|to|and)\s*(?P<high>{_ONE}))?"
    rf"(?![\w]|,\d|\.\d)",
    re.IGNORECASE))
# A number starts no word: the lookbehind is asked first, before the first-character guard
# `guarded` opens the rest with. Inside a word (most positions of a text) it fails at once,
# where the guard passes (most letters can start a number word) and was asked in vain (about
# a tenth of the pattern's time; zero-width tests at one position, in either order).
NUMBER_RE = re.compile(rf"(?<![\w.,\-]){getattr(_NUMBER_BODY, 'regex', _NUMBER_BODY).pattern}",
                       re.IGNORECASE)

# "5 300" read as one number: its first group (built once: _QUAL is long)
_SPACED_LEAD = re.compile(rf"(?:{_QUAL}\s+)?(\d{{1,3}}) \d{{3}}", re.IGNORECASE)


@dataclass(frozen=True)
class NumberMatch:
    start: int
    end: int
    value: float
    qualifier: str  # exact, more_than, at_least, about, up_to, less_than, range
    high: float | None = None
    text: str = ""

    @property
    def is_integer(self) -> bool:
        return float(self.value).is_integer()


# compiled once, at import (a pattern built per call is formatted and looked up each time,
# and compiled in the first document that needs it)
_WORD_SPLIT = re.compile(r"[\s\-]+")
_NUMERAL_ALONE = re.compile(rf"\s*({_DIGITS_ALONE})\s*(.*)$", re.IGNORECASE)
_DIGIT_GAPS = re.compile(r"[ \u00a0\u202f\u2009]")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_SCALE_AT_END = re.compile(rf"\s*(?:{_SCALE}|{_SCALE_ABBR})\s*$", re.IGNORECASE)


def _words_value(words: str) -> float | None:
    """'three thousand' -> 3000, 'twenty-six' -> 26, 'a hundred' -> 100 (no plurals)."""
    tokens = [t for t in _WORD_SPLIT.split(words.lower()) if t and t != "and"]
    if not tokens:
        return None
    total = current = 0.0
    seen = False
    for tok in tokens:
        if tok in ("a", "an"):
            current = max(current, 1)
            continue
        if tok in UNITS:
            current += UNITS[tok]
            seen = True
        elif tok in SCALES:
            scale = SCALES[tok]
            current = max(current, 1) * scale
            seen = True
            if scale >= 1000:
                total += current
                current = 0
        else:
            return None
    return total + current if seen else None


@lru_cache(maxsize=4096)  # a pure function of the numeral; a float is immutable
def _numeral_value(text: str) -> float | None:
    """'4,404' -> 4404, '94.5 billion' -> 9.45e10, '10 thousand' -> 1e4, '5969' -> 5969."""
    m = _NUMERAL_ALONE.match(text)
    if not m:
        return _words_value(text)
    digits, rest = m.group(1), m.group(2).strip().lower()
    digits = _DIGIT_GAPS.sub("", digits)
    if _THOUSANDS.fullmatch(digits):
        digits = digits.replace(",", "")
    elif "," in digits:  # decimal comma: "2,5 million"
        digits = digits.replace(",", ".")
    value = float(digits)
    for tok in rest.split():
        if tok not in SCALES:
            return None
        value *= SCALES[tok]
    return value


def _strip_scale(text: str) -> str:
    return _SCALE_AT_END.sub("", text)


def _match_to_number(m: re.Match) -> NumberMatch | None:
    low = _numeral_value(m.group("low"))
    if low is None:
        return None
    qual = QUALIFIERS.get((m.group("qual") or "").lower(), "exact")
    high = None
    if m.group("high"):
        if m.group("joiner").lower() == "and" and (m.group("lead") or "").lower() != "between":
            return None  # "26 killed and 26 injured" is two numbers, not a range
        high = _numeral_value(m.group("high"))
        if high is None:
            return None
        bare_high = _numeral_value(_strip_scale(m.group("high")))
        if bare_high and bare_high != high and _strip_scale(m.group("low")) == m.group("low"):
            low *= high / bare_high  # "2 to 3 billion": the scale applies to both ends
        if high <= low:
            return None  # "2015-2016" and "5-3" are not ranges of counts
        qual = "range" if qual == "exact" else qual
    return NumberMatch(m.start(), m.end(), low, qual, high, m.group(0))


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[NumberMatch]:
    """Every number in text[start:end], with absolute spans, in order of appearance.

    Plural magnitudes ("hundreds", "dozens", "thousands of") are not numbers and are skipped.
    The word "one" on its own is kept (callers decide whether "one of them" counts).
    """
    out = []
    end = len(text) if end is None else end
    pos = start
    while True:
        m = NUMBER_RE.search(text, pos, end)
        if m is None:
            return out
        pos = m.end()
        if not m.group("low").strip() or m.group("low").lower() in ("a", "an"):
            continue
        spaced = _SPACED_LEAD.match(m.group(0))
        if spaced and _MONTH_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
            pos = m.start() + spaced.end(1)  # the day alone; the rest is read anew
            continue
        got = _match_to_number(m)
        if got is None and m.group("high"):
            # not a range ("aged 4 and 11"): take the first number alone, rescan the rest
            single = NUMBER_RE.match(text, m.start(), m.end("low"))
            got = _match_to_number(single) if single else None
            pos = m.end("low")
        if got is not None:
            out.append(got)


def small_cardinals() -> dict[str, int]:
    """Cardinals below a hundred in words, compounds included: {"seven": 7, "twenty-five": 25}.
    For patterns over counts and terms ("sentenced to twenty-two years")."""
    out = dict(UNITS)
    for ten, tv in UNITS.items():
        if tv >= 20 and tv % 10 == 0:
            for unit, uv in UNITS.items():
                if 1 <= uv <= 9:
                    out[f"{ten}-{unit}"] = tv + uv
    return out


def parse_number(fragment: str) -> tuple[float, str] | None:
    """The value and qualifier of the first number in a short fragment, else None."""
    found = find_numbers(fragment)
    if not found:
        return None
    first = found[0]
    return first.value, first.qualifier
