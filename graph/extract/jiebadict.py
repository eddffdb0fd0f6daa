"""jieba's dictionary as a cache file read bucket by bucket: only the words a phrase needs.

jieba keeps its dictionary as two Python dicts built on every start: the prefix dictionary
(~500k words and word prefixes → frequency, marshal-loaded from jieba's own cache) and posseg's
tag table (~350k words → tag, parsed from dict.txt line by line). With ``import jieba`` (which
imports pkg_resources) that was 1.5–2.5 s of CPU before the first word of a plan was cut, while
a plan's phrases touch a few thousand of those entries
(docs/decisions/039-jieba-dictionary-cache.md).

Here both dicts are written once, by jieba itself, into one file under :func:`cache_dir`,
split into :data:`BUCKETS` small marshalled parts by the first two characters of a word (a
word of one character by itself); a lookup loads the part of its two first characters on first
use. The file is made again when it is missing, of another jieba version or dictionary (size
and mtime of dict.txt, else its SHA-256), or damaged (a CRC-32 of everything after the header);
when the cache folder cannot be written, the dicts jieba built are used from memory.

File layout: the header (:data:`_HEADER`), the offsets of the buckets (BUCKETS + 1 unsigned
32-bit integers, little-endian), then the buckets, each ``marshal.dumps((freqs, tags))``.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import mmap
import os
import re
import struct
import sys
import tempfile
import zlib
from array import array
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

log = logging.getLogger(__name__)

BUCKETS = 1 << 16
_MASK = BUCKETS - 1
# magic (the marshal format is Python's), jieba's version, dict.txt's SHA-256, size, mtime;
# jieba's total of frequencies, the number of buckets, the length and CRC-32 of the rest
_MAGIC = b"plankg-jieba-1.%d" % marshal.version
_HEADER = struct.Struct("<16s16s32sQqQIQI")
_VERSION = re.compile(rb"""^__version__\s*=\s*['"]([^'"]+)['"]""", re.M)


@dataclass(frozen=True)
class Source:
    """jieba's dictionary file as installed: where it is, which jieba it belongs to."""

    dictionary: Path
    version: str

    def stat(self) -> tuple[int, int]:
        st = self.dictionary.stat()
        return st.st_size, st.st_mtime_ns

    def sha256(self) -> bytes:
        return hashlib.sha256(self.dictionary.read_bytes()).digest()


def jieba_source() -> Source:
    """jieba's dict.txt and version, found without importing jieba (that imports pkg_resources,
    ~0.5 s)."""
    spec = find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("jieba is not installed")
    folder = Path(next(iter(spec.submodule_search_locations)))
    found = _VERSION.search((folder / "__init__.py").read_bytes())
    version = found.group(1).decode("ascii", "replace") if found else "unknown"
    return Source(folder / "dict.txt", version)


def head(word: str) -> str:
    """What a word's bucket is chosen by: its first two characters."""
    return word[:2]


def bucket(key: str) -> int:
    return zlib.crc32(key.encode("utf-8")) & _MASK


class Table:
    """Frequencies and tags of jieba's dictionary, as jieba's ``FREQ`` and posseg's
    ``word_tag_tab`` hold them. ``source`` says where they came from: ``"file"`` (the cache),
    ``"built"`` (jieba built them; the cache is written), ``"memory"`` (the cache could not be
    written)."""

    def __init__(self, total: int, source: str) -> None:
        self.total = total
        self.source = source

    def freq(self, word: str) -> int | None:
        """``FREQ.get(word)``: a word's count, 0 for a prefix of a word only, None if neither."""
        raise NotImplementedError

    def tag(self, word: str) -> str:
        """``word_tag_tab.get(word, "x")``."""
        raise NotImplementedError


class MemoryTable(Table):
    """The two dicts as jieba built them."""

    def __init__(
        self, freqs: dict[str, int], tags: dict[str, str], total: int, source: str
    ) -> None:
        super().__init__(total, source)
        self._freqs = freqs
        self._tags = tags

    def freq(self, word: str) -> int | None:
        return self._freqs.get(word)

    def tag(self, word: str) -> str:
        return self._tags.get(word, "x")


class FileTable(Table):
    """The cache file, mapped; a bucket is unmarshalled when a word of it is first looked up."""

    def __init__(self, mapped: mmap.mmap, offsets: array, total: int) -> None:
        super().__init__(total, "file")
        self._mapped = mapped
        self._offsets = offsets
        self._parts: dict[int, tuple[dict[str, int], dict[str, str]]] = {}
        self._heads: dict[str, tuple[dict[str, int], dict[str, str]]] = {}

    def _part(self, key: str) -> tuple[dict[str, int], dict[str, str]]:
        index = bucket(key)
        part = self._parts.get(index)
        if part is None:
            start, end = self._offsets[index], self._offsets[index + 1]
            part = self._parts[index] = marshal.loads(self._mapped[start:end])
        self._heads[key] = part
        return part

    def freq(self, word: str) -> int | None:
        key = word[:2]
        return (self._heads.get(key) or self._part(key))[0].get(word)

    def tag(self, word: str) -> str:
        key = word[:2]
        return (self._heads.get(key) or self._part(key))[1].get(word, "x")


def _version_field(source: Source) -> bytes:
    """jieba's version as the header holds it: 16 bytes, ASCII, padded with NULs."""
    return source.version.encode("ascii", "replace")[:16].ljust(16, b"\0")


def cache_file(directory: Path, source: Source) -> Path:
    return directory / f"jieba-{source.version}.words"


def open_table(directory: Path, source: Source | None = None) -> Table:
    """jieba's dictionary from the cache in ``directory``; made (by jieba) and written there
    first when the file is missing, stale or damaged; from memory when it cannot be written."""
    source = source or jieba_source()
    path = cache_file(directory, source)
    table = _read(path, source)
    if table is not None:
        return table
    freqs, tags, total = _from_jieba()
    try:
        _write(path, source, freqs, tags, total)
    except OSError as err:
        log.info(
            "%s: cannot write jieba's dictionary cache (%s); using it from memory",
            path,
            err.strerror or err,
        )
        return MemoryTable(freqs, tags, total, "memory")
    return MemoryTable(freqs, tags, total, "built")


def _read(path: Path, source: Source) -> FileTable | None:
    """The table in ``path``, or None if there is none or it does not hold ``source``'s words
    intact."""
    try:
        with open(path, "rb") as file:
            mapped = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # missing, unreadable, or empty (mmap of 0 bytes)
        return None
    try:
        table = _check(mapped, source)
    except (ValueError, struct.error, EOFError, TypeError) as err:
        log.info("%s: not a usable dictionary cache (%s); making it again", path, err)
        table = None
    if table is None:
        mapped.close()
    return table


def _check(mapped: mmap.mmap, source: Source) -> FileTable | None:
    if len(mapped) < _HEADER.size:
        raise ValueError("truncated header")
    (magic, version, digest, size, mtime_ns, total, buckets, length, crc) = _HEADER.unpack_from(
        mapped, 0
    )
    if magic != _MAGIC.ljust(16, b"\0") or buckets != BUCKETS:
        raise ValueError("another format")
    if version != _version_field(source):
        return None  # another jieba's: stale
    if (size, mtime_ns) != source.stat() and digest != source.sha256():
        return None  # another dictionary: stale
    if len(mapped) != _HEADER.size + length:
        raise ValueError("truncated or extended")
    if zlib.crc32(memoryview(mapped)[_HEADER.size :]) != crc:
        raise ValueError("checksum")
    offsets = array("I")
    offsets.frombytes(mapped[_HEADER.size : _HEADER.size + 4 * (BUCKETS + 1)])
    if sys.byteorder != "little":
        offsets.byteswap()
    if offsets[-1] != len(mapped):
        raise ValueError("offsets")
    return FileTable(mapped, offsets, total)


def _from_jieba() -> tuple[dict[str, int], dict[str, str], int]:
    """The prefix dictionary, the tag table and the total, as jieba and its posseg load them."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    tagger = jieba.posseg.dt
    return tagger.tokenizer.FREQ, tagger.word_tag_tab, tagger.tokenizer.total


def _write(
    path: Path, source: Source, freqs: dict[str, int], tags: dict[str, str], total: int
) -> None:
    """Write the table atomically (a temp file beside it, then a rename). The temp file is
    made first: a folder that cannot be written costs no time splitting the dicts."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            os.chmod(temp, 0o644)  # mkstemp's 0600 would hide it from other users of the folder
            header, body = _encode(source, freqs, tags, total)
            out.write(header)
            out.write(body)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _encode(
    source: Source, freqs: dict[str, int], tags: dict[str, str], total: int
) -> tuple[bytes, bytes]:
    """The header and the body (offsets, then buckets) of the file."""
    parts: list[tuple[dict[str, int], dict[str, str]]] = [({}, {}) for _ in range(BUCKETS)]
    for word, count in freqs.items():
        parts[bucket(word[:2])][0][word] = count
    for word, tag in tags.items():
        parts[bucket(word[:2])][1][word] = tag
    blobs = [marshal.dumps(part) for part in parts]
    offsets = array("I", [0] * (BUCKETS + 1))
    at = _HEADER.size + offsets.itemsize * len(offsets)
    for index, blob in enumerate(blobs):
        offsets[index] = at
        at += len(blob)
    offsets[BUCKETS] = at
    if sys.byteorder != "little":
        offsets.byteswap()
    body = offsets.tobytes() + b"".join(blobs)
    size, mtime_ns = source.stat()
    header = _HEADER.pack(
        _MAGIC,
        _version_field(source),
        source.sha256(),
        size,
        mtime_ns,
        total,
        BUCKETS,
        len(body),
        zlib.crc32(body),
    )
    return header, body
