"""Content an author may write that the repository's own articles do not: a title that is one
word wider than a phone, a picture taller than the screen, a table and a code line wider than
paper. Measured in Debian's Chromium: the page never scrolls sideways, nothing is cut off."""

from __future__ import annotations

from PIL import Image

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


WIDE_TABLE = (
    "| " + " | ".join(f"Column {n} heading" for n in range(1, 9)) + " |\n"
    "|" + "---|" * 8 + "\n"
    "| "
    + LONG_WORD
    + " | "
    + " | ".join(f"cell {n} with a few words" for n in range(2, 9))
    + " |\n"
)
WIDE_CODE = "```\n" + "x = 1  # " + "y" * 200 + "\n```\n"


def test_on_paper_a_wide_table_and_a_long_code_line_wrap_rather_than_being_cut_off(
    browser, site, serve
) -> None:
    """On screen a table of 8 columns and a code line of 200 characters scroll inside their
    own boxes; paper does not scroll, so printed they lost everything past the page's edge
    (the table's columns 2 to 8, most of the code line)."""
    root = site({"a.md": article("Wide things", "Text.\n\n" + WIDE_TABLE + "\n" + WIDE_CODE)})
    build_site(root, BuildOptions(output=root / "public"))
    url = serve(root / "public")
    paper = {"width": 700, "height": 1000}  # an A4 page's text width, at 96 px to the inch
    with new_page(browser, viewport=paper) as page:
        page.goto(url + "a/")
        page.emulate_media(media="print")
        for selector in ("main table", "main pre"):
            box = page.locator(selector)
            hidden = box.evaluate("e => e.scrollWidth - e.clientWidth")
            assert hidden <= 1, f"{selector}: {hidden} px cut off on paper"
            right = box.evaluate("e => e.getBoundingClientRect().right")
            assert right <= paper["width"], f"{selector} ends at {right} px"
        last = page.locator("main table tr").last.locator("td").last
        found = last.bounding_box()
        assert found is not None and found["x"] + found["width"] <= paper["width"]
        assert page.evaluate("document.documentElement.scrollWidth") <= paper["width"]


def test_a_picture_taller_than_the_window_is_shown_whole_and_undistorted(
    browser, site, serve
) -> None:
    """A portrait picture filled the column's width and so ran to 1074 px on a 390 × 844
    phone (1800 px on a desktop): no reader could see it whole. Its box now stops at 85% of
    the window's height and the picture is letterboxed in it, in its own proportions."""
    root = site(
        {
            "a.md": article(
                "Tall pictures",
                "Text.\n\n![A tall placeholder](images/tall.png)\n\nMore text.",
                image='{src: images/tall-hero.png, alt: "A tall placeholder hero"}',
            )
        }
    )
    (root / "static/images").mkdir(parents=True)
    Image.new("RGB", (600, 1800), (60, 140, 90)).save(root / "static/images/tall.png")
    Image.new("RGB", (900, 1600), (40, 90, 160)).save(root / "static/images/tall-hero.png")
    build_site(root, BuildOptions(output=root / "public"))
    url = serve(root / "public")
    for viewport in ({"width": 390, "height": 844}, {"width": 1280, "height": 800}):
        with new_page(browser, viewport=viewport) as page:
            page.goto(url + "a/")
            for selector, natural in ((".body img", 600 / 1800), (".hero img", 900 / 1600)):
                image = page.locator(selector)
                image.scroll_into_view_if_needed()
                page.wait_for_function(
                    "e => e.complete && e.naturalWidth > 0", arg=image.element_handle()
                )
                found = image.bounding_box()
                assert found is not None
                assert found["height"] <= 0.85 * viewport["height"] + 1, (selector, found)
                fit = image.evaluate("e => getComputedStyle(e).objectFit")
                shown = found["width"] / found["height"]
                assert fit == "contain" or abs(shown - natural) < 0.02, (selector, fit, shown)
