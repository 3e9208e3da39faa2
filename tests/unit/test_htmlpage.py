"""Saved web pages as themes write them: where the title is, math, site chrome, redirects."""

from __future__ import annotations

from articlegen.authoring.htmlimport import parse_html

JEKYLL_MINIMA = """\
<!DOCTYPE html><html><head><title>Placeholder Title</title></head><body>
<article itemscope itemtype="http://schema.org/BlogPosting">
<header><h1 class="post-title" {marker}>Placeholder Title</h1></header>
<div itemprop="articleBody"><h1>First Part</h1><p>Placeholder text.</p></div>
</article></body></html>
"""


def test_the_title_outside_the_article_body_is_the_title_and_the_body_h1_a_heading() -> None:
    for marker in ('itemprop="name headline"', ""):
        article = parse_html(JEKYLL_MINIMA.format(marker=marker), "page.html")
        assert article.title == "Placeholder Title"
        assert article.body == "## First Part\n\nPlaceholder text.\n"
