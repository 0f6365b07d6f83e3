# Crosspost: `make run` serves the demo site, `make test` runs every check. Both set themselves up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.PHONY: run test setup lint clean bench
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

# The virtualenv is rebuilt only when the pinned requirements change.
$(VENV)/.installed: requirements/base.txt requirements/dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Crosspost needs Python 3.11 or newer; $(PYTHON) is $$($(PYTHON) --version 2>&1)."; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements/dev.txt
	touch $@

# Browser-test tools (axe-core, the Nu HTML Checker); skipped with a note when npm is missing.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else \
		echo "npm not found: browser validity and accessibility tests will be skipped."; \
	fi

setup: $(VENV)/.installed

run: setup
	DJANGO_SITE_DOMAIN=127.0.0.1:$(PORT) $(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(MANAGE) ensure_editor
	@echo "Crosspost is at http://127.0.0.1:$(PORT)/ — editors sign in at http://127.0.0.1:$(PORT)/admin/ (a forgotten password: $(MANAGE) changepassword <username>)"
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: setup node_modules/.installed
	scripts/test-all

# Load test (not part of `make test`): corpus, gunicorn on 127.0.0.1, wrk per page; see README, Performance.
# BENCH_ARTICLES=100000 for the large corpus; DATABASE_URL=postgres://... for PostgreSQL. Needs wrk.
bench: setup
	@command -v wrk >/dev/null 2>&1 || { echo "make bench needs wrk (Debian: apt-get install -y wrk)."; exit 1; }
	$(BIN)/python -m devtools.bench.run

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) node_modules .pytest_cache .ruff_cache staticfiles devtools/bench/staticfiles
