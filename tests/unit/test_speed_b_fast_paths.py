"""Fast paths of the date, case and protest layers (speed work, round b): each must answer
exactly as the plain code it stands in for. Rewritten patterns and pre-checks are compared
with their former versions (kept here as the reference) on the shipped documents and on
random texts made of the characters that matter."""
from __future__ import annotations

import html
import random
import re
from pathlib import Path

from kzwatch import cleaning
from kzwatch.document import Document
from kzwatch.extract import cases
from kzwatch.text import daterefs, names, patterns
from kzwatch.text.patterns import lowered, required_literals, required_word_sets, word_trie

ROOT = Path(__file__).resolve().parents[2]
DOCS = [p.read_text(encoding="utf-8") for d in [ROOT / "seeds" / "documents",
                                                *sorted((ROOT / "benchmarks" / "heldout").glob(
                                                    "set*/documents"))]
        for p in sorted(d.iterdir())]
LINES = [line for doc in DOCS for line in doc.splitlines()]


def _texts(pieces: list[str], n: int = 20000, longest: int = 12, seed: int = 11):
    rnd = random.Random(seed)
    for _ in range(n):
        yield "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, longest)))


def _found(pattern, text: str, pos: int = 0, endpos: int | None = None) -> list:
    endpos = len(text) if endpos is None else endpos
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text, pos, endpos)]


# --- daterefs: a second lookahead on how a date opens (a digit, a month's first two letters,
# "from "/"between ") before the alternatives are tried

_DATE_RE_BEFORE = re.compile(daterefs._DATE_RE.pattern.replace(
    f"(?={daterefs._DATE_OPENING})", "", 1))


def test_date_opening_is_only_a_lookahead():
    assert _DATE_RE_BEFORE.pattern != daterefs._DATE_RE.pattern
    assert _DATE_RE_BEFORE.flags == daterefs._DATE_RE.flags
    names = [*daterefs.MONTHS, *daterefs._ABBREVIATIONS]
    assert all(len(m) >= 3 and m.isalpha() for m in names)


def test_date_matches_as_before_on_the_documents():
    for doc in DOCS:
        assert _found(daterefs._DATE_RE, doc) == _found(_DATE_RE_BEFORE, doc)
    for line in LINES[::3]:
        for pos in (0, 1, 3):
            assert _found(daterefs._DATE_RE, line, pos) == _found(_DATE_RE_BEFORE, line, pos)


def test_date_matches_as_before_on_random_texts():
    pieces = [*daterefs.MONTHS, *daterefs._ABBREVIATIONS, "from", "From", "FROM", "between",
              "Between", "f", "b", "fr", "be", " ", "  ", "\n", ".", ",", "-", "–", "/", "of",
              "and", "to", "mid-", "early", "1", "3", "12", "31", "2022", "1999", "20152020",
              "st", "th", "s", "%", "x", "people", "Ju", "Ma", "Se", "A", "O", "D", "N", "٣"]
    rnd = random.Random(2)
    for text in _texts(pieces):
        assert _found(daterefs._DATE_RE, text) == _found(_DATE_RE_BEFORE, text), repr(text)
        pos = rnd.randint(0, len(text))  # a span: what lies before it is still looked back at
        end = rnd.randint(pos, len(text))
        assert _found(daterefs._DATE_RE, text, pos, end) == \
            _found(_DATE_RE_BEFORE, text, pos, end), (text, pos, end)


# --- a word list as one trie pattern (kzwatch.text.patterns.word_trie): found where, and
# only where, one of the words occurs


def _any_word_before(words, low: str) -> bool:
    for word in words:
        if word in low:
            return True
    return False


def test_word_trie_finds_exactly_the_words():
    rnd = random.Random(5)
    for _ in range(300):
        words = tuple({"".join(rnd.choice("abc .-") for _ in range(rnd.randint(1, 5)))
                       for _ in range(rnd.randint(0, 8))})
        trie = word_trie(words)
        for text in _texts(list("abc .-\n") + ["ab", "ca"], n=60, seed=rnd.random()):
            assert (trie.search(text) is not None) == _any_word_before(words, text), \
                (words, text)


def _may_tell_event_before(clause: str) -> bool:
    low = lowered(clause)
    if low is None or cases._EVENT_WORDS is None:
        return True
    return _any_word_before(cases._EVENT_WORDS, low)


def test_event_words_pre_check_as_before():
    words = list(cases._EVENT_WORDS)
    pieces = words + [w[:-1] for w in words] + [w[1:] for w in words] + [
        " ", "  ", "\n", "x", "ed", "ı", "ſ", "İ", "K", "SENT", "Court"]
    for text in _texts(pieces, n=20000, longest=6):
        assert cases._may_tell_event(text) == _may_tell_event_before(text), repr(text)
    for line in LINES:
        assert cases._may_tell_event(line) == _may_tell_event_before(line)


# --- cleaning: a line's offsets broken only at runs of two or more spaces; repeated blocks
# found from the lines equal to the one a period before

def _append_line_before(line, chars: list[str], offsets: list[int]) -> None:
    """kzwatch.cleaning._append_line as it was (its per-run loop over every run)."""
    raw = line.raw.rstrip("\r")
    stripped = raw.strip(" \t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
                         "\u2009\u200a\u200b\u202f\u3000")
    lead = raw.find(stripped) if stripped else 0
    pos = line.start + lead
    last_space = False
    entities = {m.start(): m.group(0) for m in cleaning._ENTITY.finditer(stripped)}
    if not entities and cleaning._INVISIBLE.isdisjoint(stripped):
        squashed = cleaning._squash(stripped)
        if len(squashed) == len(stripped):
            if squashed:
                chars.append(squashed)
            offsets.extend(range(pos, pos + len(stripped)))
            return
        k = 0
        for m in cleaning._WS.finditer(stripped):
            chars.extend(stripped[k:m.start()])
            offsets.extend(range(pos + k, pos + m.start()))
            chars.append(" ")
            offsets.append(pos + m.start())
            k = m.end()
        chars.extend(stripped[k:])
        offsets.extend(range(pos + k, pos + len(stripped)))
        return
    skip = 0
    for k, ch in enumerate(stripped):
        if skip:
            skip -= 1
            pos += 1
            continue
        if k in entities:
            decoded = html.unescape(entities[k])
            if decoded != entities[k] and len(decoded) == 1:
                ch, skip = decoded, len(entities[k]) - 1
        if ch in cleaning._INVISIBLE:
            pos += 1
            continue
        if cleaning._WS.match(ch):
            if not last_space:
                chars.append(" ")
                offsets.append(pos)
            last_space = True
        else:
            chars.append(ch)
            offsets.append(pos)
            last_space = False
        pos += 1


def _appended(append, raw: str, start: int) -> tuple[str, list[int], bool]:
    chars: list[str] = []
    offsets: list[int] = []
    append(cleaning._Line(start, raw), chars, offsets)
    return "".join(chars), offsets, bool(chars)


def test_line_offsets_as_before():
    pieces = ["a", "b", "Ж", "é", " ", "  ", "\t", "\u00a0", "\u2003", "\u3000", "\u200b",
              "\u00ad", "&amp;", "&nbsp;", "&#8220;", "&bogus;", "\r", ".", "1"]
    for n, raw in enumerate(_texts(pieces, n=20000, longest=14)):
        assert _appended(cleaning._append_line, raw, n % 7) == \
            _appended(_append_line_before, raw, n % 7), repr(raw)
    for n, raw in enumerate(LINES):
        assert _appended(cleaning._append_line, raw, n) == _appended(_append_line_before, raw, n)


def _repeated_blocks_before(norms: list[str], max_period: int = 12) -> set[int]:
    drop: set[int] = set()
    n = len(norms)
    for period in range(1, max_period + 1):
        i = period
        while i < n:
            j = i
            while j < n and norms[j] and norms[j] == norms[j - period]:
                j += 1
            if j - i >= period and (period > 1 or j - i >= 2):
                drop.update(range(i, j))
            i = max(j, i + 1)
    return drop


def test_repeated_blocks_as_before():
    rnd = random.Random(3)
    for _ in range(5000):
        norms = [rnd.choice(["", "a", "b", "c", "USD 470.1"]) for _ in range(rnd.randint(0, 40))]
        for period in (1, 3, 12):
            assert cleaning._repeated_blocks(norms, period) == \
                _repeated_blocks_before(norms, period), norms
    for doc in DOCS:
        norms = [line.norm for line in cleaning._lines(doc)]
        assert cleaning._repeated_blocks(norms) == _repeated_blocks_before(norms)


# --- every word set of required_word_sets is needed by every match: skipping a pattern where
# one set is absent (cases._events) skips only patterns that would find nothing

def _sets_hold(pattern, sets, text: str) -> None:
    low = lowered(text)
    if low is None or pattern.search(text) is None:
        return
    for words in sets:
        assert any(w in low for w in words), (pattern.pattern, words, text)


def test_required_word_sets_of_the_case_event_patterns():
    plans = cases._SUBJECT_PLAN + cases._OBJECT_PLAN
    assert any(more for _, _, (_, more) in plans)  # the check does something
    pieces = sorted({w for _, words, (_, more) in plans for ws in (words, *more) for w in ws})
    pieces += ["was", "were", "is", "he", "the", "a", " ", "  ", "\n", ",", ".", "2", "five",
               "years", "RECEIVED", "Got", "ſ", "K", "-", "to", "of", "for", "in"]
    rnd = random.Random(7)
    texts = ["".join(rnd.choice(pieces) + rnd.choice([" ", " ", ""]) for _ in range(
        rnd.randint(1, 9))) for _ in range(6000)]
    for rx, _, (_, more) in plans:
        assert more == tuple(w for w in required_word_sets(rx)
                             if set(w) != set(required_literals(rx) or ()))
        for text in texts + LINES[::5]:
            _sets_hold(rx, more, text)


def test_required_word_sets_on_shapes_of_patterns():
    cases_ = {
        r"\b(?:received|got)\s+(?:\d+|[a-z]+)\s+(?:years?|months?)\b":
            {("received", "got"), ("month", "year")},
        r"(?:abq)+cde(?:x|yzw)?": {("abq",), ("cde",)},
        r"(?:ab)+cde": {("cde",)},  # "ab": too short to look for
        r"(?:foo|bar)(?=baz)qux": {("foo", "bar"), ("qux",)},
        r"(?:abc)*xyz": {("xyz",)},
        r"a|b": set(),
    }
    for source, want in cases_.items():
        got = required_word_sets(re.compile(source, re.IGNORECASE))
        assert {frozenset(w) for w in got} == {frozenset(w) for w in want}, source


# --- texts of 600 characters and more are kept lower-cased by identity (patterns._LONG): the
# answer is the text's own lower case (or None) whatever was asked in between

def _lowered_before(text: str) -> str | None:
    low = text.lower()
    if not text.isascii() and (len(low) != len(text) or "\u0131" in text or "\u017f" in text):
        return None
    return low


def test_kept_lower_cases_are_each_texts_own():
    rnd = random.Random(13)
    pieces = ["Court ", "SENTENCED ", "he ", "\u0130", "\u0131", "\u017f", "Ж", "x", "\n"]
    texts = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(50, 400)))
             for _ in range(60)]
    texts += [doc[:n] for doc in DOCS[:10] for n in (599, 600, 601, 1999, 2001)]
    for _ in range(3000):
        text = rnd.choice(texts)
        if rnd.random() < 0.3:
            text = text[: rnd.randint(0, len(text))]  # a new string: never a stale answer
        assert patterns._lowered(text) == _lowered_before(text)


def test_line_offsets_as_before_given_the_norm():
    """clean passes each line's norm, which stands in for squashing the stripped line."""
    pieces = ["a", "Ж", " ", "  ", "\t", "\u00a0", "\u2003", "\u3000", "\u200b", "\u00ad",
              "\u2028", "\x0c", "\x85", "\u1680", "\r", "&amp;", "."]
    lines = list(_texts(pieces, n=30000, longest=10)) + LINES
    for n, raw in enumerate(lines):
        line = cleaning._Line(n % 5, raw)
        chars: list[str] = []
        offsets: list[int] = []
        cleaning._append_line(line, chars, offsets, line.norm)
        assert ("".join(chars), offsets, bool(chars)) == \
            _appended(_append_line_before, raw, n % 5), repr(raw)


# --- a new surname is looked up among the "surname|given" keys only (cases._Extractor._piped)

def _person_for_before(self, nm):
    surname = nm.tokens[-1]
    key = names.fold_surname(surname)
    given = nm.tokens[0] if len(nm.tokens) > 1 else None
    if key in self.persons:
        p = self.persons[key]
        if given and p.given and not names.same_given(given, p.given):
            alt = f"{key}|{given.lower()}"
            if alt not in self.persons:
                self.persons[alt] = cases.Person(alt, nm.text, given)
                self.order.append(alt)
            return alt
        if given and (not p.given or (len(p.given) <= 2 and len(given) > 2)):
            p.given, p.name = given, nm.text
        return key
    for other in list(self.persons.values()):
        if other.key.startswith(key + "|") and (not given or names.same_given(given, other.given)):
            return other.key
    self.persons[key] = cases.Person(key, nm.text, given)
    self.order.append(key)
    return key


def test_person_keys_as_before():
    rnd = random.Random(21)
    givens = ["Asel", "Aidar", "A.", "Ye.B.", "Kanat", "K.", "Galym", None]
    surnames = ["Bekov", "Bekova", "Ismailov", "Kim", "Nurov", "Nurova", "Sultanbekov"]
    for _ in range(300):
        new = cases._Extractor(Document.plain("Text."))
        old = cases._Extractor(Document.plain("Text."))
        for _ in range(rnd.randint(1, 30)):
            given, surname = rnd.choice(givens), rnd.choice(surnames)
            tokens = [given, surname] if given else [surname]
            nm = names.NameMention(0, 1, " ".join(tokens), tokens, False)
            assert new._person_for(nm) == _person_for_before(old, nm)
        assert list(new.persons) == list(old.persons) and new.order == old.order
        assert [(p.key, p.given, p.name) for p in new.persons.values()] == \
            [(p.key, p.given, p.name) for p in old.persons.values()]


# --- a passage without any word of the cue rules is not asked rule by rule

def test_cue_matches_as_before():
    from kzwatch.extract import protests

    words = sorted({w for r in protests._CUE_RULES for w in r.regex.literals})
    pieces = words + [w[:-1] for w in words] + [w[1:] for w in words] + [
        " ", "  ", "the ", "people ", "Crowds ", "ı", "K", ",", "."]
    rnd = random.Random(23)
    texts = ["".join(rnd.choice(pieces) + rnd.choice(["", " "]) for _ in range(
        rnd.randint(0, 8))) for _ in range(8000)] + LINES[::3]
    for text in texts:
        got = protests._cue_matches.__wrapped__(text)
        want = tuple(protests._RULES.matches("cue", text))
        assert [(r.id, m.span()) for r, m in got] == [(r.id, m.span()) for r, m in want], text
