"""Statistics from invented passages: casualty, detention and anti-corruption figures."""
from __future__ import annotations

import pytest

from kzwatch.document import Document
from kzwatch.extract import statistics


def figures(text: str) -> list:
    doc = Document.plain(text)
    got = statistics.extract(doc)
    for s in got:
        assert s.evidence in doc.original
    return got


def facts(text: str) -> set[tuple]:
    return {(s.metric, s.value, s.unit, s.period, s.location) for s in figures(text)}


@pytest.mark.parametrize("text, expected", [
    (("According to the Interior Ministry, 1,200 people were detained and 45 were injured "
     "during the protests in March 2021."),
     {("detained", 1200, "persons", "2021-03", None),
      ("injured", 45, "persons", "2021-03", None)}),
    ("Twenty-six people were killed in clashes with police in Zhanaozen in 2019.",
     {("killed", 26, "persons", "2019", "Zhanaozen")}),
    (("Police detained 150 people at the rally, of whom 40 were placed under administrative "
     "arrest."),
     {("detained", 150, "persons", None, None), ("arrested", 40, "persons", None, None)}),
    ("The death toll of the unrest reached at least 57, including 9 police officers.",
     {("killed", 57, "persons", None, None), ("killed", 9, "persons", None, None)}),
    ("More than a hundred protesters were wounded in the riots.",
     {("injured", 100, "persons", None, None)}),
    ("The prosecutor's office opened 530 criminal cases over the riots.",
     {("criminal_cases", 530, "cases", None, None)}),
    (("Of the 64 defendants accused of organising mass riots, 22 were convicted and "
     "five were acquitted."),
     {("prosecuted", 64, "persons", None, None), ("convictions", 22, "persons", None, None),
      ("other", 5, "persons", None, None)}),
])
def test_unrest_figures(text, expected):
    assert facts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Anti-Corruption Service registered 1,850 corruption offences in 2022.",
     {("corruption_cases_registered", 1850, "cases", "2022", None)}),
    ("Assets worth 320 billion tenge were returned to the state in 2023.",
     {("assets_recovered", 320e9, "KZT", "2023", None)}),
    ("The ombudsman received 412 complaints about police conduct during the protests in 2021.",
     {("appeals", 412, "complaints", "2021", None)}),
    ("Inspectors found 96 violations of procurement rules in the bribery probe.",
     {("violations", 96, "violations", None, None)}),
    ("Over 3,000 volunteers joined the anti-corruption monitoring campaign.",
     {("volunteers", 3000, "persons", None, None)}),
])
def test_corruption_figures(text, expected):
    assert facts(text) == expected


@pytest.mark.parametrize("text", [
    "The city has 2,000 schools and 150 hospitals.",
    "Her YouTube channel about corruption has 200,000 subscribers.",
    "The former mayor was sentenced to 8 years in prison for bribery.",
    "In 2019 the population of Kazakhstan reached 18.5 million.",
    "The deputy akim received a bribe of 5 million tenge in 2020.",
    "Between 200 and 300 people were detained.",  # a range is not one figure
    "Article 272 of the Criminal Code punishes mass riots.",
    "The 2011 protests and the 2016 rallies were discussed at a meeting.",
    "",
])
def test_no_figure(text):
    assert figures(text) == []


def test_same_figure_repeated_is_one_row():
    text = ("At least 238 people died in the January events of 2022. Officials later "
            "confirmed that 238 people had died.")
    got = figures(text)
    assert [(s.metric, s.value) for s in got] == [("killed", 238)]
    assert got[0].period == "2022-01"


def test_chronology_days_date_national_figures():
    text = ("The unrest of January 2022 in brief.\n"
            "January 8. The ministry said 4,404 people had been detained in the country.\n"
            "January 9. The ministry reported that 5,969 people were detained.\n"
            "January 11. Prosecutors said 9,900 people were detained and 412 criminal cases "
            "were opened.\n")
    got = {(s.metric, s.value): s.period for s in figures(text)}
    assert got == {("detained", 4404): "2022-01-08", ("detained", 5969): "2022-01-09",
                   ("detained", 9900): "2022-01-11", ("criminal_cases", 412): "2022-01-11"}


def test_damage_in_unrest_and_dollars():
    text = ("Damage from the riots in Almaty reached 90 billion tenge ($210 million) in "
            "January 2022.")
    got = {(s.unit, s.value, s.location) for s in figures(text)}
    assert got == {("KZT", 90e9, "Almaty"), ("USD", 210e6, "Almaty")}


def test_subject_names_the_episode_or_agency():
    (unrest,) = figures("In May 2021, 35 protesters were detained in Oral.")
    assert "unrest" in unrest.subject and unrest.location == "Oral"
    (agency,) = figures("The Anti-Corruption Agency registered 700 corruption cases in 2021.")
    assert "Anti-Corruption Agency" in agency.subject


@pytest.mark.parametrize("text, expected", [
    ("The unrest left 225 deaths and 4,578 injuries, officials said.",
     {("killed", 225, "persons", None, None), ("injured", 4578, "persons", None, None)}),
    ("Police made 1,300 arrests during the protests in Almaty on 5 January 2022.",
     {("arrested", 1300, "persons", "2022-01-05", "Almaty")}),
    ("In 2023 the Anti-Corruption Agency returned 1.2 trillion tenge to the state.",
     {("assets_recovered", 1.2e12, "KZT", "2023", None)}),
])
def test_counted_nouns_and_recovered_money(text, expected):
    assert facts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Court Jails Activists Over 2022 Protests in Aktobe", set()),
    ("Relatives picketed the court over the unrest. Police detained five of them.",
     {("detained", 5, "persons", None, None)}),
    ("The Anti-Corruption Agency said 2.5 billion tenge in damages had been compensated in 2023.",
     {("assets_recovered", 2.5e9, "KZT", "2023", None)}),
])
def test_years_partitives_and_compensated_damage(text, expected):
    assert facts(text) == expected


def test_agency_report_with_dateline_and_comparison():
    text = ("ASTANA, 12 February 2024 — The Anti-Corruption Agency said on Monday that it had "
            "registered 1,987 corruption offences in 2023, up from 1,750 a year earlier. The "
            "agency employs about 1,100 staff across 17 regional offices.")
    got = figures(text)
    assert {(s.metric, s.value, s.period, s.location) for s in got} == {
        ("corruption_cases_registered", 1987, "2023", None),
        ("corruption_cases_registered", 1750, "2022", None)}
    assert all(s.subject.startswith("Anti-Corruption Agency") for s in got)


# ---------------------------------------------------------------- general forms (issue 8)

def test_gapped_list_gives_each_region_its_own_figure():
    got = facts("The anti-corruption service said 41 corruption offences were registered in "
                "Kostanay region, 17 – in Atyrau region and 9 – in Taraz.")
    assert ("corruption_cases_registered", 41, "cases", None, "Kostanay") in got
    assert ("corruption_cases_registered", 17, "cases", None, "Atyrau") in got
    assert ("corruption_cases_registered", 9, "cases", None, "Taraz") in got


def test_same_value_in_two_places_is_two_figures_but_a_repeat_is_one():
    got = figures("Anti-corruption officers registered 23 corruption offences in Pavlodar region "
                  "and 23 corruption offences in Atyrau region. In total the agency said 23 "
                  "corruption offences were registered in Pavlodar region.")
    assert sorted(r.location for r in got if r.value == 23) == ["Atyrau", "Pavlodar"]


def test_part_of_these_counts_what_was_just_counted():
    got = facts("Prosecutors said 2,740 pre-trial investigations into the riots had been opened "
                "so far. Aktobe accounts for 811 of these investigations, Oral for 207.")
    assert {(m, v) for m, v, *_ in got} >= {("criminal_cases", 2740), ("criminal_cases", 811),
                                             ("criminal_cases", 207)}


def test_shares_and_changes_of_corruption_counts_are_percent_figures():
    got = facts("In 2019 courts convicted 742 officials of corruption offences, 6% more than a "
                "year earlier. Some 61% of them worked in akimats and roughly 18% in ministries.")
    assert {("other", 6.0), ("other", 61.0), ("other", 18.0)} <= {
        (m, v) for m, v, u, *_ in got if u == "percent"}


def test_survey_shares_are_not_statistics():
    got = figures("Asked about corruption, 44% of respondents blamed officials, 31% the police "
                  "and 12% the courts, the poll found.")
    assert not [r for r in got if r.unit == "percent"]


def test_percent_of_assemblies_by_kind_is_an_index_not_a_statistic():
    got = figures("Monitors classified 46 per cent of the rallies as economic, 33 per cent as "
                  "social and 21 per cent as political.")
    assert not got


def test_damage_and_the_part_recovered():
    got = facts("Anti-corruption investigators put the damage caused at 8.4 billion tenge, "
                "2.9 billion tenge of which has been recovered.")
    assert ("other", 8.4e9, "KZT") in {(m, v, u) for m, v, u, *_ in got}
    assert ("assets_recovered", 2.9e9, "KZT") in {(m, v, u) for m, v, u, *_ in got}


def test_measures_of_restraint_and_penalties_have_their_own_metrics():
    got = facts("Of the 612 suspects in the riots case, 377 are held in custody, 58 are under "
                "house arrest and 12 have been freed on bail. After the rallies 31 participants "
                "received warnings.")
    pairs = {(m, v) for m, v, *_ in got}
    assert {("arrested", 377), ("other", 58), ("other", 12), ("other", 31)} <= pairs


def test_running_total_is_dated_by_the_report():
    got = facts("Oral, 11 March 2023 – Regional prosecutors gave an update on the riots.\n\n"
                "To date, courts have examined 1,417 administrative cases linked to the riots.")
    assert ("other", 1417, "cases", "2023-03-11", None) in got


def test_span_inside_a_year_is_that_year_and_a_quarter_is_a_quarter():
    got = facts("Anti-corruption officers registered 288 corruption offences between 1 April and "
                "30 June 2020. In the second quarter of 2019 the agency registered 251 corruption "
                "offences.")
    assert ("corruption_cases_registered", 288, "cases", "2020", None) in got
    assert ("corruption_cases_registered", 251, "cases", "2019-Q2", None) in got


@pytest.mark.parametrize("text", [
    "On 29 February 2023 the anti-corruption agency said 57 officials were convicted of bribery.",
    "The agency said on 31 February that 57 officials were convicted of bribery.",
    "As of 30 February 2021, 57 officials had been convicted of bribery, the agency said.",
])
def test_an_impossible_date_gives_no_date_and_no_counts(text):
    """Issue 10, item 7: an invalid date is no date, and its numbers are never counts."""
    got = figures(text)
    assert [(r.metric, r.value) for r in got] == [("convictions", 57)]
    assert all(r.period is None for r in got)


def test_indicator_table_printed_one_cell_per_line():
    text = ("The anti-corruption service published its yearly figures.\n"
            "Table 2. Corruption indicators, 2018-2019\nIndicator |\n2018 |\n2019 |\n"
            "Change, % |\nCorruption crimes registered |\n2,410 |\n2,205 |\n-8.5 |\n"
            "Persons convicted |\n377 |\n401 |\n+6.4 |\n"
            "of them heads of state bodies |\n52 |\n61 |\n+17.3 |\n"
            "Damage compensated, bln tenge |\n12.5 |\n14.1 |\n+12.8 |\n")
    got = facts(text)
    assert ("corruption_cases_registered", 2410, "cases", "2018", None) in got
    assert ("other", -8.5, "percent", "2019", None) in got
    assert ("convictions", 61, "persons", "2019", None) in got
    assert ("assets_recovered", 14.1e9, "KZT", "2019", None) in got


def test_place_table_printed_one_cell_per_line():
    text = ("In the second quarter of 2017 monitors recorded 16 assemblies.\n\n"
            "Town\n\n\nAssemblies recorded\n\n\nOral\n\n\n9\n\n\nTaraz\n\n\n4\n\n\n"
            "TOTAL\n\n\n13\n")
    got = facts(text)
    assert ("other", 9, "assemblies", "2017-Q2", "Oral") in got
    assert ("other", 4, "assemblies", "2017-Q2", "Taraz") in got
    assert not [f for f in got if f[1] == 13]


def test_a_figure_apiece_or_for_both_places_is_one_row_per_place():
    got = facts("The anti-corruption agency said Oral and Pavlodar region logged 14 corruption "
                "offences apiece. Aktobe and Kostanay region led the list. Both areas "
                "registered 29 corruption offences.")
    assert {(v, loc) for m, v, u, p, loc in got} >= {
        (14, "Oral"), (14, "Pavlodar"), (29, "Aktobe"), (29, "Kostanay")}


def test_the_number_of_and_a_noun_left_out():
    got = facts("The number of corruption offences registered since the start of 2019 has "
                "reached 2,307. In the same quarter of last year the agency recorded 611.")
    assert ("corruption_cases_registered", 2307, "cases", "2019", None) in got
    assert ("corruption_cases_registered", 611, "cases", "2018", None) in got


def test_parts_after_a_colon_with_their_own_measure():
    got = facts("In these riot cases 540 suspects have been detained: 402 of them are held in "
                "custody, 61 are under house arrest and 17 have been freed on bail.")
    pairs = {(m, v) for m, v, *_ in got}
    assert {("detained", 540), ("arrested", 402), ("other", 61), ("other", 17)} <= pairs


def test_a_whole_not_about_corruption_is_not_a_figure():
    got = facts("In 2019, out of 1,903,114 appeals filed by citizens, just 1,444 concerned "
                "corruption.")
    assert {(m, v) for m, v, *_ in got} == {("appeals", 1444)}


def test_an_age_a_clock_time_and_nobody_are_not_counts():
    assert not figures("Welder Bakhyt Omarov, 41, was detained by police after the protest.")
    assert not figures("Police said no one was detained at the rally.")


def test_the_year_compared_with_is_not_the_figures_period():
    got = facts("Last year the anti-corruption agency registered 1,702 corruption offences, "
                "8 percent fewer than in 2016.")
    assert ("corruption_cases_registered", 1702, "cases", None, None) in got


def test_a_report_on_a_quarter_dates_its_undated_figures():
    got = facts("Rights monitors covered the second quarter of 2016 (April–June).\n\n"
                "After the protests, 19 participants were brought to administrative "
                "liability: 12 were fined and 7 received warnings.")
    assert ("prosecuted", 19, "persons", "2016-Q2", None) in got
    assert ("other", 12, "persons", "2016-Q2", None) in got


def test_an_episode_named_is_no_date_of_a_running_total():
    got = facts("Astana, 4 March 2022 – Prosecutors updated the figures.\n\n"
                "To date, courts have heard 2,905 administrative cases linked to the January "
                "events.")
    assert ("other", 2905, "cases", "2022-03-04", None) in got


def test_parts_share_the_date_of_their_whole_unless_they_name_their_own_frame():
    got = facts("As of 9 May 2022, 1,330 pre-trial investigations into the riots had been "
                "opened. Aktobe accounts for 412 of these investigations, Oral for 98. "
                "In addition, 77 of them have been closed in the last two months.")
    assert ("criminal_cases", 412, "cases", "2022-05-09", "Aktobe") in got
    assert ("criminal_cases", 98, "cases", "2022-05-09", "Oral") in got


def test_counts_in_brackets_after_places():
    got = facts("After the protests, 21 participants were brought to administrative liability. "
                "By city, penalties were imposed in Oral (9 people), Taraz (7) and Semey (5).")
    assert {(m, v, loc) for m, v, u, p, loc in got} >= {
        ("prosecuted", 9, "Oral"), ("prosecuted", 7, "Taraz"), ("prosecuted", 5, "Semey")}


def test_a_list_whose_counted_noun_is_left_out():
    got = facts("After the riots, 74 criminal cases concern theft, 12 the hijacking of cars, "
                "31 robbery and 8 arson.")
    assert {v for m, v, *_ in got if m == "criminal_cases"} == {74, 12, 31, 8}


def test_a_sum_and_its_equivalent_and_a_total_of_fines():
    got = facts("After the rallies, courts imposed fines totalling 41 million tenge "
                "(US$95,000) on the protesters.")
    assert {(m, v, u) for m, v, u, *_ in got} == {("other", 41e6, "KZT"), ("other", 95e3, "USD")}


def test_torture_crimes_and_closed_investigations():
    got = facts("In 2020, 88 crimes under the \"Torture\" article were registered. "
                "In 23 cases the pre-trial investigation was discontinued.")
    assert ("criminal_cases", 88, "cases", "2020", None) in got
    assert ("other", 23) in {(m, v) for m, v, *_ in got}


def test_custody_investigation_and_the_number_of_people_killed():
    got = facts("According to prosecutors, 3,912 people were detained during the riots, of whom "
                "877 remain in custody and 214 remain under investigation. The number of people "
                "killed in the riots rose to 163, including 12 police officers.")
    pairs = {(m, v) for m, v, *_ in got}
    assert {("detained", 3912), ("arrested", 877), ("prosecuted", 214), ("killed", 163),
            ("killed", 12)} <= pairs


def test_a_figure_a_year_earlier_told_after_it():
    got = facts("In 2019, 1,204 corruption crimes were registered, while 1,377 were registered "
                "a year earlier.")
    assert ("corruption_cases_registered", 1377, "cases", "2018", None) in got


def test_numbers_sharing_a_noun_and_places_paired_respectively():
    got = facts("The anti-corruption agency said Oral and Taraz registered 318 and 204 "
                "corruption offences, respectively.")
    assert ("corruption_cases_registered", 318, "cases", None, "Oral") in got
    assert ("corruption_cases_registered", 204, "cases", None, "Taraz") in got


def test_inserted_part_damaged_things_and_rioters_detained():
    got = facts("During the riots in the village, rioters set fire to 9 houses and 4 cars. "
                "Officials say 31 people, including 7 police officers, were injured, and 44 "
                "participants of the riots were detained.")
    pairs = {(m, v, u) for m, v, u, *_ in got}
    assert {("other", 9, "houses"), ("other", 4, "cars"), ("injured", 31, "persons"),
            ("injured", 7, "persons"), ("detained", 44, "persons")} <= pairs


def test_a_count_for_another_year_in_brackets():
    got = facts("In 2022, 1,118 corruption crimes were registered (in 2021 – 1,240). Of them, "
                "402 are bribery offences.")
    assert ("corruption_cases_registered", 1240, "2021") in {(m, v, p) for m, v, u, p, _ in got}
    assert ("corruption_cases_registered", 402, "2022") in {(m, v, p) for m, v, u, p, _ in got}


def test_a_regional_department_release_locates_its_figures():
    got = facts("Department of the Anti-Corruption Agency for Kostanay region\n\n"
                "Since the beginning of 2024, the Department has registered 36 corruption "
                "crimes.")
    assert ("corruption_cases_registered", 36, "cases", "2024", "Kostanay") in got


def test_a_part_of_the_assemblies_decided_on():
    got = facts("Police dispersed a picket in Oral on 3 May and detained four of its "
                "participants. Local akimats authorised just 6 of the 71 assemblies held in "
                "the second quarter of 2018. Only 9 of the 71 assemblies had been banned.")
    assert ("other", 6, "assemblies", "2018-Q2", None) in got
    assert ("other", 9) in {(m, v) for m, v, *_ in got}


@pytest.mark.parametrize("text", [
    "On 29 February 2023 protesters gathered in Almaty.",
    "Protesters gathered in Shymkent on February 30, 2021, the police said.",
])
def test_the_numbers_of_an_impossible_date_are_no_participants(text):
    assert figures(text) == []
