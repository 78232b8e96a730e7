"""Incremental-run benchmark: a full build of 200 documents, then an unchanged re-run.

    .venv/bin/python benchmarks/incremental.py [--copies 40]

The corpus is the five samples copied N times, each copy made unique by an appended line.
Reports the flow's own seconds for both runs (from the CLI summary) and their ratio, and
checks that the unchanged re-run changed no row. Not a test: timings belong here.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.helpers import table_contents  # noqa: E402

SECONDS = re.compile(r"published .* in ([\d.]+) s")


def build_corpus(folder: Path, copies: int) -> None:
    folder.mkdir(parents=True)
    for n in range(copies):
        for src in sorted((ROOT / "seeds" / "documents").iterdir()):
            text = src.read_text(encoding="utf-8")
            (folder / f"{src.stem}-copy{n:03d}.txt").write_text(
                f"{text}\nBenchmark copy {n}.\n", encoding="utf-8")


def run(documents: Path, warehouse: Path) -> tuple[float, float, str]:
    t0 = time.perf_counter()
    out = subprocess.run([str(ROOT / ".venv/bin/kzwatch"), "run", "--documents", str(documents),
                          "--warehouse", str(warehouse)], capture_output=True, text=True,
                         check=True).stdout
    wall = time.perf_counter() - t0
    flow_seconds = float(SECONDS.search(out).group(1))
    plan = next(line for line in out.splitlines() if "documents:" in line).strip()
    return flow_seconds, wall, plan


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--copies", type=int, default=40)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="kzwatch-bench-") as tmp:
        docs, wh = Path(tmp) / "documents", Path(tmp) / "kzwatch.duckdb"
        build_corpus(docs, args.copies)
        full, full_wall, plan1 = run(docs, wh)
        before = table_contents(wh)
        again, again_wall, plan2 = run(docs, wh)
        same = table_contents(wh) == before
    ratio = again / full
    print(f"full build:      flow {full:7.2f} s  (wall {full_wall:6.1f} s)  {plan1}")
    print(f"unchanged rerun: flow {again:7.2f} s  (wall {again_wall:6.1f} s)  {plan2}")
    print(f"ratio {ratio:.3f} (bar 0.20); rows unchanged: {same}")
    ok = ratio <= 0.20 and same
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
