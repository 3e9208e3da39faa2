from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlegen.markup.embeds import parse_video

ID = "dQw4w9WgXcQ"


@pytest.mark.parametrize(
    ("url", "page", "embed"),
    [
        (
            f"https://www.youtube.com/watch?v={ID}",
            f"https://www.youtube.com/watch?v={ID}",
            f"https://www.youtube-nocookie.com/embed/{ID}?autoplay=1",
        ),
        (
            f"https://youtu.be/{ID}?t=1m30s",
            f"https://www.youtube.com/watch?v={ID}&t=90s",
            f"https://www.youtube-nocookie.com/embed/{ID}?autoplay=1&start=90",
        ),
        (
            f"https://m.youtube.com/watch?v={ID}&t=45",
            f"https://www.youtube.com/watch?v={ID}&t=45s",
            f"https://www.youtube-nocookie.com/embed/{ID}?autoplay=1&start=45",
        ),
        (
            f"https://www.youtube.com/shorts/{ID}",
            f"https://www.youtube.com/watch?v={ID}",
            f"https://www.youtube-nocookie.com/embed/{ID}?autoplay=1",
        ),
        (
            f"https://www.youtube-nocookie.com/embed/{ID}",
            f"https://www.youtube.com/watch?v={ID}",
            f"https://www.youtube-nocookie.com/embed/{ID}?autoplay=1",
        ),
        (
            "https://vimeo.com/123456789",
            "https://vimeo.com/123456789",
            "https://player.vimeo.com/video/123456789?dnt=1&autoplay=1",
        ),
        (
            "https://vimeo.com/123456789/abc123def0",
            "https://vimeo.com/123456789/abc123def0",
            "https://player.vimeo.com/video/123456789?h=abc123def0&dnt=1&autoplay=1",
        ),
        (
            "https://vimeo.com/channels/staffpicks/123456789",
            "https://vimeo.com/123456789",
            "https://player.vimeo.com/video/123456789?dnt=1&autoplay=1",
        ),
        (
            "https://player.vimeo.com/video/123456789?h=abc123",
            "https://vimeo.com/123456789/abc123",
            "https://player.vimeo.com/video/123456789?h=abc123&dnt=1&autoplay=1",
        ),
    ],
)
def test_youtube_and_vimeo_addresses(url: str, page: str, embed: str) -> None:
    video = parse_video(url, "A title")
    assert (video.page_url, video.embed_url, video.title) == (page, embed, "A title")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("https://example.org/watch?v=dQw4w9WgXcQ", "not a YouTube or Vimeo address"),
        ("youtube.com/watch?v=dQw4w9WgXcQ", "not a web address"),
        ("https://www.youtube.com/watch?v=short", "no YouTube video id"),
        ("https://www.youtube.com/channel/abc", "no YouTube video id"),
        ("https://vimeo.com/about", "no Vimeo video number"),
    ],
)
def test_addresses_we_cannot_embed(url: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_video(url, "A title")


@given(st.text(max_size=80))
def test_any_address_gives_a_video_or_a_value_error(url: str) -> None:
    try:
        video = parse_video(url, "T")
    except ValueError:
        return
    assert video.embed_url.startswith(
        ("https://www.youtube-nocookie.com/embed/", "https://player.vimeo.com/video/")
    )
