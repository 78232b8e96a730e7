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
            "money_at_stake_by_region", "case_disagreements"} <= names


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


def test_disagreements_pair_documents_with_both_evidences(con):
    rows = con.execute("select person_id, source_a, source_b, fields, evidence_a, evidence_b "
                       "from mart.case_disagreements order by person_id").fetchall()
    assert [(r[0], r[1], r[2]) for r in rows] == [("p1", "a.txt", "b.txt"),
                                                   ("p2", "b.txt", "c.txt")]
    assert rows[0][3] == ["sentence_type"]  # months agree; NULL verdict is not a disagreement
    assert rows[1][3] == ["status"]
    assert rows[0][4] == "evidence r1" and rows[0][5] == "evidence r2"
