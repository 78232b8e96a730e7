"""Protest events (ACLED's unit: one row per document, place and day) from narrative text.

How a passage becomes events:
- the text is read sentence by sentence; a sentence yields events when it names a place of
  the gazetteer and speaks of protest or unrest (rallies, strikes, gathering protesters), or
  of violence (storming, arson, shooting, deaths) inside a chronology or next to protest words;
- each place takes the nearest date written in its sentence ("On May 26, 2011",
  "in January 2002", "three days later"), else the day heading of a chronology
  ("January 4. Oil workers began to gather ..." or "Wednesday, 9 October 2024" on its own
  line), else a date of the previous sentence; in a chronology by settlement
  ("Aktau. Police dispersed ...") each paragraph is one event of its heading place and day;
  a day or month without a year takes the year the document pairs with that month;
- the event type is the most severe that the passage states (ACLED's precedence);
- participant, death, injury and detention counts are kept only for a sentence (or a clause
  between semicolons) about one place and never for national totals ("in the country",
  "nationwide"); the next sentence adds its turnout, and its detentions, deaths and a harsher
  type when it points back at the event ("Police dispersed the protest and detained 12");
- a single-person picket is no gathering; a town naming a road's end ("the Taraz-Zhanatas
  highway") is no event place;
- rows for the same place and date merge; a month (year) row is dropped when the document
  dates that place's activity to a day (month) within it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from kzwatch.document import Document
from kzwatch.text.daterefs import (
    DAY_PATTERN,
    MONTH_DAY_ALTERNATION,
    RELATIVE_DAYS,
    SMALL_NUMBERS,
    DateRef,
    month_years,
)
from kzwatch.text.daterefs import YEAR_PATTERN as _YEAR
from kzwatch.text.daterefs import find_date_refs as find_dates
from kzwatch.text.numbers import find_numbers
from kzwatch.text.patterns import rx
from kzwatch.text.places import PlaceMention, find_places
from kzwatch.text.segment import (
    EVIDENCE_WINDOW,
    focus_span,
    is_citation,
    narrative_sentences,
)
from models.records import ProtestEvent

# ---------------------------------------------------------------- vocabulary of events

_PEOPLE_WORDS = (r"(?:people|persons|protesters|demonstrators|participants|workers|residents|"
                 r"citizens|activists|strikers|miners|women|men|students|pensioners|farmers|"
                 r"employees|supporters|drivers|mothers|villagers|entrepreneurs|traders|youths?)")
_PROTEST = rx(
    r"\b(?:protest(?:s|ed|ers?|ing)?|rall(?:y|ies)|demonstrations?|demonstrators|"
    r"picket(?:s|ed|ing)?|strikers|(?:went|go|going|were|are) on (?:a )?strike|"
    r"(?:hunger|general|the|a) strikes?|sit-ins?|(?-i:march(?:ed|es)?)|"
    r"took to the streets|came out (?:to|onto|into|on) the (?:streets?|squares?)|"
    r"came out to protest|(?:began|started|continued) to gather|gather(?:ed|ing)(?: again)? "
    r"(?:in|at|near|on|outside)|unrest|uprising|riots?(?! police| gear| squads?| control)|"
    r"rioted|rioters|protest movement|stopped work|walked off the job|downed tools|"
    r"(?:largest|biggest|first|wildcat|warning|indefinite|labour|[\w-]+-day) strikes?|"
    # "three women holding placards": people showing slogans in public are demonstrating
    r"(?:holding|with|carrying|raising|displaying) (?:[\w-]+ ){0,2}?(?:placards|banners|posters)|"
    r"rallied|rallying|clash(?:es|ed)|pogroms?|striking (?:[\w-]+ )?(?:workers|miners|"
    r"employees|drivers|teachers|doctors)|blocked (?:the |a )?(?:[\w–-]+ ){0,2}?(?:road|highway|"
    r"street|traffic|bridge|railway|entrance)|road blockades?|"
    r"(?:opened fire|fired) on (?:the )?(?:[\w-]+ ){0,2}"
    r"(?:protesters|demonstrators|crowds?|rally|residents)|looters|"
    # "a crowd of up to 2,000 stormed the akimat": a crowd acting is a gathering
    r"(?:crowds?|mobs?)\b[^.;]{0,40}\b(?:stormed|attacked|seized|burned|torched|smashed|"
    r"looted|besieged|gathered|marched|returned|remained)|"
    # "the gathering on Dostyk Avenue", "dispersed a gathering of young people": the noun
    rf"(?:the|a) gathering (?:on|in|at|near|outside|of (?:[\w-]+ ){{0,3}}?{_PEOPLE_WORDS}))\b")
# a protest that did not happen ("the rally did not take place", "was banned")
_CALLED_OFF = rx(r"\b(?:did not take place|never took place|(?:was|were) (?:cancell?ed|called "
                 r"off|banned|prevented|postponed)|refused (?:permission|to allow))\b")
_VIOLENT = rx(
    r"\b(?:storm(?:ed|ing)|seiz(?:ed|ing)|set (?:it |them |\w+ )?(?:on )?fire|set fire|"
    r"set (?:[\w-]+ ){0,3}?(?:ablaze|alight)|ransack(?:ed|ing)|vandali[sz](?:ed|ing)|"
    r"burn(?:ed|t|ing)|torch(?:ed|ing)|arson|smash(?:ed|ing)|demolish(?:ed|ing)|"
    r"(?:tore|torn|pulled|knocked) down|toppl(?:ed|ing)|broke into|overturn(?:ed)|"
    r"clash(?:es|ed)|riot(?:s|ed|ing)?(?! police| gear| squads?| control)|pogroms?|"
    r"threw (?:stones|rocks|molotov)|"
    r"attack(?:ed|ing) (?:the )?(?:police|building|akimat|government))\b")
# a brawl that escalates is violence of a crowd, not of demonstrators
_MOB = rx(r"\b(?:mob|lynch(?:ed|ing)?|inter-?ethnic|interethnic|communal|pogroms?|"
          r"(?:fight|brawl|scuffle)s? between)\b")
_FORCE = rx(
    r"\b(?:open(?:ed)? fire|fir(?:ed|ing) (?:(?:live |rubber |warning )?(?:rounds|shots|"
    r"bullets|ammunition) )?(?:on|at|into)|shot at|live (?:ammunition|rounds)|"
    r"firearms against|use firearms|shoot(?:ing)? (?:at|to kill)|killed (?:protesters|"
    r"demonstrators))\b")
_INTERVENTION = rx(
    r"\b(?:(?:were|was|being|forcibly|police|troops) dispersed|dispersed (?:the|an?|"
    r"by(?! (?:noon|midnight|morning|evening|night|the evening|\d)))|"
    r"(?:push|pushing|pushed|drove|driving|forced|forcing) (?:the )?(?:people|protesters|"
    r"demonstrators|crowds?|participants) (?:off|out of|away|back)|"
    r"(?:to|police) disperse (?:the )?(?:demonstrators|protesters|crowds?|rally|people|"
    r"participants)|tear gas|stun grenades|rubber bullets|water cannons?|batons|detentions|"
    # "the detention of at least 25 protesters", not a protest "against the detention of"
    r"(?<!against\sthe\s)(?<!over\sthe\s)(?<!against\s)(?:detention|arrests?) of (?:at least |more "
    r"than |over |some |about |up to )?(?:[\d,]+ |[a-z]+ )?(?:peaceful )?(?:protesters|"
    r"demonstrators|participants|activists|strikers|picketers)|"
    r"(?:were|was) (?:detained|arrested)|(?:police|officers|authorities|security forces)\b"
    r"[^.;]{0,60}?\b(?:detained|arrested)\b"
    # "police detained activist Serik Utegenov": one named person is a case, not a dispersal
    r"(?! (?:[a-z-]+ ){0,2}(?-i:[A-Z][a-z]+ [A-Z][a-z]+)))")
_VAC = rx(
    r"\b(?:children|child|civilians|residents|passers-by|bystanders|journalists?)\b[^.;]{0,60}"
    r"\b(?:shot dead|shot|killed|murdered|beaten to death)\b")
_DEATHS = rx(r"\b(?:dead|killed|died|deaths?|shot dead|fatalities)\b")
_LOOTING = rx(r"\b(?:loot(?:ed|ing|ers)|robbery|robbed|plunder(?:ed)?|pillag\w+|"
              r"ransack(?:ed|ing))\b")
# troops arriving or the internet cut: ACLED's strategic developments (tied to a place and day)
_STRATEGIC = rx(
    r"\b(?:troops|soldiers|servicemen|peacekeepers|(?:units|forces) of the [\w ]{0,20}?"
    r"(?:National Guard|army)|National Guard|armou?red vehicles)\b[^.;]{0,40}?\b(?:arrived|"
    r"were deployed|deployed|entered|took up positions)\b|\binternet (?:was |has been )?"
    r"(?:shut ?down|cut off|blocked)|\binternet shutdown|"
    r"\binternet (?:is|was|has been|had been) (?:not working|down|unavailable|disrupted|"
    r"switched off|turned off)")
_NEGATION = re.compile(r"\b(?:not|no|never|without|nor)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_NATIONAL = rx(r"\b(?:in the country|across the country|throughout the country|"
                r"nationwide|in total|in all regions|in Kazakhstan(?!['’]))\b")

# sub-event type -> (event type, severity); higher severity wins (ACLED precedence)
SUB_EVENTS = {
    "attack": ("violence_against_civilians", 7),
    "mob_violence": ("riots", 6),
    "violent_demonstration": ("riots", 5),
    "excessive_force_against_protesters": ("protests", 4),
    "protest_with_intervention": ("protests", 3),
    "peaceful_protest": ("protests", 2),
    "looting_property_destruction": ("strategic_developments", 1),
    "other": ("strategic_developments", 0),
}
_LABELS = {
    "attack": "Attack on civilians", "mob_violence": "Mob violence",
    "violent_demonstration": "Violent demonstration",
    "excessive_force_against_protesters": "Excessive force against protesters",
    "protest_with_intervention": "Protest with intervention",
    "peaceful_protest": "Peaceful protest", "looting_property_destruction": "Looting",
    "other": "Security development",
}

_PEOPLE = (r"(?:people|persons|protesters|demonstrators|participants|workers|oil workers|"
           r"residents|citizens|activists|strikers|miners|women|men|students|pensioners|"
           r"farmers|employees|supporters|drivers|mothers|villagers|entrepreneurs|traders|"
           r"relatives|parents)")
# the words between a number and its verb: no clause of its own ("200 people rallied and
# police detained dozens" does not make 200 detainees)
_GAP = r"(?:(?!\b(?:and|but|while|whereas|after|before|when|rallied|protested|marched|" \
       r"gathered|picketed|stormed|went|took part)\b)[^.;]){0,50}?"
_COUNT_VERBS = {
    "killed": rx(rf"^{_GAP}\b(?:killed|dead|died|shot dead|lost their lives)\b"),
    "injured": rx(rf"^{_GAP}\b(?:injured|wounded|hurt|hospitali[sz]ed|taken to hospital)\b"),
    "detained": rx(rf"^{_GAP}\b(?:detained|arrested|taken into custody)\b"),
}
_YEAR_NUMBER = re.compile(r"(?<![\d,.])(?:19|20)\d\d$")  # "2011", "over 2022" are years
_AGES = re.compile(r"\baged\s+\d+(?:\s*(?:and|to|-)\s*\d+)?")
# "police detained 40 people", "killing 3": the verb before the number
_COUNT_VERBS_BEFORE = {
    "killed": rx(r"\b(?:killing|killed|claimed the lives of)\s*$"),
    "injured": rx(r"\b(?:injuring|injured|wounding|wounded)\s*$"),
    "detained": rx(r"\b(?:detaining|detained|arresting|arrested|(?:detention|arrest) of)\s*$"),
}
_PARTICIPANTS_AFTER = re.compile(
    rf"^(?:\s*(?:\w+\s+){{0,3}}?{_PEOPLE}\b|-strong\b)(?![^.;]{{0,40}}\b(?:killed|dead|died|"
    rf"injured|wounded|detained|arrested)\b)", re.IGNORECASE)
# "the number of protesters exceeded 3,000" (the verb may be read as the number's bound),
# "a crowd of up to 2,000", "drew some 500"
_PARTICIPANTS_BEFORE = re.compile(
    r"\b(?:number of (?:protesters|demonstrators|participants|strikers|people)[^.;]{0,40}?"
    r"(?:exceeded|reached|was|is|stood at|grew to|rose to)?|(?:gathered|brought together|drew|"
    r"attracted)|(?:crowds?|columns?|gatherings?|rall(?:y|ies)|march(?:es)?|protests?|"
    r"demonstrations?|pickets?|strikes?|meetings?) of)\s*$", re.IGNORECASE)


_VICTIMS_AFTER = rx(r"^\s*(?:people|persons)?\s*(?:were|was) (?:killed|detained|arrested|injured)")


def _is_participants(after: str, before: str) -> bool:
    """A count of people taking part: "3,000 oil workers went on strike", "number of
    protesters exceeded 3,000" — not "26 people were killed"."""
    if _VICTIMS_AFTER.match(after):
        return False
    return bool(_PARTICIPANTS_AFTER.match(after) or _PARTICIPANTS_BEFORE.search(before))


# a protest word that names a charge or a mood, not an event: "sentenced for organising mass
# riots", "charged with participation in an unauthorised rally", "protest moods"
_LEGAL_BEFORE = rx(r"\b(?:organi[sz]\w*|coordinat\w*|participat\w*|incit\w*|"
                   r"call(?:s|ed|ing)? (?:for|to)|charged|accused|guilty|convicted|sentenced|"
                   r"suspected|article)\b"
                   r"(?: [\w-]+){0,4} $")
# "she helped organise a rally on 3 May": the act of organising one that was held
_ORGANISED_ACT = rx(r"\b(?:helped|helping) (?:to )?organi[sz]e[ds]?"
                    r"(?: [\w-]+){0,3} $")


def _legal(before: str) -> bool:
    """The protest word names a charge ("sentenced for organising mass riots")."""
    return bool(_LEGAL_BEFORE.search(before)) and not _ORGANISED_ACT.search(before)


# "announced a rally", "planned to hold a picket": a protest not (yet) held
_PLANNED_BEFORE = rx(r"\b(?:announc\w*|plann\w*|intend\w*|threaten\w*|appl(?:y|ied|ying) "
                     r"for|notif\w*|permission (?:for|to)|request\w*)(?: [\w-]+){0,3} $")
_NOT_EVENT_AFTER = rx(r" (?:moods?|sentiments?|potential|votes?|voting|attitudes?|letters?|"
                      r"notes?|songs?|art)\b")
_CROWD = rx(r"\b(?:people|residents|protesters|demonstrators|workers|activists|crowds?|"
            r"hundreds|thousands|dozens|citizens|women|mothers|supporters|relatives|drivers|"
            r"miners|students|pensioners|farmers|entrepreneurs|traders|parents|families|"
            r"villagers|locals|employees|youth|participants|strikers)\b[^.;]{0,60}$")


_OFFICIAL_MEETING = rx(r"\b(?:leaders|ministers|officials|delegates|summit|forum|conference|"
                      r"congress|session|investors|heads of state|shareholders|diplomats)\b")
# a protest of one person is not a gathering (ACLED: three or more people)
_ALONE = rx(r"\b(?:single[- ]person|one[- ]person|one[- ]man|one[- ]woman|solo|solitary|lone|"
            r"individual)\s*$")


def _protest_cue(passage: str) -> re.Match | None:
    """The first protest word of a passage that reports a protest taking place."""
    for m in _PROTEST.finditer(passage):
        before = passage[max(0, m.start() - 80):m.start()]
        word = m.group(0).lower()
        if _negated(passage, m.start()) or _legal(before) \
                or _PLANNED_BEFORE.search(before) \
                or _NOT_EVENT_AFTER.match(passage, m.end()) or _ALONE.search(before):
            continue
        if "gather" in word and not re.match(r"(?:the|a)\s", word) \
                and not _CROWD.search(before + word):
            continue  # "officials gathered in Astana for a meeting"
        if re.match(r"(?:the|a)\s", word) and _OFFICIAL_MEETING.search(passage):
            continue  # "the gathering in Astana of Central Asian leaders"
        return m
    return None


def _negated(text: str, pos: int) -> bool:
    return bool(_NEGATION.search(text[max(0, pos - 30):pos]))


def _first_unnegated(pattern: re.Pattern, text: str) -> re.Match | None:
    for m in pattern.finditer(text):
        if not _negated(text, m.start()):
            return m
    return None


def _first_act(pattern: re.Pattern, text: str) -> re.Match | None:
    """The first unnegated match that tells an act, not a charge ("charged with organising
    mass riots" names no riot)."""
    for m in pattern.finditer(text):
        if not _negated(text, m.start()) and \
                not _LEGAL_BEFORE.search(text[max(0, m.start() - 80):m.start()]):
            return m
    return None


def classify(passage: str, unrest_context: bool, scene: bool = False) -> str | None:
    """ACLED sub-event type of a passage, most severe first; None if it is no event.

    `scene`: a chronology entry of a place and day amid unrest, where police pushing people
    off the square or detaining them is told of the gathering the entries follow."""
    protest = _protest_cue(passage)
    if (not protest and not unrest_context) or _CALLED_OFF.search(passage):
        return None
    if _VAC.search(passage) and not re.search(r"\b(?:protesters|demonstrators)\b", passage,
                                               re.IGNORECASE):
        return "attack"
    if _first_act(_MOB, passage) and _first_act(_VIOLENT, passage):
        return "mob_violence"
    if _first_act(_VIOLENT, passage):
        return "violent_demonstration"
    if _first_unnegated(_FORCE, passage):
        return "excessive_force_against_protesters"
    if _first_unnegated(_INTERVENTION, passage) and (protest or (scene and unrest_context)):
        return "protest_with_intervention"
    if protest:
        return "peaceful_protest"
    if _first_unnegated(_DEATHS, passage):
        return "violent_demonstration"
    if _first_unnegated(_LOOTING, passage):
        return "looting_property_destruction"
    if unrest_context and _first_unnegated(_STRATEGIC, passage):
        return "other"
    return None


# "a crowd of up to 2,000", "a rally of about 300 people": a turnout, unlike "five of them"
_GATHERING_OF = rx(r"\b(?:crowds?|columns?|gatherings?|rall(?:y|ies)|march(?:es)?|protests?|"
                   r"demonstrations?|pickets?|strikes?|meetings?) of\s*$")


def _counts(passage: str) -> dict[str, int]:
    """Counts stated in a one-place passage: participants, killed, injured, detained."""
    out: dict[str, int] = {}
    dates = [(r.start, r.end) for r in find_dates(passage)]
    for num in find_numbers(passage):
        if any(s <= num.start < e or num.start <= s < num.end for s, e in dates):
            continue  # "on June 6 and detained dozens": a day, not six detainees
        if not num.is_integer or num.qualifier in ("range", "less_than") \
                or (re.search(r"\b(?:aged|age|of)\s*$|\baged \d+ (?:and|to|-)\s*$",
                              passage[:num.start])
                    and not _GATHERING_OF.search(passage[:num.start])
                    and not _COUNT_VERBS_BEFORE["detained"].search(passage[:num.start])):
            continue
        after, before = passage[num.end:], passage[:num.start]
        ages = _AGES.sub(lambda m: " " * len(m.group()), after)
        nxt = re.search(r"\d", ages)
        # "3,000 gathered; 5 were killed"; "two children aged 4 and 11 were shot dead"
        after = ages[:nxt.start()] if nxt else ages
        if re.match(r"\s*(?:%|percent|-?years?|months?|days?|hours?|tenge|KZT|USD|\$)", after,
                    re.IGNORECASE) or _YEAR_NUMBER.search(num.text):
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

# "ALMATY --", "ASTANA, Jan 5 (Reuters) -": where the report was filed, not an event place
_DATELINE = re.compile(r"^[A-Z][A-Z\- ]+(?=\s*(?:--|—|–|,|\())", re.MULTILINE)


def is_dateline(text: str, pos: int) -> bool:
    """True for a place name opening a news dateline ("ALMATY --"): where the report was
    filed, not where anything happened."""
    return bool(_DATELINE.match(text, pos))


# "the Taraz-Zhanatas highway", "the Almaty–Bishkek road": a route named after its ends
_ROUTE_AFTER = re.compile(r"\s*[-–—]\s*[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+(?:highway|road|motorway|"
                          r"railway|route|pipeline|gas pipeline|bridge|flight|train)\b")


def is_route(text: str, mention: PlaceMention) -> bool:
    """True for a place that only names one end of a road or railway."""
    return bool(_ROUTE_AFTER.match(text, mention.end))


# a line opening with a day: "January 4. Residents ...", "5 January 2022: Protesters ...",
# or a day alone on its line, weekday first or not: "Wednesday, 9 October 2024"
_HEADING = re.compile(
    r"(?m)^(?:(?i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?[ \t]+)?"
    rf"(?:(?i:{MONTH_DAY_ALTERNATION})\s+{DAY_PATTERN}|{DAY_PATTERN}\s+(?i:{MONTH_DAY_ALTERNATION}))(?:,?\s+{_YEAR})?"
    r"(?:\s*[.:–—-]\s+(?=\S)|[ \t]*$)")
_CHRONOLOGY_MAX = 3000


@dataclass
class _Found:
    event_date: str
    mention: PlaceMention
    sub_event: str
    span: tuple[int, int]
    counts: dict[str, int] = field(default_factory=dict)
    passage: str = ""


def _line_at(text: str, start: int) -> str:
    end = text.find("\n", start)
    return text[start:end if end != -1 else len(text)]


def _paragraph_end(text: str, pos: int) -> int:
    """End of the paragraph at or after pos (blank lines before it skipped)."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    para = text.find("\n\n", pos)
    return para if para != -1 else len(text)


# "09:40 – Ekibastuz.", "09.40 — Ekibastuz:", "09:40 Ekibastuz." (a colon time needs no dash)
_TIMESTAMP = re.compile(r"(?:[01]?\d|2[0-3])(?:[:.][0-5]\d\s*[–—-]|:[0-5]\d)\s*")
_TIMESTAMP_LINE = re.compile(r"\n(?=(?:[01]?\d|2[0-3])(?:[:.][0-5]\d\s*[–—-]|:[0-5]\d)\s)")


def _entry_end(text: str, pos: int, end: int) -> int:
    """End of a paragraph, or of a live-blog entry: the next line opening with a time."""
    para_end = min(_paragraph_end(text, pos), end)
    stamp = _TIMESTAMP_LINE.search(text, pos + 1, para_end)
    return stamp.start() if stamp else para_end


def entry_place(text: str, start: int, end: int) -> PlaceMention | None:
    """The place a paragraph opens with as its heading: "Aktau. Police dispersed ...",
    "Zhanaozen (Mangystau region). About 400 residents ..." (a chronology by settlement),
    "09:40 – Ekibastuz. Around 120 residents ..." (a live blog's timed entry)."""
    while start < end and text[start].isspace():
        start += 1
    stamp = _TIMESTAMP.match(text, start, end)
    start = stamp.end() if stamp else start
    found = find_places(text, start, min(end, start + 60))
    if not found or found[0].start != start or found[0].is_region:
        return None
    if _ENTRY_HEAD.match(text, found[0].end):
        return found[0]
    return None


_ENTRY_HEAD = re.compile(r"(?:\s*\([^()\n]{1,40}\))?\s*[.:—–]\s")


def _last_entry_end(text: str, pos: int) -> int:
    """The last day of a chronology runs over its first paragraph and then over every
    paragraph that opens with a place heading."""
    end = _paragraph_end(text, pos)
    while end < len(text):
        nxt = _paragraph_end(text, end)
        if entry_place(text, end, nxt) is None:
            break
        end = nxt
    return end


def _section_end(text: str, pos: int) -> int:
    """A day heading on a line of its own heads every paragraph up to the next heading line
    ("National figures"): a short line that does not end a sentence."""
    end = _paragraph_end(text, pos)
    end = _paragraph_end(text, end) if not text[pos:end].strip() else end
    while end < len(text):
        nxt = _paragraph_end(text, end)
        line = text[end:nxt].strip()
        if not line or (len(line) < 60 and "\n" not in line and line[-1] not in ".!?\"'”"):
            break
        end = nxt
    return end


_TIMED_LINE = re.compile(r"(?m)^(?:[01]?\d|2[0-3])[:.][0-5]\d\s*[–—-]\s")


def _timed_block(text: str) -> list[tuple[int, int, DateRef]]:
    """A live blog of one day (timed entries, no day headings): one block from its first timed
    entry to the paragraph after its last, on the last full date written before the first."""
    stamps = list(_TIMED_LINE.finditer(text))
    if len(stamps) < 2:
        return []
    days = [r for r in find_dates(text, 0, stamps[0].start()) if r.day and r.year]
    if not days:
        return []
    return [(stamps[0].start(), _paragraph_end(text, stamps[-1].start()), days[-1])]


def chronology_blocks(text: str, years: dict[int, int]) -> list[tuple[int, int, DateRef]]:
    """(start, end, day) blocks of a day-by-day chronology (two or more day headings).

    A block runs to the next heading (footnotes printed inside it included); the last one
    ends at the first paragraph break, and none runs longer than _CHRONOLOGY_MAX characters.
    """
    heads = [m for m in _HEADING.finditer(text) if not is_citation(_line_at(text, m.start()))]
    # a heading counts only beside another one: an entry of a run, not a stray dated line
    heads = [m for i, m in enumerate(heads)
             if (i and m.start() - heads[i - 1].start() < _CHRONOLOGY_MAX)
             or (i + 1 < len(heads) and heads[i + 1].start() - m.start() < _CHRONOLOGY_MAX)]
    if len(heads) < 2:
        return _timed_block(text)
    blocks = []
    for i, m in enumerate(heads):
        if i + 1 < len(heads):
            end = heads[i + 1].start()
        elif _line_at(text, m.start()).strip() == m.group(0).strip():
            end = _section_end(text, m.end())  # a heading on its own line heads a section
        else:
            end = _last_entry_end(text, m.end())
        end = min(end, m.start() + _CHRONOLOGY_MAX)
        # a heading in capitals reads as the same date in title case
        days = [r for r in find_dates(text[m.start():m.end()].title()) if r.day]
        if days:
            ref = days[0] if days[0].year else days[0].with_year(years.get(days[0].month))
            if ref.year is not None:
                blocks.append((m.start(), end, ref))
    return blocks


def _resolve(ref: DateRef, years: dict[int, int], context_year: int | None) -> DateRef:
    if ref.year is not None or ref.month is None:
        return ref
    return ref.with_year(years.get(ref.month, context_year))


_WEEKDAY = re.compile(r"\b(?i:on|last|this)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                      r"Sunday)\b")
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


# "ATYRAU, Kazakhstan, July 12, 2022 (AP) — ": the city, date and agency a report is filed
_DATELINE_PREFIX = re.compile(r"[A-Z][A-Z\-. ]+,[^.;\n—–]{0,60}?(?:\([^)\n]{1,40}\)\s*)?"
                              r"(?:--|—|–|-)\s")


def publication_date(text: str) -> date | None:
    """The date a news page is published (its dateline), if the dates module can tell,
    else a full date in an agency dateline opening one of its first lines."""
    try:
        from kzwatch.text.dates import document_dateline
        found = document_dateline(text)
    except Exception:  # noqa: BLE001 - an optional helper; no dateline is a safe answer
        found = None
    if found is not None:
        return found
    pos = 0
    for line in text[:3000].split("\n")[:10]:
        prefix = _DATELINE_PREFIX.match(text, pos, pos + len(line))
        days = [r for r in find_dates(text, pos, prefix.end()) if r.day and r.year] \
            if prefix else []
        if days:
            return date(days[0].year, days[0].month, days[0].day)
        pos += len(line) + 1
    return None


def weekday_dates(text: str, start: int, end: int, dateline: date | None) -> list[DateRef]:
    """"on Tuesday" in a news report: the latest such day on or before its dateline."""
    if dateline is None:
        return []
    out = []
    for m in _WEEKDAY.finditer(text, start, end):
        back = (dateline.weekday() - _WEEKDAYS.index(m.group(1))) % 7
        day = dateline - timedelta(days=back)
        out.append(DateRef(m.start(), m.end(), day.year, day.month, day.day, None, False))
    return out


_UNTIL_BEFORE = rx(r"\b(?:until|till|pending)\s*$")


def _anchors(text: str, start: int, end: int, years: dict[int, int], context_year: int | None,
             base: DateRef | None, dateline: date | None = None) -> list[DateRef]:
    """Dates of a sentence in order, relative ones ("three days later") resolved."""
    refs = [_resolve(r, years, context_year) for r in find_dates(text, start, end)]
    refs += weekday_dates(text, start, end, dateline)
    prefix = _DATELINE_PREFIX.match(text, start, end)
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
        else:
            n = m.group("n").lower()
            days = int(n) if n.isdigit() else SMALL_NUMBERS.get(n, 1)
            days = -days if m.group("dir").lower() in ("before", "earlier") else days
            if m.group("dir").lower() in ("after", "before") and anchor.start >= start and \
                    re.fullmatch(r",\s*", text[anchor.end:m.start()]) and \
                    re.match(r"\s+\w", text[m.end():m.end() + 3]):
                days = -days  # "arrested on March 4, two days after he led a rally": the rally
                refs = [r for r in refs if r is not anchor]
        moved = anchor.shifted(days)
        refs.append(DateRef(m.start(), m.end(), moved.year, moved.month, moved.day, None, False))
    # "the tariff would be suspended until October 1": a deadline, not the day of the event
    refs = [r for r in refs if r.iso() and r.span is None
            and not _UNTIL_BEFORE.search(text[max(start, r.start - 12):r.start])]
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


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clauses of a sentence split at semicolons (each may name its own places)."""
    out, pos = [], start
    for m in re.finditer(";", text[start:end]):
        out.append((pos, start + m.start()))
        pos = start + m.end()
    out.append((pos, end))
    return out


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


_TITLE_END = re.compile(r"[.!?:;\"”’)\]]\s*$")


def _is_title(sentence: str) -> bool:
    """A short line of its own with no closing punctuation: a heading, not a sentence."""
    line = sentence.strip()
    return "\n" not in line and len(line) < 100 and not _TITLE_END.search(line)


# "young people from Zhanaozen who had come to Aktau": where the protesters came from
_FROM_BEFORE = rx(rf"\b(?:{_PEOPLE_WORDS}|came|come|arrived|travell?ed) from $")


# places named around a gathering, not where it was: "to commemorate those killed in Semey",
# "in solidarity with the Zhanaozen workers", "blocked the highway to Atyrau"
_NOT_VENUE_BEFORE = rx(r"\b(?:those|people|victims|protesters|demonstrators) (?:who (?:were|"
                       r"had been) )?(?:killed|shot|died|who died) in $|\bin solidarity with "
                       r"(?:the )?$|\b(?:highway|road|motorway|railway|route) (?:to|from) $")


# "According to the Atyrau regional police department, ...": the body that told the news,
# not where it happened
_ACCORDING_BEFORE = rx(r"\baccording to (?:the )?$")
_BODY_AFTER = rx(r"^\s*(?:regional |city |district |oblast )?(?:[\w-]+ ){0,2}?(?:department|"
                 r"ministry|office|service|administration|directorate|committee)\b")


def is_source(text: str, mention: PlaceMention) -> bool:
    return bool(_ACCORDING_BEFORE.search(text[max(0, mention.start - 20):mention.start])
                and _BODY_AFTER.match(text[mention.end:mention.end + 60]))


def _without_origins(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """The places of a sentence less those naming only where people came from, when another
    place is where they gathered."""
    origins = [p for p in places if _FROM_BEFORE.search(text[max(0, p.start - 40):p.start])
               or _NOT_VENUE_BEFORE.search(text[max(0, p.start - 40):p.start])]
    rest = [p for p in places if p not in origins]
    return rest if rest else places


def _entries(text: str, blocks: list[tuple[int, int, DateRef]]
             ) -> list[tuple[int, int, PlaceMention]]:
    """(start, end, place) of the paragraphs of a chronology that open with a place heading."""
    out = []
    for start, end, _ in blocks:
        pos = start
        while pos < end:
            para_end = _entry_end(text, pos, end)
            mention = entry_place(text, pos, para_end)
            if mention is not None:
                out.append((mention.start, para_end, mention))
            pos = para_end + 1
    return out


def settlement_entries(text: str, blocks: list[tuple[int, int, DateRef]]
                       ) -> list[tuple[int, int, PlaceMention]]:
    """(start, end, place) of the chronology entries that open with a place heading."""
    return _entries(text, blocks)


def _read_sentences(doc: Document) -> list[_Sentence]:
    """The narrative sentences (citations and footnotes dropped) with their places and dates."""
    text = doc.text
    years = month_years(text)
    blocks = chronology_blocks(text, years)
    out: list[_Sentence] = []
    dateline = publication_date(text)
    context_year: int | None = dateline.year if dateline else None
    entries = _entries(text, blocks)
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
        try:
            anchors = _anchors(text, s, e, years, context_year, base, dateline)
            places = [p for p in find_places(text, s, e)
                      if not p.is_region and not is_dateline(text, p.start)
                      and not is_route(text, p)]
            places = [p for p in _without_origins(text, places) if not is_source(text, p)]
        except (ValueError, KeyError, IndexError, OverflowError):
            anchors, places = [], []  # an unreadable passage yields nothing
        out.append(_Sentence(s, e, places, anchors, block, bool(_protest_cue(sentence)),
                             _is_title(sentence)))
        for r in anchors:
            if r.explicit_year and r.year:
                context_year = r.year
    return out


def _scan(doc: Document) -> list[_Found]:
    text = doc.text
    found: list[_Found] = []
    read = _read_sentences(doc)
    inherited: dict[int, PlaceMention] = {}
    for i, sent in enumerate(read):
        if sent.title:
            continue  # a heading names a topic; the sentences under it tell the events
        prev = read[i - 1] if i else None
        unrest = bool(sent.block) or sent.protest or bool(prev and prev.protest)
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
        try:
            events = _events_in(text, sent, places, unrest or told, scene, told)
        except (ValueError, KeyError, IndexError, OverflowError):
            continue
        if len({f.mention.place.name for f in events}) == 1:
            for nxt in read[i + 1:i + 1 + _FOLLOW_ON]:
                if nxt.places or nxt.anchors or nxt.title or nxt.block != sent.block:
                    break
                _follow_on(text, events, nxt)
        found.extend(events)
    return found


_OCCASION_BEFORE = rx(r"\b(?:after|before|ahead of|following|since|on the eve of) the\s*$")
_FOLLOW_ON = 2  # sentences after an event that may add its toll, without place or date
_LOOK_BACK = 4  # sentences back a dated sentence with no place looks for the passage's place


def _place_before(text: str, read: list[_Sentence], inherited: dict[int, PlaceMention],
                  i: int) -> PlaceMention | None:
    """The one place of the passage a dated sentence without a place continues: the sentence
    right before for a day, or (for a sentence with a protest word of its own, dated to a day or
    month) the last one naming a place within the same section."""
    sent = read[i]
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


# "Police dispersed the protest", "detained 12 of them": a sentence about the event just told
BACK_REFERENCE = rx(r"\b(?:the|this|that) (?:[\w-]+ )?(?:protests?|rall(?:y|ies)|demonstrations?|"
                     r"pickets?|strikes?|gathering|crowds?|march|protesters|demonstrators|"
                     r"participants|strikers)\b|\b(?:of|among) them\b|"
                     r"\bthat (?:day|night|evening|morning|afternoon)\b")


_TOLL_SUMMARY = rx(r"\b(?:unrest|events|violence|riots|clashes|protests|crisis)\b[^.;]{0,40}"
                   r"\b(?:left|claimed|resulted in|caused)\b|\btoll\b|\bin total\b|\boverall\b|"
                   r"\baltogether\b")


# "Six participants were detained.": the people of the event just told, counted
_OWN_TOLL = rx(r"\s*\S+ (?:of the )?(?:participants|protesters|demonstrators|strikers|"
               r"picketers) (?:were|was|had been|have been) (?:detained|arrested|injured|"
               r"hurt|wounded|killed)\b")


_PROTESTERS = rx(r"\b(?:protesters|demonstrators|strikers|picketers|rally|protest|riots?|"
                 r"clashes)\b")


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
        _PROTESTERS.search(passage)) and not _TOLL_SUMMARY.search(passage)
    refers = bool(BACK_REFERENCE.search(passage) or _OWN_TOLL.match(passage)
                  or nxt.block is not None or paragraph)
    if not refers:
        # the toll told right after force was used is that event's ("Two people were killed")
        # but "the unrest in the city left 12 dead" sums up the whole episode
        forceful = min(SUB_EVENTS[f.sub_event][1] for f in events) >= 3 \
            and not _TOLL_SUMMARY.search(passage)
        keep = ("participants", "killed", "injured") if forceful else ("participants",)
        counts = {k: v for k, v in counts.items() if k in keep}
    kind = None
    if refers:
        kind = classify(passage, True) or (
            "protest_with_intervention" if _first_unnegated(_INTERVENTION, passage) else None)
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


_TOLD_REACH = 6  # sentences back an undated one may continue the event of its place


def _told_day(found: list[_Found], read: list[_Sentence], i: int,
              places: list[PlaceMention]) -> DateRef | None:
    """The day of the one event just told of the sentence's one place, for a sentence with no
    date ("27 people were detained in Kulsary, it said" after "... spread to Kulsary on
    Monday")."""
    sent = read[i]
    if sent.anchors or sent.block or len({p.place.name for p in places}) != 1:
        return None
    since = read[max(0, i - _TOLD_REACH)].start
    name = places[0].place.name
    days = {f.event_date for f in found if f.mention.place.name == name}
    recent = [f for f in found if f.mention.place.name == name and f.span[0] >= since]
    if len(days) != 1 or not recent or len(recent[0].event_date) != 10:
        return None
    day = date.fromisoformat(recent[0].event_date)
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


def _events_in(text: str, sent: _Sentence, places: list[PlaceMention], unrest: bool,
               scene: DateRef | None = None, told: bool = False) -> list[_Found]:
    out: list[_Found] = []
    s, e = sent.start, sent.end
    sentence = text[s:e]
    sentence_type = classify(sentence, unrest, sent.entry or told)
    if sentence_type is None:
        return out
    one_place = len({p.place.name for p in places}) == 1
    national = bool(_NATIONAL.search(sentence))
    # "six died: four shot on 7 March, one on 9 March and ...": a total over several days
    breakdown = ":" in sentence and len({r.iso() for r in sent.anchors if r.day}) > 1
    counts = _counts(sentence) if one_place and not national and not breakdown else {}
    for seg_start, seg_end in _segments(text, s, e):
        seg_places = [p for p in places if seg_start <= p.start < seg_end]
        if not seg_places:
            continue
        seg_type = sentence_type if one_place else (
            classify(text[seg_start:seg_end], unrest) or sentence_type)
        seg_counts = counts
        if not one_place and not national and len({p.place.name for p in seg_places}) == 1:
            # "Protests spread to Aktau and Atyrau; in Aktau, about 5,000 people remained"
            seg_counts = _counts(text[seg_start:seg_end])
        for mention in seg_places:
            ref = _date_for(text, mention, sent.anchors) or sent.block or scene
            if ref is None or ref.iso() is None or ref.year is None:
                continue
            span = focus_span(text, s, e, mention.start, mention.end)
            out.append(_Found(ref.iso(), mention, seg_type, span, dict(seg_counts), sentence))
    return out


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
            have.counts.setdefault(k, v)
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
    out = []
    for f in _merge(_scan(doc)):
        try:
            place = f.mention.place
            out.append(ProtestEvent(
                source_name=doc.source_name, **doc.cite(*f.span), event_date=f.event_date,
                location=place.name, region=place.region, latitude=place.latitude,
                longitude=place.longitude, geo_precision=place.geo_precision,
                event_type=SUB_EVENTS[f.sub_event][0], sub_event_type=f.sub_event,
                participants=f.counts.get("participants"), killed=f.counts.get("killed"),
                injured=f.counts.get("injured"), detained=f.counts.get("detained"),
                description=_describe(f)))
        except (ValueError, KeyError):
            continue  # a malformed passage is skipped, never fatal
    return out
