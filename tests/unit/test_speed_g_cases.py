"""The case extractor's gates (speed round g): a clause that names no one while nobody is
carried (no topic, no one facing a case: _Extractor._nobody) is not searched for events, and
a sentence in that state without the words of what it may still note (_may_note) skips its
clauses and appointments; the patterns of _clause's later branches are searched only where
what their branch also needs holds. The gated extractor answers exactly as the former one
(_clause as main wrote it, kept below, with no gate), records and the state a later sentence
reads, on the shipped documents, their paragraphs and sentences, and on texts written at the
gates' edges; and the events the gate skips are none."""
from __future__ import annotations

import re

import pytest

from kzwatch.cleaning import clean
from kzwatch.document import Document
from kzwatch.extract import cases
from kzwatch.extract.cases import (
    _ALL_DEFENDANTS,
    _AMOUNT_SUBJECT,
    _CASE_OPENED,
    _COURT_IMPOSED,
    _ELLIPSIS_NAME,
    _FUNDS_TAKEN,
    _INVESTIGATORS_SAY,
    _NEGATION,
    _OTHERS,
    _PREPOSITION_BEFORE,
    _REDUCED_TERM,
    _SAME_CHARGE,
    _TRIAL_BEGAN,
    _UNNAMED_DEFENDANT,
    _VERDICT_ANNOUNCED,
    Event,
    Punishment,
    _Extractor,
    _stage,
    amount_kind,
    charges_in,
    find_amounts,
    find_dates,
    pair_in_order,
    punishment_in,
)
from kzwatch.text.structure import publication_date
from tests.helpers import SHIPPED_CORPORA, corpus_texts

DOCS = corpus_texts(SHIPPED_CORPORA)


# --- the former _Extractor._clause, as main wrote it (no gate, every pattern searched)

def _former_clause(self, c_start, c_end, s_start, s_end, mentions, sentence_group) -> None:
    clause = self.text[c_start:c_end]
    events = self._events(c_start, c_end, mentions, clause)
    punishment = punishment_in(clause)
    reduced = _REDUCED_TERM.search(clause)
    if reduced:
        # the appeal's term replaces the first one: it is no second case
        self._reduce(c_start, reduced, mentions, events)
        punishment = punishment_in(clause[:reduced.start()])
    # ellipsis: "..., and Abdusattarov to 5 years."
    if not events and sentence_group:
        m = _ELLIPSIS_NAME.match(clause)
        if m:
            keys = [k for nm, k in mentions if nm.start == c_start + m.start("n")]
            if keys:
                events.append(Event(keys, "convicted", c_start + m.start(),
                                    c_start + m.end(), verdict_verb=True))
                punishment = punishment_in("sentenced " + clause)
    announced = _VERDICT_ANNOUNCED.search(clause)
    if not events and announced and not any(
            c_start + announced.end() <= nm.start < c_end for nm, _ in mentions):
        # "On 14 March 2024 the court announced the verdict against three defendants": the
        # date of the verdicts the release goes on to name
        day = [d.iso for d in find_dates(clause, dateline=self.dateline)
               if d.iso and len(d.iso) == 10]
        if day and self.doc_verdict is None:
            self.doc_verdict, self.doc_verdict_at = day[-1], c_start
    trial = _TRIAL_BEGAN.search(clause)
    if not events and trial and (sentence_group or self.last_group or self.focus) and \
            not _NEGATION.search(clause[:trial.start("verb")][-30:]):
        # "hearings in the case began on 24 April": the trial of the person just spoken of
        # "X was charged ...; her trial was still ongoing": this sentence's person first
        events.append(Event(list(dict.fromkeys(sentence_group)) or list(self.last_group)
                            or [self.focus], "on_trial",
                            c_start + trial.start(), c_start + trial.end()))
    opened = _CASE_OPENED.search(clause)
    if not events and opened and self.focus and self.cases.get(self.focus) and \
            any(charges_in(clause)[:2]) and not any(
                c_start <= nm.start < c_end and not _PREPOSITION_BEFORE.search(
                    self.text[max(c_start, nm.start - 40):nm.start]) for nm, _ in mentions):
        # "The agency had also opened a money laundering case": a further charge of the
        # person the paragraph speaks of
        events.append(Event([self.focus], None, c_start + opened.start(),
                            c_start + opened.end()))
    unnamed = not any(c_start <= nm.start < c_end for nm, _ in mentions)
    told = list(self.last_group) or ([self.focus] if self.cases.get(self.focus) else [])
    if not events and punishment and unnamed and _COURT_IMPOSED.search(clause):
        # a press release's next paragraph: the convict it last spoke of, not yet sentenced
        last = self.recent[-1:] if self.recent and all(
            c.status == "convicted" and c.sentence_type is None
            for c in self.cases.get(self.recent[-1], [])[-1:]) else []
        who = told or last
        if who:
            events.append(Event(who, "convicted", c_start, c_start, verdict_verb=True))
    if not events and told and find_amounts(clause) and (
            _AMOUNT_SUBJECT.match(clause) or (unnamed and _FUNDS_TAKEN.match(clause))):
        events.append(Event(told, None, c_start, c_start))
    if not events and self.last_group and _INVESTIGATORS_SAY.match(self.text, s_start) and \
            find_amounts(clause) and amount_kind(clause) and not any(
                c_start <= nm.start < c_end for nm, _ in mentions):
        # "According to investigators, ... causing damage of 240 million tenge": the money
        # of the case the paragraph has just opened
        events.append(Event(list(self.last_group), None, c_start, c_start))
    ledes = list(_UNNAMED_DEFENDANT.finditer(clause))
    lede = ledes[0] if len(ledes) == 1 and not _OTHERS.search(clause) else None
    if lede and not events and not self.cases and not any(
            c_start <= nm.start < c_end for nm, _ in mentions):
        # "A court has sentenced a former police officer to 10 years for extorting a
        # $350,000 bribe": the lede's defendant is the first person the report names
        found, other, vague = charges_in(clause)
        self.pending_lede = (_stage(lede.group("verb")), punishment, found,
                             (other, vague), find_amounts(clause), clause)
    if _ALL_DEFENDANTS.search(clause) and not any(
            c_start <= nm.start < c_end for nm, _ in mentions):
        # "All seventeen defendants are charged with ...": every defendant the text names
        found, other, _ = charges_in(clause)
        self.defendants_charges += [c for c in found + (["other"] if other else [])
                                    if c not in self.defendants_charges]
    if not events:
        return
    subject_starts = [nm.start for nm, k in mentions if c_start <= nm.start < c_end
                      and any(k in e.persons for e in events)]
    first_trigger = min(e.trigger_start for e in events)
    fact_start = min(subject_starts) if subject_starts and min(subject_starts) < first_trigger \
        else c_start
    charges, other, vague = charges_in(self.text[fact_start:c_end])
    if not charges and _SAME_CHARGE.search(clause):
        # "..., while Y has been held since August on the same charge": the charge the
        # sentence named for the others
        charges, other, vague = charges_in(self.text[s_start:c_end])
    amounts = find_amounts(clause)
    persons_in_clause = list(dict.fromkeys(k for e in events for k in e.persons))
    months_list = punishment.months if punishment else []
    # "A, B and C were sentenced to nine, seven and four years (respectively)": in order
    paired = dict(pair_in_order(persons_in_clause, months_list) or [])
    for event in events:
        for k in event.persons:
            p_months = [paired[k]] if k in paired else months_list
            p_pun = Punishment(punishment.sentence_type, p_months,
                               punishment.in_absentia) if punishment else None
            if p_pun and event.status != "convicted" and not event.verdict_verb and \
                    not any(e.verdict_verb for e in events if k in e.persons):
                p_pun = None  # a sentence in the clause belongs to someone else's verdict
            case = self._case_for(k, clause, p_pun)
            self._merge(case, event, p_pun, charges, (other, vague), amounts, clause,
                        c_start, c_end, s_start, s_end,
                        [e.trigger_end for e in events if e is not event])
            sentence_group.append(k)


class _Former(_Extractor):
    """The extractor without the gates: nobody is ever "nobody" (every clause and every
    sentence's appointments are read), and _clause is main's."""

    def _nobody(self, mentions) -> bool:
        return False

    _clause = _former_clause


class _Checked(_Extractor):
    """The gated extractor that also runs, where the gate skips _events, the events search
    and asserts it finds none (every clause of a gated sentence is read: _may_note says yes)."""

    skipped = 0
    topic_only = 0

    def _may_note(self, s_start: int, s_end: int) -> bool:
        return True

    def _clause(self, c_start, c_end, s_start, s_end, mentions, sentence_group) -> None:
        clause = self.text[c_start:c_end]
        if self._nobody(mentions):
            assert self._events(c_start, c_end, mentions, clause) == [], clause
            _Checked.skipped += 1
        elif self._topic_only(mentions, clause):
            assert self.focus is not None
            assert self._events(c_start, c_end, mentions, clause) == [], clause
            _Checked.topic_only += 1
        super()._clause(c_start, c_end, s_start, s_end, mentions, sentence_group)


def _state(ex: _Extractor) -> tuple:
    """What a run leaves that a later sentence or the records read."""
    return (ex.cases, ex.persons, ex.order, ex.current, ex.focus, ex.recent, ex.last_group,
            ex.carried_group, ex.context_other, ex.dates, ex.doc_verdict, ex.doc_verdict_at,
            ex.cur_verdict, ex.prev_verdict, ex.scene_detained, ex.defendants_charges,
            repr(ex.pending_lede))


def _both(doc: Document) -> None:
    new, old, checked = _Extractor(doc), _Former(doc), _Checked(doc)
    got, want = new.run(), old.run()
    assert [r.model_dump() for r in got] == [r.model_dump() for r in want], doc.text[:200]
    assert _state(new) == _state(old), doc.text[:200]
    assert [r.model_dump() for r in checked.run()] == [r.model_dump() for r in want]


def _doc(name: str, text: str) -> Document:
    return clean(text, name, published_on=publication_date(text))


@pytest.mark.parametrize("name, text", DOCS, ids=[n for n, _ in DOCS])
def test_documents_as_before(name, text):
    _both(_doc(name, text))


def test_paragraphs_and_sentences_as_before():
    """Each paragraph and each sentence of the documents read alone: a gate then meets the
    cue at a text's first sentence, with no topic and no one facing a case yet."""
    pieces = []
    for _, text in DOCS:
        for para in re.split(r"\n\s*\n", text):
            if para.strip():
                pieces.append(para)
                pieces += [s for s in re.split(r"(?<=[.;!?])\s+", para) if s.strip()]
    for i, piece in enumerate(dict.fromkeys(pieces)):
        _both(Document.plain(piece, f"p{i}.txt"))


EDGES = [
    # a pronoun with no one to stand for: no topic yet, so no event either way
    "He was detained on 3 May. Askar Bekov, the akim, was charged with bribery.",
    # the topic carries into a sentence that names no one: not gated
    "Askar Bekov is the akim of Taraz. He was detained on 3 May on charges of bribery.",
    "Askar Bekov is the akim of Taraz. Released in 2006. Detained in 2008.",
    "Askar Bekov spoke to reporters.\n\nHe was detained on 3 May.",
    # an unnamed lede's defendant (noted in a sentence that names no one), named later
    ("A court has sentenced a former police officer to 10 years for extorting a $350,000 "
     "bribe. The officer, Kanat Zhakupov, denied the charge. Kanat Zhakupov was convicted."),
    ("An appeals court sentenced a former akim to 8 years and later reduced his term to six "
     "years. Berik Omarov was sentenced in Taraz."),
    "A COURT HAS SENTENCED A FORMER JUDGE TO 9 YEARS. Aidos Serikov was sentenced.",
    ("A court jailed a former official for fraud; dozens of people protested. Nurlan Esov was "
     "jailed."),
    # a verdict's date noted before anyone is named
    ("On 14 March 2024 the court announced the verdict against three defendants. Askar Bekov "
     "was sentenced to five years. Berik Omarov was sentenced to four years."),
    ("On 14 March 2024 the court announced the verdict. On 20 March 2024 the court pronounced "
     "another verdict. Askar Bekov was sentenced to five years."),
    # the charges of all the defendants, noted before anyone is named
    "All seventeen defendants are charged with fraud. Askar Bekov was charged. Berik Omarov too.",
    "ALL THE ACCUSED WERE CHARGED WITH EMBEZZLEMENT. Askar Bekov was detained.",
    # the cue split between two sentences, or only in a headline
    "The court announced. The verdict was read. Askar Bekov was sentenced to five years.",
    "Ex-Minister Kuandyk Bishimbayev Jailed\n\nBishimbayev was sentenced to 24 years.",
    ("Court Sentences Former Akim\n\nA court sentenced a former akim to 5 years. Aset Tulov "
     "was sentenced."),
    # a lower case that cannot be trusted (long s, dotless i, Kelvin sign): the clauses are read
    "A court \u017fentenced a former akim to 5 years. Aset Tulov was sentenced.",
    "A court sentenced a former akim to 5 years in Ald\u0131r. Aset Tulov was sentenced.",
    "ALL THE DEFENDANT\u017f WERE CHARGED WITH FRAUD. A\u212aim Aset Tulov was detained.",
    # a group, a deed, "the defendant" only once someone faces a case
    "The defendant was detained. Askar Bekov and Berik Omarov were detained. They were charged.",
    "They were detained. The two men were charged. Askar Bekov embezzled 5 million tenge.",
    "Askar Bekov was detained.\n\nThey were charged with fraud. The defendant was released.",
    # what officials say, a trial that began, an amount: only of someone spoken of
    "According to investigators, the killer was Askar Bekov. Hearings began on 3 May.",
    "Hearings began on 3 May. The bribe amounted to 5 million tenge. Askar Bekov was jailed.",
    "According to prosecutors, damage of 240 million tenge was caused. Askar Bekov was charged.",
    # the topic carried into a sentence that names no one, and what stands for it there
    "Askar Bekov is the akim. Released in 2006. The court acquitted him.",
    "Askar Bekov is the akim. Police detainedhim on 3 May. Police detained Him on 4 May.",
    "Askar Bekov is the akim. The court sentenced HIS deputy; it detained Her.",
    "Aigul Bekova is the akim. \u017fhe was detained on 3 May. The defendant was charged.",
    "Aigul Bekova is the akim. Later she was detained. Police then arrested her.",
    "Aigul Bekova is the akim. Police, she said, were not involved; THE DEFENDANT was fined.",
    "Aigul Bekova is the akim. The officials said that she was detained on 3 May.",
    "Aigul Bekova is the akim. Her deputy was detained, and the deputy was charged.",
    "Askar Bekov is the akim. The other officials were detained. This was reported.",
    "Askar Bekov is the akim. The accused was detained; the suspect, too, was charged.",
    "Askar Bekov is the akim. Convicted of fraud in 2010, the official was pardoned.",
    "Askar Bekov is the akim. Hearings began on 3 May. His trial was postponed.",
    ("Askar Bekov is the akim. According to investigators, he organised the killing. "
     "According to investigators, the organiser was the akim."),
    "",
    "\n\n",
    "Survey: 45% of respondents trust courts. The poll was held in May.",
]


@pytest.mark.parametrize("text", EDGES)
def test_edges_as_before(text):
    _both(Document.plain(text, "edge.txt"))


def test_the_gate_is_taken():
    """Sentences that name no one before anyone is spoken of are gated (the check above is
    not vacuous), and the events search they skip finds nothing there."""
    _Checked.skipped = _Checked.topic_only = 0
    for name, text in DOCS:
        _Checked(_doc(name, text)).run()
    for text in EDGES:
        _Checked(Document.plain(text, "edge.txt")).run()
    assert _Checked.skipped > 100
    assert _Checked.topic_only > 20


def test_may_note_words():
    """The words of _may_note: one of them in every match of what a gated clause may note."""
    words = cases._UNPEOPLED_WORDS
    assert words is not None
    for pattern in (_VERDICT_ANNOUNCED, _UNNAMED_DEFENDANT, _ALL_DEFENDANTS):
        for word in pattern.literals:
            assert any(w in word for w in words), word
    ex = _Extractor(Document.plain("The poll was held in May. A court jailed a former akim."))
    assert not ex._may_note(0, 25)
    assert ex._may_note(26, 52)
    # a lower case that cannot be trusted is not asked
    ex = _Extractor(Document.plain("The poll was held in Ald\u0131r. A court."))
    assert ex._may_note(0, 10)


# --- the surnames known so far, grown by the people added since (not made again), and
# _described's exit when no one faces a case

def _former_described(self, start: int, end: int, at_start: bool = False) -> str | None:
    """_Extractor._described as main wrote it."""
    rx = r"\bthe\s+(?:former\s+|ex-|then-|disgraced\s+|jailed\s+|ousted\s+)*(?P<t>[a-z-]+)\b"
    found = list(re.finditer(rx, self.text[start:end]))
    if at_start:
        found = found[:1] if found and found[0].start() == len(
            self.text[start:end]) - len(self.text[start:end].lstrip()) else []
    for m in reversed(found):
        head = m.group("t")
        if not cases.is_title_word(head) or head in ("member", "head", "chief", "deputy"):
            continue
        who = [k for k, p in self.persons.items() if self.cases.get(k) and any(
            re.search(rf"(?<![\w-])(?<!deputy )(?<!vice ){re.escape(head)}\b", t or "",
                      re.IGNORECASE)
            for t in [p.position, p.appointed] + [t for _, t in p.titles])]
        return who[0] if len(who) == 1 else None
    return None


class _Watched(_Extractor):
    """Asks, at every use, that the surnames are those of every person so far and that
    _described answers as main's."""

    calls = 0

    def _surnames(self) -> set[str]:
        known = super()._surnames()
        assert known == {k.split("|")[0] for k in self.persons}
        return known

    def _described(self, start: int, end: int, at_start: bool = False) -> str | None:
        got = super()._described(start, end, at_start)
        assert got == _former_described(self, start, end, at_start)
        _Watched.calls += 1
        return got


def test_surnames_and_described_as_before():
    _Watched.calls = 0
    for name, text in DOCS:
        _Watched(_doc(name, text)).run()
    described = [
        "The former minister was detained. Askar Bekov, the former minister, was detained.",
        ("Former minister Askar Bekov was detained on 3 May.\n\nThe court found the former "
         "minister guilty and sentenced him to 5 years."),
        ("Former minister Askar Bekov and akim Berik Omarov were detained.\n\nPolice detained "
         "the former minister again. The court sentenced the akim."),
    ]
    for text in EDGES + described:
        _Watched(Document.plain(text, "edge.txt")).run()
    assert _Watched.calls > 50
    # the one person facing a case who held the office the text names
    recs = _Extractor(Document.plain(described[1], "e.txt")).run()
    assert [(r.person_name, r.status) for r in recs] == [("Askar Bekov", "convicted")]


def test_compiled_patterns_are_the_inline_ones():
    """The patterns compiled once at import are those the calls wrote inline (with their
    flags)."""
    inline = {
        "_FACES": (r"\b(?:faces?|facing|could\s+face|risks?|punishable\s+by|up\s+to)\b", 0),
        "_SENTENCED_OR_RECEIVED": (r"\bsentenced\b|\breceived\b", 0),
        "_REQUESTED_TERM": (r"\b(?:asked|requested|demanded|sought|seeks|seeking|asks)\s+"
                            r"(?:\w+\s+){0,4}?(?:sentence|term|years?)\b", 0),
        "_TERM_ANCHOR": (r"sentenced|sentence|imprisoned|jailed|term|penalty|punishment|"
                         r"(?:received|given|handed)\s+"
                         r"(?:an?\s+)?[\w.-]+[\s-]+(?:years?|months?)\b", 0),
        "_DEFERRED_FOR": (r"\bdefer\w*\s+(?:\w+\s+)?sentence\s+for", 0),
        "_IN_ABSENTIA_LOW": (r"\bin\s+absentia\b", 0),
        "_AND_BEFORE": (r"\band\s+$", 0),
        "_PRONOUN_AT": (r"\s*(?P<p>he|him|his|she|her)\b", re.IGNORECASE),
        "_UNDER_HOUSE": (r"under\s+house", re.IGNORECASE),
        "_PAROLE_WORD": (r"\bparole|probation\s+control", re.IGNORECASE),
        "_PAROLE_AFTER": (r"\bparole", 0),
        "_BLANK_LINE": (r"\n\s*\n", 0),
        "_NON_SPACE": (r"\S+", 0),
        "_THE_TITLE": (r"\bthe\s+(?:former\s+|ex-|then-|disgraced\s+|jailed\s+|ousted\s+)*"
                       r"(?P<t>[a-z-]+)\b", 0),
        "_VERDICT_WORD": (r"verdict|judg", re.IGNORECASE),
        "_NOT_NEVER_NO": (r"\b(?:not|never|no)\b", re.IGNORECASE),
    }
    for name, (pattern, flags) in inline.items():
        assert getattr(cases, name) == re.compile(pattern, flags), name
