"""A document as the parsers see it: cleaned text plus a map back to the original.

Parsers search `doc.text` (the cleaned text) and cite what they found with
`doc.cite(start, end)`, which returns the evidence *from the original text* together with
its offsets there — so every record's evidence is verbatim in its source by construction.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

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

    @classmethod
    def plain(cls, text: str, source_name: str = "inline.txt",
              checksum: str = "0" * 64) -> Document:
        """A document whose cleaned text is its original (for tests and simple callers)."""
        return cls(source_name, checksum, text, text, list(range(len(text) + 1)))

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


_SENT_END = re.compile(r"(?<=[.!?])[\"'»”)]?\s+(?=[A-ZА-ЯЁ\"«“(0-9])|\n\s*\n|\n(?=\s*[•\-–*]\s)")


# a period after these is not a sentence end ("K. Abdullayev", "Mr. Smith", "Gen. Ivanov")
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "capt", "sgt",
                            "st", "vs", "jr", "sr", "art", "para",
                            "inc", "ltd", "co", "corp", "approx", "est", "fig", "vol"})
_WORD_BEFORE = re.compile(r"(\w+)[.]\W*$")


def _breaks(text: str, start: int = 0, end: int | None = None):
    """Sentence breaks, skipping periods that end an initial or an abbreviation."""
    for m in _SENT_END.finditer(text, start, len(text) if end is None else end):
        if text[m.start() - 1:m.start()] == "." or text[m.start() - 2:m.start()].endswith("."):
            w = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start())
            if w and ((len(w.group(1)) == 1 and w.group(1).isupper())
                      or w.group(1).lower() in _ABBREVIATIONS):
                continue
        yield m


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    start = 0
    for m in _breaks(text, 0, pos):
        start = m.end()
    m = next(_breaks(text, pos), None)
    end = m.start() if m else len(text)
    return start, max(end, min(pos + 1, len(text)))


def sentences(text: str) -> list[tuple[int, int]]:
    """Half-open spans of the sentences of a (cleaned) text, in order."""
    out, start = [], 0
    for m in _breaks(text):
        if text[start:m.start()].strip():
            out.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text)))
    return out
