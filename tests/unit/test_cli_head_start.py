"""The CLI imports what a run loads late (kzwatch.cli.RUN_MODULES) while it waits for its
temporary Prefect server: the list must name real modules, each not yet loaded by then."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

from kzwatch import cli


def test_every_module_of_the_head_start_exists():
    for name in cli.RUN_MODULES:
        assert importlib.util.find_spec(name) is not None, name


def test_none_of_them_is_loaded_by_the_flow_import_already():
    # in a fresh interpreter, as the CLI is when it starts waiting for the server
    code = ("import json, sys, flows.etl; from kzwatch import cli; "
            "print(json.dumps([m for m in cli.RUN_MODULES if m in sys.modules]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert json.loads(out.strip().splitlines()[-1]) == []
