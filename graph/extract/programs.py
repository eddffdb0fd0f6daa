"""Programs: named schemes ending in 计划 / 工程 / 行动 / 项目 / 行动计划 (docs/extraction.md).

Where a program name is read:

- a suffix in a sentence, the name running left to the verb that introduces it (实施, 深化 …),
  over quoted parts: 实施“邻凤筑巢”异地平台引才工程, 深化新生代企业家“311”领航计划;
- a quoted name that ends in a suffix: “南太湖精英计划”, “秀湖双百计划2.0版”;
- a section heading or ——lead-in that names one: （一）实施科创英才领航行动, ——党政人才队伍提升计划;
- quoted items of a list whose head is a generic program word: “海外工程师”等引才项目工程;
- a name or alias the lexicon knows, printed with or without quotes (鲲鹏计划).

Generic references (人才计划, 重点人才工程, 交流项目) are no program: what is left of the name once
level words and generic words are taken off must be two characters or more, or be quoted.

>>> text = "深化新生代企业家“311”领航计划，入选省“鲲鹏行动”计划1个以上。"
>>> found = find_in_sentence(text, Sentence(0, len(text), text), None)
>>> [(c.name, c.attributes.get("level")) for c in found]
[('新生代企业家311领航计划', None), ('鲲鹏行动计划', 'provincial')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from plankg.graph.extract.candidates import Candidate
from plankg.graph.extract.facts import PROGRAM
from plankg.graph.extract.lexicon import Lexicon
from plankg.graph.extract.names import LEVEL_WORDS, QUOTES, plain, program_name
from plankg.graph.extract.phrases import (
    BATCH,
    CLOSERS,
    HEAD_VERBS,
    OPENERS,
    PROGRAM_STOPS,
    PUNCT,
    VERBS,
    clauses,
    enumerations,
    inside_quotes,
    name_start,
    skip_numbering,
    stop_before,
)
from plankg.graph.extract.segment import leading_cut, starts_with_noun, tagged
from plankg.graph.text.document import Document, Section, Sentence

SUFFIX = re.compile(r"(?:行动计划|计划|工程|行动|项目)(?:[0-9]+(?:\.[0-9]+)*版)?")
SUFFIX_END = re.compile(SUFFIX.pattern + "$")
# What may follow a program's name in a sentence; anything else makes the suffix part of a longer
# word (科技项目组织管理, 人才项目全发展周期).
FOLLOW_OK = ("建设", "实施", "等", "为", "和", "与", "及", "的", "中", "落地", "工作", "期间",
             "人才", "项目", "推进")
# Words that say nothing about which scheme is meant; a name made only of these is generic.
GENERIC_WORDS = tuple(sorted((
    "国家级", "省级", "市级", "区级", "县级", "以上", "国家", "省市", "中央", "重点", "重大",
    "重要", "人才", "引才", "引智", "招才", "科技", "科研", "创新", "创业", "高层次", "高端",
    "各类", "相关", "有关", "专项", "工作", "试点", "合作", "交流", "建设", "项目", "工程", "计划",
    "行动", "发展", "产业", "企业", "政策", "专家", "团队", "成果", "高精尖缺", "高精尖", "紧缺",
    "急需", "省", "市", "区", "县", "级", "各", "等", "全", "新", "大", "以下", "下列", "上述",
    "各项",
), key=len, reverse=True))
_COUNTS = re.compile(r"[\d一二三四五六七八九十两百千]+[项个类大批]")
# 省级鲲鹏计划 → 鲲鹏计划, provincial; 省“鲲鹏行动”计划 → provincial (names.LEVEL_WORDS)
_LEVEL_PREFIX_NAMES = {word: level for word, level in LEVEL_WORDS if word.endswith("级")}
_LEVEL_PREFIX = re.compile("^(" + "|".join(_LEVEL_PREFIX_NAMES) + ")")
_UNIT_LEVELS = {word: level for word, level in LEVEL_WORDS if len(word) == 1}
_VERBS_LONGEST_FIRST = sorted(VERBS, key=len, reverse=True)
_FIGURE_AFTER = re.compile(r"[”’]?\d")
_MASKED = re.compile(r"[*＊]")
# Names of a class of schemes or projects, not of one: 产业载体类项目, 乡村振兴重点工程 (a 专栏 box
# of them), 重大基础设施项目, 一批…项目, and a work or teaching plan (年度工作计划,
# 中小学教育教学计划).
_COLLECTION = re.compile(r"(?:类|重点|重大)(?:项目|工程)$|^重大.*项目$|(?:工作|年度|教学)计划$|"
                         r"^" + BATCH)
# A 项目 in prose is mostly an investment project (引进…项目, 承接…产业转移项目, 实施一批…项目);
# it is a scheme of the plan when a verb that runs a scheme introduces it (推进医学高峰项目建设).
RUN_VERBS = frozenset(("实施", "推进", "启动", "开展", "深化", "抓好", "落实", "深入实施"))
# A quoted name that modifies a noun after it names a way of working: “工匠+项目”培养模式.
_MODIFIES = ("培养模式", "模式", "机制", "制度", "理念", "品牌")


# A name followed by its investment is a construction project of a project list (a 专栏 of
# 重点项目: "1.X二期工程：总投资35亿元，建设…"), not a scheme.
_INVESTMENT_AFTER = re.compile(
    r"[：:，,（(]?[ \t\u3000]*(?:总投资|计划投资|估算投资|投资总额)(?:约|为)?\d"
)

# The rest of a list of technologies, software, products or majors after an item: 、数字孪生等
# 前沿技术, 、产品生命周期管理等工业软件, 、数据科学与大数据技术等专业
_TECHNOLOGY_LIST = re.compile(
    r"、[^，。；：]{0,30}?等[^，。；：、]{0,6}(?:技术|软件|系统|产品|装备|设备|专业|学科|课程)"
)
# a quoted period (“十四五”) coins no name: “十四五”数字经济重大工程 is a box of works
_QUOTED_PERIOD = re.compile(r"[“‘]十[一二三四五六七八九]五[”’]")


def generic(name: str) -> bool:
    """Whether a name (quotes off) says no more than "a talent program"."""
    stem = _COUNTS.sub("", SUFFIX_END.sub("", plain(name)))
    for word in GENERIC_WORDS:
        stem = stem.replace(word, "")
    return len(stem) < 2


def _coined(printed: str) -> bool:
    """A quoted part that is not all of the name is a coined name: “人才房”工程."""
    stripped = _QUOTED_PERIOD.sub("", printed.strip())
    if not stripped:
        return False
    return any(q in stripped for q in "“‘") and not (stripped[0] in "“‘" and stripped[-1] in "”’")


def _names_a_program(printed: str) -> bool:
    """Whether a quoted part of ``printed`` (not all of it) is itself a program's full name."""
    for found in re.finditer(r"[“‘]([^”’]+)[”’]", printed):
        after = printed[found.end():]
        # “鲲鹏行动”计划 is one name: 行动 and 计划 make 行动计划
        if after and after != "计划" and SUFFIX_END.search(found.group(1)):
            return True
    return False


def _level_before(text: str, at: int, floor: int) -> str | None:
    """The level a word right before a quoted name gives: 省“…”, 湖州市“…”, 省级“…”."""
    if at <= floor:
        return None
    char = text[at - 1]
    if char == "级" and at - 2 >= floor:
        char = text[at - 2]
    if char == "家" and text[max(floor, at - 2):at].startswith("国"):
        return "national"
    return _UNIT_LEVELS.get(char)


def _follow_ok(text: str, end: int, limit: int) -> bool:
    if end >= limit:
        return True
    char = text[end]
    if char in PUNCT or char in CLOSERS or char in OPENERS or char.isdigit():
        return True
    return text.startswith(FOLLOW_OK, end)


def _candidate(text: str, start: int, end: int, sentence: Sentence, section: Section | None,
               *, via: str, level: str | None = None) -> Candidate | None:
    printed = text[start:end]
    if _MASKED.search(printed):
        return None  # a masked name (万**划) cannot be normalised
    name, stated = program_name(printed)
    found_level = stated or level
    prefix = _LEVEL_PREFIX.match(name)
    if prefix:
        name = name[prefix.end():]
        found_level = found_level or _LEVEL_PREFIX_NAMES[prefix.group()]
    if not SUFFIX_END.search(name) and via != "list":
        return None
    if _names_a_program(printed):
        return None  # “南太湖精英计划”人才项目: the projects of a program, not a program
    if generic(name) and not _coined(printed):
        return None
    stem = SUFFIX_END.sub("", plain(name))
    if stem in HEAD_VERBS:
        return None  # …等创建行动, 培育工程: the verb of a name without the name
    if stem.endswith("性") or ("、" in name and not _coined(printed)):
        return None  # 战略性、先导性工程: what a thing is; 人工智能、工业软件项目: a list
    if _INVESTMENT_AFTER.match(text, end):
        return None
    if _TECHNOLOGY_LIST.match(text, end):
        return None  # 开展材料基因工程、数字孪生等前沿技术研究: a technology, not a scheme
    if _COLLECTION.search(plain(name)) and not _coined(printed):
        return None
    cand = Candidate(PROGRAM, name, start, end, sentence, section, via=via)
    if found_level:
        cand.attributes["level"] = found_level
    cand.counted = bool(_FIGURE_AFTER.match(text, end))
    return cand


def _head_verb(text: str, start: int, suffix_at: int) -> int:
    """The length of the name's own verb right before its suffix (培育工程), else 0."""
    return next((len(v) for v in HEAD_VERBS if text.startswith(v, suffix_at - len(v))
                 and suffix_at - len(v) >= start), 0)


# Stop words that modify rather than introduce: inside a name when a word of it stands before
# them (实施临床重点专科建设工程), not when they follow the verb (实施重点人才工程).
MODIFIER_STOPS = frozenset(("重点", "高标准", "高质量", "高水平"))


def _start(text: str, suffix_at: int, floor: int) -> int:
    """Where a program's name that ends at ``suffix_at`` begins (phrases.name_start), past stop
    words that are part of a longer word: 有 of 有机 (城市有机更新工程, by the segmenter's words),
    发展 of 发展型 (青年发展型城市建设行动), 保障 of 保障性 (保障性租赁住房建设工程), 重点 after
    a word of the name."""
    start = name_start(text, suffix_at, floor, stops=PROGRAM_STOPS, head_verbs=HEAD_VERBS)
    for _ in range(4):
        word = stop_before(text, start, floor, PROGRAM_STOPS)
        if word is None or start >= suffix_at:
            return start
        at = start - len(word)
        glued = text[start] in "型性" or any(
            w_start < start < w_start + len(w) for w, w_start in _words(text, at, suffix_at))
        modifier = word in MODIFIER_STOPS and at > floor \
            and stop_before(text, at, floor, PROGRAM_STOPS) is None \
            and text[at - 1] not in PUNCT and text[at - 1] not in OPENERS
        if not glued and not modifier:
            return start
        start = name_start(text, at, floor, stops=PROGRAM_STOPS)
    return start


def _words(text: str, start: int, end: int) -> list[tuple[str, int]]:
    """The segmenter's words of ``text[start:end]`` with their offsets."""
    words, at = [], start
    for word, _ in tagged(text[start:end]):
        words.append((word, at))
        at += len(word)
    return words


def find_in_sentence(text: str, sentence: Sentence, section: Section | None) -> list[Candidate]:
    """Programs named in one sentence, by their suffix (see the module docstring)."""
    found: list[Candidate] = []
    floor, limit = sentence.start, sentence.end
    for match in SUFFIX.finditer(text, floor, limit):
        s, e = match.span()
        quoted = inside_quotes(text, s, e, floor)
        if quoted and quoted[1] - 1 == e and text[e] in "”’":
            if match.group().endswith("行动") and text.startswith("计划", e + 1):
                continue  # “鲲鹏行动”计划: the name goes on after the quotes
            # the suffix closes a quoted name: the name is what the quotes hold
            q_start = quoted[0]
            if text.startswith(_MODIFIES, e + 1):
                continue
            cand = _candidate(text, q_start + 1, e, sentence, section, via="rule",
                              level=_level_before(text, q_start, floor))
            if cand is not None:
                cand.start, cand.end = q_start, e + 1
                cand.counted = bool(_FIGURE_AFTER.match(text, e + 1))
                found.append(cand)
            continue
        inner_floor = quoted[0] + 1 if quoted else floor
        # a suffix right after a quoted core closes a coined name whatever follows it
        # (现就实施“棠溪英才”工程提出如下意见)
        if not _follow_ok(text, e, quoted[1] - 1 if quoted else limit) \
                and not (s > floor and text[s - 1] in "”’"):
            continue
        start = _start(text, s, inner_floor)
        start = skip_numbering(text, start, s)
        period = text.rfind("期间", start, s)
        if period >= 0:
            start = period + 2  # “十四五”期间谋划储备…重大项目: the period is no part of a name
        if start >= s:
            continue
        # verbs, prepositions or pronouns the stop words missed before a generic reference make
        # no name: 牵头承担市级科技项目 is 市级科技项目 (a coined name after a word the segmenter
        # takes for a verb stays whole: 选调生源头工程); the name's own verb stays (培育项目)
        cut = leading_cut(text, start, e, keep=e - s + _head_verb(text, start, s))
        if cut > start and generic(text[cut:e]):
            continue
        cand = _candidate(text, start, e, sentence, section, via="rule")
        if cand is None:
            continue
        if match.group().startswith("项目") and not _coined(text[start:e]) and (
                cand.counted or stop_before(text, start, floor, PROGRAM_STOPS) not in RUN_VERBS):
            continue  # an investment project (引进…项目, 完成城中村改造项目9个), not a scheme
        found.append(cand)
    return found


def find_listed(text: str, sentence: Sentence, section: Section | None) -> list[Candidate]:
    """Quoted items of a list headed by a generic program word: “海外工程师”等引才项目工程."""
    found = []
    for c_start, c_end in clauses(text, sentence.start, sentence.end):
        for enum in enumerations(text, c_start, c_end):
            head = enum.head
            if not head.startswith("等"):
                continue
            head_word = SUFFIX.search(head)
            if not head_word or not generic(head[1:head_word.end()]):
                continue
            for s, e in enum.items:
                item = text[s:e]
                if len(item) > 2 and item[0] in "“‘" and item[-1] in "”’":
                    cand = Candidate(PROGRAM, plain(item), s, e, sentence, section, via="list")
                    found.append(cand)
    return found


def heading_name(text: str, section: Section) -> tuple[int, int] | None:
    """The span of the program a heading names: the first of its clauses that ends in a suffix,
    less the verbs before the name ("聚焦科创人才，实施“秀水精英”工程" → “秀水精英”工程)."""
    start, end = section.heading_start, section.heading_end
    while end > start and text[end - 1] in "。；;：:. \t":
        end -= 1
    body = start
    if text.startswith(section.numbering, start) and not section.numbering_inferred:
        body = start + len(section.numbering)
    body = skip_numbering(text, body, end)
    while body < end and text[body] in " \t\u3000":
        body += 1  # "4.3.1 实施…计划": outline numbering is followed by a space
    for s, e in clauses(text, body, end):
        if _opens_with_preposition(text[s:e]):
            continue  # （四）对年度设备投资额…的技术改造项目，给予…: the object of 对, no name
        changed = True
        while changed:
            changed = False
            for verb in _VERBS_LONGEST_FIRST:
                # the verbs that open the clause (实施, 深化 …) are not the name's; a stop word
                # the segmenter reads as a noun there is (重点实验室建设项目)
                if text.startswith(verb, s) and e - s > len(verb) + 2 \
                        and not starts_with_noun(text[s:e], verb):
                    s += len(verb)
                    changed = True
                    break
        if SUFFIX_END.search(text[s:e]):
            return s, e
    return None


def _opens_with_preposition(clause: str) -> bool:
    """Whether the segmenter reads ``clause`` as opening with a preposition (对, 按照, 为 …)."""
    first = tagged(clause)[:1]
    return bool(first) and first[0][1] == "p"


def find_in_heading(text: str, section: Section) -> Candidate | None:
    span = heading_name(text, section)
    if span is None:
        return None
    heading = Sentence(section.heading_start, section.heading_end,
                       text[section.heading_start:section.heading_end])
    cand = _candidate(text, span[0], span[1], heading, section, via="heading")
    if cand is not None:
        cand.in_heading = True
    return cand


def find_known(text: str, sentence: Sentence, section: Section | None,
               lexicon: Lexicon) -> list[Candidate]:
    """Programs the lexicon knows, printed with or without quotes."""
    found = []
    skip = QUOTES + " \u3000"
    for _, entry, s, e in lexicon.printed_in(PROGRAM, text, sentence.start, sentence.end,
                                              skip=skip):
        cand = Candidate(PROGRAM, entry.name, s, e, sentence, section, via="lexicon")
        # take the quotes round the name in, so the span is the name as printed
        if s > sentence.start and text[s - 1] in "“‘" and e < sentence.end and text[e] in "”’":
            cand.start, cand.end = s - 1, e + 1
        level = _level_before(text, cand.start, sentence.start)
        if level:
            cand.attributes["level"] = level
        cand.counted = bool(_FIGURE_AFTER.match(text, cand.end))
        found.append(cand)
    return found


def find_programs(doc: Document, lexicon: Lexicon) -> Iterator[Candidate]:
    """Every program candidate of a document, overlapping ones included (see candidates.resolve)."""
    text = doc.text
    for section in doc.walk():
        cand = find_in_heading(text, section)
        if cand is not None:
            yield cand
    for section, sentence in doc.sentences():
        if "|" in sentence.text:
            continue
        yield from find_in_sentence(text, sentence, section)
        yield from find_listed(text, sentence, section)
        yield from find_known(text, sentence, section, lexicon)
