"""Word lists of a language, loaded once from `kzwatch/lang/<code>/lexicon.yaml`.

The lists are data so that a language pack (Russian, Kazakh) is a new folder, not new code.
The model is strict (`extra="forbid"`): a misspelt key fails at load, not silently later.
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict

LANG_DIR = Path(__file__).resolve().parent.parent / "lang"

# letters re.IGNORECASE takes for an ASCII one that str.lower() leaves apart: a word a
# case-insensitive pattern matched ("Aprıl", "Auguſt", "APRİL") is looked up by its ASCII form
_CASELESS = str.maketrans({"\u0131": "i", "\u0130": "i", "\u017f": "s"})


def squash(text: str) -> str:
    r"""Runs of whitespace as one space, none at the ends: what re.sub(r"\s+", " ", text)
    .strip() gives (re's \s and str.split() take the same characters as whitespace), in a
    fifth of its time: every document's text and every record's evidence pass here."""
    return " ".join(text.split())


def caseless(word: str) -> str:
    """`word` lower-cased as a case-insensitive pattern compares it: the key to look up a
    word such a pattern matched ("Aprıl" -> "april"; str.lower() gives "aprıl")."""
    return word.translate(_CASELESS).lower()


class Lexicon(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    lang: str
    months: dict[str, int]
    month_abbreviations: dict[str, int]
    weekdays: dict[str, int]
    number_words: dict[str, int]
    scale_words: dict[str, float]
    scale_abbreviations: dict[str, float]
    ordinals: dict[str, int]
    fractions: dict[str, float]
    bounds: dict[str, str]
    negators: list[str]
    hypothetical_cues: list[str]
    teaser_lines: list[str]
    people_groups: list[str]

    def month(self, name: str) -> int | None:
        """'March' / 'Mar.' / 'sept' -> 3 / 3 / 9; anything else -> None."""
        key = caseless(name.rstrip("."))
        return self.months.get(key) or self.month_abbreviations.get(key)


@cache
def lexicon(lang: str = "en") -> Lexicon:
    path = LANG_DIR / lang / "lexicon.yaml"
    if not path.exists():
        raise LookupError(f"no language pack for {lang!r} (expected {path})")
    return Lexicon.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def languages() -> list[str]:
    """Languages that have a pack."""
    return sorted(p.name for p in LANG_DIR.iterdir() if (p / "lexicon.yaml").exists())


def alternation(words, title: bool = False) -> str:
    """A regex alternation of words, longest first (so "sept" wins over "sep");
    `title=True` spells each word capitalised ("January"), as prose writes month names."""
    words = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w.title() if title else w) for w in words)
