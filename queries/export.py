"""Writing the graph out: Turtle, TriG, N-Triples, N-Quads or JSON-LD, always atomically.

TriG, N-Quads and JSON-LD keep the named graphs (one per plan, plus the ontology graph). Turtle
and N-Triples have no graphs: they get the union of all graphs, each triple once.

>>> import pyoxigraph
>>> store = pyoxigraph.Store()
>>> g = pyoxigraph.NamedNode("https://w3id.org/plankg/graph/p")
>>> s = pyoxigraph.NamedNode("https://w3id.org/plankg/id/plan/p")
>>> t = pyoxigraph.NamedNode("http://purl.org/dc/terms/title")
>>> store.add(pyoxigraph.Quad(s, t, pyoxigraph.Literal("规划", language="zh"), g))
>>> print(serialize(store, "nt").decode())
<https://w3id.org/plankg/id/plan/p> <http://purl.org/dc/terms/title> "规划"@zh .
<BLANKLINE>
"""

from __future__ import annotations

import heapq
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import pyoxigraph

from plankg.errors import InputError
from plankg.ontology import ID_IRI, PK_IRI
from plankg.queries.store import store_to_dataset

FORMATS: dict[str, pyoxigraph.RdfFormat] = {
    "ttl": pyoxigraph.RdfFormat.TURTLE,
    "trig": pyoxigraph.RdfFormat.TRIG,
    "nt": pyoxigraph.RdfFormat.N_TRIPLES,
    "nq": pyoxigraph.RdfFormat.N_QUADS,
    "jsonld": pyoxigraph.RdfFormat.JSON_LD,
}
SUFFIXES = {f".{fmt}": fmt for fmt in FORMATS}  # each format's name is its file suffix
PREFIXES = {
    "pk": PK_IRI,
    "pkid": ID_IRI,
    # plain strings, so that exporting does not import rdflib; tests/test_startup.py checks them
    # against rdflib's namespaces and graph/rdf/vocab.py
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "dcterms": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "org": "http://www.w3.org/ns/org#",
    "qb": "http://purl.org/linked-data/cube#",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "schema": "https://schema.org/",
}


def format_for(path: Path, given: str | None) -> str:
    """The export format: the one given, else the one the file name's suffix names."""
    if given:
        if given not in FORMATS:
            raise InputError(f"unknown format {given!r} (known: {', '.join(FORMATS)})")
        return given
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: cannot tell the format from the name; give -f")
    return fmt


def serialize(store: pyoxigraph.Store, fmt: str) -> bytes:
    """Every quad of ``store`` in format ``fmt`` (a key of :data:`FORMATS`)."""
    if fmt == "jsonld":
        return _jsonld(store)
    rdf_format = FORMATS[fmt]
    if fmt in ("trig", "nq"):
        return store.dump(format=rdf_format, prefixes=PREFIXES if fmt == "trig" else None)
    union = pyoxigraph.Store()  # a set of triples: one copy of what several graphs assert
    union.extend(pyoxigraph.Quad(q.subject, q.predicate, q.object) for q in store)
    return union.dump(
        format=rdf_format,
        from_graph=pyoxigraph.DefaultGraph(),
        prefixes=PREFIXES if fmt == "ttl" else None,
    )


def _jsonld(store: pyoxigraph.Store) -> bytes:
    # rdflib compacts with the project's JSON-LD context; pyoxigraph writes expanded form only
    from plankg.graph.rdf.ontology import load_context

    dataset = store_to_dataset(store)
    return dataset.serialize(format="json-ld", context=load_context()["@context"], encoding="utf-8")


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same directory.

    Either the whole new file is there afterwards or the old one (if any) is untouched. The file
    gets the mode a plain ``open()`` would give it: the old file's mode, else 0o666 less the
    umask (``mkstemp`` alone would leave it readable by its owner only).
    """
    with atomic_file(path) as out:
        out.write(data)


@contextmanager
def atomic_file(path: Path) -> Iterator[BinaryIO]:
    """A binary file to write ``path``'s new content to, put in place when the block ends
    without an error (as :func:`write_atomically`); on an error the old file stays."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)  # the only way to read the umask is to set it
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as err:
        raise InputError(f"{path}: cannot write here: {err.strerror or err}") from err
    try:
        with os.fdopen(handle, "wb") as out:
            yield out
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException as err:
        Path(temp).unlink(missing_ok=True)
        if isinstance(err, OSError):
            raise InputError(f"{path}: cannot write: {err.strerror or err}") from err
        raise


MERGE_FANIN = 128  # sorted runs merged at once (each an open file)


def write_export(path: Path, store: pyoxigraph.Store, fmt: str, *, sort: bool = False) -> int:
    """``store`` in ``fmt`` written atomically to ``path``; its size in bytes. With ``sort``
    the lines of N-Quads are sorted (:func:`write_sorted`), graph by graph."""
    with atomic_file(path) as out:
        write_stream(store, fmt, out, sort=sort)
        return out.tell()


def write_stream(store: pyoxigraph.Store, fmt: str, out: BinaryIO, *, sort: bool = False) -> None:
    """``store`` in ``fmt`` written to ``out`` as it is serialised, never a whole copy of the
    data in memory (a store of 1,000 plans is tens of GB of text): TriG and N-Quads straight
    from the store; N-Triples and Turtle, the union of the graphs with each triple once, from
    the sorted, merged N-Triples of :func:`write_sorted` (so both are byte-stable, a subject's
    triples together). JSON-LD is compacted by rdflib in memory (pyoxigraph writes expanded
    JSON-LD only)."""
    if fmt == "jsonld":
        out.write(_jsonld(store))
    elif fmt == "nq" and sort:
        write_sorted(store, fmt, out)
    elif fmt in ("trig", "nq"):
        store.dump(out, format=FORMATS[fmt], prefixes=PREFIXES if fmt == "trig" else None)
    elif fmt == "nt":
        write_sorted(store, fmt, out)
    else:
        with tempfile.TemporaryFile(prefix="plankg-union-") as lines:
            write_sorted(store, "nt", lines)
            lines.seek(0)
            triples = pyoxigraph.parse(lines, format=pyoxigraph.RdfFormat.N_TRIPLES)
            pyoxigraph.serialize(triples, out, format=FORMATS[fmt], prefixes=PREFIXES)


def write_sorted(store: pyoxigraph.Store, fmt: str, out: BinaryIO) -> None:
    """``store`` as N-Quads or N-Triples (``fmt``), its lines sorted and each once, the bytes
    ``sorted(set(serialize(store, fmt).split(b"\\n")))`` would give, written with the memory of
    one named graph: each graph is serialised and sorted alone into a temporary run, and the
    runs are merged (a triple several graphs assert is written once)."""
    graphs: list[pyoxigraph.NamedNode | pyoxigraph.DefaultGraph] = [pyoxigraph.DefaultGraph()]
    graphs += sorted(store.named_graphs(), key=lambda g: g.value)
    with tempfile.TemporaryDirectory(prefix="plankg-sort-") as folder:
        runs: list[Path] = []
        for i, graph in enumerate(graphs):
            one = pyoxigraph.Store()
            one.extend(store.quads_for_pattern(None, None, None, graph))
            lines = sorted(set(serialize(one, fmt).split(b"\n")) - {b""})
            if lines:
                runs.append(Path(folder, f"{i}.run"))
                runs[-1].write_bytes(b"\n".join(lines) + b"\n")
        level = 0
        while len(runs) > MERGE_FANIN:  # merge in rounds: one open file per run of a round
            merged: list[Path] = []
            for k in range(0, len(runs), MERGE_FANIN):
                merged.append(Path(folder, f"m{level}-{k}.run"))
                with merged[-1].open("wb") as target:
                    _merge(runs[k:k + MERGE_FANIN], target)
            runs, level = merged, level + 1
        _merge(runs, out)


def _unended(line: bytes) -> bytes:
    return line[:-1]  # a line's order is that of its text without the newline


def _merge(runs: Iterable[Path], out: BinaryIO) -> None:
    """The lines of sorted files ``runs``, merged in order, each once."""
    handles = [run.open("rb") for run in runs]
    try:
        last = None
        for line in heapq.merge(*handles, key=_unended):
            if line != last:
                out.write(line)
                last = line
    finally:
        for handle in handles:
            handle.close()
