"""Person names in English news text (kzwatch.text.names), on invented sentences."""
from __future__ import annotations

import pytest

from kzwatch.text.names import fold_surname, gender, is_headline, name_mentions, same_given


def _names(text: str, known: set[str] | None = None) -> list[str]:
    return [m.text for m in name_mentions(text, known or set())]


@pytest.mark.parametrize("text, expected", [
    ("Former akim Yerbol Saparov was detained on Monday.", ["Yerbol Saparov"]),
    ("The court heard K. Abdrakhmanov and A.B.Tulegenova.", ["K. Abdrakhmanov", "A.B.Tulegenova"]),
    # a lone capitalised word is a name when it has a surname's ending
    ("Zhunusbekov denied the charge.", ["Zhunusbekov"]),
    ("Yesterday the hearing resumed.", []),
    # offices and institutions split a capitalised run
    ("Deputy Minister Aset Kairatov met the Supreme Court judges.", ["Aset Kairatov"]),
    # surname-first with initials, as official press releases write them
    ("the former head of the department Mukanov B.T., who was wanted", ["Mukanov B.T."]),
    ("detained Sarsenbayev Ye.K. on Friday", ["Sarsenbayev Ye.K."]),
])
def test_name_mentions(text, expected):
    assert _names(text) == expected


def test_surname_first_keeps_surname_last_in_tokens():
    (m,) = name_mentions("citizen Mukanov B.T. was fined", set())
    assert m.surname == "Mukanov" and m.given == "B.T."


def test_possessive_is_flagged():
    (m,) = name_mentions("Temirkhanov's deputy resigned.", set())
    assert m.possessive and m.text == "Temirkhanov"


def test_known_surname_without_suffix_counts():
    assert _names("Then Griffith was arrested.", {"griffith"}) == ["Griffith"]


def test_fold_surname_and_gender():
    assert fold_surname("Sarsenbayeva") == fold_surname("Sarsenbayev")
    assert gender("Aliya Sarsenbayeva") == "f"
    assert gender("Marat Sarsenbayev") == "m"
    assert gender("Li Wei") is None


@pytest.mark.parametrize("a, b, same", [
    ("Marat", "Marat", True), ("M.", "Marat", True), ("Ye.K.", "Yerlan", True),
    ("Marat", "Murat", False), (None, "Marat", True),
])
def test_same_given(a, b, same):
    assert same_given(a, b) is same


def test_headline():
    assert is_headline("Former Minister Of Transport Sentenced To Nine Years In Prison")
    assert not is_headline("The former minister was sentenced to nine years in prison.")


def test_short_list_mates_of_a_surname_are_names():
    assert _names("Officers Li, Dzhunusov and Park were detained.") == ["Li", "Dzhunusov", "Park"]
    assert _names("In Almaty, Dzhunusov was detained.") == ["Dzhunusov"]
