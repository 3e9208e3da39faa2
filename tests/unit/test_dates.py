from __future__ import annotations

import datetime as dt
import functools
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from articlegen.content.frontmatter import parse_front_matter
from articlegen.core import dates
from articlegen.core.dates import (
    OutOfRange,
    day_text,
    human_date,
    in_zone,
    instant,
    iso_date,
    local_day,
    parse_date,
    rfc3339,
    worded_day,
    zone_problem,
)

UTC = ZoneInfo("UTC")
BERLIN = ZoneInfo("Europe/Berlin")


def offset(hours: int, minutes: int = 0) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours, minutes=minutes))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2024-05-14", dt.date(2024, 5, 14)),
        ("2024-5-4", dt.date(2024, 5, 4)),
        ("2024-05-14 09:30", dt.datetime(2024, 5, 14, 9, 30)),
        ("2024-05-14T09:30", dt.datetime(2024, 5, 14, 9, 30)),
        ("2024-05-14t9:30:15", dt.datetime(2024, 5, 14, 9, 30, 15)),
        ("2024-05-14 \t09:30:15.5", dt.datetime(2024, 5, 14, 9, 30, 15, 500000)),
        ("2024-05-14T09:30:15.123456789", dt.datetime(2024, 5, 14, 9, 30, 15, 123456)),
        ("2024-05-14T09:30:15.", dt.datetime(2024, 5, 14, 9, 30, 15)),
        ("2024-05-14T09:30:15Z", dt.datetime(2024, 5, 14, 9, 30, 15, tzinfo=dt.UTC)),
        ("2024-05-14T09:30z", dt.datetime(2024, 5, 14, 9, 30, tzinfo=dt.UTC)),
        ("2024-05-14T09:30:15+02:00", dt.datetime(2024, 5, 14, 9, 30, 15, tzinfo=offset(2))),
        ("2024-05-14T09:30:15-0530", dt.datetime(2024, 5, 14, 9, 30, 15, tzinfo=offset(-5, -30))),
        ("2024-05-14T09:30+05", dt.datetime(2024, 5, 14, 9, 30, tzinfo=offset(5))),
        ("2024-05-14 09:30:00 -7", dt.datetime(2024, 5, 14, 9, 30, tzinfo=offset(-7))),
        ("2024-05-14 09:30:00 +5:45", dt.datetime(2024, 5, 14, 9, 30, tzinfo=offset(5, 45))),
        # Jekyll's own form, and the one PyYAML leaves as text
        ("2013-05-06 02:12:52 +0200", dt.datetime(2013, 5, 6, 2, 12, 52, tzinfo=offset(2))),
        ("  2013-05-06 02:12:52 +0200 ", dt.datetime(2013, 5, 6, 2, 12, 52, tzinfo=offset(2))),
    ],
)
def test_every_accepted_form(text: str, value: dt.date) -> None:
    parsed = parse_date(text)
    assert parsed == value and type(parsed) is type(value)
    if isinstance(value, dt.datetime):
        assert parsed.utcoffset() == value.utcoffset()  # the written offset, kept


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("yesterday", "is not a valid date: 'yesterday'"),
        ("2024/05/14", "is not a valid date: '2024/05/14' (did you mean 2024-05-14?)"),
        ("2024.5.4", "is not a valid date: '2024.5.4' (did you mean 2024-05-04?)"),
        ("20240514", "is not a valid date: '20240514' (did you mean 2024-05-14?)"),
        ("2024/02/30", "is not a valid date: '2024/02/30'"),
        # day or month first: the day offered where one reading is a day, both where both are
        ("05/14/2024", "is not a valid date: '05/14/2024' (did you mean 2024-05-14?)"),
        ("14.05.2024", "is not a valid date: '14.05.2024' (did you mean 2024-05-14?)"),
        (
            "03/01/2026",
            "is not a valid date: '03/01/2026' (did you mean 2026-03-01 or 2026-01-03?)",
        ),
        ("07-07-2026", "is not a valid date: '07-07-2026' (did you mean 2026-07-07?)"),
        ("31/02/2026", "is not a valid date: '31/02/2026'"),
        ("05/14.2024", "is not a valid date: '05/14.2024'"),
        ("2024-05-14T09", "is not a valid date: '2024-05-14T09'"),
        ("2024-05-14T09:30 +200", "is not a valid date: '2024-05-14T09:30 +200'"),
        ("2024-05-14 +0200", "is not a valid date: '2024-05-14 +0200'"),
        ("24-05-14", "is not a valid date: '24-05-14'"),
        ("2024-05-14T09:30:00 CEST", "is not a valid date: '2024-05-14T09:30:00 CEST'"),
        ("2024-02-30", "is not a real date: '2024-02-30' (day is out of range for month)"),
        ("2024-13-01", "is not a real date: '2024-13-01' (month must be in 1..12)"),
        ("2024-05-14T24:00", "is not a real date: '2024-05-14T24:00' (hour must be in 0..23)"),
        (
            "2024-05-14T23:59:60",
            "is not a real date: '2024-05-14T23:59:60' (second must be in 0..59)",
        ),
        (
            "2024-05-14T09:30+24:00",
            "is not a real date: '2024-05-14T09:30+24:00' (offset +24:00 is out of range"
            " (at most ±23:59))",
        ),
        ("0000-01-01", "is not a real date: '0000-01-01' (year 0 is out of range)"),
    ],
)
def test_anything_else_says_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ValueError) as raised:
        parse_date(text)
    assert str(raised.value) == message


def _parsed(text: str) -> dt.date | str:
    try:
        return parse_date(text)
    except ValueError as problem:
        return str(problem).split(":")[0]  # "is not a valid date" or "is not a real date"


@given(
    st.from_regex(r"\A[0-9０-９+ -]{4}-[0-9０-９ -]{2}-[0-9٣ Tt:-]{2}\Z")
    | st.text(alphabet="0123456789-Tt:+ ", min_size=10, max_size=10)
)
@example("2024-02-30")
@example("2024-13-01")
@example("0000-01-01")
@example("+024-01-01")
def test_a_day_read_quickly_is_read_as_any_date(text: str) -> None:
    """``YYYY-MM-DD`` is read by ``date.fromisoformat``: what it reads, and what it refuses,
    is what the full form gives (a leading space sends the text that way)."""
    assert _parsed(text) == _parsed(" " + text)


def test_a_time_without_offset_takes_the_site_zone_offset_of_that_moment() -> None:
    summer = in_zone(dt.datetime(2024, 7, 1, 12), BERLIN)
    winter = in_zone(dt.datetime(2024, 1, 1, 12), BERLIN)
    assert summer.utcoffset() == dt.timedelta(hours=2)
    assert winter.utcoffset() == dt.timedelta(hours=1)
    assert type(summer.tzinfo) is dt.timezone  # a fixed offset: the cache holds datetime types
    written = dt.datetime(2024, 7, 1, 12, tzinfo=offset(-5))
    assert in_zone(written, BERLIN) is written
    assert in_zone(dt.date(2024, 7, 1), BERLIN) == dt.date(2024, 7, 1)


@pytest.mark.parametrize(
    ("value", "zone"),
    [
        (dt.datetime(9999, 12, 31, 23, tzinfo=offset(-5)), UTC),  # 10000-01-01 in UTC
        (dt.datetime(1, 1, 1, 0, 30, tzinfo=offset(5)), UTC),  # year 0 in UTC
        (dt.datetime(9999, 12, 31, 23, 30, tzinfo=dt.UTC), ZoneInfo("Asia/Tokyo")),
        (dt.datetime(9999, 12, 31, 23, 30), ZoneInfo("America/New_York")),
        (dt.date(1, 1, 1), ZoneInfo("Asia/Tokyo")),  # its midnight is year 0 in UTC
    ],
)
def test_a_moment_outside_the_calendar_is_a_clear_error(value: dt.date, zone: ZoneInfo) -> None:
    with pytest.raises(ValueError) as raised:
        in_zone(value, zone)
    assert "is outside the calendar (years 1 to 9999)" in str(raised.value)
    assert zone.key in str(raised.value)


def test_pages_show_the_day_in_the_site_zone() -> None:
    late = dt.datetime(2013, 5, 6, 0, 30, tzinfo=offset(2))
    assert local_day(late, UTC) == dt.date(2013, 5, 5)
    assert local_day(late, BERLIN) == dt.date(2013, 5, 6)
    assert local_day(dt.date(2013, 5, 6), ZoneInfo("Pacific/Kiritimati")) == dt.date(2013, 5, 6)


def test_rfc3339_keeps_the_offset_and_places_a_day_at_its_midnight() -> None:
    assert rfc3339(dt.datetime(2013, 5, 6, 2, 12, 52, tzinfo=offset(2)), UTC) == (
        "2013-05-06T02:12:52+02:00"
    )
    assert rfc3339(dt.datetime(2024, 1, 1, 9, tzinfo=offset(-5, -30)), UTC) == (
        "2024-01-01T09:00:00-05:30"
    )
    assert rfc3339(dt.datetime(2024, 1, 1, 9, 0, 0, 500000, tzinfo=dt.UTC), UTC) == (
        "2024-01-01T09:00:00.500000Z"
    )
    assert rfc3339(dt.date(2024, 7, 1), BERLIN) == "2024-07-01T00:00:00+02:00"
    assert rfc3339(dt.date(2024, 7, 1), UTC) == "2024-07-01T00:00:00Z"
    # a local mean time (seconds in the offset) is not RFC 3339: given in UTC instead
    assert rfc3339(dt.date(1850, 1, 1), BERLIN) == "1849-12-31T23:06:32Z"
    assert iso_date(dt.date(2024, 7, 1), BERLIN) == "2024-07-01"
    assert iso_date(dt.datetime(2024, 1, 1, 9, 0, 0, 123456, tzinfo=dt.UTC), UTC) == (
        "2024-01-01T09:00:00.123Z"  # HTML's <time datetime> allows three digits
    )


def test_days_sort_from_their_midnight_in_the_site_zone() -> None:
    day = dt.date(2024, 7, 2)
    evening_before = in_zone(dt.datetime(2024, 7, 1, 23), UTC)  # 2 July 01:00 in Berlin
    assert instant(day, UTC) > instant(evening_before, UTC)
    assert instant(day, BERLIN) < instant(evening_before, BERLIN)


def test_time_zone_names_are_checked_with_suggestions() -> None:
    assert zone_problem("Europe/Berlin") is None and zone_problem("UTC") is None
    assert (zone_problem("Europe/Berln") or "").startswith(
        "unknown time zone 'Europe/Berln' (did you mean 'Europe/Berlin'"
    )
    assert zone_problem("localtime").startswith("unknown time zone 'localtime'")
    for name in ("../../etc/passwd", "/etc/localtime", "Europe", ""):
        assert zone_problem(name).startswith("unknown time zone")


_ZONES = st.sampled_from(["UTC", "Europe/Berlin", "America/St_Johns", "Asia/Kathmandu"])
_OFFSETS = st.integers(min_value=-(23 * 60 + 59), max_value=23 * 60 + 59).map(
    lambda minutes: dt.timezone(dt.timedelta(minutes=minutes))
)


def _written(moment: dt.datetime, separator: str, style: str, seconds: bool) -> str:
    """``moment`` in one of the accepted forms."""
    text = moment.strftime(f"%Y-%m-%d{separator}%H:%M")
    if seconds or moment.second or moment.microsecond:
        text += moment.strftime(":%S") + (
            f".{moment.microsecond:06d}" if moment.microsecond else ""
        )
    if moment.tzinfo is None:
        return text
    minutes = moment.utcoffset() // dt.timedelta(minutes=1)
    sign, minutes = ("-", -minutes) if minutes < 0 else ("+", minutes)
    hours, rest = divmod(minutes, 60)
    if style == "Z" and not minutes:
        return text + "Z"
    if style == "+HH" and not rest:
        return f"{text}{sign}{hours:02d}"
    if style == "+HHMM":
        return f"{text} {sign}{hours:02d}{rest:02d}"
    return f"{text}{sign}{hours:02d}:{rest:02d}"


def _front_matter_date(text: str, quote: str, zone: ZoneInfo) -> dt.date:
    """``text`` as the ``date:`` of an article header, in ``quote``s (or none)."""
    header = f"title: T\ndate: {quote}{text}{quote}\n"
    return parse_front_matter(header, "content/a.md", zone=zone).date


@given(
    moment=st.datetimes(
        min_value=dt.datetime(1900, 1, 2), max_value=dt.datetime(9999, 12, 30),
        timezones=st.none() | _OFFSETS,
    ),
    separator=st.sampled_from(["T", " ", "t", "  "]),
    style=st.sampled_from(["Z", "+HH", "+HHMM", "+HH:MM"]),
    seconds=st.booleans(),
    quote=st.sampled_from(["", "'", '"']),
    zone=_ZONES,
)  # fmt: skip
# 02:00 on the day St. John's skips an hour: a time in a daylight-saving gap
@example(dt.datetime(2564, 3, 11, 2, 0), "T", "Z", False, "", "America/St_Johns")
# the same in Berlin with fold=1, which no written time can carry
@example(dt.datetime(2064, 3, 30, 2, 0, fold=1), "T", "Z", False, "", "Europe/Berlin")
def test_any_accepted_date_time_round_trips_to_the_same_instant(
    moment: dt.datetime, separator: str, style: str, seconds: bool, quote: str, zone: str
) -> None:
    site = ZoneInfo(zone)
    parsed = _front_matter_date(_written(moment, separator, style, seconds), quote, site)
    # a written local time has no fold: it means the first of two readings (fold=0)
    expected = moment if moment.tzinfo else moment.replace(tzinfo=site, fold=0)
    # the same instant, compared in UTC: Python never calls datetimes of two zones equal when
    # one falls in a daylight-saving gap or fold, even at the same instant
    assert parsed.astimezone(dt.UTC) == expected.astimezone(dt.UTC)
    assert parsed.utcoffset() == expected.utcoffset()  # with the offset written (or the zone's)
    again = _front_matter_date(rfc3339(parsed, site), quote, site)  # as a feed writes it
    assert again == parsed and instant(again, site) == instant(parsed, site)
    if not parsed.utcoffset() % dt.timedelta(minutes=1):  # else a local mean time: in UTC
        assert again.utcoffset() == parsed.utcoffset()


@given(day=st.dates(min_value=dt.date(1, 1, 2)), zone=_ZONES, quote=st.sampled_from(["", "'"]))
def test_any_accepted_day_round_trips(day: dt.date, zone: str, quote: str) -> None:
    text = f"{day.year:04d}-{day.month:02d}-{day.day:02d}"
    assert _front_matter_date(text, quote, ZoneInfo(zone)) == day
    assert _front_matter_date(iso_date(day, ZoneInfo(zone)), quote, ZoneInfo(zone)) == day


@given(
    day=st.dates(),
    zone=st.sampled_from(["UTC", "Asia/Tokyo", "Pacific/Kiritimati", "Etc/GMT+12", "America/Adak"]),
)
@example(dt.date(1, 1, 1), "Asia/Tokyo")
@example(dt.date(1, 1, 2), "Pacific/Kiritimati")
@example(dt.date(9999, 12, 31), "Etc/GMT+12")
def test_a_day_is_in_the_calendar_exactly_when_its_midnight_converts(
    day: dt.date, zone: str
) -> None:
    """``in_zone`` passes most days without converting them: never one that fails to."""
    site = ZoneInfo(zone)
    midnight = dt.datetime.combine(day, dt.time(), site)
    try:
        midnight.astimezone(dt.UTC)
        midnight.astimezone(site)
    except OverflowError:
        with pytest.raises(OutOfRange):
            in_zone(day, site)
    else:
        assert in_zone(day, site) is day


def test_a_human_date_is_the_day_readers_see_in_the_sites_zone() -> None:
    sydney = ZoneInfo("Australia/Sydney")
    assert human_date(dt.date(2024, 5, 4), sydney) == "4 May 2024"
    late = dt.datetime(2024, 5, 4, 23, 30, tzinfo=dt.UTC)  # 5 May in Sydney
    assert human_date(late, sydney) == "5 May 2024"
    assert human_date(late, ZoneInfo("UTC")) == "4 May 2024"
    assert human_date(2019, sydney) == "2019"  # a reference dated by its year alone


@given(st.dates())
def test_a_day_is_shown_as_strftime_shows_it(day: dt.date) -> None:
    assert day_text(day) == f"{day.day} {day:%B %Y}"


def test_the_days_of_a_month_are_worded_by_one_strftime(monkeypatch: pytest.MonkeyPatch) -> None:
    day_text.cache_clear()
    worded: list[str] = []
    month_text = dates._month_text.__wrapped__

    def counted(year: int, month: int) -> str:
        worded.append(f"{year}-{month}")
        return month_text(year, month)

    monkeypatch.setattr(dates, "_month_text", functools.cache(counted))
    days = [dt.date(1999, 12, 31), *(dt.date(2000, 1, n) for n in range(1, 32))]
    assert [day_text(day) for day in days][:3] == [
        "31 December 1999",
        "1 January 2000",
        "2 January 2000",
    ]
    assert worded == ["1999-12", "2000-1"]
    day_text.cache_clear()


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("November 1, 2026", dt.date(2026, 11, 1)),
        ("1 November 2026", dt.date(2026, 11, 1)),
        ("Nov 1 2026", dt.date(2026, 11, 1)),
        ("nov. 1st, 2026", dt.date(2026, 11, 1)),
        ("1st of November, 2026", dt.date(2026, 11, 1)),
        ("  Sept   9,  2019 ", dt.date(2019, 9, 9)),
        ("May 14, 2024", dt.date(2024, 5, 14)),
        ("29 February 2024", dt.date(2024, 2, 29)),
        # no one real day in English words: nothing to offer
        ("29 February 2023", None),
        ("November 2026", None),
        ("1 Novembre 2026", None),
        ("Sunday, November 1, 2026", dt.date(2026, 11, 1)),
        ("sun. 1st of November, 2026", dt.date(2026, 11, 1)),
        ("Monday, November 1, 2026", None),  # it is a Sunday: which was meant?
        ("Someday, November 1, 2026", None),
        ("November 1, 2026 9:30", None),
        ("11/01/2026", None),
        ("yesterday", None),
    ],
)
def test_a_day_in_words_is_read_only_when_it_names_one_real_day(
    written: str, day: dt.date | None
) -> None:
    """The day offered for words: none where the weekday named is not that day's."""
    found = worded_day(written)
    one_day = found is not None and found[1] in (None, found[0].weekday())
    assert (found[0] if one_day else None) == day
