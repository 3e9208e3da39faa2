"""The markup rules as fixture files: ``tests/fixtures/markup/*.md``, one case per rule.

The files use markdown-it-py's own fixture format (a title line, ``.``, the Markdown, ``.``,
the HTML, ``.``), so a reviewer reads each rule as input beside output and a change to the
rendering shows in a diff of the file. Each case goes through the project's renderer with the
default settings (raw HTML off). A body renders from its own source alone, so links, images
and citations are placeholders (``NUL kind number NUL``) that later stages fill; the files show
each NUL as ``␀``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it.utils import read_fixture_file

from articlegen.markup.markdown import make_markdown, render_body

FIXTURES = Path(__file__).parents[1] / "fixtures" / "markup"
CASES = [
    pytest.param(source, expected, id=f"{path.stem}:{line + 1}:{title}")
    for path in sorted(FIXTURES.glob("*.md"))
    for line, title, source, expected in read_fixture_file(path)
]


def test_every_rule_has_a_fixture_file() -> None:
    names = {path.stem for path in FIXTURES.glob("*.md")}
    assert {
        "wiki-links",
        "citations",
        "video",
        "heading-anchors",
        "raw-html",
        "path-links",
    } <= names


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_markup_fixture(source: str, expected: str) -> None:
    body = render_body(make_markdown(), source)
    assert body.problems == ()
    assert body.html.replace("\x00", "␀") == expected
