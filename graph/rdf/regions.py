"""Administrative regions: the chain of regions above the one a plan is for.

The table (``graph/extract/regions.tsv``, the national GB/T 2260 divisions) and the rules that
say which printed unit is a place live in graph/extract/places.py, so that the extractor's
department names and the graph's regions come from one piece of code (decision 020). A plan's
region is graph/extract/departments.py ``jurisdiction`` (title, else issuers, else body); its
parents come from the table, else from the issuers' names as printed. A name the table holds
twice (朝阳区 of 北京市 and of 长春市) is told apart by the parents printed with it. Regions are
shared nodes: both bundled plans point at the one 浙江省.

>>> chain = region_chain("吴兴区", ())
>>> [(r.name, r.code, r.level) for r in chain]
[('吴兴区', '330502', 'district'), ('湖州市', '330500', 'city'), ('浙江省', '330000', 'provincial')]
>>> [r.code for r in region_chain("朝阳区", ("长春市",))]
['220104', '220100', '220000']
>>> [(r.name, r.code, r.level) for r in region_chain("澄岚区", ("江州市",))]
[('澄岚区', None, 'district'), ('江州市', None, 'city')]
"""

from __future__ import annotations

from plankg.graph.extract.places import Region, by_name, known_regions, suffix_level

__all__ = ["Region", "region_chain"]


def region_chain(name: str, parents: tuple[str, ...]) -> list[Region]:
    """``name`` and the regions above it, innermost first."""
    known = by_name(name, parents)
    if known is not None:
        chain = [known]
        while chain[-1].parent is not None:
            chain.append(known_regions()[chain[-1].parent])
        return chain
    above = region_chain(parents[-1], parents[:-1]) if parents else []
    return [Region(name, None, suffix_level(name), parent=above[0].code if above else None), *above]
