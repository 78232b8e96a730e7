"""Speed changes of kzwatch.extract.statistics that must change no answer: `form` rules asked
where their mark "#N#" puts a match (or searched for only up to the mark, or only where what
they write after the mark is there) instead of searched for in the whole window; the
report's half-year looked up only for a sentence that needs it; an infobox label looked for
from the line's start within the sentence. Each new form is checked against the old one,
kept here, on the sample documents and on generated text."""
from __future__ import annotations

import random
import re
from pathlib import Path

from kzwatch.extract import statistics as st
from kzwatch.text.numbers import find_numbers

SAMPLES = Path(__file__).resolve().parents[2] / "seeds" / "documents"


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]


def _old_form(before: str, after: str):
    window = f"{before}#N#{after}"
    return next((r for r, regex in st._PACK.candidates("form", window) if regex.search(window)),
                None)


# words of the form rules and around them, and characters that could trip the new forms
_WORDS = ["years", "year", "months", "weeks", "days", "-year", "–year", "th", "st", "nd", "rd",
          "and a half years", "times", "points", "km", "article", "Article", "articles", "No.",
          "number", "part", "paragraph", "page", "pp.", "p.", "aged", "age of", "top", "all",
          "aged 4 and", "#", "№", "##", "#N#", "#n#", "Ruslan Abenov", "Abenov", ",", ", ",
          "10", "24", ":", ".", "18.20", "3:", "no", "not", "one", "was", "has", "had", "is",
          "a blogger", "with", "about", "followers", "compared with", "people", "others",
          "other members", "more", "Kazakhs", "the criminal case against", "case against",
          "defendants", "tenge", "KZT", "₸", "per", "to the", "dollar", "US dollar",
          "exchange rate", "rate of", "rate at", "sought", "medical help", "on Tuesday",
          "Monday's", "yesterday's", "cases", "received a refusal", "were refused", "were",
          "fined", "have been fined", "involving", "implicating", "officials", "judges",
          "cases against", "persons", "were sent to court", "discontinued", "fines",
          "totalled", "injured", "killed", "died", "in an accident", "road", "\n", "  ", "(",
          ")", "-", "–", "'s", "’", "İ", "ſ", "K", "\u0131"]


def _random_windows(n: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    seps = [" ", "", "  ", "\n", ", ", "-"]

    def phrase() -> str:
        return "".join(rng.choice(_WORDS) + rng.choice(seps) for _ in range(rng.randint(0, 7)))

    return [(phrase(), phrase()) for _ in range(n)]


def _corpus_windows() -> list[tuple[str, str]]:
    out = []
    for text in _texts():
        for num in find_numbers(text):
            out.append((text[max(0, num.start - 80):num.start], text[num.end:num.end + 120]))
            out.append((text[max(0, num.start - 12):num.start], text[num.end:num.end + 15]))
    return out


def test_forms_answer_as_the_search_of_the_whole_window():
    windows = _corpus_windows() + _random_windows(30000, 11)
    assert len(windows) > 30000
    found = set()
    for before, after in windows:
        want = _old_form(before, after)
        assert st._form(before, after) is want, (before, after)
        found.add(want and want.id)
    assert len(found) >= 12  # most rules are the answer somewhere


class _OneRule:
    """A stand-in for the rule pack whose `form` candidates are one rule's (when the real
    pack's words let it be one), for a window with another "#"; `_FORM_CHECKS` is cut to the
    rule's own for the others."""

    def __init__(self, pack, rule):
        self.pack, self.rule = pack, rule

    def candidates(self, kind, window):
        return [(r, rx) for r, rx in self.pack.candidates(kind, window) if r is self.rule]


def test_each_form_rule_holds_where_its_search_finds_it(monkeypatch):
    """Rule by rule (a rule of higher priority hides a lower one's answer in `_form`)."""
    windows = _corpus_windows()[::2] + _random_windows(8000, 12)
    pack, checks = st._PACK, st._FORM_CHECKS
    for rule in st._FORM_RULES:
        monkeypatch.setattr(st, "_PACK", _OneRule(pack, rule))
        monkeypatch.setattr(st, "_FORM_CHECKS", tuple(c for c in checks if c[0] is rule))
        held = 0
        for before, after in windows:
            window = f"{before}#N#{after}"
            want = any(rx.search(window) for r, rx in pack.candidates("form", window)
                       if r is rule)
            assert (st._form(before, after) is rule) == want, (rule.id, before, after)
            held += want
        assert held or rule.id in {"statistics.form.medical_one_day",
                                   "statistics.form.investigation_closed",
                                   "statistics.form.cases_against_to_court",
                                   "statistics.form.fines_total", "statistics.form.nobody",
                                   "statistics.form.medical", "statistics.form.accident"}


def _old_halves(text: str, s: int, e: int) -> list[tuple[int, int, str]]:
    if not st._YEAR_DIGITS.search(text, s, e):
        return []
    out = [(m.start(), m.end(), st._half_of(m)) for m in st._HALF.finditer(text, s, e)]
    report = st._report_half(text)
    if report:
        out += [(m.start(), m.end(), f"{m.group('y')}{report[4:]}")
                for m in st._SAME_PERIOD.finditer(text, s, e)]
    return sorted(out)


def test_halves_as_before():
    rng = random.Random(3)
    parts = ["In the first half of 2024 ", "the same period of 2023 ", "H2 2022 ", "in 2021 ",
             "the same period last year, 2020 ", "January-June 2019. ", "no year here. ",
             "Police detained 12. "]
    texts = _texts() + ["".join(rng.choice(parts) for _ in range(rng.randint(1, 8)))
                        for _ in range(400)]
    for text in texts:
        for s in range(0, len(text), max(1, len(text) // 40)):
            for e in (s + 60, s + 200, len(text)):
                assert st._halves(text, s, e) == _old_halves(text, s, e)


def test_label_search_from_the_line_start_within_the_sentence():
    rng = random.Random(9)
    texts = _texts() + ["".join(rng.choice(["Deaths: ", "\n", "Arrested:", " 6", "x", ":", " "])
                                for _ in range(30)) for _ in range(500)]
    for text in texts[:]:
        for num in find_numbers(text):
            for s in {0, max(0, num.start - 50), max(0, num.start - 3), num.start}:
                old = st._LABEL.search(text, max(s, text.rfind("\n", 0, num.start) + 1),
                                       num.start)
                new = st._LABEL.search(text, max(s, text.rfind("\n", s, num.start) + 1),
                                       num.start)
                assert (old and old.span()) == (new and new.span())


def test_inline_patterns_compiled_once_are_the_same_patterns():
    """Patterns written inline before (re.search(r"...")) are now module constants: the same
    source and flags."""
    assert st._SPAN_GAP.pattern == (r"\s*(?:and|to|till|until|through|[-–—])\s*"
                                    r"(?:the\s+)?") and st._SPAN_GAP.flags & re.IGNORECASE
    assert st._LABEL_LINE.pattern == r"(?m)^\s*([A-Z][a-z]+)\s*:\s*([\d,]+)\b"
    assert st._BARE_YEAR.pattern == rf"\b{st._Y}\b"


def test_every_half_year_match_holds_one_of_its_words():
    """`_halves` and `_report_half` skip `_HALF` where `_may_half` says no: exact only if
    every match holds one of `_HALF_WORDS`, case aside."""
    rng = random.Random(8)
    parts = ["first", "1st", "second", "2nd", "half", "HALF", "Half", "of", "the year", "2024",
             "1999", "January", "Jan.", "JAN", "July", "Jul", "jUL.", "June", "December", "-",
             "–", "to", "through", ",", "H1", "h2", "H3", "2024H1", "2023-H2", "K", "İ", "ſ",
             "\u0131", "\n", " ", "x"]
    texts = _texts() + ["".join(rng.choice(parts) + rng.choice(["", " ", "  ", "\n"])
                                for _ in range(rng.randint(1, 12))) for _ in range(20000)]
    seen = 0
    for text in texts:
        for m in st._HALF.finditer(text):
            seen += 1
            assert st._may_half(text, m.start(), m.end()), (text, m.group())
            assert st._may_half(text)
    assert seen > 1000


def _old_is_header(line: str) -> bool:
    cells = st._cells(line)
    return "|" in line and len(cells) >= 2 and not any(
        st._CELL_NUMBER.fullmatch(c) for c in cells[1:]) and any(c for c in cells[1:])


def test_table_headers_as_before_and_none_without_a_bar():
    """`_is_header` cuts no cells in a line without "|"; `table_figures` reads no table in a
    text without one (no line of it is a header)."""
    rng = random.Random(12)
    cells = ["Region", "Offences", "12", "1,204", "", " ", "|", "||", "Total", "2023", "x|y",
             "Damage, mln tenge", "\n", "\u00a0"]
    lines = [line for text in _texts() for line in text.splitlines()]
    lines += ["".join(rng.choice(cells) + rng.choice(["|", " | ", " ", ""])
                      for _ in range(rng.randint(0, 8))) for _ in range(20000)]
    for line in lines:
        assert st._is_header(line) == _old_is_header(line), line
        if "|" not in line:
            assert not _old_is_header(line)
