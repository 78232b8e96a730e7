"""Lists of people and series of terms (kzwatch.text.rosters), invented text."""
from __future__ import annotations

import pytest

from kzwatch.text.rosters import list_gap, series_values


@pytest.mark.parametrize("gap, joined", [
    (", ", True),
    (", and ", True),
    (" and ", True),
    ("; former senator ", True),
    ("; the chair of a regional veterans' union, ", True),
    (", deputy head of the water department - 8 years; ", True),
    (", head of the transport and roads department - 5 years each; for ", True),
    (", former mayor of Taraz, as well as ", True),
    (" and Major ", True),
    # a verb, a sentence end, a relation or a governing preposition: no list
    (" told reporters that ", False),
    (" was arrested and ", False),
    (", a longtime ally of Senator ", False),
    (", a reporter for the weekly ", False),
    (", to release the jailed poet ", False),
    (". ", False),
])
def test_list_gap(gap, joined):
    assert list_gap(gap) is joined


@pytest.mark.parametrize("text, values", [
    ("eleven, nine, and six", [11, 9, 6]),
    ("14 and 12", [14, 12]),
    ("8 1/2 and 3", [8.5, 3]),
    ("twenty-two and five", [22, 5]),
])
def test_series_values(text, values):
    assert series_values(text) == values
