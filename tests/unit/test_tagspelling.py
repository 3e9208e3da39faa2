"""Which tags look like one tag spelt two ways (``render/tagspelling.py``)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlegen.core.model import Tag
from articlegen.core.slugs import slugify
from articlegen.render.tagspelling import _alike, _links, _through, look_alike_tags, spelling_offers


def _tags(*names: str) -> list[Tag]:
    """Each tag on articles of its own: ``n`` articles for the ``n``-th name."""
    return [
        Tag(name, slugify(name), tuple(f"{slugify(name)}-{k}" for k in range(n)))
        for n, name in enumerate(names, start=1)
    ]


def _names(pairs: list[tuple[Tag, Tag]]) -> list[tuple[str, str]]:
    return [(rare.name, common.name) for rare, common in pairs]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("testosteron", "Testosterone"),  # a letter left out
        ("Excercise", "Exercise"),  # a letter added
        ("Erectile disfunction", "Erectile dysfunction"),  # a letter changed, in one word
        ("Fiber", "Fibre"),  # two side by side swapped
        ("Supplement", "Supplements"),
        ("Allergy", "Allergies"),
        ("Mens health", "Men health"),
        ("LowT", "Low-T"),  # the same letters but for a hyphen
        ("Vitamin B-12", "Vitamin B12"),
        ("Alzheimers", "Alzheimer's"),
    ],
)
def test_a_slip_a_plural_or_a_hyphen_looks_alike(one: str, other: str) -> None:
    assert _names(look_alike_tags(_tags(one, other))) == [(one, other)]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Vitamin B6", "Vitamin B12"),  # numbers differ: other tags
        ("Type 1 diabetes", "Type 2 diabetes"),
        ("Omega-3", "Omega-6"),
        ("1-2", "12"),  # a hyphen between digits parts two numbers
        ("Vitamin D", "Vitamin E"),  # words too short for a slip
        ("Mental health", "Dental health"),  # words that start otherwise
        ("Weight", "Height"),
        ("Health", "Healthy"),  # a word and its adjective
        ("Hypertension", "Hypotension"),  # two slips
        ("Sleep", "Slept"),
        ("Heart health", "Heart rate"),
        ("Prostate cancer", "Prostate"),  # another number of words
    ],
)
def test_other_tags_do_not(one: str, other: str) -> None:
    assert look_alike_tags(_tags(one, other)) == []


def test_two_tags_of_one_article_are_meant_as_two() -> None:
    both = [Tag("Fiber", "fiber", ("bread",)), Tag("Fibre", "fibre", ("bread", "oats"))]
    assert look_alike_tags(both) == []


def test_the_tag_with_fewer_articles_comes_first_and_the_most_used_pairs_lead() -> None:
    tags = _tags("Testosterone", "Fibre", "Fiber", "Exercise", "Testosteron")
    assert _names(look_alike_tags(tags)) == [("Testosterone", "Testosteron"), ("Fibre", "Fiber")]


def test_tags_alike_in_a_chain_are_told_the_one_most_used_spelling() -> None:
    """``fibre`` looks like ``fiber`` and ``fibres``, which do not look like each other:
    told pair by pair, the article with ``fibre`` would be told to write both."""
    tags = [
        Tag("fibre", "fibre", ("a",)),
        Tag("fiber", "fiber", ("b", "c")),
        Tag("fibres", "fibres", ("d", "e")),
    ]
    assert not _alike("fiber", "fibres")
    # on a tie in articles, the spelling to write is the last in the tags' order
    assert _names(look_alike_tags(tags)) == [("fiber", "fibres"), ("fibre", "fibres")]


def test_a_tag_sharing_an_article_with_its_cluster_s_spelling_is_meant_as_another() -> None:
    tags = [
        Tag("fibre", "fibre", ("a",)),
        Tag("fiber", "fiber", ("b", "c")),
        Tag("fibres", "fibres", ("b", "d", "e")),
    ]
    assert _names(look_alike_tags(tags)) == [("fibre", "fibres")]


_WORDS = st.text(alphabet="abesy1", min_size=1, max_size=7)


@given(st.lists(st.lists(_WORDS, min_size=1, max_size=2).map("-".join), max_size=14))
def test_the_cheap_filter_misses_no_pair_all_pairs_would_find(slugs: list[str]) -> None:
    """Comparing only the tags that share a key finds what comparing every pair finds."""
    tags = [Tag(slug, slug, (f"a{i}",)) for i, slug in enumerate(dict.fromkeys(slugs))]
    every = {
        frozenset((one.slug, other.slug))
        for one, other in itertools.combinations(tags, 2)
        if _alike(one.slug, other.slug)
    }
    links = _links({tag.slug: tag for tag in tags})
    assert {frozenset((one, other)) for one in links for other in links[one]} == every


_CHAINED = ["fibre", "fiber", "fibres", "fibers", "fibrse", "fibrs", "fiberes", "low-t", "lowt"]
"""Spellings that look alike in chains (``fibre`` like ``fiber`` and ``fibres``)."""


@given(
    st.lists(
        st.tuples(st.sampled_from(_CHAINED), st.integers(1, 2)),
        max_size=9,
        unique_by=lambda tag: tag[0],
    )
)
def test_no_tag_is_told_two_spellings_nor_to_become_one_told_to_change(
    written: list[tuple[str, int]],
) -> None:
    tags = [Tag(slug, slug, tuple(f"{slug}/{k}" for k in range(n))) for slug, n in written]
    pairs = look_alike_tags(tags)
    told = [rare.slug for rare, _ in pairs]
    assert len(told) == len(set(told))
    assert not set(told) & {common.slug for _, common in pairs}
    assert all(len(rare.articles) <= len(common.articles) for rare, common in pairs)
    offered: dict[str, set[str]] = {}  # each tag: the spellings its files are offered
    for rare, common, either in spelling_offers(pairs):
        offered.setdefault(rare.slug, set()).add(common.slug)
        if either:  # a tie: the spelling's files may take the tag's spelling instead
            assert len(rare.articles) == len(common.articles)
            offered.setdefault(common.slug, set()).add(rare.slug)
    assert all(len(spellings) == 1 for spellings in offered.values())
    links = _links({tag.slug: tag for tag in tags})  # a note's "through" names a real chain
    for rare, common in pairs:
        chain = [rare.slug, *_through(links, rare, common), common.slug]
        assert all(b in links[a] for a, b in itertools.pairwise(chain))
        assert len(set(chain)) == len(chain)
