"""Issue 9: the package works installed the ordinary way. A wheel built from the checkout's files, installed
(not editable, with the `server` extra) into a fresh virtual environment outside the checkout; from there,
with no path into the checkout: --version, demo data, the visit-log export, the app started offscreen and
closed, the server migrated and serving, and two profiles signing in and syncing through it."""
from __future__ import annotations

import signal
import time
from pathlib import Path

import httpx
import openpyxl
import pytest

from chushang_desk.sync.protocol import SCHEMA_VERSION
from tests.packaging.installed import REPO, Installed, build_wheel, copy_sources, install
from tests.support.server_process import free_port

PASSWORD = "installed-secret-1"


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Installed:
    root = tmp_path_factory.mktemp("installed")
    assert REPO not in root.parents, "the install must live outside the checkout"
    wheel = build_wheel(copy_sources(root / "source"), root / "dist")
    home = root / "home"
    home.mkdir()
    return install(wheel, root / "venv", home)


def test_the_package_is_installed_not_linked_to_the_checkout(installed):
    where = installed.run("python", "-c", "import chushang_desk, chushang_server; from chushang_desk.paths import "
                          "resources_dir; print(chushang_desk.__file__); print(chushang_server.__file__); "
                          "print(resources_dir())")
    assert where.returncode == 0, where.stderr
    for line in where.stdout.splitlines():
        assert Path(line).is_relative_to(installed.venv), f"{line} is not in the installed environment"


def test_both_commands_print_their_version(installed):
    desk = installed.run("chushang-desk", "--version")
    assert desk.returncode == 0 and desk.stdout.strip() == f"chushang-desk 0.1.0 (sync schema {SCHEMA_VERSION})"
    server = installed.run("chushang-server", "--version")
    assert server.returncode == 0, server.stderr
    assert server.stdout.startswith("chushang-server 0.1.0 (sync schema") and "database schema 0" in server.stdout


def test_demo_data_and_the_visit_log_export_run_from_the_install(installed):
    profile, out = installed.home / "demo", installed.home / "visits.xlsx"
    demo = installed.run("chushang-desk", "demo-data", "--data-dir", str(profile), "--contacts", "40",
                         "--visits", "60")
    assert demo.returncode == 0, demo.stderr  # the seed's reference lists and the pinyin table were found
    export = installed.run("chushang-desk", "export-visits", "--data-dir", str(profile), "--out", str(out))
    assert export.returncode == 0, export.stderr
    sheet = openpyxl.load_workbook(out, read_only=True).worksheets[0]
    rows = [row for row in sheet.iter_rows(values_only=True) if any(cell is not None for cell in row)]
    assert len(rows) >= 60, f"{len(rows)} rows for 60 visits"


def test_a_member_list_is_imported_and_found_from_the_install(installed):
    """Issue 10 installed: calamine reads the workbook, OpenCC's dictionaries and the pinyin table are
    in the package (張偉 found as 张伟 and as zhangwei), the same mobile written another way is matched."""
    import xlsxwriter

    profile, book = installed.home / "import", installed.home / "members.xlsx"
    workbook = xlsxwriter.Workbook(str(book))
    sheet = workbook.add_worksheet("会员")
    sheet.write_row(0, 0, ["2025 年会员名单"])
    for r, row in enumerate([["姓名", "手机号码", "工作单位"], ["張偉", "138-0013-8000", "华为技术有限公司"],
                             ["李四", "139 0000 2222", "腾讯"], ["张伟", "+86 138 0013 8000", "华为"]], start=2):
        sheet.write_row(r, 0, row)
    workbook.close()
    done = installed.run("chushang-desk", "import-contacts", "--data-dir", str(profile), "--defaults",
                         "kind=merchant", str(book))
    assert done.returncode == 0, done.stdout + done.stderr
    script = ("import sys; from chushang_desk.services.profile import open_profile; "
              "from chushang_desk.services.contacts import ContactQuery, find_contact_ids; "
              "p = open_profile(sys.argv[1]); "
              "print(*[len(p.read(find_contact_ids, ContactQuery(text=q))) for q in ('张伟', 'zhangwei', '李四')]); "
              "p.close()")
    found = installed.run("python", "-c", script, str(profile))
    assert found.returncode == 0, found.stderr
    assert found.stdout.split() == ["1", "1", "1"], f"{found.stdout!r}: the third row is the first one's update"


def test_the_installed_translations_load(installed):
    script = ("from PySide6.QtWidgets import QApplication; from chushang_desk.ui.i18n import install_language; "
              "app = QApplication([]); install_language(app, 'zh_CN'); print(app.applicationDisplayName())")
    shown = installed.run("python", "-c", script)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.strip() == "楚商联络台", "the Chinese .qm was not found in the installed package"


def test_the_installed_app_starts_offscreen_and_closes_on_sigterm(installed, tmp_path):
    profile, log = installed.home / "app-profile", tmp_path / "app.log"
    app = installed.popen("chushang-desk", "--data-dir", str(profile), log=log)
    try:
        time.sleep(4)
        assert app.poll() is None, f"the app exited with {app.returncode}:\n{log.read_text()}"
        app.send_signal(signal.SIGTERM)  # closes the window as its close button does
        code = app.wait(timeout=20)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    assert code == 0, f"exit {code} after SIGTERM:\n{log.read_text()}"
    assert "Traceback" not in log.read_text(), log.read_text()
    assert (profile / "chushang.db").exists(), "the profile was never opened"


def test_the_installed_server_serves_and_two_profiles_sync_through_it(installed, tmp_path):
    db = f"sqlite:///{installed.home / 'server.db'}"
    for args in (["migrate"], ["add-station", "--code", "jjj", "--name-zh", "京津冀楚商联络站"],
                 ["add-user", "--user", "hq_admin", "--role", "hq"]):
        done = installed.run("chushang-server", *args, "--db", db, CHUSHANG_PASSWORD=PASSWORD)
        assert done.returncode == 0, done.stdout + done.stderr
    port, log = free_port(), tmp_path / "server.log"
    server = installed.popen("chushang-server", "serve", "--db", db, "--port", str(port), log=log)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, server, log)
        sender, receiver = installed.home / "sender", installed.home / "receiver"
        demo = installed.run("chushang-desk", "demo-data", "--data-dir", str(sender), "--contacts", "20",
                             "--visits", "25")
        assert demo.returncode == 0, demo.stderr
        for profile in (sender, receiver):
            login = installed.run("chushang-desk", "login", "--data-dir", str(profile), "--server", url,
                                  "--user", "hq_admin", stdin=PASSWORD + "\n")
            assert login.returncode == 0, login.stdout + login.stderr
        pushed = installed.run("chushang-desk", "sync", "--data-dir", str(sender), timeout=300)
        assert pushed.returncode == 0 and "pushed" in pushed.stdout, pushed.stdout + pushed.stderr
        pulled = installed.run("chushang-desk", "sync", "--data-dir", str(receiver), timeout=300)
        assert pulled.returncode == 0 and "pulled" in pulled.stdout, pulled.stdout + pulled.stderr
        assert _exported_visits(installed, receiver) == _exported_visits(installed, sender) == 25
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=15)
        except Exception:
            server.kill()
            server.wait()
    assert "Traceback" not in log.read_text(), log.read_text()


def _exported_visits(installed: Installed, profile: Path) -> int:
    out = profile.with_suffix(".xlsx")
    done = installed.run("chushang-desk", "export-visits", "--data-dir", str(profile), "--out", str(out))
    assert done.returncode == 0, done.stderr
    return int(done.stdout.split("已导出 ", 1)[1].split(" ", 1)[0])


def _wait_healthy(url: str, server, log: Path, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert server.poll() is None, f"the installed server exited:\n{log.read_text()}"
        try:
            if httpx.get(url + "/v1/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    pytest.fail(f"the installed server did not answer /v1/health in {timeout} s:\n{log.read_text()}")
