"""Speed changes of kzwatch.extract.indicators that must change no answer: passes skipped where
the words every match of their rules holds are absent from the document or the sentence, a
header line without a year not read word by word (nor its label popped word by word), and
ticker lines not weighed where no line quotes a rate. Each new predicate is checked against
the old form, kept here, on the sample documents and on generated text."""
from __future__ import annotations

import random
from pathlib import Path

from kzwatch.document import Document
from kzwatch.extract import indicators as ind
from kzwatch.text.patterns import lowered
from kzwatch.text.segment import sentences


def _spans_with(words, text, spans):
    """The sentence gate as it first was: the words looked for in the text's lower case where
    `lowered` trusts it, every span let through where it does not."""
    return ind._spans_in(words, None if words is None else lowered(text), spans)

SAMPLES = Path(__file__).resolve().parents[2] / "seeds" / "documents"


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]


def _random_texts(words: list[str], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    seps = [" ", "  ", "\n", ", ", ". ", "", "-", " (", "\n\n", ". "]
    return ["".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randint(1, 40)))
            for _ in range(n)]


_WORDS = ["Corruption", "Perceptions", "Index", "index", "CPI", "Transparency",
          "International", "graft", "corruption", "ranking", "table", "E-government",
          "Survey", "EGDI", "Global", "Peace", "Reporters Without Borders", "Freedom House",
          "tenge", "KZT", "dollar", "euro", "ruble", "rouble", "yuan", "per", "$", "USD",
          "assemblies", "assem-", "blies", "peaceful", "rallies", "protests", "pickets",
          "Kazakhstan", "ranked", "124th", "39 points", "512.4", "2019", "2024", "in",
          "the", "of", "K", "Σ", "ΑΣ", "Kelvin", "INDEX", "Tenge"]
# characters whose lower case is longer, or that match "i" or "s" case-insensitively: a text
# holding one is not checked for words at all (kzwatch.text.patterns.lowered)
_ODD = ["İ", "ſ", "\u0131"]


def _generated(n: int, seed: int) -> list[str]:
    return _random_texts(_WORDS, n, seed) + _random_texts(_WORDS + _ODD, n // 10, seed + 100)


def _spans_of(text: str) -> list[tuple[int, int]]:
    spans = sentences(text)
    rng = random.Random(len(text))
    return spans + [(a, a + rng.randint(0, 300)) for a in
                    (rng.randrange(len(text) + 1) for _ in range(20))]


def test_spans_with_are_the_spans_holding_a_word():
    texts = _texts() + _generated(400, 1)
    for words in (ind._INDEX_WORDS, ind._FX_WORDS, ind._COUNT_WORDS, ind._SHARE_OF_WORDS):
        assert words
        for text in texts:
            spans = _spans_of(text)
            got = _spans_with(words, text, spans)
            low = lowered(text)
            if low is None:
                assert all(got)
                continue
            assert got == [any(w in text[s:e].lower() for w in words) for s, e in spans]


def test_a_span_without_the_words_has_no_match_of_their_rules():
    """What the skips rely on: where `_spans_with` says no (or `_absent` says absent), the
    rules of the kind match nowhere in the sentence, its line breaks made spaces or not."""
    texts = _texts() + _generated(600, 2)
    kinds = {"index": ind._INDEX_WORDS, "fx_rate": ind._FX_WORDS,
             "assembly_count": ind._COUNT_WORDS}
    for text in texts:
        spans = _spans_of(text)
        for kind, words in kinds.items():
            absent = ind._absent(words, text)
            for (s, e), may in zip(spans, _spans_with(words, text, spans), strict=True):
                if may and not absent:
                    continue
                for part in (text[s:e], text[s:e].replace("\n", " ")):
                    assert not ind._RULES.matches(kind, part), (kind, part)
                assert not ind._RULES.matches(kind, text, s, e)
        if ind._absent(ind._SHARE_OF_WORDS, text):
            assert not ind._SHARE_OF.search(text)
            assert not any(ind._SHARE_OF.search(text, s, e) for s, e in spans)


def _old_header_line(text: str, index: int, continuation: bool,
                     open_paren: bool = False) -> tuple[str, list] | None:
    words = text.split()
    label: list[str] = []
    if not continuation:
        while words and not ind._YEAR_TOKEN.match(words[0]) and ind._LETTERS.fullmatch(words[0]):
            label.append(words.pop(0))
        if not words or not ind._YEAR_TOKEN.match(words[0]):
            return None
    tokens: list = []
    in_parens = continuation and open_paren
    for word in words:
        match = ind._YEAR_TOKEN.match(word)
        if match and not in_parens:
            tokens.append(ind.YearToken(int(match["a"]), index,
                                        int(match["b"]) if match["b"] else None))
        elif (word.startswith("(") or in_parens) and ind._QUALIFIER_WORD.fullmatch(word):
            tokens.append(word)
            in_parens = not word.endswith(")")
        elif ind._HALF_OR_QUARTER.fullmatch(word) and (tokens or continuation):
            tokens.append(word)
        else:
            return None
    if not tokens or (not continuation and len(tokens) < 2 and label
                      and not ind._PERIOD_HEADER.fullmatch(" ".join(label))):
        return None
    return " ".join(label), tokens


def test_header_lines_as_before():
    words = ["2015", "2016", "2019-2020", "2021–2022", "H1", "Q3", "(I-VI)", "(I", "VI)",
             "Indicator", "Period", "Years", "Kazakhs", "Share", "of", "12.5", "%", "1999",
             "20", "19", "2x", "(", ")", "x2019", "Month", "année"]
    rng = random.Random(4)
    lines = [line.strip() for text in _texts() for line in text.splitlines()]
    lines += [" ".join(rng.choice(words) for _ in range(rng.randint(0, 8)))
              for _ in range(20000)]
    for line in lines:
        for continuation in (False, True):
            for open_paren in (False, True):
                assert ind._header_line(line, 3, continuation, open_paren) == \
                    _old_header_line(line, 3, continuation, open_paren), line


def _old_from_tickers(doc: Document) -> list:
    text = doc.text
    lines = ind.lines_of(text)
    items: list[list] = [[] for _ in lines]
    tickerish = [False] * len(lines)
    for i, line in enumerate(lines):
        if len(line.text) > 160:
            continue
        if not ind._DIGIT.search(line.text):
            continue
        found = [m for _, m in ind._RULES.matches("ticker", line.text)]
        rest = line.text
        for m in reversed(found):
            rest = rest[:m.start()] + " " + rest[m.end():]
        if not found and not ind._DIGIT.search(rest):
            continue
        words = len(ind._TICKER_WORD.findall(ind._TICKER_NOISE.sub(" ", rest)))
        tickerish[i] = words <= (6 if found else 3)
        items[i] = found if tickerish[i] else []
    out = []
    for i, found in enumerate(items):
        if not found:
            continue
        near = {ind._ticker_entity(m) for j in range(max(0, i - 3), min(len(lines), i + 4))
                for m in items[j]}
        period = ind._ticker_date(lines, tickerish, i)
        for m in found:
            if not m["pair"] and len(near) < 2:
                continue
            start = lines[i].start + m.start()
            out.append(ind._record(doc, (start, lines[i].start + m.end("rate")),
                                   indicator="fx_rate", entity=ind._ticker_entity(m),
                                   period=period, value=ind.parse_number(
                                       m["rate"].replace(",", ".")), unit="rate"))
    return out


def test_tickers_as_before():
    words = ["USD 501.92", "EUR 529.60", "▲", "▼", "|", "$ 506.73", "€ 548.91",
             "usd/kzt 448.12", "KZT/USD = 0.00204 0%", "Currency rates from 14/03/2025",
             "Home", "News", "The court", "sentenced", "12", "2024", "rates"]
    texts = _texts() + _random_texts(words, 300, 6)
    for text in texts:
        doc = Document.plain(text)
        assert [r and r.model_dump() for r in ind._from_tickers(doc)] == \
            [r and r.model_dump() for r in _old_from_tickers(doc)]
