"""Lines of a text with their offsets, the unit the header and heading parsers work on.

>>> [(l.start, l.end, l.content, l.indented) for l in split_lines("ab\\n\\n\\t c \\n")]
[(0, 2, 'ab', False), (3, 3, '', False), (6, 7, 'c', True)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")
# ASCII and ideographic spaces and tabs; the content of a line is what lies between them.
_BLANK = " \t\u3000\u00a0\ufeff"


@dataclass(frozen=True)
class Line:
    number: int  # 1-based
    start: int  # offset of the first non-blank character (line start when blank)
    end: int  # offset after the last non-blank character
    content: str
    indented: bool  # begins with a tab or spaces

    @property
    def blank(self) -> bool:
        return not self.content


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    for number, match in enumerate(_LINE.finditer(text), start=1):
        raw = match.group().rstrip("\r\n")
        if not match.group():
            break
        lead = len(raw) - len(raw.lstrip(_BLANK))
        content = raw.strip(_BLANK)
        start = match.start() + (lead if content else 0)
        lines.append(Line(number, start, start + len(content), content, lead > 0 and bool(content)))
    return lines
