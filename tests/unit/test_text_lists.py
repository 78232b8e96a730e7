"""Lists, coordination and "respectively" (kzwatch.text.lists), on invented text."""
from __future__ import annotations

from kzwatch.text.lists import place_figures, respective_figures, split_clauses
from kzwatch.text.places import find_places


def _by_place(text, finder):
    places = find_places(text)
    found = finder(text, 0, len(text), places)
    return {places[i].place.name: int(n.value) for i, n in found.items()}


def test_place_then_figure_list():
    text = "In all, 31 people were fined: in Arys – 17, in Kentau – 9, in Rudny – 5."
    assert _by_place(text, place_figures) == {"Arys": 17, "Kentau": 9, "Rudny": 5}


def test_figure_then_place_list_and_brackets():
    assert _by_place("Police held 21 in Arys and 6 people in the town of Kentau.",
                     place_figures) == {"Arys": 21, "Kentau": 6}
    assert _by_place("Pickets were held in Rudny (35) and Arys (12).",
                     place_figures) == {"Rudny": 35, "Arys": 12}


def test_a_lone_pair_or_a_year_is_no_list():
    assert _by_place("On 3 May 2018 about 70 people rallied in Arys.", place_figures) == {}
    assert _by_place("In 2019 in Arys, 2020 in Kentau.", place_figures) == {}


def test_respectively_pairs_in_order():
    text = ("Rallies took place in Kentau on 2 May and in Rudny on 9 May, with some 45 and 130 "
            "teachers taking part, respectively.")
    assert _by_place(text, respective_figures) == {"Kentau": 45, "Rudny": 130}


def test_respectively_needs_as_many_figures_as_items():
    text = "Pickets in Arys, Kentau and Rudny drew 40 and 25 people respectively."
    assert _by_place(text, respective_figures) == {}


def test_split_clauses():
    text = "Police fined nine in Arys; in Kentau, six were held, while Rudny stayed calm."
    parts = [text[a:b].strip() for a, b in split_clauses(text, 0, len(text))]
    assert parts == ["Police fined nine in Arys", "in Kentau, six were held",
                     "Rudny stayed calm."]
