"""Places of Kazakhstan (and neighbours' capitals) as texts spell them, with coordinates.

Reference data: seeds/reference/places.csv, one row per spelling (`variant`) of a `place`,
with the place's region under today's division, coordinates and ACLED geo_precision.

- `canonical_place("Nur-Sultan")` -> the Astana `Place`; spelling, hyphens and case folded.
- `find_places(text)` -> every place named in a text with its span. Matching is tolerant of
  what PDF extraction does to names ("Nur\\nSultan", "NurSultan", "UstKamenogorsk") but
  case-sensitive, so the first name "Nursultan" is not the city. A name followed by
  "region" / "oblast" is a region, flagged `is_region` (callers usually skip those).
- `find_regions(text)` -> regions named as regions ("Pavlodar Region", "the region of
  Mangystau"), with the contract's region name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from unidecode import unidecode

from kzwatch.reference import canonical_region, read_csv
from kzwatch.text.patterns import guarded, lowered


@dataclass(frozen=True)
class Place:
    name: str
    region: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int
    country: str


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    place: Place
    is_region: bool = False


def fold(name: str) -> str:
    """Spelling-insensitive key: transliterated, lower case, letters and digits only."""
    return re.sub(r"[^a-z0-9]", "", unidecode(name).lower())


@lru_cache(maxsize=1)
def _places() -> tuple[dict[str, Place], dict[str, str]]:
    """(canonical name -> Place, folded variant -> canonical name)."""
    places: dict[str, Place] = {}
    variants: dict[str, str] = {}
    for row in read_csv("places.csv"):
        name = row["place"]
        if name not in places:
            places[name] = Place(
                name, row["region"] or None,
                float(row["latitude"]) if row["latitude"] else None,
                float(row["longitude"]) if row["longitude"] else None,
                int(row["geo_precision"] or 1), row["country"])
        variants[fold(row["variant"])] = name
        variants.setdefault(fold(name), name)
    return places, variants


def all_places() -> list[Place]:
    return list(_places()[0].values())


# Memoised: a text names the same few places again and again. Safe: a pure function of the
# name over the loaded gazetteer, and a Place is frozen.
@lru_cache(maxsize=4096)
def canonical_place(name: str | None) -> Place | None:
    """The gazetteer entry for any spelling of a place ("Janaozen", "Alma-Ata"), else None."""
    if not name:
        return None
    places, variants = _places()
    key = fold(re.sub(r"\b(?:city|town|village|the)\b", " ", name, flags=re.IGNORECASE))
    canonical = variants.get(key) or variants.get(fold(name))
    return places.get(canonical) if canonical else None


def _variant_pattern(variant: str) -> str:
    # inside a name, any run of spaces, hyphens or a line break may be present or dropped
    parts = [re.escape(p) for p in re.split(r"[\s\-‐–]+", variant) if p]
    return r"[\s\-‐–]*".join(parts)


def _by_first_letter(names: list[str]) -> str:
    """The alternation of the names' patterns (longest first), grouped by first letter:
    "A(?:lmaty|stana)|K(?:aragandy|...)" matches what "Almaty|Astana|Karagandy|..." matches,
    spelling for spelling (two names of one first letter keep their order, and names of two
    letters never compete at one position), but the engine reads one branch per letter
    instead of trying the ~700 spellings at every word start. The lookahead on the first
    letters skips every other position at one test."""
    groups: dict[str, list[str]] = {}
    for name in sorted(names, key=len, reverse=True):
        parts = [p for p in re.split(r"[\s\-‐–]+", name) if p]
        if parts:
            groups.setdefault(parts[0][0], []).append(r"[\s\-‐–]*".join(
                [re.escape(parts[0][1:]), *(re.escape(p) for p in parts[1:])]))
    firsts = "".join(re.escape(c) for c in sorted(groups))
    alternation = "|".join(f"{re.escape(c)}(?:{'|'.join(rests)})" for c, rests in groups.items())
    return f"(?=[{firsts}])(?:{alternation})"


@lru_cache(maxsize=1)
def _mention_regex() -> re.Pattern:
    spellings = {row["variant"] for row in read_csv("places.csv")}
    spellings |= {v.upper() for v in spellings if len(v) > 3}  # datelines: "ALMATY, Jan 5 -"
    # guarded: the first-letter lookahead inside comes after the lookbehind, tried everywhere
    return guarded(re.compile(rf"(?<![\w\-])(?:{_by_first_letter(list(spellings))})(?![\w])"))


# "Karaganda region" names the region; "the Shu district akimat" an office of the town
_REGION_AFTER = re.compile(r"\s*(?:region|oblast|province|district|obl\.)\b(?!\s+(?:akimat|police|"
                           r"court|hospital|administration|department|prosecutor|office|centre|"
                           r"center|council)\b)", re.IGNORECASE)


def find_places(text: str, start: int = 0, end: int | None = None) -> list[PlaceMention]:
    """Place names in text[start:end], in order, with absolute spans."""
    return list(_find_places(text, start, len(text) if end is None else end))


# Memoised as `daterefs._date_refs`: two families read the places of the same sentences.
# Safe: a pure function of (text, start, end), its mentions frozen, returned as copies.
@lru_cache(maxsize=4096)
def _find_places(text: str, start: int, end: int) -> tuple[PlaceMention, ...]:
    out = []
    for m in _mention_regex().finditer(text, start, end):
        place = canonical_place(m.group(0))
        if place is None:
            continue
        is_region = bool(_REGION_AFTER.match(text, m.end()))
        out.append(PlaceMention(m.start(), m.end(), place, is_region))
    return tuple(out)


@dataclass(frozen=True)
class RegionMention:
    start: int
    end: int
    region: str  # the contract's region name ("Mangystau", "Almaty Region")


@lru_cache(maxsize=1)
def _region_regex() -> re.Pattern:
    names = {row["variant"] for row in read_csv("regions.csv")}
    names = {re.sub(r"\s+(?:region|oblast|province)$", "", n, flags=re.IGNORECASE) for n in names}
    alternation = _by_first_letter([n for n in names if n])
    word = r"(?i:region|oblast|province)"
    # guarded: a sentence without "region", "oblast" or "province" is not searched at all
    return guarded(re.compile(rf"(?<![\w\-])(?P<a>{alternation})\s+{word}\b"
                              rf"|\b{word}\s+of\s+(?P<b>{alternation})(?![\w])"))


# A whole text is searched only around its region words. Every match of _region_regex holds
# one (as it writes them, case ignored), and holds only letters, whitespace, hyphens and
# dashes (its names are letters, spaces and hyphens; "of" and whitespace join them to the
# word): never one of the characters below (none of them \w, whitespace or a dash). So a
# match lies within a stretch between two of them, and searched on its own (pos, endpos) such
# a stretch gives the matches the whole text gives there: where the engine reads the
# character that ends the stretch it reads a break it cannot match, where it is cut off the
# end of the string (also a non-word character to \b and (?![\w])). Stretches without a
# region word have none. The words are looked for in the text's lower case that the literal
# checks keep, else (`lowered` is None where lower-casing could hide one: "ı" or "ſ" for "i"
# or "s") with the pattern's own (?i:region|oblast|province).
_REGION_WORDS = ("region", "oblast", "province")
_REGION_WORD = re.compile(r"(?i:region|oblast|province)")
_NO_REGION = r"[.,;:!?()\[\]\"“”«»/]"
_REGION_BREAK = re.compile(_NO_REGION)
_LAST_REGION_BREAK = re.compile(rf"{_NO_REGION}(?=[^.,;:!?()\[\]\"“”«»/]*\Z)")
_STRETCHED = 2000  # spans longer than this (whole texts, not sentences) are searched so


def _region_word_starts(text: str, start: int, end: int) -> list[int]:
    """Where a region word starts in text[start:end], in order."""
    low = lowered(text)
    if low is None:
        return [m.start() for m in _REGION_WORD.finditer(text, start, end)]
    found = []
    for word in _REGION_WORDS:
        at = low.find(word, start, end)
        while at >= 0:
            found.append(at)
            at = low.find(word, at + 1, end)
    return sorted(found)


def _region_matches(text: str, start: int, end: int):
    """_region_regex().finditer(text, start, end): the same matches, in order."""
    rx = _region_regex()
    if end - start <= _STRETCHED:
        yield from rx.finditer(text, start, end)
        return
    done = start  # where the stretch last searched ends (at a break, or `start`)
    for at in _region_word_starts(text, start, end):
        if at < done:
            continue  # a word of the stretch just searched
        before = _LAST_REGION_BREAK.search(text, done, at)
        after = _REGION_BREAK.search(text, at, end)
        stretch_end = after.start() if after else end
        yield from rx.finditer(text, before.end() if before else done, stretch_end)
        done = stretch_end


def find_regions(text: str, start: int = 0, end: int | None = None) -> list[RegionMention]:
    """Regions named as regions in text[start:end]: "Pavlodar Region", "Mangistau oblast",
    "the western region of Mangystau" (a bare "Pavlodar" is the town, not the region)."""
    end = len(text) if end is None else end
    out = []
    for m in _region_matches(text, start, end):
        region = canonical_region(f"{m.group('a') or m.group('b')} region")
        if region is not None:
            out.append(RegionMention(m.start(), m.end(), region))
    return out
