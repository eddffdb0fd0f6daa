"""Printed names → normalised names: quotes, spaces, level words, versions (docs/extraction.md).

A name is printed with or without quotes (“鲲鹏行动”计划), inside 《》, with a leading level word
(省“鲲鹏行动”计划) or a version (秀湖双百计划2.0版). ``plain`` is the comparison key of a name;
``program_name`` and ``platform_name`` give the normalised name and what the printed form says
besides (its level, its version).

>>> plain("“‘才聚湖州 凤栖吴兴’人才安居工程”")
'才聚湖州凤栖吴兴人才安居工程'
>>> program_name("省“鲲鹏行动”计划")
('鲲鹏行动计划', 'provincial')
>>> program_name("“秀湖双百计划2.0版”")
('秀湖双百计划', None)
>>> platform_name("总部自由港(EBD)")
'总部自由港'
"""

from __future__ import annotations

import re
from functools import lru_cache

QUOTES = "“”‘’\"'「」『』《》〈〉"
_QUOTE_RE = re.compile("[" + re.escape(QUOTES) + r"\s\u3000]")
_DOTS = re.compile(r"[•・‧∙⋅]")
_HALF_PARENS = str.maketrans({"(": "（", ")": "）"})

# A level word printed before a program's name says the level the program belongs to.
LEVEL_WORDS = (
    ("国家级", "national"), ("国家", "national"), ("中央", "national"),
    ("省级", "provincial"), ("全省", "provincial"), ("省", "provincial"),
    ("市级", "city"), ("全市", "city"), ("市", "city"),
    ("区级", "district"), ("县级", "district"), ("全区", "district"), ("区", "district"),
    ("县", "district"),
)
# The unit word a place name ends in gives its level (湖州市 → city).
REGION_UNITS = (("自治区", "provincial"), ("省", "provincial"), ("自治州", "city"),
                ("市", "city"), ("州", "city"), ("区", "district"), ("县", "district"))
_VERSION = re.compile(r"(?:[0-9０-９]+(?:[.．][0-9０-９]+)*版)$")
_ASCII_NOTE = re.compile(r"[（(][A-Za-z0-9 .&\-]+[）)]$")


@lru_cache(maxsize=65536)  # pure, and asked for the same names again and again
def plain(printed: str) -> str:
    """The comparison key of a name: no quotes or spaces, one middle dot, full-width brackets."""
    return _DOTS.sub("·", _QUOTE_RE.sub("", printed)).translate(_HALF_PARENS)


def clean(printed: str) -> str:
    """A printed name without its quotes and spaces, brackets kept as printed."""
    return _DOTS.sub("·", _QUOTE_RE.sub("", printed))


_REGION_BEFORE_QUOTE = re.compile(r"^[\u4e00-\u9fff]{2,4}?(?:自治区|省|市|区|县)(?=[“‘])")


def leading_level(printed: str) -> tuple[str, str | None]:
    """Split a leading level word or place off a quoted name.

    "省“鲲鹏行动”计划" → ("“鲲鹏行动”计划", "provincial"); "吴兴区“才聚湖州…”人才安居工程" →
    district. Only a word right before a quote counts: in 市场 or 区域 the 市 and 区 are no level.
    """
    for word, level in LEVEL_WORDS:
        if printed.startswith(word) and len(printed) > len(word):
            rest = printed[len(word):]
            if rest[0] in QUOTES:
                return rest, level
    place = _REGION_BEFORE_QUOTE.match(printed)
    if place:
        return printed[place.end():], region_level(place.group())
    return printed, None


def program_name(printed: str) -> tuple[str, str | None]:
    """The normalised name of a program and the level its printed form states, if any."""
    rest, level = leading_level(printed.strip())
    name = clean(rest)
    name = _VERSION.sub("", name)
    return name, level


def platform_name(printed: str) -> str:
    """The normalised name of a platform: no quotes; an ASCII abbreviation in brackets dropped."""
    return _ASCII_NOTE.sub("", clean(printed.strip()))


def region_level(name: str) -> str | None:
    """The level a place name's unit word gives: 湖州市 → city, 浙江省 → provincial."""
    for unit, level in REGION_UNITS:
        if name.endswith(unit) and len(name) > len(unit):
            return level
    return None
