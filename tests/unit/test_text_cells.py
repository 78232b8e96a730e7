"""Tables printed one cell per line (kzwatch.text.cells)."""
from __future__ import annotations

from kzwatch.text.cells import cell_number, cell_tables


def test_cells_closed_by_bars_rebuild_header_and_rows():
    text = ("Table 3. Offences by year\nMeasure |\n2018 |\n2019 |\nChange, % |\n"
            "Offences logged |\n2,410 |\n2,205 |\n-8.5 |\nPersons convicted |\n377 |\n401 |\n"
            "+6.4 |\nSome closing remark that is a sentence of prose.")
    (table,) = cell_tables(text)
    assert table.header == ["Measure", "2018", "2019", "Change, %"]
    assert [(r.label, r.values) for r in table.rows] == [
        ("Offences logged", [2410.0, 2205.0, -8.5]), ("Persons convicted", [377.0, 401.0, 6.4])]
    assert text[table.rows[0].start:table.rows[0].end].startswith("Offences logged")


def test_cells_between_blank_lines():
    text = "Town\n\n\nPickets held\n\n\nOral\n\n\n9\n\n\nTaraz\n\n\n4\n\n\nSemey\n\n\n2\n"
    (table,) = cell_tables(text)
    assert table.header == ["Town", "Pickets held"]
    assert [(r.label, r.values) for r in table.rows] == [
        ("Oral", [9.0]), ("Taraz", [4.0]), ("Semey", [2.0])]


def test_prose_is_not_a_table():
    assert cell_tables("Police detained 14 people.\nThe court fined 9 of them.\n") == []


def test_cell_number():
    assert cell_number("1,538") == 1538 and cell_number("-7.2") == -7.2
    assert cell_number("+5.4") == 5.4 and cell_number("62,1") == 62.1
    assert cell_number("Change, %") is None
