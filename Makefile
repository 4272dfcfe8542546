# BackEase: `make run` starts everything on SQLite; `make test` runs the whole suite.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# The first Python 3.12+ on PATH (pyenv reads .python-version here).
PYTHON ?= $(shell for p in python3.13 python3.12 python3 python; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null \
	&& { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
PIP_FLAGS := --quiet --disable-pip-version-check

.PHONY: help venv run worker migrate test lint format bench bench-small lock clean messages compilemessages

help:
	@echo "make run    set up and start BackEase on http://127.0.0.1:8000 (web, worker, beat)"
	@echo "make test   run the whole test suite"
	@echo "make lint   ruff check and format check"
	@echo "make bench  run the benchmarks in bench/ (PostgreSQL and Redis; stops at the first miss)"
	@echo "make messages         extract the marked strings into locale/*/LC_MESSAGES/django.po"
	@echo "make compilemessages  compile the .po files into the .mo files Django reads"

$(BIN)/.installed: requirements.txt requirements-dev.txt
	@test -n "$(PYTHON)" || { echo "Python 3.12 or newer is needed (see .python-version)."; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install $(PIP_FLAGS) -r requirements-dev.txt 2> >(grep -v "is ignored: it is neither" >&2)
	@touch $@

venv: $(BIN)/.installed

migrate: venv
	DEBUG=$${DEBUG-1} $(BIN)/python manage.py migrate --noinput

run: venv
	@mkdir -p var/mail
	DEBUG=$${DEBUG-1} $(BIN)/python manage.py migrate --noinput
	@echo
	@echo "  BackEase is starting: open http://127.0.0.1:8000"
	@echo "  Emails (sign-up, reminders) are written to $(CURDIR)/var/mail/ and shown below."
	@echo "  Ctrl-C stops the web server, worker and beat."
	@echo
	DEBUG=$${DEBUG-1} PYTHONUNBUFFERED=1 PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/honcho start -f Procfile.dev

# Parallel workers (pytest-xdist); most of the suite waits on PostgreSQL, Chromium and
# Celery rather than on the CPU, so two workers help even on two cores. TEST_WORKERS=0 runs
# in one process.
TEST_WORKERS ?= 2

test: venv
	$(BIN)/pytest -n $(TEST_WORKERS) --dist load

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: venv
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Translations (README "Translations"). The shipped languages are settings.LANGUAGES but
# English; each has locale/<code>/LC_MESSAGES/django.po, and the compiled django.mo beside it
# is committed, so a fresh clone and the Docker image need no gettext. Both need GNU gettext
# (apt-get install gettext). tests/i18n/test_catalogues.py fails when they are out of date.
LOCALES = $(shell DEBUG=1 $(BIN)/python -c "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'backease.settings'); django.setup(); from django.conf import settings; print(' '.join('-l ' + c for c, _ in settings.LANGUAGES if c != settings.LANGUAGE_CODE))" 2>/dev/null)
MAKEMESSAGES_FLAGS = --no-obsolete --add-location=file --ignore=.venv --ignore=tests \
	--ignore=bench --ignore=staticfiles --ignore=var --ignore=screenshots

messages: venv
	DEBUG=1 $(BIN)/python manage.py makemessages $(LOCALES) $(MAKEMESSAGES_FLAGS)
	@for po in locale/*/LC_MESSAGES/django.po; do printf '%s: ' $$po; msgfmt --statistics -o /dev/null $$po; done

compilemessages: venv
	DEBUG=1 $(BIN)/python manage.py compilemessages --ignore=.venv

# Every script in bench/ but the conventions they share. Each exits non-zero below its goal.
BENCHMARKS := $(filter-out bench/common.py,$(wildcard bench/*.py))

bench: venv
	@for script in $(BENCHMARKS); do echo "== $$script"; $(BIN)/python $$script || exit 1; done

# The same in small mode (seconds each), as CI runs them. faults.py is left out: its
# scenarios are tests/faults, which `make test` runs.
bench-small: venv
	@for script in $(filter-out bench/faults.py,$(BENCHMARKS)); do echo "== $$script"; \
		BENCH_SMALL=1 $(BIN)/python $$script || exit 1; done

# Re-pin every package after changing the dependency lists in pyproject.toml.
lock:
	rm -rf /tmp/backease-lock && $(PYTHON) -m venv /tmp/backease-lock
	/tmp/backease-lock/bin/pip install $(PIP_FLAGS) $$($(PYTHON) -c "import tomllib; print(' '.join(repr(d) for d in tomllib.load(open('pyproject.toml','rb'))['project']['dependencies']))" | tr -d "'")
	{ echo "# Runtime lock: every package, pinned. Regenerate with 'make lock' after editing pyproject.toml."; /tmp/backease-lock/bin/pip freeze; } > requirements.txt
	/tmp/backease-lock/bin/pip install $(PIP_FLAGS) $$($(PYTHON) -c "import tomllib; print(' '.join(tomllib.load(open('pyproject.toml','rb'))['dependency-groups']['dev']))")
	{ echo "# Development and test lock on top of requirements.txt. Regenerate with 'make lock'."; echo "-r requirements.txt"; comm -23 <(/tmp/backease-lock/bin/pip freeze | sort) <(grep -v '^#' requirements.txt | sort); } > requirements-dev.txt

clean:
	rm -rf $(VENV) var staticfiles .pytest_cache .hypothesis .ruff_cache
