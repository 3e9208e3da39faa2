"""Which articles the build's moment withholds, and when that next changes."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from hypothesis import given
from hypothesis import strategies as st

from articlegen.content.publication import (
    EXPIRED,
    SCHEDULED,
    build_moment,
    next_change,
    publication,
    withheld_articles,
)
from articlegen.core.model import Article, BuildOptions, FrontMatter

TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")
UTC = dt.UTC


def make(slug: str, date: dt.date | dt.datetime, expires: dt.date | None = None) -> Article:
    meta = FrontMatter(title=slug, date=date, expires=expires)
    return Article(slug=slug, source=f"content/{slug}.md", meta=meta, body="", body_line=1)


def test_today_means_its_last_instant_in_the_site_zone() -> None:
    moment = build_moment(BuildOptions(today=dt.date(2027, 1, 5)), TOKYO)
    assert moment.astimezone(TOKYO).date() == dt.date(2027, 1, 5)
    assert moment.astimezone(TOKYO).time() == dt.time.max
    given_now = dt.datetime(2027, 1, 5, 9, tzinfo=UTC)
    assert build_moment(BuildOptions(today=dt.date(2020, 1, 1), now=given_now), TOKYO) == given_now


def test_scheduled_expired_and_the_next_change() -> None:
    now = dt.datetime(2027, 1, 5, 14, 0, tzinfo=UTC)  # 23:00 in Tokyo
    articles = [
        make("late", dt.datetime(2027, 1, 5, 23, 30, tzinfo=TOKYO)),
        make("day", dt.date(2027, 1, 6)),
        make("gone", dt.date(2026, 1, 1), expires=dt.date(2027, 1, 5)),
        make("going", dt.date(2026, 1, 1), expires=dt.date(2027, 2, 1)),
    ]
    held = withheld_articles(articles, now, TOKYO)
    assert {slug: w.state for slug, w in held.items()} == {
        "late": SCHEDULED,
        "day": SCHEDULED,
        "gone": EXPIRED,
    }
    assert held["late"].describe(TOKYO) == "scheduled for 2027-01-05 23:30 (Asia/Tokyo)"
    assert held["gone"].describe(TOKYO) == "expired on 2027-01-05"
    assert next_change(articles, now, TOKYO) == dt.datetime(2027, 1, 5, 14, 30)  # naive UTC
    public = publication(articles, BuildOptions(now=now, future=True), TOKYO)
    assert set(public.shown) == {"late", "day"} and set(public.hidden) == {"gone"}


@given(
    st.datetimes(min_value=dt.datetime(1970, 1, 2), max_value=dt.datetime(2200, 1, 1)),
    st.datetimes(min_value=dt.datetime(1970, 1, 2), max_value=dt.datetime(2200, 1, 1)),
    st.sampled_from(["Asia/Tokyo", "America/Los_Angeles", "Pacific/Kiritimati", "UTC"]),
)
def test_an_article_is_scheduled_exactly_while_its_moment_is_ahead(
    written: dt.datetime, now: dt.datetime, zone_name: str
) -> None:
    zone = zoneinfo.ZoneInfo(zone_name)
    date = written.replace(tzinfo=zone)
    clock = now.replace(tzinfo=UTC)
    held = withheld_articles([make("a", date)], clock, zone)
    assert ("a" in held) == (date > clock)
    coming = next_change([make("a", date)], clock, zone)
    assert coming == (date.astimezone(UTC).replace(tzinfo=None) if date > clock else None)


def undated(slug: str, *, draft: bool = False) -> Article:
    meta = FrontMatter(title=slug, draft=draft)
    return Article(slug=slug, source=f"content/{slug}.md", meta=meta, body="", body_line=1)


def test_an_undated_article_to_build_makes_the_site_change_at_midnight_in_its_zone() -> None:
    """A feed with no dated article gives the build's day (feeds.feed_updated): the same
    sources make another site at the next midnight in the site's zone, which a receipt and
    the preview's alarm must know, whatever the machine's own zone."""
    now = dt.datetime(2027, 1, 5, 14, 0, tzinfo=UTC)  # 23:00 in Tokyo
    tokyo_midnight = dt.datetime(2027, 1, 5, 15, 0)  # naive UTC
    options = BuildOptions(now=now)
    assert publication([], options, TOKYO).changes_at == tokyo_midnight
    assert publication([undated("a")], options, TOKYO).changes_at == tokyo_midnight
    dated = [make("a", dt.date(2026, 1, 1))]
    assert publication(dated, options, TOKYO).changes_at is None
    assert publication([*dated, undated("d", draft=True)], options, TOKYO).changes_at is None
    drafts = BuildOptions(now=now, drafts=True)
    assert publication([*dated, undated("d", draft=True)], drafts, TOKYO).changes_at == (
        tokyo_midnight
    )
    soon = [undated("a"), make("late", dt.datetime(2027, 1, 5, 23, 30, tzinfo=TOKYO))]
    assert publication(soon, options, TOKYO).changes_at == dt.datetime(2027, 1, 5, 14, 30)
    later = [undated("a"), make("next", dt.datetime(2027, 1, 6, 9, 0, tzinfo=TOKYO))]
    assert publication(later, options, TOKYO).changes_at == tokyo_midnight  # the sooner
