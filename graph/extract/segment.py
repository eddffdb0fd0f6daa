"""Word boundaries from a segmenter: where a name that the stop words let run too far starts.

The finders scan a name leftwards from its kind word up to a stop word (phrases.name_start), but
no stop list holds every verb a plan puts before a name (扶持柳滩人才市场, 选择鹊山经济开发区).
jieba's part-of-speech tagger knows them: a name never starts with a verb, a preposition, an
adverb, a conjunction or a pronoun, so the words tagged so at the start of a would-be name are
cut off (docs/decisions/007-name-boundaries-jieba.md).

The words and tags are jieba.posseg's with the HMM off (only dictionary words): jieba's own
algorithm — the graph of every dictionary word of a phrase, the route of the highest product
of word frequencies, posseg's tags of the words on it — over jieba's dictionary as
:mod:`plankg.graph.extract.jiebadict` keeps it in a cache file, read only where a phrase's
words are (docs/decisions/039-jieba-dictionary-cache.md): jieba itself is imported only to
write that file. The table is opened on first use, once per process, or by :func:`load`
before a process forks workers that inherit it.

>>> text = "选择鹊山经济开发区"
>>> text[leading_cut(text, 0, len(text), keep=3):]
'鹊山经济开发区'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from math import log

from plankg.cache import cache_dir
from plankg.graph.extract.jiebadict import Table, open_table

# jieba's tags of the words a name does not start with: verbs (v, vd; not vn, the verbal noun
# of names like 创新中心), prepositions, adverbs, conjunctions, pronouns (每年, 本, 各)
LEADING_TAGS = frozenset(("v", "vd", "p", "d", "c", "r"))
SHORT_TAGS = frozenset(("p", "c", "r"))


# posseg's patterns (jieba.posseg: re_han_internal, re_skip_internal, re_num, re_eng, re_eng1)
_HAN = re.compile(r"([\u4E00-\u9FD5a-zA-Z0-9+#&\._]+)")
_SKIP = re.compile(r"(\r\n|\s)")
_NUM = re.compile(r"[\.0-9]+")
_ENG = re.compile(r"[a-zA-Z0-9]+")
_ENG1 = re.compile(r"^[a-zA-Z0-9]$")


@lru_cache(maxsize=1)
def _table() -> Table:
    return open_table(cache_dir())


def load() -> None:
    """Open the dictionary now (a build does so before its pool forks, so that a cache file is
    made once, by the parent, and the workers inherit what it read)."""
    _table()


@lru_cache(maxsize=8192)
def tagged(phrase: str) -> tuple[tuple[str, str], ...]:
    """``phrase`` as (word, tag) pairs: ``jieba.posseg.cut(phrase, HMM=False)``."""
    return tuple(cut(phrase, _table()))


def cut(sentence: str, table: Table) -> Iterator[tuple[str, str]]:
    """jieba.posseg's ``cut(sentence, HMM=False)`` over ``table``, as (word, tag) pairs."""
    for block in _HAN.split(sentence):
        if _HAN.match(block):
            yield from _cut_words(block, table)
            continue
        for part in _SKIP.split(block):
            if _SKIP.match(part):
                yield part, "x"
                continue
            for char in part:
                if _NUM.match(char):
                    yield char, "m"
                elif _ENG.match(part):  # posseg tests the whole part here, not the character
                    yield char, "eng"
                else:
                    yield char, "x"


def _cut_words(block: str, table: Table) -> Iterator[tuple[str, str]]:
    """posseg's ``__cut_DAG_NO_HMM``: the words of the best route; runs of single ASCII
    letters and digits joined as one "eng" word."""
    route = _route(block, table)
    at, letters = 0, ""
    while at < len(block):
        end = route[at] + 1
        word = block[at:end]
        if _ENG1.match(word):
            letters += word
        else:
            if letters:
                yield letters, "eng"
                letters = ""
            yield word, table.tag(word)
        at = end
    if letters:
        yield letters, "eng"


def _route(block: str, table: Table) -> list[int]:
    """jieba's ``get_DAG`` and ``calc``: for each position, where the word that starts there on
    the most probable route ends (the same sums in the same order, so the same ties)."""
    n = len(block)
    dag: list[list[int]] = []
    for k in range(n):
        ends = []
        i, fragment = k, block[k]
        while i < n:
            count = table.freq(fragment)
            if count is None:
                break
            if count:
                ends.append(i)
            i += 1
            fragment = block[k : i + 1]
        dag.append(ends or [k])
    best: list[tuple[float, int]] = [(0.0, 0)] * (n + 1)
    logtotal = log(table.total)
    for idx in range(n - 1, -1, -1):
        best[idx] = max(
            (log(table.freq(block[idx : x + 1]) or 1) - logtotal + best[x + 1][0], x)
            for x in dag[idx]
        )
    return [end for _, end in best[:n]]


def starts_with_noun(phrase: str, word: str) -> bool:
    """Whether the segmenter reads ``phrase`` as opening with ``word`` used as a noun."""
    first = tagged(phrase)[:1]
    return bool(first) and first[0][0] == word and first[0][1].startswith("n")


def leading_cut(
    text: str,
    start: int,
    end: int,
    *,
    keep: int,
    accept: Callable[[int], bool] = lambda _: True,
    also: frozenset[str] = frozenset(),
) -> int:
    """``start`` moved past the verbs, prepositions … that open ``text[start:end]``.

    The last ``keep`` characters (the kind word or suffix) are never cut, nor is a word that
    ends inside them; ``accept(new_start)`` may refuse a cut (what is left must still be a name).
    Words of ``also`` are cut too unless tagged as nouns (jieba tags 深化 as an abbreviation,
    but 重点 in 重点实验室 as a noun).
    """
    pos = start
    limit = end - keep
    for word, tag in tagged(text[start:end]):
        # a one-character "verb" is more often the first character of a proper name (鸣鹭湖)
        # than a verb; one-character prepositions, conjunctions and pronouns (以, 对, 和, 各) cut
        leading = (tag in LEADING_TAGS and (len(word) > 1 or tag in SHORT_TAGS)) or (
            word in also and not tag.startswith("n")
        )
        if not leading or pos + len(word) > limit or not accept(pos + len(word)):
            break
        pos += len(word)
    return pos
