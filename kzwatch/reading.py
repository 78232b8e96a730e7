"""Discover and read documents: bytes -> checksum -> text, never raising for a bad file.

A file that can't be used becomes a `ReadResult` with status "error" and a one-line reason;
the run records it in raw.documents and goes on.
"""
from __future__ import annotations

import fnmatch
import hashlib
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes

# control characters other than tab/newline/CR in more than this share of text => binary
_BINARY_SHARE = 0.01
# invalid sequences in less than this share of the bytes: stray bytes in a UTF-8 text
_STRAY_SHARE = 0.001
_MAGIC = {b"\x89PNG": "PNG image", b"%PDF": "PDF file (extract its text first)",
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
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            return fail(f"binary content: {kind}", **kw)
    text, encoding, problem = decode(data)
    if text is None:
        return fail(problem or "undecodable", **kw)
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > _BINARY_SHARE * len(text):
        return fail("binary content: control characters in the text", **kw)
    reason = "; ".join(filter(None, [note, problem])) or None
    return ReadResult(source_name, "ok", reason, text=text, encoding=encoding, **kw)


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
