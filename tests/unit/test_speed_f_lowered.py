"""patterns._lowered keeps the last four texts it lower-cased (by identity) where it kept two:
whatever the order of the look-ups, and from several threads at once, the answer is the
text's own lower case, or None where lower-casing could hide a match (dotless i, long s, a
lower case of another length); the prefiltered patterns answer as their bare regexes."""
from __future__ import annotations

import random
import re
import threading

from kzwatch.text import patterns
from kzwatch.text.patterns import Prefiltered, guarded


def _former(text: str) -> str | None:
    """What `_lowered` answered before (its two slots gave the same, only less often kept)."""
    low = text.lower()
    if not text.isascii() and (len(low) != len(text) or "\u0131" in text or "\u017f" in text):
        return None
    return low


PIECES = ["Court ", "SENTENCED ", "he ", "fines ", "\u0130", "\u0131", "\u017f", "\u212a", "Ж", "x",
          "\n", "Karaganda ", "TENGE ", "%", "12 "]


def _texts(rnd: random.Random, n: int, longest: int) -> list[str]:
    return ["".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, longest)))
            for _ in range(n)]


def test_each_answer_is_the_texts_own_lower_case():
    rnd = random.Random(5)
    texts = _texts(rnd, 12, 30) + ["", "ASCII ONLY", "\u0131n", "\u017fentenced",
                                   "\u212aaraganda", "\u0130STANBUL", "x" * 700]
    for _ in range(20000):
        # a few texts in turn (a number's clause, sentence and context), now and then another
        text = rnd.choice(texts[:5]) if rnd.random() < 0.7 else rnd.choice(texts)
        if rnd.random() < 0.1:
            text = text[: rnd.randint(0, len(text))]  # a new string: never a stale answer
        assert patterns._lowered(text) == _former(text), text


def test_four_texts_taken_in_turn_are_lowered_once_each():
    texts = ["Clause ONE", "Sentence two, with clause one", "A context \u212a", "\u017fome"]
    for text in texts:
        patterns._lowered(text)
    kept = [patterns._LAST, *patterns._OLDER]
    assert [t for t, _ in kept] == texts[::-1]
    for _ in range(3):
        for text in texts:
            assert patterns._lowered(text) == _former(text)
            # a hit answers the very string kept, not one lowered again
            assert any(low is patterns._LAST[1] for _, low in kept)
    assert {id(t) for t, _ in [patterns._LAST, *patterns._OLDER]} == {id(t) for t in texts}


def test_threads_get_their_own_texts_lower_case():
    errors: list[str] = []

    def work(seed: int) -> None:
        rnd = random.Random(seed)
        mine = _texts(rnd, 6, 40)
        for _ in range(5000):
            text = rnd.choice(mine)
            if patterns._lowered(text) != _former(text):
                errors.append(text)

    threads = [threading.Thread(target=work, args=(seed,)) for seed in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_prefiltered_patterns_match_as_their_regexes_on_texts_taken_in_turn():
    pats = [guarded(re.compile(p, re.IGNORECASE)) for p in (
        r"\bsentenced\s+to\b", r"\bkaraganda\b", r"tenge|kzt", r"\bfines?\s+\d+")]
    assert all(isinstance(p, Prefiltered) for p in pats)
    rnd = random.Random(9)
    texts = _texts(rnd, 8, 25) + ["He was \u017fentenced to", "\u212aaraganda court",
                                  "\u0131n 12", "5 TENGE", "in 12 KZT", "FINE 12",
                                  "f\u0131nes 3"]
    for _ in range(6000):
        text, pat = rnd.choice(texts), rnd.choice(pats)
        pos = rnd.randint(0, 3)
        got = [m.span() for m in pat.finditer(text, pos)]
        assert got == [m.span() for m in pat.regex.finditer(text, pos)], (pat, text)
