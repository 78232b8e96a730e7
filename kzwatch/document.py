"""A document as the parsers see it: cleaned text plus a map back to the original.

Parsers search `doc.text` (the cleaned text) and cite what they found with
`doc.cite(start, end)`, which returns the evidence *from the original text* together with
its offsets there — so every record's evidence is verbatim in its source by construction.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date

from kzwatch.text.segment import sentence_bounds

EVIDENCE_MAX = 600


@dataclass(frozen=True)
class Document:
    source_name: str
    checksum: str
    original: str
    text: str
    # offsets[i] is the position in `original` of cleaned character i; one extra entry at the
    # end maps len(text) to the end of the original.
    offsets: list[int] = field(repr=False)
    # the day the document (or this article of a listing page) was published, as its reader
    # or its date line tells: the anchor of relative dates when the text states no dateline
    published_on: date | None = None

    @classmethod
    def plain(cls, text: str, source_name: str = "inline.txt",
              checksum: str = "0" * 64) -> Document:
        """A document whose cleaned text is its original (for tests and simple callers)."""
        return cls(source_name, checksum, text, text, list(range(len(text) + 1)))

    def part(self, o_start: int, o_end: int, published_on: date | None = None) -> Document:
        """The piece of this document printed at original[o_start:o_end], as a document of its
        own (an article of a listing page). Its cleaned text is the cleaned characters that
        came from that span; its offsets still point into the whole original, so evidence
        cited from the piece is verbatim in the file."""
        a = bisect_left(self.offsets, o_start, 0, len(self.text))
        b = bisect_left(self.offsets, o_end, a, len(self.text))
        return Document(self.source_name, self.checksum, self.original, self.text[a:b],
                        self.offsets[a:b + 1], published_on or self.published_on)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the cleaned text to a span of the original text."""
        if not (0 <= start <= end <= len(self.text)):
            raise ValueError(f"span {start}:{end} outside cleaned text of {len(self.text)}")
        if start == end:
            o = self.offsets[start]
            return o, o
        return self.offsets[start], self.offsets[end - 1] + 1

    def cite(self, start: int, end: int) -> dict:
        """Evidence fields for a record whose facts sit in cleaned text [start, end).

        Leading/trailing whitespace is trimmed; a span longer than EVIDENCE_MAX characters of
        original text is cut at the limit (still verbatim, still a prefix of the passage).
        """
        if not (0 <= start <= end <= len(self.text)):
            raise ValueError(f"span {start}:{end} outside cleaned text of {len(self.text)}")
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        o_start, o_end = self.to_original(start, end)
        o_end = min(o_end, o_start + EVIDENCE_MAX)
        return {"evidence": self.original[o_start:o_end], "evidence_start": o_start,
                "evidence_end": o_end}

    def sentence_span(self, pos: int) -> tuple[int, int]:
        """The sentence (or line) of the cleaned text around position `pos`."""
        return sentence_bounds(self.text, pos)
