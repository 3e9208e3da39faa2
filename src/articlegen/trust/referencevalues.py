"""Each value of a ``references:`` item, checked by its kind: a text (an ``id`` a slug, a
``url`` an address, ``authors`` one text however many names), or a date, which may be a
year alone, as many sources give no more."""

from __future__ import annotations

import re
import zoneinfo

from ..core.dates import MONTHS, read_date
from ..core.errors import FrontMatterError
from ..core.model import Date
from ..core.nestedkeys import REFERENCE, required_keys
from ..core.slugs import is_slug
from ..core.weburl import address_problem
from ..core.yamlchecks import as_text
from ..core.yamlentry import Entry
from ..core.yamlquoting import double_quoted

_REQUIRED_SET = frozenset(required_keys(REFERENCE))
_YEAR = re.compile(r"[1-9][0-9]{3}")
"""A bare year, as a reference's ``date`` may be."""
_YEAR_MONTH = re.compile(
    r"(?P<year>[1-9][0-9]{3})[-/.](?P<month>0?[1-9]|1[0-2])"
    r"|(?P<name>[A-Za-z]+)\.?,? (?P<year2>[1-9][0-9]{3})"
)
"""A month of a year, ``2023-05`` or ``May 2023``: a reference date more precise than a year
and less than a day."""


def reference_value(key: str, entry: Entry, path: str, fixed_id: str | None) -> str:
    """A text key's value; an ``id`` must be a slug (one that is not offers ``fixed_id``,
    and the body's citations of it must change with it: the body is not known here, so
    the hint says so in general), a ``url`` an address."""
    text = reference_text(key, entry, path)
    if key == "id" and not is_slug(text):
        raise FrontMatterError(
            f"invalid reference id '{text}': use lowercase a-z, 0-9 and '-' only",
            path,
            entry.line,
            f"write 'id: {fixed_id}', and cite it as [^{fixed_id}] in the text"
            if fixed_id
            else "give it an id of its own, e.g. 'id: smith-2023'",
        )
    if key == "url" and (problem := address_problem(text)):
        what, hint = problem
        raise FrontMatterError(f"reference url {what}", path, entry.line, hint)
    return text


def reference_text(key: str, entry: Entry, path: str) -> str:
    """A text key's value, a number taken as its text; an error for anything else (a list,
    a mapping, a boolean, nothing), saying how to write it."""
    value = entry.value
    if type(value) is str and (text := value.strip()):  # as most are: what as_text gives
        return text
    if (
        isinstance(value, bool)
        or not isinstance(value, str | int | float)
        or not str(value).strip()
    ):
        hint = "put it in quotes"
        if _empty(value):
            hint = f"write the source's {key} after '{key}:'" + (
                "" if key in _REQUIRED_SET else f", or remove '{key}'"
            )
        elif key == "authors" and isinstance(value, list):
            if names := _names(value):
                raise FrontMatterError(
                    "'references.authors' must be one text, found a list of names",
                    path,
                    entry.line,
                    f"write them as one text: authors: {double_quoted(', '.join(names))}",
                )
            hint = 'write the names as one text, e.g. authors: "Smith J, Lee K, et al."'
        raise FrontMatterError(f"'references.{key}' must be non-empty text", path, entry.line, hint)
    return as_text(entry).strip()


def _names(value: list[object]) -> list[str]:
    """The names of a list of authors (``[Smith J, Lee K]``), as the source writes them in
    one text; none if an item is no name (a list, a mapping, a boolean)."""
    if not all(type(v) in (str, int, float) and str(v).strip() for v in value):
        return []
    return [str(v).strip() for v in value]


def _empty(value: object) -> bool:
    """Whether a key was written with nothing after it (or only spaces, quoted): its hint
    says to write the value, or to remove the key, rather than how to write it."""
    return value is None or (isinstance(value, str) and not value.strip())


def reference_date(entry: Entry, path: str, zone: zoneinfo.ZoneInfo) -> Date | int:
    """Only a year (an int), as many sources state no more than that, or any date the
    front-matter's ``date`` takes."""
    if isinstance(entry.value, int | str) and _YEAR.fullmatch(str(entry.value).strip()):
        return int(entry.value)
    try:
        return read_date("references.date", entry, path, zone)
    except FrontMatterError as problem:
        problem.hint = (
            _month_hint(entry.value) or f"give the year alone (e.g. 2023), or {problem.hint}"
        )
        if _empty(entry.value):
            problem.hint = "write when the source was published (e.g. date: 2023 or date: "
            problem.hint += "2023-05-14) after 'date:', or remove 'date'"
        raise


def _month_hint(value: object) -> str | None:
    """The fix for a month of a year (``2023-05``, ``May 2023``), as journals date an issue:
    the year alone, or the day; None for any other value."""
    found = _YEAR_MONTH.fullmatch(" ".join(str(value).split()))
    if found is None:
        return None
    year = found["year"] or found["year2"]
    month = int(found["month"]) if found["month"] else MONTHS.get(found["name"].lower())
    if month is None:
        return None
    return (
        f"a reference's date is a year or a day, not a month: write date: {year}, or the day"
        f" the source was published, date: {year}-{month:02d}-DD"
    )
