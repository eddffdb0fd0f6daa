"""The rules added after the held-out fixture 岑川县制造业高质量发展三年行动方案 was scored
(docs/extraction.md, "Round seven"), each on invented sentences of a 沐川县 plan (not a fixture's
names), and the fixture itself scored in the suite. Expected names are typed by hand."""

from __future__ import annotations

from corpus_paths import TESTS
from heldout import scores_of
from rule_facts import extract_under, relations

from plankg.graph.extract.extractor import Facts
from plankg.graph.text.structure import parse_document

TITLE = "沐川县制造业提质三年行动方案\n"


def facts_of(body: str, *, empty: bool = True) -> Facts:
    return extract_under(TITLE, body, empty=empty)


# --- programs -------------------------------------------------------------------------------


def test_an_outline_heading_names_its_program_without_the_verb() -> None:
    facts = facts_of(
        "四、实施创新行动\n4.1 强化企业主体\n4.1.1 实施青禾企业倍增计划\n"
        "建立培育库，给予奖励。（牵头单位：县科技局）\n"
    )
    assert "青禾企业倍增计划" in facts.names("program")
    assert "实施青禾企业倍增计划" not in facts.names("program")


def test_a_heading_clause_opening_with_a_preposition_names_no_program() -> None:
    facts = facts_of(
        "一、支持技术改造\n（一）对年度设备投资额500万元以上的技术改造项目，"
        "按照设备投资额的8%给予补助。\n（二）对新引进的纺织服装产业项目，给予奖励。\n"
    )
    assert facts.names("program") == []


# --- platforms ------------------------------------------------------------------------------


def test_a_year_never_opens_a_platform_name() -> None:
    facts = facts_of("一、目标\n力争2025年沐川经济开发区营业收入突破100亿元。\n")
    assert facts.names("platform") == ["沐川经济开发区"]


def test_a_note_in_brackets_after_the_kind_word_is_no_part_of_the_name() -> None:
    facts = facts_of(
        "一、平台\n省级平台：江西省光学工程研究中心（争创）、沐川光学研究院（省级新型研发机构）。\n"
    )
    assert set(facts.names("platform")) == {"江西省光学工程研究中心", "沐川光学研究院"}


def test_a_platform_and_a_verb_inside_a_would_be_name_end_it() -> None:
    facts = facts_of("一、基础\n沐川经济开发区获批省级开发区，产业集聚明显。\n")
    assert facts.names("platform") == ["沐川经济开发区"]


def test_a_park_of_two_places_joined_by_a_dash_and_an_innovation_city() -> None:
    facts = facts_of(
        "一、合作\n与沿海地区共建沐川—东沙产业合作园，建设沐川科创城，加快建设沐川公路港物流园。\n"
    )
    assert set(facts.names("platform")) == {"沐川—东沙产业合作园", "沐川科创城", "沐川公路港物流园"}


# --- departments ----------------------------------------------------------------------------


def test_a_body_in_brackets_after_a_body_is_a_second_body() -> None:
    facts = facts_of(
        "一、人才\n1.引进领军人才。给予资助。（牵头单位：县委组织部（县委人才办），"
        "配合单位：县委统战部、各乡镇（街道））\n",
        empty=False,
    )
    leads = {d for _, d in relations(facts, "leadDepartment")}
    supports = {d for _, d in relations(facts, "supportDepartment")}
    assert leads == {"沐川县委组织部", "沐川县委人才工作领导小组办公室"}
    assert supports == {"沐川县委统一战线工作部", "各乡镇（街道）"}


def test_bodies_listed_before_a_class_word_and_a_role_phrase() -> None:
    facts = facts_of(
        "一、政策兑现\n由县经信局牵头，县财政局、县市场监管局等部门配合，每年集中兑现一次。\n",
        empty=False,
    )
    supports = {d for _, d in relations(facts, "supportDepartment")}
    assert supports == {"沐川县财政局", "沐川县市场监督管理局"}


# --- industries -----------------------------------------------------------------------------


def industries(sentence: str, *, empty: bool = True) -> set[str]:
    return set(facts_of("一、产业\n" + sentence + "\n", empty=empty).names("industry"))


def test_a_count_of_chains_heads_a_list_of_industries() -> None:
    assert industries("聚焦智能装备、新能源汽车、生物医药、绿色食品四条重点产业链，绘制图谱。") == {
        "智能装备",
        "新能源汽车",
        "生物医药",
        "绿色食品",
    }


def test_isations_and_places_moved_from_are_no_industries() -> None:
    assert industries("推动纺织产业向高端化、智能化、服务化发展。") == {"纺织产业"}
    assert industries("深度对接长三角、粤港澳大湾区产业转移，抢抓新一轮产业转移机遇。") == set()


def test_a_glued_head_with_a_qualifier_is_cut_off() -> None:
    assert industries("引进食品包装、冷链物流配套企业。") == {"食品包装", "冷链物流"}
    assert industries("引进智能家电、汽车电子头部企业。") == {"智能家电", "汽车电子"}


def test_a_chain_head_glued_to_every_item() -> None:
    assert industries("纺织服装产业链、智能家电产业链由县经信局负责。") == {"纺织服装", "智能家电"}


def test_a_sector_head_that_does_something_names_no_sector() -> None:
    assert industries("围绕矿山开采、破碎筛分、选矿洗选等环节开发成套装备。") == set()


def test_what_stands_before_manufacturing_is_no_part_of_it() -> None:
    assert industries("大力宣传制造业高质量发展的政策措施。") == {"制造业"}
    assert industries("推动国有资本投资制造业。") == {"制造业"}
    assert industries("沐川县制造业发展迅速。") == {"制造业"}


def test_a_class_of_industries_developed_is_none() -> None:
    assert industries("培育新兴产业增长点。") == set()


def test_a_town_that_develops_two_sectors() -> None:
    assert industries("石桥镇重点发展家居和食品加工。") == {"家居", "食品加工"}


def test_a_park_after_the_plans_place_carries_its_whole_stem() -> None:
    # the plan prints 食品产业 elsewhere, so 食品 alone ends the park's stem too
    facts = facts_of(
        "一、园区\n推进食品产业发展。\n在城东规划建设沐川富锌食品产业园。\n", empty=False
    )
    assert ("沐川富锌食品产业园", "富锌食品") in relations(facts, "targetsIndustry")


def test_a_lexicon_name_inside_the_plans_own_longer_industry_is_that_one() -> None:
    # the plan lists 氢能新材料; 新材料 (a lexicon industry) printed inside it is the same one
    facts = facts_of(
        "聚焦氢能新材料、精密铸造两条重点产业链。\n打造全省重要的氢能新材料生产基地。\n",
        empty=False,
    )
    names = facts.names("industry")
    assert "氢能新材料" in names and "新材料" not in names


def test_a_place_and_its_part_before_a_sector_are_cut() -> None:
    # 青屿 is no place the plan or jieba knows: the part word (北部) says it is one
    facts = facts_of("推动青屿北部精密铸造、智能农机等产业集聚发展。\n")
    assert {"精密铸造", "智能农机"} <= set(facts.names("industry"))
    assert not [n for n in facts.names("industry") if "北部" in n]


# --- round nine: chain lines, business functions, a plan's own sector words (decision 042) ---


def test_a_technology_word_inside_a_middle_item_is_part_of_it() -> None:
    facts = facts_of(
        "一、任务\n大力发展集成电路设计、软件和信息技术服务、数据标注服务等数字经济核心产业。\n"
    )
    assert facts.names("industry") == ["数据标注服务", "软件和信息技术服务", "集成电路设计"]


def test_a_stop_verb_that_closes_the_first_item_is_its_own() -> None:
    # 利用 is a verb of the stop list; here it ends the item 废旧家电回收利用, not the clause
    facts = facts_of("一、任务\n培育发展废旧家电回收利用、环保设备和污水处理服务等节能环保产业。\n")
    assert set(facts.names("industry")) == {
        "废旧家电回收利用", "环保设备", "污水处理服务", "节能环保",
    }


def test_equipment_manufacturing_keeps_its_manufacturing_before_a_glued_head() -> None:
    facts = facts_of("一、任务\n重点布局石材粉料、石材装备制造项目。\n", empty=False)
    assert facts.names("industry") == ["石材粉料", "石材装备制造"]


def test_the_stage_lines_of_a_chain_list_products_not_industries() -> None:
    facts = facts_of(
        "一、产业链图谱\n上游：钛白粉、铝锭等基础原料。\n中游：汽车饰件、家电外壳、电机转子。\n"
        "下游：新能源汽车、智能家电等应用领域。\n"
    )
    assert facts.names("industry") == ["新能源汽车", "智能家电"]  # under the sector head only


def test_business_functions_are_no_sectors_of_a_field_list() -> None:
    facts = facts_of(
        "一、任务\n在研发设计、生产制造、仓储物流、售后服务等领域推广工业互联网应用。\n"
    )
    assert facts.names("industry") == []
    # named with more than the functions, a service is a sector (冷链物流, 工业设计)
    facts = facts_of("一、任务\n在冷链物流、工业设计、电子商务等领域培育一批龙头企业。\n")
    assert set(facts.names("industry")) == {"冷链物流", "工业设计", "电子商务"}


BAMBOO = (
    "一、发展基础\n竹编产业是我县特色产业，竹编产业企业120家。\n二、主要任务\n"
    "1.做强竹编产业。推动竹编产业由日用竹编、礼品竹编向工艺竹编、装饰竹编等高端竹编转型升级，"
    "支持工艺竹编产业集聚发展。（牵头单位：县经信局）\n"
    "2.推动家具竹编向建筑竹编转型，推动茶叶加工由初加工向精深加工延伸。（牵头单位：县农业农村局）\n"
)


def test_a_plans_own_sector_word_makes_its_branches_industries() -> None:
    # 竹编 is no sector word of the rules: the plan makes it one (竹编产业 three times, a branch
    # 工艺竹编产业, and nouns before it: 日用, 礼品, 工艺, 装饰 …)
    facts = facts_of(BAMBOO)
    assert set(facts.names("industry")) == {
        "竹编产业", "日用竹编", "礼品竹编", "工艺竹编",
        "装饰竹编", "家具竹编", "建筑竹编", "茶叶加工",
    }  # 初加工, 精深加工: the states 茶叶加工 moves between, no industries


def test_without_the_plan_naming_the_sector_its_branches_are_not_guessed() -> None:
    facts = facts_of(
        "一、任务\n推动竹编由日用竹编、礼品竹编向工艺竹编、装饰竹编等高端竹编转型升级。\n"
    )
    assert facts.names("industry") == []
    facts = facts_of("一、任务\n推动产业由低端、粗放向高端化、智能化发展。\n")
    assert facts.names("industry") == []


def test_an_industry_printed_with_and_without_ye_is_one() -> None:
    facts = facts_of(
        "一、任务\n1.发展现代物流业。推动现代物流提质增效，培育冷链物流。\n", empty=False
    )
    assert facts.names("industry") == ["冷链物流", "现代物流"]


BOXED = (
    "二、优化布局\n1.提升沐川工业园能级。沐川工业园是全县工业的主阵地，营业收入突破百亿元。\n"
    "专栏1  沐川工业园“一园两区”功能定位\n东区：重点发展精密铸造、智能农机等装备制造产业。\n"
    "西区：重点发展竹木加工产业，配套发展现代物流。\n"
    "2.建设沐川石材产业园。园区规划面积2平方公里，重点布局新型建材、环保装备项目。\n"
    "专栏2  重点工程\n1.沐川英才工程。每年引进人才100名。\n2.沐川工匠计划。每年培养工匠50名。\n"
    "三、保障措施\n加强组织领导。\n"
)


def test_an_item_that_goes_on_with_the_numbers_before_a_box_is_outside_it() -> None:
    doc = parse_document(TITLE + BOXED)
    chapter = doc.sections[0]
    assert [(s.style, s.numbering) for s in chapter.children] == [
        ("1.", "1."), ("专栏N", "专栏1"), ("1.", "2."), ("专栏N", "专栏2"),
    ]
    # a box's own items (its 1., 2.) stay in it
    assert [s.numbering for s in chapter.children[3].children] == ["1.", "2."]


def test_a_box_captioned_with_a_platform_gives_it_the_industries_of_its_lines() -> None:
    facts = facts_of(BOXED)
    targets = relations(facts, "targetsIndustry")
    assert {p for p, _ in targets if not p[0].isdigit()} == {"沐川工业园", "沐川石材产业园"}
    assert {i for p, i in targets if p == "沐川工业园"} == {
        "精密铸造", "智能农机", "装备制造", "竹木加工产业",
        "现代物流",  # 配套发展现代物流: what the zone develops beside them (round thirteen)
    }
    # "2.建设沐川石材产业园。": a section titled by a verb of the stop list and the platform
    assert {i for p, i in targets if p == "沐川石材产业园"} == {"新型建材", "环保装备"}


def test_a_program_named_by_an_industry_targets_it_and_a_fine_grained_field_list_counts() -> None:
    facts = facts_of(
        "一、任务\n1.精密铸造强链行动。以沐川工业园为主平台，重点发展精密铸造、农机装备和矿山装备等"
        "细分领域。（牵头单位：县经信局）\n2.文化惠民工程。每年送戏下乡100场，繁荣文化产业。"
        "（牵头单位：县文广新旅局）\n"
    )
    assert facts.names("industry") == ["农机装备", "文化产业", "矿山装备", "精密铸造"]
    targets = relations(facts, "targetsIndustry")
    named = {i for p, i in targets if p == "精密铸造强链行动"}
    assert named == {"精密铸造", "农机装备", "矿山装备"}
    # a bare sector word opening a scheme's name is its public, not its industry: 文化惠民工程
    # takes 文化产业 from its item's sentence, not from its name
    assert {i for p, i in targets if p == "文化惠民工程"} == {"文化产业"}


def test_zones_named_by_their_industries_are_no_industries() -> None:
    facts = facts_of(
        "一、布局\n“两区”即北部高山茶叶和石斛产业区、南部稻渔综合种养和生猪养殖产业区。\n"
    )
    assert facts.names("industry") == []


def test_a_field_list_whose_head_runs_on_to_an_industry_is_still_one_of_fields() -> None:
    facts = facts_of("一、任务\n在住房保障、子女入学、职称评定等领域为乡村产业人才提供支持。\n")
    assert facts.names("industry") == []


def test_classes_of_sectors_and_clauses_before_them_name_no_industry() -> None:
    facts = facts_of(
        "一、任务\n以农村一二三产业融合发展为路径，推动二三产业协同。\n培育预制菜产业。安排不少于"
        "5%的指标用于乡村产业项目，把乡村旅游培育成为农民增收的重要产业。\n"
    )
    # 预制 is a verb to jieba; cut, it would leave 菜产业
    assert facts.names("industry") == ["预制菜产业"]


def test_kinds_of_one_product_a_develop_verb_lists_are_sectors() -> None:
    facts = facts_of("一、任务\n重点发展酱香预制菜、鱼头预制菜和菌汤预制菜，打造系列品牌。\n")
    assert facts.names("industry") == ["菌汤预制菜", "酱香预制菜", "鱼头预制菜"]


def test_the_branches_an_industry_moves_to_hold_its_stem_and_products_it_leaves_do_not() -> None:
    facts = facts_of(
        "一、任务\n推动石雕产业由传统墓碑、石磨向石雕文创、石雕家居和石雕园林景观转型。\n"
    )
    assert facts.names("industry") == ["石雕产业", "石雕园林景观", "石雕家居", "石雕文创"]


def test_crafts_listed_under_a_sector_phrase_are_industries() -> None:
    # 手工艺 is a sector word; the phrase the head opens with ends in it, a verb follows
    facts = facts_of("一、任务\n挖掘石雕、剪纸、木偶等传统手工艺焕发生机。\n")
    assert facts.names("industry") == ["剪纸", "木偶", "石雕"]


# --- the held-out fixture, scored ------------------------------------------------------------


def test_held_out_manufacturing_fixture(tmp_path) -> None:
    # cenchuan-manufacturing-action-plan-2023-2025: written and annotated before any run
    # (tests/data/README.md); its first-run and after figures are in docs/extraction.md. The
    # floors are the figures after round seven (industries: round nine), so a rule change that
    # loses ground fails here.
    by_type = scores_of(tmp_path, "cenchuan-manufacturing-action-plan-2023-2025.json")
    assert by_type["region"].correct == 1
    for kind in ("lead-department", "support-department", "indicator-target"):
        assert by_type[kind].precision >= 0.95 and by_type[kind].recall >= 0.95, (
            by_type[kind].missed,
            by_type[kind].spurious,
        )
    for kind in ("program", "platform", "department"):
        assert by_type[kind].precision >= 0.9 and by_type[kind].recall >= 0.9, (
            by_type[kind].missed,
            by_type[kind].spurious,
        )
    # industry after round nine (decision 042): P 0.86, R 0.95
    assert by_type["industry"].precision >= 0.85 and by_type["industry"].recall >= 0.93, (
        by_type["industry"].missed,
        by_type["industry"].spurious,
    )


def test_a_project_list_with_long_content_cells_is_one_table() -> None:
    # 表2 of the fixture: 8 columns, one cell a line, 建设内容 cells of up to ~50 characters and a
    # 2023年计划投资 column; its 20 rows are the table's, not prose, and it holds no indicators
    from plankg.graph.text.structure import read_document
    from plankg.graph.text.tables import parse_tables

    doc = read_document(
        TESTS / "data" / "plans" / "cenchuan-manufacturing-action-plan-2023-2025.txt"
    )
    indicators, projects = parse_tables(doc).tables
    assert len(indicators.rows) == 12
    assert (projects.kind, projects.rows) == ("other", [])
    assert doc.text[projects.end - 20 : projects.end].endswith("2023—2024")
    assert "新建220千伏变电站1座" in doc.text[projects.start : projects.end]


def test_a_list_head_that_names_its_items_sector() -> None:
    found = industries("重点发展光纤预制棒、特种光缆等光通信材料产业和激光器件产业。")
    assert "光通信材料" in found
    assert industries("培育壮大工业机器人、智能传感器等新兴产业。") == {"工业机器人", "智能传感器"}
