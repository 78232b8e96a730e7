"""Money and date parsing on invented phrasings (news agencies, court press services, NGOs)."""
from __future__ import annotations

from datetime import date

import pytest

from kzwatch.text.dates import (
    dateline_span,
    document_dateline,
    document_year,
    find_dates,
    parse_date,
)
from kzwatch.text.money import amount_kind, find_amounts, parse_amount


@pytest.mark.parametrize("text, expected", [
    ("a bribe of 4.5 million tenge", (4_500_000, "KZT")),
    ("damage estimated at KZT 10bn", (10_000_000_000, "KZT")),
    ("assets worth $1.5 billion", (1_500_000_000, "USD")),
    ("restitution of 700 billion tenge", (700_000_000_000, "KZT")),
    ("a kickback of $80.6 thousand", (80_600, "USD")),
    ("approximately 10,000 USD", (10_000, "USD")),
    ("7 thousand US dollars", (7_000, "USD")),
    ("₸250,000 in cash", (250_000, "KZT")),
    ("1.2 trillion tenge", (1_200_000_000_000, "KZT")),
    ("USD 3 mln", (3_000_000, "USD")),
    ("15 mln tenge", (15_000_000, "KZT")),
    ("a fine of 2 500 000 tenge", (2_500_000, "KZT")),
    ("4,5 million tenge", (4_500_000, "KZT")),
    ("some 300 dollars", (300, "USD")),
    ("KZT 3.2bn in damage", (3_200_000_000, "KZT")),
    ("a bribe of Tg 500 million", (500_000_000, "KZT")),
    ("2 mln. tenge", (2_000_000, "KZT")),
    ("two million tenge", (2_000_000, "KZT")),
    ("half a billion tenge", (500_000_000, "KZT")),
    ("fifteen million US dollars", (15_000_000, "USD")),
])
def test_parse_amount(text, expected):
    value, currency = parse_amount(text)
    assert value == pytest.approx(expected[0]) and currency == expected[1]


@pytest.mark.parametrize("text", ["sentenced to 7 years", "in 2021 there were 238 deaths",
                                  "a score of 39 out of 100", "5 m from the gate",
                                  "300,000 euros", "two tenge coins", "seven years"])
def test_no_amount_in_plain_numbers(text):
    assert find_amounts(text) == []


def test_two_currencies_in_one_phrase():
    found = find_amounts("700 billion tenge ($1.5 billion) in restitution")
    assert [(a.value, a.currency) for a in found] == [(7e11, "KZT"), (1.5e9, "USD")]


@pytest.mark.parametrize("context, kind", [
    ("accused of taking a bribe of 5 million tenge", "bribe"),
    ("embezzled 300 million tenge of budget funds", "embezzled"),
    ("caused damage to the state of 2 billion tenge", "damage"),
    ("paid 700 billion tenge in restitution", "restitution"),
    ("assets of $2 billion were recovered to the state", "assets_recovered"),
    ("the contract was worth 100 million tenge", None),
])
def test_amount_kind(context, kind):
    pos = find_amounts(context)[0].start
    assert amount_kind(context, pos) == kind


@pytest.mark.parametrize("fragment, ref_year, expected", [
    ("On June 30, 2021 the court ruled", None, "2021-06-30"),
    ("on 30 June 2021", None, "2021-06-30"),
    ("30.06.2021", None, "2021-06-30"),
    ("2021-06-30", None, "2021-06-30"),
    ("in April 2021", None, "2021-04"),
    ("in 2019", None, "2019"),
    ("early January 2022", None, "2022-01"),
    ("On June 30", None, None),
    ("On June 30", 2024, "2024-06-30"),
    ("in April", 2023, "2023-04"),
    ("on November 14th", 2023, "2023-11-14"),
    ("on the 3rd of March 2020", None, "2020-03-03"),
    ("on Friday", 2021, None),  # a weekday needs a dateline, not just a year
    ("the court may decide", None, None),
])
def test_parse_date(fragment, ref_year, expected):
    assert parse_date(fragment, ref_year=ref_year) == expected


@pytest.mark.parametrize("fragment, dateline, expected", [
    ("on Friday", date(2021, 7, 5), "2021-07-02"),      # Monday -> previous Friday
    ("on Monday", date(2021, 7, 5), "2021-07-05"),
    ("On June 30", date(2026, 2, 17), "2025-06-30"),   # not after the dateline
    ("On January 30", date(2026, 2, 17), "2026-01-30"),
    ("in December", date(2026, 2, 17), "2025-12"),
    ("last Tuesday", date(2023, 11, 23), "2023-11-21"),
    ("last Thursday", date(2023, 11, 23), "2023-11-16"),  # on a Thursday: a week earlier
    ("on Thursday", date(2023, 11, 23), "2023-11-23"),
])
def test_dates_resolve_against_dateline(fragment, dateline, expected):
    assert parse_date(fragment, dateline=dateline) == expected


def test_find_dates_keeps_spans():
    text = "He was detained in October 2023 and convicted on 30 June 2025."
    found = find_dates(text)
    assert [d.iso for d in found] == ["2023-10", "2025-06-30"]
    assert text[found[0].start:found[0].end] == "October 2023"


@pytest.mark.parametrize("head, expected", [
    ("Some headline\n17 February 2026\nBody text", date(2026, 2, 17)),
    ("Published: June 30, 2021 14:05\nBody", date(2021, 6, 30)),
    ("ASTANA, July 2, 2021 (Kazinform) - The court ...", date(2021, 7, 2)),
    ("28.10.2025\nBody", date(2025, 10, 28)),
    ("A report on 2021 events\nIn 2021 many were detained.", None),
    ("Kursiv, 23 November 2023\n\nBody", date(2023, 11, 23)),  # a byline before the date
    ("Tengrinews.kz | 5 May 2024\nBody", date(2024, 5, 5)),
    ("He said, 5 May 2024\nBody", None),  # a sentence, not a byline
    # Kazinform's house style, the body running on after the date
    ("Two akims detained\n\nKOKSHETAU. KAZINFORM – 12 March 2024. The anti-corruption service "
     "reports ...", date(2024, 3, 12)),
])
def test_document_dateline(head, expected):
    assert document_dateline(head) == expected
    assert document_year(head) == (expected.year if expected else None)


def test_dateline_span_covers_the_agency_dateline():
    text = "Headline\nASTANA, 14 June 2024 (Tengrinews) – The court ruled on Thursday."
    start, end = dateline_span(text)
    assert text[start:end].startswith("ASTANA, 14 June 2024")
    assert "court" not in text[start:end]
    assert dateline_span("No date here.\nNone at all.") is None


def test_agency_dateline_with_country_after_the_city():
    from kzwatch.text.dates import dateline_span, document_dateline

    text = "ATYRAU, Kazakhstan, July 12, 2022 (AP) — Oil workers walked out on Monday.\n"
    assert str(document_dateline(text)) == "2022-07-12"
    assert dateline_span(text) == (0, text.index("—") + 1)


@pytest.mark.parametrize("head, expected", [
    ("Headline\n\nMarch 3, 2022 09:15 GMT\nBy a correspondent\n\nBody", date(2022, 3, 3)),
    ("Headline\n\nBy Asel Nurova in Business on 12 May 2023\n\nBody", date(2023, 5, 12)),
    ("Headline\n\n(Geneva, 7 October 2024) – A report says ...", date(2024, 10, 7)),
])
def test_more_dateline_forms(head, expected):
    assert document_dateline(head) == expected


def test_hyphenated_amount_before_currency():
    assert parse_amount("accepting a 7 million-tenge bribe") == (7e6, "KZT")


# court press releases spell the number out in brackets
@pytest.mark.parametrize("text, expected", [
    ("a bribe in the amount of 4,500,000 (four million five hundred thousand) tenge",
     (4_500_000, "KZT")),
    ("money in the amount of 800 000 (eight hundred thousand) tenge", (800_000, "KZT")),
    ("a kickback of 20,000 (twenty thousand) US dollars", (20_000, "USD")),
])
def test_amount_with_spelled_number(text, expected):
    assert parse_amount(text) == expected


def test_wire_dateline_with_zone_and_update():
    text = "Headline here\n\nMarch 3, 2025 8:15 AM GMT+6  Updated 3 hours ago\n\nBody text."
    assert document_dateline(text) == date(2025, 3, 3)


@pytest.mark.parametrize("text, iso", [
    ("sentenced last month", "2025-02"),
    ("detained last year", "2024"),
    ("charged earlier this year", "2025"),
])
def test_relative_dates_against_dateline(text, iso):
    found = find_dates(text, dateline=date(2025, 3, 3), relative=True)
    assert [d.iso for d in found] == [iso]
    assert find_dates(text, dateline=date(2025, 3, 3)) == []  # opt-in only
