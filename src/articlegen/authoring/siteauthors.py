"""Imported posts' authors: matched to ``site.yaml`` ``authors:``, or added to it on request.

A site without ``authors:`` takes any text as ``author:``. A site with them takes only
their ids: an imported author is matched by id or name, else (with ``--add-authors``)
added as a new person, else left as a comment for the author of the site to settle, so
that the import still builds. ``site.yaml`` is edited as text, so that its comments and
order stay as they were.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from ..core.model import SiteConfig
from ..core.slugs import slugify

_AUTHORS_KEY = re.compile(r"^authors:[ \t]*(?:#.*)?$", re.M)
_TOP_LEVEL = re.compile(r"^[^\s#]", re.M)
_FIRST_CHILD = re.compile(r"^([ \t]+)\S", re.M)


@dataclass(frozen=True, slots=True)
class AuthorChoice:
    """What to write for one imported author."""

    value: str | None
    """The ``author:`` value (an id on a site with ``authors:``), or None."""
    commented: bool = False
    """Written as a comment: the site's ``authors:`` holds no such person."""


def choose_author(name: str, config: SiteConfig, added: dict[str, str], add: bool) -> AuthorChoice:
    """The ``author:`` for an imported ``name``; with ``add``, people to add to ``site.yaml``
    go into ``added`` (id → name)."""
    if not config.authors and not add:
        return AuthorChoice(None if name == config.author else name)
    people = {**config.authors, **config.reviewers}
    for person_id, person in people.items():
        if name.casefold() in (person_id.casefold(), person.name.casefold()):
            return AuthorChoice(None if person_id == config.author else person_id)
    for person_id, known in added.items():
        if known.casefold() == name.casefold():
            return AuthorChoice(person_id)
    if not add:
        return AuthorChoice(name, commented=True)
    base = slugify(name) or "author"
    person_id, number = base, 2
    while person_id in people or person_id in added:
        person_id, number = f"{base}-{number}", number + 1
    added[person_id] = name
    return AuthorChoice(person_id)


def with_authors(site_yaml: str, added: dict[str, str]) -> str:
    """``site.yaml``'s text with ``added`` (id → name) under ``authors:`` (made if absent)."""

    def entries(indent: str) -> str:
        return "".join(
            f"{indent}{person_id}:\n{indent * 2}name: {json.dumps(name, ensure_ascii=False)}\n"
            for person_id, name in added.items()
        )

    match = _AUTHORS_KEY.search(site_yaml)
    if match is None:
        text = site_yaml if site_yaml.endswith("\n") or not site_yaml else site_yaml + "\n"
        return text + "authors:\n" + entries("  ")
    following = _TOP_LEVEL.search(site_yaml, match.end() + 1)
    end = following.start() if following else len(site_yaml)
    block = site_yaml[match.end() : end]
    child = _FIRST_CHILD.search(block)
    indent = child.group(1) if child else "  "
    body = block.rstrip("\n")
    return (
        site_yaml[: match.end()]
        + body
        + "\n"
        + entries(indent)
        + ("\n" if following and block.endswith("\n\n") else "")
        + site_yaml[end:]
    )
