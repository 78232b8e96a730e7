"""One id per real person across documents and spellings.

Kazakh and Russian names reach English in several romanisations (Massimov / Masimov,
Sadyqulov / Sadykulov, Erghozhin / Ergozhin, Nazarbayev / Nazarbaev) or stay in Cyrillic
(Масимов). `resolve_persons` folds every written name to a phonetic key, then joins names by,
in order of confidence: the same key (exact_fold), the curated alias list
(seeds/reference/person_aliases.csv, alias_csv), a fuzzy score above a threshold (fuzzy), and
a lone surname that only one full name in the corpus carries (surname_only). People who share
a surname but not a given name stay apart. Pure: DataFrames in, DataFrames out.

The costly part is scoring every pair of names (quadratic in the distinct names). A candidate
pair depends on its two names only, so `resolve_persons_incremental` takes the pairs found by
the previous call (the warehouse keeps them in raw.person_name_pairs) and scores only the names
it has not seen, against all: the result is exactly that of `resolve_persons` from scratch.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

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


@lru_cache(maxsize=1 << 17)  # given names and surnames repeat across thousands of names
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


def person_id(canonical_name: str, folded: tuple[str, ...] | None = None) -> str:
    """Stable id: hash of the folded canonical name (token order-insensitive); `folded`, if
    given, is fold_name(canonical_name) already computed."""
    key = " ".join(sorted(fold_name(canonical_name) if folded is None else folded))
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


COLUMNS_ASSIGNMENTS = ["record_id", "person_id"]
COLUMNS_PERSONS = ["person_id", "canonical_name", "variants", "first_document", "last_document",
                   "mention_count"]
COLUMNS_MERGES = ["person_id", "variant", "rule", "score"]
COLUMNS_SCORED = ["person_name", "scorer_version"]
COLUMNS_PAIRS = ["stage", "name_a", "name_b", "score"]


@lru_cache(maxsize=1)
def scorer_version() -> str:
    """Hash of what a candidate pair depends on: this module (folding, thresholds) and the
    rapidfuzz and Unidecode versions. Names scored under another version are scored again."""
    h = hashlib.sha256(Path(__file__).read_bytes())
    for package in ("rapidfuzz", "Unidecode"):
        try:
            h.update(f"{package} {version(package)}".encode())
        except PackageNotFoundError:
            h.update(f"{package} -".encode())
    return h.hexdigest()[:12]


def _candidate_pairs(names: list[str], new: set[str],
                     folded: dict[str, tuple[str, ...]]) -> list[tuple[str, str, str, float]]:
    """(stage, name_a, name_b, score) of every candidate pair with at least one name in `new`:
    fuzzy, two full names whose sorted folded tokens score >= FUZZY_THRESHOLD (name_a < name_b);
    surname, a lone surname (name_a) and a full name (name_b) whose surname scores >=
    SURNAME_THRESHOLD. Only `new` names are scored (against all `names`): the work grows with
    len(new) * len(names), and is the whole square only when every name is new."""
    full = [n for n in names if len(folded[n]) > 1]
    singles = [n for n in names if len(folded[n]) == 1]
    new_full = [n for n in full if n in new]
    key = {n: " ".join(sorted(folded[n])) for n in full}
    out: dict[tuple[str, str, str], float] = {}

    every = len(new_full) == len(full)  # scored against themselves: the upper triangle will do
    for i, j in _pairs_over([key[n] for n in new_full], [key[n] for n in full],
                            FUZZY_THRESHOLD, upper=every):
        a, b = sorted((new_full[i], full[j]))
        if a != b and ("fuzzy", a, b) not in out:
            out["fuzzy", a, b] = fuzz.ratio(key[a], key[b])

    surname = {f: _surname(folded[f]) for f in full}
    new_singles = [n for n in singles if n in new]
    old_singles = [n for n in singles if n not in new]
    for queries, choices in ((new_singles, full), (old_singles, new_full)):
        for i, j in _pairs_over([folded[n][0] for n in queries], [surname[f] for f in choices],
                                SURNAME_THRESHOLD):
            a, b = queries[i], choices[j]
            out["surname", a, b] = fuzz.ratio(folded[a][0], surname[b])
    return [(*pair, float(score)) for pair, score in out.items()]


def resolve_persons(mentions: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Person ids for case mentions.

    mentions: columns record_id, source_name, person_name.
    Returns (assignments[record_id, person_id],
             persons[person_id, canonical_name, variants, first_document, last_document,
                     mention_count],
             merges[person_id, variant, rule, score]).
    """
    assignments, people, merges, _, _ = resolve_persons_incremental(mentions)
    return assignments, people, merges


def resolve_persons_incremental(
        mentions: pd.DataFrame, scored: pd.DataFrame | None = None,
        pairs: pd.DataFrame | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """`resolve_persons`, scoring only the names the previous call did not score.

    scored[person_name, scorer_version] and pairs[stage, name_a, name_b, score] are what the
    previous call returned (None or empty: score every name). A name of `scored` keeps its
    pairs with the other names of `scored`; pairs with names no longer mentioned are dropped;
    the other names are scored against all. The joins then visit the candidate pairs in the
    order a resolution from scratch does, so assignments, persons and merges are the same.
    Returns (assignments, persons, merges, scored, pairs), the last two for the next call.
    """
    rows = mentions.dropna(subset=["person_name"])
    rows = rows[rows["person_name"].astype(str).str.strip() != ""]
    if rows.empty:
        return (pd.DataFrame(columns=COLUMNS_ASSIGNMENTS), pd.DataFrame(columns=COLUMNS_PERSONS),
                pd.DataFrame(columns=COLUMNS_MERGES), pd.DataFrame(columns=COLUMNS_SCORED),
                pd.DataFrame(columns=COLUMNS_PAIRS))

    written = rows["person_name"].astype(str).tolist()
    names = sorted(set(written))
    folded = {n: fold_name(n) for n in names}
    clusters = _Clusters(names)
    aliases = alias_table()

    # candidate pairs: those kept from the previous call, among names it scored that are still
    # mentioned (under the same scorer), and those of the names it did not score
    current = scorer_version()
    known: set[str] = set()
    if scored is not None and len(scored):
        same = scored[scored["scorer_version"] == current]["person_name"].astype(str)
        known = set(same) & set(folded)
    candidates_all: list[tuple[str, str, str, float]] = []
    if known and pairs is not None and len(pairs):
        candidates_all = [(stage, a, b, float(score)) for stage, a, b, score
                          in pairs[COLUMNS_PAIRS].itertuples(index=False, name=None)
                          if a in known and b in known]
    candidates_all += _candidate_pairs(names, set(folded) - known, folded)

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

    # fuzzy: full names written alike (candidates scored by rapidfuzz in C, see
    # _candidate_pairs); the checks below run on those few, in the order the pairs were always
    # visited (a before b over sorted names, then b), so joins are the same however found.
    fuzzy = sorted((a, b) for stage, a, b, _ in candidates_all if stage == "fuzzy")
    for a, b in fuzzy:
        if clusters.find(a) == clusters.find(b) or not _compatible(folded[a], folded[b]):
            continue
        key_a, key_b = " ".join(sorted(folded[a])), " ".join(sorted(folded[b]))
        score = fuzz.ratio(key_a, key_b)  # = token_sort_ratio of the names
        sur = fuzz.ratio(_surname(folded[a]), _surname(folded[b]))
        if score >= FUZZY_THRESHOLD and sur >= SURNAME_THRESHOLD - 10 and \
                not _gender_clash(_surname(folded[a]), _surname(folded[b])):
            clusters.join(a, b, "fuzzy", score)

    # surname_only: a lone surname joins the one full name that carries it
    docs_of: dict[str, set[str]] = defaultdict(set)
    for n, doc in zip(written, rows["source_name"].astype(str).tolist(), strict=True):
        docs_of[n].add(doc)
    candidates: dict[str, list[str]] = defaultdict(list)
    for stage, n, f, _ in candidates_all:
        if stage == "surname":
            candidates[n].append(f)
    for n in names:
        if len(folded[n]) != 1:
            continue
        surname = folded[n][0]
        scored_full = []
        for f in candidates.get(n, ()):
            of_full = _surname(folded[f])
            score = fuzz.ratio(surname, of_full)
            if score >= SURNAME_THRESHOLD and not _gender_clash(surname, of_full):
                scored_full.append((score, f))
        roots = {clusters.find(f) for _, f in scored_full}
        if len(roots) > 1:  # several people share the surname: prefer one in the same document
            same_doc = [(s, f) for s, f in scored_full if docs_of[f] & docs_of[n]]
            roots = {clusters.find(f) for _, f in same_doc}
            scored_full = same_doc
        if len(roots) == 1:
            score, f = max(scored_full)
            clusters.join(f, n, "surname_only", score)

    # build the tables
    groups: dict[str, list[str]] = defaultdict(list)
    for n in names:
        groups[clusters.find(n)].append(n)
    counts = Counter(written)
    name_to_pid: dict[str, str] = {}
    person_rows, merge_rows = [], []
    for members in groups.values():
        canonical = _canonical(members, counts, aliases, folded)
        pid = person_id(canonical, folded.get(canonical))
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
                                "person_id": [name_to_pid[n] for n in written]})
    store_scored = pd.DataFrame({"person_name": names, "scorer_version": current})
    store_pairs = pd.DataFrame(sorted(candidates_all), columns=COLUMNS_PAIRS)
    return (assignments[COLUMNS_ASSIGNMENTS], pd.DataFrame(person_rows, columns=COLUMNS_PERSONS),
            pd.DataFrame(merge_rows, columns=COLUMNS_MERGES), store_scored, store_pairs)


def _canonical(members: list[str], counts: Counter, aliases, folded) -> str:
    """Curated canonical spelling if listed, else the commonest Latin full name."""
    for m in members:
        if folded[m] in aliases:
            return aliases[folded[m]]
    def rank(m: str):
        latin = bool(re.fullmatch(r"[\x00-\x7f’‘]+", m))
        return (len(folded[m]) > 1, latin, counts[m], -len(m), m)
    return max(members, key=rank)
