"""Coordinated phrases, shared heads, lists of figures and "respectively" pairing
(kzwatch.text.coordination), on invented text."""
from __future__ import annotations

from kzwatch.text.coordination import (
    VALUE_JOINT,
    coordinated_names,
    distribute,
    number_list_end,
    pair_in_order,
    place_figures,
    respective_figures,
    respectively_pairs,
    respectively_run,
    run_before,
    split_clauses,
    split_list,
)
from kzwatch.text.percentages import find_percentages
from kzwatch.text.places import find_places

# ---- phrases -------------------------------------------------------------------------------


def test_split_list_at_top_level_only():
    assert split_list("bread, milk (fresh, local) and eggs") == ["bread", "milk (fresh, local)",
                                                                 "eggs"]
    assert split_list("teachers or doctors") == ["teachers", "doctors"]
    assert split_list("the housing problem") == ["the housing problem"]


def test_distribute_gives_later_items_the_first_items_head():
    assert distribute(["drink coffee", "tea"]) == ["drink coffee", "drink tea"]
    assert distribute(["Oral", "Atyrau"]) == ["Oral", "Atyrau"]


def test_respectively_pairs_items_with_values_in_order():
    assert pair_in_order(["North", "South"], [17, 23]) == [("North", 17), ("South", 23)]
    assert pair_in_order(["North"], [17]) is None
    assert pair_in_order(["North", "South"], [17]) is None


def test_pair_in_order():  # was kzwatch.text.rosters.pair_in_order
    assert pair_in_order(["a", "b", "c"], [96, 72, 36]) == [("a", 96), ("b", 72), ("c", 36)]
    assert pair_in_order(["a", "b"], [96]) is None
    assert pair_in_order(["a"], [96]) is None


# ---- runs of items the caller found --------------------------------------------------------


def test_respectively_run_finds_the_figures_it_closes():
    text = "They read novels and poems (31 and 12.5 percent respectively), the poll said."
    spans = [(p.start, p.end) for p in find_percentages(text)]
    assert respectively_run(text, spans) == [0, 1]
    text = "Turnout was 40%; the parties got 22% and 19%, correspondingly."
    spans = [(p.start, p.end) for p in find_percentages(text)]
    assert respectively_run(text, spans) == [1, 2]
    assert respectively_run("Some 30% and 20% agreed.", [(5, 8), (13, 16)]) is None


def test_run_before_chains_back_from_the_last_span_before_the_cue():
    text = "Ghana and Togo took the 70th and the 126th places, and Mali 3rd respectively."
    spans = [(text.index(t), text.index(t) + len(t)) for t in ("70th", "126th", "3rd")]
    at = text.index("respectively")
    assert run_before(text, spans, at, VALUE_JOINT) == [2]  # "places, and Mali" breaks the run
    assert run_before(text, spans, text.index(" places"), VALUE_JOINT) == [0, 1]
    assert run_before(text, spans, 0, VALUE_JOINT) == []


def _by_place(text, finder):
    places = find_places(text)
    found = finder(text, 0, len(text), places)
    return {places[i].place.name: int(n.value) for i, n in found.items()}


def test_place_then_figure_list():
    text = "In all, 31 people were fined: in Arys – 17, in Kentau – 9, in Rudny – 5."
    assert _by_place(text, place_figures) == {"Arys": 17, "Kentau": 9, "Rudny": 5}


def test_figure_then_place_list_and_brackets():
    assert _by_place("Police held 21 in Arys and 6 people in the town of Kentau.",
                     place_figures) == {"Arys": 21, "Kentau": 6}
    assert _by_place("Pickets were held in Rudny (35) and Arys (12).",
                     place_figures) == {"Rudny": 35, "Arys": 12}


def test_a_lone_pair_or_a_year_is_no_list():
    assert _by_place("On 3 May 2018 about 70 people rallied in Arys.", place_figures) == {}
    assert _by_place("In 2019 in Arys, 2020 in Kentau.", place_figures) == {}


def test_respectively_pairs_in_order():
    text = ("Rallies took place in Kentau on 2 May and in Rudny on 9 May, with some 45 and 130 "
            "teachers taking part, respectively.")
    assert _by_place(text, respective_figures) == {"Kentau": 45, "Rudny": 130}


def test_respectively_needs_as_many_figures_as_items():
    text = "Pickets in Arys, Kentau and Rudny drew 40 and 25 people respectively."
    assert _by_place(text, respective_figures) == {}


# ---- spans in running text -----------------------------------------------------------------


def test_split_clauses():
    text = "Police fined nine in Arys; in Kentau, six were held, while Rudny stayed calm."
    parts = [text[a:b].strip() for a, b in split_clauses(text, 0, len(text))]
    assert parts == ["Police fined nine in Arys", "in Kentau, six were held",
                     "Rudny stayed calm."]


def test_respectively_pairs_names_with_numbers_in_order():
    text = "Courts sent Arman Beisov, Dana Kairat and Olzhas Nur to prison for 4, 6 and 2 years, " \
           "respectively."
    pairs = [(text[a:b], text[c:d]) for (a, b), (c, d) in respectively_pairs(text, 0, len(text))]
    assert pairs == [("Arman Beisov", "4"), ("Dana Kairat", "6"), ("Olzhas Nur", "2")]
    assert [text[a:b] for a, b in coordinated_names(text, 0, len(text))][-1] == "Olzhas Nur"
    assert respectively_pairs("Oral logged 12 cases.", 0, 21) == []


def test_list_end_finds_the_last_coordinated_number():
    text = "registered 1,204 and 877 offences"
    end = number_list_end(text, text.index("1,204") + 5)
    assert text[end:].strip() == "offences"
    assert number_list_end("registered 1,204 offences", 16) is None
