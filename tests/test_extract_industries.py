"""Industries: lists with their heads, sector words, the lexicon, and what is no industry.

Every sentence here is copied from the bundled plans (corpus/); the expected names are typed from
the text by hand.
"""

from __future__ import annotations

import pytest

from plankg.graph.extract.candidates import resolve
from plankg.graph.extract.industries import IndustryFinder, head_class
from plankg.graph.extract.lexicon import load_lexicon
from plankg.graph.extract.phrases import enumerations
from plankg.graph.text.document import Sentence


@pytest.fixture(scope="module")
def full() -> IndustryFinder:
    return IndustryFinder(load_lexicon())


@pytest.fixture(scope="module")
def rules() -> IndustryFinder:
    return IndustryFinder(load_lexicon(empty=True))


def names(finder: IndustryFinder, text: str) -> list[str]:
    found = resolve(finder.in_sentence(text, Sentence(0, len(text), text), None))
    return [c.name for c in found]


def test_two_lists_in_one_clause(rules: IndustryFinder) -> None:
    # 吴兴, 一、（一）
    text = ("在金属新材、纺织服装两大传统优势产业和数字产业、智能装备、健康时尚和休闲旅游等新兴产"
            "业,"
            "缺乏具有深厚科学素养的战略科学家")
    assert names(rules, text) == [
        "金属新材", "纺织服装", "数字产业", "智能装备", "健康时尚", "休闲旅游"
    ]


def test_count_and_head_after_the_list(rules: IndustryFinder) -> None:
    # 秀洲, 三、（二）; 吴兴, 三、（三）
    assert names(rules, "围绕“3+3”产业导向，即培育壮大数字经济、低碳经济、健康经济三大新兴产业，"
                        "做优家居、纺织、毛衫三大传统优势产业") == [
        "数字经济", "低碳经济", "健康经济", "家居", "纺织", "毛衫"
    ]
    assert names(rules, "聚焦新材料、新能源、智能装备三个领域,高标准推进太湖实验室建设") == [
        "新材料", "新能源", "智能装备"
    ]


def test_list_joined_by_he_before_its_head(rules: IndustryFinder) -> None:
    # 秀洲, 三、（四）
    text = ("大力引进光伏新能源、智能家居、时尚纺织、装备制造、新能源汽车、健康医疗、人工智能、航"
            "空航天和"
            "现代物流等产业所需的各类急需紧缺型高技能人才")
    assert names(rules, text) == [
        "光伏新能源", "智能家居", "时尚纺织", "装备制造", "新能源汽车", "健康医疗", "人工智能",
        "航空航天", "现代物流",
    ]


def test_head_word_glued_to_the_last_item(rules: IndustryFinder) -> None:
    # 秀洲, 一、（一）
    text = "其中，新能源、智能家居、时尚纺织产业发明专利授权量分别为233项、321项和245项"
    assert names(rules, text) == ["新能源", "智能家居", "时尚纺织"]


def test_lists_of_technologies_are_no_industries(full: IndustryFinder) -> None:
    # 吴兴, 二、（二）5.; 秀洲, 二、（三）
    assert names(full, "融合人工智能、大数据、云计算和物联网等先进数字技术,加快数字政府建设") == []
    text = "运用大数据、云计算、区块链、人工智能等技术，全面推进人才工作数字化转型"
    assert names(full, text) == []
    assert head_class("等先进数字技术") == "technology"


def test_lists_of_places_and_clauses_are_no_industries(rules: IndustryFinder) -> None:
    # 吴兴, 一、（一）1. and 二、（二）4.
    assert names(rules, "分别按照华东、华南、华中、东北、西北、华北六大片区分产业、分指标具体落实"
                        "人才招引任务") == []
    assert names(rules, "打造一支结构层次合理、符合经济社会发展需要和产业发展需求的高素质强大人才"
                        "队伍") == []


def test_other_heads_need_industries_the_lexicon_knows(full: IndustryFinder,
                                                       rules: IndustryFinder) -> None:
    # 秀洲, 四、（一）
    text = "努力建设新能源、新材料、智能制造等引领性开源开放公共平台"
    assert names(full, text) == ["新能源", "新材料", "智能制造"]
    assert names(rules, text) == []
    # 吴兴, 三、（四): one known word in a list of services is no industry
    assert names(full, "实现线上“一码”串联线下金融服务、子女教育、医疗健康、补贴申领、交通出行等"
                       "服务内容") == []


def test_lexicon_drops_words_that_are_no_industry(full: IndustryFinder) -> None:
    # 秀洲, 三、（五）; 四、（二）
    assert names(full, "在宣传、文艺、文创、旅游领域培养集聚一批具备较强艺术创新能力") == [
        "文化创意", "旅游"
    ]
    text = ("积极推动秀洲与杭州在数字基础设施、数字农业、数字服务业、数字民生、数字政务等重点领域"
            "深入开展人才交流合作")
    assert names(full, text) == ["数字农业", "数字服务业"]


def test_modifiers_and_places_before_an_item(full: IndustryFinder) -> None:
    # 吴兴, 六、（三）and 四、（五）
    # the second 时尚美妆 is the lexicon's word in 时尚美妆人才
    assert names(full, "面向吴兴特色时尚美妆和童装产业,探索打造时尚美妆人才和童装人才培养改革"
                       "试验基地") == ["时尚美妆", "童装", "时尚美妆"]
    # and the head names one more: 文化产业, a main label of the lexicon
    assert names(full, "聚焦我区时尚美妆、精品童装等核心文化产业发展需要") == [
        "时尚美妆", "童装", "文化产业"
    ]


def test_sector_words(rules: IndustryFinder) -> None:
    # 吴兴, 五、（一）, 二、（三）4. and 六、（二）; 秀洲, 三、（五）and 四、（二）
    assert names(rules, "加快阳山“时尚谷”建设,壮大为时尚产业融合发展引领地。") == ["时尚产业"]
    assert names(rules, "高水平生产性服务业基本满足人才发展需求") == ["生产性服务业"]
    assert names(rules, "大力支持高端人力资源服务业发展,逐步搭建国际引才网络") == ["人力资源服务业"]
    assert names(rules, "集聚一批工艺美术拔尖人才，加快工艺美术特色产业基地建设") == ["工艺美术"]
    assert names(rules, "承载杭州临空经济示范区在临空现代服务业和先进制造业的人才外溢和交流") == [
        "临空现代服务业", "先进制造业"
    ]
    assert names(rules, "鼓励有条件的建筑业龙头企业自主开展工程技术职称评聘工作") == ["建筑业"]


def test_sector_words_that_are_no_sector(rules: IndustryFinder) -> None:
    # 吴兴, 二、（一）; 秀洲, 一、（一）
    assert names(rules, "以产业集聚人才、以人才促进产业发展,推动“产才融合”") == []
    assert names(rules, "人才引领产业创新，加快新能源、智能家居、时尚纺织等重点产业发展") == [
        "新能源", "智能家居", "时尚纺织"
    ]
    # a kind of platform named after a sector (吴兴, 一、（二）; 五、（四）)
    assert names(rules, "高端化专业化国际化人力资源服务产业园区和龙头企业导入程度不够") == []
    assert names(rules, "深入推进国家省市制造业创新中心、产业创新中心、产学研联盟等高能级创新平台"
                        "培育计划") == []


def test_lexicon_words_outside_lists(full: IndustryFinder) -> None:
    # 吴兴, 一、（二）1.: a main label of four characters stands alone
    assert names(full, "同时,新冠肺炎疫情全球大流行和数字经济发展使得全球人才流动与分布呈现出新格"
                       "局") == [
        "数字经济"
    ]
    # 吴兴, 七、（五): an alias inside another word does not
    assert names(full, "构建“分层分类、精准高效、形式丰富”的人才医疗健康服务体系") == []


def test_enumeration_heads() -> None:
    text = "依托七幸科技创业园、吴兴梦工场、佳成创业园等国家级、省级众创空间和孵化器"
    (found,) = enumerations(text, 0, len(text))
    assert [text[s:e] for s, e in found.items] == ["七幸科技创业园", "吴兴梦工场", "佳成创业园"]
    assert found.head == "等国家级、省级众创空间和孵化器"


def test_two_special_industries_and_four_new_ones(rules: IndustryFinder) -> None:
    # 吴兴, 二、（二）3.: "金属新材、纺织服装两大特色产业" (issue 4's example)
    text = ("围绕数字产业、智能装备、健康时尚和休闲旅游四大新兴产业,金属新材、纺织服装两大特色产"
            "业的发展需求,瞄准“卡脖子”技术困境和关键领域人才缺口")
    assert names(rules, text) == [
        "数字产业", "智能装备", "健康时尚", "休闲旅游", "金属新材", "纺织服装"
    ]


def test_sector_lists_under_a_head_of_firms_or_projects(rules: IndustryFinder) -> None:
    # invented, in the shape of issue 12's plans: "…等企业" / "…等项目" hold sectors as often as
    # not; with the lexicon emptied the items count when at least half look like sectors
    assert names(rules, "扶持桐溪新能源装备产业园扩容提质，重点引进储能电池、氢能装备等企业") == [
        "储能电池", "氢能装备"]
    assert names(rules, "培育专精特新、隐形冠军等企业") == []


def test_modern_industry_is_a_class(rules: IndustryFinder) -> None:
    # invented: 现代产业 (体系) is a class of industries; 现代物流 is a sector
    assert names(rules, "加快建设现代产业人才高地，发展现代物流产业") == ["现代物流产业"]
