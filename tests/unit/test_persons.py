"""Person resolution: spellings, scripts and surname-only mentions get one id; namesakes don't."""
from __future__ import annotations

import random
from pathlib import Path

import pandas as pd
import pytest

from kzwatch import persons as persons_module
from kzwatch.cleaning import clean
from kzwatch.extract.cases import extract
from kzwatch.persons import (
    fold_name,
    fold_token,
    person_id,
    resolve_persons,
    resolve_persons_incremental,
    transliterate,
)
from kzwatch.reference import read_csv

SAMPLES = Path(__file__).resolve().parents[2] / "seeds" / "documents"


def _resolve(names_by_doc: list[tuple[str, str]]):
    df = pd.DataFrame([{"record_id": f"r{i}", "source_name": doc, "person_name": name}
                       for i, (doc, name) in enumerate(names_by_doc)])
    return resolve_persons(df)


def _ids(names_by_doc):
    assignments, _, _ = _resolve(names_by_doc)
    return list(assignments["person_id"])


@pytest.mark.parametrize("a, b", [
    ("Massimov", "Masimov"),
    ("Sadyqulov", "Sadykulov"),
    ("Erghozhin", "Ergozhin"),
    ("Nazarbayev", "Nazarbaev"),
    ("Zhakiyanov", "Zhakianov"),
    ("Dzhaksybekov", "Jaksybekov"),
    ("Yermekov", "Ermekov"),
    ("Aliyev", "Aliev"),
    ("Масимов", "Masimov"),
    ("Қасымов", "Kasymov"),
    ("Сәрсенбайұлы", "Sarsenbayuly"),
])
def test_fold_token_joins_romanisations(a, b):
    assert fold_token(a) == fold_token(b)


@pytest.mark.parametrize("a, b", [("Nazarbayev", "Nazarbayeva"), ("Abenov", "Abenova"),
                                  ("Tokayev", "Tokarev")])
def test_fold_token_keeps_different_names_apart(a, b):
    assert fold_token(a) != fold_token(b)


def test_transliterate_kazakh_letters():
    assert transliterate("Әлихан Бөкейхан") == "Alikhan Bokeykhan"


@pytest.mark.parametrize("a, b, rule", [
    ("Karim Massimov", "Karim Masimov", "exact_fold"),
    ("Anuar Sadyqulov", "Anuar Sadykulov", "exact_fold"),
    ("Karim Massimov", "Карим Масимов", "exact_fold"),
    ("Karim Massimov", "Massimov Karim", "exact_fold"),
    ("Rakhat Aliyev", "Rakhat Shoraz", "alias_csv"),
    ("Bakytgul Khamenova", "Bakytgul Hamenova", "exact_fold"),
    ("Galymzhan Zhakiyanov", "Galimzhan Zhakiyanov", "exact_fold"),
    ("Marat Beketayev", "Marat Beketeyev", "fuzzy"),
])
def test_spellings_of_one_person_get_one_id(a, b, rule):
    assignments, persons, merges = _resolve([("d1.txt", a), ("d2.txt", b)])
    assert assignments["person_id"].nunique() == 1
    assert len(persons) == 1 and persons.iloc[0]["mention_count"] == 2
    assert set(persons.iloc[0]["variants"]) == {a, b}
    assert rule in set(merges["rule"])


def test_surname_only_joins_the_one_full_name():
    ids = _ids([("d1.txt", "Marat Beketayev"), ("d2.txt", "Beketayev"), ("d3.txt", "Beketaev")])
    assert len(set(ids)) == 1
    _, _, merges = _resolve([("d1.txt", "Marat Beketayev"), ("d2.txt", "Beketayev")])
    row = merges[merges["variant"] == "Beketayev"].iloc[0]
    assert row["rule"] == "surname_only" and row["score"] >= 90


def test_namesakes_with_different_given_names_stay_apart():
    ids = _ids([("d1.txt", "Kairat Satybaldy"), ("d2.txt", "Nurlan Satybaldy")])
    assert ids[0] != ids[1]


def test_ambiguous_surname_joins_the_namesake_of_its_own_document():
    ids = _ids([("d1.txt", "Kairat Satybaldy"), ("d2.txt", "Nurlan Satybaldy"),
                ("d2.txt", "Satybaldy")])
    assert ids[2] == ids[1] != ids[0]


def test_surname_of_two_people_in_other_documents_stays_alone():
    ids = _ids([("d1.txt", "Kairat Satybaldy"), ("d2.txt", "Nurlan Satybaldy"),
                ("d3.txt", "Satybaldy")])
    assert len(set(ids)) == 3


def test_person_id_is_stable_and_order_insensitive():
    assert person_id("Karim Massimov") == person_id("Massimov Karim") == person_id("Karim Masimov")
    assert person_id("Karim Massimov").startswith("p_") and len(person_id("Karim Massimov")) == 14


def test_persons_table_columns_and_documents():
    _, persons, merges = _resolve([("b.txt", "Karim Massimov"), ("a.txt", "Masimov"),
                                   ("c.txt", "Karim Masimov")])
    row = persons.iloc[0]
    assert row["canonical_name"] == "Karim Massimov"  # curated spelling wins
    assert (row["first_document"], row["last_document"]) == ("a.txt", "c.txt")
    assert list(merges.columns) == ["person_id", "variant", "rule", "score"]


def test_empty_input():
    a, p, m = resolve_persons(pd.DataFrame(columns=["record_id", "source_name", "person_name"]))
    assert a.empty and p.empty and m.empty


def test_fold_name_keeps_token_order():
    assert fold_name("Karim Massimov") == ("karim", "masimov")


def test_sample_extraction_resolves_each_person_once():
    rows = []
    for path in sorted(SAMPLES.iterdir()):
        for i, rec in enumerate(extract(clean(path.read_text(encoding="utf-8"), path.name))):
            rows.append({"record_id": f"{path.name}:{i}", "source_name": path.name,
                         "person_name": rec.person_name})
    df = pd.DataFrame(rows)
    assignments, _persons, _ = resolve_persons(df)
    merged = df.merge(assignments, on="record_id")
    # a person named in several documents gets one id, and one id never covers two surnames
    for pid, group in merged.groupby("person_id"):
        surnames = {fold_name(n)[-1] for n in group["person_name"]}
        assert len(surnames) == 1, (pid, surnames)
    by_name = merged.groupby("person_name")["person_id"].nunique()
    assert (by_name == 1).all()
    massimov = merged[merged["person_name"].str.contains("Massimov")]
    assert massimov["source_name"].nunique() >= 2 and massimov["person_id"].nunique() == 1


def test_gold_person_names_resolve_once_across_documents():
    gold = Path(__file__).resolve().parents[3] / "shared" / "gold" / "case_mentions.jsonl"
    if not gold.exists():
        pytest.skip("shared gold not present")
    import json

    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line]
    df = pd.DataFrame([{"record_id": f"g{i}", "source_name": r["source_name"],
                        "person_name": r["person_name"]} for i, r in enumerate(rows)])
    assignments, _, _ = resolve_persons(df)
    merged = df.merge(assignments, on="record_id")
    assert (merged.groupby("person_name")["person_id"].nunique() == 1).all()
    assert (merged.groupby("person_id")["person_name"].nunique() == 1).all()
    multi_doc = merged.groupby("person_id")["source_name"].nunique()
    assert (multi_doc >= 2).sum() >= 2  # Massimov and Satybaldy appear in two documents each


def test_feminine_surname_is_another_person():
    ids = _ids([("d1.txt", "Dariga Nazarbayeva"), ("d2.txt", "Nazarbayev"),
                ("d3.txt", "Darigha Nazarbaeva")])
    assert ids[0] == ids[2] != ids[1]


# --- incremental resolution: only new names are scored, the result is the same -------------

def _frame(names_by_doc: list[tuple[str, str]]) -> pd.DataFrame:
    return pd.DataFrame([{"record_id": f"r{i}", "source_name": doc, "person_name": name}
                         for i, (doc, name) in enumerate(names_by_doc)],
                        columns=["record_id", "source_name", "person_name"])


def _assert_same(got, want):
    for g, w in zip(got, want, strict=True):
        pd.testing.assert_frame_equal(g.reset_index(drop=True), w.reset_index(drop=True))


def _replay(snapshots: list[list[tuple[str, str]]]):
    """Resolve each snapshot from the store the previous one left; each result and store must
    be what a resolution from scratch gives. Returns the results, snapshot by snapshot."""
    scored = pairs = None
    results = []
    for snapshot in snapshots:
        df = _frame(snapshot)
        got = resolve_persons_incremental(df, scored, pairs)
        scratch = resolve_persons_incremental(df)
        _assert_same(got, scratch)
        _assert_same(got[:3], resolve_persons(df))
        _, _, _, scored, pairs = got
        results.append(got)
    return results


def _ids_by_name(result) -> dict[str, str]:
    merges = result[2]
    return dict(zip(merges["variant"], merges["person_id"], strict=True))


_SYLLABLES = ["ka", "ri", "mo", "na", "sa", "ta", "be", "ku", "zh", "an", "ar", "la", "nur",
              "bek", "er", "gul", "kh", "q", "dzh", "y", "ss", "ie"]


def _random_snapshots(seed: int, steps: int = 5) -> list[list[tuple[str, str]]]:
    """Snapshots of a corpus whose names come and go: romanisation variants, reordered names,
    lone surnames, feminine forms, alias-list spellings and Cyrillic."""
    rnd = random.Random(seed)

    def word(n):
        return "".join(rnd.choice(_SYLLABLES) for _ in range(n)).capitalize()

    people = [f"{word(2)} {word(2)}{rnd.choice(['ov', 'ev', 'in', 'uly', 'bek'])}"
              for _ in range(rnd.choice([20, 60, 150]))]
    aliases = [r[c] for r in read_csv("person_aliases.csv") for c in ("alias", "canonical_name")]

    def spelling():
        if rnd.random() < 0.1:
            return rnd.choice(aliases)
        given, surname = rnd.choice(people).split()
        r = rnd.random()
        if r < 0.1:
            surname = surname + "a" if surname.endswith(("ov", "ev", "in")) else surname
        elif r < 0.2:
            surname = surname[:2] + rnd.choice(_SYLLABLES) + surname[2:]
        elif r < 0.3:
            at = rnd.randrange(1, len(surname))
            surname = surname[:at] + rnd.choice("aeiou") + surname[at + 1:]
        elif r < 0.4:
            given = given[:-1] + rnd.choice("aeiouy")
        r = rnd.random()
        if r < 0.2:
            return surname
        if r < 0.3:
            return f"{surname} {given}"
        if r < 0.35:
            return f"{given} {surname}".replace("k", "к").replace("a", "а")
        return f"{given} {surname}"

    docs: dict[str, list[str]] = {}
    snapshots = []
    for _ in range(steps):
        for doc in rnd.sample(sorted(docs), k=min(len(docs), rnd.randint(0, 3))):
            del docs[doc]  # removed documents take their names along
        for _ in range(rnd.randint(1, 12)):
            docs[f"d{rnd.randint(0, 40)}.txt"] = [spelling() for _ in range(rnd.randint(1, 8))]
        snapshots.append([(doc, name) for doc in sorted(docs) for name in docs[doc]])
    return snapshots


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 4, 7])
def test_incremental_equals_full_on_random_corpora(seed):
    results = _replay(_random_snapshots(seed))
    rules = set().union(*(set(r[2]["rule"]) for r in results))
    assert {"exact_fold", "fuzzy", "surname_only"} <= rules  # the corpora exercise the joins


def test_a_new_name_bridging_two_people_joins_them():
    start = [("d1.txt", "Nurlan Tokhtarbekov"), ("d2.txt", "Nurlan Tukhtarbaev")]
    before, after, removed = _replay([start, [*start, ("d3.txt", "Nurlan Tokhtarbaev")], start])
    assert len(set(_ids_by_name(before).values())) == 2
    assert len(set(_ids_by_name(after).values())) == 1
    assert len(set(_ids_by_name(removed).values())) == 2  # the bridge gone, two people again


def test_a_lone_surname_before_or_after_its_full_name():
    surname_first = _replay([[("d1.txt", "Beketayev")],
                             [("d1.txt", "Beketayev"), ("d2.txt", "Marat Beketayev")]])
    full_first = _replay([[("d2.txt", "Marat Beketayev")],
                          [("d1.txt", "Beketaev"), ("d2.txt", "Marat Beketayev")]])
    for result in (surname_first[-1], full_first[-1]):
        assert len(set(_ids_by_name(result).values())) == 1
        assert "surname_only" in set(result[2]["rule"])


def test_a_namesake_arriving_makes_a_lone_surname_ambiguous():
    start = [("d1.txt", "Kairat Satybaldy"), ("d3.txt", "Satybaldy")]
    before, after, back = _replay([start, [*start, ("d2.txt", "Nurlan Satybaldy")], start])
    assert len(set(_ids_by_name(before).values())) == 1
    assert len(set(_ids_by_name(after).values())) == 3
    assert len(set(_ids_by_name(back).values())) == 1


def test_alias_list_and_gender_clash_names_incrementally():
    first = [("d1.txt", "Rakhat Aliyev"), ("d2.txt", "Dariga Nazarbayeva"),
             ("d2.txt", "Serik Abenov")]
    second = [*first, ("d3.txt", "Rakhat Shoraz"), ("d3.txt", "Nazarbayev"),
              ("d4.txt", "Darigha Nazarbaeva"), ("d4.txt", "Serik Abenova")]
    _, result = _replay([first, second])
    ids = _ids_by_name(result)
    assert ids["Rakhat Aliyev"] == ids["Rakhat Shoraz"]
    assert ids["Dariga Nazarbayeva"] == ids["Darigha Nazarbaeva"] != ids["Nazarbayev"]
    assert ids["Serik Abenov"] != ids["Serik Abenova"]


def _count_scoring(monkeypatch) -> list[tuple[int, int]]:
    """(queries, choices) of every call to the scorer, as resolutions make them."""
    calls: list[tuple[int, int]] = []
    real = persons_module._pairs_over

    def counting(queries, choices, cutoff, upper=False):
        calls.append((len(queries), len(choices)))
        return real(queries, choices, cutoff, upper)

    monkeypatch.setattr(persons_module, "_pairs_over", counting)
    return calls


def test_only_new_names_are_scored(monkeypatch):
    calls = _count_scoring(monkeypatch)
    old = [name for snapshot in _random_snapshots(3, steps=3) for _, name in snapshot]
    base = _frame([(f"d{i % 7}.txt", n) for i, n in enumerate(old)])
    _, _, _, scored, pairs = resolve_persons_incremental(base)
    n_old = base["person_name"].nunique()
    assert sum(q * c for q, c in calls) > n_old  # from scratch: every name against all

    new = ["Nurlan Tokhtarbekov", "Tokhtarbekov", "Бекетаев", "Marat Beketayev"]
    grown = pd.concat([base, _frame([("n.txt", n) for n in new]).assign(
        record_id=lambda d: "n" + d["record_id"])], ignore_index=True)
    calls.clear()
    got = resolve_persons_incremental(grown, scored, pairs)
    work = sum(q * c for q, c in calls)
    assert 0 < work <= len(new) * grown["person_name"].nunique()  # new x all, not all x all
    _assert_same(got, resolve_persons_incremental(grown))

    fewer = grown[grown["source_name"] != "d0.txt"]
    assert fewer["person_name"].nunique() < grown["person_name"].nunique()
    calls.clear()
    shrunk = resolve_persons_incremental(fewer, got[3], got[4])
    assert sum(q * c for q, c in calls) == 0  # names only removed: nothing to score
    _assert_same(shrunk, resolve_persons_incremental(fewer))


def test_names_scored_by_another_scorer_version_are_scored_again(monkeypatch):
    df = _frame([("d1.txt", "Marat Beketayev"), ("d2.txt", "Marat Beketeyev"),
                 ("d3.txt", "Beketayev")])
    _, _, _, scored, pairs = resolve_persons_incremental(df)
    stale = scored.assign(scorer_version="older")
    bogus = pairs.iloc[0:0]  # the stored pairs lost: with a stale version they don't count
    calls = _count_scoring(monkeypatch)
    got = resolve_persons_incremental(df, stale, bogus)
    assert sum(q * c for q, c in calls) > 0
    _assert_same(got, resolve_persons_incremental(df))


def test_empty_store_and_empty_mentions():
    df = _frame([("d1.txt", "Karim Massimov"), ("d2.txt", "Masimov")])
    empty_scored = pd.DataFrame(columns=persons_module.COLUMNS_SCORED)
    empty_pairs = pd.DataFrame(columns=persons_module.COLUMNS_PAIRS)
    _assert_same(resolve_persons_incremental(df, empty_scored, empty_pairs),
                 resolve_persons_incremental(df))
    result = resolve_persons_incremental(_frame([]), empty_scored, empty_pairs)
    assert all(frame.empty for frame in result)
    assert list(result[4].columns) == ["stage", "name_a", "name_b", "score"]


def test_warehouse_keeps_the_pairs_and_scores_only_new_names(tmp_path, monkeypatch):
    """warehouse._resolve_persons reads and writes the pair store (no flow: one engine on a
    file); a warehouse without the store's tables gets them from the DDL and scores all."""
    from sqlalchemy import text

    from kzwatch import warehouse
    from models.tables import SCHEMA_COMMENTS, metadata

    mentions = [("d1.txt", "Marat Beketayev"), ("d2.txt", "Beketaev"),
                ("d3.txt", "Kairat Satybaldy"), ("d3.txt", "Karim Massimov")]

    def insert(conn, rows):
        for source, name in rows:
            conn.execute(text("insert into core.case_mentions (record_id, document_id, "
                              "source_name, person_name) values (:r, 'x', :s, :n)"),
                         {"r": f"{source}:{name}", "s": source, "n": name})

    def resolved(conn):
        got = conn.execute(text("select person_name, person_id from core.case_mentions "
                                "order by 1")).all()
        df = _frame(mentions).assign(record_id=lambda d: d["source_name"] + ":" + d["person_name"])
        want = df.merge(resolve_persons(df)[0], on="record_id")
        return got, sorted(zip(want["person_name"], want["person_id"], strict=True))

    engine = warehouse._engine(tmp_path / "wh.duckdb")
    try:
        with engine.begin() as conn:
            for schema in SCHEMA_COMMENTS:
                conn.execute(text(f"create schema if not exists {schema}"))
            metadata.create_all(conn)
            insert(conn, mentions)
            warehouse._resolve_persons(conn)
            assert conn.execute(text("select count(*) from raw.person_names_scored")).scalar() \
                == len(mentions)

            new = [("d4.txt", "Nurlan Satybaldy"), ("d4.txt", "Satybaldy")]
            mentions += new
            insert(conn, new)
            calls = _count_scoring(monkeypatch)
            warehouse._resolve_persons(conn)
            assert 0 < sum(q * c for q, c in calls) <= len(new) * len(mentions)
            got, want = resolved(conn)
            assert got == want

            # a warehouse written before the store: no tables, created by the DDL, all scored
            conn.execute(text("drop table raw.person_name_pairs"))
            conn.execute(text("drop table raw.person_names_scored"))
            metadata.create_all(conn)
            warehouse._add_missing_columns(conn)
            conn.execute(text("update core.case_mentions set person_id = null"))
            calls.clear()
            warehouse._resolve_persons(conn)
            assert sum(q * c for q, c in calls) >= len(mentions)
            got, want = resolved(conn)
            assert got == want
            assert conn.execute(text("select count(*) from raw.person_names_scored")).scalar() \
                == len(mentions)
    finally:
        engine.dispose()
