"""Administrative regions: which region a plan is for, and the chain above it.

``graph/rdf/regions.tsv`` lists regions with their GB/T 2260 codes and parents. A plan's region
comes from its title ("秀洲区人才发展…"); its parents from the table, else from the issuers'
names as printed (graph/extract/departments.py ``jurisdiction``). Regions are shared nodes: both
bundled plans point at the one 浙江省.

>>> chain = region_chain("吴兴区", ())
>>> [(r.name, r.code, r.level) for r in chain]
[('吴兴区', '330502', 'district'), ('湖州市', '330500', 'city'), ('浙江省', '330000', 'provincial')]
>>> [(r.name, r.code, r.level) for r in region_chain("澄岚区", ("江州市",))]
[('澄岚区', None, 'district'), ('江州市', None, 'city')]
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib.resources import files

_LEVEL_BY_SUFFIX = (("自治区", "provincial"), ("省", "provincial"), ("市", "city"),
                    ("州", "city"), ("盟", "city"), ("区", "district"), ("县", "district"),
                    ("旗", "district"))


@dataclass(frozen=True)
class Region:
    name: str
    code: str | None
    level: str  # provincial | city | district
    en: str | None = None
    parent: str | None = None  # code of the parent region


@functools.cache
def known_regions() -> dict[str, Region]:
    """The regions of ``regions.tsv`` by code."""
    regions: dict[str, Region] = {}
    text = files("plankg.graph.rdf").joinpath("regions.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, name, parent, level, en = (line.split("\t") + [""] * 5)[:5]
        regions[code] = Region(name, code, level, en or None, parent or None)
    return regions


def _by_name(name: str) -> Region | None:
    found = [r for r in known_regions().values() if r.name == name]
    return found[0] if len(found) == 1 else None


def _level(name: str) -> str:
    for suffix, level in _LEVEL_BY_SUFFIX:
        if name.endswith(suffix):
            return level
    return "district"


def region_chain(name: str, parents: tuple[str, ...]) -> list[Region]:
    """``name`` and the regions above it, innermost first."""
    known = _by_name(name)
    if known is not None:
        chain = [known]
        while chain[-1].parent is not None:
            chain.append(known_regions()[chain[-1].parent])
        return chain
    above = region_chain(parents[-1], parents[:-1]) if parents else []
    return [Region(name, None, _level(name), parent=above[0].code if above else None), *above]
