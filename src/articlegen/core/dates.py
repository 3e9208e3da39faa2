"""Dates as authors write them, and the site's time zone.

Every date-typed key (``date``, ``updated``, ``reviewed_on``, a reference's ``date``)
reads one grammar: the forms YAML 1.1 defines and the common generators write, Jekyll's
``2013-05-06 02:12:52 +0200`` included. YAML's own timestamp resolver is switched off
(``yamldoc``): it reads some of these forms and leaves others as text, and some PyYAML
versions turn a written offset into naive UTC. Here each is read from its text, so the
offset an author wrote is the one kept.

A date-time without an offset is in the site's time zone (``site.yaml`` ``timezone:``),
resolved once while the file is parsed into a fixed offset, so everything after sees
aware date-times only; a day stays a day. Pages show the day in the site's zone, feeds
and JSON-LD the full RFC 3339 time.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import zoneinfo

from .errors import FrontMatterError, did_you_mean
from .model import Date
from .yamlchecks import as_written
from .yamlentry import Entry

DEFAULT_ZONE = "UTC"
"""The time zone of a site whose ``site.yaml`` names none."""

DATE_FORMS = (
    "write YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS[.fraction]] (T or a space before the time),"
    " the time with an optional offset Z, +HH:MM, +HHMM or +HH,"
    " e.g. 2024-05-14, 2024-05-14T09:30 or 2013-05-06 02:12:52 +0200"
)
"""The hint of every error about a date that cannot be read: what is accepted."""

_FORM = re.compile(
    r"""
    (?P<year>[0-9]{4})-(?P<month>[0-9]{1,2})-(?P<day>[0-9]{1,2})
    (?:
        (?:[Tt]|[ \t]+)
        (?P<hour>[0-9]{1,2}):(?P<minute>[0-9]{2})
        (?::(?P<second>[0-9]{2})(?:\.(?P<fraction>[0-9]*))?)?
        (?:[ \t]*(?P<offset>[Zz]|[+-](?:[0-9]{1,2}(?::[0-9]{2})?|[0-9]{4})))?
    )?
    """,
    re.VERBOSE,
)
"""YAML 1.1's timestamp (one- or two-digit hours and offset hours, any fraction), plus a
time without seconds and an offset without a colon (``+0200``), as Jekyll and Hugo write."""


class OutOfRange(ValueError):
    """A date that names no moment the calendar (years 1 to 9999) holds in UTC and in the
    site's time zone."""


def parse_date(text: str) -> Date:
    """The day or date-time ``text`` names: a ``datetime.date``, a naive ``datetime`` (no
    offset written: ``in_zone`` places it) or one with the written offset as a fixed
    ``datetime.timezone``. Raises ``ValueError`` saying what is wrong, to follow the key's
    name: "is not a valid date: …" or "is not a real date: … (day is out of range for month)".

    A day written ``YYYY-MM-DD``, as nearly every one is, is read by ``date.fromisoformat``
    (in C: a twentieth of the time), the form first checked, as that reads others too."""
    if len(text) == 10 and text[4] == "-" == text[7]:
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass  # not digits, or no such day: the message below says which
    match = _FORM.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"is not a valid date: {text!r}{meant_day(text)}")
    part = match.groupdict()
    try:
        day = dt.date(int(part["year"]), int(part["month"]), int(part["day"]))
        if part["hour"] is None:
            return day
        fraction = (part["fraction"] or "")[:6].ljust(6, "0")
        time = dt.time(
            int(part["hour"]), int(part["minute"]), int(part["second"] or 0), int(fraction)
        )
        return dt.datetime.combine(day, time, _offset(part["offset"]))
    except ValueError as exc:
        raise ValueError(f"is not a real date: {text.strip()!r} ({exc})") from None


_OTHER_DAY = re.compile(r"(\d{4})(?:[/.](\d{1,2})[/.](\d{1,2})|(\d{2})(\d{2}))")
"""A day written year first in another form: ``2024/06/01``, ``2024.06.01``, ``20240601``."""


_YEAR_LAST = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})")
"""A day written day or month first: ``25/12/2026``, ``12/25/2026``, ``01.03.2026``."""


def meant_day(written: str) -> str:
    """`` (did you mean 2024-06-01?)`` for a real day written year first another way, or day
    or month first where only one reading is a day (``25/12/2026``, ``12/25/2026``); both
    days where both are (``03/01/2026``: ``2026-03-01 or 2026-01-03?``); else ``""``."""
    text = written.strip()
    if match := _YEAR_LAST.fullmatch(text):
        first, _, second, year = match.groups()
        days = dict.fromkeys(
            day.isoformat()
            for day in (_real_day(year, first, second), _real_day(year, second, first))
            if day is not None
        )  # month first, then day first; one when they are the same day
        return f" (did you mean {' or '.join(days)}?)" if days else ""
    match = _OTHER_DAY.fullmatch(text)
    if match is None:
        return ""
    year, month, day = (g for g in match.groups() if g is not None)
    found = _real_day(year, month, day)
    return f" (did you mean {found.isoformat()}?)" if found else ""


def _real_day(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _numbered(names: list[tuple[str, ...]], start: int = 0) -> dict[str, int]:
    """Each name of ``names`` → the number of its place in the list, from ``start``."""
    return {name: number for number, each in enumerate(names, start) for name in each}


MONTHS = _numbered(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")],
    start=1,
)  # fmt: skip
"""English month names and their usual short forms, lower case → the month's number."""

_WORDED_DAY = re.compile(
    r"(?:(?P<weekday>[a-z]+)\.?,?\s+)?(?:"
    r"(?P<month>[a-z]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"
    r"|(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>[a-z]+)\.?,?\s+(?P<year2>\d{4}))",
    re.IGNORECASE,
)
"""A day written with its month's name: ``November 1, 2026``, ``Nov. 1st 2026``,
``1 November 2026``, ``1st of November, 2026``, each perhaps after its weekday
(``Sunday, November 1, 2026``)."""
_WEEKDAY_FORMS = [
    ("mon", "monday"), ("tue", "tues", "tuesday"), ("wed", "wednesday"),
    ("thu", "thur", "thurs", "thursday"), ("fri", "friday"), ("sat", "saturday"),
    ("sun", "sunday"),
]  # fmt: skip
_WEEKDAYS = _numbered(_WEEKDAY_FORMS)
"""English weekday names and their usual short forms → ``date.weekday()``."""
WEEKDAY_NAMES = tuple(forms[-1].capitalize() for forms in _WEEKDAY_FORMS)
"""``date.weekday()`` → its English name, whatever the machine's locale."""


def worded_day(written: str) -> tuple[dt.date, int | None] | None:
    """The real day ``written`` names with an English month's name and the weekday it names
    beside it (``date.weekday()``'s number, None where it names none), which may not be that
    day's; None where it names no real day or its weekday is no English weekday's name."""
    match = _WORDED_DAY.fullmatch(" ".join(written.split()))
    if match is None:
        return None
    part = match.groupdict()
    month = MONTHS.get((part["month"] or part["month2"]).lower())
    if month is None:
        return None
    day = _real_day(part["year"] or part["year2"], str(month), part["day"] or part["day2"])
    if day is None or part["weekday"] is None:
        return None if day is None else (day, None)
    weekday = _WEEKDAYS.get(part["weekday"].lower())
    return None if weekday is None else (day, weekday)


def _offset(written: str | None) -> dt.timezone | None:
    """``Z``, ``+HH:MM``, ``+HHMM``, ``+HH`` or ``+H`` as a fixed zone; None when absent."""
    if written is None:
        return None
    if written in ("Z", "z"):
        return dt.UTC
    digits = written[1:]
    hours, minutes = digits.split(":") if ":" in digits else (digits[:2], digits[2:] or "0")
    if int(minutes) >= 60 or int(hours) >= 24:
        raise ValueError(f"offset {written} is out of range (at most ±23:59)")
    sign = -1 if written[0] == "-" else 1
    return dt.timezone(sign * dt.timedelta(hours=int(hours), minutes=int(minutes)))


def read_date(
    key: str, entry: Entry, path: str, zone: zoneinfo.ZoneInfo, *, day_only: bool = False
) -> Date:
    """The date ``entry`` holds (see ``dates``), placed in ``zone``; a ``FrontMatterError``
    at its line that shows the accepted forms when it is none. ``day_only``: a day, not a
    date-time. Shared by every date-typed key, references' included."""
    value = entry.value
    try:
        if isinstance(value, bool) or not isinstance(value, str | dt.date):
            written = as_written(entry)
            raise ValueError(f"is not a valid date: {written}{meant_day(written)}")
        date = parse_date(value) if isinstance(value, str) else value  # or a !!timestamp
        if day_only and isinstance(date, dt.datetime):
            raise FrontMatterError(
                f"'{key}' must be a day, not a time: {date.isoformat()}",
                path,
                entry.line,
                f"write the day alone, e.g. {key}: {date.date().isoformat()}",
            )
        return in_zone(date, zone)
    except OutOfRange as problem:
        raise FrontMatterError(f"'{key}' {problem}", path, entry.line, "correct the year") from None
    except ValueError as problem:
        if isinstance(value, str) and (worded := worded_day(value)) is not None:
            raise _in_words(key, value, *worded, path, entry.line) from None
        # A day-only key is not shown the forms of a time, which it then refuses.
        forms = f"write the day as YYYY-MM-DD, e.g. {key}: 2024-05-14" if day_only else DATE_FORMS
        raise FrontMatterError(f"'{key}' {problem}", path, entry.line, forms) from None


def _in_words(
    key: str, written: str, day: dt.date, weekday: int | None, path: str, line: int
) -> FrontMatterError:
    """The error of a day written in words (``worded_day``): the form to write, and the
    line to write (``date: 2026-11-01``, a reference's ``date:`` by its own name). Where the
    weekday named is not that day's, which of the two was meant is not known: both named."""
    name = key.rsplit(".", 1)[-1]
    if weekday is not None and weekday != day.weekday():
        return FrontMatterError(
            f"'{key}' names a {WEEKDAY_NAMES[weekday]}, but {day.isoformat()} is a"
            f" {WEEKDAY_NAMES[day.weekday()]}: {written.strip()!r}",
            path,
            line,
            f"write the day meant as YYYY-MM-DD ({name}: {day.isoformat()} if the"
            f" {WEEKDAY_NAMES[day.weekday()]} is)",
        )
    return FrontMatterError(
        f"'{key}' must be written YYYY-MM-DD, not in words: {written.strip()!r}",
        path,
        line,
        f"write {name}: {day.isoformat()}",
    )


def in_zone(value: Date, zone: zoneinfo.ZoneInfo) -> Date:
    """``value`` with a date-time that has no offset placed in ``zone`` (as the fixed offset
    ``zone`` has at that moment); raises ``OutOfRange`` when the moment (a day's midnight
    in ``zone``) is not in years 1 to 9999 in UTC and in ``zone``: every later step may
    then convert it freely. A day of the years 2 to 9998 is in it whatever the zone (no
    offset reaches a day), and is not converted to find so."""
    if type(value) is dt.date and 1 < value.year < 9999:
        return value
    placed = value
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        offset = zone.utcoffset(value)
        assert offset is not None, "a ZoneInfo has an offset at every moment"
        placed = value.replace(tzinfo=dt.timezone(offset))
    moment = _moment(placed, zone)
    try:
        moment.astimezone(dt.UTC)
        moment.astimezone(zone)
    except OverflowError:
        raise OutOfRange(
            f"{value.isoformat()} is outside the calendar (years 1 to 9999) once converted"
            f" to UTC or to the site's time zone ({zone.key})"
        ) from None
    return placed


def instant(value: Date, zone: zoneinfo.ZoneInfo) -> dt.datetime:
    """The moment ``value`` stands for as naive UTC, so days and date-times sort together:
    a day is its midnight in ``zone``. ``value`` has been through ``in_zone``."""
    return _moment(value, zone).astimezone(dt.UTC).replace(tzinfo=None)


def _moment(value: Date, zone: zoneinfo.ZoneInfo) -> dt.datetime:
    """A date-time as it is; a day as its midnight in ``zone``."""
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.combine(value, dt.time(), zone)


def local_day(value: Date, zone: zoneinfo.ZoneInfo) -> dt.date:
    """The day a reader in ``zone`` sees: a date-time's day there, a day as it is."""
    return value.astimezone(zone).date() if isinstance(value, dt.datetime) else value


def human_date(value: Date | int, zone: zoneinfo.ZoneInfo) -> str:
    """``14 May 2024`` as readers see a date: a date-time's day in ``zone`` (the site's),
    a day as it is, a reference dated by its year alone as that year. Pages and feeds both
    show dates so, and must agree."""
    if type(value) is dt.date:  # a day is that day in any zone
        return day_text(value)
    if isinstance(value, int):
        return str(value)
    return day_text(local_day(value, zone))


@functools.lru_cache(maxsize=4096)
def day_text(day: dt.date) -> str:
    """``14 May 2024``, kept by day: a page shows several dates, most of them shown on
    other pages too (the bench corpus's 2,000 articles show some 3,700 days)."""
    return f"{day.day} {_month_text(day.year, day.month)}"


@functools.cache
def _month_text(year: int, month: int) -> str:
    """``May 2024``, kept by month: ``strftime`` takes about 2 us, once for each of the
    days a build shows (3,700 in the bench corpus), where a few hundred months hold them."""
    return f"{dt.date(year, month, 1):%B %Y}"


def rfc3339(value: Date, zone: zoneinfo.ZoneInfo, *, fraction: str = "microseconds") -> str:
    """A full RFC 3339 time (feeds, sitemaps): a date-time with its offset (``Z`` for
    UTC), a day as its midnight in ``zone``; seconds' fractions, where written, to
    ``fraction`` (``microseconds`` or ``milliseconds``). An offset RFC 3339 cannot write
    (the seconds of a local mean time before 1900) is given in UTC instead."""
    moment = _moment(value, zone)
    offset = moment.utcoffset() or dt.timedelta()
    if offset % dt.timedelta(minutes=1):
        moment, offset = moment.astimezone(dt.UTC), dt.timedelta()
    text = moment.replace(tzinfo=None).isoformat(
        timespec=fraction if moment.microsecond else "seconds"
    )
    if not offset:
        return text + "Z"
    sign, offset = ("-", -offset) if offset < dt.timedelta() else ("+", offset)
    minutes = offset // dt.timedelta(minutes=1)
    return f"{text}{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def iso_date(value: Date, zone: zoneinfo.ZoneInfo) -> str:
    """A day as ``YYYY-MM-DD``, a date-time as RFC 3339 to the millisecond: HTML's
    ``<time datetime>`` (which allows no more digits), Open Graph and schema.org take
    either."""
    if isinstance(value, dt.datetime):
        return rfc3339(value, zone, fraction="milliseconds")
    return value.isoformat()


def zone_problem(name: str) -> str | None:
    """Why ``name`` is no IANA time zone (with the closest names), or None if it is one.
    ``localtime`` is refused: it is whatever the building machine is set to."""
    if name != "localtime":
        try:
            zoneinfo.ZoneInfo(name)
            return None
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
            pass
    names = zoneinfo.available_timezones() - {"localtime"}
    return f"unknown time zone '{name}'{did_you_mean(name, sorted(names))}"
