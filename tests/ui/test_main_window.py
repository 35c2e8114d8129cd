"""The main window opens a fresh profile and shows every screen in the sidebar."""
from tests.conftest import wait_idle


def test_main_window_opens_profile_and_lists_screens(main_window, qtbot, data_dir):
    wait_idle(qtbot, main_window)
    assert (data_dir / "chushang.db").exists()
    titles = [main_window.sidebar.item(i).text() for i in range(main_window.sidebar.count())]
    assert titles == [page.title() for page in main_window.pages]
    assert len(titles) == 5
    assert main_window.ctx.ref_items("station"), "reference lists are loaded from the seed"
    assert "0" in main_window.pending_label.text()
