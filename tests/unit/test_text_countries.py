"""Countries found in text: pycountry's names plus the short forms news writes."""
import pytest

from kzwatch.text.countries import canonical_country, find_countries, is_country


@pytest.mark.parametrize("written, name", [
    ("Russian Federation", "Russia"), ("Russia", "Russia"), ("Türkiye", "Turkey"),
    ("Turkey", "Turkey"), ("the Kyrgyz Republic", "Kyrgyzstan"), ("Kyrgyzstan", "Kyrgyzstan"),
    ("the US", "United States"), ("United States", "United States"),
    ("South Korea", "South Korea"), ("Korea, Republic of", None), ("Viet Nam", "Vietnam"),
    ("Czech Republic", "Czechia"), ("Iran", "Iran"), ("the UAE", "United Arab Emirates"),
    ("Atlantis", None), ("Almaty", None),
])
def test_canonical_country(written, name):
    assert canonical_country(written) == name


def test_find_countries_spans_longest_first_and_possessive():
    text = "Niger, Nigeria, South Sudan and Sudan trail Papua New Guinea; Chile's score rose."
    found = find_countries(text)
    assert [c.name for c in found] == ["Niger", "Nigeria", "South Sudan", "Sudan",
                                       "Papua New Guinea", "Chile"]
    assert [c.possessive for c in found] == [False] * 5 + [True]
    assert text[found[2].start:found[2].end] == "South Sudan"
    assert text[found[-1].start:found[-1].end] == "Chile"


def test_find_countries_within_a_span_and_not_inside_words():
    text = "Omani traders met Peruvian ones. Oman and Peru signed."
    assert [c.name for c in find_countries(text)] == ["Oman", "Peru"]
    assert [c.name for c in find_countries(text, 0, 32)] == []


def test_currency_adjective_is_not_the_country():
    assert find_countries("The rate was 500 tenge to the US dollar, and US$ bonds fell.") == []
    assert [c.name for c in find_countries("Talks with the US ended.")] == ["United States"]


def test_is_country():
    assert is_country("Mongolia") and is_country("the United Kingdom")
    assert not is_country("Mongols")
