"""Program names: suffixes, quotes, levels, versions, headings, lists, generic references.

Every sentence here is copied from the bundled plans (corpus/), except the invented ones marked
so; the expected names are typed from the text by hand.
"""

from __future__ import annotations

import pytest

from plankg.graph.extract.candidates import Candidate, resolve
from plankg.graph.extract.extractor import normalise
from plankg.graph.extract.lexicon import Lexicon, load_lexicon
from plankg.graph.extract.programs import (
    find_in_heading,
    find_in_sentence,
    find_known,
    find_listed,
    generic,
)
from plankg.graph.text.document import Section, Sentence


def programs(text: str, lexicon: Lexicon | None = None) -> list[Candidate]:
    sentence = Sentence(0, len(text), text)
    found = [*find_in_sentence(text, sentence, None), *find_listed(text, sentence, None)]
    if lexicon is not None:
        found += find_known(text, sentence, None, lexicon)
    return resolve(found)


def names(text: str, lexicon: Lexicon | None = None) -> list[str]:
    return [c.name for c in programs(text, lexicon)]


def test_quoted_name_before_its_suffix_and_level_word() -> None:
    # 秀洲, 三、（一）
    text = ("加快院士专家工作站、秀水院士之家建设，到2025年，力争全职引进顶尖人才（团队）10个以上，"
            "入选省“鲲鹏行动”计划1个以上。")
    found = programs(text)
    assert [(c.name, c.attributes.get("level"), c.counted) for c in found] == [
        ("鲲鹏行动计划", "provincial", True)
    ]
    assert text[found[0].start:found[0].end] == "省“鲲鹏行动”计划"


def test_city_level_word_before_quotes() -> None:
    # 吴兴, 三、（三）
    found = programs("深度融入市“五谷丰登”计划，全力推进吴兴“两谷一室”建设")
    assert [(c.name, c.attributes.get("level")) for c in found] == [("五谷丰登计划", "city")]


def test_place_before_a_quoted_name_gives_the_level() -> None:
    # 吴兴, 一、（一）2.
    found = programs("新引进大学生5.48万人，入选湖州市“南太湖精英计划”项目209个")
    assert [(c.name, c.attributes.get("level")) for c in found] == [("南太湖精英计划", "city")]


def test_prefix_and_quoted_core() -> None:
    # 吴兴, 三、（一）; 秀洲, 三、（三）
    assert names("深化新生代企业家“311”领航计划，拓展提升企业家和企业高层次管理人才全球视野") == [
        "新生代企业家311领航计划"
    ]
    assert names("深入实施硕博倍增计划、大学生“550”引才计划，积极组织开展“秀水泱泱·智汇秀洲”"
                 "招才引智高校行、“秀燕归巢”等活动") == ["硕博倍增计划", "大学生550引才计划"]


def test_middle_dot_and_version() -> None:
    # 秀洲, 三、（二）
    text = ("深入实施“创新嘉兴·精英引领计划”“创新嘉兴·优才支持计划”“秀湖双百计划2.0版”"
            "“天鹅湖未来科学城菁英计划”，整合资源、精心对接、协同推进")
    found = programs(text)
    assert [c.name for c in found] == [
        "创新嘉兴·精英引领计划", "创新嘉兴·优才支持计划", "秀湖双百计划", "天鹅湖未来科学城菁英计"
                                                                          "划",
    ]
    assert text[found[2].start:found[2].end] == "“秀湖双百计划2.0版”"


def test_quoted_core_with_words_before_the_suffix() -> None:
    # 吴兴, 三、（三）, 三、（四）, 四、（二）
    assert names("深入实施“邻凤筑巢”异地平台引才工程，高标准运营“浙富西溪堂”杭州人才飞地") == [
        "邻凤筑巢异地平台引才工程"
    ]
    assert names("实施“金领未来”人才项目投资工程，强化政府资金对人才项目的支持") == [
        "金领未来人才项目投资工程"
    ]
    assert names("推进“金蓝领”职业技能提升行动，加快浙江省产业工人队伍建设工作试点区建设，"
                 "进一步推动职业技能提升行动。") == ["金蓝领职业技能提升行动", "职业技能提升行动"]


def test_nested_quotes_and_a_place_inside_a_policy_title() -> None:
    # 吴兴, 一、（一）4. and 5.
    assert names("聚焦人才安居落户，实施“‘才聚湖州 凤栖吴兴’人才安居工程”，对符合条件的各类人才"
                 "进行租房和购房补贴。") == ["才聚湖州凤栖吴兴人才安居工程"]
    found = programs("《吴兴区“才聚湖州 凤栖吴兴”人才安居工程实施办法(试行)》(吴政办发〔2020〕62"
                     "号)")
    assert [(c.name, c.attributes.get("level")) for c in found] == [
        ("才聚湖州凤栖吴兴人才安居工程", "district")
    ]


def test_unquoted_names_run_back_to_their_verb() -> None:
    # 吴兴, 三、（一）; 秀洲, 三、（四）
    assert names("推动高素质青年人才队伍建设，实施青年科技人才培育工程，吸引和培育具有"
                 "创新精神") == [
        "青年科技人才培育工程"
    ]
    assert names("实施百名紧缺型技能人才引进计划，大力引进光伏新能源、智能家居、时尚纺织") == [
        "百名紧缺型技能人才引进计划"
    ]
    assert names("全力实施科技创新人才队伍推进计划，推进人才链与创新链、产业链等融合") == [
        "科技创新人才队伍推进计划"
    ]


def test_generic_references_are_no_program() -> None:
    # 吴兴, 二、（二）3. and 八、（三）; 秀洲, 四、（二）
    assert names("针对性制定和实施具有地方辨识度的重点人才工程和人才计划，形成各有侧重") == []
    assert names("优先保障科技人才政策兑现和重大科技人才工程实施经费需求") == []
    assert names("组织“国家级人才计划”专家团秀洲行等活动") == []
    assert names("改进科技项目组织管理方式，实施“揭榜挂帅”制度") == []
    assert generic("省级以上引才计划") and generic("交流项目")
    # a quoted core is a coined name even when its words are generic (吴兴, 七、（三）)
    assert generic("人才房工程")
    assert names("系统谋划推进“人才房”工程，优化人才住房规划") == ["人才房工程"]


def test_projects_of_a_program_are_not_a_program() -> None:
    # 吴兴, 二、（三）1.
    assert names("到2025年，全区累计招引“南太湖精英计划”高层次人才项目达到400个以上") == [
        "南太湖精英计划"
    ]


def test_quoted_items_of_a_list_headed_by_a_program_word() -> None:
    # 吴兴, 一、（二）1.
    text = ("以“鲲鹏行动”计划、“南太湖精英计划”、“海外工程师”等引才项目工程为抓手，细化人才招引颗"
            "粒度。")
    assert names(text) == ["鲲鹏行动计划", "南太湖精英计划", "海外工程师"]


def test_masked_names_are_skipped() -> None:
    # 秀洲, 一、（一）: the published text masks a program name
    assert names("“万**划”人才企业蓝特光学成为全市首家科创板上市企业") == []


def test_lexicon_alias_and_variants_become_one_name(lexicon: Lexicon) -> None:
    # 吴兴, 一、（一）5. prints 鲲鹏计划; 一、（二）1. prints “鲲鹏行动”计划
    first = programs("深入实施“鲲鹏计划”、“南太湖精英计划”、“南太湖特支计划”等重点人才工程",
                     lexicon)
    second = programs("以“鲲鹏行动”计划、“南太湖精英计划”、“海外工程师”等引才项目工程为抓手")
    found = [*first, *second]
    normalise(found, lexicon)
    assert sorted({c.name for c in found}) == [
        "南太湖特支计划", "南太湖精英计划", "海外工程师", "鲲鹏行动计划"
    ]
    # without the lexicon the X计划 / X行动计划 rule still joins them
    empty = load_lexicon(empty=True)
    found = [*programs("深入实施“鲲鹏计划”"), *programs("以“鲲鹏行动”计划为抓手")]
    normalise(found, empty)
    assert {c.name for c in found} == {"鲲鹏行动计划"}


def heading(text: str, numbering: str, style: str) -> tuple[str, Section]:
    section = Section(numbering, text[len(numbering):], 2, 1, (1, 1), style, 0, len(text), 0,
                      len(text))
    return text, section


@pytest.mark.parametrize(("printed", "numbering", "expected"), [
    ("(一)实施科创英才领航行动", "(一)", "科创英才领航行动"),  # 吴兴, 四、
    ("（二）聚焦科创人才，实施“秀水精英”工程", "（二）", "秀水精英工程"),  # 秀洲, 三、
    ("——生态文明和城乡建设人才队伍提升计划。", "——", "生态文明和城乡建设人才队伍提升计划"),  # 秀洲
    ("——深化全方位人才安居工程。", "——", "全方位人才安居工程"),  # 秀洲, 四、（三）
])
def test_headings_name_the_program_they_head(printed: str, numbering: str, expected: str) -> None:
    text, section = heading(printed, numbering, "——" if numbering == "——" else "（一）")
    cand = find_in_heading(text, section)
    assert cand is not None and cand.name == expected and cand.in_heading


def test_headings_without_a_program() -> None:
    for printed, numbering in (("三、重点工程", "三、"), ("(一)加强组织领导", "(一)")):
        text, section = heading(printed, numbering, "一、")
        assert find_in_heading(text, section) is None


@pytest.mark.parametrize(("text", "expected"), [
    # invented sentences in the shapes of issue 12's plans: a 项目 in prose is a scheme when a
    # verb that runs one introduces it, not an investment project that is attracted or counted
    ("推进桐溪康养高峰项目建设，提升医疗服务水平", ["桐溪康养高峰项目"]),
    ("对引进产业链关键环节项目的招商中介给予奖励", []),
    ("承接电子信息、智能装备等产业转移项目，重点引进一批龙头企业", []),
    ("实施一批产业基础能力提升项目，突破一批关键技术", []),
    ("全面完成城中村改造项目9个，拆除违法建筑", []),
    # classes of projects and work plans are no program
    ("其中城市更新类项目15个、产业载体类项目12个", []),
    ("各部门要细化年度工作计划，形成工作合力", []),
    # a quoted name that modifies the noun after it names a way of working
    ("推行“工匠+项目”培养模式，深化产教融合", []),
])
def test_projects_classes_and_work_plans_are_no_program(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_a_box_of_key_projects_is_no_program() -> None:
    text, section = heading("专栏4  数字桐溪重点工程", "专栏4", "专栏")
    assert find_in_heading(text, section) is None


@pytest.mark.parametrize(("text", "expected"), [
    # invented: a stop word inside a longer word or after a word of the name does not end it
    ("实施桐溪有机更新工程，统筹推进老旧小区改造", ["桐溪有机更新工程"]),
    ("实施青年发展型社区建设行动，在就业创业方面", ["青年发展型社区建设行动"]),
    ("实施临床重点专科建设工程，建设心血管中心", ["临床重点专科建设工程"]),
    ("推行村级事务阳光工程，完善村民议事会", ["村级事务阳光工程"]),
    # a suffix right after a quoted core closes the name, whatever word follows
    ("现就实施“桐溪英才”工程提出如下意见", ["桐溪英才工程"]),
    # after the verb that introduces it, 重点 is no part of a name: a generic reference
    ("全面实施重点人才工程", []),
])
def test_stop_words_inside_a_name(text: str, expected: list[str]) -> None:
    assert names(text) == expected


# --- issue 12 fixture sentences (tests/data/plans/tongling-14th-fyp-outline-pdf.txt) ---------


def test_a_stop_word_glued_to_性_is_part_of_the_name() -> None:
    text = "实施保障性租赁住房建设工程，利用集体经营性建设用地。"
    assert names(text) == ["保障性租赁住房建设工程"]


def test_a_period_word_opens_no_name() -> None:
    # a counted investment project after the period is no scheme
    assert names("“十四五”期间谋划储备亿元以上重大项目1000个以上。") == []


def test_a_bare_head_verb_and_a_technology_are_no_programs() -> None:
    assert names("开展节约型机关、绿色家庭、绿色学校、绿色社区等创建行动，推广绿色出行。") == []
    assert names("深入开展绿色创建行动，推进绿色机关建设。") == ["绿色创建行动"]
    assert names("推动鸣鹭湖实验室开展材料基因工程、数字孪生等前沿技术研究。") == []


def test_a_name_printed_whole_and_after_a_stop_word_is_one(lexicon: Lexicon) -> None:
    cands = [*programs("1.高标准农田提质工程"),
             *programs("实施高标准农田提质工程，“十四五”期间新建和改造提升高标准农田50万亩。")]
    normalise(cands, lexicon)
    assert {c.name for c in cands} == {"高标准农田提质工程"}
