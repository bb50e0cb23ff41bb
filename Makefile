# Quick start: `make demo` (analyse the demo corpus and serve it) and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo analyze-demo test lint typecheck bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# Analyse the bundled demo corpus, store it, and serve the web page on localhost.
demo: $(STAMP)
	@echo "note: line 4 of demo/mashriq-feed.jsonl is broken on purpose: marsad reports it and goes on"
	$(BIN)/marsad analyze demo --format text --output demo-analysis.txt || true
	@echo "analysis of the demo corpus written to demo-analysis.txt"
	rm -f demo.db
	$(BIN)/marsad ingest demo --db demo.db || true
	$(BIN)/marsad serve --db demo.db --host 127.0.0.1 --port $${PORT:-8000}

analyze-demo: $(STAMP)
	$(BIN)/marsad analyze demo --format text

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check marsad tests scripts fuzz

typecheck: $(STAMP)
	$(BIN)/mypy marsad

bench: $(STAMP)
	$(BIN)/marsad bench

clean:
	rm -rf $(VENV) demo.db demo-analysis.txt .pytest_cache
