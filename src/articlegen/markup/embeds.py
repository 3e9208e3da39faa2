"""The ``::: video URL "Title"`` block: a YouTube or Vimeo player that loads only on a click.

Before the click the block is a titled link to the video's own page, so a
page load fetches nothing from the video host (no thumbnail, no script). The
theme's ``video.js`` swaps the link for the host's privacy-enhanced player
(``youtube-nocookie.com``, ``player.vimeo.com`` with ``dnt=1``) when clicked.
"""

from __future__ import annotations

import operator
import re
import shlex
from collections.abc import Callable, Sequence
from html import escape
from typing import TYPE_CHECKING, SupportsIndex
from urllib.parse import parse_qs, urlencode, urlsplit

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin

from ..core.errors import MarkupError
from ..core.records import record

if TYPE_CHECKING:  # markdown-it-py 3 names these; the floor, 2.0, has no EnvType
    from markdown_it.renderer import RendererHTML
    from markdown_it.utils import EnvType, OptionsDict

SYNTAX = '::: video https://www.youtube.com/watch?v=… "Title"'
_YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
_YOUTUBE_HOSTS = {"youtube.com", "m.youtube.com", "youtube-nocookie.com"}
_VIMEO_HOSTS = {"vimeo.com", "player.vimeo.com"}
_PLAIN_PARAMS = re.compile(r'([^\s"\'\\]+)[ \t]+([^\s"\'\\]+)[ \t]+"([^"\\]*)"')
"""``video URL "Title"`` with no quote or backslash but the title's two quotes: the words
``shlex`` reads from it, found without it (30 µs a block)."""
_TIME = re.compile(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?")


@record
class Video:
    """A video as the page shows it."""

    host: str
    """``YouTube`` or ``Vimeo``, as readers know them."""
    page_url: str
    """The video's page on its host: the link before the click, and without JavaScript."""
    embed_url: str
    """The privacy-enhanced player, loaded only after the click."""
    title: str
    """Link text, and the player's accessible name."""


def parse_video(url: str, title: str) -> Video:
    """A ``Video`` for a YouTube or Vimeo address; ValueError says what is wrong."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    if parts.scheme not in ("http", "https"):
        raise ValueError(f"'{url}' is not a web address")
    if host in _YOUTUBE_HOSTS or host == "youtu.be":
        return _youtube(url, title)
    if host in _VIMEO_HOSTS:
        return _vimeo(url, title)
    raise ValueError(f"'{url}' is not a YouTube or Vimeo address")


def _youtube(url: str, title: str) -> Video:
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    segments = [s for s in parts.path.split("/") if s]
    if parts.hostname == "youtu.be":
        video_id = segments[0] if segments else ""
    elif segments[:1] == ["watch"]:
        video_id = query.get("v", [""])[0]
    elif len(segments) == 2 and segments[0] in ("embed", "shorts", "live", "v"):
        video_id = segments[1]
    else:
        video_id = ""
    if not _YOUTUBE_ID.fullmatch(video_id):
        raise ValueError(f"no YouTube video id in '{url}'")
    start = _seconds(query.get("t", query.get("start", [""]))[0])
    page = f"https://www.youtube.com/watch?v={video_id}" + (f"&t={start}s" if start else "")
    player = {"autoplay": "1", **({"start": str(start)} if start else {})}
    embed = f"https://www.youtube-nocookie.com/embed/{video_id}?{urlencode(player)}"
    return Video("YouTube", page, embed, title)


def _vimeo(url: str, title: str) -> Video:
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    if parts.hostname == "player.vimeo.com":
        segments = segments[1:] if segments[:1] == ["video"] else []
    numbers = [i for i, s in enumerate(segments) if s.isdigit()]
    if not numbers:
        raise ValueError(f"no Vimeo video number in '{url}'")
    video_id = segments[numbers[-1]]
    following = segments[numbers[-1] + 1 : numbers[-1] + 2]
    unlisted = parse_qs(parts.query).get("h", following)
    private = unlisted[0] if unlisted and re.fullmatch(r"[0-9a-f]+", unlisted[0]) else ""
    page = f"https://vimeo.com/{video_id}" + (f"/{private}" if private else "")
    player = {**({"h": private} if private else {}), "dnt": "1", "autoplay": "1"}
    embed = f"https://player.vimeo.com/video/{video_id}?{urlencode(player)}"
    return Video("Vimeo", page, embed, title)


def _seconds(value: str) -> int:
    match = _TIME.fullmatch(value)
    if not value or match is None:
        return 0
    hours, minutes, seconds = (int(g or 0) for g in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def video_plugin(md: MarkdownIt) -> None:
    """Add the ``::: video`` container; problems go to ``env["problems"]`` as MarkupErrors."""
    container_plugin(md, "video", render=_render)
    rule = next(rule for rule in md.block.ruler.__rules__ if rule.name == _RULE)
    md.block.ruler.at(_RULE, _on_a_character(rule.fn), {"alt": rule.alt})
    md.core.ruler.push("video_params", _parse_params)


_RULE = "container_video"


def _on_a_character(container: Callable[..., bool]) -> Callable[..., bool]:
    """The container rule, reading no character past the body's end as markdown-it does.
    mdit-py-plugins reads a line's first character without looking whether there is one:
    a body whose last line is an empty quoted one with no line break after it (``> a|\n>
    -|\n>``, ``> ::: video\n>``) made it fail with an ``IndexError``, where markdown-it,
    which the plugin ports, reads no character there (``NaN``) and goes on. The rule is
    tried again over a body that gives an empty character there, once it has failed
    before adding a token (so nothing it did is undone); any other failure is raised."""

    def rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        made = len(state.tokens)
        try:
            return container(state, start, end, silent)
        except IndexError:
            if len(state.tokens) != made:
                raise
        src = state.src
        state.src = _EndsInNothing(src)
        try:
            return container(state, start, end, silent)
        finally:
            state.src = src

    return rule


class _EndsInNothing(str):
    """A body whose character at its end, and past it, is empty: as markdown-it reads it."""

    __slots__ = ()

    def __getitem__(self, index: SupportsIndex | slice) -> str:
        if isinstance(index, slice) or operator.index(index) < len(self):
            return str.__getitem__(self, index)
        return ""


def _parse_params(state: StateCore) -> None:
    """Turn each block's ``URL "Title"`` into a ``Video`` before rendering, and report a
    block never closed: markdown-it closes it at the end of the article, so everything after
    it, headings included, would silently become its caption."""
    lines: list[str] = []
    for token in state.tokens:
        if token.type != "container_video_open":
            continue
        line = state.env.get("first_line", 1) + (token.map[0] if token.map else 0)
        state.env["videos"] = state.env.get("videos", 0) + 1
        problems = state.env.setdefault("problems", [])
        try:
            token.meta["video"] = video_from_params(token.info)
        except ValueError as exc:
            problems.append(video_problem(exc, state.env.get("path"), line))
        lines = lines or state.src.split("\n")
        if not _closed(token, lines):
            problems.append(unclosed_problem(state.env.get("path"), line))
    if ":::" in state.src:
        state.env.setdefault("problems", []).extend(_colons_as_text(state))


COLON_LINE = re.compile(r" {0,3}:::[ \t]*(\S*)")
"""A line of a paragraph that opens with ``:::``, and the word after it, if any."""


def _colons_as_text(state: StateCore) -> list[MarkupError]:
    """A ``:::`` line that opens no video block, which the page would show as text, as it
    does the paragraph it is in: one opening a block of another name (``::: Video``, or
    ``::: tip`` as other tools write a callout), and one that closes none. The ``:::``
    after a block of another name is its closer, the same mistake, told once."""
    lines = state.src.split("\n")
    first_line, path = state.env.get("first_line", 1), state.env.get("path")
    problems, unknown_open = [], False
    for token in state.tokens:
        if token.type != "paragraph_open" or not token.map:
            continue
        for number in range(*token.map):
            if not (found := COLON_LINE.match(lines[number])):
                continue
            if found[1] or not unknown_open:
                problems.append(_colons_problem(found[1], path, first_line + number))
            unknown_open = bool(found[1])
    return problems


def _colons_problem(word: str, path: str | None, line: int) -> MarkupError:
    """The problem of a ``:::`` line opening a block named ``word`` (or closing one, if
    ``word`` is empty) that the page would show as text."""
    if not word:
        return MarkupError(
            "':::' closes no video block here, so the page would show it as text",
            path,
            line,
            f"remove it, or open the block above its caption: {SYNTAX}",
        )
    hint = f"write {SYNTAX}"
    if word.lower() != "video":
        hint = f"write the text as a paragraph or a quote (> …); for a video, {hint}"
    return MarkupError(
        f"'::: {word}' opens no block: '::: video' (in lower case) is the only one, so the"
        " page would show this line as text",
        path,
        line,
        hint,
    )


def unclosed_problem(path: str | None, line: int) -> MarkupError:
    """The problem of a video block at ``line`` that no ``:::`` line closes."""
    return MarkupError(
        "video: the block is never closed, so the rest of the article would be its caption",
        path,
        line,
        "end it with a line ':::' after its caption, or right after this line if it has none",
    )


def _closed(opener: Token, lines: Sequence[str]) -> bool:
    """Whether a video block ends at a ``:::`` line of its own: the container plugin gives
    the line it ended at, which holds the closing marker only when one was found."""
    end = opener.map[1] if opener.map else len(lines)
    return end < len(lines) and lines[end].rstrip().endswith(":::")


def video_problem(exc: ValueError, path: str | None, line: int) -> MarkupError:
    """The problem of a video block at ``line`` that ``video_from_params`` refused."""
    return MarkupError(f"video: {exc}", path, line, f"write {SYNTAX}")


def video_from_params(info: str) -> Video:
    """The video of a block whose first line is ``:::`` then ``info``; ValueError says what
    is wrong."""
    plain = _PLAIN_PARAMS.fullmatch(info.strip())
    try:
        words = list(plain.groups()) if plain else shlex.split(info.strip())
    except ValueError as exc:
        raise ValueError(f"cannot read '{info.strip()}' ({exc})") from exc
    if len(words) < 2:
        raise ValueError("a video needs an address and a title in double quotes")
    if len(words) > 3:
        raise ValueError("too many words: put the title in double quotes")
    if not words[2:] or not words[2].strip():
        raise ValueError("the video has no title (readers see it before they click)")
    return parse_video(words[1], words[2].strip())


def _render(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    token = tokens[idx]
    if token.nesting == -1:
        return figure_close(tokens[idx - 1].type != "container_video_open")
    return figure_open(token.meta.get("video"), tokens[idx + 1].type != "container_video_close")


def figure_open(video: Video | None, caption: bool) -> str:
    """The start of a video block (``video`` None: one with a problem), and of its caption if
    the block has text (``caption``). A space stands between the title and the host line:
    the theme lays them out as lines of their own (flex items, where a space between them
    draws nothing), but what reads the block as text, a feed reader without the site's
    styles or Pagefind's excerpts, ran them together ("A short warm-up routinePlay
    video · YouTube")."""
    opening = "<figcaption>\n" if caption else ""
    if video is None:
        return f'<figure class="video">{opening}'
    return (
        f'<figure class="video"><div class="video-frame">'
        f'<a class="video-start" href="{escape(video.page_url)}" '
        f'data-embed="{escape(video.embed_url)}" data-title="{escape(video.title)}">'
        f'<span class="video-title">{escape(video.title)}</span> '
        f'<span class="video-host">Play video · {video.host}</span></a></div>\n{opening}'
    )


def figure_close(caption: bool) -> str:
    """The end of a video block that has a caption or not."""
    return "</figcaption></figure>\n" if caption else "</figure>\n"
