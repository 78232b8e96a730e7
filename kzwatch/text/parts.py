"""The articles of a listing page: an aggregator or section page that prints several articles,
each as a headline and a teaser cut short ("…", "Read more").

A page is a listing when at least two such (headline, teaser) pairs follow one another; each
pair is a part. A headline is one line of a few words that does not read as a sentence (no
closing period) and begins with a capital; a teaser is the paragraph or paragraphs after it,
up to a cut: an ellipsis ending a paragraph, or a teaser line ("Read more", from the
lexicon's `teaser_lines`). A date line right under a headline dates that part; otherwise
the part has the page's date (a listing prints articles published no later than itself).

Why parts matter: a relative date in the third article ("on Friday", "November 14th") counts
from that article's date, not from the page's dateline or the first article's, and a person
named in one article is not the subject of the next one's sentence.

One article, or any text without two cut teasers, has no parts (an empty list).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from kzwatch.text.daterefs import find_date_refs
from kzwatch.text.lexicon import alternation, lexicon
from kzwatch.text.segment import DATE_LINE

_HEADLINE_WORDS = (2, 25)
_HEADLINE_MAX_CHARS = 200
_TEASER_BLOCKS = 3  # a teaser is cut within its first paragraphs
_TEASER_MIN_WORDS = 15
_CUT = re.compile(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\])\s*$")
_BLOCK = re.compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")  # lines up to a blank line


@cache
def teaser_line_pattern(lang: str = "en") -> re.Pattern:
    """A line that leads to another page ("Read more", "Related articles:")."""
    return re.compile(rf"^\s*(?:{alternation(lexicon(lang).teaser_lines)})\b\W*", re.I)


@dataclass(frozen=True)
class Part:
    part_no: int         # 1, 2, ... in page order
    start: int           # the headline's first character
    end: int             # after the teaser's last character (the cut included)
    title: str
    published_on: date | None  # the part's own date line, if it has one


def _blocks(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Blocks of text[:end] (end: as if the string stopped there) found from `start` on."""
    return [(m.start(), m.end()) for m in
            _BLOCK.finditer(text, start, len(text) if end is None else end)]


def _restart(text: str, pos: int) -> int:
    """A position at or before `pos` from which a scan for blocks finds the same blocks as one
    from the top: 0, or a line start after a blank line (no block runs across a blank line)."""
    line = text.rfind("\n", 0, pos) + 1  # the start of the line holding pos
    while line > 0:
        prev = text.rfind("\n", 0, line - 1) + 1  # the line before it
        if not text[prev:line - 1].strip():
            return line
        line = prev
    return 0


# compiled once: asked of every line
_ENDS_CLAUSE = re.compile(r"[.,;:]$")
_TWO_SENTENCES = re.compile(r"[.!?]\s+[A-Z]")


def _is_headline(line: str) -> bool:
    words = line.split()
    if not (_HEADLINE_WORDS[0] <= len(words) <= _HEADLINE_WORDS[1]):
        return False
    if len(line) > _HEADLINE_MAX_CHARS or not line[0].isupper():
        return False
    if _ENDS_CLAUSE.search(line) or _CUT.search(line) or teaser_line_pattern().match(line):
        return False
    if _TWO_SENTENCES.search(line):  # two sentences: prose, not a headline
        return False
    return sum(1 for ch in line if ch.isalpha()) >= len(line) / 2  # not a ticker or a table row


def _date_line(line: str) -> date | None:
    """A line that is only a full date ("17 February 2026", "March 3, 2024 | 10:15")."""
    if not DATE_LINE.fullmatch(line):
        return None
    found = [r for r in find_date_refs(line) if r.day and r.year and r.span is None]
    return date(found[0].year, found[0].month, found[0].day) if found else None


def _lines(text: str, start: int, end: int) -> list[tuple[int, str]]:
    out, pos = [], start
    for line in text[start:end].split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _prose(line: str) -> bool:
    """A teaser's first line: running prose, not another headline or a teaser line."""
    return len(line.split()) >= _HEADLINE_WORDS[1] or bool(re.search(r"[.!?…]", line))


@dataclass
class _Candidate:
    start: int
    title: str
    body: int                  # where the teaser starts
    own_date: date | None


def _candidates(text: str) -> list[_Candidate]:
    """Headlines (a line of their own, maybe a date line under them) followed by prose."""
    lines = [(pos, line.strip()) for pos, line in _lines(text, 0, len(text)) if line.strip()]
    out = []
    for k, (pos, line) in enumerate(lines):
        if not _is_headline(line) or (k and not _blank_before(text, pos)):
            continue
        nxt = k + 1
        own = _date_line(lines[nxt][1]) if nxt < len(lines) else None
        if own is not None:
            nxt += 1
        if nxt < len(lines) and _prose(lines[nxt][1]) and not _is_headline(lines[nxt][1]):
            out.append(_Candidate(pos, line, lines[nxt][0], own))
    return out


def _blank_before(text: str, pos: int) -> bool:
    return text[max(0, pos - 2):pos].count("\n") == 2 or pos == 0


def _cut(text: str, start: int, end: int) -> int | None:
    """Where the teaser starting at `start` is cut: after a paragraph of prose ending in an
    ellipsis, or before a teaser line, within its first paragraphs; None when it runs on."""
    teaser = teaser_line_pattern()
    # scanned from the paragraph around the teaser, not from the top of the page for every
    # headline (quadratic on a long text)
    blocks = [b for b in _blocks(text, _restart(text, start), end)
              if b[1] > start][:_TEASER_BLOCKS]
    for b_start, b_end in blocks:
        b_start = max(b_start, start)
        for pos, line in _lines(text, b_start, b_end):
            if teaser.match(line):
                return pos if pos > start else None
        if _CUT.search(text[b_start:b_end]) and \
                len(text[b_start:b_end].split()) >= _TEASER_MIN_WORDS:
            return b_end
    return None


def split_articles(text: str) -> list[Part]:
    """The parts of a listing page (see the module docstring); [] for anything else."""
    found = _candidates(text)
    bounds = []
    for n, cand in enumerate(found):
        limit = found[n + 1].start if n + 1 < len(found) else len(text)
        bounds.append(_cut(text, cand.body, limit))
    cut = [n for n, b in enumerate(bounds) if b is not None]
    if len(cut) < 2:
        return []
    parts = []
    for n in range(cut[0], len(found)):
        cand = found[n]
        end = bounds[n]
        if end is None:
            end = found[n + 1].start if n + 1 < len(found) else len(text)
            end = len(text[:end].rstrip())
        parts.append(Part(len(parts) + 1, cand.start, end, cand.title, cand.own_date))
    return parts
