"""Cost of resolving people as the corpus grows (issue 9: it was quadratic in Python).

    .venv/bin/python benchmarks/persons.py [N ...]

Builds N synthetic case mentions (invented given names and surnames in several romanisations,
full names and lone surnames, spread over N/2.3 documents: the density of the samples) and
times `resolve_persons` on them. Prints mentions, distinct names, persons and seconds.
"""
from __future__ import annotations

import random
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from kzwatch.persons import resolve_persons  # noqa: E402

GIVEN = ["Nurlan", "Aigerim", "Serik", "Dana", "Marat", "Gulnara", "Yerlan", "Asel", "Bolat",
         "Saule", "Timur", "Zhanar", "Kairat", "Aliya", "Daulet", "Madina", "Arman", "Laura"]
STEMS = ["Abil", "Bekmur", "Dauk", "Ermek", "Zhaksyl", "Kasym", "Mukan", "Nurbek", "Ospan",
         "Sadyk", "Tokt", "Utep", "Khamit", "Seit", "Zhumag", "Baim", "Orazal", "Turs"]
ENDINGS = ["ov", "ev", "uly", "bekov", "baev", "in", "enko"]
VARIANTS = [lambda s: s, lambda s: s.replace("k", "q"), lambda s: s.replace("y", "i"),
            lambda s: s.replace("zh", "j"), lambda s: s + s[-1] if s.endswith("v") else s]


def mentions(n: int, seed: int = 7) -> pd.DataFrame:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        surname = rng.choice(STEMS) + rng.choice(STEMS).lower() + rng.choice(ENDINGS)
        surname = rng.choice(VARIANTS)(surname)
        name = surname if rng.random() < 0.2 else f"{rng.choice(GIVEN)} {surname}"
        rows.append({"record_id": f"r{i}", "source_name": f"d{int(i / 2.3)}.txt",
                     "person_name": name})
    return pd.DataFrame(rows)


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [2330, 9320, 23300]
    print(f"{'mentions':>9} {'names':>7} {'persons':>8} {'seconds':>8}")
    for n in sizes:
        frame = mentions(n)
        t0 = time.perf_counter()
        _, persons, _ = resolve_persons(frame)
        took = time.perf_counter() - t0
        print(f"{n:>9} {frame['person_name'].nunique():>7} {len(persons):>8} {took:>8.2f}")


if __name__ == "__main__":
    main()
