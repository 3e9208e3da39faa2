"""Rank the articles most worth adding to an article's See Also, and say why.

Works on plain records (``Document``), like ``links``: no files, no build. Three signals
make a suggestion's score:

* **text**: the cosine of two articles' TF-IDF vectors over their titles (counted
  ``TITLE_WEIGHT`` times), descriptions and bodies: words with English stop words dropped
  (the ``stop-words`` package's list) and Snowball's English stemmer applied (``sleeping``
  and ``sleep`` are one term), weighted ``(1 + log tf) × idf`` with BM25's idf, which stays
  positive where a word is in every article;
* **tags**: the share of the article's tag weight (each tag weighted by its idf, so that a
  rare tag counts more than one every article carries) that the other article also
  carries, times ``TAG_WEIGHT``;
* **links**: ``IN_TEXT_WEIGHT`` when the article already links the other in its body (but
  not in its See Also), ``LINKS_HERE_WEIGHT`` when the other links to it.

Never suggested: the article itself, an article it already lists in See Also, and any
``Document`` that is not a ``candidate`` (a draft, or a scheduled or expired article a
preview shows). The reasons name the shared tags and the shared words that weigh most, as the
article writes them, two side by side in both articles shown as the phrase they make
(``deep sleep``).

Fast enough for every build of a large site (``bench/suggest.py``): each distinct word
is stemmed once, counting is done by ``Counter`` in C, each article's vector keeps its
``KEPT_TERMS`` heaviest shared terms, and candidates come from an inverted index that keeps,
per term, the ``CHAMPIONS`` articles it weighs most in ("champion lists", all three in
``textvectors``): the work per article is bounded, not proportional to the site. On a site
where more than ``CHAMPIONS`` articles share an article's heaviest terms the text part is
therefore approximate, in favour of the articles those terms weigh most in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from heapq import nlargest
from itertools import pairwise

from ..core.model import Article, LinkGraph, Suggestion
from ..core.records import record
from ..core.slugs import natural_order
from .textvectors import (
    MARKUP,
    TOKENS,
    bm25_idf,
    champion_lists,
    stem_words,
    tfidf_vector,
)

TITLE_WEIGHT = 3
"""A title's words count as often as this: a title says what an article is about."""

TAG_WEIGHT = 0.5
"""Score of sharing every tag (weighted by rarity) the article carries."""

IN_TEXT_WEIGHT = 0.5
"""Score of a link the article's body already makes but its See Also lacks."""

LINKS_HERE_WEIGHT = 0.25
"""Score of the other article linking to this one (See Also or body)."""

MIN_SCORE = 0.05
"""Weaker candidates are noise, not suggestions."""

QUERY_TERMS = 12
"""An article's heaviest terms, looked up in the champion lists to find its candidates."""

SHOWN_WORDS = 3
"""Similar words shown in a suggestion's reasons."""

PHRASED = 6
"""Shared words tried in pairs for a phrase both articles write (``deep sleep``)."""


@record
class Document:
    """What ranking needs of one article."""

    slug: str
    title: str
    text: str
    """Description and body, as Markdown."""
    tags: tuple[str, ...] = ()
    see_also: frozenset[str] = frozenset()
    """Slugs of the articles its See Also lists already: never suggested."""
    body_links: frozenset[str] = frozenset()
    """Slugs of the articles its body links to."""
    candidate: bool = True
    """May be suggested: published. False for drafts and for scheduled or expired articles
    (``documents``)."""


def documents(
    articles: Iterable[Article], graph: LinkGraph, *, withheld: Collection[str] = ()
) -> list[Document]:
    """``Document`` of each article, its links as ``graph`` resolved them. Drafts and the
    ``withheld`` articles (scheduled or expired ones a preview or ``--future`` shows: the
    slugs of ``Site.withheld``) are no candidates."""
    made = []
    for article in articles:
        meta = article.meta
        inline = graph.inline.get(article.slug, ())
        made.append(
            Document(
                slug=article.slug,
                title=meta.title,
                text=f"{meta.description or ''}\n\n{article.body}",
                tags=meta.tags,
                see_also=frozenset(
                    link.slug for link in graph.see_also.get(article.slug, ()) if link.slug
                ),
                body_links=frozenset(link.slug for link in inline if link and link.slug),
                candidate=not meta.draft and article.slug not in withheld,
            )
        )
    return made


def unlinked(documents: Iterable[Document], graph: LinkGraph) -> list[str]:
    """Slugs of the articles with no See Also or no Linked from: those ``suggest`` ranks
    by default and the See Also index suggests a link for."""
    return [
        d.slug
        for d in documents
        if not graph.see_also.get(d.slug) or not graph.backlinks.get(d.slug)
    ]


def suggest(
    documents: Sequence[Document], slugs: Iterable[str], *, limit: int
) -> dict[str, tuple[Suggestion, ...]]:
    """The best ``limit`` suggestions for each article of ``slugs`` (each must be a
    document's), best first; ties by title, then slug."""
    corpus = _Corpus(documents)
    return {slug: corpus.suggest(slug, limit) for slug in slugs}


def reasons(suggestion: Suggestion) -> str:
    """Why, in words: ``shared tags: sleep, testosterone; similar words: cortisol``."""
    parts = []
    if suggestion.tags:
        parts.append("shared tags: " + ", ".join(suggestion.tags))
    if suggestion.words:
        parts.append("similar words: " + ", ".join(suggestion.words))
    if suggestion.in_text:
        parts.append("linked in the text")
    if suggestion.links_here:
        parts.append("links here")
    return "; ".join(parts)


class _Corpus:
    """Every document's weighted vector, the candidates' champion lists, and what the
    reasons need; made once for all the articles ranked."""

    def __init__(self, docs: Sequence[Document]) -> None:
        self.docs = {d.slug: d for d in docs}
        self.prose = {d.slug: MARKUP.sub(" ", d.text) for d in docs}
        """The text without addresses and ids: what the words are read from, with titles."""
        self.stems: dict[str, str | None] = {}
        """Word as written → its stem; None for stop words."""
        self.written_as: dict[str, list[str]] = {}
        """Stem → the words written for it."""
        self.written: dict[str, Counter[str]] = {}
        """Slug → the words of its text as written, with their counts."""
        self.sequences: dict[str, tuple[list[str | None], ...]] = {}
        """Slug → the stems of its title and of its text in order, None for stop words and
        what ends a phrase (for the phrases both articles write)."""
        terms = {d.slug: self._terms(d) for d in docs}
        count = len(docs)
        frequency: Counter[str] = Counter()
        for each in terms.values():
            frequency.update(each.keys())
        idf = {term: bm25_idf(count, df) for term, df in frequency.items() if df > 1}
        lone = bm25_idf(count, 1)
        self.vectors = {slug: tfidf_vector(each, idf, lone) for slug, each in terms.items()}
        self.repeated = {
            slug: {t for t in self.vectors[slug] if terms[slug][t] > 1} for slug in terms
        }
        """Slug → the terms of its vector it uses more than once (a title's count)."""
        self.candidates = frozenset(d.slug for d in docs if d.candidate)
        self.champions = champion_lists({s: self.vectors[s] for s in self.candidates})
        tag_count = Counter(t for d in docs for t in d.tags)
        self.tag_idf = {tag: bm25_idf(count, df) for tag, df in tag_count.items()}
        self.tagged: dict[str, list[str]] = {}
        self.linking: dict[str, set[str]] = {}
        for d in docs:
            for tag in d.tags if d.candidate else ():
                self.tagged.setdefault(tag, []).append(d.slug)
            for target in d.see_also | d.body_links:
                self.linking.setdefault(target, set()).add(d.slug)
        self.order = {d.slug: (natural_order(d.title), d.slug) for d in docs}
        self.pairs: dict[str, set[tuple[str, str]]] = {}

    def _terms(self, doc: Document) -> Counter[str]:
        """The stems of ``doc`` with their counts, its title's counted ``TITLE_WEIGHT``
        times."""
        tokens = TOKENS.findall(self.prose[doc.slug])
        title = TOKENS.findall(doc.title)
        written = self.written[doc.slug] = Counter(tokens)
        new = {*written, *title}.difference(self.stems)
        if new:
            self._learn(list(new))
        sequence = list(map(self.stems.__getitem__, tokens))
        in_title = list(map(self.stems.__getitem__, title))
        self.sequences[doc.slug] = (in_title, sequence)
        terms = Counter(sequence)
        for stem in in_title:
            terms[stem] += TITLE_WEIGHT
        terms.pop(None, None)
        return terms  # type: ignore[return-value]

    def _learn(self, words: list[str]) -> None:
        """The stem of each word not seen before in this corpus; punctuation and stop words
        stem to None."""
        for word, stem in zip(words, stem_words(words), strict=True):
            self.stems[word] = stem
            if stem is not None:
                self.written_as.setdefault(stem, []).append(word)

    def suggest(self, slug: str, limit: int) -> tuple[Suggestion, ...]:
        doc = self.docs[slug]
        vector = self.vectors[slug]
        scores: dict[str, float] = {}
        get = scores.get
        for term in nlargest(QUERY_TERMS, vector, key=vector.__getitem__):
            weight = vector[term]
            for other_weight, other in self.champions.get(term, ()):
                scores[other] = get(other, 0.0) + weight * other_weight
        tag_total = sum(self.tag_idf[t] for t in doc.tags)
        for tag in doc.tags:
            share = TAG_WEIGHT * self.tag_idf[tag] / tag_total
            for other in self.tagged.get(tag, ()):
                scores[other] = get(other, 0.0) + share
        linking = self.linking.get(slug, set())
        for other in doc.body_links:
            scores[other] = get(other, 0.0) + IN_TEXT_WEIGHT
        for other in linking:
            scores[other] = get(other, 0.0) + LINKS_HERE_WEIGHT
        for other in (slug, *doc.see_also, *(doc.body_links | linking) - self.candidates):
            scores.pop(other, None)
        best = nlargest(limit, scores.values())
        cut = max(best[-1] if len(best) == limit else 0.0, MIN_SCORE)
        chosen = [(-round(score, 3), self.order[o]) for o, score in scores.items() if score >= cut]
        chosen.sort()
        return tuple(self._explained(doc, o, -score) for score, (_, o) in chosen[:limit])

    def _explained(self, doc: Document, slug: str, score: float) -> Suggestion:
        other = self.docs[slug]
        own, theirs = self.vectors[doc.slug], self.vectors[slug]
        products = {t: own[t] * theirs[t] for t in own.keys() & theirs.keys()}
        # Words both use again and again say what the two share; one rare word each uses
        # once (``roughly``) says little, so such words are shown only when there are no others.
        both = self.repeated[doc.slug] & self.repeated[slug]
        shared = sorted(products, key=lambda t: (t not in both, -products[t], t))
        if any(t in both for t in shared):
            shared = [t for t in shared if t in both]
        return Suggestion(
            slug=slug,
            score=score,
            tags=tuple(t for t in doc.tags if t in other.tags),
            words=self._words(doc.slug, slug, shared[:PHRASED]),
            in_text=slug in doc.body_links,
            links_here=doc.slug in other.see_also | other.body_links,
        )

    def _words(self, slug: str, other: str, stems: list[str]) -> tuple[str, ...]:
        """The shared ``stems`` (best first) as the article ``slug`` writes them, two joined
        where both articles write them side by side (``deep sleep``, ``treatment-resistant``);
        at most ``SHOWN_WORDS``."""
        together = self._pairs(slug) & self._pairs(other)
        shown: list[str] = []
        used: set[str] = set()
        for first in stems:
            if first in used:
                continue
            used.add(first)
            pair = next(
                (
                    p
                    for second in stems
                    if second not in used
                    for p in ((first, second), (second, first))
                    if p in together
                ),
                None,
            )
            if pair is not None:
                shown.append(self._phrase(slug, *pair))
                used.update(pair)
            else:
                shown.append(self._spelling(slug, first))
            if len(shown) == SHOWN_WORDS:
                break
        return tuple(shown)

    def _pairs(self, slug: str) -> set[tuple[str, str]]:
        """The pairs of its vector's terms that ``slug``'s article writes side by side (a
        space or a hyphen between); found when first asked for, then kept (a small set:
        only the terms of its vector)."""
        known = self.pairs.get(slug)
        if known is None:
            kept: dict[str | None, str] = {term: term for term in self.vectors[slug]}
            known = self.pairs[slug] = set()
            for sequence in self.sequences[slug]:
                known.update(
                    (first, second)
                    for first, second in set(pairwise(map(kept.get, sequence)))
                    if first is not None and second is not None and first != second
                )
        return known

    def _phrase(self, slug: str, first: str, second: str) -> str:
        """How ``slug``'s article writes the stems ``first`` and ``second`` side by side
        (``_pairs`` found that it does): each word in its commonest spelling, joined as the
        text joins them most (a space or a hyphen)."""
        words = [self._spelling(slug, first), self._spelling(slug, second)]
        text = f"{self.docs[slug].title}\n{self.prose[slug]}"
        return _commonest({gap.join(words): text.count(gap.join(words)) for gap in (" ", "-")})

    def _spelling(self, slug: str, stem: str) -> str:
        """``stem`` as ``slug``'s article writes it most often in its text, or else in its
        title: a title's capitals are its style, not the word's (``cortisol``, ``DHEA``)."""
        spellings = self.written_as[stem]
        counts = self.written[slug]
        if not any(counts[w] for w in spellings):
            counts = Counter(TOKENS.findall(self.docs[slug].title))
        return _commonest({w: counts[w] for w in spellings if counts[w]})


def _commonest(spellings: Mapping[str, int]) -> str:
    """The spelling written most often; of equals, the one with fewest capitals (``sleep``
    over the ``Sleep`` that starts a sentence), then the first in code point order."""
    return min(spellings, key=lambda w: (-spellings[w], sum(map(str.isupper, w)), w))
