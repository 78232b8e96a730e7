"""Normalise a document's text for the parsers, keeping a map back to the original.

What goes (each a form seen in PDF extractions and scraped news pages, not in one file):
- PDF line spacing: a blank line between every line; runs of spaces and no-break spaces;
- footnote furniture: URL-only lines and numbered citation lines
  ("12 See …", "3 Smith, J. (2011) …");
- page furniture: a long line (a headline) repeated later in the text, a block of short lines
  repeated back to back (a currency ticker printed eight times), "Read more" teasers;
- in a text with pages (a form-feed line between them, as kzwatch.reading writes a PDF's
  text): page-number lines and the header and footer lines that the edges of other pages
  repeat (numbers aside), at the top or bottom of a page.
Every kept character remembers its offset in the original, so evidence is cut from there.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date

from kzwatch.document import Document
from kzwatch.text.parts import teaser_line_pattern

_WS = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u3000]+")
_WS_RUN = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u3000]{2,}")  # _WS's longer runs
# what `_WS.sub(" ", s)` changes: a run of two or more, or one character other than " ". A
# line with neither, most of them, comes back as it is (a search costs less than a sub that
# rewrites every single space)
_WS_TO_SQUASH = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u3000]|  ")


def _squash(s: str) -> str:
    """`_WS.sub(" ", s)`: every run of spaces one space."""
    if s.isascii():  # (told in O(1)) only a tab or two spaces can be squashed: look for them
        return _WS.sub(" ", s) if "  " in s or "\t" in s else s
    return _WS.sub(" ", s) if _WS_TO_SQUASH.search(s) else s


# soft hyphens and zero-width characters of scraped pages split words invisibly: they go
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
# HTML entities left in scraped text ("&nbsp;", "&amp;", "&#8220;") read as their character
_ENTITY = re.compile(r"&(?:#\d{2,6}|#x[0-9a-fA-F]{2,5}|[a-zA-Z]{2,8});")
_URL_LINE = re.compile(r"^\s*(?:\d{1,3}\s+)?(?:https?://|www\.)\S+\s*$", re.I)
_CITATION_LINE = re.compile(
    r"^\s*\d{1,3}\s+(?:See\b|Ibid\b|Cf\.|[A-Z][\w'’-]+,\s+[A-Z]\.|.*\((?:19|20)\d\d\)|.*https?://)")
_TEASER = teaser_line_pattern()
_PAGE_NUMBER = re.compile(r"^[-–—(\[]?\s*(?:page|p\.|стр\.?|бет)?\s*\d{1,3}"
                          r"(?:\s*(?:of|/|из)\s*\d{1,4})?\s*[-–—)\]]?$", re.I)
_EDGE_LINES = 3  # lines at the top and at the bottom of a page where furniture sits
_PDF_LINE_MAX = 130  # median line length above which blank-line spacing marks paragraphs
_HEADLINE_MIN = 40  # shorter repeated lines (table headers, "Your option. 9 7.3 %") stay


@dataclass
class _Line:
    start: int  # offset of the line's first character in the original
    raw: str

    @property
    def norm(self) -> str:
        return _squash(self.raw).strip()


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append(_Line(pos, raw))
        pos += len(raw) + 1
    return out


def _double_spaced(lines: list[_Line], norms: list[str] | None = None) -> bool:
    """True when most text lines are followed by one blank line (a PDF artefact).
    `norms`: the lines' `norm`s, when the caller has them (each costs a regex)."""
    norms = [line.norm for line in lines] if norms is None else norms
    text_lines = followed = 0
    for i in range(len(lines) - 1):
        if norms[i]:
            text_lines += 1
            if not norms[i + 1] and (i + 2 >= len(lines) or norms[i + 2]):
                followed += 1
    if text_lines < 10 or followed / text_lines <= 0.6:
        return False
    # a PDF wraps lines at a page width; a page whose paragraphs are single long lines with a
    # blank line between them is prose in paragraphs, not double spacing
    lengths = sorted(len(norm) for norm in norms if norm)
    return lengths[len(lengths) // 2] <= _PDF_LINE_MAX


def _repeated_blocks(norms: list[str], max_period: int = 12) -> set[int]:
    """Indexes of lines that repeat the block just before them (a ticker printed N times)."""
    drop: set[int] = set()
    for period in range(1, max_period + 1):
        # the maximal runs of lines equal to the line `period` before (a comprehension finds
        # the few such lines; a run is a stretch of consecutive ones)
        same = [j for j, (a, b) in enumerate(zip(norms[period:], norms, strict=False),
                                             start=period)
                if a and a == b]
        k = 0
        while k < len(same):
            i = j = same[k]
            while k < len(same) and same[k] == j:
                j += 1
                k += 1
            if j - i >= period and (period > 1 or j - i >= 2):
                drop.update(range(i, j))
    return drop


def _is_page_break(line: _Line) -> bool:
    return "\f" in line.raw and not line.raw.replace("\f", "").strip()


def _page_furniture(lines: list[_Line], norms: list[str]) -> set[int]:
    """Header, footer and page-number lines of a text with pages (form-feed lines between
    them): a page number as a page's first or last line, and a line with words among a page's
    first or last three lines that the edges of other pages repeat once digits are set aside
    (on 2 pages of 2 or 3, on half the pages and at least 3 of longer texts)."""
    pages: list[list[int]] = [[]]
    for i, line in enumerate(lines):
        if _is_page_break(line):
            pages.append([])
        elif norms[i]:
            pages[-1].append(i)
    if len(pages) < 2:
        return set()
    edges = [set(p[:_EDGE_LINES]) | set(p[-_EDGE_LINES:]) for p in pages]
    shape = lambda i: re.sub(r"\d+", "#", norms[i]).lower()  # noqa: E731
    on_pages: dict[str, set[int]] = {}
    for n, edge in enumerate(edges):
        for i in edge:
            on_pages.setdefault(shape(i), set()).add(n)
    need = max(3, (len(pages) + 1) // 2) if len(pages) > 3 else 2
    drop = set()
    for page, edge in zip(pages, edges, strict=True):
        for i in edge:
            if len(on_pages[shape(i)]) >= need and len(re.findall(r"[^\W\d_]", norms[i])) >= 3:
                drop.add(i)  # a running header or footer (not a number alone: table cells)
        for i in page[:1] + page[-1:]:
            if _PAGE_NUMBER.match(norms[i]):
                drop.add(i)
    return drop


_DIGIT = re.compile(r"\d")  # compiled once: asked of every long line


def clean(original: str, source_name: str = "inline.txt", checksum: str = "0" * 64,
          published_on: date | None = None) -> Document:
    text = original.replace("\r\n", "\n").replace("\r", "\n")
    crlf = text != original  # keep offsets right: rebuild the line starts on the original
    lines = _lines(original if not crlf else original.replace("\r", " "))
    norms = [ln.norm for ln in lines]
    double = _double_spaced(lines, norms)

    drop = _repeated_blocks(norms)
    paged = "\f" in original
    if paged:
        drop |= _page_furniture(lines, norms)
    seen_long: set[str] = set()
    for i, norm in enumerate(norms):
        if not norm:
            continue
        if _URL_LINE.match(norm) or _CITATION_LINE.match(norm) or (
                _TEASER.match(norm) and len(norm) < 160):
            drop.add(i)
        elif len(norm) >= _HEADLINE_MIN and not _DIGIT.search(norm):
            if norm in seen_long:
                drop.add(i)
            seen_long.add(norm)

    chars: list[str] = []
    offsets: list[int] = []
    blank_run = 0
    for i, line in enumerate(lines):
        if paged and _is_page_break(line):
            continue  # a page break is not a paragraph break: text runs on across pages
        if not norms[i]:
            blank_run += 1
            continue
        if i in drop:
            blank_run = 0 if double else blank_run
            continue
        if chars:
            paragraph = blank_run >= (2 if double else 1)
            sep = "\n\n" if paragraph else "\n"
            for ch in sep:
                chars.append(ch)
                offsets.append(max(line.start - 1, 0))
        blank_run = 0
        _append_line(line, chars, offsets, norms[i])
    offsets.append(len(original))
    return Document(source_name, checksum, original, "".join(chars), offsets, published_on)


def _append_line(line: _Line, chars: list[str], offsets: list[int],
                 norm: str | None = None) -> None:
    """`norm`: the line's `norm`, when the caller has it (it may spare a squash below)."""
    raw = line.raw.rstrip("\r")
    stripped = raw.strip(" \t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
                         "\u2009\u200a\u200b\u202f\u3000")
    lead = raw.find(stripped) if stripped else 0
    pos = line.start + lead
    last_space = False
    entities = {m.start(): m.group(0) for m in _ENTITY.finditer(stripped)}
    if not entities and _INVISIBLE.isdisjoint(stripped):
        # the common line (no entity, no invisible character): what the loop below does, a
        # run at a time — characters kept one for one, a run of spaces kept as one space at
        # the run's first offset
        # the squashed line is the line's norm when stripping took nothing that `norm`'s
        # strip() keeps (a zero-width space) and left nothing it takes (whitespace at an end):
        # squashing commutes with stripping runs of spaces from the ends
        if norm is not None and stripped and not stripped[0].isspace() and \
                not stripped[-1].isspace() and "\u200b" not in raw:
            squashed = norm
        else:
            squashed = _squash(stripped)
        if len(squashed) == len(stripped):
            # no run longer than one character: every kept character at its own offset
            # (`chars` is joined: a piece of text is as good as its characters)
            if squashed:  # `chars` stays empty until a character is kept
                chars.append(squashed)
            offsets.extend(range(pos, pos + len(stripped)))
            return
        # the squashed line is the kept characters. Their offsets: a one-character run is
        # kept at its own offset like any character, so only the longer runs break the range
        # (the characters before one at their own offsets, then its space at its first)
        chars.append(squashed)
        k = 0
        for m in _WS_RUN.finditer(stripped):
            offsets.extend(range(pos + k, pos + m.start() + 1))
            k = m.end()
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
        if ch in _INVISIBLE:
            pos += 1
            continue
        if _WS.match(ch):
            if not last_space:
                chars.append(" ")
                offsets.append(pos)
            last_space = True
        else:
            chars.append(ch)
            offsets.append(pos)
            last_space = False
        pos += 1
