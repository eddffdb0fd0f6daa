"""Deterministic ASCII IRIs: kind + pinyin slug, a short hash only to break a collision.

>>> slug("吴兴区人才发展“十四五”规划")
'wu-xing-qu-ren-cai-fa-zhan-shi-si-wu-gui-hua'
>>> slug("R&D经费")
'r-d-jing-fei'
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from pypinyin import Style, lazy_pinyin
from rdflib import URIRef

from plankg.graph.rdf.vocab import GRAPH_IRI, ID_IRI

MAX_SLUG = 64
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def short_hash(text: str, length: int = 6) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


@lru_cache(maxsize=65536)
def slug(label: str) -> str:
    """Lower-case ASCII slug of a Chinese or mixed label; long slugs are cut and hashed.

    Cached: a build asks for the same names (industries, programs, departments) over and over,
    and pypinyin's conversion is the costly part of minting an IRI.
    """
    syllables = lazy_pinyin(label, style=Style.NORMAL, errors=lambda chars: list(chars))
    words = (_NON_ALNUM.sub("-", s.lower()).strip("-") for s in syllables)
    text = "-".join(w for w in words if w) or "x" + short_hash(label)
    if len(text) > MAX_SLUG:
        text = text[:MAX_SLUG].rstrip("-") + "-" + short_hash(label)
    return text


def plan_iri(plan_slug: str) -> URIRef:
    return URIRef(f"{ID_IRI}plan/{plan_slug}")


def plan_graph_iri(plan_slug: str) -> URIRef:
    return URIRef(f"{GRAPH_IRI}{plan_slug}")


def in_plan(plan: URIRef, kind: str, key: str) -> URIRef:
    """IRI of a node that belongs to one plan: ``…/plan/<slug>/<kind>/<key>``."""
    return URIRef(f"{plan}/{kind}/{key}")


class Minter:
    """Mints shared IRIs ``…/id/<kind>/<slug>`` and keeps them unique within one build.

    Two different labels with the same slug (homophones) would collide: the second one seen gets
    a short hash of its label appended. Builds process plans in sorted order, so this is stable.

    >>> m = Minter()
    >>> m.shared("industry", "新能源")
    rdflib.term.URIRef('https://w3id.org/plankg/id/industry/xin-neng-yuan')
    >>> m.shared("industry", "新能源") == m.shared("industry", "新能源")
    True
    """

    def __init__(self, owners: dict[str, str] | None = None) -> None:
        # base IRI → the label that owns it; ``owners`` are those earlier plans of a build took
        self._owner: dict[str, str] = dict(owners or {})
        self._minted: dict[tuple[str, str, str | None], URIRef] = {}
        self._claims: dict[str, str] = {}

    def shared(self, kind: str, label: str, key: str | None = None) -> URIRef:
        found = self._minted.get((kind, label, key))
        if found is not None:
            return found
        base = f"{ID_IRI}{kind}/{key or slug(label)}"
        owner = self._owner.setdefault(base, label)
        self._claims.setdefault(base, owner)
        iri = URIRef(base) if owner == label else URIRef(f"{base}-{short_hash(label)}")
        self._minted[(kind, label, key)] = iri
        return iri

    def claims(self) -> dict[str, str]:
        """Each base IRI this minter was asked for, with the label that owns it."""
        return dict(self._claims)
