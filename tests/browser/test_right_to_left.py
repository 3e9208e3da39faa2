"""A site in a language written from right to left (``language: fa`` in site.yaml, which
gives ``<html dir="rtl">``), read on a phone in Debian's Chromium: nothing makes the page
wider than the screen, the skip link shows at the start edge (the right) when focused, and
the byline, the tags and the See Also cards start from the right; axe-core finds nothing
serious."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from articlegen.build import build_site
from articlegen.core.model import BuildOptions
from tests.browser.conftest import PHONE, axe_violations, new_page
from tests.conftest import SITE_YAML, article
from tests.published import html_pages

EDGE = 16
"""The column's padding (1rem), and the skip link's distance from the start edge."""


def _right_to_left_site(site: Any) -> Path:
    root = site(
        {
            "first.md": article(
                "نوشته نمونه یک",
                "متن نمونه.",
                tags="[نمونه, Placeholder, Topic]",
                see_also="[second, https://example.org/placeholder]",
            ),
            "second.md": article("نوشته نمونه دو", "متن نمونه.", date="2024-02-01"),
        },
        site_yaml=SITE_YAML + "language: fa\n",
    )
    build_site(root, BuildOptions(output=root / "public"))
    return root / "public"


def _box(page: Any, selector: str, index: int = 0) -> dict[str, float]:
    return page.locator(selector).nth(index).bounding_box() or {}


def _right(box: dict[str, float]) -> float:
    return box["x"] + box["width"]


def test_a_right_to_left_page_on_a_phone_is_mirrored_and_no_wider_than_the_screen(
    browser, site, serve
) -> None:
    folder = _right_to_left_site(site)
    base = serve(folder)
    with new_page(browser, viewport=PHONE) as page:
        for url in html_pages(folder):
            page.goto(base + url)
            assert page.evaluate("document.documentElement.dir") == "rtl", url
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= PHONE["width"], (url, width)
        page.goto(base + "first/")
        # the skip link, once focused, stands on screen at the start edge: the right
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip-link"
        skip = _box(page, ".skip-link")
        assert skip["x"] >= 0 and skip["y"] >= 0
        assert abs(PHONE["width"] - EDGE - _right(skip)) < 1, skip
        start = PHONE["width"] - EDGE  # where the column's lines start
        assert abs(_right(_box(page, "main h1")) - start) < 1
        # the byline's first item starts the line at the right, the next is on its left
        published = _box(page, ".byline .byline-item:first-child time")
        first, second = (_box(page, ".byline .byline-item", index) for index in range(2))
        assert abs(_right(published) - start) < 1, published
        assert _right(second) <= first["x"] + 1 and abs(second["y"] - first["y"]) < 1
        # so do the tags
        tags = [_box(page, "ul.tags a", index) for index in range(3)]
        assert abs(_right(tags[0]) - start) < 1, tags
        assert _right(tags[1]) <= tags[0]["x"] and _right(tags[2]) <= tags[1]["x"]
        # the See Also heading and each card's lines start at the right
        assert abs(_right(_box(page, "#see-also-title")) - start) < 1
        for index in range(2):
            card = _box(page, ".see-also-card", index)
            title = _box(page, ".see-also-card .card-title a", index)
            assert abs(_right(card) - start) < 1, card
            assert abs(_right(title) - (start - 1 - EDGE)) < 1.5, (card, title)
        assert axe_violations(page) == []


def test_code_on_a_right_to_left_page_reads_left_to_right(browser, site, serve) -> None:
    """A code block and inline code keep their own direction: on a right-to-left page the
    ';' ending a line of code would otherwise be drawn at its start."""
    root = site(
        {"code.md": article("نوشته نمونه", "```\nprint(1);\n```\n\nمتن `call(a);` نمونه.")},
        site_yaml=SITE_YAML + "language: fa\n",
    )
    build_site(root, BuildOptions(output=root / "public"))
    with new_page(browser, viewport=PHONE) as page:
        page.goto(serve(root / "public") + "code/")
        for selector in ("pre", "p code"):
            code = page.locator(selector).first
            assert code.evaluate("e => getComputedStyle(e).direction") == "ltr", selector
            # the text's first character is drawn left of its last, ';' at the line's end
            first, last = code.evaluate(
                """e => {
                    const text = e.querySelector('code') || e;
                    const node = text.firstChild, range = document.createRange();
                    const box = (i) => {
                        range.setStart(node, i); range.setEnd(node, i + 1);
                        return range.getBoundingClientRect().x;
                    };
                    return [box(0), box(node.textContent.trimEnd().length - 1)];
                }"""
            )
            assert first < last, (selector, first, last)
