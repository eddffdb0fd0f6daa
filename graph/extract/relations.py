"""Relations between the entities of one plan, from its structure and its wording.

From structure:

- a section whose heading names a program (（一）实施科创英才领航行动, ——党政人才队伍提升计划):
  the program targets every industry named in the section, uses every platform named in it,
  and every program named in its body (or heading a section inside it) is part of it;
- a section mentions every entity named in it (pk:mentions), and a task section
  (graph/extract/tasks.py) targets every industry named in it.

From wording, within one sentence split into clauses at ，；：

- same clause: a program or platform and the industries listed with it
  ("承载杭州临空经济示范区在临空现代服务业和先进制造业的人才外溢");
- a leading frame clause (围绕 / 聚焦 / 针对 / 面向 / 立足 / 依托 …) scopes over the rest of the
  sentence: "聚焦新材料、新能源、智能装备三个领域，高标准推进太湖实验室建设";
- a program or platform a clause introduces carries on into the clauses after it until the next
  one: "实施百名紧缺型技能人才引进计划，大力引进光伏新能源…等产业所需的…人才".

Industries listed as the field of another, generic thing (…等公共平台, …等技术) or coordinated
with the entity rather than governed by it ("新能源…等重点领域和秀洲国家高新区等重点平台合作")
are not related to it. A program counted by a figure ("入选省“鲲鹏行动”计划1个以上") is a
measure, not an actor, and takes no relation from wording.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from plankg.graph.extract.candidates import Candidate
from plankg.graph.extract.facts import INDUSTRY, PLATFORM, PROGRAM, TASK, NodeRef, Relation
from plankg.graph.extract.names import plain
from plankg.graph.extract.phrases import (
    PROGRAM_STOPS,
    VERBS,
    clauses,
    skip_numbering,
    stop_before,
)
from plankg.graph.extract.programs import RUN_VERBS
from plankg.graph.extract.segment import leading_cut
from plankg.graph.extract.tasks import task_sections
from plankg.graph.text.document import Document, Section, Sentence
from plankg.graph.text.headings import BOX

SECTION = "section"  # subject kind of a section: name is its key, "3-2"
TARGETS = "targetsIndustry"
USES = "usesPlatform"
PART_OF = "partOfProgram"
MENTIONS = "mentions"

FRAME = re.compile(r"(?:重点|全力|深入|紧紧|主动|积极|同时)?(?:围绕|聚焦|针对|面向|立足|依托|结合|"
                   r"瞄准|借助|以)")
_COORDINATED = re.compile(r"^(?:和|及|与|以及)")
# a clause that links the entities it names to an actor before it: they act in it only
_LINKED = re.compile(r"(?:联动|带动|辐射|串联|衔接|对接|协同)")
# The chapters about the past, whose industries and figures are not targets. (Which sections are
# the plan's tasks is graph/extract/tasks.py's rule.)
BACKGROUND = re.compile(r"基础|背景|成效|成就|回顾|现状|形势|成绩")
ACTORS = (PROGRAM, PLATFORM)
# the work on a platform that a title after a verb names: 支持…研究院建设
_BUILDING = re.compile(r"建设|发展|提质|提升|升级|扩容|运营|提质扩容|提档升级")
_LEADING_QUOTE = re.compile(r"^[“‘\"][^”’\"]{1,8}[”’\"]")
# the verbs of the stop list a title may open with (jieba tags 建设 and 培育 as nouns, and cuts
# 做强 into 做 / 强, so its tags alone do not find them)
_TITLE_VERBS = frozenset(VERBS)
# what a project named after a platform adds to its name: 二期项目, 建设项目, 提升工程
_PROJECT_OF = re.compile(r"(?:[一二三四五六七八九十\d]+期)?[\u4e00-\u9fff]{0,2}(?:项目|工程)")


def ref(cand: Candidate) -> NodeRef:
    return cand.kind, cand.name


class SectionTree:
    """The parent of every section of a document (sections hold only their children)."""

    def __init__(self, doc: Document) -> None:
        self.parent = {id(child): section for section in doc.walk() for child in section.children}

    def chapter(self, section: Section) -> Section:
        """The top-level section (一、…) that holds ``section``."""
        while id(section) in self.parent:
            section = self.parent[id(section)]
        return section

    def chain(self, section: Section | None) -> Iterator[Section]:
        """``section`` and the sections that hold it, innermost first."""
        while section is not None:
            yield section
            section = self.parent.get(id(section))


class _Sections(SectionTree):
    """A document's sections with the programs their headings name."""

    def __init__(self, doc: Document, cands: list[Candidate]) -> None:
        super().__init__(doc)
        self.heads: dict[int, Candidate] = {}
        # a section whose title is a platform's name ("37.柳滩数字经济产业园。按照…", "（1）做强
        # 渚湾智能家居城。"): the platform takes the industries of its section, as a heading
        # program does (issue 12: a platform's industries follow the clause that names it)
        self.platform_heads: dict[int, Candidate] = {}
        for cand in cands:
            if cand.section is None:
                continue
            section = cand.section
            if not (section.heading_start <= cand.start and cand.end <= section.heading_end):
                continue
            if cand.kind == PROGRAM and id(section) not in self.heads and not cand.nested:
                self.heads[id(section)] = cand
            elif cand.kind == PLATFORM and id(section) not in self.platform_heads \
                    and _titled_by(doc.text, cand, section):
                self.platform_heads[id(section)] = cand
        # a box whose caption names a platform is about it: "专栏1  X开发区“一区两片”功能定位"
        # gives the zone the industries its parts develop (a caption is read as no sentence,
        # so the platform is found by the names printed elsewhere)
        printed = sorted(
            ((doc.text[c.start:c.end], c) for c in cands if c.kind == PLATFORM and not c.nested),
            key=lambda pair: -len(pair[0]),
        )
        for section in doc.walk():
            if section.style != BOX or id(section) in self.platform_heads:
                continue
            caption = doc.text[section.heading_start:section.heading_end]
            named = [(caption.find(name), cand) for name, cand in printed if name in caption]
            if named:
                self.platform_heads[id(section)] = min(named, key=lambda pair: pair[0])[1]

    def in_heading(self, cand: Candidate, section: Section) -> bool:
        return section.heading_start <= cand.start and cand.end <= section.heading_end

    def owner(self, cand: Candidate) -> Candidate | None:
        """The program heading the innermost section that holds ``cand`` in its body."""
        for section in self.chain(cand.section):
            if self.in_heading(cand, section):
                continue
            head = self.heads.get(id(section))
            if head is not None:
                return head
        return None


def _titled_by(text: str, cand: Candidate, section: Section) -> bool:
    """Whether ``section``'s title is ``cand``'s name: what comes before it in the heading is
    the number and at most one verb (做强, 建设); nothing but a full stop comes after it."""
    before = text[skip_numbering(text, section.heading_start, cand.start):cand.start]
    after = text[cand.end:section.heading_end].strip("。．.；; ")
    if after[:1] in ("：", ":"):
        after = ""  # "4.湄江软件园：建筑面积…，重点发展…": the name before the colon is the title
    if cand.nested and _PROJECT_OF.fullmatch(after):
        after = ""  # "10.沧渚总部商务区项目。": the project builds the platform
    if before and _BUILDING.fullmatch(after):
        after = ""  # "11.支持云岫新材料研究院建设。", "1.扶持雁溪新能源汽车产业园建设。"
    if after:
        return False
    if not before:
        return True
    # a verb before it makes a title only of a heading that ends its sentence ("（1）做强渚湾
    # 智能家居城。"); "10.依托云岫智能装备产业园，引进…" opens a sentence, it names no section
    ends = text[section.heading_end:section.heading_end + 1]
    return ends in ("", "。", "\n") and (
        before in _TITLE_VERBS or leading_cut(before, 0, len(before), keep=0) == len(before)
    )


def _relation(subject: NodeRef, predicate: str, obj: NodeRef, evidence: Candidate) -> Relation:
    return Relation(subject, predicate, obj, evidence.sentence, evidence.section)


def from_structure(doc: Document, cands: list[Candidate]) -> Iterator[Relation]:
    sections = _Sections(doc, cands)
    tasks = {id(section) for section in task_sections(doc)}
    for cand in cands:
        for section in sections.chain(cand.section):
            head = sections.heads.get(id(section))
            if head is None or head is cand or sections.in_heading(cand, section):
                continue
            if cand.kind == INDUSTRY:
                yield _relation(ref(head), TARGETS, ref(cand), cand)
            elif cand.kind == PLATFORM and not cand.nested:
                yield _relation(ref(head), USES, ref(cand), cand)
        if cand.kind == INDUSTRY:
            platform = next((sections.platform_heads[id(s)] for s in sections.chain(cand.section)
                             if id(s) in sections.platform_heads), None)
            if platform is not None:
                yield _relation(ref(platform), TARGETS, ref(cand), cand)
        if cand.kind == PROGRAM:
            owner = sections.owner(cand)
            if owner is not None and owner.name != cand.name:
                yield _relation(ref(cand), PART_OF, ref(owner), cand)
        if cand.section is not None:
            yield _relation((SECTION, cand.section.key), MENTIONS, ref(cand), cand)
            if cand.kind == INDUSTRY:
                chapter = sections.chapter(cand.section)
                if id(cand.section) in tasks:
                    yield _relation((TASK, cand.section.key), TARGETS, ref(cand), cand)
                elif not BACKGROUND.search(chapter.title):
                    yield _relation((SECTION, cand.section.key), TARGETS, ref(cand), cand)


def _governed(text: str, industry: Candidate, actor: Candidate) -> bool:
    """Whether an industry in the actor's scope is the actor's: not a generic thing's field,
    not coordinated with the actor."""
    if industry.head_class in ("platform", "technology"):
        return False
    if industry.head_end is not None and industry.head_end <= actor.start:
        between = text[industry.head_end:actor.start]
        if _COORDINATED.match(between) and not any(c in between for c in "，；;,"):
            return False
    return True


def _frames_after(
    text: str,
    start: int,
    actor: Candidate,
    k: int,
    frames: list[int],
    actors: list[tuple[int, Candidate]],
) -> list[int]:
    """The frame clauses after an actor's clause ``k`` (which starts at ``start``) that end
    its scope over industries. A frame right after the actor's clause with no actor after it
    is the actor's.

    For a program the sentence runs (实施 / 推进 … before it) only a frame that some actor
    follows (in it or after it) opens a scope of its own; a frame with no actor after it states
    the program's own focus: "实施招商引资提质工程，坚持招大引强，聚焦铜基新材料…等主导产业开展
    产业链招商". A program named otherwise ("释放…“秀湖双百计划2.0版”等人才政策红利，同时，
    立足…") does not reach past the frame."""
    run = actor.kind == PROGRAM and stop_before(text, actor.start, start,
                                                PROGRAM_STOPS) in RUN_VERBS
    # a frame that an actor follows always opens a scope of its own; one with no actor after
    # it is the actor's own right after its clause ("高标准建设鹊山实验室，聚焦锂电池材料…等领域
    # 开展…"), and anywhere after the clause of a program the sentence runs
    # a frame right after the clause of a program the sentence runs that names only platforms
    # is where the program is done: "实施预制菜产业培育计划，依托X产业园核心区，引进…，重点发展…"
    # (the program goes on speaking for the clauses after it)
    used = {f for f in frames if run and f == k + 1
            and {c.kind for j, c in actors if j == f} == {PLATFORM}
            and not any(j > f for j, _ in actors)}
    return [f for f in frames if f > k and f not in used
            and (any(j >= f for j, _ in actors) or not (f == k + 1 or run))]


def from_sentence(text: str, sentence: Sentence, cands: list[Candidate]) -> Iterator[Relation]:
    parts = clauses(text, sentence.start, sentence.end)

    def clause_of(cand: Candidate) -> int:
        for index, (s, e) in enumerate(parts):
            if s <= cand.start < e:
                return index
        return -1

    placed = [(clause_of(c), c) for c in cands]
    # a program named inside a platform's name acts in no sentence (“凤栖计划”棠溪创业服务中心),
    # nor is a platform named inside a program's name used by a program
    actors = [(k, c) for k, c in placed if c.kind in ACTORS and not c.counted
              and not (c.nested and c.kind == PROGRAM)]
    industries = [(k, c) for k, c in placed if c.kind == INDUSTRY]
    platforms = [(k, c) for k, c in placed if c.kind == PLATFORM and not c.nested]
    frames = [i for i, (s, _) in enumerate(parts) if FRAME.match(text, s)]

    # a ； ends a statement: what follows it has a subject of its own ("漠城区重点发展…，建设X；
    # 青川区重点发展…"): X carries on no further
    statement_ends = [i + 1 for i, (_, e) in enumerate(parts)
                      if e < sentence.end and text[e] in "；;"]
    for k, actor in actors:
        # the clauses this actor speaks for: its own and the ones after it up to the next actor
        # of its kind (for industries also up to the next frame clause, which opens a scope of
        # its own); and the frame clause before it, which governs the rest of the sentence
        ahead = [j for j, other in actors if other.kind == actor.kind and j > k]
        ahead += [j for j in statement_ends if j > k]
        if k >= 0 and _LINKED.match(text, parts[k][0]):
            ahead.append(k + 1)  # 以X为龙头，联动A、B，重点发展…: A, B are linked to X
        scope = set(range(k, min(ahead, default=len(parts))))
        opened = parts[k][0] if k >= 0 else sentence.start
        breaks = _frames_after(text, opened, actor, k, frames, actors)
        industry_scope = set(range(k, min([*ahead, *breaks], default=len(parts))))
        if k in frames:
            # an actor of a frame clause governs what follows it, like the frame itself:
            # "以秀洲南部空港物流平台为依托，承载…在临空现代服务业和先进制造业的人才外溢"
            industry_scope = set(range(k, min(breaks, default=len(parts))))
        before = [f for f in frames if f < k]
        if before:
            scope |= set(range(before[-1], k))
            # a program the sentence runs after a frame is the means of all the frame's
            # statement ("围绕…产业导向，即培育壮大A…，做优B…，全力实施X"); a platform named later
            # is where one thing is built, and takes only the frame clause's industries: the
            # clauses between say what the frame's subject develops ("以金沙县、柳泉县为重点，…，
            # 大力发展A、B和C，推动X建设")
            industry_scope |= (set(range(before[-1], k)) if actor.kind == PROGRAM
                               else {before[-1]})
        for j, industry in industries:
            if j in industry_scope and _governed(text, industry, actor):
                yield _relation(ref(actor), TARGETS, ref(industry), industry)
        if actor.kind == PROGRAM:
            for j, platform in platforms:
                if (j in scope and j != k) or (j == k and platform.start > actor.end):
                    yield _relation(ref(actor), USES, ref(platform), platform)


def from_program_names(text: str, cands: list[Candidate]) -> Iterator[Relation]:
    """A program named after an industry the plan names targets it: 冷链物流补短板行动 →
    冷链物流, 人力资源服务“伯乐”计划 → 人力资源服务业 (decision 040: a program's own name gives
    its industries). The industry is the longest one the plan prints elsewhere (as printed, or
    its name) that opens the program's name, quotes off, of four characters or more and with a
    name of the program's own after it: a bare sector word opens the names of schemes for its
    workers, its public or its firms (制造业数字化转型行动, 文化人才培养计划, 文化惠民工程,
    锂电资源综合利用示范项目); the program's sentence is the evidence. A name opening with a
    place (槐岭生物医药产业园项目) or holding the industry
    inside another word (城乡供水一体化工程) gives none."""
    printed: dict[str, str] = {}
    for cand in cands:
        if cand.kind == INDUSTRY:
            for form in (plain(cand.surface(text)), plain(cand.name)):
                if len(form) >= 2:
                    printed.setdefault(form, cand.name)
                if form.endswith("业") and len(form) > 3:
                    printed.setdefault(form[:-1], cand.name)  # 人力资源服务 of 人力资源服务业
    for cand in cands:
        if cand.kind != PROGRAM or cand.counted:
            continue
        # a coined name in quotes may open it: “夜游岭水”夜间经济培育行动 is named after 夜间经济
        names = {plain(cand.name), plain(_LEADING_QUOTE.sub("", cand.surface(text)))}
        inside = [form for form in printed for name in names
                  if name.startswith(form) and len(name) - len(form) >= 4 and len(form) >= 4]
        if not inside:
            continue
        best = max(inside, key=len)
        yield Relation(ref(cand), TARGETS, (INDUSTRY, printed[best]), cand.sentence, cand.section)


def relations(doc: Document, cands: Iterable[Candidate]) -> list[Relation]:
    """Every relation of one plan's candidates, duplicates (same triple, same sentence) once."""
    cands = list(cands)
    found: dict[tuple, Relation] = {}
    for relation in (*from_structure(doc, cands), *from_program_names(doc.text, cands)):
        found.setdefault((relation.subject, relation.predicate, relation.object,
                          relation.sentence.start), relation)
    by_sentence: dict[tuple[int, int], list[Candidate]] = {}
    for cand in cands:
        by_sentence.setdefault((cand.sentence.start, cand.sentence.end), []).append(cand)
    for group in by_sentence.values():
        for relation in from_sentence(doc.text, group[0].sentence, group):
            if relation.subject == relation.object:
                continue
            found.setdefault((relation.subject, relation.predicate, relation.object,
                              relation.sentence.start), relation)
    return list(found.values())
