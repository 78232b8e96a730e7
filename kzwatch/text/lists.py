"""Lists and coordination: the items of a list that pair a name with a figure.

- `place_figures(text, start, end, places)` -> {place mention: figure} for a list that breaks a
  figure down by place: "in Almaty – 26, in Astana – 14, in Shymkent – 7",
  "Almaty (26), Astana (14)", "26 in Almaty, 14 in Astana and 7 in Shymkent";
- `respective_figures(text, start, end, items)` -> {item index: figure} for "in Kyzylorda and
  Taraz ..., with about 40 and 25 participants respectively": coordinated figures paired in
  order with as many coordinated items;
- `split_clauses(text, start, end)` -> the clauses of a sentence at semicolons and at a
  contrastive ", while" / ", whereas" (each may name its own place and figures).

A list needs two pairs or more: a lone "Almaty – 26" is as likely a score or a page number.
"""
from __future__ import annotations

import re
from typing import Protocol

from kzwatch.text.daterefs import find_date_refs
from kzwatch.text.numbers import NumberMatch, find_numbers


class _Span(Protocol):
    start: int
    end: int


# between a name and its figure: a dash, a colon or an opening bracket ("Almaty – 26")
_NAME_THEN_FIGURE = re.compile(r"\s*(?:[–—:-]|\()\s*$")
# between a figure and its name: "26 in Almaty", "26 people in Almaty", "26 (Almaty)"
_FIGURE_THEN_NAME = re.compile(r"^\s*(?:(?:(?:people|persons|protesters|detainees|cases|of them)"
                               r"\s+)?(?:in|at|from)\s+(?:the\s+)?"
                               r"(?:(?:city|town|village|capital)\s+(?:of\s+)?)?|\(\s*)$")
_YEAR = re.compile(r"(?:19|20)\d\d")
_CLAUSE_BREAK = re.compile(r";|,\s+(?:while|whereas)\b")
_REACH = 40


def place_figures(text: str, start: int, end: int, places: list[_Span]
                  ) -> dict[int, NumberMatch]:
    """For each place of a list in text[start:end] (by index into `places`), its figure."""
    numbers = _figures(text, start, end)
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


_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_COORDINATION = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)\s*$")
_RESPECTIVE_REACH = 60  # characters between the last figure and "respectively"


def _figures(text: str, start: int, end: int) -> list[NumberMatch]:
    dates = [(r.start, r.end) for r in find_date_refs(text, start, end)]
    return [n for n in find_numbers(text, start, end) if n.is_integer
            and not any(a <= n.start < b for a, b in dates) and not _YEAR.fullmatch(n.text)]


def respective_figures(text: str, start: int, end: int, items: list[_Span]
                       ) -> dict[int, NumberMatch]:
    """Coordinated figures before "respectively", paired in order with the items (one figure
    per distinct item, in the order the items are named)."""
    said = _RESPECTIVELY.search(text, start, end)
    if said is None or not items:
        return {}
    numbers = [n for n in _figures(text, start, said.start())
               if n.end > items[0].end]  # the figures come after the items they belong to
    group: list[NumberMatch] = []
    for n in numbers:
        if group and _COORDINATION.match(text[group[-1].end:n.start]):
            group.append(n)
        else:
            group = [n]
    if len(group) < 2 or said.start() - group[-1].end > _RESPECTIVE_REACH \
            or len(group) != len(items):
        return {}
    return dict(enumerate(group))


def split_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the clauses of text[start:end]: split at semicolons and at a contrastive
    ", while" / ", whereas"."""
    out, pos = [], start
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    return out
