"""The curated lexicon: known industries, platform kinds, programs, platforms, places, as SKOS data.

The default lexicon ships as package data (``plankg.graph.extract`` / ``lexicon.ttl``); users
extend it with their own Turtle files of the same shape. ``load_lexicon(empty=True)`` keeps only
the platform-kind vocabulary and drops every name, to measure what the extractor finds from the
wording alone.

>>> lexicon = load_lexicon()
>>> lexicon.find("program", "“鲲鹏行动”计划").name
'鲲鹏行动计划'
>>> lexicon.find("program", "鲲鹏计划").level
'provincial'
>>> lexicon.find("industry", "新能源") is None, load_lexicon(empty=True).find("industry", "新能源")
(False, None)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS

from plankg.errors import InputError
from plankg.graph.extract.names import QUOTES, plain
from plankg.graph.extract.phrases import PlainView
from plankg.ontology import ID_IRI, PK_IRI

PK = Namespace(PK_IRI)  # the few pk: terms a lexicon entry uses
SCHEME = Namespace(ID_IRI + "scheme/")
INDUSTRY_SCHEME = SCHEME["industry"]
PLATFORM_KIND_SCHEME = SCHEME["platform-kind"]
NEEDS_NAME = SCHEME["platform-kind-needs-name"]

# lexicon scheme → the kind of entry it holds
KINDS = {
    SCHEME["industry"]: "industry",
    SCHEME["program"]: "program",
    SCHEME["platform"]: "platform",
    SCHEME["region"]: "region",
    SCHEME["not-industry"]: "not-industry",
    SCHEME["department"]: "department",
}
LEVELS = {PK.national: "national", PK.provincial: "provincial", PK.city: "city",
          PK.district: "district"}


@dataclass(frozen=True)
class Entry:
    """One known name: its IRI, Chinese (and English) label, the variants it is printed as."""

    iri: URIRef
    kind: str
    name: str
    en: str | None = None
    aliases: tuple[str, ...] = ()
    level: str | None = None  # national / provincial / city / district
    platform_kind: URIRef | None = None
    broader: tuple[URIRef, ...] = ()


@dataclass(frozen=True)
class PlatformKind:
    """A kind of platform; each of ``suffixes`` ends a platform name of this kind."""

    iri: URIRef
    name: str
    en: str | None
    suffixes: tuple[str, ...]
    needs_name: bool  # too common a word to mark a name alone (中心, 基地)
    broader: URIRef | None = None


@dataclass
class Lexicon:
    graph: Graph
    entries: dict[str, list[Entry]] = field(default_factory=dict)
    kinds: list[PlatformKind] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._index: dict[tuple[str, str], Entry] = {}
        self._labels: dict[str, dict[str, Entry]] = {}
        self._by_iri: dict[URIRef, Entry] = {}
        for kind, entries in self.entries.items():
            labels = self._labels.setdefault(kind, {})
            for entry in entries:
                self._by_iri.setdefault(entry.iri, entry)
                for label in (entry.name, *entry.aliases):
                    labels.setdefault(label, entry)
                    self._index.setdefault((kind, plain(label)), entry)
        self._plain_labels = {
            kind: [(label, plain(label), entry) for label, entry in labels.items()]
            for kind, labels in self._labels.items()
        }
        self._kind_by_iri = {k.iri: k for k in self.kinds}
        self._label_patterns: dict[str, re.Pattern[str]] = {}

    def find(self, kind: str, printed: str) -> Entry | None:
        """The entry of ``kind`` ("industry", "program" …) one of whose labels ``printed`` is."""
        return self._index.get((kind, plain(printed)))

    def labels(self, kind: str) -> dict[str, Entry]:
        """Every label and alias of the entries of ``kind``, as printed, with its entry."""
        return dict(self._labels.get(kind, {}))

    def printed_in(
        self, kind: str, text: str, start: int, end: int, *, skip: str = QUOTES
    ) -> Iterator[tuple[str, Entry, int, int]]:
        """Each label of an entry of ``kind`` printed in ``text[start:end]``, the characters of
        ``skip`` aside (鲲鹏行动计划 in 省“鲲鹏行动”计划): the label, its entry and the span."""
        labels = self._plain_labels.get(kind)
        if not labels:
            return
        view = PlainView(text, start, end, skip)
        if not self._any_label(kind).search(view.view):
            return  # most sentences print none of them: one scan instead of one per label
        for label, key, entry in labels:
            for s, e in view.find(key):
                yield label, entry, s, e

    def _any_label(self, kind: str) -> re.Pattern[str]:
        """One alternation of every (plain) label of ``kind``, longest first."""
        found = self._label_patterns.get(kind)
        if found is None:
            keys = sorted({key for _, key, _ in self._plain_labels[kind] if key}, key=len,
                          reverse=True)
            found = re.compile("|".join(map(re.escape, keys)) if keys else r"(?!)")
            self._label_patterns[kind] = found
        return found

    def entry(self, iri: URIRef) -> Entry | None:
        """The entry whose IRI is ``iri``."""
        return self._by_iri.get(iri)

    def platform_kind(self, iri: URIRef | str) -> PlatformKind | None:
        return self._kind_by_iri.get(URIRef(str(iri)))

    def kind_named(self, name: str) -> PlatformKind | None:
        for kind in self.kinds:
            if kind.name == name:
                return kind
        return None

    @property
    def department_aliases(self) -> dict[str, str]:
        """Abbreviation → full name of the department entries (read by extract/departments.py)."""
        return {alias: e.name for e in self.entries.get("department", []) for alias in e.aliases}

    def schemes(self) -> Graph:
        """The industry and platform-kind concept schemes, for the build's ontology graph."""
        out = Graph()
        for prefix, namespace in self.graph.namespaces():
            out.bind(prefix, namespace)
        for scheme in (INDUSTRY_SCHEME, PLATFORM_KIND_SCHEME):
            for triple in self.graph.triples((scheme, None, None)):
                out.add(triple)
            for concept in self.graph.subjects(SKOS.inScheme, scheme):
                for triple in self.graph.triples((concept, None, None)):
                    out.add(triple)
        return out


def load_lexicon(*paths: Path | str, empty: bool = False) -> Lexicon:
    """The default lexicon extended by the Turtle files ``paths`` (later files add entries).

    With ``empty=True`` only the platform kinds are kept: no industry, program, platform or place
    names, so an evaluation measures the rules alone.
    """
    graph = Graph()
    graph.parse(data=_default_text(), format="turtle")
    for path in paths:
        path = Path(path)
        try:
            graph.parse(path, format="turtle")
        except FileNotFoundError:
            raise InputError(f"{path}: no such lexicon file") from None
        except Exception as err:  # rdflib raises many types for bad Turtle
            first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
            raise InputError(f"{path}: not a Turtle lexicon ({first})") from None
    kinds = _platform_kinds(graph)
    if empty:
        kept = Graph()
        for prefix, namespace in graph.namespaces():
            kept.bind(prefix, namespace)
        for kind in kinds:
            for triple in graph.triples((kind.iri, None, None)):
                kept.add(triple)
        for triple in graph.triples((NEEDS_NAME, None, None)):
            kept.add(triple)
        return Lexicon(kept, {}, kinds)
    return Lexicon(graph, _entries(graph), kinds)


def _default_text() -> str:
    try:
        return files("plankg.graph.extract").joinpath("lexicon.ttl").read_text(encoding="utf-8")
    except (NotADirectoryError, FileNotFoundError, ModuleNotFoundError):
        # an editable install made before graph/__init__.py existed maps plankg.graph as a
        # namespace package, which importlib.resources cannot read; the file sits next to us
        return Path(__file__).with_name("lexicon.ttl").read_text(encoding="utf-8")


def _zh(graph: Graph, node: URIRef, predicate: URIRef) -> list[str]:
    return sorted(str(o) for o in graph.objects(node, predicate)
                  if isinstance(o, Literal) and (o.language or "").startswith("zh"))


def _en(graph: Graph, node: URIRef) -> str | None:
    found = sorted(str(o) for o in graph.objects(node, SKOS.prefLabel)
                   if isinstance(o, Literal) and (o.language or "").startswith("en"))
    return found[0] if found else None


def _entries(graph: Graph) -> dict[str, list[Entry]]:
    entries: dict[str, list[Entry]] = {}
    for scheme, kind in KINDS.items():
        for concept in sorted(graph.subjects(SKOS.inScheme, scheme)):
            if not isinstance(concept, URIRef):
                continue
            names = _zh(graph, concept, SKOS.prefLabel)
            if not names:
                continue
            level = next((LEVELS[o] for o in graph.objects(concept, PK.programLevel)
                          if o in LEVELS), None)
            platform_kind = next(iter(sorted(graph.objects(concept, PK.platformKind))), None)
            entries.setdefault(kind, []).append(Entry(
                iri=concept, kind=kind, name=names[0], en=_en(graph, concept),
                aliases=tuple(_zh(graph, concept, SKOS.altLabel)), level=level,
                platform_kind=URIRef(str(platform_kind)) if platform_kind else None,
                broader=tuple(sorted(URIRef(str(b)) for b in graph.objects(concept, SKOS.broader))),
            ))
    return entries


def _platform_kinds(graph: Graph) -> list[PlatformKind]:
    needs_name = set(graph.objects(NEEDS_NAME, SKOS.member))
    kinds = []
    for concept in sorted(graph.subjects(SKOS.inScheme, PLATFORM_KIND_SCHEME)):
        names = _zh(graph, concept, SKOS.prefLabel)
        if not isinstance(concept, URIRef) or not names:
            continue
        suffixes = tuple(dict.fromkeys([*names, *_zh(graph, concept, SKOS.altLabel)]))
        broader = next(iter(graph.objects(concept, SKOS.broader)), None)
        kinds.append(PlatformKind(
            iri=concept, name=names[0], en=_en(graph, concept), suffixes=suffixes,
            needs_name=concept in needs_name,
            broader=URIRef(str(broader)) if broader is not None else None,
        ))
    return kinds


def kind_suffixes(kinds: Iterable[PlatformKind]) -> list[tuple[str, PlatformKind]]:
    """Every suffix with its kind, longest first, so 院士专家工作站 wins over 工作站."""
    pairs = [(suffix, kind) for kind in kinds for suffix in kind.suffixes]
    return sorted(pairs, key=lambda pair: (-len(pair[0]), pair[0]))

