"""A feed entry reads right in a feed reader, which shows its HTML without the site's styles:
what the theme's CSS lays out or hides must read as plain text too."""

from __future__ import annotations

from pathlib import Path

import pytest

from articlegen.build import build_site
from articlegen.core.model import BuildOptions
from tests.conftest import SITE_YAML, article, parse
from tests.integration.test_feed_references import entry_content

WARM_UP = article(
    "Warming Up",
    "Why a warm-up helps before lifting.\n\n## Before you lift\n\nMove gently first.\n\n"
    '::: video https://www.youtube.com/watch?v=dQw4w9WgXcQ "A short warm-up routine"\n'
    "Follow along at home.\n:::\n\n### After\n\nStretch.",
    content_warning='"This article mentions depression."',
)


@pytest.fixture
def warm_up(site) -> Path:  # type: ignore[no-untyped-def]
    """A built site of one article with headings, a video block and a content warning."""
    root = site({"warm.md": WARM_UP}, site_yaml=SITE_YAML + "search: false\n")
    build_site(root, BuildOptions())
    return root


def test_a_videos_title_and_host_read_apart_as_text(warm_up: Path) -> None:
    """The title and the "Play video" line are lines of their own on the page (flex items),
    but were two text nodes with nothing between them: a feed reader showed "A short
    warm-up routinePlay video · YouTube"."""
    content = entry_content(warm_up, "Warming Up")
    page = parse(warm_up / "public/warm/index.html")
    for html in (content, page):
        (link,) = html.css("a.video-start")
        assert link.text() == "A short warm-up routine Play video · YouTube"


def test_a_feed_entry_shows_its_headings_text_alone(warm_up: Path) -> None:
    """Each heading's "#" link to itself, which the page shows only on hover or focus, was
    in the entry too, where a feed reader showed every heading ending in "#"."""
    content = entry_content(warm_up, "Warming Up")
    headings = content.css("h2, h3")
    assert [heading.text() for heading in headings] == ["Before you lift", "After"]
    assert [heading.attributes["id"] for heading in headings] == ["before-you-lift", "after"]
    assert content.css("a[href^='#']") == []
    page = parse(warm_up / "public/warm/index.html")  # the page keeps its links
    assert [a.attributes["href"] for a in page.css(".body .header-anchor")] == [
        "#before-you-lift",
        "#after",
    ]
