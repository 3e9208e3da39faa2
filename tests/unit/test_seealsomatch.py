from __future__ import annotations

from articlegen.authoring.seealsomatch import (
    Catalogue,
    Resolved,
    link_articles,
    resolve_see_also,
    separate_titles,
    split_titles,
)
from articlegen.core.model import ImportedLink

CATALOGUE = Catalogue.of(
    [
        ("iv-vs-im", "Intravenous vs. Intramuscular Ketamine Treatments, How They Work", False, ""),
        ("sleep", "Sleep and Testosterone", False, "sleep-notes.md"),
        ("low-t", "Low T", False, "men/low-t.md"),
        ("draft-one", "A Draft", True, "draft-one.md"),
        ("me", "This Article", False, "me.md"),
    ]
)


def titles(text: str) -> list[tuple[str, str | None]]:
    return [(part, entry.slug if entry else None) for part, entry in split_titles(text, CATALOGUE)]


def test_a_title_with_a_comma_is_not_cut_in_two() -> None:
    assert titles("Intravenous vs. Intramuscular Ketamine Treatments, How They Work") == [
        ("Intravenous vs. Intramuscular Ketamine Treatments, How They Work", "iv-vs-im")
    ]


def test_several_titles_and_unknown_runs_kept_as_written() -> None:
    assert titles("Sleep and Testosterone; Unknown One, Unknown Two | low t") == [
        ("Sleep and Testosterone", "sleep"),
        ("Unknown One, Unknown Two", None),
        ("low t", "low-t"),
    ]
    assert titles("Sleep and Testosterone – Low T") == [
        ("Sleep and Testosterone", "sleep"),
        ("Low T", "low-t"),
    ]


def test_titles_match_without_case_punctuation_or_accents() -> None:
    assert titles("intravenous vs intramuscular ketamine treatments how they work") == [
        ("intravenous vs intramuscular ketamine treatments how they work", "iv-vs-im")
    ]
    assert titles("sleep") == [("sleep", "sleep")]  # a slug names its article too


def test_resolution_of_links_drafts_and_the_article_itself() -> None:
    items = [
        ImportedLink("Low T, A Draft, This Article, Low T"),
        ImportedLink("Old name", "https://old.example.org/2020/sleep/", same_site=True),
        ImportedLink("Gone", "https://old.example.org/gone/", same_site=True),
        ImportedLink("Elsewhere", "https://other.example.net/page"),
    ]
    assert resolve_see_also(items, CATALOGUE, "me") == [
        Resolved("Low T", "low-t"),
        Resolved("A Draft", reason="is a draft (draft-one)"),
        Resolved("This Article", reason="is the article itself"),
        Resolved("Sleep and Testosterone", "sleep"),
        Resolved("Gone", reason="matches no article"),
        Resolved("Elsewhere", "https://other.example.net/page"),
    ]


def test_links_into_the_old_site_become_links_to_the_articles() -> None:
    body = (
        "See [sleep](<https://www.old.example.org/2020/sleep/#part>),"
        " [low](<https://old.example.org/low-t.html>), [draft](<https://old.example.org/draft-one/>),"
        " [gone](<https://old.example.org/gone/>) and [other](<https://other.example.net/sleep/>).\n"
    )
    assert link_articles(body, "https://old.example.org/2021/page/", CATALOGUE) == (
        "See [sleep](sleep-notes.md#part), [low](men/low-t.md),"
        " [draft](<https://old.example.org/draft-one/>), [gone](<https://old.example.org/gone/>)"
        " and [other](<https://other.example.net/sleep/>).\n"
    )
    assert link_articles(body, None, CATALOGUE) == body


def test_a_series_with_an_oxford_comma_is_one_title() -> None:
    assert separate_titles("Vitamin D, Calcium, and Bone Health") == [
        "Vitamin D, Calcium, and Bone Health"
    ]
    assert separate_titles("Low T; Iron, Zinc, or Both") == ["Low T", "Iron, Zinc, or Both"]
    assert separate_titles("Griechischer Salat, Erbsenpüree") == [
        "Griechischer Salat",
        "Erbsenpüree",
    ]


def test_an_item_typed_with_curly_apostrophes_matches_the_straight_title_and_back() -> None:
    straight = "Sleep and Men's Health: What's Normal?"
    curly = straight.replace("'", "\u2019")
    for title, item in ((straight, curly), (curly, straight)):
        found = Catalogue.of([("whats-normal", title, False, "whats-normal.md")]).find(item)
        assert found is not None and found.slug == "whats-normal"


def test_titles_differing_only_in_their_apostrophes_each_match_their_own_spelling() -> None:
    catalogue = Catalogue.of(
        [
            ("straight", "Don't Stop", False, "straight.md"),
            ("curly", "Don\u2019t Stop", False, "c.md"),
        ]
    )
    found = [catalogue.find(item) for item in ("don't stop", "DON\u2019T STOP")]
    assert [f.slug if f else None for f in found] == ["straight", "curly"]


def test_a_link_to_the_page_itself_is_one_within_it_its_fragment_kept_as_markdown() -> None:
    """A bracket of the fragment is encoded: ``(#a)b)`` would end the link early."""
    catalogue = Catalogue.of([("port-page", "Port page", False, "port-page.md")])
    body = "[p](<https://old.example.com/port-page/#a)b>) [t](<https://old.example.com/port-page/>)"
    assert link_articles(body, "https://old.example.com/port-page/", catalogue, "port-page") == (
        "[p](#a%29b) [t](#)"
    )
