"""Small helpers for writing patterns over PDF-extracted and crawled text."""
from __future__ import annotations

import re


def rx(pattern: str) -> re.Pattern:
    """Case-insensitive pattern whose spaces match any whitespace (PDF lines wrap anywhere)."""
    return re.compile(pattern.replace(" ", r"\s+"), re.IGNORECASE)
