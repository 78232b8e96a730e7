"""Figures stated about protests and unrest, and about the fight against corruption.

One row per stated figure: what it counts (metric), its value and unit, the period it refers
to and the place it belongs to (NULL for the whole country). How a number becomes a figure:
- the number is read with kzwatch.text.numbers ("more than a hundred" -> 100); years,
  ages, durations ("seven years"), ordinals, article numbers and ranges are not figures;
- the metric comes from the words that state it, in order of reliability: a participle right
  after the counted noun ("37 people accused of ..."), the verb of the clause ("15 of them
  have been sentenced"), the counted noun ("412 criminal cases", "190 appeals",
  "20,000 terrorists"), or the words before ("the death toll at", "the detention of");
  "including 19 officers" counts what the figure before it counted. Definitions stay apart:
  detained, arrested, prosecuted (accused, charged), convictions (sentenced) are different;
- money counts only as assets recovered or as damage done during unrest;
- the period is a date of the sentence, an episode it names ("the January events"), the day
  of a chronology entry, or for unrest figures the month of the passage just before;
- the same figure (metric, value, unit) repeated in a document is one row.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from kzwatch.document import Document
from kzwatch.extract.protests import (
    BACK_REFERENCE,
    chronology_blocks,
    is_dateline,
    is_source,
    publication_date,
    settlement_entries,
    weekday_dates,
)
from kzwatch.reference import canonical_region
from kzwatch.text.daterefs import MONTH_NUMBERS as MONTHS
from kzwatch.text.daterefs import DateRef, month_years
from kzwatch.text.daterefs import find_date_refs as _find_dates
from kzwatch.text.numbers import NumberMatch, find_numbers
from kzwatch.text.patterns import rx
from kzwatch.text.places import canonical_place, find_places
from kzwatch.text.segment import focus_span, is_citation, narrative_sentences
from models.records import Statistic

_TOPIC = rx(
    r"\b(?:protest\w*|unrest|riots?|rioters|demonstrat\w+|rall(?:y|ies)|strikes?|strikers|"
    r"uprising|coup|terroris\w+|counterterrorist|clashes|corrupt\w*|anti-corruption|brib\w+|"
    r"embezzl\w+|abuse of (?:office|power)|prosecut\w+|detain\w*|detention|arrest\w*|"
    r"torture|assets|peaceful assembl\w+|judges|police|broker\w*|ACLED|tragedy|striking|"
    r"opened fire|security forces|clash\w*|political prisoners|prisoners of conscience)\b")
_CORRUPTION = rx(r"\b(?:corrupt\w*|anti-corruption|brib\w+|embezzl\w+|kickbacks?)\b")
_UNREST = rx(r"\b(?:protest\w*|unrest|riots?|rioters|demonstrat\w+|rall(?:y|ies)|uprising|"
             r"clashes|events|coup|counterterrorist|violence|(?:peaceful )?assembl(?:y|ies)|"
             r"pickets?|strikes?|strikers)\b")

_PERSONS = (r"(?:people|persons|citizens|residents|protesters|demonstrators|participants|"
            r"activists|officers|officials|judges|children|servicemen|soldiers|journalists|"
            r"detainees|civilians|men|women|workers|individuals|employees|law[- ]enforcement "
            r"officers|police officers|policemen|suspects|defendants|convicts)")
_PARTICIPLE_METRIC = [
    ("killed", r"killed|dead|died|shot dead|murdered|lost their lives|perished"),
    ("injured", r"injured|wounded|hurt|hospitali[sz]ed|taken to hospital"),
    ("arrested", r"(?:taken |placed )?under (?:administrative )?arrest|arrested|"
                 r"(?:subjected|sentenced) to (?:an? )?(?:administrative )?arrest"),
    ("detained", r"detained|taken into custody"),
    ("convictions", r"sentenced|convicted|found guilty"),
    ("prosecuted", (r"accused|charged|prosecuted|indicted|subjects? of (?:criminal )?prosecution|"
                    r"brought to (?:criminal|administrative)[\w\s]{0,30}?(?:liability|"
                    r"responsibility)")),
    ("other", r"acquitted|dismissed|released|removed|fired"),
]
_PERSONS_NOUN = rx(rf"^\s*(?:[\w-]+ )?{_PERSONS}\b")
_PARTICIPLES = "|".join(f"(?P<{m}_{i}>{p})" for i, (m, p) in enumerate(_PARTICIPLE_METRIC))
# "37 people accused of ...": a participle right after the counted noun (no verb between)
_REDUCED = rx(rf"^\s*(?:[\w’'-]+ ){{0,3}}?(?:who (?:were |had been |have been )?|that )?"
              rf"(?:{_PARTICIPLES})\b")
# "... were sentenced", "have become subjects of criminal prosecution": the clause's verb
_VERB = rx(rf"\b(?:were|was|have|has|had|are|is|got|became|become)\s+(?:been |become |"
           rf"reportedly |also |later |then |officially )*(?:{_PARTICIPLES})\b")
_NOUN_METRIC = [
    ("criminal_cases", "cases", rx(r"^\s*(?:new )?criminal (?:cases|proceedings)\b|"
                                   r"^\s*cases (?:have |had )?(?:reached|went to|gone to) "
                                   r"(?:the )?courts?\b")),
    ("corruption_cases_registered", "cases",
     rx(r"^\s*(?:\w+ )?(?:corruption (?:[\w-]+ )?(?:cases|crimes|offen[cs]es)|cases of "
        r"corruption|(?:facts|episodes|counts) of (?:[\w-]+ ){0,2}?(?:brib\w+|embezzl\w+|"
        r"misappropriation|fraud|abuse of (?:office|power)|corruption))\b")),
    ("appeals", "appeals", rx(r"^\s*(?:\w+ )?(?:appeals|complaints|petitions)\b")),
    ("violations", "violations", rx(r"^\s*(?:\w+ )?violations\b")),
    ("volunteers", "persons", rx(r"^\s*(?:\w+ )?volunteers\b")),
    ("other", "persons", rx(r"^\s*(?:political prisoners|prisoners of conscience)\b")),
    ("detained", "persons", rx(r"^\s*(?:\w+ )?(?:detainees|detentions)\b")),
    ("killed", "persons", rx(r"^\s*(?:\w+ )?(?:deaths|fatalities|dead)\b")),
    ("injured", "persons", rx(r"^\s*(?:\w+ )?(?:injuries|wounded)\b")),
    ("arrested", "persons", rx(r"^\s*(?:\w+ )?arrests\b")),
    ("convictions", "cases", rx(r"^\s*(?:\w+ )?convictions\b")),
    ("participants", "persons",
     rx(r"^\s*(?:[\w-]+ ){0,3}?(?:protesters|demonstrators|participants|strikers|terrorists|"
        r"militants|bandits|rioters)\b")),
    ("other", "events",
     # "150 refusals of rallies" counts refusals, not rallies
     # "one on mass riots" is a case about riots, not a count of them
     rx(r"^\s*(?:(?!of\b|on\b|about\b|into\b|for\b|over\b)[\w-]+ ){0,2}?(?:protests|"
        r"protest actions|rallies|demonstrations|riots|"
        r"battles|explosions?|strikes|cases of violence|incidents of violence)\b")),
]
_INSTANCES = rx(r"^\s*((?:instances|incidents) of) (?:the )?([\w-]+)")
# "1,585 business entities located at 1,940 sites were affected" (damage done in unrest)
_AFFECTED = rx(r"^\s*((?:[a-z-]+ )?[a-z-]+s)\b(?=[^.;]{0,80}\b(?:affected|damaged|destroyed|"
               r"looted|burned|burnt|vandali[sz]ed)\b)")
_BEFORE_METRIC = [
    ("killed", rx(r"\b(?:(?:death toll|number of (?:the )?(?:dead|deaths|victims))\b[^.;]{0,40}|"
                  r"(?:deaths|death) of\s*)$")),
    ("injured", rx(r"\bnumber of (?:the )?injured\b[^.;]{0,40}$")),
    ("detained", rx(r"\b(?:detention of\s*|(?:number of detainees|number of (?:the )?detained)"
                    r"[^.;]{0,60})$")),
    ("arrested", rx(r"\b(?:arrest of\s*|number of (?:the )?arrested[^.;]{0,40})$")),
    ("volunteers", rx(r"\bnumber of (?:[\w-]+ ){0,2}?volunteers\b[^.;]{0,40}$")),
    ("prosecuted", rx(r"\bbrought to [^.;]{0,40}(?:liability|responsibility)[^.;]{0,40}$|"
                      # "has brought criminal cases against 87 officers": people prosecuted
                      r"\b(?:brought|opened|initiated|launched|filed) (?:criminal )?(?:cases|"
                      r"proceedings|charges) against\s*$|"
                      r"\bcriminal (?:cases|proceedings|charges) (?:were )?(?:brought )?"
                      r"against\s*$")),
]
# "police detained 150 people", "the court convicted 14 activists": the verb right before
_VERB_BEFORE = [
    ("killed", rx(r"\b(?:killing|killed|claimed the lives of)\s*$")),
    ("injured", rx(r"\b(?:injuring|injured|wounding|wounded)\s*$")),
    ("detained", rx(r"\b(?:detaining|detained)\s*$")),
    ("arrested", rx(r"\b(?:arresting|arrested)\s*$")),
    ("convictions", rx(r"\b(?:convicted|sentenced)\s*$")),
    ("prosecuted", rx(r"\b(?:charged|prosecuted|indicted)\s*$")),
]
_BEFORE_METRIC += _VERB_BEFORE
# "at the rate of 450 tenge per dollar": an exchange rate, not a sum
_RATE = rx(r"^\s*(?:tenge|KZT|₸)\s*(?:per|to|for|against|a|=) (?:the |one |a |1 )?(?:US |U\.S\. )?"
           r"(?:dollar|\$|USD|euro|EUR|rouble|ruble|RUB)")
_RATE_BEFORE = rx(r"\b(?:exchange rate|rate of|rate at|exchange rate of)\s*$")
# "registered 1,987 offences, up from 1,750 a year earlier": the same count, earlier
_COMPARED = rx(r"\b(?:up|down|rising|falling|increased|decreased|grew|fell) from\s*$|"
               r"\bcompared (?:with|to)\s*$")


def _compared(before: str, num: NumberMatch) -> bool:
    """"up from 1,750": the number reader keeps "from" with the number."""
    lead = " from" if num.text.lower().startswith("from") else ""
    return bool(_COMPARED.search(before.rstrip() + lead))


_COMPARED_YEAR = rx(r"\b(?:compared (?:with|to)|up from|down from|than)\b[^.;]{0,30}$")
_YEAR_EARLIER = rx(r"\s*(?:a year (?:earlier|before)|the (?:previous|preceding) year|"
                   r"the year before)")
_DEFAULT_UNIT = {"criminal_cases": "cases", "corruption_cases_registered": "cases",
                 "appeals": "appeals", "violations": "violations"}
_VOLUNTEER_CONTEXT = rx(r"\bvolunteer")
_PARTICIPATING = rx(rf"^\s*(?:[\w-]+ ){{0,2}}?{_PERSONS} (?:participating|taking part|"
                    rf"took part|joined|involved)\b")
_PERCENT_OF = rx(r"^\s*(?:%|percent|per cent) of (?:the )?(?:demonstrations|protests|"
                 r"protesters|rallies|detainees|participants|assemblies|cases|convicted|"
                 r"convicts|defendants|accused|detained|those (?:convicted|detained|accused))\b")
_OFFENCES = rx(r"^\s*(?:\w+ )?criminal offen[cs]es\b")
# a share of all registered crimes is a figure of the fight against corruption, not an index
_SHARE_OF_OFFENCES = rx(r"^\s*(?:%|percent|per cent) of (?:all |the )?(?:registered |recorded )?"
                        r"(?:corruption )?(?:criminal )?(?:offen[cs]es|crimes)\b")
# "... for 41% of registered offences, embezzlement for 33%": the same share, its noun left out
_SHARE_ELLIPSIS = rx(r"\bfor [\d.,]+\s*(?:%|percent|per cent) of (?:all |the )?(?:registered |"
                     r"recorded )?(?:\w+ )?(?:offen[cs]es|crimes)\b[^.;]{0,60}\bfor\s*$")
# "the damage caused by corruption offences ... amounted to": a total, not one case's sum
_ALL_OFFENCES = rx(r"\bdamage (?:caused|done) by (?:\w+ )?(?:offen[cs]es|crimes)\b")
_SHARE_BEFORE = rx(r"\b(?:accounted for|made up|represented|comprised|constituted)\s*$")
_SKIP_AFTER = rx(r"^(?:\s*(?:years?|months?|weeks?|days?|hours?|minutes?|times|points?|"
                 r"places?|positions?|km|kilometers|kilometres|-year|-month|th|st|nd|rd)\b|"
                 r"[-–]year|[-–]?(?:th|st|nd|rd)\b)")
_SKIP_BEFORE = rx(r"(?:\b(?:article|articles|no\.|number|part|paragraph|page|pp?\.|aged|age of|"
                  r"top)\s*|[#№]|\baged \d+ and\s*|\ball\s*)$")  # "all six": those just counted
_KZT = rx(r"^\s*(?:tenge|KZT|₸)")
_USD = rx(r"^\s*(?:US dollars|U\.S\. dollars|dollars|USD)")
_USD_BEFORE = re.compile(r"(?:\$|US\$|USD)\s*$")
_IN_SENTENCE = r"(?:[^.]|\.\d)"  # any character up to the sentence end ("1.2" is no end)
_ASSETS = rx(rf"\b(?:assets|property|funds)\b{_IN_SENTENCE}{{0,200}}\b(?:reclaimed|recovered|"
             rf"returned|confiscated|repatriated|seized)\b|\b(?:reclaimed|recovered|returned|"
             rf"confiscated|repatriated)\b{_IN_SENTENCE}{{0,80}}\b(?:assets|property|funds)\b|"
             rf"\b(?:returned|recovered|reimbursed|repaid)\b{_IN_SENTENCE}{{0,60}}? to the "
             rf"(?:state|budget|treasury)\b|"
             rf"\bdamages?\b{_IN_SENTENCE}{{0,80}}\b(?:compensated|reimbursed|recovered)\b")
_DAMAGE = rx(r"\b(?:damage|losses)\b")
_SCALED = rx(r"\b(?:billion|million|thousand|bn|mln|bln)\b")
_CARRIED = rx(r"\d\s*(?:billion|million|thousand|bn|mln|bln)\s*(tenge|KZT|₸|US dollars|dollars|USD)"
              r"[^.;]{0,60}$")
# "2.5 billion tenge in damages had been compensated": no other sum before the verb
_OWN_RETURN = rx(r"^[^\d.;]{0,40}?\b(?:compensated|recovered|returned|reimbursed|repaid)\b")
_IN_DAMAGE = rx(r"^\s*(?:tenge|KZT|₸|US dollars|dollars|USD)?\s*in (?:damages?|losses)\b")
# the money of one defendant's case: "recovered from the defendant", "his family returned"
_CASE_MONEY = rx(r"\b(?:civil claim|from the (?:defendant|convict|accused)|(?:his|her) (?:family|"
                 r"relatives|wife|husband|son|daughter))\b")
_ONE_CASE_BEFORE = rx(r"\b(?:the|a|this|that) (?:criminal )?case against\s*$")
_OF_WHICH_RETURNED = rx(rf"^[^.;]{{0,25}}?,? (?:of which|of this|including)\b"
                        rf"{_IN_SENTENCE}{{0,60}}?"
                        r"\b(?:compensated|recovered|returned|reimbursed|repaid)\b")
_RETURNED_AFTER = rx(r"^[^.;]{0,40}?\b(?:compensated|recovered|returned|reimbursed|repaid)\b")
_DAMAGE_COMPENSATED = rx(rf"\bdamages?\b{_IN_SENTENCE}{{0,80}}\b(?:compensated|reimbursed)\b")
# "amounted to a further 97.4 billion": a sum told apart from the assets just reported
_FURTHER = rx(r"\b(?:a further|an additional|in addition|additionally)\b")
_NATIONAL = rx(r"\b(?:in the country|across the country|throughout the country|nationwide|"
               r"in Kazakhstan|in all regions)\b")
_INCLUDING = rx(r"\b(?:including|among them|of whom|of which|(?:of|among) (?:them|these|those)"
                r"(?: (?:convicted|detained|arrested|accused|charged|sentenced|prosecuted))?"
                r"(?: (?:are|were|was|is))?),?\s*$")
_EPISODE = rx(rf"\b(?:the )?(?P<mon>{'|'.join(MONTHS)})(?:\s+(?P<year>(?:19|20)\d\d))?[\s-]+"
              r"(?:events|protests|unrest|riots|tragedy|crisis|uprising)\b"
              r"(?: (?:of|in) (?P<year2>(?:19|20)\d\d)\b)?")
_ORG = re.compile(
    r"\b((?:[A-Z][\w’'-]+ ){0,5}(?:Agency|Office|Ministry|Court|Committee|Service|Bureau|"
    r"Coalition|Council|Department|Project)(?: (?:of|for|against) (?:[A-Z][\w’'-]+ ?){1,4})?)"
    r"|\b(ACLED|KIBHR)\b")

@lru_cache(maxsize=64)
def find_dates(text: str, start: int, end: int) -> list[DateRef]:
    """The dates of one sentence, read once however many figures it holds."""
    return _find_dates(text, start, end)


CORRUPTION_METRICS = {"corruption_cases_registered", "convictions", "prosecuted",
                      "assets_recovered"}
_CORRUPTION_OR_ASSETS = rx(r"\b(?:corrupt\w*|anti-corruption|brib\w+|embezzl\w+|kickbacks?|"
                           r"assets|agency|officials)\b")
UNREST_METRICS = {"killed", "injured", "detained", "arrested", "participants",
                  "criminal_cases"}


@dataclass
class _Figure:
    metric: str
    unit: str
    number: NumberMatch
    sentence: tuple[int, int]


def _clause_after(text: str, num: NumberMatch, limit: int) -> str:
    """Words after a number up to the next number or clause end (";", sentence end)."""
    end = min(limit, num.end + 120)
    chunk = text[num.end:end]
    cut = re.search(r";|\.(?:\s|$)|\(", chunk)
    return chunk[:cut.start()] if cut else chunk


# "sentenced 87 of those detained to administrative arrest": an arrest, not a conviction
_TO_ARREST = rx(r"^[^.;]{0,60}?\bto (?:an? )?(?:administrative )?arrest\b")
# "sent 61 corruption cases to court": a later stage than the registration of an offence
_TO_COURT = rx(r"^[^.;]{0,60}?\b(?:sent|referred|transferred|submitted|forwarded) to "
               r"(?:the )?courts?\b")
_CASES_ON_BEFORE = rx(r"\bcriminal cases (?:on|for|concerning|into)\s*$")
_SENT_BEFORE = rx(r"\b(?:sent|referred|transferred|submitted|forwarded)\s*$")
# "counted more than 300 refusals", "34 labour conflicts were registered": a tally of things
_TALLY_BEFORE = rx(r"\b(?:counted|recorded|registered|documented)\s*$")
_TALLY_AFTER = rx(r"^\s*(?:[a-z-]+ )?[a-z-]+s\b[^.;,]{0,30}?\b(?:were|have been|had been) "
                  r"(?:registered|recorded|documented|counted)\b")
_TALLY_NOUN = rx(r"^\s*((?:(?!of\b|in\b|at\b|were\b)[a-z-]+ )?[a-z-]+s)\b")


# a decision on part of the requests: "refused 58 of the 141 notifications submitted"
_DECISION = r"(?:refused|rejected|denied|turned down|approved|granted|satisfied|upheld|allowed)"
_DECIDED_BEFORE = rx(rf"\b{_DECISION}\s*$")
_DECIDED_PART_BEFORE = rx(rf"\b{_DECISION} (?:only )?[\d,]+ (?:out )?of (?:the )?$")
_PART_OF = rx(r"^\s*(?:out )?of (?:the )?[\d,]+ ((?:[a-z-]+ )?[a-z-]+s)\b")


def _metric(text: str, num: NumberMatch, after: str, before: str, sentence: str,
            last: tuple[str, str] | None, listed: bool = False) -> tuple[str, str] | None:
    """(metric, unit) of the figure a number states, or None when it is not one."""
    found = _metric_of(text, num, after, before, sentence, last, listed)
    if found and found[0] == "convictions" and _TO_ARREST.match(after):
        return "arrested", "persons"
    if found and found[0] == "corruption_cases_registered" and (
            _TO_COURT.match(after) or _SENT_BEFORE.search(before)):
        if _CASES_ON_BEFORE.search(before):
            return "criminal_cases", "cases"  # "criminal cases on 912 offences went to court"
        return "other", found[1]
    return found


# "a blogger with about 90,000 followers": an attribute of someone, not a figure
_WITH_BEFORE = rx(r"\b(?!compared\b|comparison\b|par\b|line\b|together\b|along\b)[a-z-]+ "
                  r"with (?:about |around |some |over |more than |nearly |almost )?$")
# "detained the organiser and five other participants": people of one episode
_OTHERS_AFTER = rx(r"^\s*others?\b")
_AND_BEFORE = rx(r"\band\s*$")
# "in 41 cases the organisers received a refusal": a count of refusals
_REFUSAL_CASES = rx(r"^\s*cases\b[^.;]{0,40}?\b(?:received an? (?:refusal|rejection)|"
                    r"(?:were|was) (?:refused|rejected|denied))")
# "Cases against 742 persons were sent to court": the persons prosecuted
_CASES_AGAINST_BEFORE = rx(r"\bcases against\s*$")
# "11 people, including police officers, sought medical help": the injured
_MEDICAL = rx(rf"^\s*(?:[\w-]+ )?{_PERSONS}\b[^.;]{{0,60}}?\b(?:sought|received|needed|required|"
              rf"asked for) (?:\w+ )?medical (?:help|attention|assistance|care|aid)\b")

_FINED = rx(r"^\s*(?:(?:people|persons|participants|of them) )?(?:were|have been|had been) fined\b")
_ONE_DAY = rx(r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today)[’']s\b|"
              r"\bon (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|the same day)\b")


def _metric_of(text: str, num: NumberMatch, after: str, before: str, sentence: str,
               last: tuple[str, str] | None, listed: bool = False) -> tuple[str, str] | None:
    if num.qualifier == "range" or _SKIP_AFTER.match(after) or _SKIP_BEFORE.search(before):
        return None
    if _WITH_BEFORE.search(before) and not _PERSONS_NOUN.match(after):
        return None
    if _AND_BEFORE.search(before) and _OTHERS_AFTER.match(after):
        return None
    if _REFUSAL_CASES.match(after):
        return "other", "refusals"
    if _CASES_AGAINST_BEFORE.search(before) and _PERSONS_NOUN.match(after) and \
            _TO_COURT.match(after):
        return "prosecuted", "persons"
    if _FINED.match(after):
        return "other", "persons"  # "and 118 were fined": no metric of its own
    if _MEDICAL.match(after):
        # "... sought medical help after Tuesday's clashes": the injured of one day's event
        return None if _ONE_DAY.search(after) else ("injured", "persons")
    if _ONE_CASE_BEFORE.search(before):
        return None  # "the criminal case against three defendants": one case's parties
    if _RATE.match(after) or _RATE_BEFORE.search(before):
        return None
    # "of the 9.8 billion tenge in damage, 6.1 billion has been recovered": the same currency
    carried = _CARRIED.search(before) if _SCALED.search(num.text) else None
    if _KZT.match(after) or _USD.match(after) or _USD_BEFORE.search(before) or carried:
        unit = "KZT" if _KZT.match(after) else "USD" if (
            _USD.match(after) or _USD_BEFORE.search(before)) else (
            "KZT" if _KZT.match(carried.group(1)) else "USD")
        if _CASE_MONEY.search(sentence) or _ONE_CASE_BEFORE.search(before):
            return None  # a sum of one defendant's case (case_mentions), not a figure
        if _IN_DAMAGE.match(after) and not _OWN_RETURN.match(after):
            return ("other", unit) if _UNREST.search(sentence) else None  # the damage done
        if _DAMAGE.search(sentence) and _OF_WHICH_RETURNED.match(after):
            return "other", unit  # the damage done, of which a part was compensated
        if _INCLUDING.search(before) and _RETURNED_AFTER.match(after):
            return "assets_recovered", unit
        if _ASSETS.search(sentence):
            if _FURTHER.search(sentence) and _DAMAGE_COMPENSATED.search(sentence) and \
                    not _ASSETS.search(_DAMAGE_COMPENSATED.sub(" ", sentence)):
                return "other", unit  # compensated damage kept apart from recovered assets
            return "assets_recovered", unit
        if _DAMAGE.search(sentence) and (
                _UNREST.search(sentence) or _ALL_OFFENCES.search(sentence)):
            return "other", unit
        return None
    if re.match(r"\s*(?:%|percent|per cent)", after, re.IGNORECASE):
        if _SHARE_OF_OFFENCES.match(after) or _SHARE_ELLIPSIS.search(before):
            return "other", "percent"  # "bribery accounted for 41% of registered offences"
        if _SHARE_BEFORE.search(before):
            return None  # "social issues accounted for 61 percent of the rallies": an indicator
        return ("other", "percent") if _PERCENT_OF.match(after) else None
    if not num.is_integer:
        return None
    nxt = re.search(r"\d", after)
    local = after[:nxt.start()] if nxt else after
    part = _PART_OF.match(after)
    if part and _DECIDED_BEFORE.search(before):
        return "other", " ".join(part.group(1).split())  # "refused 58 of the 141 notifications"
    whole = _TALLY_NOUN.match(after)
    if whole and _DECIDED_PART_BEFORE.search(before) and not _PERSONS_NOUN.match(after):
        return "other", " ".join(whole.group(1).split())  # "... of the 141 notifications"
    if re.match(r"\s*(?:out )?of\b", local, re.IGNORECASE):
        # "15 of them have been sentenced", "13 out of 37 accused were sentenced"
        if not re.match(rf"\s*(?:out of \S+|of (?:them|those|whom|these|the {_PERSONS}))",
                        after, re.IGNORECASE):
            return None
        # "police detained 14 of them, and most were sentenced": the verb right before first
        acted = next((metric for metric, verb in _VERB_BEFORE if verb.search(before)), None)
        if acted:
            return acted, "persons"
        m = _VERB.search(after)
        if m:
            return _from_participle(m), "persons"
        return next(((metric, "persons") for metric, pattern in _BEFORE_METRIC
                     if pattern.search(before)), None)  # "police detained five of them"
    m = _REDUCED.match(local)
    if m:
        return _from_participle(m), "persons"
    for metric, unit, pattern in _NOUN_METRIC:
        if pattern.match(after):
            if metric == "participants":
                acted_on = next((m for m, verb in _BEFORE_METRIC if verb.search(before)), None)
                if acted_on:
                    return acted_on, "persons"  # "police detained 40 protesters"
                if not _UNREST.search(sentence):
                    return None  # "Of the 124 participants" of a survey
            if metric == "corruption_cases_registered" and _OFFENCES.match(after):
                return metric, "offences"  # the noun counted: "812 criminal offences"
            return metric, unit
    m = _INSTANCES.match(after)
    if m:
        return "other", f"{' '.join(m.group(1).split())} {m.group(2)}"
    if _VOLUNTEER_CONTEXT.search(sentence) and _PARTICIPATING.match(after):
        return "volunteers", "persons"
    m = _AFFECTED.match(after)
    if m and _UNREST.search(sentence):
        return "other", m.group(1)
    m = _VERB.search(local)
    if m and not re.search(r"\b(?:and|but|while|which|when)\b\s*\S*\s*$", local[:m.start()]):
        return _from_participle(m), "persons"
    for metric, pattern in _BEFORE_METRIC:
        if pattern.search(before):
            return metric, "persons"
    if last and (_INCLUDING.search(before) or _compared(before, num) or listed):
        # "including 19 officers", "up from", "of which 15": what the figure before counted
        unit = last[1] if last[0] == "other" or last[1] == "offences" \
            else _DEFAULT_UNIT.get(last[0], "persons")
        return last[0], unit
    tally = _TALLY_NOUN.match(after)
    if tally and (_TALLY_BEFORE.search(before) or _TALLY_AFTER.match(after)) \
            and not _PERSONS_NOUN.match(after):
        return "other", " ".join(tally.group(1).split())
    return None


def _from_participle(m: re.Match) -> str:
    for name, value in m.groupdict().items():
        if value is not None:
            return name.rsplit("_", 1)[0]
    return "other"


def _episode(text: str, years: dict[int, int]) -> str | None:
    """"the January events" / "the December 2011 protests" -> that month."""
    m = _EPISODE.search(text)
    if not m:
        return None
    month = MONTHS.get(m.group("mon").capitalize())
    written = m.group("year") or m.group("year2")
    year = int(written) if written else years.get(month) if month else None
    return f"{year}-{month:02d}" if month and year else None


_Y = r"(?:19|20)\d\d"
# "January–June 2024", "the first half of 2024", "H1 2024", "2024-H2": a half-year
_HALF = rx(rf"\b(?:(?:(?P<first>first|1st)|second|2nd) half of (?:the year )?(?P<y1>{_Y})|"
           rf"(?:(?P<jan>January|Jan\.?)|July|Jul\.?)\s*(?:[–-]|to|through)\s*"
           rf"(?:June|December),? (?P<y2>{_Y})|H(?P<h>[12]),? (?P<y3>{_Y})|"
           rf"(?P<y4>{_Y})\s*-?H(?P<h2>[12]))\b")
# "776 in the same period of 2023": the half-year the document reports, a year earlier
_SAME_PERIOD = rx(rf"\b(?:the )?same period (?:of|in|last year,?) ?(?P<y>{_Y})\b")
# "in the reporting period", "over six months": the period the whole report covers
_REPORT_PERIOD = rx(r"\b(?:the reporting period|(?:over|in|during) (?:the )?(?:six|6|past six) "
                    r"months|the (?:first|second) half of the year)\b")


def _half_of(m: re.Match) -> str:
    year = m.group("y1") or m.group("y2") or m.group("y3") or m.group("y4")
    if m.group("y1"):
        half = 1 if m.group("first") else 2
    elif m.group("y2"):
        half = 1 if m.group("jan") else 2
    else:
        half = int(m.group("h") or m.group("h2"))
    return f"{year}-H{half}"


@lru_cache(maxsize=8)
def _report_half(text: str) -> str | None:
    """The half-year a report covers: the first one the document states."""
    m = _HALF.search(text)
    return _half_of(m) if m else None


# "Anti-Corruption Agency: results of 2024", "ANNUAL REVIEW 2023", "RESULTS ... FOR THE FIRST
# HALF OF 2024": a heading naming the period the figures under it report
_HEADING_PERIOD = rx(rf"\b(?:results|review|report|summary|overview|statistics|indicators)\b"
                     rf"[^\n.!?]{{0,60}}?\b(?P<y>{_Y})\b")


@lru_cache(maxsize=8)
def _section_periods(text: str) -> tuple[tuple[int, str], ...]:
    """(start, period) of the headings that state a reporting period, in order. A heading is a
    short line of its own, after a line that ends a sentence (not a wrapped line of prose)."""
    out = []
    for line in re.finditer(r"[^\n]+", text):
        head = line.group().strip()
        prev = text[:line.start()].rstrip()
        # "INFORMATION NOTE / on the results of ... 2024": a title wrapped under a capital line
        titled = prev.rsplit("\n", 1)[-1].strip().isupper()
        if len(head) > 120 or re.search(r"[.!?;,]$|[.!?] [A-Z]", head) or (
                not titled and (not head[:1].isupper() or (
                    prev and not re.search(r"[.!?:\"”)]$|^$", prev[-1:])))):
            continue
        m = _HEADING_PERIOD.search(head)
        if m:
            half = _HALF.search(head)
            out.append((line.start(), _half_of(half) if half else m.group("y")))
    return tuple(out)


def _section_period(text: str, pos: int) -> str | None:
    """The reporting period of the section a position lies in, from its heading."""
    found = [p for start, p in _section_periods(text) if start <= pos]
    return found[-1] if found else None


def _halves(text: str, s: int, e: int) -> list[tuple[int, int, str]]:
    """Half-year periods written in a sentence (start, end, "2024-H1")."""
    out = [(m.start(), m.end(), _half_of(m)) for m in _HALF.finditer(text, s, e)]
    report = _report_half(text)
    if report:
        out += [(m.start(), m.end(), f"{m.group('y')}{report[4:]}")
                for m in _SAME_PERIOD.finditer(text, s, e)]
    return sorted(out)


def _half_period(text: str, s: int, e: int, num: NumberMatch | None) -> str | None:
    """The half-year of a figure: the one written right after it ("776 in the same period of
    2023"), else the last one before it, else the report's own for "the reporting period"."""
    halves = _halves(text, s, e)
    if halves:
        if num is None:
            return halves[0][2]
        direct = [h for h in halves if h[0] >= num.end
                  and _RIGHT_AFTER.fullmatch(text, num.end, h[0])]
        prior = [h for h in halves if h[1] <= num.start]
        return (direct or prior[-1:] or halves)[0][2]
    if _REPORT_PERIOD.search(text, s, e):
        return _report_half(text)
    return None


_RIGHT_AFTER = re.compile(r"\s*(?:in|during|for)\s+", re.IGNORECASE)
_YEAR_TO_DATE = rx(r"\b(?:since the (?:beginning|start) of (?:the|this) year|so far this year|"
                   r"year to date)\b")
_SINCE = re.compile(r"\bsince\s+(?:the\s+(?:beginning|start)\s+of\s+)?$", re.IGNORECASE)


def _period(text: str, s: int, e: int, num: NumberMatch | None, years: dict[int, int],
            fallback_year: int | None = None, current_year: int | None = None) -> str | None:
    """The date a figure refers to, as written in its own sentence (nearest to the number).

    A month without a year takes the year the document pairs with that month, else the last
    year the text stated (`fallback_year`). "since January" counts the year to date: the year,
    of the report (`current_year`, its dateline) when none is written.
    """
    half = _half_period(text, s, e, num)
    if half:
        return half
    refs = [r for r in find_dates(text, s, e)
            if num is None or not (r.start < num.end and num.start < r.end)]
    if _YEAR_TO_DATE.search(text, s, e) and not any(r.month and not r.day for r in refs):
        # "since the beginning of the year": the year to date, of the report
        year = current_year or next((r.year for r in refs if r.year), None)
        return str(year) if year else None
    if num is None:
        # a sentence's own date, not the one it compares with ("..., compared with 2023")
        refs = [r for r in refs if not _COMPARED_YEAR.search(text, s, r.start)] or refs
    if not refs:
        return None
    spans = [r for r in refs if r.span]
    if spans:
        return spans[0].span
    days = [r for r in refs if r.day]
    if len(days) >= 2 and len({r.month for r in days}) > 1 and re.search(
            r"[-–]|\bto\b", text[days[0].end:days[1].start]):
        year = days[0].year or years.get(days[0].month, fallback_year)
        return str(year) if year else None  # "October 29 - November 6": a span within a year
    if len(refs) >= 2 and refs[0].year and refs[1].year and refs[0].month is None and \
            refs[1].month is not None and re.search(r"\bto\b|[-–]",
                                                    text[refs[0].end:refs[1].start]):
        return f"{refs[0].year}-{refs[1].year}"  # "from 2013 to July 2021"
    pos = num.start if num else e
    # "down from 455 in 2023": a date written right after the number is its own
    direct = [r for r in refs if num is not None and r.start >= num.end
              and _RIGHT_AFTER.fullmatch(text, num.end, r.start)]
    nearest = direct[0] if direct else min(
        refs, key=lambda r: min(abs(r.start - pos), abs(pos - r.end)))
    if nearest.month and _SINCE.search(text[max(s, nearest.start - 40):nearest.start]):
        year = nearest.year if nearest.explicit_year else (
            current_year or years.get(nearest.month, fallback_year))
        return str(year) if year else None
    if nearest.year is None and nearest.month:
        nearest = nearest.with_year(years.get(nearest.month, fallback_year))
    return nearest.iso()


def _subject(sentence: str, metric: str, period: str | None, location: str | None) -> str:
    """What a figure is about: the episode of unrest (month, place) or the body reporting a
    figure on corruption, e.g. "January 2022 unrest", "Anti-Corruption Agency"."""
    org = _ORG.search(sentence)
    if _CORRUPTION.search(sentence):
        return _org_name(org) if org else "fight against corruption"
    if metric in UNREST_METRICS or _UNREST.search(sentence):
        base = "unrest"
        if period and re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", period):
            base = f"{_month_name(period)} unrest"
        if location:
            base = f"{location} {base}"
        return f"{base} ({_org_name(org)})" if org else base
    if org:
        return _org_name(org)
    return metric.replace("_", " ")


def _org_name(m: re.Match) -> str:
    return re.sub(r"^(?:The|the)\s+", "", m.group(0).strip())


def _month_name(period: str) -> str:
    month = int(period[5:7])
    name = next(k for k, v in MONTHS.items() if v == month)
    return f"{name} {period[:4]}"


_NATIONAL_CUE = rx(r"\b(?:in the country|across the country|throughout the country|nationwide|"
                  r"in Kazakhstan|in all regions|official figures|in total|overall)\b")
_SEVERAL_DAYS = rx(r"\b(?:over|in|during|within|for|across) (?:the )?(?:past |last |first )?"
                  r"(?:two|three|four|five|six|seven|several|[2-9]|1\d) days\b")
_CONTEXT_SENTENCES = 4  # how far back a figure without its own date looks for one


# "Of these, 118 ...", "Among those convicted are 9 ...": the figures of the sentence before
_CONTINUES = rx(r"\s*(?:of (?:these|them|those|whom)|among (?:them|these|those))\b")


@dataclass
class _Context:
    """When a sentence is set (its own date or the episode it names)."""
    index: int
    period: str | None
    corruption: bool = False


def _inherits_period(metric: str, unit: str) -> bool:
    """Unrest counts and tallies of an operation take the date of the passage they follow;
    trial outcomes, appeals and the like are dated only by their own sentence."""
    return metric in UNREST_METRICS or metric == "violations" or (
        metric == "other" and unit != "persons")


def _as_month(period: str | None, metric: str) -> str | None:
    if period and metric in UNREST_METRICS and re.fullmatch(r"\d{4}-\d\d-\d\d", period):
        return period[:7]  # "16 killed" after "the protests ended on December 16": the month
    return period


_NEXT_DAY = rx(r"\bthe (?:following|next) day\b")


def _next_day(sentence: str, before: list[_Context]) -> str | None:
    """"The following day, 30 people gathered": the day after the last one told."""
    if not _NEXT_DAY.search(sentence):
        return None
    last = next((c.period for c in reversed(before) if c.period), None)
    if last is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", last):
        return None
    return (date.fromisoformat(last) + timedelta(days=1)).isoformat()


_REGION_NAMED = re.compile(r"\b[A-Z][\w-]+(?: [A-Z][\w-]+)? (?:[Rr]egion|[Oo]blast)\b")
_REGION_SCOPE = rx(r"\bin the (?:region|oblast)\b|\b(?:department|office|division) (?:for|of|in) "
                   r"(?:the )?[A-Z][\w-]+(?: [A-Z][\w-]+)? (?:region|oblast)\b")


def _region_scope(sentence: str) -> str | None:
    """The one region a figure is told of: "the agency's department for Zhambyl region ...
    registered 57 offences in the region" (a region's figure is located at the region)."""
    if not _REGION_SCOPE.search(sentence):
        return None
    regions = {canonical_region(m.group()) for m in _REGION_NAMED.finditer(sentence)}
    regions.discard(None)
    return regions.pop() if len(regions) == 1 else None


def _dated_prior(before: list[_Context], idx: int, reach: int = 2) -> _Context | None:
    """The sentence just before, or (through up to `reach` undated ones right before, "Of
    these, 1,063 cases were sent to court.") the last one with a date."""
    expected = idx - 1
    for c in reversed(before):
        if c.index != expected or expected < idx - reach:
            return None
        if c.period:
            return c
        expected -= 1
    return None


@dataclass
class _Reader:
    """Reads a document sentence by sentence, remembering the context figures inherit."""
    doc: Document
    years: dict[int, int]
    blocks: list
    out: list[Statistic] = field(default_factory=list)
    seen: set[tuple[str, float, str]] = field(default_factory=set)
    history: list[_Context] = field(default_factory=list)
    recent_topic: int = -100
    last_year: int | None = None
    last_metric: tuple[int, str, str] | None = None
    last_place: tuple[int, str | None] = (-100, None)
    sentence_place: tuple[int, str | None] = (-100, None)
    dateline: date | None = None
    mentions: list = field(default_factory=list)  # places named in the current sentence
    entries: list = field(default_factory=list)  # chronology entries by settlement

    def read(self, idx: int, s: int, e: int) -> None:
        text = self.doc.text
        sentence = text[s:e]
        if _TOPIC.search(sentence) or _EPISODE.search(sentence) or _ASSETS.search(sentence):
            self.recent_topic = idx
        self.mentions = [p for p in find_places(text, s, e)
                         if not p.is_region and not is_dateline(text, p.start)
                         and not is_source(text, p)]
        places = {p.place.name for p in self.mentions}
        if places:
            self.sentence_place = (idx, next(iter(places)) if len(places) == 1 else None)
        before = [c for c in self.history[-_CONTEXT_SENTENCES:]
                  if c.index >= idx - _CONTEXT_SENTENCES]
        block = next((b[2] for b in self.blocks if b[0] <= s < b[1]), None)
        self.history.append(_Context(idx, _episode(sentence, self.years)
                                     or _period(text, s, e, None, self.years, self.last_year)
                                     or self._weekday(s, e)
                                     or (block.iso() if block else None)
                                     or _next_day(sentence, before),
                                     bool(_CORRUPTION.search(sentence))))
        if self.recent_topic >= idx - 6:
            for num in find_numbers(text, s, e):
                self._number(idx, s, e, num, places, before)
        for ref in find_dates(text, s, e):
            # "..., compared with 1,512 in 2023": the year compared with does not carry on
            if ref.year and ref.explicit_year and not _COMPARED_YEAR.search(text, s, ref.start):
                self.last_year = ref.year

    def _place_beside(self, text: str, s: int, num: NumberMatch) -> str | None:
        """The place in a number's own clause ("103 in Almaty", "In Almaty alone, 139")."""
        after = _clause_after(text, num, num.end + 60)
        nxt = re.search(r"\d|,", after)
        end = num.end + (nxt.start() if nxt else len(after))
        lead = text.rfind(",", s, num.start)
        for m in self.mentions:
            if num.end <= m.start < end or (lead == -1 and m.end <= num.start) or (
                    lead != -1 and m.end <= lead and text.rfind(",", s, m.start) == -1
                    and not re.search(r"\d", text[m.end:num.start])):
                return m.place.name
        return None

    def _weekday(self, s: int, e: int) -> str | None:
        """"on Tuesday" in a news report, dated by the report's dateline."""
        days = weekday_dates(self.doc.text, s, e, self.dateline)
        return days[0].iso() if days else None

    def _number(self, idx: int, s: int, e: int, num: NumberMatch, places: set[str],
                before: list[_Context]) -> None:
        text = self.doc.text
        row = _figure(self.doc, s, e, num, self.years,
                      self.dateline.year if self.dateline else None, self.last_year,
                      self.last_metric, idx)
        if row is None:
            return
        metric, unit, period = row
        self.last_metric = (idx, metric, unit)
        key = (metric, round(num.value, 6), unit)
        if key in self.seen:
            return  # the same figure repeated
        self.seen.add(key)
        block = next((b[2] for b in self.blocks if b[0] <= s < b[1]), None)
        in_entry = any(a <= s < b for a, b, _ in self.entries)
        if block is not None and metric not in CORRUPTION_METRICS | {"criminal_cases"} \
                and not _NATIONAL_CUE.search(text[s:e]) and (
                    in_entry or (metric in UNREST_METRICS and len(places) == 1)):
            return  # a count told for one place in a day's entry of a chronology: its event
        period = period or (block.iso() if block else None) or self._weekday(s, e)
        if period and len(period) == 10 and _SEVERAL_DAYS.search(text[s:e]):
            period = period[:7]  # "47 detained over three days": no single day
        prior = _dated_prior(before, idx)
        if period is None and metric in CORRUPTION_METRICS and prior and (_CONTINUES.match(
                text, s) or (prior.corruption and _CORRUPTION_OR_ASSETS.search(text[s:e]))):
            # "In 2023 the agency registered 1,234 offences. Assets worth ... were returned."
            period = prior.period
        if period is None and metric in CORRUPTION_METRICS | {"volunteers"}:
            period = _section_period(text, s)  # "Anti-Corruption Agency: results of 2024"
        if period is None and _inherits_period(metric, unit):
            last = next((c for c in reversed(before) if c.period), None)
            same_event = last is not None and last.index == idx - 1 and bool(
                BACK_REFERENCE.search(text[s:e]) or _CONTINUES.match(text, s))
            # "Police dispersed the protest and detained 12": the day of the protest just told
            period = last.period if same_event else _as_month(last.period if last else None,
                                                               metric)
        location = next(iter(places)) if len(places) == 1 else None
        if location and _NATIONAL_CUE.search(text[s:e]):
            # "164 killed nationwide, including 103 in Almaty": only the figure told with it
            location = self._place_beside(text, s, num)
        if not places and not _NATIONAL_CUE.search(text[s:e]):
            if self.last_place[0] >= idx - 3:
                location = self.last_place[1]  # the place of the figures just before
            elif self.sentence_place[0] == idx - 1 and BACK_REFERENCE.search(text[s:e]):
                location = self.sentence_place[1]  # "... in Almaty. Police dispersed the rally"
        if location is None and not places and not _NATIONAL_CUE.search(text[s:e]):
            location = _region_scope(text[s:e])
        self.last_place = (idx, location)
        self.out.append(Statistic(
            source_name=self.doc.source_name, **self.doc.cite(*focus_span(text, s, e, num.start,
                                                                           num.end)),
            subject=_subject(text[s:e], metric, period, location), metric=metric,
            value=float(num.value), unit=unit, period=period, location=location))


def extract(doc: Document) -> list[Statistic]:
    years = month_years(doc.text)
    blocks = chronology_blocks(doc.text, years)
    reader = _Reader(doc, years, blocks, dateline=publication_date(doc.text),
                     entries=settlement_entries(doc.text, blocks))
    for idx, (s, e) in enumerate(narrative_sentences(doc.text)):
        if is_citation(doc.text[s:e]):
            continue
        try:
            reader.read(idx, s, e)
        except (ValueError, KeyError, IndexError, OverflowError):
            continue  # a passage that cannot be read is skipped, never fatal
    try:
        rows = table_figures(doc, years)
    except (ValueError, KeyError, IndexError, OverflowError):
        rows = []
    for row in rows:
        key = (row.metric, round(row.value, 6), row.unit)
        if key not in reader.seen:
            reader.seen.add(key)
            reader.out.append(row)
    return _prose_over_labels(doc.text, reader.out)


def _prose_over_labels(text: str, rows: list[Statistic]) -> list[Statistic]:
    """An infobox line ("Arrested: 512") and the prose stating the same count ("512 people had
    been detained") are one figure: the prose names what it counts."""
    labelled = set()
    for line in re.finditer(r"(?m)^\s*([A-Z][a-z]+)\s*:\s*([\d,]+)\b", text):
        metric = next((m for m, word in _LABEL_METRIC if word.fullmatch(line.group(1))), None)
        if metric:
            labelled.add((metric, float(line.group(2).replace(",", ""))))
    return [r for r in rows if (r.metric, r.value) not in labelled or not any(
        o.value == r.value and o.unit == "persons" and o.metric != r.metric
        and o.metric in ("arrested", "detained") for o in rows)]


def repeats_event_count(row: Statistic, counts: set[tuple[str, str, str, float]]) -> bool:
    """A count the protest reader gives to one event (day, place, metric, value), told here
    without that event's day or place ("Police detained 15 people after scuffles broke out"
    under a paragraph dated "on Monday" in Zhanaozen), or with both: the event's field, not a
    statistic. A national figure never is."""
    if (row.period, row.location, row.metric, row.value) in counts:
        return True
    if _NATIONAL_CUE.search(row.evidence) or row.period is None or len(row.period) < 7:
        return False
    return any(metric == row.metric and value == row.value and day.startswith(row.period)
               and row.location in (None, place) for day, place, metric, value in counts)


# ---------------------------------------------------------------- tables with | columns

# a column header -> (metric, unit): "Offences registered", "Damage compensated, mln tenge"
_COLUMN_METRIC = [
    ("assets_recovered", None, rx(r"\b(?:compensated|recovered|returned|reimbursed|"
                                  r"confiscated)\b")),
    ("corruption_cases_registered", "cases",
     rx(r"\b(?:offen[cs]es|crimes|cases) registered\b|\bregistered (?:offen|crime|case)")),
    ("convictions", "persons", rx(r"\b(?:convicted|sentenced|convictions)\b")),
    ("prosecuted", "persons", rx(r"\b(?:prosecuted|charged|accused|sent to court)\b")),
    ("detained", "persons", rx(r"\b(?:detained|detainees|detentions)\b")),
    ("arrested", "persons", rx(r"\barrest(?:ed|s)\b")),
    ("killed", "persons", rx(r"\b(?:killed|dead|deaths)\b")),
    ("injured", "persons", rx(r"\b(?:injured|wounded)\b")),
]
_SCALE_WORDS = [(rx(r"\b(?:bn|bln|billions?)\b"), 1e9), (rx(r"\b(?:mln|mn|millions?)\b"), 1e6),
                (rx(r"\b(?:thous(?:and)?s?\.?)(?!\w)"), 1e3)]
_CELL_NUMBER = re.compile(r"\d{1,3}(?:[ ,\u00a0]\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?")
_TOTAL_ROW = rx(r"^(?:total|kazakhstan|republic(?: of kazakhstan)?|all regions|country)\b")


def _column(header: str, corruption: bool) -> tuple[str, str, float] | None:
    """(metric, unit, multiplier) a column counts, from its header."""
    for metric, unit, pattern in _COLUMN_METRIC:
        if not pattern.search(header):
            continue
        if metric in ("assets_recovered", "corruption_cases_registered") and not corruption:
            return None
        if metric == "assets_recovered":
            money = "USD" if re.search(r"USD|\$|dollar", header) else "KZT" if re.search(
                r"tenge|KZT|₸", header, re.IGNORECASE) else None
            if money is None:
                return None
            scale = next((v for p, v in _SCALE_WORDS if p.search(header)), 1.0)
            return metric, money, scale
        return metric, unit, 1.0
    return None


def _row_place(label: str) -> tuple[bool, str | None]:
    """(is a place row, canonical place) of a row label: "Astana city", "Mangystau region",
    "Total" (the whole country)."""
    if not label:
        return False, None
    if _TOTAL_ROW.match(label):
        return True, None
    if re.search(r"\b(?:region|oblast)\b", label, re.IGNORECASE):
        region = canonical_region(label)
        return (True, region) if region else (False, None)
    place = canonical_place(label)
    return (True, place.name) if place else (False, None)


def _cells(line: str) -> list[str]:
    """Cells of a | table row; a Markdown row's outer bars ("| a | b |") open no cell."""
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _is_header(line: str) -> bool:
    """A row of | cells none of which (past the first) is a number: the column names."""
    cells = _cells(line)
    return "|" in line and len(cells) >= 2 and not any(
        _CELL_NUMBER.fullmatch(c) for c in cells[1:]) and any(c for c in cells[1:])


def table_figures(doc: Document, years: dict[int, int]) -> list[Statistic]:
    """Figures of a table printed with | between columns, one row per region or city: each
    cell under a header that names a metric is a figure of that place, for the period its
    caption states ("Table 1. Main indicators by region (January–June 2024)")."""
    text = doc.text
    corruption = bool(_CORRUPTION.search(text))
    out: list[Statistic] = []
    lines = list(re.finditer(r"[^\n]+", text))
    i = 0
    while i < len(lines):
        if not _is_header(lines[i].group()):
            i += 1
            continue
        header = _cells(lines[i].group())
        columns = [_column(h, corruption) for h in header]
        caption = lines[i - 1] if i and "|" not in lines[i - 1].group() else None
        period = None
        if caption is not None:
            period = _period(text, caption.start(), caption.end(), None, years)
            bare = re.findall(rf"\b{_Y}\b", caption.group())
            period = period or (bare[0] if len(set(bare)) == 1 else None)  # "..., 2022"
        j = i + 1
        while j < len(lines) and len(_cells(lines[j].group())) == len(header) \
                and "|" in lines[j].group():
            line = lines[j]
            cells = _cells(line.group())
            is_place, location = _row_place(cells[0])
            for cell, col in zip(cells[1:], columns[1:], strict=False):
                number = _CELL_NUMBER.fullmatch(cell)
                if not (is_place and col and number):
                    continue
                metric, unit, scale = col
                value = float(re.sub(r"[ ,\u00a0]", "", cell)) * scale
                out.append(Statistic(
                    source_name=doc.source_name, **doc.cite(line.start(), line.end()),
                    subject=f"{caption.group().strip() if caption else 'table'}: "
                            f"{cells[0]}", metric=metric, value=value, unit=unit,
                    period=period, location=location))
            j += 1
        i = j
    return out


def _figure(doc: Document, s: int, e: int, num: NumberMatch, years: dict[int, int],
            current_year: int | None,
            last_year: int | None, last_metric: tuple[int, str, str] | None,
            idx: int) -> tuple[str, str, str | None] | None:
    """(metric, unit, period from its own sentence) of a number that states a figure."""
    text = doc.text
    if _in_date(text, s, e, num) or _FOOTNOTE_MARK.search(text, max(s, num.start - 2),
                                                           num.start):
        return None
    after = _clause_after(text, num, e)
    before = text[max(s, num.start - 80):num.start]
    last = last_metric[1:] if last_metric and last_metric[0] >= idx - 1 else None
    # "9 akims, 23 police officers and 31 managers": a list goes on counting the same thing
    listed = bool(last_metric and last_metric[0] == idx and last_metric[2] == "persons"
                  and _LISTED.search(before) and _LIST_HEAD.search(text, s, num.start))
    label = _LABEL.search(text, max(s, text.rfind("\n", 0, num.start) + 1), num.start)
    if label:  # an infobox line: "Deaths: 6"
        found = next(((m, "persons") for m, word in _LABEL_METRIC
                      if word.fullmatch(label.group(1))), None)
    elif _BREAKDOWN.search(text, s, num.start) and find_numbers(
            text, s, text.rfind(":", s, num.start)):
        return None  # "six died: the four shot on 7 March, one ...": parts of the total told
    elif _NUMBER_OF_PARTICIPANTS.search(before):
        found = "participants", "persons"  # "put the number of participants at 25,000"
    else:
        found = _metric(text, num, after, before, text[s:e], last, listed)
    if found is None:
        return None
    metric, unit = found
    if metric in UNREST_METRICS:
        episode = _episode(text[s:e], years)
        if episode:  # "died in the January protests": the episode, not the report's date
            return metric, unit, episode
    period = _period(text, s, e, num, years, last_year, current_year)
    if period and _compared(before, num) and _YEAR_EARLIER.match(text, num.end):
        period = str(int(period[:4]) - 1)  # "1,750 a year earlier" than the 2023 figure
    return metric, unit, period


_LABEL = re.compile(r"^\s*([A-Z][a-z]+)\s*:\s*$", re.MULTILINE)
_LABEL_METRIC = [("killed", rx(r"deaths|killed|dead|fatalities")),
                 ("injured", rx(r"injur(?:ies|ed)|wounded")),
                 ("arrested", rx(r"arrest(?:ed|s)")),
                 ("detained", rx(r"detain(?:ed|ees)|detentions"))]
_BREAKDOWN = rx(r"\b(?:died|killed|dead|injured|wounded|detained|arrested)\b[^.;:]*:[^.;:]*$")
_NUMBER_OF_PARTICIPANTS = rx(r"\bnumber of (?:participants|protesters|demonstrators)\b[^.;]{0,50}"
                             r"\b(?:at|was|reached|exceeded)\s*$")
# "imprisonment;37 he was", "in the country,32 a figure": a footnote number glued to a word
_FOOTNOTE_MARK = re.compile(r"[A-Za-z][,;:.”\"’)]?\Z")
_LISTED = re.compile(r"\d[^\d.;:()]{3,60}?(?:,|\band)\s*$")
# the list is of parts of a whole: "Among those convicted are ...", "including ..."
_LIST_HEAD = rx(r"\b(?:including|among|of whom|of which|of these|of them)\b")


def _in_date(text: str, s: int, e: int, num: NumberMatch) -> bool:
    """True when the number is part of a date ("January 5", "in 2019", "the 2011 protests")."""
    if re.search(r"(?<![\d,.])(?:19|20)\d\d$", num.text) and not re.match(
            r"\s*(?:people|persons|citizens|protesters|participants|detainees|cases)\b",
            text[num.end:num.end + 20]):
        return True
    # "from 11 June": the number reader keeps "from" with the day
    digits = num.start + (m.start() if (m := re.search(r"\d", num.text)) else 0)
    return any(r.start <= digits and num.end <= r.end for r in find_dates(text, s, e))
