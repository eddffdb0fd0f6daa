"""Reading a plan file: bytes → text, with the encoding detected and nothing normalised.

Offsets everywhere else count code points of the string returned here. A UTF-8 byte-order mark is
dropped by the decoder (it is not text), so offset 0 is the first printed character.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from plankg.errors import InputError
from plankg.graph.text.document import Table

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
    check_policy_text(path, text)
    return SourceText(path, text, encoding, hashlib.sha256(data).hexdigest())


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise InputError(f"{path}: starts with a {encoding} byte-order mark but does not "
                                 "decode as such") from None
    if b"\x00" in data:
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
