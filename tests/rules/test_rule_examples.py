"""Every rule's examples and counter-examples, run through its family's extractor.

One test per example, named by the rule id, so a failing form points at its rule:
    tests/rules/test_rule_examples.py::test_example[case_mentions.stage.sentenced#1]
"""
from __future__ import annotations

import math

import pytest
import yaml

from kzwatch.cleaning import clean
from kzwatch.extract import registry
from kzwatch.rules import pack_files, rule_pack


def _cases(which: str):
    for path in pack_files():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        pack = rule_pack(data["family"], data["lang"])
        for rule in pack.rules:
            for i, item in enumerate(getattr(rule, which), 1):
                yield pytest.param(pack.family, item, id=f"{rule.id}#{i}")


def _same(got, want) -> bool:
    if isinstance(want, float) or (isinstance(want, int) and isinstance(got, float)):
        return got is not None and math.isclose(float(got), float(want), rel_tol=1e-6)
    if isinstance(want, list):
        return sorted(got or []) == sorted(want)
    if isinstance(want, str) and isinstance(got, str):
        return got.casefold() == want.casefold()
    return got == want


def _has(records, fields: dict) -> bool:
    return any(all(_same(getattr(r, k), v) for k, v in fields.items()) for r in records)


def _extract(family: str, text: str):
    return registry()[family](clean(text, "example.txt"))


@pytest.mark.parametrize(("family", "example"), list(_cases("examples")))
def test_example(family, example):
    records = _extract(family, example.text)
    assert records, "no record"
    got = [r.model_dump(exclude={"evidence"}) for r in records]
    assert _has(records, example.expect), f"no record with {example.expect}; got {got}"


@pytest.mark.parametrize(("family", "counter"), list(_cases("counter")))
def test_counter_example(family, counter):
    records = _extract(family, counter.text)
    if counter.absent is None:
        assert not records, f"expected no record; got {[r.model_dump() for r in records]}"
    else:
        assert not _has(records, counter.absent), f"a record has {counter.absent}"
