"""Reading a plan file: bytes → text, with the encoding detected and the forms of one text made one.

Offsets everywhere else count code points of the string returned here. A UTF-8 byte-order mark is
dropped by the decoder (it is not text), so offset 0 is the first printed character. Copies of one
plan that differ only in how they were saved read as the same text
(docs/decisions/026-one-text-for-every-copy.md): CRLF and CR line ends become LF, stray NUL
characters are dropped, and full-width digits (with ％ and a full-width point between digits)
become ASCII. Other full-width punctuation is the plan's own punctuation and is kept.

>>> normalise_text("２０２５年达到４．５％\\r\\n（一）\\r二\\x00、")
('2025年达到4.5%\\n（一）\\n二、', 'mixed', 1)
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from plankg.errors import InputError
from plankg.graph.text.document import Table
from plankg.graph.text.reflow import reflow

# Tried in order after any BOM: strict UTF-8 first (valid UTF-8 is never accidental for Chinese
# text), then GB18030, a superset of GBK and GB2312.
ENCODINGS = ("utf-8", "gb18030")
BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Words one of which any Chinese policy document uses; a file with none of them is not one.
_POLICY_WORDS = re.compile(r"规划|计划|意见|方案|纲要|办法|通知|决定|措施|政策|条例|发展|工作|建设")
MIN_CJK = 50
MIN_CJK_RATIO = 0.2


@dataclass(frozen=True)
class SourceText:
    path: Path
    text: str
    encoding: str
    sha256: str
    # filled by the readers of structured files (graph/text/inputs.py): their tables as cells
    tables: list[Table] = field(default_factory=list)
    media_type: str = "text/plain"
    # how the file ended its lines before they became LF: "LF", "CRLF", "CR", "mixed" or ""
    line_ends: str = "LF"
    nul_dropped: int = 0  # NUL characters removed from the text


# full-width digits → ASCII: the same code-point count, so nothing else moves
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９％", "0123456789%")
_FULLWIDTH_POINT = re.compile(r"(?<=[0-9])．(?=[0-9])")
# NULs in at most this share of a file's bytes are stray characters, not a binary file
MAX_NUL_SHARE = 0.01


def normalise_text(text: str) -> tuple[str, str, int]:
    """The text with LF line ends, no NULs and ASCII digits; its line-end convention; NULs dropped.

    Linear in the text: one pass of ``str`` methods and two fixed-width regular expressions.
    """
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    kinds = [name for name, count in (("CRLF", crlf), ("CR", cr), ("LF", lf)) if count]
    line_ends = kinds[0] if len(kinds) == 1 else ("mixed" if kinds else "")
    if crlf or cr:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    nuls = text.count("\x00")
    if nuls:
        text = text.replace("\x00", "")
    text = _FULLWIDTH_POINT.sub(".", text.translate(_FULLWIDTH_DIGITS))
    return text, line_ends, nuls


def read_source(path: Path) -> SourceText:
    """Read and decode ``path``; raise InputError for anything that is not Chinese policy text."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, expected a plan text file") from None
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None
    if not data.strip():
        raise InputError(f"{path}: file is empty")
    text, encoding = _decode(path, data)
    text, line_ends, nuls = normalise_text(text)
    text = reflow(text)  # prose a PDF's text layer wrapped at its width: one line a paragraph
    check_policy_text(path, text)
    return SourceText(
        path,
        text,
        encoding,
        hashlib.sha256(data).hexdigest(),
        line_ends=line_ends,
        nul_dropped=nuls,
    )


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise InputError(
                    f"{path}: starts with a {encoding} byte-order mark but does not decode as such"
                ) from None
    if data.count(b"\x00") > MAX_NUL_SHARE * len(data):
        raise InputError(f"{path}: binary file (contains NUL bytes), expected plan text")
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise InputError(f"{path}: not text in UTF-8 or GB18030/GBK")


def check_policy_text(path: Path, text: str) -> None:
    """Raise InputError unless ``text`` reads as a Chinese policy document."""
    if len(_CONTROL.findall(text)) > max(8, len(text) // 100):
        raise InputError(f"{path}: binary file (control characters), expected plan text")
    cjk = len(_CJK.findall(text))
    visible = len(re.sub(r"\s", "", text))
    if cjk < MIN_CJK or cjk < MIN_CJK_RATIO * visible or not _POLICY_WORDS.search(text):
        raise InputError(f"{path}: no Chinese policy text found ({cjk} Chinese characters)")
