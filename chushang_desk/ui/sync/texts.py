"""Words the sync screens show: errors in plain words, and the names of tables and fields.

Every text is a literal inside QCoreApplication.translate so lupdate finds it (no aliases).
"""
from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QCoreApplication

# After these the server will not accept this device until the user acts (signs in again, updates):
# automatic retries stop, a sync by hand still tries.
# A refused certificate is retried: a hotel's captive portal answers for every server until signed in.
STOP_CODES = frozenset({"not_signed_in", "bad_credentials", "device_revoked", "bad_token",
                        "client_too_old", "server_too_old", "plain_http", "bad_url", "ca_file_unreadable"})

# The connection is gone: the long-poll probes for the server every few seconds and the sync follows as
# soon as it answers (scheduler.py), so the status names no retry time for these.
PROBED = frozenset({"network", "server_unreachable"})


def sidebar_title(count: int) -> str:
    """The review screen's sidebar label, with how many conflicts wait."""
    if count > 99:  # the sidebar is narrow
        return QCoreApplication.translate("NeedsReviewPage", "Needs review (99+)")
    if count:
        return QCoreApplication.translate("NeedsReviewPage", "Needs review (%Ln)", "", count)
    return QCoreApplication.translate("NeedsReviewPage", "Needs review")


def local_time(utc: datetime | None) -> datetime | None:
    """Sync stores UTC without a zone (device clocks may be anywhere); people read their own clock."""
    if utc is None:
        return None
    return (utc if utc.tzinfo else utc.replace(tzinfo=timezone.utc)).astimezone().replace(tzinfo=None)


def hh_mm(moment: datetime | None) -> str:
    return moment.strftime("%H:%M") if moment else "--:--"


def status_error(code: str, message: str = "", retry_at: datetime | None = None) -> str:
    """The status bar's sentence for a failed background sync."""
    at = hh_mm(retry_at)
    texts = {
        "not_signed_in": lambda: QCoreApplication.translate("SyncTexts", "Not signed in: use File → Sign in to server…"),
        # The long-poll probes every few seconds for these two: no retry time to wait for.
        "network": lambda: QCoreApplication.translate("SyncTexts", "No network: sync resumes by itself once connected"),
        "server_unreachable": lambda: QCoreApplication.translate("SyncTexts", "The server does not answer: sync resumes by itself when it is back"),
        "bad_credentials": lambda: QCoreApplication.translate("SyncTexts", "The server no longer accepts this account: sign in again"),
        "device_revoked": lambda: QCoreApplication.translate("SyncTexts", "This computer's access was revoked: sign in again"),
        "bad_token": lambda: QCoreApplication.translate("SyncTexts", "The sign-in has expired: sign in again"),
        "rate_limited": lambda: QCoreApplication.translate("SyncTexts", "Too many requests: will retry at {0}").format(at),
        "client_too_old": lambda: QCoreApplication.translate("SyncTexts", "This app is too old for the server: please update Chushang Desk"),
        "server_too_old": lambda: QCoreApplication.translate("SyncTexts", "The server is too old for this app: the server must be updated"),
        "server_busy": lambda: QCoreApplication.translate("SyncTexts", "The server is busy: will retry at {0}").format(at),
        "server_error": lambda: QCoreApplication.translate("SyncTexts", "The server had a problem: will retry at {0}").format(at),
        "too_large": lambda: QCoreApplication.translate("SyncTexts", "An edit is too large to send: will retry at {0}").format(at),
        "plain_http": lambda: QCoreApplication.translate("SyncTexts", "Refused to send over plain http://: sign in again with the server's https:// address"),
        "bad_url": lambda: QCoreApplication.translate("SyncTexts", "The server address is not an https:// address: sign in again"),
        "ca_file_unreadable": lambda: QCoreApplication.translate("SyncTexts", "The CA certificate file cannot be read: choose it again in File → Settings"),
        "tls_untrusted": lambda: QCoreApplication.translate("SyncTexts", "The server's certificate is not trusted, nothing was sent: will retry at {0}").format(at),
        "tls_expired": lambda: QCoreApplication.translate("SyncTexts", "The server's certificate has expired (or this computer's date is wrong), nothing was sent: will retry at {0}").format(at),
        "tls_wrong_host": lambda: QCoreApplication.translate("SyncTexts", "The server's certificate is for another address, nothing was sent: will retry at {0}").format(at),
        "tls_handshake": lambda: QCoreApplication.translate("SyncTexts", "No secure connection to the server could be made: will retry at {0}").format(at),
    }
    if code in texts:
        return texts[code]()
    return QCoreApplication.translate("SyncTexts", "Sync failed ({0}): will retry at {1}").format(message or code, at)


def sign_in_error(code: str, message: str = "", retry_after: float | None = None) -> str:
    """The sign-in dialog's sentence for a failed sign-in."""
    minutes = max(1, round((retry_after or 60) / 60))
    texts = {
        "bad_credentials": lambda: QCoreApplication.translate("SyncTexts", "Wrong user name or password."),
        "network": lambda: QCoreApplication.translate("SyncTexts", "This computer has no network connection. Connect to a network and try again."),
        "server_unreachable": lambda: QCoreApplication.translate("SyncTexts", "The server does not answer. Check the address; if it is right, the server may be stopped: tell the administrator."),
        # "{0} min", not a plural: lupdate does not mark translate(..., n) as numerus.
        "rate_limited": lambda: QCoreApplication.translate("SyncTexts", "Too many failed sign-ins. Try again in {0} min.").format(minutes),
        "client_too_old": lambda: QCoreApplication.translate("SyncTexts", "This version of Chushang Desk is too old for the server: please update it."),
        "server_too_old": lambda: QCoreApplication.translate("SyncTexts", "The server is too old for this version of Chushang Desk: ask the administrator to update it."),
        "server_busy": lambda: QCoreApplication.translate("SyncTexts", "The server is busy. Try again in a moment."),
        "server_error": lambda: QCoreApplication.translate("SyncTexts", "The server ran into a problem. Try again later or tell the administrator."),
        "device_revoked": lambda: QCoreApplication.translate("SyncTexts", "The server refused this computer. Ask the administrator."),
        "bad_token": lambda: QCoreApplication.translate("SyncTexts", "The server refused this computer. Ask the administrator."),
        "plain_http": lambda: QCoreApplication.translate("SyncTexts", "To protect your password and the records, the server is reached only at an https:// address (http:// only on this computer). Nothing was sent. Ask the administrator for the https:// address."),
        "bad_url": lambda: QCoreApplication.translate("SyncTexts", "The server address starts with http:// or https://"),
        "ca_file_unreadable": lambda: QCoreApplication.translate("SyncTexts", "The CA certificate file cannot be read. Choose the bureau's CA certificate (a PEM file), or leave the field empty."),
        "tls_untrusted": lambda: QCoreApplication.translate("SyncTexts", "The server's certificate is not trusted (self-signed or from an unknown authority). Nothing was sent. If the bureau uses its own certificates, choose its CA certificate file above; otherwise someone may be posing as the server: tell the administrator."),
        "tls_expired": lambda: QCoreApplication.translate("SyncTexts", "The server's certificate has expired, or this computer's date is wrong. Nothing was sent. Check the date and ask the administrator to renew the certificate."),
        "tls_wrong_host": lambda: QCoreApplication.translate("SyncTexts", "The server's certificate is for another address. Nothing was sent. Check the server address; otherwise someone may be posing as the server: tell the administrator."),
        "tls_handshake": lambda: QCoreApplication.translate("SyncTexts", "No secure connection to the server could be made (TLS handshake failed). Nothing was sent. The network may block encrypted connections, or the address serves no HTTPS."),
    }
    if code in texts:
        return texts[code]()
    return QCoreApplication.translate("SyncTexts", "Sign-in failed: {0}").format(message or code)


def error_code(exc: BaseException) -> tuple[str, str, float | None]:
    """(code, message, retry_after) of a sync failure; anything that is no SyncError is 'unexpected'."""
    from ...sync.errors import SyncError

    if isinstance(exc, SyncError):
        return str(exc.code), str(getattr(exc, "message", "") or exc), getattr(exc, "retry_after", None)
    return "unexpected", str(exc) or type(exc).__name__, None


def table_label(table: str) -> str:
    labels = {
        "contact": lambda: QCoreApplication.translate("SyncTexts", "Contact"),
        "organization": lambda: QCoreApplication.translate("SyncTexts", "Organization"),
        "affiliation": lambda: QCoreApplication.translate("SyncTexts", "Affiliation"),
        "visit": lambda: QCoreApplication.translate("SyncTexts", "Visit"),
        "visit_contact": lambda: QCoreApplication.translate("SyncTexts", "Visit attendee"),
        "visit_organization": lambda: QCoreApplication.translate("SyncTexts", "Visited organization"),
        "follow_up": lambda: QCoreApplication.translate("SyncTexts", "Follow-up"),
        "referral": lambda: QCoreApplication.translate("SyncTexts", "Referral"),
        "reference_item": lambda: QCoreApplication.translate("SyncTexts", "Reference list entry"),
        "annual_target": lambda: QCoreApplication.translate("SyncTexts", "Annual target"),
        "contact_merge": lambda: QCoreApplication.translate("SyncTexts", "Contact merge"),
        "project": lambda: QCoreApplication.translate("SyncTexts", "Project"),
        "capital_arrival": lambda: QCoreApplication.translate("SyncTexts", "Capital arrival"),
        "event": lambda: QCoreApplication.translate("SyncTexts", "Event"),
        "event_attendee": lambda: QCoreApplication.translate("SyncTexts", "Event attendee"),
    }
    return labels[table]() if table in labels else table


def field_label(field: str) -> str:
    """A field's name for people; the column name itself when no label is known."""
    labels = {
        "": lambda: QCoreApplication.translate("SyncFields", "Refused by the server"),
        "name": lambda: QCoreApplication.translate("SyncFields", "Name"),
        "gender": lambda: QCoreApplication.translate("SyncFields", "Gender"),
        "is_merchant": lambda: QCoreApplication.translate("SyncFields", "Merchant"),
        "is_alumnus": lambda: QCoreApplication.translate("SyncFields", "Alumnus"),
        "is_talent": lambda: QCoreApplication.translate("SyncFields", "Talent"),
        "is_key": lambda: QCoreApplication.translate("SyncFields", "Key contact"),
        "is_ambassador": lambda: QCoreApplication.translate("SyncFields", "Ambassador"),
        "ambassador_since": lambda: QCoreApplication.translate("SyncFields", "Ambassador since"),
        "ambassador_unit": lambda: QCoreApplication.translate("SyncFields", "Appointed by"),
        "native_prefecture": lambda: QCoreApplication.translate("SyncFields", "Native prefecture"),
        "native_county": lambda: QCoreApplication.translate("SyncFields", "Native county"),
        "region": lambda: QCoreApplication.translate("SyncFields", "Region"),
        "city": lambda: QCoreApplication.translate("SyncFields", "City"),
        "company": lambda: QCoreApplication.translate("SyncFields", "Company"),
        "title": lambda: QCoreApplication.translate("SyncFields", "Job title"),
        "industry": lambda: QCoreApplication.translate("SyncFields", "Industry"),
        "phones": lambda: QCoreApplication.translate("SyncFields", "Phones"),
        "phone": lambda: QCoreApplication.translate("SyncFields", "Phone"),
        "email": lambda: QCoreApplication.translate("SyncFields", "Email"),
        "wechat": lambda: QCoreApplication.translate("SyncFields", "WeChat"),
        "university": lambda: QCoreApplication.translate("SyncFields", "University"),
        "degree": lambda: QCoreApplication.translate("SyncFields", "Degree"),
        "graduation_year": lambda: QCoreApplication.translate("SyncFields", "Graduation year"),
        "talent_titles": lambda: QCoreApplication.translate("SyncFields", "Talent titles"),
        "tags": lambda: QCoreApplication.translate("SyncFields", "Tags"),
        "notes": lambda: QCoreApplication.translate("SyncFields", "Notes"),
        "source": lambda: QCoreApplication.translate("SyncFields", "Source"),
        "station": lambda: QCoreApplication.translate("SyncFields", "Station"),
        "kind": lambda: QCoreApplication.translate("SyncFields", "Kind"),
        "founded_on": lambda: QCoreApplication.translate("SyncFields", "Founded on"),
        "address": lambda: QCoreApplication.translate("SyncFields", "Address"),
        "role": lambda: QCoreApplication.translate("SyncFields", "Role"),
        "since": lambda: QCoreApplication.translate("SyncFields", "Since"),
        "visit_date": lambda: QCoreApplication.translate("SyncFields", "Visit date"),
        "officers": lambda: QCoreApplication.translate("SyncFields", "Officers"),
        "mode": lambda: QCoreApplication.translate("SyncFields", "Mode"),
        "place": lambda: QCoreApplication.translate("SyncFields", "Place"),
        "purpose": lambda: QCoreApplication.translate("SyncFields", "Purpose"),
        "summary": lambda: QCoreApplication.translate("SyncFields", "Summary"),
        "intention_industry": lambda: QCoreApplication.translate("SyncFields", "Intended industry"),
        "intention_amount": lambda: QCoreApplication.translate("SyncFields", "Intended amount (10k yuan)"),
        "intention_note": lambda: QCoreApplication.translate("SyncFields", "Intention note"),
        "next_contact_date": lambda: QCoreApplication.translate("SyncFields", "Next contact date"),
        "task": lambda: QCoreApplication.translate("SyncFields", "Task"),
        "owner": lambda: QCoreApplication.translate("SyncFields", "Owner"),
        "due_date": lambda: QCoreApplication.translate("SyncFields", "Due date"),
        "done": lambda: QCoreApplication.translate("SyncFields", "Done"),
        "done_on": lambda: QCoreApplication.translate("SyncFields", "Done on"),
        "ambassador_id": lambda: QCoreApplication.translate("SyncFields", "Ambassador"),
        "referred_contact_id": lambda: QCoreApplication.translate("SyncFields", "Referred contact"),
        "referred_organization_id": lambda: QCoreApplication.translate("SyncFields", "Referred organization"),
        "project_name": lambda: QCoreApplication.translate("SyncFields", "Project"),
        "referred_on": lambda: QCoreApplication.translate("SyncFields", "Referred on"),
        "status": lambda: QCoreApplication.translate("SyncFields", "Status"),
        "contact_id": lambda: QCoreApplication.translate("SyncFields", "Contact"),
        "organization_id": lambda: QCoreApplication.translate("SyncFields", "Organization"),
        "visit_id": lambda: QCoreApplication.translate("SyncFields", "Visit"),
        "survivor_id": lambda: QCoreApplication.translate("SyncFields", "Contact kept"),
        "merged_ids": lambda: QCoreApplication.translate("SyncFields", "Contacts merged"),
        "moves": lambda: QCoreApplication.translate("SyncFields", "Records moved"),
        "survivor_before": lambda: QCoreApplication.translate("SyncFields", "Values before the merge"),
        "undone_at": lambda: QCoreApplication.translate("SyncFields", "Undone"),
        "deleted_at": lambda: QCoreApplication.translate("SyncFields", "Deleted"),
        "year": lambda: QCoreApplication.translate("SyncFields", "Year"),
        "metric": lambda: QCoreApplication.translate("SyncFields", "Metric"),
        "value": lambda: QCoreApplication.translate("SyncFields", "Value"),
        "unit": lambda: QCoreApplication.translate("SyncFields", "Unit"),
        "list_name": lambda: QCoreApplication.translate("SyncFields", "List"),
        "code": lambda: QCoreApplication.translate("SyncFields", "Code"),
        "name_zh": lambda: QCoreApplication.translate("SyncFields", "Chinese name"),
        "name_en": lambda: QCoreApplication.translate("SyncFields", "English name"),
        "category": lambda: QCoreApplication.translate("SyncFields", "Category"),
        "sort_order": lambda: QCoreApplication.translate("SyncFields", "Sort order"),
        "active": lambda: QCoreApplication.translate("SyncFields", "Active"),
        "planned_amount": lambda: QCoreApplication.translate("SyncFields", "Planned amount (10,000 yuan)"),
        "district": lambda: QCoreApplication.translate("SyncFields", "Target district"),
        "stage": lambda: QCoreApplication.translate("SyncFields", "Stage"),
        "recommended_on": lambda: QCoreApplication.translate("SyncFields", "Recommended on"),
        "tracking_on": lambda: QCoreApplication.translate("SyncFields", "Tracked since"),
        "contacted_on": lambda: QCoreApplication.translate("SyncFields", "Contacted on"),
        "negotiating_on": lambda: QCoreApplication.translate("SyncFields", "Negotiating since"),
        "signed_on": lambda: QCoreApplication.translate("SyncFields", "Signed on"),
        "landed_on": lambda: QCoreApplication.translate("SyncFields", "Landed on"),
        "dropped_on": lambda: QCoreApplication.translate("SyncFields", "Dropped on"),
        "dropped_reason": lambda: QCoreApplication.translate("SyncFields", "Reason dropped"),
        "signed_amount": lambda: QCoreApplication.translate("SyncFields", "Signed amount (10,000 yuan)"),
        "is_chushang": lambda: QCoreApplication.translate("SyncFields", "Chushang project"),
        "is_alumni": lambda: QCoreApplication.translate("SyncFields", "Alumni project"),
        "leading_official": lambda: QCoreApplication.translate("SyncFields", "Leading official"),
        "task_force": lambda: QCoreApplication.translate("SyncFields", "Task force"),
        "plan": lambda: QCoreApplication.translate("SyncFields", "Plan"),
        "waiting_on": lambda: QCoreApplication.translate("SyncFields", "Waiting on"),
        "tracked_by": lambda: QCoreApplication.translate("SyncFields", "Tracked by"),
        "project_id": lambda: QCoreApplication.translate("SyncFields", "Project"),
        "amount": lambda: QCoreApplication.translate("SyncFields", "Amount (10,000 yuan)"),
        "due_on": lambda: QCoreApplication.translate("SyncFields", "Promised for"),
        "arrived_on": lambda: QCoreApplication.translate("SyncFields", "Arrived on"),
        "held_on": lambda: QCoreApplication.translate("SyncFields", "Held on"),
        "organizer": lambda: QCoreApplication.translate("SyncFields", "Organizer"),
        "categories": lambda: QCoreApplication.translate("SyncFields", "Counts for"),
        "invited": lambda: QCoreApplication.translate("SyncFields", "Invited"),
        "attended": lambda: QCoreApplication.translate("SyncFields", "Attended"),
        "event_id": lambda: QCoreApplication.translate("SyncFields", "Event"),
    }
    return labels[field]() if field in labels else field
