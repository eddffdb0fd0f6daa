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


COUNTY = "桐溪县文化和旅游发展规划（2021—2025年）\n"
COUNTY_LEADING = "一、主要任务\n1.壮大文旅产业。重点发展乡村旅游、文化旅游和康养旅游等产业。\n"


def county_facts(body: str, *, empty: bool = True) -> Facts:
    return extract_under(COUNTY, COUNTY_LEADING + body, empty=empty)


def test_the_stops_of_a_route_are_names_of_their_own_and_the_county_town_none() -> None:
    body = ("2.串联精品线路。“山水康养”线：县城—霁云山旅游度假区—镜湖温泉小镇，以山地度假为主题；"
            "“古村寻踪”线：县城—龙潭古村文化旅游区—溪口茶旅小镇，以古村游览为主题。\n")
    platforms = set(county_facts(body).names("platform"))
    assert {"霁云山旅游度假区", "龙潭古村文化旅游区", "镜湖温泉小镇"} <= platforms
    assert not {p for p in platforms if "—" in p or p == "县城"}


def test_a_name_opening_with_a_mountain_a_lake_or_a_river_is_named() -> None:
    body = ("2.提升景区品质。提升霁云山景区、镜湖景区和澜溪漂流景区品质，建设霁云山森林康养基地、"
            "澜溪水上运动基地，争创国家4A级旅游景区2家，推动霁云山和镜湖两大景区联动发展。\n")
    platforms = set(county_facts(body).names("platform"))
    assert {"霁云山景区", "镜湖景区", "澜溪漂流景区", "霁云山森林康养基地", "澜溪水上运动基地"} \
        <= platforms
    assert not {p for p in platforms if "A级" in p or "两大" in p}
    # a landform word that is a common noun names nothing: 矿山, 高山
    other = "2.发展装备。打造矿山装备制造基地和高山茶叶基地。\n"
    assert not set(county_facts(other).names("platform"))


def test_a_town_with_a_government_names_a_base_though_its_name_is_a_word() -> None:
    body = ("2.发展研学。桃源镇重点发展红色旅游，建设桃源红色研学基地。"
            "（牵头单位：县文旅局，配合单位：桃源镇人民政府）\n3.完善设施。桃源镇完善游客服务设施。\n")
    assert "桃源红色研学基地" in county_facts(body).names("platform")


def test_isations_public_goods_amenities_and_goods_are_no_industries() -> None:
    body = ("2.培育市场主体。支持中小文旅企业向专业化、特色化方向发展，组建国有文旅平台，"
            "完善住宿、餐饮、购物、娱乐等旅游配套服务，开发竹编、竹雕、竹筒饭等特色文创和旅游商品。"
            "围绕景区提升、文旅融合、公共服务等领域谋划项目。\n")
    industries = set(county_facts(body).names("industry"))
    assert not {"专业化", "化方向", "国有文旅平台", "住宿", "餐饮", "购物", "娱乐", "竹编",
                "竹雕", "竹筒饭", "文旅融合", "公共服务"} & industries
    # the branches of a sector with nothing after its head still count
    other = "2.发展文创。大力发展竹编文创、木雕文创等特色文创。\n"
    assert {"竹编文创", "木雕文创"} <= set(county_facts(other).names("industry"))


def test_wenlv_is_cultural_tourism_and_a_supporting_sector_is_developed() -> None:
    body = ("2.做强文旅产业。推动文旅产业提质升级，建设桐溪温泉康养小镇，重点发展温泉康养，"
            "配套发展旅居养老。\n")
    facts = county_facts(body)
    industries = set(facts.names("industry"))
    assert "文化旅游" in industries and not {"文旅", "文旅产业"} & industries
    assert ("桐溪温泉康养小镇", "旅居养老") in relations(facts, "targetsIndustry")


def test_a_box_line_names_its_platform_and_a_zone_kind_its_industry() -> None:
    body = ("专栏1　重点文旅平台\n"
            "1.霁云山旅游度假区：规划面积36平方公里，重点发展生态观光、森林康养、户外运动。\n"
            "2.桐溪县旅游集散中心：位于县城，重点发展旅游集散服务。\n"
            "3.龙潭古村文化旅游区：核心保护范围1.2平方公里，重点发展古村旅游和研学旅游。\n")
    targets = relations(county_facts(body), "targetsIndustry")
    assert {("霁云山旅游度假区", "生态观光"), ("霁云山旅游度假区", "森林康养"),
            ("龙潭古村文化旅游区", "研学旅游"), ("龙潭古村文化旅游区", "文化旅游")} <= targets
    # a centre named by an industry and what it does with it (集散) carries the industry
    known = relations(county_facts(body, empty=False), "targetsIndustry")
    assert ("桐溪县旅游集散中心", "旅游") in known


def test_the_spiritual_civilisation_office_is_the_party_committees() -> None:
    body = "2.推进文明实践。建设新时代文明实践站。（牵头单位：县委宣传部，配合单位：县文明办）\n"
    departments = set(county_facts(body, empty=False).names("department"))
    assert "桐溪县委精神文明建设委员会办公室" in departments


def test_a_location_verb_a_teaching_plan_and_a_coined_name_before_an_industry() -> None:
    body = ("2.做强夜间经济。实施“夜游桐溪”夜间经济培育行动，打造夜间消费街区。"
            "建设桐溪文化创意产业园，园区位于桐溪经济开发区，将研学实践纳入中小学教育教学计划。\n")
    facts = county_facts(body)
    assert not {p for p in facts.names("platform") if p.startswith("园区")}
    assert "中小学教育教学计划" not in facts.names("program")
    targets = relations(facts, "targetsIndustry")
    assert any(s.endswith("夜间经济培育行动") and i == "夜间经济" for s, i in targets)
