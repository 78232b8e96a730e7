"""DuckDB's memory in a run is bounded by KZWATCH_DUCKDB_MEMORY_LIMIT (issue 9: flat memory)."""
import duckdb

from kzwatch.warehouse import connect_readonly


def _mib(setting: str) -> float:
    number, unit = setting.split()
    return float(number) * {"KiB": 1 / 1024, "MiB": 1, "GiB": 1024}[unit]


def test_a_read_only_connection_keeps_to_the_memory_limit(tmp_path, monkeypatch):
    wh = tmp_path / "kz.duckdb"
    duckdb.connect(str(wh)).close()
    monkeypatch.setenv("KZWATCH_DUCKDB_MEMORY_LIMIT", "300MB")
    con = connect_readonly(wh)
    try:
        limit, spill, bar = con.execute(
            "select current_setting('memory_limit'), current_setting('temp_directory'), "
            "current_setting('enable_progress_bar')").fetchone()
    finally:
        con.close()
    assert 280 <= _mib(limit) <= 300, limit  # DuckDB shows 300 MB as 286.1 MiB
    assert spill.endswith("kzwatch-duckdb") and bar is False
