"""sql/40_case_views.sql on a tiny invented warehouse: every view builds and computes right."""
from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parents[2]
SQL = ROOT / "sql" / "40_case_views.sql"
FX = ROOT / "seeds" / "reference" / "fx_rates.csv"

MENTION_COLS = (
    "record_id VARCHAR, document_id VARCHAR, source_name VARCHAR, person_name VARCHAR, "
    "person_id VARCHAR, case_no INTEGER, position VARCHAR, region VARCHAR, charges VARCHAR[], "
    "amount_kzt DOUBLE, amount_usd DOUBLE, amount_kind VARCHAR, detained_on VARCHAR, "
    "verdict_on VARCHAR, sentence_type VARCHAR, sentence_months INTEGER, in_absentia BOOLEAN, "
    "status VARCHAR, evidence VARCHAR, evidence_start INTEGER, evidence_end INTEGER")

MENTIONS = [
    # record, doc, name, pid, case, region, charges, kzt, usd, kind, detained, verdict, type,
    # months, status
    ("r1", "a.txt", "Aidar Ospanov", "p1", 1, "Atyrau", ["bribe_taking"], 4_500_000.0, None,
     "bribe", "2021-12", "2022-03", "prison", 84, "convicted"),
    ("r2", "b.txt", "Aidar Ospanov", "p1", 1, "Atyrau", ["bribe_taking"], None, None, None,
     "2021-12", None, "suspended", 84, "convicted"),
    ("r3", "b.txt", "Dana Serikova", "p2", 1, "Pavlodar", ["embezzlement", "abuse_of_office"],
     1_000_000_000.0, 2_000_000.0, "embezzled", None, "2019", "prison", 60, "convicted"),
    ("r4", "c.txt", "Dana Serikova", "p2", 1, "Pavlodar", ["embezzlement"], None, None, None,
     None, None, None, None, "charged"),
    ("r5", "c.txt", "Yerlan Tokenov", "p3", 1, None, [], 500_000.0, None, "damage", None,
     None, None, None, "detained"),
    # two different cases of one person (no shared charge): different sentences, no conflict
    ("r6", "d.txt", "Marat Zhunusov", "p4", 1, None, ["fraud"], None, None, None, "2019-05",
     "2020", "prison", 36, "convicted"),
    ("r7", "e.txt", "Marat Zhunusov", "p4", 1, None, ["murder"], None, None, None, None,
     "2023-02", "prison", 180, "convicted"),
]


@pytest.fixture
def con():
    db = duckdb.connect()
    for schema in ("core", "ref", "mart"):
        db.execute(f"create schema {schema}")
    db.execute(f"create table core.case_mentions ({MENTION_COLS})")
    for r in MENTIONS:
        db.execute(
            "insert into core.case_mentions values (?, 'd', ?, ?, ?, ?, null, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?, false, ?, 'evidence ' || ?, 0, 10)",
            [r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12],
             r[13], r[14], r[0]])
    db.execute("create table core.persons (person_id VARCHAR, canonical_name VARCHAR, "
               "variants VARCHAR[], first_document VARCHAR, last_document VARCHAR, "
               "mention_count INTEGER)")
    db.execute("insert into core.persons values ('p1', 'Aidar Ospanov', ['Aidar Ospanov'], "
               "'a.txt', 'b.txt', 2)")
    db.execute("create table core.person_merges (person_id VARCHAR, variant VARCHAR, "
               "rule VARCHAR, score DOUBLE)")
    db.execute("create table core.indicators (source_name VARCHAR, indicator VARCHAR, "
               "entity VARCHAR, period VARCHAR, value DOUBLE, unit VARCHAR, rank INTEGER, "
               "rank_of INTEGER, evidence VARCHAR)")
    db.execute("insert into core.indicators values ('c.txt', 'fx_rate', 'KZT/USD', null, "
               "0.002, 'rate', null, null, 'KZT/USD = 0.002')")
    db.execute(f"create table ref.fx_rates as select * from read_csv('{FX}', header=true)")
    db.execute(SQL.read_text())
    yield db
    db.close()


def test_fx_csv_covers_2000_to_2026_with_consistent_columns():
    rows = list(csv.DictReader(FX.open(encoding="utf-8")))
    years = sorted(int(r["year"]) for r in rows)
    assert years == list(range(2000, 2027))
    for r in rows:
        assert abs(float(r["usd_per_unit"]) * float(r["units_per_usd"]) - 1) < 1e-3


def test_views_are_idempotent(con):
    con.execute(SQL.read_text())  # running twice must not fail
    names = {r[0] for r in con.execute(
        "select view_name from duckdb_views() where schema_name = 'mart'").fetchall()}
    assert {"case_money_usd", "cases_per_person", "cases_by_region_year", "sentences_by_charge",
            "money_at_stake_by_region", "case_sentence_conflicts", "case_timeline"} <= names


def test_money_converted_at_rate_of_verdict_year(con):
    row = con.execute("select amount_usd_converted, rate_year, usd_basis from "
                      "mart.case_money_usd where record_id = 'r1'").fetchone()
    rate_2022 = con.execute("select usd_per_unit from ref.fx_rates where year = 2022").fetchone()
    assert row[1] == 2022 and row[2] == "converted"
    assert row[0] == pytest.approx(4_500_000 * rate_2022[0])


def test_stated_usd_is_never_overwritten(con):
    row = con.execute("select amount_usd_stated, amount_usd_best, usd_basis from "
                      "mart.case_money_usd where record_id = 'r3'").fetchone()
    assert row == (2_000_000.0, 2_000_000.0, "stated")


def test_undated_mention_uses_the_documents_own_rate(con):
    row = con.execute("select amount_usd_best, rate_source from mart.case_money_usd "
                      "where record_id = 'r5'").fetchone()
    assert row == (pytest.approx(1000.0), "document rate")


def test_cases_per_person_latest_status_and_counts(con):
    rows = {r[0]: r for r in con.execute(
        "select person_id, canonical_name, n_mentions, n_documents, latest_status, charges "
        "from mart.cases_per_person").fetchall()}
    assert rows["p1"][1:5] == ("Aidar Ospanov", 2, 2, "convicted")
    assert rows["p2"][4] == "convicted"  # dated verdict outranks an undated 'charged'
    assert rows["p2"][5] == ["abuse_of_office", "embezzlement"]


def test_sentences_by_charge_share_suspended(con):
    row = con.execute("select n_sentenced, share_suspended_or_deferred, median_months from "
                      "mart.sentences_by_charge where charge = 'bribe_taking'").fetchone()
    assert row == (2, 0.5, 84.0)


def test_money_by_region_sums_usd(con):
    row = con.execute("select total_usd, embezzled_usd from mart.money_at_stake_by_region "
                      "where region = 'Pavlodar'").fetchone()
    assert row == (2_000_000.0, 2_000_000.0)


def test_cases_by_region_year(con):
    row = con.execute("select n_mentions, n_convicted from mart.cases_by_region_year "
                      "where region = 'Atyrau' and year = 2022").fetchone()
    assert row == (1, 1)


def test_case_disagreements_is_gone(con):
    names = {r[0] for r in con.execute(
        "select view_name from duckdb_views() where schema_name = 'mart'").fetchall()}
    assert "case_disagreements" not in names


def test_sentence_conflict_is_two_sentences_for_one_case(con):
    rows = con.execute("select person_id, source_a, source_b, sentence_type_a, sentence_type_b, "
                       "shared_charges, evidence_a, evidence_b "
                       "from mart.case_sentence_conflicts order by person_id").fetchall()
    # p1: prison vs suspended for the same bribery case; p2's charged -> convicted is a
    # timeline, not a conflict; p4's two cases share no charge
    assert rows == [("p1", "a.txt", "b.txt", "prison", "suspended", ["bribe_taking"],
                     "evidence r1", "evidence r2")]


def test_sentence_conflict_needs_agreeing_verdict_dates(con):
    con.execute("update core.case_mentions set verdict_on = '2021-06' where record_id = 'r2'")
    assert con.execute("select count(*) from mart.case_sentence_conflicts").fetchone() == (0,)
    con.execute("update core.case_mentions set verdict_on = '2022' where record_id = 'r2'")
    assert con.execute("select count(*) from mart.case_sentence_conflicts").fetchone() == (1,)


def test_case_timeline_orders_stages_by_date_and_flags_conflicts(con):
    rows = con.execute("select person_id, step, record_id, stage_date, status, has_conflict, "
                       "conflicting_record_ids from mart.case_timeline "
                       "order by person_id, step").fetchall()
    by_person = {}
    for r in rows:
        by_person.setdefault(r[0], []).append(r[1:])
    assert [r[1] for r in by_person["p2"]] == ["r3", "r4"]  # dated verdict, then undated charge
    assert [r[1] for r in by_person["p4"]] == ["r6", "r7"]  # 2020 before 2023-02
    assert by_person["p4"][0][2] == "2020"  # a verdict stage is dated by its verdict
    assert {r[1]: (r[4], r[5]) for r in by_person["p1"]} == {
        "r1": (True, ["r2"]), "r2": (True, ["r1"])}
    assert not any(r[4] for r in by_person["p2"] + by_person["p4"])
    assert len(rows) == 7  # every mention of a resolved person, once
