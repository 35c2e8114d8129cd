"""Events travel (issue 11, item 3's record), through a real server: an event and its attendees made on
one laptop arrive on another of the station, with who came marked there; an officer of another station
sees neither the event nor its attendees, headquarters sees both."""
from __future__ import annotations

from datetime import date

from chushang_desk.models import EventAttendee
from chushang_desk.services.contacts import save_contact
from chushang_desk.services.events import EventQuery, event_detail, invite, list_events, save_event, set_attended
from chushang_desk.sync.engine import sync_once


def rounds(*devices, times: int = 2) -> None:
    for _ in range(times):
        for device in devices:
            sync_once(device.profile)


def attendees(device, event_id) -> list[tuple[str, bool, bool]]:
    return [(a.name, a.invited, a.attended) for a in device.read(event_detail, event_id).attendees]


def test_an_event_and_its_attendees_arrive_and_another_station_sees_none_of_it(make_device):
    a, b = make_device("a", "officer_a"), make_device("b", "lead_a")  # both of station jjj
    other_station, hq = make_device("c", "officer_b"), make_device("hq", "hq")

    def make(s):
        people = [save_contact(s, {"name": name, "is_merchant": True, "station": "jjj"}) for name in ("张三", "李四")]
        event = save_event(s, {"name": "京津冀楚商新春联谊会", "held_on": date(2025, 2, 8), "kind": "gathering",
                               "categories": ["festival", "key_region"], "station": "jjj"})
        invite(s, event, people)
        return event, people

    event, (zhang, _li) = a.write(make)
    rounds(a, b)
    b.write(set_attended, event, zhang)  # marked at the door on the other laptop
    rounds(a, b, other_station, hq)
    for device in (a, b, hq):
        assert attendees(device, event) == [("张三", True, True), ("李四", True, False)], device.name
        rows = device.read(list_events, EventQuery(year=2025, category="key_region"))
        assert [(r.name, r.invited, r.attended) for r in rows] == [("京津冀楚商新春联谊会", 2, 1)], device.name
    assert other_station.read(list_events) == []
    assert other_station.read(lambda s: s.query(EventAttendee).count()) == 0
