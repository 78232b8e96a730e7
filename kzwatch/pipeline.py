"""The pipeline's pure steps: fingerprint, plan, extract, assemble. No Prefect here.

flows/etl.py wraps these in batched tasks; tests call them directly.
"""
from __future__ import annotations

import hashlib
import logging
import multiprocessing
import signal
import threading
import time
from bisect import bisect_right
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import pandas as pd

from kzwatch.cleaning import clean
from kzwatch.document import Document
from kzwatch.extract import FAMILIES, reconcile, registry
from kzwatch.reading import ReadResult, Refused, open_document, read_document
from kzwatch.text.language import detect_language
from kzwatch.text.lexicon import squash
from kzwatch.text.parts import Part, split_articles
from kzwatch.text.structure import publication_date
from models.records import RECORD_MODELS, Record

log = logging.getLogger(__name__)
PACKAGE_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def parser_version() -> str:
    """Hash of the code that turns text into records (with the rule packs and word lists in
    kzwatch/**/*.yaml): a change re-extracts every document."""
    h = hashlib.sha256()
    for path in sorted([*PACKAGE_DIR.rglob("*.py"), *PACKAGE_DIR.rglob("*.yaml"),
                        *(PACKAGE_DIR.parent / "models").glob("*.py"),
                        *(PACKAGE_DIR.parent / "seeds" / "reference").glob("*.csv")]):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    h.update(_reader_versions().encode())  # a new HTML/PDF extractor reads documents anew
    return h.hexdigest()[:12]


def _reader_versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    out = []
    for package in ("trafilatura", "pypdf", "python-docx"):
        try:
            out.append(f"{package} {version(package)}")
        except PackageNotFoundError:
            out.append(f"{package} -")
    return "; ".join(out)


@dataclass
class Fingerprint:
    source_name: str
    checksum: str | None
    size_bytes: int | None
    error: str | None = None


def fingerprint(folder: Path, source_name: str, max_bytes: int) -> Fingerprint:
    """The cheap part of reading: size and sha256 of the bytes (what an unchanged file costs).
    Only regular files inside the folder are opened (reading.open_document): never a FIFO."""
    try:
        fh, size, _ = open_document(folder, source_name)
    except Refused as exc:
        return Fingerprint(source_name, None, None, str(exc))
    except FileNotFoundError:
        return Fingerprint(source_name, None, None,
                           "file disappeared between discovery and reading (or broken link)")
    except OSError as exc:
        return Fingerprint(source_name, None, None, f"cannot read file: {exc.strerror or exc}")
    with fh:
        if size > max_bytes:
            return Fingerprint(source_name, None, size, f"too large: {size} bytes > limit "
                               f"{max_bytes} (set KZWATCH_MAX_DOCUMENT_BYTES)")
        h = hashlib.sha256()
        try:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        except OSError as exc:
            return Fingerprint(source_name, None, None,
                               f"cannot read file: {exc.strerror or exc}")
        return Fingerprint(source_name, h.hexdigest(), size)


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
    # documents kept as they were because their sub-folder could not be listed this time
    unlisted: list[str] = field(default_factory=list)
    # unchanged documents that failed in an earlier run and still do: name -> reason
    still_failing: dict[str, str] = field(default_factory=dict)

    def summary(self) -> str:
        return (f"{len(self.new)} new, {len(self.changed)} changed, {len(self.removed)} removed, "
                f"{len(self.unchanged)} unchanged, {len(self.errors)} failed before reading, "
                f"{len(self.duplicates)} duplicates")

    def notes(self) -> list[str]:
        """What an operator must hear on every run, not only the first."""
        out = []
        if self.still_failing:
            n = len(self.still_failing)
            listed = [f"{k}: {v}" for k, v in list(self.still_failing.items())[:10]]
            more = f"; and {n - 10} more (see raw.documents)" if n > 10 else ""
            out.append(f"{n} document{'s' * (n > 1)} still failing (unchanged since an earlier "
                       "run): " + "; ".join(listed) + more)
        if self.unlisted:
            n = len(self.unlisted)
            out.append(f"{n} document{'s' * (n > 1)} kept from the last snapshot because "
                       "their folder could not be read: " + ", ".join(self.unlisted))
        return out


class MassRemoval(RuntimeError):
    """The plan removes more documents than the guard allows (empty or unmounted folder?)."""


def check_removals(plan: Plan, previous: pd.DataFrame, max_share: float, allow: bool) -> None:
    """Refuse a plan that removes more than `max_share` of the published documents."""
    known = len(set(previous["source_name"])) if len(previous) else 0
    if allow or not known or len(plan.removed) <= max_share * known:
        return
    raise MassRemoval(
        f"refusing to remove {len(plan.removed)} of {known} documents "
        f"({100 * len(plan.removed) / known:.0f}% > {100 * max_share:.0f}%): is the documents "
        "folder empty or not mounted? Pass --allow-mass-removal (KZWATCH_ALLOW_MASS_REMOVAL=1) "
        "to remove them")


def _same(a, b) -> bool:
    """Equal, or both missing (None from Python, NaN/None from a DataFrame)."""
    missing = lambda v: v is None or (isinstance(v, float) and v != v)  # noqa: E731
    return a == b or (missing(a) and missing(b))


def _under(name: str, folders) -> bool:
    return any(name.startswith(f"{d.rstrip('/')}/") for d in folders)


def make_plan(prints: list[Fingerprint], previous: pd.DataFrame, version: str,
              unreadable_dirs=()) -> Plan:
    """Compare this run's fingerprints with the previous snapshot's raw.documents.

    Documents under a sub-folder that could not be listed (`unreadable_dirs`) are not removed:
    they keep their previous rows and the plan says so (`unlisted`)."""
    plan = Plan()
    prev = {r.source_name: r for r in previous.itertuples(index=False)} if len(previous) else {}
    seen = {fp.source_name for fp in prints}
    gone = sorted(set(prev) - seen)
    plan.unlisted = [n for n in gone if _under(n, unreadable_dirs)]
    plan.removed = [n for n in gone if n not in plan.unlisted]
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
        elif not _same(old.checksum, fp.checksum) or (old.status == "loaded"
                                                      and old.parser_version != version):
            plan.changed.append(name)
        if fp.error:
            plan.errors[name] = fp.error
            if old is not None and old.status == "error" and _same(old.checksum, fp.checksum):
                plan.still_failing[name] = fp.error
            continue
        if fp.checksum in primary_of:
            plan.duplicates[name] = primary_of[fp.checksum]
            continue
        primary_of[fp.checksum] = name
        if (old is not None and old.checksum == fp.checksum and old.status in ("loaded", "error")
                and (old.parser_version == version or (old.status == "error"
                                                       and not _retry_error(old)))):
            plan.unchanged.append(name)
            if old.status == "error":
                plan.still_failing[name] = getattr(old, "reason", None) or "error"
        else:
            plan.extract.append(name)
    for name in plan.unlisted:
        plan.unchanged.append(name)
    plan.new.sort()
    plan.changed.sort()
    plan.unchanged.sort()
    return plan


_PARSER_ERRORS = ("timeout", "extraction failed", "extraction process died")


def _retry_error(old) -> bool:
    """An error that new parser code may cure (a timeout, a crash) is retried when the code
    changes; one that is about the bytes (empty, binary, too large) is not."""
    return str(getattr(old, "reason", None) or "").startswith(_PARSER_ERRORS)


def record_id(checksum: str, table: str, key: tuple) -> str:
    raw = "\x1f".join([checksum, table, *("" if v is None else str(v) for v in key)])
    return hashlib.sha256(raw.encode()).hexdigest()[:20]


TEXT_KEY = "_text"  # a document row's text, on its way to raw.document_texts
PARTS_KEY = "_parts"  # a listing page's articles, on their way to raw.document_parts
PART_COLUMNS = ["source_name", "document_id", "part_no", "start", "end", "title",
                "published_on", "published_on_source"]


def take_texts(doc_rows: list[dict]) -> list[dict]:
    """raw.document_texts rows, taken out of the document rows that carry a text."""
    return [{"source_name": row["source_name"], "document_id": row.get("document_id"),
             "text": row.pop(TEXT_KEY)} for row in doc_rows if TEXT_KEY in row]


def take_parts(doc_rows: list[dict]) -> list[dict]:
    """raw.document_parts rows, taken out of the document rows of listing pages."""
    return [part for row in doc_rows for part in row.pop(PARTS_KEY, [])]


@dataclass
class ExtractedBatch:
    documents: list[dict]                 # raw.documents rows for the batch
    rows: dict[str, list[dict]]           # table -> record dicts (with record/document ids)
    warnings: list[str]


def extract_documents(folder: Path, names: list[str], max_bytes: int, run_id: str,
                      timeout: float | None = None) -> ExtractedBatch:
    """Read, clean and run every extractor on a batch of documents; never raises per file.

    With a `timeout` (seconds per document), each document is read and extracted in a child
    process (BudgetedWorker) that is killed when the budget is spent: the document becomes an
    error row whose reason starts with "timeout" and the batch goes on with a fresh child.
    """
    version = parser_version()
    out = ExtractedBatch([], {t: [] for t in RECORD_MODELS}, [])

    def add(result: tuple[dict, dict[str, list[dict]], list[str]]) -> None:
        doc_row, rows, warnings = result
        out.documents.append(doc_row)
        out.warnings.extend(warnings)
        for table, recs in rows.items():
            out.rows[table].extend(recs)

    if timeout and multiprocessing.current_process().daemon:
        # a daemon process (a Dask worker with distributed.worker.daemon left on) may not
        # start the child processes a budget needs: read in-process, without one
        log.warning("no per-document time budget in a daemon process (a Dask worker? set "
                    "distributed.worker.daemon: false): documents are read without one")
        timeout = None
    if not timeout:
        for name in names:
            add(extract_one(folder, name, max_bytes, run_id, version))
        return out
    with WORKERS.lease() as worker:
        jobs = [(folder, name, max_bytes, run_id, version) for name in names]
        for name, (result, failure) in zip(names, worker.map(extract_one, jobs, timeout),
                                           strict=True):
            if failure is None:
                add(result)
            elif isinstance(failure, DocumentTimeout):
                add(_failed_result(folder, name, max_bytes, run_id, version, (
                    f"timeout: reading, cleaning and extracting took longer than {timeout:g} s "
                    "(KZWATCH_DOCUMENT_TIMEOUT_SECONDS); no records loaded")))
            else:
                add(_failed_result(folder, name, max_bytes, run_id, version, str(failure)))
    return out


def _failed_result(folder: Path, name: str, max_bytes: int, run_id: str, version: str,
                   reason: str) -> tuple[dict, dict, list[str]]:
    log.warning("%s: %s", name, reason)
    row = error_row(name, reason, fingerprint(folder, name, max_bytes), version, run_id)
    return row, {}, [f"{name}: {reason}"]


def supported_language(lang: str) -> bool:
    """English (the extractors' own) and undetermined text are read; another language only
    when a rule pack exists for it in kzwatch/rules/<lang>/."""
    if lang in ("en", "und"):
        return True
    try:
        from kzwatch.rules import has_pack
    except ImportError:
        return False
    return has_pack(lang)


def extract_one(folder: Path, name: str, max_bytes: int, run_id: str,
                version: str) -> tuple[dict, dict[str, list[dict]], list[str]]:
    """One document: (raw.documents row, rows per table, warnings). Never raises for the file."""
    read = read_document(folder, name, max_bytes)
    doc_row = _document_row(read, version, run_id)
    warnings: list[str] = []
    rows: dict[str, list[dict]] = {}
    if read.status != "ok":
        return doc_row, rows, [f"{name}: {read.reason}"]
    doc_row[TEXT_KEY] = read.text  # for raw.document_texts; the flow takes it out of the row
    if read.reason:
        warnings.append(f"{name}: {read.reason}")
    lang = doc_row["language"] = detect_language(read.text)
    if not supported_language(lang):
        msg = f"language {lang}: no rule pack; no records extracted"
        log.warning("%s: %s", name, msg)
        warnings.append(f"{name}: {msg}")
        doc_row["reason"] = "; ".join(filter(None, [doc_row["reason"], msg]))
        return doc_row, rows, warnings
    if not doc_row.get("published_on"):
        stated = publication_date(read.text)
        if stated is not None:
            doc_row["published_on"] = stated.isoformat()
            doc_row["published_on_source"] = "dateline"
    doc = clean(read.text, name, read.checksum, published_on=_anchor(doc_row))
    found = extract_document(doc)
    for failure in found.failures:
        log.warning("%s: %s", name, failure)
        warnings.append(f"{name}: {failure}")
        doc_row["reason"] = "; ".join(filter(None, [doc_row["reason"], failure]))
    if found.parts:
        doc_row[PARTS_KEY] = [_part_row(p, doc, doc_row) for p in found.parts]
    squashed = squash(read.text)
    for table, records in found.records.items():
        rows.setdefault(table, []).extend(
            _rows(records, table, doc_row["document_id"], read.checksum, squashed))
    return doc_row, rows, warnings


@dataclass
class Extraction:
    records: dict[str, list[Record]]  # per table, reconciled across families
    parts: list[Part]                 # the articles of a listing page; [] for one article
    failures: list[str]               # extractors that raised, with their errors


def extract_document(doc: Document, extractors: dict | None = None) -> Extraction:
    """Every family's records of a cleaned document, each with the article of a listing page
    it was read from (by where its evidence starts). One extractor's bug is a failure in the
    result, not an exception.

    A listing whose articles carry their own date lines is read article by article, each a
    document dated by its line (a relative date in article 3 counts from article 3's date),
    with the page's text around them (masthead, ticker, foot) as one more. An undated listing
    is read whole: its articles share the page's date, and a person followed from one article
    to the next keeps one numbering of their cases."""
    parts = split_articles(doc.original)
    segments = _segments(doc, parts) if any(p.published_on for p in parts) else [doc]
    found: dict[str, list[Record]] = {}
    failures = []
    for table, extract in (extractors or registry()).items():
        try:
            found[table] = [rec for segment in segments for rec in extract(segment)]
        except Exception as exc:  # noqa: BLE001 - one extractor's bug must not stop the run
            failures.append(f"{table} extractor failed: {type(exc).__name__}: {exc}")
    starts = [p.start for p in parts]
    for records in found.values():
        for rec in records:
            k = bisect_right(starts, rec.evidence_start) - 1
            rec.part_no = parts[k].part_no if k >= 0 and rec.evidence_start < parts[k].end \
                else None
    return Extraction(reconcile(found), parts, failures)


def _segments(doc: Document, parts: list[Part]) -> list[Document]:
    ends = [p.start for p in parts[1:]] + [len(doc.original)]
    pieces = [doc.part(0, parts[0].start)]  # the page's head: masthead, ticker, intro
    for part, next_start in zip(parts, ends, strict=True):
        pieces.append(doc.part(part.start, part.end, part.published_on))
        pieces.append(doc.part(part.end, next_start))  # between articles, and the foot
    return [piece for piece in pieces if piece.text.strip()]


def _part_row(part: Part, doc: Document, doc_row: dict) -> dict:
    day = part.published_on or doc.published_on
    return {"source_name": doc.source_name, "document_id": doc_row["document_id"],
            "part_no": part.part_no, "start": part.start, "end": part.end,
            "title": part.title, "published_on": day.isoformat() if day else None,
            "published_on_source": "date line" if part.published_on
            else doc_row.get("published_on_source")}


# where a stated publication date may anchor relative dates (raw.documents.published_on_source)
_ANCHOR_SOURCES = ("html metadata", "html url", "dateline")


def _anchor(doc_row: dict) -> date | None:
    """The day relative dates count from when the text states none: the publication date a
    page's metadata or URL, or the text's dateline, gives. Recorded but no anchor: a date
    found elsewhere in a page's markup (any date in its body may be it), and a file's creation
    date (PDF, DOCX), which is when the file was made, often long after the writing (a page
    printed to PDF when downloaded) or before it (the date of a Word template)."""
    day = doc_row.get("published_on")
    if not day or doc_row.get("published_on_source") not in _ANCHOR_SOURCES:
        return None
    try:
        return date.fromisoformat(day)
    except ValueError:
        return None


class DocumentTimeout(Exception):
    """A call ran past its time budget; its process was killed."""


class WorkerFailed(Exception):
    """The child process died (out of memory, a crash) or the call raised."""


def _serve(conn) -> None:
    """The child's loop: run (function, args) jobs and send back (ok, value) until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    # warnings travel back with the result and the parent logs them (to the Prefect run log)
    logging.getLogger().addHandler(logging.NullHandler())
    import kzwatch.warmup  # noqa: F401 - rule packs loaded before the first budget starts
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if job is None:
            return
        fn, args = job
        try:
            conn.send((True, fn(*args)))
        except Exception as exc:  # noqa: BLE001 - reported to the parent, which goes on
            conn.send((False, f"{type(exc).__name__}: {exc}"))


def start_extraction_server():
    """The fork server extraction processes start from, started now if it is not running.

    It imports kzwatch.pipeline and the extractors once (about a second of imports and regex
    compiling) and runs them once (kzwatch.warmup), so each child forked from it starts with
    them loaded and their rule packs built. Starting it early (the CLI does, before the
    Prefect server) lets that work overlap other start-up work."""
    import multiprocessing.forkserver

    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["kzwatch.pipeline", *sorted(FAMILIES.values()), "kzwatch.warmup"])
    multiprocessing.forkserver.ensure_running()
    return ctx


class BudgetedWorker:
    """A child process that runs one call at a time under a wall-clock budget.

    A budget has to stop anything: a Python loop, a regex backtracking inside the C engine,
    a pathological allocation. Signals (SIGALRM) work only in a process's main thread, which a
    Prefect task does not always have; threads can't be stopped. A process can be killed, so
    the call runs in one, started from multiprocessing's fork server (a clean single-threaded
    parent with kzwatch.pipeline and the extractors already imported, so a start costs
    milliseconds), reused for
    every document of a batch and replaced after a kill.
    """

    START_TIMEOUT = 120.0

    def __init__(self) -> None:
        self._proc = None
        self._conn = None
        self.documents = 0  # calls answered by its children, all told

    @property
    def alive(self) -> bool:
        return self._proc is not None and self._proc.is_alive()

    def __enter__(self) -> BudgetedWorker:
        return self

    def __exit__(self, exc_type, *_) -> None:
        self.close(kill=exc_type is not None)  # Ctrl-C mid-document: don't wait for it

    def _start(self) -> None:
        ctx = start_extraction_server()
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_serve, args=(child,), name="kzwatch-extract", daemon=True)
        proc.start()
        child.close()
        if not parent.poll(self.START_TIMEOUT):
            proc.kill()
            proc.join()
            raise RuntimeError(f"extraction process did not start in {self.START_TIMEOUT:g} s")
        parent.recv()
        self._proc, self._conn = proc, parent

    def call(self, fn, args: tuple, timeout: float):
        """fn(*args) in the child; DocumentTimeout after `timeout` seconds (the child is killed),
        WorkerFailed when the child dies or the call raises."""
        (value, failure), = self.map(fn, [args], timeout)
        if failure is not None:
            raise failure
        return value

    AHEAD = 1  # jobs waiting in the child's pipe behind the one it runs

    def map(self, fn, jobs: list[tuple], timeout: float):
        """fn(*args) for each of `jobs` in turn, each under `timeout` seconds: yields, in order,
        (result, None) or (None, DocumentTimeout | WorkerFailed) per job. The next job already
        waits in the child's pipe while one runs, so the child goes straight on to it instead
        of idling until the parent has taken the result and sent another (a few tenths of a
        millisecond a document, more when the parent shares a busy core). A job's budget
        counts from the previous result, which is when the child took the job up; the jobs
        queued behind one that kills the child never started, and go again to a fresh child."""
        sent = done = 0  # jobs[:sent] were sent to the child; jobs[:done] have an outcome
        started = 0.0    # when the child took up jobs[done]
        while done < len(jobs):
            if sent == done:  # nothing in the child: (re)start it if need be
                if self._proc is None or not self._proc.is_alive():
                    self.close()
                    self._start()
                started = time.monotonic()
            while sent < len(jobs) and sent - done <= self.AHEAD:
                self._conn.send((fn, jobs[sent]))
                sent += 1
            left = timeout - (time.monotonic() - started)
            if not self._conn.poll(max(left, 0.0)):
                self.close(kill=True)
                sent = done = done + 1
                yield None, DocumentTimeout(f"no result after {timeout:g} s")
                continue
            try:
                ok, value = self._conn.recv()
            except (EOFError, OSError):
                sent = done = done + 1
                yield None, WorkerFailed(self._died())
                continue
            started = time.monotonic()
            done += 1
            self.documents += 1
            yield (value, None) if ok else (None, WorkerFailed(f"extraction failed: {value}"))

    def _died(self) -> str:
        """Close a child that died mid-call (reaped, so its exit code is known): the reason."""
        proc = self._proc
        self.close(kill=True)
        code = proc.exitcode if proc else None
        return f"extraction process died (exit code {code}); no records loaded"

    def close(self, kill: bool = False) -> None:
        proc, conn, self._proc, self._conn = self._proc, self._conn, None, None
        if proc is None:
            return
        if not kill:
            try:
                conn.send(None)
            except OSError:
                pass
            proc.join(5)
        if proc.is_alive():
            proc.kill()
        proc.join()
        conn.close()


class WorkerPool:
    """Extraction processes kept from one batch to the next: a batch leases one (a fresh one
    when none is idle) and gives it back when it ends, so a run forks a process per thread,
    not per batch, and its first document finds the process's caches warm (about 15 ms a
    batch). A process that failed its batch, died or has read `RETIRE_AFTER` documents is
    closed instead (what a long-lived process may accumulate stays bounded). `close` ends
    the idle ones: a run calls it when its batches are done; a process whose parent is gone
    ends by itself (its pipe closes)."""

    RETIRE_AFTER = 2000

    def __init__(self) -> None:
        self._idle: list[BudgetedWorker] = []
        self._lock = threading.Lock()

    @contextmanager
    def lease(self):
        with self._lock:
            worker = self._idle.pop() if self._idle else BudgetedWorker()
        try:
            yield worker
        except BaseException:  # Ctrl-C mid-document, a bug: don't wait for the child
            worker.close(kill=True)
            raise
        if worker.alive and worker.documents < self.RETIRE_AFTER:
            with self._lock:
                self._idle.append(worker)
        else:
            worker.close()

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for worker in idle:
            worker.close()


WORKERS = WorkerPool()  # this process's extraction processes between batches


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
            "size_bytes": None, "encoding": None, "n_chars": None, "language": None,
            "format": None, "extractor": None, "title": None, "published_on": None,
            "published_on_source": None, "site": None, "url": None, "pages": None,
            "parser_version": version,
            "loaded_run_id": run_id, **fields}


def _document_row(read: ReadResult, version: str, run_id: str) -> dict:
    return _row(read.source_name, read.checksum, "loaded" if read.status == "ok" else "error",
                version, run_id, reason=read.reason, size_bytes=read.size_bytes,
                encoding=read.encoding, n_chars=len(read.text) if read.text else None,
                **{k: getattr(read, k) for k in _READ_METADATA})


# what a reader found about a document besides its text (raw.documents columns)
_READ_METADATA = ("format", "extractor", "title", "published_on", "published_on_source",
                  "site", "url", "pages")


def error_row(source_name: str, reason: str, fp: Fingerprint | None, version: str,
              run_id: str) -> dict:
    return _row(source_name, fp.checksum if fp else None, "error", version, run_id,
                reason=reason, size_bytes=fp.size_bytes if fp else None)


def duplicate_row(source_name: str, primary: str, fp: Fingerprint, version: str,
                  run_id: str) -> dict:
    return _row(source_name, fp.checksum, "duplicate", version, run_id,
                reason=f"same content as {primary}: loaded once", duplicate_of=primary,
                size_bytes=fp.size_bytes)
