"""Rules of round ten (docs/extraction.md, "Round ten"), each on invented sentences of a 栎阳县
plan (names of no fixture). Expected names are typed by hand."""

from __future__ import annotations

from rule_facts import extract_under, relations

from plankg.graph.extract.extractor import Facts

TITLE = "栎阳县特色产业发展规划（2021—2025年）\n"


def facts_of(body: str, *, empty: bool = True) -> Facts:
    return extract_under(TITLE, body, empty=empty)


def test_a_field_list_of_the_plans_own_sectors_is_a_list_of_industries() -> None:
    body = (
        "一、重点任务\n（一）做强主导产业\n做强山核桃、红薯、蚕桑三大主导产业。\n"
        "1.实施精深加工提升行动。重点在山核桃、红薯、蚕桑、蜂产品等领域发展精深加工。\n"
    )
    industries = set(facts_of(body).names("industry"))
    assert {"山核桃", "红薯", "蚕桑", "蜂产品"} <= industries
    # the same list with no sector of the plan's own is one of policy fields
    other = "一、重点任务\n1.在用地保障、金融信贷、技术指导等领域给予支持。\n"
    assert facts_of(other).names("industry") == []


def test_a_plans_own_sector_before_its_firms_or_chain_is_a_mention() -> None:
    body = (
        "一、重点任务\n做强山核桃、红薯、蚕桑三大主导产业。\n"
        "1.实施山核桃提质工程。新建基地2万亩，支持山核桃企业建设原料基地，提高山核桃全产业链效益。\n"
    )
    facts = facts_of(body)
    assert ("山核桃提质工程", "山核桃") in relations(facts, "targetsIndustry")
    # a modifier before the name makes a kind of firm, not the sector: 绿色 | 红薯企业
    plain = facts_of(
        "一、重点任务\n做强山核桃、红薯、蚕桑三大主导产业。\n2.培育绿色红薯企业3家。\n"
    )
    mentions = [m for m in plain.mentions if m.kind == "industry" and m.surface == "红薯"]
    assert len(mentions) == 1  # the list's only


def test_a_platform_the_program_is_done_in_does_not_end_its_scope() -> None:
    body = (
        "一、重点任务\n2.培育预制菜产业。实施栎阳味道培育计划，依托栎阳县农业产业园，"
        "引进生产企业10家，重点发展腊鱼预制菜、菌菇预制菜和药膳预制菜。\n"
    )
    targets = relations(facts_of(body), "targetsIndustry")
    assert {("栎阳味道培育计划", "腊鱼预制菜"), ("栎阳味道培育计划", "菌菇预制菜")} <= targets


def test_county_abbreviations_of_cooperatives_and_culture_bureaus_expand() -> None:
    body = (
        "一、重点任务\n1.完善流通体系。建设配送中心。"
        "（牵头单位：县文旅广体局；配合单位：县供销社、团县委）\n"
    )
    departments = set(facts_of(body, empty=False).names("department"))
    assert {"栎阳县文化旅游广电体育局", "栎阳县供销合作社", "共青团栎阳县委"} <= departments


def test_a_level_with_ji_opening_a_name_is_a_designation_not_a_platform() -> None:
    body = (
        "一、发展基础\n栎阳县农业产业园创建为省级现代农业产业园，"
        "栎溪农业科技园被认定为市级农业科技园区。\n"
    )
    platforms = set(facts_of(body).names("platform"))
    assert "栎阳县农业产业园" in platforms
    assert not {"省级现代农业产业园", "市级农业科技园", "市级农业科技园区"} & platforms


def test_a_town_printed_twice_names_the_platforms_after_it() -> None:
    body = (
        "一、重点任务\n1.发展乡村旅游。以杉木镇、桃园村为核心，推进杉木田园综合体建设。"
        "杉木镇重点发展休闲农业。\n"
    )
    assert "杉木田园综合体" in facts_of(body).names("platform")
    # printed once, the town is not known as a place: a generic 田园综合体 stays a kind
    once = "一、重点任务\n1.发展乡村旅游。以杉木镇为核心，推进杉木田园综合体建设。\n"
    assert facts_of(once).names("platform") == []


def test_a_scope_or_a_verb_before_a_bare_sector_word_names_no_industry() -> None:
    body = (
        "一、重点任务\n建立中心城区与县域服务业结对帮扶机制。定期研究解决服务业发展中的重大问题。"
        "加快发展生产性服务业。\n"
    )
    assert facts_of(body).names("industry") == ["生产性服务业"]


def test_a_count_a_rank_or_a_finished_clause_is_no_industry() -> None:
    body = (
        "一、发展基础\n栎阳商务区集聚金融机构52家、总部企业31家。服务业成为全县经济第一大产业。"
        "立体交通网络基本形成，为发展枢纽经济、通道经济创造了有利条件。\n"
    )
    names = facts_of(body).names("industry")
    assert not [n for n in names if any(w in n for w in ("52家", "第一大", "创造"))], names


def test_the_branches_of_a_service_sector_are_industries_not_those_of_a_public_service() -> None:
    body = (
        "一、重点任务\n培育农机作业、农资配送、农产品营销等农业社会化服务。"
        "推进教育、医疗、托育等公共服务均等化。\n"
    )
    names = set(facts_of(body).names("industry"))
    assert {"农机作业", "农资配送", "农产品营销"} <= names
    assert not {"教育", "医疗", "托育"} & names


def test_a_bare_trade_word_is_the_sector_the_plan_names_with_it() -> None:
    body = (
        "一、重点任务\n大力发展会展经济，打造西部会展名城。引进物流、会展、文旅等领域紧缺人才。"
        "培育家政服务、养老服务等生活性服务业。在物流、养老、家政等行业推广服务标准。\n"
    )
    names = set(facts_of(body).names("industry"))
    assert not {"会展", "家政"} & names
    assert {"会展经济", "家政服务"} <= names


def test_a_county_of_a_city_plan_names_its_park_and_the_kind_word_holds_the_sector() -> None:
    body = (
        "一、发展基础\n“十三五”期间，白亭县、石渡县物流枢纽初具规模。\n"
        "二、重点任务\n1.提升白亭县商贸物流园。重点发展商贸物流、冷链物流。\n"
        "2.建设石渡县康养产业园。重点发展森林康养。\n"
    )
    title = "栎州市现代物流业发展“十四五”规划\n"
    facts = extract_under(title, body, empty=True)
    targets = relations(facts, "targetsIndustry")
    # 物流园 holds its sector: the park of 白亭县 is one of 商贸物流, and the county is no sector
    assert ("白亭县商贸物流园", "商贸物流") in targets
    assert ("石渡县康养产业园", "康养") in targets
    industries = set(facts.names("industry"))
    assert {"商贸物流", "冷链物流", "森林康养"} <= industries
    assert not {name for name in industries if name.startswith(("县", "白亭", "石渡"))}
