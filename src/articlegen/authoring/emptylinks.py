"""Links with no address in an imported post (``[the study]()``, or a ``[label]: <>``
definition and the links using it), kept as their text.

The old site published each as a link back to its own page (a browser reads an empty
address as the page itself), a link whose address was never pasted; the build refuses them
(``rawhtml.address_problem``). Their text is what readers got from them, so the import keeps
that, and says at which lines, for the writer to give each its address if one was meant.
Code blocks and spans are left as they are.
"""

from __future__ import annotations

import re

from ..core.errors import Diagnostic
from .mdsource import code_spans_held
from .unlinked import label_key, reference_uses
from .wikitext import first_few

_TITLE = r"""(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?"""
"""A link's title after its address, if any (``<> "The study"``): an address it is not."""
_EMPTY_LINK = re.compile(
    r"(?<![!\\])\[((?:[^\[\]\\\n]|\\.|\[[^\[\]\n]*\])*)\]\([ \t]*(?:<>" + _TITLE + r")?[ \t]*\)"
)
"""``[text]()``, ``[text](<>)`` or ``[text](<> "title")``: a link with no address (not an
image: the build tells one of those itself, as no file of ``static/``)."""
_EMPTY_DEFINITION = re.compile(
    r"^ {0,3}\[([^\]\n]+)\]:[ \t]*<>" + _TITLE + r"[ \t]*(?:\n|\Z)", re.M
)
"""``[label]: <>`` or ``[label]: <> "title"``, a reference definition with no address."""
_KEPT = "\x04"
"""Marks where a link's text was kept, until its line is known (no source holds it)."""


def empty_links_as_text(body: str) -> tuple[str, list[tuple[int, str]]]:
    """``body`` with each link that has no address written as its text, and those links
    (the line, from 1, and the text of each)."""
    if "]" not in body or ("()" not in body and "<>" not in body):
        return body, []  # nearly every post
    labels: set[str] = set()

    def definition(match: re.Match[str]) -> str:
        labels.add(label_key(match.group(1)))
        return ""

    def kept(shown: str, _link: str = "") -> str:
        return f"{_KEPT}{shown}{_KEPT}"

    def emptied(part: str) -> str:
        linked = _EMPTY_LINK.sub(lambda match: kept(match.group(1)), part)
        return reference_uses(_EMPTY_DEFINITION.sub(definition, linked), labels, kept)

    marked = code_spans_held(body, emptied)
    found = [
        (marked.count("\n", 0, at.start()) + 1, at.group(1))
        for at in re.finditer(f"{_KEPT}([^{_KEPT}]*){_KEPT}", marked)
    ]
    return marked.replace(_KEPT, ""), found


def empty_links_warning(found: list[tuple[int, str]], path: str, first_line: int) -> Diagnostic:
    """One warning for a file's links kept as text (``empty_links_as_text``); ``first_line``
    is the file's line the body starts on."""
    shown = first_few([f"line {first_line + line - 1} '{text}'" for line, text in found])
    count = f"{len(found)} link{'s' if len(found) > 1 else ''} with no address"
    return Diagnostic(
        f"{count} kept as {'their' if len(found) > 1 else 'its'} text: on the old site each"
        f" led back to its own page, and the build refuses a link with no address: {shown}",
        path,
        first_line + found[0][0] - 1,
        "to link one, write it as [text](https://…) or [text](other-article.md)",
    )
