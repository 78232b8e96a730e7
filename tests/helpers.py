"""Small helpers shared by flow and end-to-end tests."""
from __future__ import annotations

from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
# the corpora shipped in the repository: the samples and the five held-out sets
SHIPPED_CORPORA = [ROOT / "seeds" / "documents",
                   *sorted((ROOT / "benchmarks" / "heldout").glob("set*/documents"))]
DEV_CORPUS = ROOT.parent / "shared" / "corpus" / "dev" / "docs"  # beside the project, if there


def corpus_texts(folders=(*SHIPPED_CORPORA, DEV_CORPUS)) -> list[tuple[str, str]]:
    """(file name, text) of every document in the folders that exist, in name order."""
    return [(p.name, p.read_text(encoding="utf-8")) for folder in folders if folder.is_dir()
            for p in sorted(folder.iterdir())]


def cleaned_documents(folders=(*SHIPPED_CORPORA, DEV_CORPUS)) -> list:
    """The documents of `corpus_texts`, cleaned as the pipeline cleans them."""
    from kzwatch.cleaning import clean
    from kzwatch.text.structure import publication_date

    return [clean(text, name, published_on=publication_date(text))
            for name, text in corpus_texts(folders)]


def dumped(records) -> list[dict]:
    """Records as plain dicts, to compare two extractors' output."""
    return [r.model_dump() for r in records]

CORE_TABLES = ("case_mentions", "protest_events", "survey_results", "statistics", "indicators",
               "quarantine", "persons", "person_merges")


def table_contents(warehouse, tables=CORE_TABLES) -> dict[str, list[tuple]]:
    """Every row of the core tables, sorted, for equality checks between runs."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        out = {}
        for t in tables:
            cols = [r[0] for r in con.execute(
                "select column_name from information_schema.columns where table_schema='core' "
                "and table_name=? and column_name not in ('run_id') order by ordinal_position",
                [t]).fetchall()]
            rows = con.execute(f"select {', '.join(cols)} from core.{t}").fetchall()
            out[t] = sorted(rows, key=repr)
        return out
    finally:
        con.close()


def query(warehouse, sql, params=None):
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def compiled_patterns() -> list:
    """Every compiled pattern of the language layer, the extractors and the rule packs, each
    once: module-level patterns (also inside lists and tuples) and every rule's regex, as the
    code holds them (a re.Pattern or a kzwatch.text.patterns.Prefiltered)."""
    import importlib
    import pkgutil
    import re

    import kzwatch.extract
    import kzwatch.text
    from kzwatch.rules import pack_files, rule_pack
    from kzwatch.text.patterns import Prefiltered

    found: dict[int, object] = {}

    def collect(value, depth=0):
        if isinstance(value, Prefiltered | re.Pattern):
            found[id(value)] = value
        elif depth < 2 and isinstance(value, list | tuple):
            for item in value:
                collect(item, depth + 1)

    for package in (kzwatch.text, kzwatch.extract):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for value in vars(module).values():
                collect(value)
    for path in pack_files("en"):
        for rule in rule_pack(path.stem, "en").rules:
            collect(rule.regex)
    return list(found.values())
