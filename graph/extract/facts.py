"""Fact records: what the extractors read from a Document, before any RDF is made.

A fact names its nodes by (kind, name): ``name`` is the normalised Chinese name, the node's
identity within its kind across all plans. Every fact carries the sentence it was read from.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from plankg.graph.text.document import Section, Sentence

# kinds of shared nodes, as used in IRIs (id/<kind>/<slug>)
PROGRAM = "program"
PLATFORM = "platform"
INDUSTRY = "industry"
DEPARTMENT = "department"
TASK = "task"  # a task of one plan: name is the section path, e.g. "4-1"

NodeRef = tuple[str, str]  # (kind, name)


@dataclass(frozen=True)
class Mention:
    """A named entity printed at ``start:end`` (the surface form) inside ``sentence``."""

    kind: str
    name: str
    surface: str
    start: int
    end: int
    sentence: Sentence
    section: Section | None
    # extra facts about the node read from this mention, e.g. (("level", "provincial"),)
    # or (("platform_kind", "实验室"),); names are the PK property local names' short forms
    attributes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Relation:
    """``subject predicate object`` read from ``sentence``; predicate is a PK local name."""

    subject: NodeRef
    predicate: str
    object: NodeRef
    sentence: Sentence
    section: Section | None


@dataclass(frozen=True)
class QuantTarget:
    """A figure stated in the prose: "引进省级以上人才200名以上" → 200, 名, 以上."""

    measure: str
    value: Decimal
    printed: str
    unit: str
    qualifier: str | None
    year: int | None
    start: int
    end: int
    sentence: Sentence
    section: Section | None
    program: str | None = None
