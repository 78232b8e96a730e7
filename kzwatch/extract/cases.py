"""Legal cases against named people: one CaseMention per (document, person, case).

The rules read the language of news reports, court press releases and NGO reports:
"X was detained on charges of receiving a bribe", "the court sentenced her to seven years",
"X, accused of economic crimes, paid ... in restitution and was released". A sentence is split
into clauses; each clause's legal events (detained, charged, sentenced, pardoned, ...) are tied
to their subject (a name; he/she resolved to the sentence's subject or the paragraph's topic;
"all three men"), and the clause's facts (charges, sentence, money, dates) go to that person's
current case. A new sentence different from the one already recorded, or "new charges", opens
a second case for the same person.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from datetime import date

from kzwatch.document import Document
from kzwatch.reference import region_variants
from kzwatch.text.dates import dateline_span, document_dateline, find_dates
from kzwatch.text.money import amount_kind, find_amounts
from kzwatch.text.places import find_places
from kzwatch.text.segment import sentences
from models.records import CaseMention

# ---------------------------------------------------------------- names

_UP = "A-ZÀ-ÖØ-ÞА-ЯЁӘҒҚҢӨҰҮҺІ"
_LOW = "a-zß-öø-ÿа-яёәғқңөұүһіğşıçñ"
_TOKEN = rf"[{_UP}][{_LOW}]+(?:-[{_UP}]?[{_LOW}]+)?"
_INITIALS = rf"(?:[{_UP}]\.\s?){{1,2}}"  # "K. Abdullayev", "A.K.Abdullayev"
_CAPS_RUN = re.compile(rf"(?:{_INITIALS})?{_TOKEN}(?:\s{_TOKEN})*(?P<poss>['’]s\b)?")
_RUN_TOKEN = re.compile(rf"[{_UP}]\.|[^\s.]\S*")

def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


# Capitalised words that are not parts of personal names in these texts.
_NOT_NAME = _words("""
a an the and or but if in on at of for to by from with without into over after before during
since until as among about against according also another both either neither each every
his her their its our my your this that these those there here then thus however
nevertheless meanwhile moreover furthermore later earlier yet so while when where which who
whose what why how he she they we it i former ex first second third deputy vice acting
late chief head chairman chairwoman chair minister ministry akim akimat governor mayor
president prime premier judge justice court supreme district city regional region oblast
province committee agency service bureau office department council senate majilis
parliament party bank university national security state anti corruption anticorruption
general prosecutor prosecutors police interior internal affairs foreign defence defense
finance economy energy industry trade republic kazakhstan kazakh kazakhstani russian russia
american european eurasian soviet ussr china chinese usa uk us un osce eu kyrgyzstan
uzbekistan tajikistan turkmenistan azerbaijan belarus moldova moldovan france french
germany britain london washington moscow vienna geneva astana almaty shymkent atyrau
aktau aktobe karaganda pavlodar taraz semey kostanay kyzylorda oral uralsk zhanaozen
mangistau mangystau turkestan zhambyl akmola nur sultan otan amanat ak zhol alga
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
mr mrs ms dr prof sir madam lady citizen citizens officials official activist activists
journalist journalists businessman businesswoman billionaire oligarch nephew niece son
daughter wife husband brother sister father mother uncle aunt
news radio liberty free europe rfe rl reuters ap afp interfax kazinform tass azattyq
human rights watch amnesty international transparency freedom house
read more related post posts photo credit source sources
new old fair just bloody qantar january events protests unrest
criminal code article articles law act decree order verdict handed down sentenced
one two three four five six seven eight nine ten
given like despite although because unlike following under through within whether once now
today yesterday tomorrow nonetheless instead indeed perhaps moreover besides still even
only just already meanwhile subsequently finally initially currently recently remarkably
ultimately nevertheless why during upon toward towards regarding concerning including
democratic choice people's social liberal communist green union movement association
department registration archival funds archive archives media conference opens
colonel lieutenant major captain sergeant general admiral commander private corporal
senator deputies defendant defendants suspect suspects accused convict
jailed release released freed detained arrested convicted pardoned acquitted
code administrative offences offenses
""")

_TITLE_WORDS = (
    "minister", "akim", "governor", "mayor", "deputy", "chairman", "chairwoman", "chair",
    "head", "chief", "director", "judge", "prosecutor", "ambassador", "representative",
    "editor", "journalist", "activist", "businessman", "businesswoman", "leader", "officer",
    "employee", "senator", "mp", "manager", "commander", "general", "colonel", "secretary",
    "advis", "poet", "dissident", "blogger", "lawyer", "founder", "owner", "banker", "ceo",
    "president", "member", "investigator", "inspector", "accountant", "rector", "speaker",
    "co-chair", "cochair", "spokes", "envoy", "consul", "ex-", "politician", "defender",
    "oppositionist", "entrepreneur", "servant", "teacher", "doctor", "physician",
    "professor", "auditor", "commissioner", "executive",
)


def _fold_surname(token: str) -> str:
    """Key of a surname within one document: Abdusattarova ~ Abdusattarov."""
    low = token.lower().replace("’", "'")
    low = re.sub(r"'s$", "", low)
    low = re.sub(r"(ov|ev|in|yn|yov|yev)a$", r"\1", low)
    low = re.sub(r"skaya$", "sky", low)
    return low


_SURNAME_SHAPE = re.compile(
    r"(?:ov|ova|ev|eva|yev|yeva|in|ina|yn|uly|ulu|kyzy|qyzy|enko|sky|skiy|skaya|ich|"
    r"bek|bay|bai|baev|bayev|uli|ly)$", re.IGNORECASE)


_PATRONYMIC = re.compile(r"(?:vich|vna|ovna|evna|ichna|uly|ulu|kyzy|qyzy)$", re.IGNORECASE)


_ORG_BEFORE = re.compile(
    r"\b(?:Department|Committee|Ministry|Court|Party|Bank|Agency|Service|Office|Council|"
    r"Union|Institute|Center|Centre|University|Foundation|Fund|Bureau|Movement|Association|"
    r"Commission|Chamber|Company|Corporation|Registration|Code)\s+(?:of\s+|and\s+|for\s+|the\s+)+"
    r"(?:[A-Z][\w-]*\s+(?:of\s+|and\s+|the\s+)*)*$")
_ORG_WORDS = re.compile(
    r"\b(?:Company|Corporation|Committee|Ministry|Court|Party|Bank|Agency|Service|Council|"
    r"Union|Institute|Center|Centre|University|Foundation|Fund|Bureau|Movement|Association|"
    r"Commission|Chamber|Holding|Group|News|Times|Post|Review|Journal|Channel|Radio|"
    r"Television|TV|Prom|Gas|Oil|Mining|Airways|Railways)\b")
_HEADLINE_WORD = re.compile(r"[A-Za-z][\w’'-]*")


def _is_headline(text: str) -> bool:
    """A Title Case line (headline, footnote title): names in it are not sentence subjects."""
    words = _HEADLINE_WORD.findall(text)
    if len(words) < 4:
        return False
    small = {"of", "the", "and", "to", "in", "on", "for", "a", "an", "at", "by", "with", "from",
             "as", "or", "over", "after", "into"}
    content = [w for w in words if w.lower() not in small and len(w) > 1]
    caps = sum(1 for w in content if w[0].isupper())
    if len(content) < 5:
        return False
    share = caps / len(content)
    # a sentence ends with a full stop and has lower-case words; a headline has neither
    return share == 1.0 or (share >= 0.85 and not text.rstrip().endswith("."))


@dataclass
class NameMention:
    start: int
    end: int
    text: str          # as written
    tokens: list[str]
    possessive: bool


def _name_mentions(text: str, known_surnames: set[str]) -> list[NameMention]:
    """Runs of capitalised tokens that read as a personal name (1-3 tokens)."""
    out = []
    for m in _CAPS_RUN.finditer(text):
        run = m.group(0)
        poss = bool(m.group("poss"))
        if poss:
            run = run[: -len(m.group("poss"))]
        offset = m.start()
        if "\n" in run and (offset == 0 or text[offset - 1] == "\n"):
            cut = run.index("\n") + 1  # a heading line ("Arrest") above "Zhumabekov left ..."
            offset, run = offset + cut, run[cut:]
        orgs = list(_ORG_WORDS.finditer(run))
        if orgs:  # "National Atomic Company": no name; "Supreme Court Zhanguttinov": after it
            cut = orgs[-1].end()
            offset += cut + (1 if run[cut:cut + 1] == " " else 0)
            run = run[cut:].lstrip()
            if not run:
                continue
        # split the run at non-name words and keep the name-like pieces
        pieces: list[tuple[int, int, list[str]]] = []
        current: list[str] = []
        cur_start = cur_end = offset
        for tok_m in _RUN_TOKEN.finditer(run):
            tok = tok_m.group(0)
            if tok.lower() in _NOT_NAME or tok.lower() in _TITLE_WORDS or \
                    tok.lower().rstrip("s") in _TITLE_WORDS or tok.lower().startswith("ex-"):
                if current:
                    pieces.append((cur_start, cur_end, current))
                current = []
            else:
                if not current:
                    cur_start = offset + tok_m.start()
                cur_end = offset + tok_m.end()
                current.append(tok)
        if current:
            pieces.append((cur_start, cur_end, current))
        for start, end, toks in pieces:
            last_piece = end == offset + len(run)
            if len(toks) == 3 and not _PATRONYMIC.search(toks[1]) and "." not in toks[0] and (
                    re.search(rf"-[{_UP}]", toks[0]) or re.search(
                        r"\bof\s+(?:the\s+)?$", text[max(0, start - 8):start])):
                # "board of Samruk-Energy Serik Baitursynov": a company, then the name
                start = text.index(toks[1], start + len(toks[0]))
                toks = toks[1:]
            if len(toks) > 3 or toks[-1].endswith("."):
                continue
            if len(toks) == 1:
                key = _fold_surname(toks[0])
                if key not in known_surnames and not _SURNAME_SHAPE.search(toks[0]):
                    continue
                if len(toks[0]) < 4:
                    continue
            after = text[end:end + 30]
            if re.match(r"\s+(?:Party|Committee|Bank|Court|University|Agency|Service|Ministry|"
                        r"Region|Oblast|District|City|Street|Foundation|Fund|Group|Holding|"
                        r"Company|Corp|LLP|JSC|Institute|Center|Centre|Movement|Union)\b",
                        after):
                continue
            before = text[max(0, start - 5):start]
            if re.search(r"\bthe\s+$|[“\"«]\s*$", before, re.IGNORECASE):
                continue
            if _ORG_BEFORE.search(text[max(0, start - 60):start]):
                continue
            written = " ".join(text[start:end].split())  # a name may wrap across a line break
            out.append(NameMention(start, end, written, toks, poss and last_piece))
    return out


# ---------------------------------------------------------------- legal events

STATUS_RANK = {"suspected": 1, "detained": 2, "charged": 3, "on_trial": 4, "convicted": 5,
               "acquitted": 5, "released": 6, "paroled": 6, "pardoned": 6}

_AUX = (r"(?:was|were|been|being|is|are|be|got|get|gets)\s+"
        r"(?:(?:also|later|then|subsequently|eventually|officially|already|reportedly|"
        r"allegedly|finally|first|again|recently|immediately|previously|initially|not|never|"
        r"most|more|very|soon|once|twice|"
        r"\w+ly)\s+){0,2}")
_PASSIVE_VERBS = {
    "sentenced": "convicted", "convicted": "convicted", "found guilty": "convicted",
    "jailed": "convicted", "imprisoned": "convicted", "fined": "convicted",
    "detained": "detained", "arrested": "detained", "caught": "detained",
    "taken into custody": "detained", "remanded in custody": "detained",
    "placed in (?:custody|pre-?trial detention|a pre-?trial detention cent(?:er|re))": "detained",
    "placed under (?:house )?arrest": "detained", "extradited": "detained",
    "charged": "charged", "indicted": "charged", "accused": "charged", "prosecuted": "charged",
    "put on trial": "on_trial", "tried": "on_trial",
    "suspected": "suspected", "placed under (?:criminal )?investigation": "suspected",
    "questioned as (?:a )?suspect": "suspected",
    # a fugitive: sought, not yet detained or charged
    "(?:put|placed|included) on (?:the |an? )?(?:international |interstate )?wanted list":
        "suspected",
    "declared (?:internationally )?wanted": "suspected",
    "acquitted": "acquitted", "pardoned": "pardoned",
    "amnestied": "pardoned", "paroled": "paroled", "released on parole": "paroled",
    "released": "released", "freed": "released",
}
_PASSIVE = re.compile(
    rf"\b{_AUX}(?P<verb>{'|'.join(sorted(_PASSIVE_VERBS, key=len, reverse=True))})\b",
    re.IGNORECASE)
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
    (re.compile(r"\b(?:received|receives|got|was given|was handed)\s+"
                r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}?(?:sentence|prison term|jail term|term)\b",
                re.IGNORECASE), "convicted"),
    (re.compile(r"\b(?:faces?|faced|facing)\s+(?:\w+\s+){0,3}?(?:charges?|trial|prosecution|"
                r"criminal case|prison|up to)\b", re.IGNORECASE), "charged"),
    # a plea is made in court, before any verdict
    (re.compile(r"\b(?:pleaded|pled|admitted)\s+guilty\b", re.IGNORECASE), "on_trial"),
    (re.compile(r"\b(?:received|got|was\s+given|was\s+handed)\s+(?:an?\s+)?"
                r"(?:\d+(?:[.,]\d+)?|[a-z]+(?:-[a-z]+)?)(?:[\s-]+and\s+a\s+half)?[\s-]+"
                r"(?:years?|months?)\b(?!\s+ago)", re.IGNORECASE),
     "convicted"),
    (re.compile(r"\b(?:stood|stands|went|goes|is|was|remains)\s+on\s+trial\b", re.IGNORECASE),
     "on_trial"),
    (re.compile(r"\bawaiting\s+trial\b", re.IGNORECASE), "charged"),
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
    (re.compile(r"\b(?:sentenced|convicted|jailed|imprisoned|fined)\b", re.IGNORECASE),
     "convicted"),
    (re.compile(r"\bfound\b(?=\s+\S+(?:\s+\S+){0,3}\s+guilty|"  # "found X, the ..., guilty"
                r"\s+(?-i:[A-Z])[^.;]{0,220}?,\s+guilty)", re.IGNORECASE), "convicted"),
    # press-release order: "the court found guilty R.K. Omarova, former ..."
    (re.compile(r"\bfound\s+guilty\b(?=\s+(?-i:[A-Z]))", re.IGNORECASE), "convicted"),
    (re.compile(r"\b(?:detained|arrested|apprehended)\b", re.IGNORECASE), "detained"),
    (re.compile(r"\b(?:charged|indicted|prosecuted)\b", re.IGNORECASE), "charged"),
    (re.compile(r"\bacquitted\b", re.IGNORECASE), "acquitted"),
    (re.compile(r"\b(?:handed|gave)\b(?=\s+\S+(?:\s+\S+){0,3}\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}"
                r"(?:sentence|prison term|term))", re.IGNORECASE), "convicted"),
    (re.compile(r"\b(?:defer\w*|suspend\w*)\b(?=\s+(?:the\s+)?(?:execution\s+of\s+)?"
                r"(?:her|his|\w+['’]s)\s+(?:prison\s+)?(?:sentence|punishment))", re.IGNORECASE),
     "convicted"),
    (re.compile(r"\bpardoned\b", re.IGNORECASE), "pardoned"),
    (re.compile(r"\bgranted\b(?=\s+(?:him|her|[A-Z]\w+)\s+(?:early\s+|conditional\s+)?parole\b)"),
     "paroled"),
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
    (re.compile(r"\b(?:pre-?trial\s+|criminal\s+)?investigation\s+(?:\w+\s+){0,4}?against\b",
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
_DEPUTY_OF = re.compile(
    rf"(?:\b(?i:his|her)|\b(?P<owner_name>{_TOKEN})['’]s?)\s+(?:former\s+)?(?P<first>first\s+)?"
    rf"deput(?:y|ies)\s*,?\s*(?:(?:Police\s+)?(?:Major|Colonel|Lieutenant|Captain|General)\s+)?$"
    rf"|\b(?:former\s+)?(?P<first2>first\s+)?deput(?:y|ies)\s+of\s+(?P<owner2>{_TOKEN})\s*,\s*$")
_SUPERIOR_HEADS = ("chairman", "chairwoman", "chair", "head", "chief", "akim", "minister",
                   "director", "governor", "mayor", "president", "commander", "rector",
                   "prosecutor", "general")
_RANK_BEFORE = re.compile(r",\s+(?P<rank>(?:Major\s+|Lieutenant\s+|Police\s+)?(?:General|Colonel|"
                          r"Major|Lieutenant|Captain|Lieutenant\s+Colonel))\s+$")
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
# between coordinated names: "A, B and C", "A, and his deputy, B", "A and her former partner B"
_COORDINATED = re.compile(r"\s*(?:,|and|,\s*and)\s*(?:(?:his|her|their)\s+(?:[a-z][\w-]*\s+){0,2}"
                          r"[a-z][\w-]*\s*,?\s*)?")
_TERM_AFTER_VERB = re.compile(  # "(him) to 10 years in a maximum security colony"
    r"(?:\s+(?:him|her|them|\w+))?\s+to\s+(?:[\w-]+\s+){0,3}?(?:years?|months?|life)"
    r"(?:\s+(?:in|of)\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}?(?:prison|colony|imprisonment|jail|"
    r"freedom|custody))?", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|never|no|neither|nor|without|avoided|escaped|denied that|"
                       r"if|unless)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)  # "If convicted, X faces"
_NEW_CASE = re.compile(r"\b(?:new|fresh|another|second|additional)\s+(?:criminal\s+)?"
                       r"(?:charges?|case|indictment|criminal case|prosecution)\b", re.IGNORECASE)
_GROUP = re.compile(r"\b(?:all\s+(?:two|three|four|five|six|of\s+them)(?:\s+(?:men|women|"
                    r"officials|defendants|suspects))?|both(?:\s+(?:men|women|officials|"
                    r"defendants))?|the\s+(?:two|three|four)\s+(?:men|women|officials|"
                    r"defendants)|they)\b", re.IGNORECASE)
_PRONOUN_SUBJECT = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)
_PRONOUN_OBJECT = re.compile(  # "sentenced him", "deferred her sentence"; not "arrested her son"
    r"^\s*(?:him\b|her\b(?!\s+(?:\w+\s+)?(?:partner|wife|husband|son|daughter|brother|sister|"
    r"lawyer|father|mother|colleague|deputy|deputies|associate|friend|relative|nephew|niece)s?\b)|"
    r"his\s+(?:\w+\s+)?(?:sentence|punishment|case|request|application|petition)\b)",
    re.IGNORECASE)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?i:of|by|with|from|to|for|against|about|than|like)\s+(?:[a-z][^\s,.;:()]*\s+){0,3}$")

# ---------------------------------------------------------------- charges

_CHARGES = [
    ("bribery_mediation", (r"mediat\w*\s+(?:in\s+)?brib|intermediar\w*\s+(?:in\s+)?brib|"
                          r"brokering\s+(?:a\s+)?brib")),
    ("bribe_giving", (r"(?:giving|gave|give|offer\w*|paying|paid|handing)\s+(?:an?\s+|the\s+)?"
                     r"bribes?|bribe[- ]giving|brib(?:e|es|ery)\s+(?:was|were)\s+"
                     r"(?:given|offered|paid|handed)\s+by")),
    ("bribe_taking", (r"(?:receiv\w*|tak\w*|took|accept\w*|extort\w*|demand\w*|solicit\w*)\s+"
                     r"(?:an?\s+|the\s+)?(?:\w+\s+)?bribes?|bribe[- ]taking|bribery|kickbacks?|"
                     r"\bbribes?\b(?!\s+(?:was|were)\s+(?:given|offered|paid|handed))")),
    ("embezzlement", r"embezzl\w+|misappropriat\w+|theft\s+of\s+(?:budget|public|state)"),
    ("fraud", r"(?<!election )(?<!electoral )\bfraud\b"),
    ("abuse_of_office", (r"abus\w*\s+(?:of\s+)?(?:\w+\s+){0,2}(?:office|offices|power|powers|"
                        r"authority|position)")),
    ("exceeding_authority", r"exceed\w*\s+(?:\w+\s+){0,2}(?:authority|powers)"),
    ("money_laundering", (r"money[- ]laundering|launder\w*|legali[sz]\w+\s+of\s+(?:criminal|"
                         r"illegal\w*)")),
    ("illegal_entrepreneurship", (r"(?:illegal|false|unlawful)\s+(?:participation\s+in\s+)?"
                                 r"entrepreneur\w*")),
    ("tax_evasion", r"tax\s+evasion|evasion\s+of\s+taxes|evad\w+\s+taxes"),
    ("high_treason", r"\btreason\b"),
    ("seizure_of_power", (r"seiz\w*\s+(?:of\s+)?(?:state\s+)?power|coup\b|usurp\w*\s+(?:of\s+)?"
                         r"power")),
    ("mass_riots", (r"mass\s+(?:riots?|disorders?)|(?:organi[sz]\w*|participat\w*\s+in|incit\w*|"
                    r"taking\s+part\s+in|involvement\s+in|role\s+in)\s+(?:the\s+)?riots?\b")),
    ("extremism", (r"extremis\w+|(?:organi[sz]\w+|participat\w+)\s+(?:\w+\s+){0,3}in\s+the\s+"
                  r"activit\w+\s+of|terroris\w+")),
    ("inciting_discord", r"incit\w+\s+(?:\w+\s+){0,2}(?:discord|hatred|enmity)"),
    ("negligence", r"negligen\w+"),
    ("murder", (r"\bmurder\w*|\bkill\w*\s+(?:a|an|the|two|three|\w+)\s+(?:police|officer|"
               r"person|people|man|woman)|homicide")),
    ("torture", r"\btortur\w+"),
]
_CHARGES_RE = [(name, re.compile(pat, re.IGNORECASE)) for name, pat in _CHARGES]
# offences outside the vocabulary: always "other"
_CONCRETE_OTHER = re.compile(
    r"\b(?:kidnapp\w+|abduct\w+|theft\s+of\s+people|hostages?|rape|raping|insult\w*|"
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
_CHARGE_INTRO = re.compile(
    r"\b(?:on\s+charges?\s+of|on\s+suspicion\s+of|accused\s+of|convicted\s+of|guilty\s+of|"
    r"charged\s+with|under\s+the\s+article|criminal\s+case\s+(?:\w+\s+){0,4}for|"
    r"sentenced\s+(?:\w+\s+){0,8}?for|prosecuted\s+for|detained\s+for|on\s+the\s+fact\s+of)\b",
    re.IGNORECASE)

_ARTICLE_ONLY = re.compile(
    r"\s+(?:an?\s+|the\s+)?(?:(?:criminal|grave|especially\s+grave|serious)\s+)?"
    r"(?:offen[cs]es?|crimes?)\s+(?:under|provided\s+for\s+(?:by|in)|stipulated\s+(?:by|in))\s+"
    r"(?:(?:part|paragraph)\s+\d+\s+of\s+)?articles?\s+\d+(?:,?\s+part\s+\d+)?"
    r"(?:,?\s+(?:of\s+)?the\s+criminal\s+code)?\s*(?:[,.;]|$|and\b)", re.IGNORECASE)


def charges_in(text: str) -> tuple[list[str], bool, bool]:
    """Charges of the vocabulary named in `text`, whether an offence outside the vocabulary is
    named (-> other), and whether only unspecified wrongdoing is ("corruption charges")."""
    # "a bribe to reduce the sentence of a defendant in a fraud case": another person's charge
    text = re.sub(r"\b(?:an?|the)\s+(?:defendant|suspect|accused|client|businessman)\s+in\s+"
                  r"(?:an?|the)\s+[\w-]+(?:\s+[\w-]+)?\s+case\b", " ", text, flags=re.IGNORECASE)
    found = []
    for name, rx in _CHARGES_RE:
        if rx.search(text) and name not in found:
            found.append(name)
    if "bribery_mediation" in found and "bribe_taking" in found and not re.search(
            r"(?:receiv|tak|took|accept)\w*\s+(?:an?\s+)?bribe", text, re.IGNORECASE):
        found.remove("bribe_taking")
    if "bribe_giving" in found and "bribe_taking" in found:
        taking = _CHARGES_RE[2][1]
        if not re.search(r"receiv|tak|took|accept|bribery|kickback", text, re.IGNORECASE) or \
                not taking.search(re.sub(r"(?:giving|gave|give|offer\w*|paying|paid)\s+"
                                         r"(?:an?\s+|the\s+)?bribes?|bribe\s+(?:was|were)\s+\w+",
                                         "", text, flags=re.IGNORECASE)):
            found.remove("bribe_taking")
    concrete = bool(_CONCRETE_OTHER.search(text))
    # "guilty of a criminal offence under Article 189": an article with no gloss names nothing
    glossed = [m for m in _CHARGE_INTRO.finditer(text) if not _ARTICLE_ONLY.match(text, m.end())]
    vague = bool(_VAGUE_OTHER.search(text)) or bool(glossed)
    return found, concrete, vague


# ---------------------------------------------------------------- sentences (punishment)

_NUM_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "twenty-one": 21, "twenty-two": 22, "twenty-five": 25,
    "thirty": 30, "half": 0.5,
}
_NUM = r"(?:\d+(?:[.,]\d+)?|" + "|".join(sorted(_NUM_WORDS, key=len, reverse=True)) + ")"
_SPELLED = r"(?:\s*\((?:[a-z]+[\s-]?){1,3}\))?"  # "8 (eight) years", "3 (three) years"
_DURATION = re.compile(
    rf"\b(?P<y>{_NUM}){_SPELLED}(?P<half>\s+and\s+a\s+half)?[\s-]+years?(?:[\s-]+old)?"
    rf"(?P<half2>\s+and\s+a\s+half)?"
    rf"(?:,?\s+(?:and\s+)?(?P<m>{_NUM})[\s-]+months?)?"
    rf"|\b(?P<mo>{_NUM}){_SPELLED}[\s-]+months?", re.IGNORECASE)
_NUM_TERM = r"(?:\d+(?:[.,]\d+)?|" + "|".join(
    sorted((w for w in _NUM_WORDS if w not in ("a", "an", "half")), key=len, reverse=True)) + ")"
_SHARED_UNIT = re.compile(
    rf"\b(?P<ns>{_NUM_TERM}(?:\s*,\s*{_NUM_TERM})*\s+and\s+{_NUM_TERM})[\s-]+"
    rf"(?P<unit>years?|months?)\b", re.IGNORECASE)
_SENTENCE_CONTEXT = re.compile(
    r"\b(?:sentenced|sentence|sentences|imprisoned|jailed|imprisonment|prison|term|"
    r"penal colony|behind bars|restriction of freedom|probation|suspended|respectively)\b",
    re.IGNORECASE)


def _num(text: str) -> float | None:
    low = text.lower()
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


def punishment_in(clause: str) -> Punishment | None:
    """Sentence handed down in a clause: type and length(s) ("16 and 15 years respectively")."""
    low = clause.lower()
    has_verdict = re.search(
        r"\bsentenced|\bsentence\b|\b(?:imprisoned|jailed)\s+(?:\w+\s+){0,3}?for|"
        r"\b(?:received|got|given|handed)\s+(?:[\w-]+\s+){1,3}?(?:years?|months?)\b|"
        r"\bimposed\s+(?:an?\s+|the\s+)?(?:penalty|punishment)|"
        r"\bfined\b|\bpay\s+a\s+fine\b|\bdefer|\bsuspended|\bterm\s+of|\bprison\s+term", low)
    if not has_verdict:
        return None
    if re.search(r"\b(?:faces?|facing|could\s+face|risks?|punishable\s+by|up\s+to)\b", low) and \
            not re.search(r"\bsentenced\b|\breceived\b", low):
        return None  # "faces up to 10 years": the maximum, not a sentence
    if re.search(r"\b(?:asked|requested|demanded|sought|seeks|seeking|asks)\s+(?:\w+\s+){0,4}?"
                 r"(?:sentence|term|years?)\b", low):
        return None  # the prosecution's request
    months: list[int] = []
    anchor = re.search(r"sentenced|sentence|imprisoned|jailed|term|penalty|punishment|"
                       r"(?:received|given|handed)\s+"
                       r"(?:an?\s+)?[\w.-]+[\s-]+(?:years?|months?)\b", low)
    scan_from = 0
    if anchor and re.search(r"\bdefer\w*\s+(?:\w+\s+)?sentence\s+for", low) and \
            "sentenced" not in low:
        scan_from = len(low)  # "defer her sentence for three years": not the sentence length
    shared = [m for m in _SHARED_UNIT.finditer(clause, scan_from) if anchor]
    for m in _DURATION.finditer(clause, scan_from):
        within = next((s for s in shared if s.start() <= m.start() < s.end()), None)
        if within:  # "nine and seven years": one unit for several terms
            if m.end() == within.end():
                unit = 1 if within.group("unit").lower().startswith("month") else 12
                months += [round(_num(n) * unit) for n in re.split(r"\s*,\s*|\s+and\s+",
                                                                 within.group("ns"))]
            continue
        before = low[max(0, m.start() - 25):m.start()]
        after = low[m.end():m.end() + 40]
        if re.search(r"\b(?:served|serving|after|for the period of|ago|over|within|for)\s+"
                     r"(?:\w+\s+)?$", before) and not re.search(
                         r"(?:imprisoned|jailed|sentenced)\s+(?:\w+\s+){0,3}?for\s+$", before):
            continue
        if "old" in m.group(0).lower() or re.match(r"\s*(?:ago|later|earlier|after)", after):
            continue
        if not (_SENTENCE_CONTEXT.search(before + " " + after) or re.search(
                r"sentenced\s+(?:\w+\s+){0,6}?to\s+$|to\s+$", before) or anchor):
            continue
        value = _months(m)
        if value:
            months.append(value)
    if "life" in low and re.search(r"life\s+(?:imprisonment|sentence|in\s+prison|term)|to\s+life",
                                   low):
        kind = "life"
        months = []
    elif re.search(r"restriction\s+of\s+(?:his\s+|her\s+)?freedom|restricted\s+freedom|"
                   r"freedom\s+restriction", low):
        kind = "restriction_of_freedom"
    elif re.search(r"\bsuspended|\bconditional(?:ly|\s+(?:sentence|term))\b|"
                   r"probationary\s+sentence", low):
        kind = "suspended"
    elif re.search(r"\bdefer", low):
        kind = "deferred"
    elif re.search(r"\bprobation\b", low) and "released" not in low:
        kind = "probation"
    elif re.search(r"\bfined\b|\ba\s+fine\s+(?:of|in\s+the\s+amount)|\bto\s+a\s+fine\b", low) \
            and not months:
        kind = "fine"
    elif months or re.search(r"\bprison|\bimprison|\bjail|penal\s+colony", low):
        kind = "prison" if months or "sentenced" in low else None
    else:
        kind = None
    if kind is None and not months:
        return None
    return Punishment(kind, months, bool(re.search(r"\bin\s+absentia\b", low)))


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

_APPOSITIVE = re.compile(
    r"^\s*(?:,\s*(?:who\s+(?:was|is|had\s+been|has\s+been|served\s+as)\s+)?|\s*\()"
    r"(?:the\s+|a\s+|an\s+|then\s+|then-|another\s+)?"
    # "X, to drop all charges against journalist Y": an infinitive or a relative clause
    r"(?!\s*(?:and|or|but|as\s+well|to|who)\b)"
    r"(?P<t>[^.;()]{3,140}?)"
    r"(?=\s*(?:\)|\(|\.\s|\.$|;|,?\s+who\b|\s+from\s+|\s+since\s+|\s+until\s+|\s+in\s+\d|"
    r",\s+(?:was|is|has|had|and)\b|,\s+(?:[\d$₸]|(?:on|for|to|at|over|after)\s)|"
    r",\s+(?:[a-z]+ed|said|told|went|became|gave|got|spent|faces?|remains?|says|began|begins|"
    r"left|fled|took|made|paid|won|lost|sold|held|ran|wrote|"
    r"begun|ended|ends|opened|opens|continues)\s|"
    r",\s+(?:an?|one\s+of|guilty)\s|$))",  # a second appositive ("..., a subsidiary of Y")
    re.IGNORECASE)


# an occupation is no office, but one held in a named or described organisation is a post
_POST_OF = re.compile(r"^(?:\w+\s+){0,2}?(?:engineer|specialist|economist|expert)\s+(?:of|at)\s+"
                      r"(?:the|an?)\s", re.IGNORECASE)


def _looks_like_title(phrase: str) -> bool:
    words = re.findall(r"[\w’'-]+", phrase.lower())
    if not words or len(words) > 20:
        return False
    return any(_is_title_word(w) for w in words[:6]) or bool(_POST_OF.match(phrase))


_TITLE_STOP = _words("""
is was were are be been being by said says told that as among including them his her its their
when after before while which who whom with from to against about according reported announced
detained arrested sentenced accused convicted charged also another other such like than
""")
_TITLE_MODIFIERS = _words("""
former first second deputy acting ex ex- then then- vice senior chief regional late
civil civic opposition independent political public human rights well-known prominent
""")

# nouns that build an office written before its title word: "Kyzylorda region health
# department chief", "city police chief", "state revenue committee head"
_OFFICE_NOUNS = _words("""
region regional district city oblast municipal akimat department directorate administration
division office service committee agency inspectorate health healthcare education police
customs tax revenue revenues land relations finance financial road roads construction housing
utilities agriculture agricultural procurement emergency emergencies transport railway energy
trade union
internal affairs state public prosecutor's prison penitentiary court border security
""")


def _is_title_word(token: str) -> bool:
    # "vice-minister" is a title; "entrepreneurial", "presidential" are adjectives
    return token.removeprefix("vice-").startswith(_TITLE_WORDS) and \
        not token.endswith(("ial", "ially"))


def _title_before(text: str, start: int) -> str | None:
    """Office written just before a name: 'First Deputy Governor of the Mangistau region X',
    'the imprisoned former chief of the KNB, X'. The phrase starts at its first title word
    (with modifiers such as 'former', 'First Deputy', 'American')."""
    window = text[max(0, start - 200):start]
    if "\n\n" in window:
        window = window[window.rfind("\n\n") + 2:]
    window = re.sub(r",\s*$", " ", window.replace("\n", " "))
    kept: list[re.Match] = []
    for w in reversed(list(re.finditer(r"\S+", window))):
        tok = w.group(0)
        core = tok.strip("()“”\"«»'’").lower()
        if re.search(r"[.;:!?,]$", tok) or core in _TITLE_STOP or len(kept) >= 16:
            break
        kept.append(w)
    kept.reverse()
    cores = [w.group(0).strip("()“”\"«»'’").lower() for w in kept]
    heads = [i for i, c in enumerate(cores) if _is_title_word(c)]
    if not heads:
        return None
    idx = heads[-1]  # the office nearest the name, widened leftwards over its modifiers

    def modifier(i: int) -> bool:
        return cores[i] in _TITLE_MODIFIERS or _is_title_word(cores[i]) or \
            cores[i] in _OFFICE_NOUNS or (
            kept[i].group(0).strip("()“”\"«»'’")[:1].isupper()
            and cores[i] not in {"the", "a", "an"}
            and not re.search(r"['’]s$", cores[i]))

    while idx > 0:
        if modifier(idx - 1):
            idx -= 1
        elif cores[idx - 1] in {"and", "&"} and idx > 1 and _is_title_word(cores[idx - 2]):
            idx -= 2  # "journalist and human rights activist", "Minister and Chairman"
        else:
            break
    phrase = window[kept[idx].start():kept[-1].end()].strip(" ,")
    phrase = re.sub(r"\s+(?:of|the|and|for|on|in)$", "", phrase, flags=re.IGNORECASE)
    return phrase if _looks_like_title(phrase) else None


_DESCRIPTIVE = re.compile(r"^(?:(?:prominent|well-known|famous|renowned|noted|veteran|young|"
                          r"elderly|\d+-?year-?old)\s+)+", re.IGNORECASE)


def _title_after(text: str, end: int) -> str | None:
    """Office in apposition after a name: 'X, the former head of Y,' / 'X (Judge of Y)'."""
    born = re.match(r"\s*,\s*born\s+(?:in\s+)?\d{4}(?=\s*,)", text[end:end + 30])
    if born:  # "X, born 1979, director of Y": the office follows the year of birth
        end += born.end()
    m = _APPOSITIVE.match(text[end:end + 200])
    if not m or re.match(r"who\s+(?:had\s+)?(?:headed|led|chaired)\b", m.group("t")):
        return None  # "X, who had headed the fund": the office is "head of" it (_headed_after)
    phrase = re.split(r",?\s+(?:known|who|which|that|whose|famous|accused|arrested|detained|"
                      r"sentenced|convicted|found|charged|(?:responsible|hired|tasked|employed)\s+"
                      r"(?:for|to|with|by))\b", m.group("t"))[0]
    phrase = _DESCRIPTIVE.sub("", phrase.strip(" ,"))
    if re.match(r"(?:charged|accused|suspected|found|convicted|sentenced)\b|one\s+of\b", phrase,
                re.IGNORECASE):
        return None  # "X, who had been charged with ...", "X, one of the spokesmen": no office
    return phrase if _looks_like_title(phrase) else None


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
_BARE_RANK = re.compile(r"(?:(?:Police|Major|Lieutenant)\s+)?(?:General|Colonel|Major|Lieutenant|"
                        r"Captain|Sergeant)", re.IGNORECASE)
_HEADED = re.compile(
    r"\s*,\s*(?:[^,.;()]{0,60}?\s)?who\s+(?:had\s+|has\s+|have\s+)?(?:(?:until|till)\s+"
    r"[\w\s]{1,25}?\s+|also\s+|now\s+|formerly\s+|previously\s+)?"
    r"(?P<verb>heads|headed|leads|led|chairs|chaired)\s+"
    r"(?P<org>(?:the|an|a)\s+[^.,;()]{3,120}?|(?P<owner>(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)*)"
    r"['’]s\s+(?P<body>board|council|committee|supervisory\s+board))"
    r"(?=\s*(?:[.,;()]|\s(?:was|is|has|had|and|since|until|when|from|in\s+\d)\b|$))")


def _headed_after(text: str, end: int) -> str | None:
    """'X, who until last year headed the city police's investigations department,' and
    'X, an engineer who heads a residents' movement': the office is 'head of' what is led."""
    m = _HEADED.match(text, end, min(len(text), end + 260))
    if not m:
        return None
    head = "chairman" if m.group("verb").startswith("chair") else "head"
    # "who has chaired Altyn Dala's board" -> "chairman of the board of Altyn Dala"
    org = f"the {m.group('body')} of {m.group('owner')}" if m.group("owner") else m.group("org")
    return f"{head} of {_squash(org)}"


_APPOINTED = re.compile(r"\b(?:(?:appointed|served|worked|acted)\s+as|(?:was|had\s+been|became)"
                        r"(?=\s+(?:the|a|an)\s)|held\s+the\s+(?:position|post|office)\s+of|"
                        # "was appointed Minister of Agriculture"
                        r"appointed(?:\s+to\s+the\s+(?:position|post)\s+of)?(?=\s+(?-i:[A-Z])))"
                        r"\s+(?:the\s+|a\s+|an\s+)?"
                        r"(?P<t>[^.;,—–]{3,160}?)"
                        r"(?=\s*(?:[.;,—–]|\s+from\s|\s+in\s+\d|\s+until\s|$))",
                        re.IGNORECASE)


def region_of(position: str | None) -> str | None:
    """Canonical region named in an office ("deputy akim of Atyrau region" -> Atyrau)."""
    if not position:
        return None
    low = re.sub(r"[\s\-]+", " ", position.lower())
    best = None
    for variant, region in region_variants().items():
        found = re.search(rf"\b{re.escape(variant)}\b", low)
        if found and (best is None or len(variant) > best[0]):
            best = (len(variant), region)  # the longest variant: "Almaty Region" over "Almaty"
    if best:
        return best[1]
    # an office of a town: "former akim of Taraz" -> Zhambyl (the town's region)
    towns = [p.place.region for p in find_places(position) if p.place.region]
    return towns[0] if towns else None


# ---------------------------------------------------------------- clause handling

_CLAUSE_SPLIT = re.compile(r";\s+|,?\s+while\s+(?!\w+ing\b)|,?\s+whereas\s+|,\s+but\s+|"
                           rf",\s+and\s+(?=(?:he|she|{_TOKEN})\s)")


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    for m in _CLAUSE_SPLIT.finditer(text, start, end):
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


class _Extractor:
    def __init__(self, doc: Document):
        self.doc = doc
        self.text = _unwrap_pdf(doc.text)
        self.dateline: date | None = document_dateline(doc.original)
        self.dateline_at = dateline_span(self.text) or (0, 0)
        self.persons: dict[str, Person] = {}
        self.order: list[str] = []
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

    # --- people
    def _person_for(self, nm: NameMention) -> str | None:
        surname = nm.tokens[-1]
        key = _fold_surname(surname)
        given = nm.tokens[0] if len(nm.tokens) > 1 else None
        if key in self.persons:
            p = self.persons[key]
            if given and p.given and not _same_given(given, p.given):
                alt = f"{key}|{given.lower()}"
                if alt not in self.persons:
                    self.persons[alt] = Person(alt, nm.text, given)
                    self.order.append(alt)
                return alt
            if given and (not p.given or (len(p.given) <= 2 and len(given) > 2)):
                p.given, p.name = given, nm.text  # the first full spelling names the person
            return key
        for other in list(self.persons.values()):
            if other.key.startswith(key + "|") and (not given or _same_given(given, other.given)):
                return other.key
        self.persons[key] = Person(key, nm.text, given)
        self.order.append(key)
        return key

    def _mentions(self, start: int, end: int) -> list[tuple[NameMention, str]]:
        known = {k.split("|")[0] for k in self.persons}
        out = []
        for nm in _name_mentions(self.text[start:end], known):
            nm = NameMention(nm.start + start, nm.end + start, nm.text, nm.tokens, nm.possessive)
            key = self._person_for(nm)
            if key:
                out.append((nm, key))
        return out

    # --- subjects
    def _subject_before(self, c_start: int, trig: int,
                        mentions: list[tuple[NameMention, str]]) -> list[str]:
        said = list(re.finditer(r"\b(?:that|said|says|announced|reported|stated|noted)\b",
                                self.text[c_start:trig]))
        if said:  # "X announced that Y was convicted": the subject follows the complementiser
            c_start += said[-1].end()
        before = self.text[c_start:trig]
        # relative clause: "X, who was sentenced"
        whos = list(re.finditer(r"\bwho\b", before, re.IGNORECASE))
        rel = whos[-1] if whos else None
        if rel and any(rel.end() <= nm.start - c_start for nm, _ in mentions
                       if c_start <= nm.start < trig):
            rel = None
        names = [(nm, k) for nm, k in mentions if c_start <= nm.start < trig and not nm.possessive]
        if rel:
            prior = [(nm, k) for nm, k in mentions if nm.end <= c_start + rel.start()
                     and not nm.possessive]
            if prior:
                return [prior[-1][1]]
        names = [(nm, k) for nm, k in names
                 if not _PREPOSITION_BEFORE.search(self.text[max(c_start, nm.start - 40):nm.start])
                 or re.search(r"\band\s+$", self.text[max(0, nm.start - 6):nm.start])
                 or self._titled_subject(c_start, nm.start)]
        if names:  # the first name, with any names coordinated to it ("A, B and C were ...")
            group, last_end = [names[0][1]], names[0][0].end
            for nm, k in names[1:]:
                if not _COORDINATED.fullmatch(self.text[last_end:nm.start]):
                    break
                group.append(k)
                last_end = nm.end
            return list(dict.fromkeys(group))
        group = _GROUP.search(before)
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
        title = _title_before(self.text, start)
        if not title:
            return False
        head = self.text[c_start:start].rstrip()
        lead = head[:len(head) - len(title)] if head.endswith(title) else None
        return lead is not None and re.fullmatch(r"\s*(?:(?:the|a|an)\s*)?", lead,
                                                 re.IGNORECASE) is not None

    def _object_after(self, trig_end: int, c_end: int,
                      mentions: list[tuple[NameMention, str]], c_start: int | None = None
                      ) -> list[str]:
        after = self.text[trig_end:min(c_end, trig_end + 120)]
        if _PRONOUN_OBJECT.match(after):
            # "President X pardoned her": an object pronoun is never its own clause's subject
            who = self._antecedent(trig_end, skip_from=c_start)
            return [who] if who else []
        group = re.match(r"\s*(?:them|all\s+(?:three|two|four|five)(?:\s+\w+)?|both(?:\s+men)?)\b",
                         after, re.IGNORECASE)
        if group and self.recent:
            return self._group_members(group.group(0))
        described = self._described(trig_end, min(c_end, trig_end + 40), at_start=True)
        if described:
            return [described]
        following = [(nm, k) for nm, k in mentions if trig_end <= nm.start < trig_end + 120
                     and nm.start < c_end and not nm.possessive]
        if not following:
            return []
        first_nm, first_key = following[0]
        gap = self.text[trig_end:first_nm.start]
        if re.search(r"[.;]|\b(?:who|which|that|because|after|when|of\s+the\s+memory|said|says|"
                     r"told|added|noted|according)\b", gap):
            return []  # '"... gets detained," said analyst X': the speaker, not the object
        if re.search(r"\b(?:by|from|with|for)\s+(?:\S+\s+){0,3}$", gap) and \
                not re.search(r"against|at\s", gap):
            return []
        objects, last_end = [first_key], first_nm.end
        for nm, k in following[1:]:  # "sentenced A and B to ...", "detained A, B and C"
            if not _COORDINATED.fullmatch(self.text[last_end:nm.start]):
                break
            objects.append(k)
            last_end = nm.end
        return list(dict.fromkeys(objects))

    def _antecedent(self, pos: int, skip_from: int | None = None) -> str | None:
        """Whom he/she/him/her at `pos` means: the subject named earlier in the same sentence,
        else the topic carried from the previous sentences of the paragraph."""
        pron = re.match(r"\s*(?P<p>he|him|his|she|her)\b", self.text[pos:pos + 12], re.IGNORECASE)
        want = None if pron is None else "f" if pron.group("p").lower().startswith(("she", "her")) \
            else "m"

        def agrees(k: str | None) -> bool:  # "judge Aizhan Bekturova ... He was sentenced"
            return k is not None and want is not None and _gender(self.persons[k].name) in (
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
        if count is None:
            return list(self.last_group)
        if count > len(self.recent):
            return []  # "all six were released": people the text never named
        return list(reversed(self.recent[-int(count):]))[::-1]

    # --- events in one clause
    def _events(self, c_start: int, c_end: int,
                mentions: list[tuple[NameMention, str]]) -> list[Event]:
        text = self.text
        clause = text[c_start:c_end]
        events: list[Event] = []
        for m in _PASSIVE.finditer(clause):
            if re.search(r"\bnot\b|\bnever\b", m.group(0), re.IGNORECASE) or \
                    _NEGATION.search(clause[:m.start()][-40:]):
                continue  # "has not been detained"
            verb = m.group("verb").lower()
            status = next((s for v, s in _PASSIVE_VERBS.items() if re.fullmatch(v, verb)), None)
            if status == "released" and re.search(r"released\s+(?:\w+\s+)?(?:from\s+custody\s+)?"
                                                  r"in\s+the\s+court", clause[m.start():],
                                                  re.IGNORECASE):
                continue
            if status == "released" and re.search(r"released\s+(?:\w+\s+)?on\s+bail|under\s+house|"
                                                  r"released\s+(?:on|under)\s+(?:an?\s+)?"
                                                  r"(?:written\s+|own\s+)?(?:undertaking|"
                                                  r"recognizance|pledge)",
                                                  clause, re.IGNORECASE):
                continue
            if status == "released" and re.search(r"\bparole|probation\s+control", clause,
                                                  re.IGNORECASE):
                status = "paroled"
            if status == "released" and re.match(r"released\s+(?:\w+\s+)?(?:under|by|after|"
                                                 r"following|thanks\s+to)\s+(?:an?\s+|the\s+)?"
                                                 r"(?:\w+\s+)?(?:amnesty|pardon)",
                                                 clause[m.start("verb"):], re.IGNORECASE):
                status = "pardoned"  # "released under an amnesty"
            detain_verb = status == "detained"
            if status == "detained" and re.search(r"\bon\s+(?:\w+\s+)?charges?\s+of|charged\s+with",
                                                  clause[m.end():], re.IGNORECASE):
                status = "charged"
            if re.search(r"\bto\s+$", clause[:m.start()]):
                continue  # "asked to be released", "threatened to be arrested": not an event
            who = self._subject_before(c_start, c_start + m.start(), mentions)
            if status == "charged" and verb == "accused" and not re.match(
                    r"\s*(?:by\s+[^,.;]*?(?:prosecut|investigat|police|agenc|service|committee|"
                    r"court|authorit)[^,.;]*?\s+)?of\b", clause[m.end():], re.IGNORECASE):
                continue  # "accused by journalists of ...": criticism, not a charge
            events.append(Event(who, status, c_start + m.start("verb"), c_start + m.end(),
                                detain_verb, status in ("convicted", "acquitted")))
        for m in _REDUCED.finditer(clause):
            verb = m.group("verb").lower()
            status = next((s for v, s in _PASSIVE_VERBS.items() if re.fullmatch(v, verb)), None)
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
            status = _PASSIVE_VERBS[m.group("verb").lower()]
            if who and not any(e.trigger_start == c_start + m.start("verb") for e in events):
                events.append(Event(who[-1:], status, c_start + m.start("verb"),
                                    c_start + m.end("verb"), status == "detained",
                                    status == "convicted"))
        for rx, status in _SUBJECT_VERBS:
            for m in rx.finditer(clause):
                if _NEGATION.search(clause[:m.start()][-40:]) or re.search(
                        r"\b(?:not|never|no)\b", m.group(0), re.IGNORECASE):
                    continue
                who = self._subject_before(c_start, c_start + m.start(), mentions)
                serving = m.group(0).lower().startswith("serv")  # a date here is not the verdict's
                events.append(Event(who, status, c_start + m.start(), c_start + m.end(),
                                    status == "detained", status == "convicted" and not serving))
        for rx, status in _OBJECT_VERBS:
            for m in rx.finditer(clause):
                if any(e.trigger_start <= c_start + m.start() < e.trigger_end and e.persons
                       for e in events):
                    continue
                if re.search(r"\b(?:(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?|"
                             r"(?:the|an?|its|his|her)\s+)$",
                             clause[:m.start()]) and \
                        not re.search(r"(?:against|at|of)$", m.group(0)):
                    continue
                if _NEGATION.search(clause[:m.start()][-30:]):
                    continue
                who = self._object_after(c_start + m.end(), c_end, mentions, c_start)
                if not who:
                    continue
                detain_verb = status == "detained"
                if detain_verb and re.search(r"\bon\s+(?:\w+\s+)?charges?\s+of|charged\s+with",
                                             clause[m.end():], re.IGNORECASE):
                    status = "charged"
                events.append(Event(who, status, c_start + m.start(), c_start + m.end(),
                                    detain_verb, status in ("convicted", "acquitted")))
        # "The bribe was given by X"
        for m in re.finditer(r"\bbrib\w*\s+(?:was|were)\s+(?:given|offered|paid|handed)\s+by\b",
                             clause, re.IGNORECASE):
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
        # "According to investigators, X killed Y" / "the instigator ... was X"
        context = self.text[max(0, c_start - 250):c_end]
        if re.search(r"according\s+to\s+(?:the\s+)?(?:investigat|prosecut|police)", context,
                     re.IGNORECASE):
            for m in re.finditer(r"\b(?:killed|murdered|shot|organi[sz]ed|ordered)\b", clause):
                who = self._subject_before(c_start, c_start + m.start(), mentions)
                if who:
                    events.append(Event(who, "suspected", c_start + m.start(), c_start + m.end(),
                                        killing=m.group(0).lower() in ("killed", "murdered",
                                                                       "shot")))
            m = re.search(r"\b(?:instigator|organi[sz]er|perpetrator|mastermind|killer|"
                          r"customer)\b[^.]*?\bwas\s+$", clause, re.IGNORECASE)
            for nm, k in mentions:
                if m is None and re.search(r"\b(?:instigator|organi[sz]er|mastermind|killer)\b"
                                           r"[^.]*\bwas\s+$",
                                           text[c_start:nm.start], re.IGNORECASE):
                    events.append(Event([k], "suspected", nm.start, nm.end))
                    break
        # "He was charged with X and, in April 2024, sentenced to two years": the second verb
        # shares the subject of the clause's previous event
        for m in _ELLIPSIS.finditer(clause):
            at = c_start + m.start("verb")
            prior = [e for e in events if e.persons and e.trigger_end <= at]
            first = re.search(r"\b(?:was|were)\s+\w+ed\b", clause[:m.start()])
            if not prior and first:
                # "X was dismissed in August and in October charged with ...": the subject of
                # the first passive, though that verb names no legal stage
                who = self._subject_before(c_start, c_start + first.start(), mentions)
                prior = [Event(who, None, c_start + first.start(), c_start + first.end())] \
                    if who else []
            if not prior or any(e.trigger_start == at and e.persons for e in events):
                continue
            status = _PASSIVE_VERBS[m.group("verb").lower()]
            if status == "released" and re.match(r"\w+\s+(?:\w+\s+)?(?:on\s+bail|(?:on|under)\s+"
                                                 r"(?:an?\s+)?(?:written\s+|own\s+)?"
                                                 r"(?:undertaking|recognizance|pledge))",
                                                 clause[m.start("verb"):]):
                continue
            if status == "released" and re.search(r"\bparole", clause[m.start("verb"):]):
                status = "paroled"
            events = [e for e in events if e.trigger_start != at]
            events.append(Event(list(max(prior, key=lambda e: e.trigger_end).persons), status,
                                at, c_start + m.end(), status == "detained",
                                status in ("convicted", "acquitted")))
        return [e for e in events if e.persons]

    def _victims(self, start: int, end: int, mentions: list[tuple[NameMention, str]]) -> None:
        for nm, k in mentions:
            before = self.text[max(start, nm.start - 40):nm.start]
            after = self.text[nm.end:nm.end + 50]
            if re.search(r"\b(?:killed|murdered|murder\s+of|death\s+of|assassination\s+of|"
                         r"tortured|beat(?:en)?)\s+(?:\S+\s+){0,2}$|\bvictims?,?\s+$",
                         before, re.IGNORECASE) or re.match(
                    r"\s+(?:was|were)\s+(?:found\s+dead|killed|murdered|shot\s+dead)", after):
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
            owner = _fold_surname(owner_name)
            owner = owner if owner in self.persons else None
        else:
            owner = self._antecedent(nm.start - len(before) + m.start())
        if owner is None or owner == key:
            return None
        superior = self.persons[owner]
        offices = [t for pos, t in superior.titles if pos < nm.start][::-1] + [
            superior.position or "", superior.appointed or ""]
        for office in offices:  # the superior's latest office ("a close ally of ..." is none)
            office = re.sub(r"^(?:(?:the|a|an|former|then|imprisoned|jailed|arrested|detained|"
                            r"late|acting)\s+|ex-|then-)+", "", office, flags=re.IGNORECASE)
            head = office.split()[0].lower() if office.split() else ""
            if head.startswith(_SUPERIOR_HEADS):
                first = "first " if m.group("first") or m.group("first2") else ""
                return f"{first}deputy {office}"
        return None

    def _relational(self, title: str) -> bool:
        """A title that names a relation to a person, or a plural group, rather than an office."""
        last = re.search(r"\bof\s+(\w+)\W*$", title)
        if last and _fold_surname(last.group(1)) in {k.split("|")[0] for k in self.persons}:
            return True
        first = re.sub(r"^(?:(?:the|a|an|former|late|elder|younger|eldest|youngest)\s+)+", "",
                       title.lower())
        if re.search(r"(?:^|['’]s\s+)(?:nephew|niece|son|daughter|wife|husband|brother|sister|"
                     r"cousin|relative|father|mother|uncle|aunt|grandson|granddaughter)"
                     r"(?:-in-law)?\b", first):  # also "the former minister's son-in-law"
            return True  # "a nephew of the former president": a relation, not an office
        head = next((w for w in re.findall(r"[\w-]+", title.lower()) if _is_title_word(w)), "")
        return head.endswith(("ies", "ees", "ers", "ents", "ists", "ors")) and \
            not head.endswith(("ss", "ous"))

    def _year_of_previous_sentence(self) -> str | None:
        """'In 2019, there was a famous case. Judge X was detained ...': an undated event in
        narrative takes the one year the previous sentence of its paragraph states."""
        if self.prev_in_paragraph is None or self.prev_had_events:
            return None  # the previous sentence dates someone else's event, not a scene
        start, end = self.prev_in_paragraph
        sentence = self.text[start:end]
        if re.search(r"(?:19|20)\d\d\s*[-–—]\s*(?:19|20)?\d\d", sentence):
            return None  # a span of years pins no single year
        dates = find_dates(sentence)
        years = {d.iso[:4] for d in dates if d.explicit_year and d.iso}
        if len(years) != 1 or len(dates) != 1 or dates[0].start > 40:
            return None  # only a year set at the head of the sentence ("In 2019, ...")
        return years.pop()

    def _date(self, c_start: int, c_end: int, trig_start: int, trig_end: int,
              floor: int) -> str | None:
        """Date of an event: the last date written before its verb (after any earlier event of
        the clause), else one written right after it ("was detained in October 2023")."""
        clause = self.text[c_start:c_end]
        # "arrested on 14 March" in a page with no dateline: the year the text last wrote
        years = None if self.dateline else re.findall(r"(?<![\d.,/-])((?:19|20)\d\d)(?!\d)",
                                                      self.text[:c_start])
        ref_year = int(years[-1]) if years else None
        found = [d for d in find_dates(clause, ref_year=ref_year, dateline=self.dateline,
                                       relative=True)
                 if not self.dateline_at[0] <= c_start + d.start < self.dateline_at[1]
                 and not _SINCE.search(clause[max(0, d.start - 7):d.start])
                 and not _BORN.search(clause[max(0, d.start - 12):d.start])]
        before = [d for d in found if floor <= c_start + d.start and c_start + d.end <= trig_start]
        # "sentenced to 10 years in a maximum security colony on Thursday": the date follows
        # the punishment, so it is measured from the punishment's end
        term = _TERM_AFTER_VERB.match(self.text, trig_end, c_end)
        near = term.end() if term else trig_end
        # "detained by officers of the Anti-Corruption Agency on 11 February": the agent
        # phrase between the verb and its date
        agent = re.match(r"(?:\s+[\w-]+){0,3}?\s+by\s+[^,.;]{0,60}?\s+(?:on|in)\s",
                         self.text[near:c_end])
        reach = agent.end() if agent else 40
        after = [d for d in found if c_start + d.start >= trig_end
                 and c_start + d.start - near <= reach]
        pick = before[-1] if before else (after[0] if after else None)
        if after and re.fullmatch(r"\s*(?:in\s+absentia\s+)?(?:in|on)?\s*",
                                  self.text[trig_end:c_start + after[0].start]):
            pick = after[0]  # "arrested in May 2023 and convicted in November 2023"
        if pick is None:
            # "in March 2002 X was detained, and a few months later he was imprisoned": the year
            # of the earlier date carries over a lapse of days, weeks or months
            earlier = [d for d in found if c_start + d.end <= floor and d.explicit_year and d.iso]
            lapse = re.search(r"\b(?:a\s+few|several|a\s+couple\s+of|\w+)\s+(?:days|weeks|"
                              r"months)\s+later\b", self.text[floor:trig_start], re.IGNORECASE)
            return earlier[-1].iso[:4] if earlier and lapse else None
        return pick.iso

    def run(self) -> list[CaseMention]:
        text = self.text
        paragraph_breaks = sorted([m.start() for m in re.finditer(r"\n\s*\n", text)] + [
            m.start() - 1 for m in _HEADING_LINE.finditer(text) if len(m.group(0).split()) <= 5])
        spans = _sentences(text)
        prev_para = -1
        prev_span: tuple[int, int] | None = None
        for s_start, s_end in spans:
            para = sum(1 for b in paragraph_breaks if b < s_start)
            if para != prev_para:
                self.focus, self.last_group, prev_para = None, [], para
                self.cur_verdict = None
                prev_span = None
            self.prev_in_paragraph = prev_span
            if all(_is_headline(line) for line in text[s_start:s_end].strip().splitlines()):
                self._headline_names(s_start, s_end)
                prev_span = (s_start, s_end)
                continue
            mentions = self._mentions(s_start, s_end)
            self.cur_mentions, self.cur_start = mentions, s_start
            self._victims(s_start, s_end, mentions)
            derived: tuple[int, str] | None = None  # a deputy's office, shared by "A and B"
            for nm, k in mentions:
                p = self.persons[k]
                if not p.mentions:
                    # context of first mention decides an unnamed "corruption" charge
                    ctx = text[prev_span[0]:s_end] if prev_span else text[s_start:s_end]
                    self.context_other[k] = bool(re.search(r"\bcorrupt", ctx, re.IGNORECASE))
                p.mentions.append(nm.start)
                title = _title_after(text, nm.end)
                if title is None:
                    title = _title_before(text, nm.start)
                    if title and any(nm.start - len(title) - 2 <= o.start and o.end < nm.start
                                     for o, _ in mentions):
                        title = None  # "judge X found Y guilty": the office is X's, not Y's
                rank = _RANK_BEFORE.search(text, max(0, nm.start - 40), nm.start)
                if rank and (title is None or title.lower() == rank.group("rank").lower()):
                    # "the former head of the region's police, General X": the office is the
                    # appositive before the rank
                    title = _title_before(text, rank.start("rank")) or title
                headed = _headed_after(text, nm.end)
                if headed and (title is None or _BARE_RANK.fullmatch(title)):
                    title = headed
                if title and self._relational(title):
                    title = None  # "deputy of Massimov", "one of the employees": no office named
                if title is None or re.fullmatch(r"(?:former\s+)?(?:first\s+)?deput(?:y|ies)",
                                                 title, re.IGNORECASE):
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
                    p.titles.append((nm.start, _squash(title)))
                if p.position is None and title:
                    p.position = _squash(title)
            sentence_group: list[str] = []
            self.prev_verdict, self.cur_verdict = self.cur_verdict, None
            for c_start, c_end in _clauses(text, s_start, s_end):
                self._clause(c_start, c_end, s_start, s_end, mentions, sentence_group)
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

    def _headline_names(self, s_start: int, s_end: int) -> None:
        """A headline names people in full before the body shortens them to a surname
        ("Ex-Minister Kuandyk Bishimbayev Jailed" / "Bishimbayev was sentenced"). Title Case
        glues verbs to names, so only a given name + surname-shaped token is kept."""
        for run in _CAPS_RUN.finditer(self.text, s_start, s_end):
            toks = list(re.finditer(r"\S+", run.group(0)))
            for given, surname in itertools.pairwise(toks):
                words = (given.group(0).lower(), surname.group(0).lower())
                if not _SURNAME_SHAPE.search(words[1]) or any(
                        w in _NOT_NAME or w in _TITLE_WORDS or w.startswith("ex-") or "." in w
                        for w in words):
                    continue
                start, end = run.start() + given.start(), run.start() + surname.end()
                self._person_for(NameMention(start, end, self.text[start:end],
                                             [given.group(0), surname.group(0)], False))

    def _topic(self, s_start: int, s_end: int, mentions) -> str | None:
        """Whom a following he/she refers to: the sentence's subject, else its first name.

        A sentence whose subject is itself a pronoun keeps the current topic."""
        subjects = [(nm, k) for nm, k in mentions if not nm.possessive and not
                    _PREPOSITION_BEFORE.search(self.text[max(s_start, nm.start - 40):nm.start])]
        first_pron = _PRONOUN_SUBJECT.search(self.text, s_start, s_end)
        if subjects and (first_pron is None or subjects[0][0].start < first_pron.start()):
            return subjects[0][1]
        if first_pron is not None and self.focus:
            return self.focus
        named = [k for nm, k in mentions if not nm.possessive]
        if not named and mentions and not self.text[s_start:mentions[0][0].start].strip():
            return mentions[0][1]  # "Zhumabekov's turn came in May 2023."
        return named[0] if named else None

    def _described(self, start: int, end: int, at_start: bool = False) -> str | None:
        """'the former minister': the one person facing a case who held that office."""
        rx = r"\bthe\s+(?:former\s+|ex-|then-|disgraced\s+|jailed\s+|ousted\s+)*(?P<t>[a-z-]+)\b"
        found = list(re.finditer(rx, self.text[start:end]))
        if at_start:
            found = found[:1] if found and found[0].start() == len(
                self.text[start:end]) - len(self.text[start:end].lstrip()) else []
        for m in reversed(found):
            head = m.group("t")
            if not _is_title_word(head) or head in ("member", "head", "chief", "deputy"):
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
        for m in _APPOINTED.finditer(self.text, s_start, s_end):
            who = self._subject_before(s_start, m.start(), mentions)
            title = m.group("t").strip()
            if who and _looks_like_title(title) and not self._relational(title):
                for k in who:
                    self.persons[k].appointed = self.persons[k].appointed or _squash(title)

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

    def _clause(self, c_start, c_end, s_start, s_end, mentions, sentence_group) -> None:
        clause = self.text[c_start:c_end]
        events = self._events(c_start, c_end, mentions)
        punishment = punishment_in(clause)
        reduced = _REDUCED_TERM.search(clause)
        if reduced:
            # the appeal's term replaces the first one: it is no second case
            self._reduce(c_start, reduced, mentions, events)
            punishment = punishment_in(clause[:reduced.start()])
        # ellipsis: "..., and Abdusattarov to 5 years."
        if not events and sentence_group:
            m = re.match(rf"\s*(?:and\s+)?(?P<n>{_TOKEN})\s+to\s+", clause)
            if m:
                keys = [k for nm, k in mentions if nm.start == c_start + m.start("n")]
                if keys:
                    events.append(Event(keys, "convicted", c_start + m.start(),
                                        c_start + m.end(), verdict_verb=True))
                    punishment = punishment_in("sentenced " + clause)
        announced = _VERDICT_ANNOUNCED.search(clause)
        if not events and announced and not any(
                c_start + announced.end() <= nm.start < c_end for nm, _ in mentions):
            # "On 14 March 2024 the court announced the verdict against three defendants": the
            # date of the verdicts the release goes on to name
            day = [d.iso for d in find_dates(clause, dateline=self.dateline)
                   if d.iso and len(d.iso) == 10]
            if day and self.doc_verdict is None:
                self.doc_verdict, self.doc_verdict_at = day[-1], c_start
        trial = _TRIAL_BEGAN.search(clause)
        if not events and trial and (sentence_group or self.last_group or self.focus) and \
                not _NEGATION.search(clause[:trial.start("verb")][-30:]):
            # "hearings in the case began on 24 April": the trial of the person just spoken of
            # "X was charged ...; her trial was still ongoing": this sentence's person first
            events.append(Event(list(dict.fromkeys(sentence_group)) or list(self.last_group)
                                or [self.focus], "on_trial",
                                c_start + trial.start(), c_start + trial.end()))
        opened = _CASE_OPENED.search(clause)
        if not events and opened and self.focus and self.cases.get(self.focus) and \
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
        if not events:
            return
        subject_starts = [nm.start for nm, k in mentions if c_start <= nm.start < c_end
                          and any(k in e.persons for e in events)]
        first_trigger = min(e.trigger_start for e in events)
        fact_start = min(subject_starts) if subject_starts and min(subject_starts) < first_trigger \
            else c_start
        charges, other, vague = charges_in(self.text[fact_start:c_end])
        amounts = find_amounts(clause)
        persons_in_clause = list(dict.fromkeys(k for e in events for k in e.persons))
        months_list = punishment.months if punishment else []
        respectively = bool(re.search(r"\brespectively\b", clause, re.IGNORECASE)) and \
            len(months_list) == len(persons_in_clause) > 1
        for event in events:
            for k in event.persons:
                p_months = months_list
                if respectively:
                    p_months = [months_list[persons_in_clause.index(k)]]
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
            if event.status == "released" and re.match(
                    r"released\s+(?:\w+\s+)?from\s+(?:the\s+)?(?:police|district\s+police)\b",
                    self.text[event.trigger_start:event.trigger_start + 60], re.IGNORECASE):
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
        if re.search(r"\bin\s+absentia\b", clause, re.IGNORECASE) and (
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
                not find_dates(self.text[s_start:s_end]) and not re.search(
                    r"\b(?:later|after|before|ago|next|following|subsequently|afterwards|"
                    r"earlier|previously|then)\b", self.text[s_start:s_end], re.IGNORECASE):
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
                when = self.dates["verdict" if re.search(r"verdict|judg", _SAME_DAY.search(
                    clause).group(0), re.IGNORECASE) else "any"]
            elif event.verdict_verb and len(self.prev_verdict or "") == 10 and not re.search(
                    r"\b(?:later|after|ago|next|subsequently|afterwards|earlier|previously|"
                    r"appeal\w*)\b", sentence, re.IGNORECASE):
                # "On 22 May the court sentenced X to ten years. Y received six years.": one verdict
                when = self.prev_verdict
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
                if case.other_charge or (not charges and (
                        case.vague_charge or self.context_other.get(key))):
                    charges.append("other")
                if case.status is None and not charges and case.sentence_type is None:
                    continue
                if case.statuses <= {"released"} and not re.search(
                        r"prison|custody|detention|jail|colony|parole|amnesty|sentence|arrest",
                        " ".join(self.text[s:e] for s, e in case.events), re.IGNORECASE):
                    continue  # "X was released" alone: a hostage, a film, a report
                start, end = self._evidence_span(case)
                out.append(CaseMention(
                    source_name=self.doc.source_name, **self.doc.cite(start, end),
                    person_name=name, case_no=number, position=position,
                    region=region_of(position) or self._akimat_region(position) or
                    case.region_hint or p.home_region or (
                        case.court_region if not _OFFICE_OF.search(position or "") or
                        _UNNAMED_LOCAL.search(position or "") else None),
                    charges=charges,
                    amount_kzt=case.amount_kzt, amount_usd=case.amount_usd,
                    amount_kind=(case.amount_kind or _kind_of_charges(charges))
                    if (case.amount_kzt or case.amount_usd) else None,
                    detained_on=case.detained_on, verdict_on=case.verdict_on,
                    sentence_type=case.sentence_type, sentence_months=case.sentence_months,
                    in_absentia=case.in_absentia, status=case.status))
        return out

    def _akimat_region(self, position: str | None) -> str | None:
        """'head of the akimat's construction department': the akimat the document names with
        its place ("the Taraz city akimat") gives the region."""
        if not position or not re.search(r"\bthe\s+(?:(?:city|regional|district)\s+)?akimat\b",
                                         position, re.IGNORECASE):
            return None
        for m in re.finditer(r"\b(?P<p>[A-Z][\w-]+)\s+(?:(?:city|regional|region|district|oblast)"
                             r"\s+)?akimat\b", self.text):
            region = region_of(m.group("p"))
            if region:
                return region
        return None

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


_ABBREVIATION_END = re.compile(
    rf"(?:\b[{_UP}]|\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|Art|Gen|Col|Lt|Maj|Capt|Sgt|Jr|Sr|Inc|Ltd|"
    rf"Co|vs|etc|U\.S|U\.K))\.[\"'»”)]?$")


_MONTH_ABBREVIATION = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.$")


_LINE_HYPHEN = re.compile(r"(?<=[a-z])-[ \t]*\n[ \t]*(?P<rest>[a-z]+[.,;:!?\"”’)]*)")
# "... for land sales.33 Yerbol ...": a footnote number glued to the end of a sentence
_FOOTNOTE_MARK = re.compile(r"(?<=[a-z\"”’)][.;,:])(?<!\bNo\.)(?<!\bp\.)\d{1,3}(?=\s|$)")


# a short line without final punctuation between paragraphs: a section heading ("Trial")
_HEADING_LINE = re.compile(r"(?<=\n)[A-Z][^\n.!?;:,\"“”]{0,40}(?<![.!?;:,])(?=\n)")


def _unwrap_pdf(text: str) -> str:
    """Text extracted from a PDF with words broken at line ends ("sen-\ntenced") joined and
    footnote numbers blanked. Every replacement keeps the length, so offsets stay valid."""
    text = _FOOTNOTE_MARK.sub(lambda m: " " * len(m.group(0)), text)
    return _LINE_HYPHEN.sub(lambda m: m.group("rest") + " " * (len(m.group(0)) - len(
        m.group("rest"))), text)


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans, re-joined where the split fell after an initial or abbreviation
    ("K. Abdullayev", "Mr. Abenov")."""
    out: list[tuple[int, int]] = []
    for start, end in sentences(text):
        prev = text[out[-1][0]:out[-1][1]].rstrip() if out else ""
        # "on Thursday, Oct. 9, on suspicion of ...": a month abbreviation before its day
        month = _MONTH_ABBREVIATION.search(prev) and re.match(r"\s*\d", text[start:end])
        if out and (_ABBREVIATION_END.search(prev) or month) and \
                "\n\n" not in text[out[-1][1]:start]:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _kind_of_charges(charges: list[str]) -> str | None:
    """'demanded and received money in the amount of ...' names no kind: a bribery or
    embezzlement case's money is the bribe or the embezzled sum."""
    if any(c.startswith("brib") for c in charges):
        return "bribe"
    return "embezzled" if "embezzlement" in charges else None


def _gender(name: str) -> str | None:
    """Grammatical gender a Kazakh or Russian surname shows (Bekturova f, Zhunusov m)."""
    low = name.split()[-1].lower() if name.split() else ""
    if low.endswith(("ova", "eva", "ina", "yna", "skaya", "kyzy", "qyzy")):
        return "f"
    if low.endswith(("ov", "ev", "in", "yn", "sky", "skiy", "uly", "ulu")):
        return "m"
    return None


def _same_given(a: str | None, b: str | None) -> bool:
    """Given names agree; an initial ("K.") agrees with any name of that letter."""
    if not a or not b:
        return True
    a, b = a.rstrip(".").lower(), b.rstrip(".").lower()
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return a == b


def _squash(text: str) -> str:
    return " ".join(text.split())



def extract(doc: Document) -> list[CaseMention]:
    """Case mentions of one document (pure: no I/O)."""
    return _Extractor(doc).run()
