"""Helpers of the fault tests: invented documents, a CLI run against the harness's server."""
from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from tests.conftest import PROJECT

KZWATCH = str(PROJECT / ".venv" / "bin" / "kzwatch")
PYTHON = str(PROJECT / ".venv" / "bin" / "python")

COURT = ("ALMATY, 12 March 2021. The Medeu district court of Almaty sentenced the former akim "
         "of Talgar district, Serik Amanov, to seven years in prison for taking a bribe of "
         "20 million tenge. He was detained in October 2020.\n")
CPI = ("Kazakhstan scored 39 points in the 2023 Corruption Perceptions Index published by "
       "Transparency International and ranked 93rd of 180 countries.\n")
RUSSIAN = ("Суд приговорил бывшего акима области к семи годам лишения свободы за получение "
           "взятки в особо крупном размере. Приговор вынесен в Астане.\n")
KAZAKH = ("Сот облыстың бұрынғы әкімін бес жылға бас бостандығынан айырды. Ол пара алғаны үшін "
          "сотталды, үкім Астанада шықты.\n")


def small_corpus(folder: Path) -> Path:
    """Two short invented English documents (fast to extract)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "court.txt").write_text(COURT * 3, encoding="utf-8")
    (folder / "cpi.txt").write_text(CPI * 2, encoding="utf-8")
    return folder


def big_document(path: Path, megabytes: int = 12) -> Path:
    """A long single-line document (what a bad PDF conversion gives): minutes to extract."""
    unit = (COURT.strip() + " " + CPI.strip() + " ").encode("utf-8")
    with path.open("wb") as fh:
        for _ in range(megabytes * (1 << 20) // len(unit)):
            fh.write(unit)
        fh.write(b"\n")
    return path


def cli_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment of a `kzwatch run` subprocess that reports to the test harness's server
    (a temporary server of its own would make tests depend on how fast Prefect starts one)."""
    from prefect.settings import PREFECT_API_URL

    env = dict(os.environ, PREFECT_HOME=str(tmp_path / "prefect-home"),
               PREFECT_API_URL=PREFECT_API_URL.value() or "")
    env.update(extra)
    return env


def run_cli(args: list[str], env: dict[str, str] | None = None, timeout: float = 300,
            **kw) -> tuple[subprocess.CompletedProcess, float]:
    t0 = time.monotonic()
    res = subprocess.run([KZWATCH, "run", *args], env=env or dict(os.environ),
                         capture_output=True, text=True, timeout=timeout,
                         stdin=subprocess.DEVNULL, **kw)
    return res, time.monotonic() - t0


def last_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def wait_for(predicate, timeout: float, proc: subprocess.Popen | None = None,
             step: float = 0.005) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        if proc is not None and proc.poll() is not None:
            return False
        time.sleep(step)
    return False
