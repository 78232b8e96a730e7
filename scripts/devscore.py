"""Developer loop: run the extractors on seeds/documents without Prefect and score them.

    .venv/bin/python scripts/devscore.py [TABLE ...] [--misses] [--docs DIR --gold DIR]

Writes a throw-away DuckDB file with the contract tables and runs ../shared/eval/score.py.
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
from kzwatch.extract import reconcile, registry  # noqa: E402

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
    doc = clean(path.read_text(encoding="utf-8"), path.name)
    found = reconcile({table: extract(doc) for table, extract in extractors.items()})
    for table, records in found.items():
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
subprocess.run(cmd, check=False)
