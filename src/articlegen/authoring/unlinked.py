"""Links to pages of an old site that were not imported, where the old site's address is
unknown, kept as their text with the link in a comment after it.

Such a link (``[the graph](/scatter.fm/)``) can be led nowhere: its path is no page of this
site, which the build refuses, and without the old site's address there is no full address
to give it. The import writes its text, then the link as written in a comment the page
leaves out (``the graph<!-- not on this site: [the graph](/scatter.fm/) -->``), so that the
site builds and the writer has the link to restore, with a warning at its line. A reference
definition (``[g]: /scatter.fm/``) becomes such a comment, and each link using it its text
(an image its alt text).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..core.errors import Diagnostic
from .mdsource import code_spans_held

NOT_HERE = "not on this site"
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_MARK = re.compile("\x03([^\x03]*)\x03")
"""Where ``unlinked`` put a link, until code spans are back in it (no text holds ``\\x03``)."""
_COMMENT = re.compile(f"<!-- {NOT_HERE}: (.*?) -->", re.S)
_USE = re.compile(
    r"(!?)\[((?:[^\[\]\\\n]|\\.)*)\](?:\[((?:[^\[\]\\\n]|\\.)*)\])?(?![(:\[])",
)
"""A reference link: ``[text][label]``, ``[text][]`` or ``[label]``."""
_IMAGE_INSIDE = re.compile(
    r"!\[((?:[^\[\]\\\n]|\\.)*)\]"
    r"\(\s*(?:<[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"
)
"""An image written in a link's text (``[![a chart](/uploads/2019/05/chart-1024x768.png)]``),
whose address is no part of what the warning is about."""
_QUOTED_TEXT = 40
"""How many characters of a link's text (or an image's alt text) a warning quotes."""


def html_comment(label: str, text: str) -> str:
    """``<!-- label: text -->``, which the page leaves out, each ``-->`` of ``text`` written
    ``--\\>``: a comment ends at the first ``-->``."""
    held = text.replace("-->", "--\\>")
    return f"<!-- {label}: {held} -->"


def unlinked(shown: str, link: str) -> str:
    """``shown`` (a link's text) with ``link`` after it, to be written as a comment by
    ``comments_written`` once the code spans held in both are back (one may hold ``-->``)."""
    return f"{shown}\x03{link}\x03"


def comments_written(body: str) -> str:
    """``body`` with each link ``unlinked`` marked written as a comment."""
    return _MARK.sub(lambda match: html_comment(NOT_HERE, match.group(1)), body)


def label_key(label: str) -> str:
    """A reference label as CommonMark matches it: case and runs of spaces do not count."""
    return " ".join(label.split()).casefold()


def reference_uses(
    text: str, labels: set[str], written: Callable[[str, str], str] = unlinked
) -> str:
    """``text`` (code spans held) with each link or image using one of the definitions
    ``labels`` names (made comments, or dropped) as ``written`` gives its text and itself:
    by default its text with the link in a comment. An image's is its alt text: written as
    the comment alone, what the image showed was gone from the page, where a link's text
    stays."""

    def use(match: re.Match[str]) -> str:
        _, shown, label = match.groups()
        if label_key(label or shown) not in labels:
            return match.group(0)
        return written(shown, match.group(0))

    return _USE.sub(use, text) if labels else text


def unlinked_warnings(body: str, display: str, start: int) -> list[Diagnostic]:
    """A warning at the line of each link of ``body`` (the body of the new file ``display``,
    from its line ``start``) kept as a comment, outside code."""
    marked = code_spans_held(body, lambda part: _COMMENT.sub(lambda m: f"\x03{m[0]}", part))
    warnings = []
    for at in re.finditer(f"\x03{_COMMENT.pattern}", marked, re.S):
        link = _quoted(at[1].replace("--\\>", "-->"))
        warnings.append(
            Diagnostic(
                f"link {link} leads to a page of the old site that was not imported, and the"
                " source gives no address of the old site: its text is kept, and the link in"
                f" a comment after it ('<!-- {NOT_HERE}: … -->')",
                display,
                start + marked.count("\n", 0, at.start()),
                "to link it again, write the link of the comment in place of its text and"
                " the comment, leading to the page's full address on the old site or to a"
                " page here",
            )
        )
    return warnings


def _quoted(link: str) -> str:
    """``link`` as a warning quotes it: its address whole, as that is the page to find again,
    and its text cut to ``_QUOTED_TEXT`` characters, or an image in it quoted as its alt text
    (so cut) with ``…`` for its address (``[![A chart](…)](/charts/)``): a WordPress post's picture
    linking to its attachment page was quoted whole, two long upload paths, on one line."""
    end = _text_end(link)
    if end is None:
        return link
    start = link.index("[") + 1
    text, images = _IMAGE_INSIDE.subn(lambda image: f"![{_cut(image[1])}](…)", link[start:end])
    return link[:start] + (text if images else _cut(text)) + link[end:]


def _text_end(link: str) -> int | None:
    """Where the text of ``link`` (``[text]…``, ``![alt]…``) ends: its closing bracket,
    brackets inside it (an image's) matched and escaped ones skipped; None if unclosed."""
    depth, escaped = 0, False
    for at, char in enumerate(link):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return at
    return None


def _cut(text: str) -> str:
    """``text``, or its first ``_QUOTED_TEXT`` characters to the last whole word and ``…``."""
    if len(text) <= _QUOTED_TEXT:
        return text
    return text[:_QUOTED_TEXT].rsplit(" ", 1)[0].rstrip() + "…"
