"""Rosters of people in news prose: which names one list holds, and the series of their terms.

    list_gap(", former lawmaker ")                       -> True  (between two names of a list)
    list_gap(" said on Monday that ")                    -> False
    series_values("nine, seven, and four")               -> [9.0, 7.0, 4.0]

A list of people separates its items with commas, semicolons and "and"; an item may carry an
office before the name ("blogger X") or after it in apposition ("X, head of the roads
department"), and a prosecutor's list may close an item with its term ("X - 13 years"). What
stands between two names of one list is therefore only separators, offices and such terms: no
verb, no sentence end, no relation ("a close ally of Y") and no preposition governing the next
name ("a reporter for the weekly Y"). Coordination of phrases in general (split_list,
"respectively" over figures) and pairing a list with a series in order (pair_in_order) are
kzwatch.text.coordination.
"""
from __future__ import annotations

import re

from kzwatch.text.numbers import small_cardinals
from kzwatch.text.offices import RANK, looks_like_title

_PUNCT = re.compile(r"\s*[;,]\s*")
_AND = re.compile(r"\s*\b(?:and|as\s+well\s+as)\b\s*", re.IGNORECASE)
_HAS_SEPARATOR = re.compile(r"[;,]|\band\b|\bas\s+well\s+as\b", re.IGNORECASE)
_NOT_IN_LIST = re.compile(r"[.:!?()\"“”]|\b(?:was|were|is|are|has|have|had|be|been|said|says|"
                          r"told|who|whom|which|that|while|whereas|but|after|before|when|"
                          r"against|to\s+(?!the\b)[a-z]+)\b", re.IGNORECASE)
_RELATION = re.compile(r"\b(?:ally|allies|associate|nephew|niece|son|daughter|wife|husband|brother|"
                       r"sister|relative|friend|partner|colleague|supporter|"
                       r"critic|opponent|victim|widow|father|mother|cousin|uncle|aunt)s?\b",
                       re.IGNORECASE)
# a preposition with its object right before the next name governs it ("outlet of X")
_GOVERNS = re.compile(r"\b(?:of|with|at|for|from|in|on|by|to)\s+\S", re.IGNORECASE)
# "a local resident", "another activist": an appositive noun phrase describing an item
_DESCRIBED = re.compile(r"(?:an?|another|one|the)\s+[a-z][a-z'-]*(?:\s+[a-z][a-z'-]*){0,4}",
                        re.IGNORECASE)
_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof)\.\s*")
_ARTICLE = re.compile(r"^(?:(?:the|a|an|his|her|their|its|also|both|fellow|for)(?:\s+|$))+",
                      re.IGNORECASE)
# "- 13 years", "– 12 years each": a term closing an item of a prosecutor's or court's list
_TERM = re.compile(r"\s*[-–—]\s*(?:[\w.,/]+\s+){1,3}?(?:years?|months?)(?:\s+each)?\s*$",
                   re.IGNORECASE)
_PLAIN_TERM = re.compile(r"^\s*[-–—]?\s*(?:[\w.,/]+\s+){1,3}?(?:years?|months?)(?:\s+each)?\s*$",
                         re.IGNORECASE)

_CARDINALS = small_cardinals()
NUMBER = (r"(?:\d+(?:[.,]\d+)?(?:\s*1/2|½)?|"
          + "|".join(sorted(_CARDINALS, key=len, reverse=True)) + ")")
# "nine, seven, and four", "16 and 15", "11, 10 and 3": a series sharing what follows it
SERIES = rf"{NUMBER}(?:\s*,\s*{NUMBER})*\s*,?\s+and\s+{NUMBER}"
_ONE = re.compile(NUMBER, re.IGNORECASE)


def list_gap(gap: str, max_len: int = 160) -> bool:
    """True when `gap`, the text between two names, joins them as items of one list."""
    if len(gap) > max_len or not _HAS_SEPARATOR.search(gap):
        return False
    gap = _HONORIFIC.sub(" ", gap)
    if _NOT_IN_LIST.search(gap):
        return False
    pieces = _PUNCT.split(gap)
    if _GOVERNS.search(pieces[-1]):
        return False  # "X, a journalist with the outlet Y": Y is what the office is of
    # an office may itself hold "and" ("head of the transport and roads department"): a
    # piece between commas is read whole first, and split at "and" only if it is no office
    return all(_item(piece) or all(_item(sub) for sub in _AND.split(piece))
               for piece in pieces)


def _item(piece: str) -> bool:
    piece = piece.strip()
    if not piece or _PLAIN_TERM.match(piece) or _DESCRIBED.fullmatch(piece):
        return True
    piece = _ARTICLE.sub("", _TERM.sub("", piece)).strip()
    if _RELATION.search(piece):
        return False  # "X, a close ally of President Y": Y is no item of a list with X
    return not piece or bool(RANK.fullmatch(piece)) or looks_like_title(piece)


def series_values(text: str) -> list[float]:
    """The numbers of a series in order: "nine, seven, and four" -> [9, 7, 4]; "7 1/2" -> 7.5."""
    out = []
    for m in _ONE.finditer(text):
        tok = m.group(0).lower()
        half = tok.endswith(("1/2", "½"))
        tok = re.sub(r"\s*(?:1/2|½)$", "", tok)
        value = float(_CARDINALS[tok]) if tok in _CARDINALS else float(tok.replace(",", "."))
        out.append(value + (0.5 if half else 0))
    return out
