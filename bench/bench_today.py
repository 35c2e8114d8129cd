"""The "today" screen and the sidebar's counts over a demo profile (default 100,000 contacts, 300,000 visits):
what the database thread spends after start-up and after every change, beside the ambassadors' ranking
and the longest referral chain.

  today_view    - the screen's one read (follow-ups overdue/today/this week with their names, reminders);
  today_counts  - the sidebar's counts alone (read after a change while another screen is shown);
  ranking       - ambassador_ranking for this year; chain - referral_chain of the ambassador with most referrals.
Baseline, measured side by side in the same run: the Follow-ups screen's agenda (follow_up_agenda), which
the "today" view reuses, and the contact screen's first page (ids in name order and 100 rows). Each call is
Profile.read (a session opened per call, as the screens do), once to warm up and then REPEAT times.
"""
from __future__ import annotations

import argparse
from datetime import date

from common import BIG, bench_profile, fmt_ms, header, profile_summary, quantiles, timed

REPEAT = 5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--contacts", type=int, default=BIG[0])
    parser.add_argument("--visits", type=int, default=BIG[1])
    parser.add_argument("--data-dir", help="an existing profile instead of the cached demo one")
    args = parser.parse_args()
    header(f"today view and sidebar counts: {args.contacts:,} contacts, {args.visits:,} visits")
    from pathlib import Path

    from chushang_desk.services.agenda import follow_up_agenda
    from chushang_desk.services.ambassadors import ambassador_ranking, referral_chain
    from chushang_desk.services.contacts import ContactQuery, contact_rows, find_contact_ids
    from chushang_desk.services.profile import open_profile
    from chushang_desk.services.reminders import today_counts, today_view

    data_dir = Path(args.data_dir) if args.data_dir else bench_profile(args.contacts, args.visits)
    print(f"   profile: {profile_summary(data_dir) or data_dir}")
    profile = open_profile(data_dir)
    year = date.today().year
    try:
        ranking = profile.read(ambassador_ranking, year)
        most = ranking[0].ambassador_id if ranking else ""
        calls = {
            "baseline: contacts first page": lambda s: contact_rows(s, find_contact_ids(s, ContactQuery())[:100]),
            "baseline: follow_up_agenda": lambda s: follow_up_agenda(s, ""),
            "today_view": lambda s: today_view(s, ""),
            "today_counts": lambda s: today_counts(s, ""),
            f"ambassador_ranking {year}": lambda s: ambassador_ranking(s, year),
            "referral_chain (top ambassador)": lambda s: referral_chain(s, most) if most else None,
        }
        p50 = {}
        for name, call in calls.items():
            profile.read(call)
            times = [timed(profile.read, call)[0] for _ in range(REPEAT)]
            q = quantiles(times)
            p50[name] = q["p50"]
            print(f"   {name:34s} {fmt_ms(q)}")
        view = profile.read(today_view, "")
        c = view.counts
        print(f"   today: {c.due:,} due ({c.overdue:,} overdue, {c.due_today:,} today, {c.key_contacts:,} key contacts, "
              f"{c.stuck_projects:,} stuck projects, {c.arrivals_due:,} instalments), {c.this_week:,} this week; "
              f"{len(ranking):,} ambassadors ranked")
        agenda = p50["baseline: follow_up_agenda"]
        print(f"   ratio to the agenda: today_view {p50['today_view'] / agenda:.2f}x, "
              f"today_counts {p50['today_counts'] / agenda:.2f}x; to the contacts page: today_view "
              f"{p50['today_view'] / p50['baseline: contacts first page']:.1f}x")
    finally:
        profile.close()


if __name__ == "__main__":
    main()
