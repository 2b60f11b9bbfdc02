# Talentbrug: every developer task is one command. `make run` and `make test` do all set-up.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
export PYTHONPATH := src
export TALENTBRUG_VAR_DIR ?= $(CURDIR)/var

.PHONY: run test tour lint typecheck audit install install-prod lock browser loadtool bench bench-quality seed-scale messages clean help

help:
	@echo "make run            install, migrate, load demo data, serve on http://127.0.0.1:8000"
	@echo "make test           install, lint (ruff + import contracts), type-check, migrations check, full test suite"
	@echo "make audit          pip-audit (known vulnerabilities in both lock files) and bandit on src"
	@echo "make install-prod   production: the runtime lock only (requirements.txt), no test tools"
	@echo "make lock           re-lock requirements*.in into requirements*.txt with hashes (LOCK_ARGS=--upgrade)"
	@echo "make tour           every page in every language on a phone and a desktop: var/tour/index.html"
	@echo "make bench          run the benchmarks in bench/ (figures + JSON in var/bench/)"
	@echo "make bench-quality  matching quality: extraction, graded ranking (product path), ESCO/MELO"

# Two lock files, both with hashes (pip-compile --generate-hashes): requirements.txt is what
# production runs, requirements-dev.txt adds the development, test and audit tools. Packages come
# from the index pip is configured with on this machine (pip.conf / PIP_INDEX_URL); the lock
# files name no index, so a mirror works as long as it serves the same files.
$(VENV)/.installed: requirements.txt requirements-dev.txt pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --require-hashes -r requirements.txt -r requirements-dev.txt
	touch $@

# Production: the runtime lock only. No pytest, playwright, moto, ruff or mypy.
install-prod:
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --require-hashes -r requirements.txt

# After editing requirements.in or requirements-dev.in. LOCK_ARGS=--upgrade takes the newest
# versions, LOCK_ARGS="--upgrade-package django" one package. The development lock is
# constrained by the runtime lock (`-c requirements.txt`), so both install together.
LOCK_FLAGS := --quiet --generate-hashes --allow-unsafe --no-strip-extras --no-emit-index-url --no-emit-find-links
lock: $(VENV)/.installed
	CUSTOM_COMPILE_COMMAND="make lock" $(VENV)/bin/pip-compile $(LOCK_FLAGS) $(LOCK_ARGS) -o requirements.txt requirements.in
	CUSTOM_COMPILE_COMMAND="make lock" $(VENV)/bin/pip-compile $(LOCK_FLAGS) $(LOCK_ARGS) -o requirements-dev.txt requirements-dev.in

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

var/.messages: $(VENV)/.installed $(shell find src -name '*.po' 2>/dev/null)
	mkdir -p var
	$(PY) manage.py compilemessages --verbosity 0 --ignore=.venv --ignore=node_modules
	touch $@

install: $(VENV)/.installed node_modules/.installed var/.messages

messages: install
	cd src/talentbrug && ../../$(PY) ../../manage.py makemessages -l nl -l en -l ar -l ti -l tr -l fa --no-obsolete --ignore=tests
	$(PY) manage.py compilemessages --verbosity 0 --ignore=.venv --ignore=node_modules

run: install
	$(PY) manage.py migrate --no-input -v 0
	TALENTBRUG_DEMO_SKIP_2FA=$${TALENTBRUG_DEMO_SKIP_2FA:-true} $(PY) manage.py seed_demo
	@echo ""
	@echo "Talentbrug draait op http://127.0.0.1:8000  (medewerkers: http://127.0.0.1:8000/medewerkers/)"
	TALENTBRUG_DEMO_SKIP_2FA=$${TALENTBRUG_DEMO_SKIP_2FA:-true} $(PY) manage.py runserver 127.0.0.1:8000

browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "Installing Debian's chromium for the browser tests"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi; \
	fi

lint: install
	$(VENV)/bin/ruff check src bench scripts
	$(VENV)/bin/ruff format --check src bench scripts
	$(VENV)/bin/lint-imports --no-logo

# mypy (strict, with django-stubs) over an allow-list: the pure libraries, then the Django apps
# whose types are clean. Add an app here once `mypy src/talentbrug/<app>` passes; never remove one.
MYPY_PURE := textcheck matching redaction docanalysis
MYPY_APPS := core accounts vacancies applications privacy selection
MYPY_TARGETS := $(addprefix src/talentbrug/,$(MYPY_PURE) $(MYPY_APPS))

typecheck: install
	$(VENV)/bin/mypy $(MYPY_TARGETS)

# Security audit: pip-audit says "NOT AUDITED" (and passes unless AUDIT_STRICT=1) when the
# vulnerability database cannot be reached; bandit's skips are documented in pyproject.toml.
audit: install
	$(PY) scripts/audit_dependencies.py
	$(VENV)/bin/bandit -c pyproject.toml -r src -q

test: install browser lint typecheck
	DJANGO_SETTINGS_MODULE=talentbrug.conf.test $(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest -n 2 --dist loadfile -m "not integration and not tour" --cov --cov-report= $(PYTEST_ARGS)
	@echo "coverage (lines, src/talentbrug): $$($(VENV)/bin/coverage report --format=total)%"

# The page tour: screenshots of every page of the url-case tables with the demo data, judged by
# the layout checks; gallery in var/tour/index.html. TALENTBRUG_TOUR_ONLY=records walks a part.
tour: install browser
	$(PY) -m pytest src/talentbrug/tests/browser/test_tour.py -m tour -p no:cacheprovider -q -s

bench: install loadtool
	$(PY) -m bench

# wrk drives the careers benchmark (C: it leaves the two cores to the server); without it the
# benchmark falls back to its Python client and says so.
loadtool:
	@if ! command -v wrk >/dev/null; then \
	  echo "Installing Debian's wrk for the careers benchmark"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get install -y -qq wrk >/dev/null || true; \
	  else sudo apt-get install -y -qq wrk >/dev/null || true; fi; \
	fi

bench-quality: install
	$(PY) bench/bench_extraction_quality.py
	$(PY) bench/bench_ranking_quality.py --json var/bench/ranking_quality.json
	$(PY) bench/bench_quality.py

seed-scale: install
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py seed_scale --candidates 100000 --vacancies 5000 --applications 300000

clean:
	rm -rf $(VENV) node_modules var .pytest_cache .ruff_cache .mypy_cache .grimp_cache .import_linter_cache
