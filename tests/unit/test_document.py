"""Sentence spans and citations of the Document model."""
import pytest

from kzwatch.document import EVIDENCE_MAX, Document
from kzwatch.text.segment import sentences


@pytest.mark.parametrize("text,expected", [
    ("He was detained. She was released.", ["He was detained.", "She was released."]),
    ("The court sentenced K. Abdullayev to five years. Mr. Smith appealed.",
     ["The court sentenced K. Abdullayev to five years.", "Mr. Smith appealed."]),
    ("Gen. Ivanov resigned! Was he charged? Yes.", ["Gen. Ivanov resigned!", "Was he charged?",
                                                    "Yes."]),
    ("First paragraph\n\nSecond paragraph", ["First paragraph", "Second paragraph"]),
])
def test_sentences(text, expected):
    assert [text[a:b] for a, b in sentences(text)] == expected


def test_cite_trims_whitespace_and_caps_length():
    doc = Document.plain("  x " + "y" * 1000)
    ev = doc.cite(0, len(doc.text))
    assert ev["evidence"].startswith("x ") and len(ev["evidence"]) == EVIDENCE_MAX
    assert ev["evidence_start"] == 2


def test_cite_rejects_a_span_outside_the_text():
    with pytest.raises(ValueError):
        Document.plain("abc").cite(0, 10)
