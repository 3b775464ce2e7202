# opsc: `make build` builds the site, PDFs and DOCX; `make test` runs the test suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.opsc-installed
TEST_STAMP := $(VENV)/.opsc-test-system

.PHONY: build test check serve bench lint format clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "opsc needs Python 3.11 or newer" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml scripts/setup_system.sh | $(BIN)/python
	bash scripts/setup_system.sh
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

$(TEST_STAMP): scripts/setup_system.sh | $(STAMP)
	bash scripts/setup_system.sh --test
	touch $@

build: $(STAMP)
	$(BIN)/opsc build

test: $(STAMP) $(TEST_STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/python -m pytest -q

check: $(STAMP)
	$(BIN)/opsc check

serve: $(STAMP)
	$(BIN)/opsc serve

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts

format: $(STAMP)
	$(BIN)/ruff format src tests scripts
	$(BIN)/ruff check --fix src tests scripts

clean:
	rm -rf site .opsc-cache
