"""The health-content checks of a build, run together over every article.

Credits, citations, the editorial policy, ``require:`` rules and review dates each have a
module of this room; this one runs them in the order their results depend on (credits
before reviews, the policy before the review exemption) and gathers what they found.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from functools import partial
from pathlib import Path
from zoneinfo import ZoneInfo

from ..core.dates import local_day
from ..core.errors import ArticlegenError, Diagnostic
from ..core.layout import CONFIG_FILE
from ..core.memo import Memo, Same
from ..core.model import Article, Credits, RenderedBody, SiteConfig
from ..core.records import record
from .editorial import future_update, requirement_problems, resolve_policy, review_problems
from .people import credit_articles, photo_problems
from .references import Citations, number_citations


@record
class Trust:
    """What the health-content checks found: people, sources, the policy page, problems."""

    credits: Mapping[str, Credits]
    """Slug → author and reviewer."""
    citations: Mapping[str, Citations]
    """Slug → numbered references and citation marks."""
    policy: tuple[str | None, str | None]
    """URL and (for an article) slug of the editorial policy."""
    problems: list[ArticlegenError]
    """Unknown people and references, unmet ``require:`` rules, reviews and updates in the
    future."""
    warnings: list[Diagnostic]
    """Uncited references, overdue and missing reviews."""


def check_trust(
    config: SiteConfig,
    articles: list[Article],
    bodies: Mapping[str, RenderedBody],
    today: dt.date | None,
    static_dirs: list[Path],
    memo: Memo[Citations] | None = None,
    withheld: Mapping[str, str] | None = None,
    damaged: Sequence[Article] = (),
    held: Sequence[Article] = (),
    as_of: bool = False,
) -> Trust:
    """Authors, reviewers, references and review dates of every article, against ``today`` (None:
    today in the site's time zone; ``as_of``: see ``_judged_days``). Pages (``Article.page``)
    have no author or review: only their citations are checked (they have no references), and
    one may be the editorial policy. ``memo``: the last build's numbered citations, reused for
    an article whose references and citations are the same (``core.memo``). ``withheld``: why
    each article shown though not public is so (``scheduled for …``), for its review warning.
    ``damaged``: the files to be built that failed to load (``Sources.damaged_built``), whose
    author and reviewer, where readable, are checked too, so that an unknown id is reported
    with the file's other errors, not in the build after. ``held``: the articles left out of
    this build (scheduled, expired; not drafts), of which a scheduled one's ``updated`` is
    checked now, not on the day it publishes."""
    today, until = _judged_days(today, config.zone, as_of)
    only_articles = [a for a in articles if not a.page]
    credits, problems = credit_articles(config, only_articles)
    problems += credit_articles(config, [a for a in damaged if not a.page])[1]
    memo = memo or Memo()
    citations = {
        a.slug: memo(
            a.source,
            (Same(a.meta.references), bodies[a.slug].citations, a.page, a.body, a.body_line),
            partial(
                number_citations,
                a.meta.references,
                bodies[a.slug].citations,
                a.source,
                page=a.page,
                body=a.body,
                body_line=a.body_line,
            ),
        )
        for a in articles
    }
    policy_url, policy_slug, policy_problems = resolve_policy(config, articles, CONFIG_FILE)
    review_errors, warnings = review_problems(
        only_articles,
        credits,
        today,
        expect_reviews=bool(config.reviewers),
        exempt=[policy_slug or ""],
        withheld=withheld,
        zone=config.zone,
        until=until,
    )
    problems += [
        *(p for c in citations.values() for p in c.problems),
        *requirement_problems(config.requirements, only_articles, CONFIG_FILE),
        *photo_problems(config, lambda p: any((d / p).is_file() for d in static_dirs), CONFIG_FILE),
        *policy_problems,
        *review_errors,
        *_future_updates(articles, held, until, config),
    ]
    warnings += [w for c in citations.values() for w in c.warnings]
    return Trust(credits, citations, (policy_url, policy_slug), problems, warnings)


def _judged_days(today: dt.date | None, zone: ZoneInfo, as_of: bool) -> tuple[dt.date, dt.date]:
    """The day reviews are judged on (``today``, else the clock's in ``zone``), and the last
    day an ``updated`` or ``reviewed_on`` may be: the same, but in a report as of a past day
    (``as_of``) the clock's, as one after that day is still to come then, not wrong."""
    clock = dt.datetime.now(zone).date()
    today = today or clock
    return today, max(today, clock) if as_of else today


def _future_updates(
    built: Sequence[Article], held: Sequence[Article], today: dt.date, config: SiteConfig
) -> list[ArticlegenError]:
    """``editorial.future_update`` of each article ``built``, and of each ``held`` out of the
    build that publishes after ``today`` (not one expired, left out for good)."""
    later = [a for a in held if a.meta.date and local_day(a.meta.date, config.zone) > today]
    return [p for a in [*built, *later] if (p := future_update(a, today, config.zone))]
