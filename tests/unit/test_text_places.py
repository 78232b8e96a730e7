"""Regions named as regions (kzwatch.text.places.find_regions), on invented text."""
from __future__ import annotations

from kzwatch.text.places import find_regions


def test_region_forms():
    text = ("Villages of Kostanay Region, the northern region of Akmola and Turkestan oblast "
            "reported pickets; the town of Arys stayed calm.")
    assert [r.region for r in find_regions(text)] == ["Kostanay", "Akmola", "Turkestan"]


def test_a_town_is_not_its_region():
    assert find_regions("About 60 people rallied in Kostanay on Monday.") == []
