"""Countries as English news names them, found in text with their spans.

Every ISO 3166 country (from `pycountry`: short name, common name, official name) plus the
short forms news writes and pycountry lacks ("Russia", "the US", "Kyrgyz Republic", "Turkey"),
kept as data in `kzwatch/lang/en/countries.yaml`. Each written form resolves to one canonical
name ("Russian Federation", "Russia" -> `Russia`; "Türkiye", "Turkey" -> `Turkey`).

    find_countries(text, start=0, end=None) -> [CountryMention(name, start, end, possessive)]
    canonical_country("the Kyrgyz Republic") -> "Kyrgyzstan"

Names are matched case-sensitively as written (a capital letter starts each), longest first,
so "South Sudan" is not read as "Sudan" and "Niger" not inside "Nigeria". A mention followed
by "'s" is `possessive` ("Kazakhstan's neighbours"): it is not the subject of its clause.
The pattern is built once, at import: built on first use, it cost 13 ms (pycountry's names
read, then a pattern of 450 names compiled) inside the first document naming a country, in
every extraction process, where the warmed fork server builds it once for all of them.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import NamedTuple

import pycountry
import yaml

_DATA = Path(__file__).resolve().parent.parent / "lang" / "en" / "countries.yaml"


class CountryMention(NamedTuple):
    name: str          # canonical name
    start: int
    end: int           # end of the name (before any "'s")
    possessive: bool   # written "Kazakhstan's"


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@cache
def _forms() -> dict[str, str]:
    """Written form -> canonical name."""
    data = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    canonical: dict[str, str] = data.get("canonical", {})
    forms: dict[str, str] = {}
    for c in pycountry.countries:
        name = canonical.get(c.name) or getattr(c, "common_name", None) or c.name
        for form in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if form and "," not in form and "(" not in form:
                forms.setdefault(form, name)
                forms.setdefault(_plain(form), name)
    for form, name in data.get("aliases", {}).items():
        forms[form] = name
    return forms


@cache
def _regex() -> re.Pattern:
    alts = "|".join(re.escape(f).replace(r"\ ", r"\s+")
                    for f in sorted(_forms(), key=len, reverse=True))
    # "the US dollar", "US$": a currency's adjective, not the country
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])(?!\s*(?:dollars?\b|\$))"
                      rf"(?P<pos>['’]s\b)?")


_SPACES = re.compile(r"\s+")


def _key(text: str) -> str:
    return _SPACES.sub(" ", text)


def canonical_country(name: str) -> str | None:
    """Canonical name of a written country form, or None when it is not a country."""
    forms = _forms()
    key = _key(name.strip())
    if key in forms:
        return forms[key]
    if key.lower().startswith("the ") and key[4:] in forms:
        return forms[key[4:]]
    return None


def find_countries(text: str, start: int = 0, end: int | None = None) -> list[CountryMention]:
    """Every country named in text[start:end], in text order."""
    end = len(text) if end is None else end
    out = []
    for m in _regex().finditer(text, start, end):
        written = m.group(0)[: len(m.group(0)) - len(m.group("pos") or "")]
        name = canonical_country(written)
        if name:
            out.append(CountryMention(name, m.start(), m.start() + len(written),
                                      bool(m.group("pos"))))
    return out


def is_country(text: str) -> bool:
    """The whole text is a country's name ("Russia", "the United Kingdom")."""
    return canonical_country(text) is not None


_regex()  # built at import (see the module's docstring)
