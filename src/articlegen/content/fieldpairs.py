"""Rules between two front-matter keys, checked once each key's value is: ``updated`` and
``reviewed_on`` not before ``date``, ``expires`` after it, ``reviewed_by`` and
``reviewed_on`` set together. Dates compare as the days pages show, in the site's zone."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Collection
from typing import Any

from ..core.dates import instant, local_day
from ..core.errors import ArticlegenError, FrontMatterError, ReviewerMissingError
from ..core.model import Date
from ..core.schema import FRONT_MATTER
from ..core.yamlentry import Entry


def pair_problems(
    fields: dict[str, Any],
    entries: dict[str, Entry],
    path: str,
    zone: zoneinfo.ZoneInfo,
    meant: Collection[str] = (),
) -> list[ArticlegenError]:
    """Every rule between two keys that ``fields`` (the checked values of ``entries``) break.
    ``meant``: the keys unknown keys are offered as (``reviewer`` as ``reviewed_by``), not
    missing on top of their own error."""
    return (
        _order_problems(fields, entries, path, zone)
        + _review_pair_problems(entries, path, meant)
        + _expiry_problems(fields, entries, path, zone)
    )


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


_FIXES = {key.name: key.fix for key in FRONT_MATTER}
"""Each key's example value, for the hint of a review's key written without the other:
made once, not for every header."""


def _review_pair_problems(
    entries: dict[str, Entry], path: str, meant: Collection[str]
) -> list[ArticlegenError]:
    """``reviewed_by`` and ``reviewed_on`` only make sense together."""
    pairs = (("reviewed_by", "reviewed_on"), ("reviewed_on", "reviewed_by"))
    return [
        (ReviewerMissingError if missing == "reviewed_by" else FrontMatterError)(
            f"'{present}' is set but '{missing}' is not",
            path,
            entries[present].line,
            f"add '{missing}: {_FIXES[missing]}' (who reviewed the article, and on which day)",
        )
        for present, missing in pairs
        if present in entries and missing not in entries and missing not in meant
    ]
