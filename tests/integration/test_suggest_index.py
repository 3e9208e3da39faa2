"""The See Also index suggests a link next to each article not yet linked: built and parsed,
and kept right by incremental builds."""

from __future__ import annotations

from pathlib import Path

import pytest

from articlegen.build import build_site
from articlegen.core.model import BuildOptions
from articlegen.incremental.cache import BuildCache
from tests.conftest import article, parse
from tests.helpers import snapshot
from tests.integration.test_incremental import clean_build, edit, rendered


@pytest.fixture
def blog(site) -> Path:
    return site(
        {
            "sleep.md": article(
                "Sleep and Cortisol",
                "Cortisol falls during deep sleep and peaks at dawn; cortisol then drops.",
                tags="[sleep, hormones]",
            ),
            "night.md": article(
                "Night Shifts",
                "Night shifts cut deep sleep and keep cortisol high.\n\nPlan your week.",
                tags="[sleep]",
                see_also="[sleep]",
                date="2024-02-01",
            ),
            "teeth.md": article("Teeth", "Brush twice a day.", tags="[dental]"),
            "draft.md": article(
                "Hormones at Night",
                "Deep sleep and cortisol.",
                tags="[sleep, hormones]",
                draft="true",
            ),
        }
    )


def entries(root: Path) -> dict[str, object]:
    index = parse(root / "public/see-also/index.html")
    return {
        li.attributes["id"].removeprefix("entry-"): li for li in index.css("ul.link-index > li")
    }


def test_an_article_not_yet_linked_shows_its_best_suggestion_and_why(blog: Path) -> None:
    build_site(blog)
    sleep = entries(blog)["sleep"]
    (suggested,) = sleep.css("p.suggested")
    link = suggested.css_first("a")
    assert (link.text(), link.attributes["href"]) == ("Night Shifts", "/night/")
    assert suggested.css_first(".why").text() == (
        "(shared tags: sleep; similar words: cortisol, deep sleep; links here)"
    )


def test_no_suggestion_where_nothing_fits_or_only_links_already_made(blog: Path) -> None:
    build_site(blog)
    found = entries(blog)
    assert found["teeth"].css("p.suggested") == []  # nothing in common with anything
    assert found["night"].css("p.suggested") == []  # its only match is in its See Also


def test_a_draft_is_never_suggested_even_in_a_build_with_drafts(blog: Path) -> None:
    build_site(blog, BuildOptions(drafts=True))
    found = entries(blog)
    assert [a.text() for a in found["sleep"].css("p.suggested a")] == ["Night Shifts"]
    assert [a.text() for a in found["draft"].css("p.suggested a")] == ["Sleep and Cortisol"]
    assert all(
        a.text() != "Hormones at Night"
        for a in parse(blog / "public/see-also/index.html").css("p.suggested a")
    )


def test_an_edit_that_changes_a_suggestion_renders_the_index_again(
    blog: Path, tmp_path: Path
) -> None:
    cache = BuildCache()
    build_site(blog, cache=cache)
    edit(blog / "content/teeth.md", "Brush twice a day.", "Brush at dawn, when cortisol peaks.")
    result = build_site(blog, cache=cache)
    assert "see-also/index.html" in rendered(result)
    assert snapshot(blog / "public") == clean_build(blog, tmp_path)
    assert [a.text() for a in entries(blog)["teeth"].css("p.suggested a")] == ["Sleep and Cortisol"]


def test_a_body_edit_that_changes_no_suggestion_renders_only_its_page(blog: Path) -> None:
    cache = BuildCache()
    build_site(blog, cache=cache)
    edit(blog / "content/night.md", "Plan your week.", "Plan your week ahead.")
    result = build_site(blog, cache=cache)
    assert rendered(result) == {"night/index.html"}


def test_a_scheduled_article_shown_with_future_is_never_suggested(blog: Path) -> None:
    (blog / "content/soon.md").write_text(
        article(
            "Cortisol at Night",
            "Deep sleep and cortisol, cortisol.",
            tags="[sleep, hormones]",
            date="2999-01-01",
        )
    )
    build_site(blog, BuildOptions(future=True))
    found = entries(blog)
    assert "soon" in found  # listed, with its banner elsewhere
    suggested = [a.text() for a in parse(blog / "public/see-also/index.html").css("p.suggested a")]
    assert "Cortisol at Night" not in suggested and "Night Shifts" in suggested
