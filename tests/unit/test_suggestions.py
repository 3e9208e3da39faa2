"""Suggested See Also: ranking and reasons, on plain ``Document`` records."""

from __future__ import annotations

import pytest

from articlegen.core.model import (
    Article,
    FrontMatter,
    LinkGraph,
    LinkRef,
    ResolvedLink,
    Suggestion,
)
from articlegen.render.suggestions import Document, documents, reasons, suggest, unlinked

FILLER = {
    "knee": "Knee pain after running often comes from the kneecap tracking badly.",
    "teeth": "Brushing twice a day and flossing keeps gums from bleeding.",
    "hearing": "Loud concerts leave a ringing in the ears that fades by morning.",
}


def doc(slug: str, text: str = "", **fields: object) -> Document:
    return Document(slug=slug, title=fields.pop("title", slug.title()), text=text, **fields)  # type: ignore[arg-type]


def ranked(docs: list[Document], slug: str, limit: int = 5) -> list[str]:
    return [s.slug for s in suggest(docs, [slug], limit=limit)[slug]]


def test_more_shared_tags_rank_higher_and_articles_sharing_nothing_are_left_out() -> None:
    docs = [
        doc("a", FILLER["knee"], tags=("sleep", "testosterone")),
        doc("both", FILLER["teeth"], tags=("sleep", "testosterone")),
        doc("one", FILLER["hearing"], tags=("sleep",)),
        doc("none", "Cycling to work in the rain.", tags=("cycling",)),
    ]
    (first, second) = suggest(docs, ["a"], limit=5)["a"]
    assert (first.slug, first.tags) == ("both", ("sleep", "testosterone"))
    assert (second.slug, second.tags) == ("one", ("sleep",))
    assert first.score > second.score


def test_a_rare_shared_tag_weighs_more_than_a_common_one() -> None:
    docs = [
        doc("a", tags=("health", "cortisol")),
        doc("common", tags=("health",)),
        doc("rare", tags=("cortisol",)),
        *(doc(f"other-{i}", tags=("health",)) for i in range(5)),
    ]
    assert ranked(docs, "a")[0] == "rare"


def test_never_itself_an_existing_see_also_or_a_draft() -> None:
    docs = [
        doc("a", tags=("sleep",), see_also=frozenset({"listed"})),
        doc("listed", tags=("sleep",)),
        doc("draft", tags=("sleep",), candidate=False),
        doc("fine", tags=("sleep",)),
    ]
    assert ranked(docs, "a") == ["fine"]


def test_a_draft_linked_in_the_text_or_linking_here_is_still_never_suggested() -> None:
    docs = [
        doc("a", body_links=frozenset({"draft"})),
        doc("draft", see_also=frozenset({"a"}), candidate=False),
    ]
    assert ranked(docs, "a") == []


def test_a_body_link_not_yet_in_see_also_is_suggested_and_said_so() -> None:
    docs = [
        doc(
            "a",
            FILLER["knee"],
            body_links=frozenset({"linked", "listed"}),
            see_also=frozenset({"listed"}),
        ),
        doc("linked", FILLER["teeth"]),
        doc("listed", FILLER["hearing"]),
    ]
    (only,) = suggest(docs, ["a"], limit=5)["a"]
    assert (only.slug, only.in_text, reasons(only)) == ("linked", True, "linked in the text")


def test_an_article_linking_here_is_suggested_back() -> None:
    docs = [doc("a", FILLER["knee"]), doc("fan", FILLER["teeth"], body_links=frozenset({"a"}))]
    (only,) = suggest(docs, ["a"], limit=5)["a"]
    assert (only.slug, only.links_here, reasons(only)) == ("fan", True, "links here")


def test_similar_words_are_stemmed_but_shown_as_the_article_writes_them() -> None:
    docs = [
        doc(
            "a", "Poor sleeping raises cortisol. Cortisol and sleeping go together; cortisol again."
        ),
        doc("b", "Cortisol falls with better sleep."),
        doc("c", FILLER["teeth"]),
    ]
    (only,) = suggest(docs, ["a"], limit=5)["a"]
    assert only.slug == "b"
    assert set(only.words) == {"cortisol", "sleeping"}
    assert reasons(only).startswith("similar words: ")


def test_of_equally_common_spellings_the_one_with_fewer_capitals_is_shown() -> None:
    docs = [
        doc("a", "Cortisol rises at dawn; cortisol falls at night. DHEA too."),
        doc("b", "Cortisol and DHEA."),
        doc("c", FILLER["teeth"]),
    ]
    (only,) = suggest(docs, ["a"], limit=5)["a"]
    assert set(only.words) == {"cortisol", "DHEA"}


def test_stop_words_are_never_similar_words() -> None:
    docs = [
        doc("a", "The cortisol: what they should do about it and their own."),
        doc("b", "The cortisol: what they should do about it and their own."),
        doc("c", FILLER["teeth"]),
    ]
    (only,) = suggest(docs, ["a"], limit=5)["a"]
    assert only.words == ("cortisol",)


def test_words_side_by_side_in_both_articles_are_shown_as_the_phrase() -> None:
    docs = [
        doc("a", "Deep sleep restores you. Most deep sleep comes early; deep sleep matters."),
        doc("b", "Alcohol cuts deep sleep short."),
        doc("c", FILLER["teeth"]),
    ]
    (only,) = suggest(docs, ["a"], limit=5)["a"]
    assert only.words == ("deep sleep",)


def test_a_phrase_keeps_the_hyphen_the_article_writes() -> None:
    docs = [
        doc("a", "Treatment-resistant depression is common."),
        doc("b", "When depression is treatment resistant, try another treatment."),
        doc("c", FILLER["teeth"]),
    ]
    (only,) = suggest(docs, ["a"], limit=5)["a"]
    assert "Treatment-resistant" in only.words


def test_words_seen_apart_in_the_other_article_are_not_a_phrase() -> None:
    docs = [
        doc("a", "Deep sleep restores you."),
        doc("b", "Sleep is deep when the room is cool."),
        doc("c", FILLER["teeth"]),
    ]
    (only,) = suggest(docs, ["a"], limit=5)["a"]
    assert set(only.words) == {"Deep", "sleep"}  # one word each, as the article writes them


def test_addresses_ids_and_citations_are_not_words() -> None:
    docs = [
        doc(
            "a",
            "See [the study](https://example.org/cortisol-melatonin) [^melatonin]. {#melatonin}",
        ),
        doc("b", "Read <https://example.org/cortisol> and https://example.org/melatonin."),
        doc("c", FILLER["teeth"]),
    ]
    assert ranked(docs, "a") == []


def test_a_title_counts_more_than_the_body() -> None:
    docs = [
        doc("a", "Magnesium and zinc.", title="Magnesium and Sleep"),
        doc("in-title", "Some words.", title="Magnesium for Men"),
        doc("in-body", "Zinc, and more zinc.", title="Minerals"),
        doc("c", FILLER["teeth"]),
    ]
    assert ranked(docs, "a")[0] == "in-title"


def test_limit_and_ties_broken_by_title_then_slug() -> None:
    docs = [
        doc("a", tags=("sleep",)),
        doc("z-slug", tags=("sleep",), title="Alpha"),
        doc("b-slug", tags=("sleep",), title="Beta"),
        doc("y-slug", tags=("sleep",), title="alpha"),
    ]
    # "Alpha" and "alpha" fold alike: the exact title settles it, as in every list by title
    assert ranked(docs, "a") == ["z-slug", "y-slug", "b-slug"]
    assert ranked(docs, "a", limit=2) == ["z-slug", "y-slug"]


def test_each_article_asked_for_is_ranked_from_one_corpus() -> None:
    docs = [doc("a", tags=("sleep",)), doc("b", tags=("sleep",)), doc("c")]
    assert suggest(docs, ["a", "b", "c"], limit=3) == {
        "a": (Suggestion("b", 0.5, tags=("sleep",)),),
        "b": (Suggestion("a", 0.5, tags=("sleep",)),),
        "c": (),
    }


def test_reasons_in_words() -> None:
    suggestion = Suggestion(
        "b", 0.9, tags=("sleep", "testosterone"), words=("cortisol", "deep sleep"), in_text=True
    )
    assert reasons(suggestion) == (
        "shared tags: sleep, testosterone; similar words: cortisol, deep sleep; linked in the text"
    )


def _article(slug: str, *, draft: bool = False, see_also: tuple[str, ...] = ()) -> Article:
    meta = FrontMatter(
        title=slug.title(),
        date=None,
        description="About it.",
        tags=("sleep",),
        see_also=tuple(LinkRef(s, 3) for s in see_also),
        draft=draft,
    )
    return Article(f"content/{slug}.md", slug, meta, "The body.\n")


def test_documents_from_articles_and_their_resolved_links() -> None:
    graph = LinkGraph(
        see_also={"a": (ResolvedLink(slug="b"), ResolvedLink(url="https://example.org/"))},
        inline={
            "a": (
                ResolvedLink(slug="c", fragment="x"),
                None,
                ResolvedLink(url="https://example.org/"),
            )
        },
        backlinks={"b": ("a",), "c": ("a",)},
    )
    made = documents([_article("a", see_also=("b",)), _article("d", draft=True)], graph)
    assert made == [
        Document(
            "a", "A", "About it.\n\nThe body.\n", ("sleep",), frozenset({"b"}), frozenset({"c"})
        ),
        Document("d", "D", "About it.\n\nThe body.\n", ("sleep",), candidate=False),
    ]


@pytest.mark.parametrize(
    ("see_also", "backlinks", "listed"),
    [
        ({}, {}, True),
        ({"a": (ResolvedLink(slug="b"),)}, {}, True),
        ({}, {"a": ("b",)}, True),
        ({"a": (ResolvedLink(url="https://example.org/"),)}, {"a": ("b",)}, False),
    ],
)
def test_unlinked_means_no_see_also_or_no_linked_from(
    see_also: dict[str, tuple[ResolvedLink, ...]],
    backlinks: dict[str, tuple[str, ...]],
    listed: bool,
) -> None:
    graph = LinkGraph(see_also=see_also, inline={}, backlinks=backlinks)
    assert unlinked([doc("a")], graph) == (["a"] if listed else [])


def test_stems_are_kept_for_the_process_and_start_over_when_full(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from articlegen.render import textvectors

    monkeypatch.setattr(textvectors, "_STEMS", {"Sleeping": "kept"})
    monkeypatch.setattr(textvectors, "_STEMS_KEPT", 2)
    assert textvectors.stem_words(["Sleeping", "the"]) == ["kept", None]  # kept, not stemmed again
    assert textvectors.stem_words(["Sleeping", "cortisol", "Sleeping"]) == [
        "sleep",
        "cortisol",
        "sleep",
    ]
    assert textvectors._STEMS == {"Sleeping": "sleep", "cortisol": "cortisol"}


def test_words_both_use_again_and_again_are_shown_before_rare_ones_used_once() -> None:
    docs = [
        doc("a", "Cortisol rises. Cortisol falls. A roughly ordinary day."),
        doc("b", "Cortisol and cortisol again, roughly."),
        doc("c", FILLER["teeth"]),
        doc("d", "Cortisol once."),
    ]
    (first, *_) = suggest(docs, ["a"], limit=5)["a"]
    assert (first.slug, first.words) == ("b", ("Cortisol",))
