"""Industries: the items of lists headed by 产业 / 领域 / 增长点 …, and sector words in the prose.

Where an industry is read:

- an item of a 、-list whose head is an industry word:
  "数字经济、低碳经济、健康经济三大新兴产业",
  "金属新材、纺织服装两大特色产业", "聚焦新材料、新能源、智能装备三个领域",
  "光伏新能源、智能家居…和现代物流等产业" (the head is read by phrases.enumerations);
- an item of a list with another head, when most of its items are industries the lexicon knows
  ("新能源、新材料、智能制造等…公共平台"); never of a list of technologies
  ("大数据、云计算…等技术");
- two items joined by 和 before 产业: "时尚美妆和童装产业";
- a sector word: "X产业" (文化产业, 时尚产业), "X特色产业" (工艺美术), "X服务业",
  "X制造业", 建筑业;
- an industry the lexicon knows, three characters or more or followed by 产业 / 领域 / 行业.

Generic words (新兴产业, 传统产业, 主导产业, 高新技术产业) and the lexicon's "not an industry"
words (宣传, 数字政务) are no industry.

>>> from plankg.graph.extract.lexicon import load_lexicon
>>> text = "培育壮大数字经济、低碳经济、健康经济三大新兴产业，做优家居、纺织、毛衫三大传统优势产业"
>>> finder = IndustryFinder(load_lexicon(empty=True))
>>> [c.name for c in finder.in_sentence(text, Sentence(0, len(text), text), None)]
['数字经济', '低碳经济', '健康经济', '家居', '纺织', '毛衫']
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from plankg.graph.extract.candidates import Candidate
from plankg.graph.extract.facts import INDUSTRY
from plankg.graph.extract.lexicon import Lexicon
from plankg.graph.extract.names import QUOTES, plain
from plankg.graph.extract.phrases import (
    BATCH,
    NOT_INDUSTRY_HEAD,
    PROGRAM_STOPS,
    PUNCT,
    VERBS,
    Enumeration,
    clauses,
    enumerations,
    name_start,
    skip_numbering,
)
from plankg.graph.extract.segment import LEADING_TAGS, tagged
from plankg.graph.text.document import Document, Section, Sentence

INDUSTRY_HEAD = re.compile(
    r"^(?:等)?(?:[两二三四五六七八九十\d]+(?:大|个|类|项))?(?:细分|[^，。；、和的区地市分]){0,6}?"
    r"(产业集群|产业领域|产业(?!"
    + NOT_INDUSTRY_HEAD
    + r"|化|布局|技术|转移)|领域|增长点|行业(?!共性)|服务业(?!相关|专业)|制造业(?!相关|专业)|"
    r"业态)"
)
# a list's head that names its items' own sector: 等锂电材料产业 (no count, no 和)
_NAMED_HEAD = re.compile(r"^等([\u4e00-\u9fff]{2,8}?)产业(?:和|及|$)")
# a count of industrial chains after a list: "…四条重点产业链", "…两大产业链"
_COUNTED_CHAINS = re.compile(r"^(?:[两二三四五六七八九十\d]+(?:大|条|个))[^，。；、]{0,4}?产业链")
TECH_HEAD = re.compile(r"^(?:等)?[^，。；、]{0,6}?技术")
PLATFORM_HEAD = re.compile(r"^(?:等|的)?[^，。；、]{0,12}?(平台|载体|机构|基地|中心|园区)")
# Words before 产业 that make it a class of industries, not one (新兴产业, 高新技术产业).
GENERIC_SECTORS = (
    "新兴",
    "传统",
    "优势",
    "特色",
    "主导",
    "核心",
    "重点",
    "支柱",
    "标志性",
    "战略性",
    "高新技术",
    "相关",
    "上下游",
    "区域",
    "地方",
    "本地",
    "未来",
    "新",
    "各",
    "二级",
    "现代化",
    "重大",
    "战略性新兴",
    "现代",  # 现代产业(体系): but 现代物流, 现代服务业 are sectors
    "重要",
    "乡村",  # 乡村产业: the rural industries, a class (乡村旅游 is a sector)
    "农村",
)
# A 领域 list is often one of policy or research fields (市场准入、审批服务和综合监管等领域,
# 疾病筛查、临床研究等领域): its items count when at least half of them look like sectors (known to
# the lexicon or holding one of these words), else only those that do.
SECTOR_WORDS = re.compile(
    r"产业|制造|装备|服务业|经济|材料|能源|医药|电子|信息|汽车|化工|电池|"
    r"芯片|器械|物流|旅游|金融|电商|商贸|农业|食品|纺织|家居|软件|文创|环保|传媒|光电|"
    r"激光|通信|机械|机器人|零部件|加工|养殖|水产|建材|航空|零售|养老|康养|文旅|"
    r"外包|检测|风电|元器件|餐饮|民宿|住宿|创意|会展|动漫|游戏|影视|设计|发电|数据|手工艺"
)
# the broad sectors that name a class of parks, not an industry one hosts (农业科技园, 工业园区)
BROAD_SECTORS = frozenset(("农业", "工业", "制造业", "服务业", "经济", "产业"))
# an industry moving towards the items of a list: "X产业向A、B转型 / 延伸"
_TOWARDS = re.compile(r"(?:产业|业)向(?:下游|上游|高端)?$")
# the same after a sector the plan names in another form (传统陶瓷向电子陶瓷、结构陶瓷…转型)
_TOWARDS_ANY = re.compile(r"向(?:下游|上游|高端)?$")
_DIRECTION = re.compile(r"下游|上游")
# one sector an industry moves to: "推动水泥、建材等产业向绿色建材转型"
_MOVED_TO = re.compile(r"向([\u4e00-\u9fff]{2,8}?)(?:转型|延伸|拓展|升级|迈进)")
# "推动陶瓷产业由日用陶瓷、建筑陶瓷向电子陶瓷…转型": the list of where an industry comes from
_FROM = re.compile(r"(?:产业|业)由$")
# "推动农产品加工由初加工向精深加工延伸": what moves from one state to another
_MOVING = re.compile(r"(?:推动|推进|引导|促进|加快|支持)([\u4e00-\u9fff]{2,8}?)由")
_TRANSITION_VERB = re.compile(r"(?:转型|延伸|拓展|升级|迈进|发展)$")
# a list's head that is itself a sector, ending in a sector word (等可再生能源, 等高端装备)
_SECTOR_HEAD = re.compile(
    r"^等(?:[两二三四五六七八九十\d]+(?:大|个|类|项))?[\u4e00-\u9fff]{0,6}(?:"
    + SECTOR_WORDS.pattern
    + r")$"
)
# a clause that develops one or two sectors, with no list: "发展工业旅游和会展经济"
_DEVELOPED = re.compile(
    r"(?:\d{1,2}[.．])?(?:[\u4e00-\u9fff]{1,5}?(?:镇|乡|街道|片区|园区))?"
    r"(?:大力|积极|加快|重点|着力|鼓励|支持|稳步|配套)?(?:发展|培育|壮大|做强|做大|做优)"
    r"([\u4e00-\u9fff]{2,17}?)(?:等(?:[\u4e00-\u9fff]{0,6}(?:" + SECTOR_WORDS.pattern + r")))?$"
)
_ITEM_JOIN_ONCE = re.compile(r"和|及|与")
# what a developed "sector" ends in when it is a service, a class, an actor or a zone
_NOT_DEVELOPED = ("服务", "产业", "主体", "区", "体系", "模式", "机制", "市场")
# a head of forms of business qualified by a sector (健康服务新业态, 旅游新业态)
_SECTOR_QUALIFIER = re.compile(SECTOR_WORDS.pattern + "|服务")
_FIELD_HEAD = re.compile(r"^(?:等)?[^，。；、]{0,6}?领域")
# the fields where a thing is applied, explored or kept safe ("推动公共数据在普惠金融、交通出行…等
# 领域开发利用", "面向政务、交通、医疗等领域开发行业解决方案", "…等重要行业领域数据安全"): uses
# and policy fields, no sectors, whatever words the items hold
_APPLIED_FIELD = re.compile(
    r"领域(?:的|中|内)?(?:开展|推进|推动|加快)?(?:科技|技术|数字化|智能化)?"
    r"(?:规模化|深度|融合|示范|推广|创新|广泛)?(?:应用|开发利用|推广|"
    r"开发行业解决方案|解决方案|积极探索|探索|先行先试|改革|监管|数据安全|安全|场景|"
    r"[“\"]?卡脖子|风险)"
)
# the fields a kind of talent works in: …等领域紧缺人才, …领域高层次人才
_TALENT_FIELD = re.compile(r"^(?:等)?(?:重点|关键|重要)?领域(?:的)?(?:急需|紧缺|急需紧缺|高层次|"
                           r"高端|专业|专业技术|领军|青年|优秀|骨干|技能|复合型|各类)?人才")
# what houses or serves industry, no industry itself (…等产业空间, …等产业载体)
_INDUSTRY_SPACE = re.compile(r"^等产业(?:空间|载体|用房|用地|设施)")
# fields a plan develops, nothing after them in the clause: its sectors
_DEVELOPED_FIELDS = re.compile(r"^等(?:细分|新兴|重点)?领域$")
_GROW_VERBS = ("发展", "培育", "壮大", "做强", "做大", "布局")
# what an industry makes, put to use in the fields after it: those fields are industries
_GOODS_USED = re.compile(r"(?:材料|产品|装备|器件|部件|芯片)在$")
# Heads that hold sectors as often as not: "引进储能电池、氢能装备等企业", "…等项目", "…等产业链",
# "…等新业态", "铜冶炼、铜加工等优势产能". Their items count as a 领域 list's do: when at least
# half look like sectors.
_SECTOR_BEARING_HEAD = re.compile(r"^等[^，。；、]{0,6}?(?:企业|项目|产业链|业态|产能)")
# a list's head that is a service sector (等科技服务, 等农业社会化服务); the service sections of
# GB/T 4754 a qualifier names without a sector word: 科学研究和技术 (科技), 租赁和商务, 信息
# 传输, 居民服务, 文化、体育和娱乐 (体育, 娱乐)
_SERVICE_HEAD = re.compile(r"^等([\u4e00-\u9fff]{2,6}?)服务$")
_SERVICE_SECTIONS = ("科技", "商务", "技术", "居民", "租赁", "生产性", "生活性", "体育", "娱乐")
# "矿山修复与生态旅游、现代农业、光伏发电等融合发展": what a thing is fused with; its items
# count as those of a list of policy fields do (体育与教育、卫生、旅游、养老等融合发展: none)
_FUSION_HEAD = re.compile(r"^等[^，。；、]{0,4}?融合")
# The same heads printed without 等, glued to the last item:
# "集聚芯片设计、封装测试和电子元器件企业",
# "对新引进的创新药、医疗器械、中药配方颗粒生产项目".
# (a short verb may follow: "吸引金融服务和科技服务企业入驻"), and 产业链 anywhere after it
# ("编制新能源汽车、集成电路设计、生物医药产业链招商图谱")
_GLUED_HEAD = re.compile(
    r"(?:龙头|骨干|领军|头部|配套)?(?:生产|制造)?(?:企业|项目)(?=[\u4e00-\u9fff]{0,4}$|\d)|产业链"
)
# the same head glued to an item inside a list that runs on into a clause (…新材料企业提供…)
# (…生物医药龙头企业开发…: what kind of enterprise is the head's)
_MID_HEAD = re.compile(r"(?:龙头|骨干|重点|领军|规上|规模以上)?(?:生产|制造)?企业|项目")
# a head that says the items are made (…生产项目, …制造企业): they are products, so sectors
_PRODUCT_HEAD = re.compile(r"^等?(?:研发)?(?:生产|制造)(?:企业|项目|基地)")
# the one-character stop words that may be the first character of a list's first word (在线教育)
_ONE_CHAR_STOPS = frozenset(w for w in PROGRAM_STOPS if len(w) == 1)
# A list with no head after a verb that develops sectors ("发展普惠金融、绿色金融和供应链金融"):
# its sector-like items count when at least half of them look like sectors.
# (引进 and the verbs that bring forms of business into a place: 引入, 导入, 植入 — jieba tags
# 植入 a noun, so the tags alone do not cut "植入文化创意、特色餐饮…等业态")
DEVELOP_VERBS = (
    "发展",
    "培育",
    "壮大",
    "做强",
    "做优",
    "做大",
    "布局",
    "引进",
    "引入",
    "导入",
    "植入",
    "孵化",
)
# a verb, a two-character noun and 和 before a subject the list cut there
_VERB_JOINED = re.compile(r"(?:" + "|".join(VERBS) + r")([\u4e00-\u9fff]{2})和$")
# a develop verb, one two-character word and 和 right before a list's first item
_JOINED_FIRST = re.compile(r"(?:" + "|".join(DEVELOP_VERBS) + r")([\u4e00-\u9fff]{2})和$")
# Modifiers that may stand before an industry in a list item and are not part of its name.
ITEM_MODIFIERS = re.compile(r"^.*?(?:特色|重点|优势|主导|核心|新兴|传统|中小)(?=.{3,})")
QUALITY = re.compile(r"^(?:高端|高水平|高质量|现代化|大力发展)")
_SECTOR = re.compile(r"(服务业|制造业|建筑业)")
_CJK_ITEM = re.compile(r"^[\u4e00-\u9fff0-9A-Za-z]{2,12}$")
# After "X产业" these words make X产业 the modifier of a thing (产业园, 产业链), not a sector.
_AFTER_SECTOR = re.compile(
    r"园|区(?!域)|基地|平台|链|联盟|集聚|工人|学院|政策|基金|导向|工程师|协会|基础|"
    r"加速器|外延|竞争力|转型|转移|走廊|发达|合作|化|技术|带头人|发展带|创新带|博览会|大会|论坛"
)
# Words that show a would-be industry is a clause, not a name (培养产业人才, 契合产业发展).
NOT_IN_NAME = (*PROGRAM_STOPS, "培养", "一批", "一支", "多元化", "人才", "企业", "技术")
# the words of NOT_IN_NAME longer than one character, as one alternation: a text holds one of
# them exactly when this finds one (one scan instead of one `in` per word)
_LONG_NOT_IN_NAME = re.compile(
    "|".join(map(re.escape, sorted({w for w in NOT_IN_NAME if len(w) > 1}, key=len, reverse=True)))
)
GENERIC_NOUNS = frozenset(("人才", "企业", "技术", "产业", "人员", "团队", "平台", "地区"))
_SECTOR_STEM = re.compile(r"^[\u4e00-\u9fff]{2,6}$")
_SECTOR_WORD = re.compile(r"产业")
MIN_STANDALONE = 3
# jieba's tags of places and directions before a sector (长三角, 城市 ns; 沿江, 沿海 f), and the
# scope words it tags as nouns (全市, 全球): where a sector is, not what it is
_PLACE_TAGS = frozenset(("ns", "f"))
_SCOPE = re.compile(r"^全[市省国球县区域]$")
# where, not what, before a sector word in prose: 县域服务业, 中心城区现代服务业, 省级现代服务业
_SCOPE_FIRST = re.compile(r"中心城区|跨区域|县域|县区|区域|地区|城区|市级|省级|国家级|国家|农村")
# words jieba tags as times that name an age of a sector, not when a clause speaks
_AGE_WORDS = ("现代", "当代", "近代", "古代", "传统")
# the tags of a word that ends a clause before a sector word: a verb or an adverb
_CLAUSE_TAGS = frozenset(("v", "vd", "ad", "d", "p", "c"))
# a place and its part before a sector (X北部锂电, X东部沿海…, 沿海地区装备制造): where the
# sector is, cut
_WHERE = re.compile(
    r"[\u4e00-\u9fff]{1,6}?(?:[东西南北中]|东北|西北|东南|西南)部|[\u4e00-\u9fff]{0,6}?地区"
)
# the scope a list's first item may open with: "为园区生物医药、绿色食品…企业", "全市…"
_ITEM_SCOPE = re.compile(r"^(?:园区|区内|县内|市内|全[市省国县区])(?=[\u4e00-\u9fff]{2})")
# what a headless list's last item ends in when its items grow together (A、B、C协同发展) or
# as one (平台经济、共享经济规范健康发展)
_JOINT_GROWTH = re.compile(
    r"(?:深度|加快)?(?:协同|融合|联动|互动|集聚|一体化)发展|(?:规范)?(?:健康|有序)发展"
)
JOINT = "协同发展"
# two sectors a clause makes grow into each other: "推动交通运输业与旅游业融合发展",
# "推动现代物流与制造业深度融合"
_FUSED_PAIR = re.compile(
    r"(?:推动|促进|推进|加快|加强|深化|实现)([\u4e00-\u9fff]{2,10}?)[与和]([\u4e00-\u9fff]{2,10}?)"
    r"(?:深度|加快|协同)?(?:融合|联动|互动|协同)(?:发展)?(?=[，。；,;]|$)"
)
# the words of an item that names who does something, not a sector (总部企业, 青年人才)
_ACTOR_IN_ITEM = re.compile(r"企业|人才|一批|一支|团队|人员|机构")
# a count with its measure word and nothing else: 一个, 两类
_BARE_COUNT = re.compile(r"[一二两三四五六七八九十几每]+[个项类条批家大]")
# a list's head of key parts of a product ("伺服电机、减速器、控制器等关键零部件"): the products of
# a chain, not sectors
_KEY_PARTS_HEAD = re.compile(r"^等(?:关键|核心|上游|配套|基础)(?:零部件|部件|元器件|器件|材料)$")
# what serves a sector's customers (住宿、餐饮、购物…等旅游配套服务): amenities, no sectors
_AMENITIES_HEAD = re.compile(r"^等[\u4e00-\u9fff]{0,4}配套(?:服务|设施)")
# a sector word heading goods: 竹编、竹雕…等特色文创和旅游商品 are products
_AND_GOODS = re.compile(r"(?:和|及|与|、)[\u4e00-\u9fff]{0,6}?(?:商品|产品)")
# sector words that alone name a class of all industries of a kind, no industry
_CLASSES = frozenset(("服务业",))
# a list of what is taught ("开设物流管理、电子商务…等服务业相关专业"): majors, not sectors
_SUBJECTS_HEAD = re.compile(r"^等[^，。；、的]{0,6}?(?:专业|学科|课程)(?!服务|人才|技术|化)")
# a list of what is consumed ("推动汽车、家电、家居等大宗消费"): goods, not industries
_CONSUMED_HEAD = re.compile(r"^等[^，。；、]{0,4}?消费")
# a list of the goods a trade moves or keeps ("果蔬、肉类、水产品等农产品冷链物流", "…等大宗商品
# 交易"): goods, not industries; the trade after them is the sector
_GOODS_HEAD = re.compile(
    r"^等[^，。；、]{0,4}?(?:农副产品|农产品|产品|商品|货物|物资|货品)"
    r"(?:冷链|物流|仓储|配送|运输|集散|流通|交易|储运)"
)
# a line of an industrial chain's diagram ("上游：铸锻件、精密齿轮…等基础零部件", "中游：…"): its
# lists are the chain's products and links, sectors only under a sector head (…等应用领域)
_CHAIN_STAGE = re.compile(r"^(?:(?:产业链)?(?:上游|中游|下游|前端|中端|后端)(?:环节)?)[：:]")
# the stages of one firm's value chain (研发设计、生产制造、经营管理、售后服务等领域; 原料采购、
# 仓储物流、市场销售): what a firm does, in any sector, so no sector of a 领域 list
_BUSINESS_FUNCTION = re.compile(
    r"^(?:研发|设计|生产|制造|加工|采购|销售|营销|仓储|物流|配送|经营|管理|售后|服务|运维|维护|"
    r"维修|原料|原材料|市场|运营|组装|装配|包装|储运|流通|供应|交付|检测)+$"
)


# the words of a trade after an industry's name: its chain, its firms (油茶全产业链, 黄精企业)
# what follows an industry's name when it is the trade of firms or of their facilities:
# 油茶全产业链, 黄精龙头企业, 智能家居研发设计中心, 光电显示、激光器件研发生产基地
_OF_A_TRADE = re.compile(
    r"(?:全?产业链|(?:龙头|生产|加工)?企业|(?:研发|设计|生产|制造|中试){1,3}(?:基地|中心))"
)
# what joins the items of a list of names (A、B和C企业)
_NAME_JOIN = re.compile(r"[、和及与]|以及")


def _opens_phrase(text: str, at: int, lo: int) -> bool:
    """Whether a noun phrase starts at ``at``: a clause break or a mark before it, or jieba's cut
    of the four characters before it ends at ``at`` in a verb (a verbal noun too: 建设 |
    智能家居研发设计中心), adverb or function word (支持 | 油茶企业, 提高 | 油茶全产业链; not
    绿色 | 供应链管理企业, a kind of firm)."""
    start = max(lo, at - 4)
    if start == at or not "\u4e00" <= text[at - 1] <= "\u9fff":
        return True
    pos, last = start, ""
    for word, tag in tagged(text[start : at + 2]):
        if pos == at:
            return last in LEADING_TAGS or last == "vn"
        pos, last = pos + len(word), tag
        if pos > at:
            return False
    return False


def head_class(head: str) -> str:
    """What a list's head makes its items. The head word nearest the list decides
    ("等领域开展关键技术攻关" is a 领域 list, "等生产性服务业向园区集聚" a list of services)."""
    if head.startswith("的") or _INDUSTRY_SPACE.match(head):
        return "other"  # 标准厂房、研发楼宇等产业空间: buildings for industry, no industries
    if _COUNTED_CHAINS.match(head):
        return "industry"  # 聚焦A、B、C、D四条重点产业链: the chains are of these industries
    found = [
        (m.end(), cls)
        for cls, pattern in (
            ("technology", TECH_HEAD),
            ("industry", INDUSTRY_HEAD),
            ("platform", PLATFORM_HEAD),
        )
        if (m := pattern.match(head))
    ]
    return min(found)[1] if found else "other"


def sector_start(text: str, start: int, end: int) -> int:
    """Where the name of a sector printed outside a list ("X产业", "X服务业") begins, when the
    stop words let it run from ``start`` to its sector word at ``end``: past the verbs,
    prepositions, adverbs … that jieba tags at its start (保持制造业 → 制造业, 扩大服务业 →
    服务业) and past the places and scopes that stand before it (全球铜产业 → 铜产业,
    沿江现代服务业 → 现代服务业, 长三角产业 → 产业), graph/extract/segment.py. Outside a list
    no sector name opens with a word jieba tags as a verb: the modifiers it tags so (休闲, 节能,
    批发) open list items, which this does not cut; a 服务 that opens its clause is the verb
    ("…研发，服务新材料产业" → 新材料产业). A verb that would leave one character is
    the name's own (预制菜产业 stays), and a verb after a noun ends the clause before the name
    ("…的指标用于乡村产业项目" → 乡村产业)."""
    scope = _SCOPE_FIRST.match(text, start, end)
    pos = scope.end() if scope else start
    if end - pos == 1 and text[pos] in "省市区县域":
        return end  # 本县区服务业, 区域服务业 cut after 区: a level word is no sector's name
    words = list(tagged(text[pos:end]))
    while words:
        word, tag = words[0]
        if len(word) < 2 or pos + len(word) > end:
            break
        serves = word == "服务" and (pos == 0 or not "\u4e00" <= text[pos - 1] <= "\u9fff")
        if not (tag in LEADING_TAGS or tag in _PLACE_TAGS or _SCOPE.match(word) or serves
                or (tag == "t" and not word.startswith(_AGE_WORDS))):
            break  # a time (今后五年全市现代服务业) opens no name; an age (现代) does
        if tag in ("v", "vd") and 0 < end - pos - len(word) < 2:
            break
        pos += len(word)
        words.pop(0)
    at = pos
    for index, (word, tag) in enumerate(words[:-1]):
        at += len(word)
        if index and tag == "v" and len(word) > 1 and words[index + 1][1].startswith("n"):
            pos = at  # the noun before the verb (指标) is the clause's subject
    return pos


def _adverbial(stem: str) -> bool:
    """Whether the words before a sector word hold an adverb, preposition or conjunction after
    their first (以更宽视野谋划服务业: a clause; 以健康服务业为重点: 以 opens the frame)."""
    words = tagged(stem)
    if words and len(words[0][0]) == 1 and words[0][1] == "p":
        words = words[1:]
    return any(tag in ("d", "ad", "p", "c") for _, tag in words)


def _isations(text: str, enum: Enumeration) -> tuple[int, int] | None:
    """The subject glued to the first of a list of -isations (…化、…化、…化(发展)): 旅游业 of
    旅游业全域化、品质化、智慧化发展, when the first item is longer than the others by two
    characters or more."""
    if enum.head and not enum.head.startswith("发展"):
        return None
    ends = []
    for a, b in enum.items:
        if text.endswith("发展", a, b):
            b -= 2
        if b - a < 2 or text[b - 1] != "化":
            return None
        ends.append((a, b))
    (a, b), others = ends[0], ends[1:]
    longest = max(e - s for s, e in others)
    if b - a - longest < 2:
        return None
    joined = _VERB_JOINED.search(text, max(0, a - 8), a)
    if joined is not None:
        a = joined.start(1)  # 推动软件和信息技术服务业规模化: the list cut the subject at 和
    return a, b - longest


def _after_last_verb(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The part of a would-be first item after the last word of two characters or more that
    jieba tags as a verb, when two characters or more are left (高水平人才队伍支撑智能网联汽车 →
    智能网联汽车)."""
    at, cut = start, None
    for word, tag in tagged(text[start:end]):
        at += len(word)
        if tag == "m" and _COUNT_OF.fullmatch(word) and (cut is not None
                                                          or at == start + len(word)):
            cut = at  # 培养一批航空维修: what a verb counts is the item, whatever verbs it holds
            break
        if tag in ("v", "vd") and len(word) > 1:
            cut = at
    return (cut, end) if cut is not None and end - cut >= 2 else None


# a count after a verb, before what it counts (引进一批, 培育若干)
_COUNT_OF = re.compile(BATCH)


def _holds_verb(phrase: str) -> bool:
    """Whether jieba reads a word of two characters or more in ``phrase`` as a verb: a head
    that does something (等环节开发成套装备) names no sector."""
    return any(tag in ("v", "vd") and len(word) > 1 for word, tag in tagged(phrase))


def _shared_word(items: list[str]) -> bool:
    """Whether three items or more, each longer than it, all begin or all end with the same two
    characters or more: kinds of one product or craft (腊味预制菜、稻虾预制菜、山珍菌菇预制菜;
    竹编文创、竹编家居和竹编建筑装饰) that a develop verb names as sectors."""
    if len(items) < 3:
        return False
    shortest = min(map(len, items))
    prefix = _common_start(items)
    suffix = _common_start([item[::-1] for item in items])
    return 2 <= max(prefix, suffix) < shortest


def _common_start(items: list[str]) -> int:
    """How many characters all of ``items`` begin with."""
    count = 0
    for chars in zip(*items, strict=False):
        if len(set(chars)) > 1:
            break
        count += 1
    return count


def _sector_phrase(head: str) -> bool:
    """Whether the noun phrase a list's head opens with (after 等 and a count, up to its first
    verb) ends in a sector word: "竹编、蜡染、木雕等传统手工艺焕发生机" lists crafts, "…等环节
    开发成套装备" no sector (环节)."""
    found = re.match(r"^等(?:[两二三四五六七八九十\d]+(?:大|个|类|项))?", head)
    if found is None:
        return False
    phrase = ""
    for word, tag in tagged(head[found.end() :]):
        if not (tag.startswith("n") or tag in ("a", "b", "j", "vn")) or len(phrase) > 6:
            break
        phrase += word
    if SECTOR_WORDS.fullmatch(phrase) and len(phrase) == 2 and phrase != "产业" \
            and len(head) - found.end() > len(phrase):
        # "港口、铁路、海关等信息互联共享": a bare trade word the clause goes on from names no
        # sector (…等产业转移 does: what moves is industries)
        return False
    tail = list(SECTOR_WORDS.finditer(phrase))
    return bool(tail) and tail[-1].end() == len(phrase) and 2 <= len(phrase) <= 8


def _service_sector(head: str) -> bool:
    """Whether a list's head is a service sector whose branches the items are: 等科技服务,
    等农业社会化服务, 等金融服务 (a sector word or a service section of the national industry
    classification before 服务), not 等公共服务 or 等便民服务."""
    found = _SERVICE_HEAD.match(head)
    if found is None or _holds_verb(head):
        return False
    stem = found.group(1)
    if re.search(r"公共|基本|便民|政务", stem):
        return False  # 等公共体育服务: a public service, no sector
    return bool(SECTOR_WORDS.search(stem)) or stem.endswith(_SERVICE_SECTIONS)


def _is_forms_head(head: str) -> bool:
    """Whether the head word nearest a list is 业态 ("forms of business"): its items are
    sectors (休闲农业、乡村旅游…等乡村新业态) as often as activities (夜购、夜食…等夜间消费业态),
    so they count as those of a sector-bearing head do."""
    found = INDUSTRY_HEAD.match(head)
    return found is not None and found.group(1) == "业态"


def _word_spans(phrase: str) -> list[tuple[int, int, str]]:
    """jieba's words of ``phrase`` as (start, end, tag)."""
    spans, at = [], 0
    for word, tag in tagged(phrase):
        spans.append((at, at + len(word), tag))
        at += len(word)
    return spans


def _one_noun(stem: str) -> bool:
    """A one-character stem of "X产业" that names a material or product (铜产业, 煤产业): one
    character jieba tags as a noun, not a generic one (新, 各)."""
    return len(stem) == 1 and stem not in GENERIC_SECTORS and tagged(stem)[0][1] == "n"


# what a trade or service developed in a list with no head ends in (体育健身, 信用服务, 城市配送);
# the services of the state or of everyone are none (公共服务, 便民服务)
_TRADE_END = re.compile(
    r"(?:联运|配送|运输|货运|仓储|咨询|租赁|演艺|娱乐|贸易|健身|运动|商业|游|制药|中药|种植|"
    r"(?<!公共|便民|政务|基本|社会|公益|志愿|优质|综合|配套|增值|全程|政府|均等)服务)$"
)
# the verbs of change that end a clause about sectors, never a sector's name
_DEVELOPS = re.compile(r"(?:发展|转型|升级|变革|融合|提升)$")
# an -isation (专业化, 特色化) or its tail cut from a word (化方向): how firms grow, no sector
_ISATION = re.compile(r"^[\u4e00-\u9fff]{1,3}(?<![文孵])化$|^化(?![工学肥妆纤])")
# a count (52家) or a rank (第一大, 六大) inside a would-be name: a clause about sectors
_COUNT_OR_RANK = re.compile(r"\d+(?:\.\d+)?[家个所座项条名]|[一二三四五六七八九十两]大")


def fragment_ok(name: str) -> bool:
    """Whether a would-be industry is a name, not a fragment of a clause: it does not start with
    a number (3年内县), a verb, preposition or adverb (支持产业, 组建产业, 避免产业 — jieba's tags,
    graph/extract/segment.py), and is not a bare modifier of 产业 (战略性新兴) or a place
    (沿海地区产业)."""
    stem = name[:-2] if name.endswith("产业") and len(name) > 2 else name
    if not stem or re.match(r"\d+[^\dA-Za-z]", stem) or stem in GENERIC_SECTORS:
        return False  # 3年内县; but 5G通信制造 is a sector
    if re.search(r"[一二三]{2,}$", stem):
        return False  # (农村)一二三产业, 二三产业: the primary … tertiary sectors, a class
    if _COUNT_OR_RANK.search(name):
        return False  # 金融机构52家, 经济第一大产业, 六大主导服务产业: a count or a rank
    if stem.endswith(("地区", "园区", "城区", "区域")):
        return False
    if name.endswith(("公司", "集团")) or _BARE_COUNT.fullmatch(stem):
        return False  # a firm (沂桥恒达智能装备有限公司), a count (一个产业)
    if stem.endswith(("型", "级", "性")):
        return False  # a class, scale or nature of industries: 资源型产业, 百亿级, 基础性
    if name.endswith("安全"):
        return False  # 食品安全, 公共安全: a field of policy, what a sector must keep
    if re.fullmatch(r"(?:初|精深|深|精|综合利用|综合)?加工", name):
        return False  # 精深加工, 综合利用加工: a stage of processing, of no product named
    if _DEVELOPS.search(name) or name.endswith(("增长点", "增长极", "示范")):
        return False  # 产业集群化发展, 质量变革: what a sector does; 经济增长点, 智能制造示范
    if _ISATION.search(name) or name.startswith("公共") or name.endswith("平台"):
        return False  # 专业化; 公共服务, 公共文化: public goods; 国有文旅平台: a firm's kind
    # one word before 产业, a verb (支持产业); several words may open with one (休闲旅游,
    # 节能环保), and a verb listed under an industry head is a sector (冶炼、化工、建材等行业)
    if stem == name:
        return True
    words = tagged(stem)
    return not (len(words) == 1 and words[0][1] in LEADING_TAGS)


def own_sector_words(text: str, places: Iterable[str] = ()) -> frozenset[str]:
    """The words a plan itself makes sectors of: a two-character noun it prints as "X产业" three
    times or more, that ends compounds of three or more kinds (日用陶瓷, 建筑陶瓷 …) and one of
    them also as an industry (电子陶瓷产业) — the plan's own specialty with its branches, which no
    list of sector words guesses.
    Names that end in one are sector-like in that plan (日用陶瓷), the bare word is not."""
    before = Counter(
        text[m.start() - 2 : m.start()] for m in re.finditer("产业", text) if m.start() >= 2
    )
    skip = list(places)
    found = set()
    for stem, count in before.items():
        if count < 3 or not _SECTOR_STEM.match(stem) or SECTOR_WORDS.search(stem):
            continue
        if stem in GENERIC_SECTORS or stem in GENERIC_NOUNS or any(stem in p for p in skip):
            continue
        words = tagged(stem)
        if len(words) != 1 or words[0][1] != "n":
            continue
        kinds = _modifiers(text, stem)
        if len(kinds) >= 3 and _modifiers(text, stem + "产业") - set(GENERIC_SECTORS):
            found.add(stem)  # 陶瓷产业, 电子陶瓷产业; 日用陶瓷, 建筑陶瓷 …
    return frozenset(found)


def _modifiers(text: str, word: str) -> set[str]:
    """The two-character nouns printed right before ``word`` (电子 of 电子陶瓷): not a verb,
    adverb or function word (加强文化, 以及数字), not a word of the generic ones (核心, 助力)."""
    found = set()
    for m in re.finditer("([\u4e00-\u9fff]{2})" + word, text):
        words = tagged(m.group(1))
        if len(words) == 1 and words[0][1] not in LEADING_TAGS and m.group(1) not in GENERIC_NOUNS:
            found.add(m.group(1))
    return found


class IndustryFinder:
    def __init__(
        self,
        lexicon: Lexicon,
        places: Iterable[str] = (),
        own: Iterable[str] = (),
        named: Iterable[str] = (),
        bare: Iterable[str] = (),
    ) -> None:
        self.lexicon = lexicon
        # the bare sector words (康养, 会展) the plan lists as sectors of their own
        self.bare = frozenset(bare)
        # the industries the plan itself names by a list or sector rule (plan_names): sectors
        # of a 领域 list in this plan (茶叶、黄精、油茶…等领域), mentions before 企业 / 产业链
        self.named = frozenset(named)
        self._named = (
            re.compile("|".join(map(re.escape, sorted(self.named, key=len, reverse=True))))
            if self.named else None
        )
        own = sorted(own, key=len, reverse=True)
        # names ending in a word the plan makes a sector (own_sector_words): 日用陶瓷
        self._own = re.compile(".(?:" + "|".join(own) + ")$") if own else None
        self.not_industry = {plain(label) for label in lexicon.labels("not-industry")}
        self.regions = sorted({*lexicon.labels("region"), *places}, key=len, reverse=True)
        self.kind_words = [s for kind in lexicon.kinds for s in kind.suffixes if len(s) > 2]
        words = sorted(set(self.kind_words), key=len, reverse=True)
        self._kind_pattern = re.compile(
            "(?=(" + "|".join(map(re.escape, words)) + "))" if words else r"(?!)"
        )

    def known(self, name: str) -> bool:
        return self.lexicon.find(INDUSTRY, name) is not None

    def sector_like(self, name: str) -> bool:
        """Known to the lexicon or holding a sector word; not an item that opens with 产业
        (产业协作, 产业转移: what is done with industries)."""
        if name.startswith("产业"):
            return False
        return (
            self.known(name)
            or bool(SECTOR_WORDS.search(name))
            or bool(self._own and self._own.search(name))
        )

    def _qualified(self, name: str) -> bool:
        """A sector word with more before or after it than itself (数字农业, not 农业)."""
        return (
            self.known(name)
            or any(m.end() - m.start() < len(name) for m in SECTOR_WORDS.finditer(name))
            or bool(self._own and self._own.search(name))
        )

    def _ends_known(self, phrase: str) -> bool:
        """Whether ``phrase`` ends in an industry the lexicon knows (陶瓷装备制造: 装备制造)."""
        return any(
            e == len(phrase) and e - s > 2
            for _, _, s, e in self.lexicon.printed_in(INDUSTRY, phrase, 0, len(phrase))
        )

    def canonical(self, name: str) -> str:
        entry = self.lexicon.find(INDUSTRY, name)
        return entry.name if entry else plain(name)

    def _item(
        self, text: str, start: int, end: int, *, quality: bool = False
    ) -> tuple[int, int] | None:
        """An item's span less the modifiers and places before it (吴兴特色时尚美妆 → 时尚美妆).

        With ``quality`` a leading 高端 / 高水平 goes too (高端人力资源服务业), which in a list
        is part of the name (高端装备).
        """
        item = text[start:end]
        for region in self.regions:
            if item.startswith(region) and len(item) > len(region) + 1:
                start += len(region)
                item = item[len(region) :]
                first = tagged(item)[0]
                if first[1] == "f" and len(item) - len(first[0]) >= 2:
                    start += len(first[0])  # 岚江北部锂电: north of the city is where, not what
                    item = item[len(first[0]) :]
                break
        scope = _ITEM_SCOPE.match(item)
        if scope:
            start += scope.end()
            item = item[scope.end() :]
        lead = ITEM_MODIFIERS.match(item) or (QUALITY.match(item) if quality else None)
        if lead:
            start += lead.end()
        while start < end and text[start] in QUOTES:
            start += 1
        while end > start and text[end - 1] in QUOTES:
            end -= 1
        if not _CJK_ITEM.match(text[start:end]) or text[start:end] in GENERIC_NOUNS:
            return None
        return start, end

    def _is_place(self, word: str) -> bool:
        return word in self.regions or bool(re.search(r"[省市区县镇乡]$|街道$", word))

    def _industry(
        self, text: str, start: int, end: int, sentence: Sentence, section: Section | None, via: str
    ) -> Candidate | None:
        where = _WHERE.match(text, start, end)
        if where is not None and end - where.end() >= 2:
            start = where.end()  # 岚江北部锂电: the part of a place, then the sector
        name = plain(text[start:end])
        if name in self.not_industry or any(name == g + "产业" for g in GENERIC_SECTORS):
            return None
        if name in _CLASSES:
            return None  # 服务业 alone: every service, the class (as 服务业规模化 reads it)
        if not fragment_ok(name):
            return None
        return Candidate(INDUSTRY, self.canonical(name), start, end, sentence, section, via=via)

    def from_lists(
        self,
        text: str,
        sentence: Sentence,
        section: Section | None,
        enums: list[Enumeration],
        rejected: list[tuple[int, int]],
    ) -> list[Candidate]:
        """Industries listed; the items of lists that are not lists of industries go to
        ``rejected`` (子女教育、医疗健康、补贴申领…等服务内容)."""
        found = []
        enums = self._split_at_in(text, self._split_at_glued_head(text, enums), rejected)
        for enum in self._split_from_to(text, enums):
            subject = _isations(text, enum)
            if subject is not None:
                # "推动旅游业全域化、品质化、智慧化发展": a list of -isations; the sector is what
                # they are of, glued to the first
                rejected.extend([(subject[1], enum.items[0][1]), *enum.items[1:]])
                span = self._item(text, *subject)
                name = text[span[0] : span[1]] if span else ""
                if name == "服务业" or (name.endswith("产业") and len(name) <= 4):
                    continue  # 服务业规模化, 农业产业规模化: a class, not one sector
                if span and self.sector_like(name):
                    cand = self._industry(text, *span, sentence, section, via="list")
                    if cand is not None:
                        found.append(cand)
                continue
            enum = self._first_item(text, self._glued_head(text, self._transition(text, enum)))
            cls = head_class(enum.head)
            if text[enum.items[-1][1] - 1] in "和及与":
                # "天使投资、创业投资和产业投资基金": what was cut as the head is the last item
                cls = "other"
                enum = Enumeration(
                    [*enum.items[:-1], (enum.items[-1][0], enum.items[-1][1] - 1)],
                    enum.head,
                    enum.head_end,
                )
            # "重点发展研发设计、技术转移、检验检测…等科技服务业", "布局新能源、新一代信息技术…等
            # 产业": a develop verb before the list and an industry (or a service sector: …等科技
            # 服务) after it make every item a sector, whatever verbs or nouns jieba reads in it
            developed = ((cls == "industry" and not _FIELD_HEAD.match(enum.head))
                         or _service_sector(enum.head)) and any(
                text.startswith(v, enum.items[0][0] - len(v)) for v in DEVELOP_VERBS)
            # what grows together is read as a develop verb's list (共享经济: 共享 is no verb)
            developed = developed or enum.head == JOINT
            clausal = [self._clausal(text, s, e)
                       and not (developed and not _ACTOR_IN_ITEM.search(text, s, e))
                       for s, e in enum.items]
            cut = _after_last_verb(text, *enum.items[0]) if clausal[0] else None
            if (
                cut is not None
                and not any(clausal[1:])
                # two items are a list when a count opens the second (培养一批A、B等领域人才)
                and (len(enum.items) > 2
                     or (cls == "industry" and _COUNT_OF.search(text, cut[0] - 3, cut[0])))
                and not self._clausal(text, *cut)
            ):
                # the first item runs on into the clause before the list: it starts after the
                # clause's last verb ("以高水平人才队伍支撑智能网联汽车、新型储能…三大主导产业")
                rejected.append((enum.items[0][0], cut[0]))
                enum = Enumeration([cut, *enum.items[1:]], enum.head, enum.head_end)
            elif clausal[0] and not any(clausal[1:]) and len(enum.items) > 2:
                # only the first item runs on into the clause before the list or is no sector
                # (引进总部企业、金融服务、科技服务等现代服务业企业): the list is the others
                rejected.append(enum.items[0])
                enum = Enumeration(enum.items[1:], enum.head, enum.head_end)
            elif any(clausal):
                rejected.extend(enum.items)
                continue  # an item holds a verb: a list of clauses, not of industries
            spans = [span for span in (self._item(text, s, e) for s, e in enum.items) if span]
            renamed: dict[tuple[int, int], str] = {}
            if (
                cls == "industry"
                and (field := _FIELD_HEAD.match(enum.head))
                # 等产业领域 is a list of industries; 等领域为乡村产业人才… one of fields
                and not INDUSTRY_HEAD.match(enum.head[: field.end()].replace("领域", ""))
            ):
                sectors = [
                    span
                    for span in spans
                    if (self.sector_like(text[span[0] : span[1]])
                        or plain(text[span[0] : span[1]]) in self.named)
                    and not _BUSINESS_FUNCTION.match(text[span[0] : span[1]])
                ]
                # in a list of policy fields a bare sector word names the field (环保, 能源
                # beside 交通、城管、应急); a qualified one is a sector (数字农业)
                chosen = (
                    spans
                    if 2 * len(sectors) >= len(enum.items)
                    else [span for span in sectors if self._qualified(text[span[0] : span[1]])]
                )
                if _TALENT_FIELD.match(enum.head):
                    # the fields of talent (港航、航空领域人才, 物流、金融、会展等领域紧缺人才):
                    # a qualified sector word is its sector, a bare one the plan's sector of
                    # that word or none (decision 043: 会展 → 会展经济, 金融 → 现代金融)
                    chosen = [span for span in sectors if span[1] - span[0] > 2
                              and self._qualified(text[span[0] : span[1]])]
                    for span in spans:
                        sector = self._sector_of_field(plain(text[span[0] : span[1]]))
                        if span not in chosen and sector is not None:
                            chosen.append(span)
                            renamed[span] = sector
                if _DEVELOPED_FIELDS.match(enum.head) and any(
                    text.startswith(v, enum.items[0][0] - len(v)) for v in _GROW_VERBS
                ):
                    chosen = spans  # 发展智能照明、植物照明、车用照明等细分领域: sub-sectors
                if _APPLIED_FIELD.search(enum.head) and not _GOODS_USED.search(
                    text, max(0, enum.items[0][0] - 12), enum.items[0][0]
                ):
                    # where data or a technology is applied the fields are its uses; where a
                    # material or a product is, its users, the industries downstream
                    # (先进结构材料在轨道交通、航空航天…等领域的应用)
                    chosen = []
            elif cls == "industry" and not _is_forms_head(enum.head):
                chosen = spans
            elif cls == "technology":
                chosen = []
            elif (
                _SECTOR_BEARING_HEAD.match(enum.head)
                or _is_forms_head(enum.head)
                or (
                    not enum.head
                    and any(text.startswith(v, enum.items[0][0] - len(v)) for v in DEVELOP_VERBS)
                )
                or enum.head == JOINT
            ):
                # at least half of the items look like sectors; a list with no head needs two
                # (多层次、多支柱养老保险体系 is no list of sectors for its one 养老)
                # after 发展 itself, or before 业态, a trade or service counts as well
                # (发展体育健身、赛事经济和户外运动, 发展管理咨询、信用服务)
                grown = (not enum.head and text.startswith("发展", enum.items[0][0] - 2)) \
                    or _is_forms_head(enum.head)  # 网络货运、无车承运、甩挂运输等新业态
                sectors = [span for span in spans if self.sector_like(text[span[0] : span[1]])
                           or (grown and span[1] - span[0] >= 4
                               and _TRADE_END.search(text, *span) is not None)]
                headed = enum.head and enum.head != JOINT
                many = 2 * len(sectors) >= len(enum.items) and (headed or len(sectors) >= 2)
                if not enum.head and _shared_word([text[a:b] for a, b in spans]):
                    # 发展腊味预制菜、稻虾预制菜…: the kinds of one product
                    many = len(spans) == len(enum.items)
                chosen = spans if many else []
                if _is_forms_head(enum.head) and _SECTOR_QUALIFIER.search(enum.head):
                    chosen = spans  # …等健康服务新业态: the forms of a sector
            elif (_SECTOR_HEAD.match(enum.head) and not _holds_verb(enum.head)) or (
                _sector_phrase(enum.head) or _service_sector(enum.head)
            ):
                # 光伏、风电、生物质能等可再生能源: the branches of a sector, unless the head
                # goes on to goods (…等特色文创和旅游商品)
                chosen = [] if _AND_GOODS.match(text, enum.head_end) else spans
            else:
                known = [span for span in spans if self.known(text[span[0] : span[1]])]
                chosen = known if 2 * len(known) >= len(enum.items) else []
            if cls == "other" and _FUSION_HEAD.match(enum.head):
                chosen = [
                    span
                    for span in spans
                    if self.sector_like(text[span[0] : span[1]])
                    and self._qualified(text[span[0] : span[1]])
                ]
            if 2 * sum(text.endswith("区", s, e) for s, e in enum.items) >= len(enum.items):
                chosen = []  # 北部高山茶叶和黄精产业区、中部油茶和中药材产业区: a list of zones
            if _CONSUMED_HEAD.match(enum.head) or _KEY_PARTS_HEAD.match(enum.head) \
                    or _AMENITIES_HEAD.match(enum.head) \
                    or _GOODS_HEAD.match(enum.head) \
                    or _SUBJECTS_HEAD.match(enum.head) or (
                cls != "industry" and _CHAIN_STAGE.match(sentence.text)
            ):
                chosen = []
            if cls != "technology" and _PRODUCT_HEAD.match(enum.head):
                # 创新药、医疗器械…生产项目, 光电显示…研发生产基地: what is made is a sector
                chosen = spans
            rejected.extend(span for span in spans if span not in chosen)
            for s, e in chosen:
                cand = self._industry(text, s, e, sentence, section, via="list")
                if cand is not None:
                    cand.name = renamed.get((s, e), cand.name)
                    cand.head, cand.head_class, cand.head_end = enum.head, cls, enum.head_end
                    found.append(cand)
            named = _NAMED_HEAD.match(enum.head) if chosen and cls == "industry" else None
            if named is not None and self._names_sector(named.group(1)):
                # "基础锂盐、正极材料、电解液等锂电材料产业": the items' own sector is one too
                at = enum.head_end - len(enum.head) + named.start(1)
                cand = self._industry(
                    text, at, at + len(named.group(1)), sentence, section, via="list"
                )
                if cand is not None and text[at : at + len(named.group(1))] == named.group(1):
                    found.append(cand)
        return found

    def _sector_of_field(self, word: str) -> str | None:
        """The plan's sector a bare sector word of a talent field names: itself when the plan
        lists it as a sector, else its 现代 form or the one sector the plan names with it."""
        if word in self.bare:
            return self.canonical(word)
        fuller = [n for n in self.named if n != word and (n.startswith(word) or n.endswith(word))]
        if "现代" + word in fuller:
            return self.canonical("现代" + word)
        return self.canonical(fuller[0]) if len(fuller) == 1 else None

    def _names_sector(self, stem: str) -> bool:
        """Whether the stem of a list's head X产业 is a sector of its own (锂电材料), not a class
        (新兴, 战略性新兴, 特色优势) or a scope (重点, 相关)."""
        if any(stem.startswith(g) or stem.endswith(g) for g in GENERIC_SECTORS):
            return False
        return fragment_ok(stem) and self.sector_like(stem) and not _LONG_NOT_IN_NAME.search(stem)

    @staticmethod
    def _clausal(text: str, start: int, end: int) -> bool:
        """Whether a list item holds a verb or a generic noun, or opens with a function word.

        A stop-list verb counts only where jieba reads it as a verb of its own: 利用 in
        资源循环利用 is a noun, in 资源综合利用 part of one; an opening 在 only where it is a word
        of its own (在线教育 is one word)."""
        if start >= end:
            return False
        item = text[start:end]
        if re.search("[了着过]", item) and any(
            tag in ("ul", "uz", "ug") for _, _, tag in _word_spans(item)
        ):
            return True  # 通道经济创造了有利条件: an aspect particle after a verb ends a clause
        words = None
        for found in _LONG_NOT_IN_NAME.finditer(item):
            if found.group() in GENERIC_NOUNS and item.startswith("服务", found.end()):
                continue  # 信息技术服务, 企业服务: the service of that thing is a sector
            if found.group() not in VERBS:
                return True  # a function word or a generic noun (人才, 企业, 一批)
            words = words or _word_spans(item)
            if any((a, b) == found.span() and not tag.startswith("n") for a, b, tag in words):
                return True
        return text[start] in "和与及的在为以" and len(tagged(item)[0][0]) == 1

    def _moves(self, text: str, at: int) -> bool:
        """Whether what stands before ``at`` (a 向 or 由) is an industry: "X产业" / "X业", or a
        name the lexicon knows or that ends in a sector word of the plan's own (传统陶瓷)."""
        if text.endswith(("产业", "业"), 0, at):
            return True
        start = name_start(text, at, max(0, at - 10), stops=PROGRAM_STOPS)
        name = text[start:at]
        return at - start >= 2 and (
            self.known(name) or bool(self._own and self._own.search(name))
        )

    def _transition(self, text: str, enum: Enumeration) -> Enumeration:
        """The sectors an industry moves towards: "推进硫磷化工产业向精细化工、绿色化工转型",
        "推动电子信息材料产业向下游电子元器件、印制电路板延伸". The verb glued to the last item is
        split off as the head (等产业: the items are sectors)."""
        (s, _), (ls, le) = enum.items[0], enum.items[-1]
        towards = _TOWARDS_ANY.search(text, max(0, s - 12), s)
        if enum.head or towards is None or not self._moves(text, towards.start()):
            return enum
        verb = _TRANSITION_VERB.search(text, ls, le)
        if verb is None or verb.start() - ls < 2:
            return enum
        if all(text[b - 1] == "化" for _, b in [*enum.items[:-1], (ls, verb.start())]):
            return enum  # 产业向高端化、智能化、服务化发展: directions, not sectors
        first = _DIRECTION.match(text, s)
        items = [*enum.items[:-1], (ls, verb.start())]
        if first is not None and len(items) > 1:
            items[0] = (first.end(), items[0][1])  # 向下游电子元器件: 下游 is where, not what
        return Enumeration(items, "等产业", enum.head_end)

    @staticmethod
    def _first_item(text: str, enum: Enumeration) -> Enumeration:
        """The first item without the verb that opens the list (布局节能环保 → 节能环保, and
        a verb jieba tags at the start of a clause), and
        with the character a stop word took from it when jieba reads that character as the
        start of the item's first word (发展在线教育: 在 is 在线, not the preposition)."""
        (s, e), rest = enum.items[0], enum.items[1:]
        verb = next((v for v in DEVELOP_VERBS if text.startswith(v, s)), None)
        first = tagged(text[s:e])[0]
        if verb is not None and e - s - len(verb) >= 2:
            s += len(verb)
        elif (
            (s == 0 or text[s - 1] in PUNCT or text[s - 1] in ".．")
            and first[1] in ("v", "vd")
            and len(first[0]) > 1
            and e - s - len(first[0]) >= 2
        ):
            # a list that opens its clause after no verb of the stop list: the clause's own
            # verb, tagged so by jieba, opens the first item ("编制新能源汽车、…产业链招商图谱").
            # Only there: inside a clause jieba's "verbs" open real names (休闲农业, 批发零售业)
            s += len(first[0])
        elif s > 0 and text[s - 1] in _ONE_CHAR_STOPS and len(tagged(text[s - 1 : e])[0][0]) > 1:
            s -= 1
        elif (joined := _JOINED_FIRST.search(text, max(0, s - 5), s)) is not None:
            # "大力发展软件和信息服务、大数据…": a develop verb, a two-character noun and 和 before
            # the first item make one name with it (软件和信息服务)
            s = joined.start(1)
        else:
            return enum
        return Enumeration([(s, e), *rest], enum.head, enum.head_end)

    @staticmethod
    def _split_at_in(text: str, enums: list[Enumeration],
                     rejected: list[tuple[int, int]]) -> list[Enumeration]:
        """A list of things applied and of where, split at the 在 inside an item: "推动物联网、
        遥感监测、智能农机在茶叶、油茶、蔬菜等特色产业生产中的应用" is what is applied (rejected:
        tools, no sectors) and 茶叶、油茶、蔬菜, the list the head is of."""
        out = []
        for enum in enums:
            at = next((i for i, (a, b) in enumerate(enum.items) if "在" in text[a + 2 : b - 1]),
                      None)
            if at is None or (at == len(enum.items) - 1 and not enum.head):
                out.append(enum)
                continue
            a, b = enum.items[at]
            pos, turn = a, -1
            for word, tag in tagged(text[a:b]):
                if word == "在" and tag == "p" and pos - a >= 2 and b - pos > 2:
                    turn = pos
                    break
                pos += len(word)
            if turn < 0 or _holds_verb(text[turn + 1 : b]):
                out.append(enum)  # 在乡村创办家庭农场: a clause after 在, no list of places
                continue
            rejected.extend([*enum.items[:at], (a, turn)])
            out.append(Enumeration([(turn + 1, b), *enum.items[at + 1 :]], enum.head,
                                   enum.head_end))
        return out

    def _split_from_to(self, text: str, enums: list[Enumeration]) -> list[Enumeration]:
        """A list of where an industry moves from and to, split at 向:
        "推动陶瓷产业由日用陶瓷、建筑陶瓷向电子陶瓷、结构陶瓷、功能陶瓷等新型陶瓷转型升级" is the
        lists 日用陶瓷、建筑陶瓷 and 电子陶瓷、结构陶瓷、功能陶瓷, both of the industry's branches
        (head 等产业), each when half of its items look like sectors or hold the industry's stem;
        none when the list moved to does not (推动产业由低端、粗放向高端化、智能化发展)."""
        out = []
        for enum in enums:
            s = enum.items[0][0]
            at = next(
                (i for i, (a, b) in enumerate(enum.items) if "向" in text[a + 1 : b - 1]), None
            )
            if at is None or not _FROM.search(text, max(0, s - 12), s):
                out.append(enum)
                continue
            a, b = enum.items[at]
            turn = text.index("向", a + 1, b - 1)
            before = [*enum.items[:at], (a, turn)]
            after = [(turn + 1, b), *enum.items[at + 1 :]]
            last_start, last_end = after[-1]
            verb = _TRANSITION_VERB.search(text, last_start + 2, last_end)
            if not enum.head and verb is not None:
                after[-1] = (last_start, verb.start())  # …和竹编建筑装饰转型
            # the industry's own stem (竹编 of 竹编产业由…) marks its branches (竹编文创, 竹编家居)
            subject = text[name_start(text, s - 3, max(0, s - 12), stops=PROGRAM_STOPS) : s - 3]
            if text[s - 2] != "产":
                subject = ""
            if not self._branches(text, after, subject):
                out.append(enum)  # 推动产业由低端、粗放向高端化、智能化发展: no sectors
                continue
            if self._branches(text, before, subject):
                out.append(Enumeration(before, "等产业", turn))  # else products: 由传统竹篮、竹席
            out.append(Enumeration(after, "等产业", enum.head_end))
        return out

    def _branches(self, text: str, items: list[tuple[int, int]], subject: str) -> bool:
        """Whether half of ``items`` look like sectors or hold the moving industry's stem."""
        like = sum(
            self.sector_like(text[p:q]) or (len(subject) >= 2 and subject in text[p:q])
            for p, q in items
        )
        return 2 * like >= len(items)

    @staticmethod
    def _split_at_glued_head(text: str, enums: list[Enumeration]) -> list[Enumeration]:
        """Lists that run on past a head glued to one of their items, split there:
        "为园区生物医药、绿色食品、新材料企业提供检验检测、认证认可和计量校准服务" is the list
        生物医药、绿色食品、新材料 (head 等企业) and the list of what is provided, its opening verb
        (jieba's tag) cut off; "鼓励园区新能源汽车零部件、智能装备企业到…投资建厂" is one list."""
        out = []
        for enum in enums:
            last = len(enum.items) - 1
            for i, (s, e) in enumerate(enum.items[1:], start=1):
                glued = _MID_HEAD.search(text, s, e)
                if glued is None or glued.start() - s < 2 or glued.end() >= e:
                    continue
                if i == last and _GLUED_HEAD.search(text, s, e):
                    break  # 电子元器件企业入驻: _glued_head's
                head = Enumeration(
                    [*enum.items[:i], (s, glued.start())], "等" + glued.group(), glued.end()
                )
                out.append(head)
                rest = glued.end()
                for word, tag in tagged(text[rest:e]):
                    if tag not in LEADING_TAGS or rest + len(word) >= e:
                        break
                    rest += len(word)
                # the rest of the list (none when the head was glued to its last item)
                others = [(rest, e), *enum.items[i + 1 :]] if i < last else []
                enum = Enumeration(others, enum.head, enum.head_end)
                break
            if enum.items:
                out.append(enum)
        return out

    def _glued_head(self, text: str, enum: Enumeration) -> Enumeration:
        """A list whose head 企业 / 项目 is glued to its last item, without 等 or a count: the
        head split off (电子元器件企业 → 电子元器件, head 等企业)."""
        if enum.head:
            return enum
        s, e = enum.items[-1]
        joint = _JOINT_GROWTH.search(text, s, e)
        if joint is not None and joint.start() - s >= 2 and joint.end() == e:
            # "推动港航物流、临港制造、保税物流协同发展": what grows together is the list, the
            # way a develop verb's is
            items = []
            for a, b in [*enum.items[:-1], (s, joint.start())]:
                # "推动茶叶、黄精与森林康养、研学旅游融合发展": what grows into what, all items
                split = _ITEM_JOIN_ONCE.search(text, a + 2, b - 2) if b - a >= 5 else None
                items.extend([(a, split.start()), (split.end(), b)] if split else [(a, b)])
            return Enumeration(items, JOINT, enum.head_end)
        if (
            text.endswith("产业", s, e)
            and e - s - 2 >= 3
            and not any(text.endswith("产业", a, b) for a, b in enum.items[:-1])
        ):
            # "节能环保、临港物流和生态旅游产业": 产业 is the head of every item (a two-character
            # stem, 数字产业, 文化产业, is a name of its own)
            return Enumeration([*enum.items[:-1], (s, e - 2)], "产业", enum.head_end)
        glued = _GLUED_HEAD.search(text, s, e)
        if glued is None or glued.start() - s < 2:
            return enum
        head = glued.group()
        made = re.match(r"生产|制造", head)
        if made and self._ends_known(text[s : glued.start() + made.end()]):
            # 陶瓷装备制造项目: 装备制造 is a sector the lexicon knows, the head is 项目
            glued = _GLUED_HEAD.search(text, glued.start() + made.end(), e) or glued
            head = glued.group()
        # "先进装备制造产业链、电子陶瓷产业链": the head glued to every item is every item's
        others = [
            (a, b - len(head)) if head == "产业链" and text.endswith(head, a, b) and b - a > 4
            else (a, b)
            for a, b in enum.items[:-1]
        ]
        return Enumeration([*others, (s, glued.start())], "等" + head, enum.head_end)

    def sectors(
        self, text: str, sentence: Sentence, section: Section | None, listed: list[tuple[int, int]]
    ) -> list[Candidate]:
        """ "X产业", "X特色产业", "A和B产业", "X服务业" printed on their own (not in a list)."""
        found = []
        floor, limit = sentence.start, sentence.end
        for match in _SECTOR_WORD.finditer(text, floor, limit):
            s, e = match.span()
            if any(a <= s < b for a, b in listed):
                continue
            start = sector_start(text, name_start(text, s, floor, stops=PROGRAM_STOPS), s)
            if start >= s:
                continue
            word = text[start:s]
            if _LONG_NOT_IN_NAME.search(word):
                continue
            modifier = re.search(r"(?:特色|优势|主导|支柱|新兴)$", word)
            if modifier:
                # 工艺美术特色产业基地: the industry is what the modifier qualifies
                span = self._item(text, start, start + modifier.start())
                stem = text[span[0] : span[1]] if span else ""
                if (
                    len(stem) >= 2
                    and _SECTOR_STEM.match(stem)
                    and not self._is_place(stem)
                    and stem not in GENERIC_SECTORS
                ):
                    cand = self._industry(text, span[0], span[1], sentence, section, via="rule")
                    if cand:
                        found.append(cand)
                continue
            if _AFTER_SECTOR.match(text, e) or any(word.endswith(g) for g in GENERIC_SECTORS):
                continue
            joined = re.search(r"和|及|与", word)
            if joined:
                # 时尚美妆和童装产业: the head 产业 is shared by both
                for a, b in ((start, start + joined.start()), (start + joined.end(), s)):
                    span = self._item(text, a, b)
                    if span:
                        cand = self._industry(text, *span, sentence, section, via="rule")
                        if cand:
                            found.append(cand)
                continue
            stem = self._item(text, start, s) if s - start >= 2 else (start, s)
            span = self._item(text, start, e)
            if span and stem:
                span = (stem[0], e)  # a modifier is judged on the stem: 特色农业产业 stays
            if span and (_SECTOR_STEM.match(text[span[0] : s]) or _one_noun(text[span[0] : s])):
                if text.startswith(("领域", "集群"), e):
                    span = (span[0], s)  # 生物医药产业领域, 特色农业产业集群: the sector is X
                cand = self._industry(text, *span, sentence, section, via="rule")
                if cand:
                    found.append(cand)
        for match in _SECTOR.finditer(text, floor, limit):
            s, e = match.span()
            if any(text.startswith(k, s) for k in self.kind_words):
                continue  # 制造业创新中心 is a kind of platform
            start = sector_start(text, name_start(text, s, floor, stops=PROGRAM_STOPS), s)
            stem = text[start:s]
            if len(stem) >= 3 and stem[-1] in "区县市" and len(tagged(stem)) > 1:
                # 漠城区服务业: a place jieba reads as two words (社区 is one) and no region the
                # plan names (those _item takes off), then the sector
                start = s
            if start == s and match.group() not in ("建筑业", "制造业"):
                continue
            if _LONG_NOT_IN_NAME.search(text, start, s) or "产业" in text[start:s] \
                    or _SECTOR.search(text, start, s):
                continue  # 产业增加值占服务业, 服务业占全市服务业: a clause, not a name
            span = self._item(text, start, e, quality=True)
            if span and span[0] < s:
                last = tagged(text[span[0] : s])[-1]
                if (
                    (last[1] == "vn" and match.group() == "制造业")
                    or last[1] in _CLAUSE_TAGS
                    or _adverbial(text[span[0] : s])
                    or (len(last[0]) == 1 and last[1] not in ("n", "a", "b"))
                ):
                    # 大力宣传制造业, 国有资本投资制造业, 研究解决服务业, 明确服务业: a verb or
                    # an adverb before the sector word leaves the bare sector
                    span = (s, e)
            if span and (span[0] < s or match.group() in ("建筑业", "制造业")):
                # a modifier taken off may leave a bare 服务业 (新兴服务业): no sector of its own
                cand = self._industry(text, *span, sentence, section, via="rule")
                if cand:
                    found.append(cand)
        return found

    def from_lexicon(
        self, text: str, sentence: Sentence, section: Section | None, blocked: list[tuple[int, int]]
    ) -> list[Candidate]:
        found = []
        for label, entry, s, e in self.lexicon.printed_in(
            INDUSTRY, text, sentence.start, sentence.end
        ):
            if any(b_s <= s and e <= b_e for b_s, b_e in blocked):
                continue
            if label.endswith("产业") and text.startswith("化", e):
                continue  # 数字产业化: industrialisation, not the industry
            if text.startswith("区", e):
                continue  # 生态休闲旅游区: a zone named after the industry, not the industry
            if text.startswith("应用", e):
                continue  # 推广智能家居应用: the use of a product, not its industry
            followed = re.match(r"产业|行业|领域|业", text[e : e + 2])
            # outside a list only a main label of three characters or more stands alone
            # (数字经济); an alias (医疗健康 in 医疗健康服务体系) needs 产业 / 领域 after it
            if not followed and (label != entry.name or len(label) < MIN_STANDALONE):
                continue
            found.append(Candidate(INDUSTRY, entry.name, s, e, sentence, section, via="lexicon"))
        return found

    def from_plan_names(
        self, text: str, sentence: Sentence, section: Section | None
    ) -> list[Candidate]:
        """An industry the plan names elsewhere, printed again before a word of its trade
        (油茶全产业链, 油茶企业, 黄精龙头企业, 智能家居研发设计中心): a mention, as a lexicon alias
        before 产业 is, also inside a list of other things (the trade word says what it is)."""
        if self._named is None:
            return []
        # runs of names joined by 、/和 (金融服务和科技服务企业): the trade word after the last
        # one is the trade of each, and the phrase opens before the first
        runs: list[list[tuple[int, int]]] = []
        for m in self._named.finditer(text, sentence.start, sentence.end):
            last = runs[-1][-1] if runs else None
            joined = last is not None and _NAME_JOIN.fullmatch(text, last[1], m.start())
            if joined:
                runs[-1].append(m.span())
            else:
                runs.append([m.span()])
        found = []
        for run in runs:
            if not _OF_A_TRADE.match(text, run[-1][1]) \
                    or not _opens_phrase(text, run[0][0], sentence.start):
                continue  # a part of a longer word (林下黄精产业链) is that word's
            for s, e in run:
                cand = self._industry(text, s, e, sentence, section, via="plan")
                if cand is not None:
                    found.append(cand)
        return found

    def fused(
        self, text: str, start: int, end: int, sentence: Sentence, section: Section | None
    ) -> list[Candidate]:
        """The two sectors a clause makes grow into each other ("推动交通运输业与旅游业融合发展"):
        both, when each is a sector (holds a sector word or is an X业 of three characters or
        more) and neither is a technology (新一代信息技术与制造业) or a class (服务业); a clause
        going on past the fusion (公共数据与社会数据融合应用) is about something else."""
        pair = _FUSED_PAIR.search(text, start, end)
        if pair is None:
            return []
        names = [text[a:b] for a, b in (pair.span(1), pair.span(2))]
        if not all((self.sector_like(n) or (n.endswith("业") and len(n) >= 3)
                    or plain(n) in self.named)
                   and not n.endswith(("技术", "服务")) and n not in _CLASSES
                   and not _LONG_NOT_IN_NAME.search(n)
                   for n in names):
            return []
        cands = [self._industry(text, a, b, sentence, section, via="rule")
                 for a, b in (pair.span(1), pair.span(2))]
        return [c for c in cands if c is not None]

    def developed(
        self, text: str, start: int, end: int, sentence: Sentence, section: Section | None
    ) -> list[Candidate]:
        """The one or two sectors a clause that develops them names, with no list:
        "发展工业旅游和会展经济", "培育会展经济", "重点发展现代物流和都市农业", "发展通用航空".

        Every part must hold a sector word (SECTOR_WORDS) and not be a service, a class of
        industries (…服务, …产业: read by other rules), an actor or a zone (培育…经营主体,
        做强…农业区), so "发展普惠型养老服务和互助养老" and "发展多式联运" give none."""
        found = _DEVELOPED.match(text, start, end)
        if found is None:
            return []
        parts = [found.span(1)]
        of = text.rfind("的", *found.span(1))
        if of != -1:
            parts = [(of + 1, found.end(1))]  # 发展稳产保供的畜禽养殖: what is developed
        joined = _ITEM_JOIN_ONCE.search(text, *parts[0])
        if joined:
            parts = [(parts[0][0], joined.start()), (joined.end(), found.end(1))]
        cands = []
        for a, b in parts:
            name = text[a:b]
            if not (2 <= len(name) <= 8 and _CJK_ITEM.match(name)) or not self.sector_like(name):
                return []  # every part a sector, or the clause is about something else
            if name.endswith(_NOT_DEVELOPED) or _LONG_NOT_IN_NAME.search(name):
                return []
            if any(name.startswith(g + "产业") for g in GENERIC_SECTORS):
                return []  # 培育新兴产业增长点: a class of industries
            cand = self._industry(text, a, b, sentence, section, via="rule")
            if cand is not None:
                cands.append(cand)
        return cands

    def in_sentence(
        self, text: str, sentence: Sentence, section: Section | None
    ) -> list[Candidate]:
        found: list[Candidate] = []
        blocked: list[tuple[int, int]] = []
        listed: list[tuple[int, int]] = []
        for c_start, c_end in clauses(text, sentence.start, sentence.end):
            enums = enumerations(text, c_start, c_end)
            found.extend(self.from_lists(text, sentence, section, enums, blocked))
            for enum in enums:
                listed.append((enum.items[0][0], enum.head_end))
            if not enums:
                found.extend(self.developed(text, c_start, c_end, sentence, section))
                found.extend(self.fused(text, c_start, c_end, sentence, section))
            moving = _MOVING.search(text, c_start, c_end)
            if moving is not None and "向" in text[moving.end() : c_end]:
                a, b = moving.span(1)
                name = text[a:b]
                if self.sector_like(name) and not _LONG_NOT_IN_NAME.search(name):
                    cand = self._industry(text, a, b, sentence, section, via="rule")
                    if cand is not None:
                        found.append(cand)  # 推动农产品加工由初加工向精深加工延伸
            for moved in _MOVED_TO.finditer(text, c_start, c_end):
                a, b = moved.span(1)
                if not self._moves(text, moved.start()):
                    continue
                mover = name_start(text, moved.start(), max(c_start, moved.start() - 10),
                                   stops=PROGRAM_STOPS)
                if not text.endswith("业", 0, moved.start()) and moved.start() - mover >= 2:
                    # 推动家具竹编向建筑竹编转型: what moves is a branch of the sector too
                    cand = self._industry(text, mover, moved.start(), sentence, section, via="rule")
                    if cand is not None:
                        found.append(cand)
                if self.sector_like(text[a:b]) and not _LONG_NOT_IN_NAME.search(text, a, b):
                    cand = self._industry(text, a, b, sentence, section, via="rule")
                    if cand is not None:
                        found.append(cand)
        found.extend(self.sectors(text, sentence, section, listed))
        found.extend(self.from_lexicon(text, sentence, section, blocked))
        taken = [(c.start, c.end) for c in found]
        found.extend(
            c for c in self.from_plan_names(text, sentence, section)
            if not any(s < c.end and c.start < e for s, e in taken)
        )
        if not found:
            return found
        # a kind of platform is no industry: 人力资源服务产业园, 制造业创新中心. The kind words
        # that start at one place overlap a candidate if the longest of them does, so one
        # lookahead alternation (longest first) finds every span that counts.
        kinds = [
            (m.start(), m.start() + len(m.group(1)))
            for m in self._kind_pattern.finditer(text, sentence.start, sentence.end)
            if m.start() + len(m.group(1)) <= sentence.end
        ]
        longer = [(c.start, c.end) for c in found if c.via != "lexicon"]
        return [
            c
            for c in found
            if (c.via == "plan" or not any(s <= c.start and c.end <= e for s, e in blocked))
            and not any(s < c.end and c.start < e for s, e in kinds)
            # 新能源 in 锂电新能源, 装备制造 in 先进装备制造: a part of another industry
            and not (
                c.via == "lexicon"
                and any(s <= c.start and c.end <= e and e - s > c.end - c.start for s, e in longer)
            )
        ]


def find_industries(
    doc: Document, lexicon: Lexicon, *, places: Iterable[str] = ()
) -> Iterator[Candidate]:
    """Every industry candidate of ``doc``; ``places`` are the plan's region and its parents
    (岑川县, 岑川 …), which open no industry's name (岑川县制造业 is 制造业)."""
    own = own_sector_words(doc.text, places)
    first = list(_read(doc, IndustryFinder(lexicon, places, own)))
    named, bare = plan_names(doc.text, first)
    if not named:
        yield from first
        return
    # read again with the plan's own industries known: a 领域 list of them, and their
    # mentions before a word of their trade (油茶企业), are found only then
    yield from _read(doc, IndustryFinder(lexicon, places, own, named, bare))


def plan_names(text: str, found: Iterable[Candidate]) -> tuple[frozenset[str], frozenset[str]]:
    """The industries a plan names by its lists and sector rules (not by the lexicon), as
    printed: two characters or more, not a class (特色产业) or a bare sector
    word (农业, 制造业); and the bare sector words it lists as sectors of their own (康养)."""
    names, bare = set(), set()
    for c in found:
        if c.via not in ("list", "rule"):
            continue
        printed = plain(text[c.start : c.end])
        if SECTOR_WORDS.fullmatch(printed) and c.via == "list" and c.head_class == "industry":
            bare.add(printed)
        if len(printed) < 2 or SECTOR_WORDS.fullmatch(printed) or printed in GENERIC_SECTORS:
            continue
        if printed in GENERIC_NOUNS or not fragment_ok(printed):
            continue
        names.add(printed)
    return frozenset(names), frozenset(bare)


def _read(doc: Document, finder: IndustryFinder) -> Iterator[Candidate]:
    for section, sentence in doc.sentences():
        if "|" in sentence.text or all(c in PUNCT or c.isdigit() for c in sentence.text):
            continue
        if section is not None and section.style.startswith("表"):
            continue  # a table's cells (a project list's names and contents) are no prose
        yield from finder.in_sentence(doc.text, sentence, section)
    yield from _in_headings(doc, finder)


def item_headings(doc: Document) -> Iterator[tuple[Section, Sentence]]:
    """The numbered items that are one sentence, read as their heading and held by no sentence
    ("3.支持节能环保装备、资源综合利用企业入园发展，…奖励。", a box's "4.X软件园：建筑面积…，重点
    发展…"), as sentences without their numbers. Titles (no clause break: "（四）发展绿色低碳产业")
    name the chapter's topic, and a table's caption or header is no prose: neither is one."""
    for section in doc.walk():
        start, end = section.heading_start, section.heading_end
        start = skip_numbering(doc.text, start, end)  # "四、" is no list separator
        if section.style.startswith("表") or section.uncaptioned or end <= start:
            continue
        if doc.sentence_at(start) is not None or "，" not in doc.text[start:end]:
            continue  # a lead-in phrase (its paragraph was read) or a title
        yield section, Sentence(start, end, doc.text[start:end])


def _in_headings(doc: Document, finder: IndustryFinder) -> Iterator[Candidate]:
    """The industries of a numbered item held by no sentence (item_headings)."""
    for section, heading in item_headings(doc):
        yield from finder.in_sentence(doc.text, heading, section)
