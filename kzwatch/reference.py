"""Small reference tables under seeds/reference/, read once per process."""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parent.parent / "seeds" / "reference"


def read_csv(name: str) -> list[dict[str, str]]:
    with (REFERENCE_DIR / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _fold(text: str) -> str:
    return re.sub(r"[\s\-]+", " ", text).strip().lower()


@lru_cache(maxsize=1)
def region_variants() -> dict[str, str]:
    """Folded variant -> canonical region (the contract's vocabulary)."""
    return {_fold(r["variant"]): r["region"] for r in read_csv("regions.csv")}


def canonical_region(name: str | None) -> str | None:
    """'Mangistau region' / 'Nur-Sultan' / 'South Kazakhstan oblast' -> contract region."""
    if not name:
        return None
    key = _fold(name)
    variants = region_variants()
    if key in variants:
        return variants[key]
    key = re.sub(r"\b(region|oblast|province|city)\b", " ", key)
    key = _fold(key)
    return variants.get(key)
