"""Rules of round eleven (docs/extraction.md, "Round eleven"), each on invented sentences of a
枳林区 plan (names of no fixture). Expected names are typed by hand."""

from __future__ import annotations

from rule_facts import extract_under, relations

from plankg.graph.extract.extractor import Facts

TITLE = "枳林区先进制造业发展规划（2021—2025年）\n"
LEADING = "一、重点任务\n1.壮大主导产业。重点发展精密模具、轨道交通装备、氢能装备等产业。\n"


def facts_of(body: str, *, empty: bool = True) -> Facts:
    return extract_under(TITLE, LEADING + body, empty=empty)


def test_the_plans_own_sectors_before_the_facilities_of_their_trade_are_the_projects() -> None:
    body = (
        "二、重大项目\n"
        "3.枳林模具产业园项目。建设精密模具、氢能装备研发生产基地和公共服务平台，总投资约20亿元。\n"
        "4.枳林检测中心项目。建设精密模具检测中心，总投资约2亿元。\n"
    )
    targets = relations(facts_of(body), "targetsIndustry")
    assert {("枳林模具产业园项目", "精密模具"), ("枳林模具产业园项目", "氢能装备")} <= targets
    # a facility that is no trade's (a testing centre) names no industry of its project
    assert not any(subject == "枳林检测中心项目" for subject, _ in targets)


def test_a_run_of_the_plans_own_sectors_before_firms_counts_in_a_list_of_other_things() -> None:
    body = (
        "二、重大项目\n"
        "5.枳林总部商务区项目。建设商务楼宇，吸引区域总部、精密模具和轨道交通装备企业入驻。\n"
    )
    targets = relations(facts_of(body), "targetsIndustry")
    assert {("枳林总部商务区项目", "精密模具"), ("枳林总部商务区项目", "轨道交通装备")} <= targets
    assert ("枳林总部商务区项目", "区域总部") not in targets


def test_a_headless_list_that_grows_together_is_a_list_of_sectors() -> None:
    body = "2.强化港口功能。推动临河物流、临港制造、保税物流协同发展。\n"
    industries = set(facts_of(body).names("industry"))
    assert {"临河物流", "临港制造", "保税物流"} <= industries
    # what grows together is no sector when its items hold no sector word
    other = "2.完善城乡格局。推动城区、园区、镇区联动发展。\n"
    assert facts_of(other).names("industry") == ["氢能装备", "精密模具", "轨道交通装备"]


def test_two_sectors_grown_into_each_other_are_both_industries() -> None:
    body = "3.推动产业融合。推动交通运输业与旅游业融合发展，促进公共数据与社会数据融合应用。\n"
    industries = set(facts_of(body).names("industry"))
    assert {"交通运输业"} <= industries
    assert not {"公共数据", "社会数据"} & industries  # the clause goes on: a use of data


def test_attributes_and_the_regions_before_sectors_are_not_their_names() -> None:
    body = "4.承接产业转移。模具是基础性、先导性产业。承接沿海地区精密模具、电子材料等产业转移。\n"
    industries = set(facts_of(body).names("industry"))
    assert not {"基础性", "先导性", "沿海地区精密模具"} & industries
    assert {"精密模具", "电子材料"} <= industries


def test_a_develop_verb_and_an_industry_head_make_verb_like_items_sectors() -> None:
    body = (
        "2.壮大科技服务业。重点发展研发设计、技术转移、检验检测等科技服务业。"
        "前瞻布局新一代信息技术、节能环保等产业。引进总部企业、现代物流等服务业。\n"
    )
    industries = set(facts_of(body).names("industry"))
    assert {"研发设计", "技术转移", "检验检测", "新一代信息技术", "节能环保"} <= industries
    assert "总部企业" not in industries  # an item naming firms is no sector


def test_firms_counts_key_parts_and_innovation_belts_are_no_industries() -> None:
    body = (
        "3.培育龙头企业。支持枳林恒远精密模具有限公司、枳林精工集团做大做强。"
        "按照“一个产业、一个专班”推进。模具产业链重点突破模架、顶针、热流道等关键零部件。"
        "建设枳南—枳北产业创新带。\n"
    )
    industries = set(facts_of(body).names("industry"))
    assert not any(name.endswith(("公司", "集团")) for name in industries)
    assert not {"一个", "模架", "顶针", "热流道", "枳北产业"} & industries


def test_a_science_park_district_is_one_platform() -> None:
    body = "4.建设创新载体。建设枳林省级农业科技园区，发展现代种业、智慧农业。\n"
    platforms = facts_of(body).names("platform")
    assert "枳林省级农业科技园区" in platforms
    assert "枳林省级农业科技园" not in platforms


def test_a_parks_broad_sector_or_designation_is_no_industry_it_hosts() -> None:
    body = (
        "5.建设农业园区。建设枳林省级农业科技园区，提升枳南农业科技园，"
        "建设枳北光电科技园。\n"
    )
    hosted = relations(facts_of(body), "targetsIndustry")
    assert not any(industry in ("农业", "省级农业") for _, industry in hosted)
    assert ("枳北光电科技园", "光电") in hosted  # a narrow sector word is the park's industry


def test_a_work_of_the_project_list_is_no_program_in_prose_either() -> None:
    body = (
        "二、重大项目\n6.完善港口设施。实施枳林港二期工程和枳林人才引育工程。\n"
        "表1  枳林区“十四五”重大项目表\n序号 项目名称 建设性质 建设内容与规模 总投资\n"
        "1 枳林港二期工程 新建 新建泊位4个 12.5\n"
        "三、保障措施\n加强组织领导。\n"
    )
    programs = facts_of(body).names("program")
    assert "枳林港二期工程" not in programs
    assert "枳林人才引育工程" in programs


def test_a_ports_districts_are_platforms_named_without_the_port() -> None:
    body = (
        "7.提升港口能级。推进枳林港南湾港区、澜屿港区错位发展，"
        "建设枳林铁路物流基地至南湾港区疏港公路，完善核心港区功能。\n"
    )
    platforms = facts_of(body).names("platform")
    assert {"南湾港区", "澜屿港区"} <= set(platforms)
    assert not [p for p in platforms if "至" in p or p.startswith("枳林港") or p == "核心港区"]


def test_a_broad_sector_alone_names_a_class_of_parks() -> None:
    body = "8.推进园区建设。推进农业科技园区建设，提升枳南农业科技园服务能力。\n"
    platforms = facts_of(body).names("platform")
    assert "农业科技园区" not in platforms
    assert "枳南农业科技园" in platforms


def test_education_sports_and_data_bureaus_are_expanded() -> None:
    body = (
        "9.优化人才环境。建设人才公寓。"
        "（牵头单位：区委人才办，配合单位：区教体局、区数据资源局）\n"
    )
    departments = set(facts_of(body, empty=False).names("department"))
    assert {"枳林区教育体育局", "枳林区数据资源管理局"} <= departments


def test_urban_management_and_traffic_police_are_expanded() -> None:
    body = (
        "10.治理交通拥堵。优化信号配时。"
        "（牵头单位：区公安局交警支队，配合单位：区城管局）\n"
    )
    departments = set(facts_of(body, empty=False).names("department"))
    assert {"枳林区公安局交通警察支队", "枳林区城市管理局"} <= departments


def test_service_sector_names_lose_times_districts_firm_sizes_and_clauses() -> None:
    body = (
        "11.壮大服务业。今后五年全区现代服务业发展提速，到2025年，枳城区服务业增加值占比达到60%，"
        "县域服务业占全区服务业比重提高到30%。降低中小服务业企业成本，吸引东部地区服务业企业投资。\n"
    )
    industries = set(facts_of(body).names("industry"))
    assert "现代服务业" in industries
    assert not [n for n in industries if n.endswith("服务业") and n != "现代服务业"]


def test_a_list_of_majors_is_no_list_of_sectors() -> None:
    body = (
        "12.培养服务业人才。支持职业院校开设物流管理、电子商务、旅游管理等服务业相关专业20个。"
        "推动法律服务、会计审计、咨询评估等专业服务业集聚发展。\n"
    )
    industries = set(facts_of(body).names("industry"))
    assert not {"物流管理", "旅游管理"} & industries
    assert {"法律服务", "会计审计", "咨询评估"} <= industries


def test_an_industry_named_x_chanye_is_named_x_when_the_plan_prints_x_more() -> None:
    body = (
        "13.培育预制鱼产业。抢抓预制鱼消费增长机遇，引进预制鱼生产企业5家，"
        "打造“枳林味道”预制鱼品牌，推动预制鱼进商超。\n"
    )
    industries = facts_of(body).names("industry")
    assert "预制鱼" in industries and "预制鱼产业" not in industries


def test_what_grows_into_what_in_a_joint_list_is_every_item() -> None:
    body = "14.推动融合。推动山核桃、茶叶与森林康养、研学旅游融合发展。\n"
    industries = set(facts_of(body).names("industry"))
    assert {"茶叶", "森林康养", "研学旅游"} <= industries
    assert "茶叶与森林康养" not in industries


def test_a_bare_trade_word_a_clause_goes_on_from_heads_no_sector_list() -> None:
    body = (
        "15.建设信息平台。实现港口、铁路、海关等信息互联共享。"
        "承接精密模具、电子材料等产业转移。\n"
    )
    industries = set(facts_of(body).names("industry"))
    assert not {"港口", "铁路", "海关"} & industries
    assert {"精密模具", "电子材料"} <= industries


def test_a_title_to_win_is_no_platform_and_a_culture_park_is_one() -> None:
    body = (
        "16.建设农业园区。力争枳林现代农业产业园创建为国家现代农业产业园。"
        "建成枳南山核桃文化园等一批乡村旅游点。\n"
    )
    platforms = facts_of(body).names("platform")
    assert "国家现代农业产业园" not in platforms
    assert {"枳林现代农业产业园", "枳南山核桃文化园"} <= set(platforms)


def test_a_develop_verb_and_a_service_sector_head_make_verb_like_items_sectors() -> None:
    body = "17.提升科技服务。依托枳林高新区，重点发展研发设计、技术转移、创业孵化等科技服务。\n"
    facts = facts_of(body)
    assert {"研发设计", "技术转移", "创业孵化"} <= set(facts.names("industry"))
    assert ("枳林高新区", "技术转移") in relations(facts, "targetsIndustry")
