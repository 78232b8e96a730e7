"""Run kzwatch-etl/scheduled once on a fresh Prefect server and screenshot its run page.

    .venv/bin/python scripts/screenshot_run.py --out screenshots/run-page.png

Writes OUT: the flow run page (state, task-run graph, logs). Needs
headless Chromium (Debian: apt-get install -y chromium). Everything is loopback and temporary.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from flows import stack

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                  "--window-size=1400,1000"]


def find_chromium() -> str | None:
    return next(filter(None, map(shutil.which, ("chromium", "chromium-browser",
                                                 "google-chrome"))), None)


def screenshot(chromium: str, url: str, out: Path, budget_ms: int) -> None:
    with tempfile.TemporaryDirectory(prefix="kzwatch-chromium-") as profile:
        subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                        f"--virtual-time-budget={budget_ms}", f"--screenshot={out}", url],
                       check=True, capture_output=True, timeout=120, stdin=subprocess.DEVNULL)
    print(f"screenshot: {out} ({url})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("screenshots/run-page.png"))
    parser.add_argument("--budget-ms", type=int, default=15000,
                        help="Chromium virtual time budget for the page to render")
    args = parser.parse_args(argv)
    chromium = find_chromium()
    if not chromium:
        print("screenshot_run: chromium not found; install it (Debian: apt-get install -y "
              "chromium) and run again", file=sys.stderr)
        return 2
    out = args.out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kzwatch-screenshot-") as tmp:
        root = Path(tmp)
        documents = root / "documents"
        shutil.copytree(stack.PROJECT_DIR / "seeds" / "documents", documents)
        home = root / "prefect-home"
        with stack.prefect_server(home) as api_url:
            env = stack.stack_env(home)
            stack.deploy(api_url, stack.PROJECT_DIR, env)
            run_id = stack.run_deployment_once(api_url, env=dict(
                env, KZWATCH_DOCUMENTS=str(documents),
                KZWATCH_WAREHOUSE=str(root / "warehouse" / "kzwatch.duckdb")))
            page = f"{api_url.removesuffix('/api')}/runs/flow-run/{run_id}"
            print(f"flow run {run_id}: {page}")
            screenshot(chromium, page, out, args.budget_ms)
    return 0


if __name__ == "__main__":
    sys.exit(main())
