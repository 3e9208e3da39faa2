from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlegen.authoring.htmlimport import parse_html
from articlegen.core.errors import SourceError
from articlegen.core.model import ImportedLink
from tests.helpers import rendered_import

PAGE = """\
<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>Low Testosterone Basics | Example Blog</title>
<link rel="canonical" href="https://old.example.org/2023/low-testosterone-basics/">
<meta name="description" content="What it is &amp; how it is found.">
<meta property="article:tag" content="testosterone"><meta property="article:tag" content="hormones">
<script>document.write("<p>not this</p>")</script>
</head><body>
<header><nav><a href="/">Home</a></nav></header>
<article>
 <header><h1>Low Testosterone Basics</h1><time datetime="2023-06-02">June 2, 2023</time></header>
 <p>Testosterone is a <strong>hormone </strong>and *stars* stay text.
 <p>See the <a href="/2023/sleep/">sleep article</a>, <a href="javascript:alert(1)">this</a>
 and <a href="#top">the top</a>.<br>A new line.
 <h2>Symptoms</h2>
 <ul><li>Fatigue</li><li>Low mood<ul><li>Irritability</li></ul></li></ul>
 <h3>Tests</h3>
 <ol start="3"><li><p>Morning blood test</p></li><li>Repeat it</li></ol>
 <p><strong>See also:</strong> <a href="/iv-vs-im/">IV vs IM</a>, <a href="https://other.example.net/x">Elsewhere</a></p>
 <footer>Share this</footer>
</article>
<aside>Popular posts</aside>
<section id="comments"><h2>3 Comments</h2><p>Nice!</p></section>
</body></html>
"""


def test_saved_page_becomes_markdown_without_the_page_around_it() -> None:
    article = parse_html(PAGE, "page.html")
    assert article.title == "Low Testosterone Basics"
    assert article.date == dt.date(2023, 6, 2)
    assert article.description == "What it is & how it is found."
    assert article.tags == ("testosterone", "hormones")
    assert article.slug == "low-testosterone-basics"
    assert article.comments is True
    assert article.see_also == (
        ImportedLink("IV vs IM", "https://old.example.org/iv-vs-im/", same_site=True),
        ImportedLink("Elsewhere", "https://other.example.net/x"),
    )
    assert article.body == (
        "Testosterone is a **hormone** and \\*stars\\* stay text.\n\n"
        "See the [sleep article](<https://old.example.org/2023/sleep/>), this and the top.\\\n"
        "A new line.\n\n"
        "## Symptoms\n\n"
        "- Fatigue\n"
        "- Low mood\n"
        "  - Irritability\n\n"
        "### Tests\n\n"
        "3. Morning blood test\n"
        "4. Repeat it\n"
    )


def test_title_falls_back_to_og_title_then_title_without_the_site_name() -> None:
    og = '<head><meta property="og:title" content="From OG"><title>T | S</title></head><p>x'
    assert parse_html(og, "a.html").title == "From OG"
    named = (
        '<head><meta property="og:site_name" content="Site"><title>The Title | Site</title>'
        "</head><p>x"
    )
    assert parse_html(named, "a.html").title == "The Title"


def test_a_page_without_any_title_is_an_error() -> None:
    with pytest.raises(SourceError) as error:
        parse_html("<p>Just text.</p>", "a.html")
    assert str(error.value) == (
        "a.html: the page has no title (no <h1>, og:title or <title>) — add a <h1> title"
    )


@pytest.mark.parametrize(
    ("head", "day"),
    [
        ('<meta property="article:published_time" content="2022-02-03T08:00:00Z">', "2022-02-03"),
        (
            '<script type="application/ld+json">{"@graph": [{"@type": "Article",'
            ' "datePublished": "2021-04-05"}]}</script>',
            "2021-04-05",
        ),
        ('<script type="application/ld+json">{broken</script>', None),
        ("", None),
    ],
)
def test_publication_date_from_metadata(head: str, day: str | None) -> None:
    article = parse_html(f"<head>{head}</head><body><h1>T</h1><p>x</p></body>", "a.html")
    assert article.date == (dt.date.fromisoformat(day) if day else None)


def test_time_element_text_when_it_has_no_datetime() -> None:
    article = parse_html("<article><h1>T</h1><time>May 14, 2024</time><p>x</p></article>", "a")
    assert article.date == dt.date(2024, 5, 14)


def test_images_keep_their_alt_text_and_decorative_ones_say_so() -> None:
    html = (
        '<base href="https://old.example.org/post/"><h1>T</h1>'
        '<figure><img src="chart.png" alt="Levels [by] age"><figcaption>By age</figcaption></figure>'
        '<p><img src="line.png" alt=""> <img src="x.png"> <img src="data:image/png;base64,AA"'
        ' data-src="/lazy.png" alt="Lazy"></p>'
    )
    assert parse_html(html, "a.html").body == (
        "![Levels \\[by] age](<https://old.example.org/post/chart.png>)\n\n"
        "*By age*\n\n"
        '![""](<https://old.example.org/post/line.png>)'
        " ![](<https://old.example.org/post/x.png>)"
        " ![Lazy](<https://old.example.org/lazy.png>)\n"
    )


def test_without_a_page_address_links_into_its_site_go_on_a_placeholder_host() -> None:
    """Root-relative and relative ones alike, for the importer (``pagelinks``), which links
    those naming an article and makes the others text with a warning; a link within the
    page, to another host or by another scheme is not one of them (a scheme-relative one
    is taken as https)."""
    html = '<h1>T</h1><p><a href="/other/">Other</a>, <a href="x.html">X</a>, <a href="../a/'
    html += 'y.html#dose">Y</a>, <a href="#top">top</a>, <a href="//cdn.example.org/z">Z</a>'
    html += ' and <a href="mailto:a@example.org">mail</a>'
    assert parse_html(html, "a.html").body == (
        "[Other](<http://same-import.invalid/other/>), [X](<http://same-import.invalid/x.html>),"
        " [Y](<http://same-import.invalid/a/y.html#dose>), top, [Z](<https://cdn.example.org/z>)"
        " and"
        " [mail](<mailto:a@example.org>)\n"
    )


def test_code_quotes_tables_and_rules() -> None:
    html = (
        "<h1>T</h1><blockquote><p>One.</p><p>Two.</p></blockquote>"
        '<pre><code class="language-sh">echo "a"\n  ls</code></pre>'
        "<p>Use <code>a`b</code> here.</p><hr>"
        "<table><tr><th>Age</th><th>Level</th></tr><tr><td>30</td><td>6 | 7</td></tr>"
        "<tr><td>40</td></tr></table>"
    )
    assert parse_html(html, "a.html").body == (
        "> One.\n>\n> Two.\n\n"
        '```sh\necho "a"\n  ls\n```\n\n'
        "Use `` a`b `` here.\n\n"
        "---\n\n"
        "| Age | Level |\n| --- | --- |\n| 30 | 6 \\| 7 |\n| 40 |  |\n"
    )


def test_embedded_videos_become_video_blocks() -> None:
    html = (
        '<h1>T</h1><div><iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"'
        ' title="How it works"></iframe></div><iframe src="https://maps.example.org/x"></iframe>'
    )
    assert parse_html(html, "a.html").body == (
        '::: video https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ "How it works"\n:::\n\n'
        "<https://maps.example.org/x>\n"
    )


def test_a_player_whose_file_has_no_address_names_the_file_in_its_warning() -> None:
    html = (
        "<h1>T</h1><p>Placeholder text.</p><video controls>"
        '<source src="media/a.mp4"></video><audio src="media/b.mp3"></audio><audio></audio>'
    )
    article = parse_html(html, "a.html")
    assert article.body == "Placeholder text.\n"
    assert article.notes == (
        "1 audio or video player naming no file left out: link to the file, or embed the "
        "video from YouTube or Vimeo",
        "2 audio or video players left out: the page's address is unknown, so the address of "
        "the files they name ('media/a.mp4', 'media/b.mp3') can't be made: link to the file "
        "where it is published",
    )


def test_a_see_also_heading_with_a_list_and_a_comments_heading() -> None:
    html = (
        "<main><h1>T</h1><p>Body.</p><h2>See Also</h2>"
        "<ul><li>Plain Title</li><li><a href='https://a.example.org/x'>Linked</a></li></ul>"
        "<h2>Leave a Reply</h2><form><textarea></textarea></form><p>Reply text</p></main>"
    )
    article = parse_html(html, "a.html")
    assert article.see_also == (
        ImportedLink("Plain Title"),
        ImportedLink("Linked", "https://a.example.org/x"),
    )
    assert (article.body, article.comments) == ("Body.\n", True)


def test_headings_are_shifted_so_the_body_starts_at_level_two() -> None:
    html = "<title>T</title><body><h3>Part</h3><p>x</p><h4>Detail</h4><p>y</p></body>"
    assert parse_html(html, "a.html").body == "## Part\n\nx\n\n### Detail\n\ny\n"


HTML_PIECES = st.sampled_from(
    ["<p>", "</p>", "<div>", "</div>", "<h1>", "</h1>", "<h2>", "<h3>", "</h3>", "<ul>", "<ol start=x>",
     "<li>", "</li>", "</ul>", "<strong>", "</b>", "<em>", "<i>", "<a href='/x/'>", "<a href='#t'>",
     "<a href='javascript:x'>", "<a href='https://e.example/(a)'>", "</a>", "<br>", "<img src=a.png>",
     "<img alt='' src=b.png>", "<img alt='A [b]' src='https://e.example/c d.png'>", "<pre>",
     "<code>", "</code>", "`", "<blockquote>", "<table><tr><td>", "<th>", "<hr>", "<script>x",
     "<nav>", "<aside>", "<header>", "<footer>", "<article>", "<main>", "See also: ", "Comments",
     "<iframe src='https://www.youtube.com/embed/dQw4w9WgXcQ'></iframe>", "<time datetime=2024>",
     "[[", "[^x]", ":::", "* ", "1. ", "# ", "&amp;", "&lt;", "<!--", "\n", "  ", "<title>"]
)  # fmt: skip
HTML = st.lists(HTML_PIECES | st.text(max_size=10), max_size=40).map("".join)


@given(HTML)
def test_any_html_imports_as_markdown_the_build_accepts(html: str) -> None:
    if (imported := rendered_import(parse_html, html)) is None:
        return
    body = imported[1]
    assert not body.links and not body.citations
    for problem in body.problems:  # only what the author must settle: alt text, video address
        assert str(problem).startswith(("image '", "video: ")), problem


def test_a_page_nested_past_the_depth_limit_is_refused_without_recursion() -> None:
    html = "<h1>T</h1>" + "<div><b>" * 5000 + "x" + "</b></div>" * 5000
    with pytest.raises(SourceError) as raised:
        parse_html(html, "page.html")
    assert str(raised.value) == (
        "page.html: elements nested more than 200 levels deep — save the article's own part of "
        "the page, or paste its text into a .txt file and import that"
    )


def test_a_page_nested_within_the_limit_is_imported() -> None:
    html = "<h1>T</h1>" + "<div>" * 150 + "<p>Deep text.</p>" + "</div>" * 150
    assert parse_html(html, "page.html").body == "Deep text.\n"


def test_html_headings_merged_by_the_shift_are_a_note() -> None:
    page = "<h1>Title</h1><h1>Part</h1><h5>Five</h5><h6>Six</h6><p>Text.</p>"
    article = parse_html(page, "page.html")
    assert "## Part\n\n###### Five\n\n###### Six" in article.body
    assert [note.split(":")[0] for note in article.notes] == [
        "its headings move down 1 level so that the top one is ##, and levels 5 and 6 all"
        " become ###### (there is no deeper level)"
    ]
    assert parse_html("<h1>Title</h1><h2>A</h2><h6>Six</h6>", "a.html").notes == ()


def _dated(article: str, head: str = "") -> tuple[dt.date | None, str]:
    page = parse_html(f"<html><head>{head}</head><body><article>{article}</article>", "p.html")
    return page.date, page.body


@pytest.mark.parametrize(
    "line",
    [
        '<p class="meta">Published <time datetime="2024-05-14">May 14, 2024</time></p>',
        '<time datetime="2024-05-14T09:30:00+02:00">2 days ago</time>',
        '<div class="meta"><p><span><time>14 May 2024</time></span></p></div>',
    ],
)
def test_the_old_themes_date_line_at_the_top_is_left_out_of_the_body(line: str) -> None:
    """The ``<time>`` a theme puts under the title stayed the body's first paragraph,
    though it is the date the header now holds."""
    assert _dated(f"<h1>Rest</h1>{line}<p>Rest well.</p>") == (
        dt.date(2024, 5, 14),
        "Rest well.\n",
    )


@pytest.mark.parametrize(
    ("article", "head"),
    [
        (  # among other words of its line: they would lose their sense
            "<h1>Rest</h1><p>By Example Author on <time>May 14, 2024</time></p><p>Rest.</p>",
            "",
        ),
        ("<h1>Rest</h1><p><time>May 14, 2024</time> · 5 min read</p><p>Rest.</p>", ""),
        (  # another day than the post's: an update, not the date the header holds
            '<h1>Rest</h1><p><time datetime="2024-06-01">June 1, 2024</time></p><p>Rest.</p>',
            '<meta property="article:published_time" content="2024-05-14">',
        ),
        (  # within the article's own text, not at its top
            "<h1>Rest</h1><p>Rest.</p><p><time>May 14, 2024</time></p>",
            "",
        ),
    ],
)
def test_a_time_that_is_not_the_date_line_stays(article: str, head: str) -> None:
    date, body = _dated(article, head)
    assert date == dt.date(2024, 5, 14)
    assert "2024" in body
