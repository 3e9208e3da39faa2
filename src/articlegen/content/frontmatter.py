"""Split an article into header and body, and validate the header key by key.

Every problem is reported at the line of the key (or list item) it concerns,
and all problems of a file are reported together. Each value is checked by its kind
(``fieldchecks``), then the rules between keys (``fieldpairs``).
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Collection
from itertools import pairwise
from typing import Any

from ..core.curlyquotes import unwrapped
from ..core.dates import DEFAULT_ZONE
from ..core.errors import ArticlegenError, FrontMatterError, raise_if_any
from ..core.layout import PAGES_DIR
from ..core.limits import header_problem
from ..core.model import FrontMatter
from ..core.nestedkeys import FRONT_MATTER_SECTIONS
from ..core.schema import FRONT_MATTER, FRONT_MATTER_KEYS, PAGE_KEYS
from ..core.slugs import slugify
from ..core.yamlchecks import (
    check_characters,
    meant_keys,
    note_comments,
    unknown_key_problems,
)
from ..core.yamldoc import load_mapping, usable
from ..core.yamlentry import Entry
from .fieldchecks import key_checks, merged_tags, split_tags
from .fieldpairs import pair_problems
from .gluedkeys import glued_key_problems

_BOUNDARY = re.compile(r"^-{3,}\s*$", re.MULTILINE)
"""A ``---`` line, as python-frontmatter's YAML handler matches it (not imported: start-up)."""
_HEADER_SHAPED = re.compile(r"[A-Za-z_][\w.-]*[ \t]*:(?:[ \t]|$)|[ \t]+\S|-(?:[ \t]|$)|#")
"""A line a header holds: a key and its colon, an indented line, a list item, a comment."""

ARTICLE_ONLY = {key.name: key.article_only for key in FRONT_MATTER if key.article_only}
"""Why each article key that ``schema.PAGE_KEYS`` leaves out means nothing on a page: the
error for one says so rather than calling a well-known key unknown."""


def split_front_matter(text: str, path: str) -> tuple[str, int, str, int]:
    """``(header, header_first_line, body, body_first_line)`` of an article's text."""
    if not text.strip():
        raise FrontMatterError(
            "the file is empty", path, 1, "start it with a '---' header holding at least a title"
        )
    opening = _BOUNDARY.match(text)
    if opening is None:
        raise _no_header(text, path)
    closing = _closing_boundary(text, opening.end())
    if closing is None:
        raise _not_closed(text, path)
    header = text[opening.end() : closing.start()]
    header_problem(header, path, 1, FrontMatterError)
    return (
        header,
        text.count("\n", 0, opening.end()) + 1,
        text[closing.end() :],
        text.count("\n", 0, closing.end()) + 1,
    )


def _not_closed(text: str, path: str) -> FrontMatterError:
    """Where to close a header that has no closing ``---``. One closed by ``...``, YAML's end
    of a document, which Pandoc (R Markdown, Quarto) takes as a header's end, is told at
    that line: a writer told only to add a ``---`` after the keys would leave the ``...``
    as the body's first text."""
    last = _last_header_line(text)
    lines = text.split("\n")
    if last is not None and last < len(lines) and lines[last].strip() == "...":
        return FrontMatterError(
            "the front-matter ends with '...', YAML's end of a document (as Pandoc reads a "
            "header), but an article's header ends with a line '---'",
            path,
            last + 1,
            "write '---' in place of '...'",
        )
    where = f"line {last}, where its keys end" if last else "the last key"
    return FrontMatterError(
        "the front-matter is not closed", path, 1, f"add a line '---' after {where}"
    )


def _last_header_line(text: str) -> int | None:
    """The line (from 1) that ends the run of header-shaped lines under the opening
    ``---`` (``key:``, an indented line, a list item, a comment), before a blank line or
    text: where a writer who left the header open most likely meant it to end."""
    last = None
    for number, line in enumerate(text.split("\n")[1:], start=2):
        if not _HEADER_SHAPED.match(line):
            break
        last = number
    return last


def _closing_boundary(text: str, start: int) -> re.Match[str] | None:
    """``_BOUNDARY.search(text, start)`` (``start`` > 0), trying the expression only where a
    line starts with ``---``: searching the whole header for a line start took longer than
    the rest of splitting an article."""
    at = text.find("\n---", start - 1)
    while at != -1:
        if found := _BOUNDARY.match(text, at + 1):
            return found
        at = text.find("\n---", at + 1)
    return None


def _no_header(text: str, path: str) -> FrontMatterError:
    """Why the file does not start with ``---``, said for what it starts with instead: a
    Hugo TOML header, or a ``---`` after blank lines."""
    start = text.lstrip()
    if start.startswith("+++"):
        return FrontMatterError(
            "no front-matter: the header between '+++' lines is TOML, as Hugo writes it, "
            "and articlegen reads YAML between '---' lines",
            path,
            1,
            "write it as YAML: ---, then 'title: \"…\"' for 'title = \"…\"' and so on, "
            "then --- (articlegen import converts whole Hugo sites)",
        )
    if _BOUNDARY.match(start) is not None:
        line = text.count("\n", 0, len(text) - len(start)) + 1
        where = f"is on line {line}, after blank lines" if line > 1 else "has spaces before it"
        return FrontMatterError(
            f"no front-matter: the '---' that opens it {where}",
            path,
            1,
            "delete what comes before it: the file must start with the '---' line",
        )
    if keys := _unopened_keys(text):
        return FrontMatterError(
            f"no front-matter: the header's keys, lines 1 to {keys}, have no '---' line above"
            " them, only below",
            path,
            1,
            "add a line '---' before line 1, as the file's first line",
        )
    return FrontMatterError(
        "no front-matter: the file must start with a line '---'",
        path,
        1,
        "add a header: ---, title: …, date: …, ---",
    )


def _unopened_keys(text: str) -> int | None:
    """The last line of a header that lacks only its opening ``---``: header-shaped lines
    from the file's first, a ``title:`` among them, then a ``---`` line. Told to add a
    whole header, a writer would add a second one above it."""
    lines = text.split("\n")
    count = next((n for n, line in enumerate(lines) if not _HEADER_SHAPED.match(line)), 0)
    if (
        count
        and _BOUNDARY.match(lines[count])
        and any(line.startswith("title:") for line in lines[:count])
    ):
        return count
    return None


def parse_front_matter(
    header: str, path: str, *, zone: zoneinfo.ZoneInfo, first_line: int = 2, page: bool = False
) -> FrontMatter:
    """Validate the YAML header of ``path``; raises every problem at once. A date-time
    written without an offset is in ``zone``, the site's time zone. A ``page``'s header
    takes only ``PAGE_KEYS`` and needs no date."""
    swallowed: set[str] = set()
    written, problems = load_mapping(
        header, path, FrontMatterError, first_line=first_line, swallowed=swallowed
    )
    note_comments(written, header, first_line)
    written, found = check_characters(written, path, FrontMatterError, header)
    problems += found
    if page:
        problems += [
            _article_only(key, entry, path) for key, entry in written.items() if key in ARTICLE_ONLY
        ]
        written = {key: entry for key, entry in written.items() if key not in ARTICLE_ONLY}
    if "layout" in written:  # Jekyll's, Hugo's: not a key whose name is close to one here
        problems.append(_layout_problem(written.pop("layout"), path, page))
    problems += unknown_key_problems(
        written,
        PAGE_KEYS if page else FRONT_MATTER_KEYS,
        path,
        FrontMatterError,
        nested={} if page else FRONT_MATTER_SECTIONS,
    )
    entries = usable(written)
    fields = _check_fields(entries, path, problems, zone)
    keys = PAGE_KEYS if page else FRONT_MATTER_KEYS
    meant = meant_keys(written, keys)
    glued = glued_key_problems(header, written, keys, path, first_line)
    problems += glued.values()
    problems += _missing_problems(
        written.keys() | swallowed | meant | glued.keys(), fields, path, page
    )
    problems += pair_problems(fields, entries, path, zone, meant)
    raise_if_any(problems)
    lines = {key: entry.line for key, entry in entries.items()}
    if "tags" not in fields:
        return FrontMatter(lines=lines, **fields)
    merged = merged_tags(entries["tags"], path, fields["tags"])
    split = split_tags(entries["tags"], header, first_line)
    return FrontMatter(lines=lines, merged_tags=merged, split_tags=split, **fields)


def _layout_problem(entry: Entry, path: str, page: bool) -> ArticlegenError:
    """The error for ``layout:``, which picks a page's template in Jekyll and Hugo: here a
    page's kind picks it, and a site's own template of that name overrides the theme's."""
    own, kind = ("page.html", "page") if page else ("article.html", "article")
    return FrontMatterError(
        "unknown key 'layout': articlegen picks each page's template by its kind (article.html"
        " for an article, page.html for a page of content/pages/), not by a key",
        path,
        entry.line,
        f"remove it; to change how every {kind} looks, copy the theme's {own} into the site's"
        " templates/ (templates/README.md says where it is) and edit it: it is used in place of"
        " the theme's",
    )


def _article_only(key: str, entry: Entry, path: str) -> ArticlegenError:
    """The error for an article's key (one of ``ARTICLE_ONLY``) in a page's header."""
    return FrontMatterError(
        f"'{key}' is an article's key: a page {ARTICLE_ONLY[key]}",
        path,
        entry.line,
        f"remove '{key}', or move the file out of content/pages/ to make it an article",
    )


def readable_fields(
    header: str,
    path: str,
    *,
    first_line: int = 2,
    zone: zoneinfo.ZoneInfo | None = None,
) -> FrontMatter:
    """The fields of a header that failed ``parse_front_matter`` that are valid on their own
    (an invalid or missing title is empty), so the build can still link to and from the
    article and report its link errors alongside its field errors; a value written between
    curly quotes is read as the text inside them (``curlyquotes``). A header that is no YAML
    mapping as a whole is read key by key (``_salvaged``), so that one bad line does not
    hide the title, slug and draft flag written on the others. Dates are placed in ``zone``
    (default UTC: callers that want only titles and links need not know the site's)."""
    try:
        written, _problems = load_mapping(header, path, FrontMatterError, first_line=first_line)
    except ArticlegenError:
        written = _salvaged(header, path, first_line)
    entries = {key: unwrapped(entry) for key, entry in usable(written).items()}
    fields = _check_fields(entries, path, [], zone or zoneinfo.ZoneInfo(DEFAULT_ZONE))
    slug = entries.get("slug")
    if "slug" not in fields and slug is not None and isinstance(slug.value, str):
        # The slug its error message offers, so that links written to it are not reported too.
        fields["slug"] = slugify(slug.value) or None
    lines = {key: entry.line for key, entry in entries.items()}
    return FrontMatter(title=fields.pop("title", ""), lines=lines, **fields)


_TOP_KEY = re.compile(r"[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|$)")
"""A line that starts a top-level ``key:`` (its value may go on over indented lines)."""


def _salvaged(header: str, path: str, first_line: int) -> dict[str, Entry]:
    """Each top-level key of ``header`` read on its own, with its following lines up to the
    next one; keys whose lines do not parse alone are left out."""
    lines = header.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if _TOP_KEY.match(line)]
    entries: dict[str, Entry] = {}
    for start, end in pairwise([*starts, len(lines)]):
        chunk = "".join(lines[start:end])
        try:
            found, _problems = load_mapping(
                chunk, path, FrontMatterError, first_line=first_line + start
            )
        except ArticlegenError:
            continue
        for key, entry in found.items():
            entries.setdefault(key, entry)
    return entries


def _check_fields(
    entries: dict[str, Entry],
    path: str,
    problems: list[ArticlegenError],
    zone: zoneinfo.ZoneInfo,
) -> dict[str, Any]:
    """Each known key's checked value; the problems of the others added to ``problems``."""
    fields: dict[str, Any] = {}
    for key, check in key_checks(zone).items():
        if key in entries:
            try:
                fields[key] = check(key, entries[key], path)
            except ArticlegenError as problem:
                problems.append(problem)
    return fields


def _missing_problems(
    written: Collection[str], fields: dict[str, Any], path: str, page: bool
) -> list[ArticlegenError]:
    """A required key not ``written`` (unless the key that lifts it, ``draft``, is true, or
    the file is a ``page`` that may leave it out). An About page written beside the articles
    lacks a date for a reason: the hint says where a page goes. A key a quoted value left
    open read on over counts as written: its line holds it, and the quote is the error."""
    return [
        FrontMatterError(
            f"missing required key '{key.name}'",
            path,
            1,
            f"add '{key.name}: {key.fix}'"
            + (f" (or '{key.unless}: true')" if key.unless else "")
            + (
                f"; a page with no {key.name}, such as About, goes in {PAGES_DIR}"
                if key.page_optional
                else ""
            ),
        )
        for key in FRONT_MATTER
        if key.required
        and key.name not in written
        and not fields.get(key.unless, False)
        and not (page and key.page_optional)
    ]
