"""Small helpers shared by flow and end-to-end tests."""
from __future__ import annotations

import duckdb

CORE_TABLES = ("case_mentions", "protest_events", "survey_results", "statistics", "indicators",
               "quarantine", "persons", "person_merges")


def table_contents(warehouse, tables=CORE_TABLES) -> dict[str, list[tuple]]:
    """Every row of the core tables, sorted, for equality checks between runs."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        out = {}
        for t in tables:
            cols = [r[0] for r in con.execute(
                "select column_name from information_schema.columns where table_schema='core' "
                "and table_name=? and column_name not in ('run_id') order by ordinal_position",
                [t]).fetchall()]
            rows = con.execute(f"select {', '.join(cols)} from core.{t}").fetchall()
            out[t] = sorted(rows, key=repr)
        return out
    finally:
        con.close()


def query(warehouse, sql, params=None):
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()
