"""Builds run as commands plan only what changed, from the record the last one saved, and
make what a clean build makes."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from articlegen.build import build_with_saved_cache
from articlegen.core.errors import BuildFailed
from articlegen.core.layout import CACHE_DIR
from articlegen.core.model import BuildOptions, PagePlan
from articlegen.incremental import recordplanning
from articlegen.incremental.cachefile import DATABASE, load_cache
from tests.conftest import article
from tests.helpers import same_as_clean
from tests.integration.test_replan import ARTICLES  # the same small site


@pytest.fixture
def blog(site) -> Path:
    root: Path = site(dict(ARTICLES))
    build_with_saved_cache(root)
    return root


@pytest.fixture
def planned(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The output paths of the pages each build planned (kept ones left out)."""
    builds: list[list[str]] = []
    plan_with_record = recordplanning.plan_with_record

    def spied(*args: object, **kwargs: object) -> tuple[tuple[PagePlan, ...], frozenset[str]]:
        plans, kept = plan_with_record(*args, **kwargs)  # type: ignore[arg-type]
        builds.append(sorted(p.out_path for p in plans if p.out_path not in kept))
        return plans, kept

    monkeypatch.setattr("articlegen.incremental.rendering.plan_with_record", spied)
    return builds


def edit(root: Path, name: str, change: Callable[[str], str]) -> None:
    path = root / "content" / name
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


def test_a_body_edit_plans_its_page_and_feeds_alone(
    blog: Path, planned: list[list[str]], tmp_path: Path
) -> None:
    edit(blog, "a.md", lambda text: text.replace("More alpha.", "More alpha, and *more*."))
    build_with_saved_cache(blog)
    assert planned == [["a/index.html", "feed.xml", "tags/sleep/feed.xml"]]
    same_as_clean(blog, tmp_path)


def test_a_title_edit_plans_the_pages_showing_its_card(
    blog: Path, planned: list[list[str]], tmp_path: Path
) -> None:
    edit(blog, "a.md", lambda text: text.replace('title: "Alpha"', 'title: "Alpha, retitled"'))
    build_with_saved_cache(blog)
    assert "a/index.html" in planned[0] and "b/index.html" in planned[0]  # See Also, Linked from
    assert "c/index.html" not in planned[0]
    same_as_clean(blog, tmp_path)


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(
            lambda root: (
                (root / "templates").mkdir()
                or (root / "templates" / "404.html").write_text("gone", encoding="utf-8")
            ),
            id="template",
        ),
        pytest.param(
            lambda root: (root / "content" / "d.md").write_text(
                article("Delta", "New.", date="2024-04-01"), encoding="utf-8"
            ),
            id="new-article",
        ),
        pytest.param(
            lambda root: edit(root, "c.md", lambda text: text + "\nSee [[a]].\n"), id="new-link"
        ),
        pytest.param(
            lambda root: (root / "site.yaml").write_text(
                (root / "site.yaml")
                .read_text(encoding="utf-8")
                .replace("An example site.", "A changed example site."),
                encoding="utf-8",
            ),
            id="site-yaml",
        ),
    ],
)
def test_other_changes_plan_every_page(
    blog: Path, planned: list[list[str]], tmp_path: Path, change: Callable[[Path], object]
) -> None:
    every = len(load_cache(blog / CACHE_DIR).pages)
    change(blog)
    build_with_saved_cache(blog)
    assert len(planned[0]) >= every
    same_as_clean(blog, tmp_path)


def test_a_kept_page_changed_in_the_output_makes_the_build_plan_every_page(
    blog: Path, planned: list[list[str]], tmp_path: Path
) -> None:
    (blog / "public" / "c" / "index.html").write_text("changed by hand", encoding="utf-8")
    edit(blog, "a.md", lambda text: text.replace("More alpha.", "More alpha, again."))
    build_with_saved_cache(blog)
    assert "c/index.html" in planned[0]
    same_as_clean(blog, tmp_path)


def test_a_failed_build_between_does_not_leave_a_stale_record(
    blog: Path, planned: list[list[str]], tmp_path: Path
) -> None:
    """The failed build saves what it read (Alpha's new title) but not its plans: the
    next build must still see the title as a change from the record's."""
    edit(blog, "a.md", lambda text: text.replace('title: "Alpha"', 'title: "Alpha, renamed"'))
    edit(blog, "c.md", lambda text: text + "\nSee [[missing]].\n")
    with pytest.raises(BuildFailed):
        build_with_saved_cache(blog)
    edit(blog, "c.md", lambda text: text.replace("\nSee [[missing]].\n", ""))
    build_with_saved_cache(blog)
    assert "b/index.html" in planned[-1]
    same_as_clean(blog, tmp_path)


def test_an_unreadable_record_costs_only_a_full_plan(blog: Path, tmp_path: Path) -> None:
    database = blog / CACHE_DIR / DATABASE
    with sqlite3.connect(database) as db:
        db.execute("UPDATE plans SET data = x'00'")
    edit(blog, "a.md", lambda text: text.replace("More alpha.", "More alpha, once more."))
    build_with_saved_cache(blog)
    same_as_clean(blog, tmp_path)
    assert load_cache(blog / CACHE_DIR).plan_record is not None  # made again


def test_the_record_is_saved_and_read_back(blog: Path) -> None:
    record = load_cache(blog / CACHE_DIR).plan_record
    assert record is not None
    assert [a.slug for a in record.site.articles] == ["c", "b", "a"]
    assert ("a/", "a/index.html", "article.html") in record.plans
    shutil.rmtree(blog / "public")
    build_with_saved_cache(blog)  # nothing to reuse: every page rendered, the record kept
    assert load_cache(blog / CACHE_DIR).plan_record == record


def test_a_kept_page_changed_after_it_was_found_reusable_plans_every_page(
    blog: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program writing into the output between the check and the reuse: the build
    plans every page and starts again, rather than failing."""
    from articlegen.incremental.cache import BuildCache

    reusable = BuildCache.reusable

    def then_changed(self: BuildCache, out_paths, output) -> bool:
        found = reusable(self, out_paths, output)
        (blog / "public" / "c" / "index.html").write_text("changed meanwhile", encoding="utf-8")
        return found

    monkeypatch.setattr(BuildCache, "reusable", then_changed)
    edit(blog, "a.md", lambda text: text.replace("More alpha.", "More alpha, later."))
    build_with_saved_cache(blog)
    same_as_clean(blog, tmp_path)


def test_check_between_an_edit_and_the_build_keeps_the_record_of_the_last_build(
    blog: Path, planned: list[list[str]], tmp_path: Path
) -> None:
    """``check`` writes no page: the next build still compares with the last one that did,
    and keeps the pages the edit does not reach."""
    edit(blog, "a.md", lambda text: text.replace("More alpha.", "More alpha, checked."))
    build_with_saved_cache(blog, BuildOptions(write=False))
    build_with_saved_cache(blog)
    assert planned[-1] == ["a/index.html", "feed.xml", "tags/sleep/feed.xml"]
    same_as_clean(blog, tmp_path)


def test_a_title_shown_only_in_another_body_plans_that_page_and_fills_only_what_is_rendered(
    site, planned: list[list[str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Delta's body shows Gamma's title through ``[[c]]`` and nothing else of Gamma: its
    page changes with that title although its own file does not. Bodies are filled as
    pages ask for them (``bodies.FinishedBodies``): the rebuild fills only the bodies of
    the pages it renders (feeds of one article, so that they do not show every body)."""
    from articlegen.render import bodies, feeds

    monkeypatch.setattr(feeds, "FEED_SIZE", 1)
    delta = article("Delta", "Delta.\n\nSee [[c]].", date="2024-04-01")  # not in its description
    root: Path = site({**ARTICLES, "d.md": delta})
    build_with_saved_cache(root)
    filled: list[str] = []
    finish = bodies._finished
    monkeypatch.setattr(
        bodies, "_finished", lambda body, fill: filled.append(body.html) or finish(body, fill)
    )
    edit(root, "c.md", lambda text: text.replace('title: "Gamma"', 'title: "Gamma, renamed"'))
    build_with_saved_cache(root)
    assert "d/index.html" in planned[-1] and "a/index.html" not in planned[-1]
    shown = [slug for slug in "abcd" if f"{slug}/index.html" in planned[-1]]
    assert shown == ["b", "c", "d"]  # b: Gamma is its newer article
    assert sorted(filled) == sorted(rendered_of(root, slug) for slug in shown)
    links = HTMLParser((root / "public" / "d" / "index.html").read_text(encoding="utf-8"))
    assert [a.text() for a in links.css("main a.internal")] == ["Gamma, renamed"]
    same_as_clean(root, tmp_path)


def rendered_of(root: Path, slug: str) -> str:
    """An article's body as the cache holds it, rendered and not yet filled."""
    cache = load_cache(root / CACHE_DIR)
    return next(e.body.html for e in cache.sources.values() if e.article.slug == slug and e.body)
