"""The See Also index's sections and pages (``render/seealsoindex.py``), from plain entries."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from articlegen.core.model import PagePlan
from articlegen.core.slugs import sort_key
from articlegen.render import seealsoindex
from articlegen.render.seealsoindex import index_key, index_order, index_pages, initial, sections


def entry(title: str, linked: bool = True) -> dict[str, Any]:
    return {"title": title, "outgoing": ["x"] if linked else [], "incoming": []}


def page(url: str, template: str, **context: Any) -> PagePlan:
    """What ``PagePlanner.page`` gives, without the site's globals."""
    return PagePlan(url, url + "index.html", template, context)


def test_initials_keep_title_order_and_the_unlinked_come_last() -> None:
    made = sections(
        [entry("Éclair"), entry("eggs"), entry("7 habits"), entry("Walking", False), entry("Zinc")]
    )
    assert [(s.label, s.slug, s.anchor) for s in made] == [
        ("E", "e", "Initial-1"),
        ("#", "other", "Initial-2"),
        ("Z", "z", "Initial-3"),
        ("Not yet linked", "unlinked", "Unlinked"),
    ]
    assert [e["title"] for e in made[0].entries] == ["Éclair", "eggs"]
    assert [s.linked for s in made] == [True, True, True, False]


LEADING = "“”‘’„\"'«»‹›¿¡([{*…–—- ʻʼ"
"""Marks a title may begin with before its first letter: quotes of several languages,
Spanish opening marks, brackets, an ellipsis, dashes, a space, the Hawaiian ʻokina and
the modifier apostrophe (which Unicode counts as letters)."""


def in_index_order(titles: list[str]) -> list[dict[str, Any]]:
    """The entries of ``titles``, as ``index_entries`` orders them (the slug is the title)."""
    return [entry(t) for t in sorted(titles, key=lambda t: index_order(t, t))]


def test_a_title_is_filed_under_its_first_letter_after_leading_marks() -> None:
    """They were filed under '#', after every letter, where a reader does not look."""
    titles = [
        "«Zinc» and immunity",
        "Apple",
        "“Sleep” debt",
        "¿Qué es la PrEP?",
        "Zinc",
        "¡Ojo! Blood pressure",
        "ʻŌlelo Hawaiʻi",
        "7 habits",
        "“10 rules”",
        "…",
    ]
    made = sections(in_index_order(titles))
    assert [(s.label, [e["title"] for e in s.entries]) for s in made] == [
        ("#", ["7 habits", "“10 rules”", "…"]),  # numbers by value, before any mark
        ("A", ["Apple"]),
        ("O", ["¡Ojo! Blood pressure", "ʻŌlelo Hawaiʻi"]),
        ("Q", ["¿Qué es la PrEP?"]),
        ("S", ["“Sleep” debt"]),
        ("Z", ["Zinc", "«Zinc» and immunity"]),
    ]
    assert [s.slug for s in made] == ["other", "a", "o", "q", "s", "z"]


def files_by(char: str) -> bool:
    """Whether a title can be filed by ``char``: a letter or digit, other than the modifier
    letters (U+02B0–U+02FF) that are written like apostrophes."""
    return char.isalnum() and not "\u02b0" <= char <= "\u02ff"


TITLES = st.text(st.sampled_from([*LEADING, *"abzAZÉéßø17٣Ωж", "\u0301"]), min_size=1, max_size=8)


@given(st.text(st.sampled_from(LEADING), max_size=4), TITLES)
def test_leading_marks_change_no_title_s_place(marks: str, title: str) -> None:
    """A title read from its first letter or digit: marks before it move it nowhere."""
    if any(files_by(char) for char in sort_key(title)):
        assert index_key(marks + title) == index_key(title)
        assert initial(marks + title) == initial(title)


@given(st.lists(TITLES, max_size=12))
def test_each_initial_s_titles_come_together_in_index_order(titles: list[str]) -> None:
    """Filed by the first letter after any leading marks, each title under the initial of its
    first letter or digit, the initials in order, none twice, and every title where the
    index's order puts it."""
    ordered = in_index_order(titles)
    made = sections(ordered)
    assert [e for s in made for e in s.entries] == ordered
    assert [s.label for s in made] == sorted({s.label for s in made})
    for section in made:
        for each in section.entries:
            first = next((c for c in sort_key(each["title"]) if files_by(c)), "")
            assert section.label == (first.upper() if first.isalpha() else "#")


def test_an_initial_whose_address_is_taken_is_numbered() -> None:
    """Greek Alpha is spelt ``a`` as Latin A is; neither takes the other's page."""
    made = sections([entry("Apple"), entry("Άλφα"), entry("Жук")])
    assert [s.slug for s in made] == ["a", "initial-2", "zh"]


def test_a_small_index_is_one_page_that_jumps_by_anchor() -> None:
    plans = list(index_pages([entry("Apple"), entry("Berry", False)], page))
    assert [p.url for p in plans] == ["see-also/"]
    context = plans[0].context
    assert [(j["label"], j["url"], j["anchor"]) for j in context["jump"]] == [
        ("A", None, "Initial-1"),
        ("Not yet linked", None, "Unlinked"),
    ]
    assert context["total"] == 2 and context["unlinked_total"] == 1
    assert [g["initial"] for g in context["groups"]] == ["A"]
    assert [e["title"] for e in context["unlinked"]] == ["Berry"]
    assert context["section"] is None


def test_a_large_index_is_a_page_per_initial_each_in_pages(monkeypatch) -> None:
    monkeypatch.setattr(seealsoindex, "ONE_PAGE_AT_MOST", 4)
    monkeypatch.setattr(seealsoindex, "ENTRIES_PER_PAGE", 2)
    entries = [entry(f"A{n}") for n in range(5)] + [entry("B"), entry("C", False)]
    plans = list(index_pages(entries, page))
    assert [p.url for p in plans] == [
        "see-also/",
        "see-also/a/",
        "see-also/a/page/2/",
        "see-also/a/page/3/",
        "see-also/b/",
        "see-also/unlinked/",
    ]
    hub = plans[0].context
    assert hub["groups"] == [] and hub["unlinked"] == []
    assert [j["url"] for j in hub["jump"]] == ["see-also/a/", "see-also/b/", "see-also/unlinked/"]
    shown = [e["title"] for p in plans for g in p.context["groups"] for e in g["entries"]]
    assert shown == ["A0", "A1", "A2", "A3", "A4", "B"]
    second = plans[2]
    assert second.context["title"] == "See Also index: A (page 2)"
    assert second.context["pagination"] == {
        "page": 2,
        "pages": 3,
        "prev": "see-also/a/",
        "next": "see-also/a/page/3/",
    }
    assert second.context["section"] == {"label": "A", "count": 5}
    assert [j["current"] for j in second.context["jump"]] == [True, False, False]
    last = plans[-1].context
    assert last["title"] == "See Also index: not yet linked"
    assert [e["title"] for e in last["unlinked"]] == ["C"] and last["groups"] == []
