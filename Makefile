# Vangnet: `make run` serves the platform, `make test` runs every test. Nothing else is needed.
PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
LOCK := requirements.txt
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml $(LOCK) | sha1sum | cut -c1-12)

.PHONY: run test lint format bench loadtest faulttest lock content messages clean

# The virtual environment is rebuilt only when pyproject.toml or the lock changes. Every
# package comes from the lock (requirements.txt: exact versions with their hashes, made by
# `make lock`); then the project itself, without resolving anything again.
$(STAMP): pyproject.toml $(LOCK)
	bash scripts/ensure-pango.sh
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r $(LOCK)
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	rm -f $(VENV)/.installed-*
	touch $@

run: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_content
	$(PY) manage.py demo_meldingen
	$(PY) manage.py demo_beheer
	$(PY) manage.py demo_actieplan
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

content: $(STAMP)
	$(PY) manage.py load_content

test: $(STAMP)
	bash scripts/ensure-chromium.sh
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	DJANGO_SETTINGS_MODULE=vangnet.settings.test $(PY) manage.py makemigrations --check --dry-run
	bash scripts/audit.sh
	$(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/lint-imports

messages: $(STAMP)
	cd vangnet && ../$(PY) ../manage.py makemessages -l fr -l en --no-obsolete --add-location file
	cd vangnet && ../$(PY) ../manage.py compilemessages

bench: $(STAMP)
	$(PY) scripts/bench.py
	$(PY) scripts/bench_meldingen.py
	$(PY) scripts/bench_monitoring.py

# Two app servers on PostgreSQL under 200 users for 60 s (scripts/loadtest.py): a database of
# its own on LOADTEST_DATABASE_URL's server (default: DATABASE_URL's, else the local one).
LOADTEST_DATABASE_URL ?= $(if $(filter postgres%,$(DATABASE_URL)),$(DATABASE_URL),postgres://postgres@127.0.0.1:5432/postgres)
loadtest: $(STAMP)
	LOADTEST_DATABASE_URL=$(LOADTEST_DATABASE_URL) $(PY) scripts/loadtest.py

# Workers killed and PostgreSQL restarted during a submission burst (scripts/faulttest.py),
# on a throw-away cluster of its own (initdb), never the shared server.
faulttest: $(STAMP)
	$(PY) scripts/faulttest.py

# After a change of the dependencies in pyproject.toml: the lock again, with hashes
# (pip-tools, installed for this only; docs/deploy.md, "Dependencies").
lock:
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check pip-tools
	$(VENV)/bin/pip-compile --quiet --extra dev --generate-hashes --strip-extras --allow-unsafe \
		--no-emit-index-url --no-emit-find-links -o $(LOCK) pyproject.toml

clean:
	rm -rf $(VENV) staticfiles vangnet.sqlite3*
