"""Coordination: lists joined by commas and "and"/"or", shared heads, and "respectively".

The one home of list splitting and in-order pairing. Three kinds of caller, three groups:

Phrases already cut out of the text (strings):
    split_list("avoid alcohol and tobacco")              -> ["avoid alcohol", "tobacco"]
    split_list("Almaty, Astana (the capital) and Shymkent")
        -> ["Almaty", "Astana (the capital)", "Shymkent"]
    distribute(["avoid alcohol", "tobacco"])             -> ["avoid alcohol", "avoid tobacco"]
    pair_in_order(["A", "B"], [108, 84])                 -> [("A", 108), ("B", 84)]

Items already found by the caller, given as (start, end) spans in order:
    run_before(text, spans, at, glue)      the run of spans joined by `glue` that ends last
                                           before `at` (the core of every "respectively")
    respectively_run("… (58 and 63.4 percent respectively)", spans) -> [0, 1]
    respective_figures(text, start, end, items) -> {item index: figure} ("in Kentau and Rudny
                                           ..., with some 45 and 130 teachers respectively")
    place_figures(text, start, end, places) -> {place index: figure} ("in Almaty – 26, in
                                           Astana – 14", "26 in Almaty, 14 in Astana")

Spans in running text (the function finds the members itself):
    coordinated_names(text, start, end)    spans of "A, B and C" (capitalised names)
    number_list_end(text, end)             where "1,204 and 877 offences" ends its numbers
    respectively_pairs(text, start, end)   names paired with numbers ("Oral and Taraz logged
                                           12 and 7 cases respectively")
    split_clauses(text, start, end)        clauses at ";" and a contrastive ", while"

A list is split only at top level (never inside parentheses or quotes). `distribute` gives the
later items the head the first one carries ("avoid alcohol and tobacco": both are avoided),
which English leaves unsaid; it never invents words the text does not print. What may stand
between two members of a run differs by what the run lists, so the joints are named patterns
(`FIGURE_JOINT`, `VALUE_JOINT`, `COUNT_JOINT`) a caller picks. A list needs two members or
more: a lone "Almaty – 26" is as likely a score or a page number.
"""
from __future__ import annotations

import re
from typing import Protocol

from kzwatch.text.daterefs import find_date_refs
from kzwatch.text.numbers import NumberMatch, find_numbers
from kzwatch.text.patterns import guarded


class _Span(Protocol):
    start: int
    end: int


# ---- phrases -------------------------------------------------------------------------------

_JOIN = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as well as)\s+", re.IGNORECASE)
_OPEN, _CLOSE = "([{“«\"", ")]}”»\""


def split_list(phrase: str) -> list[str]:
    """The items of a coordinated phrase, in order; one item when nothing is coordinated."""
    items, depth, last = [], 0, 0
    pos = 0
    while pos < len(phrase):
        ch = phrase[pos]
        if ch in _OPEN and not (ch == '"' and depth):
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
        elif depth == 0:
            m = _JOIN.match(phrase, pos)
            if m and m.end() > pos and (m.group(0).strip() or phrase[pos].isspace()):
                if m.group(0).strip():
                    items.append(phrase[last:pos])
                    last = pos = m.end()
                    continue
        pos += 1
    items.append(phrase[last:])
    return [i.strip(" ,") for i in items if i.strip(" ,")]


def distribute(items: list[str]) -> list[str]:
    """Give later items the head the first item carries: ["avoid alcohol", "tobacco"] ->
    ["avoid alcohol", "avoid tobacco"]. Items as long as the first are left alone."""
    if len(items) < 2:
        return list(items)
    first = items[0].split()
    out = [items[0]]
    for item in items[1:]:
        words = item.split()
        if len(words) < len(first):
            head = first[:len(first) - len(words)]
            out.append(" ".join([*head, *words]))
        else:
            out.append(item)
    return out


def pair_in_order(items: list, values: list) -> list[tuple] | None:
    """Items and values paired in order when a list matches a series one to one ("A and B
    scored 41 and 39, respectively"; "A, B and C were sentenced to nine, seven and four years
    (respectively)"), else None."""
    if len(items) < 2 or len(items) != len(values):
        return None
    return list(zip(items, values, strict=True))


# ---- runs of items the caller found --------------------------------------------------------

# the cue: "(58 and 63.4 percent respectively)", "8% and 11%, respectively", "(64% and 61%
# correspondingly)"; RESPECTIVELY_WORD is the word alone
# guarded: a text without either word is not searched (a per-sentence check)
RESPECTIVELY = guarded(re.compile(r"\b(?:respectively|correspondingly)\b", re.IGNORECASE))
RESPECTIVELY_WORD = re.compile(r"\brespectively\b", re.IGNORECASE)
# what may stand between two members of a run (each is matched whole against the gap):
# shares of a survey: "58 and 63.4", "22%, and 19%", "8% & 11%"
FIGURE_JOINT = re.compile(r"\s*(?:,|and|an|or|&)?\s*(?:,\s*(?:and|or)\s*)?", re.IGNORECASE)
# an index's values: "the first and the 180th", "47, 56 and 28"
VALUE_JOINT = re.compile(r"(?:\s|,|\band\b|\bthe\b)*", re.IGNORECASE)
# counts: "40 and 25", "45, 130 and 7"
COUNT_JOINT = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)\s*")
_FIGURE_CLOSE = re.compile(r"[\s,)]*")  # between a survey's last share and its "respectively"
_COUNT_REACH = re.compile(r".{0,60}", re.DOTALL)  # a count's last figure and "respectively"


def run_before(text: str, spans: list[tuple[int, int]], at: int, glue: re.Pattern,
               close: re.Pattern | None = None) -> list[int]:
    """Indexes (ascending) of the run of spans that ends last before `at` (a "respectively",
    say): the last span ending at or before `at`, if the text from it to `at` is all `close`
    (None: anything), then the spans before it for as long as the text between two
    neighbours is all `glue`. `spans` are in order and do not overlap; empty when no span
    qualifies."""
    run: list[int] = []
    for k in range(len(spans) - 1, -1, -1):
        start, end = spans[k]
        if end > at:
            continue
        if run:
            if not glue.fullmatch(text, end, spans[run[-1]][0]):
                break
        elif close is not None and not close.fullmatch(text, end, at):
            break
        run.append(k)
    return run[::-1]


def respectively_run(text: str, spans: list[tuple[int, int]]) -> list[int] | None:
    """Indexes of the figures (given as spans, in order) that a following "respectively"
    pairs with the items of a list: the last run of two or more figures joined only by
    commas and "and" that "respectively" closes. None when there is no such run."""
    for m in RESPECTIVELY.finditer(text):
        run = run_before(text, spans, m.start(), FIGURE_JOINT, _FIGURE_CLOSE)
        if len(run) >= 2:
            return run
    return None


_YEAR = re.compile(r"(?:19|20)\d\d")


def _counts(text: str, start: int, end: int) -> list[NumberMatch]:
    """Whole numbers in text[start:end] that are neither years nor parts of dates."""
    dates = [(r.start, r.end) for r in find_date_refs(text, start, end)]
    return [n for n in find_numbers(text, start, end) if n.is_integer
            and not any(a <= n.start < b for a, b in dates) and not _YEAR.fullmatch(n.text)]


def respective_figures(text: str, start: int, end: int, items: list[_Span]
                       ) -> dict[int, NumberMatch]:
    """Coordinated figures before "respectively", paired in order with the items (one figure
    per distinct item, in the order the items are named)."""
    said = RESPECTIVELY_WORD.search(text, start, end)
    if said is None or not items:
        return {}
    numbers = [n for n in _counts(text, start, said.start())
               if n.end > items[0].end]  # the figures come after the items they belong to
    run = run_before(text, [(n.start, n.end) for n in numbers], said.start(), COUNT_JOINT,
                     _COUNT_REACH)
    if len(run) < 2 or len(run) != len(items):
        return {}
    return dict(enumerate(numbers[k] for k in run))


# between a name and its figure: a dash, a colon or an opening bracket ("Almaty – 26")
_NAME_THEN_FIGURE = re.compile(r"\s*(?:[–—:-]|\()\s*$")
# between a figure and its name: "26 in Almaty", "26 people in Almaty", "26 (Almaty)"
_FIGURE_THEN_NAME = re.compile(r"^\s*(?:(?:(?:people|persons|protesters|detainees|cases|of them)"
                               r"\s+)?(?:in|at|from)\s+(?:the\s+)?"
                               r"(?:(?:city|town|village|capital)\s+(?:of\s+)?)?|\(\s*)$")
_REACH = 40


def place_figures(text: str, start: int, end: int, places: list[_Span]
                  ) -> dict[int, NumberMatch]:
    """For each place of a list in text[start:end] (by index into `places`), its figure: "in
    Almaty – 26, in Astana – 14, in Shymkent – 7", "Almaty (26), Astana (14)", "26 in Almaty,
    14 in Astana and 7 in Shymkent". Empty unless two places or more get one."""
    numbers = _counts(text, start, end)
    pairs: dict[int, NumberMatch] = {}
    used: set[int] = set()
    for i, place in enumerate(places):
        after = [n for n in numbers if place.end <= n.start <= place.end + 6
                 and _NAME_THEN_FIGURE.match(text[place.end:n.start]) and id(n) not in used]
        if after:
            pairs[i] = after[0]
            used.add(id(after[0]))
            continue
        before = [n for n in numbers if place.start - _REACH <= n.end <= place.start
                  and _FIGURE_THEN_NAME.match(text[n.end:place.start]) and id(n) not in used]
        if before:
            pairs[i] = before[-1]
            used.add(id(before[-1]))
    return pairs if len(pairs) >= 2 else {}


# ---- spans in running text -----------------------------------------------------------------

_CLAUSE_BREAK = re.compile(r";|,\s+(?:while|whereas)\b")


def split_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the clauses of text[start:end]: split at semicolons and at a contrastive
    ", while" / ", whereas" (each may name its own place and figures)."""
    out, pos = [], start
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    return out


_RESPECTIVELY_AFTER = re.compile(r",?\s*respectively\b", re.IGNORECASE)
_MEMBER_JOIN = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
_NUM_ITEM = r"[$]?\d+(?:[,.]\d+)*(?:\s*(?:%|per\s*cent|percent))?"
_NUM_ITEM_RE = re.compile(_NUM_ITEM)
_NUMBER_LIST_END = re.compile(
    rf"(?:{_NUM_ITEM}{_MEMBER_JOIN})+{_NUM_ITEM}(?:\s+[a-z-]+){{0,3}}\s*,?\s*$", re.IGNORECASE)
# "1,204 and 877 corruption offences": numbers sharing the noun after the last of them
_SHARED_NOUN_LIST = re.compile(rf"(?:{_MEMBER_JOIN}{_NUM_ITEM})+", re.IGNORECASE)
_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"
_NAME_RE = re.compile(_NAME)
_NAME_LIST = re.compile(rf"(?P<list>(?:{_NAME}{_MEMBER_JOIN})+{_NAME})")


def number_list_end(text: str, end: int) -> int | None:
    """Where a list of numbers that begins with the number ending at `end` ends ("1,204 and
    877 offences": after 877), so the first member can read the noun the list shares; None
    when no other number is coordinated with it."""
    m = _SHARED_NOUN_LIST.match(text, end, min(len(text), end + 80))
    return m.end() if m else None


def coordinated_names(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the members of a coordination "A, B and C" found in text[start:end]: names
    joined by commas and a final "and"/"or" (the longest list of capitalised names in the
    span)."""
    best: list[tuple[int, int]] = []
    for m in _NAME_LIST.finditer(text, start, end):
        parts = [(p.start() + m.start(), p.end() + m.start())
                 for p in _NAME_RE.finditer(m.group())]
        if len(parts) > len(best):
            best = parts
    return best


def respectively_pairs(text: str, start: int, end: int) -> list[tuple[tuple[int, int],
                                                                  tuple[int, int]]]:
    """"Oral and Taraz logged 12 and 7 cases respectively" -> [(span of Oral, span of 12),
    (span of Taraz, span of 7)]: the members of the first coordination of names paired in
    order with the numbers listed right before "respectively". Empty when the counts differ
    or there is no "respectively"."""
    resp = _RESPECTIVELY_AFTER.search(text, start, end)
    if not resp:
        return []
    nums_m = _NUMBER_LIST_END.search(text, max(start, resp.start() - 120), resp.start())
    if not nums_m:
        return []
    nums = [(m.start() + nums_m.start(), m.end() + nums_m.start())
            for m in _NUM_ITEM_RE.finditer(nums_m.group())]
    names = coordinated_names(text, start, nums_m.start())
    return pair_in_order(names, nums) or []
