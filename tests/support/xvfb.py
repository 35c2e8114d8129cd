"""A real X server (Xvfb) for the tests that need Qt's xcb plugin, and a look at its windows (xwininfo)."""
from __future__ import annotations

import contextlib
import os
import re
import select
import subprocess
from pathlib import Path
from typing import Iterator

import pytest


@contextlib.contextmanager
def xvfb(log: Path) -> Iterator[str]:
    """Xvfb on a free display number, which it picks itself (-displayfd); yields ":N"."""
    read_end, write_end = os.pipe()
    with log.open("w") as out:  # a file: a pipe nobody reads could fill and stall it
        server = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24",
                                   "-nolisten", "tcp"], pass_fds=(write_end,), stdout=out, stderr=out)
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], 10)
        number = os.read(read_end, 32).decode().strip() if ready else ""
        if not number.isdigit():
            pytest.fail(f"Xvfb gave no display number within 10 s:\n{log.read_text()}")
        yield f":{number}"
    finally:
        os.close(read_end)
        server.terminate()
        server.wait(timeout=10)


def viewable_window(display: str, title: str) -> int | None:
    """The id of a mapped top-level window whose title holds `title`, if one is on the display."""
    # xwininfo prints a title's UTF-8 as octal escapes unless its locale is UTF-8.
    tree = subprocess.run(["xwininfo", "-root", "-children", "-display", display], capture_output=True,
                          env={**os.environ, "LC_ALL": "C.UTF-8"}, text=True, encoding="utf-8", check=True).stdout
    for match in re.finditer(r"^\s+(0x[0-9a-f]+) \"([^\"]*)\"", tree, re.MULTILINE):
        if title in match.group(2):
            info = subprocess.run(["xwininfo", "-id", match.group(1), "-display", display],
                                  capture_output=True, text=True, check=True).stdout
            if "IsViewable" in info:
                return int(match.group(1), 16)
    return None
