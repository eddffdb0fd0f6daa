"""Platforms: labs, institutes, zones, parks, towns, incubators, stations, 谷 … with their kind.

A platform name ends in a platform-kind word of the lexicon's platform-kind scheme (实验室,
研究院, 高新区, 产业园, 小镇, 人才飞地, 科学谷 …); the longest suffix gives the kind. The name runs
left to the word that introduces it, over quoted and bracketed parts: 建设西塞“科学谷”,
高标准运营“浙富西溪堂”杭州人才飞地, 中国乌克兰金属新材料(湖州)研究院.

A kind word alone, or with only generic words before it (省级重点企业研究院, 院士专家工作站,
市级以上众创空间), names a kind, not a platform. For the kinds too common to mark a name alone
(中心, 基地, 工作站 …, the lexicon's "needs name" collection) a name needs a place, an
institution, quotes or brackets: 浙江大学光电创新中心 is a platform, 矛盾调解中心 is not.

Items of a list whose head is a class of platforms ("…、吴兴梦工场、佳成创业园等国家级、省级众创
空间和孵化器", "…等人才服务机构") are platforms too, with or without a kind word.

>>> from plankg.graph.extract.lexicon import load_lexicon
>>> text = "建设西塞“科学谷”，加快省级重点企业研究院建设，依托浙江大学光电创新中心。"
>>> finder = PlatformFinder(load_lexicon())
>>> found = finder.in_sentence(text, Sentence(0, len(text), text), None)
>>> for cand in sorted(found, key=lambda c: c.start):
...     print(cand.kind, cand.name, cand.attributes.get("platform_kind"))
platform 西塞科学谷 谷
platform-kind 研究院 None
platform 浙江大学光电创新中心 创新中心
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from plankg.graph.extract.candidates import Candidate
from plankg.graph.extract.departments import Jurisdiction, jurisdiction
from plankg.graph.extract.facts import INDUSTRY, PLATFORM
from plankg.graph.extract.industries import BROAD_SECTORS, SECTOR_WORDS, item_headings
from plankg.graph.extract.lexicon import Lexicon, PlatformKind, kind_suffixes
from plankg.graph.extract.names import plain, platform_name
from plankg.graph.extract.phrases import (
    BATCH,
    CLOSERS,
    PLATFORM_STOPS,
    PUNCT,
    VERBS,
    clauses,
    enumerations,
    inside_quotes,
    matching_close,
    name_start,
    stop_before,
)
from plankg.graph.extract.segment import leading_cut, tagged
from plankg.graph.text.document import Document, Section, Sentence

PLATFORM_KIND = "platform-kind"  # a kind of platform mentioned without a name; name is its label

# Words that do not tell one platform from another; what is left of a name without them and
# without its kind word must be two characters or more for a name.
GENERIC_WORDS = tuple(sorted((
    "国家级", "省级", "市级", "区级", "县级", "及以上", "以上", "国家", "省市", "全省", "全市",
    "省内外", "省内", "国内外", "国内", "全区", "城市", "中央", "五星级", "星级", "绿色", "重点",
    "科技企业", "企业", "科技", "创新", "创业", "双创", "协同", "技术", "研发", "研究", "产业",
    "人才", "海外", "国际", "新型", "高端", "高能级", "公共", "共性", "工程师", "工程",
    "特色产业", "特色", "专业", "示范", "小微", "合作", "联合", "科研", "重要", "各类",
    "一批", "若干", "二级", "青年", "社区", "基层", "农村", "农民", "实训", "孵化", "综合", "服务",
    "功能性", "高水平", "高质量", "本地", "区域", "行业", "领军", "龙头", "大型", "知名", "一流",
    "高端化", "专业化", "国际化", "市场化", "众创", "创客", "科创", "高校", "院所", "科研院所",
    "高等院校", "工作", "建设", "发展", "域外", "海内外", "异地", "园区", "跨国公司", "各", "级",
    "省", "市", "区", "县", "等",
), key=len, reverse=True))
# A list item that ends in one of these names a class of bodies, not one platform.
CLASS_WORDS = ("平台", "载体", "机构", "体系", "联盟", "协会", "阵地", "网络", "系统")
# The head of a list of platforms: a class word, not followed by a program suffix.
_PLATFORM_HEAD = re.compile(r"^(?:等)[^，。；]*?(平台|载体|机构|基地|空间|孵化器|加速器|园区|园|"
                            r"研究院|中心|工作站|实验室)(?!.*?(?:计划|工程|行动|项目))")
# (大学生 are students, not a university: 大学生就业见习基地 is a kind of base)
_INSTITUTION = re.compile(r"大学(?!生)|学院|集团|公司|研究所|研究院|科学院|医院|交大|理工|工大|"
                          r"[A-Za-z]")
_PLACE_UNIT = re.compile(r"^[\u4e00-\u9fff]{2,3}?(?:省|市|县)|^[\u4e00-\u9fff]{2,3}?区(?!域)")
_COUNT_AFTER = re.compile(r"\d+(?:\.\d+)?[家个所座]")
# A level with 级 opening a name makes it a designation that many platforms hold (省级现代农业
# 产业园, 国家级经济技术开发区), not one platform's name.
LEVEL_FIRST = re.compile(r"(?:国家|省|市|县|区)级")
# the verbs that give a platform a title, right before the title (创建为国家现代农业产业园)
_DESIGNATED = re.compile(r"(?:创建为|认定为|创建成为|创成|争创|获批)$")
_OWN_LEVEL = re.compile(r"[省市区县](?![级域场内外属直镇民])")
_BRACKETS = re.compile(r"[（(][^）)]*[）)]")
# Brackets that hold other levels of the same kind name no one platform: 服务中心（站）,
# 文明实践中心（所、站）, 村（社区）综合性文化服务中心.
_LEVEL_BRACKETS = re.compile(r"[（(](?:[所站室点村镇乡]|社区|街道|乡镇|、)+[）)]")
# Many places before a kind word make a class: 长三角城市开发区, 沿海地区产业园
_PLACES_CLASS = re.compile(r"(?:城市|地区|各地|沿线)$")
# "一批" (若干, 各类 …) with the names joined after it, up to where a name starts: a class
_BATCH_BEFORE = re.compile(BATCH + r"[^，。；：,;:]*?(?:和|及|与|、)?$")
# …or opening the would-be name: 一批“老厂房+文创”特色街区 (a quoted part made it look named)
_BATCH_FIRST = re.compile(BATCH)
# a grade (国家4A级旅游景区, 5A级景区): a title many hold; a count of a group (云湖两大景区)
_GRADED = re.compile(r"[1-5１-５]?[AＡ]级")
_GROUP_COUNT = re.compile(r"[两二三四五六七八九十]大")
# quotes around a theme (“5G+工业互联网”示范园区, “互联网+”): a title to win, no coined name
_QUOTED_THEME = re.compile(r"[“‘][^”’]*\+[^”’]*[”’]")
# a scale opening a would-be name: 千亿级电子信息产业走廊 is an aim of a size, no one platform
_SCALE_FIRST = re.compile(r"(?:[\d一二三四五六七八九十两百千万]+亿?|[百千万]?亿)级")
# a firm's name going on after the kind word: 赣湄光谷照明有限公司 is a company, not a 光谷
_FIRM_AFTER = re.compile(r"([\u4e00-\u9fff]{0,6}?)(?:股份有限公司|有限责任公司|有限公司)")
# jieba's tags of a spot's name: a place, a space or direction, a proper name (城北, 江北, 白沙;
# not 核心, a common noun: 核心港区 is a kind)
_SPOT_TAGS = frozenset(("s", "ns", "f", "nr", "nrt", "nz"))
_COUNTS = re.compile(r"若干个?|[\d一二三四五六七八九十两百千]+[个家所座]")
# After a one-character kind word (谷) the name must end: 五谷丰登 and 两谷一室 are no platforms.
_AFTER_SHORT = re.compile(r"[^\u4e00-\u9fff]|建设|等|为|的|和|与|及|基础|发展|作为|成为|打造|"
                          r"[一二三四五六七八九十]期")
MAX_BRACKET = 8


# A quoted name introduced by the class of a software system is no platform: 人才工作数字化平台
# “秀洲人才大数据中心”, 人才综合信息网站“人才e家”.
_DIGITAL_CLASS = re.compile(r"(?:数字化?|信息|数据|网络|在线|线上|云)[\u4e00-\u9fff]{0,4}?"
                            r"(?:平台|网站|系统|应用)$")
# The level word a plan's region ends in, from its title: 澄岚县人才发展“十四五”规划 → 县.
_TITLE_LEVEL = re.compile(r"^[\u4e00-\u9fff]{2,6}?([区县市])")


_YEAR_FIRST = re.compile(r"\d{4}年(?:前|底|末)?")

# A 中心, 基地 or 城 that a place alone marks as a proper name is a platform only when it is
# for talent, innovation or a sector (市人才服务中心, 金渡保税物流中心, 雁溪技术转移中心,
# 鹊山公共实训基地, 渚湾智能家居城): with a place, 市体育中心, 市民文化中心 and
# 市疾病预防控制中心 are public buildings, not platforms (issue 12, convention 4).
PURPOSE_KINDS = frozenset(("中心", "基地", "城"))
# …科创城, …科技城: a city of innovation is a platform though no sector ends its name
_INNOVATION_CITY = ("科创", "科技", "创新")
CITY = "城"
_PURPOSE = re.compile(r"人才|创新|创业|科创|科技|技术|研发|研究|孵化|实训|技能|培训|知识产权|"
                      r"人力资源|招商|引才|引智|成果|转化|检验|检测|认证|交易|设计|专家|院士|"
                      r"博士|双创|众创|数字|联运|集散|分拨|中转|转运|冷链|研学|运动")
# The units that a plan's own places are printed with (渚湾街道, 青螺洲片区, 金渡港区, 雁溪高新区,
# 鹊山经济开发区): the word before one is a place of the plan, and marks a 中心 or 基地 named
# after it (雁溪技术转移中心).
_PLACE_UNITS = re.compile(r"街道|片区|港区|高新区|高新技术产业开发区|经济技术开发区|经济开发区|"
                          r"开发区|新区")
# towns, townships and villages (云溪镇, 竹山乡, 石板村), not the words 乡村, 乡镇, 村民 …
_TOWN_UNITS = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:镇(?![村街])|乡(?![村镇土贤愁])|"
                         r"村(?![民级庄落委集组社镇]))")
MIN_TOWN_MENTIONS = 2


def own_level(title: str) -> str | None:
    """The level word the plan uses for its own region (区, 县, 市), from its title."""
    found = _TITLE_LEVEL.match(title)
    return found.group(1) if found else None


def _alternation(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern that finds one of ``words`` in a text exactly when the text holds one."""
    words = sorted(set(words), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)) if words else r"(?!)")


class PlatformFinder:
    def __init__(self, lexicon: Lexicon, *, level: str | None = None) -> None:
        """``level``: the plan's own level word (县); 县人才服务中心 is then the county's own."""
        self.lexicon = lexicon
        self.level = level
        self.suffixes = kind_suffixes(lexicon.kinds)
        self.places = sorted({label for label in lexicon.labels("region")}, key=len, reverse=True)
        self.kind_words = {s for s, _ in self.suffixes}
        # an empty suffix would be found anywhere: then the pattern matches every sentence
        words = [re.escape(s) for s, _ in self.suffixes]
        self._any_suffix = re.compile("" if not all(words) else "|".join(words) or r"(?!)")
        # the first (suffix, kind) of self.suffixes for each suffix, with its position, and the
        # lengths of suffixes: _suffix_at looks up the few tails of a name, not every suffix
        self._suffix_first: dict[str, tuple[int, tuple[str, PlatformKind]]] = {}
        for i, pair in enumerate(self.suffixes):
            self._suffix_first.setdefault(pair[0], (i, pair))
        self._suffix_lengths = sorted({len(s) for s, _ in self.suffixes})
        # one alternation each for "holds one of these words" (one scan instead of one per word)
        self._any_place = _alternation(self.places)
        self._zone_word = _alternation([k for k in self.kind_words if len(k) >= 3])
        self._any_industry = _alternation(
            label for label in lexicon.labels(INDUSTRY) if len(label) >= 2)

    def add_places(self, places: Iterable[str]) -> None:
        """Places of this plan besides the lexicon's (document_places)."""
        self.places = sorted({*self.places, *places}, key=len, reverse=True)
        self._any_place = _alternation(self.places)

    # --- is a printed name a proper name? --------------------------------------------------
    def residue(self, name: str, suffix: str) -> str:
        """What is left of ``name`` without its kind word, brackets, places and generic words."""
        rest = plain(name)
        if suffix and rest.endswith(suffix):
            rest = rest[: -len(suffix)]
        rest = _COUNTS.sub("", _BRACKETS.sub("", rest.replace("（", "(").replace("）", ")")))
        for word in GENERIC_WORDS:
            rest = rest.replace(word, "")
        return rest

    def has_place(self, name: str) -> bool:
        if self._any_place.search(name):
            return True
        if _OWN_LEVEL.match(name):
            return True  # 县人才服务中心: the plan's own county
        found = _PLACE_UNIT.match(plain(name))
        return bool(found) and not any(found.group().endswith(k) for k in self.kind_words)

    def _own(self, name: str) -> bool:
        return bool(self.level) and _OWN_LEVEL.match(plain(name)) is not None \
            and plain(name)[0] == self.level

    def named(self, printed: str, name: str, suffix: str, kind: PlatformKind) -> bool:
        if re.sub(r"[（）()]", "", plain(name)) in self.kind_words:
            return False  # 院士（专家）工作站 is the kind 院士专家工作站 with brackets
        if LEVEL_FIRST.match(plain(name)) and not (
            any(q in printed for q in "“‘") or _INSTITUTION.search(name)
        ):
            return False  # 创建为省级现代农业产业园, 认定为市级农业科技园区: a designation
        if _QUOTED_THEME.search(printed) and not self.has_place(name):
            return False  # 建设“5G+工业互联网”示范园区: a theme, the title a zone is to win
        before_kind = plain(name)[: -len(suffix)] if suffix else plain(name)
        # a zone named before the kind word locates the platform: 高新区科技创业园
        zoned = self._zone_word.search(before_kind) is not None
        if len(self.residue(name, suffix)) < 2 and not zoned:
            # the plan's own level word names its region: 县人才服务中心 is the county's one
            # (县城, 市城 are the towns themselves)
            return kind.needs_name and self._own(name) and suffix != CITY
        if self.residue(name, suffix) in BROAD_SECTORS and not zoned \
                and not self.has_place(name):
            return False  # 农业科技园区, 工业园区: a broad sector alone names a class of parks
        if not kind.needs_name:
            return True
        if suffix == CITY and not (self.sector_ended(before_kind)
                                   or before_kind.endswith(_INNOVATION_CITY)):
            return False
        if (
            any(q in printed for q in "“‘") or "·" in name
            or bool(_BRACKETS.search(_LEVEL_BRACKETS.sub("", name)))
            or bool(_INSTITUTION.search(name))
        ):
            return True
        if not self.has_place(name) and not _LANDFORM_NAME.match(plain(name)):
            return False
        return suffix not in PURPOSE_KINDS or self.for_purpose(before_kind)

    def sector_ended(self, modifier: str) -> bool:
        """Whether ``modifier`` ends in a sector word or an industry of the lexicon: a 城 is
        a trade or industry centre (智能家居城), not 数字经济第一城 or 三地一城."""
        return any(found.end() == len(modifier) for pattern in (SECTOR_WORDS, self._any_industry)
                   for found in pattern.finditer(modifier))

    def for_purpose(self, modifier: str) -> bool:
        """Whether a 中心 / 基地 is for talent, innovation or a sector: its modifier holds such
        a word, a sector word or an industry of the lexicon."""
        return bool(_PURPOSE.search(modifier) or SECTOR_WORDS.search(modifier)
                    or self._any_industry.search(modifier))

    # --- finding -------------------------------------------------------------------------------
    def _suffix_at(self, text: str, end: int, floor: int) -> tuple[str, PlatformKind] | None:
        """The first (suffix, kind) of ``self.suffixes`` that ``text[floor:end]`` ends with."""
        best: tuple[int, tuple[str, PlatformKind]] | None = None
        for length in self._suffix_lengths:
            if end - length < floor:
                break
            hit = self._suffix_first.get(text[end - length:end])
            if hit is not None and (best is None or hit[0] < best[0]):
                best = hit
        return best[1] if best is not None else None

    def _past_verbal_noun(self, text: str, start: int, end: int, floor: int, keep: int) -> int:
        """``start`` moved left past a stop verb that the segmenter reads as a verbal noun after
        a noun (人才发展), when the longer name then holds a place; else ``start``."""
        word = stop_before(text, start, floor, PLATFORM_STOPS)
        if word is None or word not in VERBS:
            return start
        at = start - len(word)
        wider = name_start(text, at, floor, stops=PLATFORM_STOPS)
        wider = leading_cut(text, wider, end, keep=keep)
        if wider >= at:
            return start
        tags = tagged(text[wider:end])
        offset, previous = wider, ""
        for w, tag in tags:
            if offset == at:
                if w == word and tag == "vn" and previous.startswith("n") \
                        and self.has_place(text[wider:end]):
                    return wider
                break
            offset, previous = offset + len(w), tag
        return start

    def _bracket_after(self, text: str, end: int, limit: int) -> int:
        """A short bracket right after the kind word is the name's when it holds a place:
        …长三角研究院（嘉兴）; a note on the platform is not (…制造业创新中心（争创）,
        …研究院（省级新型研发机构））."""
        if end < limit and text[end] in "（(":
            close = matching_close(text, end, limit)
            if close is not None and close - end - 1 <= MAX_BRACKET \
                    and self._place_note(text[end + 1:close]):
                return close + 1
        return end

    def _place_note(self, content: str) -> bool:
        """Whether a bracket's content names a place, not a level, a class or an act."""
        if re.search(r"级|[省市区县]属", content) or content.endswith(CLASS_WORDS):
            return False
        return not any(tag in ("v", "vd", "vn") for _, tag in tagged(content))

    def _over_dash(self, text: str, start: int, floor: int) -> int:
        """``start`` moved left over a place joined to the name by a dash: 岑川—滨海产业合作园
        (a park two places build together) is one name."""
        if start - 1 <= floor or text[start - 1] not in "—－-":
            return start
        dash = start - 1
        while dash > floor and text[dash - 1] in "—－-":
            dash -= 1
        before = name_start(text, dash, floor, stops=PLATFORM_STOPS)
        before = leading_cut(text, before, dash, keep=0)
        place = text[before:dash]
        if 2 <= len(place) <= 6 and self.has_place(place):
            return before
        return start

    def _past_inner_platform(self, text: str, start: int, at: int) -> int:
        """``start`` moved past a platform named before a verb inside the would-be name:
        岑川经济开发区获批省级开发区 is a platform, a verb and a kind, not one name."""
        pos, seen_kind, cutting = start, False, False
        for word, tag in tagged(text[start:at]):
            pos += len(word)
            if pos >= at:
                break
            if (seen_kind and tag in ("v", "vd")) or (cutting and tag in ("q", "m", "u")):
                start, seen_kind, cutting = pos, False, True  # 获 / 批 (jieba cuts 获批 so)
                continue
            cutting = False
            seen_kind = seen_kind or self._suffix_at(text, pos, start) is not None
        return start

    def in_sentence(self, text: str, sentence: Sentence,
                    section: Section | None) -> list[Candidate]:
        found: list[Candidate] = []
        floor, limit = sentence.start, sentence.end
        if not self._any_suffix.search(text, floor, limit):
            return found  # no kind word in the sentence: one scan instead of one per suffix
        taken: set[int] = set()
        for suffix, kind in self.suffixes:
            at = text.find(suffix, floor, limit)
            while at >= 0:
                end = at + len(suffix)
                if end not in taken and self._suffix_at(text, end, floor) == (suffix, kind):
                    taken.add(end)
                    cand = self._at(text, at, end, suffix, kind, sentence, section)
                    if cand is not None:
                        found.append(cand)
                at = text.find(suffix, at + 1, limit)
        return found

    def _at(self, text: str, at: int, end: int, suffix: str, kind: PlatformKind,
            sentence: Sentence, section: Section | None) -> Candidate | None:
        floor, limit = sentence.start, sentence.end
        if len(suffix) == 1 and not (end >= limit or _AFTER_SHORT.match(text, end)
                                     or text[end] in CLOSERS):
            return None
        quoted = inside_quotes(text, at, end, floor)
        if quoted and name_start(text, at, quoted[0] + 1, stops=PLATFORM_STOPS) > quoted[0] + 1:
            quoted = None  # “红船旁的国家高新区”: the name starts inside the quotes
        appositive, of_port = None, False
        if quoted and quoted[1] - 1 == end and text[end] in "”’":
            content = text[quoted[0] + 1:end]
            before = name_start(text, quoted[0], floor, stops=PLATFORM_STOPS)
            if _DIGITAL_CLASS.search(text, floor, quoted[0]):
                return None
            if len(self.residue(content, suffix)) >= 2:
                # the quotes hold a name; a kind word before them is in apposition (人才飞地
                # “秀水新区上海创新中心”), other words are the name's (澄岚“智造谷”)
                start, end = quoted[0], end + 1
                prefix = self._suffix_at(text, start, before)
                if prefix is not None:
                    appositive = prefix[1]
                elif before < start:
                    start = before
            else:
                # 西塞“科学谷”: the quotes hold the kind word, the name starts before them
                start, end = before, end + 1
        else:
            quoted = inside_quotes(text, at, end, floor)
            inner_floor = quoted[0] + 1 if quoted else floor
            start = name_start(text, at, inner_floor, stops=PLATFORM_STOPS)
            if len(self.residue(platform_name(text[start:end]), suffix)) < 2:
                # 组建遂宁人才发展研究院: the stop verb 发展 is a noun of the name there, which
                # only a place before it makes a proper name
                start = self._past_verbal_noun(text, start, end, inner_floor, len(suffix))
            # a verb or preposition the stop words missed is no part of the name (扶持…, 选择…):
            # cut it while what is left is still a name (联创谷产业园 is not 谷产业园)
            start = leading_cut(text, start, end, keep=len(suffix), accept=lambda s: len(
                self.residue(platform_name(text[s:end]), suffix)) >= 2)
            # a verb (or a year) with only a kind word after it names no platform: 入驻小镇,
            # 进入国家实验室, 赋予开发区, 2025年开发区 are the kind
            year = _YEAR_FIRST.match(text, start, end)
            cut = year.end() if year else leading_cut(text, start, end, keep=len(suffix))
            if year or (cut > start
                        and len(self.residue(platform_name(text[cut:end]), suffix)) < 2):
                start = cut  # a year is never part of a name (力争2025年岑川经济开发区营业收入…)
            start = self._past_inner_platform(text, start, at)
            start = self._over_dash(text, start, inner_floor)
            start = _past_route(text, start, at, end)
            defined = text.find("指", start, at)
            if defined > start and self._any_place.match(text, defined + 1):
                start = defined + 1  # 注：核心区指禾东县现代农业产业园所在的…: a definition
            if suffix == "港区":
                # a port's district is named without its port: 岚山港城北港区 → 城北港区; a
                # port with a place in its name names its districts (城北 alone is a direction)
                port = text.rfind("港", start, at - 2)
                if port >= 0:
                    of_port = self.has_place(text[start : port + 1]) and all(
                        tag in _SPOT_TAGS for _, tag in tagged(text[port + 1 : at]))
                    start = port + 1
            end = self._bracket_after(text, end, limit)
        if text.startswith(("化", "区化"), end):
            return None  # 推动农业产业园区化发展: 园区化 is no park
        if _PLACES_CLASS.search(plain(text[start:at])):
            return None  # 长三角城市开发区: the zones of many places, a class
        printed = text[start:end]
        name = platform_name(printed)
        if not name:
            return None
        if name.startswith(("国家", "省")) and _DESIGNATED.search(text, floor, start):
            return None  # 创建为国家现代农业产业园: the title a platform is to win, no platform
        # "院士专家工作站13家", "建设市文化名家工作室2家": a count makes it a class of platforms,
        # and so does a batch before it: 建设一批创业孵化基地和返乡入乡创业园
        firm = _FIRM_AFTER.match(text, end, limit)
        if firm and not any(verb in firm.group(1) for verb in VERBS):
            return None  # not 产业园引进华为技术有限公司: a verb there ends the name
        counted = _COUNT_AFTER.match(text, end) or _BATCH_BEFORE.search(text, floor, start) \
            or _BATCH_FIRST.match(name) or _SCALE_FIRST.match(name) \
            or _GRADED.search(name) or _GROUP_COUNT.search(name)
        if counted or not (of_port or self.named(printed, name, suffix, kind)):
            if kind.needs_name or len(self.residue(name, suffix)) >= 2:
                return None
            # a kind printed without a name (院士专家工作站, 省级重点企业研究院): a kind mention
            return Candidate(PLATFORM_KIND, kind.name, start, end, sentence, section)
        cand = Candidate(PLATFORM, name, start, end, sentence, section)
        cand.attributes["platform_kind"] = (appositive or kind).name
        return cand

    def listed(self, text: str, sentence: Sentence, section: Section | None) -> list[Candidate]:
        """Items of a list of platforms: its head names a class of platforms and at least half
        of its items end in a kind word ("上海、杭州、宁波等地的科技园区" lists places)."""
        found = []
        for c_start, c_end in clauses(text, sentence.start, sentence.end):
            for enum in enumerations(text, c_start, c_end):
                if not _PLATFORM_HEAD.match(enum.head):
                    continue
                kinded = [self._suffix_at(text, e, s) for s, e in enum.items]
                if 2 * sum(1 for k in kinded if k) < len(enum.items):
                    continue
                for s, e in enum.items:
                    printed = text[s:e]
                    name = platform_name(printed)
                    if not name or name.endswith(CLASS_WORDS) or any(c in PUNCT for c in name):
                        continue
                    match = self._suffix_at(name, len(name), 0)
                    suffix = match[0] if match else ""
                    if len(self.residue(name, suffix)) < 2:
                        continue
                    cand = Candidate(PLATFORM, name, s, e, sentence, section, via="list")
                    if match:
                        cand.attributes["platform_kind"] = match[1].name
                    found.append(cand)
        return found

    def known(self, text: str, sentence: Sentence, section: Section | None) -> list[Candidate]:
        found = []
        for _, entry, s, e in self.lexicon.printed_in(PLATFORM, text, sentence.start,
                                                      sentence.end):
            cand = Candidate(PLATFORM, entry.name, s, e, sentence, section, via="lexicon")
            kind = None
            if entry.platform_kind is not None:
                kind = self.lexicon.platform_kind(entry.platform_kind)
            if kind:
                cand.attributes["platform_kind"] = kind.name
            found.append(cand)
        return found


_DASHES = "—－"
# a name that opens with a mountain's, a lake's or a river's (翠岭山森林康养基地, 云湖景区, 澜溪漂流
# 景区): a place, though no list of places holds it (高山, 深山, 江河 are no names)
_LANDFORM_NAME = re.compile(r"^(?!高山|深山|名山|矿山|江河|湖泊|山区|山水)[\u4e00-\u9fff]{1,2}"
                            r"(?:山|湖|江|河|溪|岭|峰|湾|峡|洲|岛|泉|潭|滩)(?![区地])"
                            r"[\u4e00-\u9fff]{2,}")


def _past_route(text: str, start: int, at: int, end: int) -> int:
    """``start`` moved past the stops of a route printed before the name, places joined by
    dashes ("县城—翠岭山旅游度假区—云湖温泉康养小镇"): a dash after the name, or two in it, make
    a route, whose stops are names of their own (one dash joins the two places of one name:
    岑川—滨海产业合作园)."""
    dashes = [i for i in range(start, at) if text[i] in _DASHES]
    if not dashes:
        return start
    route = len(dashes) > 1 or (end < len(text) and text[end] in _DASHES) \
        or (start > 0 and text[start - 1] in _DASHES)
    return dashes[-1] + 1 if route else start


def find_platforms(doc: Document, lexicon: Lexicon) -> Iterator[Candidate]:
    """Every platform candidate of a document, overlapping ones included.

    A 中心 or 基地 needs a place; besides the lexicon's, the plan's own places count
    (``document_places``): the sentences that hold one are read again with them.
    """
    region = jurisdiction(doc)
    finder = PlatformFinder(lexicon, level=region.level if region else own_level(doc.title))
    text = doc.text
    by_sentence: list[tuple[Section | None, Sentence, list[Candidate], list[Candidate]]] = []
    for section, sentence in doc.sentences():
        if "|" in sentence.text:
            continue
        ruled = finder.in_sentence(text, sentence, section)
        others = [*finder.listed(text, sentence, section), *finder.known(text, sentence, section)]
        by_sentence.append((section, sentence, ruled, others))
    found = [c for _, _, ruled, others in by_sentence for c in (*ruled, *others)]
    places = document_places(doc.text, region, found, finder) - set(finder.places)
    pattern = _alternation(places) if places else None
    if pattern is not None:
        finder.add_places(places)
    # a name read from a list of platforms only (串联湄江软件园、X产业园…等载体) is the same
    # platform wherever else the plan prints it ("5.湄江软件园。", a box's "4.湄江软件园：…")
    listed = sorted({c.name for c in found if c.via == "list" and len(c.name) >= 4}, key=len,
                    reverse=True)
    listed_pattern = _alternation(listed) if listed else None
    for section, sentence, ruled, others in by_sentence:
        if pattern is not None and pattern.search(sentence.text):
            ruled = finder.in_sentence(text, sentence, section)
        yield from ruled
        yield from others
        yield from _printed(text, listed_pattern, sentence, section, (*ruled, *others))
    for section, heading in item_headings(doc):
        # a numbered line no sentence holds: a box's "4.云湖温泉康养小镇：规划面积…，重点发展…"
        ruled = finder.in_sentence(text, heading, section)
        yield from ruled
        yield from _printed(text, listed_pattern, heading, section, ruled)


def _printed(text: str, names: re.Pattern[str] | None, sentence: Sentence,
             section: Section | None, found: Iterable[Candidate]) -> Iterator[Candidate]:
    """The printings of ``names`` in ``sentence`` that no candidate of ``found`` spans."""
    if names is None:
        return
    spans = {(c.start, c.end) for c in found}
    for hit in names.finditer(text, sentence.start, sentence.end):
        if hit.span() not in spans:
            yield Candidate(PLATFORM, hit.group(), hit.start(), hit.end(), sentence, section,
                            via="list")


def region_names(region: Jurisdiction) -> list[str]:
    """The plan's region and its parents, with and without the unit word: 铜陵市, 铜陵."""
    names = []
    for name in (region.name, *region.parents):
        names.append(name)
        if len(name) >= 3 and name[-1] in "省市区县":
            names.append(name[:-1])
    return names


def plan_places(text: str, region: Jurisdiction | None) -> list[str]:
    """The places of a plan that name no platform of their own: its region and parents (禾东县,
    禾东), the counties a city's plan prints (白亭县 → 白亭县, 白亭) and its towns printed twice
    (云溪镇 → 云溪); longest first. A sector or a platform named after one (白亭县商贸物流园,
    金沙县康养旅游) is named by a place."""
    places = set(region_names(region)) if region is not None else set()
    if region is not None and region.level in "市省州":
        for place in _subordinate_places(text):
            places.add(place)
            places.update(m.group() for m in re.finditer(re.escape(place) + "[县区]", text))
    places |= _towns(text, None)
    return sorted(places, key=len, reverse=True)


def document_places(text: str, region: Jurisdiction | None, found: Iterable[Candidate],
                    finder: PlatformFinder | None) -> set[str]:
    """The places a plan names besides the lexicon's: its own region (铜陵市, 铜陵), the word
    before a place unit (渚湾街道, 青螺洲片区, 雁溪高新区), and a word that opens the names of two
    platforms or more (柳滩青年创业园, 柳滩数字经济产业园 → 柳滩).

    >>> sorted(document_places("建设青螺洲片区，推进重点片区开发。", None, [], None))
    ['青螺洲']
    """
    places = set(region_names(region)) if region is not None else set()
    for unit in _PLACE_UNITS.finditer(text):
        start = name_start(text, unit.start(), max(0, unit.start() - 6), stops=PLATFORM_STOPS)
        start = leading_cut(text, start, unit.start(), keep=0)
        stem = text[start:unit.start()]
        if len(stem) > 3:
            stem = re.sub(r"^[\u4e00-\u9fff]{2}[县区市]", "", stem)  # 湄城区湄东新区 → 湄东
        if 2 <= len(stem) <= 3 and _plain_word(stem, finder):
            places.add(stem)
    if region is not None and region.level in "市省州":
        places |= _subordinate_places(text)
    places |= _towns(text, finder)
    openers: dict[str, set[str]] = {}
    for cand in found:
        if cand.kind == PLATFORM and len(cand.name) >= 5:
            openers.setdefault(plain(cand.name)[:2], set()).add(cand.name)
    places |= {word for word, names in openers.items()
               if len(names) >= 2 and _plain_word(word, finder)}
    return places


# The counties and districts a city's (or a province's) plan names: 柳泉县, 漠城区
_SUBORDINATE_UNIT = re.compile(r"(?<=[\u4e00-\u9fff]{2})[县区](?![城级域内外属直委政])")
MIN_SUBORDINATE_MENTIONS = 2
_GOVERNED = re.compile(r"([\u4e00-\u9fff]{2})[县区](?:人民政府|政府|委员会|党委)")


def _subordinate_places(text: str) -> set[str]:
    """The two-character names before 县 / 区 that a plan above the county prints at least
    twice, each a name the segmenter does not know as a common word (single characters, or one
    place or proper name: 桐岭, 枞阳; not 中心城区, 园区, 全区, 片区). A platform named after one
    (桐岭冷链物流园) is named by a place.

    >>> text = "支持桐岭县、石渡县发展。桐岭县重点发展冷链物流；中心城区，中心城区。"
    >>> sorted(_subordinate_places(text))
    ['桐岭']
    """
    counts: dict[str, int] = {}
    for unit in _SUBORDINATE_UNIT.finditer(text):
        stem = text[unit.start() - 2:unit.start()]
        counts[stem] = counts.get(stem, 0) + 1
    # a county or district with a government is a place, however the segmenter reads its name
    # (湄城区, 汀湾区: 城区 and 湾区 are words)
    governed = {m.group(1) for m in _GOVERNED.finditer(text)}
    places = set()
    for stem, count in counts.items():
        if stem in governed and not re.match(r"[一二三四五六七八九十两各本全该每我辖郊]", stem) \
                and not re.search(r"[省市县区乡镇]", stem):  # not 各市县区人民政府
            places.add(stem)
            continue
        if count < MIN_SUBORDINATE_MENTIONS or not re.fullmatch(r"[\u4e00-\u9fff]{2}", stem):
            continue
        if re.match(r"[一二三四五六七八九十两各本全该每我辖郊城]", stem) \
                or stem[1] in "的和与及、城园社":
            continue
        if any(generic in stem for generic in GENERIC_WORDS if len(generic) >= 2):
            continue
        if _unknown_or_proper(stem) and all(
                _unit_alone(stem + unit) for unit in "县区" if stem + unit in text):
            places.add(stem)
    return places


def _unknown_or_proper(stem: str) -> bool:
    """A name the segmenter reads as single characters or as one place or proper name."""
    words = tagged(stem)
    return all(len(w) == 1 for w, _ in words) or (
        len(words) == 1 and words[0][1].startswith(("ns", "nr", "nz")))


def _unit_alone(word: str) -> bool:
    """Whether the segmenter keeps the unit of ``word`` (X县, X区) apart or reads the whole as
    a place: 片区, 景区, 地区, 街区 are words of their own, so 青螺洲片区 names no 洲片."""
    words = tagged(word)
    return words[-1][0] == word[-1] or (len(words) == 1 and words[0][1].startswith("ns"))


def _towns(text: str, finder: PlatformFinder | None) -> set[str]:
    """The two-character names before 镇 / 乡 / 村 printed so at least twice, where the unit is
    no part of a word (农村, 下乡, 小镇, 古镇 are words): 云溪镇 → 云溪, 石板村 → 石板. A
    platform named after one (云溪田园综合体) is named by a place.

    >>> sorted(_towns("以云溪镇、茶坪村为核心。云溪镇建设茶园，推进农业农村发展，农业农村。", None))
    ['云溪']
    """
    counts = Counter(
        text[m.start() - 2 : m.end()] for m in _TOWN_UNITS.finditer(text)
        # the name starts a word: not 产业|强镇, 返乡|入乡
        if m.start() < 3 or len(tagged(text[m.start() - 3 : m.start() - 1])) != 1
    )
    found = set()
    for word, count in counts.items():
        stem = word[:2]
        whole = tagged(word)
        if count < MIN_TOWN_MENTIONS or len(tagged(word[1:])) == 1 \
                or (len(whole) == 1 and whole[0][1] != "ns"):
            continue  # 城乡, 下乡 are words; 石门乡 is one place the dictionary knows
        if stem[0] in "省市区县乡镇村":
            continue  # 县管乡用: a level word opens no town's name
        # a town with a government is one whatever the dictionary reads its name as (石门乡
        # 人民政府: 石门 is a common noun there)
        governed = word + "人民政府" in text
        if _plain_word(stem, finder, proper=governed):
            found.add(stem)
    return found


def _plain_word(word: str, finder: PlatformFinder | None, *, proper: bool = False) -> bool:
    """A word that may be a place: Chinese characters, no generic word (重点, 国家), no kind
    word, not one common word (unless ``proper``: known to name a place), not opening with a
    verb or a number."""
    if not re.fullmatch(r"[\u4e00-\u9fff]+", word) or re.match(r"[一二三四五六七八九十两各本全]",
                                                                 word):
        return False
    if any(generic in word for generic in GENERIC_WORDS if len(generic) >= 2):
        return False
    if finder is not None and any(k in word for k in finder.kind_words):
        return False
    # one word of the segmenter's dictionary that is no proper name (乡镇, 农业, 秀美) is no
    # place; a place the dictionary does not know is read as single characters (渚湾, 柳滩)
    words = tagged(word)
    if len(words) == 1 and not words[0][1].startswith(("ns", "nr", "nz")) and not proper:
        return False
    return leading_cut(word, 0, len(word), keep=0) == 0
