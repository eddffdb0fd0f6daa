"""Platform names and kinds: kind suffixes, quotes, brackets, lists, generic kind mentions.

Every sentence here is copied from the bundled plans (corpus/) or, where a test says so, from
the fixture plans of issue 12 (tests/data/plans); the expected names and kinds are typed from
the text by hand.
"""

from __future__ import annotations

import pytest

from plankg.graph.extract.candidates import Candidate, resolve
from plankg.graph.extract.departments import Jurisdiction
from plankg.graph.extract.extractor import normalise
from plankg.graph.extract.lexicon import Lexicon, load_lexicon
from plankg.graph.extract.platforms import (
    PLATFORM_KIND,
    PlatformFinder,
    document_places,
    own_level,
)
from plankg.graph.text.document import Sentence


@pytest.fixture(scope="module")
def finder(lexicon: Lexicon) -> PlatformFinder:
    return PlatformFinder(lexicon)


def found(finder: PlatformFinder, text: str) -> list[Candidate]:
    sentence = Sentence(0, len(text), text)
    return resolve([*finder.in_sentence(text, sentence, None), *finder.listed(text, sentence, None),
                    *finder.known(text, sentence, None)])


def platforms(finder: PlatformFinder, text: str) -> list[tuple[str, str | None]]:
    return [(c.name, c.attributes.get("platform_kind")) for c in found(finder, text)
            if c.kind == "platform"]


def test_suffix_gives_the_kind(finder: PlatformFinder) -> None:
    # 吴兴, 一、（一）3.
    text = ("积极开展校地合作、校企合作,筹办新型研发机构太湖实验室,先后落地引进哈工大机器人湖州国际"
            "创新研究院、浙江高晟光热发电技术研究院、浙江工业大学湖州数字经济技术研究院、浙江理工大学"
            "湖州研究院、中国乌克兰金属新材料(湖州)研究院、浙江清宸可穿戴技术创新中心等。")
    assert platforms(finder, text) == [
        ("太湖实验室", "实验室"),
        ("哈工大机器人湖州国际创新研究院", "研究院"),
        ("浙江高晟光热发电技术研究院", "研究院"),
        ("浙江工业大学湖州数字经济技术研究院", "研究院"),
        ("浙江理工大学湖州研究院", "研究院"),
        ("中国乌克兰金属新材料(湖州)研究院", "研究院"),
        ("浙江清宸可穿戴技术创新中心", "创新中心"),
    ]


def test_quoted_kind_word_takes_the_place_before_it(finder: PlatformFinder) -> None:
    # 吴兴, 三、（三） and 五、（一）
    assert platforms(finder, "以高端生态智创群落和长三角创新创业高地双目标,建设西塞“科学谷”") == [
        ("西塞科学谷", "谷")
    ]
    assert platforms(finder, "加快阳山“时尚谷”建设,壮大为时尚产业融合发展引领地。") == [
        ("阳山时尚谷", "谷")
    ]


def test_quoted_name_and_a_kind_word_in_apposition(finder: PlatformFinder) -> None:
    # 秀洲, 四、（二）; 吴兴, 三、（三）
    text = ("与中国电子科技集团公司第三十六研究所共建人才飞地“秀水新区上海创新中心”，积极承接上海"
            "人才")
    assert platforms(finder, text) == [
        ("中国电子科技集团公司第三十六研究所", "研究院"),
        ("秀水新区上海创新中心", "人才飞地"),
    ]
    assert platforms(finder, "深入实施“邻凤筑巢”异地平台引才工程,高标准运营“浙富西溪堂”杭州人才飞"
                             "地") == [
        ("浙富西溪堂杭州人才飞地", "人才飞地")
    ]


def test_brackets_after_the_kind_word(finder: PlatformFinder) -> None:
    # 秀洲, 四、（一）
    text = ("充分发挥麟湖智谷·人才创新创业服务综合体、秀水院士之家、秀水新区人才之家、嘉兴青年人"
            "才驿站"
            "（秀洲）、嘉兴市人才市场（秀水新区）等人才服务机构聚才作用")
    assert [name for name, _ in platforms(finder, text)] == [
        "麟湖智谷·人才创新创业服务综合体", "秀水院士之家", "秀水新区人才之家",
        "嘉兴青年人才驿站（秀洲）", "嘉兴市人才市场（秀水新区）",
    ]


def test_a_list_of_platforms_holds_names_without_a_kind_word(finder: PlatformFinder) -> None:
    # 吴兴, 三、（三）: 吴兴梦工场 has no kind word; the list's head says what it is
    empty = PlatformFinder(load_lexicon(empty=True))
    text = "依托七幸科技创业园、吴兴梦工场、佳成创业园等国家级、省级众创空间和孵化器"
    assert [name for name, _ in platforms(empty, text)] == [
        "七幸科技创业园", "吴兴梦工场", "佳成创业园"
    ]


def test_kind_words_with_generic_words_are_kind_mentions(finder: PlatformFinder) -> None:
    # 吴兴, 一、（一）3. and 五、（四）
    text = ("截至“十三五”末,全区拥有国家级科技企业孵化器2家,省级科技企业孵化器2家,省级重点企业研究"
            "院5家")
    cands = found(finder, text)
    assert [c.kind for c in cands] == [PLATFORM_KIND] * 3
    text = "鼓励企业建立研究院、技术中心、重点实验室、院士专家工作站等创新载体"
    assert platforms(finder, text) == []
    kinds = {c.name for c in found(finder, text) if c.kind == PLATFORM_KIND}
    assert kinds >= {"院士专家工作站", "实验室"}


def test_common_kind_words_need_a_proper_name(finder: PlatformFinder) -> None:
    # 吴兴, 四、（六） and 六、（四）; 秀洲, 四、（一）
    assert platforms(finder, "依托吴兴区社会治理片区工作站、矛盾调解中心、平安实训基地建设") == [
        ("吴兴区社会治理片区工作站", "工作站")
    ]
    assert platforms(finder, "重点建设吴兴区知识产权行政司法保护中心,通过数字赋能") == [
        ("吴兴区知识产权行政司法保护中心", "中心")
    ]
    assert platforms(finder, "重点引进跨国公司海外研发中心、国际创新组织分支机构、国际合作实验室"
                             "等") == []


def test_quoted_slogans_and_goals_are_no_platform(finder: PlatformFinder) -> None:
    # 秀洲, 四、（一）; 一、（二）
    assert platforms(finder, "助力打响秀洲区“红船旁的国家高新区”品牌，争创国家创新型特色园区") == []
    assert platforms(finder, "我区地处长三角区域地理中心，需要明确自身区域特色定位") == []
    # 吴兴, 三、（三）: 两谷一室 holds 谷 inside a word
    assert platforms(finder, "深度融入市“五谷丰登”计划,全力推进吴兴“两谷一室”建设") == []


def test_appositive_class_word_ends_the_name(finder: PlatformFinder) -> None:
    # 秀洲, 一、（一）
    text = "成功创建国家级平台秀洲国家高新区以及省级经济开发区等重点创新创业平台"
    assert platforms(finder, text) == [("秀洲国家高新区", "高新区")]


def test_variants_of_one_platform_in_a_plan_are_one(lexicon: Lexicon,
                                                    finder: PlatformFinder) -> None:
    # 吴兴, 一、（一）3., 三、（三）, 五、（二）
    cands = [
        *found(finder, "不断推进吴兴科创园、南太湖高新技术产业园、总部自由港(EBD)、中节能产业园、"
                       "联创谷产业园、多媒体产业园、工业设计中心等7个产业加速器"),
        *found(finder, "建设以总部自由港为核心,吴兴科技创业园、高新区科技创业园、湖州多媒体产业园等"
                       "差异发展、协同共进的“一核多园”科创平台体系"),
        *found(finder, "加快推进吴兴区科创园、总部自由港、中节能产业园、高新区科创园等产业平台建"
                       "设"),
    ]
    normalise(cands, lexicon)
    assert sorted({c.name for c in cands if c.kind == "platform"}) == sorted([
        "吴兴科创园", "南太湖高新技术产业园", "总部自由港", "中节能产业园", "联创谷产业园",
        "多媒体产业园", "工业设计中心", "高新区科技创业园",
    ])


def test_the_plans_own_level_word_names_its_region(lexicon: Lexicon) -> None:
    # tests/data/plans/chenglan…txt, 三、（四）1.: a county plan's 县 is 澄岚县, so
    # 县人才服务中心 is one centre; 省 and 市 are other regions, and 县级 is the level of a
    # class of platforms
    county = PlatformFinder(lexicon, level=own_level("澄岚县人才发展“十四五”规划"))
    text = "建设县人才服务中心，推行“人才码”一码通办，新建人才公寓500套。"
    assert platforms(county, text) == [("县人才服务中心", "中心")]
    assert platforms(county, "支持建设省人才服务中心和县级人才服务中心") == []
    # the same words in a district's plan name no particular centre
    district = PlatformFinder(lexicon, level=own_level("吴兴区人才发展“十四五”规划"))
    assert platforms(district, text) == []


def test_a_software_system_is_no_platform(finder: PlatformFinder) -> None:
    # 秀洲, 四、（五）: a quoted name in apposition to a digital platform
    text = ("加快建设人才工作数字化平台“秀洲人才大数据中心”，涵盖即时感知、科学决策、主动服务、"
            "智能管理等功能")
    assert platforms(finder, text) == []
    # 秀洲, 一、（一）: a quoted name after a kind word of a physical place still is one
    text = "与中国电子科技集团公司第三十六研究所共建人才飞地“秀水新区上海创新中心”"
    assert ("秀水新区上海创新中心", "人才飞地") in platforms(finder, text)


def test_a_logistics_hub_with_a_place(finder: PlatformFinder) -> None:
    # 秀洲, 四、（二）
    text = ("以秀洲南部空港物流平台为依托，承载杭州临空经济示范区在临空现代服务业和先进制造业的"
            "人才外溢")
    assert ("秀洲南部空港物流平台", "物流平台") in platforms(finder, text)


def test_towns_in_a_list_with_a_count(finder: PlatformFinder) -> None:
    # 吴兴, 一、（一）3.: towns, a maker space and a base named in one list
    text = ("丝绸小镇、美妆小镇、吴兴梦工场创业基地、七幸众创空间等若干个创业创新基地的快速发展")
    assert [name for name, _ in platforms(finder, text)] == [
        "丝绸小镇", "美妆小镇", "吴兴梦工场", "七幸众创空间"
    ]
    assert dict(platforms(finder, text))["丝绸小镇"] == "小镇"


@pytest.mark.parametrize("text", [
    # invented: a verb or a year with only a kind word after it names no platform
    "对入驻小镇的企业给予租金补贴",
    "力争进入国家实验室序列",
    "赋予开发区更大的改革自主权",
])
def test_a_verb_before_a_bare_kind_word_names_no_platform(finder: PlatformFinder,
                                                          text: str) -> None:
    assert [c for c in found(finder, text) if c.kind != PLATFORM_KIND] == []


def test_brackets_of_other_levels_make_no_name(finder: PlatformFinder) -> None:
    # invented: 中心（站） / （所、站） list levels of one kind; they name no one platform
    assert platforms(finder, "建设新时代文明实践中心（所、站），完善退役军人服务中心（站）") == []


# --- issue 12, convention 4: a 中心 / 基地 / 城 needs a place and a purpose -------------------
# The sentences below are copied from the fixture plans of issue 12 (tests/data/plans).


def test_the_plans_own_places(lexicon: Lexicon) -> None:
    # 李沧 and 铜陵 fixtures: the word before 街道 / 片区 / 港区 / 经济开发区 is a place of the
    # plan; 重点片区 names none
    text = ("支持渚湾街道办事处做好安置工作；推进老城区、青螺洲片区等重点片区综合开发；"
            "提升金渡港区物流集散功能；选择鹊山经济开发区开展人才管理改革试点。")
    assert document_places(text, None, [], PlatformFinder(lexicon)) == {
        "渚湾", "青螺洲", "金渡", "鹊山"}
    # 遂宁 fixture: a word that opens two platforms' names is their place; the region is one
    finder = PlatformFinder(lexicon)
    text = "依托柳滩农村电商产业园，建设柳滩青年创业园和农业科技园。"
    cands = found(finder, text)
    assert "柳滩" in document_places(text, Jurisdiction("遂宁市"), cands, finder)
    assert {"遂宁市", "遂宁"} <= document_places("", Jurisdiction("遂宁市"), [], finder)


def test_a_place_alone_makes_no_public_building_a_platform(lexicon: Lexicon) -> None:
    # 铜陵 fixture: a city's sports centre, culture centre and disease control centre are public
    # buildings; its talent service centre and a bonded logistics centre are platforms
    city = PlatformFinder(lexicon, level="市")
    city.add_places(["金渡"])
    assert platforms(city, "推进体育场馆设施建设，建设市体育中心、全民健身中心等大型体育"
                           "设施。") == []
    assert platforms(city, "建设城市规划展示馆、铜文化博物馆新馆和市民文化中心。") == []
    assert platforms(city, "改革完善疾病预防控制体系，建设市疾病预防控制中心新址。") == []
    assert platforms(city, "建成市人才服务中心和县区人才服务站。") == [("市人才服务中心", "中心")]
    assert platforms(city, "推动金渡保税物流中心提档升级，积极申建综合保税区。") == [
        ("金渡保税物流中心", "中心")]
    # 遂宁 fixture: 大学生 are students, not a university that would name the base
    assert platforms(city, "与成渝地区30所以上高校共建大学生就业见习基地，每年提供见习岗位。") == []


def test_a_centre_named_after_a_place_of_the_plan(lexicon: Lexicon) -> None:
    # 雁溪 fixture: 雁溪 is known from 雁溪高新区 in the same plan, not from the lexicon (雁阳
    # here: a name ending in 溪 is a river's, a place by its form since round thirteen)
    finder = PlatformFinder(lexicon)
    assert platforms(finder, "设立雁阳技术转移中心，对园区企业给予补贴。") == []
    finder.add_places(["雁阳"])
    assert platforms(finder, "设立雁阳技术转移中心，对园区企业给予补贴。") == [
        ("雁阳技术转移中心", "中心")]
    assert platforms(finder, "9.建设雁阳检验检测认证中心。") == [("雁阳检验检测认证中心", "中心")]
    # a name opening with a river's names the centre with no list of places
    assert platforms(PlatformFinder(lexicon), "设立雁溪技术转移中心。") == [
        ("雁溪技术转移中心", "中心")]


def test_an_industry_city_and_a_business_district(lexicon: Lexicon) -> None:
    # 李沧 fixture: 城 after a sector with a place of the plan; 一期 after it ends the word
    finder = PlatformFinder(lexicon)
    finder.add_places(["渚湾"])
    assert platforms(finder, "（1）做强渚湾智能家居城。") == [("渚湾智能家居城", "城")]
    text = "渚湾智能家居城一期建成运营，集聚智能家居企业。"
    assert ("渚湾智能家居城", "城") in platforms(finder, text)
    # 秀洲 and 铜陵: a 城 that is no sector's names no platform
    assert platforms(finder, "打造杭州数字经济第一城的重要组成部分") == []
    assert platforms(finder, "加快建设“三地一城”") == []
    # 李沧 fixture: a business district is a zone, named by the words before it
    assert platforms(finder, "10.沧渚总部商务区项目。") == [("沧渚总部商务区", "商务区")]


def test_zones_of_other_regions_are_a_kind(finder: PlatformFinder) -> None:
    # 雁溪 fixture
    text = "支持雁溪高新区与省内外国家级高新区、经济技术开发区建立结对合作关系"
    assert [name for name, _ in platforms(finder, text)] == ["雁溪高新区"]


def test_classes_of_parks_are_no_platforms(lexicon: Lexicon) -> None:
    # 铜陵 fixture: 园区化 is a way of developing; 一批 … names a class; a 绿色 park is a
    # designation; the zones of 长三角城市 are many; a technology market with the plan's region
    # is a platform
    finder = PlatformFinder(lexicon, level="市")
    finder.add_places(["铜陵"])
    assert platforms(finder, "推动农业产业园区化发展，引导农产品加工企业向园区集中。") == []
    assert platforms(finder, "建设一批创业孵化基地和返乡入乡创业园，以创业带动就业。") == []
    assert platforms(finder, "创建绿色工厂，建设绿色工业园区，打造绿色供应链。") == []
    assert platforms(finder, "加强与长三角城市开发区合作共建，探索跨区域产业合作。") == []
    assert platforms(finder, "实施科技成果转化提速行动，建设铜陵技术交易市场。") == [
        ("铜陵技术交易市场", "技术交易市场")]


def test_a_verbal_noun_before_the_kind_word_with_a_place_before_it(lexicon: Lexicon) -> None:
    # 遂宁 fixture, item 42: 发展 is a noun of the name after 人才, and 遂宁 names the institute
    finder = PlatformFinder(lexicon)
    finder.add_places(["遂宁"])
    text = "组建遂宁人才发展研究院，开展人才政策评估和人才发展战略研究。"
    assert platforms(finder, text) == [("遂宁人才发展研究院", "研究院")]
    # without a place it stays the kind: 42.人才发展研究院组建项目。
    assert platforms(finder, "42.人才发展研究院组建项目。") == []
