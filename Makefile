# newsarchive: `make run` (demo on the embedded backend) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000

.PHONY: install run test lint es-up es-down clean messages

MO := webapp/translations/en/LC_MESSAGES/messages.mo

install: $(VENV)/.installed $(MO)

$(VENV)/.installed: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	pkg-config --exists icu-i18n 2>/dev/null || scripts/system-deps  # PyICU (followthemoney) builds on libicu-dev
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# The compiled interface catalogue (not committed: built from the .po at install).
$(MO): webapp/translations/en/LC_MESSAGES/messages.po $(VENV)/.installed
	$(BIN)/pybabel compile -d webapp/translations -D messages

# After adding or changing interface text: extract the msgids, merge them into the catalogue, then translate.
messages: install
	$(BIN)/pybabel extract -F babel.cfg -k _l -k N_ -k Message -k QueryError --no-location --sort-output \
		--project newsarchive -o webapp/translations/messages.pot .
	$(BIN)/pybabel update -i webapp/translations/messages.pot -d webapp/translations --no-wrap --no-fuzzy-matching --ignore-pot-creation-date
	$(BIN)/pybabel compile -d webapp/translations

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
