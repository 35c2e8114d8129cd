"""The app's own icons: small SVGs in resources/icons/, drawn in one style (24 px grid, one stroke colour)."""
from __future__ import annotations

from PySide6.QtGui import QIcon

from ..paths import resources_dir

# The sidebar's screens by class name (main_window._screens) -> icon file in resources/icons/.
SCREEN_ICONS = {
    "ContactsPage": "contacts", "OrganizationsPage": "organizations", "VisitsPage": "visits",
    "FollowUpsPage": "follow-ups", "ReferralsPage": "referrals", "NeedsReviewPage": "review",
}


def icon_path(name: str) -> str:
    return str(resources_dir() / "icons" / f"{name}.svg")


def app_icon(name: str) -> QIcon:
    """QIcon reads the .svg through Qt's SVG icon engine, sharp at any size."""
    return QIcon(icon_path(name))
