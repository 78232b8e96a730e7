"""Offices written beside a name (kzwatch.text.offices), on invented sentences."""
from __future__ import annotations

import pytest

from kzwatch.text.offices import (
    group_office_before,
    headed_after,
    is_plural_office,
    looks_like_title,
    rank_before,
    region_of,
    singular_office,
    title_after,
    title_before,
)


def _before(text: str, name: str) -> str | None:
    return title_before(text, text.index(name))


def _after(text: str, name: str) -> str | None:
    return title_after(text, text.index(name) + len(name))


@pytest.mark.parametrize("text, name, expected", [
    ("Former First Deputy Akim of Pavlodar region Talgat Ermekov was detained.",
     "Talgat", "Former First Deputy Akim of Pavlodar region"),
    ("the imprisoned former chief of the border service, Asan Dauletov, said", "Asan",
     "former chief of the border service"),
    ("Kyzylorda region health department chief Marat Sadykov", "Marat",
     "Kyzylorda region health department chief"),
    ("police said Marat Sadykov was detained", "Marat", None),
])
def test_title_before(text, name, expected):
    assert _before(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    ("Aliya Nurgaliyeva, the former head of the city roads department, was detained.",
     "Aliya Nurgaliyeva", "former head of the city roads department"),
    ("Aliya Nurgaliyeva (judge of the Temirtau city court) resigned.", "Aliya Nurgaliyeva",
     "judge of the Temirtau city court"),
    # a prosecutor's list closes an item with the term requested
    ("Aliya Nurgaliyeva, deputy head of the finance department - 7 years; Dias Omarov",
     "Aliya Nurgaliyeva", "deputy head of the finance department"),
    ("Aliya Nurgaliyeva, former akim of Taraz, as well as Dias Omarov", "Aliya Nurgaliyeva",
     "former akim of Taraz"),
    ("Aliya Nurgaliyeva, who was detained on Friday, denied it.", "Aliya Nurgaliyeva", None),
])
def test_title_after(text, name, expected):
    assert _after(text, name) == expected


def test_headed_after():
    text = "Dias Omarov, who until 2021 commanded the city's special police unit, was charged."
    assert headed_after(text, len("Dias Omarov")) == "commander of the city's special police unit"


def test_titles_and_plural_offices():
    assert looks_like_title("former lawmaker")
    assert looks_like_title("chief accountant of the holding")
    assert not looks_like_title("close to the border")
    assert is_plural_office("environmental activists")
    assert singular_office("environmental activists") == "environmental activist"
    assert singular_office("former deputies") == "former deputy"


@pytest.mark.parametrize("position, region", [
    ("deputy akim of Atyrau region", "Atyrau"),
    ("former akim of Taraz", "Zhambyl"),
    ("head of the Almaty Region land department", "Almaty Region"),
    ("blogger", None),
])
def test_region_of(position, region):
    assert region_of(position) == region


def test_an_appositive_ends_where_a_new_sentence_line_begins():
    text = "Aset Nurgazin, the country's former transport minister\nA court jailed him on Monday."
    assert _after(text, "Aset Nurgazin") == "country's former transport minister"


def test_a_counted_plural_office_is_made_singular():
    assert singular_office("Three former inspectors of the customs post") == \
        "former inspector of the customs post"


def test_rank_before_a_name():
    text = "the former head of the region's police, General Aman Tursyn, was held"
    assert rank_before(text, text.index("Aman")) == (text.index("General"), "General")
    assert rank_before("met Aman Tursyn", 4) is None


def test_a_counted_groups_office_before_its_names():
    text = "Two former managers of the Ak Bulak holding, Aman Tursyn and Dana Kairat, were charged"
    assert group_office_before(text, text.index("Aman")) == \
        "former manager of the Ak Bulak holding"
    text = "Both activists of a rally against the closure of the plant, Aman Tursyn and Dana Kairat"
    assert group_office_before(text, text.index("Aman")) == "activist of a rally"
    assert group_office_before("Aman Tursyn was charged", 0) is None
