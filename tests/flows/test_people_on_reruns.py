"""People are resolved again only when the case mentions change (issue 9, item 4): an
unchanged re-run keeps the published people as they are; a removed document takes its
mentions out of them."""
from __future__ import annotations

import duckdb
import pytest

from flows.etl import kzwatch_etl
from tests.helpers import query

pytestmark = pytest.mark.usefixtures("prefect_harness")

COURT = ("ASTANA, March 3, 2024 — The Astana city court sentenced Bolat Kenzhebayev, the former "
         "akim of Taraz, to seven years in prison for taking a bribe of 40 million tenge.\n")
FOLLOW_UP = ("ASTANA, May 6, 2024 — Bolat Kenzhebayev, the former akim of Taraz, was released "
             "on parole on Monday after serving half of his seven-year sentence for bribery.\n")


def _people(wh):
    return query(wh, "select canonical_name, mention_count from core.persons order by 1")


def test_people_follow_the_mentions_and_an_unchanged_rerun_keeps_them(tmp_path):
    docs, wh = tmp_path / "documents", tmp_path / "wh" / "kzwatch.duckdb"
    docs.mkdir()
    (docs / "a.txt").write_text(COURT, encoding="utf-8")
    (docs / "b.txt").write_text(FOLLOW_UP, encoding="utf-8")
    kzwatch_etl(documents=str(docs), warehouse_file=str(wh), keep=1)
    assert _people(wh) == [("Bolat Kenzhebayev", 2)]

    kzwatch_etl(documents=str(docs), warehouse_file=str(wh), keep=1)
    assert _people(wh) == [("Bolat Kenzhebayev", 2)]
    assert query(wh, "select count(*) from core.case_mentions where person_id is null") == [(0,)]

    (docs / "b.txt").unlink()
    kzwatch_etl(documents=str(docs), warehouse_file=str(wh), keep=1)
    assert _people(wh) == [("Bolat Kenzhebayev", 1)]


def test_name_pairs_are_kept_and_a_warehouse_without_them_still_resolves(tmp_path):
    """The candidate pairs of names are kept (raw.person_name_pairs, over the names of
    raw.person_names_scored) so that a run scores only new names; a warehouse written before
    they were kept gets the tables on its next run and scores its names then."""
    docs, wh = tmp_path / "documents", tmp_path / "wh" / "kzwatch.duckdb"
    docs.mkdir()
    (docs / "a.txt").write_text(COURT, encoding="utf-8")
    kzwatch_etl(documents=str(docs), warehouse_file=str(wh), keep=1)
    assert query(wh, "select person_name from raw.person_names_scored") == [
        ("Bolat Kenzhebayev",)]
    con = duckdb.connect(str(wh))  # as an older version left it: no such tables
    con.execute("drop table raw.person_name_pairs")
    con.execute("drop table raw.person_names_scored")
    con.close()

    (docs / "b.txt").write_text(FOLLOW_UP.replace("Kenzhebayev", "Kenzhebaev"), encoding="utf-8")
    kzwatch_etl(documents=str(docs), warehouse_file=str(wh), keep=1)
    assert _people(wh) == [("Bolat Kenzhebaev", 2)]  # equal counts: the shorter spelling
    assert query(wh, "select person_name from raw.person_names_scored order by 1") == [
        ("Bolat Kenzhebaev",), ("Bolat Kenzhebayev",)]
    assert query(wh, "select stage, name_a, name_b, score from raw.person_name_pairs") == [
        ("fuzzy", "Bolat Kenzhebaev", "Bolat Kenzhebayev", 100.0)]
