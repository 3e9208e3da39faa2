"""Link fragments against the ids of their target pages, with literal data."""

from __future__ import annotations

import unicodedata
from urllib.parse import quote

from hypothesis import given
from hypothesis import strategies as st

from articlegen.core.model import Article, FrontMatter, LinkGraph, LinkRef, ResolvedLink
from articlegen.markup.markdown import make_markdown, render_body
from articlegen.render.fragments import (
    FragmentLink,
    PageIds,
    article_fragment_problems,
    fragment_problems,
    page_ids,
    resolved_fragments,
    same_page_fragments,
)
from articlegen.trust.references import Citations

ALPHA = PageIds("content/alpha.md", ("part-one", "café", "cite-1", "ref-1"))
BETA = PageIds("content/beta.md", ("here",))
PAGES = {"alpha": ALPHA, "beta": BETA}


def to_alpha(fragment: str, written: str | None = None, kind: str = "link") -> FragmentLink:
    return FragmentLink(
        kind, written or f"alpha#{fragment}", "content/beta.md", 7, "alpha", fragment
    )


def messages(*links: FragmentLink) -> list[str]:
    return [str(p) for p in fragment_problems(links, PAGES.get)]


def test_page_ids_are_every_id_and_anchor_name_in_order_then_the_extra_ones() -> None:
    html = (
        '<h2 id="intro">Intro</h2><p><a name="old-anchor">x</a> <span id="note">n</span>'
        '<sup class="citation" id="cite-1">1</sup></p><h3 id="intro">again</h3><p id="">e</p>'
        '<a href="#intro">no id here</a>'
    )
    assert page_ids("content/a.md", html, ["ref-1", "cite-1"]) == PageIds(
        "content/a.md", ("intro", "note", "cite-1", "old-anchor", "ref-1")
    )


def test_page_ids_read_html_as_a_browser_does() -> None:
    assert page_ids("a.md", "<p ID=Loud>x</p><div id='caf&eacute;'></div>").ids == (
        "Loud",
        "café",
    )


def test_an_existing_id_passes() -> None:
    assert messages(to_alpha("part-one"), to_alpha("ref-1"), to_alpha("cite-1")) == []


def test_a_missing_id_is_an_error_at_the_link_with_the_closest_ids() -> None:
    assert messages(to_alpha("part-two", "other.md#part-two")) == [
        "content/beta.md:7: link 'other.md#part-two': content/alpha.md has no id 'part-two' "
        "(did you mean 'part-one'?) — ids are case-sensitive; a heading's id is shown by the "
        "# link beside it"
    ]


def test_ids_are_case_sensitive_and_the_suggestion_shows_the_difference() -> None:
    [message] = messages(to_alpha("Part-One"))
    assert "has no id 'Part-One' (did you mean 'part-one' (it differs only in case)?)" in message


def test_the_written_fragment_is_percent_decoded() -> None:
    assert messages(to_alpha("caf%C3%A9"), to_alpha("caf%c3%a9")) == []
    [message] = messages(to_alpha("part%20one"))
    assert "has no id 'part one'" in message


def test_nothing_close_lists_the_pages_ids() -> None:
    [message] = messages(to_alpha("zzz", kind="see_also"))
    assert message.startswith("content/beta.md:7: see_also 'alpha#zzz': content/alpha.md")
    assert "use one of its ids (part-one, café, cite-1, ref-1)" in message


def test_a_long_id_list_is_cut() -> None:
    many = {"alpha": PageIds("content/alpha.md", tuple(f"q{i}" for i in range(9)))}
    [problem] = fragment_problems([to_alpha("zzz")], many.get)
    assert "(q0, q1, q2, q3, q4, …)" in str(problem)


def test_a_page_without_ids_says_so() -> None:
    bare = {"alpha": PageIds("content/alpha.md", ())}
    [problem] = fragment_problems([to_alpha("x")], bare.get)
    assert "the page has no ids to link to" in str(problem)


def test_the_top_of_the_page_is_always_there() -> None:
    assert messages(to_alpha(""), to_alpha("top"), to_alpha("TOP")) == []


def test_a_theme_id_is_not_the_articles() -> None:
    [message] = messages(to_alpha("comments"))
    assert "has no id 'comments'" in message
    assert "'#comments' is an id of the theme" in message


def test_an_id_in_another_unicode_form_is_named_as_such() -> None:
    decomposed = unicodedata.normalize("NFD", "café")
    [message] = messages(to_alpha(decomposed))
    assert (
        f"has no id '{decomposed}' (did you mean 'café' (yours is written in decomposed "
        "Unicode (letter and accent apart))?)"
    ) in message


def test_a_same_page_link_says_this_article() -> None:
    link = FragmentLink("link", "#gone", "content/beta.md", 3, "beta", "gone")
    assert [str(p) for p in fragment_problems([link], PAGES.get)] == [
        "content/beta.md:3: link '#gone': this article has no id 'gone' — use one of its ids "
        "(here); a heading's id is shown by the # link beside it"
    ]


def test_a_page_whose_ids_are_unknown_is_not_checked() -> None:
    assert messages(FragmentLink("link", "gamma#x", "content/beta.md", 2, "gamma", "x")) == []


def test_resolved_fragments_pair_each_ref_with_its_resolution() -> None:
    refs = [LinkRef("alpha#a", 4), LinkRef("nowhere#b", 5), LinkRef("alpha", 6)]
    refs += [LinkRef("https://example.org/#c", 7), LinkRef("Alpha#d", 8)]
    resolved = [
        ResolvedLink(slug="alpha", fragment="a"),
        None,
        ResolvedLink(slug="alpha"),
        ResolvedLink(url="https://example.org/#c"),
        ResolvedLink(slug="alpha", fragment="d"),
    ]
    assert list(resolved_fragments("see_also", "content/beta.md", refs, resolved)) == [
        FragmentLink("see_also", "alpha#a", "content/beta.md", 4, "alpha", "a"),
        FragmentLink("see_also", "Alpha#d", "content/beta.md", 8, "alpha", "d"),
    ]


def test_same_page_fragments_point_at_the_article_itself() -> None:
    refs = [LinkRef("#here", 2), LinkRef("#", 3)]
    assert list(same_page_fragments("content/beta.md", "beta", refs)) == [
        FragmentLink("link", "#here", "content/beta.md", 2, "beta", "here"),
        FragmentLink("link", "#", "content/beta.md", 3, "beta", ""),
    ]


def test_a_damaged_files_links_are_checked_but_its_own_ids_are_unknown() -> None:
    """A file whose header failed (``damaged``) links like any body (given in
    ``damaged_raw``): its link to a built article's missing ``#id`` is an error. Its own ids
    are unknown (its citations' are numbered by the header's references), so links to it,
    its own ``#…`` included, are not judged."""
    md = make_markdown()
    alpha = Article("content/alpha.md", "alpha", FrontMatter(title="Alpha"), "## Part one\n")
    bad = Article("content/bad.md", "bad", FrontMatter(title=""), "", body_line=4)
    text = "[[alpha#part-two]] [[alpha#part-one]] [x](#gone)\n"
    bodies = {"alpha": render_body(md, alpha.body), "bad": render_body(md, text, first_line=4)}
    links = (ResolvedLink(slug="alpha", fragment="part-two"),)
    links += (ResolvedLink(slug="alpha", fragment="part-one"),)
    graph = LinkGraph({}, {"alpha": (), "bad": links}, {}, see_also_each={"alpha": (), "bad": ()})
    raw = {"alpha": bodies["alpha"]}
    found = article_fragment_problems(
        [alpha], raw, graph, {"alpha": Citations()}, [bad], damaged_raw={"bad": bodies["bad"]}
    )
    assert [str(p).split(" — ")[0] for p in found] == [
        "content/bad.md:4: link 'alpha#part-two': content/alpha.md has no id 'part-two'"
        " (did you mean 'part-one'?)"
    ]
    assert article_fragment_problems([alpha], raw, graph, {"alpha": Citations()}, [bad]) == []


HEADING = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=30
).filter(lambda text: text.strip() and not text.lstrip().startswith(("#", "=", "-")))


@given(st.lists(HEADING, min_size=1, max_size=4))
def test_a_link_to_any_rendered_heading_passes(headings: list[str]) -> None:
    """Whatever the heading, the id it gets is one the check finds, written as an author
    would (as is) or as Markdown encodes it (percent-encoded)."""
    md = make_markdown()
    source = "\n\n".join(f"## {text}" for text in headings)
    body = render_body(md, source)
    pages = {"a": page_ids("content/a.md", body.html)}
    links = [
        FragmentLink("link", written, "content/b.md", 1, "a", written)
        for entry in body.toc
        for written in (entry.anchor, quote(entry.anchor, safe=""))
    ]
    assert fragment_problems(links, pages.get) == []
    assert {entry.anchor for entry in body.toc} <= set(pages["a"].ids)
