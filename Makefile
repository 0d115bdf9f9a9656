# newsarchive: `make run` (demo on the embedded backend) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000

.PHONY: install run test lint es-up es-down clean

install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

run: install
	PORT=$(PORT) scripts/demo

test: install
	scripts/test

lint: install
	$(BIN)/ruff check .

es-up: install
	scripts/es-node start

es-down:
	scripts/es-node stop

clean:
	rm -rf data .pytest_cache test-artifacts
