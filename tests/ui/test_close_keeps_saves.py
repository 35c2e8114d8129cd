"""Closing the app right after saving loses nothing that was saved (queued saves finish first)."""
from chushang_desk.services import contacts
from chushang_desk.services.profile import open_profile


def test_saves_queued_before_close_reach_the_database(main_window, data_dir):
    ctx = main_window.ctx
    names = [f"关闭测试{i}" for i in range(30)]
    for name in names:
        ctx.write(contacts.save_contact, {"name": name, "is_merchant": True})
    main_window.close()  # immediately, with the saves still queued on the database thread

    reopened = open_profile(data_dir)
    try:
        ids = reopened.read(contacts.find_contact_ids, contacts.ContactQuery(text="关闭测试"))
        saved = {row.name for row in reopened.read(contacts.contact_rows, ids)}
    finally:
        reopened.close()
    assert saved == set(names)
