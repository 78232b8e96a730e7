"""The pipeline's pure steps: fingerprint, plan, extract, assemble. No Prefect here.

flows/etl.py wraps these in batched tasks; tests call them directly.
"""
from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from kzwatch.cleaning import clean
from kzwatch.extract import reconcile, registry
from kzwatch.reading import ReadResult, read_document
from kzwatch.validate import squash
from models.records import RECORD_MODELS, Record

log = logging.getLogger(__name__)
PACKAGE_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def parser_version() -> str:
    """Hash of the code that turns text into records: a change re-extracts every document."""
    h = hashlib.sha256()
    for path in sorted([*PACKAGE_DIR.rglob("*.py"), *(PACKAGE_DIR.parent / "models").glob("*.py"),
                        *(PACKAGE_DIR.parent / "seeds" / "reference").glob("*.csv")]):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


@dataclass
class Fingerprint:
    source_name: str
    checksum: str | None
    size_bytes: int | None
    error: str | None = None


def fingerprint(folder: Path, source_name: str, max_bytes: int) -> Fingerprint:
    """The cheap part of reading: size and sha256 of the bytes (what an unchanged file costs)."""
    folder = Path(folder).resolve()
    try:
        real = (folder / source_name).resolve(strict=True)
        if not real.is_relative_to(folder):
            return Fingerprint(source_name, None, None,
                               f"refused: link points outside the documents folder ({real})")
        size = os.stat(real).st_size
        if size > max_bytes:
            return Fingerprint(source_name, None, size, f"too large: {size} bytes > limit "
                               f"{max_bytes} (set KZWATCH_MAX_DOCUMENT_BYTES)")
        h = hashlib.sha256()
        with real.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        return Fingerprint(source_name, h.hexdigest(), size)
    except (FileNotFoundError, RuntimeError):
        return Fingerprint(source_name, None, None,
                           "file disappeared between discovery and reading (or broken link)")
    except OSError as exc:
        return Fingerprint(source_name, None, None, f"cannot read file: {exc.strerror or exc}")


@dataclass
class Plan:
    """What this run does with each file, decided from fingerprints and the last snapshot."""
    extract: list[str] = field(default_factory=list)        # read, clean, extract, validate
    unchanged: list[str] = field(default_factory=list)      # keep previous rows
    duplicates: dict[str, str] = field(default_factory=dict)  # name -> name whose rows count
    errors: dict[str, str] = field(default_factory=dict)    # name -> reason (known before reading)
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{len(self.new)} new, {len(self.changed)} changed, {len(self.removed)} removed, "
                f"{len(self.unchanged)} unchanged, {len(self.errors)} failed before reading, "
                f"{len(self.duplicates)} duplicates")


def make_plan(prints: list[Fingerprint], previous: pd.DataFrame, version: str) -> Plan:
    """Compare this run's fingerprints with the previous snapshot's raw.documents."""
    plan = Plan()
    prev = {r.source_name: r for r in previous.itertuples(index=False)} if len(previous) else {}
    seen = {fp.source_name for fp in prints}
    plan.removed = sorted(set(prev) - seen)
    primary_of: dict[str, str] = {}
    # a file whose content is already loaded under its own name stays the primary copy
    ordered = sorted(prints, key=lambda fp: (
        not (fp.source_name in prev and prev[fp.source_name].checksum == fp.checksum
             and prev[fp.source_name].status == "loaded"), fp.source_name))
    for fp in ordered:
        name = fp.source_name
        old = prev.get(name)
        if old is None:
            plan.new.append(name)
        elif old.checksum != fp.checksum or (old.status == "loaded"
                                             and old.parser_version != version):
            plan.changed.append(name)
        if fp.error:
            plan.errors[name] = fp.error
            continue
        if fp.checksum in primary_of:
            plan.duplicates[name] = primary_of[fp.checksum]
            continue
        primary_of[fp.checksum] = name
        if (old is not None and old.checksum == fp.checksum and old.status in ("loaded", "error")
                and (old.status == "error" or old.parser_version == version)):
            plan.unchanged.append(name)
        else:
            plan.extract.append(name)
    plan.new.sort()
    plan.changed.sort()
    return plan


def record_id(checksum: str, table: str, key: tuple) -> str:
    raw = "\x1f".join([checksum, table, *("" if v is None else str(v) for v in key)])
    return hashlib.sha256(raw.encode()).hexdigest()[:20]


@dataclass
class ExtractedBatch:
    documents: list[dict]                 # raw.documents rows for the batch
    rows: dict[str, list[dict]]           # table -> record dicts (with record/document ids)
    warnings: list[str]


def extract_documents(folder: Path, names: list[str], max_bytes: int,
                      run_id: str) -> ExtractedBatch:
    """Read, clean and run every extractor on a batch of documents; never raises per file."""
    version = parser_version()
    extractors = registry()
    out = ExtractedBatch([], {t: [] for t in RECORD_MODELS}, [])
    for name in names:
        read = read_document(folder, name, max_bytes)
        doc_row = _document_row(read, version, run_id)
        out.documents.append(doc_row)
        if read.status != "ok":
            out.warnings.append(f"{name}: {read.reason}")
            continue
        if read.reason:
            out.warnings.append(f"{name}: {read.reason}")
        doc = clean(read.text, name, read.checksum)
        squashed = squash(read.text)
        found: dict[str, list[Record]] = {}
        for table, extract in extractors.items():
            try:
                found[table] = extract(doc)
            except Exception as exc:  # noqa: BLE001 - one extractor's bug must not stop the run
                msg = f"{table} extractor failed: {type(exc).__name__}: {exc}"
                log.warning("%s: %s", name, msg)
                out.warnings.append(f"{name}: {msg}")
                doc_row["reason"] = "; ".join(filter(None, [doc_row["reason"], msg]))
        for table, records in reconcile(found).items():
            out.rows[table].extend(_rows(records, table, doc_row["document_id"], read.checksum,
                                         squashed))
    return out


def _rows(records: list[Record], table: str, document_id: str, checksum: str,
          squashed_text: str) -> list[dict]:
    rows, seen = [], {}
    for rec in records:
        row = {k: _single_spaced(v) if k != "evidence" else v
               for k, v in rec.model_dump().items()}
        key = tuple(row.get(k) for k in rec.natural_key)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:  # same natural key twice in one document: keep both, ids distinct
            key = (*key, seen[key])
        row["record_id"] = record_id(checksum, table, key)
        row["document_id"] = document_id
        row["_evidence_grounded"] = (bool(row["evidence"])
                                     and squash(row["evidence"]) in squashed_text)
        rows.append(row)
    return rows


def _single_spaced(value):
    """Names and texts joined from wrapped lines read as one line ("Kairat\nSatybaldy")."""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list):
        return [_single_spaced(v) for v in value]
    return value


def _row(source_name: str, checksum: str | None, status: str, version: str, run_id: str,
         **fields) -> dict:
    """One raw.documents row; the one place its columns are spelled out."""
    return {"source_name": source_name, "document_id": checksum[:16] if checksum else None,
            "checksum": checksum, "status": status, "reason": None, "duplicate_of": None,
            "size_bytes": None, "encoding": None, "n_chars": None, "parser_version": version,
            "loaded_run_id": run_id, **fields}


def _document_row(read: ReadResult, version: str, run_id: str) -> dict:
    return _row(read.source_name, read.checksum, "loaded" if read.status == "ok" else "error",
                version, run_id, reason=read.reason, size_bytes=read.size_bytes,
                encoding=read.encoding, n_chars=len(read.text) if read.text else None)


def error_row(source_name: str, reason: str, fp: Fingerprint | None, version: str,
              run_id: str) -> dict:
    return _row(source_name, fp.checksum if fp else None, "error", version, run_id,
                reason=reason, size_bytes=fp.size_bytes if fp else None)


def duplicate_row(source_name: str, primary: str, fp: Fingerprint, version: str,
                  run_id: str) -> dict:
    return _row(source_name, fp.checksum, "duplicate", version, run_id,
                reason=f"same content as {primary}: loaded once", duplicate_of=primary,
                size_bytes=fp.size_bytes)
