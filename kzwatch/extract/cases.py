"""Legal cases against named people: one CaseMention per (document, person, case).

The rules read the language of news reports, court press releases and NGO reports:
"X was detained on charges of receiving a bribe", "the court sentenced her to seven years",
"X, accused of economic crimes, paid ... in restitution and was released". A sentence is split
into clauses; each clause's legal events (detained, charged, sentenced, pardoned, ...) are tied
to their subject (a name; he/she resolved to the sentence's subject or the paragraph's topic;
"all three men"), and the clause's facts (charges, sentence, money, dates) go to that person's
current case. A new sentence different from the one already recorded, or "new charges", opens
a second case for the same person.

Lists of people ("Those detained include A; former lawmaker B; activists C and D") are one
subject or object, and a series of terms pairs with them in order ("were sentenced to nine,
seven and four years respectively"). The language comes from the layer: names
(kzwatch.text.names), offices (kzwatch.text.offices), lists of people and series of terms
(kzwatch.text.rosters), dates, money, places and sentences. The stage, charge and sentence-type
vocabularies are rules with ids and priorities in kzwatch/rules/en/case_mentions.yaml.
"""
from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date

from kzwatch.document import Document
from kzwatch.rules import rule_pack
from kzwatch.text.coordination import pair_in_order
from kzwatch.text.dates import dateline_span, document_dateline, find_dates
from kzwatch.text.lexicon import lexicon
from kzwatch.text.money import amount_kind, find_amounts
from kzwatch.text.names import (
    CAPS_RUN,
    NOT_NAME,
    SURNAME_SHAPE,
    TOKEN,
    NameMention,
    fold_surname,
    gender,
    is_headline,
    name_mentions,
    same_given,
)
from kzwatch.text.numbers import small_cardinals
from kzwatch.text.offices import (
    APPOINTED,
    BARE_RANK,
    IN_CHARGE,
    SUPERIOR_HEADS,
    group_office_before,
    headed_after,
    is_plural_office,
    is_title_word,
    is_title_word_exact,
    looks_like_title,
    rank_before,
    region_of,
    singular_office,
    squash,
    title_after,
    title_before,
)
from kzwatch.text.patterns import (
    Prefiltered,
    guarded,
    has_literal,
    literal_plan,
    lowered,
    may_match,
    required_literals,
    required_word_sets,
    word_trie,
)
from kzwatch.text.places import find_places, find_regions
from kzwatch.text.rosters import SERIES, list_gap, series_values
from kzwatch.text.segment import DATE_LINE, narrative_sentences
from models.records import CaseMention

# ---------------------------------------------------------------- names

# ---------------------------------------------------------------- legal events

STATUS_RANK = {"suspected": 1, "detained": 2, "charged": 3, "on_trial": 4, "convicted": 5,
               "acquitted": 5, "released": 6, "paroled": 6, "pardoned": 6}

_AUX = (r"(?:was|were|been|being|is|are|be|got|get|gets)\s+"
        r"(?:(?:also|later|then|subsequently|eventually|officially|already|reportedly|"
        r"allegedly|finally|first|again|recently|immediately|previously|initially|not|never|"
        r"most|more|very|soon|once|twice|all|both|each|"
        r"\w+ly)\s+){0,2}")
# the stage vocabulary is data: kzwatch/rules/en/case_mentions.yaml (kind `stage`); where two
# stage phrases compete ("released on parole" / "released") the rule's priority decides
_RULES = rule_pack("case_mentions")
_STAGES = _RULES.of_kind("stage")
_PASSIVE = re.compile(
    rf"\b{_AUX}(?P<verb>{'|'.join(f'(?:{r.regex.pattern})' for r in _STAGES)})\b", re.IGNORECASE)


def _stage(verb: str) -> str | None:
    """The status a stage phrase names ("taken into custody" -> detained), by rule priority."""
    return next((r.sets["status"] for r in _STAGES if r.regex.fullmatch(verb)), None)

_REDUCED = re.compile(  # "Satybaldy, accused of economic crimes," / "Released at the beginning"
    r"(?:,\s*|^\s*|\(\s*)(?P<verb>accused|charged|convicted|suspected|sentenced|arrested|detained|"
    r"released|jailed|pardoned|acquitted)"
    r"(?:\s+(?=of|with|to|in|on|at|for|after|under|early|from)|(?=\)))",
    re.IGNORECASE)
# "X, the bank chairman detained in October, ...": a participle closing the appositive
_APPOSITIVE_EVENT = re.compile(
    r",\s+(?:the|a|an)\s+[^,;.()]{1,80}?\s(?P<verb>detained|arrested|convicted|sentenced|jailed)"
    r"\s+(?=in|on|last)\b")
_SUBJECT_VERBS = [  # the subject is the person facing the case
    (re.compile(r"\b(?:received|receives|got|was given|was handed|"
                r"were\s+(?:each\s+|both\s+|all\s+)?(?:given|handed))\s+"
                r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}?(?:sentences?|prison terms?|jail terms?|"
                r"terms?)\b", re.IGNORECASE), "convicted"),
    # "X was among those detained"
    (re.compile(r"\b(?:was|were|is|are)\s+(?:also\s+)?among\s+(?:those|the\s+[\w-]+)\s+"
                r"(?:detained|arrested)\b", re.IGNORECASE), "detained"),
    (re.compile(r"\b(?:was|were|is|are)\s+(?:also\s+)?among\s+(?:those|the\s+[\w-]+)\s+"
                r"(?:convicted|sentenced|jailed|fined)\b", re.IGNORECASE), "convicted"),
    (re.compile(r"\b(?:was|were|is|are)\s+(?:also\s+)?among\s+(?:those|the\s+[\w-]+)\s+"
                r"(?:charged|prosecuted)\b", re.IGNORECASE), "charged"),
    (re.compile(r"\b(?:faces?|faced|facing)\s+(?:\w+\s+){0,3}?(?:charges?|trial|prosecution|"
                r"criminal case|prison|up to|an?\s+fine|fines)\b", re.IGNORECASE), "charged"),
    # a plea is made in court, before any verdict
    (re.compile(r"\b(?:pleaded|pled|admitted)\s+guilty\b", re.IGNORECASE), "on_trial"),
    (re.compile(r"\b(?:received|got|was\s+given|was\s+handed)\s+(?:an?\s+)?"
                r"(?:\d+(?:[.,]\d+)?|[a-z]+(?:-[a-z]+)?)(?:[\s-]+and\s+a\s+half)?[\s-]+"
                r"(?:years?|months?)\b(?!\s+ago)", re.IGNORECASE),
     "convicted"),
    (re.compile(r"\b(?:stood|stands|went|goes|is|was|remains)\s+on\s+trial\b", re.IGNORECASE),
     "on_trial"),
    (re.compile(r"\bawaiting\s+trial\b", re.IGNORECASE), "charged"),
    # "he would appear before an administrative court on Monday on a charge of ..."
    (re.compile(r"\b(?:would|will|is\s+to|was\s+to|must)\s+(?:appear|stand\s+trial)\s+(?:before|in)\s+"
                r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}court\b", re.IGNORECASE), "charged"),
    (re.compile(r"\b(?:died|remains?|remained|is|was|has been|spent)\s+(?:\w+\s+){0,2}?in\s+"
                r"(?:prison|custody|pre-?trial detention|jail|a penal colony)(?:\b|(?=\d))",
                re.IGNORECASE),
     "detained"),
    (re.compile(r"\b(?:served|serving)\s+(?:[\w-]+\s+){0,4}?(?:sentence|years?|term)\b"
                r"(?!\s+(?:as|in\s+(?:office|parliament|the\s+government)))", re.IGNORECASE),
     "convicted"),
    (re.compile(r"\bwas\s+(?:\w+\s+)?behind\s+bars\b", re.IGNORECASE), "detained"),
]
_OBJECT_VERBS = [  # the person follows the verb: "detained Khamenova", "case against him"
    # a prosecutor's request names a defendant on trial: "16 years was sought for X",
    # "the prosecution proposed the following: X, former akim - 13 years; Y - 9 years"
    (re.compile(r"\b(?:term|sentence|years?|punishment|penalty)\b[^.;]{0,40}?\b(?:was|were|is|are|"
                r"been)\s+(?:sought|requested|demanded|proposed)\s+for\b", re.IGNORECASE),
     "on_trial"),
    # "prosecutors asked for nine years for X"
    (re.compile(r"\b(?:asked|requested|sought|demanded)\s+(?:for\s+)?(?:\S+\s+){0,4}?(?:years?|"
                r"months?|term|sentence)\s+(?:in\s+(?:prison|jail)\s+)?for\b", re.IGNORECASE),
     "on_trial"),
    (re.compile(r"\b(?:prosecut\w+|prosecution)\b[^.;:]{0,80}?\b(?:proposed|requested|sought|"
                r"demanded|asked\s+for)\b[^.;:]{0,40}?:", re.IGNORECASE), "on_trial"),
    # an appeal upholds a verdict: "left in force the verdict against X", "upheld X's sentence"
    (re.compile(r"\b(?:upheld|uphold|upholds|left\s+in\s+force|confirmed|kept)\s+(?:the\s+)?"
                r"(?:guilty\s+)?(?:verdict|sentence|conviction)s?\s+(?:against|of|on|for)\b",
                re.IGNORECASE), "convicted"),
    # "the eight-year term given on bribery charges to his former deputy, X"
    (re.compile(r"\b(?:sentence|term|verdict|punishment)\b[^.;]{0,80}?\b(?:given|handed|imposed)"
                r"\b[^.;]{0,40}?\bto\b(?!\s+(?:serve|pay|the\s+court))", re.IGNORECASE),
     "convicted"),
    # "replaced the prison term of X with a fine": a new sentence for X
    (re.compile(r"\b(?:replaced|commuted|changed|substituted)\s+(?:the\s+)?(?:\w+\s+)?"
                r"(?:term|sentence|punishment)\s+of\b", re.IGNORECASE), "convicted"),
    # "handed a 10-day jail sentence to X", "imposed a fine on X"
    (re.compile(r"\b(?:handed|gave|imposed|issued)\s+(?:down\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}?"
                r"(?:sentence|term|fine|penalty|punishment)\s+(?:on|to)\b", re.IGNORECASE),
     "convicted"),
    # "Those detained include A; B; and C", "Those convicted: A, head of ...; B"
    (re.compile(r"\bthose\s+(?:detained|arrested|held)\b(?=\s*(?:include[sd]?|including|were|are|:))",
                re.IGNORECASE), "detained"),
    (re.compile(r"\bthose\s+(?:convicted|sentenced|jailed|fined)\b"
                r"(?=\s*(?:include[sd]?|including|were|are|:))", re.IGNORECASE), "convicted"),
    (re.compile(r"\bthose\s+(?:charged|accused|prosecuted|indicted)\b"
                r"(?=\s*(?:include[sd]?|including|were|are|:))", re.IGNORECASE), "charged"),
    (re.compile(r"\b(?:sentenced|convicted|jailed|imprisoned|fined)\b", re.IGNORECASE),
     "convicted"),
    # "found X guilty", "found X, the ..., guilty"
    (re.compile(r"\b(?:found|finding)\b(?=\s+\S+(?:\s+\S+){0,3}\s+guilty|"
                r"\s+(?-i:[A-Z])[^.;]{0,220}?,\s+guilty)", re.IGNORECASE), "convicted"),
    # press-release order: "the court found guilty R.K. Omarova, former ..."
    (re.compile(r"\bfound\s+guilty\b(?=\s+(?-i:[A-Z]))", re.IGNORECASE), "convicted"),
    (re.compile(r"\b(?:detained|arrested|apprehended|picked\s+up|rounded\s+up)\b", re.IGNORECASE),
     "detained"),
    (re.compile(r"\b(?:charged|indicted|prosecuted)\b", re.IGNORECASE), "charged"),
    (re.compile(r"\bacquitted\b", re.IGNORECASE), "acquitted"),
    (re.compile(r"\b(?:handed|gave)\b(?=\s+\S+(?:\s+\S+){0,8}\s+(?:an?\s+)?(?:[\w/-]+\s+){0,3}"
                r"(?:sentence|prison term|term))", re.IGNORECASE), "convicted"),
    (re.compile(r"\b(?:defer\w*|suspend\w*)\b(?=\s+(?:the\s+)?(?:execution\s+of\s+)?"
                r"(?:her|his|\w+['’]s)\s+(?:prison\s+)?(?:sentence|punishment))", re.IGNORECASE),
     "convicted"),
    (re.compile(r"\bpardon(?:ed|ing)\b", re.IGNORECASE), "pardoned"),
    (re.compile(r"\bgranted\b(?=\s+(?:him|her|[A-Z]\w+)\s+(?:early\s+|conditional\s+)?parole\b)"),
     "paroled"),
    # "a court has granted early release to X": release on parole before the term ends
    (re.compile(r"\bgranted\s+(?:an?\s+)?(?:early|conditional)(?:\s+conditional)?\s+release\s+to\b",
                re.IGNORECASE), "paroled"),
    # "the court granted his request for parole"
    (re.compile(r"\b(?:granted|approved|satisfied)\b(?=\s+(?:his|her|[A-Z]\w+['’]s)\s+(?:request|"
                r"application|petition|motion)\s+for\s+(?:early\s+|conditional\s+)*(?:parole|"
                r"release\s+on\s+parole))"), "paroled"),
    (re.compile(r"\b(?:criminal\s+)?(?:case|cases|charges?|proceedings|lawsuit)\s+"
                r"(?:\w+\s+){0,4}?(?:against|at)\b", re.IGNORECASE), "charged"),
    (re.compile(r"\b(?:placed|put|remanded)\b(?=\s+\S+(?:\s+\S+)?\s+(?:in|under|into)\s+"
                r"(?:custody|pre-?trial|house\s+arrest|a\s+pre-?trial|detention))", re.IGNORECASE),
     "detained"),
    (re.compile(r"\b(?:levell?ed|brought|filed|pressed)\s+(?:at|against)\b", re.IGNORECASE),
     "charged"),
    # "the case of X ... has been sent to court": an indictment
    (re.compile(r"\bcase\s+(?:of|against)\b(?=[^.;]{0,250}?\b(?:sent|referred|forwarded|submitted|"
                r"transferred|passed)\s+to\s+(?:the\s+)?court)", re.IGNORECASE), "charged"),
    # "a pre-trial investigation has been launched against X": suspicion, not yet a charge
    (re.compile(r"\b(?:pre-?trial\s+|criminal\s+)?investigations?\s+(?:\w+\s+){0,4}?against\b",
                re.IGNORECASE), "suspected"),
    (re.compile(r"\b(?:arrest|detention)\s+of\b", re.IGNORECASE), "detained"),
    # "the suspect, Kanat Zhakupov, laundered ...": the noun names the legal stage
    (re.compile(r"\b(?:the|a|another)\s+(?:main\s+|second\s+)?suspect\b(?=,?\s+[A-Z])"),
     "suspected"),
    (re.compile(r"\b(?:the|a|another)\s+(?:main\s+|second\s+)?(?:defendant|accused)\b"
                r"(?=,?\s+[A-Z])"), "charged"),
    (re.compile(r"\b(?:trial|prosecution)\s+of\b", re.IGNORECASE), "on_trial"),
    (re.compile(r"\b(?:conviction)\s+of\b", re.IGNORECASE), "convicted"),
]
_DEED = re.compile(
    r"\b(?:embezzled|misappropriated|stole|siphoned|laundered|(?:received|took|accepted|"
    r"demanded|extorted)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:bribes?|kickbacks?)|caused\s+"
    # "demanded and received from the director money in the amount of ..."
    r"(?:\w+\s+){0,2}damage|(?:demanded|received|accepted|extorted)\s+(?:and\s+\w+\s+)?"
    r"(?:from\s+[^.;]{0,80}?\s)?(?:money|(?:an?\s+)?bribes?\b)|caused\s+"
    r"(?:\w+\s+){0,2}damage"
    # "he repaid 212 million tenge to the budget": restitution by the person facing the case
    r"|repaid|reimbursed|paid\s+back|compensated)\b", re.IGNORECASE)
# "his deputy, X", "Massimov's first deputy, X", "another former deputy of Massimov, X"
# guarded: text before a name without "deput" is not searched
_DEPUTY_OF = guarded(re.compile(
    rf"(?:\b(?i:his|her)|\b(?P<owner_name>{TOKEN})['’]s?)\s+(?:former\s+)?(?P<first>first\s+)?"
    rf"deput(?:y|ies)(?:\s+(?:at|in)\s+the\s+[a-z][\w\s]{{0,30}}?)?\s*,?\s*"
    rf"(?:(?:Police\s+)?(?:Major|Colonel|Lieutenant|Captain|General)\s+)?$"
    rf"|\b(?:former\s+)?(?P<first2>first\s+)?deput(?:y|ies)\s+of\s+(?P<owner2>{TOKEN})\s*,\s*$"))
_VERDICT_ON = re.compile(r"\b(?:verdict|judg(?:e)?ment)\s+(?:in\s+the\s+(?:criminal\s+)?case\s+"
                         r"(?:of|against)|on|against)\b", re.IGNORECASE)
# "The bribe amounted to $50,000.": money of the case the previous sentence spoke of
_AMOUNT_SUBJECT = re.compile(
    # "According to the court, the damage ... amounted to 412 million tenge."
    r"^\s*(?:according\s+to\s+[^,;.]{1,60},\s*)?(?:the|this|that|his|her|their)\s+(?:total\s+)?(?:bribes?|kickbacks?|damage|loss(?:es)?|"
    r"sum|amount|embezzled\s+(?:funds|money|sum))\b[^.;]*?\b(?:amounted|totall?ed|was|were|"
    r"came|reached|exceeded|is|are|estimated)\b", re.IGNORECASE)
# "In total, budget funds of 86 million tenge were embezzled.": the deed of the case just told
_FUNDS_TAKEN = re.compile(
    r"^\s*(?:in\s+total,?\s*)?(?:(?:the|budget|state|public|these|such)\s+){0,2}(?:funds|money)\b"
    r"(?:[^.;]|\.(?=\d))*?\b(?:were|was|had\s+been|have\s+been)\s+"
    r"(?:embezzled|misappropriated|stolen|appropriated|siphoned\s+off|squandered)\b", re.IGNORECASE)
# "President X pardoned him ..., and he was released": X acts on the person, whom a later
# he/she names
_AGENT_OF_PRONOUN = re.compile(r"\s+(?:[a-z]+\s+)?(?:pardoned|sentenced|convicted|acquitted|fined|"
                               r"jailed|released|freed|amnestied|arrested|detained)\s+(?:him|her)\b")
# "the court imposed a sentence of 3 years": the verdict of the person just spoken of
_COURT_IMPOSED = re.compile(r"\b(?:court|judge)\s+(?:imposed|handed\s+down|passed|pronounced)\s+"
                            r"(?:an?\s+|the\s+)?(?:sentence|punishment|penalty)\b", re.IGNORECASE)
# "her trial was still ongoing", "its hearings have been postponed eleven times": before a court
_INVESTIGATORS_SAY = re.compile(r"\s*according\s+to\s+(?:the\s+)?(?:investigat\w+|prosecut\w+|"
                                r"indictment|charge\s+sheet)", re.IGNORECASE)
_TRIAL_BEGAN = re.compile(r"(?<![\w-])(?:hearings?|trial)\b[^.;]{0,60}?\b(?:has\s+|had\s+)?"
                          r"(?P<verb>began|begun|opened|started|commenced|ongoing|under\s*way|"
                          r"postponed|adjourned|resumed|continues|continuing)\b", re.IGNORECASE)
_ELLIPSIS = re.compile(
    r"\band\s*(?:,\s*[^,;]{1,40},\s*|(?:in|on)\s+[^,;]{1,25}?\s+)?"  # "and in October 2023 charged"
    r"(?:(?:later|then|subsequently|eventually|\w+ly)\s+)?"
    r"(?P<verb>sentenced|convicted|charged|jailed|fined|released|acquitted|pardoned|detained|"
    r"arrested|indicted)\b(?!\s+(?:him|her|them|[A-Z]))")
# released before any trial: "on bail", "under a travel ban", "pending trial"
_TWO_DAYS = re.compile(r"\s*(?:and|or|-|–)\s*\d{1,2}(?:st|nd|rd|th)?\b"
                       r"(?!\s*(?:people|persons|years?|"
                       r"months?|%|per))")
# a detention "on charges of", "on the same charge": a charge is laid
_CHARGED_WITH = re.compile(r"\bon\s+(?:\w+\s+)?charges?\s+of|charged\s+with", re.IGNORECASE)
_PRETRIAL_RELEASE = re.compile(
    r"released\s+(?:\w+\s+)?(?:on\s+bail|(?:on|under)\s+(?:an?\s+)?(?:written\s+|own\s+)?"
    r"(?:undertaking|recognizance|pledge|travel\s+ban|bail|house\s+arrest)|pending\s+"
    r"(?:trial|investigation|the\s+investigation))"
    # "released after three hours but told he would appear before a court": not yet tried
    r"|released\b[^.;]{0,80}?\b(?:would|will|is\s+to|must)\s+(?:appear|stand\s+trial)",
    re.IGNORECASE)
_INCLUDING = re.compile(r"\b(?P<verb>detained|arrested|convicted|sentenced|charged|jailed|fined)\b"
                        r"[^.;:]{0,60}?,?\s+(?:including|among\s+them|among\s+whom\s+(?:was|were))\b",
                        re.IGNORECASE)
# between coordinated names: "A, B and C", "A, and his deputy, B", "A and her former partner B"
_COORDINATED = re.compile(r"\s*(?:,|and|,\s*and)\s*(?:(?:his|her|their)\s+(?:[a-z][\w-]*\s+){0,2}"
                          r"[a-z][\w-]*\s*,?\s*)?")
_TERM_AFTER_VERB = re.compile(  # "(him) to 10 years in a maximum security colony"
    r"(?:\s+(?:him|her|them|\w+))?\s+to\s+(?:[\w-]+,?\s+){0,5}?(?:years?|months?|life)"
    r"(?:\s+(?:in|of)\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}?(?:prison|colony|imprisonment|jail|"
    r"freedom|custody))?(?:\s+respectively\b)?", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|never|no|neither|nor|without|avoided|escaped|denied that|"
                       r"if|unless)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)  # "If convicted, X faces"
_NEW_CASE = re.compile(r"\b(?:new|fresh|another|second|additional)\s+(?:criminal\s+)?"
                       r"(?:charges?|case|indictment|criminal case|prosecution)\b", re.IGNORECASE)
_GROUP = re.compile(r"\b(?:all\s+(?:two|three|four|five|six|of\s+them)(?:\s+(?:men|women|"
                    r"officials|defendants|suspects))?|both(?:\s+(?:men|women|officials|"
                    r"defendants))?|the\s+(?:two|three|four)\s+(?:men|women|officials|"
                    r"defendants)|they|the\s+(?:defendants|accused|suspects|detainees|group)|"
                    r"all\s+(?:\d+|[a-z]+)\s+(?:defendants|suspects|accused|detainees))\b",
                    re.IGNORECASE)
# "the defendants", "all seventeen defendants": the people on trial, whom the text may not all name
_DEFENDANTS = re.compile(r"\b(?:defendants|suspects|accused|detainees|group)\b", re.IGNORECASE)
_PRONOUN_SUBJECT = guarded(re.compile(r"\b(?:he|she)\b", re.IGNORECASE))
_PRONOUN_OBJECT = re.compile(  # "sentenced him", "deferred her sentence"; not "arrested her son"
    r"^\s*(?:him\b|her\b(?!\s+(?:\w+\s+)?(?:partner|wife|husband|son|daughter|brother|sister|"
    r"lawyer|father|mother|colleague|deputy|deputies|associate|friend|relative|nephew|niece)s?\b)|"
    r"his\s+(?:\w+\s+)?(?:sentence|punishment|case|request|application|petition)\b)",
    re.IGNORECASE)
# "X announced that Y was convicted": the subject follows the verb of saying and its "that";
# "X, who commanded the unit that opened fire, stood trial": a relative "that" is no such verb
_SAID = re.compile(r"\b(?:that|said|says|announced|reported|stated|noted)\b")
_RELATIVE_THAT = re.compile(r"\b(?:the|a|an)\s+[a-z]+\s+that$")
# a name governed by a preposition, its office between ("close to former President X")
_GOVERNED = re.compile(r"\b(?i:of|by|with|from|to|for|against|about|than|like)\s+"
                       r"(?:[A-Za-z][^\s,.;:()]*\s+){0,3}$")
_REPORTED = re.compile(r"\b(?:said|says|told|tells|recalled|recalls|wrote|writes|complained|"
                       r"claimed|claims)\b", re.IGNORECASE)
_DETENTION_WORD = re.compile(r"\b(?:detained|arrested|detentions?|picked\s+up|rounded\s+up)\b",
                             re.IGNORECASE)
_STATED_ON = re.compile(r"\b(?:said|says|announced|reported|stated|told\s+\w+|statement)\s+"
                        r"(?:\w+\s+)?(?:on\s+)?$", re.IGNORECASE)
_CROWD = re.compile(r"\b(?:people|persons|protesters|activists|demonstrators|participants|dozens|"
                    r"hundreds|several|others|picketers)\b", re.IGNORECASE)
_LATER = re.compile(r"\b(?:later|after|before|ago|next|following|subsequently|afterwards|earlier|"
                    r"previously|then|since|until)\b", re.IGNORECASE)
_HEADLINE_EVENT = re.compile(r"\s+(?P<verb>jailed|sentenced|detained|arrested|fined|convicted|"
                             r"acquitted|pardoned|charged)\s+(?:for|to|over|on|in|after|with)\b",
                             re.IGNORECASE)
_UNNAMED_DEFENDANT = re.compile(
    r"\b(?P<verb>sentenced|jailed|convicted|fined|detained|arrested|charged)\s+an?\s+"
    r"(?:former\s+|ex-|senior\s+|retired\s+|local\s+)*[a-z-]+", re.IGNORECASE)
_OTHERS = re.compile(r"\b(?:others|other\s+people|several|dozens|people)\b", re.IGNORECASE)
_ALL_DEFENDANTS = re.compile(r"\ball\s+(?:(?:\d+|[a-z]+)\s+)?(?:the\s+)?(?:defendants|accused)\b",
                            re.IGNORECASE)
_SAME_CHARGE = re.compile(r"\b(?:the\s+)?same\s+(?:charges?|offen[cs]es?|article)\b", re.IGNORECASE)
_HELD = re.compile(r"\bheld\b|custody|detention", re.IGNORECASE)
# a jail or a home is where a person is held or found, not where the offence was (a local court
# sits where the case arose, so its town is kept)
_VENUE_BEFORE = re.compile(r"\b(?:detention|custody|colony|prison|jail|cent(?:er|re)|apartment|"
                           r"home|flat)\s+(?:\w+\s+){0,3}?(?:in|near|of|outside)\s+(?:the\s+)?"
                           r"(?:(?:city|town|capital)\s+of\s+)?$", re.IGNORECASE)
_AND_THE = re.compile(r",[\"”’']?\s+and\s+(?=(?:the|a|an|his|her|its|their)\s)", re.IGNORECASE)
_PREPOSITION_BEFORE = guarded(re.compile(
    r"\b(?i:of|by|with|from|to|for|against|about|than|like)\s+(?:[a-z][^\s,.;:()]*\s+){0,3}$"))

# small patterns of the per-sentence and per-clause checks, compiled once (not looked up in
# re's cache at every call)
_VICTIM_BEFORE = re.compile(r"\b(?:killed|murdered|murder\s+of|death\s+of|assassination\s+of|"
                            r"tortured|beat(?:en)?)\s+(?:\S+\s+){0,2}$|\bvictims?,?\s+$",
                            re.IGNORECASE)
_VICTIM_AFTER = re.compile(r"\s+(?:was|were)\s+(?:found\s+dead|killed|murdered|shot\s+dead)")
_WHO = re.compile(r"\bwho\b", re.IGNORECASE)
_NOT_NEVER = re.compile(r"\bnot\b|\bnever\b", re.IGNORECASE)
_TO_BEFORE = re.compile(r"\bto\s+$")
_PASSIVE_OR_NOUN_BEFORE = re.compile(r"\b(?:(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?|"
                                     r"(?:the|an?|its|his|her)\s+)$")
_CORRUPT = re.compile(r"\bcorrupt", re.IGNORECASE)
_BARE_DEPUTY = re.compile(r"(?:former\s+)?(?:first\s+)?deput(?:y|ies)", re.IGNORECASE)
_OF_LAST_WORD = re.compile(r"\bof\s+(\w+)\W*$")
_LEADING_MODIFIERS = re.compile(
    r"^(?:(?:the|a|an|former|late|elder|younger|eldest|youngest)\s+)+")
_RELATIVE = re.compile(r"(?:^|['’]s\s+)(?:nephew|niece|son|daughter|wife|husband|brother|sister|"
                       r"cousin|relative|father|mother|uncle|aunt|grandson|granddaughter)"
                       r"(?:-in-law)?\b")
_WORD = re.compile(r"[\w-]+")
_IN_ABSENTIA = re.compile(r"\bin\s+absentia\b", re.IGNORECASE)
# "detained by officers of the Anti-Corruption Agency on 11 February"
_AGENT = re.compile(r"(?:\s+[\w-]+){0,3}?\s+by\s+[^,.;]{0,60}?\s+(?:on|in)\s")


def _coordinated(gap: str) -> bool:
    """Two names of one list: "A, B and C", "A; former lawmaker B; the head of X, C"."""
    return bool(_COORDINATED.fullmatch(gap)) or list_gap(gap)

# ---------------------------------------------------------------- charges

# the charge vocabulary is data: kzwatch/rules/en/case_mentions.yaml (kind `charge`), in the
# order the contract lists the charges
_CHARGES_RE = [(r.sets["charges"][0], r.regex) for r in _RULES.rules if r.kind == "charge"]
_CHARGE_RX = dict(_CHARGES_RE)
# offences outside the vocabulary: always "other"
_CONCRETE_OTHER = re.compile(
    r"\b(?:kidnapp\w+|abduct\w+|theft\s+of\s+people|hostages?|rape|raping|insult\w*|"
    r"(?:organi[sz]ed\s+)?criminal\s+(?:group|gang|community|organi[sz]ation)|"
    r"hooligan\w*|smuggl\w+|espionage|drug\s+traffick\w+|extortion|forgery|forged|"
    r"violat\w+\s+(?:of\s+)?(?:the\s+)?(?:law|rules|procedure\s+for\s+(?:organi[sz]ing|holding))|slander|defamation|false\s+information|"
    r"illegal\s+(?:possession|storage)\s+of\s+(?:weapons|firearms)|arms\s+trafficking|"
    r"spreading\s+(?:false|knowingly)|dissemination\s+of\s+(?:false|knowingly)|"
    r"seiz\w+\s+(?:of\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:building|premises)|"
    r"(?:unlawful|illegal|unsanctioned|unauthori[sz]ed)\s+(?:gathering|assembly|assemblies|rally|"
    r"rallies|strike|meeting|picket)s?)\b", re.IGNORECASE)
# unspecified wrongdoing: "other" only when no charge of the vocabulary is named
_VAGUE_OTHER = re.compile(r"\b(?:corruption|corrupt|economic\s+crimes?|financial\s+crimes?|"
                          r"official\s+crimes?)\b", re.IGNORECASE)
_CHARGE_INTRO = guarded(re.compile(
    r"\b(?:on\s+charges?\s+of|on\s+suspicion\s+of|accused\s+of|convicted\s+of|guilty\s+of|"
    r"charged\s+with|under\s+the\s+article|criminal\s+case\s+(?:\w+\s+){0,4}for|"
    r"sentenced\s+(?:\w+\s+){0,8}?for|prosecuted\s+for|detained\s+for|on\s+the\s+fact\s+of)\b",
    re.IGNORECASE))

_ARTICLE_ONLY = re.compile(
    r"\s+(?:an?\s+|the\s+)?(?:(?:criminal|grave|especially\s+grave|serious)\s+)?"
    r"(?:offen[cs]es?|crimes?)\s+(?:under|provided\s+for\s+(?:by|in)|stipulated\s+(?:by|in))\s+"
    r"(?:(?:part|paragraph)\s+\d+\s+of\s+)?articles?\s+\d+(?:,?\s+part\s+\d+)?"
    r"(?:,?\s+(?:of\s+)?the\s+criminal\s+code)?\s*(?:[,.;]|$|and\b)", re.IGNORECASE)


def charges_in(text: str) -> tuple[list[str], bool, bool]:
    """Charges of the vocabulary named in `text`, whether an offence outside the vocabulary is
    named (-> other), and whether only unspecified wrongdoing is ("corruption charges")."""
    # "a bribe to reduce the sentence of a defendant in a fraud case": another person's charge
    text = _OTHERS_CASE.sub(" ", text)
    found = []
    for name, rx in _CHARGES_RE:
        if rx.search(text) and name not in found:
            found.append(name)
    if "bribery_mediation" in found and "bribe_taking" in found and not _BRIBE_TAKEN.search(text):
        found.remove("bribe_taking")
    if "bribe_giving" in found and "bribe_taking" in found:
        taking = _CHARGE_RX["bribe_taking"]
        if not _TAKING_WORD.search(text) or not taking.search(_BRIBE_GIVING.sub("", text)):
            found.remove("bribe_taking")
    concrete = bool(_CONCRETE_OTHER.search(text))
    # "guilty of a criminal offence under Article 189": an article with no gloss names nothing
    glossed = [m for m in _CHARGE_INTRO.finditer(text) if not _ARTICLE_ONLY.match(text, m.end())]
    vague = bool(_VAGUE_OTHER.search(text)) or bool(glossed)
    return found, concrete, vague


# ---------------------------------------------------------------- sentences (punishment)

# number words of the language layer, plus "a year", "an eight-month term", "half a year"
_NUM_WORDS: dict[str, float] = {**small_cardinals(), "a": 1, "an": 1,
                                "half": lexicon().fractions["half"]}
_NUM = (r"(?:\d+(?:[.,]\d+)?(?:\s*1/2|½)?|"
        + "|".join(sorted(_NUM_WORDS, key=len, reverse=True)) + ")")
_SPELLED = r"(?:\s*\((?:[a-z]+[\s-]?){1,3}\))?"  # "8 (eight) years", "3 (three) years"
_DURATION = re.compile(
    rf"\b(?P<y>{_NUM}){_SPELLED}(?P<half>\s+and\s+a\s+half)?[\s-]+years?(?:[\s-]+old)?"
    rf"(?P<half2>\s+and\s+a\s+half)?"
    rf"(?:,?\s+(?:and\s+)?(?P<m>{_NUM})[\s-]+months?)?"
    rf"|\b(?P<mo>{_NUM}){_SPELLED}[\s-]+months?", re.IGNORECASE)
_NUM_TERM = r"(?:\d+(?:[.,]\d+)?|" + "|".join(
    sorted((w for w in _NUM_WORDS if w not in ("a", "an", "half")), key=len, reverse=True)) + ")"
# "nine, seven, and four years": one unit for a series of terms (a page cut off mid-word
# may end in "three y")
_SHARED_UNIT = guarded(re.compile(
    rf"(?<![\w.,])(?P<ns>{SERIES})[\s-]+(?P<unit>years?|months?|y$)\b", re.IGNORECASE))
_SENTENCE_CONTEXT = re.compile(
    r"\b(?:sentenced|sentence|sentences|imprisoned|jailed|imprisonment|prison|term|"
    r"penal colony|behind bars|restriction of freedom|probation|suspended|respectively)\b",
    re.IGNORECASE)


def _num(text: str) -> float | None:
    low = text.lower()
    if low.endswith(("1/2", "½")):  # "7 1/2-year term"
        return series_values(low)[0]
    if low in _NUM_WORDS:
        return float(_NUM_WORDS[low])
    try:
        return float(low.replace(",", "."))
    except ValueError:
        return None


def _months(m: re.Match) -> int | None:
    if m.group("mo"):
        n = _num(m.group("mo"))
        return round(n) if n else None
    years = _num(m.group("y"))
    if years is None:
        return None
    months = years * 12 + (6 if m.group("half") or m.group("half2") else 0)
    if m.group("m"):
        extra = _num(m.group("m"))
        months += extra or 0
    return round(months)


@dataclass
class Punishment:
    sentence_type: str | None
    months: list[int]
    in_absentia: bool


# an appeal that cuts a term by a length: "the court shortened by two years the sentence"
_REDUCED_BY = re.compile(r"\b(?:reduced|shortened|cut|lowered|mitigated)\s+(?:[\w-]+\s+){0,6}?by\s",
                         re.IGNORECASE)


_ELLIPSIS_NAME = re.compile(rf"\s*(?:and\s+)?(?P<n>{TOKEN})\s+to\s+")  # "..., and X to 5 years"
# run over every clause: compiled once, with a first-character guard and a literal
# prefilter (kzwatch.text.patterns.guarded: the same matches)
_HAS_VERDICT = guarded(re.compile(
    r"\bsentenced|\bsentences?\b|\b(?:imprisoned|jailed)\s+(?:\w+\s+){0,3}?for|"
    r"\bsent\s+to\s+(?:prison|jail|a\s+penal\s+colony)\b|"
    r"\b(?:received|got|given|handed)\s+(?:[\w-]+\s+){1,3}?(?:years?|months?)\b|"
    r"\bimposed\s+(?:an?\s+|the\s+)?(?:penalty|punishment)|"
    r"\bfined\b|\bpay\s+a\s+fine\b|\bdefer|\bsuspended|\bterm\s+of|\bprison\s+term|"
    r"\b[\w.]+-(?:year|month)\s+(?:prison\s+|jail\s+)?term\b"))
_BRIBE_GIVEN_BY = guarded(re.compile(
    r"\bbrib\w*\s+(?:was|were)\s+(?:given|offered|paid|handed)\s+by\b", re.IGNORECASE))
_ACCORDING_TO_OFFICIALS = guarded(re.compile(
    r"according\s+to\s+(?:the\s+)?(?:investigat|prosecut|police)", re.IGNORECASE))


def _officials_cited(text: str, start: int, end: int) -> bool:
    """Whether _ACCORDING_TO_OFFICIALS matches in text[start:end] (searched as that slice).
    Its words are first looked for in the text's lower case, which the literal checks keep
    (lowered), rather than in a lower-cased copy of a new slice made for every clause."""
    low = lowered(text)
    if low is not None and not has_literal(_ACCORDING_TO_OFFICIALS.literals, low, start, end):
        return False
    return _ACCORDING_TO_OFFICIALS.search(text[start:end]) is not None


def punishment_in(clause: str) -> Punishment | None:
    """Sentence handed down in a clause: type and length(s) ("16 and 15 years respectively")."""
    # most clauses lack every word a verdict needs: told from the clause's lower case the
    # literal checks keep (lowered), before making one of its own (which also pushed the
    # clause's out of that cache for the clause's patterns after this)
    kept = lowered(clause)
    if kept is not None and not has_literal(_HAS_VERDICT.literals, kept):
        return None  # _HAS_VERDICT.search(clause.lower()) finds nothing
    low = clause.lower()
    has_verdict = _HAS_VERDICT.search(low)
    if not has_verdict:
        return None
    if _FACES.search(low) and not _SENTENCED_OR_RECEIVED.search(low):
        return None  # "faces up to 10 years": the maximum, not a sentence
    if _REQUESTED_TERM.search(low):
        return None  # the prosecution's request
    months: list[int] = []
    anchor = _TERM_ANCHOR.search(low)
    scan_from = 0
    if anchor and _DEFERRED_FOR.search(low) and \
            "sentenced" not in low:
        scan_from = len(low)  # "defer her sentence for three years": not the sentence length
    shared = list(_SHARED_UNIT.finditer(clause, scan_from)) if anchor else []
    series = {s.start(): s for s in shared}
    for m in sorted([*_DURATION.finditer(clause, scan_from), *shared], key=lambda m: m.start()):
        within = next((s for s in shared if s.start() <= m.start() < s.end()), None)
        if within:  # "nine and seven years": one unit for several terms
            if series.get(m.start()) is m:
                unit = 1 if within.group("unit").lower().startswith("month") else 12
                months += [round(v * unit) for v in series_values(within.group("ns"))]
            continue
        before = low[max(0, m.start() - 25):m.start()]
        after = low[m.end():m.end() + 40]
        if _NOT_TERM_BEFORE.search(before) and not _TERM_FOR_BEFORE.search(before):
            continue
        if "old" in m.group(0).lower() or _TIME_AFTER.match(after):
            continue
        if not (_SENTENCE_CONTEXT.search(before + " " + after) or _TO_BEFORE_TERM.search(before)
                or anchor):
            continue
        value = _months(m)
        if value:
            months.append(value)
    # the kind of punishment: the highest-priority `sentence_type` rule of
    # kzwatch/rules/en/case_mentions.yaml that the clause matches
    hit = _RULES.first("sentence_type", low)
    kind = hit[0].sets["sentence_type"] if hit else None
    if kind == "life":
        months = []  # life has no length
    elif kind == "fine" and months:
        kind = "prison"  # "six years and a fine": the fine is additional
    elif kind == "prison" and not months and "sentenced" not in low:
        kind = None  # "in prison" without a term or a sentencing names no punishment
    elif kind is None and months:
        kind = "prison"
    by = _REDUCED_BY.search(clause)
    if by and months:
        # "shortened by two years the seven-year sentence": the term left after the appeal
        cut = _DURATION.search(clause, by.end() - 1)
        cut_months = _months(cut) if cut and cut.start() < by.end() + 1 else None
        if cut_months and cut_months in months:
            months.remove(cut_months)
            months = [m - cut_months for m in months if m > cut_months]
    if kind is None and not months:
        return None
    return Punishment(kind, months, bool(_IN_ABSENTIA_LOW.search(low)))


# ---------------------------------------------------------------- records being built

@dataclass
class Case:
    person: str
    events: list[tuple[int, int]] = field(default_factory=list)  # sentence spans
    charges: list[str] = field(default_factory=list)
    other_charge: bool = False
    vague_charge: bool = False
    amount_kzt: float | None = None
    amount_usd: float | None = None
    amount_kind: str | None = None
    detained_on: str | None = None
    verdict_on: str | None = None
    sentence_type: str | None = None
    sentence_months: int | None = None
    in_absentia: bool = False
    status: str | None = None
    key_span: tuple[int, int] | None = None
    key_rank: int = -1
    opened_as_new: bool = False
    statuses: set[str] = field(default_factory=set)
    position: str | None = None
    region_hint: str | None = None  # "In Kostanay region, the former akim ... was sentenced"
    court_region: str | None = None  # "the Kostanay City Court acquitted the blogger X"
    released_at: int | None = None  # where the text says the person was released


@dataclass
class Person:
    key: str
    name: str
    given: str | None
    mentions: list[int] = field(default_factory=list)
    victim: bool = False
    position: str | None = None
    appointed: str | None = None
    titles: list[tuple[int, str]] = field(default_factory=list)
    home_region: str | None = None  # "X, an activist from Zhanaozen"


# ---------------------------------------------------------------- positions

# "X, a 34-year-old taxi driver from Taldykorgan": where a person without an office belongs
_HOME_PLACE = re.compile(
    r"(?:\s*,\s*(?:an?|the)\s+(?:[\w’'-]+\s+){0,4}?(?:from|in|based\s+in)|\s*,?\s+from)\s+"
    r"(?P<place>(?-i:[A-Z])[\w-]+(?:\s+(?-i:[A-Z])[\w-]+)?)", re.IGNORECASE)
# "a 34-year-old Kulsary resident, X" / "a resident of Kulsary, X"
_RESIDENT_BEFORE = re.compile(r"(?:\b(?P<place>(?-i:[A-Z])[\w-]+)\s+(?:resident|native)|"
                              r"\b(?:resident|native)\s+of\s+(?P<place2>(?-i:[A-Z])[\w-]+))"
                              r"\s*,?\s*$", re.IGNORECASE)
# "In Kostanay region, the former akim ...": a report's paragraph set in one region
_LEAD_PLACE = re.compile(
    r"\s*(?:(?:Finally|Meanwhile|Separately|Also),\s+)?[Ii]n\s+(?:the\s+)?"
    r"(?P<place>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?(?:\s+(?:region|oblast))?)\s*,")
# the court's town places the case of someone without an office (a blogger, an activist)
_COURT_PLACE = re.compile(
    r"\b(?P<a>[A-Z][\w-]+)\s+(?:(?i:city|district|town|regional|region|oblast)\s+)?(?:No\.\s*\d+\s+)?[Cc]ourt\b"
    r"|\b[Cc]ourt\s+in\s+(?P<b>[A-Z][\w-]+)")
_COURT_OF = re.compile(r"\b[Cc]ourt\s+(?:of|for)\s+(?:the\s+)?(?P<a>[A-Z][\w-]+)(?=\s+(?:region|"
                       r"oblast|city|district)\b|[\s,.;])")
# "chairman of the board of a regional corporation": a local office whose place the court gives
_UNNAMED_LOCAL = re.compile(r"\b(?:an?|the)\s+(?:\w+\s+)?(?:regional|city|district|municipal)\b",
                            re.IGNORECASE)
# an office of a region the text has named before: "akim of the region", "regional police"
_THE_REGION = re.compile(r"\b(?:of\s+the\s+(?:region|oblast)\b|the\s+regional\b|region['’]s\b)",
                         re.IGNORECASE)
# "URALSK, Kazakhstan -- ", "TARAZ (Reuters) - ": the town a report is filed from
_DATELINE_TOWN = re.compile(r"(?m)^\s*(?P<town>[A-Z][A-Z-]{2,}(?:[ -][A-Z]{3,})?)\s*"
                            r"(?:,\s+Kazakhstan\b|"
                            r"\([^)\n]{2,40}\)\s*[-–—]|[-–—]{1,2}\s)")
# offices of the state as a whole: their holders belong to no region
_NATIONAL = re.compile(r"\b(?:minist\w*|national|state|committee|agency|service|president|prime|"
                       r"premier|parliament|senat\w*|majilis|supreme|general|kazakhstan|bank|"
                       r"company|corporation|holding|fund)\b", re.IGNORECASE)
_LEADS = re.compile(r"\b(?:leader|chairman|chairwoman|chair|president|founder)\b", re.IGNORECASE)
_OFFICE_OF = re.compile(r"\b(?:of|at)\b|\bakim|\bminister|\bjudge|\bmayor|\bgovernor",
                        re.IGNORECASE)
# an appeal's new term: "reduced his term to", "Ospanov's sentence was commuted to"
_REDUCED_TERM = re.compile(
    r"\b(?:reduced|commuted|cut|lowered|shortened|mitigated)\s+(?P<pron>his|her|the)?\s*"
    r"(?P<noun>(?:prison\s+)?(?:term|sentence|punishment))\s+to(?=\s)"
    r"|['’]s\s+(?P<noun2>(?:prison\s+)?(?:term|sentence|punishment))\s+(?:was|has\s+been|had\s+been)"
    r"\s+(?:\w+\s+)?(?:reduced|commuted|cut|lowered|shortened|mitigated)\s+to(?=\s)",
    re.IGNORECASE)
_THE_DEFENDANT = re.compile(r"\bthe\s+(?:defendant|accused|suspect|convict)\s*$", re.IGNORECASE)
_VERDICT_ANNOUNCED = re.compile(r"\b(?:announced|delivered|pronounced|handed\s+down|passed)\s+"
                                r"(?:the|its|a)\s+(?:verdict|judg(?:e)?ment|sentences?)\b",
                                re.IGNORECASE)
_VERDICT_DATED = re.compile(r"\b(?:verdict|judg(?:e)?ment|ruling)\s+(?:of|dated|issued\s+on)\s+"
                            r"(?P<d>(?:\d{1,2}\s+)?[A-Z][a-z]+\.?\s+(?:\d{1,2},?\s+)?\d{4}|"
                            r"\d{1,2}\.\d{1,2}\.\d{4})")
_CASE_OPENED = re.compile(r"\b(?:opened|launched|initiated|instituted|registered)\s+"
                          r"(?:an?|another)\s+(?:[\w-]+\s+){0,3}?(?:criminal\s+)?case\b",
                          re.IGNORECASE)
_SAME_DAY = re.compile(r"\b(?:the|that)\s+same\s+(?:day|verdict|ruling|judg(?:e)?ment)\b|"
                       r"\bthat\s+day\b", re.IGNORECASE)
_BORN = re.compile(r"\bborn\s+(?:in\s+|on\s+)?$", re.IGNORECASE)  # a birth date dates no event
_SINCE = re.compile(r"\b(?:since|until|till|from)\s+$", re.IGNORECASE)  # "headed it since 2020"
_FINE_BEFORE = re.compile(r"\bfined\s+(?:\w+\s+)?(?:(?:a|an|the)\s+)?(?:sum|total|amount\s+)?"
                          r"(?:of\s+)?$|\bfines?\s+(?:of|totall?ing|amounting\s+to|in\s+the\s+"
                          r"amount\s+of)\s+$",
                          re.IGNORECASE)
# ---------------------------------------------------------------- clause handling

_CLAUSE_SPLIT = re.compile(r";\s+|,?\s+while\s+(?!\w+ing\b)|,?\s+whereas\s+|,\s+but\s+|"
                           rf",\s+and\s+(?=(?:he|she|{TOKEN})\s)")


def _clauses(text: str, start: int, end: int,
             lists: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Clauses of a sentence; never split inside a list of people ("A; B; and C")."""
    out, pos = [], start
    for m in _CLAUSE_SPLIT.finditer(text, start, end):
        if any(a < m.start() < b for a, b in lists):
            continue
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    return [c for c in out if c[1] > c[0]]


@dataclass
class Event:
    persons: list[str]
    status: str | None
    trigger_start: int
    trigger_end: int
    detain_verb: bool = False
    verdict_verb: bool = False
    killing: bool = False


class _Places:
    """Where a document sets its cases: the Kazakh regions and towns it names (indexed once,
    lazily), the one it names most, and the town its dateline is filed from."""

    def __init__(self, text: str):
        self.text = text
        self._named: list[tuple[int, str]] | None = None
        self._dateline: str | None = None
        self._dominant: tuple[str | None] | None = None  # counted once: asked for every case
        self._akimat: tuple[str | None] | None = None  # found once: asked for every case

    def named(self) -> list[tuple[int, str]]:
        """(offset, region) of every Kazakh region or town the document names."""
        if self._named is None:
            found = [(r.start, r.region) for r in find_regions(self.text)] + [
                (p.start, p.place.region) for p in find_places(self.text)
                if p.place.region and not p.is_region and p.place.country == "Kazakhstan"]
            self._named = sorted(found)
        return self._named

    def dominant(self) -> str | None:
        """The region the document names most often (its towns counted for their regions)."""
        if self._dominant is None:
            counts: dict[str, int] = {}
            for _, region in self.named():
                counts[region] = counts.get(region, 0) + 1
            self._dominant = (max(counts, key=lambda r: counts[r]) if counts else None,)
        return self._dominant[0]

    def dateline(self) -> str | None:
        """'URALSK, Kazakhstan -- Police ...': the region of the town a report is filed from."""
        if self._dateline is None:
            m = _DATELINE_TOWN.search(self.text, 0, 3000)
            towns = [pm.place.region for pm in find_places(m.group("town").title())
                     if pm.place.region and pm.place.country == "Kazakhstan"] if m else []
            self._dateline = towns[0] if towns else ""
        return self._dateline or None

    def referred(self, position: str | None, at: int) -> str | None:
        """'former deputy akim of the region', 'head of the regional energy department': the
        region the text last named before `at`."""
        if not position or not _THE_REGION.search(position):
            return None
        before = [r for pos, r in self.named() if pos < at]
        return before[-1] if before else None

    def scene(self, position: str | None, spans: list[tuple[int, int]]) -> str | None:
        """A person without a local office (an activist, a blogger, a resident) belongs to the
        place where the text sets the case (`spans`: its sentences, then the paragraph before):
        of the places named there, the document's main region, else the first; else the
        dateline's town. A national office (a minister, an agency) has no region."""
        if position and (_NATIONAL.search(position) or _LEADS.search(position)):
            return None  # "leader", "chairman": an office whose place the text does not give
        named = [pm.place.region for s, e in spans for pm in find_places(self.text, s, e)
                 if pm.place.region and pm.place.country == "Kazakhstan"
                 and not _VENUE_BEFORE.search(self.text, max(0, pm.start - 40), pm.start)]
        dominant = self.dominant()
        if dominant and dominant in named:
            return dominant  # of the places the case names, the one the report is about
        return named[0] if named else self.dateline()

    def akimat(self, position: str | None) -> str | None:
        """'head of the akimat's construction department': the akimat the document names with
        its place ("the Taraz city akimat") gives the region."""
        if not position or not _THE_AKIMAT.search(position):
            return None
        if self._akimat is None:  # the text's first akimat with a place: one look per text
            self._akimat = (next((region for m in _PLACE_AKIMAT.finditer(self.text)
                                  if (region := region_of(m.group("p")))), None),)
        return self._akimat[0]


# a year not preceded by [\d.,/-]: the check looks back past the four digits, so that the
# pattern opens with them and the engine skips to a "1" or "2" instead of trying everywhere
_YEAR_WRITTEN = re.compile(r"((?:19|20)\d\d)(?<![\d.,/-][\s\S]{4})(?!\d)")


class _Extractor:
    def __init__(self, doc: Document):
        self.doc = doc
        self.text = _unwrap_pdf(doc.text)
        self.dateline: date | None = document_dateline(doc.text) or doc.published_on
        self.dateline_at = dateline_span(self.text) or (0, 0)
        # every year the text writes, once: an event's reference year is the last one before
        # it (reading the text up to each event again would be quadratic in its length)
        marks = list(_YEAR_WRITTEN.finditer(self.text))
        self._year_ends = [m.end() for m in marks]
        self._year_values = [int(m.group(1)) for m in marks]
        self.persons: dict[str, Person] = {}
        self._known_surnames: set[str] = set()
        self._surnames_of = 0  # how many of self.order _known_surnames holds
        self.order: list[str] = []
        # the keys of `persons` with a "|" ("surname|given"), in the order added: the only
        # ones a surname's "surname|..." can be (looked through for each new surname, where
        # looking through every person made long reports quadratic)
        self._piped: list[str] = []
        self.cases: dict[str, list[Case]] = {}
        self.current: dict[str, int] = {}
        self.last_group: list[str] = []
        self.focus: str | None = None
        self.context_other: dict[str, bool] = {}
        self.recent: list[str] = []  # people facing a case, least recent first
        self.cur_mentions: list[tuple[NameMention, str]] = []
        self.cur_start = 0
        self.prev_in_paragraph: tuple[int, int] | None = None
        self.prev_had_events = False
        self.dates: dict[str, str | None] = {"any": None, "verdict": None}  # latest event dates
        self.prev_verdict: str | None = None  # verdict date set by the previous sentence
        self.doc_verdict: str | None = None  # "On <day> the court announced the verdict ..."
        self.doc_verdict_at = 0
        self.cur_verdict: str | None = None
        self.places = _Places(self.text)
        self.carried_group: list[str] = []
        self.scene_detained: str | None = None  # the day of the detentions a report tells
        self.defendants_charges: list[str] = []  # charges of "all the defendants"
        self.pending_lede: tuple | None = None  # facts of a lede's unnamed defendant

    # --- people
    def _person_for(self, nm: NameMention) -> str | None:
        surname = nm.tokens[-1]
        key = fold_surname(surname)
        given = nm.tokens[0] if len(nm.tokens) > 1 else None
        if key in self.persons:
            p = self.persons[key]
            if given and p.given and not same_given(given, p.given):
                alt = f"{key}|{given.lower()}"
                if alt not in self.persons:
                    self.persons[alt] = Person(alt, nm.text, given)
                    self.order.append(alt)
                    self._piped.append(alt)
                return alt
            if given and (not p.given or (len(p.given) <= 2 and len(given) > 2)):
                p.given, p.name = given, nm.text  # the first full spelling names the person
            return key
        for other in map(self.persons.__getitem__, self._piped):
            if other.key.startswith(key + "|") and (not given or same_given(given, other.given)):
                return other.key
        self.persons[key] = Person(key, nm.text, given)
        self.order.append(key)
        if "|" in key:
            self._piped.append(key)
        return key

    def _surnames(self) -> set[str]:
        """The surnames of the people met so far (persons are only ever added, each also to
        self.order: the surnames of those added since the last call join the set, where making
        it again from every person made long reports quadratic). Its readers (name_mentions,
        _relational) only ask it during their call."""
        if self._surnames_of != len(self.order):
            self._known_surnames.update(k.split("|")[0] for k in self.order[self._surnames_of:])
            self._surnames_of = len(self.order)
        return self._known_surnames

    def _mentions(self, start: int, end: int) -> list[tuple[NameMention, str]]:
        known = self._surnames()
        out = []
        for nm in name_mentions(self.text[start:end], known):
            nm = NameMention(nm.start + start, nm.end + start, nm.text, nm.tokens, nm.possessive)
            key = self._person_for(nm)
            if key:
                out.append((nm, key))
        return out

    # --- subjects
    def _subject_before(self, c_start: int, trig: int,
                        mentions: list[tuple[NameMention, str]]) -> list[str]:
        said = [m for m in _SAID.finditer(self.text[c_start:trig])
                if not _RELATIVE_THAT.search(self.text, max(0, c_start + m.start() - 40),
                                             c_start + m.end())]
        if said:  # "X announced that Y was convicted": the subject follows the complementiser
            c_start += said[-1].end()
        joined = [m for m in _AND_THE.finditer(self.text, c_start, trig)
                  if not any(0 <= m.start() - nm.end <= 2 for nm, _ in mentions)
                  and any(m.end() <= nm.start < trig for nm, _ in mentions)]
        if joined:  # "X accused officers of ..., and the committee's deputy, Y, was dismissed"
            c_start = joined[-1].end()
        before = self.text[c_start:trig]
        # relative clause: "X, who was sentenced"
        whos = list(_WHO.finditer(before))
        rel = whos[-1] if whos else None
        if rel and any(rel.end() <= nm.start - c_start for nm, _ in mentions
                       if c_start <= nm.start < trig):
            rel = None
        names = [(nm, k) for nm, k in mentions if c_start <= nm.start < trig and not nm.possessive]
        if rel:
            # "officials close to President X who have faced charges": a "who" right after a
            # name governed by a preposition belongs to the noun before it, not to X
            prior = [(nm, k) for nm, k in mentions if nm.end <= c_start + rel.start()
                     and not nm.possessive and not (
                         "," not in self.text[nm.end:c_start + rel.start()]
                         and _GOVERNED.search(self.text[max(c_start, nm.start - 40):nm.start]))]
            if prior:
                return [prior[-1][1]]
        names = [(nm, k) for nm, k in names
                 if not _PREPOSITION_BEFORE.search(self.text[max(c_start, nm.start - 40):nm.start])
                 or _AND_BEFORE.search(self.text[max(0, nm.start - 6):nm.start])
                 or self._titled_subject(c_start, nm.start)]
        if names:  # the first name, with any names coordinated to it ("A, B and C were ...")
            group, last_end = [names[0][1]], names[0][0].end
            for nm, k in names[1:]:
                if not _coordinated(self.text[last_end:nm.start]):
                    break
                group.append(k)
                last_end = nm.end
            return list(dict.fromkeys(group))
        group = _GROUP.search(before)
        if group and _PREPOSITION_BEFORE.search(before[:group.start()]):
            group = None  # "subordinates of both men received ...": not the subject
        if group and self.recent:
            return self._group_members(group.group(0))
        pron = list(_PRONOUN_SUBJECT.finditer(before))
        if pron:
            who = self._antecedent(c_start + pron[-1].start())
            return [who] if who else []
        if _THE_DEFENDANT.search(before):
            # "the defendant was detained": the person spoken of, or the only one so far
            who = self.focus or (self.recent[0] if len(self.recent) == 1 else None)
            return [who] if who else []
        return []

    def _titled_subject(self, c_start: int, start: int) -> bool:
        """'The former minister of energy X was ...': the "of" belongs to the office before
        the name, which opens the clause (no verb or preposition governs it)."""
        title = title_before(self.text, start)
        if not title:
            return False
        head = self.text[c_start:start].rstrip()
        lead = head[:len(head) - len(title)] if head.endswith(title) else None
        return lead is not None and _ARTICLE_ONLY_LEAD.fullmatch(lead) is not None

    def _object_after(self, trig_end: int, c_end: int,
                      mentions: list[tuple[NameMention, str]], c_start: int | None = None
                      ) -> list[str]:
        after = self.text[trig_end:min(c_end, trig_end + 120)]
        if _PRONOUN_OBJECT.match(after):
            # "President X pardoned her": an object pronoun is never its own clause's subject,
            # but "X said police had detained her" reports X's own case
            said = list(_REPORTED.finditer(self.text, c_start or 0, trig_end)) \
                if c_start is not None else []
            who = self._antecedent(trig_end, skip_from=said[-1].end() if said else c_start)
            return [who] if who else []
        group = _GROUP_OBJECT.match(after)
        if group and self.recent:
            return self._group_members(group.group(0))
        described = self._described(trig_end, min(c_end, trig_end + 40), at_start=True)
        if described:
            return [described]
        following = [(nm, k) for nm, k in mentions if trig_end <= nm.start < c_end
                     and not nm.possessive]
        if not following or following[0][0].start >= trig_end + 120:
            return []
        first_nm, first_key = following[0]
        gap = _HONORIFIC.sub(" ", self.text[trig_end:first_nm.start])
        if _SPEAKER_GAP.search(gap):
            return []  # '"... gets detained," said analyst X': the speaker, not the object
        if _AGENT_GAP.search(gap) and not _AGAINST_GAP.search(gap):
            return []
        objects, last_end = [first_key], first_nm.end
        for nm, k in following[1:]:  # "sentenced A and B to ...", "detained A, B and C"
            if not _coordinated(self.text[last_end:nm.start]):
                break
            objects.append(k)
            last_end = nm.end
        return list(dict.fromkeys(objects))

    def _antecedent(self, pos: int, skip_from: int | None = None) -> str | None:
        """Whom he/she/him/her at `pos` means: the subject named earlier in the same sentence,
        else the topic carried from the previous sentences of the paragraph."""
        pron = _PRONOUN_AT.match(self.text[pos:pos + 12])
        want = None if pron is None else "f" if pron.group("p").lower().startswith(("she", "her")) \
            else "m"

        def agrees(k: str | None) -> bool:  # "judge Aizhan Bekturova ... He was sentenced"
            return k is not None and want is not None and gender(self.persons[k].name) in (
                None, want) or (k is not None and want is None)

        earlier = [(nm, k) for nm, k in self.cur_mentions if nm.end <= pos and not nm.possessive
                   and (skip_from is None or nm.start < skip_from)
                   and not _AGENT_OF_PRONOUN.match(self.text, nm.end)
                   and not _PREPOSITION_BEFORE.search(
                       self.text[max(self.cur_start, nm.start - 40):nm.start]) and agrees(k)]
        if earlier:
            return earlier[0][1]
        # "found the former minister guilty and sentenced him"
        who = self._described(self.cur_start, pos) or self.focus
        if who is None or agrees(who):
            return who
        # the topic's surname has the other gender: the latest person of this one facing a case
        return next((k for k in reversed(self.recent) if agrees(k)), None)

    def _group_members(self, phrase: str) -> list[str]:
        """'all three men' -> the three people most recently facing a case; 'they' -> last group."""
        words = phrase.lower().split()
        count = next((_NUM_WORDS[w] for w in words if w in _NUM_WORDS and w not in ("a", "an")),
                     None)
        if "both" in words:
            count = 2
        # "They were all charged ...": a paragraph's first sentence may speak of the group the
        # previous paragraph listed
        group = self.last_group or (self.carried_group if self.prev_in_paragraph is None else [])
        if count is None:
            return list(group)
        if count > len(self.recent):
            # "all seventeen defendants are charged": the named ones are among them; "all six
            # were released" with no one named: people the text never named
            return list(group) if _DEFENDANTS.search(phrase) else []
        return list(reversed(self.recent[-int(count):]))[::-1]

    # --- events in one clause
    def _events(self, c_start: int, c_end: int, mentions: list[tuple[NameMention, str]],
                clause: str) -> list[Event]:
        """The clause's events (`clause`: text[c_start:c_end], the caller's string: the literal
        checks keep its lower case by identity)."""
        text = self.text
        if not _may_tell_event(clause):
            # most clauses: no pattern below can match (one added here joins _EVENT_WORDS)
            return self._officials_say(c_start, c_end, clause, mentions)
        events: list[Event] = []
        for m in _PASSIVE.finditer(clause):
            if _NOT_NEVER.search(m.group(0)) or \
                    _NEGATION.search(clause[:m.start()][-40:]):
                continue  # "has not been detained"
            verb = m.group("verb").lower()
            status = _stage(verb)
            if status == "released" and _RELEASED_IN_COURT.search(clause[m.start():]):
                continue
            if status == "released" and (_PRETRIAL_RELEASE.search(clause) or
                                         _UNDER_HOUSE.search(clause)):
                continue
            if status == "released" and _PAROLE_WORD.search(clause):
                status = "paroled"
            if status == "released" and _RELEASED_UNDER_PARDON.match(clause[m.start("verb"):]):
                status = "pardoned"  # "released under an amnesty"
            detain_verb = status == "detained"
            if status == "detained" and (_CHARGED_WITH.search(clause, m.end()) or (
                    # "held in pretrial detention ... on the same charge": a charged detainee
                    _HELD.search(verb) and _SAME_CHARGE.search(clause, m.end()))):
                status = "charged"
            if _TO_BEFORE.search(clause[:m.start()]):
                continue  # "asked to be released", "threatened to be arrested": not an event
            who = self._subject_before(c_start, c_start + m.start(), mentions)
            if status == "charged" and verb == "accused" and \
                    not _ACCUSED_BY_OFFICIALS_OF.match(clause[m.end():]):
                continue  # "accused by journalists of ...": criticism, not a charge
            events.append(Event(who, status, c_start + m.start("verb"), c_start + m.end(),
                                detain_verb, status in ("convicted", "acquitted")))
        for m in _REDUCED.finditer(clause):
            verb = m.group("verb").lower()
            status = _stage(verb)
            if m.group(0).lstrip().startswith((",", "(")):
                prior = [k for nm, k in mentions if nm.end <= c_start + m.start()
                         and c_start + m.start() - nm.end < 3]
                who = prior[-1:] if prior else []
            else:
                who = [self.focus] if self.focus else []  # "Released in 2006." -> the topic
            if any(e.trigger_start == c_start + m.start("verb") for e in events):
                continue
            events.append(Event(who, status, c_start + m.start("verb"), c_start + m.end(),
                                status == "detained", status == "convicted"))
        for m in _APPOSITIVE_EVENT.finditer(clause):
            who = [k for nm, k in mentions if 0 <= c_start + m.start() - nm.end < 3]
            status = _stage(m.group("verb"))
            if who and not any(e.trigger_start == c_start + m.start("verb") for e in events):
                events.append(Event(who[-1:], status, c_start + m.start("verb"),
                                    c_start + m.end("verb"), status == "detained",
                                    status == "convicted"))
        low = lowered(clause)
        words = _plan_words(low) if low is not None else None
        for rx, (status, more) in _plan_candidates(_SUBJECT_PLAN, _SUBJECT_INDEX, clause, low,
                                                   words):
            if low is not None and _lacks(more, low):
                continue  # no match: a word set every match needs is absent
            for m in rx.finditer(clause):
                if _NEGATION.search(clause[:m.start()][-40:]) or _NOT_NEVER_NO.search(
                        m.group(0)):
                    continue
                who = self._subject_before(c_start, c_start + m.start(), mentions)
                serving = m.group(0).lower().startswith("serv")  # a date here is not the verdict's
                events.append(Event(who, status, c_start + m.start(), c_start + m.end(),
                                    status == "detained", status == "convicted" and not serving))
        # headline grammar: "Land official X jailed for 5 years over bribe" (no auxiliary)
        for nm, k in mentions:
            m = _HEADLINE_EVENT.match(text, nm.end, c_end) if c_start <= nm.start < c_end \
                and not nm.possessive else None
            if m and not any(e.trigger_start == m.start("verb") for e in events):
                status = _stage(m.group("verb"))
                events.append(Event([k], status, m.start("verb"), m.end("verb"),
                                    status == "detained", status in ("convicted", "acquitted")))
        for rx, (status, more) in _plan_candidates(_OBJECT_PLAN, _OBJECT_INDEX, clause, low,
                                                   words):
            if low is not None and _lacks(more, low):
                continue
            for m in rx.finditer(clause):
                if any(e.trigger_start <= c_start + m.start() < e.trigger_end and e.persons
                       for e in events):
                    continue
                if _PASSIVE_OR_NOUN_BEFORE.search(clause[:m.start()]) and \
                        not _OBJECT_LEAD_END.search(m.group(0)):
                    continue
                if _NEGATION.search(clause[:m.start()][-30:]):
                    continue
                who = self._object_after(c_start + m.end(), c_end, mentions, c_start)
                if not who:
                    continue
                detain_verb = status == "detained"
                if detain_verb and _CHARGED_WITH.search(clause, m.end()):
                    status = "charged"
                events.append(Event(who, status, c_start + m.start(), c_start + m.end(),
                                    detain_verb, status in ("convicted", "acquitted")))
        # "At least four were detained, including activist X": the people the list names
        for m in _INCLUDING.finditer(clause):
            if _NEGATION.search(clause[:m.start()][-40:]):
                continue
            who = self._object_after(c_start + m.end(), c_end, mentions, c_start)
            if who and not any(e.trigger_start == c_start + m.start("verb") for e in events
                               if set(who) <= set(e.persons)):
                status = _stage(m.group("verb"))
                events.append(Event(who, status, c_start + m.start("verb"), c_start + m.end(),
                                    status == "detained", status in ("convicted", "acquitted")))
        # "The bribe was given by X"
        for m in _BRIBE_GIVEN_BY.finditer(clause):
            who = self._object_after(c_start + m.end(), c_end, mentions, c_start)
            if who:
                events.append(Event(who, None, c_start + m.start(), c_start + m.end()))
        # "announced the verdict in the case of X": dates the verdict, whatever it decided
        for m in _VERDICT_ON.finditer(clause):
            who = self._object_after(c_start + m.end(), c_end, mentions, c_start)
            if who:
                events.append(Event(who, None, c_start + m.start(), c_start + m.end(),
                                    verdict_verb=True))
        # "X embezzled 450 million tenge": the deed of someone already facing a case
        for m in _DEED.finditer(clause):
            who = [k for k in self._subject_before(c_start, c_start + m.start(), mentions)
                   if self.cases.get(k)]
            if who and not any(e.trigger_start <= c_start + m.start() < e.trigger_end
                               for e in events):
                events.append(Event(who, None, c_start + m.start(), c_start + m.end()))
        events += self._officials_say(c_start, c_end, clause, mentions)
        # "He was charged with X and, in April 2024, sentenced to two years": the second verb
        # shares the subject of the clause's previous event
        for m in _ELLIPSIS.finditer(clause):
            at = c_start + m.start("verb")
            prior = [e for e in events if e.persons and e.trigger_end <= at]
            first = _FIRST_PASSIVE.search(clause[:m.start()])
            if not prior and first:
                # "X was dismissed in August and in October charged with ...": the subject of
                # the first passive, though that verb names no legal stage
                who = self._subject_before(c_start, c_start + first.start(), mentions)
                prior = [Event(who, None, c_start + first.start(), c_start + first.end())] \
                    if who else []
            if not prior or any(e.trigger_start == at and e.persons for e in events):
                continue
            status = _stage(m.group("verb"))
            if status == "released" and _PRETRIAL_RELEASE.match(clause, m.start("verb")):
                continue
            if status == "released" and _PAROLE_AFTER.search(clause[m.start("verb"):]):
                status = "paroled"
            events = [e for e in events if e.trigger_start != at]
            events.append(Event(list(max(prior, key=lambda e: e.trigger_end).persons), status,
                                at, c_start + m.end(), status == "detained",
                                status in ("convicted", "acquitted")))
        return [e for e in events if e.persons]

    def _officials_say(self, c_start: int, c_end: int, clause: str,
                       mentions: list[tuple[NameMention, str]]) -> list[Event]:
        """'According to investigators, X killed Y' / '... the instigator ... was X': suspects
        named by what officials say (the words of the 250 characters before the clause count)."""
        if not _officials_cited(self.text, max(0, c_start - 250), c_end):
            return []
        events = []
        for m in _OFFICIALS_DEED.finditer(clause):
            who = self._subject_before(c_start, c_start + m.start(), mentions)
            if who:
                events.append(Event(who, "suspected", c_start + m.start(), c_start + m.end(),
                                    killing=m.group(0).lower() in ("killed", "murdered", "shot")))
        m = _CULPRIT_WAS.search(clause)
        for nm, k in mentions:
            if m is None and _CULPRIT_WAS_BEFORE.search(self.text[c_start:nm.start]):
                events.append(Event([k], "suspected", nm.start, nm.end))
                break
        return events

    def _victims(self, start: int, end: int, mentions: list[tuple[NameMention, str]]) -> None:
        for nm, k in mentions:
            before = self.text[max(start, nm.start - 40):nm.start]
            after = self.text[nm.end:nm.end + 50]
            if _VICTIM_BEFORE.search(before) or _VICTIM_AFTER.match(after):
                self.persons[k].victim = True

    # --- case bookkeeping
    def _case_for(self, person: str, clause: str, punishment: Punishment | None) -> Case:
        """The person's case a clause speaks of: the current one, the one with the same
        sentence, or a new one ("new charges"; a sentence unlike the one already recorded)."""
        cases = self.cases.setdefault(person, [])
        if not cases:
            cases.append(Case(person))
            self.current[person] = 0
            return cases[0]
        if _NEW_CASE.search(clause) and not cases[self.current[person]].opened_as_new:
            cases.append(Case(person, opened_as_new=True))
            self.current[person] = len(cases) - 1
            return cases[-1]
        if punishment is not None and (punishment.months or punishment.sentence_type == "life"):
            months = punishment.months[0] if punishment.months else None
            for i, c in enumerate(cases):
                if c.sentence_months is not None and c.sentence_months == months:
                    self.current[person] = i
                    return c
                if c.sentence_type == "life" and punishment.sentence_type == "life":
                    self.current[person] = i
                    return c
            cur = cases[self.current[person]]
            if cur.sentence_months is None and cur.sentence_type != "life":
                return cur
            cases.append(Case(person))
            self.current[person] = len(cases) - 1
            return cases[-1]
        return cases[self.current[person]]

    def _deputy_title(self, nm: NameMention, key: str) -> str | None:
        """'his deputy, X' / 'X's first deputy, Y' / 'a deputy of X, Y': the deputy's office is
        the superior's office ("akim of Taraz" -> "deputy akim of Taraz")."""
        before = self.text[max(0, nm.start - 80):nm.start]
        m = _DEPUTY_OF.search(before)
        if not m:
            return None
        owner_name = m.group("owner_name") or m.group("owner2")
        if owner_name:
            owner = fold_surname(owner_name)
            given = _GIVEN_BEFORE.search(before[:m.start("owner_name")]) \
                if m.group("owner_name") else None
            if given and f"{owner}|{given.group(1).lower()}" in self.persons:
                owner = f"{owner}|{given.group(1).lower()}"  # "Kanat X's deputies", not Galym X's
            owner = owner if owner in self.persons else None
        else:
            owner = self._antecedent(nm.start - len(before) + m.start())
        if owner is None or owner == key:
            return None
        superior = self.persons[owner]
        offices = [t for pos, t in superior.titles if pos < nm.start][::-1] + [
            superior.position or "", superior.appointed or ""]
        for office in offices:  # the superior's latest office ("a close ally of ..." is none)
            office = _OFFICE_MODIFIERS.sub("", office)
            head = office.split()[0].lower() if office.split() else ""
            if head.startswith(SUPERIOR_HEADS):
                first = "first " if m.group("first") or m.group("first2") else ""
                return f"{first}deputy {office}"
        return None

    def _relational(self, title: str) -> bool:
        """A title that names a relation to a person, or a plural group, rather than an office."""
        last = _OF_LAST_WORD.search(title)
        if last and fold_surname(last.group(1)) in self._surnames():
            return True
        first = _LEADING_MODIFIERS.sub("", title.lower())
        if _RELATIVE.search(first):  # also "the former minister's son-in-law"
            return True  # "a nephew of the former president": a relation, not an office
        head = next((w for w in _WORD.findall(title.lower()) if is_title_word(w)), "")
        return head.endswith(("ies", "ees", "ers", "ents", "ists", "ors")) and \
            not head.endswith(("ss", "ous"))

    def _year_of_previous_sentence(self) -> str | None:
        """'In 2019, there was a famous case. Judge X was detained ...': an undated event in
        narrative takes the one year the previous sentence of its paragraph states."""
        if self.prev_in_paragraph is None or self.prev_had_events:
            return None  # the previous sentence dates someone else's event, not a scene
        start, end = self.prev_in_paragraph
        sentence = self.text[start:end]
        if DATE_LINE.fullmatch(sentence):
            return None  # a date line under a heading dates the text, not a scene in it
        if _YEAR_SPAN.search(sentence):
            return None  # a span of years pins no single year
        dates = find_dates(sentence)
        years = {d.iso[:4] for d in dates if d.explicit_year and d.iso}
        if len(years) != 1 or len(dates) != 1 or dates[0].start > 40:
            return None  # only a year set at the head of the sentence ("In 2019, ...")
        return years.pop()

    def _year_before(self, pos: int) -> int | None:
        """The last year the text writes that ends at or before `pos`."""
        i = bisect_right(self._year_ends, pos) - 1
        return self._year_values[i] if i >= 0 else None

    def _date(self, c_start: int, c_end: int, trig_start: int, trig_end: int,
              floor: int) -> str | None:
        """Date of an event: the last date written before its verb (after any earlier event of
        the clause), else one written right after it ("was detained in October 2023")."""
        clause = self.text[c_start:c_end]
        held = _HELD.search(self.text, trig_start, trig_end) is not None
        # "arrested on 14 March" in a page with no dateline: the year the text last wrote
        ref_year = None if self.dateline else self._year_before(c_start)
        found = [d for d in find_dates(clause, ref_year=ref_year, dateline=self.dateline,
                                       relative=True)
                 if not self.dateline_at[0] <= c_start + d.start < self.dateline_at[1]
                 and not (_SINCE.search(clause[max(0, d.start - 7):d.start]) and not (
                     # "held in pretrial detention since August": when the detention began
                     held and clause[max(0, d.start - 7):d.start].lower().strip() == "since"))
                 and not _BORN.search(clause[max(0, d.start - 12):d.start])]
        before = [d for d in found if floor <= c_start + d.start and c_start + d.end <= trig_start]
        # "sentenced to 10 years in a maximum security colony on Thursday": the date follows
        # the punishment, so it is measured from the punishment's end
        term = _TERM_AFTER_VERB.match(self.text, trig_end, c_end)
        near = term.end() if term else trig_end
        # "detained by officers of the Anti-Corruption Agency on 11 February": the agent
        # phrase between the verb and its date
        agent = _AGENT.match(self.text[near:c_end])
        reach = agent.end() + 8 if agent else 40  # "by a court in early August"
        after = [d for d in found if c_start + d.start >= trig_end
                 and c_start + d.start - near <= reach]
        pick = before[-1] if before else (after[0] if after else None)
        if after and (_VERB_DATE_GAP.fullmatch(self.text[trig_end:c_start + after[0].start])
                      or (agent and c_start + after[0].start - near <= agent.end() + 8)):
            # "arrested in May 2023 and convicted in November 2023"; "found guilty by a court
            # in early August": the date of the verb's own phrase
            pick = after[0]
        if pick is None:
            # "in March 2002 X was detained, and a few months later he was imprisoned": the year
            # of the earlier date carries over a lapse of days, weeks or months
            earlier = [d for d in found if c_start + d.end <= floor and d.explicit_year and d.iso]
            lapse = _LAPSE_LATER.search(self.text[floor:trig_start])
            return earlier[-1].iso[:4] if earlier and lapse else None
        if pick.iso and len(pick.iso) == 10 and _TWO_DAYS.match(clause, pick.end):
            return pick.iso[:7]  # "detained on June 17 and 18": the month is what is shared
        return pick.iso

    def run(self) -> list[CaseMention]:
        text = self.text
        paragraph_breaks = sorted([m.start() for m in _BLANK_LINE.finditer(text)] + [
            m.start(1) - 1 for m in _HEADING_LINE.finditer(text) if len(m.group(1).split()) <= 5])
        spans = narrative_sentences(text)
        prev_para = -1
        prev_span: tuple[int, int] | None = None
        for s_start, s_end in spans:
            para = bisect_left(paragraph_breaks, s_start)  # how many breaks are before it
            if para != prev_para:
                self.carried_group = self.last_group
                self.focus, self.last_group, prev_para = None, [], para
                self.cur_verdict = None
                prev_span = None
            self.prev_in_paragraph = prev_span
            if all(is_headline(line) for line in text[s_start:s_end].strip().splitlines()):
                self._headline_names(s_start, s_end)
                prev_span = (s_start, s_end)
                continue
            mentions = self._mentions(s_start, s_end)
            self.cur_mentions, self.cur_start = mentions, s_start
            self._victims(s_start, s_end, mentions)
            derived: tuple[int, str] | None = None  # a deputy's office, shared by "A and B"
            shared: tuple[int, str] | None = None  # "officers A, B and C": each an officer
            for nm, k in mentions:
                p = self.persons[k]
                if not p.mentions:
                    # context of first mention decides an unnamed "corruption" charge
                    ctx = text[prev_span[0]:s_end] if prev_span else text[s_start:s_end]
                    self.context_other[k] = bool(_CORRUPT.search(ctx))
                p.mentions.append(nm.start)
                title = title_after(text, nm.end)
                if title is None:
                    title = title_before(text, nm.start)
                    inside = [o for o, _ in mentions if title and
                              nm.start - len(title) - 2 <= o.start and o.end < nm.start]
                    first = title_before(text, inside[0].start) if inside else None
                    if first and is_plural_office(first) and _COORDINATED.fullmatch(
                            text[inside[-1].end:nm.start]):
                        title = singular_office(first)  # "activists A and B": each holds it
                    elif inside:
                        title = None  # "judge X found Y guilty": the office is X's, not Y's
                    elif title and is_plural_office(title) and any(
                            o.start > nm.end and _COORDINATED.fullmatch(text[nm.end:o.start])
                            for o, _ in mentions):
                        title = singular_office(title)
                        shared = (nm.end, title)
                    elif title is None and shared and _coordinated(text[shared[0]:nm.start]):
                        title = shared[1]
                    elif title is None:
                        # "Two former managers of the holding, A and B, were ...": each
                        title = group_office_before(text, nm.start)
                        if title is not None:
                            shared = (nm.end, title)
                    if shared and shared[1] == title:
                        shared = (nm.end, title)
                rank = rank_before(text, nm.start)
                if rank and (title is None or title.lower() == rank[1].lower()):
                    # "the former head of the region's police, General X": the office is the
                    # appositive before the rank
                    title = title_before(text, rank[0]) or title
                headed = headed_after(text, nm.end)
                if headed and (title is None or BARE_RANK.fullmatch(title)):
                    title = headed
                if title and self._relational(title):
                    title = None  # "deputy of Massimov", "one of the employees": no office named
                if title is None or _BARE_DEPUTY.fullmatch(title):
                    title = self._deputy_title(nm, k) or title
                    if title is None and derived and _COORDINATED.fullmatch(
                            text[derived[0]:nm.start]):
                        title = derived[1]
                    derived = (nm.end, title) if title else None
                home = _HOME_PLACE.match(text, nm.end, min(len(text), nm.end + 120)) or \
                    _RESIDENT_BEFORE.search(text, max(0, nm.start - 60), nm.start)
                if home and p.home_region is None:
                    p.home_region = region_of(home.group("place") or
                                              home.groupdict().get("place2"))
                if title:
                    p.titles.append((nm.start, squash(title)))
                if p.position is None and title:
                    p.position = squash(title)
            sentence_group: list[str] = []
            self.prev_verdict, self.cur_verdict = self.cur_verdict, None
            # a sentence that names no one, read while nobody is carried (_nobody): its clauses
            # have no event and change nothing but what _UNPEOPLED_WORDS open (see _clause), and
            # an appointment has no subject (_subject_before finds no one)
            nobody = self._nobody(mentions)
            if not nobody or self._may_note(s_start, s_end):
                for c_start, c_end in _clauses(text, s_start, s_end, self._lists(mentions)):
                    self._clause(c_start, c_end, s_start, s_end, mentions, sentence_group)
            self._scene_detentions(s_start, s_end)
            if not nobody:
                self._appointments(s_start, s_end, mentions)
            self.focus = self._topic(s_start, s_end, mentions) or self.focus
            if sentence_group:
                self.last_group = list(dict.fromkeys(sentence_group))
                for k in self.last_group:
                    if k in self.recent:
                        self.recent.remove(k)
                    self.recent.append(k)
            prev_span = (s_start, s_end)
            self.prev_had_events = bool(sentence_group)
        return self._records()

    def _scene_detentions(self, s_start: int, s_end: int) -> None:
        """'Dozens of people were detained on Sunday in Almaty': the day detentions happened,
        for the people the report goes on to name without a date of their own."""
        verb = _DETENTION_WORD.search(self.text, s_start, s_end)
        if not verb or not _CROWD.search(self.text, s_start, s_end) or \
                _NEGATION.search(self.text[max(s_start, verb.start() - 40):verb.start()]):
            return
        sentence = self.text[s_start:s_end]
        days = [d for d in find_dates(sentence, dateline=self.dateline)
                if d.iso and len(d.iso) == 10  # not the day a statement was made
                and not _STATED_ON.search(sentence, max(0, d.start - 30), d.start)]
        if len(days) == 1:
            self.scene_detained = days[0].iso

    def _lists(self, mentions) -> list[tuple[int, int]]:
        """Spans of the lists of people a sentence names ("A, head of X; B; and blogger C")."""
        out: list[tuple[int, int]] = []
        run_start = prev_end = None
        for nm, _ in mentions:
            if prev_end is not None and _coordinated(self.text[prev_end:nm.start]):
                if out and out[-1][0] == run_start:
                    out[-1] = (run_start, nm.end)
                else:
                    out.append((run_start, nm.end))
            else:
                run_start = nm.start
            prev_end = nm.end
        return out

    def _headline_names(self, s_start: int, s_end: int) -> None:
        """A headline names people in full before the body shortens them to a surname
        ("Ex-Minister Kuandyk Bishimbayev Jailed" / "Bishimbayev was sentenced"). Title Case
        glues verbs to names, so only a given name + surname-shaped token is kept."""
        for run in CAPS_RUN.finditer(self.text, s_start, s_end):
            toks = list(_NON_SPACE.finditer(run.group(0)))
            for given, surname in itertools.pairwise(toks):
                words = (given.group(0).lower(), surname.group(0).lower())
                if not SURNAME_SHAPE.search(words[1]) or any(
                        w in NOT_NAME or is_title_word_exact(w) or w.startswith("ex-") or "." in w
                        for w in words):
                    continue
                start, end = run.start() + given.start(), run.start() + surname.end()
                self._person_for(NameMention(start, end, self.text[start:end],
                                             [given.group(0), surname.group(0)], False))

    def _topic(self, s_start: int, s_end: int, mentions) -> str | None:
        """Whom a following he/she refers to: the sentence's subject, else its first name.

        A sentence whose subject is itself a pronoun keeps the current topic."""
        text = self.text
        # its first name that is no possessive and no preposition's object (the only one used)
        subject = next(((nm, k) for nm, k in mentions if not nm.possessive and not
                        _PREPOSITION_BEFORE.search(text[max(s_start, nm.start - 40):nm.start])),
                       None)
        # (without a subject or a topic, a pronoun decides nothing: not looked for)
        first_pron = _PRONOUN_SUBJECT.search(text, s_start, s_end) \
            if subject or self.focus else None
        if subject and (first_pron is None or subject[0].start < first_pron.start()):
            return subject[1]
        if first_pron is not None and self.focus:
            return self.focus
        named = [k for nm, k in mentions if not nm.possessive]
        if not named and mentions and not self.text[s_start:mentions[0][0].start].strip():
            return mentions[0][1]  # "Zhumabekov's turn came in May 2023."
        return named[0] if named else None

    def _described(self, start: int, end: int, at_start: bool = False) -> str | None:
        """'the former minister': the one person facing a case who held that office."""
        if not self.cases:
            return None  # no one faces a case: the one below is always among none
        found = list(_THE_TITLE.finditer(self.text[start:end]))
        if at_start:
            found = found[:1] if found and found[0].start() == len(
                self.text[start:end]) - len(self.text[start:end].lstrip()) else []
        for m in reversed(found):
            head = m.group("t")
            if not is_title_word(head) or head in ("member", "head", "chief", "deputy"):
                continue  # "the head of X" needs its X; a bare word names no office
            who = [k for k, p in self.persons.items() if self.cases.get(k) and any(
                # "vice-minister" / "deputy minister" is not "the minister"
                re.search(rf"(?<![\w-])(?<!deputy )(?<!vice ){re.escape(head)}\b", t or "",
                          re.IGNORECASE)
                for t in [p.position, p.appointed] + [t for _, t in p.titles])]
            return who[0] if len(who) == 1 else None
        return None

    def _appointments(self, s_start: int, s_end: int, mentions) -> None:
        """'she was appointed as the deputy akim of Atyrau region': an office when no title is
        written beside the name."""
        for m in APPOINTED.finditer(self.text, s_start, s_end):
            who = self._subject_before(s_start, m.start(), mentions)
            title = m.group("t").strip()
            if who and looks_like_title(title) and not self._relational(title):
                for k in who:
                    self.persons[k].appointed = self.persons[k].appointed or squash(title)
        for m in IN_CHARGE.finditer(self.text, s_start, s_end):
            for k in self._subject_before(s_start, m.start(), mentions):
                self.persons[k].appointed = self.persons[k].appointed or \
                    f"head of {squash(m.group('org'))}"

    def _reduce(self, c_start: int, m: re.Match, mentions, events: list[Event]) -> None:
        """'reduced his term to seven years', 'X's sentence was cut to five years' on appeal:
        sentence_months is the final term."""
        term = _DURATION.match(self.text, c_start + m.end() + 1)
        months = _months(term) if term else None
        if not months:
            return
        at = c_start + (m.start("noun") if m.group("noun") else m.start())
        owners = [k for nm, k in mentions if nm.possessive and 0 <= at - nm.end <= 4]
        if not owners and m.group("pron"):
            owners = [k for e in events for k in e.persons] or \
                [k for k in [self._antecedent(at)] if k]
        for k in dict.fromkeys(owners):
            if self.cases.get(k):
                self.cases[k][self.current[k]].sentence_months = months

    def _nobody(self, mentions) -> bool:
        """Whether no event of a clause can name anyone: the sentence names no one and nobody
        is carried into it (no topic, no one facing a case). Every person an event of _events
        holds is a mention of the sentence (a subject, an object, an appositive, a list, the
        name before a reduced clause or a headline verb), the topic (a pronoun's antecedent,
        "Released in 2006.", "the defendant"), someone already facing a case (the deed of one,
        "the former minister", "all three men", "they": _described, _group_members, which
        need self.recent) or a member of one of these: with none of them, _events returns [].
        (_events and what it calls change nothing: not running it changes nothing else.)"""
        return not mentions and self.focus is None and not self.cases and not self.recent

    def _topic_only(self, mentions, clause: str) -> bool:
        """Whether no event of a clause can name anyone though the topic is carried: the
        sentence names no one and no one faces a case (as in _nobody), and the clause has
        nothing that stands for the topic (_TOPIC_CUE, _REDUCED). With no mention and no case
        the topic is the only person an event of _events can hold (_nobody), and only through
        these: a "he"/"she" before the verb or a "him"/"her"/"his" right after it (_antecedent
        answers the topic or no one), "the defendant" before it (_THE_DEFENDANT), or a reduced
        clause at the start ("Released in 2006.", _REDUCED); _events then returns []."""
        return not mentions and not self.cases and not self.recent and \
            _TOPIC_CUE.search(clause) is None and _REDUCED.search(clause) is None

    def _may_note(self, s_start: int, s_end: int) -> bool:
        """Whether a clause of the sentence may note a verdict's date, an unnamed lede's
        defendant or the charges of all the defendants: not when the sentence has none of
        the words their patterns need (_UNPEOPLED_WORDS; exact where the text's lower case is
        trusted, as Prefiltered reasons: a clause's lower case is then a part of it)."""
        low = lowered(self.text)
        return low is None or _UNPEOPLED_WORDS is None or \
            has_literal(_UNPEOPLED_WORDS, low, s_start, s_end)

    def _clause(self, c_start, c_end, s_start, s_end, mentions, sentence_group) -> None:
        clause = self.text[c_start:c_end]
        # a clause no event of which can name anyone has none from _events (_nobody,
        # _topic_only). Under _nobody it gets none below either: each event added below names
        # someone of the sentence group, the last group, the topic or self.recent (a group is
        # made of people facing a case); its punishment is then only an unnamed lede's, read
        # there; an appeal's new term (_reduce) goes to a case, of which there is none. A
        # verdict's date, a lede's defendant and the charges of all the defendants are still
        # read.
        nobody = self._nobody(mentions)
        events = [] if nobody or self._topic_only(mentions, clause) else \
            self._events(c_start, c_end, mentions, clause)
        punishment = None if nobody else punishment_in(clause)
        reduced = None if nobody else _REDUCED_TERM.search(clause)
        if reduced:
            # the appeal's term replaces the first one: it is no second case
            self._reduce(c_start, reduced, mentions, events)
            punishment = punishment_in(clause[:reduced.start()])
        # ellipsis: "..., and Abdusattarov to 5 years."
        if not events and sentence_group:
            m = _ELLIPSIS_NAME.match(clause)
            if m:
                keys = [k for nm, k in mentions if nm.start == c_start + m.start("n")]
                if keys:
                    events.append(Event(keys, "convicted", c_start + m.start(),
                                        c_start + m.end(), verdict_verb=True))
                    punishment = punishment_in("sentenced " + clause)
        announced = _VERDICT_ANNOUNCED.search(clause) if not events and \
            self.doc_verdict is None else None
        if announced and not any(
                c_start + announced.end() <= nm.start < c_end for nm, _ in mentions):
            # "On 14 March 2024 the court announced the verdict against three defendants": the
            # date of the verdicts the release goes on to name
            day = [d.iso for d in find_dates(clause, dateline=self.dateline)
                   if d.iso and len(d.iso) == 10]
            if day and self.doc_verdict is None:
                self.doc_verdict, self.doc_verdict_at = day[-1], c_start
        # (each pattern below is searched only where what its branch also needs holds)
        trial = _TRIAL_BEGAN.search(clause) if not events and (
            sentence_group or self.last_group or self.focus) else None
        if trial and \
                not _NEGATION.search(clause[:trial.start("verb")][-30:]):
            # "hearings in the case began on 24 April": the trial of the person just spoken of
            # "X was charged ...; her trial was still ongoing": this sentence's person first
            events.append(Event(list(dict.fromkeys(sentence_group)) or list(self.last_group)
                                or [self.focus], "on_trial",
                                c_start + trial.start(), c_start + trial.end()))
        opened = _CASE_OPENED.search(clause) if not events and self.focus and \
            self.cases.get(self.focus) else None
        if opened and \
                any(charges_in(clause)[:2]) and not any(
                    c_start <= nm.start < c_end and not _PREPOSITION_BEFORE.search(
                        self.text[max(c_start, nm.start - 40):nm.start]) for nm, _ in mentions):
            # "The agency had also opened a money laundering case": a further charge of the
            # person the paragraph speaks of
            events.append(Event([self.focus], None, c_start + opened.start(),
                                c_start + opened.end()))
        unnamed = not any(c_start <= nm.start < c_end for nm, _ in mentions)
        told = list(self.last_group) or ([self.focus] if self.cases.get(self.focus) else [])
        if not events and punishment and unnamed and _COURT_IMPOSED.search(clause):
            # a press release's next paragraph: the convict it last spoke of, not yet sentenced
            last = self.recent[-1:] if self.recent and all(
                c.status == "convicted" and c.sentence_type is None
                for c in self.cases.get(self.recent[-1], [])[-1:]) else []
            who = told or last
            if who:
                events.append(Event(who, "convicted", c_start, c_start, verdict_verb=True))
        if not events and told and find_amounts(clause) and (
                _AMOUNT_SUBJECT.match(clause) or (unnamed and _FUNDS_TAKEN.match(clause))):
            events.append(Event(told, None, c_start, c_start))
        if not events and self.last_group and _INVESTIGATORS_SAY.match(self.text, s_start) and \
                find_amounts(clause) and amount_kind(clause) and not any(
                    c_start <= nm.start < c_end for nm, _ in mentions):
            # "According to investigators, ... causing damage of 240 million tenge": the money
            # of the case the paragraph has just opened
            events.append(Event(list(self.last_group), None, c_start, c_start))
        ledes = list(_UNNAMED_DEFENDANT.finditer(clause)) if not events and not self.cases \
            and not any(c_start <= nm.start < c_end for nm, _ in mentions) else []
        if len(ledes) == 1 and not _OTHERS.search(clause):
            # "A court has sentenced a former police officer to 10 years for extorting a
            # $350,000 bribe": the lede's defendant is the first person the report names
            lede = ledes[0]
            if nobody:  # the punishment the clause names, as read above for others
                reduced = _REDUCED_TERM.search(clause)
                punishment = punishment_in(clause if reduced is None else
                                           clause[:reduced.start()])
            found, other, vague = charges_in(clause)
            self.pending_lede = (_stage(lede.group("verb")), punishment, found,
                                 (other, vague), find_amounts(clause), clause)
        if _ALL_DEFENDANTS.search(clause) and not any(
                c_start <= nm.start < c_end for nm, _ in mentions):
            # "All seventeen defendants are charged with ...": every defendant the text names
            found, other, _ = charges_in(clause)
            self.defendants_charges += [c for c in found + (["other"] if other else [])
                                        if c not in self.defendants_charges]
        if not events:
            return
        subject_starts = [nm.start for nm, k in mentions if c_start <= nm.start < c_end
                          and any(k in e.persons for e in events)]
        first_trigger = min(e.trigger_start for e in events)
        fact_start = min(subject_starts) if subject_starts and min(subject_starts) < first_trigger \
            else c_start
        charges, other, vague = charges_in(self.text[fact_start:c_end])
        if not charges and _SAME_CHARGE.search(clause):
            # "..., while Y has been held since August on the same charge": the charge the
            # sentence named for the others
            charges, other, vague = charges_in(self.text[s_start:c_end])
        amounts = find_amounts(clause)
        persons_in_clause = list(dict.fromkeys(k for e in events for k in e.persons))
        months_list = punishment.months if punishment else []
        # "A, B and C were sentenced to nine, seven and four years (respectively)": in order
        paired = dict(pair_in_order(persons_in_clause, months_list) or [])
        for event in events:
            for k in event.persons:
                p_months = [paired[k]] if k in paired else months_list
                p_pun = Punishment(punishment.sentence_type, p_months,
                                   punishment.in_absentia) if punishment else None
                if p_pun and event.status != "convicted" and not event.verdict_verb and \
                        not any(e.verdict_verb for e in events if k in e.persons):
                    p_pun = None  # a sentence in the clause belongs to someone else's verdict
                case = self._case_for(k, clause, p_pun)
                self._merge(case, event, p_pun, charges, (other, vague), amounts, clause,
                            c_start, c_end, s_start, s_end,
                            [e.trigger_end for e in events if e is not event])
                sentence_group.append(k)

    def _merge(self, case: Case, event: Event, pun: Punishment | None, charges, other,
               amounts, clause, c_start, c_end, s_start, s_end, event_ends) -> None:
        if self.pending_lede and event.status == self.pending_lede[0] and not case.events:
            _, lede_pun, lede_charges, lede_other, lede_amounts, lede_clause = self.pending_lede
            self.pending_lede = None
            pun = pun or lede_pun
            charges = list(dict.fromkeys(charges + lede_charges))
            other = (other[0] or lede_other[0], other[1] or lede_other[1])
            if not amounts:
                amounts, clause = lede_amounts, lede_clause
        rank = STATUS_RANK.get(event.status or "", 0)
        if event.status:
            case.statuses.add(event.status)
        # "X was released from the police station, but on 13 March a court fined her": a verdict
        # written after such a release in the same sentence is the later stage
        told_later = case.status == "released" and case.released_at is not None and \
            s_start <= case.released_at < event.trigger_start
        after_release = case.status in ("released", "paroled", "pardoned") and \
            event.status in ("convicted", "acquitted") and not told_later
        # "pardoned him ..., and he was released the next day": the release the pardon ordered
        after_release = after_release or (event.status == "released" and
                                          case.status in ("paroled", "pardoned"))
        if event.status and (rank >= STATUS_RANK.get(case.status or "", 0) or told_later) and \
                not after_release:
            case.status = event.status
            if event.status == "released" and _RELEASED_FROM_POLICE.match(
                    self.text[event.trigger_start:event.trigger_start + 60]):
                case.released_at = event.trigger_start  # freed after an arrest, before any court
        for c in charges + (["murder"] if event.killing else []):
            if c not in case.charges:
                case.charges.append(c)
        case.other_charge = case.other_charge or other[0]
        case.vague_charge = case.vague_charge or other[1]
        if pun:
            if pun.months and case.sentence_months is None:
                case.sentence_months = pun.months[0]
            if pun.sentence_type and (case.sentence_type in (None, "prison") or
                                      pun.sentence_type in ("deferred", "suspended", "life")):
                case.sentence_type = pun.sentence_type
            if pun.sentence_type == "life":
                case.sentence_months = None
            case.in_absentia = case.in_absentia or pun.in_absentia
        if _IN_ABSENTIA.search(clause) and (
                event.status in ("convicted", "acquitted") or event.verdict_verb):
            case.in_absentia = True  # "charged in absentia" is no sentence in absentia
        # a fine is the punishment (sentence_type "fine"), not money at stake: the contract's
        # amount kinds are bribe, damage, embezzled, restitution, assets recovered
        amounts = [a for a in amounts
                   if not _FINE_BEFORE.search(clause[max(0, a.start - 30):a.start])]
        for a in amounts:
            taken = False  # a later amount (a civil claim) does not name the kept one's kind
            if a.currency == "KZT" and case.amount_kzt is None:
                case.amount_kzt, taken = a.value, True
            if a.currency == "USD" and case.amount_usd is None:
                case.amount_usd, taken = a.value, True
            if case.amount_kind is None and taken:
                case.amount_kind = amount_kind(clause, a.start)
        floor = max([e for e in event_ends if e <= event.trigger_start], default=c_start)
        when = self._date(c_start, c_end, event.trigger_start, event.trigger_end, floor)
        if when is None and (event.detain_verb or event.verdict_verb) and \
                not find_dates(self.text[s_start:s_end]) and \
                not _SEQUENCE_WORD.search(self.text[s_start:s_end]):
            when = self._year_of_previous_sentence()
        sentence = self.text[s_start:s_end]
        dated = _VERDICT_DATED.search(clause)
        if dated and event.verdict_verb and not event.detain_verb:
            # "... sentenced to 7 years (verdict of 17 October 2024)": the verdict dates itself
            when = next((d.iso for d in find_dates(dated.group("d"), dateline=self.dateline)
                         if d.iso), when)
        if when is None and (event.detain_verb or event.verdict_verb) and not find_dates(sentence):
            if _SAME_DAY.search(clause):
                # "Y was detained the same day", "in the same verdict Y was given ...": the date
                # of the event just told
                when = self.dates["verdict" if _VERDICT_WORD.search(_SAME_DAY.search(
                    clause).group(0)) else "any"]
            elif event.verdict_verb and len(self.prev_verdict or "") == 10 and \
                    not _OTHER_TIME_WORD.search(sentence):
                # "On 22 May the court sentenced X to ten years. Y received six years.": one verdict
                when = self.prev_verdict
            elif event.detain_verb and self.scene_detained and not _LATER.search(sentence):
                # "Dozens were detained on Sunday ... Among those detained was X": the day of the
                # detentions the report is about
                when = self.scene_detained
        if when:
            if event.detain_verb and case.detained_on is None:
                case.detained_on = when
            elif event.verdict_verb and case.verdict_on is None:
                case.verdict_on = when
            self.dates["any"] = when
            if event.verdict_verb and not event.detain_verb:
                self.dates["verdict"] = self.cur_verdict = when
        courts = list(_COURT_PLACE.finditer(clause)) + list(_COURT_OF.finditer(clause))
        for court in courts:  # "Criminal Court of Karaganda region": the first place named
            if case.court_region is None:
                case.court_region = region_of(court.group("a") or court.groupdict().get("b"))
        lead = _LEAD_PLACE.match(self.text, s_start, s_end)
        if lead and case.region_hint is None:
            case.region_hint = region_of(lead.group("place"))
        case.events.append((s_start, s_end))
        weight = rank + (3 if pun else 0) + (2 if charges else 0) + (1 if amounts else 0)
        if weight > case.key_rank:
            case.key_rank, case.key_span = weight, (s_start, s_end)

    # --- output
    def _records(self) -> list[CaseMention]:
        out = []
        for key in self.order:
            p = self.persons[key]
            cases = self.cases.get(key, [])
            if not cases or (p.victim and not any(c.status in ("convicted", "charged")
                                                  for c in cases)):
                continue
            name = p.name
            for number, case in enumerate(cases, start=1):
                if not case.events:
                    continue
                in_case = [t for pos, t in p.titles if any(s <= pos < e for s, e in case.events)]
                position = in_case[0] if in_case else (p.position or p.appointed)
                if case.verdict_on is None and self.doc_verdict and case.sentence_type and \
                        case.status in ("convicted", "acquitted") and \
                        case.events[0][0] > self.doc_verdict_at:
                    case.verdict_on = self.doc_verdict
                if case.sentence_type is None and case.status == "paroled":
                    case.sentence_type = "prison"  # parole is early release from prison
                if case.sentence_type is None and case.status == "acquitted":
                    case.sentence_type = "none"  # the contract's type for an acquittal
                charges = list(case.charges)
                if not charges and not case.other_charge and case.status in (
                        "charged", "on_trial", "convicted", "acquitted"):
                    charges = list(self.defendants_charges)
                if case.other_charge or (not charges and (
                        case.vague_charge or self.context_other.get(key))):
                    charges.append("other")
                if case.status is None and not charges and case.sentence_type is None:
                    continue
                if case.statuses <= {"released"} and not _CUSTODY_WORD.search(
                        " ".join(self.text[s:e] for s, e in case.events)):
                    continue  # "X was released" alone: a hostage, a film, a report
                start, end = self._evidence_span(case)
                out.append(CaseMention(
                    source_name=self.doc.source_name, **self.doc.cite(start, end),
                    person_name=name, case_no=number, position=position,
                    region=region_of(position) or self.places.akimat(position) or
                    case.region_hint or self.places.referred(position, self._first_mention(
                        p, case)) or
                    p.home_region or (
                        case.court_region if not _OFFICE_OF.search(position or "") or
                        _UNNAMED_LOCAL.search(position or "") else None) or
                    self.places.scene(position, self._scene_spans(case)),
                    charges=charges,
                    amount_kzt=case.amount_kzt, amount_usd=case.amount_usd,
                    amount_kind=(case.amount_kind or _kind_of_charges(charges))
                    if (case.amount_kzt or case.amount_usd) else None,
                    detained_on=case.detained_on, verdict_on=case.verdict_on,
                    sentence_type=case.sentence_type, sentence_months=case.sentence_months,
                    in_absentia=case.in_absentia, status=case.status))
        return out

    def _first_mention(self, person: Person, case: Case) -> int:
        start, end = case.events[0] if case.events else (0, 0)
        return next((m for m in person.mentions if start <= m < end), start)

    def _scene_spans(self, case: Case) -> list[tuple[int, int]]:
        """The case's sentences, then the part of its paragraph before it ("In Uralsk, ...")."""
        spans = list(case.events)
        if case.events:
            s = case.events[0][0]
            spans.append((max(self.text.rfind("\n\n", 0, s) + 1, s - 250), s))
        return spans

    def _evidence_span(self, case: Case) -> tuple[int, int]:
        """The key sentence, widened with a neighbouring event sentence while under 600 chars."""
        start, end = case.key_span or case.events[0]
        for s, e in case.events:
            if e <= start and start - e < 3 and end - s <= 600 and \
                    "\n\n" not in self.text[e:start]:
                start = s
            elif s >= end and s - end < 3 and e - start <= 600 and \
                    "\n\n" not in self.text[end:s]:
                end = e
        if end - start > 600:
            end = start + 600
        return start, end


# the hyphen first, the letter before it looked back at: the engine then skips from hyphen to
# hyphen (a pattern that opens with a lookbehind is tried at every character)
_LINE_HYPHEN = re.compile(r"-(?<=[a-z]-)[ \t]*\n[ \t]*(?P<rest>[a-z]+[.,;:!?\"”’)]*)")
# "... for land sales.33 Yerbol ...": a footnote number glued to the end of a sentence
# the mark's digits (group 1) with the stop before them: a pattern that opens with a class
# is searched for it at C speed, where one that opens with a lookbehind is tried everywhere
_FOOTNOTE_MARK = re.compile(r"[.;,:](?<=[a-z\"”’)][.;,:])(?<!\bNo\.)(?<!\bp\.)(\d{1,3})(?=\s|$)")


# a short line without final punctuation between paragraphs: a section heading ("Trial")
# (group 1; the newline before it is matched, not looked behind for: the engine then skips
# from newline to newline instead of trying every character)
_HEADING_LINE = re.compile(r"\n([A-Z][^\n.!?;:,\"“”]{0,40}(?<![.!?;:,]))(?=\n)")


def _unwrap_pdf(text: str) -> str:
    """Text extracted from a PDF with words broken at line ends ("sen-\ntenced") joined and
    footnote numbers blanked. Every replacement keeps the length, so offsets stay valid."""
    text = _FOOTNOTE_MARK.sub(lambda m: m.group(0)[0] + " " * len(m.group(1)), text)
    return _LINE_HYPHEN.sub(lambda m: m.group("rest") + " " * (len(m.group(0)) - len(
        m.group("rest"))), text)


def _kind_of_charges(charges: list[str]) -> str | None:
    """'demanded and received money in the amount of ...' names no kind: a bribery or
    embezzlement case's money is the bribe or the embezzled sum."""
    if any(c.startswith("brib") for c in charges):
        return "bribe"
    return "embezzled" if "embezzlement" in charges else None


def extract(doc: Document) -> list[CaseMention]:
    """Case mentions of one document (pure: no I/O)."""
    return _Extractor(doc).run()


# The patterns run over every clause, with a first-character guard: the same matches, found
# without trying each alternative at every position (kzwatch.text.patterns.guarded).
_DEED, _DURATION, _CLAUSE_SPLIT, _PASSIVE, _REDUCED_TERM, _UNNAMED_DEFENDANT, _INCLUDING = (
    guarded(p) for p in (_DEED, _DURATION, _CLAUSE_SPLIT, _PASSIVE, _REDUCED_TERM,
                         _UNNAMED_DEFENDANT, _INCLUDING))
# and these, whose words most clauses lack: a literal prefilter skips them (guarded)
(_CASE_OPENED, _ALL_DEFENDANTS, _VERDICT_ANNOUNCED, _VERDICT_ON, _DETENTION_WORD, _TRIAL_BEGAN,
 _REDUCED, _ELLIPSIS, _COURT_IMPOSED, _OTHERS, _RESIDENT_BEFORE, _CONCRETE_OTHER) = (
    guarded(p) for p in (_CASE_OPENED, _ALL_DEFENDANTS, _VERDICT_ANNOUNCED, _VERDICT_ON,
                         _DETENTION_WORD, _TRIAL_BEGAN, _REDUCED, _ELLIPSIS, _COURT_IMPOSED,
                         _OTHERS, _RESIDENT_BEFORE, _CONCRETE_OTHER))
_SUBJECT_VERBS = [(guarded(p), status) for p, status in _SUBJECT_VERBS]
_OBJECT_VERBS = [(guarded(p), status) for p, status in _OBJECT_VERBS]
# each clause is tried with all of them: their words are looked up in one go (may_match).
# The payload holds the status and the pattern's other word sets (each also needed by every
# match): most clauses that have a pattern's first words lack one of these, and the pattern
# is then not run (patterns.required_word_sets)


def _plan(verbs) -> tuple:
    return literal_plan((p, (status, tuple(w for w in required_word_sets(p)
                                           if not isinstance(p, Prefiltered)
                                           or set(w) != set(p.literals))))
                        for p, status in verbs)


def _lacks(sets: tuple[tuple[str, ...], ...], low: str) -> bool:
    """One of the sets has none of its words in `low`."""
    for words in sets:
        for word in words:
            if word in low:
                break
        else:
            return True
    return False


_SUBJECT_PLAN = _plan(_SUBJECT_VERBS)
_OBJECT_PLAN = _plan(_OBJECT_VERBS)

# The two plans' words as one trie: a clause's entries are found from the few plan words it
# has (one search per place where one begins) instead of asking each entry's words in turn
# (may_match asks some hundred words of every clause that may tell an event)
_PLAN_WORDS = sorted({w for plan in (_SUBJECT_PLAN, _OBJECT_PLAN) for _, words, _ in plan
                      for w in words or ()})
_PLAN_WORD = word_trie(_PLAN_WORDS)
# the trie finds the longest word beginning at a place: the plan words it begins with are there
_WORDS_BEGUN = {w: tuple(v for v in _PLAN_WORDS if w.startswith(v)) for w in _PLAN_WORDS}


def _plan_index(plan: tuple) -> tuple[frozenset[int], dict[str, tuple[int, ...]]]:
    """The entries without words (always candidates), and for each word the entries it is
    one of the words of."""
    by_word: dict[str, list[int]] = {}
    for i, (_, words, _) in enumerate(plan):
        for w in words or ():
            by_word.setdefault(w, []).append(i)
    return (frozenset(i for i, (_, words, _) in enumerate(plan) if words is None),
            {w: tuple(ix) for w, ix in by_word.items()})


_SUBJECT_INDEX = _plan_index(_SUBJECT_PLAN)
_OBJECT_INDEX = _plan_index(_OBJECT_PLAN)


def _plan_words(low: str) -> set[str]:
    """The plan words that occur in `low` (a clause's lower case)."""
    found: set[str] = set()
    pos = 0
    while (m := _PLAN_WORD.search(low, pos)) is not None:
        found.update(_WORDS_BEGUN[m.group()])
        pos = m.start() + 1
    return found


def _plan_candidates(plan: tuple, index: tuple, clause: str, low: str | None,
                     words: set[str] | None) -> list:
    """may_match(plan, clause): the (regex, payload) of the entries, in plan order, that have
    no words or one of whose words the clause has (`words`: _plan_words of its lower case
    `low`, which may_match itself asks for)."""
    if low is None or words is None:
        return may_match(plan, clause)
    always, by_word = index
    picked = set(always)
    for w in words:
        picked.update(by_word.get(w, ()))
    return [(plan[i][0], plan[i][2]) for i in sorted(picked)]


def _needed_words(patterns) -> tuple[str, ...] | None:
    """Lower-case words one of which every match of every pattern contains (None when some
    pattern needs none): the words `Prefiltered` checks, pooled, shortest kept (a word that
    contains another needs no check of its own), the short ones, found most often, first."""
    pooled: set[str] = set()
    for p in patterns:
        words = p.literals if isinstance(p, Prefiltered) else required_literals(p)
        if words is None:
            return None
        pooled.update(words)
    return tuple(sorted((w for w in pooled if not any(v != w and v in w for v in pooled)),
                        key=lambda w: (len(w), w)))


# every pattern _events tries on a clause (what officials say aside: _officials_say)
_EVENT_WORDS = _needed_words([
    _PASSIVE, _REDUCED, _APPOSITIVE_EVENT, _HEADLINE_EVENT, _INCLUDING, _BRIBE_GIVEN_BY,
    _VERDICT_ON, _DEED, _ELLIPSIS, *(p for p, _ in _SUBJECT_VERBS + _OBJECT_VERBS)])


# what stands for the topic in a clause that names no one (_Extractor._topic_only): a word
# opening with he/she/him/his (_PRONOUN_SUBJECT in the part of the clause before a verb, which
# starts at the clause's start, after a word that \b ends, or after a space; _PRONOUN_OBJECT
# at a verb's end, after spaces or not: so also him/her/his after a letter), or the words
# of _THE_DEFENDANT. (IGNORECASE, as those patterns: the same letters match.)
_TOPIC_CUE = re.compile(r"\b(?:s?he|hi[ms])|(?<=\w)(?:him|her|his)|defendant|accused|suspect|"
                        r"convict", re.IGNORECASE)

# what a clause read while nobody can be named may still note (_Extractor._clause): one of
# these words is in every match of the patterns that open it
_UNPEOPLED_WORDS = _needed_words([_VERDICT_ANNOUNCED, _UNNAMED_DEFENDANT, _ALL_DEFENDANTS])

# the ~90 words as one trie pattern: one search of the lower-cased clause instead of a
# `word in low` for each (half the clauses have none, and each of those asked them all)
_EVENT_WORD = word_trie(_EVENT_WORDS) if _EVENT_WORDS is not None else None


def _may_tell_event(clause: str) -> bool:
    """Whether an event pattern may match in the clause: not when it has none of
    _EVENT_WORDS, one of which every match of every one of them contains (exact, as
    Prefiltered reasons; a text whose lower case cannot be trusted is tried)."""
    low = lowered(clause)
    if low is None or _EVENT_WORD is None:
        return True
    return _EVENT_WORD.search(low) is not None


# Patterns of the functions above, compiled once at import rather than at their first use in
# each extraction process (the fork server's warm-up sentence reaches few of them); each is the
# pattern and flags the call wrote inline.
# (punishment_in)
_FACES = re.compile(r"\b(?:faces?|facing|could\s+face|risks?|punishable\s+by|up\s+to)\b")
_SENTENCED_OR_RECEIVED = re.compile(r"\bsentenced\b|\breceived\b")
_REQUESTED_TERM = re.compile(r"\b(?:asked|requested|demanded|sought|seeks|seeking|asks)\s+"
                             r"(?:\w+\s+){0,4}?(?:sentence|term|years?)\b")
_TERM_ANCHOR = re.compile(r"sentenced|sentence|imprisoned|jailed|term|penalty|punishment|"
                          r"(?:received|given|handed)\s+"
                          r"(?:an?\s+)?[\w.-]+[\s-]+(?:years?|months?)\b")
_DEFERRED_FOR = re.compile(r"\bdefer\w*\s+(?:\w+\s+)?sentence\s+for")
_IN_ABSENTIA_LOW = re.compile(r"\bin\s+absentia\b")
# (the extractor's methods)
_AND_BEFORE = re.compile(r"\band\s+$")
_PRONOUN_AT = re.compile(r"\s*(?P<p>he|him|his|she|her)\b", re.IGNORECASE)
_UNDER_HOUSE = re.compile(r"under\s+house", re.IGNORECASE)
_PAROLE_WORD = re.compile(r"\bparole|probation\s+control", re.IGNORECASE)
_PAROLE_AFTER = re.compile(r"\bparole")
_BLANK_LINE = re.compile(r"\n\s*\n")
_NON_SPACE = re.compile(r"\S+")
_THE_TITLE = re.compile(
    r"\bthe\s+(?:former\s+|ex-|then-|disgraced\s+|jailed\s+|ousted\s+)*(?P<t>[a-z-]+)\b")
_VERDICT_WORD = re.compile(r"verdict|judg", re.IGNORECASE)
_NOT_NEVER_NO = re.compile(r"\b(?:not|never|no)\b", re.IGNORECASE)
_OTHERS_CASE = re.compile(r"\b(?:an?|the)\s+(?:defendant|suspect|accused|client|businessman)"
                          r"\s+in\s+(?:an?|the)\s+[\w-]+(?:\s+[\w-]+)?\s+case\b", re.IGNORECASE)
_BRIBE_TAKEN = re.compile(r"(?:receiv|tak|took|accept)\w*\s+(?:an?\s+)?bribe", re.IGNORECASE)
_TAKING_WORD = re.compile(r"receiv|tak|took|accept|bribery|kickback", re.IGNORECASE)
_BRIBE_GIVING = re.compile(r"(?:giving|gave|give|offer\w*|paying|paid)\s+"
                           r"(?:an?\s+|the\s+)?bribes?|bribe\s+(?:was|were)\s+\w+", re.IGNORECASE)
_NOT_TERM_BEFORE = re.compile(
    r"\b(?:served|serving|after|for the period of|ago|over|within|for)\s+"
    r"(?:\w+\s+)?$|\b(?:served|serving)\s+(?:less|more|fewer)\s+than\s+$")
_TERM_FOR_BEFORE = re.compile(
    r"(?:imprisoned|jailed|sentenced|sent\s+to)\s+(?:\w+\s+){0,3}?for\s+$")
_TIME_AFTER = re.compile(r"\s*(?:ago|later|earlier|after)")
_TO_BEFORE_TERM = re.compile(r"sentenced\s+(?:\w+\s+){0,6}?to\s+$|to\s+$")
_THE_AKIMAT = re.compile(r"\bthe\s+(?:(?:city|regional|district)\s+)?akimat\b", re.IGNORECASE)
_PLACE_AKIMAT = re.compile(r"\b(?P<p>[A-Z][\w-]+)\s+(?:(?:city|regional|region|district|oblast)"
                           r"\s+)?akimat\b")
_GROUP_OBJECT = re.compile(
    r"\s*(?:them|all\s+(?:three|two|four|five)(?:\s+\w+)?|both(?:\s+men)?)\b", re.IGNORECASE)
_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof)\.")
_SPEAKER_GAP = re.compile(r"[.;]|\b(?:who|which|that|because|after|when|of\s+the\s+memory|"
                          r"said|says|told|added|noted|according)\b")
_AGENT_GAP = re.compile(r"\b(?:by|from|with|for)\s+(?:\S+\s+){0,3}$")
_AGAINST_GAP = re.compile(r"against|at\s")
_RELEASED_IN_COURT = re.compile(r"released\s+(?:\w+\s+)?(?:from\s+custody\s+)?"
                                r"in\s+the\s+court", re.IGNORECASE)
_RELEASED_UNDER_PARDON = re.compile(r"released\s+(?:\w+\s+)?(?:under|by|after|"
                                    r"following|thanks\s+to)\s+(?:an?\s+|the\s+)?"
                                    r"(?:\w+\s+)?(?:amnesty|pardon)", re.IGNORECASE)
_ACCUSED_BY_OFFICIALS_OF = re.compile(
    r"\s*(?:by\s+[^,.;]*?(?:prosecut|investigat|police|agenc|service|committee|"
    r"court|authorit)[^,.;]*?\s+)?of\b", re.IGNORECASE)
_OFFICIALS_DEED = re.compile(r"\b(?:killed|murdered|shot|organi[sz]ed|ordered)\b")
_CULPRIT_WAS = re.compile(r"\b(?:instigator|organi[sz]er|perpetrator|mastermind|killer|"
                          r"customer)\b[^.]*?\bwas\s+$", re.IGNORECASE)
_CULPRIT_WAS_BEFORE = re.compile(r"\b(?:instigator|organi[sz]er|mastermind|killer)\b"
                                 r"[^.]*\bwas\s+$", re.IGNORECASE)
_GIVEN_BEFORE = re.compile(rf"({TOKEN})\s+$")
_OFFICE_MODIFIERS = re.compile(r"^(?:(?:the|a|an|former|then|imprisoned|jailed|arrested|"
                               r"detained|late|acting)\s+|ex-|then-)+", re.IGNORECASE)
_YEAR_SPAN = re.compile(r"(?:19|20)\d\d\s*[-–—]\s*(?:19|20)?\d\d")
_VERB_DATE_GAP = re.compile(r"\s*(?:in\s+absentia\s+)?(?:in|on)?\s*")
_LAPSE_LATER = re.compile(r"\b(?:a\s+few|several|a\s+couple\s+of|\w+)\s+(?:days|weeks|"
                          r"months)\s+later\b", re.IGNORECASE)
_RELEASED_FROM_POLICE = re.compile(
    r"released\s+(?:\w+\s+)?from\s+(?:the\s+)?(?:police|district\s+police)\b", re.IGNORECASE)
_SEQUENCE_WORD = re.compile(r"\b(?:later|after|before|ago|next|following|subsequently|"
                            r"afterwards|earlier|previously|then)\b", re.IGNORECASE)
_OTHER_TIME_WORD = re.compile(r"\b(?:later|after|ago|next|subsequently|afterwards|earlier|"
                              r"previously|appeal\w*)\b", re.IGNORECASE)
_CUSTODY_WORD = re.compile(r"prison|custody|detention|jail|colony|parole|amnesty|sentence|"
                           r"arrest", re.IGNORECASE)
_FIRST_PASSIVE = re.compile(r"\b(?:was|were)\s+\w+ed\b")
_OBJECT_LEAD_END = re.compile(r"(?:against|at|of|for|:)$")
_ARTICLE_ONLY_LEAD = re.compile(r"\s*(?:(?:the|a|an)\s*)?", re.IGNORECASE)
