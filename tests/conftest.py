"""Shared fixtures. Prefect's test harness starts once per session, only for flow tests."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="kzwatch-prefect-home-"))
# the HTML report takes seconds per run: the flows under test write it only where a test asks
# (tests/flows/test_artifacts.py); tests/report builds and checks it on its own
os.environ.setdefault("KZWATCH_REPORT", "false")
# Data Docs drawn in the test process (GX imported once) rather than by a detached renderer
# per flow run; tests/flows/test_validation_history.py checks the background renderer
os.environ.setdefault("KZWATCH_DATA_DOCS", "inline")

PROJECT = Path(__file__).resolve().parent.parent
SAMPLES = PROJECT / "seeds" / "documents"
SHARED = PROJECT.parent / "shared"


@pytest.fixture(scope="session")
def prefect_harness():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=90):
        yield


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A private copy of the sample documents."""
    folder = tmp_path / "documents"
    shutil.copytree(SAMPLES, folder)
    for path in folder.iterdir():
        path.chmod(0o644)
    return folder
