"""Survey extraction: questionnaire tables in their printed forms, polls in prose, negatives.

Every example is invented; each mirrors a form (not the wording) of real documents.
"""
import re

import pytest

from kzwatch.cleaning import clean
from kzwatch.document import Document
from kzwatch.extract.surveys import extract


def squash(s):
    return re.sub(r"\s+", " ", s).strip()


def rows(text):
    return extract(Document.plain(text))


WRAPPED_TABLE = """Annex. Poll results.

1. Which problem of the city worries you most?
Answer Choices Responses Ratio
Roads and public transport. 40 50.0 %
The quality of drinking water in the
northern districts of the city
20 25.0 %
Air pollution. 12 15.0 %
Your option. 8 10.0 %
2. Should the mayor be elected?
Answer Choices Responses Ratio
Yes, by direct vote of residents. 60 75.0 %
Appointment by the centre is
acceptable. The current system
works well enough.
16 20.0 %
Your option. 4 5.0 %
"""


def test_wrapped_options_are_joined_in_printed_order():
    got = rows(WRAPPED_TABLE)
    q1 = [r for r in got if r.question_no == 1]
    assert [r.option_no for r in q1] == [1, 2, 3, 4]
    assert q1[1].option_text == ("The quality of drinking water in the northern districts of "
                                 "the city")
    assert (q1[1].responses, q1[1].pct_reported) == (20, 25.0)
    assert q1[0].question_text == "Which problem of the city worries you most?"


def test_multi_line_option_with_one_count_is_one_option():
    q2 = [r for r in rows(WRAPPED_TABLE) if r.question_no == 2]
    assert len(q2) == 3
    assert q2[1].option_text == ("Appointment by the centre is acceptable. The current system "
                                 "works well enough.")
    assert q2[1].responses == 16


def test_your_option_row_is_an_option():
    got = rows(WRAPPED_TABLE)
    assert [r.option_text for r in got if r.option_text == "Your option."] == ["Your option."] * 2
    assert got[3].responses == 8 and got[3].pct_reported == 10.0


def test_respondents_derived_from_count_and_percent_when_not_stated():
    assert {r.n_respondents for r in rows(WRAPPED_TABLE)} == {80}


def test_evidence_is_the_row_and_verbatim():
    for r in rows(WRAPPED_TABLE):
        assert r.evidence in WRAPPED_TABLE
        assert len(r.evidence) <= 600
    row = rows(WRAPPED_TABLE)[1]
    assert squash(row.evidence) == ("The quality of drinking water in the northern districts of "
                                    "the city 20 25.0 %")


STATED_N = """Methods
The questionnaire had three questions. Two hundred forty citizens took part in the survey,
which was held in Shymkent.

Results
1. Do you trust the courts?
Answer | Responses | %
Fully | 30 | 12.5%
Partly | 110 | 45.8%
Not at all | 100 | 41.7%
2. What should change first? (open question)
Suggestions grouped by topic Number of
mentions
Answers about salaries of
judges and prosecutors.
31
Answers about open hearings. 12
No answers. 9
"""


def test_stated_sample_size_wins_and_carries_to_open_question():
    got = rows(STATED_N)
    assert {r.n_respondents for r in got} == {240}


def test_open_question_counts_mentions_without_percent():
    q2 = [r for r in rows(STATED_N) if r.question_no == 2]
    assert [r.option_text for r in q2] == [
        "Answers about salaries of judges and prosecutors.", "Answers about open hearings.",
        "No answers."]
    assert [r.responses for r in q2] == [31, 12, 9]
    assert all(r.pct_reported is None for r in q2)


def test_pipe_table_values():
    q1 = [r for r in rows(STATED_N) if r.question_no == 1]
    assert [(r.option_text, r.responses, r.pct_reported) for r in q1] == [
        ("Fully", 30, 12.5), ("Partly", 110, 45.8), ("Not at all", 100, 41.7)]


def test_stated_size_inconsistent_with_counts_is_ignored():
    text = ("A poll of 1,500 residents was run last year.\n\n"
            "1. Do you cycle to work?\nAnswer Choices Responses Ratio\n"
            "Yes. 30 60.0 %\nNo. 20 40.0 %\n")
    assert {r.n_respondents for r in rows(text)} == {50}


def test_multi_select_question_above_100_percent_is_kept():
    text = ("1. Which media do you follow? (several answers possible)\n"
            "Answer Choices Responses Ratio\n"
            "Television. 70 70.0 %\nTelegram channels. 60 60.0 %\nNewspapers. 25 25.0 %\n")
    got = rows(text)
    assert sum(r.pct_reported for r in got) == 155.0
    assert {r.n_respondents for r in got} == {100}


def test_question_without_header_with_percent_rows():
    text = ("Do you approve of the new tax code?\n"
            "Yes – 45%\nNo – 40%\nHard to say – 15%\n")
    got = rows(text)
    assert [(r.option_text, r.pct_reported) for r in got] == [
        ("Yes", 45.0), ("No", 40.0), ("Hard to say", 15.0)]
    assert all(r.responses is None for r in got)


def test_pdf_double_spacing_through_cleaning_keeps_evidence_verbatim():
    original = "\n\n".join(WRAPPED_TABLE.splitlines()) + "\n"
    doc = clean(original)
    got = extract(doc)
    assert len(got) == 7
    for r in got:
        assert original[r.evidence_start:r.evidence_end] == r.evidence


def test_poll_in_prose_with_quoted_options_and_subgroups():
    text = ("The Civic Lab conducted a survey on media trust. 2,000 adults were polled, and 41% "
            "of them are convinced that “foreign media lie”. Only 22% perceive it as "
            "\"a normal plurality of opinions\". Among the rural respondents, the option "
            "“I trust no one” was chosen by 30%, and among the urban respondents, half as "
            "many – 15%.")
    got = rows(text)
    assert [(r.question_no, r.option_no, r.option_text, r.pct_reported, r.n_respondents)
            for r in got] == [
        (1, 1, "foreign media lie", 41.0, 2000),
        (1, 2, "a normal plurality of opinions", 22.0, 2000),
        (2, 1, "I trust no one", 30.0, None),
        (3, 1, "I trust no one", 15.0, None)]
    assert got[2].question_text == "rural respondents"
    assert all(r.evidence in text for r in got)


def test_separate_opinions_in_prose_are_separate_questions():
    text = ("Analysts added: “64% of students believe that tuition should be free, 52% "
            "believe that grants are distributed unfairly.”")
    got = rows(text)
    assert [(r.question_no, r.option_text, r.pct_reported) for r in got] == [
        (1, "tuition should be free", 64.0), (2, "grants are distributed unfairly", 52.0)]


def test_prose_repeating_the_documents_own_table_is_not_another_poll():
    text = WRAPPED_TABLE + ("\nDiscussion\nMost people, 50.0% (40 responses), named roads. "
                            "75% believe that the mayor should be elected.\n")
    got = rows(text)
    assert len(got) == 7  # the table only


@pytest.mark.parametrize("text", [
    "Inflation reached 8.4% in March, and food prices rose by 12% over the year.",
    "The share of Russia in imports fell from 41% to 39%, while China's rose to 27%.",
    "Kazakhs made up 39 percent of the population in 1989 and 69 percent in 2021.",
    ("Table 1. Budget by region\nRegion Number of schools Share %\nAlmaty 120 15.3%\n"
    "Astana 95 12.1%\nShymkent 80 10.2%\n"),
    "1. Introduction\nThe first chapter covers 2019\nand the second covers 2020\n",
])
def test_prose_and_other_tables_with_numbers_are_not_surveys(text):
    assert rows(text) == []


def test_garbage_never_raises():
    text = "1. ?\nAnswer Responses Ratio\n%\n12 %\n 7\n\n?\n99 999 %\n"
    assert isinstance(rows(text), list)


def test_bare_numbers_under_a_percent_only_header_are_percents():
    text = ("Q3. Would you take part in a protest?\nAnswer | Share of respondents, %\n"
            "Yes, certainly | 12.5\nProbably | 20\nNo | 67.5\n")
    got = rows(text)
    assert [(r.question_no, r.option_text, r.responses, r.pct_reported) for r in got] == [
        (3, "Yes, certainly", None, 12.5), (3, "Probably", None, 20.0), (3, "No", None, 67.5)]


def test_prose_option_stops_before_the_attribution():
    text = ("About 62% trust the president, according to a poll of 1,200 respondents by the "
            "Civic Lab.")
    [r] = rows(text)
    assert (r.option_text, r.pct_reported, r.n_respondents) == ("trust the president", 62.0, 1200)


# ---- further printed and prose forms ------------------------------------------------------

def test_count_column_with_unsigned_percent_under_a_captioned_question():
    text = ("Table 3. Which institutions do you consider the most corrupt? (several answers)\n"
            "Answer | Responses | %\n"
            "Traffic police | 312 | 52.0\n"
            "Courts | 270 | 45.0\n"
            "Land offices | 150 | 25.0\n")
    got = rows(text)
    assert [(r.option_text, r.responses, r.pct_reported) for r in got] == [
        ("Traffic police", 312, 52.0), ("Courts", 270, 45.0), ("Land offices", 150, 25.0)]
    assert got[0].question_text.startswith("Which institutions do you consider")
    assert not got[0].question_text.startswith("Table")
    assert {r.n_respondents for r in got} == {600}  # 312 / 52%


def test_unsigned_percent_needs_a_header_naming_both_columns():
    text = ("Which districts did you visit?\n"
            "Answer | Responses\n"
            "Esil | 312 | 52\n"
            "Almaly | 270 | 45\n")
    assert all(r.pct_reported is None for r in rows(text))


def test_alternatives_in_one_sentence_are_one_question_and_size_comes_from_next_sentence():
    text = ("A new poll by the Qogam research centre shows that 44% of residents trust the "
            "city council, while 35% do not and 21% found it difficult to answer. The survey of "
            "2,000 adults was held in May.")
    got = rows(text)
    assert [(r.question_no, r.option_no, r.option_text, r.pct_reported) for r in got] == [
        (1, 1, "trust the city council", 44.0), (1, 2, "do not", 35.0),
        (1, 3, "found it difficult to answer", 21.0)]
    assert {r.n_respondents for r in got} == {2000}
    assert {r.survey_id for r in got} == {"qogam"}


def test_yes_and_no_answers_in_prose():
    got = rows("Asked whether the fuel price cap should stay, 72% of those surveyed said yes, "
               "and 20% said no.")
    assert [(r.option_text, r.pct_reported) for r in got] == [("yes", 72.0), ("no", 20.0)]


def test_sample_of_a_named_group_and_statements_in_separate_sentences():
    text = ("In a survey conducted by the Steppe Youth Foundation among 1,200 young people, "
            "58 percent said they had never attended a council meeting. Only 9 percent said "
            "they had contacted their deputy.")
    got = rows(text)
    assert [(r.question_no, r.option_no, r.pct_reported) for r in got] == [
        (1, 1, 58.0), (2, 1, 9.0)]
    assert {r.n_respondents for r in got} == {1200}
    assert {r.survey_id for r in got} == {"steppe-youth-foundation"}


@pytest.mark.parametrize("text", [
    "Inflation reached 9.8% in 2023, while the economy grew by 5.1% and 3% of loans defaulted.",
    "Turnout was 69%, and 81% of votes went to the incumbent.",
])
def test_percentages_that_are_not_alternative_answers(text):
    got = rows(text)
    assert all(r.pct_reported != 45.0 and r.pct_reported != 5.1 for r in got)
    assert len(got) <= 1


def test_an_earlier_wave_printed_for_comparison_is_a_survey_of_its_own():
    got = rows("The survey shows 61% trust the police, up from 45% in 2019.")
    assert [(r.survey_id, r.question_no, r.option_text, r.pct_reported) for r in got] == [
        ("poll", 1, "trust the police", 61.0), ("poll-2019", 1, "trust the police", 45.0)]
    got = rows("In the poll, 52% back the reform and 40% oppose it (48% and 45% in 2020).")
    assert [(r.survey_id, r.option_text, r.pct_reported) for r in got][2:] == [
        ("poll-2020", "back the reform", 48.0), ("poll-2020", "oppose it", 45.0)]


def test_bulleted_options_lose_their_bullets():
    text = ("Do you approve of the new parking fees?\n"
            "• Yes — 38%\n• No — 49%\n• Difficult to answer — 13%\n")
    assert [(r.option_text, r.pct_reported) for r in rows(text)] == [
        ("Yes", 38.0), ("No", 49.0), ("Difficult to answer", 13.0)]


def test_asked_question_in_prose_becomes_the_question_text():
    got = rows("When asked whether they would join a strike, 12% answered yes, 71% no and 17% "
               "were undecided, according to the poll.")
    assert [(r.option_no, r.option_text, r.pct_reported) for r in got] == [
        (1, "yes", 12.0), (2, "no", 71.0), (3, "were undecided", 17.0)]
    assert {r.question_text for r in got} == {"whether they would join a strike"}


IN_TABLE_QUESTIONS = """Table 2 - Answers (number of respondents and %)

No.  Question / answer option                         Number      %
1    How often do you use the e-government portal
     to pay local taxes?
     Every month                                         120    30.0
     A few times a year, mostly before the tax           200    50.0
     deadline
     Never                                                80    20.0
2    Whom would you tell about a bribe demand?
     (several answers possible)
     The police                                          140    35.0
     Nobody                                              220    55.0
Source: survey of 400 households.
"""


def test_questions_printed_inside_one_table_with_options_wrapped_below_their_figures():
    got = rows(IN_TABLE_QUESTIONS)
    assert [(r.question_no, r.option_text, r.responses, r.pct_reported) for r in got] == [
        (1, "Every month", 120, 30.0),
        (1, "A few times a year, mostly before the tax deadline", 200, 50.0),
        (1, "Never", 80, 20.0),
        (2, "The police", 140, 35.0), (2, "Nobody", 220, 55.0)]
    assert got[0].question_text == ("How often do you use the e-government portal to pay "
                                    "local taxes?")
    assert got[3].question_text.startswith("Whom would you tell about a bribe demand?")
    assert "deadline" in got[1].evidence


def test_contrasted_answers_and_bare_verbs_in_prose():
    text = ("The poll of 900 residents found that 55% of respondents said they would vote in "
            "the local election, while 25% said they would stay at home and 20% found it "
            "difficult to answer. Asked whether the akim should be elected, 61% agreed and "
            "22% disagreed; the rest had no opinion.")
    got = rows(text)
    assert [(r.question_no, r.option_no, r.pct_reported) for r in got] == [
        (1, 1, 55.0), (1, 2, 25.0), (1, 3, 20.0), (2, 1, 61.0), (2, 2, 22.0)]
    assert [r.option_text for r in got][3:] == ["agreed", "disagreed"]
    assert {r.n_respondents for r in got[:3]} == {900}


def test_share_of_a_group_that_rose_to_a_percentage():
    [r] = rows("The city poll found a change. Among pensioners, the share of people satisfied "
               "with local clinics rose to 38%.")
    assert (r.option_text, r.pct_reported) == ("satisfied with local clinics", 38.0)


SURVEY_REPORT = """Methodology
A total of 820 residents of Karaganda were interviewed in the survey.

Table 1. "How satisfied are you with public transport?" (% of respondents, n=820)

                         Total    Men    Women
Fully satisfied           22.0    24.1   20.2
Rather dissatisfied       48.5    47.0   49.8
Hard to say / no
answer                    29.5    28.9   30.0

Of the 820 respondents, 14.0% said they used a bicycle in summer, 80.5% said they did not,
and 5.5% refused to answer.

Table 2. "Which problems matter most to you?" (up to two answers; %, n=820)

%
Potholes ................................... 61.2
Bus delays ............................... 44.0
Air quality ............................ 30.3
"""


def test_group_columns_dot_leaders_and_a_prose_question_between_tables():
    got = rows(SURVEY_REPORT)
    table = sorted((r.question_no, r.option_no, r.option_text, r.pct_reported) for r in got
                   if r.survey_id == got[0].survey_id)
    table = [(q, text, pct) for q, _, text, pct in table]
    assert table == [
        (1, "Fully satisfied", 22.0), (1, "Rather dissatisfied", 48.5),
        (1, "Hard to say / no answer", 29.5),
        (2, "they used a bicycle in summer", 14.0), (2, "they did not", 80.5),
        (2, "refused to answer", 5.5),
        (3, "Potholes", 61.2), (3, "Bus delays", 44.0), (3, "Air quality", 30.3)]
    assert got[0].question_text.startswith("How satisfied are you with public transport?")
    assert {r.n_respondents for r in got} == {820}


HOUSEHOLD_TABLES = """Table 1. Use of e-services (number of respondents and percent)
Q2. In the past year, have you or a member of your
household paid a utility bill online?                  N       %
  Yes, every month                                     300    50.0
  Yes, sometimes                                       120    20.0
  No                                                   180    30.0
  Total                                                600   100.0
Q5. Why not? (asked of those who answered "No" to Q2)
                                                       N       %
  No internet at home                                   90    50.0
  Prefer to pay in cash                                 90    50.0
  Total                                                180   100.0

Table 2. Preferred channels (percent of respondents; n = 575)
Q6. Which channels would you use? Name no
more than two.                                             %
  Mobile app                                             61.0
  Bank branch                                            40.5
"""


def test_headers_at_the_end_of_the_question_total_rows_and_caption_sizes():
    got = rows(HOUSEHOLD_TABLES)
    by_q = {}
    for r in got:
        by_q.setdefault(r.question_no, []).append(r)
    assert sorted(by_q) == [2, 5, 6]
    assert [r.option_text for r in by_q[2]] == ["Yes, every month", "Yes, sometimes", "No"]
    assert by_q[2][0].question_text == ("In the past year, have you or a member of your "
                                        "household paid a utility bill online?")
    assert {r.n_respondents for r in by_q[2]} == {600}  # the Total row, not an option
    assert {r.n_respondents for r in by_q[5]} == {180}
    assert [(r.option_text, r.pct_reported, r.responses) for r in by_q[6]] == [
        ("Mobile app", 61.0, None), ("Bank branch", 40.5, None)]
    assert {r.n_respondents for r in by_q[6]} == {575}


def test_answers_listed_with_said_in_one_sentence_are_one_question():
    got = rows("A poll of 1,000 adults asked whether prices had risen. Some 58 percent of "
               "respondents said they had risen sharply, 30 percent said they had risen a "
               "little, and 8 percent said they had stayed the same, while the remaining 4 "
               "percent found it difficult to answer.")
    assert [(r.question_no, r.option_no, r.pct_reported) for r in got] == [
        (1, 1, 58.0), (1, 2, 30.0), (1, 3, 8.0), (1, 4, 4.0)]
    assert got[2].option_text == "they had stayed the same"


def test_respondents_column_is_a_count_column():
    text = ("Q1. Would you sign a petition against the new tariffs?\n"
            "Answer option                  Respondents    %\n"
            "Yes                                    300   60.0\n"
            "No                                     150   30.0\n"
            "Difficult to answer                     50   10.0\n")
    assert [(r.option_text, r.responses, r.pct_reported, r.n_respondents) for r in rows(text)] \
        == [("Yes", 300, 60.0, 500), ("No", 150, 30.0, 500), ("Difficult to answer", 50, 10.0, 500)]


# ---- prose read clause by clause; grids and stacked cells ---------------------------------

def opts(got):
    return [(r.question_no, r.option_no, r.option_text, r.pct_reported) for r in got]


def test_contrast_semicolon_and_dont_know_are_four_options_of_one_question():
    got = rows("In the poll of 2,000 adults, 64% disapprove of the new tariff, while 15%, on "
               "the contrary, support it; 13% found it difficult to answer and 8% had not "
               "heard of it.")
    assert opts(got) == [(1, 1, "disapprove of the new tariff", 64.0), (1, 2, "support it", 15.0),
                         (1, 3, "found it difficult to answer", 13.0),
                         (1, 4, "had not heard of it", 8.0)]
    assert {r.n_respondents for r in got} == {2000}


def test_parts_of_an_answer_nest_under_it():
    got = rows("The barometer of 1,500 residents shows that 61.5% do not trust the courts, "
               "including 33.2% who do not trust them at all and 28.3% who rather do not trust "
               "them. Another 30% trust them.")
    assert opts(got) == [(1, 1, "do not trust the courts", 61.5),
                         (1, 2, "do not trust them at all", 33.2),
                         (1, 3, "rather do not trust them", 28.3), (1, 4, "trust them", 30.0)]
    assert {r.n_respondents for r in got} == {1500}


def test_two_groups_sharing_one_answer_are_two_questions():
    got = rows("A survey of 900 people found that 37% of citizens and 46% of entrepreneurs "
               "consider the tax inspectors corrupt.")
    assert opts(got) == [(1, 1, "the tax inspectors corrupt", 37.0),
                         (2, 1, "the tax inspectors corrupt", 46.0)]
    assert [r.question_text for r in got] == ["citizens", "entrepreneurs"]


def test_list_items_with_their_shares_and_a_passive_continuation():
    got = rows("Respondents of the poll could name up to three problems. Most often they named "
               "rising rents (48%), low wages and pensions (44%) and bad roads (30%). Air "
               "quality was named by 21%, and crime by 9%.")
    assert opts(got) == [(1, 1, "rising rents", 48.0), (1, 2, "low wages and pensions", 44.0),
                         (1, 3, "bad roads", 30.0), (1, 4, "Air quality", 21.0),
                         (1, 5, "crime", 9.0)]


def test_parenthesised_share_of_a_respondent_phrase_and_answers_across_sentences():
    got = rows("The survey of 800 voters asked about the reform. Nearly half of respondents "
               "(47%) said they back it, while 28% oppose it. Only 19% have no view and every "
               "twentieth respondent (6%) found it hard to answer.")
    assert opts(got) == [(1, 1, "they back it", 47.0), (1, 2, "oppose it", 28.0),
                         (1, 3, "have no view", 19.0), (1, 4, "found it hard to answer", 6.0)]


def test_subgroups_and_respectively():
    got = rows("The poll of 1,000 adults found that 52% expect prices to rise. The view is "
               "most common among pensioners and among students (61% and 58% respectively). "
               "Most respondents say they avoid sugar and salt (72 and 40 percent "
               "respectively).")
    assert opts(got) == [(1, 1, "expect prices to rise", 52.0),
                         (2, 1, "expect prices to rise", 61.0),
                         (3, 1, "expect prices to rise", 58.0),
                         (4, 1, "avoid sugar", 72.0), (5, 1, "avoid salt", 40.0)]
    assert [r.n_respondents for r in got] == [1000, None, None, 1000, 1000]
    assert got[1].question_text == "pensioners"


def test_country_subgroups_of_a_poll_sized_for_each_country():
    got = rows("In each country 1,000 adults were interviewed. Some 58% in Armenia call the "
               "economy stable, while in Georgia a modest 31% of the population agree.")
    assert [(r.option_text, r.pct_reported, r.question_text, r.n_respondents) for r in got] == [
        ("call the economy stable", 58.0, "Armenia", 1000),
        ("call the economy stable", 31.0, "Georgia", 1000)]


@pytest.mark.parametrize("text", [
    "The survey of 600 people has a margin of error of 3.5%, and 52% of them were women.",
    "Before the poll, the miners won a 25 per cent wage increase.",
    "The poll found support above 60 percent in every region.",
    "Support grew by 4.5% in a year, the survey of 700 adults shows.",
])
def test_shares_in_a_poll_passage_that_are_not_answers(text):
    assert rows(text) == []


def test_a_headline_restating_a_share_is_one_row():
    got = rows("62% back the bridge plan\n\nA poll of 500 residents shows 62% of respondents "
               "back the bridge plan, while 30% do not.")
    assert [r.pct_reported for r in got] == [62.0, 30.0]


LIKERT_CELLS = """In May 250 nurses filled in the questionnaire.
Table 2 - Nurses' views
No Statements
Agree
(%)
Neutral
(%)
Disagree
(%)
1
Shifts are too
long.
60.4
20
19.6
2
Pay is fair.
15
25
60
"""


def test_likert_grid_one_cell_per_line():
    got = rows(LIKERT_CELLS)
    assert opts(got) == [(1, 1, "Agree", 60.4), (1, 2, "Neutral", 20.0), (1, 3, "Disagree", 19.6),
                         (2, 1, "Agree", 15.0), (2, 2, "Neutral", 25.0), (2, 3, "Disagree", 60.0)]
    assert got[0].question_text == "Shifts are too long."
    assert {r.n_respondents for r in got} == {250}


def test_key_findings_grid_each_cell_its_own_question():
    text = ("City survey: main results (%)\n\nNorth South East\nFeel safe at night 64 52 47\n"
            "Use buses daily 31 45 22\nVisit parks weekly 40 38 51\n")
    got = rows(text)
    assert [(r.question_no, r.option_text, r.pct_reported) for r in got][:4] == [
        (1, "Feel safe at night", 64.0), (2, "Feel safe at night", 52.0),
        (3, "Feel safe at night", 47.0), (4, "Use buses daily", 31.0)]
    assert len(got) == 9


def test_options_stacked_one_cell_per_line():
    text = ("Results of the district poll.\n\nQ2. Do you trust the district police?\nAnswer\n"
            "Number\n%\nYes\n120\n40%\nNo, not\nat all\n150\n50%\nDifficult to answer\n30\n10%\n")
    got = rows(text)
    assert [(r.question_no, r.option_text, r.responses, r.pct_reported, r.n_respondents)
            for r in got] == [(2, "Yes", 120, 40.0, 300), (2, "No, not at all", 150, 50.0, 300),
                              (2, "Difficult to answer", 30, 10.0, 300)]


def test_answers_told_under_an_earlier_year_are_that_wave():
    got = rows("The panel survey of 1,200 adults is held every year. In the spring of 2016, 48% "
               "of respondents preferred buses, against 40% who preferred cars. In the autumn "
               "of 2021, only 35% preferred buses, while 57% preferred cars.")
    assert [(r.survey_id, r.question_no, r.option_text, r.pct_reported, r.n_respondents)
            for r in got] == [
        ("poll-2016", 1, "buses", 48.0, None), ("poll-2016", 1, "cars", 40.0, None),
        ("poll", 1, "buses", 35.0, 1200), ("poll", 1, "cars", 57.0, 1200)]


def test_shares_of_cases_have_no_respondent_base():
    got = rows("The survey of 900 firms found that in 58% of cases the demand came from an "
               "inspector.")
    assert [(r.option_text, r.pct_reported, r.n_respondents) for r in got] == [
        ("the demand came from an inspector", 58.0, None)]


def test_figures_for_the_sentences_subject_by_country_and_the_wave_they_changed_from():
    got = rows("The barometer polled 1,000 adults in each country. Between 2018 and 2022, "
               "trust in the union fell most in Moldova (from 58% to 41%). China is most often "
               "named as the main creditor: 33% in Moldova and 27% in Armenia.")
    assert [(r.survey_id, r.option_text, r.pct_reported, r.question_text) for r in got] == [
        ("poll", "trust in the union", 41.0, "Moldova"), ("poll", "China", 33.0, "Moldova"),
        ("poll", "China", 27.0, "Armenia"),
        ("poll-2018", "trust in the union", 58.0, "Moldova")]


def test_a_country_label_before_its_figure():
    got = rows("In the survey, Turkey is named as the preferred partner (Georgia 44%, Armenia "
               "12%).")
    assert [(r.option_text, r.pct_reported, r.question_text) for r in got] == [
        ("Turkey", 44.0, "Georgia"), ("Turkey", 12.0, "Armenia")]


def test_any_plural_group_and_attitude_shares():
    got = rows("A poll by the Steppe Institute shows 45 percent of Uzbeks support the new visa "
               "rules, 30 percent oppose them and the rest are undecided. Approval among men "
               "was 51% and among women 39%.")
    assert [(r.question_no, r.option_text, r.pct_reported, r.question_text) for r in got] == [
        (1, "support the new visa rules", 45.0, None), (1, "oppose them", 30.0, None),
        (2, "Approval", 51.0, "men"), (3, "Approval", 39.0, "women")]


def test_a_fraction_with_its_share_in_brackets_then_the_group():
    [r] = rows("The survey found that two-thirds (66%) of pensioners watch the evening news.")
    assert (r.option_text, r.pct_reported) == ("watch the evening news", 66.0)


def test_shares_of_things_near_a_poll_are_not_answers():
    text = ("The ranking is based on a UN survey. About 85 percent of all permits can now be "
            "issued online, and bribery accounted for about 30 percent of all cases.")
    assert rows(text) == []


def test_stacked_options_under_a_table_caption_with_percent_only():
    text = ("Survey of bus users, 2024\n\nTable 3. Satisfaction with the new routes\nVery "
            "satisfied\n22.5%\nRather satisfied\n41%\nNot satisfied\n36.5%\n\nSource: city hall.")
    got = rows(text)
    assert [(r.option_text, r.responses, r.pct_reported) for r in got] == [
        ("Very satisfied", None, 22.5), ("Rather satisfied", None, 41.0),
        ("Not satisfied", None, 36.5)]
    assert got[0].question_text == "Satisfaction with the new routes"


def test_one_share_for_each_listed_group():
    got = rows("The poll of 1,300 residents was held in May. Residents of Oral, Aktau and "
               "Atyrau most often name roads as the main problem (38% each).")
    assert [(r.question_no, r.option_text, r.pct_reported, r.question_text, r.n_respondents)
            for r in got] == [
        (1, "roads as the main problem", 38.0, "Oral", None),
        (2, "roads as the main problem", 38.0, "Aktau", None),
        (3, "roads as the main problem", 38.0, "Atyrau", None)]
