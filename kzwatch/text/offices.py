"""Offices and positions written beside a person's name in English news and reports.

    title_before(text, start)  "First Deputy Governor of the Mangistau region X" -> the office
    title_after(text, end)     "X, the former head of the regional roads department," -> it
    headed_after(text, end)    "X, who until 2020 headed the city police," -> "head of the ..."
    looks_like_title(phrase)   an office or occupation ("deputy akim of Atyrau region")
    region_of(position)        the canonical region an office names ("akim of Taraz" -> Zhambyl)
    rank_before(text, start)   ", General X" -> where the rank before a name starts, and it
    group_office_before(text, start)  "Two former managers of the holding, A and B" -> the
                               office each member holds ("former manager of the holding")

The word lists (title words, modifiers, office nouns, stop words) are data in
`kzwatch/lang/en/titles.yaml`.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

import yaml

from kzwatch.reference import region_variants
from kzwatch.text.lexicon import LANG_DIR, squash
from kzwatch.text.patterns import guarded
from kzwatch.text.places import find_places


@cache
def _data(lang: str = "en") -> dict:
    return yaml.safe_load((LANG_DIR / lang / "titles.yaml").read_text(encoding="utf-8"))


def _words(key: str) -> frozenset[str]:
    return frozenset(str(_data()[key]).split())


TITLE_WORDS: tuple[str, ...] = tuple(str(_data()["title_words"]).split())
TITLE_STOP = _words("title_stops")
TITLE_MODIFIERS = _words("title_modifiers")
OFFICE_NOUNS = _words("office_nouns")
SUPERIOR_HEADS: tuple[str, ...] = tuple(str(_data()["superior_heads"]).split())
_DESCRIPTIVE = re.compile(
    rf"^(?:(?:{'|'.join(sorted(_words('descriptive'), key=len, reverse=True))}|"
    r"\d+-?year-?old)\s+)+", re.IGNORECASE)
# an occupation is no office, but one held in a named or described organisation is a post
_POST_OF = re.compile(rf"^(?:\w+\s+){{0,2}}?(?:{'|'.join(sorted(_words('occupations_of')))})"
                      r"\s+(?:of|at)\s+(?:the|an?)\s", re.IGNORECASE)
# a military or police rank ("Police Major", "Senior Lieutenant"); BARE_RANK without the
# grades "Senior" and "Junior"
_RANKS = r"(?:General|Colonel|Major|Lieutenant|Captain|Sergeant)"
RANK = re.compile(rf"(?:(?:Police|Major|Lieutenant|Senior|Junior)\s+)?{_RANKS}", re.IGNORECASE)
BARE_RANK = re.compile(rf"(?:(?:Police|Major|Lieutenant)\s+)?{_RANKS}", re.IGNORECASE)
# ", General X", ", Police Major X": a rank after a comma, right before a name
_RANK_BEFORE = re.compile(r",\s+(?P<rank>(?:Major\s+|Lieutenant\s+|Police\s+)?(?:General|Colonel|"
                          r"Major|Lieutenant|Captain|Lieutenant\s+Colonel))\s+$")
# "Two former managers of the holding, A and B": a counted group's office before its names
# guarded: text without these number words is not searched
_GROUP_OFFICE = guarded(re.compile(
    r"\b(?:two|three|four|five|six|both)\s+"
    r"(?P<t>(?:[a-z-]+\s+){0,2}[a-z-]+s\s+(?:of|at)\s+[^,;.]{3,120}?)\s*,\s*"
    r"(?:(?-i:[A-Z])[a-z]+\s+){0,3}?$", re.IGNORECASE))  # a rank may lead
# what follows the organisation in such a phrase: "... of a rally against the closure ..."
_OFFICE_TAIL = re.compile(r"\s+(?:against|on|in|over|for|during|after)\s.*$", re.IGNORECASE)
# "she was appointed as the deputy akim of Atyrau region": an office told by a verb
APPOINTED = guarded(re.compile(r"\b(?:(?:appointed|served|worked|acted)\s+as|"
                       r"(?:was|had\s+been|became)(?=\s+(?:the|a|an)\s)|"
                       r"held\s+the\s+(?:position|post|office)\s+of|"
                       # "was appointed Minister of Agriculture"
                       r"appointed(?:\s+to\s+the\s+(?:position|post)\s+of)?(?=\s+(?-i:[A-Z])))"
                       r"\s+(?:the\s+|a\s+|an\s+)?"
                       r"(?P<t>[^.;,—–]{3,160}?)"
                       r"(?=\s*(?:[.;,—–]|\s+from\s|\s+in\s+\d|\s+until\s|$))",
                       re.IGNORECASE))


# "X was in charge of the police department of Y region": X headed it
# guarded: run over every sentence, most of which lack "charge"
IN_CHARGE = guarded(re.compile(
    r"\b(?:was|is|had\s+been|has\s+been|were)\s+(?:\w+ly\s+)?in\s+charge\s+of\s+"
    r"(?P<org>(?:the|an?)\s+[^.,;()]{3,120}?)"
    r"(?=\s*(?:[.,;()]|\s(?:before|until|when|since|from|in\s+\d|and\s+(?-i:[a-z]+ed)|"
    r"in\s+the\s+(?:north|south|east|west|cent)\w*)\b|$))",
    re.IGNORECASE))


def is_title_word(token: str) -> bool:
    """'minister', 'vice-minister', 'akim' are office words; 'presidential' is an adjective."""
    return token.removeprefix("vice-").startswith(TITLE_WORDS) and \
        not token.endswith(("ial", "ially"))


def is_title_word_exact(token: str) -> bool:
    """The token is itself an office word ("minister", "deputies"), not merely starts with one."""
    low = token.lower()
    return low in TITLE_WORDS or low.rstrip("s") in TITLE_WORDS


def _singular(word: str) -> str:
    low = word.lower()
    if low.endswith("ies"):
        return word[:-3] + "y"
    if low.endswith("s") and not low.endswith(("ss", "ous")):
        return word[:-1]
    return word


def singular_office(phrase: str) -> str:
    """'environmental activists' -> 'environmental activist': the office each person of a
    list holds ("environmental activists A and B"); the first office word is made singular."""
    words = re.sub(r"^(?:two|three|four|five|six|both|several)\s+", "", phrase,
                   flags=re.IGNORECASE).split()
    for i, w in enumerate(words):
        if is_title_word(w.lower()) or is_title_word(_singular(w).lower()):
            words[i] = _singular(w)
            break
    return " ".join(words)


def is_plural_office(phrase: str) -> bool:
    """The office word is plural ("activists", "former deputies"): a group, not one post."""
    for w in re.findall(r"[\w-]+", phrase.lower()):
        if is_title_word(w) or is_title_word(_singular(w)):
            return _singular(w) != w and not w.endswith(("ss", "ous"))
    return False


_PHRASE_WORD = re.compile(r"[\w’'-]+")


def looks_like_title(phrase: str) -> bool:
    words = _PHRASE_WORD.findall(phrase.lower())
    if not words or len(words) > 20:
        return False
    return any(is_title_word(w) for w in words[:6]) or bool(_POST_OF.match(phrase))


# an adjective of kind before an office: "environmental activist", "civic activist"
_ADJECTIVE = re.compile(r"(?!(?:several|total|usual|actual|final|original|criminal)$)"
                        r"[a-z]+(?:al|ic|ive)")


_LINE_OPENS_SENTENCE = re.compile(r"\n\s*(?=(?:A|An|The)\s)")
# compiled once: title_before and title_after run for every name
_TRAILING_COMMA = re.compile(r",\s*$")
_TOKEN = re.compile(r"\S+")
_PUNCT_END = re.compile(r"[.;:!?,]$")
_POSSESSIVE_END = re.compile(r"['’]s$")
_DANGLING_WORD = re.compile(r"\s+(?:of|the|and|for|on|in)$", re.IGNORECASE)
_BORN = re.compile(r"\s*,\s*born\s+(?:in\s+)?\d{4}(?=\s*,)")
_WHO_HEADED = re.compile(r"who\s+(?:had\s+)?(?:headed|led|chaired)\b")
_NOT_AN_OFFICE = re.compile(r"(?:charged|accused|suspected|found|convicted|sentenced)\b|one\s+of\b",
                            re.IGNORECASE)


def title_before(text: str, start: int) -> str | None:
    """Office written just before a name: 'First Deputy Governor of the Mangistau region X',
    'the imprisoned former chief of the KNB, X'. The phrase starts at its first title word
    (with modifiers such as 'former', 'First Deputy', 'American')."""
    window = text[max(0, start - 200):start]
    if "\n\n" in window:
        window = window[window.rfind("\n\n") + 2:]
    opener = list(_LINE_OPENS_SENTENCE.finditer(window))
    if opener:  # a headline line above "A British-educated former minister X ..."
        window = window[opener[-1].start() + 1:]
    window = _TRAILING_COMMA.sub(" ", window.replace("\n", " "))
    # the window's tokens (\S+ runs) from the name back, found in the reversed window, so
    # that those before where the office phrase stops are never split off
    n = len(window)
    kept: list[tuple[int, int]] = []  # (start, end) in the window
    for w in _TOKEN.finditer(window[::-1]):
        start, end = n - w.end(), n - w.start()
        tok = window[start:end]
        core = tok.strip("()“”\"«»'’").lower()
        if _PUNCT_END.search(tok) or core in TITLE_STOP or len(kept) >= 16:
            break
        kept.append((start, end))
    kept.reverse()
    words = [window[start:end] for start, end in kept]
    cores = [w.strip("()“”\"«»'’").lower() for w in words]
    heads = [i for i, c in enumerate(cores) if is_title_word(c)]
    if not heads:
        return None
    idx = heads[-1]  # the office nearest the name, widened leftwards over its modifiers

    def modifier(i: int) -> bool:
        return cores[i] in TITLE_MODIFIERS or is_title_word(cores[i]) or \
            cores[i] in OFFICE_NOUNS or _ADJECTIVE.fullmatch(cores[i]) is not None or (
            words[i].strip("()“”\"«»'’")[:1].isupper()
            and cores[i] not in {"the", "a", "an"}
            and not _POSSESSIVE_END.search(cores[i]))

    while idx > 0:
        if modifier(idx - 1):
            idx -= 1
        elif cores[idx - 1] in {"and", "&"} and idx > 1 and is_title_word(cores[idx - 2]):
            idx -= 2  # "journalist and human rights activist", "Minister and Chairman"
        else:
            break
    phrase = window[kept[idx][0]:kept[-1][1]].strip(" ,")
    phrase = _DANGLING_WORD.sub("", phrase)
    return phrase if looks_like_title(phrase) else None


_APPOSITIVE = re.compile(
    r"^\s*(?:,\s*(?:who\s+(?:was|is|had\s+been|has\s+been|served\s+as)\s+)?|\s*\()"
    r"(?:the\s+|a\s+|an\s+|then\s+|then-|another\s+)?"
    # "X, to drop all charges against journalist Y": an infinitive or a relative clause
    r"(?!\s*(?:and|or|but|as\s+well|to|who|whose|which|where|when)\b)"
    r"(?P<t>[^.;()]{3,140}?)"
    r"(?=\s*(?:\)|\(|\.\s|\.$|;|,?\s+whose?\b|\s+from\s+|\s+since\s+|\s+until\s+|\s+in\s+\d|"
    # "X, former deputy akim of the region - 13 years"; a paragraph or a new sentence's line
    r"\s+[-–—]\s|\n\s*\n|\n\s*(?-i:A|An|The)\s|"
    r",\s+(?:was|is|has|had|and)\b|,?\s+as\s+well\s+as\b|,\s+(?:[\d$₸]|(?:on|for|to|at|over|after)\s)|"
    r",\s+(?:[a-z]+ed|said|told|went|became|gave|got|spent|faces?|remains?|says|began|begins|"
    r"left|fled|took|made|paid|won|lost|sold|held|ran|wrote|"
    r"begun|ended|ends|opened|opens|continues)\s|"
    r",\s+(?:an?|one\s+of|guilty)\s|$))",  # a second appositive ("..., a subsidiary of Y")
    re.IGNORECASE)
_APPOSITIVE_CUT = re.compile(
    r",?\s+(?:known|who|which|that|whose|famous|accused|arrested|detained|sentenced|convicted|"
    r"found|charged|(?:responsible|hired|tasked|employed)\s+(?:for|to|with|by))\b")


def title_after(text: str, end: int) -> str | None:
    """Office in apposition after a name: 'X, the former head of Y,' / 'X (Judge of Y)'."""
    born = _BORN.match(text[end:end + 30])
    if born:  # "X, born 1979, director of Y": the office follows the year of birth
        end += born.end()
    m = _APPOSITIVE.match(text[end:end + 200])
    if not m or _WHO_HEADED.match(m.group("t")):
        return None  # "X, who had headed the fund": the office is "head of" it (headed_after)
    phrase = _APPOSITIVE_CUT.split(m.group("t"))[0]
    phrase = _DESCRIPTIVE.sub("", phrase.strip(" ,"))
    if _NOT_AN_OFFICE.match(phrase):
        return None  # "X, who had been charged with ...", "X, one of the spokesmen": no office
    return phrase if looks_like_title(phrase) else None


_HEADED = re.compile(
    r"\s*,\s*(?:[^,.;()]{0,60}?\s)?who\s+(?:had\s+|has\s+|have\s+)?(?:(?:until|till)\s+"
    r"[\w\s]{1,25}?\s+|also\s+|now\s+|formerly\s+|previously\s+)?"
    r"(?P<verb>heads|headed|leads|led|chairs|chaired|commands|commanded)\s+"
    r"(?P<org>(?:the|an|a)\s+[^.,;()]{3,120}?|(?P<owner>(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)*)"
    r"['’]s\s+(?P<body>board|council|committee|supervisory\s+board))"
    r"(?=\s*(?:[.,;()]|\s(?:was|is|has|had|and|since|until|when|from|in\s+\d)\b|$))")


def headed_after(text: str, end: int) -> str | None:
    """'X, who until last year headed the city police's investigations department,' and
    'X, an engineer who heads a residents' movement': the office is 'head of' what is led."""
    m = _HEADED.match(text, end, min(len(text), end + 260))
    if not m:
        return None
    verb = m.group("verb")
    head = "chairman" if verb.startswith("chair") else \
        "commander" if verb.startswith("command") else "head"
    # "who has chaired Altyn Dala's board" -> "chairman of the board of Altyn Dala"
    org = f"the {m.group('body')} of {m.group('owner')}" if m.group("owner") else m.group("org")
    return f"{head} of {squash(org)}"


_SPACES_OR_HYPHENS = re.compile(r"[\s\-]+")


@lru_cache(maxsize=128)  # the region table has some 70 variants
def _region_pattern(variant: str) -> re.Pattern:
    """The variant as a whole word or phrase, compiled once (for the few variants ever met)."""
    return re.compile(rf"\b{re.escape(variant)}\b")


def region_of(position: str | None) -> str | None:
    """Canonical region named in an office ("deputy akim of Atyrau region" -> Atyrau)."""
    if not position:
        return None
    low = _SPACES_OR_HYPHENS.sub(" ", position.lower())
    best = None
    for variant, region in region_variants().items():
        # the pattern matches only where the variant is written: look for it first
        found = variant in low and _region_pattern(variant).search(low)
        if found and (best is None or len(variant) > best[0]):
            best = (len(variant), region)  # the longest variant: "Almaty Region" over "Almaty"
    if best:
        return best[1]
    # an office of a town: "former akim of Taraz" -> Zhambyl (the town's region)
    towns = [p.place.region for p in find_places(position) if p.place.region]
    return towns[0] if towns else None


def rank_before(text: str, start: int) -> tuple[int, str] | None:
    """The rank written after a comma right before a name that starts at `start` ("the former
    head of the region's police, General X"): (where the rank starts, the rank), else None."""
    m = _RANK_BEFORE.search(text, max(0, start - 40), start)
    return (m.start("rank"), m.group("rank")) if m else None


def group_office_before(text: str, start: int) -> str | None:
    """The office each member of a counted group holds, written before the group's names that
    start at `start`: "Two former managers of the holding, A and B" -> "former manager of the
    holding" (made singular, what follows the organisation cut off), else None."""
    m = _GROUP_OFFICE.search(text, max(0, start - 160), start)
    if m and looks_like_title(m.group("t")):
        return singular_office(_OFFICE_TAIL.sub("", m.group("t")))
    return None
