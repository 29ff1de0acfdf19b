# The README's two commands: `make app` sets up and starts the app; `make test` sets up and runs
# the whole test suite (lint, unit, AppTest and browser tests). CI runs `make test` (.ci/run).
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

.PHONY: app test test-fast lint format bench browser

$(INSTALLED): requirements.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

# Debian's Chromium for the browser tests (Playwright's own browser download cannot work here).
browser:
	@command -v chromium >/dev/null || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

app: $(INSTALLED)
	$(PY) -m streamlit run app.py

lint: $(INSTALLED)
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .

format: $(INSTALLED)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# pytest exits 5 when it collected no tests: that is a failure here, never a pass.
test: $(INSTALLED) browser lint
	$(PY) -m pytest; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest ran no tests" >&2; exit 1; fi; exit $$status

test-fast: $(INSTALLED) lint
	$(PY) -m pytest -m "not browser"

bench: $(INSTALLED) browser
	$(PY) -m bench.run
