"""Periods written as the contract writes them: years, spans, halves and quarters."""
import pytest

from kzwatch.text.periods import find_periods


@pytest.mark.parametrize("text, periods", [
    ("Observers counted 77 rallies in 2031.", ["2031"]),
    ("from 2029 to 2033", ["2029-2033"]),
    ("Between March 2028 and October 2030 the monitors", ["2028-2030"]),
    ("over the third quarter of 2027 (July–September)", ["2027-Q3"]),
    ("in the first half of 2032 alone", ["2032-H1"]),
    ("in the 2nd half of 2032", ["2032-H2"]),
    ("H1 2026 and 2026-H2, Q4 2025", ["2026-H1", "2026-H2", "2025-Q4"]),
    ("in 2024-2026 and in 2024–26", ["2024-2026", "2024-2026"]),
    ("on 12 March 2031 and on June 5, 2030", []),
    ("the fifth half of 2031", ["2031"]),
    ("July–September 2027 and January-June 2028, March–May 2029", ["2027-Q3", "2028-H1", "2029"]),
])
def test_find_periods(text, periods):
    assert [p.period for p in find_periods(text)] == periods


def test_spans_and_range():
    text = "In 2030, 51 in 2031 and 60 in the first half of 2032."
    found = find_periods(text)
    assert [text[p.start:p.end] for p in found] == ["2030", "2031", "first half of 2032"]
    assert [p.period for p in find_periods(text, 9)] == ["2031", "2032-H1"]
