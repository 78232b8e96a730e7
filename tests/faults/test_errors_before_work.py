"""Errors found before any work (issue 10 item 11a-b): one line, exit status 2, in seconds."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from tests.faults.common import run_cli, small_corpus


def read_only_folder() -> Path:
    """A folder this process can't create files in: root writes anywhere it has the mode bits
    for, so as root a folder of a read-only file system (sysfs) stands in."""
    if os.geteuid() != 0:
        path = Path(tempfile.mkdtemp(prefix="kzwatch-ro-"))
        path.chmod(0o555)
        return path
    for candidate in (Path("/sys"), Path("/proc/sys")):
        try:
            with tempfile.TemporaryFile(dir=candidate):
                continue
        except OSError:
            return candidate
    pytest.skip("no read-only folder available to root here")


def test_a_missing_documents_folder_is_one_line_and_exit_2_before_prefect(tmp_path):
    res, seconds = run_cli(["--documents", str(tmp_path / "nonexistent"),
                            "--warehouse", str(tmp_path / "kz.duckdb")], timeout=120)
    assert res.returncode == 2
    assert res.stderr.splitlines() == [
        f"kzwatch: documents folder {tmp_path / 'nonexistent'} does not exist"]
    assert res.stdout == "" and seconds < 15
    assert not (tmp_path / "kz.duckdb").exists()


def test_a_read_only_warehouse_folder_is_found_before_extraction(tmp_path):
    docs = small_corpus(tmp_path / "docs")
    wh = read_only_folder() / "kzwatch-test.duckdb"
    res, seconds = run_cli(["--documents", str(docs), "--warehouse", str(wh)], timeout=120)
    assert res.returncode == 2, res.stderr[-2000:]
    lines = res.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"kzwatch: warehouse folder {wh.parent} "
                                                   "is not writable")
    assert seconds < 15


@pytest.mark.usefixtures("prefect_harness")
def test_the_flow_checks_the_warehouse_folder_before_reading_anything(tmp_path):
    from flows.etl import kzwatch_etl

    docs = small_corpus(tmp_path / "docs")
    wh = read_only_folder() / "kzwatch-test.duckdb"
    state = kzwatch_etl(documents=str(docs), warehouse_file=str(wh), return_state=True)
    assert state.is_failed()
    with pytest.raises(PermissionError, match="is not writable"):
        state.result()


def test_help_names_every_option():
    res, seconds = run_cli(["--help"], timeout=60)
    assert res.returncode == 0, res.stderr
    for option in ("--documents", "--warehouse", "--keep", "--allow-mass-removal"):
        assert option in res.stdout
