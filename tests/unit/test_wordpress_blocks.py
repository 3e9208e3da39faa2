"""WordPress's blocks and markup that a post's text alone does not carry: the block editor's
footnotes (kept in the post's meta), media players, lists side by side, a title's tags."""

from __future__ import annotations

from pathlib import Path

import pytest

from articlegen.authoring.mdsource import footnotes_as_notes
from articlegen.authoring.wordpress import read_wordpress
from articlegen.core.model import ImportedArticle
from articlegen.markup.markdown import make_markdown, render_body

_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><link>https://old.example.org</link>
"""


def _post(
    tmp_path: Path, content: str, *, title: str = "A post", meta: str = ""
) -> ImportedArticle:
    """The one post of an export holding ``content`` (and ``meta``, a ``<wp:postmeta>``)."""
    fields = {
        "title": title,
        "link": "https://old.example.org/a-post/",
        "wp:post_id": "3",
        "wp:post_type": "post",
        "wp:status": "publish",
        "content:encoded": content,
    }
    inner = "".join(f"<{k}><![CDATA[{v}]]></{k}>" for k, v in fields.items())
    path = tmp_path / "export.xml"
    path.write_text(f"{_HEAD}<item>{inner}{meta}</item></channel></rss>\n", encoding="utf-8")
    (post,) = read_wordpress(path).posts
    return post.article


def _meta(key: str, value: str) -> str:
    return (
        f"<wp:postmeta><wp:meta_key><![CDATA[{key}]]></wp:meta_key>"
        f"<wp:meta_value><![CDATA[{value}]]></wp:meta_value></wp:postmeta>"
    )


def _mark(note_id: str, number: int) -> str:
    return (
        f'<sup data-fn="{note_id}" class="fn"><a href="#{note_id}" id="{note_id}-link">'
        f"{number}</a></sup>"
    )


_FOOTNOTES = '[{"id":"n-a","content":"First source."},{"id":"n-b","content":"See <a href=\\"https://example.org/b\\">B</a>."}]'


def test_block_footnotes_become_the_notes_list_markdown_footnotes_become(tmp_path: Path) -> None:
    content = (
        f"<!-- wp:paragraph --><p>One claim{_mark('n-a', 1)}.</p><!-- /wp:paragraph -->\n"
        f"<!-- wp:paragraph --><p>Two claims{_mark('n-b', 2)}.</p><!-- /wp:paragraph -->\n"
        "<!-- wp:footnotes /-->"
    )
    article = _post(tmp_path, content, meta=_meta("footnotes", _FOOTNOTES))
    markdown = "One claim[^1].\n\nTwo claims[^2].\n\n[^1]: First source.\n[^2]: See [B](<https://example.org/b>).\n"
    expected, _ = footnotes_as_notes(markdown)
    assert article.body == expected
    assert "[\\[1\\]](#notes)" in article.body and "- \\[2\\] See [B]" in article.body
    assert any("'## Notes' list" in note for note in article.notes)


def test_footnote_marks_without_their_notes_are_a_warning(tmp_path: Path) -> None:
    article = _post(tmp_path, f"<p>A claim{_mark('n-a', 1)}.</p>")
    assert "## Notes" not in article.body
    assert any("1 footnote mark without a note" in note for note in article.notes)


def test_unreadable_footnotes_are_a_warning(tmp_path: Path) -> None:
    article = _post(tmp_path, f"<p>A claim{_mark('n-a', 1)}.</p>", meta=_meta("footnotes", "{x"))
    assert "## Notes" not in article.body
    assert any("not a list of notes" in note for note in article.notes)


def test_audio_and_video_blocks_become_links_to_their_files(tmp_path: Path) -> None:
    content = (
        '<!-- wp:audio --><figure class="wp-block-audio"><audio controls src="/up/talk.mp3">'
        "</audio><figcaption>The talk</figcaption></figure><!-- /wp:audio -->\n"
        '<!-- wp:video --><figure class="wp-block-video"><video controls>'
        '<source src="https://media.example.org/a%20b.mp4"></video></figure><!-- /wp:video -->'
    )
    article = _post(tmp_path, content)
    assert article.body == (
        "[Audio: talk.mp3](<https://old.example.org/up/talk.mp3>)\n\n*The talk*\n\n"
        "[Video: a b.mp4](<https://media.example.org/a%20b.mp4>)\n"
    )
    assert article.notes == ()


def test_audio_and_video_shortcodes_become_links_to_their_files(tmp_path: Path) -> None:
    content = (
        '[audio https://old.example.org/talk.mp3]\n\n[video width="640" mp4="/clip.mp4"][/video]'
    )
    article = _post(tmp_path, content)
    assert article.body == (
        "[Audio: talk.mp3](<https://old.example.org/talk.mp3>)\n\n"
        "[Video: clip.mp4](<https://old.example.org/clip.mp4>)\n"
    )
    assert article.notes == ()


def test_a_youtube_or_vimeo_video_player_becomes_the_video_block_as_embed_does(
    tmp_path: Path,
) -> None:
    content = (
        '[video src="https://www.youtube.com/watch?v=dQw4w9WgXcQ"][/video]\n\n'
        '<video src="https://vimeo.com/76979871" title="A talk"></video>\n\n'
        "[embed]https://www.youtube.com/watch?v=dQw4w9WgXcQ[/embed]"
    )
    article = _post(tmp_path, content)
    youtube = '::: video https://www.youtube.com/watch?v=dQw4w9WgXcQ "Video"\n:::'
    assert article.body == (
        f'{youtube}\n\n::: video https://vimeo.com/76979871 "A talk"\n:::\n\n{youtube}\n'
    )
    assert article.notes == ()


def test_a_player_naming_no_file_is_a_warning(tmp_path: Path) -> None:
    article = _post(tmp_path, "<p>Watch:</p><figure><video controls></video></figure>")
    assert article.body == "Watch:\n"
    assert article.notes == (
        "1 audio or video player naming no file left out: link to the file, or embed the "
        "video from YouTube or Vimeo",
    )


def test_lists_side_by_side_stay_two_lists(tmp_path: Path) -> None:
    content = (
        "<!-- wp:list --><ul><li>A</li><li>B<ul><li>B1</li></ul></li></ul><!-- /wp:list -->\n"
        '<!-- wp:gallery --><figure class="wp-block-gallery"><ul><li><figure>'
        '<img src="/p.jpg" alt="P"/></figure></li></ul></figure><!-- /wp:gallery -->\n'
        "<ul><li>C</li></ul><ol><li>D</li></ol><ol><li>E</li></ol>"
    )
    body = _post(tmp_path, content).body
    assert body == (
        "- A\n- B\n  - B1\n\n* ![P](<https://old.example.org/p.jpg>)\n\n- C\n\n1. D\n\n1) E\n"
    )
    html = render_body(make_markdown(), body).html
    assert html.count("<ul>") == 4 and html.count("<ol>") == 2 and "<p>" not in html


def test_a_title_written_in_html_becomes_its_text(tmp_path: Path) -> None:
    title = "Tea &amp; <em>salt</em>: <b>Mark<sup>up</sup></b>"
    assert _post(tmp_path, "<p>Text.</p>", title=title).title == "Tea & salt: Markup"


def test_sub_and_superscripts_of_digits_keep_what_they_say(tmp_path: Path) -> None:
    content = (
        "<p>CO<sub>2</sub> at 30 kg/m<sup>2</sup>, 10<sup>-3</sup> M, the 1<sup>st</sup>"
        ' dose<sup><a href="https://example.org/n">4</a></sup>.</p>'
    )
    article = _post(tmp_path, content, title="CO<sub>2</sub> and you")
    assert article.title == "CO₂ and you"
    assert article.body == ("CO₂ at 30 kg/m², 10⁻³ M, the 1st dose[⁴](<https://example.org/n>).\n")
    assert article.notes == ()


def test_other_sub_and_superscripts_stay_text_with_a_warning(tmp_path: Path) -> None:
    article = _post(tmp_path, "<p>V<sub>max</sub> and V<sub>max</sub> at T<sub>1/2</sub>.</p>")
    assert article.body == "Vmax and Vmax at T1/2.\n"
    assert article.notes == (
        "subscripts or superscripts became plain text ('max', '1/2'): check that each still "
        "reads right (Unicode writes only digits, signs and brackets so)",
    )


def test_a_superscript_with_an_id_its_links_name_keeps_its_anchor(tmp_path: Path) -> None:
    content = (
        '<p>Placeholder claim<sup id="ref1"><a href="#fn1">1</a></sup>.</p>'
        '<ol><li id="fn1">Placeholder note. <a href="#ref1">back</a></li></ol>'
    )
    body = _post(tmp_path, content).body
    assert 'claim<a name="ref1"></a>[¹](<#fn1>).' in body
    assert '<a name="fn1"></a>Placeholder note. [back](<#ref1>)' in body


def test_a_titles_sub_and_superscripts_left_text_are_a_warning(tmp_path: Path) -> None:
    title = "Why V<sub>max</sub> falls at 10<sup>&minus;3</sup> M"
    article = _post(tmp_path, "<p>Text.</p>", title=title)
    assert article.title == "Why Vmax falls at 10⁻³ M"
    assert article.notes == (
        "in its title, subscripts or superscripts became plain text ('max'): check that each "
        "still reads right (Unicode writes only digits, signs and brackets so)",
    )


def test_a_less_than_sign_in_a_title_that_starts_no_tag_is_text(tmp_path: Path) -> None:
    title = "Why LDL<HDL and A<B and C>D <em>matter</em>"
    assert (
        _post(tmp_path, "<p>Text.</p>", title=title).title == "Why LDL<HDL and A<B and C>D matter"
    )


@pytest.mark.parametrize(
    "title",
    [
        "Is p<q always? Only if q>p",
        "When 1<i and j>2 in dosing",
        "Ratio a<b, b>c explained",
        "Dose<small print>",
    ],
)
def test_a_tag_in_a_title_that_is_never_closed_is_text(tmp_path: Path, title: str) -> None:
    assert _post(tmp_path, "<p>Text.</p>", title=title).title == title


def test_sub_and_superscripts_left_text_in_footnotes_are_a_warning(tmp_path: Path) -> None:
    notes = '[{"id":"n-a","content":"x<sup>2n</sup> and V<sub>max</sub>."}]'
    article = _post(tmp_path, f"<p>A claim{_mark('n-a', 1)}.</p>", meta=_meta("footnotes", notes))
    assert article.body.endswith("- \\[1\\] x2n and Vmax.\n")
    assert "subscripts or superscripts became plain text ('2n', 'max')" in "".join(article.notes)


def test_only_the_text_of_a_superscript_is_written_in_unicode(tmp_path: Path) -> None:
    content = (
        '<p>See<sup><a name="r2"></a>2</sup> and x<sup><img src="https://cdn.example.org/i2.png"'
        ' alt="two">2</sup>, <a href="#r2">back</a>.</p>'
    )
    body = _post(tmp_path, content).body
    assert body == (
        'See<a name="r2"></a>² and x![two](<https://cdn.example.org/i2.png>)², [back](<#r2>).\n'
    )
