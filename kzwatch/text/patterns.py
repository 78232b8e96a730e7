"""Small helpers for writing patterns over PDF-extracted and crawled text."""
from __future__ import annotations

import re
from re import _constants as _sre
from re import _parser


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
    """`pattern`, or an equivalent one with a lookahead on the characters its matches start
    with when the engine does not already skip to them (see above)."""
    if pattern.flags & (re.VERBOSE | re.DEBUG) or not isinstance(pattern.pattern, str):
        return pattern
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except re.error:
        return pattern
    ci = bool(pattern.flags & re.IGNORECASE)
    lead = parsed.data[0] if parsed.data else None
    while lead is not None and lead[0] is _sre.SUBPATTERN and lead[1][3].data:
        ci = bool((ci or lead[1][1] & re.IGNORECASE) and not lead[1][2] & re.IGNORECASE)
        lead = lead[1][3].data[0]
    if lead is not None and lead[0] in (_sre.LITERAL, _sre.IN) and not ci:
        return pattern  # the engine skips to a literal or a class by itself
    got = _first_of(parsed.data, bool(pattern.flags & re.IGNORECASE))
    if got is None or got[1] or not got[0]:
        return pattern
    items = [_class_item(item) for item, _ in got[0]]
    if None in items:
        return pattern
    chars = "".join(dict.fromkeys(items))
    # a class under the pattern's flags, or case-insensitive when any first character is
    # (a case-insensitive class accepts more: still implied by the pattern)
    if any(c for _, c in got[0]) and not pattern.flags & re.IGNORECASE:
        chars = f"(?i:[{chars}])"
    else:
        chars = f"[{chars}]"
    try:
        return re.compile(f"(?={chars})(?:{pattern.pattern})", pattern.flags)
    except re.error:  # e.g. global inline flags, which must open the pattern
        return pattern
