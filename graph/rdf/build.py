"""Plan texts → one RDF dataset: a named graph per plan plus the ontology graph (docs/model.md).

>>> from importlib.resources import files
>>> build = build_dataset([Path(str(files("plankg.corpus")))])
>>> [(p.title, p.counts["sections"] > 50) for p in build.plans]
[('吴兴区人才发展“十四五”规划', True), ('秀洲区人才发展“十四五”规划', True)]
"""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing as mp
import os
import pickle
import re
import shutil
import tempfile
import weakref
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from functools import cached_property
from importlib.resources import files
from pathlib import Path

import pyoxigraph
from rdflib import RDF, RDFS, BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, XSD

from plankg.errors import InputError
from plankg.graph.extract.departments import jurisdiction
from plankg.graph.extract.extractor import Facts, extract_facts
from plankg.graph.extract.facts import DEPARTMENT, INDUSTRY, PLATFORM, PROGRAM
from plankg.graph.extract.lexicon import Lexicon, load_lexicon
from plankg.graph.extract.segment import load as load_segmenter
from plankg.graph.extract.tasks import task_sections
from plankg.graph.rdf.coverage import Coverage, add_coverage, plan_coverage
from plankg.graph.rdf.evidence import add_evidence, section_iri
from plankg.graph.rdf.facts import LEVELS, add_facts
from plankg.graph.rdf.identifiers import Minter, Naming, in_plan, plan_graph_iri, plan_iri
from plankg.graph.rdf.indicators import add_indicators
from plankg.graph.rdf.ontology import load_ontology
from plankg.graph.rdf.quads import PlanGraph, add_nt, literal
from plankg.graph.rdf.regions import Region, region_chain
from plankg.graph.rdf.vocab import ONTOLOGY_GRAPH, PK
from plankg.graph.text.document import Document, Section
from plankg.graph.text.headings import TABLE
from plankg.graph.text.numerals import plan_period
from plankg.graph.text.structure import read_document
from plankg.graph.text.tables import parse_tables

# the terms of the section nodes in N-Triples syntax (graph/rdf/quads.py), made once
_TYPE, _SECTION, _LABEL, _TITLE = (f"<{t}>" for t in (RDF.type, PK.Section, RDFS.label,
                                                      DCTERMS.title))
_NUMBERING, _HEADING_STYLE, _HEADING_LEVEL, _ORDER = (
    f"<{t}>" for t in (PK.numbering, PK.headingStyle, PK.headingLevel, PK.order))
_TEXT_START, _TEXT_END, _NUMBERING_INFERRED = (f"<{t}>" for t in (PK.textStart, PK.textEnd,
                                                                   PK.numberingInferred))
_IS_PART_OF, _HAS_PART, _IN_PLAN, _HAS_EVIDENCE = (
    f"<{t}>" for t in (DCTERMS.isPartOf, DCTERMS.hasPart, PK.inPlan, PK.evidence))
_INTEGER = str(XSD.integer)
_TRUE = literal("true", datatype=str(XSD.boolean))
GOAL_SECTION = re.compile(r"主要目标|发展目标|总体目标|目标任务")
PLAN_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")  # what a folder build reads
REGION = "region"
# bump when the extractors or the RDF they write change: stores built before are rebuilt whole
EXTRACTOR_VERSION = "0.10"
PARALLEL_FROM = 4  # plans; fewer are built in this process (a pool costs more than it gains)


@dataclass
class PlanSummary:
    path: Path
    title: str
    iri: URIRef
    graph: URIRef
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    coverage: Coverage | None = None  # what was found in the text and what could be used


class Build:
    """What a build made: the N-Quads of every graph, and a summary per plan.

    The quads go straight into pyoxigraph (:attr:`store`); :attr:`dataset`, the same quads as an
    rdflib Dataset, is made from that store on first use, so what a build returns, stores and
    writes is one graph, every typed literal in the form the store keeps it ("52.0"^^xsd:decimal
    is "52").
    """

    def __init__(self, chunks: list[str | Path], plans: list[PlanSummary],
                 skipped: list[str] | None = None, spill: Spill | None = None) -> None:
        # N-Quads: one chunk per plan graph, then the ontology graph; each the text, or the
        # file of a build's spill folder that holds it (many plans are not kept in memory)
        self.chunks = chunks
        self.plans = plans
        self.skipped = skipped or []  # one line per file that could not be built
        self.records: list[dict] = []  # per plan: what an incremental build needs to know
        self.naming = Naming()  # the IRIs given out, with those of the store built before
        self._spill = spill  # the folder of the chunks in files, removed with this object

    @property
    def nquads(self) -> str:
        return "".join(chunk_text(chunk) for chunk in self.chunks)

    @cached_property
    def store(self) -> pyoxigraph.Store:
        """The quads in an in-memory pyoxigraph store."""
        store = pyoxigraph.Store()
        for chunk in self.chunks:
            if isinstance(chunk, Path):
                store.bulk_load(path=str(chunk), format=pyoxigraph.RdfFormat.N_QUADS)
            else:
                store.bulk_load(chunk, format=pyoxigraph.RdfFormat.N_QUADS)
        return store

    @cached_property
    def dataset(self) -> Dataset:
        """The quads as an rdflib Dataset (for callers who want rdflib objects)."""
        dataset = Dataset()
        dataset.parse(data=self.store.dump(format=pyoxigraph.RdfFormat.N_QUADS),
                      format="nquads")
        return dataset


def chunk_text(chunk: str | Path) -> str:
    """The N-Quads of one chunk of a build: the text itself, or the text of its file."""
    return chunk.read_text(encoding="utf-8") if isinstance(chunk, Path) else chunk


class Spill:
    """A temporary folder where the workers of a build write each plan's N-Quads, so that the
    building process holds a path per plan instead of its text (~5 MB a generated plan: a
    thousand plans would not fit the memory target of issue 14). It is removed when the last
    object that refers to it (the Build, the plans built) is gone, or at exit."""

    def __init__(self) -> None:
        self.path = Path(tempfile.mkdtemp(prefix="plankg-build-"))
        self._remove = weakref.finalize(self, shutil.rmtree, str(self.path), True)

    def file(self, index: int) -> Path:
        return self.path / f"{index:06d}.nq"


def bundled_corpus() -> Path:
    """The folder of plan texts shipped with the package (the project's ``corpus/``)."""
    return Path(str(files("plankg.corpus")))


def plan_files(paths: Iterable[Path | str]) -> list[Path]:
    """Every plan file the paths name: files as given, folders' plan files (``PLAN_SUFFIXES``)
    sorted by name. Which reader reads a file is chosen by its content, not its name."""
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            try:
                texts = sorted(p for p in path.iterdir()
                               if p.is_file() and p.suffix.lower() in PLAN_SUFFIXES)
            except OSError as err:
                raise InputError(f"{path}: cannot list the folder ({err.strerror})") from None
            if not texts:
                raise InputError(f"{path}: no plan texts (*.txt, *.html, *.htm, *.docx, *.pdf) "
                                 "in this folder")
            found.extend(texts)
        elif path.exists():
            found.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    unique: dict[Path, Path] = {}
    for path in found:
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


@dataclass
class _Built:
    """One plan as a worker built it: its triples as N-Quads and the shared IRIs it minted."""

    path: Path
    title: str
    sha256: str
    key: str
    chunk: str | Path  # its N-Quads, or the file of the build's spill folder that holds them
    claims: dict[str, str]  # shared IRI → the label that owns it (its own, or an earlier one's)
    summary: PlanSummary
    reminted: bool = False  # built again because an earlier plan owned one of its slugs
    spill: Spill | None = None  # keeps the chunk's folder while this plan is in use
    stat: tuple[int, int] | None = None  # the file's size and mtime (ns) before it was read

    @property
    def nquads(self) -> str:
        return chunk_text(self.chunk)

    def record(self) -> dict:
        """What the store remembers of this plan (docs/decisions/018-incremental-builds.md;
        the IRIs it minted are in the record's ``owners``, decision 036)."""
        record = {"path": str(self.path.resolve()), "sha256": self.sha256, "key": self.key,
                  "title": self.title, "graph": str(self.summary.graph)}
        if self.stat is not None:
            record["size"], record["mtime_ns"] = self.stat
        return record


# a file's size and mtime stand for its hash (docs/decisions/037-incremental-cost.md) only
# when it was last written this long before they were taken: a change within the same
# clock tick as that write would keep both
STAT_SETTLED_NS = 2_000_000_000


def settled_stat(path: Path) -> tuple[int, int] | None:
    """``path``'s size and mtime in ns, or None when it is missing or was written too recently
    for them to stand for its content."""
    import time

    try:
        found = path.stat()
    except OSError:
        return None
    if time.time_ns() - found.st_mtime_ns < STAT_SETTLED_NS:
        return None
    return found.st_size, found.st_mtime_ns


_WORKER_LEXICON: Lexicon | None = None
_WORKER_NAMING: Naming | None = None


def _init_worker(lexicon: Lexicon, naming: Naming | None = None) -> None:
    global _WORKER_LEXICON, _WORKER_NAMING
    _WORKER_LEXICON = lexicon
    _WORKER_NAMING = naming


def _build_one(path: Path, lexicon: Lexicon | None = None, key: str | None = None,
               minter: Minter | None = None, spill_to: Path | None = None,
               naming: Naming | None = None) -> _Built | str:
    """Read, extract and write one plan; a bad file gives one line naming it, not an exception.

    Its key and shared IRIs are minted over ``naming`` (what the store gave out before) unless
    given. With ``spill_to`` the N-Quads are written to that file and the result names it, and
    the plan's facts are kept beside it (:func:`_facts_file`): building the plan again with
    other owners (decision 038) reads them instead of extracting the text again."""
    lexicon = lexicon if lexicon is not None else _WORKER_LEXICON
    naming = naming if naming is not None else _WORKER_NAMING
    assert lexicon is not None
    try:
        stat = settled_stat(path)  # before reading: a change after it shows as another mtime
        doc = read_document(path)
        if key is None:
            key = (naming or Naming()).plan_key(str(path.resolve()), doc.title, doc.sha256)
        minter = minter if minter is not None else Minter(naming.owners if naming else None)
        graph = PlanGraph(plan_graph_iri(key))
        facts = _read_facts(spill_to, doc) if spill_to is not None else None
        extracted = facts is None
        if facts is None:
            facts = extract_facts(doc, lexicon=lexicon)
        summary = add_plan(graph, doc, key, minter=minter, lexicon=lexicon, facts=facts)
    except InputError as err:
        return str(err)
    except Exception as err:  # an extractor that trips on an odd file must not stop the others
        detail = " ".join(str(err).split())[:160]
        return f"{path}: cannot build this plan ({type(err).__name__}: {detail})"
    chunk: str | Path = graph.nquads()
    if spill_to is not None:
        spill_to.write_text(chunk, encoding="utf-8")
        chunk = spill_to
        if extracted:
            _write_facts(spill_to, doc, facts)
    return _Built(path, doc.title, doc.sha256, key, chunk, minter.claims(), summary, stat=stat)


def _facts_file(spill_to: Path) -> Path:
    """Where a spilled plan's facts are kept: beside its N-Quads, in the build's own folder."""
    return spill_to.with_suffix(".facts")


def _write_facts(spill_to: Path, doc: Document, facts: Facts) -> None:
    """Keep ``facts`` beside the plan's spilled N-Quads; if that fails, a build of the plan
    again extracts it again."""
    try:
        _facts_file(spill_to).write_bytes(pickle.dumps((doc.sha256, facts), protocol=5))
    except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
        with contextlib.suppress(OSError):
            _facts_file(spill_to).unlink(missing_ok=True)


def _read_facts(spill_to: Path, doc: Document) -> Facts | None:
    """The facts a worker extracted from ``doc`` before, if it was this very text."""
    try:
        sha256, facts = pickle.loads(_facts_file(spill_to).read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError,
            ImportError):
        return None
    return facts if sha256 == doc.sha256 and isinstance(facts, Facts) else None


def build_dataset(paths: Iterable[Path | str] | None = None, *, lexicon: Lexicon | None = None,
                  progress: Callable[[Path], None] | None = None, jobs: int | None = None,
                  skip_bad: bool = False, naming: Naming | None = None) -> Build:
    """Read, structure and extract every plan of ``paths`` (default: the bundled corpus).

    Plans are built by a pool of ``jobs`` processes (default: one per core; from
    :data:`PARALLEL_FROM` plans on) and put together in a fixed order, by title and hash, so the
    output does not depend on which process finished first. A bad file raises
    :class:`InputError` naming it, or with ``skip_bad`` is left out and listed in
    ``Build.skipped`` (one line each); if no file can be built, that is an error either way.
    ``naming``: the IRIs the store being rebuilt gave out, kept (decision 036); by default a
    new store's, settled by title order. ``Build.naming`` is what the store gives out after.
    """
    files_ = plan_files(paths if paths is not None else [bundled_corpus()])
    lexicon = lexicon if lexicon is not None else load_lexicon()
    naming = _fresh(naming)
    results, spill = _build_all(files_, lexicon, progress, jobs, naming)
    failed = [r for r in results if isinstance(r, str)]
    if failed and (not skip_bad or len(failed) == len(results)):
        raise InputError(failed[0])
    built = settle([r for r in results if not isinstance(r, str)], naming, lexicon, jobs)
    chunks: list[str | Path] = [one.chunk for one in built]
    chunks.append(ontology_nquads(lexicon))
    build = Build(chunks, [one.summary for one in built], skipped=failed, spill=spill)
    build.records = [one.record() for one in built]
    build.naming = naming
    return build


def _fresh(naming: Naming | None) -> Naming:
    """A copy of ``naming`` to settle a build in (the caller's stays as it was)."""
    if naming is None:
        return Naming()
    return Naming(dict(naming.owners), set(naming.taken), dict(naming.keys))


def settle(built: list[_Built], naming: Naming, lexicon: Lexicon,
           jobs: int | None = None) -> list[_Built]:
    """The plans in title order, each with the key and shared IRIs that building them one
    after the other over ``naming`` gives: a base IRI or plan key already given out stays its
    owner's, and among the plans of this build the first (by title, then hash) to use a slug
    owns it. ``naming`` takes what each plan claims.

    One function for a full build and an incremental one (decision 036): a new plan that
    meets a name a kept plan owns gets the hashed form, as a later plan of a full build does.
    A plan whose worker minted otherwise (a homophone of an earlier plan's name, a second plan
    of one title) is built again. Which plans those are does not depend on building them
    again: a plan asks its minter for the same slugs whoever owns them, so the owners after it
    are the same either way (decision 038). They are built again in the pool, each with the
    owners of the slugs it asks for, from the facts its worker kept beside its spill file.
    """
    ordered = sorted(built, key=lambda b: (b.title, b.sha256))
    again: dict[int, _Task] = {}
    for i, one in enumerate(ordered):
        key = naming.plan_key(str(one.path.resolve()), one.title, one.sha256)
        if key != one.key or not naming.agrees(one.claims):
            owners = {iri: naming.owners[iri] for iri in one.claims if iri in naming.owners}
            again[i] = _Task(one.path, key, Minter(owners),
                             one.chunk if isinstance(one.chunk, Path) else None)
        naming.claim(key, one.title, one.claims)
    for i, rebuilt in zip(again, _run(list(again.values()), lexicon, None, jobs, pool_from=2),
                          strict=True):
        if isinstance(rebuilt, str):  # the file changed under the build
            raise InputError(rebuilt)
        rebuilt.reminted = True
        rebuilt.spill = ordered[i].spill  # its chunk is a file of the same spill folder
        naming.claim(rebuilt.key, rebuilt.title, rebuilt.claims)  # its hashed IRIs
        ordered[i] = rebuilt
    return ordered


@dataclass
class PlanUpdate:
    """Plans built against what a store already holds (an incremental build)."""

    built: list[_Built]
    skipped: list[str]
    naming: Naming  # what the store gives out once these plans are in


def build_plans(files_: list[Path], *, naming: Naming, lexicon: Lexicon | None = None,
                progress: Callable[[Path], None] | None = None,
                jobs: int | None = None) -> PlanUpdate:
    """Build ``files_`` as additions to plans already built, whose IRIs (``naming``: every
    base IRI the store gave out, the keys of the plans kept, the key each replaced file had)
    stay as they are.

    Each plan's graph holds its own description of every shared node it names, so plans can
    be replaced one by one. A new plan whose name takes a slug another label owns (a homophone,
    a second plan of one title) gets the hashed form, as in a full build (:func:`settle`); the
    workers mint over ``naming`` from the start, so only a clash between two new plans costs
    a plan's second build.
    """
    lexicon = lexicon if lexicon is not None else load_lexicon()
    naming = _fresh(naming)
    results, _ = _build_all(files_, lexicon, progress, jobs, naming)
    built = settle([r for r in results if not isinstance(r, str)], naming, lexicon, jobs)
    skipped = [r for r in results if isinstance(r, str)]
    return PlanUpdate(built, skipped, naming)


@dataclass
class _Task:
    """One plan to build: its file and, when built again, its key, minter and spill file."""

    path: Path
    key: str | None = None
    minter: Minter | None = None
    spill_to: Path | None = None


def _build_all(files_: list[Path], lexicon: Lexicon, progress: Callable[[Path], None] | None,
               jobs: int | None,
               naming: Naming | None = None) -> tuple[list[_Built | str], Spill | None]:
    """Each file built, in the order of ``files_``; in a process pool when that is worth it.

    From :data:`PARALLEL_FROM` plans on, each plan's N-Quads go to a file of a :class:`Spill`
    folder (returned; every result refers to it) instead of being held in memory."""
    spill = Spill() if len(files_) >= PARALLEL_FROM else None
    tasks = [_Task(path, spill_to=spill.file(i) if spill is not None else None)
             for i, path in enumerate(files_)]
    results = _run(tasks, lexicon, progress, jobs, naming=naming)
    for one in results:
        if not isinstance(one, str):
            one.spill = spill
    return results, spill


def _run(tasks: list[_Task], lexicon: Lexicon, progress: Callable[[Path], None] | None,
         jobs: int | None, *, pool_from: int = PARALLEL_FROM,
         naming: Naming | None = None) -> list[_Built | str]:
    """Each task built, results in the order of ``tasks``; from ``pool_from`` tasks on in a
    process pool of ``jobs`` (default: one per core). A task without its own key and minter
    mints over ``naming``."""
    jobs = jobs if jobs is not None else (os.cpu_count() or 1)
    jobs = min(jobs, len(tasks))
    results: list[_Built | str] = []
    if jobs <= 1 or len(tasks) < pool_from or "fork" not in mp.get_all_start_methods():
        for task in tasks:
            results.append(_build_one(task.path, lexicon, task.key, task.minter,
                                      spill_to=task.spill_to, naming=naming))
            if progress is not None:
                progress(task.path)
        return results
    # fork: the workers inherit the loaded modules, jieba's dictionary and the lexicon
    # instead of each loading or unpickling them
    load_segmenter()
    context = mp.get_context("fork")
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker,
                             initargs=(lexicon, naming)) as pool:
        futures = {pool.submit(_build_one, task.path, None, task.key, task.minter,
                               spill_to=task.spill_to): i
                   for i, task in enumerate(tasks)}
        done: dict[int, _Built | str] = {}
        for future in as_completed(futures):
            done[futures[future]] = future.result()
            if progress is not None:
                progress(tasks[futures[future]].path)
    return [done[i] for i in range(len(tasks))]


def ontology_nquads(lexicon: Lexicon) -> str:
    """The ontology graph: the vocabulary and the lexicon's concept schemes, skolemised."""
    ontology = PlanGraph(ONTOLOGY_GRAPH)
    for triple in _skolemised(load_ontology() + lexicon.schemes()):
        ontology.add(triple)
    return ontology.nquads()


def add_plan(graph: PlanGraph, doc: Document, key: str, *, minter: Minter,
             lexicon: Lexicon, facts: Facts | None = None) -> PlanSummary:
    """Add one plan's triples to ``graph``, its named graph (``facts``: those extracted from
    ``doc`` already, if any)."""
    plan = plan_iri(key)
    summary = PlanSummary(doc.path, doc.title, plan, graph.identifier)
    _plan_node(graph, doc, plan)
    regions = _regions(graph, doc, plan, minter)
    sections = _sections(graph, doc, plan)
    goals = _goals(graph, doc, plan)
    tasks = _tasks(graph, doc, plan)
    facts = facts if facts is not None else extract_facts(doc, lexicon=lexicon)
    add_facts(graph, doc, plan, facts, minter=minter, lexicon=lexicon)
    _publishers(graph, doc, plan, facts, minter)
    tables = parse_tables(doc)
    report = add_indicators(graph, doc, plan, tables)
    summary.warnings.extend(report.warnings)
    if not regions:
        summary.warnings.append(f"{doc.path.name}: no region found in the title {doc.title!r}, "
                                f"its issuers or its body")
    summary.coverage = plan_coverage(doc, facts, tables)
    summary.warnings = summary.coverage.located(summary.warnings)
    add_coverage(graph, plan, summary.coverage)
    summary.counts = {
        "sections": sections,
        "goals": goals,
        "tasks": tasks,
        "programs": len(facts.names(PROGRAM)),
        "platforms": len(facts.names(PLATFORM)),
        "industries": len(facts.names(INDUSTRY)),
        "departments": len(facts.names(DEPARTMENT)),
        "indicators": len(set(graph.subjects(RDF.type, PK.Indicator))),
        "targets": len(facts.targets),
        "triples": len(graph),
    }
    return summary


# --- the plan ------------------------------------------------------------------------------


def _plan_node(graph: PlanGraph, doc: Document, plan: URIRef) -> None:
    meta = doc.metadata
    graph.add((plan, RDF.type, PK.Plan))
    graph.add((plan, RDFS.label, Literal(doc.title, lang="zh")))
    graph.add((plan, DCTERMS.title, Literal(doc.title, lang="zh")))
    graph.add((plan, DCTERMS.source, Literal(doc.path.name)))
    graph.add((plan, PK.sha256, Literal(doc.sha256)))
    if doc.encoding:  # a PDF's text has no byte encoding of its own
        graph.add((plan, PK.encoding, Literal(doc.encoding)))
    if doc.media_type != "text/plain":  # a text file is its own text; others keep what was read
        graph.add((plan, DCTERMS.format, Literal(doc.media_type)))
        graph.add((plan, PK.sourceText, Literal(doc.text)))
    graph.add((plan, PK.documentType, Literal(doc.doc_type, lang="zh")))
    issued = meta.issued_date or meta.written_date
    if issued:
        graph.add((plan, DCTERMS.issued, Literal(issued, datatype=XSD.date)))
    if meta.written_date:
        graph.add((plan, PK.writtenDate, Literal(meta.written_date, datatype=XSD.date)))
    for identifier in (meta.index_number, meta.document_number):
        if identifier:
            graph.add((plan, DCTERMS.identifier, Literal(identifier)))
    period = plan_period(doc.title)
    if period:
        start, end = period
        graph.add((plan, DCTERMS.temporal, Literal(f"{start}/{end}")))
        graph.add((plan, PK.periodStart, Literal(str(start), datatype=XSD.gYear)))
        graph.add((plan, PK.periodEnd, Literal(str(end), datatype=XSD.gYear)))
    if doc.title_end > doc.title_start:
        evidence = add_evidence(graph, text=doc.text, plan=plan, start=doc.title_start,
                                end=doc.title_end, section=None)
        graph.add((plan, PK.evidence, evidence))


def _regions(graph: PlanGraph, doc: Document, plan: URIRef, minter: Minter) -> list[Region]:
    """The plan's region and those above it; each with the first sentence that names it."""
    found = jurisdiction(doc)  # title, else issuers, else the place the body speaks for
    if found is None:
        return []
    chain = region_chain(found.name, found.parents)
    nodes = [minter.shared(REGION, region.name) for region in chain]
    graph.add((plan, DCTERMS.spatial, nodes[0]))
    for i, (region, node) in enumerate(zip(chain, nodes, strict=True)):
        graph.add((node, RDF.type, PK.Region))
        graph.add((node, RDFS.label, Literal(region.name, lang="zh")))
        if region.en:
            graph.add((node, RDFS.label, Literal(region.en, lang="en")))
        if region.code:
            graph.add((node, DCTERMS.identifier, Literal(region.code)))
        graph.add((node, PK.programLevel, LEVELS[region.level]))
        graph.add((node, PK.inPlan, plan))
        if i + 1 < len(nodes):
            graph.add((node, DCTERMS.isPartOf, nodes[i + 1]))
        at = doc.text.find(region.name, doc.title_start)
        if at < 0:
            at = doc.text.find(region.name)
        if at >= 0:
            sentence = _sentence_around(doc, at)
            evidence = add_evidence(graph, text=doc.text, plan=plan, start=sentence[0],
                                    end=sentence[1], section=doc.section_at(at))
        else:  # the plan never prints it: its region's parent as the table knows it
            evidence = add_evidence(graph, text=doc.text, plan=plan, start=doc.title_start,
                                    end=max(doc.title_end, doc.title_start + 1), section=None)
        graph.add((node, PK.evidence, evidence))
    return chain


def _sentence_around(doc: Document, at: int) -> tuple[int, int]:
    """The title, sentence or else line (a heading, a table row) ``at`` lies in."""
    if doc.title_start <= at < doc.title_end:
        return doc.title_start, doc.title_end
    sentence = doc.sentence_at(at)
    if sentence is not None:
        return sentence.start, sentence.end
    line_start = doc.text.rfind("\n", 0, at) + 1
    line_end = doc.text.find("\n", at)
    return line_start, line_end if line_end >= 0 else len(doc.text)


def _publishers(graph: PlanGraph, doc: Document, plan: URIRef, facts: Facts,
                minter: Minter) -> None:
    """dcterms:publisher → the departments the header names as issuers."""
    issuers = {*doc.metadata.issuers, *([doc.metadata.publisher] if doc.metadata.publisher else [])}
    body_end = max((top.end for top in doc.sections), default=len(doc.text))
    for mention in facts.mentions:
        # printed in the front matter or in a closing signature, not named in the body
        outside = mention.start < max(doc.title_start, 1) or mention.start >= body_end
        if mention.kind == DEPARTMENT and mention.surface in issuers and outside:
            graph.add((plan, DCTERMS.publisher, minter.shared(DEPARTMENT, mention.name)))


# --- sections, goals, tasks ----------------------------------------------------------------


def _sections(graph: PlanGraph, doc: Document, plan: URIRef) -> int:
    count = 0
    parents: dict[int, str] = {}
    plan_term = f"<{plan}>"
    for section in doc.walk():
        node_iri = section_iri(plan, section)
        node = f"<{node_iri}>"
        for child in section.children:
            parents[id(child)] = node
        parent = parents.get(id(section), plan_term)
        add_nt(graph, node, _TYPE, _SECTION)
        add_nt(graph, node, _LABEL, literal(section.label, lang="zh"))
        add_nt(graph, node, _TITLE, literal(section.title, lang="zh"))
        add_nt(graph, node, _NUMBERING, literal(section.numbering))
        add_nt(graph, node, _HEADING_STYLE, literal(section.style))
        add_nt(graph, node, _HEADING_LEVEL, literal(str(section.level), datatype=_INTEGER))
        add_nt(graph, node, _ORDER, literal(str(section.order), datatype=_INTEGER))
        add_nt(graph, node, _TEXT_START, literal(str(section.start), datatype=_INTEGER))
        add_nt(graph, node, _TEXT_END, literal(str(section.end), datatype=_INTEGER))
        if section.numbering_inferred:
            add_nt(graph, node, _NUMBERING_INFERRED, _TRUE)
        add_nt(graph, node, _IS_PART_OF, parent)
        add_nt(graph, parent, _HAS_PART, node)
        add_nt(graph, node, _IN_PLAN, plan_term)
        _heading_evidence(graph, doc, plan, section, node_iri)
        count += 1
    return count


def _heading_evidence(graph: PlanGraph, doc: Document, plan: URIRef, section: Section,
                      node: URIRef) -> None:
    evidence = add_evidence(graph, text=doc.text, plan=plan, start=section.heading_start,
                            end=section.heading_end, section=section)
    add_nt(graph, f"<{node}>", _HAS_EVIDENCE, f"<{evidence}>")


def _defined(graph: PlanGraph, doc: Document, plan: URIRef, section: Section, kind: str,
             link: URIRef) -> None:
    node = in_plan(plan, kind, section.key)
    graph.add((node, RDF.type, PK.Goal if kind == "goal" else PK.Task))
    graph.add((node, RDFS.label, Literal(section.title, lang="zh")))
    graph.add((node, PK.definedIn, section_iri(plan, section)))
    graph.add((node, PK.inPlan, plan))
    graph.add((plan, link, node))
    _heading_evidence(graph, doc, plan, section, node)


def _goals(graph: PlanGraph, doc: Document, plan: URIRef) -> int:
    """A Goal per item under a 主要目标/发展目标 heading (the heading itself when it has none)."""
    count = 0
    for section in doc.walk():
        if section.style == TABLE or not GOAL_SECTION.search(section.title) \
                or any(GOAL_SECTION.search(child.title) for child in section.children):
            continue  # "二、指导思想、基本原则和主要目标" holds the goal section, it is not one
        items = [c for c in section.children if c.style != TABLE]
        for item in items or [section]:
            _defined(graph, doc, plan, item, "goal", PK.hasGoal)
            count += 1
    return count


def _tasks(graph: PlanGraph, doc: Document, plan: URIRef) -> int:
    """A Task per task section (graph/extract/tasks.py): the sections of a chapter of tasks
    (…任务, 重点工作, 保障措施 …) and every item that carries a responsibility annotation, with
    the items of its list."""
    count = 0
    for section in task_sections(doc):
        _defined(graph, doc, plan, section, "task", PK.hasTask)
        count += 1
    return count


# --- determinism ---------------------------------------------------------------------------


def _skolemised(graph: Graph) -> Graph:
    """``graph`` with each blank node replaced by an IRI derived from where it hangs, so that the
    same ontology always serialises to the same bytes (blank node labels are random)."""
    names: dict[BNode, URIRef] = {}

    def name(node: BNode, seen: tuple[BNode, ...] = ()) -> URIRef:
        if node not in names:
            referrers = sorted(
                (str(s) if not isinstance(s, BNode) or s in seen else str(name(s, (*seen, node))),
                 str(p))
                for s, p in graph.subject_predicates(node)
            )
            digest = hashlib.sha1(repr(referrers).encode("utf-8")).hexdigest()[:12]
            names[node] = URIRef(f"https://w3id.org/plankg/.well-known/genid/{digest}")
        return names[node]

    out = Graph()
    for s, p, o in graph:
        out.add((name(s) if isinstance(s, BNode) else s, p,
                 name(o) if isinstance(o, BNode) else o))
    return out
