"""The run plan: which files are new, changed, unchanged, removed, duplicate or failed."""
import pandas as pd
import pytest

from kzwatch.pipeline import Fingerprint, MassRemoval, check_removals, make_plan, record_id

COLS = ["source_name", "checksum", "status", "parser_version"]


def prev(*rows):
    return pd.DataFrame(rows, columns=COLS)


def test_first_run_extracts_everything_and_loads_duplicates_once():
    prints = [Fingerprint("a.txt", "h1", 1), Fingerprint("b.txt", "h2", 1),
              Fingerprint("c.txt", "h1", 1), Fingerprint("d.txt", None, None, "empty file")]
    plan = make_plan(prints, prev(), "v1")
    assert plan.extract == ["a.txt", "b.txt"]
    assert plan.duplicates == {"c.txt": "a.txt"}
    assert plan.errors == {"d.txt": "empty file"}
    assert plan.new == ["a.txt", "b.txt", "c.txt", "d.txt"]


def test_rerun_skips_unchanged_and_sees_changes_and_removals():
    previous = prev(("a.txt", "h1", "loaded", "v1"), ("b.txt", "h2", "loaded", "v1"),
                    ("gone.txt", "h9", "loaded", "v1"), ("bad.txt", "h5", "error", "v1"))
    prints = [Fingerprint("a.txt", "h1", 1), Fingerprint("b.txt", "h3", 1),
              Fingerprint("bad.txt", "h5", 1)]
    plan = make_plan(prints, previous, "v1")
    assert plan.unchanged == ["a.txt", "bad.txt"]
    assert plan.extract == ["b.txt"] and plan.changed == ["b.txt"]
    assert plan.removed == ["gone.txt"]
    assert "0 new, 1 changed, 1 removed, 2 unchanged" in plan.summary()


def test_new_parser_version_re_extracts_loaded_documents():
    plan = make_plan([Fingerprint("a.txt", "h1", 1)], prev(("a.txt", "h1", "loaded", "v1")), "v2")
    assert plan.extract == ["a.txt"] and plan.changed == ["a.txt"]


def test_loaded_copy_stays_primary_when_a_duplicate_with_an_earlier_name_appears():
    plan = make_plan([Fingerprint("a.txt", "h1", 1), Fingerprint("z.txt", "h1", 1)],
                     prev(("z.txt", "h1", "loaded", "v1")), "v1")
    assert plan.unchanged == ["z.txt"] and plan.duplicates == {"a.txt": "z.txt"}


def test_record_id_is_stable_and_depends_on_checksum_and_key():
    a = record_id("h1", "statistics", ("x", 1))
    assert a == record_id("h1", "statistics", ("x", 1))
    assert a != record_id("h2", "statistics", ("x", 1))
    assert a != record_id("h1", "statistics", ("x", 2))


def test_unchanged_failures_are_named_on_every_run():
    previous = pd.DataFrame([("a.txt", "h1", "loaded", "v1", None),
                             ("empty.txt", "h2", "error", "v1", "empty file"),
                             ("big.txt", None, "error", "v1", "too large")],
                            columns=[*COLS, "reason"])
    prints = [Fingerprint("a.txt", "h1", 1), Fingerprint("empty.txt", "h2", 0),
              Fingerprint("big.txt", None, 9, "too large")]
    plan = make_plan(prints, previous, "v1")
    assert plan.still_failing == {"empty.txt": "empty file", "big.txt": "too large"}
    assert plan.notes()[0].startswith("2 documents still failing")


def test_a_timeout_is_retried_when_the_parser_changes_and_not_before():
    previous = pd.DataFrame([("slow.txt", "h1", "error", "v1", "timeout: took longer")],
                            columns=[*COLS, "reason"])
    assert make_plan([Fingerprint("slow.txt", "h1", 1)], previous, "v1").unchanged == ["slow.txt"]
    assert make_plan([Fingerprint("slow.txt", "h1", 1)], previous, "v2").extract == ["slow.txt"]


def test_documents_of_an_unreadable_folder_are_kept_not_removed():
    previous = prev(("a.txt", "h1", "loaded", "v1"), ("sub/b.txt", "h2", "loaded", "v1"),
                    ("subway.txt", "h3", "loaded", "v1"))
    plan = make_plan([Fingerprint("a.txt", "h1", 1)], previous, "v1", {"sub": "denied"})
    assert plan.unlisted == ["sub/b.txt"] and plan.removed == ["subway.txt"]
    assert plan.unchanged == ["a.txt", "sub/b.txt"]


def test_removing_more_than_the_share_is_refused_unless_allowed():
    previous = prev(*[(f"{i}.txt", f"h{i}", "loaded", "v1") for i in range(4)])
    plan = make_plan([Fingerprint("0.txt", "h0", 1)], previous, "v1")
    with pytest.raises(MassRemoval, match="refusing to remove 3 of 4 documents"):
        check_removals(plan, previous, 0.5, allow=False)
    check_removals(plan, previous, 0.5, allow=True)
    check_removals(plan, previous, 0.75, allow=False)
    check_removals(make_plan([], prev(), "v1"), prev(), 0.5, allow=False)  # first run
