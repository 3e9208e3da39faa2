"""In a real browser, the preview's page follows the author's saves by itself."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from articlegen.preview import Preview
from tests.conftest import article


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
