"""Figures stated about protests and unrest, and about the fight against corruption.

One row per stated figure: what it counts (metric), its value and unit, the period it refers
to and the place it belongs to (NULL for the whole country). How a number becomes a figure:
- the number is read with kzwatch.text.numbers ("more than a hundred" -> 100); forms around
  it that make it no figure (a duration, an age, an article number, a clock time, "no one",
  an exchange rate) are `form` rules of the pack kzwatch/rules/en/statistics.yaml;
- what it counts comes from the pack's rules, each kind in explicit priority order: a form
  around the number ("Cases against 742 persons were sent to court"), a participle stated of
  the people counted ("37 people accused of ...", "15 of them were sentenced"), the counted
  noun ("412 criminal cases", "190 complaints", "43 offences" in a passage on corruption),
  or the words before ("the death toll at", "police detained", "passed verdicts on");
  a part counts what its whole counted ("including 19 officers", "31 of them in Almaty",
  "2,118 of these investigations"), and so does a gapped list member ("19 offences in
  Shymkent, 17 – in Aktobe region", "Almaty accounts for 2,118, Shymkent for 214") with the
  place of its own conjunct (kzwatch.text.quantities);
- a percentage counts when it is the share or change of such a count ("58% of them", "7%
  fewer than", "(44%, 677 cases)", "0.081% and 0.91% respectively"), not a survey's share
  or an index of assemblies by kind;
- money counts as assets recovered, or as damage done by unrest or by corruption (the whole
  "of which" a part was recovered); a whole of which only the part concerns corruption
  ("out of 2,614,220 appeals, just 2,117 concerned corruption") is not a figure;
- the period is a date of its own sentence (a span inside a year is that year, a quarter is
  "2015-Q3"; a year compared with is not the figure's), an episode it names, the date of the
  whole it is part of, the report's quarter or half-year, "to date" totals as of the report's
  day, or for unrest figures the month of the passage just before;
- tables printed with bars or one cell per line (kzwatch.text.cells) give a figure per cell;
- the same figure (metric, value, unit) repeated in a document is one row, unless it is told
  for two different places ("37 in Almaty and 37 in Karaganda", "24 offences apiece").
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from re import _constants as _sre
from re import _parser

from kzwatch.document import Document
from kzwatch.reference import canonical_region
from kzwatch.rules import rule_pack
from kzwatch.text.cells import cell_tables
from kzwatch.text.coordination import number_list_end, respectively_pairs
from kzwatch.text.daterefs import MONTH_NUMBERS as MONTHS
from kzwatch.text.daterefs import DateRef, date_shapes, month_years
from kzwatch.text.daterefs import find_date_refs as _find_dates
from kzwatch.text.discourse import BACK_REFERENCE, is_source
from kzwatch.text.lexicon import caseless
from kzwatch.text.numbers import NumberMatch, find_numbers
from kzwatch.text.patterns import guarded, has_literal, lowered, pooled_words, rx, word_trie
from kzwatch.text.places import canonical_place, find_places
from kzwatch.text.quantities import gapped, is_change, place_phrase, share_whole
from kzwatch.text.segment import focus_span, is_citation, narrative_sentences
from kzwatch.text.structure import (
    chronology_blocks,
    is_dateline,
    publication_date,
    settlement_entries,
    weekday_dates,
)
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
# What a figure counts is data: the rule pack kzwatch/rules/en/statistics.yaml, each kind
# searched in its rules' priority order (higher first), never in the order of code branches.
_PACK = rule_pack("statistics")
_PARTICIPLE_RULES = _PACK.of_kind("participle")
_PERSONS_NOUN = rx(rf"^\s*(?:[\w-]+ )?{_PERSONS}\b")
# one alternation, in priority order: at one position the higher rule's words win
_PARTICIPLES = "|".join(f"(?P<p{i}>{r.regex.pattern})" for i, r in enumerate(_PARTICIPLE_RULES))
# "37 people accused of ...": a participle right after the counted noun (no verb between)
_REDUCED = rx(rf"^\s*(?:[\w’'-]+ ){{0,3}}?(?:who (?:were |had been |have been )?|that )?"
              rf"(?:{_PARTICIPLES})\b")
# "... were sentenced", "have become subjects of criminal prosecution": the clause's verb
_VERB = rx(rf"\b(?:were|was|have|has|had|are|is|got|became|become)\s+(?:been |become |"
           rf"reportedly |also |later |then |officially )*(?:{_PARTICIPLES})\b")
_NOUN_RULES = _PACK.of_kind("noun")
_INSTANCES = rx(r"^\s*((?:instances|incidents) of) (?:the )?([\w-]+)")
# "1,585 business entities located at 1,940 sites were affected" (damage done in unrest)
_AFFECTED_VERBS = (r"affected|damaged|destroyed|looted|burned|burnt|vandali[sz]ed|raided|"
                   r"ransacked|stormed|seized|set on fire|set alight|carried away|stolen|"
                   r"came under attack|were attacked")
_AFFECTED = rx(rf"^\s*((?:[a-z-]+ )?[a-z-]+s)\b(?=[^.;]{{0,80}}\b(?:{_AFFECTED_VERBS})\b)")
_BEFORE_RULES = _PACK.of_kind("before")


def _before_metric(before: str, verb_only: bool = False) -> str | None:
    """The metric the words right before a number name ("the death toll at", "police
    detained"); `verb_only`: only a verb acting on the people counted."""
    for rule, regex in _PACK.candidates("before", before):  # the rules whose words are there
        if (not verb_only or rule.sets.get("verb")) and regex.search(before):
            return rule.sets["metric"]
    return None


_FORM_RULES = _PACK.of_kind("form")

# How a form rule is asked where the window holds one mark (`_form`'s common case), per
# alternative of its pattern: every match of a form rule holds the mark "#N#", so an
# alternative that opens with it can only match at the mark (`_AT_MARK`: one match() there,
# not a search of the whole window), and one that closes with it, and looks at nothing after
# its own end (no lookaround), can only end right after it (`_TO_MARK`: searched up to there,
# not through the words after the number as well). Any other is searched (`_ANYWHERE`).
_AT_MARK, _TO_MARK, _ANYWHERE = "at", "to", "anywhere"
_MARK_ITEMS = [(_sre.LITERAL, ord(c)) for c in "#N#"]


def _alternatives(source: str) -> list[str]:
    """The top-level alternatives of a pattern's source ("a|(b|c)" -> ["a", "(b|c)"])."""
    out, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            j = i + 1 + (source[i + 1:i + 2] == "^")
            if source[j:j + 1] == "]":
                i = j  # "[]...]", "[^]...]": a "]" right after the opening is a member
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(source[start:i])
            start = i + 1
        i += 1
    out.append(source[start:])
    return out


def _mark_checks(rule) -> tuple[tuple[str, re.Pattern], ...]:
    """(how, pattern) per alternative of a form rule's pattern (see `_AT_MARK`); the rule's
    own pattern searched where its source does not split as its parse does."""
    whole = ((_ANYWHERE, getattr(rule.regex, "regex", rule.regex)),)
    if rule.pattern is None:
        return whole
    source = rule.pattern.replace(" ", r"\s+")  # as the rule compiles it (kzwatch.rules)
    try:
        parsed = _parser.parse(source, re.IGNORECASE).data
        pieces = _alternatives(source)
        branches = parsed[0][1][1] if len(parsed) == 1 and parsed[0][0] is _sre.BRANCH \
            else [parsed]
        if len(branches) != len(pieces):
            return whole
        checks = []
        for piece, branch in zip(pieces, branches, strict=True):
            items = list(_parser.parse(piece, re.IGNORECASE).data)
            if repr(items) != repr(list(branch)):
                return whole  # (a group numbered otherwise, a prefix the parser factored out)
            regex = re.compile(piece, re.IGNORECASE)
            if items[:3] == _MARK_ITEMS:
                checks.append((_AT_MARK, regex))
                continue
            fast = guarded(regex)  # (the first-character lookahead, as the rule has it)
            fast = getattr(fast, "regex", fast)
            # (any lookaround, even one before the mark, might look past it: searched whole)
            closes = items[-3:] == _MARK_ITEMS and not any(
                opening in piece for opening in ("(?=", "(?!", "(?<"))
            checks.append((_TO_MARK if closes else _ANYWHERE, fast))
        return tuple(checks)
    except (re.error, IndexError, TypeError):
        return whole


# per rule, in priority order: how it is asked around the one mark (`_mark_checks`) and the
# words one of which its matches hold (None when it has none, or when one holds the mark,
# always in the window)
_FORM_CHECKS = tuple(
    (rule, _mark_checks(rule),
     None if getattr(rule.regex, "literals", None) is None
     or any("#" in word for word in rule.regex.literals) else rule.regex.literals)
    for rule in _FORM_RULES)


def _form(before: str, after: str):
    """The highest-priority form rule that holds around a number, read over
    "<words before>#N#<words after>", or None."""
    window = f"{before}#N#{after}"
    if "#" in before or "#" in after:  # another mark may be read: every rule searched for
        return next((r for r, regex in _PACK.candidates("form", window)
                     if regex.search(window)), None)
    low = lowered(window)
    mark = len(before)  # where the one mark is
    for rule, checks, words in _FORM_CHECKS:
        if words is not None and low is not None:
            for word in words:
                if word in low:
                    break
            else:
                continue  # none of the words every match holds (what `candidates` leaves out)
        for how, regex in checks:
            if (regex.match(window, mark) if how is _AT_MARK else
                    regex.search(window, 0, mark + 3) if how is _TO_MARK else
                    regex.search(window)):
                return rule
    return None


def _noun_metric(after: str):
    """The noun rule that reads the counted noun right after a number, or None."""
    return next((r for r, regex in _PACK.candidates("noun", after) if regex.match(after)), None)


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
                 r"places?|positions?|km|kilometers|kilometres|-year|-month|th|st|nd|rd|"
                 r"and a half (?:years?|months?))\b|"
                 r"[-–]year|[-–]?(?:th|st|nd|rd)\b)")
 # "all six": those just counted
_KZT = rx(r"^\s*(?:tenge|KZT|₸)")
_USD = rx(r"^\s*(?:US dollars|U\.S\. dollars|dollars|USD)")
_USD_BEFORE = re.compile(r"(?:\$|US\$|USD)\s*$")
_IN_SENTENCE = r"(?:[^.]|\.\d)"  # any character up to the sentence end ("1.2" is no end)
_ASSETS = rx(rf"\b(?:assets|property|funds)\b{_IN_SENTENCE}{{0,200}}\b(?:reclaimed|recovered|"
             rf"returned|confiscated|repatriated|seized)\b|\b(?:reclaimed|recovered|returned|"
             rf"confiscated|repatriated)\b{_IN_SENTENCE}{{0,80}}\b(?:assets|property|funds)\b|"
             rf"\b(?:returned|recovered|reimbursed|repaid)\b{_IN_SENTENCE}{{0,60}}? to the "
             rf"(?:state|budget|treasury)\b|"
             rf"\bdamages?\b{_IN_SENTENCE}{{0,80}}\b(?:compensated|reimbursed|recovered)\b|"
             rf"\b(?:brought|channel+ed|paid|returned) back\b{_IN_SENTENCE}{{0,60}}?\b(?:state|"
             rf"budget|treasury)\b")
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
_MONEY_UNIT = r"(?:tenge|KZT|₸|US dollars|dollars|USD)"
# a sum and its equivalent in another currency: "30 billion tenge (63.4 million US dollars)"
_EQUIVALENT = rx(r"\d\s*(?:billion|million|thousand|bn|mln)?\s*(?:tenge|KZT|₸|US dollars|dollars|"
                 r"USD)\s*(?:\(|,\s*or\b)\s*(?:about |approximately |around |some |roughly )?"
                 r"(?:US\$|\$|USD)?\s*$")
# the words of one defendant's case: its damage belongs to the case, not to a statistic
_ONE_CASE_WORDS = rx(r"\b(?:court|verdict|defendant|accused|convict|he|she|his|her)\b")
_RETURN_VERB = r"(?:compensated|recovered|returned|reimbursed|repaid)"
# "4.1 billion tenge of which has been recovered": the part returned, its whole before it
_PART_RETURNED = rx(rf"^\s*{_MONEY_UNIT}?\s*of (?:which|it|this|that)\b[^.;]{{0,60}}?"
                    rf"\b{_RETURN_VERB}\b")
# "... at 6.3 billion tenge, 4.1 billion tenge of which has been recovered": the whole
_WHOLE_THEN_PART = rx(rf"^\s*{_MONEY_UNIT}?\s*,\s*(?:and |while |of which )?(?:\$\s*)?[\d.,]+\s*"
                      r"(?:billion|million|thousand|bn|mln|bln)?\s*"
                      rf"{_MONEY_UNIT}?\s*(?:of (?:which|it|this|that)\b)?[^.;]{{0,60}}?"
                      rf"\b{_RETURN_VERB}\b")
_RETURNED_AFTER = rx(r"^[^.;]{0,40}?\b(?:compensated|recovered|returned|reimbursed|repaid)\b")
_DAMAGE_COMPENSATED = rx(rf"\bdamages?\b{_IN_SENTENCE}{{0,80}}\b(?:compensated|reimbursed)\b")
# "amounted to a further 97.4 billion": a sum told apart from the assets just reported
_FURTHER = rx(r"\b(?:a further|an additional|in addition|additionally)\b")
_INCLUDING = rx(r"\b(?:including|among them|of whom|of which|(?:of|among) (?:them|these|those)"
                r"(?: (?:convicted|detained|arrested|accused|charged|sentenced|prosecuted))?"
                r"(?: (?:are|were|was|is))?),?\s*(?:(?:a mere|just|only|some|about) )?$")
# "out of 2,614,220 appeals filed, just 2,117 concerned corruption": the part of that whole
_PART_AFTER_WHOLE = rx(r"\bout of [\d,. ]+[^.;\d]{0,80}?,\s*(?:(?:just|only|a mere|some|about) )?$")
# the whole a part is told of: "out of N ..., M ..." or "N ..., of which M ..."
_WHOLE_THEN_SHARE = rx(r"[^.;\d]{0,80}?,\s*(?:of which|of whom)?\s*(?:(?:just|only|a mere|some|"
                       r"about) )?(?=\d)")
_OUT_OF_BEFORE = rx(r"\bout of\s*$")
_EPISODE = rx(rf"\b(?:the )?(?P<mon>{'|'.join(MONTHS)})(?:\s+(?P<year>(?:19|20)\d\d))?[\s-]+"
              r"(?:events|protests|unrest|riots|tragedy|crisis|uprising)\b"
              r"(?: (?:of|in) (?P<year2>(?:19|20)\d\d)\b)?")
_ORG = guarded(re.compile(
    r"\b((?:[A-Z][\w’'-]+ ){0,5}(?:Agency|Office|Ministry|Court|Committee|Service|Bureau|"
    r"Coalition|Council|Department|Project)(?: (?:of|for|against) (?:[A-Z][\w’'-]+ ?){1,4})?)"
    r"|\b(ACLED|KIBHR)\b"))

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


# compiled once: these run for every number (a pattern string is looked up in re's cache
# at each call)
_CLAUSE_END = re.compile(r";|\.(?:\s|$)|\(")
_PERCENT_NEXT = re.compile(r"\s*(?:%|percent|per cent)", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_OF_NEXT = re.compile(r"\s*(?:out )?of\b", re.IGNORECASE)
_OF_THEM_NEXT = re.compile(rf"\s*(?:out of \S+|of (?:them|those|whom|these|the {_PERSONS}))",
                           re.IGNORECASE)
_YEAR_AT_END = re.compile(r"(?<![\d,.])(?:19|20)\d\d$")
_COUNTED_PEOPLE_NEXT = re.compile(
    r"\s*(?:people|persons|citizens|protesters|participants|detainees|cases)\b")
# (and these, written inline before: a pattern string is formatted and looked up in re's
# cache at each call, and compiled in the first document that needs it, not at import)
_CONJUNCTION = re.compile(r"\b(?:and|but|while|which|when|who)\b")
_CONJUNCTION_LAST = re.compile(r"\b(?:and|but|while|which|when)\b\s*\S*\s*$")
_LINE = re.compile(r"[^\n]+")
_SPAN_GAP = re.compile(r"\s*(?:and|to|till|until|through|[-–—])\s*(?:the\s+)?", re.IGNORECASE)
_AND = re.compile(r"\band\b")
_DASH_OR_TO = re.compile(r"[-–]|\bto\b")
_TO_OR_DASH = re.compile(r"\bto\b|[-–]")
_MONTH_OR_DAY = re.compile(r"\d{4}-\d\d(?:-\d\d)?")
_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_FOUR_DIGITS = re.compile(r"\d{4}")
_LEADING_THE = re.compile(r"^(?:The|the)\s+")
_REGION_WORD = re.compile(r"\b(?:region|oblast)\b", re.IGNORECASE)
_DIGIT_OR_COMMA = re.compile(r"\d|,")
_OF_WHICH = re.compile(r"\bof (?:which|whom)\b")
_PART_CUT = re.compile(r"[,;](?!\d)|\.(?:\s|$)")
_ELLIPTIC_PART = re.compile(r"[\d,. ]+\s+(?:did|were|was|had|do)\s*")
_LABEL_LINE = re.compile(r"(?m)^\s*([A-Z][a-z]+)\s*:\s*([\d,]+)\b")
_DOLLAR = re.compile(r"USD|\$|dollar")
_TENGE = re.compile(r"tenge|KZT|₸", re.IGNORECASE)
_CELL_GAPS = re.compile(r"[ ,\u00a0]")
_CASES_WORD = re.compile(r"\bcases\b", re.IGNORECASE)
_CLAUSE_ENDS_NEXT = re.compile(r"\s*(?:[.;]|$)")


def _clause_after(text: str, num: NumberMatch, limit: int) -> str:
    """Words after a number up to the next number or clause end (";", sentence end)."""
    end = min(limit, num.end + 120)
    chunk = text[num.end:end]
    cut = _CLAUSE_END.search(chunk)
    return chunk[:cut.start()] if cut else chunk


# "sentenced 87 of those detained to administrative arrest": an arrest, not a conviction
_TO_ARREST = rx(r"^[^.;]{0,60}?\bto (?:an? )?(?:administrative )?arrest\b")
# "sent 61 corruption cases to court": a later stage than the registration of an offence
_TO_COURT = rx(r"^[^.;\d]{0,60}?\b(?:sent|referred|transferred|submitted|forwarded) to "
               r"(?:the )?courts?\b")
_SENT_BEFORE_CUSTODY = rx(r"\b(?:sent|remanded|placed|ordered)\s*$")
_TO_CUSTODY = rx(r"^(?:\s+(?:of them|of those|people|persons|suspects|defendants|activists))?\s+"
                 r"(?:in|to|into) (?:pre-?trial detention|custody)\b")
_CASES_ON_BEFORE = rx(r"\bcriminal cases (?:on|for|concerning|into)\s*$")
_SENT_BEFORE = rx(r"\b(?:sent|referred|transferred|submitted|forwarded)\s*$")
# "counted more than 300 refusals", "34 labour conflicts were registered": a tally of things
_TALLY_BEFORE = rx(r"\b(?:counted|recorded|registered|documented|received)\s*$")
_TALLY_AFTER = rx(r"^\s*(?:[a-z-]+ )?[a-z-]+s\b[^.;,]{0,30}?\b(?:were|have been|had been) "
                  r"(?:registered|recorded|documented|counted)\b")
_TALLY_NOUN = rx(r"^\s*((?:(?!of\b|in\b|at\b|were\b)[a-z-]+ )?[a-z-]+s)\b")


# a decision on part of the requests: "refused 58 of the 141 notifications submitted"
_DECISION = (r"(?:refused|rejected|denied|turned down|approved|granted|satisfied|upheld|allowed|"
             r"authori[sz]ed|permitted|banned)")
_DECIDED_BEFORE = rx(rf"\b{_DECISION}\s*(?:only |just )?$")
# "Only 3 of the 39 assemblies had been authorised": the decision told after the part
_DECIDED_AFTER = rx(rf"^\s*(?:out )?of (?:the )?[\d,]+ (?:[a-z-]+ )?[a-z-]+s\b[^.;]{{0,30}}?"
                    rf"\b(?:were|was|had been|have been) (?:\w+ )?{_DECISION}\b")
_DECIDED_PART_BEFORE = rx(rf"\b{_DECISION} (?:only )?[\d,]+ (?:out )?of (?:the )?$")
_PART_OF = rx(r"^\s*(?:out )?of (?:the )?[\d,]+ ((?:[a-z-]+ )?[a-z-]+s)\b")


def _metric(text: str, num: NumberMatch, after: str, before: str, sentence: str,
            last: tuple[str, str] | None, listed: bool = False,
            corruption: bool = False, unrest: bool = False) -> tuple[str, str] | None:
    """(metric, unit) of the figure a number states, or None when it is not one.
    `corruption` / `unrest`: the passage is about the fight against corruption / unrest."""
    # (the anchored match after the number first: it fails at once on most numbers, where the
    # search of the words before tries every position)
    if _TO_CUSTODY.match(after) and _SENT_BEFORE_CUSTODY.search(before):
        return "arrested", "persons"  # "the court sent nine of them to pre-trial detention"
    found = _metric_of(text, num, after, before, sentence, last, listed, corruption, unrest)
    if found and found[0] == "participants" and not (unrest or _UNREST.search(sentence)):
        return None  # "8,000 people took part in the survey"
    if found and found[0] == "convictions" and _TO_ARREST.match(after):
        return "arrested", "persons"
    if found and found[0] == "corruption_cases_registered" and (
            _TO_COURT.match(after) or _SENT_BEFORE.search(before)):
        if _CASES_ON_BEFORE.search(before):
            return "criminal_cases", "cases"  # "criminal cases on 912 offences went to court"
        return "other", found[1]
    return found





_SURVEY = rx(r"\b(?:respondents|surveyed|polled|survey|poll|interviewees|questionnaire)\b")
# "52 per cent of the assemblies ... as political": the shares of an assemblies index
_ASSEMBLY_WHOLE = rx(r"\b(?:assemblies|rallies|protests|demonstrations|pickets)\b")
_ASSEMBLY_KIND = rx(r"\b(?:political|economic|social)\b")
# the whole of a share that is a count of the fight against corruption or of repression
_JUSTICE_WHOLE = rx(r"^(?:all |the |those |these )?(?:total|them|those|these|whom|which|"
                    r"(?:[\w-]+ ){0,2}?(?:convictions|convicted|convicts|offen[cs]es|crimes|"
                    r"cases|detainees|detained|arrested|accused|defendants|prosecuted|appeals|"
                    r"complaints|suspects|investigations))\b")
_JUSTICE_NOUN = rx(r"\b(?:convictions|convicted|offen[cs]es|crimes|cases|detained|detentions|"
                   r"arrests|arrested|prosecuted|charged|appeals|complaints|investigations)\b")
# "in 52% of cases the initiative comes from an official": how often, not a count's share
_FREQUENCY = rx(r"\bin (?:about |some |around |nearly )?$")
_RESPECTIVELY = rx(r"\brespectively\b|\b(?:amounts?|amounted|comes?|came) to\s*$")
# "(44%, 677 cases)": a share printed beside the count it is the share of
_BESIDE_COUNT = rx(r"^\s*(?:%|percent|per cent)\s*[,;]\s*[\d,]+ [a-z]")


# a percentage coordinated with one before it in the clause: the same kind of share
_PERCENT_LIST = rx(r"\d\s*(?:%|percent|per cent)[^.;%]{0,80}?(?:,|\band|\bwhile|\bor)\s+"
                   r"(?:(?:about|around|some|roughly|nearly|almost|only|just) )?$")
# a national count of assemblies held is the indicator peaceful_assemblies, not a statistic
_ASSEMBLY_TALLY = rx(r"\bassembl(?:y|ies)$")


def _percent_metric(text: str, num: NumberMatch, after: str, before: str, sentence: str,
                    last: tuple[str, str] | None, corruption: bool,
                    coordinated: bool = True) -> tuple[str, str] | None:
    """A percentage is a figure (metric other, unit percent) when it is the share or change of
    a count of the fight against corruption or of repression; a share of surveyed people or
    of assemblies by kind (an index) is not."""
    if _SHARE_OF_OFFENCES.match(after) or _SHARE_ELLIPSIS.search(before):
        return "other", "percent"  # "bribery accounted for 41% of registered offences"
    whole = share_whole(text, num.end)
    if whole and _ASSEMBLY_WHOLE.search(whole):
        if _SHARE_BEFORE.search(before) or _ASSEMBLY_KIND.search(sentence):
            return None  # "61 percent of the rallies raised economic demands": an indicator
        return "other", "percent"  # "95% of the demonstrations were peaceful"
    if _SURVEY.search(sentence) or (_FREQUENCY.search(before) and whole and
                                    whole.split()[0] == "cases"):
        return None
    if _PERCENT_OF.match(after) or (whole and _JUSTICE_WHOLE.match(whole) and whole not in (
            "them", "those", "these", "whom", "which", "total")):
        return "other", "percent"  # "75% of all convictions"
    if last is None and not corruption:
        return None
    if coordinated and _PERCENT_LIST.search(before):
        # "58% of them worked in ministries and roughly 21% in ...": a share like the one
        # before it, when that one is a figure
        prior = [n for n in find_numbers(text, num.start - len(before), num.start)
                 if _PERCENT_NEXT.match(text[n.end:n.end + 9])]
        if prior and _percent_metric(text, prior[-1], text[prior[-1].end:num.start],
                                     text[max(0, prior[-1].start - 80):prior[-1].start],
                                     sentence, last, corruption, coordinated=False):
            return "other", "percent"
    change = is_change(text, num.start, num.end) and bool(_JUSTICE_NOUN.search(sentence))
    if (whole and _JUSTICE_WHOLE.match(whole)) or change or _BESIDE_COUNT.match(after) or \
            _RESPECTIVELY.search(sentence):
        return "other", "percent"  # "58% of them", "7% fewer than", "(44%, 677 cases)"
    return None


# "courts fined 340 of them": the object of a verb whose metric no rule names
_VERB_RIGHT_BEFORE = rx(r"\b[a-z]+(?:ed|ught|ound)\s*$")
_APPEAL_NOUN = rx(r"\b(?:appeals|complaints|petitions)\b")
# "238 people, including 19 officers, were killed": a part inserted before the verb
_INSERTED_PART = rx(rf"^\s*(?:[\w-]+ )?{_PERSONS}\s*,\s*(?:including|among them|of whom)\b"
                    r"[^.;]{1,80}?,\s*")
# "set fire to 6 houses and 11 cars": things damaged in unrest, counted by their noun
_DAMAGED_BEFORE = rx(r"\b(?:set fire to|set on fire|burned|burnt|torched|destroyed|damaged|looted|"
                     r"ransacked|smashed|vandali[sz]ed)\s+(?:(?:about|some|over|more than)\s+)?"
                     r"(?:[\d,]+\s+(?:[\w-]+\s+){0,2}?[\w-]+s\s*(?:,|and)\s*)*$")
_OF_WHOLE = rx(r"^\s*(?:out )?of (?:the |all |its |their )?(?:[\w-]+['’]s )?")
# "31 of them in Almaty", "2,118 of these investigations, ...": a part, no verb of its own
_OF_THESE_BARE = rx(r"^\s*of (?:them|these|those)(?: [\w-]+){0,6}?\s*(?:[,;.)]|$|in\b|from\b|"
                    r"at\b|and\b|were\b|are\b|had\b|have\b)")




def _metric_of(text: str, num: NumberMatch, after: str, before: str, sentence: str,
               last: tuple[str, str] | None, listed: bool = False,
               corruption: bool = False, unrest: bool = False) -> tuple[str, str] | None:
    """(metric, unit) of a number from the words around it. The vocabularies are the rule
    pack's; what is left here is the order of the kinds of evidence, most specific first:
    1. `form` rules over "<before>#N#<after>" (highest priority first): no figure, or fixed;
    2. a sum of money (its currency after or before it), then a percentage;
    3. "N of them / of the ..." parts: the verb acting on them, else their whole's noun;
    4. `participle` rules right after the counted noun, then `noun` rules (priority order);
    5. tallies of things affected in unrest, the clause's verb, then `before` rules;
    6. what the figure before counted, for a part ("including"), a comparison ("up from") or
       a gapped list member; 7. a tally noun after "recorded" / "registered".
    A stage answers only where the ones above it are silent."""
    if num.qualifier == "range":
        return None
    form = _form(before, after)
    if form is not None:  # a duration, an age, an exchange rate; "Cases against N persons ..."
        return None if form.sets.get("skip") else (form.sets["metric"], form.sets["unit"])
    # "of the 9.8 billion tenge in damage, 6.1 billion has been recovered": the same currency
    carried = _CARRIED.search(before) if _SCALED.search(num.text) else None
    if _KZT.match(after) or _USD.match(after) or _USD_BEFORE.search(before) or carried:
        unit = "KZT" if _KZT.match(after) else "USD" if (
            _USD.match(after) or _USD_BEFORE.search(before)) else (
            "KZT" if _KZT.match(carried.group(1)) else "USD")
        if _CASE_MONEY.search(sentence) or _ONE_CASE_BEFORE.search(before):
            return None  # a sum of one defendant's case (case_mentions), not a figure
        if last and last[1] in ("KZT", "USD") and _EQUIVALENT.search(before):
            return last[0], unit  # "83 million tenge (US$180,000)": the same sum in dollars
        if _PART_RETURNED.match(after):
            return "assets_recovered", unit  # "4.1 billion tenge of which has been recovered"
        if _DAMAGE.search(sentence) and _WHOLE_THEN_PART.match(after):
            return "other", unit  # "the damage came to 38.2 billion, and 31.7 billion of it ..."
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
                _UNREST.search(sentence) or _ALL_OFFENCES.search(sentence) or (
                    corruption and not _ONE_CASE_WORDS.search(sentence))):
            return "other", unit  # the damage done by the unrest or by corruption
        return None
    if _PERCENT_NEXT.match(after):
        return _percent_metric(text, num, after, before, sentence, last, corruption)
    if not num.is_integer:
        return None
    nxt = _DIGIT.search(after)
    local = after[:nxt.start()] if nxt else after
    part = _PART_OF.match(after)
    if part and (_DECIDED_BEFORE.search(before) or _DECIDED_AFTER.match(after)):
        return "other", " ".join(part.group(1).split())  # "refused 58 of the 141 notifications"
    whole = _TALLY_NOUN.match(after)
    if whole and _DECIDED_PART_BEFORE.search(before) and not _PERSONS_NOUN.match(after):
        return "other", " ".join(whole.group(1).split())  # "... of the 141 notifications"
    if _OF_NEXT.match(local):
        # "15 of them have been sentenced", "13 out of 37 accused were sentenced"
        if not _OF_THEM_NEXT.match(after):
            # "129 of the quarter's offences": a part of a whole its noun names
            whole = _OF_WHOLE.match(after)
            noun = _noun_metric(after[whole.end():]) if whole else None
            if noun is not None and not (noun.sets.get("context") == "corruption"
                                         and not corruption):
                return noun.sets["metric"], noun.sets["unit"]
            if last and num.value > 1 and _OF_THESE_BARE.match(after) and \
                    not _VERB_RIGHT_BEFORE.search(before):
                return last  # "2,118 of these investigations": a part of what was just counted
            return None
        # "police detained 14 of them, and most were sentenced": the verb right before first
        acted = _before_metric(before, verb_only=True)
        if acted:
            return acted, "persons"
        m = _VERB.search(after)
        if m:
            return _from_participle(m), "persons"
        named = _before_metric(before)  # "police detained five of them"
        if named:
            return named, "persons"
        if last and num.value > 1 and _OF_THESE_BARE.match(after) and \
                not _VERB_RIGHT_BEFORE.search(before) and last[1] not in ("KZT", "USD"):
            return last  # "detained 52 people, 31 of them in Almaty": a part of the figure before
        return None
    m = _REDUCED.match(local)
    if m:
        return _from_participle(m), "persons"
    inserted = _INSERTED_PART.match(after)
    if inserted and (m := _REDUCED.match(" people " + after[inserted.end():])):
        # "238 people, including 19 officers, were killed": the verb past the inserted part
        return _from_participle(m), "persons"
    if _DAMAGED_BEFORE.search(before) and (unrest or _UNREST.search(sentence)) and \
            (thing := _TALLY_NOUN.match(after)) and not _PERSONS_NOUN.match(after):
        return "other", " ".join(thing.group(1).split())  # "set fire to 6 houses and 11 cars"
    noun = _noun_metric(after)
    if noun is not None:
        metric, unit = noun.sets["metric"], noun.sets["unit"]
        if noun.sets.get("context") == "corruption" and not corruption:
            return None  # "41,806 criminal offences in total": crime at large, not ours
        if metric == "participants":
            acted_on = _before_metric(before)
            if acted_on:
                return acted_on, "persons"  # "police detained 40 protesters"
            verb = _VERB.search(local)
            if verb and not _CONJUNCTION.search(local[:verb.start()]):
                return _from_participle(verb), "persons"  # "58 rioters were detained"
            if not _UNREST.search(sentence):
                return None  # "Of the 124 participants" of a survey
        if metric == "appeals":
            unit = _APPEAL_NOUN.search(after[:noun.regex.match(after).end()]).group().lower()
        if metric == "corruption_cases_registered" and _OFFENCES.match(after):
            return metric, "offences"  # the noun counted: "812 criminal offences"
        return metric, unit
    m = _INSTANCES.match(after)
    if m:
        return "other", f"{' '.join(m.group(1).split())} {m.group(2)}"
    if _VOLUNTEER_CONTEXT.search(sentence) and _PARTICIPATING.match(after):
        return "volunteers", "persons"
    m = _AFFECTED.match(after)
    if m and (unrest or _UNREST.search(sentence)) and not _PERSONS_NOUN.match(after):
        return "other", m.group(1)
    m = _VERB.search(local)
    if m and not _CONJUNCTION_LAST.search(local[:m.start()]):
        return _from_participle(m), "persons"
    named = _before_metric(before)
    if named:
        return named, "persons"
    if last and (_INCLUDING.search(before) or _compared(before, num) or listed
                 or _PART_AFTER_WHOLE.search(before)):
        # "including 19 officers", "up from", "of which 15": what the figure before counted
        unit = last[1] if last[0] in ("other", "appeals") or last[1] == "offences" \
            else _DEFAULT_UNIT.get(last[0], "persons")
        own = _TALLY_NOUN.match(after)
        if last[0] == "other" and own and not _PERSONS_NOUN.match(after) and \
                last[1] not in ("KZT", "USD", "percent"):
            unit = " ".join(own.group(1).split())  # "25 police facilities": its own noun
        return last[0], unit
    tally = _TALLY_NOUN.match(after)
    if tally and (_TALLY_BEFORE.search(before) or _TALLY_AFTER.match(after)) \
            and not _PERSONS_NOUN.match(after):
        return "other", " ".join(tally.group(1).split())
    return None


def _from_participle(m: re.Match) -> str:
    for name, value in m.groupdict().items():
        if value is not None and name[0] == "p" and name[1:].isdigit():
            return _PARTICIPLE_RULES[int(name[1:])].sets["metric"]
    return "other"


def _episode(text: str, years: dict[int, int]) -> str | None:
    """"the January events" / "the December 2011 protests" -> that month."""
    return _episode_month(_EPISODE.search(text), years)


def _episode_month(m: re.Match | None, years: dict[int, int]) -> str | None:
    """`_episode` from the `_EPISODE` match (a sentence is searched for it once)."""
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
_YEAR_DIGITS = re.compile(_Y)  # what every match of _HALF and _SAME_PERIOD holds
# and one of these, case aside ("half", January, July, "H1", "H2"): its words are too short
# for `rx` to filter on, and it is tried at nearly every letter of a text where none is there
_HALF_WORDS = ("half", "jan", "jul", "h1", "h2")


def _may_half(text: str, s: int = 0, e: int | None = None) -> bool:
    """Whether `_HALF` may match in text[s:e]: false where none of `_HALF_WORDS` is there."""
    low = lowered(text)
    return low is None or has_literal(_HALF_WORDS, low, s, len(text) if e is None else e)


_BARE_YEAR = re.compile(rf"\b{_Y}\b")
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
    m = _HALF.search(text) if _may_half(text) else None
    return _half_of(m) if m else None


# "Anti-Corruption Agency: results of 2024", "ANNUAL REVIEW 2023", "RESULTS ... FOR THE FIRST
# HALF OF 2024": a heading naming the period the figures under it report
_HEADING_PERIOD = rx(rf"\b(?:results|review|report|summary|overview|statistics|indicators)\b"
                     rf"[^\n.!?]{{0,60}}?\b(?P<y>{_Y})\b")


# compiled once: asked of every line of a document
_HEAD_PROSE = re.compile(r"[.!?;,]$|[.!?] [A-Z]")
_ENDS_SENTENCE = re.compile(r"[.!?:\"”)]$|^$")


@lru_cache(maxsize=8)
def _section_periods(text: str) -> tuple[tuple[int, str], ...]:
    """(start, period) of the headings that state a reporting period, in order. A heading is a
    short line of its own, after a line that ends a sentence (not a wrapped line of prose)."""
    out = []
    # `prev`: the last line with text before this one, right-stripped, which is how all the
    # text before it ends (copying that text for every line was quadratic in a long document)
    last = ""
    for line in _LINE.finditer(text):
        head = line.group().strip()
        prev, last = last, line.group().rstrip() or last
        # "INFORMATION NOTE / on the results of ... 2024": a title wrapped under a capital line
        titled = prev.strip().isupper()
        if len(head) > 120 or _HEAD_PROSE.search(head) or (
                not titled and (not head[:1].isupper() or (
                    prev and not _ENDS_SENTENCE.search(prev[-1:])))):
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
    if not _YEAR_DIGITS.search(text, s, e):
        return []  # both patterns need a year: a sentence without one (most) is not searched
    out = [(m.start(), m.end(), _half_of(m)) for m in _HALF.finditer(text, s, e)] \
        if _may_half(text, s, e) else []
    same = list(_SAME_PERIOD.finditer(text, s, e))
    # the report's half-year (a search of the whole text) only for a sentence that needs it
    report = _report_half(text) if same else None
    if report:
        out += [(m.start(), m.end(), f"{m.group('y')}{report[4:]}") for m in same]
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
    if _may_report_period(text, s, e) and _REPORT_PERIOD.search(text, s, e):
        return _report_half(text)
    return None


# one of which every match of _REPORT_PERIOD holds ("the reporting period", "six months",
# "the first half of the year"): more telling than the words its prefilter picks ("first")
_REPORT_WORDS = ("reporting", "months", "half")


@lru_cache(maxsize=8)
def _report_words(text: str) -> tuple[tuple[int, int], ...] | None:
    """(start, end) of every one of `_REPORT_WORDS` in the text, in order; None where its lower
    case cannot be trusted. Found once per text: `_half_period` asks each of its sentences.
    A text `lowered` does not trust for holding a dotless "ı" or a long "ſ" (which the
    pattern reads as "i" and "s") is looked at with those read so (the words are ASCII)."""
    low = lowered(text)
    if low is None:
        low = text.lower()
        if len(low) != len(text):
            return None  # ("İ": every position after it shifted)
        low = low.replace("\u0131", "i").replace("\u017f", "s")
    found = []
    for word in _REPORT_WORDS:
        at = low.find(word)
        while at != -1:
            found.append((at, at + len(word)))
            at = low.find(word, at + 1)
    return tuple(sorted(found))


def _may_report_period(text: str, s: int, e: int) -> bool:
    """Whether `_REPORT_PERIOD` may match in text[s:e]: false where none of `_REPORT_WORDS`
    lies wholly in the span (a sentence has none of them, most often)."""
    found = _report_words(text)
    if found is None:
        return True
    k = bisect_left(found, (s, -1))
    while k < len(found) and found[k][0] < e:
        if found[k][1] <= e:
            return True
        k += 1
    return False


_COMPARED_REF = rx(r"\b(?:than|compared (?:with|to)|up from|down from|versus|vs\.?) (?:in |during |"
                   r"the same (?:period|months?|quarter) (?:of|in) )?$")
_RIGHT_AFTER = re.compile(r"\s*(?:in|during|for)\s+", re.IGNORECASE)
_YEAR_TO_DATE = rx(r"\b(?:since the (?:beginning|start) of (?:the|this) year|so far this year|"
                   r"year to date)\b")
_SINCE = re.compile(r"\bsince\s+(?:the\s+(?:beginning|start)\s+of\s+)?$", re.IGNORECASE)


_QUARTER = rx(rf"\b(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th) quarter of (?:the year )?"
              rf"(?P<y>{_Y})\b|\bQ(?P<q>[1-4]),? (?P<y2>{_Y})\b|"
              rf"\b(?P<y3>{_Y})[- ]?Q(?P<q2>[1-4])\b")
_ORDINAL_QUARTER = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                    "fourth": 4, "4th": 4}
# "between 1 July and 30 September 2021", "from January to November 2021", "January-June"
_SPAN_LEAD = re.compile(r"\b(?:between|from)\s+(?:the\s+)?$", re.IGNORECASE)


def _quarter_of(m: re.Match) -> str:
    if m.group("y"):
        return f"{m.group('y')}-Q{_ORDINAL_QUARTER[caseless(m.group('ord'))]}"
    return f"{m.group('y2') or m.group('y3')}-Q{m.group('q') or m.group('q2')}"


def _within_year(text: str, refs: list[DateRef]) -> str | None:
    """The year of a span of months or days inside one year ("between January and November
    2021" -> "2021"): two dates joined by "and"/"to"/a dash after "between"/"from", the
    second with the year, the first with none or the same one."""
    for a, b in zip(refs, refs[1:], strict=False):
        if not (a.month and b.month and b.year and a.month < b.month):
            continue
        if a.year not in (None, b.year):
            continue
        gap = text[a.end:b.start]
        lead = text[max(0, a.start - 20):a.start]
        if len(gap) <= 12 and _SPAN_GAP.fullmatch(gap) and (
                _SPAN_LEAD.search(lead) or not _AND.search(gap)):
            return str(b.year)
    return None


def _period(text: str, s: int, e: int, num: NumberMatch | None, years: dict[int, int],
            fallback_year: int | None = None, current_year: int | None = None) -> str | None:
    """The date a figure refers to, as written in its own sentence (nearest to the number).

    A month without a year takes the year the document pairs with that month, else the last
    year the text stated (`fallback_year`). "since January" counts the year to date: the year,
    of the report (`current_year`, its dateline) when none is written.
    """
    if num is not None:
        cells = text.rfind("|\n", s, num.start)
        if cells != -1:
            s = cells + 2  # a sentence run on from table cells starts after the last cell
    half = _half_period(text, s, e, num)
    if half:
        return half
    refs = [r for r in find_dates(text, s, e)
            if num is None or not (r.start < num.end and num.start < r.end)]
    if num is not None and refs:
        # "1,538 offences, 9 percent fewer than in 2019": the year compared with is not the
        # figure's own (unless written right after the number: "up from 455 in 2023")
        own = [r for r in refs if not _COMPARED_REF.search(text, max(s, r.start - 40), r.start)
               or (r.start >= num.end and _RIGHT_AFTER.fullmatch(text, num.end, r.start))]
        if not own:
            return None
        refs = own
    if not refs and current_year is None:
        return None  # no date, and no report's year for "since the beginning of the year"
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
    # (every match holds a "q", "quarter" or "Q3", which no other character matches case
    # aside: a sentence without one, most, is not searched; the pattern has no prefilter)
    quarter = _QUARTER.search(text, s, e) if text.find("q", s, e) != -1 or \
        text.find("Q", s, e) != -1 else None
    if quarter:
        return _quarter_of(quarter)  # "in the third quarter of 2015": 2015-Q3
    within = _within_year(text, refs)
    if within:
        return within  # "between 1 July and 30 September 2021": a span within that year
    days = [r for r in refs if r.day]
    if len(days) >= 2 and len({r.month for r in days}) > 1 and _DASH_OR_TO.search(
            text[days[0].end:days[1].start]):
        year = days[0].year or years.get(days[0].month, fallback_year)
        return str(year) if year else None  # "October 29 - November 6": a span within a year
    if len(refs) >= 2 and refs[0].year and refs[1].year and refs[0].month is None and \
            refs[1].month is not None and _TO_OR_DASH.search(
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
    if _CORRUPTION.search(sentence) or metric in CORRUPTION_METRICS:
        base = _org_name(org) if org else "fight against corruption"
        what = metric.replace("_", " ")
        return f"{base}: {what} in {location}" if location else f"{base}: {what}"
    if metric in UNREST_METRICS or _UNREST.search(sentence):
        base = "unrest"
        if period and _MONTH_OR_DAY.fullmatch(period):
            base = f"{_month_name(period)} unrest"
        if location:
            base = f"{location} {base}"
        return f"{base} ({_org_name(org)})" if org else base
    if org:
        return _org_name(org)
    return metric.replace("_", " ")


def _org_name(m: re.Match) -> str:
    return _LEADING_THE.sub("", m.group(0).strip())


def _month_name(period: str) -> str:
    month = int(period[5:7])
    name = next(k for k, v in MONTHS.items() if v == month)
    return f"{name} {period[:4]}"


_NATIONAL_CUE = rx(r"\b(?:in the country|across the country|throughout the country|nationwide|"
                  r"(?:in|across|throughout|all over) Kazakhstan|in all regions|official figures|"
                  r"in total|overall)\b")
_SEVERAL_DAYS = rx(r"\b(?:over|in|during|within|for|across) (?:the )?(?:past |last |first )?"
                  r"(?:two|three|four|five|six|seven|several|[2-9]|1\d) days\b")
_CONTEXT_SENTENCES = 4  # how far back a figure without its own date looks for one
# a dateline from which every weekday of the week before is a `date` (`weekday_dates`)
_WEEKDAY_SAFE = date(1, 1, 7)


# "Of these, 118 ...", "Among those convicted are 9 ...": the figures of the sentence before
_CONTINUES = rx(r"\s*(?:of (?:these|them|those|whom)|among (?:them|these|those))\b")


class _Context:
    """When a sentence is set (its own date or the episode it names). `period` is worked out
    on first use when given as a function (`_Reader.read`): most sentences are never asked."""
    __slots__ = ("index", "_period", "_find")

    def __init__(self, index: int, period: str | None = None, find=None) -> None:
        self.index = index
        self._period = period
        self._find = find  # the function that gives the period, until it has been asked

    @property
    def period(self) -> str | None:
        if self._find is not None:
            self._period, self._find = self._find(), None
        return self._period

    def __repr__(self) -> str:
        return f"_Context(index={self.index!r}, period={self.period!r})"


# What a sentence is about, asked of (sentence, whether it names an episode of unrest): its
# figures are read where one of the last six is about the topic; a figure is one of the fight
# against corruption, or of unrest, where one of the last three is about that.
def _about_topic(sentence: str, episode: bool) -> bool:
    return bool(episode or _TOPIC.search(sentence) or _ASSETS.search(sentence))


def _about_corruption(sentence: str, episode: bool) -> bool:
    return _CORRUPTION.search(sentence) is not None


def _about_unrest(sentence: str, episode: bool) -> bool:
    return bool(episode or _UNREST.search(sentence) or _UNREST_CONTEXT.search(sentence))


_QUESTIONS = {"topic": _about_topic, "corruption": _about_corruption,
              "unrest": _about_unrest}


def _inherits_period(metric: str, unit: str) -> bool:
    """Unrest counts and tallies of an operation take the date of the passage they follow;
    trial outcomes, appeals and the like are dated only by their own sentence."""
    return metric in UNREST_METRICS or metric == "violations" or (
        metric == "other" and unit != "persons")


def _as_month(period: str | None, metric: str) -> str | None:
    if period and metric in UNREST_METRICS and _DAY.fullmatch(period):
        return period[:7]  # "16 killed" after "the protests ended on December 16": the month
    return period


_NEXT_DAY = rx(r"\bthe (?:following|next) day\b")


def _next_day(sentence: str, before: list[_Context]) -> str | None:
    """"The following day, 30 people gathered": the day after the last one told."""
    if not _NEXT_DAY.search(sentence):
        return None
    last = next((c.period for c in reversed(before) if c.period), None)
    if last is None or not _DAY.fullmatch(last):
        return None
    return (date.fromisoformat(last) + timedelta(days=1)).isoformat()


_REGION_NAMED = re.compile(r"\b[A-Z][\w-]+(?: [A-Z][\w-]+)? (?:[Rr]egion|[Oo]blast)\b")
_REGION_SCOPE = rx(r"\bin the (?:region|oblast)\b|\b(?:department|office|division) (?:for|of|in) "
                   r"(?:the )?[A-Z][\w-]+(?: [A-Z][\w-]+)? (?:region|oblast)\b")


_PLACE_BEFORE_GAP = guarded(re.compile(
                               r"(?:^[\s\-–•*]*|[,;]\s+|\band\s+|\bwhile\s+)(?P<name>[A-Z][\w'-]*"
                               r"(?:[ -][A-Z][\w'-]*){0,2}(?:\s+(?:city|region|oblast))?)\s+"
                               r"(?:accounts?\s+)?"
                               r"(?:for|with|had|has|saw|logged|recorded|registered)\s+$|"
                               r"\b(?:in|at) (?P<name2>[A-Z][\w'-]*(?:[ -][A-Z][\w'-]*){0,2}"
                               r"(?:\s+(?:city|region|oblast))?)\s*[–—-]\s*$"))


def _name_place(name: str) -> str | None:
    """The canonical place or region a short name is ("Almaty region", "Shymkent city")."""
    if _REGION_WORD.search(name):
        return canonical_region(name)
    found = find_places(name)
    if found and found[0].start == 0:
        first = found[0]
        if first.is_region:
            return canonical_region(f"{name[first.start:first.end]} region")
        return first.place.name
    return None


def _own_place(text: str, s: int, num: NumberMatch) -> str | None:
    """The place a number's own conjunct names: "19 – in Almaty region", "31 offences were
    detected in Turkestan region", "Shymkent for 214" (a place written for that figure)."""
    if "respectively" in text[num.end:num.end + 200]:
        end = text.find("respectively", num.end) + len("respectively")
        for (a, b), (c, _) in respectively_pairs(text, s, end):
            digit = _DIGIT.search(num.text)
            if digit and c == num.start + digit.start() and _name_place(text[a:b]):
                return _name_place(text[a:b])  # "Oral and Taraz logged 12 and 7 respectively"
    span = place_phrase(text, num.start, num.end)
    if span:
        named = _REGION_NAMED.match(text, span[0], span[1])
        place = _name_place(named.group() if named else text[span[0]:span[1]].strip())
        if place:
            return place
    lo = max(s, num.start - 50)
    paren = _PLACE_PAREN.search(text, lo, num.start)
    if paren and _name_place(paren.group("name")):
        return _name_place(paren.group("name"))  # "Astana (8)"
    # "^" is the sentence's start only when the window reaches back to it
    lead = _PLACE_BEFORE_GAP.search(text[lo:num.start]) if lo == s else \
        _PLACE_BEFORE_GAP.search(text, lo, num.start)
    return _name_place(lead.group("name") or lead.group("name2")) if lead else None


# "logged 24 offences apiece", "37 each": the same figure for each place named
_APIECE = rx(r"[^.;,\d]{0,40}?\b(?:apiece|each)\b(?! of\b)")
_BOTH = rx(r"\b(?:both|each of the two) (?:areas|regions|cities|towns|places|oblasts)\b"
           r"[^.;\d]{0,40}$")


def _places_named(text: str, start: int, end: int) -> list[str]:
    """Canonical places and regions named in text[start:end], in order, each once."""
    found: list[tuple[int, str]] = []
    for m in _REGION_NAMED.finditer(text, start, end):
        region = canonical_region(m.group())
        if region:
            found.append((m.start(), region))
    taken = [(m.start(), m.end()) for m in _REGION_NAMED.finditer(text, start, end)]
    for mention in find_places(text, start, end):
        if any(a <= mention.start < b for a, b in taken):
            continue
        name = canonical_region(f"{mention.place.name} region") if mention.is_region \
            else mention.place.name
        if name:
            found.append((mention.start, name))
    out: list[str] = []
    for _, name in sorted(found):
        if name not in out:
            out.append(name)
    return out


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
    seen: dict[tuple[str, float, str], set] = field(default_factory=dict)  # -> places
    history: list[_Context] = field(default_factory=list)
    # what the sentences read are about (`_QUESTIONS`), asked only where a figure may be read,
    # the latest first (a passage on the topic answers at its latest sentence): see `_lately`;
    # on dev and the samples a third to a half of the sentences are never asked
    said: dict = field(default_factory=dict)  # index -> (sentence, names an episode)
    unasked: dict = field(default_factory=lambda: {q: [] for q in _QUESTIONS})  # indexes
    last_yes: dict = field(default_factory=lambda: dict.fromkeys(_QUESTIONS, -100))
    prev_number: tuple = (-1, False, None)  # (sentence, is a figure, number) of the last number
    by_unit: dict = field(default_factory=dict)  # unit -> metric of the last figure of it
    prev_span: tuple = ()  # (index, start, end) of the sentence before
    corruption_period: str | None = None  # the last year a corruption figure was told for
    report_date: str | None = None  # the day the report is dated, for "to date" figures
    report_period: str | None = None  # the quarter or half-year the report's title covers
    issuer_region: str | None = None  # the region of the department issuing the report
    figure_period: tuple = (-100, None)  # (sentence, period) of the last figure
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
        # searched once: the sentence's period below, and what it is about (`_QUESTIONS`)
        episode = _EPISODE.search(sentence)
        self.said[idx] = (sentence, episode is not None)
        for unasked in self.unasked.values():
            unasked.append(idx)
        self.mentions = [p for p in find_places(text, s, e)
                         if not p.is_region and not is_dateline(text, p.start)
                         and not is_source(text, p)]
        places = {p.place.name for p in self.mentions}
        if places:
            self.sentence_place = (idx, next(iter(places)) if len(places) == 1 else None)
        before = [c for c in self.history[-_CONTEXT_SENTENCES:]
                  if c.index >= idx - _CONTEXT_SENTENCES]
        # the sentence's period, worked out when a later figure first asks for it (most
        # sentences: never): see `_context_of`
        context = _Context(idx, find=self._context_of(s, e, episode, sentence, before))
        if _NEXT_DAY.search(sentence) or (self.dateline is not None
                                          and self.dateline < _WEEKDAY_SAFE):
            context.period  # noqa: B018 (worked out now: it may raise, see `_context_of`)
        self.history.append(context)
        # (no figure told lately and none of the words a figure needs: no number is read,
        # see `_may_count`)
        if self._lately("topic", idx, 6) and (not _stale(self.last_metric, idx) or _may_count(
                sentence, text[e:e + _WHOLE_REACH], lambda: self._lately("corruption", idx, 3))):
            for num in find_numbers(text, s, e):
                self._number(idx, s, e, num, places, before, sentence)
        self.prev_span = (idx, s, e)
        for ref in find_dates(text, s, e):
            # "..., compared with 1,512 in 2023": the year compared with does not carry on
            if ref.year and ref.explicit_year and not _COMPARED_YEAR.search(text, s, ref.start):
                self.last_year = ref.year

    def _context_of(self, s: int, e: int, episode: re.Match | None, sentence: str,
                    before: list[_Context]):
        """The function giving a sentence's period (its episode's month, its own date, its
        weekday, its chronology day, or the day after the last one told) as `read` found it
        when it worked each out as it read the sentence. Asked later, it gives the same: what
        it reads does not change as the reader goes on (the text, the years, the blocks, the
        dateline, the contexts before), but for the last year stated, kept as it is now.
        And it cannot raise, so that no error moves to a later sentence: the dates are
        valid ones (`find_date_refs` drops "31 February"), the words looked up are the
        lexicon's (`caseless`); but a weekday before the dateline of a page dated in the
        first week of year 1, or the day after "the next day" of 31 December 9999, overflows
        `date`: `read` works those out at once (a sentence that says "the next day", a page
        with such a dateline)."""
        last_year = self.last_year

        def period() -> str | None:
            block = next((b[2] for b in self.blocks if b[0] <= s < b[1]), None)
            return (_episode_month(episode, self.years)
                    or _period(self.doc.text, s, e, None, self.years, last_year)
                    or self._weekday(s, e)
                    or (block.iso() if block else None)
                    or _next_day(sentence, before))
        return period

    def _lately(self, question: str, idx: int, reach: int) -> bool:
        """Whether one of the sentences read from idx - reach to idx is about it (a key of
        `_QUESTIONS`), as it was when the sentences were each asked as they were read. The
        sentences not yet asked are asked the latest first, and only until one is: a passage
        on the topic answers at its first sentence asked. Asked with idx never going back, so
        that a sentence left behind the reach is never asked again."""
        if self.last_yes[question] >= idx - reach:
            return True
        unasked = self.unasked[question]
        about = _QUESTIONS[question]
        while unasked and unasked[-1] >= idx - reach:
            i = unasked.pop()
            if about(*self.said[i]):
                self.last_yes[question] = i
                return True
        unasked.clear()  # all before idx - reach: behind every later reach
        return False

    def _place_beside(self, text: str, s: int, num: NumberMatch) -> str | None:
        """The place in a number's own clause ("103 in Almaty", "In Almaty alone, 139")."""
        after = _clause_after(text, num, num.end + 60)
        nxt = _DIGIT_OR_COMMA.search(after)
        end = num.end + (nxt.start() if nxt else len(after))
        lead = text.rfind(",", s, num.start)
        for m in self.mentions:
            if num.end <= m.start < end or (lead == -1 and m.end <= num.start) or (
                    lead != -1 and m.end <= lead and text.rfind(",", s, m.start) == -1
                    and not _DIGIT.search(text[m.end:num.start])):
                return m.place.name
        return None

    def _date_repeat(self, key: tuple[str, float, str], place: str | None,
                     period: str | None) -> None:
        if period is None:
            return
        for i, row in enumerate(self.out):
            if (row.metric, round(row.value, 6), row.unit) == key and row.period is None and \
                    (place is None or row.location in (None, place)):
                self.out[i] = row.model_copy(update={"period": period})
                return

    def _distributed(self, idx: int, s: int, num: NumberMatch) -> list[str]:
        """The places a figure is told for each of: "A and B logged 24 apiece" (the places
        before it in its sentence), "A and B topped the list. Both areas registered 37"
        (the places of the sentence before)."""
        text = self.doc.text
        if _APIECE.match(text, num.end, min(len(text), num.end + 60)):
            return _places_named(text, s, num.start)
        if _BOTH.search(text, max(s, num.start - 60), num.start) and self.prev_span and \
                self.prev_span[0] == idx - 1:
            return _places_named(text, *self.prev_span[1:])
        return []

    def _repeated(self, key: tuple[str, float, str], place: str | None) -> bool:
        """The same figure told before: same metric, value and unit, and the same place (or
        either told with no place). "37 in Almaty and 37 in Karaganda" are two figures."""
        known = self.seen.get(key)
        return known is not None and (place is None or None in known or place in known)

    def _weekday(self, s: int, e: int) -> str | None:
        """"on Tuesday" in a news report, dated by the report's dateline."""
        days = weekday_dates(self.doc.text, s, e, self.dateline)
        return days[0].iso() if days else None

    def _number(self, idx: int, s: int, e: int, num: NumberMatch, places: set[str],
                before: list[_Context], sentence: str) -> None:
        """`sentence`: text[s:e], sliced once by `read` for all its numbers (one string, so
        the patterns asked of it share one lower-casing, see kzwatch.text.patterns)."""
        text = self.doc.text
        prev, self.prev_number = self.prev_number, (idx, False, num)
        if prev[0] == idx and not prev[1] and _INCLUDING_MID.search(
                text, max(s, num.start - 30), num.start) and num.start - prev[2].end < 50 \
                and prev[2].qualifier != "range" and not _in_date(text, s, e, prev[2]) \
                and not _SKIP_AFTER.match(text[prev[2].end:prev[2].end + 20]):
            return  # "12 thousand respondents, including 3000 firms": a part of no figure
        last = self.last_metric
        such = _SUCH.match(text, num.end, e)
        if such and such.group(1).lower() in self.by_unit:
            # "counted 352 such cases": what the last figure of cases counted
            last = (idx, self.by_unit[such.group(1).lower()], such.group(1).lower())
        row = _figure(self.doc, s, e, num, self.years,
                      self.dateline.year if self.dateline else None, self.last_year,
                      last, idx, corruption=self._lately("corruption", idx, 3),
                      unrest=self._lately("unrest", idx, 3), sentence=sentence)
        if row is None:
            return
        self.prev_number = (idx, True, num)
        self.by_unit[row[1]] = row[0]
        metric, unit, period = row
        if unit != "percent":
            self.last_metric = (idx, metric, unit)
        if _whole_of_topic_part(text, s, e, num):
            return  # "out of 2,614,220 appeals, just 2,117 concerned corruption": not ours
        compared = _compared(text[max(s, num.start - 80):num.start], num) or bool(
            _PAREN_EARLIER.search(text, max(s, num.start - 30), num.start))
        if metric in CORRUPTION_METRICS and period and len(period) == 4 and not compared:
            self.corruption_period = period
        key = (metric, round(num.value, 6), unit)
        own_place = _own_place(text, s, num)
        if self._repeated(key, own_place):
            # the same figure repeated; a date it is told with the second time is its date
            self._date_repeat(key, own_place, period)
            return
        block = next((b[2] for b in self.blocks if b[0] <= s < b[1]), None)
        in_entry = any(a <= s < b for a, b, _ in self.entries)
        if block is not None and metric not in CORRUPTION_METRICS | {"criminal_cases"} \
                and not _NATIONAL_CUE.search(sentence) and (
                    in_entry or ((metric in UNREST_METRICS or (metric == "other" and unit not in (
                        "KZT", "USD", "percent"))) and len(places) == 1)):
            self.seen.setdefault(key, set()).add(None)
            return  # a count told for one place in a day's entry of a chronology: its event
        period = period or (block.iso() if block else None) or self._weekday(s, e)
        if period and len(period) == 10 and _SEVERAL_DAYS.search(sentence):
            period = period[:7]  # "47 detained over three days": no single day
        own_frame = _TIME_FRAME.search(text, s, e)  # "in the last 3 and a half years"
        if period is None and self.figure_period[0] == idx and self.figure_period[1] and \
                not own_frame:
            period = self.figure_period[1]  # the figures of one sentence share its date
        elif period is None and self.figure_period[0] >= idx - 2 and self.figure_period[1] and \
                not own_frame and not any(c.period for c in before
                                          if c.index > self.figure_period[0]) and (
                _OF_THESE_BARE.match(text[num.end:e]) or gapped(text, num.start, num.end, s)
                or _INCLUDING.search(text, max(s, num.start - 40), num.start)):
            period = self.figure_period[1]  # "2,118 of these investigations": the whole's date
        prior = _dated_prior(before, idx)
        if period is None and metric in CORRUPTION_METRICS and prior and (_CONTINUES.match(
                text, s) or (_about_corruption(*self.said[prior.index])
                             and _CORRUPTION_OR_ASSETS.search(sentence))):
            # "In 2023 the agency registered 1,234 offences. Assets worth ... were returned."
            period = prior.period
        if period is None and metric in CORRUPTION_METRICS | {"volunteers"}:
            period = _section_period(text, s)  # "Anti-Corruption Agency: results of 2024"
        if period is None and self.report_period and metric != "assets_recovered":
            period = self.report_period  # "In the third quarter of 2015 our monitors ..."
        if period is None and _inherits_period(metric, unit):
            last = next((c for c in reversed(before) if c.period), None)
            same_event = last is not None and last.index == idx - 1 and bool(
                BACK_REFERENCE.search(sentence) or _CONTINUES.match(text, s))
            # "Police dispersed the protest and detained 12": the day of the protest just told
            period = last.period if same_event else _as_month(last.period if last else None,
                                                               metric)
        location = next(iter(places)) if len(places) == 1 else None
        if location and _NATIONAL_CUE.search(sentence):
            # "164 killed nationwide, including 103 in Almaty": only the figure told with it
            location = self._place_beside(text, s, num)
        if not places and not _NATIONAL_CUE.search(sentence) and \
                not _PART_OF.match(text[num.end:e]):  # "5 of the 54 assemblies": the whole's
            if self.last_place[0] >= idx - 3:
                location = self.last_place[1]  # the place of the figures just before
            elif self.sentence_place[0] == idx - 1 and BACK_REFERENCE.search(sentence):
                location = self.sentence_place[1]  # "... in Almaty. Police dispersed the rally"
        if location is None and not places and not _NATIONAL_CUE.search(sentence) and \
                metric not in ("killed", "injured", "participants"):
            # a regional department's tally; not the deaths of an unrest told beside the post
            # someone held "in the Kostanay region"
            location = _region_scope(sentence)
        if location is None and not places and self.issuer_region and \
                _THE_DEPARTMENT.search(text, s, e):
            location = self.issuer_region  # "the Department has registered 58 ...": its region
        if own_place:
            location = own_place  # "19 – in Almaty region": the place of its own conjunct
        if location is None and metric == "other" and _ASSEMBLY_TALLY.search(unit) and \
                not _PART_OF.match(text[num.end:e]):
            return  # "recorded 119 peaceful assemblies in 2017": the index of assemblies
        corruption = self._lately("corruption", idx, 3)
        if _SAME_LAST_YEAR.search(text, s, e) and self.last_year and (
                period is None or period == str(self.last_year)):
            period = str(self.last_year - 1)  # "in the same quarter of last year": a year back
        episodes = [(m.start(), m.end()) for m in _EPISODE.finditer(text, s, e)]
        dated = any(not (r.start < num.end and num.start < r.end) and not any(
            a <= r.start < b for a, b in episodes) for r in find_dates(text, s, e))
        if not corruption and self.report_date and _AS_OF.search(text, s, e) and \
                not _YEAR_TO_DATE.search(text, s, e) and not dated:
            period = self.report_date  # "To date, courts have examined ...": as of the report
        if metric in CORRUPTION_METRICS and period is None and corruption:
            period = self.corruption_period  # the year the report's figures are for
        shared = self._distributed(idx, s, num)
        if len(shared) >= 2:
            # "Nur-Sultan and Zhambyl region logged 24 offences apiece": a figure per place
            for place in shared:
                if not self._repeated(key, place):
                    self.seen.setdefault(key, set()).add(place)
                    self.out.append(Statistic(
                        source_name=self.doc.source_name,
                        **self.doc.cite(*focus_span(text, s, e, num.start, num.end)),
                        subject=_subject(sentence, metric, period, place), metric=metric,
                        value=float(num.value), unit=unit, period=period, location=place))
            self.last_place = (idx, None)
            return
        self.seen.setdefault(key, set()).add(location)
        if not compared:
            self.figure_period = (idx, period)  # not "compared with 1,306 a year earlier"
        # a place told for one conjunct ("17 – in Aktobe region") does not carry on
        self.last_place = (idx, None if own_place else location)
        self.out.append(Statistic(
            source_name=self.doc.source_name, **self.doc.cite(*focus_span(text, s, e, num.start,
                                                                           num.end)),
            subject=_subject(sentence, metric, period, location), metric=metric,
            value=float(num.value), unit=unit, period=period, location=location))


def extract(doc: Document) -> list[Statistic]:
    years = month_years(doc.text)
    blocks = chronology_blocks(doc.text, years)
    dateline = publication_date(doc.text) or doc.published_on
    reader = _Reader(doc, years, blocks, dateline=dateline,
                     entries=settlement_entries(doc.text, blocks),
                     report_date=dateline.isoformat() if dateline else _opening_date(doc.text),
                     report_period=_opening_period(doc.text),
                     issuer_region=_issuer_region(doc.text))
    for idx, (s, e) in enumerate(narrative_sentences(doc.text)):
        if is_citation(doc.text[s:e]):
            continue
        try:
            reader.read(idx, s, e)
        except (ValueError, KeyError, IndexError, OverflowError):
            continue  # a passage that cannot be read is skipped, never fatal
    try:
        rows = table_figures(doc, years) + cell_table_figures(doc, years)
    except (ValueError, KeyError, IndexError, OverflowError):
        rows = []
    for row in rows:
        key = (row.metric, round(row.value, 6), row.unit)
        known = reader.seen.get(key, set())
        # a table row is a figure of its own place: only the same place told again repeats it
        if row.location not in known and (row.location is not None or not known):
            reader.seen.setdefault(key, set()).add(row.location)
            reader.out.append(row)
    return _prose_over_labels(doc.text, reader.out)


_TIME_FRAME = rx(r"\b(?:in|over|during|within|for) the (?:last|past|previous|next) |\bsince\b")
_SAME_LAST_YEAR = rx(r"\bthe same (?:quarter|period|months?|half(?:-year)?) (?:of )?last year\b")
# "To date", "so far", "as of now": a running total, as of the day of the report
_AS_OF = rx(r"\b(?:to date|so far|as of (?:now|today)|as things stand|currently|at present|"
            r"at the moment|at this time|still|already)\b")


def _whole_of_topic_part(text: str, s: int, e: int, num: NumberMatch) -> bool:
    """A whole of which only the part is about corruption: "out of 2,614,220 appeals filed by
    individuals, just 2,117 concerned corruption"; "sent 701,483 appeals, of which 298 had to
    do with corruption". The whole counts all appeals, not a figure of the fight against it."""
    tail = _WHOLE_THEN_SHARE.match(text, num.end, e)
    if tail is None or not (_OUT_OF_BEFORE.search(text, max(s, num.start - 12), num.start)
                            or _OF_WHICH.search(tail.group())):
        return False
    part_end = min(e, tail.end() + 80)
    cut = _PART_CUT.search(text[tail.end():part_end])
    part = text[tail.end():tail.end() + cut.start()] if cut else text[tail.end():part_end]
    # "..., only 812 did": the verb phrase left out is that of the part told before
    elliptic = _ELLIPTIC_PART.fullmatch(part) and \
        _CORRUPTION.search(text, s, num.start)
    return not _CORRUPTION.search(text, num.end, tail.end()) and bool(
        _CORRUPTION.search(part) or elliptic)


# "Department of the Anti-Corruption Agency for Pavlodar region" heading a press release
_ISSUER = rx(r"\b(?:department|office|division)\b[^.\n]{0,60}?\b(?:for|of|in) (?:the )?"
             r"(?P<region>[A-Z][\w-]+(?: [A-Z][\w-]+)? (?:region|oblast))\b")
_THE_DEPARTMENT = rx(r"\bthe (?:regional )?(?:department|office|division)\b")


def _issuer_region(text: str) -> str | None:
    """The region of the regional department a release comes from, named in its opening."""
    m = _ISSUER.search(text[:400])
    return canonical_region(m.group("region")) if m else None


def _opening_period(text: str) -> str | None:
    """The quarter or half-year a report covers, as its title or lead states it ("In the
    third quarter of 2015 (July–September) our monitors recorded ...")."""
    head = text[:600]
    quarter = _QUARTER.search(head)
    if quarter:
        return _quarter_of(quarter)
    half = _HALF.search(head)
    return _half_of(half) if half else None


def _opening_date(text: str) -> str | None:
    """The day the report's opening line gives ("On 3 March 2022, officials held a
    briefing ..."), for a report with no dateline of its own."""
    head = text[:300]
    first = next((r for r in find_dates(head, 0, len(head)) if r.day and r.year), None)
    return first.iso() if first else None


def _prose_over_labels(text: str, rows: list[Statistic]) -> list[Statistic]:
    """An infobox line ("Arrested: 512") and the prose stating the same count ("512 people had
    been detained") are one figure: the prose names what it counts."""
    if not rows:
        return rows  # nothing to drop: the text's lines are not read
    labelled = set()
    for line in _LABEL_LINE.finditer(text):
        metric = _label_metric(line.group(1))
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
_COLUMN_RULES = _PACK.of_kind("column")
_SCALE_WORDS = [(rx(r"\b(?:bn|bln|billions?)\b"), 1e9), (rx(r"\b(?:mln|mn|millions?)\b"), 1e6),
                (rx(r"\b(?:thous(?:and)?s?\.?)(?!\w)"), 1e3)]
_CELL_NUMBER = re.compile(r"\d{1,3}(?:[ ,\u00a0]\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?")
_TOTAL_ROW = rx(r"^(?:total|kazakhstan|republic(?: of kazakhstan)?|all regions|country)\b")


def _column(header: str, corruption: bool) -> tuple[str, str, float] | None:
    """(metric, unit, multiplier) a column counts, from its header."""
    for rule in _COLUMN_RULES:
        if not rule.regex.search(header):
            continue
        metric, unit = rule.sets["metric"], rule.sets["unit"]
        if rule.sets.get("context") == "corruption" and not corruption:
            return None
        if unit == "money":
            money = "USD" if _DOLLAR.search(header) else "KZT" if _TENGE.search(header) else None
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
    if _REGION_WORD.search(label):
        region = canonical_region(label)
        return (True, region) if region else (False, None)
    place = canonical_place(label)
    return (True, place.name) if place else (False, None)


def _cells(line: str) -> list[str]:
    """Cells of a | table row; a Markdown row's outer bars ("| a | b |") open no cell."""
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _is_header(line: str) -> bool:
    """A row of | cells none of which (past the first) is a number: the column names."""
    if "|" not in line:
        return False  # (asked of every line of a document: no cells cut where there are none)
    cells = _cells(line)
    return len(cells) >= 2 and not any(
        _CELL_NUMBER.fullmatch(c) for c in cells[1:]) and any(c for c in cells[1:])


def table_figures(doc: Document, years: dict[int, int]) -> list[Statistic]:
    """Figures of a table printed with | between columns, one row per region or city: each
    cell under a header that names a metric is a figure of that place, for the period its
    caption states ("Table 1. Main indicators by region (January–June 2024)")."""
    text = doc.text
    if "|" not in text:
        return []  # no header row (`_is_header`), so no table
    corruption = bool(_CORRUPTION.search(text))
    out: list[Statistic] = []
    lines = list(_LINE.finditer(text))
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
            bare = _BARE_YEAR.findall(caption.group())
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
                value = float(_CELL_GAPS.sub("", cell)) * scale
                out.append(Statistic(
                    source_name=doc.source_name, **doc.cite(line.start(), line.end()),
                    subject=f"{caption.group().strip() if caption else 'table'}: "
                            f"{cells[0]}", metric=metric, value=value, unit=unit,
                    period=period, location=location))
            j += 1
        i = j
    return out


# words of a passage about unrest beyond those naming it: attacks, looting, terrorists
_UNREST_CONTEXT = rx(r"\b(?:attack(?:s|ed)?|loot(?:ing|ed|ers)|terroris[tm]s?|rioters|pogroms?|"
                     r"arson|storm(?:ed|ing))\b")
# a header naming what a column of place rows counts: "Assemblies recorded"
_TALLY_HEADER = rx(r"\b(assemblies|rallies|protests|pickets|demonstrations|strikes|detentions|"
                   r"complaints|appeals)\b")
_CHANGE_HEADER = rx(r"\bchange\b|%")
_DAMAGE_LABEL = rx(r"\b(?:damage|losses)\b")
_SUBSET_LABEL = rx(r"^(?:of (?:them|these|which|whom)|including|incl\.)")


def _row_metric(label: str, corruption: bool,
                before: tuple[str, str, float] | None) -> tuple[str, str, float] | None:
    """(metric, unit, multiplier) a table row counts, from its label: "Corruption crimes
    registered", "Persons convicted", "Damage compensated, bln tenge", "of them heads of ..."
    (a part of the row above: the same metric)."""
    if _SUBSET_LABEL.match(label.strip()):
        return before
    col = _column(label, corruption)
    if col is None and _DAMAGE_LABEL.search(label):
        money = "USD" if _DOLLAR.search(label) else "KZT" if _TENGE.search(label) else None
        scale = next((v for p, v in _SCALE_WORDS if p.search(label)), 1.0)
        col = ("other", money, scale) if money else None
    if col and col[0] == "prosecuted" and _CASES_WORD.search(label):
        col = ("prosecuted", "cases", col[2])  # "Criminal cases sent to court"
    return col


def cell_table_figures(doc: Document, years: dict[int, int]) -> list[Statistic]:
    """Figures of a table printed one cell per line (kzwatch.text.cells): place rows under a
    header naming what they count ("City or oblast" / "Assemblies recorded"), for the period
    of the passage just before; or indicator rows under year columns ("Indicator", "2020",
    "2021", "Change, %"), each value for its year and a change for the last year."""
    text = doc.text
    tables = cell_tables(text)
    if not tables:
        return []  # (the whole text is not searched for words on corruption)
    corruption = bool(_CORRUPTION.search(text))
    out: list[Statistic] = []
    for table in tables:
        heads = table.header[1:]
        placed = [_row_place(r.label) for r in table.rows]
        if sum(1 for is_place, _ in placed if is_place) >= 2:
            lead = max(0, text.rfind("\n\n", 0, max(0, table.start - 2)))
            period = _period(text, max(0, lead - 400), table.start, None, years)
            for row, (is_place, location) in zip(table.rows, placed, strict=True):
                for head, value in zip(heads, row.values, strict=False):
                    col = _column(head, corruption)
                    noun = _TALLY_HEADER.search(head)
                    if col is None and noun is None:
                        continue
                    metric, unit, scale = col or ("other", noun.group(1).lower(), 1.0)
                    if not is_place or (location is None and metric == "other"):
                        continue  # the total of an assemblies table is the index's value
                    out.append(Statistic(
                        source_name=doc.source_name, **doc.cite(row.start, row.end),
                        subject=f"{head}: {row.label}", metric=metric, value=value * scale,
                        unit=unit, period=period, location=location))
            continue
        year_cols = [h if _YEAR_DIGITS.fullmatch(h.strip()) else None for h in heads]
        if not any(year_cols):
            continue
        last_year = [y for y in year_cols if y][-1]
        before = None
        for row in table.rows:
            col = _row_metric(row.label, corruption, before)
            before = col
            if col is None:
                continue
            metric, unit, scale = col
            for head, year, value in zip(heads, year_cols, row.values, strict=False):
                if year:
                    fact = (metric, unit, value * scale, year.strip())
                elif _CHANGE_HEADER.search(head):
                    fact = ("other", "percent", value, last_year.strip())
                else:
                    continue
                out.append(Statistic(
                    source_name=doc.source_name, **doc.cite(row.start, row.end),
                    subject=f"{row.label} ({head})", metric=fact[0], value=fact[2],
                    unit=fact[1], period=fact[3], location=None))
    return out


def _figure(doc: Document, s: int, e: int, num: NumberMatch, years: dict[int, int],
            current_year: int | None,
            last_year: int | None, last_metric: tuple[int, str, str] | None,
            idx: int, corruption: bool = False, unrest: bool = False,
            sentence: str | None = None) -> tuple[str, str, str | None] | None:
    """(metric, unit, period from its own sentence) of a number that states a figure.
    `sentence`: text[s:e] when the caller has it."""
    text = doc.text
    sentence = text[s:e] if sentence is None else sentence
    if _in_date(text, s, e, num) or _FOOTNOTE_MARK.search(text, max(s, num.start - 2),
                                                           num.start):
        return None
    after = _clause_after(text, num, e)
    before = text[max(s, num.start - 80):num.start]
    # "2,118 of these investigations" may look back past a sentence of comment
    reach = 2 if _OF_THESE_BARE.match(after) else 1
    last = last_metric[1:] if last_metric and last_metric[0] >= idx - reach else None
    # "9 akims, 23 police officers and 31 managers": a list goes on counting the same thing
    listed = bool(last_metric and last_metric[0] == idx and last_metric[2] == "persons"
                  and _LISTED.search(before) and _LIST_HEAD.search(text, s, num.start))
    # "19 offences in Shymkent, 17 – in Aktobe region": a gapped list member counts the same
    listed = listed or bool(last_metric and last_metric[0] >= idx - 1
                            and gapped(text, num.start, num.end, s))
    # "58 criminal cases concern theft, 9 the hijacking of vehicles": the same count, gapped
    listed = listed or bool(last_metric and last_metric[0] == idx and last_metric[2] != "percent"
                            and gapped(text, num.start, num.end, s, loose=True))
    # "Of the 137 torture crimes, 71 are classed as grave": a part of the whole just named
    listed = listed or bool(last_metric and last_metric[0] == idx and _OF_THE_WHOLE.search(before))
    # "1,287 offences were registered (in 2023 – 1,342)": the same count, another year
    paren_year = _PAREN_EARLIER.search(before)
    listed = listed or bool(last_metric and last_metric[0] == idx and paren_year)
    # "In the same quarter of last year the agency recorded 296.": the noun left out
    listed = listed or bool(last and _TALLY_BEFORE.search(before)
                            and _CLAUSE_ENDS_NEXT.match(after))
    # "(44%, 677 cases)": the count a share is printed beside counts what the sentence counts
    listed = listed or bool(last_metric and last_metric[0] == idx and _AFTER_SHARE.search(before))
    # the words of a bound read with the number ("exceeded 4,300"): "the number of ... exceeded"
    # is searched again with them only where there are some
    bound = _bound_words(num)
    # (the line's start within the sentence: a newline before `s` would give `s` anyway)
    label = _LABEL.search(text, max(s, text.rfind("\n", s, num.start) + 1), num.start)
    if label:  # an infobox line: "Deaths: 6"
        metric = _label_metric(label.group(1))
        found = (metric, "persons") if metric else None
    # (every match of _BREAKDOWN holds a colon: a sentence without one before the number, most,
    # is not searched, where the pattern's verbs are common words of the corpus)
    elif text.find(":", s, num.start) != -1 and (brk := _BREAKDOWN.search(
            text, s, num.start)) and find_numbers(
            text, s, text.rfind(":", s, num.start)):
        # "six died: the four shot on 7 March, one ...": parts of the total told; a part
        # with a measure of its own ("926 detained: 831 of them are held in custody") counts
        found = _metric(text, num, after, before, sentence, None, False, corruption, unrest)
        total = _BREAKDOWN_METRIC.get(brk.group("verb").lower())
        if found is None or found[0] in (total, "participants"):
            return None
    elif "(" in before and (by_place := _PLACE_PAREN.search(before)) and \
            _name_place(by_place.group("name")):  # (every match ends with its "(")
        # "penalties were imposed in Almaty (11 people), Astana (8)": the clause's measure,
        # told for each place
        head = text[s:max(s, num.start - len(by_place.group()))]
        verb = _VERB.search(head)
        found = (_from_participle(verb), "persons") if verb else (
            ("prosecuted", "persons") if _IMPOSED.search(head) else last)
    elif last and _SUCH.match(text, num.end, e):
        found = last  # "counted 352 such cases": what the figure of those cases counted
    # (both patterns below need the word "number" before the number: most have none, and
    # the prefilter of the first looks for "protesters" and the like, common here; no
    # character but n, u, m, b, e, r matches one of them case aside)
    elif (number_before := "number" in (before + bound).lower()) and (
            _NUMBER_OF_PARTICIPANTS.search(before) or (bound and _NUMBER_OF_PARTICIPANTS.search(
                before + bound))):
        found = "participants", "persons"  # "put the number of participants at 25,000"
    elif number_before and (number_of := _NUMBER_OF.search(before) or (bound and _NUMBER_OF.search(
            before + bound))) and (_number_of_metric(
            number_of.group("noun"), corruption)) is not None:
        # "the number of corruption offences registered this year has reached 1,046",
        # "the number of people killed in the unrest rose to 238"
        found = _number_of_metric(number_of.group("noun"), corruption)
    else:
        found = _metric(text, num, after, before, sentence, last, listed, corruption, unrest)
        shared = number_list_end(text, num.end) if found is None else None
        if shared:  # "1,204 and 877 corruption offences": the noun after the last number
            found = _metric(text, num, _clause_after(text, NumberMatch(
                num.start, shared, num.value, num.qualifier), e), before, sentence, last,
                listed, corruption, unrest)
    if found is None:
        return None
    metric, unit = found
    if metric in UNREST_METRICS:
        episode = _episode(sentence, years)
        if episode:  # "died in the January protests": the episode, not the report's date
            return metric, unit, episode
    period = _period(text, s, e, num, years, last_year, current_year)
    if paren_year:
        period = paren_year.group("y")
    if period and _FOUR_DIGITS.fullmatch(period) and (
            (_compared(before, num) and _YEAR_EARLIER.match(text, num.end))
            or _YEAR_EARLIER_LATER.match(after)):
        # "1,750 a year earlier" than the 2023 figure; "while 1,525 were registered a year
        # earlier"
        period = str(int(period) - 1)
    return metric, unit, period


_LABEL = re.compile(r"^\s*([A-Z][a-z]+)\s*:\s*$", re.MULTILINE)
_INCLUDING_MID = rx(r"\b(?:including|among them|of whom|of which)\s*(?:(?:a mere|just|only|some|"
                    r"about) )?$")
# asked with match() right after every number: no literal prefilter (rx), which would cost
# more than the pattern, failing at its first character where no space follows
_SUCH = re.compile(r"\s+such\s+(cases|crimes|offen[cs]es|incidents|violations|complaints|"
                   r"appeals)\b", re.IGNORECASE)
_NUMBER_OF = rx(r"\b(?:the )?(?:total )?number of (?P<noun>[\w-]+(?: [\w-]+){0,2})\b[^.;]{0,60}?"
                r"\b(?:reached|was|is|stood at|totall?ed|amounted to|came to|rose to|grew to|"
                r"increased to|fell to|dropped to|decreased to|exceeded|hit)\s*$")
_PLACE_PAREN = re.compile(r"(?P<name>[A-Z][\w'-]*(?:[ -][A-Z][\w'-]*){0,2}(?:\s+(?:city|region|"
                          r"oblast))?)\s*\(\s*$")
_IMPOSED = rx(r"\b(?:penalties|sanctions|administrative (?:penalties|sanctions)) (?:were|have been|"
              r"had been) (?:imposed|applied)\b")
_OF_THE_WHOLE = rx(r"^\W*of the [\d,.]+ [^,;]{0,60},\s*$")
_PAREN_EARLIER = rx(r"\(\s*(?:in|for) (?P<y>(?:19|20)\d\d)\s*[–—-]\s*$")
_AFTER_SHARE = rx(r"\d\s*(?:%|percent|per cent)\s*,\s*$")
_LABEL_RULES = _PACK.of_kind("label")
_YEAR_EARLIER_LATER = rx(r"^[^.;,\d]{0,40}?\b(?:a year (?:earlier|before)|the (?:previous|"
                         r"preceding) year|the year before)\b")
_BREAKDOWN = rx(r"\b(?P<verb>died|killed|dead|injured|wounded|detained|arrested)\b[^.;:]*:"
                r"[^.;:]*$")
_BREAKDOWN_METRIC = {"died": "killed", "killed": "killed", "dead": "killed", "injured": "injured",
                     "wounded": "injured", "detained": "detained", "arrested": "arrested"}
_NUMBER_OF_PARTICIPANTS = rx(r"\bnumber of (?:participants|protesters|demonstrators)\b[^.;]{0,50}"
                             r"\b(?:at|was|reached|exceeded)\s*$")
# "imprisonment;37 he was", "in the country,32 a figure": a footnote number glued to a word
_FOOTNOTE_MARK = re.compile(r"[A-Za-z][,;:.”\"’)]?\Z")
_LISTED = re.compile(r"\d[^\d.;:()]{3,60}?(?:,|\band)\s*$")
# the list is of parts of a whole: "Among those convicted are ...", "including ..."
_LIST_HEAD = rx(r"\b(?:including|among|of whom|of which|of these|of them)\b")


def _number_of_metric(noun: str, corruption: bool) -> tuple[str, str] | None:
    """What "the number of <noun> ..." counts: a counted noun, or people and a participle."""
    rule = _noun_metric(" " + noun)
    if rule is not None:
        if rule.sets.get("context") == "corruption" and not corruption:
            return None
        return rule.sets["metric"], rule.sets["unit"]
    m = _REDUCED.match(" " + noun)
    return (_from_participle(m), "persons") if m and _PERSONS_NOUN.match(" " + noun) else None


def _label_metric(word: str) -> str | None:
    """The metric an infobox label names ("Deaths", "Arrested"), from the `label` rules."""
    return next((r.sets["metric"] for r in _LABEL_RULES if r.regex.fullmatch(word)), None)


def _bound_words(num: NumberMatch) -> str:
    """The bound the number reader kept with a number ("exceeded 4,300" -> "exceeded ")."""
    digit = _DIGIT.search(num.text)
    return num.text[:digit.start()] if digit and num.qualifier != "exact" else ""


def _in_date(text: str, s: int, e: int, num: NumberMatch) -> bool:
    """True when the number is part of a date ("January 5", "in 2019", "the 2011 protests"),
    also of a date that does not exist ("29 February 2023": no date, and no count either)."""
    digits = num.start + (m.start() if (m := _DIGIT.search(num.text)) else 0)
    if any(a <= digits and num.end <= b for a, b in date_shapes(text, s, e)):
        return True
    if _YEAR_AT_END.search(num.text) and not _COUNTED_PEOPLE_NEXT.match(
            text[num.end:num.end + 20]):
        return True
    # "from 11 June": the number reader keeps "from" with the day
    return any(r.start <= digits and num.end <= r.end for r in find_dates(text, s, e))


# ---------------------------------------------------------------- which sentences may count
#
# A number is a figure (`_figure`) only where what it counts is named. Where no figure was
# told lately (`_stale`: `last_metric` none, or two sentences back or more), `_figure` has no
# `last` and nothing `listed`, and `_number` gives it a `last` of its own only after "such"
# (`_SUCH`). Every way to a figure then needs one of these words in the number's sentence
# (every window `_figure` reads for it lies in the sentence: its words before, its clause
# after, the clause after the last number of a list it heads, the head and the label of its
# line):
# - `_figure`: an infobox label (`label` rules), "number" (`_NUMBER_OF`,
#   `_NUMBER_OF_PARTICIPANTS`), a place's "(" after the clause's verb (`_VERB`) or
#   `_IMPOSED`; a breakdown's ":" only goes on to `_metric`, with the same words;
# - `_metric`: `_TO_CUSTODY`; `_metric_of`: a `form` rule that is no skip, money (a sum is
#   read by `_KZT`, `_USD`, `_USD_BEFORE` or `_CARRIED`, all holding tenge, KZT, ₸, dollars,
#   USD or $, and is a figure only by `_PART_RETURNED`, `_DAMAGE`, `_IN_DAMAGE`,
#   `_RETURNED_AFTER` or `_ASSETS`: one word of each group, `_MONEY_WORDS`), a percentage
#   (`_PERCENT_NEXT`: "%", "percent", "per cent", each holding "%" or "cent"; where no
#   figure is recent, `_percent_metric` counts it only in a passage on corruption, or by
#   `_SHARE_OF_OFFENCES`, `_SHARE_ELLIPSIS` or `_PERCENT_OF`, or by the words of its whole,
#   `_ASSEMBLY_WHOLE` or `_JUSTICE_WHOLE`: `share_whole` reads those after the sign, which
#   lies in the sentence, up to 60 characters on: `_PERCENT_WORDS`), a decision
#   (`_DECIDED_BEFORE`, `_DECIDED_AFTER`, `_DECIDED_PART_BEFORE`), the participles
#   (`_REDUCED`, `_VERB`), `_INSERTED_PART`, `_DAMAGED_BEFORE`, `noun` rules, `_INSTANCES`,
#   "volunteer" (`_VOLUNTEER_CONTEXT`), the verbs of `_AFFECTED`, `before` rules, a tally
#   (`_TALLY_BEFORE`, `_TALLY_AFTER`); every other way out is None.
# Each pattern's words are its literal prefilter's (kzwatch.text.patterns: one of them is in
# every match, case aside, where the lower case can be trusted; a `form` rule, asked over
# "<before>#N#<after>", has one without "#", in its words before or after); a pattern or rule
# without such words has every sentence read (`_COUNT_WORDS` None). So a sentence without
# any of them, read while no figure is recent, has no number that is a figure, and leaves
# `last_metric` as stale for its next number: its numbers are not read at all (`read`).
# What is skipped raises nothing (regexes, slices and the text layer's readers of numbers,
# dates and lists, which build no date), so no sentence that an error would have cut short
# is read on.


_COUNT_WORDS = pooled_words(
    *(r.regex for r in _LABEL_RULES), ("number",), _VERB, _IMPOSED, _TO_CUSTODY,
    *(r.regex for r in _FORM_RULES if not r.sets.get("skip")),
    _DECIDED_BEFORE, _DECIDED_AFTER, _DECIDED_PART_BEFORE, _REDUCED, _INSERTED_PART,
    _DAMAGED_BEFORE, *(r.regex for r in _NOUN_RULES), _INSTANCES, _VOLUNTEER_CONTEXT,
    rx(rf"\b(?:{_AFFECTED_VERBS})\b"), *(r.regex for r in _BEFORE_RULES), _TALLY_BEFORE,
    _TALLY_AFTER, ("such",))
# a sum of money, and what makes it a figure (`_metric_of`: each way out of its branch but
# None needs one of the second words; "₸" is no ASCII, "$" no letter: no `rx` word)
_MONEY_WORDS = (("tenge", "kzt", "₸", "dollars", "usd", "$"), pooled_words(
    _PART_RETURNED, _DAMAGE, _IN_DAMAGE, _RETURNED_AFTER, _ASSETS))
# a percentage (`_PERCENT_NEXT`: no `rx` words, and "%" is no letter), the words that make it
# a figure in its sentence, and those of its whole (see above)
_PERCENT_WORDS = (("%", "cent"), pooled_words(_SHARE_OF_OFFENCES, _SHARE_ELLIPSIS, _PERCENT_OF),
                  pooled_words(_ASSEMBLY_WHOLE, _JUSTICE_WHOLE))
_WHOLE_REACH = 60  # how far past the sign `share_whole` reads a whole
_COUNT_CUE = None if _COUNT_WORDS is None or None in _MONEY_WORDS or None in _PERCENT_WORDS \
    else word_trie(_COUNT_WORDS)
_MONEY_CUES = tuple(word_trie(words) for words in _MONEY_WORDS if words is not None)
_PERCENT_CUE, _SHARE_CUE, _WHOLE_CUE = (word_trie(words) if words is not None else None
                                        for words in _PERCENT_WORDS)


def _stale(last_metric: tuple[int, str, str] | None, idx: int) -> bool:
    """No figure told lately for `_figure` to go on from in sentence `idx` (see above)."""
    return last_metric is None or last_metric[0] < idx - 2


def _may_count(sentence: str, tail: str | None = None, corruption=None) -> bool:
    """Whether a number of the sentence may be a figure where no figure was told lately:
    false where none of `_COUNT_WORDS` is in it, nor a word of each `_MONEY_WORDS`, nor a
    percentage that may count (`_PERCENT_WORDS`), case aside (see above). `tail`: the text
    right after the sentence (`_WHOLE_REACH` characters), `corruption()`: whether the passage
    is on corruption; a percentage counts where either is not given."""
    if _COUNT_CUE is None:
        return True
    low = lowered(sentence)
    if low is None or _COUNT_CUE.search(low) is not None or all(
            cue.search(low) is not None for cue in _MONEY_CUES):
        return True
    if _PERCENT_CUE.search(low) is None:
        return False
    if tail is None or corruption is None or _SHARE_CUE.search(low) is not None or \
            corruption():
        return True
    low = lowered(sentence + tail)  # (the whole of a share may run on past the sentence)
    return low is None or _WHOLE_CUE.search(low) is not None
