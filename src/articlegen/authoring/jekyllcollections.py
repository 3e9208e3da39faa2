"""A Jekyll site's published collections (``_guides/``, ``output: true``) and the addresses
Jekyll gives its posts and documents.

Jekyll writes each document of a collection whose ``_config.yml`` entry says ``output:
true`` (a file with front matter in ``_guides/``, or in ``collections_dir``'s) at its own
``permalink``, else the collection's, else ``/:collection/:path`` ending as the site's
permalink style ends (``Utils.add_permalink_suffix``: ``date``, the default, adds
``:output_ext``; ``pretty``, or a pattern ending in ``/``, adds ``/``). A document with a
date (its header's, or its file name's: ``2019-05-14-x.md``), tags or categories reads
like a post and becomes an article; any other one a page. The placeholders of dates
(``:year``, ``:month``…) are the posts' too.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.model import Date
from .blogsource import Blog, clean_path
from .jekyllpages import PageRules, PageSource, document_files, excluded, read_page_source
from .mdsource import date_value, tagged, text_list, theme_listing
from .rubytime import jekyll_dates

STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
"""Jekyll's permalink style names and the patterns they stand for."""
POST_NAME = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})-(.+)")
"""A post's file name (``2019-05-14-slug``), which a document's may be too."""
_PLACEHOLDER = re.compile(r":(categories|output_ext|short_year|i_month|i_day|y_day|short_month"
                          r"|long_month|short_day|long_day|year|month|day|hour|minute|second"
                          r"|title|slug|week|name|collection|path)")  # fmt: skip
_DEFAULT = "/:collection/:path"
TERM_KEYS = ("tags", "tag", "categories", "category")
"""The keys whose terms make a document read like a post (Jekyll reads each name alone too)."""


@dataclass(frozen=True, slots=True)
class Collection:
    """A collection Jekyll publishes: its name, its folder in the site's, its pattern."""

    name: str
    folder: str
    """Its documents' folder from the site's: ``_guides``, or ``collections_dir``'s."""
    template: str
    """Its ``permalink``, else ``/:collection/:path`` with the site's style's ending."""


@dataclass(frozen=True, slots=True)
class DocumentRules:
    """What of ``_config.yml`` a document's reading needs beside its collection."""

    baseurl: str
    zone: dt.tzinfo | None
    defaults: tuple[dict[str, Any], ...]
    entries: PageRules
    """The site's ``include:`` and ``exclude:``, which Jekyll applies inside collections too."""


def published_collections(fields: dict[str, Any]) -> tuple[Collection, ...]:
    """The collections of ``_config.yml`` (``fields``) whose documents Jekyll writes
    (``guides: {output: true}``); a list of names, or ``output`` unset, publishes none."""
    value = fields.get("collections")
    if not isinstance(value, dict):
        return ()
    style = str(fields.get("permalink") or "date")
    under = collections_dir(fields)
    found = []
    for name, settings in value.items():
        if name == "posts" or not isinstance(settings, dict) or settings.get("output") is not True:
            continue
        own = settings.get("permalink")
        template = own.strip() if isinstance(own, str) and own.strip() else None
        folder = posixpath.join(under, f"_{name}") if under else f"_{name}"
        found.append(Collection(str(name), folder, template or permalink_suffix(_DEFAULT, style)))
    return tuple(found)


def collections_dir(fields: dict[str, Any]) -> str:
    """``_config.yml``'s ``collections_dir``: the folder (from the site's) that holds the
    collections' folders, ``_posts`` among them; empty for the site's own."""
    return str(fields.get("collections_dir") or "").strip().strip("/")


def permalink_suffix(template: str, style: str) -> str:
    """``template`` ending as the site's permalink ``style`` ends, as Jekyll's
    ``Utils.add_permalink_suffix`` makes a collection's pattern: ``pretty`` or a pattern
    ending in ``/`` adds ``/``; ``date``, ``ordinal``, ``none`` or a pattern ending in
    ``:output_ext`` adds ``:output_ext``; any other adds nothing."""
    if style == "pretty":
        return template + "/"
    if style in ("date", "ordinal", "none"):
        return template + ":output_ext"
    return (
        template
        + ("/" if style.endswith("/") else "")
        + (":output_ext" if style.endswith(":output_ext") else "")
    )


def with_defaults(
    defaults: tuple[dict[str, Any], ...], relative: str, kind: str = "posts"
) -> dict[str, Any]:
    """The ``defaults:`` values of ``_config.yml`` whose scope takes in the file at
    ``relative`` (in the site's folder) of the collection ``kind``."""
    merged: dict[str, Any] = {}
    for default in defaults:
        scope = default.get("scope") or {}
        values = default.get("values") or {}
        if not isinstance(scope, dict) or not isinstance(values, dict):
            continue
        if scope.get("type") not in (None, kind):
            continue
        if not relative.startswith(str(scope.get("path") or "")):
            continue
        merged |= values
    return merged


def file_day(name: re.Match[str] | None) -> dt.date | None:
    """The day a post's (or document's) file name gives; None for another name, or where
    that is no real day."""
    if name is None:
        return None
    try:
        return dt.date(*(int(name.group(i)) for i in (1, 2, 3)))
    except ValueError:  # Ruby's Time reads year 0; 2020-02-30 fails Jekyll's build too
        return None


def date_values(date: Date) -> dict[str, str]:
    """The values of the date placeholders (``:year``, ``:i_month``, ``:y_day``…)."""
    moment = date if isinstance(date, dt.datetime) else dt.datetime.combine(date, dt.time())
    return {
        "year": f"{moment.year:04}",
        "short_year": f"{moment.year % 100:02}",
        "month": f"{moment.month:02}",
        "i_month": str(moment.month),
        "short_month": moment.strftime("%b"),
        "long_month": moment.strftime("%B"),
        "day": f"{moment.day:02}",
        "i_day": str(moment.day),
        "y_day": f"{moment.timetuple().tm_yday:03}",
        "short_day": moment.strftime("%a"),
        "long_day": moment.strftime("%A"),
        "week": f"{moment.isocalendar()[1]:02}",
        "hour": f"{moment.hour:02}",
        "minute": f"{moment.minute:02}",
        "second": f"{moment.second:02}",
    }


_DATE_KEYS = frozenset(date_values(dt.date(1, 1, 1)))


def expand(pattern: str, values: dict[str, str], baseurl: str) -> str:
    """The address ``pattern`` gives with ``values``, under ``baseurl``; a placeholder
    without a value is kept as written."""
    path = _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), pattern)
    return clean_path(baseurl + "/" + re.sub(r"/{2,}", "/", path).lstrip("/"))


def slugify(text: str, *, pretty: bool = False) -> str:
    """Jekyll's ``Utils.slugify``: each run of other characters than letters and digits
    (and, ``pretty``, ``._~!$&'()+,;=@``) one ``-``, none at the ends; lower case, but
    ``pretty`` (``:title``) keeps the case."""
    runs = r"[^\w.~!$&'()+,;=@]+" if pretty else r"(?:[^\w]|_)+"
    slug = re.sub(r"^-|-$", "", re.sub(runs, "-", text))
    return slug if pretty else slug.lower()


def document_path(
    collection: Collection, inside: str, fields: dict[str, Any], date: Date | None, baseurl: str
) -> str:
    """The old address of the document at ``inside`` (its path in the collection's folder):
    its own ``permalink`` (placeholders filled as in the collection's), else the
    collection's pattern, with ``:collection``, ``:path`` (its path without suffix),
    ``:name`` (its file's name), ``:title`` and ``:slug`` (its ``slug``, else its name
    without a date) and, for a dated one, the date's placeholders."""
    stem = posixpath.splitext(inside)[0]
    name = posixpath.basename(stem)
    dated = POST_NAME.fullmatch(name)
    slug = str(fields.get("slug") or (dated.group(4) if dated else name).rstrip("."))
    terms = text_list(fields.get("categories"), words=True) + text_list(fields.get("category"))
    moment = date_values(date or dt.date(1, 1, 1))
    values = (moment if date is not None else dict.fromkeys(moment, "")) | {
        "collection": collection.name,
        "path": "/" + stem.rstrip("."),
        "name": slugify(name),
        "title": slugify(slug, pretty=True),
        "slug": slugify(slug),
        "categories": "/".join(dict.fromkeys(term.lower() for term in terms)),
        "output_ext": ".html",
    }
    return expand(_pattern(collection, fields), values, baseurl)


def _pattern(collection: Collection, fields: dict[str, Any]) -> str:
    """A document's own ``permalink``, else its collection's pattern."""
    own = fields.get("permalink")
    return own.strip() if isinstance(own, str) and own.strip() else collection.template


def read_documents(
    folder: Path, collections: tuple[Collection, ...], rules: DocumentRules, blog: Blog
) -> list[PageSource]:
    """The documents of the published ``collections`` of the site in ``folder``, each at
    its old address, marked ``article`` where it reads like a post; hidden and backup
    files, files without front matter (Jekyll copies them as they are), pages whose header
    cannot be read and the theme's listings are left out as the site's pages are."""
    found = []
    for collection in collections:
        for file in document_files(folder / collection.folder, blog, front_matter=True):
            relative = file.relative_to(folder).as_posix()
            if excluded(relative, rules.entries):
                continue
            if (source := read_page_source(file, blog)) is None:
                continue
            fields = with_defaults(rules.defaults, relative, collection.name) | source.fields
            day = file_day(POST_NAME.fullmatch(file.stem))
            read = jekyll_dates(fields, rules.zone, day, file).fields
            date = date_value(read.get("date"), "date", []) or day
            article = date is not None or tagged(fields, TERM_KEYS)
            if not article and (reason := theme_listing(fields, source.body)):
                blog.skipped[reason] += 1
                continue
            inside = file.relative_to(folder / collection.folder).as_posix()
            path = document_path(collection, inside, read, date, rules.baseurl)
            named = set(re.findall(r":([a-z_]+)", _pattern(collection, read)))
            undated = date is None and bool(named & _DATE_KEYS)
            notes = (*source.notes, _UNDATED_NOTE) if undated else source.notes
            found.append(PageSource(file, relative, fields, source.body, path, notes, article))
    return found


_UNDATED_NOTE = (
    "its old address holds the date Jekyll gives an undated document, the day it built the"
    " site, which is not known here: its date parts are left out of its alias; correct that"
    " to the address the old site served it at, or give the document a 'date:'"
)
