"""'in July last year': a month written with 'last/this/next year' takes that year (invented)."""
from __future__ import annotations

from datetime import date

import pytest

from kzwatch.text.dates import find_dates


@pytest.mark.parametrize("text, iso", [
    ("Officials said in April last year that the audit ended.", "2020-04"),
    ("The hearing is set for February next year.", "2022-02"),
    ("on 9 June this year", "2021-06-09"),
])
def test_month_with_relative_year(text, iso):
    found = find_dates(text, dateline=date(2021, 11, 3), relative=True)
    assert [d.iso for d in found] == [iso]


@pytest.mark.parametrize("dateline, iso", [
    (date(2022, 5, 25), "2022-05"),   # 12-18 May: one month
    (date(2022, 5, 10), "2022"),      # 27 April - 3 May: only the year is sure
])
def test_last_week_is_as_precise_as_its_days_agree(dateline, iso):
    found = find_dates("The verdict came last week.", dateline=dateline, relative=True)
    assert [d.iso for d in found] == [iso]


def test_a_crawled_pages_iso_date_line_is_its_dateline():
    from kzwatch.text.dates import document_dateline
    text = " date 2023-04-09 A former akim was detained on Friday.\n\nMore text."
    assert document_dateline(text) == date(2023, 4, 9)
