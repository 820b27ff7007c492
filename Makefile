# govmodel: `make demo` and `make test` set everything up themselves on a fresh Debian machine.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed-dev
DEMO_OUT ?= build/demo

.PHONY: help setup dot chromium demo test lint typecheck pytest docs bench clean

help:
	@echo "make demo   - set up, then summarise, judge and draw the MSECC example"
	@echo "make test   - set up, then run linters, type checker, tests, notebooks and docs"
	@echo "make bench  - run the benchmarks (BENCH_ARGS=\"--quick\" for a smoke run)"

# A virtual environment with govmodel and every extra, byte-compiled at install
# (PYTHONDONTWRITEBYTECODE is set on these machines; see docs/development.md).
$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check uv || true
	if [ -x $(BIN)/uv ]; then \
	  $(BIN)/uv pip install --python $(PY) --quiet --compile-bytecode -e '.[dev]'; \
	else \
	  $(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'; \
	fi
	touch $@

# Graphviz's dot renders diagrams; install it with apt-get when it is missing.
dot:
	@command -v dot >/dev/null 2>&1 || { \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  echo "installing graphviz (dot) with apt-get"; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq graphviz >/dev/null; }

# Headless Chromium prints the pack to PDF and is the browser the tests open it in;
# Debian's package, installed with apt-get when it is missing (poppler-utils too, for
# pdftoppm and pdfinfo, which the tests use to read the PDF back).
chromium:
	@{ command -v chromium >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1; } || { \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  echo "installing chromium and poppler-utils with apt-get"; \
	  $$SUDO apt-get update -qq && \
	  $$SUDO apt-get install -y -qq chromium poppler-utils >/dev/null; }

setup: $(STAMP) dot chromium

demo: setup
	$(BIN)/govmodel show govmodel/examples/msecc-2020.yaml
	$(BIN)/govmodel forms govmodel/examples/msecc-2020.yaml
	$(BIN)/govmodel forms govmodel/examples/msecc-2023.yaml
	$(BIN)/govmodel check govmodel/examples/msecc-2023.yaml
	$(BIN)/govmodel trace govmodel/examples/msecc-2023.yaml msecc.board
	mkdir -p $(DEMO_OUT)
	$(BIN)/govmodel draw govmodel/examples/msecc-2023.yaml -o $(DEMO_OUT)/msecc-2023.svg --highlight msecc.board --force
	$(BIN)/govmodel draw govmodel/examples/msecc-2023.yaml -o $(DEMO_OUT)/msecc-2023.png --force
	$(BIN)/govmodel table govmodel/examples/msecc-2023.yaml -o $(DEMO_OUT)/msecc-2023.xlsx --force
	$(BIN)/govmodel pack govmodel/examples/msecc-2023.yaml -o $(DEMO_OUT)/msecc-2023-pack.html --force
	$(BIN)/govmodel pack govmodel/examples/msecc-2023.yaml -o $(DEMO_OUT)/msecc-2023-pack.docx --force
	$(BIN)/govmodel pack govmodel/examples/msecc-2023.yaml -o $(DEMO_OUT)/msecc-2023-pack.pdf --force
	@echo
	@echo "Diagram:  $(DEMO_OUT)/msecc-2023.svg (and one page per organisation beside it)"
	@echo "Workbook: $(DEMO_OUT)/msecc-2023.xlsx"
	@echo "Board pack: $(DEMO_OUT)/msecc-2023-pack.html, .docx and .pdf"

lint: setup
	$(BIN)/ruff check govmodel tests benchmarks docs
	$(BIN)/ruff format --check govmodel tests benchmarks docs
	$(BIN)/lint-imports --no-logo

typecheck: setup
	$(BIN)/mypy

pytest: setup
	$(BIN)/pytest --nbmake tests govmodel notebooks README.md docs

docs: setup
	rm -rf docs/_build
	$(BIN)/sphinx-build -W --keep-going -q -b html docs docs/_build/html

test: lint typecheck pytest docs
	@echo "make test: every check passed"

# The benchmark table for sizes 1k to 120k nodes; results also in build/bench.json.
# Options go in BENCH_ARGS, e.g. make bench BENCH_ARGS="--quick" or "--sizes 1k,10k".
BENCH_ARGS ?=
bench: setup
	mkdir -p build
	$(PY) benchmarks/bench.py --json build/bench.json $(BENCH_ARGS)

clean:
	rm -rf $(VENV) build docs/_build docs/reference/generated .pytest_cache .mypy_cache .ruff_cache .hypothesis .import_linter_cache
