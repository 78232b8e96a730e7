"""Negation and hypothetical mood around a trigger word: the one copy every family uses.

    negated("police did not detain anyone", 17)            -> True  ("not" right before)
    hypothetical("he could face up to ten years", 9)       -> True  ("could" in the clause)

The cue words are data (`negators`, `hypothetical_cues` in the language's lexicon). Rules name
these predicates in their `unless:` list; `PREDICATES` maps the names to the functions.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from kzwatch.text.lexicon import alternation, lexicon

_CLAUSE_START = re.compile(r"[.;:!?\n]|,\s+(?:but|while|whereas|although)\b")


@cache
def _negation(lang: str) -> re.Pattern:
    # a negator, then at most two words (an auxiliary, an adverb) before the trigger
    words = alternation(lexicon(lang).negators)
    return re.compile(rf"(?:\b(?:{words})|n't)\s+(?:[\w-]+\s+){{0,2}}$", re.IGNORECASE)


@cache
def _hypothetical(lang: str) -> re.Pattern:
    return re.compile(rf"\b(?:{alternation(lexicon(lang).hypothetical_cues)})\b", re.IGNORECASE)


def clause_start(text: str, pos: int, reach: int = 200) -> int:
    """Start of the clause that holds position `pos` (after the last stop, semicolon or
    contrastive comma), looking back at most `reach` characters."""
    lo = max(0, pos - reach)
    last = None
    for m in _CLAUSE_START.finditer(text, lo, pos):
        last = m
    return last.end() if last else lo


def negated(text: str, pos: int, lang: str = "en") -> bool:
    """A negator stands right before the word at `pos` ("did not detain", "was never charged")."""
    return bool(_negation(lang).search(text[max(0, pos - 40):pos]))


def hypothetical(text: str, pos: int, lang: str = "en") -> bool:
    """The clause before `pos` speaks of what may or should happen ("could face", "asked the
    court to sentence"), not of what happened."""
    return bool(_hypothetical(lang).search(text, clause_start(text, pos), pos))


PREDICATES: dict[str, Callable[[str, int], bool]] = {
    "negated": negated,
    "hypothetical": hypothetical,
}
