# The README's two commands: `make app` sets up and starts the app; `make test` sets up and runs
# the whole test suite (lint, unit, AppTest and browser tests). CI runs `make test` (.ci/run).
VENV := .venv
PY := $(VENV)/bin/python
# Two stamps: the app needs only requirements.txt; tests and tools add requirements-dev.txt.
INSTALLED := $(VENV)/.installed-app
INSTALLED_DEV := $(VENV)/.installed-dev

.PHONY: app test test-fast lint format bench browser servers

$(PY):
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(INSTALLED): requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(INSTALLED_DEV): requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# Debian's Chromium for the browser tests (Playwright's own browser download cannot work here).
browser:
	@command -v chromium >/dev/null || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# Debian's PostgreSQL and nginx: the draft store's tests run against a real PostgreSQL server
# (started and stopped by the tests), and the proxy test runs nginx from deploy/.
servers:
	@{ ls /usr/lib/postgresql/*/bin/initdb && test -x /usr/sbin/nginx; } \
		>/dev/null 2>&1 || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql nginx >/dev/null; }

app: $(INSTALLED)
	$(PY) -m streamlit run app.py

lint: $(INSTALLED_DEV)
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .

format: $(INSTALLED_DEV)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# pytest exits 5 when it collected no tests: that is a failure here, never a pass.
test: $(INSTALLED_DEV) browser servers lint
	$(PY) -m pytest; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest ran no tests" >&2; exit 1; fi; exit $$status

test-fast: $(INSTALLED_DEV) servers lint
	$(PY) -m pytest -m "not browser"

bench: $(INSTALLED_DEV) browser servers
	$(PY) -m bench.run
