"""Word boundaries from a segmenter: where a name that the stop words let run too far starts.

The finders scan a name leftwards from its kind word up to a stop word (phrases.name_start), but
no stop list holds every verb a plan puts before a name (扶持柳滩人才市场, 选择鹊山经济开发区).
jieba's part-of-speech tagger knows them: a name never starts with a verb, a preposition, an
adverb, a conjunction or a pronoun, so the words tagged so at the start of a would-be name are
cut off (docs/decisions/007-name-boundaries-jieba.md).

jieba (and its dictionary, shipped in the wheel) is loaded on first use, once per process, or by
:func:`load` before a process forks workers that inherit it.

>>> text = "选择鹊山经济开发区"
>>> text[leading_cut(text, 0, len(text), keep=3):]
'鹊山经济开发区'
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import lru_cache
from typing import Any

# jieba's tags of the words a name does not start with: verbs (v, vd; not vn, the verbal noun
# of names like 创新中心), prepositions, adverbs, conjunctions, pronouns (每年, 本, 各)
LEADING_TAGS = frozenset(("v", "vd", "p", "d", "c", "r"))
SHORT_TAGS = frozenset(("p", "c", "r"))


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()  # the prefix dictionary, from jieba's cache file after the first run
    return jieba.posseg.dt


def load() -> None:
    """Load jieba and its dictionary now (a build does so before its pool forks, so that the
    workers share the parent's copy instead of each spending ~2 s of CPU reading it)."""
    _tokenizer()


@lru_cache(maxsize=8192)
def tagged(phrase: str) -> tuple[tuple[str, str], ...]:
    """``phrase`` as (word, tag) pairs (jieba.posseg, HMM off: only dictionary words)."""
    return tuple((pair.word, pair.flag) for pair in _tokenizer().cut(phrase, HMM=False))


def starts_with_noun(phrase: str, word: str) -> bool:
    """Whether the segmenter reads ``phrase`` as opening with ``word`` used as a noun."""
    first = tagged(phrase)[:1]
    return bool(first) and first[0][0] == word and first[0][1].startswith("n")


def leading_cut(text: str, start: int, end: int, *, keep: int,
                accept: Callable[[int], bool] = lambda _: True,
                also: frozenset[str] = frozenset()) -> int:
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
        leading = (tag in LEADING_TAGS and (len(word) > 1 or tag in SHORT_TAGS)) \
            or (word in also and not tag.startswith("n"))
        if not leading or pos + len(word) > limit or not accept(pos + len(word)):
            break
        pos += len(word)
    return pos
