"""Industry lists of issue 12's shapes (round two): the nearest head word decides a list's class,
a head glued to the last item, a list after a verb that develops sectors, a first item that runs
on into the clause before the list. Sentences invented in the fixtures' shapes; the expected names
typed by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from plankg.graph.extract.candidates import resolve
from plankg.graph.extract.industries import IndustryFinder, find_industries, head_class
from plankg.graph.extract.lexicon import load_lexicon
from plankg.graph.text.document import Sentence
from plankg.graph.text.structure import read_document


@pytest.fixture(scope="module")
def rules() -> IndustryFinder:
    return IndustryFinder(load_lexicon(empty=True))


@pytest.fixture(scope="module")
def full() -> IndustryFinder:
    return IndustryFinder(load_lexicon())


def names(finder: IndustryFinder, text: str) -> list[str]:
    found = resolve(finder.in_sentence(text, Sentence(0, len(text), text), None))
    return sorted(c.name for c in found)


def test_nearest_head_word_decides() -> None:
    assert head_class("等领域开展关键技术攻关") == "industry"
    assert head_class("等生产性服务业向园区集聚") == "industry"
    assert head_class("等先进数字技术") == "technology"


def test_field_list_before_technology(rules: IndustryFinder) -> None:
    text = "联合省内高校在储能电池材料、芯片设计、中药现代化等领域开展关键技术攻关"
    assert names(rules, text) == ["中药现代化", "储能电池材料", "芯片设计"]


def test_services_head(rules: IndustryFinder) -> None:
    text = "支持研发设计、检验检测、现代金融等生产性服务业向园区集聚"
    # the head's own sector (生产性服务业) is read by the sector rule, as before
    assert {"检验检测", "现代金融", "研发设计"} <= set(names(rules, text))


def test_head_glued_to_last_item(rules: IndustryFinder) -> None:
    text = "以鹭山微电子小镇为载体，集聚芯片设计、封装测试和电子元器件企业"
    assert names(rules, text) == ["封装测试", "电子元器件", "芯片设计"]


def test_list_after_develop_verb(rules: IndustryFinder) -> None:
    assert names(rules, "大力发展普惠金融、绿色金融和供应链金融") == [
        "供应链金融",
        "普惠金融",
        "绿色金融",
    ]
    # no verb that develops sectors, no head: not read as industries
    assert names(rules, "完善普惠金融、绿色金融和供应链金融") == []


def test_first_item_runs_into_the_clause(rules: IndustryFinder) -> None:
    text = "引进总部企业、金融服务、科技服务等现代服务业企业"
    found = names(rules, text)
    assert {"科技服务", "金融服务"} <= set(found)
    assert not any("企业" in name for name in found)


def test_policy_fields_stay_out(rules: IndustryFinder) -> None:
    assert names(rules, "在市场准入、审批服务和综合监管等领域") == []


# --- round four: sector words outside lists, modifiers -------------------------------------


def test_verb_before_a_sector_word_is_cut(rules: IndustryFinder) -> None:
    # jieba tags 保持 / 扩大 / 放宽 as verbs; a bare 服务业 is no industry of its own
    assert names(rules, "加大技术改造力度，保持制造业投资稳定增长") == ["制造业"]
    assert names(rules, "扩大服务业对内对外开放，放宽服务业市场准入") == []
    # a modifier jieba tags as an adjective stays (先进制造业, 健康服务业)
    assert names(rules, "大力发展先进制造业和健康服务业") == ["健康服务业", "先进制造业"]


def test_place_or_scope_before_a_sector_word_is_cut(rules: IndustryFinder) -> None:
    assert names(rules, "提升澜川在全球铜产业中的话语权") == ["铜产业"]
    assert names(rules, "打造沿江现代服务业集聚带") == ["现代服务业"]
    assert names(rules, "主动承接长三角产业转移，优化全市产业空间布局") == []


def test_classes_and_scales_of_industries(rules: IndustryFinder) -> None:
    assert names(rules, "资源型产业占比较高") == []
    assert names(rules, "力争形成2个以上百亿级新兴产业集群") == []
    assert names(rules, "坚持数字产业化和产业数字化双轮驱动") == []
    assert names(rules, "构建沿江绿色产业发展带，办好澜川铜材料产业博览会") == []


def test_short_item_keeps_its_modifier(rules: IndustryFinder) -> None:
    # 特色 is dropped before a name of three characters or more (特色时尚美妆 → 时尚美妆), kept
    # before a two-character one: 特色水产 is a sector, 水产 alone another word
    text = "围绕优质粮油、特色水产、中药材、生态茶叶四大主导产业"
    assert names(rules, text) == ["中药材", "优质粮油", "特色水产", "生态茶叶"]


def test_head_industry_glued_to_last_item(rules: IndustryFinder) -> None:
    # 产业 after the last item is the head of all of them; the verb that opens the list goes
    text = "重点布局节能环保、临港物流和生态旅游产业；"
    assert names(rules, text) == ["临港物流", "生态旅游", "节能环保"]
    # a stop-list verb inside a noun (综合利用) does not make the item a clause
    text = "发展高效节能装备、先进环保装备和资源综合利用产业，推进尾矿综合利用"
    assert names(rules, text) == ["先进环保装备", "资源综合利用", "高效节能装备"]
    # a two-character stem before 产业 is a name of its own: 数字产业 stays
    assert "数字产业" in names(rules, "大力发展新材料、新能源、数字产业")


def test_stop_character_that_opens_a_word(rules: IndustryFinder) -> None:
    # 在 is the first character of 在线教育, not the preposition
    text = "发展在线教育、互联网医疗、智慧养老、数字文旅等新业态"
    assert names(rules, text) == ["互联网医疗", "在线教育", "数字文旅", "智慧养老"]


def test_products_of_a_production_head(rules: IndustryFinder) -> None:
    # 生产项目 / 制造企业: the items are what is made, sectors even without a sector word
    text = "对新引进的创新药、医疗器械、中药配方颗粒生产项目，实行“拿地即开工”"
    assert names(rules, text) == ["中药配方颗粒", "创新药", "医疗器械"]


def test_policy_field_list_keeps_qualified_sectors(rules: IndustryFinder) -> None:
    # fewer than half of the items look like sectors: a bare sector word there names a policy
    # field (环保, 能源), a qualified one a sector (数字农业); 产业协作 is what is done with them
    assert names(rules, "推动交通、城管、应急、环保等领域数据汇聚共享") == []
    assert "产业协作" not in names(rules, "深化在科技创新、产业协作、基础设施等领域合作")
    text = "推动澜川与临江在数字基础设施、数字农业、数字服务业、数字民生、数字政务等重点领域合作"
    assert names(rules, text) == ["数字农业", "数字服务业"]


def test_forms_of_business(rules: IndustryFinder) -> None:
    # 业态 lists hold sectors as often as activities: their items count when half look like
    # sectors, or when a sector qualifies the head
    assert names(rules, "打造夜间经济集聚区，发展夜购、夜食、夜游、夜娱等夜间消费业态") == []
    assert names(rules, "发展定制客运、网约车等新业态") == []
    text = "发展休闲农业、乡村旅游、农耕体验、康养度假等乡村新业态"
    assert names(rules, text) == ["乡村旅游", "休闲农业", "农耕体验", "康养度假"]
    text = "发展健康管理、健康咨询、康复护理等健康服务新业态"
    assert names(rules, text) == ["健康咨询", "健康管理", "康复护理"]


def test_headless_list_needs_two_sectors(rules: IndustryFinder) -> None:
    assert names(rules, "发展多层次、多支柱养老保险体系") == []
    # with a head (企业) glued to the last item, half is enough
    assert names(rules, "以澜川科技园为载体集聚电子信息、智能终端企业") == ["智能终端", "电子信息"]


def test_more_glued_heads(rules: IndustryFinder) -> None:
    # 产业链 glued to the last item, with more after it; the clause's own verb (编制) opens
    # the first item and goes
    text = "编制新能源汽车、集成电路设计、生物医药产业链招商图谱"
    assert names(rules, text) == ["新能源汽车", "生物医药", "集成电路设计"]
    # 企业 glued to the last item, a count after it
    text = "引进动漫游戏、工业设计企业100家以上"
    assert names(rules, text) == ["动漫游戏", "工业设计"]


def test_a_verb_inside_a_clause_is_kept(rules: IndustryFinder) -> None:
    # jieba tags 休闲 and 批发 as verbs, but after a stop-list verb they open the names
    assert names(rules, "推动批发零售业、交通运输业、仓储业等行业转型升级") == [
        "交通运输业",
        "仓储业",
        "批发零售业",
    ]


def test_verb_listed_under_an_industry_head(rules: IndustryFinder) -> None:
    # jieba tags 冶炼 as a verb; under 行业 it is a sector (支持产业 is still none)
    assert names(rules, "推进冶炼、化工、建材等行业节能降碳改造") == ["冶炼", "化工", "建材"]


def test_what_a_thing_is_fused_with(rules: IndustryFinder) -> None:
    text = "探索矿山修复与生态旅游、现代农业、光伏发电等融合发展模式"
    assert names(rules, text) == ["光伏发电", "现代农业", "生态旅游"]
    # bare words of public services and sectors: fields, not sectors
    assert names(rules, "推动体育与教育、卫生、旅游、养老等融合发展") == []


def test_sectors_a_clause_develops(rules: IndustryFinder) -> None:
    # no list: the one or two sectors a develop verb takes, each holding a sector word
    assert names(rules, "15.发展工业旅游和会展经济。") == ["会展经济", "工业旅游"]
    assert names(rules, "建设澜川通用机场，发展通用航空。") == ["通用航空"]
    # a part that is no sector makes the clause about something else; actors and zones too
    assert names(rules, "发展普惠型养老服务和互助养老") == []
    assert names(rules, "发展多式联运") == []
    assert names(rules, "培育农村电商经营主体，做强澜川生态农业区") == []


def test_list_headed_by_a_sector(rules: IndustryFinder) -> None:
    # the head ends in a sector word: the items are its branches
    assert names(rules, "大力发展光伏、风电、生物质能等可再生能源，推进抽水蓄能电站建设") == [
        "光伏",
        "生物质能",
        "风电",
    ]
    # two items joined by 和 with such a head, after a develop verb
    text = "重点发展新能源汽车零部件和智能矿山装备等高端装备，推动整机与零部件协同发展"
    assert names(rules, text) == ["新能源汽车零部件", "智能矿山装备"]
    # 数据 is a sector word; a glued 企业 may have a short verb after it
    text = "引进培育大数据存储、数据标注、工业软件等企业"
    assert names(rules, text) == ["大数据存储", "工业软件", "数据标注"]
    text = "支持节能环保装备、资源综合利用企业入园发展"
    assert names(rules, text) == ["节能环保装备", "资源综合利用"]


def test_numbered_item_read_as_its_heading(tmp_path: Path) -> None:
    # issue 12 shape (invented names): an item that is one sentence is its own heading, and
    # no sentence of a paragraph holds it; its industries are read, a title's are not
    plan = tmp_path / "plan.txt"
    plan.write_text(
        "澜川区绿色园区建设实施意见\n"
        "一、推进园区绿色化改造\n"
        "（一）发展绿色低碳产业\n"
        "1.实施园区循环化改造，推动企业间废物交换利用。\n"
        "2.支持节能环保装备、资源综合利用企业入园发展，对通过验收的企业每家给予10万元奖励。\n",
        encoding="utf-8",
    )
    doc = read_document(plan)
    found = {c.name for c in find_industries(doc, load_lexicon(empty=True))}
    assert found == {"节能环保装备", "资源综合利用"}


def test_heads_that_are_no_heads(rules: IndustryFinder) -> None:
    # the "head" cut after a last item ending in 和 is a coordinate item
    assert names(rules, "设立天使投资、创业投资和产业投资基金") == []
    # 产业化, 产业布局 are no heads of a list
    assert names(rules, "培育国家级、省级农业产业化龙头企业30家") == []
    assert names(rules, "推进市域内重大基础设施、重大产业布局统筹") == []
    # a clause before 服务业, and a bare 服务业 left by a modifier, are no sectors
    assert names(rules, "现代物流等产业增加值占服务业比重达到52%") == []
    assert names(rules, "发展服务外包等新兴服务业") == ["服务外包"]


def test_sectors_an_industry_moves_to(rules: IndustryFinder) -> None:
    text = "推进硫磷化工产业向精细化工、绿色化工转型，推动化工企业进区入园"
    assert {"精细化工", "绿色化工"} <= set(names(rules, text))
    text = "推动电子信息材料产业向下游电子元器件、印制电路板延伸"
    assert {"电子元器件", "印制电路板"} <= set(names(rules, text))
    assert "绿色建材" in names(rules, "推动水泥、建材等产业向绿色建材转型")
    # a type is no sector (资源型, 创新型)
    assert names(rules, "推动铜产业由资源型向创新型、由规模型向质量型转变") == ["铜产业"]


def test_zone_named_after_an_industry(full: IndustryFinder) -> None:
    # 休闲旅游 is a lexicon industry; 生态休闲旅游区 is a zone, not the industry
    assert names(full, "“两核”即以澜湖为核心的生态休闲旅游区") == []


def test_production_capacity_head(rules: IndustryFinder) -> None:
    text = "推动铜冶炼、铜加工等优势产能和装备、技术走出去"
    assert names(rules, text) == ["铜冶炼", "铜加工"]


def test_cluster_of_a_sector(rules: IndustryFinder) -> None:
    # X产业集群 is a cluster of X; a modifier is judged on X (特色农业 keeps 特色)
    assert names(rules, "打造一批全产业链产值超10亿元的特色农业产业集群。") == ["特色农业"]
    assert names(rules, "力争形成2个以上百亿级新兴产业集群") == []


def test_sector_named_by_a_park_is_one_node(tmp_path: Path) -> None:
    # X产业 and the X a park's name carries are one industry, named as the plan prints it
    # (invented names)
    from plankg.graph.extract.extractor import extract_facts

    plan = tmp_path / "plan.txt"
    plan.write_text(
        "澜川区产业空间更新规划\n"
        "一、推动产业空间更新\n"
        "（一）培育数字创意产业\n"
        "利用闲置厂房改造建设澜川数字创意产业园，推动数字创意产业提质发展。\n",
        encoding="utf-8",
    )
    facts = extract_facts(read_document(plan), lexicon=load_lexicon(empty=True))
    assert facts.names("industry") == ["数字创意产业"]


def test_first_item_after_the_clauses_last_verb(rules: IndustryFinder) -> None:
    # the first item runs on into the clause; it starts after the last verb jieba tags there
    text = "以高水平人才队伍支撑智能网联汽车、新型储能、集成电路设计三大主导产业发展"
    assert names(rules, text) == ["新型储能", "智能网联汽车", "集成电路设计"]
    # two items, and 产业技术 is no head: no list of sectors
    assert names(rules, "支持企业联合高校、科研院所组建产业技术创新战略联盟") == []


def test_first_item_joined_by_he(rules: IndustryFinder) -> None:
    # a develop verb, a two-character word and 和 before the first item: one name
    text = "大力发展软件和信息服务、大数据、工业互联网等数字经济核心产业"
    assert names(rules, text) == ["大数据", "工业互联网", "软件和信息服务"]


def test_sector_of_a_list_of_isations(rules: IndustryFinder) -> None:
    # 全域化、品质化、智慧化 are what is done; the sector is glued to the first of them
    assert names(rules, "推动旅游业全域化、品质化、智慧化发展。") == ["旅游业"]
    # a class of industries is none
    assert names(rules, "推动服务业规模化、品牌化、网络化发展") == []
    assert names(rules, "推动产业高端化、智能化、绿色化") == []


# Round six (issue 12): the last industry cells below 0.95. Sentences invented in the shapes of
# the fixtures' misses; the names typed by hand.


def test_list_split_at_a_head_glued_inside_it(rules: IndustryFinder) -> None:
    # the list runs on past 企业 into what is provided; the items before it are the sectors
    text = (
        "按照市场化方式组建运营公司，为园区光电材料、预制食品、工业软件企业提供中试验证、"
        "检测认证和知识产权服务"
    )
    assert names(rules, text) == ["光电材料", "工业软件", "预制食品"]
    # the kind of enterprise is the head's (龙头企业), and the scope word (区内) is no part
    assert names(rules, "依托园区储能装备、功能食品龙头企业开发研学旅游线路") == [
        "储能装备",
        "功能食品",
    ]
    assert names(rules, "鼓励区内光伏组件、智能装备企业到共建国家投资建厂、承接工程") == [
        "光伏组件",
        "智能装备",
    ]


def test_verbs_that_bring_in_forms_of_business(rules: IndustryFinder) -> None:
    # jieba tags 植入 a noun: the verb is cut as 引进 is
    assert names(rules, "改造老旧厂房，植入数字创意、特色餐饮、精品民宿等业态") == [
        "数字创意",
        "特色餐饮",
        "精品民宿",
    ]


def test_goods_consumed_and_products_used_are_no_industries(full: IndustryFinder) -> None:
    # the lexicon knows 家居 and 汽车; here they are what is consumed, or a product in use
    assert names(full, "推动家电、家居、汽车等大宗消费升级") == []
    assert names(full, "推广智能家居应用") == []
    assert names(full, "培育智能家居产业") == ["智能家居产业"]


def test_what_a_clause_develops_after_its_modifier(rules: IndustryFinder) -> None:
    assert names(rules, "发展绿色高效的设施农业") == ["设施农业"]


def test_policy_verb_opens_no_sector_name(rules: IndustryFinder) -> None:
    assert "健全服务业" not in names(rules, "健全服务业统计监测制度，加强运行分析")
