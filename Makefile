# kzwatch: few verbs. `make run` sets everything up and builds the sample warehouse.
SHELL := /bin/bash
PYTHON ?= python3
UV_VERSION := 0.13.9
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
VENV := .venv
HOST ?= 127.0.0.1
PORT ?= 4200

export PREFECT_HOME ?= $(CURDIR)/.prefect
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1
export KZWATCH_PROJECT_DIR := $(CURDIR)

.PHONY: setup run report test lint sql ui serve screenshot bench clean

setup: $(VENV)/.synced

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet uv==$(UV_VERSION)

$(VENV)/.synced: pyproject.toml uv.lock | $(if $(filter .tools/bin/uv,$(UV)),.tools/bin/uv)
	$(UV) sync --frozen --python $(PYTHON)
	@# the project's own modules compiled once: where PYTHONDONTWRITEBYTECODE is set (as here),
	@# every run would compile them again in each of its processes (0.3 s of a run's start)
	$(VENV)/bin/python -m compileall -q kzwatch flows models
	@touch $@

run: setup  ## build warehouse/kzwatch.duckdb from seeds/documents and print a summary
	$(VENV)/bin/kzwatch run

report: setup  ## static HTML report of the warehouse in warehouse/report/ (prints its index.html)
	$(VENV)/bin/kzwatch report

test: setup  ## all tests: unit, task, flow, end-to-end, Prefect server
	$(VENV)/bin/pytest -q

lint: setup
	$(VENV)/bin/ruff check .

# the published warehouse: KZWATCH_WAREHOUSE as the run reads it, or `make sql WAREHOUSE=FILE`
WAREHOUSE ?= $(or $(KZWATCH_WAREHOUSE),warehouse/kzwatch.duckdb)

sql: setup  ## the warehouse read-only in the duckdb CLI (package duckdb-cli, pinned in uv.lock)
	@test -f "$(WAREHOUSE)" || { echo "no warehouse at $(WAREHOUSE): make run first" >&2; exit 1; }
	$(VENV)/bin/duckdb -readonly "$(WAREHOUSE)"

ui: setup  ## the Prefect UI on http://$(HOST):$(PORT) (loopback only by default)
	PREFECT_UI_URL=http://$(HOST):$(PORT) $(VENV)/bin/prefect server start --host $(HOST) --port $(PORT)

serve: setup  ## deploy kzwatch-etl on its schedule, create its failure alert, run a process worker (needs `make ui`)
	PREFECT_API_URL=http://$(HOST):$(PORT)/api $(VENV)/bin/prefect work-pool create kzwatch-process --type process --overwrite
	PREFECT_API_URL=http://$(HOST):$(PORT)/api $(VENV)/bin/prefect --no-prompt deploy --all
	PREFECT_API_URL=http://$(HOST):$(PORT)/api $(VENV)/bin/python -m flows.alerts
	PREFECT_API_URL=http://$(HOST):$(PORT)/api exec $(VENV)/bin/python -m flows.stack worker --pool kzwatch-process

screenshot: setup  ## run a deployment against a fresh server and screenshot its run page
	$(VENV)/bin/python scripts/screenshot_run.py --out screenshots/run-page.png

bench: setup  ## incremental-run benchmark (200 documents), then throughput on 1,000 and 10,000
	$(VENV)/bin/python benchmarks/incremental.py
	KZWATCH_REPORT=false $(VENV)/bin/python benchmarks/throughput.py --documents 1000
	KZWATCH_REPORT=false $(VENV)/bin/python benchmarks/throughput.py --documents 10000 --skip-bare

clean:
	rm -rf warehouse .prefect .pytest_cache
