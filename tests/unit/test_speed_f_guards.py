"""The first-character guard is left out where the engine already skips by itself: a pattern
opening with a character without case ("#N#", "(") or a class ("\\d", "\\s") under
IGNORECASE, or with "^" / "\\A". Each such pattern matches exactly as its guarded former
self ("(?=[#])(?:#N#...)") and as the bare pattern."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from kzwatch.text import patterns as pt
from kzwatch.text.patterns import Prefiltered, guarded
from tests.helpers import compiled_patterns

SAMPLES = Path(__file__).resolve().parents[2] / "seeds" / "documents"

UNGUARDED = [
    r"#N#\s*cases\b[^.;]{0,40}?\b(?:received\s+an?\s+(?:refusal|rejection))",
    r"#N#\s*(?:[\w-]+\s+)?(?:people|persons|protesters)\b",
    r"\d[:.]#N#",
    r"\((?P<n>\d{1,3})\)",
    r"\((?P<n>\d{1,3})\s+in\s+(?P<y>(?:19|20)\d\d)\)",
    r"\d\s*(?:billion|million|thousand|bn|mln)?\s*(?:tenge|KZT|₸|US\s+dollars)",
    r"\d\s*(?:%|percent|per\s+cent)\s*,\s*$",
    r"\s(?:make|makes|made)\s+up\s+(?:only\s+|just\s+)?$|\s(?:stood|stands)\s+at\s*$",
    r"^\s*(?:tenge|KZT|₸)",
    r"^\s*of\s+(?:the|all|these|those)\s+",
    r"^\s*(?:%|percent|per\s+cent)\s+of\s+(?:the\s+)?(?:protests|rallies)",
    r"\A\s*(?:sentenced|jailed)\b",
]

STILL_GUARDED = [
    r"(?<=\n)\s*(?:tenge|KZT)",                       # a lookbehind opens it
    r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+respondents\b",  # a repeat: the engine finds no prefix
    r"(?<![\d,.])(?P<n>\d+)\s+assemblies\b",          # a lookbehind opens it
    r"\b(?:sentenced|jailed)\b",                      # cased letters under IGNORECASE
]

TRICKY = [
    "#N# cases received a refusal", "#n# Cases RECEIVED AN rejection", "12:#N#", "3.#N#",
    "(12)", "( 12)", "(123 in 2021)", "(12 in 1999) and (3)", "5 million tenge", "5 MLN KZT",
    "7 bn ₸", "3 US dollars", "12 %,", "12 Per Cent , ", " made up only ", " stood at",
    "tenge", "  KZT and", "₸ 5", " of the people", "OF ALL", "% of the protests",
    "Percent of rallies", "sentenced", "JAILED for", "x sentenced",
    "\u212aZT", " KZT", "\u017fentenced", "\u0131n 2021", "\u0130STANBUL (12)",
    "\u212a #N# per\u017fons", "#N#\u00a0people", "\u0663:#N#", "(\u0661\u0662)",
    "5\u2009million tenge", "\n of the", "a\n^ tenge",
]


def _former(raw: re.Pattern) -> re.Pattern:
    """The pattern as `guarded` made it before: with the first-character lookahead."""
    parsed = pt._parser.parse(raw.pattern, raw.flags)
    skips = pt._engine_skips
    pt._engine_skips = lambda *_: False
    try:
        return pt._first_char_guard(raw, parsed)
    finally:
        pt._engine_skips = skips


def _texts() -> list[str]:
    lines = [line for p in sorted(SAMPLES.glob("*.txt"))
             for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(7)
    words = ["#N#", "(", ")", "12", "1999", "in", "cases", "received", "a", "refusal",
             "tenge", "KZT", "\u212aZT", "₸", "million", "%", "percent", "per", "cent", "of",
             "the", "made", "up", "stood", "at", ",", ":", ".", "people", "\u017fentenced",
             "sentenced", "\u0131n", "\u0130n", "\n", "\u0663", "respondents"]
    seps = [" ", "", "  ", "\n", "\t"]
    return TRICKY + lines[::7] + ["".join(rng.choice(words) + rng.choice(seps)
                                          for _ in range(rng.randint(1, 10)))
                                  for _ in range(3000)]


def _spans(pattern, text: str, pos: int = 0) -> list:
    return [(m.span(), m.groups()) for m in pattern.finditer(text, pos)]


@pytest.mark.parametrize("source", UNGUARDED)
def test_a_pattern_the_engine_skips_to_gets_no_lookahead(source):
    raw = re.compile(source, re.IGNORECASE)
    got = guarded(raw)
    bare = got.regex if isinstance(got, Prefiltered) else got
    assert bare is raw  # no lookahead before it
    assert _former(raw) is not raw  # the former code put one there


@pytest.mark.parametrize(("source", "flags"), [(s, 0) for s in STILL_GUARDED] + [
    (r"^\s*(?:tenge|KZT)", re.MULTILINE)])  # "^" at every line start: tried anywhere
def test_a_pattern_tried_at_every_position_keeps_its_guard(source, flags):
    raw = re.compile(source, re.IGNORECASE | flags)
    got = guarded(raw)
    bare = got.regex if isinstance(got, Prefiltered) else got
    assert bare.pattern.startswith("(?="), bare.pattern


@pytest.mark.parametrize("source", UNGUARDED + STILL_GUARDED)
def test_matches_as_the_former_guarded_pattern(source):
    raw = re.compile(source, re.IGNORECASE)
    new, old = guarded(raw), _former(raw)
    for text in _texts():
        want = _spans(raw, text)
        assert _spans(new, text) == want == _spans(old, text), (source, text)
        got, was = new.search(text, 2), old.search(text, 2)
        assert (got and got.span()) == (was and was.span()), (source, text)
        m, w = new.match(text), raw.match(text)
        assert (m and m.span()) == (w and w.span()), (source, text)


def _module_patterns() -> list[re.Pattern]:
    """The bare regexes of the language layer, the extractors and the rule packs."""
    bare = (p.regex if isinstance(p, Prefiltered) else p for p in compiled_patterns())
    return list({id(rx): rx for rx in bare}.values())


def test_the_patterns_left_unguarded_match_as_before():
    """Every pattern of the extractors and rule packs whose guard is now left out matches on
    sample lines and made-up texts what its former guarded self matched."""
    left = [raw for raw in _module_patterns() if raw.flags & re.IGNORECASE
            and isinstance(raw.pattern, str) and not raw.flags & re.VERBOSE
            and pt._engine_skips(pt._parser.parse(raw.pattern, raw.flags), raw.flags)
            and _former(raw) is not raw]
    assert len(left) >= 10  # "#N#...", "\\d...", "(...)", "^..." patterns
    texts = _texts()[::3]
    for raw in left:
        old = _former(raw)
        for text in texts:
            assert _spans(raw, text) == _spans(old, text), (raw.pattern, text)
