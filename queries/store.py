"""The embedded on-disk graph store: a pyoxigraph (RocksDB) directory that queries read as is.

Where it lives: ``$PLANKG_STORE`` if set, else ``.plankg/store`` under the current directory
(like ``.git``, the store belongs to the project a researcher works in). ``write_store`` builds a
complete new store beside the old one and swaps the directories, so a build that fails halfway
leaves the previous store untouched, and a store, once written, is never modified in place:
readers and ``plankg serve`` can take snapshots of it without locking. An incremental build
(``replace_graphs``) changes a hard-linked copy and swaps it in the same way. The swap is one
``renameat2(RENAME_EXCHANGE)`` where Linux has it, so a reader finds the old store or the new one,
never none. One writer at a time: ``build_lock`` (an ``flock`` on ``.<store>.lock`` beside the
store) refuses a second build in one line (docs/decisions/027-store-lock-and-swap.md).

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
import ctypes
import ctypes.util
import errno
import fcntl
import io
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO

import pyoxigraph

from plankg.errors import InputError

if TYPE_CHECKING:  # rdflib is imported where an rdflib graph is handed over or asked for
    from rdflib import Dataset, Graph

    Quads = Dataset | Graph | pyoxigraph.Store | str | bytes | list[str | Path]

ENV_VAR = "PLANKG_STORE"
DEFAULT_DIR = Path(".plankg") / "store"
# RocksDB writes this file first; a directory holding it is a store
_MARKER = "CURRENT"
# a reader that meets a store being swapped opens it again, this often, this far apart (s)
OPEN_ATTEMPTS = 20
OPEN_RETRY_DELAY = 0.05


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
    A build swaps the store directory in one step; a reader that was opening it at that moment
    finds files of two stores, which RocksDB detects ("Corruption", or a missing file), and it
    opens the store again: it gets the old store or the new one, never a mix. Once open, a
    store stays readable even after a build has replaced and deleted it (its files stay open).
    """
    path = Path(path) if path is not None else default_store_dir()
    for attempt in range(OPEN_ATTEMPTS):
        if not is_store(path):
            if attempt + 1 < OPEN_ATTEMPTS and build_running(path):
                time.sleep(OPEN_RETRY_DELAY)  # maybe between the two renames of a fallback swap
                continue
            hint = "" if path.exists() else " (run `plankg build` first, or pass --store/--graph)"
            raise StoreError(f"{path}: no graph store here{hint}")
        try:
            return pyoxigraph.Store.read_only(str(path))
        except (OSError, RuntimeError) as err:
            if attempt + 1 == OPEN_ATTEMPTS:
                raise StoreError(f"{path}: cannot open the graph store: {err}") from err
            time.sleep(OPEN_RETRY_DELAY)
    raise AssertionError("unreachable")


def write_store(dataset: Quads, path: Path | str | None = None, *,
                record: dict | None = None) -> int:
    """Replace the store at ``path`` with the quads of ``dataset``; return the number of quads.

    ``dataset`` is an rdflib Dataset or Graph, a pyoxigraph Store, or N-Quads text (one string,
    or a list of them: the build's chunks, one per plan, each the text or a file holding it).

    The new store is built in a temporary directory next to ``path`` and swapped in only once
    complete. ``path`` must be absent, empty, or an existing store: anything else is refused
    rather than deleted. A build ``record`` is written into the new store before the swap, so
    the store and its record change together.
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
        if record is not None:
            write_build_record(building / "store", record)
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
            # a build's own N-Quads, its IRIs and language tags checked when they were
            # written: lenient skips checking them again (docs/decisions/031-lenient-bulk-load.md)
            store.bulk_load(io.BufferedReader(_Chained(batch), 1 << 20),
                            format=pyoxigraph.RdfFormat.N_QUADS, lenient=True)
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


_RENAME_EXCHANGE = 2  # linux/fs.h
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two directory entries in one step (Linux ``renameat2``); False where unsupported."""
    libc_name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(libc_name, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError, TypeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                          ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EXDEV):
        return False  # old kernel or a file system without exchange: two renames instead
    raise OSError(code, os.strerror(code), str(b))


def _swap(new: Path, path: Path) -> None:
    old: Path | None = None
    if path.exists():
        try:
            exchanged = _exchange(new, path)
        except OSError as err:
            raise StoreError(f"{path}: cannot replace the graph store: {err.strerror}") from err
        if exchanged:  # ``new`` now names the previous store
            with contextlib.suppress(OSError):
                shutil.rmtree(new)
            return
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
        # compact: json's C encoder writes it; with ``indent`` the pure-Python one takes ~1 s
        # for the record of 300 plans (docs/decisions/037-incremental-cost.md)
        temp.write_text(json.dumps(record, ensure_ascii=False, separators=(",", ":"),
                                   sort_keys=True), encoding="utf-8")
        os.replace(temp, path / BUILD_RECORD)
    except OSError as err:
        temp.unlink(missing_ok=True)
        raise StoreError(f"{path}: cannot write the build record: {err.strerror or err}") from err


def replace_graphs(path: Path | str | None, *, remove: list[str],
                   add: list[tuple[str, str]], record: dict | None = None) -> None:
    """In the store at ``path``, drop the named graphs ``remove`` and those of ``add``, then load
    each ``(graph IRI, N-Quads text)`` of ``add``.

    What it costs grows with the graphs changed, not with the store: no step reads every quad
    (counting them took 4 s at 300 plans; docs/decisions/037-incremental-cost.md).

    The live store is never written: the changes go into a RocksDB backup of it beside it (hard
    links, so a store of a thousand plans is not copied to change one), which is then swapped
    in like a full build's store. A build killed at any moment leaves the previous store as it
    was, and a reader sees the store before or after, never half of the change. ``record``
    (the new build record) is written into the copy before the swap; without it the old one is
    carried over.
    """
    path = Path(path) if path is not None else default_store_dir()
    if not is_store(path):
        raise StoreError(f"{path}: no graph store here")
    try:
        building = Path(tempfile.mkdtemp(prefix=f".{path.name}.new-", dir=path.parent))
    except OSError as err:
        raise StoreError(f"{path}: cannot create the graph store: {err}") from err
    copy = building / "store"
    try:
        try:
            pyoxigraph.Store.read_only(str(path)).backup(str(copy))
            store = pyoxigraph.Store(str(copy))
        except OSError as err:
            raise StoreError(f"{path}: cannot open the graph store for writing: {err}") from err
        try:
            for iri in [*remove, *(iri for iri, _ in add)]:
                store.remove_graph(pyoxigraph.NamedNode(iri))
            for _, text in add:
                store.bulk_load(text, format=pyoxigraph.RdfFormat.N_QUADS, lenient=True)
            store.flush()
        finally:
            del store  # closes RocksDB before the directory is renamed
        if record is not None:
            write_build_record(copy, record)
        elif (path / BUILD_RECORD).is_file():
            shutil.copy2(path / BUILD_RECORD, copy / BUILD_RECORD)
        _swap(copy, path)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    shutil.rmtree(building, ignore_errors=True)


# --- one writer at a time --------------------------------------------------------------------


def lock_path(path: Path) -> Path:
    """The lock file of the store at ``path``: beside it, since the store directory is swapped."""
    return path.parent / f".{path.name}.lock"


@contextlib.contextmanager
def build_lock(path: Path | str | None = None) -> Iterator[None]:
    """Hold the store's write lock for the ``with`` block, or refuse in one line.

    An ``flock`` dies with its process, so a killed build never leaves the store locked. Temporary
    directories a killed build left beside the store are removed once the lock is held.
    """
    path = Path(path) if path is not None else default_store_dir()
    lock = lock_path(path)
    while True:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle = lock.open("a+", encoding="utf-8")
        except OSError as err:
            raise StoreError(f"{path}: cannot create the lock file {lock}: {err.strerror}") from err
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise StoreError(f"{path}: another build is writing this store (pid {holder}); "
                             "try again when it has finished") from None
        if _same_file(handle, lock):
            break
        handle.close()  # the holder before us removed this file as we opened it: again
    with handle:
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(str(os.getpid()))
            handle.flush()
            _remove_leftovers(path)
            yield
        finally:
            # removed while still held, so nobody can lock the old file and think it theirs
            with contextlib.suppress(OSError):
                lock.unlink()
            fcntl.flock(handle, fcntl.LOCK_UN)


def _same_file(handle: IO[str], path: Path) -> bool:
    try:
        return os.fstat(handle.fileno()).st_ino == path.stat().st_ino
    except OSError:
        return False


def build_running(path: Path) -> bool:
    """Whether a build holds the write lock of the store at ``path`` right now."""
    try:
        with lock_path(path).open("rb") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            fcntl.flock(handle, fcntl.LOCK_UN)
    except OSError:
        pass  # no lock file: no build ever ran here
    return False


def _remove_leftovers(path: Path) -> None:
    """Delete the ``.<name>.new-*`` / ``.<name>.old-*`` folders of a build that was killed."""
    with contextlib.suppress(OSError):
        for entry in path.parent.iterdir():
            if entry.name.startswith((f".{path.name}.new-", f".{path.name}.old-")):
                shutil.rmtree(entry, ignore_errors=True)
