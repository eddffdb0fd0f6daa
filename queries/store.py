"""The embedded on-disk graph store: a pyoxigraph (RocksDB) directory that queries read as is.

Where it lives: ``$PLANKG_STORE`` if set, else ``.plankg/store`` under the current directory
(like ``.git``, the store belongs to the project a researcher works in). ``write_store`` builds a
complete new store beside the old one and swaps the directories, so a build that fails halfway
leaves the previous store untouched, and a store, once written, is never modified in place:
readers and ``plankg serve`` can take snapshots of it without locking.

>>> import tempfile
>>> from rdflib import Dataset, Literal, URIRef
>>> ds = Dataset()
>>> g = ds.graph(URIRef("https://w3id.org/plankg/graph/p"))
>>> plan = URIRef("https://w3id.org/plankg/id/plan/p")
>>> _ = g.add((plan, URIRef("http://purl.org/dc/terms/title"), Literal("规划")))
>>> path = Path(tempfile.mkdtemp()) / "store"
>>> write_store(ds, path)
1
>>> len(open_store(path))
1
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import pyoxigraph

from plankg.errors import InputError

if TYPE_CHECKING:  # rdflib is imported where an rdflib graph is handed over or asked for
    from rdflib import Dataset, Graph

    Quads = Dataset | Graph | pyoxigraph.Store | str | bytes | list[str | Path]

ENV_VAR = "PLANKG_STORE"
DEFAULT_DIR = Path(".plankg") / "store"
# RocksDB writes this file first; a directory holding it is a store
_MARKER = "CURRENT"


class StoreError(InputError):
    """The store directory is missing, not a store, or cannot be written."""


def default_store_dir() -> Path:
    """``$PLANKG_STORE``, else ``.plankg/store`` under the current directory."""
    env = os.environ.get(ENV_VAR)
    return Path(env).expanduser() if env else DEFAULT_DIR


def is_store(path: Path) -> bool:
    return (path / _MARKER).is_file()


def open_store(path: Path | str | None = None) -> pyoxigraph.Store:
    """Open the store at ``path`` (default: :func:`default_store_dir`) read-only.

    Read-only opens never take RocksDB's write lock, so any number of readers can share a store.
    """
    path = Path(path) if path is not None else default_store_dir()
    if not is_store(path):
        hint = "" if path.exists() else " (run `plankg build` first, or pass --store/--graph)"
        raise StoreError(f"{path}: no graph store here{hint}")
    try:
        return pyoxigraph.Store.read_only(str(path))
    except OSError as err:
        raise StoreError(f"{path}: cannot open the graph store: {err}") from err


def write_store(dataset: Quads, path: Path | str | None = None) -> int:
    """Replace the store at ``path`` with the quads of ``dataset``; return the number of quads.

    ``dataset`` is an rdflib Dataset or Graph, a pyoxigraph Store, or N-Quads text (one string,
    or a list of them: the build's chunks, one per plan, each the text or a file holding it).

    The new store is built in a temporary directory next to ``path`` and swapped in only once
    complete. ``path`` must be absent, empty, or an existing store: anything else is refused
    rather than deleted.
    """
    path = Path(path) if path is not None else default_store_dir()
    try:
        if path.exists() and not is_store(path) and (not path.is_dir() or any(path.iterdir())):
            raise StoreError(f"{path}: exists and is not a graph store; refusing to replace it")
        path.parent.mkdir(parents=True, exist_ok=True)
        building = Path(tempfile.mkdtemp(prefix=f".{path.name}.new-", dir=path.parent))
    except OSError as err:
        raise StoreError(f"{path}: cannot create the graph store: {err}") from err
    try:
        count = _fill(building / "store", dataset)
        _swap(building / "store", path)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    shutil.rmtree(building, ignore_errors=True)
    return count


def dataset_to_store(dataset: Quads, path: Path | None = None) -> pyoxigraph.Store:
    """The quads of ``dataset`` in a new pyoxigraph store: on disk at ``path``, else in memory."""
    store = pyoxigraph.Store(str(path)) if path is not None else pyoxigraph.Store()
    if isinstance(dataset, pyoxigraph.Store):
        store.bulk_extend(iter(dataset))
        return store
    if isinstance(dataset, list):  # N-Quads chunks (a build's plans), a batch at a time
        for batch in _batches(dataset):
            store.bulk_load(io.BufferedReader(_Chained(batch), 1 << 20),
                            format=pyoxigraph.RdfFormat.N_QUADS)
        return store
    if isinstance(dataset, str | bytes):
        data = dataset
    else:
        data = dataset.serialize(format="nquads", encoding="utf-8")
    # N-Quads keeps every graph name; bulk_load streams it in without a transaction log
    store.bulk_load(data, format=pyoxigraph.RdfFormat.N_QUADS)
    return store


# Bytes of N-Quads per bulk_load: each call writes a set of files that RocksDB compacts later
# (~0.4 s a call on the build machine), one call for everything holds it all in the loader's
# memory (docs/decisions/022-build-memory.md).
BATCH_BYTES = 64 << 20


def _batches(chunks: list[str | Path]) -> Iterator[list[str | Path]]:
    """Consecutive chunks (texts, or files holding them) grouped into ~BATCH_BYTES each."""
    batch: list[str | Path] = []
    size = 0
    for chunk in chunks:
        batch.append(chunk)
        size += chunk.stat().st_size if isinstance(chunk, Path) else len(chunk)
        if size >= BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


class _Chained(io.RawIOBase):
    """The chunks of a batch read one after the other as one binary stream, so a batch is
    loaded without being joined into one string first."""

    def __init__(self, chunks: list[str | Path]) -> None:
        self._chunks = iter(chunks)
        self._current: BinaryIO | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while True:
            if self._current is None:
                chunk = next(self._chunks, None)
                if chunk is None:
                    return 0
                self._current = (chunk.open("rb") if isinstance(chunk, Path)
                                 else io.BytesIO(chunk.encode("utf-8")))
            count = self._current.readinto(buffer)
            if count:
                return count
            self._current.close()
            self._current = None

    def close(self) -> None:
        if self._current is not None:
            self._current.close()
            self._current = None
        super().close()


def _fill(target: Path, dataset: Quads) -> int:
    store = dataset_to_store(dataset, target)
    try:
        store.optimize()
        store.flush()
        return len(store)
    finally:
        del store  # closes RocksDB before the directory is renamed


def _swap(new: Path, path: Path) -> None:
    old: Path | None = None
    if path.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{path.name}.old-", dir=path.parent)) / "store"
        os.replace(path, old)
    try:
        os.replace(new, path)
    except OSError as err:
        if old is not None:
            os.replace(old, path)  # put the previous store back
        raise StoreError(f"{path}: cannot replace the graph store: {err}") from err
    if old is not None:
        with contextlib.suppress(OSError):
            shutil.rmtree(old.parent)


def store_to_dataset(store: pyoxigraph.Store) -> Dataset:
    """Every quad of ``store`` in a new rdflib Dataset (via N-Quads)."""
    from rdflib import Dataset

    dataset = Dataset()
    dataset.parse(data=store.dump(format=pyoxigraph.RdfFormat.N_QUADS), format="nquads")
    return dataset


# --- incremental builds (docs/decisions/018-incremental-builds.md) ------------------------------

BUILD_RECORD = "plankg-build.json"  # inside the store folder; RocksDB ignores files it did not make


def read_build_record(path: Path | str | None = None) -> dict | None:
    """What the last build recorded in the store at ``path``: plans, hashes, extractor version.

    ``None`` when there is no store or no readable record (a store from before records, or one
    written by other means): the next build is then a full one.
    """
    path = Path(path) if path is not None else default_store_dir()
    record = path / BUILD_RECORD
    if not is_store(path) or not record.is_file():
        return None
    try:
        import json

        data = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def write_build_record(path: Path | str | None, record: dict) -> None:
    """Write the build record into the store folder, atomically (a temp file, then a rename)."""
    import json

    path = Path(path) if path is not None else default_store_dir()
    temp = path / f".{BUILD_RECORD}.tmp"
    try:
        temp.write_text(json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True),
                        encoding="utf-8")
        os.replace(temp, path / BUILD_RECORD)
    except OSError as err:
        temp.unlink(missing_ok=True)
        raise StoreError(f"{path}: cannot write the build record: {err.strerror or err}") from err


def replace_graphs(path: Path | str | None, *, remove: list[str],
                   add: list[tuple[str, str]]) -> int:
    """In the store at ``path``, drop the named graphs ``remove`` and those of ``add``, then load
    each ``(graph IRI, N-Quads text)`` of ``add``; return the number of quads afterwards.

    This changes the store in place (the one exception to "a store is never modified"): an
    incremental build must not copy a store of a thousand plans to change one. Everything it
    loads was built before this is called, so a bad plan file never leaves a half-done store.
    """
    path = Path(path) if path is not None else default_store_dir()
    if not is_store(path):
        raise StoreError(f"{path}: no graph store here")
    try:
        store = pyoxigraph.Store(str(path))
    except OSError as err:
        raise StoreError(f"{path}: cannot open the graph store for writing: {err}") from err
    try:
        for iri in [*remove, *(iri for iri, _ in add)]:
            store.remove_graph(pyoxigraph.NamedNode(iri))
        for _, text in add:
            store.bulk_load(text, format=pyoxigraph.RdfFormat.N_QUADS)
        store.flush()
        return len(store)
    finally:
        del store
