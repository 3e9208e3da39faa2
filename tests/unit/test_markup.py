from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from articlegen.core.errors import MarkupError
from articlegen.core.model import CitationMark, ImageRef, LinkRef, RenderedBody
from articlegen.markup.fastmarkup import render_compiled
from articlegen.markup.markdown import make_markdown, render_body
from articlegen.markup.placeholders import BodyFill, finish_body
from articlegen.markup.summary import shorten
from tests.conftest import HTMLParser

MD = make_markdown()


def test_wikilinks_and_markdown_file_links_become_numbered_placeholders() -> None:
    body = render_body(
        MD, "See [[Some Title]] and\n[[slug|the text]] and [x](other.md#part).\n", first_line=7
    )
    assert body.links == (LinkRef("Some Title", 7), LinkRef("slug", 8), LinkRef("other.md#part", 8))
    fill = BodyFill(link_hrefs=["/a/", "/b/", "/c/#part"], link_texts=["A & B", "B", "C"])
    html = finish_body(body.html, fill)
    links = HTMLParser(html).css("a.internal")
    assert [(a.attributes["href"], a.text()) for a in links] == [
        ("/a/", "A & B"),
        ("/b/", "the text"),
        ("/c/#part", "x"),
    ]


UNCLOSED_HINT = (
    "close it, [[slug]] or [[slug|text]] (in a table, write that '|' as '\\|'); to show the "
    "brackets as text, write '\\[['"
)


@pytest.mark.parametrize(
    ("text", "line", "quoted", "shown"),
    [
        ("See [[sleep-basics for more.\n", 7, "[[sleep-basics for more.", "See [[sleep-basics"),
        ("Also [[Sleep Basics] here.\n", 7, "[[Sleep Basics] here.", "Also [[Sleep Basics] here."),
        (
            "| Topic | Link |\n|---|---|\n| Sleep | [[sleep-basics|sleep]] |\n",
            9,
            "[[sleep-basics",
            "[[sleep-basics",
        ),
    ],
)
def test_a_wiki_link_never_closed_is_a_problem_at_its_line(
    text: str, line: int, quoted: str, shown: str
) -> None:
    body = render_body(MD, f"Intro.\n\n{text}", first_line=5, path="content/w.md")
    (problem,) = body.problems
    assert (problem.path, problem.line) == ("content/w.md", line)
    assert problem.message == (
        f"link '{quoted}' is never closed with ']]', so the page would show it as text"
    )
    assert problem.hint == UNCLOSED_HINT
    assert shown in HTMLParser(body.html).body.text()
    assert body.links == ()
    assert render_compiled(f"Intro.\n\n{text}", first_line=5, path="content/w.md") is None


@pytest.mark.parametrize("text", ["See [[slug|]] here.\n", "See [[slug| ]] here.\n"])
def test_a_wiki_link_with_nothing_after_its_bar_shows_the_title(text: str) -> None:
    """``[[slug|]]`` was told it was never closed with ']]', which it is; with a space
    after its '|' it showed the title, as ``[[slug]]`` does, and now so does it."""
    body = render_body(MD, text, first_line=3, path="content/w.md")
    assert (body.problems, body.links) == ((), (LinkRef("slug", 3),))
    html = finish_body(body.html, BodyFill(link_hrefs=["/slug/"], link_texts=["Slug Title"]))
    (link,) = HTMLParser(html).css("a.internal")
    assert (link.attributes["href"], link.text()) == ("/slug/", "Slug Title")
    assert render_body(MD, "See [[slug]] here.\n", first_line=3).html == body.html
    compiled = render_compiled(text, first_line=3, path="content/w.md")
    assert compiled is None or compiled.html == body.html


@pytest.mark.parametrize(
    "text",
    [
        "Shown as text: \\[[not a link.\n",
        "In code: `[[x]` and\n\n```\nrows = [[1, 2], [3]]\n```\n",
        "A link whose text starts with a bracket: [[a] b](https://example.org/b).\n",
        "| Topic | Link |\n|---|---|\n| Sleep | [[sleep-basics\\|sleep]] |\n",
    ],
)
def test_brackets_that_start_no_wiki_link_as_markdown_reads_them_are_no_problem(
    text: str,
) -> None:
    assert render_body(MD, text, path="content/w.md").problems == ()


def test_an_unclosed_wiki_link_quotes_at_most_60_characters() -> None:
    body = render_body(MD, "[[" + "word " * 30 + "\n", path="content/w.md")
    (problem,) = body.problems
    assert f"link '[[{('word ' * 12)[:58].rstrip()}…' is never closed" in problem.message


def test_links_to_other_sites_are_listed_with_their_lines() -> None:
    body = render_body(
        MD,
        "A [study](https://example.test/a#results) and\n<HTTP://example.test/b>.\n\n"
        "[mail](mailto:a@example.test) [[https://example.test/c|wiki]] [x](other.md) [y](#part)\n",
        first_line=4,
    )
    assert body.web_links == (
        LinkRef("https://example.test/a#results", 4),
        LinkRef("HTTP://example.test/b", 5),
    )
    assert body.links == (LinkRef("https://example.test/c", 7), LinkRef("other.md", 7))


def test_link_targets_keep_colons_and_file_names_are_decoded() -> None:
    title = "Ketamine: The New Frontier in Mental Fitness for Health-Conscious Men"
    body = render_body(
        MD, f"[[{title}]] [[C# Basics#setup|C#]] [a](<my file.md#part>) [b](caf%C3%A9.md)\n"
    )
    assert [link.target for link in body.links] == [
        title,
        "C# Basics#setup",
        "my file.md#part",
        "café.md",
    ]


def test_raw_html_is_escaped_by_default_and_dangerous_links_dropped() -> None:
    html = render_body(MD, "<script>alert(1)</script>\n\n[x](javascript:alert(1)) <b>hi</b>\n").html
    tree = HTMLParser(html)
    assert tree.css("script") == [] and tree.css("b") == []
    assert all(not a.attributes.get("href", "").startswith("javascript") for a in tree.css("a"))


def test_html_comments_are_left_out_of_the_page_and_its_summary() -> None:
    source = "<!-- TODO: ask the reviewer -->\n\nZinc helps <!-- only if low? -->some men.\n"
    body = render_body(MD, source)
    assert body.html == "<p>Zinc helps some men.</p>\n"
    assert (body.summary, body.words) == ("Zinc helps some men.", 4)


def test_html_comments_pass_through_when_raw_html_is_on() -> None:
    html = render_body(make_markdown(allow_html=True), "<!-- kept -->\n\nText.\n").html
    assert html == "<!-- kept -->\n<p>Text.</p>\n"


def test_raw_html_opt_in() -> None:
    html = render_body(make_markdown(allow_html=True), "<b>hi</b>\n").html
    assert HTMLParser(html).css_first("b").text() == "hi"


def test_headings_get_stable_ids_anchors_and_toc() -> None:
    body = render_body(MD, "# Title\n\n## First *part*\n\n### Detail\n\n## First part\n")
    assert [(e.level, e.anchor, e.text) for e in body.toc] == [
        (2, "first-part", "First part"),
        (3, "detail", "Detail"),
        (2, "first-part-1", "First part"),
    ]
    anchor = HTMLParser(body.html).css_first("h2 a.header-anchor")
    assert anchor.attributes["href"] == "#first-part"
    assert anchor.attributes["aria-label"] == "Link to section: First part"


def test_tables_and_code_blocks_can_be_scrolled_from_the_keyboard() -> None:
    source = "| a | b |\n|---|---|\n| 1 | 2 |\n\n```py\nx = 1\n```\n\n    indented\n"
    tree = HTMLParser(render_body(MD, source).html)
    assert tree.css_first("table").attributes["tabindex"] == "0"
    blocks = tree.css("pre")
    assert [b.attributes["tabindex"] for b in blocks] == ["0", "0"]
    assert [b.css_first("code").text() for b in blocks] == ["x = 1\n", "indented\n"]
    assert blocks[0].css_first("code").attributes["class"] == "language-py"


def test_summary_is_first_paragraph_plain_text_and_words_are_counted() -> None:
    body = render_body(MD, "## Heading\n\nHello *brave* `new` [[world|planet]].\n\nSecond.\n")
    assert body.summary == "Hello brave new planet."
    assert body.words >= 3


@pytest.mark.parametrize("engine", ["reference", "compiled"])
def test_a_summary_holds_the_title_placeholder_of_a_wiki_link_without_text(engine: str) -> None:
    """The summary said 'Read walking first.' where the page reads 'Read Walking: A Simple
    Start first.': a [[link]] without text is the placeholder of its title, numbered with
    the body's links, and such a summary is left uncut until it is filled
    (render/bodies.description), as the title's length is not known yet."""
    text = "## Why [[a]]\n\nRead [[walking]] and [[b|this]] first" + ", then more" * 30 + ".\n"
    body = render_body(MD, text) if engine == "reference" else _compiled(MD, text)
    assert body.summary == "Read \x00T1\x00 and this first" + ", then more" * 30 + "."


@pytest.mark.parametrize("render", ["reference", "compiled"])
def test_a_paragraph_of_images_alone_is_not_the_summary(render: str) -> None:
    """A chart above the first words made a summary, and so a description and a card, of
    its alt text; the first paragraph with text is the summary, the images' own only if
    there is none."""
    text = (
        '![A chart of readings](images/bp.png) ![""](images/rule.svg)\n\n'
        "> A quote.\n\nThe first *words* with ![an icon](images/i.png) inline.\n"
    )
    alone = "![A chart of readings](images/bp.png)\n"
    if render == "reference":
        bodies = [render_body(MD, text), render_body(MD, alone)]
    else:
        compiled = [render_compiled(t, first_line=1, html=False) for t in (text, alone)]
        if None in compiled:
            pytest.skip("the compiled engine is not installed or declined this body")
        bodies = [b for b in compiled if b is not None]
    assert [b.summary for b in bodies] == [
        "The first words with an icon inline.",
        "A chart of readings",
    ]


def test_shorten_cuts_at_a_word_near_the_limit() -> None:
    text = "word " * 60
    short = shorten(text.strip())
    assert len(short) <= 161 and short.endswith("word…")
    assert shorten("short text") == "short text"


@given(st.text(max_size=300))
def test_any_text_renders_and_placeholders_fill(text: str) -> None:
    body = render_body(MD, text)
    links, images = len(body.links), len(body.images)
    fill = BodyFill(
        link_hrefs=["/x/"] * links,
        link_texts=["X"] * links,
        image_urls=["/i.png"] * images,
        image_attributes=[""] * images,
        image_sources=[""] * images,
        citations=[CitationMark(1, "c", "r")] * len(body.citations),
    )
    assert "\x00" not in finish_body(body.html, fill)
    assert len(shorten(body.summary)) <= 161


def test_images_load_lazily_and_local_ones_get_url_and_size_placeholders() -> None:
    body = render_body(
        MD,
        'Text\n![A chart](images/c.png "Source") and ![Remote](https://example.org/r.png)\n',
        first_line=3,
        path="content/a.md",
    )
    assert body.images == (ImageRef("images/c.png", 4),)
    assert body.remote_images == (ImageRef("https://example.org/r.png", 4),)
    assert body.problems == ()
    html = finish_body(
        body.html,
        BodyFill(
            image_urls=["/images/c.png"],
            image_attributes=[' width="4" height="3"'],
            image_sources=[""],
        ),
    )
    local, remote = HTMLParser(html).css("img")
    assert local.attributes == {
        "src": "/images/c.png",
        "alt": "A chart",
        "title": "Source",
        "width": "4",
        "height": "3",
        "loading": "lazy",
        "decoding": "async",
    }
    assert remote.attributes["src"] == "https://example.org/r.png"
    assert "width" not in remote.attributes
    assert (remote.attributes["loading"], remote.attributes["decoding"]) == ("lazy", "async")


def test_missing_alt_is_a_problem_with_file_and_line_but_explicit_empty_alt_is_not() -> None:
    body = render_body(
        MD,
        'One\n\n![](images/a.png)\n\n![""](images/rule.svg)\n',
        first_line=6,
        path="content/a.md",
    )
    (problem,) = body.problems
    assert isinstance(problem, MarkupError)
    assert (problem.path, problem.line) == ("content/a.md", 8)
    assert problem.message == "image 'images/a.png' has no alt text"
    assert '![""](images/a.png)' in (problem.hint or "")
    decorative = HTMLParser(body.html).css("img")[1]
    assert decorative.attributes["alt"] == ""


@pytest.mark.parametrize("render", ["reference", "compiled"])
@pytest.mark.parametrize("image", ["C:\\Users\\me\\walk.jpg", "C:/Users/me/walk.jpg"])
def test_an_image_or_link_to_a_file_on_the_writers_computer_is_an_error(
    render: str, image: str
) -> None:
    """A Windows path read as a URL has its drive letter for a scheme: it was published as
    an image no reader could load, without a word."""
    text = f"Intro.\n\n![A walk]({image})\n\n[the leaflet](D:/Files/leaflet.pdf)\n"
    if render == "reference":
        body = render_body(MD, text, first_line=6, path="content/a.md")
    else:
        compiled = render_compiled(text, first_line=6, path="content/a.md", html=False)
        if compiled is None:  # it declines a backslash: the reference path renders those
            pytest.skip("the compiled engine is not installed or declined this body")
        body = compiled
    assert [(p.path, p.line, p.message, p.hint) for p in body.problems] == [
        (
            "content/a.md",
            8,
            f"image '{image}' is a file on your computer, which readers cannot open",
            "copy it into the site's static/ folder, e.g. static/images/walk.jpg, and write "
            "![…](images/walk.jpg)",
        ),
        (
            "content/a.md",
            10,
            "link 'D:/Files/leaflet.pdf' is a file on your computer, which readers cannot open",
            "copy it into the site's static/ folder, e.g. static/files/leaflet.pdf, and write "
            "[…](files/leaflet.pdf)",
        ),
    ]


@pytest.mark.parametrize("render", ["reference", "compiled"])
def test_a_link_with_no_address_is_an_error_at_its_line(render: str) -> None:
    """``[the study]()``, its address not pasted yet, was published as a link to the page
    itself without a word; ``[d](#part)`` and an image's own checks are left as they were."""
    text = "Intro [the study]() and [x](<>).\n\nMore [y][ref] and [d](#part).\n\n[ref]: <>\n"
    if render == "reference":
        body = render_body(MD, text, first_line=6, path="content/a.md")
    else:
        compiled = render_compiled(text, first_line=6, path="content/a.md", html=False)
        if compiled is None:
            pytest.skip("the compiled engine is not installed or declined this body")
        body = compiled
    assert [(p.path, p.line, p.message) for p in body.problems] == [
        (
            "content/a.md",
            line,
            "a link has no address (nothing between its parentheses, or after its definition's"
            " colon), so it leads back to this same page",
        )
        for line in (6, 6, 8)
    ]
    assert "[text](https://…)" in (body.problems[0].hint or "")


def test_an_address_with_a_scheme_is_no_file_on_a_computer() -> None:
    body = render_body(MD, "[mail](mailto:a@example.org) ![A](https://example.org/a.png)\n")
    assert body.problems == ()


def test_video_block_renders_a_titled_link_and_no_player() -> None:
    text = (
        '::: video https://www.youtube.com/watch?v=dQw4w9WgXcQ "How it works"\nA *caption*.\n:::\n'
    )
    body = render_body(MD, text, path="content/a.md")
    assert body.videos == 1 and body.problems == ()
    tree = HTMLParser(body.html)
    assert tree.css("iframe") == [] and tree.css("script") == []
    link = tree.css_first("figure.video a.video-start")
    assert link.attributes["href"] == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert link.attributes["data-embed"].startswith("https://www.youtube-nocookie.com/embed/")
    assert tree.css_first(".video-title").text() == "How it works"
    assert tree.css_first("figcaption em").text() == "caption"


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ('::: video https://example.org/v "T"', "is not a YouTube or Vimeo address"),
        ("::: video", "needs an address and a title"),
        ("::: video https://vimeo.com/123", "has no title"),
        ('::: video https://vimeo.com/123 ""', "has no title"),
        ("::: video https://vimeo.com/123 Two words", "too many words"),
        ('::: video https://vimeo.com/123 "open', "cannot read"),
    ],
)
def test_video_block_problems(block: str, message: str) -> None:
    body = render_body(MD, f"Intro.\n\n{block}\n:::\n", first_line=10, path="content/v.md")
    (problem,) = body.problems
    assert (problem.path, problem.line) == ("content/v.md", 12)
    assert message in problem.message


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            '::: Video https://vimeo.com/123 "Talk"\nA caption.\n:::\n',
            7,
            "'::: Video' opens no block: '::: video' (in lower case) is the only one, so the page"
            " would show this line as text",
        ),
        (
            "::: tip\nDrink water.\n\nMore.\n:::\n",
            7,
            "'::: tip' opens no block: '::: video' (in lower case) is the only one, so the page"
            " would show this line as text",
        ),
        (
            '::: video https://vimeo.com/123 "Talk"\n:::\n\nMore.\n:::\n',
            11,
            "':::' closes no video block here, so the page would show it as text",
        ),
    ],
)
def test_a_colon_line_that_opens_no_video_is_a_problem_at_its_line(
    text: str, line: int, message: str
) -> None:
    """'::: Video' (capital V), '::: tip' as other tools write a callout, and a ':::' that
    closes nothing were published as text without a word; a block of another name is told
    once, not again at its closing ':::'."""
    body = render_body(MD, f"Intro.\n\n{text}", first_line=5, path="content/v.md")
    assert [(p.path, p.line, p.message) for p in body.problems] == [("content/v.md", line, message)]
    assert render_compiled(f"Intro.\n\n{text}", first_line=5, path="content/v.md") is None


@pytest.mark.parametrize(
    "text", ["\\::: tip\n", "```\n::: tip\n```\n", "    ::: tip\n", "A ::: b\n"]
)
def test_colons_shown_as_text_on_purpose_are_no_problem(text: str) -> None:
    assert render_body(MD, f"Intro.\n\n{text}", path="content/v.md").problems == ()


@pytest.mark.parametrize(
    "text",
    [
        '::: video https://vimeo.com/123 "Talk"\nA caption.\n\n## Later\n\nMore.\n',
        '::: video https://vimeo.com/123 "Talk"',
        '> ::: video https://vimeo.com/123 "Talk"\n> A caption.\n\nMore.\n',
    ],
)
def test_a_video_block_never_closed_is_a_problem_at_its_first_line(text: str) -> None:
    body = render_body(MD, f"Intro.\n\n{text}", first_line=5, path="content/v.md")
    (problem,) = body.problems
    assert (problem.path, problem.line) == ("content/v.md", 7)
    assert problem.message == (
        "video: the block is never closed, so the rest of the article would be its caption"
    )
    assert problem.hint is not None and "':::'" in problem.hint


@pytest.mark.parametrize(
    "closer", [":::", ":::  ", "::::", ':::\n\n::: video https://vimeo.com/4 "Two"\n:::']
)
def test_a_closed_video_block_is_no_problem(closer: str) -> None:
    text = f'Intro.\n\n::: video https://vimeo.com/123 "Talk"\nA caption.\n{closer}\n\nAfter.\n'
    body = render_body(MD, text, path="content/v.md")
    assert body.problems == ()
    assert [p.text() for p in HTMLParser(body.html).css("body > p")][-1] == "After."


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        ("> a|\n> -|\n>", 0),  # a table asks the video rule whether the last line ends it
        ('> ::: video https://vimeo.com/123 "Talk"\n>', 1),  # never closed
        ('> ::: video https://vimeo.com/123 "Talk"\n> :::\n>', 0),
        ('> > ::: video https://vimeo.com/123 "Talk"\n> >   ', 1),
    ],
)
def test_a_body_ending_in_an_empty_quoted_line_without_a_line_break(
    text: str, problems: int
) -> None:
    """mdit-py-plugins' container rule read past the body's end there (an IndexError)."""
    body = render_body(MD, text, path="content/v.md")
    assert len(body.problems) == problems
    assert HTMLParser(body.html).css_first("blockquote") is not None
    if not problems:  # as with a line break after it
        assert body.html == render_body(MD, text + "\n", path="content/v.md").html


_FRAGMENTS = st.sampled_from(
    [">", "> ", "> >", "> ::: video", "- ", "1. ", "    ", "::: video", ":::", "```", "| a |", "|--|", "-|", "a|",
     "[^1]: x", "x[^1]", "# h", "---", "<div>", "[x]: y", "*", "`", "\\", "\t", "text"]
)  # fmt: skip


@given(st.lists(st.lists(_FRAGMENTS, min_size=1, max_size=3).map("".join), min_size=1,
                max_size=5).map("\n".join), st.booleans())  # fmt: skip
def test_any_body_of_block_markers_renders(body: str, line_break: bool) -> None:
    """Markdown's block markers in any order, with or without a last line break, render
    with no exception (problems are the author's to fix, not a failed build)."""
    render_body(MD, body + "\n" * line_break, path="content/v.md")


def test_citations_become_numbered_placeholders_with_their_lines() -> None:
    body = render_body(MD, "A claim[^smith-2023].\nAgain[^b] `[^code]` [^ spaced]\n", first_line=9)
    assert body.citations == (LinkRef("smith-2023", 9), LinkRef("b", 10))
    assert body.summary == "A claim. Again [^code] [^ spaced]"
    marks = [CitationMark(1, "cite-1", "ref-1"), CitationMark(2, "c&", "r")]
    html = finish_body(body.html, BodyFill(citations=marks))
    tree = HTMLParser(html)
    sups = tree.css("sup.citation")
    assert [(s.attributes["id"], s.text(), s.css_first("a").attributes["href"]) for s in sups] == [
        ("cite-1", "[1]", "#ref-1"),
        ("c&", "[2]", "#r"),
    ]
    assert tree.css_first("code").text() == "[^code]"
    assert "[^ spaced]" in tree.text()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="<>/!-?ab= \n`*[]()#'\"&;", max_size=120))
def test_leaving_out_the_html_rules_changes_no_output(text: str) -> None:
    with_rules = make_markdown()
    with_rules.enable(["html_block", "html_inline"])  # as in 'commonmark'; they bail out
    assert render_body(make_markdown(), text).html == render_body(with_rules, text).html


def test_same_page_links_are_listed_with_their_lines_but_heading_anchors_are_not() -> None:
    body = render_body(
        make_markdown(),
        "## Risks\n\nSee [below](#dose) and\n[the café](#café) and [top](#).\n\n"
        "[other](other.md#dose) [web](https://example.org/#x)",
        first_line=5,
    )
    assert body.same_page_links == (
        LinkRef("#dose", 7),
        LinkRef("#caf%C3%A9", 8),
        LinkRef("#", 8),
    )


def _compiled(md: MarkdownIt, body: str, first_line: int = 1) -> RenderedBody:
    rendered = render_compiled(body, first_line=first_line, html=False)
    assert rendered is not None, "the compiled engine renders this body"
    return rendered


@pytest.mark.parametrize("engine", [render_body, _compiled], ids=["reference", "compiled"])
def test_level_one_headings_are_noted_with_their_file_lines(engine) -> None:
    body = "# The title again\n\nText.\n\nA section\n=========\n\n## Fine\n\n```\n# code\n```\n"
    assert engine(make_markdown(), body, first_line=5).title_lines == (5, 9)
    assert engine(make_markdown(), "> # quoted\n\n- # listed\n").title_lines == (1, 3)


@pytest.mark.parametrize("engine", [render_body, _compiled], ids=["reference", "compiled"])
def test_a_contents_entry_shows_the_title_a_headings_wiki_link_shows(engine) -> None:
    """The entry showed the slug written ('Why zinc-basics matters') while the heading shows
    the title: a wiki link without text is the placeholder of its title there, as in the
    HTML, numbered with the body's links; one with text keeps it."""
    body = engine(
        make_markdown(),
        "See [[intro]].\n\n## Why [[zinc-basics]] matters\n\n## About *[[zinc-basics|zinc]]*"
        " and [[iron]]\n",
    )
    assert [entry.text for entry in body.toc] == [
        "Why \x00T1\x00 matters",
        "About zinc and \x00T3\x00",
    ]
    fill = BodyFill(
        link_hrefs=["/a/"] * 4, link_texts=["Intro", "Zinc Basics", "zinc", "Iron & You"]
    )
    headings = HTMLParser(finish_body(body.html, fill)).css("h2")
    assert [h.text().removesuffix(" #") for h in headings] == [
        "Why Zinc Basics matters",
        "About zinc and Iron & You",
    ]


@pytest.mark.parametrize("engine", [render_body, _compiled], ids=["reference", "compiled"])
def test_a_heading_id_keeps_a_wiki_links_text_as_written(engine) -> None:
    """The target's title is not known when the body is rendered, and would move the id with
    it: the slug takes the link's text, or its target, as written. A citation adds nothing."""
    body = engine(
        make_markdown(),
        "## Why [[zinc-basics]] matters\n\n## About [[zinc-basics|zinc]] here[^a]\n",
    )
    assert [entry.anchor for entry in body.toc] == ["why-zinc-basics-matters", "about-zinc-here"]
    ids = [h.attributes["id"] for h in HTMLParser(body.html).css("h2")]
    assert ids == ["why-zinc-basics-matters", "about-zinc-here"]


@pytest.mark.parametrize("engine", [render_body, _compiled], ids=["reference", "compiled"])
def test_a_link_or_image_whose_address_holds_a_space_is_a_problem_at_its_line(engine) -> None:
    """'![A photo](images/my photo.jpg)', a file named as a phone or a desktop names it, was
    published as that text without a word: CommonMark ends an address at a space."""
    body = (
        "Intro.\n\nA photo: ![A photo](images/my photo.jpg)\n\n"
        '[the notes](files/my notes.pdf "Notes") and [[walking]].\n\n'
        "| a | b |\n|---|---|\n| [x](guides/first steps.md) | y |\n"
    )
    problems = engine(make_markdown(), body, first_line=5).problems
    assert [(p.line, f"{p.message} — {p.hint}") for p in problems] == [
        (
            7,
            "image 'images/my photo.jpg' holds a space, so Markdown reads no image there and the"
            " page would show it as written — write the address in angle brackets, ![A photo]"
            "(<images/my photo.jpg>), or each space as %20 (or rename the file without spaces)",
        ),
        (
            9,
            "link 'files/my notes.pdf' holds a space, so Markdown reads no link there and the"
            " page would show it as written — write the address in angle brackets, [the notes]"
            '(<files/my notes.pdf> "Notes"), or each space as %20 (or rename the file without'
            " spaces)",
        ),
        (
            13,
            "link 'guides/first steps.md' holds a space, so Markdown reads no link there and the"
            " page would show it as written — write the address in angle brackets, [x](<guides/"
            "first steps.md>), or each space as %20 (or rename the file without spaces)",
        ),
    ]


@pytest.mark.parametrize("engine", [render_body, _compiled], ids=["reference", "compiled"])
def test_a_spaced_link_whose_text_holds_emphasis_is_a_problem_too(engine) -> None:
    """'[the *new* guide](my page.md)' was published as written without a word: Markdown
    splits the text at the emphasis, and no one text token held the whole link."""
    body = (
        "See [the *new* guide](my page.md) now.\n\n[**Sleep**](sleep basics.md)\n\n"
        '![A *bar* chart](images/my chart.png "Chart") and [the <b>x</b> y](files/a b.pdf)\n\n'
        "[plain](my page.md) and [the ~~new~~ guide](my page.md).\n"
    )
    problems = engine(make_markdown(), body, first_line=2).problems
    assert [(p.line, p.message.split(" holds")[0], p.hint.split(", or")[0]) for p in problems] == [
        (
            2,
            "link 'my page.md'",
            "write the address in angle brackets, [the *new* guide](<my page.md>)",
        ),
        (
            4,
            "link 'sleep basics.md'",
            "write the address in angle brackets, [**Sleep**](<sleep basics.md>)",
        ),
        (
            6,
            "image 'images/my chart.png'",
            'write the address in angle brackets, ![A *bar* chart](<images/my chart.png> "Chart")',
        ),
        (
            6,
            "link 'files/a b.pdf'",
            "write the address in angle brackets, [the <b>x</b> y](<files/a b.pdf>)",
        ),
        (8, "link 'my page.md'", "write the address in angle brackets, [plain](<my page.md>)"),
        (
            8,
            "link 'my page.md'",
            "write the address in angle brackets, [the ~~new~~ guide](<my page.md>)",
        ),
    ]
    coded = render_body(make_markdown(), "[the `new` guide](my page.md)\n").problems  # not compiled
    assert [p.hint.split(", or")[0] for p in coded] == [
        "write the address in angle brackets, [the `new` guide](<my page.md>)"
    ]


@pytest.mark.parametrize("engine", [render_body, _compiled], ids=["reference", "compiled"])
def test_emphasis_beside_a_spaced_bracket_that_is_no_link_is_no_problem(engine) -> None:
    body = (
        "\\[the *new* guide](my page.md) and [*2*](see figure 2.1).\n\n"
        "*a* b](my page.md) and [c](d.md) *e* ](f g.md).\n"
    )
    assert engine(make_markdown(), body).problems == ()
    in_code = (
        "`[the *new* guide](my page.md)` and `[a` *b* ](my page.md)\n\n```\n[**S**](a b.md)\n```\n"
    )
    assert render_body(make_markdown(), in_code).problems == ()  # the compiled engine declines


@pytest.mark.parametrize("engine", [render_body, _compiled], ids=["reference", "compiled"])
def test_spaced_addresses_markdown_reads_and_words_in_brackets_are_no_problem(engine) -> None:
    body = (
        "![A photo](<images/my photo.jpg>) and [notes](files/my%20notes.pdf).\n\n"
        "[sic](see note 3) and [a] (b c.pdf).\n"
    )
    assert engine(make_markdown(), body).problems == ()
    in_code = "`[a](my file.pdf)`\n\n```\n![A photo](images/my photo.jpg)\n```\n"
    assert render_body(make_markdown(), in_code).problems == ()  # the compiled engine declines


@pytest.mark.parametrize("engine", [render_body, _compiled], ids=["reference", "compiled"])
def test_escaped_brackets_and_numbered_words_are_no_spaced_link(engine) -> None:
    """Brackets escaped with a backslash are text on purpose, the Markdown way to show them,
    though the text token the check reads no longer shows the backslash; and a number at the
    end of the words in parentheses is no file's suffix (``[sic](see note 3)`` is left alone,
    docs/writing.md says). Each of these was an error with no way to write it."""
    body = (
        "Table [2](see figure 2.1) and [1](vol. 3, p.12).\n\n"
        "Kept \\[t\\](see files/my notes.pdf), \\[u](files/my notes.pdf)"
        " and [v\\](files/my notes.pdf).\n\n"
        '- ![w]\\(images/my photo.jpg "A title")\n'
    )
    assert engine(make_markdown(), body).problems == ()
    mixed = "\\[a\\](files/b c.pdf) but [d e](files/my notes.pdf)\nand [f \\*g\\*](x y.pdf).\n"
    problems = engine(make_markdown(), mixed, first_line=3).problems
    assert [(p.line, p.message.split(" holds")[0]) for p in problems] == [
        (3, "link 'files/my notes.pdf'"),
        (4, "link 'x y.pdf'"),
    ]


@pytest.mark.parametrize("engine", [render_body, _compiled], ids=["reference", "compiled"])
def test_a_citation_takes_the_space_before_it_out_of_the_summary(engine) -> None:
    """'two numbers [^a].' made the summary, and so the description, the card and the feed's
    summary, 'two numbers .': the citation shows nothing there, and the space a writer puts
    before it went before the full stop."""
    text = (
        "Blood pressure is two numbers [^a]. Most adults *sleep* [^b] [^c], "
        "and some\n[^d] do not [^e]\n"
    )
    body = engine(make_markdown(), text)
    assert body.summary == "Blood pressure is two numbers. Most adults sleep, and some do not"


@pytest.mark.parametrize("engine", [render_body, _compiled], ids=["reference", "compiled"])
def test_a_citation_in_a_heading_takes_the_space_before_it_out_of_the_id(engine) -> None:
    """'## Results [^a]' had the id 'results-' (and a link to '#results' failed, offering
    it), '## Before [^a] after' 'before--after': the citation shows in the heading, not in
    its id, and the space before it goes with it."""
    text = "## Results [^a]\n\n## Before [^a] *after* [^b]\n\n## Plain\n"
    ids = [h.attributes["id"] for h in HTMLParser(engine(make_markdown(), text).html).css("h2")]
    assert ids == ["results", "before-after", "plain"]
