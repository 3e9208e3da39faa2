"""Add links to an article's ``see_also:`` by editing its text at the right lines.

An author's file is theirs: comments, key order, quoting and line ends stay as written,
so the header is never dumped again from parsed values. The value of ``see_also`` is
found where it is written (``yamlspans.value_spans``) and grown in its own form: a block
list gets lines in the style of its last item, a flow list ``[a, b]`` more items before
its ``]``, a single text becomes a block list holding it, and a missing key is added
after ``tags`` (or at the end of the header). The edited header is parsed again: unless
every field reads as before, with ``see_also`` grown by exactly the new links, nothing is
written. Links are written as slugs, the simplest form ``links`` resolves.
"""

from __future__ import annotations

import codecs
import contextlib
import dataclasses
import os
import re
import tempfile
import zoneinfo
from collections.abc import Sequence
from pathlib import Path

from ..content.articles import read_bytes
from ..content.frontmatter import parse_front_matter, split_front_matter
from ..core.characters import decode_source
from ..core.dates import DEFAULT_ZONE
from ..core.errors import ArticlegenError, FrontMatterError
from ..core.model import FrontMatter
from ..core.yamlspans import Span, as_scalar, value_spans

KEY = "see_also"
BLOCK_ITEM = "  - "
"""How a new block list's items start (as docs/writing.md writes them)."""
_ITEM_PREFIX = re.compile(r"[ \t]*-[ \t]+")


def add_see_also(text: str, path: str, slugs: Sequence[str]) -> str:
    """``text``, the whole file of the article ``path``, with ``slugs`` added to the end of
    its ``see_also`` and nothing else changed; raises ``FrontMatterError`` if the header
    cannot be read or could not be grown safely."""
    if not slugs:
        return text
    header, first_line, _body, _body_line = split_front_matter(text, path)
    spans = value_spans(header, path, FrontMatterError, first_line=first_line)
    lines = text.split("\n")
    end = "\r" if lines[0].endswith("\r") else ""
    items = [as_scalar(slug) for slug in slugs]
    span = spans.get(KEY)
    if span is None:
        _add_key(lines, spans.get("tags"), _closing_line(lines), items, end)
    elif span.kind == "flow" and not span.items:
        _insert(lines, (span.start[0], span.start[1] + 1), ", ".join(items))
    elif span.kind == "flow":
        _insert(lines, span.items[-1].end, ", " + ", ".join(items))
    elif span.kind == "block":
        _add_block_items(lines, span, items, end, path)
    else:
        _scalar_to_list(lines, span, items, end, path)
    edited = "\n".join(lines)
    _check(text, edited, path, slugs)
    return edited


def edited_file(root: Path, source: str, slugs: Sequence[str]) -> bytes:
    """The bytes of the article file ``source`` (relative to the site ``root``) with
    ``slugs`` added to its ``see_also``: as they were but for the new text, byte-order
    mark and line ends included; checked (``add_see_also``), not yet written."""
    data = read_bytes(root, root / source)
    decode_source(data, source, FrontMatterError)  # refuses what a build would
    bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
    return bom + add_see_also(data[len(bom) :].decode("utf-8"), source, slugs).encode("utf-8")


def replace_file(root: Path, source: str, data: bytes) -> None:
    """Write ``data`` beside the file ``source`` and swap it in, with the file's mode: a
    crash leaves the old file or the new one, never half of one."""
    path = root / source
    try:
        mode = path.stat().st_mode & 0o7777
        fd, staged = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(staged, mode)
            os.replace(staged, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(staged)
            raise
    except OSError as exc:
        raise ArticlegenError(
            f"cannot write the file: {exc.strerror or exc}", source, hint="check its permissions"
        ) from exc


def _closing_line(lines: list[str]) -> int:
    """The 1-based line of the ``---`` that closes the header."""
    return next(i for i, line in enumerate(lines[1:], start=2) if _is_boundary(line))


def _is_boundary(line: str) -> bool:
    return re.fullmatch(r"-{3,}\s*", line) is not None


def _add_key(lines: list[str], tags: Span | None, closing: int, items: list[str], end: str) -> None:
    """A new ``see_also:`` block after ``tags`` when it is written on its key's line alone,
    else as the header's last key."""
    after = tags.key_line if tags is not None and tags.end[0] == tags.key_line else closing - 1
    block = [f"{KEY}:{end}", *(f"{BLOCK_ITEM}{item}{end}" for item in items)]
    lines[after:after] = block


def _add_block_items(lines: list[str], span: Span, items: list[str], end: str, path: str) -> None:
    """New items after the last one, started as it is (its indent and dash)."""
    last = span.items[-1]
    if last.kind != "scalar" or last.style in ("|", ">"):
        raise _cannot(path, last.key_line, "its last item is not a single line of text")
    line, column = last.end
    if column == 0:  # ends at a line break
        line -= 1
    start = lines[last.start[0] - 1][: last.start[1]]
    prefix = start if _ITEM_PREFIX.fullmatch(start) else BLOCK_ITEM
    lines[line:line] = [f"{prefix}{item}{end}" for item in items]


def _scalar_to_list(lines: list[str], span: Span, items: list[str], end: str, path: str) -> None:
    """``see_also: text`` (or nothing, or ``~``) becomes a block list: the text, as
    written, then ``items``; a comment after it stays on the key's line."""
    (line, column), (end_line, end_column) = span.start, span.end
    if end_line != line or span.style in ("|", ">"):
        raise _cannot(path, span.key_line, "its text goes on over several lines")
    written = lines[line - 1][column:end_column]
    if written:  # not a key with nothing after it
        kept = lines[line - 1][:column] + lines[line - 1][end_column:]
        if kept.strip():
            lines[line - 1] = kept.rstrip(" \t\r") + end
        else:
            del lines[line - 1]  # the text stood alone below its key
    old = [] if span.empty else [written]
    lines[span.key_line : span.key_line] = [f"{BLOCK_ITEM}{item}{end}" for item in [*old, *items]]


def _insert(lines: list[str], at: tuple[int, int], text: str) -> None:
    line, column = at
    lines[line - 1] = lines[line - 1][:column] + text + lines[line - 1][column:]


def _check(before: str, after: str, path: str, slugs: Sequence[str]) -> None:
    """Unless ``after`` reads as ``before`` with ``slugs`` at the end of its See Also and
    the same body, raise: the edit is not written."""
    old, old_body = _read(before, path)
    try:
        new, new_body = _read(after, path)
    except ArticlegenError:
        raise _cannot(path, old.lines.get(KEY), "the edited header would not read") from None
    wanted = [ref.target for ref in old.see_also] + list(slugs)
    same = new_body == old_body and _rest(new) == _rest(old)
    if [ref.target for ref in new.see_also] != wanted or not same:
        raise _cannot(path, old.lines.get(KEY), "the edit would change more than see_also")


def _read(text: str, path: str) -> tuple[FrontMatter, str]:
    header, first_line, body, _ = split_front_matter(text, path)
    zone = zoneinfo.ZoneInfo(DEFAULT_ZONE)  # both sides alike: any zone compares them
    return parse_front_matter(header, path, zone=zone, first_line=first_line), body


def _rest(meta: FrontMatter) -> object:
    """``meta`` but for its See Also and every file line it holds, which an edit moves."""
    return _without_lines(dataclasses.replace(meta, see_also=()))


def _without_lines(value: object) -> object:
    """``value`` with each record's line fields (``line``, ``*_line``, ``lines``) emptied,
    in nested records and tuples too."""
    if isinstance(value, tuple):
        return tuple(_without_lines(item) for item in value)
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return value
    changes: dict[str, object] = {}
    for each in dataclasses.fields(value):
        name = each.name
        if name == "lines":
            changes[name] = {}
        elif name == "line" or name.endswith("_line"):
            changes[name] = 0
        else:
            changes[name] = _without_lines(getattr(value, name))
    return dataclasses.replace(value, **changes)


def _cannot(path: str, line: int | None, why: str) -> FrontMatterError:
    return FrontMatterError(
        f"cannot add to 'see_also' safely: {why}",
        path,
        line,
        "add the suggested slugs to 'see_also' by hand",
    )
