"""Relations read from the wording of one sentence: same clause, frame clauses, carried scope.

Every sentence here is copied from the bundled plans (corpus/); the expected relations are typed
from the text by hand. Relations read from the section structure are tested on whole plans in
tests/test_extract_plans.py.
"""

from __future__ import annotations

from plankg.graph.extract.candidates import resolve
from plankg.graph.extract.extractor import normalise
from plankg.graph.extract.industries import IndustryFinder
from plankg.graph.extract.lexicon import Lexicon
from plankg.graph.extract.platforms import PlatformFinder
from plankg.graph.extract.programs import find_in_sentence, find_listed
from plankg.graph.extract.relations import from_sentence
from plankg.graph.text.document import Sentence


def read(text: str, lexicon: Lexicon) -> set[tuple[str, str, str]]:
    sentence = Sentence(0, len(text), text)
    platforms = PlatformFinder(lexicon)
    cands = resolve([
        *find_in_sentence(text, sentence, None), *find_listed(text, sentence, None),
        *platforms.in_sentence(text, sentence, None), *platforms.listed(text, sentence, None),
        *IndustryFinder(lexicon).in_sentence(text, sentence, None),
    ])
    normalise(cands, lexicon)
    return {(r.subject[1], r.predicate, r.object[1]) for r in from_sentence(text, sentence, cands)}


def test_frame_clause_scopes_over_the_sentence(lexicon: Lexicon) -> None:
    # 吴兴, 三、（三）
    assert read("聚焦新材料、新能源、智能装备三个领域,高标准推进太湖实验室建设,争取融入全省实验室"
                "布局。",
                lexicon) == {
        ("太湖实验室", "targetsIndustry", "新材料"),
        ("太湖实验室", "targetsIndustry", "新能源"),
        ("太湖实验室", "targetsIndustry", "智能装备"),
    }


def test_frame_with_the_industries_in_later_clauses(lexicon: Lexicon) -> None:
    # 秀洲, 三、（二）
    text = ("围绕“3+3”产业导向，即培育壮大数字经济、低碳经济、健康经济三大新兴产业，做优家居、纺"
            "织、"
            "毛衫三大传统优势产业，全力实施科技创新人才队伍推进计划，推进人才链与创新链、产业链等融合。")
    assert read(text, lexicon) == {
        ("科技创新人才队伍推进计划", "targetsIndustry", industry)
        for industry in ("数字经济", "低碳经济", "健康经济", "家居", "纺织", "毛衫")
    }


def test_frame_with_a_platform_before_a_program(lexicon: Lexicon) -> None:
    # 秀洲, 四、（一）
    text = ("进一步推进政府和大院名所、企业和高校院所共建创新人才载体，依托浙江清华长三角研究院的"
            "龙头带动"
            "作用，实施“深根计划”，全方位构建协同创新人才平台体系。")
    assert read(text, lexicon) == {("深根计划", "usesPlatform", "浙江清华长三角研究院")}


def test_a_program_carries_on_into_the_next_clauses(lexicon: Lexicon) -> None:
    # 秀洲, 三、（四）
    text = ("实施百名紧缺型技能人才引进计划，大力引进光伏新能源、智能家居、时尚纺织、装备制造、新"
            "能源"
            "汽车、健康医疗、人工智能、航空航天和现代物流等产业所需的各类急需紧缺型高技能人才。")
    found = read(text, lexicon)
    assert len(found) == 9
    assert ("百名紧缺型技能人才引进计划", "targetsIndustry", "航空航天") in found
    # 吴兴, 三、（三）: and on to the platforms it builds
    text = ("深度融入市“五谷丰登”计划,全力推进吴兴“两谷一室”建设,以高端生态智创群落和长三角创新创业"
            "高地双目标,建设西塞“科学谷”,以时尚设计和产品发布为牵引,围绕“时尚+科技”的功能定位,"
            "打造服务长三角的“时尚乐活体验谷”。")
    assert read(text, lexicon) == {
        ("五谷丰登计划", "usesPlatform", "西塞科学谷"),
        ("五谷丰登计划", "usesPlatform", "时尚乐活体验谷"),
    }


def test_same_clause_and_a_platform_in_a_frame_clause(lexicon: Lexicon) -> None:
    # 秀洲, 四、（二）: the zone and its industries share a clause; the logistics platform the
    # frame "以…为依托" names carries the same spillover, so it serves them too. 杭州空港经济区
    # is only a partner ("加强与…合作") and serves none.
    text = ("加强与杭州空港经济区合作，以秀洲南部空港物流平台为依托，承载杭州临空经济示范区在临空"
            "现代"
            "服务业和先进制造业的人才外溢和交流。")
    assert read(text, lexicon) == {
        ("杭州临空经济示范区", "targetsIndustry", "临空现代服务业"),
        ("杭州临空经济示范区", "targetsIndustry", "先进制造业"),
        ("秀洲南部空港物流平台", "targetsIndustry", "临空现代服务业"),
        ("秀洲南部空港物流平台", "targetsIndustry", "先进制造业"),
    }


def test_a_new_frame_ends_a_carried_scope(lexicon: Lexicon) -> None:
    # 秀洲, 四、（四）: the industries are the needs the new policies answer, not the program's
    text = ("升级人才支持政策，深入贯彻落实省市人才政策，进一步加快释放秀洲“人才新政”“秀湖双百计"
            "划2.0版”"
            "等人才政策红利，同时，立足招才引智需要以及数字经济、光伏新能源、智能家居、时尚纺织等产业"
            "人才集聚需求，继续推进专项政策、配套政策、产业政策体系建设。")
    assert read(text, lexicon) == set()


def test_coordinated_fields_and_platforms(lexicon: Lexicon) -> None:
    # 秀洲, 四、（二）: cooperation in fields and with platforms, no platform → field
    text = ("全方位融入长三角一体化，推进产业链、创新链深度对接，加强新能源、集成电路、智能汽车、"
            "大飞机"
            "等重点领域和秀洲国家高新区等重点平台合作，研究出台人才工作接轨上海政策。")
    assert read(text, lexicon) == set()


def test_fields_of_a_generic_platform_are_not_the_named_ones(lexicon: Lexicon) -> None:
    # 秀洲, 四、（一）
    text = ("重点建设北京理工大学长三角研究院（嘉兴）、浙江大学嘉兴研究院、南方科技大学嘉兴研究院、"
            "长三角嘉兴纳米应用技术研究院、江南大学未来食品研究院等重要科研平台，加快建设市级以上重点"
            "实验室，努力建设新能源、新材料、智能制造等引领性开源开放公共平台。")
    assert read(text, lexicon) == set()


def test_a_counted_program_takes_no_relation(lexicon: Lexicon) -> None:
    # 秀洲, 三、（一）
    text = ("加快院士专家工作站、秀水院士之家建设，到2025年，力争全职引进顶尖人才（团队）10个以上，"
            "入选省“鲲鹏行动”计划1个以上。")
    assert read(text, lexicon) == set()


def test_a_frame_right_after_a_platform_is_its_own(lexicon: Lexicon) -> None:
    # 遂宁 fixture (tests/data/plans), item 31: no actor after the 聚焦 clause, so it is the lab's
    text = ("高标准建设鹊山实验室，聚焦锂电池材料、固态电池、储能装备等领域开展基础研究和关键技术攻"
            "关，5年内集聚研发人员500名以上。")
    assert read(text, lexicon) == {
        ("鹊山实验室", "targetsIndustry", industry)
        for industry in ("锂电池材料", "固态电池", "储能装备")
    }
    # 秀洲, 五、（一）: a frame two clauses on is no elaboration of the program before it
    text = ("进一步加快释放秀洲“人才新政”“秀湖双百计划2.0版”等人才政策红利，同时，立足招才引智需要"
            "以及数字经济、光伏新能源、智能家居、时尚纺织等产业人才集聚需求，继续推进专项政策。")
    assert {r for r in read(text, lexicon) if r[0] == "秀湖双百计划"} == set()


def test_a_run_program_keeps_its_focus_past_a_frame(lexicon: Lexicon) -> None:
    # issue 12 shape (invented names): a program the sentence runs (实施) and a frame clause
    # (聚焦) after it with no other actor: the frame states the program's focus
    text = (
        "实施澜川招商引资提质工程，坚持招大引强，聚焦铜基新材料、半导体材料、高端装备等主导产业"
        "开展产业链招商。"
    )
    assert {r for r in read(text, lexicon) if r[1] == "targetsIndustry"} == {
        ("澜川招商引资提质工程", "targetsIndustry", industry)
        for industry in ("铜基新材料", "半导体材料", "高端装备")
    }
    # a program named as something else's object does not reach past the frame (秀洲)
    text = (
        "进一步加快释放秀洲“人才新政”“秀湖双百计划2.0版”等人才政策红利，同时，立足招才引智需要"
        "以及数字经济、光伏新能源、智能家居、时尚纺织等产业人才集聚需求，继续推进专项政策。"
    )
    assert not any(r[1] == "targetsIndustry" for r in read(text, lexicon))
