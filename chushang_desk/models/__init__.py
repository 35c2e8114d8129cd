"""SQLAlchemy typed ORM classes only: no Qt, no I/O."""
from .base import Base, Synced, synced_tables, NAMING_CONVENTION
from .reference import ReferenceItem, AnnualTarget, REFERENCE_LISTS
from .directory import Contact, ContactMerge, Organization, Affiliation, GENDERS, ORGANIZATION_KINDS
from .visits import (
    Visit, VisitContact, VisitOrganization, FollowUp, Referral, VISIT_MODES, REFERRAL_STATUSES,
)
from .projects import Project, CapitalArrival, PROJECT_STAGES, PROJECT_SOURCES, PROJECT_ISSUES
from .events import Event, EventAttendee, EVENT_CATEGORIES
from .local import OutboxEntry, LocalSetting, ImportBatch, OUTBOX_OPS
from .sync_state import SyncConflict, SyncHeldRow, SyncState, CONFLICT_RESOLUTIONS, SYNC_STATE_KEYS

__all__ = [
    "Base", "Synced", "synced_tables", "NAMING_CONVENTION",
    "ReferenceItem", "AnnualTarget", "REFERENCE_LISTS",
    "Contact", "ContactMerge", "Organization", "Affiliation", "GENDERS", "ORGANIZATION_KINDS",
    "Visit", "VisitContact", "VisitOrganization", "FollowUp", "Referral", "VISIT_MODES",
    "REFERRAL_STATUSES", "Project", "CapitalArrival", "PROJECT_STAGES", "PROJECT_SOURCES", "PROJECT_ISSUES",
    "Event", "EventAttendee", "EVENT_CATEGORIES",
    "OutboxEntry", "LocalSetting", "ImportBatch", "OUTBOX_OPS",
    "SyncConflict", "SyncHeldRow", "SyncState", "CONFLICT_RESOLUTIONS", "SYNC_STATE_KEYS",
]
