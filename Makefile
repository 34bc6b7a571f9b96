# The two commands a newcomer needs: `make run` and `make test`. Both build their own virtualenv.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test lint venv browser chaos clean

$(BIN)/stayline: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/stayline

venv: $(BIN)/stayline

run: venv
	$(BIN)/stayline serve

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# Debian's Chromium for the browser tests (tests/browser); a no-op once it is installed.
browser:
	./scripts/ensure-chromium

test: lint browser
	$(BIN)/pytest

# The chaos suite (docs/chaos.md): serve, two workers and beat on PostgreSQL and a private Redis, under
# load and faults; prints one table and fails on a lost message, a duplicate page, a missed escalation
# step or a crisis message assessed later than 5 s. About 3 minutes.
chaos: venv
	nice $(BIN)/python bench/chaos.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
