"""Root-relative links of saved pages that state no address (``pagelinks``)."""

from __future__ import annotations

from pathlib import Path

from articlegen.authoring.blogsource import Blog, Post
from articlegen.authoring.htmlimport import parse_html
from articlegen.authoring.importmarkdown import ImportPlan
from articlegen.authoring.pagelinks import linked_page
from articlegen.authoring.seealsomatch import Catalogue


def test_a_link_holding_an_image_that_names_no_article_keeps_the_image(tmp_path: Path) -> None:
    source = tmp_path / "page.html"
    source.write_text(
        '<h1>Placeholder</h1>\n<p><a href="/gone/"><img src="https://example.org/i.png"'
        ' alt="Placeholder"></a> and <a href="/other/">other</a>.</p>',
        encoding="utf-8",
    )
    article = parse_html(source.read_text(encoding="utf-8"), str(source))
    plan = ImportPlan(Blog("html", source), Post(str(source), article), "page")
    catalogue = Catalogue.of([("other", "Other Placeholder", False, "other.md")])
    assert linked_page(plan, catalogue) == (
        "![Placeholder](<https://example.org/i.png>) and [other](other.md).\n"
    )
    assert plan.note_lines == {plan.notes[0]: 2}
    assert "to /gone/ is kept as text" in plan.notes[0]
