# Two commands: `make run` sets up and starts the app, `make test` sets up and runs the suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DATA_DIR ?= $(HOME)/.local/share/chushang-desk/demo
DEMO_CONTACTS ?= 2000
DEMO_VISITS ?= 6000
# The embedded demo server beside the demo profile (SQLite, loopback only), and `make server`'s.
SERVER_PORT ?= 8765
SERVER_DB ?= sqlite:///$(DATA_DIR)-server.db
APT_RUN := libegl1 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3 libglib2.0-0 libfontconfig1 fonts-noto-cjk
APT_TEST := $(APT_RUN) libreoffice-calc-nogui

.PHONY: run server test setup setup-test apt-run apt-test translations bench clean

run: setup apt-run translations
	@mkdir -p "$(DATA_DIR)"
	sh scripts/run-demo.sh $(PY) "$(DATA_DIR)" "$(SERVER_DB)" $(SERVER_PORT) $(DEMO_CONTACTS) $(DEMO_VISITS)

# The central server alone, in the foreground (SERVER_DB=postgresql+psycopg://user@host/db for PostgreSQL).
server: setup
	$(PY) -m chushang_server migrate --db "$(SERVER_DB)"
	$(PY) -m chushang_server serve --db "$(SERVER_DB)" --host 127.0.0.1 --port $(SERVER_PORT)

test: setup-test apt-test translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q $(PYTEST_ARGS)

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is needed"'
	@# Debian's and Ubuntu's own Python make virtual environments only with python3-venv installed.
	@$(PYTHON) -c 'import ensurepip' 2>/dev/null || sh scripts/ensure-apt.sh python3-venv
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[server]'
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
