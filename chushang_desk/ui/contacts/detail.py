"""The pane beside the contact table: one person, their affiliations, visits and referrals.

It only shows a ContactDetail (plain data) and says what the officer asked for through signals; the
page does the database work.
"""
from __future__ import annotations

from datetime import timezone
from html import escape
from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from ...services.contacts import ContactDetail
from ...services.validation import display_phone
from ..labels import mode_label, status_label
from ..widgets.empty_state import empty_state


class ContactDetailPane(QWidget):
    edit_requested = Signal(str)
    delete_requested = Signal(str)
    erase_requested = Signal(str)
    log_visit_requested = Signal(str)
    merge_requested = Signal(str)
    undo_merge_requested = Signal(str)  # the merge's id

    def __init__(self, names: Callable[[str, str], str], parent: QWidget | None = None):
        super().__init__(parent)
        self._names = names
        self.contact_id: str | None = None
        self.heading = QLabel()
        self.heading.setObjectName("contactHeading")
        self.heading.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.log_visit_button = QPushButton(self.tr("Log a visit…"))
        # Erase (PIPL): headquarters only, so hidden until the page knows the account may erase.
        self.erase_button = QPushButton(self.tr("Erase person…"))
        self.erase_button.setObjectName("eraseContactButton")
        self.erase_button.setToolTip(self.tr("Blank every personal detail of this person everywhere, for good"))
        self.erase_button.setVisible(False)
        self.erase_button.clicked.connect(lambda: self._ask(self.erase_requested))
        self.edit_button.clicked.connect(lambda: self._ask(self.edit_requested))
        self.delete_button.clicked.connect(lambda: self._ask(self.delete_requested))
        self.log_visit_button.clicked.connect(lambda: self._ask(self.log_visit_requested))
        self.merge_button = QPushButton(self.tr("Merge duplicates…"))
        self.merge_button.setObjectName("mergeContactButton")
        self.merge_button.clicked.connect(lambda: self._ask(self.merge_requested))
        self.undo_merge_button = QPushButton(self.tr("Undo merge"))
        self.undo_merge_button.setObjectName("undoMergeButton")
        self.undo_merge_button.setVisible(False)
        self.undo_merge_button.clicked.connect(self._ask_undo_merge)
        self.last_merge_id: str | None = None
        self.body = QTextBrowser()
        self.body.setObjectName("contactDetailBody")
        self.body.setOpenLinks(False)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.log_visit_button, self.edit_button, self.merge_button, self.undo_merge_button,
                       self.delete_button, self.erase_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.content = QWidget()
        column = QVBoxLayout(self.content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.heading)
        column.addLayout(buttons)
        column.addWidget(self.body, 1)
        self.empty = empty_state(self.tr(
            "Choose a contact in the list to see their details, visits and referrals, or press Ctrl+N to add one."))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 0, 0, 0)
        outer.addWidget(self.content, 1)
        outer.addWidget(self.empty, 1)
        self.show_nothing()

    def set_log_visit_keys(self, keys: QKeySequence) -> None:
        """The page's shortcut for "Log a visit…", told on the button."""
        self.log_visit_button.setToolTip(self.tr("Log a visit with this person ({0})").format(
            keys.toString(QKeySequence.SequenceFormat.NativeText)))

    def _ask(self, signal) -> None:
        if self.contact_id:
            signal.emit(self.contact_id)

    def show_nothing(self) -> None:
        self.contact_id = None
        self.heading.clear()
        self.body.clear()
        for button in (self.edit_button, self.delete_button, self.log_visit_button, self.erase_button,
                       self.merge_button):
            button.setEnabled(False)
        self.undo_merge_button.setVisible(False)
        self.content.hide()
        self.empty.show()

    def _ask_undo_merge(self) -> None:
        if self.last_merge_id:
            self.undo_merge_requested.emit(self.last_merge_id)

    def set_may_erase(self, may_erase: bool) -> None:
        """Offer "Erase person…" only to a headquarters account (the server refuses anyone else too)."""
        self.erase_button.setVisible(may_erase)
        self.erase_button.setEnabled(may_erase and self.contact_id is not None)

    def show_detail(self, detail: ContactDetail) -> None:
        contact = detail.contact
        self.contact_id = contact["id"]
        self.heading.setText(contact["name"])
        self.empty.hide()
        self.content.show()
        for button in (self.edit_button, self.delete_button, self.log_visit_button, self.erase_button,
                       self.merge_button):
            button.setEnabled(True)
        live = [m for m in detail.merges if m["undone_at"] is None]
        self.last_merge_id = live[0]["id"] if live else None
        self.undo_merge_button.setVisible(bool(live))
        if live:
            self.undo_merge_button.setToolTip(self.tr("Bring back {0}, merged into this contact").format(
                "、".join(live[0]["names"])))
        parts = [self._badges(contact), self._fields(contact), self._affiliations(detail), self._visits(detail),
                 self._referrals(detail), self._merged(live), self._audit(contact)]
        self.body.setHtml("".join(parts))

    # --- the HTML, one section per kind of record ------------------------------------------------------

    def _badges(self, c: dict) -> str:
        kinds = [self.tr("Merchant") if c["is_merchant"] else "", self.tr("Alumnus") if c["is_alumnus"] else "",
                 self.tr("Talent") if c["is_talent"] else ""]
        marks = [k for k in kinds if k]
        if c["is_key"]:
            marks.append(self.tr("★ Key contact"))
        if c["is_ambassador"]:
            since = c.get("ambassador_since")
            marks.append(self.tr("Ambassador since {0}").format(since.isoformat()) if since else self.tr("Ambassador"))
            if c.get("ambassador_unit"):
                marks.append(self.tr("appointed by {0}").format(c["ambassador_unit"]))
        return "<p>%s</p>" % " · ".join(f"<b>{escape(m)}</b>" for m in marks)

    def _fields(self, c: dict) -> str:
        gender = {"male": self.tr("Male"), "female": self.tr("Female")}.get(c.get("gender") or "", "")
        native = " ".join(p for p in (self._name("prefecture", c["native_prefecture"]), c["native_county"]) if p)
        region = " · ".join(p for p in (c["region"], c["city"] if c["city"] != c["region"] else "") if p)
        rows = [
            (self.tr("Company"), c["company"]), (self.tr("Title"), c["title"]),
            (self.tr("Industry"), self._name("industry", c["industry"])),
            (self.tr("Phones"), "; ".join(display_phone(p) for p in c.get("phones") or [])),
            (self.tr("E-mail"), c["email"]), (self.tr("WeChat"), c["wechat"]),
            (self.tr("Region / city"), region), (self.tr("Native place"), native), (self.tr("Gender"), gender),
            (self.tr("University"), self._name("university", c["university"])), (self.tr("Degree"), c["degree"]),
            (self.tr("Graduation year"), str(c["graduation_year"] or "")),
            (self.tr("Talent titles"), c["talent_titles"]), (self.tr("Tags"), ", ".join(c.get("tags") or [])),
            (self.tr("Station"), self._name("station", c["station"])), (self.tr("Source"), c["source"]),
            (self.tr("Notes"), c["notes"]),
        ]
        cells = "".join(
            f"<tr><td style='color:#555; padding-right:10px; white-space:nowrap' valign='top'>{escape(label)}</td>"
            f"<td>{escape(value).replace(chr(10), '<br>')}</td></tr>"
            for label, value in rows if value
        )
        return f"<table cellspacing='2'>{cells}</table>"

    def _section(self, title: str, count: int) -> str:
        return f"<h3 style='margin-top:14px'>{escape(title)} ({count})</h3>"

    def _affiliations(self, detail: ContactDetail) -> str:
        out = self._section(self.tr("Organizations"), len(detail.affiliations))
        if not detail.affiliations:
            return out + self._none(self.tr("No organizations recorded."))
        items = "".join(
            "<li>%s%s%s</li>" % (escape(a["organization"]), " — " + escape(a["role"]) if a["role"] else "",
                                  " (" + self.tr("since {0}").format(a["since"].isoformat()) + ")" if a["since"] else "")
            for a in detail.affiliations
        )
        return out + f"<ul style='margin-left:-20px'>{items}</ul>"

    def _visits(self, detail: ContactDetail) -> str:
        out = self._section(self.tr("Visit history"), len(detail.visits))
        if not detail.visits:
            return out + self._none(self.tr("No visits yet."))
        rows = "".join(
            "<tr><td style='white-space:nowrap; padding-right:8px' valign='top'>%s</td>"
            "<td style='white-space:nowrap; padding-right:8px' valign='top'>%s</td><td>%s</td></tr>" % (
                v["visit_date"].isoformat(), escape(mode_label(v["mode"])),
                escape(" — ".join(p for p in (v["purpose"], self._short(v["summary"])) if p)))
            for v in detail.visits
        )
        return out + f"<table cellspacing='2'>{rows}</table>"

    def _referrals(self, detail: ContactDetail) -> str:
        out = ""
        if detail.referrals_made or detail.contact.get("is_ambassador"):
            out += self._section(self.tr("Referrals made"), len(detail.referrals_made))
            out += self._referral_list(detail.referrals_made, made=True) or self._none(self.tr("No referrals yet."))
        if detail.referred_by:
            out += self._section(self.tr("Referred by"), len(detail.referred_by))
            out += self._referral_list(detail.referred_by, made=False)
        return out

    def _referral_list(self, referrals: list[dict], made: bool) -> str:
        items = []
        for r in referrals:
            whom = r["referred_contact"] or r["referred_organization"] or r["project_name"] if made else r["ambassador"]
            items.append("<li>%s %s — %s</li>" % (r["referred_on"].isoformat(), escape(whom or ""),
                                                   escape(status_label(r["status"]))))
        return f"<ul style='margin-left:-20px'>{''.join(items)}</ul>" if items else ""

    def _merged(self, merges: list[dict]) -> str:
        if not merges:
            return ""
        lines = "".join(f"<li>{escape('、'.join(m['names']))} · {m['created_at']:%Y-%m-%d}</li>" for m in merges)
        return self._section(self.tr("Merged into this contact"), len(merges)) + f"<ul>{lines}</ul>"

    def _audit(self, c: dict) -> str:
        # Stored in UTC; shown in the laptop's time zone.
        when = c["updated_at"].replace(tzinfo=timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M") \
            if c.get("updated_at") else ""
        who = c.get("updated_by") or self.tr("(unknown)")
        return "<p style='color:#777; margin-top:14px'>%s</p>" % escape(self.tr("Last changed {0} by {1}").format(when, who))

    def _none(self, text: str) -> str:
        return f"<p style='color:#777'>{escape(text)}</p>"

    def _short(self, text: str, limit: int = 80) -> str:
        text = " ".join((text or "").split())
        return text if len(text) <= limit else text[:limit - 1] + "…"

    def _name(self, list_name: str, code: str) -> str:
        return self._names(list_name, code) if code else ""
