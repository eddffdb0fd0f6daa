"""Rules of round twelve (docs/extraction.md, "Round twelve"), each on invented sentences of a
枫渚市 plan (names of no fixture). Expected names are typed by hand."""

from __future__ import annotations

from rule_facts import extract_under, relations

from plankg.graph.extract.extractor import Facts
from plankg.graph.extract.platforms import _subordinate_places

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


def programs_of(body: str) -> set[str]:
    return set(facts_of(body).names("program"))


def test_a_box_of_the_periods_works_and_an_attribute_are_no_programs() -> None:
    body = (
        "专栏2  “十四五”数字经济重大工程\n"
        "1.算力设施提升工程。新建数据中心机柜2000个。\n"
        "2.落实要求。我市把数字经济作为战略性、先导性工程，实施“枫云”上云行动。\n"
    )
    programs = programs_of(body)
    assert {"算力设施提升工程", "枫云上云行动"} <= programs
    assert not {"“十四五”数字经济重大工程", "十四五数字经济重大工程", "先导性工程"} & programs
    # a coined quoted name stays one
    assert "数智重大工程" in programs_of("2.推进工程。实施“数智”重大工程。\n")


def test_items_of_a_list_of_software_or_majors_and_lists_are_no_programs() -> None:
    body = (
        "2.发展工业软件。开发制造执行系统、企业资源计划、产品数据管理等工业软件。"
        "支持枫渚学院开设电子信息工程、数据科学等专业。"
        "枫渚飞地重点孵化人工智能、工业软件项目。\n"
    )
    programs = programs_of(body)
    assert not [p for p in programs if p.endswith(("资源计划", "信息工程")) or "、" in p]


def test_a_firm_a_scale_and_a_connecting_verb_open_or_close_no_platform() -> None:
    body = (
        "2.建设园区。枫渚光谷照明有限公司、枫渚精电科技股份有限公司加快发展。"
        "打造千亿级电子信息产业走廊。沿枫江两岸，串联枫渚软件产业园、枫渚数字经济产业园。\n"
    )
    platforms = set(facts_of(body).names("platform"))
    assert "枫渚软件产业园" in platforms and "枫渚数字经济产业园" in platforms
    assert not {"枫渚光谷", "串联枫渚软件产业园", "千亿级电子信息产业走廊"} & platforms
    # a verb before the firm's name ends the platform's
    other = "2.建设园区。枫渚软件产业园引进华为技术有限公司。\n"
    assert "枫渚软件产业园" in set(facts_of(other).names("platform"))


def test_a_district_with_a_government_is_a_place_however_it_is_segmented() -> None:
    body = (
        "2.建设园区。建设汀屿智慧物流园和枫城直播电商基地。"
        "（牵头单位：市商务局，配合单位：汀屿区人民政府、枫城区人民政府）\n"
    )
    platforms = set(extract_under("枫渚市数字经济发展规划\n", LEADING + body,
                                  empty=True).names("platform"))
    assert {"汀屿智慧物流园", "枫城直播电商基地"} <= platforms
    # a level word is no place's name: 各市县区人民政府 names no 市县
    text = "各市县区人民政府负责。汀屿区人民政府配合。市县区人民政府落实。"
    assert _subordinate_places(text) == {"汀屿"}


def test_cyberspace_and_communications_offices_are_expanded() -> None:
    body = "2.筑牢安全屏障。完善网络安全体系。（牵头单位：市委网信办，配合单位：市通管办）\n"
    departments = set(facts_of(body, empty=False).names("department"))
    assert {"枫渚市委网络安全和信息化委员会办公室", "枫渚市通信发展管理办公室"} <= departments


def test_fields_where_data_or_a_technology_is_applied_are_no_industries() -> None:
    body = (
        "2.释放数据价值。推动公共数据在普惠金融、交通出行、医疗健康等领域开发利用。"
        "鼓励企业面向政务、交通、医疗等领域开发行业解决方案。"
        "推动物联网在城市管理、环境监测、农业生产等领域规模化应用。\n"
    )
    industries = industries_of(body)
    assert not {"普惠金融", "交通出行", "医疗健康", "健康医疗", "政务", "交通", "医疗",
                "城市管理", "环境监测", "农业生产"} & industries
    # where a material is applied, the fields are the industries that use it
    other = "2.发展新材料。推动先进结构材料在轨道交通、航空航天、船舶制造等领域的应用。\n"
    assert {"轨道交通", "航空航天", "船舶制造"} <= industries_of(other)


def test_spaces_for_industry_growth_points_and_the_tools_applied_are_no_industries() -> None:
    body = (
        "2.完善园区。完善标准厂房、研发楼宇等产业空间，培育一批新的经济增长点。"
        "推动物联网、遥感监测、智能农机在菌菇、油茶、生猪等特色产业生产中的应用。\n"
    )
    industries = industries_of(body)
    assert not {"标准厂房", "研发楼宇", "经济增长点", "遥感监测", "智能农机在菌菇"} & industries
    assert {"菌菇", "油茶", "生猪"} <= industries


def test_a_platform_read_from_a_list_is_the_same_platform_where_it_heads_an_item() -> None:
    body = (
        "2.建设创新带。沿枫江两岸，串联枫江软件园、枫渚数字经济产业园等载体。\n"
        "3.枫江软件园。推进二期建设，大力发展工业软件、嵌入式软件等产业。\n"
        "专栏1  重点平台\n"
        "1.枫江软件园：建筑面积30万平方米，重点发展行业应用软件。\n"
    )
    targets = relations(facts_of(body), "targetsIndustry")
    assert {("枫江软件园", "工业软件"), ("枫江软件园", "嵌入式软件"),
            ("枫江软件园", "行业应用软件")} <= targets


def test_a_subject_cut_at_he_before_isations_is_whole() -> None:
    body = "2.发展软件业。推动软件和信息技术服务业规模化、特色化发展。\n"
    industries = industries_of(body)
    assert "软件和信息技术服务业" in industries and "信息技术服务业" not in industries


def test_a_centre_named_by_an_industry_and_what_it_does_with_it_carries_it() -> None:
    body = (
        "2.建设创新平台。建设枫渚市精密模具技术创新中心、枫渚（深圳）氢能装备创新飞地，"
        "配套发展模具钢、热流道、模架等上游材料，发展模具设计、模具维修等细分领域。"
        "大力发展康养旅游、森林康养等产业，建设枫渚康养旅游示范基地。\n"
    )
    facts = facts_of(body)
    targets = relations(facts, "targetsIndustry")
    assert ("枫渚市精密模具技术创新中心", "精密模具") in targets
    assert ("枫渚康养旅游示范基地", "康养旅游") in targets
    assert any(s.startswith("枫渚") and s.endswith("创新飞地") and i == "氢能装备"
               for s, i in targets)
    industries = set(facts.names("industry"))
    assert not {"模具钢", "热流道", "模架"} & industries  # upstream materials: products
    assert {"模具设计", "模具维修"} <= industries  # sub-fields developed: sectors


def test_a_demonstration_park_needs_a_place_and_a_theme_in_quotes_names_none() -> None:
    body = (
        "2.建设园区。在枫渚市建设枫渚智慧农业示范园，支持枫渚经济开发区建设“5G+智能制造”"
        "示范园区，推广现代农业示范园建设经验。\n"
    )
    platforms = set(facts_of(body).names("platform"))
    assert "枫渚智慧农业示范园" in platforms
    assert not [p for p in platforms if p.endswith("示范园区") or p == "现代农业示范园"]


def test_risk_fields_demonstration_firms_and_what_is_incubated() -> None:
    body = (
        "2.补齐短板。关键元器件、核心软件等领域“卡脖子”风险上升。建成智能制造示范企业6家。"
        "枫渚飞地重点孵化人工智能、工业软件、集成电路等项目。\n"
    )
    industries = industries_of(body, empty=False)
    assert not {"关键元器件", "核心软件", "智能制造示范", "孵化人工智能"} & industries
    assert {"人工智能", "工业软件", "集成电路"} <= industries


def test_trades_before_a_forms_head_count_and_bare_processing_stages_do_not() -> None:
    body = (
        "2.发展物流新业态。发展网络货运、无车承运、甩挂运输等新业态。"
        "发展农产品初加工、精深加工和综合利用加工。\n"
    )
    industries = industries_of(body)
    assert {"网络货运", "无车承运", "甩挂运输"} <= industries
    assert not {"精深加工", "综合利用加工"} & industries


def test_safety_fields_and_fields_where_technology_is_shown_are_no_industries() -> None:
    body = (
        "2.推进科技惠民。在医疗健康、生态环保、公共安全等领域开展科技示范应用，"
        "加强重大疾病防治、食品安全、安全生产等领域技术研发。"
        "枫渚生物医药产业园重点发展现代中药、生物制药、医疗器械。\n"
    )
    industries = industries_of(body)
    assert not {"医疗健康", "生态环保", "公共安全", "食品安全", "安全生产"} & industries
    assert {"现代中药", "生物制药", "医疗器械"} <= industries


def test_a_definition_note_names_the_platform_after_its_verb() -> None:
    body = (
        "2.建设园区。建设枫渚市现代农业产业园。\n"
        "注：核心区指枫渚市现代农业产业园所在的三个镇。\n"
    )
    facts = facts_of(body)
    platforms = set(facts.names("platform"))
    assert "枫渚市现代农业产业园" in platforms
    assert not [p for p in platforms if "指" in p]
    assert not [i for i in facts.names("industry") if "指" in i]


def test_a_wholesale_market_with_a_place_is_a_platform() -> None:
    body = "2.完善流通。升级改造枫渚农产品批发交易市场，推进农产品批发市场标准化建设。\n"
    platforms = set(facts_of(body).names("platform"))
    assert "枫渚农产品批发交易市场" in platforms
    assert "农产品批发市场" not in platforms


def test_sectors_that_grow_as_one_are_a_list_of_sectors() -> None:
    body = "2.规范新业态。推动平台经济、共享经济规范健康发展。\n"
    assert {"平台经济", "共享经济"} <= industries_of(body)
    other = "2.规范行业组织。推动协会、商会规范健康发展。\n"
    assert industries_of(other) == LEADING_INDUSTRIES


def test_two_sectors_that_work_together_are_both_industries() -> None:
    body = "2.发展电商。重点发展电子商务。推进电子商务与快递物流协同发展。\n"
    assert {"电子商务", "快递物流"} <= industries_of(body)


def test_the_branches_of_a_sports_service_are_sectors_of_a_public_one_none() -> None:
    body = (
        "2.发展体育产业。支持发展体育培训、赛事运营等体育服务，"
        "完善全民健身、场馆开放等公共体育服务。\n"
    )
    industries = industries_of(body)
    assert {"体育培训", "赛事运营"} <= industries
    assert not {"全民健身", "场馆开放"} & industries
