"""offices.title_before, its tokens now read from the reversed window, names the office the
former forward reading did, at every name start of the examples."""
import re

from kzwatch.text import offices
from kzwatch.text.offices import (
    _ADJECTIVE,
    _DANGLING_WORD,
    _LINE_OPENS_SENTENCE,
    _POSSESSIVE_END,
    _PUNCT_END,
    _TOKEN,
    _TRAILING_COMMA,
    OFFICE_NOUNS,
    TITLE_MODIFIERS,
    TITLE_STOP,
    is_title_word,
    looks_like_title,
    title_before,
)


def _former_title_before(text: str, start: int) -> str | None:
    """title_before as main wrote it (tokens split off the whole window, then reversed)."""
    window = text[max(0, start - 200):start]
    if "\n\n" in window:
        window = window[window.rfind("\n\n") + 2:]
    opener = list(_LINE_OPENS_SENTENCE.finditer(window))
    if opener:
        window = window[opener[-1].start() + 1:]
    window = _TRAILING_COMMA.sub(" ", window.replace("\n", " "))
    kept: list[re.Match] = []
    for w in reversed(list(_TOKEN.finditer(window))):
        tok = w.group(0)
        core = tok.strip("()“”\"«»'’").lower()
        if _PUNCT_END.search(tok) or core in TITLE_STOP or len(kept) >= 16:
            break
        kept.append(w)
    kept.reverse()
    cores = [w.group(0).strip("()“”\"«»'’").lower() for w in kept]
    heads = [i for i, c in enumerate(cores) if is_title_word(c)]
    if not heads:
        return None
    idx = heads[-1]

    def modifier(i: int) -> bool:
        return cores[i] in TITLE_MODIFIERS or is_title_word(cores[i]) or \
            cores[i] in OFFICE_NOUNS or _ADJECTIVE.fullmatch(cores[i]) is not None or (
            kept[i].group(0).strip("()“”\"«»'’")[:1].isupper()
            and cores[i] not in {"the", "a", "an"}
            and not _POSSESSIVE_END.search(cores[i]))

    while idx > 0:
        if modifier(idx - 1):
            idx -= 1
        elif cores[idx - 1] in {"and", "&"} and idx > 1 and is_title_word(cores[idx - 2]):
            idx -= 2
        else:
            break
    phrase = window[kept[idx].start():kept[-1].end()].strip(" ,")
    phrase = _DANGLING_WORD.sub("", phrase)
    return phrase if looks_like_title(phrase) else None


TEXTS = [
    "First Deputy Governor of the Mangistau region Serik Ospanov was detained.",
    "The court sentenced the imprisoned former chief of the KNB, Karim Massimov, to 18 years.",
    "Kazakh Ex-Minister Jailed\nA British-educated former minister Kuandyk Bishimbayev was "
    "tried.",
    "Police said that journalist and human rights activist Aigerim Tleuzhan (“Aika”) left; "
    "then  the deputy akim  of Atyrau\nregion,  Bolat Bekov,  resigned.",
    "He met Minister and Chairman Askar Mamin and the former head of the region's police, "
    "General Yerlan Turgumbayev.\n\nThe akim of Almaty Bakhytzhan Sagintayev spoke.",
    "Two former managers of the holding, A. Bekov and B. Sultanov, and the director of "
    "\u201cKazakhstan Temir Zholy\u201d JSC's branch Nurlan Saurbek were charged.",
    "a b c d e f g h i j k l m n o p q r s t u v w x y z former deputy minister Ivanov",
    "",
]


def test_same_office_at_every_capital():
    checked = named = 0
    for text in TEXTS:
        for start in [m.start() for m in re.finditer(r"[A-Z]", text)] + [len(text)]:
            got = title_before(text, start)
            assert got == _former_title_before(text, start), (text, start)
            checked += 1
            named += got is not None
    assert checked > 50 and named >= 8  # offices are found, not only None


def test_examples():
    text = TEXTS[0]
    assert title_before(text, text.index("Serik")) == \
        "First Deputy Governor of the Mangistau region"
    text = TEXTS[1]
    assert title_before(text, text.index("Karim")) == "former chief of the KNB"
    assert offices.title_before("He said Bekov left.", 8) is None
