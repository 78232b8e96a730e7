"""Protest events (ACLED's unit: one row per document, place and day) from narrative text.

The words are rules as data (kzwatch/rules/en/protest_events.yaml): `cue` rules tell that a
gathering took place, `sub_event` rules give the ACLED sub-event type with an explicit
priority (the coding guide's precedence: attack > mob violence > violent demonstration >
excessive force > intervention > peaceful protest > looting > arrests > other), `context`
rules name an episode of unrest ("the events of early January 2022") and `court` rules a
trial (no event, only the detention it tells). Verbs match in every tense: encyclopedias
and chronologies tell events in the present ("Residents gather", "internet is cut").

How a passage becomes events:
- the text is read sentence by sentence; a sentence yields events when it names a place of
  the gazetteer and speaks of protest or unrest, or of violence, dispersal, arrests or
  security measures amid unrest (a chronology, or a protest word in the last few sentences);
- each place takes the nearest date written in its sentence ("On May 26, 2011", "a week
  later", "on the same day", "last weekend" as a month), else the day heading of a chronology
  ("January 4. ...", "• November 12 - ...", "Wednesday, 9 October 2024", "23:05. " timed
  entries), else the day the sentences just before told when it is the news day, else the
  one day already told of that place; a year comes from the month's pairing, the dateline,
  the title ("2018 in Kazakhstan") or the narrative (never from a deadline "by 2025");
- the event type is the most severe that the passage states for that place: a clause after
  another place (", where demonstrators set a car on fire") and a clause set years earlier
  are not its own;
- counts are kept only for a clause about one place and never for national totals; a figure
  broken down by place ("in Almaty – 26, in Astana – 14") or paired by "respectively" goes to
  each place; the sentences that follow add their turnout, and their detentions and deaths
  when they point back at the event or report them in its paragraph;
- a single-person picket is no gathering (its detention is an arrest); a town naming a road's
  end, a street, an origin ("investigators from Almaty") or whose people a noun names ("the
  Shu detainees") is no event place;
- rows for the same place and date merge (the highest count of the day kept); a month (year)
  row is dropped when the document dates that place's activity to a day (month) within it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from kzwatch.document import Document
from kzwatch.rules import rule_pack
from kzwatch.text.coordination import place_figures, respective_figures, split_clauses
from kzwatch.text.daterefs import (
    RELATIVE_DAYS,
    SMALL_NUMBERS,
    DateRef,
    date_shapes,
    month_years,
)
from kzwatch.text.daterefs import find_date_refs as find_dates
from kzwatch.text.discourse import BACK_REFERENCE, is_source
from kzwatch.text.lexicon import alternation, lexicon
from kzwatch.text.numbers import NumberMatch, find_numbers
from kzwatch.text.patterns import Prefiltered, lowered, rx, word_trie
from kzwatch.text.places import Place, PlaceMention, RegionMention, find_places, find_regions
from kzwatch.text.segment import (
    EVIDENCE_WINDOW,
    focus_span,
    is_citation,
    narrative_sentences,
)
from kzwatch.text.structure import (
    DATELINE_PREFIX,
    chronology_blocks,
    is_dateline,
    is_route,
    news_day_dates,
    publication_date,
    recent_periods,
    report_date,
    settlement_entries,
    timed_entry_at,
    title_year,
    weekday_dates,
)
from models.records import ProtestEvent

# ---------------------------------------------------------------- vocabulary of events

# groups of people who gather, strike or are counted: the lexicon's `people_groups`
_PEOPLE_WORDS = f"(?:{alternation(lexicon().people_groups)})"
# the words of a gathering and of each ACLED sub-event type are rules with explicit
# priorities: kzwatch/rules/en/protest_events.yaml
_RULES = rule_pack("protest_events")
# an attack on civilians is told where no protesters are named
_PROTESTERS_NAMED = rx(r"\b(?:protesters?|demonstrators?)\b")
# a protest that did not happen ("the rally did not take place", "was banned")
_CALLED_OFF = rx(r"\b(?:did not take place|never took place|(?:was|were) (?:cancell?ed|called "
                 r"off|banned|prevented|postponed)|refused (?:permission|to allow))\b")
_NATIONAL = rx(r"\b(?:in the country|across the country|throughout the country|"
                r"nationwide|in total|in all regions|in Kazakhstan(?!['’])|"
                r"(?:across|around|throughout|all over) Kazakhstan|"
                r"in (?:two|three|four|five|six|seven|eight|nine|ten|\d+|several|many) "
                r"(?:regions|cities|towns|oblasts))\b")

# sub-event type -> (event type, severity); higher severity wins (ACLED precedence)
SUB_EVENTS = {
    "attack": ("violence_against_civilians", 8),
    "mob_violence": ("riots", 7),
    "violent_demonstration": ("riots", 6),
    "excessive_force_against_protesters": ("protests", 5),
    "protest_with_intervention": ("protests", 4),
    "peaceful_protest": ("protests", 3),
    "looting_property_destruction": ("strategic_developments", 2),
    "arrests": ("strategic_developments", 1),
    "other": ("strategic_developments", 0),
}
_LABELS = {
    "attack": "Attack on civilians", "mob_violence": "Mob violence",
    "violent_demonstration": "Violent demonstration",
    "excessive_force_against_protesters": "Excessive force against protesters",
    "protest_with_intervention": "Protest with intervention",
    "peaceful_protest": "Peaceful protest", "looting_property_destruction": "Looting",
    "arrests": "Arrests",
    "other": "Security development",
}

# what a number counts at an event, from the verb after it ("12 were detained") or before it
# ("police detained 40 people"): the `count` rules, highest priority first
_COUNT_VERBS = {r.sets["count"]: r.regex for r in _RULES.of_kind("count")
                if r.sets["side"] == "after"}
_YEAR_NUMBER = re.compile(r"(?<![\d,.])(?:19|20)\d\d$")  # "2011", "over 2022" are years
_AGES = re.compile(r"\baged\s+\d+(?:\s*(?:and|to|-)\s*\d+)?")
_COUNT_VERBS_BEFORE = {r.sets["count"]: r.regex for r in _RULES.of_kind("count")
                       if r.sets["side"] == "before"}
_PARTICIPANTS_AFTER = re.compile(
    rf"^(?:\s*(?:\w+\s+){{0,3}}?{_PEOPLE_WORDS}\b|-strong\b)(?![^.;]{{0,40}}\b(?:killed|dead|died|"
    rf"injured|wounded|detained|arrested)\b)", re.IGNORECASE)
# "the number of protesters exceeded 3,000" (the verb may be read as the number's bound),
# "a crowd of up to 2,000", "drew some 500"
_PARTICIPANTS_BEFORE = re.compile(
    r"\b(?:number of (?:protesters|demonstrators|participants|strikers|people)[^.;]{0,40}?"
    r"(?:exceeded|reached|was|is|stood at|grew to|rose to)?|(?:gathered|brought together|drew|"
    r"attracted)|(?:crowds?|columns?|gatherings?|rall(?:y|ies)|march(?:es)?|protests?|"
    r"demonstrations?|pickets?|strikes?|meetings?) of)\s*$", re.IGNORECASE)


_VICTIMS_AFTER = rx(r"^\s*(?:people|persons)?\s*(?:were|was) (?:killed|detained|arrested|injured)")


# "forty borrowers with dollar mortgages held a picket": any plural noun, then the act of
# gathering in the same clause
_GROUP_ACTING = rx(r"^\s*(?:[\w-]+ ){0,3}?[a-z-]+s (?:[\w-]+ ){0,5}?(?:held|staged|rallied|"
                   r"protested|gathered|marched|picketed|took part|taking part|demonstrated|"
                   r"went on strike|came out|took to the streets)\b")


def _is_participants(after: str, before: str) -> bool:
    """A count of people taking part: "3,000 oil workers went on strike", "number of
    protesters exceeded 3,000" — not "26 people were killed"."""
    if _VICTIMS_AFTER.match(after):
        return False
    return bool(_PARTICIPANTS_AFTER.match(after) or _PARTICIPANTS_BEFORE.search(before)
                or _GROUP_ACTING.match(after))


# a protest word that names a charge or a mood, not an event: "sentenced for organising mass
# riots", "charged with participation in an unauthorised rally", "protest moods"
_LEGAL_BEFORE = rx(r"\b(?:organi[sz]ation of|(?:for|with|of|in) organi[sz]ing\b|coordinat\w*|"
                   r"participat\w*|incit\w*|"
                   r"call(?:s|ed|ing)? (?:for|to)|charged|accused|guilty|convicted|sentenced|"
                   r"suspected|article)\b"
                   r"(?: [\w-]+){0,5} $")
# "she helped organise a rally on 3 May": the act of organising one that was held
_ORGANISED_ACT = rx(r"\b(?:helped|helping) (?:to )?organi[sz]e[ds]?"
                    r"(?: [\w-]+){0,3} $")


def _legal(before: str) -> bool:
    """The protest word names a charge ("sentenced for organising mass riots")."""
    return bool(_LEGAL_BEFORE.search(before)) and not _ORGANISED_ACT.search(before)


# "announced a rally", "planned to hold a picket": a protest not (yet) held
_PLANNED_BEFORE = rx(r"\b(?:announc\w*|plann\w*|intend\w*|threaten\w*|appl(?:y|ied|ying) "
                     r"for|notif\w*|permission (?:for|to)|request\w*)(?: [\w-]+){0,3} $|"
                     # "notified the city administration of the rally"
                     r"\bnotif\w* (?:[\w-]+ ){0,4}?(?:of|about) (?:the |a |their )?$")
_NOT_EVENT_AFTER = rx(r" (?:moods?|sentiments?|potential|votes?|voting|attitudes?|letters?|"
                      r"notes?|songs?|art)\b|"
                      # "before the demonstration could begin": one that was still to come
                      r" (?:could|would|was due to|were due to|was to|were to|is due to|"
                      r"was scheduled|had been planned|was planned) ")
_CROWD = rx(rf"\b(?:{_PEOPLE_WORDS}|crowds?|hundreds|thousands|dozens)\b[^.;]{{0,80}}$")


_OFFICIAL_MEETING = rx(r"\b(?:leaders|ministers|officials|delegates|summit|forum|conference|"
                      r"congress|session|investors|heads of state|shareholders|diplomats)\b")
# a protest of one person is not a gathering (ACLED: three or more people)
_ALONE = rx(r"\b(?:single[- ]person|one[- ]person|one[- ]man|one[- ]woman|solo|solitary|lone|"
            r"individual)\s*$")


def _needs(rule) -> tuple[str, ...]:
    needs = rule.sets.get("needs", ())
    return (needs,) if isinstance(needs, str) else tuple(needs)


# A sentence's cues are asked for when it is read, again when it is classified and again
# when a dated sentence looks back for its place: both memos are pure functions of the
# passage (the pack is frozen), return immutables (matches, a tuple) and are bounded.
@lru_cache(maxsize=512)
def _cue_matches(passage: str) -> tuple[tuple, ...]:
    """The `cue` rules' (rule, match) in the passage (RulePack.matches)."""
    low = lowered(passage)
    if _CUE_WORD is not None and low is not None and _CUE_WORD.search(low) is None:
        return ()  # no word any cue rule needs (most passages): no rule is a candidate
    return tuple(_RULES.matches("cue", passage))


# every word the `cue` rules' literal checks look for, as one trie pattern: one search of a
# passage where RulePack.matches would ask each rule's words in turn (None if a rule has no
# words, and so is always tried)
_CUE_RULES = _RULES.of_kind("cue")
_CUE_WORD = word_trie(sorted({w for r in _CUE_RULES for w in r.regex.literals})) if all(
    isinstance(r.regex, Prefiltered) for r in _CUE_RULES) else None


@lru_cache(maxsize=512)
def _protest_cue(passage: str) -> re.Match | None:
    """The first protest word of a passage that reports a protest taking place (the `cue`
    rules), not negated, planned, a charge, a mood or one person alone."""
    for rule, m in _cue_matches(passage):
        before = passage[max(0, m.start() - 80):m.start()]
        if _legal(before) \
                or _PLANNED_BEFORE.search(before) \
                or _NOT_EVENT_AFTER.match(passage, m.end()) or _ALONE.search(before):
            continue
        if "crowd" in _needs(rule) and not _CROWD.search(before + m.group(0)):
            continue  # "officials gathered in Astana for a meeting"
        if "not_official" in _needs(rule) and _OFFICIAL_MEETING.search(passage):
            continue  # "the gathering in Astana of Central Asian leaders"
        return m
    return None




# "where, five years earlier, police opened fire": a clause set at another time
_OTHER_TIME_BEFORE = rx(r"\b(?:[\w-]+ )?(?:years?|decades?) (?:earlier|ago|before)\b[^.;]*$")


_TOPIC_PERSON = rx(r"\b(?:striker|protester|picketer|demonstrator|strike leader|strike "
                   r"committee)\b")


def _protest_topic(passage: str) -> bool:
    """A protest is named, held or not ("activists who planned to rally"), but not as a charge
    ("charged with taking part in mass riots")."""
    return bool(_TOPIC_PERSON.search(passage)) or any(
        not _legal(passage[max(0, m.start() - 80):m.start()])
        for _, m in _cue_matches(passage))


def _holds(rule, passage: str, m: re.Match, protest: bool, unrest: bool, scene: bool,
           near: bool = False) -> bool:
    """A sub-event rule's match stands: not negated, an act rather than a charge ("charged
    with organising mass riots" names no riot), and what the rule `needs` is there."""
    if not rule.applies(passage, m) or \
            _LEGAL_BEFORE.search(passage[max(0, m.start() - 80):m.start()]) or \
            _OTHER_TIME_BEFORE.search(passage[max(0, m.start() - 60):m.start()]):
        return False
    for need in _needs(rule):
        if need == "no_protesters" and _PROTESTERS_NAMED.search(passage):
            return False
        if need == "violence" and not any(
                _VIOLENT_RULE.applies(passage, v) and not _LEGAL_BEFORE.search(
                    passage[max(0, v.start() - 80):v.start()])
                for v in _VIOLENT_RULE.regex.finditer(passage)):
            return False
        if need == "gathering" and not (protest or (scene and unrest)):
            return False
        if need == "unrest" and not unrest:
            return False
        if need == "protest_topic" and not (scene or near or _protest_topic(passage)):
            return False  # "detained activists who planned to rally": protest is the topic
    return True


_VIOLENT_RULE = next(r for r in _RULES.rules if r.id.endswith(".violent_demonstration"))


# a protest named by its noun ("after the protests") in a sentence about a trial is its
# background, not an act the sentence tells
_NOUN_CUE = rx(r"(?:the )?(?:protests|rallies|demonstrations|unrest|riots|uprising|strikes|"
               r"clashes)|the (?:protest|rally|demonstration|strike|picket|riot)")


def classify(passage: str, unrest_context: bool, scene: bool = False, near: bool = False
             ) -> str | None:
    """ACLED sub-event type of a passage: the highest-priority `sub_event` rule that holds
    there, where a gathering's own cue ranks as a peaceful protest; None if it is no event.

    `scene`: a chronology entry of a place and day amid unrest, where police pushing people
    off the square or detaining them is told of the gathering the entries follow; `near`: the
    sentence before spoke of a protest (a detention told next is an arrest over it)."""
    called_off = bool(_CALLED_OFF.search(passage))
    protest = None if called_off else _protest_cue(passage)
    if (protest is None or _NOUN_CUE.fullmatch(protest.group(0))) and \
            _RULES.first("court", passage):
        # "found guilty of attempting to seize power": a trial, not an event; only the
        # detention it tells ("was detained ... and charged") is one
        arrests = [r for r in _RULES.of_kind("sub_event") if r.sets["sub_event_type"] == "arrests"]
        return "arrests" if any(
            _holds(r, passage, m, False, unrest_context, scene, near)
            for r in arrests for m in r.regex.finditer(passage)) else None
    # with no gathering and no unrest around, only a detention over a protest (one planned,
    # called off or only named) is an event: an arrest
    scene_set = bool(protest) or (unrest_context and not called_off)
    best: tuple[int, str] | None = None
    if protest:
        cue = next(r for r, m in _cue_matches(passage) if m.start() == protest.start())
        best = (cue.priority, cue.sets["sub_event_type"])
    for rule in _RULES.of_kind("sub_event"):
        if best is not None and rule.priority <= best[0]:
            break  # rules come highest priority first: none below can win
        if not scene_set and "protest_topic" not in _needs(rule):
            continue
        if any(_holds(rule, passage, m, bool(protest), unrest_context, scene, near)
               for m in rule.regex.finditer(passage)):
            best = (rule.priority, rule.sets["sub_event_type"])
            break
    return best[1] if best else None


# "a crowd of up to 2,000", "a rally of about 300 people": a turnout, unlike "five of them"
_GATHERING_OF = rx(r"\b(?:crowds?|columns?|gatherings?|rall(?:y|ies)|march(?:es)?|protests?|"
                   r"demonstrations?|pickets?|strikes?|meetings?) of\s*$")


_AGE_APPOSITION = re.compile(r"\b[A-Z][a-z]+,\s*$")
_NOT_TURNOUT_AFTER = rx(r"\s*(?:[\w-]+ ){0,3}?(?:have|had|has)? ?(?:been|were|was) (?:dismissed|"
                        r"fired|laid off|sacked|hired|employed|paid|evacuated|fined|convicted|"
                        r"sentenced|charged)\b")


def _counts(passage: str) -> dict[str, int]:
    """Counts stated in a one-place passage: participants, killed, injured, detained."""
    out: dict[str, int] = {}
    dates = [(r.start, r.end) for r in find_dates(passage)]
    for num in find_numbers(passage):
        if any(s <= num.start < e or num.start <= s < num.end for s, e in dates):
            continue  # "on June 6 and detained dozens": a day, not six detainees
        if not num.is_integer or num.qualifier in ("range", "less_than") \
                or (_AGE_BEFORE.search(passage[:num.start])
                    and not _GATHERING_OF.search(passage[:num.start])
                    and not _COUNT_VERBS_BEFORE["detained"].search(passage[:num.start])):
            continue
        after, before = passage[num.end:], passage[:num.start]
        if _AGE_APPOSITION.search(before) and after.startswith(","):
            continue  # "Yessenov, 47, was detained": an age
        if _NOT_TURNOUT_AFTER.match(after):
            continue  # "212 workers have been dismissed": counted, but not at the event
        ages = _AGES.sub(lambda m: " " * len(m.group()), after)
        nxt = _A_DIGIT.search(ages)
        # "3,000 gathered; 5 were killed"; "two children aged 4 and 11 were shot dead"
        after = ages[:nxt.start()] if nxt else ages
        if _NOT_PEOPLE_AFTER.match(after) or _YEAR_NUMBER.search(num.text):
            continue
        for key, pattern in _COUNT_VERBS.items():
            if key not in out and (pattern.match(after)
                                   or _COUNT_VERBS_BEFORE[key].search(before)):
                out[key] = int(num.value)
                break
        else:
            if "participants" not in out and num.value >= 3 and _is_participants(after, before):
                out["participants"] = int(num.value)
    return out


# ---------------------------------------------------------------- the extractor

@dataclass
class _Found:
    event_date: str
    mention: PlaceMention
    sub_event: str
    span: tuple[int, int]
    counts: dict[str, int] = field(default_factory=dict)
    passage: str = ""


def _resolve(ref: DateRef, years: dict[int, int], context_year: int | None,
             news_day: date | None = None) -> DateRef:
    if ref.year is not None or ref.month is None:
        return ref
    if news_day is not None and ref.day:
        # "On January 12" in a report dated 2 February 2023: the last January 12 before it
        year = news_day.year - ((ref.month, ref.day) > (news_day.month, news_day.day))
        return ref.with_year(year)
    return ref.with_year(years.get(ref.month, context_year))



_DEADLINE_BEFORE = rx(r"\b(?:by|until|till|through|pending|before)\s*$")
# "until October 1", "since January": the bound of a period, not the day of an event
_UNTIL_BEFORE = rx(r"\b(?:until|till|pending|by)\s*$")
_SINCE_BEFORE = rx(r"\bsince\s*$")
_STAMP_AFTER = re.compile(r",?\s*(?:[01]?\d|2[0-3]):[0-5]\d\b")


def _anchors(text: str, start: int, end: int, years: dict[int, int], context_year: int | None,
             base: DateRef | None, dateline: date | None = None,
             news_day: date | None = None) -> list[DateRef]:
    """Dates of a sentence in order, relative ones ("three days later") resolved."""
    refs = [_resolve(r, years, context_year, news_day) for r in find_dates(text, start, end)]
    # "On Monday, May 12": the written date says which Monday
    refs += [w for w in weekday_dates(text, start, end, dateline)
             if not any(0 <= r.start - w.end <= 3 for r in refs)]
    refs += recent_periods(text, start, end, dateline)
    refs += news_day_dates(text, start, end, dateline)
    prefix = DATELINE_PREFIX.match(text, start, end)
    if prefix and any(r.start >= prefix.end() for r in refs):
        # the filing date gives way to a date the report itself states ("on Monday")
        refs = [r for r in refs if r.start >= prefix.end()]
    for m in RELATIVE_DAYS.finditer(text, start, end):
        prior = [r for r in refs if r.end <= m.start() and r.span is None] or (
            [base] if base else [])
        if not prior:
            continue
        anchor = prior[-1]
        if m.group("next"):
            days = 1
        elif m.group("prev"):
            days = -1
        elif m.group("same") or m.group("that"):
            days = 0  # "on the same day, in Oral, ...", "In Aktau that day, ..."
        else:
            n = m.group("n").lower()
            days = int(n) if n.isdigit() else SMALL_NUMBERS.get(n, 1)
            days *= 7 if m.group("unit").lower().startswith("week") else 1  # "a week later"
            days = -days if m.group("dir").lower() in ("before", "earlier") else days
            if m.group("dir").lower() in ("after", "before") and anchor.start >= start and \
                    re.fullmatch(r",\s*", text[anchor.end:m.start()]) and \
                    re.match(r"\s+\w", text[m.end():m.end() + 3]):
                days = -days  # "arrested on March 4, two days after he led a rally": the rally
                refs = [r for r in refs if r is not anchor]
        moved = anchor.shifted(days)
        refs.append(DateRef(m.start(), m.end(), moved.year, moved.month, moved.day, None, False))
    # "the tariff would be suspended until October 1": a deadline, not the day of the event
    # "16.06.2023, 09:51" opening a line: when an item was posted, not when anything happened
    refs = [r for r in refs if not (_STAMP_AFTER.match(text, r.end)
                                    and (r.start == 0 or text[r.start - 1] == "\n"))]
    # "have detained 140 people since January": a month opening a tally; "parked there since
    # Wednesday" is the day the standing protest began
    refs = [r for r in refs if r.iso() and r.span is None
            and not _UNTIL_BEFORE.search(text[max(start, r.start - 12):r.start])
            and not (r.day is None and _SINCE_BEFORE.search(text[max(start, r.start - 8):r.start]))]
    return sorted(refs, key=lambda r: r.start)


# only linking words between a place and the date right after it: "in Aktau on January 3"
# (a comma starts another clause: "in Atyrau, three days later ...")
_PLACE_THEN_DATE = re.compile(r"\s*(?:(?:on|in|during|the|of|early|late|mid|night|evening|"
                              r"morning|afternoon)\s+)*", re.IGNORECASE)


# a relative clause opened after another place: what follows is told of that place
_OTHER_PLACE_WHERE = re.compile(r"\S[^,;]*\b[A-Z][\w-]+,\s+where\b")


def _date_for(text: str, mention: PlaceMention, anchors: list[DateRef]) -> DateRef | None:
    """The date of a place: the one written right after it ("spread to Aktau on January 3"),
    else the nearest one before it, else the first one after it."""
    after = [r for r in anchors if r.start >= mention.end]
    if after and _PLACE_THEN_DATE.fullmatch(text, mention.end, after[0].start):
        return after[0]
    before = [r for r in anchors if r.end <= mention.start]
    if before:
        return before[-1]
    if after and _OTHER_PLACE_WHERE.search(text, mention.end, after[0].start):
        return None  # "began in X, ... turned violent in Y, where ... on 7 March": Y's date
    return after[0] if after else None


@dataclass
class _Sentence:
    start: int
    end: int
    places: list[PlaceMention]
    anchors: list[DateRef]
    block: DateRef | None
    protest: bool
    title: bool = False  # a heading line ("3.4 Hunger strike in Zhetybai"), no narrative
    entry: bool = False  # a chronology entry by settlement, told on the day of its heading
    context: bool = False  # names an episode of unrest ("the events of early January 2022")
    region: bool = False  # names a region ("the health department of Aktobe region")


_TITLE_END = re.compile(r"[.!?:;\"”’)\]]\s*$")


def _is_title(sentence: str) -> bool:
    """A short line of its own with no closing punctuation: a heading, not a sentence."""
    line = sentence.strip()
    return "\n" not in line and len(line) < 100 and not _TITLE_END.search(line)


# "young people from Zhanaozen who had come to Aktau": where the protesters came from
_FROM_BEFORE = rx(rf"\b(?:{_PEOPLE_WORDS}|came|come|arrived|travell?ed) from $|"
                  r"\b(?:arrived|arrive|arrives|sent|brought|came|deployed|bused|transferred)"
                  r"\b[^.;,]{0,30} from $")
# "the Shu detainees", "the Zhanaozen oil workers": a town naming whose people they are
_PEOPLE_AFTER = rx(r"\s+(?:oil |coal |steel )?(?:detainees|workers|miners|prisoners|victims|"
                   r"families|strikers|activists)\b")
# "a Shymkent lawyer", "Zhanaozen resident Amanbek Zhumagaliyev": one person of a town
_PERSON_OF_PLACE = rx(r"\s+(?:lawyer|activist|resident|journalist|blogger|reporter|businessman|"
                      r"official|native|pensioner|teacher|judge|prosecutor|deputy|akim)\b")
# "investigators from Almaty", "police from Taraz": who came, never where it happened
_ELSEWHERE_BEFORE = rx(r"\b(?:investigators|officials|officers|prosecutors|experts|police|"
                       r"troops|reinforcements|delegation|delegates|journalists|reporters|"
                       r"lawyers|inspectors|commission) from $")


# places named around a gathering, not where it was: "to commemorate those killed in Semey",
# "in solidarity with the Zhanaozen workers", "blocked the highway to Atyrau"
_NOT_VENUE_BEFORE = rx(r"\b(?:those|people|victims|protesters|demonstrators) (?:who (?:were|"
                       r"had been) )?(?:killed|shot|died|who died) in $|\bin solidarity with "
                       r"(?:the )?$|\b(?:highway|road|motorway|railway|route) (?:to|from) $|"
                       # "a deal over a gas field near the town of Aksai": where a thing is
                       r"\b(?:field|deposit|plant|mine|factory|project|deal|company|landfill)"
                       r"\b[^.;,]{0,12}\b(?:near|outside) (?:the (?:town|city|village) of )?$")


def _without_origins(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """The places of a sentence less those naming only where people came from, when another
    place is where they gathered."""
    places = [p for p in places
              if not _ELSEWHERE_BEFORE.search(text[max(0, p.start - 40):p.start])
              and not _PERSON_OF_PLACE.match(text, p.end, min(len(text), p.end + 30))]
    origins = [p for p in places if _FROM_BEFORE.search(text[max(0, p.start - 60):p.start])
               or _NOT_VENUE_BEFORE.search(text[max(0, p.start - 40):p.start])
               or _PEOPLE_AFTER.match(text, p.end, min(len(text), p.end + 30))]
    rest = [p for p in places if p not in origins]
    return rest if rest else places


# "several villages of Pavlodar Region": unnamed places of a region, an event of the region
_LOCALITIES_BEFORE = rx(r"\b(?:villages|towns|settlements|districts|cities|parts|areas|"
                        r"communities|auls) (?:of|in|across) (?:the )?$")
_REGION_LEVEL = 3  # ACLED geo-precision of an event known only to its region
# the coding guide keeps region-only events (location NULL); they are written once the record
# model lets location be NULL
_REGION_EVENTS = not ProtestEvent.model_fields["location"].is_required()


def _region_places(text: str, start: int, end: int, towns: list[PlaceMention],
                   regions: list[RegionMention]) -> list[PlaceMention]:
    """Regions of a sentence that stand for events of their own (location NULL): unnamed
    places of a region, or a region where no town of it is named ("protests in the western
    region of Mangystau"); not a region locating a town ("in Kulsary, Atyrau region")."""
    out = []
    named = {p.place.region for p in towns}
    for r in regions:  # find_regions(text, start, end), found once by the caller
        localities = _LOCALITIES_BEFORE.search(text[max(start, r.start - 40):r.start])
        if localities or r.region not in named:
            place = Place(f"{r.region} (region)", r.region, None, None, _REGION_LEVEL,
                          "Kazakhstan")
            out.append(PlaceMention(r.start, r.end, place))
    return out


def _impossible_date(text: str, start: int, end: int) -> bool:
    """The passage writes a day the calendar does not have ("31 February 2023"): its events
    can't be dated, and no other date of the page stands in for it."""
    return any(not find_dates(text, a, b) for a, b in date_shapes(text, start, end))


def _read_sentences(doc: Document) -> list[_Sentence]:
    """The narrative sentences (citations and footnotes dropped) with their places and dates."""
    text = doc.text
    years = month_years(text)
    blocks = chronology_blocks(text, years)
    out: list[_Sentence] = []
    dateline = publication_date(text) or doc.published_on
    reported = dateline or report_date(text)  # the day "on Saturday" is counted back from
    # a month or day without a year: the year of the dateline, else of the title ("2018 in
    # Kazakhstan"), else the last year the narrative stated
    context_year: int | None = dateline.year if dateline else title_year(text)
    entries = settlement_entries(text, blocks)
    for s, e in narrative_sentences(text):
        sentence = text[s:e]
        if is_citation(sentence):
            continue
        block = next((b[2] for b in blocks if b[0] <= s < b[1]), None)
        entry = next((x for x in entries if x[0] <= s < x[1] or s <= x[0] < e), None)
        if entry is not None:
            # a chronology entry by settlement is one passage: its heading place on the
            # day of the chronology (places it names, "in solidarity with Zhanaozen", and
            # dates it recalls, "placed in custody on 14 October", are not its events)
            if not out or out[-1].start != entry[0]:
                out.append(_Sentence(entry[0], entry[1], [entry[2]], [], block,
                                     bool(_protest_cue(text[entry[0]:entry[1]])), entry=True))
            continue
        # "The following day": the day of the passage just told, though the sentence right
        # before it ("Police dispersed the rally.") may state no date of its own
        base = block or next((p.anchors[-1] for p in reversed(out[-3:]) if p.anchors), None)
        # the regions the sentence names: its region events and its flag both ask (a pure
        # function of the span, found once; an error it raised would end the read either way)
        regions = find_regions(text, s, e)
        try:
            # "today" in a live blog's entry is the entry's day
            today = date(block.year, block.month, block.day) if block and block.day else reported
            anchors = _anchors(text, s, e, years, block.year if block else context_year,
                               base, today, None if block else dateline)
            places = [p for p in find_places(text, s, e)
                      if not p.is_region and not is_dateline(text, p.start)
                      and not is_route(text, p)]
            places = [p for p in _without_origins(text, places) if not is_source(text, p)]
            if _REGION_EVENTS:
                places = sorted(places + _region_places(text, s, e, places, regions),
                                key=lambda p: p.start)
            if _impossible_date(text, s, e):
                anchors, places = [], []  # "on 31 February": no date, so no event to date
        except (ValueError, KeyError, IndexError, OverflowError):
            anchors, places = [], []  # an unreadable passage yields nothing
        out.append(_Sentence(s, e, places, anchors, block, bool(_protest_cue(sentence)),
                             _is_title(sentence),
                             context=_RULES.first("context", text, s, e) is not None,
                             region=bool(regions)))
        for r in anchors:
            # "replace the mains by 2025": a deadline sets no year for the narrative
            if r.explicit_year and r.year and not _DEADLINE_BEFORE.search(
                    text[max(s, r.start - 12):r.start]):
                context_year = r.year
    return out


def _scan(doc: Document) -> list[_Found]:
    text = doc.text
    found: list[_Found] = []
    read = _read_sentences(doc)
    inherited: dict[int, PlaceMention] = {}
    reported = report_date(text) or doc.published_on
    for i, sent in enumerate(read):
        if sent.title:
            continue  # a heading names a topic; the sentences under it tell the events
        # unrest around: a chronology, or a protest or an episode named in this sentence or
        # one of the few before it
        unrest = bool(sent.block) or any(
            r.protest or r.context for r in read[max(0, i - _UNREST_REACH):i + 1])
        places = sent.places
        if not places:
            # "The protests ended on December 16, 2011, when ...", "On 4 September, several
            # hundred residents gathered ...": the place of the passage before
            place = _place_before(text, read, inherited, i)
            if place is not None:
                inherited[i] = place
                places = [PlaceMention(sent.start, sent.start, place.place)]
        if not places:
            continue
        scene, told = _scene(read, i), False
        if scene is None:
            scene = _told_day(found, read, i, places)
            told = scene is not None  # the unrest just told of the place goes on
        if scene is None and not sent.anchors and not sent.block and reported:
            # "Witnesses said about 40 people had been held across Almaty": a news report
            # goes on telling the news day its last sentences dated
            scene = _carried_day(text, read, i, reported)
            # the day's gathering goes on being told only if the passage spoke of one
            told = scene is not None and any(
                r.protest for r in read[max(0, i - _CARRY_REACH):i + 1])
        try:
            near = sent.protest or (i > 0 and read[i - 1].protest)
            events = _events_in(text, sent, places, unrest or told, scene, told, near)
        except (ValueError, KeyError, IndexError, OverflowError):
            continue
        if len({f.mention.place.name for f in events}) == 1:
            for nxt in read[i + 1:i + 1 + _FOLLOW_ON]:
                if nxt.places or nxt.title or nxt.block != sent.block or \
                        any(r.day for r in nxt.anchors) or timed_entry_at(text, nxt.start):
                    break  # another place, day or live-blog entry tells something else
                if nxt.anchors:
                    continue  # an aside set in another month or year ("which took effect in
                    # July") neither adds to the event nor ends its telling
                _follow_on(text, events, nxt)
        found.extend(events)
    return found


_OCCASION_BEFORE = rx(r"\b(?:after|before|ahead of|following|since|on the eve of) the\s*$")
_FOLLOW_ON = 4  # sentences after an event that may add its toll, without place or date
_LOOK_BACK = 4  # sentences back a dated sentence with no place looks for the passage's place


def _place_before(text: str, read: list[_Sentence], inherited: dict[int, PlaceMention],
                  i: int) -> PlaceMention | None:
    """The one place of the passage a dated sentence without a place continues: the sentence
    right before for a day, or (for a sentence with a protest word of its own, dated to a day or
    month) the last one naming a place within the same section."""
    sent = read[i]
    if sent.region:
        return None  # a sentence about a region is not about the town named before it
    # "after the March 19 elections": the date of another occasion, not of this passage
    own = [r for r in sent.anchors
           if not _OCCASION_BEFORE.search(text[max(0, r.start - 25):r.start])]
    if not any(r.day or (r.month and sent.protest) for r in own) or \
            _NATIONAL.search(text[sent.start:sent.end]):
        return None
    if not any(r.day for r in own):
        # a month dates the protest only when written with it ("the protests in February"),
        # not "In August the office released a list of those who died in the protests"
        cue = _protest_cue(text[sent.start:sent.end])
        if cue is None or not 0 <= sent.anchors[0].start - (sent.start + cue.end()) <= 40:
            return None
    reach = _LOOK_BACK if sent.protest and any(r.day for r in sent.anchors) else 1
    for j in range(i - 1, max(-1, i - 1 - reach), -1):
        if read[j].title:
            return None
        named = read[j].places or ([inherited[j]] if j in inherited else [])
        if named:
            names = {p.place.name for p in named}
            return named[0] if len(names) == 1 else None
        if read[j].anchors:
            return None  # a sentence set at another time ends the passage
    return None


_TOLL_SUMMARY = rx(r"\b(?:unrest|events|violence|riots|clashes|protests|crisis)\b[^.;]{0,40}"
                   r"\b(?:left|claimed|resulted in|caused)\b|\btoll\b|\bin total\b|\boverall\b|"
                   r"\baltogether\b")


# "Six participants were detained.": the people of the event just told, counted
_OWN_TOLL = rx(r"\s*\S+ (?:of the )?(?:participants|protesters|demonstrators|strikers|"
               r"picketers|women|men|activists|workers|residents|mothers) (?:were|was|had been|"
               r"have been) (?:detained|arrested|injured|hurt|wounded|killed|taken away|taken to "
               r"(?:a |the )?(?:local )?police)\b")


_PROTESTERS = rx(r"\b(?:protesters|demonstrators|strikers|picketers|rally|protest|riots?|"
                 r"clashes)\b")


# "The regional police department said 14 people had been detained": a count reported of
# the event the paragraph tells
_REPORTED = rx(r"\b(?:said|says|told|reported|according to)\b")


def _follow_on(text: str, events: list[_Found], nxt: _Sentence) -> None:
    """Facts a sentence with no place or date of its own adds to the one-place event before.

    The turnout always counts ("Up to 5,000 people took part in the rally."); detentions,
    deaths and a harsher type only when the sentence points back at the event ("Police
    dispersed the protest and detained 12 participants"): told otherwise they are often totals.
    """
    passage = text[nxt.start:nxt.end]
    if _NATIONAL.search(passage):
        return
    counts = _counts(passage)
    # a day's entry of a chronology tells that day's event throughout; so does the paragraph
    # of a report, in a sentence about the protesters ("Police detained 15 people after
    # protesters tried to enter the building") that sums up nothing
    paragraph = "\n\n" not in text[events[0].span[0]:nxt.start] and bool(
        _PROTESTERS.search(passage) or _REPORTED.search(passage)) and \
        not _TOLL_SUMMARY.search(passage)
    refers = bool(BACK_REFERENCE.search(passage) or _OWN_TOLL.match(passage)
                  or nxt.block is not None or paragraph)
    if not refers:
        # the toll told right after force was used is that event's ("Two people were killed")
        # but "the unrest in the city left 12 dead" sums up the whole episode
        forceful = min(SUB_EVENTS[f.sub_event][1] for f in events) >= \
            SUB_EVENTS["protest_with_intervention"][1] \
            and not _TOLL_SUMMARY.search(passage)
        keep = ("participants", "killed", "injured") if forceful else ("participants",)
        counts = {k: v for k, v in counts.items() if k in keep}
    kind = None
    if refers:
        # a sentence pointing back at the gathering tells of it: its detentions are the
        # gathering's intervention, not arrests of their own
        kind = classify(passage, True, scene=True)
    for f in events:
        added = False
        for key, value in counts.items():
            if key not in f.counts:
                f.counts[key] = value
                added = True
        if kind and SUB_EVENTS[kind][1] > SUB_EVENTS[f.sub_event][1]:
            f.sub_event, added = kind, True
        if added and nxt.end - f.span[0] <= EVIDENCE_WINDOW:
            f.span = (f.span[0], nxt.end)  # the evidence states the added facts too


_TOLD_REACH = 10  # sentences back an undated one may continue the event of its place


_UNREST_REACH = 3  # sentences back a protest word sets the scene for acts told after it
_CARRY_REACH = 5  # sentences back whose day a report's undated sentence goes on telling


def _carried_day(text: str, read: list[_Sentence], i: int, reported: date) -> DateRef | None:
    """The day the sentences just before state (the latest day of the nearest dated one),
    when it is the news day: the report's date or a day of the week before it."""
    sent = read[i]
    if DATELINE_PREFIX.match(text, sent.start, sent.end):
        # the lead after a dateline ("URALSK -- Police have detained ...") tells the news day
        return DateRef(sent.start, sent.start, reported.year, reported.month, reported.day,
                       None, False)
    for prev in read[max(0, i - _CARRY_REACH):i][::-1]:
        if prev.title or prev.block:
            return None
        days = [r for r in prev.anchors if r.day and r.year]
        if days:
            ref = days[-1]
            if not 0 <= (reported - date(ref.year, ref.month, ref.day)).days <= 7:
                return None
            return DateRef(read[i].start, read[i].start, ref.year, ref.month, ref.day, None,
                           False)
        # a passage set in another month or year ends the day's narrative (an aside,
        # "parties that tried to register last year", does not)
        if prev.anchors and (prev.places or prev.protest):
            return None
    return None


def _told_day(found: list[_Found], read: list[_Sentence], i: int,
              places: list[PlaceMention]) -> DateRef | None:
    """The day of the one event just told of each place of the sentence (one day for all), for
    a sentence with no date ("27 people were detained in Kulsary, it said" after "... spread
    to Kulsary on Monday")."""
    sent = read[i]
    if sent.anchors or sent.block:
        return None
    since = read[max(0, i - _TOLD_REACH)].start
    told = set()
    for name in {p.place.name for p in places}:
        # "in Almaty – 26, in Astana – 14": several places, all told of on one day
        days = {f.event_date for f in found if f.mention.place.name == name}
        recent = [f for f in found if f.mention.place.name == name and f.span[0] >= since]
        if len(days) != 1 or not recent or len(recent[0].event_date) != 10:
            return None
        told.add(recent[0].event_date)
    if len(told) != 1:
        return None
    day = date.fromisoformat(told.pop())
    return DateRef(sent.start, sent.start, day.year, day.month, day.day, None, False)


def _scene(read: list[_Sentence], i: int) -> DateRef | None:
    """The month a passage is set in, from one of the two sentences before it that name no
    place ("From January 3-7, 2022, major cities were engulfed in chaos. ...")."""
    for prev in read[max(0, i - 2):i][::-1]:
        if prev.places:
            return None
        months = [r for r in prev.anchors if r.month and r.day is None and r.year]
        if months:
            return months[-1]
    return None


_WHERE_CLAUSE = re.compile(r",\s+where\b[^,;.]*")


def _blank(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """text[start:end] with the given spans blanked out (offsets kept)."""
    chars = list(text[start:end])
    for a, b in spans:
        for i in range(max(a, start), min(b, end)):
            chars[i - start] = " "
    return "".join(chars)


def _figures_by_place(text: str, s: int, e: int, places: list[PlaceMention]
                      ) -> tuple[dict[str, NumberMatch], str | None]:
    """A figure broken down by place, and what it counts: "47 people were taken to police
    stations: in Almaty – 26, in Astana – 14" (the words before the list say what), or
    "pickets in Kyzylorda and Taraz, with about 40 and 25 participants respectively"."""
    pairs = place_figures(text, s, e, places)
    if pairs:
        head = min(places[k].start for k in pairs)
        key = next(iter(_counts(text[s:head])), None)
        return ({places[k].place.name: n for k, n in pairs.items()}, key) if key else ({}, None)
    distinct = list({p.place.name: p for p in reversed(places)}.values())[::-1]
    paired = respective_figures(text, s, e, distinct)
    if not paired:
        return {}, None
    key = next(iter(_counts(text[min(n.start for n in paired.values()):e])), None)
    return ({distinct[k].place.name: n for k, n in paired.items()}, key) if key else ({}, None)


_ITEM_BREAK = re.compile(r",\s+(?:and\s+(?:finally\s+|then\s+)?)?|\s+and\s+then\s+")


def _item_bounds(text: str, start: int, end: int, mention: PlaceMention) -> tuple[int, int]:
    lo, hi = start, end
    for m in _ITEM_BREAK.finditer(text, start, end):
        if m.end() <= mention.start:
            lo = m.end()
        elif m.start() >= mention.end:
            hi = m.start()
            break
    return lo, hi


def _item_anchors(text: str, start: int, end: int, mention: PlaceMention,
                  anchors: list[DateRef]) -> list[DateRef]:
    lo, hi = _item_bounds(text, start, end, mention)
    return [r for r in anchors if lo <= r.start < hi]


def _item_types(text: str, start: int, end: int, places: list[PlaceMention], unrest: bool
                ) -> dict[int, str]:
    """A list of episodes, each with its place ("a peaceful rally in Zhanaozen on January 2,
    ... and finally the descent of Almaty into riots"): the type each item states, when two
    items state different types; else none (the sentence's type holds for all)."""
    if len({p.place.name for p in places}) < 2:
        return {}
    out: dict[int, str] = {}
    for p in places:
        lo, hi = _item_bounds(text, start, end, p)
        kind = classify(text[lo:hi], unrest)
        if kind:
            out[id(p)] = kind
    return out if len(set(out.values())) > 1 else {}


_AND_DATE = re.compile(r"\s*(?:,|and|,\s*and)\s*(?:on\s+)?")
_GOES_ON_BEFORE = rx(r"\b(?:ended|continued|went on|resumed|lasted|persisted|carried on)\b"
                     r"[^.;]{0,25}$")


def _events_in(text: str, sent: _Sentence, places: list[PlaceMention], unrest: bool,
               scene: DateRef | None = None, told: bool = False, near: bool = False
               ) -> list[_Found]:
    out: list[_Found] = []
    s, e = sent.start, sent.end
    sentence = text[s:e]
    # a chronology entry, or a sentence going on about the gathering of its place and day,
    # tells police detaining people as the gathering's intervention
    sentence_type = classify(sentence, unrest, sent.entry or told or sent.block is not None,
                             near)
    if sentence_type is None:
        return out
    one_place = len({p.place.name for p in places}) == 1
    national = bool(_NATIONAL.search(sentence))
    # "six died: four shot on 7 March, one on 9 March and ...": a total over several days
    breakdown = ":" in sentence and len({r.iso() for r in sent.anchors if r.day}) > 1
    counts = _counts(sentence) if one_place and not national and not breakdown else {}
    # "47 people were taken to police stations: in Almaty – 26, in Astana – 14": a figure
    # broken down by place counts what the words before the list count
    figures, figure_key = _figures_by_place(text, s, e, places) if not one_place else ({}, None)
    for seg_start, seg_end in split_clauses(text, s, e):
        seg_places = [p for p in places if seg_start <= p.start < seg_end]
        if not seg_places:
            continue
        seg_type = sentence_type if one_place else (
            classify(text[seg_start:seg_end], unrest) or sentence_type)
        seg_counts = counts
        if not one_place and not national and len({p.place.name for p in seg_places}) == 1:
            # "Protests spread to Aktau and Atyrau; in Aktau, about 5,000 people remained"
            seg_counts = _counts(text[seg_start:seg_end])
        # "spread from Zhanaozen to Kulsary, where demonstrators set a car on fire": a
        # relative clause after a place tells of that place only
        if figures:
            seg_counts = {}
        where = {id(p): m.span() for p in seg_places
                 if (m := _WHERE_CLAUSE.match(text, p.end, seg_end))}
        items = _item_types(text, seg_start, seg_end, seg_places, unrest)
        for mention in seg_places:
            # a date in the list item of the place is its own ("..., and finally the
            # descent of Taraz into riots on 6 March")
            own = _item_anchors(text, seg_start, seg_end, mention, sent.anchors) \
                if len({p.place.name for p in seg_places}) > 1 else []
            ref = _date_for(text, mention, own or sent.anchors) or sent.block or scene
            if ref is None or ref.iso() is None or ref.year is None:
                continue
            own_type = items.get(id(mention)) or seg_type
            others = [span for key, span in where.items() if key != id(mention)]
            if others:
                own = _blank(text, seg_start, seg_end, others)
                own_type = classify(own, unrest) or seg_type
            span = focus_span(text, s, e, mention.start, mention.end)
            own_counts = dict(seg_counts)
            if figure_key and mention.place.name in figures:
                own_counts[figure_key] = int(figures[mention.place.name].value)
            out.append(_Found(ref.iso(), mention, own_type, span, own_counts, sentence))
            # "...; the strike ended the following day": the gathering went on to that day;
            # "on Monday and Tuesday": it was held on both
            prev_end = ref.end
            for later in sent.anchors:
                if not later.day or later.start <= max(ref.end, mention.end) - 1:
                    continue
                both = _AND_DATE.fullmatch(text, prev_end, later.start) is not None
                if both or _GOES_ON_BEFORE.search(text, max(s, later.start - 40), later.start):
                    out.append(_Found(later.iso(), mention, own_type, span, {}, sentence))
                    prev_end = later.end if both else prev_end
    return out


# The gate of `extract`: a necessary condition of any record, checked on the text before its
# sentences are read (their dates, places and regions: the costly part).
#
# Every record is a _Found, and _events_in makes one only where classify(text[s:e], ...) is
# not None for a passage `_read_sentences` read: a narrative sentence (not a citation) or a
# settlement entry (_follow_on adds facts to events already found). classify returns a type
# only from a `cue` match in the passage (_protest_cue reads _cue_matches) or from a
# `sub_event` rule whose pattern matches there (its rule loop, and the court path's arrests
# rules, ask finditer): (1) some passage has a cue or a sub_event match.
#
# The document's first event (each later one comes after it) is found with `found` empty,
# so _told_day gives no day and `told` is set only beside a protest word (_carried_day's
# branch). Where no sentence has a cue match, every `protest` flag, `near` and `told` is
# False; where besides no sentence names an episode (`context`) and the text has no
# chronology block (so no `block` and no settlement `entry`, which lie in blocks), `unrest`
# and `scene` are False too. classify then tries only the rules that need `protest_topic`,
# which hold only where _protest_topic(passage) does (no cue: _TOPIC_PERSON), and the court
# path's arrests rules, which need it as well (_TOPIC_COURT, read from the pack; were one
# not to, this second condition would not be used): (2) the text has a cue match, a
# `context` match, a chronology block or a _TOPIC_PERSON match in a sentence.
_SUB_EVENT_RULES = _RULES.of_kind("sub_event")
_TOPIC_COURT = all(
    "protest_topic" in _needs(r) or "unrest" in _needs(r) or "gathering" in _needs(r)
    for r in _SUB_EVENT_RULES if r.sets["sub_event_type"] == "arrests")


def _sub_event_match(passage: str) -> bool:
    """A `sub_event` rule's pattern matches in the passage: the rules whose words occur
    (RulePack.candidates: one whose words are absent cannot match), each run as the bare
    pattern its Prefiltered one runs where its words occur."""
    return any(pattern.search(passage) is not None
               for _, pattern in _RULES.candidates("sub_event", passage))


def _may_tell_events(text: str) -> bool:
    """Whether the text may yield an event: conditions (1) and (2) above, on every narrative
    sentence (those `_read_sentences` keeps are among them) and chronology entry."""
    spans = narrative_sentences(text)
    # a cue meets both conditions (its results are the ones _read_sentences asks next)
    if any(_cue_matches(text[s:e]) for s, e in spans):
        return True
    blocks = chronology_blocks(text, month_years(text))
    if _TOPIC_COURT and not blocks and not any(
            _TOPIC_PERSON.search(text[s:e]) or _RULES.first("context", text, s, e)
            for s, e in spans):
        return False  # (2) fails
    entries = settlement_entries(text, blocks) if blocks else []
    return any(_sub_event_match(text[s:e]) for s, e in spans) or any(
        _cue_matches(text[s:e]) or _sub_event_match(text[s:e]) for s, e, _ in entries)


def _merge(found: list[_Found]) -> list[_Found]:
    """One row per (place, date): the most severe type, the first evidence, counts kept."""
    merged: dict[tuple[str, str], _Found] = {}
    for f in found:
        key = (f.mention.place.name, f.event_date)
        have = merged.get(key)
        if have is None:
            merged[key] = _Found(f.event_date, f.mention, f.sub_event, f.span, dict(f.counts),
                                 f.passage)
            continue
        for k, v in f.counts.items():
            have.counts[k] = max(v, have.counts.get(k, v))  # the peak the day reached
        if SUB_EVENTS[f.sub_event][1] > SUB_EVENTS[have.sub_event][1]:
            have.sub_event, have.span, have.passage = f.sub_event, f.span, f.passage
    rows = list(merged.values())
    finer = {(f.mention.place.name, f.event_date[:n]) for f in rows for n in (4, 7)
             if len(f.event_date) > n}
    return [f for f in rows if (f.mention.place.name, f.event_date) not in finer]


def _describe(found: _Found) -> str:
    passage = " ".join(found.passage.split())
    line = f"{_LABELS[found.sub_event]} in {found.mention.place.name}: {passage}"
    return line if len(line) <= 200 else line[:197].rstrip() + "..."


def extract(doc: Document) -> list[ProtestEvent]:
    if not _may_tell_events(doc.text):
        return []  # no passage classify could type: no event (see _may_tell_events)
    return _events(doc)


def _events(doc: Document) -> list[ProtestEvent]:
    """The records of a document, read in full (`extract` without its gate)."""
    out = []
    for f in _merge(_scan(doc)):
        try:
            place = f.mention.place
            out.append(ProtestEvent(
                source_name=doc.source_name, **doc.cite(*f.span), event_date=f.event_date,
                location=None if place.geo_precision == _REGION_LEVEL else place.name,
                region=place.region, latitude=place.latitude,
                longitude=place.longitude, geo_precision=place.geo_precision,
                event_type=SUB_EVENTS[f.sub_event][0], sub_event_type=f.sub_event,
                participants=f.counts.get("participants"), killed=f.counts.get("killed"),
                injured=f.counts.get("injured"), detained=f.counts.get("detained"),
                description=_describe(f)))
        except (ValueError, KeyError):
            continue  # a malformed passage is skipped, never fatal
    return out


# Patterns of the functions above, compiled once at import rather than at their first use in
# each extraction process; each is the pattern and flags the call wrote inline.
_AGE_BEFORE = re.compile(r"\b(?:aged|age|of)\s*$|\baged \d+ (?:and|to|-)\s*$")
_NOT_PEOPLE_AFTER = re.compile(r"\s*(?:%|percent|-?years?|months?|days?|hours?|tenge|KZT|"
                               r"USD|\$)", re.IGNORECASE)
_A_DIGIT = re.compile(r"\d")
