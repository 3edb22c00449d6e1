# Two commands for people: `make run` and `make test`. Each (re)builds .venv
# when it is missing or older than the requirements files.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: run test test-fast bench bench-accuracy browser clean

$(BIN)/.runtime-installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(BIN)/.dev-installed: requirements-dev.txt $(BIN)/.runtime-installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# The upload widget's own cap follows the app's file-size limit (TSR_MAX_FILE_MB): raised alone, the widget still
# refused files over 200 MB with its own message.
run: $(BIN)/.runtime-installed
	$(BIN)/streamlit run dashboard.py --server.port $(PORT) --server.maxUploadSize $${TSR_MAX_FILE_MB:-200}

# Debian's chromium drives the browser tests; installed when missing.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: $(BIN)/.dev-installed browser
	$(BIN)/python -m pytest

test-fast: $(BIN)/.dev-installed
	$(BIN)/python -m pytest tests/core tests/ui

bench: $(BIN)/.dev-installed
	for f in bench/bench_*.py; do $(BIN)/python $$f || exit 1; done

# The accuracy benchmark has its own environment (statsforecast brings numba and its own scipy).
.venv-bench/.installed: requirements-bench.txt
	test -x .venv-bench/bin/python || $(PYTHON) -m venv .venv-bench
	.venv-bench/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-bench.txt
	touch $@

bench-accuracy: .venv-bench/.installed
	.venv-bench/bin/python bench/accuracy.py

clean:
	rm -rf $(VENV) .venv-bench .pytest_cache
