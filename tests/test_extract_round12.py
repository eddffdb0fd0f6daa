"""Rules of round twelve (docs/extraction.md, "Round twelve"), each on invented sentences of a
枫渚市 plan (names of no fixture). Expected names are typed by hand."""

from __future__ import annotations

from rule_facts import extract_under

from plankg.graph.extract.extractor import Facts

TITLE = "枫渚市现代服务业发展规划（2021—2025年）\n"
LEADING = "一、重点任务\n1.壮大主导产业。重点发展精密模具、轨道交通装备、氢能装备等产业。\n"
LEADING_INDUSTRIES = {"精密模具", "轨道交通装备", "氢能装备"}


def facts_of(body: str, *, empty: bool = True) -> Facts:
    return extract_under(TITLE, LEADING + body, empty=empty)


def industries_of(body: str, *, empty: bool = True) -> set[str]:
    return set(facts_of(body, empty=empty).names("industry"))


def test_the_goods_a_trade_moves_are_no_industries() -> None:
    body = "2.完善冷链网络。建设枫渚冷链物流园，重点服务菌菇、禽蛋、淡水鱼等农产品冷链物流。\n"
    industries = industries_of(body)
    assert not {"菌菇", "禽蛋", "淡水鱼", "服务菌菇"} & industries
    # the same goods under a sector head are its branches
    other = "2.壮大特色产业。重点发展菌菇、禽蛋、淡水鱼等特色农业。\n"
    assert {"菌菇", "禽蛋", "淡水鱼"} <= industries_of(other)


def test_a_serve_that_opens_its_clause_is_the_verb() -> None:
    body = "2.建设研究院。枫渚膜材料研究院开展分离膜研发，服务精细化工产业。\n"
    industries = industries_of(body)
    assert "精细化工" in industries or "精细化工产业" in industries
    assert not {"服务精细化工产业", "服务精细化工"} & industries


def test_a_sector_word_after_an_adverb_or_a_change_verb_names_no_sector() -> None:
    body = (
        "2.谋划服务业。以更高站位统筹服务业发展，推动氢能装备产业集群化发展、"
        "传统产业高端化转型。\n"
    )
    industries = industries_of(body)
    assert not {"更高站位统筹服务业", "产业集群化发展", "氢能装备产业集群化发展"} & industries
    # 以 opening the frame is no adverb: the sector after it stays
    assert "健康服务业" in industries_of("2.发展健康产业。以健康服务业为重点，完善服务体系。\n")


def test_trades_and_services_developed_in_a_list_with_no_head_are_sectors() -> None:
    body = "2.丰富生活服务。大力发展体育健身、赛事经济和户外运动，鼓励发展管理咨询、信用服务。\n"
    industries = industries_of(body)
    assert {"体育健身", "赛事经济", "户外运动", "信用服务"} <= industries
    # a public service developed is none, and a list with one trade word is no list of them
    other = "2.完善公共服务。大力发展普惠托育、公共服务和基层治理。\n"
    assert industries_of(other) == LEADING_INDUSTRIES


def test_a_sector_printed_with_and_without_ye_is_one_named_by_the_lexicon() -> None:
    body = (
        "2.发展人力资源服务业。重点培育人力资源服务、会展经济等生产性服务业，"
        "壮大人力资源服务业。\n"
    )
    facts = facts_of(body, empty=False)
    industries = set(facts.names("industry"))
    assert "人力资源服务业" in industries and "人力资源服务" not in industries


def test_a_district_of_a_named_port_is_named_by_it_even_as_a_direction() -> None:
    body = "2.提升港口能级。推进枫渚港城西港区、江北港区联动发展，完善枫渚港核心港区功能。\n"
    platforms = set(facts_of(body).names("platform"))
    assert {"城西港区", "江北港区"} <= platforms
    assert "核心港区" not in platforms  # a common noun before 港区: the kind
    # a direction before 港区 with no port before it names no platform
    assert "城西港区" not in set(facts_of("2.完善港口。推进城西港区建设。\n").names("platform"))


def test_a_centre_for_through_transport_or_distribution_is_a_platform() -> None:
    body = "2.建设物流枢纽。建设枫渚港多式联运中心和枫渚公铁集散中心，完善枫渚综合服务中心。\n"
    platforms = set(facts_of(body).names("platform"))
    assert {"枫渚港多式联运中心", "枫渚公铁集散中心"} <= platforms
    assert "枫渚综合服务中心" not in platforms  # a centre for no purpose: generic
