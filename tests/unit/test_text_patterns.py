"""kzwatch.text.patterns: the speed-ups of a pattern never change what it matches."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from kzwatch.text.patterns import Prefiltered, guarded, required_literals
from tests.helpers import compiled_patterns

SAMPLES = Path(__file__).resolve().parents[2] / "seeds" / "documents"


@pytest.mark.parametrize(("pattern", "words"), [
    (r"\bsentenced\s+to", ("sentenced",)),
    (r"\b(?:detained|arrested|held)\b", ("arrested", "detained", "held")),
    (r"(?:was|were)\s+(?:sentenced|jailed)", ("sentenced", "jailed")),  # the rarer words win
    (r"[Ss]entenced", ("sentenced",)),  # a class of one letter's cases is that letter
    (r"tenge|KZT", ("tenge", "kzt")),
    (r"(?:imprison|imprisoned)", ("imprison",)),  # a word containing another: one check
])
def test_required_literals_are_words_every_match_needs(pattern, words):
    assert required_literals(re.compile(pattern, re.IGNORECASE)) == words


@pytest.mark.parametrize("pattern", [
    r"\b(?:sentenced)?\s+to\b",     # optional: a match may have no word at all
    r"(?=sentenced)\w+",            # a lookahead consumes nothing of its own
    r"(?!acquitted)\w+ed",          # nor does a negative one
    r"\b(?:a|an|the)\s+court",      # "court" is needed, but...
    r"\d+\s*%",                     # no word of three letters or more
    r"sentenced|\d+",               # one alternative needs no word
])
def test_no_literals_where_a_match_may_lack_them(pattern):
    got = required_literals(re.compile(pattern, re.IGNORECASE))
    for text in ("sentenced to", " to", "detained", "an appeals court", "12 %", "12"):
        for m in re.finditer(pattern, text, re.IGNORECASE):
            assert got is None or any(w in m.group(0).lower() for w in got), (pattern, got)


def test_a_prefiltered_pattern_skips_a_span_without_its_word():
    pat = guarded(re.compile(r"\b(?:was|were)\s+(?:sentenced|jailed)\s+to", re.IGNORECASE))
    assert isinstance(pat, Prefiltered)
    assert pat.search("He was detained in May.") is None
    assert pat.search("He WAS Sentenced to five years.").group(0) == "WAS Sentenced to"
    text = "She was jailed to serve time. He was sentenced to two years."
    assert [m.start() for m in pat.finditer(text, 20)] == [text.index("was sentenced")]
    assert pat.search(text, 0, 10) is None  # the word lies outside the span
    assert pat.sub("X", text) == re.sub(pat.regex, "X", text)
    assert pat.pattern == pat.regex.pattern  # the rest is the pattern's own


@pytest.mark.parametrize("text", [
    "He was \u017fentenced to ten years.",   # long s: matches "s" under IGNORECASE
    "He was sentenced to \u0131mprisonment.",  # dotless i
    "\u0130STANBUL: he was sentenced to prison",  # İ: its lower case is two characters
    "\u212aaraganda court: was sentenced to 3 years",  # the Kelvin sign is a "k"
])
def test_letters_whose_cases_hide_a_word_still_match(text):
    raw = re.compile(r"\bwas\s+sentenced\s+to\s+(?:ten|\w+)|karaganda|imprisonment",
                     re.IGNORECASE)
    assert [m.span() for m in guarded(raw).finditer(text)] == \
        [m.span() for m in raw.finditer(text)]


def _prefiltered_patterns() -> list[Prefiltered]:
    """Every prefiltered pattern of the language layer, the extractors and the rule packs."""
    return [p for p in compiled_patterns() if isinstance(p, Prefiltered)]


def test_every_prefiltered_pattern_matches_what_its_regex_matches():
    patterns = _prefiltered_patterns()
    assert len(patterns) > 100  # the rule packs alone have more
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    lines = [line for text in texts for line in text.splitlines() if line.strip()][::15]
    for pat in patterns:
        for text in texts:
            assert [m.span() for m in pat.finditer(text)] == \
                [m.span() for m in pat.regex.finditer(text)], pat
        for line in lines:
            got, want = pat.search(line, 3), pat.regex.search(line, 3)
            assert (got and got.span()) == (want and want.span()), (pat, line)
