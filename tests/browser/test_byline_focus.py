"""A link in a wrapped byline, focused from the keyboard, shows its whole focus ring in
Debian's Chromium, left to right and right to left (``language: fa``).

A line of facts is clipped at the column's start to hide the separator of an item that
starts a line (``.facts`` in the theme's stylesheet). A clip right at the column's edge cut
off the start side of the ring (3 px wide, 2 px outside the link) of a link that starts a
line, as a reviewer's long name does on a phone; the clip now reaches past the edge by the
ring's reach, and the separators must stay unseen all the same."""

from __future__ import annotations

from typing import Any

import pytest

from articlegen.build import build_site
from articlegen.core.model import BuildOptions
from tests.browser.conftest import PHONE, new_page
from tests.browser.facts import cut_ring, lone_separators
from tests.conftest import article

LONG_NAMES = """\
title: "Example Site"
base_url: "https://example.test/"
description: "An example site."
author: example-author
authors:
  example-author: {name: "Example Author With A Long Placeholder Name", credentials: "MPH, RD"}
reviewers:
  example-reviewer:
    name: "Example Reviewer With A Long Placeholder Name"
    credentials: "MD, PhD, FACP"
"""
"""Placeholder people whose names and credentials are longer than a phone's line."""


@pytest.mark.parametrize("language", ["en", "fa"])
def test_a_focused_link_of_a_wrapped_byline_shows_its_whole_ring_at_any_width(
    browser: Any, site: Any, serve: Any, language: str
) -> None:
    text = article(
        "Example Article",
        updated="2024-02-01",
        reviewed_by="example-reviewer",
        reviewed_on="2024-03-01",
    )
    root = site({"example.md": text}, site_yaml=LONG_NAMES + f"language: {language}\n")
    build_site(root, BuildOptions(output=root / "public"))
    with new_page(browser, viewport=PHONE) as page:
        page.goto(serve(root / "public") + "example/")
        byline = page.locator("p.byline")
        links = byline.locator("a")
        assert links.count() == 2  # the author's page, the reviewer's
        page.keyboard.press("Tab")  # from the keyboard: a link focused now shows its ring
        starting = set()
        for width in range(320, 1281, 16):
            page.set_viewport_size({"width": width, "height": 900})
            assert lone_separators(byline) == [], (language, width)
            for i in range(links.count()):
                links.nth(i).focus()
                cut, starts = cut_ring(byline)
                assert cut == "", (language, width, cut)
                if starts:
                    starting.add(i)
        assert starting == {0, 1}  # each link starts a line at some width: the case measured
