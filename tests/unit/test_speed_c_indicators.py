"""Speed changes of kzwatch.extract.indicators that must change no answer: the sentences that
lack the words of the assembly-count rules, or of `_SHARE_OF`, are skipped (`_spans_holding`,
the words found once in the whole text) rather than asked of every rule; and a text whose
lower case `lowered` does not trust (a dotless "ı", a long "ſ") has its words looked for in
its folded lower case rather than every sentence let through. Exact only if no rule matches
in a sentence so skipped, and if the records are those of the former loops."""
from __future__ import annotations

import random
import re
from pathlib import Path

from kzwatch.document import Document
from kzwatch.extract import indicators as ind
from kzwatch.text.segment import sentences
from tests.unit.test_speed_a_indicators import _spans_with

SAMPLES = Path(__file__).resolve().parents[2] / "seeds" / "documents"


def _texts() -> list[str]:
    docs = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    rng = random.Random(3)
    words = ["In 2017", "119 peaceful assemblies", "163 in 2018", "ASSEMBLIES", "assem-",
             "blies", "61% of the assemblies", "raised economic demands", "of the rallies",
             "protests", "Kazakhstan", "took place", ".", "\n", "ı", "Between 2012 and 2018,",
             "845 peaceful assemblies took place", "of those surveyed", "social issues",
             "accounted for 21 percent", "the first half of 2019"]
    made = [" ".join(rng.choice(words) for _ in range(rng.randint(3, 40))) for _ in range(400)]
    return docs + made


def test_a_skipped_sentence_has_no_assembly_count_or_share():
    skipped = 0
    for text in _texts():
        spans = sentences(text)
        for (s, e), may in zip(spans, ind._spans_holding(ind._COUNT_WORDS, text, spans),
                               strict=True):
            if not may:
                skipped += 1
                assert not ind._RULES.matches("assembly_count", text, s, e)
        for (s, e), may in zip(spans, ind._spans_holding(ind._SHARE_OF_WORDS, text, spans),
                               strict=True):
            if not may:
                assert ind._SHARE_OF.search(text, s, e) is None
    assert skipped > 100


def test_totals_and_shares_are_those_of_the_former_loops(monkeypatch):
    """With every sentence let through (`_spans_holding` answering True for each), the
    passes are the former loops, which asked every sentence: the same records."""
    docs = [Document.plain(text, f"t{i}.txt") for i, text in enumerate(_texts())]
    def records(d: Document) -> list:
        return [r.model_dump() for r in (*ind._from_totals(d), *ind._assembly_shares(d, []),
                                         *ind._from_index_prose(d), *ind._from_prose_rates(d))
                if r is not None]

    new = [records(d) for d in docs]
    monkeypatch.setattr(ind, "_spans_holding", lambda words, text, spans: [True] * len(spans))
    monkeypatch.setattr(ind, "_absent", lambda words, text: False)
    old = [records(d) for d in docs]
    assert new == old
    assert sum(map(len, new)) > 20


def test_folded_lower_case_holds_a_word_where_a_pattern_finds_it():
    """`_lower_for` on a text `lowered` does not trust ("ı", "ſ"): an ASCII word is in the
    folded lower case exactly where a case-insensitive pattern of it matches, at the same
    place; a text whose lower case is longer ("İ") is not looked at (None)."""
    rng = random.Random(5)
    words = ["assemblies", "index", "tenge", "dollar", "rallies", "kzt", "corruption", "risk",
             "is", "sik"]
    pieces = ["ı", "ſ", "K", "I", "i", "s", "S", "k", "assemblıes", "ındex", "tenge",
              "dollar", "rallıes", "KZT", "corruptıon", "rıſk", "ASSEMBLIES", " ", "\n", "é"]
    checked = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        low = ind._lower_for(tuple(words), text)
        assert low is not None
        for word in words:
            want = [m.start() for m in re.finditer(re.escape(word), text, re.IGNORECASE)]
            got = [m.start() for m in re.finditer(re.escape(word), low)]
            assert got == want, (text, word)
            checked += bool(want)
    assert checked > 500
    assert ind._lower_for(("index",), "İndex") is None  # its lower case is longer
    assert ind._lower_for(("ındex",), "ındex") is None  # a word beyond ASCII: not folded
    assert ind._absent(("index",), "The ınDEX rose") is False
    assert ind._spans_holding(("index",), "No. The ınDEX rose.", [(0, 3), (4, 19)]) == \
        [False, True]
    assert _spans_with(("index",), "No. The ınDEX rose.", [(0, 3), (4, 19)]) == \
        [True, True]  # (`lowered` alone: every span let through)


def test_spans_holding_are_those_with_where_the_lower_case_is_trusted():
    kinds = {"index": ind._INDEX_WORDS, "fx_rate": ind._FX_WORDS,
             "assembly_count": ind._COUNT_WORDS, None: ind._SHARE_OF_WORDS}
    folded = 0
    for text in _texts() + ["In 2019 Kazakhstan placed 113th on the Corruption Perceptıons "
                            "Index. The ſame year 61% of the rallıes were economic."]:
        spans = sentences(text)
        for kind, words in kinds.items():
            if "\u0131" not in text and "\u017f" not in text:
                assert ind._spans_holding(words, text, spans) == \
                    _spans_with(words, text, spans)
            else:
                folded += 1
            for (s, e), may in zip(spans, ind._spans_holding(words, text, spans), strict=True):
                if not may:  # the rules of the words match nowhere in the span
                    part = text[s:e]
                    assert not (ind._RULES.matches(kind, part) if kind else
                                ind._SHARE_OF.search(part)), part
    assert folded >= 8
