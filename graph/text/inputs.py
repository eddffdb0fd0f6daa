"""Any plan file → its text (and tables), the reader chosen by the file's content.

A text file is read as it is (``reading.read_source``); an HTML page, a Word file or a PDF is read
by its reader (``html``, ``docx``, ``pdf``) into paragraphs and tables, which ``render`` prints
as the document's text. The file's name does not choose: a PDF saved as ``plan.txt`` is read
as a PDF, a text file named ``.pdf`` as text.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from plankg.errors import InputError
from plankg.graph.text import sniff
from plankg.graph.text.reading import SourceText, check_policy_text, read_source
from plankg.graph.text.render import Block, render

# the encoding recorded for a file whose text is not a byte encoding of its own
PACKAGE_ENCODING = {sniff.DOCX: "utf-8", sniff.PDF: ""}


def read_input(path: Path) -> SourceText:
    """Read ``path`` by what it holds; InputError (one line, naming the file) when unreadable."""
    try:
        media_type = sniff.sniff_file(path)
    except OSError:
        return read_source(path)  # says why: no such file, a directory, no permission
    if media_type == sniff.TEXT:
        return read_source(path)
    if media_type == sniff.ZIP:
        raise InputError(f"{path}: a zip archive, not a Word .docx (it has no word/document.xml)")
    if media_type == sniff.OLE:
        raise InputError(f"{path}: a legacy Office file (.doc/.xls): save it as .docx")
    data = path.read_bytes()
    blocks: list[Block]
    if media_type == sniff.HTML:
        from plankg.graph.text.html import read_html

        blocks, encoding = read_html(path, data)
    elif media_type == sniff.DOCX:
        from plankg.graph.text.docx import read_docx

        blocks, encoding = read_docx(path), PACKAGE_ENCODING[media_type]
    else:
        from plankg.graph.text.pdf import read_pdf

        blocks, encoding = read_pdf(path), PACKAGE_ENCODING[media_type]
    text, tables = render(blocks)
    check_policy_text(path, text)
    return SourceText(path, text, encoding, hashlib.sha256(data).hexdigest(), tables=tables,
                      media_type=media_type)
