"""sql/60_findings.sql on invented rows in a real in-memory DuckDB: each finding kind fires on
an invented case and stays silent on its counter-case."""
from __future__ import annotations

import itertools
import typing
from pathlib import Path

import duckdb
import pytest

from models.records import RECORD_MODELS

ROOT = Path(__file__).resolve().parents[2]
SQL_FILES = [ROOT / "sql" / "40_case_views.sql", ROOT / "sql" / "60_findings.sql"]
FX = ROOT / "seeds" / "reference" / "fx_rates.csv"
_TYPES = {str: "VARCHAR", int: "INTEGER", float: "DOUBLE", bool: "BOOLEAN"}
_ids = itertools.count()


def _duck_type(annotation) -> str:
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if args and typing.get_origin(annotation) is not list:
        annotation = args[0]
    if typing.get_origin(annotation) is list:
        return "VARCHAR[]"
    return _TYPES[annotation]


def apply_sql(con) -> None:
    for path in SQL_FILES:
        con.execute(path.read_text(encoding="utf-8"))


@pytest.fixture
def con():
    db = duckdb.connect(":memory:")
    for schema in ("core", "raw", "ref", "mart", "staging"):
        db.execute(f"create schema {schema}")
    for table, model in RECORD_MODELS.items():
        cols = ["record_id VARCHAR", "document_id VARCHAR"] + [
            f'"{name}" {_duck_type(info.annotation)}' for name, info in model.model_fields.items()]
        db.execute(f"create table core.{table} ({', '.join(cols)})")
    db.execute("create table core.persons (person_id VARCHAR, canonical_name VARCHAR, "
               "variants VARCHAR[], first_document VARCHAR, last_document VARCHAR, "
               "mention_count INTEGER)")
    db.execute("create table raw.documents (source_name VARCHAR, document_id VARCHAR, "
               "status VARCHAR, loaded_run_id VARCHAR)")
    db.execute("create table raw.pipeline_runs (run_id VARCHAR, started_at TIMESTAMPTZ)")
    db.execute("insert into raw.pipeline_runs values ('run1', '2026-12-04 07:00:00+00')")
    db.execute(f"create table ref.fx_rates as select * from read_csv('{FX}', header=true)")
    apply_sql(db)
    yield db
    db.close()


def add(con, table: str, **fields) -> str:
    """Insert one invented record; evidence and offsets get defaults."""
    rid = fields.pop("record_id", f"{table[:2]}{next(_ids)}")
    row = {"record_id": rid, "document_id": "doc", "evidence": f"evidence {rid}",
           "evidence_start": 0, "evidence_end": 10, **fields}
    con.execute("insert into raw.documents (source_name, document_id, status, loaded_run_id) "
                "select ?, 'doc', 'loaded', 'run1' where not exists "
                "(select 1 from raw.documents where source_name = ?)",
                [row["source_name"], row["source_name"]])
    names = ", ".join(f'"{k}"' for k in row)
    con.execute(f"insert into core.{table} ({names}) values ({', '.join('?' * len(row))})",
                list(row.values()))
    return rid


def findings(con, rule_code: str | None = None) -> list[dict]:
    where = f"where rule_code = '{rule_code}'" if rule_code else ""
    cur = con.execute(f"select * from mart.findings {where} order by finding_id")
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def question(con, source, survey, q, options, base, text=None):
    """options: [(option_text, responses, pct)]; returns the record ids."""
    return [add(con, "survey_results", source_name=source, survey_id=survey, question_no=q,
                question_text=text, option_no=i, option_text=o, responses=n, pct_reported=p,
                n_respondents=base)
            for i, (o, n, p) in enumerate(options, start=1)]


# ---- the views build ---------------------------------------------------------------------

def test_file_is_idempotent_and_every_column_is_commented(con):
    apply_sql(con)  # a second run replaces, never fails
    views = {r[0] for r in con.execute(
        "select view_name from duckdb_views() where schema_name = 'mart'").fetchall()}
    assert {"findings", "finding_rules", "finding_thresholds", "survey_prose_quotes"} <= views
    missing = con.execute(
        "select table_name || '.' || column_name from duckdb_columns() "
        "where table_name in ('findings', 'finding_rules', 'finding_thresholds', "
        "'survey_prose_quotes', 'case_timeline', 'case_sentence_conflicts', 'document_texts') "
        "and comment is null").fetchall()
    assert missing == []
    assert con.execute("select count(*) from mart.findings").fetchone() == (0,)


def test_every_rule_code_has_a_known_kind_and_severity(con):
    rules = con.execute("select rule_code, kind, severity from mart.finding_rules").fetchall()
    assert len({r[0] for r in rules}) == len(rules)
    assert {r[1] for r in rules} == {"survey_sum", "survey_count_pct", "text_vs_table",
                                     "cross_document", "date_order", "range"}
    assert {r[2] for r in rules} <= {"error", "warning", "info"}
    assert all(r[0].startswith("FIND-") for r in rules)


# ---- survey_sum ---------------------------------------------------------------------------

def test_single_choice_options_must_add_up_to_100(con):
    bad = question(con, "s.txt", "poll", 1, [("Yes", 50, 50.0), ("No", 30, 30.0),
                                             ("Don't know", 20, 30.0)], 100)
    question(con, "s.txt", "poll", 2, [("Yes", 50, 50.0), ("No", 30, 30.0),
                                       ("Don't know", 20, 20.0)], 100)
    got = findings(con, "FIND-SURVEY-SUM")
    assert len(got) == 1
    f = got[0]
    assert f["kind"] == "survey_sum" and f["severity"] == "warning"
    assert f["record_ids"] == bad and f["value_a"] == pytest.approx(110.0)
    assert f["value_b"] == 100.0 and f["evidence_a"].count(" | ") == 2


def test_single_choice_with_non_response_sums_to_the_answered_share(con):
    # 90 of 100 answered: 45 + 27 + 18 = 90 % is right, not a finding
    question(con, "s.txt", "poll", 1, [("A", 45, 45.0), ("B", 27, 27.0), ("C", 18, 18.0)], 100)
    assert findings(con, "FIND-SURVEY-SUM") == []


def test_multi_select_is_bounded_not_summed(con):
    # counts add up to 147 answers from 124 respondents: several answers each
    question(con, "t.txt", "thesis", 1, [("Poverty", 77, 62.1), ("Power", 46, 37.1),
                                         ("Persecution", 15, 12.1), ("Other", 9, 7.3)], 124)
    assert findings(con, "FIND-SURVEY-SUM") == []
    assert findings(con, "FIND-SURVEY-MULTI") == []
    over = question(con, "t.txt", "thesis", 2, [("Everyone", 130, 100.0), ("Some", 40, 32.3)],
                    124, text="Which apply? (select all that apply)")
    got = findings(con, "FIND-SURVEY-MULTI")
    assert [f["record_id_a"] for f in got] == [over[0]]
    assert got[0]["value_a"] == 130 and got[0]["value_b"] == 124


def test_questions_without_counts_are_not_summed(con):
    # a prose poll naming options that overlap ("among them") passes 100 legitimately
    question(con, "p.txt", "poll", 1, [("trust the president", None, 72.0),
                                       ("trust him fully", None, 48.0)], None)
    assert findings(con, "FIND-SURVEY-SUM") == []


# ---- survey_count_pct ---------------------------------------------------------------------

def test_count_percent_and_base_disagree(con):
    bad, good = question(con, "c.txt", "survey", 1, [("Poverty", 77, 67.1),
                                                     ("Power", 46, 37.1)], 124)
    got = findings(con, "FIND-SURVEY-COUNT-PCT")
    assert [f["record_id_a"] for f in got] == [bad]
    assert got[0]["value_a"] == 67.1 and got[0]["value_b"] == pytest.approx(62.1, abs=0.01)
    assert got[0]["kind"] == "survey_count_pct"


def test_whole_percent_rounding_is_not_a_finding(con):
    # 1/3 printed as 33 %: within half a printed unit
    question(con, "c.txt", "survey", 1, [("A", 1, 33.0), ("B", 2, 67.0)], 3)
    assert findings(con, "FIND-SURVEY-COUNT-PCT") == []


# ---- text_vs_table ------------------------------------------------------------------------

def test_prose_record_differs_from_the_table_row_of_the_same_option(con):
    table = question(con, "th.txt", "survey-2022", 1,
                     [("Poverty and other social problems.", 77, 62.1),
                      ("The irremovability of power.", 46, 37.1)], 124)
    prose = question(con, "th.txt", "survey-2022", 5,
                     [("poverty and other social problems have caused the protests", None, 67.1),
                      ("the irremovability of power", None, 37.1),
                      ("the weather was cold", None, 12.0)], None)
    got = findings(con, "FIND-TEXT-TABLE")
    assert len(got) == 1
    f = got[0]
    assert (f["record_id_a"], f["record_id_b"]) == (prose[0], table[0])
    assert (f["value_a"], f["value_b"]) == (67.1, 62.1)
    assert f["evidence_a"] == f"evidence {prose[0]}" and f["evidence_b"] == f"evidence {table[0]}"


def test_prose_quote_with_its_own_count_differs_from_the_table(con):
    table = question(con, "th.txt", "survey-2022", 1,
                     [("Poverty and other social problems.", 77, 62.1),
                      ("Persecution of democratic institutions.", 15, 12.1)], 124)
    question(con, "th.txt", "survey-2022", 2, [("Lost control", 34, 27.4),
                                               ("Social situation", 48, 38.7)], 124)
    text = ("Survey.\n\nQuestion: what is the reason?\u00a0 67.1% (77 responses) of those "
            "surveyed believe that poverty and other social problems have \n\ncaused the "
            "protests. 12.1% (15 responses) believe that it is persecution. 37.8%  (48 \n\n"
            "responses) are of the opinion that the social situation is poor.")
    con.execute("insert into raw.document_texts values ('th.txt', ?)", [text])
    quotes = con.execute("select pct_quoted, responses_quoted, evidence, evidence_start, "
                         "evidence_end from mart.survey_prose_quotes order by 1").fetchall()
    assert [(q[0], q[1]) for q in quotes] == [(12.1, 15), (37.8, 48), (67.1, 77)]
    for _, _, evidence, start, end in quotes:
        assert text[start:end] == evidence  # verbatim, at its offsets
    got = {f["value_a"]: f for f in findings(con, "FIND-TEXT-TABLE")}
    assert set(got) == {67.1, 37.8}  # 12.1 (15 responses) agrees with its row
    assert got[67.1]["record_id_b"] == table[0] and got[67.1]["value_b"] == 62.1
    assert got[67.1]["evidence_a"].startswith("67.1% (77 responses) of those surveyed")
    assert got[37.8]["value_b"] == 38.7 and got[37.8]["stated_a"] == "37.8 % (48 responses)"


# ---- cross_document -----------------------------------------------------------------------

def test_one_death_toll_given_as_164_and_225_is_a_cross_document_finding(con):
    a = add(con, "statistics", source_name="a.txt", subject="January 2022 unrest",
            metric="killed", value=164.0, unit="persons", period="2022-01",
            evidence="The unrest claimed 164 lives")
    b = add(con, "statistics", source_name="b.txt",
            subject="January 2022 unrest (Prosecutor General)", metric="killed", value=225.0,
            unit="persons", period="2022-01", evidence="225 people were killed")
    got = findings(con, "FIND-CROSS-STAT")
    assert len(got) == 1
    f = got[0]
    assert f["kind"] == "cross_document" and f["record_ids"] == sorted([a, b])
    assert (f["source_a"], f["value_a"], f["evidence_a"]) == (
        "a.txt", 164.0, "The unrest claimed 164 lives")
    assert (f["source_b"], f["value_b"], f["evidence_b"]) == (
        "b.txt", 225.0, "225 people were killed")


def test_statistics_of_different_facts_or_one_document_are_not_compared(con):
    base = dict(subject="January 2022 unrest", metric="killed", unit="persons")
    add(con, "statistics", source_name="a.txt", value=164.0, period="2022-01", **base)
    add(con, "statistics", source_name="a.txt", value=225.0, period="2022-01", **base)  # same doc
    add(con, "statistics", source_name="b.txt", value=238.0, period="2022-02", **base)  # period
    add(con, "statistics", source_name="c.txt", value=9.0, period="2022-01",
        location="Almaty", **base)  # place
    add(con, "statistics", source_name="d.txt", subject="January 2022 unrest",
        metric="injured", unit="persons", value=300.0, period="2022-01")  # metric
    add(con, "statistics", source_name="a.txt", subject="unrest", metric="detained",
        unit="persons", value=4.0, period=None)
    add(con, "statistics", source_name="b.txt", subject="unrest", metric="detained",
        unit="persons", value=25.0, period=None)  # undated: two events as likely as one
    assert findings(con, "FIND-CROSS-STAT") == []
    add(con, "statistics", source_name="e.txt", value=225.0, period="2022-01", **base)
    got = findings(con, "FIND-CROSS-STAT")
    assert len(got) == 1 and (got[0]["value_a"], got[0]["value_b"]) == (164.0, 225.0)
    assert len(got[0]["record_ids"]) == 3


def test_the_pair_furthest_apart_among_many_documents(con):
    """One fact in many documents: the finding pairs the two documents furthest apart (found
    without pairing every two documents), the first by name among equals."""
    base = dict(subject="detained in Almaty", metric="detained", unit="persons",
                period="2022-01-05")
    for name in ("m1.txt", "m2.txt", "m3.txt"):  # copies agreeing with each other
        add(con, "statistics", source_name=name, value=100.0, **base)
    # the lowest and the highest figure are in one document: not a pair
    add(con, "statistics", source_name="a.txt", value=50.0, **base)
    add(con, "statistics", source_name="a.txt", value=300.0, **base)
    add(con, "statistics", source_name="c.txt", value=60.0, **base)
    add(con, "statistics", source_name="b.txt", value=60.0, **base)  # ties c.txt: b first
    add(con, "statistics", source_name="d.txt", value=250.0, **base)
    got = findings(con, "FIND-CROSS-STAT")
    # 300 (a.txt) against the lowest figure of another document, 60 (b.txt before c.txt),
    # beats 250 (d.txt) against 50 (a.txt)
    assert len(got) == 1
    assert (got[0]["source_a"], got[0]["value_a"], got[0]["source_b"], got[0]["value_b"]) == (
        "b.txt", 60.0, "a.txt", 300.0)
    assert len(got[0]["record_ids"]) == 8


def test_copies_within_the_tolerance_are_no_finding(con):
    base = dict(subject="CPI rank", metric="rank", unit="places", period="2023")
    for k, value in enumerate((1000.0, 1004.0, 1001.0, 1002.5)):  # all within 0.5 %
        add(con, "statistics", source_name=f"s{k}.txt", value=value, **base)
    assert findings(con, "FIND-CROSS-STAT") == []
    add(con, "statistics", source_name="t.txt", value=1010.0, **base)  # 1 % above the lowest
    got = findings(con, "FIND-CROSS-STAT")
    assert [(f["value_a"], f["value_b"]) for f in got] == [(1000.0, 1010.0)]


def test_two_sentences_for_one_case_are_a_cross_document_finding(con):
    con.execute("insert into core.persons values ('p1', 'Aidar Ospanov', [], 'a', 'b', 2)")
    case = dict(person_name="Aidar Ospanov", person_id="p1", case_no=1, status="convicted")
    a = add(con, "case_mentions", source_name="a.txt", charges=["bribe_taking"],
            sentence_type="prison", sentence_months=84, **case)
    b = add(con, "case_mentions", source_name="b.txt", charges=["bribe_taking"],
            sentence_type="prison", sentence_months=96, **case)
    add(con, "case_mentions", source_name="c.txt", charges=["murder"],  # another case
        sentence_type="prison", sentence_months=180, **case)
    got = findings(con, "FIND-CROSS-CASE")
    assert [(f["record_id_a"], f["record_id_b"]) for f in got] == [(a, b)]
    assert (got[0]["stated_a"], got[0]["stated_b"]) == ("prison, 84 months", "prison, 96 months")


def test_one_indicator_value_differing_between_documents(con):
    a = add(con, "indicators", source_name="a.txt", indicator="cpi_score",
            entity="Kazakhstan", period="2022", value=36.0, unit="score")
    b = add(con, "indicators", source_name="b.txt", indicator="cpi_score",
            entity="Kazakhstan", period="2022", value=39.0, unit="score")
    add(con, "indicators", source_name="c.txt", indicator="cpi_score", entity="Kazakhstan",
        period="2023", value=39.0, unit="score")
    add(con, "indicators", source_name="d.txt", indicator="cpi_score", entity="Kazakhstan",
        period=None, value=31.0, unit="score")
    got = findings(con, "FIND-CROSS-IND")
    assert [(f["record_id_a"], f["record_id_b"]) for f in got] == [(a, b)]


# ---- date_order ---------------------------------------------------------------------------

def test_verdict_before_detention(con):
    bad = add(con, "case_mentions", source_name="a.txt", person_name="A B", case_no=1,
              detained_on="2021-12", verdict_on="2021-03", status="convicted")
    add(con, "case_mentions", source_name="a.txt", person_name="C D", case_no=1,
        detained_on="2021-12", verdict_on="2021", status="convicted")  # coarser: can't tell
    add(con, "case_mentions", source_name="a.txt", person_name="E F", case_no=1,
        detained_on="2021-12-05", verdict_on="2022-04-01", status="convicted")
    got = findings(con, "FIND-DATE-VERDICT")
    assert [f["record_id_a"] for f in got] == [bad]
    assert (got[0]["stated_a"], got[0]["stated_b"]) == ("2021-12", "2021-03")


def test_record_dated_after_its_document_was_read(con):
    bad = add(con, "protest_events", source_name="n.txt", event_date="2027-01-05",
              location="Almaty", event_type="protests")
    add(con, "protest_events", source_name="n.txt", event_date="2026-12",
        location="Astana", event_type="protests")  # the month it was read: can't tell
    add(con, "protest_events", source_name="n.txt", event_date="2022-01-05",
        location="Zhanaozen", event_type="protests")
    got = findings(con, "FIND-DATE-FUTURE")
    assert [f["record_id_a"] for f in got] == [bad]
    assert got[0]["severity"] == "error" and got[0]["stated_b"] == "read 2026-12-04"


# ---- range --------------------------------------------------------------------------------

def test_cpi_score_and_percent_outside_their_domain(con):
    cpi = add(con, "indicators", source_name="x.txt", indicator="cpi_score",
              entity="Afghanistan", period="2023", value=162.0, unit="score")
    add(con, "indicators", source_name="x.txt", indicator="cpi_score", entity="Kazakhstan",
        period="2023", value=39.0, unit="score")
    pct = question(con, "x.txt", "poll", 1, [("Yes", None, 150.0), ("No", None, 40.0)], None)
    assert [f["record_id_a"] for f in findings(con, "FIND-RANGE-CPI")] == [cpi]
    assert [f["record_id_a"] for f in findings(con, "FIND-RANGE-PCT")] == [pct[0]]


def test_exchange_rate_off_by_an_order_of_magnitude(con):
    for src, period, value in [("a.txt", "2024-03-07", 0.00204), ("b.txt", "2024-03-14", 0.0021),
                               ("c.txt", "2024", 0.00215)]:
        add(con, "indicators", source_name=src, indicator="fx_rate", entity="KZT/USD",
            period=period, value=value, unit="rate")
    assert findings(con, "FIND-RANGE-FX") == []
    off = add(con, "indicators", source_name="d.txt", indicator="fx_rate", entity="KZT/USD",
              period="2024-03-10", value=0.0204, unit="rate")
    got = findings(con, "FIND-RANGE-FX")
    assert [f["record_id_a"] for f in got] == [off]
    assert got[0]["value_b"] == pytest.approx(0.0021, rel=0.05)


def test_finding_ids_are_stable_and_unique(con):
    question(con, "s.txt", "poll", 1, [("Yes", 50, 50.0), ("No", 30, 30.0),
                                       ("Maybe", 20, 30.0)], 100)
    add(con, "indicators", source_name="x.txt", indicator="cpi_score", entity="Iran",
        period="2023", value=149.0, unit="score")
    first = [f["finding_id"] for f in findings(con)]
    apply_sql(con)
    assert [f["finding_id"] for f in findings(con)] == first
    assert len(set(first)) == len(first) >= 3


def test_two_rates_and_no_reference_cannot_tell_which_is_off(con):
    for src, value in [("a.txt", 4.93), ("b.txt", 49.3)]:
        add(con, "indicators", source_name=src, indicator="fx_rate", entity="RUB/KZT",
            period=None, value=value, unit="rate")
    assert findings(con, "FIND-RANGE-FX") == []
    # tenge per dollar is judged against ref.fx_rates of its year
    off = add(con, "indicators", source_name="c.txt", indicator="fx_rate", entity="USD/KZT",
              period="2024-03-14", value=1.12, unit="rate")
    add(con, "indicators", source_name="d.txt", indicator="fx_rate", entity="USD/KZT",
        period="2024-03-07", value=512.0, unit="rate")
    assert [f["record_id_a"] for f in findings(con, "FIND-RANGE-FX")] == [off]


# ---- indicator_series keeps spans apart (sql/20_summary.sql) ----------------------------

def test_indicator_series_keeps_spans_apart_from_single_years(con):
    con.execute("alter table raw.documents add column reason VARCHAR")
    for col, kind in [("duplicate_of", "VARCHAR"), ("size_bytes", "BIGINT"),
                      ("encoding", "VARCHAR"), ("n_chars", "INTEGER"), ("language", "VARCHAR"),
                      ("parser_version", "VARCHAR")]:
        con.execute(f"alter table raw.documents add column {col} {kind}")
    con.execute("create table core.quarantine (table_name VARCHAR, rule_code VARCHAR, "
                "reason VARCHAR, source_name VARCHAR, document_id VARCHAR, record_id VARCHAR, "
                "record VARCHAR, run_id VARCHAR)")
    for period, value in [("2019", 120.0), ("2020", 90.0), ("2019-2020", 210.0),
                          ("2011-2012", 400.0), ("2020-H1", 40.0), (None, 5.0)]:
        add(con, "indicators", source_name="a.txt", indicator="peaceful_assemblies",
            entity="Kazakhstan", period=period, value=value, unit="count")
    for name in ("10_staging.sql", "20_summary.sql"):
        con.execute((ROOT / "sql" / name).read_text(encoding="utf-8"))
    got = {r[0]: r[1:] for r in con.execute(
        "select period, period_kind, period_start_year, period_end_year, n_years, "
        "overlaps_yearly_values from mart.indicator_series").fetchall()}
    assert got["2019"] == ("year", 2019, 2019, 1, False)
    assert got["2019-2020"] == ("span", 2019, 2020, 2, True)  # would count 2019, 2020 twice
    assert got["2011-2012"] == ("span", 2011, 2012, 2, False)
    assert got["2020-H1"][0] == "part_of_year" and got[None][0] == "none"
    total = con.execute("select sum(value) from mart.indicator_series "
                        "where period_kind = 'year'").fetchone()
    assert total == (210.0,)
