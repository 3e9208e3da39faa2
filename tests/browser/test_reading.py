"""What a reader sees on a narrow phone and on paper: the video's play mark beside its
title, and a printed article in the light colours whatever the screen's scheme."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from articlegen.core.programs import find_pagefind
from tests.browser.conftest import PHONE, need, new_page
from tests.browser.test_theme import box

LONG_TITLE = "A placeholder video whose title is long enough to take four lines on a small phone"


def _brightest_behind(page: Any, selector: str) -> int:
    """The brightest channel of any pixel drawn behind the element's text (the text itself
    made transparent for the shot)."""
    element = page.locator(selector)
    element.evaluate("e => { e.style.color = 'transparent'; }")
    shot = Image.open(io.BytesIO(element.screenshot())).convert("RGB")
    element.evaluate("e => { e.style.color = ''; }")
    return max(high for _, high in shot.getextrema())


@pytest.mark.parametrize("title", ["A placeholder video", LONG_TITLE])
def test_on_a_small_phone_the_play_mark_never_lies_under_the_video_s_title(
    browser, fixture_blog: Path, serve, title: str
) -> None:
    with new_page(browser, viewport={"width": 320, "height": 640}) as page:
        page.goto(serve(fixture_blog) + "hydration-basics/")
        page.locator(".video-title").evaluate("(e, title) => { e.textContent = title; }", title)
        # the frame's background is dark (#15171b to #3a3f47); the play mark's disc is white
        for selector in (".video-title", ".video-host"):
            assert _brightest_behind(page, selector) < 128, f"{selector}: the play mark is under it"
        frame = page.locator(".video-frame").bounding_box()
        host = page.locator(".video-host").bounding_box()
        assert frame is not None and host is not None
        assert host["y"] + host["height"] <= frame["y"] + frame["height"], (
            "the host line is cut off"
        )


LOW_CONTRAST_TEXT = """() => {
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => v / 255)
    .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const background = e => {
    for (; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || c[3] > 0) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const found = [];
  for (const e of document.body.querySelectorAll("*")) {
    const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || !e.checkVisibility()) continue;
    const [a, b] = [lum(rgb(getComputedStyle(e).color)), lum(background(e))];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) found.push(`${e.tagName.toLowerCase()}.${e.className}: ${ratio.toFixed(2)}`);
  }
  return found;
}"""


@pytest.mark.parametrize("path", ["reviewed-posture/", "hydration-basics/", "alpha/"])
def test_printed_from_a_dark_screen_the_article_is_dark_text_on_white(
    browser, fixture_blog: Path, serve, path: str
) -> None:
    with new_page(browser, color_scheme="dark") as page:
        page.goto(serve(fixture_blog) + path)
        page.emulate_media(media="print")
        assert page.evaluate(LOW_CONTRAST_TEXT) == []
        for box in (".site-header", ".tags a", ".disclaimer", ".see-also-card", ".site-footer"):
            if page.locator(box).count():
                color = page.locator(box).first.evaluate("e => getComputedStyle(e).backgroundColor")
                red, green, blue = (int(v) for v in color[4:-1].split(",")[:3])
                assert min(red, green, blue) >= 230, f"{box} is {color} on paper"


def test_a_printed_article_gives_its_references_addresses_not_back_links(
    browser, fixture_blog: Path, serve
) -> None:
    with new_page(browser) as page:
        page.goto(serve(fixture_blog) + "reviewed-posture/")
        page.emulate_media(media="print")
        links = page.locator(".references li > a[rel=external]")
        assert links.count() == 3
        for link in links.all():
            after = link.evaluate("a => getComputedStyle(a, '::after').content")
            assert after == f'" ({link.get_attribute("href")})"'  # printed after the title
        assert page.locator(".references .backlink").first.is_hidden()


def test_on_a_phone_escape_or_a_tap_on_the_page_closes_the_menu(
    browser, fixture_blog: Path, serve
) -> None:
    """The open panel covers the top of the page, and it stayed there: Escape did nothing, and
    a tap on the page beside it neither. Escape now closes it and gives focus back to Menu,
    and a tap outside it closes it."""
    with new_page(browser, viewport=PHONE, has_touch=True) as page:
        page.goto(serve(fixture_blog) + "alpha/")
        menu, summary = page.locator(".nav-menu"), page.locator(".nav-menu > summary")
        first = page.locator(".nav-menu a").first
        summary.focus()
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == first.inner_text()
        page.keyboard.press("Escape")
        assert menu.get_attribute("open") is None and not first.is_visible()
        assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
        page.keyboard.press("Enter")  # and the button opens it again as before
        assert first.is_visible()

        page.keyboard.press("Escape")  # focus on the button itself
        assert menu.get_attribute("open") is None
        assert page.evaluate("document.activeElement.tagName") == "SUMMARY"

        found = box(summary)
        page.touchscreen.tap(found["x"] + found["width"] / 2, found["y"] + found["height"] / 2)
        assert first.is_visible()
        panel = box(page.locator(".nav-menu > ul"))  # in the page's margin, below the panel
        page.touchscreen.tap(6, panel["y"] + panel["height"] + 40)
        assert menu.get_attribute("open") is None and not first.is_visible()


def test_search_results_arriving_move_nothing_in_sight(browser, real_blog: Path, serve) -> None:
    """The search page was shorter than a phone's screen, its footer in sight: the results,
    listed after the page had shown, pushed it down, a layout shift of 0.12 (more than the
    0.1 a page may have). Nothing in sight moves now."""
    need(find_pagefind() is not None, "Pagefind is not installed: pip install -e '.[dev]'")
    with new_page(browser, viewport=PHONE) as page:
        page.add_init_script(
            """window.shifts = []; new PerformanceObserver(list => { for (const e of
            list.getEntries()) window.shifts.push(e.value); }).observe(
            {type: "layout-shift", buffered: true});"""
        )
        page.goto(serve(real_blog) + "search/?q=sleep")
        page.wait_for_function(
            "document.querySelector('.search-status').textContent.includes('results for')"
        )
        page.wait_for_function("new Promise(done => requestAnimationFrame(() => done(true)))")
        assert page.locator(".search-results li").count() > 1
        assert page.evaluate("window.shifts") == []


CONTENT_LEFT = """selector => { const e = document.querySelector(selector);
  return e.getBoundingClientRect().left + parseFloat(getComputedStyle(e).paddingLeft); }"""


@pytest.mark.parametrize("width", [768, 1280, 1920])
def test_the_footer_text_lines_up_with_the_page_s_column(
    browser, fixture_blog: Path, serve, width: int
) -> None:
    """On the home and a tag's page, whose cards take a wider column than an article's, the
    footer's text stayed in the article's column: 208 px in from the cards' left edge at
    1920 px. It starts where the main column's text starts, on every kind of page."""
    with new_page(browser, viewport={"width": width, "height": 900}) as page:
        for path in ("", "tags/habits/", "alpha/", "archive/"):
            page.goto(serve(fixture_blog) + path)
            main, footer = (page.evaluate(CONTENT_LEFT, s) for s in ("main", ".site-footer > p"))
            assert footer == pytest.approx(main, abs=1), (width, path)
