"""places._region_matches (a long span searched only in the stretches between breaks that
hold a region word) gives the matches of _region_regex().finditer over the whole span."""
import random

import pytest

from kzwatch.text import places
from kzwatch.text.places import _region_matches, _region_regex, find_regions


def _spans(matches):
    return [(m.span(), m.group("a"), m.group("b")) for m in matches]


def _check(text: str, start: int, end: int) -> None:
    assert _spans(_region_matches(text, start, end)) == \
        _spans(_region_regex().finditer(text, start, end)), (text, start, end)


PIECES = ["Pavlodar", "Mangystau", "Mangistau", "North", "Kazakhstan", "Kyzyl", "Orda",
          "Almaty", "Aktobe", "Zhambyl", "Turkestan", "region", "Region", "REGION", "oblast",
          "Oblast", "province", "of", "the", " ", " ", "  ", "\n", "\n\n", "-", "–", "‐", ".",
          ",", ";", "(", ")", "“", "”", "/", "x", "a", "7", "_", "ı", "ſ", "İ", "regıon",
          "provınce", "oblaſt", "Kyzyl-Orda", "West", "Kazakhstan region", "the region of"]


@pytest.fixture
def every_span_stretched(monkeypatch):
    monkeypatch.setattr(places, "_STRETCHED", 0)  # the stretch search on every span


def test_random_texts(every_span_stretched):
    rng = random.Random(11)
    matched = 0
    for _ in range(6000):
        text = "".join(rng.choice(PIECES) + rng.choice(["", " "])
                       for _ in range(rng.randint(0, 14)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        _check(text, 0, len(text))
        _check(text, start, end)
        matched += bool(list(_region_regex().finditer(text)))
    assert matched > 200


def test_examples(every_span_stretched):
    text = ("Protests in Mangystau region spread. In the western region of Mangystau, and in "
            "Pavlodar Oblast; (Aktobe region) “Kyzyl-Orda  \n oblast” / North Kazakhstan "
            "province-level x_Almaty region, 7Almaty region, the region of Zhambyl7.")
    _check(text, 0, len(text))
    regions = [r.region for r in find_regions(text)]
    assert len(regions) >= 5
    for start in range(0, len(text), 5):
        _check(text, start, len(text))
        _check(text, 0, start)


def test_long_text_as_before():
    body = ("Officials of Aktobe region met. " * 40 + "Nothing here. " * 200 +
            "Riots in Zhanaozen, Mangystau oblast, and the region of Atyrau. " * 5)
    assert len(body) > places._STRETCHED
    _check(body, 0, len(body))
    assert len(find_regions(body)) == 50
    dotless = body.replace("Nothing", "Nothıng")  # a lower case not kept: the word pattern
    _check(dotless, 0, len(dotless))
