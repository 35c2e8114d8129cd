"""The pages of a PDF as LibreOffice writes it: each page's size and its text, read without a PDF library
(the test environment has none) - enough to check how an exported workbook prints.

Handles what LibreOffice's PDF export uses: a classic cross-reference table, Flate-compressed streams,
simple fonts whose ToUnicode maps give each glyph code its text, and text drawn with Tj and TJ.
Positions are ignored: a page's text is its strings in drawing order, which keeps a cell's text whole.
"""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from pathlib import Path

_REF = re.compile(rb"(\d+)\s+(\d+)\s+R")
_HEX = re.compile(rb"<([0-9A-Fa-f\s]*)>")


@dataclass(frozen=True)
class PdfPage:
    width: float  # points
    height: float
    text: str  # every string drawn on the page, in order, without the spaces between them

    @property
    def landscape(self) -> bool:
        return self.width > self.height


def pdf_pages(path: Path | str) -> list[PdfPage]:
    return _Pdf(Path(path).read_bytes()).pages()


class _Pdf:
    def __init__(self, data: bytes):
        self.data = data
        self.offsets = self._xref()

    def _xref(self) -> dict[int, int]:
        start = int(re.findall(rb"startxref\s+(\d+)", self.data)[-1])
        lines = iter(self.data[start:].split(b"xref", 1)[1].split(b"trailer", 1)[0].splitlines())
        offsets: dict[int, int] = {}
        for line in lines:
            fields = line.split()
            if len(fields) == 2:  # a subsection: first object number, count
                number, count = int(fields[0]), int(fields[1])
                for i in range(count):
                    offset, _gen, kind = next(lines).split()
                    if kind == b"n":
                        offsets[number + i] = int(offset)
        return offsets

    def trailer(self) -> bytes:
        return self.data[self.data.rindex(b"trailer"):]

    def body(self, number: int) -> bytes:
        """The object's dictionary (or value) text, without its stream."""
        start = self.data.index(b"obj", self.offsets[number]) + 3
        end = min(i for i in (self.data.find(b"stream", start), self.data.find(b"endobj", start)) if i >= 0)
        return self.data[start:end].strip()

    def stream(self, number: int) -> bytes:
        head = self.body(number)
        length = self.value(head, b"Length")
        start = self.data.index(b"stream", self.offsets[number]) + len(b"stream")
        start += 2 if self.data[start:start + 2] == b"\r\n" else 1
        raw = self.data[start:start + int(length)]
        return zlib.decompress(raw) if b"FlateDecode" in head else raw

    def value(self, text: bytes, key: bytes) -> bytes:
        """A key's value in a dictionary's text, an indirect one fetched."""
        match = re.search(rb"/" + key + rb"\s*(\d+\s+\d+\s+R|\[[^\]]*\]|<<.*?>>|[^/>\s]+)", text, re.S)
        if match is None:
            raise KeyError(key)
        found = match.group(1)
        ref = _REF.fullmatch(found)
        return self.body(int(ref.group(1))) if ref else found

    def pages(self) -> list[PdfPage]:
        root = self.value(self.trailer(), b"Root")
        return [self._page(number) for number in self._kids(self.value(root, b"Pages"))]

    def _kids(self, pages: bytes) -> list[int]:
        out = []
        for ref in _REF.finditer(self.value(pages, b"Kids")):
            number = int(ref.group(1))
            body = self.body(number)
            out += self._kids(body) if re.search(rb"/Type\s*/Pages\b", body) else [number]
        return out

    def _page(self, number: int) -> PdfPage:
        body = self.body(number)
        x0, y0, x1, y1 = (float(v) for v in self.value(body, b"MediaBox").strip(b"[] ").split())
        fonts = self._fonts(self.value(body, b"Resources"))
        contents = self._content_refs(body)
        text = "".join(_drawn_text(b"\n".join(self.stream(n) for n in contents), fonts))
        return PdfPage(x1 - x0, y1 - y0, text)

    def _content_refs(self, body: bytes) -> list[int]:
        match = re.search(rb"/Contents\s*(\[[^\]]*\]|\d+\s+\d+\s+R)", body)
        return [int(ref.group(1)) for ref in _REF.finditer(match.group(1))]

    def _fonts(self, resources: bytes) -> dict[bytes, dict[bytes, str]]:
        """Font resource name -> glyph code -> text, from each font's ToUnicode map."""
        fonts = {}
        for name, ref in re.findall(rb"/(\w+)\s+(\d+)\s+\d+\s+R", self.value(resources, b"Font")):
            font = self.body(int(ref))
            match = re.search(rb"/ToUnicode\s+(\d+)\s+\d+\s+R", font)
            fonts[name] = _to_unicode(self.stream(int(match.group(1)))) if match else {}
        return fonts


def _to_unicode(cmap: bytes) -> dict[bytes, str]:
    codes: dict[bytes, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        pairs = _HEX.findall(block)
        for source, target in zip(pairs[::2], pairs[1::2]):
            codes[bytes.fromhex(source.decode())] = _utf16(target)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for low, high, target in re.findall(rb"<(\w+)>\s*<(\w+)>\s*(<\w+>|\[[^\]]*\])", block):
            size, first, last = len(low) // 2, int(low, 16), int(high, 16)
            targets = _HEX.findall(target)
            for i, code in enumerate(range(first, last + 1)):
                if target.startswith(b"["):
                    text = _utf16(targets[i])
                else:
                    base = _utf16(targets[0])
                    text = base[:-1] + chr(ord(base[-1]) + i)
                codes[code.to_bytes(size, "big")] = text
    return codes


def _utf16(hex_text: bytes) -> str:
    return bytes.fromhex(hex_text.decode()).decode("utf-16-be")


_TEXT_OPS = re.compile(rb"/(\w+)\s+[\d.]+\s+Tf|(<[0-9A-Fa-f\s]*>)\s*Tj|\[((?:[^\]\\]|\\.)*)\]\s*TJ")


def _drawn_text(content: bytes, fonts: dict[bytes, dict[bytes, str]]):
    codes: dict[bytes, str] = {}
    for font, shown, shown_array in _TEXT_OPS.findall(content):
        if font:
            codes = fonts.get(font, {})
            continue
        for hex_text in _HEX.findall(shown or shown_array):
            yield _decode(bytes.fromhex(hex_text.decode()), codes)


def _decode(glyphs: bytes, codes: dict[bytes, str]) -> str:
    size = len(next(iter(codes), b"\x00"))
    return "".join(codes.get(glyphs[i:i + size], "\ufffd") for i in range(0, len(glyphs), size))
