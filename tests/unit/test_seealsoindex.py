"""The See Also index's sections and pages (``render/seealsoindex.py``), from plain entries."""

from __future__ import annotations

from typing import Any

from articlegen.core.model import PagePlan
from articlegen.render import seealsoindex
from articlegen.render.seealsoindex import index_pages, sections


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
