"""Files in ``content/`` that are articles but for their names: the build reads only
``*.md``, so each would go missing from the site without a word. Other tools' Markdown
endings (``walking.markdown``, as Jekyll names posts; ``Notes.MD``), an article saved as text
(``sleep.md.txt``, as Windows Notepad saves it), a name that ends in a space or a dot after
``.md`` (``sleep.md ``), and a ``.txt`` or ``.text`` file that starts as an article does.

Each is an error asking to rename it. The names looked at are the ones the preview's watcher
rebuilds for too (``may_be_misnamed``), so the preview reports them as the build does.
Hidden files, draft folders (``_x``) and editors' backups and swap files (``x.md~``,
``.x.md.swp``, ``#x.md#``, ``x.md.bak``) are left alone: they are normal while editing.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from ..core.errors import ArticlegenError, FrontMatterError
from ..core.layout import CONTENT_DIR
from .filenames import shown_name
from .strays import has_article_header

OTHER_MARKDOWN = frozenset({".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".md"})
"""Endings other tools read as Markdown (compared in lower case; ``.md`` for ``.MD``):
Jekyll's posts are ``*.markdown``."""
TEXT_ENDINGS = frozenset({".txt", ".text"})
"""Endings of plain text, which editors add to a name they save as text (compared in lower
case): Notepad's ``sleep.md.txt``."""
UNREAD_PREFIXES = (".", "_", "#", "~")
"""How the names of files the build never reads start: hidden ones, drafts kept apart
(``_x.md``), editors' locks and autosaves (``#x.md#``, ``~x.md``)."""


def meant_name(name: str) -> str | None:
    """The ``*.md`` name a file of ``content/`` named ``name`` was meant to have, where its
    name alone shows it for an article's: ``x.markdown``, ``x.MD``, ``x.md.txt``, ``x.md ``
    (trailing spaces and dots) all give ``x.md``. None for an article's own name, a name the
    build never reads and any other (a ``.txt`` file's text decides, ``misnamed_problems``)."""
    if name.endswith(".md") or name.startswith(UNREAD_PREFIXES):
        return None
    stem, suffix = os.path.splitext(name.rstrip(" ."))
    if suffix.lower() in TEXT_ENDINGS:  # sleep.md.txt: the ending before it tells
        stem, suffix = os.path.splitext(stem)
    if not stem or suffix.lower() not in OTHER_MARKDOWN:
        return None
    return f"{stem}.md"


def may_be_misnamed(name: str) -> bool:
    """Whether a file named ``name`` in ``content/`` is one ``misnamed_problems`` looks at:
    a name ``meant_name`` knows, or a text file's, whose first lines decide."""
    return meant_name(name) is not None or _text_name(name) is not None


def _text_name(name: str) -> str | None:
    """``x.md`` for a text file's name ``x.txt`` or ``x.text`` (in any case); else None."""
    if name.startswith(UNREAD_PREFIXES):
        return None
    stem, suffix = os.path.splitext(name.rstrip(" ."))
    return f"{stem}.md" if stem and suffix.lower() in TEXT_ENDINGS else None


def renamed(display: str) -> str | None:
    """The path a file of ``content/`` (``display``, from the site root) reported by
    ``misnamed_problems`` has once renamed as its error says; None for any other file."""
    path = PurePosixPath(display)
    name = meant_name(path.name) or _text_name(path.name)
    return None if name is None else str(path.with_name(name))


def misnamed_problems(root: Path) -> list[ArticlegenError]:
    """One error per file of ``content/`` that is an article but for its name (the module's
    docstring says which): reported, as an article must not silently go missing from the
    site."""
    problems: list[ArticlegenError] = []
    for folder, subfolders, files in os.walk(root / CONTENT_DIR):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith((".", "_")))
        for name in sorted(files):
            if name.endswith(".md"):  # an article: only the others need a closer look
                continue
            path = Path(folder) / name
            meant, header = meant_name(name), False
            if meant is None and (meant := _text_name(name)) is not None:
                header = path.is_file() and has_article_header(path)  # no pipe is opened
                if not header:
                    continue
            if meant is not None:
                problems.append(_misnamed(root, path, meant, _why(name, header)))
    return problems


def _why(name: str, header: bool) -> str:
    """What is wrong with the name, where the message for ``x.markdown`` did not say it: a
    text file's ending, or spaces and dots after the name, which no one sees."""
    trimmed = name.rstrip(" .")
    stem, ending = os.path.splitext(trimmed)
    if trimmed != name:
        tail = name[len(trimmed) :]
        counts = (("space", tail.count(" ")), ("dot", tail.count(".")))
        after = " and ".join(f"a {kind}" if n == 1 else f"{kind}s" for kind, n in counts if n)
        return f", and this one's name ends in {after} after '{ending}'"
    if header:
        return f", and this one ends in '{ending}' though it starts as an article"
    if ending.lower() in TEXT_ENDINGS:
        return (
            f", and this one ends in '{ending}' after '{os.path.splitext(stem)[1]}', as"
            " Notepad and other editors name a file saved as text"
        )
    return ""


def _misnamed(root: Path, path: Path, meant: str, why: str) -> ArticlegenError:
    shown = shown_name(path.relative_to(root).as_posix())  # a name not UTF-8 with its bytes
    target = PurePosixPath(shown).with_name(shown_name(meant))
    hint = f"rename it to {target} (or move it out of {CONTENT_DIR}/ if it is no article)"
    other = path.with_name(meant)
    if other.exists() and not other.samefile(path):  # the same: a case-blind file system
        hint = (
            f"{target} is there too: delete the copy you do not need, or move this one out"
            f" of {CONTENT_DIR}/"
        )
    return FrontMatterError(
        "not read: only files ending in '.md' are articles" + why, shown, hint=hint
    )
