"""A run's staging area: the rows of each finished extraction batch, on disk until loading.

Without it every batch's rows waited in the flow process as Python dicts until the last batch
was done (at 10,000 documents the flow grew by 200 MB during extraction). Now each batch is
written as it finishes, one Parquet file per table (and for the documents' texts and
listing-page articles), and the flow keeps only a small summary (`StagedBatch`). Validation
reads one table at a time (`read_table`); loading has DuckDB stream the files into the
snapshot (kzwatch.warehouse), so what waits in memory no longer grows with the number of
documents.

Layout: `.<warehouse name>.<run id>.staging/` beside the warehouse (`staging_dir`), with a
sub-folder per table and a file per batch, `<table>/batch-000001.parquet` (zero-padded, so
the sorted names are the batch order and the rows come back in batch order, then document
order, as they were extracted). A batch that has no row of a table writes no file for it.

Types: each file's Arrow types are inferred from the Python values, as pandas infers them
from the row dicts; `read_table` unifies the files' types (an integer column with a float in
one batch is a float column; a column that is empty in one batch takes its type from the
others) and gives the same DataFrame, dtypes included, as `pd.DataFrame(all rows,
columns=...)` did before staging (list cells come back as lists, not numpy arrays).

Pure functions, no Prefect: flows/etl.py stages, reads back and removes.
"""
from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from kzwatch import pipeline
from models.tables import CONTRACT_TABLES

SUFFIX = ".staging"
TEXTS = "document_texts"  # raw.document_texts rows of the documents read
PARTS = "document_parts"  # raw.document_parts rows of listing pages
TEXT_COLUMNS = ["source_name", "document_id", "text"]
GROUNDED = "_evidence_grounded"  # validation's column, computed by extraction; not loaded


def use_system_allocator() -> None:
    """Arrow allocates through the system's malloc from now on in this process. Its default
    (mimalloc in the pyarrow wheels) keeps the memory it freed for reuse instead of returning
    it, so every table read back from the staging folder and every Arrow-backed pandas string
    column of validation left the flow process larger (10,000 documents: 1,222 MB at the
    peak against 1,064 MB with malloc, for the same time; benchmarks/README.md). Buffers
    allocated before keep their allocator; the call is cheap and may be repeated."""
    if pa.default_memory_pool().backend_name != "system":
        pa.set_memory_pool(pa.system_memory_pool())


def staging_dir(warehouse: Path, run_id: str) -> Path:
    """The run's staging folder: `.<warehouse name>.<run id>.staging` beside the warehouse."""
    warehouse = Path(warehouse)
    return warehouse.with_name(f".{warehouse.name}.{run_id}{SUFFIX}")


def table_columns(table: str) -> list[str]:
    """The columns staged for a table: a contract table's columns then `_evidence_grounded`
    (what validation checks), or raw.document_texts' or raw.document_parts' columns."""
    if table == TEXTS:
        return list(TEXT_COLUMNS)
    if table == PARTS:
        return list(pipeline.PART_COLUMNS)
    return [c.name for c in CONTRACT_TABLES[table].columns] + [GROUNDED]


def load_columns(table: str) -> list[str]:
    """The columns loaded into the warehouse (validation's own columns left out)."""
    return [c for c in table_columns(table) if not c.startswith("_")]


@dataclass
class StagedBatch:
    """What the flow keeps of a finished batch: its raw.documents rows (without their texts
    and articles, which are staged), its warnings, rows staged per table, and the files."""
    batch: int
    documents: list[dict]
    warnings: list[str]
    rows: dict[str, int] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)


def batch_file(folder: Path, table: str, batch: int) -> Path:
    return Path(folder) / table / f"batch-{batch:06d}.parquet"


def stage_batch(folder: Path, batch: int, extracted: pipeline.ExtractedBatch) -> StagedBatch:
    """Write a finished batch's rows to the staging folder, one file per table with rows.

    Takes the texts and articles out of the batch's document rows (as pipeline.take_texts
    and take_parts do); the caller drops the batch's rows once this returns. An OSError (a
    full disk) propagates: the run fails and its staging folder is removed."""
    documents = extracted.documents
    tables = {**extracted.rows, TEXTS: pipeline.take_texts(documents),
              PARTS: pipeline.take_parts(documents)}
    out = StagedBatch(batch, documents, list(extracted.warnings))
    for table, rows in tables.items():
        out.rows[table] = len(rows)
        if rows:
            out.files.append(write_rows(batch_file(folder, table, batch), rows,
                                        table_columns(table)))
    return out


def write_rows(path: Path, rows: list[dict], columns: list[str]) -> Path:
    """Rows (dicts) as a Parquet file with exactly `columns` (a missing key is null)."""
    data = pa.table({col: pa.array([row.get(col) for row in rows]) for col in columns})
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(data, path)
    return path


def staged_files(folder: Path, table: str) -> list[Path]:
    """A table's staged files in batch order."""
    return sorted((Path(folder) / table).glob("batch-*.parquet"))


def _schema(files: list[Path], columns: list[str]) -> pa.Schema:
    """The files' types unified: int64 and double give double, a null column takes the
    other files' type, list<null> (only empty lists) takes list<string>."""
    schema = pa.unify_schemas([pq.read_schema(f) for f in files], promote_options="permissive")
    return pa.schema([schema.field(c) for c in columns])


def _read_file(path: Path) -> pa.Table:
    """One staged file whole: what pq.read_table gives, without its dataset layer (a
    staging file is one file, never a partitioned folder), at half the cost a file."""
    with pq.ParquetFile(path) as parquet:
        return parquet.read()


def read_table(folder: Path, table: str) -> pd.DataFrame:
    """A table's staged rows as one DataFrame, in batch order: the columns and dtypes
    `pd.DataFrame(rows, columns=table_columns(table))` gives (an empty table too)."""
    columns = table_columns(table)
    files = staged_files(folder, table)
    if not files:
        return pd.DataFrame([], columns=columns)
    schema = _schema(files, columns)
    data = pa.concat_tables([_read_file(f).cast(schema).select(columns) for f in files])
    frame = data.to_pandas()
    for col in columns:
        if pa.types.is_list(schema.field(col).type):  # numpy arrays back to lists
            frame[col] = [v.tolist() if v is not None else None for v in frame[col]]
    return frame


def remove(folder: Path) -> bool:
    """Remove a staging folder and everything in it; False when some of it stays (a file
    the process may not delete). No error when it is not there."""
    shutil.rmtree(folder, ignore_errors=True)
    return not os.path.lexists(folder)


# a run id (flows.etl.new_run_id: 20261205T101500123456Z): only a run's folder is removed
_RUN_ID = re.compile(r"\d{8}T\d{12}Z")


def stale_dirs(warehouse: Path, keep_run_id: str | None = None) -> list[Path]:
    """The staging folders of this warehouse's runs, but `keep_run_id`'s: what runs that
    were killed (kill -9, a power cut) left behind."""
    warehouse = Path(warehouse)
    prefix = f".{warehouse.name}."
    found = []
    if not warehouse.parent.is_dir():
        return found
    for path in warehouse.parent.iterdir():
        name = path.name
        if not (name.startswith(prefix) and name.endswith(SUFFIX)):
            continue
        run_id = name[len(prefix):-len(SUFFIX)]
        if run_id != keep_run_id and _RUN_ID.fullmatch(run_id) and path.is_dir() \
                and not path.is_symlink():
            found.append(path)
    return sorted(found)


def remove_stale(warehouse: Path, keep_run_id: str | None = None) -> list[Path]:
    """Remove the staging folders killed runs of this warehouse left; keep `keep_run_id`'s.
    Only the holder of the warehouse's run lock may call this (warehouse.run_lock): no other
    run of the warehouse is going on. Returns the folders removed."""
    return [path for path in stale_dirs(warehouse, keep_run_id) if remove(path)]
