# sitrep: every entry point sets up .venv from the lock first; nothing is installed globally.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
UV_VERSION := 0.13.9
# pytest arguments, e.g. make test ARGS="-k dates -x"
ARGS ?=

.PHONY: install demo test run lock bench clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

## install: create .venv and install the locked dependencies and sitrep itself
install: $(STAMP)

## demo: ingest the bundled sample articles into ./data and print the weekly attack counts
demo: install
	$(BIN)/sitrep demo

## test: run the whole test suite (unit, warehouse, end-to-end flow, CLI)
test: install
	$(BIN)/python -m pytest $(ARGS)

## run: one ingest run with the defaults (./data/inbox -> ./data)
run: install
	$(BIN)/sitrep run

## lock: re-resolve requirements.lock from pyproject.toml (needs the package registry)
lock:
	test -x .venv-tools/bin/uv || ($(PYTHON) -m venv .venv-tools && .venv-tools/bin/pip install --quiet uv==$(UV_VERSION))
	.venv-tools/bin/uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes -o requirements.lock

clean:
	rm -rf $(VENV) .venv-tools data .pytest_cache

## bench: time every stage, the spaCy baseline and a whole run on a generated corpus,
## e.g. make bench DOCS=2000 BENCH_ARGS="--incremental --json bench.json"
DOCS ?= 500
bench: install
	$(BIN)/python -m benchmarks.bench --docs $(DOCS) $(BENCH_ARGS)
