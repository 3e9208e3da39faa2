"""File names that are not UTF-8: found, reported and left unread.

Python lists a name whose bytes are not UTF-8 (``caf\\xe9.md``, saved by an old tool in
Latin-1) with each bad byte as a lone surrogate, which no message, digest or cache record can
encode: an article or template so named failed the build with a traceback where the name was
first written out. Such a name is an error naming it with its bytes escaped, and the file is
not read.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..core.errors import ArticlegenError, FrontMatterError, TemplateError
from ..core.layout import CONTENT_DIR, TEMPLATES_DIR


def undecodable(name: str) -> bool:
    """Whether ``name``, as ``os`` lists it, came from bytes that are not UTF-8."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def holds_markdown(folder: Path) -> bool:
    """Whether any ``*.md`` is under ``folder`` (stopping at the first)."""
    return next(folder.rglob("*.md"), None) is not None


def shown_name(name: str) -> str:
    """``name`` with each byte that is not UTF-8 written as ``\\xNN``, for messages."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def undecodable_name_problems(root: Path) -> list[ArticlegenError]:
    """An error for each article (``*.md`` under ``content/``, or a folder holding one) and
    each template whose name is not UTF-8; ``find_sources`` and the templates' listing pass
    over them."""
    problems: list[ArticlegenError] = []
    for folder, error, articles_only in (
        (CONTENT_DIR, FrontMatterError, True),
        (TEMPLATES_DIR, TemplateError, False),
    ):
        top = root / folder
        if not top.is_dir():
            continue
        for parent, subfolders, files in os.walk(top):
            bad = [d for d in subfolders if undecodable(d)]
            subfolders[:] = [d for d in subfolders if d not in bad and not d.startswith(".")]
            named = [
                (name, "folder")
                for name in bad
                if not articles_only or holds_markdown(Path(parent, name))
            ] + [
                (name, "file")
                for name in files
                if undecodable(name) and (name.endswith(".md") or not articles_only)
            ]
            for name, kind in sorted(named):
                path = os.path.relpath(os.path.join(parent, name), root).replace(os.sep, "/")
                problems.append(_not_utf8(path, name, kind, error))
    return problems


def _not_utf8(path: str, name: str, kind: str, error: type[ArticlegenError]) -> ArticlegenError:
    """The error for ``name`` (of a file or folder at ``path``), naming its first bad byte."""
    first = next(ord(c) - 0xDC00 for c in name if "\udc80" <= c <= "\udcff")  # surrogateescape
    return error(
        f"the {kind}'s name is not UTF-8 text (byte 0x{first:02x}), so it is not read",
        shown_name(path),
        hint=f"rename the {kind}, typing the name again (a file manager or 'mv' on this "
        "computer writes names in UTF-8)",
    )
