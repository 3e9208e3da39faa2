"""Raw HTML's URL attributes, judged by the rule markdown-it applies to Markdown links."""

from __future__ import annotations

import pytest

from articlegen.markup.markdown import make_markdown, render_body
from articlegen.markup.rawhtml import unsafe_links


@pytest.mark.parametrize(
    ("html", "found"),
    [
        ('<a href="javascript:alert(1)">x</a>', ("a", "href", "javascript:alert(1)")),
        ("<A HREF=JAVASCRIPT:alert(1)>x</A>", ("a", "href", "JAVASCRIPT:alert(1)")),
        ('<a href=" &#1;java&#x09;script:x">x</a>', ("a", "href", " \x01java\tscript:x")),
        ('<a/href="vbscript:x">x</a>', ("a", "href", "vbscript:x")),
        ('<iframe src="data:text/html,hi"></iframe>', ("iframe", "src", "data:text/html,hi")),
        ('<form action="javascript:x"><button formaction="file:///x">b</button></form>',
         ("form", "action", "javascript:x")),
        ('<svg><a xlink:href="javascript:x"><text>t</text></a></svg>',
         ("a", "xlink:href", "javascript:x")),
        ('<svg><a><animate attributeName="href" values="/a;javascript:x"/></a></svg>',
         ("animate", "values", "javascript:x")),
        ('<svg><set attributeName="href" to="javascript:x"/></svg>', ("set", "to", "javascript:x")),
        ('<meta http-equiv="refresh" content="0; url=javascript:x">',
         ("meta", "content", "javascript:x")),
        ('<img srcset="a.png 1x, javascript:x 2x" alt="">', ("img", "srcset", "javascript:x")),
        ('<template><a href="javascript:x">t</a></template>', ("a", "href", "javascript:x")),
        ('<noscript><a href="javascript:x">n</a></noscript>', ("a", "href", "javascript:x")),
        ("<iframe srcdoc=\"<a href='javascript:x'>q</a>\"></iframe>",
         ("a", "href", "javascript:x")),
    ],
)  # fmt: skip
def test_unsafe_urls_are_found_however_written(html: str, found: tuple[str, str, str]) -> None:
    assert next(unsafe_links(html)) == found


@pytest.mark.parametrize(
    "html",
    [
        '<a href="https://example.org/?q=javascript:x">x</a>',
        '<a href="/notes/javascript:intro">x</a>',
        '<img src="data:image/png;base64,iVBORw0KGgo=" alt="Data: 2020 figures">',
        '<abbr title="javascript: a language">JS</abbr>',
        "<script>document.write(\"<a href='javascript:x'>\")</script>",  # text, not a link
        '<a href="mailto:a@example.org">mail</a> <a href="#part">here</a>',
    ],
)
def test_safe_urls_and_mere_text_are_not(html: str) -> None:
    assert list(unsafe_links(html)) == []


def test_each_problem_is_at_the_line_of_the_raw_html_holding_it() -> None:
    body = (
        "Intro.\n\nText <a href='javascript:a()'>x</a>.\n\n"
        '<div>\n<p>\n<img src="data:text/html,b" alt="">\n</p>\n</div>\n'
    )
    problems = render_body(make_markdown(allow_html=True), body, first_line=5, path="c.md").problems
    assert [str(p) for p in problems] == [
        "c.md:7: raw HTML <a href=\"javascript:a()\">: 'javascript:' URLs are never published"
        " — link to a page or an https:// address, or remove the attribute",
        "c.md:11: raw HTML <img src=\"data:text/html,b\">: 'data:' URLs are never published"
        " — link to a page or an https:// address, or remove the attribute",
    ]


def test_a_url_written_with_entities_is_placed_at_its_tag() -> None:
    body = '<div>\n<p>Text</p>\n<a\n  href="&#x6a;avascript:x()">x</a>\n</div>\n'
    problems = render_body(make_markdown(allow_html=True), body, first_line=3, path="c.md").problems
    assert [p.line for p in problems] == [6]


def test_without_allow_html_raw_html_is_text_and_not_judged() -> None:
    body = "<a href='javascript:a()'>x</a>\n"
    assert render_body(make_markdown(), body).problems == ()


def test_an_attribute_carried_from_one_piece_of_html_into_the_next_is_found() -> None:
    """Alone, the second block is a harmless ``<p title=…>``; after the first, a browser reads
    its ``action`` as the form's, so the whole body is what gets judged."""
    body = '<form title="\n\nSome text.\n\n<p title=\'" action="javascript:alert(1)" \'>\n'
    problems = render_body(make_markdown(allow_html=True), body, first_line=5, path="c.md").problems
    assert [str(p) for p in problems] == [
        "c.md:5: raw HTML <form action=\"javascript:alert(1)\">: 'javascript:' URLs are never"
        " published — link to a page or an https:// address, or remove the attribute"
    ]


@pytest.mark.parametrize(
    ("body", "urls"),
    [
        ("[x](javascript:alert(1)) and (b)", ["javascript:alert(1)"]),
        ("[x](<file:///C:/a b.pdf>)", ["file:///C:/a b.pdf"]),
        ("![chart](data:image/png;base64,AAAA) [m](mailto:a@example.org) <https://a.org/x:y>", []),
        ("Write `[x](javascript:a)` to see it as text.", []),
        ("```\n[x](javascript:a)\n```", []),
        ("Time 12:30: notes", []),
    ],
)
def test_markdown_links_validatelink_refuses_are_errors(body: str, urls: list[str]) -> None:
    problems = render_body(make_markdown(), body, first_line=3, path="content/a.md").problems
    assert [p.message.split("'")[1] for p in problems] == urls
    assert all(p.line == 3 for p in problems)
