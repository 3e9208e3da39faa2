"""kramdown's inline links and images whose address holds a space, put in angle brackets.

kramdown (Jekyll's Markdown) reads an inline link's address up to its closing parenthesis or
a title's quote, spaces and all: ``![Flow](/images/flow chart.gif)`` was an image on the old
site. CommonMark ends an address at a space, so the page here would show it as written, and
the build refuses it. In angle brackets (``![Flow](</images/flow chart.gif>)``) it is read
whole, and the import finds and copies its file as any other's.
"""

from __future__ import annotations

import re

from .mdsource import code_spans_held

_SPACED = re.compile(
    r"(!?\[(?:[^\[\]\\\n]|\\.)*\]\([ \t]*)([^\s()<>\"']+(?:[ \t]+[^\s()<>\"']+)+)"
    r"((?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'))?[ \t]*\))"
)
"""An inline link or image, its address holding spaces, and its title if it has one."""
_ADDRESS = re.compile(r"/|\.[A-Za-z][A-Za-z0-9]{0,4}$")
"""What makes the part in parentheses an address rather than words (``[sic](see note 3)``),
as the build tells a link whose address holds a space: a folder or a file's suffix."""


def spaced_addresses_bracketed(body: str) -> str:
    """``body`` (a Jekyll post's Markdown) with each inline link's address that holds a
    space written in angle brackets, outside code, so that it is read as kramdown read it."""
    if " " not in body or "](" not in body:
        return body

    def bracket(match: re.Match[str]) -> str:
        start, address, end = match.groups()
        return f"{start}<{address}>{end}" if _ADDRESS.search(address) else match.group(0)

    return code_spans_held(body, lambda part: _SPACED.sub(bracket, part))
