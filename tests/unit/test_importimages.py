"""An imported body's images written as the build takes them (``importimages``)."""

from __future__ import annotations

from pathlib import Path

from articlegen.authoring.importimages import settled_images
from articlegen.markup.markdown import make_markdown, render_body


def test_images_without_alt_text_or_file_are_written_so_that_the_body_builds(
    tmp_path: Path,
) -> None:
    """The import wrote ``![](walk.png)`` and images whose file it did not have, both of
    which the build refuses, where it writes a hero image decorative or as a comment."""
    (tmp_path / "images").mkdir()
    (tmp_path / "images/here.png").write_bytes(b"png")
    body = (
        "Intro.\n\n![](/images/here.png)\n\nText ![A chart](</images/gone.png>) and "
        '![ ](copied.png "Title").\n\n`![](code.png)`\n'
    )
    settled, notes = settled_images(body, tmp_path, {"copied.png"})
    assert settled == (
        'Intro.\n\n![""](/images/here.png)\n\nText <!-- not in static/ yet: ![A chart]'
        '(</images/gone.png>) --> and ![""](copied.png "Title").\n\n`![](code.png)`\n'
    )
    assert [(note.line, note.message) for note in notes] == [
        (3, "image '/images/here.png' has no alt text, so it is marked decorative "
            '(![""](/images/here.png))'),
        (5, "image '/images/gone.png' is not in the source, so it is left as a comment"),
        (5, "image 'copied.png' has no alt text, so it is marked decorative "
            '(![""](copied.png "Title"))'),
    ]  # fmt: skip
    assert not render_body(make_markdown(), settled).problems


def test_images_on_the_web_and_with_alt_text_are_left_as_written(tmp_path: Path) -> None:
    body = "![A walk](https://example.org/walk.png) ![Data](data:image/png;base64,AA==)\n"
    assert settled_images(body, tmp_path, set()) == (body, [])


def test_images_in_every_form_commonmark_reads_are_found(tmp_path: Path) -> None:
    """A title in single quotes or in brackets, and alt text over two lines, are images
    too, which the build would refuse as they were."""
    body = (
        "![](/images/a.png 'Title') ![](/images/b.png (Title))\n\n"
        "![A chart of\nsome data](/images/c.png)\n"
    )
    settled, notes = settled_images(body, tmp_path, {"images/a.png", "images/b.png"})
    assert settled == (
        '![""](/images/a.png \'Title\') ![""](/images/b.png (Title))\n\n'
        "<!-- not in static/ yet: ![A chart of\nsome data](/images/c.png) -->\n"
    )
    assert [note.line for note in notes] == [1, 1, 3]
    assert not render_body(make_markdown(), settled).problems


def test_a_missing_image_in_a_link_leaves_the_link_its_alt_text(tmp_path: Path) -> None:
    """An empty link would be invisible, and ``-->`` in alt text would end the comment."""
    body = "[![A place](/images/p.png)](https://example.com/)\n\n![Before --> after](/c.png)\n"
    settled, _ = settled_images(body, tmp_path, set())
    assert settled == (
        "[A place<!-- not in static/ yet: ![A place](/images/p.png) -->](https://example.com/)"
        "\n\n<!-- not in static/ yet: ![Before --\\> after](/c.png) -->\n"
    )
    rendered = render_body(make_markdown(), settled)
    assert not rendered.problems
    assert "after" not in rendered.html
    assert ">A place</a>" in rendered.html


def test_an_image_inside_a_comment_is_left_alone(tmp_path: Path) -> None:
    """The page leaves it out; written as a comment in the comment, its '-->' ended the
    first, showing the rest (an imported link to an old page kept as text holds one)."""
    body = "See <!-- not on this site: [![](/images/gone.png)](/scatter.fm/) --> now.\n"
    assert settled_images(body, tmp_path, set()) == (body, [])
    assert render_body(make_markdown(), body).html == "<p>See  now.</p>\n"
