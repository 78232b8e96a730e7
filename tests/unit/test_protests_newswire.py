"""Protest events from invented passages in the styles real sources use: wire reports with
datelines, RFE/RL and Eurasianet news, HRW / Amnesty reports, ACLED-style chronologies."""
from __future__ import annotations

import pytest

from kzwatch.document import Document
from kzwatch.extract import protests
from kzwatch.text.places import canonical_place, find_places


def events(text: str) -> dict[tuple[str, str], object]:
    doc = Document.plain(text)
    got = protests.extract(doc)
    for e in got:
        assert e.evidence in doc.original
    return {(e.event_date, e.location): e for e in got}


CHRONOLOGY = """Chronology of the January events
January 2, 2022 – Residents of Zhanaozen gathered on the central square to protest a sharp rise \
in liquefied gas prices.
January 3, 2022 – Protests spread to Aktau, Atyrau and Uralsk; in Aktau, about 5,000 people \
remained on the square overnight.
January 4, 2022 – In Almaty, police used stun grenades and tear gas against thousands of \
protesters; rallies were also held in Shymkent, Taraz and Kyzylorda.
January 5, 2022 – Rioters stormed and set fire to the mayor's office in Almaty; in Taldykorgan, \
protesters toppled a monument to the first president.
"""

# passage -> {(date, place): {field: value}}; the key set must match exactly
PASSAGES = {
    "rally_with_count_and_detentions": (
        "ALMATY -- More than 1,000 people rallied in Almaty on September 21, 2019, demanding "
        "the release of political prisoners, and police detained at least 57 of them, the "
        "Interior Ministry said.",
        {("2019-09-21", "Almaty"): {"sub_event_type": "protest_with_intervention",
                                    "participants": 1000, "detained": 57}}),
    "unsanctioned_rally_dispersed": (
        "NUR-SULTAN, June 6, 2021 (RFE/RL) - Police in Nur-Sultan dispersed an unsanctioned "
        "rally organised by the banned Democratic Choice of Kazakhstan movement on June 6 and "
        "detained dozens of participants.",
        {("2021-06-06", "Astana"): {"sub_event_type": "protest_with_intervention",
                                    "detained": None, "participants": None}}),
    "chronology_several_cities": (
        CHRONOLOGY,
        {("2022-01-02", "Zhanaozen"): {"sub_event_type": "peaceful_protest"},
         ("2022-01-03", "Aktau"): {"participants": 5000},
         ("2022-01-03", "Atyrau"): {"participants": None},
         ("2022-01-03", "Oral"): {"region": "West Kazakhstan"},
         ("2022-01-04", "Almaty"): {"sub_event_type": "protest_with_intervention"},
         ("2022-01-04", "Shymkent"): {"sub_event_type": "peaceful_protest"},
         ("2022-01-04", "Taraz"): {"sub_event_type": "peaceful_protest"},
         ("2022-01-04", "Kyzylorda"): {"sub_event_type": "peaceful_protest"},
         ("2022-01-05", "Almaty"): {"event_type": "riots"},
         ("2022-01-05", "Taldykorgan"): {"sub_event_type": "violent_demonstration",
                                         "region": "Jetisu"}}),
    "looting_arson_deaths": (
        "Looters ransacked shops and set cars ablaze in Almaty on Jan. 6, 2022, as gunfire "
        "echoed through the city centre, and at least eight people were killed in the city, "
        "local authorities said.",
        {("2022-01-06", "Almaty"): {"event_type": "riots", "killed": 8}}),
    "troops_fire_into_crowd": (
        "Troops fired live rounds into a crowd of protesters outside the regional akimat in "
        "Taraz on 5 January 2022, killing five people and wounding dozens, relatives of the "
        "victims told Human Rights Watch.",
        {("2022-01-05", "Taraz"): {"sub_event_type": "excessive_force_against_protesters",
                                   "killed": 5, "injured": None}}),
    "hrw_opened_fire": (
        "On January 5, 2022, in Almaty, security forces opened fire on a peaceful crowd in "
        "Republic Square, killing at least 10 people, witnesses told Human Rights Watch.",
        {("2022-01-05", "Almaty"): {"sub_event_type": "excessive_force_against_protesters",
                                    "killed": 10}}),
    "month_precision_picket": (
        "In March 2019 dozens of mothers of large families picketed the akimat in Shymkent, "
        "demanding housing and higher child benefits.",
        {("2019-03", "Shymkent"): {"sub_event_type": "peaceful_protest", "participants": None}}),
    "oil_strike_weekday_after_dateline": (
        "ATYRAU, Kazakhstan, July 12, 2022 (AP) — About 800 oil workers went on strike on "
        "Monday in Kulsary, demanding a 30 percent pay rise, a union representative said.",
        {("2022-07-11", "Kulsary"): {"participants": 800, "region": "Atyrau"}}),
    "figures_in_words_crowd_of": (
        "Twenty-six people were detained in Aktobe on 5 January 2022 after a crowd of up to "
        "2,000 stormed the regional akimat.",
        {("2022-01-05", "Aktobe"): {"sub_event_type": "violent_demonstration", "detained": 26,
                                    "participants": 2000}}),
    "range_is_not_a_count": (
        "Between 300 and 500 people rallied in Semey on 10 October 2020 against the "
        "construction of a chemical plant; hundreds more watched from nearby streets.",
        {("2020-10-10", "Semey"): {"participants": None, "region": "Abai"}}),
    "dash_range_is_not_a_count": (
        "On 10 October 2020, 300–500 people rallied in Semey against the construction of a "
        "chemical plant.",
        {("2020-10-10", "Semey"): {"participants": None}}),
    "more_than_a_thousand": (
        "More than a thousand people marched through the centre of Almaty on 26 February 2022 "
        "against the war in Ukraine.",
        {("2022-02-26", "Almaty"): {"participants": 1000}}),
    "acled_follow_on_sentence": (
        "On 6 June 2021, around 30 supporters of the banned opposition movement staged a "
        "protest in Almaty. Police dispersed the protest and detained 12 participants.",
        {("2021-06-06", "Almaty"): {"sub_event_type": "protest_with_intervention",
                                    "participants": 30, "detained": 12}}),
    "eurasianet_weekday_and_follow_on": (
        "March 15, 2022\n\nDozens of women rallied outside the akimat in Shymkent on Tuesday, "
        "demanding that the city provide them with housing. Police detained three of them.",
        {("2022-03-15", "Shymkent"): {"sub_event_type": "protest_with_intervention",
                                      "detained": 3}}),
    "number_of_protesters_exceeded": (
        "Residents of Aktobe gathered on the square in front of the regional akimat on "
        "4 January 2022. By the evening the number of protesters exceeded three thousand.",
        {("2022-01-04", "Aktobe"): {"participants": 3000}}),
    "words_and_journalists": (
        "In Oral, about forty people came out to the square on 1 March 2020 for an "
        "unsanctioned rally; police detained six of them, including two journalists.",
        {("2020-03-01", "Oral"): {"sub_event_type": "protest_with_intervention",
                                  "participants": 40, "detained": 6}}),
    "amnesty_detention_of": (
        "Amnesty International documented the arbitrary detention of at least 25 peaceful "
        "protesters in Astana on 1 May 2022.",
        {("2022-05-01", "Astana"): {"sub_event_type": "protest_with_intervention",
                                    "detained": 25}}),
    "strike_in_two_towns_by_month": (
        "In August 2023, about 1,000 workers of a copper company in Zhezkazgan and Satpayev "
        "went on strike demanding higher wages.",
        {("2023-08", "Zhezkazgan"): {"participants": None, "region": "Ulytau"},
         ("2023-08", "Satpayev"): {"participants": None}}),
    "hunger_strike": (
        "Twelve miners went on hunger strike underground at a mine in Shakhtinsk on "
        "3 September 2021.",
        {("2021-09-03", "Shakhtinsk"): {"participants": 12}}),
    "road_named_after_towns": (
        "Hundreds of residents of Zhanatas blocked the Taraz-Zhanatas highway on "
        "22 February 2019, demanding the resignation of the akim.",
        {("2019-02-22", "Zhanatas"): {"participants": None}}),
    "date_after_the_place": (
        "Protests broke out in Zhanaozen on January 2, 2022 and spread to Aktau on January 3.",
        {("2022-01-02", "Zhanaozen"): {}, ("2022-01-03", "Aktau"): {}}),
    "relative_day_after_the_place": (
        "The price of liquefied gas doubled on January 1, 2022, prompting protests in "
        "Zhanaozen the next day.",
        {("2022-01-02", "Zhanaozen"): {}}),
    "numeric_date_of_a_news_agency": (
        "On 05.01.2022 protesters seized the akimat building in Aktobe.",
        {("2022-01-05", "Aktobe"): {"event_type": "riots"}}),
    "spaced_thousands": (
        "More than 1 000 people rallied in Oral on 1 May 2020 against gas prices.",
        {("2020-05-01", "Oral"): {"participants": 1000}}),
    "strong_crowd": (
        "On 5 May 2021 a 2,000-strong crowd marched through Taraz.",
        {("2021-05-05", "Taraz"): {"participants": 2000}}),
    "rally_of_about": (
        "A rally of about 300 people was held in Kostanay on 5 May 2021.",
        {("2021-05-05", "Kostanay"): {"participants": 300}}),
    "town_added_to_gazetteer": (
        "Oil workers in Zhetybai went on strike on 14 March 2023 over unpaid bonuses.",
        {("2023-03-14", "Zhetybai"): {"region": "Mangystau"}}),
}


@pytest.mark.parametrize("name", list(PASSAGES))
def test_passage_events(name):
    text, expected = PASSAGES[name]
    got = events(text)
    assert set(got) == set(expected)
    for key, fields in expected.items():
        for field, value in fields.items():
            assert getattr(got[key], field) == value, (key, field)


@pytest.mark.parametrize("text", [
    # a place known only by its region is no event row (the contract's location is a town)
    ("In the Mangystau region, several hundred workers of an oilfield services company went "
     "on strike on 14 March 2023, demanding higher wages."),
    # one person is not a gathering
    "A lone protester held up a blank sheet of paper in Almaty on 6 January 2023.",
    # figures about the economy, not protest
    ("Kazakhstan's population reached 20 million in 2023, while GDP grew by 5.1 percent. The "
     "tenge traded at 460 to the US dollar, and some 3,500 people attended a concert in Astana "
     "on 5 May 2023."),
    # corruption, not protest
    ("A deputy akim of Atyrau region was detained on 3 May 2023 while receiving a bribe of "
     "20 million tenge."),
])
def test_no_event(text):
    assert events(text) == {}


def test_a_lone_picketer_detained_is_an_arrest_not_a_protest():
    # one person is no gathering (ACLED: three or more), but the detention tied to a place
    # and day is a strategic development: arrests
    text = ("Activist Dana Kopbayeva staged a single-person picket outside the akimat in Oral on "
            "3 May 2023 and was detained by police within minutes.")
    (event,) = events(text).values()
    assert (event.event_type, event.sub_event_type) == ("strategic_developments", "arrests")


def test_protest_against_a_detention_is_not_an_intervention():
    text = ("On 1 February 2022 relatives rallied in front of the prosecutor's office in Almaty. "
            "The protest was directed against the detention of innocent people.")
    (event,) = events(text).values()
    assert event.sub_event_type == "peaceful_protest"


def test_follow_on_evidence_covers_the_added_fact():
    text = ("On 6 June 2021, around 30 supporters staged a protest in Almaty. Police dispersed "
            "the protest and detained 12 participants.")
    (event,) = events(text).values()
    assert "detained 12" in event.evidence


def test_a_rally_then_an_unrelated_detention_count_is_not_the_rallys():
    text = ("On 6 June 2021 some 200 people rallied in Almaty. Police detained 40 people in "
            "connection with drug trafficking.")
    (event,) = events(text).values()
    assert (event.participants, event.detained) == (200, None)


def test_clause_of_another_verb_does_not_give_the_count():
    text = "About 200 people rallied in Almaty on 5 May 2021, and police detained dozens."
    (event,) = events(text).values()
    assert (event.participants, event.detained) == (200, None)


@pytest.mark.parametrize("name, canonical, region", [
    ("Zhetybay", "Zhetybai", "Mangystau"),
    ("Kazalinsk", "Kazaly", "Kyzylorda"),
    ("Chilik", "Shelek", "Almaty Region"),
    ("Zyryanovsk", "Altai", "East Kazakhstan"),
    ("Guriev", "Atyrau", "Atyrau"),
    ("Makat", "Makat", "Atyrau"),
    ("Shieli", "Shieli", "Kyzylorda"),
])
def test_gazetteer_towns(name, canonical, region):
    place = canonical_place(name)
    assert place is not None and (place.name, place.region) == (canonical, region)
    assert [m.place.name for m in find_places(f"Workers rallied in {name} today.")] == [canonical]


SETTLEMENT_CHRONOLOGY = """PENSION PROTESTS IN THE NORTH: A DAY-BY-DAY ACCOUNT

Monday, 3 March 2025

Petropavl (North Kazakhstan region). Around 250 pensioners gathered outside the regional \
akimat, demanding that the reform adopted on 1 February be withdrawn. The rally was calm.

Kostanay. In the afternoon dozens of teachers held a rally in solidarity with Petropavl.

Tuesday, 4 March 2025

Pavlodar. Police broke up a rally of about 120 people near the central mosque; 14 people \
were detained. Officers used batons against several participants.

Petropavl. The protest continued. Late at night police detained activist Marat Seitkali, one \
of the organisers. On 6 March a court placed him under arrest on charges of organising mass \
riots.

Kokshetau. Units of the National Guard arrived in the city overnight. No rallies were \
reported there.

Summary

In total 60 people were detained in the country.
"""


def test_chronology_by_day_and_settlement():
    got = events(SETTLEMENT_CHRONOLOGY)
    assert set(got) == {("2025-03-03", "Petropavl"), ("2025-03-03", "Kostanay"),
                        ("2025-03-04", "Pavlodar"), ("2025-03-04", "Petropavl"),
                        ("2025-03-04", "Kokshetau")}
    first = got[("2025-03-03", "Petropavl")]
    assert (first.sub_event_type, first.participants) == ("peaceful_protest", 250)
    dispersed = got[("2025-03-04", "Pavlodar")]
    assert (dispersed.sub_event_type, dispersed.participants, dispersed.detained) == (
        "protest_with_intervention", 120, 14)
    # a named activist detained later, and a charge of "mass riots", are a case, not the type
    assert got[("2025-03-04", "Petropavl")].sub_event_type == "peaceful_protest"
    troops = got[("2025-03-04", "Kokshetau")]
    assert (troops.event_type, troops.sub_event_type) == ("strategic_developments", "other")


def test_riot_police_is_no_riot_and_toll_after_dispersal():
    text = ("SEMEY, Kazakhstan, May 12, 2024 (Reuters) - Police in Kazakhstan's northeastern "
            "city Semey detained 21 people on Sunday as they broke up a rally over water "
            "prices.\n\nAbout 400 people had gathered by the river before riot police pushed "
            "the crowd back. Three protesters were taken to hospital, medics said.")
    (event,) = events(text).values()
    assert (event.event_type, event.sub_event_type) == ("protests", "protest_with_intervention")
    assert (event.participants, event.detained, event.injured) == (400, 21, 3)


def test_weekday_in_sentence_case_and_placards():
    text = ("May 12, 2024\n\nOn Saturday, some forty people held a rally in a square in Taraz. "
            "In Aktobe, four students holding banners were detained on Sunday.")
    got = events(text)
    assert set(got) == {("2024-05-11", "Taraz"), ("2024-05-12", "Aktobe")}
    assert got[("2024-05-12", "Aktobe")].sub_event_type == "protest_with_intervention"


def test_passage_place_carries_to_later_dated_sentences():
    text = ("4.2 Clashes in Kentau\n\nThe worst violence occurred in the town of Kentau. On the "
            "night of 8 May 2023 a brawl between local youths and seasonal workers escalated into "
            "riots: a crowd set cars on fire. Three people were killed and 20 injured. Police "
            "detained 31 people that night.\n\nOn 9 May, several hundred residents gathered in "
            "front of the akimat, demanding jobs for locals.")
    got = events(text)
    assert set(got) == {("2023-05-08", "Kentau"), ("2023-05-09", "Kentau")}
    riot = got[("2023-05-08", "Kentau")]
    assert (riot.sub_event_type, riot.killed, riot.injured, riot.detained) == (
        "mob_violence", 3, 20, 31)
    assert got[("2023-05-09", "Kentau")].sub_event_type == "peaceful_protest"


def test_month_written_with_the_protest_continues_the_place():
    text = ("On 2 June 2024, police in Ekibastuz detained the head of the miners' union. He is "
            "accused of calling for an illegal strike in connection with the pay protests at the "
            "coal mine in April.")
    assert set(events(text)) == {("2024-04", "Ekibastuz")}


@pytest.mark.parametrize("text", [
    # an announced rally is not one held
    ("Saule Ermekova, a teacher from Taraz, in May 2024 announced a rally against the closure "
     "of her school."),
    # a section heading names a topic; its date comes from the text under it
    ("In March 2023 the court sentenced him to three years.\n\n5.1 Strike in Zhetybai\n\n"
     "Oil workers in Zhetybai went on strike on 14 April 2023."),
])
def test_not_an_event_of_its_own(text):
    assert set(events(text)) <= {("2023-04-14", "Zhetybai")}


def test_a_largest_strike_and_stopping_work():
    text = ("The biggest strike of the year began on 2 August 2023, when some 900 workers of the "
            "copper plant in Balkhash stopped work.")
    (event,) = events(text).values()
    assert (event.event_date, event.location, event.participants) == ("2023-08-02", "Balkhash",
                                                                      900)


LIVE_BLOG = """Live updates: fuel price protests. Blog opened on Thursday, 6 March 2025.

THURSDAY, 6 MARCH

08:15 – Temirtau. About 90 drivers have blocked the road to the steel plant gate.

10:05 – The Temirtau akimat says talks will start at noon.

12:40 – In Pavlodar, about 250 people gathered on the square outside the regional akimat.

16:30 – Pavlodar: police have begun pushing people off the square. The city police said 8 people \
were detained.

FRIDAY, 7 MARCH

09:10 – Temirtau: some 140 drivers gathered again at the plant gate. The crowd dispersed by \
evening without incident.

11:00 – Pavlodar. A crowd of about 400 has returned to the square.

13:20 – Pavlodar: young men threw stones at a police cordon and a bus was set on fire.

SATURDAY, 8 MARCH

07:30 – Pavlodar: mobile internet is not working in the centre; the square is fenced off.
"""


def test_live_blog_with_capital_day_headings_and_timed_entries():
    got = events(LIVE_BLOG)
    assert set(got) == {("2025-03-06", "Temirtau"), ("2025-03-06", "Pavlodar"),
                        ("2025-03-07", "Temirtau"), ("2025-03-07", "Pavlodar"),
                        ("2025-03-08", "Pavlodar")}
    assert got[("2025-03-06", "Temirtau")].participants == 90
    first = got[("2025-03-06", "Pavlodar")]
    assert (first.sub_event_type, first.participants, first.detained) == (
        "protest_with_intervention", 250, 8)
    # "the crowd dispersed by evening" is no police dispersal
    assert got[("2025-03-07", "Temirtau")].sub_event_type == "peaceful_protest"
    second = got[("2025-03-07", "Pavlodar")]
    assert (second.sub_event_type, second.participants) == ("violent_demonstration", 400)
    assert got[("2025-03-08", "Pavlodar")].event_type == "strategic_developments"


def test_year_review_months_origins_and_occasion_dates():
    text = ("Assemblies remained restricted in 2022. Protest flared briefly after the June 5 "
            "referendum. In May, pensioners picketed the akimat in Petropavl and the regional "
            "administration in Kokshetau. In October police dispersed a gathering of jobless "
            "men from Zhanatas who had come to Taraz to demand work. Seven participants were "
            "detained.")
    got = events(text)
    assert set(got) == {("2022-05", "Petropavl"), ("2022-05", "Kokshetau"),
                        ("2022-10", "Taraz")}
    assert (got[("2022-10", "Taraz")].sub_event_type, got[("2022-10", "Taraz")].detained) == (
        "protest_with_intervention", 7)


def test_live_blog_of_one_day_takes_the_date_of_its_header():
    text = ("LIVE: Bread price protests. Updated on 9 October 2024.\n\n"
            "10:05 – Kyzylorda. About 350 people gathered outside the regional akimat.\n\n"
            "11:30 – Aralsk: drivers blocked the road to the station; police detained 6 people.\n\n"
            "12:45 – The ministry promised to review the prices.\n")
    got = events(text)
    assert set(got) == {("2024-10-09", "Kyzylorda"), ("2024-10-09", "Aralsk")}
    assert got[("2024-10-09", "Kyzylorda")].participants == 350
    assert (got[("2024-10-09", "Aralsk")].sub_event_type,
            got[("2024-10-09", "Aralsk")].detained) == ("protest_with_intervention", 6)


def test_timed_entries_without_a_dash_and_relatives_counted():
    text = ("MONDAY, 3 MARCH 2025\n\n"
            "09:40 Temirtau. About 90 drivers have blocked the road to the plant.\n\n"
            "12:00 Pavlodar: police detained 5 people who gathered near the akimat.\n\n"
            "TUESDAY, 4 MARCH 2025\n\n"
            "10:00 Temirtau. About 60 relatives of the miners gathered at the gate.\n")
    got = events(text)
    assert set(got) == {("2025-03-03", "Temirtau"), ("2025-03-03", "Pavlodar"),
                        ("2025-03-04", "Temirtau")}
    assert got[("2025-03-03", "Pavlodar")].detained == 5
    assert got[("2025-03-04", "Temirtau")].participants == 60


def test_a_gathering_of_leaders_is_no_protest():
    text = "On 12 May 2023, the gathering in Astana of Central Asian leaders discussed water."
    assert events(text) == {}


def test_helping_organise_a_dated_rally_tells_the_rally():
    text = ("Aigul Serikova, a nurse from Taraz, helped organise a rally on 14 April 2023 outside "
            "the city akimat against rising bread prices. Police dispersed the rally and "
            "detained 9 people, including Aigul Serikova.")
    got = events(text)
    assert set(got) == {("2023-04-14", "Taraz")}
    assert got[("2023-04-14", "Taraz")].detained == 9


def test_the_following_day_counts_from_the_last_dated_sentence():
    text = ("Residents held a rally in Kyzylorda on 3 May 2023 over water shortages. Police "
            "dispersed the rally. The following day, at least 40 people gathered outside the "
            "police station to demand the release of the detainees. Police detained eight of "
            "them.")
    got = events(text)
    assert set(got) == {("2023-05-03", "Kyzylorda"), ("2023-05-04", "Kyzylorda")}
    second = got[("2023-05-04", "Kyzylorda")]
    assert (second.participants, second.detained) == (40, 8)


def test_a_date_in_another_places_where_clause_is_not_every_places():
    text = ("The strikes, which started in the mining town of Zhezkazgan, spread to Satpayev, "
            "Balkhash and other towns, and turned violent in Balkhash, where riot police beat "
            "strikers on 9 May 2024.")
    assert set(events(text)) == {("2024-05-09", "Balkhash")}


def test_a_chronology_day_told_over_two_sentences_is_one_event():
    text = ("Timeline\n\n"
            "9 May 2024 – Several thousand residents gathered outside the akimat in Balkhash. "
            "Police opened fire after the crowd refused to leave; three people were "
            "killed and 12 injured.\n"
            "10 May 2024 – A curfew was declared in Balkhash.\n")
    got = events(text)
    day = got[("2024-05-09", "Balkhash")]
    assert day.sub_event_type == "excessive_force_against_protesters"
    assert (day.killed, day.injured) == (3, 12)


def test_a_total_broken_down_over_several_days_gives_no_event_its_count():
    text = ("Riot police fired on strikers in Balkhash on 9 May 2024. Officials said five people "
            "died: the three strikers shot in Balkhash on 9 May and a guard killed in Balkhash "
            "on 8 May.")
    got = events(text)
    assert all(e.killed is None for e in got.values())


def test_places_around_a_gathering_are_not_its_venue():
    text = ("On 11 May 2024 about 200 people gathered in Karaganda to commemorate those killed "
            "in Balkhash; police detained 15 of them. On 12 May 2024 some 80 drivers blocked the "
            "highway to Temirtau near Karaganda in solidarity with the Balkhash strikers.")
    got = events(text)
    assert set(got) == {("2024-05-11", "Karaganda"), ("2024-05-12", "Karaganda")}
    first = got[("2024-05-11", "Karaganda")]
    assert (first.participants, first.detained) == (200, 15)


def test_an_undated_sentence_continues_the_event_of_its_place_just_told():
    text = ("May 14, 2024 10:05 AM GMT+5\n\n"
            "KARAGANDA, May 14 (Reuters) - Police used tear gas on Monday as a protest by "
            "miners spread from Shakhtinsk to Saran, where demonstrators set a bus on fire.\n\n"
            "In Saran, about 300 miners blocked a road. When police moved in, protesters threw "
            "stones at them. Six police officers were injured and 31 people were detained in "
            "Saran, police said.")
    got = events(text)
    saran = got[("2024-05-13", "Saran")] if ("2024-05-13", "Saran") in got else None
    assert saran is not None, got.keys()
    assert saran.event_type == "riots"
    assert (saran.injured, saran.detained) == (6, 31)


def test_a_later_sentence_of_the_paragraph_about_the_protesters_adds_their_detentions():
    text = ("On 6 June 2021 some 200 workers rallied outside the plant in Temirtau. Police "
            "detained 11 people after protesters tried to break through the gates, the regional "
            "police said.")
    (event,) = events(text).values()
    assert (event.participants, event.detained) == (200, 11)


def test_the_body_that_told_the_news_is_not_the_place():
    got = events(
        "On 9 May 2024, about 300 residents gathered outside the district akimat in Shalkar, "
        "Aktobe region. According to the Aktobe regional police department, part of the crowd "
        "smashed the windows of the building and threw stones at officers.")
    assert set(got) == {("2024-05-09", "Shalkar")}
    assert got[("2024-05-09", "Shalkar")].event_type == "riots"


def test_a_deadline_is_not_the_day_of_the_rally():
    got = events(
        "On 14 March 2024, about 80 people rallied outside the akimat in Taraz against higher "
        "heating tariffs. The rally ended after the akim said the increase would be postponed "
        "until 1 June.")
    assert ("2024-06-01", "Taraz") not in got
    assert ("2024-03-14", "Taraz") in got


def test_a_day_heading_on_its_own_line_heads_every_paragraph_under_it():
    got = events(
        "Two days of rallies in Kostanay region\n\n"
        "Friday, June 7, 2024\n\n"
        "About 120 residents rallied outside the akimat in Rudny over unpaid wages.\n\n"
        "Saturday, June 8, 2024\n\n"
        "In Rudny, about 90 people again gathered outside the akimat.\n\n"
        "In Kostanay, a group of about 40 people held a rally in support of the Rudny "
        "workers and then dispersed.\n\n"
        "Reactions\n\n"
        "The regional akim promised to meet the workers next week.\n")
    assert ("2024-06-08", "Kostanay") in got
    assert ("2024-06-08", "Rudny") in got


def test_a_rally_told_as_days_before_a_later_arrest():
    got = events(
        "Serik Abenov, a 47-year-old farmer from Taraz, was detained on June 10, 2024, three "
        "days after he led a rally of about 60 residents outside the Zhambyl regional akimat. "
        "Police broke up the rally.")
    assert ("2024-06-07", "Taraz") in got
    assert ("2024-06-10", "Taraz") not in got
    assert got[("2024-06-07", "Taraz")].detained != 47
