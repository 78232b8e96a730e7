"""Checks set5 gold: every line parses, has the contract's columns, passes
shared/eval/contract.py (vocabularies, ISO dates, evidence verbatim after collapsing
whitespace), evidence <= 600 chars, survey options numbered 1..k, no duplicate keys."""
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, "/work/shared/eval")
from contract import COLUMNS, problems  # noqa: E402

HERE = Path(__file__).parent
docs = HERE / "documents"
bad = 0
names = {p.name for p in docs.iterdir()}
used = set()
for table, cols in COLUMNS.items():
    rows = []
    for n, line in enumerate((HERE / "gold" / f"{table}.jsonl").read_text().splitlines(), 1):
        try:
            r = json.loads(line)
        except json.JSONDecodeError as e:
            print(table, n, "bad json", e); bad += 1; continue
        rows.append(r)
        used.add(r["source_name"])
        for p in problems(table, r, docs):
            print(table, n, p); bad += 1
        if len(r["evidence"]) > 600:
            print(table, n, "evidence longer than 600"); bad += 1
        extra = set(r) - set(cols) - {"note", "person_id"}
        if extra:
            print(table, n, "unexpected keys", extra); bad += 1
    key = {"case_mentions": lambda r: (r["source_name"], r["person_name"]),
           "protest_events": lambda r: (r["source_name"], r["event_date"], r["location"], r["region"]),
           "survey_results": lambda r: (r["source_name"], r["survey_id"], r["question_no"], r["option_no"]),
           "statistics": lambda r: (r["source_name"], r["metric"], r["value"]),
           "indicators": lambda r: (r["source_name"], r["indicator"], r["entity"], r["period"])}[table]
    for k, c in Counter(map(key, rows)).items():
        if c > 1:
            print(table, "duplicate key", k); bad += 1
    if table == "survey_results":
        q = {}
        for r in rows:
            q.setdefault((r["source_name"], r["survey_id"], r["question_no"]), []).append(r["option_no"])
        for k, v in q.items():
            if v != list(range(1, len(v) + 1)):
                print("survey options not 1..k", k); bad += 1
    print(f"{table:15} {len(rows):4} rows")
print("documents without gold:", sorted(names - used) or "none")
sys.exit(1 if bad else 0)
