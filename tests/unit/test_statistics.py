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
     {("appeals", 412, "appeals", "2021", None)}),
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
    assert all(s.subject == "Anti-Corruption Agency" for s in got)
