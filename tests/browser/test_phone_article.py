"""An article read on a phone, measured in Debian's Chromium: citation marks side by side are
each a target big enough to tap, without making their lines taller."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from articlegen.build import build_site
from articlegen.core.model import BuildOptions
from tests.browser.conftest import new_page
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
