"""Speed changes of kzwatch.extract.indicators that must change no answer: the sentences that
lack the words of the assembly-count rules, or of `_SHARE_OF`, are skipped (`_spans_with`,
the words found once in the whole text) rather than asked of every rule. Exact only if no rule
matches in a sentence so skipped, and if the records are those of the former loops."""
from __future__ import annotations

import random
from pathlib import Path

from kzwatch.document import Document
from kzwatch.extract import indicators as ind
from kzwatch.text.segment import sentences

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
        for (s, e), may in zip(spans, ind._spans_with(ind._COUNT_WORDS, text, spans),
                               strict=True):
            if not may:
                skipped += 1
                assert not ind._RULES.matches("assembly_count", text, s, e)
        for (s, e), may in zip(spans, ind._spans_with(ind._SHARE_OF_WORDS, text, spans),
                               strict=True):
            if not may:
                assert ind._SHARE_OF.search(text, s, e) is None
    assert skipped > 100


def test_totals_and_shares_are_those_of_the_former_loops(monkeypatch):
    """With every sentence let through (`_spans_with` answering True for each), the two
    passes are the former loops, which asked every sentence: the same records."""
    docs = [Document.plain(text, f"t{i}.txt") for i, text in enumerate(_texts())]
    new = [[r.model_dump() for r in (*ind._from_totals(d), *ind._assembly_shares(d, []))
            if r is not None] for d in docs]
    monkeypatch.setattr(ind, "_spans_with", lambda words, text, spans: [True] * len(spans))
    old = [[r.model_dump() for r in (*ind._from_totals(d), *ind._assembly_shares(d, []))
            if r is not None] for d in docs]
    assert new == old
    assert sum(map(len, new)) > 20
