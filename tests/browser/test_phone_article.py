"""An article read on a phone, measured in Debian's Chromium: citation marks side by side are
each a target big enough to tap, without making their lines taller; many tags take a few
lines, the rest a tap away."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from articlegen.build import build_site
from articlegen.core.model import BuildOptions
from tests.browser.conftest import PHONE, axe_violations, new_page
from tests.conftest import article

TARGET = 24
"""WCAG 2.2's minimum target size (2.5.8), in CSS pixels."""

CITED = """\
Sitting for long stretches is linked to back pain[^a][^b][^c], and short breaks help[^b];
the placeholder text goes on long enough to wrap over several lines on a phone's screen.

- A list item that cites two placeholder sources side by side[^a][^c] and wraps on a phone.
- Another item without a citation.
"""
REFERENCES = "".join(
    f"\n  - id: {key}\n    title: Placeholder Source {key.upper()}\n"
    f"    url: https://example.org/sources/{key}"
    for key in "abc"
)


def _cited_site(site: Any) -> Path:
    root = site({"cited.md": article("Cited", CITED, references=REFERENCES)})
    build_site(root, BuildOptions(output=root / "public"))
    return root / "public"


def _overlap(one: dict[str, float], other: dict[str, float]) -> float:
    """The area two boxes share."""
    wide = min(one["x"] + one["width"], other["x"] + other["width"]) - max(one["x"], other["x"])
    high = min(one["y"] + one["height"], other["y"] + other["height"]) - max(one["y"], other["y"])
    return max(wide, 0) * max(high, 0)


LINES = """(block) => {
    const style = getComputedStyle(block);
    return block.getBoundingClientRect().height / parseFloat(style.lineHeight);
}"""


def test_citation_marks_side_by_side_are_each_a_24_px_target(browser, site, serve) -> None:
    url = serve(_cited_site(site)) + "cited/"
    for width in (320, 390):
        with new_page(browser, viewport={"width": width, "height": 800}) as page:
            page.goto(url)
            marks = page.locator("sup.citation a")
            assert marks.count() == 6
            boxes = [marks.nth(i).bounding_box() or {} for i in range(marks.count())]
            for box in boxes:
                assert box["width"] >= TARGET and box["height"] >= TARGET, (width, box)
            for i, box in enumerate(boxes):
                for other in boxes[i + 1 :]:
                    assert _overlap(box, other) < 0.5, (width, box, other)
            # the lines holding them are no taller than the text's: a whole number of lines
            for block in ("main .body > p", "main .body li"):
                lines = page.locator(block).first.evaluate(LINES)
                assert abs(lines - round(lines)) < 0.02, (width, block, lines)
            # a tap near the corner of the middle mark of "[1][2][3]" follows that mark
            second = boxes[1]
            page.mouse.click(second["x"] + 2, second["y"] + 2)
            assert page.evaluate("location.hash") == marks.nth(1).get_attribute("href")


def _tagged_site(site: Any) -> Path:
    many = ", ".join(f"Topic {number}" for number in range(1, 41))
    ten = ", ".join(f"Topic {number}" for number in range(1, 11))
    root = site(
        {"many.md": article("Many", tags=f"[{many}]"), "ten.md": article("Ten", tags=f"[{ten}]")}
    )
    build_site(root, BuildOptions(output=root / "public"))
    return root / "public"


def test_forty_tags_show_eight_and_the_rest_behind_a_more_tags_control(
    browser, site, serve
) -> None:
    """Without a script: the control is a native <details>, opened by a tap or the keyboard."""
    url = serve(_tagged_site(site))
    with new_page(browser, viewport=PHONE, java_script_enabled=False) as page:
        page.goto(url + "ten/")
        assert page.locator("ul.tags a").count() == 10 and page.locator(".more-tags").count() == 0
        page.goto(url + "many/")
        shown = page.locator("header ul.tags[aria-label='Tags'] a")
        assert shown.all_inner_texts() == [f"Topic {number}" for number in range(1, 9)]
        more = page.locator("details.more-tags")
        summary = more.locator("summary")
        assert summary.inner_text().strip() == "32 more tags"
        hidden = more.locator("a")
        assert hidden.count() == 32 and not hidden.first.is_visible()
        top = (shown.first.bounding_box() or {})["y"]
        bottom = summary.bounding_box() or {}
        assert bottom["y"] + bottom["height"] - top < PHONE["height"] / 4  # not a screenful
        assert bottom["height"] >= 24  # a target a thumb can tap
        shown.last.focus()
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
        page.keyboard.press("Enter")
        assert more.evaluate("e => e.open") and hidden.last.is_visible()
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == "Topic 9"
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Enter")
        assert not more.evaluate("e => e.open") and not hidden.first.is_visible()
    for scheme in ("light", "dark"):  # axe-core runs as a script
        with new_page(browser, viewport=PHONE, color_scheme=scheme) as page:
            page.goto(url + "many/")
            page.locator("details.more-tags > summary").click()
            assert axe_violations(page) == [], scheme
