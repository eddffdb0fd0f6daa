"""Regions: the national GB/T 2260 table (graph/extract/regions.tsv, decisions 010 and 020)
and a plan's region read from the whole document (issue 12, convention 5)."""

from __future__ import annotations

from pathlib import Path

from rdflib.namespace import DCTERMS, RDFS

from plankg.graph.extract.places import known_regions, plausible_chain
from plankg.graph.rdf.build import build_dataset
from plankg.graph.rdf.regions import region_chain

# the codes of the first, Zhejiang-only table; a build of the bundled plans relies on them
ZHEJIANG = {"330000": "浙江省", "330400": "嘉兴市", "330411": "秀洲区", "330500": "湖州市",
            "330502": "吴兴区", "330521": "德清县", "330481": "海宁市"}


def test_the_table_is_national_and_keeps_the_first_tables_codes() -> None:
    regions = known_regions()
    assert sum(r.level == "provincial" for r in regions.values()) == 34
    assert len(regions) > 3000
    assert {code: regions[code].name for code in ZHEJIANG} == ZHEJIANG
    assert regions["330502"].en == "Wuxing District"
    assert all(r.parent is None or r.parent in regions for r in regions.values())
    assert "市辖区" not in {r.name for r in regions.values()}
    # a 直辖市's district hangs under the 直辖市 itself
    assert [r.name for r in region_chain("海淀区", ())] == ["海淀区", "北京市"]


def test_a_title_unit_that_cannot_lie_in_the_region_before_it_is_dropped() -> None:
    assert plausible_chain("城市更新和城市", ("李沧区",)) == ("李沧区", ())
    assert [r.code for r in region_chain(*plausible_chain("城市更新和城市", ("李沧区",)))] == [
        "370213", "370200", "370000"]


def region_of(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    build = build_dataset([path])
    (plan,) = build.plans
    graph = build.dataset.graph(plan.graph)
    node = graph.value(plan.iri, DCTERMS.spatial)
    chain = []
    while node is not None:
        chain.append(str(graph.value(node, RDFS.label)))
        node = graph.value(node, DCTERMS.isPartOf)
    return chain


def test_region_from_the_body_when_title_and_issuers_name_none(tmp_path: Path) -> None:
    text = ("关于加快人才集聚的若干意见\n一、总体要求\n近年来，我市人才工作取得积极成效。"
            "由遂宁市委组织部牵头，遂宁市人民政府统筹推进。\n二、主要举措\n"
            "1.实施引才计划。本市每年引进人才1000名。\n")
    assert region_of(tmp_path, text) == ["遂宁市", "四川省"]


def test_page_number_before_the_title_is_not_part_of_it(tmp_path: Path) -> None:
    text = ("14临江区“十四五”人才发展规划\n一、总体要求\n坚持人才引领发展，"
            "全面提升人才工作水平，加快建设人才强区，为高质量发展提供坚强支撑。\n")
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    (plan,) = build_dataset([path]).plans
    assert plan.title == "临江区“十四五”人才发展规划"
    assert region_of(tmp_path, text) == ["临江区"]
