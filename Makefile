# KVP — every command a developer or CI needs. `make help` lists them.
# uv (the package manager) is installed into .tools/ on first use, so a fresh machine needs only python3.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PYTHON ?= python3
UV_VERSION := 0.13.9
UV := .tools/bin/uv
RUN := $(UV) run --frozen --no-progress

.PHONY: help setup systempakker-run systempakker-test run demo-beregning test test-sqlite test-postgres check lint format bench clean

help:  ## Vis kommandoene
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

setup: $(UV)  ## Installer avhengighetene (låst i uv.lock) i .venv
	$(UV) sync --frozen --no-progress --python $(PYTHON)

DEV := DJANGO_SETTINGS_MODULE=config.settings.dev
# Testene kjøres mot begge databasene; PostgreSQL-adressen kan overstyres.
TEST_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/test

systempakker-run:
	@bash scripts/systempakker.sh run

systempakker-test:
	@bash scripts/systempakker.sh test

run: setup systempakker-run  ## Start webappen og arbeidsprosessen for bakgrunnsjobbene, med demodata, på http://127.0.0.1:8000/
	$(DEV) $(RUN) python manage.py migrate --no-input -v 0
	$(DEV) $(RUN) python manage.py demodata
	@echo "KVP kjører på http://127.0.0.1:8000/ med arbeidsprosessen for bakgrunnsjobbene (stopp begge med Ctrl+C)"
	$(DEV) $(RUN) honcho --procfile Procfile start

demo-beregning: setup  ## Kjør en demoberegning med `kvp beregn`
	$(RUN) kvp beregn < docs/eksempler/mars-2025.json

test: systempakker-test test-sqlite test-postgres  ## Kjør alle testene, på SQLite og PostgreSQL

test-sqlite: setup  ## Alle testene på SQLite
	env -u DATABASE_URL $(RUN) pytest -n 2 --dist loadfile

test-postgres: setup  ## Django-testene (kvp/) på PostgreSQL ($$TEST_POSTGRES_URL)
	@$(RUN) python -c "import psycopg,sys; psycopg.connect('$(TEST_POSTGRES_URL)', connect_timeout=5).close()" \
		|| { echo "PostgreSQL svarer ikke på $(TEST_POSTGRES_URL). Start den, eller sett TEST_POSTGRES_URL."; exit 1; }
	DATABASE_URL=$(TEST_POSTGRES_URL) $(RUN) pytest -n 2 --dist loadfile kvp

check: setup  ## Lint, format, typer, lagene, regeltall utenfor kvp_regler, uv.lock og `check --deploy` med prod-innstillingene
	$(UV) lock --check --no-progress
	$(RUN) ruff check .
	$(RUN) ruff format --check .
	$(RUN) mypy kvp_regler bench kvp config
	$(RUN) lint-imports
	$(RUN) pytest -q -p no:cacheprovider -n 0 kvp/felles/tests/test_regelkonstanter.py kvp/felles/tests/test_arkitektur.py
	$(DEV) $(RUN) python manage.py makemigrations --check --dry-run
	$(DEV) $(RUN) python manage.py check
	DJANGO_SETTINGS_MODULE=config.settings.prod DJANGO_ALLOWED_HOSTS=kvp.example.no \
		DJANGO_SECRET_KEY="$$($(RUN) python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
		$(RUN) python manage.py check --deploy --fail-level WARNING

format: setup  ## Formater koden
	$(RUN) ruff format .
	$(RUN) ruff check --fix .

bench: setup  ## Mål ytelsen og skriv resultatet til docs/benchmarks.md
	$(RUN) python -m bench.beregning
	$(RUN) python -m bench.tavle
	$(RUN) python -m bench.utbetaling
	$(RUN) python -m bench.oppmoete
	$(RUN) python -m bench.statistikk
	$(RUN) python -m bench.arbeidsflate

clean:  ## Fjern virtuelle miljøer og mellomlagre
	rm -rf .venv .tools .pytest_cache .mypy_cache .ruff_cache .hypothesis staticfiles
