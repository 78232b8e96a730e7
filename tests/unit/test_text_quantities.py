"""Shares, changes and gapped list members around a number (kzwatch.text.quantities)."""
from __future__ import annotations

import pytest

from kzwatch.text.quantities import gapped, is_change, place_phrase, share_whole


def _at(text: str, token: str) -> tuple[int, int]:
    start = text.index(token)
    return start, start + len(token)


@pytest.mark.parametrize(("text", "token", "whole"), [
    ("Some 63% of them worked for ministries.", "63", "them"),
    ("Three agencies accounted for 82% of all convictions last year.", "82", "all convictions"),
    ("or 37.5% of the total, fell into this group", "37.5", "total"),
    ("About 14 percent said nothing.", "14", None),
])
def test_share_whole(text, token, whole):
    got = share_whole(text, _at(text, token)[1])
    assert got == whole if whole is None else got.startswith(whole)


@pytest.mark.parametrize(("text", "token", "change"), [
    ("registered 812 crimes, 11% fewer than a year before", "11", True),
    ("This marks a 6% rise in convictions of judges.", "6", True),
    ("the number of complaints fell by 13 percent in 2019", "13", True),
    ("Some 63% of them worked for ministries.", "63", False),
    ("The housing question was named by 19% of those asked.", "19", False),
])
def test_is_change(text, token, change):
    assert is_change(text, *_at(text, token)) is change


@pytest.mark.parametrize(("text", "token", "gap"), [
    ("27 offences were logged in Oral, 22 – in Atyrau region, 8 – in Taraz.", "22", True),
    ("Oskemen accounts for 940 of the cases, Semey for 316 and Ekibastuz for 75.", "316", True),
    ("61% of them came from ministries, while 93 came from state firms and 48 from banks.",
     "48", True),
    ("14 were fined, 9 received warnings and 3 were released.", "9", False),
    ("the survey asked 1,200 people in 2021", "1,200", False),
])
def test_gapped(text, token, gap):
    assert gapped(text, *_at(text, token)) is gap


def test_place_phrase_reads_the_conjunct_after_the_number():
    text = "27 offences were logged in Oral, 22 – in Atyrau region, 8 – in Taraz."
    start, end = place_phrase(text, *_at(text, "22"))
    assert text[start:end].strip() == "Atyrau region"
    assert place_phrase("a total of 15, mostly men", 11, 13) is None
