"""kzwatch.prefect_api: which Prefect API a CLI run uses, and the temporary server it starts."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import urllib.request

import pytest

from kzwatch import prefect_api


@pytest.fixture
def clean_env(monkeypatch, tmp_path):
    for name in ("PREFECT_API_URL", "PREFECT_PROFILE", "PREFECT_PROFILES_PATH",
                 "PREFECT_SERVER_ALLOW_EPHEMERAL_MODE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    return tmp_path


def test_no_configuration_means_a_temporary_server(clean_env):
    assert prefect_api.configured_api_url() is None
    assert prefect_api.wants_temporary_server()


def test_the_environment_names_the_api(clean_env, monkeypatch):
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:4200/api")
    assert prefect_api.configured_api_url() == "http://127.0.0.1:4200/api"
    assert not prefect_api.wants_temporary_server()


def test_the_active_profile_names_the_api(clean_env, monkeypatch):
    (clean_env / "profiles.toml").write_text(textwrap.dedent("""
        active = "local"
        [profiles.ephemeral]
        PREFECT_SERVER_ALLOW_EPHEMERAL_MODE = "true"
        [profiles.local]
        PREFECT_API_URL = "http://127.0.0.1:4200/api"
    """))
    assert prefect_api.configured_api_url() == "http://127.0.0.1:4200/api"
    monkeypatch.setenv("PREFECT_PROFILE", "ephemeral")  # PREFECT_PROFILE wins over `active`
    assert prefect_api.configured_api_url() is None


def test_profiles_path_setting_and_a_broken_file(clean_env, monkeypatch):
    other = clean_env / "elsewhere.toml"
    other.write_text('active = "x"\n[profiles.x]\nPREFECT_API_URL = "http://h:1/api"\n')
    monkeypatch.setenv("PREFECT_PROFILES_PATH", str(other))
    assert prefect_api.configured_api_url() == "http://h:1/api"
    other.write_text("active = [broken")
    assert prefect_api.configured_api_url() is None  # Prefect decides as it always does


def test_ephemeral_mode_turned_off_starts_nothing(clean_env, monkeypatch):
    monkeypatch.setenv("PREFECT_SERVER_ALLOW_EPHEMERAL_MODE", "false")
    assert not prefect_api.wants_temporary_server()


def test_nothing_here_imports_prefect():
    """PREFECT_API_URL is set before Prefect reads its settings only if this module (and the
    CLI up to the server's start) leave Prefect unimported."""
    code = ("import sys, kzwatch.prefect_api, kzwatch.cli, kzwatch.warehouse, kzwatch.settings;"
            "print('prefect' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_real_temporary_server_answers_and_stops(clean_env):
    server = prefect_api.TemporaryServer().start()
    try:
        server.wait(120)
        with urllib.request.urlopen(f"{server.api_url}/health", timeout=5) as resp:
            assert resp.status == 200
        # it started without registering block types (a run uses none; checking the registry
        # imports every Prefect collection): its fresh database (PREFECT_HOME) has none
        request = urllib.request.Request(f"{server.api_url}/block_types/filter", data=b"{}",
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=5) as resp:
            assert json.loads(resp.read()) == []
        proc = server.proc
    finally:
        server.stop()
    assert proc.poll() is not None and server.proc is None
    server.stop()  # a second stop is harmless
