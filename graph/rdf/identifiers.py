"""Deterministic ASCII IRIs: kind + pinyin slug, a short hash only to break a collision.

>>> slug("吴兴区人才发展“十四五”规划")
'wu-xing-qu-ren-cai-fa-zhan-shi-si-wu-gui-hua'
>>> slug("R&D经费")
'r-d-jing-fei'
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache

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
    and pypinyin's conversion is the costly part of minting an IRI. pypinyin (~0.5 s of CPU to
    import, its phrase dictionary) is imported on the first slug: a build that finds nothing
    changed mints none (docs/decisions/037-incremental-cost.md).
    """
    from pypinyin import Style, lazy_pinyin

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
    """Mints shared IRIs ``…/id/<kind>/<slug>`` and keeps them unique within one store.

    Two different labels with the same slug (homophones) would collide: the second one seen gets
    a short hash of its label appended. ``owners`` are the base IRIs given out before (by the
    plans settled earlier in a build, and by every earlier build of the store: a
    :class:`Naming`), each with the label that owns it; a label never takes a base another owns.

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


def plan_base(key: str) -> str:
    """The base IRI a plan key stands for in :attr:`Naming.owners` (the plan's own IRI)."""
    return f"{ID_IRI}plan/{key}"


@dataclass
class Naming:
    """The IRIs a store has given out; every later build of that store keeps them.

    A minted IRI keeps its label for the life of the store (docs/decisions/036-stable-iris.md):
    a newcomer whose slug (or plan key) another label owns gets the hashed form, however the
    titles sort. A build into a new store starts from an empty naming, so the plans sorted by
    title settle it: the first to use a slug owns it.

    >>> naming = Naming()
    >>> naming.plan_key("/p/a.txt", "同溪县规划", "aa")
    'tong-xi-xian-gui-hua'
    >>> naming.claim("tong-xi-xian-gui-hua", "同溪县规划", {})
    >>> naming.plan_key("/p/b.txt", "桐溪县规划", "bb1234")
    'tong-xi-xian-gui-hua-270bea'
    """

    # base IRI (shared nodes ``…/id/<kind>/<slug>``, plans :func:`plan_base`) → its label
    # (a plan's: its title); it only grows, a plan that goes leaves its names reserved
    owners: dict[str, str] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)  # plan keys of the plans in the store
    keys: dict[str, str] = field(default_factory=dict)  # resolved path → the key its plan had
    _holders: dict[str, str] | None = field(default=None, repr=False, compare=False)

    def plan_key(self, path: str, title: str, sha256: str) -> str:
        """The key of the plan at ``path``: the one it had while its title stays the same,
        else the slug of its title, hashed by the file's SHA-256 when another plan has that
        key, another file of this build had it, or another title owns it."""
        before = self.keys.get(path)
        if (
            before is not None
            and before not in self.taken
            and self.owners.get(plan_base(before)) == title
        ):
            return before
        if self._holders is None:
            self._holders = {key: held_by for held_by, key in self.keys.items()}
        key = slug(title)
        if (
            key in self.taken
            or self._holders.get(key, path) != path
            or self.owners.get(plan_base(key), title) != title
        ):
            key = f"{key}-{short_hash(sha256)}"
        return key

    def agrees(self, claims: dict[str, str]) -> bool:
        """Whether every IRI of ``claims`` (a plan's, from :meth:`Minter.claims`) is owned by
        the label it was minted for, or by nobody yet."""
        return all(self.owners.get(iri, label) == label for iri, label in claims.items())

    def claim(self, key: str, title: str, claims: dict[str, str]) -> None:
        """Give out what one plan took: its key, and each IRI it minted not owned yet."""
        self.taken.add(key)
        self.owners.setdefault(plan_base(key), title)
        for iri, label in claims.items():
            self.owners.setdefault(iri, label)
