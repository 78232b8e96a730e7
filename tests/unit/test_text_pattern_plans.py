"""kzwatch.text.patterns: the batched literal checks (`literal_plan`, `may_match`) and the
per-span check of a text whose whole lower case cannot be trusted leave out only patterns
that cannot match."""
from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from kzwatch.rules import pack_files, rule_pack
from kzwatch.text.patterns import Prefiltered, guarded, literal_plan, may_match

SAMPLES = Path(__file__).resolve().parents[2] / "seeds" / "documents"

_PATTERNS = [
    (guarded(re.compile(r"\b(?:was|were)\s+(?:sentenced|jailed)\s+to", re.IGNORECASE)), "a"),
    (re.compile(r"\d+\s*years?", re.IGNORECASE), "b"),  # no words: always tried
    (guarded(re.compile(r"\bfined\b", re.IGNORECASE)), "c"),
]
_PLAN = literal_plan(_PATTERNS)


def test_plan_keeps_order_and_drops_only_patterns_whose_words_are_absent():
    text = "He was sentenced to 5 years."
    assert [p for _, p in may_match(_PLAN, text)] == ["a", "b"]
    assert [p for _, p in may_match(_PLAN, "He was FINED.")] == ["b", "c"]
    # a span: the words must lie inside it
    assert [p for _, p in may_match(_PLAN, text, 0, 6)] == ["b"]
    assert [p for _, p in may_match(_PLAN, text, 3)] == ["a", "b"]


def test_plan_regexes_are_the_bare_patterns():
    assert _PLAN[0][0] is _PATTERNS[0][0].regex and _PLAN[0][1] == _PATTERNS[0][0].literals
    assert _PLAN[1] == (_PATTERNS[1][0], None, "b")


@pytest.mark.parametrize("text", [
    "He was \u017fentenced to ten years.",        # long s: matches "s" under IGNORECASE
    "\u0130STANBUL: he was sentenced to prison",  # İ lower-cases to two characters
])
def test_plan_tries_every_pattern_where_lower_case_hides_a_word(text):
    assert [p for _, p in may_match(_PLAN, text)] == ["a", "b", "c"]


def test_a_span_is_judged_alone_when_elsewhere_the_text_defeats_lower_casing():
    pat = _PATTERNS[0][0]
    assert isinstance(pat, Prefiltered)
    text = "Kırgız. " + "He was detained. " * 300 + "She was sentenced to 3 years."
    start = text.index("She")
    for pos, end in [(8, 200), (start, len(text)), (start - 5, start + 12), (0, 8)]:
        got, want = pat.search(text, pos, end), pat.regex.search(text, pos, end)
        assert (got and got.span()) == (want and want.span())
        assert [m.span() for m in pat.finditer(text, pos, end)] == \
            [m.span() for m in pat.regex.finditer(text, pos, end)]
    # a span holding the dotless i is searched whatever it holds
    odd = "He was sentenced to \u0131mprisonment. " + "x" * 3000
    raw = re.compile(r"\u0131mprisonment|imprisonment", re.IGNORECASE)
    assert guarded(raw).search(odd, 1, 60).span() == raw.search(odd, 1, 60).span()


def test_rule_candidates_are_the_rules_that_can_match():
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    lines = [line for text in texts for line in text.splitlines() if line.strip()][::7]
    for path in pack_files("en"):
        pack = rule_pack(path.stem, "en")
        for kind in pack.kinds:
            rules = pack.of_kind(kind)
            for line in lines:
                can = [rule for rule, _ in pack.candidates(kind, line)]
                assert can == [r for r in rules if r in can]  # priority order kept
                assert all(r in can for r in rules if r.regex.search(line)), (kind, line)


@pytest.mark.parametrize(("module", "hint", "pattern", "extra", "at_least"), [
    # kzwatch.text.daterefs skips a span without a digit or a month's name
    ("kzwatch.text.daterefs", "_DATE_HINT", "_DATE_RE",
     ["in May", "early January of 2002", "from 2018 to 2021", "6th of March", "March 6-7, 2022",
      "06.03.2022", "2022-03-06", "mid-2025", "20152020"], 100),
    # kzwatch.text.percentages skips a span without "%", "cent" or "pct"
    ("kzwatch.text.percentages", "_SIGN_HINT", "PERCENT_RE",
     ["58 per cent", "12 PERCENT", "7 pct", "3,5%", "forty-two per  cent", "9 Per\nCent"], 20),
])
def test_every_match_holds_what_its_hint_looks_for(module, hint, pattern, extra, at_least):
    """A pre-check that skips spans without its hint is exact only if every match of the
    pattern holds the hint."""
    found = importlib.import_module(module)
    hint, pattern = getattr(found, hint), getattr(found, pattern)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))] + extra
    seen = 0
    for text in texts:
        for m in pattern.finditer(text):
            assert hint.search(m.group(0)), m.group(0)
            seen += 1
    assert seen > at_least


def test_citation_pattern_split_into_words_matches_as_before():
    """kzwatch.text.segment writes "\\bpp?\\. \\d" as two alternatives (so that it can be
    prefiltered): the same matches as the one it replaced."""
    from kzwatch.text.segment import _CITATION

    before = re.compile(
        r"https?://|www\.|\[In (?:Russian|Kazakh|English)\]|Available (?:at|on)|Retrieved|"
        r"Accessed|\bibid\b|\bop\. cit|\bpp?\. \d", re.IGNORECASE)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    texts += ["See pp. 12-14.", "p. 5", "Op. cit., p. 7", "PP. 3", "app. 4", "Ibid."]
    for text in texts:
        for line in text.splitlines():
            got, want = _CITATION.search(line), before.search(line)
            assert (got and got.span()) == (want and want.span()), line


