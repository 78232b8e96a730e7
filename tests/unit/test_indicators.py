"""Indicator extraction: year-column tables (clean and PDF-garbled), index prose, totals, tickers.

Every example is invented; each mirrors a form (not the figures) of real documents.
"""
import pytest

from kzwatch.cleaning import clean
from kzwatch.document import Document
from kzwatch.extract.indicators import extract
from kzwatch.text.tables import Period, YearToken, group_periods, place_by_sum, sub_year


def found(text):
    return extract(Document.plain(text))


def by_key(records):
    return {(r.indicator, r.entity, r.period): r for r in records}


# ---- garbled assemblies table --------------------------------------------------------------

GARBLED = """Table 4.
Character of street protests and assemblies by year (invented figures)
2015 2016
2017
2017
2018
2019 2020 2021
(I
VI)
Number
of
peaceful
assemblies
10 200 150 40 30 25
2015 2016
2017
2017
2018
2019 2020 2021
(I
VI)
Political 30% 20% 10% 50%
Economic 50% 40% 60% 35% 35% 30%
Social 20% 40% 30% 65% 65% 20%
Next section starts here with ordinary prose.
"""


def test_split_periods_and_half_year_are_read_as_one_column():
    got = by_key(found(GARBLED))
    periods = sorted(p for (i, _, p) in got if i == "peaceful_assemblies")
    assert periods == ["2015", "2016-2017", "2017-2018", "2019", "2020", "2021-H1"]
    assert got[("peaceful_assemblies", "Kazakhstan", "2016-2017")].value == 200
    assert got[("peaceful_assemblies", "Kazakhstan", "2021-H1")].unit == "count"


def test_short_share_row_is_placed_by_the_100_percent_sums():
    got = by_key(found(GARBLED))
    political = {p: r.value for (i, _, p), r in got.items()
                 if i == "assemblies_share_political"}
    # 2019 and 2020 print no political share (economic + social = 100 there)
    assert political == {"2015": 30, "2016-2017": 20, "2017-2018": 10, "2021-H1": 50}
    assert got[("assemblies_share_social", "Kazakhstan", "2020")].value == 65
    assert got[("assemblies_share_economic", "Kazakhstan", "2015")].unit == "percent"


def test_table_rows_cite_the_row_verbatim():
    original = "\n\n".join(GARBLED.splitlines()) + "\n"  # PDF double spacing
    doc = clean(original)
    records = extract(doc)
    assert len(records) == 6 + 4 + 6 + 6
    for r in records:
        assert original[r.evidence_start:r.evidence_end] == r.evidence
    row = next(r for r in records if r.indicator == "peaceful_assemblies")
    assert " ".join(row.evidence.split()) == "Number of peaceful assemblies 10 200 150 40 30 25"


def test_short_row_that_fits_no_sum_is_left_out():
    text = GARBLED.replace("Political 30% 20% 10% 50%", "Political 3% 90% 1% 7%")
    kinds = {r.indicator for r in found(text)}
    assert "assemblies_share_political" not in kinds
    assert "assemblies_share_economic" in kinds


# ---- composition table ---------------------------------------------------------------------

COMPOSITION = """Table 2.
Nationality 1970 1979 1989
Kazakhs 32.6 36.0 39.7
Russain 42.4 40.8 37.8
Ukrainaians 7.2 6.1 5.4
Uzbeks 1.7 1.8 2.0
Ethnic composition of the population, census data
"""


def test_composition_table_normalises_misspelt_groups():
    got = by_key(found(COMPOSITION))
    assert got[("population_share", "Ukrainians", "1979")].value == 6.1
    assert got[("population_share", "Russians", "1989")].value == 37.8
    assert got[("population_share", "Kazakhs", "1970")].unit == "percent"
    assert len(got) == 12


def test_country_rows_are_not_ethnic_groups():
    text = ("Trade partner 2019 2020 2021\nRussia 30.1 29.5 28.0\nGermany 5.0 4.1 4.3\n"
            "China 15.2 17.0 18.9\n")
    assert found(text) == []


# ---- index prose ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, entity, period, value, rank, rank_of", [
    (("Georgia improved on Transparency International's Corruption Perceptions Index 2021 with a "
     "score of 55 out of 100 and holding 45th place out of 180 countries."),
     "Georgia", "2021", 55, 45, 180),
    (("In the 2020 Corruption Perceptions Index, Kazakhstan scored 38 points and ranked 94th "
     "out of 180."), "Kazakhstan", "2020", 38, 94, 180),
    ("According to the CPI 2019, Mongolia received 35 out of 100 points.",
     "Mongolia", "2019", 35, None, None),
])
def test_cpi_score_and_rank_in_prose(sentence, entity, period, value, rank, rank_of):
    [r] = found(sentence)
    assert (r.indicator, r.entity, r.period, r.value, r.unit, r.rank, r.rank_of) == (
        "cpi_score", entity, period, value, "score", rank, rank_of)
    assert r.evidence == sentence


def test_cpi_rank_only_mention_has_no_value():
    [r] = found("Transparency International ranked Armenia 63rd out of 180 countries "
                "in its Corruption Perceptions Index 2022.")
    assert (r.entity, r.period, r.value, r.unit, r.rank, r.rank_of) == (
        "Armenia", "2022", None, None, 63, 180)


def test_cpi_country_list_takes_period_and_scale_from_context():
    text = ("Moldova scored 42 out of 100 in the Corruption Perception Index 2022, placing "
            "91st out of 180 countries. Its neighbours did worse: Ukraine (33); Romania (46); "
            "and Russia (28, 137th place).")
    got = by_key(found(text))
    assert got[("cpi_score", "Ukraine", "2022")].value == 33
    assert got[("cpi_score", "Ukraine", "2022")].rank is None
    russia = got[("cpi_score", "Russia", "2022")]
    assert (russia.value, russia.rank, russia.rank_of) == (28, 137, 180)
    assert got[("cpi_score", "Moldova", "2022")].rank == 91


def test_other_indices_are_not_cpi():
    text = ("According to the Reporters Without Borders Index, Kazakhstan ranked 122 out of 180 "
            "countries. Freedom House gave it a score of 23 out of 100.")
    assert found(text) == []


@pytest.mark.parametrize("sentence, rank, rank_of, period", [
    (("In the UN E-Government Development Index for 2020, Uzbekistan held 87th position among "
     "193 UN member states."), 87, 193, "2020"),
    ("Kyrgyzstan ranked 81st of 193 countries in the 2022 E-government Development Index.",
     81, 193, "2022"),
])
def test_egov_rank(sentence, rank, rank_of, period):
    [r] = found(sentence)
    assert (r.indicator, r.value, r.unit, r.rank, r.rank_of, r.period) == (
        "egov_rank", rank, "rank", rank, rank_of, period)


# ---- totals and tickers --------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    ("According to the monitors, 845 peaceful assemblies were held in Kazakhstan from 2012 to "
    "2018."),
    "Between 2012 and 2018, 845 peaceful assemblies took place in Kazakhstan.",
])
def test_assembly_total_in_prose(sentence):
    [r] = found(sentence)
    assert (r.indicator, r.entity, r.period, r.value, r.unit) == (
        "peaceful_assemblies", "Kazakhstan", "2012-2018", 845, "count")


def test_assembly_count_without_span_is_not_a_total():
    assert found("The peak came in 2019 when the number of peaceful assemblies reached 227.") \
        == []


def test_repeated_ticker_gives_one_rate_per_pair():
    block = "• AMD/USD = 0.00258 0%\n• GEL/USD = 0.37100 -0.1%\n"
    text = "Markets\n" + block * 5 + "Today's news\n"
    got = found(text)
    assert [(r.entity, r.value, r.unit, r.period) for r in got] == [
        ("AMD/USD", 0.00258, "rate", None), ("GEL/USD", 0.371, "rate", None)]
    assert got[0].evidence == "AMD/USD = 0.00258"


def test_ticker_dated_on_its_line():
    [r] = found("EUR/KZT = 512.40 as of 3 March 2025\n")
    assert r.period == "2025-03-03"


def test_prose_without_indicators_yields_nothing():
    text = ("Prices rose by 12% in 2022. The court sentenced him to 8 years. Out of 100 "
            "applicants, 40 were admitted in 2021.")
    assert found(text) == []


# ---- helpers -------------------------------------------------------------------------------

def test_group_periods_refuses_ambiguous_headers():
    tokens = [YearToken(2010, 0), YearToken(2011, 1), YearToken(2012, 2)]
    assert group_periods(tokens, 2) is None  # 2010-2011 | 2012 or 2010 | 2011-2012
    assert group_periods(tokens, 3) == [Period(2010, 2010), Period(2011, 2011),
                                        Period(2012, 2012)]


@pytest.mark.parametrize("qualifier, expected", [
    ("(I VI)", "H1"), ("(VII-XII)", "H2"), ("(Jan-Mar)", "Q1"), ("(I-IV)", None)])
def test_sub_year(qualifier, expected):
    assert sub_year(qualifier) == expected


def test_place_by_sum():
    assert place_by_sum([40, 10], [40, 0, 10]) == [40, None, 10]
    assert place_by_sum([70], [40, 0, 10]) is None


def test_cpi_phrasing_with_score_was_and_ranks_among():
    [r] = found("Kazakhstan's score was 36 in the CPI-2022, and it ranks 101st among 180 "
                "countries.")
    assert (r.entity, r.period, r.value, r.rank, r.rank_of) == ("Kazakhstan", "2022", 36, 101,
                                                                 180)


def test_egov_survey_phrasing_without_scale():
    [r] = found("Armenia ranked 64th in the UN E-Government Survey 2024.")
    assert (r.indicator, r.entity, r.period, r.value, r.rank, r.rank_of) == (
        "egov_rank", "Armenia", "2024", 64, 64, None)


def test_cpi_table_of_one_country_with_rank_rows():
    text = ("Table 3. Mongolia in the Corruption Perceptions Index\nYear 2019 2020 2021\n"
            "CPI score 35 35 35\nRank 106 111 110\nNumber of countries 180 180 180\n")
    got = by_key(found(text))
    r = got[("cpi_score", "Mongolia", "2020")]
    assert (r.value, r.unit, r.rank, r.rank_of) == (35, "score", 111, 180)
    assert len(got) == 3


def test_cpi_table_with_countries_as_rows():
    text = ("Corruption Perceptions Index scores in the Caucasus\nCountry 2021 2022\n"
            "Georgia 55 56\nArmenia 49 46\nAzerbaijan 30 23\n")
    got = by_key(found(text))
    assert got[("cpi_score", "Armenia", "2022")].value == 46
    assert {k[1] for k in got} == {"Georgia", "Armenia", "Azerbaijan"}


# ---- further prose forms -------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "In 2021, 312 peaceful assemblies were held across the country.",
    "Officials said 312 peaceful assemblies took place in 2021.",
])
def test_assembly_count_of_one_year(sentence):
    [r] = found(sentence)
    assert (r.indicator, r.entity, r.period, r.value) == (
        "peaceful_assemblies", "Kazakhstan", "2021", 312)


def test_assembly_count_of_a_span_is_not_read_as_its_first_year():
    [r] = found("Observers counted 640 assemblies in 2014-2016 in Kyrgyzstan.")
    assert r.period != "2014"


def test_exchange_rate_in_prose_is_written_as_the_ticker_pair():
    got = found("On 15 March 2024 the National Bank set the rate at 470.5 tenge per US dollar "
                "and 512,3 tenge to the euro.")
    assert [(r.entity, r.value, r.period) for r in got] == [
        ("USD/KZT", 470.5, "2024-03-15"), ("EUR/KZT", 512.3, "2024-03-15")]


def test_tenge_amounts_are_not_rates():
    assert found("He was fined 470 tenge for each dollar of unpaid tax.") == []


def test_two_tickers_on_one_line():
    got = found("USD/KZT = 447.2 +0.3%   EUR/KZT = 485.1 -0.1%\n")
    assert [(r.entity, r.value) for r in got] == [("USD/KZT", 447.2), ("EUR/KZT", 485.1)]


def test_cpi_scores_of_further_countries_in_the_same_sentence():
    got = by_key(found("According to the CPI 2021, Kyrgyzstan received 27 points, Uzbekistan "
                       "28 and Tajikistan 25, while the regional average was 35."))
    assert {k[1]: r.value for k, r in got.items()} == {
        "Kyrgyzstan": 27, "Uzbekistan": 28, "Tajikistan": 25}
    assert {k[2] for k in got} == {"2021"}


def test_cpi_context_carries_over_later_sentences_and_earlier_year():
    text = ("BISHKEK, 3 February 2026 – Armenia scored 47 out of 100 in Transparency "
            "International's Corruption Perceptions Index for 2025, placing 63rd out of 180\n"
            "countries. A\nyear earlier the country scored 46 points and was ranked 69th.\n\n"
            "The head of Transparency International Armenia called the result modest. "
            "Georgia scored 53 points (41st place), Azerbaijan 22 (158th) and Moldova 43 (76th). "
            "Belarus fell to 33 points and 114th place. Latvia, the best in the region, "
            "ranked 30th.")
    got = by_key(found(text))
    assert (got[("cpi_score", "Armenia", "2024")].value, got[("cpi_score", "Armenia", "2024")]
            .rank) == (46, 69)
    rows = {k[1]: (r.value, r.rank, r.rank_of) for k, r in got.items() if k[2] == "2025"}
    assert rows == {"Armenia": (47, 63, 180), "Georgia": (53, 41, 180),
                    "Azerbaijan": (22, 158, 180), "Moldova": (43, 76, 180),
                    "Belarus": (33, 114, 180), "Latvia": (None, 30, 180)}


def test_another_ranking_ends_the_index_context():
    got = found("Kazakhstan scored 40 points in the CPI 2024. In the agency's own ranking of "
                "regions, Mangystau scored 12 points.")
    assert [r.entity for r in got] == ["Kazakhstan"]


def test_ticker_without_equals_sign():
    got = found("USD/KZT 501.20   EUR/KZT 540.05   RUB/KZT 5.12   Brent 71.30\n")
    assert [(r.entity, r.value) for r in got] == [
        ("USD/KZT", 501.2), ("EUR/KZT", 540.05), ("RUB/KZT", 5.12)]


def test_currency_pair_with_a_percent_change_is_not_a_rate():
    assert found("The USD/KZT pair moved USD/KZT 3% lower over the week.") == []


def test_egov_rank_of_this_edition_and_the_one_it_is_compared_with():
    got = by_key(found("The 2026 edition of the UN E-Government Survey placed Kazakhstan 19th "
                       "out of 193 member states, down from 17th in the previous survey in "
                       "2024."))
    assert (got[("egov_rank", "Kazakhstan", "2026")].rank,
            got[("egov_rank", "Kazakhstan", "2024")].rank) == (19, 17)
    assert got[("egov_rank", "Kazakhstan", "2024")].rank_of == 193


def test_rates_in_prose_named_by_currency_and_compared_with_an_earlier_date():
    # the next sentence's rates, undated, were quoted on the day of the rates just given
    got = found("On 3 March 2026 the regulator set the rate at 498.10 tenge to the US dollar, "
                "compared with 470.25 tenge on 3 March 2025. The euro was quoted at 530.40 "
                "tenge and the Russian ruble at 5.61 tenge.")
    assert [(r.entity, r.period, r.value) for r in got] == [
        ("USD/KZT", "2026-03-03", 498.1), ("USD/KZT", "2025-03-03", 470.25),
        ("EUR/KZT", "2026-03-03", 530.4), ("RUB/KZT", "2026-03-03", 5.61)]  # the same day


def test_assembly_counts_compared_by_year_and_shares_by_demand_in_prose():
    got = by_key(found("Officials said 812 peaceful assemblies were held in 2025, compared "
                       "with 640 in 2024. Social demands accounted for 55 percent of the "
                       "rallies in 2025, economic grievances for 30 percent and political "
                       "demands for 15 percent."))
    assert got[("peaceful_assemblies", "Kazakhstan", "2025")].value == 812
    assert got[("peaceful_assemblies", "Kazakhstan", "2024")].value == 640
    assert {k[0]: r.value for k, r in got.items() if k[0].startswith("assemblies_share")} == {
        "assemblies_share_social": 55, "assemblies_share_economic": 30,
        "assemblies_share_political": 15}


def test_wire_aside_rate_and_earlier_cpi_score_in_parentheses():
    got = by_key(found("The fund paid $12 million for the plant. ($1 = 498.30 tenge)\n"
                       "In the Corruption Perceptions Index 2025, Kazakhstan scored 42 points "
                       "(40 points in 2024) and ranked 80th out of 180 countries."))
    assert got[("fx_rate", "USD/KZT", None)].value == 498.3
    assert got[("cpi_score", "Kazakhstan", "2025")].value == 42
    assert got[("cpi_score", "Kazakhstan", "2024")].value == 40


def test_an_undated_rate_far_from_the_last_one_stays_undated():
    got = found("On 3 March 2026 the regulator set the rate at 498.10 tenge per US dollar. "
                "Analysts expect slower growth. Exporters earn more. "
                "The euro was quoted at 530.40 tenge.")
    assert [(r.entity, r.period) for r in got] == [("USD/KZT", "2026-03-03"), ("EUR/KZT", None)]


def test_had_points_a_year_earlier_and_came_nth():
    got = by_key(found("Armenia scored 48 points in the CPI 2025 and ranked 60th among 180 "
                       "countries. A year earlier, the country had 47 points. Georgia received "
                       "55 points and placed 40th, while Moldova scored 44 points and came 73rd."))
    assert got[("cpi_score", "Armenia", "2024")].value == 47
    assert (got[("cpi_score", "Moldova", "2025")].value,
            got[("cpi_score", "Moldova", "2025")].rank) == (44, 73)


def test_came_without_an_ordinal_is_no_rank():
    got = by_key(found("Armenia scored 48 points in the CPI 2025. The report came 3 days late."))
    assert got[("cpi_score", "Armenia", "2025")].rank is None
