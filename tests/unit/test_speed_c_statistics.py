"""Speed changes of kzwatch.extract.statistics that must change no answer: the form rules
asked per alternative around the one mark (matched at it, or searched only up to it), the
colon a `_BREAKDOWN` match needs, and the order of the pure checks of `_metric` and `read`.
Each new path is compared with the one it replaced, on the sample documents, the rules' own
examples and generated text."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from kzwatch.extract import statistics as st
from kzwatch.text.numbers import find_numbers

SAMPLES = Path(__file__).resolve().parents[2] / "seeds" / "documents"


def _texts() -> list[str]:
    docs = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    rules = [ex.text for rule in st._PACK.rules for ex in (*rule.examples, *rule.counter)]
    return docs + rules


def _old_form(before: str, after: str):
    """`_form` as it was: every form rule whose words are there, searched over the window."""
    window = f"{before}#N#{after}"
    return next((r for r, regex in st._PACK.candidates("form", window)
                 if regex.search(window)), None)


def _windows() -> list[tuple[str, str]]:
    out = []
    for text in _texts():
        for num in find_numbers(text):
            out.append((text[max(0, num.start - 80):num.start], text[num.end:num.end + 120]))
    # around the mark: what each rule reads, and the near misses
    rng = random.Random(7)
    befores = ["Article", "article ", "No.", "page", "aged", "age of ", "top ", "all ", "№",
               "#", "aged 5 and ", "Ruslan Abenov, ", "no ", "not ", "at the rate of ",
               "the exchange rate ", "12:", "12.", "in ", "cases against ", "involving ",
               "fines totalling ", "the case against ", "x", "", "\n", "The  ", "ſo ", "nearly "]
    afters = [" years", "-year", "th", " others", " more Kazakhs", ":30", ".45", " was", " had",
              ", was", " tenge per dollar", " tenge to the US dollar", " people were killed in "
              "an accident", " cases were refused", " people were fined", "", " #N#", "#",
              " criminal cases were closed", " people with medical help", " st", " pages"]
    for _ in range(4000):
        out.append(("".join(rng.choice(befores) for _ in range(rng.randint(0, 3))),
                    "".join(rng.choice(afters) for _ in range(rng.randint(0, 3)))))
    return out


def test_form_answers_as_the_full_search_did():
    hit = set()
    for before, after in _windows():
        got, want = st._form(before, after), _old_form(before, after)
        assert got is want, (before, after, got and got.id, want and want.id)
        if got is not None:
            hit.add(got.id)
    # the windows reach the rules asked each way (at the mark, up to it, anywhere)
    assert {"statistics.form.duration", "statistics.form.reference_number",
            "statistics.form.clock", "statistics.form.exchange_rate",
            "statistics.form.age", "statistics.form.nobody"} <= hit


def test_form_checks_split_rules_as_their_alternatives():
    how = {rule.id: [h for h, _ in checks] for rule, checks, _ in st._FORM_CHECKS}
    assert how["statistics.form.duration"] == [st._AT_MARK]
    assert how["statistics.form.reference_number"] == [st._TO_MARK]
    assert how["statistics.form.clock"] == [st._AT_MARK, st._TO_MARK]
    assert how["statistics.form.nobody"] == [st._ANYWHERE]  # words after the mark


@pytest.mark.parametrize("source, pieces", [
    ("a|(b|c)", ["a", "(b|c)"]),
    (r"[|]|x", ["[|]", "x"]),
    (r"\||y", [r"\|", "y"]),
    ("[]|]|z", ["[]|]", "z"]),
    ("[^]|]|q", ["[^]|]", "q"]),
    (r"(?:a\)|b)|c", [r"(?:a\)|b)", "c"]),
    ("abc", ["abc"]),
])
def test_alternatives_split_at_the_top_level_only(source, pieces):
    assert st._alternatives(source) == pieces
    assert re.compile("|".join(pieces)).pattern == source


def test_a_mark_rule_whose_source_splits_otherwise_is_searched_whole():
    class Rule:  # a prefix the parser factors out of both alternatives: no split
        pattern = "#N#a|#N#b"
        regex = re.compile(pattern, re.IGNORECASE)
    assert st._mark_checks(Rule) == ((st._ANYWHERE, Rule.regex),)


def test_breakdown_matches_hold_a_colon():
    """`_figure` asks `_BREAKDOWN` only where a colon lies before the number."""
    seen = 0
    for text in _texts():
        for m in st._BREAKDOWN.finditer(text):
            assert ":" in m.group(0)
            seen += 1
        for num in find_numbers(text):
            s = max(0, num.start - 200)
            if ":" not in text[s:num.start]:
                assert st._BREAKDOWN.search(text, s, num.start) is None
    assert seen >= 1


def _sentences() -> list[str]:
    lines = [line for text in _texts() for line in text.splitlines() if line.strip()]
    plain = ["The weather was fine.", "He said so.", "Prices rose in March.", "", "x"]
    return lines + plain * 200


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_lately_answers_as_the_last_sentence_about_it_did(seed):
    """`_Reader._lately` asks the sentences only when a figure needs it; the answer is the
    one of the former per-sentence bookkeeping (the index of the last sentence about the
    topic, corruption or unrest, set as each sentence was read)."""
    rng = random.Random(seed)
    pool = _sentences()
    reader = st._Reader(doc=None, years={}, blocks=[])
    last = dict.fromkeys(st._QUESTIONS, -100)  # the former fields, kept eagerly
    idx = -1
    answers = {True: 0, False: 0}
    for _ in range(3000):
        idx += rng.choice([1, 1, 1, 2])  # a citation skipped now and then
        sentence = rng.choice(pool)
        episode = st._EPISODE.search(sentence) is not None
        reader.said[idx] = (sentence, episode)
        for unasked in reader.unasked.values():
            unasked.append(idx)
        for question, about in st._QUESTIONS.items():
            if about(sentence, episode):
                last[question] = idx
        # asked as read() and _number() ask: the topic most sentences, the others sometimes
        if rng.random() < 0.7:
            got = reader._lately("topic", idx, 6)
            assert got == (last["topic"] >= idx - 6)
            answers[got] += 1
        for question in ("corruption", "unrest"):
            for _ in range(rng.choice([0, 0, 1, 2])):
                got = reader._lately(question, idx, 3)
                assert got == (last[question] >= idx - 3), (question, idx)
                answers[got] += 1
    assert answers[True] > 100 and answers[False] > 100


def test_report_period_is_searched_where_its_words_are():
    """`_half_period` searches `_REPORT_PERIOD` only where `_may_report_period` finds one of
    `_REPORT_WORDS` wholly in the sentence: every match holds one, and the look-up answers as
    asking each word of the span does."""
    extra = ["over the reporting period", "In the past six months", "the first half of the year",
             "during 6 months", "THE SECOND HALF OF THE YEAR", "the reporting\nperiod",
             "over\tsix months", "the half of it", "month after month", "reportingly"]
    rng = random.Random(11)
    seen = 0
    for text in _texts() + extra:
        for m in st._REPORT_PERIOD.finditer(text):
            assert any(w in m.group(0).lower() for w in st._REPORT_WORDS), m.group(0)
            seen += 1
        # the lower case a word is looked for in: a dotless "ı" and a long "ſ" read as the
        # pattern reads them; none where a lower case is longer (every span then searched)
        low = text.lower().replace("\u0131", "i").replace("\u017f", "s")
        trusted = len(low) == len(text)
        for _ in range(60):
            s = rng.randrange(len(text) + 1)
            e = min(len(text), s + rng.randrange(0, 400))
            want = any(w in low[s:e] for w in st._REPORT_WORDS)
            assert st._may_report_period(text, s, e) == (want or not trusted), (text[s:e],)
            if not want and trusted:
                assert st._REPORT_PERIOD.search(text, s, e) is None
    assert seen >= 5
    # a text with a dotless "ı" or a long "ſ": the pattern reads them as "i" and "s"
    for text in ("Over the reportıng period, 5.", "In the paſt six monthſ, 7.", "ı. The rest."):
        for s in range(len(text)):
            for e in range(s, len(text) + 1):
                assert st._may_report_period(text, s, e) or \
                    st._REPORT_PERIOD.search(text, s, e) is None, (text, s, e)
    assert st._may_report_period("Over the reportıng period, 5.", 0, 20)
    assert not st._may_report_period("ı. The rest.", 0, 12)
    assert st._may_report_period("İ. The rest.", 0, 12)  # a longer lower case: not trusted


def test_quarter_matches_hold_a_q():
    """`_period` searches `_QUARTER` only where a "q" or "Q" lies in the sentence: every match
    holds one, and no other character matches either case-insensitively."""
    extra = ["in the third quarter of 2015", "Q3 2021", "Q3, 2021", "2015-Q4", "2015 Q1",
             "the FIRST QUARTER OF THE YEAR 2020", "4th quarter of 2019", "2020Q2", "Q5 2020"]
    seen = 0
    for text in _texts() + extra:
        for m in st._QUARTER.finditer(text):
            assert "q" in m.group(0).lower(), m.group(0)
            seen += 1
    assert seen >= 7
    assert [c for c in map(chr, range(0x30000)) if re.fullmatch("q", c, re.IGNORECASE)] == \
        ["Q", "q"]


def test_number_of_matches_hold_the_word_number():
    """`_figure` asks `_NUMBER_OF_PARTICIPANTS` and `_NUMBER_OF` only where "number" is in the
    lower-cased words before the number: every match holds it, and no character beyond ASCII
    matches one of its letters case-insensitively."""
    extra = ["the number of participants was", "The NUMBER of protesters reached",
             "the total number of corruption offences registered this year has reached",
             "the number of people killed in the unrest rose to", "number\nof detainees was"]
    seen = 0
    for text in _texts() + extra:
        for pattern in (st._NUMBER_OF_PARTICIPANTS, st._NUMBER_OF):
            for m in pattern.finditer(text):
                assert "number" in m.group(0).lower(), m.group(0)
                seen += 1
            for num in find_numbers(text):  # as _figure asks them, the words before a number
                before = text[max(0, num.start - 80):num.start]
                if "number" not in before.lower():
                    assert pattern.search(before) is None
    assert seen >= 4
    odd = [c for c in map(chr, range(128, 0x30000))
           if any(re.fullmatch(letter, c, re.IGNORECASE) for letter in "number")]
    assert odd == []
