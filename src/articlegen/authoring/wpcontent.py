"""A WordPress post's stored content → plain HTML that the HTML importer can read.

WordPress stores content in its own dialect: the classic editor's bare text, where a
blank line is a paragraph and a line break a ``<br>`` (``wpautop`` adds the tags only
when the page is shown); the block editor's ``<!-- wp:paragraph -->`` comments around
ordinary HTML; ``<!--more-->``; and shortcodes such as ``[caption]`` that plugins expand
when the page is shown. Captions, embeds, videos and audio and video files become the HTML
they stand for; any other shortcode is kept as text (it shows literally) and named, for the
author to replace.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.DOTALL)
_MORE = re.compile(r"<!--\s*(?:more\b|nextpage\b|noteaser\b).*?-->", re.DOTALL)
_PRE = re.compile(r"<pre\b.*?</pre\s*>", re.DOTALL | re.IGNORECASE)
_BLOCK_START = re.compile(
    r"\s*</?(?:p|div|h[1-6]|ul|ol|li|dl|dt|dd|blockquote|pre|table|thead|tbody|tr|td|th|figure"
    r"|figcaption|hr|section|article|aside|header|footer|nav|address|form|iframe|embed|object"
    r"|video|audio|details|summary|center|style|script)\b",
    re.IGNORECASE,
)
_SHORTCODE = re.compile(
    r"\[(\[?)([A-Za-z][\w-]*)(?![\w-])((?:[^\]\"'\[]|\"[^\"]*\"|'[^']*')*?)(/?)\](?:(.*?)\[/\2\])?(\]?)",
    re.DOTALL,
)
"""``[name attrs]``, ``[name attrs /]`` or ``[name attrs]content[/name]``; ``[[name]]`` is
WordPress's way of writing a shortcode as text."""
_ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))|"([^"]*)"|(\S+)""")
_KNOWN_NAMES = (
    "caption wp_caption embed youtube vimeo gallery audio video playlist soundcloud twitter tweet"
    " instagram googlemaps gist slideshare archives contact-form contact-field polldaddy"
    " recipe code sourcecode wpvideo ted dailymotion spotify latex"
)
_KNOWN = frozenset(_KNOWN_NAMES.split())
"""Shortcodes WordPress and its common plugins (Jetpack) define; others are recognised
only by their attributes or closing tag, so that ``[sic]`` in prose stays prose."""
_MEDIA_KEYS = {
    "audio": ("src", "mp3", "m4a", "ogg", "wav", "wma", "flac"),
    "video": ("src", "mp4", "m4v", "webm", "ogv", "wmv", "flv"),
}
"""The attributes ``[audio]`` and ``[video]`` name their file with, by preference."""
_VIDEO_URL = re.compile(
    r"https?://(?:www\.|m\.)?(?:youtube\.com/watch\?\S+|youtu\.be/\S+|vimeo\.com/\d+\S*)"
)
_BARE_URL_LINE = re.compile(r"^[ \t]*(https?://[^\s<>\"]+)[ \t]*$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class WordPressHTML:
    """A post's content as HTML, and the shortcodes it kept as text."""

    html: str
    kept: tuple[str, ...]
    """Names of shortcodes kept as text, each once, in order of appearance."""


def wordpress_html(content: str) -> WordPressHTML:
    """Plain HTML for a post's stored ``content``."""
    kept: list[str] = []
    text = content.replace("\r\n", "\n").replace("\r", "\n")
    text = _BLOCK_COMMENT.sub("\n\n", text)
    text = _MORE.sub("\n\n", text)
    text = _SHORTCODE.sub(lambda match: _expand(match, kept), text)
    text = _BARE_URL_LINE.sub(_embed_line, text)
    return WordPressHTML(autop(text), tuple(dict.fromkeys(kept)))


def autop(text: str) -> str:
    """WordPress's ``wpautop`` in short: each blank-line-separated run that does not start
    with a block element becomes a paragraph, its single line breaks ``<br>``; ``<pre>``
    is left as it is."""
    saved: list[str] = []

    def save(match: re.Match[str]) -> str:
        saved.append(match.group(0))
        return f"\x00{len(saved) - 1}\x00"

    protected = _PRE.sub(save, text)
    chunks = []
    for chunk in re.split(r"\n[ \t]*\n+", protected):
        if not chunk.strip():
            continue
        if _BLOCK_START.match(chunk) or re.fullmatch(r"\s*\x00\d+\x00\s*", chunk):
            chunks.append(chunk)
        else:
            chunks.append("<p>" + re.sub(r"\s*\n\s*", "<br>\n", chunk.strip()) + "</p>")
    joined = "\n\n".join(chunks)
    return re.sub(r"\x00(\d+)\x00", lambda m: saved[int(m.group(1))], joined)


def _expand(match: re.Match[str], kept: list[str]) -> str:
    """The HTML a shortcode stands for, or the shortcode itself (its name noted in ``kept``)."""
    opening, name, attributes, _slash, inner, closing = match.groups()
    if opening and closing:  # [[name]]: the shortcode written as text
        return match.group(0)[1:-1]
    lower = name.lower()
    if lower not in _KNOWN and inner is None and "=" not in attributes:
        return match.group(0)  # prose in brackets, not a shortcode
    named, positional = _attributes(attributes)
    if lower in ("caption", "wp_caption"):
        return _caption(inner or "", named)
    if lower in _MEDIA_KEYS and (src := _media_file(lower, named, positional)):
        return f'\n\n<{lower} src="{html.escape(src, quote=True)}"></{lower}>\n\n'
    if lower in ("embed", "youtube", "vimeo"):
        url = (inner or "").strip() or named.get("url") or named.get("") or " ".join(positional)
        url = url.lstrip("=")
        if lower == "vimeo" and url.isdigit():
            url = f"https://vimeo.com/{url}"
        if lower == "youtube" and re.fullmatch(r"[\w-]{11}", url):
            url = f"https://www.youtube.com/watch?v={url}"
        if url.startswith(("http://", "https://")):
            return _embed(url)
    kept.append(lower)
    return match.group(0)


def _attributes(text: str) -> tuple[dict[str, str], list[str]]:
    """A shortcode's ``name="value"`` attributes, and its values without a name."""
    named: dict[str, str] = {}
    positional: list[str] = []
    for match in _ATTRIBUTE.finditer(text):
        key, double, single, bare, quoted, word = match.groups()
        if key is not None:
            named[key.lower()] = html.unescape(double or single or bare or "")
        else:
            positional.append(html.unescape(quoted if quoted is not None else word))
    return named, positional


def _media_file(name: str, named: dict[str, str], positional: list[str]) -> str | None:
    """The file an ``[audio]`` or ``[video]`` shortcode plays (``[audio mp3="…"]``, or the
    address alone, ``[audio https://…]``), which becomes the player element it stands for."""
    found = [named[key] for key in _MEDIA_KEYS[name] if named.get(key)] + positional
    return next((url for url in found if url.startswith(("http://", "https://", "/"))), None)


def _caption(inner: str, named: dict[str, str]) -> str:
    """``[caption]<img …> Text[/caption]`` → a figure with the image and its caption."""
    image = re.match(r"\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)", inner, re.DOTALL)
    picture, text = (image.group(1), image.group(2)) if image else ("", inner)
    caption = named.get("caption") or text.strip()
    return f"\n\n<figure>{picture}<figcaption>{caption}</figcaption></figure>\n\n"


def _embed(url: str) -> str:
    """An embedded video as the player WordPress would show; any other page as a link."""
    escaped = html.escape(url, quote=True)
    if _VIDEO_URL.fullmatch(url):
        return f'\n\n<iframe src="{escaped}" title="Video"></iframe>\n\n'
    return f'\n\n<p><a href="{escaped}">{escaped}</a></p>\n\n'


def _embed_line(match: re.Match[str]) -> str:
    """A web address alone on a line, which WordPress embeds (oEmbed): a video player for a
    video, a link for anything else (a post on another site, which we do not embed)."""
    return _embed(match.group(1))
