"""Grids of shares: one cell per line (PDF) and one row per line (invented text)."""
from kzwatch.text.tables import cell_grid, lines_of, row_grid, sums_to_hundred

LIKERT = """Table 4 - Views of pupils
No Statements
Fully
agree
(%)
Partly
agree
(%)
Disagree
(%)
1
Homework
is useful.
50.5
30
19.5
2
School meals
12
are tasty.
10
40
50
Most pupils find homework useful.
"""


def test_cell_grid_reads_heads_rows_and_skips_a_page_number():
    lines = lines_of(LIKERT)
    grid = cell_grid(lines, 0)
    assert grid.columns == ["Fully agree", "Partly agree", "Disagree"]
    assert [(r.number, r.label, r.values) for r in grid.rows] == [
        (1, "Homework is useful.", [50.5, 30.0, 19.5]),
        (2, "School meals are tasty.", [10.0, 40.0, 50.0])]
    assert all(sums_to_hundred(r.values) for r in grid.rows)


def test_cell_grid_needs_column_heads_closed_by_percent():
    assert cell_grid(lines_of("Name\nAge\n1\nAsel\n30\n40\n"), 0) is None


def test_row_grid_reads_rows_of_equal_length():
    text = ("Share agreeing (%)\nCountry A Country B Country C\nParks are clean 61 40 33\n"
            "Buses run on time 52 47 29\nStreets are safe 70 66 58\n\nNotes follow.\n")
    grid = row_grid(lines_of(text), 1)
    assert [(r.label, r.values) for r in grid.rows] == [
        ("Parks are clean", [61.0, 40.0, 33.0]), ("Buses run on time", [52.0, 47.0, 29.0]),
        ("Streets are safe", [70.0, 66.0, 58.0])]
    assert row_grid(lines_of("Year 2020\nA 1 2\n"), 0) is None
