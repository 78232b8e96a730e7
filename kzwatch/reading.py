"""Discover and read documents: bytes -> checksum -> text, never raising for a bad file.

A file that can't be used becomes a `ReadResult` with status "error" and a one-line reason;
the run records it in raw.documents and goes on.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

# control characters other than tab/newline/CR in more than this share of text => binary
_BINARY_SHARE = 0.01
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


def discover(folder: Path, patterns: tuple[str, ...]) -> list[str]:
    """Relative names of candidate documents, sorted (symlinks included: reading judges them)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"documents folder {folder} does not exist")
    names: set[str] = set()
    for pattern in patterns:
        for path in folder.rglob(pattern):
            if path.is_file() or path.is_symlink():
                names.add(path.relative_to(folder).as_posix())
    return sorted(names)


def checksum_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_document(folder: Path, source_name: str, max_bytes: int) -> ReadResult:
    folder = Path(folder).resolve()
    path = folder / source_name
    fail = lambda reason, **kw: ReadResult(source_name, "error", reason, **kw)  # noqa: E731
    try:
        real = path.resolve(strict=True)
    except (FileNotFoundError, RuntimeError) as exc:
        return fail(f"file disappeared or is a broken link before it could be read ({exc})")
    if not real.is_relative_to(folder):
        return fail(f"refused: link points outside the documents folder ({real})")
    try:
        size = os.stat(real).st_size
        if size > max_bytes:
            return fail(f"too large: {size} bytes > limit {max_bytes} "
                        "(set KZWATCH_MAX_DOCUMENT_BYTES)", size_bytes=size)
        data = real.read_bytes()
    except FileNotFoundError:
        return fail("file disappeared between discovery and reading")
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
    return ReadResult(source_name, "ok", problem, text=text, encoding=encoding, **kw)


def decode(data: bytes) -> tuple[str | None, str | None, str | None]:
    """(text, encoding, warning). UTF-8 (with or without BOM) and UTF-16 with BOM first, then a
    detected encoding (cp1251 Russian texts exist). A UTF-8 text cut inside a character (a
    half-written file) keeps what decodes and says so in the note."""
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
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        return None, None, "unknown text encoding"
    return str(best), best.encoding, None
