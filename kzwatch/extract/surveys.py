"""Extractor placeholder: replaced by its own module."""
from kzwatch.document import Document


def extract(doc: Document) -> list:
    return []
