"""Split an article into header and body, and validate the header key by key.

Every problem is reported at the line of the key (or list item) it concerns,
and all problems of a file are reported together.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Callable
from functools import partial
from itertools import pairwise
from typing import Any

from ..core.dates import DEFAULT_ZONE, instant, local_day, read_date
from ..core.errors import ArticlegenError, FrontMatterError, raise_if_any
from ..core.limits import MAX_TITLE_CHARACTERS, header_problem
from ..core.model import Alias, Date, FrontMatter, LinkRef
from ..core.schema import FRONT_MATTER, FRONT_MATTER_KEYS, PAGE_KEYS, Check
from ..core.slugs import SLUG_MAX, SUGGESTED_SLUG_LENGTH, is_slug, slugify
from ..core.urls import AliasError, alias_url
from ..core.yamlchecks import check_characters, type_problem, unknown_key_problems
from ..core.yamldoc import Entry, load_mapping, usable
from ..trust.references import parse_references
from .imagefield import parse_image

_BOUNDARY = re.compile(r"^-{3,}\s*$", re.MULTILINE)
"""A ``---`` line, as python-frontmatter's YAML handler matches it (not imported: start-up)."""

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
        raise FrontMatterError(
            "no front-matter: the file must start with a line '---'",
            path,
            1,
            "add a header: ---, title: …, date: …, ---",
        )
    closing = _BOUNDARY.search(text, opening.end())
    if closing is None:
        raise FrontMatterError(
            "the front-matter is not closed", path, 1, "add a line '---' after the last key"
        )
    header = text[opening.end() : closing.start()]
    header_problem(header, path, 1, FrontMatterError)
    return (
        header,
        text.count("\n", 0, opening.end()) + 1,
        text[closing.end() :],
        text.count("\n", 0, closing.end()) + 1,
    )


def parse_front_matter(
    header: str, path: str, *, zone: zoneinfo.ZoneInfo, first_line: int = 2, page: bool = False
) -> FrontMatter:
    """Validate the YAML header of ``path``; raises every problem at once. A date-time
    written without an offset is in ``zone``, the site's time zone. A ``page``'s header
    takes only ``PAGE_KEYS`` and needs no date."""
    written, problems = load_mapping(header, path, FrontMatterError, first_line=first_line)
    written, found = check_characters(written, path, FrontMatterError)
    problems += found
    if page:
        problems += [
            _article_only(key, entry, path) for key, entry in written.items() if key in ARTICLE_ONLY
        ]
        written = {key: entry for key, entry in written.items() if key not in ARTICLE_ONLY}
    problems += unknown_key_problems(
        written, PAGE_KEYS if page else FRONT_MATTER_KEYS, path, FrontMatterError
    )
    entries = usable(written)
    fields = _check_fields(entries, path, problems, zone)
    problems += _missing_problems(written, fields, path, page)
    problems += _order_problems(fields, entries, path, zone)
    problems += _review_pair_problems(entries, path)
    problems += _expiry_problems(fields, entries, path, zone)
    raise_if_any(problems)
    lines = {key: entry.line for key, entry in entries.items()}
    return FrontMatter(lines=lines, **fields)


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
    article and report its link errors alongside its field errors. A header that is no YAML
    mapping as a whole is read key by key (``_salvaged``), so that one bad line does not
    hide the title, slug and draft flag written on the others. Dates are placed in ``zone``
    (default UTC: callers that want only titles and links need not know the site's)."""
    try:
        written, _problems = load_mapping(header, path, FrontMatterError, first_line=first_line)
    except ArticlegenError:
        written = _salvaged(header, path, first_line)
    entries = usable(written)
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
    for key, check in _checks(zone).items():
        if key in entries:
            try:
                fields[key] = check(key, entries[key], path)
            except ArticlegenError as problem:
                problems.append(problem)
    return fields


def _missing_problems(
    written: dict[str, Entry], fields: dict[str, Any], path: str, page: bool
) -> list[ArticlegenError]:
    """A required key not written (unless the key that lifts it, ``draft``, is true, or the
    file is a ``page`` that may leave it out)."""
    return [
        FrontMatterError(
            f"missing required key '{key.name}'",
            path,
            1,
            f"add '{key.name}: {key.fix}'" + (f" (or '{key.unless}: true')" if key.unless else ""),
        )
        for key in FRONT_MATTER
        if key.required
        and key.name not in written
        and not fields.get(key.unless, False)
        and not (page and key.page_optional)
    ]


def _order_problems(
    fields: dict[str, Any], entries: dict[str, Entry], path: str, zone: zoneinfo.ZoneInfo
) -> list[ArticlegenError]:
    """``updated`` and ``reviewed_on`` may not come before ``date``."""
    date = fields.get("date")
    return [
        FrontMatterError(
            f"'{later}' ({fields[later]}) is before 'date' ({_shown(date, zone)})",
            path,
            entries[later].line,
            f"'{later}' must be on or after 'date': correct whichever of the two is wrong",
        )
        for later in ("updated", "reviewed_on")
        if date and fields.get(later) and _before(fields[later], date, zone)
    ]


def _shown(date: Date, zone: zoneinfo.ZoneInfo) -> str:
    """``date`` as written, and the day pages show when that is another (a date-time
    whose written offset is not the site's)."""
    shown = local_day(date, zone)
    if isinstance(date, dt.datetime) and shown != date.date():
        return f"{date.isoformat()}, which is {shown} in the site's time zone {zone.key}"
    return date.isoformat()


def _before(value: Date, date: Date, zone: zoneinfo.ZoneInfo) -> bool:
    """Two date-times are compared as moments; when either is a day (``reviewed_on``
    always is), the days pages show are compared (in ``zone``, the site's): an update or a
    review later that day is not "before" it."""
    if isinstance(value, dt.datetime) and isinstance(date, dt.datetime):
        return value < date
    return local_day(value, zone) < local_day(date, zone)


def _expiry_problems(
    fields: dict[str, Any], entries: dict[str, Entry], path: str, zone: zoneinfo.ZoneInfo
) -> list[ArticlegenError]:
    """``expires`` must come after ``date``: an article that expires before it publishes
    would never be published at all."""
    date, expires = fields.get("date"), fields.get("expires")
    if not date or not expires or instant(expires, zone) > instant(date, zone):
        return []
    return [
        FrontMatterError(
            f"'expires' ({_shown(expires, zone)}) is not after 'date' ({_shown(date, zone)}), "
            "so the article would never be published",
            path,
            entries["expires"].line,
            "set 'expires' to a later date, or remove it to keep the article for good",
        )
    ]


def _review_pair_problems(entries: dict[str, Entry], path: str) -> list[ArticlegenError]:
    """``reviewed_by`` and ``reviewed_on`` only make sense together."""
    fixes = {key.name: key.fix for key in FRONT_MATTER}
    pairs = (("reviewed_by", "reviewed_on"), ("reviewed_on", "reviewed_by"))
    return [
        FrontMatterError(
            f"'{present}' is set but '{missing}' is not",
            path,
            entries[present].line,
            f"add '{missing}: {fixes[missing]}' (who reviewed the article, and on which day)",
        )
        for present, missing in pairs
        if present in entries and missing not in entries
    ]


def _text(key: str, entry: Entry, path: str) -> str:
    if problem := type_problem(key, entry, str, path, FrontMatterError):
        problem.hint = "put the value in quotes"
        raise problem
    text: str = entry.value.strip()  # a str: type_problem refused anything else
    if not text:
        raise FrontMatterError(f"'{key}' is empty", path, entry.line)
    return text


def _title(key: str, entry: Entry, path: str) -> str:
    title = _text(key, entry, path)
    if len(title) > MAX_TITLE_CHARACTERS:
        raise FrontMatterError(
            f"'title' is {len(title):,} characters long (at most {MAX_TITLE_CHARACTERS})",
            path,
            entry.line,
            "shorten it; the rest belongs in 'description' or in the body",
        )
    return title


def check_slug_length(slug: str, path: str, line: int, hint: str, what: str = "slug") -> None:
    """Refuse slugs too long to be a folder name and a readable URL."""
    if len(slug) > SLUG_MAX:
        raise FrontMatterError(
            f"{what} is {len(slug)} characters long (at most {SLUG_MAX})", path, line, hint
        )


def _flag(key: str, entry: Entry, path: str) -> bool:
    if problem := type_problem(key, entry, bool, path, FrontMatterError):
        raise problem
    flag: bool = entry.value  # a bool: type_problem refused anything else
    return flag


def _slug(key: str, entry: Entry, path: str) -> str:
    value = _text(key, entry, path)
    what = "slug" if key == "slug" else f"{key} id"
    if not is_slug(value):
        suggestion = slugify(value)
        raise FrontMatterError(
            f"invalid {what} '{value}': use lowercase a-z, 0-9 and '-' only",
            path,
            entry.line,
            f"write '{key}: {suggestion}'"
            if suggestion
            else f"choose a {what} such as 'my-article'",
        )
    short = slugify(value, SUGGESTED_SLUG_LENGTH)
    check_slug_length(value, path, entry.line, f"write '{key}: {short}'", what)
    return value


def _string_list(key: str, entry: Entry, path: str) -> list[tuple[str, int]]:
    """A list of non-empty strings with the line of each; a lone string is a list of one, and
    a key with nothing after it (its items all commented out) a list of none."""
    value = entry.value
    if value is None:
        return []
    if isinstance(value, str):
        return [(value.strip(), entry.line)] if value.strip() else []
    if not isinstance(value, list):
        raise FrontMatterError(
            f"'{key}' must be a list", path, entry.line, f"write {key}: [first, second]"
        )
    lines = entry.item_lines or (entry.line,) * len(value)
    items: list[tuple[str, int]] = []
    for item, line in zip(value, lines, strict=True):
        if not isinstance(item, str) or not item.strip():
            raise FrontMatterError(
                f"each item of '{key}' must be non-empty text, found {item!r}",
                path,
                line,
                "put the item in quotes",
            )
        items.append((item.strip(), line))
    return items


def _aliases(key: str, entry: Entry, path: str) -> tuple[Alias, ...]:
    """Old paths on this site, each cleaned (``urls.alias_url``); an unusable one is an
    error at its line with the form to write instead."""
    aliases = []
    for text, line in _string_list(key, entry, path):
        try:
            aliases.append(Alias(alias_url(text), line))
        except AliasError as problem:
            hint = f"write {problem.fix}" if problem.fix else "remove it from 'aliases'"
            raise FrontMatterError(f"alias '{text}' {problem}", path, line, hint) from None
    return tuple(aliases)


def _tags(key: str, entry: Entry, path: str) -> tuple[str, ...]:
    """Tags as written; each must slug (``slugs.slugify``, as ``site.collect_tags`` names
    its page ``tags/<slug>/``) to something (an emoji alone does not), and to no more than
    an article's slug may be."""
    tags: list[str] = []
    for tag, line in _string_list(key, entry, path):
        slug = slugify(tag)
        if not slug:
            raise FrontMatterError(
                f"tag {tag!r} has no letters or digits to make its URL from"
                " (URLs use a-z, 0-9 and '-', other letters spelt in those)",
                path,
                line,
                f"add a word, e.g. '{tag} (health)': the page shows the tag as written,"
                " its URL the word",
            )
        shown = tag if len(tag) <= 40 else tag[:40] + "…"
        check_slug_length(
            slug,
            path,
            line,
            "shorten the tag: its slug names its page's folder",
            f"the slug of tag {shown!r}",
        )
        if tag not in tags:
            tags.append(tag)
    return tuple(tags)


def _links(key: str, entry: Entry, path: str) -> tuple[LinkRef, ...]:
    return tuple(LinkRef(target, line) for target, line in _string_list(key, entry, path))


def _checks(zone: zoneinfo.ZoneInfo) -> dict[str, Callable[[str, Entry, str], Any]]:
    """Each key's check, in the table's order; date-typed keys read dates in ``zone``."""
    by_check: dict[Check, Callable[[str, Entry, str], Any]] = {
        "title": _title,
        "text": _text,
        "slug": _slug,
        "id": _slug,
        "date": partial(read_date, zone=zone),
        "day": partial(read_date, zone=zone, day_only=True),
        "flag": _flag,
        "tags": _tags,
        "links": _links,
        "aliases": _aliases,
        "references": lambda _key, entry, path: parse_references(entry, path, zone),
        "image": partial(parse_image, error=FrontMatterError),
    }
    return {key.name: by_check[key.check] for key in FRONT_MATTER}
