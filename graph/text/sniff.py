"""What a file is, by its first bytes and not by its name: PDF, Word (.docx), HTML or text.

>>> sniff(b"%PDF-1.7\\n..."), sniff(b"\\xef\\xbb\\xbf<!DOCTYPE html><html>"), sniff("规划".encode())
('application/pdf', 'text/html', 'text/plain')
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from pathlib import Path

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
HTML = "text/html"
TEXT = "text/plain"
ZIP = "application/zip"
OLE = "application/x-ole-storage"  # the legacy .doc / .xls container
SNIFF_BYTES = 4096

_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|meta\s"
                         rb"|body[\s>]|title[\s>])", re.IGNORECASE | re.DOTALL)
_HTML_ANYWHERE = re.compile(rb"<html[\s>]|<meta\s[^>]*charset|<body[\s>]", re.IGNORECASE)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def sniff(head: bytes, *, whole: bytes | None = None) -> str:
    """The media type of a file whose first bytes are ``head`` (``whole``: all of it, to look
    inside a zip)."""
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return PDF
    if head.startswith(b"PK\x03\x04"):
        return DOCX if _is_docx(whole if whole is not None else head) else ZIP
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return OLE
    text = head
    for bom in _BOMS:
        if text.startswith(bom):
            text = text[len(bom):]
            break
    text = text.replace(b"\x00", b"")  # UTF-16: the markup is ASCII
    if _HTML_START.match(text) or _HTML_ANYWHERE.search(text[:SNIFF_BYTES]):
        return HTML
    return TEXT


def sniff_file(path: Path) -> str:
    """The media type of ``path`` by its content (OSError when it cannot be read)."""
    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
    if head.startswith(b"PK\x03\x04"):
        return sniff(head, whole=path.read_bytes())
    return sniff(head)


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, ValueError):
        # a truncated or corrupt zip: still a Word file if it names its main part up front
        return b"word/" in data[:SNIFF_BYTES] or b"[Content_Types].xml" in data[:SNIFF_BYTES]
