"""sql/50_protest_views.sql on a few invented rows in an in-memory DuckDB."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

SQL = Path(__file__).resolve().parents[2] / "sql" / "50_protest_views.sql"

EVENT_COLS = ("source_name, event_date, location, region, event_type, sub_event_type, "
              "participants, killed, injured, detained, description, evidence, record_id, "
              "document_id, latitude, longitude, geo_precision, evidence_start, evidence_end")
STAT_COLS = ("source_name, subject, metric, value, unit, period, location, evidence, record_id, "
             "document_id, evidence_start, evidence_end")

EVENTS = [
    # two documents report the same place and day with different counts and types
    ("a.txt", "2020-03-01", "Oral", "West Kazakhstan", "protests", "peaceful_protest",
     400, None, None, None),
    ("b.txt", "2020-03-01", "Oral", "West Kazakhstan", "riots", "violent_demonstration",
     250, 2, None, 10),
    ("a.txt", "2020-03-02", "Oral", "West Kazakhstan", "protests",
     "protest_with_intervention", None, None, None, 30),
    ("a.txt", "2020-03", "Taraz", "Zhambyl", "protests", "peaceful_protest",
     None, None, None, None),
    ("b.txt", "2019", "Taraz", "Zhambyl", "strategic_developments", "arrests",
     None, None, None, 5),
    # a duplicate file: its records must not count
    ("dup.txt", "2020-03-01", "Oral", "West Kazakhstan", "violence_against_civilians",
     "attack", None, 99, None, None),
]
STATS = [
    ("a.txt", "spring 2020 unrest (Ministry of Interior)", "detained", 120, "persons",
     "2020-03-01", None),
    ("a.txt", "spring 2020 unrest", "detained", 310, "persons", "2020-03-02", None),
    ("b.txt", "spring 2020 unrest (rights group)", "detained", 450, "persons", "2020-03-04",
     None),
    ("b.txt", "spring 2020 unrest", "killed", 3, "persons", "2020-03", None),
    ("a.txt", "spring 2020 unrest", "killed", 2, "persons", "2020-03", None),
    ("a.txt", "spring 2020 unrest", "killed", 1, "persons", "2020-03-02", "Oral"),
    ("dup.txt", "spring 2020 unrest", "detained", 9999, "persons", "2020-03-03", None),
]


@pytest.fixture
def con():
    con = duckdb.connect(":memory:")
    for schema in ("core", "raw", "mart"):
        con.execute(f"create schema {schema}")
    con.execute("""create table core.protest_events (
        source_name varchar, event_date varchar, location varchar, region varchar,
        event_type varchar, sub_event_type varchar, participants integer, killed integer,
        injured integer, detained integer, description varchar, evidence varchar,
        record_id varchar, document_id varchar, latitude double, longitude double,
        geo_precision integer, evidence_start integer, evidence_end integer)""")
    con.execute("""create table core.statistics (
        source_name varchar, subject varchar, metric varchar, value double, unit varchar,
        period varchar, location varchar, evidence varchar, record_id varchar,
        document_id varchar, evidence_start integer, evidence_end integer)""")
    con.execute("""create table raw.documents (document_id varchar, source_name varchar,
        checksum varchar, status varchar)""")
    con.executemany("insert into raw.documents values (?, ?, ?, ?)", [
        ("da", "a.txt", "x", "loaded"), ("db", "b.txt", "y", "loaded"),
        ("da", "dup.txt", "x", "duplicate")])
    for i, row in enumerate(EVENTS):
        con.execute(f"insert into core.protest_events ({EVENT_COLS}) values "
                    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'd', 'e', ?, 'doc', 51.2, 51.4, 1, 0, 1)",
                    [*row, f"r{i}"])
    for i, row in enumerate(STATS):
        con.execute(f"insert into core.statistics ({STAT_COLS}) values "
                    "(?, ?, ?, ?, ?, ?, ?, 'e', ?, 'doc', 0, 1)", [*row, f"s{i}"])
    con.execute(SQL.read_text())
    yield con
    con.close()


def rows(con, sql):
    cur = con.execute(sql)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def test_file_is_idempotent(con):
    con.execute(SQL.read_text())  # a second run replaces, never fails
    assert rows(con, "select count(*) as n from mart.protest_timeline")[0]["n"] == 4


def test_timeline_merges_documents_on_a_place_day(con):
    got = rows(con, "select * from mart.protest_timeline where event_date = '2020-03-01'")
    assert len(got) == 1
    row = got[0]
    assert (row["event_type"], row["sub_event_type"]) == ("riots", "violent_demonstration")
    assert row["participants"] == 250  # the lowest reported
    assert row["killed"] == 2 and row["detained"] == 10
    assert row["sources"] == 2 and row["source_names"] == ["a.txt", "b.txt"]
    assert (row["latitude"], row["longitude"]) == (51.2, 51.4)


@pytest.mark.parametrize("event_date, precision, start, end", [
    ("2020-03-02", "day", "2020-03-02", "2020-03-02"),
    ("2020-03", "month", "2020-03-01", "2020-03-31"),
    ("2019", "year", "2019-01-01", "2019-12-31"),
])
def test_timeline_date_spans(con, event_date, precision, start, end):
    row = rows(con, "select date_precision, period_start::varchar as s, "
                    f"period_end::varchar as e from mart.protest_timeline "
                    f"where event_date = '{event_date}'")[0]
    assert (row["date_precision"], row["s"], row["e"]) == (precision, start, end)


def test_duplicate_documents_are_left_out(con):
    got = rows(con, "select count(*) as n from mart.protest_event_records "
                    "where source_name = 'dup.txt'")
    assert got[0]["n"] == 0
    assert rows(con, "select max(value) as v from mart.daily_national_figures")[0]["v"] < 9999


def test_by_region_year(con):
    got = {(r["region"], r["year"]): r for r in rows(
        con, "select * from mart.protest_events_by_region_year")}
    assert set(got) == {("West Kazakhstan", 2020), ("Zhambyl", 2020), ("Zhambyl", 2019)}
    oral = got[("West Kazakhstan", 2020)]
    assert (oral["events"], oral["riots"], oral["protests"]) == (2, 1, 1)
    assert oral["detained"] == 40 and oral["events_dated_to_the_day"] == 2
    assert got[("Zhambyl", 2019)]["strategic_developments"] == 1


def test_by_type(con):
    got = {(r["event_type"], r["sub_event_type"]): r for r in rows(
        con, "select * from mart.protest_events_by_type")}
    assert got[("riots", "violent_demonstration")]["events"] == 1
    assert got[("protests", "peaceful_protest")]["places"] == 1
    assert ("violence_against_civilians", "attack") not in got


def test_statistic_claims_keep_every_claim(con):
    got = rows(con, "select * from mart.statistic_claims where metric = 'detained'")
    assert len(got) == 1  # the parenthesised source does not split the figure
    claim = got[0]
    assert claim["claims"] == 3 and claim["sources"] == 2
    assert [c["value"] for c in claim["all_claims"]] == [120, 310, 450]
    assert claim["latest_value"] == 450 and claim["latest_period"] == "2020-03-04"
    assert claim["lowest_value"] == 120 and claim["values_differ"]


def test_statistic_claims_split_by_location(con):
    got = {r["location"]: r for r in rows(
        con, "select * from mart.statistic_claims where metric = 'killed'")}
    assert got[None]["lowest_value"] == 2 and got[None]["highest_value"] == 3
    assert got["Oral"]["claims"] == 1


def test_daily_national_series(con):
    got = rows(con, "select day::varchar as day, value, previous_value, change "
                    "from mart.daily_national_figures where metric = 'detained'")
    assert [(r["day"], r["value"]) for r in got] == [
        ("2020-03-01", 120), ("2020-03-02", 310), ("2020-03-04", 450)]
    assert got[0]["previous_value"] is None and got[1]["change"] == 190
    killed = rows(con, "select * from mart.daily_national_figures where metric = 'killed'")
    assert killed == []  # month-precision and local figures are not daily national ones


def test_statistic_claims_keep_periods_subjects_and_metrics_apart(con):
    con.executemany(f"insert into core.statistics ({STAT_COLS}) values "
                    "(?, ?, ?, ?, ?, ?, ?, 'e', ?, 'doc', 0, 1)", [
                        ("a.txt", "spring 2020 unrest", "killed", 7, "persons", "2019", None,
                         "k1"),
                        ("b.txt", "autumn 2020 unrest", "killed", 9, "persons", "2020-03", None,
                         "k2"),
                        ("b.txt", "spring 2020 unrest", "other", 50, "persons", "2020-03", None,
                         "k3")])
    got = {(r["subject_key"], r["metric"], r["period"]): r for r in rows(
        con, "select * from mart.statistic_claims where location is null")}
    assert set(got) == {("spring 2020 unrest", "detained", "2020-03"),
                        ("spring 2020 unrest", "killed", "2020-03"),
                        ("spring 2020 unrest", "killed", "2019"),
                        ("autumn 2020 unrest", "killed", "2020-03"),
                        ("spring 2020 unrest", "other", "2020-03")}
    killed = got[("spring 2020 unrest", "killed", "2020-03")]
    assert killed["conservative_value"] == 2 and killed["source_names"] == ["a.txt", "b.txt"]
    detained = got[("spring 2020 unrest", "detained", "2020-03")]
    assert detained["latest_value"] == 450 and detained["conservative_value"] == 120
    assert [c["record_id"] for c in detained["all_claims"]] == ["s0", "s1", "s2"]
