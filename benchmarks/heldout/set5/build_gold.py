"""Writes the set5 gold (gold/*.jsonl) from the rows below. Judged by hand from
shared/spec/records.md and shared/spec/coding-guide.md; run check_gold.py afterwards."""
import json
from pathlib import Path

HERE = Path(__file__).parent
CASES, EVENTS, SURVEYS, STATS, INDS = [], [], [], [], []

A01 = "a01_reuters_deputy_akim_detained.txt"
A02 = "a02_court_press_release_karaganda.txt"
A03 = "a03_aca_press_release_pavlodar.txt"
A04 = "a04_hrw_wage_protests_west.txt"
A05 = "a05_rferl_ekibastuz_chronology.txt"
A06 = "a06_qogam_survey_table.txt"
A07 = "a07_poll_fuel_prices_prose.txt"
A08 = "a08_prosecutor_general_annual_statement.txt"
A09 = "a09_cpi_2024_central_asia.txt"
A10 = "a10_tenge_market_page.txt"
A11 = "a11_thesis_pdf_assemblies.txt"
A12 = "a12_rferl_appeal_taldykorgan.txt"


def case(src, name, pid, position, region, charges, evidence, status, amount_kzt=None,
         amount_usd=None, amount_kind=None, detained_on=None, verdict_on=None,
         sentence_type=None, sentence_months=None, in_absentia=False, note=None):
    r = dict(source_name=src, person_name=name, person_id=pid, position=position, region=region,
             charges=charges, amount_kzt=amount_kzt, amount_usd=amount_usd,
             amount_kind=amount_kind, detained_on=detained_on, verdict_on=verdict_on,
             sentence_type=sentence_type, sentence_months=sentence_months,
             in_absentia=in_absentia, status=status, evidence=evidence)
    if note:
        r["note"] = note
    CASES.append(r)


def event(src, date, location, region, etype, sub, description, evidence, participants=None,
          killed=None, injured=None, detained=None, note=None):
    r = dict(source_name=src, event_date=date, location=location, region=region,
             event_type=etype, sub_event_type=sub, participants=participants, killed=killed,
             injured=injured, detained=detained, description=description, evidence=evidence)
    if note:
        r["note"] = note
    EVENTS.append(r)


def survey(src, sid, qno, qtext, options, n, note=None):
    """options: list of (option_text, responses, pct, evidence)"""
    for i, (text, resp, pct, ev) in enumerate(options, 1):
        r = dict(source_name=src, survey_id=sid, question_no=qno, question_text=qtext,
                 option_no=i, option_text=text, responses=resp, pct_reported=pct,
                 n_respondents=n, evidence=ev)
        if note:
            r["note"] = note
        SURVEYS.append(r)


def stat(src, subject, metric, value, unit, period, location, evidence, note=None):
    r = dict(source_name=src, subject=subject, metric=metric, value=float(value), unit=unit,
             period=period, location=location, evidence=evidence)
    if note:
        r["note"] = note
    STATS.append(r)


def ind(src, indicator, entity, period, value, unit, evidence, rank=None, rank_of=None,
        note=None):
    r = dict(source_name=src, indicator=indicator, entity=entity, period=period,
             value=None if value is None else float(value), unit=unit, rank=rank,
             rank_of=rank_of, evidence=evidence)
    if note:
        r["note"] = note
    INDS.append(r)


# ---------------------------------------------------------------- a01 Reuters
case(A01, "Nurlan Zhaksybekov", "s5-zhaksybekov-nurlan", "deputy akim of Karaganda region",
     "Karaganda", ["bribe_taking"],
     "Kazakhstan's Anti-Corruption Agency detained a deputy governor of the industrial Karaganda region on Tuesday on suspicion of taking a bribe of 12 million tenge ($23,500) from a construction contractor, the agency said in a statement. Nurlan Zhaksybekov, who oversaw construction and housing as deputy akim of Karaganda region, was caught as he received the money in a restaurant in the city of Karaganda, the agency said.",
     "detained", amount_kzt=12e6, amount_usd=23500, amount_kind="bribe", detained_on="2025-03-04",
     note="Dateline March 5 (2025 from the timestamp line); 'on Tuesday' = 2025-03-04. Dismissal is not a legal stage.")
case(A01, "Timur Aldabergenov", "s5-aldabergenov-timur", "businessman", "Karaganda", ["bribe_giving"],
     "The businessman who allegedly handed over the money, Timur Aldabergenov, has been charged with bribe-giving and placed under house arrest, the agency said.",
     "charged", amount_kzt=12e6, amount_usd=23500, amount_kind="bribe",
     note="Same bribe as Zhaksybekov's. House arrest has no date of its own: detained_on null; latest stage charged. Same person as Aldabergenov T.S. in a02.")
case(A01, "Yerlan Musabekov", "s5-musabekov-yerlan", "head of the capital's housing department",
     "Astana", ["embezzlement"],
     "Last month, a court in Astana sentenced Yerlan Musabekov, the former head of the capital's housing department, to six years in prison for embezzling 340 million tenge earmarked for apartment renovations.",
     "convicted", amount_kzt=340e6, amount_kind="embezzled", verdict_on="2025-02",
     sentence_type="prison", sentence_months=72, note="'Last month' against the March 5, 2025 dateline.")
stat(A01, "Anti-Corruption Agency: corruption offences registered", "corruption_cases_registered",
     1112, "cases", "2024", None,
     "The agency says it registered 1,112 corruption offences in 2024, a figure it has presented as evidence of a tougher approach.")
ind(A01, "cpi_score", "Kazakhstan", "2024", 40, "score",
    "In Transparency International's 2024 Corruption Perceptions Index, published last month, Kazakhstan scored 40 out of 100 and ranked 88th of 180 countries.",
    rank=88, rank_of=180)
ind(A01, "fx_rate", "USD/KZT", "2025-03-05", 498.65, "rate",
    "The tenge was little changed at 498.65 per dollar on Wednesday.",
    note="'on Wednesday' = the dateline day, March 5, 2025.")

# ---------------------------------------------------------------- a02 court press release
V02 = "2025-06-10"
case(A02, "Zhaksybekov N.K.", "s5-zhaksybekov-nurlan", "deputy akim of Karaganda region", "Karaganda",
     ["bribe_taking"],
     "Zhaksybekov N.K. and Omarova G.T. were sentenced to 9 (nine) and 5 (five) years 6 (six) months of imprisonment respectively",
     "convicted", amount_kzt=12e6, amount_kind="bribe", verdict_on=V02, sentence_type="prison",
     sentence_months=108,
     note="Listed as 'former deputy akim of Karaganda region'; the office when the case arose is deputy akim. Same person as Nurlan Zhaksybekov in a01. Confiscation and lifelong ban are additional penalties.")
case(A02, "Omarova G.T.", "s5-omarova-g", "head of the department of construction of Karaganda region",
     "Karaganda", ["bribery_mediation"],
     "Zhaksybekov N.K. and Omarova G.T. were sentenced to 9 (nine) and 5 (five) years 6 (six) months of imprisonment respectively",
     "convicted", amount_kzt=12e6, amount_kind="bribe", verdict_on=V02, sentence_type="prison",
     sentence_months=66, note="'respectively': 5 years 6 months -> 66.")
case(A02, "Aldabergenov T.S.", "s5-aldabergenov-timur", "director of KarStroyInvest LLP", "Karaganda",
     ["bribe_giving"],
     "Aldabergenov T.S. was found guilty of giving a bribe and sentenced to a fine in the amount of 6 000 000 (six million) tenge, taking into account his active cooperation with the investigation.",
     "convicted", amount_kzt=12e6, amount_kind="bribe", verdict_on=V02, sentence_type="fine",
     note="The 6 million fine is the penalty, not money at stake; amount = the 12 million bribe he gave. Same person as Timur Aldabergenov in a01.")
case(A02, "Li V.A.", "s5-li-v", "technical supervision engineer of KarStroyInvest LLP", "Karaganda",
     ["negligence"],
     "Li V.A. was found guilty of negligence (Article 371 of the Criminal Code), expressed in signing acts of hidden works that were not performed, and sentenced to restriction of freedom for a period of 2 (two) years.",
     "convicted", verdict_on=V02, sentence_type="restriction_of_freedom", sentence_months=24)
case(A02, "Seitkali B.M.", "s5-seitkali-b", "chief specialist of the department of construction of Karaganda region",
     "Karaganda", [],
     "Seitkali B.M. was acquitted due to the absence of corpus delicti in his actions.",
     "acquitted", verdict_on=V02, sentence_type="none",
     note="The charge he faced is never stated: charges empty.")

# ---------------------------------------------------------------- a03 ACA press release
D03 = "2025-09-22"
case(A03, "Sarsenov D.M.", "s5-sarsenov-d", "head of the land relations department of the akimat of Ekibastuz city",
     "Pavlodar", ["bribe_taking"],
     "Yesterday, officers of the Department of the Anti-Corruption Agency for Pavlodar region detained the head of the land relations department of the akimat of Ekibastuz city, Sarsenov D.M., red-handed while receiving a bribe in the amount of 3 500 000 (three million five hundred thousand) tenge for the allocation of a land plot for the construction of a car service centre.",
     "detained", amount_kzt=3.5e6, amount_kind="bribe", detained_on=D03,
     note="'Yesterday' against the release date 23.09.2025. Court-sanctioned custody is still the detention stage.")
case(A03, "Abenov R.K.", "s5-abenov-r", "deputy head of the land relations department of the akimat of Ekibastuz city",
     "Pavlodar", ["bribery_mediation"],
     "Pre-trial investigation established the involvement of his deputy Abenov R.K., who acted as an intermediary in the transfer of money. Both were detained the same day in accordance with Article 128 of the Criminal Procedure Code.",
     "detained", amount_kzt=3.5e6, amount_kind="bribe", detained_on=D03,
     note="Position from 'his deputy' (of the head of the land relations department).")
case(A03, "Ermekov S.B.", "s5-ermekov-s", "chief specialist of the akimat of Ekibastuz city", "Pavlodar", [],
     "In addition, Ermekov S.B., chief specialist of the akimat of Ekibastuz city, is suspected under part 3 of Article 366 of the Criminal Code.",
     "suspected", note="Article number with no gloss in the text -> no charge.")
case(A03, "Baimukhanov T.E.", "s5-baimukhanov-t", "akim of the town of Aksu", "Pavlodar", ["abuse_of_office"],
     "The criminal case against the former akim of the town of Aksu, Baimukhanov T.E., accused of abuse of official powers (Article 361 of the Criminal Code), has been completed and sent to court for consideration on the merits.",
     "on_trial",
     note="Case sent to court for trial on the merits -> on_trial (judged: the trial stage has begun; 'charged' is the stage before). Aksu is in Pavlodar region; the release is the Pavlodar department's.")
case(A03, "Kenzhebayeva A.A.", "s5-kenzhebayeva-a", "chief physician of the Pavlodar regional hospital",
     "Pavlodar", ["embezzlement"],
     "Earlier, the Pavlodar city court sentenced in absentia the former chief physician of the Pavlodar regional hospital, Kenzhebayeva A.A., who fled abroad, to 7 (seven) years of imprisonment for the embezzlement of budget funds in the amount of 86.3 million tenge.",
     "convicted", amount_kzt=86.3e6, amount_kind="embezzled", sentence_type="prison",
     sentence_months=84, in_absentia=True, note="'Earlier': no verdict date.")
EV03 = "Since the beginning of 2025, the Department has registered 58 corruption crimes, 31 criminal cases have been sent to court, and 412 million tenge of damage has been recovered."
SUB03 = "Anti-Corruption Agency Department for Pavlodar region"
stat(A03, SUB03 + ": corruption crimes registered", "corruption_cases_registered", 58, "cases", "2025", "Pavlodar", EV03,
     note="Region-level figure: location = the region (canonical Pavlodar).")
stat(A03, SUB03 + ": criminal cases sent to court", "criminal_cases", 31, "cases", "2025", "Pavlodar", EV03)
stat(A03, SUB03 + ": damage recovered", "assets_recovered", 412e6, "KZT", "2025", "Pavlodar", EV03,
     note="'damage has been recovered' read as assets_recovered.")

# ---------------------------------------------------------------- a04 HRW
M, AT = "Mangystau", "Atyrau"
event(A04, "2025-05-12", "Zhanaozen", M, "protests", "peaceful_protest",
      "About 400 oilfield service workers gathered outside the Zhanaozen akimat demanding unpaid wages.",
      "On Monday, May 12, about 400 employees of the oilfield service company Burgylau Servis gathered outside the Zhanaozen city akimat, demanding four months of unpaid wages. The gathering was peaceful, and the deputy akim came out to speak with the workers.",
      participants=400, note="Year 2025 from the report ('between May 12 and 16, 2025'). Region from 'Investigate Police Use of Force in Mangystau' / Mangystau region named in the report.")
event(A04, "2025-05-13", "Zhanaozen", M, "protests", "protest_with_intervention",
      "Riot police dispersed the workers' protest on the Zhanaozen square and detained 23 people.",
      "The following day, May 13, the workers returned to the square and refused to leave. Shortly before midnight, riot police dispersed the crowd, and detained 23 people, according to lawyers who later represented them.",
      detained=23)
event(A04, "2025-05-13", "Aktau", M, "protests", "peaceful_protest",
      "About 150 people rallied on Aktau's central square in support of the workers.",
      "The same day, about 150 people held a rally in support of the workers on the central square of Aktau, the regional capital, which ended without incident.",
      participants=150)
event(A04, "2025-05-14", "Zhanaozen", M, "protests", "excessive_force_against_protesters",
      "Riot police used batons, stun grenades and rubber bullets on protesters in Zhanaozen; one protester died and 11 were injured.",
      "On May 14, riot police in Zhanaozen used batons, stun grenades and rubber bullets against protesters who had gathered again outside the akimat. Asylbek Temirov, 34, a driver, died in hospital of head injuries the same evening, and 11 protesters were injured, according to relatives and medical workers.",
      killed=1, injured=11)
event(A04, "2025-05-14", "Aktau", M, "protests", "protest_with_intervention",
      "Police detained nine people who tried to gather on Yntymak Square in Aktau.",
      "In Aktau that day, police detained nine people who tried to gather on Yntymak Square.",
      detained=9)
event(A04, "2025-05-14", "Kulsary", AT, "protests", "peaceful_protest",
      "About 200 striking drilling workers gathered outside the district akimat in Kulsary.",
      "On May 14, about 200 workers of a drilling contractor went on strike in Kulsary, Atyrau region, and gathered outside the district akimat.",
      participants=200)
event(A04, "2025-05-15", "Zhanaozen", M, "riots", "violent_demonstration",
      "An angry crowd threw stones at the Zhanaozen akimat and set fire to a police car.",
      "On May 15, after news of Temirov's death spread, an angry crowd in Zhanaozen threw stones at the akimat building and set fire to a police car.")
event(A04, "2025-05-15", None, M, "protests", "peaceful_protest",
      "Residents of several villages of Karakiya district blocked the Zhanaozen-Kuryk road in solidarity with the workers.",
      "Residents of several villages of Karakiya district, in Mangystau region, blocked the Zhanaozen–Kuryk road the same day in solidarity with the workers.",
      note="Villages not named: region-only event (location null).")
event(A04, "2025-05-15", "Atyrau", AT, "protests", "peaceful_protest",
      "Several hundred people rallied peacefully in Atyrau.",
      "On May 15, several hundred people rallied peacefully in the city of Atyrau.",
      note="'several hundred' is not a number: participants null.")
event(A04, "2025-05-16", "Zhanaozen", M, "strategic_developments", "other",
      "Authorities cut mobile internet in Zhanaozen and National Guard units arrived.",
      "On May 16, the authorities cut mobile internet in Zhanaozen, and National Guard units arrived in the town.")
event(A04, "2025-05-16", "Oral", "West Kazakhstan", "protests", "protest_with_intervention",
      "Police in Uralsk detained five activists picketing in support of the Zhanaozen workers.",
      "In Uralsk, police detained five activists who held a picket on May 16 in support of the Zhanaozen workers.",
      detained=5, note="Uralsk = Oral; region from the section heading 'Protests in Atyrau and West Kazakhstan Regions'. The Almaty solo picket the same day is not a protest event (fewer than three people).")
case(A04, "Serik Abdrakhmanov", "s5-abdrakhmanov-serik", "activist", "Almaty", ["other"],
     "In Almaty, activist Serik Abdrakhmanov held a solo picket outside the akimat on May 16 and was sentenced the next day to 10 days of administrative arrest for violating the procedure for holding peaceful assemblies.",
     "convicted", verdict_on="2025-05-17",
     note="Administrative arrest: convicted, sentence fields null. Violating the assembly procedure -> other.")
case(A04, "Aigerim Tleuzhanova", "s5-tleuzhanova-aigerim", "union organizer at Burgylau Servis", M,
     ["inciting_discord"],
     "On May 17, investigators charged Aigerim Tleuzhanova, a union organizer at Burgylau Servis, with \"inciting social discord,\" and a court placed her in pretrial detention the same day.",
     "charged", detained_on="2025-05-17",
     note="'faces up to 7 years' is the statutory maximum, not a sentence. Victim Asylbek Temirov is not a case.")
SUB04 = "May 2025 wage protests in western Kazakhstan"
stat(A04, SUB04, "killed", 1, "persons", "2025-05", None,
     "Kazakh police used excessive force against oil workers protesting unpaid wages in western Kazakhstan between May 12 and 16, 2025, killing one protester and injuring at least 11 others, Human Rights Watch said today.",
     note="Summary figure of the report (the same one death is also the Zhanaozen May 14 event's count).")
stat(A04, SUB04, "injured", 11, "persons", "2025-05", None,
     "Kazakh police used excessive force against oil workers protesting unpaid wages in western Kazakhstan between May 12 and 16, 2025, killing one protester and injuring at least 11 others, Human Rights Watch said today.",
     note="'at least 11' -> 11; repeated for Zhanaozen May 14: one statistics row.")
stat(A04, SUB04 + " (Interior Ministry)", "detained", 61, "persons", "2025-05", "Mangystau",
     "According to the Interior Ministry, 61 people were detained in Mangystau region between May 13 and 16; of them, 14 were placed under administrative arrest.")
stat(A04, SUB04 + ": placed under administrative arrest (Interior Ministry)", "arrested", 14, "persons", "2025-05", "Mangystau",
     "According to the Interior Ministry, 61 people were detained in Mangystau region between May 13 and 16; of them, 14 were placed under administrative arrest.")
stat(A04, SUB04 + ": sought medical help (Health Ministry)", "injured", 27, "persons", "2025-05", None,
     "The Health Ministry said that 27 people, including 9 police officers, sought medical help.",
     note="No place stated for this figure: location null.")
stat(A04, SUB04 + ": police officers who sought medical help", "injured", 9, "persons", "2025-05", None,
     "The Health Ministry said that 27 people, including 9 police officers, sought medical help.")

# ---------------------------------------------------------------- a05 chronology
P = "Pavlodar"
event(A05, "2025-11-17", "Ekibastuz", P, "protests", "peaceful_protest",
      "About 300 residents gathered outside the Ekibastuz akimat demanding heating be restored.",
      "November 17 – About 300 residents gather outside the Ekibastuz city akimat demanding that heating be restored and the plant's managers be held responsible.",
      participants=300, note="Year from the header date (November 29, 2025).")
event(A05, "2025-11-18", "Ekibastuz", P, "protests", "protest_with_intervention",
      "Second day of the Ekibastuz protest; police detained 12 people.",
      "November 18 – The protest in Ekibastuz continues for a second day; police detain 12 people.",
      detained=12)
event(A05, "2025-11-18", "Pavlodar", P, "protests", "peaceful_protest",
      "About 80 people rallied outside the Pavlodar regional akimat in solidarity with Ekibastuz.",
      "In Pavlodar, about 80 people rally outside the regional akimat in solidarity with Ekibastuz residents.",
      participants=80)
event(A05, "2025-11-19", "Ekibastuz", P, "strategic_developments", "other",
      "Mobile internet was cut in Ekibastuz.",
      "November 19 – Mobile internet is cut in Ekibastuz.")
event(A05, "2025-11-19", "Astana", "Astana", "protests", "protest_with_intervention",
      "Police in Astana detained seven people attempting to gather near the Energy Ministry.",
      "In Astana, police detain seven people who attempted to gather near the Energy Ministry.",
      detained=7)
event(A05, "2025-11-20", "Ekibastuz", P, "riots", "violent_demonstration",
      "A crowd smashed the heating company's office windows and burned a car in Ekibastuz; four police injured.",
      "November 20 – A crowd in Ekibastuz smashes the windows of the heating company's office and sets a car on fire; four police officers are injured.",
      injured=4)
event(A05, "2025-11-20", "Semey", "Abai", "protests", "peaceful_protest",
      "Small rally in Semey in support of Ekibastuz.",
      "Small rallies in support of Ekibastuz are reported in Semey and Oskemen.",
      note="Region from the town (Semey -> Abai) per the coding guide.")
event(A05, "2025-11-20", "Oskemen", "East Kazakhstan", "protests", "peaceful_protest",
      "Small rally in Oskemen in support of Ekibastuz.",
      "Small rallies in support of Ekibastuz are reported in Semey and Oskemen.")
event(A05, "2025-11-21", "Ekibastuz", P, "strategic_developments", "arrests",
      "Night police raids in Ekibastuz detained 15 suspected organizers of the unrest.",
      "November 21 – Police in Ekibastuz carry out night raids, detaining 15 people suspected of organizing the previous day's unrest.",
      detained=15)
event(A05, "2025-11-22", None, P, "protests", "peaceful_protest",
      "Residents of several Pavlodar region villages gathered outside rural administrations over heating cuts.",
      "November 22 – Residents of several villages of Pavlodar region, where heating was also cut, gather outside rural administration buildings.",
      note="Villages not named: region-only event.")
stat(A05, "Ekibastuz heating protests (Interior Ministry)", "detained", 64, "persons", "2025-11-23", "Pavlodar",
     "November 23 – The Interior Ministry says a total of 64 people have been detained in Pavlodar region since November 17.",
     note="Cumulative figure as of November 23 (period = the as-of date).")
case(A05, "Bauyrzhan Sagatov", "s5-sagatov-bauyrzhan", "director of the Ekibastuz Heat Networks company", P,
     ["negligence"],
     "November 25 – The director of the Ekibastuz Heat Networks company, Bauyrzhan Sagatov, is detained on suspicion of negligence.",
     "detained", detained_on="2025-11-25")
case(A05, "Maksat Imangali", "s5-imangali-maksat", "deputy akim of Ekibastuz", P, ["embezzlement"],
     "November 28 – A court in Pavlodar sanctions the arrest of former deputy akim of Ekibastuz Maksat Imangali, who is accused of embezzling 1.2 billion tenge allocated for repairs of the thermal power plant.",
     "detained", amount_kzt=1.2e9, amount_kind="embezzled", detained_on="2025-11-28",
     note="Court-sanctioned arrest (pre-trial) -> detained, dated the day of the sanction.")

# ---------------------------------------------------------------- a06 survey table
Q1 = "Over the past 12 months, have you or members of your family had to give a bribe, a gift or a service to resolve an issue?"
survey(A06, "qogam-monitor-2025", 1, Q1, [
    ("Yes, once", 126, 8.4, "Yes, once 126 8.4 9.7"),
    ("Yes, several times", 84, 5.6, "Yes, several times 84 5.6 7.1"),
    ("No", 1209, 80.6, "No 1209 80.6 76.4"),
    ("Difficult to answer / refused to answer", 81, 5.4, "Difficult to answer / refused to answer 81 5.4 6.8"),
], 1500, note="Table cells one per line (HTML extraction); 'Total' row is not an option.")
survey(A06, "qogam-monitor-2023", 1, Q1, [
    ("Yes, once", None, 9.7, "Yes, once 126 8.4 9.7"),
    ("Yes, several times", None, 7.1, "Yes, several times 84 5.6 7.1"),
    ("No", None, 76.4, "No 1209 80.6 76.4"),
    ("Difficult to answer / refused to answer", None, 6.8, "Difficult to answer / refused to answer 81 5.4 6.8"),
], 1200, note="Earlier wave printed for comparison (column '2023, %'): a survey of its own; N = 1,200 stated; no counts printed.")
Q2 = "In which spheres, in your opinion, is corruption most widespread? (respondents could choose up to three answers)"
survey(A06, "qogam-monitor-2025", 2, Q2, [
    ("Traffic police", 693, 46.2, "Traffic police 693 46.2"),
    ("Healthcare", 621, 41.4, "Healthcare 621 41.4"),
    ("Courts", 459, 30.6, "Courts 459 30.6"),
    ("Land relations and construction", 402, 26.8, "Land relations and construction 402 26.8"),
    ("Education", 330, 22.0, "Education 330 22.0"),
    ("Customs", 201, 13.4, "Customs 201 13.4"),
    ("Your option", 45, 3.0, "Your option 45 3.0"),
    ("Difficult to answer", 132, 8.8, "Difficult to answer 132 8.8"),
], 1500, note="Multi-select (sums above 100%).")

# ---------------------------------------------------------------- a07 poll in prose
S7, S7old = "paritet-2025-09", "paritet-2024-03"
E71 = "Asked whether they approve of the planned increase in fuel prices, 18.5% of respondents said they approve, 67.2% disapprove and 14.3% found it difficult to answer."
survey(A07, S7, 1, "Do you approve of the planned increase in fuel prices?", [
    ("approve", None, 18.5, E71), ("disapprove", None, 67.2, E71),
    ("found it difficult to answer", None, 14.3, E71)], 1100,
    note="N = 1,100 stated ('The survey of 1,100 adults'). 'Two-thirds' in the lead is an approximation, not an option.")
E72 = "Among respondents aged 18 to 29, disapproval reached 74%, while 11% approved and 15% found it difficult to answer."
survey(A07, S7, 2, "Do you approve of the planned increase in fuel prices? (respondents aged 18 to 29)", [
    ("disapprove", None, 74.0, E72), ("approve", None, 11.0, E72),
    ("found it difficult to answer", None, 15.0, E72)], None,
    note="Subgroup: a question of its own; options in the order the text gives them; subgroup size not stated.")
survey(A07, S7, 3, "Do you approve of the planned increase in fuel prices? (entrepreneurs)", [
    ("disapprove", None, 81.0, "Entrepreneurs were the most critical group of all: 81% of them disapprove of the plan.")], None)
E74 = "32% said they would cut other spending, 21% said they would use public transport more often, and 6% said they would take part in protests; about a third said they would change nothing."
survey(A07, S7, 4, "What would you do if fuel prices rose by a fifth?", [
    ("cut other spending", None, 32.0, E74),
    ("use public transport more often", None, 21.0, E74),
    ("take part in protests", None, 6.0, E74)], 1100,
    note="Multi-answer. 'about a third said they would change nothing' is not an option (no printed percentage).")
E75 = "Only 27% said they trust the government's explanations for the increase, while 58% said they do not trust them."
survey(A07, S7, 5, "Do you trust the government's explanations for the fuel price increase?", [
    ("trust", None, 27.0, E75), ("do not trust", None, 58.0, E75)], 1100)
E76 = "In a similar Paritet poll in March 2024, 24% of respondents approved of a fuel price increase and 61% disapproved."
survey(A07, S7old, 1, "Do you approve of a fuel price increase?", [
    ("approve", None, 24.0, E76), ("disapprove", None, 61.0, E76)], None,
    note="Earlier wave printed for comparison: its own survey_id; N not stated.")

# ---------------------------------------------------------------- a08 General Prosecutor's statement
E81 = "In 2024, 1,287 corruption criminal offences were registered (in 2023 – 1,342)."
E82 = "Of them, 512 are bribery offences (bribe-taking – 301, bribe-giving – 164, mediation in bribery – 47) and 398 are embezzlement of entrusted property."
E83 = "Criminal cases against 934 persons were sent to court. Courts convicted 812 persons for corruption offences, including 64 heads of state bodies and their deputies and 27 law enforcement officers."
G = "General Prosecutor's Office"
stat(A08, G + ": corruption criminal offences registered", "corruption_cases_registered", 1287, "cases", "2024", None, E81)
stat(A08, G + ": corruption criminal offences registered", "corruption_cases_registered", 1342, "cases", "2023", None, E81,
     note="Previous-year comparison in parentheses: its own figure.")
stat(A08, G + ": bribery offences registered", "corruption_cases_registered", 512, "cases", "2024", None, E82)
stat(A08, G + ": bribe-taking offences registered", "corruption_cases_registered", 301, "cases", "2024", None, E82)
stat(A08, G + ": bribe-giving offences registered", "corruption_cases_registered", 164, "cases", "2024", None, E82)
stat(A08, G + ": mediation in bribery offences registered", "corruption_cases_registered", 47, "cases", "2024", None, E82)
stat(A08, G + ": embezzlement offences registered", "corruption_cases_registered", 398, "cases", "2024", None, E82)
stat(A08, G + ": persons whose corruption cases were sent to court", "prosecuted", 934, "persons", "2024", None, E83)
stat(A08, G + ": persons convicted of corruption offences", "convictions", 812, "persons", "2024", None, E83)
stat(A08, G + ": heads of state bodies and deputies convicted of corruption", "convictions", 64, "persons", "2024", None, E83)
stat(A08, G + ": law enforcement officers convicted of corruption", "convictions", 27, "persons", "2024", None, E83)
stat(A08, G + ": damage from corruption crimes compensated", "assets_recovered", 96.8e9, "KZT", "2024", None,
     "The damage caused by corruption crimes in the amount of 96.8 billion tenge was compensated in full.",
     note="Damage compensated read as assets_recovered (money returned), like the separate 41.2 bn of assets.")
stat(A08, G + ": illegally acquired assets returned to the state", "assets_recovered", 41.2e9, "KZT", "2024", None,
     "In addition, illegally acquired assets worth 41.2 billion tenge were returned to the state.")
stat(A08, G + ": corruption offences registered in the quasi-public sector", "corruption_cases_registered", 119, "cases", "2024", None,
     "Special attention was paid to the quasi-public sector, where 119 corruption offences were registered.")
K = "Koksay riots, Zhambyl region (January 2025)"
E84 = "As a result of the riots, 3 people were killed and 41 were injured, including 12 police officers. 58 participants of the riots were detained on the spot."
stat(A08, K, "other", 6, "houses set on fire", "2025-01-25", "Koksay",
     "Participants of the riots set fire to 6 houses and 11 cars and attacked police officers.")
stat(A08, K, "other", 11, "cars set on fire", "2025-01-25", "Koksay",
     "Participants of the riots set fire to 6 houses and 11 cars and attacked police officers.")
stat(A08, K, "killed", 3, "persons", "2025-01-25", "Koksay", E84)
stat(A08, K, "injured", 41, "persons", "2025-01-25", "Koksay", E84)
stat(A08, K + ": police officers injured", "injured", 12, "persons", "2025-01-25", "Koksay", E84)
stat(A08, K, "detained", 58, "persons", "2025-01-25", "Koksay", E84)
stat(A08, K + ": detainees arrested by court sanction", "arrested", 19, "persons", "2025-01", "Koksay",
     "Of those detained, 19 persons have been arrested by court sanction.",
     note="Arrests after the night of January 25, as of the January 30 statement: month precision.")
stat(A08, K, "criminal_cases", 11, "cases", "2025-01", "Koksay",
     "11 criminal cases have been opened, including under Article 272 of the Criminal Code (mass riots) and Article 99 (murder).")
event(A08, "2025-01-25", "Koksay", "Zhambyl", "riots", "mob_violence",
      "A conflict between two groups of residents grew into riots in Koksay; houses and cars burned, 3 killed, 41 injured, 58 detained.",
      "On the night of 25 January 2025, a domestic conflict between two groups of residents of the village of Koksay, Korday district, grew into mass riots.",
      killed=3, injured=41, detained=58,
      note="Group clash, not a demonstration -> mob_violence. Counts are stated for that night ('detained on the spot').")

# ---------------------------------------------------------------- a09 CPI
CPI = [("Kazakhstan", 40, 39, 88, "Kazakhstan – 40 (39), 88th place;"),
       ("Uzbekistan", 32, 33, 121, "Uzbekistan – 32 (33), 121st place;"),
       ("Kyrgyzstan", 25, 26, 146, "Kyrgyzstan – 25 (26), 146th place;"),
       ("Tajikistan", 19, 20, 164, "Tajikistan – 19 (20), 164th place;"),
       ("Turkmenistan", 17, 18, 170, "Turkmenistan – 17 (18), 170th place;"),
       ("Russia", 22, 26, 154, "Russia – 22 (26), 154th place;"),
       ("Georgia", 52, 53, 56, "Georgia – 52 (53), 56th place.")]
for c, now, prev, rk, ev in CPI:
    ind(A09, "cpi_score", c, "2024", now, "score", ev, rank=rk, rank_of=180,
        note="CPI 2024; rank_of from '180 countries and territories' stated for the index." if c == "Kazakhstan" else None)
    ind(A09, "cpi_score", c, "2023", prev, "score", ev,
        note="Previous year's score in parentheses: its own row, no rank printed.")
ind(A09, "cpi_score", "Denmark", "2024", 90, "score",
    "Denmark tops the index for the seventh year in a row with 90 points.", rank=1, rank_of=180,
    note="'tops the index' -> rank 1.")

# ---------------------------------------------------------------- a10 FX page
TICK = "USD/KZT 515.32 ▲ EUR/KZT 559.80 ▼ RUB/KZT 6.37 ▲ CNY/KZT 71.45 ▼"
for pair, v in [("USD/KZT", 515.32), ("EUR/KZT", 559.80), ("RUB/KZT", 6.37), ("CNY/KZT", 71.45)]:
    ind(A10, "fx_rate", pair, None, v, "rate", TICK,
        note="Ticker repeated three times on the page: one row per pair; no date attached to the ticker -> period null.")
E101 = "The tenge weakened for a fifth straight session on Thursday, closing at 518.74 per US dollar on the Kazakhstan Stock Exchange (KASE), down from 512.10 a week earlier, as Brent crude fell below $62 a barrel."
ind(A10, "fx_rate", "USD/KZT", "2025-11-20", 518.74, "rate", E101, note="'on Thursday' = article date 20.11.2025.")
ind(A10, "fx_rate", "USD/KZT", "2025-11-13", 512.10, "rate", E101, note="'a week earlier' than Thursday 2025-11-20.")
E102 = "The Russian ruble traded at 6.52 tenge on Thursday, while the National Bank set the official euro rate at 601.15 tenge for November 21."
ind(A10, "fx_rate", "RUB/KZT", "2025-11-20", 6.52, "rate", E102)
ind(A10, "fx_rate", "EUR/KZT", "2025-11-21", 601.15, "rate", E102, note="Official rate set for November 21.")
ind(A10, "egov_rank", "Kazakhstan", "2024", None, None,
    "Separately, the Ministry of Digital Development said Kazakhstan ranked 24th among 193 UN member states in the E-Government Development Index 2024, and set a target of entering the top 15.",
    rank=24, rank_of=193, note="Rank only: value and unit null. 'top 15' is a target, not a value.")

# ---------------------------------------------------------------- a11 thesis page
YEARS = ["2019", "2020", "2021", "2022"]
TOT = [214, 167, 246, 389]
POL = [38.3, 22.8, 31.7, 47.1]
ECO = [35.5, 44.9, 41.5, 33.2]
SOC = [26.2, 32.3, 26.8, 19.7]
NOTE11 = ("Columns scrambled by extraction: the value lines come out as total, social, political, economic "
          "while the headers read political, economic, social. Assigned by the text (political 47.1 in 2022, "
          "economic 44.9 in 2020) and by the arithmetic (each year's three shares sum to 100.0).")
for i, y in enumerate(YEARS):
    ind(A11, "peaceful_assemblies", "Kazakhstan", y, TOT[i], "count", "214 167 246 389",
        note="Adilet Monitor counts; per-year totals sum to 1,016 as the text states.")
    ind(A11, "assemblies_share_political", "Kazakhstan", y, POL[i], "percent", "38.3 22.8 31.7 47.1", note=NOTE11)
    ind(A11, "assemblies_share_economic", "Kazakhstan", y, ECO[i], "percent", "35.5 44.9 41.5 33.2", note=NOTE11)
    ind(A11, "assemblies_share_social", "Kazakhstan", y, SOC[i], "percent", "26.2 32.3 26.8 19.7", note=NOTE11)
ind(A11, "peaceful_assemblies", "Kazakhstan", "2019-2022", 1016, "count",
    "In total, Adilet Monitor re- corded 1,016 assemblies over 2019–2022.", note="Span printed with an en dash.")
ind(A11, "population_share", "Kazakhs", "2021", 70.2, "percent",
    "according to the 2021 census, Kazakhs made up 70.2% of the popu- lation and Russians 15.7%.")
ind(A11, "population_share", "Russians", "2021", 15.7, "percent",
    "according to the 2021 census, Kazakhs made up 70.2% of the popu- lation and Russians 15.7%.")
stat(A11, "Adilet Monitor: detentions of participants of assemblies", "detained", 412, "persons", "2022", None,
     "Adilet Monitor counted 412 detentions of partici- pants of assemblies in 2022 alone, more than in the three previous years com- bined.")
case(A11, "Berik Zhumagaliev", "s5-zhumagaliev-berik", "activist", None, ["extremism"],
     "in March 2021 the activist Berik Zhumagaliev was sen- tenced to 4 years of restriction of free- dom for participating in the activities of an organization recognized as ex- tremist.",
     "convicted", verdict_on="2021-03", sentence_type="restriction_of_freedom", sentence_months=48,
     note="Hyphenated line breaks left as extracted (evidence copies them).")

# ---------------------------------------------------------------- a12 RFE/RL appeal
J = "Jetisu"
case(A12, "Almas Dzhumabaev", "s5-dzhumabaev-almas", "civic activist", J, ["mass_riots", "seizure_of_power"],
     "The Jetisu regional court cut Dzhumabaev's eight-year sentence to five years and three months, but upheld his conviction on charges of organizing mass riots and making public calls for the violent seizure of power.",
     "convicted", detained_on="2022-01-09", verdict_on="2024-09-24", sentence_type="prison", sentence_months=63,
     note="Latest ruling (appeal, September 24, 2024): 63 months, not the first-instance 96. Also written in Cyrillic 'Алмас Жумабаев' in the text: same person. Detained January 9, 2022.")
case(A12, "Gulnar Serikbayeva", "s5-serikbayeva-gulnar", "nurse", J, ["mass_riots"],
     "Gulnar Serikbayeva, a nurse from Taldykorgan who was sentenced to four years in prison in 2023 for taking part in mass riots, was pardoned by presidential decree in December 2023.",
     "pardoned", verdict_on="2023", sentence_type="prison", sentence_months=48)
case(A12, "Marat Akhmetzhanov", "s5-akhmetzhanov-marat", None, "Almaty", ["mass_riots"],
     "Marat Akhmetzhanov, sentenced in 2022 to six years in prison for participating in mass riots in Almaty, was released on parole in May after serving half of his term.",
     "paroled", verdict_on="2022", sentence_type="prison", sentence_months=72,
     note="Sentence handed down (72), not time served. No office stated.")
case(A12, "Dias Orynbay", "s5-orynbay-dias", "student", "Almaty", ["mass_riots"],
     "In Almaty, a court acquitted 23-year-old student Dias Orynbay of mass riots charges in August 2023, after video evidence showed that he was not on Republic Square at the time of the clashes.",
     "acquitted", verdict_on="2023-08", sentence_type="none")
case(A12, "Rustam Ibrayev", "s5-ibrayev-rustam", "deputy head of the Taldykorgan city police department", J, ["torture"],
     "Meanwhile, the trial of former police colonel Rustam Ibrayev, a former deputy head of the Taldykorgan city police department accused of torturing detainees in January 2022, is continuing. Last week, prosecutors asked the court to sentence him to nine years in prison.",
     "on_trial", note="Prosecutor's request is not a sentence: sentence fields null.")
case(A12, "Vadim Kuznetsov", "s5-kuznetsov-vadim", "deputy akim of Almaty", "Almaty", ["abuse_of_office"],
     "Former deputy akim of Almaty Vadim Kuznetsov, who left Kazakhstan in February 2022, was sentenced in absentia in 2023 to 10 years in prison for abuse of office over the city administration's failure to protect government buildings during the unrest.",
     "convicted", verdict_on="2023", sentence_type="prison", sentence_months=120, in_absentia=True)
event(A12, "2024-09-24", "Taldykorgan", J, "protests", "protest_with_intervention",
      "About 20 relatives of jailed protesters demanded an amnesty outside the Taldykorgan court; police detained three.",
      "About 20 relatives of jailed protesters gathered outside the court building on September 24, demanding an amnesty. Police detained three of them, including Dzhumabaev's sister.",
      participants=20, detained=3)
stat(A12, "January 2022 unrest (official)", "killed", 238, "persons", "2022-01", None,
     "Officials say 238 people, including 19 law enforcement officers, were killed during the January 2022 unrest.")
stat(A12, "January 2022 unrest (official): law enforcement officers", "killed", 19, "persons", "2022-01", None,
     "Officials say 238 people, including 19 law enforcement officers, were killed during the January 2022 unrest.")

# ---------------------------------------------------------------- write
out = HERE / "gold"
out.mkdir(exist_ok=True)
for name, rows in [("case_mentions", CASES), ("protest_events", EVENTS), ("survey_results", SURVEYS),
                   ("statistics", STATS), ("indicators", INDS)]:
    with open(out / f"{name}.jsonl", "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(name, len(rows))
