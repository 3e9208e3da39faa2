"""Minimal Mistakes' figure and video includes of a Jekyll post, as Markdown."""

from __future__ import annotations

import pytest

from articlegen.authoring.jekyllincludes import included


@pytest.mark.parametrize(
    ("argument", "made"),
    [
        (
            'figure image_path="/assets/a.jpg" alt="A & B" caption="From <a href=\'/x/\'>x</a>"',
            '\n\n<figure><img src="/blog/assets/a.jpg" alt="A &amp; B">'
            "<figcaption>From <a href='/x/'>x</a></figcaption></figure>\n\n",
        ),
        (
            "figure image_path='https://cdn.example.com/a.jpg'",  # no alt: the import asks
            '\n\n<figure><img src="https://cdn.example.com/a.jpg"></figure>\n\n',
        ),
        (
            'video id="abcdefghijk" provider="YouTube"',
            '\n\n::: video https://www.youtube.com/watch?v=abcdefghijk "Video"\n:::\n\n',
        ),
        ('video id="abcdefghijk" provider="twitch"', None),  # no player here
        ("figure image_path=page.image", None),  # a variable: its value is unknown here
        ('fb_migrate fb_url="https://example.com/"', None),  # the site's own
    ],
)
def test_figure_and_video_includes_become_what_they_showed(argument: str, made: str | None) -> None:
    assert included(argument, "/blog", markdown=True) == made


def test_a_video_include_of_an_html_post_is_kept() -> None:
    """An HTML post is converted as HTML: a Markdown video block there would be text."""
    assert included('video id="76979871" provider="vimeo"', "", markdown=False) is None
