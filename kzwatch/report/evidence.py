"""The evidence viewer: a document's text with every record's evidence marked at its offsets.

One static page per document. Each record's span [evidence_start, evidence_end) becomes
`<mark id="RECORD_ID">`, so `evidence/DOC.html#RECORD_ID` scrolls to it and CSS `:target`
outlines it, with no script and no server. Spans may nest (a table row inside a table) or
repeat (several options cut from one row): nested marks are valid HTML. Spans that cross
(one ends inside another that started later) cannot nest, so the inner one is closed and
reopened around the boundary; the fragments share `data-for`, and only the first carries
the id. Cost: one sort of the spans plus one pass over the text.
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Span:
    anchor: str          # the id of the mark: a record_id, or a finding side without record
    start: int
    end: int
    title: str = ""      # hover text: what the record says
    kind: str = "record"  # css class suffix: the record's family


def _open(span: Span, first: bool) -> str:
    ident = f' id="{escape(span.anchor)}"' if first else ""
    title = f' title="{escape(span.title)}"' if span.title else ""
    return (f'<mark{ident} class="ev ev-{escape(span.kind)}" data-for="{escape(span.anchor)}"'
            f'{title}>')


def mark_text(text: str, spans: list[Span]) -> tuple[str, list[Span]]:
    """HTML of `text` with each span marked; also the spans that could not be placed
    (offsets outside the text or empty), which the page lists apart."""
    n = len(text)
    placed, unplaced = [], []
    seen = set()
    for s in spans:
        if s.anchor in seen:
            continue
        seen.add(s.anchor)
        (placed if 0 <= s.start < s.end <= n else unplaced).append(s)
    # outer spans first at one position: start ascending, end descending
    placed.sort(key=lambda s: (s.start, -s.end, s.anchor))
    ends: dict[int, list[Span]] = {}
    for s in placed:
        ends.setdefault(s.end, []).append(s)
    cuts = sorted({0, n, *(s.start for s in placed), *(s.end for s in placed)})
    out: list[str] = []
    stack: list[Span] = []
    i = 0
    for k, pos in enumerate(cuts):
        closing = ends.get(pos)
        if closing:
            closing_ids = {s.anchor for s in closing}
            reopen: list[Span] = []
            while any(s.anchor in closing_ids for s in stack):
                top = stack.pop()
                out.append("</mark>")
                if top.anchor not in closing_ids:
                    reopen.append(top)
            for s in reversed(reopen):  # fragments of spans that go on past this point
                out.append(_open(s, first=False))
                stack.append(s)
        while i < len(placed) and placed[i].start == pos:
            out.append(_open(placed[i], first=True))
            stack.append(placed[i])
            i += 1
        if k + 1 < len(cuts):
            out.append(escape(text[pos:cuts[k + 1]], quote=False))
    out.extend("</mark>" for _ in stack)
    return "".join(out), unplaced
