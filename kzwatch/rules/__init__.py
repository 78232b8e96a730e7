"""Rules as data: each family's triggers and patterns, in `kzwatch/rules/<lang>/<family>.yaml`.

A rule has an id (`<family>.<kind>.<name>`), a language, the kind of decision it serves
(a family declares its kinds: `stage`, `charge`, `metric`, ...), a pattern (`words:` or a
regex `pattern:`; spaces match any whitespace, case is ignored), the slots it fills, what it
`sets` on a record, an explicit `priority` (higher wins where rules of one kind compete),
`unless:` predicates from `kzwatch.text.modality`, and at least one example and one
counter-example. Loading validates all of it (`extra="forbid"`, unknown kinds, fields or
predicates fail at load) and compiles every pattern once.

The examples run as tests named by rule id (`tests/rules/test_rule_examples.py`): an example's
text, run through the family's extractor, must yield a record with the `expect` fields; a
counter-example must yield no record (or none with the `absent` fields).

    pack = rule_pack("case_mentions")
    hit = pack.first("stage", sentence)        # the highest-priority rule of that kind, or None
    for rule, m in pack.matches("charge", sentence): ...
"""
from __future__ import annotations

import re
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from kzwatch.text.modality import PREDICATES
from kzwatch.text.patterns import guarded, literal_plan, may_match

RULES_DIR = Path(__file__).resolve().parent


class Example(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str
    expect: dict[str, Any] = Field(default_factory=dict)


class CounterExample(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str
    absent: dict[str, Any] | None = None  # None: the family yields no record at all


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    lang: str = "en"
    kind: str
    words: list[str] | None = None
    pattern: str | None = None
    slots: list[str] = Field(default_factory=list)
    sets: dict[str, Any] = Field(default_factory=dict)
    priority: int = 0
    unless: list[str] = Field(default_factory=list)
    note: str | None = None
    examples: list[Example] = Field(min_length=1)
    counter: list[CounterExample] = Field(min_length=1)

    @field_validator("unless")
    @classmethod
    def _known_predicates(cls, names: list[str]) -> list[str]:
        unknown = set(names) - set(PREDICATES)
        if unknown:
            raise ValueError(f"unknown predicate(s) {sorted(unknown)}; known: {sorted(PREDICATES)}")
        return names

    @model_validator(mode="after")
    def _one_pattern(self) -> Rule:
        if (self.words is None) == (self.pattern is None):
            raise ValueError(f"rule {self.id}: give exactly one of `words` or `pattern`")
        _ = self.regex  # compile now: a bad pattern fails at load
        return self

    @cached_property
    def regex(self) -> re.Pattern:
        if self.words is not None:
            alts = "|".join(re.escape(w).replace(r"\ ", " ") for w in
                            sorted(self.words, key=len, reverse=True))
            source = rf"\b(?:{alts})\b"
        else:
            source = self.pattern
        try:
            # guarded: the same matches, found faster (a lookahead on their first characters)
            return guarded(re.compile(source.replace(" ", r"\s+"), re.IGNORECASE))
        except re.error as err:
            raise ValueError(f"rule {self.id}: bad pattern: {err}") from err

    def applies(self, text: str, match: re.Match) -> bool:
        """The match holds unless one of the rule's `unless` predicates is true there."""
        return not any(PREDICATES[name](text, match.start()) for name in self.unless)


class RulePack(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    family: str
    lang: str
    kinds: dict[str, str]  # kind -> what a rule of that kind decides
    fields: list[str] = Field(default_factory=list)  # keys `sets` may use besides record fields
    rules: list[Rule]

    @model_validator(mode="after")
    def _consistent(self) -> RulePack:
        from models.records import RECORD_MODELS

        allowed = set(RECORD_MODELS[self.family].model_fields) | set(self.fields)
        seen: set[str] = set()
        for rule in self.rules:
            if rule.id in seen:
                raise ValueError(f"duplicate rule id {rule.id}")
            seen.add(rule.id)
            if not rule.id.startswith(f"{self.family}.{rule.kind}."):
                raise ValueError(f"rule {rule.id}: id must start with {self.family}.{rule.kind}.")
            if rule.kind not in self.kinds:
                raise ValueError(f"rule {rule.id}: kind {rule.kind!r} not declared in `kinds`")
            if rule.lang != self.lang:
                raise ValueError(f"rule {rule.id}: lang {rule.lang} in a {self.lang} pack")
            unknown = set(rule.sets) - allowed
            if unknown:
                raise ValueError(f"rule {rule.id}: sets unknown field(s) {sorted(unknown)}")
        return self

    @cached_property
    def ordered(self) -> dict[str, tuple[tuple[Rule, ...], dict[int, int]]]:
        """Per kind: its rules, highest priority first (ties by id, so the order is stable),
        and each rule's rank by id(). Sorted once: the pack is frozen and loaded once, and
        `matches` and `first` run for every sentence."""
        out = {}
        for kind in self.kinds:
            rules = tuple(sorted((r for r in self.rules if r.kind == kind),
                                 key=lambda r: (-r.priority, r.id)))
            out[kind] = rules, {id(rule): i for i, rule in enumerate(rules)}
        return out

    def _ordered(self, kind: str) -> tuple[tuple[Rule, ...], dict[int, int]]:
        if kind not in self.kinds:
            raise KeyError(f"{self.family} has no rule kind {kind!r}")
        return self.ordered[kind]

    def of_kind(self, kind: str) -> list[Rule]:
        """Rules of one kind, highest priority first (ties by id, so the order is stable)."""
        return list(self._ordered(kind)[0])

    @cached_property
    def _plans(self) -> dict[str, tuple]:
        """Per kind, in `ordered`'s order, a `literal_plan` of its rules (payload: the rule and
        whether it has `unless` predicates): `matches` and `first` test the words of all of a
        kind's rules on one lower-cased span, and a rule whose words are absent costs no call."""
        return {kind: literal_plan((rule.regex, (rule, bool(rule.unless))) for rule in rules)
                for kind, (rules, _) in self.ordered.items()}

    def _candidates(self, kind: str, text: str, start: int, end: int) -> list:
        if kind not in self.kinds:
            raise KeyError(f"{self.family} has no rule kind {kind!r}")
        return may_match(self._plans[kind], text, start, end)

    def candidates(self, kind: str, text: str, start: int = 0, end: int | None = None
                   ) -> list[tuple[Rule, re.Pattern]]:
        """(rule, bare regex) of a kind, highest priority first, leaving out the rules whose
        words are absent from text[start:end] (they cannot match there)."""
        end = len(text) if end is None else end
        return [(rule, rx) for rx, (rule, _) in self._candidates(kind, text, start, end)]

    def matches(self, kind: str, text: str, start: int = 0, end: int | None = None
                ) -> list[tuple[Rule, re.Match]]:
        """Every (rule, match) of that kind in text[start:end] that its `unless` lets stand,
        in text order; among matches at one position the higher priority comes first."""
        end = len(text) if end is None else end
        found = [(rule, m) for rx, (rule, unless) in self._candidates(kind, text, start, end)
                 for m in rx.finditer(text, start, end) if not unless or rule.applies(text, m)]
        if not found:
            return found
        order = self.ordered[kind][1]
        return sorted(found, key=lambda rm: (rm[1].start(), order[id(rm[0])]))

    def first(self, kind: str, text: str, start: int = 0, end: int | None = None
              ) -> tuple[Rule, re.Match] | None:
        """The highest-priority rule of that kind that matches (and holds) in the span."""
        end = len(text) if end is None else end
        for rx, (rule, unless) in self._candidates(kind, text, start, end):
            for m in rx.finditer(text, start, end):
                if not unless or rule.applies(text, m):
                    return rule, m
        return None


def pack_files(lang: str | None = None) -> list[Path]:
    pattern = f"{lang}/*.yaml" if lang else "*/*.yaml"
    return sorted(RULES_DIR.glob(pattern))


@cache
def rule_pack(family: str, lang: str = "en") -> RulePack:
    """The validated rule pack of a family (a contract table name) in a language."""
    path = RULES_DIR / lang / f"{family}.yaml"
    if not path.exists():
        raise LookupError(f"no {lang} rule pack for {family} (expected {path})")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return RulePack.model_validate(data)


def has_pack(lang: str) -> bool:
    return (RULES_DIR / lang).is_dir() and any((RULES_DIR / lang).glob("*.yaml"))
