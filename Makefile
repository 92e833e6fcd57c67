# The two set-up commands of the README:
#   make run   install, migrate, load demo data, serve on http://127.0.0.1:8000
#   make test  install and run the whole test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DEMO_DOSSIERS ?= 4000
APPS := cases zrm maatwerk plans journal work reporting exchange staffauth portal toegang frontdoor agenda voice

# Packages mypy checks (docs/adr/0140): the base app and every app added from round 3 on.
TYPED := cases toegang frontdoor agenda voice

.PHONY: install run test lint typecheck messages benchmark clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml scripts/fetch_static.py | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	$(BIN)/python scripts/fetch_static.py
	touch $@

install: $(VENV)/.installed

run: install
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py demo_data --dossiers $(DEMO_DOSSIERS) --if-empty
	$(BIN)/python manage.py runserver 127.0.0.1:8000

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/lint-imports

typecheck: install
	$(BIN)/mypy $(foreach app,$(TYPED),-p $(app))

messages: install
	for app in $(APPS); do (cd $$app && ../$(BIN)/django-admin makemessages -l nl --no-obsolete); done
	$(BIN)/python manage.py makemessages -l nl --no-obsolete $(foreach app,$(APPS),--ignore=$(app)) --ignore=.venv
	$(BIN)/python manage.py compilemessages --ignore=.venv

benchmark: install
	$(BIN)/python scripts/benchmark.py

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
