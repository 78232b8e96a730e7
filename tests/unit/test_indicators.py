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


# ---- index prose read as frames: lists, coordination, "respectively", comparisons --------

def rows(text):
    return {(r.entity, r.period): (r.value, r.rank, r.rank_of) for r in found(text)
            if r.indicator in ("cpi_score", "egov_rank")}


def test_list_frame_repeats_rank_score_and_prior_score_per_member():
    got = rows("In the Corruption Perceptions Index for 2030, Moldova placed 62nd with 47 "
               "points (46 in 2029), Serbia was 45th with 56 (55), and Albania ranked 129th "
               "with a score of 30.")
    assert got == {("Moldova", "2030"): (47, 62, None), ("Moldova", "2029"): (46, None, None),
                   ("Serbia", "2030"): (56, 45, None), ("Serbia", "2029"): (55, None, None),
                   ("Albania", "2030"): (30, 129, None)}


def test_coordinated_countries_share_figures_and_rank_of_comes_from_the_index_scale():
    got = rows("The Corruption Perceptions Index 2031 grades 176 countries. Chile and Peru "
               "each collected 41 points and share the 83rd position, while Bolivia finished "
               "with 28 (131st). First place went to Norway, with 89 points.")
    assert got == {("Chile", "2031"): (41, 83, 176), ("Peru", "2031"): (41, 83, 176),
                   ("Bolivia", "2031"): (28, 131, 176), ("Norway", "2031"): (89, 1, 176)}


def test_respectively_pairs_figures_with_countries_in_order():
    got = rows("In the 2031 Corruption Perceptions Index, Austria (71 points) and Yemen (13 "
               "points) sit in the 20th and the 176th positions respectively. Other places: "
               "Ghana and Togo, in 70th and 126th place respectively, Kenya (121st), Mali and "
               "Chad (135).")
    assert got[("Austria", "2031")] == (71, 20, None)
    assert got[("Yemen", "2031")] == (13, 176, None)
    assert got[("Ghana", "2031")] == (None, 70, None)
    assert got[("Togo", "2031")] == (None, 126, None)
    assert got[("Mali", "2031")] == got[("Chad", "2031")] == (None, 135, None)


def test_shares_place_with_and_earlier_edition_a_year_before():
    got = rows("In the 2031 edition of the Corruption Perceptions Index, Malawi received 33, "
               "down from 35 a year earlier, and shares 110th place with Nepal and Egypt.")
    assert got == {("Malawi", "2031"): (33, 110, None), ("Malawi", "2030"): (35, None, None),
                   ("Nepal", "2031"): (None, 110, None), ("Egypt", "2031"): (None, 110, None)}


def test_pronoun_and_possessive_refer_to_the_country_and_comparisons_do_not():
    got = rows("Estonia came 12th in the Corruption Perceptions Index 2031. Its score was up "
               "from 74 in 2030. Latvia, Estonia's neighbour, ranked 36th with 59 points. "
               "Lithuania, which scored higher than Latvia in the past, fell to 57.")
    assert got[("Estonia", "2030")] == (74, None, None)
    assert got[("Latvia", "2031")] == (59, 36, None)
    assert got[("Lithuania", "2031")] == (57, None, None)


def test_figures_that_are_thresholds_or_averages_belong_to_no_country():
    got = rows("In the Corruption Perceptions Index 2031 Sweden scored 82 points. Most "
               "countries failed to reach 50 points, and the global average was 43 out of 100.")
    assert got == {("Sweden", "2031"): (82, None, None)}


def test_edition_years_of_earlier_ranks_and_the_headline_without_a_year():
    got = rows("Portugal climbs to 12th place in UN e-government ranking\n\n"
               "Portugal rose to 12th place in the 2032 E-Government Survey, which assesses "
               "all 193 UN member states. Before that it held 17th place in 2030 and 19th in "
               "2028, while its earlier peak – 11th position – dated back to 2022.")
    assert got == {("Portugal", "2032"): (12, 12, 193), ("Portugal", "2030"): (17, 17, 193),
                   ("Portugal", "2028"): (19, 19, 193), ("Portugal", "2022"): (11, 11, 193)}


def test_index_year_last_year_from_the_dateline():
    got = rows("Riga, 14 March 2031\n\nThe minister resigned on Friday. Latvia, which ranked "
               "36th of 174 countries in Transparency International's index last year, "
               "promised reforms.")
    assert got == {("Latvia", "2030"): (None, 36, 174)}


# ---- exchange rates ------------------------------------------------------------------------

def fx(text):
    return [(r.entity, r.period, r.value) for r in found(text) if r.indicator == "fx_rate"]


def test_rates_in_prose_dated_respectively_and_moves_are_not_rates():
    got = fx("Baku, 9 June 2031\n\nOn June 9, 2031, the weighted average dollar rate came to "
             "611.30 tenge, which means the tenge gained 2.10 tenge against the dollar. At the "
             "exchange offices of Astana and Almaty the dollar sold at 613.5 tenge and 614 "
             "tenge respectively. As of May 31, 2031, one dollar was worth 609.8 tenge.")
    assert got == [("USD/KZT", "2031-06-09", 611.3), ("USD/KZT", "2031-06-09", 613.5),
                   ("USD/KZT", "2031-06-09", 614.0), ("USD/KZT", "2031-05-31", 609.8)]


def test_month_day_takes_a_year_the_sentence_states_before_it():
    got = fx("21.11.2031\n\nThe tenge touched 640.2 tenge per $1 on November 20, its weakest "
             "since the spring of 2029, when the dollar was quoted at 650 tenge on March 9.")
    assert got == [("USD/KZT", "2031-11-20", 640.2), ("USD/KZT", "2029-03-09", 650.0)]


@pytest.mark.parametrize("page, period", [
    ("Home | News\nUSD 612.40 ▲ | EUR 655.10 ▼ | RUB 7.02 ▼\nUSD 612.40 ▲ | EUR 655.10 ▼ | "
     "RUB 7.02 ▼\nLead story\n", None),
    ("Exchange rates:\n usd/kzt 612.40 eur/kzt 655.10\n\n rub/kzt 7.02\nWeather\n", None),
    ("Oral, May 3 10:15\n$ 612.40\n€ 655.10\n₽ 7.02\nHeadline\n", None),
    ("Currency rates from 03/05/2031\n$1 – 612.40\nKZT – -0.2%\n€1 – 655.10\nKZT – 0.1%\n"
     "₽1 – 7.02\n", "2031-05-03"),
    ("NBK rates 03.05.2031: USD 612.40 | EUR 655.10 | RUB 7.02\n", "2031-05-03"),
])
def test_ticker_forms_one_row_per_pair(page, period):
    assert fx(page) == [("USD/KZT", period, 612.4), ("EUR/KZT", period, 655.1),
                        ("RUB/KZT", period, 7.02)]


def test_a_lone_dollar_amount_is_no_ticker():
    assert fx("$ 612.40\nThe plant cost $ 40 million.\n") == []


# ---- assemblies ----------------------------------------------------------------------------

def assemblies(text):
    return {(r.indicator, r.period): r.value for r in found(text)
            if "assembl" in r.indicator}


def test_assembly_counts_in_a_list_and_over_quarters_and_halves():
    got = assemblies("Monitors recorded 131 peaceful assemblies in 2027, 150 in 2028 and 96 in "
                     "the first half of 2029 alone. Over the third quarter of 2030 the bureau "
                     "registered 41 assemblies; only 4 of the 41 assemblies were authorised.")
    assert got == {("peaceful_assemblies", "2027"): 131, ("peaceful_assemblies", "2028"): 150,
                   ("peaceful_assemblies", "2029-H1"): 96,
                   ("peaceful_assemblies", "2030-Q3"): 41}


def test_shares_named_after_the_percentage_and_a_fraction_in_words():
    got = assemblies("In the third quarter of 2030 the bureau registered 41 assemblies. "
                     "Judged by their demands, 58% of the assemblies raised economic grievances,"
                     " 30% concerned social issues and 12% were political. Political demands "
                     "accounted for a quarter of the assemblies in the first half of 2031.")
    assert got[("assemblies_share_economic", "2030-Q3")] == 58
    assert got[("assemblies_share_social", "2030-Q3")] == 30
    assert got[("assemblies_share_political", "2030-Q3")] == 12
    assert got[("assemblies_share_political", "2031-H1")] == 25


def test_poll_shares_are_not_shares_of_assemblies():
    assert assemblies("In 2030, 61% of those surveyed said social problems caused the "
                      "protests.") == {}


def test_month_table_one_cell_a_line_takes_the_captions_year():
    text = ("Assemblies in Kazakhstan, April–June 2030\n\nMonth\n\nNumber of assemblies\n\n"
            "April\n\n12\n\nMay\n\n9\n\nJune\n\n15\n\nTOTAL\n\n36\n\nThe police said little.")
    assert assemblies(text) == {("peaceful_assemblies", "2030-04"): 12,
                                ("peaceful_assemblies", "2030-05"): 9,
                                ("peaceful_assemblies", "2030-06"): 15}


def test_garbled_header_with_half_years_one_cell_a_line():
    text = ("Table 2. Assemblies by half-year\n\nPeriod 2029\nH1\n2029\nH2\n2030\nH1\n"
            "Number of assemblies 20 31 44\nPolitical 10% 20%\nEconomic 50% 55% 40%\n"
            "Social 40% 45% 40%\n")
    got = assemblies(text)
    assert got[("peaceful_assemblies", "2029-H2")] == 31
    assert got[("assemblies_share_political", "2029-H1")] == 10
    assert ("assemblies_share_political", "2029-H2") not in got  # 55 + 45 leave no room
    assert got[("assemblies_share_political", "2030-H1")] == 20


def test_rates_coordinated_in_one_sentence_share_its_date():
    got = fx("Astana, 5 March 2031\n\nThe dollar closed at 605.5 tenge on KASE on Tuesday, and "
             "the euro at 640 tenge.")
    assert got == [("USD/KZT", "2031-03-04", 605.5), ("EUR/KZT", "2031-03-04", 640.0)]
