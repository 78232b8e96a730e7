"""Extraction cost per MB as one document grows (issues 9 and 10: it must stay flat).

    .venv/bin/python benchmarks/scaling.py [lines|oneline] [BYTES ...]

Builds one document of each size from the development corpus (../shared/corpus/dev/docs,
repeated as needed): `lines` keeps its paragraphs, `oneline` collapses it to a single line as
a bad PDF or HTML export does. Runs every family's extractor on it once and prints the seconds,
the seconds per MB and each family's share.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kzwatch.cleaning import clean  # noqa: E402
from kzwatch.extract import registry  # noqa: E402

DEV = ROOT.parent / "shared" / "corpus" / "dev" / "docs"


def main() -> None:
    args = sys.argv[1:]
    shape = args.pop(0) if args and not args[0].isdigit() else "lines"
    sizes = [int(a) for a in args] or [10_000, 100_000, 1_000_000]
    corpus = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(DEV.iterdir()))
    families = registry()
    print(f"{'shape':8} {'bytes':>9} {'seconds':>8} {'s/MB':>6}  per family (s)")
    for size in sizes:
        text = (corpus * (size // len(corpus) + 1))[:size]
        if shape == "oneline":
            text = " ".join(text.split())
        doc = clean(text, "big.txt")
        per, t0 = {}, time.perf_counter()
        for table, extract in families.items():
            t = time.perf_counter()
            extract(doc)
            per[table] = round(time.perf_counter() - t, 2)
        took = time.perf_counter() - t0
        print(f"{shape:8} {size:>9} {took:>8.2f} {took / (size / 1e6):>6.1f}  {per}", flush=True)


if __name__ == "__main__":
    main()
