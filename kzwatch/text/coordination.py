"""Coordination: lists joined by commas and "and"/"or", shared heads, and "respectively".

    split_list("avoid alcohol and tobacco")              -> ["avoid alcohol", "tobacco"]
    distribute(["avoid alcohol", "tobacco"])             -> ["avoid alcohol", "avoid tobacco"]
    split_list("Almaty, Astana (the capital) and Shymkent")
        -> ["Almaty", "Astana (the capital)", "Shymkent"]
    respectively_run("… (58 and 63.4 percent respectively)", spans) -> [0, 1]
    respectively(["A", "B"], [108, 84])                  -> [("A", 108), ("B", 84)]

A list is split only at top level (never inside parentheses or quotes). `distribute` gives the
later items the head the first one carries ("avoid alcohol and tobacco": both are avoided),
which English leaves unsaid; it never invents words the text does not print.
"""
from __future__ import annotations

import re

_JOIN = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as well as)\s+", re.IGNORECASE)
_OPEN, _CLOSE = "([{“«\"", ")]}”»\""
# "respectively" after a run of figures: "(58 and 63.4 percent respectively)", "8% and 11%,
# respectively", "(64% and 61% correspondingly)"
RESPECTIVELY = re.compile(r"\b(?:respectively|correspondingly)\b", re.IGNORECASE)
_RUN_GLUE = re.compile(r"\s*(?:,|and|an|or|&)?\s*(?:,\s*(?:and|or)\s*)?", re.IGNORECASE)


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


def respectively(items: list, values: list) -> list[tuple] | None:
    """Items and values paired in order when a list matches a series one to one ("A and B
    scored 41 and 39, respectively"), else None."""
    if len(items) < 2 or len(items) != len(values):
        return None
    return list(zip(items, values, strict=True))


def respectively_run(text: str, spans: list[tuple[int, int]]) -> list[int] | None:
    """Indexes of the figures (given as spans, in order) that a following "respectively"
    pairs with the items of a list: the last run of two or more figures joined only by
    commas and "and" that "respectively" closes. None when there is no such run."""
    for m in RESPECTIVELY.finditer(text):
        run: list[int] = []
        for k in range(len(spans) - 1, -1, -1):
            start, end = spans[k]
            if end > m.start():
                continue
            gap_end = spans[run[-1]][0] if run else m.start()
            gap = text[end:gap_end]
            if run and not _RUN_GLUE.fullmatch(gap):
                break
            if not run and not re.fullmatch(r"[\s,)]*", gap):
                break
            run.append(k)
        if len(run) >= 2:
            return sorted(run)
    return None
