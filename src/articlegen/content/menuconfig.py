"""``site.yaml`` ``menu:`` → ``MenuItem``s, each entry's keys checked by its table
(``nestedkeys.MENU_ENTRY``); where each link leads is checked by the build, against the
content (``render.menu``). Kept apart from ``config``, which reads the rest of the file."""

from __future__ import annotations

from ..core.errors import ArticlegenError, ConfigError
from ..core.model import MenuItem
from ..core.nestedkeys import MENU_ENTRY, MENU_ENTRY_HINT, key_names, required_keys, text_keys
from ..core.yamlchecks import meant_keys, type_problem, unknown_key_problems
from ..core.yamlentry import Entry


def parse_menu(entry: Entry, path: str, problems: list[ArticlegenError]) -> tuple[MenuItem, ...]:
    """``menu:``, a list of ``{title, link}``; each entry's problems added to ``problems``."""
    items = []
    allowed = key_names(MENU_ENTRY)
    for number, item in enumerate(entry.items, start=1):
        keys = item.children
        if keys is None:
            problems.append(
                ConfigError(
                    f"menu entry {number} must be a mapping", path, item.line, MENU_ENTRY_HINT
                )
            )
            continue
        if shorthand := _shorthand_problem(number, keys, path, item.line):
            problems.append(shorthand)
            continue
        found = unknown_key_problems(keys, allowed, path, ConfigError, section="menu")
        meant = meant_keys(keys, allowed)  # name: for title:, not missing too
        found += [
            ConfigError(f"menu entry {number} has no '{key}'", path, item.line, MENU_ENTRY_HINT)
            for key in required_keys(MENU_ENTRY)
            if key not in keys and key not in meant
        ]
        for key in text_keys(MENU_ENTRY):
            if key in keys and (problem := _text_problem(f"menu.{key}", keys[key], path)):
                found.append(problem)
        problems += found
        if not found:
            title, link = keys["title"], keys["link"]
            items.append(MenuItem(title.value.strip(), link.value.strip(), link.line))
    return tuple(items)


def _shorthand_problem(
    number: int, keys: dict[str, Entry], path: str, line: int
) -> ConfigError | None:
    """The one error for an entry written as its title and its link (``- About: about``, as a
    list of links is jotted down): it was three, the title an unknown key and both of the
    entry's keys missing. None for any other entry."""
    allowed = key_names(MENU_ENTRY)
    if len(keys) != 1 or meant_keys(keys, allowed):  # name: About, Hugo's title: alone
        return None
    ((title, link),) = keys.items()
    if title in allowed or not isinstance(link.value, str) or not link.value.strip():
        return None
    return ConfigError(
        f"menu entry {number} is written as its title and its link, '{title}: {link.value}'",
        path,
        line,
        f"write the two as keys of the entry: - {{title: {title}, link: {link.value.strip()}}}",
    )


def _text_problem(key: str, entry: Entry, path: str) -> ArticlegenError | None:
    """Why ``entry`` is not non-empty text; None when it is."""
    if problem := type_problem(key, entry, str, path, ConfigError):
        return problem
    if not entry.value.strip():
        return ConfigError(f"'{key}' is empty", path, entry.line, "write a value")
    return None
