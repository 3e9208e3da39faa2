"""Links and images into an old site, rewritten to the imported articles and static files."""

from __future__ import annotations

from pathlib import Path

import pytest

from articlegen.authoring.oldlinks import OldSite, relink
from articlegen.authoring.unlinked import unlinked_warnings
from articlegen.markup.markdown import make_markdown, render_body

PATHS = {"/2019/05/walks/": "walks", "/sleep.html": "sleep", "/about/": "about"}


def _site(tmp_path: Path, files: dict[Path, str] | None = None) -> OldSite:
    found = {"/images/a.png": tmp_path / "a.png"}
    return OldSite("https://old.example.org/", PATHS, files or {}, found.get)


@pytest.mark.parametrize(
    ("link", "new"),
    [
        ("[w](https://old.example.org/2019/05/walks/)", "[[walks|w]]"),
        ("[w](https://www.old.example.org/2019/05/walks/#top)", "[[walks#top|w]]"),
        ("[w](/2019/05/walks)", "[[walks|w]]"),
        ("[w](</2019/05/walks/index.html>)", "[[walks|w]]"),
        ("[s](../../../sleep.html)", "[[sleep|s]]"),
        ("[s](/sleep)", "[[sleep|s]]"),
        ("[a](../../../about/ 'About')", "[[about|a]]"),
        ("[a](../../about/)", "[a](<https://old.example.org/2019/about/>)"),
        ("[**bold** [x]](/about/)", "[**bold** [x]](about.md)"),
        ("[w](https://elsewhere.example/2019/05/walks/)", None),
        ("[n](/nothing/#x)", "[n](<https://old.example.org/nothing/#x>)"),
        ("[m](mailto:a@example.org)", None),
        ("`[w](/about/)`", None),
    ],
)
def test_links_to_imported_posts_become_article_links(
    tmp_path: Path, link: str, new: str | None
) -> None:
    result = relink(link, "https://old.example.org/2019/05/walks/", None, _site(tmp_path))
    assert result.body == (new if new is not None else link)


def test_links_in_a_table_row_are_written_without_a_pipe(tmp_path: Path) -> None:
    """The '|' of [[walks|w]] would end the table's cell, and the build refuse the '[[walks'
    left in it."""
    body = (
        "See [w](/2019/05/walks/).\n\n| Topic | Read |\n|---|---|\n"
        "| Walks | [the walks](/2019/05/walks/#why) |\n| Sleep | [s](/sleep.html) |\n"
    )
    result = relink(body, None, None, _site(tmp_path))
    assert result.body == (
        "See [[walks|w]].\n\n| Topic | Read |\n|---|---|\n"
        "| Walks | [the walks](walks.md#why) |\n| Sleep | [s](sleep.md) |\n"
    )


def test_links_into_the_old_site_that_match_nothing_are_noted(tmp_path: Path) -> None:
    body = "[n](/nothing/) [m](https://old.example.org/more/) [f](/images/a.png) [o](x.md)"
    result = relink(body, None, None, _site(tmp_path))
    assert result.unmatched == ["/nothing/", "/more/"]
    assert result.body == (
        "[n](<https://old.example.org/nothing/>) [m](https://old.example.org/more/) "
        "[f](</images/a.png>) [o](x.md)"
    )
    assert result.copies == {"images/a.png": tmp_path / "a.png"}  # a file the old site served


def test_reference_definitions_are_rewritten(tmp_path: Path) -> None:
    body = "See [the walk][w].\n\n[w]: https://old.example.org/2019/05/walks/#why\n"
    result = relink(body, None, None, _site(tmp_path))
    assert result.body == "See [the walk][w].\n\n[w]: walks.md#why\n"


def test_a_link_to_a_source_file_names_its_article(tmp_path: Path) -> None:
    other = tmp_path / "posts" / "other.md"
    site = _site(tmp_path, {other.resolve(): "other-post"})
    result = relink("[o](other.md)", None, tmp_path / "posts" / "this.md", site)
    assert result.body == "[[other-post|o]]"


def test_images_found_are_copied_and_others_listed(tmp_path: Path) -> None:
    body = (
        "![A](https://old.example.org/images/a.png)\n"
        "![B](https://old.example.org/images/b.png)\n"
        "![C](https://cdn.example.net/c.png)\n"
    )
    result = relink(body, None, None, _site(tmp_path))
    assert result.body.splitlines()[0] == "![A](</images/a.png>)"
    assert result.copies == {"images/a.png": tmp_path / "a.png"}
    assert result.remote == {
        "https://old.example.org/images/b.png": "images/b.png",
        "https://cdn.example.net/c.png": "cdn.example.net/c.png",  # under its host
    }


def test_a_link_to_the_post_itself_becomes_a_link_within_its_page(tmp_path: Path) -> None:
    """The build refuses an article's link to itself ([[walks#why|…]])."""
    body = "[w](/2019/05/walks/#why) [t](/2019/05/walks/)\n\n[r]: /2019/05/walks/#how\n"
    result = relink(body, None, None, _site(tmp_path), own="walks")
    assert result.body == "[w](#why) [t](#top)\n\n[r]: #how\n"


def test_an_image_in_a_links_text_and_a_definitions_file_are_copied(tmp_path: Path) -> None:
    body = (
        "[![A](/images/a.png)](/gen/?w=5&h=6#x)\n\n![B][b]\n\n[b]: /images/a.png 'B'\n"
        "[^1]: Example Author, a study\n"
    )
    result = relink(body, None, None, _site(tmp_path))
    assert result.body == (
        "[![A](</images/a.png>)](<https://old.example.org/gen/?w=5&h=6#x>)\n\n"
        "![B][b]\n\n[b]: </images/a.png> 'B'\n[^1]: Example Author, a study\n"
    )
    assert result.copies == {"images/a.png": tmp_path / "a.png"}
    assert result.unmatched == ["/gen/"]


def test_a_link_whose_text_holds_code_is_relinked_and_its_image_copied(tmp_path: Path) -> None:
    """From a real blog: '![Gif of `git checkout -`](/images/a.png)' was cut in two at its
    code span, so the image was neither found nor copied, and a link to a post with code in
    its text stayed a path into the old site, which the build refuses."""
    body = (
        "![Gif of `git checkout -`](/images/a.png) [the `walks` post](/2019/05/walks/)\n\n"
        "`[code](/2019/05/walks/)`\n"
    )
    result = relink(body, None, None, _site(tmp_path))
    assert result.body == (
        "![Gif of `git checkout -`](</images/a.png>) [the `walks` post](walks.md)\n\n"
        "`[code](/2019/05/walks/)`\n"
    )
    assert result.copies == {"images/a.png": tmp_path / "a.png"}


def test_a_link_to_a_markdown_file_from_the_content_root_names_its_article(
    tmp_path: Path,
) -> None:
    """Hugo posts link '/blog/2020/review.md', a path from the content folder."""
    review = tmp_path / "content" / "blog" / "2020" / "review.md"
    site = _site(tmp_path, {review: "review", tmp_path / "content" / "other.md": "other"})
    body = "[2019](/blog/2020/review.md#goals) and [x](/blog/2021/missing.md)"
    result = relink(body, None, tmp_path / "content" / "blog" / "2021" / "now.md", site)
    assert result.body == "[[review#goals|2019]] and [x](/blog/2021/missing.md)"


def test_an_images_size_after_its_name_is_no_part_of_the_file_saved(tmp_path: Path) -> None:
    body = (
        "![A](https://old.example.org/images/a.png:large)\n"
        "![T](https://pbs.twimg.com/media/AbC-1_x.jpg:large)\n"
        "![S](https://pbs.twimg.com/media/AbC-1_x.jpg:small)\n"
        "![O](https://pbs.twimg.com/media/DeF.PNG:orig)\n"
        "![Q](https://pbs.twimg.com/media/GhI?format=webp&name=900x900)\n"
    )
    result = relink(body, None, None, _site(tmp_path))
    assert result.body.splitlines()[0] == "![A](</images/a.png>)"  # found on the old site
    assert result.copies == {"images/a.png": tmp_path / "a.png"}
    assert result.remote == {  # fetched at the address written, saved without the size
        "https://pbs.twimg.com/media/AbC-1_x.jpg:large": "pbs.twimg.com/media/AbC-1_x.jpg",
        "https://pbs.twimg.com/media/AbC-1_x.jpg:small": "pbs.twimg.com/media/AbC-1_x.jpg",
        "https://pbs.twimg.com/media/DeF.PNG:orig": "pbs.twimg.com/media/DeF.PNG",
        "https://pbs.twimg.com/media/GhI?format=webp&name=900x900": "pbs.twimg.com/media/GhI.webp",
    }


@pytest.mark.parametrize(
    ("site_url", "written"),
    [
        ("https://🚀-science.example/", "https://xn---science-7f85g.example"),
        ("https://xn---science-7f85g.example/", "https://🚀-science.example"),
        ("https://bücher.example/", "https://www.Bücher.example."),
        ("https://faß.example/", "https://xn--fa-hia.example"),
        ("https://σίσυφος.example/", "https://xn--kxa6ajbbmh.example"),
        ("https://ｂücher。example/", "https://xn--bcher-kva.example"),
    ],
)
def test_the_old_host_is_known_in_either_of_its_spellings(
    tmp_path: Path, site_url: str, written: str
) -> None:
    """A host beyond ASCII has an ASCII spelling (IDNA's xn--…), and a WordPress export may
    write both: a link or an image by the other one is still into the old site."""
    site = OldSite(site_url, PATHS, {}, lambda _: None)
    body = f"[w]({written}/2019/05/walks/) ![Chart]({written}/images/c.png)"
    result = relink(body, None, None, site)
    assert result.body.startswith("[[walks|w]] ")
    assert result.remote == {f"{written}/images/c.png": "images/c.png"}  # not under a host folder


def test_a_host_spelt_differently_is_another_host(tmp_path: Path) -> None:
    """``faß`` is not ``fass`` (IDNA 2003 folded one into the other; browsers do not)."""
    site = OldSite("https://faß.example/", PATHS, {}, lambda _: None)
    link = "[w](https://fass.example/2019/05/walks/)"
    assert relink(link, None, None, site).body == link


def test_the_warning_for_a_link_kept_as_text_quotes_it_short(tmp_path: Path) -> None:
    """A WordPress picture linking to its attachment page was quoted whole, both long upload
    paths on one line: the warning quotes the page's address whole, an image in the text as
    its alt text (cut) with '…' for its address, and a long text's first words."""
    picture = "/wp-content/uploads/2019/05/runner-on-a-mountain-trail-at-dawn-1024x768.png"
    site = OldSite(None, PATHS, {}, {picture: tmp_path / "runner.png"}.get)
    body = (
        f"[![A runner on a long mountain trail, early in the morning]({picture} 'Runner')]"
        "(/2019/05/runs/attachment/runner/)\n\n"
        "[Everything we have written about sleep hygiene and men's health](/category/sleep/)"
        " and [the graph](/scatter.fm/).\n"
    )
    result = relink(body, None, None, site)
    assert picture in result.body  # the comment keeps the link whole, to restore it
    warnings = unlinked_warnings(result.body, "content/runs.md", 5)
    assert [(w.line, w.message.split(" leads to")[0]) for w in warnings] == [
        (5, "link [![A runner on a long mountain trail,…](…)](/2019/05/runs/attachment/runner/)"),
        (7, "link [Everything we have written about sleep…](/category/sleep/)"),
        (7, "link [the graph](/scatter.fm/)"),
    ]


def test_an_image_whose_definition_became_a_comment_keeps_its_alt_text() -> None:
    """'![The logo][logo]' whose '[logo]: /logo.png' names no file and no old address was
    written as the comment alone, so the page lost what the image showed; it keeps its alt
    text now, as a link keeps its text. An image without alt text leaves nothing."""
    site = OldSite(None, PATHS, {}, lambda _: None)
    body = "![The logo][logo] and ![][logo], [the graph][logo].\n\n[logo]: /logo.png\n"
    result = relink(body, None, None, site)
    assert result.body == (
        "The logo<!-- not on this site: ![The logo][logo] --> and <!-- not on this site:"
        " ![][logo] -->, the graph<!-- not on this site: [the graph][logo] -->.\n\n"
        "<!-- not on this site: [logo]: /logo.png -->\n"
    )
    rendered = render_body(make_markdown(), result.body)
    assert rendered.html == "<p>The logo and , the graph.</p>\n"


def test_links_to_old_pages_not_imported_stay_text_where_the_old_address_is_unknown(
    tmp_path: Path,
) -> None:
    """A path into the old site that no page here has, with no address of the old site to
    give it, is left as its text with the link in a comment: the build refuses the path."""
    site = OldSite(None, PATHS, {}, {"/images/a.png": tmp_path / "a.png"}.get)
    body = (
        "See [the graph](/scatter.fm/ 'Graph'), [![A chart](/images/a.png)](/charts/),"
        " [the `-->` code](/code/) and [the list][l] ([l][], [L]).\n\n`[c](/code/)`\n\n"
        "    [i](/indented/)\n\n[l]: </lists/>\n"
    )
    result = relink(body, None, None, site)
    assert result.body == (
        "See the graph<!-- not on this site: [the graph](/scatter.fm/ 'Graph') -->,"
        " ![A chart](</images/a.png>)<!-- not on this site: [![A chart](</images/a.png>)]"
        "(/charts/) -->, the `-->` code<!-- not on this site: [the `--\\>` code](/code/) -->"
        " and the list<!-- not on this site: [the list][l] --> (l<!-- not on this site: [l][]"
        " -->, L<!-- not on this site: [L] -->).\n\n`[c](/code/)`\n\n    [i](/indented/)\n\n"
        "<!-- not on this site: [l]: </lists/> -->\n"
    )
    rendered = render_body(make_markdown(), result.body)
    assert not rendered.problems
    assert "scatter.fm" not in rendered.html and "lists" not in rendered.html
    assert "<a " not in rendered.html and "/indented/" in rendered.html
