"""Case extraction on invented sentences in the forms news agencies, court press services and
NGO reports use. Each case asserts the fields the sentence states."""
from __future__ import annotations

import pytest

from kzwatch.document import Document
from kzwatch.extract.cases import charges_in, extract, punishment_in


def _records(text: str):
    return extract(Document.plain(text, "t.txt"))


def _one(text: str):
    recs = _records(text)
    assert len(recs) == 1, [r.person_name for r in recs]
    return recs[0]


@pytest.mark.parametrize("text, expected", [
    # convictions and sentence lengths
    (("Former akim of Kostanay region Yerbol Tasbolatov was sentenced to seven years in prison "
     "for taking a bribe."),
     {"person_name": "Yerbol Tasbolatov", "sentence_type": "prison", "sentence_months": 84,
          "status": "convicted", "charges": ["bribe_taking"], "region": "Kostanay"}),
    (("The Almaty district court sentenced Dinara Abenova to 5 years and 3 months of "
     "imprisonment for embezzlement."),
     {"person_name": "Dinara Abenova", "sentence_months": 63, "sentence_type": "prison",
          "charges": ["embezzlement"]}),
    ("Nurlan Sadvakasov received an eight-year suspended sentence.",
     {"sentence_type": "suspended", "sentence_months": 96, "status": "convicted"}),
    ("Ruslan Tokhtarov was given a three-year suspended sentence for abuse of office.",
     {"sentence_type": "suspended", "sentence_months": 36, "charges": ["abuse_of_office"]}),
    ("A court in Shymkent found Aset Nurmagambetov guilty of fraud and jailed him for six years.",
     {"person_name": "Aset Nurmagambetov", "charges": ["fraud"], "sentence_months": 72,
          "status": "convicted"}),
    (("Activist Marat Zhylanbayev was sentenced to seven and a half years in prison on extremism "
     "charges."),
     {"sentence_months": 90, "charges": ["extremism"], "position": "Activist"}),
    ("Blogger Aigul Utepova was sentenced to one year of restriction of freedom.",
     {"sentence_type": "restriction_of_freedom", "sentence_months": 12, "status": "convicted"}),
    ("A court in Almaty sentenced Bolat Nurpeisov in absentia to life imprisonment for murder.",
     {"sentence_type": "life", "sentence_months": None, "in_absentia": True,
      "charges": ["murder"]}),
    ("Serzhan Abdrakhmanov was fined 2 million tenge for illegal entrepreneurship.",
     {"sentence_type": "fine", "charges": ["illegal_entrepreneurship"], "amount_kzt": None}),
    ("Former vice minister Askar Zhunusov was convicted of money laundering and tax evasion.",
     {"charges": ["money_laundering", "tax_evasion"], "status": "convicted"}),
    ("Kanat Ibrayev was acquitted by the Astana city court.",
     {"status": "acquitted"}),
    (("Talgat Yermekov, accused of economic crimes, paid 3 billion tenge in restitution and was "
     "released."),
     {"charges": ["other"], "amount_kzt": 3e9, "amount_kind": "restitution", "status": "released"}),
    # detentions, charges, dates
    (("In March 2019, the Anti-Corruption Agency detained Yerlan Dosanov on suspicion of "
     "receiving a bribe of $80.6 thousand."),
     {"detained_on": "2019-03", "amount_usd": 80_600, "amount_kind": "bribe",
          "charges": ["bribe_taking"], "status": "detained"}),
    (("Gulnara Seitkali, the head of the regional health department, was arrested on charges of "
     "embezzlement on an especially large scale."),
     {"position": "head of the regional health department", "charges": ["embezzlement"],
          "status": "charged"}),
    ("Mayor of Taraz Bakhyt Ospanov was detained on 12 May 2020.",
     {"detained_on": "2020-05-12", "status": "detained", "position": "Mayor of Taraz"}),
    ("Criminal proceedings have been opened against Yerzhan Kaliyev for giving a bribe.",
     {"charges": ["bribe_giving"], "status": "charged"}),
    (("Police arrested opposition politician Zhanbolat Mamyrov on charges of inciting social "
     "discord."),
     {"charges": ["inciting_discord"], "status": "charged"}),
    ("Marlen Amirov has been charged with exceeding official authority.",
     {"charges": ["exceeding_authority"], "status": "charged"}),
    ("Dauren Bekov went on trial in Karaganda on charges of mediation in bribery.",
     {"charges": ["bribery_mediation"], "status": "on_trial"}),
    ("Arman Suleimenov was convicted of negligence after the dam collapse.",
     {"charges": ["negligence"], "status": "convicted"}),
    ("Yerkin Tatishev is suspected of causing damage of KZT 10bn to the state.",
     {"amount_kzt": 1e10, "amount_kind": "damage", "status": "suspected"}),
    # later stages
    ("Zhaksylyk Orazov was sentenced to nine years in 2015. He was released on parole in 2019.",
     {"sentence_months": 108, "status": "paroled", "verdict_on": "2015"}),
    (("Timur Baimukhanov was sentenced to four years in prison. In 2020, he was pardoned by the "
     "president."),
     {"sentence_months": 48, "status": "pardoned"}),
    (("Former Minister of Energy Nurzhan Alibekov was accused of abuse of power. A week later, "
     "the court sentenced him to six years."),
     {"charges": ["abuse_of_office"], "sentence_months": 72, "status": "convicted",
          "position": "Former Minister of Energy"}),
    (("The court sentenced Saule Akhmetova to four years, but decided to defer her sentence until "
     "her child turns 14."),
     {"sentence_type": "deferred", "sentence_months": 48, "status": "convicted"}),
    ("Yerzhan Tulegenov was charged with high treason and attempting to seize power by force.",
     {"charges": ["high_treason", "seizure_of_power"]}),
    ("Arsen Kozhakhmetov was found guilty of organizing mass riots and sentenced to 8 years.",
     {"charges": ["mass_riots"], "sentence_months": 96}),
])
def test_case_sentences(text, expected):
    rec = _one(text)
    for field, value in expected.items():
        got = getattr(rec, field)
        if field == "charges":
            assert sorted(got) == sorted(value), (field, got)
        elif isinstance(value, float):
            assert got == pytest.approx(value), (field, got)
        else:
            assert got == value, (field, got)
    assert rec.evidence in text
    assert len(rec.evidence) <= 600


@pytest.mark.parametrize("text", [
    # victims, witnesses, officials quoted, people criticised, unnamed groups
    ("Journalist Askhat Sabitov was killed in Almaty; the attackers have not been found."),
    ("Prosecutor Daniyar Zhakenov said the defendants would appeal."),
    ("Human rights defender Yevgeny Zhovtis criticised the verdict as politically motivated."),
    ("Witness Aliya Mukanova testified that she saw the money change hands."),
    ("Dozens of protesters were detained in Zhanaozen on Saturday."),
    ("The Anti-Corruption Agency, led by Askhat Zhumagali, registered 1,500 corruption cases."),
    ("Minister Bagdat Musin presented the digital services strategy."),
    ("Samat Abish was dismissed from his post but did not face any charges."),
    ("Oppositionist Sapar Yessenov accused the government of electoral fraud."),
])
def test_not_a_case(text):
    assert _records(text) == []


def test_pronoun_and_surname_carry_facts_across_sentences():
    text = ("Deputy akim of Atyrau region Aliya Bekova was detained in December 2021 on charges of "
            "receiving a bribe of 4.5 million tenge. The trial lasted a year. Bekova denied her "
            "guilt. Nevertheless, the court found her guilty and sentenced her to seven years.")
    rec = _one(text)
    assert (rec.person_name, rec.region, rec.detained_on) == ("Aliya Bekova", "Atyrau", "2021-12")
    assert (rec.sentence_months, rec.status, rec.amount_kzt) == (84, "convicted", 4_500_000)
    assert rec.charges == ["bribe_taking"]


def test_two_distinct_cases_of_one_person():
    text = ("Nurbek Kassenov was sentenced to 12 years for high treason in 2022. "
            "In 2023 new charges of money laundering were brought against Kassenov.")
    recs = _records(text)
    assert [(r.case_no, r.status) for r in recs] == [(1, "convicted"), (2, "charged")]
    assert recs[1].charges == ["money_laundering"]


def test_respectively_distributes_terms():
    text = ("His deputies, Daniyar Ospan and Yerlan Kuat, were sentenced to 16 years and 15 years "
            "respectively.")
    months = {r.person_name: r.sentence_months for r in _records(text)}
    assert months == {"Daniyar Ospan": 192, "Yerlan Kuat": 180}


def test_group_reference_gets_charges():
    text = ("Kuanysh Bekov was sentenced to 10 years. His deputy Arman Oralov was sentenced to "
            "8 years. The court found both men guilty of abuse of office.")
    charges = {r.person_name: r.charges for r in _records(text)}
    assert charges == {"Kuanysh Bekov": ["abuse_of_office"], "Arman Oralov": ["abuse_of_office"]}


def test_weekday_resolves_only_with_dateline():
    body = "Askar Myrzakhmetov was detained on Friday on charges of fraud."
    assert _one(body).detained_on is None
    dated = "Astana court news\n5 July 2021\n\n" + body
    assert _one(dated).detained_on == "2021-07-02"


def test_month_day_resolves_against_dateline():
    text = "2 February 2024\n\nOn June 30, the court convicted Almas Temirov of fraud."
    assert _one(text).verdict_on == "2023-06-30"


def test_released_in_courtroom_is_not_a_release():
    text = ("Bakyt Ermekov was sentenced to five years, but the court deferred his sentence and he "
            "was released from custody in the courtroom.")
    rec = _one(text)
    assert (rec.status, rec.sentence_type) == ("convicted", "deferred")


@pytest.mark.parametrize("text, expected", [
    ("receiving a bribe", ["bribe_taking"]),
    ("accused of bribery", ["bribe_taking"]),
    ("demanded a kickback", ["bribe_taking"]),
    ("giving a bribe to an official", ["bribe_giving"]),
    ("abuse of power", ["abuse_of_office"]),
    ("legalization of criminal proceeds", ["money_laundering"]),
    ("false entrepreneurship", ["illegal_entrepreneurship"]),
    ("torture of a detainee", ["torture"]),
    ("under Article 366 of the Criminal Code", []),
])
def test_charge_vocabulary(text, expected):
    assert charges_in(text)[0] == expected


def test_unspecified_and_outside_vocabulary_charges():
    assert charges_in("on corruption charges")[2] is True
    assert charges_in("on charges of kidnapping")[1] is True
    assert charges_in("on charges of kidnapping")[0] == []


@pytest.mark.parametrize("clause, kind, months", [
    ("was sentenced to 18 years", "prison", [216]),
    ("sentenced to 16 years and 15 years in prison respectively", "prison", [192, 180]),
    ("received a two-year suspended sentence", "suspended", [24]),
    ("was arrested for two months", None, None),
    ("served 15 years in a strict regime colony", None, None),
    ("sentenced to 6 months of probation", "probation", [6]),
    ("was sentenced to a year and a half in prison", "prison", [18]),
    ("sentenced to 2.5 years of imprisonment with a lifetime ban on holding office", "prison",
     [30]),
    ("fined 500,000 tenge", "fine", []),
])
def test_punishment(clause, kind, months):
    pun = punishment_in(clause)
    if kind is None and months is None:
        assert pun is None
    else:
        assert (pun.sentence_type, pun.months) == (kind, months)


def test_bad_input_does_not_crash():
    for text in ["", "   ", "Sentenced.", "He was detained.", "$$$ 12,,,3 tenge", "(((" * 50]:
        assert isinstance(_records(text), list)


@pytest.mark.parametrize("text, expected", [
    ("The head of the land relations department of Turkestan region, K. Abdullayev, was detained "
     "while receiving a bribe of 2 million tenge.",
     {"person_name": "K. Abdullayev", "region": "Turkestan", "charges": ["bribe_taking"],
      "amount_kzt": 2_000_000, "status": "detained",
      "position": "head of the land relations department of Turkestan region"}),
    ("The court handed Yerlan Serikov a five-year prison sentence for fraud.",
     {"person_name": "Yerlan Serikov", "sentence_months": 60, "status": "convicted",
      "charges": ["fraud"]}),
    ("The Specialized Inter-District Criminal Court sentenced Colonel Marat Nurtazin to 10 years "
     "for abuse of power.",
     {"person_name": "Marat Nurtazin", "sentence_months": 120, "charges": ["abuse_of_office"]}),
    ("Askar Beisenov, who faces up to 12 years in prison, was charged with embezzlement.",
     {"sentence_months": None, "sentence_type": None, "status": "charged"}),
    ("Prosecutors asked for a 9-year sentence for Nurlybek Zhakenov, who is accused of fraud.",
     {"sentence_months": None, "status": "charged", "charges": ["fraud"]}),
    ("Dias Kairatuly was detained in May and later released on bail.",
     {"status": "detained"}),
])
def test_more_phrasings(text, expected):
    rec = _one(text)
    for field, value in expected.items():
        got = getattr(rec, field)
        assert (sorted(got) if field == "charges" else got) == value, (field, got)


def test_coordinated_objects_share_the_verdict():
    text = "The court sentenced Ruslan Amanov and Berik Sultanov to six years for bribery."
    recs = {r.person_name: (r.sentence_months, r.charges) for r in _records(text)}
    assert recs == {"Ruslan Amanov": (72, ["bribe_taking"]),
                    "Berik Sultanov": (72, ["bribe_taking"])}


def test_initial_and_full_name_are_one_person():
    text = ("Kanat Abdullayev, a deputy akim of Pavlodar, was detained. "
            "Later K. Abdullayev was charged with fraud.")
    rec = _one(text)
    assert (rec.person_name, rec.status, rec.region) == ("Kanat Abdullayev", "charged", "Pavlodar")


@pytest.mark.parametrize("text", [
    "The documentary about Zhanna Akhmetova was released in 2020.",
    "Hostage Olzhas Bekov was released by the kidnappers on Sunday.",
])
def test_release_without_custody_is_not_a_case(text):
    assert _records(text) == []


def test_undated_event_takes_the_year_of_a_scene_setting_sentence():
    text = ("In 2019, a scandal shook the judiciary. Judge Aibek Tulegenov was detained for "
            "accepting a bribe.")
    assert _one(text).detained_on == "2019"


def test_no_year_inherited_from_another_persons_event_or_relative_time():
    text = ("In 2019, Berik Amanov was detained. Saule Kenzhebayeva was detained for fraud. "
            "A few years later, Amanov was sentenced to four years.")
    recs = {r.person_name: r for r in _records(text)}
    assert recs["Saule Kenzhebayeva"].detained_on is None
    assert recs["Berik Amanov"].detained_on == "2019"
    assert recs["Berik Amanov"].verdict_on is None


AGENCY_STORY = """ASTANA, March 5, 2024 (Kazinform) - The former head of the Akmola region's \
health department, Nurlan Seitkali, has been sentenced to 8 years in prison for embezzlement, the \
Anti-Corruption Agency's press service reported on Tuesday.

According to the investigation, in 2021-2022 Seitkali, together with the director of a private \
company, Aizhan Mukhamedzhanova, embezzled 450 million tenge allocated for medical equipment. \
Mukhamedzhanova received a 5-year suspended sentence. The court also banned Seitkali from \
holding public office for life.

"Corruption remains a serious threat," said the agency's spokesman Yerlan Zhaksylykov.

Earlier, the former akim of Zhanaozen, Maksat Ibagarov, was detained on suspicion of abuse of \
office. On Monday, a court in Aktau placed him in pre-trial detention for two months.
"""


def test_agency_story():
    doc = Document.plain(AGENCY_STORY, "story.txt")
    recs = {r.person_name: r for r in extract(doc)}
    assert set(recs) == {"Nurlan Seitkali", "Aizhan Mukhamedzhanova", "Maksat Ibagarov"}
    seitkali = recs["Nurlan Seitkali"]
    assert (seitkali.region, seitkali.sentence_months, seitkali.amount_kzt) == (
        "Akmola", 96, 450_000_000)
    assert seitkali.sentence_type == "prison"  # a lifetime ban from office is not a life term
    assert seitkali.amount_kind == "embezzled"
    assert (recs["Aizhan Mukhamedzhanova"].sentence_type,
            recs["Aizhan Mukhamedzhanova"].verdict_on) == ("suspended", None)
    ibagarov = recs["Maksat Ibagarov"]
    assert (ibagarov.position, ibagarov.detained_on) == ("former akim of Zhanaozen", "2024-03-04")
    for rec in recs.values():
        assert rec.evidence in AGENCY_STORY


NGO_REPORT = """On 12 January 2023, civil activist Nurzhan Mukhammedov was sentenced by the Aktobe \
City Court to five years of restriction of freedom for "participation in the activities of a \
banned extremist organisation" (Article 405 of the Criminal Code).

Journalist Makhambet Abzhan was arrested on 27 November 2022 on extortion charges. In August \
2023 he was sentenced to seven years in prison. His lawyer, Dzhokhar Utebekov, said the verdict \
would be appealed.

Opposition politician Zhanbolat Mamay was charged under Articles 274 and 272 of the Criminal \
Code. On 7 April 2023 the court handed him a six-year suspended sentence.
"""


def test_ngo_report():
    recs = {r.person_name: r for r in extract(Document.plain(NGO_REPORT, "ngo.txt"))}
    assert set(recs) == {"Nurzhan Mukhammedov", "Makhambet Abzhan", "Zhanbolat Mamay"}
    m = recs["Nurzhan Mukhammedov"]
    assert (m.sentence_type, m.sentence_months, m.verdict_on, m.charges) == (
        "restriction_of_freedom", 60, "2023-01-12", ["extremism"])
    a = recs["Makhambet Abzhan"]
    assert (a.detained_on, a.verdict_on, a.sentence_months, a.charges) == (
        "2022-11-27", "2023-08", 84, ["other"])
    z = recs["Zhanbolat Mamay"]
    assert (z.charges, z.sentence_type, z.sentence_months) == ([], "suspended", 72)


def test_office_stated_as_predicate():
    text = ("In 2007, Dauren Zhaksybek was the Permanent Representative of Kazakhstan to the OSCE. "
            "A criminal case was later opened against him for kidnapping.")
    rec = _one(text)
    assert rec.position == "Permanent Representative of Kazakhstan to the OSCE"
    assert (rec.status, rec.charges) == ("charged", ["other"])


def test_a_lapse_of_months_keeps_the_year():
    text = ("In March 2002 Ermek Baisalov was detained, and a few months later he was imprisoned "
            "for 6 years.")
    rec = _one(text)
    assert (rec.detained_on, rec.verdict_on, rec.sentence_months) == ("2002-03", "2002", 72)


def test_title_case_headline_is_not_read_as_a_sentence():
    text = ("Kazakhstan: Jailed Ex-Governor Tulegenov Faces Fresh Charges\n\n"
            "New charges of money laundering have been brought against the jailed former "
            "governor of Kyzylorda region, Askar Tulegenov.")
    rec = _one(text)
    assert rec.person_name == "Askar Tulegenov"
    assert (rec.region, rec.charges, rec.status) == ("Kyzylorda", ["money_laundering"], "charged")


@pytest.mark.parametrize("text", [
    "Akim Serik Zhumabekov served three years as akim of Kostanay before retiring.",
    "Dosym Baigarin spoke to reporters during the riots in Almaty.",
])
def test_service_and_context_words_are_not_cases(text):
    assert _records(text) == []


def test_riots_in_context_are_not_a_charge():
    rec = _one("During the riots, Arman Seitov was detained on charges of theft.")
    assert "mass_riots" not in rec.charges


def test_accused_by_critics_is_not_a_charge_but_by_prosecutors_is():
    assert _records("Minister Talgat Yermekov was accused by journalists of corruption.") == []
    rec = _one("Talgat Yermekov was accused by prosecutors of abuse of office.")
    assert (rec.status, rec.charges) == ("charged", ["abuse_of_office"])


@pytest.mark.parametrize("text, position", [
    ("Kazakh journalist and human rights activist Sergey Orlov was detained in Oral.",
     "Kazakh journalist and human rights activist"),
    ("Police also arrested his partner and American businessman John Walsh.",
     "American businessman"),
    ("Ruslan Iskakov, a prominent 45-year-old blogger known for criticism of the akimat, was "
     "arrested.", "blogger"),
    ("Former Prime Minister and Security Council (SC) Secretary Nurlan Abdirov was jailed for "
     "12 years.", "Former Prime Minister and Security Council (SC) Secretary"),
    ("Bolat Zhamishev (head of the Kostanay region akimat) was convicted of negligence.",
     "head of the Kostanay region akimat"),
])
def test_position_forms(text, position):
    assert _one(text).position == position


def test_full_name_first_written_in_a_headline():
    text = ("Ex-Minister Kuandyk Bishimbayev Jailed For 24 Years\n\n"
            "Bishimbayev was sentenced to 24 years in prison for murder.")
    rec = _one(text)
    assert (rec.person_name, rec.sentence_months) == ("Kuandyk Bishimbayev", 288)


def test_list_of_people_with_parenthetical_sentences():
    text = ("Those convicted include Arman Bekov (sentenced to 5 years); Dana Sultanova "
            "(sentenced to 7 years) and Erik Zhunusov (acquitted).")
    months = {r.person_name: (r.sentence_months, r.status) for r in _records(text)}
    assert months["Arman Bekov"] == (60, "convicted")
    assert months["Dana Sultanova"] == (84, "convicted")
    assert months["Erik Zhunusov"] == (None, "acquitted")
