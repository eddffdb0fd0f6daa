"""All facts of one plan: programs, platforms, industries, departments, targets and relations.

``extract_facts`` runs the finders (programs, platforms, industries, departments and targets),
keeps one candidate where candidates overlap, gives every variant of a name the same normalised
name (the lexicon's, else the one printed most), and reads the relations.

Variants that become one name within a plan:

- programs: quotes, 《》, a leading level word or place, a version (秀湖双百计划2.0版), and
  X计划 / X行动计划 / X行动 (鲲鹏计划 = 鲲鹏行动计划), the 行动计划 form kept;
- platforms: a leading place (湖州多媒体产业园 = 多媒体产业园, 吴兴区科创园 = 吴兴科创园) and
  科创 spelt out (吴兴科技创业园 = 吴兴科创园);
- industries: X产业 = X when the plan names both, and a bare two-character trade word X =
  X经济 / X服务 (会展 = 会展经济, 家政 = 家政服务);
- anything the lexicon lists as an alias.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from plankg.graph.extract.candidates import Candidate, Spans, resolve
from plankg.graph.extract.departments import extract_departments, jurisdiction
from plankg.graph.extract.facts import (
    DEPARTMENT,
    INDUSTRY,
    PLATFORM,
    PROGRAM,
    TASK,
    Mention,
    QuantTarget,
    Relation,
)
from plankg.graph.extract.industries import (
    BROAD_SECTORS,
    SECTOR_WORDS,
    find_industries,
    fragment_ok,
)
from plankg.graph.extract.lexicon import Lexicon, kind_suffixes
from plankg.graph.extract.names import plain
from plankg.graph.extract.phrases import PROGRAM_STOPS
from plankg.graph.extract.platforms import LEVEL_FIRST, find_platforms, plan_places
from plankg.graph.extract.programs import find_programs
from plankg.graph.extract.relations import MENTIONS, SECTION, TARGETS, relations
from plankg.graph.extract.targets import extract_targets
from plankg.graph.text.document import Document
from plankg.graph.text.tables import lists_projects, parse_tables


@dataclass
class Facts:
    """What one plan says: entity mentions, relations between them, quantitative targets."""

    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    targets: list[QuantTarget] = field(default_factory=list)

    def names(self, kind: str) -> list[str]:
        """The distinct normalised names of ``kind`` ("program", "platform" …), sorted."""
        return sorted({m.name for m in self.mentions if m.kind == kind})


def extract_facts(doc: Document, *, lexicon: Lexicon) -> Facts:
    """Every fact of ``doc``, each mention and relation with the sentence it was read from."""
    department_mentions, department_relations = extract_departments(doc, lexicon)
    # a body's name holds the zone it runs (澄岚经济开发区管委会): the body is what is named
    bodies = Spans((m.start, m.end) for m in department_mentions)
    region = jurisdiction(doc)
    places = plan_places(doc.text, region)
    works = _listed_works(doc)
    cands = [
        cand for cand in (*find_programs(doc, lexicon), *find_platforms(doc, lexicon),
                          *find_industries(doc, lexicon, places=places))
        if not bodies.overlap(cand.start, cand.end)
        and not (cand.kind == PROGRAM and any(plain(cand.name) in w for w in works))
    ]
    found = _widened(_with_nested(cands, resolve(cands)), doc.text)
    normalise(found, lexicon, places=places, text=doc.text)
    named_mentions, named_relations = _named_industries(doc.text, found, lexicon, places)
    named_relations.extend(_title_platform(doc, found))
    facts = Facts(
        mentions=[cand.mention(doc.text) for cand in found] + named_mentions,
        relations=relations(doc, found) + named_relations,
    )
    facts.mentions.extend(department_mentions)
    facts.relations.extend(department_relations)
    facts.relations.extend(_named_by_task(doc, found, department_relations))
    for mention in department_mentions:
        if mention.section is not None:
            facts.relations.append(Relation(
                (SECTION, mention.section.key), MENTIONS, (DEPARTMENT, mention.name),
                mention.sentence, mention.section,
            ))
    facts.targets = extract_targets(doc, facts.mentions)
    return facts


def _listed_works(doc: Document) -> list[str]:
    """The text of the plan's project lists (序号 | 项目名称 | 建设性质 | … | 总投资), blanks and
    line breaks out: a 工程 the plan lists there is a construction work, not a scheme, wherever
    its prose names it too ("实施岚山机场改扩建工程" and 表2's row 岚山机场改扩建工程)."""
    return [re.sub(r"\s", "", plain(doc.text[t.start:t.end]))
            for t in parse_tables(doc).tables if lists_projects(t.columns)]


def _with_nested(cands: list[Candidate], kept: list[Candidate]) -> list[Candidate]:
    """``kept`` with the platforms named inside a program's name and the programs named inside
    a platform's: 沧渚总部商务区项目 names the platform 沧渚总部商务区 too, “凤栖计划”棠溪创业
    服务中心 the program 凤栖计划 (issue 12: the gold lists both)."""
    outer = [c for c in kept if c.kind in (PROGRAM, PLATFORM)]
    spans = {(c.start, c.end) for c in kept}
    inner = [c for c in cands if c.kind in (PROGRAM, PLATFORM) and (c.start, c.end) not in spans
             and any(o.kind != c.kind and o.start <= c.start and c.end <= o.end for o in outer)]
    if not inner:
        return kept
    inner = resolve(inner)
    for cand in inner:
        cand.nested = True
    return sorted([*kept, *inner], key=lambda c: (c.start, c.end))


def _widened(found: list[Candidate], text: str) -> list[Candidate]:
    """A lexicon industry printed inside a longer industry the plan itself names (in a list, by
    a sector rule) is that one: the plan's own names are a lexicon of the document, longest
    first. 新能源 in 锂电新能源材料基地 is the 锂电新能源 the plan lists; 装备制造 in
    先进装备制造集聚区 its 先进装备制造; a mention found both ways is kept once."""
    own: dict[str, str] = {}
    for c in found:
        if c.kind == INDUSTRY and c.via != "lexicon" and c.end - c.start >= 3:
            printed = c.surface(text)
            own.setdefault(printed, c.name)
            if printed.endswith("产业") and len(printed) > 4:
                own.setdefault(printed[:-2], c.name)  # 锂电新能源产业 names 锂电新能源
    if not own:
        return found
    longest = sorted(own, key=len, reverse=True)
    taken = {(c.start, c.end) for c in found}
    out = []
    for c in found:
        if c.kind == INDUSTRY and c.via == "lexicon":
            for printed in longest:
                if len(printed) <= c.end - c.start:
                    break
                at = text.find(printed, max(0, c.end - len(printed)), c.start + len(printed))
                if at < 0 or at > c.start or at + len(printed) < c.end:
                    continue
                span = (at, at + len(printed))
                if span in taken:
                    c = None  # the longer name is a mention already
                elif not any(o is not c and o.start < span[1] and span[0] < o.end
                             and not (c.start <= o.start and o.end <= c.end)
                             and not (o.start <= span[0] and span[1] <= o.end) for o in found):
                    # no other mention cut through (one holding both, a platform, may stand)
                    taken.add(span)
                    c.start, c.end, c.name = at, at + len(printed), own[printed]
                break
        if c is not None:
            out.append(c)
    return out


# The kinds of platform that host firms of the industry in their name: parks, towns, "cities".
PARK_KINDS = ("园", "园区", "城", "小镇")
BASE_PARKS = ("产业园区", "产业园")


def _named_industries(text: str, found: list[Candidate], lexicon: Lexicon,
                      places: Iterable[str] = ()) -> tuple[list[Mention], list[Relation]]:
    """A platform whose name is an industry plus its kind word carries that industry:
    柳滩数字经济产业园 → 数字经济, 智能家居城 → 智能家居, 青堰食品饮料研究院 → 食品饮料 (the
    naming sentence is the evidence; issue 12, convention 3).

    The industry is one the plan names elsewhere or the lexicon knows, ending the name's stem (a
    place of up to four characters may stand before it); for a park, town or "city", else a stem
    holding a sector word (industries.SECTOR_WORDS), less a two-character place when the stem has
    four characters or more.
    """
    known = {c.name for c in found if c.kind == INDUSTRY}
    printed_as: dict[str, str] = {}  # an industry as printed → the first name found for it
    for c in found:
        if c.kind == INDUSTRY:
            printed_as.setdefault(plain(c.surface(text)), c.name)
    for printed, label in list(printed_as.items()):
        if printed.endswith("产业") and len(printed) > 3:
            # X产业 = X (normalise): 槐岭数字创意产业园 names the plan's 数字创意产业
            printed_as.setdefault(printed[:-2], label)
        elif printed.endswith("服务业") and len(printed) > 4:
            # X服务 + 产业园 is a park of the X服务业: 人力资源服务产业园
            printed_as.setdefault(printed[:-1], label)
    known |= set(printed_as)
    known |= {label for label in lexicon.labels(INDUSTRY)}
    suffixes = [s for s, _ in kind_suffixes(lexicon.kinds)]
    own_places = sorted(places, key=len, reverse=True)
    mentions: list[Mention] = []
    relations_: list[Relation] = []
    for cand in found:
        if cand.kind != PLATFORM:
            continue
        name = plain(cand.name)
        suffix = next((s for s in (*suffixes, *PARK_KINDS)
                       if name.endswith(s) and len(name) > len(s)), None)
        if suffix is None:
            continue
        park = suffix.endswith(PARK_KINDS)
        stem = name[: -len(suffix)]
        if not park:
            # 印制电路板技术创新中心, 数字经济创新飞地, 康养旅游示范基地: what the centre does
            # with the industry stands between it and the kind word; a bracketed host city
            # (（深圳）) is no part
            bare = re.sub(r"(?:技术|科技|创新|示范|集散)+$", "", stem)
            stem = re.sub(r"[（(][^）)]*[）)]", "", bare) or stem
        industry = max((i for i in known if stem.endswith(i) and len(stem) - len(i) <= 4
                        and len(i) >= 2), key=len, default=None)
        own = next((p for p in own_places if stem.startswith(p) and len(stem) - len(p) >= 3),
                   None)
        if park and industry is not None and own is not None and SECTOR_WORDS.fullmatch(industry):
            # 岑川富硒食品产业园: after the plan's own place the whole stem is the sector, not
            # only the bare sector word 食品 that ends it (吴兴世界乡村旅游小镇 stays 乡村旅游)
            rest = stem[len(own):]
            if len(rest) > len(industry) and fragment_ok(rest) and not _stop_inside(rest):
                industry = rest
        base = next((b for b in BASE_PARKS if suffix.endswith(b) and len(suffix) > len(b)), None)
        if industry is None and base is not None:
            # a kind word that holds an industry: 遂宁人力资源服务产业园 → 人力资源服务业
            stem = name[: -len(base)]
            industry = max((i for i in known if stem.endswith(i) and len(stem) - len(i) <= 4
                            and len(i) >= 4), key=len, default=None)
        if industry is None and len(suffix) >= 5 and suffix.endswith("区") \
                and suffix[:-1] in known:
            # a kind word that is an industry and a zone: 龙潭古村文化旅游区 → 文化旅游
            industry = suffix[:-1]
        trade = next((suffix[: -len(k)] for k in PARK_KINDS if suffix.endswith(k)), "")
        if industry is None and SECTOR_WORDS.fullmatch(trade):
            # a kind word led by a sector word names the plan's industry with the stem:
            # 白亭县商贸物流园 (物流园) → 商贸物流
            industry = max((i for i in known if (stem + trade).endswith(i)
                            and len(i) > len(trade) and len(stem) + len(trade) - len(i) <= 4),
                           key=len, default=None)
        if industry is None and park:
            # a park's stem holding a sector word is its industry; an institute or centre
            # carries only an industry the plan or the lexicon names (青堰食品饮料研究院 →
            # 食品饮料): 江南大学未来食品研究院 researches no industry "南大学未来食品"
            place = next((p for p in own_places if stem.startswith(p) and len(stem) > len(p) + 1),
                         None)
            rest = stem[len(place):] if place else stem[2:] if len(stem) >= 4 else stem
            if len(rest) >= 2 and SECTOR_WORDS.search(rest) and fragment_ok(rest) \
                    and not rest.endswith(tuple(suffixes)):
                industry = rest
        if industry is not None:
            level = LEVEL_FIRST.match(industry)  # 柳河省级农业科技园区: a designation
            industry = industry[level.end():] if level else industry
        if industry is None or industry in BROAD_SECTORS:
            continue  # a broad sector names the park's class (青坪农业科技园), no industry
        printed = text[cand.start:cand.end]
        at = printed.find(industry)
        if at < 0:
            continue
        entry = lexicon.find(INDUSTRY, industry)
        same = printed_as.get(industry)
        label = same or (entry.name if entry else industry)
        start = cand.start + at
        mentions.append(Mention(INDUSTRY, label, industry, start, start + len(industry),
                                cand.sentence, cand.section))
        relations_.append(Relation((PLATFORM, cand.name), TARGETS, (INDUSTRY, label),
                                   cand.sentence, cand.section))
    return mentions, relations_


def _stop_inside(stem: str) -> bool:
    """Whether a stop word (a verb, a function word) stands inside ``stem``."""
    return any(w in stem for w in PROGRAM_STOPS if len(w) > 1)


# The head of the list of a plan's leading industries: 围绕新能源汽车、…四大主导产业
_LEADING = re.compile(r"主导产业")


def _title_platform(doc: Document, found: list[Candidate]) -> list[Relation]:
    """A plan about one platform (its title names it: 关于支持雁溪高新技术产业开发区高质量发展的
    若干意见): the industries it names as its leading ones (…四大主导产业) are the platform's."""
    title = plain(doc.title)
    own = {c.name for c in found if c.kind == PLATFORM and len(plain(c.surface(doc.text))) >= 4
           and plain(c.surface(doc.text)) in title}
    if len(own) != 1:
        return []
    name = own.pop()
    return [Relation((PLATFORM, name), TARGETS, (INDUSTRY, c.name), c.sentence, c.section)
            for c in found if c.kind == INDUSTRY and c.head and _LEADING.search(c.head)]


def _named_by_task(doc: Document, found: Iterable[Candidate],
                   responsibilities: Iterable[Relation]) -> list[Relation]:
    """The lead and support bodies of a task, given also to the program its name (the item's
    first clause, its heading) names: "2.临江工匠培育项目。5年内……（牵头单位：…）" and
    "2.实施乡村振兴人才“归雁”行动。…（牵头部门：…）" make 临江工匠培育项目 and
    乡村振兴人才归雁行动 the bodies' too (issue 12, convention 1: "the program the item names").
    A program named only further on in the item's text is not given them."""
    by_key = {section.key: section for section in doc.walk()}
    named: dict[str, list[Candidate]] = {}
    for cand in found:
        section = cand.section
        if cand.kind == PROGRAM and section is not None and not cand.counted and not cand.nested \
                and section.heading_start <= cand.start and cand.end <= section.heading_end:
            named.setdefault(section.key, []).append(cand)
    extra = []
    for relation in responsibilities:
        kind, key = relation.subject
        if kind != TASK or key not in by_key:
            continue
        for cand in named.get(key, []):
            extra.append(Relation((PROGRAM, cand.name), relation.predicate, relation.object,
                                  relation.sentence, relation.section))
    return extra


# --- one name per thing ---------------------------------------------------------------------


def _program_key(name: str) -> str:
    """X计划, X行动计划 and X行动 share a key; 工程 and 项目 keep theirs."""
    key = plain(name)
    for ending in ("行动计划", "计划", "行动"):
        if key.endswith(ending) and len(key) > len(ending) + 1:
            return key[: -len(ending)] + "|plan"
    return key


# the long forms of a word plan texts abbreviate inside names (吴兴科技创业园 = 吴兴科创园,
# 梧岭高新技术产业开发区 = 梧岭高新区)
ABBREVIATED = re.compile(r"科技创业|科技创新")
ABBREVIATED_ZONE = re.compile(r"高新技术产业开发区$|高新技术开发区$|高新技术产业园区$")
# a district or county printed with its unit word before a name: 吴兴区科创园 = 吴兴科创园
_UNIT_PLACE = re.compile(r"^([\u4e00-\u9fff]{2})[区县](?![域级])")


class _PlatformKeys:
    def __init__(self, lexicon: Lexicon, places: Iterable[str] = ()) -> None:
        self.places = sorted(
            [*((label, entry.aliases[0] if entry.aliases else entry.name)
               for label, entry in lexicon.labels("region").items()),
             *((place, place) for place in places)],
            key=lambda pair: -len(pair[0]),
        )
        self.kind_words = {s for kind in lexicon.kinds for s in kind.suffixes}

    def key(self, name: str) -> str:
        """The name with its places in their short form and 科技创业 / 科技创新 as 科创."""
        key = ABBREVIATED_ZONE.sub("高新区", ABBREVIATED.sub("科创", plain(name)))
        for label, short in self.places:
            key = key.replace(label, short)
        unit = _UNIT_PLACE.match(key)
        if unit and not any(key.startswith(k) for k in self.kind_words):
            key = unit.group(1) + key[unit.end():]
        return key

    def without_place(self, key: str) -> str | None:
        for _, short in self.places:
            if key.startswith(short) and len(key) > len(short) + 2:
                return key[len(short):]
        return None


def _industry_key(name: str) -> str:
    """新材 is short for 新材料 at the end of an industry's name (金属新材 = 金属新材料), and 文旅
    for 文化旅游 as a whole name (文旅, 文旅产业)."""
    key = plain(name)
    if key in ("文旅", "文旅产业"):
        return "文化旅游" + key[2:]
    return key + "料" if key.endswith("新材") else key


def _choose(members: list[Candidate], lexicon: Lexicon, kind: str) -> str:
    for cand in members:
        entry = lexicon.find(kind, cand.name)
        if entry is not None:
            return entry.name
    names = [c.name for c in members]
    if kind == PROGRAM:
        long_form = sorted({n for n in names if n.endswith("行动计划")})
        if long_form:
            return long_form[0]
    if kind == INDUSTRY:
        # a name the plan prints in full wins over its abbreviation (文化旅游, not 文旅产业)
        names = [n for n in names if _industry_key(n) == plain(n)] or names
    counts = Counter(names)
    first = {n: i for i, n in reversed(list(enumerate(names)))}
    return min(counts, key=lambda n: (-counts[n], first[n]))


def _join_tails(groups: dict[tuple[str, str], list[Candidate]]) -> None:
    """A program printed whole in one place and after a stop word in another is one: the name
    reader cuts 高标准 in 实施高标准农田提质工程, the heading 1.高标准农田提质工程 prints it."""
    programs = sorted((key for kind, key in groups if kind == PROGRAM), key=len)
    for short in programs:
        longer = [key for key in programs if len(key) > len(short) and key.endswith(short)
                  and key[: -len(short)] in PROGRAM_STOPS and (PROGRAM, key) in groups]
        if len(longer) == 1 and (PROGRAM, short) in groups:
            groups[(PROGRAM, longer[0])].extend(groups.pop((PROGRAM, short)))


def normalise(cands: Iterable[Candidate], lexicon: Lexicon, *,
              places: Iterable[str] = (), text: str = "") -> None:
    """Give all variants of one thing in a plan the same name (in place).

    ``places``: the plan's own region names besides the lexicon's (桥溪区, 桥溪): a platform
    printed with and without one is one (桥溪智能家居城, 智能家居城). ``text``: the plan's
    text, where an industry named X产业 that the plan prints more often as X is named X
    (预制菜产业 in a plan of 预制菜企业, 预制菜消费 …).
    """
    cands = list(cands)
    platform_keys = _PlatformKeys(lexicon, places)
    groups: dict[tuple[str, str], list[Candidate]] = {}
    for cand in cands:
        entry = lexicon.find(cand.kind, cand.name)
        if entry is not None:
            key = "lexicon:" + entry.name
        elif cand.kind == PROGRAM:
            key = _program_key(cand.name)
        elif cand.kind == PLATFORM:
            key = platform_keys.key(cand.name)
        elif cand.kind == INDUSTRY:
            key = _industry_key(cand.name)
        else:
            key = cand.name
        groups.setdefault((cand.kind, key), []).append(cand)
    # a platform named with and without a place in front is one (湖州多媒体产业园, 多媒体产业园);
    # an industry named as X产业 and as X is one
    _join_tails(groups)
    for (kind, key) in list(groups):
        if (kind, key) not in groups:
            continue
        if kind == PLATFORM:
            shorter = platform_keys.without_place(key)
            known = lexicon.find(PLATFORM, shorter) if shorter else None
            if known is not None and (kind, "lexicon:" + known.name) in groups:
                shorter = "lexicon:" + known.name
        elif kind == INDUSTRY and key.endswith("产业") and len(key) > 3:
            shorter = key[:-2]
            known = lexicon.find(INDUSTRY, shorter)
            if known is not None and (kind, "lexicon:" + known.name) in groups:
                shorter = "lexicon:" + known.name  # 智能装备产业 = 智能装备, a lexicon name
        elif kind == INDUSTRY and key.endswith("业") and not key.endswith(("产业", "行业")):
            shorter = key[:-1] if len(key) > 3 else None  # 现代物流业 = 现代物流
            known = lexicon.find(INDUSTRY, shorter) if shorter else None
            if known is not None and (kind, "lexicon:" + known.name) in groups:
                shorter = "lexicon:" + known.name
        elif kind == INDUSTRY and not key.startswith("lexicon:") \
                and (known := lexicon.find(INDUSTRY, key + "业")) is not None:
            shorter = "lexicon:" + known.name  # 人力资源服务 = 人力资源服务业, a lexicon name
        else:
            shorter = None
        if shorter and (kind, shorter) in groups:
            groups[(kind, shorter)].extend(groups.pop((kind, key)))
        elif kind == INDUSTRY and len(key) == 2:
            # a bare trade word and its sector, both printed: 会展 = 会展经济, 家政 = 家政服务
            longer = [k for k in (key + "经济", key + "服务") if (kind, k) in groups]
            if len(longer) == 1:
                groups[(kind, longer[0])].extend(groups.pop((kind, key)))
    for (kind, _), members in groups.items():
        name = _choose(members, lexicon, kind)
        if kind == INDUSTRY and text and name.endswith("产业") and len(name) >= 5 \
                and lexicon.find(kind, name) is None \
                and text.count(name[:-2]) - text.count(name) > text.count(name):
            name = name[:-2]  # the form the plan prints most often, as for any other variant
        for cand in members:
            cand.name = name
