"""Protest events from invented passages in the forms chronologies and news reports use."""
from __future__ import annotations

import pytest

from kzwatch.cleaning import clean
from kzwatch.document import Document
from kzwatch.extract import protests
from kzwatch.text.places import canonical_place, find_places


def events(text: str) -> dict[tuple[str, str], object]:
    doc = Document.plain(text)
    got = protests.extract(doc)
    for e in got:  # evidence is verbatim by construction
        assert e.evidence in doc.original
    return {(e.event_date, e.location): e for e in got}


CHRONOLOGY = """The strikes of March 2019 spread along the railway.
March 3. Several hundred drivers gathered in Taraz near the regional akimat.
March 4. Police dispersed the rally in Taraz and detained 40 people. Workers in Shymkent and
Kyzylorda went on strike. The governor held talks with the strikers.
March 5. Protesters set fire to a police car in Shymkent. Internet access was restricted.
"""


def test_chronology_gives_a_row_per_place_per_day():
    got = events(CHRONOLOGY)
    assert set(got) == {("2019-03-03", "Taraz"), ("2019-03-04", "Taraz"),
                        ("2019-03-04", "Shymkent"), ("2019-03-04", "Kyzylorda"),
                        ("2019-03-05", "Shymkent")}
    assert got[("2019-03-04", "Taraz")].sub_event_type == "protest_with_intervention"
    assert got[("2019-03-04", "Taraz")].detained == 40
    assert got[("2019-03-03", "Taraz")].participants is None  # "several hundred"
    assert got[("2019-03-05", "Shymkent")].event_type == "riots"
    assert got[("2019-03-04", "Kyzylorda")].region == "Kyzylorda"


@pytest.mark.parametrize("text, expected", [
    ("On 12 June 2021, rallies were held in Almaty, Nur-Sultan and Uralsk.",
     {("2021-06-12", "Almaty"), ("2021-06-12", "Astana"), ("2021-06-12", "Oral")}),
    ("Supporters of the opposition took to the streets of Nur\nSultan on March 1, 2022.",
     {("2022-03-01", "Astana")}),
    ("In February 2020 clashes broke out in Masanchi and several houses were burned.",
     {("2020-02", "Masanchi")}),
    ("Pensioners picketed the akimat of Semipalatinsk in 1998 over unpaid pensions.",
     {("1998", "Semey")}),
    (("The rally began on April 24, 2016 in Atyrau, and two days later protesters gathered in "
     "Aktobe."), {("2016-04-24", "Atyrau"), ("2016-04-26", "Aktobe")}),
])
def test_places_and_dates(text, expected):
    assert set(events(text)) == expected


def test_month_row_dropped_when_the_day_is_known():
    text = ("The protests in Zhanaozen in December 2011 were the largest in years. "
            "On December 16, 2011, police opened fire on protesters in Zhanaozen.")
    got = events(text)
    assert set(got) == {("2011-12-16", "Zhanaozen")}
    assert got[("2011-12-16", "Zhanaozen")].sub_event_type == "excessive_force_against_protesters"


@pytest.mark.parametrize("text, field, value", [
    ("More than two thousand oil workers went on strike in Aktau on 5 May 2021.",
     "participants", 2000),
    ("Up to 3,000 people took part in the march in Almaty on 8 March 2020.",
     "participants", 3000),
    ("Hundreds of people rallied in Oral on 1 May 2020.", "participants", None),
    ("Between 1,000 and 2,000 people rallied in Oral on 1 May 2020.", "participants", None),
    ("On 4 January 2022 police detained 75 protesters in Aktobe.", "detained", 75),
    ("On 5 January 2022 twelve protesters were injured in clashes in Taraz.", "injured", 12),
])
def test_counts_for_one_place_and_day(text, field, value):
    (event,) = events(text).values()
    assert getattr(event, field) == value


def test_national_totals_are_not_event_counts():
    text = ("Protests continued in Almaty on January 7, 2022; nationwide, 26 people were killed "
            "and 3,800 were detained.")
    (event,) = events(text).values()
    assert (event.killed, event.detained) == (None, None)


def test_civilians_shot_dead_is_violence_against_civilians():
    text = ("On 6 January 2022 three residents were shot dead near the market in Almaty "
            "during the unrest.")
    (event,) = events(text).values()
    assert (event.event_type, event.sub_event_type) == ("violence_against_civilians", "attack")
    assert event.killed == 3


def test_dispersing_by_themselves_is_not_an_intervention():
    text = "On May 2, 2021 the protesters in Kulsary began to disperse peacefully."
    (event,) = events(text).values()
    assert event.sub_event_type == "peaceful_protest"


@pytest.mark.parametrize("text", [
    "The akim of Pavlodar opened a new school on September 1, 2021.",
    "A protest movement has long existed in Almaty.",  # no date
    "There were protests in Atyrau in the 1990s.",  # vaguer than a year
    ("The rally in Shymkent did not take place: the akimat refused permission on 3 May 2021 "
    "and nobody came."),
    "Protests in Almaty. Radio Azattyq. January 5, 2022. https://example.org/a/123",
    "In the Mangystau region, protests were reported on 2 January 2022.",  # a region, no town
    "The court in Astana sentenced the organisers of mass riots on 12 June 2023.",
    "He was charged with participation in an unauthorised rally in Oral on 3 March 2023.",
    "Officials gathered in Astana for a meeting on 5 May 2021.",
    "Analysts noted high protest moods in Aktobe in 2021.",
    "",
    "%%% 12 ;; ---",
])
def test_no_event(text):
    assert events(text) == {}


def test_records_carry_coordinates_and_evidence_from_the_original():
    original = ("Residents  of  Zhanaozen\nrallied on the central square on 2 January 2022 "
                "against the gas price.\n")
    doc = clean(original, "x.txt")
    (event,) = protests.extract(doc)
    assert event.location == "Zhanaozen" and event.region == "Mangystau"
    assert event.latitude == pytest.approx(43.34, abs=0.1)
    assert event.geo_precision == 1
    assert event.evidence == original[event.evidence_start:event.evidence_end]
    assert event.description and len(event.description) <= 200


def test_large_document_is_fast():
    import time

    text = (CHRONOLOGY + "\n\n" + "The economy of the region grew in 2019. " * 40) * 60
    start = time.perf_counter()
    protests.extract(Document.plain(text))
    assert time.perf_counter() - start < 3.0


@pytest.mark.parametrize("name, canonical, region", [
    ("Janaozen", "Zhanaozen", "Mangystau"),
    ("Alma-Ata", "Almaty", "Almaty"),
    ("NurSultan", "Astana", "Astana"),
    ("Taldykorgan", "Taldykorgan", "Jetisu"),
    ("Zhezkazgan", "Zhezkazgan", "Ulytau"),
    ("Kapchagay", "Konaev", "Almaty Region"),
    ("Semipalatinsk", "Semey", "Abai"),
    ("Uralsk", "Oral", "West Kazakhstan"),
    ("Жанаозен", "Zhanaozen", "Mangystau"),
])
def test_gazetteer_canonical_names(name, canonical, region):
    place = canonical_place(name)
    assert place is not None
    assert (place.name, place.region) == (canonical, region)


def test_gazetteer_skips_person_names_and_flags_regions():
    text = "Nursultan Nazarbayev visited Aktau; the Atyrau region and Ust-Kamenogorsk."
    found = [(text[m.start:m.end], m.place.name, m.is_region) for m in find_places(text)]
    assert found == [("Aktau", "Aktau", False), ("Atyrau", "Atyrau", True),
                     ("Ust-Kamenogorsk", "Oskemen", False)]


def test_news_dateline_and_abbreviated_month():
    text = ("ALMATY, Jan. 5, 2022 (Reuters) - Protesters stormed the mayor's office in Almaty "
            "and set it on fire, witnesses said.")
    got = events(text)
    assert set(got) == {("2022-01-05", "Almaty")}
    assert got[("2022-01-05", "Almaty")].event_type == "riots"


def test_day_without_year_takes_the_year_the_document_pairs_with_the_month():
    text = ("The April 2016 land protests spread quickly. On April 24 residents rallied in "
            "Atyrau against the land code.")
    assert set(events(text)) == {("2016-04-24", "Atyrau")}


def test_chronology_with_full_dates_as_headings():
    text = ("Timeline\n"
            "5 January 2022: Protesters seized the akimat in Aktobe.\n"
            "6 January 2022: Residents gathered again in Aktobe and in Oral.\n")
    got = events(text)
    assert set(got) == {("2022-01-05", "Aktobe"), ("2022-01-06", "Aktobe"),
                        ("2022-01-06", "Oral")}
    assert got[("2022-01-05", "Aktobe")].sub_event_type == "violent_demonstration"


def test_dateline_is_not_an_event_place_and_later_totals_are_not_event_counts():
    text = ("ALMATY -- Thousands of protesters stormed the akimat in Aktobe on January 5, 2022.\n"
            "Officials said the unrest in the city left 12 people dead and 300 injured.")
    got = events(text)
    assert set(got) == {("2022-01-05", "Aktobe")}
    event = got[("2022-01-05", "Aktobe")]
    assert (event.killed, event.injured, event.participants) == (None, None, None)


def test_weekday_resolves_against_the_dateline():
    text = ("ASTANA, June 30, 2021 (Kazinform) - A court fined a blogger.\n"
            "Hundreds of people rallied in Oral on Tuesday against gas prices.")
    assert set(events(text)) == {("2021-06-29", "Oral")}


@pytest.mark.parametrize("text, key, sub_event, counts", [
    (("On 16 December 2019, security forces opened fire on striking miners in Temirtau, "
      "killing at least 4 people and injuring over 20."),
     ("2019-12-16", "Temirtau"), "excessive_force_against_protesters",
     {"killed": 4, "injured": 20}),
    ("Inter-ethnic clashes on 7-8 February 2020 left 11 people dead in Masanchi.",
     ("2020-02", "Masanchi"), "mob_violence", {"killed": 11}),
    ("About 500 residents of Zhanatas blocked the highway on 22 February 2019.",
     ("2019-02-22", "Zhanatas"), "peaceful_protest", {"participants": 500}),
    (("On June 6, 2021, some 200 supporters of the party gathered in Almaty; police detained "
      "30 of them."),
     ("2021-06-06", "Almaty"), "protest_with_intervention",
     {"participants": 200, "detained": 30}),
])
def test_report_forms(text, key, sub_event, counts):
    got = events(text)
    assert set(got) == {key}
    assert got[key].sub_event_type == sub_event
    for field, value in counts.items():
        assert getattr(got[key], field) == value


# ---------------------------------------------------------------- forms of real reports
# (invented names, numbers and wording; each test is one general form of English news)

LIST_CHRONOLOGY = """2016 in Kazakhstan

Events

April

  • April 6 - About 90 residents of Arys gather outside the district akimat over water cuts.
  • April 7 - Water protests
      • Reporters count around 400 people on the square outside the Arys akimat.
      • Police clear the square in Kentau with batons; 12 people are detained.
      • Protesters in Rudny set three police cars on fire.
  • April 9 - Mobile internet is cut in Rudny.
"""


def test_bulleted_chronology_in_the_present_tense_takes_the_title_year():
    got = events(LIST_CHRONOLOGY)
    assert got[("2016-04-06", "Arys")].participants == 90
    assert got[("2016-04-07", "Arys")].participants == 400
    assert (got[("2016-04-07", "Kentau")].sub_event_type,
            got[("2016-04-07", "Kentau")].detained) == ("protest_with_intervention", 12)
    assert got[("2016-04-07", "Rudny")].sub_event_type == "violent_demonstration"
    assert got[("2016-04-09", "Rudny")].sub_event_type == "other"


def test_respectively_pairs_turnouts_with_places_in_order():
    text = ("Similar pickets were held in Kokshetau on 2 May 2022 and in Stepnogorsk on "
            "9 May 2022, with about 35 and 70 teachers taking part, respectively.")
    got = events(text)
    assert got[("2022-05-02", "Kokshetau")].participants == 35
    assert got[("2022-05-09", "Stepnogorsk")].participants == 70


def test_a_figure_broken_down_by_place():
    text = ("On 14 March 2021 unauthorised rallies were held in Aktobe, Kostanay and Oral. In "
            "all, 31 people were taken to police stations: in Aktobe – 17, in Kostanay – 9, "
            "in Oral – 5.")
    got = events(text)
    assert {k[1]: v.detained for k, v in got.items()} == {"Aktobe": 17, "Kostanay": 9,
                                                           "Oral": 5}
    assert all(v.sub_event_type == "protest_with_intervention" for v in got.values())


def test_undated_sentences_of_a_report_tell_its_news_day():
    text = ("Dozens held as opposition tries to rally\n\n"
            "A protester is led away in Aktobe, Kazakhstan, May 1, 2021.\n\n"
            "More than 50 people were detained across Kazakhstan on Saturday as opposition "
            "supporters tried to rally.\n\n"
            "Witnesses said about 30 people had been held across Aktobe.\n\n"
            "A local reporter counted 14 detentions in Kostanay, while in Oral as many as "
            "nine people had been taken away.")
    got = events(text)
    assert got[("2021-05-01", "Aktobe")].detained == 30
    assert got[("2021-05-01", "Kostanay")].detained == 14
    assert got[("2021-05-01", "Oral")].detained == 9


def test_a_trial_is_no_event_but_a_detention_is_an_arrest():
    assert events("After the protests, a court in Taraz on 3 June 2022 found four men guilty "
                  "of attempting to seize the akimat.") == {}
    text = ("The strike at the plant went on. On 9 August 2019 its leader was detained by "
            "police in Balkhash and charged with inciting discord.")
    (event,) = events(text).values()
    assert (event.event_type, event.sub_event_type) == ("strategic_developments", "arrests")


def test_a_clause_set_years_earlier_is_not_the_days_type():
    text = ("On 5 June 2020 some 60 relatives laid flowers on the square of Zhanatas, where, "
            "nine years earlier, police opened fire on a crowd of strikers.")
    (event,) = events(text).values()
    assert event.sub_event_type == "peaceful_protest"


def test_a_where_clause_tells_of_its_own_place():
    text = ("On 3 April 2023 protests spread from Kulsary to Makat, where demonstrators set a "
            "police car on fire.")
    got = events(text)
    assert got[("2023-04-03", "Makat")].sub_event_type == "violent_demonstration"
    assert got[("2023-04-03", "Kulsary")].sub_event_type == "peaceful_protest"


def test_last_weekend_in_a_dated_report_is_its_month():
    text = ("ASTANA, September 16, 2020 (Steppe Wire) – About thirty pensioners held a picket on "
            "Wednesday outside the ministry in Astana. Last weekend police detained some 15 "
            "people at a similar protest in Karaganda.")
    got = events(text)
    assert got[("2020-09-16", "Astana")].participants == 30
    assert got[("2020-09", "Karaganda")].detained == 15


def test_a_live_blog_with_times_closed_by_a_full_stop():
    text = ("What happened in Arys on 4 May 2021\n\n"
            "21:10. Police said 19 people had been detained over the day.\n\n"
            "18:30. In Arys, a crowd of about 200 threw stones at the akimat.\n\n"
            "12:05. Around 350 people gathered outside the Arys akimat.\n")
    (event,) = events(text).values()
    assert (event.event_date, event.sub_event_type, event.participants) == (
        "2021-05-04", "violent_demonstration", 350)


def test_an_episode_named_by_its_month_sets_the_scene():
    text = ("I will report on the investigation of the events of early March 2021. During "
            "those days, 200 shops came under attack in Kentau and Arys.")
    got = events(text)
    assert {k for k in got} == {("2021-03", "Kentau"), ("2021-03", "Arys")}
    assert all(v.sub_event_type == "violent_demonstration" for v in got.values())


def test_a_street_or_a_second_road_end_is_no_venue():
    text = ("On 2 June 2022 drivers blocked the Taraz–Shymkent highway near Kordai and marched "
            "along Abai Street.")
    assert set(events(text)) == {("2022-06-02", "Kordai")}


def test_a_list_of_episodes_gives_each_place_its_own_type():
    text = ("The crisis went in stages: a peaceful rally over gas prices in Aktau on "
            "3 March 2021, strikes that spread within days, and finally the descent of Taraz "
            "into riots and arson on 6 March 2021.")
    got = events(text)
    assert got[("2021-03-03", "Aktau")].sub_event_type == "peaceful_protest"
    assert got[("2021-03-06", "Taraz")].sub_event_type == "violent_demonstration"


def test_a_bare_day_in_a_dated_report_is_the_last_such_day_before_it():
    text = ("Feb 3, 2024\n\nThe unrest of January 2022 still shapes politics. On January 12, "
            "around 40 residents of Kandyagash gathered outside the akimat over water cuts.")
    assert set(events(text)) == {("2024-01-12", "Kandyagash")}


def test_a_strike_that_ended_the_next_day_is_an_event_on_both_days():
    text = ("On 4 May 2021 about 300 drivers of a bus depot in Rudny stopped work over unpaid "
            "wages; the strike ended the following day after the owner paid.")
    got = events(text)
    assert got[("2021-05-04", "Rudny")].participants == 300
    assert ("2021-05-05", "Rudny") in got


def test_a_posting_time_is_not_the_event_date():
    text = ("12.09.2022, 10:15\nAbout 150 miners near Saran refused to go underground on "
            "September 11, demanding safety gear.")
    assert set(events(text)) == {("2022-09-11", "Saran")}


def test_nobody_detained_is_no_detention():
    text = ("In May 2024 about fifty relatives held up posters outside the court in Rudny. "
            "Nobody was detained.")
    (event,) = events(text).values()
    assert (event.sub_event_type, event.detained) == ("peaceful_protest", None)


def test_a_district_office_names_its_town():
    text = "On 3 March 2020 around 200 people gathered outside the Arys district akimat."
    assert set(events(text)) == {("2020-03-03", "Arys")}


def test_coordinated_days_give_an_event_on_each():
    text = ("KOSTANAY, Kazakhstan, June 12, 2024 (Steppe Wire) - Farmers protested in Arkalyk "
            "on Monday and Tuesday against a ban on grain exports.")
    assert set(events(text)) == {("2024-06-10", "Arkalyk"), ("2024-06-11", "Arkalyk")}


def test_last_year_in_a_dated_report_is_a_year():
    text = ("Feb 3, 2024\n\nThe agency detained a deputy akim on Friday. Last year, residents "
            "of Rudny staged a protest against utility bills.")
    assert set(events(text)) == {("2023", "Rudny")}


@pytest.mark.parametrize("text", [
    "A rally was held in Aktobe on 31 February 2022; about 200 people took part.",
    "On February 30, 2023 residents protested in Taraz against water cuts.",
])
def test_an_impossible_date_dates_no_event(text):
    """Issue 10, item 7: an invalid date is no date (not the month before, not the next)."""
    assert [key for key in events(text) if key[0] is not None] == []


def test_an_impossible_date_is_not_replaced_by_the_dateline():
    text = "ATYRAU, March 3, 2023 - On 31 February protesters rallied in Atyrau."
    assert events(text) == {}
