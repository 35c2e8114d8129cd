"""The main window opens a fresh profile and shows every screen in the sidebar."""
from tests.conftest import wait_idle


def test_main_window_opens_profile_and_lists_screens(main_window, qtbot, data_dir):
    wait_idle(qtbot, main_window)
    assert (data_dir / "chushang.db").exists()
    titles = [main_window.sidebar.item(i).text() for i in range(main_window.sidebar.count())]
    assert titles == ["Today", "Contacts", "Organizations", "Visits", "Follow-ups", "Referrals", "Events", "Projects",
                      "Targets", "Needs review"]
    for title in titles[1:]:  # every screen is built on first show and has the sidebar's title
        index = titles.index(title)
        main_window.sidebar.setCurrentRow(index)
        assert main_window.stack.currentWidget() is main_window.built[index]
        assert main_window.built[index].title() == title
    assert main_window.ctx.ref_items("station"), "reference lists are loaded from the seed"
    assert "0" in main_window.pending_label.text()


def test_log_visit_request_opens_the_visit_dialog_even_before_the_visit_screen_exists(main_window, qtbot):
    from chushang_desk.services import contacts

    wait_idle(qtbot, main_window)
    contact_id = main_window.ctx.profile.write(contacts.save_contact, {"name": "请求测试", "is_merchant": True})
    visits = main_window._index_of("VisitsPage")
    assert visits not in main_window.built
    main_window.ctx.log_visit_requested.emit([contact_id])
    page = main_window.built[visits]
    assert main_window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: page.log_dialog is not None and page.log_dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: contact_id in page.log_dialog.contacts.ids(), timeout=5000)
    page.log_dialog.reject()


def test_the_sidebar_icons_are_our_own_svgs(main_window):
    from PySide6.QtGui import QIcon, QImage

    from chushang_desk.ui.icons import icon_path

    assert main_window.sidebar.count() == len(main_window.screens)
    for row, name in enumerate(screen.icon for screen in main_window.screens):
        assert QImage(icon_path(name)).width() == 24, icon_path(name)  # the file is there and reads as SVG
        icon = main_window.sidebar.item(row).icon()
        assert not icon.isNull() and not icon.pixmap(20, 20).isNull()
        assert icon.pixmap(20, 20).toImage() == _svg_image(icon_path(name))  # drawn from our file
        assert _colours(icon.pixmap(20, 20, QIcon.Mode.Selected).toImage()) == {"#ffffff"}  # seen on the highlight


def _colours(image) -> set[str]:
    return {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())
            if image.pixelColor(x, y).alpha() > 200}


def _svg_image(path):
    from PySide6.QtGui import QIcon

    return QIcon(path).pixmap(20, 20).toImage()


def test_empty_detail_panes_say_what_to_do(main_window, qtbot):
    wait_idle(qtbot, main_window)
    contacts = main_window.show_page("ContactsPage")
    wait_idle(qtbot, main_window)
    assert contacts.detail.empty.isVisible() and not contacts.detail.content.isVisible()
    assert "Ctrl+N" in contacts.detail.empty.text()
    organizations = main_window.show_page("OrganizationsPage")
    wait_idle(qtbot, main_window)
    assert organizations.detail.empty.isVisible() and not organizations.detail.tabs.isVisible()
    assert "Ctrl+N" in organizations.detail.empty.text()


def test_at_the_default_size_the_phone_column_and_every_filter_label_show_whole(main_window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    from chushang_desk.ui.contacts.page import PHONE_COLUMN

    assert (main_window.width(), main_window.height()) == (1280, 800)
    page = main_window.show_page("ContactsPage")
    wait_idle(qtbot, main_window)
    header = page.table.horizontalHeader()
    assert page.model.headerData(PHONE_COLUMN, Qt.Orientation.Horizontal) == "Phone"
    right_edge = header.sectionViewportPosition(PHONE_COLUMN) + header.sectionSize(PHONE_COLUMN)
    assert 0 <= header.sectionViewportPosition(PHONE_COLUMN) and right_edge <= page.table.viewport().width()
    combo = page.filters.native_prefecture
    assert combo.itemText(0) == "Native place"
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    text_area = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                             QStyle.SubControl.SC_ComboBoxEditField, combo)
    assert text_area.width() >= combo.fontMetrics().horizontalAdvance("Native place")  # not "Native plac"


def test_the_window_icon_is_our_own_mark(main_window):
    from PySide6.QtWidgets import QApplication

    from chushang_desk.ui.icons import icon_path

    icon = QApplication.instance().windowIcon()
    assert not icon.isNull()
    assert icon.pixmap(48, 48).toImage() == _svg_image_sized(icon_path("app"), 48)  # not Qt's stock pixmap
    assert QApplication.instance().desktopFileName() == "chushang-desk"  # the installers' .desktop entry


def _svg_image_sized(path, size):
    from PySide6.QtGui import QIcon

    return QIcon(path).pixmap(size, size).toImage()
