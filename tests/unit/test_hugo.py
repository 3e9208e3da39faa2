"""Hugo content folders → posts: permalinks, aliases, front-matter forms, shortcodes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from articlegen.authoring.hugo import is_hugo_site, read_hugo
from articlegen.core.errors import BuildFailed
from tests.conftest import write_tree

FIXTURE = Path(__file__).parents[1] / "fixtures" / "blogs" / "hugo"


def _posts(blog):
    return {Path(p.origin).relative_to(blog.source).as_posix(): p.article for p in blog.posts}


def test_the_fixture_reads_pages_skips_section_lists() -> None:
    blog = read_hugo(FIXTURE)
    assert sorted(_posts(blog)) == [
        "content/about/index.md",
        "content/posts/morning-walks.md",
        "content/posts/sleep-and-recovery/index.md",
    ]
    assert dict(blog.skipped) == {"section list (_index)": 2}
    assert is_hugo_site(FIXTURE) and blog.site_url == "https://hugo.example.org/"


def test_pages_outside_every_section_or_of_type_page_become_pages(tmp_path: Path) -> None:
    posts = _posts(read_hugo(FIXTURE))
    assert {name: post.page for name, post in posts.items()} == {
        "content/about/index.md": True,  # a bundle at the top: the site's About
        "content/posts/morning-walks.md": False,
        "content/posts/sleep-and-recovery/index.md": False,
    }
    write_tree(
        tmp_path,
        """
        -- hugo.toml --
        baseURL = "https://old.example.org/"
        -- content/contact.md --
        ---
        title: Contact
        ---
        Write to us.
        -- content/blog/imprint.md --
        ---
        title: Imprint
        type: page
        ---
        Who publishes this.
        -- content/blog/note.md --
        ---
        title: Note
        ---
        -- content/blog/inner/index.md --
        ---
        title: Inner
        ---
        """,
    )
    found = {post.article.title: post.article.page for post in read_hugo(tmp_path).posts}
    assert found == {"Contact": True, "Imprint": True, "Note": False, "Inner": False}
    flat = tmp_path / "flat"
    write_tree(flat, "-- a.md --\n---\ntitle: A\n---\n-- b/index.md --\n---\ntitle: B\n---\n")
    assert [post.article.page for post in read_hugo(flat).posts] == [False, False]


def test_permalinks_url_slug_and_aliases() -> None:
    posts = _posts(read_hugo(FIXTURE))
    walk = posts["content/posts/morning-walks.md"]
    # [permalinks] posts = "/:year/:month/:slug/"; no slug: the title, as Hugo does
    assert walk.aliases == (
        "/2019/05/morning-walks-and-blood-pressure/",
        "/walking/",
        "/2019/05/old-walks/",  # a relative alias: beside the page
    )
    assert posts["content/posts/sleep-and-recovery/index.md"].aliases == (
        "/2020/01/sleep-recovery/",
    )
    assert posts["content/about/index.md"].aliases == ("/about-us/",)  # url:


def test_content_folder_alone_uses_hugo_default_paths(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        """
        -- content/blog/First Post.md --
        ---
        title: First
        date: 2020-02-02
        ---
        -- content/blog/second/index.md --
        +++
        title = "Second"
        slug = "the-second"
        publishDate = 2021-03-04
        draft = true
        +++
        -- content/top.md --
        {"title": "Top", "date": "2019-01-01"}
        Body.
        """,
    )
    blog = read_hugo(tmp_path / "content")
    posts = _posts(blog)
    assert posts["blog/First Post.md"].aliases == ("/blog/first-post/",)
    second = posts["blog/second/index.md"]
    assert (second.aliases, second.date, second.draft) == (
        ("/blog/the-second/",),
        dt.date(2021, 3, 4),
        True,
    )
    assert (posts["top.md"].aliases, posts["top.md"].body) == (("/top/",), "Body.\n")


@pytest.mark.parametrize(
    ("pattern", "path"),
    [
        ("/:year/:month/:day/:filename/", "/2019/05/14/my-file/"),
        ("/:section/:slug/", "/posts/given-slug/"),
        ("/:title/", "/my-title/"),
        ("/:monthname/:slugorfilename/", "/may/given-slug/"),
    ],
)
def test_permalink_tokens(tmp_path: Path, pattern: str, path: str) -> None:
    write_tree(
        tmp_path,
        f"""
        -- hugo.toml --
        [permalinks]
        posts = "{pattern}"
        -- content/posts/my-file.md --
        ---
        title: My Title
        slug: given-slug
        date: 2019-05-14T10:00:00Z
        ---
        """,
    )
    assert read_hugo(tmp_path).posts[0].article.aliases == (path,)


def test_front_matter_maps_and_dates_keep_offsets() -> None:
    walk = _posts(read_hugo(FIXTURE))["content/posts/morning-walks.md"]
    plus_two = dt.timezone(dt.timedelta(hours=2))
    assert walk.date == dt.datetime(2019, 5, 14, 9, 30, tzinfo=plus_two)
    assert walk.updated == dt.datetime(2019, 6, 1, 18, tzinfo=plus_two)
    assert walk.tags == ("Fitness", "blood pressure")
    assert walk.description == "Why a short walk each morning matters."


def test_front_matter_keys_are_read_in_any_case_as_hugo_reads_them(tmp_path: Path) -> None:
    """Sites moved from Pelican write Title: and Date:, which Hugo reads as title and date."""
    write_tree(
        tmp_path,
        """
        -- content/posts/2010-06-12-walk.md --
        ---
        Title: A Walk/Run
        Date: 2010-06-12 23:10:00
        Category: life
        Tags: [walking]
        title: The Walk
        ---
        Out.
        """,
    )
    blog = read_hugo(tmp_path / "content")
    (walk,) = _posts(blog).values()
    assert (walk.title, walk.date) == ("The Walk", dt.datetime(2010, 6, 12, 23, 10))
    assert walk.tags == ("life", "walking")
    assert blog.notes == []


def test_shortcodes_converted_or_kept_with_one_note_per_kind() -> None:
    blog = read_hugo(FIXTURE)
    posts = _posts(blog)
    walk = posts["content/posts/morning-walks.md"].body
    sleep = posts["content/posts/sleep-and-recovery/index.md"].body
    assert "![A path through a park](</images/walk.png>)\n\n*A quiet path*" in walk
    assert "[how sleep helps recovery](/2020/01/sleep-recovery/)" in walk  # ref
    assert "[the walking post](/2019/05/morning-walks-and-blood-pressure/)" in sleep  # relref
    assert '::: video https://www.youtube.com/watch?v=abcdefghijk "Video"\n:::' in walk
    assert "```go\nsteps := 6000\n```" in walk
    assert "Hugo writes {{\\< youtube id >}}." in walk  # {{</* */>}}: shown, no note
    assert "{{\\< gist example-author 123 >}}" in walk
    kept = [n for n in blog.notes if "kept as text" in n]
    assert len(kept) == 1 and kept[0].startswith("Hugo shortcode {{< gist >}} kept as text in 2")
    posts = FIXTURE / "content/posts"
    assert f"{posts}/morning-walks.md:20, {posts}/sleep-and-recovery/index.md:14" in kept[0]


def test_page_bundle_files_are_known_by_their_old_path() -> None:
    blog = read_hugo(FIXTURE)
    assert list(blog.files) == ["/2020/01/sleep-recovery/bedroom.png"]
    assert blog.static_roots == [FIXTURE / "static"]


def test_files_of_the_content_folder_outside_a_bundle_are_known_by_their_path(
    tmp_path: Path,
) -> None:
    """Hugo publishes content/posts/images/chart.png at /posts/images/chart.png, where a real
    blog's posts showed it from (![…](/posts/images/chart.png)); the import did not find
    it, and the build failed on an image missing from static/."""
    write_tree(
        tmp_path,
        """
        -- config.toml --
        baseURL = "https://old.example.org/"
        -- content/posts/a.md --
        ---
        title: A
        ---
        ![A chart](/posts/images/chart.png)
        -- content/posts/images/chart.png --
        png
        -- content/posts/b/index.md --
        ---
        title: B
        ---
        -- content/posts/b/photo.png --
        png
        """,
    )
    blog = read_hugo(tmp_path)
    assert blog.files == {
        "/posts/b/photo.png": tmp_path / "content/posts/b/photo.png",
        "/posts/images/chart.png": tmp_path / "content/posts/images/chart.png",
    }


def test_unknown_keys_noted_once_per_key(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        """
        -- content/a.md --
        ---
        title: A
        weight: 1
        toc: true
        ---
        -- content/b.md --
        ---
        title: B
        weight: 2
        ---
        """,
    )
    assert read_hugo(tmp_path / "content").notes == [
        "front-matter key 'toc' (1 post) has no equivalent here and was left out",
        "front-matter key 'weight' (2 posts) has no equivalent here and was left out",
    ]


def test_bundle_resources_and_headless_pages_are_not_pages(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        """
        -- content/home/index.md --
        ---
        headless: true
        ---
        -- content/home/part.md --
        ---
        title: Part
        ---
        -- content/hidden.md --
        ---
        title: Hidden
        build: {render: never}
        ---
        -- content/posts/x/index.md --
        ---
        date: 2020-01-01
        ---
        Lead.
        <!--more-->
        Rest[^1].

        [^1]: A note.
        """,
    )
    blog = read_hugo(tmp_path / "content")
    assert dict(blog.skipped) == {
        "not rendered (headless or build.render: never)": 2,
        "page bundle resource": 1,
    }
    (post,) = blog.posts
    assert post.article.title == "X"  # the bundle's name, not "Index"
    assert "more" not in post.article.body and "## Notes" in post.article.body
    assert any("footnotes became a '## Notes' list" in note for note in post.article.notes)


def test_markdown_in_a_bundles_subfolder_is_a_file_of_the_bundle(tmp_path: Path) -> None:
    """Hugo takes every file under a leaf bundle's folder, subfolders too, as its page's: a
    Markdown file or another ``index.md`` there is served beside the page, not made a page of
    its own (one in the bundle's folder alone was known so)."""
    write_tree(
        tmp_path,
        """
        -- content/posts/walks/index.md --
        ---
        title: Walks
        ---
        Body.
        -- content/posts/walks/notes/extra.md --
        ---
        title: Extra
        ---
        -- content/posts/walks/more/index.md --
        ---
        title: More
        ---
        -- content/posts/runs.md --
        ---
        title: Runs
        ---
        """,
    )
    blog = read_hugo(tmp_path / "content")
    assert sorted(post.article.title for post in blog.posts) == ["Runs", "Walks"]
    assert dict(blog.skipped) == {"page bundle resource": 2}
    assert sorted(blog.files) == ["/posts/walks/more/index.md", "/posts/walks/notes/extra.md"]


def test_a_video_shortcode_the_player_cannot_take_is_kept_as_text(tmp_path: Path) -> None:
    write_tree(tmp_path, "-- content/a.md --\n---\ntitle: A\n---\n{{< youtube x >}}\n")
    blog = read_hugo(tmp_path / "content")
    assert blog.posts[0].article.body == "{{\\< youtube x >}}\n"
    assert blog.notes[0].startswith("Hugo shortcode {{< youtube >}} kept as text")


@pytest.mark.parametrize(
    "closing",
    ["{{< / highlight >}}", "{{</highlight>}}", "{{<  /  highlight  >}}", "{{% / highlight %}}"],
)
def test_a_highlight_closed_with_spaces_as_hugo_accepts_is_a_code_block(
    tmp_path: Path, closing: str
) -> None:
    """Hugo's lexer lets spaces stand around a closing's ``/``: ``{{< / highlight >}}`` was not
    read as one, so the code became prose and its ``# comment`` a heading."""
    write_tree(
        tmp_path,
        f"-- content/a.md --\n---\ntitle: A\n---\n{{{{< highlight bash >}}}}\n# a comment\n"
        f"echo hi\n{closing}\n\nAfter.\n",
    )
    blog = read_hugo(tmp_path / "content")
    assert blog.posts[0].article.body == "```bash\n# a comment\necho hi\n```\n\nAfter.\n"
    assert blog.notes == []


def test_an_unclosed_highlight_is_kept_as_text_with_a_note_at_its_line(tmp_path: Path) -> None:
    """An opening nothing closes ran on to the next block's closing: all between, prose and
    the other block's opening, silently became one code block."""
    write_tree(
        tmp_path,
        "-- content/a.md --\n---\ntitle: A\ndate: 2020-01-01\n---\nIntro.\n\n{{< highlight bash >}}\necho one\n"
        "\nMiddle *text*.\n\n{{< highlight go >}}\nx := 1\n{{< /highlight >}}\n",
    )
    post = read_hugo(tmp_path / "content").posts[0].article
    assert post.body == (
        "Intro.\n\n{{\\< highlight bash >}}\necho one\n\nMiddle *text*.\n\n```go\nx := 1\n```\n"
    )
    (note,) = post.notes
    assert note.startswith("its {{< highlight >}} is never closed, so it is kept as text")
    assert post.note_lines == ((note, 7),)  # its line in the file, header included


def test_top_level_posts_with_tags_or_of_a_main_section_stay_articles(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        """
        -- hugo.toml --
        baseURL = "https://old.example.org/"
        -- content/post-1.md --
        ---
        title: Post one
        date: 2020-01-01
        tags: [sleep]
        ---
        Text.
        -- content/post-2.md --
        +++
        title = "Post two"
        date = 2020-02-01
        categories = ["fitness"]
        +++
        Text.
        -- content/pages/about.md --
        ---
        title: About
        ---
        Who.
        -- content/odd.md --
        ---
        title: Odd
        type: [not, a, name]
        ---
        Still read.
        -- content/page/imprint.md --
        ---
        title: Imprint
        ---
        Who publishes this.
        """,
    )
    found = {p.article.title: (p.article.page, p.article.tags) for p in read_hugo(tmp_path).posts}
    assert found == {
        "Post one": (False, ("sleep",)),
        "Post two": (False, ("fitness",)),
        "About": (True, ()),  # content/pages/: where Hugo sites keep their standalone pages
        "Imprint": (True, ()),  # content/page/: of type page, as in Hugo
        "Odd": (False, ()),  # the posts are at the top: page/ and pages/ hold no posts
    }
    (tmp_path / "hugo.toml").write_text('[params]\nmainSections = ["posts", "notes"]\n')
    write_tree(
        tmp_path / "content",
        "-- note.md --\n---\ntitle: Note\ntype: notes\n---\nA note.\n"
        "-- contact.md --\n---\ntitle: Contact\n---\nWrite.\n",
    )
    found = {p.article.title: p.article.page for p in read_hugo(tmp_path).posts}
    assert (found["Note"], found["Contact"], found["Post one"]) == (False, True, False)
    split = tmp_path / "config/_default"  # the same, in a configuration split into files
    split.mkdir(parents=True)
    (split / "params.yaml").write_text("mainsections: [notes]\n")
    (tmp_path / "hugo.toml").write_text('baseURL = "https://old.example.org/"\n')
    assert {p.article.title: p.article.page for p in read_hugo(tmp_path).posts} == found


def test_a_base_url_without_scheme_is_taken_as_https(tmp_path: Path) -> None:
    """'baseURL = "www.example.org"' named the site, yet counted as no address: links to
    pages not imported became comments rather than addresses on the old site."""
    write_tree(
        tmp_path,
        """
        -- hugo.toml --
        baseURL = "www.example.org/blog/"
        -- content/posts/a.md --
        ---
        title: A
        ---
        Text.
        """,
    )
    blog = read_hugo(tmp_path)
    assert blog.site_url == "https://www.example.org/blog/"
    assert "baseURL names no scheme: the old site is taken as https://www.example.org/blog/" in (
        blog.notes
    )
    (tmp_path / "hugo.toml").write_text('baseURL = "/"\n')
    assert read_hugo(tmp_path).site_url is None


def test_papermods_search_and_archives_pages_are_left_out(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        """
        -- hugo.toml --
        baseURL = "https://old.example.org/"
        -- content/posts/walk.md --
        ---
        title: Walk
        date: 2020-01-01
        ---
        Walk.
        -- content/search.md --
        ---
        title: Search
        layout: search
        ---
        -- content/archives.md --
        ---
        title: Archive
        layout: archives
        url: /archives/
        summary: archives
        ---
        -- content/about.md --
        ---
        title: About
        ---
        Who.
        -- content/empty.md --
        ---
        title: Empty
        ---
        """,
    )
    blog = read_hugo(tmp_path)
    assert [(p.article.title, p.article.page) for p in blog.posts] == [
        ("About", True),
        ("Walk", False),
    ]
    assert blog.skipped == {
        "listing, archive or search page (the theme's here)": 2,
        "page without text (its layout made it)": 1,
    }


def test_pages_section_and_dated_top_level_files_beside_the_posts(tmp_path: Path) -> None:
    """content/pages/ holds pages; a dated file at the top, beside the posts' sections, is a
    page as Hugo makes it (of the home section), and its note says so and how to change it."""
    write_tree(
        tmp_path,
        """
        -- hugo.toml --
        baseURL = "https://old.example.org/"
        -- content/posts/walk.md --
        ---
        title: Walk
        date: 2020-01-01
        ---
        -- content/pages/about.md --
        ---
        title: About
        date: 2020-01-01
        ---
        Who.
        -- content/news.md --
        ---
        title: News
        date: 2021-03-04
        ---
        What is new.
        -- content/contact.md --
        ---
        title: Contact
        ---
        Write.
        """,
    )
    found = {p.article.title: p.article for p in read_hugo(tmp_path).posts}
    assert {title: a.page for title, a in found.items()} == {
        "Walk": False,
        "About": True,  # pages/ holds pages, and is no section of the posts
        "News": True,
        "Contact": True,
    }
    assert found["News"].notes == (
        "it has a date but is at the top of the content folder, outside the sections of the"
        " posts (posts/): Hugo makes it a page of the home section (of type 'page', not listed"
        " with the posts), so it is a page here; to make it an article, move its file out of"
        " content/pages/ into content/",
    )
    assert found["About"].notes == found["Contact"].notes == ()
    (tmp_path / "content/posts/walk.md").unlink()  # the posts at the top, pages/ beside them
    found = {p.article.title: p.article for p in read_hugo(tmp_path).posts}
    assert {title: a.page for title, a in found.items()} == {
        "About": True,
        "News": False,
        "Contact": False,
    }


def test_every_page_with_an_unreadable_header_is_reported_in_one_run(tmp_path: Path) -> None:
    twice = "---\ntitle: A\nsummary: one\nsummary: two\n---\nText.\n"
    write_tree(
        tmp_path,
        f"-- posts/first.md --\n{twice}"
        "-- posts/fine.md --\n---\ntitle: B\n---\n"
        f"-- posts/second.md --\n{twice}",
    )
    with pytest.raises(BuildFailed) as failed:
        read_hugo(tmp_path)
    assert [(Path(e.path or "").name, e.line) for e in failed.value.errors] == [
        ("first.md", 4),
        ("second.md", 4),
    ]


MULTILINGUAL = """
-- hugo.toml --
baseURL = "https://old.example/"
DefaultContentLanguage = "en"
[languages.en]
weight = 1
[languages.fr]
contentDir = "content/fr"
[languages.de]
weight = 3
-- content/posts/walks.md --
---
title: Walks
---
-- content/posts/walks.de.md --
---
title: Spaziergänge
---
-- content/posts/rest.en.md --
---
title: Rest
---
-- content/posts/trip/index.en.md --
---
title: Trip
---
-- content/posts/trip/index.de.md --
---
title: Reise
---
-- content/posts/_index.en.md --
---
title: Posts
---
-- content/fr/posts/walks.md --
---
title: Marches
---
-- content/fr/posts/_index.md --
---
title: Articles
---
"""


@pytest.mark.parametrize("subdir", [False, True])
def test_a_multilingual_site_is_read_in_its_default_language(tmp_path: Path, subdir: bool) -> None:
    config = "defaultContentLanguageInSubdir = true\n" if subdir else ""
    write_tree(tmp_path, MULTILINGUAL.replace("[languages.en]\n", config + "[languages.en]\n"))
    blog = read_hugo(tmp_path)
    prefix = "/en" if subdir else ""
    assert {p.article.slug: p.article.aliases for p in blog.posts} == {
        "rest": (f"{prefix}/posts/rest/",),  # rest.en.md: in en, by its name
        "trip": (f"{prefix}/posts/trip/",),
        "walks": (f"{prefix}/posts/walks/",),
    }
    assert dict(blog.skipped) == {
        "page in de (only en, the default language, is read)": 2,
        "page in fr (only en, the default language, is read)": 2,  # its contentDir's
        "section list (_index)": 1,
    }
    (note,) = [n for n in blog.notes if "languages" in n]
    assert note.startswith("the old site is in 3 languages: its pages in its default language, en")
    assert note.endswith('configuration says defaultContentLanguage = "fr"')


def test_a_site_of_one_language_reads_a_name_in_it_as_hugo_does(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        """
        -- hugo.toml --
        defaultContentLanguage = "fr"
        -- content/posts/repos.fr.md --
        ---
        title: Repos
        ---
        -- content/posts/notes.en.md --
        ---
        title: Notes
        ---
        """,
    )
    blog = read_hugo(tmp_path)
    assert sorted(p.article.slug for p in blog.posts) == ["notes.en", "repos"]  # en: no language
    assert not blog.skipped and not [n for n in blog.notes if "languages" in n]


BUNDLE = """
-- hugo.toml --
baseURL = "https://old.example/"
{languages}[permalinks]
posts = "/:year/:slug/"
-- {folder}/{index} --
---
title: Walks
date: 2020-01-01
tags: [walking]
---
![A path in a wood](photo.png)
-- {folder}/photo.png --
png
-- {folder}/notes.md --
---
title: Notes
---
A page resource its page's theme shows, no page of its own.
"""


@pytest.mark.parametrize(
    ("languages", "folder", "index"),
    [
        ("", "content/posts/walks", "index.en.md"),  # one language, en by default
        ('defaultContentLanguage = "de"\n', "content/posts/walks", "index.de.md"),
        ("[languages.en]\n[languages.fr]\n", "content/posts/walks", "index.en.md"),
        (
            '[languages.en]\ncontentDir = "content/en"\n[languages.fr]\n',
            "content/en/posts/walks",
            "index.en.md",
        ),
        ("", "content/posts/walks", "index.md"),  # as it was
    ],
)
def test_a_bundle_whose_page_is_named_in_the_default_language_is_a_bundle(
    tmp_path: Path, languages: str, folder: str, index: str
) -> None:
    """A page bundle whose page is ``index.en.md`` (``index.<lang>.md`` in the site's default
    language, by its name or in its language's contentDir) is one as ``index.md``'s is: its
    other Markdown file was imported as a page of its own, and in a contentDir the bundle
    was read as a page named ``index.en``, its files left where Hugo does not serve them."""
    write_tree(
        tmp_path,
        BUNDLE.replace("{languages}", languages)
        .replace("{folder}", folder)
        .replace("{index}", index),
    )
    blog = read_hugo(tmp_path)
    assert [(p.article.slug, p.article.aliases) for p in blog.posts] == [
        ("walks", ("/2020/walks/",))
    ]
    assert dict(blog.skipped) == {"page bundle resource": 1}  # notes.md
    assert blog.files == {
        "/2020/walks/notes.md": tmp_path / folder / "notes.md",
        "/2020/walks/photo.png": tmp_path / folder / "photo.png",
    }
