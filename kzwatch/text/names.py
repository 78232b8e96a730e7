"""Person names as English-language news and reports about Kazakhstan write them.

    name_mentions("Former akim Yerbol Tasbolatov was ...", set())  -> [NameMention("Yerbol ...")]
    fold_surname("Abdusattarova") -> "abdusattarov"      (one key for both genders' forms)
    gender("Aizhan Bekturova")    -> "f"

A name is a run of capitalised tokens (Latin or Cyrillic), optionally with initials
("K. Abdullayev", "A.K.Abdullayev") or surname-first initials ("Aitkulov N.S."), split at words
that are not name parts (function words, offices, institutions, places, months: the list in
`kzwatch/lang/en/names.yaml`). A lone word is a name only when it has a surname's ending
(-ov, -yeva, -uly, ...) or is a surname already met. Word lists are data; the module keeps only
the reading rules.
"""
from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache, lru_cache

import yaml

from kzwatch.text.lexicon import LANG_DIR
from kzwatch.text.patterns import guarded

UP = "A-ZÀ-ÖØ-ÞА-ЯЁӘҒҚҢӨҰҮҺІ"
LOW = "a-zß-öø-ÿа-яёәғқңөұүһіğşıçñ"
TOKEN = rf"[{UP}][{LOW}]+(?:-[{UP}]?[{LOW}]+)?"
_INITIALS = rf"(?:[{UP}]\.\s?){{1,2}}"  # "K. Abdullayev", "A.K.Abdullayev"
# "Aitkulov N.S.": a surname followed by its initials (Russian official style)
_TRAILING_INITIALS = rf"(?:\s[{UP}][a-z]?\.(?:\s?[{UP}][a-z]?\.)?)"
# (?:{_INITIALS})?{TOKEN}(?:\s{TOKEN})*(?P<poss>['’]s\b)?, with the capital both the initials
# and the token open with factored out in front: a pattern that opens with a class is skipped
# through at C speed, where one that opens with an optional group is tried at every
# character. The alternatives keep their order (initials first), so it matches the same.
CAPS_RUN = re.compile(rf"[{UP}](?:\.\s?(?:[{UP}]\.\s?)?[{UP}][{LOW}]+|[{LOW}]+)"
                      rf"(?:-[{UP}]?[{LOW}]+)?(?:\s{TOKEN})*(?P<poss>['’]s\b)?")
# compiled once: name_mentions tries them on every capitalised run
_TRAILING_INITIALS_RE = re.compile(_TRAILING_INITIALS + r"(?![\w])")
_HYPHEN_CAPITAL = re.compile(rf"-[{UP}]")
_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$")
_THE_OR_QUOTE_BEFORE = re.compile(r"\bthe\s+$|[“\"«]\s*$", re.IGNORECASE)
_RUN_TOKEN = re.compile(rf"[{UP}]\.|[^\s.]\S*")


@cache
def _data(lang: str = "en") -> dict:
    return yaml.safe_load((LANG_DIR / lang / "names.yaml").read_text(encoding="utf-8"))


def _words(key: str, lang: str = "en") -> frozenset[str]:
    return frozenset(str(_data(lang)[key]).split())


def _suffix_rx(key: str, lang: str = "en") -> re.Pattern:
    alts = "|".join(sorted(str(_data(lang)[key]).split(), key=len, reverse=True))
    return guarded(re.compile(rf"(?:{alts})$", re.IGNORECASE))


NOT_NAME = _words("not_name")
SURNAME_SHAPE = _suffix_rx("surname_suffixes")
PATRONYMIC = _suffix_rx("patronymic_suffixes")
_FEMININE = tuple(str(_data()["feminine_suffixes"]).split())
_MASCULINE = tuple(str(_data()["masculine_suffixes"]).split())
_ORG = "|".join(sorted(str(_data()["organisation_words"]).split(), key=len, reverse=True))
_ORG_WORDS = re.compile(rf"\b(?:{_ORG})\b")

_ORG_BEFORE = guarded(re.compile(
    r"\b(?:Department|Committee|Ministry|Court|Party|Bank|Agency|Service|Office|Council|"
    r"Union|Institute|Center|Centre|University|Foundation|Fund|Bureau|Movement|Association|"
    r"Commission|Chamber|Company|Corporation|Registration|Code)\s+(?:of\s+|and\s+|for\s+|the\s+)+"
    r"(?:[A-Z][\w-]*\s+(?:of\s+|and\s+|the\s+)*)*$"))
_ORG_AFTER = re.compile(
    r"\s+(?:Party|Committee|Bank|Court|University|Agency|Service|Ministry|Region|Oblast|"
    r"District|City|Street|Foundation|Fund|Group|Holding|Company|Corp|LLP|JSC|Institute|Center|"
    r"Centre|Movement|Union|(?i:district|region|oblast|village|town)s?)\b")
_HEADLINE_WORD = re.compile(r"[A-Za-z][\w’'-]*")
# five capitals A-Z: a headline's five capitalised words each open with one (the share of
# 0.85 of at least five words is at least five words); possessive, so that a line with fewer
# fails in one pass instead of backtracking
_FIVE_CAPITALS = re.compile(r"(?:[^A-Z]*+[A-Z]){5}")
_SMALL = frozenset({"of", "the", "and", "to", "in", "on", "for", "a", "an", "at", "by", "with",
                    "from", "as", "or", "over", "after", "into"})


_POSSESSIVE_S = re.compile(r"'s$")
_FEMININE_OVA = re.compile(r"(ov|ev|in|yn|yov|yev)a$")
_FEMININE_SKAYA = re.compile(r"skaya$")


@lru_cache(maxsize=4096)  # a pure function of the token, asked for every mention of a name
def fold_surname(token: str) -> str:
    """Key of a surname within one document: Abdusattarova ~ Abdusattarov."""
    low = token.lower().replace("’", "'")
    low = _POSSESSIVE_S.sub("", low)
    low = _FEMININE_OVA.sub(r"\1", low)
    low = _FEMININE_SKAYA.sub("sky", low)
    return low


def gender(name: str) -> str | None:
    """Grammatical gender a Kazakh or Russian surname shows (Bekturova f, Zhunusov m)."""
    parts = [p for p in name.split() if not p.endswith(".")]
    low = parts[-1].lower() if parts else ""
    if low.endswith(_FEMININE):
        return "f"
    if low.endswith(_MASCULINE):
        return "m"
    return None


def same_given(a: str | None, b: str | None) -> bool:
    """Given names agree; an initial ("K.") agrees with any name of that letter."""
    if not a or not b:
        return True
    a_init, b_init = "." in a or len(a) <= 2, "." in b or len(b) <= 2
    a, b = a.split(".")[0].lower(), b.split(".")[0].lower()
    if a_init or b_init:  # "Ye.B." agrees with "Yerlan", "K." with "Kairat"
        return a.startswith(b) or b.startswith(a)
    return a == b


def is_headline(text: str) -> bool:
    """A Title Case line (headline, footnote title): names in it are not sentence subjects."""
    if not _FIVE_CAPITALS.match(text):
        return False  # either test below needs five capitalised words: most lines lack them
    words = _HEADLINE_WORD.findall(text)
    if len(words) < 4:
        return False
    if text.rstrip().endswith("."):
        # then only a share of 1.0 passes (below): prose, most lines, fails at its first
        # lower-case content word, without counting the rest
        n = 0
        for w in words:
            if len(w) > 1 and w.lower() not in _SMALL:
                if not w[0].isupper():
                    return False
                n += 1
        return n >= 5
    content = [w for w in words if w.lower() not in _SMALL and len(w) > 1]
    caps = sum(1 for w in content if w[0].isupper())
    if len(content) < 5:
        return False
    share = caps / len(content)
    # a sentence ends with a full stop and has lower-case words; a headline has neither
    return share == 1.0 or (share >= 0.85 and not text.rstrip().endswith("."))


def is_title_token(token: str, title_words: Collection[str]) -> bool:
    low = token.lower()
    return low in NOT_NAME or low in title_words or low.rstrip("s") in title_words or \
        low.startswith("ex-")


@dataclass
class NameMention:
    start: int
    end: int
    text: str          # as written
    tokens: list[str]  # the surname last; initials keep their dot ("K.")
    possessive: bool

    @property
    def surname(self) -> str:
        return self.tokens[-1]

    @property
    def given(self) -> str | None:
        return self.tokens[0] if len(self.tokens) > 1 else None


_WORD_SETS: dict[int, tuple[tuple[str, ...], frozenset[str]]] = {}


def _word_set(words: Collection[str]) -> frozenset[str]:
    """The words as a set (the same members), made once per tuple (kept by identity: a
    tuple does not change)."""
    if type(words) is not tuple:
        return frozenset(words)
    hit = _WORD_SETS.get(id(words))
    if hit is not None and hit[0] is words:
        return hit[1]
    found = frozenset(words)
    if len(_WORD_SETS) >= 16:
        _WORD_SETS.clear()
    _WORD_SETS[id(words)] = (words, found)
    return found


@lru_cache(maxsize=2048)  # a pure function of the run: names recur across a text's sentences
def _run_pieces(run: str, title_words: frozenset[str]
                ) -> tuple[int, int, tuple[tuple[int, int, tuple[str, ...]], ...]] | None:
    """A capitalised run split at words that are no name parts: (how far into the run the
    name part starts, its length, and the pieces as (start, end, tokens) from there); None
    when only an organisation's name is left."""
    shift = 0
    orgs = list(_ORG_WORDS.finditer(run))
    if orgs:  # "National Atomic Company": no name; "Supreme Court Zhanguttinov": after it
        cut = orgs[-1].end()
        shift = cut + (1 if run[cut:cut + 1] == " " else 0)
        run = run[cut:].lstrip()
        if not run:
            return None
    pieces: list[tuple[int, int, tuple[str, ...]]] = []
    current: list[str] = []
    cur_start = cur_end = 0
    for tok_m in _RUN_TOKEN.finditer(run):
        tok = tok_m.group(0)
        if is_title_token(tok, title_words):
            if current:
                pieces.append((cur_start, cur_end, tuple(current)))
            current = []
        else:
            if not current:
                cur_start = tok_m.start()
            cur_end = tok_m.end()
            current.append(tok)
    if current:
        pieces.append((cur_start, cur_end, tuple(current)))
    return shift, len(run), tuple(pieces)


@cache
def _office_words() -> frozenset[str]:
    """The office words of kzwatch.text.offices, imported once (not at every call)."""
    from kzwatch.text.offices import TITLE_WORDS
    return frozenset(TITLE_WORDS)


def name_mentions(text: str, known_surnames: set[str],
                  title_words: tuple[str, ...] | None = None) -> list[NameMention]:
    """Runs of capitalised tokens that read as a personal name (1-3 tokens). `title_words`
    are office words that end a name ("Minister", "Akim") besides the not-a-name list
    (default: the office words of kzwatch.text.offices)."""
    # looked up for every token: a set, not a tuple
    title_words = _office_words() if title_words is None else _word_set(title_words)
    out = []
    for m in CAPS_RUN.finditer(text):
        run = m.group(0)
        poss = bool(m.group("poss"))
        if poss:
            run = run[: -len(m.group("poss"))]
        offset = m.start()
        if "\n" in run and (offset == 0 or text[offset - 1] == "\n"):
            cut = run.index("\n") + 1  # a heading line ("Arrest") above "Zhumabekov left ..."
            offset, run = offset + cut, run[cut:]
        split = _run_pieces(run, title_words)
        if split is None:
            continue
        shift, length, pieces = split
        offset += shift
        for rel_start, rel_end, piece in pieces:
            start, end, toks = offset + rel_start, offset + rel_end, list(piece)
            last_piece = end == offset + length
            if len(toks) == 3 and not PATRONYMIC.search(toks[1]) and "." not in toks[0] and (
                    _HYPHEN_CAPITAL.search(toks[0]) or _OF_BEFORE.search(
                        text[max(0, start - 8):start])):
                # "board of Samruk-Energy Serik Baitursynov": a company, then the name
                start = text.index(toks[1], start + len(toks[0]))
                toks = toks[1:]
            if len(toks) >= 2 and len(toks[-1]) <= 2 and text[end:end + 1] == ".":
                # "Mukashev Ye.B.": a two-letter initial read as a word; the initials follow
                end = text.rindex(toks[-1], start, end)
                while text[end - 1].isspace():
                    end -= 1
                toks = toks[:-1]
            if len(toks) > 3 or toks[-1].endswith("."):
                continue
            trailing = None
            if not poss or not last_piece:
                trailing = _TRAILING_INITIALS_RE.match(text[end:end + 8])
            if len(toks) == 1:
                key = fold_surname(toks[0])
                if key not in known_surnames and not SURNAME_SHAPE.search(toks[0]) and \
                        not trailing:
                    continue
                if len(toks[0]) < 4:
                    continue
            if _ORG_AFTER.match(text[end:end + 30]):
                continue
            before = text[max(0, start - 5):start]
            if _THE_OR_QUOTE_BEFORE.search(before):
                continue
            if _ORG_BEFORE.search(text[max(0, start - 60):start]):
                continue
            if len(toks) == 1 and trailing:
                # "Aitkulov N.S.": the surname, then its initials; the initials lead the tokens
                end += trailing.end()
                toks = ["".join(trailing.group(0).split())] + toks
            written = " ".join(text[start:end].split())  # a name may wrap across a line break
            out.append(NameMention(start, end, written, toks, poss and last_piece))
    return _list_mates(text, out, title_words)


# "Officers Kim, Bekov and Ismailov": a capitalised word listed among names is a name too,
# though short or without a surname's ending
_MATE_BEFORE = re.compile(rf"(?<![\w.])({TOKEN})(?:,\s*|\s+and\s+)$")
_MATE_AFTER = re.compile(rf"^(?:,\s*(?:and\s+)?|\s+and\s+)({TOKEN})(?![\w.'’-]|\s+[{UP}])")


def _list_mates(text: str, found: list[NameMention],
                title_words: Collection[str]) -> list[NameMention]:
    if len(found) == 0:
        return found
    taken = {(m.start, m.end) for m in found}
    extra: list[NameMention] = []
    for m in found:
        if len(m.tokens) != 1:
            continue  # a one-word name lists one-word mates ("Kim, Bekov and Ismailov")
        pos = m.start
        while (b := _MATE_BEFORE.search(text, max(0, pos - 40), pos)) is not None:
            word = b.group(1)
            if is_title_token(word, title_words) or (b.start(1), b.end(1)) in taken:
                break
            extra.append(NameMention(b.start(1), b.end(1), word, [word], False))
            taken.add((b.start(1), b.end(1)))
            pos = b.start(1)
        pos = m.end
        while (a := _MATE_AFTER.match(text[pos:pos + 40])) is not None:
            word = a.group(1)
            start, end = pos + a.start(1), pos + a.end(1)
            if is_title_token(word, title_words) or (start, end) in taken:
                break
            extra.append(NameMention(start, end, word, [word], False))
            taken.add((start, end))
            pos = end
    return sorted(found + extra, key=lambda m: m.start) if extra else found
