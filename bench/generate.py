"""Generate synthetic county talent plans (人才发展“十四五”规划) to benchmark plankg with.

The bundled corpus holds two real plans, too few to see how building, loading and querying the
graph scale. This script writes as many plan texts of the same genre as a benchmark needs (2, 100
or 1000 plans), each 15-50k characters, each different, all reproducible: plan ``index`` under
``seed`` is always the same text, drawn from ``random.Random(seed * 1_000_003 + index)``.

A plan is what a county or district of an invented city publishes: an optional metadata block
(索 引 号: | … | 成文日期: | … |), an optional 关于印发《…》的通知 with its signature, the title
``<Region>人才发展“十四五”规划``, then a heading tree numbered 一、 / （一） / 1. / （1） (in some
plans half-width (一)) with achievements, shortfalls, goals, task chapters and safeguards. The
prose names what plankg extracts, and names it the way real plans do: programs (“XX英才”计划,
“XX工匠”培育工程, XX人才行动; a few provincial programs and the city's own programs are shared
with other plans), platforms (XX实验室, XX研究院, XX科创园, XX高新区, XX人才飞地 …), 、-lists of
industries under a head (围绕A、B、C三大主导产业), departments of the plan's level (县委组织部,
区科技局 …) in responsibility notes after task items, targets (到2025年，…达到…万人), and indicator
tables in the two layouts of the bundled plans: one row a line with " | " between cells, and one
cell a tab-indented line with rows separated by blank lines.

Region names are unique per index (for the first 3,679 plans of a seed); program and platform
names are built from the region's and its invented places' names, so they rarely repeat across
plans, while a few provincial programs and the programs of a city (40 cities a seed) are shared.
Name parts and prose templates are in ``bench/templates/``; only the standard library is used.
From 200 plans on, ``write_plans`` writes with a pool of processes; the texts are the same.

    python bench/generate.py OUTDIR --plans 100 --seed 0

>>> name, text = generate_plan(0)
>>> generate_plan(0) == (name, text)
True
>>> 15_000 <= len(text) <= 50_000
True
>>> name.endswith("-talent-plan-2021-2025.txt") and name != generate_plan(1)[0]
True
>>> generate_plan(0, seed=1)[1] != text
True
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import cache
from itertools import repeat
from pathlib import Path
from typing import TypeVar

_T = TypeVar("_T")
TEMPLATES = Path(__file__).resolve().parent / "templates"
MIN_CHARS = 15_000
MAX_CHARS = 50_000
PARALLEL_FROM = 200  # write_plans uses a process pool from this many plans on

NUMERALS = "一二三四五六七八九十"
COUNTS = {2: "两", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七"}
DIRECTIONS = ("东部", "西部", "南部", "北部", "东南部", "西北部", "东北部", "西南部", "中部")

# task chapters: theme -> topics (sections task.<topic> of phrases.txt), in reading order
THEMES: dict[str, tuple[str, ...]] = {
    "talent": ("high", "youth", "overseas", "skill", "ent", "rural", "social"),
    "fusion": ("chain",),
    "platform": ("sci", "park", "incub", "enclave", "coop", "firm"),
    "reform": ("eval", "incent", "flow", "recruit", "train", "digital"),
    "eco": ("govsvc", "finance", "housing", "public", "life", "mood"),
    "region": ("link", "flex"),
}
PROGRAM_KINDS = ("high", "youth", "overseas", "skill", "ent", "rural", "social", "service")
PLATFORM_KINDS = ("lab", "inst", "park", "enclave", "incub", "town")
PLATFORM_WEIGHTS = (3, 4, 3, 1, 3, 2)
# the task topic whose lead departments run a program of a kind
KIND_TOPIC = {kind: kind for kind in PROGRAM_KINDS} | {"service": "govsvc"}


# --- template files ---------------------------------------------------------------------------


@cache
def _lists(name: str) -> dict[str, tuple[str, ...]]:
    """The ``[section]`` lists of a file in ``templates/``."""
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    for raw in (TEMPLATES / name).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        else:
            current.append(line)
    return {key: tuple(lines) for key, lines in sections.items()}


def _names(section: str) -> tuple[str, ...]:
    return _lists("names.txt")[section]


def _phrases(section: str) -> tuple[str, ...]:
    return _lists("phrases.txt")[section]


@cache
def _fields(section: str) -> tuple[tuple[str, ...], ...]:
    """A names.txt section of ``a | b | …`` lines (or ``汉字 pinyin`` lines), split."""
    sep = " | " if " | " in _names(section)[0] else " "
    return tuple(tuple(part.strip() for part in line.split(sep)) for line in _names(section))


@cache
def _regions(seed: int) -> tuple[tuple[str, str], ...]:
    """Every allowed (name, pinyin) of two characters, in the order of ``seed``."""
    blocked = set(_names("region.blocked"))
    names = [(a + b, pa + pb) for a, pa in _fields("region.first")
             for b, pb in _fields("region.second") if a + b not in blocked]
    random.Random(f"regions/{seed}").shuffle(names)
    return tuple(names)


@cache
def _cities(seed: int) -> tuple[tuple[str, str], ...]:
    """The 40 invented cities the plans of ``seed`` belong to."""
    blocked = set(_names("city.blocked"))
    names = [(a + b, pa + pb) for a, pa in _fields("city.first")
             for b, pb in _fields("city.second") if a + b not in blocked]
    random.Random(f"cities/{seed}").shuffle(names)
    return tuple(names[:40])


@cache
def _city_programs(seed: int, city: str) -> tuple[str, ...]:
    """The programs of a city, shared by its plans."""
    rng = random.Random(f"city/{seed}/{city}")
    forms = rng.sample(_names("program.city"), 2)
    return tuple(form.replace("{c}", city) for form in forms)


@dataclass(frozen=True)
class _Topic:
    headings: tuple[str, ...]
    titles: tuple[str, ...]
    targets: tuple[str, ...]
    leads: tuple[str, ...]
    nouns: tuple[str, ...]
    bodies: tuple[str, ...]


@cache
def _topic(section: str) -> _Topic:
    """A section of tagged lines (H: headings, T: titles, G: targets, D: leads, N: nouns)."""
    tagged: dict[str, list[str]] = {"H": [], "T": [], "G": [], "D": [], "N": [], "": []}
    for line in _phrases(section):
        if line[1:2] == ":" and line[0] in "HTGDN":
            tagged[line[0]].append(line[2:])
        else:
            tagged[""].append(line)
    leads = tuple(" ".join(tagged["D"]).split())
    return _Topic(tuple(tagged["H"]), tuple(tagged["T"]), tuple(tagged["G"]), leads,
                  tuple(tagged["N"]) or ("人才工作",), tuple(tagged[""]))


_SLOT = re.compile(r"\{([^{}]*)\}")
_RANGE = re.compile(r"(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)")
_Part = tuple[str, str, object]


@cache
def _compile(template: str) -> tuple[tuple[_Part, ...], str]:
    """A template as (literal, slot, argument) parts and the literal tail."""
    parts: list[_Part] = []
    pos = 0
    for match in _SLOT.finditer(template):
        literal, key = template[pos:match.start()], match.group(1)
        bounds = _RANGE.fullmatch(key)
        if bounds:
            low, high = bounds.groups()
            decimals = max(len(low.partition(".")[2]), len(high.partition(".")[2]))
            parts.append((literal, "#", (float(low), float(high), decimals)))
        else:
            slot, _, argument = key.partition(":")
            parts.append((literal, slot, argument))
        pos = match.end()
    return tuple(parts), template[pos:]


def _number(value: float, decimals: int) -> str:
    """``value`` with at most ``decimals`` decimals, trailing zeros dropped."""
    if decimals == 0:
        return str(round(value))
    return f"{value:.{decimals}f}".rstrip("0").rstrip(".")


def _numeral(n: int) -> str:
    return NUMERALS[n - 1] if n <= 10 else "十" + NUMERALS[n - 11]


# --- indicators -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Indicator:
    name: str
    unit: str
    group: str
    v2015: float
    v2020: float
    v2025: float
    decimals: int

    def value(self, year: int) -> str:
        v = {2015: self.v2015, 2020: self.v2020, 2025: self.v2025}[year]
        return _number(v, self.decimals)

    def growth(self) -> str:
        """The 2015-2020 change: percent, or percentage points of a ratio."""
        if self.unit == "%":
            return _number(self.v2020 - self.v2015, 1) + "个百分点"
        if self.v2015 <= 0:
            return "-"
        return f"{(self.v2020 / self.v2015 - 1) * 100:.1f}"


def _indicator(rng: random.Random, spec: Sequence[str]) -> _Indicator:
    name, unit, group, low, high, decimals, f_low, f_high = spec
    dec = int(decimals)
    v2020 = rng.uniform(float(low), float(high))
    v2025 = v2020 * rng.uniform(float(f_low), float(f_high))
    v2015 = v2020 / rng.uniform(float(f_low), float(f_high))
    if unit == "%":
        v2025 = min(v2025, 99.0)
    if dec == 0:
        v2020, v2015 = round(v2020), round(v2015)
        v2025 = max(round(v2025), v2020 + rng.randint(1, 3))
    return _Indicator(name, unit, group, v2015, v2020, v2025, dec)


# --- the text being written -------------------------------------------------------------------


class _Text:
    """Lines of a plan and their size in characters (newlines included)."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.size = 0

    def add(self, line: str) -> None:
        self.lines.append(line)
        self.size += len(line) + 1


# --- one plan ---------------------------------------------------------------------------------


class _Random(random.Random):
    """``random.Random`` drawing integers from ``random()``: faster, and as reproducible."""

    def _randbelow(self, n: int) -> int:  # type: ignore[override]
        return int(self.random() * n)

    def choice(self, seq: Sequence[_T]) -> _T:
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def shuffle(self, x: list) -> None:  # type: ignore[type-arg, override]
        rand = self.random
        for i in range(len(x) - 1, 0, -1):
            j = int(rand() * (i + 1))
            x[i], x[j] = x[j], x[i]


class _Plan:
    """Identity and style of plan ``index``; :meth:`build` writes its text."""

    def __init__(self, index: int, seed: int) -> None:
        rng = self.rng = _Random(seed * 1_000_003 + index)
        self.phrases = _lists("phrases.txt")
        regions = _regions(seed)
        self.short, pinyin = regions[index % len(regions)]
        self.level = rng.choice("县区")
        self.region = self.short + self.level
        city, city_pinyin = rng.choice(_cities(seed))
        self.city_short, self.city = city, city + "市"
        self.name = f"{index:04d}-{city_pinyin}-{pinyin}-talent-plan-2021-2025.txt"
        self.title = f"{self.region}人才发展“十四五”规划"
        self.direction = rng.choice(DIRECTIONS)
        self.target = rng.randint(17_000, 53_000)
        scale = (self.target - 17_000) / 36_000
        self.n_programs = max(7, min(26, round(7 + 19 * scale + rng.randint(-2, 2))))
        self.n_platforms = max(10, min(34, round(10 + 24 * scale + rng.randint(-2, 2))))

        self.industries = rng.sample(_names("industry"), rng.randint(9, 16))
        self.places = self._places()
        self.universities = [city + kind for kind in rng.sample(_names("university"), 2)]
        other = rng.choice(_cities(seed))[0]
        if other != city:
            self.universities.append(other + rng.choice(_names("university")))
        provincial = _fields("program.province")
        self.provincial_start = rng.sample(provincial, rng.randint(2, 3))
        self.city_programs = _city_programs(seed, city)[: rng.randint(1, 2)]
        zone_kind = rng.choice(("高新区", "经济开发区", "高新技术产业园区"))
        self.zone = self.short + zone_kind

        names = dict(_fields("department"))
        for key, alt in _fields("department.alt"):
            if rng.random() < 0.3:
                names[key] = alt
        level = self.level
        self.departments = {key: form.replace("{L}", level).replace("{ZONE}", self.zone)
                            for key, form in names.items()}
        self.department_keys = list(self.departments)
        # departments a sentence names as members of the talent work group
        self.member_keys = [key for key in self.department_keys[:28]
                            if key not in ("组织部", "人才办")]

        # style
        self.half_width = rng.random() < 0.15
        self.metadata = rng.random() < 0.5
        self.notice = rng.random() < 0.6
        self.p_blank = rng.choice((0.0, 0.0, 0.0, 0.3))
        self.p_dash = rng.choice((0.0, 0.0, 0.2, 0.5))
        self.p_annotate = 0.0 if rng.random() < 0.1 else rng.uniform(0.5, 1.0)
        self.p_subitems = rng.uniform(0.05, 0.25)
        self.item_style = rng.choice(("numbered", "dash", "paragraph"))
        self.issued = (rng.choice((2021, 2022, 2022)), rng.randint(1, 12), rng.randint(1, 28))
        if self.issued[0] == 2021:
            self.issued = (2021, rng.randint(9, 12), self.issued[2])

        self.constants = {"r": self.short, "R": self.region, "L": self.level,
                          "ALL": "全" + self.level, "C": self.city, "c": self.city_short,
                          "DIR": self.direction, "ZONE": self.zone, "TITLE": self.title}
        self.slots: dict[str, Callable[[str], str]] = {
            "IND": lambda _: rng.choice(self.industries),
            "IND2": lambda _: "、".join(rng.sample(self.industries, 2)),
            "IND3": lambda _: "、".join(rng.sample(self.industries, 3)),
            "FIND": lambda _: self.focus, "HEAD": lambda _: self._head(),
            "PROG": self.program, "PLAT": self.platform, "PROV": self._provincial,
            "CITYPROG": lambda _: self._city_program(),
            "UNIV": lambda _: rng.choice(self.universities),
            "BIG": lambda _: rng.choice(_names("bigcity")),
            "BIG2": lambda _: "、".join(rng.sample(_names("bigcity"), 2)),
            "UNIV2": lambda _: "、".join(rng.sample(self.universities, 2)),
            "DEPT": lambda _: self.departments[rng.choice(self.member_keys)],
            "DEPT2": lambda _: "、".join(self.departments[key] for key in
                                        rng.sample(self.member_keys, 2)),
            "V20": lambda name: self.by_name[name].value(2020),
            "V25": lambda name: self.by_name[name].value(2025),
            "PLACE": lambda _: rng.choice(self.places),
            "PLACE2": lambda _: "、".join(rng.sample(self.places, 2)),
            "TOTAL15": lambda _: self.total.value(2015),
            "TOTAL0": lambda _: self.total.value(2020),
            "TOTAL1": lambda _: self.total.value(2025),
            "GROW5": lambda _: f"{(self.total.v2020 / self.total.v2015 - 1) * 100:.1f}",
            "GROWY": lambda _: f"{((self.total.v2025 / self.total.v2020) ** 0.2 - 1) * 100:.1f}",
        }

    def _places(self) -> list[str]:
        """Invented local lakes, hills and rivers: the region's own characters and others."""
        rng = self.rng
        forms = _names("place.landform")
        places = {ch + rng.choice(forms) for ch in self.short}
        while len(places) < rng.randint(6, 10):
            places.add(rng.choice(_names("place.one")) + rng.choice(_names("place.two"))
                       + rng.choice(forms))
        return sorted(places - {self.short})

    # -- state of one build

    def _reset(self) -> None:
        self.programs: list[tuple[str, str]] = []
        self.provincial = list(self.provincial_start)
        self.platforms: list[tuple[str, str]] = [(self.zone, "park")]
        self.mentioned: set[str] = set()
        self.last: dict[str, str] = {}
        self.bodies: list[str] = []
        self.focus = self.industries[0]
        self.last_program = ""
        self.tables = 0
        self.chapters = 0
        specs = _fields("indicator")
        rng = self.rng
        self.indicators = [_indicator(rng, spec) for spec in specs]
        self.total = self.indicators[0]
        self.by_name = {ind.name: ind for ind in self.indicators}

    # -- filling templates

    def fill(self, template: str) -> str:
        parts, tail = _compile(template)
        if not parts:
            return tail
        out: list[str] = []
        slots, constants, rand = self.slots, self.constants, self.rng.random
        for literal, slot, argument in parts:
            out.append(literal)
            constant = constants.get(slot)
            if constant is not None:
                out.append(constant)
            elif slot == "#":
                low, high, decimals = argument  # type: ignore[misc]
                value = low + rand() * (high - low + (0 if decimals else 1))
                out.append(_number(value, decimals) if decimals else str(int(value)))
            else:
                out.append(slots[slot](argument))  # type: ignore[arg-type]
        out.append(tail)
        return "".join(out)

    def pick(self, key: str, pool: Sequence[str]) -> str:
        """One of ``pool``, not the one picked for ``key`` the last time."""
        if len(pool) == 1:
            return pool[0]
        rand, last = self.rng.random, self.last.get(key)
        choice = pool[int(rand() * len(pool))]
        while choice is last:
            choice = pool[int(rand() * len(pool))]
        self.last[key] = choice
        return choice

    def say(self, key: str) -> str:
        """A filled template of phrases.txt section ``key``."""
        return self.fill(self.pick(key, self.phrases[key]))

    def _head(self) -> str:
        rng = self.rng
        k = rng.choice((2, 3, 3, 4))
        listed = "、".join(rng.sample(self.industries, k))
        return rng.choice((f"围绕{listed}{COUNTS[k]}大主导产业", f"聚焦{listed}等重点产业",
                           f"面向{listed}{COUNTS[k]}个领域", f"立足{listed}{COUNTS[k]}大产业集群"))

    def _provincial(self, kind: str = "") -> str:
        """One of the plan's provincial programs (of ``kind``: taken on if the plan has none)."""
        own = [name for name, k in self.provincial if k == kind or not kind]
        if not own:
            shared = [entry for entry in _fields("program.province") if entry[1] == kind]
            self.provincial.append(self.rng.choice(shared))
            own = [self.provincial[-1][0]]
        name = self.pick("provincial" + kind, own)
        self.mentioned.add(name)
        return name

    def _city_program(self) -> str:
        name = self.rng.choice(self.city_programs)
        self.mentioned.add(name)
        return name

    # -- programs and platforms, invented when first needed

    def _brand(self) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.35:
            return self.short
        if roll < 0.7:
            return rng.choice(self.places)[:2]
        return rng.choice(self.short) + rng.choice(_names("brandword"))

    def _new_program(self, kind: str) -> str:
        rng = self.rng
        taken = {name for name, _ in self.programs}
        for _ in range(40):
            form = rng.choice(_names("program." + kind))
            name = (form.replace("{b}", self._brand()).replace("{r}", self.short)
                    .replace("{w}", rng.choice(_names("ruralword"))))
            if name not in taken:
                self.programs.append((name, kind))
                return name
        return ""

    def program(self, kind: str = "") -> str:
        rng = self.rng
        kind = kind or rng.choice(PROGRAM_KINDS)
        same = [name for name, k in self.programs if k == kind]
        name = ""
        if not same or (len(self.programs) < self.n_programs and rng.random() < 0.8):
            name = self._new_program(kind)
        if not name:
            name = rng.choice(same or [name for name, _ in self.programs])
        self.last_program = name
        return name

    def _new_platform(self, kind: str) -> str:
        rng = self.rng
        taken = {name for name, _ in self.platforms}
        for _ in range(40):
            form = rng.choice(_names("platform." + kind))
            industry = rng.choice([i for i in self.industries if len(i) <= 4] or ["智能制造"])
            name = (form.replace("{p}", rng.choice(self.places)).replace("{r}", self.short)
                    .replace("{i}", industry).replace("{u}", rng.choice(self.universities))
                    .replace("{big}", rng.choice(_names("bigcity")))
                    .replace("{t}", rng.choice(_names("townword"))))
            if name not in taken:
                self.platforms.append((name, kind))
                return name
        return ""

    def platform(self, kind: str = "") -> str:
        rng = self.rng
        kind = kind or rng.choices(PLATFORM_KINDS, PLATFORM_WEIGHTS)[0]
        same = [name for name, k in self.platforms if k == kind]
        name = ""
        if not same or (len(self.platforms) < self.n_platforms and rng.random() < 0.8):
            name = self._new_platform(kind)
        return name or rng.choice(same or [name for name, _ in self.platforms])

    # -- pieces of layout

    def _para(self, w: _Text, line: str) -> None:
        w.add(line)
        if self.p_blank and self.rng.random() < self.p_blank:
            w.add("")

    def _chapter(self, w: _Text, title: str) -> None:
        self.chapters += 1
        w.add(f"{_numeral(self.chapters)}、{title}")

    def _sub(self, w: _Text, no: int, title: str) -> None:
        w.add(f"({_numeral(no)}){title}" if self.half_width else f"（{_numeral(no)}）{title}")

    def _subitem(self, no: int) -> str:
        return f"({no})" if self.half_width else f"（{no}）"

    def _table_title(self, text: str) -> str:
        self.tables += 1
        return f"表{self.tables}{':' if self.half_width else '：'}{text}"

    def _target(self, topic: _Topic, key: str) -> str:
        first = self.pick(key + ".G", topic.targets)
        goals = [self.fill(first)]
        if len(topic.targets) > 1 and self.rng.random() < 0.35:
            second = self.pick(key + ".G", topic.targets)
            if second != first:
                goals.append(self.fill(second))
        return self.say("target.open") + "，".join(goals) + "。"

    def _annotation(self, leads: Sequence[str]) -> str:
        rng = self.rng
        if rng.random() >= self.p_annotate:
            return ""
        keys = self.department_keys
        lead = [rng.choice(leads or keys)]
        if rng.random() < 0.15:
            lead.append(rng.choice(keys[:12]))
        partners: list[str] = []
        for _ in range(rng.randint(1, 4)):
            key = rng.choice(keys)
            if key not in lead and key not in partners:
                partners.append(key)
        if not partners:
            partners.append("财政局" if "财政局" not in lead else "发改局")
        lead_names = "、".join(dict.fromkeys(self.departments[key] for key in lead))
        partner_names = "、".join(self.departments[key] for key in partners)
        if rng.random() < 0.1:
            partner_names += "等"
        roll = rng.random()
        if roll < 0.6:
            return f"（牵头单位：{lead_names}；配合单位：{partner_names}）"
        if roll < 0.7:
            return f"(牵头单位:{lead_names},配合单位:{partner_names})"
        if roll < 0.8:
            return f"（牵头单位：{lead_names}）"
        if roll < 0.92:
            return f"（责任单位：{lead_names}、{partner_names}）"
        return f"（牵头部门：{lead_names}；配合部门：{partner_names}）"

    # -- indicator tables

    def _rows(self, count: int) -> list[_Indicator]:
        rest = self.rng.sample(self.indicators[1:], count - 1)
        groups = list(dict.fromkeys(ind.group for ind in self.indicators))
        order = {ind.name: i for i, ind in enumerate(self.indicators)}
        return [self.total, *sorted(rest, key=lambda i: (groups.index(i.group), order[i.name]))]

    def _qualified(self, ind: _Indicator) -> str:
        roll = self.rng.random()
        value = ind.value(2025)
        return value + "以上" if roll < 0.18 else value + "左右" if roll < 0.28 else value

    def _wrapped(self, cell: str) -> str:
        """A cell as the cell-per-line layout prints it: long ones broken by a blank line."""
        if len(cell) >= 14 and self.rng.random() < 0.35:
            cut = self.rng.randint(6, len(cell) - 4)
            return cell[:cut] + "\n\n" + cell[cut:]
        return cell

    def _cell_table(self, w: _Text, header: list[str], rows: list[list[str]]) -> None:
        for cell in header:
            w.add("\t" + cell)
        w.add("")
        for row in rows:
            for cell in row:
                w.add("\t" + cell)
            w.add("")
        w.add("")

    def _goal_table(self, w: _Text) -> None:
        rng = self.rng
        rows = self._rows(rng.randint(5, 20))
        text = rng.choice((f"{self.region}“十四五”人才发展主要指标",
                           f"{self.region}“十四五”时期人才发展主要指标",
                           f"“十四五”时期全{self.level}人才发展主要指标"))
        w.add(self._table_title(text))
        if rng.random() < 0.5:
            w.add("指标 | 单位 | 2020年 | 2025年 |")
            for ind in rows:
                base = "—" if ind.v2020 == 0 else ind.value(2020)
                w.add(f"{ind.name} | {ind.unit} | {base} | {self._qualified(ind)} |")
            return
        header = [rng.choice(("一级指标", "一级\n\n指标")), "序号", "二级指标",
                  rng.choice(("计量单位", "计量\n\n单位")), "2020年基数", "2025年目标"]
        cells, group = [], ""
        for no, ind in enumerate(rows, 1):
            cells.append([ind.group if ind.group != group else "", str(no),
                          self._wrapped(ind.name), ind.unit, ind.value(2020),
                          self._qualified(ind)])
            group = ind.group
        self._cell_table(w, header, cells)

    def _review_table(self, w: _Text) -> None:
        rng = self.rng
        rows = self._rows(rng.randint(5, 20))
        text = rng.choice((f"{self.region}“十三五”人才发展主要指标完成情况",
                           f"“十三五”期间全{self.level}人才发展主要指标完成情况"))
        w.add(self._table_title(text))
        if rng.random() < 0.5:
            w.add("指标 | 单位 | 2015年 | 2020年 |")
            for ind in rows:
                base = "—" if ind is not self.total and rng.random() < 0.05 else ind.value(2015)
                w.add(f"{ind.name} | {ind.unit} | {base} | {ind.value(2020)} |")
            return
        header = ["一级指标", "序号", "二级指标", "计量\n\n单位", "2015年底基数",
                  "2020年底总量", "增长率(%)"]
        cells, group = [], ""
        for no, ind in enumerate(rows, 1):
            growth = ind.growth()
            if growth[-1].isdigit() and rng.random() < 0.5:
                growth += " "
            cells.append([ind.group if ind.group != group else "", str(no),
                          self._wrapped(ind.name), ind.unit, ind.value(2015), ind.value(2020),
                          growth])
            group = ind.group
        self._cell_table(w, header, cells)

    # -- front matter

    def _front(self, w: _Text) -> None:
        rng = self.rng
        year, month, day = self.issued
        publishers = [f"{self.region}人力资源和社会保障局", f"中共{self.region}委组织部",
                      f"{self.region}人民政府办公室", f"{self.region}发展和改革局",
                      f"中共{self.region}委人才工作领导小组办公室"]
        publisher = rng.choice(publishers)
        if self.metadata:
            code = f"{rng.randint(31, 65)}{rng.randint(1000, 9999)}"
            w.add(f"索 引 号: | {code}/{year}-{rng.randint(100, 99999):05d} | "
                  f"成文日期: | {year}-{month:02d}-{day:02d} |")
            w.add("公开方式: | 主动公开 | 公开时限: | 长期公开 |")
            word = rng.choice(("人才", "委办发", "政办发", "人社发"))
            number = f"{self.short[0]}{word}〔{year}〕{rng.randint(1, 60)}号"
            if rng.random() < 0.1:
                w.add(f"文件编号: | 发布机构: | {publisher} |")
            else:
                w.add(f"文件编号: | {number} | 发布机构: | {publisher} |")
        if self.notice:
            w.add(f"关于印发《{self.title}》的通知")
            w.add("")
            w.add(self.say("notice.addressee"))
            w.add("")
            w.add(self.say("notice.body"))
            w.add("")
            signers = [publisher]
            if rng.random() < 0.6:
                signers.append(rng.choice([p for p in publishers if p != publisher]))
            if self.level == "区" and rng.random() < 0.4:
                signers = [s.replace(self.region, self.city + self.region) for s in signers]
            w.add("       " + "  ".join(signers))
            w.add(" " * 39 + f"{year}年{month}月{day}日")
            w.add("")
        w.add(self.title)
        preamble = (self.say("preamble.open") + self.say("preamble.mid")
                    + self.say("preamble.basis") + self.say("preamble.end"))
        if rng.random() < 0.5:
            preamble += self.say("preamble.period")
        self._para(w, preamble)

    def _base_chapter(self, w: _Text, scale: float) -> None:
        rng = self.rng
        self._chapter(w, self.say("base.title"))
        self._sub(w, 1, self.say("base.achieve"))
        self._para(w, self.say("base.intro"))
        topics = ["party", "team", "platform", "policy", "eco", "fusion", "coop"]
        count = max(3, min(7, round(3 + 4 * scale + rng.randint(-1, 1))))
        chosen = [t for t in topics if t in rng.sample(topics, count)]
        paragraph: list[str] = []
        for no, key in enumerate(chosen, 1):
            topic = _topic("ach." + key)
            n_bodies = min(len(topic.bodies), rng.randint(2, 3 + round(scale)))
            body = "".join(self.fill(b) for b in rng.sample(topic.bodies, n_bodies))
            title = self.fill(rng.choice(topic.titles))
            if self.item_style == "numbered":
                self._para(w, f"{no}.{title}。{body}")
            elif self.item_style == "dash":
                self._para(w, f"——{title}。{body}")
            else:
                paragraph.append(body)
        if paragraph:
            self._para(w, "".join(paragraph[:3]))
            if paragraph[3:]:
                self._para(w, "".join(paragraph[3:]))
        if rng.random() < 0.5:
            self._review_table(w)
        self._sub(w, 2, self.say("base.short"))
        shortfalls = rng.sample(_phrases("short"), rng.randint(3, 5))
        listed = "；".join(f"{_numeral(i)}是{self.fill(s)}" for i, s in enumerate(shortfalls, 1))
        self._para(w, self.say("short.open") + listed + "。" + self.say("short.close"))
        self._sub(w, 3, self.say("base.situ"))
        self._para(w, self.say("situ.open"))
        if rng.random() < 0.5:
            for pair in rng.sample(_phrases("situ.dash"), rng.randint(3, 5)):
                title, _, body = pair.partition("|")
                self._para(w, f"——{title}。{self.fill(body)}")
        else:
            sentences = rng.sample(_phrases("situ"), rng.randint(3, 5))
            self._para(w, "".join(self.fill(s) for s in sentences))

    def _requirements_chapter(self, w: _Text, scale: float) -> None:
        rng = self.rng
        self._chapter(w, self.say("req.title"))
        self._sub(w, 1, "指导思想")
        self._para(w, self.say("ideo") + self.say("ideo.mid") + self.say("ideo.main")
                   + self.say("ideo.end"))
        self._sub(w, 2, "基本原则")
        for no, pair in enumerate(rng.sample(_phrases("principle"), rng.randint(3, 6)), 1):
            title, _, body = pair.partition("|")
            self._para(w, f"{no}.{title}。{self.fill(body)}")
        self._sub(w, 3, "发展目标")
        extras = "；".join(self.fill(e) for e in rng.sample(_phrases("goal.extra"),
                                                           rng.randint(2, 4)))
        self._para(w, f"到2025年，全{self.level}人才资源总量达到{self.total.value(2025)}万人，"
                      f"年均增长{self.slots['GROWY']('')}%；{extras}{self.say('goal.close')}")
        goals = rng.sample(_phrases("goal.items"), rng.randint(0, 2 + round(3 * scale)))
        for no, pair in enumerate(goals, 1):
            title, _, body = pair.partition("|")
            mark = "——" if self.item_style != "numbered" else f"{no}."
            self._para(w, f"{mark}{title}。{self.fill(body)}")
        if rng.random() < 0.5:
            self._para(w, f"“十四五”时期{self.region}人才发展主要指标见表{self.tables + 1}。")
        self._goal_table(w)
        if rng.random() < 0.4:
            self._sub(w, 4, "远景目标")
            self._para(w, self.say("vision"))

    # -- task chapters

    def _themes(self, budget: float) -> list[str]:
        rng = self.rng
        count = max(2, min(6, round(budget / 5200)))
        others = [t for t in THEMES if t != "talent"]
        chosen = {"talent", *rng.sample(others, count - 1)}
        return [t for t in THEMES if t in chosen]

    def _task_chapter(self, w: _Text, theme: str, budget: float) -> None:
        rng = self.rng
        self._chapter(w, self.say("chapter." + theme))
        start = w.size
        if rng.random() < 0.5:
            self._para(w, self.say("intro." + theme))
        if theme == "fusion":
            focus = rng.sample(self.industries, min(5, len(self.industries)))
            topics = ["chain"] * len(focus)
        else:
            focus = []
            topics = list(THEMES[theme])
            head = topics.pop(0) if theme == "talent" else None
            rng.shuffle(topics)
            if head:
                topics.insert(0, head)
        n_subs = max(2, min(len(topics), round(budget / 1400)))
        for no in range(1, n_subs + 1):
            left = budget - (w.size - start)
            if no > 2 and left < 500:
                break
            if focus:
                self.focus = focus[no - 1]
            self._task_subsection(w, no, topics[no - 1], left / (n_subs - no + 1))

    def _task_subsection(self, w: _Text, no: int, key: str, budget: float) -> None:
        rng = self.rng
        topic = _topic("task." + key)
        heading = rng.choice(topic.headings)
        self.last_program = ""
        self._sub(w, no, self.fill(heading))
        program = self.last_program if "{PROG" in heading else ""
        n_items = max(2, min(7, len(topic.titles) + 1, round((budget - 200) / 330)))
        titles = rng.sample(topic.titles, min(n_items, len(topic.titles)))
        if len(titles) < n_items:
            titles += rng.sample(_phrases("generic.title"), n_items - len(titles))
        rng.shuffle(titles)
        start = w.size
        if program and rng.random() < 0.6:
            self._para(w, f"{self._head()}，{program}重点实施以下{COUNTS.get(n_items, n_items)}"
                          "项任务。")
        else:
            self._deal(topic)
            intro = self._sentences(topic, rng.randint(60, 160), 3)
            if rng.random() < 0.4 and "{HEAD}" not in intro:
                intro = self._head() + "，" + intro
            self._para(w, intro)
        self._deal(topic)
        dash = rng.random() < self.p_dash
        for item, title in enumerate(titles, 1):
            left = budget - (w.size - start)
            self._task_item(w, item, key, topic, title, dash, left / (n_items - item + 1))

    def _deal(self, topic: _Topic) -> None:
        """Shuffle a subsection's body sentences: each is used at most twice in it."""
        first, second = list(topic.bodies), list(topic.bodies)
        self.rng.shuffle(first)
        self.rng.shuffle(second)
        self.bodies = second + first

    def _filler(self, topic: _Topic) -> str:
        """A made-up measure on the topic's noun and its purpose."""
        rng, phrases = self.rng, self.phrases
        measure = self.pick("gen.measure", phrases["gen.measure"])
        noun = rng.choice(topic.nouns)
        if "{" in noun:
            noun = self.fill(noun)
        return (measure.replace("{X}", noun) + rng.choice(phrases["gen.join"])
                + self.fill(self.pick("gen.purpose", phrases["gen.purpose"])) + "。")

    def _sentences(self, topic: _Topic, chars: float, limit: int = 4) -> str:
        """About ``chars`` characters of a topic's sentences (1 to ``limit`` of them)."""
        rng = self.rng
        out: list[str] = []
        used: set[str] = set()
        size = 0
        while not out or (size < chars and len(out) < limit):
            roll = rng.random()
            template = ""
            if roll >= 0.1 and self.bodies:
                template = self.bodies.pop()
            elif 0.07 <= roll < 0.1:
                template = self.pick("generic", self.phrases["generic"])
            if template and template not in used:
                used.add(template)
                sentence = self.fill(template)
            else:
                sentence = self._filler(topic)
            out.append(sentence)
            size += len(sentence)
        return "".join(out)

    def _task_item(self, w: _Text, no: int, key: str, topic: _Topic, title: str, dash: bool,
                   chars: float) -> None:
        rng = self.rng
        mark = "——" if dash else f"{no}."
        head = f"{mark}{self.fill(title)}。"
        if not dash and chars > 400 and rng.random() < self.p_subitems:
            self._para(w, head + self._sentences(topic, 60, 2))
            subtitles = [t for t in topic.titles if t != title]
            count = min(len(subtitles), rng.randint(2, 3))
            for sub in range(1, count + 1):
                text = self._sentences(topic, (chars - 80) / count - 80)
                if topic.targets and rng.random() < 0.5:
                    text += self._target(topic, key)
                self._para(w, f"{self._subitem(sub)}{self.fill(subtitles[sub - 1])}。{text}"
                              + self._annotation(topic.leads))
            return
        with_target = bool(topic.targets) and rng.random() < 0.65
        text = self._sentences(topic, chars - 40 - 40 * with_target - len(head))
        if with_target:
            text += self._target(topic, key)
        self._para(w, head + text + self._annotation(topic.leads))

    # -- safeguards, where every invented name not yet used gets named

    def _end_chapter(self, w: _Text) -> None:
        rng = self.rng
        self._chapter(w, self.say("end.title"))
        parts = ["lead", "duty", "money", "eval"] + (["mood"] if rng.random() < 0.6 else [])
        for no, key in enumerate(parts, 1):
            topic = _topic("end." + key)
            self._sub(w, no, self.fill(rng.choice(topic.headings)))
            bodies = rng.sample(topic.bodies, rng.randint(min(2, len(topic.bodies)),
                                                          len(topic.bodies)))
            text = "".join(self.fill(b) for b in bodies)
            if key == "duty":
                text += self._program_roll()
            elif key == "money":
                text += self._platform_roll(w)
            self._para(w, text)
            if key == "duty" and rng.random() < 0.45:
                self._duty_table(w)

    def _program_roll(self) -> str:
        rng = self.rng
        fresh = []
        while len(self.programs) < self.n_programs:
            name = self._new_program(rng.choice(PROGRAM_KINDS))
            if name:
                fresh.append(name)
        if not fresh:
            fresh = [name for name, _ in rng.sample(self.programs, min(3, len(self.programs)))]
        shared = [name for name, _ in self.provincial] + list(self.city_programs)
        missing = [name for name in shared if name not in self.mentioned]
        listed = "、".join(dict.fromkeys(fresh + missing))
        return f"统筹推进{listed}等重点人才工程，实行项目化管理、清单化推进。"

    def _platform_roll(self, w: _Text) -> str:
        rng = self.rng
        fresh = [] if any(self.zone in line for line in w.lines) else [self.zone]
        while len(self.platforms) < self.n_platforms:
            name = self._new_platform(rng.choices(PLATFORM_KINDS, PLATFORM_WEIGHTS)[0])
            if name:
                fresh.append(name)
        if not fresh:
            fresh = [name for name, _ in rng.sample(self.platforms, min(2, len(self.platforms)))]
        return f"重点支持{'、'.join(fresh)}等人才平台建设和运营。"

    def _duty_table(self, w: _Text) -> None:
        rng = self.rng
        programs = rng.sample(self.programs, min(len(self.programs), rng.randint(3, 8)))
        w.add(self._table_title("重点人才工程责任分工"))
        w.add("任务 | 牵头单位 | 配合单位 |")
        keys = list(self.departments)
        for name, kind in programs:
            lead = rng.choice(_topic("task." + KIND_TOPIC[kind]).leads)
            partners = [k for k in rng.sample(keys[:28], 4) if k != lead][: rng.randint(1, 3)]
            w.add(f"{name} | {self.departments[lead]} | "
                  f"{'、'.join(self.departments[k] for k in partners)} |")

    # -- the whole text

    def build(self, target: int) -> str:
        self._reset()
        w = _Text()
        scale = max(0.0, min(1.0, (target - 17_000) / 36_000))
        self._front(w)
        self._base_chapter(w, scale)
        self._requirements_chapter(w, scale)
        reserve = 1_000
        themes = self._themes(target - reserve - w.size)
        weights = [min(5, len(THEMES[t])) if t != "fusion" else 5 for t in themes]
        for i, theme in enumerate(themes):
            budget = (target - reserve - w.size) * weights[i] / sum(weights[i:])
            self._task_chapter(w, theme, max(budget, 1_500))
        self._end_chapter(w)
        return "\n".join(w.lines) + "\n"


def generate_plan(index: int, *, seed: int = 0) -> tuple[str, str]:
    """(file name, text) of plan number ``index``.

    The same (index, seed) always gives the same text, 15,000-50,000 characters long. The file
    name starts with the zero-padded index, so that plans sort in index order.
    """
    if index < 0:
        raise ValueError(f"plan index must be >= 0, not {index}")
    plan = _Plan(index, seed)
    target = plan.target
    text = plan.build(target)
    for _ in range(20):
        if MIN_CHARS <= len(text) <= MAX_CHARS:
            break
        wanted = max(MIN_CHARS + 1_500, min(MAX_CHARS - 1_500, len(text)))
        target = round(target * wanted / len(text))
        text = plan.build(target)
    else:  # pragma: no cover - the budgets keep texts inside the bounds
        raise RuntimeError(f"plan {index} (seed {seed}): {len(text)} characters")
    return plan.name, text


def write_plan(folder: Path, index: int, seed: int) -> Path:
    name, text = generate_plan(index, seed=seed)
    path = folder / name
    path.write_text(text, encoding="utf-8", newline="\n")
    return path


def write_plans(folder: Path, count: int, *, seed: int = 0) -> list[Path]:
    """Write plans 0..count-1 into folder (UTF-8), return their paths.

    Many plans are written by a pool of processes (the texts do not depend on which process
    writes them), few or where no pool can start by this one.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    workers = min(os.cpu_count() or 1, 8)
    if count >= PARALLEL_FROM and workers > 1:
        try:
            with ProcessPoolExecutor(workers) as pool:
                return list(pool.map(write_plan, repeat(folder), range(count), repeat(seed),
                                     chunksize=max(1, count // (workers * 4))))
        except (OSError, BrokenProcessPool):
            pass
    return [write_plan(folder, index, seed) for index in range(count)]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path, help="folder to write the plan texts into")
    parser.add_argument("--plans", type=int, default=100, help="how many plans (default 100)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the corpus (default 0)")
    args = parser.parse_args(argv)
    if args.plans < 0:
        parser.error("--plans must be >= 0")
    started = time.perf_counter()
    paths = write_plans(args.outdir, args.plans, seed=args.seed)
    seconds = time.perf_counter() - started
    print(f"wrote {len(paths)} plans to {args.outdir} in {seconds:.2f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
