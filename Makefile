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
# Qt's xcb platform plugin (libqxcb.so, libQt6XcbQpa.so.6) links to every X11 library below: one missing
# and the app aborts at start (`Could not load the Qt platform plugin "xcb"`, issue 8); the Wayland
# plugin's three after them. tests/ui/test_real_display.py checks them with ldd.
APT_X11 := libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-glx0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
	libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 \
	libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0
APT_WAYLAND := libwayland-client0 libwayland-cursor0 libwayland-egl1
APT_RUN := libegl1 libgl1 libxkbcommon0 libdbus-1-3 libglib2.0-0 libfontconfig1 fonts-noto-cjk $(APT_X11) $(APT_WAYLAND)
# Xvfb and xwininfo (x11-utils): the app started on a real X display in tests/ui/test_real_display.py;
# systemd-analyze (systemd): the shipped unit file checked in tests/server/test_systemd_unit.py.
# makensis (nsis): the Windows installer script compiled against the Linux bundle; desktop-file-validate
# (desktop-file-utils): the .deb's menu entry (tests/packaging/test_bundle.py).
APT_TEST := $(APT_RUN) libreoffice-calc-nogui xvfb x11-utils systemd nsis desktop-file-utils

.PHONY: run server test setup setup-test apt-run apt-test translations installer bench clean

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

# Qt's runtime libraries (X11, Wayland) and a CJK font; for the tests also LibreOffice (the compatibility
# test) and Xvfb (the real display test); from Debian's packages.
apt-run:
	@sh scripts/ensure-apt.sh $(APT_RUN)
apt-test:
	@sh scripts/ensure-apt.sh $(APT_TEST)

# Compile the Qt translations (.ts -> .qm) shipped in chushang_desk/resources/translations.
translations: setup
	@sh scripts/build-translations.sh $(VENV)

# The PyInstaller one-folder bundle (dist/chushang-desk/) and the .deb built from it (dist/*.deb);
# installer/README.md says what each holds and how the Windows installer is built.
installer: setup-test translations
	sh installer/build.sh $(PY)

bench: setup-test
	QT_QPA_PLATFORM=offscreen $(PY) bench/run_all.py

clean:
	rm -rf $(VENV) .pytest_cache build dist *.egg-info
