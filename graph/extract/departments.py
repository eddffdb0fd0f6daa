"""Departments and organisations: party and government bodies, and who is responsible for a task.

Where bodies are read from:

- the header: the issuing bodies under the notice, the 发布机构 field and the bodies among the
  notice's recipients;
- responsibility annotations after a task, "（牵头单位：区委组织部；配合单位：区科技局、区经信局）",
  in full- or half-width punctuation, with 牵头部门 / 配合部门 / 责任单位 … as labels;
- responsibility tables, a pipe table with a 牵头单位 (or 责任单位) column and a 配合单位 column;
- phrases that give a body a role, "组织部门牵头抓总、职能部门各司其职",
  "区委人才工作领导小组负责本规划的统筹协调";
- any other sentence that names a body of the plan's own region, "区委、区政府高度重视人才工作".

A body's name is normalised so that one body is one node across the plan (and across plans):
the level word a plan uses for itself ("区委组织部", "县人力社保局") is replaced by the region's
name (秀洲区委组织部), a prefix naming the region's parents or the party
("中共嘉兴市秀洲区委组织部") is dropped, and abbreviations the lexicon knows are expanded
(人力社保局 → 人力资源和社会保障局). Generic bodies that a phrase gives a role ("组织部门",
"有关部门", "各乡镇（街道）") are kept as printed: they name a role, not one body, and the same
role in two plans is one node.

>>> region = Jurisdiction("秀洲区", parents=("嘉兴市",))
>>> names = DepartmentNames(region, {"人力社保局": "人力资源和社会保障局"})
>>> names.normalise("中共嘉兴市秀洲区委组织部"), names.normalise("区人力社保局")
('秀洲区委组织部', '秀洲区人力资源和社会保障局')
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from plankg.graph.extract.facts import DEPARTMENT, PROGRAM, TASK, Mention, NodeRef, Relation
from plankg.graph.extract.names import plain, program_name
from plankg.graph.extract.places import body_region, is_place_name, plausible_chain
from plankg.graph.extract.programs import SUFFIX_END
from plankg.graph.extract.relations import SectionTree
from plankg.graph.extract.tasks import (
    ANNOTATION_START,
    LEAD,
    ROLE_LABELS,
    SUPPORT,
    matching_close,
    task_sections,
)
from plankg.graph.text.document import Document, Section, Sentence
from plankg.graph.text.headings import split_numbering

if TYPE_CHECKING:
    from plankg.graph.extract.lexicon import Lexicon

PLAN = "plan"  # subject kind of a responsibility stated for the whole plan (its 组织保障 section)

# --- the conventions, as data ------------------------------------------------------------------

# The annotation and table labels (ROLE_LABELS) and the task rule live in graph/extract/tasks.py.
RESPONSIBLE_LABELS = frozenset({"责任单位", "责任部门", "主要责任单位", "实施单位"})
# "列第一位的为牵头单位": where a plan says so, the first of a 责任单位 list leads, the rest
# support.
FIRST_LEADS = re.compile(r"(?:列|排)在?(?:第一位|首位)的?(?:单位|部门)?为牵头(?:单位|部门)")

# The ends of a body's name. A name ends in one of these; what comes before it back
# to the region is the body's field (人力资源和社会保障, 委人才工作).
BODY_ENDS = (
    "领导小组办公室", "工作委员会", "管理委员会", "人民检察院", "人民法院", "领导小组", "委员会",
    "管委会", "人民政府", "联合会", "办公室", "总工会", "工商联", "社科联", "政府", "检察院",
    "法院", "协会", "妇联", "科协", "残联", "侨联", "文联", "工委", "分局", "局", "部", "办", "委",
    "厅", "署",
)
# Words that end in a BODY_END character but name no body (格局, 干部, 一网通办 …).
NOT_BODIES = (
    "格局", "布局", "大局", "全局", "变局", "开局", "新局", "当局", "结局", "时局", "困局", "破局",
    "僵局", "危局", "政局", "战局", "内部", "外部", "全部", "局部", "干部", "总部", "本部", "东部",
    "西部", "南部", "北部", "中部", "俱乐部", "支部", "创办", "举办", "承办", "主办", "协办",
    "督办", "代办", "开办", "兴办", "通办", "合办", "筹办", "经办", "交办", "好办", "难办", "民办",
    "公办", "外办", "党委", "编委",
)
# A level below the plan's printed bare in a list of bodies: "（…，各镇、街道）"
BARE_LEVELS = frozenset(("街道", "乡镇", "镇", "社区"))
# Bodies whose names end in one of NOT_BODIES (政局): 区财政局, 区民政局.
BODIES_LIKE_NOT = ("财政局", "民政局", "邮政局")
# A BODY_END followed by one of these is the start of another word (局面, 部门, 委托, 办法 …).
NOT_AFTER = {"局": "面限势", "部": "门署分位", "委": "托员婉", "办": "法理事学好公", "厅": "堂"}
# Words inside a would-be name that show it is a clause, not a name.
NOT_IN_NAME = re.compile(
    r"的|牵头|负责|配合|会同|第|及|在|对|将|要|把|由|按|是|为|以|并|高度|重视|统筹|开展|定期|"
    r"通报|推进|加强|决策|部署|坚持|提出|落实|实施|关于|印发"
)
# After the plan's own level word: characters that make it part of another word (区域, 县级 …).
NOT_AFTER_LEVEL = "域位块间别分城场民内外份级属直辖里镇街乡"
# Before it: characters of words that end in it (全区, 园区, 地区, 示范区 …).
NOT_BEFORE_LEVEL = (
    "全我本各该此每地城园验范新景社片辖郊山湖心发能贸税校湾港矿灾疫牧农工商学住居营军战风禁"
    "警考选教分管街乡镇两跨外内省市区县都门股集"
)
MAX_NAME = 20
# A central bank branch printed 人行<region>（中心）支行 is named 中国人民银行<region>…
VERTICAL_ABBREVIATIONS = {"人行": "中国人民银行"}

# Generic bodies: a role, not one body. Only read where a phrase gives them a role.
GENERIC = re.compile(
    r"(?:各级)?各?(?:[省市区县][级直]?)?(?:有关|相关|职能|组织|宣传|人才工作|行业主管|主管|政法|统战)?"
    r"部门"
    r"|各(?:乡镇|镇|乡)[（(]?街道[）)]?|各(?:乡镇|镇)街道"
    # the governments and offices of every place below the plan's: 各县（市、区）人民政府
    r"|各(?:县[（(]市、区[）)]|县区|区县|县市区|乡镇|镇)人民政府|各(?:街道|乡镇)办事处"
)
# "…、县市场监管局等部门配合": the bodies listed, then the class they are of
_AND_OTHERS = re.compile(r"等(?:有关|相关)?(?:部门|单位)$")
# "由市委组织部负责解释" says who interprets the text, not who carries it out
LEAD_PHRASE = re.compile(r"牵头抓总|牵头负责|负责牵头|牵头(?!单位|部门|推进|建设)|"
                         r"负责(?!人|解释|同志)")
SUPPORT_PHRASE = re.compile(r"各司其职|密切配合|协同配合|积极配合|配合(?!单位|部门)|"
                            r"按照?职责分工")
# words between a body and its role phrase: "各街道办事处要按照职责分工", "…应密切配合"
_MODAL = re.compile(r"(?:要|应|应当|需|须|必须|均要)$")
# a verb that sets a body up before the clause that gives it a role: "成立…领导小组，负责…"
_SET_UP = re.compile(r"^(?:成立|组建|设立)")
# a paragraph that speaks of the plan itself (本规划, 规划实施): its role phrases are the plan's,
# wherever it stands ("成立…领导小组，负责本规划实施的统筹协调")
_THE_PLAN = re.compile(r"本(?:规划|纲要|意见|方案|计划|办法|措施|政策)|(?:规划|纲要)实施")

_CJK = r"\u4e00-\u9fff"
_OPEN, _CLOSE = "（(", "）)"
_UNIT = rf"[{_CJK}]{{2,7}}?(?:自治区|自治州|自治县|省|市|州|盟|区|县|旗)"
_REGION_UNIT = re.compile(_UNIT)
_REGION_CHAIN = re.compile(rf"^(?:中国共产党|中共)?((?:{_UNIT})+)")
_PARTY = re.compile(r"^(?:中国共产党|中共)")
_LABEL = re.compile("(" + "|".join(sorted(ROLE_LABELS, key=len, reverse=True)) + r")\s*[：:]")
_ITEM_SEPARATORS = "、，,；;/"
_LINE = re.compile(r"[^\n]+")
_BOOK_TITLE = re.compile(r"《[^》]*》")


# --- the plan's region and the names of its bodies ----------------------------------------------


@dataclass(frozen=True)
class Jurisdiction:
    """The region a plan is for: "秀洲区", with its parents as printed ("嘉兴市",) where known."""

    name: str
    parents: tuple[str, ...] = ()

    @property
    def level(self) -> str:
        """The level word the plan uses for itself: 区, 县, 市, 省, 旗."""
        return "县" if self.name.endswith("自治县") else self.name[-1]


def jurisdiction(doc: Document) -> Jurisdiction | None:
    """The plan's region: from its title ("秀洲区人才发展…"), else from its issuers, else from
    its body (我市 … 遂宁市委, graph/extract/places.py ``body_region``); the parents from the
    issuers' names. A unit of the title that is no place (城市更新和城市 in
    "李沧区城市更新和城市建设…") is not the region (``plausible_chain``)."""
    issuers = [*doc.metadata.issuers, doc.metadata.publisher or ""]
    name, parents = "", ()
    for text in [doc.title, *issuers]:
        found = _REGION_CHAIN.match(text)
        if found:
            units = _REGION_UNIT.findall(found.group(1))
            name, parents = plausible_chain(units[-1], tuple(units[:-1]))
            if is_place_name(name):
                break
            name = ""
    if not name:
        from_body = body_region(doc.text[doc.title_end:])
        if from_body is None:
            return None
        name, parents = from_body
    for issuer in issuers:
        found = _REGION_CHAIN.match(issuer)
        issuer_units = _REGION_UNIT.findall(found.group(1)) if found else []
        if name in issuer_units and len(issuer_units[: issuer_units.index(name)]) > len(parents):
            parents = tuple(issuer_units[: issuer_units.index(name)])
    return Jurisdiction(name, parents)

# offices of a party committee that plans print without its 委 (县文明办, 市网信办)
PARTY_OFFICES = frozenset(("精神文明建设委员会办公室", "网络安全和信息化委员会办公室"))
# the short forms plans print of a zone's kind, and the bodies of a zone
_ZONE_FULL_FORMS = {"经开区": "经济技术开发区", "高新区": "高新技术产业开发区"}
_SHORT_ZONE_BODY = re.compile(r"(.+?)(经开区|高新区)(管委会|管理委员会|党工委)")


class DepartmentNames:
    """Recognises body names of one plan and normalises them (see the module docstring).

    ``aliases`` maps an abbreviated field-and-end to the full one, without any level word:
    {"人力社保局": "人力资源和社会保障局", "人才办": "人才工作领导小组办公室"}.
    """

    def __init__(self, region: Jurisdiction | None, aliases: Mapping[str, str],
                 printed: str = "") -> None:
        self.region = region
        self.aliases = dict(aliases)
        # a zone's bodies the plan prints in full (岚山经济技术开发区管委会): the same body
        # printed with the zone's short form (岚山经开区管委会) is that one
        self._printed = printed
        anchors = []
        if region:
            parents = "".join(f"(?:{re.escape(p)})?" for p in region.parents)
            anchors.append(f"(?:中国共产党|中共)?{parents}{re.escape(region.name)}")
            anchors.append(f"团{region.level}委")
            # the bare level word: before 委 / 政府 it is the region's committee or government
            # wherever it stands; elsewhere not inside a longer word (全区, 园区, 区域, 县级 …)
            anchors.append(f"(?:中共)?{region.level}(?=委|政府|人民政府)")
            # 县城, 市城区 and 省城 are words, 区城 is none (区城市管理局)
            after = NOT_AFTER_LEVEL.replace("城", "") if region.level == "区" else NOT_AFTER_LEVEL
            anchors.append(f"(?<![{NOT_BEFORE_LEVEL}])(?:中共)?{region.level}(?![{after}])")
        self._anchor = re.compile("|".join(anchors)) if anchors else None

    def normalise(self, printed: str) -> str:
        name = re.sub(r"\s+", "", printed).replace("(", "（").replace(")", "）")
        zone = _SHORT_ZONE_BODY.fullmatch(name)
        if zone:
            full = zone.group(1) + _ZONE_FULL_FORMS[zone.group(2)] + zone.group(3)
            name = full if full in self._printed else name
        for short, system in VERTICAL_ABBREVIATIONS.items():
            if name.startswith(short) and len(name) > len(short) + 2:
                return system + self.normalise(name[len(short):])
        return self._normalise(name)

    def _normalise(self, name: str) -> str:
        if name in BARE_LEVELS:
            return "各" + name  # "各镇、街道": the 各 is the whole list's
        if GENERIC.fullmatch(name):
            return _generic_name(name)
        name = _PARTY.sub("", name)
        region = self.region
        if region is None:
            return self._expand(name, "")
        youth_league = re.fullmatch(rf"团{region.level}委", name)
        if youth_league:
            return f"共青团{region.name}委"
        for parent in region.parents:
            if name.startswith(parent + region.name):
                name = name[len(parent) :]
        if name.startswith(region.name):
            return self._expand(name[len(region.name) :], region.name)
        if name.startswith(region.level) and not name.startswith(region.level + "级"):
            return self._expand(name[1:], region.name)
        if name[:1] in "省市区县" and name[1:2] != "级":  # a body of another level: 市人力社保局
            return self._expand(name[1:], name[0])
        return self._expand(name, "")

    def _expand(self, rest: str, prefix: str) -> str:
        if rest in self.aliases:
            full = self.aliases[rest]
            if prefix and full in PARTY_OFFICES:
                return prefix + "委" + full  # 县文明办: the office of the county's party committee
            return prefix + full
        if rest.startswith("委") and rest[1:] in self.aliases:
            return prefix + "委" + self.aliases[rest[1:]]
        return prefix + rest

    def find(self, text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
        """Spans of the plan's own bodies named in ``text[start:end]``, the longest at each."""
        if self._anchor is None:
            return
        end = len(text) if end is None else end
        pos = start
        for anchor in self._anchor.finditer(text, start, end):
            if anchor.start() < pos:
                continue
            stop = _body_end(text, anchor.end(), end)
            if stop is not None:
                yield anchor.start(), stop
                pos = stop

    def is_body(self, item: str) -> bool:
        """Whether a list item ("秀洲国家高新区管委会", "区科技局") names one body."""
        item = re.sub(r"\s+", "", item)
        if not item or GENERIC.fullmatch(item) or item.startswith("各"):
            return False
        if item.endswith(("管委会", "管理委员会", "党工委")) and len(item) > 3:
            return True  # a zone's committees: 澜桥经济开发区党工委、管委会
        return any(s == 0 and e == len(item) for s, e in self.find(item))


def _body_end(text: str, start: int, limit: int) -> int | None:
    """End of the longest body name whose field starts at ``start`` (just after the region)."""
    stop = start
    while stop < min(limit, start + MAX_NAME) and re.match(f"[{_CJK}]", text[stop]):
        stop += 1
    best = None
    for end in range(start + 1, stop + 1):
        name = text[start:end]
        if not name.endswith(BODY_ENDS) or (name.endswith(NOT_BODIES)
                                             and not name.endswith(BODIES_LIKE_NOT)):
            continue
        if end < len(text) and text[end] in NOT_AFTER.get(name[-1], ""):
            continue
        if NOT_IN_NAME.search(name):
            break
        best = end
    return best


def _generic_name(name: str) -> str:
    name = re.sub(r"^各级", "", name)
    name = re.sub(r"^各?[省市区县][级直]?(?=[有相职组宣人行主政统部])",
                  "", name)
    return re.sub(r"^各(?=有关|相关)", "", name)


# --- responsibility annotations and tables -------------------------------------------------------


@dataclass(frozen=True)
class Listed:
    """A body printed in a list that gives it a role."""

    printed: str
    start: int
    end: int
    role: str


def annotations(text: str) -> Iterator[tuple[int, int, list[Listed]]]:
    """Each "（牵头单位：…；配合单位：…）" annotation: its span and the bodies it lists."""
    responsible_first = bool(FIRST_LEADS.search(text))
    for found in ANNOTATION_START.finditer(text):
        close = matching_close(text, found.start())
        if close is None:
            continue
        labels = list(_LABEL.finditer(text, found.end(), close))
        listed: list[Listed] = []
        for i, label in enumerate(labels):
            stop = labels[i + 1].start() if i + 1 < len(labels) else close
            items = list(_items(text, label.end(), stop))
            role = ROLE_LABELS[label.group(1)]
            for j, (s, e) in enumerate(items):
                this = SUPPORT if (label.group(1) in RESPONSIBLE_LABELS and responsible_first
                                   and j > 0) else role
                listed.extend(
                    Listed(text[a:b], a, b, this) for a, b in _bracketed_bodies(text, s, e)
                )
        yield found.start(), close + 1, listed


def _bracketed_bodies(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """An item and the body in its closing bracket, when the bracket names another body of the
    same level ("县委组织部（县委人才办）", "县政府办（县金融服务中心）": the office that does the
    work inside the body that leads); "各乡镇（街道）" is one item."""
    item = text[start:end]
    if not item.endswith(("）", ")")):
        return [(start, end)]
    open_at = max(item.rfind("（"), item.rfind("("))
    outer, inner = item[:open_at], item[open_at + 1:-1]
    if open_at < 2 or len(inner) < 3 or outer[0] not in "省市区县" or inner[0] != outer[0] \
            or not outer.endswith(BODY_ENDS):
        return [(start, end)]
    return [(start, start + open_at), (start + open_at + 1, end - 1)]


def _items(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Spans of the items of a 、-separated list in ``text[start:end]``, brackets kept whole."""
    depth = 0
    item_start = start
    for i in range(start, end + 1):
        char = text[i] if i < end else "、"
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth = max(0, depth - 1)
        elif char in _ITEM_SEPARATORS and depth == 0:
            span = _trim(text, item_start, i)
            if span:
                yield span
            item_start = i + 1


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in " \t\u3000":
        start += 1
    while end > start and text[end - 1] in " \t\u3000。.":
        end -= 1
    if text[start:end].endswith("等") and end - start > 2:
        end -= 1
    return (start, end) if end > start else None


@dataclass(frozen=True)
class ResponsibilityRow:
    """A row of a responsibility table: the subject cell ("" in a table without one) and the
    bodies listed for it."""

    subject: str
    start: int
    end: int
    listed: list[Listed]


def responsibility_rows(text: str) -> Iterator[ResponsibilityRow]:
    """Rows of pipe tables whose header has a 牵头单位 / 责任单位 column."""
    roles: dict[int, str] | None = None
    subject_column: int | None = 0
    for line in _LINE.finditer(text):
        cells = _pipe_cells(text, line.start(), line.end())
        if len(cells) < 2:
            roles = None
            continue
        header = {i: ROLE_LABELS.get(text[s:e]) for i, (s, e) in enumerate(cells)}
        if any(role == LEAD for role in header.values()):
            roles = {i: role for i, role in header.items() if role}
            subject_column = next((i for i, role in header.items() if role is None and
                                   text[cells[i][0]:cells[i][1]] not in ("序号", "编号")), None)
            continue
        if roles is None or (subject_column is not None and subject_column >= len(cells)):
            continue
        listed = []
        for column, role in roles.items():
            if column < len(cells):
                s, e = cells[column]
                listed.extend(Listed(text[a:b], a, b, role) for a, b in _items(text, s, e))
        subject = ""
        if subject_column is not None:
            s, e = cells[subject_column]
            subject = text[s:e]
        yield ResponsibilityRow(subject, line.start(), line.end(), listed)


def _pipe_cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    if "|" not in text[start:end]:
        return []
    cells = []
    cell_start = start
    for i in range(start, end + 1):
        if i == end or text[i] == "|":
            span = _trim(text, cell_start, i)
            if span:
                cells.append(span)
            cell_start = i + 1
    return cells


# --- extraction ----------------------------------------------------------------------------------


def extract_departments(doc: Document, lexicon: Lexicon) -> tuple[list[Mention], list[Relation]]:
    """Department mentions and lead/support relations of one plan (see the module docstring).

    The lexicon's department entries (graph/extract/lexicon.ttl, block "departments") give the
    abbreviations to expand.
    """
    names = DepartmentNames(jurisdiction(doc), lexicon.department_aliases, doc.text)
    return _Extraction(doc, names).run()


class _Extraction:
    def __init__(self, doc: Document, names: DepartmentNames) -> None:
        self.doc = doc
        self.names = names
        self.mentions: dict[tuple[int, int], Mention] = {}
        self.relations: list[Relation] = []
        # the relations as keys: the sections of one document are equal only when identical
        self._related: set[tuple] = set()
        self.tree = SectionTree(doc)
        self.tasks = {id(section) for section in task_sections(doc)}
        self.skip: list[tuple[int, int]] = []  # spans already read as annotations or tables
        self._skip_index: tuple[int, list[int], list[int]] | None = None

    def run(self) -> tuple[list[Mention], list[Relation]]:
        self._header()
        self._annotations()
        self._tables()
        self._prose()
        mentions = sorted(self.mentions.values(), key=lambda m: (m.start, m.end))
        return mentions, self.relations

    # the header: issuers, 发布机构, recipients
    def _header(self) -> None:
        meta = self.doc.metadata
        head_end = self.doc.title_start
        printed = [*meta.issuers, *([meta.publisher] if meta.publisher else [])]
        for name in printed:
            at = self.doc.text.find(name, 0, head_end) if head_end > 0 else -1
            if at < 0:
                at = self.doc.text.find(name)
            if at >= 0 and self._identifiable(name):
                self._mention(at, at + len(name), self._line(at), None)
        if meta.recipients:
            at = self.doc.text.find(meta.recipients)
            if at >= 0:
                for s, e in _items(self.doc.text, at, at + len(meta.recipients)):
                    if self.names.is_body(self.doc.text[s:e]):
                        self._mention(s, e, self._line(at), None)
        # the notice's body, "已经九届区政府第62次常务会议审议通过"
        for line in _LINE.finditer(self.doc.text, 0, max(head_end, 0)):
            self._bodies_in(self._line(line.start()), None)

    def _identifiable(self, name: str) -> bool:
        """A header body that names its region or is one of the region's own bodies."""
        region = self.names.region
        if region and (region.name in name or any(p in name for p in region.parents)):
            return True
        return self.names.is_body(name)

    def _annotations(self) -> None:
        for start, end, listed in annotations(self.doc.text):
            section = self.doc.section_at(start)
            sentence = self._sentence(start, end)
            subject = self._task(section)
            self.skip.append((start, end))
            self._listed(listed, subject, sentence, section)

    def _tables(self) -> None:
        titles = {_plain_title(s.title): s for s in self.doc.walk()}
        for row in responsibility_rows(self.doc.text):
            section = self.doc.section_at(row.start)
            sentence = Sentence(row.start, row.end, self.doc.text[row.start : row.end])
            subject = _row_subject(row.subject, titles)
            self.skip.append((row.start, row.end))
            self._listed(row.listed, subject, sentence, section)

    def _listed(
        self, listed: Iterable[Listed], subject: NodeRef | None, sentence: Sentence,
        section: Section | None,
    ) -> None:
        for item in listed:
            mention = self._mention(item.start, item.end, sentence, section)
            if subject is not None:
                self._relate(subject, item.role, mention)

    # prose: role phrases and the plan's own bodies
    def _prose(self) -> None:
        for section, sentence in self.doc.sentences():
            if self._skipped(sentence.start, sentence.end):
                continue
            self._roles(section, sentence)
            self._bodies_in(sentence, section)

    def _bodies_in(self, sentence: Sentence, section: Section | None) -> None:
        """The plan's own bodies named in a sentence, except inside a document title 《…》."""
        text = self.doc.text
        blocked = [m.span() for m in _BOOK_TITLE.finditer(text, sentence.start, sentence.end)]
        for s, e in self.names.find(text, sentence.start, sentence.end):
            if not any(bs <= s < be for bs, be in blocked) and not self._skipped(s, e):
                self._mention(s, e, sentence, section)

    def _roles(self, section: Section | None, sentence: Sentence) -> None:
        text = self.doc.text
        pending: list[tuple[int, int]] = []  # bare names waiting for the verb after them
        for s, e in _items(text, sentence.start, sentence.end):
            if self._skipped(s, e):
                continue
            piece = text[s:e]
            found = [p for p in (LEAD_PHRASE.search(piece), SUPPORT_PHRASE.search(piece)) if p]
            phrase = min(found, key=lambda p: p.start()) if found else None
            who = self._names_before(text, s, s + phrase.start()) if phrase else []
            if phrase is not None and not who and phrase.start() == 0 and pending:
                who = pending[-1:]  # "成立…领导小组，负责…": the body of the clause before
                pending = pending[:-1]
            if phrase is None or not who:
                set_up = _SET_UP.match(piece)
                at = s + set_up.end() if set_up else s
                bare = self._name_before(text, at, e)
                pending = [*pending, bare] if bare and bare[0] == at else []
                continue
            role = LEAD if phrase.re is LEAD_PHRASE else SUPPORT
            task = self._enclosing_task(section)
            if task is None or self._speaks_of_the_plan(sentence):
                subject: NodeRef = (PLAN, self.doc.title)
            else:
                subject = (TASK, task.key)
            for ws, we in [*pending, *who]:
                self._relate(subject, role, self._mention(ws, we, sentence, section))
            pending = []

    def _speaks_of_the_plan(self, sentence: Sentence) -> bool:
        text = self.doc.text
        start = text.rfind("\n", 0, sentence.start) + 1
        end = text.find("\n", sentence.end)
        return bool(_THE_PLAN.search(text, start, end if end >= 0 else len(text)))

    def _names_before(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """The bodies that end at ``end`` (a modal aside: "…要按照职责分工"), with those joined
        to them by 和 / 及 / 与 ("各县区人民政府和市直有关部门")."""
        modal = _MODAL.search(text, start, end)
        if modal and modal.start() > start:
            end = modal.start()
        names = []
        while True:
            who = self._name_before(text, start, end)
            if who is None:
                break
            names.insert(0, who)
            if who[0] - 1 <= start or text[who[0] - 1] not in "和及与":
                break
            end = who[0] - 1
        return names

    def _name_before(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """The generic or named body that ends exactly at ``end`` (the verb follows it)."""
        piece = text[start:end]
        also = _AND_OTHERS.search(piece)
        if also and also.start() > 0:
            # "县财政局、县科技局、县市场监管局等部门配合": the body before 等部门
            end -= len(also.group())
            piece = piece[: also.start()]
        for generic in GENERIC.finditer(piece):
            if generic.end() == len(piece):
                return start + generic.start(), end
        for s, e in self.names.find(text, start, end):
            if e == end:
                return s, e
        return None

    # helpers
    def _mention(
        self, start: int, end: int, sentence: Sentence, section: Section | None
    ) -> Mention:
        key = (start, end)
        if key not in self.mentions:
            surface = self.doc.text[start:end]
            self.mentions[key] = Mention(
                DEPARTMENT, self.names.normalise(surface), surface, start, end, sentence, section
            )
        return self.mentions[key]

    def _relate(self, subject: NodeRef, role: str, mention: Mention) -> None:
        relation = Relation(subject, role, (DEPARTMENT, mention.name), mention.sentence,
                            mention.section)
        key = (subject, role, relation.object, mention.sentence,
               None if mention.section is None else id(mention.section))
        if key not in self._related:
            self._related.add(key)
            self.relations.append(relation)

    def _task(self, section: Section | None) -> NodeRef | None:
        return None if section is None else (TASK, section.key)

    def _enclosing_task(self, section: Section | None) -> Section | None:
        """The innermost task section that holds ``section`` (graph/extract/tasks.py)."""
        return next((s for s in self.tree.chain(section) if id(s) in self.tasks), None)

    def _sentence(self, start: int, end: int) -> Sentence:
        """The sentence that holds ``start:end``, else the span itself."""
        found = self.doc.sentence_at(start)
        if found is not None and end <= found.end:
            return found
        return Sentence(start, end, self.doc.text[start:end])

    def _line(self, at: int) -> Sentence:
        text = self.doc.text
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        while text[start] in " \t\u3000":
            start += 1
        while text[end - 1] in " \t\u3000\r":
            end -= 1
        return Sentence(start, end, text[start:end])

    def _skipped(self, start: int, end: int) -> bool:
        """Whether a span read before (``skip``) holds ``start:end``: some span with
        ``s <= start`` reaches ``end``, i.e. the farthest end among them does."""
        index = self._skip_index
        if index is None or index[0] != len(self.skip):
            ordered = sorted(self.skip)
            farthest: list[int] = []
            for _, e in ordered:
                farthest.append(max(e, farthest[-1]) if farthest else e)
            index = self._skip_index = (len(self.skip), [s for s, _ in ordered], farthest)
        before = bisect_right(index[1], start)  # the spans with s <= start
        return before > 0 and index[2][before - 1] >= end


def _plain_title(title: str) -> str:
    return plain(split_numbering(title)[1]).strip("。.， ")


def _row_subject(cell: str, titles: Mapping[str, Section]) -> NodeRef | None:
    """The task section a table row names by its title, else the program it names."""
    key = _plain_title(cell)
    if not key:
        return None
    if key in titles:
        return TASK, titles[key].key
    if SUFFIX_END.search(key):
        return PROGRAM, program_name(cell)[0]
    return None
