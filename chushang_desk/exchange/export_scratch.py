"""Where an export keeps its work in progress, so that a killed export leaves nothing readable behind.

XlsxWriter's constant_memory mode keeps the rows written so far in a temporary file (20-40 MB of the
visit log as plain XML text) and, when closing, writes each part of the package to a temporary file
before zipping it. Here:
- the rows' file is sealed: held in memory a batch at a time, then appended AES-CTR encrypted (a random
  key that lives only in this process) to a file unlinked as it is created (TemporaryFile: POSIX
  unlinks it at once, Windows deletes it when its handle closes, also when the process is killed);
- XlsxWriter's other temporary files (made only while it closes the workbook) go to a private folder
  (0700) named after this process, removed when the export ends; a folder whose process is gone is
  removed at the next start (of the app, of an export, of the command line): remove_export_leftovers;
- the workbook itself is written to an unnamed file in the target's folder (Linux O_TMPFILE) linked
  into place only when complete, or where that is not supported to a hidden named file beside the
  target (written only while closing), replaced onto it when complete and named in the private folder,
  so that a leftover is found again.
So an export killed while writing rows leaves nothing with a name; killed while closing, a folder (and
perhaps a hidden file) that the next start removes.
"""
from __future__ import annotations

import codecs
import errno
import io
import os
import secrets
import shutil
import tempfile
from pathlib import Path
from typing import BinaryIO, Iterator

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from xlsxwriter.worksheet import Worksheet

from .export_leftovers import PARTIAL_NOTE, PREFIX, remove_export_leftovers  # noqa: F401 (part of this API)

READ_CHUNK = 1 << 20


class SealedSpool(io.StringIO):
    """XlsxWriter's row-data file handle: an in-memory buffer (C-speed writes) that `seal()` empties,
    encrypted, into an unlinked temporary file; read back once, in order, by `unsealed()`."""

    def __init__(self, folder: str | None):
        super().__init__()
        key, nonce = secrets.token_bytes(32), secrets.token_bytes(16)
        self._cipher = Cipher(algorithms.AES(key), modes.CTR(nonce))
        self._encrypt = self._cipher.encryptor()
        self._file: BinaryIO = tempfile.TemporaryFile(dir=folder, prefix=PREFIX)

    def seal(self) -> None:
        text = self.getvalue()
        if text:
            self._file.write(self._encrypt.update(text.encode("utf-8")))
            self.seek(0)
            self.truncate(0)

    def unsealed(self) -> Iterator[str]:
        self.seal()
        self._file.seek(0)
        decrypt, decode = self._cipher.decryptor(), codecs.getincrementaldecoder("utf-8")()
        while data := self._file.read(READ_CHUNK):
            yield decode.decode(decrypt.update(data))
        yield decode.decode(decrypt.finalize(), final=True)

    def close(self) -> None:
        self._file.close()
        super().close()


class SealedWorksheet(Worksheet):
    """A constant_memory worksheet whose row data is a SealedSpool instead of a named plain-text file.
    Overrides three private methods of XlsxWriter's Worksheet (tests/unit/test_export_safety.py checks
    the sealed file is the one used, so a change in XlsxWriter shows there), and trims two of its private
    dicts of row heights (tests/unit/test_export_print.py checks the heights still reach the file)."""

    def _initialize(self, init_data) -> None:
        super()._initialize(init_data)
        if self.constant_memory:
            self.row_data_fh.close()
            os.unlink(self.row_data_filename)
            self.row_data_fh = self.fh = SealedSpool(init_data["tmpdir"])

    def seal(self) -> None:
        if self.constant_memory and not self.row_data_fh.closed:
            self.row_data_fh.seal()

    def forget_rows_before(self, row: int) -> None:
        """Drop the heights of rows already written out: XlsxWriter keeps every set_row's in memory."""
        for written in [r for r in self.row_info if r < row]:
            del self.row_info[written]
            self.row_sizes.pop(written, None)

    def _opt_close(self) -> None:
        if self.constant_memory:
            self.row_data_fh.close()

    def _opt_reopen(self) -> None:
        pass  # the spool is never closed before it has been read back

    def _write_optimized_sheet_data(self) -> None:
        if self.dim_rowmin is None:
            self._xml_empty_tag("sheetData")
            return
        self._xml_start_tag("sheetData")
        for text in self.row_data_fh.unsealed():
            self.fh.write(text)
        self.row_data_fh.close()
        self._xml_end_tag("sheetData")


class ExportScratch:
    """`with ExportScratch(target, root) as scratch:` where the rows' sealed spools go (scratch.spools:
    the root, a private folder kept between exports), what XlsxWriter writes the workbook to
    (scratch.workbook: an unnamed file, or the path of a hidden one), `scratch.closing_folder()` for the
    package's parts while closing, and `scratch.commit()` to put the complete workbook at the target.
    Leaving the block otherwise removes all of it. While rows are written nothing has a name on disk."""

    def __init__(self, target: Path, root: Path | None = None):
        self.target = target
        self.spools = str(root if root is not None else Path(tempfile.gettempdir()))
        self.folder = ""
        self.workbook: BinaryIO | str = ""
        self._direct: BinaryIO | None = None
        self._unnamed: BinaryIO | None = None
        self._named: Path | None = None

    def __enter__(self) -> "ExportScratch":
        Path(self.spools).mkdir(parents=True, exist_ok=True, mode=0o700)
        if self.target.exists() and not self.target.is_file():  # a device or a pipe: written to as it is
            self.workbook = self._direct = _workbook_file(os.open(self.target, os.O_WRONLY), io.BufferedWriter)
            return self
        self._unnamed = self._unnamed_file()
        if self._unnamed is not None:
            self.workbook = self._unnamed
        else:
            self._named = self.target.parent / f"{PREFIX}p{os.getpid()}-{secrets.token_hex(6)}.xlsx"
            self.workbook = str(self._named)
        return self

    def __exit__(self, *exc_info) -> None:
        self._remove()

    def _unnamed_file(self) -> BinaryIO | None:
        if not hasattr(os, "O_TMPFILE") or not Path("/proc/self/fd").is_dir():
            return None
        try:
            fd = os.open(self.target.parent, os.O_TMPFILE | os.O_RDWR, 0o600)
        except OSError as exc:
            if exc.errno in (errno.ENOENT, errno.ENOTDIR, errno.EACCES, errno.EROFS, errno.ENOSPC):
                raise  # the target's folder itself cannot take a file: say so now
            return None  # a file system without unnamed files (some network and FAT mounts)
        return _workbook_file(fd, io.BufferedRandom)

    def closing_folder(self) -> str:
        """A private folder (0700) for XlsxWriter's parts of the package, made when it starts closing;
        it names the hidden workbook, if any, so that a leftover of both is found again."""
        self.folder = tempfile.mkdtemp(prefix=f"{PREFIX}p{os.getpid()}-", dir=self.spools)
        if self._named is not None:
            Path(self.folder, PARTIAL_NOTE).write_text(str(self._named), encoding="utf-8")
        return self.folder

    def commit(self) -> None:
        """The written workbook, flushed to disk, becomes the target (an older file there is replaced)."""
        if self._direct is not None:
            self._direct.close()
            return
        if self._unnamed is not None:
            handle = self._unnamed
            handle.flush()
            os.fsync(handle.fileno())
            self._named = self.target.parent / f"{PREFIX}p{os.getpid()}-{secrets.token_hex(6)}.xlsx"
            _link_unnamed(handle.fileno(), self._named)
            handle.close()
        else:
            _fsync_file(self._named)
        os.replace(self._named, self.target)
        self._named = None

    def _remove(self) -> None:
        for handle in (self._unnamed, self._direct):
            if handle is not None and not handle.closed:
                handle.close()
        if self._named is not None:
            self._named.unlink(missing_ok=True)
        if self.folder:
            shutil.rmtree(self.folder, ignore_errors=True)


class _QuietAfterFailure(io.FileIO):
    """The workbook's file: once a write has failed (a full disk) and the error gone up, later writes
    do nothing, so the ZipFile XlsxWriter leaves behind does not fail again when it is collected
    ("Exception ignored in ZipFile.__del__" on the terminal)."""

    failed = False

    def write(self, data) -> int:
        if self.failed:
            return len(data)
        try:
            return super().write(data)
        except OSError:
            self.failed = True
            raise


def _workbook_file(fd: int, buffered) -> BinaryIO:
    return buffered(_QuietAfterFailure(fd, "r+" if buffered is io.BufferedRandom else "w"))


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _link_unnamed(fd: int, path: Path) -> None:
    """Give an O_TMPFILE file a name: linkat(AT_SYMLINK_FOLLOW) of its /proc/self/fd entry (os.link
    asks for that flag only when given a directory descriptor)."""
    proc_fd = os.open("/proc/self/fd", os.O_RDONLY)
    try:
        os.link(str(fd), path, src_dir_fd=proc_fd, follow_symlinks=True)
    finally:
        os.close(proc_fd)
