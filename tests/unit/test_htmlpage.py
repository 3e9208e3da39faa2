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


def test_math_is_kept_as_its_tex_with_a_note() -> None:
    page = """<html><body><article><h1>Placeholder</h1>
<p>An encoder <script type="math/tex">h</script> and a ratio
<span class="MathJax_Preview"></span><span class="MathJax"><span>drawn</span></span><script
 type="math/tex">a&lt;b</script>.</p>
<div class="MathJax_Display"><span class="MathJax">drawn</span></div>
<script type="math/tex; mode=display">x^2 + y^2</script>
<p>Drawn by KaTeX: <span class="katex"><span class="katex-mathml"><math><semantics><mi>y</mi>
<annotation encoding="application/x-tex">y_1</annotation></semantics></math></span>
<span class="katex-html">y1</span></span>.</p>
<mjx-container class="MathJax" display="true"><mjx-assistive-mml><math><semantics>
<annotation encoding="application/x-tex">\\frac{1}{2}</annotation></semantics></math>
</mjx-assistive-mml></mjx-container>
</article></body></html>"""
    article = parse_html(page, "page.html")
    assert article.body == (
        "An encoder `h` and a ratio `a<b`.\n\n"
        "```tex\nx^2 + y^2\n```\n\n"
        "Drawn by KaTeX: `y_1`.\n\n"
        "```tex\n\\frac{1}{2}\n```\n"
    )
    assert len(article.notes) == 1
    assert article.notes[0].startswith("5 math formulas kept as TeX")
