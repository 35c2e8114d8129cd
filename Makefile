# Two commands: `make run` sets up and starts the app, `make test` sets up and runs the suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DATA_DIR ?= $(HOME)/.local/share/chushang-desk/demo
DEMO_CONTACTS ?= 2000
DEMO_VISITS ?= 6000
APT_RUN := libegl1 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3 libglib2.0-0 libfontconfig1 fonts-noto-cjk
APT_TEST := $(APT_RUN) libreoffice-calc-nogui

.PHONY: run test setup setup-test apt-run apt-test translations bench clean

run: setup apt-run translations
	@test -f "$(DATA_DIR)/chushang.db" || $(PY) -m chushang_desk demo-data --data-dir "$(DATA_DIR)" \
		--contacts $(DEMO_CONTACTS) --visits $(DEMO_VISITS) --seed 1
	$(PY) -m chushang_desk --data-dir "$(DATA_DIR)"

test: setup-test apt-test translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q $(PYTEST_ARGS)

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is needed"'
	@# Debian's and Ubuntu's own Python make virtual environments only with python3-venv installed.
	@$(PYTHON) -c 'import ensurepip' 2>/dev/null || sh scripts/ensure-apt.sh python3-venv
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PY) -m pip install -q -e '.[test]'
	touch $@

setup: $(VENV)/.installed
setup-test: $(VENV)/.installed-test

# Qt's runtime libraries, a CJK font, and LibreOffice for the compatibility test, from Debian's packages.
apt-run:
	@sh scripts/ensure-apt.sh $(APT_RUN)
apt-test:
	@sh scripts/ensure-apt.sh $(APT_TEST)

# Compile the Qt translations (.ts -> .qm) shipped in resources/translations.
translations: setup
	@sh scripts/build-translations.sh $(VENV)

bench: setup-test
	QT_QPA_PLATFORM=offscreen $(PY) bench/run_all.py

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
