# kreport: `make` alone lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
QUARTER ?=
JOBS ?=

.DEFAULT_GOAL := help
.PHONY: help reports test test-fast lint lab validate plan bench bench-cli clean-reports system-deps

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

system-deps: ## install chromium and CJK fonts (Debian; needs root or sudo)
	bash scripts/system-deps.sh

reports: $(STAMP) ## build every report of the latest quarter into reports/ (QUARTER=2025Q3 JOBS=2 to choose)
	bash scripts/system-deps.sh fonts
	$(BIN)/kreport build $(if $(QUARTER),--quarter $(QUARTER)) $(if $(JOBS),--jobs $(JOBS))
	@echo "Open reports/index.html in a browser."

test: $(STAMP) ## the whole test suite, kernels and browser included (before a push; CI runs it)
	bash scripts/system-deps.sh fonts chromium
	$(BIN)/python -m pytest -q

FAST := -q -p no:cacheprovider -m "not slow and not browser"
test-fast: $(STAMP) ## the quick suite: no kernels, no browser (after every edit); two halves side by side
	@$(BIN)/python -m pytest $(FAST) tests/stats tests/sections > .test-fast-1.log 2>&1 & first=$$!; \
	$(BIN)/python -m pytest $(FAST) --ignore=tests/stats --ignore=tests/sections; second=$$?; \
	wait $$first; code=$$?; cat .test-fast-1.log; rm -f .test-fast-1.log; \
	[ $$code -eq 0 ] && [ $$second -eq 0 ]

lint: $(STAMP) ## ruff, and the import contracts that keep the layers pointing one way
	$(BIN)/ruff check kreport tests benchmarks
	$(BIN)/lint-imports

validate: $(STAMP) ## check the data files
	$(BIN)/kreport validate

plan: $(STAMP) ## show what a build would run or skip, and why
	$(BIN)/kreport plan

lab: $(STAMP) ## open JupyterLab on the notebooks
	$(BIN)/jupyter lab notebooks/

bench: $(STAMP) ## the build benchmark: cold and warm builds, before and after (prints figures)
	nice -n 10 $(BIN)/python benchmarks/build_benchmark.py

bench-cli: $(STAMP) ## how fast `kreport --help` starts, and what `import kreport.cli` loads
	$(BIN)/python benchmarks/cli_benchmark.py

clean-reports: ## delete generated reports
	rm -rf reports/*/ reports/index.html reports/manifest.json
