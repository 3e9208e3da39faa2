"""Planning again only what a body edit changed: the same plans as planning everything."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from articlegen.build import build_site
from articlegen.core.model import BuildOptions, PagePlan, RenderedBody, Site
from articlegen.incremental.cache import BuildCache
from articlegen.incremental.replan import (
    LISTED_BODY_FIELDS,
    PAGE_BODY_FIELDS,
    SITE_FIELDS_DIGESTED,
    SITE_FIELDS_EQUAL,
    SITE_FIELDS_UNCOMPARED,
    UNSHOWN_BODY_FIELDS,
    body_only_changes,
    plan_site,
)
from tests.conftest import article

IN_MEMORY = BuildOptions(write=False)
ARTICLES = {
    "a.md": article("Alpha", "Alpha text.\n\nMore alpha.", tags="[sleep]", see_also="[b]"),
    "b.md": article("Beta", "Beta text.\n\nSee [[a]].", date="2024-02-01", tags="[sleep]"),
    "c.md": article("Gamma", "Gamma text.\n\nMore gamma.", date="2024-03-01"),
}


@pytest.fixture
def blog(site) -> Path:
    return site(dict(ARTICLES))


def site_of(root: Path) -> Site:
    result = build_site(root, IN_MEMORY)
    assert result.site is not None
    return result.site


def rewrite(root: Path, name: str, old: str, new: str) -> None:
    path = root / "content" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_body_edit_replans_its_page_and_feeds_alone(blog: Path) -> None:
    before = plan_site(site_of(blog), search=False)
    rewrite(blog, "a.md", "More alpha.", "More alpha, and *more*.")
    after = site_of(blog)
    assert body_only_changes(before.site, after) == {"a"}
    replanned = plan_site(after, search=False, last=before)
    assert replanned.plans == plan_site(after, search=False).plans  # what planning all gives
    kept = {p.out_path for p, q in zip(before.plans, replanned.plans, strict=True) if p is q}
    assert {p.out_path for p in before.plans} - kept == {
        "a/index.html",
        "feed.xml",
        "tags/sleep/feed.xml",
    }


@pytest.mark.parametrize(
    ("old", "new"),
    [
        pytest.param('title: "Alpha"', 'title: "Alpha, retitled"', id="title"),
        pytest.param("More alpha.", "word " * 400, id="reading-time"),
        pytest.param(
            "date: 2024-01-01",
            "date: 2024-01-01T10:00:00+01:00",
            id="date-with-time",
        ),
    ],
)
def test_a_card_change_replans_the_pages_showing_the_card(blog: Path, old: str, new: str) -> None:
    """Alpha's title, reading time or date shows on its page, on Beta's (See Also, "Linked
    from", the older article), on every listing and in the feeds; not on Gamma's page."""
    before = plan_site(site_of(blog), search=False)
    rewrite(blog, "a.md", old, new)
    after = site_of(blog)
    assert body_only_changes(before.site, after) is None
    replanned = plan_site(after, search=False, last=before)
    assert replanned.plans == plan_site(after, search=False).plans  # what planning all gives
    kept = {p.out_path for p, q in zip(before.plans, replanned.plans, strict=True) if p is q}
    assert "c/index.html" in kept
    assert not kept & {"a/index.html", "b/index.html", "index.html", "see-also/index.html"}


def test_a_title_in_another_articles_description_plans_everything_again(blog: Path) -> None:
    """Beta's description, made from a first paragraph linking [[a]], shows Alpha's title:
    a new title changes that description, which every listing of Beta shows."""
    rewrite(blog, "b.md", "Beta text.\n\nSee [[a]].", "Beta text, see [[a]].")
    before = plan_site(site_of(blog), search=False)
    rewrite(blog, "a.md", 'title: "Alpha"', 'title: "Alpha, retitled"')
    after = site_of(blog)
    assert after.descriptions["b"] == "Beta text, see Alpha, retitled."
    replanned = plan_site(after, search=False, last=before)
    assert replanned.plans == plan_site(after, search=False).plans
    assert not {p.out_path for p, q in zip(before.plans, replanned.plans, strict=True) if p is q}


@pytest.mark.parametrize(
    ("old", "new"),
    [
        pytest.param("More alpha.", "More alpha, see [[c]].", id="new-link"),
        pytest.param("tags: [sleep]", "tags: [sleep, rest]", id="tags"),
        pytest.param("Alpha text.", "A new first paragraph.", id="summary"),
        pytest.param("date: 2024-01-01", "date: 2024-04-01", id="order"),
    ],
)
def test_any_other_change_plans_everything_again(blog: Path, old: str, new: str) -> None:
    before = plan_site(site_of(blog), search=False)
    rewrite(blog, "a.md", old, new)
    after = site_of(blog)
    assert body_only_changes(before.site, after) is None
    replanned = plan_site(after, search=False, last=before)
    assert not any(p is q for p, q in zip(before.plans, replanned.plans, strict=False))
    assert replanned.plans == plan_site(after, search=False).plans


def test_the_same_instant_written_in_another_zone_is_a_change(site) -> None:
    """Equal datetimes, yet each page shows its own offset."""
    root = site({"a.md": article("Alpha", "Text.\n\nMore.", date="2024-01-01T10:00:00+01:00")})
    before = plan_site(site_of(root), search=False)
    rewrite(root, "a.md", "2024-01-01T10:00:00+01:00", "2024-01-01T09:00:00+00:00")
    after = site_of(root)
    assert after.articles[0].meta.date == before.site.articles[0].meta.date
    assert body_only_changes(before.site, after) is None


def test_a_reference_date_in_another_zone_is_a_change_and_the_preview_shows_it(site) -> None:
    """Found in review: ``==`` finds the two reference dates equal; the page shows each."""

    def text(when: str) -> str:
        reference = f"\n  - title: Study\n    url: https://example.com/s\n    date: {when}"
        return article("Alpha", "Text.\n\nMore.", references=reference)

    root = site({"a.md": text("2020-01-01 10:00:00+01:00")})
    cache = BuildCache()
    build_site(root, IN_MEMORY, cache=cache)
    (root / "content" / "a.md").write_text(text("2020-01-01 09:00:00+00:00"), encoding="utf-8")
    kept = {page.out_path: page.data for page in build_site(root, IN_MEMORY, cache=cache).pages}
    assert kept == {page.out_path: page.data for page in build_site(root, IN_MEMORY).pages}


def test_people_listed_in_another_order_are_a_change(site) -> None:
    """Dicts compare equal in any order; a template listing ``site.authors`` shows the order."""
    people = {"a": "Example Author", "b": "Example Reviewer"}

    def config(order: list[str]) -> str:  # one line, so no line number moves
        listed = ", ".join(f"{key}: {{name: {people[key]}}}" for key in order)
        return f'title: "Example Site"\nbase_url: "https://example.org/"\nauthors: {{{listed}}}\n'

    root = site({"a.md": article("Alpha", "Text.", author="a")}, site_yaml=config(["a", "b"]))
    before = site_of(root)
    (root / "site.yaml").write_text(config(["b", "a"]), encoding="utf-8")
    after = site_of(root)
    assert list(after.config.authors) == ["b", "a"] and after.config == before.config
    assert body_only_changes(before, after) is None


def test_nothing_changed_keeps_every_plan(blog: Path) -> None:
    before = plan_site(site_of(blog), search=False)
    after = site_of(blog)
    assert body_only_changes(before.site, after) == frozenset()
    assert plan_site(after, search=False, last=before).plans == before.plans
    assert plan_site(after, search=True, last=before).plans != before.plans  # search page


def test_the_rules_cover_every_field_of_what_they_compare() -> None:
    """A field added to ``Site`` or ``RenderedBody`` must be placed in ``replan``'s rules."""
    body = {f.name for f in dataclasses.fields(RenderedBody)}
    assert body == PAGE_BODY_FIELDS | LISTED_BODY_FIELDS | UNSHOWN_BODY_FIELDS
    assert not PAGE_BODY_FIELDS & UNSHOWN_BODY_FIELDS
    site = {f.name for f in dataclasses.fields(Site)}
    assert site == SITE_FIELDS_DIGESTED | SITE_FIELDS_EQUAL | SITE_FIELDS_UNCOMPARED | {
        "articles",
        "pages",
        "bodies",
        "by_slug",
    }


def test_a_kept_plan_is_not_keyed_again(blog: Path, monkeypatch) -> None:
    from articlegen.incremental import cache as cache_module

    keyed: list[PagePlan] = []
    real = cache_module.page_key

    def counting(plan: PagePlan, *args: object) -> bytes | None:
        keyed.append(plan)
        return real(plan, *args)

    monkeypatch.setattr(cache_module, "page_key", counting)
    cache = BuildCache()
    first = build_site(blog, IN_MEMORY, cache=cache)
    assert len(keyed) == len(first.pages) - 2  # all but the sitemap and robots.txt
    keyed.clear()
    rewrite(blog, "c.md", "More gamma.", "More gamma, edited.")
    result = build_site(blog, IN_MEMORY, cache=cache)
    assert sorted(p.out_path for p in keyed) == ["c/index.html", "feed.xml"]
    assert result.rendered == {"c/index.html", "feed.xml", "sitemap.xml", "robots.txt"}


@pytest.mark.parametrize("to_draft", [True, False], ids=["made-draft", "published"])
def test_a_draft_toggled_replans_the_feeds_that_showed_or_will_show_it(
    blog: Path, to_draft: bool
) -> None:
    """A --drafts preview: Beta made a draft leaves the feeds, a draft published comes
    into them; the replanned feeds are those planning everything gives (a feed that
    showed the draft before is planned again though it shows it no more)."""
    drafts = BuildOptions(write=False, drafts=True)
    public, draft = "tags: [sleep]", "tags: [sleep]\ndraft: true"
    if not to_draft:
        rewrite(blog, "b.md", public, draft)
    before = plan_site(_built(blog, drafts), search=False)
    rewrite(blog, "b.md", *((public, draft) if to_draft else (draft, public)))
    after = _built(blog, drafts)
    replanned = plan_site(after, search=False, last=before)
    assert replanned.plans == plan_site(after, search=False).plans


def _built(root: Path, options: BuildOptions) -> Site:
    result = build_site(root, options)
    assert result.site is not None
    return result.site
