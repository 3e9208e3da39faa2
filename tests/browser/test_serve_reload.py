"""In a real browser, the preview's page follows the author's saves by itself."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from articlegen.serve.preview import Preview
from tests.browser.conftest import new_page
from tests.conftest import article

WCAG_AA = 4.5
"""The least contrast ratio WCAG 2 level AA asks of text under 18pt (the overlay's is 14px)."""

CONTRAST = """(selector) => [...document.querySelectorAll(selector)].map((element) => {
  // WCAG 2 contrast ratio of an element's text against what is painted behind it: the
  // background colours of it and its ancestors, composited over the white canvas.
  const rgba = (css) => {
    const parts = css.match(/[\\d.]+/g).map(Number);
    return parts.length > 3 ? parts : [...parts, 1];
  };
  const over = ([r, g, b, a], below) => [r, g, b].map((c, i) => c * a + below[i] * (1 - a));
  const layers = [];
  for (let node = element; node; node = node.parentElement) {
    layers.unshift(rgba(getComputedStyle(node).backgroundColor));
  }
  const back = layers.reduce((below, layer) => over(layer, below), [255, 255, 255]);
  const text = over(rgba(getComputedStyle(element).color), back);
  const luminance = (rgb) => {
    const [r, g, b] = rgb.map((c) => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(text), luminance(back)].sort((x, y) => y - x);
  return {text: element.textContent.slice(0, 40), ratio: (light + 0.05) / (dark + 0.05)};
})"""


@pytest.fixture
def preview(site) -> Iterator[Preview]:
    root = site(
        {
            "ketamine.md": article("Ketamine and Mood", "First version."),
            "sleep.md": article("Sleep Basics", "Sleep well.", date="2024-02-01"),
        },
        files={
            "static/assets/style.css": '@import url("more.css");\nh1 { color: rgb(0, 0, 0) }\n',
            "static/assets/more.css": "p { color: rgb(0, 0, 0) }\n",
        },
    )
    with Preview(root, port=0, log=lambda line: None, quiet=0.05) as running:
        yield running


@pytest.fixture
def themed_preview(site) -> Iterator[Preview]:
    """A preview of a site with the built-in theme's stylesheet."""
    root = site({"ketamine.md": article("Ketamine and Mood", "First version.")})
    with Preview(root, port=0, log=lambda line: None, quiet=0.05) as running:
        yield running


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_error_overlay_meets_wcag_aa_contrast(
    themed_preview: Preview, browser, scheme: str
) -> None:
    """The overlay sits on the site's own stylesheet: its text must stay readable whatever
    the theme gives a <pre> (the built-in theme's is a light surface in the light scheme)."""
    with new_page(browser, color_scheme=scheme) as page:
        page.goto(themed_preview.url + "ketamine/")
        source = themed_preview.root / "content/ketamine.md"
        source.write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
        page.locator("#articlegen-error").wait_for(state="visible")
        measured = page.evaluate(CONTRAST, "#articlegen-error strong, #articlegen-error pre")
    assert len(measured) == 2
    assert [m for m in measured if m["ratio"] < WCAG_AA] == []


def test_the_page_follows_saves_by_itself(preview: Preview, page) -> None:
    source = preview.root / "content/ketamine.md"
    page.goto(preview.url + "ketamine/")
    page.evaluate("window.notReloaded = true")

    source.write_text(article("Ketamine and Mood", "Second version."), encoding="utf-8")
    page.wait_for_function("document.querySelector('.body').textContent.includes('Second version')")
    assert page.evaluate("window.notReloaded") is None  # a new document: it reloaded by itself

    page.evaluate("window.notReloaded = true")
    source.write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    overlay = page.locator("#articlegen-error")
    overlay.wait_for(state="visible")
    assert "error: content/ketamine.md:" in overlay.inner_text()
    assert "Second version" in page.inner_text(".body")  # the last good page stays

    source.write_text(article("Ketamine and Mood", "Second version."), encoding="utf-8")
    overlay.wait_for(state="hidden")
    assert page.evaluate("window.notReloaded") is True  # same page: the overlay just went away

    (preview.root / "static/assets/style.css").write_text(
        '@import url("more.css");\nh1 { color: rgb(0, 128, 0) }\n'
    )
    page.wait_for_function(
        "getComputedStyle(document.querySelector('h1')).color === 'rgb(0, 128, 0)'"
    )
    assert page.evaluate("window.notReloaded") is True  # the stylesheet was swapped in place

    (preview.root / "static/assets/more.css").write_text("p { color: rgb(0, 0, 128) }\n")
    page.wait_for_function(
        "getComputedStyle(document.querySelector('.body p')).color === 'rgb(0, 0, 128)'"
    )
    assert page.evaluate("window.notReloaded") is True  # an @import-ed file: swapped too
