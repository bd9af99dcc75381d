# pressdesk: `make demo` and `make test` do all of the set-up themselves.
PYTHON ?= python3
PORT   ?= 8000
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo test lint fuzz bench clean browser

install: $(STAMP)

# Re-run pip only when the project's dependency list changes.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[all]'
	touch $(STAMP)

demo: install
	rm -f demo.db; rm -rf demo.db.index
	$(BIN)/pressdesk --db demo.db ingest data/samples/motir-2025-11.txt
	$(BIN)/pressdesk --db demo.db list
	$(BIN)/pressdesk --db demo.db search 'semiconductor exports' --limit 3
	$(BIN)/pressdesk --db demo.db search 'carbon border tax on imports' --mode hybrid --limit 3
	$(BIN)/pressdesk --db demo.db show $$($(BIN)/pressdesk --db demo.db search 'ICT exports' --json \
	  | $(BIN)/python -c 'import json, sys; print(json.load(sys.stdin)[0]["id"])')
	$(BIN)/pressdesk --db demo.db entities --limit 10
	$(BIN)/pressdesk --db demo.db stats
	@echo "Open http://127.0.0.1:$(PORT)/ in a browser (Ctrl-C stops the server)."
	$(BIN)/pressdesk --db demo.db serve --port $(PORT)

# The lint and type checks run first: CI holds the code to them.
test: install lint browser
	$(BIN)/pytest

# The browser tests drive Debian's Chromium (Playwright cannot download its own here).
browser:
	test -x /usr/bin/chromium || { apt-get update && apt-get install -y chromium; }

lint: install
	$(BIN)/ruff check pressdesk tests bench
	$(BIN)/mypy pressdesk tests

# The readers' property tests at length, with random seeds: FUZZ_EXAMPLES runs of each (a few minutes at 2000).
FUZZ_EXAMPLES ?= 2000
fuzz: install
	PRESSDESK_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/pytest -p no:cacheprovider tests/test_readers_properties.py

# The full runs take a while (1M releases); docs/benchmarks.md has each command and its figures.
bench: install
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/search.py --sizes 10000 100000 --hybrid --ingest

clean:
	rm -rf $(VENV) demo.db demo.db.index demo.db.models .pytest_cache .mypy_cache
