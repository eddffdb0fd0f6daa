"""Score a built graph against a hand-made gold annotation of one plan (docs/extraction.md).

Gold file (JSON)::

    {"document": "<plan file name>",
     "entities": {"program": [...], "platform": [...], "industry": [...], "department": [...]},
     "relations": {"program-industry": [[program, industry], ...], "platform-industry": [...],
                   "program-platform": [...], "program-parent": [[child, parent], ...],
                   "lead-department": [[subject, department], ...], "support-department": [...]},
     "indicator-target": [[name, unit, year, value, qualifier(, scope)], ...],
     "region": "<the plan's region>"}

Names are normalised names. A node of the plan matches a gold name when its rdfs:label or one of
its skos:altLabels (or, for the subject of a department relation, its dcterms:title or the title
of the section it is defined in, or a task's first clause) is that name, quotes and spaces
aside. Each gold name and each node is matched at most once, so two nodes for one thing count
one wrong, and one node for two things finds only one. A relation is the plan's reified
statement (pk:Statement with pk:inPlan); found relations with one object whose subjects share a
printed name (a task and the program it is, printed alike) are one relation, as the gold can
name them only once.
Only the types the gold file has keys for are scored.

``indicator-target`` lists one entry per target value of an indicator-table row: the indicator's
normalised name (no unit suffix, no footnote digit), the unit, the year, the value as a decimal
string, the qualifier (or null) and, for a cell holding values for parts of the region, the
scope. It is scored against the observations of table rows (pk:inTable) whose role is target or
growth (the period's columns: 2025年目标, 年均[累计]), at each indicator's latest target year, as
the ``indicators`` query reads them (a qualifier 年均 that the column adds may be left out of the
gold: "6左右" under 年均[累计] matches "年均 左右" and "左右"); an earlier year's share
(其中：2021年任务) is not a target of the plan's period. ``region`` is matched against the
rdfs:label of the plan's dcterms:spatial.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Protocol

from rdflib import URIRef

from plankg.errors import InputError
from plankg.graph.extract.names import plain
from plankg.ontology import PK_IRI


class Source(Protocol):
    """What scoring reads: any graph source of the query layer (``plankg.queries.sources``).

    The caller builds or opens the graph; this module only asks it SELECT queries, so the
    extraction stage does not depend on the stages that build and store graphs.
    """

    name: str

    def select(self, query: str, *, bindings: Mapping[str, Any] | None = None) -> Any: ...


ENTITY_TYPES = {"program": "Program", "platform": "Platform", "industry": "Industry",
                "department": "Department"}
# relation type → (predicate, subject class or None for any, object class)
RELATION_TYPES = {
    "program-industry": ("targetsIndustry", "Program", "Industry"),
    "platform-industry": ("targetsIndustry", "Platform", "Industry"),
    "program-platform": ("usesPlatform", "Program", "Platform"),
    "program-parent": ("partOfProgram", "Program", "Program"),
    "lead-department": ("leadDepartment", None, "Department"),
    "support-department": ("supportDepartment", None, "Department"),
}
ANNUAL = "年均"
PREFIXES = f"""PREFIX pk: <{PK_IRI}>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
PLAN_QUERY = PREFIXES + """SELECT DISTINCT ?plan ?source WHERE {
  GRAPH ?g { ?plan a pk:Plan ; dcterms:source ?source }
}"""
NODE_QUERY = PREFIXES + """SELECT DISTINCT ?node WHERE {
  GRAPH ?g { ?node a ?type ; pk:inPlan ?plan }
}"""
RELATION_QUERY = PREFIXES + """SELECT DISTINCT ?s ?o ?stype ?otype WHERE {
  GRAPH ?g { ?st a pk:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
                pk:inPlan ?plan }
  OPTIONAL { GRAPH ?g2 { ?s a ?stype } }
  OPTIONAL { GRAPH ?g3 { ?o a ?otype } }
}"""
TARGET_QUERY = PREFIXES + """SELECT DISTINCT ?obs ?indicator ?name ?unit ?year ?value ?qualifier
  ?scope WHERE {
  GRAPH ?g { ?indicator a pk:Indicator ; pk:inPlan ?plan ; pk:inTable ?table ; rdfs:label ?name .
             ?obs pk:indicator ?indicator ; pk:role ?role ; pk:value ?value ; pk:year ?year .
             FILTER(?role IN (pk:target, pk:growth))
             OPTIONAL { ?obs pk:unit ?unit } OPTIONAL { ?obs pk:qualifier ?qualifier }
             OPTIONAL { ?obs pk:scope ?scope } }
}"""
REGION_QUERY = PREFIXES + """SELECT DISTINCT ?region ?label WHERE {
  GRAPH ?g { ?plan dcterms:spatial ?region }
  GRAPH ?h { ?region rdfs:label ?label FILTER(lang(?label) = "zh") }
}"""
LABEL_QUERY = PREFIXES + """SELECT DISTINCT ?node ?label WHERE {
  { GRAPH ?g { ?node rdfs:label|skos:altLabel|dcterms:title ?label } }
  UNION
  { GRAPH ?g { ?node pk:definedIn ?section } GRAPH ?h { ?section dcterms:title ?label } }
}"""
TASK_QUERY = PREFIXES + """SELECT DISTINCT ?node ?label WHERE {
  GRAPH ?g { ?node a pk:Task ; rdfs:label ?label } }"""
# an item's name is its first clause: "深化园区人事薪酬制度改革，推行全员聘用制…。" is the task
# 深化园区人事薪酬制度改革 (issue 12, convention 2), whose title is the whole lead phrase
_FIRST_CLAUSE = re.compile(r"[，,；;：:]")
NAME_QUERY = PREFIXES + """SELECT DISTINCT ?node ?label WHERE {
  GRAPH ?g { ?node rdfs:label|dcterms:title ?label } }"""


@dataclass(frozen=True)
class Gold:
    document: str
    entities: dict[str, list[str]]
    relations: dict[str, list[tuple[str, str]]]
    # (name, unit, year, value, qualifier, scope); None when the file has no such key
    indicator_targets: list[tuple[str, str | None, int, str, str | None, str | None]] | None = None
    region: str | None = None


def _targets(path: Path, items: Any) -> list[tuple[str, str | None, int, str, str | None,
                                                   str | None]]:
    message = (f"{path}: indicator-target must be a list of [name, unit, year, value, "
               "qualifier] or [name, unit, year, value, qualifier, scope] lists")
    if not isinstance(items, list):
        raise InputError(message)
    out = []
    for item in items:
        if not isinstance(item, list) or len(item) not in (5, 6):
            raise InputError(message)
        name, unit, year, value, qualifier, *scope = item
        try:
            Decimal(str(value))
            year = int(year)
        except (InvalidOperation, TypeError, ValueError):
            raise InputError(message) from None
        if not isinstance(name, str) or not all(x is None or isinstance(x, str)
                                                for x in (unit, qualifier, *scope)):
            raise InputError(message)
        out.append((name, unit, year, str(value), qualifier, scope[0] if scope else None))
    return out


def read_gold(path: Path | str) -> Gold:
    """The gold annotation in ``path``; InputError (naming the file) if it is not one."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such gold file") from None
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read gold file ({err})") from None
    except json.JSONDecodeError as err:
        raise InputError(f"{path}: not JSON ({err.msg}, line {err.lineno})") from None
    if not isinstance(data, dict) or not isinstance(data.get("document"), str):
        raise InputError(f"{path}: a gold file is an object with a \"document\" file name")
    entities = data.get("entities", {})
    relations = data.get("relations", {})
    if not isinstance(entities, dict) or not isinstance(relations, dict):
        raise InputError(f"{path}: \"entities\" and \"relations\" must be objects")
    for key, names in entities.items():
        if key not in ENTITY_TYPES:
            raise InputError(f"{path}: unknown entity type {key!r} (known: "
                             f"{', '.join(ENTITY_TYPES)})")
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise InputError(f"{path}: entities.{key} must be a list of names")
    pairs: dict[str, list[tuple[str, str]]] = {}
    for key, items in relations.items():
        if key not in RELATION_TYPES:
            raise InputError(f"{path}: unknown relation type {key!r} (known: "
                             f"{', '.join(RELATION_TYPES)})")
        if not isinstance(items, list) or not all(
                isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p)
                for p in items):
            raise InputError(f"{path}: relations.{key} must be a list of [subject, object] pairs")
        pairs[key] = [(a, b) for a, b in items]
    region = data.get("region")
    if region is not None and not isinstance(region, str):
        raise InputError(f"{path}: \"region\" must be a region's name")
    targets = _targets(path, data["indicator-target"]) if "indicator-target" in data else None
    return Gold(data["document"], {k: list(v) for k, v in entities.items()}, pairs, targets,
                region)


@dataclass
class Score:
    """Precision, recall and F1 of one entity or relation type."""

    type: str
    gold: int
    predicted: int
    correct: int
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _match(left: Mapping[str, set[str]], right: Mapping[str, set[str]]) -> dict[str, str]:
    """A maximum one-to-one matching of ``left`` keys to ``right`` keys sharing a name."""
    by_name: dict[str, list[str]] = {}
    for key, names in right.items():
        for name in names:
            by_name.setdefault(name, []).append(key)
    owner: dict[str, str] = {}

    def augment(key: str, seen: set[str]) -> bool:
        for name in sorted(left[key]):
            for other in by_name.get(name, []):
                if other in seen:
                    continue
                seen.add(other)
                if other not in owner or augment(owner[other], seen):
                    owner[other] = key
                    return True
        return False

    for key in sorted(left):
        augment(key, set())
    return {key: other for other, key in owner.items()}


def _plan(source: Source, document: str) -> str:
    found = [row["plan"] for row in source.select(PLAN_QUERY)
             if Path(str(row["source"])).name == Path(document).name]
    if not found:
        raise InputError(f"{source.name}: no plan with source {document!r} in the graph")
    return str(found[0])


def _labels(source: Source, query: str = LABEL_QUERY, *,
            as_printed: bool = False) -> dict[str, set[str]]:
    labels: dict[str, set[str]] = {}
    for row in source.select(query):
        label = str(row["label"])
        labels.setdefault(str(row["node"]), set()).add(label if as_printed else plain(label))
    return labels


def score(gold: Gold, source: Source) -> list[Score]:
    """One Score per entity and relation type of ``gold``, in the order of the gold format."""
    plan = _plan(source, gold.document)
    labels = _labels(source)
    for node, names in _labels(source, TASK_QUERY, as_printed=True).items():
        labels.setdefault(node, set()).update(plain(_FIRST_CLAUSE.split(n)[0]) for n in names)
    own = _labels(source, NAME_QUERY, as_printed=True)
    scores = []
    for key, local in ENTITY_TYPES.items():
        if key not in gold.entities:
            continue
        bindings = {"type": URIRef(PK_IRI + local), "plan": URIRef(plan)}
        rows = source.select(NODE_QUERY, bindings=bindings)
        nodes = {str(row["node"]): labels.get(str(row["node"]), set()) for row in rows}
        names = {name: {plain(name)} for name in gold.entities[key]}
        matched = _match(names, nodes)
        scores.append(Score(
            key, len(names), len(nodes), len(matched),
            missed=sorted(set(names) - set(matched)),
            spurious=sorted(_show(n, labels) for n in set(nodes) - set(matched.values())),
        ))
    for key, (predicate, subject_class, object_class) in RELATION_TYPES.items():
        if key not in gold.relations:
            continue
        rows = source.select(RELATION_QUERY, bindings={"p": URIRef(PK_IRI + predicate),
                                                       "plan": URIRef(plan)})
        pairs: dict[str, set[str]] = {}
        shown: dict[str, str] = {}
        by_pair: dict[tuple[str, str], tuple[set[str], set[str]]] = {}
        for row in rows:
            s, o = str(row["s"]), str(row["o"])
            if subject_class and str(row["stype"] or "") != PK_IRI + subject_class:
                continue
            if str(row["otype"] or "") != PK_IRI + object_class:
                continue
            by_pair[(s, o)] = (labels.get(s, set()), labels.get(o, set()))
        for subjects, o in _same_named(by_pair, own):
            s_labels = set().union(*(by_pair[(s, o)][0] for s in subjects))
            o_labels = by_pair[(subjects[0], o)][1]
            pair_key = f"{' '.join(subjects)} {o}"
            pairs[pair_key] = {f"{a}\t{b}" for a in s_labels for b in o_labels}
            shown[pair_key] = f"{_show(subjects[0], labels)} → {_show(o, labels)}"
        wanted = {f"{a} → {b}": {f"{plain(a)}\t{plain(b)}"} for a, b in gold.relations[key]}
        matched = _match(wanted, pairs)
        scores.append(Score(
            key, len(wanted), len(pairs), len(matched),
            missed=sorted(set(wanted) - set(matched)),
            spurious=sorted(shown[p] for p in set(pairs) - set(matched.values())),
        ))
    if gold.indicator_targets is not None:
        scores.append(_score_targets(gold.indicator_targets, source, plan))
    if gold.region is not None:
        found = {str(row["label"]) for row in source.select(REGION_QUERY,
                                                             bindings={"plan": URIRef(plan)})}
        hit = gold.region in found
        scores.append(Score("region", 1, len(found), int(hit),
                            missed=[] if hit else [gold.region],
                            spurious=sorted(found - {gold.region})))
    return scores


def _target_key(name: str, unit: str | None, year: int, value: str, qualifier: str | None,
                scope: str | None) -> str:
    number = Decimal(value).normalize()
    text = [plain(unicodedata.normalize("NFKC", name)), _nfkc(unit), str(year), f"{number:f}",
            _nfkc(qualifier), _nfkc(scope)]
    return "\t".join(text)


def _nfkc(text: str | None) -> str:
    return unicodedata.normalize("NFKC", text).replace(" ", "") if text else ""


def _score_targets(wanted: list[tuple[str, str | None, int, str, str | None, str | None]],
                   source: Source, plan: str) -> Score:
    rows = list(source.select(TARGET_QUERY, bindings={"plan": URIRef(plan)}))
    latest: dict[str, int] = {}
    for row in rows:
        indicator, year = str(row["indicator"]), int(str(row["year"])[:4])
        latest[indicator] = max(latest.get(indicator, year), year)
    found: dict[str, set[str]] = {}
    for row in rows:
        year = int(str(row["year"])[:4])
        if year != latest[str(row["indicator"])]:
            continue
        qualifier = str(row["qualifier"]) if row["qualifier"] else None
        # "年均" comes from the column (年均[累计]), not the cell: "6左右" there is also "左右"
        printed = " ".join(q for q in (qualifier or "").split() if q != ANNUAL) or None
        for q in {qualifier, printed}:
            found.setdefault(str(row["obs"]), set()).add(_target_key(
                str(row["name"]), str(row["unit"]) if row["unit"] else None, year,
                str(row["value"]), q, str(row["scope"]) if row["scope"] else None))
    gold = {" ".join(str(x) for x in item if x is not None): {_target_key(*item)}
            for item in wanted}
    matched = _match(gold, found)
    return Score("indicator-target", len(gold), len(found), len(matched),
                 missed=sorted(set(gold) - set(matched)),
                 spurious=sorted(" ".join(p for p in sorted(keys)[0].split("\t") if p)
                                 for obs, keys in found.items()
                                 if obs not in set(matched.values())))


def _same_named(by_pair: Mapping[tuple[str, str], tuple[set[str], set[str]]],
                own: Mapping[str, set[str]]) -> list[tuple[list[str], str]]:
    """The found pairs as the gold can tell them apart: subjects of one object that share a
    name as printed (rdfs:label or dcterms:title, not a variant) are one subject: a task and
    the program its name is ("1.顶尖人才引领计划。…") both get the item's departments, and the
    gold can name that subject only once. A task printed with quotes
    ("3.“鹊起”顶尖人才引育项目。") and its program (鹊起顶尖人才引育项目) stay two, as the gold
    lists them."""
    by_object: dict[str, list[str]] = {}
    for s, o in by_pair:
        by_object.setdefault(o, []).append(s)
    grouped = []
    for o, subjects in by_object.items():
        groups: list[tuple[list[str], set[str]]] = []
        for s in sorted(subjects):
            names = set(own.get(s, set()))
            joined = [g for g in groups if g[1] & names]
            members = [s]
            for g in joined:
                groups.remove(g)
                members.extend(g[0])
                names |= g[1]
            groups.append((sorted(members), names))
        grouped.extend((members, o) for members, _ in groups)
    return grouped


def _show(node: str, labels: Mapping[str, Iterable[str]]) -> str:
    names = sorted(labels.get(node, ()), key=lambda n: (len(n), n))
    return names[0] if names else node
