"""Path links (``render/pathlinks.py``): where a body link to a path of the site leads, its URL
under the base path, and the error of one that leads to nothing the build publishes."""

from __future__ import annotations

import pytest

from articlegen.core.errors import ArticlegenError, LinkError
from articlegen.core.model import (
    Article,
    FrontMatter,
    LinkGraph,
    LinkRef,
    RenderedBody,
    RenderedPage,
)
from articlegen.markup.markdown import make_markdown, render_body
from articlegen.render.bodies import finished_bodies
from articlegen.render.pathlinks import (
    leads_somewhere,
    path_fragments,
    path_hrefs,
    path_link_problems,
    published_addresses,
    resolve_path,
)
from articlegen.trust.references import Citations


@pytest.mark.parametrize(
    ("written", "base_path", "href"),
    [
        # a file is read relative to static/, as an image is
        ("files/guide.pdf", "/", "/files/guide.pdf"),
        ("./files/guide.pdf", "/", "/files/guide.pdf"),
        ("files/guide.pdf", "/repo/", "/repo/files/guide.pdf"),
        # anything else relative resolves against the article's address, as a browser would
        ("heart-health", "/", "/sleep/heart-health"),
        ("../heart-health/", "/", "/heart-health/"),
        ("../files/guide.pdf", "/", "/files/guide.pdf"),
        ("../../../x/", "/", "/x/"),
        ("../heart-health/", "/repo/", "/repo/heart-health/"),
        # root-relative: from the site's root, under the base path, never twice
        ("/guides/sleep/", "/", "/guides/sleep/"),
        ("/guides/sleep/", "/repo/", "/repo/guides/sleep/"),
        ("/repo/files/guide.pdf", "/repo/", "/repo/files/guide.pdf"),
        ("/repo", "/repo/", "/repo/"),
        ("/repository/", "/repo/", "/repo/repository/"),
        ("/", "/repo/", "/repo/"),
        # query and fragment kept, the encoding as written
        ("/files/guide.pdf?v=2#page=3", "/repo/", "/repo/files/guide.pdf?v=2#page=3"),
        ("my%20notes.pdf#p", "/", "/my%20notes.pdf#p"),
    ],
)
def test_resolved_href(written: str, base_path: str, href: str) -> None:
    assert resolve_path(written, "sleep/", base_path).href(base_path) == href


def test_hrefs_of_a_body_in_order() -> None:
    refs = [LinkRef("/a/", 3), LinkRef("b.pdf", 4)]
    assert path_hrefs(refs, "x/", "/r/") == ["/r/a/", "/r/b.pdf"]


PAGES = [
    RenderedPage("", "index.html", None),
    RenderedPage("heart-health/", "heart-health/index.html", None),
    RenderedPage("tags/sleep/page/2/", "tags/sleep/page/2/index.html", None),
    RenderedPage("feed.xml", "feed.xml", None),
    RenderedPage("404.html", "404.html", None),
]
ADDRESSES = published_addresses(PAGES, ["files/guide.pdf", "files/my notes.pdf", "docs/index.html"])


@pytest.mark.parametrize(
    ("written", "found"),
    [
        ("/", True),
        ("/heart-health/", True),
        ("/heart-health", True),  # hosts answer a folder without its slash
        ("/heart-health/index.html", True),
        ("/tags/sleep/page/2/", True),
        ("/feed.xml", True),
        ("/404.html", True),
        ("files/guide.pdf", True),
        ("files/my%20notes.pdf", True),
        ("/docs/", True),
        ("/files/guide.pdf#page=2", True),
        ("/guides/sleep/", False),
        ("heart-health", False),  # /sleep/heart-health
        ("files/missing.pdf", False),
        ("/Files/guide.pdf", False),  # paths are case-sensitive on the web
        ("/files/guide.pdf/", False),
        ("/files/", False),  # a folder without an index.html is no page
    ],
)
def test_leads_somewhere(written: str, found: bool) -> None:
    assert leads_somewhere(resolve_path(written, "sleep/", "/"), ADDRESSES) is found


def _article(slug: str) -> Article:
    return Article(
        source=f"content/{slug}.md",
        slug=slug,
        meta=FrontMatter(title=slug.title()),
        body="",
        body_line=5,
    )


def test_a_link_to_nothing_is_an_error_at_its_line_with_the_closest_address() -> None:
    body = render_body(
        make_markdown(),
        "Get [the guide](files/guide.pdf) and [the missing one](files/missing.pdf).\n\n"
        "See [x](heart-health) and [sleep](/guides/sleep/).",
        first_line=5,
    )
    problems = path_link_problems(
        [_article("sleep")], {"sleep": body}, ADDRESSES, "https://owner.github.io/repo/", "/repo/"
    )
    assert [(type(p), p.path, p.line) for p in problems] == [
        (LinkError, "content/sleep.md", 5),
        (LinkError, "content/sleep.md", 7),
        (LinkError, "content/sleep.md", 7),
    ]
    missing, relative, absent = problems
    assert missing.message == (
        "link 'files/missing.pdf' leads to /files/missing.pdf, where this site publishes no "
        "page or file (did you mean '/files/guide.pdf' or '/files/my notes.pdf'?)"
    )
    assert missing.hint is not None
    assert missing.hint.startswith("put the file in static/ (static/files/missing.pdf)")
    assert "full address" not in missing.hint  # read under the site's own address
    assert relative.message.startswith("link 'heart-health' leads to /sleep/heart-health,")
    assert "did you mean '/heart-health/'" in relative.message
    assert absent.message.startswith("link '/guides/sleep/' leads to /guides/sleep/,")
    assert absent.hint is not None and absent.hint.startswith("fix the link")
    assert "full address, https://owner.github.io/guides/sleep/" in absent.hint


_WAYS = "link to content/walking.md as [text](walking.md), as [[walking]] or as [text](/walking/)"
_FROM_PAGE = (
    "a path without a leading '/' is read from this article's address, /blood-pressure-basics/,"
    f" as a browser reads it: {_WAYS}"
)


@pytest.mark.parametrize(
    ("written", "offered", "hint"),
    [
        ("walking", "'walking.md' or '[[walking]]' or '/walking/'", _FROM_PAGE),
        ("walking/", "'walking.md' or '[[walking]]' or '/walking/'", _FROM_PAGE),
        (
            "Walking/index.html",
            "'/walking.html' or 'walking.md' or '[[walking]]' or '/walking/'",
            f"a path to a file without a leading '/' is read from static/: {_WAYS}; or put the"
            " file in static/ (static/Walking/index.html)",
        ),
        (
            "../walking.htm",
            "'/walking.html' or '/walking/' or 'walking.md' or '[[walking]]'",
            "a path without a leading '/' is read from this article's address,"
            " /blood-pressure-basics/, as a browser reads it: put the file in static/"
            f" (static/walking.htm), or {_WAYS}",
        ),
        ("walkng", "'walking.md' or '[[walking]]' or '/walking/'", _FROM_PAGE),
        (
            "../Walking/INDEX.HTM",
            "'walking.md' or '[[walking]]' or '/walking/'",
            "a path without a leading '/' is read from this article's address,"
            f" /blood-pressure-basics/, as a browser reads it: {_WAYS}; or put the file in"
            " static/ (static/Walking/INDEX.HTM)",
        ),
        (
            "/walking/index.php",
            "'/walking/' or '/walking.html' or 'walking.md' or '[[walking]]'",
            f"a path with a leading '/' is read from the site's root: {_WAYS}; or put the file"
            " in static/ (static/walking/index.php); something on this host that this site"
            " does not publish cannot be checked: link to it by its full address,"
            " https://example.test/walking/index.php",
        ),
        (
            "/walkng/",
            "'/walking/' or '/walking.html' or 'walking.md' or '[[walking]]'",
            f"a path with a leading '/' is read from the site's root: {_WAYS}; something on this"
            " host that this site does not publish cannot be checked: link to it by its full"
            " address, https://example.test/walkng/",
        ),
    ],
)
def test_a_path_naming_an_articles_slug_is_offered_that_article(
    written: str, offered: str, hint: str
) -> None:
    """'[walking](walking)' on /blood-pressure-basics/ leads to /blood-pressure-basics/walking
    and was offered '/blood-pressure-basics/' and a tag's page: the article ``walking`` is
    meant, by the slug its last part is or comes close to, offered beside the addresses named
    alike (a static file's first), with a hint saying how this link was read."""
    problem = _walking_problem(written)
    assert problem.message.endswith(
        f"where this site publishes no page or file (did you mean {offered}?)"
    )
    assert problem.hint == hint


def test_a_file_name_close_to_a_static_file_is_offered_that_file_not_an_article() -> None:
    """'walkin.html', a static file's name misspelt, keeps the offer it had: the article is
    added only where its slug is the name (walking.html), not merely close to it."""
    problem = _walking_problem("walkin.html")
    assert problem.message == (
        "link 'walkin.html' leads to /walkin.html, where this site publishes no page or file"
        " (did you mean '/walking.html' or '/walking/'?)"
    )
    assert problem.hint is not None
    assert problem.hint.startswith(
        "put the file in static/ (static/walkin.html) or fix the link (a file of static/ is"
        " written relative to static/, a page from the site's root with a leading '/')"
    )


def test_a_file_linked_with_static_in_its_path_is_told_to_leave_it_out() -> None:
    """'static/files/guide.pdf', as the file lies on disk, was told to put the file at
    static/static/files/guide.pdf."""
    body = render_body(
        make_markdown(),
        "[a](static/files/guide.pdf) [b](/static/files/guide.pdf) [c](static/files/new.pdf)\n",
        first_line=5,
    )
    problems = path_link_problems([_article("sleep")], {"sleep": body}, ADDRESSES, "", "/")
    assert [(p.hint or "").split(" (a file of static/", 1)[0] for p in problems] == [
        "a file of static/ is linked without 'static/': write /files/guide.pdf",
        "a file of static/ is linked without 'static/': write /files/guide.pdf",
        "a file of static/ is linked without 'static/': write /files/new.pdf, and put the file"
        " at static/files/new.pdf",
    ]


def _walking_problem(written: str) -> ArticlegenError:
    """The one error of ``[walking](written)`` on /blood-pressure-basics/, on a site with
    the article ``walking`` and the static file ``walking.html``."""
    body = render_body(make_markdown(), f"Try [walking]({written}).\n", first_line=7)
    linking = _article("blood-pressure-basics")
    articles = [linking, _article("walking"), _article("sleep")]
    addresses = ADDRESSES | {"walking/", "blood-pressure-basics/", "walking.html"}
    bodies = {a.slug: render_body(make_markdown(), "", first_line=5) for a in articles}
    bodies["blood-pressure-basics"] = body
    (problem,) = path_link_problems(articles, bodies, addresses, "https://example.test/", "/")
    return problem


def test_a_missing_file_or_the_linking_article_itself_is_not_offered_as_an_article() -> None:
    body = render_body(make_markdown(), "See [a](files/walkin.pdf) and [b](sleep).\n", first_line=5)
    articles = [_article("sleep"), _article("walking")]
    problems = path_link_problems(
        articles, {"sleep": body, "walking": body}, ADDRESSES | {"walking/"}, "", "/"
    )
    assert [p.message for p in problems[:2]] == [
        "link 'files/walkin.pdf' leads to /files/walkin.pdf, where this site publishes no page"
        " or file (did you mean '/files/guide.pdf' or '/files/my notes.pdf'?)",
        "link 'sleep' leads to /sleep/sleep, where this site publishes no page or file",
    ]


def test_a_web_address_without_its_scheme_is_told_the_address_to_write() -> None:
    """'[CDC](www.cdc.gov/sleep)' led to /sleep/www.cdc.gov/sleep, and the error offered that
    address on the site's own host as the one to write, which leads nowhere either. An
    address with no scheme, or with 'https//' (no colon), is told the address it names."""
    body = render_body(
        make_markdown(),
        "[CDC](www.cdc.gov/sleep) [NIMH](nimh.nih.gov/health) [NIH](https//www.nih.gov/)\n",
        first_line=5,
    )
    problems = path_link_problems(
        [_article("sleep")], {"sleep": body}, ADDRESSES, "https://owner.example/repo/", "/repo/"
    )
    assert [(p.message.split(",")[0], p.hint) for p in problems] == [
        (
            "link 'www.cdc.gov/sleep' leads to /sleep/www.cdc.gov/sleep",
            "a web address starts with https://: write it whole, https://www.cdc.gov/sleep",
        ),
        (
            "link 'nimh.nih.gov/health' leads to /sleep/nimh.nih.gov/health",
            "a web address starts with https://: write it whole, https://nimh.nih.gov/health",
        ),
        (
            "link 'https//www.nih.gov/' leads to /sleep/https/www.nih.gov/",
            "a web address starts with https://: write it whole, https://www.nih.gov/",
        ),
    ]


def test_finished_bodies_write_path_links_under_the_base_path() -> None:
    body = render_body(
        make_markdown(),
        "[a](files/guide.pdf) [b](/repo/files/guide.pdf) [c](../heart-health/#risk) "
        "`[d](/code/)` [e](https://example.com/x)",
    )
    sleep = _article("sleep")
    graph = LinkGraph(see_also={}, inline={"sleep": ()}, backlinks={})
    finished = finished_bodies(
        [sleep], {"sleep": body}, graph, {}, {"sleep": []}, {"sleep": Citations()}, "/repo/"
    )
    html = finished["sleep"].html
    assert "\x00" not in html
    assert (
        '<a href="/repo/files/guide.pdf">a</a> <a href="/repo/files/guide.pdf">b</a> '
        '<a href="/repo/heart-health/#risk">c</a> <code>[d](/code/)</code> '
        '<a href="https://example.com/x">e</a>'
    ) in html


def test_a_body_without_path_links_has_none() -> None:
    assert RenderedBody(html="").path_links == ()


def test_path_links_to_an_article_with_an_id_are_fragment_links() -> None:
    body = render_body(
        make_markdown(),
        "[a](/heart-health/#risk) [b](../heart-health#risk) [c](/heart-health/) "
        "[d](/files/guide.pdf#page=2) [e](/tags/sleep/#x) [f](/sleep/index.html#own)",
        first_line=5,
    )
    articles = [_article("sleep"), _article("heart-health")]
    bodies = {"sleep": body, "heart-health": RenderedBody(html="")}
    links = list(path_fragments(articles, bodies, "/"))
    assert [(link.written, link.target, link.fragment, link.line) for link in links] == [
        ("/heart-health/#risk", "heart-health", "risk", 5),
        ("../heart-health#risk", "heart-health", "risk", 5),
        ("/sleep/index.html#own", "sleep", "own", 5),
    ]
    assert {link.path for link in links} == {"content/sleep.md"}


def test_the_search_page_counts_when_search_is_on() -> None:
    target = resolve_path("/search/", "sleep/", "/")
    assert not leads_somewhere(target, published_addresses(PAGES, []))
    assert leads_somewhere(target, published_addresses(PAGES, [], search=True))
