"""``site.yaml`` → ``SiteConfig``: every key checked, unknown ones named with a suggestion."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from urllib.parse import urlsplit

from ..core.characters import decode_source
from ..core.dates import zone_problem
from ..core.errors import ArticlegenError, ConfigError, raise_if_any
from ..core.langtags import language_problem
from ..core.layout import CONFIG_FILE
from ..core.limits import MAX_HEADER_BYTES, read_regular_file
from ..core.model import CommentsConfig, HeroImage, SiteConfig
from ..core.nestedkeys import (
    ADDRESS,
    COMMENT_PROVIDERS,
    COMMENTS,
    MARKDOWN,
    SITE_SECTIONS,
    key_names,
    required_keys,
)
from ..core.schema import SITE, SITE_KEYS
from ..core.urls import encoded_url
from ..core.weburl import NOT_IN_URLS, address_problem, lacks_scheme, split_problem
from ..core.yamlchecks import (
    as_text,
    as_written,
    check_characters,
    meant_keys,
    type_problem,
    unknown_key_problems,
)
from ..core.yamldoc import load_mapping
from ..core.yamlentry import Entry
from ..trust.editorial import parse_requirements
from ..trust.people import author_problem, collision_problems, parse_people
from .imagefield import parse_image, parse_widths
from .menuconfig import parse_menu
from .siteroot import missing_config
from .theme import parse_theme

MAX_REVIEW_INTERVAL_DAYS = 3650
"""Longest time between medical reviews: advice not looked at for ten years is not reviewed."""
MAX_LINK_CACHE_DAYS = 365
"""Longest time ``check --links`` trusts an earlier answer: a page can go within a year."""

PROVIDER_SETTINGS = {name: required_keys(table) for name, table in COMMENT_PROVIDERS.items()}
"""Each comment provider's required settings (its block in ``comments``)."""


_FILL_IN = "write a value, or remove the key to take the default"
"""The fix for a key of site.yaml left empty that has a default."""


def load_config(root: Path) -> SiteConfig:
    """Read and validate ``<root>/site.yaml``."""
    path = root / CONFIG_FILE
    if not path.exists():
        raise missing_config(root)
    data = read_regular_file(path, CONFIG_FILE, ConfigError, MAX_HEADER_BYTES)
    return parse_config(decode_source(data, CONFIG_FILE, ConfigError))


def parse_config(text: str, path: str = CONFIG_FILE) -> SiteConfig:
    """Validate the text of ``site.yaml``; collects every problem before raising."""
    swallowed: set[str] = set()  # keys a quote left open read on over: written, not missing
    entries, problems = load_mapping(text, path, ConfigError, swallowed=swallowed)
    entries, found = check_characters(entries, path, ConfigError, text)
    problems += found
    problems += unknown_key_problems(entries, SITE_KEYS, path, ConfigError, nested=SITE_SECTIONS)
    usable: dict[str, Entry] = {}
    for key in SITE:
        entry = entries.get(key.name)
        if entry is None or entry.broken:  # a broken value is already reported
            continue
        if problem := type_problem(key.name, entry, key.type, path, ConfigError):
            problem.hint = key.hint or problem.hint
            problems.append(problem)
        else:
            usable[key.name] = entry
    problems += [
        ConfigError(f"missing required key '{key.name}'", path, 1, f"add '{key.name}: {key.fix}'")
        for key in SITE
        if key.required
        and key.name not in entries.keys() | swallowed | meant_keys(entries, SITE_KEYS)
    ]
    problems += _check_values(usable, path)
    comments = _comments(usable.get("comments"), path, problems)
    allow_html = _allow_html(usable.get("markdown"), path, problems)
    authors = (
        parse_people(usable["authors"], "authors", path, problems) if "authors" in usable else {}
    )
    reviewers = (
        parse_people(usable["reviewers"], "reviewers", path, problems)
        if "reviewers" in usable
        else {}
    )
    requirements = (
        parse_requirements(usable["require"], path, problems) if "require" in usable else ()
    )
    menu = parse_menu(usable["menu"], path, problems) if "menu" in usable else ()
    image, widths = _images(usable, path, problems)
    theme = parse_theme(usable.get("theme"), path, problems)
    problems += collision_problems(authors, reviewers, path)
    raise_if_any(problems)
    values = {key.name: usable[key.name].value for key in _COPIED if key.name in usable}
    values["base_url"] = encoded_url(_with_slash(values["base_url"]))
    config = SiteConfig(
        **values,
        authors=authors,
        reviewers=reviewers,
        requirements=requirements,
        menu=menu,
        theme=theme,
        comments=comments,
        allow_html=allow_html,
        image=image,
        lines=key_lines(entries),
    )
    if widths:
        config = dataclasses.replace(config, image_widths=widths)
    if config.author and (
        problem := author_problem(config.author, config, path, entries["author"].line, ConfigError)
    ):
        raise problem
    return config


_COPIED = tuple(key for key in SITE if not key.structured)
"""Keys whose values the config holds as they are written (the others become records)."""


def _check_values(entries: dict[str, Entry], path: str) -> list[ArticlegenError]:
    problems: list[ArticlegenError] = []
    if "base_url" in entries and (problem := base_url_problem(entries["base_url"].value)):
        what, hint = problem
        problems.append(ConfigError(f"'base_url' {what}", path, entries["base_url"].line, hint))
    if "per_page" in entries and entries["per_page"].value < 1:
        problems.append(
            ConfigError("'per_page' must be at least 1", path, entries["per_page"].line)
        )
    problems += [
        ConfigError(
            f"'{key.name}' is empty",
            path,
            entries[key.name].line,
            "write a value" if key.required else _FILL_IN,
        )
        for key in SITE
        if key.nonempty and key.name in entries and not entries[key.name].value.strip()
    ]
    if "language" in entries and (language := language_problem(entries["language"].value)):
        what, hint = language
        problems.append(ConfigError(f"'language' {what}", path, entries["language"].line, hint))
    if "timezone" in entries and (zone_error := zone_problem(entries["timezone"].value)):
        problems.append(
            ConfigError(
                zone_error,
                path,
                entries["timezone"].line,
                "use an IANA time zone name, e.g. timezone: Europe/Berlin or UTC",
            )
        )
    interval = entries.get("review_interval_days")
    if interval is not None and not 1 <= interval.value <= MAX_REVIEW_INTERVAL_DAYS:
        problems.append(
            ConfigError(
                "'review_interval_days' must be at least 1 and at most "
                f"{MAX_REVIEW_INTERVAL_DAYS} (ten years), found {as_written(interval)}",
                path,
                interval.line,
                "e.g. review_interval_days: 365",
            )
        )
    cache_days = entries.get("link_cache_days")
    if cache_days is not None and not 0 <= cache_days.value <= MAX_LINK_CACHE_DAYS:
        problems.append(
            ConfigError(
                f"'link_cache_days' must be at least 0 and at most {MAX_LINK_CACHE_DAYS},"
                f" found {as_written(cache_days)}",
                path,
                cache_days.line,
                "e.g. link_cache_days: 7 (0 asks for every link on every check)",
            )
        )
    return problems


def _images(
    entries: dict[str, Entry], path: str, problems: list[ArticlegenError]
) -> tuple[HeroImage | None, tuple[int, ...]]:
    """``image:`` (the share image) and ``images.widths`` (of variants; empty: the default),
    each when written and good; their problems added to ``problems``."""
    image: HeroImage | None = None
    widths: tuple[int, ...] = ()
    try:
        if "image" in entries:
            image = parse_image("image", entries["image"], path, ConfigError)
    except ArticlegenError as problem:
        problems.append(problem)
    try:
        if "images" in entries:
            widths = parse_widths(entries["images"], path, ConfigError)
    except ArticlegenError as problem:
        problems.append(problem)
    return image, widths


def _comments(entry: Entry | None, path: str, problems: list[ArticlegenError]) -> CommentsConfig:
    if entry is None or entry.children is None:
        return CommentsConfig()
    keys = entry.children
    problems += unknown_key_problems(
        keys, key_names(COMMENTS), path, ConfigError, section="comments"
    )
    default = False
    if "default" in keys:
        if problem := type_problem("comments.default", keys["default"], bool, path, ConfigError):
            problems.append(problem)
        else:
            default = keys["default"].value
    provider = keys.get("provider")
    if provider is None:
        if default:  # else every article would silently get no comments
            problems.append(_default_without_provider(keys["default"], path))
        return CommentsConfig(default=default)
    if not isinstance(provider.value, str) or provider.value not in PROVIDER_SETTINGS:
        problems.append(
            ConfigError(
                f"unknown comments provider {as_written(provider)}",
                path,
                provider.line,
                "use one of: " + ", ".join(PROVIDER_SETTINGS),
            )
        )
        return CommentsConfig(default=default)
    return CommentsConfig(
        provider.value, default, _provider_settings(provider, keys, path, problems)
    )


def _default_without_provider(default: Entry, path: str) -> ConfigError:
    return ConfigError(
        "comments.default is true, but no comments provider is set",
        path,
        default.line,
        "set comments.provider (one of: " + ", ".join(PROVIDER_SETTINGS) + "), or default: false",
    )


def _provider_settings(
    provider: Entry, keys: dict[str, Entry], path: str, problems: list[ArticlegenError]
) -> dict[str, str]:
    name = provider.value
    required = PROVIDER_SETTINGS[name]
    addresses = {key.name for key in COMMENT_PROVIDERS[name] if key.type == ADDRESS}
    block = keys.get(name)
    if block is None or block.children is None:
        problems.append(
            ConfigError(
                f"comments provider '{name}' needs a 'comments.{name}' block",
                path,
                provider.line,
                f"add comments.{name} with: " + ", ".join(required),
            )
        )
        return {}
    settings = block.children
    problems += unknown_key_problems(
        settings, required, path, ConfigError, section=f"comments.{name}"
    )
    for key in required:
        if key not in settings:
            problems.append(
                ConfigError(f"missing 'comments.{name}.{key}'", path, block.line, f"add {key}: …")
            )
        elif not isinstance(settings[key].value, str | int) or isinstance(
            settings[key].value, bool
        ):
            problems.append(
                ConfigError(f"'comments.{name}.{key}' must be text", path, settings[key].line)
            )
        elif key in addresses and (problem := address_problem(as_text(settings[key]))):
            what, hint = problem  # the page loads the provider's script from there
            problems.append(
                ConfigError(f"'comments.{name}.{key}' {what}", path, settings[key].line, hint)
            )
    return {k: as_text(e) for k, e in settings.items() if k in required}


def _allow_html(entry: Entry | None, path: str, problems: list[ArticlegenError]) -> bool:
    if entry is None or entry.children is None:
        return False
    problems += unknown_key_problems(
        entry.children, key_names(MARKDOWN), path, ConfigError, section="markdown"
    )
    allow = entry.children.get("allow_html")
    if allow is None:
        return False
    if problem := type_problem("markdown.allow_html", allow, bool, path, ConfigError):
        problems.append(problem)
        return False
    allowed: bool = allow.value  # a bool: type_problem refused anything else
    return allowed


def key_lines(entries: dict[str, Entry], prefix: str = "") -> dict[str, int]:
    """The file line of every key, nested keys of mappings dotted (``comments.giscus.repo_id``),
    for what is found wrong after parsing."""
    lines = {}
    for key, entry in entries.items():
        lines[prefix + key] = entry.line
        if entry.children is not None:
            lines.update(key_lines(entry.children, f"{prefix}{key}."))
    return lines


def base_url_problem(url: str, written: str = "base_url: ") -> tuple[str, str] | None:
    """What keeps ``url`` from prefixing every address the site prints (it must be an
    absolute http(s) URL with a host, no query or fragment, and only characters a URL may
    hold) and how to fix it, its example ``written`` as the setting is; None if nothing."""
    if unsplittable := split_problem(url):
        return (
            f"is no web address ({unsplittable}), found '{url}'",
            f"copy the address again, e.g. {written}https://example.org/ or "
            "https://example.org/blog/",
        )
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        whole = f"https://{url.strip().rstrip('/')}/" if lacks_scheme(url + "/") else None
        return (
            f"must be an absolute http(s) URL, found '{url}'",
            f"write it whole: {written}{whole}"
            if whole
            else f"e.g. {written}https://example.org/ or https://example.org/blog/",
        )
    bad = sorted({c for c in url if c in NOT_IN_URLS or c.isspace() or not c.isprintable()})
    if bad:
        shown = " ".join(repr(c) for c in bad)
        return (
            f"holds characters a URL cannot hold: {shown}, found '{url}'",
            "percent-encode them (a space is %20, a quote %22) or leave them out",
        )
    if "@" in parts.netloc:  # every canonical link, feed and sitemap would print it
        return (
            "holds a user name or password before '@', which every page would publish",
            f"give the public address alone, e.g. {written}https://"
            f"{parts.hostname or 'example.org'}/",
        )
    if parts.query or parts.fragment or url.endswith(("?", "#")):
        return (
            f"cannot have a query or fragment ('?' or '#'), found '{url}'",
            f"give the address of the site's root folder, e.g. {written}https://example.org/blog/",
        )
    return None


def with_base_url(config: SiteConfig, url: str) -> SiteConfig:
    """``config`` with ``url`` (``--base-url``, checked as ``site.yaml``'s is) as its base URL;
    unchecked, ``javascript:alert(1)//`` would prefix every canonical and feed link."""
    if problem := base_url_problem(url, "--base-url "):
        what, hint = problem
        raise ConfigError(f"--base-url {what}", hint=hint)
    return dataclasses.replace(config, base_url=encoded_url(url.rstrip("/") + "/"))


def _with_slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"
