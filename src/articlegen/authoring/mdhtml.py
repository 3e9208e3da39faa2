"""The HTML a Jekyll or Hugo post writes in its Markdown, for a site that shows HTML as text
(without ``markdown: {allow_html: true}``): what Markdown can say as well is written so,
and the tags left are named, for a warning.

Old themes let HTML through, so posts use it for what Markdown lacks: ``<br>`` for a line
break, ``H<sub>2</sub>O``. Here such a tag would show literally.
"""

from __future__ import annotations

import re

from .mdsource import outside_code
from .mdtext import scripted

_HTML_TAG = re.compile(r"(?<!\\)(?<!\]\()(?<!\]: )</?([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]*)?/?>")
"""An HTML tag; not a link's address written in ``<…>`` (``[find](</search/>)``)."""
_BREAK_TAG = re.compile(r"[ \t]*<br[ \t]*/?>[ \t]*(\n?)", re.IGNORECASE)
_SCRIPT_TAG = re.compile(r"<(sub|sup)>([^<\n]*)</\1>", re.IGNORECASE)


def html_as_markdown(body: str) -> str:
    """A Markdown post's ``<br>``, and ``<sub>``/``<sup>`` of digits, in Markdown, for a
    site that shows HTML as text: a hard line break (``\\`` ending the line), ``CO₂``. In a
    table's row (a new line would end it) and a heading the tags stay, for ``raw_html``."""

    def line_break(match: re.Match[str]) -> str:
        text, rest = match.string, match.string[match.end() :]
        end = text.find("\n", match.start())
        line = text[text.rfind("\n", 0, match.start()) + 1 : end if end >= 0 else None]
        if "|" in line or line.lstrip().startswith("#"):
            return match.group(0)
        if not rest or (match.group(1) and re.match(r"[ \t]*(?:\n|\Z)", rest)):
            return match.group(1)  # the paragraph ends here anyway
        return "\\\n"

    def script(match: re.Match[str]) -> str:
        shown, _ = scripted(match.group(2), match.group(1).lower(), match.group(2))
        return shown if shown != match.group(2) else match.group(0)

    return outside_code(
        body, lambda text: _SCRIPT_TAG.sub(script, _BREAK_TAG.sub(line_break, text))
    )


def raw_html(body: str) -> dict[str, str]:
    """The names of the HTML elements written in a Markdown body (outside code), each once,
    with its first tag as written (for finding its line): a site shows them as text unless
    its ``markdown: {allow_html: true}``."""
    found: dict[str, str] = {}

    def collect(part: str) -> str:
        for match in _HTML_TAG.finditer(part):
            found.setdefault(match.group(1).lower(), match.group(0))
        return part

    outside_code(body, collect)
    return found
