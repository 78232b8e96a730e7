"""The run plan: which files are new, changed, unchanged, removed, duplicate or failed."""
import pandas as pd

from kzwatch.pipeline import Fingerprint, make_plan, record_id

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
