"""The evidence viewer's marking: every span is one <mark id> holding exactly its text."""
from __future__ import annotations

from html.parser import HTMLParser

from kzwatch.report.evidence import Span, mark_text


class MarkText(HTMLParser):
    """Text inside the marks of each anchor (fragments joined), the ids, and all the text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.by_anchor: dict[str, str] = {}
        self.ids: list[str] = []
        self.text = ""

    def handle_starttag(self, tag, attrs):
        if tag == "mark":
            a = dict(attrs)
            self.open.append(a["data-for"])
            if "id" in a:
                self.ids.append(a["id"])

    def handle_endtag(self, tag):
        if tag == "mark":
            self.open.pop()

    def handle_data(self, data):
        self.text += data
        for anchor in set(self.open):
            self.by_anchor[anchor] = self.by_anchor.get(anchor, "") + data


def parse(html: str) -> MarkText:
    p = MarkText()
    p.feed(html)
    p.close()
    assert p.open == [], "every mark is closed"
    return p


TEXT = "Alpha beta <gamma> & delta.\nEpsilon zeta eta theta."


def test_disjoint_nested_identical_and_crossing_spans_each_hold_their_text():
    spans = [Span("a", 0, 10), Span("b", 6, 18), Span("c", 0, 10), Span("d", 28, 51),
             Span("e", 36, 40), Span("f", 12, 17)]
    html, unplaced = mark_text(TEXT, spans)
    p = parse(html)
    assert unplaced == []
    assert p.text == TEXT  # nothing lost, nothing added, < & > escaped and read back
    assert sorted(p.ids) == ["a", "b", "c", "d", "e", "f"]  # one id per span
    for s in spans:
        assert p.by_anchor[s.anchor] == TEXT[s.start:s.end], s
    assert "&lt;" in html and "&amp;" in html and "<gamma>" not in html


def test_a_crossing_span_is_split_into_fragments_that_share_its_anchor():
    html, _ = mark_text(TEXT, [Span("a", 0, 10), Span("b", 6, 18)])
    assert html.count('data-for="b"') == 2 and html.count('id="b"') == 1
    assert html.index('id="b"') < html.index('data-for="b"', html.index('id="b"') + 10)


def test_spans_outside_the_text_are_reported_not_marked():
    html, unplaced = mark_text("short", [Span("in", 0, 5), Span("out", 3, 99),
                                         Span("empty", 2, 2)])
    assert [s.anchor for s in unplaced] == ["out", "empty"]
    assert parse(html).ids == ["in"]


def test_a_repeated_anchor_is_marked_once():
    html, _ = mark_text(TEXT, [Span("a", 0, 5), Span("a", 0, 5)])
    assert html.count('id="a"') == 1
