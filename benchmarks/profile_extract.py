"""Extraction time, profile and output of every family on the shipped corpora (issue 9).

    .venv/bin/python benchmarks/profile_extract.py time [REPEATS]    best of N per corpus
    .venv/bin/python benchmarks/profile_extract.py profile [CORPUS ...]  cProfile, one pass
    .venv/bin/python benchmarks/profile_extract.py dump OUT.json      every record, per document

`dump` is the identical-output check of a speed change: dump before and after, then compare
the two files (they must be equal). Records are produced as scripts/devscore.py does.
"""
from __future__ import annotations

import cProfile
import json
import pstats
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kzwatch.cleaning import clean  # noqa: E402
from kzwatch.pipeline import extract_document  # noqa: E402
from kzwatch.text.structure import publication_date  # noqa: E402

CORPORA = {
    "samples": ROOT / "seeds" / "documents",
    "dev": ROOT.parent / "shared" / "corpus" / "dev" / "docs",
    **{f"set{i}": ROOT / "benchmarks" / "heldout" / f"set{i}" / "documents" for i in range(1, 6)},
}


def texts(corpus: str) -> list[tuple[str, str]]:
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(CORPORA[corpus].iterdir())]


def run(name: str, text: str) -> dict:
    found = extract_document(clean(text, name, published_on=publication_date(text)))
    out = {table: [r.model_dump() for r in recs]
           for table, recs in found.records.items()}
    if found.failures:
        out["_failures"] = found.failures
    return out


def dump(path: str) -> None:
    result = {corpus: {name: run(name, text) for name, text in texts(corpus)}
              for corpus in CORPORA}
    Path(path).write_text(json.dumps(result, indent=1, sort_keys=True, default=repr))
    n = sum(len(v) for docs in result.values() for d in docs.values() for v in d.values())
    print(f"{n} records written to {path}")


def once(corpus: str) -> None:
    """Seconds to extract a corpus once, in a fresh process warmed up on another text (so
    nothing a document leaves in a per-text cache is reused by a later repetition)."""
    docs = texts(corpus)
    run("warm-up.txt", "On 1 March 2021 the court in Almaty sentenced him.")
    t0, c0 = time.perf_counter(), time.process_time()
    for name, text in docs:
        run(name, text)
    print(time.perf_counter() - t0, time.process_time() - c0)


def timing(repeats: int) -> None:
    """Best of N wall-clock and CPU seconds (CPU time is the steadier on a shared machine)."""
    for corpus in ("dev", "samples"):
        docs = texts(corpus)
        took = [[float(x) for x in subprocess.run(
            [sys.executable, __file__, "once", corpus], check=True, capture_output=True,
            text=True).stdout.split()] for _ in range(repeats)]
        wall, cpu = min(t[0] for t in took), min(t[1] for t in took)
        kb = sum(len(t) for _, t in docs) / 1000
        print(f"{corpus:8} {len(docs):3} docs {kb:7.0f} KB  best wall {wall:6.3f} s, "
              f"cpu {cpu:6.3f} s ({1000 * cpu / len(docs):6.1f} ms/doc)", flush=True)


def profile(corpora: list[str]) -> None:
    """cProfile of one pass over the corpora (each document once, as in a run)."""
    docs = [doc for corpus in corpora for doc in texts(corpus)]
    run("warm-up.txt", "On 1 March 2021 the court in Almaty sentenced him.")
    prof = cProfile.Profile()
    prof.enable()
    for name, text in docs:
        run(name, text)
    prof.disable()
    stats = pstats.Stats(prof)
    stats.sort_stats("cumulative").print_stats(60)
    stats.sort_stats("tottime").print_stats(60)


if __name__ == "__main__":
    mode, *rest = sys.argv[1:] or ["time"]
    if mode == "dump":
        dump(rest[0])
    elif mode == "profile":
        profile(rest or ["dev", *(f"set{i}" for i in range(1, 6))])
    elif mode == "once":
        once(rest[0])
    else:
        timing(int(rest[0]) if rest else 5)
