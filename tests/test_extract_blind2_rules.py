"""The rules of branch blind2 (merges f8c2a8d and e9648c8: docs/extraction.md, "Round eight"),
which only the 青漠 fixture's floors tested, each on invented sentences of a 霁川市 plan (霁川,
桐坪, 岚溪 are no fixture's names). The PDF reflow of that branch is tests/test_text_reflow.py.
Expected names are typed by hand."""

from __future__ import annotations

from rule_facts import extract_under, relations

from plankg.graph.extract.extractor import Facts
from plankg.graph.text.structure import parse_document

TITLE = "霁川市现代服务业发展“十四五”规划\n"


def facts_of(body: str, *, empty: bool = False) -> Facts:
    return extract_under(TITLE, body, empty=empty)


# --- structure: an item's paragraphs up to its annotation -----------------------------------


def test_a_paragraph_after_an_item_goes_on_it_up_to_the_annotation_that_closes_it() -> None:
    body = (
        "一、重点任务\n（一）发展现代物流\n"
        "1.完善配送网络。推进乡镇快递服务站建设。\n"
        "着力降低物流成本，完善农村寄递网络。（牵头单位：市交通运输局，配合单位：市商务局）\n"
        "2.发展冷链物流。支持冷链物流企业扩大规模。（牵头单位：市发展改革委）\n"
    )
    doc = parse_document(TITLE + body)
    item = doc.sections[0].children[0].children[0]
    assert item.numbering == "1."
    assert "（牵头单位：市交通运输局" in doc.text[item.start : item.end]
    assert [doc.text[p.start : p.end][:6] for p in item.paragraphs] == [
        "1.完善配送",
        "着力降低物流",
    ]
    facts = facts_of(body)
    assert relations(facts, "leadDepartment") == {
        ("1-1-1", "霁川市交通运输局"),
        ("1-1-2", "霁川市发展和改革委员会"),
    }
    assert relations(facts, "supportDepartment") == {("1-1-1", "霁川市商务局")}


# --- departments ----------------------------------------------------------------------------


def test_a_central_bank_branch_printed_renhang_is_the_peoples_bank_of_china() -> None:
    facts = facts_of(
        "一、保障\n1.优化金融服务。支持普惠金融发展。（牵头单位：人行霁川市中心支行，"
        "配合单位：人行桐坪县支行）\n",
        empty=True,
    )
    assert relations(facts, "leadDepartment") == {("1-1", "中国人民银行霁川市中心支行")}
    assert relations(facts, "supportDepartment") == {("1-1", "中国人民银行桐坪县支行")}


def test_the_lexicon_names_the_industry_culture_and_finance_bureaus() -> None:
    facts = facts_of("一、保障\n由市工信局、市文旅局、市地方金融监管局牵头，各县区人民政府配合。\n")
    assert set(facts.names("department")) >= {
        "霁川市工业和信息化局",
        "霁川市文化和旅游局",
        "霁川市地方金融监督管理局",
    }
    # without the lexicon they are kept as printed, the region put before them
    bare = facts_of("一、保障\n由市工信局、市文旅局、市地方金融监管局牵头。\n", empty=True)
    assert set(bare.names("department")) == {"霁川市工信局", "霁川市文旅局", "霁川市地方金融监管局"}


# --- platforms ------------------------------------------------------------------------------


def test_the_zones_of_a_services_plan_are_platform_kinds() -> None:
    facts = facts_of(
        "一、平台\n加快霁川综合保税区建设，推进桐坪保税物流园区、霁川法务区和霁川文创园发展，"
        "打造霁川湖旅游区、霁川鹤汀商业街区。\n"
    )
    assert set(facts.names("platform")) == {
        "霁川综合保税区",
        "桐坪保税物流园区",
        "霁川法务区",
        "霁川文创园",
        "霁川湖旅游区",
        "霁川鹤汀商业街区",
    }


def test_a_tourism_zone_and_a_street_district_need_a_name() -> None:
    assert facts_of("一、平台\n建设一批特色商业街区和生态休闲旅游区。\n").names("platform") == []
    assert facts_of("一、平台\n建设特色商业街区和生态休闲旅游区。\n").names("platform") == []


def test_a_batch_opening_a_would_be_name_makes_it_a_class() -> None:
    # the quoted part made it look named: 一批“老厂房+文创”特色街区
    assert facts_of("一、平台\n打造一批“老厂房+文创”特色街区。\n").names("platform") == []


def test_a_citys_own_counties_printed_twice_are_places_that_name_platforms() -> None:
    twice = "一、平台\n支持桐坪县、岚溪县发展。桐坪县建设桐坪冷链物流园，岚溪县建设岚溪文创园。\n"
    assert set(facts_of(twice).names("platform")) == {"桐坪冷链物流园", "岚溪文创园"}
    # printed once, 桐坪 is not known as a place: 桐坪冷链物流园 is no named platform
    once = "一、平台\n桐坪县建设桐坪冷链物流园。\n"
    assert facts_of(once).names("platform") == []


# --- programs -------------------------------------------------------------------------------


def test_a_project_list_row_with_its_investment_is_no_program() -> None:
    body = (
        "一、重点项目\n专栏3 现代物流重点项目\n"
        "1.霁川公铁港二期工程：总投资35亿元，建设多式联运中心。\n"
        "2.桐坪冷链物流中心项目：计划投资8亿元，建设冷库10万吨。\n"
        "二、重点任务\n实施霁川物流降本增效行动，推进霁川公铁港三期工程建设。\n"
    )
    assert set(facts_of(body).names("program")) == {"霁川公铁港三期工程", "霁川物流降本增效行动"}


# --- relations ------------------------------------------------------------------------------


def test_a_carried_scope_stops_at_a_semicolon() -> None:
    semicolon = "一、产业布局\n建设霁川冷链物流园，发展冷链物流；岚溪县重点发展文化创意。\n"
    assert relations(facts_of(semicolon), "targetsIndustry") >= {("霁川冷链物流园", "冷链物流")}
    assert ("霁川冷链物流园", "文化创意") not in relations(facts_of(semicolon), "targetsIndustry")
    # with a comma the park's scope carries on
    comma = semicolon.replace("；", "，")
    assert ("霁川冷链物流园", "文化创意") in relations(facts_of(comma), "targetsIndustry")


def test_platforms_linked_to_an_actor_act_only_in_their_clause() -> None:
    facts = facts_of(
        "一、产业布局\n以霁川物流园为龙头，联动霁川综合保税区、霁川法务区，重点发展冷链物流和跨境电商。\n"
    )
    targets = {(p, i) for p, i in relations(facts, "targetsIndustry") if p != "1"}
    assert targets == {("霁川物流园", "冷链物流"), ("霁川物流园", "跨境电商")}
