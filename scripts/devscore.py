"""Developer loop: run the extractors on seeds/documents without Prefect and score them.

    .venv/bin/python scripts/devscore.py [TABLE ...] [--misses] [--by-rule] [--docs DIR --gold DIR]

Writes a throw-away DuckDB file with the contract tables and runs ../shared/eval/score.py.
`--by-rule` then lists, for each rule of each family's pack, how many missed gold records and
how many extra (unmatched) records have evidence in which the rule fires: a failing form
points at its rule, and a rule that fires mostly in extra rows is one to narrow.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kzwatch.cleaning import clean  # noqa: E402
from kzwatch.extract import registry  # noqa: E402
from kzwatch.pipeline import extract_document  # noqa: E402
from kzwatch.text.structure import publication_date  # noqa: E402

argv = sys.argv[1:]
paths = {"--docs": ROOT / "seeds" / "documents", "--gold": ROOT.parent / "shared" / "gold"}
for option in paths:  # another corpus and its gold, e.g. a held-out set
    if option in argv:
        at = argv.index(option)
        paths[option] = Path(argv[at + 1])
        del argv[at:at + 2]
args = [a for a in argv if not a.startswith("--")]
flags = [a for a in argv if a.startswith("--")]
extractors = {t: f for t, f in registry().items() if not args or t in args}
docs_dir = paths["--docs"]
rows: dict[str, list[dict]] = {t: [] for t in extractors}
for path in sorted(docs_dir.iterdir()):
    text = path.read_text(encoding="utf-8")
    doc = clean(text, path.name, published_on=publication_date(text))
    found = extract_document(doc, extractors)
    for failure in found.failures:
        print(f"{path.name}: {failure}", file=sys.stderr)
    for table, records in found.records.items():
        rows[table].extend(r.model_dump() for r in records)
out = Path(tempfile.mkdtemp(prefix="kzwatch-devscore-")) / "devscore.duckdb"
con = duckdb.connect(str(out))
con.execute("create schema core")
for table, recs in rows.items():
    if recs:
        df = pd.DataFrame(recs)  # noqa: F841 (read by duckdb's replacement scan)
        con.execute(f"create table core.{table} as select * from df")
con.close()
cmd = [sys.executable, str(ROOT.parent / "shared/eval/score.py"), str(out),
       str(paths["--gold"]), str(docs_dir), *flags]
for t in extractors:
    cmd += ["--table", t]
cmd = [c for c in cmd if c != "--by-rule"]
subprocess.run(cmd, check=False)


def by_rule(tables: dict[str, list[dict]], gold_dir: Path) -> None:
    """Per rule id: missed gold records and extra records whose evidence the rule fires in."""
    from collections import Counter

    from kzwatch.rules import rule_pack

    sys.path.insert(0, str(ROOT.parent / "shared" / "eval"))
    import score  # the shared scorer's own matching, so "missed" means what it scores

    for table, got in tables.items():
        try:
            pack = rule_pack(table)
        except LookupError:
            continue
        gold = score.load_gold(gold_dir, table)
        missed, extra = Counter(), Counter()
        for doc in {r["source_name"] for r in gold} | {r["source_name"] for r in got}:
            g_rows = [r for r in gold if r["source_name"] == doc]
            e_rows = [r for r in got if r["source_name"] == doc]
            pairs = score.match(g_rows, e_rows, score.KEYS[table])
            for rows, used, counter in ((g_rows, {i for i, _ in pairs}, missed),
                                        (e_rows, {j for _, j in pairs}, extra)):
                for k, row in enumerate(rows):
                    if k in used:
                        continue
                    text = str(row.get("evidence") or "")
                    ids = {rule.id for rule in pack.rules if rule.regex.search(text)}
                    counter.update(ids or {"(no rule fires)"})
        print(f"\n{table}: rule id, missed gold records / extra records its evidence fires in")
        for rule_id in sorted(set(missed) | set(extra), key=lambda r: -(missed[r] + extra[r])):
            print(f"  {rule_id:<60} {missed[rule_id]:>4} {extra[rule_id]:>4}")


if "--by-rule" in flags:
    by_rule(rows, paths["--gold"])
