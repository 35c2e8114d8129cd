"""The Chinese translation is complete, keeps placeholders and accelerators, and the window shows it.

A string added to the UI without a translation fails here with its text: run
`sh scripts/update-translations.sh`, then fill it (scripts/fill_translations.py) and commit the .ts.
"""
from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import wait_idle

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "chushang_desk" / "resources" / "translations" / "chushang_zh_CN.ts"
EN_TS = ROOT / "chushang_desk" / "resources" / "translations" / "chushang_en.ts"
BIN = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"\{\d+\}|%L?n|%L?\d+")
ACCELERATOR = re.compile(r"&(?!&)\S")


def _messages(ts_path: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, <translation>) of every live message (not obsolete or vanished)."""
    out = []
    for context in ET.parse(ts_path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") not in ("obsolete", "vanished"):
                out.append((name, message.findtext("source") or "", translation))
    return out


def _texts(translation: ET.Element) -> list[str]:
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


def _tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        pytest.skip(f"{name} is not installed next to {sys.executable}")
    return str(path)


def test_every_entry_is_finished_and_not_empty():
    problems = [f"{ctx}: {src!r}" for ctx, src, tr in _messages(TS)
                if tr.get("type") == "unfinished" or not all(t.strip() for t in _texts(tr))]
    assert not problems, "untranslated in chushang_zh_CN.ts:\n" + "\n".join(problems)


def test_every_string_in_the_sources_is_translated(tmp_path):
    """A fresh lupdate over the UI finds nothing the committed .ts lacks (so new strings fail CI)."""
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "chushang_desk" / "ui").rglob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), "-silent", *sources, "-ts", str(fresh)],
                   check=True, capture_output=True)
    committed = {(ctx, src): tr for ctx, src, tr in _messages(TS)}
    found = _messages(fresh)
    assert len(found) > 100, "lupdate found suspiciously few strings"
    missing = [f"{ctx}: {src!r}" for ctx, src, _tr in found
               if (ctx, src) not in committed or committed[(ctx, src)].get("type") == "unfinished"]
    assert not missing, ("not translated (run sh scripts/update-translations.sh and fill):\n"
                         + "\n".join(missing))


def test_translatable_strings_are_written_so_lupdate_finds_them():
    """self.tr("literal") or QCoreApplication.translate("Context", "literal"): lupdate skips a variable
    and misreads an alias (tr = QCoreApplication.translate made it take the context for the text)."""
    problems = []
    for path in sorted((ROOT / "chushang_desk" / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', '?')}"
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Attribute) \
                    and node.value.attr in ("tr", "translate"):
                problems.append(f"{where}: alias {ast.unparse(node)}")
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name not in ("tr", "translate"):
                continue
            literal = 2 if name == "translate" else 1
            args = node.args[:literal]
            if (name == "tr" and not isinstance(func, ast.Attribute)) or len(args) < literal or not all(
                    isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args):
                problems.append(f"{where}: {ast.unparse(node)[:90]}")
    assert not problems, "lupdate cannot extract these:\n" + "\n".join(problems)


def test_no_translatable_string_hides_inside_an_f_string():
    """lupdate does not read the expressions of an f-string: f"<b>{self.tr('Follow-ups')}</b>" stayed
    English on the Chinese visit screen."""
    problems = []
    for path in sorted((ROOT / "chushang_desk" / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                for inner in ast.walk(node):
                    func = getattr(inner, "func", None)
                    if isinstance(inner, ast.Call) and getattr(func, "attr", getattr(func, "id", "")) in ("tr", "translate"):
                        problems.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(inner)[:80]}")
    assert not problems, "take these out of the f-string:\n" + "\n".join(problems)


def test_translations_keep_placeholders_accelerators_and_ellipses():
    problems = []
    for ctx, src, tr in _messages(TS):
        for text in _texts(tr):
            lost = [p for p in PLACEHOLDER.findall(src) if p not in text]
            if lost:
                problems.append(f"{ctx}: {src!r} -> {text!r} lost {lost}")
            if ACCELERATOR.search(src.replace("&&", "")) and not ACCELERATOR.search(text.replace("&&", "")):
                problems.append(f"{ctx}: {src!r} -> {text!r} lost its &accelerator")
            if src.endswith("…") and "…" not in text:
                problems.append(f"{ctx}: {src!r} -> {text!r} lost its …")
    assert not problems, "\n".join(problems)


# The glossary (docs/DOMAIN.md): one Chinese word per idea. The rejected words read as other ideas.
REJECTED = {"目的": "事由 (purpose)", "走访人员": "联络员 (the visiting officers)",
            "走访情况": "纪要 (the visit's minutes)", "意向行业": "意向产业 (intended industry)"}


def test_translations_keep_to_the_glossary():
    problems = [f"{ctx}: {src!r} -> {text!r}: use {REJECTED[word]}, not {word}"
                for ctx, src, tr in _messages(TS) for text in _texts(tr) for word in REJECTED if word in text]
    assert not problems, "\n".join(problems)


def test_translations_break_lines_only_where_the_source_does():
    """A newline in a translation that its source lacks broke the referral summary mid-sentence."""
    problems = [f"{ctx}: {src!r} -> {text!r}" for ctx, src, tr in _messages(TS) for text in _texts(tr)
                if text.count("\n") > src.count("\n")]
    assert not problems, "\n".join(problems)


def test_the_glossary_test_catches_a_rejected_word(tmp_path):
    bad = tmp_path / "bad.ts"
    bad.write_text(TS.read_text(encoding="utf-8").replace(">纪要", ">走访情况", 1), encoding="utf-8")
    assert any("走访情况" in text for _c, _s, tr in _messages(bad) for text in _texts(tr))


@pytest.fixture
def compiled_translations(tmp_path, monkeypatch):
    """The committed .ts files compiled into a temp resources folder that i18n loads (no stale .qm)."""
    folder = tmp_path / "resources" / "translations"
    folder.mkdir(parents=True)
    result = subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(folder / "chushang_zh_CN.qm")],
                            check=True, capture_output=True, text=True)
    assert "0 unfinished" in result.stdout, result.stdout
    subprocess.run([_tool("pyside6-lrelease"), str(EN_TS), "-qm", str(folder / "chushang_en.qm")],
                   check=True, capture_output=True, text=True)
    from chushang_desk.ui import i18n

    monkeypatch.setattr(i18n, "resources_dir", lambda: tmp_path / "resources")
    return folder


@pytest.fixture
def zh_window(qtbot, data_dir, compiled_translations):
    from PySide6.QtWidgets import QApplication

    from chushang_desk.ui.app import build_main_window
    from chushang_desk.ui.i18n import install_language

    window = build_main_window(data_dir, "zh_CN")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.ctx.profile is not None, timeout=15_000)
    yield window
    window.close()
    install_language(QApplication.instance(), "en")  # later tests expect the source language


def test_main_window_in_chinese_shows_chinese_sidebar_menus_and_screens(zh_window, qtbot):
    from PySide6.QtCore import QCoreApplication

    wait_idle(qtbot, zh_window)
    assert zh_window.windowTitle() == "楚商联络台"
    titles = [zh_window.sidebar.item(i).text() for i in range(zh_window.sidebar.count())]
    assert titles == ["今日待办", "名录", "组织", "走访", "待办", "推荐", "活动", "招商项目", "目标进度", "待核对的修改"]
    menus = [action.text() for action in zh_window.menuBar().actions()]
    assert menus == ["文件(&F)", "转到(&G)", "同步(&Y)", "帮助(&H)"]
    file_items = [a.text() for a in zh_window.menuBar().actions()[0].menu().actions() if not a.isSeparator()]
    assert file_items == ["设置(&S)…", "导入名录(&M)…", "导出名录(&X)…", "登录同步服务器(&I)…", "退出登录(&O)", "退出(&Q)"]
    go_items = [a.text() for a in zh_window.menuBar().actions()[1].menu().actions()]
    assert go_items == titles
    for class_name, title in zip(["TodayPage", "ContactsPage", "OrganizationsPage", "VisitsPage", "FollowUpsPage",
                                  "ReferralsPage", "EventsPage", "ProjectsPage", "DashboardPage", "NeedsReviewPage"],
                                 titles):
        assert zh_window.show_page(class_name).title() == title
    wait_idle(qtbot, zh_window)
    assert zh_window.pending_label.text() == "0 条修改待同步"
    assert zh_window.sync.status.connection_label.text() == "● 未登录"
    # Qt's own strings (standard buttons) come from qtbase_zh_CN.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


@pytest.fixture
def chinese(qapp, compiled_translations):
    from chushang_desk.ui.i18n import install_language

    install_language(qapp, "zh_CN")
    yield
    install_language(qapp, "en")


def test_qt_own_dialogs_speak_chinese(chinese, qtbot):
    """Qt's file dialog and message box from qtbase_zh_CN.qm, and the file dialog's labels it lacks from ours."""
    from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

    dialog = QFileDialog(None, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert labels == ["查找范围(&L)：", "文件名称(&N)：", "文件类型(&T)："]
    box = QMessageBox()
    qtbot.addWidget(box)
    box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel)
    assert sorted(button.text() for button in box.buttons()) == sorted(["保存", "取消"])
    assert _display_name() == "楚商联络台"  # appended to window titles


def _display_name() -> str:
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.applicationDisplayName()


def test_english_counts_read_as_english_plurals(qapp, compiled_translations):
    from PySide6.QtCore import QCoreApplication

    from chushang_desk.ui.i18n import install_language

    install_language(qapp, "en")
    texts = [QCoreApplication.translate("MainWindow", "%Ln edit(s) waiting to sync", "", n) for n in (0, 1, 2, 1200)]
    assert texts == ["0 edits waiting to sync", "1 edit waiting to sync", "2 edits waiting to sync",
                     "1,200 edits waiting to sync"]
    assert _display_name() == "Chushang Desk"  # not "Edit contact — 楚商联络台" in English
    left = QCoreApplication.translate("SignOut", "%Ln edit(s) have not reached the server yet.", "", 1)
    assert left == "1 edit has not reached the server yet."


def test_every_english_plural_has_its_two_forms():
    singular_forms = [(ctx, src, _texts(tr)) for ctx, src, tr in _messages(EN_TS)]
    assert len(singular_forms) >= 10
    problems = [f"{ctx}: {src!r} -> {forms}" for ctx, src, forms in singular_forms
                if len(forms) != 2 or any("(s)" in form for form in forms)]
    assert not problems, "run sh scripts/update-translations.sh:\n" + "\n".join(problems)


@pytest.mark.parametrize("ts", [TS, EN_TS], ids=lambda path: path.name)
def test_the_committed_qm_is_the_compiled_ts(ts, tmp_path):
    """The .qm files are committed (a wheel or bundle built from a clean clone needs them, and building them
    needs Qt's lrelease): after editing a .ts, `make translations` and commit both."""
    fresh = tmp_path / ts.with_suffix(".qm").name
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(fresh)], check=True)
    committed = ts.with_suffix(".qm")
    assert committed.exists() and committed.read_bytes() == fresh.read_bytes(), (
        f"{committed.name} is not {ts.name} compiled: run `make translations` and commit it")
