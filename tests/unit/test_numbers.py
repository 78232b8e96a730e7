"""kzwatch.text.numbers: numbers as reports write them."""
from __future__ import annotations

import pytest

from kzwatch.text.numbers import find_numbers, parse_number


@pytest.mark.parametrize("fragment, value, qualifier", [
    ("4,404", 4404, "exact"),
    ("5969", 5969, "exact"),
    ("twenty-six", 26, "exact"),
    ("Twenty six", 26, "exact"),
    ("more than three thousand", 3000, "more_than"),
    ("exceeded three thousand people", 3000, "more_than"),
    ("over 1,500", 1500, "more_than"),
    ("more than a hundred", 100, "more_than"),
    ("at least 238", 238, "at_least"),
    ("at at least 41", 41, "at_least"),
    ("no fewer than 12", 12, "at_least"),
    ("about 300", 300, "about"),
    ("nearly 700", 700, "about"),
    ("approximately 10,000", 10000, "about"),
    ("up to 5,000", 5000, "up_to"),
    ("10 thousand", 10000, "exact"),
    ("94.5 billion", 94.5e9, "exact"),
    ("1.2 mln", 1.2e6, "exact"),
    ("one hundred and twenty", 120, "exact"),
    ("a dozen", 12, "exact"),
    ("two dozen", 24, "exact"),
    ("fewer than 50", 50, "less_than"),
])
def test_parse_number(fragment, value, qualifier):
    got = parse_number(fragment)
    assert got is not None
    assert got[0] == pytest.approx(value)
    assert got[1] == qualifier


@pytest.mark.parametrize("fragment, low, high", [
    ("200-300", 200, 300),
    ("from 1,000 to 5,000", 1000, 5000),
    ("between 40 and 60", 40, 60),
    ("2 to 3 billion", 2e9, 3e9),
    ("five to seven", 5, 7),
])
def test_ranges_keep_both_ends(fragment, low, high):
    (num,) = find_numbers(fragment)
    assert num.qualifier == "range"
    assert (num.value, num.high) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize("fragment", [
    "hundreds of people", "dozens of activists", "thousands gathered", "many residents", "",
])
def test_magnitudes_are_not_numbers(fragment):
    assert parse_number(fragment) is None


def test_two_numbers_joined_by_and_are_not_a_range():
    text = "31 were killed and 12 were injured; two boys aged 9 and 14"
    assert [n.value for n in find_numbers(text)] == [31, 12, 2, 9, 14]
    assert all(n.qualifier == "exact" for n in find_numbers(text))


def test_spans_point_into_the_text():
    text = "Police said more than 1,200 people attended."
    (num,) = find_numbers(text)
    assert text[num.start:num.end] == "more than 1,200"
    assert num.is_integer


@pytest.mark.parametrize("text, values", [
    ("more than 1 000 people", [1000]),  # a plain space between thousands (translations)
    ("about 10 000 protesters", [10000]),
    ("4 404 people were detained", [4404]),
    ("on January 5 300 people gathered", [300]),  # a day, then a count
    ("120 340 560", [120, 340, 560]),  # a table row: three numbers
    ("a 2,000-strong crowd", [2000]),
])
def test_spaced_thousands_only_before_words(text, values):
    assert [n.value for n in find_numbers(text)] == values
