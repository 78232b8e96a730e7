"""Small helpers for writing patterns over PDF-extracted and crawled text."""
from __future__ import annotations

import re
import sys
from re import _compiler, _parser
from re import _constants as _sre


def rx(pattern: str) -> re.Pattern:
    """Case-insensitive pattern whose spaces match any whitespace (PDF lines wrap anywhere),
    with a first-character guard (`guarded`) when one helps."""
    return guarded(re.compile(pattern.replace(" ", r"\s+"), re.IGNORECASE))


# --- a first-character guard for patterns the engine would try at every position
#
# Python's regex engine skips ahead fast only when a pattern opens with a literal or a plain
# character class. A pattern that opens with "\b(?:word|word|...)" (under IGNORECASE), a
# lookbehind or a group of alternatives is tried, alternative by alternative, at every
# position of the text. `guarded` prefixes a lookahead on the characters a match can start
# with, read from the parsed pattern: at any other position the attempt fails at one test.
# The lookahead is implied by the pattern (every match starts with one of those characters),
# so the guarded pattern matches exactly what the pattern matches, with the same groups.

_CATEGORIES = {_sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_SPACE: r"\s"}
_REPEATS = tuple(op for op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT,
                               getattr(_sre, "POSSESSIVE_REPEAT", None)) if op is not None)
_ATOMIC = getattr(_sre, "ATOMIC_GROUP", None)


def _first_of(items, ci: bool):
    """(first characters as (class item, case-insensitive) pairs, may match empty) of a
    sequence of parsed items; None when the analysis cannot tell."""
    found: list = []
    for op, av in items:
        got = _first_of_item(op, av, ci)
        if got is None:
            return None
        found += got[0]
        if not got[1]:
            return found, False
    return found, True


def _first_of_item(op, av, ci: bool):
    if op is _sre.LITERAL:
        return [((op, av), ci)], False
    if op is _sre.IN:
        if any(o is _sre.NEGATE for o, _ in av):
            return None
        return [(item, ci) for item in av], False
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):  # zero-width: what follows decides
        return [], True
    if op is _sre.BRANCH:
        found, empty = [], False
        for alt in av[1]:
            got = _first_of(alt.data, ci)
            if got is None:
                return None
            found += got[0]
            empty = empty or got[1]
        return found, empty
    if op is _sre.SUBPATTERN:
        _, add, remove, sub = av
        ci = bool((ci or add & re.IGNORECASE) and not remove & re.IGNORECASE)
        return _first_of(sub.data, ci)
    if op in _REPEATS:
        got = _first_of(av[2].data, ci)
        return None if got is None else (got[0], got[1] or av[0] == 0)
    if _ATOMIC is not None and op is _ATOMIC:
        return _first_of(av.data, ci)
    return None  # any character, a back-reference, a negated literal...


def _class_item(item) -> str | None:
    op, av = item
    esc = lambda code: "\\" + chr(code) if chr(code) in "]\\^-" else re.escape(chr(code))  # noqa: E731
    if op is _sre.LITERAL:
        return esc(av)
    if op is _sre.RANGE:
        return f"{esc(av[0])}-{esc(av[1])}"
    if op is _sre.CATEGORY:
        return _CATEGORIES.get(av)  # \w, \S, \W, \D: nearly every character, no guard
    return None


def guarded(pattern: re.Pattern) -> re.Pattern:
    """`pattern`, made faster without changing what it matches: a lookahead on the characters
    its matches start with when the engine does not already skip to them (see above), and a
    literal prefilter (`Prefiltered`, below) when every match must contain one of a few words."""
    if pattern.flags & (re.VERBOSE | re.DEBUG) or not isinstance(pattern.pattern, str):
        return pattern
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except re.error:
        return pattern
    fast = _first_char_guard(pattern, parsed)
    literals = _required_literals(parsed)
    if literals is None or (fast is pattern and not pattern.flags & re.IGNORECASE
                            and parsed.data and parsed.data[0][0] is _sre.LITERAL):
        return fast  # no word every match needs, or the engine already skips to its prefix
    return Prefiltered(fast, literals)


def _engine_skips(parsed, flags: int) -> bool:
    """Whether the engine needs no guard: the compiled pattern opens with a prefix it skips
    to by itself, a literal ("#N#", "(": characters without case, so also under IGNORECASE)
    or a class ("\\d", "\\s") as `re._compiler._compile_info` finds them, or with "^" (not
    MULTILINE) or "\\A", where a search gives up after the first position. A lookahead put
    before either would hide it: the engine would try the pattern at every position."""
    lead = parsed.data[0] if parsed.data else None
    if lead is not None and lead[0] is _sre.AT and (
            lead[1] is _sre.AT_BEGINNING_STRING
            or (lead[1] is _sre.AT_BEGINNING and not flags & re.MULTILINE)):
        return True
    try:
        if parsed.getwidth()[0] == 0:  # no info block: no prefix
            return False
        if _compiler._get_literal_prefix(parsed, flags)[0]:
            return True
        return bool(_compiler._get_charset_prefix(parsed, flags))
    except Exception:  # noqa: BLE001 (a private API: when it changes, guard as before)
        return False


def _first_char_guard(pattern: re.Pattern, parsed) -> re.Pattern:
    ci = bool(pattern.flags & re.IGNORECASE)
    lead = parsed.data[0] if parsed.data else None
    while lead is not None and lead[0] is _sre.SUBPATTERN and lead[1][3].data:
        ci = bool((ci or lead[1][1] & re.IGNORECASE) and not lead[1][2] & re.IGNORECASE)
        lead = lead[1][3].data[0]
    if lead is not None and lead[0] in (_sre.LITERAL, _sre.IN) and not ci:
        return pattern  # the engine skips to a literal or a class by itself
    if _engine_skips(parsed, pattern.flags):
        return pattern
    got = _first_of(parsed.data, bool(pattern.flags & re.IGNORECASE))
    if got is None or got[1] or not got[0]:
        return pattern
    items = [_class_item(item) for item, _ in got[0]]
    if None in items:
        return pattern
    chars = "".join(dict.fromkeys(items))
    # a class under the pattern's flags, or case-insensitive when any first character is
    # (a case-insensitive class accepts more: still implied by the pattern); case-sensitive
    # when none is ("(?-i:[A-Z])" opening a case-insensitive pattern: a capital, not any letter)
    ci = [c for _, c in got[0]]
    if any(ci) and not pattern.flags & re.IGNORECASE:
        chars = f"(?i:[{chars}])"
    elif not any(ci) and pattern.flags & re.IGNORECASE:
        chars = f"(?-i:[{chars}])"
    else:
        chars = f"[{chars}]"
    try:
        return re.compile(f"(?={chars})(?:{pattern.pattern})", pattern.flags)
    except re.error:  # e.g. global inline flags, which must open the pattern
        return pattern


# --- a literal prefilter: skip the regex where a word it needs is absent
#
# Most rule patterns need a word: "sentenced", "(?:detained|arrested)", "tenge". Searching a
# clause for a few such words (str.find, in C) is much cheaper than running the pattern,
# which tries its alternatives at every position; in most clauses none is there, and the
# pattern is not run at all (the idea of RE2's FilteredRE2 and Hyperscan's literal
# factoring, for Python's engine). `required_literals` reads the words from the parsed
# pattern: a set of lower-case ASCII strings, at least one of which occurs in every match.
# The check is made on the lower-cased text, so it holds whatever the case (under
# IGNORECASE "K", the Kelvin sign, matches "k": its lower case is "k"). Exact, not a
# heuristic: where lower-casing could hide a match (a text with "ı" or "ſ", which match
# "i" and "s" under IGNORECASE, or whose lower case changes its length) the pattern runs.

MIN_LITERAL = 3   # shorter words occur in nearly every clause: no use as a filter
MAX_LITERALS = 64  # more alternatives cost more to look for than the pattern saves


def _literal_char(op, av) -> str | None:
    """The lower-case ASCII character a parsed item stands for, if it is one: a literal, or a
    class of one letter's cases ("[Ss]")."""
    if op is _sre.LITERAL:
        ch = chr(av)
        return ch.lower() if ch.isascii() else None
    if op is _sre.IN and av and all(o is _sre.LITERAL for o, _ in av):
        chars = {chr(a).lower() for _, a in av}
        if len(chars) == 1 and all(chr(a).isascii() for _, a in av):
            return chars.pop()
    return None


def _best(candidates: list[frozenset]) -> frozenset | None:
    """The most selective of several requirements (each alone is necessary): the one whose
    shortest word is longest, then the one with fewest words."""
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(map(len, c)), -len(c)))


def _requirements(items, of_item):
    """What a parsed sequence requires at its own level, in order: each run of literal
    characters (one word), and what `of_item(op, av)` yields for each other item."""
    run: list[str] = []
    for op, av in items:
        ch = _literal_char(op, av)
        if ch is not None:
            run.append(ch)
            continue
        if run:
            yield frozenset(["".join(run)])
            run = []
        yield from of_item(op, av)
    if run:
        yield frozenset(["".join(run)])


def _required_in_sequence(items) -> frozenset | None:
    return _best(list(_requirements(items, _best_of_item)))


def _best_of_item(op, av):
    got = _required_in_item(op, av)
    if got:
        yield got


def _required_in_item(op, av) -> frozenset | None:
    if op is _sre.SUBPATTERN:
        return _required_in_sequence(av[3].data)
    if op is _sre.BRANCH:
        found: set[str] = set()
        for alt in av[1]:
            got = _required_in_sequence(alt.data)
            if not got:
                return None  # an alternative needs no word: the branch needs none
            found |= got
        return frozenset(found)
    if op in _REPEATS:
        return _required_in_sequence(av[2].data) if av[0] >= 1 else None
    if _ATOMIC is not None and op is _ATOMIC:
        return _required_in_sequence(av.data)
    return None  # a class, any character, an anchor, a lookaround: no word of its own


def required_literals(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Lower-case words one of which occurs in every match of `pattern`, longest first; None
    when there are none worth looking for (see MIN_LITERAL, MAX_LITERALS)."""
    if pattern.flags & re.VERBOSE or not isinstance(pattern.pattern, str):
        return None
    try:
        return _required_literals(_parser.parse(pattern.pattern, pattern.flags))
    except re.error:
        return None


def _required_literals(parsed) -> tuple[str, ...] | None:
    return _words(_required_in_sequence(parsed.data))


def _words(got: frozenset | None) -> tuple[str, ...] | None:
    """A requirement's words, longest first, without those that contain another (a match of
    the shorter one is needed anyway); None when it is no use as a filter (see MIN_LITERAL,
    MAX_LITERALS)."""
    if not got or min(map(len, got)) < MIN_LITERAL or len(got) > MAX_LITERALS:
        return None
    words = sorted(got, key=len)
    kept = [w for i, w in enumerate(words) if not any(v in w for v in words[:i])]
    return tuple(sorted(kept, key=lambda w: (-len(w), w)))


def required_word_sets(pattern) -> tuple[tuple[str, ...], ...]:
    """Every set of lower-case words (as `required_literals` gives one) of which each match of
    `pattern` contains one word: those of its literal runs and of the groups and repeats it
    must match. `required_literals` keeps the most selective set; a caller that found its
    words may ask these before running the pattern ("received ... years" needs "received"
    or "got" besides "year" or "month"). Sets with a word shorter than MIN_LITERAL or with
    more than MAX_LITERALS words are left out; () when none is left."""
    regex = pattern.regex if isinstance(pattern, Prefiltered) else pattern
    if regex.flags & re.VERBOSE or not isinstance(regex.pattern, str):
        return ()
    try:
        parsed = _parser.parse(regex.pattern, regex.flags)
    except re.error:
        return ()
    out: list[tuple[str, ...]] = []
    for got in _requirements(parsed.data, _all_of_item):
        words = _words(got)
        if words and words not in out:
            out.append(words)
    return tuple(out)



_DIGIT_CLASS = [(_sre.CATEGORY, _sre.CATEGORY_DIGIT)]


def requires_digit(pattern) -> bool:
    """Whether every match of `pattern` (a `Prefiltered` one's regex) holds a digit: a `\\d`
    it cannot skip, read from its parsed form (in a group, in a repeat of once at least, or in
    every alternative of a branch). False where that cannot be told."""
    regex = getattr(pattern, "regex", pattern)
    try:
        return _sequence_requires_digit(_parser.parse(regex.pattern, regex.flags).data)
    except (re.error, TypeError):
        return False


def _sequence_requires_digit(items) -> bool:
    for op, av in items:
        if op is _sre.IN and list(av) == _DIGIT_CLASS:
            return True
        if op is _sre.SUBPATTERN and _sequence_requires_digit(av[3].data):
            return True
        if op in _REPEATS and av[0] >= 1 and _sequence_requires_digit(av[2].data):
            return True
        if op is _sre.BRANCH and all(_sequence_requires_digit(alt.data) for alt in av[1]):
            return True
    return False


def pooled_words(*sources) -> tuple[str, ...] | None:
    """The words of `sources` (patterns' literal prefilters, see `Prefiltered`, or tuples of
    words), each once, in order: one of them is in every match of every pattern. None where a
    source has none, or has a word that a space, a line break or a "#N#" mark could split (a
    family's gate then reads every span)."""
    words: list[str] = []
    for got in sources:
        got = got if isinstance(got, tuple) else getattr(got, "literals", None)
        if got is None or any(not w or "#" in w or any(c.isspace() for c in w) for w in got):
            return None
        words += got
    return tuple(dict.fromkeys(words))

def _all_of_item(op, av):
    """What an item of a sequence requires (see `required_word_sets`): a group, an atomic
    group or a repeat (once at least) all that its own sequence requires; a branch one of its
    alternatives' words."""
    if op is _sre.SUBPATTERN:
        yield from _requirements(av[3].data, _all_of_item)
    elif op in _REPEATS and av[0] >= 1:
        yield from _requirements(av[2].data, _all_of_item)
    elif _ATOMIC is not None and op is _ATOMIC:
        yield from _requirements(av.data, _all_of_item)
    else:
        yield from _best_of_item(op, av)


# texts longer than this are kept by identity (below): a short news item's whole text (most
# are 600 to 2,000 characters) is searched by span between its clauses too, and was lowered
# again each time the clauses had pushed it out of _LAST and _OLDER
_LONG = 600
_LONG_TEXTS: dict[int, tuple[str, str | None]] = {}
_LAST: tuple = ("", "")  # the last text lower-cased and its lower case: a clause is
                         # usually tried with many patterns in a row
_NONE: tuple = ("", "")
_OLDER: tuple = (_NONE, _NONE, _NONE)  # the three before, most recent first: a clause's
    # patterns and its sentence's (or the document's) take turns, and a statistic's number
    # is read in its clause, its sentence and its context in turn (with two slots, the
    # numbers of a sentence lowered each of these again and again)


def _lowered(text) -> str | None:
    """`text` lower-cased, or None where lower-casing could hide a match (see above)."""
    global _LAST, _OLDER
    last = _LAST  # one read each: another thread may replace them meanwhile (every entry
    if last[0] is text:  # is a text and its own lower case, whichever thread wrote it)
        return last[1]
    a, b, c = _OLDER
    if a[0] is text:
        _OLDER, _LAST = (last, b, c), a
        return a[1]
    if b[0] is text:
        _OLDER, _LAST = (last, a, c), b
        return b[1]
    if c[0] is text:
        _OLDER, _LAST = (last, a, b), c
        return c[1]
    if type(text) is not str:
        return None
    long = len(text) > _LONG
    if long:
        hit = _LONG_TEXTS.get(id(text))
        if hit is not None and hit[0] is text:
            _OLDER, _LAST = (last, a, b), hit
            return hit[1]
    low = text.lower()
    # (an ASCII text, told in O(1), has none of these: no need to look)
    if not text.isascii() and (len(low) != len(text) or "\u0131" in text
                               or "\u017f" in text):  # dotless i, long s
        low = None
    _OLDER, _LAST = (last, a, b), (text, low)
    if long:  # a document's whole text, tried between its clauses: kept by identity
        if len(_LONG_TEXTS) >= 8:
            _LONG_TEXTS.clear()
        _LONG_TEXTS[id(text)] = (text, low)
    return low


_LAST_WINDOW: tuple = ("", 0, 0, None)  # the last span lower-cased: patterns come in a row


def _window_absent(literals: tuple[str, ...], text, pos: int, endpos: int) -> bool:
    """Every word absent from text[pos:endpos], judged on that span alone: for a text whose
    whole lower case cannot be trusted (one "ı" in a long report) while its sentences can."""
    global _LAST_WINDOW
    start = pos if pos > 0 else 0
    last = _LAST_WINDOW
    if last[0] is text and last[1] == start and last[2] == endpos:
        low = last[3]
    else:
        if type(text) is not str or endpos - start > _WINDOW or (
                start == 0 and endpos >= len(text)):
            return False
        window = text[start:endpos]
        low = window.lower()
        if not window.isascii() and (len(low) != len(window) or "\u0131" in window
                                     or "\u017f" in window):
            low = None
        _LAST_WINDOW = (text, start, endpos, low)
    if low is None:
        return False
    for word in literals:
        if word in low:
            return False
    return True


def lowered(text) -> str | None:
    """`text` lower-cased for a literal check (`Prefiltered`), or None where the check cannot
    be trusted and the pattern must run. Kept for the last text and for long texts, as
    `Prefiltered` does: callers that test many patterns' words on one clause share it."""
    last = _LAST
    return last[1] if last[0] is text else _lowered(text)


def has_literal(literals: tuple[str, ...], low: str, pos: int = 0,
                endpos: int = sys.maxsize) -> bool:
    """Whether one of `literals` (a `Prefiltered`'s words) lies in low[pos:endpos]."""
    if pos <= 0 and endpos >= len(low):
        for word in literals:
            if word in low:
                return True
        return False
    start = pos if pos > 0 else 0
    if endpos - start <= _WINDOW:  # a sentence of a document: search a copy of it
        window = low[start:endpos]  # what find(word, start, endpos) searches
        for word in literals:
            if word in window:
                return True
        return False
    for word in literals:
        if low.find(word, start, endpos) >= 0:
            return True
    return False


_WINDOW = 4000


def literal_plan(entries) -> tuple:
    """(pattern, payload) pairs made ready for `may_match`: each as (bare regex, words one of
    which its matches need or None, payload)."""
    return tuple((rx.regex, rx.literals, payload) if isinstance(rx, Prefiltered)
                 else (rx, None, payload) for rx, payload in entries)


def may_match(plan: tuple, text, pos: int = 0, endpos: int = sys.maxsize) -> list:
    """The (regex, payload) of a `literal_plan`, in order, that may match in text[pos:endpos]:
    all but those whose words are absent. One lower-casing and no call per pattern, where
    asking each `Prefiltered` costs a call each (a clause is tried with dozens)."""
    low = lowered(text)
    if low is None:
        return [(rx, payload) for rx, words, payload in plan
                if words is None or not _window_absent(words, text, pos, endpos)]
    out = []
    if pos <= 0 and endpos >= len(low):
        for rx, words, payload in plan:
            if words is not None:
                for word in words:
                    if word in low:
                        break
                else:
                    continue
            out.append((rx, payload))
        return out
    for rx, words, payload in plan:
        if words is None or has_literal(words, low, pos, endpos):
            out.append((rx, payload))
    return out


def word_trie(words) -> re.Pattern:
    """A case-sensitive pattern of the words as a trie ("a(?:mong|sked)|b(?:rib|...)"): its
    search finds a match exactly where one of the words occurs. Where no word occurs, one
    search (each position tries the few first letters, then a branch) is about twice as fast
    as asking `word in text` for each of dozens of words."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"
        return f"(?:{body})?" if "" in node else body

    return re.compile(emit(root) if root else "(?!)")


_MAXSIZE = sys.maxsize
_NO_MATCHES = iter(())  # exhausted: shared by every skipped finditer


def _gated(method, skipped):
    """A method of `Prefiltered` that runs `method` of the wrapped regex only where one of its
    words occurs, and answers `skipped` elsewhere. The check is written out here, in the
    method itself, rather than in a helper it calls: search, match and finditer run hundreds
    of thousands of times per corpus, and most calls end at the check."""
    def gated(self, string, pos: int = 0, endpos: int = _MAXSIZE):
        last = _LAST
        low = last[1] if last[0] is string else _lowered(string)
        if low is not None:
            if pos <= 0 and endpos >= len(low):
                for word in self.literals:
                    if word in low:
                        break
                else:
                    return skipped
            elif not has_literal(self.literals, low, pos, endpos):
                return skipped
        elif (pos > 0 or endpos < _MAXSIZE) and _window_absent(self.literals, string, pos,
                                                                 endpos):
            return skipped
        return method(self.regex, string, pos, endpos)

    gated.__name__ = method.__name__
    return gated


class Prefiltered:
    """A compiled pattern that is not run on a span that lacks every word its matches need.
    It answers like the re.Pattern it wraps (search, match, fullmatch, finditer, findall,
    sub, subn, split; other attributes are the pattern's). search, match and finditer are
    made by `_gated`; the others, rarely called, ask `_absent`."""

    __slots__ = ("regex", "literals")

    def __init__(self, regex: re.Pattern, literals: tuple[str, ...]):
        self.regex = regex
        self.literals = literals

    def _absent(self, string, pos: int = 0, endpos: int | None = None) -> bool:
        last = _LAST  # the common case, inline: the clause the previous pattern was tried on
        low = last[1] if last[0] is string else _lowered(string)
        if low is None:
            return endpos is not None and _window_absent(self.literals, string, pos, endpos)
        if pos <= 0 and (endpos is None or endpos >= len(low)):
            for word in self.literals:
                if word in low:
                    return False
            return True
        for word in self.literals:
            if low.find(word, max(pos, 0), endpos) >= 0:
                return False
        return True

    search = _gated(re.Pattern.search, None)
    match = _gated(re.Pattern.match, None)
    finditer = _gated(re.Pattern.finditer, _NO_MATCHES)

    def fullmatch(self, string, pos: int = 0, endpos: int = _MAXSIZE):
        return None if self._absent(string, pos, endpos) else \
            self.regex.fullmatch(string, pos, endpos)

    def findall(self, string, pos: int = 0, endpos: int = _MAXSIZE):
        return [] if self._absent(string, pos, endpos) else \
            self.regex.findall(string, pos, endpos)

    def sub(self, repl, string, count: int = 0):
        return string if self._absent(string) else self.regex.sub(repl, string, count)

    def subn(self, repl, string, count: int = 0):
        return (string, 0) if self._absent(string) else self.regex.subn(repl, string, count)

    def split(self, string, maxsplit: int = 0):
        return [string] if self._absent(string) else self.regex.split(string, maxsplit)

    def __getattr__(self, name):
        return getattr(self.regex, name)

    def __repr__(self) -> str:
        return f"Prefiltered({self.regex!r}, {self.literals!r})"
