"""Which articles are out now: an article dated after the build's moment is *scheduled*,
one whose ``expires:`` has come is *expired*; both are left out of the site as drafts are.

The moment is a parameter (``BuildOptions.now``, ``--now``, ``--today``), never read from
the clock below the build's first line, so that tests and CI can build as of any moment.
A day written without a time publishes (or expires) at its midnight in the site's time
zone; a date-time at its instant, whatever offset it was written with.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import zoneinfo
from collections.abc import Iterable

from ..core.console import counted
from ..core.dates import instant, local_day
from ..core.model import Article, BuildOptions, Date
from ..core.records import record

SCHEDULED, EXPIRED = "scheduled", "expired"
WITHHELD_FIXES = {
    SCHEDULED: "remove the link until that article is published, or date this article no"
    " earlier than it",
    EXPIRED: "remove the link, or remove or move that article's 'expires:'",
}
"""What to do about a published article's link to one that a moment withholds, by why."""
DRAFTS_NAMED = 3
"""Drafts a build that left them out names; the rest it counts."""


@record
class Withheld:
    """An article the moment keeps out, and why."""

    article: Article
    state: str
    """``SCHEDULED`` or ``EXPIRED``."""
    at: Date
    """When it publishes, or when it expired, as written."""

    def describe(self, zone: zoneinfo.ZoneInfo, *, yet_to_come: bool = False) -> str:
        """``scheduled for 2027-01-05 09:00 (Europe/Berlin)``: the moment in the site's zone;
        an expiry ``yet_to_come`` (judged at a later moment) is ``expires on …``."""
        when = shown_moment(self.at, zone)
        if self.state == SCHEDULED:
            return f"scheduled for {when}"
        return f"expires on {when}" if yet_to_come else f"expired on {when}"


def said(reason: str) -> str:
    """A reason ``Withheld.describe`` gave, as what an article does in a sentence: ``is
    scheduled for …``, but ``expired on …`` and ``expires on …``, which carry their own verb
    ("is expired on" reads wrong)."""
    return reason if reason.startswith("expire") else f"is {reason}"


def build_moment(options: BuildOptions, zone: zoneinfo.ZoneInfo) -> dt.datetime:
    """The moment a build publishes as: ``options.now``; else the last instant of
    ``options.today`` in ``zone``; else the clock."""
    if options.now is not None:
        return options.now
    if options.today is not None:
        return dt.datetime.combine(options.today, dt.time.max, zone)
    return dt.datetime.now(dt.UTC)


def build_day(options: BuildOptions, zone: zoneinfo.ZoneInfo) -> dt.date:
    """The day a build judges review and update dates against: ``options.today``; else the
    day of ``options.now``, or of the clock, in the site's ``zone``. It is the day that
    decides what publishes, not the machine's: a site in Sydney built by CI in UTC, or by a
    laptop in Los Angeles, has one today, and an article dated it is no error."""
    if options.today is not None:
        return options.today
    return local_day(build_moment(options, zone), zone)


def utc_clock() -> dt.datetime:
    """The clock, naive UTC, as ``Publication.changes_at`` is given: what a build's next
    change of publication is compared with."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def withheld_articles(
    articles: Iterable[Article], now: dt.datetime, zone: zoneinfo.ZoneInfo
) -> dict[str, Withheld]:
    """Slug → why, for every dated article that is not public at ``now``."""
    moment = instant(now, zone)
    found = {}
    for article in articles:
        date, expires = article.meta.date, article.meta.expires
        if date is not None and instant(date, zone) > moment:
            found[article.slug] = Withheld(article, SCHEDULED, date)
        elif expires is not None and instant(expires, zone) <= moment:
            found[article.slug] = Withheld(article, EXPIRED, expires)
    return found


def coming_changes(
    articles: Iterable[Article], now: dt.datetime, zone: zoneinfo.ZoneInfo
) -> list[dt.datetime]:
    """Every moment after ``now`` when one of ``articles`` publishes or expires (naive
    UTC, as ``instant`` gives them), in order: the site each of them makes must hold
    together too, and a build's receipt holds until the first."""
    moment = instant(now, zone)
    return sorted(
        {
            at
            for article in articles
            for value in (article.meta.date, article.meta.expires)
            if value is not None and (at := instant(value, zone)) > moment
        }
    )


def next_change(
    articles: Iterable[Article], now: dt.datetime, zone: zoneinfo.ZoneInfo
) -> dt.datetime | None:
    """The first of the ``coming_changes``: from then on the same sources make another site."""
    return next(iter(coming_changes(articles, now, zone)), None)


def shown_moment(value: Date, zone: zoneinfo.ZoneInfo) -> str:
    """``2027-01-05`` for a day; ``2027-01-05 09:00 (Europe/Berlin)`` for a date-time, in
    the site's zone."""
    if not isinstance(value, dt.datetime):
        return value.isoformat()
    local = value.astimezone(zone)
    return f"{local:%Y-%m-%d %H:%M} ({zone.key})"


@record
class Publication:
    """What the build's moment withholds, split by whether the build shows it anyway."""

    hidden: dict[str, Withheld]
    """Left out of every page, list, feed, sitemap and search index."""
    shown: dict[str, Withheld]
    """Built all the same (``--future``, the preview, the report), each with a banner."""
    changes_at: dt.datetime | None = None
    """When an article next publishes or expires (naive UTC; ``next_change``); or, if
    sooner, the next midnight in the site's zone when an article to build has no date (a
    feed may then give the build's day: ``feeds.feed_updated``)."""
    day: dt.date | None = None
    """The day of the build's moment in the site's time zone."""

    def to_build(self, articles: Iterable[Article], *, drafts: bool) -> list[Article]:
        """``articles`` less those withheld, and less drafts unless ``drafts``."""
        return [a for a in articles if (drafts or not a.meta.draft) and a.slug not in self.hidden]


def publication(
    articles: Iterable[Article], options: BuildOptions, zone: zoneinfo.ZoneInfo
) -> Publication:
    """The articles ``options``' moment withholds, and which of them it shows anyway."""
    articles, now = list(articles), build_moment(options, zone)
    held = withheld_articles(articles, now, zone)
    wanted = {SCHEDULED: options.future, EXPIRED: options.expired}
    day = now.astimezone(zone).date()
    found = Publication(
        hidden={slug: w for slug, w in held.items() if not wanted[w.state]},
        shown={slug: w for slug, w in held.items() if wanted[w.state]},
        changes_at=next_change(articles, now, zone),
        day=day,
    )
    built = found.to_build(articles, drafts=options.drafts)
    if built and all(a.meta.date is not None or a.meta.updated is not None for a in built):
        return found
    # A feed with no dated article to take its date from gives the build's day (feeds).
    midnight = instant(day + dt.timedelta(days=1), zone)
    changes_at = found.changes_at
    return dataclasses.replace(found, changes_at=min(changes_at or midnight, midnight))


def left_out(
    articles: Iterable[Article], public: Publication, drafts: bool, zone: zoneinfo.ZoneInfo
) -> tuple[str, ...]:
    """The notes of a build on the articles it left out: else a new site's only article, a
    draft, makes "0 articles" with no hint why. Drafts (unless ``drafts`` built them) by
    file, the first ``DRAFTS_NAMED`` and how many more, so that one forgotten is found
    without a search; scheduled and expired articles each with its moment."""
    skipped = [] if drafts else sorted(a.source for a in articles if a.meta.draft)
    named = ", ".join(skipped[:DRAFTS_NAMED])
    more = f" and {len(skipped) - DRAFTS_NAMED:,} more" if len(skipped) > DRAFTS_NAMED else ""
    counts = f"{counted(len(skipped), 'draft')} skipped ({named}{more}); --drafts to include"
    return (
        *((counts,) if skipped else ()),
        *(
            f"{w.article.source}: '{w.article.meta.title}' {said(w.describe(zone))}, so it "
            + ("is left out; --future to include it" if w.state == SCHEDULED else "is left out")
            for w in public.hidden.values()
            if drafts or not w.article.meta.draft
        ),
    )
