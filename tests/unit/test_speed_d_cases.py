"""cases.punishment_in's early exit and cases._officials_cited (literal checks on the lower
case the patterns module keeps) answer as the searches they stand before."""
from kzwatch.extract import cases
from kzwatch.extract.cases import (
    _ACCORDING_TO_OFFICIALS,
    _HAS_VERDICT,
    _officials_cited,
    punishment_in,
)

CLAUSES = [
    "The court sentenced him to seven years in prison",
    "He was jailed for five years",
    "she received a suspended sentence of two years",
    "He was fined 500,000 tenge",
    "The prosecutor asked for a sentence of 9 years",
    "He faces up to 10 years",
    "The minister visited Almaty on Monday",
    "He was detained in Almaty",
    "The court deferred her sentence for three years",
    "was sentenced to nine and seven years respectively",
    "He was sentenced in absentia to 10 years",
    "The presentation was held on 5 May",  # "sent" inside a word: the pattern runs, no verdict
    "JUDGE SENTENCED HIM TO 5 YEARS",
    "Judge sentenced Aıdar to 5 years",  # a dotless i: the kept lower case is not trusted
    "",
]


def _reference_gate(clause: str) -> bool:
    """The first test of punishment_in as main wrote it."""
    return _HAS_VERDICT.search(clause.lower()) is not None


def test_gate_exits_only_where_the_search_fails():
    exited = 0
    for clause in CLAUSES:
        low = cases.lowered(clause)
        exits = low is not None and not cases.has_literal(_HAS_VERDICT.literals, low)
        if exits:
            exited += 1
            assert not _reference_gate(clause), clause
            assert punishment_in(clause) is None
    assert exited >= 3  # the exit is taken (a clause with no verdict word)


def test_punishments():
    assert punishment_in("The minister visited Almaty on Monday") is None
    assert punishment_in("He was detained in Almaty") is None
    assert punishment_in("The presentation was held on 5 May") is None
    assert punishment_in("") is None
    p = punishment_in("The court sentenced him to seven years in prison")
    assert (p.sentence_type, p.months, p.in_absentia) == ("prison", [84], False)
    p = punishment_in("He was sentenced in absentia to 10 years")
    assert (p.sentence_type, p.months, p.in_absentia) == ("prison", [120], True)
    p = punishment_in("was sentenced to nine and seven years respectively")
    assert p.months == [108, 84]
    p = punishment_in("JUDGE SENTENCED HIM TO 5 YEARS")
    assert p is not None and p.months == [60]
    p = punishment_in("Judge sentenced Aıdar to 5 years")
    assert p is not None and p.months == [60]
    assert punishment_in("He faces up to 10 years") is None


TEXTS = [
    "Police said nothing. According to investigators, Bekov killed the guard. He fled.",
    "ACCORDING TO THE PROSECUTOR, he organized it. " * 3,
    "According to friends, he left. " * 30 + "According to police, X shot Y.",
    "Nothing official here at all. " * 40,
    "Accordıng to police, the akım spoke. According to the police, X killed Y.",  # dotless i
    "According  to\ninvestigators, the man was shot.",
]


def test_officials_cited_equals_the_slice_search():
    for text in TEXTS:
        for start in range(0, len(text), 7):
            for end in range(start, len(text) + 1, 11):
                expected = _ACCORDING_TO_OFFICIALS.search(text[start:end]) is not None
                assert _officials_cited(text, start, end) == expected, (text, start, end)


def test_officials_cited_examples():
    text = TEXTS[0]
    at = text.index("According")
    assert _officials_cited(text, 0, len(text))
    assert not _officials_cited(text, 0, at + 20)  # "investigat" cut off
    assert not _officials_cited(text, at + 1, len(text))


def _plan_pairs(clause: str):
    low = cases.lowered(clause)
    words = cases._plan_words(low) if low is not None else None
    return [(cases._plan_candidates(plan, index, clause, low, words), cases.may_match(plan, clause))
            for plan, index in ((cases._SUBJECT_PLAN, cases._SUBJECT_INDEX),
                                (cases._OBJECT_PLAN, cases._OBJECT_INDEX))]


PLAN_CLAUSES = [
    "He was arrested and later charged with fraud, and the court sentenced him to a term",
    "the prosecution sought a prison term of up to five years in a criminal case",
    "Police detained the protesters among whom was the activist awaiting trial",
    "sentencesentencedsentence termterm",  # words run together and overlap
    "THE COURT FOUND HIM GUILTY",
    "The minister visited Almaty on Monday",
    "Judge sentenced Aıdar to 5 years in prison",  # dotless i: may_match itself decides
    "",
]


def test_plan_candidates_as_may_match():
    for clause in PLAN_CLAUSES:
        for got, expected in _plan_pairs(clause):
            assert got == expected, clause
    # entries are picked: the test is not vacuous
    assert len(_plan_pairs(PLAN_CLAUSES[0])[1][0]) >= 3


def test_plan_candidates_on_every_word_and_pair():
    words = cases._PLAN_WORDS
    assert len(words) > 50
    for i, w in enumerate(words):
        for clause in (w, f"x {w} y", f"{w}{words[(i + 1) % len(words)]}",
                       f"{words[(i + 7) % len(words)]} and {w}".upper()):
            for got, expected in _plan_pairs(clause):
                assert got == expected, clause
