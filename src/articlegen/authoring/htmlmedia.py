"""What a blog post's HTML loads rather than says, as Markdown: its images and its players.

An ``<img>`` becomes a Markdown image at its absolute address (the importer then copies it or
names it); an ``<iframe>`` of YouTube or Vimeo becomes the site's own ``::: video`` block,
which loads nothing from the host until a click, and any other frame a link to what it showed.
An ``<audio>`` or ``<video>`` player (WordPress's audio and video blocks) becomes a link to
its file: the site has no player for a file, and a reader can still open it; a ``<video>``
of YouTube or Vimeo (WordPress's ``[video]`` of one) becomes the video block, as a frame does.
"""

from __future__ import annotations

from urllib.parse import unquote, urljoin, urlsplit

from selectolax.lexbor import LexborNode

from ..markup.embeds import parse_video
from .blogsource import site_host
from .htmlmeta import attribute
from .mdtext import escape_markdown, link_target

_UNSAFE_SCHEMES = ("javascript", "vbscript", "data", "file")
_VIDEO_HOSTS = ("youtube.com", "youtube-nocookie.com", "youtu.be", "vimeo.com")


def address(href: str, page: str | None) -> str | None:
    """An absolute, safe link target, or None (a link within the page, or nowhere usable:
    an address Python cannot read, such as ``http://[x/``, is kept as its text). Without
    the page's own address, a scheme-relative one (``//host/x``) is taken as ``https``,
    which a saved page of today's web was all but surely served by."""
    try:
        parts = urlsplit(href)
        if not href or href.startswith("#") or parts.scheme.lower() in _UNSAFE_SCHEMES:
            return None
        if parts.scheme:
            return href if parts.scheme.lower() in ("http", "https", "mailto", "tel") else None
        if not page and parts.netloc:
            return "https:" + href
        return urljoin(page, href) if page else None
    except ValueError:
        return None


def frame_blocks(node: LexborNode, page: str | None) -> list[str]:
    """An ``<iframe>``: the site's video block for a video it can play, else a link."""
    src = address(attribute(node, "src"), page) or ""
    block = _video_block(src, attribute(node, "title"))
    return [block] if block else [f"<{src}>"] if src else []


def _video_block(src: str, title: str) -> str | None:
    """The site's video block for ``src`` where it is a video the site can play (YouTube,
    Vimeo), else None."""
    if not site_host(src).endswith(_VIDEO_HOSTS):
        return None
    title = title.replace('"', "'") or "Video"
    try:
        parse_video(src, title)
    except ValueError:  # no video id the site's player can take: a link, not a failed build
        return None
    return f'::: video {src} "{title}"\n:::'


def image_markdown(node: LexborNode, page: str | None) -> str:
    """An ``<img>`` (also a lazy-loaded one, whose address is in ``data-src``) as Markdown;
    an empty ``alt`` stays written as ``""``, a decorative image."""
    src = attribute(node, "src")
    if not src or src.startswith("data:"):
        src = attribute(node, "data-src") or attribute(node, "data-lazy-src")
    if not src or src.startswith("data:"):
        return ""
    target = address(src, page) or src
    alt = node.attributes.get("alt")
    text = '""' if alt is not None and not alt.strip() else escape_markdown(attribute(node, "alt"))
    return f"![{text}]({link_target(target)})"


def player_blocks(node: LexborNode, page: str | None) -> list[str]:
    """An ``<audio>`` or ``<video>`` as a link to its file (named by the file's name), or
    the site's video block for a YouTube or Vimeo video (``[video src="…youtube…"]``), as
    an ``[embed]`` of it is; nothing when it names no file (``players_note`` says so)."""
    src = _player_source(node, page)
    if src is None:
        return []
    if node.tag == "video" and (block := _video_block(src, attribute(node, "title"))):
        return [block]
    name = unquote(urlsplit(src).path.rstrip("/").rpartition("/")[2]) or src
    kind = "Audio" if node.tag == "audio" else "Video"
    return [f"[{kind}: {escape_markdown(name)}]({link_target(src)})"]


def players_note(main: LexborNode, page: str | None) -> list[str]:
    """The warnings for the ``<audio>`` and ``<video>`` players under ``main`` left out, as
    they give no file to link to: those naming none, and those naming one relative to a
    page whose address is unknown (no ``canonical`` link), whose file's address cannot be
    made; none where there are none."""
    unplaced: list[str] = []
    nameless = 0
    for node in main.css("audio, video"):
        if _player_source(node, page) is not None:
            continue
        named = next(filter(None, (attribute(n, "src") for n in (node, *node.css("source")))), "")
        if named[:1] not in ("", "#") and page is None and not urlsplit(named).scheme:
            unplaced.append(named)
        else:
            nameless += 1
    notes = []
    if nameless:
        notes.append(
            f"{nameless} audio or video player{'s' if nameless != 1 else ''} naming no file "
            "left out: link to the file, or embed the video from YouTube or Vimeo"
        )
    if unplaced:
        shown = ", ".join(f"'{name}'" for name in unplaced[:3])
        many = len(unplaced) != 1
        notes.append(
            f"{len(unplaced)} audio or video player{'s' if many else ''} left out: the page's "
            f"address is unknown, so the address of the file{'s' if many else ''} "
            f"{'they name' if many else 'it names'} ({shown}{' …' if len(unplaced) > 3 else ''})"
            " can't be made: link to the file where it is published"
        )
    return notes


def _player_source(node: LexborNode, page: str | None) -> str | None:
    """A player's file: its ``src``, else its first ``<source>``'s."""
    for candidate in (node, *node.css("source")):
        if src := address(attribute(candidate, "src"), page):
            return src
    return None
