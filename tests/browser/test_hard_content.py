"""Content an author may write that the repository's own articles do not: a title that is one
word wider than a phone, a picture taller than the screen, a table and a code line wider than
paper. Measured in Debian's Chromium: the page never scrolls sideways, nothing is cut off."""

from __future__ import annotations

from articlegen.build import build_site
from articlegen.core.model import BuildOptions
from tests.browser.conftest import new_page
from tests.conftest import article

LONG_WORD = "Pneumonoultramicroscopicsilicovolcanoconiosisandhypercholesterolaemiacombinedterm"
"""82 letters and no break point: wider than a phone's screen in any of the theme's type."""

NARROW = {"width": 320, "height": 720}


def test_a_neighbour_s_title_of_one_long_word_wraps_in_the_previous_next_links(
    browser, site, serve
) -> None:
    """A flex item is as wide as its longest word unless told otherwise: the "← older" and
    "newer →" links under an article pushed the page 490 px sideways at 320 px."""
    root = site(
        {
            "older.md": article(LONG_WORD, date="2024-01-01"),
            "middle.md": article("Middle", date="2024-02-01"),
            "newer.md": article("Newer " + LONG_WORD, date="2024-03-01"),
        }
    )
    build_site(root, BuildOptions(output=root / "public"))
    url = serve(root / "public")
    with new_page(browser, viewport=NARROW) as page:
        page.goto(url + "middle/")
        links = page.locator(".prev-next a")
        assert links.count() == 2
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= NARROW["width"], f"the page is {width} px wide"
        for index in range(2):
            found = links.nth(index).bounding_box()
            assert found is not None
            assert found["x"] >= 0 and found["x"] + found["width"] <= NARROW["width"]
