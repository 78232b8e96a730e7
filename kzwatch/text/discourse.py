"""Discourse: how a sentence leans on what was told before it or on who told it.

- `BACK_REFERENCE` -> words pointing back at the event just told ("the protest", "of them",
  "that day");
- `is_source(text, mention)` -> a place naming the body that told the news ("according to
  the Atyrau regional police department"), not where anything happened.
"""
from __future__ import annotations

from kzwatch.text.patterns import rx
from kzwatch.text.places import PlaceMention

# "Police dispersed the protest", "detained 12 of them": a sentence about the event just told
BACK_REFERENCE = rx(r"\b(?:the|this|that) (?:[\w-]+ )?(?:protests?|rall(?:y|ies)|demonstrations?|"
                     r"pickets?|strikes?|gathering|crowds?|march|protesters|demonstrators|"
                     r"participants|strikers)\b|\b(?:of|among) them\b|"
                     r"\bthat (?:day|night|evening|morning|afternoon)\b")


# "According to the Atyrau regional police department, ...": the body that told the news,
# not where it happened
_ACCORDING_BEFORE = rx(r"\baccording to (?:the )?$")
_BODY_AFTER = rx(r"^\s*(?:regional |city |district |oblast )?(?:[\w-]+ ){0,2}?(?:department|"
                 r"ministry|office|service|administration|directorate|committee)\b")


def is_source(text: str, mention: PlaceMention) -> bool:
    return bool(_ACCORDING_BEFORE.search(text[max(0, mention.start - 20):mention.start])
                and _BODY_AFTER.match(text[mention.end:mention.end + 60]))
