"""The gate of protests.extract (_may_tell_events): a text it turns away has no record when
read in full (_events, the extractor without its gate), on the shipped corpora and on texts
at the gate's edge; and the two premises it stands on, checked passage by passage: with no
cue and no sub_event match classify gives nothing whatever the context, and with no cue, no
episode and no protest person it gives nothing outside a chronology and away from a protest."""
from __future__ import annotations

import itertools

import pytest

from kzwatch.cleaning import clean
from kzwatch.extract import protests as P
from kzwatch.text.daterefs import month_years
from kzwatch.text.segment import narrative_sentences
from kzwatch.text.structure import chronology_blocks
from tests.helpers import cleaned_documents, dumped

# (text, records expected): the edge of each condition the gate asks
EDGE = [
    # a cue: the gate lets it through at once
    ("Police detained 12 protesters in Almaty on 5 May 2022.", True),
    ("Residents gathered on the square in Almaty on 5 May 2022.", True),
    ("Police detaıned 12 PROTESTERS in ALMATY on 5 May 2022.", True),  # a dotless i
    # no cue: a protest person (the arrests rules' protest_topic) is what lets it through
    ("On 5 May 2022 police in Almaty detained the strike leader.", True),
    ("Picketer Ivanov was detained in Almaty on 3 May 2021 and sentenced to 10 days.", True),
    ("Activist Ivanov was detained in Almaty on 3 May 2021 and sentenced to 10 days.", False),
    # no cue: an episode named (`context`) sets unrest for the sentences after it
    ("The events of early January 2022 shook the country. In Almaty, troops opened fire on "
     "5 January 2022.", True),
    ("A state of emergency was declared in Almaty on 5 January 2022. The internet was cut in "
     "Almaty on 5 January 2022.", True),
    # no cue: a chronology's blocks set unrest and the scene
    ("Chronology of January 2022\n\nJanuary 4. In Almaty police detained 40 people.\n"
     "January 5. In Aktau police detained 12 people near the akimat.\n", True),
    ("Chronology, January 2022\n\nJanuary 4, 2022. Police in Almaty used tear gas and detained "
     "40 people.\nJanuary 5, 2022. Troops in Aktau opened fire.\n", True),
    ("January 2022\n\n4 January\nAktau. Police detained 40 people.\nAlmaty. Police used tear "
     "gas.\n\n5 January\nAktau. Police detained 12 people.\n", False),
    # none of them: turned away, and indeed nothing when read in full
    ("Police detained 12 people in Almaty on 5 May 2022.", False),
    ("Troops killed 12 people in Almaty on 5 January 2022.", False),
    ("Troops killed 12 people in Almaty on 5 January 2022 during mass unrest.", True),
    ("The court in Almaty sentenced him on 1 March 2021.", False),
    ("", False),
]


_docs = cleaned_documents
_dump = dumped


def test_gated_extract_as_the_full_read_on_the_corpora():
    turned_away = 0
    for doc in _docs():
        full = P._events(doc)
        assert _dump(P.extract(doc)) == _dump(full), doc.source_name
        if not P._may_tell_events(doc.text):
            turned_away += 1
            assert P._scan(doc) == [], doc.source_name
    assert turned_away >= 20  # the shipped held-out sets and samples alone turn away 23


@pytest.mark.parametrize(("text", "has_records"), EDGE)
def test_gated_extract_at_the_edge(text, has_records):
    doc = clean(text, "edge.txt")
    full = P._events(doc)
    assert bool(full) == has_records
    assert _dump(P.extract(doc)) == _dump(full)
    if full:
        assert P._may_tell_events(doc.text)


def test_each_condition_is_needed():
    """Texts with records and no cue: a gate asking for a cue alone would lose them; one
    that forgot the protest person, the episode or the chronology would lose one of them."""
    kinds = set()
    for text, has_records in EDGE:
        doc = clean(text, "edge.txt")
        spans = narrative_sentences(doc.text)
        if not has_records or any(P._cue_matches(doc.text[s:e]) for s, e in spans):
            continue
        assert P._may_tell_events(doc.text)
        if chronology_blocks(doc.text, month_years(doc.text)):
            kinds.add("block")
        elif any(P._RULES.first("context", doc.text, s, e) for s, e in spans):
            kinds.add("context")
        elif any(P._TOPIC_PERSON.search(doc.text[s:e]) for s, e in spans):
            kinds.add("person")
    assert kinds == {"block", "context", "person"}
    assert P._TOPIC_COURT  # the pack's arrests rules need a protest topic


def _passages():
    for doc in _docs():
        for s, e in narrative_sentences(doc.text):
            yield doc.text[s:e]
    for text, _ in EDGE:
        doc = clean(text, "edge.txt")
        for s, e in narrative_sentences(doc.text):
            yield doc.text[s:e]


def test_the_premises_passage_by_passage():
    """(1) no cue and no sub_event match: classify gives None under every context; (2) no
    cue and no protest person: None outside unrest, a scene and a protest near."""
    first = second = 0
    for passage in _passages():
        if P._cue_matches(passage):
            continue
        if not P._sub_event_match(passage):
            first += 1
            for flags in itertools.product((False, True), repeat=3):
                assert P.classify(passage, *flags) is None, (passage, flags)
        if not P._TOPIC_PERSON.search(passage):
            second += 1
            assert P.classify(passage, False, False, False) is None, passage
    assert first >= 500 and second >= 500
