"""Discover and read documents: bytes -> checksum -> text, never raising for a bad file.

A file that can't be used becomes a `ReadResult` with status "error" and a one-line reason;
the run records it in raw.documents and goes on.

Formats: plain text (`.txt`, `.md`, `.text`); HTML (`.html`, `.htm`, and a `.txt`/`.text` whose
content is an HTML page), read to its main text with trafilatura; PDF (`.pdf`, or any file
that starts with `%PDF`), read page by page with pypdf; Word (`.docx`), its paragraphs and
tables in body order with python-docx. For these the extracted text is the document's text:
it is what raw.document_texts stores and what evidence is cut from.
"""
from __future__ import annotations

import fnmatch
import hashlib
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from charset_normalizer import from_bytes

# control characters other than tab/newline/CR in more than this share of text => binary
_BINARY_SHARE = 0.01
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f]")  # below 32: not tab, LF, FF, CR
# invalid sequences in less than this share of the bytes: stray bytes in a UTF-8 text
_STRAY_SHARE = 0.001
_MAGIC = {b"\x89PNG": "PNG image",
          b"PK\x03\x04": "ZIP/Office archive", b"\xff\xd8\xff": "JPEG image",
          b"GIF8": "GIF image", b"\x7fELF": "executable"}


@dataclass
class ReadResult:
    source_name: str          # path relative to the documents folder, with forward slashes
    status: str               # "ok" | "error"
    reason: str | None = None
    checksum: str | None = None
    size_bytes: int | None = None
    encoding: str | None = None
    text: str | None = None
    format: str | None = None        # "text" | "html" | "pdf" | "docx"
    extractor: str | None = None     # library and version that extracted the text (HTML, PDF)
    title: str | None = None
    published_on: str | None = None  # ISO date
    published_on_source: str | None = None
    site: str | None = None
    url: str | None = None
    pages: int | None = None         # PDF: pages read (the text has a form feed between pages)


@dataclass
class Discovery:
    names: list[str]                                     # candidate documents, sorted
    unreadable: dict[str, str] = field(default_factory=dict)  # sub-folder -> why not listed


class Refused(Exception):
    """A file that must not be opened; the message is the reason recorded for it."""


def escape_name(name: str) -> str:
    """A relative name as text: bytes that are not UTF-8 (Python keeps them as surrogates) are
    written as \\xNN, so the name can be logged, stored and shown."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _unescape(name: str) -> str:
    raw = re.sub(rb"\\x([0-9a-f]{2})", lambda m: bytes([int(m[1], 16)]), name.encode("utf-8"))
    return os.fsdecode(raw)


def discover_all(folder: Path, patterns: tuple[str, ...]) -> Discovery:
    """Every candidate document under `folder` (symlinks and special files included: reading
    judges them), and the sub-folders that could not be listed, with the reason."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"documents folder {folder} does not exist")
    try:
        os.listdir(folder)
    except OSError as exc:
        raise PermissionError(f"documents folder {folder} cannot be read: "
                              f"{exc.strerror or exc}") from None
    names: set[str] = set()
    unreadable: dict[str, str] = {}

    def failed(exc: OSError) -> None:
        rel = Path(exc.filename).relative_to(folder).as_posix() if exc.filename else "?"
        unreadable[escape_name(rel)] = exc.strerror or str(exc)

    for root, dirs, files in os.walk(folder, onerror=failed):
        base = Path(root)
        links = [d for d in dirs if (base / d).is_symlink()]  # not followed, but judged
        for entry in [*files, *links]:
            if any(fnmatch.fnmatchcase(entry, p) for p in patterns):
                names.add(escape_name((base / entry).relative_to(folder).as_posix()))
    return Discovery(sorted(names), dict(sorted(unreadable.items())))


def discover(folder: Path, patterns: tuple[str, ...]) -> list[str]:
    """Relative names of candidate documents, sorted (symlinks included: reading judges them)."""
    return discover_all(folder, patterns).names


def checksum_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_KINDS = {stat.S_ISDIR: "a directory", stat.S_ISFIFO: "a named pipe (FIFO)",
          stat.S_ISSOCK: "a socket", stat.S_ISCHR: "a character device",
          stat.S_ISBLK: "a block device"}


def _not_regular(mode: int) -> str:
    kind = next((k for test, k in _KINDS.items() if test(mode)), "not a plain file")
    return f"refused: not a regular file ({kind})"


def open_document(folder: Path, source_name: str) -> tuple[BinaryIO, int, str | None]:
    """Open a document for reading: (binary file, size, note about its name).

    Only a regular file inside the folder is opened, judged after symlinks are resolved, and
    the open never blocks (a FIFO would wait for a writer for ever). Raises Refused with the
    reason, FileNotFoundError for a vanished file or broken link, OSError when unreadable.
    """
    folder = Path(folder).resolve()
    path, note = folder / source_name, None
    if "\\x" in source_name and not os.path.lexists(path):
        raw = folder / _unescape(source_name)
        if os.path.lexists(raw):
            path, note = raw, ("file name is not valid UTF-8: recorded with \\xNN escapes "
                               "(rename the file to keep a readable name)")
    try:
        real = path.resolve(strict=True)
    except RuntimeError as exc:  # a symlink loop
        raise FileNotFoundError(f"symlink loop ({exc})") from None
    if not real.is_relative_to(folder):
        raise Refused(f"refused: link points outside the documents folder "
                      f"({escape_name(str(real))})")
    if not stat.S_ISREG(os.stat(real).st_mode):
        raise Refused(_not_regular(os.stat(real).st_mode))
    fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):  # swapped between the check and the open
            raise Refused(_not_regular(st.st_mode))
        return os.fdopen(fd, "rb"), st.st_size, note
    except BaseException:
        os.close(fd)
        raise


def read_document(folder: Path, source_name: str, max_bytes: int) -> ReadResult:
    fail = lambda reason, **kw: ReadResult(source_name, "error", reason, **kw)  # noqa: E731
    try:
        fh, size, note = open_document(folder, source_name)
    except Refused as exc:
        return fail(str(exc))
    except FileNotFoundError as exc:
        return fail(f"file disappeared or is a broken link before it could be read ({exc})")
    except OSError as exc:
        return fail(f"cannot read file: {exc.strerror or exc}")
    try:
        with fh:
            if size > max_bytes:
                return fail(f"too large: {size} bytes > limit {max_bytes} "
                            "(set KZWATCH_MAX_DOCUMENT_BYTES)", size_bytes=size)
            data = fh.read()
    except OSError as exc:
        return fail(f"cannot read file: {exc.strerror or exc}")
    checksum = checksum_of(data)
    kw = {"checksum": checksum, "size_bytes": len(data)}
    if not data.strip():
        return fail("empty file", **kw)
    suffix = PurePosixPath(source_name).suffix.lower()
    if suffix == ".pdf" or data[:1024].lstrip()[:5] == b"%PDF-":
        return _with_note(read_pdf(data, source_name, **kw), note)
    if suffix == ".docx" and data.startswith(b"PK\x03\x04"):
        return _with_note(read_docx(data, source_name, **kw), note)
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            return fail(f"binary content: {kind}", format=_FORMATS.get(suffix), **kw)
    text, encoding, problem = decode(data)
    if text is None:
        return fail(problem or "undecodable", format=_FORMATS.get(suffix), **kw)
    controls = len(text) - len(_CONTROLS.sub("", text))  # in C: a 5 MB text is 5 M chars
    if controls > _BINARY_SHARE * len(text):
        return fail("binary content: control characters in the text",
                    format=_FORMATS.get(suffix), **kw)
    if suffix in (".html", ".htm") or (suffix in (".txt", ".text") and looks_like_html(text)):
        result = read_html(text, source_name, encoding=encoding, **kw)
        return _with_note(result, note, problem)
    reason = "; ".join(filter(None, [note, problem])) or None
    return ReadResult(source_name, "ok", reason, text=text, encoding=encoding, format="text",
                      **kw)


_FORMATS = {".html": "html", ".htm": "html", ".pdf": "pdf", ".docx": "docx"}


def _with_note(result: ReadResult, *notes: str | None) -> ReadResult:
    """The result with notes about the file (its name, its bytes) before its own reason."""
    result.reason = "; ".join(filter(None, [*notes, result.reason])) or None
    return result


# --- HTML --------------------------------------------------------------------------------

_HTML_START = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)
_HTML_PARTS = re.compile(r"<(?:head|body)\b[^>]*>", re.I)
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*\b[^<>]*>")


def looks_like_html(text: str) -> bool:
    """A web page saved under a text name: it starts with <!DOCTYPE html> or <html>, or has a
    <head>/<body> tag near its start and is mostly markup. Plain text quoting a tag is not."""
    if _HTML_START.match(text[:4096]):
        return True
    head = text[:8192]
    return bool(_HTML_PARTS.search(head)) and len(_TAG.findall(head)) >= 10


# blocks of trafilatura's output tree: each is a paragraph of the text
_BLOCKS = frozenset({"head", "p", "quote", "list", "table", "code", "graphic"})


def _html_text(body) -> str:
    """trafilatura's main-content tree as text: one paragraph per block (blank line between),
    <br> kept as a line break, a list item or a table row per line, table cells by tabs."""
    paragraphs: list[str] = []

    def inline(el) -> str:
        parts = [el.text or ""]
        for child in el:
            parts.append("\n" if child.tag == "lb" else inline(child))
            parts.append(child.tail or "")
        return "".join(parts)

    def block(el) -> None:
        if el.tag == "list":
            items = [" ".join(inline(item).split()) for item in el.iter("item")]
            text = "\n".join(i for i in items if i)
        elif el.tag == "table":
            rows = ["\t".join(" ".join(inline(c).split()) for c in row.iter("cell"))
                    for row in el.iter("row")]
            text = "\n".join(r for r in rows if r.strip())
        elif any(child.tag in _BLOCKS for child in el):  # a <div>-like wrapper
            if (el.text or "").strip():
                paragraphs.append(el.text.strip())
            for child in el:
                block(child)
                if (child.tail or "").strip():
                    paragraphs.append(child.tail.strip())
            return
        else:
            lines = [" ".join(line.split()) for line in inline(el).split("\n")]
            text = "\n".join(line for line in lines if line)
        if text.strip():
            paragraphs.append(text)

    for el in body:
        block(el)
    return "\n\n".join(paragraphs) + "\n" if paragraphs else ""


_HEAD_END = re.compile(r"</head\s*>|<body\b", re.I)


def _date_source(html: str, date: str, url: str | None) -> str:
    """Where trafilatura (htmldate, markup only) found the date: the page's metadata (<head>,
    a <time> or JSON-LD element), its URL, or other markup."""
    head = html[:m.start()] if (m := _HEAD_END.search(html)) else ""
    if date in head or date.replace("-", "") in head:
        return "html metadata"
    if re.search(r"<time\b[^>]*datetime=[\"']?" + re.escape(date), html, re.I) or (
            '"datePublished"' in html and date in html):
        return "html metadata"
    y, m_, d = date.split("-")
    if url and re.search(rf"{y}[/-]?{m_}[/-]?{d}", url):
        return "html url"
    return "html markup"


def read_html(html: str, source_name: str, encoding: str | None = None,
              **kw) -> ReadResult:
    """An HTML page to its main text and metadata (trafilatura); an error result when the page
    has no main text or can't be parsed."""
    import trafilatura

    extractor = f"trafilatura {trafilatura.__version__}"
    fail = lambda reason: ReadResult(source_name, "error", reason, encoding=encoding,  # noqa: E731
                                     format="html", extractor=extractor, **kw)
    try:
        found = trafilatura.bare_extraction(
            html, with_metadata=True, include_tables=True, include_comments=False,
            include_images=False, include_links=False, output_format="python",
            # the page's metadata and markup only: a text heuristic takes "© 2021" for 1 January
            date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception as exc:  # noqa: BLE001 - a broken page is an error row, not a crash
        return fail(f"HTML could not be read: {type(exc).__name__}: {exc}")
    text = _html_text(found.body) if found is not None and found.body is not None else ""
    if not text.strip():
        return fail("HTML page with no main text found")
    date = found.date if found.date and re.fullmatch(r"\d{4}-\d\d-\d\d", found.date) else None
    return ReadResult(source_name, "ok", None, text=text, encoding=encoding, format="html",
                      extractor=extractor, title=found.title or None, published_on=date,
                      published_on_source=_date_source(html, date, found.url) if date else None,
                      site=found.sitename or found.hostname or None, url=found.url or None,
                      **kw)


# --- PDF ---------------------------------------------------------------------------------

PAGE_BREAK = "\n\f\n"  # between the pages of a PDF's text: a line holding a form feed


def read_pdf(data: bytes, source_name: str, **kw) -> ReadResult:
    """A PDF's text layer (pypdf), pages in order with a form-feed line between them (the page
    of an offset is 1 + the form feeds before it). Header, footer and page-number lines stay
    in this text; cleaning drops them. A PDF without text is an error ("no text layer")."""
    import io
    import logging

    import pypdf

    extractor = f"pypdf {pypdf.__version__}"
    fail = lambda reason, **more: ReadResult(source_name, "error", reason,  # noqa: E731
                                             format="pdf", extractor=extractor, **kw, **more)
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its repair notes are not the run's
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            return fail("encrypted PDF: needs a password")
        pages = [page.extract_text() or "" for page in reader.pages]
    except pypdf.errors.DependencyError as exc:  # AES encryption without `cryptography`
        return fail(f"encrypted PDF: cannot be decrypted here ({exc})"[:300])
    except Exception as exc:  # noqa: BLE001 - a broken file is an error row, not a crash
        return fail(f"broken PDF: {type(exc).__name__}: {exc}"[:300])
    if not pages:
        return fail("broken PDF: no pages")
    if not any(p.strip() for p in pages):
        return fail("no text layer; OCR not supported", pages=len(pages))
    pages = [p.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").strip("\n")
             for p in pages]
    text = PAGE_BREAK.join(pages) + "\n"
    meta = _pdf_metadata(reader)
    return ReadResult(source_name, "ok", None, text=text, format="pdf", extractor=extractor,
                      pages=len(pages), **meta, **kw)


# --- DOCX --------------------------------------------------------------------------------

def read_docx(data: bytes, source_name: str, **kw) -> ReadResult:
    """A Word document's text (python-docx): its paragraphs and tables in body order, a blank
    line between paragraphs, a table row per line with cells by tabs (as an HTML table is
    read); title and creation date from its core properties."""
    import io

    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    extractor = f"python-docx {_version('python-docx')}"
    fail = lambda reason: ReadResult(source_name, "error", reason,  # noqa: E731
                                     format="docx", extractor=extractor, **kw)
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = []
        for item in document.iter_inner_content():
            if isinstance(item, Paragraph):
                lines = [" ".join(line.split()) for line in item.text.split("\n")]
                blocks.append("\n".join(line for line in lines if line))
            elif isinstance(item, Table):
                rows = ["\t".join(" ".join(cell.text.split()) for cell in row.cells)
                        for row in item.rows]
                blocks.append("\n".join(r for r in rows if r.strip()))
        props = document.core_properties
        title, created = " ".join((props.title or "").split()), props.created
    except Exception as exc:  # noqa: BLE001 - a broken file is an error row, not a crash
        return fail(f"broken DOCX: {type(exc).__name__}: {exc}"[:300])
    text = "\n\n".join(b for b in blocks if b.strip())
    if not text.strip():
        return fail("DOCX with no text")
    meta = {"title": title or None}
    if created is not None:
        meta["published_on"] = created.date().isoformat()
        meta["published_on_source"] = "docx metadata (creation date)"
    return ReadResult(source_name, "ok", None, text=text + "\n", format="docx",
                      extractor=extractor, **meta, **kw)


def _version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "unknown"


def _pdf_metadata(reader) -> dict:
    """Title and creation date from the PDF's information dictionary, where present."""
    out: dict = {}
    try:
        info = reader.metadata
        if info is None:
            return out
        title = " ".join((info.title or "").split())
        if title:
            out["title"] = title
        created = info.creation_date
        if created is not None:
            out["published_on"] = created.date().isoformat()
            out["published_on_source"] = "pdf metadata (creation date)"
    except Exception:  # noqa: BLE001 - damaged metadata: the text still counts
        pass
    return out


def decode(data: bytes) -> tuple[str | None, str | None, str | None]:
    """(text, encoding, warning). UTF-8 (with or without BOM) and UTF-16 with BOM first, then a
    detected encoding (cp1251 Russian texts exist). A UTF-8 text cut inside a character (a
    half-written file) keeps what decodes and says so in the note. Text that is almost all
    valid UTF-8 (at least as many valid non-ASCII characters as invalid byte sequences, or
    invalid bytes under 0.1% of the file) is UTF-8: the bad bytes become U+FFFD and the note
    gives their count (a few stray bytes must not switch the whole file to a legacy code
    page, where every ’ would become ‚Äô)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", None
        except UnicodeDecodeError as exc:
            return None, None, f"broken UTF-16 text: {exc.reason}"
    try:
        return data.decode("utf-8-sig"), "utf-8", None
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason.startswith("unexpected end"):
            return (data[:exc.start].decode("utf-8-sig"), "utf-8",
                    "truncated: the file ends inside a UTF-8 character (half-written?)")
    if b"\x00" in data:
        return None, None, "binary content: NUL bytes"
    text = data.decode("utf-8-sig", errors="replace")
    replaced = text.count("\ufffd")
    bad = replaced - data.count("\ufffd".encode())
    valid_non_ascii = len(text) - len(text.encode("ascii", "ignore")) - replaced
    if 0 < bad and (bad <= valid_non_ascii or bad <= len(data) * _STRAY_SHARE):
        return text, "utf-8", (f"invalid UTF-8: {bad} bad byte sequence{'s' * (bad > 1)} "
                               "replaced with U+FFFD")
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        return None, None, "unknown text encoding"
    return str(best), best.encoding, None
