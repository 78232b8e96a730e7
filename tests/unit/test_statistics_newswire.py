"""Statistics from invented passages in the styles real sources use: ministry figures in wire
reports, NGO tallies, anti-corruption agency reports; and figures that are not statistics."""
from __future__ import annotations

import pytest

from tests.unit.test_statistics import facts, figures

PASSAGES = {
    "national_total_and_city_figure": (
        "According to the Prosecutor General's Office, 238 people died during the January 2022 "
        "events nationwide, including 19 law enforcement officers. In Almaty alone, 139 people "
        "were killed.",
        {("killed", 238, "persons", "2022-01", None), ("killed", 19, "persons", "2022-01", None),
         ("killed", 139, "persons", "2022-01", "Almaty")}),
    "nationwide_with_a_city_subset": (
        "At least 164 people were killed nationwide in the unrest, including 103 in Almaty, the "
        "Health Ministry said on January 9, 2022.",
        {("killed", 164, "persons", "2022-01-09", None),
         ("killed", 103, "persons", "2022-01-09", "Almaty")}),
    "agency_year_carries_to_the_next_sentence": (
        "In 2023, the Anti-Corruption Agency registered 1,234 corruption offences, and courts "
        "convicted 687 officials of corruption crimes. Assets worth 150 billion tenge were "
        "returned to the state, the agency said.",
        {("corruption_cases_registered", 1234, "cases", "2023", None),
         ("convictions", 687, "persons", "2023", None),
         ("assets_recovered", 150e9, "KZT", "2023", None)}),
    "detained_arrested_charged_convicted": (
        "Of the 1,300 people detained after the rally, 410 were placed under administrative "
        "arrest, 52 were charged with participating in mass riots and 17 were later convicted.",
        {("detained", 1300, "persons", None, None), ("arrested", 410, "persons", None, None),
         ("prosecuted", 52, "persons", None, None), ("convictions", 17, "persons", None, None)}),
    "killed_is_not_casualties": (
        "The clashes in Masanchi on 7 February 2020 left 11 people dead and 192 casualties, "
        "according to the regional police.",
        {("killed", 11, "persons", "2020-02-07", "Masanchi")}),
    "verb_before_a_protester_noun": (
        "On 6 June 2021, around 30 supporters of the banned opposition movement staged a protest "
        "in Almaty. Police dispersed the protest and detained 12 participants.",
        {("detained", 12, "persons", "2021-06-06", "Almaty")}),
    "ngo_tally_of_assemblies": (
        "According to the Kazakhstan International Bureau for Human Rights, police detained "
        "1,012 participants of peaceful assemblies in 2020, and courts fined 340 of them.",
        {("detained", 1012, "persons", "2020", None)}),
    "hrw_detentions_across_the_country": (
        "Between January 4 and 7, 2022, police and security forces detained over 10,000 people "
        "across Kazakhstan, Human Rights Watch said.",
        {("detained", 10000, "persons", "2022-01", None)}),
    "anti_corruption_detentions": (
        "In the first nine months of 2022, anti-corruption officers detained 45 officials on "
        "suspicion of bribe-taking, and 312 people were brought to criminal liability for "
        "corruption.",
        {("detained", 45, "persons", "2022", None), ("prosecuted", 312, "persons", "2022", None)}),
    "convicted_of_them_after_detained": (
        "Anti-corruption officers detained 14 officials in the Kyzylorda region in 2021; eight "
        "of them were later convicted of taking bribes.",
        # the region the figure is told for is its place (the conjunct names it)
        {("detained", 14, "persons", "2021", "Kyzylorda"),
         ("convictions", 8, "persons", "2021", None)}),
    "damage_with_an_exchange_rate": (
        "The damage caused during the riots was estimated at 90 billion tenge, or about "
        "$200 million at the rate of 450 tenge per dollar.",
        {("other", 90e9, "KZT", None, None), ("other", 200e6, "USD", None, None)}),
    "ministry_injured_and_killed": (
        "The Health Ministry said 4,578 people had been injured and 227 killed in the unrest.",
        {("injured", 4578, "persons", None, None), ("killed", 227, "persons", None, None)}),
    "amnesty_detention_of": (
        "Amnesty International documented the arbitrary detention of at least 25 peaceful "
        "protesters in Astana on 1 May 2022.",
        {("detained", 25, "persons", "2022-05-01", "Astana")}),
    "weekday_after_a_dateline": (
        "March 15, 2022\n\nDozens of women rallied outside the akimat in Shymkent on Tuesday. "
        "Police detained three of them.",
        {("detained", 3, "persons", "2022-03-15", "Shymkent")}),
    "spaced_thousands": (
        "The ministry said 4 404 people were detained during the unrest in January 2022.",
        {("detained", 4404, "persons", "2022-01", None)}),
}


@pytest.mark.parametrize("name", list(PASSAGES))
def test_passage_figures(name):
    text, expected = PASSAGES[name]
    assert facts(text) == expected


@pytest.mark.parametrize("text, metric", [
    ("Police detained 40 protesters in Almaty on 5 May 2021.", "detained"),
    ("Security forces killed 12 demonstrators during the unrest.", "killed"),
    ("The court convicted 14 protesters in 2022.", "convictions"),
])
def test_what_happened_to_protesters_is_not_their_number(text, metric):
    (row,) = figures(text)
    assert row.metric == metric


@pytest.mark.parametrize("text", [
    ("Kazakhstan's population reached 20 million in 2023, while GDP grew by 5.1 percent. The "
     "tenge traded at 460 to the US dollar."),
    ("The protests erupted as the tenge weakened to 470 per US dollar and inflation reached "
     "8.4 percent. The Mangystau region employs about 120,000 people in the oil sector."),
    "The rally was dispersed; the exchange rate of 475 tenge to the dollar had fuelled anger.",
    "A deputy akim of Atyrau region was detained while receiving a bribe of 20 million tenge.",
    ("Activist Aigerim Tulegenova staged a single-person picket outside the akimat in Oral and "
     "was detained by police within minutes."),
])
def test_no_figure(text):
    assert figures(text) == []


HELD_OUT_FORMS = {
    "administrative_arrest_is_arrest": (
        "Monitors said 120 people were detained at assemblies in 2023; 35 of them were "
        "subjected to administrative arrest. Courts sentenced 40 of those detained in 2022 to "
        "administrative arrest.",
        {("detained", 120, "persons", "2023", None), ("arrested", 35, "persons", "2023", None),
         ("arrested", 40, "persons", "2022", None)}),
    "criminal_cases_against_officers": (
        "The Anti-Corruption Agency says that since March 2022 it has brought criminal cases "
        "against 64 customs officers.",
        {("prosecuted", 64, "persons", "2022", None)}),
    "since_a_month_is_the_year_of_the_report": (
        "May 20, 2024\n\nPolice have detained at least 75 people at unsanctioned rallies in "
        "Shymkent since February, a rights group said. Memories of the January 2022 unrest "
        "remain fresh.",
        {("detained", 75, "persons", "2024", "Shymkent")}),
    "a_year_right_after_the_number": (
        "Police detained 210 people in connection with peaceful assemblies in 2023, down from "
        "305 in 2022.",
        {("detained", 210, "persons", "2023", None), ("detained", 305, "persons", "2022", None)}),
    "corruption_cases_sent_to_court": (
        "In 2022 the agency's Kostanay department sent 48 corruption cases to court.",
        {("other", 48, "cases", "2022", "Kostanay")}),
    "compensated_damage_apart_from_assets": (
        "Assets worth 300 billion tenge were returned to the state in 2023. Damage compensated "
        "in criminal cases came to a further 55 billion tenge.",
        {("assets_recovered", 300e9, "KZT", "2023", None), ("other", 55e9, "KZT", "2023", None)}),
    "number_of_volunteers_rose_to": (
        "The number of anti-corruption volunteers rose to more than 2,700 people.",
        {("volunteers", 2700, "persons", None, None)}),
    "year_carries_over_an_undated_sentence": (
        "According to the agency, 980 corruption offences were registered in 2023. Of these, "
        "700 criminal cases were sent to court. Courts convicted 650 people of corruption "
        "crimes.",
        {("corruption_cases_registered", 980, "cases", "2023", None),
         ("criminal_cases", 700, "cases", "2023", None),
         ("convictions", 650, "persons", "2023", None)}),
    "a_tally_of_things": (
        "In 2022 strikes spread in the oil sector. 27 labour disputes were registered in the "
        "country during the year, of which 11 involved work stoppages. Activists counted more "
        "than 150 refusals of rallies in Aktobe alone.",
        {("other", 27, "labour disputes", "2022", None),
         ("other", 11, "labour disputes", "2022", None),
         ("other", 150, "refusals", "2022", "Aktobe")}),
    "national_total_after_a_chronology": (
        "Monday, 3 March 2025\n\nOral. About 80 people rallied near the akimat.\n\n"
        "Tuesday, 4 March 2025\n\nAtyrau. Police dispersed a picket; 9 people were detained.\n\n"
        "Summary\n\nA total of 40 people were detained in the country during the two days of "
        "protests.",
        # the 9 detained in Atyrau's entry are that event's count (protest_events), not a figure
        {("detained", 40, "persons", "2025-03", None)}),
}


@pytest.mark.parametrize("name", list(HELD_OUT_FORMS))
def test_figure_forms(name):
    text, expected = HELD_OUT_FORMS[name]
    assert facts(text) == expected


REPORT_FORMS = {
    "half_year_press_release": (
        "RESULTS OF ANTI-CORRUPTION WORK FOR THE FIRST HALF OF 2025\n\n"
        "In January–June 2025, the agency registered 655 corruption criminal offences, compared "
        "with 702 in the same period of 2024. Of these, 280 facts of bribe-taking were "
        "registered. Criminal cases against 410 persons were sent to court in the reporting "
        "period. Of these, 75 persons are heads of state bodies. Over six months, courts "
        "convicted 350 persons of corruption offences. Among those convicted are 12 akims, "
        "40 police officers and 18 judges. Real imprisonment was imposed on 58 percent of the "
        "convicted.",
        {("corruption_cases_registered", 655, "offences", "2025-H1", None),
         ("corruption_cases_registered", 702, "offences", "2024-H1", None),
         ("corruption_cases_registered", 280, "cases", "2025-H1", None),
         ("prosecuted", 410, "persons", "2025-H1", None),
         ("prosecuted", 75, "persons", "2025-H1", None),
         ("convictions", 350, "persons", "2025-H1", None),
         ("convictions", 12, "persons", "2025-H1", None),
         ("convictions", 40, "persons", "2025-H1", None),
         ("convictions", 18, "persons", "2025-H1", None),
         ("other", 58, "percent", "2025-H1", None)}),
    "damage_of_which_compensated": (
        "In the second half of 2023 corruption crimes caused damage that amounted to 12.5 "
        "billion tenge, of which 9.1 billion tenge has been compensated.",
        {("other", 12.5e9, "KZT", "2023-H2", None),
         ("assets_recovered", 9.1e9, "KZT", "2023-H2", None)}),
    "assembly_tallies_of_a_year": (
        "The Interior Ministry said 175 people had been brought to administrative "
        "responsibility for unauthorised rallies in 2022, while monitors counted at least 230 "
        "detentions at peaceful assemblies. Akimats refused 44 of the 120 notifications "
        "filed by activists in 2022.",
        {("prosecuted", 175, "persons", "2022", None), ("detained", 230, "persons", "2022", None),
         ("other", 44, "notifications", "2022", None),
         ("other", 120, "notifications", "2022", None)}),
}


@pytest.mark.parametrize("name", list(REPORT_FORMS))
def test_report_forms(name):
    text, expected = REPORT_FORMS[name]
    assert facts(text) == expected


def test_table_by_region_with_a_scaled_money_column():
    text = ("The agency reported on corruption offences.\n\n"
            "Table 2. Indicators by region (July–December 2023)\n\n"
            "Region            | Crimes registered | Damage recovered, bn tenge\n"
            "Aktobe region     | 52                | 1.4\n"
            "Pavlodar city     | 31                | 0.8\n"
            "Total             | 830               | 24.0\n")
    assert facts(text) >= {
        ("corruption_cases_registered", 52, "cases", "2023-H2", "Aktobe"),
        ("assets_recovered", 1.4e9, "KZT", "2023-H2", "Aktobe"),
        ("corruption_cases_registered", 31, "cases", "2023-H2", "Pavlodar"),
        ("assets_recovered", 0.8e9, "KZT", "2023-H2", "Pavlodar"),
        ("corruption_cases_registered", 830, "cases", "2023-H2", None),
        ("assets_recovered", 24e9, "KZT", "2023-H2", None)}


def test_live_blog_counts_belong_to_events_and_totals_span_days():
    text = ("Live blog, opened 10 May 2025.\n\nSATURDAY, 10 MAY\n\n"
            "11:20 – Taraz: police pushed the crowd off the square; 6 people were detained.\n\n"
            "SUNDAY, 11 MAY\n\n"
            "10:00 – Taraz. About 200 people gathered again.\n\n"
            "19:45 – The ministry says 31 people were detained in the country over two days of "
            "protests.")
    assert facts(text) == {("detained", 31, "persons", "2025-05", None)}


CASE_AND_NOTE_FORMS = {
    "footnote_numbers_glued_to_words": (
        "By the Bureau's count, as of 1 July 2022 there were at least 31 political prisoners "
        "in the country,14 a figure officials dispute. He was sentenced to four years;15 he was "
        "released later.",
        {("other", 31, "persons", "2022-07-01", None)}),
    "one_trial_is_a_case_not_a_figure": (
        "The court announced its verdict in the criminal case against four defendants accused "
        "of bribery. A civil claim of 3,100,000 tenge was recovered from the defendant. By "
        "then his family had returned 1.2 billion tenge to the budget.",
        set()),
    "currency_carried_to_a_part": (
        "According to the agency, of the 4.4 billion tenge in damage caused by embezzlement, "
        "2.9 billion has been recovered.",
        {("assets_recovered", 2.9e9, "KZT", None, None)}),
    "theme_shares_are_indicators_and_cases_reaching_court": (
        "Economic demands accounted for 54 percent of the rallies in 2023. The ombudsman "
        "registered 205 complaints of torture in 2023, but only 11 cases reached court.",
        {("appeals", 205, "complaints", "2023", None),  # the noun printed
         ("criminal_cases", 11, "cases", "2023", None)}),
}


@pytest.mark.parametrize("name", list(CASE_AND_NOTE_FORMS))
def test_case_and_note_forms(name):
    text, expected = CASE_AND_NOTE_FORMS[name]
    assert facts(text) == expected


def test_since_the_beginning_of_the_year_is_the_year_of_the_report():
    text = ("ASTANA, 12 March 2024 (Kazinform) - Since the beginning of the year, 29 civil "
            "servants have been detained in the country for corruption offences.")
    assert facts(text) == {("detained", 29, "persons", "2024", None)}


def test_section_heading_names_the_reporting_period():
    text = ("The index was published on Tuesday.\n\nAnti-Corruption Service: results of 2023\n\n"
            "The number of anti-corruption volunteers rose to 2,100 people. Courts convicted "
            "640 officials of bribery.")
    assert facts(text) == {("volunteers", 2100, "persons", "2023", None),
                           ("convictions", 640, "persons", "2023", None)}


def test_a_wrapped_line_of_prose_is_no_heading():
    text = ("Officials spoke on Monday. The agency said its report for 2021\nshowed progress. "
            "Courts convicted 300 officials of bribery.")
    assert facts(text) == {("convictions", 300, "persons", None, None)}


def test_markdown_table_with_outer_bars_and_a_year_in_the_header():
    text = ("Anti-corruption results by city.\n\nTable 3. Offences by city, 2022\n\n"
            "| City | Corruption offences registered 2022 | Convicted |\n"
            "|---|---|---|\n"
            "| Shymkent | 58 | 21 |\n"
            "| Semey | 17 | 9 |\n")
    assert facts(text) == {
        ("corruption_cases_registered", 58, "cases", "2022", "Shymkent"),
        ("convictions", 21, "persons", "2022", "Shymkent"),
        ("corruption_cases_registered", 17, "cases", "2022", "Semey"),
        ("convictions", 9, "persons", "2022", "Semey")}


def test_criminal_offences_keep_their_noun_and_the_compared_year_does_not_carry():
    text = ("In 2022, 640 corruption criminal offences were registered, compared with 702 in "
            "2021. Fraud accounted for 28% of registered offences.")
    assert facts(text) == {
        ("corruption_cases_registered", 640, "offences", "2022", None),
        ("corruption_cases_registered", 702, "offences", "2021", None),
        ("other", 28, "percent", "2022", None)}


def test_criminal_cases_on_offences_sent_to_court_are_cases():
    text = "Criminal cases on 455 corruption offences were sent to court in 2022."
    assert facts(text) == {("criminal_cases", 455, "cases", "2022", None)}


def test_total_damage_of_corruption_offences_is_a_figure():
    text = "The damage caused by corruption offences in 2022 amounted to 88.5 billion tenge."
    assert facts(text) == {("other", 88.5e9, "KZT", "2022", None)}


def test_a_title_wrapped_under_a_capital_line_dates_the_figures():
    text = ("REVIEW NOTE\non the hearing \"Fighting corruption: results of 2022\"\n\n"
            "Courts convicted 310 persons.")
    assert facts(text) == {("convictions", 310, "persons", "2022", None)}


def test_a_day_kept_with_from_is_no_figure_and_all_of_those_counted_is_no_new_one():
    text = ("Police dispersed a rally in Taraz on 14 April 2023 and detained 9 people. All nine "
            "were released by evening. The other detainees from 14 April were fined.")
    got = facts(text)
    assert ("other", 14, "persons", None, "Taraz") not in got
    assert {f[1] for f in got} == {9}


def test_an_infobox_line_counts_what_its_label_says_and_prose_names_the_count():
    text = ("2024 copper strike\nDate: 2–9 May 2024\nCasualties\nDeaths: 5\nInjuries: 40\n"
            "Arrested: 210\n\nThe strike began at the smelter in May 2024. By 12 May, 210 people "
            "had been detained across the region.")
    assert facts(text) == {("killed", 5, "persons", "2024-05", None),
                           ("injured", 40, "persons", "2024-05", None),
                           ("detained", 210, "persons", "2024-05-12", None)}


def test_parts_of_a_total_after_a_colon_are_not_figures():
    text = ("According to prosecutors, five people died in the May 2024 unrest: the three "
            "strikers shot by police, one who died in hospital and a guard.")
    assert facts(text) == {("killed", 5, "persons", "2024-05", None)}


def test_the_number_of_participants_put_at_a_figure():
    text = ("Organisers put the total number of participants in the May 2024 protests at about "
            "12,000.")
    assert facts(text) == {("participants", 12000, "persons", "2024-05", None)}


def test_of_these_keeps_the_day_of_the_figure_it_divides():
    text = ("By 12 May 2024, 210 people had been detained after the protests. Of these, 64 were "
            "placed under administrative arrest.")
    assert facts(text) == {("detained", 210, "persons", "2024-05-12", None),
                           ("arrested", 64, "persons", "2024-05-12", None)}


def test_a_share_with_its_noun_left_out_is_the_same_share():
    text = ("In 2022, fraud accounted for 30% of registered corruption offences, abuse of office "
            "for 12%.")
    assert facts(text) == {("other", 30, "percent", "2022", None),
                           ("other", 12, "percent", "2022", None)}


def test_a_figure_told_in_the_region_is_located_at_the_region():
    text = ("According to the agency's department for Kostanay region, 48 corruption offences "
            "were registered in the region in 2023.")
    assert facts(text) == {("corruption_cases_registered", 48, "cases", "2023", "Kostanay")}


def test_between_a_year_and_the_middle_of_another_is_a_span():
    text = ("Assets worth about 80 billion tenge were returned to the state between 2021 and "
            "mid-2024, the agency said.")
    assert facts(text) == {("assets_recovered", 80e9, "KZT", "2021-2024", None)}


@pytest.mark.parametrize("text, expected", [
    # the fined have no metric of their own
    ("In 2023, police detained 150 people at pickets. Of these, 40 were placed under "
     "administrative arrest, and 61 were fined.",
     ("other", 61, "persons")),
    # "in N cases ... a refusal": a count of refusals
    ("In 2023, residents submitted 64 notifications of rallies to the akimat; in 19 cases "
     "the organisers received a refusal.",
     ("other", 19, "refusals")),
    # cases against persons sent to court: the persons prosecuted
    ("The Anti-Corruption Agency said that in 2023 cases against 318 persons were sent to court.",
     ("prosecuted", 318, "persons")),
    # a nationwide count of those who sought medical help over several days: the injured
    ("Over the four days of unrest, 23 people, including two journalists, sought medical "
     "help, the health ministry said.",
     ("injured", 23, "persons")),
])
def test_figures_stated_through_a_phrase(text, expected):
    assert expected in {(s.metric, s.value, s.unit) for s in figures(text)}


@pytest.mark.parametrize("text, value", [
    # an attribute of a person, not a figure
    ("An activist with about 45,000 followers on Telegram was detained after the rally.", 45000),
    # one episode's people: the named man and N others
    ("Police dispersed the protest and detained the organiser and four other participants.", 4),
    # medical help after one day's clashes belongs to that day's event
    ("In Semey, 14 people sought medical help after Friday's clashes at the rally.", 14),
])
def test_numbers_that_are_not_statistics(text, value):
    assert value not in {s.value for s in figures(text)}


def test_a_case_on_riots_is_not_a_count_of_riots():
    got = figures("Three criminal cases over the protests were opened, including one on mass "
                  "riots.")
    assert ("other", 1) not in {(s.metric, s.value) for s in got}
