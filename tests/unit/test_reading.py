"""Reading never raises: every bad file becomes a clear error (or a warning) with a reason."""
import os

import pytest

from kzwatch.reading import discover, read_document

RUSSIAN = "Суд приговорил бывшего акима области к семи годам лишения свободы за взятку."


def write(folder, name, data: bytes):
    path = folder / name
    path.write_bytes(data)
    return name


@pytest.mark.parametrize("name,data,status,reason", [
    ("empty.txt", b"", "error", "empty file"),
    ("blank.txt", b"  \n\n ", "error", "empty file"),
    ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "error", "PNG"),
    ("nul.txt", b"abc\x00\x01\x02" * 200, "error", "binary"),
    ("cp1251.txt", RUSSIAN.encode("cp1251"), "ok", None),
    ("utf16.txt", "\ufeff".encode("utf-16-le") + RUSSIAN.encode("utf-16-le"), "ok", None),
    ("half.txt", RUSSIAN.encode("utf-8")[:-2], "ok", "truncated"),
    ("Суд решение 2021.txt", RUSSIAN.encode("utf-8"), "ok", None),
])
def test_read_matrix(tmp_path, name, data, status, reason):
    write(tmp_path, name, data)
    result = read_document(tmp_path, name, max_bytes=10_000_000)
    assert result.status == status
    if reason:
        assert reason in result.reason
    if status == "ok":
        assert "приговорил" in result.text


def test_too_large_file_is_refused_without_reading(tmp_path):
    write(tmp_path, "big.txt", b"a" * 2048)
    result = read_document(tmp_path, "big.txt", max_bytes=1024)
    assert result.status == "error" and "too large" in result.reason


def test_symlink_outside_folder_is_refused(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("not yours")
    docs = tmp_path / "docs"
    docs.mkdir()
    os.symlink(outside, docs / "link.txt")
    assert discover(docs, ("*.txt",)) == ["link.txt"]
    result = read_document(docs, "link.txt", max_bytes=1000)
    assert result.status == "error" and "outside" in result.reason


def test_file_that_disappears_is_an_error_not_a_crash(tmp_path):
    write(tmp_path, "gone.txt", b"text")
    names = discover(tmp_path, ("*.txt",))
    (tmp_path / "gone.txt").unlink()
    result = read_document(tmp_path, names[0], max_bytes=1000)
    assert result.status == "error" and "disappeared" in result.reason


def test_discover_recurses_and_sorts(tmp_path):
    (tmp_path / "sub").mkdir()
    write(tmp_path, "b.txt", b"x")
    write(tmp_path / "sub", "a.txt", b"x")
    write(tmp_path, "c.pdf", b"x")
    assert discover(tmp_path, ("*.txt",)) == ["b.txt", "sub/a.txt"]
