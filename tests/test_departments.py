"""Departments and responsibility: names, annotations, tables and role phrases, on real sentences.

The sentences quoted here are copied from the two bundled plans (corpus/) and from the fixture plan
tests/data/plans/chenglan-talent-plan-2021-2025.txt; expected values are typed from those texts.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from corpus_paths import CHENGLAN, GOLD, WUXING, XIUZHOU

from plankg.graph.extract.departments import (
    LEAD,
    PLAN,
    SUPPORT,
    DepartmentNames,
    Jurisdiction,
    annotations,
    extract_departments,
    jurisdiction,
    responsibility_rows,
)
from plankg.graph.extract.extractor import extract_facts
from plankg.graph.extract.lexicon import Lexicon
from plankg.graph.text.document import Document
from plankg.graph.text.structure import read_document


def by_title(doc: Document) -> dict[str, str]:
    """Section path key → title, to name task subjects as the gold files do."""
    return {"-".join(map(str, s.path)): s.title for s in doc.walk()}


def subject_name(doc: Document, subject: tuple[str, str]) -> str:
    kind, name = subject
    return by_title(doc)[name] if kind == "task" else name


# --- names -------------------------------------------------------------------------------------


def test_aliases_come_from_the_lexicon_block(lexicon: Lexicon) -> None:
    aliases = lexicon.department_aliases
    assert aliases["人力社保局"] == "人力资源和社会保障局"
    assert aliases["人才办"] == "人才工作领导小组办公室"
    assert aliases["妇联"] == "妇女联合会"


def test_names_take_the_region_of_the_plan(lexicon: Lexicon) -> None:
    names = DepartmentNames(
        Jurisdiction("秀洲区", parents=("嘉兴市",)), lexicon.department_aliases
    )
    # the issuers under the 秀洲 notice, and the forms the plan body uses
    assert names.normalise("中共嘉兴市秀洲区委组织部") == "秀洲区委组织部"
    assert names.normalise("嘉兴市秀洲区发展和改革局") == "秀洲区发展和改革局"
    assert names.normalise("区委") == "秀洲区委"
    assert names.normalise("区政府") == "秀洲区人民政府"
    assert names.normalise("区委人才工作领导小组办公室") == "秀洲区委人才工作领导小组办公室"
    assert names.normalise("区人力社保局") == "秀洲区人力资源和社会保障局"
    # a body of another region or level keeps its name, abbreviations expanded
    assert names.normalise("秀洲国家高新区管委会") == "秀洲国家高新区管委会"
    assert names.normalise("市人力社保局") == "市人力资源和社会保障局"
    assert names.normalise("南湖区委组织部") == "南湖区委组织部"
    # generic bodies name a role
    assert names.normalise("各有关部门") == "有关部门"
    assert names.normalise("区级有关部门") == "有关部门"
    assert names.normalise("各乡镇(街道)") == "各乡镇（街道）"


def test_county_names(lexicon: Lexicon) -> None:
    names = DepartmentNames(Jurisdiction("澄岚县"), lexicon.department_aliases)
    assert names.normalise("团县委") == "共青团澄岚县委"
    assert names.normalise("县委人才办") == "澄岚县委人才工作领导小组办公室"
    assert names.normalise("县市场监管局") == "澄岚县市场监督管理局"
    assert names.normalise("县金融工作中心") == "澄岚县金融工作中心"


def test_jurisdiction_from_title_and_issuers(docs: dict[str, Document]) -> None:
    assert jurisdiction(docs[XIUZHOU.name]) == Jurisdiction("秀洲区", parents=("嘉兴市",))
    assert jurisdiction(docs[WUXING.name]) == Jurisdiction("吴兴区")
    assert jurisdiction(docs[CHENGLAN.name]) == Jurisdiction("澄岚县")


def _written(tmp_path: Path, text: str) -> Document:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return read_document(path)


def test_jurisdiction_is_a_place_not_a_title_phrase(tmp_path: Path, lexicon: Lexicon) -> None:
    # "城市更新和城市" ends in 市 but is no place: the region is the 区 before it, known or not
    body = ("一、总体要求\n坚持以人民为中心，统筹推进城市更新和城市建设，全面提升城市品质。"
            "区住建局、区科技局按职责推进城市更新。\n")
    known = _written(tmp_path, "李沧区城市更新和城市建设“十四五”规划\n" + body)
    assert jurisdiction(known) == Jurisdiction("李沧区")
    invented = _written(tmp_path, "棠溪区城市更新和城市建设“十四五”规划\n" + body)
    assert jurisdiction(invented) == Jurisdiction("棠溪区")
    mentions, _ = extract_departments(invented, lexicon)
    assert {m.name for m in mentions} >= {"棠溪区科学技术局"}


def test_jurisdiction_from_the_body_when_title_and_issuers_name_none(
    tmp_path: Path, lexicon: Lexicon
) -> None:
    doc = _written(tmp_path, "关于城市更新和城市建设的若干意见\n一、总体要求\n"
                   "近年来，我市城市更新取得积极成效。由棠州市委牵头，棠州市人民政府统筹推进。\n"
                   "1.推进老旧小区改造。（牵头单位：市住建局，配合单位：市财政局）\n")
    assert jurisdiction(doc) == Jurisdiction("棠州市")
    _, relations = extract_departments(doc, lexicon)
    assert {(r.predicate, r.object[1]) for r in relations} == {
        (LEAD, "棠州市委"),  # 由棠州市委牵头
        (LEAD, "棠州市住房和城乡建设局"), (SUPPORT, "棠州市财政局")}


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("“十三五”期间，区委、区政府高度重视人才工作，", ["区委", "区政府"]),
        ("健全区委人才工作领导小组制度、党委书记抓人才工作责任制", ["区委人才工作领导小组"]),
        ("发挥区招商招才分局及上海全球招商引才中心作用", ["区招商招才分局"]),
        ("《秀洲区人才发展“十四五”规划》已经九届区政府第62次常务会议审议通过", ["区政府"]),
        ("区委人才工作领导小组办公室负责规划实施的统筹协调和宏观指导",
         ["区委人才工作领导小组办公室"]),
        # names that hold words a clause might (发展, 建设, 联合)
        ("由区发展和改革局、区住房和城乡建设局会同区妇女联合会组织实施",
         ["区发展和改革局", "区住房和城乡建设局", "区妇女联合会"]),
        # words that end in the level word or in a body's last character name no body
        ("截至2020年底，全区人才资源总量达到12.21万人", []),
        ("加快构建以国内大循环为主体、国内国际双循环相互促进的新发展格局", []),
        ("各镇人民政府、街道办事处，秀洲国家高新区管委会，区级有关部门（单位）：", []),
        ("积极营造“类海外”发展环境，将海内外人才纳入共建共治共享社会治理体系", []),
        ("推进区域职业技能证书互通，专技人才继续教育学时互认", []),
    ],
)
def test_bodies_named_in_prose(sentence: str, found: list[str]) -> None:
    names = DepartmentNames(Jurisdiction("秀洲区"), {})
    assert [sentence[s:e] for s, e in names.find(sentence)] == found


# --- annotations and tables --------------------------------------------------------------------


def listed(text: str) -> list[list[tuple[str, str]]]:
    return [[(item.printed, item.role) for item in items] for _, _, items in annotations(text)]


def test_annotation_full_width() -> None:
    text = (
        "到2025年，引进顶尖人才团队5个以上，入选省“领航人才”计划10人。"
        "（牵头单位：县委组织部；配合单位：县科技局、县经信局、澄岚经济开发区管委会）"
    )
    assert listed(text) == [[
        ("县委组织部", LEAD), ("县科技局", SUPPORT), ("县经信局", SUPPORT),
        ("澄岚经济开发区管委会", SUPPORT),
    ]]


def test_annotation_half_width() -> None:
    text = (
        "到2025年，新增省级企业研究院10家。"
        "(牵头单位:县科技局,配合单位:县发改局、县财政局、梧溪科创园管委会)"
    )
    assert listed(text) == [[
        ("县科技局", LEAD), ("县发改局", SUPPORT), ("县财政局", SUPPORT),
        ("梧溪科创园管委会", SUPPORT),
    ]]


def test_annotation_department_labels_and_nested_brackets() -> None:
    text = (
        "培育农村实用人才和高素质农民2000名以上。"
        "（牵头部门：县农业农村局；配合部门：县妇联、县科协、各乡镇（街道））"
    )
    assert listed(text) == [[
        ("县农业农村局", LEAD), ("县妇联", SUPPORT), ("县科协", SUPPORT),
        ("各乡镇（街道）", SUPPORT),
    ]]


def test_annotation_responsible_units_and_trailing_deng() -> None:
    assert listed("（责任单位：县人力社保局、县总工会）") == [[
        ("县人力社保局", LEAD), ("县总工会", LEAD),
    ]]
    assert listed("（牵头单位：县人力社保局、县委组织部；配合单位：县科技局等）") == [[
        ("县人力社保局", LEAD), ("县委组织部", LEAD), ("县科技局", SUPPORT),
    ]]


def test_annotation_first_listed_leads_where_the_plan_says_so() -> None:
    text = (
        "注：责任单位中列第一位的为牵头单位。\n"
        "实施人才安居工程。（责任单位：区住建局、区财政局）"
    )
    assert listed(text) == [[("区住建局", LEAD), ("区财政局", SUPPORT)]]


def test_responsibility_table() -> None:
    text = CHENGLAN.read_text(encoding="utf-8")
    rows = list(responsibility_rows(text))
    assert [row.subject for row in rows] == [
        "“澄岚英才”工程", "“岚湖工匠”培育工程", "乡村振兴人才“归雁”行动",
    ]
    assert [(i.printed, i.role) for i in rows[2].listed] == [
        ("县农业农村局", LEAD), ("县委组织部", SUPPORT), ("各乡镇（街道）", SUPPORT),
    ]
    for row in rows:
        assert text[row.start : row.end].startswith(row.subject + " | ")
        for item in row.listed:
            assert text[item.start : item.end] == item.printed


def test_responsibility_table_without_a_subject_column(tmp_path: Path, lexicon: Lexicon) -> None:
    """A table of roles only ("序号 | 牵头单位 | 配合单位") still names its bodies, for no task."""
    text = CHENGLAN.read_text(encoding="utf-8").replace(
        "任务 | 牵头单位 | 配合单位 |", "序号 | 牵头单位 | 配合单位 |"
    )
    rows = list(responsibility_rows(text))
    assert [row.subject for row in rows] == ["", "", ""]
    assert [(i.printed, i.role) for i in rows[0].listed] == [
        ("县委组织部", LEAD), ("县科技局", SUPPORT), ("县人力社保局", SUPPORT),
    ]
    path = tmp_path / "chenglan.txt"
    path.write_text(text, encoding="utf-8")
    mentions, relations = extract_departments(read_document(path), lexicon)
    assert "澄岚县农业农村局" in {m.name for m in mentions}
    assert not any(" | " in r.sentence.text for r in relations)  # the rows name no task


# --- whole plans -------------------------------------------------------------------------------


def test_role_phrases_for_the_whole_plan(docs: dict[str, Document], lexicon: Lexicon) -> None:
    doc = docs[WUXING.name]
    _, relations = extract_departments(doc, lexicon)
    plan = (PLAN, "吴兴区人才发展“十四五”规划")
    found = {(r.subject, r.predicate, r.object[1]) for r in relations}
    # "构建组织部门牵头抓总、职能部门各司其职的人才工作格局。区委人才工作领导小组负责本规划的
    # 统筹协调和组织实施"
    assert found == {
        (plan, "leadDepartment", "组织部门"),
        (plan, "supportDepartment", "职能部门"),
        (plan, "leadDepartment", "吴兴区委人才工作领导小组"),
    }


def test_role_phrase_in_a_task(docs: dict[str, Document], lexicon: Lexicon) -> None:
    doc = docs[XIUZHOU.name]
    _, relations = extract_departments(doc, lexicon)
    # "组织部门牵头抓总，统筹推进我区人才发展协调工作，各部门、各乡镇（街道）密切配合"
    in_task = {
        (subject_name(doc, r.subject), r.predicate, r.object[1])
        for r in relations if r.subject[0] == "task"
    }
    task = "强化党管人才，升级人才支持政策"
    assert in_task == {
        (task, "leadDepartment", "组织部门"),
        (task, "supportDepartment", "各部门"),
        (task, "supportDepartment", "各乡镇（街道）"),
    }


def gold(name: str) -> dict:
    return json.loads((GOLD / name).read_text(encoding="utf-8"))


def relation_pairs(doc: Document, relations: list, predicate: str) -> set[tuple[str, str]]:
    return {(subject_name(doc, r.subject), r.object[1]) for r in relations
            if r.predicate == predicate}


def test_fixture_plan_matches_its_gold(docs: dict[str, Document], lexicon: Lexicon) -> None:
    doc = docs[CHENGLAN.name]
    mentions, _ = extract_departments(doc, lexicon)
    # the program an annotated item names takes its bodies too (extractor._named_by_task)
    relations = extract_facts(doc, lexicon=lexicon).relations
    expected = gold("chenglan-talent-plan-2021-2025.json")
    assert {m.name for m in mentions} == set(expected["entities"]["department"])
    assert relation_pairs(doc, relations, LEAD) == {
        tuple(p) for p in expected["relations"]["lead-department"]
    }
    assert relation_pairs(doc, relations, SUPPORT) == {
        tuple(p) for p in expected["relations"]["support-department"]
    }


@pytest.mark.parametrize(("path", "missed"), [
    # the only bodies of 吴兴区 printed without 区 or 区委 in front: "调整扩充科技创新工作领导小组
    # 和人才工作领导小组成员单位"
    (WUXING, {"吴兴区科技创新工作领导小组"}),
    (XIUZHOU, set()),
])
def test_bundled_plans_against_gold(
    path: Path, missed: set[str], docs: dict[str, Document], lexicon: Lexicon
) -> None:
    doc = docs[path.name]
    mentions, relations = extract_departments(doc, lexicon)
    expected = gold(path.stem + ".departments.json")
    names = {m.name for m in mentions}
    assert names == set(expected["entities"]["department"]) - missed
    for key, predicate in (("lead-department", LEAD), ("support-department", SUPPORT)):
        assert relation_pairs(doc, relations, predicate) == {
            tuple(p) for p in expected["relations"][key]
        }


def test_issuers_and_recipients(docs: dict[str, Document], lexicon: Lexicon) -> None:
    mentions, _ = extract_departments(docs[XIUZHOU.name], lexicon)
    header = [(m.surface, m.name) for m in mentions if m.section is None]
    assert ("中共嘉兴市秀洲区委组织部", "秀洲区委组织部") in header
    assert ("嘉兴市秀洲区发展和改革局", "秀洲区发展和改革局") in header
    assert ("秀洲国家高新区管委会", "秀洲国家高新区管委会") in header


@pytest.mark.parametrize("path", [WUXING, XIUZHOU, CHENGLAN])
def test_every_offset_slices_the_source(
    path: Path, docs: dict[str, Document], lexicon: Lexicon
) -> None:
    doc = docs[path.name]
    text = path.read_text(encoding="utf-8")
    assert doc.text == text
    mentions, relations = extract_departments(doc, lexicon)
    assert mentions and relations
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.surface
        sentence = mention.sentence
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.start <= mention.start and mention.end <= sentence.end
    for relation in relations:
        assert text[relation.sentence.start : relation.sentence.end] == relation.sentence.text


def test_role_phrases_that_speak_of_the_plan_itself(tmp_path: Path, lexicon: Lexicon) -> None:
    # in a 保障措施 chapter (a chapter of tasks), a paragraph about the plan's own implementation
    # speaks for the plan: "成立…领导小组，负责本规划实施…", "…要按照职责分工", "A和B"
    doc = _written(tmp_path, "棠溪区城市建设“十四五”规划\n一、主要任务\n"
                   "1.推进老旧小区改造。每年改造小区20个。（责任单位：区住建局）\n"
                   "二、保障措施\n（一）加强组织领导\n"
                   "成立区城市建设工作领导小组，负责本规划实施的统筹协调，领导小组办公室设在区住建局。"
                   "各街道办事处和区直有关部门要按照职责分工，细化年度工作计划。\n"
                   "（二）强化资金保障\n区财政局负责统筹安排城市建设资金。\n")
    _, relations = extract_departments(doc, lexicon)
    plan = "棠溪区城市建设“十四五”规划"
    pairs = relation_pairs(doc, relations, LEAD) | relation_pairs(doc, relations, SUPPORT)
    assert pairs == {
        ("推进老旧小区改造", "棠溪区住房和城乡建设局"),
        (plan, "棠溪区城市建设工作领导小组"),  # 成立 sets it up, 负责 gives the role
        (plan, "各街道办事处"), (plan, "有关部门"),
        # a role phrase of a task section that does not speak of the plan is the task's
        ("强化资金保障", "棠溪区财政局"),
    }
