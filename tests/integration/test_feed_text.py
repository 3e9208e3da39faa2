"""A feed entry reads right in a feed reader, which shows its HTML without the site's styles:
what the theme's CSS lays out or hides must read as plain text too."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from articlegen.build import build_site
from articlegen.core.model import BuildOptions
from tests.conftest import SITE_YAML, article, parse
from tests.integration.test_feed_references import ATOM, entry_content, words

WARM_UP = article(
    "Warming Up",
    "Why a warm-up helps before lifting.\n\n## Before you lift\n\nMove gently first.\n\n"
    '::: video https://www.youtube.com/watch?v=dQw4w9WgXcQ "A short warm-up routine"\n'
    "Follow along at home.\n:::\n\n### After\n\nStretch.",
    content_warning='"This article mentions depression."',
    tags="[fitness]",
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


def test_a_feed_entry_starts_with_the_content_warning(warm_up: Path) -> None:
    """The page shows the warning above the body; the entry, which a feed reader shows
    instead of the page, left it out, so a reader met the article unwarned."""
    content = entry_content(warm_up, "Warming Up")
    first = content.body.child if content.body is not None else None
    assert first is not None and first.tag == "p"
    assert words(first) == "Content warning: This article mentions depression."
    assert words(content.body).count("This article mentions depression.") == 1
    page = parse(warm_up / "public/warm/index.html")
    assert words(page.css_first(".content-warning p")) == words(first)
    tag = ET.parse(warm_up / "public/tags/fitness/feed.xml").getroot()  # the same entry
    assert tag.findtext("a:entry/a:content", None, ATOM) == ET.parse(
        warm_up / "public/feed.xml"
    ).getroot().findtext("a:entry/a:content", None, ATOM)


def test_a_warning_is_escaped_in_the_entry(site) -> None:  # type: ignore[no-untyped-def]
    text = article("Doses", "Body.", content_warning='"Doses <b>over</b> 5 mg & more."')
    root = site({"doses.md": text}, site_yaml=SITE_YAML + "search: false\n")
    build_site(root, BuildOptions())
    content = entry_content(root, "Doses")
    assert content.css("b") == []
    assert words(content.css_first("p")) == "Content warning: Doses <b>over</b> 5 mg & more."


def test_an_entry_without_a_warning_starts_with_its_body(warm_up: Path) -> None:
    """The warning taken out of the header is taken out of the entry at the next build."""
    without = WARM_UP.replace('content_warning: "This article mentions depression."\n', "")
    (warm_up / "content/warm.md").write_text(without, encoding="utf-8")
    build_site(warm_up, BuildOptions())
    content = entry_content(warm_up, "Warming Up")
    assert "Content warning" not in words(content.body)
    first = content.body.child if content.body is not None else None
    assert first is not None and words(first) == "Why a warm-up helps before lifting."
