"""Money amounts as news agencies, court press services and NGO reports write them.

"4.5 million tenge", "KZT 10bn", "₸500,000", "$1.5 billion", "approximately 10,000 USD",
"$80.6 thousand", "7 thousand US dollars", "1 trillion tenge (or 2.2 billion USD)",
"Tg 500 million", "2 mln. tenge", "two million tenge", "12,000,000 (twelve million) tenge".
`find_amounts(text)` returns every amount with its currency and span; `parse_amount(fragment)`
reads the first one. Only KZT and USD are recognised: those are the contract's columns.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from kzwatch.text.lexicon import caseless, lexicon
from kzwatch.text.patterns import guarded

SCALES = {
    "thousand": 1e3, "thousands": 1e3, "k": 1e3, "ths": 1e3,
    "million": 1e6, "millions": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
    "billion": 1e9, "billions": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9,
    "trillion": 1e12, "trillions": 1e12, "trn": 1e12, "tn": 1e12,
}

_NUMBER = r"\d{1,3}(?:[,\u00a0 ]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?"
_SCALE = r"thousands?|millions?|billions?|trillions?|mln|bln|mn|bn|trn|tn|ths|k|m|b"
_USD_PRE = r"US\$|\$|USD|U\.S\.\s?\$"
_KZT_PRE = r"KZT|₸|tenge|Tg\b\.?"
_USD_POST = r"US\s+dollars?|U\.S\.\s+dollars?|American\s+dollars?|dollars?|USD|\$"
_KZT_POST = r"tenge|tenges|KZT|₸|tg\b"

# "two million tenge", "half a billion tenge": a number word needs a scale word
_LEX = lexicon("en")
_WORD_NUMBERS = {**{w: v for w, v in _LEX.number_words.items() if v},
                 "a hundred": 100, "one hundred": 100,
                 **{f"{w} a": v for w, v in _LEX.fractions.items()}}
_WORD_NUMBER = "|".join(w.replace(" ", r"\s+") for w in sorted(_WORD_NUMBERS, key=len,
                                                                 reverse=True))
# "12,000,000 (twelve million) tenge": court press releases spell the number out in brackets
_SPELLED = r"(?:\s*\((?:[a-z]+[\s-]?){1,8}\))?"
_AMOUNT = guarded(re.compile(
    rf"(?:(?P<pre>{_USD_PRE}|{_KZT_PRE})\s?(?P<n1>{_NUMBER})(?:[\s-]?(?P<s1>{_SCALE})\b)?"
    rf"|(?<![\w.])(?P<n2>{_NUMBER})(?:[\s-]?(?P<s2>{_SCALE})\b\.?)?{_SPELLED}[\s-]?"
    rf"(?P<post>{_USD_POST}|{_KZT_POST})"
    rf"|(?<![\w-])(?P<w3>{_WORD_NUMBER})[\s-]+(?P<s3>thousand|million|billion|trillion)\s+"
    rf"(?:of\s+)?(?P<post3>{_USD_POST}|{_KZT_POST}))",
    re.IGNORECASE,
))


class Amount(NamedTuple):
    value: float
    currency: str  # "KZT" or "USD"
    start: int
    end: int


def _number(text: str) -> float | None:
    """'10,000' -> 10000; '4,5' -> 4.5 (a decimal comma); '1 500 000' -> 1500000."""
    text = text.replace("\u00a0", " ")
    if re.fullmatch(r"\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?", text):
        return float(re.sub(r"[, ]", "", text))
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None


def _currency(token: str) -> str:
    token = token.lower()
    return "KZT" if token.startswith(("kzt", "₸", "teng", "tg")) else "USD"


# What every amount's currency (each alternative of the four above) contains: a text with
# none of these, most clauses, has no amount, and the costlier _AMOUNT is not run on it
_CURRENCY_HINT = re.compile(r"\$|₸|usd|kzt|tenge|tg\b|dollar", re.IGNORECASE)


def find_amounts(text: str) -> list[Amount]:
    """Every KZT/USD amount stated in `text`, in order of appearance."""
    if not _CURRENCY_HINT.search(text):
        return []
    out = []
    for m in _AMOUNT.finditer(text):
        if m.group("w3"):
            word = " ".join(caseless(m.group("w3")).split())
            value = _WORD_NUMBERS[word] * SCALES[caseless(m.group("s3"))]
            out.append(Amount(value, _currency(m.group("post3")), m.start(), m.end()))
            continue
        digits = m.group("n1") or m.group("n2")
        scale_word = (m.group("s1") or m.group("s2") or "").lower()
        value = _number(digits)
        if value is None:
            continue
        if scale_word in {"m", "b", "k"} and not m.group("pre") and m.group("post") is None:
            continue  # "5 m" alone is metres, not money
        value *= SCALES.get(scale_word, 1.0)
        currency = _currency(m.group("pre") or m.group("post"))
        out.append(Amount(value, currency, m.start(), m.end()))
    return out


def parse_amount(fragment: str) -> tuple[float, str] | None:
    """The first amount in `fragment` as (value, currency): '$1.5 billion' -> (1.5e9, 'USD')."""
    found = find_amounts(fragment)
    return (found[0].value, found[0].currency) if found else None


_KIND_WORDS = [
    ("bribe", r"brib|kickback|kick-back"),
    ("embezzled", r"embezzl|misappropriat|stole|stolen|theft|siphon"),
    ("restitution", (r"restitution|compensat|reimburs|repaid|paid back|"
                    r"voluntarily (?:paid|returned)")),
    ("assets_recovered", r"recover|returned to the (?:state|budget)|confiscat|seized|reclaimed"),
    ("damage", r"damage|loss(?:es)?\b|harm"),
]


def amount_kind(context: str, position: int = 0) -> str | None:
    """What the money is (bribe, embezzled, restitution, ...): the kind word nearest `position`."""
    low = context.lower()
    hits = [(abs(m.start() - position), kind) for kind, pattern in _KIND_WORDS
            for m in re.finditer(pattern, low)]
    return min(hits)[1] if hits else None
