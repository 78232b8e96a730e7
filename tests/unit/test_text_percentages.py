"""Percentages in digits and words, their bounds, ranges and thresholds (invented text)."""
from kzwatch.text.percentages import find_percentages


def values(text):
    return [(p.value, p.qualifier) for p in find_percentages(text)]


def test_signs_and_spellings():
    assert values("41% agreed, 12.5 per cent did not and Sixty-two percent left") == [
        (41.0, "exact"), (12.5, "exact"), (62.0, "exact")]
    assert values("a share of 33,4 % in the north") == [(33.4, "exact")]


def test_percentage_points_are_differences_not_shares():
    assert values("support rose by 4 percentage points") == []


def test_spans_are_absolute_and_verbatim():
    text = "In Taraz, 27 percent said no."
    [p] = find_percentages(text)
    assert text[p.start:p.end] == "27 percent"


def test_a_bare_number_shares_the_sign_of_the_next():
    assert values("(44 and 51.5 percent respectively)") == [(44.0, "exact"), (51.5, "exact")]
    assert values("those aged 18 and 65% of pensioners") == [(65.0, "exact")]


def test_ranges_thresholds_bounds_and_changes():
    assert values("between 35% and 72% of voters") == [(35.0, "range"), (72.0, "range")]
    assert values("73-79 percent elsewhere") == [(79.0, "range")]
    assert values("the share hit 60% or more") == [(60.0, "threshold")]
    assert values("more than 40% of them") == [(40.0, "more_than")]
    assert values("support fell from 71% to 64%") == [(71.0, "from"), (64.0, "exact")]
    [p] = find_percentages("polls put it above 55 percent")
    assert p.bound == "above"
