"""Which language a document is written in: `en`, `ru`, `kk`, or `und` (undetermined).

Kept our own rather than a detector library (langdetect, lingua): the pipeline needs only to
tell English from Russian and Kazakh, which the script and a handful of letters and function
words settle deterministically, with no model to load and no dependency to pin. Kazakh is
Cyrillic with its own letters (ә ғ қ ң ө ұ ү һ і); Russian is Cyrillic without them.
"""
from __future__ import annotations

import re

_LATIN_WORD = re.compile(r"[A-Za-z]+")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_KAZAKH_LETTERS = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
_EN_WORDS = re.compile(r"\b(?:the|and|of|to|in|was|were|is|that|for|with|on|by)\b", re.IGNORECASE)
_SAMPLE = 200_000  # characters read: enough to decide, and the cost stays flat for huge files


def detect_language(text: str) -> str:
    """The document's main language: the script most of its letters are in, then (for
    Cyrillic) Kazakh-specific letters; Latin text is English when its function words are."""
    sample = text[:_SAMPLE]
    words = _LATIN_WORD.findall(sample)  # runs of Latin letters: one pass counts both
    latin = sum(map(len, words))
    cyrillic = 0 if sample.isascii() else len(_CYRILLIC.findall(sample))
    if latin + cyrillic < 20:
        return "und"
    if cyrillic > latin:
        kazakh = len(_KAZAKH_LETTERS.findall(sample))
        return "kk" if kazakh >= max(3, cyrillic * 0.01) else "ru"
    # English once more than 5 % of the words are function words: counted until the share
    # passes it (in running English that is within the first lines), not over the whole text
    n_words = max(1, len(words))
    function_words = 0
    for _ in _EN_WORDS.finditer(sample):
        function_words += 1
        if function_words / n_words > 0.05:
            return "en"
    return "und"
