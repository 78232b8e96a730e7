"""Fast paths of the case and survey extractors and of the names and offices layer (speed
work): each must answer exactly as the plain code it stands in for. Rewritten patterns are
checked against their former versions, and cheap pre-checks against the patterns they guard,
on the shipped documents and on random texts made of the characters that matter."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from kzwatch.extract import cases, surveys
from kzwatch.reference import region_variants
from kzwatch.text import names, offices
from kzwatch.text.patterns import Prefiltered
from kzwatch.text.places import find_places
from kzwatch.text.tables import lines_of

ROOT = Path(__file__).resolve().parents[2]
DOCS = [p.read_text(encoding="utf-8") for d in [ROOT / "seeds" / "documents",
                                                *sorted((ROOT / "benchmarks" / "heldout").glob(
                                                    "set*/documents"))]
        for p in sorted(d.iterdir())]
LINES = [line for doc in DOCS for line in doc.splitlines()]
# sentence-sized pieces of the documents (clauses, positions, rows are all within lines)
PIECES = [piece for line in LINES for piece in re.split(r"(?<=[.;])\s+", line) if piece]


def _texts(chars: str, n: int = 20000, longest: int = 16, seed: int = 9):
    rnd = random.Random(seed)
    for _ in range(n):
        yield "".join(rnd.choice(chars) for _ in range(rnd.randint(0, longest)))


def _found(pattern, text: str) -> list:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


# --- names: a capitalised run opens with its capital (the former pattern opened with an
# optional group of initials)

_CAPS_RUN_BEFORE = re.compile(
    rf"(?:{names._INITIALS})?{names.TOKEN}(?:\s{names.TOKEN})*(?P<poss>['’]s\b)?")


def test_caps_runs_as_before_on_the_documents():
    for doc in DOCS:
        assert _found(names.CAPS_RUN, doc) == _found(_CAPS_RUN_BEFORE, doc)


def test_caps_runs_as_before_on_random_texts():
    for text in _texts("AKBa.b -’'s\nÀаЁӘ", longest=14):
        assert _found(names.CAPS_RUN, text) == _found(_CAPS_RUN_BEFORE, text), repr(text)


def test_name_tokens_are_fresh_lists():
    """The split of a run is remembered: each mention still gets a list of its own."""
    text = "Former akim Yerbol Tasbolatov was detained. Yerbol Tasbolatov denied it."
    first = names.name_mentions(text, set())
    first[0].tokens.append("changed")
    again = names.name_mentions(text, set())
    assert [m.tokens for m in again] == [["Yerbol", "Tasbolatov"], ["Yerbol", "Tasbolatov"]]


def _is_headline_before(text: str) -> bool:
    words = names._HEADLINE_WORD.findall(text)
    if len(words) < 4:
        return False
    content = [w for w in words if w.lower() not in names._SMALL and len(w) > 1]
    caps = sum(1 for w in content if w[0].isupper())
    if len(content) < 5:
        return False
    share = caps / len(content)
    return share == 1.0 or (share >= 0.85 and not text.rstrip().endswith("."))


def test_headlines_as_before():
    for line in LINES:
        assert names.is_headline(line) == _is_headline_before(line), line
    for text in _texts("Ab aB of the Kz.-’", longest=40, n=20000):
        assert names.is_headline(text) == _is_headline_before(text), repr(text)


# --- offices: a region's variant is looked for before its pattern runs

def _region_of_before(position: str | None) -> str | None:
    if not position:
        return None
    low = re.sub(r"[\s\-]+", " ", position.lower())
    best = None
    for variant, region in region_variants().items():
        if re.search(rf"\b{re.escape(variant)}\b", low) and (best is None or
                                                             len(variant) > best[0]):
            best = (len(variant), region)
    if best:
        return best[1]
    towns = [p.place.region for p in find_places(position) if p.place.region]
    return towns[0] if towns else None


@pytest.mark.parametrize("position", [
    "deputy akim of Atyrau region", "akim of the Almaty region", "head of Almaty city police",
    "former akim of Nur-Sultan", "Kyzyl-Orda oblast court", "almatyregion", "Semey Region akim",
    None, ""])
def test_region_of_as_before(position):
    assert offices.region_of(position) == _region_of_before(position)


def test_region_of_as_before_on_the_documents():
    for line in LINES[::7]:
        assert offices.region_of(line) == _region_of_before(line), line


# --- cases: a clause without any word an event pattern needs has no event match

_EVENT_PATTERNS = [cases._PASSIVE, cases._REDUCED, cases._APPOSITIVE_EVENT,
                   cases._HEADLINE_EVENT, cases._INCLUDING, cases._BRIBE_GIVEN_BY,
                   cases._VERDICT_ON, cases._DEED, cases._ELLIPSIS,
                   *(p for p, _ in cases._SUBJECT_VERBS + cases._OBJECT_VERBS)]


def _bare(pattern):
    return pattern.regex if isinstance(pattern, Prefiltered) else pattern


def test_event_words_are_read_from_every_event_pattern():
    assert cases._EVENT_WORDS is not None
    assert all(w == w.lower() and len(w) >= 3 for w in cases._EVENT_WORDS)


@pytest.mark.parametrize("clause", [
    "Tasbolatov was sentenced to six years", "X, the bank chairman detained in October, left",
    "he pleaded guilty", "FOUND HIM GUILTY", "the court handed a fine to her",
    "an investigation against the akim", "He was \u017fentenced",  # long s: the pattern runs
    "and later jailed", "the suspect, Kanat Zhakupov", "those detained include"])
def test_event_clauses_pass_the_check(clause):
    assert cases._may_tell_event(clause)


def test_no_event_match_where_the_check_fails():
    checked = 0
    for clause in PIECES:
        if cases._may_tell_event(clause):
            continue
        checked += 1
        for pattern in _EVENT_PATTERNS:
            assert _bare(pattern).search(clause) is None, (pattern.pattern, clause)
    assert checked > 1000


def test_no_event_match_where_the_check_fails_on_random_texts():
    for text in _texts("was sentncdjilgurofpmyhk ,", longest=24, n=5000):
        if not cases._may_tell_event(text):
            assert not any(_bare(p).search(text) for p in _EVENT_PATTERNS), repr(text)


_LINE_HYPHEN_BEFORE = re.compile(r"(?<=[a-z])-[ \t]*\n[ \t]*(?P<rest>[a-z]+[.,;:!?\"”’)]*)")


def test_line_end_hyphens_as_before():
    for text in DOCS + list(_texts("ab-- \t\n.”Z", longest=14)):
        assert _found(cases._LINE_HYPHEN, text) == _found(_LINE_HYPHEN_BEFORE, text), repr(text)


# --- surveys: every row form ends with a figure

def _row_any_form(text: str) -> bool:
    return any(form.match(text) for form in surveys._ROW_FORMS.values())


def test_every_row_passes_the_row_end_check():
    rows = 0
    for text in [line.strip() for line in LINES] + list(_texts("a 12.,%|)(:–-\n", longest=12)):
        if _row_any_form(text):
            rows += 1
            assert surveys._ROW_END.search(text), repr(text)
    assert rows > 100


def _tokens(tokens: list[str], n: int = 20000, longest: int = 8, seed: int = 5):
    rnd = random.Random(seed)
    for _ in range(n):
        yield "".join(rnd.choice(tokens) for _ in range(rnd.randint(0, longest)))


def test_every_trailing_header_passes_the_tail_check():
    headers = 0
    texts = [line.strip() for line in LINES] + [t.strip() for t in _tokens(
        ["N", "n", "%", "number", "Count", "RESPONSES", "percent", "share", "\u017fhare", "?", ".",
         ")", " ", "  ", "\t", "x", "Asked?"])]
    for text in texts:
        if surveys._TRAILING_HEADER.match(text):
            headers += 1
            assert surveys._COLUMNS_AT_END.search(text[-12:]), repr(text)
    assert headers > 100


def _header_at_before(lines, i):
    first_row = i + 1
    while first_row < len(lines) and surveys._HEADER_TAIL.match(lines[first_row].text.strip()):
        first_row += 1
    header = " ".join(ln.text.strip() for ln in lines[i:first_row])
    if surveys._is_header(header) and surveys._COLUMN_WORD.search(lines[i].text):
        return header, first_row
    text = lines[i].text.strip()
    if surveys._GROUP_HEADER.match(text) or surveys._PCT_ONLY_HEADER.match(text):
        return text, i + 1
    return None, i + 1


def test_headers_as_before():
    for doc in DOCS:
        lines = lines_of(doc)
        for i in range(len(lines)):
            assert surveys._header_at(lines, i) == _header_at_before(lines, i)


# --- surveys: the pollster patterns, guarded, find what they found

_POLLSTER_BEFORE = [
    re.compile(surveys._ORG + r"\s+(?:has\s+)?(?:conducted|carried out|published|released|ran|"
               r"held)\s+(?:a|an|the|its)\s+(?:\w+\s+)?(?:survey|poll|study)"),
    re.compile(r"\b(?:survey|poll|study)\s+(?:\w+\s+)?(?:by|of|from)\s+(?:the\s+)?"
               + surveys._ORG),
]


def test_pollsters_as_before():
    for doc in DOCS:
        for now, before in zip(surveys._POLLSTER, _POLLSTER_BEFORE, strict=True):
            assert _found(now, doc) == _found(before, doc)
    assert surveys._pollster("Demoscope conducted a survey of 1,000 people.", 0, 46) == \
        "demoscope"
