# Two commands do all the set-up: `make report` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: report test lint typecheck unit system-deps clean notebook lab

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=23.2"
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python scripts/link-project.py
	$(BIN)/python -m ipykernel install --sys-prefix --name claimcheck-report \
		--display-name "Python (claimcheck-report)" >/dev/null
	touch $(STAMP)

## Build the report from the shipped data into output/<version>/.
report: $(STAMP)
	$(BIN)/python -m report build

## The latest version as an executed notebook, and JupyterLab on it.
notebook: report
	$(BIN)/python -m report notebook

lab: notebook
	$(BIN)/jupyter lab output/latest/report.ipynb

## Everything CI checks: lint, format, types, then the test suite.
test: $(STAMP) system-deps lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check analysis report tests benchmarks
	$(BIN)/ruff format --check analysis report tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/python -m pytest -W error::UserWarning -q

## Debian's chromium and poppler-utils for the browser and PDF tests (installed only when missing).
system-deps:
	@sh scripts/system-deps.sh

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
