# Indonesian news analysis: every target documents itself (`make help`).
# Only Python 3.11+ and pip are needed; the project lives in .venv.

.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON_BOOT ?= python3
VENV        := .venv
PY          := $(VENV)/bin/python
STAMP       := $(VENV)/.installed
KERNEL      := indonesian-news
ARTICLE     ?= data/raw/tampang-2024-06-21-putin-kim-pact.txt

# Offline machines: a folder laid out like shared/datasets. Defaults to the
# workplace mirror when it exists; made absolute because notebooks run elsewhere.
DATA_MIRROR ?= $(wildcard ../shared/datasets)
ifneq ($(strip $(DATA_MIRROR)),)
export DATA_MIRROR := $(abspath $(DATA_MIRROR))
endif
export PYTHONHASHSEED := 0
export MPLBACKEND := Agg

.PHONY: help install report corpus test lint bench lab clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-9s %s\n", $$1, $$2}'
	@echo "  Variables: ARTICLE=path/to/article.txt and JOBS=n (report), CORPUS=dir|indosum and WORKERS=n (corpus),"
	@echo "             DASK_SCHEDULER_ADDRESS=tcp://host:8786 (corpus on an existing Dask cluster), DATA_MIRROR=dir (offline datasets)"

install: $(STAMP) ## Create .venv, install pinned dependencies and the package, register the kernel

# Re-run only when the dependency pins change (a stamp, not a reinstall every time).
$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON_BOOT) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	$(PY) -m helpers.jupyter_setup >/dev/null
	@touch $(STAMP)

report: $(STAMP) ## Execute every notebook on ARTICLE; HTML in reports/<slug>/, tables in data/processed/<slug>/
	$(PY) -m helpers.report --article "$(ARTICLE)" --kernel $(KERNEL) $(if $(JOBS),--jobs $(JOBS))

corpus: $(STAMP) ## Analyse every .txt article in CORPUS=dir (or CORPUS=indosum) with Dask; tables in data/processed/corpus-<name>/, report in reports/corpus-<name>/
	@test -n "$(CORPUS)" || { echo "error: set CORPUS=path/to/folder (of .txt articles) or CORPUS=indosum" >&2; exit 2; }
	$(PY) -m helpers.corpus_run --corpus "$(CORPUS)" $(if $(WORKERS),--workers $(WORKERS),)

test: $(STAMP) ## Run the unit tests and execute every notebook (pytest)
	$(PY) -m pytest

lint: $(STAMP) ## Check the code with ruff: lint rules and formatting (pyproject.toml)
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/ruff format --check src tests

bench: $(STAMP) ## Benchmark TF-IDF, report and sentiment speed; writes reports/bench.json
	$(PY) -m helpers.bench

# Mutation testing (issue 15): not part of make test. mutmut resumes an interrupted
# run; delete mutants/ to start over. MUTANT_CHILDREN parallel test processes.
MUTANT_CHILDREN ?= 2

mutants: $(STAMP) ## Mutation testing of the core modules (mutmut; resumable, about 20 minutes on a busy 2-core machine); writes reports/mutation.json
	$(VENV)/bin/mutmut run --max-children $(MUTANT_CHILDREN)
	$(PY) -m helpers.mutation

# Jupyter refuses to run as root without --allow-root (containers, CI machines).
LAB_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)

# Outputs never reach git: nbstripout as a git filter in this clone's .git/config
# (git stages a stripped copy; the notebook on disk keeps its outputs). Configured
# here rather than with `nbstripout --install`, which cannot pass --keep-id (without
# it every commit would renumber the cell ids). .gitattributes names the filter.
NBSTRIPOUT := "$(abspath $(PY))" -m nbstripout --keep-id

lab: $(STAMP) ## Open JupyterLab on the project kernel (installs the nbstripout git filter)
	@if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then \
	  git config filter.nbstripout.clean '$(NBSTRIPOUT)' && git config filter.nbstripout.smudge cat && \
	  git config filter.nbstripout.required true && git config diff.ipynb.textconv '$(NBSTRIPOUT) -t' && \
	  echo "nbstripout git filter installed: outputs are stripped from staged notebooks"; fi
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks $(LAB_ROOT) $(LAB_ARGS)

clean: ## Remove generated outputs (keeps .venv, data/raw and the dataset cache)
	rm -rf reports data/processed/*/ .pytest_cache mutants
