# KVP — every command a developer or CI needs. `make help` lists them.
# uv (the package manager) is installed into .tools/ on first use, so a fresh machine needs only python3.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PYTHON ?= python3
UV_VERSION := 0.13.9
UV := .tools/bin/uv
RUN := $(UV) run --frozen --no-progress

.PHONY: help setup run test check lint format bench clean

help:  ## Vis kommandoene
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

setup: $(UV)  ## Installer avhengighetene (låst i uv.lock) i .venv
	$(UV) sync --frozen --no-progress --python $(PYTHON)

run: setup  ## Kjør en demoberegning med `kvp beregn`
	$(RUN) kvp beregn < docs/eksempler/mars-2025.json

test: setup  ## Kjør alle testene
	$(RUN) pytest -n 2 --dist loadfile

check: setup  ## Lint, format, typer og arkitekturkontrakter
	$(RUN) ruff check .
	$(RUN) ruff format --check .
	$(RUN) mypy kvp_regler bench
	$(RUN) lint-imports

format: setup  ## Formater koden
	$(RUN) ruff format .
	$(RUN) ruff check --fix .

bench: setup  ## Mål ytelsen og skriv resultatet til docs/benchmarks.md
	$(RUN) python -m bench.beregning

clean:  ## Fjern virtuelle miljøer og mellomlagre
	rm -rf .venv .tools .pytest_cache .mypy_cache .ruff_cache .hypothesis
