"""A Jekyll header's dates as Jekyll reads them: Ruby's ``Time.parse``, beyond the forms
``core.dates`` reads.

Jekyll reads ``date:`` (and themes their ``last_modified_at:``) with ``Time.parse``, which
also takes a time zone's name (``2019-03-04 10:00:00 EST``, ``UTC``) and a day written in
words (``March 4, 2019``, ``Monday, 4 March 2019 10:00``). Ruby knows a few names by
their offset (``Time::ZoneOffset``: UTC, GMT, the US zones, the military letters) and
those the site's own time zone calls itself in January or July (``CET`` and ``CEST`` for
``Europe/Berlin``); any other name it ignores, reading the time as in the site's time zone.
Each such value is read here as Jekyll read it, into the form the rest of the import takes,
with a note where Jekyll ignored a name, or where the value is no date at all, each at the
line of its key in the post's header (``sourcelines``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.dates import parse_date
from ..core.model import Date
from .mdsource import UPDATED_KEYS
from .sourcelines import header_key_line
from .textimport import read_date

DATE_KEYS = ("date", *UPDATED_KEYS)
"""The header keys read as dates (``date`` and the keys ``updated`` is read from)."""

_ZONE_HOURS = {"UTC": 0, "Z": 0, "UT": 0, "GMT": 0, "EST": -5, "EDT": -4, "CST": -6}
_ZONE_HOURS |= {"CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7}
_ZONE_HOURS |= {letter: hours for hours, letter in enumerate("ABCDEFGHIKLM", start=1)}
_ZONE_HOURS |= {letter: -hours for hours, letter in enumerate("NOPQRSTUVWXY", start=1)}
"""Ruby's ``Time::ZoneOffset``: the names ``Time.parse`` knows whatever the site's zone."""

_WRITTEN = re.compile(
    r"""
    (?:[a-z]+,?\s+)??                                   # a weekday: Monday, Mon,
    (?P<day>\d{4}-\d{1,2}-\d{1,2}
        |[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}
        |\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?,?\s+\d{4})
    (?:,?\s*(?:[Tt]|\s+|\s*at\s+)
        (?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d*)?)?
        \s*(?P<half>[ap]\.?m\.?)?
        (?:\s*(?P<offset>[+-]\d{2}:?\d{2}|[+-]\d{2}))?
        (?:\s*(?P<zone>[a-z]+))?
    )?
    """,
    re.VERBOSE | re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Dated:
    """A Jekyll header's fields with its dates read, and the notes reading them made."""

    fields: dict[str, Any]
    notes: tuple[str, ...]
    note_lines: tuple[tuple[str, int], ...]
    """Each note → the line of its key in the header of ``file``, where it is written there."""


def jekyll_dates(
    fields: dict[str, Any], zone: dt.tzinfo | None, file_day: dt.date | None, file: Path
) -> Dated:
    """``fields`` with each date key written in a form only ``Time.parse`` reads replaced by
    its value (a key that is no date left out), and the notes on them. ``file_day``: the
    day of a post's file name, which Jekyll then dates it by; ``file``: the post's (or
    page's) own file, whose header line of the key each note names."""
    notes: list[str] = []
    lines: list[tuple[str, int]] = []
    read = dict(fields)
    for key in DATE_KEYS:
        value = fields.get(key)
        if not isinstance(value, str) or not value.strip() or _core_reads(value):
            continue
        date, note = ruby_date(value, zone)
        if date is None:
            del read[key]
            note = _unread_note(key, value, file_day if key == "date" else None)
        else:
            read[key] = date
            note = f"'{key}' {value.strip()!r}: {note}" if note else None
        if note:
            notes.append(note)
            if line := header_key_line(file, key):
                lines.append((note, line))
    return Dated(read, tuple(notes), tuple(lines))


def ruby_date(text: str, zone: dt.tzinfo | None) -> tuple[Date | None, str | None]:
    """The day or time ``text`` names as Ruby's ``Time.parse`` reads it (a time without a
    known zone naive, for the site's zone to place), and a note where it ignored a zone's
    name; ``(None, None)`` for a form not read here."""
    match = _WRITTEN.fullmatch(" ".join(text.split()))
    if match is None:
        return None, None
    day = _day(match.group("day"))
    if day is None or match.group("hour") is None:
        return day, None
    hour = int(match.group("hour"))
    if (half := match.group("half")) is not None:
        if not 1 <= hour <= 12:
            return None, None
        hour = hour % 12 + (12 if half[0] in "pP" else 0)
    try:
        time = dt.time(hour, int(match.group("minute")), int(match.group("second") or 0))
    except ValueError:
        return None, None
    moment = dt.datetime.combine(day, time)
    if offset := match.group("offset"):
        return parse_date(f"{moment.isoformat()}{offset}"), None
    name = match.group("zone")
    if name is None:
        return moment, None
    hours = _ZONE_HOURS.get(name.upper())
    if hours is not None:
        return moment.replace(tzinfo=dt.timezone(dt.timedelta(hours=hours))), None
    if (local := _local_offset(name, moment.year, zone)) is not None:
        return moment.replace(tzinfo=local), None
    where = f"the site's time zone ({zone})" if zone else "the site's time zone"
    return moment, (
        f"Jekyll does not know the time zone '{name}' and read the time as in {where},"
        " and so does this import; write the offset (+HH:MM) if that was not the time meant"
    )


def _core_reads(text: str) -> bool:
    try:
        parse_date(text)
    except ValueError:
        return False
    return True


def _day(written: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat("-".join(f"{int(p):02}" for p in written.split("-")))
    except ValueError:
        return read_date(written)


def _local_offset(name: str, year: int, zone: dt.tzinfo | None) -> dt.timezone | None:
    """The offset the site's zone has where it is called ``name`` (on January or July 1st),
    as Ruby finds a name in the machine's zone, which Jekyll sets to the site's."""
    if zone is None:
        return None
    for month in (1, 7):
        moment = dt.datetime(year, month, 1, tzinfo=zone)
        offset = moment.utcoffset()
        if (moment.tzname() or "").upper() == name.upper() and offset is not None:
            return dt.timezone(offset)
    return None


def _unread_note(key: str, value: str, file_day: dt.date | None) -> str:
    instead = (
        f"the day of its file name, {file_day.isoformat()}, is its date"
        if file_day
        else "it was left out"
    )
    return (
        f"'{key}' is no date this import reads: {value.strip()!r}; {instead}:"
        f" write it as YYYY-MM-DD HH:MM:SS +HHMM (e.g. {key}: 2019-03-04 10:00:00 -0500)"
    )
