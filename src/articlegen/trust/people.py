"""Authors and medical reviewers: the registry in ``site.yaml``, id look-ups, who did what.

One namespace: every person, author or reviewer, has one page at ``authors/<id>/``,
so an id may appear in only one of the two maps. A reviewer may also be named as
an article's author.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from urllib.parse import urlsplit

from ..core.errors import (
    ArticlegenError,
    ConfigError,
    FrontMatterError,
    ReviewerMissingError,
    closest,
    suggestion,
)
from ..core.model import Article, Credits, Person, SiteConfig
from ..core.nestedkeys import PERSON, key_names, required_keys, text_keys
from ..core.records import record
from ..core.slugs import is_slug, natural_order, slugify
from ..core.weburl import address_problem
from ..core.yamlchecks import meant_keys, type_problem, unknown_key_problems
from ..core.yamlentry import Entry


@record
class Contributions:
    """A person and the articles they wrote and reviewed, for their page."""

    person: Person
    """Who."""
    written: tuple[str, ...]
    """Slugs of articles they wrote, in site order."""
    reviewed: tuple[str, ...]
    """Slugs of articles they medically reviewed, in site order."""


def parse_people(
    entry: Entry, section: str, path: str, problems: list[ArticlegenError]
) -> dict[str, Person]:
    """The ``authors:`` or ``reviewers:`` block, each person checked key by key."""
    people: dict[str, Person] = {}
    for person_id, block in (entry.children or {}).items():
        where = f"{section}.{person_id}"
        if not is_slug(person_id):
            fixed = slugify(person_id)
            problems.append(
                ConfigError(
                    f"invalid id '{person_id}' in '{section}': use lowercase a-z, 0-9 and '-' only",
                    path,
                    block.line,
                    f"write '{fixed}:'" if fixed else "choose an id such as 'jane-doe'",
                )
            )
        elif block.children is None:
            problems.append(
                ConfigError(
                    f"'{where}' must be a mapping",
                    path,
                    block.line,
                    f"indent 'name: …' (and {', '.join(key_names(PERSON)[1:])}) under the id",
                )
            )
        elif person := _person(person_id, block, section, path, problems):
            people[person_id] = person
    return people


def _person(
    person_id: str, block: Entry, section: str, path: str, problems: list[ArticlegenError]
) -> Person | None:
    keys = block.children or {}
    where = f"{section}.{person_id}"
    found = unknown_key_problems(keys, key_names(PERSON), path, ConfigError, section=where)
    values: dict[str, str] = {}
    for key in text_keys(PERSON):
        if key not in keys:
            continue
        if problem := type_problem(f"{where}.{key}", keys[key], str, path, ConfigError):
            found.append(problem)
        elif keys[key].value.strip():
            values[key] = keys[key].value.strip()
    reviewer = section == "reviewers"
    for key in required_keys(PERSON, section):
        if key not in values and key not in meant_keys(keys, key_names(PERSON)):
            why = " (readers look for a reviewer's qualifications)" if key == "credentials" else ""
            found.append(
                ConfigError(f"'{where}' needs '{key}'{why}", path, block.line, f"add '{key}: …'")
            )
    if "url" in values and (
        problem := _url_problem(values["url"], f"{where}.url", path, keys["url"].line)
    ):
        found.append(problem)
    same_as = _same_as(keys["sameAs"], f"{where}.sameAs", path, found) if "sameAs" in keys else ()
    problems += found
    if found:
        return None
    lines = {"": block.line, **{key: entry.line for key, entry in keys.items()}}
    return Person(id=person_id, same_as=same_as, reviewer=reviewer, lines=lines, **values)


def _same_as(
    entry: Entry, where: str, path: str, problems: list[ArticlegenError]
) -> tuple[str, ...]:
    """``sameAs``: a list of profile URLs (one URL alone is a list of one)."""
    if not isinstance(entry.value, str | list):
        problems.append(
            ConfigError(
                f"'{where}' must be a list of URLs",
                path,
                entry.line,
                "write sameAs: [https://…, https://…] with the person's profile pages",
            )
        )
        return ()
    urls = []
    for item in [entry] if isinstance(entry.value, str) else entry.items:
        if not isinstance(item.value, str):
            problems.append(ConfigError(f"each item of '{where}' must be a URL", path, item.line))
        elif problem := _url_problem(item.value.strip(), where, path, item.line):
            problems.append(problem)
        else:
            urls.append(item.value.strip())
    return tuple(urls)


def _url_problem(url: str, where: str, path: str, line: int) -> ConfigError | None:
    if (problem := address_problem(url)) is None:
        return None
    what, hint = problem
    return ConfigError(f"'{where}' {what}", path, line, hint)


def photo_problems(
    config: SiteConfig, exists: Callable[[str], bool], path: str
) -> list[ArticlegenError]:
    """Photos that are neither an http(s) URL nor a file that ``exists`` under ``static/``."""
    problems: list[ArticlegenError] = []
    for person in (*config.authors.values(), *config.reviewers.values()):
        photo = person.photo
        parts = urlsplit(photo or "")
        if photo is None or (parts.scheme in ("http", "https") and parts.netloc):
            continue
        relative = photo.lstrip("/")
        if parts.scheme or parts.netloc or ".." in relative.split("/") or not exists(relative):
            problems.append(
                ConfigError(
                    f"photo '{photo}' of '{person.id}' is not a file under static/",
                    path,
                    person.lines.get("photo"),
                    "put the image in static/ (static/people/a.jpg → photo: people/a.jpg) "
                    "or give its https:// address",
                )
            )
    return problems


def collision_problems(
    authors: Mapping[str, Person], reviewers: Mapping[str, Person], path: str
) -> list[ArticlegenError]:
    """Ids in both maps: each person has one page, so one entry."""
    return [
        ConfigError(
            f"'{person_id}' is in both 'authors' and 'reviewers' (first on line "
            f"{authors[person_id].lines['']})",
            path,
            reviewers[person_id].lines[""],
            "keep the 'reviewers' entry: a reviewer can also be named as 'author:'",
        )
        for person_id in sorted(set(authors) & set(reviewers))
    ]


def author_problem(
    value: str, config: SiteConfig, path: str, line: int, error: type[ArticlegenError]
) -> ArticlegenError | None:
    """An error if ``value`` names no author (or reviewer) on a site with an author registry."""
    if not config.authors or value in config.authors or value in config.reviewers:
        return None
    known = {**config.authors, **config.reviewers}
    return error(
        f"unknown author '{value}'{suggestion(_similar_ids(value, known), value)}",
        path,
        line,
        "name an id from site.yaml 'authors:' (" + ", ".join(sorted(config.authors)) + ")",
    )


def _similar_ids(value: str, people: Mapping[str, Person]) -> list[str]:
    """Ids ``value`` may have meant: the ids of people it names (a name written where an id
    belongs is the likeliest slip), else ids or names close to it in spelling."""
    wanted = value.strip().casefold()
    named = [i for i, p in people.items() if p.name.casefold() == wanted]
    if named:
        return named
    by_name = {p.name: i for i, p in people.items()}
    return closest(value, people) or [by_name[n] for n in closest(value, by_name)]


def credit_articles(
    config: SiteConfig, articles: Iterable[Article]
) -> tuple[dict[str, Credits], list[ArticlegenError]]:
    """Each article's author and reviewer as people; unknown ids are problems."""
    credits: dict[str, Credits] = {}
    problems: list[ArticlegenError] = []
    for article in articles:
        meta = article.meta
        author = _author(config, article, problems)
        reviewer = None
        if meta.reviewed_by is not None:
            reviewer = config.reviewers.get(meta.reviewed_by)
            if reviewer is None:
                problems.append(_unknown_reviewer(config, article))
        next_review = None
        if meta.reviewed_on is not None:
            next_review = _next_review(meta.reviewed_on, config.review_interval_days)
        credits[article.slug] = Credits(author, reviewer, meta.reviewed_on, next_review)
    return credits, problems


def _next_review(reviewed_on: dt.date, interval_days: int) -> dt.date:
    """``reviewed_on`` plus the interval; the calendar's last day when that is past it (a
    ``reviewed_on`` in year 9999 is reported as in the future, by ``editorial``)."""
    try:
        return reviewed_on + dt.timedelta(days=interval_days)
    except OverflowError:
        return dt.date.max


def _author(config: SiteConfig, article: Article, problems: list[ArticlegenError]) -> Person | None:
    value = article.meta.author or config.author
    if not value:
        return None
    if not config.authors:
        return Person(name=value)
    if article.meta.author is not None:
        line = article.meta.lines.get("author", 1)
        if problem := author_problem(value, config, article.source, line, FrontMatterError):
            problems.append(problem)
            return None
    return config.authors.get(value) or config.reviewers.get(value)


def offer_reviewers(
    config: SiteConfig, problems: Iterable[ArticlegenError]
) -> list[ArticlegenError]:
    """``problems`` with the hint of each ``reviewed_on`` lacking its ``reviewed_by`` naming
    the ids of site.yaml's ``reviewers:``, as an unknown reviewer's does: the header was
    checked without ``site.yaml``, so its hint could only say ``example-reviewer``."""
    if not config.reviewers:
        return list(problems)
    ids = sorted(config.reviewers)
    hint = (
        f"add 'reviewed_by: {ids[0]}', the reviewer site.yaml 'reviewers:' names"
        if len(ids) == 1
        else "add 'reviewed_by:' with the id of who reviewed the article, one of site.yaml "
        f"'reviewers:' ({', '.join(ids)})"
    )
    return [
        FrontMatterError(p.message, p.path, p.line, hint)
        if isinstance(p, ReviewerMissingError)
        else p
        for p in problems
    ]


def _unknown_reviewer(config: SiteConfig, article: Article) -> ArticlegenError:
    value = article.meta.reviewed_by or ""
    hint = (
        "name an id from site.yaml 'reviewers:' (" + ", ".join(sorted(config.reviewers)) + ")"
        if config.reviewers
        else "add the reviewer to site.yaml under 'reviewers:' with name and credentials"
    )
    wanted = value.strip().casefold()
    if author := [i for i, p in config.authors.items() if wanted in (i, p.name.casefold())]:
        # An author's id or name, where a reviewer's belongs: not a spelling slip.
        named = f"'{value}' is" if author[0] == value else f"'{value}' is the name of"
        return FrontMatterError(
            f"{named} an author in site.yaml ('{author[0]}' under 'authors:'), not a medical"
            " reviewer",
            article.source,
            article.meta.lines.get("reviewed_by", 1),
            f"if they reviewed it, move '{author[0]}' from 'authors:' to 'reviewers:' with"
            " their 'credentials' (a reviewer can be an article's author too); else "
            + hint[0].lower()
            + hint[1:],
        )
    return FrontMatterError(
        f"unknown reviewer '{value}'{suggestion(_similar_ids(value, config.reviewers), value)}",
        article.source,
        article.meta.lines.get("reviewed_by", 1),
        hint,
    )


def contributions(
    config: SiteConfig, articles: Sequence[Article], credits: Mapping[str, Credits]
) -> list[Contributions]:
    """Every registry person with what they wrote and reviewed, sorted by name."""
    people = [*config.authors.values(), *config.reviewers.values()]
    result = []
    for person in sorted(people, key=lambda p: (natural_order(p.name), p.id or "")):
        written = tuple(
            a.slug for a in articles if (c := credits.get(a.slug)) and c.author == person
        )
        reviewed = tuple(
            a.slug for a in articles if (c := credits.get(a.slug)) and c.reviewer == person
        )
        result.append(Contributions(person, written, reviewed))
    return result
