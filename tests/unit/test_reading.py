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


ENGLISH = ("The court’s verdict — handed down on Friday — was “final”, the judge’s office "
           "said. ") * 40


def test_a_few_bad_bytes_in_english_utf8_stay_utf8_with_a_counted_warning(tmp_path):
    data = bytearray(ENGLISH.encode("utf-8"))
    for pos in (100, 900, 1700, 2500):  # four stray bytes, each on an ASCII letter
        data[pos] = 0xFF
    write(tmp_path, "stray.txt", bytes(data))
    result = read_document(tmp_path, "stray.txt", max_bytes=10_000_000)
    assert result.status == "ok" and result.encoding == "utf-8"
    assert "4 bad byte sequences replaced with U+FFFD" in result.reason
    assert "court’s" in result.text and "‚Äô" not in result.text
    assert result.text.count("\ufffd") == 4


def test_one_bad_byte_in_russian_utf8_does_not_reject_the_document(tmp_path):
    data = (RUSSIAN * 3).encode("utf-8")
    at = data.index(b" ") + 1  # between two characters
    write(tmp_path, "ru.txt", data[:at] + b"\xff" + data[at:])
    result = read_document(tmp_path, "ru.txt", max_bytes=10_000_000)
    assert result.status == "ok" and result.encoding == "utf-8"
    assert "1 bad byte sequence replaced" in result.reason
    assert result.text.count("приговорил") == 3


def test_legacy_code_pages_are_still_detected_not_taken_for_broken_utf8(tmp_path):
    write(tmp_path, "cp1251.txt", (RUSSIAN * 3).encode("cp1251"))
    result = read_document(tmp_path, "cp1251.txt", max_bytes=10_000_000)
    assert result.status == "ok" and result.encoding == "cp1251" and result.reason is None


def test_a_name_that_is_not_utf8_is_listed_escaped_and_read(tmp_path):
    (tmp_path / os.fsdecode(b"bad\xffname.txt")).write_bytes(RUSSIAN.encode("utf-8"))
    names = discover(tmp_path, ("*.txt",))
    assert names == ["bad\\xffname.txt"]
    result = read_document(tmp_path, names[0], max_bytes=1000)
    assert result.status == "ok" and "not valid UTF-8" in result.reason
    assert "приговорил" in result.text


def test_stray_bytes_in_plain_ascii_text_are_replaced_not_taken_for_a_code_page(tmp_path):
    data = bytearray(("The court in Almaty sentenced the former akim. " * 200).encode())
    data[1000] = 0xFF
    data[5000] = 0x9D
    write(tmp_path, "ascii.txt", bytes(data))
    result = read_document(tmp_path, "ascii.txt", max_bytes=10_000_000)
    assert result.encoding == "utf-8" and "2 bad byte sequences" in result.reason
