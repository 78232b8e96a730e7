"""One id per real person across documents and spellings.

Kazakh and Russian names reach English in several romanisations (Massimov / Masimov,
Sadyqulov / Sadykulov, Erghozhin / Ergozhin, Nazarbayev / Nazarbaev) or stay in Cyrillic
(Масимов). `resolve_persons` folds every written name to a phonetic key, then joins names by,
in order of confidence: the same key (exact_fold), the curated alias list
(seeds/reference/person_aliases.csv, alias_csv), a fuzzy score above a threshold (fuzzy), and
a lone surname that only one full name in the corpus carries (surname_only). People who share
a surname but not a given name stay apart. Pure: DataFrames in, DataFrames out.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from functools import lru_cache

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process
from unidecode import unidecode

from kzwatch.reference import read_csv

FUZZY_THRESHOLD = 90.0  # rapidfuzz ratio on folded full names
SURNAME_THRESHOLD = 92.0  # ratio on folded surnames for surname-only mentions

_KAZAKH = str.maketrans({"ә": "a", "Ә": "A", "ғ": "g", "Ғ": "G", "қ": "k", "Қ": "K",
                         "ң": "n", "Ң": "N", "ө": "o", "Ө": "O", "ұ": "u", "Ұ": "U",
                         "ү": "u", "Ү": "U", "һ": "h", "Һ": "H", "і": "i", "І": "I",
                         "ё": "e", "Ё": "E", "й": "y", "Й": "Y", "ы": "y", "Ы": "Y",
                         "э": "e", "Э": "E", "ю": "yu", "Ю": "Yu", "я": "ya", "Я": "Ya",
                         "ъ": "", "ь": "", "Ъ": "", "Ь": ""})
_SURNAME_SHAPE = re.compile(r"(?:ov|ova|ev|eva|in|ina|uly|ulu|kyzy|kizi|enko|sky|ski|skaya|"
                            r"bek|bai|baev|baeva)$")


def transliterate(name: str) -> str:
    """Latin letters for a name in any script (Kazakh letters mapped before unidecode)."""
    return unidecode(name.translate(_KAZAKH)).replace("'", "")


def fold_token(token: str) -> str:
    """Phonetic key of one name token: romanisation variants collapse to one spelling."""
    t = transliterate(token).lower()
    t = re.sub(r"[^a-z]", "", t)
    t = t.replace("dzh", "zh").replace("dj", "zh").replace("j", "zh").replace("q", "k")
    t = t.replace("kh", "h").replace("gh", "g").replace("w", "v").replace("ph", "f")
    t = t.replace("x", "ks").replace("y", "i")
    t = re.sub(r"(.)\1+", r"\1", t)           # Massimov -> masimov
    t = re.sub(r"^ie", "e", t)                 # Yermurat -> Ermurat
    t = re.sub(r"([aeou])ie", r"\1e", t)       # Nazarbayev -> nazarbaev
    return t


def fold_name(name: str) -> tuple[str, ...]:
    """Folded tokens of a name, in written order."""
    tokens = re.findall(r"[^\W\d_][^\W\d_'’\-]*(?:-[^\W\d_]+)?", str(name or ""))
    return tuple(f for f in (fold_token(t) for t in tokens) if f)


def _surname(tokens: tuple[str, ...]) -> str:
    """The token that reads as a surname (Russian order "Massimov Karim" puts it first)."""
    if not tokens:
        return ""
    if len(tokens) > 1 and _SURNAME_SHAPE.search(tokens[0]) and \
            not _SURNAME_SHAPE.search(tokens[-1]):
        return tokens[0]
    return tokens[-1]


def _given(tokens: tuple[str, ...]) -> str | None:
    if len(tokens) < 2:
        return None
    surname = _surname(tokens)
    rest = [t for t in tokens if t != surname]
    return rest[0] if rest else None


def person_id(canonical_name: str) -> str:
    """Stable id: hash of the folded canonical name (token order-insensitive)."""
    key = " ".join(sorted(fold_name(canonical_name)))
    return "p_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


@lru_cache(maxsize=1)
def alias_table() -> dict[tuple[str, ...], str]:
    """Folded alias -> canonical name, from seeds/reference/person_aliases.csv."""
    out: dict[tuple[str, ...], str] = {}
    for row in read_csv("person_aliases.csv"):
        out[fold_name(row["alias"])] = row["canonical_name"]
        out[fold_name(row["canonical_name"])] = row["canonical_name"]
    return out


class _Clusters:
    """Union-find over distinct written names, remembering how each name joined."""

    def __init__(self, names: list[str]):
        self.parent = {n: n for n in names}
        self.how: dict[str, tuple[str, float]] = {n: ("exact_fold", 100.0) for n in names}

    def find(self, n: str) -> str:
        while self.parent[n] != n:
            self.parent[n] = self.parent[self.parent[n]]
            n = self.parent[n]
        return n

    def join(self, keep: str, other: str, rule: str, score: float) -> None:
        a, b = self.find(keep), self.find(other)
        if a != b:
            self.parent[b] = a
            self.how[other] = (rule, round(float(score), 1))


_FEMININE = re.compile(r"(?:ova|eva|ina|aia|kizi)$")


def _gender_clash(a: str, b: str) -> bool:
    """Nazarbaev / Nazarbaeva are two people (a man and a woman), however alike they look."""
    return bool(_FEMININE.search(a)) != bool(_FEMININE.search(b))


def _compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two full names may be one person only if their given names agree (or one lacks it)."""
    ga, gb = _given(a), _given(b)
    if ga is None or gb is None:
        return True
    return ga == gb or fuzz.ratio(ga, gb) >= 85


_BLOCK = 2048  # rows of the score matrix computed at once: memory stays flat as names grow


def _pairs_over(queries: list[str], choices: list[str], cutoff: float,
                upper: bool = False) -> list[tuple[int, int]]:
    """(i, j) of every query/choice pair whose `fuzz.ratio` reaches `cutoff`, in row order;
    `upper=True` (queries are the choices) keeps only i < j. Scored by rapidfuzz's `cdist`
    in blocks of rows, on all cores: C speed, and no Python loop over all pairs."""
    if not queries or not choices:
        return []
    out: list[tuple[int, int]] = []
    for lo in range(0, len(queries), _BLOCK):
        block = process.cdist(queries[lo:lo + _BLOCK], choices, scorer=fuzz.ratio,
                              score_cutoff=cutoff, dtype=np.uint8, workers=-1)
        rows, cols = np.nonzero(block)
        for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
            if not upper or lo + r < c:
                out.append((lo + r, c))
    return out


def resolve_persons(mentions: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Person ids for case mentions.

    mentions: columns record_id, source_name, person_name.
    Returns (assignments[record_id, person_id],
             persons[person_id, canonical_name, variants, first_document, last_document,
                     mention_count],
             merges[person_id, variant, rule, score]).
    """
    cols_a = ["record_id", "person_id"]
    cols_p = ["person_id", "canonical_name", "variants", "first_document", "last_document",
              "mention_count"]
    cols_m = ["person_id", "variant", "rule", "score"]
    rows = mentions.dropna(subset=["person_name"])
    rows = rows[rows["person_name"].astype(str).str.strip() != ""]
    if rows.empty:
        return pd.DataFrame(columns=cols_a), pd.DataFrame(columns=cols_p), \
            pd.DataFrame(columns=cols_m)

    names = sorted(set(rows["person_name"].astype(str)))
    folded = {n: fold_name(n) for n in names}
    clusters = _Clusters(names)
    aliases = alias_table()

    # exact_fold: same folded tokens, in any order
    by_key: dict[tuple[str, ...], str] = {}
    for n in names:
        key = tuple(sorted(folded[n]))
        if key in by_key:
            clusters.join(by_key[key], n, "exact_fold", 100.0)
        else:
            by_key[key] = n

    # alias_csv: conventional spellings no folding produces
    by_alias: dict[str, str] = {}
    for n in names:
        canonical = aliases.get(folded[n])
        if canonical is None and len(folded[n]) > 1:
            canonical = aliases.get((_surname(folded[n]),))
            if canonical and not _compatible(folded[n], fold_name(canonical)):
                canonical = None
        if canonical:
            if canonical in by_alias:
                clusters.join(by_alias[canonical], n, "alias_csv", 100.0)
            else:
                by_alias[canonical] = n

    # fuzzy: full names written alike. rapidfuzz scores all pairs in C (both cores), keeping
    # only those over the threshold; the checks below then run on those few candidates, in the
    # order the pairs were always visited (i < j over sorted names), so joins are unchanged.
    full = [n for n in names if len(folded[n]) > 1]
    sorted_keys = [" ".join(sorted(folded[n])) for n in full]
    for i, j in _pairs_over(sorted_keys, sorted_keys, FUZZY_THRESHOLD, upper=True):
        a, b = full[i], full[j]
        if clusters.find(a) == clusters.find(b) or not _compatible(folded[a], folded[b]):
            continue
        score = fuzz.ratio(sorted_keys[i], sorted_keys[j])  # = token_sort_ratio of the names
        sur = fuzz.ratio(_surname(folded[a]), _surname(folded[b]))
        if score >= FUZZY_THRESHOLD and sur >= SURNAME_THRESHOLD - 10 and \
                not _gender_clash(_surname(folded[a]), _surname(folded[b])):
            clusters.join(a, b, "fuzzy", score)

    # surname_only: a lone surname joins the one full name that carries it
    docs_of = rows.groupby("person_name")["source_name"].agg(lambda s: set(s.astype(str)))
    singles = [n for n in names if len(folded[n]) == 1]
    surnames_of_full = [_surname(folded[f]) for f in full]
    candidates: dict[int, list[int]] = defaultdict(list)
    for i, j in _pairs_over([folded[n][0] for n in singles], surnames_of_full,
                            SURNAME_THRESHOLD):
        candidates[i].append(j)
    for i, n in enumerate(singles):
        surname = folded[n][0]
        scored = []
        for j in candidates.get(i, ()):
            f = full[j]
            score = fuzz.ratio(surname, surnames_of_full[j])
            if score >= SURNAME_THRESHOLD and not _gender_clash(surname, surnames_of_full[j]):
                scored.append((score, f))
        roots = {clusters.find(f) for _, f in scored}
        if len(roots) > 1:  # several people share the surname: prefer one in the same document
            same_doc = [(s, f) for s, f in scored if docs_of[f] & docs_of[n]]
            roots = {clusters.find(f) for _, f in same_doc}
            scored = same_doc
        if len(roots) == 1:
            score, f = max(scored)
            clusters.join(f, n, "surname_only", score)

    # build the tables
    groups: dict[str, list[str]] = defaultdict(list)
    for n in names:
        groups[clusters.find(n)].append(n)
    counts = Counter(rows["person_name"].astype(str))
    name_to_pid: dict[str, str] = {}
    person_rows, merge_rows = [], []
    for members in groups.values():
        canonical = _canonical(members, counts, aliases, folded)
        pid = person_id(canonical)
        docs = sorted(set().union(*(docs_of[m] for m in members)))
        person_rows.append({"person_id": pid, "canonical_name": canonical,
                            "variants": sorted(members), "first_document": docs[0],
                            "last_document": docs[-1],
                            "mention_count": int(sum(counts[m] for m in members))})
        for m in sorted(members):
            name_to_pid[m] = pid
            rule, score = clusters.how[m]
            merge_rows.append({"person_id": pid, "variant": m, "rule": rule, "score": score})
    assignments = pd.DataFrame({"record_id": rows["record_id"].values,
                                "person_id": [name_to_pid[str(n)] for n in rows["person_name"]]})
    return (assignments[cols_a], pd.DataFrame(person_rows, columns=cols_p),
            pd.DataFrame(merge_rows, columns=cols_m))


def _canonical(members: list[str], counts: Counter, aliases, folded) -> str:
    """Curated canonical spelling if listed, else the commonest Latin full name."""
    for m in members:
        if folded[m] in aliases:
            return aliases[folded[m]]
    def rank(m: str):
        latin = bool(re.fullmatch(r"[\x00-\x7f’‘]+", m))
        return (len(folded[m]) > 1, latin, counts[m], -len(m), m)
    return max(members, key=rank)
