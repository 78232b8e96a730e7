"""Segmentation, the one splitter every extractor uses: sentences (with initials, titles and
"Jan. 5" not taken for sentence ends), narrative sentences, citation lines, and an evidence
window around the words that state a fact.

Kept our own rather than a library's (pysbd, spaCy's sentencizer): the texts are PDF
extractions and crawled pages whose line breaks, bullets and blank lines carry structure, and
every span must map back to the original offsets; a regex splitter over the cleaned text does
both at one linear pass.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kzwatch.text.daterefs import MONTH_ABBREVIATIONS
from kzwatch.text.daterefs import MONTH_ALTERNATION as _MON
from kzwatch.text.daterefs import YEAR_PATTERN as _YEAR
from kzwatch.text.patterns import guarded

_SENT_END = guarded(re.compile(
    r"(?<=[.!?])[\"'»”)]?\s+(?=[A-ZА-ЯЁ\"«“(0-9])|\n\s*\n|\n(?=\s*[•\-–*]\s)"
    # a footnote number glued to a full stop in PDF text: "arrest.17 In"
    r"|(?<=[a-z][.!?])\d{1,2}\s+(?=[A-Z][a-z])"))


# a period after these is not a sentence end ("K. Abdullayev", "Mr. Smith", "Gen. Ivanov")
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "capt", "sgt",
                            "st", "vs", "jr", "sr", "art", "para",
                            "inc", "ltd", "co", "corp", "approx", "est", "fig", "vol"})
_WORD_BEFORE = re.compile(r"(\w+)[.]\W*$")


# _SENT_END's matches, found from the character before or at their start: each of its
# alternatives either looks back at ".!?" (and starts right after it) or opens with a newline.
# Consuming that character makes the pattern open with a plain class, which the engine skips
# to at C speed; _SENT_END, opening with look-arounds, is tried at every space (4x slower over
# a document). A match that consumed ".!?" starts one character after where _SENT_END's does.
_SENT_END_FROM = re.compile(
    r"[.!?\n](?:(?<=[.!?])(?:[\"'»”)]?\s+(?=[A-ZА-ЯЁ\"«“(0-9])|(?<=[a-z][.!?])\d{1,2}\s+"
    r"(?=[A-Z][a-z]))|(?<=\n)(?:\s*\n|(?=\s*[•\-–*]\s)))")


def _sentence_ends(text: str, start: int, end: int):
    """(start, end) of each match of _SENT_END.finditer(text, start, end), in order."""
    pos = start
    if 0 < start <= len(text) and text[start - 1] in ".!?":
        # the character that opens a match starting at `start` lies before the span
        m = _SENT_END.match(text, start, end)
        if m:
            yield m.start(), m.end()
            pos = m.end()
    for m in _SENT_END_FROM.finditer(text, pos, end):
        at = m.start()
        yield (at if text[at] == "\n" else at + 1), m.end()


def _breaks(text: str, start: int = 0, end: int | None = None):
    """Sentence breaks as (start, end), skipping periods that end an initial or an
    abbreviation."""
    for b_start, b_end in _sentence_ends(text, start, len(text) if end is None else end):
        if text[b_start - 1:b_start] == "." or text[b_start - 2:b_start].endswith("."):
            w = _WORD_BEFORE.search(text, max(0, b_start - 12), b_start)
            if w and ((len(w.group(1)) == 1 and w.group(1).isupper())
                      or w.group(1).lower() in _ABBREVIATIONS):
                continue
        yield b_start, b_end


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    start = 0
    for _, b_end in _breaks(text, 0, pos):
        start = b_end
    b = next(_breaks(text, pos), None)
    end = b[0] if b else len(text)
    return start, max(end, min(pos + 1, len(text)))


# a line that is only a date, maybe with its time: "2 April 2024", "March 3, 2024 | 10:15",
# "Updated: 12 Jan 2023". Under a headline it dates the article; it is never part of a sentence
DATE_LINE = re.compile(
    rf"^[ \t]*(?:(?:updated|published|posted)\b:?[ \t]*)?"
    rf"(?:\d{{1,2}}[ \t]+(?:{_MON})\.?|(?:{_MON})\.?[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?)[ \t]+{_YEAR}"
    r"(?:[ \t]*[|,·•/-]?[ \t]*\d{1,2}[:.]\d\d(?:[ \t]*[ap]\.?m\.?)?)?[ \t]*$",
    re.IGNORECASE | re.MULTILINE)


def sentences(text: str) -> list[tuple[int, int]]:
    """Half-open spans of the sentences of a (cleaned) text, in order."""
    return list(_sentences(text))


# Memoised per text (every family splits the same document, several times): safe because the
# spans are a pure function of the string, and kept as a tuple that callers get a copy of. The
# key is the string itself (its hash is computed once and cached by the str object); a few
# dozen texts cover every segment of a listing page while its families run.
@lru_cache(maxsize=64)
def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    start = 0
    for b_start, b_end in _breaks(text):
        _add_sentence(text, start, b_start, out)
        start = b_end
    _add_sentence(text, start, len(text), out)
    return tuple(out)


def _add_sentence(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    """The span, with a date line inside it (a headline's date) split off as its own."""
    if not text[start:end].strip():
        return
    if "\n" in text[start:end]:
        for m in DATE_LINE.finditer(text, start, end):
            if text[start:m.start()].strip():
                out.append((start, m.start() - 1 if text[m.start() - 1] == "\n" else m.start()))
            out.append((m.start(), m.end()))
            start = m.end() + 1 if text[m.end():m.end() + 1] == "\n" else m.end()
        if not text[start:end].strip():
            return
    out.append((start, end))


# "\bpp?\. \d" written as two alternatives ("pp. 5", "p. 5"), so that each alternative has a
# word of three characters or more: a sentence with none is not searched (guarded); and
# "[In Russian]" as three whole alternatives rather than "[In (?:Russian|...)]", whose words
# for the prefilter were "russian", "kazakh", "english" (in most sentences of a corpus about
# Kazakhstan) where they are now "[in russian]", ...: the same matches
_CITATION = guarded(re.compile(
    r"https?://|www\.|\[In Russian\]|\[In Kazakh\]|\[In English\]|Available (?:at|on)|Retrieved|"
    r"Accessed|\bibid\b|\bop\. cit|\bpp\. \d|\bp\. \d", re.IGNORECASE))
# "35Kazakh Report: ..." or "117 Author. Title [In Russian] ... 2022." opening a footnote line
_FOOTNOTE_START = re.compile(
    r"(?:^|\n)\d{1,3}(?:[A-Z“\"\[]|\s+[A-Z][^\n]{0,200}?(?:\[|\(\d{4}\)|\d{4}\.?\s*$))",
    re.MULTILINE)


# guarded: a line without a month name is not searched (is_citation runs on every sentence)
_PUBLICATION_DATE = guarded(re.compile(
    rf"(?:^|[.)\]]\s+)(?:\d{{1,2}}\s+(?:{_MON})|(?:{_MON})\s+\d{{1,2}},?)\s+{_YEAR}\.?\s*$"))


_ABBREVIATION_END = guarded(re.compile(
    rf"\b(?:{'|'.join(MONTH_ABBREVIATIONS)}|No|Nos|St|Mr|Mrs|Ms|Dr|Gen|Col|Lt|Maj|Capt|Sgt|Prof|"
    r"Jr|Sr|Art|Inc|Ltd|Co|vs|approx|U\.S|U\.K|[A-ZÀ-ÖØ-ÞА-ЯЁӘҒҚҢӨҰҮҺІ])\.[\"'»”)]?$"))


def narrative_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans, with a split after an abbreviation or initial ("Jan. 5",
    "Gen. Suleimenov", "K. Abdullayev") undone; never across a blank line."""
    return list(_narrative_sentences(text))


@lru_cache(maxsize=64)  # as `_sentences`: a pure function of the text, returned as copies
def _narrative_sentences(text: str) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    for s, e in _sentences(text):
        if out and _ABBREVIATION_END.search(text[out[-1][0]:out[-1][1]].rstrip()) and \
                "\n\n" not in text[out[-1][1]:s]:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return tuple(out)


EVIDENCE_WINDOW = 500  # characters of cleaned text; the original may be a little longer


def focus_span(text: str, start: int, end: int, focus_start: int, focus_end: int,
               limit: int = EVIDENCE_WINDOW) -> tuple[int, int]:
    """A sentence, or for a run-on sentence (a PDF paragraph with no full stops) the part of
    it around the words that state the facts, cut at word boundaries."""
    if end - start <= limit:
        return start, end
    lo = max(start, min(focus_start, focus_end - limit // 2) - limit // 3)
    hi = min(end, lo + limit)
    lo = max(start, min(lo, hi - limit))
    if lo > start:
        space = text.find(" ", lo, focus_start)
        lo = space + 1 if space != -1 else lo
    if hi < end:
        space = text.rfind(" ", focus_end, hi)
        hi = space if space != -1 else hi
    return lo, hi


_A_YEAR = re.compile(_YEAR)


def _ends_with_year(line: str) -> bool:
    """Whether a stripped line ends with a year, or a year and a full stop: where every match
    of _PUBLICATION_DATE ends (its "\\.?\\s*$" leaves nothing after the year in a line with no
    whitespace at its end). A test of its last characters, where the search scans the line."""
    tail = line[:-1] if line.endswith(".") else line
    return len(tail) >= 4 and _A_YEAR.fullmatch(tail, len(tail) - 4) is not None


# Memoised: the families test the same sentences. Safe: a pure function of the string.
@lru_cache(maxsize=4096)
def is_citation(text: str) -> bool:
    """A bibliographic reference or footnote line, whose dates are publication dates."""
    if _CITATION.search(text):
        return True
    line = text.strip()
    return bool((_ends_with_year(line) and _PUBLICATION_DATE.search(line))
                or _FOOTNOTE_START.match(text))
