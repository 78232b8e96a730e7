"""segment._sentence_ends (the sentence-end scan that opens with a plain class) finds exactly
the spans of _SENT_END.finditer, the pattern it stands in for, on any text and span."""
import random
import re

from kzwatch.text import segment
from kzwatch.text.segment import (
    _SENT_END,
    _sentence_ends,
    narrative_sentences,
    sentence_bounds,
    sentences,
)


def _reference(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in _SENT_END.finditer(text, start, end)]


EXAMPLES = [
    "He was detained. Then he was released! Why? Nobody knows.",
    "First paragraph.\n\nSecond paragraph.\n• a bullet\n- another",
    "The arrest.17 In May he was sentenced.",
    "“He left.” Then “She stayed.” (It rained.) 2024 came.",
    "Mr. Smith met K. Abdullayev on Jan. 5 in Almaty. Gen. Ivanov said so.",
    "Really?! Yes. No!? Maybe... Later.\n\n\nEnd",
    "line one\nline two\n\n  \n* item\n– dash item",
    "Ends with a period.",
    "",
    "...",
    ".\n\nA",
    "a.1 Bb a.12 Cd a.123 Ef",
    "Он был задержан. Затем его отпустили. Ёлка.",
]


def test_examples_match_the_reference_pattern():
    for text in EXAMPLES:
        for start in range(len(text) + 1):
            for end in (start, len(text), max(start, len(text) - 3)):
                assert list(_sentence_ends(text, start, end)) == _reference(text, start, end), \
                    (text, start, end)


def test_known_spans():
    text = "He was detained. Then he left.\n\nNext"
    # the break after "detained." is the space; the blank line is one break
    assert list(_sentence_ends(text, 0, len(text))) == [(16, 17), (30, 32)]
    # a span that opens right after a full stop still sees it (as the look-behind does)
    assert list(_sentence_ends(text, 16, len(text))) == [(16, 17), (30, 32)]
    assert list(_sentence_ends(text, 17, len(text))) == [(30, 32)]
    # a span past the end of the text has none (as finditer there)
    assert list(_sentence_ends(text, len(text) + 5, len(text) + 9)) == \
        _reference(text, len(text) + 5, len(text) + 9) == []
    assert sentence_bounds("A.", 7) == (0, 2)
    # no break where the next word is lower case, or inside a number
    assert list(_sentence_ends("a. b 3.5 c", 0, 10)) == []


def test_random_texts_match_the_reference_pattern():
    rng = random.Random(7)
    pieces = [".", "!", "?", "\n", " ", "  ", "a", "B", "1", "22", '"', "”", ")", "•", "-",
              "\t", "Ж", "(", "x", "Qu", "«", "*", "–"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert list(_sentence_ends(text, start, end)) == _reference(text, start, end), \
            (text, start, end)


def test_sentences_and_bounds_unchanged_in_use():
    # (the spans main's splitter gave for this text)
    text = ("Mr. Smith was detained on Jan. 5. He was released.\n\n"
            "K. Abdullayev said so. The end")
    segment._sentences.cache_clear()
    segment._narrative_sentences.cache_clear()
    assert [text[s:e] for s, e in sentences(text)] == [
        "Mr. Smith was detained on Jan.", "5.", "He was released.",
        "K. Abdullayev said so.", "The end"]
    assert [text[s:e] for s, e in narrative_sentences(text)] == [
        "Mr. Smith was detained on Jan. 5.", "He was released.",
        "K. Abdullayev said so.", "The end"]
    assert sentence_bounds(text, text.index("released")) == (34, 50)
    assert sentence_bounds(text, 0) == (0, 30)
    assert sentence_bounds(text, text.index("said")) == (52, 74)


# main's citation test, for reference
_FORMER_CITATION = re.compile(
    r"https?://|www\.|\[In (?:Russian|Kazakh|English)\]|Available (?:at|on)|Retrieved|"
    r"Accessed|\bibid\b|\bop\. cit|\bpp\. \d|\bp\. \d", re.IGNORECASE)


def _former_is_citation(text: str) -> bool:
    return bool(_FORMER_CITATION.search(text)
                or segment._PUBLICATION_DATE.search(text.strip())
                or segment._FOOTNOTE_START.match(text))


CITATIONS = [
    "Kazakhstan’s parliament met on 5 May 2023.",
    "Report of the Kazakh bureau. 12 March 2021.",
    "Report of the Kazakh bureau. 12 March 2021",
    "Report of the Kazakh bureau. 12 March 2021 .",
    "Report (2020). March 3, 2019.\n",
    "  Title]  4 June 2022.  ",
    "Ministry report, 4 June 2022..",
    "Ministry report. 4 June 1939.",
    "Ministry report. 4 June 2049",
    "Ministry report. 4 June 2050",
    "Author. Title [In Russian]. Almaty, 2019.",
    "Author. Title [in kazakh] 2019",
    "Author. Title [In  Russian] 2019",
    "See pp. 12-14 and p. 7.",
    "He is a Kazakh activist from www.example.kz, ibid.",
    "35Kazakh Report: the year in review",
    "117 Author. Title [In Russian] ... 2022.",
    "The Kazakh and Russian versions differ; English is used.",
    "Retrieved 5 May 2020.",
    "2022",
    "2022.",
    "",
    ". 5 May 2022\n\n",
    "Accessed ٢٠٢٢",
    "Report. 5 May ١٩٩٩.",
]


def test_is_citation_as_before():
    cited = 0
    for text in CITATIONS:
        segment.is_citation.cache_clear()
        assert segment.is_citation(text) == _former_is_citation(text), text
        cited += segment.is_citation(text)
    assert 8 <= cited < len(CITATIONS)


def test_publication_date_needs_a_year_at_the_end():
    rng = random.Random(3)
    heads = ["", "Report", "Report.", "Title]", "(2020)", "x"]
    gaps = ["", " ", ". ", ") ", "  ", "\n"]
    dates = ["5 May", "May 5,", "12 March", "March 12", "Jan 3", "5May", "31 December"]
    years = ["2022", "1939", "1999", "2049", "2050", "٢٠٢٢", "22", "20222"]
    tails = ["", ".", " .", "..", "x", " 5", ",", ")"]
    hits = misses = 0
    for _ in range(20000):
        line = "".join([rng.choice(heads), rng.choice(gaps), rng.choice(dates),
                        rng.choice([" ", "  ", ""]), rng.choice(years), rng.choice(tails)])
        line = line.strip()
        if segment._PUBLICATION_DATE.search(line) is not None:
            hits += 1
            assert segment._ends_with_year(line), line
        else:
            misses += 1
        segment.is_citation.cache_clear()
        assert segment.is_citation(line) == _former_is_citation(line), line
    assert hits > 300 and misses > 1000
