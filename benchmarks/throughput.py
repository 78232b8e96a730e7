"""Throughput benchmark: a corpus of N news-sized documents built end to end.

    .venv/bin/python benchmarks/throughput.py [--documents 1000] [--code DIR] [--skip-bare]

The corpus is the development corpus (../shared/corpus/dev/docs) copied until it holds N
documents, each copy made unique by a line appended to it (so every copy is extracted: no
duplicate detection, no cache). Reports, on this machine:

- the floor: reading and hashing every file plus one pass of a compiled regex over its text;
- the bare pipeline: read, clean and extract every document in one process (no Prefect, no
  validation, no load);
- the flow (`kzwatch run`, a temporary Prefect server): full build, unchanged re-run and a
  re-run with one changed file; documents and MB per second, and the flow's overhead over the
  bare pipeline;
- peak RSS of the `kzwatch run` process tree's largest process (`ru_maxrss` of its children).

`--code DIR` runs another checkout's code (e.g. `git archive b002dff | tar -x -C /tmp/old`)
with this virtualenv, to compare versions in one sitting. Not a test: timings belong here.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "corpus" / "dev" / "docs"
SECONDS = re.compile(r"published .* in ([\d.]+) s")


def build_corpus(folder: Path, n: int) -> int:
    """N unique documents from the development corpus; returns their total bytes."""
    sources = sorted(DEV.iterdir())
    folder.mkdir(parents=True)
    total = 0
    for k in range(n):
        src = sources[k % len(sources)]
        data = src.read_bytes() + f"\nBenchmark copy {k // len(sources)}.\n".encode()
        (folder / f"{src.stem}-{k:05d}.txt").write_bytes(data)
        total += len(data)
    return total


def floor(folder: Path) -> float:
    """Read and hash every file, and one pass of a compiled regex over its text."""
    pattern = re.compile(r"\b\d+(?:[.,]\d+)?\s*(?:years?|tenge|%)")
    t0 = time.perf_counter()
    for path in sorted(folder.iterdir()):
        data = path.read_bytes()
        hashlib.sha256(data).hexdigest()
        sum(1 for _ in pattern.finditer(data.decode("utf-8", "replace")))
    return time.perf_counter() - t0


_BARE = """
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from kzwatch import pipeline
folder = Path(sys.argv[2])
names = sorted(p.name for p in folder.iterdir())
t0 = time.perf_counter()
pipeline.extract_documents(folder, names, 10**9, "bench")  # in-process, no time budget
print(time.perf_counter() - t0)
"""

_MEASURED = """
import resource, subprocess, sys
out = subprocess.run(sys.argv[1:], capture_output=True, text=True)
sys.stdout.write(out.stdout)
sys.stderr.write(out.stderr)
print("MAXRSS_KB", resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(out.returncode)
"""


def bare(code: Path, folder: Path) -> float:
    out = subprocess.run([sys.executable, "-c", _BARE, str(code), str(folder)],
                         capture_output=True, text=True, check=True, cwd=code).stdout
    return float(out.strip().splitlines()[-1])


def flow(code: Path, folder: Path, warehouse: Path) -> dict:
    # as the `kzwatch` command runs it: kzwatch.cli.entry where the checkout has one
    cli = f"import sys; sys.path.insert(0, {str(code)!r}); from kzwatch import cli; " \
          "cli.entry() if hasattr(cli, 'entry') else sys.exit(cli.main())"
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _MEASURED, sys.executable, "-c", cli, "run",
                           "--documents", str(folder), "--warehouse", str(warehouse)],
                          capture_output=True, text=True, cwd=code)
    wall = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(f"kzwatch run failed ({done.returncode}):\n{done.stderr[-3000:]}")
    wait_for_background_builds(warehouse)
    rss = int(re.search(r"MAXRSS_KB (\d+)", done.stdout).group(1))
    return {"flow_s": float(SECONDS.search(done.stdout).group(1)), "wall_s": wall,
            "peak_rss_mb": rss / 1024}


def wait_for_background_builds(warehouse: Path) -> None:
    """A run leaves its Data Docs and HTML report to detached processes that write beside the
    warehouse: they finish (untimed) before the next run is measured or the folder goes."""
    sys.path.insert(0, str(ROOT))
    from kzwatch import data_docs, report

    data_docs.wait_until_rendered(data_docs.site_dir(warehouse), timeout=900)
    report.wait_until_built(warehouse, timeout=900)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--documents", type=int, default=1000)
    ap.add_argument("--code", type=Path, default=ROOT,
                    help="checkout whose kzwatch is run (default: this one)")
    ap.add_argument("--skip-bare", action="store_true")
    ap.add_argument("--json", action="store_true", help="print the results as one JSON line")
    args = ap.parse_args()
    code = args.code.resolve()
    with tempfile.TemporaryDirectory(prefix="kzwatch-throughput-") as tmp:
        docs, wh = Path(tmp) / "documents", Path(tmp) / "wh" / "kzwatch.duckdb"
        size = build_corpus(docs, args.documents)
        res: dict = {"documents": args.documents, "mb": round(size / 2**20, 2),
                     "code": str(code), "floor_s": round(floor(docs), 2)}
        if not args.skip_bare:
            res["bare_s"] = round(bare(code, docs), 2)
        full = flow(code, docs, wh)
        res.update({f"full_{k}": round(v, 2) for k, v in full.items()})
        again = flow(code, docs, wh)
        res["unchanged_flow_s"] = round(again["flow_s"], 2)
        one = sorted(docs.iterdir())[0]
        one.write_text(one.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
        res["one_changed_flow_s"] = round(flow(code, docs, wh)["flow_s"], 2)
    res["docs_per_s"] = round(args.documents / res["full_flow_s"], 1)
    res["mb_per_s"] = round(res["mb"] / res["full_flow_s"], 2)
    if "bare_s" in res:
        res["flow_over_bare"] = round(res["full_flow_s"] / res["bare_s"], 2)
    if args.json:
        print(json.dumps(res))
    else:
        for key, value in res.items():
            print(f"{key:<22} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
