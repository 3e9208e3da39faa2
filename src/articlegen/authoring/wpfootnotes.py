"""The block editor's footnotes of a WordPress post → the ``## Notes`` list Markdown posts'
footnotes become.

The block editor (WordPress 6.3 on) keeps a post's footnotes out of its content: the text
marks each with ``<sup data-fn="id" class="fn"><a href="#id">1</a></sup>``, and the notes'
texts are in the post's meta field ``footnotes``, a JSON list of ``{"id", "content"}`` that
the ``<!-- wp:footnotes /-->`` block shows when the page is served. On a health blog those
notes are the citations, so they are kept as a Jekyll or Hugo post's footnotes are
(``mdsource.footnotes_as_notes``): marks linking to a ``## Notes`` list at the end.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from .htmlimport import html_markdown
from .mdtext import FOOTNOTES_NOTE, with_notes

_MARK_ID = re.compile(r"<sup\b[^>]*?\sdata-fn\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Footnotes:
    """A post's footnotes: each note's label by its id, and its text (HTML), in order."""

    labels: dict[str, str] = field(default_factory=dict)
    texts: tuple[str, ...] = ()

    def added(self, body: str, page: str | None, path: str, notes: list[str]) -> str:
        """``body`` with the notes listed under ``## Notes``, each text as Markdown; what
        needs the author's eye in them (a superscript made plain text) is added to ``notes``
        once, as the body's is."""
        if not self.texts:
            return body
        listed = []
        said: list[str] = []
        for label, text in zip(self.labels.values(), self.texts, strict=True):
            markdown = html_markdown(text, page, path, said).replace("\\\n", " ")
            listed.append((label, " ".join(markdown.split())))
        notes += [note for note in dict.fromkeys(said) if note not in notes]
        return with_notes(body, listed)


def block_footnotes(meta: str, content: str, notes: list[str]) -> Footnotes:
    """The footnotes of a post whose meta field ``footnotes`` is ``meta`` (``""`` without
    one) and whose content is ``content``; what is wrong with them is added to ``notes``,
    so that no citation goes missing unsaid."""
    found = _read(meta, notes) if meta.strip() else Footnotes()
    if found.texts:
        notes.append(FOOTNOTES_NOTE)
    missing = dict.fromkeys(m for m in _MARK_ID.findall(content) if m not in found.labels)
    if missing:
        notes.append(
            f"{len(missing)} footnote mark{'s' if len(missing) != 1 else ''} without a note in "
            "the export (its 'footnotes' field) stay the numbers the text shows: add the notes "
            "from the old site"
        )
    return found


def _read(meta: str, notes: list[str]) -> Footnotes:
    """The notes of the meta field's JSON, or none, with a warning, where it is no list of
    ``{"id", "content"}``."""
    try:
        items = json.loads(meta)
    except ValueError:
        items = None
    if not isinstance(items, list) or not all(
        isinstance(item, dict)
        and isinstance(item.get("id"), str)
        and isinstance(item.get("content"), str)
        for item in items
    ):
        notes.append(
            "its footnotes (the export's 'footnotes' field) are not a list of notes and were "
            "left out: copy them from the old site"
        )
        return Footnotes()
    unique = {item["id"]: item["content"] for item in items}
    labels = {key: str(number) for number, key in enumerate(unique, 1)}
    return Footnotes(labels, tuple(unique.values()))
