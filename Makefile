# tiaki — two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO   ?= demo
PEOPLE ?= 2000

.PHONY: demo test venv lint typecheck bench bench-ingest clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24,<27"
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	rm -rf $(DEMO)
	$(BIN)/tiaki --home $(DEMO) init
	$(BIN)/tiaki --home $(DEMO) synth --people $(PEOPLE) --out $(DEMO)/scenario
	$(BIN)/tiaki --home $(DEMO) ingest-all $(DEMO)/scenario
	$(BIN)/tiaki --home $(DEMO) sources
	$(BIN)/tiaki --home $(DEMO) stats
	$(BIN)/tiaki --home $(DEMO) quarantine --limit 5

test: $(STAMP)
	$(BIN)/python -m pytest -q -n 2 tests

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy src/tiaki

bench: bench-ingest

bench-ingest: $(STAMP)
	$(BIN)/python bench/ingest_bench.py --rows 1000000

clean:
	rm -rf $(VENV) $(DEMO) .pytest_cache .mypy_cache
