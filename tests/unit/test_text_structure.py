"""Document structure (kzwatch.text.structure) and discourse (kzwatch.text.discourse), on
invented text."""
from __future__ import annotations

from datetime import date

from kzwatch.text.daterefs import month_years
from kzwatch.text.discourse import BACK_REFERENCE, is_source
from kzwatch.text.places import find_places
from kzwatch.text.structure import (
    chronology_blocks,
    is_dateline,
    is_route,
    publication_date,
    recent_periods,
    report_date,
    settlement_entries,
    title_year,
    weekday_dates,
)


def test_dateline_is_not_an_event_place():
    text = "KOSTANAY -- Farmers blocked a road near Rudny on Friday."
    assert is_dateline(text, 0)
    assert not is_dateline(text, text.index("Rudny"))


def test_route_and_street_are_not_places():
    text = "They blocked the Rudny-Lisakovsk highway and marched along Kentau Avenue in Arys."
    places = {p.place.name: p for p in find_places(text)}
    assert is_route(text, places["Rudny"])
    assert is_route(text, places["Kentau"])
    assert not is_route(text, places["Arys"])


def test_title_year():
    assert title_year("2017 in Kazakhstan\n\nMarch\n\n• March 4 - ...") == 2017
    assert title_year("Strikes of 2009 and 2010\n\nText") is None
    assert title_year("A quiet week in the steppe\n\nText") is None


def test_bulleted_chronology_takes_the_title_year():
    text = ("2017 in Kazakhstan\n\nEvents\n\n"
            "  • March 4 - About 80 residents of Arys gather outside the akimat.\n"
            "  • March 5 - Police disperse a rally in Kentau.\n")
    blocks = chronology_blocks(text, month_years(text))
    assert [(b[2].year, b[2].month, b[2].day) for b in blocks] == [(2017, 3, 4), (2017, 3, 5)]


def test_settlement_entries_of_a_chronology():
    text = ("12 March 2021. Protests spread.\n\nArys. About 90 residents gathered.\n\n"
            "Kentau. Police dispersed a picket.\n\n13 March 2021. Calm returned.\n")
    blocks = chronology_blocks(text, month_years(text))
    names = [entry[2].place.name for entry in settlement_entries(text, blocks)]
    assert names == ["Arys", "Kentau"]


def test_publication_and_report_date():
    wire = "SHYMKENT, Kazakhstan, May 3, 2021 (AP) — Traders rallied on Monday."
    assert publication_date(wire) == date(2021, 5, 3)
    caption = ("Traders rally\n\nA trader holds a placard in Arys, Kazakhstan, April 10, 2021.\n\n"
               "About 50 traders protested on Saturday.")
    assert report_date(caption) == date(2021, 4, 10)


def test_weekday_counts_back_from_the_report_date():
    text = "Workers went on strike on Monday."
    (ref,) = weekday_dates(text, 0, len(text), date(2021, 4, 10))  # a Saturday
    assert (ref.year, ref.month, ref.day) == (2021, 4, 5)


def test_back_reference_and_source():
    assert BACK_REFERENCE.search("Police dispersed the picket within an hour.")
    assert BACK_REFERENCE.search("Four of them were fined.")
    assert not BACK_REFERENCE.search("Prices rose by a tenth.")
    text = "According to the Arys district police department, nine people were fined."
    (arys,) = find_places(text)
    assert is_source(text, arys)


def test_title_year_reads_a_date_line_in_any_language():
    assert title_year("4051\n12 июня 2019\nA reporter\n\nText") == 2019


def test_recent_periods_at_month_precision():
    text = "Last weekend farmers rallied; last month drivers struck."
    refs = recent_periods(text, 0, len(text), date(2020, 9, 3))
    assert [(r.year, r.month, r.day) for r in refs] == [(2020, 8, None), (2020, 8, None)]


def test_relative_weeks_and_the_same_day():
    from kzwatch.text.daterefs import RELATIVE_DAYS

    week = RELATIVE_DAYS.search("A week later, smaller rallies were held.")
    assert week and week.group("unit") == "week"
    assert RELATIVE_DAYS.search("On the same day, in Arys, ten people gathered.").group("same")


def test_coordinated_weekdays_and_news_day_words():
    from kzwatch.text.structure import news_day_dates

    text = "Drivers struck on Monday and Tuesday; more gathered yesterday and today."
    days = weekday_dates(text, 0, len(text), date(2024, 6, 12))  # a Wednesday
    assert [(r.month, r.day) for r in days] == [(6, 10), (6, 11)]
    news = news_day_dates(text, 0, len(text), date(2024, 6, 12))
    assert [(r.month, r.day) for r in news] == [(6, 11), (6, 12)]
    assert news_day_dates("A reporter for Steppe Today said so.", 0, 36, date(2024, 6, 12)) == []
