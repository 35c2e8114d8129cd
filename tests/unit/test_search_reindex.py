"""Profiles whose search keys were made by older rules are re-indexed once when opened."""
from tests.support.profile_db import db

from chushang_desk.db.search_index import SEARCH_KEYS_VERSION
from chushang_desk.services.contacts import ContactQuery, find_contact_ids, save_contact
from chushang_desk.services.profile import open_profile
from chushang_desk.services.search import reindex_if_outdated


def _keys_version(data_dir) -> str:
    with db(data_dir / "chushang.db") as raw:
        return raw.execute("SELECT value FROM local_setting WHERE key = 'search_keys_version'").fetchone()[0]


def test_outdated_keys_are_rebuilt_on_opening(data_dir):
    profile = open_profile(data_dir)
    contact_id = profile.write(save_contact, {"name": "旧索引", "is_merchant": True, "phones": "027-8765 4321"})
    profile.close()
    with db(data_dir / "chushang.db") as raw:  # as an older version left it: keys gone stale
        raw.execute("DELETE FROM contact_search")
        changed = raw.execute("UPDATE local_setting SET value = '1' WHERE key = 'search_keys_version'").rowcount
    assert changed == 1
    reopened = open_profile(data_dir)
    try:
        assert reopened.read(find_contact_ids, ContactQuery(text="87654321")) == [contact_id]
        assert reopened.read(find_contact_ids, ContactQuery(text="jiusuoyin")) == [contact_id]
    finally:
        reopened.close()
    assert _keys_version(data_dir) == str(SEARCH_KEYS_VERSION)


def test_current_keys_are_left_alone(data_dir):
    profile = open_profile(data_dir)
    try:
        profile.write(save_contact, {"name": "新索引", "is_merchant": True})
        assert profile.write(reindex_if_outdated) == 0
    finally:
        profile.close()
