"""A Jekyll collection's documents: the addresses Jekyll gives them, article or page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from articlegen.authoring.jekyll import read_jekyll
from articlegen.authoring.jekyllcollections import (
    Collection,
    document_path,
    permalink_suffix,
    published_collections,
    slugify,
)
from tests.conftest import write_tree


@pytest.mark.parametrize(
    ("site", "template"),
    [
        ({}, "/:collection/:path:output_ext"),  # Jekyll's default style, date
        ({"permalink": "date"}, "/:collection/:path:output_ext"),
        ({"permalink": "none"}, "/:collection/:path:output_ext"),
        ({"permalink": "ordinal"}, "/:collection/:path:output_ext"),
        ({"permalink": "pretty"}, "/:collection/:path/"),
        ({"permalink": "/:year/:title/"}, "/:collection/:path/"),
        ({"permalink": "/:year/:title:output_ext"}, "/:collection/:path:output_ext"),
        ({"permalink": "/:year/:title"}, "/:collection/:path"),  # no ending: none added
        ({"permalink": "weekdate"}, "/:collection/:path"),  # not among Jekyll's three
    ],
)
def test_a_collections_pattern_ends_as_the_sites_permalink_style(
    site: dict[str, Any], template: str
) -> None:
    config = site | {"collections": {"guides": {"output": True}}}
    assert published_collections(config) == (Collection("guides", "_guides", template),)


def test_only_collections_jekyll_writes_are_published_and_collections_dir_holds_them() -> None:
    config = {
        "collections_dir": "/library/",
        "collections": {
            "guides": {"output": True, "permalink": "/g/:name/"},
            "notes": {"output": False},
            "drafts_box": {},
            "posts": {"output": True},  # the posts, read as posts
        },
    }
    assert published_collections(config) == (Collection("guides", "library/_guides", "/g/:name/"),)
    assert published_collections({"collections": ["guides"]}) == ()  # a list: output unset


def test_permalink_suffix_is_jekylls_add_permalink_suffix() -> None:
    assert permalink_suffix("/:basename", "pretty") == "/:basename/"
    assert permalink_suffix("/:basename", "date") == "/:basename:output_ext"
    assert permalink_suffix("/:basename", "/:year/:month/:title/") == "/:basename/"
    assert permalink_suffix("/:basename", "/:year/:month/:title") == "/:basename"


GUIDES = Collection("guides", "_guides", "/:collection/:path:output_ext")


@pytest.mark.parametrize(
    ("template", "inside", "fields", "path"),
    [
        ("/:collection/:path:output_ext", "heart/salt.md", {}, "/guides/heart/salt.html"),
        ("/:collection/:path/", "heart/salt.md", {}, "/guides/heart/salt/"),
        ("/:collection/:path:output_ext", "walk.html", {}, "/guides/walk.html"),
        ("/g/:name/", "2019-05-14-Walk Fast.md", {}, "/g/2019-05-14-walk-fast/"),
        ("/g/:title/", "2019-05-14-Walk Fast.md", {}, "/g/Walk-Fast/"),  # no date, case kept
        ("/g/:slug/", "2019-05-14-Walk Fast.md", {}, "/g/walk-fast/"),
        ("/g/:title/", "walk.md", {"slug": "Brisk walks"}, "/g/Brisk-walks/"),
        ("/g/:year/:month/:title/", "2019-05-14-walk.md", {}, "/g/2019/05/walk/"),
        ("/:categories/:title.html", "walk.md", {"categories": "Heart Health"}, "/heart/health/walk.html"),
        ("/:collection/:path:output_ext", "walk.md", {"permalink": "/x/:title/"}, "/x/walk/"),
        ("/:collection/:path:output_ext", "walk.md", {"permalink": "/walking/"}, "/walking/"),
        ("/:collection/:path:output_ext", "notes...md", {}, "/guides/notes.html"),
    ],
)  # fmt: skip
def test_a_documents_address_fills_jekylls_placeholders(
    template: str, inside: str, fields: dict[str, Any], path: str
) -> None:
    collection = Collection("guides", "_guides", template)
    date = dt.date(2019, 5, 14) if inside.startswith("2019") else None
    assert document_path(collection, inside, fields, date, "") == path


def test_a_documents_address_is_under_the_baseurl() -> None:
    assert document_path(GUIDES, "salt.md", {}, None, "/blog") == "/blog/guides/salt.html"


def test_slugify_is_jekylls_default_and_pretty_modes() -> None:
    assert slugify("The _config.yml file") == "the-config-yml-file"
    assert slugify("The _config.yml file", pretty=True) == "The-_config.yml-file"
    assert slugify("--Zinc & Sleep--") == "zinc-sleep"


def test_a_document_with_a_date_or_terms_is_an_article_and_others_are_pages(
    tmp_path: Path,
) -> None:
    write_tree(
        tmp_path,
        """
        -- _config.yml --
        timezone: Europe/Berlin
        collections_dir: library
        collections:
          guides:
            output: true
            permalink: /guides/:year/:title/
        defaults:
          - scope: {type: guides}
            values: {author: Example Author}
        -- library/_guides/2019-05-14-walks.md --
        ---
        title: Walks
        ---
        Walk.
        -- library/_guides/sleep.md --
        ---
        title: Sleep
        date: March 4, 2019
        ---
        Sleep.
        -- library/_guides/salt.html --
        ---
        title: Salt
        category: Heart
        ---
        <p>Less salt.</p>
        -- library/_guides/about.md --
        ---
        title: About the guides
        published: false
        ---
        Who.
        -- library/_guides/index.md --
        ---
        layout: archive
        ---
        """,
    )
    blog = read_jekyll(tmp_path)
    found = {post.article.title: post.article for post in blog.posts}
    assert sorted(found) == ["About the guides", "Salt", "Sleep", "Walks"]
    walks, sleep, salt, about = (found[t] for t in ("Walks", "Sleep", "Salt", "About the guides"))
    assert (walks.page, sleep.page, salt.page, about.page) == (False, False, False, True)
    assert walks.date == dt.date(2019, 5, 14) and walks.aliases == ("/guides/2019/walks/",)
    assert sleep.date == dt.date(2019, 3, 4)  # read in words, as Ruby reads it
    assert sleep.aliases == ("/guides/2019/sleep/",)
    assert salt.date is None and salt.tags == ("Heart",)
    assert walks.author == "Example Author"  # the collection's defaults
    assert about.draft  # published: false, as a post's
    assert any("date Jekyll gives an undated document" in n for n in about.notes)
    assert dict(blog.skipped) == {"listing, archive or search page (the theme's here)": 1}


def test_posts_in_collections_dir_take_no_category_from_it(tmp_path: Path) -> None:
    """With collections_dir, Jekyll reads the posts from library/_posts: library is where
    the collections are kept, not a category in their addresses (/library/2020/…)."""
    write_tree(
        tmp_path,
        """
        -- _config.yml --
        collections_dir: library
        -- library/_posts/2020-01-01-rest.md --
        ---
        title: Rest
        ---
        -- library/news/_posts/2020-01-02-clinic.md --
        ---
        title: Clinic
        ---
        """,
    )
    aliases = [post.article.aliases for post in read_jekyll(tmp_path).posts]
    assert aliases == [("/2020/01/01/rest.html",), ("/news/2020/01/02/clinic.html",)]


def test_exclude_applies_inside_a_collection_and_include_takes_back(tmp_path: Path) -> None:
    """Jekyll filters a collection's documents with the site's ``exclude:`` and ``include:``
    as it does the site's own files: an excluded folder or file of ``_guides`` is not
    published, so it is not imported; one ``include:`` names is."""
    write_tree(
        tmp_path,
        """
        -- _config.yml --
        collections:
          guides: {output: true}
        exclude: [_guides/drafts, "*.wip.md", _guides/kept.md]
        include: [kept.md]
        -- _guides/walks.md --
        ---
        title: Walks
        ---
        Text.
        -- _guides/drafts/sleep.md --
        ---
        title: Sleep
        ---
        Text.
        -- _guides/salt.wip.md --
        ---
        title: Salt
        ---
        Text.
        -- _guides/kept.md --
        ---
        title: Kept
        ---
        Text.
        """,
    )
    titles = sorted(post.article.title for post in read_jekyll(tmp_path).posts)
    assert titles == ["Kept", "Walks"]


def test_a_folder_both_included_and_a_collection_is_imported_once(tmp_path: Path) -> None:
    """``_pages`` named in ``include:`` and declared a published collection is read by
    Jekyll as pages and as documents; the documents, written last, are what it served, so
    each file is one page here, at the collection's address."""
    write_tree(
        tmp_path,
        """
        -- _config.yml --
        include: [_pages]
        collections:
          pages: {output: true, permalink: /:path/}
        -- _pages/about.md --
        ---
        title: About
        ---
        Who.
        """,
    )
    (about,) = read_jekyll(tmp_path).posts
    assert about.article.title == "About" and about.article.aliases == ("/about/",)
