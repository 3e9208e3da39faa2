"""Jekyll sites → posts: permalink rules, front-matter mapping, Liquid kept or converted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from articlegen.authoring.jekyll import is_jekyll_site, read_jekyll
from articlegen.core.errors import BuildFailed, SourceError
from tests.conftest import write_tree

FIXTURE = Path(__file__).parents[1] / "fixtures" / "blogs" / "jekyll"


def _site(tmp_path: Path, config: str, post: str, name: str = "_posts/2019-05-14-old-post.md"):
    write_tree(tmp_path, f"-- _config.yml --\n{config}\n-- {name} --\n{post}\n")
    return read_jekyll(tmp_path)


def test_the_fixture_reads_every_post_and_counts_drafts() -> None:
    blog = read_jekyll(FIXTURE)
    assert [Path(p.origin).name for p in blog.posts] == [
        "2019-05-14-morning-walks.md",
        "2020-01-03-sleep-and-recovery.markdown",
        "2021-03-01-clinic-news.md",
    ]
    assert dict(blog.skipped) == {"draft (_drafts)": 1}
    assert blog.site_url == "https://jekyll.example.org"
    assert is_jekyll_site(FIXTURE)


def test_site_permalink_with_categories_from_header_and_folder() -> None:
    walk, sleep, news = (p.article for p in read_jekyll(FIXTURE).posts)
    assert walk.aliases == ("/fitness/2019/05/morning-walks/", "/walking/")  # + redirect_from
    assert sleep.aliases == ("/sleep/",)  # the post's own permalink
    assert news.aliases == ("/news/2021/03/clinic-news/",)  # news/_posts: category "news"


@pytest.mark.parametrize(
    ("permalink", "path"),
    [
        ("date", "/health/2019/05/14/old-post.html"),
        ("pretty", "/health/2019/05/14/old-post/"),
        ("none", "/health/old-post.html"),
        ("ordinal", "/health/2019/134/old-post.html"),
        ("/:year/:i_month/:i_day/:title", "/2019/5/14/old-post"),
        ("/blog/:short_year/:slug/", "/blog/19/old-post/"),
    ],
)
def test_permalink_styles_and_placeholders(tmp_path: Path, permalink: str, path: str) -> None:
    post = "---\ntitle: Old\ncategories: [Health]\n---\nText.\n"
    blog = _site(tmp_path, f"permalink: {permalink}", post)
    assert blog.posts[0].article.aliases == (path,)


def test_default_permalink_is_date_and_baseurl_is_kept(tmp_path: Path) -> None:
    blog = _site(tmp_path, 'baseurl: "/blog"\nurl: https://x.example', "---\ntitle: Old\n---\n")
    assert blog.posts[0].article.aliases == ("/blog/2019/05/14/old-post.html",)
    assert blog.site_url == "https://x.example/blog"


def test_baseurl_written_before_post_url_is_not_doubled(tmp_path: Path) -> None:
    """'[x]({{ site.baseurl }}{% post_url … %})', GitHub Pages' (Jekyll 3's) way to link under
    the baseurl, gave /blog/blog/2019/05/14/old-post.html: the tag's path here already holds
    the baseurl, so the link matched no post and was sent to the old site."""
    post = (
        "---\ntitle: Old\n---\n[a]({{ site.baseurl }}{% post_url 2019-05-14-old-post %}) "
        "[b]({{site.baseurl}}{%- link _posts/2019-05-14-old-post.md -%}) "
        "[c]({{ site.baseurl }}/about/)\n"
    )
    blog = _site(tmp_path, 'baseurl: "/blog"', post)
    assert blog.posts[0].article.body.strip() == (
        "[a](/blog/2019/05/14/old-post.html) [b](/blog/2019/05/14/old-post.html) [c](/blog/about/)"
    )


def test_a_published_collections_documents_are_read_and_an_unpublished_ones_are_not(
    tmp_path: Path,
) -> None:
    """A real blog kept most of its text in a collection (_series, output: true): the import
    read _posts alone and only counted the documents it left behind. Jekyll publishes
    _series' documents, so they are read; _notes' (output: false) it does not, so they are
    neither read nor counted."""
    write_tree(
        tmp_path,
        """
        -- _config.yml --
        collections:
          series: {output: true}
          notes: {output: false}
        -- _series/python/01-intro.md --
        ---
        title: Intro
        ---
        Start.
        -- _series/python/02-more.md --
        ---
        title: More
        tags: [python]
        ---
        More.
        -- _series/python/README.md --
        No header: Jekyll copies it as it is.
        -- _notes/a.md --
        ---
        title: Note
        ---
        -- _posts/2020-01-01-a.md --
        ---
        title: A
        ---
        """,
    )
    blog = read_jekyll(tmp_path)
    found = {post.article.title: post.article for post in blog.posts}
    assert list(found) == ["A", "Intro", "More"]
    assert (found["Intro"].page, found["More"].page) == (True, False)  # tags: a post's
    assert found["Intro"].aliases == ("/series/python/01-intro.html",)
    assert dict(blog.skipped) == {}


def test_dates_take_the_header_time_in_the_site_timezone() -> None:
    walk, sleep, news = (p.article for p in read_jekyll(FIXTURE).posts)
    assert walk.date == dt.datetime(2019, 5, 14, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert sleep.date == dt.datetime(2020, 1, 3, 7, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    assert news.date == dt.date(2021, 3, 1)  # from the file name
    assert sleep.updated == dt.date(2020, 2, 1)  # last_modified_at


def test_front_matter_maps_to_ours_and_unknown_keys_are_noted_once() -> None:
    blog = read_jekyll(FIXTURE)
    walk, sleep, news = (p.article for p in blog.posts)
    assert walk.tags == ("fitness", "blood pressure", "habits")
    assert walk.description == "Why a short walk each morning matters."
    assert walk.author == "Example Author"  # from _config.yml defaults
    assert (walk.comments, sleep.comments) == (True, False)
    assert news.draft  # published: false
    assert [n for n in blog.notes if "front-matter" in n] == [
        "front-matter key 'toc' (2 posts) has no equivalent here and was left out"
    ]


def test_liquid_is_converted_or_kept_as_text_with_one_note_per_kind() -> None:
    blog = read_jekyll(FIXTURE)
    walk, sleep, news = (p.article.body for p in blog.posts)
    assert "![A path through a park](/assets/images/walk.png)" in walk  # {{ site.baseurl }}
    assert "[how sleep helps recovery](/sleep/)" in walk  # {% post_url %}
    assert "```python\nsteps = 6000\n```" in walk  # {% highlight %}
    assert "{% include newsletter.html %}" in walk
    assert "`{{ page.title }}` in code" in sleep  # code is left alone
    assert "(/fitness/2019/05/morning-walks/)" in news  # | relative_url
    kept = [n for n in blog.notes if "kept as text" in n]
    assert len(kept) == 2
    assert kept[0].startswith("Liquid tag {% include %} kept as text in 1 post (")
    walks = FIXTURE / "_posts/2019-05-14-morning-walks.md"
    assert f"({walks}:23)" in kept[0]  # the post's file at the tag's line


def test_liquid_kept_as_text_is_escaped_for_markdown(tmp_path: Path) -> None:
    blog = _site(tmp_path, "", "---\ntitle: T\n---\n{% include my_box.html %} and {{ x | y }}\n")
    assert blog.posts[0].article.body == "{% include my\\_box.html %} and {{ x | y }}\n"


def test_an_html_post_is_converted_and_a_title_made_from_the_file_name(tmp_path: Path) -> None:
    blog = _site(
        tmp_path,
        "",
        "---\nlayout: post\n---\n<p>Hello <b>there</b></p>",
        "_posts/2019-05-14-a-b.html",
    )
    post = blog.posts[0].article
    assert (post.title, post.body) == ("A b", "Hello **there**\n")
    assert "no title" in post.notes[0]


def test_the_posts_collection_permalink_wins_over_the_site_one(tmp_path: Path) -> None:
    config = "permalink: date\ncollections:\n  posts:\n    permalink: /news/:year/:title/"
    blog = _site(tmp_path, config, "---\ntitle: Old\n---\n")
    assert blog.posts[0].article.aliases == ("/news/2019/old-post/",)


@pytest.mark.parametrize(
    ("tag", "path"),
    [
        ("{% link _docs/history.md %}", "/docs/history.html"),  # as the site's permalinks end
        ("{% link about.md %}", "/about.html"),
        ("{% link blog/index.html %}", "/blog/"),
        ("{% link _posts/2019-05-14-old-post.md %}", "/2019/05/14/old-post.html"),
    ],
)
def test_liquid_link_gives_the_page_address(tmp_path: Path, tag: str, path: str) -> None:
    blog = _site(tmp_path, "", f"---\ntitle: T\n---\n[x]({tag})\n")
    assert blog.posts[0].article.body == f"[x]({path})\n"


def test_liquid_link_to_a_page_gives_the_address_the_page_was_read_at(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        """
        -- _config.yml --
        permalink: /:year/:title/
        -- _posts/2019-05-14-walks.md --
        ---
        title: Walks
        ---
        [us]({% link pages/about.md %}), [setup]({% link docs/setup.md %}), [h]({% link _docs/h.md %})
        -- pages/about.md --
        ---
        title: About
        permalink: /about-us/
        ---
        Who.
        -- docs/setup.md --
        ---
        title: Setup
        ---
        How.
        """,
    )
    walks = read_jekyll(tmp_path).posts[0].article
    assert walks.body == "[us](/about-us/), [setup](/docs/setup/), [h](/docs/h/)\n"
    (tmp_path / "_config.yml").write_text("permalink: date\n")
    walks = read_jekyll(tmp_path).posts[0].article
    assert walks.body == "[us](/about-us/), [setup](/docs/setup.html), [h](/docs/h.html)\n"


def test_the_sites_own_pages_become_pages_at_their_old_addresses(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        """
        -- _config.yml --
        url: "https://old.example.org"
        -- _posts/2019-05-14-walks.md --
        ---
        title: Walks
        ---
        -- about.md --
        ---
        title: About us
        description: Who writes here
        ---
        We write about health.
        -- contact/index.md --
        ---
        title: Contact
        redirect_from: /write-to-us/
        ---
        Write to us.
        -- team.md --
        ---
        title: Team
        permalink: /people/
        ---
        Who we are.
        -- README.md --
        # A repository file, without front matter: Jekyll copies it, it is no page
        -- index.md --
        ---
        layout: home
        ---
        -- 404.md --
        ---
        title: Not found
        ---
        -- _includes/footer.md --
        ---
        title: An include
        ---
        """,
    )
    blog = read_jekyll(tmp_path)
    pages = {p.article.title: p.article for p in blog.posts if p.article.page}
    assert [p.article.title for p in blog.posts if not p.article.page] == ["Walks"]
    assert {title: page.aliases for title, page in pages.items()} == {
        "About us": ("/about.html",),  # the default permalinks end in .html
        "Contact": ("/contact/", "/write-to-us/"),
        "Team": ("/people/",),
    }
    about = pages["About us"]
    assert (about.slug, about.description, about.date, about.body) == (
        "about", "Who writes here", None, "We write about health.\n"
    )  # fmt: skip
    assert pages["Contact"].slug == "contact"
    assert about.address == "https://old.example.org/about.html"
    assert blog.skipped["home or 404 page (the theme's here)"] == 2


def test_the_sites_pages_written_in_html_become_pages_converted_to_markdown(
    tmp_path: Path,
) -> None:
    """An ``about.html`` with front matter is a page Jekyll renders; it was neither
    imported nor counted as left out. Its listings are left out as a Markdown page's are."""
    write_tree(
        tmp_path,
        """
        -- _config.yml --
        permalink: pretty
        -- _posts/2019-05-14-walks.md --
        ---
        title: Walks
        ---
        -- about.html --
        ---
        layout: page
        title: About
        ---
        <p>We write about <strong>sleep</strong>.</p>
        -- archive.html --
        ---
        layout: default
        title: Archive
        ---
        <h2 class="title">Archive</h2>
        <ul>{% for post in site.posts %}<li>{{ post.title }}</li>{% endfor %}</ul>
        -- index.html --
        ---
        layout: default
        ---
        -- google0123.html --
        google-site-verification: google0123.html
        """,
    )
    blog = read_jekyll(tmp_path)
    (about,) = [post.article for post in blog.posts if post.article.page]
    assert (about.title, about.aliases, about.body) == (
        "About", ("/about/",), "We write about **sleep**.\n"
    )  # fmt: skip
    assert dict(blog.skipped) == {
        "home or 404 page (the theme's here)": 1,
        "listing page (a Liquid loop over the site's posts, tags or categories)": 1,
    }


def test_pages_end_in_a_slash_where_the_sites_permalinks_do(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        "-- _config.yml --\npermalink: pretty\nbaseurl: /blog\n"
        "-- about.md --\n---\ntitle: About\n---\nText.\n",
    )
    (page,) = read_jekyll(tmp_path).posts
    assert page.article.page and page.article.aliases == ("/blog/about/",)


def test_pages_follow_include_and_exclude_and_an_unreadable_one_is_skipped(
    tmp_path: Path,
) -> None:
    write_tree(
        tmp_path,
        """
        -- _config.yml --
        include: [_pages]
        exclude: [drafts/, "notes-*.md"]
        -- _pages/about.md --
        ---
        title: About
        permalink: /about/
        ---
        Who.
        -- _pages/404.md --
        ---
        permalink: /404.html
        ---
        Lost.
        -- _layouts/page.md --
        ---
        title: A layout
        ---
        Not a page.
        -- drafts/plan.md --
        ---
        title: Plan
        ---
        Never published.
        -- notes-2020.md --
        ---
        title: Notes
        ---
        Never published.
        -- broken.md --
        ---
        title: [unclosed
        ---
        Text.
        """,
    )
    blog = read_jekyll(tmp_path)
    assert [(p.article.title, p.article.aliases) for p in blog.posts] == [("About", ("/about/",))]
    assert blog.skipped == {
        "home or 404 page (the theme's here)": 1,
        "page whose header cannot be read": 1,
    }
    (note,) = blog.notes
    assert note.startswith(f"{tmp_path / 'broken.md'}:2: ")
    assert note.endswith("that page was left out, as Jekyll leaves it out")


def test_a_post_with_an_unreadable_header_still_fails(tmp_path: Path) -> None:
    with pytest.raises(BuildFailed) as failed:
        _site(tmp_path, "", "---\ntitle: [unclosed\n---\nText.\n")
    assert [type(error) for error in failed.value.errors] == [SourceError]


def test_every_post_with_an_unreadable_header_is_reported_in_one_run(tmp_path: Path) -> None:
    twice = "---\ntitle: A\nexcerpt: one\nexcerpt: [two\n---\nText.\n"
    write_tree(
        tmp_path,
        f"-- _posts/2019-05-14-first.md --\n{twice}"
        "-- _posts/2019-05-15-fine.md --\n---\ntitle: B\n---\n"
        f"-- _posts/2019-05-16-second.md --\n{twice}",
    )
    with pytest.raises(BuildFailed) as failed:
        read_jekyll(tmp_path)
    assert [(Path(e.path or "").name, e.line) for e in failed.value.errors] == [
        ("2019-05-14-first.md", 4),
        ("2019-05-16-second.md", 4),
    ]


def test_the_themes_listing_pages_are_left_out(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        """
        -- tags.md --
        ---
        title: Tags
        permalink: /tags/
        ---
        {% for tag in site.tags %}
        <h2 id="{{ tag[0] }}">{{ tag[0] }}</h2>
        {% for post in tag[1] %}<a href="{{ post.url }}">{{ post.title }}</a> Read more{% endfor %}
        {% endfor %}
        -- blog/index.md --
        ---
        title: Blog
        ---
        # All posts

        {% for post in paginator.posts %}
        - [{{ post.title }}]({{ post.url }})
        {% endfor %}
        -- archive.md --
        ---
        title: Archive
        layout: archive-taxonomy
        ---
        -- year.md --
        ---
        title: By year
        ---
        -- about.md --
        ---
        title: About
        ---
        We write about health. The latest posts:

        {% for post in site.posts limit:3 %}- {{ post.title }}{% endfor %}
        """,
    )
    blog = read_jekyll(tmp_path)
    assert [p.article.title for p in blog.posts] == ["About"]  # its own text comes first
    assert blog.skipped == {
        "listing page (a Liquid loop over the site's posts, tags or categories)": 2,
        "listing, archive or search page (the theme's here)": 1,
        "page without text (its layout made it)": 1,
    }


def test_tags_and_categories_written_as_text_are_split_at_spaces_as_jekyll_does(
    tmp_path: Path,
) -> None:
    post = "---\ntitle: Old\ntags: heart salt\ncategories: Fitness\ncategory: Men Health\n---\n"
    (read,) = _site(tmp_path, "", post).posts
    assert read.article.tags == ("Fitness", "Men Health", "heart", "salt")


@pytest.mark.parametrize("name", ["0000-12-30-template.md", "2020-02-30-typo.md"])
def test_a_post_whose_file_name_gives_no_real_day_is_skipped_and_counted(
    tmp_path: Path, name: str
) -> None:
    blog = _site(tmp_path, "", "---\ntitle: Sample\n---\nText.\n", name=f"_posts/{name}")
    assert blog.posts == []
    assert dict(blog.skipped) == {"file name's date is no day of years 1 to 9999": 1}


def test_a_header_date_stands_for_a_file_name_that_gives_no_real_day(tmp_path: Path) -> None:
    post = "---\ntitle: Sample\ndate: 2020-03-01\n---\nText.\n"
    blog = _site(tmp_path, "", post, name="_posts/2020-02-30-typo.md")
    assert blog.posts[0].article.date == dt.date(2020, 3, 1)


def test_hidden_and_backup_files_of_posts_are_left_out_as_jekyll_leaves_them(
    tmp_path: Path,
) -> None:
    post = "---\ntitle: Walks\n---\nText.\n"
    write_tree(
        tmp_path,
        f"-- _posts/2019-05-14-walks.md --\n{post}"
        f"-- _posts/.ipynb_checkpoints/2019-05-14-walks-checkpoint.md --\n{post}"
        f"-- _posts/2019-05-14-walks.md~ --\n{post}"
        f"-- _posts/_unused/2019-05-15-old.md --\n{post}",
    )
    blog = read_jekyll(tmp_path)
    assert [Path(p.origin).name for p in blog.posts] == ["2019-05-14-walks.md"]
    assert dict(blog.skipped) == {"hidden or backup file (.name, _name, #name, name~)": 2}


def test_draft_true_makes_a_draft_as_published_false_does(tmp_path: Path) -> None:
    blog = _site(tmp_path, "", "---\ntitle: Unfinished\ndraft: true\n---\nText.\n")
    assert blog.posts[0].article.draft
    assert not any("'draft'" in note for note in blog.notes)


def test_an_articlegen_site_made_in_the_old_blog_is_not_read_as_its_pages(tmp_path: Path) -> None:
    """articlegen init run in a Jekyll blog, then import .: the new site's own folders (its
    welcome article, a built page) are not pages of the old blog."""
    page = "---\ntitle: About\n---\nText.\n"
    write_tree(
        tmp_path,
        f"-- _config.yml --\ntitle: Old\n-- about.md --\n{page}"
        f"-- site.yaml --\ntitle: New\n-- content/welcome.md --\n{page}"
        f"-- templates/note.md --\n{page}-- public/x.md --\n{page}",
    )
    assert [Path(p.origin).name for p in read_jekyll(tmp_path).posts] == ["about.md"]
    (tmp_path / "site.yaml").unlink()  # a Jekyll blog's own content/ folder is read
    assert len(read_jekyll(tmp_path).posts) == 4


def test_a_key_written_twice_keeps_its_last_value_as_jekyll_does(tmp_path: Path) -> None:
    """Ruby's YAML reads a repeated key as its last value, so Jekyll blogs have such posts:
    imported with that value, and a note naming the file, line and key."""
    post = "---\ntitle: First\ntags: [a]\ntitle: Second\nauthor:\n  name: X\n  name: Y\n---\n"
    blog = _site(tmp_path, "title: One\ntitle: Two", post)
    article = blog.posts[0].article
    assert (article.title, article.tags) == ("Second", ("a",))
    shown = str(tmp_path / "_posts/2019-05-14-old-post.md")
    assert [n for n in article.notes if "duplicate" in n] == [
        f"{shown}:4: duplicate key 'title' (first set on line 2): the last value is kept, as "
        "Jekyll keeps it; check that it is the one meant",
        f"{shown}:7: duplicate key 'name' (first set on line 6): the last value is kept, as "
        "Jekyll keeps it; check that it is the one meant",
    ]


def test_a_page_with_a_key_written_twice_is_read_with_its_last_value(tmp_path: Path) -> None:
    write_tree(
        tmp_path, "-- _config.yml --\n\n-- about.md --\n---\ntitle: A\ntitle: About\n---\nHi.\n"
    )
    (page,) = read_jekyll(tmp_path).posts
    assert page.article.title == "About"
    assert "about.md:3: duplicate key 'title' (first set on line 2)" in page.article.notes[0]


@pytest.mark.parametrize(
    ("image", "expected"),
    [
        ("/assets/walk.jpg", ("/assets/walk.jpg", None)),
        ("\n  path: assets/seo.png\n  alt: A chart\n  width: 800", ("assets/seo.png", "A chart")),
        ("\n  path: assets/seo.png\n  height: 600", ("assets/seo.png", None)),
        ("\n  alt: no path", (None, None)),
        ("''", (None, None)),
    ],
)
def test_the_header_image_is_read_as_jekyll_seo_tag_reads_it(
    tmp_path: Path, image: str, expected: tuple[str | None, str | None]
) -> None:
    blog = _site(tmp_path, "", f"---\ntitle: T\nimage: {image}\n---\nText.\n")
    article = blog.posts[0].article
    assert (article.image, article.image_alt) == expected
    assert not [note for note in blog.notes if "'image'" in note]  # a key known here


@pytest.mark.parametrize("image", ["[a.png, b.png]", "\n  feature: walk.jpg", "\n  alt: no path"])
def test_a_header_image_in_another_form_is_noted_not_dropped_unsaid(
    tmp_path: Path, image: str
) -> None:
    """``image:`` is a key known here since f55fcc2, so a form it does not read (a list, a
    theme's ``feature:``) was dropped without the note an unknown key got before."""
    blog = _site(tmp_path, "", f"---\ntitle: T\nimage: {image}\n---\nText.\n")
    article = blog.posts[0].article
    assert article.image is None
    assert [note for note in article.notes if note.startswith("its image: ")] == [
        f"its image: {yaml_value(image)!r} is not a path or a mapping with 'path:', so it has "
        "no hero image: write 'image:' with its 'src' and 'alt' by hand"
    ]


def yaml_value(text: str) -> object:
    return yaml.safe_load(f"image: {text}")["image"]


def test_a_merge_key_in_a_header_or_the_config_is_read_as_jekyll_reads_it(
    tmp_path: Path,
) -> None:
    config = "shared: &shared\n  url: https://old.example\n  baseurl: /blog\n<<: *shared"
    post = "---\nsleep: &sleep\n  tags: [sleep]\n  comments: true\ntitle: Rest\n<<: *sleep\n---\n"
    blog = _site(tmp_path, config, post)
    assert blog.site_url == "https://old.example/blog"
    (read,) = blog.posts
    assert read.article.tags == ("sleep",)
    assert read.article.comments
    assert read.article.title == "Rest"


def test_a_merge_key_below_a_headers_top_level_is_read_as_jekyll_reads_it(
    tmp_path: Path,
) -> None:
    """Ruby's YAML merges a ``<<`` at any depth: a nested one in ``_config.yml`` (a
    collection's settings from another's) or in a post's header (an image's) no longer
    refuses the whole import."""
    config = (
        "collections:\n  guides: &published\n    output: true\n"
        "  notes:\n    <<: *published\n    permalink: /n/:path/\n"
        "site_defaults: &d\n  url: https://old.example\nsite:\n  <<: *d\nurl: https://old.example"
    )
    post = (
        "---\ntitle: Rest\nshared: &picture\n  alt: A quiet bedroom\nimage:\n  <<: *picture\n"
        "  path: /img/rest.jpg\n---\n"
    )
    blog = _site(tmp_path, config, post)
    (read,) = blog.posts
    assert read.article.title == "Rest"
    assert blog.site_url == "https://old.example"


def test_a_page_whose_only_text_is_a_script_or_form_is_left_out(tmp_path: Path) -> None:
    """A search page (an input, an empty list, a script filling it) was imported empty."""
    write_tree(
        tmp_path,
        """
        -- _config.yml --
        permalink: pretty
        -- search.html --
        ---
        layout: default
        title: Search
        ---
        <input type="text" id="search-input" placeholder="Search...">
        <ul id="results"></ul>
        <script src="/js/search.js"></script>
        <script>Search({ input: document.getElementById('search-input') })</script>
        """,
    )
    blog = read_jekyll(tmp_path)
    assert blog.posts == []
    assert dict(blog.skipped) == {
        "page without text of its own (a script, a form's controls: its layout's)": 1
    }


def test_a_page_of_a_player_images_or_a_forms_advice_is_kept(tmp_path: Path) -> None:
    """Pages showing only a video, images with alt text, or a form holding its advice were
    left out as if they had no text."""
    write_tree(
        tmp_path,
        """
        -- _config.yml --
        permalink: pretty
        -- video.md --
        ---
        title: Video
        ---
        <iframe src="https://www.youtube.com/embed/placeholder"></iframe>
        -- gallery.html --
        ---
        title: Gallery
        ---
        <img src="/a.png" alt="A placeholder room">
        -- contact.html --
        ---
        title: Contact
        ---
        <form action="/send"><p>Placeholder advice.</p><input name="q"><button>Go</button></form>
        """,
    )
    blog = read_jekyll(tmp_path)
    pages = {read.article.title: read.article.body for read in blog.posts}
    assert sorted(pages) == ["Contact", "Gallery", "Video"]
    assert "<p>Placeholder advice.</p>" in pages["Contact"]  # converted, it was lost
    assert dict(blog.skipped) == {}


def test_url_without_scheme_is_taken_as_https(tmp_path: Path) -> None:
    """'url: www.example.co.uk' named the site, yet counted as no address: links to pages not
    imported became comments rather than addresses on the old site."""
    blog = _site(tmp_path, "url: www.example.co.uk\nbaseurl: /blog", "---\ntitle: Old\n---\n")
    assert blog.site_url == "https://www.example.co.uk/blog"
    assert blog.notes == [
        "_config.yml's url names no scheme: the old site is taken as https://www.example.co.uk/blog"
    ]
    assert _site(tmp_path, "url: /blog", "---\ntitle: Old\n---\n").site_url is None
