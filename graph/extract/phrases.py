"""The shapes of plan prose the extractors read: clauses, name boundaries, enumerations.

All functions take the document text and absolute offsets, and return absolute offsets, so every
span they find slices the source text exactly.

A name is found from its end (a suffix such as 计划 or 实验室) leftwards: over a quoted or bracketed
part in one step, and up to punctuation or a word that introduces a name (实施, 依托, 的, 等 …).

>>> text = "深入实施“鲲鹏行动”计划，依托浙江大学嘉兴研究院"
>>> text[name_start(text, text.index("计划"), 0, stops=PROGRAM_STOPS):text.index("，")]
'“鲲鹏行动”计划'
>>> [text[s:e] for s, e in clauses(text, 0, len(text))]
['深入实施“鲲鹏行动”计划', '依托浙江大学嘉兴研究院']
>>> text = "聚焦新材料、新能源、智能装备三个领域"
>>> found = enumerations(text, 0, len(text))[0]
>>> [text[s:e] for s, e in found.items], found.head
(['新材料', '新能源', '智能装备'], '三个领域')
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache, wraps
from typing import TypeVar

_T = TypeVar("_T")

OPENERS = "“‘《（(「『〈【["
CLOSERS = "”’》）)」』〉】]"
PAIRS = dict(zip(CLOSERS, OPENERS, strict=True))
CLAUSE_BREAKS = "，,；;：:。！？!?"
PUNCT = CLAUSE_BREAKS + "、/|\n\r\t \u3000…—-－+＋"

# Verbs and adverbs that introduce a name: the name starts after them.
VERBS = (
    "实施", "推进", "开展", "深化", "抓好", "启动", "推动", "融入", "入选", "遴选", "落实", "对接",
    "依托", "加快", "打造", "建设", "建立", "设立", "创建", "共建", "运营", "发挥", "强化", "升级",
    "完善", "提升", "支持", "鼓励", "引进", "引育", "培育", "聚焦", "围绕", "针对", "面向", "立足",
    "包括", "成立", "探索", "继续", "形成", "带动", "辐射", "壮大", "做优", "做强", "做精", "承接",
    "承载", "实现", "申报", "组织", "参与", "加大", "加强", "优化", "用好", "筹办", "创办", "举办",
    "落地", "纳入", "争创", "争取", "建成", "新增", "重点", "积极", "全力", "大力", "深入",
    "进一步", "全面", "高标准", "高质量", "高水平", "先后", "成功", "推出", "引导", "发展", "助推",
    "助力", "释放", "集聚", "聚集", "整合", "结合", "瞄准", "采用", "运用", "利用", "通过", "借助",
    "借力", "搭建", "构建", "建强", "吸引", "招引", "引入", "打响", "开辟", "加入", "主动", "拓展",
    "保障", "发现", "力争", "突出", "打好", "切实", "提高", "促进", "增强", "引领", "掌握", "具有",
    "符合", "契合", "共享", "新建", "累计", "推行", "健全", "布局", "繁荣", "串联", "连接",
    "贯通", "衔接", "位于", "地处", "坐落",
)
# The words that count a batch of things (一批 …): what follows is a class, or what a verb counts.
BATCH = "(?:一大批|一批|一系列|若干|多个|各类|一些)"
# Function words and pronouns that end the words before a name.
FUNCTION_WORDS = (
    "的", "和", "与", "及", "以及", "或", "等", "在", "为", "到", "至", "对", "把", "将", "向",
    "从", "由", "被", "让", "使", "以", "即", "其中", "我区", "全区", "本区", "我市", "本市",
    "我县", "全县", "本县", "其", "是",
    "有", "各", "各类", "该", "这", "了", "以下", "下列", "上述",
)
PROGRAM_STOPS = frozenset((*VERBS, *FUNCTION_WORDS))
_VERB_SET = frozenset(VERBS)
# A platform's name also ends at a class word it is in apposition to: 国家级平台秀洲国家高新区.
PLATFORM_STOPS = frozenset((*PROGRAM_STOPS, "平台", "载体", "品牌", "机构"))
MAX_STOP = max(len(w) for w in PLATFORM_STOPS)

# The verb of a program's own name sits right before its suffix: 培育工程, 推进计划, 提升行动.
HEAD_VERBS = frozenset(("推进", "培育", "提升", "引进", "创建", "引育", "支持", "资助", "建设",
                        "发展", "集聚", "招引", "培养", "引领"))

# 产业 followed by these is a modifier of a thing (产业园, 产业平台, 产业链), not a head.
NOT_INDUSTRY_HEAD = "园|区|基地|平台|加速器|孵化器|走廊|链|工人|合作"
_COUNT = re.compile(r"(?:[两二三四五六七八九十百千\d]+(?:大|个|类|项|种|条))")
_ITEM_JOIN = re.compile(r"以及|和|及|与")
_STOP_ITEM = re.compile("等")


def matching_open(text: str, close_at: int, floor: int) -> int | None:
    """Offset of the bracket or quote that ``text[close_at]`` closes, at or after ``floor``."""
    closer = text[close_at]
    opener = PAIRS.get(closer)
    depth = 0
    for i in range(close_at - 1, floor - 1, -1):
        if text[i] == closer and opener != closer:
            depth += 1
        elif text[i] == opener:
            if depth == 0:
                return i
            depth -= 1
    return None


def matching_close(text: str, open_at: int, ceiling: int) -> int | None:
    opener = text[open_at]
    closer = CLOSERS[OPENERS.index(opener)]
    depth = 0
    for i in range(open_at + 1, ceiling):
        if text[i] == opener:
            depth += 1
        elif text[i] == closer:
            if depth == 0:
                return i
            depth -= 1
    return None


def stop_before(text: str, pos: int, floor: int, stops: frozenset[str]) -> str | None:
    """The longest stop word that ends at ``pos`` (and starts at or after ``floor``)."""
    for size in range(min(MAX_STOP, pos - floor), 0, -1):
        word = text[pos - size:pos]
        if word in stops:
            return word
    return None


def name_start(text: str, end: int, floor: int, *, stops: frozenset[str],
               head_verbs: frozenset[str] = frozenset()) -> int:
    """Where a name that ends at ``end`` (its suffix starts there) begins, scanning left.

    A word of ``head_verbs`` right before the suffix is the name's own verb (培育工程) and does
    not end it.
    """
    pos = end
    while pos > floor:
        char = text[pos - 1]
        if char in CLOSERS:
            opened = matching_open(text, pos - 1, floor)
            if opened is None:
                break
            pos = opened
            continue
        if char in OPENERS or char in PUNCT:
            break
        word = stop_before(text, pos, floor, stops)
        if word:
            if pos == end and word in head_verbs:
                pos -= len(word)
                continue
            break
        pos -= 1
    # an item's number is not part of the name it starts with: "35.“英才计划”创业服务中心。"
    return skip_numbering(text, pos, end)


_NUMBERING = re.compile(r"(?:\d{1,2}[.．、]|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[）)]|"
                        r"[一二三四五六七八九十]{1,3}、|——)")


def skip_numbering(text: str, start: int, end: int) -> int:
    """``start`` moved past a heading number printed there ("1.", "（2）", "——")."""
    found = _NUMBERING.match(text, start, end)
    return found.end() if found else start


def _per_span(function: Callable[[str, int, int], list[_T]]) -> Callable[[str, int, int], list[_T]]:
    """``function(text, start, end)`` computed once per span: the program, platform and
    industry finders each split the same sentences into the same clauses and lists. Each call
    gets its own list (the items are not changed by the finders)."""
    cached = lru_cache(maxsize=16384)(function)

    @wraps(function)
    def once(text: str, start: int, end: int) -> list[_T]:
        return list(cached(text, start, end))

    return once


@_per_span
def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of ``text[start:end]``: split at ，；： outside quotes and brackets."""
    found = []
    depth = 0
    begin = start
    for i in range(start, end):
        char = text[i]
        if char in OPENERS and char not in CLOSERS:
            depth += 1
        elif char in CLOSERS and depth > 0:
            depth -= 1
        elif depth == 0 and char in CLAUSE_BREAKS:
            if i > begin:
                found.append((begin, i))
            begin = i + 1
    if end > begin:
        found.append((begin, end))
    return found


def inside_quotes(text: str, start: int, end: int, floor: int) -> tuple[int, int] | None:
    """The quoted span (quotes included) that holds ``start:end``, if any, looking back to floor."""
    depth = 0
    for i in range(start - 1, floor - 1, -1):
        char = text[i]
        if char in "”’》":
            depth += 1
        elif char in "“‘《":
            if depth == 0:
                close = matching_close(text, i, len(text))
                if close is not None and close >= end:
                    return i, close + 1
                return None
            depth -= 1
    return None


@dataclass(frozen=True)
class Enumeration:
    """Items listed with 、 (the last maybe joined by 和/及), and the head word after them."""

    items: list[tuple[int, int]]
    head: str
    head_end: int


_HEAD_WORD = re.compile(r"(?:产业(?!" + NOT_INDUSTRY_HEAD + r")|领域|行业|技术|的)(?=.)")


def _cut(chunk: str, *, last: bool = True) -> int | None:
    """Where the last item of a list ends inside a chunk: at 等 or a count ("三大", "两个").

    A head word with text after it also ends the item ("时尚纺织产业发明专利", "旅游领域培养")
    or an attribute (…智能装备的优势资源); a chunk "数字产业" with nothing after it is an item.
    Inside the list (a 、 follows the chunk) a head word ends an item only where the chunk goes
    on with 和/及 into the next list ("…优势产业和数字产业、…") or into a clause ("…时尚纺织产业
    发明专利授权量…、…"): in "电子信息制造、软件和信息技术服务、…" the 技术 is part of an item.
    """
    best = None
    for pattern in (_STOP_ITEM, _COUNT):
        found = pattern.search(chunk)
        if found and found.start() > 0 and (best is None or found.start() < best):
            best = found.start()
    found = _HEAD_WORD.search(chunk)
    if (
        found
        and found.start() > 0
        and (best is None or found.start() < best)
        and (last or _ITEM_JOIN.search(chunk, found.end()) or len(chunk) - found.end() > 4)
    ):
        best = found.start()
    return best


def _first_start(text: str, start: int, end: int) -> int:
    """Where a list's first item begins in its chunk: after the last stop word. A stop verb
    that ends the chunk is the item's own last word ("培育发展再生资源回收利用、…": 利用 closes
    the item, the list cannot open with an empty one)."""
    begin = name_start(text, end, start, stops=PROGRAM_STOPS)
    verb = stop_before(text, end, start, _VERB_SET) if begin == end else None
    if verb:
        begin = name_start(text, end - len(verb), start, stops=PROGRAM_STOPS)
        return begin if end - len(verb) - begin >= 2 else end
    return begin


def _split_join(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """"时尚美妆和金属新材料" → the two items; one item when there is no 和/及/与."""
    found = list(_ITEM_JOIN.finditer(text, start, end))
    if found:
        last = found[-1]
        if last.start() > start and last.end() < end:
            return [(start, last.start()), (last.end(), end)]
    return [(start, end)]


def _head_end(text: str, start: int, end: int) -> int:
    """The head after a list runs to the next 和/及 that starts a new list, or the clause end."""
    joined = _ITEM_JOIN.search(text, start, end)
    return joined.start() if joined else end


@_per_span
def enumerations(text: str, start: int, end: int) -> list[Enumeration]:
    """The 、-lists of one clause ``text[start:end]`` with their heads.

    "金属新材、纺织服装两大传统优势产业和数字产业、智能装备…等新兴产业" holds two lists; a
    chunk that closes one list with its head may open the next after 和/及.
    """
    chunks: list[tuple[int, int]] = []
    begin = start
    depth = 0
    for i in range(start, end):
        char = text[i]
        if char in OPENERS and char not in CLOSERS:
            depth += 1
        elif char in CLOSERS and depth > 0:
            depth -= 1
        elif depth == 0 and char == "、":
            chunks.append((begin, i))
            begin = i + 1
    chunks.append((begin, end))
    if len(chunks) < 2:
        return []
    found: list[Enumeration] = []
    items: list[tuple[int, int]] = []
    first_start, first_end = chunks[0]
    items.append((_first_start(text, first_start, first_end), first_end))
    for index, (c_start, c_end) in enumerate(chunks[1:], start=1):
        last = index == len(chunks) - 1
        cut = _cut(text[c_start:c_end], last=last)
        if cut is None and not last:
            items.append((c_start, c_end))
            continue
        item_end = c_start + cut if cut is not None else c_end
        items.extend(_split_join(text, c_start, item_end))
        if not last and text.startswith("等", item_end) and not _ITEM_JOIN.search(
                text, item_end, c_end):
            # "…佳成创业园等国家级、省级众创空间和孵化器": the head after 等 runs on past its 、
            found.append(Enumeration([(s, e) for s, e in items if e > s], text[item_end:end], end))
            items = []
            break
        head_end = _head_end(text, item_end, c_end)
        found.append(Enumeration(
            [(s, e) for s, e in items if e > s], text[item_end:head_end], head_end
        ))
        items = []
        if head_end < c_end and not last:
            # the chunk goes on after 和/及 with the first item of the next list
            joined = _ITEM_JOIN.match(text, head_end)
            items.append((joined.end() if joined else head_end, c_end))
    return [e for e in found if len(e.items) >= 2]


class PlainView:
    """``text[start:end]`` without the characters in ``skip`` (quotes), to find names printed
    with or without them; each span found is in offsets of ``text``.

    >>> text = "入选省“鲲鹏行动”计划"
    >>> [text[s:e] for s, e in PlainView(text, 0, len(text), "“”").find("鲲鹏行动计划")]
    ['鲲鹏行动”计划']
    """

    def __init__(self, text: str, start: int, end: int, skip: str) -> None:
        self.view, self._kept = _plain_view(text[start:end], skip)
        self._start = start

    @cached_property
    def offsets(self) -> Sequence[int]:
        """The offset in ``text`` of each character of the view (made when a span is asked
        for: most views are only searched, and find nothing)."""
        # a view with nothing left out is the text itself: its offsets are a range
        start = self._start
        if self._kept is None:
            return range(start, start + len(self.view))
        return [start + i for i in self._kept]

    def find(self, needle: str) -> list[tuple[int, int]]:
        """Spans of every occurrence of ``needle``."""
        found = []
        at = self.view.find(needle) if needle else -1
        while at >= 0:
            found.append((self.offsets[at], self.offsets[at + len(needle) - 1] + 1))
            at = self.view.find(needle, at + 1)
        return found


@lru_cache(maxsize=4096)
def _plain_view(segment: str, skip: str) -> tuple[str, tuple[int, ...] | None]:
    """``segment`` without the characters of ``skip``, and the offset of each character kept
    (None when none is left out). Cached: the finders each look at the same sentences."""
    view = segment.translate(_deletions(skip)) if skip else segment
    if len(view) == len(segment):
        return segment, None
    return view, tuple(i for i, c in enumerate(segment) if c not in skip)


@lru_cache(maxsize=64)
def _deletions(skip: str) -> dict[int, None]:
    """The ``str.translate`` table that removes the characters of ``skip``."""
    return {ord(c): None for c in skip}
