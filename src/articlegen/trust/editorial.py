"""Editorial rules for health content: ``require:`` per tag, review status, the policy page.

Review status depends on "today", which is always a parameter: it decides
warnings and the report, never the bytes of a page.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable, Mapping, Sequence
from urllib.parse import urlsplit

from ..core.dates import local_day
from ..core.errors import ArticlegenError, ConfigError, Diagnostic, FrontMatterError, did_you_mean
from ..core.model import Article, Credits, FrontMatter, Requirement, SiteConfig
from ..core.nestedkeys import REQUIREMENT, key_names, required_keys
from ..core.schema import FRONT_MATTER, FRONT_MATTER_KEYS
from ..core.slugs import slugify
from ..core.urls import article_url
from ..core.weburl import address_problem
from ..core.yamlchecks import as_written, type_problem, unknown_key_problems
from ..core.yamlentry import Entry

UTC_ZONE = zoneinfo.ZoneInfo("UTC")

OK, REVIEW_DUE, UNREVIEWED = "ok", "review due", "unreviewed"
"""Review statuses, as the report prints them."""
REVIEWED_LATER = "reviewed later"
"""The status of a review dated after the day it is judged on: a scheduled article's, dated
the day it publishes, or any made since a past ``report --today``."""
OPT_OUT_KEYS = frozenset(key.name for key in FRONT_MATTER if key.check == "text_or_false")
"""Keys whose ``false`` leaves out what the site would show (``disclaimer``)."""
POLICY = "policy"
"""The report's status for the editorial policy page, which is not medical content to review."""


def parse_requirements(
    entry: Entry, path: str, problems: list[ArticlegenError]
) -> tuple[Requirement, ...]:
    """``require:``, a list of ``{tag: …, fields: […]}`` rules naming front-matter keys."""
    rules = []
    for number, item in enumerate(entry.items, start=1):
        keys = item.children
        if keys is None:
            problems.append(
                ConfigError(
                    f"require rule {number} must be a mapping",
                    path,
                    item.line,
                    "write '- {tag: medication, fields: [content_warning, references]}'",
                )
            )
            continue
        found = unknown_key_problems(
            keys, key_names(REQUIREMENT), path, ConfigError, section="require"
        )
        found += [
            ConfigError(f"require rule {number} has no '{key}'", path, item.line, f"add '{key}:'")
            for key in required_keys(REQUIREMENT)
            if key not in keys
        ]
        if not found:
            found += _rule_value_problems(keys, path)
        problems += found
        if not found:
            fields = keys["fields"].value
            fields = (fields,) if isinstance(fields, str) else tuple(fields)
            rules.append(Requirement(keys["tag"].value.strip(), fields, item.line))
    return tuple(rules)


def _rule_value_problems(keys: dict[str, Entry], path: str) -> list[ArticlegenError]:
    if problem := type_problem("require.tag", keys["tag"], str, path, ConfigError):
        return [problem]
    fields = keys["fields"]
    items = [fields] if isinstance(fields.value, str) else list(fields.items)
    if not isinstance(fields.value, str | list) or not items:
        return [
            ConfigError(
                "'require.fields' must be a list of front-matter keys",
                path,
                fields.line,
                "write fields: [content_warning, references]",
            )
        ]
    return [
        ConfigError(
            f"unknown front-matter key {as_written(item)} in 'require.fields'"
            + did_you_mean(item.written or str(item.value), FRONT_MATTER_KEYS),
            path,
            item.line,
            "valid keys: " + ", ".join(sorted(FRONT_MATTER_KEYS)),
        )
        for item in items
        if item.value not in FRONT_MATTER_KEYS
    ]


def requirement_problems(
    rules: Sequence[Requirement], articles: Iterable[Article], config_path: str
) -> list[ArticlegenError]:
    """Articles carrying a rule's tag but missing some of the rule's fields."""
    problems: list[ArticlegenError] = []
    for article in articles:
        written = {slugify(t): t for t in article.meta.tags}
        for rule in rules:
            if (tag := written.get(slugify(rule.tag))) is not None:
                problems += _unmet(rule, article, tag, f"{config_path}:{rule.line}")
    return problems


def _unmet(rule: Requirement, article: Article, tag: str, where: str) -> list[FrontMatterError]:
    """The fields ``rule`` asks for that the article lacks, at its ``tags`` line, and each
    it opts out of (``disclaimer: false``) at that key's line: that key is written, so
    telling to add it would point at the wrong line and give the wrong fix. The header keeps
    ``False``, not what was typed (``off``, ``no``), so the error names every way to write it."""
    meta = article.meta
    opted_out = [key for key in rule.fields if key in OPT_OUT_KEYS and _false(meta, key)]
    missing = [key for key in rule.fields if key not in opted_out and not _has(meta, key)]
    problems: list[FrontMatterError] = []
    if missing:
        problems.append(
            FrontMatterError(
                f"articles tagged '{rule.tag}' must set "
                + ", ".join(f"'{key}'" for key in missing)
                + f" (require rule in {where})",
                article.source,
                meta.lines.get("tags", 1),
                "add " + ", ".join(f"'{key}: …'" for key in missing) + " to the front-matter",
            )
        )
    return problems + [
        FrontMatterError(
            f"'{key}:' opts out of the {key} (false, no or off), but articles tagged"
            f" '{rule.tag}' need their own {key} text (require rule in {where}): opting out"
            " does not meet the rule",
            article.source,
            meta.lines[key],
            f"write the article's {key} as '{key}: \"…\"', or remove the tag '{tag}' if the"
            " rule should not apply to this article",
        )
        for key in opted_out
    ]


def _false(meta: FrontMatter, key: str) -> bool:
    """Whether the article writes ``key: false``."""
    return key in meta.lines and getattr(meta, key, None) is False


def _has(meta: FrontMatter, key: str) -> bool:
    """Whether the article sets ``key`` (``comments: false`` sets comments off)."""
    return key in meta.lines and getattr(meta, key, None) not in (None, "", ())


def review_status(credits: Credits, today: dt.date) -> str:
    """``ok``, ``review due`` (the next review date has come), ``unreviewed``, or
    ``reviewed later`` (dated after ``today``: neither done nor due as of that day)."""
    if credits.reviewer is None or credits.next_review is None or credits.reviewed_on is None:
        return UNREVIEWED
    if credits.reviewed_on > today:
        return REVIEWED_LATER
    return REVIEW_DUE if credits.next_review <= today else OK


def review_problems(
    articles: Iterable[Article],
    credits: Mapping[str, Credits],
    today: dt.date,
    *,
    expect_reviews: bool,
    exempt: Iterable[str] = (),
    withheld: Mapping[str, str] | None = None,
    zone: zoneinfo.ZoneInfo = UTC_ZONE,
    until: dt.date | None = None,
) -> tuple[list[ArticlegenError], list[Diagnostic]]:
    """Reviews dated after ``today`` (errors), or after ``until`` where the caller takes
    later ones (a report as of a past day); overdue and missing reviews (warnings).

    A scheduled article (``date`` after ``today``) may be reviewed as of the day it
    publishes (in ``zone``, the site's), as its page shows once it is out: ``reviewed_on``
    may not come before that day (``content.fieldpairs``), so a later bound than
    ``today`` is its only one that can be met.

    Missing reviews are only warned about when ``expect_reviews`` (the site has
    reviewers): a site without any cannot act on the warning. Drafts and the
    ``exempt`` slugs (the editorial policy page) get no warnings. ``withheld``: why each
    article shown though not public is so (``scheduled for …``, in the preview and with
    ``--future``), said in its warning in place of "published".
    """
    withheld = withheld or {}
    errors: list[ArticlegenError] = []
    warnings: list[Diagnostic] = []
    skip = set(exempt)
    for article in articles:
        meta, credit = article.meta, credits[article.slug]
        line = meta.lines.get("reviewed_on", 1)
        if problem := _future_review(article, until or today, zone):
            errors.append(problem)
            continue
        if meta.draft or article.slug in skip:
            continue
        status = review_status(credit, today)
        if status == REVIEW_DUE:
            warnings.append(_overdue(article, credit, line))
        elif status == UNREVIEWED and expect_reviews:
            warnings.append(
                Diagnostic(
                    f"{withheld.get(article.slug, 'published')}, but never medically reviewed",
                    article.source,
                    1,
                    "once a reviewer from site.yaml has checked it, add 'reviewed_by' and "
                    "'reviewed_on'",
                )
            )
    return errors, warnings


def _future_review(
    article: Article, today: dt.date, zone: zoneinfo.ZoneInfo
) -> FrontMatterError | None:
    """A ``reviewed_on`` after ``today`` and after the day the article publishes."""
    meta = article.meta
    publishes = local_day(meta.date, zone) if meta.date is not None else None
    latest = max(today, publishes) if publishes is not None else today
    if meta.reviewed_on is None or meta.reviewed_on <= latest:
        return None
    message = f"'reviewed_on' ({meta.reviewed_on}) is in the future (today is {today})"
    hint = "give the day the review actually happened"
    if latest > today:
        message += f" and after the day the article publishes ({latest})"
        hint += f", or, for this scheduled article, the day it publishes: reviewed_on: {latest}"
    return FrontMatterError(message, article.source, meta.lines.get("reviewed_on", 1), hint)


def future_update(
    article: Article, today: dt.date, zone: zoneinfo.ZoneInfo
) -> FrontMatterError | None:
    """An ``updated`` on a day after ``today`` and after the day the article (or page)
    publishes: its page, feed entry and sitemap would say it was updated on a day still to
    come."""
    meta = article.meta
    if meta.updated is None:
        return None
    day = local_day(meta.updated, zone)
    publishes = local_day(meta.date, zone) if meta.date is not None else today
    if day <= max(today, publishes):
        return None
    written = meta.updated.date() if isinstance(meta.updated, dt.datetime) else meta.updated
    shown = f"{meta.updated}" + ("" if written == day else f", {day} in the site's time zone")
    if publishes > today:  # scheduled: shown on the day it publishes as updated later
        return FrontMatterError(
            f"'updated' ({shown}) is after {publishes}, the day the article publishes",
            article.source,
            meta.lines.get("updated", 1),
            f"give a day on or before {publishes} (a typo in the year?), or remove 'updated'",
        )
    return FrontMatterError(
        f"'updated' ({shown}) is in the future (today is {today})",
        article.source,
        meta.lines.get("updated", 1),
        "give the day of the article's last update (a typo in the year?), or remove "
        "'updated' until then",
    )


def _overdue(article: Article, credit: Credits, line: int) -> Diagnostic:
    return Diagnostic(
        f"medical review is due: reviewed on {credit.reviewed_on}, "
        f"next review was due on {credit.next_review}",
        article.source,
        line,
        "have it reviewed again, then update 'reviewed_on'",
    )


def resolve_policy(
    config: SiteConfig, articles: Sequence[Article], config_path: str
) -> tuple[str | None, str | None, list[ArticlegenError]]:
    """``(url, slug, problems)`` of the editorial policy: an http(s) URL, an article or a
    page (``articles`` holds both)."""
    name = config.editorial_policy.strip()
    if not name:
        return None, None, []
    parts = urlsplit(name)
    if parts.scheme in ("http", "https") and parts.netloc:
        if unusable := address_problem(name):
            what, hint = unusable
            line = config.lines.get("editorial_policy")
            return None, None, [ConfigError(f"'editorial_policy' {what}", config_path, line, hint)]
        return name, None, []
    stem = name.removeprefix("content/").removesuffix(".md").strip("/")
    for article in articles:
        if stem in (article.slug, article.source.removeprefix("content/").removesuffix(".md")):
            return article_url(article.slug), article.slug, []
    problem = ConfigError(
        f"editorial_policy '{name}' is neither an http(s) URL nor a published article or page"
        + did_you_mean(name, _written_as(name, articles)),
        config_path,
        config.lines.get("editorial_policy"),
        "give an https:// address, or the slug or file (content/pages/x.md) of a page or an"
        " article",
    )
    return None, None, [problem]


def _written_as(name: str, articles: Sequence[Article]) -> list[str]:
    """Each article's and page's slug, or, for a ``name`` written as a file
    (``pages/policy.md``), each one's file as ``name`` writes it: the near ones are offered."""
    if "/" not in name and not name.endswith(".md"):
        return [article.slug for article in articles]
    files = [article.source.removeprefix("content/") for article in articles]
    if not name.endswith(".md"):
        files = [file.removesuffix(".md") for file in files]
    return [f"content/{file}" if name.startswith("content/") else file for file in files]
