"""WordPress exports (WXR) → posts: which items, and each field mapped to ours."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlegen.authoring.htmlimport import html_markdown
from articlegen.authoring.wordpress import is_wordpress_export, read_wordpress
from articlegen.authoring.wpcontent import autop, wordpress_html
from articlegen.core.errors import SourceError
from articlegen.markup.markdown import make_markdown, render_body

EXPORT = Path(__file__).parents[1] / "fixtures" / "blogs" / "wordpress" / "export.xml"

_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.1/"
  xmlns:excerpt="http://wordpress.org/export/1.1/excerpt/">
<channel><link>https://old.example.org</link>
"""


def _export(tmp_path: Path, *items: str) -> Path:
    path = tmp_path / "export.xml"
    path.write_text(_HEAD + "".join(items) + "</channel></rss>\n", encoding="utf-8")
    return path


def _item(**fields: str) -> str:
    values = {
        "title": "A post",
        "link": "https://old.example.org/a-post/",
        "wp:post_type": "post",
        "wp:status": "publish",
        "wp:post_name": "a-post",
        "content:encoded": "Text.",
    } | {key.replace("__", ":"): value for key, value in fields.items()}
    inner = "".join(f"<{k}><![CDATA[{v}]]></{k}>" for k, v in values.items())
    return f"<item>{inner}</item>\n"


def test_the_fixture_keeps_published_posts_and_pages_and_counts_the_rest() -> None:
    blog = read_wordpress(EXPORT)
    assert [p.article.title for p in blog.posts] == [
        "Morning Walks and Blood Pressure",
        "Sleep and Recovery",
        "About",
    ]
    assert dict(blog.skipped) == {
        "draft": 1,
        "private": 1,
        "attachment": 1,
        "nav menu item": 1,
        "revision": 1,
    }
    assert blog.site_url == "https://old.example.org"


def test_dates_carry_the_offset_between_local_and_gmt_times() -> None:
    walk, sleep, _ = (p.article for p in read_wordpress(EXPORT).posts)
    assert walk.date == dt.datetime(2019, 5, 14, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert sleep.date == dt.datetime(2020, 1, 3, 7, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    assert walk.updated == dt.datetime(2019, 6, 1, 18, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert sleep.updated is None  # modified == published: no 'updated'


def test_a_date_without_its_gmt_twin_stays_local(tmp_path: Path) -> None:
    path = _export(
        tmp_path,
        _item(wp__post_date="2021-02-02 10:00:00", wp__post_date_gmt="0000-00-00 00:00:00"),
    )
    assert read_wordpress(path).posts[0].article.date == dt.datetime(2021, 2, 2, 10)


def test_categories_and_tags_become_tags_without_uncategorized() -> None:
    walk, sleep, about = (p.article for p in read_wordpress(EXPORT).posts)
    assert walk.tags == ("Fitness", "Blood Pressure")
    assert sleep.tags == ("Sleep", "Recovery", "Fitness")
    assert about.tags == ()


def test_a_terms_escaped_name_becomes_the_tag_as_it_reads(tmp_path: Path) -> None:
    """WordPress stores 'Health & Fitness' as 'Health &amp; Fitness' and exports it so: the
    tag was written, and shown on its page, as 'Health &amp; Fitness'; an author's display
    name likewise."""
    terms = (
        '<category domain="category" nicename="health-fitness">'
        "<![CDATA[Health &amp; Fitness]]></category>"
        '<category domain="post_tag" nicename="q-a"><![CDATA[Q&amp;A &#8211; Men&#039;s]]>'
        "</category></item>"
    )
    author = (
        "<wp:author><wp:author_login><![CDATA[ex]]></wp:author_login><wp:author_display_name>"
        "<![CDATA[Example O&#039;Writer &amp; Co]]></wp:author_display_name></wp:author>"
    )
    item = _item(dc__creator="ex").replace("</item>", terms)
    post = read_wordpress(_export(tmp_path, author + item)).posts[0].article
    assert post.tags == ("Health & Fitness", "Q&A – Men's")
    assert post.author == "Example O'Writer & Co"


def test_excerpt_becomes_a_plain_text_description() -> None:
    walk, sleep, _ = (p.article for p in read_wordpress(EXPORT).posts)
    assert walk.description == "Why a short walk each morning matters."
    assert sleep.description is None


def test_comment_status_open_means_comments() -> None:
    assert [p.article.comments for p in read_wordpress(EXPORT).posts] == [True, False, False]


def test_permalink_path_becomes_the_alias_and_a_query_none(tmp_path: Path) -> None:
    walk, _, about = (p.article for p in read_wordpress(EXPORT).posts)
    assert walk.aliases == ("/2019/05/14/morning-walks/",)
    assert about.aliases == ("/about/",)
    post = read_wordpress(_export(tmp_path, _item(link="https://old.example.org/?p=7"))).posts[0]
    assert post.article.aliases == ()
    assert "query" in post.article.notes[0]


def test_pages_are_marked_as_pages() -> None:
    assert [p.article.page for p in read_wordpress(EXPORT).posts] == [False, False, True]


def test_author_is_the_display_name_and_slug_the_post_name() -> None:
    walk = read_wordpress(EXPORT).posts[0].article
    assert (walk.author, walk.slug) == ("Example Author", "morning-walks")


def test_block_editor_comments_more_and_caption_become_clean_markdown() -> None:
    walk = read_wordpress(EXPORT).posts[0]
    body = walk.article.body
    assert "wp:" not in body and "more" not in body
    assert "![A path through a park](<https://old.example.org/wp-content/uploads/2019/05/" in body
    assert "*A quiet path*" in body
    assert "## Why mornings" in body
    assert walk.article.notes == ("shortcodes kept as text: [gallery]; replace them with Markdown",)
    assert '\\[gallery ids="12,13"]' in body


def test_classic_editor_text_gets_paragraphs_and_a_video_line_a_player() -> None:
    body = read_wordpress(EXPORT).posts[1].article.body
    assert body.startswith("Classic editor text, no tags.\\\nA line break")
    assert '::: video https://www.youtube.com/watch?v=abcdefghijk "Video"' in body


def test_password_protected_and_scheduled_posts_are_skipped(tmp_path: Path) -> None:
    path = _export(tmp_path, _item(wp__post_password="secret"), _item(wp__status="future"))
    blog = read_wordpress(path)
    assert (blog.posts, dict(blog.skipped)) == ([], {"password-protected": 1, "scheduled": 1})


def test_an_untitled_post_gets_a_title_and_a_note(tmp_path: Path) -> None:
    post = read_wordpress(_export(tmp_path, _item(title="", wp__post_id="5"))).posts[0]
    assert post.article.title == "Untitled post 5"
    assert "no title" in post.article.notes[0]


def test_entity_declarations_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
        '<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>&b;</title>'
        "</channel></rss>\n",
        encoding="utf-8",
    )
    with pytest.raises(SourceError, match="declares XML entities"):
        read_wordpress(path)


def test_broken_xml_names_its_line(tmp_path: Path) -> None:
    path = _export(tmp_path, "<item><title>cut")
    with pytest.raises(SourceError) as raised:
        read_wordpress(path)
    assert raised.value.line is not None and "not well-formed XML" in raised.value.message


def test_detection_looks_for_the_export_namespace() -> None:
    assert is_wordpress_export(EXPORT.read_bytes())
    assert not is_wordpress_export(b'<?xml version="1.0"?><rss><channel></channel></rss>')


@pytest.mark.parametrize(
    ("content", "html"),
    [
        ("one\ntwo\n\nthree", "<p>one<br>\ntwo</p>\n\n<p>three</p>"),
        ("<h2>T</h2>\n\ntext", "<h2>T</h2>\n\n<p>text</p>"),
        ("<pre>a\n\nb</pre>", "<pre>a\n\nb</pre>"),
    ],
)
def test_autop(content: str, html: str) -> None:
    assert autop(content) == html


@pytest.mark.parametrize(
    ("content", "kept"),
    [
        ("[sic] and [1]", ()),
        ("[[gallery]]", ()),
        ('[gallery ids="1"] [audio src="a.mp3"][/audio]', ("gallery", "audio")),
        ('[my-plugin x="1"]', ("my-plugin",)),
        ("[embed]https://vimeo.com/123[/embed]", ()),
        ("[youtube abcdefghijk]", ()),
    ],
)
def test_shortcodes_kept_are_named(content: str, kept: tuple[str, ...]) -> None:
    assert wordpress_html(content).kept == kept


def test_escaped_shortcode_is_shown_as_written() -> None:
    assert wordpress_html("[[gallery]]").html == "<p>[gallery]</p>"


def test_embeds_become_players() -> None:
    html = wordpress_html("[embed]https://vimeo.com/123[/embed]").html
    assert '<iframe src="https://vimeo.com/123"' in html
    html = wordpress_html("[youtube abcdefghijk]").html
    assert "https://www.youtube.com/watch?v=abcdefghijk" in html


def test_https_namespaces_and_encoded_post_names(tmp_path: Path) -> None:
    path = _export(tmp_path, _item(wp__post_name="%ce%b5%ce%bb", wp__post_type="page"))
    text = path.read_text(encoding="utf-8").replace(
        "http://wordpress.org/", "https://wordpress.org/"
    )
    path.write_text(text, encoding="utf-8")
    (post,) = read_wordpress(path).posts
    assert post.article.slug == "ελ"
    assert post.origin.startswith(f"{path}: page ")


def test_a_web_address_alone_on_a_line_becomes_a_link() -> None:
    html = wordpress_html("Intro\n\nhttps://example.org/some_post\n").html
    assert '<a href="https://example.org/some_post">' in html


_PIECES = [*"ab [/]=\"'<>!-\n*_`#&;:", "caption", "gallery", "<!--more-->", "<p>", "</p>"]
_PIECES += ["<!-- wp:paragraph -->", "https://youtu.be/x", "[[", "]]"]
_CONTENT = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


@given(_CONTENT)
def test_any_content_becomes_markdown_that_renders(content: str) -> None:
    converted = wordpress_html(content)
    body = html_markdown(converted.html, "https://old.example.org/p/", "post")
    rendered = render_body(make_markdown(), body)
    assert [p for p in rendered.problems if "image" not in str(p)] == []
    assert set(converted.kept) <= set(re.findall(r"[A-Za-z][\w-]*", content))


def test_a_video_address_without_a_video_id_stays_a_link() -> None:
    html = wordpress_html("https://youtu.be/x\n").html
    assert html_markdown(html, None, "post") == "<https://youtu.be/x>\n"
