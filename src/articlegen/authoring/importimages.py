"""An imported body's images written as the build takes them, and a note for each changed.

The build refuses an image without alt text (``![](walk.png)``) and a local image whose
file is not in ``static/``; the import must still write a site that builds, as it does for
a hero image. An image without alt text is marked decorative (``![""](walk.png)``, what
the build reads as the author's choice) and one whose file is not here is written as a
comment (``<!-- not in static/ yet: ![…](walk.png) -->``, left out of the page), each with a
note at its line telling the author what to do: the build's own checks stay as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..content.images import static_path
from ..markup.markdown import DECORATIVE_ALT
from .mdsource import between, code_spans_held
from .unlinked import HTML_COMMENT, html_comment

_IMAGE = re.compile(
    r"!\[((?:[^\[\]\\\n]|\\.|\n(?![ \t]*\n))*)\]\(\s*(<[^<>\n]*>|[^\s()<>]+)"
    r"((?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?)\s*\)"
)
"""An inline image as CommonMark reads one: its alt text may run over several lines (not
a blank one), its title be written in double or single quotes or in brackets."""
_MARK = re.compile("\x02(\\d+)\x02")
"""Where a changed image stands, until its line is known (no text holds ``\\x02``)."""


@dataclass(frozen=True, slots=True)
class ImageNote:
    """What was changed about one image, at its line of the body (from 1)."""

    line: int
    message: str
    hint: str


def settled_images(body: str, static: Path, copied: set[str]) -> tuple[str, list[ImageNote]]:
    """``body`` with its images written so that the build takes them (``static``: the
    site's ``static/`` folder; ``copied``: the paths under it this import copies there),
    and a note for each one changed."""
    changes: list[tuple[str, str]] = []

    def image(match: re.Match[str]) -> str:
        alt, target, title = match.groups()
        src = target[1:-1] if target.startswith("<") else target
        written = match.group(0)
        if not alt.strip():
            written = f"![{DECORATIVE_ALT}]({target}{title})"
            changes.append(
                (
                    f"image '{src}' has no alt text, so it is marked decorative ({written})",
                    "write what the image shows between the brackets, unless it is only decoration",
                )
            )
            written = f"\x02{len(changes) - 1}\x02{written}"
        if _missing(src, static, copied):
            changes.append(
                (
                    f"image '{src}' is not in the source, so it is left as a comment",
                    "save it into static/ at that path, then remove the "
                    "'<!-- not in static/ yet:' and '-->' around it",
                )
            )
            comment = html_comment("not in static/ yet", written)
            written = f"\x02{len(changes) - 1}\x02{_link_text(match, alt, src)}{comment}"
        return written

    marked = code_spans_held(  # an image in a comment is left out of the page: none to settle
        body, lambda part: between(HTML_COMMENT, part, lambda text: _IMAGE.sub(image, text))
    )
    notes: list[ImageNote] = []
    for found in _MARK.finditer(marked):
        line = marked.count("\n", 0, found.start()) + 1
        notes.append(ImageNote(line, *changes[int(found.group(1))]))
    return _MARK.sub("", marked), sorted(notes, key=lambda note: note.line)


def _link_text(match: re.Match[str], alt: str, src: str) -> str:
    """What stands for a missing image that is all of a link's text (``[![…](a.png)](u)``),
    so that the link is not left empty, and invisible: the image's alt text (else its
    file's name). Nothing for an image elsewhere."""
    text = match.string
    if not (text[: match.start()].endswith("[") and text.startswith("](", match.end())):
        return ""
    return alt.strip() or src.rsplit("/", 1)[-1]


def _missing(src: str, static: Path, copied: set[str]) -> bool:
    """Whether ``src`` is an image of this site (a path, no host) whose file is neither in
    ``static`` nor among the files the import copies there."""
    try:
        parts = urlsplit(src)
    except ValueError:  # no address Python can read ("http://[x/"): the build says so
        return False
    if parts.scheme or parts.netloc or not parts.path:
        return False
    path = static_path(src)
    return path is not None and path not in copied and not (static / path).is_file()
