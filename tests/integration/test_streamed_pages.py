"""A build that writes puts each page in the staged site as it is rendered and lets its
bytes go: the site is never in memory whole, the output is the same, and a page that
fails half-way leaves the previous site as it was."""

from __future__ import annotations

import gc
import hashlib
import shutil
from pathlib import Path

import jinja2
import pytest

from articlegen.build import build_site, build_with_saved_cache
from articlegen.core.layout import THEME_TEMPLATES
from articlegen.core.model import BuildOptions, PagePlan, RenderedPage
from articlegen.incremental.cache import BuildCache
from articlegen.output.pagefindrun import PagefindService
from articlegen.render import templates
from tests.conftest import SITE_YAML, article, parse
from tests.helpers import NOTHING_WRITTEN, snapshot
from tests.integration.test_search import needs_pagefind, pagefind_installed  # noqa: F401

NO_SEARCH = SITE_YAML + "search: false\n"
ARTICLES = 24


class Counted(bytes):
    """A page's bytes that count themselves while they are alive."""

    alive = 0
    most = 0

    def __new__(cls, data: bytes) -> Counted:
        made = super().__new__(cls, data)
        Counted.alive += 1
        Counted.most = max(Counted.most, Counted.alive)
        return made

    def __del__(self) -> None:
        Counted.alive -= 1


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> type[Counted]:
    """Every page the templates render holds ``Counted`` bytes; the counts start at 0."""
    render = templates.render_page

    def render_counted(env, plan: PagePlan, root: Path | None = None) -> RenderedPage:
        page = render(env, plan, root)
        assert page.data is not None
        return RenderedPage(page.url, page.out_path, Counted(page.data))

    monkeypatch.setattr(templates, "render_page", render_counted)
    Counted.alive = Counted.most = 0
    return Counted


@pytest.fixture
def blog(site) -> Path:
    articles = {
        f"a{n}.md": article(f"Article {n}", f"Text of article {n}. " * 50) for n in range(ARTICLES)
    }
    return site(articles, site_yaml=NO_SEARCH)


def digests(pages: tuple[RenderedPage, ...]) -> dict[str, str]:
    return {page.out_path: hashlib.sha256(page.data or b"").hexdigest() for page in pages}


def test_a_build_that_writes_holds_a_page_or_two_at_a_time(blog: Path, counted) -> None:
    result = build_site(blog, BuildOptions(jobs=1), cache=BuildCache())
    assert counted.most <= 2 < ARTICLES
    assert all(page.data is None for page in result.pages)
    assert parse(blog / "public/a3/index.html").css_first("h1").text() == "Article 3"


def test_a_build_that_writes_nothing_keeps_every_page(blog: Path, counted) -> None:
    """The preview serves its pages from memory: there they must all be kept."""
    result = build_site(blog, BuildOptions(write=False, jobs=1), cache=BuildCache())
    assert counted.alive >= ARTICLES and all(page.data for page in result.pages)


def test_the_pages_written_are_the_pages_a_preview_keeps(blog: Path, tmp_path: Path) -> None:
    kept = build_site(blog, BuildOptions(write=False, jobs=1)).pages
    build_site(blog, BuildOptions(output=tmp_path / "out", jobs=2))
    written = snapshot(tmp_path / "out")
    assert {path: written[path] for path in digests(kept)} == digests(kept)


def test_a_rebuild_without_cache_writes_only_if_a_page_differs(blog: Path, tmp_path: Path) -> None:
    """Pages rendered again are compared with the output one by one: the same site leaves
    the output folder as it was; one changed page (late in the build) swaps in the site."""
    output = blog / "public"
    build_site(blog, BuildOptions(jobs=1))
    folder = output.stat().st_ino
    build_site(blog, BuildOptions(jobs=1))
    assert output.stat().st_ino == folder
    (blog / "content/a9.md").write_text(article("Article 9", "Changed."), encoding="utf-8")
    build_site(blog, BuildOptions(jobs=1))
    build_site(blog, BuildOptions(output=tmp_path / "clean", jobs=1))
    assert output.stat().st_ino != folder and snapshot(output) == snapshot(tmp_path / "clean")
    assert parse(output / "a9/index.html").css_first(".body p").text() == "Changed."


def test_a_page_failing_after_others_were_written_leaves_the_site(blog: Path, run_cli) -> None:
    assert run_cli("build", "--site", blog)[0] == 0
    output, before = blog / "public", snapshot(blog / "public")
    theme = (THEME_TEMPLATES / "article.html").read_text(encoding="utf-8")
    failing = '{% if article.slug == "a9" %}{{ no_such_value }}{% endif %}{% endblock %}'
    (blog / "templates").mkdir()
    (blog / "templates/article.html").write_text(
        theme.replace("{% endblock %}", failing, 1), encoding="utf-8"
    )
    (blog / "content/a1.md").write_text(article("Article 1", "Changed."), encoding="utf-8")
    code, _, err = run_cli("build", "--site", blog)
    assert code == 1 and "no_such_value" in err and err.endswith(NOTHING_WRITTEN)
    assert snapshot(output) == before
    assert sorted(p.name for p in blog.iterdir() if p.name.startswith(".public")) == []


@pytest.fixture
def plans_at_search(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many page plans are alive (reachable) as each Pagefind run starts."""
    counts: list[int] = []
    real = PagefindService.index

    def spy(service: PagefindService, pages: list[str]) -> dict[str, bytes]:
        gc.collect()  # what only a collection would free is not alive
        counts.append(sum(isinstance(o, PagePlan) for o in gc.get_objects()))
        return real(service, pages)

    monkeypatch.setattr(PagefindService, "index", spy)
    return counts


@needs_pagefind
def test_a_build_saving_its_cache_lets_its_plans_go_before_the_search_index(
    site, tmp_path: Path, plans_at_search: list[int]
) -> None:
    """The CLI's cache is saved for the next process: it keeps no plans, so they are gone
    by the time Pagefind runs. The preview's in-memory cache keeps them for its next build."""
    root = site({f"a{n}.md": article(f"Article {n}", f"Zinc, part {n}.") for n in range(6)})
    twin = shutil.copytree(root, tmp_path / "twin")
    build_with_saved_cache(root, BuildOptions(jobs=1))
    assert plans_at_search and set(plans_at_search) == {0}
    build_site(twin, BuildOptions(jobs=1), cache=BuildCache())
    assert plans_at_search[-1] > 6


@needs_pagefind
def test_what_rendering_left_in_cycles_is_gone_before_the_search_index(
    site, run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Jinja macro keeps the context it was rendered in (and the page's values with it) in
    a reference cycle, which the CLI's rare collections would leave alive while Pagefind
    runs. Counted without collecting: what is left then is what the build holds."""
    contexts: list[int] = []
    real = PagefindService.index

    def spy(service: PagefindService, pages: list[str]) -> dict[str, bytes]:
        contexts.append(sum(isinstance(o, jinja2.runtime.Context) for o in gc.get_objects()))
        return real(service, pages)

    monkeypatch.setattr(PagefindService, "index", spy)
    root = site({f"a{n}.md": article(f"Article {n}", f"Zinc, part {n}.") for n in range(6)})
    assert run_cli("build", "--site", root)[0] == 0
    assert contexts and contexts[0] == 0
