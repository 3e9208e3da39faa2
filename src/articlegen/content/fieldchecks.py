"""How each kind of front-matter value is read and checked: one function per ``Check`` named
in ``schema.FRONT_MATTER`` (text, slug, dates, tags, links, aliases, references…), each
returning the value its ``FrontMatter`` field holds or raising the error at its line."""

from __future__ import annotations

import re
import unicodedata
import zoneinfo
from collections.abc import Callable, Mapping, Sequence
from functools import cache, partial
from typing import Any, Literal

from ..core.dates import read_date
from ..core.errors import ArticlegenError, FrontMatterError, raise_if_any
from ..core.limits import MAX_TITLE_CHARACTERS
from ..core.model import Alias, LinkRef
from ..core.schema import FRONT_MATTER, Check
from ..core.slugs import SLUG_MAX, SUGGESTED_SLUG_LENGTH, is_slug, slugify
from ..core.urls import AliasError, alias_url
from ..core.yamlchecks import as_written, mapping_line, quote_hint, type_problem
from ..core.yamlentry import Entry
from ..trust.references import parse_references
from .imagefield import parse_image

_HASHTAG = re.compile(r"#[^\s#,]+,?")
"""A tag as social networks write it, ``#sleep`` (a comma after it, as a list has)."""


def _text(key: str, entry: Entry, path: str) -> str:
    if problem := type_problem(key, entry, str, path, FrontMatterError):
        raise problem
    text: str = entry.value.strip()  # a str: type_problem refused anything else
    if not text:
        raise FrontMatterError(
            f"'{key}' is empty", path, entry.line, f"write the value after '{key}:'"
        )
    return text


def _shown_text(key: str, entry: Entry, path: str) -> str:
    """A text readers see (a title, a description, an author's name), not cut short by a
    comment: ``title: Zinc #1 Tips`` made a page titled 'Zinc' without a word said. A
    comment after a slug or a date is read as the author meant it."""
    text = _text(key, entry, path)
    if entry.comment:
        whole = f"{entry.written} {entry.comment}".replace("\\", "\\\\").replace('"', '\\"')
        raise FrontMatterError(
            f"'{key}' is '{text}': YAML reads ' {entry.comment}' after it as a comment",
            path,
            entry.line,
            f'if the # is part of it, put it all in quotes: {key}: "{whole}"; a comment goes'
            " on a line of its own",
        )
    return text


_OFF_WORDS = frozenset({"false", "no", "off", "none"})
"""Words that, as a disclaimer's whole text, mean "no disclaimer" rather than its words."""


def _text_or_false(key: str, entry: Entry, path: str) -> str | Literal[False]:
    """A text shown in place of the site's (``disclaimer``), or ``false`` for none at all.
    ``true`` and an empty value say nothing the absent key would not, and a quoted ``"false"``
    or a plain ``none`` would be shown as the text: each is an error naming the three ways."""
    ways = f"write this article's own text, '{key}: false' to show none, or remove '{key}'"
    value = entry.value
    if value is False:
        return False
    if value is True or value is None or (isinstance(value, str) and not value.strip()):
        found = "true" if value is True else "empty"
        message = f"'{key}' is {found}: it takes a text, or false"
        raise FrontMatterError(message, path, entry.line, ways + " to show the site's")
    text = _shown_text(key, entry, path)
    if text.lower() in _OFF_WORDS:
        raise FrontMatterError(
            f"'{key}' is the text '{text}', which would be shown as the {key}'s words",
            path,
            entry.line,
            f"to show none, write {key}: false, without quotes",
        )
    return text


def _title(key: str, entry: Entry, path: str) -> str:
    title = _shown_text(key, entry, path)
    if len(title) > MAX_TITLE_CHARACTERS:
        raise FrontMatterError(
            f"'title' is {len(title):,} characters long (at most {MAX_TITLE_CHARACTERS})",
            path,
            entry.line,
            "shorten it; the rest belongs in 'description' or in the body",
        )
    if not any(unicodedata.category(c)[0] in "LNPS" for c in title):  # no letter, digit, sign
        shown = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'unnamed')}" for c in title[:3])
        raise FrontMatterError(
            f"'title' shows nothing: it holds only invisible characters ({shown}"
            + (", …" if len(title) > 3 else "")
            + ")",
            path,
            entry.line,
            "write the title in words; the page's heading, its tab and every list would be blank",
        )
    if "\n" in title:  # a YAML '|' block keeps them: the <title>, headings and lists broke
        raise FrontMatterError(
            f"'title' spans {title.count(chr(10)) + 1} lines",
            path,
            entry.line,
            "write the title on one line (a '>' block joins its lines with spaces)",
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


def _string_list(
    key: str, entry: Entry, path: str, problems: list[ArticlegenError] | None = None
) -> list[tuple[str, int]]:
    """A list of non-empty strings with the line of each; a lone string is a list of one, and
    a key with nothing after it (its items all commented out) a list of none. Every item
    that is no text is an error at its line: raised together, or added to ``problems``, for
    a caller that checks the good items as well, so that one run tells them all."""
    value = entry.value
    if value is None:
        _no_hashtags(key, entry, path)
        return []
    if isinstance(value, str):
        return [(value.strip(), entry.line)] if value.strip() else []
    if not isinstance(value, list):
        raise FrontMatterError(
            f"'{key}' must be a list", path, entry.line, f"write {key}: [first, second]"
        )
    items: list[tuple[str, int]] = []
    found: list[ArticlegenError] = []
    for item in entry.items:
        if _wiki_target(item.value):  # see_also: [[Sleep Basics]], to YAML a list in a list
            flat = [_wiki_target(i.value) or i.value for i in entry.items]
            raise FrontMatterError(
                f"each item of '{key}' must be text, found a list in a list: YAML reads "
                f"[[…]] so, not as a link",
                path,
                item.line,
                f"write the items without [[ ]]: {key}: [{', '.join(map(str, flat))}]",
            )
        if not isinstance(item.value, str) or not item.value.strip():
            found.append(
                FrontMatterError(
                    f"each item of '{key}' must be non-empty text, found {as_written(item)}",
                    path,
                    item.line,
                    _item_hint(key, item, entry),
                )
            )
        else:
            items.append((item.value.strip(), item.line))
    if problems is None:
        raise_if_any(found)
    else:
        problems += found
    return items


def _no_hashtags(key: str, entry: Entry, path: str) -> None:
    """A list written as hashtags (``tags: #sleep #health``), which YAML reads as a comment
    after an empty value: an error giving the list, where the article had silently none."""
    comment = entry.written or ""
    hashtags = comment.split()
    if not hashtags or not all(_HASHTAG.fullmatch(word) for word in hashtags):
        return
    words = [word.strip(",").lstrip("#") for word in hashtags]
    raise FrontMatterError(
        f"'{key}' is empty: YAML reads ' #' and what follows as a comment, so '{comment}'"
        " names none",
        path,
        entry.line,
        f"write them without '#', as a list: {key}: [{', '.join(words)}]",
    )


def _item_hint(key: str, item: Entry, entry: Entry) -> str:
    """How to fix a list item that is no text: an empty one (``- ``, ``""``) is removed,
    as quotes would not help; a list of texts (``- [sleep, heart]``) gives its items to the
    list, as quoting it would make one tag, or a See Also item, of ``[sleep, heart]``; a
    number or a ``key: value`` is quoted."""
    if item.value is None or (isinstance(item.value, str) and not item.value.strip()):
        return f"remove the empty item from '{key}', or write what it should name"
    if isinstance(item.value, list) and all(isinstance(v, str) for v in item.value):
        flat = [v for i in entry.items for v in (i.value if i is item else [i.value])]
        return f"write its items in the list itself: {key}: [{', '.join(map(str, flat))}]"
    if item.written or mapping_line(item.value):
        return quote_hint(None, item)
    return "put the item in quotes"


def _wiki_target(value: object) -> str | None:
    """The text of a list item written as ``[[Title]]``, as YAML reads it in a header: a list
    of one text in a list written on the key's line (``see_also: [[Sleep Basics]]``), a list
    of one list of one text as a ``- [[Sleep Basics]]`` item of its own, as a writer used to
    wiki links writes a block list (there 'put the item in quotes' led to '[[Sleep
    Basics]]', which names no article either). None for any other item."""
    if isinstance(value, list) and len(value) == 1 and isinstance(value[0], list):
        value = value[0]
    if isinstance(value, list) and len(value) == 1 and isinstance(value[0], str):
        return value[0]
    return None


def _aliases(key: str, entry: Entry, path: str) -> tuple[Alias, ...]:
    """Old paths on this site, each cleaned (``urls.alias_url``); an unusable one is an
    error at its line with the form to write instead."""
    aliases = []
    problems: list[ArticlegenError] = []
    for text, line in _string_list(key, entry, path, problems):
        try:
            aliases.append(Alias(alias_url(text), line))
        except AliasError as problem:
            hint = f"write {problem.fix}" if problem.fix else "remove it from 'aliases'"
            shown = text if len(text) <= 80 else text[:80] + "…"
            problems.append(FrontMatterError(f"alias '{shown}' {problem}", path, line, hint))
    raise_if_any(problems)
    return tuple(aliases)


def _tags(key: str, entry: Entry, path: str) -> tuple[str, ...]:
    """Tags as written, each page once; each must slug (``slugs.slugify``, as
    ``site.collect_tags`` names its page ``tags/<slug>/``) to something (an emoji alone does
    not), and to no more than an article's slug may be. Every tag's problem is told, not the
    first one's alone (``tags: ["💪", "???"]``)."""
    tags: list[str] = []
    slugs: set[str] = set()
    problems: list[ArticlegenError] = []
    for tag, line in _string_list(key, entry, path, problems):
        try:
            slug = _tag_slug(key, tag, line, path)
        except ArticlegenError as problem:
            problems.append(problem)
            continue
        if slug not in slugs:  # 'Health' and 'health' are one tag page: listed once
            slugs.add(slug)
            tags.append(tag)
    raise_if_any(problems)
    return tuple(tags)


def _tag_slug(key: str, tag: str, line: int, path: str) -> str:
    """The slug of ``tag``, which names its page; an error if it cannot name one."""
    _no_dash(key, tag, line, path)
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
    return slug


def _no_dash(key: str, tag: str, line: int, path: str) -> None:
    """A tag opening with ``-`` is a list item written without the space after its dash
    (``tags: [-sleep]``, or ``-sleep`` lines under ``tags:``, which YAML joins into one
    text ``-sleep -heart``): it would make a tag page of ``-sleep``."""
    if not tag.startswith("-") or tag[1:2].isspace() or not tag.strip("-"):
        return
    words = tag.split()
    items = [w.lstrip("-") for w in words] if all(w.startswith("-") for w in words) else [tag]
    raise FrontMatterError(
        f"tag {tag!r} starts with '-': YAML reads a list item without a space after its '-'"
        " as text, and the '-' as part of the tag",
        path,
        line,
        f"write {key}: [{', '.join(item.lstrip('-') for item in items)}], or each tag on its"
        " own line as '- tag'",
    )


def merged_tags(entry: Entry, path: str, tags: Sequence[str]) -> tuple[tuple[str, str, int], ...]:
    """The tags of a valid ``tags:`` list that ``_tags`` leaves out for an earlier one
    making the same page, not only in case (``C#`` after ``C``, both ``tags/c/``): each as
    written, the one kept and its line. ``tags``: those ``_tags`` kept; where it kept as
    many as the list has items (every one, as nearly always), none was left out, and the
    list is not read again."""
    if len(entry.items) <= len(tags):  # a lone text (no items) is one tag: none merged
        return ()
    kept: dict[str, str] = {}
    merged = []
    for tag, line in _string_list("tags", entry, path):
        first = kept.setdefault(slugify(tag), tag)
        if first.casefold() != tag.casefold():
            merged.append((tag, first, line))
    return tuple(merged)


def split_tags(
    entry: Entry, header: str, first_line: int
) -> tuple[tuple[tuple[str, ...], int], ...]:
    """The unquoted tags of ``tags:`` that YAML read from more than one line of ``header``
    (whose first line is file line ``first_line``), joining the lines with a space: each as
    its part on each line, and the line it starts on. A tag found whole in the header, as
    nearly every one is, costs one search of it."""
    found = []
    lines: list[str] = []
    for item in entry.items or (entry,):
        tag = item.written
        if not tag or " " not in tag or tag in header:
            continue
        lines = lines or header.split("\n")
        parts = _parts_on_lines(tag, lines[item.line - first_line :])
        if len(parts) > 1:
            found.append((parts, item.line))
    return tuple(found)


def _parts_on_lines(tag: str, lines: list[str]) -> tuple[str, ...]:
    """The parts of ``tag`` on each of ``lines``, from the one it starts on (which ends with
    its first part) to the one it ends on (which starts with its last); ``()`` where the
    lines do not hold it so."""
    first = lines[0].rstrip()
    cuts = [at for at, char in enumerate(tag) if char == " " and first.endswith(tag[:at])]
    if not cuts:
        return ()
    parts, rest = [tag[: cuts[-1]]], tag[cuts[-1] + 1 :]
    for line in lines[1:]:
        text = line.strip()
        if rest.startswith(text + " ") and text:
            parts.append(text)
            rest = rest[len(text) + 1 :]
        elif text.startswith(rest):
            return (*parts, rest)
        else:
            return ()
    return ()


def _links(key: str, entry: Entry, path: str) -> tuple[LinkRef, ...]:
    return tuple(LinkRef(target, line) for target, line in _string_list(key, entry, path))


@cache
def key_checks(zone: zoneinfo.ZoneInfo) -> Mapping[str, Callable[[str, Entry, str], Any]]:
    """Each key's check, in the table's order; date-typed keys read dates in ``zone``.
    Made once per zone, not once per header."""
    by_check: dict[Check, Callable[[str, Entry, str], Any]] = {
        "title": _title,
        "text": _shown_text,
        "text_or_false": _text_or_false,
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
