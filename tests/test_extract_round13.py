"""Rules of round thirteen (docs/extraction.md, "Round thirteen"), each on invented sentences of
a 桐霁市 plan (names of no fixture). Expected names are typed by hand."""

from __future__ import annotations

from rule_facts import extract_under, relations

from plankg.graph.extract.extractor import Facts

TITLE = "桐霁市现代服务业发展规划（2021—2025年）\n"
LEADING = "一、重点任务\n1.壮大主导产业。重点发展精密模具、轨道交通装备、氢能装备等产业。\n"


def facts_of(body: str, *, empty: bool = True) -> Facts:
    return extract_under(TITLE, LEADING + body, empty=empty)


def test_a_platform_built_after_a_frame_takes_the_frame_clause_only() -> None:
    body = (
        "2.发展文旅康养。以霁北县、霁南县为重点，串联云栖湖、白鹤滩等资源，"
        "大力发展乡村旅游、森林康养和休闲农业，推动桐霁康养旅游示范基地建设。"
        "聚焦会展经济、文化创意等领域，高标准推进桐霁国际会展中心建设。\n"
    )
    facts = facts_of(body)
    targets = relations(facts, "targetsIndustry")
    resort = {i for s, i in targets if s == "桐霁康养旅游示范基地"}
    assert "桐霁康养旅游示范基地" in facts.names("platform")
    assert not {"乡村旅游", "森林康养", "休闲农业"} & resort
    # the frame clause's own industries still go to the platform after it
    assert {("桐霁国际会展中心", "会展经济"), ("桐霁国际会展中心", "文化创意")} <= targets


def test_a_program_run_after_a_frame_takes_the_clauses_between() -> None:
    body = (
        "2.推进人才引育。围绕“2+2”产业导向，即培育壮大数字经济、生命健康两大新兴产业，"
        "做优纺织服装、家具制造两大传统产业，全力实施桐霁英才集聚计划，精准引进高层次人才。\n"
    )
    targets = relations(facts_of(body), "targetsIndustry")
    program = {i for s, i in targets if s == "桐霁英才集聚计划"}
    assert {"数字经济", "生命健康", "纺织服装", "家具制造"} <= program


def test_a_zone_body_printed_short_is_the_one_printed_in_full() -> None:
    body = (
        "各县（区）人民政府，桐霁经济技术开发区管委会，桐霁高新区管委会：\n"
        "2.发展临港产业。依托桐霁经开区，重点发展临港装备制造。"
        "（牵头单位：桐霁经开区管委会，配合单位：桐霁高新区管委会）\n"
    )
    facts = facts_of(body, empty=False)
    departments = set(facts.names("department"))
    assert "桐霁经济技术开发区管委会" in departments
    assert "桐霁经开区管委会" not in departments
    # a short form whose full form the plan never prints stays as printed
    assert "桐霁高新区管委会" in departments
    assert "桐霁高新技术产业开发区管委会" not in departments


def test_a_bare_talent_field_is_the_plans_sector_of_that_word_or_none() -> None:
    body = (
        "2.壮大现代服务业。重点发展现代金融、会展经济、康养和冷链物流等服务业。\n"
        "3.强化人才支撑。深入实施“桐霁英才”计划，加快引进金融、会展、康养、港航等领域紧缺人才，"
        "培养一批港航物流、临港化工等领域专业人才。\n"
    )
    facts = facts_of(body)
    industries = set(facts.names("industry"))
    assert not {"金融", "会展", "港航"} & industries
    program = {i for s, i in relations(facts, "targetsIndustry") if s.endswith("英才计划")}
    assert {"现代金融", "会展经济", "康养", "港航物流", "临港化工"} <= program
    # a field where talent starts a business is no talent field: its sectors count
    other = "2.设立基金。重点投向在新型储能、生物医药等领域创业的人才项目。\n"
    assert {"新型储能", "生物医药"} <= set(facts_of(other).names("industry"))
