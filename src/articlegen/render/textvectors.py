"""An article's words as a weighted vector, for ranking See Also suggestions (``suggestions``):
words with English stop words dropped and Snowball's English stemmer applied, weighted
``(1 + log tf) × idf`` with BM25's idf and cut to unit length, and the inverted index of
"champion lists" that finds the articles sharing a term.

Stemming is the slow part (Snowball in pure Python), so each distinct word is stemmed once
a process; a vector keeps its ``KEPT_TERMS`` heaviest shared terms and a term's list its
``CHAMPIONS`` heaviest articles, so that the work per article is bounded, not proportional
to the site.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from functools import cache
from heapq import nlargest
from typing import Any

import stop_words  # type: ignore[import-untyped]

KEPT_TERMS = 60
"""Terms kept of each article's vector: its heaviest ones that another article has too."""

CHAMPIONS = 40
"""Articles kept per term in the inverted index: those the term weighs most in."""

TOKENS = re.compile(r"\w+(?:['’]\w+)*|[^\w\s‐-]|\n[ \t]*\n")
"""Words, and what ends a phrase: punctuation but hyphens, a blank line (those are no
word, so no pair of words spans them)."""

MARKUP = re.compile(
    r"\]\([^)]*\)"  # a Markdown link's address
    r"|<[^>\n]*>"  # an HTML tag or autolink
    r"|https?://\S+"  # a bare address
    r"|\[\[[^\]|\n]*\|"  # the target of [[target|text]]
    r"|\{#[^}\n]*\}"  # a heading id
    r"|\[\^[^\]\n]*\]"  # a citation's id: [^id]
)
"""Parts of Markdown that are addresses and ids, not words readers see."""

_MIN_LETTERS = 2


@cache
def _stop_words() -> frozenset[str]:
    return frozenset(w.replace("’", "'") for w in stop_words.get_stop_words("en"))


@cache
def _stemmer() -> Any:
    """Snowball's English stemmer, imported when first needed: the package loads every
    language's (about 7 ms), and a rebuild that ranks no suggestions stems nothing."""
    import snowballstemmer  # type: ignore[import-untyped]

    return snowballstemmer.stemmer("english")


_STEMS: dict[str, str | None] = {}
"""Word as written → its stem (None for punctuation and stop words), kept for the process:
stemming is the slow part of reading a site's words (Snowball in pure Python), and a
preview or ``articlegen suggest`` ranks the same words again and again."""

_STEMS_KEPT = 500_000
"""Words ``_STEMS`` keeps at most (a site's vocabulary is a few tens of thousands)."""


def stem_words(words: list[str]) -> list[str | None]:
    """The stem of each of ``words``, from ``_STEMS`` or stemmed now."""
    new = [w for w in words if w not in _STEMS]
    if len(_STEMS) + len(new) > _STEMS_KEPT:
        _STEMS.clear()
        new = list(dict.fromkeys(words))
    if new:
        stop = _stop_words()
        lowered = [w.lower().replace("’", "'") for w in new]
        for word, low, stem in zip(new, lowered, _stemmer().stemWords(lowered), strict=True):
            usable = len(low) >= _MIN_LETTERS and low not in stop and low[0].isalpha()
            _STEMS[word] = stem if usable else None
    return [_STEMS[w] for w in words]


def champion_lists(
    vectors: Mapping[str, Mapping[str, float]],
) -> dict[str, list[tuple[float, str]]]:
    """Term → the ``CHAMPIONS`` documents it weighs most in, heaviest first: the inverted
    index cut so that a term every article uses costs no more than a rare one."""
    postings: dict[str, list[tuple[float, str]]] = {}
    for slug, vector in vectors.items():
        for term, weight in vector.items():
            postings.setdefault(term, []).append((weight, slug))
    return {term: nlargest(CHAMPIONS, listed) for term, listed in postings.items()}


def bm25_idf(count: int, frequency: int) -> float:
    """BM25's inverse document frequency: positive even for a term in every document."""
    return math.log(1 + (count - frequency + 0.5) / (frequency + 0.5))


def tfidf_vector(
    terms: Mapping[str, int], idf: Mapping[str, float], lone: float
) -> dict[str, float]:
    """Unit-length TF-IDF weights of ``terms``, cut to the ``KEPT_TERMS`` heaviest that
    another document has too (the norm counts every term, as the cosine does, those of one
    document alone weighted ``lone``)."""
    weights = {t: (1 + math.log(n)) * idf.get(t, lone) for t, n in terms.items()}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    kept = nlargest(KEPT_TERMS, (t for t in weights if t in idf), key=weights.__getitem__)
    return {t: weights[t] / norm for t in kept}
