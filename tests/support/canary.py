"""Canary values of a person, and a byte scan for them in every file under a folder."""
from __future__ import annotations

from pathlib import Path

CANARY_NAME = "金丝雀测试员"
CANARY_PHONE = "+8613987654321"
CANARY_NOTE = "canary-note-ZQXJ-7741 身份证 420106199001011234"
# The same values as an index or a sheet might hold them: the phone's digits, the note's pieces.
NEEDLES = (CANARY_NAME, "金丝雀", CANARY_PHONE, "13987654321", "canary-note-ZQXJ-7741", "420106199001011234")


def encodings(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]


def canary_hits(folder: Path) -> list[tuple[str, str]]:
    """(file, value) for every canary value found in any byte of any file under folder."""
    hits = []
    for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
        data = path.read_bytes()
        hits += [(str(path.relative_to(folder)), needle) for needle in NEEDLES
                 if any(form in data for form in encodings(needle))]
    return hits


def canary_contact() -> dict:
    return {"name": CANARY_NAME, "is_merchant": True, "phones": [CANARY_PHONE], "notes": CANARY_NOTE,
            "company": "金丝雀科技"}
