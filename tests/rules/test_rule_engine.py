"""The rule engine: loading validates, precedence is explicit, `unless` predicates hold."""
from __future__ import annotations

import pytest
from pydantic import ValidationError

from kzwatch.rules import RulePack, pack_files, rule_pack


def _pack(**over):
    rule = {"id": "statistics.metric.killed", "kind": "metric", "words": ["killed", "died"],
            "sets": {"metric": "killed"}, "priority": 5,
            "examples": [{"text": "Ten people were killed."}],
            "counter": [{"text": "Nobody was hurt."}]}
    rule.update(over)
    return {"family": "statistics", "lang": "en", "kinds": {"metric": "what is counted"},
            "rules": [rule]}


def test_valid_pack_loads_and_matches():
    pack = RulePack.model_validate(_pack())
    rule, m = pack.first("metric", "Two were   killed on Monday")
    assert rule.id == "statistics.metric.killed" and m.group() == "killed"


@pytest.mark.parametrize("bad", [
    {"id": "cases.metric.killed"},                     # id of another family
    {"kind": "verdict"},                               # kind not declared
    {"sets": {"no_such_field": 1}},                     # not a field of the record
    {"unless": ["sarcastic"]},                          # unknown predicate
    {"pattern": "(unclosed"},                           # both words and pattern, and bad
    {"examples": []},                                   # no example
    {"counter": []},                                    # no counter-example
    {"colour": "red"},                                  # unknown key
])
def test_invalid_pack_fails_at_load(bad):
    with pytest.raises(ValidationError):
        RulePack.model_validate(_pack(**bad))


def test_higher_priority_wins_whatever_the_file_order():
    data = _pack()
    data["rules"].append({**data["rules"][0], "id": "statistics.metric.deaths",
                          "words": ["died"], "sets": {"metric": "other"}, "priority": 9})
    pack = RulePack.model_validate(data)
    rule, _ = pack.first("metric", "Three died.")
    assert rule.id == "statistics.metric.deaths"
    data["rules"].reverse()
    assert RulePack.model_validate(data).first("metric", "Three died.")[0].id == rule.id


def test_unless_negated_drops_the_match():
    pack = RulePack.model_validate(_pack(unless=["negated"]))
    assert pack.first("metric", "Two guards were killed.") is not None
    assert pack.first("metric", "They were not killed.") is None
    assert pack.matches("metric", "Five were killed; two were not killed.")[0][1].start() == 10


def test_every_shipped_pack_loads():
    for path in pack_files():
        family, lang = path.stem, path.parent.name
        assert rule_pack(family, lang).rules, f"{path} has no rules"
