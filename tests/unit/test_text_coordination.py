"""Coordinated phrases, shared heads and "respectively" over figures (invented text)."""
from kzwatch.text.coordination import distribute, respectively, respectively_run, split_list
from kzwatch.text.percentages import find_percentages


def test_split_list_at_top_level_only():
    assert split_list("bread, milk (fresh, local) and eggs") == ["bread", "milk (fresh, local)",
                                                                 "eggs"]
    assert split_list("teachers or doctors") == ["teachers", "doctors"]
    assert split_list("the housing problem") == ["the housing problem"]


def test_distribute_gives_later_items_the_first_items_head():
    assert distribute(["drink coffee", "tea"]) == ["drink coffee", "drink tea"]
    assert distribute(["Oral", "Atyrau"]) == ["Oral", "Atyrau"]


def test_respectively_pairs_items_with_values_in_order():
    assert respectively(["North", "South"], [17, 23]) == [("North", 17), ("South", 23)]
    assert respectively(["North"], [17]) is None
    assert respectively(["North", "South"], [17]) is None


def test_respectively_run_finds_the_figures_it_closes():
    text = "They read novels and poems (31 and 12.5 percent respectively), the poll said."
    spans = [(p.start, p.end) for p in find_percentages(text)]
    assert respectively_run(text, spans) == [0, 1]
    text = "Turnout was 40%; the parties got 22% and 19%, correspondingly."
    spans = [(p.start, p.end) for p in find_percentages(text)]
    assert respectively_run(text, spans) == [1, 2]
    assert respectively_run("Some 30% and 20% agreed.", [(5, 8), (13, 16)]) is None
