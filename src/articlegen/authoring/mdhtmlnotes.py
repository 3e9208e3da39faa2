"""The warnings for what a Markdown post writes in angle brackets, on a site that shows HTML
as text: the HTML tags named, to be written as Markdown, apart from words in angle brackets.

A post may write ``--from=cronjob/<name>`` or ``mail <your-email>``: a placeholder, no HTML.
The build shows it as written, as the writer meant (``tagsastext`` counts only HTML's own
elements as tags), while the old site passed it through as a tag, which a browser hides. It
is named apart, with its line, as words shown as written: calling it HTML told the writer to
write as Markdown what is text already.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..markup.tagsastext import ELEMENTS
from .mdhtml import raw_html
from .sourcelines import line_outside_code, source_text

_SHOWN = 5
"""How many tags a warning names."""


def html_notes(body: str, file: Path | None) -> list[tuple[str, int | None]]:
    """The warnings for ``body``'s HTML tags and words in angle brackets, each with the first
    line in the post's own file (``file``) of what it names, where it is found there."""
    tags = raw_html(body)
    if not tags:
        return []
    text = source_text(file)
    words = {name: written for name, written in tags.items() if _is_word(name, written, body)}
    html = {name: written for name, written in tags.items() if name not in words}
    notes = []
    if html:
        names, line = _named(html, text)
        notes.append(
            (
                f"its HTML ({names}) is shown as text: write it as Markdown, or let HTML "
                "through with 'markdown: {allow_html: true}' in site.yaml",
                line,
            )
        )
    if words:
        names, line = _named(words, text)
        notes.append(
            (
                f"its words in angle brackets ({names}) are no HTML and are shown as written, "
                "where the old site may have hidden them as tags: check that they read as meant",
                line,
            )
        )
    return notes


def _is_word(name: str, written: str, body: str) -> bool:
    """Whether a tag is words in angle brackets: a bare ``<name>`` of no HTML element, with
    no ``</name>`` in the post (``<my-card>…</my-card>`` is a custom element, and
    ``<path d="…"/>`` an SVG's)."""
    if name in ELEMENTS or not re.fullmatch(r"<[\w-]+>", written):
        return False
    return re.search(rf"</{re.escape(name)}\s*>", body, re.IGNORECASE) is None


def _named(tags: dict[str, str], text: str | None) -> tuple[str, int | None]:
    """The first few ``tags`` (name → first tag as written) with their lines in ``text``,
    and the first of those lines."""
    lines = {tag: line_outside_code(text, written) for tag, written in list(tags.items())[:_SHOWN]}
    names = ", ".join(f"<{tag}> at line {n}" if n else f"<{tag}>" for tag, n in lines.items())
    return names, min((n for n in lines.values() if n), default=None)
