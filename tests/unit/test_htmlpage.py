"""Saved web pages as themes write them: where the title is, math, site chrome, redirects."""

from __future__ import annotations

import pytest

from articlegen.authoring.htmlimport import parse_html
from articlegen.core.errors import SourceError

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


def test_share_buttons_related_posts_link_lists_and_back_links_are_left_out() -> None:
    page = """<html><head><link rel="canonical" href="https://example.com/a/"></head><body>
<article><h1>Placeholder</h1><div class="entry-content">
<p>Placeholder text of the article, one two three four five six seven eight nine ten.</p>
<div class="sharedaddy sd-sharing-enabled"><h3>Share this:</h3><ul><li><a
 href="https://example.com/share">Share</a></li></ul></div>
<div class="jp-relatedposts"><ul><li><a href="/x/">X</a></li></ul></div>
</div>
<div class="widget"><ul><li><a href="/y/">Placeholder other post</a></li></ul></div>
<p><a href="https://example.com/articles/">← All Articles</a></p>
</article></body></html>"""
    article = parse_html(page, "page.html")
    assert article.body == (
        "Placeholder text of the article, one two three four five six seven eight nine ten.\n"
    )
    assert article.notes == (
        "left out as the site's chrome (class sharedaddy): 'Share this: Share …'",
    )


def test_chrome_classes_around_text_or_in_the_body_are_kept() -> None:
    page = """<html><body><article><h1>Placeholder</h1>
<div class="sidebar"><div class="post-body"><p>Placeholder text.</p></div></div>
<div class="share"><p>Wash hands for twenty seconds.</p></div>
<div class="col sidebar"><p>Placeholder dose: 5 mg daily.</p></div>
<div class="author-box">Dr. Placeholder reviewed this page.</div>
<div class="entry-content"><div class="so-panel widget"><p><a href="/z/">Placeholder
 linked words only</a></p></div></div>
</article></body></html>"""
    assert parse_html(page, "page.html").body == (
        "Placeholder text.\n\nWash hands for twenty seconds.\n\nPlaceholder dose: 5 mg daily.\n\n"
        "Dr. Placeholder reviewed this page.\n\n[Placeholder linked words only](<http://same-import.invalid/z/>)\n"
    )


def test_a_link_named_home_to_another_site_or_without_an_address_is_kept() -> None:
    page = """<html><head><link rel="canonical" href="https://example.com/a/"></head><body>
<article><h1>Placeholder</h1><p>Placeholder text.</p>
<p><a href="https://www.cdc.gov/handwashing/">Home</a></p><a id="x">Home</a></article>
</body></html>"""
    assert parse_html(page, "page.html").body == (
        "Placeholder text.\n\n[Home](<https://www.cdc.gov/handwashing/>)\n\nHome\n"
    )


def test_chrome_that_is_nearly_all_the_article_is_kept_with_a_note() -> None:
    page = """<html><body><article><h1>Placeholder</h1>
<div class="widget"><a href="/a/">Placeholder one</a> <a href="/b/">Placeholder two</a></div>
</article></body></html>"""
    article = parse_html(page, "page.html")
    assert article.body.startswith("[Placeholder one]")
    assert article.notes == (
        "kept what looks like the site's chrome (class widget): the article is little else",
    )


def test_an_aside_of_text_is_a_quote_and_other_left_out_text_is_named() -> None:
    page = """<html><body><article><header><h1>Placeholder</h1>
<time datetime="2024-05-14">May 14, 2024</time></header><p>Placeholder text.</p>
<aside class="callout warning"><p><strong>Warning:</strong> never combine it.</p></aside>
<footer><p>Placeholder reviewed by a nurse.</p><a href="/tags/x/">x</a></footer>
<nav><a href="/a/">Placeholder previous</a></nav></article></body></html>"""
    article = parse_html(page, "page.html")
    assert article.body == "Placeholder text.\n\n> **Warning:** never combine it.\n"
    assert article.notes == (
        "left out the page's <footer>: 'Placeholder reviewed by a nurse. x …'",
    )


def test_a_redirect_stub_is_an_error_naming_where_it_points() -> None:
    page = """<!DOCTYPE html><title>Redirecting to https://new.example.net</title>
<meta http-equiv="Refresh" content="0; URL='https://new.example.net/posts/walks'">
<h1>Redirecting…</h1><a href="https://new.example.net/posts/walks">Click here</a>"""
    with pytest.raises(SourceError) as raised:
        parse_html(page, "walks.html")
    assert "redirect to https://new.example.net/posts/walks" in str(raised.value)
    assert "save the page at https://new.example.net/posts/walks" in str(raised.value)


def test_a_page_that_refreshes_itself_stays_an_article() -> None:
    page = """<html><head><meta http-equiv="refresh" content="300"></head><body>
<h1>Placeholder</h1><p>Placeholder text.</p></body></html>"""
    assert parse_html(page, "page.html").body == "Placeholder text.\n"


def test_a_page_refreshing_to_its_own_address_or_after_minutes_is_an_article() -> None:
    text = " ".join(["Placeholder"] * 41)
    own = f"""<html><head><meta http-equiv="refresh" content="0; url=https://example.com/a/">
<link rel="canonical" href="https://example.com/a"></head><body>
<h1>Placeholder</h1><p>{text}</p></body></html>"""
    later = """<html><head><meta http-equiv="refresh" content="300; url=/b/">
<link rel="canonical" href="https://example.com/b/"></head><body>
<h1>Placeholder</h1><p>Placeholder text.</p></body></html>"""
    assert parse_html(own, "page.html").body == f"{text}\n"
    assert parse_html(later, "page.html").body == "Placeholder text.\n"


@pytest.mark.parametrize(
    "head",
    [
        '<link rel="canonical" href="https://example.org/placeholder/">',  # jekyll-redirect-from
        '<link rel="canonical" href="https://example.org/placeholder">',  # a Hugo alias
        '<base href="http://[broken/">',  # an address urljoin cannot parse
    ],
)
def test_a_stub_whose_canonical_link_names_its_target_is_still_a_redirect(head: str) -> None:
    page = f"""<html><head><title>Redirecting&hellip;</title>{head}
<meta http-equiv="refresh" content="0; url=https://example.org/placeholder/"></head>
<body><h1>Redirecting&hellip;</h1><a href="https://example.org/placeholder/">Click here</a>"""
    with pytest.raises(SourceError, match=r"redirect to https://example\.org/placeholder/"):
        parse_html(page, "stub.html")


def test_an_address_that_cannot_be_parsed_is_no_traceback() -> None:
    stub = """<html><head><meta http-equiv="refresh" content="0; url=http://[broken/">
<link rel="canonical" href="https://example.org/a/"></head><body><p>Redirecting…</p>"""
    with pytest.raises(SourceError, match=r"redirect to http://\[broken/"):
        parse_html(stub, "stub.html")
    page = """<html><head><link rel="canonical" href="http://[broken/a/"></head><body>
<h1>Placeholder</h1><p>Placeholder text.</p></body></html>"""
    assert parse_html(page, "page.html").body == "Placeholder text.\n"


def test_a_headline_in_a_widget_outside_the_article_is_not_the_title() -> None:
    page = """<html><body><div class="popular"><div itemscope>
<h1 itemprop="headline"><a href="/other/">Popular: Placeholder Other</a></h1></div></div>
<article><h1>Placeholder Title</h1><p>Placeholder text.</p></article></body></html>"""
    article = parse_html(page, "page.html")
    assert article.title == "Placeholder Title"
    assert article.body == "Placeholder text.\n"


@pytest.mark.parametrize("widget", ["", '<div itemscope><h1 itemprop="headline">Other</h1></div>'])
def test_the_headline_of_the_item_around_the_body_is_the_title(widget: str) -> None:
    page = f"""<html><body><header><h1><a href="/">Placeholder Site</a></h1></header>
<div class="post" itemscope itemtype="https://schema.org/BlogPosting">{widget}
<h1 class="post-title" itemprop="headline">Placeholder Title</h1>
<div class="post-body" itemprop="articleBody"><p>Placeholder text.</p></div></div>
</body></html>"""
    article = parse_html(page, "page.html")
    assert article.title == "Placeholder Title"
    assert article.body == "Placeholder text.\n"


def test_a_site_name_h1_is_not_the_title() -> None:
    page = """<html><body><header itemscope itemtype="https://schema.org/Organization">
<h1 itemprop="name">Placeholder Site</h1></header><main><h1>Placeholder Title</h1>
<p>Placeholder text.</p></main></body></html>"""
    assert parse_html(page, "page.html").title == "Placeholder Title"


def test_math_drawn_without_its_tex_is_named_in_a_note() -> None:
    page = """<html><body><article><h1>Placeholder</h1><p>Ratio
<mjx-container class="MathJax" jax="CHTML"><mjx-math><mjx-mi>a</mjx-mi></mjx-math>
</mjx-container>.</p></article></body></html>"""
    article = parse_html(page, "page.html")
    assert article.notes == (
        "1 math formula drawn in the page without its TeX kept as its text only, which loses"
        " the notation: write it again from the source",
    )


def test_a_link_named_like_a_back_link_within_a_sentence_stays() -> None:
    page = """<html><head><link rel="canonical" href="https://example.com/a/"></head><body>
<article><h1>Placeholder</h1><p>Walk <a href="/walks/">home</a> after dinner.</p>
<a href="/">← Home</a></article></body></html>"""
    assert parse_html(page, "page.html").body == (
        "Walk [home](<https://example.com/walks/>) after dinner.\n"
    )
